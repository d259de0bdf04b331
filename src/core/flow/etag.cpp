#include "aepflow/flow/etag.hpp"

#include <cctype>

#include "aepflow/base/text.hpp"

namespace aepflow {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
    s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
    s.remove_suffix(1);
  return s;
}

// Peels one layer of wrapping: "x", \"x\" or \\\"x\\\" (a JSON literal pasted with its escapes).
bool peel(std::string_view& s) {
  for (std::string_view q : {"\\\\\\\"", "\\\"", "\""}) {
    if (s.size() >= 2 * q.size() && s.starts_with(q) && s.ends_with(q)) {
      s = s.substr(q.size(), s.size() - 2 * q.size());
      return true;
    }
  }
  return false;
}

}  // namespace

Result<std::string> normalize_etag(std::string_view input) {
  std::string_view s = trim(input);
  while (peel(s))
    s = trim(s);
  const std::string shown = printable(input);
  if (s.empty()) {
    return usage("the etag '" + shown + "' is empty; pass the etag printed by create or flow get");
  }
  if (s.find('\'') != std::string_view::npos) {
    // 'abc' is a shell's quoting kept by a second layer of quotes, not an etag the service made.
    return usage("the etag " + shown +
                 " holds single quotes, which no etag has; pass it as create or flow get printed "
                 "it, in double quotes or with none (\"0000d781-0000-0200-0000-63e29f420000\")");
  }
  for (char c : s) {
    if (c == '"' || c == '\\' || std::isspace(static_cast<unsigned char>(c)) ||
        std::iscntrl(static_cast<unsigned char>(c))) {
      return usage(
          "the etag '" + shown +
          "' is malformed; expected a value like \"0000d781-0000-0200-0000-63e29f420000\"");
    }
  }
  return std::string("\"").append(s).append("\"");
}

}  // namespace aepflow
