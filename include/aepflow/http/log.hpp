#pragma once
// The library logs through this interface so it needs no logging framework and no global logger.
// Everything passed to a LogSink has already been redacted.

#include <string_view>

namespace aepflow {

enum class LogLevel { info = 1, debug = 2 };  // -v, -vv

class LogSink {
 public:
  virtual ~LogSink() = default;
  virtual bool enabled(LogLevel level) const = 0;
  virtual void write(LogLevel level, std::string_view message) = 0;
};

}  // namespace aepflow
