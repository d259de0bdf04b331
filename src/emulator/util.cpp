#include "util.hpp"

#include <algorithm>
#include <cstring>
#include <utility>

namespace emulator {

using nlohmann::json;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::string str(const json& obj, const char* key) {
  if (!obj.is_object()) return {};
  auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> out;
  std::size_t start = 1;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    if (end > start) out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string join(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (const auto& s : v)
    out += (out.empty() ? "" : sep) + s;
  return out;
}

std::optional<int> bounded_int(const std::string& text, int lo, int hi) {
  if (text.empty() || text.size() > 9 ||
      !std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); })) {
    return std::nullopt;
  }
  const int n = std::stoi(text);
  if (n < lo || n > hi) return std::nullopt;
  return n;
}

std::string percent_decode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

std::string percent_encode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == ',' || c == '[' ||
        c == ']') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
  return out;
}

namespace {
constexpr const char* kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
}

std::string base64url(const std::string& in) {
  std::string out;
  unsigned acc = 0;
  int bits = 0;
  for (unsigned char c : in) {
    acc = (acc << 8) | c;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out.push_back(kAlphabet[(acc >> bits) & 63]);
    }
  }
  if (bits > 0) out.push_back(kAlphabet[(acc << (6 - bits)) & 63]);
  return out;
}

std::string base64url_decode(const std::string& in, bool& ok) {
  std::string out;
  unsigned acc = 0;
  int bits = 0;
  ok = true;
  for (char c : in) {
    const char* p = std::strchr(kAlphabet, c);
    if (!p || c == '\0') {
      ok = false;
      return {};
    }
    acc = (acc << 6) | static_cast<unsigned>(p - kAlphabet);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xFF));
    }
  }
  return out;
}

std::size_t json_depth(const json& value) {
  std::size_t deepest = 0;
  std::vector<std::pair<const json*, std::size_t>> stack{{&value, 0}};
  while (!stack.empty()) {
    auto [node, depth] = stack.back();
    stack.pop_back();
    deepest = std::max(deepest, depth);
    if (depth > kMaxBodyDepth) return depth;
    if (node->is_structured()) {
      for (const auto& child : *node)
        stack.push_back({&child, depth + 1});
    }
  }
  return deepest;
}

std::vector<Macro> macros_in(const std::string& text) {
  // What the regular expression %([A-Z_]+)(\([A-Za-z_-]+\))?% finds, in one pass.
  auto upper = [](char c) { return (c >= 'A' && c <= 'Z') || c == '_'; };
  auto format_char = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '-';
  };
  std::vector<Macro> out;
  std::size_t i = 0;
  while ((i = text.find('%', i)) != std::string::npos) {
    std::size_t j = i + 1;
    while (j < text.size() && upper(text[j]))
      ++j;
    Macro m;
    m.name = text.substr(i + 1, j - i - 1);
    if (!m.name.empty() && j < text.size() && text[j] == '(') {
      std::size_t k = j + 1;
      while (k < text.size() && format_char(text[k]))
        ++k;
      if (k > j + 1 && k + 1 < text.size() && text[k] == ')' && text[k + 1] == '%') {
        m.format = text.substr(j + 1, k - j - 1);
        m.text = text.substr(i, k + 2 - i);
        out.push_back(m);
        i = k + 2;
        continue;
      }
    } else if (!m.name.empty() && j < text.size() && text[j] == '%') {
      m.text = text.substr(i, j + 1 - i);
      out.push_back(m);
      i = j + 1;
      continue;
    }
    ++i;
  }
  return out;
}

bool json_content(const Request& req) {
  auto it = req.headers.find("content-type");
  if (it == req.headers.end()) return false;
  std::string type = lower(it->second.substr(0, it->second.find(';')));
  type.erase(0, type.find_first_not_of(" \t"));
  type.erase(type.find_last_not_of(" \t") + 1);
  return type == "application/json" ||
         (type.starts_with("application/") && type.ends_with("+json"));
}

Response reply(int status, const json& body) {
  Response r;
  r.status = status;
  // A request's own bytes may come back in a message: invalid UTF-8 is replaced, never fatal.
  r.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
  r.headers["Content-Type"] = "application/json";
  return r;
}

Response reply(const Failure& f) {
  return reply(f.status, f.body);
}

Response empty_reply(int status) {
  Response r;
  r.status = status;
  return r;
}

}  // namespace emulator
