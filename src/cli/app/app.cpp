#include "app/app.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstring>
#include <map>
#include <sstream>

#include "aepflow/base/text.hpp"
#include "aepflow/base/utf8.hpp"
#include "aepflow/http/redact.hpp"
#include "app/command_table.hpp"
#include "app/exit_codes.hpp"
#include "help/completion.hpp"
#include "help/help.hpp"
#include "help/suggest.hpp"

namespace aepflow::cli {

namespace {

std::string footer() {
  return R"(Examples:
  aepflow doctor                              # is everything in place?
  aepflow specs list --name campaign
  FLOW=$(aepflow flow create --name N --flow-spec "Adobe Campaign" --source "$SOURCE" \
      --target "$TARGET" -o id)
  aepflow apply -f destinations.yaml          # a whole destination from one file

Settings:
  Each comes from its flag, else its variable [in brackets], else the profile in
  $XDG_CONFIG_HOME/aepflow/config.toml (aepflow config --help), else its default.
  With a client ID and secret, aepflow gets and caches access tokens itself.

Exit codes:
)" + exit_codes_text() +
         R"(
Retries:
  429 always; 5xx, timeouts and dropped connections for reads, deletes, enable/disable
  and etag-guarded updates; exponential backoff with jitter, or as Retry-After says.
  A create is sent again only once aepflow has checked it did not happen.

More: aepflow help environment | exit-codes | config | output; aepflow help COMMAND;
man aepflow.)";
}

struct Noun {
  const char* name;
  const char* summary;
  const char* env;                // -o env's prefix: FLOW_ID=...
  void (*add)(Group&, Context&);  // its commands
  const char* examples;
};

const std::vector<Noun>& nouns() {
  static const std::vector<Noun> all = {
      {"specs", "destination connection specs (GET /connectionSpecs)", "SPEC",
       [](Group& g, Context& ctx) {
         add_specs_list(g, ctx);
         add_specs_get(g, ctx);
       },
       "Examples:\n  aepflow specs list --name campaign\n  aepflow specs get \"Adobe Campaign\""},
      {"flowspecs", "dataflow specs (GET /flowSpecs)", "FLOWSPEC",
       [](Group& g, Context& ctx) {
         add_flowspecs_list(g, ctx);
         add_flowspecs_get(g, ctx);
       },
       "Examples:\n  aepflow flowspecs list\n  aepflow flowspecs get \"Amazon S3\" -o json"},
      {"datasets", "datasets a destination can export (the Data Lake spec's configs)", "DATASET",
       [](Group& g, Context& ctx) { add_datasets_list(g, ctx); },
       "Examples:\n  aepflow datasets list --name loyalty\n  aepflow datasets list --all -o id"},
      {"connection", "base connections: create, get, update, list, delete", "CONNECTION",
       [](Group& g, Context& ctx) {
         add_connection_create(g, ctx);
         add_connection_get(g, ctx);
         add_connection_update(g, ctx);
         add_connection_list(g, ctx);
         add_connection_delete(g, ctx);
       },
       "Examples:\n  BASE=$(aepflow connection create --name \"Base connection to Experience "
       "Platform\" -o id)\n  aepflow connection list --destination \"Amazon S3\""},
      {"source", "source connections: create, get, list, delete", "SOURCE",
       [](Group& g, Context& ctx) {
         add_source_create(g, ctx);
         add_source_get(g, ctx);
         add_source_list(g, ctx);
         add_source_delete(g, ctx);
       },
       "Examples:\n  SOURCE=$(aepflow source create --name \"Connecting to Profile Store\" "
       "--base-connection \"$BASE\" -o id)\n  aepflow source list"},
      {"target", "target connections: create, get, update, list, delete", "TARGET",
       [](Group& g, Context& ctx) {
         add_target_create(g, ctx);
         add_target_get(g, ctx);
         add_target_update(g, ctx);
         add_target_list(g, ctx);
         add_target_delete(g, ctx);
       },
       "Examples:\n  aepflow target create --name T --base-connection \"$DEST\" --spec \"Adobe "
       "Campaign\" --mode S3 --bucket acme-exports --path daily --format CSV\n  aepflow target "
       "list"},
      {"flow",
       "dataflows: create, activate, deactivate, export-now, audiences, get, update, validate, "
       "list, enable, disable, delete",
       "FLOW",
       [](Group& g, Context& ctx) {
         add_flow_create(g, ctx);
         add_flow_activate(g, ctx);
         add_flow_get(g, ctx);
         add_flow_update(g, ctx);
         add_flow_validate(g, ctx);
         add_flow_audiences(g, ctx);
         add_flow_deactivate(g, ctx);
         add_flow_export_now(g, ctx);
         add_flow_list(g, ctx);
         add_flow_enable(g, ctx);
         add_flow_disable(g, ctx);
         add_flow_delete(g, ctx);
       },
       "Examples:\n  aepflow flow activate \"$FLOW\" --audience \"$SEGMENT\" --start-time 17:00\n  "
       "aepflow flow list --destination \"Adobe Campaign\" --all -o id"},
      {"runs", "dataflow runs: list, get, watch (GET /runs)", "RUN",
       [](Group& g, Context& ctx) {
         add_runs_list(g, ctx);
         add_runs_get(g, ctx);
         add_runs_watch(g, ctx);
       },
       "Examples:\n  aepflow runs list --flow \"$FLOW\" --since 7d\n  aepflow runs watch --flow "
       "\"$FLOW\" --next --timeout 2h"},
      {"auth", "OAuth server-to-server tokens: login, status, token, logout", "AUTH",
       [](Group& g, Context& ctx) {
         add_auth_login(g, ctx);
         add_auth_status(g, ctx);
         add_auth_token(g, ctx);
         add_auth_logout(g, ctx);
       },
       "Examples:\n  aepflow auth login\n  aepflow auth status"},
      {"config", "profiles in config.toml: set, get, list, import-aepp", "CONFIG",
       [](Group& g, Context& ctx) {
         add_config_set(g, ctx);
         add_config_get(g, ctx);
         add_config_list(g, ctx);
         add_config_import_aepp(g, ctx);
       },
       "Examples:\n  aepflow config set org_id 0A1B2C3D4E5F60718293A4B5@AdobeOrg\n  aepflow config "
       "list"},
  };
  return all;
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

// The first value given on the command line that is not UTF-8, as a usage message naming its
// option: values go into JSON bodies, headers and URLs, and JSON text is UTF-8.
std::optional<std::string> non_utf8_value(const CLI::App& app) {
  for (const CLI::Option* opt : app.get_options()) {
    for (const auto& value : opt->results()) {
      if (auto ok = check_utf8(opt->get_name(), value); !ok) return ok.error().message;
    }
  }
  for (const CLI::App* sub : app.get_subcommands()) {
    if (auto message = non_utf8_value(*sub)) return message;
  }
  return std::nullopt;
}

void print_error(Context& ctx, const Error& e) {
  ctx.terminal.error(ctx.scrubbed(e.describe()));
  if (ctx.globals.verbosity >= 2 && !e.body.empty()) {
    ctx.err() << "response body: " << printable(redact_body(e.body)) << '\n';
  }
}

// Each noun's commands are built only when the noun is on the command line: building every
// command's options is most of the start-up time of a one-call command. A completion script and
// help on other commands need them all.
void add_every_command(CLI::App& app, Group& top, Context& ctx,
                       const std::vector<std::string>& args) {
  const bool everything = std::find(args.begin(), args.end(), "completion") != args.end() ||
                          std::find(args.begin(), args.end(), "help") != args.end();
  for (const auto& noun : nouns()) {
    Group group = top.group(noun.name, noun.summary, noun.examples);
    if (everything || std::find(args.begin(), args.end(), noun.name) != args.end()) {
      noun.add(group, ctx);
    }
  }
  add_api(top, ctx);
  add_plan(top, ctx);
  add_apply(top, ctx);
  add_destroy(top, ctx);
  add_import(top, ctx);
  add_doctor(top, ctx);
  add_help(app, ctx);
  add_completion(app, ctx);
}

}  // namespace

