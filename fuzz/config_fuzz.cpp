// libFuzzer target: arbitrary bytes as config.toml. Every input must give a configuration or an
// error naming the file, never a crash; and what is read is what is written: the text a
// configuration saves reads back as the same profiles and settings, also after `config set` has
// stored a value of any kind in a profile of any name.
//
// Input: the file's text; after a NUL, optionally a `config set`: a setting (its first byte picks
// which), the profile's name, a NUL and the value.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "aepflow/base/utf8.hpp"
#include "settings/config_file.hpp"

namespace {

using aepflow::cli::ConfigFile;

constexpr const char* kKeys[] = {"base_url",  "org_id",        "sandbox",
                                 "client_id", "client_secret", "scopes",
                                 "ims_url",   "api_key",       "secret_command_timeout",
                                 "ca_bundle"};

// `config` as saved, read back: the same profiles, each with the same settings.
void check_round_trip(const ConfigFile& config) {
  const std::string text = config.text();
  auto again = ConfigFile::parse(text, config.path());
  if (!again) __builtin_trap();
  if (again->profiles() != config.profiles()) __builtin_trap();
  for (const auto& profile : config.profiles()) {
    if (again->entries(profile) != config.entries(profile)) __builtin_trap();
  }
  if (again->text() != text) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto nul = input.find('\0');
  auto config = ConfigFile::parse(input.substr(0, nul), "/home/fuzz/.config/aepflow/config.toml");
  if (!config) return 0;
  check_round_trip(*config);
  if (nul == std::string_view::npos || nul + 1 == input.size()) return 0;

  std::string_view set = input.substr(nul + 1);
  const std::string key = kKeys[static_cast<unsigned char>(set[0]) % std::size(kKeys)];
  set.remove_prefix(1);
  const auto end = set.find('\0');
  const std::string profile(set.substr(0, end));
  const std::string value(end == std::string_view::npos ? "" : set.substr(end + 1));
  // The command line refuses a value that is not UTF-8 before `config set` runs.
  if (aepflow::find_invalid_utf8(profile) || aepflow::find_invalid_utf8(value)) return 0;
  config->set(profile, key, value);
  if (config->get(profile, key) != value) __builtin_trap();
  check_round_trip(*config);
  return 0;
}
