// Text from the service cannot steer the terminal: a name holding an escape sequence, a bell, a
// newline, a C1 control or a direction override is shown, not obeyed, in tables, human output,
// error lines and logs, while -o json, -o yaml and -o env keep it exact. A stub server sends the
// error bodies the emulator never would.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "process.hpp"
#include "stub_server.hpp"
#include "temp_dir.hpp"

using nlohmann::json;
using test::aepflow;
using test::Emulator;
using test::id_of;

namespace {

// ESC [31m (red), BEL, a newline, CSI as a C1 control (U+009B), and RIGHT-TO-LEFT OVERRIDE.
const std::string kHostile =
    "red\x1b[31m bell\a line\nnext csi\xc2\x9b"
    "2J rlo\xe2\x80\xae"
    "end";
const std::string kShown = "red\\x1b[31m bell\\x07 line\\nnext csi\\u009b2J rlo\\u202eend";

// Whether `text` holds anything a terminal would act on (other than its line ends).
bool has_terminal_controls(const std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\n') || c == 0x7f) return true;
    if (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(text[i + 1]) <= 0x9f)
      return true;
    if (text.compare(i, 3, "\xe2\x80\xae") == 0) return true;
  }
  return false;
}

std::vector<std::string> dev(std::vector<std::string> args) {
  args.insert(args.begin(), {"--sandbox", "dev"});
  return args;
}

}  // namespace

namespace {

// A dataflow named `name` to an SFTP destination (Oracle Eloqua); its base connection is named
// so too.
std::pair<std::string, std::string> make_flow(const Emulator& emu, const std::string& name) {
  const std::string base =
      id_of(aepflow(emu, dev({"connection", "create", "--name", name, "-o", "id"})));
  const std::string source = id_of(aepflow(
      emu, dev({"source", "create", "--name", "S", "--base-connection", base, "-o", "id"})));
  const std::string dest = id_of(
      aepflow(emu,
              dev({"connection", "create", "--name", "D", "--spec", "Oracle Eloqua", "--auth-spec",
                   "SFTP with Password", "--param", "domain=d", "--param", "host=h", "--param",
                   "username=u", "--param", "password=env:PW", "-o", "id"}),
              {{"PW", "sftp-SECRET-terminal"}}));
  const std::string target = id_of(
      aepflow(emu, dev({"target", "create", "--name", "T", "--base-connection", dest, "--spec",
                        "Oracle Eloqua", "--mode", "FTP", "--remote-path", "/x", "-o", "id"})));
  const std::string flow =
      id_of(aepflow(emu, dev({"flow", "create", "--name", name, "--flow-spec", "Oracle Eloqua",
                              "--source", source, "--target", target, "-o", "id"})));
  return {base, flow};
}

}  // namespace

TEST_CASE("a name from the service is shown, not obeyed, in tables and human output",
          "[integration][terminal]") {
  Emulator emu;
  const auto [base, flow] = make_flow(emu, kHostile);
  for (const auto& args :
       {dev({"connection", "list", "-o", "table"}), dev({"flow", "list", "-o", "table"}),
        dev({"flow", "get", flow, "-o", "table"})}) {
    INFO(args[2] << " " << args[3]);
    auto r = aepflow(emu, args);
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK_FALSE(has_terminal_controls(r.out));
    CHECK_THAT(r.out, Catch::Contains(kShown));
  }
  // A message that quotes the name: the dry run of its deletion.
  auto gone = aepflow(emu, dev({"flow", "delete", flow, "--yes", "--dry-run", "-o", "table"}));
  CHECK(gone.code == 0);
  CHECK_FALSE(has_terminal_controls(gone.out + gone.err));
}

TEST_CASE("structured output keeps a hostile name exact, and -o env quotes it for the shell",
          "[integration][terminal]") {
  Emulator emu;
  const std::string flow = make_flow(emu, kHostile).second;
  auto j = aepflow(emu, dev({"flow", "get", flow, "-o", "json"}));
  REQUIRE(j.code == 0);
  CHECK(json::parse(j.out)["name"] == kHostile);

  auto y = aepflow(emu, dev({"flow", "get", flow, "-o", "yaml"}));
  REQUIRE(y.code == 0);
  CHECK_FALSE(has_terminal_controls(y.out));  // YAML escapes them in a double-quoted scalar

  auto e = aepflow(emu, dev({"flow", "get", flow, "-o", "env"}));
  REQUIRE(e.code == 0);
  CHECK_FALSE(has_terminal_controls(e.out));
  CHECK_THAT(e.out, Catch::Contains("FLOW_NAME=$'red\\x1b[31m bell\\x07 line\\nnext"));
  // The shell reads back the very bytes the service holds.
  auto shell =
      test::run_process({"bash", "-c", "eval \"$(cat)\"; printf '%s' \"$FLOW_NAME\""}, {}, e.out);
  CHECK(shell.code == 0);
  CHECK(shell.out == kHostile);
}

TEST_CASE("an error message with escapes stays one shown line, in the error and the log",
          "[integration][terminal]") {
  const std::string body =
      R"({"type":"https://ns.adobe.com/aep/errors/FLOW-1234-400","title":"Bad )"
      R"(\u001b]0;PWNED\u0007title","report":{"detailed-message":"name \u001b[2J\nforged: )"
      R"(line \u009b and \u202e"}})";
  test::StubServer stub([&](const std::string&, const test::StubServer::Send& send) {
    send(test::http_answer(400, body));
  });
  test::TempDir home;
  const auto env = test::stub_env(stub, home.path().string());
  const std::string aepflow = test::bin_dir() + "/aepflow";
  const std::string flow = "d8a68f4a-4b0f-4b4c-9a3c-0a1b2c3d4e5f";

  auto r = test::run_process({aepflow, "flow", "get", flow}, env);
  INFO(r.err);
  CHECK(r.code != 0);
  CHECK_FALSE(has_terminal_controls(r.err));
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);  // one line, as promised
  CHECK_THAT(r.err, Catch::StartsWith("error: ") && Catch::Contains("\\x1b[2J\\nforged:") &&
                        Catch::Contains("\\u009b") && Catch::Contains("\\u202e"));

  auto logged = test::run_process({aepflow, "-vv", "flow", "get", flow}, env);
  CHECK(logged.code == r.code);
  CHECK_FALSE(has_terminal_controls(logged.err));
  CHECK_THAT(logged.err, Catch::Contains("response body: "));
}
