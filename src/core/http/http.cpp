#include "aepflow/http/http.hpp"

#include <algorithm>
#include <cctype>

#include "aepflow/base/text.hpp"

namespace aepflow {

std::string_view to_string(Method m) {
  switch (m) {
    case Method::get:
      return "GET";
    case Method::post:
      return "POST";
    case Method::put:
      return "PUT";
    case Method::patch:
      return "PATCH";
    case Method::delete_:
      return "DELETE";
  }
  return "GET";
}

const std::string* find_header(const Headers& headers, std::string_view name) {
  for (const auto& h : headers) {
    if (iequals(h.name, name)) return &h.value;
  }
  return nullptr;
}

void set_header(Headers& headers, std::string_view name, std::string value) {
  std::erase_if(headers, [&](const Header& h) { return iequals(h.name, name); });
  headers.push_back({std::string(name), std::move(value)});
}

std::size_t header_value_flaw(std::string_view value) {
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    if ((c < 0x20 && c != '\t') || c == 0x7f) return i;
  }
  return std::string_view::npos;
}

Result<void> check_sendable(const Request& req) {
  if (!req.unsendable.empty()) return usage(req.unsendable);
  for (const auto& h : req.headers) {
    const bool bad_name =
        h.name.empty() || std::any_of(h.name.begin(), h.name.end(), [](unsigned char c) {
          return c <= 0x20 || c >= 0x7f || c == ':';
        });
    if (bad_name) {
      return usage("refusing to send header '" + printable(h.name) +
                   "': a header name holds no spaces, colons or control characters");
    }
    if (const std::size_t at = header_value_flaw(h.value); at != std::string_view::npos) {
      return usage("refusing to send the " + h.name + " header: its value holds a control " +
                   "character (" + printable(h.value.substr(at, 1)) + " at position " +
                   std::to_string(at + 1) + "), which would change the request on the wire");
    }
  }
  return {};
}

std::string url_encode(std::string_view s) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 0xF]);
    }
  }
  return out;
}

std::string build_url(std::string_view base_url, const Request& req) {
  std::string url(base_url);
  while (!url.empty() && url.back() == '/')
    url.pop_back();
  url += req.service;
  url += req.path;
  char sep = req.path.find('?') == std::string::npos ? '?' : '&';
  for (const auto& [k, v] : req.query) {
    url += sep;
    url += url_encode(k);
    url += '=';
    url += url_encode(v);
    sep = '&';
  }
  return url;
}

}  // namespace aepflow
