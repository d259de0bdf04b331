#include "help/completion.hpp"

#include <algorithm>
#include <map>
#include <vector>

#include "help/help.hpp"

namespace aepflow::cli {

namespace {

struct Level {
  std::vector<std::pair<std::string, std::string>> commands;  // name, summary
  std::vector<std::pair<std::string, std::string>> options;   // --name, help
};

// Every command path ("" for the top, "flow", "flow create") with what can follow it there, from
// the command tree help.hpp reads. Options of a level hold at every level below it too (aepflow's
// global options).
std::map<std::string, Level> levels(const CLI::App& app) {
  std::map<std::string, Level> out;
  const nlohmann::json tree = command_tree(app);  // each command after the one it belongs to
  const std::string root = tree.at(0).at("path");
  for (const auto& c : tree) {
    const std::string& full = c.at("path").get_ref<const std::string&>();
    const std::string path = full == root ? "" : full.substr(root.size() + 1);
    Level& level = out[path];
    if (!path.empty()) {
      const auto cut = path.rfind(' ');
      Level& parent = out[cut == std::string::npos ? "" : path.substr(0, cut)];
      parent.commands.emplace_back(path.substr(cut == std::string::npos ? 0 : cut + 1),
                                   c.at("summary").get<std::string>());
      level.options = parent.options;
    }
    for (const auto& opt : c.at("options")) {
      // "-o,--output": the long names first, as the shells list them.
      std::vector<std::string> names;
      std::string all = opt.at("names");
      for (std::size_t start = 0; start <= all.size();) {
        const std::size_t comma = std::min(all.find(',', start), all.size());
        names.push_back(all.substr(start, comma - start));
        start = comma + 1;
      }
      std::stable_partition(names.begin(), names.end(),
                            [](const std::string& n) { return n.starts_with("--"); });
      for (auto& name : names) {
        const bool known = std::any_of(level.options.begin(), level.options.end(),
                                       [&](const auto& o) { return o.first == name; });
        if (!known) level.options.emplace_back(std::move(name), opt.at("description"));
      }
    }
  }
  return out;
}

std::string words(const Level& level) {
  std::string out;
  for (const auto& [name, _] : level.commands)
    out += (out.empty() ? "" : " ") + name;
  for (const auto& [name, _] : level.options)
    out += (out.empty() ? "" : " ") + name;
  return out;
}

// Text safe inside single quotes of every shell here.
std::string single_quoted(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else if (c != '\n') {
      out += c;
    }
  }
  return out + "'";
}

std::string bash(const std::map<std::string, Level>& tree) {
  std::string s =
      "# aepflow completion for bash: source <(aepflow completion bash)\n"
      "declare -gA _aepflow_words=(\n";
  // Keyed by the command path from "aepflow" (a key cannot be empty).
  for (const auto& [path, level] : tree) {
    s += "  [" + single_quoted(path.empty() ? "aepflow" : "aepflow " + path) +
         "]=" + single_quoted(words(level)) + "\n";
  }
  s += ")\n"
       "_aepflow() {\n"
       "  local path=aepflow candidate i\n"
       "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
       "    candidate=\"$path ${COMP_WORDS[i]}\"\n"
       "    [[ -n \"${_aepflow_words[$candidate]+set}\" ]] && path=$candidate\n"
       "  done\n"
       "  COMPREPLY=($(compgen -W \"${_aepflow_words[$path]}\" -- \"${COMP_WORDS[COMP_CWORD]}\"))\n"
       "}\n"
       "complete -o default -F _aepflow aepflow\n";
  return s;
}

std::string fish(const std::map<std::string, Level>& tree) {
  std::string s =
      "# aepflow completion for fish: aepflow completion fish > "
      "~/.config/fish/completions/aepflow.fish\n"
      "function __aepflow_path\n"
      "    set -l path\n"
      "    for w in (commandline -opc)[2..-1]\n"
      "        contains -- \"$path $w\" $__aepflow_paths; and set path \"$path $w\"\n"
      "    end\n"
      "    echo \"$path\"\n"
      "end\n"
      "function __aepflow_at\n"
      "    test (__aepflow_path) = \"$argv[1]\"\n"
      "end\n"
      "set -g __aepflow_paths";
  for (const auto& [path, level] : tree) {
    if (!path.empty()) s += " " + single_quoted(" " + path);
  }
  s += "\ncomplete -c aepflow -f\n";
  // aepflow's own options hold at every level: said once, with no condition.
  const auto& global = tree.at("").options;
  auto option = [&s](const std::string& condition, const std::string& name,
                     const std::string& help) {
    const std::string flag = name.starts_with("--") ? "-l " + single_quoted(name.substr(2))
                                                    : "-s " + single_quoted(name.substr(1));
    s += "complete -c aepflow" + condition + " " + flag + " -d " + single_quoted(help) + "\n";
  };
  for (const auto& [name, help] : global)
    option("", name, help);
  for (const auto& [path, level] : tree) {
    const std::string at = " -n '__aepflow_at \"" + (path.empty() ? "" : " " + path) + "\"'";
    for (const auto& [name, summary] : level.commands) {
      s += "complete -c aepflow" + at + " -a " + single_quoted(name) + " -d " +
           single_quoted(summary) + "\n";
    }
    for (const auto& [name, help] : level.options) {
      if (std::find(global.begin(), global.end(), std::make_pair(name, help)) == global.end()) {
        option(at, name, help);
      }
    }
  }
  return s;
}

}  // namespace

std::string completion_script(const CLI::App& app, std::string_view shell) {
  const std::map<std::string, Level> tree = levels(app);
  if (shell == "fish") return fish(tree);
  if (shell == "zsh") {
    return "# aepflow completion for zsh: source <(aepflow completion zsh)\n"
           "autoload -U +X bashcompinit && bashcompinit\n" +
           bash(tree);
  }
  return bash(tree);
}

}  // namespace aepflow::cli
