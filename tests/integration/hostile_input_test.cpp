// What a careless or hostile input cannot do, against the emulator: a header that smuggles in
// another header, a prod sandbox in disguise, an audience added twice under two spellings, an
// empty etag or credential, bytes that are not UTF-8, a secret command that prints nothing or
// never ends. Each is refused with exit 2 before anything is sent.
#include <signal.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "process.hpp"

using nlohmann::json;
using test::aepflow;
using test::Emulator;
using test::id_of;

namespace {

constexpr const char* kAudience = "44444444-1111-4111-8111-000000000001";
constexpr const char* kAudienceUpper = "44444444-1111-4111-8111-00000000000A";

std::string write_file(const Emulator& emu, const std::string& name, const std::string& text) {
  const std::string path = emu.home() + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

// A dataflow to an SFTP destination (Oracle Eloqua), made in `sandbox`.
std::string make_flow(const Emulator& emu, const std::string& sandbox = "dev") {
  const std::vector<std::string> in = {"--sandbox", sandbox};
  auto with = [&](std::vector<std::string> args) {
    args.insert(args.begin(), in.begin(), in.end());
    return aepflow(emu, args, {{"PW", "sftp-SECRET-hostile"}});
  };
  const std::string base = id_of(with({"connection", "create", "--name", "Base", "-o", "id"}));
  const std::string source =
      id_of(with({"source", "create", "--name", "S", "--base-connection", base, "-o", "id"}));
  const std::string dest =
      id_of(with({"connection", "create", "--name", "D", "--spec", "Oracle Eloqua", "--auth-spec",
                  "SFTP with Password", "--param", "domain=d", "--param", "host=h", "--param",
                  "username=u", "--param", "password=env:PW", "-o", "id"}));
  const std::string target =
      id_of(with({"target", "create", "--name", "T", "--base-connection", dest, "--spec",
                  "Oracle Eloqua", "--mode", "FTP", "--remote-path", "/x", "-o", "id"}));
  return id_of(with({"flow", "create", "--name", "F", "--flow-spec", "Oracle Eloqua", "--source",
                     source, "--target", target, "-o", "id"}));
}

std::vector<std::string> audience_ids(const Emulator& emu, const std::string& flow) {
  auto got = aepflow(emu, {"--sandbox", "dev", "flow", "get", flow, "-o", "json"});
  REQUIRE(got.code == 0);
  const json doc = json::parse(got.out);
  std::vector<std::string> ids;
  for (const auto& s : doc["transformations"][0]["params"]["segmentSelectors"]["selectors"])
    ids.push_back(s["value"]["id"].get<std::string>());
  return ids;
}

}  // namespace

TEST_CASE("a header value holding CR or LF is refused before anything is sent",
          "[integration][hostile]") {
  Emulator emu;
  struct Case {
    std::vector<std::string> args;
    std::map<std::string, std::string> env;
    std::string named;  // the flag or variable the message names
    std::string shown;  // the value as the message shows it; empty: a secret, not shown
  };
  auto c = GENERATE(
      Case{{"--sandbox", "prod\r\nX-Injected: 1"}, {}, "--sandbox", "prod\\r\\nX-Injected: 1"},
      Case{{"--org-id", "0A1B2C3D4E5F60718293A4B5@AdobeOrg\nX-Injected: 1"},
           {},
           "--org-id",
           "@AdobeOrg\\nX-Injected: 1"},
      Case{{},
           {{"AEP_ORG_ID", "0A1B2C3D4E5F60718293A4B5@AdobeOrg\r\nX: 1"}},
           "AEP_ORG_ID",
           "\\r\\n"},
      Case{{"--api-key", "emulator-api-key\r\nX-Injected: 1"}, {}, "--api-key", ""},
      Case{{"--access-token", "emulator-token\r\nX-Injected: 1"}, {}, "--access-token", ""},
      Case{{},
           {{"AEP_ACCESS_TOKEN", "env:TOKEN"}, {"TOKEN", "emulator-token\nX: 1"}},
           "access token (AEP_ACCESS_TOKEN)",
           ""});
  CAPTURE(c.named);
  std::vector<std::string> args = c.args;
  for (const char* a : {"connection", "create", "--name", "x"})
    args.emplace_back(a);
  auto env = c.env;
  env["AEP_ASSUME_YES"] = "0";  // no --yes, no terminal: prod is refused unless it is hidden
  auto r = aepflow(emu, args, env);
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains(c.named) && Catch::Contains("control character"));
  if (!c.shown.empty()) CHECK_THAT(r.err, Catch::Contains(c.shown));
  CHECK_THAT(r.err, !Catch::Contains("emulator-token") && !Catch::Contains("emulator-api-key"));
  CHECK(r.err.find('\r') == std::string::npos);
  CHECK(emu.count("requests") == 0);
}

