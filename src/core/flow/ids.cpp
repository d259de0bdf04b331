#include "aepflow/flow/ids.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "aepflow/base/text.hpp"

namespace aepflow {

bool is_uuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (s[i] != '-') return false;
    } else if (!std::isxdigit(static_cast<unsigned char>(s[i]))) {
      return false;
    }
  }
  return true;
}

Result<void> check_uuid(std::string_view what, std::string_view id) {
  if (is_uuid(id)) return {};
  return usage("invalid " + std::string(what) + " '" + std::string(id) +
               "': expected a UUID such as 8256cfb4-17e6-432c-a469-6aedafb16cd5");
}

namespace {

std::string_view trimmed(std::string_view id) {
  const auto first = id.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return id.substr(first, id.find_last_not_of(" \t\r\n") - first + 1);
}

// The spelling two IDs are compared by: trimmed, and lowercase when a UUID.
std::string audience_key(std::string_view id) {
  std::string out(trimmed(id));
  if (is_uuid(out)) {
    for (char& c : out)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool id_char(unsigned char c) {
  return c > 0x20 && c < 0x7f && c != ',' && c != ';' && c != '"' && c != '\'' && c != '\\';
}

}  // namespace

Result<std::string> normalize_audience_id(std::string_view given) {
  std::string id = audience_key(given);
  if (id.empty()) return usage("the audience ID is empty");
  if (!std::all_of(id.begin(), id.end(),
                   [](char c) { return id_char(static_cast<unsigned char>(c)); })) {
    return usage("invalid audience ID '" + printable(given) +
                 "': an ID holds no spaces, control characters, quotes, commas or semicolons "
                 "(e.g. 9f7d37fd-7039-4454-94ef-2b0cd6c3206a)");
  }
  return id;
}

Result<std::vector<std::string>> normalize_audience_ids(const std::vector<std::string>& given,
                                                        std::string_view flag) {
  std::vector<std::string> out;
  for (const auto& g : given) {
    auto id = normalize_audience_id(g);
    if (!id) return usage(std::string(flag) + " '" + printable(g) + "': " + id.error().message);
    if (std::find(out.begin(), out.end(), *id) == out.end()) out.push_back(std::move(*id));
  }
  return out;
}

bool same_audience(std::string_view a, std::string_view b) {
  return a == b || audience_key(a) == audience_key(b);
}

}  // namespace aepflow
