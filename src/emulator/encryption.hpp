#pragma once
// A base connection's file encryption. The create request sends a top-level object
// "encryptionSpecs": {"specName", "params"} (activate-segments-file-based-destinations.md, "Add
// encryption to exported files"), whose params are checked against the connection spec's
// encryptionSpecs[].spec; a GET shows it as api-migration-guide-cloud-storage-destinations.md
// prints stored connections: "encryption": {"specName": "File Encryption",
// "params": {"encryptionAlgo": "PGP/GPG", "publicKey": "..."}}.

#include <expected>
#include <nlohmann/json.hpp>

#include "errors.hpp"
#include "state.hpp"

namespace emulator {

// What the connection stores as "encryption" for the create `body` (null when it asks for
// none), or why the service refuses the body's encryption: a card without encryptionSpecs, a
// specName the documents do not give, params that break the spec (publicKey base64).
std::expected<nlohmann::json, Failure> stored_encryption(const Call& call,
                                                         const nlohmann::json& spec,
                                                         const nlohmann::json& body);

}  // namespace emulator
