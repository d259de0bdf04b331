#!/usr/bin/env bash
# The benchmark: aepflow against curl making the same requests, on this machine, in this run.
#   bench/run.sh [RUNS]      # RUNS samples per case (default 20); writes docs/benchmarks.md
# Reported as ratios of medians (aepflow / curl), with min and max of each side. Not a test:
# nothing here asserts a timing. Sizes can be made smaller (make test runs it once, tiny):
#   BENCH_BULK (audiences, 5000), BENCH_FLOWS (largest listing, 10000), BENCH_SPECS (catalogue
#   size, 300), BENCH_LATENCY_MS (injected per request, 100); BENCH_BIN reuses built binaries,
#   BENCH_OUT names the report (docs/benchmarks.md), BENCH_BUILD the release build folder.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${1:-20}
bulk=${BENCH_BULK:-5000}
max_flows=${BENCH_FLOWS:-10000}
spec_count=${BENCH_SPECS:-300}
latency=${BENCH_LATENCY_MS:-100}
build=${BENCH_BUILD:-build-bench}
out=${BENCH_OUT:-docs/benchmarks.md}
slow_runs=$((runs < 5 ? runs : 5))  # cases that take seconds each

# BENCH_PLOT=0: no plot (and no gnuplot to install).
if [ "${BENCH_PLOT:-1}" = 0 ]; then ./scripts/install-deps.sh --bench; else ./scripts/install-deps.sh --bench --plot; fi
if [ -n "${BENCH_BIN:-}" ]; then
  bin=$(cd "$BENCH_BIN" && pwd)  # binaries already built in release mode
else
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DAEPFLOW_BUILD_TESTS=OFF >/dev/null
  cmake --build "$build" --target aepflow aepflow-emulator -j "$(nproc)" >/dev/null
  bin=$(cd "$build/bin" && pwd)
fi

