#include "terminal/terminal.hpp"

#include <charconv>

#include "aepflow/base/text.hpp"

namespace aepflow::cli {

namespace {

// COLUMNS as a terminal width, when it is one.
std::optional<std::size_t> parse_positive(std::string_view text) {
  std::size_t n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size() || n == 0) return std::nullopt;
  return n;
}

bool is_yes(const std::optional<std::string>& answer) {
  return answer && (*answer == "y" || *answer == "Y" || *answer == "yes");
}

}  // namespace

bool Terminal::colour(bool terminal) const {
  if (!terminal) return false;
  auto no_colour = io_.getenv("NO_COLOR");
  if (no_colour && !no_colour->empty()) return false;
  auto term = io_.getenv("TERM");
  return !term || *term != "dumb";
}

void Terminal::warn(std::string_view message) const {
  const bool c = colour(io_.err_is_terminal);
  io_.err << (c ? "\033[1;33mwarning:\033[0m " : "warning: ") << printable(message) << '\n';
}

void Terminal::error(std::string_view message) const {
  const bool c = colour(io_.err_is_terminal);
  io_.err << (c ? "\033[1;31merror:\033[0m " : "error: ") << printable(message) << '\n';
}

OutputStyle Terminal::output_style() const {
  OutputStyle style;
  const std::string& o = globals_.output;
  style.format = io_.out_is_terminal ? Format::table : Format::json;
  if (o == "table") style.format = Format::table;
  if (o == "id") style.format = Format::id;
  if (o == "json" || o == "yaml" || o == "env") style.format = Format::json;
  if (o == "yaml") style.encoding = Encoding::yaml;
  if (o == "env") style.encoding = Encoding::env;
  style.env_prefix = globals_.env_prefix;
  style.dry_run = globals_.dry_run;
  if (io_.out_is_terminal) {
    style.width = io_.terminal_columns;
    if (auto columns = io_.getenv("COLUMNS")) {
      if (auto n = parse_positive(*columns)) style.width = *n;
    }
    style.colour = colour(io_.out_is_terminal);
  }
  if (!globals_.query.empty()) {  // checked when the command line was read
    style.format = Format::json;
    style.query = globals_.query;
  }
  return style;
}

bool Terminal::assumed_yes() const {
  if (globals_.yes || globals_.dry_run) return true;
  auto env = io_.getenv("AEP_ASSUME_YES");
  return env && (*env == "1" || *env == "true" || *env == "yes");
}

std::optional<std::string> Terminal::ask(const std::string& question) const {
  if (!io_.prompt) return std::nullopt;
  return io_.prompt(question, /*echo=*/true);
}

Result<void> Terminal::confirm(const std::string& question, const std::string& refusal) const {
  if (assumed_yes()) return {};
  if (io_.prompt) {
    if (is_yes(ask(question + " [y/N] "))) return {};
    return usage("cancelled: nothing was changed");
  }
  return usage("refusing to " + refusal +
               " without confirmation: pass --yes or set AEP_ASSUME_YES=1");
}

Result<void> Terminal::confirm_change(std::string_view sandbox, std::string_view what) const {
  // As the service reads the header: " Prod" is prod too.
  if (!is_production_sandbox(sandbox) || assumed_yes()) return {};
  if (io_.prompt) {
    if (is_yes(ask("About to " + std::string(what) +
                   " in sandbox prod (production). Continue? [y/N] "))) {
      return {};
    }
    return usage("cancelled: nothing was changed in sandbox prod");
  }
  return usage("refusing to " + std::string(what) +
               " in sandbox prod without confirmation: pass --yes or set AEP_ASSUME_YES=1");
}

Result<void> Terminal::confirm_delete(std::string_view sandbox, std::string_view what) const {
  return confirm("Delete " + std::string(what) + " in sandbox " + std::string(sandbox) +
                     "? This cannot be undone.",
                 "delete " + std::string(what));
}

}  // namespace aepflow::cli