TEST_CASE("the prod guard reads the sandbox as the service does: spaces and case do not hide it",
          "[integration][hostile]") {
  Emulator emu;
  auto sandbox = GENERATE(std::string(" prod"), std::string("PROD"), std::string("Prod\t"));
  CAPTURE(sandbox);
  auto r = aepflow(emu, {"--sandbox", sandbox, "connection", "create", "--name", "x"},
                   {{"AEP_ASSUME_YES", "0"}});
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("in sandbox prod without confirmation"));
  CHECK(emu.count("writes") == 0);
  CHECK(aepflow(emu, {"connection", "list", "-o", "id"}).out.empty());
}

TEST_CASE("api -H refuses a header that would add another", "[integration][hostile]") {
  Emulator emu;
  auto r = aepflow(emu, {"api", "GET", "/flows", "-H", "X-Note: a\r\nX-Injected: 1"});
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("--header X-Note") && Catch::Contains("\\r\\n"));
  CHECK(emu.count("requests") == 0);
}

TEST_CASE("an empty credential, by flag or variable, is exit 2 and nothing is sent",
          "[integration][hostile]") {
  Emulator emu;
  struct Case {
    std::vector<std::string> args;
    std::map<std::string, std::string> env;
    std::string named;
  };
  auto c = GENERATE(Case{{"--org-id", ""}, {}, "--org-id is empty"},
                    Case{{"--api-key", ""}, {}, "--api-key is empty"},
                    Case{{"--access-token", ""}, {}, "--access-token is empty"},
                    Case{{"--access-token", "  "}, {}, "--access-token is empty"},
                    Case{{}, {{"AEP_ORG_ID", ""}}, "AEP_ORG_ID is set but empty"},
                    Case{{}, {{"AEP_API_KEY", ""}}, "AEP_API_KEY is set but empty"},
                    Case{{}, {{"AEP_ACCESS_TOKEN", ""}}, "AEP_ACCESS_TOKEN is set but empty"},
                    Case{{}, {{"AEP_SANDBOX", ""}}, "AEP_SANDBOX is set but empty"});
  CAPTURE(c.named);
  std::vector<std::string> args = c.args;
  for (const char* a : {"connection", "create", "--name", "x"})
    args.emplace_back(a);
  auto r = aepflow(emu, args, c.env);
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains(c.named));
  CHECK(emu.count("requests") == 0);
}

