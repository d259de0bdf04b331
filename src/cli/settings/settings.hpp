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
  // Where a setting was given blank (empty or only spaces): "--org-id", "AEP_API_KEY". Such a
  // setting stays unset, with no fallback to the profile or the default; check_given refuses it.
  std::vector<std::string> given_blank;

  const Setting& operator[](std::string_view key) const;
};

// Flag values as parsed, by setting key; only flags the user gave are present.
using FlagValues = std::map<std::string, std::string, std::less<>>;

std::filesystem::path config_path(const Io& io);  // empty when neither XDG_CONFIG_HOME nor HOME
std::filesystem::path cache_dir(const Io& io);    // empty when neither XDG_CACHE_HOME nor HOME

Result<Settings> resolve_settings(const FlagValues& flags, std::optional<std::string> profile_flag,
                                  const Io& io);

// A usage error when the settings cannot go into a request as they are: a setting given blank,
// or one that becomes a header (sandbox, organization, API key, client ID, a literal access token)
// holding a control character. The message names the flag, variable or profile it came from, and
// shows the value (made printable) unless it is a secret. Checked before anything is sent.
Result<void> check_given(const Settings& s);

// A value that becomes a header: a usage error naming `origin` when it holds a control character.
// `secret`: the value is not shown.
Result<void> check_header_value(std::string_view origin, std::string_view value, bool secret);

// Whether `sandbox` is the production sandbox as the service reads the header: surrounding
// spaces dropped, in any letter case.
bool is_production_sandbox(std::string_view sandbox);

// A value as it may be printed: secrets masked unless they are a reference (env:VAR, file:PATH,
// cmd:..., @PATH), which is not itself secret.
std::string shown_value(const SettingSpec& spec, const std::string& value);

}  // namespace aepflow::cli
