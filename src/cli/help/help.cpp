#include "help/help.hpp"

#include <CLI/CLI.hpp>
#include <memory>
#include <sstream>

#include "app/context.hpp"
#include "help/suggest.hpp"
#include "settings/settings.hpp"

namespace aepflow::cli {

namespace {

using nlohmann::json;

std::string environment_text() {
  std::string t =
      "Settings (each is also a flag, and a key of config.toml but for the access token; a\n"
      "flag wins over its variable, the variable over the profile):\n";
  for (const auto& s : setting_specs()) {
    t += "  " + std::string(s.env) + std::string(s.env.size() < 19 ? 19 - s.env.size() : 1, ' ') +
         std::string(s.help) + "\n" + std::string(21, ' ') + std::string(s.flag);
    if (!s.fallback.empty()) t += ", default " + std::string(s.fallback);
    t += "\n";
  }
  t += R"(
Others:
  AEP_PROFILE        the profile of config.toml to use (--profile); default: default
  AEP_ASSUME_YES     1: answer yes to the prod and delete confirmations (--yes)
  XDG_CONFIG_HOME    where aepflow/config.toml is (default ~/.config)
  XDG_CACHE_HOME     where tokens and specs are cached (default ~/.cache)
  NO_COLOR           set to anything: no colour, even on a terminal
  COLUMNS            the width tables are fitted to on a terminal
  TERM               dumb: no colour

Secrets are never read from the command line as text without a warning: pass env:VAR,
@PATH, file:PATH, cmd:COMMAND or prompt: instead.
)";
  return t;
}

std::string config_text() {
  return R"(Profiles live in $XDG_CONFIG_HOME/aepflow/config.toml (~/.config/aepflow/config.toml),
one table per profile, [profiles.NAME]; --profile NAME or AEP_PROFILE picks one (default:
default).

  [profiles.default]
  org_id = "0A1B2C3D4E5F60718293A4B5@AdobeOrg"
  client_id = "4f1c...e2"
  client_secret = "cmd:pass show adobe/aep-client-secret"
  sandbox = "dev"

  [profiles.staging]
  org_id = "0A1B2C3D4E5F60718293A4B5@AdobeOrg"
  client_id = "4f1c...e2"
  client_secret = "env:AEP_STAGING_CLIENT_SECRET"
  sandbox = "staging"

Write it with `aepflow config set KEY VALUE [--profile NAME]`, read it with `config get` and
`config list` (secrets masked), import an aepp JSON config with `config import-aepp`. The file
must not be readable by others when it holds a secret (aepflow warns). A secret is best kept as
a reference: env:VAR, @PATH or file:PATH, cmd:COMMAND (its stdout), prompt: (asked on the
terminal).

Precedence, for every setting: flag, then environment variable, then the profile, then the
default. `aepflow auth status` shows each value and where it came from.

Caches, under $XDG_CACHE_HOME/aepflow (0700, files 0600): access tokens until they expire, and
connection and flow specs for a day, per base URL, organization and sandbox.
)";
}