int run(const std::vector<std::string>& args, Io& io, TransportFactory make_transport) {
  return run(args, io, std::move(make_transport), nullptr);
}

int run(const std::vector<std::string>& args, Io& io, TransportFactory make_transport,
        const Registrar& commands) {
  Context ctx(io, std::move(make_transport));
  CLI::App app{
      "aepflow: create and activate Adobe Experience Platform file-based destinations "
      "through the Flow Service API.",
      "aepflow"};
  app.footer(footer());
  app.set_version_flag("--version", "aepflow " AEPFLOW_VERSION);
  app.fallthrough();

  auto& g = ctx.globals;
  // Setting flags are bound to scratch strings; only the ones given count as flags, so that the
  // environment and the profile can fill the others (see settings.hpp for the precedence).
  std::map<std::string, std::string> raw;
  std::vector<std::pair<std::string, CLI::Option*>> setting_options;
  for (const auto& spec : setting_specs()) {
    std::string description = std::string(spec.help) + " [" + std::string(spec.env) + "]";
    auto* opt = app.add_option(std::string(spec.flag), raw[std::string(spec.key)], description);
    setting_options.emplace_back(std::string(spec.key), opt);
  }
  std::string profile;
  auto* profile_opt =
      app.add_option("--profile", profile, "profile of config.toml to use [AEP_PROFILE]");
  app.add_option("-o,--output", g.output,
                 "output format: table, json, yaml, env (NAME=value lines for eval) or id "
                 "(default: table on a terminal, json otherwise; aepflow help output)")
      ->check(CLI::IsMember({"table", "json", "yaml", "env", "id"}));
  app.add_option("--query", g.query,
                 "print only this part of the JSON output, a JSON Pointer (/id, /items/0/etag); "
                 "a string prints as bare text");
  app.add_flag("-v,--verbose", g.verbosity,
               "log requests to stderr; -vv adds headers and bodies, secrets redacted");
  app.add_option("--timeout", g.timeout_seconds, "per-request timeout in seconds")
      ->check(CLI::PositiveNumber)
      ->default_str("60");
  app.add_option("--connect-timeout", g.connect_timeout_seconds, "connect timeout in seconds")
      ->check(CLI::PositiveNumber)
      ->default_str("10");
  app.add_option("--max-response-size", g.max_response_size,
                 "the most one answer of the service may hold (64MiB, 1GiB, 512K); a larger one "
                 "is an error and is not kept in memory")
      ->default_str("64MiB");
  app.add_option("--retries", g.retries,
                 "attempts after the first for requests that are safe to repeat (0: none)")
      ->check(CLI::Range(0, 20))
      ->default_str("4");
  app.add_option("--retry-max-time", g.retry_max_seconds,
                 "seconds after which no retry starts (waits count)")
      ->check(CLI::NonNegativeNumber)
      ->default_str("120");
  app.add_flag("-y,--yes", g.yes, "change the prod sandbox without asking [AEP_ASSUME_YES=1]");
  app.add_flag("--dry-run", g.dry_run,
               "send no change: print each write as a curl command on stderr (secrets "
               "redacted); reads and the token request are still made; stdout has the output, "
               "marked \"dryRun\": true, without invented IDs");
  CLI::Option* dry_run_file =
      app.add_option("--dry-run-file", g.dry_run_file,
                     "a dry run (implies --dry-run) that writes its curl commands to this file");

  Group top(&app);
  if (commands) {
    commands(top, ctx);
  } else {
    add_every_command(app, top, ctx, args);
  }

  const std::vector<std::string> parsed = protect_help_words(app, args);
  std::vector<std::string> reversed(parsed.rbegin(), parsed.rend());
  try {
    app.parse(reversed);
    for (const auto& [key, opt] : setting_options) {
      if (opt->count() > 0) g.flags[key] = raw[key];
    }
    if (profile_opt->count() > 0) g.profile = profile;
    if (dry_run_file->count() > 0) g.dry_run = true;
  } catch (const CLI::ParseError& e) {
    // Help for a subcommand, --version, and real parse errors all arrive here.
    std::ostringstream out, err;
    int rc = app.exit(e, out, err);
    io.out << out.str();
    if (rc == 0) return exit_code::ok;
    // A misspelt command or option is named, with what was probably meant.
    if (auto unknown = unknown_token_message(app, args)) {
      ctx.terminal.error(*unknown);
      return exit_code::usage;
    }
    // CLI11's message, then its hint ("Run with --help ..."), each on a line of its own.
    std::istringstream lines(err.str());
    bool first = true;
    for (std::string line; std::getline(lines, line);) {
      if (line.empty()) continue;
      if (first) {
        ctx.terminal.error(line);
      } else {
        ctx.err() << printable(line) << '\n';
      }
      first = false;
    }
    return exit_code::usage;
  }

  if (auto message = non_utf8_value(app)) {
    ctx.terminal.error(*message);
    return exit_code::usage;
  }
  if (dry_run_file->count() > 0 && g.dry_run_file.find_first_not_of(" \t") == std::string::npos) {
    ctx.terminal.error("--dry-run-file needs a file name (given empty); nothing was sent");
    return exit_code::usage;
  }
  for (const auto& noun : nouns()) {
    if (!app.get_subcommands().empty() && app.get_subcommands().front()->get_name() == noun.name) {
      g.env_prefix = noun.env;
    }
  }
  if (!ctx.action) {
    ctx.terminal.error(missing_command(app));
    return exit_code::usage;
  }
  if (!g.query.empty()) {
    if (!g.output.empty() && g.output != "json" && g.output != "yaml") {
      ctx.terminal.error("--query picks from the JSON output; it cannot be used with -o " +
                         g.output);
      return exit_code::usage;
    }
    try {
      (void)nlohmann::json::json_pointer(g.query);
    } catch (const nlohmann::json::exception&) {
      ctx.terminal.error(
          "--query '" + g.query +
          "' is not a JSON Pointer: it starts with / and names keys or indexes, as in "
          "/id or /items/0/etag ('~1' for a / in a key, '~0' for ~)");
      return exit_code::usage;
    }
  }
  auto result = ctx.action();
  if (result) result = ctx.finish_dry_run_file();
  if (!result) {
    print_error(ctx, result.error());
    return exit_code::for_kind(result.error().kind);
  }
  if (ctx.out().query_missed()) {
    ctx.terminal.error("--query " + g.query +
                       ": the output has no such value (the command itself succeeded)");
    return exit_code::error;
  }
  // Output a script reads (import > file.yaml) that did not all reach it is a failure.
  ctx.io.out.flush();
  if (!ctx.io.out) {
    ctx.terminal.error("the output could not be written in full (" +
                       std::string(std::strerror(errno)) + "): what reached it is incomplete");
    return exit_code::error;
  }
  return exit_code::ok;
}

}  // namespace aepflow::cli
