#pragma once
// The emulator's service in process, without HTTP: a call is a method, a path below Flow
// Service's base path (with its query), a body and headers, as the HTTP front would pass them.

#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "service.hpp"

namespace emulator_test {

using nlohmann::json;

class Emu {
 public:
  explicit Emu(emulator::Options o = {})
      : service(std::move(o), [this] {
          return std::chrono::system_clock::time_point(std::chrono::seconds(now));
        }) {}

  std::int64_t now = 1795867200;

  emulator::Response call(const std::string& method, const std::string& target,
                          const json& body = nullptr, std::map<std::string, std::string> extra = {},
                          std::string sandbox = "prod") {
    emulator::Request r;
    r.method = method;
    auto q = target.find('?');
    // Flow Service is served under its base path only; tests name paths below it.
    r.path = target.starts_with("/ims/") || target.starts_with("/data/")
                 ? target.substr(0, q)
                 : "/data/foundation/flowservice" + target.substr(0, q);
    if (q != std::string::npos) {
      std::string query = target.substr(q + 1);
      std::size_t start = 0;
      while (start <= query.size()) {
        auto amp = query.find('&', start);
        std::string kv =
            query.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
        auto eq = kv.find('=');
        r.query.emplace(kv.substr(0, eq), eq == std::string::npos ? "" : decode(kv.substr(eq + 1)));
        if (amp == std::string::npos) break;
        start = amp + 1;
      }
    }
    r.headers = {{"authorization", "Bearer emulator-token"},
                 {"x-api-key", "emulator-api-key"},
                 {"x-gw-ims-org-id", "ORG@AdobeOrg"},
                 {"x-sandbox-name", sandbox}};
    if (!body.is_null()) {
      r.body = body.dump();
      r.headers["content-type"] = "application/json";
    }
    for (auto& [k, v] : extra) {
      if (v == "<none>") {
        r.headers.erase(k);
      } else {
        r.headers[k] = v;
      }
    }
    return service.handle(r);
  }

  static json body(const emulator::Response& r) { return json::parse(r.body); }

  // Percent-decoding, as the HTTP server does before the service sees a query value.
  static std::string decode(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '%' && i + 2 < s.size()) {
        out.push_back(static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16)));
        i += 2;
      } else {
        out.push_back(s[i]);
      }
    }
    return out;
  }

  // The tutorial's first five steps; returns {base, source, destination, target, flow}.
  std::vector<std::string> tutorial(const std::string& sandbox = "prod") {
    auto id = [](const emulator::Response& r) {
      REQUIRE(r.status == 201);
      return body(r)["id"].get<std::string>();
    };
    std::string base = id(
        call("POST", "/connections",
             {{"name", "b"}, {"connectionSpec", {{"id", kUps}, {"version", "1.0"}}}}, {}, sandbox));
    std::string source = id(call("POST", "/sourceConnections",
                                 {{"name", "s"},
                                  {"baseConnectionId", base},
                                  {"connectionSpec", {{"id", kUps}, {"version", "1.0"}}},
                                  {"data", {{"format", "CSV"}, {"schema", nullptr}}},
                                  {"params", json::object()}},
                                 {}, sandbox));
    std::string dest = id(
        call("POST", "/connections",
             {{"name", "d"},
              {"auth",
               {{"specName", "S3"}, {"params", {{"accessId", "A"}, {"secretKey", "S3-SECRET"}}}}},
              {"connectionSpec", {{"id", kCampaign}, {"version", "1.0"}}}},
             {}, sandbox));
    std::string target = id(
        call("POST", "/targetConnections",
             {{"name", "t"},
              {"baseConnectionId", dest},
              {"connectionSpec", {{"id", kCampaign}, {"version", "1.0"}}},
              {"params",
               {{"mode", "S3"}, {"bucketName", "acme-bucket"}, {"path", "p"}, {"format", "CSV"}}}},
             {}, sandbox));
    std::string flow =
        id(call("POST", "/flows",
                {{"name", "f"},
                 {"flowSpec", {{"id", kLegacyFlowSpec}, {"version", "1.0"}}},
                 {"sourceConnectionIds", {source}},
                 {"targetConnectionIds", {target}},
                 {"transformations", json::parse(R"([{"name":"GeneralTransform","params":{
                                    "segmentSelectors":{"selectors":[]},"profileSelectors":{"selectors":[]}}}])")}},
                {}, sandbox));
    return {base, source, dest, target, flow};
  }

  json get_flow(const std::string& id) { return body(call("GET", "/flows/" + id))["items"][0]; }

  static constexpr const char* kUps = "8a9c3494-9708-43d7-ae3f-cda01e5030e1";
  static constexpr const char* kCampaign = "0b23e41a-cb4a-4321-a78f-3b654f5d7d97";
  static constexpr const char* kLegacyFlowSpec = "71471eba-b620-49e4-90fd-23f1fa0174d8";

  emulator::Service service;
};

inline json segment(const std::string& id, json schedule, std::string mode = "DAILY_FULL_EXPORT") {
  return {{"type", "PLATFORM_SEGMENT"},
          {"value",
           {{"id", id},
            {"name", "n"},
            {"filenameTemplate", "%DESTINATION_NAME%_%SEGMENT_ID%_%DATETIME(YYYYMMdd_HHmmss)%"},
            {"exportMode", mode},
            {"schedule", schedule}}}};
}

inline json add_segment(json selector) {
  return json::array({{{"op", "add"},
                       {"path", "/transformations/0/params/segmentSelectors/selectors/-"},
                       {"value", selector}}});
}

inline const json kOnce = {{"frequency", "ONCE"},
                           {"triggerType", "SCHEDULED"},
                           {"startDate", "2026-12-20"},
                           {"startTime", "17:00"}};

}  // namespace emulator_test
