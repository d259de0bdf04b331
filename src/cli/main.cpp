// The only top-level try/catch: anything unexpected becomes one line and exit code 1.
#include <signal.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <exception>
#include <iostream>

#include "aepflow/http/curl_transport.hpp"
#include "aepflow/http/retry.hpp"
#include "app/app.hpp"
#include "app/exit_codes.hpp"

namespace {

// The first Ctrl-C asks the command to stop at the next safe point (the request in flight is
// abandoned, nothing more is sent, the output ends on a whole line) and exit 130; a second one
// ends the process at once.
extern "C" void on_interrupt(int) {
  aepflow::request_interrupt();
}

}  // namespace

int main(int argc, char** argv) {
  const auto started = std::chrono::steady_clock::now();
  try {
    std::ios::sync_with_stdio(false);
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    action.sa_flags = SA_RESETHAND;  // a second Ctrl-C ends the process at once
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    aepflow::cli::Io io{std::cout,
                        std::cerr,
                        isatty(STDOUT_FILENO) == 1,
                        aepflow::cli::process_getenv,
                        aepflow::cli::read_whole_file,
                        [] { return std::chrono::system_clock::now(); },
                        aepflow::cli::terminal_prompt(),
                        aepflow::cli::run_shell_command};
    io.err_is_terminal = isatty(STDERR_FILENO) == 1;
    // One write(2) a line: safe beside the main thread's own writes to std::cerr.
    io.terminal_status = [](std::string_view text) {
      while (!text.empty()) {
        const ssize_t n = write(STDERR_FILENO, text.data(), text.size());
        if (n <= 0) return;
        text.remove_prefix(static_cast<std::size_t>(n));
      }
    };
    io.started = started;
    if (struct winsize size{}; io.out_is_terminal && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0) {
      io.terminal_columns = size.ws_col;
    }
    std::vector<std::string> args(argv + 1, argv + argc);
    int rc = aepflow::cli::run(args, io, aepflow::make_curl_transport);
    std::cout.flush();
    return rc;
  } catch (const std::exception& e) {
    std::cerr << "error: internal error: " << e.what() << '\n';
  } catch (...) {
    std::cerr << "error: internal error\n";
  }
  return aepflow::exit_code::error;
}
