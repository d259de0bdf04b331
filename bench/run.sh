#!/usr/bin/env bash
# The benchmark: aepflow against curl making the same requests, on this machine, in this run.
#   bench/run.sh [RUNS]      # RUNS samples per case (default 20); writes docs/benchmarks.md
# Reported as ratios of medians (aepflow / curl), with min and max of each side. Not a test:
# nothing here asserts a timing.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
build=${BENCH_BUILD:-build-bench}
out=${BENCH_OUT:-docs/benchmarks.md}

./scripts/install-deps.sh --bench
if [ -n "${BENCH_BIN:-}" ]; then
  bin=$(cd "$BENCH_BIN" && pwd)  # binaries already built in release mode
else
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DAEPFLOW_BUILD_TESTS=OFF >/dev/null
  cmake --build "$build" --target aepflow aepflow-emulator -j "$(nproc)" >/dev/null
  bin=$(cd "$build/bin" && pwd)
fi

work=$(mktemp -d)
"$bin/aepflow-emulator" --port 0 --run-interval 0 >"$work/url" 2>"$work/log" &
emulator=$!
trap 'kill $emulator 2>/dev/null; wait $emulator 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 200); do [ -s "$work/url" ] && break; sleep 0.05; done
url=$(head -1 "$work/url")
base="$url/data/foundation/flowservice"

export AEP_BASE_URL=$base AEP_ACCESS_TOKEN=emulator-token AEP_API_KEY=emulator-api-key \
  AEP_ORG_ID=0A1B2C3D4E5F60718293A4B5@AdobeOrg AEP_SANDBOX=dev HOME=$work XDG_CACHE_HOME=$work \
  XDG_CONFIG_HOME=$work S3_ID=AKIAIOSFODNN7EXAMPLE S3_SECRET=s3-bench-secret-0001
headers=(-H "Authorization: Bearer $AEP_ACCESS_TOKEN" -H "x-api-key: $AEP_API_KEY"
  -H "x-gw-ims-org-id: $AEP_ORG_ID" -H "x-sandbox-name: $AEP_SANDBOX"
  -H "Accept: application/json")

now_ns() { date +%s%N; }

# Times `runs` runs of a shell function; prints the samples in milliseconds, one per line.
sample() {
  local fn=$1 i t0 t1
  for i in $(seq 1 "$runs"); do
    t0=$(now_ns)
    "$fn" "$i" >/dev/null
    t1=$(now_ns)
    echo "scale=3; ($t1 - $t0) / 1000000" | bc
  done
}

# "median min max" of numbers on stdin.
stats() {
  sort -g | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
    printf "%.2f %.2f %.2f\n", m, v[1], v[NR] }'
}

rows=()
compare() {  # NAME AEPFLOW_FN CURL_FN
  local a c
  a=$(sample "$2" | stats)
  c=$(sample "$3" | stats)
  read -r am amin amax <<<"$a"
  read -r cm cmin cmax <<<"$c"
  ratio=$(awk -v a="$am" -v c="$cm" 'BEGIN { printf "%.2f", a / c }')
  rows+=("| $1 | $am ($amin-$amax) | $cm ($cmin-$cmax) | ${ratio}x |")
  echo "$1: aepflow $am ms, curl $cm ms, ratio ${ratio}x" >&2
}

# ---- 1. One call ----------------------------------------------------------------------------
flow_setup() {
  local b s d t
  b=$(aepflow_ connection create --name b -o id)
  s=$(aepflow_ source create --name s --base-connection "$b" -o id)
  d=$(aepflow_ connection create --name d --spec "Adobe Campaign" --auth-spec S3 \
    --param accessId=env:S3_ID --param secretKey=env:S3_SECRET -o id)
  t=$(aepflow_ target create --name t --base-connection "$d" --spec "Adobe Campaign" --mode S3 \
    --bucket acme-exports --path daily --format CSV -o id)
  aepflow_ flow create --name f --flow-spec "Adobe Campaign" --source "$s" --target "$t" -o id
}
aepflow_() { "$bin/aepflow" "$@"; }
FLOW=$(flow_setup)

one_aepflow() { aepflow_ flow get "$FLOW" -o json; }
one_curl() { curl -sS "${headers[@]}" "$base/flows/$FLOW"; }
compare "one call: \`flow get\` vs \`curl\`" one_aepflow one_curl

