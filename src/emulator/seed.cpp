#include "seed.hpp"

#include <cstdio>
#include <stdexcept>

namespace emulator {

using nlohmann::json;

void seed_flows(State& state, const std::function<Response(const Request&)>& route) {
  const int n = state.options.seed_flows;
  if (n <= 0) return;
  Request base;
  base.method = "POST";
  base.headers = {{"authorization", "Bearer " + *state.options.access_tokens.begin()},
                  {"x-api-key", *state.options.api_keys.begin()},
                  {"x-gw-ims-org-id", "SEED@AdobeOrg"},
                  {"x-sandbox-name", state.options.seed_sandbox},
                  {"content-type", "application/json"}};
  auto post = [&](const std::string& path, const json& body) -> std::string {
    Request r = base;
    r.path = std::string(kFlowServicePath) + path;
    r.body = body.dump();
    Response res = route(r);
    if (res.status != 201) throw std::runtime_error("seeding " + path + " failed: " + res.body);
    return json::parse(res.body)["id"].get<std::string>();
  };
  const json profile_spec = {{"id", kProfileStoreSpec}, {"version", "1.0"}};
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
}

}  // namespace emulator
