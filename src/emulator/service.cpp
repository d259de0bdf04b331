#include "service.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>

#include "errors.hpp"
#include "query.hpp"
#include "rules.hpp"
#include "schema.hpp"

extern const char* const emulator_connection_specs_json;
extern const char* const emulator_flow_specs_json;

namespace emulator {

using nlohmann::json;

namespace {

constexpr const char* kCollections[] = {"connections", "sourceConnections", "targetConnections",
                                        "flows"};
constexpr int kMaxLimit = 100;

struct Collection {
  std::map<std::string, json> by_id;
  std::vector<std::string> order;  // creation order
};

struct Sandbox {
  std::string id;
  std::map<std::string, Collection> collections;
  std::vector<Run> runs;                            // in start order
  std::map<std::string, std::int64_t> next_run_ms;  // flow ID -> when its next run starts
};

// A token bucket per API key: `rate` requests per second, bursts up to `rate`.
struct Bucket {
  double tokens = 0;
  std::chrono::steady_clock::time_point at;
};

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

Response reply(int status, const json& body) {
  Response r;
  r.status = status;
  r.body = body.dump();
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

const char* noun(const std::string& collection) {
  if (collection == "connections") return "base connection";
  if (collection == "sourceConnections") return "source connection";
  if (collection == "targetConnections") return "target connection";
  return "flow";
}

std::string base64url(const std::string& in) {
  static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  unsigned acc = 0;
  int bits = 0;
  for (unsigned char c : in) {
    acc = (acc << 8) | c;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out.push_back(alphabet[(acc >> bits) & 63]);
    }
  }
  if (bits > 0) out.push_back(alphabet[(acc << (6 - bits)) & 63]);
  return out;
}

std::string url_decode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out.push_back(' ');
    } else if (s[i] == '%' && i + 2 < s.size() &&
               std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
               std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

std::map<std::string, std::string> form_fields(const std::string& body) {
  std::map<std::string, std::string> out;
  std::size_t start = 0;
  while (start < body.size()) {
    auto amp = body.find('&', start);
    std::string pair =
        body.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
    auto eq = pair.find('=');
    if (eq != std::string::npos)
      out[url_decode(pair.substr(0, eq))] = url_decode(pair.substr(eq + 1));
    if (amp == std::string::npos) break;
    start = amp + 1;
  }
  return out;
}

Response ims_error(int status, const std::string& error, const std::string& description) {
  return reply(status, {{"error", error}, {"error_description", description}});
}

}  // namespace

struct Service::State {
  Options options;
  FaultPlan faults{0};
  std::mt19937_64 run_rng{0};
  std::map<std::string, Bucket> buckets;
  std::map<std::string, std::chrono::system_clock::time_point> issued_tokens;
  std::function<std::chrono::system_clock::time_point()> clock;
  mutable std::mutex mutex;
  json connection_specs;
  json flow_specs;
  std::map<std::string, Sandbox> sandboxes;
  Stats stats;
  std::uint64_t etag_counter = 0;
  std::mt19937_64 rng{std::random_device{}()};

  // ---- helpers --------------------------------------------------------------------------------

  std::int64_t now_ms() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(clock().time_since_epoch())
        .count();
  }

