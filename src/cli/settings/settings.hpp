#pragma once
// Every setting, where it came from, and the one place the precedence lives:
//   flag > environment variable > profile in config.toml > default.
// `auth status` and -v print the origin of each value.

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aepflow/base/error.hpp"
#include "settings/config_file.hpp"
#include "terminal/io.hpp"

namespace aepflow::cli {

struct SettingSpec {
  std::string_view key;       // in config.toml and in `config set`
  std::string_view flag;      // "--org-id"
  std::string_view env;       // "AEP_ORG_ID"
  std::string_view fallback;  // default, may be empty
  bool secret;                // masked in output
  bool in_profile;            // may be stored in config.toml
  std::string_view help;      // one line, for --help and `aepflow help environment`
};

// All settings, in the order `auth status` shows them.
const std::vector<SettingSpec>& setting_specs();
const SettingSpec* find_setting(std::string_view key);

struct Setting {
  std::string value;
  std::string origin;  // "--org-id", "AEP_ORG_ID", "profile default", "default", or "" when unset
  bool set() const { return !origin.empty(); }
};

struct Settings {
  std::string profile;
  std::string profile_origin;
  std::filesystem::path config_path;
  std::map<std::string, Setting, std::less<>> values;
  std::vector<std::string> warnings;

  const Setting& operator[](std::string_view key) const;
};

// Flag values as parsed, by setting key; only flags the user gave are present.
using FlagValues = std::map<std::string, std::string, std::less<>>;

std::filesystem::path config_path(const Io& io);  // empty when neither XDG_CONFIG_HOME nor HOME
std::filesystem::path cache_dir(const Io& io);    // empty when neither XDG_CACHE_HOME nor HOME

Result<Settings> resolve_settings(const FlagValues& flags, std::optional<std::string> profile_flag,
                                  const Io& io);

// A value as it may be printed: secrets masked unless they are a reference (env:VAR, file:PATH,
// cmd:..., @PATH), which is not itself secret.
std::string shown_value(const SettingSpec& spec, const std::string& value);

}  // namespace aepflow::cli