std::string output_text() {
  std::string t = R"txt(Formats (-o, --output):
  table   aligned columns for people; the default on a terminal. Fitted to the terminal's
          width (COLUMNS wins): IDs are never cut, other cells end in "…".
  json    the default when stdout is not a terminal: the service's objects as it returns
          them, or aepflow's own answer (below). Lists are one JSON array.
  yaml    the same content as YAML; strings that look like numbers or booleans are quoted.
  env     the same content as shell assignments for eval, named after the command's noun:
          `eval "$(aepflow flow create ... -o env)"` sets FLOW_ID and FLOW_ETAG. Nested
          keys join with _ in upper snake case (flowSpec.id: FLOW_FLOW_SPEC_ID); a list numbers
          its items (FLOW_0_ID, FLOW_1_ID, ...) and ends with FLOW_COUNT. Values are quoted
          for the shell where needed.
  id      the ID alone, one per line: X=$(aepflow ... -o id).

--query POINTER prints one value of the JSON (or YAML) output, a JSON Pointer: /id, /etag,
/items/0/id. A string prints bare;
  a pointer that matches nothing exits 1.

      Data goes to stdout; errors, warnings, prompts, progress and logs go to stderr. Colour and
progress appear only on a terminal, never when NO_COLOR is set. Text from the service or a file
is shown with its control characters visible (\x1b, \n, \u202e) in tables, messages and logs;
json, yaml and env keep it exact (env as $'...').

--dry-run: stdout has the command's usual output; a JSON object gets "dryRun": true, and an ID or
etag the service would have given is null (-o id and --query print nothing for it). The writes,
as curl commands, go to stderr or to --dry-run-file PATH.

Fields of aepflow's own JSON answers (stable: fields are added, never renamed or removed;
* present only in some answers):
)txt";
  for (const auto& shape : json_shapes()) {
    t += "  " + std::string(shape.commands) + "\n     ";
    for (const auto& f : shape.fields)
      t += " " + std::string(f);
    for (const auto& f : shape.optional)
      t += " " + std::string(f) + "*";
    t += "\n";
  }
  t += R"(Everything else (get, list, and the answers of creates) is the Flow Service object as the
service returns it: id, name, etag, state, connectionSpec, flowSpec, ... (see the Flow Service
API reference).
)";
  return t;
}

// Text for roff: backslashes escaped, a line starting with . or ' kept as text, characters
// beyond ASCII as \[uXXXX].
std::string roff(std::string_view text) {
  std::string out;
  bool line_start = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    const auto lead = static_cast<unsigned char>(c);
    if (lead >= 0xC0) {
      const std::size_t n = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : 1;
      unsigned code = lead & (0x3F >> n);
      for (std::size_t k = 1; k <= n && i + 1 < text.size(); ++k)
        code = (code << 6) | (static_cast<unsigned char>(text[++i]) & 0x3F);
      char hex[16];
      std::snprintf(hex, sizeof hex, "\\[u%04X]", code);
      out += hex;
    } else if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
    line_start = c == '\n';
  }
  return out;
}

// Topic text as a man page section: indented blocks kept as they are.
std::string roff_block(std::string_view text) {
  return ".nf\n" + roff(text) + (text.ends_with('\n') ? "" : "\n") + ".fi\n";
}

json option_json(const CLI::Option& opt) {
  json o = {{"names", opt.get_positional() ? opt.get_name() : opt.get_name(false, true)},
            {"description", opt.get_description()},
            {"required", opt.get_required()}};
  if (opt.get_type_size_max() > 0 || opt.get_positional()) o["value"] = opt.get_type_name();
  if (!opt.get_default_str().empty()) o["default"] = opt.get_default_str();
  return o;
}

void walk(const CLI::App& app, const std::string& path, json& out) {
  json c = {{"path", path},
            {"summary", app.get_description()},
            {"examples", app.get_footer()},
            {"options", json::array()},
            {"positionals", json::array()},
            {"commands", json::array()}};
  for (const auto* opt : app.get_options()) {
    c[opt->get_positional() ? "positionals" : "options"].push_back(option_json(*opt));
  }
  const auto subs = app.get_subcommands({});
  for (const auto* sub : subs)
    c["commands"].push_back(sub->get_name());
  out.push_back(std::move(c));
  for (const auto* sub : subs)
    walk(*sub, path + " " + sub->get_name(), out);
}

const Topic* find_topic(std::string_view name) {
  for (const auto& t : help_topics()) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

}  // namespace

