#include "params.hpp"

namespace aepflow::cli {

Result<std::string> resolve_value(std::string_view value, std::string_view what, const Io& io) {
  if (value.starts_with("@@")) return std::string(value.substr(1));
  if (value.starts_with("@")) {
    std::string path(value.substr(1));
    if (path.empty()) return usage(std::string(what) + ": '@' must be followed by a file path");
    auto content = io.read_file(path);
    if (!content) {
      return usage(std::string(what) + ": " + content.error().message);
    }
    std::string s = std::move(*content);
    if (s.ends_with("\r\n")) {
      s.resize(s.size() - 2);
    } else if (s.ends_with("\n")) {
      s.pop_back();
    }
    return s;
  }
  if (value.starts_with("env:")) {
    std::string name(value.substr(4));
    if (name.empty())
      return usage(std::string(what) + ": 'env:' must be followed by a variable name");
    auto v = io.getenv(name);
    if (!v) return usage(std::string(what) + ": environment variable " + name + " is not set");
    return *v;
  }
  return std::string(value);
}

Result<nlohmann::json> parse_params(const std::vector<std::string>& args, const Io& io) {
  nlohmann::json params = nlohmann::json::object();
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
    if (params.contains(key)) return usage("--param " + key + " is given more than once");
    auto value = resolve_value(std::string_view(arg).substr(eq + 1), "param " + key, io);
    if (!value) return std::unexpected(value.error());
    if (raw_json) {
      auto j = nlohmann::json::parse(*value, nullptr, /*allow_exceptions=*/false);
      if (j.is_discarded()) {
        return usage("--param " + key +
                     ":= expects a JSON value (a number, true, false, an array "
                     "or an object); use " +
                     key + "=VALUE for a string");
      }
      params[key] = std::move(j);
    } else {
      params[key] = std::move(*value);
    }
  }
  return params;
}

}  // namespace aepflow::cli
