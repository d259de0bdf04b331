// aepflow doctor: is everything in place to run the tutorial? The config, the credentials (a real
// token request), the base URL, the clock, the sandbox, and one cheap read per collection the
// tutorial's steps use. Each finding says what is wrong and how to fix it.
#include <algorithm>
#include <ctime>

#include "aepflow/base/parallel.hpp"
#include "aepflow/base/text.hpp"
#include "aepflow/http/service_clock.hpp"
#include "app/command_support.hpp"
#include "app/command_table.hpp"
#include "app/exit_codes.hpp"
#include "commands/auth/token_state.hpp"

namespace aepflow::cli {

namespace {

using nlohmann::json;

enum class Status { ok, warn, fail, skip };

std::string_view to_string(Status s) {
  switch (s) {
    case Status::ok:
      return "ok";
    case Status::warn:
      return "warn";
    case Status::fail:
      return "fail";
    case Status::skip:
      return "skip";
  }
  return "skip";
}

struct Check {
  std::string name;
  Status status = Status::ok;
  std::string detail;
  std::string fix;
  ErrorKind kind = ErrorKind::api;  // what a failure exits as
};

// One read per collection the tutorial uses, and the permission it needs in the Admin Console.
struct Probe {
  Collection collection;
  const char* what;
  const char* permission;
};

constexpr Probe probes[] = {
    {Collection::connection_specs, "destination specs (step 1)", "View Destinations"},
    {Collection::connections, "base connections (steps 2 and 4)", "View Destinations"},
    {Collection::source_connections, "source connections (step 3)", "View Sources"},
    {Collection::target_connections, "target connections (step 5)", "View Destinations"},
    {Collection::flow_specs, "dataflow specs (step 6)", "View Destinations"},
    {Collection::flows, "dataflows (steps 6 to 8)", "View Destinations"},
    {Collection::runs, "dataflow runs (monitoring)", "View Destinations"},
};

// Clock differences: up to `warn_skew` is the network's and the Date header's rounding; beyond
// `fail_skew` tokens aepflow thinks valid are refused, and cached ones are renewed too late.
constexpr long warn_skew_seconds = 30;
constexpr long fail_skew_seconds = 300;

std::int64_t seconds_of(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

class Doctor {
 public:
  explicit Doctor(Context& ctx) : ctx_(ctx) {}

  std::vector<Check> run() {
    const Settings* s = config();
    if (!s || !credentials(*s)) return finish();
    if (!reach(*s)) return finish();
    permissions();
    return finish();
  }

 private:
  void add(std::string name, Status status, std::string detail, std::string fix = "",
           ErrorKind kind = ErrorKind::api) {
    checks_.push_back(
        {std::move(name), status, ctx_.scrubbed(std::move(detail)), std::move(fix), kind});
  }

  // Marks what could not be checked after a failure.
  std::vector<Check> finish() {
    for (const char* name : {"config", "credentials", "service", "clock", "sandbox"}) {
      if (std::none_of(checks_.begin(), checks_.end(),
                       [&](const Check& c) { return c.name == name; })) {
        add(name, Status::skip, "not checked: an earlier check failed");
      }
    }
    if (!probed_) add("permissions", Status::skip, "not checked: an earlier check failed");
    return std::move(checks_);
  }

  const Settings* config() {
    auto settings = ctx_.settings();
    if (!settings) {
      add("config", Status::fail, settings.error().describe(),
          "fix the setting named; `aepflow help config` shows the file's format", ErrorKind::usage);
      return nullptr;
    }
    const Settings& s = **settings;
    std::string where = std::filesystem::exists(s.config_path)
                            ? s.config_path.string()
                            : "no config file; flags and environment only";
    std::vector<std::string> missing;
    if (!s["org_id"].set()) missing.emplace_back("the organization ID (--org-id, AEP_ORG_ID)");
    const bool client = s["client_id"].set() && s["client_secret"].set();
    if (!client && !s["access_token"].set()) {
      missing.emplace_back(
          "credentials: a client ID and secret (AEP_CLIENT_ID, AEP_CLIENT_SECRET) or an access "
          "token (AEP_ACCESS_TOKEN)");
    }
    if (!client && !s["api_key"].set() && !s["client_id"].set()) {
      missing.emplace_back("the API key (--api-key, AEP_API_KEY)");
    }
    if (!missing.empty()) {
      std::string list;
      for (const auto& m : missing)
        list += (list.empty() ? "" : "; ") + m;
      add("config", Status::fail, "profile " + s.profile + " (" + where + ") lacks " + list,
          "aepflow config set KEY VALUE, or export the variables; `aepflow help environment`",
          ErrorKind::usage);
      return nullptr;
    }
    add("config", Status::ok,
        "profile " + s.profile + " (" + where + "), organization " + s["org_id"].value +
            ", base URL " + s["base_url"].value);
    return &s;
  }

  bool credentials(const Settings& s) {
    if (s["access_token"].set()) {
      TokenState t = token_state(ctx_, s);
      if (!t.usable) {
        add("credentials", Status::fail, "the access token from " + t.source + " " + t.state,
            "get a new token, or set client_id and client_secret so aepflow renews tokens itself",
            ErrorKind::auth);
        return false;
      }
      add("credentials", Status::ok, "access token from " + t.source + ", " + t.state);
      return true;
    }
    auto source = ctx_.client_credentials();
    if (!source) {
      add("credentials", Status::fail, source.error().describe(),
          "check client_id, client_secret and ims_url (`aepflow auth status`)",
          source.error().kind);
      return false;
    }
    auto token = (*source)->fetch();
    if (!token) {
      add("credentials", Status::fail,
          "token request to " + s["ims_url"].value + " failed: " + token.error().describe(),
          token.error().kind == ErrorKind::network
              ? "check the IMS URL, the network and any proxy (--ca-bundle for a corporate one)"
              : "check the client ID and secret of the project's OAuth Server-to-Server "
                "credential in the Adobe Developer Console",
          token.error().kind);
      return false;
    }
    add("credentials", Status::ok,
        "token issued by " + s["ims_url"].value + ", valid until " + format_utc(token->expires_at));
    return true;
  }

  // The first read: the service answers at all, its clock, and the sandbox.
  bool reach(const Settings& s) {
    auto service = ctx_.service();
    if (!service) {
      add("service", Status::fail, service.error().describe(), "", service.error().kind);
      return false;
    }
    service_ = *service;
    Request req;
    req.path = std::string(collection_path(Collection::connection_specs));
    req.query = {{"limit", "1"}};
    const auto sent = std::chrono::steady_clock::now();
    auto res = service_->send(req);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - sent)
                        .count();
    if (!res) {
      add("service", Status::fail,
          "cannot reach " + s["base_url"].value + ": " + res.error().describe(),
          "check the base URL (AEP_BASE_URL), the network, and any proxy; behind a corporate "
          "proxy pass its CA certificates with --ca-bundle",
          res.error().kind);
      return false;
    }
    add("service", Status::ok,
        "reached " + s["base_url"].value + " in " + std::to_string(ms) + " ms (HTTP " +
            std::to_string(res->status) + ")");
    clock(*res);
    return sandbox(s, *res);
  }

  void clock(const Response& res) {
    const std::string* date = find_header(res.headers, "Date");
    auto stamped = date ? parse_http_date(*date) : std::nullopt;
    if (!stamped) {
      add("clock", Status::skip, "the service sent no Date header to compare with");
      return;
    }
    const std::int64_t skew = seconds_of(ctx_.io.now()) - seconds_of(*stamped);
    const std::int64_t off = skew < 0 ? -skew : skew;
    const std::string detail = off <= 1 ? "in step with the service"
                                        : std::to_string(off) + " s " +
                                              (skew > 0 ? "ahead of" : "behind") + " the service";
    if (off > fail_skew_seconds) {
      add("clock", Status::fail, "this machine's clock is " + detail,
          "set the clock right (timedatectl set-ntp true, or your platform's time service): "
          "token expiry is judged by it");
    } else if (off > warn_skew_seconds) {
      add("clock", Status::warn, "this machine's clock is " + detail,
          "turn on time synchronisation (timedatectl set-ntp true)");
    } else {
      add("clock", Status::ok, detail);
    }
  }

  bool sandbox(const Settings& s, const Response& res) {
    const std::string name = s["sandbox"].value;
    const std::string from = s["sandbox"].origin;
    if (res.status == 404) {
      Error e = error_from_response(res, "read the destination specs");
      add("sandbox", Status::fail,
          "sandbox '" + name + "' (from " + from + ") is not in this organization: " + e.describe(),
          "pick one that exists: --sandbox NAME, AEP_SANDBOX, or aepflow config set sandbox NAME",
          ErrorKind::not_found);
      return false;
    }
    if (res.status == 401) {
      Error e = error_from_response(res, "read the destination specs");
      add("sandbox", Status::fail, "the service refused the credentials: " + e.describe(),
          "check the organization ID and that the token belongs to it (`aepflow auth status`)",
          ErrorKind::auth);
      return false;
    }
    add("sandbox", Status::ok,
        "'" + name + "' (from " + from + ")" +
            (name == "prod" ? "; prod: changes ask for confirmation, scripts pass --yes" : ""));
    return true;
  }

  void permissions() {
    probed_ = true;
    std::vector<Check> found(std::size(probes));
    std::vector<Step> steps;
    for (std::size_t i = 0; i < std::size(probes); ++i) {
      steps.emplace_back([this, i, &found]() -> Result<void> {
        found[i] = probe(probes[i]);
        return {};
      });
    }
    (void)run_steps(steps, service_->concurrent());
    for (auto& c : found)
      add(std::move(c.name), c.status, std::move(c.detail), std::move(c.fix), c.kind);
  }

  Check probe(const Probe& p) {
    Check c;
    c.name = "read " + std::string(collection_path(p.collection)).substr(1);
    Request req;
    req.path = std::string(collection_path(p.collection));
    req.query = {{"limit", "1"}};
    auto res = service_->send(req);
    if (!res) {
      c.status = Status::fail;
      c.detail = res.error().describe();
      c.kind = res.error().kind;
      return c;
    }
    if (res->status >= 200 && res->status < 300) {
      c.detail = std::string("can read ") + p.what;
      return c;
    }
    Error e = error_from_response(*res, std::string("read ") + p.what);
    c.status = Status::fail;
    c.detail = e.describe();
    c.kind = e.kind;
    if (res->status == 403) {
      c.fix = std::string("in the Admin Console, give the API credential's product profile the '") +
              p.permission + "' permission (Experience Platform; creating needs 'Manage " +
              (std::string_view(p.permission) == "View Sources" ? "Sources'" : "Destinations'") +
              ", activating 'Activate Destinations')";
    }
    return c;
  }

  Context& ctx_;
  std::vector<Check> checks_;
  FlowService* service_ = nullptr;
  bool probed_ = false;
};

Result<void> print(Context& ctx, const std::vector<Check>& checks) {
  const auto failed = std::find_if(checks.begin(), checks.end(),
                                   [](const Check& c) { return c.status == Status::fail; });
  auto& out = ctx.out();
  if (out.format() == Format::json) {
    json list = json::array();
    for (const auto& c : checks) {
      list.push_back({{"name", c.name},
                      {"status", to_string(c.status)},
                      {"detail", c.detail},
                      {"fix", c.fix}});
    }
    out.json({{"ok", failed == checks.end()}, {"checks", list}});
  } else if (out.format() == Format::id) {
    for (const auto& c : checks) {
      if (c.status == Status::fail) out.id(c.name);
    }
  } else {
    const bool colour = out.style().colour;
    std::size_t width = 0;
    for (const auto& c : checks)
      width = std::max(width, c.name.size());
    for (const auto& c : checks) {
      std::string mark(to_string(c.status));
      mark.resize(4, ' ');
      if (colour) {
        const char* code = c.status == Status::ok     ? "\033[32m"
                           : c.status == Status::warn ? "\033[33m"
                           : c.status == Status::fail ? "\033[1;31m"
                                                      : "\033[2m";
        mark = code + mark + "\033[0m";
      }
      // The mark carries its own colour codes; what a check found is made printable.
      out.verbatim(mark + "  " + c.name + std::string(width - c.name.size() + 2, ' ') +
                   printable(c.detail));
      if (!c.fix.empty()) out.line("      " + std::string(width + 2, ' ') + "fix: " + c.fix);
    }
    const auto count = [&](Status s) {
      return std::count_if(checks.begin(), checks.end(),
                           [s](const Check& c) { return c.status == s; });
    };
    out.line(std::to_string(count(Status::ok)) + " passed, " + std::to_string(count(Status::warn)) +
             " warned, " + std::to_string(count(Status::fail)) + " failed, " +
             std::to_string(count(Status::skip)) + " skipped");
  }
  if (failed == checks.end()) return {};
  Error e;
  e.kind = failed->kind;
  e.message = "doctor: '" + failed->name + "' failed (see above)";
  return std::unexpected(std::move(e));
}

}  // namespace

void add_doctor(Group& parent, Context& ctx) {
  auto cmd = parent.command(
      "doctor",
      "check the config, credentials, base URL, clock, sandbox and the permissions each "
      "tutorial step needs, and say how to fix what is wrong");
  cmd.examples(
      "Each check is one request at most, sent once (no retries); nothing is changed.\n"
      "Exit 0 when no check fails (warnings included), else the exit code of the first failure.\n"
      "Examples:\n"
      "  aepflow doctor\n"
      "  aepflow doctor --sandbox dev -o json --query /ok");
  cmd.run(ctx, [&ctx] {
    ctx.globals.retries = 0;  // a diagnosis reports what happens, at once
    Doctor doctor(ctx);
    return print(ctx, doctor.run());
  });
}

}  // namespace aepflow::cli
