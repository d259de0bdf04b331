#!/usr/bin/env bash
# Usage: scripts/with-emulator.sh BIN_DIR COMMAND [ARGS...]
# Starts aepflow-emulator on a free port of 127.0.0.1, points the AEP_* variables at it, puts
# BIN_DIR first on PATH, runs COMMAND, and stops the emulator however COMMAND ends.
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 BIN_DIR COMMAND [ARGS...]" >&2
  exit 2
fi
bin_dir=$(cd "$1" && pwd)
shift

workdir=$(mktemp -d)
"$bin_dir/aepflow-emulator" --port 0 >"$workdir/url" 2>"$workdir/log" &
emulator=$!
cleanup() {
  kill "$emulator" 2>/dev/null || true
  wait "$emulator" 2>/dev/null || true
  rm -rf "$workdir"
}
trap cleanup EXIT

for _ in $(seq 1 200); do
  [ -s "$workdir/url" ] && break
  if ! kill -0 "$emulator" 2>/dev/null; then
    echo "error: the emulator did not start:" >&2
    cat "$workdir/log" >&2
    exit 1
  fi
  sleep 0.05
done
if [ ! -s "$workdir/url" ]; then
  echo "error: the emulator did not report its address" >&2
  exit 1
fi

# The emulator serves Flow Service under its base path only, as Adobe does.
AEP_BASE_URL="$(head -n 1 "$workdir/url")/data/foundation/flowservice"
export AEP_BASE_URL
export AEP_ACCESS_TOKEN=emulator-token
export AEP_API_KEY=emulator-api-key
export AEP_ORG_ID=0A1B2C3D4E5F60718293A4B5@AdobeOrg
export AEP_SANDBOX=prod
# The emulator's prod holds nothing real: no confirmation, and a config and cache of its own.
export AEP_ASSUME_YES=1
export XDG_CONFIG_HOME="$workdir/config" XDG_CACHE_HOME="$workdir/cache"
export PATH="$bin_dir:$PATH"
echo "emulator: $AEP_BASE_URL (sandbox $AEP_SANDBOX)" >&2

set +e
"$@"
status=$?
set -e
exit "$status"
