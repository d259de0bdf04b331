// aepflow flow activate FLOW_ID --audience ID[=NAME] ... --attribute PATH ... [schedule flags]
// One PATCH /flows/{id} that adds every audience and attribute, guarded by the flow's etag.
#include <ctime>

#include "aepflow/activation.hpp"
#include "aepflow/etag.hpp"
#include "aepflow/ids.hpp"
#include "command.hpp"
#include "commands.hpp"

namespace aepflow::cli {

namespace {

struct Options {
  std::string flow_id;
  std::vector<std::string> audiences;
  std::vector<std::string> attributes;
  std::string filename_template{default_filename_template};
  std::string export_mode = "DAILY_FULL_EXPORT";
  std::string frequency = "ONCE";
  std::string trigger_type = "SCHEDULED";
  std::string start_date;  // default: today (UTC)
  std::string start_time;
  std::string end_date;
  std::string etag;
};

std::string today_utc(std::chrono::system_clock::time_point now) {
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[11];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

bool has_space(std::string_view s) {
  return s.find_first_of(" \t\r\n") != std::string_view::npos;
}

Result<std::vector<Audience>> audiences_from(const Options& o, const Io& io) {
  Schedule schedule{o.frequency, o.trigger_type,
                    o.start_date.empty() ? today_utc(io.now()) : o.start_date, o.start_time,
                    o.end_date};
  std::vector<Audience> out;
  std::vector<std::string> problems;
  for (const auto& arg : o.audiences) {
    auto eq = arg.find('=');
    Audience a;
    a.id = arg.substr(0, eq);
    if (eq != std::string::npos) a.name = arg.substr(eq + 1);
    if (a.id.empty() || has_space(a.id)) {
      return usage("--audience '" + arg + "': expected an audience ID, optionally =NAME");
    }
    if (std::any_of(out.begin(), out.end(), [&](const Audience& b) { return b.id == a.id; })) {
      return usage("--audience " + a.id + " is given more than once");
    }
    a.filename_template = o.filename_template;
    a.export_mode = o.export_mode;
    a.schedule = schedule;
    for (const auto& v : check_audience(a))
      problems.push_back(v.describe());
    out.push_back(std::move(a));
  }
  if (!problems.empty()) return usage(join(problems, "; "));
  return out;
}

Result<void> check_attributes(const std::vector<std::string>& attributes) {
  for (std::size_t i = 0; i < attributes.size(); ++i) {
    const auto& p = attributes[i];
    if (p.empty() || has_space(p) || p.front() == '.' || p.back() == '.') {
      return usage("--attribute '" + p + "': expected an XDM path such as person.name.lastName");
    }
    if (std::find(attributes.begin(), attributes.begin() + static_cast<std::ptrdiff_t>(i), p) !=
        attributes.begin() + static_cast<std::ptrdiff_t>(i)) {
      return usage("--attribute " + p + " is given more than once");
    }
  }
  return {};
}

// Drops what the flow already exports, with a warning for each, so nothing is added twice.
void skip_present(Context& ctx, const FlowContents& present, std::vector<Audience>& audiences,
                  std::vector<std::string>& attributes) {
  std::erase_if(audiences, [&](const Audience& a) {
    bool there = std::any_of(present.audiences.begin(), present.audiences.end(),
                             [&](const Audience& p) { return p.id == a.id; });
    if (there) ctx.warn("audience " + a.id + " is already on the dataflow; skipped");
    return there;
  });
  std::erase_if(attributes, [&](const std::string& a) {
    bool there = std::find(present.attributes.begin(), present.attributes.end(), a) !=
                 present.attributes.end();
    if (there) ctx.warn("attribute " + a + " is already on the dataflow; skipped");
    return there;
  });
}

void print_result(Context& ctx, const Patched& p, std::size_t audiences, std::size_t attributes) {
  auto& out = ctx.out();
  switch (out.format()) {
    case Format::id:
      out.id(p.id);
      break;
    case Format::json:
      out.json(p.body.is_object() ? p.body : nlohmann::json{{"id", p.id}, {"status", p.status}});
      break;
    case Format::table:
      out.fields("Activated " + std::to_string(audiences) + " audience(s) and " +
                     std::to_string(attributes) + " attribute(s) in sandbox " + ctx.sandbox(),
                 {{"dataflow", p.id},
                  {"etag", p.etag.empty() ? "(accepted; the service returned no etag)" : p.etag}});
      break;
  }
}

Result<void> run(Options o, Context& ctx) {
  if (auto ok = check_uuid("flow ID", o.flow_id); !ok) return ok;
  if (o.audiences.empty() && o.attributes.empty()) {
    return usage("nothing to activate: pass --audience ID and/or --attribute PATH");
  }
  auto audiences = audiences_from(o, ctx.io);
  if (!audiences) return std::unexpected(audiences.error());
  if (auto ok = check_attributes(o.attributes); !ok) return ok;
  std::string if_match;
  if (!o.etag.empty()) {
    auto normalized = normalize_etag(o.etag);
    if (!normalized) return std::unexpected(normalized.error());
    if_match = *normalized;
  }

  auto service = ctx.service();
  if (!service) return std::unexpected(service.error());
  if (if_match.empty()) {
    // Read the flow for its current etag, and to skip what it already exports.
    auto flow = (*service)->get(Collection::flows, o.flow_id);
    if (!flow) return std::unexpected(flow.error());
    auto etag = normalize_etag(text_of(*flow, "etag"));
    if (!etag) {
      return fail(ErrorKind::api, "the dataflow " + o.flow_id + " has no usable etag");
    }
    if_match = *etag;
    skip_present(ctx, read_flow_contents(*flow), *audiences, o.attributes);
    if (audiences->empty() && o.attributes.empty()) {
      ctx.err() << "nothing to do: the dataflow already exports everything given\n";
      if (ctx.out().format() == Format::id) ctx.out().id(o.flow_id);
      return {};
    }
  }

  if (auto ok = ctx.confirm_change("activate " + std::to_string(audiences->size()) +
                                   " audience(s) and " + std::to_string(o.attributes.size()) +
                                   " attribute(s) on dataflow " + o.flow_id);
      !ok) {
    return ok;
  }
  auto patched =
      (*service)->patch_flow(o.flow_id, if_match, activation_patch(*audiences, o.attributes));
  if (!patched) {
    Error e = patched.error();
    if (e.kind == ErrorKind::precondition) {
      e.message += ". The dataflow changed since etag " + if_match +
                   " was read; run again without --etag to use the current one";
    }
    return std::unexpected(std::move(e));
  }
  print_result(ctx, *patched, audiences->size(), o.attributes.size());
  return {};
}

}  // namespace

void add_flow_activate(Group& parent, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto cmd = parent.command(
      "activate", "export audiences and profile attributes through a dataflow (one JSON Patch)");
  cmd.option("flow", opts->flow_id, "dataflow ID").required();
  cmd.option("--audience", opts->audiences,
             "audience (segment) ID to export, optionally ID=NAME; repeatable");
  cmd.option("--attribute", opts->attributes,
             "profile attribute path to export, e.g. person.name.lastName; repeatable");
  cmd.option("--filename-template", opts->filename_template,
             "exported file name; must contain %DESTINATION_NAME% and %SEGMENT_ID%")
      .show_default();
  cmd.option("--export-mode", opts->export_mode, "DAILY_FULL_EXPORT or FIRST_FULL_THEN_INCREMENTAL")
      .show_default();
  cmd.option("--frequency", opts->frequency,
             "ONCE or DAILY (full export); DAILY or EVERY_3/6/8/12_HOURS (incremental)")
      .show_default();
  cmd.option("--trigger-type", opts->trigger_type, "SCHEDULED or AFTER_SEGMENT_EVAL")
      .show_default();
  cmd.option("--start-date", opts->start_date,
             "first export day, YYYY-MM-DD (default: today, UTC)");
  cmd.option("--start-time", opts->start_time,
             "export time HH:MM in UTC, on the hour; required with SCHEDULED");
  cmd.option("--end-date", opts->end_date,
             "last export day, YYYY-MM-DD; required for recurring exports");
  cmd.option("--etag", opts->etag,
             "the flow's etag, with or without its quotes (default: read it from the flow)");
  cmd.examples(
      "Examples:\n"
      "  aepflow flow activate \"$FLOW\" --audience 9f7d37fd-7039-4454-94ef-2b0cd6c3206a \\\n"
      "      --attribute person.name.firstName --attribute personalEmail.address \\\n"
      "      --start-date 2026-12-01 --start-time 17:00\n"
      "  aepflow flow activate \"$FLOW\" --audience \"$SEGMENT=Loyalty Segment\" \\\n"
      "      --export-mode FIRST_FULL_THEN_INCREMENTAL --frequency EVERY_6_HOURS \\\n"
      "      --start-time 17:00 --end-date 2026-12-31");
  cmd.run(ctx, [opts, &ctx] { return run(*opts, ctx); });
}

}  // namespace aepflow::cli
