// aepflow import [--flow ID ...] [--destination NAME|SPEC_ID] [--all] [--file FILE|-] [--force]
// Writes a pipeline file describing destination dataflows that exist in the sandbox; reads only.
#include <filesystem>

#include "aepflow/base/files.hpp"
#include "aepflow/base/text.hpp"
#include "aepflow/flow/ids.hpp"
#include "aepflow/pipeline_file/emit.hpp"
#include "aepflow/pipeline_file/export.hpp"
#include "app/command_support.hpp"
#include "app/command_table.hpp"
#include "app/util.hpp"

namespace aepflow::cli {

namespace {

struct Options {
  std::vector<std::string> flows;
  std::string destination;
  bool all = false;
  std::string file;
  bool force = false;
};

// Exactly one way of choosing, each ID well formed: checked before anything is read.
Result<ImportSelection> selection(const Options& o) {
  const int kinds = (o.flows.empty() ? 0 : 1) + (o.destination.empty() ? 0 : 1) + (o.all ? 1 : 0);
  if (kinds != 1) {
    return usage(std::string(kinds == 0 ? "nothing to import" : "choose one way") +
                 ": give --flow ID (repeatable), --destination NAME or --all");
  }
  ImportSelection s;
  s.all = o.all;
  for (const auto& id : o.flows) {
    if (auto ok = check_uuid("--flow", id); !ok) return std::unexpected(ok.error());
    s.flow_ids.push_back(id);
  }
  return s;
}

// Where the file goes, checked before anything is read: an existing file needs --force.
Result<void> check_destination(const Options& o) {
  if (o.file.empty() || o.file == "-") return {};
  std::error_code ec;
  if (std::filesystem::exists(o.file, ec) && !o.force) {
    return usage(o.file + " exists: pass --force to replace it");
  }
  return {};
}

Result<void> run(const Options& o, Context& ctx) {
  auto chosen = selection(o);
  if (!chosen) return std::unexpected(chosen.error());
  if (auto ok = check_destination(o); !ok) return ok;
  auto service = ctx.service();
  if (!service) return std::unexpected(service.error());
  if (!o.destination.empty()) {
    auto id = resolve_destination_spec(ctx.terminal, **service, o.destination);
    if (!id) return std::unexpected(id.error());
    chosen->connection_spec_id = *id;
  }
  auto imported = import_flows(**service, *chosen, [&ctx] { return ctx.mapping_services(); });
  if (!imported) return std::unexpected(imported.error());
  for (const auto& w : imported->warnings)
    ctx.warn(w);
  const std::string text = pipeline_file_text(
      imported->pipelines, {"Imported by aepflow import from sandbox " + ctx.sandbox() + " on " +
                                today_utc(ctx.io.now()) + ".",
                            "Secrets are env: references; set each variable before plan or apply "
                            "(docs/pipeline-file.md)."});
  if (o.file.empty() || o.file == "-") {
    ctx.io.out << text;
    ctx.io.out.flush();
  } else if (auto ok = write_file_whole(o.file, text, o.force); !ok) {
    Error e = ok.error();
    if (e.kind == ErrorKind::usage) e.message += ": pass --force to replace it";
    return std::unexpected(std::move(e));
  }
  auto& err = ctx.err();
  err << "Imported " << imported->pipelines.size() << " pipeline"
      << (imported->pipelines.size() == 1 ? "" : "s") << " from sandbox "
      << printable(ctx.sandbox())
      << (o.file.empty() || o.file == "-" ? "" : " into " + printable(o.file)) << ".\n";
  if (!imported->secrets.empty()) {
    err << "Set these environment variables to the secrets before plan or apply (the service "
           "does not show them):\n";
    for (const auto& s : imported->secrets) {
      err << "  " << s.variable << "  (" << printable(s.param) << " of base connection \""
          << printable(s.connection) << "\", pipeline " << printable(s.pipeline) << ")\n";
    }
  }
  return {};
}

}  // namespace

void add_import(Group& parent, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto cmd = parent.command(
      "import",
      "write a pipeline file describing destinations that exist in the sandbox (reads only)");
  cmd.option("--flow", opts->flows, "a destination dataflow's ID (repeatable)");
  cmd.option("--destination", opts->destination,
             "every dataflow to this destination: a name (\"Amazon S3\") or connection spec ID");
  cmd.flag("--all", opts->all, "every destination dataflow in the sandbox");
  cmd.option("-f,--file", opts->file, "where to write the file; - or none: stdout");
  cmd.flag("--force", opts->force, "replace --file when it exists");
  cmd.examples(
      "Examples:\n  aepflow import --flow \"$FLOW\" --file campaign.yaml\n"
      "  aepflow import --destination \"Amazon S3\" > s3.yaml\n"
      "  aepflow import --all --sandbox dev -f dev.yaml && aepflow apply -f dev.yaml --sandbox "
      "prod");
  cmd.run(ctx, [opts, &ctx] { return run(*opts, ctx); });
}

}  // namespace aepflow::cli
