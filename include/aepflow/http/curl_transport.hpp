#pragma once
// The libcurl transport: easy handles kept for the life of the process, so every request after
// the first reuses a connection (keep-alive, DNS cache, TLS session). Safe to use from several
// threads: requests at the same time each get a handle (and connection) of their own, sharing
// DNS and TLS sessions; one at a time, they all go over the one warm connection. TLS verification
// is always on; a CA bundle can be given, verification cannot be turned off.

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "aepflow/http/http.hpp"

namespace aepflow {

struct CurlOptions {
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds total_timeout{60'000};  // per request; 0 = none
  std::string ca_bundle;                            // empty: the system's
  std::string user_agent;
  // The most one answer may hold, decoded (a gzip bomb counts by what it inflates to); a larger
  // one is abandoned mid-transfer and is an error, so a lying or broken server cannot exhaust
  // memory. A list is read page by page, each page one answer.
  std::size_t max_response_bytes = std::size_t{64} << 20;
};

std::shared_ptr<Transport> make_curl_transport(const CurlOptions& options);

}  // namespace aepflow
