#include "query.hpp"

#include <algorithm>
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
  if (v.is_number()) {
    try {
      double a = v.get<double>(), b = std::stod(want);
      return a < b ? -1 : (a > b ? 1 : 0);
    } catch (const std::exception&) {
    }
  }
  std::string a = as_text(v);
  return a < want ? -1 : (a > want ? 1 : 0);
}

}  // namespace

std::optional<Filter> parse_filter(const std::string& expression) {
  static const char* ops[] = {"==", "!=", ">=", "<=", ">", "<"};
  std::size_t best = std::string::npos;
  std::string op;
  for (const char* o : ops) {
    auto pos = expression.find(o);
    if (pos != std::string::npos &&
        (pos < best || (pos == best && std::string(o).size() > op.size()))) {
      best = pos;
      op = o;
    }
  }
  if (best == std::string::npos || best == 0) return std::nullopt;
  Filter f;
  f.path = split(expression.substr(0, best), '.');
  f.op = op;
  f.values = op == "==" ? split(expression.substr(best + op.size()), ',')
                        : std::vector<std::string>{expression.substr(best + op.size())};
  return f;
}

bool matches(const json& item, const Filter& f) {
  std::vector<const json*> found;
  collect(item, f.path, 0, found);
  // Run statuses come back lowercase while filters in the docs capitalise them ("Failed").
  const bool fold = !f.path.empty() && f.path.back() == "status";
  auto folded = [](std::string s) {
    for (auto& ch : s)
      ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
  };
  for (const json* v : found) {
    for (const auto& want : f.values) {
      int c = fold && v->is_string() ? compare(json(folded(v->get<std::string>())), folded(want))
                                     : compare(*v, want);
      if ((f.op == "==" && c == 0) || (f.op == "!=" && c != 0) || (f.op == ">" && c > 0) ||
          (f.op == "<" && c < 0) || (f.op == ">=" && c >= 0) || (f.op == "<=" && c <= 0)) {
        return true;
      }
    }
  }
  return false;
}

bool sort_items(std::vector<const json*>& items, const std::string& orderby) {
  struct Key {
    std::vector<std::string> path;
    bool descending;
  };
  std::vector<Key> keys;
  for (auto part : split(orderby, ',')) {
    bool desc = false;
    if (!part.empty() && (part[0] == '-' || part[0] == '+')) {
      desc = part[0] == '-';
      part.erase(0, 1);
    }
    if (part.empty()) return false;
    keys.push_back({split(part, '.'), desc});
  }
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
  return true;
}

}  // namespace emulator
