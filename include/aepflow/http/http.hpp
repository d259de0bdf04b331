#pragma once
// HTTP values and the transport interface. A Request is built by the typed client with a path
// relative to the service's base URL; the pipeline adds the standard headers and resolves the URL;
// a Transport sends it. An HTTP status is never a transport error: any answer is a Response, and
// only the client decides which statuses are errors.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "aepflow/base/error.hpp"

namespace aepflow {

enum class Method { get, post, put, patch, delete_ };

std::string_view to_string(Method m);

struct Header {
  std::string name;
  std::string value;
};
using Headers = std::vector<Header>;

// Case-insensitive lookup; nullptr when absent.
const std::string* find_header(const Headers& headers, std::string_view name);
// Replaces every header of that name (case-insensitively) with one value.
void set_header(Headers& headers, std::string_view name, std::string value);

using QueryParams = std::vector<std::pair<std::string, std::string>>;

struct Request {
  Method method = Method::get;
  // The service's path below the Platform root ("/data/foundation/flowservice"), set by the
  // service's client; `path` is below it.
  std::string service;
  bool platform = false;  // set with `service`: for a Platform service, not the token endpoint
  std::string path;       // "/flows/ID"; may already carry a query string (a followed next link)
  QueryParams query;
  Headers headers;
  std::string body;
  // Set by the builder of a POST whose repetition changes nothing (enable, disable, search), so
  // the retry policy treats it like a GET.
  bool repeatable = false;
  // Why the request must not be sent (its body could not be encoded: a value that is not UTF-8),
  // found by its builder; the pipeline refuses it before any policy runs.
  std::string unsendable;
};

struct Response {
  int status = 0;
  Headers headers;
  std::string body;
  int attempts = 1;  // how many times the request was sent to get this answer (retries)
  // Made up by a dry run for a write it did not send: logged as not sent, never as an answer.
  bool simulated = false;
};

// Percent-encodes everything but RFC 3986 unreserved characters.
std::string url_encode(std::string_view s);
// base_url + path + "?" + encoded query ("&" when the path already has a query).
// The Platform root, the request's service, its path and query.
std::string build_url(std::string_view base_url, const Request& req);

// The index of the first character of a header value that cannot go on the wire as it is (a
// control character: CR or LF would end the header and start another, NUL would cut it; a tab is
// allowed), or npos.
std::size_t header_value_flaw(std::string_view value);

// A usage error when `req` cannot be sent as it is: `unsendable` is set, or a header's name or
// value holds a control character (the value is not shown: it may be a secret). The last check
// before a request goes on the wire; every transport makes it.
Result<void> check_sendable(const Request& req);

class Transport {
 public:
  virtual ~Transport() = default;
  // Sends one request to an absolute URL. Fails only when no HTTP answer was received.
  virtual Result<Response> send(const Request& req, const std::string& url) = 0;
  // True when send may be called from several threads at once (each call then has its own
  // connection). Callers that could overlap requests do so only then.
  virtual bool concurrent() const { return false; }
};

}  // namespace aepflow
