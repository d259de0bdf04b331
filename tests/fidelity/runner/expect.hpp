#pragma once
// Holds an answer to what a case expects (tests/fidelity/README.md): the status, values at JSON
// pointers (literal or a type token such as <uuid>), pointers that must be absent, headers, text
// in the body.

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace fidelity {

struct Answer {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
};

// What is wrong with `answer`, one line each; empty when it is what `expect` describes.
std::vector<std::string> problems(const Answer& answer, const nlohmann::json& expect,
                                  const std::map<std::string, std::string>& vars);

// The value at `pointer` ("/a/0|unquote" strips an etag's quotes) as text, for captures.
std::string captured(const nlohmann::json& body, const std::string& pointer);

}  // namespace fidelity
