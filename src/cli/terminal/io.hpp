#pragma once
// What the outside world gives a command: streams, terminal facts, the environment, files,
// commands, prompts and the clock. main() passes the real ones; command tests pass string streams
// and fixed values.

#include <chrono>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

#include "aepflow/base/error.hpp"
#include "aepflow/http/retry.hpp"

namespace aepflow::cli {

struct Io {
  std::ostream& out;
  std::ostream& err;
  bool out_is_terminal = false;
  std::function<std::optional<std::string>(std::string_view)> getenv;
  std::function<Result<std::string>(const std::string&)> read_file;
  std::function<std::chrono::system_clock::time_point()> now;
  // Asks on the terminal (echo off for secrets); empty when stdin is not a terminal.
  std::function<std::optional<std::string>(std::string_view question, bool echo)> prompt;
  // Runs a shell command and returns its stdout (for cmd: secret references); one that runs past
  // the timeout is stopped, with every process it started.
  std::function<Result<std::string>(const std::string& command, std::chrono::milliseconds timeout)>
      run_command;
  // Waits (retry backoff, polling); false when interrupted by Ctrl-C.
  std::function<bool(std::chrono::milliseconds)> sleep = interruptible_sleep;
  bool err_is_terminal = false;      // live status lines on stderr only when a person watches
  std::size_t terminal_columns = 0;  // stdout's terminal width; 0: unknown (COLUMNS wins)
  // How long work runs before its progress line appears (on a terminal's stderr).
  std::chrono::milliseconds progress_after{1000};
  // Writes straight to the terminal behind stderr, whole and at once, from any thread: progress
  // lines, redrawn while the work's own thread waits on the network. Unset: no progress lines.
  std::function<void(std::string_view)> terminal_status = nullptr;
  // When main() began (steady clock), for -vv's start-up time; unset in tests.
  std::optional<std::chrono::steady_clock::time_point> started = std::nullopt;
};

// The real process environment, files, commands, terminal and clock.
std::optional<std::string> process_getenv(std::string_view name);
Result<std::string> read_whole_file(const std::string& path);
Result<std::string> run_shell_command(const std::string& command,
                                      std::chrono::milliseconds timeout);
// A prompt on the controlling terminal, or nullptr when stdin is not a terminal.
std::function<std::optional<std::string>(std::string_view, bool)> terminal_prompt();

}  // namespace aepflow::cli
