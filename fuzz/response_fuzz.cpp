// libFuzzer target: arbitrary bytes as the service's answer. Whatever arrives (truncated JSON,
// HTML, wrong types, missing fields, links that go in circles), every reader of an answer must give
// a value or an Error, never crash, hang or touch memory it does not own.
//
// Input: byte 0 picks the reader, byte 1 the status, byte 2 the headers; the rest is the body,
// the answer to every request the reader makes. The client is built once: an input costs only
// what its reader does with the answer.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "aepflow/activation/activate_flow.hpp"
#include "aepflow/activation/activation.hpp"
#include "aepflow/activation/activation_plan.hpp"
#include "aepflow/activation/mapped_activation.hpp"
#include "aepflow/auth/auth.hpp"
#include "aepflow/auth/ims.hpp"
#include "aepflow/base/json_fields.hpp"
#include "aepflow/dataprep/client.hpp"
#include "aepflow/flow/client.hpp"
#include "aepflow/http/http_pipeline.hpp"
#include "aepflow/http/redact.hpp"
#include "aepflow/pipeline_file/parse.hpp"
#include "aepflow/pipeline_file/plan.hpp"
#include "aepflow/specs/catalogue.hpp"
#include "aepflow/specs/file_options.hpp"
#include "aepflow/specs/key_params.hpp"
#include "aepflow/specs/resolve.hpp"
#include "aepflow/specs/spec_check.hpp"
#include "aepflow/specs/spec_store.hpp"

extern const char* const fuzz_pipeline_mapped;  // examples/pipelines/adls-gen2.yaml
extern const char* const fuzz_pipeline_legacy;  // examples/pipelines/amazon-s3-legacy.yaml

namespace {

using namespace aepflow;
using nlohmann::json;

// Answers every request with the input's response.
class FuzzTransport final : public Transport {
 public:
  Result<Response> send(const Request&, const std::string&) override { return answer; }
  Response answer;
};

constexpr int kStatuses[] = {200, 201, 202, 204, 207, 400, 401, 403, 404, 409, 412, 422, 429, 500};

PipelineSpec pipeline_of(const char* text) {
  auto file = parse_pipeline_file(text, "fuzz.yaml");
  if (!file || file->pipelines.empty()) __builtin_trap();  // the examples must parse
  return file->pipelines.front();
}

HttpPipelineOptions options(TokenSource* token) {
  HttpPipelineOptions o;
  o.base_url = "https://fuzz.test";
  o.credentials = {"k", "o@AdobeOrg", "prod"};
  o.tokens = token;
  o.request_id_generator = [] { return std::string("r"); };
  o.retry.max_attempts = 1;  // no waiting
  return o;
}

// Everything that does not depend on the input, made once.
struct Client {
  std::shared_ptr<FuzzTransport> transport = std::make_shared<FuzzTransport>();
  StaticToken token{"t"};
  std::unique_ptr<HttpPipeline> pipeline = make_pipeline(options(&token), transport);
  FlowService flows{*pipeline};
  DataPrep prep{*pipeline};
  ProfileReads profile{*pipeline};
  PipelineSpec mapped = pipeline_of(fuzz_pipeline_mapped);
  PipelineSpec legacy = pipeline_of(fuzz_pipeline_legacy);
  // A current card's flow, naming a mapping set, for the readers of Data Prep's answers.
  json mapped_flow = json::parse(R"({"id": "f", "etag": "\"1\"",
    "targetConnectionIds": ["t"], "transformations": [{"name": "GeneralTransform", "params": {
    "profileMapping": {"mappingId": "m", "mappingVersion": 0}, "segmentSelectors": {}}}]})");

  MappingServices services() { return {flows, prep, profile}; }
};

Client& client() {
  static Client c;
  return c;
}

