// aepflow flow activate FLOW_ID [--audience ID[=NAME] ...] [--audiences-file FILE]
//   [--attribute PATH ...] [--mandatory PATH ...] [--dedup-key PATH|identity:NS ...]
//   [schedule flags] [--update] [--etag E]
// One PATCH /flows/{id}, planned against the flow as it is now and re-planned if it changes.
#include "commands/flow/activate.hpp"

#include <ctime>

#include "aepflow/activation/activate_flow.hpp"
#include "aepflow/activation/activation_plan.hpp"
#include "aepflow/activation/audience_file.hpp"
#include "aepflow/activation/guardrails.hpp"
#include "aepflow/activation/mapped_activation.hpp"
#include "aepflow/base/text.hpp"
#include "aepflow/flow/etag.hpp"
#include "aepflow/flow/ids.hpp"
#include "app/command_support.hpp"
#include "app/command_table.hpp"
#include "terminal/progress.hpp"

namespace aepflow::cli {

namespace {

bool has_space(std::string_view s) {
  return s.find_first_of(" \t\r\n") != std::string_view::npos;
}

std::optional<std::string> given(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

AudienceSpec flag_settings(const FlowActivateOptions& o) {
  AudienceSpec s;
  s.filename_template = given(o.filename_template);
  s.export_mode = given(o.export_mode);
  s.frequency = given(o.frequency);
  s.trigger_type = given(o.trigger_type);
  s.start_date = given(o.start_date);
  s.start_time = given(o.start_time);
  s.end_date = given(o.end_date);
  return s;
}

Result<void> check_paths(const std::vector<std::string>& paths, const char* flag) {
  for (const auto& p : paths) {
    if (auto problem = xdm_path_problem(p); !problem.empty()) {
      return usage(std::string(flag) + " " + problem);
    }
  }
  return {};
}

template <class T>
void append_unique(std::vector<T>& to, const std::vector<T>& from) {
  for (const auto& v : from) {
    if (std::find(to.begin(), to.end(), v) == to.end()) to.push_back(v);
  }
}

// Everything the command line and the file ask for; checked before anything is sent.
Result<ActivationRequest> build_request(const FlowActivateOptions& o, const Io& io) {
  ActivationRequest r;
  r.update = o.update;
  r.new_defaults = activation_defaults(today_utc(io.now()));
  const AudienceSpec flags = flag_settings(o);

  for (const auto& arg : o.audiences) {
    auto eq = arg.find('=');
    AudienceSpec a;
    auto id = normalize_audience_id(arg.substr(0, eq));
    if (!id) {
      return usage("--audience '" + printable(arg) + "': " + id.error().message +
                   ", optionally =NAME");
    }
    a.id = std::move(*id);
    if (eq != std::string::npos) a.name = arg.substr(eq + 1);
    r.audiences.push_back(with_fallback(std::move(a), flags));
  }
  if (!o.audiences_file.empty()) {
    auto text = io.read_file(o.audiences_file);
    if (!text) return std::unexpected(text.error());
    auto file = parse_audience_file(*text, o.audiences_file);
    if (!file) return std::unexpected(file.error());
    for (auto& a : file->audiences)
      r.audiences.push_back(with_fallback(std::move(a), flags));
    if (file->attributes) append_unique(r.attributes, *file->attributes);
    if (file->identities) append_unique(r.identities, *file->identities);
    if (file->mandatory) append_unique(r.mandatory, *file->mandatory);
    if (file->dedup_keys) append_unique(r.dedup_keys, *file->dedup_keys);
  }
  append_unique(r.attributes, o.attributes);
  append_unique(r.identities, o.identities);
  append_unique(r.mandatory, o.mandatory);
  for (const auto& k : o.dedup_keys)
    append_unique(r.dedup_keys, {DedupKey::parse(k)});
  if (auto ok = check_paths(o.attributes, "--attribute"); !ok) return std::unexpected(ok.error());
  if (auto ok = check_paths(o.mandatory, "--mandatory"); !ok) return std::unexpected(ok.error());
  for (const auto& k : r.dedup_keys) {
    if (k.value.empty() || has_space(k.value)) {
      return usage("--dedup-key '" + k.text() + "': expected an XDM path or identity:NAMESPACE");
    }
  }
  if (auto ok = check_dedup_keys({}, r.dedup_keys); !ok) return std::unexpected(ok.error());
  if (r.audiences.empty() && r.attributes.empty() && r.mandatory.empty() && r.dedup_keys.empty() &&
      r.identities.empty()) {
    return usage(
        "nothing to activate: pass --audience, --audiences-file, --attribute, --identity, "
        "--mandatory or --dedup-key");
  }
  // New audiences are checked now, before any request, by what every kind of flow demands; by
  // the flow's own rules once it is read. Updated ones are checked once merged with their current
  // settings, still before anything is written.
  if (!r.update) {
    if (auto ok = check_new_audiences(r.audiences, r.new_defaults, Card::unknown); !ok) {
      return std::unexpected(ok.error());
    }
  }
  return r;
}

void report(Context& ctx, const ActivationPlan& plan, const Applied& applied,
            const std::string& flow_id) {
  for (const auto& w : plan.warnings)
    ctx.warn(w);
  for (const auto& id : plan.skipped) {
    ctx.warn("audience " + id +
             " is already on the dataflow; skipped (--update changes its settings)");
  }
  for (const auto& a : plan.attributes_skipped) {
    ctx.warn("attribute " + a + " is already on the dataflow; skipped");
  }
  for (const auto& a : plan.identities_skipped) {
    ctx.warn("identity " + a + " is already on the dataflow; skipped");
  }
  if (!applied.sent) ctx.err() << "nothing to do: the dataflow already has everything given\n";
  auto& out = ctx.out();
  const std::string etag = applied.patched.etag;
  switch (out.format()) {
    case Format::id:
      out.id(flow_id);
      break;
    case Format::json: {
      nlohmann::json j = {
          {"id", flow_id},
          {"changed", applied.sent},
          {"audiences",
           {{"added", plan.added},
            {"updated", plan.updated},
            {"skipped", plan.skipped},
            {"unchanged", plan.unchanged}}},
          {"attributes", {{"added", plan.attributes_added}, {"skipped", plan.attributes_skipped}}},
          {"identities", {{"added", plan.identities_added}, {"skipped", plan.identities_skipped}}},
          {"mandatoryFields", plan.mandatory_added},
          {"attempts", applied.attempts}};
      nlohmann::json keys = nlohmann::json::array();
      for (const auto& k : plan.dedup_added)
        keys.push_back(k.text());
      j["dedupKeys"] = keys;
      if (plan.mapping_set && applied.sent) {
        j["mappingSet"] = {{"id", plan.mapping_set->id}, {"version", plan.mapping_set->version}};
      }
      if (applied.sent) {
        j["status"] = applied.patched.status;
        if (!etag.empty()) j["etag"] = etag;
      }
      out.json(j);
      break;
    }
    case Format::table: {
      std::vector<std::pair<std::string, std::string>> kv = {{"dataflow", flow_id}};
      auto list = [&](const char* label, const std::vector<std::string>& v) {
        if (!v.empty()) kv.emplace_back(label, std::to_string(v.size()) + ": " + join(v));
      };
      list("added", plan.added);
      list("updated", plan.updated);
      list("skipped", plan.skipped);
      list("attributes", plan.attributes_added);
      list("identities", plan.identities_added);
      if (plan.mapping_set && applied.sent) kv.emplace_back("mapping set", plan.mapping_set->id);
      list("mandatory", plan.mandatory_added);
      std::vector<std::string> keys;
      for (const auto& k : plan.dedup_added)
        keys.push_back(k.text());
      list("dedup keys", keys);
      if (applied.sent) {
        kv.emplace_back("etag", etag.empty() ? "(accepted; the service returned no etag)" : etag);
        if (applied.attempts > 1) {
          kv.emplace_back("attempts",
                          std::to_string(applied.attempts) +
                              " (the dataflow changed meanwhile; re-read and re-planned)");
        }
      }
      out.fields(
          (applied.sent ? done_or_would(ctx, "Activated in sandbox ", "Would activate in sandbox ")
                        : "No change in sandbox ") +
              ctx.sandbox(),
          kv);
      break;
    }
  }
}

Result<void> run(const FlowActivateOptions& o, Context& ctx) {
  if (auto ok = check_uuid("flow ID", o.flow_id); !ok) return ok;
  auto request = build_request(o, ctx.io);
  if (!request) return std::unexpected(request.error());
  ApplyOptions apply;
  apply.sleep = ctx.io.sleep;
  if (o.etag) {
    // An empty or blank --etag is refused there, not taken for "no guard".
    auto normalized = normalize_etag(*o.etag);
    if (!normalized) return std::unexpected(normalized.error());
    apply.if_match = *normalized;
  }
  auto service = ctx.service();
  if (!service) return std::unexpected(service.error());
  if (auto ok = ctx.confirm_change("change what dataflow " + o.flow_id + " exports"); !ok)
    return ok;

  Progress progress(ctx.io, "activating through dataflow " + o.flow_id);
  progress.set(counted(request->audiences.size(), "audience") + ", " +
               counted(request->attributes.size(), "attribute") +
               ": read, checked, sent as one PATCH");
  auto activated = activate_flow(
      **service, [&ctx] { return ctx.mapping_services(); }, o.flow_id, std::move(*request),
      std::move(apply));
  if (!activated) return std::unexpected(activated.error());
  progress.done();
  const ActivationPlan& last = activated->plan;
  const Applied* applied = &activated->applied;
  report(ctx, last, *applied, o.flow_id);
  return {};
}

}  // namespace

void add_flow_activate(Group& parent, Context& ctx, RunFunction<FlowActivateOptions> run_f) {
  auto opts = std::make_shared<FlowActivateOptions>();
  if (!run_f) run_f = [&ctx](const FlowActivateOptions& o) { return run(o, ctx); };
  auto cmd = parent.command(
      "activate", "export audiences and profile attributes through a dataflow (one JSON Patch)");
  cmd.option("flow", opts->flow_id, "dataflow ID").required();
  cmd.option("--audience", opts->audiences,
             "audience (segment) ID to export, optionally ID=NAME; repeatable");
  cmd.option("--audiences-file", opts->audiences_file,
             "CSV or JSON file of audiences, each with its own settings (see `aepflow flow "
             "activate --help`); flags fill the fields a row leaves empty");
  cmd.option("--attribute", opts->attributes,
             "profile attribute path to export, e.g. person.name.lastName; repeatable");
  cmd.option("--identity", opts->identities,
             "identity namespace to export (Email, Phone_E.164, ECID, ...); current "
             "cloud-storage cards, one per dataflow");
  cmd.option("--mandatory", opts->mandatory,
             "attribute (or, on a current cloud-storage card, identity namespace such as GAID) "
             "every exported profile must have (mandatoryFields); repeatable");
  cmd.option("--dedup-key", opts->dedup_keys,
             "deduplication key (primaryFields): identity:NAMESPACE, or one or two attribute "
             "paths; never both");
  cmd.option("--filename-template", opts->filename_template,
             "exported file name (default "
             "%DESTINATION_NAME%_%SEGMENT_ID%_%DATETIME(YYYYMMdd_HHmmss)%); an email-marketing "
             "destination's must contain %DESTINATION_NAME% and %SEGMENT_ID%, a current "
             "cloud-storage card's takes any of its macros (%DESTINATION%, "
             "%DESTINATION_INSTANCE_NAME%, ...) in at most 255 characters");
  cmd.option("--export-mode", opts->export_mode,
             "DAILY_FULL_EXPORT (default) or FIRST_FULL_THEN_INCREMENTAL");
  cmd.option("--frequency", opts->frequency,
             "ONCE (default) or DAILY for full exports; DAILY or EVERY_3/6/8/12_HOURS for "
             "incremental ones");
  cmd.option("--trigger-type", opts->trigger_type, "SCHEDULED (default) or AFTER_SEGMENT_EVAL");
  cmd.option("--start-date", opts->start_date,
             "first export day, YYYY-MM-DD (default: today, UTC)");
  cmd.option("--start-time", opts->start_time,
             "export time HH:MM in UTC, on the hour; required with SCHEDULED");
  cmd.option("--end-date", opts->end_date,
             "last export day, YYYY-MM-DD; required for recurring exports");
  cmd.flag("--update", opts->update,
           "replace the settings of audiences already on the flow; without it they are skipped");
  cmd.option("--etag", opts->etag,
             "apply only if the flow is still at this etag (with or without its quotes); "
             "default: its current one, re-read if it changes meanwhile");
  cmd.examples(
      "Examples:\n"
      "  aepflow flow activate \"$FLOW\" --audience 9f7d37fd-7039-4454-94ef-2b0cd6c3206a \\\n"
      "      --attribute person.name.firstName --attribute personalEmail.address \\\n"
      "      --start-date 2026-12-01 --start-time 17:00\n"
      "  aepflow flow activate \"$FLOW\" --audiences-file audiences.csv --start-time 17:00 \\\n"
      "      --mandatory person.name.lastName --dedup-key personalEmail.address\n"
      "  aepflow flow activate \"$FLOW\" --audience \"$SEGMENT\" --update --start-time 18:00\n"
      "\n"
      "Audience files (CSV with a header row, or JSON):\n"
      "  id,name,exportMode,frequency,startDate,startTime,endDate\n"
      "  9f7d37fd-...,Mountain bikers,DAILY_FULL_EXPORT,ONCE,2026-12-01,17:00,\n"
      "  "
      "25768be6-...,Loyalty,FIRST_FULL_THEN_INCREMENTAL,EVERY_6_HOURS,2026-12-01,17:00,2026-12-31\n"
      "  JSON: [{\"id\": ..., \"exportMode\": ..., \"schedule\": {...}}] or {\"audiences\": "
      "[...],\n"
      "  \"attributes\": [...], \"mandatoryFields\": [...], \"primaryFields\": [...]}");
  cmd.run<FlowActivateOptions>(ctx, opts, std::move(run_f));
}

}  // namespace aepflow::cli
