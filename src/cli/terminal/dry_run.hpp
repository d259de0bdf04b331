#pragma once
// --dry-run: a transport in front of the real one that sends reads (a command needs them to work
// out its requests) and the token request (it changes nothing), and prints every write as a curl
// command instead of sending it (to stderr or --dry-run-file), with credentials replaced by the
// variables that hold them and secrets redacted. Writes are answered as the service would, marked
// as simulated, with placeholder IDs that later requests of the same run can use and that the
// output layer replaces by null.

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>

#include "aepflow/http/http.hpp"

namespace aepflow::cli {

std::shared_ptr<Transport> make_dry_run_transport(std::shared_ptr<Transport> inner,
                                                  std::string base_url, std::ostream& out,
                                                  std::function<std::string(std::string)> scrub);

// Whether `text` is an ID or etag a dry run made up for a write it did not send.
bool is_invented(std::string_view text);

// What a command prints for a dry run: `j` with every invented ID and etag replaced by null and,
// when it is an object, "dryRun": true; nothing in it can be mistaken for a real object.
nlohmann::json marked_dry_run(const nlohmann::json& j);

// One request as a curl command (exposed for tests).
std::string as_curl(const Request& req, const std::string& url);

}  // namespace aepflow::cli
