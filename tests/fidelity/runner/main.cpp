// fidelity_runner: sends the requests of Adobe's documents, as printed, to the emulator with curl
// and checks each answer against what the document says (tests/fidelity/README.md).
//
//   fidelity_runner [--emulator PATH] FILE...     run the files; exit 1 when a case fails
//   fidelity_runner --count [--min N] FILE...     count the documented cases
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "corpus.hpp"
#include "expect.hpp"
#include "process.hpp"

namespace {

using fidelity::Answer;
using fidelity::CaseFile;
using fidelity::Step;
using nlohmann::json;

constexpr const char* kHost = "https://platform.adobe.io";

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The headers of the last answer in a `curl -D` file (a 100 Continue may come first).
std::map<std::string, std::string> parse_headers(const std::string& text) {
  std::map<std::string, std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.starts_with("HTTP/")) {
      out.clear();
      continue;
    }
    auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name = line.substr(0, colon);
    for (auto& c : name)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    out[name] = value;
  }
  return out;
}

class Runner {
 public:
  Runner(const test::Emulator& emu, std::string dir) : emu_(emu), dir_(std::move(dir)) {}

  // Runs one step; returns its problems (empty: it passed).
  std::vector<std::string> run(const Step& step, std::map<std::string, std::string>& vars) {
    std::vector<std::string> missing;
    std::vector<std::string> argv = {"curl",        "-sS",          "-g", "--max-time",      "20",
                                     "-o",          dir_ + "/body", "-D", dir_ + "/headers", "-w",
                                     "%{http_code}"};
    for (const auto& arg : step.curl) {
      std::string a = fidelity::substitute(arg, vars, missing);
      if (a.starts_with(kHost)) a = emu_.url() + a.substr(std::strlen(kHost));
      argv.push_back(a);
    }
    std::vector<std::string> out;
    for (const auto& m : missing)
      out.push_back("the request uses {" + m + "}, which no earlier step captured");
    if (!out.empty()) return out;
    std::filesystem::remove(dir_ + "/body");
    std::filesystem::remove(dir_ + "/headers");
    auto r = test::run_process(argv);
    Answer answer;
    answer.status = std::atoi(r.out.c_str());
    answer.body = slurp(dir_ + "/body");
    answer.headers = parse_headers(slurp(dir_ + "/headers"));
    if (r.code != 0 && answer.status == 0) {
      return {"curl failed (exit " + std::to_string(r.code) + "): " + r.err};
    }
    out = fidelity::problems(answer, step.expect, vars);
    const json body = json::parse(answer.body, nullptr, false);
    for (const auto& [name, pointer] : step.capture) {
      std::string value = fidelity::captured(body, pointer);
      if (value.empty()) {
        out.push_back("capture " + name + ": nothing at " + pointer);
      } else {
        vars[name] = value;
      }
    }
    return out;
  }

 private:
  const test::Emulator& emu_;
  std::string dir_;
};

std::map<std::string, std::string> standard_vars() {
  return {{"ACCESS_TOKEN", "emulator-token"},
          {"API_KEY", "emulator-api-key"},
          {"ORG_ID", "0A1B2C3D4E5F60718293A4B5@AdobeOrg"},
          {"IMS_ORG", "0A1B2C3D4E5F60718293A4B5@AdobeOrg"},
          {"SANDBOX_NAME", "prod"}};
}

// Runs a file; returns {passed, failed}.
std::pair<int, int> run_file(const CaseFile& file, const test::Emulator& emu,
                             const std::string& dir) {
  emu.admin("POST", "/__emulator/reset");
  Runner runner(emu, dir);
  auto vars = standard_vars();
  const std::string name = std::filesystem::path(file.path).filename().string();
  for (const auto& step : file.setup) {
    auto p = runner.run(step, vars);
    if (!p.empty()) {
      std::cout << "FAIL " << name << " setup: " << step.name << '\n';
      for (const auto& line : p)
        std::cout << "     " << line << '\n';
      return {0, static_cast<int>(file.cases.size())};
    }
  }
  int passed = 0, failed = 0;
  for (const auto& step : file.cases) {
    auto p = runner.run(step, vars);
    if (p.empty()) {
      ++passed;
      continue;
    }
    ++failed;
    std::cout << "FAIL " << name << ": " << step.name << '\n';
    for (const auto& line : p)
      std::cout << "     " << line << '\n';
  }
  std::cout << name << ": " << passed << " of " << file.cases.size() << " documented cases pass ("
            << file.document << ")\n";
  return {passed, failed};
}

}  // namespace

int main(int argc, char** argv) {
  std::string emulator;
  bool count = false;
  long min = 0;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--emulator" && i + 1 < argc) {
      emulator = argv[++i];
    } else if (a == "--count") {
      count = true;
    } else if (a == "--min" && i + 1 < argc) {
      min = std::atol(argv[++i]);
    } else if (a.starts_with("-")) {
      std::cerr << "usage: fidelity_runner [--emulator PATH | --count [--min N]] FILE...\n";
      return 2;
    } else {
      paths.push_back(a);
    }
  }
  if (paths.empty()) {
    std::cerr << "fidelity_runner: no case files given\n";
    return 2;
  }
  std::vector<CaseFile> files;
  try {
    for (const auto& p : paths)
      files.push_back(fidelity::load_case_file(p));
  } catch (const std::exception& e) {
    std::cerr << "fidelity_runner: " << e.what() << '\n';
    return 2;
  }
  if (count) {
    long total = 0;
    for (const auto& f : files) {
      std::cout << f.cases.size() << "\t" << f.document << '\n';
      total += static_cast<long>(f.cases.size());
    }
    std::cout << total << "\tdocumented cases in " << files.size() << " files\n";
    if (total < min) {
      std::cout << "fewer than " << min << " documented cases\n";
      return 1;
    }
    return 0;
  }
  std::string dir = (std::filesystem::temp_directory_path() / "fidelity-XXXXXX").string();
  if (!mkdtemp(dir.data())) {
    std::cerr << "fidelity_runner: mkdtemp failed\n";
    return 1;
  }
  int passed = 0, failed = 0;
  try {
    // Runs start as soon as a flow can export and finish at once, as the documents show runs of
    // schedules that began in the past.
    test::Emulator emu({"--first-run-delay", "0", "--run-duration", "0", "--run-failure-rate", "0"},
                       emulator);
    for (const auto& f : files) {
      auto [p, fl] = run_file(f, emu, dir);
      passed += p;
      failed += fl;
    }
  } catch (const std::exception& e) {
    std::cerr << "fidelity_runner: " << e.what() << '\n';
    failed += 1;
  }
  std::filesystem::remove_all(dir);
  std::cout << passed << " passed, " << failed << " failed\n";
  return failed == 0 ? 0 : 1;
}
