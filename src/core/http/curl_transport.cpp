// The only file that includes <curl/curl.h>.
#include "aepflow/http/curl_transport.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <memory>
#include <mutex>
#include <vector>

#include "aepflow/http/retry.hpp"

namespace aepflow {

namespace {

struct EasyDeleter {
  void operator()(CURL* h) const { curl_easy_cleanup(h); }
};
struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

// Where an answer's body goes: at most `limit` bytes, then the transfer is ended.
struct BodySink {
  std::string* body = nullptr;
  std::size_t limit = 0;
  bool over = false;
};

size_t on_body(char* data, size_t size, size_t count, void* user) {
  auto* sink = static_cast<BodySink*>(user);
  const std::size_t n = size * count;
  if (n > sink->limit - std::min(sink->limit, sink->body->size())) {
    sink->over = true;
    return 0;  // ends the transfer with CURLE_WRITE_ERROR
  }
  sink->body->append(data, n);
  return n;
}

// "64 MiB", "1.5 GiB", "512 KiB", "100 bytes".
std::string byte_size(std::size_t bytes) {
  static constexpr std::array<const char*, 4> units = {"bytes", "KiB", "MiB", "GiB"};
  double value = static_cast<double>(bytes);
  std::size_t unit = 0;
  while (value >= 1024 && unit + 1 < units.size()) {
    value /= 1024;
    ++unit;
  }
  char text[32];
  if (unit == 0 || value == static_cast<double>(static_cast<long long>(value))) {
    std::snprintf(text, sizeof text, "%lld %s", static_cast<long long>(value), units[unit]);
  } else {
    std::snprintf(text, sizeof text, "%.1f %s", value, units[unit]);
  }
  return text;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto* headers = static_cast<Headers*>(user);
  std::string_view line(data, size * count);
  if (line.starts_with("HTTP/")) {
    headers->clear();  // a new response (after a redirect or 100 Continue)
  } else if (auto colon = line.find(':'); colon != std::string_view::npos) {
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
      value.remove_prefix(1);
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' '))
      value.remove_suffix(1);
    headers->push_back({std::string(line.substr(0, colon)), std::string(value)});
  }
  return size * count;
}

// Ends a transfer in progress when the user presses Ctrl-C.
int on_progress(void*, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  return interrupt_requested() ? 1 : 0;
}

struct ShareDeleter {
  void operator()(CURLSH* s) const { curl_share_cleanup(s); }
};

// What easy handles used at the same time share: the DNS cache and TLS sessions (a second
// connection to the same host resumes the first one's session). Connections are not shared
// across threads (libcurl does not support it); each handle keeps its own.
class Share {
 public:
  Share() : share_(curl_share_init()) {
    if (!share_) return;
    curl_share_setopt(share_.get(), CURLSHOPT_LOCKFUNC, &Share::lock);
    curl_share_setopt(share_.get(), CURLSHOPT_UNLOCKFUNC, &Share::unlock);
    curl_share_setopt(share_.get(), CURLSHOPT_USERDATA, this);
    curl_share_setopt(share_.get(), CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
    curl_share_setopt(share_.get(), CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
  }
  CURLSH* get() const { return share_.get(); }

 private:
  static void lock(CURL*, curl_lock_data data, curl_lock_access, void* self) {
    static_cast<Share*>(self)->mutexes_[index(data)].lock();
  }
  static void unlock(CURL*, curl_lock_data data, void* self) {
    static_cast<Share*>(self)->mutexes_[index(data)].unlock();
  }
  static std::size_t index(curl_lock_data data) {
    auto i = static_cast<std::size_t>(data);
    return i < kLocks ? i : 0;
  }

  static constexpr std::size_t kLocks = CURL_LOCK_DATA_LAST;
  std::array<std::mutex, kLocks> mutexes_;
  std::unique_ptr<CURLSH, ShareDeleter> share_;
};

// libcurl's global state, set up once before the first handle or share.
struct GlobalInit {
  GlobalInit() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  }
};

class CurlTransport final : public Transport {
 public:
  explicit CurlTransport(CurlOptions options) : options_(std::move(options)) {}

  bool concurrent() const override { return true; }

  Result<Response> send(const Request& req, const std::string& url) override {
    // The last line of defence: libcurl would send a CR or LF in a header as it is.
    if (auto ok = check_sendable(req); !ok) return std::unexpected(ok.error());
    // A handle from the idle ones (the most recently used: its connection is the warm one), or a
    // new one when every handle is busy in another thread.
    std::unique_ptr<CURL, EasyDeleter> handle = acquire();
    if (!handle) return fail(ErrorKind::internal, "could not initialise libcurl");
    auto result = perform(handle.get(), req, url);
    release(std::move(handle));
    return result;
  }

