#include "app.hpp"

#include <CLI/CLI.hpp>
#include <sstream>

#include "aepflow/exit_codes.hpp"
#include "aepflow/redact.hpp"
#include "commands.hpp"

namespace aepflow::cli {

namespace {

constexpr const char* footer = R"(Environment:
  AEP_BASE_URL, AEP_ACCESS_TOKEN, AEP_API_KEY, AEP_ORG_ID, AEP_SANDBOX
  set the global options of the same name; a flag wins over its variable.

Exit codes:
  0 ok                          4 not found (404)
  1 API or unexpected error     5 precondition failed (412: stale etag)
  2 bad usage or invalid input  6 network failure or timeout
    (nothing was sent)          7 validation found a mismatch
  3 authentication or permission (401/403))";

CLI::App* add_noun(CLI::App& app, const char* name, const char* summary) {
  return app.add_subcommand(name, summary);
}

// "aepflow flow" alone: say which commands it has.
std::string missing_command(const CLI::App& app) {
  const CLI::App* level = &app;
  std::string path = "aepflow";
  while (!level->get_subcommands().empty()) {
    level = level->get_subcommands().front();
    path += " " + level->get_name();
  }
  std::string names;
  for (const auto* sub : level->get_subcommands({}))
    names += (names.empty() ? "" : ", ") + sub->get_name();
  return "'" + path + "' needs a command: " + names + ". Run '" + path + " --help' for more.";
}

void print_error(Context& ctx, const Error& e) {
  std::string line = "error: " + e.describe();
  // A service may quote a request back; never let a credential through.
  line = scrub(std::move(line), ctx.globals.access_token);
  line = scrub(std::move(line), ctx.globals.api_key);
  ctx.err() << line << '\n';
  if (ctx.globals.verbosity >= 2 && !e.body.empty()) {
    ctx.err() << "response body: " << redact_body(e.body) << '\n';
  }
}

}  // namespace

int run(const std::vector<std::string>& args, Io& io, TransportFactory make_transport) {
  Context ctx(io, std::move(make_transport));
  CLI::App app{
      "aepflow: create and activate Adobe Experience Platform file-based destinations "
      "through the Flow Service API.",
      "aepflow"};
  app.footer(footer);
  app.set_version_flag("--version", "aepflow " AEPFLOW_VERSION);
  app.fallthrough();

  auto& g = ctx.globals;
  app.add_option("--base-url", g.base_url, "Flow Service base URL")
      ->envname("AEP_BASE_URL")
      ->default_str(std::string(default_base_url));
  app.add_option("--access-token", g.access_token, "IMS access token (Bearer)")
      ->envname("AEP_ACCESS_TOKEN");
  app.add_option("--api-key", g.api_key, "API key: the credential's client ID")
      ->envname("AEP_API_KEY");
  app.add_option("--org-id", g.org_id, "IMS organization ID (...@AdobeOrg)")->envname("AEP_ORG_ID");
  app.add_option("--sandbox", g.sandbox, "sandbox name, sent as x-sandbox-name on every request")
      ->envname("AEP_SANDBOX")
      ->default_str("prod");
  app.add_option("-o,--output", g.output,
                 "output format: table, json or id (default: table on a terminal, json otherwise)")
      ->check(CLI::IsMember({"table", "json", "id"}));
  app.add_flag("-v,--verbose", g.verbosity,
               "log requests to stderr; -vv adds headers and bodies, secrets redacted");
  app.add_option("--timeout", g.timeout_seconds, "per-request timeout in seconds")
      ->check(CLI::PositiveNumber)
      ->default_str("60");

  auto* specs = add_noun(app, "specs", "destination connection specs (GET /connectionSpecs)");
  add_specs_list(*specs, ctx);
  add_specs_get(*specs, ctx);
  auto* flowspecs = add_noun(app, "flowspecs", "dataflow specs (GET /flowSpecs)");
  add_flowspecs_list(*flowspecs, ctx);
  add_flowspecs_get(*flowspecs, ctx);
  auto* connection = add_noun(app, "connection", "base connections (POST /connections)");
  add_connection_create(*connection, ctx);
  auto* source = add_noun(app, "source", "source connections (POST /sourceConnections)");
  add_source_create(*source, ctx);
  auto* target = add_noun(app, "target", "target connections (POST /targetConnections)");
  add_target_create(*target, ctx);
  auto* flow = add_noun(app, "flow", "dataflows: create, activate, get, validate");
  add_flow_create(*flow, ctx);
  add_flow_activate(*flow, ctx);
  add_flow_get(*flow, ctx);
  add_flow_validate(*flow, ctx);

  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    // Help for a subcommand, --version, and real parse errors all arrive here.
    std::ostringstream out, err;
    int rc = app.exit(e, out, err);
    io.out << out.str();
    if (rc == 0) return exit_code::ok;
    std::string message = err.str();
    while (!message.empty() && message.back() == '\n')
      message.pop_back();
    io.err << "error: " << message << '\n';
    return exit_code::usage;
  }

  if (!ctx.action) {
    io.err << "error: " << missing_command(app) << '\n';
    return exit_code::usage;
  }
  auto result = ctx.action();
  if (!result) {
    print_error(ctx, result.error());
    return exit_code::for_kind(result.error().kind);
  }
  return exit_code::ok;
}

}  // namespace aepflow::cli
