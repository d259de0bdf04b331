#pragma once
// A status line on stderr for work that takes more than a second (listing with --all, activation,
// apply, destroy): it appears once the work has run for Io::progress_after, is redrawn in place
// with the time taken, and is cleared when the work ends. Only when stderr is a terminal: never in
// a pipe, a file or CI. Written through Io::terminal_status, so a redraw from the ticker thread
// never touches the std::ostream the work's thread writes to.

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "terminal/io.hpp"

namespace aepflow::cli {

class Progress {
 public:
  // `what` names the work: "listing flows".
  Progress(Io& io, std::string what);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // Where the work is: "2,500 so far". Safe from several threads.
  void set(std::string status);
  // Clears the line and keeps it away while the returned lock is held: for writing to the same
  // terminal (a table's rows) without the two mixing.
  std::unique_lock<std::mutex> pause();
  // The work is over: the line is cleared for good (before the result is printed).
  void done();

 private:
  void tick();
  void draw_locked();
  void clear_locked();

  Io& io_;
  const std::string what_;
  std::string status_;
  const bool active_;
  const std::chrono::steady_clock::time_point started_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  bool shown_ = false;
  std::thread ticker_;
};

// 1234567 -> "1,234,567".
std::string with_thousands(long n);
// (1, "audience") -> "1 audience"; (5000, "audience") -> "5,000 audiences".
std::string counted(std::size_t n, std::string_view noun);

}  // namespace aepflow::cli
