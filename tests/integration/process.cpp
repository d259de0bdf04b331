#include "process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace test {

std::string bin_dir() {
  return AEPFLOW_BIN_DIR;
}
std::string source_dir() {
  return AEPFLOW_SOURCE_DIR;
}

namespace {

std::vector<std::string> merged_env(const std::map<std::string, std::string>& extra) {
  std::map<std::string, std::string> all;
  for (char** e = environ; *e; ++e) {
    std::string kv = *e;
    auto eq = kv.find('=');
    if (eq != std::string::npos) all[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  // Nothing of the developer's own Adobe setup may leak into a test.
  for (auto it = all.begin(); it != all.end();) {
    it = it->first.starts_with("AEP_") ? all.erase(it) : std::next(it);
  }
  for (const auto& [k, v] : extra)
    all[k] = v;
  std::vector<std::string> out;
  for (const auto& [k, v] : all)
    out.push_back(k + "=" + v);
  return out;
}

std::vector<char*> c_strings(std::vector<std::string>& v) {
  std::vector<char*> out;
  for (auto& s : v)
    out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

int spawn(std::vector<std::string> argv, const std::map<std::string, std::string>& env, int in_fd,
          int out_fd, int err_fd) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (in_fd >= 0) posix_spawn_file_actions_adddup2(&actions, in_fd, 0);
  posix_spawn_file_actions_adddup2(&actions, out_fd, 1);
  posix_spawn_file_actions_adddup2(&actions, err_fd, 2);
  auto envs = merged_env(env);
  auto cargv = c_strings(argv);
  auto cenv = c_strings(envs);
  pid_t pid = -1;
  int rc = posix_spawnp(&pid, cargv[0], &actions, nullptr, cargv.data(), cenv.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start " + argv[0] + ": " + std::strerror(rc));
  return pid;
}

}  // namespace

Exit run_process(const std::vector<std::string>& argv,
                 const std::map<std::string, std::string>& env, const std::string& stdin_text,
                 int interrupt_after_ms) {
  const auto started = std::chrono::steady_clock::now();
  int out[2], err[2], in[2];
  if (pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0 || pipe2(in, O_CLOEXEC) != 0) {
    throw std::runtime_error("pipe failed");
  }
  int pid = spawn(argv, env, in[0], out[1], err[1]);
  close(out[1]);
  close(err[1]);
  close(in[0]);
  if (!stdin_text.empty()) {
    [[maybe_unused]] auto n = write(in[1], stdin_text.data(), stdin_text.size());
  }
  close(in[1]);
  Exit result;
  pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
  int open_fds = 2;
  char buf[65536];
  while (open_fds > 0) {
    int wait_ms = -1;
    if (interrupt_after_ms >= 0) {
      auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::steady_clock::now() - started)
                         .count();
      if (elapsed >= interrupt_after_ms) {
        kill(pid, SIGINT);
        interrupt_after_ms = -1;
      } else {
        wait_ms = static_cast<int>(interrupt_after_ms - elapsed);
      }
    }
    if (poll(fds, 2, wait_ms) < 0 && errno != EINTR) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = read(fds[i].fd, buf, sizeof buf);
      if (n > 0) {
        (i == 0 ? result.out : result.err).append(buf, static_cast<std::size_t>(n));
      } else {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  int status = 0;
  struct rusage usage {};
  wait4(pid, &status, 0, &usage);
  result.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.max_rss_kb = usage.ru_maxrss;
  return result;
}

Emulator::Emulator(std::vector<std::string> extra_args, std::string program) {
  std::string tmpl = (std::filesystem::temp_directory_path() / "aepflow-test-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  home_ = tmpl;
  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  int devnull = open("/dev/null", O_WRONLY | O_CLOEXEC);
  if (program.empty()) program = bin_dir() + "/aepflow-emulator";
  std::vector<std::string> argv = {program, "--port", "0"};
  argv.insert(argv.end(), extra_args.begin(), extra_args.end());
  pid_ = spawn(argv, {}, -1, out[1], devnull);
  close(out[1]);
  close(devnull);
  // The first line of stdout is the base URL, written once the port is bound.
  std::string line;
  char c;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  pollfd fd{out[0], POLLIN, 0};
  while (std::chrono::steady_clock::now() < deadline) {
    if (poll(&fd, 1, 100) <= 0) continue;
    if (read(out[0], &c, 1) != 1) break;
    if (c == '\n') break;
    line.push_back(c);
  }
  close(out[0]);
  if (!line.starts_with("http://127.0.0.1:") && !line.starts_with("https://127.0.0.1:")) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    throw std::runtime_error("the emulator did not start (got '" + line + "')");
  }
  url_ = line;
  for (std::size_t i = 0; i + 1 < extra_args.size(); ++i) {
    if (extra_args[i] == "--tls-cert") ca_ = extra_args[i + 1];
  }
}

Emulator::~Emulator() {
  std::error_code ec;
  std::filesystem::remove_all(home_, ec);
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    int status = 0;
    for (int i = 0; i < 100; ++i) {
      if (waitpid(pid_, &status, WNOHANG) == pid_) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    kill(pid_, SIGKILL);
    waitpid(pid_, &status, 0);
  }
}

std::map<std::string, std::string> Emulator::env(const std::string& sandbox) const {
  return {
      {"AEP_BASE_URL", flow_service_url()},
      {"AEP_ACCESS_TOKEN", "emulator-token"},
      {"AEP_API_KEY", "emulator-api-key"},
      {"AEP_ORG_ID", "0A1B2C3D4E5F60718293A4B5@AdobeOrg"},
      {"AEP_SANDBOX", sandbox},
      {"AEP_ASSUME_YES", "1"},  // the emulator's prod holds nothing real
      {"HOME", home_},
      {"XDG_CONFIG_HOME", home_ + "/config"},
      {"XDG_CACHE_HOME", home_ + "/cache"},
      {"PATH", bin_dir() + ":" + (std::getenv("PATH") ? std::getenv("PATH") : "/usr/bin:/bin")}};
}

std::map<std::string, std::string> client_env(const Emulator& emu) {
  auto env = emu.env();
  env.erase("AEP_ACCESS_TOKEN");
  env.erase("AEP_API_KEY");  // the client ID is the API key
  env["AEP_IMS_URL"] = emu.url();
  env["AEP_CLIENT_ID"] = "emulator-client";
  env["AEP_CLIENT_SECRET"] = "env:TEST_CLIENT_SECRET";
  env["TEST_CLIENT_SECRET"] = "emulator-client-secret";
  return env;
}

std::vector<std::string> Emulator::curl_args(std::vector<std::string> args) const {
  std::vector<std::string> argv{"curl", "-sf"};
  if (!ca_.empty()) argv.insert(argv.end(), {"--cacert", ca_});
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

std::pair<std::string, std::string> make_certificate(const std::string& dir) {
  const std::string cert = dir + "/emulator.crt", key = dir + "/emulator.key";
  auto r =
      run_process({"openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                   "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                   "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", cert});
  if (r.code != 0) throw std::runtime_error("openssl could not make a certificate: " + r.err);
  return {cert, key};
}

long Emulator::count(const std::string& what) const {
  auto r = run_process(curl_args({url_ + "/__emulator/stats"}));
  if (r.code != 0) throw std::runtime_error("cannot read the emulator's stats");
  return nlohmann::json::parse(r.out).at(what).get<long>();
}

void Emulator::admin(const std::string& method, const std::string& path,
                     const std::string& body) const {
  std::vector<std::string> argv = curl_args({"-X", method, url_ + path});
  if (!body.empty()) {
    argv.insert(argv.end(), {"-H", "Content-Type: application/json", "-d", body});
  }
  auto r = run_process(argv);
  if (r.code != 0) throw std::runtime_error(method + " " + path + " failed: " + r.err);
}

nlohmann::json Emulator::stored(const std::string& sandbox, const std::string& collection,
                                const std::string& id) const {
  auto r = run_process(
      curl_args({url_ + "/__emulator/stored/" + sandbox + "/" + collection + "/" + id}));
  if (r.code != 0) throw std::runtime_error("nothing stored at " + collection + "/" + id);
  return nlohmann::json::parse(r.out);
}

std::map<std::string, int> resource_names(const Emulator& emu) {
  std::map<std::string, int> out;
  for (const char* noun : {"connection", "source", "target", "flow"}) {
    auto all = aepflow(emu, {noun, "list", "--all", "-o", "json"});
    if (all.code != 0) throw std::runtime_error(std::string(noun) + " list failed: " + all.err);
    for (const auto& item : nlohmann::json::parse(all.out))
      ++out[item["name"].get<std::string>()];
  }
  return out;
}

int runs_from_env(const char* name, int fallback) {
  const char* n = std::getenv(name);
  return n ? std::max(1, std::atoi(n)) : fallback;
}

std::vector<std::string> soak_emulator_args(const std::string& seed) {
  const char* given = std::getenv("AEPFLOW_SOAK_SEED");
  return {"--chaos",        "0.2", "--chaos-retry-after", "1", "--seed", given ? given : seed,
          "--run-interval", "0"};
}

Exit aepflow(const Emulator& emu, const std::vector<std::string>& args,
             std::map<std::string, std::string> extra_env) {
  std::vector<std::string> argv = {bin_dir() + "/aepflow"};
  argv.insert(argv.end(), args.begin(), args.end());
  auto env = emu.env();
  for (auto& [k, v] : extra_env)
    env[k] = v;
  return run_process(argv, env);
}

}  // namespace test