 private:
  std::unique_ptr<CURL, EasyDeleter> acquire() {
    {
      std::lock_guard lock(mutex_);
      if (!idle_.empty()) {
        auto h = std::move(idle_.back());
        idle_.pop_back();
        return h;
      }
    }
    return std::unique_ptr<CURL, EasyDeleter>(curl_easy_init());
  }

  void release(std::unique_ptr<CURL, EasyDeleter> handle) {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(handle));
  }

  Result<Response> perform(CURL* h, const Request& req, const std::string& url) {
    // Reset clears the options but keeps the connection cache, DNS cache and TLS sessions.
    curl_easy_reset(h);

    std::unique_ptr<curl_slist, SlistDeleter> list;
    auto add = [&list](const std::string& line) {
      curl_slist* next = curl_slist_append(list.get(), line.c_str());
      // curl_slist_append returns the list's head: the new node only when the list was empty.
      if (next && !list) list.reset(next);
    };
    for (const auto& header : req.headers)
      add(header.name + ": " + header.value);
    add("Expect:");  // no 100-continue round trip for larger bodies

    Response res;
    char error_buffer[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, list.get());
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error_buffer);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
    BodySink sink{&res.body, options_.max_response_bytes};
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &sink);
    // An answer that announces its size is refused before its body is read.
    curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE,
                     static_cast<curl_off_t>(options_.max_response_bytes));
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &res.headers);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    if (share_.get()) curl_easy_setopt(h, CURLOPT_SHARE, share_.get());
    curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(h, CURLOPT_TCP_KEEPALIVE, 1L);
    // gzip only: it saves bandwidth on large lists; brotli costs the server more than it saves.
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "gzip");
    curl_easy_setopt(h, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_2TLS);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(options_.connect_timeout.count()));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.total_timeout.count()));
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!options_.ca_bundle.empty())
      curl_easy_setopt(h, CURLOPT_CAINFO, options_.ca_bundle.c_str());
    if (!options_.user_agent.empty()) {
      curl_easy_setopt(h, CURLOPT_USERAGENT, options_.user_agent.c_str());
    }

    switch (req.method) {
      case Method::get:
        curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
        break;
      case Method::post:
        curl_easy_setopt(h, CURLOPT_POST, 1L);
        break;
      default:
        curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, std::string(to_string(req.method)).c_str());
        break;
    }
    if (req.method != Method::get) {
      curl_easy_setopt(h, CURLOPT_POSTFIELDS, req.body.c_str());
      curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(req.body.size()));
    }

    if (interrupt_requested()) return fail(ErrorKind::interrupted, "interrupted");
    CURLcode rc = curl_easy_perform(h);
    if (rc != CURLE_OK) {
      if (rc == CURLE_ABORTED_BY_CALLBACK) return fail(ErrorKind::interrupted, "interrupted");
      if (rc == CURLE_FILESIZE_EXCEEDED || (rc == CURLE_WRITE_ERROR && sink.over)) {
        // Not a network failure: the same answer would come again, so it is not retried.
        return fail(ErrorKind::api, "the answer is larger than " +
                                        byte_size(options_.max_response_bytes) +
                                        " and was not read (--max-response-size)");
      }
      std::string detail = error_buffer[0] ? error_buffer : curl_easy_strerror(rc);
      std::string what;
      bool not_sent = false;
      switch (rc) {
        case CURLE_OPERATION_TIMEDOUT:
          what = "the request timed out";
          break;
        case CURLE_COULDNT_CONNECT:
          what = "could not connect";
          not_sent = true;
          break;
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_RESOLVE_PROXY:
          what = "could not resolve the host";
          not_sent = true;
          break;
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_CONNECT_ERROR:
          what = "TLS failed";
          not_sent = true;  // the handshake failed: no request bytes were sent
          break;
        case CURLE_GOT_NOTHING:
        case CURLE_PARTIAL_FILE:
        case CURLE_RECV_ERROR:
        case CURLE_SEND_ERROR:
          what = "the connection was dropped";
          break;
        default:
          what = "the request failed";
          break;
      }
      auto e = fail(ErrorKind::network, what + ": " + detail);
      e.error().not_sent = not_sent;
      return e;
    }
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    res.status = static_cast<int>(status);
    return res;
  }

  GlobalInit init_;
  CurlOptions options_;
  Share share_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<CURL, EasyDeleter>> idle_;
};

}  // namespace

std::shared_ptr<Transport> make_curl_transport(const CurlOptions& options) {
  return std::make_shared<CurlTransport>(options);
}

}  // namespace aepflow