TEST_CASE("audience IDs from a file and from flags are one audience however they are spelt",
          "[integration][hostile]") {
  Emulator emu;
  const std::string flow = make_flow(emu);
  const std::string csv = write_file(emu, "a.csv",
                                     "id,name\n"
                                     " 44444444-1111-4111-8111-000000000001 , spaced\n"
                                     "\t44444444-1111-4111-8111-00000000000a\t,tabbed\n");
  auto first = aepflow(emu, {"--sandbox", "dev", "flow", "activate", flow, "--audiences-file", csv,
                             "--start-time", "17:00"});
  INFO(first.err);
  REQUIRE(first.code == 0);
  auto again = aepflow(emu, {"--sandbox", "dev", "flow", "activate", flow, "--audience", kAudience,
                             "--audience", kAudienceUpper, "--start-time", "17:00"});
  INFO(again.err);
  CHECK(again.code == 0);
  CHECK(audience_ids(emu, flow) ==
        std::vector<std::string>{kAudience, "44444444-1111-4111-8111-00000000000a"});
  CHECK(aepflow(emu, {"--sandbox", "dev", "flow", "validate", flow, "--expect-audience",
                      std::string(" ") + kAudienceUpper})
            .code == 0);

  // A malformed ID in a file names the file and the line; nothing is written.
  const long writes = emu.count("writes");
  const std::string bad =
      write_file(emu, "bad.csv", "id\n" + std::string(kAudience) + "\n\"seg 1\"\n");
  auto refused = aepflow(emu, {"--sandbox", "dev", "flow", "activate", flow, "--audiences-file",
                               bad, "--start-time", "17:00"});
  CHECK(refused.code == 2);
  CHECK_THAT(refused.err, Catch::Contains(bad + ": line 3: invalid audience ID 'seg 1'"));
  CHECK(emu.count("writes") == writes);
}

TEST_CASE("an empty, blank or single-quoted etag is refused before anything is sent",
          "[integration][hostile]") {
  Emulator emu;
  const std::string flow = make_flow(emu);
  const long writes = emu.count("writes");
  for (const std::string etag : {"", "   ", "'abc'"}) {
    CAPTURE(etag);
    auto r = aepflow(emu, {"--sandbox", "dev", "flow", "activate", flow, "--audience", kAudience,
                           "--start-time", "17:00", "--etag", etag});
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Catch::Contains(etag == "'abc'" ? "single quotes" : "is empty"));
    CHECK_THAT(r.err, !Catch::Contains("has changed"));
  }
  CHECK(emu.count("writes") == writes);
  CHECK(audience_ids(emu, flow).empty());
}

TEST_CASE("bytes that are not UTF-8 are exit 2 naming the flag or the file and line",
          "[integration][hostile]") {
  Emulator emu;
  const std::string latin1 = "Caf\xe9";
  auto name = aepflow(emu, {"connection", "create", "--name", latin1});
  CHECK(name.code == 2);
  CHECK_THAT(name.err, Catch::Contains("--name") && Catch::Contains("not valid UTF-8"));
  CHECK_THAT(name.err, !Catch::Contains("internal error"));

  const std::string host = write_file(emu, "host.txt", latin1 + ".example.com\n");
  auto param = aepflow(emu, {"connection", "create", "--name", "D", "--spec", "Oracle Eloqua",
                             "--auth-spec", "SFTP with Password", "--param", "domain=d", "--param",
                             "host=@" + host, "--param", "username=u", "--param", "password=p"});
  CHECK(param.code == 2);
  CHECK_THAT(param.err, Catch::Contains("--param host") && Catch::Contains("not valid UTF-8"));

  const std::string csv =
      write_file(emu, "latin1.csv", "id,name\n" + std::string(kAudience) + "," + latin1 + "\n");
  auto file = aepflow(
      emu, {"flow", "activate", "00000000-0000-4000-8000-000000000000", "--audiences-file", csv});
  CHECK(file.code == 2);
  CHECK_THAT(file.err, Catch::Contains(csv + ": line 2: not valid UTF-8 (byte 0xe9 at column 41)"));

  const std::string yaml = write_file(emu, "latin1.yaml", "pipelines:\n  - name: " + latin1 + "\n");
  auto plan = aepflow(emu, {"plan", "-f", yaml});
  CHECK(plan.code == 2);
  CHECK_THAT(plan.err, Catch::Contains(yaml + ": line 2: not valid UTF-8"));
  CHECK(emu.count("writes") == 0);
}

