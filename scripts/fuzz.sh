#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for SECONDS (default 300), or only the
# TARGETs named, and prints how many inputs each ran a second.
#   scripts/fuzz.sh 10                    # the short run `make test` does
#   scripts/fuzz.sh 3600                  # a long one
#   scripts/fuzz.sh 600 response_fuzz     # one target
# Seeds: scripts/fuzz-seeds.sh. Failing inputs are written to build-fuzz/crashes/ and make the
# script fail; keep each under fuzz/corpus/<target>/, beside the test of its fix.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
shift || true
build=${FUZZ_BUILD:-build-fuzz}
all=(response_fuzz audience_file_fuzz pipeline_file_fuzz config_fuzz secret_ref_fuzz params_fuzz
  etag_id_fuzz)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")
for t in "${targets[@]}"; do
  [[ " ${all[*]} " == *" $t "* ]] || { echo "fuzz.sh: unknown target $t (${all[*]})" >&2; exit 2; }
done

./scripts/install-deps.sh --fuzz
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-19 \
  -DAEPFLOW_FUZZ=ON -DAEPFLOW_BUILD_TESTS=OFF -DAEPFLOW_WERROR=OFF >/dev/null
cmake --build "$build" --target "${targets[@]}" -j "${FUZZ_JOBS:-2}"

./scripts/fuzz-seeds.sh "$build/seeds"
mkdir -p "$build/crashes"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export ASAN_SYMBOLIZER_PATH=${ASAN_SYMBOLIZER_PATH:-/usr/lib/llvm-19/bin/llvm-symbolizer}
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
for name in "${targets[@]}"; do
  corpus="$build/corpus/$name"
  mkdir -p "$corpus"
  echo "fuzzing $name for ${seconds}s" >&2
  "$build/bin/$name" "$corpus" "$build/seeds/$name" -max_total_time="$seconds" \
    -max_len=65536 -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$build/crashes/$name-" \
    -print_final_stats=1 2>"$build/$name.log" || {
    tail -40 "$build/$name.log" >&2
    echo "error: $name found a failing input: see $build/crashes/" >&2
    exit 1
  }
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$build/$name.log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$build/$name.log")
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$build/$name.log")
  printf '  %-20s %9s inputs  %6s execs/s  %5s MB peak\n' "$name" "$runs" "$rate" "$rss" >&2
done
