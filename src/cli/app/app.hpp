#pragma once
// The command line: parses argv, runs the chosen command, returns the exit code. Never throws;
// every failure is printed as one line on stderr and mapped to a documented exit code.

#include <string>
#include <vector>

#include "app/context.hpp"

namespace aepflow::cli {

int run(const std::vector<std::string>& args, Io& io, TransportFactory make_transport);

}  // namespace aepflow::cli
