// The current cloud-storage cards' base connections: file encryption
// (activate-segments-file-based-destinations.md, "Add encryption to exported files", and the
// stored shape of api-migration-guide-cloud-storage-destinations.md), SFTP's base64 sshKey, and
// the Data Landing Zone, which takes no auth.
#include <catch2/catch.hpp>

#include "cards_helpers.hpp"

using cards_test::cards;
using cards_test::Emu;
using cards_test::id_of;
using cards_test::kDlz;
using cards_test::kSftp;
using cards_test::message_of;
using cards_test::ref;
using nlohmann::json;

namespace {

// base64 of a PGP public key block and of an OpenSSH private key (both shortened).
constexpr const char* kPublicKey =
    "LS0tLS1CRUdJTiBQR1AgUFVCTElDIEtFWSBCTE9DSy0tLS0tCmV4YW1wbGUKLS0tLS1FTkQgUEdQIFBVQkxJQyBLRVkg"
    "QkxPQ0stLS0tLQo=";
constexpr const char* kSshKey =
    "LS0tLS1CRUdJTiBPUEVOU1NIIFBSSVZBVEUgS0VZLS0tLS0KZXhhbXBsZQotLS0tLUVORCBPUEVOU1NIIFBSSVZBVEUg"
    "S0VZLS0tLS0K";

json ssh_auth(const std::string& key) {
  return {{"specName", "SFTP with SSH Key"},
          {"params", {{"domain", "sftp.example.com"}, {"username", "u"}, {"sshKey", key}}}};
}

json encryption(const std::string& spec_name = "Encryption spec",
                const std::string& algo = "PGPGPG", const std::string& key = kPublicKey) {
  return {{"specName", spec_name}, {"params", {{"encryptionAlgo", algo}, {"publicKey", key}}}};
}

emulator::Response create(Emu& e, const std::string& spec, const json& extra) {
  json body = {{"name", "base"}, {"connectionSpec", ref(spec)}};
  body.update(extra);
  return e.call("POST", "/connections", body);
}

json stored(Emu& e, const std::string& id) {
  return Emu::body(e.call("GET", "/connections/" + id))["items"][0];
}

void refused(const emulator::Response& r, const std::string& text) {
  INFO(r.body);
  CHECK(r.status == 400);
  CHECK_THAT(message_of(r), Catch::Contains(text));
}

}  // namespace

TEST_CASE("emulator: file encryption is sent as encryptionSpecs and shown as encryption",
          "[emulator][cards]") {
  Emu e;
  for (const auto& c : cards()) {
    if (c.auth.is_null()) continue;  // the Data Landing Zone has no encryptionSpecs
    INFO(c.name);
    auto id = id_of(create(e, c.spec, {{"auth", c.auth}, {"encryptionSpecs", encryption()}}));
    const json got = stored(e, id);
    CHECK(got["encryption"] ==
          json{{"specName", "File Encryption"},
               {"params", {{"encryptionAlgo", "PGP/GPG"}, {"publicKey", kPublicKey}}}});
    CHECK_FALSE(got.contains("encryptionSpecs"));
  }
  SECTION("the connection spec's own name for its encryption, and NONE") {
    auto id = id_of(create(e, kSftp,
                           {{"auth", ssh_auth(kSshKey)},
                            {"encryptionSpecs", encryption("File PGP/GPG Encryption", "NONE")}}));
    CHECK(stored(e, id)["encryption"]["params"]["encryptionAlgo"] == "NONE");
  }
  SECTION("without encryptionSpecs a connection shows none") {
    auto id = id_of(create(e, kSftp, {{"auth", ssh_auth(kSshKey)}}));
    CHECK_FALSE(stored(e, id).contains("encryption"));
  }
}

