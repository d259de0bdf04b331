#include "aepflow/http/http.hpp"

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
