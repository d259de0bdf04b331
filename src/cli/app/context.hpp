#pragma once
// What every command receives: the global options, the process's I/O, the resolved settings, and
// the Flow Service client, built on first use (after the flags are parsed and the credentials
// checked).

#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "aepflow/activation/adhoc_activation.hpp"
#include "aepflow/activation/mapped_activation.hpp"
#include "aepflow/auth/client_credentials.hpp"
#include "aepflow/dataprep/client.hpp"
#include "aepflow/flow/client.hpp"
#include "aepflow/http/curl_transport.hpp"
#include "aepflow/http/http_pipeline.hpp"
#include "aepflow/http/log.hpp"
#include "aepflow/specs/spec_store.hpp"
#include "settings/global_options.hpp"
#include "settings/settings.hpp"
#include "terminal/io.hpp"
#include "terminal/output.hpp"
#include "terminal/terminal.hpp"

namespace aepflow::cli {

using TransportFactory = std::function<std::shared_ptr<Transport>(const CurlOptions&)>;

class Context {
 public:
  Context(Io& io, TransportFactory make_transport);
  ~Context();

  GlobalOptions globals;
  Io& io;
  // Set by the chosen command's parse callback, run once parsing has finished.
  std::function<Result<void>()> action;

  // Messages, output style and questions: what needs no settings and no service.
  Terminal terminal{io, globals};
  Output& out();
  std::ostream& err() { return io.err; }
  void warn(std::string_view message) const { terminal.warn(message); }

  // Resolved once; prints their warnings (file permissions, secrets typed on the command line).
  Result<const Settings*> settings();
  // The sandbox in use ("prod" until settings are resolved).
  std::string sandbox();
  // The client, or a usage error naming each missing credential's flag and variable.
  Result<FlowService*> service();
  // Flow Service, Data Prep and the Platform reads a mapping set is built from, on one pipeline.
  Result<MappingServices> mapping_services();
  // The ad hoc activation API, on the same pipeline as Flow Service.
  Result<AdhocActivation*> adhoc_activation();
  // The OAuth server-to-server token source, or a usage error when no client is configured.
  Result<ClientCredentialsToken*> client_credentials();
  // Changing the prod sandbox needs --yes, AEP_ASSUME_YES=1, or a yes on the terminal.
  Result<void> confirm_change(std::string_view what);
  // Deleting needs --yes, AEP_ASSUME_YES=1, or a yes on the terminal, in any sandbox.
  Result<void> confirm_delete(std::string_view what);
  // Connection and flow specs: once per process, and from a disk cache for a day (per service,
  // organisation and sandbox).
  Result<SpecStore*> specs();
  // `text` with every secret this run knows replaced (a service may quote a request back).
  std::string scrubbed(std::string text) const;
  void add_secret(std::string value) { secrets_.push_back(std::move(value)); }
  // A file a command reads, or standard input for "-" (read once: asked again, the same text).
  Result<std::string> read_input(const std::string& file);
  // After the command: the curl commands of --dry-run-file all written (a full disk is an error,
  // not a dry run that silently printed nothing).
  Result<void> finish_dry_run_file();

 private:
  // How long a cmd: secret reference may run (secret_command_timeout).
  Result<std::chrono::milliseconds> command_timeout();
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
  std::unique_ptr<DataPrep> data_prep_;
  std::unique_ptr<ProfileReads> profile_reads_;
  std::unique_ptr<AdhocActivation> adhoc_;
  std::vector<std::string> secrets_;
  std::optional<std::string> stdin_text_;
  std::unique_ptr<SpecStore> specs_;
  std::unique_ptr<std::ofstream> dry_run_file_;  // --dry-run-file, once a transport is made
};

}  // namespace aepflow::cli
