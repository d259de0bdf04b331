#pragma once
// Realistic connection and flow specs for fake answers: the emulator's seeded catalogues, which
// follow Adobe's documented specs.

#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "fake_transport.hpp"

namespace test {

inline nlohmann::json seed_catalogue(const char* file) {
  std::ifstream in(std::string(AEPFLOW_SEED_DIR) + "/" + file);
  return nlohmann::json::parse(in);
}

// The {items:[spec]} answer of GET /connectionSpecs/{id} or /flowSpecs/{id}.
inline std::string seed_spec_answer(const std::string& id) {
  for (const char* file : {"connection-specs.json", "flow-specs.json"}) {
    for (const auto& s : seed_catalogue(file)) {
      if (s["id"] == id) return nlohmann::json{{"items", {s}}}.dump();
    }
  }
  throw std::runtime_error("no seeded spec " + id);
}

inline void stub_connection_spec(FakeTransport& f, const std::string& id) {
  f.on(aepflow::Method::get, "/connectionSpecs/" + id, 200, seed_spec_answer(id));
}

// The reads flow create makes to check the flow spec against the connections' specs.
inline void stub_flow_checks(FakeTransport& f, const std::string& flow_spec,
                             const std::string& source, const std::string& source_spec,
                             const std::string& target, const std::string& target_spec) {
  f.on(aepflow::Method::get, "/flowSpecs/" + flow_spec, 200, seed_spec_answer(flow_spec));
  f.on(aepflow::Method::get, "/sourceConnections/" + source, 200,
       nlohmann::json{
           {"items",
            {{{"id", source}, {"connectionSpec", {{"id", source_spec}, {"version", "1.0"}}}}}}}
           .dump());
  f.on(aepflow::Method::get, "/targetConnections/" + target, 200,
       nlohmann::json{
           {"items",
            {{{"id", target}, {"connectionSpec", {{"id", target_spec}, {"version", "1.0"}}}}}}}
           .dump());
}

}  // namespace test
