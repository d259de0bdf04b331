#include "aepflow/http/http_pipeline.hpp"

#include <chrono>
#include <cstdio>
#include <random>

#include "aepflow/auth/auth.hpp"
#include "aepflow/http/redact.hpp"

namespace aepflow {

HttpPipeline::HttpPipeline(std::string base_url, std::vector<std::unique_ptr<Policy>> policies,
                           std::shared_ptr<Transport> transport)
    : base_url_(std::move(base_url)),
      policies_(std::move(policies)),
      transport_(std::move(transport)) {
  while (!base_url_.empty() && base_url_.back() == '/')
    base_url_.pop_back();
}

Result<Response> HttpPipeline::send(Request req) {
  if (!req.unsendable.empty()) return usage(req.unsendable);
  return send_from(0, req);
}

Result<Response> HttpPipeline::send_from(std::size_t index, Request& req) {
  if (index == policies_.size()) {
    // With every header in place: nothing the policies added may change the request on the wire.
    if (auto ok = check_sendable(req); !ok) return std::unexpected(ok.error());
    return transport_->send(req, build_url(base_url_, req));
  }
  return policies_[index]->send(req, [this, index](Request& r) { return send_from(index + 1, r); });
}

std::string random_uuid() {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  std::uint64_t hi = rng(), lo = rng();
  hi = (hi & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;  // version 4
  lo = (lo & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;  // variant 10
  char buf[37];
  std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(hi >> 32),
                static_cast<unsigned>((hi >> 16) & 0xFFFF), static_cast<unsigned>(hi & 0xFFFF),
                static_cast<unsigned>(lo >> 48),
                static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFULL));
  return buf;
}

namespace {

using Next = std::function<Result<Response>(Request&)>;

class RequestIdPolicy final : public Policy {
 public:
  explicit RequestIdPolicy(std::function<std::string()> gen) : gen_(std::move(gen)) {}
  Result<Response> send(Request& req, const Next& next) override {
    if (!find_header(req.headers, "x-request-id")) set_header(req.headers, "x-request-id", gen_());
    return next(req);
  }

 private:
  std::function<std::string()> gen_;
};

class HeadersPolicy final : public Policy {
 public:
  HeadersPolicy(Credentials c, std::string ua) : creds_(std::move(c)), user_agent_(std::move(ua)) {}
  Result<Response> send(Request& req, const Next& next) override {
    set_header(req.headers, "x-api-key", creds_.api_key);
    set_header(req.headers, "x-gw-ims-org-id", creds_.org_id);
    set_header(req.headers, "x-sandbox-name", creds_.sandbox);
    if (!find_header(req.headers, "Accept")) set_header(req.headers, "Accept", "application/json");
    if (!req.body.empty() && !find_header(req.headers, "Content-Type")) {
      set_header(req.headers, "Content-Type", "application/json");
    }
    if (!user_agent_.empty()) set_header(req.headers, "User-Agent", user_agent_);
    return next(req);
  }

 private:
  Credentials creds_;
  std::string user_agent_;
};

class LogPolicy final : public Policy {
 public:
  LogPolicy(LogSink& sink, std::string base_url) : sink_(sink), base_url_(std::move(base_url)) {}
  Result<Response> send(Request& req, const Next& next) override {
    if (!sink_.enabled(LogLevel::info)) return next(req);
    const bool debug = sink_.enabled(LogLevel::debug);
    std::string line = "> " + std::string(to_string(req.method)) + " " + build_url(base_url_, req);
    sink_.write(LogLevel::info, line);
    if (debug) {
      for (const auto& h : redact_headers(req.headers)) {
        sink_.write(LogLevel::debug, "> " + h.name + ": " + h.value);
      }
      if (!req.body.empty()) sink_.write(LogLevel::debug, "> " + redact_body(req.body));
    }
    auto start = std::chrono::steady_clock::now();
    auto res = next(req);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::steady_clock::now() - start)
                  .count();
    if (!res) {
      sink_.write(LogLevel::info,
                  "< no response after " + std::to_string(ms) + " ms: " + res.error().message);
      return res;
    }
    if (res->simulated) {
      sink_.write(LogLevel::info, "< not sent (dry run)");
      return res;
    }
    sink_.write(LogLevel::info,
                "< " + std::to_string(res->status) + " in " + std::to_string(ms) + " ms");
    if (debug) {
      for (const auto& h : redact_headers(res->headers)) {
        sink_.write(LogLevel::debug, "< " + h.name + ": " + h.value);
      }
      if (!res->body.empty()) sink_.write(LogLevel::debug, "< " + redact_body(res->body));
    }
    return res;
  }

 private:
  LogSink& sink_;
  std::string base_url_;
};

}  // namespace

std::unique_ptr<Policy> make_request_id_policy(std::function<std::string()> generator) {
  if (!generator) generator = random_uuid;
  return std::make_unique<RequestIdPolicy>(std::move(generator));
}

std::unique_ptr<Policy> make_headers_policy(Credentials credentials, std::string user_agent) {
  return std::make_unique<HeadersPolicy>(std::move(credentials), std::move(user_agent));
}

std::unique_ptr<Policy> make_log_policy(LogSink& sink, std::string base_url) {
  return std::make_unique<LogPolicy>(sink, std::move(base_url));
}

std::unique_ptr<HttpPipeline> make_pipeline(HttpPipelineOptions options,
                                            std::shared_ptr<Transport> transport) {
  std::vector<std::unique_ptr<Policy>> policies;
  policies.push_back(make_request_id_policy(std::move(options.request_id_generator)));
  if (options.retry.max_attempts > 1) {
    if (!options.retry.log) options.retry.log = options.log;
    policies.push_back(make_retry_policy(std::move(options.retry)));
  }
  if (options.tokens) policies.push_back(make_auth_policy(*options.tokens));
  policies.push_back(make_headers_policy(std::move(options.credentials), options.user_agent));
  if (options.log) policies.push_back(make_log_policy(*options.log, options.base_url));
  return std::make_unique<HttpPipeline>(std::move(options.base_url), std::move(policies),
                                        std::move(transport));
}

}  // namespace aepflow
