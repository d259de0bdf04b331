#pragma once
// The person (or script) at the other end: messages on stderr, in colour where stderr takes it,
// the output style stdout gets, and the questions that guard changes. Needs no settings and no
// service, so commands that only talk to the terminal take this and nothing else.

#include <string>
#include <string_view>

#include "aepflow/base/error.hpp"
#include "settings/global_options.hpp"
#include "terminal/io.hpp"
#include "terminal/output.hpp"

namespace aepflow::cli {

class Terminal {
 public:
  // `globals` is read when asked (it is filled while the command line is parsed).
  Terminal(Io& io, const GlobalOptions& globals) : io_(io), globals_(globals) {}

  // "warning: <message>" and "error: <message>" on stderr, the prefix in colour when stderr
  // takes it.
  void warn(std::string_view message) const;
  void error(std::string_view message) const;
  // Colour on a terminal unless NO_COLOR is set (to anything) or TERM is dumb.
  bool colour(bool terminal) const;
  // How stdout prints: -o, --query, the terminal's width and colour.
  OutputStyle output_style() const;

  // Asks `question` on a terminal; without one, needs --yes or AEP_ASSUME_YES=1 (`refusal` says
  // what was not done). A dry run changes nothing, so it needs no answer.
  Result<void> confirm(const std::string& question, const std::string& refusal) const;
  // Changing the prod sandbox needs a yes; any other sandbox needs none.
  Result<void> confirm_change(std::string_view sandbox, std::string_view what) const;
  // Deleting needs a yes in any sandbox.
  Result<void> confirm_delete(std::string_view sandbox, std::string_view what) const;

 private:
  bool assumed_yes() const;
  std::optional<std::string> ask(const std::string& question) const;

  Io& io_;
  const GlobalOptions& globals_;
};

}  // namespace aepflow::cli