work=$(mktemp -d)
emulators=()
cleanup() {
  for pid in "${emulators[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# Starts an emulator with the given flags and makes it the current one: sets base (the Flow
# Service URL), admin (its admin URL) and what aepflow and curl need to reach it.
use_emulator() {
  local name=$1
  shift
  "$bin/aepflow-emulator" --port 0 --run-interval 0 "$@" >"$work/$name.url" 2>"$work/$name.log" &
  emulators+=($!)
  for _ in $(seq 1 400); do [ -s "$work/$name.url" ] && break; sleep 0.05; done
  admin=$(head -1 "$work/$name.url")
  base="$admin/data/foundation/flowservice"
  export AEP_BASE_URL=$base
  unset AEP_CA_BUNDLE
  curl_tls=()
}

export AEP_ACCESS_TOKEN=emulator-token AEP_API_KEY=emulator-api-key \
  AEP_ORG_ID=0A1B2C3D4E5F60718293A4B5@AdobeOrg AEP_SANDBOX=dev HOME=$work XDG_CACHE_HOME=$work \
  XDG_CONFIG_HOME=$work S3_ID=AKIAIOSFODNN7EXAMPLE S3_SECRET=s3-bench-secret-0001
headers=(-H "Authorization: Bearer $AEP_ACCESS_TOKEN" -H "x-api-key: $AEP_API_KEY"
  -H "x-gw-ims-org-id: $AEP_ORG_ID" -H "x-sandbox-name: $AEP_SANDBOX"
  -H "Accept: application/json")
curl_() { curl -sS "${curl_tls[@]}" "${headers[@]}" "$@"; }
aepflow_() { "$bin/aepflow" "$@"; }
stat_of() { curl -sS "${curl_tls[@]}" "$admin/__emulator/stats" | jq -r ".$1"; }

now_ns() { date +%s%N; }

# Times N runs of a shell function (given the run's number); prints milliseconds, one per line.
sample() {
  local n=$1 fn=$2 i t0 t1
  for i in $(seq 1 "$n"); do
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
ratio() {
  awk -v a="$1" -v c="$2" 'BEGIN {
    if (c <= 0) printf "n/a"; else if (a / c < 0.1) printf "%.4f", a / c; else printf "%.2f", a / c }'
}

rows=()
compare() {  # NAME AEPFLOW_FN CURL_FN [RUNS]
  local n=${4:-$runs} a c am amin amax cm cmin cmax r
  a=$(sample "$n" "$2" | stats)
  c=$(sample "$n" "$3" | stats)
  read -r am amin amax <<<"$a"
  read -r cm cmin cmax <<<"$c"
  r=$(ratio "$am" "$cm")
  rows+=("| $1 | $am ($amin-$amax) | $cm ($cmin-$cmax) | ${r}x |")
  echo "$1: aepflow $am ms, curl $cm ms, ratio ${r}x" >&2
}

# ---- The calls each side makes ----------------------------------------------------------------
flow_setup() {
  local b s d t
  b=$(aepflow_ connection create --name b -o id)
  s=$(aepflow_ source create --name s --base-connection "$b" -o id)
  d=$(aepflow_ connection create --name d --spec "Adobe Campaign" --auth-spec S3 \
    --param accessId=env:S3_ID --param secretKey=env:S3_SECRET -o id)
  t=$(aepflow_ target create --name t --base-connection "$d" --spec "Adobe Campaign" --mode S3 \
    --bucket acme-exports --path daily --format CSV -o id)
  aepflow_ flow create --name "f$1" --flow-spec "Adobe Campaign" --source "$s" --target "$t" -o id
}

one_aepflow() { aepflow_ flow get "$FLOW" -o json; }
one_curl() { curl_ "$base/flows/$FLOW"; }

tag=0  # names differ between the sections that share an emulator
tutorial_aepflow() {
  local b s d t f n="$tag-$1"
  b=$(aepflow_ connection create --name "b$n" -o id)
  s=$(aepflow_ source create --name "s$n" --base-connection "$b" -o id)
  d=$(aepflow_ connection create --name "d$n" --spec "Adobe Campaign" --auth-spec S3 \
    --param accessId=env:S3_ID --param secretKey=env:S3_SECRET -o id)
  t=$(aepflow_ target create --name "t$n" --base-connection "$d" --spec "Adobe Campaign" \
    --mode S3 --bucket acme-exports --path daily --format CSV -o id)
  f=$(aepflow_ flow create --name "f$n" --flow-spec "Adobe Campaign" --source "$s" \
    --target "$t" -o id)
  aepflow_ flow activate "$f" --audience 9f7d37fd-7039-4454-94ef-2b0cd6c3206a \
    --start-date 2026-12-20 --start-time 17:00 -o id
  aepflow_ flow validate "$f" --expect-audience 9f7d37fd-7039-4454-94ef-2b0cd6c3206a -o id
}
post() { curl_ -H "Content-Type: application/json" -d "$2" "$base$1"; }
selector='{"type":"PLATFORM_SEGMENT","value":{"id":"ID","name":"n","filenameTemplate":"%DESTINATION_NAME%_%SEGMENT_ID%_%DATETIME(YYYYMMdd_HHmmss)%","exportMode":"DAILY_FULL_EXPORT","schedule":{"frequency":"ONCE","triggerType":"SCHEDULED","startDate":"2026-12-20","startTime":"17:00"}}}'
add_op() { echo '[{"op":"add","path":"/transformations/0/params/segmentSelectors/selectors/-","value":'"${selector/ID/$1}"'}]'; }
curl_flow() {  # makes the five resources with curl; prints the flow ID
  local b s d t n="$tag-$1"
  b=$(post /connections '{"name":"cb'"$n"'","connectionSpec":{"id":"8a9c3494-9708-43d7-ae3f-cda01e5030e1","version":"1.0"}}' | jq -r .id)
  s=$(post /sourceConnections '{"name":"cs'"$n"'","baseConnectionId":"'"$b"'","connectionSpec":{"id":"8a9c3494-9708-43d7-ae3f-cda01e5030e1","version":"1.0"},"data":{"format":"CSV"}}' | jq -r .id)
  d=$(post /connections '{"name":"cd'"$n"'","auth":{"specName":"S3","params":{"accessId":"'"$S3_ID"'","secretKey":"'"$S3_SECRET"'"}},"connectionSpec":{"id":"0b23e41a-cb4a-4321-a78f-3b654f5d7d97","version":"1.0"}}' | jq -r .id)
  t=$(post /targetConnections '{"name":"ct'"$n"'","baseConnectionId":"'"$d"'","connectionSpec":{"id":"0b23e41a-cb4a-4321-a78f-3b654f5d7d97","version":"1.0"},"params":{"mode":"S3","bucketName":"acme-exports","path":"daily","format":"CSV"}}' | jq -r .id)
  post /flows '{"name":"cf'"$n"'","flowSpec":{"id":"71471eba-b620-49e4-90fd-23f1fa0174d8","version":"1.0"},"sourceConnectionIds":["'"$s"'"],"targetConnectionIds":["'"$t"'"],"transformations":[{"name":"GeneralTransform","params":{"segmentSelectors":{"selectors":[]},"profileSelectors":{"selectors":[]}}}]}' | jq -r .id
}
tutorial_curl() {
  local f etag
  f=$(curl_flow "$1")
  etag=$(curl_ "$base/flows/$f" | jq -r '.items[0].etag')
  curl_ -X PATCH -H "Content-Type: application/json" -H "If-Match: $etag" \
    -d "$(add_op 9f7d37fd-7039-4454-94ef-2b0cd6c3206a)" "$base/flows/$f" >/dev/null
  curl_ "$base/flows/$f" | jq -e '.items[0].transformations[0].params.segmentSelectors.selectors | length == 1' >/dev/null
}

# The same pipeline as one file, names made unique per run.
pipeline_file() {
  local f="$work/pipeline-$tag-$1.yaml"
  sed "s/@N@/$tag-$1/g" >"$f" <<'EOF'
pipelines:
  - name: bench
    destination: Adobe Campaign
    profileStore:
      baseConnection: pb@N@
      sourceConnection: ps@N@
    connection:
      name: pd@N@
      authSpec: S3
      params: {accessId: "env:S3_ID", secretKey: "env:S3_SECRET"}
    target:
      name: pt@N@
      params: {mode: S3, bucketName: acme-exports, path: daily, format: CSV}
    flow:
      name: pf@N@
    audiences:
      - id: 9f7d37fd-7039-4454-94ef-2b0cd6c3206a
        startDate: "2026-12-20"
        startTime: "17:00"
EOF
  echo "$f"
}
apply_aepflow() { aepflow_ apply -f "$(pipeline_file "$1")" --yes -o id; }

# ---- 1-2. One call, the tutorial, apply ------------------------------------------------------
use_emulator plain
FLOW=$(flow_setup 0)
compare "one call: \`flow get\` vs \`curl\`" one_aepflow one_curl
compare "the tutorial: seven aepflow commands vs curl (+ jq) calls" tutorial_aepflow tutorial_curl
tag=apply
compare "the tutorial as one \`aepflow apply\` vs the curl calls" apply_aepflow tutorial_curl

# Start-up: from exec to the connect of the first request, as strace stamps them (only those two
# system calls are traced, filtered in the kernel, so the rest runs at full speed).
to_first_request() {
  : >"$work/strace"
  strace --seccomp-bpf -f -ttt -e trace=execve,connect -o "$work/strace" "$@" >/dev/null 2>&1 || true
  awk '/execve\(/ && !s { s = $2 } /connect\(.*AF_INET/ { printf "%.3f\n", ($2 - s) * 1000; exit }' \
    "$work/strace"
}
first_aepflow() { to_first_request "$bin/aepflow" flow get "$FLOW" -o json; }
first_curl() { to_first_request curl -sS "${headers[@]}" "$base/flows/$FLOW"; }
startup=()
for side in first_aepflow first_curl; do
  startup+=("$(for _ in $(seq 1 "$runs"); do "$side"; done | stats)")
done
read -r sam samin samax <<<"${startup[0]}"
read -r scm scmin scmax <<<"${startup[1]}"
rows+=("| start-up: exec to the first request's connect | $sam ($samin-$samax) | $scm ($scmin-$scmax) | $(ratio "$sam" "$scm")x |")
echo "start-up to first request: aepflow $sam ms, curl $scm ms" >&2
# aepflow's own part of it: from main() to ready to send (settings, credentials, libcurl), as -vv
# logs it.
own=$(for _ in $(seq 1 "$runs"); do
  aepflow_ flow get "$FLOW" -o json -vv 2>&1 >/dev/null | sed -n 's/.*ready to send \([0-9.]*\) ms.*/\1/p'
done | stats)
read -r om omin omax <<<"$own"
rows+=("| start-up: aepflow's main() to ready to send (-vv) | $om ($omin-$omax) | | |")

# ---- 2b. With latency: round trips ------------------------------------------------------------
lat_rows=()
round_trips() {  # NAME FN: median ms, requests per run, round trips (ms / latency)
  local before after ms requests
  before=$(stat_of requests)
  ms=$(sample "$slow_runs" "$2" | stats | cut -d' ' -f1)
  after=$(stat_of requests)
  requests=$(((after - before) / slow_runs))
  lat_rows+=("| $1 | $ms | $requests | $(awk -v m="$ms" -v l="$latency" 'BEGIN { printf "%.1f", m / l }') |")
  echo "$1 at ${latency} ms a request: $ms ms, $requests requests" >&2
}
use_emulator latency --fault "action=latency,latency=$latency"
tag=lat
round_trips "curl (+ jq) calls" tutorial_curl
round_trips "seven aepflow commands" tutorial_aepflow
round_trips "\`aepflow apply\`" apply_aepflow

# ---- 3. TLS -----------------------------------------------------------------------------------
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 \
  -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
  -keyout "$work/tls.key" -out "$work/tls.crt" 2>/dev/null
use_emulator tls --tls-cert "$work/tls.crt" --tls-key "$work/tls.key"
export AEP_CA_BUNDLE=$work/tls.crt
curl_tls=(--cacert "$work/tls.crt")
FLOW=$(flow_setup 0)
tag=tls
compare "TLS, one call: \`flow get\` vs \`curl\`" one_aepflow one_curl
compare "TLS, the tutorial: seven aepflow commands vs curl calls" tutorial_aepflow tutorial_curl
tag=tls-apply
compare "TLS, the tutorial as one \`aepflow apply\` vs the curl calls" apply_aepflow tutorial_curl

# ---- 4. Bulk activation -----------------------------------------------------------------------
use_emulator bulk
audiences="$work/audiences.csv"
{
  echo "id,name,exportMode,frequency,startDate,startTime"
  for i in $(seq 1 "$bulk"); do
    printf '%08x-0000-4000-8000-%012x,Audience %d,DAILY_FULL_EXPORT,ONCE,2026-12-20,17:00\n' "$i" "$i" "$i"
  done
} >"$audiences"
tag=bulk
bulk_aepflow() {
  local f
  f=$(flow_setup "a$1")
  aepflow_ flow activate "$f" --audiences-file "$audiences" -o id
}
bulk_curl() {  # one PATCH per audience, each under the etag the previous one returned
  local f etag id
  f=$(curl_flow "c$1")
  etag=$(curl_ "$base/flows/$f" | jq -r '.items[0].etag')
  while IFS=, read -r id _; do
    [ "$id" = id ] && continue
    etag=$(curl_ -X PATCH -H "Content-Type: application/json" -H "If-Match: $etag" \
      -d "$(add_op "$id")" "$base/flows/$f" | jq -r .etag)
  done <"$audiences"
}
compare "bulk: $bulk audiences from a file vs $bulk curl PATCHes" bulk_aepflow bulk_curl 1

# ---- 5. Listing at scale ----------------------------------------------------------------------
list_aepflow() { aepflow_ flow list --all -o json; }
list_curl() {  # the same requests: destination flows, following the next links, jq per page
  local next='/flows?property=inheritedAttributes.properties.isDestinationFlow%3D%3Dtrue' page
  while [ -n "$next" ]; do
    page=$(curl_ "$base$next")
    printf '%s\n' "$page"
    next=$(jq -r '._links.next.href // empty' <<<"$page")
  done
}
peak_kb() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
list_rows=()
: >"$work/listing.dat"
sizes="$((max_flows / 10)) $((max_flows / 4)) $((max_flows / 2)) $max_flows"
for n in $sizes; do
  use_emulator "list$n" --seed-flows "$n" --seed-sandbox dev
  a=$(sample "$slow_runs" list_aepflow | stats | cut -d' ' -f1)
  c=$(sample "$slow_runs" list_curl | stats | cut -d' ' -f1)
  kb=$(peak_kb "$bin/aepflow" flow list --all -o json)
  list_rows+=("| $n | $a | $c | $(ratio "$a" "$c")x | $(awk -v n="$n" -v a="$a" 'BEGIN { printf "%.0f", n / a * 1000 }') | $((kb / 1024)) |")
  echo "$n $a $c $kb" >>"$work/listing.dat"
  echo "listing $n flows: aepflow $a ms, curl $c ms, peak $kb KB" >&2
done
plot=""
if command -v gnuplot >/dev/null; then
  plot="${out%.md}-listing.png"
  gnuplot <<EOF
set terminal png size 800,500
set output "$plot"
set title "Listing every flow: wall time and aepflow's peak memory"
set xlabel "flows"
set ylabel "ms"
set y2label "MB"
set y2tics
set yrange [0:*]
set y2range [0:*]
set key left top
plot "$work/listing.dat" using 1:2 with linespoints title "aepflow flow list --all", \
     "$work/listing.dat" using 1:3 with linespoints title "curl + jq, following next links", \
     "$work/listing.dat" using 1:(\$4/1024) axes x1y2 with linespoints title "aepflow peak RSS (MB)"
EOF
fi

# ---- 6. The spec catalogue --------------------------------------------------------------------
catalogue="$work/catalogue.json"
jq --argjson n "$spec_count" '{items: [range(0; $n) as $i | .[$i % length]
  | .id = ("00000000-0000-4000-8000-" + ("000000000000" + ($i | tostring))[-12:])
  | .name = (.name + " #" + ($i | tostring))
  | .authSpec = [(.authSpec // [])[] | .spec.properties += ([range(0; 60) | {key: "field\(.)",
      value: {type: "string", title: "Field \(.)", pattern: "^[A-Za-z0-9_-]{1,64}$",
      description: "A described field of a large schema, \(.) of 60",
      enum: ["a\(.)", "b\(.)", "c\(.)"]}}] | from_entries)]]}' \
  src/emulator/seed/connection-specs.json >"$catalogue"
