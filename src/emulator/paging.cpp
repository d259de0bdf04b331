#include "paging.hpp"

#include <algorithm>
#include <cstdio>

#include "query.hpp"
#include "util.hpp"

namespace emulator {

using nlohmann::json;

namespace {

constexpr int kMaxLimit = 100;

// A fingerprint of the list (its path as the next link names it), the sandbox and the query
// without the token: a token is good only for the query it came from.
std::string fingerprint(const Call& call, const std::string& path) {
  std::vector<std::string> pairs;
  for (const auto& [k, v] : call.req.query) {
    if (k != "continuationToken") pairs.push_back(percent_encode(k) + "=" + percent_encode(v));
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.insert(pairs.begin(), {path, call.sandbox_name});
  std::uint64_t h = 1469598103934665603ULL;  // FNV-1a
  for (const auto& p : pairs) {
    for (unsigned char c : p + "&") {
      h ^= c;
      h *= 1099511628211ULL;
    }
  }
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string make_token(const Call& call, const std::string& path, std::size_t offset) {
  return base64url("v1:" + std::to_string(offset) + ":" + fingerprint(call, path));
}

// The offset a token stands for, or nullopt when it is not one this service issued for this query.
std::optional<std::size_t> read_token(const Call& call, const std::string& path,
                                      const std::string& token) {
  bool ok = false;
  const std::string text = base64url_decode(token, ok);
  // Only the one spelling this service writes: no trailing characters, no other padding bits.
  if (!ok || base64url(text) != token || !text.starts_with("v1:")) return std::nullopt;
  const auto colon = text.find(':', 3);
  if (colon == std::string::npos || text.substr(colon + 1) != fingerprint(call, path))
    return std::nullopt;
  const std::string digits = text.substr(3, colon - 3);
  if (digits.empty() || digits.size() > 12 ||
      !std::all_of(digits.begin(), digits.end(), [](unsigned char c) { return std::isdigit(c); })) {
    return std::nullopt;
  }
  return static_cast<std::size_t>(std::stoull(digits));
}

Failure invalid_value(const Call& call, const std::string& key, const std::string& value) {
  return bad_request(
      "1453", "Invalid query value " + key + "=" + value + " provided in query param.", call.rid);
}

}  // namespace

std::optional<Failure> check_query_params(const Call& call,
                                          std::initializer_list<const char*> allowed) {
  for (const auto& [k, v] : call.req.query) {
    if (std::none_of(allowed.begin(), allowed.end(), [&](const char* a) { return k == a; })) {
      return bad_request("1451", "Invalid params " + k + " provided in query params.", call.rid);
    }
  }
  return std::nullopt;
}

Response list(const Call& call, const std::vector<const json*>& all, const std::string& resource,
              const std::string& path) {
  const Request& req = call.req;
  if (auto f = check_query_params(call,
                                  {"property", "orderby", "limit", "continuationToken", "count"})) {
    return reply(*f);
  }
  const auto& fields = documented_fields(resource);
  std::vector<Filter> filters;
  std::vector<SortKey> order;
  std::optional<int> limit;
  std::optional<std::string> token;
  bool count = false;
  for (const char* single : {"orderby", "limit", "continuationToken", "count"}) {
    if (req.query.count(single) > 1) {
      return reply(bad_request("1453",
                               std::string("Invalid query value: ") + single + " is given " +
                                   std::to_string(req.query.count(single)) + " times.",
                               call.rid));
    }
  }
  for (const auto& [k, v] : req.query) {
    if (k != "property" && k != "continuationToken" && v.empty()) {
      return reply(invalid_value(call, k, v));
    }
    if (k == "property") {
      auto f = parse_filter(v, fields);
      if (!f) return reply(bad_request(f.error().code, f.error().message, call.rid));
      filters.push_back(std::move(*f));
    } else if (k == "orderby") {
      auto keys = parse_orderby(v, fields);
      if (!keys) return reply(bad_request(keys.error().code, keys.error().message, call.rid));
      order.insert(order.end(), keys->begin(), keys->end());
    } else if (k == "limit") {
      limit = bounded_int(v, 1, kMaxLimit);
      if (!limit) return reply(invalid_value(call, k, v));
    } else if (k == "continuationToken") {
      token = v;
    } else if (k == "count") {
      if (v != "true" && v != "false") return reply(invalid_value(call, k, v));
      count = v == "true";
    }
  }
  if (count && limit) {
    return reply(bad_request("1401",
                             "The limit and count parameters cannot be given together in the same "
                             "request. Please provide either only the limit or the count "
                             "parameter and try again.",
                             call.rid));
  }
  std::vector<const json*> items;
  for (const json* item : all) {
    if (std::all_of(filters.begin(), filters.end(),
                    [&](const Filter& f) { return matches(*item, f); })) {
      items.push_back(item);
    }
  }
  sort_items(items, order);
  if (count) return reply(200, {{"count", items.size()}});

  std::size_t offset = 0;
  if (token) {
    auto o = read_token(call, path, *token);
    if (!o || *o > items.size()) return reply(invalid_value(call, "continuationToken", *token));
    offset = *o;
  }
  const std::size_t page = limit ? static_cast<std::size_t>(*limit) : kMaxLimit;
  json out = {{"items", json::array()}, {"_links", json::object()}};
  for (std::size_t i = offset; i < items.size() && i < offset + page; ++i) {
    out["items"].push_back(*items[i]);
  }
  if (offset + page < items.size()) {
    std::string href = path + "?continuationToken=" + make_token(call, path, offset + page);
    for (const auto& [k, v] : req.query) {
      if (k != "continuationToken") href += "&" + k + "=" + percent_encode(v);
    }
    out["_links"]["next"] = {{"href", href}};
  }
  return reply(200, out);
}

}  // namespace emulator
