// Shell completion: the bash script is loaded in a real bash and asked for completions.
#include <catch2/catch.hpp>

#include "process.hpp"

TEST_CASE("the bash completion script completes commands and options at each level",
          "[integration][completion]") {
  const std::string script = R"sh(
source <(aepflow completion bash) || exit 3
for line in "aepflow fl" "aepflow flow cr" "aepflow flow create --na" \
            "aepflow --sandbox dev flow ac" "aepflow flow get x --q" "aepflow ru" "aepflow runs w"; do
  COMP_WORDS=($line)
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  _aepflow
  echo "$line => ${COMPREPLY[*]}"
done
)sh";
  auto r =
      test::run_process({"bash", "-c", script}, {{"PATH", test::bin_dir() + ":/usr/bin:/bin"}});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out ==
        "aepflow fl => flowspecs flow\n"
        "aepflow flow cr => create\n"
        "aepflow flow create --na => --name\n"
        "aepflow --sandbox dev flow ac => activate\n"
        "aepflow flow get x --q => --query\n"
        "aepflow ru => runs\n"
        "aepflow runs w => watch\n");
}

TEST_CASE("zsh and fish scripts come from the same tree", "[integration][completion]") {
  auto zsh = test::run_process({test::bin_dir() + "/aepflow", "completion", "zsh"});
  CHECK(zsh.code == 0);
  CHECK_THAT(zsh.out,
             Catch::Contains("bashcompinit") && Catch::Contains("['aepflow flow create']"));
  auto fish = test::run_process({test::bin_dir() + "/aepflow", "completion", "fish"});
  CHECK(fish.code == 0);
  CHECK_THAT(fish.out,
             Catch::Contains("complete -c aepflow -n '__aepflow_at \" flow\"' -a 'activate'") &&
                 Catch::Contains("-n '__aepflow_at \" flow create\"' -l 'name'"));
  auto bad = test::run_process({test::bin_dir() + "/aepflow", "completion", "tcsh"});
  CHECK(bad.code == 2);
}
