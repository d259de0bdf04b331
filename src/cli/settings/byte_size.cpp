#include "settings/byte_size.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <utility>

namespace aepflow::cli {

namespace {

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool equals_lower(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != b[i]) return false;
  }
  return true;
}

}  // namespace

std::optional<std::size_t> parse_byte_size(std::string_view text) {
  std::size_t digits = 0;
  while (digits < text.size() &&
         ((text[digits] >= '0' && text[digits] <= '9') || text[digits] == '.'))
    ++digits;
  if (digits == 0) return std::nullopt;
  double number = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + digits, number);
  if (ec != std::errc() || end != text.data() + digits || !std::isfinite(number)) {
    return std::nullopt;
  }
  const std::string_view unit = text.substr(digits);
  static constexpr std::array<std::pair<std::string_view, double>, 11> units = {{
      {"", 1.0},
      {"b", 1.0},
      {"k", 1024.0},
      {"kib", 1024.0},
      {"m", 1048576.0},
      {"mib", 1048576.0},
      {"g", 1073741824.0},
      {"gib", 1073741824.0},
      {"kb", 1024.0},
      {"mb", 1048576.0},
      {"gb", 1073741824.0},
  }};
  for (const auto& [name, factor] : units) {
    if (!equals_lower(unit, name)) continue;
    const double bytes = std::floor(number * factor);
    if (bytes < 1 || bytes > 1099511627776.0) return std::nullopt;
    return static_cast<std::size_t>(bytes);
  }
  return std::nullopt;
}

}  // namespace aepflow::cli
