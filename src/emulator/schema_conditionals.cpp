#include "schema_conditionals.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "util.hpp"

namespace emulator {

using nlohmann::json;

namespace {

// Worlds tried for one outside field are every subset of the values its conditionals name: a
// spec names one or two, this bounds what a hostile spec could cost.
constexpr std::size_t kMaxConditionalValues = 6;

struct Conditional {
  std::string name;  // the property it governs
  std::string field;
  std::string op;
  json value;
  bool present = false;
  bool required = false;
};

bool sibling(const json& schema, const std::string& field) {
  const auto props = schema.find("properties");
  return props != schema.end() && props->is_object() && props->contains(field);
}

// The value at a dotted path of `context` ("flowSpec.attributes._workflow"); null where the
// context has none.
json at_path(const json& context, const std::string& path) {
  const json* at = &context;
  std::size_t start = 0;
  while (start <= path.size()) {
    const auto dot = std::min(path.find('.', start), path.size());
    const std::string key = path.substr(start, dot - start);
    if (!at->is_object() || !at->contains(key)) return nullptr;
    at = &(*at)[key];
    start = dot + 1;
  }
  return *at;
}

bool contains(const json& actual, const json& wanted) {
  if (actual.is_array()) return std::find(actual.begin(), actual.end(), wanted) != actual.end();
  if (actual.is_string() && wanted.is_string()) {
    return actual.get_ref<const std::string&>().find(wanted.get_ref<const std::string&>()) !=
           std::string::npos;
  }
  return false;
}

bool holds(const Conditional& c, const json& actual) {
  if (c.op == "EQUALS") return actual == c.value;
  if (c.op == "NOT_EQUALS") return actual != c.value;
  if (c.op == "CONTAINS") return contains(actual, c.value);
  if (c.op == "NOT_CONTAINS") return !contains(actual, c.value);
  return true;  // an operator no spec uses is not enforced
}

// "params.fileType is CSV", "flowSpec.attributes._workflow contains DATASETS".
std::string describe(const Conditional& c, const std::string& field) {
  const std::string v = c.value.is_string() ? c.value.get<std::string>() : c.value.dump();
  if (c.op == "EQUALS") return field + " is " + v;
  if (c.op == "NOT_EQUALS") return field + " is not " + v;
  if (c.op == "CONTAINS") return field + " contains " + v;
  if (c.op == "NOT_CONTAINS") return field + " does not contain " + v;
  return field + " " + c.op + " " + v;
}

// The values an outside field could have, as far as its conditionals can tell them apart.
std::vector<json> worlds(const std::vector<Conditional>& group) {
  std::vector<json> values;
  bool list = false;
  for (const auto& c : group) {
    list = list || c.op == "CONTAINS" || c.op == "NOT_CONTAINS";
    if (std::find(values.begin(), values.end(), c.value) == values.end()) {
      values.push_back(c.value);
    }
  }
  values.resize(std::min(values.size(), kMaxConditionalValues));
  std::vector<json> out;
  if (!list) {
    out = values;
    out.emplace_back(nullptr);
    return out;
  }
  for (std::size_t mask = 0; mask < (std::size_t{1} << values.size()); ++mask) {
    json world = json::array();
    for (std::size_t i = 0; i < values.size(); ++i) {
      if ((mask & (std::size_t{1} << i)) != 0) world.push_back(values[i]);
    }
    out.push_back(std::move(world));
  }
  return out;
}

// The properties conditional on one outside field the context does not give: fine when some
// value of the field makes every given one apply and leaves no applicable required one out.
std::optional<std::string> open_problem(const std::vector<Conditional>& group,
                                        const std::string& where) {
  bool given_fit = false;
  for (const json& world : worlds(group)) {
    bool given_apply = true;
    bool required_given = true;
    for (const auto& c : group) {
      const bool applies = holds(c, world);
      given_apply = given_apply && (!c.present || applies);
      required_given = required_given && (!c.required || !applies || c.present);
    }
    if (given_apply && required_given) return std::nullopt;
    given_fit = given_fit || given_apply;
  }
  std::vector<std::string> names;
  std::vector<std::string> whens;
  for (const auto& c : group) {
    if (given_fit ? !c.required : !c.present) continue;
    names.push_back(where + "." + c.name);
    whens.push_back(c.name + " when " + describe(c, c.field));
  }
  if (!given_fit) {
    return join(names, " and ") + " cannot be given together: " + join(whens, ", ");
  }
  return "one of " + join(names, ", ") + " is required: " + join(whens, ", ");
}

}  // namespace

std::vector<std::string> conditional_problems(const json& schema, const json& value,
                                              const std::string& where, const json& context,
                                              std::set<std::string>& exempt) {
  std::vector<std::string> out;
  const auto props = schema.find("properties");
  if (!value.is_object() || props == schema.end() || !props->is_object()) return out;
  std::set<std::string> required;
  for (const auto& n : schema.value("required", json::array())) {
    if (n.is_string()) required.insert(n.get<std::string>());
  }
  std::map<std::string, std::vector<Conditional>> open;  // by outside field
  std::set<std::string> inapplicable;
  // Outside fields first: a sibling conditional on a property that does not apply (csvOptions on
  // a fileType a dataset flow does not take) does not apply either.
  for (const bool pass_inner : {false, true}) {
    for (const auto& [name, sub] : props->items()) {
      const auto cond = sub.is_object() ? sub.find("conditional") : sub.end();
      if (cond == sub.end() || !cond->is_object()) continue;
      Conditional c{name,
                    str(*cond, "field"),
                    str(*cond, "operator"),
                    cond->value("value", json()),
                    value.contains(name),
                    required.count(name) > 0};
      const bool inner = sibling(schema, c.field);
      if (c.field.empty() || inner != pass_inner) continue;
      if (!inner && context.is_null()) {
        exempt.insert(name);
        open[c.field].push_back(std::move(c));
        continue;
      }
      const bool gone = inner && inapplicable.count(c.field) > 0;
      const json actual =
          !inner ? at_path(context, c.field) : (gone ? json() : value.value(c.field, json()));
      if (holds(c, actual)) continue;
      exempt.insert(name);
      inapplicable.insert(name);
      if (!c.present) continue;
      const std::string field = inner ? where + "." + c.field : c.field;
      out.push_back(where + "." + name + " applies only when " + describe(c, field) +
                    (gone ? ", and " + field + " does not apply here" : ""));
    }
  }
  for (const auto& [field, group] : open) {
    if (auto p = open_problem(group, where)) out.push_back(*p);
  }
  return out;
}

}  // namespace emulator
