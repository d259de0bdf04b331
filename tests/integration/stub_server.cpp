#include "stub_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

namespace test {

StubServer::StubServer(Handler handler) : handler_(std::move(handler)) {
  listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
  if (listener_ < 0) throw std::runtime_error("socket failed");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  if (::bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::listen(listener_, 16) != 0 ||
      ::getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    ::close(listener_);
    throw std::runtime_error("bind/listen failed");
  }
  port_ = ntohs(addr.sin_port);
  thread_ = std::thread([this] { serve(); });
}

StubServer::~StubServer() {
  stopping_ = true;
  thread_.join();
  ::close(listener_);
}

std::string StubServer::url() const {
  return "http://127.0.0.1:" + std::to_string(port_);
}

void StubServer::serve() {
  while (!stopping_) {
    pollfd waiting{listener_, POLLIN, 0};
    if (::poll(&waiting, 1, 50) <= 0) continue;
    const int client = ::accept(listener_, nullptr, nullptr);
    if (client < 0) continue;
    // One request per connection: its head, and its body when it announces one (ignored).
    std::string buffer;
    char chunk[4096];
    std::size_t end = std::string::npos;
    bool open = true;
    while (open && (end = buffer.find("\r\n\r\n")) == std::string::npos) {
      const ssize_t n = ::recv(client, chunk, sizeof chunk, 0);
      if (n <= 0)
        open = false;
      else
        buffer.append(chunk, static_cast<std::size_t>(n));
    }
    if (open) {
      const std::string head = buffer.substr(0, end);
      std::size_t body = 0;
      if (auto at = head.find("Content-Length: "); at != std::string::npos)
        body = std::stoul(head.substr(at + 16));
      while (open && buffer.size() < end + 4 + body) {
        const ssize_t n = ::recv(client, chunk, sizeof chunk, 0);
        if (n <= 0)
          open = false;
        else
          buffer.append(chunk, static_cast<std::size_t>(n));
      }
      ++requests_;
      handler_(head.substr(0, head.find("\r\n")), [&](const std::string& bytes) {
        std::size_t sent = 0;
        while (open && sent < bytes.size()) {
          const ssize_t n = ::send(client, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
          if (n <= 0)
            open = false;
          else
            sent += static_cast<std::size_t>(n);
        }
        return open;
      });
    }
    ::close(client);
  }
}

std::map<std::string, std::string> stub_env(const StubServer& stub, const std::string& home) {
  return {{"AEP_BASE_URL", stub.url() + "/data/foundation/flowservice"},
          {"AEP_ACCESS_TOKEN", "stub-token"},
          {"AEP_API_KEY", "stub-key"},
          {"AEP_ORG_ID", "0A1B2C3D4E5F60718293A4B5@AdobeOrg"},
          {"AEP_SANDBOX", "dev"},
          {"HOME", home},
          {"XDG_CONFIG_HOME", home + "/.config"},
          {"XDG_CACHE_HOME", home + "/.cache"}};
}

std::string http_answer(int status, const std::string& body, const std::string& content_type) {
  return "HTTP/1.1 " + std::to_string(status) + " Stub\r\nContent-Type: " + content_type +
         "\r\nConnection: close\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" +
         body;
}

}  // namespace test