TEST_CASE("a secret reference that yields nothing is exit 2 naming the reference",
          "[integration][hostile]") {
  struct Case {
    std::string reference;
    std::map<std::string, std::string> env;
    std::string message;
  };
  auto c = GENERATE(
      Case{"cmd:true",
           {},
           "access token (AEP_ACCESS_TOKEN): the cmd: reference's command printed nothing"},
      Case{"env:EMPTY", {{"EMPTY", ""}}, "environment variable EMPTY is empty"},
      Case{"file:", {}, "empty-token is empty"});
  Emulator emu;
  CAPTURE(c.reference);
  auto env = c.env;
  env["AEP_ACCESS_TOKEN"] = c.reference;
  if (c.reference == "file:") env["AEP_ACCESS_TOKEN"] += write_file(emu, "empty-token", "\n");
  auto r = aepflow(emu, {"connection", "list"}, env);
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains(c.message));
  CHECK(emu.count("requests") == 0);
}

TEST_CASE("a secret command that runs too long is stopped, with what it started",
          "[integration][hostile]") {
  Emulator emu;
  const std::string pid_file = emu.home() + "/sleeper.pid";
  const auto started = std::chrono::steady_clock::now();
  auto r = aepflow(emu, {"--secret-command-timeout", "1", "connection", "list"},
                   {{"AEP_ACCESS_TOKEN", "cmd:sleep 100 & echo $! > " + pid_file + "; wait"}});
  const auto took = std::chrono::steady_clock::now() - started;
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("did not finish within 1 s and was stopped") &&
                        Catch::Contains("--secret-command-timeout"));
  CHECK(took < std::chrono::seconds(20));
  CHECK(emu.count("requests") == 0);
  // The shell's child is gone too: the whole process group was stopped.
  std::ifstream in(pid_file);
  int pid = 0;
  REQUIRE(in >> pid);
  bool gone = false;
  for (int i = 0; i < 50 && !gone; ++i) {
    gone = ::kill(pid, 0) != 0 && errno == ESRCH;
    if (!gone) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  CHECK(gone);

  auto bad = aepflow(emu, {"connection", "list"},
                     {{"AEP_ACCESS_TOKEN", "cmd:echo t"}, {"AEP_SECRET_COMMAND_TIMEOUT", "soon"}});
  CHECK(bad.code == 2);
  CHECK_THAT(bad.err, Catch::Contains("AEP_SECRET_COMMAND_TIMEOUT must be a number of seconds"));
}

TEST_CASE("plan fails on a reference apply would fail on, with the same message",
          "[integration][hostile]") {
  Emulator emu;
  const std::string file = test::source_dir() + "/examples/pipelines/adobe-campaign-s3.yaml";
  // S3_ACCESS_ID is not set; S3_SECRET_KEY is.
  const std::map<std::string, std::string> env = {{"S3_SECRET_KEY", "s3-SECRET-hostile-01"}};
  auto plan = aepflow(emu, {"plan", "-f", file}, env);
  auto apply = aepflow(emu, {"apply", "-f", file, "--yes"}, env);
  CHECK(plan.code == 2);
  CHECK(apply.code == plan.code);
  CHECK_THAT(plan.err, Catch::Contains("environment variable S3_ACCESS_ID is not set") &&
                           Catch::Contains("adobe-campaign-s3.yaml:"));
  CHECK(apply.err == plan.err);
  CHECK(emu.count("writes") == 0);
}

TEST_CASE("a param outside the spec's range is refused locally", "[integration][hostile]") {
  Emulator emu;
  auto r = aepflow(emu,
                   {"connection", "create", "--name", "D", "--spec", "Oracle Eloqua", "--auth-spec",
                    "SFTP with Password", "--param", "domain=d", "--param", "host=h", "--param",
                    "username=u", "--param", "password=env:PW", "--param", "port=70000"},
                   {{"PW", "sftp-SECRET-hostile"}});
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Catch::Contains("port must be at most 65535, got 70000"));
  CHECK(emu.count("writes") == 0);
}
