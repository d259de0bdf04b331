#pragma once
// A LogSink writing through spdlog to the process's stderr stream (-v, -vv).

#include <memory>
#include <ostream>

#include "aepflow/http/log.hpp"

namespace aepflow::cli {

std::unique_ptr<LogSink> make_stderr_log(std::ostream& err, int verbosity);

}  // namespace aepflow::cli
