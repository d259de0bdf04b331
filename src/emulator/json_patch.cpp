#include "json_patch.hpp"

#include <algorithm>
#include <vector>

#include "util.hpp"

namespace emulator {

using nlohmann::json;

namespace {

std::expected<std::vector<std::string>, PatchError> tokens(const std::string& pointer,
                                                           const std::string& where) {
  if (pointer.empty() || pointer[0] != '/') {
    return std::unexpected(
        PatchError{"1455", where + ": path '" + pointer + "' is not a JSON pointer"});
  }
  std::vector<std::string> out;
  std::size_t start = 1;
  while (true) {
    auto end = pointer.find('/', start);
    std::string t =
        pointer.substr(start, end == std::string::npos ? std::string::npos : end - start);
    std::string unescaped;
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (t[i] == '~') {
        if (i + 1 >= t.size() || (t[i + 1] != '0' && t[i + 1] != '1')) {
          return std::unexpected(PatchError{
              "1455", where + ": path '" + pointer + "' has '~' not followed by 0 or 1"});
        }
        unescaped.push_back(t[i + 1] == '0' ? '~' : '/');
        ++i;
      } else {
        unescaped.push_back(t[i]);
      }
    }
    out.push_back(unescaped);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

// An array index token: digits only, no leading zero; nullopt otherwise.
std::optional<std::size_t> index_of(const std::string& t) {
  if (t.empty() || t.size() > 9 || (t.size() > 1 && t[0] == '0') ||
      !std::all_of(t.begin(), t.end(), [](unsigned char c) { return std::isdigit(c); })) {
    return std::nullopt;
  }
  return static_cast<std::size_t>(std::stoul(t));
}

}  // namespace

std::expected<json, PatchError> parse_patch(const std::string& body) {
  if (body.empty()) {
    return std::unexpected(
        PatchError{"1405",
                   "The request body cannot be null or empty. Please provide a request body and "
                   "try again."});
  }
  json ops = json::parse(body, nullptr, false);
  if (ops.is_discarded()) {
    return std::unexpected(PatchError{"1455", "The request body is not valid JSON"});
  }
  if (!ops.is_array() || ops.empty()) {
    return std::unexpected(
        PatchError{"1455", "The request body must be a non-empty array of patch operations"});
  }
  if (json_depth(ops) > kMaxBodyDepth) {
    return std::unexpected(PatchError{
        "1455", "The request body nests deeper than " + std::to_string(kMaxBodyDepth) + " levels"});
  }
  for (std::size_t i = 0; i < ops.size(); ++i) {
    auto& op = ops[i];
    const std::string where = "operation " + std::to_string(i);
    if (!op.is_object() || !op.contains("op") || !op["op"].is_string() || !op.contains("path") ||
        !op["path"].is_string()) {
      return std::unexpected(PatchError{"1455", where + " must have an op and a path"});
    }
    std::string name = op["op"].get<std::string>();
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    if (name != "add" && name != "replace" && name != "remove") {
      return std::unexpected(PatchError{
          "1434", "Unsupported operation '" + op["op"].get<std::string>() +
                      "' received. Please use one of the supported operation types and try "
                      "again."});
    }
    op["op"] = name;
    if (name != "remove" && !op.contains("value")) {
      return std::unexpected(PatchError{"1455", where + ": value is required for " + name});
    }
  }
  return ops;
}

std::expected<json, PatchError> apply_patch(json doc, const json& ops) {
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const json& op = ops[i];
    const std::string where = "operation " + std::to_string(i);
    const std::string name = op["op"];
    const std::string pointer = op["path"];
    auto path = tokens(pointer, where);
    if (!path) return std::unexpected(path.error());
    json* parent = &doc;
    std::string walked;
    for (std::size_t t = 0; t + 1 < path->size(); ++t) {
      const std::string& key = (*path)[t];
      walked += "/" + key;
      if (parent->is_object() && parent->contains(key)) {
        parent = &(*parent)[key];
      } else if (parent->is_array() && index_of(key) && *index_of(key) < parent->size()) {
        parent = &(*parent)[*index_of(key)];
      } else {
        return std::unexpected(PatchError{"1455", where + ": " + walked + " does not exist"});
      }
    }
    const std::string& last = path->back();
    const json value = op.value("value", json());
    auto missing = [&]() {
      return std::unexpected(PatchError{"1455", where + ": " + pointer + " does not exist"});
    };
    if (parent->is_object()) {
      // add creates the member; replace and remove need it to exist.
      if (name != "add" && !parent->contains(last)) return missing();
      if (name == "remove") {
        parent->erase(last);
      } else {
        (*parent)[last] = value;
      }
    } else if (parent->is_array()) {
      if (name == "add" && last == "-") {
        parent->push_back(value);
        continue;
      }
      auto index = index_of(last);
      if (!index || *index > parent->size() || (name != "add" && *index == parent->size())) {
        return std::unexpected(PatchError{
            "1455", where + ": index '" + last + "' of " + pointer + " is out of range"});
      }
      const auto at = static_cast<std::ptrdiff_t>(*index);
      if (name == "add") {
        parent->insert(parent->begin() + at, value);
      } else if (name == "replace") {
        (*parent)[*index] = value;
      } else {
        parent->erase(parent->begin() + at);
      }
    } else {
      return missing();
    }
  }
  return doc;
}

}  // namespace emulator