# ---- 2. The tutorial, seven steps chained by ID ---------------------------------------------
tutorial_aepflow() {
  local b s d t f
  b=$(aepflow_ connection create --name "b$1" -o id)
  s=$(aepflow_ source create --name "s$1" --base-connection "$b" -o id)
  d=$(aepflow_ connection create --name "d$1" --spec "Adobe Campaign" --auth-spec S3 \
    --param accessId=env:S3_ID --param secretKey=env:S3_SECRET -o id)
  t=$(aepflow_ target create --name "t$1" --base-connection "$d" --spec "Adobe Campaign" \
    --mode S3 --bucket acme-exports --path daily --format CSV -o id)
  f=$(aepflow_ flow create --name "f$1" --flow-spec "Adobe Campaign" --source "$s" \
    --target "$t" -o id)
  aepflow_ flow activate "$f" --audience 9f7d37fd-7039-4454-94ef-2b0cd6c3206a \
    --start-date 2026-12-20 --start-time 17:00 -o id
  aepflow_ flow validate "$f" --expect-audience 9f7d37fd-7039-4454-94ef-2b0cd6c3206a -o id
}
post() { curl -sS "${headers[@]}" -H "Content-Type: application/json" -d "$2" "$base$1"; }
tutorial_curl() {
  local b s d t f etag
  b=$(post /connections '{"name":"cb'"$1"'","connectionSpec":{"id":"8a9c3494-9708-43d7-ae3f-cda01e5030e1","version":"1.0"}}' | jq -r .id)
  s=$(post /sourceConnections '{"name":"cs'"$1"'","baseConnectionId":"'"$b"'","connectionSpec":{"id":"8a9c3494-9708-43d7-ae3f-cda01e5030e1","version":"1.0"},"data":{"format":"CSV"}}' | jq -r .id)
  d=$(post /connections '{"name":"cd'"$1"'","auth":{"specName":"S3","params":{"accessId":"'"$S3_ID"'","secretKey":"'"$S3_SECRET"'"}},"connectionSpec":{"id":"0b23e41a-cb4a-4321-a78f-3b654f5d7d97","version":"1.0"}}' | jq -r .id)
  t=$(post /targetConnections '{"name":"ct'"$1"'","baseConnectionId":"'"$d"'","connectionSpec":{"id":"0b23e41a-cb4a-4321-a78f-3b654f5d7d97","version":"1.0"},"params":{"mode":"S3","bucketName":"acme-exports","path":"daily","format":"CSV"}}' | jq -r .id)
  f=$(post /flows '{"name":"cf'"$1"'","flowSpec":{"id":"71471eba-b620-49e4-90fd-23f1fa0174d8","version":"1.0"},"sourceConnectionIds":["'"$s"'"],"targetConnectionIds":["'"$t"'"],"transformations":[{"name":"GeneralTransform","params":{"segmentSelectors":{"selectors":[]},"profileSelectors":{"selectors":[]}}}]}' | jq -r .id)
  etag=$(curl -sS "${headers[@]}" "$base/flows/$f" | jq -r '.items[0].etag')
  curl -sS "${headers[@]}" -X PATCH -H "Content-Type: application/json" -H "If-Match: $etag" \
    -d '[{"op":"add","path":"/transformations/0/params/segmentSelectors/selectors/-","value":{"type":"PLATFORM_SEGMENT","value":{"id":"9f7d37fd-7039-4454-94ef-2b0cd6c3206a","name":"n","filenameTemplate":"%DESTINATION_NAME%_%SEGMENT_ID%_%DATETIME(YYYYMMdd_HHmmss)%","exportMode":"DAILY_FULL_EXPORT","schedule":{"frequency":"ONCE","triggerType":"SCHEDULED","startDate":"2026-12-20","startTime":"17:00"}}}}]' \
    "$base/flows/$f" >/dev/null
  curl -sS "${headers[@]}" "$base/flows/$f" | jq -e '.items[0].transformations[0].params.segmentSelectors.selectors | length == 1' >/dev/null
}
compare "the tutorial: seven aepflow commands vs curl (+ jq) calls" tutorial_aepflow tutorial_curl

cpu=$(grep -m1 "model name" /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
{
  echo "# Benchmarks"
  echo
  echo "Written by \`bench/run.sh $runs\` on $(date -u +%Y-%m-%d) ($(nproc) cores, ${cpu:-unknown CPU}),"
  echo "against the bundled emulator on 127.0.0.1 (plain HTTP). Wall time per case in ms: median"
  echo "(min-max) of $runs runs, each side in the same run; the ratio is aepflow's median over curl's."
  echo
  echo "| case | aepflow ms | curl ms | ratio |"
  echo "|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Not yet measured here: TLS, latency injection and round trips, bulk activation, listing at"
  echo "scale and peak memory, the spec catalogue (the rest of the benchmark is still to be built)."
} >"$out"
echo "wrote $out" >&2