  std::string uuid() {
    std::uint64_t hi = rng(), lo = rng();
    hi = (hi & 0xFFFFFFFFFFFF0FFFULL) | 0x4000ULL;
    lo = (lo & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;
    char buf[37];
    std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx", unsigned(hi >> 32),
                  unsigned((hi >> 16) & 0xFFFF), unsigned(hi & 0xFFFF), unsigned(lo >> 48),
                  static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFULL));
    return buf;
  }

  // Etags look like the service's: "\"0000d781-0000-0200-0000-63e29f420000\"" in JSON.
  std::string new_etag() {
    char buf[64];
    std::snprintf(buf, sizeof buf, "\"%08llx-0000-0200-0000-%012llx\"",
                  static_cast<unsigned long long>(++etag_counter),
                  static_cast<unsigned long long>(now_ms() & 0xFFFFFFFFFFFFULL));
    return buf;
  }

  const json* find_spec(const json& catalogue, const std::string& id) const {
    for (const auto& s : catalogue) {
      if (str(s, "id") == id) return &s;
    }
    return nullptr;
  }

  Sandbox& sandbox(const std::string& name) {
    auto [it, inserted] = sandboxes.try_emplace(name);
    if (inserted) {
      it->second.id = uuid();
      for (const char* c : kCollections)
        it->second.collections[c];
    }
    return it->second;
  }

  json audit(const std::string& sandbox_name, const Sandbox& sb, const Request& req) const {
    auto ms = now_ms();
    auto org = req.headers.count("x-gw-ims-org-id") ? req.headers.at("x-gw-ims-org-id") : "";
    return {{"createdAt", ms},
            {"updatedAt", ms},
            {"createdBy", "emulator@AdobeID"},
            {"updatedBy", "emulator@AdobeID"},
            {"createdClient", "aepflow-emulator"},
            {"updatedClient", "aepflow-emulator"},
            {"sandboxId", sb.id},
            {"sandboxName", sandbox_name},
            {"imsOrgId", org}};
  }

  // ---- header checks --------------------------------------------------------------------------

  std::optional<Failure> check_headers(const Request& req, std::string& sandbox_name,
                                       const std::string& rid) const {
    auto header = [&](const char* name) -> const std::string* {
      auto it = req.headers.find(name);
      return it == req.headers.end() ? nullptr : &it->second;
    };
    const std::string* auth = header("authorization");
    if (!auth || auth->empty()) return gateway_error(403, "403010", "Oauth token is missing.");
    std::string token = *auth;
    if (lower(token.substr(0, 7)) == "bearer ") token = token.substr(7);
    if (!options.access_tokens.count(token)) {
      auto issued = issued_tokens.find(token);
      if (issued == issued_tokens.end() || issued->second <= clock()) {
        return gateway_error(401, "401013", "Oauth token is not valid");
      }
    }
    const std::string* key = header("x-api-key");
    if (!key || key->empty()) return gateway_error(403, "403000", "Api Key is required");
    if (!options.api_keys.count(*key) && !options.clients.count(*key)) {
      return gateway_error(403, "403003", "Api Key is invalid");
    }
    const std::string* org = header("x-gw-ims-org-id");
    if (!org || org->empty()) {
      return gateway_error(400, "400003", "Missing header: x-gw-ims-org-id");
    }
    if (!org->ends_with("@AdobeOrg")) return gateway_error(403, "403025", "Profile is not valid");
    const std::string* sb = header("x-sandbox-name");
    if (!sb || sb->empty()) {
      return flow_error(400, "2105", "Bad Request", "header x-sandbox-name is missing", rid);
    }
    if (!options.sandboxes.count(*sb)) {
      return flow_error(404, "2100", "Sandbox not found",
                        "Sandbox " + *sb + " was not found for this organization", rid);
    }
    sandbox_name = *sb;
    return std::nullopt;
  }

  // ---- lists ----------------------------------------------------------------------------------

  Response list(const std::vector<const json*>& all, const Request& req, const std::string& path,
                const std::string& rid) {
    std::vector<const json*> items;
    std::vector<Filter> filters;
    std::string orderby, token;
    std::optional<int> limit;
    bool count = false;
    for (const auto& [k, v] : req.query) {
      if (k == "property") {
        auto f = parse_filter(v);
        if (!f) return reply(bad_request("1449", "Invalid filter expression '" + v + "'", rid));
        filters.push_back(*f);
      } else if (k == "orderby") {
        orderby = v;
      } else if (k == "limit") {
        try {
          std::size_t used = 0;
          int n = std::stoi(v, &used);
          if (used != v.size() || n < 1 || n > kMaxLimit) throw std::out_of_range(v);
          limit = n;
        } catch (const std::exception&) {
          return reply(bad_request("1400",
                                   "limit must be an integer from 1 to " +
                                       std::to_string(kMaxLimit) + ", got '" + v + "'",
                                   rid));
        }
      } else if (k == "continuationToken") {
        token = v;
      } else if (k == "count") {
        count = v == "true";
      }
    }
    if (count && limit) {
      return reply(bad_request("1401", "limit and count cannot be used together", rid));
    }
    for (const json* item : all) {
      if (std::all_of(filters.begin(), filters.end(),
                      [&](const Filter& f) { return matches(*item, f); })) {
        items.push_back(item);
      }
    }
    if (!orderby.empty() && !sort_items(items, orderby)) {
      return reply(bad_request("1432", "Invalid orderby '" + orderby + "'", rid));
    }
    if (count) return reply(200, {{"count", items.size()}});

    std::size_t offset = 0;
    if (!token.empty()) {
      // Tokens are "ct" + offset in hex: opaque to clients, cheap to check here.
      if (!token.starts_with("ct") || token.size() < 3) {
        return reply(bad_request("1400", "Invalid continuationToken", rid));
      }
      try {
        offset = std::stoull(token.substr(2), nullptr, 16);
      } catch (const std::exception&) {
        return reply(bad_request("1400", "Invalid continuationToken", rid));
      }
    }
    std::size_t page = limit ? static_cast<std::size_t>(*limit) : kMaxLimit;
    json out = {{"items", json::array()}};
    for (std::size_t i = offset; i < items.size() && i < offset + page; ++i) {
      out["items"].push_back(*items[i]);
    }
    if (offset + page < items.size()) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "ct%zx", offset + page);
      std::string href = path + "?continuationToken=" + buf;
      for (const auto& [k, v] : req.query) {
        if (k != "continuationToken") href += "&" + k + "=" + encode(v);
      }
      out["_links"] = {{"next", {{"href", href}}}};
    }
    return reply(200, out);
  }

  static std::string encode(const std::string& s) {
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

  std::vector<const json*> newest_first(const Collection& c) const {
    std::vector<const json*> out;
    for (auto it = c.order.rbegin(); it != c.order.rend(); ++it)
      out.push_back(&c.by_id.at(*it));
    return out;
  }

  // ---- creates --------------------------------------------------------------------------------

  std::optional<Failure> check_spec_ref(const json& body, const char* field, const json& catalogue,
                                        const json*& spec, const std::string& rid) const {
    const json ref = body.value(field, json());
    if (!ref.is_object() || str(ref, "id").empty()) {
      return bad_request(
          "1413", std::string(field) + ".id is required: please provide a valid spec id", rid);
    }
    spec = find_spec(catalogue, str(ref, "id"));
    if (!spec) {
      return bad_request(
          "1413", "Please provide a valid spec id: " + str(ref, "id") + " is not a known " + field,
          rid);
    }
    if (str(ref, "version").empty()) {
      return flow_error(422, "1413", "Unprocessable Entity",
                        std::string(field) + ".version is required", rid);
    }
    return std::nullopt;
  }

  static std::optional<Failure> check_name(const json& body, const std::string& rid) {
    if (str(body, "name").empty()) return bad_request("1400", "name is required", rid);
    return std::nullopt;
  }

  static std::optional<Failure> problems_failure(const std::vector<std::string>& problems,
                                                 const std::string& rid) {
    if (problems.empty()) return std::nullopt;
    return bad_request("1400", join(problems, "; "), rid);
  }

  Response created(Sandbox& sb, const std::string& collection, json entity) {
    std::string id = entity["id"];
    std::string etag = entity["etag"];
    sb.collections[collection].by_id[id] = std::move(entity);
    sb.collections[collection].order.push_back(id);
    Response r = reply(201, {{"id", id}, {"etag", etag}});
    r.headers["Location"] = "/" + collection + "/" + id;
    return r;
  }

  json base_entity(const Request& req, const std::string& sandbox_name, Sandbox& sb,
                   const json& body) {
    json e = {{"id", uuid()}};
    e.update(audit(sandbox_name, sb, req));
    e["name"] = body["name"];
    e["description"] = body.value("description", "");
    std::string etag = new_etag();
    e["version"] = etag;
    e["etag"] = etag;
    return e;
  }

  Response create_connection(const Request& req, const std::string& sandbox_name, const json& body,
                             const std::string& rid) {
    if (auto f = check_name(body, rid)) return reply(*f);
    const json* spec = nullptr;
    if (auto f = check_spec_ref(body, "connectionSpec", connection_specs, spec, rid)) {
      return reply(*f);
    }
    const json& auth_specs = (*spec)["authSpec"];
    json stored_auth;
    if (!auth_specs.empty()) {
      const json auth = body.value("auth", json());
      if (!auth.is_object()) {
        std::vector<std::string> names;
        for (const auto& a : auth_specs)
          names.push_back(str(a, "name"));
        return reply(bad_request("1400",
                                 "auth is required for connection spec " + str(*spec, "name") +
                                     "; auth.specName is one of: " + join(names, ", "),
                                 rid));
      }
      const json* auth_spec = nullptr;
      std::vector<std::string> names;
      for (const auto& a : auth_specs) {
        names.push_back(str(a, "name"));
        if (str(a, "name") == str(auth, "specName")) auth_spec = &a;
      }
      if (!auth_spec) {
        return reply(bad_request("1400",
                                 "auth.specName '" + str(auth, "specName") +
                                     "' is not an auth spec of " + str(*spec, "name") +
                                     "; use one of: " + join(names, ", "),
                                 rid));
      }
      const json params = auth.value("params", json::object());
      if (auto f =
              problems_failure(schema_problems((*auth_spec)["spec"], params, "auth.params"), rid)) {
        return reply(*f);
      }
      stored_auth = {{"specName", str(auth, "specName")}, {"params", params}};
      for (const auto& secret : secret_params((*auth_spec)["spec"])) {
        if (stored_auth["params"].contains(secret)) stored_auth["params"][secret] = "********";
      }
    } else if (body.contains("auth") && !body["auth"].is_null()) {
      return reply(
          bad_request("1400", "connection spec " + str(*spec, "name") + " takes no auth", rid));
    }
    Sandbox& sb = sandbox(sandbox_name);
    json e = base_entity(req, sandbox_name, sb, body);
    e["connectionSpec"] = body["connectionSpec"];
    e["state"] = "enabled";
    if (!stored_auth.is_null()) e["auth"] = stored_auth;
    return created(sb, "connections", std::move(e));
  }

  const json* entity(Sandbox& sb, const std::string& collection, const std::string& id) {
    auto& c = sb.collections[collection];
    auto it = c.by_id.find(id);
    return it == c.by_id.end() ? nullptr : &it->second;
  }

  Response create_source(const Request& req, const std::string& sandbox_name, const json& body,
                         const std::string& rid) {
    if (auto f = check_name(body, rid)) return reply(*f);
    const json* spec = nullptr;
    if (auto f = check_spec_ref(body, "connectionSpec", connection_specs, spec, rid)) {
      return reply(*f);
    }
    if (!spec->contains("sourceSpec")) {
      return reply(
          bad_request("1400",
                      str(*spec, "name") +
                          " is a destination: a source connection needs a source "
                          "spec such as the Profile Store (8a9c3494-9708-43d7-ae3f-cda01e5030e1)",
                      rid));
    }
    Sandbox& sb = sandbox(sandbox_name);
    json base_ref;
    const std::string base_id = str(body, "baseConnectionId");
    if (!base_id.empty()) {
      const json* base = entity(sb, "connections", base_id);
      if (!base) {
        return reply(bad_request("1400", "baseConnectionId " + base_id + " does not exist", rid));
      }
      if (str((*base)["connectionSpec"], "id") != str(*spec, "id")) {
        return reply(bad_request("1414",
                                 "base connection " + base_id +
                                     " has a different connection spec than the source connection",
                                 rid));
      }
      base_ref = {{"id", base_id}, {"connectionSpec", (*base)["connectionSpec"]}};
    }
    const json data = body.value("data", json::object());
    if (data.is_object() && data.contains("format") && data["format"] != "CSV") {
      return reply(
          bad_request("1400", "data.format must be CSV, got " + data["format"].dump(), rid));
    }
    json params = body.value("params", json::object());
    if (params.is_null()) params = json::object();
    if (auto f = problems_failure(
            schema_problems((*spec)["sourceSpec"].value("spec", json()), params, "params"), rid)) {
      return reply(*f);
    }
    json e = base_entity(req, sandbox_name, sb, body);
    e["connectionSpec"] = body["connectionSpec"];
    e["state"] = "enabled";
    if (!base_id.empty()) e["baseConnectionId"] = base_id;
    e["typeInfo"] = {{"type", "ProfileFragments"}, {"id", "ups"}};
    e["data"] = data.is_object() ? data : json::object();
    e["params"] = params;
    e["inheritedAttributes"] = json::object();
    if (!base_ref.is_null()) e["inheritedAttributes"]["baseConnection"] = base_ref;
    return created(sb, "sourceConnections", std::move(e));
  }

  Response create_target(const Request& req, const std::string& sandbox_name, const json& body,
                         const std::string& rid) {
    if (auto f = check_name(body, rid)) return reply(*f);
    const json* spec = nullptr;
    if (auto f = check_spec_ref(body, "connectionSpec", connection_specs, spec, rid)) {
      return reply(*f);
    }
    if (!spec->contains("targetSpec")) {
      return reply(bad_request(
          "1400", str(*spec, "name") + " has no target spec: it is not a destination", rid));
    }
    Sandbox& sb = sandbox(sandbox_name);
    const std::string base_id = str(body, "baseConnectionId");
    if (base_id.empty()) return reply(bad_request("1400", "baseConnectionId is required", rid));
    const json* base = entity(sb, "connections", base_id);
    if (!base) {
      return reply(bad_request("1400", "baseConnectionId " + base_id + " does not exist", rid));
    }
    if (str((*base)["connectionSpec"], "id") != str(*spec, "id")) {
      return reply(bad_request("1414",
                               "base connection " + base_id + " is for connection spec " +
                                   str((*base)["connectionSpec"], "id") + ", not for " +
                                   str(*spec, "id"),
                               rid));
    }
    const json params = body.value("params", json());
    if (!params.is_object()) return reply(bad_request("1400", "params is required", rid));
    if (auto f = problems_failure(schema_problems((*spec)["targetSpec"]["spec"], params, "params"),
                                  rid)) {
      return reply(*f);
    }
    json e = base_entity(req, sandbox_name, sb, body);
    e["baseConnectionId"] = base_id;
    e["connectionSpec"] = body["connectionSpec"];
    e["state"] = "enabled";
    e["data"] = body.value("data", json::object());
    e["params"] = params;
    e["inheritedAttributes"] = {
        {"baseConnection", {{"id", base_id}, {"connectionSpec", (*base)["connectionSpec"]}}}};
    return created(sb, "targetConnections", std::move(e));
  }

  std::optional<Failure> one_connection(const json& body, const char* field,
                                        const std::string& rid) const {
    const json ids = body.value(field, json());
    if (!ids.is_array() || ids.size() != 1 || !ids[0].is_string()) {
      return bad_request("1400", std::string(field) + " must be an array of one ID", rid);
    }
    return std::nullopt;
  }

  static bool listed(const json& spec, const char* field, const std::string& id) {
    const json ids = spec.value(field, json::array());
    return std::find(ids.begin(), ids.end(), json(id)) != ids.end();
  }

  std::optional<Failure> transformation_problems(const json& flow, const std::string& rid) const {
    const json transformations = flow.value("transformations", json::array());
    if (!transformations.is_array()) {
      return bad_request("1400", "transformations must be an array", rid);
    }
    std::vector<std::string> problems;
    for (std::size_t t = 0; t < transformations.size(); ++t) {
      const json& tr = transformations[t];
      const json selectors = tr.value("params", json::object())
                                 .value("segmentSelectors", json::object())
                                 .value("selectors", json::array());
      if (!selectors.is_array()) {
        problems.push_back("transformations[" + std::to_string(t) +
                           "].params.segmentSelectors.selectors must be an array");
        continue;
      }
      for (std::size_t i = 0; i < selectors.size(); ++i) {
        auto p = segment_selector_problems(
            selectors[i], "transformations[" + std::to_string(t) +
                              "].params.segmentSelectors.selectors[" + std::to_string(i) + "]");
        problems.insert(problems.end(), p.begin(), p.end());
      }
    }
    return problems_failure(problems, rid);
  }

  Response create_flow(const Request& req, const std::string& sandbox_name, const json& body,
                       const std::string& rid) {
    if (auto f = check_name(body, rid)) return reply(*f);
    if (body.contains("state")) {
      return reply(bad_request("1410", "state cannot be set when creating a flow", rid));
    }
    const json* spec = nullptr;
    if (auto f = check_spec_ref(body, "flowSpec", flow_specs, spec, rid)) return reply(*f);
    if (auto f = one_connection(body, "sourceConnectionIds", rid)) return reply(*f);
    if (auto f = one_connection(body, "targetConnectionIds", rid)) return reply(*f);
    Sandbox& sb = sandbox(sandbox_name);
    const std::string source_id = body["sourceConnectionIds"][0];
    const std::string target_id = body["targetConnectionIds"][0];
    const json* source = entity(sb, "sourceConnections", source_id);
    if (!source) {
      return reply(bad_request("1400", "source connection " + source_id + " does not exist", rid));
    }
    const json* target = entity(sb, "targetConnections", target_id);
    if (!target) {
      return reply(bad_request("1400", "target connection " + target_id + " does not exist", rid));
    }
    const std::string source_spec = str((*source)["connectionSpec"], "id");
    const std::string target_spec = str((*target)["connectionSpec"], "id");
    if (!listed(*spec, "sourceConnectionSpecIds", source_spec)) {
      return reply(bad_request(
          "1400",
          "flow spec " + str(*spec, "name") + " does not read from connection spec " + source_spec,
          rid));
    }
    if (!listed(*spec, "targetConnectionSpecIds", target_spec)) {
      return reply(bad_request("1400",
                               "flow spec " + str(*spec, "name") + " (" + str(*spec, "id") +
                                   ") does not export to connection spec " + target_spec,
                               rid));
    }
    json transformations = body.value("transformations", json::array());
    if (auto f = transformation_problems({{"transformations", transformations}}, rid)) {
      return reply(*f);
    }
    json e = base_entity(req, sandbox_name, sb, body);
    const std::string id = e["id"];
    e["flowSpec"] = body["flowSpec"];
    e["state"] = "enabled";
    e["sourceConnectionIds"] = body["sourceConnectionIds"];
    e["targetConnectionIds"] = body["targetConnectionIds"];
    e["inheritedAttributes"] = {
        {"properties", {{"isDestinationFlow", true}}},
        {"sourceConnections",
         {{{"id", source_id},
           {"connectionSpec", (*source)["connectionSpec"]},
           {"baseConnection", source->value("inheritedAttributes", json::object())
                                  .value("baseConnection", json::object())},
           {"typeInfo", (*source)["typeInfo"]}}}},
        {"targetConnections",
         {{{"id", target_id},
           {"connectionSpec", (*target)["connectionSpec"]},
           {"baseConnection", (*target)["inheritedAttributes"]["baseConnection"]}}}}};
    stamp_selectors(transformations, json::array());
    e["transformations"] = transformations;
    e["runs"] = "/runs?property=flowId==" + id;
    e["lastOperation"] = operation("create", json::array());
    return created(sb, "flows", std::move(e));
  }

  json operation(const char* kind, const json& ops) const {
    auto ms = now_ms();
    return {
        {"started", ms},
        {"updated", ms},
        {"percentCompleted", 100},
        {"status", {{"value", "completed"}, {"properties", nullptr}, {"errors", json::array()}}},
        {"ops", ops},
        {"operation", kind}};
  }

  // Segment selectors gain createTime/updateTime (epoch seconds, as strings); profile selectors
  // the expanded mapping form that GET shows.
  void stamp_selectors(json& transformations, const json& before) const {
    const std::string now = std::to_string(now_ms() / 1000);
    std::map<std::string, json> old;
    if (before.is_array()) {
      for (const auto& t : before) {
        for (const auto& s : t.value("params", json::object())
                                 .value("segmentSelectors", json::object())
                                 .value("selectors", json::array())) {
          if (s.is_object() && s.contains("value")) old[str(s["value"], "id")] = s["value"];
        }
      }
    }
    for (auto& t : transformations) {
      if (!t.is_object() || !t.contains("params") || !t["params"].is_object()) continue;
      auto& params = t["params"];
      if (params.contains("segmentSelectors") && params["segmentSelectors"].contains("selectors")) {
        for (auto& s : params["segmentSelectors"]["selectors"]) {
          if (!s.is_object() || !s.contains("value") || !s["value"].is_object()) continue;
          auto& v = s["value"];
          auto it = old.find(str(v, "id"));
          json without = v;
          without.erase("createTime");
          without.erase("updateTime");
          if (it == old.end()) {
            v["createTime"] = now;
            v["updateTime"] = now;
          } else {
            json previous = it->second;
            v["createTime"] = previous.value("createTime", now);
            previous.erase("createTime");
            previous.erase("updateTime");
            v["updateTime"] = previous == without ? it->second.value("updateTime", now) : now;
          }
        }
      }
      if (params.contains("profileSelectors") && params["profileSelectors"].contains("selectors")) {
        for (auto& s : params["profileSelectors"]["selectors"]) {
          if (!s.is_object() || !s.contains("value") || !s["value"].is_object()) continue;
          auto& v = s["value"];
          const std::string path = str(v, "path");
          if (path.empty() || v.contains("mapping")) continue;
          v["operator"] = "EXISTS";
          v["mapping"] = {{"sourceType", "text/x.schema-path"},
                          {"source", path},
                          {"destination", path},
                          {"identity", false},
                          {"primaryIdentity", false},
                          {"functionVersion", 0},
                          {"copyModeMapping", false},
                          {"sourceAttribute", path},
                          {"destinationXdmPath", path}};
        }
      }
    }
  }

  // ---- by ID: get, patch, delete, action ------------------------------------------------------

  static bool patchable(const std::string& collection, const std::string& path) {
    static const std::map<std::string, std::vector<std::string>> allowed = {
        {"flows",
         {"/name", "/description", "/transformations", "/sourceConnectionIds",
          "/targetConnectionIds", "/scheduleParams", "/labels", "/policy"}},
        {"connections", {"/name", "/description", "/auth"}},
        {"sourceConnections", {"/name", "/description", "/params"}},
        {"targetConnections", {"/name", "/description", "/params"}},
    };
    for (const auto& prefix : allowed.at(collection)) {
      if (path == prefix || path.starts_with(prefix + "/")) return true;
    }
    return false;
  }

  Response patch(const Request& req, Sandbox& sb, const std::string& collection,
                 const std::string& id, const std::string& rid) {
    auto& coll = sb.collections[collection];
    auto it = coll.by_id.find(id);
    if (it == coll.by_id.end()) return reply(not_found(collection, id, rid));
    auto if_match = req.headers.find("if-match");
    if (if_match == req.headers.end() || if_match->second.empty()) {
      return reply(bad_request("1403", "Header If-Match is missing", rid));
    }
    json& current = it->second;
    const std::string etag = current["etag"];
    if (if_match->second != etag) {
      std::string message = "Supplied version=[" + if_match->second +
                            "] does not match the current version on entity=[" + etag + "]";
      return reply(flow_error(412, "1404", "Version not matching", message, rid, collection, id));
    }
    json ops = json::parse(req.body, nullptr, false);
    if (!ops.is_array() || ops.empty()) {
      return reply(
          bad_request("1405", "The request body must be a non-empty JSON Patch array", rid));
    }
    for (std::size_t i = 0; i < ops.size(); ++i) {
      auto& op = ops[i];
      const std::string where = "operation " + std::to_string(i);
      if (!op.is_object() || !op["op"].is_string() || !op["path"].is_string()) {
        return reply(bad_request("1455", where + " must have an op and a path", rid));
      }
      std::string name = lower(op["op"].get<std::string>());
      if (name != "add" && name != "replace" && name != "remove") {
        return reply(bad_request(
            "1434", where + ": unsupported patch operation '" + op["op"].get<std::string>() + "'",
            rid));
      }
      op["op"] = name;
      if (!patchable(collection, op["path"])) {
        return reply(bad_request(
            "1455", where + ": path " + op["path"].get<std::string>() + " cannot be changed", rid));
      }
      if (name != "remove" && !op.contains("value")) {
        return reply(bad_request("1455", where + ": value is required", rid));
      }
    }
    json updated;
    try {
      updated = current.patch(ops);
    } catch (const json::exception& e) {
      return reply(bad_request("1455", std::string("Invalid patch: ") + e.what(), rid));
    }
    if (collection == "flows") {
      if (auto f = transformation_problems(updated, rid)) return reply(*f);
      stamp_selectors(updated["transformations"], current["transformations"]);
    } else if (collection == "targetConnections") {
      const json* spec = find_spec(connection_specs, str(updated["connectionSpec"], "id"));
      if (spec) {
        if (auto f = problems_failure(
                schema_problems((*spec)["targetSpec"]["spec"], updated["params"], "params"), rid)) {
          return reply(*f);
        }
      }
    }
    std::string new_tag = new_etag();
    updated["etag"] = new_tag;
    updated["version"] = new_tag;
    updated["updatedAt"] = now_ms();
    updated["lastOperation"] = operation("update", ops);
    current = std::move(updated);
    if (collection == "flows" && options.patch_status == 202) return empty_reply(202);
    return reply(200, {{"id", id}, {"etag", new_tag}});
  }

  // Which entities still use `id`: flows use source and target connections; source and target
  // connections use base connections.
  std::vector<std::string> users_of(Sandbox& sb, const std::string& collection,
                                    const std::string& id) {
    std::vector<std::string> users;
    if (collection == "connections") {
      for (const char* c : {"sourceConnections", "targetConnections"}) {
        for (const auto& [eid, e] : sb.collections[c].by_id) {
          if (str(e, "baseConnectionId") == id) users.push_back(std::string(noun(c)) + " " + eid);
        }
      }
    } else if (collection != "flows") {
      const char* field =
          collection == "sourceConnections" ? "sourceConnectionIds" : "targetConnectionIds";
      for (const auto& [fid, f] : sb.collections["flows"].by_id) {
        const json ids = f.value(field, json::array());
        if (std::find(ids.begin(), ids.end(), json(id)) != ids.end())
          users.push_back("flow " + fid);
      }
    }
    return users;
  }

  Response remove(Sandbox& sb, const std::string& collection, const std::string& id,
                  const std::string& rid) {
    auto& coll = sb.collections[collection];
    if (!coll.by_id.count(id)) return reply(not_found(collection, id, rid));
    auto users = users_of(sb, collection, id);
    if (!users.empty()) {
      // The service names no users: finding them is the client's job.
      return reply(bad_request("1418",
                               "The " + std::string(noun(collection)) + " " + id +
                                   " cannot be deleted while it is in use",
                               rid));
    }
    coll.by_id.erase(id);
    std::erase(coll.order, id);
    return empty_reply(202);
  }

  Response action(const Request& req, Sandbox& sb, const std::string& id, const std::string& rid) {
    auto& flows = sb.collections["flows"];
    auto it = flows.by_id.find(id);
    if (it == flows.by_id.end()) return reply(not_found("flows", id, rid));
    auto op = req.query.find("op");
    std::string name = op == req.query.end() ? "" : lower(op->second);
    if (name != "enable" && name != "disable") {
      return reply(bad_request("1400", "op must be enable or disable", rid));
    }
    const std::string state = name == "enable" ? "enabled" : "disabled";
    if (it->second["state"] == state) {
      return reply(bad_request("1422", "The flow is already " + state, rid));
    }
    it->second["state"] = state;
    std::string etag = new_etag();
    it->second["etag"] = etag;
    it->second["version"] = etag;
    return reply(200, {{"id", id}, {"etag", etag}});
  }

  // ---- IMS ------------------------------------------------------------------------------------

  Response issue_token(const Request& req) {
    ++stats.token_requests;
    auto fields = form_fields(req.body);
    for (const auto& [k, v] : req.query)
      fields.emplace(k, v);  // IMS also takes query parameters
    if (fields["grant_type"] != "client_credentials") {
      return ims_error(400, "unsupported_grant_type", "grant_type must be client_credentials");
    }
    const std::string id = fields["client_id"];
    if (id.empty()) return ims_error(400, "invalid_request", "client_id parameter is missing");
    auto client = options.clients.find(id);
    if (client == options.clients.end()) {
      return ims_error(400, "invalid_client", "invalid client_id parameter");
    }
    if (fields["client_secret"] != client->second) {
      return ims_error(401, "invalid_client", "invalid client_secret parameter");
    }
    if (fields["scope"].empty())
      return ims_error(400, "invalid_scope", "scope parameter is missing");
    const auto now = clock();
    const auto ms = now_ms();
    json header = {{"alg", "RS256"}, {"x5u", "ims_na1-key-at-1.cer"}, {"typ", "JWT"}};
    json payload = {{"id", uuid()},
                    {"type", "access_token"},
                    {"client_id", id},
                    {"user_id", id + "@techacct.adobe.com"},
                    {"as", "ims-na1"},
                    {"created_at", std::to_string(ms)},
                    {"expires_in", std::to_string(options.token_ttl.count() * 1000)},
                    {"scope", fields["scope"]}};
    std::string token = base64url(header.dump()) + "." + base64url(payload.dump()) + "." +
                        base64url(uuid() + uuid());
    issued_tokens[token] = now + options.token_ttl;
    ++stats.tokens;
    return reply(200, {{"access_token", token},
                       {"token_type", "bearer"},
                       {"expires_in", options.token_ttl.count()}});
  }

  // ---- routing --------------------------------------------------------------------------------

  // The rate limit: true when this API key has a request left in this second.
  bool admit(const Request& req, int& retry_after) {
    if (options.rate_limit <= 0) return true;
    auto key = req.headers.find("x-api-key");
    if (key == req.headers.end()) return true;
    const auto now = std::chrono::steady_clock::now();
    auto [it, fresh] = buckets.try_emplace(key->second, Bucket{options.rate_limit, now});
    Bucket& b = it->second;
    const double elapsed = std::chrono::duration<double>(now - b.at).count();
    b.tokens = std::min(options.rate_limit, b.tokens + elapsed * options.rate_limit);
    b.at = now;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return true;
    }
    retry_after = std::max(1, static_cast<int>(std::ceil((1 - b.tokens) / options.rate_limit)));
    return false;
  }

  Response injected_status(const Injection& in, const std::string& rid) {
    Response r;
    if (in.status == 412) {
      r = reply(flow_error(412, "1404", "Version not matching",
                           "Supplied version does not match the current version on entity "
                           "(injected)",
                           rid));
    } else if (in.status == 429) {
      r = reply(gateway_error(429, "429050", "Too many requests (injected)"));
    } else {
      r = reply(flow_error(in.status, std::to_string(in.status), "Injected fault",
                           "injected by the emulator", rid));
    }
    if (in.retry_after >= 0 && (in.status == 429 || in.status == 503)) {
      r.headers["Retry-After"] = std::to_string(in.retry_after);
    }
    return r;
  }

  // Handles a request with whatever fault fires for it.
  Response route_with_faults(const Request& req, const std::string& rid) {
    int retry_after = 1;
    if (!admit(req, retry_after)) {
      ++stats.throttled;
      Response r = reply(gateway_error(429, "429050", "Too many requests"));
      r.headers["Retry-After"] = std::to_string(retry_after);
      return r;
    }
    auto in = faults.pick(req.method, req.path);
    if (!in) return route(req, rid);
    ++stats.faults;
    Response r;
    switch (in->action) {
      case FaultAction::status:
        return injected_status(*in, rid);
      case FaultAction::touch:
        touch(req);
        return route(req, rid);
      case FaultAction::drop_before:
        r.delivery = Response::Delivery::drop;
        return r;
      case FaultAction::latency:
        r = route(req, rid);
        r.delay = in->latency;
        return r;
      case FaultAction::drop_after:
        r = route(req, rid);
        r.delivery = Response::Delivery::drop;
        return r;
      case FaultAction::truncate:
        r = route(req, rid);
        r.delivery = Response::Delivery::truncate;
        return r;
    }
    return route(req, rid);
  }

  // ---- runs -----------------------------------------------------------------------------------

  // Starts the runs that are due: every interval, for each enabled flow with audiences.
  void advance_runs() {
    const auto interval = options.runs.interval.count();
    if (interval <= 0) return;
    const std::int64_t now = now_ms();
    for (auto& [name, sb] : sandboxes) {
      for (const auto& [id, flow] : sb.collections["flows"].by_id) {
        auto [next, fresh] =
            sb.next_run_ms.try_emplace(id, flow.value("createdAt", now) + interval);
        if (next->second > now) continue;
        // Far behind (an emulator left idle): only the last few runs are made up.
        if (now - next->second > 20 * interval) next->second = now - 20 * interval;
        for (; next->second <= now; next->second += interval) {
          if (flow.value("state", "") != "enabled" || exported_audiences(flow).empty()) continue;
          sb.runs.push_back(
              plan_run(run_rng, flow, next->second, options.runs, uuid(), new_etag()));
          ++stats.runs;
        }
      }
    }
  }

  Response runs(const Request& req, Sandbox& sb, const std::vector<std::string>& parts,
                const std::string& rid) {
    if (req.method != "GET") return method_not_allowed(rid);
    const std::int64_t now = now_ms();
    if (parts.size() == 2) {
      for (const auto& r : sb.runs) {
        if (r.id == parts[1]) return reply(200, {{"items", {render_run(r, now)}}});
      }
      return reply(not_found("runs", parts[1], rid));
    }
    if (parts.size() != 1) return reply(not_found("endpoint", req.path, rid));
    std::vector<json> rendered;
    rendered.reserve(sb.runs.size());
    for (auto it = sb.runs.rbegin(); it != sb.runs.rend(); ++it)
      rendered.push_back(render_run(*it, now));
    std::vector<const json*> all;
    all.reserve(rendered.size());
    for (const auto& r : rendered)
      all.push_back(&r);
    return list(all, req, "/runs", rid);
  }

  // Bumps the etag of the entity a request addresses, in every sandbox that holds it.
  void touch(const Request& req) {
    auto parts = split_path(req.path);
    if (parts.size() < 2) return;
    for (auto& [name, sb] : sandboxes) {
      auto& coll = sb.collections[parts[0]];
      auto it = coll.by_id.find(parts[1]);
      if (it == coll.by_id.end()) continue;
      std::string etag = new_etag();
      it->second["etag"] = etag;
      it->second["version"] = etag;
    }
  }

  Response route(const Request& req, const std::string& rid) {
    if (req.path == "/ims/token/v3") {
      if (req.method != "POST") return method_not_allowed(rid);
      return issue_token(req);
    }
    std::string sandbox_name;
    if (auto f = check_headers(req, sandbox_name, rid)) return reply(*f);
    const bool write = req.method != "GET";
    ++(write ? stats.writes : stats.reads);

    const auto parts = split_path(req.path);
    if (parts.empty()) return reply(not_found("endpoint", req.path, rid));
    const std::string& collection = parts[0];

    if (collection == "connectionSpecs" || collection == "flowSpecs") {
      if (req.method != "GET") return method_not_allowed(rid);
      const json& catalogue = collection == "connectionSpecs" ? connection_specs : flow_specs;
      if (parts.size() == 1) {
        std::vector<const json*> all;
        for (const auto& s : catalogue)
          all.push_back(&s);
        return list(all, req, "/" + collection, rid);
      }
      if (parts.size() == 2) {
        if (const json* s = find_spec(catalogue, parts[1])) return reply(200, {{"items", {*s}}});
        return reply(not_found(collection, parts[1], rid));
      }
      return reply(not_found("endpoint", req.path, rid));
    }
    if (collection == "runs") return runs(req, sandbox(sandbox_name), parts, rid);
    if (std::find(std::begin(kCollections), std::end(kCollections), collection) ==
        std::end(kCollections)) {
      return reply(not_found("endpoint", req.path, rid));
    }
    Sandbox& sb = sandbox(sandbox_name);

    if (parts.size() == 1) {
      if (req.method == "GET")
        return list(newest_first(sb.collections[collection]), req, "/" + collection, rid);
      if (req.method != "POST") return method_not_allowed(rid);
      if (auto f = content_type_problem(req)) return reply(*f);
      json body = json::parse(req.body, nullptr, false);
      if (req.body.empty()) return reply(bad_request("1405", "The request body is empty", rid));
      if (!body.is_object()) {
        return reply(bad_request("1400", "The request body is not a JSON object", rid));
      }
      if (collection == "connections") return create_connection(req, sandbox_name, body, rid);
      if (collection == "sourceConnections") return create_source(req, sandbox_name, body, rid);
      if (collection == "targetConnections") return create_target(req, sandbox_name, body, rid);
      return create_flow(req, sandbox_name, body, rid);
    }
    const std::string& id = parts[1];
    if (parts.size() == 3 && collection == "flows" && parts[2] == "action" &&
        req.method == "POST") {
      return action(req, sb, id, rid);
    }
    if (parts.size() != 2) return reply(not_found("endpoint", req.path, rid));
    if (req.method == "GET") {
      const json* e = entity(sb, collection, id);
      if (!e) return reply(not_found(collection, id, rid));
      return reply(200, {{"items", {*e}}});
    }
    if (req.method == "PATCH") {
      if (auto f = content_type_problem(req)) return reply(*f);
      return patch(req, sb, collection, id, rid);
    }
    if (req.method == "DELETE") return remove(sb, collection, id, rid);
    return method_not_allowed(rid);
  }

  static std::optional<Failure> content_type_problem(const Request& req) {
    auto it = req.headers.find("content-type");
    if (it == req.headers.end() || lower(it->second).find("json") == std::string::npos) {
      return content_type_error();
    }
    return std::nullopt;
  }

  static Response method_not_allowed(const std::string& rid) {
    return reply(flow_error(405, "1405", "Method Not Allowed", "Method not allowed", rid));
  }
};

