#include "aepflow/base/text.hpp"

#include <cctype>
#include <cstdint>
#include <cstdio>

#include "aepflow/base/utf8.hpp"

namespace aepflow {

namespace {

constexpr char kHex[] = "0123456789abcdef";

// The code point of the valid UTF-8 sequence of `n` bytes at `s`.
char32_t decode(std::string_view s, std::size_t n) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  if (n == 1) return b(0);
  char32_t cp = b(0) & (0xFF >> (n + 1));
  for (std::size_t k = 1; k < n; ++k)
    cp = (cp << 6) | (b(k) & 0x3F);
  return cp;
}

// Characters a terminal acts on instead of showing: C1 controls (U+0080 to U+009F, CSI and OSC
// among them), zero-width and direction marks, the bidirectional embeddings, overrides and
// isolates that reorder what follows, the line and paragraph separators and the byte-order mark.
bool invisible(char32_t cp) {
  return (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x200B && cp <= 0x200F) ||
         (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2069) || cp == 0xFEFF;
}

void append_byte(std::string& out, unsigned char c) {
  out += "\\x";
  out += kHex[c >> 4];
  out += kHex[c & 0xf];
}

void append_code_point(std::string& out, char32_t cp) {
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4)
    out += kHex[(cp >> shift) & 0xf];
}

}  // namespace

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t n = utf8_sequence_length(text, i);
    if (n == 0) {  // not UTF-8: the byte as it is
      append_byte(out, c);
      ++i;
      continue;
    }
    if (n == 1) {
      if (c == '\n') {
        out += "\\n";
      } else if (c == '\t') {
        out += "\\t";
      } else if (c == '\r') {
        out += "\\r";
      } else if (c < 0x20 || c == 0x7f) {
        append_byte(out, c);
      } else {
        out += static_cast<char>(c);
      }
    } else if (const char32_t cp = decode(text.substr(i, n), n); invisible(cp)) {
      append_code_point(out, cp);
    } else {
      out.append(text.substr(i, n));
    }
    i += n;
  }
  return out;
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const auto& i : items) {
    if (!out.empty()) out += sep;
    out += i;
  }
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

std::string fingerprint(std::string_view text) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace aepflow
