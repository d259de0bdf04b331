#pragma once
// The outside world of the settings targets, made of the input: every variable, file, command and
// prompt answers with `answer` (or fails, as `flags` says), HOME is /home/fuzz, and nothing of the
// real process is read or run.

#include <chrono>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include "terminal/io.hpp"

namespace fuzz {

enum : unsigned {
  env_set = 1,      // every variable but HOME holds `answer`; else unset
  file_found = 2,   // every file holds `answer`; else missing
  command_ok = 4,   // every command prints `answer`; else fails
  prompt_open = 8,  // prompts answer `answer`; else there is no terminal
};

inline constexpr std::string_view home = "/home/fuzz";

struct FuzzIo {
  std::string answer;
  unsigned flags = 0;
  std::ostringstream out, err;
  aepflow::cli::Io io{out,
                      err,
                      false,
                      [this](std::string_view name) -> std::optional<std::string> {
                        if (name == "HOME") return std::string(home);
                        if (!(flags & env_set)) return std::nullopt;
                        return answer;
                      },
                      [this](const std::string& path) -> aepflow::Result<std::string> {
                        if (!(flags & file_found))
                          return aepflow::usage("cannot read '" + path + "': missing");
                        return answer;
                      },
                      [] { return std::chrono::system_clock::time_point{}; },
                      nullptr,
                      nullptr};

  FuzzIo(std::string given, unsigned f) : answer(std::move(given)), flags(f) {
    if (flags & prompt_open) {
      io.prompt = [this](std::string_view, bool) -> std::optional<std::string> { return answer; };
    }
    // Never a real command: the reference's text is not looked at.
    io.run_command = [this](const std::string&,
                            std::chrono::milliseconds) -> aepflow::Result<std::string> {
      if (!(flags & command_ok)) return aepflow::usage("command failed with exit code 1");
      return answer;
    };
    io.sleep = [](std::chrono::milliseconds) { return true; };
  }
  FuzzIo(const FuzzIo&) = delete;
  FuzzIo& operator=(const FuzzIo&) = delete;
};

// A secret marked at both ends, so an error that quotes any end of it shows: `text`'s trailing
// newline (which a reference drops) stays last.
inline constexpr std::string_view canary = "Qz7#kV";
inline std::string marked(std::string_view text) {
  if (text.empty()) return {};
  std::string_view newline = text.ends_with('\n') ? "\n" : "";
  text.remove_suffix(newline.size());
  return std::string(canary).append(text).append(canary).append(newline);
}

// Whether `message` gives away a marked secret; `given` (what the user typed) may hold the
// marker itself, and is then quoted fairly.
inline bool leaks(std::string_view message, std::string_view given) {
  return given.find(canary) == std::string_view::npos &&
         message.find(canary) != std::string_view::npos;
}

}  // namespace fuzz
