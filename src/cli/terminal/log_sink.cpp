#include "terminal/log_sink.hpp"

#include <spdlog/logger.h>
#include <spdlog/sinks/ostream_sink.h>

#include "aepflow/base/text.hpp"

namespace aepflow::cli {

namespace {

class SpdlogSink final : public LogSink {
 public:
  SpdlogSink(std::ostream& err, int verbosity)
      : verbosity_(verbosity),
        logger_("aepflow", std::make_shared<spdlog::sinks::ostream_sink_mt>(err, true)) {
    logger_.set_pattern("[%H:%M:%S.%e] %v");
    logger_.set_level(spdlog::level::trace);
  }

  bool enabled(LogLevel level) const override { return verbosity_ >= static_cast<int>(level); }

  void write(LogLevel level, std::string_view message) override {
    if (!enabled(level)) return;
    // A body, a header or a message from the service: one log line, shown, never obeyed.
    logger_.log(level == LogLevel::debug ? spdlog::level::debug : spdlog::level::info,
                printable(message));
  }

 private:
  int verbosity_;
  spdlog::logger logger_;
};

}  // namespace

std::unique_ptr<LogSink> make_stderr_log(std::ostream& err, int verbosity) {
  return std::make_unique<SpdlogSink>(err, verbosity);
}

}  // namespace aepflow::cli
