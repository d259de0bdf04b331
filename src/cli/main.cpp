// The only top-level try/catch: anything unexpected becomes one line and exit code 1.
#include <unistd.h>

#include <exception>
#include <iostream>

#include "aepflow/curl_transport.hpp"
#include "aepflow/exit_codes.hpp"
#include "app.hpp"

int main(int argc, char** argv) {
  try {
    std::ios::sync_with_stdio(false);
    aepflow::cli::Io io{std::cout,
                        std::cerr,
                        isatty(STDOUT_FILENO) == 1,
                        aepflow::cli::process_getenv,
                        aepflow::cli::read_whole_file,
                        [] { return std::chrono::system_clock::now(); },
                        aepflow::cli::terminal_prompt(),
                        aepflow::cli::run_shell_command};
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
