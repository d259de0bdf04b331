#include "aepflow/pipeline_file/emit.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace aepflow {

using nlohmann::json;

namespace {

// Words YAML reads as something other than a string (a boolean, a null) in some version.
bool reserved_word(std::string_view s) {
  static constexpr std::array words = {"true", "false", "yes", "no",   "on",
                                       "off",  "y",     "n",   "null", "~"};
  std::string lower(s);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::find(words.begin(), words.end(), lower) != words.end();
}

// A plain scalar only when nothing in it can mean anything to YAML: it starts with a letter and
// holds letters, digits, spaces and . _ / - ( ) :, with no ": " and nothing trailing.
bool plain(std::string_view s) {
  if (s.empty() || !std::isalpha(static_cast<unsigned char>(s.front()))) return false;
  if (s.back() == ' ' || s.back() == ':' || reserved_word(s)) return false;
  if (s.find(": ") != std::string_view::npos) return false;
  return std::all_of(s.begin(), s.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return std::isalnum(c) || c == ' ' || c == '.' || c == '_' || c == '/' || c == '-' ||
           c == '(' || c == ')' || c == ':';
  });
}

std::string hex(unsigned value, int digits) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out(static_cast<std::size_t>(digits), '0');
  for (int i = digits - 1; i >= 0; --i, value >>= 4)
    out[static_cast<std::size_t>(i)] = kDigits[value & 0xF];
  return out;
}

