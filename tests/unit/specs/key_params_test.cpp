// Key material for base64 params: SSH private keys (sshKey) and PGP public keys (publicKey),
// encoded for the user, refused when the service could not use them, never quoted.
#include "aepflow/specs/key_params.hpp"

#include <catch2/catch.hpp>
#include <cstdint>

#include "aepflow/base/base64.hpp"

using namespace aepflow;
using nlohmann::json;

namespace {

std::string ssh_string(std::string_view s) {
  std::string out;
  const auto n = static_cast<std::uint32_t>(s.size());
  for (int shift = 24; shift >= 0; shift -= 8)
    out += static_cast<char>((n >> shift) & 0xff);
  return out + std::string(s);
}

// An OpenSSH-format private key file: only the parts the check reads are real.
std::string openssh_key(std::string_view cipher, std::string_view type) {
  std::string blob("openssh-key-v1\0", 15);
  blob += ssh_string(cipher);
  blob += ssh_string(cipher == "none" ? "none" : "bcrypt");
  blob += ssh_string("");
  blob += std::string("\0\0\0\1", 4);
  blob += ssh_string(ssh_string(type) + "public-part");
  blob += ssh_string("private-part");
  std::string b64 = base64_encode(blob);
  std::string wrapped;
  for (std::size_t i = 0; i < b64.size(); i += 70)
    wrapped += b64.substr(i, 70) + "\n";
  return "-----BEGIN OPENSSH PRIVATE KEY-----\n" + wrapped + "-----END OPENSSH PRIVATE KEY-----\n";
}

const std::string rsa_pem =
    "-----BEGIN RSA PRIVATE KEY-----\nTUlJRW93SUJBQUtDQVFFQTBaM1ZTMnRGTnBPRFN0\n"
    "-----END RSA PRIVATE KEY-----\n";

}  // namespace

TEST_CASE("an SSH key file is base64-encoded for the user", "[key_params]") {
  std::vector<std::string> warnings;
  for (const std::string& key : {rsa_pem, openssh_key("none", "ssh-rsa")}) {
    auto p = ssh_private_key_param(key, "param sshKey", warnings);
    REQUIRE(p);
    CHECK(base64_decode(*p) == key);
  }
  CHECK(warnings.empty());
  // The file as read has lost its last newline: the key sent has it back.
  auto p = ssh_private_key_param(rsa_pem.substr(0, rsa_pem.size() - 1), "param sshKey", warnings);
  REQUIRE(p);
  CHECK(base64_decode(*p) == rsa_pem);
}

TEST_CASE("an SSH key given as base64 is kept, unwrapped, once it is seen to be usable",
          "[key_params]") {
  std::vector<std::string> warnings;
  const std::string b64 = base64_encode(rsa_pem);
  auto p = ssh_private_key_param(b64.substr(0, 20) + "\n" + b64.substr(20) + "\n", "param sshKey",
                                 warnings);
  REQUIRE(p);
  CHECK(*p == b64);
}

TEST_CASE("a passphrase-protected SSH key is refused, in each of its forms", "[key_params]") {
  std::vector<std::string> warnings;
  const std::string traditional =
      "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00FF\n\n"
      "c2VjcmV0Ym9keQ==\n-----END RSA PRIVATE KEY-----\n";
  const std::string pkcs8 =
      "-----BEGIN ENCRYPTED PRIVATE KEY-----\nc2VjcmV0Ym9keQ==\n-----END ENCRYPTED PRIVATE "
      "KEY-----";
  for (const std::string& key :
       {openssh_key("aes256-ctr", "ssh-rsa"), traditional, pkcs8, base64_encode(traditional)}) {
    auto p = ssh_private_key_param(key, "param sshKey", warnings);
    REQUIRE_FALSE(p);
    CHECK(p.error().kind == ErrorKind::usage);
    CHECK_THAT(p.error().message, Catch::Contains("passphrase"));
    CHECK_THAT(p.error().message, !Catch::Contains("c2VjcmV0Ym9keQ"));
  }
}