ActivationRequest activation_request() {
  ActivationRequest r;
  AudienceSpec a;
  a.id = "9f7d37fd-7039-4454-94ef-2b0cd6c3206a";
  r.audiences.push_back(a);
  r.new_defaults = activation_defaults("2026-01-01");
  r.attributes = {"person.name.firstName"};
  r.mandatory = {"person.name.firstName"};
  r.dedup_keys = {DedupKey::parse("person.name.firstName")};
  return r;
}

// The answer as a dataflow: what flow get shows of it.
void read_flow(Client& c) {
  auto flow = c.flows.get(Collection::flows, "f");
  if (!flow) return;
  (void)read_flow_contents(*flow);
  (void)mapping_of(*flow);
}

// The answer as the dataflow an activation, a deactivation or a validation plans against.
void plan_flow(Client& c) {
  auto flow = c.flows.get(Collection::flows, "f");
  if (!flow) return;
  (void)plan_deactivation(*flow, {"9f7d37fd-7039-4454-94ef-2b0cd6c3206a", "b"},
                          {"person.name.firstName"});
  (void)plan_activation(*flow, activation_request());
  (void)compare(*flow, expectation_of(c.legacy));
}

// The answer as a current card's dataflow and the mapping set it names.
void read_flow_exports(Client& c) {
  auto flow = c.flows.get(Collection::flows, "f");
  if (flow) (void)read_exports(c.prep, *flow);
}

// The answer as one page of a list.
void read_page(Client& c) {
  auto page = c.flows.list_page(Collection::flows, {});
  if (!page) return;
  for (const auto& item : page->items)
    (void)read_flow_contents(item);
}

// The answer as every page of a list, followed through its next links.
void walk_list(Client& c) {
  (void)c.flows.list_all(Collection::connections, {});
}

// The answer as the spec catalogues a destination's name is looked up in.
void resolve_specs(Client& c) {
  (void)resolve_connection_spec(c.flows, "Some Destination");
  (void)resolve_flow_spec(c.flows, "Some Destination");
}

// The answer as a connection spec: its auth and encryption specs.
void check_connection_spec(Client& c) {
  auto spec = c.flows.get(Collection::connection_specs, "s");
  if (!spec) return;
  std::vector<std::string> warnings;
  json auth = {{"bucketName", "b"}, {"port", "22"}, {"sshKey", "env:KEY"}};
  (void)check_auth_params(*spec, "Access Key", auth, warnings, ParamReferences::allowed);
  for (const auto& s : member(*spec, "authSpec")) {
    json params = {{"password", "p"}};
    (void)check_auth_params(*spec, text_of(s, "name"), params, warnings);
    (void)encode_key_params(member(member(s, "spec"), "properties"), params, warnings);
  }
  (void)check_auth_chosen(*spec, "", "--auth-spec");
  (void)check_encryption(*spec, "");
}

// The answer as a connection spec: its target spec and file options.
void check_target_spec(Client& c) {
  auto spec = c.flows.get(Collection::connection_specs, "s");
  if (!spec) return;
  std::vector<std::string> warnings;
  json target = {{"mode", "S3"}, {"path", "/x"}, {"fileType", "CSV"}, {"port", "22"}};
  FileOptions options;
  options.compression = "GZIP";
  options.csv = {{"delimiter", ","}};
  (void)add_file_options(*spec, options, target);
  default_mode(*spec, target);
  (void)check_target_params(*spec, target, warnings);
  (void)retired_warning(text_of(*spec, "id"));
}

// The answer as a flow spec, and the connections it would link.
void check_flow_spec(Client& c) {
  SpecStore store(c.flows, nullptr);
  auto spec = store.get(Collection::flow_specs, "fs");
  if (!spec) return;
  FlowEnd source{"8a9c3494-9708-43d7-ae3f-cda01e5030e1", "source connection s", {}};
  FlowEnd target{
      "4fce964d-3f37-408f-9778-e597338a21ee", "target connection t", {{"fileType", "CSV"}}};
  (void)check_flow_spec_fits(**spec, "fs", source, target);
}

