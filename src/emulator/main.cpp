// aepflow-emulator: a local Flow Service for the tutorial, the tests and the benchmarks.
// Prints its base URL on the first line of stdout once it accepts connections.
#include <httplib.h>
#include <signal.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <thread>

#include "service.hpp"

namespace {

constexpr const char* kPrefix = "/data/foundation/flowservice";

emulator::Request to_request(const httplib::Request& h) {
  emulator::Request r;
  r.method = h.method;
  r.path = h.path;
  if (r.path.starts_with(kPrefix)) r.path.erase(0, std::strlen(kPrefix));
  for (const auto& [k, v] : h.params)
    r.query.emplace(k, v);
  for (const auto& [k, v] : h.headers) {
    std::string name = k;
    for (auto& c : name)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    r.headers[name] = v;
  }
  r.body = h.body;
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "aepflow-emulator: a local emulator of Adobe Experience Platform's Flow Service API"};
  std::string host = "127.0.0.1";
  int port = 8080;
  std::vector<std::string> tokens{"emulator-token"}, keys{"emulator-api-key"},
      sandboxes{"prod", "dev"};
  int patch_status = 200;
  bool log = false;
  std::vector<std::string> clients{"emulator-client:emulator-client-secret"};
  std::string clients_file;
  long token_ttl = 86400;
  app.add_option("--host", host, "address to bind")->capture_default_str();
  app.add_option("--port", port, "port; 0 picks a free one")->capture_default_str();
  app.add_option("--access-token", tokens, "bearer token to accept (repeatable)")
      ->capture_default_str();
  app.add_option("--api-key", keys, "x-api-key to accept (repeatable)")->capture_default_str();
  app.add_option("--sandbox", sandboxes, "sandbox that exists (repeatable)")->capture_default_str();
  app.add_option("--patch-status", patch_status,
                 "status of a successful PATCH /flows/{id}: 200 with {id, etag} (API reference) or "
                 "202 with no body (the tutorial)")
      ->check(CLI::IsMember({200, 202}))
      ->capture_default_str();
  app.add_option("--client", clients,
                 "OAuth client CLIENT_ID:SECRET the IMS endpoint issues tokens to (repeatable)")
      ->capture_default_str();
  app.add_option("--clients-file", clients_file,
                 "file with one CLIENT_ID:SECRET per line, added to --client");
  app.add_option("--token-ttl", token_ttl, "lifetime of issued access tokens, in seconds")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_flag("--log", log, "log each request to stderr");
  CLI11_PARSE(app, argc, argv);

  emulator::Options options;
  options.access_tokens = {tokens.begin(), tokens.end()};
  options.api_keys = {keys.begin(), keys.end()};
  options.sandboxes = {sandboxes.begin(), sandboxes.end()};
  options.patch_status = patch_status;
  options.token_ttl = std::chrono::seconds(token_ttl);
  if (!clients_file.empty()) {
    std::ifstream in(clients_file);
    if (!in) {
      std::cerr << "aepflow-emulator: cannot read " << clients_file << '\n';
      return 2;
    }
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line[0] != '#') clients.push_back(line);
    }
  }
  options.clients.clear();
  for (const auto& c : clients) {
    auto colon = c.find(':');
    if (colon == std::string::npos || colon == 0) {
      std::cerr << "aepflow-emulator: --client expects CLIENT_ID:SECRET\n";
      return 2;
    }
    options.clients[c.substr(0, colon)] = c.substr(colon + 1);
  }
  emulator::Service service(options, [] { return std::chrono::system_clock::now(); });

  httplib::Server server;
  auto handle = [&](const httplib::Request& hreq, httplib::Response& hres) {
    if (hreq.path == "/__emulator/stats") {
      auto s = service.stats();
      nlohmann::json stats = {{"requests", s.requests},
                              {"reads", s.reads},
                              {"writes", s.writes},
                              {"tokenRequests", s.token_requests},
                              {"tokens", s.tokens}};
      hres.set_content(stats.dump(), "application/json");
      return;
    }
    if (hreq.path == "/__emulator/faults" && hreq.method == "POST") {
      auto j = nlohmann::json::parse(hreq.body, nullptr, false);
      if (!j.is_object()) {
        hres.status = 400;
        hres.set_content(R"({"message":"expected {method, pathPrefix, action, status, times}"})",
                         "application/json");
        return;
      }
      emulator::Fault f;
      f.method = j.value("method", "");
      f.path_prefix = j.value("pathPrefix", "");
      f.action = j.value("action", "status");
      f.status = j.value("status", 500);
      f.times = j.value("times", 1);
      service.add_fault(std::move(f));
      hres.status = 204;
      return;
    }
    if (hreq.path == "/__emulator/revoke-tokens" && hreq.method == "POST") {
      service.revoke_tokens();
      hres.status = 204;
      return;
    }
    if (hreq.path == "/__emulator/reset" && hreq.method == "POST") {
      service.reset();
      hres.status = 204;
      return;
    }
    auto res = service.handle(to_request(hreq));
    hres.status = res.status;
    for (const auto& [k, v] : res.headers) {
      if (k != "Content-Type") hres.set_header(k, v);
    }
    if (!res.body.empty()) {
      auto ct = res.headers.find("Content-Type");
      hres.set_content(res.body, ct == res.headers.end() ? "application/json" : ct->second);
    }
    if (log) {
      std::cerr << hreq.method << ' ' << hreq.path << ' ' << res.status << '\n';
    }
  };
  server.set_tcp_nodelay(true);
  server.set_keep_alive_max_count(100000);
  const char* any = R"(.*)";
  server.Get(any, handle);
  server.Post(any, handle);
  server.Patch(any, handle);
  server.Put(any, handle);
  server.Delete(any, handle);

  int bound =
      port == 0 ? server.bind_to_any_port(host) : (server.bind_to_port(host, port) ? port : -1);
  if (bound <= 0) {
    std::cerr << "aepflow-emulator: cannot listen on " << host << ":" << port << '\n';
    return 1;
  }

  // Stop cleanly on SIGINT/SIGTERM: a dedicated thread waits for them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    server.stop();
  });
  waiter.detach();

  std::cout << "http://" << host << ":" << bound << std::endl;
  bool ok = server.listen_after_bind();
  return ok ? 0 : 1;
}
