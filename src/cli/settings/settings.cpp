#include "settings/settings.hpp"

#include <algorithm>

#include "aepflow/auth/ims.hpp"
#include "aepflow/base/text.hpp"
#include "aepflow/http/http.hpp"

namespace aepflow::cli {

namespace fs = std::filesystem;

const std::vector<SettingSpec>& setting_specs() {
  static const std::vector<SettingSpec> specs = {
      {"base_url", "--base-url", "AEP_BASE_URL",
       "https://platform.adobe.io/data/foundation/flowservice", false, true,
       "Flow Service base URL"},
      {"org_id", "--org-id", "AEP_ORG_ID", "", false, true, "IMS organization ID (...@AdobeOrg)"},
      {"sandbox", "--sandbox", "AEP_SANDBOX", "prod", false, true,
       "sandbox name, sent as x-sandbox-name on every request (default prod)"},
      {"client_id", "--client-id", "AEP_CLIENT_ID", "", false, true,
       "OAuth server-to-server client ID (also the default API key)"},
      {"client_secret", "--client-secret", "AEP_CLIENT_SECRET", "", true, true,
       "OAuth client secret: env:VAR, @PATH, file:PATH, cmd:COMMAND or prompt:"},
      {"scopes", "--scopes", "AEP_SCOPES", default_scopes, false, true,
       "OAuth scopes, comma-separated"},
      {"ims_url", "--ims-url", "AEP_IMS_URL", default_ims_url, false, true,
       "Adobe IMS URL for token requests"},
      {"api_key", "--api-key", "AEP_API_KEY", "", false, true,
       "API key (x-api-key); default: the client ID"},
      {"access_token", "--access-token", "AEP_ACCESS_TOKEN", "", true, false,
       "IMS access token, instead of a client ID and secret"},
      {"secret_command_timeout", "--secret-command-timeout", "AEP_SECRET_COMMAND_TIMEOUT", "30",
       false, true, "seconds a cmd: secret reference may run before it is stopped (default 30)"},
      {"ca_bundle", "--ca-bundle", "AEP_CA_BUNDLE", "", false, true,
       "CA certificates to trust (corporate proxies); verification stays on"},
  };
  return specs;
}

const SettingSpec* find_setting(std::string_view key) {
  for (const auto& s : setting_specs()) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

const Setting& Settings::operator[](std::string_view key) const {
  static const Setting unset;
  auto it = values.find(key);
  return it == values.end() ? unset : it->second;
}

namespace {

constexpr std::string_view kSpaces = " \t";

bool is_blank(std::string_view v) {
  return v.find_first_not_of(kSpaces) == std::string_view::npos;
}

std::string_view trimmed(std::string_view v) {
  const auto first = v.find_first_not_of(kSpaces);
  if (first == std::string_view::npos) return {};
  return v.substr(first, v.find_last_not_of(kSpaces) - first + 1);
}

fs::path xdg_dir(const Io& io, const char* var, const char* fallback) {
  if (auto v = io.getenv(var); v && !v->empty()) return fs::path(*v) / "aepflow";
  if (auto home = io.getenv("HOME"); home && !home->empty()) {
    return fs::path(*home) / fallback / "aepflow";
  }
  return {};
}

}  // namespace

fs::path config_path(const Io& io) {
  fs::path dir = xdg_dir(io, "XDG_CONFIG_HOME", ".config");
  return dir.empty() ? dir : dir / "config.toml";
}

fs::path cache_dir(const Io& io) {
  return xdg_dir(io, "XDG_CACHE_HOME", ".cache");
}

Result<Settings> resolve_settings(const FlagValues& flags, std::optional<std::string> profile_flag,
                                  const Io& io) {
  Settings s;
  if (profile_flag) {
    s.profile = *profile_flag;
    s.profile_origin = "--profile";
  } else if (auto env = io.getenv("AEP_PROFILE"); env && !env->empty()) {
    s.profile = *env;
    s.profile_origin = "AEP_PROFILE";
  } else {
    s.profile = "default";
    s.profile_origin = "default";
  }

  s.config_path = config_path(io);
  ConfigFile config;
  if (!s.config_path.empty()) {
    auto loaded = ConfigFile::load(s.config_path, s.warnings);
    if (!loaded) return std::unexpected(loaded.error());
    config = std::move(*loaded);
  }
  if (s.profile_origin != "default" && config.entries(s.profile).empty()) {
    return usage(
        "profile '" + s.profile + "' (" + s.profile_origin + ") is not in " +
        (s.config_path.empty() ? std::string("the configuration") : s.config_path.string()) +
        "; create it with: aepflow config set KEY VALUE --profile " + s.profile);
  }

  // A key the profile holds that is no setting is a typo the user should hear of, not a
  // silently ignored line.
  for (const auto& [key, value] : config.entries(s.profile)) {
    const auto& specs = setting_specs();
    const bool known = std::any_of(specs.begin(), specs.end(), [&](const SettingSpec& spec) {
      return spec.in_profile && spec.key == key;
    });
    if (!known) {
      s.warnings.push_back(s.config_path.string() + ": [profiles." + s.profile +
                           "] has an unknown setting '" + printable(key) + "' (ignored)");
    }
  }

  for (const auto& spec : setting_specs()) {
    Setting v;
    auto f = flags.find(spec.key);
    auto e = f == flags.end() ? io.getenv(spec.env) : std::nullopt;
    if ((f != flags.end() && is_blank(f->second)) || (e && is_blank(*e))) {
      // Given, but blank: an error when it is needed, never a silent fallback (AEP_SANDBOX= in
      // a script whose variable is unset must not mean prod).
      s.given_blank.emplace_back(f != flags.end() ? spec.flag : spec.env);
    } else if (f != flags.end()) {
      v = {f->second, std::string(spec.flag)};
    } else if (e) {
      v = {*e, std::string(spec.env)};
    } else if (auto p = config.get(s.profile, std::string(spec.key)); p && spec.in_profile) {
      if (is_blank(*p)) {
        s.given_blank.push_back(std::string(spec.key) + " in profile " + s.profile);
      } else {
        v = {*p, "profile " + s.profile};
      }
    } else if (!spec.fallback.empty()) {
      v = {std::string(spec.fallback), "default"};
    }
    if (spec.key == "sandbox") v.value = std::string(trimmed(v.value));  // as the service reads it
    s.values[std::string(spec.key)] = std::move(v);
  }
  // The client ID is the API key unless one is set explicitly, as Adobe's docs say.
  if (!s.values["api_key"].set() && s.values["client_id"].set()) {
    s.values["api_key"] = {s.values["client_id"].value, "the client ID"};
  }
  return s;
}

Result<void> check_header_value(std::string_view origin, std::string_view value, bool secret) {
  const std::size_t at = header_value_flaw(value);
  if (at == std::string_view::npos) return {};
  return usage(std::string(origin) + " holds a control character (" +
               printable(value.substr(at, 1)) + " at position " + std::to_string(at + 1) +
               (secret ? "; the value is not shown" : ": '" + printable(value) + "'") +
               "), which would change the request's headers; nothing was sent");
}

Result<void> check_given(const Settings& s) {
  if (!s.given_blank.empty()) {
    const std::string& origin = s.given_blank.front();
    return usage(origin + (origin.starts_with("AEP_") ? " is set but empty" : " is empty") +
                 ": give a value, or leave it out to use the profile or the default; nothing "
                 "was sent");
  }
  for (const char* key : {"sandbox", "org_id", "api_key", "client_id", "access_token"}) {
    const Setting& v = s[key];
    if (!v.set()) continue;
    const SettingSpec& spec = *find_setting(key);
    // A reference is checked once read (Context); its text is no header.
    if (spec.secret && shown_value(spec, v.value) != "***") continue;
    const std::string origin =
        v.origin.starts_with("profile ") ? std::string(spec.key) + " in " + v.origin : v.origin;
    // API keys and client IDs are shown by their first characters only (shown_value).
    const bool hidden = spec.secret || spec.key == "api_key" || spec.key == "client_id";
    if (auto ok = check_header_value(origin, v.value, hidden); !ok) return ok;
  }
  return {};
}

bool is_production_sandbox(std::string_view sandbox) {
  return iequals(trimmed(sandbox), "prod");
}

std::string shown_value(const SettingSpec& spec, const std::string& value) {
  if (value.empty()) return value;
  if (spec.secret) {
    for (std::string_view ref : {"env:", "file:", "cmd:", "@", "prompt:"}) {
      if (value.starts_with(ref) && !value.starts_with("@@")) return value;
    }
    return "***";
  }
  if (spec.key == "api_key" || spec.key == "client_id") {
    // An API key is shown by its first characters only.
    return value.size() > 8 ? value.substr(0, 4) + "***" : "***";
  }
  return value;
}

}  // namespace aepflow::cli
