// aepflow connection|source|target get ID: one object, as the service stores it for -o json, and
// the fields an operator reads for a table, credentials masked.
#include "aepflow/base/json_fields.hpp"
#include "aepflow/http/redact.hpp"
#include "app/command_support.hpp"
#include "app/command_table.hpp"
#include "app/util.hpp"
#include "terminal/listing.hpp"

namespace aepflow::cli {

namespace {

using nlohmann::json;

struct Options {
  std::string id;
};

// A param's value as a table cell: text as it is, anything else as JSON.
std::string cell(const json& v) {
  return v.is_string() ? v.get<std::string>() : v.dump();
}

// The table: who it is, what it is made of, its params (credentials only where known to be
// harmless: a service that echoed one back would not have it printed), and its version.
void print_summary(Output& out, Collection c, const json& item) {
  std::vector<std::pair<std::string, std::string>> kv = {{"id", text_of(item, "id")},
                                                         {"name", text_of(item, "name")}};
  if (auto d = text_of(item, "description"); !d.empty()) kv.emplace_back("description", d);
  if (auto s = text_of(item, "state"); !s.empty()) kv.emplace_back("state", s);
  kv.emplace_back("spec", cell_spec(object_member(item, "connectionSpec")));
  if (auto base = text_of(item, "baseConnectionId"); !base.empty())
    kv.emplace_back("base connection", base);
  const json& auth = object_member(item, "auth");
  if (auto spec = text_of(auth, "specName"); !spec.empty()) kv.emplace_back("auth", spec);
  if (auto p = auth.find("params"); p != auth.end() && p->is_object()) {
    for (const auto& [key, value] : p->items()) {
      kv.emplace_back("auth " + key,
                      is_shown_credential_field(key) ? cell(value) : std::string(redacted_marker));
    }
  }
  if (auto p = item.find("params"); p != item.end() && p->is_object()) {
    for (const auto& [key, value] : p->items())
      kv.emplace_back("param " + key, cell(value));
  }
  kv.emplace_back("etag", text_of(item, "etag"));
  kv.emplace_back("created", cell_time_ms(item, "createdAt"));
  kv.emplace_back("updated", cell_time_ms(item, "updatedAt"));
  std::string noun(collection_noun(c));
  noun[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(noun[0])));
  out.fields(noun, kv);
}

}  // namespace

void add_get_command(Group& parent, Context& ctx, Collection c) {
  auto opts = std::make_shared<Options>();
  const std::string noun(collection_noun(c));
  const std::string word = c == Collection::source_connections   ? "source"
                           : c == Collection::target_connections ? "target"
                                                                 : "connection";
  auto cmd = parent.command(
      "get", "show a " + noun + " (GET " + std::string(collection_path(c)) + "/{id})");
  cmd.option("id", opts->id, noun + " ID").required();
  cmd.examples("Examples:\n  aepflow " + word + " get \"$ID\"\n  aepflow " + word +
               " get \"$ID\" -o json | jq -r .etag");
  cmd.run(ctx, [c, opts, &ctx, noun]() -> Result<void> {
    auto item = fetch(ctx, c, noun + " ID", opts->id);
    if (!item) return std::unexpected(item.error());
    print_item(ctx.out(), *item, [&](Output& out) { print_summary(out, c, *item); });
    return {};
  });
}

}  // namespace aepflow::cli
