#pragma once
// What the outside world gives a command: streams, terminal facts, the environment, files and the
// clock. main() passes the real ones; command tests pass string streams and fixed values.

#include <chrono>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

#include "aepflow/error.hpp"

namespace aepflow::cli {

struct Io {
  std::ostream& out;
  std::ostream& err;
  bool out_is_terminal = false;
  std::function<std::optional<std::string>(std::string_view)> getenv;
  std::function<Result<std::string>(const std::string&)> read_file;
  std::function<std::chrono::system_clock::time_point()> now;
};

// The real process environment, files and clock.
std::optional<std::string> process_getenv(std::string_view name);
Result<std::string> read_whole_file(const std::string& path);

}  // namespace aepflow::cli
