#include "query.hpp"

#include <algorithm>
#include <map>
#include <sstream>

namespace emulator {

using nlohmann::json;

namespace {

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string part;
  std::istringstream in(s);
  while (std::getline(in, part, sep))
    out.push_back(part);
  if (!s.empty() && s.back() == sep) out.emplace_back();
  return out;
}

bool is_op_char(char c) {
  return c == '=' || c == '!' || c == '<' || c == '>' || c == '~';
}

bool valid_segment(const std::string& s) {
  std::string name = s.ends_with("[]") ? s.substr(0, s.size() - 2) : s;
  if (name.empty()) return false;
  return std::all_of(name.begin(), name.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '_' || c == '-' || c == '$' || c == '@';
  });
}

// Fields that hold epoch times or counts: their values must be numbers.
bool numeric_field(const std::vector<std::string>& path) {
  const std::string& last = path.back();
  return last == "createdAt" || last == "updatedAt" || last.ends_with("AtUTC") ||
         last.ends_with("Count") || last.ends_with("Bytes");
}

// Fields that hold IDs: only equality makes sense on them.
bool id_field(const std::vector<std::string>& path) {
  std::string last = path.back();
  if (last.ends_with("[]")) last.resize(last.size() - 2);
  return last == "id" || last.ends_with("Id") || last.ends_with("Ids");
}

bool is_number(const std::string& s) {
  if (s.empty()) return false;
  std::size_t i = s[0] == '-' ? 1 : 0;
  return i < s.size() && std::all_of(s.begin() + static_cast<long>(i), s.end(),
                                     [](unsigned char c) { return std::isdigit(c) != 0; });
}

void collect(const json& node, const std::vector<std::string>& path, std::size_t i,
             std::vector<const json*>& out) {
  if (i == path.size()) {
    if (node.is_array()) {
      for (const auto& v : node)
        out.push_back(&v);
    } else {
      out.push_back(&node);
    }
    return;
  }
  std::string key = path[i];
  bool walk = key.size() > 2 && key.ends_with("[]");
  if (walk) key.resize(key.size() - 2);
  if (!node.is_object()) return;
  auto it = node.find(key);
  if (it == node.end()) return;
  if (walk) {
    if (!it->is_array()) return;
    for (const auto& element : *it)
      collect(element, path, i + 1, out);
  } else {
    collect(*it, path, i + 1, out);
  }
}