// YAML's double-quoted style: every control character, and the characters YAML counts as line
// breaks (NEL, LS, PS) or drops (a byte order mark), escaped; other UTF-8 as it is.
std::string double_quoted(std::string_view s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const auto next = [&](std::size_t k) {
      return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0;
    };
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7F) {
      out += "\\x" + hex(c, 2);
    } else if (c == 0xC2 && next(1) >= 0x80 && next(1) <= 0x9F) {
      out += "\\u00" + hex(next(1), 2);  // C1 controls, NEL among them
      ++i;
    } else if (c == 0xE2 && next(1) == 0x80 && (next(2) == 0xA8 || next(2) == 0xA9)) {
      out += next(2) == 0xA8 ? "\\u2028" : "\\u2029";
      i += 2;
    } else if (c == 0xEF && next(1) == 0xBB && next(2) == 0xBF) {
      out += "\\uFEFF";
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

class Writer {
 public:
  void line(int indent, const std::string& text) {
    text_.append(static_cast<std::size_t>(indent), ' ').append(text).append("\n");
  }
  // key: value, for a string value
  void text(int indent, std::string_view key, std::string_view value) {
    line(indent, std::string(key) + ": " + yaml_scalar(value));
  }
  void optional(int indent, std::string_view key, const std::optional<std::string>& value) {
    if (value) text(indent, key, *value);
  }
  void list(int indent, std::string_view key, const std::vector<std::string>& items) {
    if (items.empty()) {
      line(indent, std::string(key) + ": []");
      return;
    }
    line(indent, std::string(key) + ":");
    for (const auto& i : items)
      line(indent + 2, "- " + yaml_scalar(i));
  }
  // A param value: a string stays a string (quoted when YAML would read a number or a boolean),
  // numbers and booleans keep their type, objects and arrays nest. Nulls are left out: a
  // pipeline file has no way to say one.
  void value(int indent, const std::string& head, const json& v) {
    if (v.is_string()) {
      line(indent, head + " " + yaml_scalar(v.get<std::string>()));
    } else if (v.is_object()) {
      if (v.empty()) {
        line(indent, head + " {}");
        return;
      }
      line(indent, head);
      members(indent + 2, v);
    } else if (v.is_array()) {
      if (v.empty()) {
        line(indent, head + " []");
        return;
      }
      line(indent, head);
      for (const auto& item : v) {
        if (!item.is_null()) value(indent + 2, "-", item);
      }
    } else {
      line(indent, head + " " + v.dump());
    }
  }
  void members(int indent, const json& object) {
    for (const auto& [key, v] : object.items()) {
      if (!v.is_null()) value(indent, yaml_scalar(key) + ":", v);
    }
  }
  std::string take() { return std::move(text_); }

 private:
  std::string text_;
};

// The file options a current card's target takes beside its params, as `target create` takes
// them as flags; what is not one of them (or not of its shape) stays in params.
void target(Writer& w, const PipelineSpec& p) {
  json params = p.target_params;
  json beside = json::object();
  for (const char* key : {"fileType", "compression"}) {
    if (params.contains(key) && params[key].is_string()) {
      beside[key] = params[key];
      params.erase(key);
    }
  }
  if (params.contains("csvOptions") && params["csvOptions"].is_object() &&
      std::all_of(params["csvOptions"].begin(), params["csvOptions"].end(),
                  [](const json& v) { return v.is_string(); })) {
    beside["csvOptions"] = params["csvOptions"];
    params.erase("csvOptions");
  }
  const bool manifest = params.value("includeFileManifest", json()) == json(true);
  if (manifest) params.erase("includeFileManifest");
  w.line(4, "target:");
  w.text(6, "name", p.target_name);
  w.optional(6, "description", p.target_description);
  w.value(6, "params:", params);
  for (const char* key : {"fileType", "compression"}) {
    if (beside.contains(key)) w.text(6, key, beside[key].get<std::string>());
  }
  if (beside.contains("csvOptions")) w.value(6, "csvOptions:", beside["csvOptions"]);
  if (manifest) w.line(6, "manifest: true");
}

void audience(Writer& w, const AudienceSpec& a) {
  w.line(6, "- id: " + yaml_scalar(a.id));
  w.optional(8, "name", a.name);
  w.optional(8, "description", a.description);
  w.optional(8, "filenameTemplate", a.filename_template);
  w.optional(8, "exportMode", a.export_mode);
  w.optional(8, "frequency", a.frequency);
  w.optional(8, "triggerType", a.trigger_type);
  w.optional(8, "startDate", a.start_date);
  w.optional(8, "startTime", a.start_time);
  w.optional(8, "endDate", a.end_date);
}

void pipeline(Writer& w, const PipelineSpec& p) {
  w.line(2, "- name: " + yaml_scalar(p.name));
  w.text(4, "destination", p.destination);
  w.line(4, "profileStore:");
  w.text(6, "baseConnection", p.profile_base_name);
  w.text(6, "sourceConnection", p.source_name);
  w.line(4, "connection:");
  w.text(6, "name", p.connection_name);
  w.optional(6, "description", p.connection_description);
  if (!p.auth_spec.empty()) w.text(6, "authSpec", p.auth_spec);
  if (!p.auth_params.empty()) w.value(6, "params:", p.auth_params);
  if (!p.encryption_key.empty()) w.text(6, "encryptionKey", p.encryption_key);
  target(w, p);
  w.line(4, "flow:");
  w.text(6, "name", p.flow_name);
  w.optional(6, "description", p.flow_description);
  if (!p.flow_spec.empty()) w.text(6, "flowSpec", p.flow_spec);
  if (p.audiences.empty()) {
    w.line(4, "audiences: []");
  } else {
    w.line(4, "audiences:");
    for (const auto& a : p.audiences)
      audience(w, a);
  }
  w.list(4, "attributes", p.attributes);
  if (!p.identities.empty()) w.list(4, "identities", p.identities);
  if (!p.mandatory.empty()) w.list(4, "mandatoryFields", p.mandatory);
  if (!p.dedup_keys.empty()) {
    std::vector<std::string> keys;
    for (const auto& k : p.dedup_keys)
      keys.push_back(k.text());
    w.list(4, "dedupKeys", keys);
  }
}

}  // namespace

std::string yaml_scalar(std::string_view s) {
  return plain(s) ? std::string(s) : double_quoted(s);
}

std::string pipeline_file_text(const std::vector<PipelineSpec>& pipelines,
                               const std::vector<std::string>& comment) {
  Writer w;
  for (const auto& c : comment) {
    std::string printable;
    for (char ch : c) {
      if (ch >= 0x20 && ch < 0x7F) printable += ch;  // a comment ends at any line break
    }
    w.line(0, printable.empty() ? "#" : "# " + printable);
  }
  w.line(0, "pipelines:");
  for (const auto& p : pipelines)
    pipeline(w, p);
  return w.take();
}

}  // namespace aepflow
