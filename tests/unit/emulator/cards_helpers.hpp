#pragma once
// The six current cloud-storage cards as activate-segments-file-based-destinations.md and
// export-datasets.md set them up: connection spec, the flow specs of audience and dataset export
// the tutorials use, a base connection's auth, and the target params that locate the files.

#include <string>
#include <vector>

#include "emulator_harness.hpp"

namespace cards_test {

using emulator_test::Emu;
using nlohmann::json;

struct Card {
  std::string name;
  std::string spec;
  std::string audience_flow_spec;
  std::string dataset_flow_spec;
  json auth;      // null: the card takes none (Data Landing Zone)
  json location;  // bucket, container, path or remotePath
};

inline const std::vector<Card>& cards() {
  static const std::vector<Card> all = {
      {"Amazon S3",
       "4fce964d-3f37-408f-9778-e597338a21ee",
       "1a0514a6-33d4-4c7f-aff8-594799c47549",
       "269ba276-16fc-47db-92b0-c1049a3c131f",
       {{"specName", "Access Key"},
        {"params",
         {{"s3AccessKey", "AKIAIOSFODNN7EXAMPLE"},
          {"s3SecretKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}}}},
       {{"bucketName", "acme-exports"}, {"path", "daily"}}},
      {"Azure Blob Storage",
       "6d6b59bf-fb58-4107-9064-4d246c0e5bb2",
       "752d422f-b16f-4f0d-b1c6-26e448e3b388",
       "95bd8965-fc8a-4119-b9c3-944c2c2df6d2",
       {{"specName", "ConnectionString"},
        {"params", {{"connectionString", "DefaultEndpointsProtocol=https;AccountName=acme"}}}},
       {{"container", "acme-exports"}, {"path", "daily"}}},
      {"Azure Data Lake Gen2",
       "be2c3209-53bc-47e7-ab25-145db8b873e1",
       "17be2013-2549-41ce-96e7-a70363bec293",
       "17be2013-2549-41ce-96e7-a70363bec293",
       {{"specName", "Azure Service Principal Auth"},
        {"params",
         {{"url", "https://acme.dfs.core.windows.net"},
          {"servicePrincipalId", "app"},
          {"servicePrincipalKey", "key"},
          {"tenant", "acme.onmicrosoft.com"}}}},
       {{"path", "daily"}}},
      {"Data Landing Zone",
       "10440537-2a7b-4583-ac39-ed38d4b848e8",
       "cd2fc47e-e838-4f38-a581-8fff2f99b63a",
       "cd2fc47e-e838-4f38-a581-8fff2f99b63a",
       nullptr,
       {{"path", "daily"}}},
      {"Google Cloud Storage",
       "c5d93acb-ea8b-4b14-8f53-02138444ae99",
       "585c15c4-6cbf-4126-8f87-e26bff78b657",
       "585c15c4-6cbf-4126-8f87-e26bff78b657",
       {{"specName", "Google Cloud Storage authentication credentials"},
        {"params", {{"accessKeyId", "GOOG1EXAMPLE"}, {"secretAccessKey", "secret"}}}},
       {{"bucketName", "acme-exports"}, {"path", "daily"}}},
      {"SFTP",
       "36965a81-b1c6-401b-99f8-22508f1e6a26",
       "fd36aaa4-bf2b-43fb-9387-43785eeeb799",
       "354d6aad-4754-46e4-a576-1b384561c440",
       {{"specName", "SFTP with Password"},
        {"params", {{"domain", "sftp.example.com"}, {"username", "u"}, {"password", "p"}}}},
       {{"remotePath", "daily"}}},
  };
  return all;
}

inline constexpr const char* kUps = "8a9c3494-9708-43d7-ae3f-cda01e5030e1";
inline constexpr const char* kSftp = "36965a81-b1c6-401b-99f8-22508f1e6a26";
inline constexpr const char* kDlz = "10440537-2a7b-4583-ac39-ed38d4b848e8";
inline constexpr const char* kDataLake = "23598e46-f560-407b-88d5-ea6207e49db0";

inline json ref(const std::string& id) {
  return {{"id", id}, {"version", "1.0"}};
}

inline std::string id_of(const emulator::Response& r) {
  INFO(r.body);
  REQUIRE(r.status == 201);
  return Emu::body(r)["id"];
}

inline std::string message_of(const emulator::Response& r) {
  return Emu::body(r).value("errorMessage", "");
}

inline std::string base_connection(Emu& e, const Card& c) {
  json body = {{"name", c.name + " base"}, {"connectionSpec", ref(c.spec)}};
  if (!c.auth.is_null()) body["auth"] = c.auth;
  return id_of(e.call("POST", "/connections", body));
}

// The card's location params with `format` (fileType, datasetFileType, csvOptions, ...) added.
inline json params(const Card& c, const json& format) {
  json p = c.location;
  p["mode"] = "Server-to-server";
  p["compression"] = "NONE";
  p.update(format);
  return p;
}

inline emulator::Response make_target(Emu& e, const Card& c, const std::string& base,
                                      const json& format) {
  return e.call("POST", "/targetConnections",
                {{"name", c.name + " target"},
                 {"baseConnectionId", base},
                 {"connectionSpec", ref(c.spec)},
                 {"params", params(c, format)}});
}

inline std::string audience_source(Emu& e) {
  return id_of(e.call("POST", "/sourceConnections",
                      {{"name", "Profile Store"}, {"connectionSpec", ref(kUps)}}));
}

inline std::string dataset_source(Emu& e) {
  auto ds = Emu::body(e.call("GET", std::string("/connectionSpecs/") + kDataLake +
                                        "/configs?outputType=activationDatasets&outputField="
                                        "datasets&start=0&limit=1"))["items"][0];
  return id_of(
      e.call("POST", "/sourceConnections",
             {{"name", "Data Lake"},
              {"connectionSpec", ref(kDataLake)},
              {"params", {{"datasets", {{{"dataSetId", ds["id"]}, {"name", ds["name"]}}}}}}}));
}

inline json dataset_schedule() {
  return {{"exportMode", "FIRST_FULL_THEN_INCREMENTAL"},
          {"timeUnit", "hour"},
          {"interval", 3},
          {"startTime", 1795867200},
          {"endTime", 1895867200}};
}

inline emulator::Response make_flow(Emu& e, const std::string& flow_spec, const std::string& source,
                                    const std::string& target, bool datasets) {
  json body = {{"name", "flow"},
               {"flowSpec", ref(flow_spec)},
               {"sourceConnectionIds", {source}},
               {"targetConnectionIds", {target}},
               {"transformations", json::array()}};
  if (datasets) body["scheduleParams"] = dataset_schedule();
  return e.call("POST", "/flows", body);
}

}  // namespace cards_test
