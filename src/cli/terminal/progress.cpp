#include "terminal/progress.hpp"

#include "aepflow/base/text.hpp"

namespace aepflow::cli {

namespace {

constexpr std::chrono::milliseconds redraw_every{250};

}  // namespace

std::string with_thousands(long n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

std::string counted(std::size_t n, std::string_view noun) {
  return with_thousands(static_cast<long>(n)) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

Progress::Progress(Io& io, std::string what)
    : io_(io),
      what_(std::move(what)),
      active_(io.err_is_terminal && io.terminal_status),
      started_(std::chrono::steady_clock::now()) {
  if (active_) ticker_ = std::thread([this] { tick(); });
}

Progress::~Progress() {
  done();
}

void Progress::done() {
  if (!active_) return;
  {
    std::lock_guard lock(mutex_);
    if (stop_) return;
    stop_ = true;
    clear_locked();
  }
  wake_.notify_all();
  ticker_.join();
}

void Progress::set(std::string status) {
  if (!active_) return;
  std::lock_guard lock(mutex_);
  status_ = std::move(status);
  draw_locked();
}

std::unique_lock<std::mutex> Progress::pause() {
  std::unique_lock lock(mutex_);
  clear_locked();
  return lock;
}

void Progress::tick() {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, redraw_every, [this] { return stop_; })) {
    draw_locked();
  }
}

void Progress::draw_locked() {
  const auto taken = std::chrono::steady_clock::now() - started_;
  if (stop_ || taken < io_.progress_after) return;
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(taken).count();
  std::string line = "\r\033[K" + printable(what_);
  if (!status_.empty()) line.append(": ").append(printable(status_));
  line.append(" (").append(std::to_string(seconds)).append(" s)");
  io_.terminal_status(line);
  shown_ = true;
}

void Progress::clear_locked() {
  if (!shown_) return;
  io_.terminal_status("\r\033[K");
  shown_ = false;
}

}  // namespace aepflow::cli
