#pragma once
// --dry-run: a transport in front of the real one that sends reads (a command needs them to work
// out its requests) and prints every write as a curl command instead of sending it, with
// credentials replaced by the variables that hold them and secrets redacted. Writes are answered
// as the service would, with placeholder IDs that later requests of the same run can use.

#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "aepflow/http/http.hpp"

namespace aepflow::cli {

std::shared_ptr<Transport> make_dry_run_transport(std::shared_ptr<Transport> inner,
                                                  std::string base_url, std::ostream& out,
                                                  std::function<std::string(std::string)> scrub);

// One request as a curl command (exposed for tests).
std::string as_curl(const Request& req, const std::string& url);

}  // namespace aepflow::cli
