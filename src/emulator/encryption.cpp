#include "encryption.hpp"

#include "json_schema.hpp"
#include "util.hpp"

namespace emulator {

using nlohmann::json;

namespace {

// The specName the cloud-storage tutorial sends, which its documented response accepts. It is not
// the name the connection spec gives its encryption ("File PGP/GPG Encryption"), so the service
// does not hold this specName to encryptionSpecs[].name as it holds auth.specName to
// authSpec[].name (1415). That name is still the one a client reads from the documents (GET
// /connectionSpecs/{id}, the same place auth.specName comes from), so it is taken too. No
// document sends any other: "File Encryption" is only what a stored connection shows. Other
// names are refused, so that a typo cannot pass unseen.
constexpr const char* kTutorialSpecName = "Encryption spec";

// The name a stored connection shows, with encryptionAlgo PGP/GPG for PGPGPG (the migration
// guide's GET examples).
constexpr const char* kStoredSpecName = "File Encryption";

Failure refused(const Call& call, const std::string& why) {
  return invalid_request(why, call.rid);
}

}  // namespace

std::expected<json, Failure> stored_encryption(const Call& call, const json& spec,
                                               const json& body) {
  if (body.contains("encryption")) {
    return std::unexpected(
        refused(call,
                "encryption is how a stored base connection shows its file encryption; a create "
                "request sends it as encryptionSpecs {specName, params}"));
  }
  if (!body.contains("encryptionSpecs")) return json();
  const json specs = spec.value("encryptionSpecs", json::array());
  if (!specs.is_array() || specs.empty()) {
    return std::unexpected(refused(call, "connection spec " + str(spec, "name") + " (" +
                                             str(spec, "id") +
                                             ") has no encryptionSpecs: its files cannot be "
                                             "encrypted, so encryptionSpecs is not accepted"));
  }
  const json& asked = body["encryptionSpecs"];
  if (!asked.is_object()) {
    return std::unexpected(
        refused(call, std::string("encryptionSpecs is an object {specName, params}, not ") +
                          (asked.is_array() ? "an array" : std::string("a ") + asked.type_name())));
  }
  const std::string name = str(asked, "specName");
  json names = json::array({kTutorialSpecName});
  const json* chosen = nullptr;
  for (const auto& e : specs) {
    names.push_back(str(e, "name"));
    if (!chosen && (name == kTutorialSpecName || name == str(e, "name"))) chosen = &e;
  }
  if (!chosen) {
    return std::unexpected(
        refused(call, "encryptionSpecs.specName must be one of " + names.dump()));
  }
  const json params = asked.value("params", json());
  if (!params.is_object()) {
    return std::unexpected(refused(call, "encryptionSpecs.params is required (an object)"));
  }
  auto problems =
      schema_problems(chosen->value("spec", json::object()), params, "encryptionSpecs.params");
  if (!problems.empty()) return std::unexpected(refused(call, join(problems, "; ")));
  json stored = params;
  // NONE is kept as sent: no document shows a stored connection with another algorithm.
  if (stored["encryptionAlgo"] == "PGPGPG") stored["encryptionAlgo"] = "PGP/GPG";
  return json{{"specName", kStoredSpecName}, {"params", stored}};
}

}  // namespace emulator
