#pragma once
// The request pipeline: a short chain of policies in front of a Transport, built in one place.
//   request id -> retry (what is safe to repeat; retry.hpp) -> auth (bearer token; one refresh
//   and retry on 401) -> standard headers (api key, org, sandbox) -> log (redacted) -> transport
// Each policy sees the request on its way out and the response on its way back.

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "aepflow/base/error.hpp"
#include "aepflow/http/http.hpp"
#include "aepflow/http/log.hpp"
#include "aepflow/http/retry.hpp"

namespace aepflow {

// What identifies the caller besides the bearer token (which comes from a TokenSource).
struct Credentials {
  std::string api_key;
  std::string org_id;
  std::string sandbox = "prod";
};

class HttpPipeline;
class TokenSource;

class Policy {
 public:
  virtual ~Policy() = default;
  // Calls `next` to pass the request on; may change the request first or the response after.
  virtual Result<Response> send(Request& req,
                                const std::function<Result<Response>(Request&)>& next) = 0;
};

class HttpPipeline {
 public:
  HttpPipeline(std::string base_url, std::vector<std::unique_ptr<Policy>> policies,
               std::shared_ptr<Transport> transport);

  Result<Response> send(Request req);
  const std::string& base_url() const { return base_url_; }
  // Whether requests may be sent from several threads at once (the transport allows it; every
  // policy does).
  bool concurrent() const { return transport_->concurrent(); }

 private:
  Result<Response> send_from(std::size_t index, Request& req);

  std::string base_url_;
  std::vector<std::unique_ptr<Policy>> policies_;
  std::shared_ptr<Transport> transport_;
};

struct HttpPipelineOptions {
  std::string base_url;
  Credentials credentials;
  TokenSource* tokens = nullptr;  // the bearer token; none: no Authorization header
  std::string user_agent;
  LogSink* log = nullptr;                             // optional
  std::function<std::string()> request_id_generator;  // default: random UUIDs
  // Retries (see retry.hpp); max_attempts 1 turns them off. The log sink is filled in from `log`.
  RetryOptions retry;
};

// The standard pipeline every command uses.
std::unique_ptr<HttpPipeline> make_pipeline(HttpPipelineOptions options,
                                            std::shared_ptr<Transport> transport);

// Policies, exposed for tests.
std::unique_ptr<Policy> make_request_id_policy(std::function<std::string()> generator);
std::unique_ptr<Policy> make_headers_policy(Credentials credentials, std::string user_agent);
std::unique_ptr<Policy> make_log_policy(LogSink& sink, std::string base_url);

// A random RFC 4122 version 4 UUID.
std::string random_uuid();

}  // namespace aepflow
