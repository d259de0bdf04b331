#include "conversion_service.hpp"

#include <algorithm>

#include "conversion_schemas.hpp"
#include "gateway.hpp"
#include "mapping_sets.hpp"
#include "util.hpp"

namespace emulator {

using nlohmann::json;

namespace {

// The service's own code numbers (no document lists any), one per kind of answer.
constexpr const char* kInvalid = "1001";
constexpr const char* kNotFound = "1101";
constexpr const char* kMethod = "1102";

Response method_not_allowed_here(const Call& call) {
  return reply(conversion_failure(call, 405, kMethod, "Method Not Allowed",
                                  "The method is not allowed on this resource."));
}

Response no_endpoint(const Call& call) {
  return reply(not_in_sandbox(call, "endpoint", call.path));
}

Response schemas(Call& call, const std::vector<std::string>& parts) {
  const std::string& method = call.req.method;
  if (parts.size() == 1) {
    if (method == "GET") return list_schemas(call);
    if (method == "POST") return create_schema(call);
    return method_not_allowed_here(call);
  }
  if (parts.size() != 2) return no_endpoint(call);
  if (method != "GET") return method_not_allowed_here(call);
  return get_schema(call, parts[1]);
}

Response mapping_sets(Call& call, const std::vector<std::string>& parts) {
  const std::string& method = call.req.method;
  if (parts.size() == 1) {
    if (method == "GET") return list_mapping_sets(call);
    if (method == "POST") return create_mapping_set(call);
    return method_not_allowed_here(call);
  }
  // POST /mappingSets/validate and /preview (data-prep.yaml) run mappings over data: the
  // emulator has no mapping engine, so they are not served.
  if (parts[1] == "validate" || parts[1] == "preview") return no_endpoint(call);
  if (parts.size() == 2) {
    if (method == "GET") return get_mapping_set(call, parts[1]);
    if (method == "PUT") return put_mapping_set(call, parts[1]);
    return method_not_allowed_here(call);
  }
  if (parts[2] != "mappings" || parts.size() > 4) return no_endpoint(call);
  if (method != "GET") return method_not_allowed_here(call);
  if (parts.size() == 3) return list_mappings(call, parts[1]);
  return get_mapping(call, parts[1], parts[3]);
}

}  // namespace

Failure conversion_failure(const Call& call, int status, std::string_view code,
                           std::string_view title, std::string_view message) {
  return platform_error(kConversionService, status, code, title, message, call.rid);
}

Failure invalid_request_body(const Call& call, std::string_view message) {
  return conversion_failure(call, 400, kInvalid, "Invalid request", message);
}

Failure not_in_sandbox(const Call& call, std::string_view what, std::string_view id) {
  return conversion_failure(call, 404, kNotFound, "Resource not found",
                            "The requested " + std::string(what) + " " + std::string(id) +
                                " is not found in the sandbox " + call.sandbox_name + ".");
}

std::expected<json, Failure> read_object(const Call& call) {
  if (call.req.body.empty()) {
    return std::unexpected(invalid_request_body(call, "The request body cannot be empty."));
  }
  if (!json_content(call.req)) return std::unexpected(content_type_error());
  json body = json::parse(call.req.body, nullptr, false);
  if (body.is_discarded()) {
    return std::unexpected(invalid_request_body(call, "The request body is not valid JSON."));
  }
  if (!body.is_object()) {
    return std::unexpected(invalid_request_body(call, "The request body must be a JSON object."));
  }
  if (json_depth(body) > kMaxBodyDepth) {
    return std::unexpected(invalid_request_body(
        call, "The request body nests deeper than " + std::to_string(kMaxBodyDepth) + " levels."));
  }
  return body;
}

std::optional<Failure> check_params(const Call& call, std::initializer_list<const char*> allowed) {
  for (const auto& [k, v] : call.req.query) {
    if (std::none_of(allowed.begin(), allowed.end(), [&](const char* a) { return k == a; })) {
      return invalid_request_body(call, "The query parameter " + k + " is not supported here.");
    }
    if (call.req.query.count(k) > 1) {
      return invalid_request_body(call, "The query parameter " + k + " is given more than once.");
    }
  }
  return std::nullopt;
}

std::string query_value(const Call& call, const char* name) {
  auto it = call.req.query.find(name);
  return it == call.req.query.end() ? std::string() : it->second;
}

std::expected<Page, Failure> page_of(const Call& call) {
  const bool has_limit = call.req.query.count("limit") > 0;
  const bool has_start = call.req.query.count("start") > 0;
  if (!has_limit || !has_start) {
    return std::unexpected(invalid_request_body(
        call,
        "The query parameters start and limit are required: add start=0&limit=10, for "
        "example."));
  }
  // data-prep.yaml gives limit a default of 10 and no maximum; the emulator takes up to 1000.
  auto limit = bounded_int(query_value(call, "limit"), 1, 1000);
  auto start = bounded_int(query_value(call, "start"), 0, 100'000'000);
  if (!limit || !start) {
    return std::unexpected(invalid_request_body(
        call, "limit must be a whole number from 1 to 1000 and start a whole number from 0."));
  }
  return Page{static_cast<std::size_t>(*start), static_cast<std::size_t>(*limit)};
}

json page_answer(const std::vector<const json*>& all, const Page& page) {
  json data = json::array();
  for (std::size_t i = page.start; i < all.size() && data.size() < page.limit; ++i) {
    data.push_back(*all[i]);
  }
  const std::size_t count = data.size();
  return {{"data", std::move(data)}, {"_page", {{"count", count}, {"limit", page.limit}}}};
}

std::optional<Failure> sort_by(const Call& call, std::vector<const json*>& all,
                               const std::string& order_by,
                               std::initializer_list<SortField> fields) {
  auto date = [](const json* item, const char* field) { return item->value(field, 0LL); };
  if (order_by.empty()) {
    std::stable_sort(all.begin(), all.end(), [&](const json* a, const json* b) {
      return date(a, "createdDate") > date(b, "createdDate");
    });
    return std::nullopt;
  }
  std::string name = order_by;
  bool descending = false;
  if (name.front() == '-' || name.front() == '+' || name.front() == ' ') {
    descending = name.front() == '-';
    name.erase(0, 1);
  }
  const SortField* chosen = nullptr;
  for (const auto& f : fields) {
    if (name == f.name) chosen = &f;
  }
  if (!chosen) {
    std::string names;
    for (const auto& f : fields)
      names += (names.empty() ? "" : ", ") + std::string(f.name);
    return invalid_request_body(call, "orderBy " + order_by + " is not supported: use " + names +
                                          ", with + or - in front.");
  }
  std::stable_sort(all.begin(), all.end(), [&](const json* a, const json* b) {
    return descending ? date(a, chosen->field) > date(b, chosen->field)
                      : date(a, chosen->field) < date(b, chosen->field);
  });
  return std::nullopt;
}

Response route_conversion(Call& call) {
  if (auto f = check_gateway_headers(call, kConversionService)) return reply(*f);
  ++(call.req.method == "GET" ? call.state.stats.reads : call.state.stats.writes);
  const auto parts = split_path(call.path);
  if (parts.empty()) return no_endpoint(call);
  if (parts[0] == "schemas") return schemas(call, parts);
  if (parts[0] == "mappingSets") return mapping_sets(call, parts);
  return no_endpoint(call);
}

}  // namespace emulator