catalogue_aepflow() { aepflow_ specs list --from-file "$catalogue" -o json; }
catalogue_jq() { jq . "$catalogue"; }
cat_rows=()
a=$(sample "$runs" catalogue_aepflow | stats)
c=$(sample "$runs" catalogue_jq | stats)
read -r am amin amax <<<"$a"
read -r cm cmin cmax <<<"$c"
cat_rows+=("| parse and print $spec_count specs ($(($(wc -c <"$catalogue") / 1024)) KB) | $am ($amin-$amax) | $cm ($cmin-$cmax) | $(ratio "$am" "$cm")x |")
echo "catalogue: aepflow $am ms, jq $cm ms" >&2

# ---- The report -------------------------------------------------------------------------------
cpu=$(grep -m1 "model name" /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
{
  echo "# Benchmarks"
  echo
  echo "Written by \`bench/run.sh $runs\` on $(date -u +%Y-%m-%d) ($(nproc) cores, ${cpu:-unknown CPU},"
  echo "$(curl --version | head -1 | cut -d' ' -f1-2), $(jq --version)), against the bundled emulator"
  echo "on 127.0.0.1. Wall time in ms: median (min-max) of $runs runs ($slow_runs for the slow cases,"
  echo "1 for bulk), each side in the same run; the ratio is aepflow's median over curl's."
  echo
  echo "| case | aepflow ms | curl ms | ratio |"
  echo "|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "The curl side of the tutorial is five POSTs, a GET for the etag, the PATCH and a GET to"
  echo "check, each answer read with jq. \`apply\` reads the spec and looks every resource up by"
  echo "name (at once), then makes the two branches at the same time, and patches the new flow"
  echo "under the etag its create returned. aepflow keeps the connection and flow specs it"
  echo "reads in its cache for a day (the first run of a case pays for reading them)."
  echo
  echo "## With ${latency} ms of latency per request"
  echo
  echo "| client | ms | requests | round trips (ms / ${latency}) |"
  echo "|---|---|---|---|"
  printf '%s\n' "${lat_rows[@]}"
  echo
  echo "## Listing every flow (\`flow list --all -o json\`)"
  echo
  echo "| flows | aepflow ms | curl ms | ratio | aepflow flows/s | aepflow peak MB |"
  echo "|---|---|---|---|---|---|"
  printf '%s\n' "${list_rows[@]}"
  if [ -n "$plot" ]; then
    echo
    echo "![listing]($(basename "$plot"))"
  fi
  echo
  echo "## The spec catalogue: \`specs list --from-file F -o json\` vs \`jq . F\`"
  echo
  echo "| case | aepflow ms | jq ms | ratio |"
  echo "|---|---|---|---|"
  printf '%s\n' "${cat_rows[@]}"
} >"$out"
echo "wrote $out" >&2
