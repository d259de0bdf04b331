#!/usr/bin/env bash
# The whole tutorial "Connect to file-based email marketing destinations and activate data using
# the Flow Service API", one aepflow command per step: Adobe Campaign over Amazon S3.
# `make demo` runs it against the bundled emulator; against Adobe, set AEP_BASE_URL and your
# credentials first (see the README).
set -euo pipefail

echo "== The destination: what its base and target connections need"
aepflow specs get "Adobe Campaign" -o table
echo
echo "== The tutorial's steps, in sandbox ${AEP_SANDBOX:-prod}: IDs created, then the validated dataflow"
exec "$(dirname "$0")/adobe-campaign-s3.sh"
