#pragma once
// What the command tests share: IDs, a fresh fake transport, and readers of what was sent and
// printed.

#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "fake_transport.hpp"

namespace test::commands {

inline constexpr const char* kFlow = "8256cfb4-17e6-432c-a469-6aedafb16cd5";
inline constexpr const char* kSegment = "9f7d37fd-7039-4454-94ef-2b0cd6c3206a";
inline constexpr const char* kSegment2 = "25768be6-ebd5-45cc-8913-12fb3f348613";

inline std::shared_ptr<test::FakeTransport> fake() {
  return std::make_shared<test::FakeTransport>();
}

// A line "  KEY   VALUE" of a fields block.
inline bool has_line(const std::string& text, const std::string& key, const std::string& value) {
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    auto start = line.find_first_not_of(' ');
    if (start == std::string::npos || line.compare(start, key.size(), key) != 0) continue;
    auto rest = line.substr(start + key.size());
    auto v = rest.find_first_not_of(' ');
    if (v != std::string::npos && v >= 2 && rest.substr(v) == value) return true;
  }
  return false;
}

inline std::string header_of(const test::Sent& s, const char* name) {
  const std::string* v = find_header(s.request.headers, name);
  return v ? *v : std::string("(absent)");
}

inline nlohmann::json body_of(const test::Sent& s) {
  return nlohmann::json::parse(s.request.body);
}

inline std::string flow_json(const std::string& etag,
                             nlohmann::json segments = nlohmann::json::array(),
                             nlohmann::json profiles = nlohmann::json::array()) {
  return nlohmann::json{{"items",
                         {{{"id", kFlow},
                           {"name", "activate audiences to Adobe Campaign"},
                           {"state", "enabled"},
                           {"etag", etag},
                           {"transformations",
                            {{{"name", "GeneralTransform"},
                              {"params",
                               {{"segmentSelectors", {{"selectors", segments}}},
                                {"profileSelectors", {{"selectors", profiles}}}}}}}}}}}}
      .dump();
}

inline constexpr const char* kS3Target = "12ab90c9-5a3e-4e1d-8d7c-b2ad8e1dd4aa";
inline constexpr const char* kS3Spec = "4fce964d-3f37-408f-9778-e597338a21ee";
inline constexpr const char* kMappingSet = "5f0031f8ccd4444dac9c5c391389e9e8";

// A flow of the current Amazon S3 card, as made with the V2 body; `mapping` is its
// profileMapping.
inline std::string s3_flow_json(nlohmann::json mapping = nlohmann::json::object(),
                                nlohmann::json segments = nlohmann::json::array(),
                                nlohmann::json primary = nlohmann::json::array()) {
  using nlohmann::json;
  return json{{"items",
               {{{"id", kFlow},
                 {"name", "S3 exports"},
                 {"etag", "\"e1\""},
                 {"flowSpec", {{"id", "1a0514a6-33d4-4c7f-aff8-594799c47549"}}},
                 {"targetConnectionIds", {kS3Target}},
                 {"transformations",
                  {{{"name", "GeneralTransform"},
                    {"params",
                     {{"mandatoryFields", json::array()},
                      {"primaryFields", primary},
                      {"profileMapping", mapping},
                      {"segmentSelectors", {{"selectors", segments}}}}}}}}}}}}
      .dump();
}

// {mappingId, mappingVersion} of kMappingSet.
inline nlohmann::json mapping_ref(int version = 0) {
  return {{"mappingId", kMappingSet}, {"mappingVersion", version}};
}

}  // namespace test::commands
