// aepflow-emulator: a local Flow Service for the tutorial, the tests and the benchmarks.
// Prints its base URL on the first line of stdout once it accepts connections.
#include <httplib.h>
#include <signal.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <thread>

#include "http_front.hpp"
#include "service.hpp"

int main(int argc, char** argv) {
  CLI::App app{
      "aepflow-emulator: a local emulator of Adobe Experience Platform's Flow Service API and the "
      "Data Prep calls a destination's mapping set is built with"};
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
  std::uint64_t seed = 0;
  auto* seed_opt = app.add_option("--seed", seed, "seed for faults and runs, to repeat a run");
  std::vector<std::string> fault_specs;
  app.add_option("--fault", fault_specs,
                 "inject a fault (repeatable): KEY=VALUE,... with action=status|touch|latency|"
                 "drop-before|drop-after|truncate|<status>, status, method, path (glob), rate, "
                 "retryAfter, latency (ms), times, skip (matching requests let through first)");
  double chaos = 0;
  int chaos_retry_after = 1;
  app.add_option("--chaos", chaos,
                 "share of requests (0-1) that get a fault of a random kind: 429, 500, 502, 503, "
                 "504, latency, dropped before or after the work, truncated body")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--chaos-retry-after", chaos_retry_after,
                 "Retry-After seconds on the 429s and 503s of --chaos")
      ->capture_default_str();
  double rate_limit = 0;
  app.add_option("--rate-limit", rate_limit,
                 "requests per second per API key; more are answered 429 with Retry-After")
      ->check(CLI::NonNegativeNumber);
  double run_interval = 60, run_duration = 10, run_failure_rate = 0.1;
  app.add_option("--run-interval", run_interval,
                 "seconds between the runs of an enabled flow with audiences (0: no runs)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  double first_run_delay = -1;
  app.add_option("--first-run-delay", first_run_delay,
                 "seconds from when a flow can export (enabled, with audiences or datasets) to "
                 "its first run; unset: runs fall every --run-interval from its creation")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--run-duration", run_duration, "seconds a run takes, give or take 40%")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  app.add_option("--run-failure-rate", run_failure_rate, "share of runs that fail")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  int seed_flows = 0;
  int seed_datasets = 24;
  std::string seed_sandbox = "prod";
  double clock_offset = 0;
  app.add_option("--clock-offset", clock_offset,
                 "seconds the Date header is ahead of the real clock (negative: behind), as from "
                 "a server whose clock is off")
      ->capture_default_str();
  app.add_option("--seed-flows", seed_flows, "destination flows to create at start")
      ->check(CLI::Range(0, 1'000'000));
  app.add_option("--seed-datasets", seed_datasets,
                 "exportable datasets the Data Lake configs list (every sandbox)")
      ->check(CLI::Range(0, 60'000))
      ->capture_default_str();
  app.add_option("--seed-sandbox", seed_sandbox, "sandbox of the seeded flows")
      ->capture_default_str();
  std::string tls_cert, tls_key;
  auto* cert_opt = app.add_option("--tls-cert", tls_cert,
                                  "serve HTTPS with this certificate (PEM; needs --tls-key)")
                       ->check(CLI::ExistingFile);
  app.add_option("--tls-key", tls_key, "the certificate's private key (PEM)")
      ->check(CLI::ExistingFile)
      ->needs(cert_opt);
  cert_opt->needs("--tls-key");
  CLI11_PARSE(app, argc, argv);

  emulator::Options options;
  options.access_tokens = {tokens.begin(), tokens.end()};
  options.api_keys = {keys.begin(), keys.end()};
  options.sandboxes = {sandboxes.begin(), sandboxes.end()};
  options.patch_status = patch_status;
  options.token_ttl = std::chrono::seconds(token_ttl);
  if (seed_opt->count() > 0) options.seed = seed;
  for (const auto& spec : fault_specs) {
    std::string error;
    auto f = emulator::parse_fault(spec, error);
    if (!f) {
      std::cerr << "aepflow-emulator: --fault: " << error << '\n';
      return 2;
    }
    options.faults.push_back(*f);
  }
  options.chaos_rate = chaos;
  options.chaos_retry_after = chaos_retry_after;
  options.rate_limit = rate_limit;
  auto ms = [](double seconds) {
    return std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
  };
  options.runs.interval = ms(run_interval);
  options.runs.duration = ms(run_duration);
  options.runs.failure_rate = run_failure_rate;
  if (first_run_delay >= 0) options.runs.first_run_delay = ms(first_run_delay);
  options.seed_flows = seed_flows;
  options.seed_datasets = seed_datasets;
  options.seed_sandbox = seed_sandbox;
  if (!options.sandboxes.count(seed_sandbox)) {
    std::cerr << "aepflow-emulator: --seed-sandbox " << seed_sandbox << " is not a --sandbox\n";
    return 2;
  }
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
  std::unique_ptr<emulator::Service> service_ptr;
  try {
    // One clock for the Date header and for what the service stamps (createdAt, updatedAt).
    const auto offset = std::chrono::milliseconds(static_cast<long long>(clock_offset * 1000));
    service_ptr = std::make_unique<emulator::Service>(
        options, [offset] { return std::chrono::system_clock::now() + offset; });
  } catch (const std::exception& e) {
    std::cerr << "aepflow-emulator: " << e.what() << '\n';
    return 1;
  }
  emulator::Service& service = *service_ptr;

  std::unique_ptr<httplib::Server> server_ptr;
  if (tls_cert.empty()) {
    server_ptr = std::make_unique<httplib::Server>();
  } else {
    auto tls = std::make_unique<httplib::SSLServer>(tls_cert.c_str(), tls_key.c_str());
    if (!tls->is_valid()) {
      std::cerr << "aepflow-emulator: cannot use " << tls_cert << " and " << tls_key
                << " for TLS\n";
      return 2;
    }
    server_ptr = std::move(tls);
  }
  httplib::Server& server = *server_ptr;
  emulator::install_routes(server, service, {log, clock_offset});
  server.set_tcp_nodelay(true);
  server.set_keep_alive_max_count(100000);
  // A thread per open connection: many clients at once are served at once, as by the real
  // service, not one after another (cpp-httplib's default of 8 kept racing clients apart).
  server.new_task_queue = [] { return new httplib::ThreadPool(256); };
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

  std::cout << (tls_cert.empty() ? "http://" : "https://") << host << ":" << bound << std::endl;
  bool ok = server.listen_after_bind();
  return ok ? 0 : 1;
}