TEST_CASE("emulator: encryptionSpecs that break the connection spec's encryption spec",
          "[emulator][cards]") {
  Emu e;
  const json auth = ssh_auth(kSshKey);
  auto with = [&](const json& enc) {
    return create(e, kSftp, {{"auth", auth}, {"encryptionSpecs", enc}});
  };
  refused(with(encryption("File Encryption")), "encryptionSpecs.specName must be one of");
  refused(with(encryption("Encryption Spec")), "\"File PGP/GPG Encryption\"");
  refused(with(encryption("Encryption spec", "PGP/GPG")),
          "encryptionSpecs.params.encryptionAlgo must be one of [\"PGPGPG\",\"NONE\"]");
  refused(with(encryption("Encryption spec", "PGPGPG", "-----BEGIN PGP PUBLIC KEY BLOCK-----")),
          "encryptionSpecs.params.publicKey is not valid base64");
  refused(with({{"specName", "Encryption spec"}, {"params", {{"encryptionAlgo", "PGPGPG"}}}}),
          "encryptionSpecs.params.publicKey is required");
  refused(with({{"specName", "Encryption spec"}}), "encryptionSpecs.params is required");
  refused(with(json::array({encryption()})), "encryptionSpecs is an object");
  refused(create(e, kSftp, {{"auth", auth}, {"encryption", encryption("File Encryption")}}),
          "a create request sends it as encryptionSpecs");
  CHECK(Emu::body(e.call("GET", "/connections"))["items"].empty());
}

TEST_CASE("emulator: a card without encryptionSpecs refuses encryption", "[emulator][cards]") {
  Emu e;
  struct Case {
    const char* spec;
    json auth;
  };
  for (const auto& c :
       {Case{kDlz, nullptr},
        Case{"4890fc95-5a1f-4983-94bb-e060c08e3f81",  // Amazon S3, legacy
             {{"specName", "Access Key"},
              {"params",
               {{"s3AccessKey", "AKIAIOSFODNN7EXAMPLE"},
                {"s3SecretKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}}}}},
        Case{"0b23e41a-cb4a-4321-a78f-3b654f5d7d97",  // Adobe Campaign
             {{"specName", "S3"}, {"params", {{"accessId", "A"}, {"secretKey", "S"}}}}}}) {
    json extra = {{"encryptionSpecs", encryption()}};
    if (!c.auth.is_null()) extra["auth"] = c.auth;
    refused(create(e, c.spec, extra), "has no encryptionSpecs");
  }
}

TEST_CASE("emulator: SFTP's sshKey is base64, refused without being shown and never shown",
          "[emulator][cards]") {
  Emu e;
  SECTION("not base64") {
    for (const char* key : {"<Add SSH key>", "-----BEGIN OPENSSH PRIVATE KEY-----", "c2hvcnQ",
                            "YWJj=ZGVm", "YW Jj"}) {
      auto r = create(e, kSftp, {{"auth", ssh_auth(key)}});
      INFO(key << ": " << r.body);
      refused(r, "auth.params.sshKey is not valid base64");
      CHECK(r.body.find(key) == std::string::npos);
    }
  }
  SECTION("base64, also wrapped in lines, is taken and masked on GET") {
    const std::string wrapped =
        std::string(kSshKey).substr(0, 76) + "\n" + std::string(kSshKey).substr(76);
    for (const std::string& key : {std::string(kSshKey), wrapped}) {
      auto id = id_of(create(e, kSftp, {{"auth", ssh_auth(key)}}));
      CHECK(stored(e, id)["auth"]["params"]["sshKey"] == "********");
    }
    // Held: a range over a member of a temporary would outlive the temporary.
    const auto listed = Emu::body(e.call("GET", "/connections"));
    for (const auto& c : listed["items"]) {
      CHECK(c["auth"]["params"]["sshKey"] == "********");
    }
  }
  SECTION("a PATCH to a key that is not base64") {
    auto id = id_of(create(e, kSftp, {{"auth", ssh_auth(kSshKey)}}));
    auto etag = stored(e, id)["etag"].get<std::string>();
    auto r = e.call(
        "PATCH", "/connections/" + id,
        json::array({{{"op", "replace"}, {"path", "/auth/params/sshKey"}, {"value", "not a key"}}}),
        {{"if-match", etag}});
    refused(r, "auth.params.sshKey is not valid base64");
    CHECK(r.body.find("not a key") == std::string::npos);
  }
}

TEST_CASE("emulator: the Data Landing Zone takes no auth", "[emulator][cards]") {
  Emu e;
  auto id = id_of(create(e, kDlz, json::object()));
  CHECK_FALSE(stored(e, id).contains("auth"));
  refused(create(e, kDlz, {{"auth", {{"specName", "Access Key"}, {"params", {{"a", "b"}}}}}}),
          "takes no auth");
}
