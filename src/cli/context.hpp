#pragma once
// What every command receives: the global options, the process's I/O, and the Flow Service client,
// built on first use (after the flags are parsed and the credentials checked).

#include <functional>
#include <memory>
#include <string>

#include "aepflow/client.hpp"
#include "aepflow/curl_transport.hpp"
#include "aepflow/log.hpp"
#include "aepflow/pipeline.hpp"
#include "io.hpp"
#include "output.hpp"

namespace aepflow::cli {

inline constexpr std::string_view default_base_url =
    "https://platform.adobe.io/data/foundation/flowservice";

struct GlobalOptions {
  std::string base_url{default_base_url};
  std::string access_token;
  std::string api_key;
  std::string org_id;
  std::string sandbox = "prod";
  std::string output;  // empty: table on a terminal, json otherwise
  int verbosity = 0;
  double timeout_seconds = 60;
};

using TransportFactory = std::function<std::shared_ptr<Transport>(const CurlOptions&)>;

class Context {
 public:
  Context(Io& io, TransportFactory make_transport);
  ~Context();

  GlobalOptions globals;
  Io& io;
  // Set by the chosen command's parse callback, run once parsing has finished.
  std::function<Result<void>()> action;

  Output& out();
  // The client, or a usage error naming each missing credential's flag and variable.
  Result<FlowService*> service();
  std::ostream& err() { return io.err; }
  void warn(std::string_view message);

 private:
  TransportFactory make_transport_;
  std::unique_ptr<Output> output_;
  std::unique_ptr<LogSink> log_;
  std::unique_ptr<Pipeline> pipeline_;
  std::unique_ptr<FlowService> service_;
};

}  // namespace aepflow::cli
