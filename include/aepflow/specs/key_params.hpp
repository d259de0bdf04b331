#pragma once
// Key material for the params a destination's spec takes base64-encoded (`contentEncoding:
// base64`): an SFTP card's `sshKey` (a private key) and a card's file-encryption `publicKey` (a
// PGP public key). Users give the key file itself (`sshKey=@~/.ssh/id_rsa`); it is encoded for
// them, and a key the service cannot use is refused before anything is sent: a passphrase-protected
// private key, a public key where the private one belongs, a PGP private key where the public one
// belongs. No message quotes the key.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "aepflow/base/error.hpp"

namespace aepflow {

// An SSH private key as the SFTP cards take it: the base64 of its PEM text. `text` is the key
// file's content or its base64. Keys other than RSA are a warning (the cards document RSA keys).
Result<std::string> ssh_private_key_param(std::string_view text, std::string_view what,
                                          std::vector<std::string>& warnings);

// A PGP public key as the file-encryption spec takes it: the base64 of the armored key. `text` is
// the armored key (`gpg --armor --export`) or its base64.
Result<std::string> pgp_public_key_param(std::string_view text, std::string_view what);

// Applies the above to each param of `params` whose property in `schema` has
// `contentEncoding: base64` (sshKey and publicKey by name; any other such param given as PEM text
// is encoded as it is). Values standing for something read later ("env:", "file:" in a pipeline
// file) are left alone when `skip_references` is set.
Result<void> encode_key_params(const nlohmann::json& schema, nlohmann::json& params,
                               std::vector<std::string>& warnings, bool skip_references = false);

}  // namespace aepflow