// The answer as Data Prep's and the profile's: mapping sets, schemas and identity namespaces.
void read_data_prep(Client& c) {
  (void)c.prep.mappings({"m", 0});
  (void)c.prep.create_schema("s", json::object());
  (void)c.prep.create_mapping_set({"in", "out", {{"person.name.firstName", "firstName"}}});
  (void)c.profile.union_schema();
  (void)c.profile.identity_codes();
  (void)mapped_attributes(c.prep, c.mapped_flow);
}

// The answer to every read and write that maps attributes on a current card's flow.
void map_flow(Client& c) {
  (void)prepare_mapping(c.services(), c.mapped_flow, {{"person.name.lastName"}, {"Email"}});
  std::vector<std::string> removed, not_found;
  (void)prepare_unmapping(c.services(), c.mapped_flow, {"person.name.firstName"}, {}, removed,
                          not_found);
}

// The answer to a create, and to the lists its recovery reads.
void create(Client& c) {
  NewConnection connection;
  connection.name = "n";
  (void)c.flows.create_connection(connection);
}

// The answer to a patch, an action and a delete.
void write(Client& c) {
  (void)c.flows.patch_flow("f", "\"1\"", json::array());
  (void)c.flows.flow_action("f", FlowAction::enable);
  (void)c.flows.remove(Collection::flows, "f");
}

// The answer to each read and the patch of an activation.
void apply_change(Client& c) {
  ApplyOptions options;
  options.max_attempts = 2;
  options.sleep = [](std::chrono::milliseconds) { return true; };
  auto plan = [](const json& f) -> Result<json> {
    auto p = plan_activation(f, activation_request());
    if (!p) return std::unexpected(p.error());
    return p->ops;
  };
  (void)apply_flow_change(c.flows, "f", plan, options);
}

// The answer as an error, a token, and what the log shows of it.
void read_errors(Client& c) {
  const Response& r = c.transport->answer;
  (void)error_from_response(r, "fuzz");
  (void)redact_body(r.body);
  if (auto token = parse_ims_token(r)) (void)read_token_claims(token->access_token);
  (void)read_token_claims(r.body);
  (void)parse_json_body(r, "fuzz");
}

// The answer to every read of a pipeline file's plan: a current card's, a legacy one's and its
// destroy.
void plan_mapped(Client& c) {
  auto mapping = [&c]() -> Result<MappingServices> { return c.services(); };
  (void)plan_pipeline(c.flows, c.mapped, "2026-01-01", mapping);
}

void plan_legacy(Client& c) {
  (void)plan_pipeline(c.flows, c.legacy, "2026-01-01");
  (void)plan_destroy(c.flows, c.legacy);
}

// Byte 0 of an input picks one (scripts/fuzz-seeds.sh writes every answer for each).
constexpr void (*kReaders[])(Client&) = {read_flow,
                                         plan_flow,
                                         read_flow_exports,
                                         read_page,
                                         walk_list,
                                         resolve_specs,
                                         check_connection_spec,
                                         check_target_spec,
                                         check_flow_spec,
                                         read_data_prep,
                                         map_flow,
                                         create,
                                         write,
                                         apply_change,
                                         read_errors,
                                         plan_mapped,
                                         plan_legacy};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 3) return 0;
  Client& c = client();
  Response& r = c.transport->answer;
  r.status = kStatuses[data[1] % std::size(kStatuses)];
  r.headers.clear();
  if (data[2] & 1) r.headers.push_back({"Content-Type", "application/json"});
  if (data[2] & 2) r.headers.push_back({"Retry-After", "0"});
  if (data[2] & 4) r.headers.push_back({"x-request-id", "fuzz-request"});
  if (data[2] & 8) r.headers.push_back({"Date", "Thu, 01 Jan 2026 00:00:00 GMT"});
  r.body.assign(reinterpret_cast<const char*>(data + 3), size - 3);
  kReaders[data[0] % std::size(kReaders)](c);
  return 0;
}