Result<void> run_help(HelpOptions o, const CLI::App& root, Context& ctx) {
  for (auto& w : o.words) {
    if (w.starts_with(help_word_mark)) w.erase(0, help_word_mark.size());
  }
  // Text unless JSON or YAML was asked for by name: help is read in pagers too.
  const bool structured = ctx.globals.output == "json" || ctx.globals.output == "yaml";
  if (o.man) {
    ctx.io.out << man_page(root);
    return {};
  }
  if (o.commands) {
    ctx.out().json(command_tree(root));
    return {};
  }
  if (o.words.empty()) {
    std::string t = "Topics (aepflow help TOPIC):\n";
    for (const auto& topic : help_topics())
      t += "  " + std::string(topic.name) + std::string(14 - topic.name.size(), ' ') +
           std::string(topic.summary) + "\n";
    t += "\nCommands: aepflow --help, or aepflow help COMMAND (aepflow help flow activate).\n"
         "The manual: man aepflow, or aepflow help --man | man -l -\n";
    ctx.io.out << t;
    return {};
  }
  if (const Topic* topic = find_topic(o.words.front()); topic && o.words.size() == 1) {
    if (structured) {
      json j = {{"topic", topic->name}, {"text", topic->text()}};
      if (topic->name == "output") {
        json shapes = json::array();
        for (const auto& s : json_shapes())
          shapes.push_back(
              {{"commands", s.commands}, {"fields", s.fields}, {"optional", s.optional}});
        j["fields"] = shapes;
      }
      ctx.out().json(j);
    } else {
      ctx.io.out << topic->text();
    }
    return {};
  }
  const CLI::App* level = &root;
  std::string path = "aepflow";
  std::string parent;
  for (const auto& word : o.words) {
    const CLI::App* next = nullptr;
    std::vector<std::string> names;
    for (const auto* sub : level->get_subcommands({})) {
      if (sub->check_name(word)) next = sub;
      names.push_back(sub->get_name());
    }
    if (!next) {
      std::string message = "no help topic or command '" + word + "' in '" + path + "'";
      std::vector<std::string> candidates = names;
      if (level == &root) {
        for (const auto& t : help_topics())
          candidates.emplace_back(t.name);
      }
      auto near = closest(word, candidates);
      if (!near.empty()) message += "; did you mean '" + near.front() + "'?";
      return usage(message + " Run 'aepflow help' for the topics.");
    }
    parent = path;
    level = next;
    path += " " + word;
  }
  ctx.io.out << level->help(parent);
  return {};
}

// An option of `app` that takes a value in the next argument.
bool takes_next(const CLI::App& app, const std::string& arg) {
  const CLI::Option* opt = arg.starts_with("-") ? app.get_option_no_throw(arg) : nullptr;
  return opt && takes_next_argument(*opt, arg);
}

std::vector<std::string> protect_help_words(const CLI::App& app, std::vector<std::string> args) {
  bool in_help = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (takes_next(app, args[i])) {
      ++i;
    } else if (args[i].starts_with("-")) {
      continue;
    } else if (in_help) {
      args[i].insert(0, help_word_mark);
    } else if (args[i] == "help") {
      in_help = true;
    } else {
      break;  // another command
    }
  }
  return args;
}

std::string exit_codes_text() {
  return R"(  0 ok                          4 not found (404)
  1 API or unexpected error     5 precondition failed (412: stale etag)
  2 bad usage or invalid input  6 network failure or timeout
    (nothing was sent)          7 validation found a mismatch
  3 authentication or permission (401/403)
                              130 interrupted (Ctrl-C)
)";
}

const std::vector<Topic>& help_topics() {
  static const std::vector<Topic> topics = {
      {"environment", "the variables aepflow reads, and their flags", environment_text},
      {"exit-codes", "what each exit status means", exit_codes_text},
      {"config", "profiles in config.toml, secret references, precedence, caches", config_text},
      {"output", "formats, --query, colour, and the JSON fields scripts can rely on", output_text},
  };
  return topics;
}

