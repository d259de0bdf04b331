#pragma once
// The command line: parses argv, runs the chosen command, returns the exit code. Never throws;
// every failure is printed as one line on stderr and mapped to a documented exit code.

#include <string>
#include <vector>

#include "app/command_builder.hpp"
#include "app/context.hpp"

namespace aepflow::cli {

int run(const std::vector<std::string>& args, Io& io, TransportFactory make_transport);

// The same with only the commands `commands` registers below the top level (the global options
// are always there): command tests register one command with a run function of their own.
using Registrar = std::function<void(Group& top, Context& ctx)>;
int run(const std::vector<std::string>& args, Io& io, TransportFactory make_transport,
        const Registrar& commands);

}  // namespace aepflow::cli
