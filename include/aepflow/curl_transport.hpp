#pragma once
// The libcurl transport: one easy handle owned for the life of the process, so every request
// after the first reuses the connection (keep-alive, DNS cache, TLS session). TLS verification is
// always on; a CA bundle can be given, verification cannot be turned off.

#include <chrono>
#include <memory>
#include <string>

#include "aepflow/http.hpp"

namespace aepflow {

struct CurlOptions {
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds total_timeout{60'000};  // per request; 0 = none
  std::string ca_bundle;                            // empty: the system's
  std::string user_agent;
};

std::shared_ptr<Transport> make_curl_transport(const CurlOptions& options);

}  // namespace aepflow
