#include "expect.hpp"

#include <regex>

#include "corpus.hpp"

namespace fidelity {

using nlohmann::json;

namespace {

const json* at(const json& doc, const std::string& pointer) {
  try {
    json::json_pointer p(pointer);
    return doc.contains(p) ? &doc.at(p) : nullptr;
  } catch (const json::exception&) {
    return nullptr;
  }
}

std::string shown(const json& v) {
  std::string s = v.dump();
  return s.size() > 160 ? s.substr(0, 157) + "..." : s;
}

// A problem with `actual` (nullptr: missing) against `want`, or "".
std::string mismatch(const json* actual, const json& want) {
  if (!actual) return "missing";
  if (want.is_string()) {
    const std::string w = want.get<std::string>();
    static const std::regex uuid("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    auto is_string = actual->is_string();
    const std::string text = is_string ? actual->get<std::string>() : "";
    bool ok = true;
    if (w == "<any>") {
      ok = true;
    } else if (w == "<string>") {
      ok = is_string;
    } else if (w == "<number>") {
      ok = actual->is_number();
    } else if (w == "<integer>") {
      ok = actual->is_number_integer();
    } else if (w == "<boolean>") {
      ok = actual->is_boolean();
    } else if (w == "<array>") {
      ok = actual->is_array();
    } else if (w == "<object>") {
      ok = actual->is_object();
    } else if (w == "<null>") {
      ok = actual->is_null();
    } else if (w == "<etag>") {
      ok = is_string && text.size() >= 3 && text.front() == '"' && text.back() == '"';
    } else if (w == "<nonempty>") {
      ok = (is_string || actual->is_array() || actual->is_object()) && !actual->empty() &&
           !(is_string && text.empty());
    } else if (w == "<uuid>") {
      ok = is_string && std::regex_match(text, uuid);
    } else if (w.starts_with("~")) {
      ok = is_string && text.find(w.substr(1)) != std::string::npos;
    } else {
      ok = *actual == want;
    }
    return ok ? "" : "is " + shown(*actual) + ", expected " + w;
  }
  return *actual == want ? "" : "is " + shown(*actual) + ", expected " + shown(want);
}

// Placeholders in expected values, recursively.
json resolved(const json& want, const std::map<std::string, std::string>& vars,
              std::vector<std::string>& missing) {
  if (want.is_string()) return substitute(want.get<std::string>(), vars, missing);
  if (want.is_array() || want.is_object()) {
    json out = want;
    for (auto& v : out)
      v = resolved(v, vars, missing);
    return out;
  }
  return want;
}

}  // namespace

std::vector<std::string> problems(const Answer& answer, const json& expect,
                                  const std::map<std::string, std::string>& vars) {
  std::vector<std::string> out;
  std::vector<std::string> missing;
  const json want = resolved(expect, vars, missing);
  for (const auto& m : missing)
    out.push_back("expectation uses {" + m + "}, which no earlier step captured");
  const std::string brief =
      answer.body.size() > 300 ? answer.body.substr(0, 297) + "..." : answer.body;
  if (answer.status != want.at("status").get<int>()) {
    out.push_back("status " + std::to_string(answer.status) + ", expected " +
                  want["status"].dump() + " (body: " + brief + ")");
  }
  const json body = json::parse(answer.body, nullptr, false);
  if (want.contains("json")) {
    if (body.is_discarded()) {
      out.push_back("the body is not JSON: " + brief);
    } else {
      for (const auto& [pointer, value] : want["json"].items()) {
        auto m = mismatch(at(body, pointer), value);
        if (!m.empty()) out.push_back(pointer + " " + m);
      }
    }
  }
  if (want.contains("absent") && !body.is_discarded()) {
    for (const auto& pointer : want["absent"]) {
      if (at(body, pointer.get<std::string>())) {
        out.push_back(pointer.get<std::string>() +
                      " is present: " + shown(*at(body, pointer.get<std::string>())));
      }
    }
  }
  if (want.contains("headers")) {
    for (const auto& [name, value] : want["headers"].items()) {
      auto h = answer.headers.find(name);
      json actual = h == answer.headers.end() ? json() : json(h->second);
      auto m = mismatch(h == answer.headers.end() ? nullptr : &actual, value);
      if (!m.empty()) out.push_back("header " + name + " " + m);
    }
  }
  if (want.contains("contains") &&
      answer.body.find(want["contains"].get<std::string>()) == std::string::npos) {
    out.push_back("the body does not contain " + want["contains"].dump() + ": " + brief);
  }
  if (want.value("empty_body", false) && !answer.body.empty()) {
    out.push_back("expected no body, got: " + brief);
  }
  return out;
}

std::string captured(const json& body, const std::string& spec) {
  std::string pointer = spec;
  bool unquote = false;
  if (pointer.ends_with("|unquote")) {
    pointer.resize(pointer.size() - 8);
    unquote = true;
  }
  const json* v = body.is_discarded() ? nullptr : at(body, pointer);
  if (!v) return {};
  std::string text = v->is_string() ? v->get<std::string>() : v->dump();
  if (unquote && text.size() >= 2 && text.front() == '"' && text.back() == '"') {
    text = text.substr(1, text.size() - 2);
  }
  return text;
}

}  // namespace fidelity