TEST_CASE("what is not an SSH private key is refused, saying what it is", "[key_params]") {
  std::vector<std::string> warnings;
  auto pub = ssh_private_key_param("ssh-rsa AAAAB3NzaC1yc2E user@host", "param sshKey", warnings);
  REQUIRE_FALSE(pub);
  CHECK_THAT(pub.error().message, Catch::Contains("public key"));
  CHECK_THAT(pub.error().message, !Catch::Contains("AAAAB3"));
  auto putty = ssh_private_key_param("PuTTY-User-Key-File-3: ssh-rsa\n", "param sshKey", warnings);
  REQUIRE_FALSE(putty);
  CHECK_THAT(putty.error().message, Catch::Contains("puttygen"));
  auto junk = ssh_private_key_param("hunter2-not-a-key", "param sshKey", warnings);
  REQUIRE_FALSE(junk);
  CHECK_THAT(junk.error().message, !Catch::Contains("hunter2"));
  CHECK_FALSE(ssh_private_key_param("", "param sshKey", warnings));
  CHECK_FALSE(
      ssh_private_key_param("-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END", "k", warnings));
}

TEST_CASE("an ed25519 key is sent with a warning: the cards document RSA", "[key_params]") {
  std::vector<std::string> warnings;
  auto p = ssh_private_key_param(openssh_key("none", "ssh-ed25519"), "param sshKey", warnings);
  REQUIRE(p);
  REQUIRE(warnings.size() == 1);
  CHECK_THAT(warnings[0], Catch::Contains("ssh-ed25519"));
}

TEST_CASE("a PGP public key is encoded, a private one refused", "[key_params]") {
  const std::string pub =
      "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBGR0ZXN0\n=abcd\n"
      "-----END PGP PUBLIC KEY BLOCK-----\n";
  auto p = pgp_public_key_param(pub, "--encryption-key");
  REQUIRE(p);
  CHECK(base64_decode(*p) == pub);
  CHECK(pgp_public_key_param(*p, "--encryption-key") == *p);
  // Binary keys given as base64: tag 6 (public key) is taken, tag 5 (secret key) is not.
  CHECK(pgp_public_key_param(base64_encode("\x99\x01\x0d\x04rest"), "k"));
  auto secret_binary = pgp_public_key_param(base64_encode("\x95\x01\x0d\x04rest"), "k");
  REQUIRE_FALSE(secret_binary);
  CHECK_THAT(secret_binary.error().message, Catch::Contains("private key"));
  auto secret = pgp_public_key_param(
      "-----BEGIN PGP PRIVATE KEY BLOCK-----\nlQdGBGR0\n-----END PGP PRIVATE KEY BLOCK-----",
      "--encryption-key");
  REQUIRE_FALSE(secret);
  CHECK_THAT(secret.error().message, Catch::Contains("private key"));
  CHECK_THAT(secret.error().message, !Catch::Contains("lQdGBGR0"));
  CHECK_FALSE(pgp_public_key_param("not a key", "--encryption-key"));
}

TEST_CASE("encode_key_params follows the schema's contentEncoding", "[key_params]") {
  const json schema = json::parse(R"({"properties":{
      "sshKey":{"type":"string","contentEncoding":"base64"},
      "password":{"type":"string"},
      "cert":{"type":"string","contentEncoding":"base64"}}})");
  std::vector<std::string> warnings;
  json params = {{"sshKey", rsa_pem}, {"password", "-----BEGIN x"}, {"cert", "-----BEGIN C-----"}};
  REQUIRE(encode_key_params(schema, params, warnings));
  CHECK(base64_decode(params["sshKey"].get<std::string>()) == rsa_pem);
  CHECK(params["password"] == "-----BEGIN x");  // not base64 in the schema: as given
  CHECK(base64_decode(params["cert"].get<std::string>()) == "-----BEGIN C-----\n");

  json referenced = {{"sshKey", "env:SFTP_KEY"}};
  REQUIRE(encode_key_params(schema, referenced, warnings, /*skip_references=*/true));
  CHECK(referenced["sshKey"] == "env:SFTP_KEY");
  CHECK_FALSE(encode_key_params(schema, referenced, warnings));
}
