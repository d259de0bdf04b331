#!/usr/bin/env bash
# The long soak: the tutorial chain RUNS times (default 200) against the emulator with 20% of
# requests faulted (every kind), then the checks for duplicates and lost audiences.
#   scripts/soak.sh [RUNS] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-200}
seed=${2:-$RANDOM}
build=${SOAK_BUILD:-build}

./scripts/install-deps.sh
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DAEPFLOW_BUILD_TESTS=ON >/dev/null
cmake --build "$build" --target integration_tests -j "$(nproc)"
echo "soak: $runs runs, seed $seed" >&2
log="$build/soak.log"
status=0
AEPFLOW_SOAK_RUNS=$runs AEPFLOW_SOAK_SEED=$seed "$build/bin/integration_tests" "[soak]" -s >"$log" \
  2>&1 || status=$?
grep -m1 "runs completed" "$log" >&2 || true
grep -E "^test cases|^All tests passed" "$log" >&2 || true
[ "$status" -eq 0 ] || echo "error: the soak failed; details in $log" >&2
exit "$status"
