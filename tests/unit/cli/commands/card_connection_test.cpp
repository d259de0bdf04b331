// connection create on a current cloud-storage card: the auth kinds, the SSH key file encoded for
// the user, file encryption in its create shape, and what is refused before anything is sent.
#include <catch2/catch.hpp>

#include "aepflow/base/base64.hpp"
#include "cli_harness.hpp"
#include "command_helpers.hpp"
#include "seed_specs.hpp"
#include "temp_dir.hpp"

using namespace aepflow;
using namespace test::commands;
using nlohmann::json;
using test::run_cli;
using test::with_credentials;

namespace {

const std::string s3 = "4fce964d-3f37-408f-9778-e597338a21ee";
const std::string sftp = "36965a81-b1c6-401b-99f8-22508f1e6a26";
const std::string dlz = "10440537-2a7b-4583-ac39-ed38d4b848e8";

std::shared_ptr<test::FakeTransport> card(const std::string& id, bool creates = true) {
  return test::spec_fake(id, "/connections", creates, "c");
}

std::vector<std::string> create(const std::string& spec, std::vector<std::string> more) {
  std::vector<std::string> args{"connection", "create", "--name", "N", "--spec", spec};
  args.insert(args.end(), more.begin(), more.end());
  return with_credentials(args);
}

using test::posts;

const std::string rsa_pem =
    "-----BEGIN RSA PRIVATE KEY-----\nTUlJRW93SUJBQUtDQVFFQTBaM1ZTMnRGTnBPRFN0\n"
    "-----END RSA PRIVATE KEY-----\n";

}  // namespace

TEST_CASE("S3 Access Key: the params are checked against their patterns", "[commands][cards]") {
  auto f = card(s3);
  auto r = run_cli(create("Amazon S3", {"--auth-spec", "Access Key", "--param", "s3AccessKey=env:K",
                                        "--param", "s3SecretKey=env:S"}),
                   f, {{"K", "AKIAIOSFODNN7EXAMPLE"}, {"S", std::string(40, 'a')}});
  CHECK(r.code == 0);
  CHECK(body_of(f->sent.back())["auth"] ==
        json{{"specName", "Access Key"},
             {"params",
              {{"s3AccessKey", "AKIAIOSFODNN7EXAMPLE"}, {"s3SecretKey", std::string(40, 'a')}}}});

  auto bad = card(s3, false);
  auto r2 = run_cli(create("s3", {"--auth-spec", "Access Key", "--param", "s3AccessKey=env:K",
                                  "--param", "s3SecretKey=env:S"}),
                    bad, {{"K", "not-an-access-key"}, {"S", "tooshort-secret"}});
  CHECK(r2.code == 2);
  CHECK_THAT(r2.err, Catch::Contains("s3AccessKey does not have the expected form"));
  CHECK_THAT(r2.err, !Catch::Contains("tooshort-secret"));
  CHECK(posts(*bad) == 0);
}

TEST_CASE("S3 Assumed Role: the output says which AWS account the role must trust",
          "[commands][cards]") {
  auto f = card(s3);
  auto r = run_cli(
      create("s3", {"--auth-spec", "Assumed Role", "--param", "s3Role=env:ROLE", "-o", "table"}), f,
      {{"ROLE", "arn:aws:iam::123456789012:role/aep-exports"}});
  CHECK(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("AWS account 670664943635"));
  CHECK_THAT(r.out, Catch::Contains("sts:AssumeRole"));
  CHECK(body_of(f->sent.back())["auth"]["specName"] == "Assumed Role");

  auto quiet = card(s3);
  auto id = run_cli(
      create("s3", {"--auth-spec", "Assumed Role", "--param", "s3Role=env:ROLE", "-o", "id"}),
      quiet, {{"ROLE", "arn:aws:iam::123456789012:role/aep-exports"}});
  CHECK(id.out == "c\n");  // a script gets the ID alone

  auto wrong = card(s3, false);
  auto r2 = run_cli(create("s3", {"--auth-spec", "Assumed Role", "--param", "s3Role=env:ROLE"}),
                    wrong, {{"ROLE", "arn:aws:iam::1234:user/me"}});
  CHECK(r2.code == 2);
  CHECK(posts(*wrong) == 0);
}

TEST_CASE("the wrong auth kind for the card, or none, is refused naming the card's kinds",
          "[commands][cards]") {
  auto f = card(s3, false);
  auto r =
      run_cli(create("s3", {"--auth-spec", "S3", "--param", "accessId=env:K"}), f, {{"K", "x"}});
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("Access Key, Assumed Role"));
  auto none = card(s3, false);
  auto r2 = run_cli(create("s3", {}), none);
  CHECK(r2.code == 2);
  CHECK_THAT(r2.err,
             Catch::Contains("Amazon S3 needs --auth-spec: \"Access Key\" or \"Assumed Role\""));
  CHECK(posts(*f) + posts(*none) == 0);
}

