#pragma once
// Errors are values: every fallible library call returns Result<T>, and no exception crosses the
// library boundary. An Error says what failed, why, and which HTTP exchange it came from, so the
// CLI can print one line and pick an exit code without knowing where it was produced.

#include <expected>
#include <string>
#include <utility>

namespace aepflow {

enum class ErrorKind {
  usage,         // bad flags or input; nothing was sent
  auth,          // 401/403
  not_found,     // 404
  precondition,  // 412: the etag is stale
  network,       // connect failure, timeout, TLS
  api,           // any other non-2xx answer, or an answer that is not what the service promises
  mismatch,      // a validation found something missing
  internal,      // a bug or an environment failure (I/O)
  interrupted,   // the user pressed Ctrl-C (SIGINT) or the process was asked to stop
};

struct Error {
  ErrorKind kind = ErrorKind::api;
  int status = 0;          // HTTP status, 0 when no response was received
  std::string code;        // Adobe's error code ("401013", "1404-412", ...), empty when none
  std::string title;       // short title from the body ("Version not matching")
  std::string message;     // the human-readable detail
  std::string request_id;  // from the body or the x-request-id header
  std::string body;        // raw response body, for -vv (redacted before printing)
  std::string context;     // what was being done: "create the dataflow"
  // Network failures only: true when the request provably never reached the service (connection
  // refused, host not found), so even a create can be sent again without risk of a duplicate.
  bool not_sent = false;

  // One line: "<context>: HTTP 412 [1404-412] <message> (request id ...)".
  std::string describe() const;
};

template <class T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(ErrorKind kind, std::string message) {
  Error e;
  e.kind = kind;
  e.message = std::move(message);
  return std::unexpected(std::move(e));
}

inline std::unexpected<Error> usage(std::string message) {
  return fail(ErrorKind::usage, std::move(message));
}

// Adds "what was being done" to an error on its way up.
inline Error with_context(Error e, std::string context) {
  if (e.context.empty()) e.context = std::move(context);
  return e;
}

}  // namespace aepflow
