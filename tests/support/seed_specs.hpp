#pragma once
// Realistic connection and flow specs for fake answers: the emulator's seeded catalogues, which
// follow Adobe's documented specs.

#include <fstream>
#include <memory>
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

// A fake that serves the connection spec `id`; with `creates`, it also answers one POST to
// `collection` ("/connections", "/targetConnections") with {"id": created_id}. A refusal sends
// no POST, so a refusing test passes creates=false.
inline std::shared_ptr<FakeTransport> spec_fake(const std::string& id,
                                                const std::string& collection, bool creates,
                                                const std::string& created_id) {
  auto f = std::make_shared<FakeTransport>();
  stub_connection_spec(*f, id);
  if (creates) {
    f->on(aepflow::Method::post, collection, 200,
          nlohmann::json{{"id", created_id}, {"etag", "\"e\""}}.dump());
  }
  return f;
}

// How many POSTs reached the fake: a refused command sends none.
inline std::size_t posts(const FakeTransport& f) {
  std::size_t n = 0;
  for (const auto& s : f.sent)
    n += s.request.method == aepflow::Method::post ? 1 : 0;
  return n;
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
