#!/usr/bin/env bash
# The whole tutorial "Connect to file-based email marketing destinations and activate data using
# the Flow Service API", one aepflow command per step: Adobe Campaign over Amazon S3.
# `make demo` runs it against the bundled emulator; against Adobe, set AEP_BASE_URL,
# AEP_ACCESS_TOKEN, AEP_API_KEY, AEP_ORG_ID and AEP_SANDBOX first.
source "$(dirname "$0")/common.sh"

export S3_ACCESS_ID=${S3_ACCESS_ID:-AKIAEXAMPLEKEY234567}
export S3_SECRET_KEY=${S3_SECRET_KEY:-example-only-s3-secret-key}

echo "== The destination: what its base and target connections need"
aepflow specs get "Adobe Campaign" -o table
echo
echo "== Steps 1-5: connections and the dataflow (sandbox ${AEP_SANDBOX:-prod})"
connect_profile_store
connect_destination "S3 Connection for Adobe Campaign" "Adobe Campaign" S3 \
  accessId=env:S3_ACCESS_ID secretKey=env:S3_SECRET_KEY
create_target "Adobe Campaign" --mode S3 --bucket acme-campaign-exports --path audiences/daily \
  --format CSV
create_dataflow "Adobe Campaign"
echo
echo "== Steps 6-7: activate two audiences and three attributes, then validate the dataflow"
activate_and_validate
