#include "settings/config_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <toml++/toml.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "aepflow/base/files.hpp"
#include "aepflow/base/text.hpp"

namespace aepflow::cli {

namespace fs = std::filesystem;

Result<ConfigFile> ConfigFile::load(const fs::path& path, std::vector<std::string>& warnings) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    ConfigFile empty;
    empty.path_ = path;
    return empty;
  }
  if (auto w = permission_warning(path)) warnings.push_back(*w);
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof()) return usage(path.string() + ": cannot be read");
  return parse(text.str(), path);
}

Result<ConfigFile> ConfigFile::parse(std::string_view text, const fs::path& path) {
  ConfigFile config;
  config.path_ = path;
  toml::table root;
  try {
    root = toml::parse(text, path.string());
  } catch (const toml::parse_error& err) {
    return usage(path.string() + ":" + std::to_string(err.source().begin.line) + ": " +
                 std::string(err.description()));
  }
  for (const auto& [key, node] : root) {
    if (key.str() != "profiles") {
      return usage(path.string() + ": unknown section '" + printable(key.str()) +
                   "'; settings go under [profiles.NAME]");
    }
    const toml::table* profiles = node.as_table();
    if (!profiles) return usage(path.string() + ": 'profiles' must be a table");
    for (const auto& [name, section] : *profiles) {
      const toml::table* settings = section.as_table();
      if (!settings) {
        return usage(path.string() + ": [profiles." + printable(name.str()) + "] must be a table");
      }
      auto& entries = config.profiles_[std::string(name.str())];
      for (const auto& [k, v] : *settings) {
        auto s = v.value<std::string>();
        if (!s) {
          return usage(path.string() + ":" + std::to_string(v.source().begin.line) + ": " +
                       printable(k.str()) + " must be a string");
        }
        entries[std::string(k.str())] = *s;
      }
    }
  }
  return config;
}

std::optional<std::string> ConfigFile::get(const std::string& profile,
                                           const std::string& key) const {
  auto p = profiles_.find(profile);
  if (p == profiles_.end()) return std::nullopt;
  auto it = p->second.find(key);
  if (it == p->second.end()) return std::nullopt;
  return it->second;
}

void ConfigFile::set(const std::string& profile, const std::string& key, const std::string& value) {
  profiles_[profile][key] = value;
}

std::vector<std::string> ConfigFile::profiles() const {
  std::vector<std::string> out;
  for (const auto& [name, _] : profiles_)
    out.push_back(name);
  return out;
}

std::map<std::string, std::string> ConfigFile::entries(const std::string& profile) const {
  auto p = profiles_.find(profile);
  return p == profiles_.end() ? std::map<std::string, std::string>{} : p->second;
}

std::string ConfigFile::text() const {
  toml::table profiles;
  for (const auto& [name, entries] : profiles_) {
    toml::table section;
    for (const auto& [k, v] : entries)
      section.insert_or_assign(k, v);
    profiles.insert_or_assign(name, std::move(section));
  }
  toml::table root;
  root.insert_or_assign("profiles", std::move(profiles));
  std::ostringstream text;
  text << "# aepflow configuration: see `aepflow config --help`.\n" << root << "\n";
  return text.str();
}

Result<void> ConfigFile::save() const {
  auto written = replace_private_file(path_, text());
  if (!written) return usage(written.error().message);
  return {};
}

}  // namespace aepflow::cli