const std::vector<JsonShape>& json_shapes() {
  static const std::vector<JsonShape> shapes = {
      {"connection|source|target|flow delete", {"id", "deleted"}, {}},
      {"flow enable|disable", {"id", "state", "etag", "changed"}, {}},
      {"flow activate",
       {"id", "changed", "audiences", "attributes", "identities", "mandatoryFields", "dedupKeys",
        "attempts"},
       {"status", "etag", "mappingSet"}},
      {"flow deactivate", {"id", "changed", "audiences", "attributes", "attempts"}, {"etag"}},
      {"flow validate",
       {"id", "name", "state", "etag", "valid", "missing", "audiences", "attributes"},
       {"drift"}},
      {"plan|apply|destroy", {"sandbox", "pipelines", "summary"}, {}},
      {"auth login", {"client_id", "org_id", "sandbox", "expires_at", "cache"}, {}},
      {"auth status", {"profile", "profile_from", "config", "settings", "token"}, {}},
      {"doctor", {"ok", "checks"}, {}},
  };
  return shapes;
}

json command_tree(const CLI::App& app) {
  json out = json::array();
  walk(app, app.get_name(), out);
  return out;
}

std::string man_page(const CLI::App& app) {
  std::ostringstream m;
  m << ".TH AEPFLOW 1 \"\" \"aepflow " AEPFLOW_VERSION "\" \"User Commands\"\n"
    << ".SH NAME\naepflow \\- create and activate Adobe Experience Platform file-based "
       "destinations through the Flow Service API\n"
    << ".SH SYNOPSIS\n.B aepflow\n[\\fIGLOBAL OPTIONS\\fR] \\fICOMMAND\\fR [\\fIOPTIONS\\fR] "
       "[\\fIARGUMENTS\\fR]\n"
    << ".SH DESCRIPTION\n"
       "aepflow does what Adobe's tutorial \"Connect to file-based email marketing destinations "
       "and activate data using the Flow Service API\" does with curl: it lists destination "
       "connection specs, creates the Profile Store base and source connections, the destination "
       "base and target connections, the dataflow, and activates audiences and profile "
       "attributes with a JSON Patch guarded by the flow's ETag, then validates the result.\n";
  const json tree = command_tree(app);
  auto options = [&m](const json& list) {
    for (const auto& o : list) {
      m << ".TP\n.B " << roff(o["names"].get<std::string>());
      if (o.contains("value") && !o["value"].get<std::string>().empty()) {
        m << " \\fI" << roff(o["value"].get<std::string>()) << "\\fR";
      }
      m << "\n" << roff(o["description"].get<std::string>());
      if (o["required"].get<bool>()) m << " (required)";
      if (o.contains("default")) m << " (default " << roff(o["default"].get<std::string>()) << ")";
      m << "\n";
    }
  };
  m << ".SH GLOBAL OPTIONS\nThese go before or after the command.\n";
  options(tree[0]["options"]);
  m << ".SH COMMANDS\n";
  for (std::size_t i = 1; i < tree.size(); ++i) {
    const json& c = tree[i];
    m << ".SS \"" << roff(c["path"].get<std::string>()) << "\"\n"
      << roff(c["summary"].get<std::string>()) << "\n";
    if (!c["commands"].empty()) {
      std::string names;
      for (const auto& n : c["commands"])
        names += (names.empty() ? "" : ", ") + n.get<std::string>();
      m << ".br\nCommands: " << roff(names) << ".\n";
    }
    options(c["positionals"]);
    options(c["options"]);
    if (const auto& ex = c["examples"].get_ref<const std::string&>(); !ex.empty()) {
      m << ".PP\n" << roff_block(ex);
    }
  }
  m << ".SH ENVIRONMENT\n"
    << roff_block(environment_text()) << ".SH EXIT STATUS\n"
    << roff_block(exit_codes_text()) << ".SH FILES\n"
    << roff_block(config_text()) << ".SH OUTPUT\n"
    << roff_block(output_text())
    << ".SH SEE ALSO\n\\fBaepflow help\\fR TOPIC; \\fBaepflow completion\\fR bash|zsh|fish.\n";
  return m.str();
}

}  // namespace aepflow::cli
