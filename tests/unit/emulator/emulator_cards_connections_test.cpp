// The current cloud-storage cards' base connections: SFTP's base64 sshKey
// (activate-segments-file-based-destinations.md prints its auth spec with contentEncoding base64).
#include <catch2/catch.hpp>

#include "cards_helpers.hpp"

using cards_test::Emu;
using cards_test::id_of;
using cards_test::kSftp;
using cards_test::message_of;
using cards_test::ref;
using nlohmann::json;

namespace {

// base64 of an OpenSSH private key (shortened).
constexpr const char* kSshKey =
    "LS0tLS1CRUdJTiBPUEVOU1NIIFBSSVZBVEUgS0VZLS0tLS0KZXhhbXBsZQotLS0tLUVORCBPUEVOU1NIIFBSSVZBVEUg"
    "S0VZLS0tLS0K";

json ssh_auth(const std::string& key) {
  return {{"specName", "SFTP with SSH Key"},
          {"params", {{"domain", "sftp.example.com"}, {"username", "u"}, {"sshKey", key}}}};
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
    for (const auto& c : Emu::body(e.call("GET", "/connections"))["items"]) {
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
