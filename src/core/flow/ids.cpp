#include "aepflow/flow/ids.hpp"

#include <cctype>
#include <string>

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

}  // namespace aepflow
