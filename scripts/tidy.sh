#!/usr/bin/env bash
# Runs clang-tidy (.clang-tidy's checks, warnings as errors) on C++ sources.
#   scripts/tidy.sh           the sources the last commit changed (every source when the clone
#                             has no parent commit to compare with)
#   scripts/tidy.sh --all     every source
#   scripts/tidy.sh FILE...   these files
# A changed header brings in the sources that include it.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh --tidy
tidy=clang-tidy-19
build=build-tidy
# Compile commands only (no build): without precompiled headers, whose GCC form clang cannot read.
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  -DCMAKE_DISABLE_PRECOMPILE_HEADERS=ON -DAEPFLOW_BUILD_TESTS=OFF >/dev/null

all_sources() { git ls-files 'src/*.cpp'; }
changed=()
if [[ $# -gt 0 && $1 == --all ]]; then
  mapfile -t files < <(all_sources)
elif [[ $# -gt 0 ]]; then
  files=("$@")
elif git rev-parse -q --verify HEAD~1 >/dev/null; then
  mapfile -t changed < <(git diff --name-only --diff-filter=d HEAD~1 HEAD -- 'src' 'include')
  files=()
  for f in "${changed[@]}"; do
    case $f in
      *.cpp) files+=("$f") ;;
      *.hpp)
        # The sources that include the header by its include path.
        name=${f#include/}
        name=${name#src/cli/}
        name=${name#src/emulator/}
        mapfile -t users < <(git grep -l --fixed-strings "#include \"$name\"" -- 'src/*.cpp' || true)
        files+=("${users[@]}")
        ;;
    esac
  done
  mapfile -t files < <(printf '%s\n' "${files[@]}" | sort -u | sed '/^$/d')
else
  echo "tidy: no parent commit to compare with: checking every source" >&2
  mapfile -t files < <(all_sources)
fi
if [[ ${#files[@]} -eq 0 ]]; then
  echo "tidy: no C++ source changed"
  exit 0
fi
echo "tidy: ${#files[@]} source(s)"
jobs=$(nproc 2>/dev/null || echo 2)
# -Wno-deprecated-declarations: libstdc++ 12's std::stable_sort calls std::get_temporary_buffer,
# which clang marks deprecated (g++ -Werror still catches deprecations in aepflow's own code).
printf '%s\n' "${files[@]}" | xargs -P "$jobs" -n 2 "$tidy" -p "$build" --quiet \
  --extra-arg=-Wno-deprecated-declarations
echo "tidy: clean"
