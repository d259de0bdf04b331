#pragma once
// Runs a program with arguments and extra environment, capturing stdout, stderr and the exit code;
// and keeps a background process (the emulator) alive for the length of a test.

#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace test {

struct Exit {
  int code = -1;
  std::string out;
  std::string err;
  long max_rss_kb = 0;  // the process's peak resident memory
};

// The ID a successful `-o id` printed: a UUID and a newline.
inline std::string id_of(const Exit& r) {
  INFO(r.err);
  REQUIRE(r.code == 0);
  REQUIRE(r.out.size() == 37);
  return r.out.substr(0, 36);
}

// Runs to completion. `env` is added to (and overrides) the test process's environment. With
// `interrupt_after_ms` >= 0, the process gets SIGINT (Ctrl-C) that long after it starts.
Exit run_process(const std::vector<std::string>& argv,
                 const std::map<std::string, std::string>& env = {},
                 const std::string& stdin_text = "", int interrupt_after_ms = -1);

// The emulator on a free port of 127.0.0.1, stopped when this goes out of scope.
class Emulator {
 public:
  // `program`: the emulator to start; empty, the one built beside aepflow.
  explicit Emulator(std::vector<std::string> extra_args = {}, std::string program = "");
  ~Emulator();
  Emulator(const Emulator&) = delete;
  Emulator& operator=(const Emulator&) = delete;

  // The emulator's root: its admin API (/__emulator/...) and IMS (/ims/token/v3).
  const std::string& url() const { return url_; }
  // Flow Service's base URL on it, the only place the service is served.
  std::string flow_service_url() const { return url_ + "/data/foundation/flowservice"; }
  // The AEP_* variables that point aepflow at this emulator, PATH with the binaries first, and a
  // HOME (config and cache) of this emulator's own.
  std::map<std::string, std::string> env(const std::string& sandbox = "prod") const;
  // Requests the emulator has counted: {"requests", "reads", "writes"}.
  long count(const std::string& what) const;
  // A call to the emulator's admin API: POST /__emulator/faults with a JSON body, DELETE it...
  void admin(const std::string& method, const std::string& path,
             const std::string& body = "") const;
  // An object as the emulator stores it, secrets unmasked (GET /__emulator/stored/...).
  nlohmann::json stored(const std::string& sandbox, const std::string& collection,
                        const std::string& id) const;
  const std::string& home() const { return home_; }

 private:
  std::vector<std::string> curl_args(std::vector<std::string> args) const;

  int pid_ = -1;
  std::string url_;
  std::string home_;  // a fresh HOME with its own config and cache folders
  std::string ca_;    // the certificate an HTTPS emulator serves, for curl to trust
};

// A self-signed certificate for 127.0.0.1 and its key, made with openssl in `dir`: {cert, key}.
std::pair<std::string, std::string> make_certificate(const std::string& dir);

// The emulator's environment with its OAuth client's ID and secret instead of a token.
std::map<std::string, std::string> client_env(const Emulator& emu);

// Runs the aepflow binary with the emulator's environment.
Exit aepflow(const Emulator& emu, const std::vector<std::string>& args,
             std::map<std::string, std::string> extra_env = {});

// How many times each name is used across connections, sources, targets and flows (listed with
// aepflow itself); throws when a list fails.
std::map<std::string, int> resource_names(const Emulator& emu);

// A soak's length from the environment variable `name` (at least 1), or `fallback`.
int runs_from_env(const char* name, int fallback);
// The emulator's arguments for a soak: 20% faults of every kind, seeded by AEPFLOW_SOAK_SEED or
// else `seed`, runs started at once.
std::vector<std::string> soak_emulator_args(const std::string& seed);

std::string bin_dir();
std::string source_dir();

}  // namespace test
