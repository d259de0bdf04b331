#pragma once
// What every command receives: the global options, the process's I/O, the resolved settings, and
// the Flow Service client, built on first use (after the flags are parsed and the credentials
// checked).

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "aepflow/auth/client_credentials.hpp"
#include "aepflow/flow/client.hpp"
#include "aepflow/http/curl_transport.hpp"
#include "aepflow/http/http_pipeline.hpp"
#include "aepflow/http/log.hpp"
#include "settings/settings.hpp"
#include "terminal/io.hpp"
#include "terminal/output.hpp"

namespace aepflow::cli {

// The global options as parsed; settings are resolved from them, the environment and the profile.
struct GlobalOptions {
  FlagValues flags;                    // setting key -> value, for flags the user gave
  std::optional<std::string> profile;  // --profile
  std::string output;                  // empty: table on a terminal, json otherwise
  std::string query;                   // --query: a JSON Pointer into the JSON output
  std::string env_prefix;              // -o env: the names' prefix (the command's noun)
  int verbosity = 0;
  double timeout_seconds = 60;
  double connect_timeout_seconds = 10;
  int retries = 4;                 // attempts after the first, for what is safe to repeat
  double retry_max_seconds = 120;  // no retry wait ends later than this after the first try
  bool yes = false;
  bool dry_run = false;  // print writes as curl commands, send none
};

using TransportFactory = std::function<std::shared_ptr<Transport>(const CurlOptions&)>;

class Context {
 public:
  Context(Io& io, TransportFactory make_transport);
  ~Context();

  GlobalOptions globals;
  Io& io;
  // Set by the chosen command's parse callback, run once parsing has finished.
  std::function<Result<void>()> action;

  Output& out();
  OutputStyle output_style() const;
  std::ostream& err() { return io.err; }
  void warn(std::string_view message);
  // "error: <message>" on stderr, the prefix in colour when stderr takes it.
  void error(std::string_view message);
  // Colour on a terminal unless NO_COLOR is set (to anything) or TERM is dumb.
  bool colour(bool terminal) const;
  enum class Paint { error, warning };
  // `text` for stderr, in colour when stderr takes it.
  std::string paint(std::string_view text, Paint paint) const;

  // Resolved once; prints their warnings (file permissions, secrets typed on the command line).
  Result<const Settings*> settings();
  // The sandbox in use ("prod" until settings are resolved).
  std::string sandbox();
  // The client, or a usage error naming each missing credential's flag and variable.
  Result<FlowService*> service();
  // The OAuth server-to-server token source, or a usage error when no client is configured.
  Result<ClientCredentialsToken*> client_credentials();
  // Changing the prod sandbox needs --yes, AEP_ASSUME_YES=1, or a yes on the terminal.
  Result<void> confirm_change(std::string_view what);
  // Deleting needs --yes, AEP_ASSUME_YES=1, or a yes on the terminal, in any sandbox.
  Result<void> confirm_delete(std::string_view what);
  // A connection or flow spec by ID: from this process's memory, else from the disk cache (specs
  // change rarely; an entry is used for a day), else fetched and cached.
  Result<const nlohmann::json*> spec(Collection catalogue, const std::string& id);
  // `text` with every secret this run knows replaced (a service may quote a request back).
  std::string scrubbed(std::string text) const;
  void add_secret(std::string value) { secrets_.push_back(std::move(value)); }
  // Asks `question` on a terminal; without one, needs --yes or AEP_ASSUME_YES=1 (`refusal` says
  // what was not done).
  Result<void> confirm(const std::string& question, const std::string& refusal);

 private:
  bool assumed_yes() const;
  // Where spec `id` of `catalogue` is cached; empty when it cannot be.
  std::filesystem::path spec_cache_file(Collection catalogue, const std::string& id);
  Result<void> check_endpoint(const std::string& url, std::string_view what) const;
  Result<std::shared_ptr<Transport>> transport();
  LogSink* log();

  TransportFactory make_transport_;
  std::optional<Settings> settings_;
  std::unique_ptr<Output> output_;
  std::unique_ptr<LogSink> log_;
  std::shared_ptr<Transport> transport_;
  std::unique_ptr<ImsClient> ims_;
  std::unique_ptr<TokenSource> tokens_;
  ClientCredentialsToken* client_tokens_ = nullptr;
  std::unique_ptr<HttpPipeline> pipeline_;
  std::unique_ptr<FlowService> service_;
  std::vector<std::string> secrets_;
  std::map<std::string, nlohmann::json> specs_;
};

}  // namespace aepflow::cli
