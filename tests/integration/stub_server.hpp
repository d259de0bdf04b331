#pragma once
// A server that misbehaves as asked, for what the emulator will not do: an HTTP/1.1 listener on an
// ephemeral port of 127.0.0.1 whose every answer is written by the test, byte for byte (a body of
// any size, escapes in an error, a lie in Content-Length). One thread; one request per connection,
// closed after the answer.

#include <atomic>
#include <functional>
#include <map>
#include <string>
#include <thread>

namespace test {

class StubServer {
 public:
  // Writes the answer to the request (its request line, "GET /path HTTP/1.1") with `send`, which
  // returns false once the client has gone.
  using Send = std::function<bool(const std::string& bytes)>;
  using Handler = std::function<void(const std::string& request_line, const Send& send)>;

  explicit StubServer(Handler handler);
  ~StubServer();
  StubServer(const StubServer&) = delete;
  StubServer& operator=(const StubServer&) = delete;

  // http://127.0.0.1:PORT
  std::string url() const;
  int requests() const { return requests_.load(); }

 private:
  void serve();

  Handler handler_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> requests_{0};
  std::thread thread_;
};

// The AEP_* variables that point aepflow at `stub` (a token, so no IMS), with a HOME, config and
// cache of `home`'s.
std::map<std::string, std::string> stub_env(const StubServer& stub, const std::string& home);

// A whole answer: status line, Content-Type and Content-Length, and the body.
std::string http_answer(int status, const std::string& body,
                        const std::string& content_type = "application/json");

}  // namespace test