TEST_CASE("Data Landing Zone takes no auth: a name is all its base connection has",
          "[commands][cards]") {
  auto f = card(dlz);
  auto r = run_cli(create("dlz", {"-o", "id"}), f);
  CHECK(r.code == 0);
  CHECK(body_of(f->sent.back()) ==
        json{{"name", "N"}, {"connectionSpec", {{"id", dlz}, {"version", "1.0"}}}});
  auto with_auth = card(dlz, false);
  auto r2 = run_cli(create("dlz", {"--auth-spec", "Access Key"}), with_auth);
  CHECK(r2.code == 2);
  CHECK_THAT(r2.err, Catch::Contains("it takes no auth"));
  CHECK(posts(*with_auth) == 0);
}

TEST_CASE("an SSH key file given as @~/... is base64-encoded, and never shown",
          "[commands][cards][secrets]") {
  auto f = card(sftp);
  auto args =
      create("sftp", {"--auth-spec", "SFTP with SSH Key", "--param", "domain=sftp.example.com",
                      "--param", "username=u", "--param", "sshKey=@~/.ssh/id_rsa"});
  args.insert(args.begin(), "-vv");  // the request log, which must not show the key either
  const test::TempDir home;          // HOME also places the spec cache: a fresh one, removed after
  auto r = run_cli(args, f, {{"HOME", home.str()}}, {{home.str() + "/.ssh/id_rsa", rsa_pem}});
  CHECK(r.code == 0);
  const json params = body_of(f->sent.back())["auth"]["params"];
  CHECK(base64_decode(params["sshKey"].get<std::string>()) == rsa_pem);
  CHECK_THAT(r.out + r.err, !Catch::Contains(params["sshKey"].get<std::string>()));
  CHECK_THAT(r.out + r.err, !Catch::Contains("TUlJRW93"));
}

TEST_CASE("an encrypted SSH key is refused with nothing created", "[commands][cards]") {
  auto f = card(sftp, false);
  const std::string encrypted =
      "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,AB\n\n"
      "ZW5jcnlwdGVkLWJvZHk=\n-----END RSA PRIVATE KEY-----\n";
  auto r = run_cli(
      create("sftp", {"--auth-spec", "SFTP with SSH Key", "--param", "domain=sftp.example.com",
                      "--param", "username=u", "--param", "sshKey=@/k"}),
      f, {}, {{"/k", encrypted}});
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("passphrase"));
  CHECK_THAT(r.err, !Catch::Contains("ZW5jcnlwdGVk"));
  CHECK(posts(*f) == 0);
}

TEST_CASE("encryption: --encryption-key sends the create shape with the key base64-encoded",
          "[commands][cards]") {
  const std::string key =
      "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBGR0ZXN0\n-----END PGP PUBLIC KEY BLOCK-----\n";
  auto f = card(s3);
  auto r = run_cli(create("s3", {"--auth-spec", "Assumed Role", "--param", "s3Role=env:ROLE",
                                 "--encryption-key", "@public.asc"}),
                   f, {{"ROLE", "arn:aws:iam::123456789012:role/r"}}, {{"public.asc", key}});
  CHECK(r.code == 0);
  const json enc = body_of(f->sent.back())["encryptionSpecs"];
  CHECK(enc["specName"] == "Encryption spec");
  CHECK(enc["params"]["encryptionAlgo"] == "PGPGPG");
  CHECK(base64_decode(enc["params"]["publicKey"].get<std::string>()) == key);
}

TEST_CASE("encryption: --encryption-key is refused where it cannot go, and for a private key",
          "[commands][cards]") {
  auto legacy = card("0b23e41a-cb4a-4321-a78f-3b654f5d7d97", false);
  const std::string pub = base64_encode(
      "-----BEGIN PGP PUBLIC KEY BLOCK-----\nmQ\n-----END PGP PUBLIC KEY BLOCK-----\n");
  auto r =
      run_cli(create("Adobe Campaign", {"--auth-spec", "S3", "--param", "accessId=env:K", "--param",
                                        "secretKey=env:K", "--encryption-key", "env:PUB"}),
              legacy, {{"K", "x"}, {"PUB", pub}});
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("does not encrypt exported files"));
  CHECK(posts(*legacy) == 0);

  auto f = card(dlz, false);
  auto r2 = run_cli(create("dlz", {"--encryption-key", "@secret.asc"}), f, {},
                    {{"secret.asc",
                      "-----BEGIN PGP PRIVATE KEY BLOCK-----\nlQdGBGR0\n-----END PGP PRIVATE KEY "
                      "BLOCK-----\n"}});
  CHECK(r2.code == 2);
  CHECK_THAT(r2.err, Catch::Contains("is a private key"));
  CHECK_THAT(r2.err, !Catch::Contains("lQdGBGR0"));
  CHECK(posts(*f) == 0);

  auto profile = fake();
  auto r3 = run_cli(
      with_credentials({"connection", "create", "--name", "N", "--encryption-key", "@k.asc"}),
      profile);
  CHECK(r3.code == 2);
  CHECK(profile->sent.empty());
}
