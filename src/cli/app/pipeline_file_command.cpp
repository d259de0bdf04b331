#include "app/pipeline_file_command.hpp"

#include "aepflow/base/utf8.hpp"
#include "aepflow/pipeline_file/in_use.hpp"
#include "aepflow/specs/spec_check.hpp"
#include "app/util.hpp"
#include "settings/params.hpp"

namespace aepflow::cli {

using nlohmann::json;

Result<PipelineFile> load_pipeline_file(Context& ctx, const std::string& file) {
  if (file.empty()) {
    return usage(
        "-f FILE is required: the pipeline file (docs/pipeline-file.md), or - for the standard "
        "input");
  }
  auto text = ctx.read_input(file);
  if (!text) return std::unexpected(text.error());
  return parse_pipeline_file(*text, file == "-" ? "(stdin)" : file);
}

std::string describe(const Difference& d) {
  auto shown = [](const std::optional<std::string>& v) { return v ? *v : "(absent)"; };
  switch (d.kind) {
    case Difference::Kind::value:
      return d.field + ": " + shown(d.from) + " -> " + shown(d.to);
    case Difference::Kind::added:
      return "+ " + d.field + " " + d.item;
    case Difference::Kind::removed:
      return "- " + d.field + " " + d.item +
             (d.kept ? " (left in place: not removed by apply)" : "");
    case Difference::Kind::item_value:
      return "~ " + d.field + " " + d.item + ": " + d.detail + ": " + shown(d.from) + " -> " +
             shown(d.to);
    case Difference::Kind::remade:
      return "its " + d.field + " is " + shown(d.to) + "d";
    case Difference::Kind::used_by:
      return "used by " + d.item;
  }
  return d.field;
}

std::vector<std::string> describe(const std::vector<Difference>& ds) {
  std::vector<std::string> out;
  for (const auto& d : ds)
    out.push_back(describe(d));
  return out;
}

Error in_file(const PipelineFile& m, const PipelineSpec& spec, Error e) {
  std::string where = m.file + ":" + std::to_string(spec.line) + ": pipeline " + spec.name;
  e.context = e.context.empty() ? where : where + ": " + e.context;
  return e;
}

namespace {

// The credentials apply would send, read and checked against the auth spec now: what apply would
// refuse, plan refuses (the references' values are never quoted).
// What the references read is also compared with what the service shows of the connection.
Result<void> check_credentials(Context& ctx, PipelinePlan& plan, const PipelineSpec& spec) {
  if (spec.auth_spec.empty()) return {};
  auto params = resolve_param_references(ctx, spec.auth_params);
  if (!params) return std::unexpected(params.error());
  compare_resolved(plan, spec, *params);
  if (plan.connection.change == Change::none) return {};
  std::vector<std::string> unknown;  // warned of by the plan
  return check_auth_params(plan.connection_spec, spec.auth_spec, *params, unknown);
}

}  // namespace

Result<void> finish_plan(Context& ctx, PipelinePlan& plan, const PipelineSpec& spec, bool rotate) {
  if (rotate) rotate_secrets(plan, spec);
  return check_credentials(ctx, plan, spec);
}

Result<Planned> plan_file(Context& ctx, const std::string& file, Goal goal, bool rotate) {
  Planned out;
  auto pipeline_file = load_pipeline_file(ctx, file);
  if (!pipeline_file) return std::unexpected(pipeline_file.error());
  out.pipeline_file = std::move(*pipeline_file);
  if (goal == Goal::match) {
    // The references apply reads, read now: what apply would fail on, plan fails on, alike.
    for (const auto& spec : out.pipeline_file.pipelines) {
      if (auto ok = check_references(ctx, spec); !ok) {
        return std::unexpected(in_file(out.pipeline_file, spec, ok.error()));
      }
    }
  }
  auto service = ctx.service();
  if (!service) return std::unexpected(service.error());
  out.service = *service;
  for (const auto& spec : out.pipeline_file.pipelines) {
    auto plan = goal == Goal::destroy ? plan_destroy(*out.service, spec)
                                      : plan_pipeline(*out.service, spec, today_utc(ctx.io.now()),
                                                      [&ctx] { return ctx.mapping_services(); });
    if (!plan) return std::unexpected(in_file(out.pipeline_file, spec, plan.error()));
    if (goal == Goal::match) {
      if (auto ok = finish_plan(ctx, *plan, spec, rotate); !ok) {
        return std::unexpected(in_file(out.pipeline_file, spec, ok.error()));
      }
    }
    for (const auto& w : plan->warnings)
      ctx.warn("pipeline " + spec.name + ": " + w);
    out.plans.push_back(std::move(*plan));
  }
  if (goal == Goal::destroy) {
    // What a flow outside the file still uses stays; what the file's own flows use goes too.
    std::vector<ResourcePlan*> all;
    for (auto& p : out.plans) {
      for (auto* r : p.resources())
        all.push_back(r);
    }
    if (auto ok = keep_used(*out.service, all); !ok) return std::unexpected(ok.error());
  }
  return out;
}

PlanCounts count(const std::vector<PipelinePlan>& plans) {
  PlanCounts c;
  for (const auto& p : plans) {
    for (const auto* r : p.resources()) {
      switch (r->change) {
        case Change::create:
          ++c.create;
          break;
        case Change::update:
          ++c.update;
          break;
        case Change::replace:
          ++c.replace;
          break;
        case Change::destroy:
          ++c.destroy;
          break;
        case Change::keep:
          ++c.kept;
          break;
        case Change::none:
          if (!r->id.empty()) ++c.unchanged;
          break;
      }
    }
  }
  return c;
}

namespace {

std::string_view symbol(Change c) {
  switch (c) {
    case Change::create:
      return "+";
    case Change::update:
      return "~";
    case Change::replace:
      return "-/+";
    case Change::destroy:
      return "-";
    case Change::keep:
    case Change::none:
      return "=";
  }
  return "=";
}

}  // namespace

void print_plans(Context& ctx, const std::vector<PipelinePlan>& plans, std::string_view verb) {
  const PlanCounts c = count(plans);
  auto& out = ctx.out();
  switch (out.format()) {
    case Format::id:
      for (const auto& p : plans) {
        for (const auto* r : p.resources()) {
          if (!r->id.empty() && r != &p.exports) out.id(r->id);
        }
      }
      return;
    case Format::json: {
      json doc = {{"sandbox", ctx.sandbox()}, {"pipelines", json::array()}};
      for (const auto& p : plans) {
        json resources = json::array();
        for (const auto* r : p.resources()) {
          if (r->change == Change::none && r->id.empty()) continue;
          resources.push_back({{"kind", r->kind},
                               {"name", r->name},
                               {"id", r->id},
                               {"action", to_string(r->change)},
                               {"changes", describe(r->details)}});
        }
        doc["pipelines"].push_back({{"name", p.pipeline}, {"resources", resources}});
      }
      doc["summary"] = {{"create", c.create},       {"update", c.update},
                        {"replace", c.replace},     {"destroy", c.destroy},
                        {"unchanged", c.unchanged}, {"kept", c.kept},
                        {"changes", c.any_change()}};
      out.json(doc);
      return;
    }
    case Format::table:
      break;
  }
  for (const auto& p : plans) {
    out.line("Pipeline " + p.pipeline + " in sandbox " + ctx.sandbox());
    for (const auto* r : p.resources()) {
      if (r->change == Change::none && r->id.empty()) continue;
      std::string line = "  " + std::string(symbol(r->change));
      line.resize(6, ' ');
      std::string action(to_string(r->change));
      action.resize(10, ' ');
      line += action + r->kind + " \"" + r->name + "\"";
      if (!r->id.empty() && r != &p.exports) line += " (" + r->id + ")";
      out.line(line);
      for (const auto& d : r->details)
        out.line("          " + describe(d));
    }
  }
  out.line(std::string(verb) + ": " + std::to_string(c.create) + " to create, " +
           std::to_string(c.update) + " to update, " + std::to_string(c.replace) + " to replace, " +
           std::to_string(c.destroy) + " to destroy, " + std::to_string(c.unchanged) +
           " unchanged" + (c.kept > 0 ? ", " + std::to_string(c.kept) + " kept (in use)." : "."));
}

Result<json> resolve_param_references(Context& ctx, const json& params) {
  json out = params;
  for (auto& [key, value] : out.items()) {
    if (!value.is_string()) continue;
    const std::string v = value.get<std::string>();
    if (!is_param_reference(v)) continue;
    const std::string what = "param " + key;
    auto resolved = resolve_value(v, what, ctx.io, form_env | form_file);
    if (!resolved) return std::unexpected(resolved.error());
    if (auto ok = check_utf8(what + " (" + v + ")", resolved->text); !ok) {
      return std::unexpected(ok.error());
    }
    ctx.add_secret(resolved->text);
    value = resolved->text;
  }
  return out;
}

Result<void> check_references(Context& ctx, const PipelineSpec& spec) {
  if (auto ok = resolve_param_references(ctx, spec.auth_params); !ok) {
    return std::unexpected(ok.error());
  }
  if (spec.encryption_key.empty()) return {};
  if (auto ok = resolve_param_references(ctx, json{{"publicKey", spec.encryption_key}}); !ok) {
    return std::unexpected(ok.error());
  }
  return {};
}

ApplyHooks apply_hooks(Context& ctx) {
  ApplyHooks hooks;
  hooks.today = today_utc(ctx.io.now());
  hooks.sleep = ctx.io.sleep;
  hooks.mapping = [&ctx] { return ctx.mapping_services(); };
  hooks.resolve_params = [&ctx](const json& params) {
    return resolve_param_references(ctx, params);
  };
  return hooks;
}

}  // namespace aepflow::cli
