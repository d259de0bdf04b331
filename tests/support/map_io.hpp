#pragma once
// An Io whose environment and files are maps the test fills, so nothing of the real process is
// read: a variable or file not in its map is unset or missing. No prompt and no commands unless
// the test sets io.prompt / io.run_command.

#include <chrono>
#include <map>
#include <optional>
#include <sstream>
#include <string>

#include "terminal/io.hpp"

namespace test {

struct MapIo {
  std::map<std::string, std::string> vars;
  std::map<std::string, std::string> files;
  std::ostringstream out, err;
  aepflow::cli::Io io{out,
                      err,
                      false,
                      [this](std::string_view n) -> std::optional<std::string> {
                        auto it = vars.find(std::string(n));
                        if (it == vars.end()) return std::nullopt;
                        return it->second;
                      },
                      [this](const std::string& p) -> aepflow::Result<std::string> {
                        auto it = files.find(p);
                        if (it == files.end()) {
                          return aepflow::usage("cannot read '" + p + "': No such file");
                        }
                        return it->second;
                      },
                      [] { return std::chrono::system_clock::now(); },
                      nullptr,
                      nullptr};
};

}  // namespace test
