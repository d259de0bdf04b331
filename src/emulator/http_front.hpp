#pragma once
// The HTTP layer in front of the service (cpp-httplib): a request as curl sends it becomes a
// Request value (the query string parsed from the raw request line, split at the first '=' of
// each pair, so `property=state==enabled` arrives whole; a POST without a body and without
// Content-Length, as `curl -X POST` sends it, is a request with an empty body), and a Response
// goes back with its Date header and the delivery its fault asks for. Also the emulator's own
// admin API under /__emulator/.

namespace httplib {
class Server;
}

namespace emulator {

class Service;

struct FrontOptions {
  bool log = false;         // a line per request on stderr
  double clock_offset = 0;  // seconds the Date header is ahead of the real clock
};

void install_routes(httplib::Server& server, Service& service, const FrontOptions& options);

}  // namespace emulator
