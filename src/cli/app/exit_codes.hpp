#pragma once
// The process exit codes. Scripts and CI depend on them: they are documented in the README and in
// `aepflow --help`, and they never change meaning.

#include "aepflow/base/error.hpp"

namespace aepflow::exit_code {

inline constexpr int ok = 0;
inline constexpr int error = 1;          // API error or unexpected failure
inline constexpr int usage = 2;          // bad usage or invalid input; nothing was sent
inline constexpr int auth = 3;           // authentication or permission (401/403)
inline constexpr int not_found = 4;      // 404
inline constexpr int precondition = 5;   // 412: etag no longer current
inline constexpr int network = 6;        // network failure or timeout
inline constexpr int mismatch = 7;       // validation found a mismatch
inline constexpr int interrupted = 130;  // stopped by Ctrl-C (128 + SIGINT), as shells report it

constexpr int for_kind(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::usage:
      return usage;
    case ErrorKind::auth:
      return auth;
    case ErrorKind::not_found:
      return not_found;
    case ErrorKind::precondition:
      return precondition;
    case ErrorKind::network:
      return network;
    case ErrorKind::mismatch:
      return mismatch;
    case ErrorKind::interrupted:
      return interrupted;
    case ErrorKind::api:
    case ErrorKind::internal:
      return error;
  }
  return error;
}

}  // namespace aepflow::exit_code
