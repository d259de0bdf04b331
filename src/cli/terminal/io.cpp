#include "terminal/io.hpp"

#include <poll.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
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
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return usage("cannot read '" + path + "': it is a directory, not a file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return usage("cannot read '" + path + "': " + std::strerror(errno));
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return usage("cannot read '" + path + "': " + std::strerror(errno));
  return buf.str();
}

Result<std::string> run_shell_command(const std::string& command,
                                      std::chrono::milliseconds timeout) {
  int out[2];
  if (::pipe(out) != 0) {
    return usage("command could not be started: " + std::string(std::strerror(errno)));
  }
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(out[0]);
    ::close(out[1]);
    return usage("command could not be started: " + std::string(std::strerror(errno)));
  }
  if (pid == 0) {
    // A process group of its own, so a timeout stops whatever the shell started too.
    ::setpgid(0, 0);
    ::dup2(out[1], STDOUT_FILENO);
    ::close(out[0]);
    ::close(out[1]);
    ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::setpgid(pid, pid);  // also here: whichever of the two runs first
  ::close(out[1]);
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::string text;
  bool timed_out = false;
  char buf[4096];
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    pollfd p{out[0], POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;  // checks the deadline again
    const ssize_t n = ::read(out[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // end of output: every writer has closed it
    text.append(buf, static_cast<std::size_t>(n));
  }
  ::close(out[0]);
  if (timed_out) ::kill(-pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (timed_out) {
    const auto seconds = std::chrono::duration<double>(timeout).count();
    std::ostringstream limit;
    limit << seconds;
    return usage("command did not finish within " + limit.str() +
                 " s and was stopped (the limit is --secret-command-timeout, "
                 "AEP_SECRET_COMMAND_TIMEOUT or secret_command_timeout in the profile)");
  }
  // The command itself is not echoed: it may carry a secret of its own.
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return usage("command failed (exit status " +
                 std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + ")");
  }
  return text;
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
