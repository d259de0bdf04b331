#pragma once
// A case file of the fidelity corpus (tests/fidelity/README.md): the document it transcribes, the
// setup steps, and the documented cases, each a curl command as printed with what the document
// says comes back.

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace fidelity {

struct Step {
  std::string name;
  std::vector<std::string> curl;  // as printed, without the word curl
  nlohmann::json expect;          // {status, json, absent, headers, contains, empty_body}
  std::map<std::string, std::string> capture;  // variable -> JSON pointer[|unquote]
  std::string note;
};

struct CaseFile {
  std::string path;
  std::string document;
  std::vector<Step> setup;
  std::vector<Step> cases;
};

// Reads and checks the shape of a case file; throws std::runtime_error naming the file and the
// step when it does not follow the format.
CaseFile load_case_file(const std::string& path);

// Replaces every {NAME} of `vars` in `text`; names left unresolved are added to `missing`.
std::string substitute(const std::string& text, const std::map<std::string, std::string>& vars,
                       std::vector<std::string>& missing);

}  // namespace fidelity