Service::Service(Options options, std::function<std::chrono::system_clock::time_point()> clock)
    : state_(std::make_unique<State>()) {
  state_->options = std::move(options);
  state_->clock = std::move(clock);
  state_->connection_specs = json::parse(emulator_connection_specs_json);
  state_->flow_specs = json::parse(emulator_flow_specs_json);
  const std::uint64_t seed = state_->options.seed.value_or(std::random_device{}());
  state_->faults = FaultPlan(seed);
  state_->run_rng.seed(seed ^ 0x9e3779b97f4a7c15ULL);
  for (const auto& f : state_->options.faults)
    state_->faults.add(f);
  if (state_->options.chaos_rate > 0) {
    state_->faults.add_chaos(state_->options.chaos_rate, state_->options.chaos_retry_after);
  }
  seed_flows();
}

// Creates options.seed_flows destination flows through the same routes a client uses, so they
// are exactly what a client would have made; the stats start at zero afterwards.
void Service::seed_flows() {
  const int n = state_->options.seed_flows;
  if (n <= 0) return;
  Request base;
  base.method = "POST";
  base.headers = {{"authorization", "Bearer " + *state_->options.access_tokens.begin()},
                  {"x-api-key", *state_->options.api_keys.begin()},
                  {"x-gw-ims-org-id", "SEED@AdobeOrg"},
                  {"x-sandbox-name", state_->options.seed_sandbox},
                  {"content-type", "application/json"}};
  auto post = [&](const std::string& path, const json& body) -> std::string {
    Request r = base;
    r.path = path;
    r.body = body.dump();
    Response res = state_->route(r, state_->uuid());
    if (res.status != 201) throw std::runtime_error("seeding " + path + " failed: " + res.body);
    return json::parse(res.body)["id"].get<std::string>();
  };
  const json profile_spec = {{"id", "8a9c3494-9708-43d7-ae3f-cda01e5030e1"}, {"version", "1.0"}};
  const json s3_spec = {{"id", "4890fc95-5a1f-4983-94bb-e060c08e3f81"}, {"version", "1.0"}};
  const std::string ups =
      post("/connections", {{"name", "Seeded Profile Store"}, {"connectionSpec", profile_spec}});
  const std::string source = post(
      "/sourceConnections",
      {{"name", "Seeded source"}, {"baseConnectionId", ups}, {"connectionSpec", profile_spec}});
  const std::string s3 =
      post("/connections", {{"name", "Seeded Amazon S3"},
                            {"connectionSpec", s3_spec},
                            {"auth",
                             {{"specName", "Access Key"},
                              {"params",
                               {{"s3AccessKey", "AKIASEEDEDKEY2345672"},
                                {"s3SecretKey", "seededSecretKey0000000000000000000000000"}}}}}});
  const std::string target = post("/targetConnections", {{"name", "Seeded bucket"},
                                                         {"baseConnectionId", s3},
                                                         {"connectionSpec", s3_spec},
                                                         {"params",
                                                          {{"mode", "S3"},
                                                           {"bucketName", "seeded-exports"},
                                                           {"path", "audiences"},
                                                           {"format", "CSV"}}}});
  for (int i = 1; i <= n; ++i) {
    char name[48];
    std::snprintf(name, sizeof name, "Seeded flow %05d", i);
    post("/flows",
         {{"name", name},
          {"flowSpec", {{"id", "71471eba-b620-49e4-90fd-23f1fa0174d8"}, {"version", "1.0"}}},
          {"sourceConnectionIds", {source}},
          {"targetConnectionIds", {target}},
          {"transformations",
           {{{"name", "GeneralTransform"},
             {"params",
              {{"segmentSelectors", {{"selectors", json::array()}}},
               {"profileSelectors", {{"selectors", json::array()}}}}}}}}});
  }
  state_->stats = {};
}