std::string as_text(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

int compare(const json& v, const std::string& want) {
  if (v.is_number() && is_number(want)) {
    double a = v.get<double>(), b = std::strtod(want.c_str(), nullptr);  // no throw on overflow
    return a < b ? -1 : (a > b ? 1 : 0);
  }
  std::string a = as_text(v);
  return a < want ? -1 : (a > want ? 1 : 0);
}

std::string folded(std::string s) {
  for (auto& ch : s)
    ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

}  // namespace

const std::set<std::string>& documented_fields(const std::string& collection) {
  static const std::set<std::string> audit = {
      "id",          "createdAt",     "updatedAt",     "createdBy",
      "updatedBy",   "createdClient", "updatedClient", "sandboxId",
      "sandboxName", "imsOrgId",      "name",          "description",
      "version",     "etag",          "state"};
  auto with = [&](std::initializer_list<const char*> more) {
    std::set<std::string> s = audit;
    for (const char* m : more)
      s.insert(m);
    return s;
  };
  static const std::map<std::string, std::set<std::string>> fields = {
      {"connections", with({"connectionSpec", "auth", "encryption"})},
      {"sourceConnections", with({"connectionSpec", "baseConnectionId", "typeInfo", "data",
                                  "params", "inheritedAttributes"})},
      {"targetConnections",
       with({"connectionSpec", "baseConnectionId", "data", "params", "inheritedAttributes"})},
      {"flows", with({"flowSpec", "sourceConnectionIds", "targetConnectionIds",
                      "inheritedAttributes", "transformations", "scheduleParams", "runs",
                      "lastOperation", "lastRunDetails", "labels", "policy", "options"})},
      {"runs", with({"flowId", "flowSpec", "providerRefId", "metrics", "activities"})},
      {"connectionSpecs",
       with({"providerId", "authSpec", "encryptionSpecs", "targetSpec", "sourceSpec", "exploreSpec",
             "attributes", "permissionsInfo", "type"})},
      {"flowSpecs",
       with({"providerId", "sourceConnectionSpecIds", "targetConnectionSpecIds", "optionSpec",
             "transformationSpecs", "scheduleSpec", "runSpec", "attributes", "permissionsInfo"})},
  };
  static const std::set<std::string> none;
  auto it = fields.find(collection);
  return it == fields.end() ? none : it->second;
}

std::expected<Filter, QueryError> parse_filter(const std::string& expression,
                                               const std::set<std::string>& fields) {
  auto invalid_value = [&]() {
    return std::unexpected(QueryError{
        "1453", "Invalid query value property=" + expression + " provided in query param."});
  };
  Filter f;
  std::size_t at = 0;
  bool negated = !expression.empty() && expression[0] == '!';
  if (negated) at = 1;
  std::size_t op_start = at;
  while (op_start < expression.size() && !is_op_char(expression[op_start]))
    ++op_start;
  const std::string path = expression.substr(at, op_start - at);
  if (path.empty()) return invalid_value();
  f.path = split(path, '.');
  if (!std::all_of(f.path.begin(), f.path.end(), valid_segment)) {
    return std::unexpected(QueryError{"1449", "Invalid field " + path + " in filter params."});
  }
  std::string root =
      f.path[0].ends_with("[]") ? f.path[0].substr(0, f.path[0].size() - 2) : f.path[0];
  if (!fields.count(root)) {
    return std::unexpected(QueryError{"1449", "Invalid field " + root + " in filter params."});
  }
  if (op_start == expression.size()) {
    f.op = negated ? "!exists" : "exists";
    return f;
  }
  if (negated) return invalid_value();
  std::size_t op_end = op_start;
  while (op_end < expression.size() && is_op_char(expression[op_end]))
    ++op_end;
  f.op = expression.substr(op_start, op_end - op_start);
  static const std::set<std::string> ops = {"==", "!=", ">", "<", ">=", "<=", "~"};
  if (!ops.count(f.op)) {
    return std::unexpected(QueryError{"1450", "Invalid operator " + f.op + " in filter params."});
  }
  // The catalogue: 1440-400 "Operator '~' not implemented". No Flow Service document gives it a
  // meaning, so it is refused wherever it appears.
  if (f.op == "~") return std::unexpected(QueryError{"1440", "Operator '~' not implemented."});
  const std::string value = expression.substr(op_end);
  if (value.empty()) return invalid_value();
  f.values = split(value, ',');
  if (std::any_of(f.values.begin(), f.values.end(), [](const auto& v) { return v.empty(); })) {
    return invalid_value();
  }
  const bool range = f.op != "==" && f.op != "!=";
  if (range && f.values.size() > 1) {
    return std::unexpected(
        QueryError{"1443", "Operator '" + f.op + "' is not allowed for multiple values."});
  }
  if (range && id_field(f.path)) {
    return std::unexpected(
        QueryError{"1448", "Operator " + f.op + " not supported for field " + path + "."});
  }
  if (numeric_field(f.path)) {
    for (const auto& v : f.values) {
      if (!is_number(v)) {
        return std::unexpected(
            QueryError{"1452", "Invalid value " + value + " for field " + path + "."});
      }
    }
  }
  return f;
}

bool matches(const json& item, const Filter& f) {
  std::vector<const json*> found;
  collect(item, f.path, 0, found);
  if (f.op == "exists") return !found.empty();
  if (f.op == "!exists") return found.empty();
  // Run statuses come back lowercase while filters in the docs capitalise them ("Failed").
  const bool fold = f.path.back() == "status";
  auto cmp = [&](const json& v, const std::string& want) {
    return fold && v.is_string() ? compare(json(folded(v.get<std::string>())), folded(want))
                                 : compare(v, want);
  };
  if (f.op == "!=") {
    // Not any of the values, for every value found (an absent field differs from every value).
    return std::all_of(found.begin(), found.end(), [&](const json* v) {
      return std::none_of(f.values.begin(), f.values.end(),
                          [&](const auto& want) { return cmp(*v, want) == 0; });
    });
  }
  for (const json* v : found) {
    for (const auto& want : f.values) {
      int c = cmp(*v, want);
      if ((f.op == "==" && c == 0) || (f.op == ">" && c > 0) || (f.op == "<" && c < 0) ||
          (f.op == ">=" && c >= 0) || (f.op == "<=" && c <= 0)) {
        return true;
      }
    }
  }
  return false;
}

std::expected<std::vector<SortKey>, QueryError> parse_orderby(const std::string& orderby,
                                                              const std::set<std::string>& fields) {
  std::vector<SortKey> keys;
  for (auto part : split(orderby, ',')) {
    SortKey k;
    // A '+' in a query string reads as a space: "+name" arrives as " name", still ascending.
    part.erase(0, part.find_first_not_of(' '));
    if (!part.empty() && (part[0] == '-' || part[0] == '+')) {
      k.descending = part[0] == '-';
      part.erase(0, 1);
    }
    // A sign anywhere but in front ("name-", "--name") is a wrong sort order (1432); any other
    // name that is not a field of the resource ("#id") an incorrect field (1433).
    if (part.empty() || part.find_first_of("+-") == 0 || part.back() == '+' || part.back() == '-') {
      return std::unexpected(
          QueryError{"1432",
                     "Sort order specified is not correct, prepend + for ascending order and - for "
                     "descending order in the fieldName."});
    }
    k.path = split(part, '.');
    const bool shaped = std::all_of(k.path.begin(), k.path.end(),
                                    [](auto& s) { return valid_segment(s) && !s.ends_with("[]"); });
    if (!shaped || !fields.count(k.path[0])) {
      return std::unexpected(QueryError{
          "1433",
          "Incorrect field= " + part + " passed in orderBy, example are +name, -name, name."});
    }
    keys.push_back(std::move(k));
  }
  return keys;
}

void sort_items(std::vector<const json*>& items, const std::vector<SortKey>& keys) {
  auto value_of = [](const json& item, const std::vector<std::string>& path) -> const json* {
    const json* node = &item;
    for (const auto& k : path) {
      if (!node->is_object() || !node->contains(k)) return nullptr;
      node = &(*node)[k];
    }
    return node;
  };
  std::stable_sort(items.begin(), items.end(), [&](const json* a, const json* b) {
    for (const auto& k : keys) {
      const json* va = value_of(*a, k.path);
      const json* vb = value_of(*b, k.path);
      if (!va && !vb) continue;
      if (!va) return false;  // missing values last
      if (!vb) return true;
      if (*va == *vb) continue;
      return k.descending ? *vb < *va : *va < *vb;
    }
    return false;
  });
}

}  // namespace emulator
