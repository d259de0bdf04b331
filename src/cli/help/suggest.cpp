#include "help/suggest.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>

namespace aepflow::cli {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment over three rows.
  std::vector<std::size_t> before(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], before[j - 2] + 1);
      }
    }
    before.swap(prev);
    prev.swap(cur);
  }
  return prev[b.size()];
}

std::vector<std::string> closest(std::string_view typed, const std::vector<std::string>& known) {
  const std::size_t limit = std::max<std::size_t>(1, typed.size() / 3);
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const auto& k : known) {
    std::size_t d = edit_distance(typed, k);
    if (k.starts_with(typed) && typed.size() >= 2) d = std::min<std::size_t>(d, 1);
    if (d <= limit) scored.emplace_back(d, k);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> out;
  for (const auto& [d, k] : scored) {
    if (out.size() == 3 || d > scored.front().first) break;  // only the nearest
    if (std::find(out.begin(), out.end(), k) == out.end()) out.push_back(k);
  }
  return out;
}

namespace {

std::string quoted_list(const std::vector<std::string>& names, const char* last_joiner) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? last_joiner : ", ";
    out += "'" + names[i] + "'";
  }
  return out;
}

const CLI::Option* find_option(const std::vector<const CLI::App*>& path, const std::string& name) {
  for (const auto* level : path) {
    for (const auto* opt : level->get_options()) {
      if (!opt->get_positional() && opt->check_name(name)) return opt;
    }
  }
  return nullptr;
}

std::vector<std::string> option_names(const std::vector<const CLI::App*>& path) {
  std::vector<std::string> out;
  for (const auto* level : path) {
    for (const auto* opt : level->get_options()) {
      for (const auto& l : opt->get_lnames())
        out.push_back("--" + l);
      for (const auto& s : opt->get_snames())
        out.push_back("-" + s);
    }
  }
  return out;
}

std::string command_path(const std::vector<const CLI::App*>& path) {
  std::string out = "aepflow";
  for (std::size_t i = 1; i < path.size(); ++i)
    out += " " + path[i]->get_name();
  return out;
}

}  // namespace

bool takes_next_argument(const CLI::Option& opt, std::string_view arg) {
  return opt.get_items_expected_min() > 0 && arg.find('=') == std::string_view::npos &&
         (arg.starts_with("--") || arg.size() == 2);
}

std::optional<std::string> unknown_token_message(const CLI::App& app,
                                                 const std::vector<std::string>& args) {
  std::vector<const CLI::App*> path{&app};
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--") break;
    if (a.size() > 1 && a[0] == '-') {
      std::string name = a.substr(0, a.find('='));
      // -abc is a cluster of short flags: only its first is checked.
      if (name.size() > 2 && name[1] != '-') name = name.substr(0, 2);
      const CLI::Option* opt = find_option(path, name);
      if (!opt) {
        auto near = closest(name, option_names(path));
        std::string message = "unknown option '" + name + "' for '" + command_path(path) + "'";
        message += near.empty() ? "." : "; did you mean " + quoted_list(near, " or ") + "?";
        return message + " Run '" + command_path(path) + " --help' for its options.";
      }
      if (takes_next_argument(*opt, a)) ++i;  // its value
      continue;
    }
    const auto subs = path.back()->get_subcommands({});
    if (subs.empty()) continue;  // an argument of the command
    auto it =
        std::find_if(subs.begin(), subs.end(), [&](const CLI::App* s) { return s->check_name(a); });
    if (it != subs.end()) {
      path.push_back(*it);
      continue;
    }
    std::vector<std::string> names;
    for (const auto* s : subs)
      names.push_back(s->get_name());
    auto near = closest(a, names);
    std::string message = "unknown command '" + a + "' for '" + command_path(path) + "'";
    if (!near.empty()) {
      return message + "; did you mean " + quoted_list(near, " or ") + "? Run '" +
             command_path(path) + " --help' for its commands.";
    }
    return message + "; its commands are " + quoted_list(names, " and ") + ".";
  }
  return std::nullopt;
}

}  // namespace aepflow::cli
