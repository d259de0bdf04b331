#include "terminal/io.hpp"

#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

namespace aepflow::cli {

std::optional<std::string> process_getenv(std::string_view name) {
  const char* v = std::getenv(std::string(name).c_str());
  if (!v) return std::nullopt;
  return std::string(v);
}

Result<std::string> read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return usage("cannot read '" + path + "': " + std::strerror(errno));
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return usage("cannot read '" + path + "': " + std::strerror(errno));
  return buf.str();
}

Result<std::string> run_shell_command(const std::string& command) {
  std::FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return usage("cannot run the secret command: " + std::string(std::strerror(errno)));
  std::string out;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0)
    out.append(buf, n);
  int status = ::pclose(pipe);
  // The command itself is not echoed: it may carry a secret of its own.
  if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return usage("the secret command failed (exit status " +
                 std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + ")");
  }
  return out;
}

std::function<std::optional<std::string>(std::string_view, bool)> terminal_prompt() {
  if (!::isatty(STDIN_FILENO)) return nullptr;
  return [](std::string_view question, bool echo) -> std::optional<std::string> {
    std::cerr << question << std::flush;
    termios saved{};
    bool restore = false;
    if (!echo && ::tcgetattr(STDIN_FILENO, &saved) == 0) {
      termios quiet = saved;
      quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
      restore = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    std::string line;
    bool got = static_cast<bool>(std::getline(std::cin, line));
    if (restore) {
      ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
      std::cerr << '\n';
    }
    if (!got) return std::nullopt;
    return line;
  };
}

}  // namespace aepflow::cli
