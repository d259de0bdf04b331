#!/usr/bin/env bash
# Writes the fuzz targets' seed inputs under DIR/<target>/: the kept inputs of fuzz/corpus/<target>/
# (seeds and every input that once failed), and inputs made from the real fixtures: the
# service's documented answers, the example pipeline files and commands, the README's config.
#   scripts/fuzz-seeds.sh build-fuzz/seeds
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:?usage: fuzz-seeds.sh DIR}
targets=(response_fuzz audience_file_fuzz pipeline_file_fuzz config_fuzz secret_ref_fuzz
  params_fuzz etag_id_fuzz)
rm -rf "$dir"
for t in "${targets[@]}"; do
  mkdir -p "$dir/$t"
  if [ -d "fuzz/corpus/$t" ]; then cp fuzz/corpus/"$t"/* "$dir/$t/"; fi
done

# Each documented answer, as read by every reader (byte 0) with status 200 (byte 1) and a JSON
# content type (byte 2): see fuzz/response_fuzz.cpp.
readers=17
for f in tests/fixtures/openapi/responses/*.json; do
  for ((r = 0; r < readers; r++)); do
    { printf "\\$(printf '%03o' "$r")\\000\\001"; cat "$f"; } \
      >"$dir/response_fuzz/$(basename "$f" .json)-$r"
  done
done

cp examples/pipelines/*.yaml "$dir/pipeline_file_fuzz/"

# The config files of the README (its toml blocks), each with a `config set` after the NUL.
awk -v out="$dir/config_fuzz/readme-" '
  /^ *```toml/ { n++; on = 1; next }
  /^ *```/ { on = 0 }
  on { sub(/^  /, ""); print > (out n) }' README.md
for f in "$dir"/config_fuzz/readme-*; do
  { cat "$f"; printf '\000\002staging\000dev'; } >"$f-set"
done

# The param values and secret references the examples use, each answered by every variable, file
# and command (byte 0 of params_fuzz and secret_ref_fuzz; high bits: the forms a secret takes).
refs=$(grep -ohE "[A-Za-z_]+:?=(env:|file:|cmd:|@)[^ \"')\`]*" examples/*.sh README.md docs/*.md |
  sort -u)
n=0
for p in $refs 'sshKey=@~/.ssh/id_rsa' 'port:=22' 'csvOptions:={"delimiter":","}' 'mode=S3' \
  'password=prompt:' 'name=@@handle'; do
  n=$((n + 1))
  { printf '\017\001'; printf '%s\000%s\n' "$p" "s3cr3t-value"; } >"$dir/params_fuzz/example-$n"
  { printf '\017\000'; printf '%s\000mode=S3\000%s' "$p" '{"a": [1, 2]}'; } \
    >"$dir/params_fuzz/example-$n-json"
  { printf '\377\001'; printf '%s\000%s\n' "${p#*=}" "s3cr3t-value"; } \
    >"$dir/secret_ref_fuzz/example-$n"
done
for ref in "cmd:pass show adobe/aep" "env:AEP_PROD_CLIENT_SECRET" "file:~/.aep/secret" "prompt:" \
  "@@literal" "@/run/secrets/aep" "plain-secret"; do
  n=$((n + 1))
  { printf '\377\001'; printf '%s\000%s\r\n' "$ref" "s3cr3t"; } >"$dir/secret_ref_fuzz/config-$n"
  { printf '\360\000'; printf '%s\000' "$ref"; } >"$dir/secret_ref_fuzz/config-$n-unset"
done

# The etags and IDs of the documented answers, as they are written there.
n=0
while read -r v; do
  n=$((n + 1))
  printf '%s' "$v" >"$dir/etag_id_fuzz/fixture-$n"
done < <(grep -ohE '"(etag|id|segmentId)": *"([^"\\]|\\.)*"' tests/fixtures/openapi/responses/*.json |
  sed -E 's/^"[a-zA-Z]+": *"//; s/"$//' | sort -u | head -80)
printf '%s' '\"0000d781-0000-0200-0000-63e29f420000\"' >"$dir/etag_id_fuzz/escaped"
printf ' 44444444-1111-4111-8111-000000000001 \n44444444-1111-4111-8111-00000000000A\n' \
  >"$dir/etag_id_fuzz/list"
