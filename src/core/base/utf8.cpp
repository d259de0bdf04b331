#include "aepflow/base/utf8.hpp"

#include <cstdio>

namespace aepflow {

std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the second byte's range (RFC 3629, section 4)
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;  // no overlong forms
    if (c == 0xED) hi = 0x9F;  // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;  // nothing past U+10FFFF
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  if (b(i + 1) < lo || b(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k) {
    if (b(i + k) < 0x80 || b(i + k) > 0xBF) return 0;
  }
  return n;
}

namespace {

std::string pointer_token(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::optional<Utf8Flaw> find_invalid_utf8(std::string_view text) {
  Utf8Flaw at;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = utf8_sequence_length(text, i);
    if (n == 0) {
      at.offset = i;
      at.byte = static_cast<unsigned char>(text[i]);
      return at;
    }
    if (text[i] == '\n') {
      ++at.line;
      at.column = 1;
    } else {
      at.column += n;
    }
    i += n;
  }
  return std::nullopt;
}

Result<void> check_utf8(std::string_view where, std::string_view text, bool file) {
  auto flaw = find_invalid_utf8(text);
  if (!flaw) return {};
  char byte[8];
  std::snprintf(byte, sizeof byte, "0x%02x", flaw->byte);
  const bool multiline = file || text.find('\n') != std::string_view::npos;
  return usage(std::string(where) + (multiline ? ": line " + std::to_string(flaw->line) : "") +
               ": not valid UTF-8 (byte " + byte + " at " +
               (multiline ? "column " + std::to_string(flaw->column)
                          : "position " + std::to_string(flaw->offset + 1)) +
               (file ? "); save the file as UTF-8" : ")"));
}

std::optional<std::string> invalid_utf8_in(const nlohmann::json& j) {
  if (j.is_string()) {
    if (find_invalid_utf8(j.get_ref<const std::string&>())) return std::string();
    return std::nullopt;
  }
  if (j.is_object()) {
    for (const auto& [key, value] : j.items()) {
      if (find_invalid_utf8(key)) return "/" + pointer_token(key);
      if (auto inner = invalid_utf8_in(value)) return "/" + pointer_token(key) + *inner;
    }
  } else if (j.is_array()) {
    for (std::size_t i = 0; i < j.size(); ++i) {
      if (auto inner = invalid_utf8_in(j[i])) return "/" + std::to_string(i) + *inner;
    }
  }
  return std::nullopt;
}

Result<std::string> dump_json(const nlohmann::json& j, std::string_view what) {
  if (auto at = invalid_utf8_in(j)) {
    return usage(std::string(what) + ": the value at " + (at->empty() ? "/" : *at) +
                 " is not valid UTF-8; nothing was sent");
  }
  return j.dump();
}

}  // namespace aepflow