Service::~Service() = default;

Response Service::handle(const Request& req) {
  std::string rid;
  if (auto it = req.headers.find("x-request-id"); it != req.headers.end()) rid = it->second;
  std::lock_guard lock(state_->mutex);
  if (rid.empty()) rid = state_->uuid();
  ++state_->stats.requests;
  Response r;
  try {
    state_->advance_runs();
    r = state_->route_with_faults(req, rid);
  } catch (const std::exception& e) {
    r = reply(flow_error(500, "1500", "Internal Server Error", e.what(), rid));
  }
  r.headers["x-request-id"] = rid;
  return r;
}

Stats Service::stats() const {
  std::lock_guard lock(state_->mutex);
  return state_->stats;
}

void Service::reset() {
  std::lock_guard lock(state_->mutex);
  state_->sandboxes.clear();
  state_->issued_tokens.clear();
  state_->stats = {};
}

void Service::add_fault(Fault f) {
  std::lock_guard lock(state_->mutex);
  state_->faults.add(std::move(f));
}

void Service::clear_faults() {
  std::lock_guard lock(state_->mutex);
  state_->faults.clear();
}

void Service::revoke_tokens() {
  std::lock_guard lock(state_->mutex);
  state_->issued_tokens.clear();
}

}  // namespace emulator
