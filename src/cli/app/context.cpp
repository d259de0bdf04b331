#include "app/context.hpp"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "aepflow/base/text.hpp"
#include "aepflow/http/redact.hpp"
#include "app/util.hpp"
#include "settings/byte_size.hpp"
#include "settings/params.hpp"
#include "terminal/dry_run.hpp"
#include "terminal/log_sink.hpp"

namespace aepflow::cli {

namespace {

// localhost, [::1] or a literal 127.x.y.z address.
bool is_loopback(std::string_view host) {
  if (host == "localhost" || host == "[::1]") return true;
  if (!host.starts_with("127.")) return false;
  int dots = 0;
  for (char c : host) {
    if (c == '.') {
      ++dots;
    } else if (c < '0' || c > '9') {
      return false;
    }
  }
  return dots == 3;
}

}  // namespace

Context::Context(Io& io_, TransportFactory make_transport)
    : io(io_), make_transport_(std::move(make_transport)) {}

Context::~Context() = default;

Output& Context::out() {
  if (!output_) output_ = std::make_unique<Output>(io.out, terminal.output_style());
  return *output_;
}

LogSink* Context::log() {
  if (globals.verbosity > 0 && !log_) log_ = make_stderr_log(io.err, globals.verbosity);
  return log_.get();
}

Result<const Settings*> Context::settings() {
  if (settings_) return &*settings_;
  auto resolved = resolve_settings(globals.flags, globals.profile, io);
  if (!resolved) return std::unexpected(resolved.error());
  settings_ = std::move(*resolved);
  for (const auto& w : settings_->warnings)
    warn(w);
  for (const char* key : {"access_token", "client_secret"}) {
    const Setting& s = (*settings_)[key];
    const SettingSpec& spec = *find_setting(key);
    if (s.origin == spec.flag && shown_value(spec, s.value) == "***") {
      warn(std::string(spec.flag) +
           " was typed on the command line, where shell history and other users' `ps` can see "
           "it; use " +
           std::string(spec.flag) + " env:VAR or @PATH, set " + std::string(spec.env) + ", or " +
           (std::string(key) == "client_secret"
                ? "store a reference with `aepflow config set client_secret env:VAR`"
                : "let aepflow get tokens itself from a client ID and secret"));
    }
  }
  if (LogSink* l = log(); l && l->enabled(LogLevel::info)) {
    l->write(LogLevel::info, "profile " + settings_->profile + " (" + settings_->profile_origin +
                                 "), config " + settings_->config_path.string());
    for (const auto& spec : setting_specs()) {
      const Setting& s = (*settings_)[spec.key];
      if (s.set()) {
        l->write(LogLevel::info, std::string(spec.key) + " = " + shown_value(spec, s.value) +
                                     " (from " + s.origin + ")");
      }
    }
  }
  return &*settings_;
}

std::string Context::sandbox() {
  return settings_ ? (*settings_)["sandbox"].value : std::string("prod");
}

Result<std::string> Context::read_input(const std::string& file) {
  if (file != "-") return io.read_file(file);
  if (!stdin_text_) {
    auto text = io.read_file("/dev/stdin");
    if (!text) return usage("cannot read the standard input (-f -): " + text.error().message);
    stdin_text_ = std::move(*text);
  }
  return *stdin_text_;
}

std::string Context::scrubbed(std::string text) const {
  for (const auto& secret : secrets_)
    text = scrub(std::move(text), secret);
  return text;
}

Result<void> Context::check_endpoint(const std::string& url, std::string_view what) const {
  if (url.starts_with("https://")) return {};
  if (url.starts_with("http://")) {
    std::string_view rest = std::string_view(url).substr(7);
    std::string_view host = rest.substr(0, rest.find_first_of("/?#"));
    if (host.starts_with("[")) {
      host = host.substr(0, host.find(']') + 1);
    } else {
      host = host.substr(0, host.find(':'));
    }
    if (is_loopback(host)) return {};
    return usage("refusing to send credentials over plain http to " + std::string(host) + " (" +
                 std::string(what) + "); use https://, or a loopback address for a local emulator");
  }
  return usage(std::string(what) +
               " must start with https:// (or http:// for a local emulator), got '" + url + "'");
}

Result<std::shared_ptr<Transport>> Context::transport() {
  if (transport_) return transport_;
  auto s = settings();
  if (!s) return std::unexpected(s.error());
  for (auto [value, flag] : {std::pair{globals.timeout_seconds, "--timeout"},
                             std::pair{globals.connect_timeout_seconds, "--connect-timeout"}}) {
    if (!(value > 0) || !std::isfinite(value) || value > 86400) {
      return usage(std::string(flag) + " must be a number of seconds above 0, at most 86400");
    }
  }
  CurlOptions curl;
  curl.total_timeout =
      std::chrono::milliseconds(static_cast<long long>(globals.timeout_seconds * 1000));
  curl.connect_timeout = std::min(
      curl.total_timeout,
      std::chrono::milliseconds(static_cast<long long>(globals.connect_timeout_seconds * 1000)));
  auto max_response = parse_byte_size(globals.max_response_size);
  if (!max_response) {
    return usage(
        "--max-response-size must be a size such as 64MiB, 512K or 1G (at most 1TiB), "
        "got '" +
        printable(globals.max_response_size) + "'");
  }
  curl.max_response_bytes = *max_response;
  curl.user_agent = "aepflow/" AEPFLOW_VERSION;
  if (const Setting& ca = (**s)["ca_bundle"]; ca.set()) {
    auto readable = io.read_file(ca.value);
    if (!readable) return usage("--ca-bundle (" + ca.origin + "): " + readable.error().message);
    curl.ca_bundle = ca.value;
  }
  transport_ = make_transport_(curl);
  if (globals.dry_run) {
    std::ostream* writes = &io.err;  // stdout keeps the command's own output, for scripts
    if (!globals.dry_run_file.empty()) {
      dry_run_file_ =
          std::make_unique<std::ofstream>(globals.dry_run_file, std::ios::binary | std::ios::trunc);
      if (!*dry_run_file_) {
        return usage("--dry-run-file " + printable(globals.dry_run_file) + ": cannot write it (" +
                     std::strerror(errno) + ")");
      }
      writes = dry_run_file_.get();
    }
    transport_ = make_dry_run_transport(
        transport_, split_flow_service_url((**s)["base_url"].value).root, *writes,
        [this](std::string text) { return scrubbed(std::move(text)); });
  }
  return transport_;
}

Result<void> Context::finish_dry_run_file() {
  if (!dry_run_file_) return {};
  dry_run_file_->flush();
  if (dry_run_file_->good()) return {};
  return fail(ErrorKind::internal, "--dry-run-file " + printable(globals.dry_run_file) +
                                       ": the curl commands could not all be written (" +
                                       std::strerror(errno) + ")");
}

Result<std::chrono::milliseconds> Context::command_timeout() {
  auto s = settings();
  if (!s) return std::unexpected(s.error());
  const Setting& t = (**s)["secret_command_timeout"];
  if (!t.set()) return default_command_timeout;
  double seconds = 0;
  std::size_t used = 0;
  try {
    seconds = std::stod(t.value, &used);
  } catch (const std::logic_error&) {
    used = 0;
  }
  if (used == 0 || used != t.value.size() || !(seconds > 0) || seconds > 86400) {
    return usage(t.origin + " must be a number of seconds above 0, at most 86400, got '" +
                 printable(t.value) + "'");
  }
  return std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
}

Result<ClientCredentialsToken*> Context::client_credentials() {
  if (client_tokens_) return client_tokens_;
  auto s = settings();
  if (!s) return std::unexpected(s.error());
  const Settings& st = **s;
  if (auto ok = check_given(st); !ok) return std::unexpected(ok.error());
  if (!st["client_id"].set() || !st["client_secret"].set()) {
    return usage(
        "no OAuth client configured: set --client-id and --client-secret (AEP_CLIENT_ID, "
        "AEP_CLIENT_SECRET), or store them in a profile: aepflow config set client_id ID; "
        "aepflow config set client_secret env:VAR");
  }
  if (auto ok = check_endpoint(st["ims_url"].value, "--ims-url"); !ok) {
    return std::unexpected(ok.error());
  }
  auto t = transport();
  if (!t) return std::unexpected(t.error());
  ClientCredentials creds;
  creds.ims_url = st["ims_url"].value;
  creds.client_id = st["client_id"].value;
  creds.scopes = st["scopes"].value;
  ims_ = std::make_unique<ImsClient>(*t, log());
  std::string secret_ref = st["client_secret"].value;
  auto timeout = command_timeout();
  if (!timeout) return std::unexpected(timeout.error());
  const std::string what = "client secret (" + st["client_secret"].origin + ")";
  auto secret = [this, secret_ref, what, limit = *timeout]() -> Result<std::string> {
    auto v = resolve_value(secret_ref, what, io, secret_forms, limit);
    if (!v) return std::unexpected(v.error());
    secrets_.push_back(v->text);
    return v->text;
  };
  auto source = std::make_unique<ClientCredentialsToken>(
      creds, secret, *ims_, TokenCache(cache_dir(io), creds), io.now, log());
  if (cache_dir(io).empty()) warn("no HOME or XDG_CACHE_HOME: tokens will not be cached");
  client_tokens_ = source.get();
  tokens_ = std::move(source);
  return client_tokens_;
}

Result<FlowService*> Context::service() {
  if (service_) return service_.get();
  auto s = settings();
  if (!s) return std::unexpected(s.error());
  const Settings& st = **s;

  if (auto ok = check_given(st); !ok) return std::unexpected(ok.error());
  std::string missing;
  auto need = [&](std::string_view key, std::string_view also = "") {
    if (st[key].set()) return;
    const SettingSpec& spec = *find_setting(key);
    missing += missing.empty() ? "" : "; ";
    missing += std::string(spec.flag) + " (or " + std::string(spec.env) + std::string(also) + ")";
  };
  const bool has_client = st["client_id"].set() && st["client_secret"].set();
  if (!st["access_token"].set() && !has_client) {
    missing +=
        "--access-token (or AEP_ACCESS_TOKEN), or a client ID and secret (--client-id and "
        "--client-secret, AEP_CLIENT_ID and AEP_CLIENT_SECRET, or a profile)";
  }
  need("api_key", ", or a client ID");
  need("org_id", ", or org_id in a profile");
  if (!missing.empty()) return usage("missing credentials: " + missing);
  if (st["sandbox"].value.empty()) return usage("--sandbox (or AEP_SANDBOX) is empty");
  if (auto ok = check_endpoint(st["base_url"].value, "--base-url"); !ok) {
    return std::unexpected(ok.error());
  }

  if (st["access_token"].set()) {
    const Setting& given = st["access_token"];
    const std::string what = "access token (" + given.origin + ")";
    auto timeout = command_timeout();
    if (!timeout) return std::unexpected(timeout.error());
    auto token = resolve_value(given.value, what, io, secret_forms, *timeout);
    if (!token) return std::unexpected(token.error());
    secrets_.push_back(token->text);
    if (auto ok = check_header_value(what, token->text, /*secret=*/true); !ok) {
      return std::unexpected(ok.error());
    }
    tokens_ = std::make_unique<StaticToken>(token->text);
  } else {
    auto source = client_credentials();
    if (!source) return std::unexpected(source.error());
  }
  auto t = transport();
  if (!t) return std::unexpected(t.error());
  secrets_.push_back(st["api_key"].value);

  HttpPipelineOptions p;
  const PlatformUrls urls = split_flow_service_url(st["base_url"].value);
  p.base_url = urls.root;
  p.credentials = {st["api_key"].value, st["org_id"].value, st["sandbox"].value};
  p.tokens = tokens_.get();
  p.user_agent = "aepflow/" AEPFLOW_VERSION;
  p.log = log();
  p.retry.max_attempts = globals.retries + 1;
  p.retry.max_elapsed = std::chrono::milliseconds(
      static_cast<long long>(std::min(globals.retry_max_seconds, 86400.0) * 1000));
  p.retry.sleep = io.sleep;
  p.retry.now = io.now;
  pipeline_ = make_pipeline(std::move(p), *t);
  service_ = std::make_unique<FlowService>(*pipeline_, urls.flow_service_path);
  if (io.started && log() && log()->enabled(LogLevel::debug)) {
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                        std::chrono::steady_clock::now() - *io.started)
                        .count();
    log()->write(LogLevel::debug, "ready to send " + std::to_string(us / 1000) + "." +
                                      std::to_string(us % 1000 / 100) +
                                      " ms after start (settings, credentials, transport)");
  }
  return service_.get();
}

