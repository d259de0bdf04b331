#include "settings/params.hpp"

#include "aepflow/base/text.hpp"
#include "aepflow/base/utf8.hpp"

namespace aepflow::cli {

namespace {

std::string drop_newline(std::string s) {
  if (s.ends_with("\r\n")) {
    s.resize(s.size() - 2);
  } else if (s.ends_with("\n")) {
    s.pop_back();
  }
  return s;
}

// "~/x" is $HOME/x: in `sshKey=@~/.ssh/id_rsa` the shell leaves the tilde alone.
Result<std::string> expanded(const std::string& path, std::string_view what, const Io& io) {
  if (!path.starts_with("~/")) return path;
  auto home = io.getenv("HOME");
  if (!home || home->empty()) {
    return usage(std::string(what) + ": HOME is not set, so ~/ cannot be expanded");
  }
  return *home + path.substr(1);
}

Result<Value> from_file(const std::string& given, std::string_view what, const Io& io) {
  if (given.empty()) return usage(std::string(what) + ": a file path must follow '@' or 'file:'");
  auto path = expanded(given, what, io);
  if (!path) return std::unexpected(path.error());
  auto content = io.read_file(*path);
  if (!content) return usage(std::string(what) + ": " + content.error().message);
  std::string text = drop_newline(std::move(*content));
  if (text.empty())
    return usage(std::string(what) + ": the file " + printable(given) + " is empty");
  return Value{std::move(text), false};
}

}  // namespace

Result<Value> resolve_value(std::string_view value, std::string_view what, const Io& io,
                            unsigned forms, std::chrono::milliseconds command_timeout) {
  const std::string name(what);
  if ((forms & form_file) && value.starts_with("@@"))
    return Value{std::string(value.substr(1)), true};
  if ((forms & form_file) && value.starts_with("@")) {
    return from_file(std::string(value.substr(1)), what, io);
  }
  if ((forms & form_file) && value.starts_with("file:")) {
    return from_file(std::string(value.substr(5)), what, io);
  }
  if ((forms & form_env) && value.starts_with("env:")) {
    std::string var(value.substr(4));
    if (var.empty()) return usage(name + ": 'env:' must be followed by a variable name");
    auto v = io.getenv(var);
    if (!v) return usage(name + ": environment variable " + printable(var) + " is not set");
    if (v->empty()) return usage(name + ": environment variable " + printable(var) + " is empty");
    return Value{*v, false};
  }
  if ((forms & form_command) && value.starts_with("cmd:")) {
    // The command is named by its reference only as "cmd:": it may carry a secret of its own.
    if (!io.run_command) return usage(name + ": commands cannot be run here");
    auto out = io.run_command(std::string(value.substr(4)), command_timeout);
    if (!out) return usage(name + ": the cmd: reference's " + out.error().message);
    std::string text = drop_newline(std::move(*out));
    if (text.empty()) return usage(name + ": the cmd: reference's command printed nothing");
    return Value{std::move(text), false};
  }
  if ((forms & form_prompt) && value == "prompt:") {
    if (!io.prompt) return usage(name + ": 'prompt:' needs a terminal; use env:VAR or @PATH");
    auto answer = io.prompt(name + ": ", /*echo=*/false);
    if (!answer || answer->empty()) return usage(name + ": nothing was entered");
    return Value{*answer, false};
  }
  return Value{std::string(value), true};
}

Result<Params> parse_params(const std::vector<std::string>& args, const Io& io) {
  Params params;
  std::size_t n = 0;
  for (const auto& arg : args) {
    ++n;
    auto eq = arg.find('=');
    if (eq == std::string::npos || eq == 0) {
      // The argument itself is not echoed: it may be a secret typed without its key.
      return usage("--param expects KEY=VALUE or KEY:=JSON; param #" + std::to_string(n) +
                   (eq == 0 ? " has no key" : " has no '='"));
    }
    bool raw_json = arg[eq - 1] == ':';
    std::string key = arg.substr(0, raw_json ? eq - 1 : eq);
    if (key.empty() || key.find_first_of(" \t") != std::string::npos) {
      return usage("--param has an invalid key '" + key + "'");
    }
    if (params.values.contains(key)) return usage("--param " + key + " is given more than once");
    auto value =
        resolve_value(std::string_view(arg).substr(eq + 1), "param " + key, io, param_forms);
    if (!value) return std::unexpected(value.error());
    if (value->literal) params.literal_keys.push_back(key);
    if (auto ok = check_utf8("--param " + key, value->text); !ok) {
      return std::unexpected(ok.error());
    }
    if (raw_json) {
      auto j = nlohmann::json::parse(value->text, nullptr, /*allow_exceptions=*/false);
      if (j.is_discarded()) {
        return usage(
            "--param " + key +
            ":= expects a JSON value (a number, true, false, an array or an object); use " + key +
            "=VALUE for a string");
      }
      params.values[key] = std::move(j);
    } else {
      params.values[key] = std::move(value->text);
    }
  }
  return params;
}

}  // namespace aepflow::cli
