#include "context.hpp"

#include <cmath>

#include "log_sink.hpp"

namespace aepflow::cli {

Context::Context(Io& io_, TransportFactory make_transport)
    : io(io_), make_transport_(std::move(make_transport)) {}

Context::~Context() = default;

Output& Context::out() {
  if (!output_) {
    Format f = io.out_is_terminal ? Format::table : Format::json;
    if (globals.output == "table") f = Format::table;
    if (globals.output == "json") f = Format::json;
    if (globals.output == "id") f = Format::id;
    output_ = std::make_unique<Output>(io.out, f);
  }
  return *output_;
}

void Context::warn(std::string_view message) {
  io.err << "warning: " << message << '\n';
}

Result<FlowService*> Context::service() {
  if (service_) return service_.get();
  std::string missing;
  auto need = [&missing](const std::string& value, std::string_view flag, std::string_view env) {
    if (value.empty()) {
      missing += missing.empty() ? "" : "; ";
      missing += std::string(flag) + " (or " + std::string(env) + ")";
    }
  };
  need(globals.access_token, "--access-token", "AEP_ACCESS_TOKEN");
  need(globals.api_key, "--api-key", "AEP_API_KEY");
  need(globals.org_id, "--org-id", "AEP_ORG_ID");
  if (!missing.empty()) return usage("missing credentials: " + missing);
  if (globals.sandbox.empty()) return usage("--sandbox (or AEP_SANDBOX) is empty");
  if (!globals.base_url.starts_with("http://") && !globals.base_url.starts_with("https://")) {
    return usage("--base-url must start with https:// (or http:// for a local emulator), got '" +
                 globals.base_url + "'");
  }
  if (!(globals.timeout_seconds > 0) || !std::isfinite(globals.timeout_seconds)) {
    return usage("--timeout must be a positive number of seconds");
  }

  CurlOptions curl;
  curl.total_timeout =
      std::chrono::milliseconds(static_cast<long long>(globals.timeout_seconds * 1000));
  curl.connect_timeout = std::min(curl.total_timeout, std::chrono::milliseconds(10'000));
  curl.user_agent = "aepflow/" AEPFLOW_VERSION;

  PipelineOptions p;
  p.base_url = globals.base_url;
  p.credentials = {globals.access_token, globals.api_key, globals.org_id, globals.sandbox};
  p.user_agent = curl.user_agent;
  if (globals.verbosity > 0) {
    log_ = make_stderr_log(io.err, globals.verbosity);
    p.log = log_.get();
  }
  pipeline_ = make_pipeline(std::move(p), make_transport_(curl));
  service_ = std::make_unique<FlowService>(*pipeline_);
  return service_.get();
}

}  // namespace aepflow::cli
