#pragma once
// $XDG_CONFIG_HOME/aepflow/config.toml: named profiles of settings.
//
//   [profiles.default]
//   org_id = "0A1B...@AdobeOrg"
//   client_id = "abc123"
//   client_secret = "env:AEP_CLIENT_SECRET"   # or file:PATH, cmd:COMMAND, or the secret itself
//   sandbox = "dev"
//
// Written atomically with mode 0600 in a 0700 folder; reading a file that group or others can
// read gives a warning, as ssh does.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aepflow/base/error.hpp"

namespace aepflow::cli {

class ConfigFile {
 public:
  // An absent file is an empty configuration; a malformed one is an error naming the line.
  static Result<ConfigFile> load(const std::filesystem::path& path,
                                 std::vector<std::string>& warnings);
  // The same from the file's text; `path` names it in errors.
  static Result<ConfigFile> parse(std::string_view text, const std::filesystem::path& path);

  const std::filesystem::path& path() const { return path_; }
  std::optional<std::string> get(const std::string& profile, const std::string& key) const;
  void set(const std::string& profile, const std::string& key, const std::string& value);
  std::vector<std::string> profiles() const;
  std::map<std::string, std::string> entries(const std::string& profile) const;
  // The file's text as save() writes it: parse(text()) gives this configuration back.
  std::string text() const;
  Result<void> save() const;

 private:
  std::filesystem::path path_;
  std::map<std::string, std::map<std::string, std::string>> profiles_;
};

}  // namespace aepflow::cli