Result<MappingServices> Context::mapping_services() {
  auto s = service();  // builds the pipeline
  if (!s) return std::unexpected(s.error());
  if (!data_prep_) data_prep_ = std::make_unique<DataPrep>(*pipeline_);
  if (!profile_reads_) profile_reads_ = std::make_unique<ProfileReads>(*pipeline_);
  return MappingServices{**s, *data_prep_, *profile_reads_};
}

Result<AdhocActivation*> Context::adhoc_activation() {
  auto s = service();  // builds the pipeline
  if (!s) return std::unexpected(s.error());
  if (!adhoc_) adhoc_ = std::make_unique<AdhocActivation>(*pipeline_);
  return adhoc_.get();
}

Result<SpecStore*> Context::specs() {
  if (specs_) return specs_.get();
  auto s = service();
  if (!s) return std::unexpected(s.error());
  const Settings& st = *settings_;  // resolved by service()
  std::unique_ptr<SpecCache> cache;
  if (const auto dir = cache_dir(io); !dir.empty()) {
    cache = std::make_unique<SpecDiskCache>(
        dir / "specs",
        st["base_url"].value + "\n" + st["org_id"].value + "\n" + st["sandbox"].value);
  }
  specs_ = std::make_unique<SpecStore>(**s, std::move(cache));
  return specs_.get();
}

Result<void> Context::confirm_change(std::string_view what) {
  auto s = settings();
  if (!s) return std::unexpected(s.error());
  return terminal.confirm_change((**s)["sandbox"].value, what);
}

Result<void> Context::confirm_delete(std::string_view what) {
  return terminal.confirm_delete(sandbox(), what);
}

}  // namespace aepflow::cli
