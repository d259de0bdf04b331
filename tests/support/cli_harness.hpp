#pragma once
// Runs the CLI in-process: argv in, stdout/stderr/exit code out, over a FakeTransport, with a
// fixed clock (2026-11-28 12:00 UTC), a given environment and given files.

#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "fake_transport.hpp"
#include "map_io.hpp"

namespace test {

struct CliRun {
  int code = -1;
  std::string out;
  std::string err;
};

// The credentials every command test passes, so none come from the real environment. The token
// is a reference to a variable run_cli always sets; --yes because the sandbox is prod.
inline std::vector<std::string> with_credentials(std::vector<std::string> args) {
  std::vector<std::string> full = {
      "--base-url",     "https://flow.example.test/data/foundation/flowservice",
      "--access-token", "env:AEP_TEST_TOKEN",
      "--api-key",      "test-api-key-123456",
      "--org-id",       "TESTORG@AdobeOrg",
      "--yes"};
  full.insert(full.end(), args.begin(), args.end());
  return full;
}

inline CliRun run_cli(
    const std::vector<std::string>& args, std::shared_ptr<FakeTransport> fake,
    std::map<std::string, std::string> env = {}, std::map<std::string, std::string> files = {},
    std::function<std::optional<std::string>(std::string_view, bool)> prompt = nullptr,
    std::function<void(aepflow::cli::Io&)> adjust = nullptr,
    const aepflow::cli::Registrar& commands = nullptr) {
  env.emplace("AEP_TEST_TOKEN", "test-token-SECRET");
  MapIo fake_io;
  fake_io.vars = std::move(env);
  fake_io.files = std::move(files);
  aepflow::cli::Io& io = fake_io.io;
  io.now = [] {
    return std::chrono::system_clock::time_point(
        std::chrono::seconds(1795867200));  // 2026-11-28T12:00Z
  };
  io.prompt = std::move(prompt);
  io.run_command = [](const std::string& command,
                      std::chrono::milliseconds) -> aepflow::Result<std::string> {
    if (command == "print-secret") return std::string("secret-from-command\n");
    if (command == "print-nothing") return std::string("\n");
    return aepflow::usage("command failed (exit status 127)");
  };
  io.sleep = [](std::chrono::milliseconds) { return true; };  // retries and polls do not wait
  if (adjust) adjust(io);
  CliRun r;
  r.code = aepflow::cli::run(
      args, io, [fake](const aepflow::CurlOptions&) { return fake; }, commands);
  r.out = fake_io.out.str();
  r.err = fake_io.err.str();
  return r;
}

// argv -> options for one command, with nothing sent: `add` registers it below `noun` (empty: at
// the top) with a run function that keeps what was parsed. `parsed` is unset when the command did
// not run (a parse error: see the exit code and stderr).
template <class Options>
struct Parsed {
  CliRun run;
  std::optional<Options> options;
};

template <class Options, class Add>
Parsed<Options> parse_command(const std::string& noun, const std::vector<std::string>& args,
                              Add add) {
  Parsed<Options> p;
  auto nothing_sent = std::make_shared<FakeTransport>();  // any request fails the test
  p.run = run_cli(args, nothing_sent, {}, {}, nullptr, nullptr,
                  [&](aepflow::cli::Group& top, aepflow::cli::Context& ctx) {
                    auto keep = [&p](const Options& o) -> aepflow::Result<void> {
                      p.options = o;
                      return {};
                    };
                    if (noun.empty()) {
                      add(top, ctx, keep);
                    } else {
                      auto group = top.group(noun, "");
                      add(group, ctx, keep);
                    }
                  });
  return p;
}

}  // namespace test
