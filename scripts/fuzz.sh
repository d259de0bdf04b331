#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for SECONDS (default 300).
#   scripts/fuzz.sh 20     # the short run `make test` does
#   scripts/fuzz.sh 3600   # a long one
# Crashing inputs are written to build-fuzz/crashes/ and make the script fail.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
build=${FUZZ_BUILD:-build-fuzz}

./scripts/install-deps.sh --fuzz
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-19 \
  -DAEPFLOW_FUZZ=ON -DAEPFLOW_BUILD_TESTS=OFF -DAEPFLOW_WERROR=OFF >/dev/null
cmake --build "$build" --target response_fuzz audience_file_fuzz pipeline_file_fuzz -j "$(nproc)"

# Seeds: the service's documented answers (status 200, JSON: the two leading bytes the target
# reads first), sample audience files, and the example pipeline files.
seeds="$build/seeds"
rm -rf "$seeds" && mkdir -p "$seeds/responses" "$seeds/audiences" "$seeds/pipeline_files" \
  "$build/crashes"
for f in tests/fixtures/openapi/responses/*.json; do
  { printf '\000\001'; cat "$f"; } >"$seeds/responses/$(basename "$f")"
done
cp fuzz/corpus/audiences/* "$seeds/audiences/"
cp examples/pipelines/*.yaml "$seeds/pipeline_files/"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
for target in response_fuzz:responses audience_file_fuzz:audiences pipeline_file_fuzz:pipeline_files; do
  name=${target%%:*}
  corpus="$build/corpus/${target##*:}"
  mkdir -p "$corpus"
  echo "fuzzing $name for ${seconds}s" >&2
  "$build/bin/$name" "$corpus" "$seeds/${target##*:}" -max_total_time="$seconds" \
    -max_len=65536 -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$build/crashes/$name-" \
    -print_final_stats=1 2>"$build/$name.log" || {
    tail -40 "$build/$name.log" >&2
    echo "error: $name found a failing input: see $build/crashes/" >&2
    exit 1
  }
  grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "$build/$name.log" | sed "s/^/  $name /" >&2
done
