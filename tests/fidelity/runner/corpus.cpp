#include "corpus.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace fidelity {

using nlohmann::json;

namespace {

Step load_step(const json& j, const std::string& where) {
  auto fail = [&](const std::string& what) { throw std::runtime_error(where + ": " + what); };
  if (!j.is_object()) fail("a step must be an object");
  static const char* known[] = {"name", "curl", "expect", "capture", "note"};
  for (const auto& [key, value] : j.items()) {
    if (std::find(std::begin(known), std::end(known), key) == std::end(known)) {
      fail("unknown key '" + key + "'");
    }
  }
  Step s;
  if (!j.contains("name") || !j["name"].is_string() || j["name"].get<std::string>().empty()) {
    fail("a step needs a name");
  }
  s.name = j["name"];
  if (!j.contains("curl") || !j["curl"].is_array() || j["curl"].empty()) {
    fail(s.name + ": curl must be a non-empty array of arguments");
  }
  for (const auto& a : j["curl"]) {
    if (!a.is_string()) fail(s.name + ": every curl argument is a string");
    s.curl.push_back(a);
  }
  if (!j.contains("expect") || !j["expect"].is_object() || !j["expect"].contains("status") ||
      !j["expect"]["status"].is_number_integer()) {
    fail(s.name + ": expect.status is required");
  }
  static const char* expect_keys[] = {"status",  "json",     "absent",
                                      "headers", "contains", "empty_body"};
  for (const auto& [key, value] : j["expect"].items()) {
    if (std::find(std::begin(expect_keys), std::end(expect_keys), key) == std::end(expect_keys)) {
      fail(s.name + ": unknown expect key '" + key + "'");
    }
  }
  s.expect = j["expect"];
  if (j.contains("capture")) {
    if (!j["capture"].is_object()) fail(s.name + ": capture maps names to JSON pointers");
    for (const auto& [name, pointer] : j["capture"].items()) {
      if (!pointer.is_string()) fail(s.name + ": capture " + name + " must be a JSON pointer");
      s.capture[name] = pointer;
    }
  }
  s.note = j.value("note", "");
  return s;
}

}  // namespace

CaseFile load_case_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot read");
  std::stringstream text;
  text << in.rdbuf();
  json j = json::parse(text.str(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) throw std::runtime_error(path + ": not a JSON object");
  CaseFile f;
  f.path = path;
  f.document = j.value("document", "");
  if (f.document.empty()) throw std::runtime_error(path + ": \"document\" is required");
  for (const char* part : {"setup", "cases"}) {
    if (!j.contains(part)) continue;
    if (!j[part].is_array()) throw std::runtime_error(path + ": " + part + " must be an array");
    for (std::size_t i = 0; i < j[part].size(); ++i) {
      auto step = load_step(j[part][i], path + ": " + part + "[" + std::to_string(i) + "]");
      (std::string(part) == "setup" ? f.setup : f.cases).push_back(std::move(step));
    }
  }
  return f;
}

std::string substitute(const std::string& text, const std::map<std::string, std::string>& vars,
                       std::vector<std::string>& missing) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '{') {
      std::size_t j = i + 1;
      while (j < text.size() &&
             (std::isupper(static_cast<unsigned char>(text[j])) ||
              std::isdigit(static_cast<unsigned char>(text[j])) || text[j] == '_')) {
        ++j;
      }
      if (j < text.size() && text[j] == '}' && j > i + 1 &&
          std::isupper(static_cast<unsigned char>(text[i + 1]))) {
        const std::string name = text.substr(i + 1, j - i - 1);
        auto it = vars.find(name);
        if (it == vars.end()) {
          missing.push_back(name);
          out += text.substr(i, j - i + 1);
        } else {
          out += it->second;
        }
        i = j + 1;
        continue;
      }
    }
    out.push_back(text[i++]);
  }
  return out;
}

}  // namespace fidelity
