// The CI workflow: it runs make targets that exist, the sanitizer suite, and uploads the .deb.
#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>
#include <regex>
#include <set>

#include "temp_dir.hpp"

TEST_CASE("the GitHub Actions workflow builds, tests with sanitizers and uploads the .deb",
          "[packaging]") {
  const std::string root = AEPFLOW_SOURCE_DIR;
  const YAML::Node workflow = YAML::LoadFile(root + "/.github/workflows/ci.yml");
  const std::string makefile = test::read_text(root + "/Makefile");

  std::set<std::string> targets;
  std::string runs;
  bool uploads_deb = false;
  for (const auto& job : workflow["jobs"]) {
    CHECK(job.second["container"].as<std::string>() == "debian:12");
    for (const auto& step : job.second["steps"]) {
      if (step["run"]) runs += step["run"].as<std::string>() + "\n";
      if (step["uses"] && step["uses"].as<std::string>().starts_with("actions/upload-artifact")) {
        uploads_deb = step["with"]["path"].as<std::string>().ends_with(".deb");
      }
    }
  }
  const std::regex make_target(R"(make ([a-z-]+))");
  for (std::sregex_iterator it(runs.begin(), runs.end(), make_target), end; it != end; ++it) {
    const std::string target = (*it)[1];
    INFO(target);
    CHECK(makefile.find("\n" + target + ":") != std::string::npos);
    targets.insert(target);
  }
  CHECK(targets.count("test-plain") == 1);
  CHECK(targets.count("test-sanitize") == 1);
  CHECK_THAT(runs, Catch::Contains("cpack"));
  CHECK(uploads_deb);
}
