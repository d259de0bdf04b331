#!/usr/bin/env bash
# Google Cloud Storage with HMAC interoperability keys: audiences with attributes and an identity,
# exported as gzipped CSV into a folder per audience ID.
source "$(dirname "$0")/common.sh"

export GCS_ACCESS_KEY_ID=${GCS_ACCESS_KEY_ID:-GOOGEXAMPLEONLYACCESSKEYID0000000000000000000000000000000}
export GCS_SECRET_ACCESS_KEY=${GCS_SECRET_ACCESS_KEY:-exampleOnlyGcsSecretAccessKey00000000000}
IDENTITY=Email

connect_profile_store
connect_destination "Connect to Google Cloud Storage" "Google Cloud Storage" \
  "Google Cloud Storage authentication credentials" \
  accessKeyId=env:GCS_ACCESS_KEY_ID secretAccessKey=env:GCS_SECRET_ACCESS_KEY
create_target "Google Cloud Storage" --bucket acme-audience-exports --path 'audiences/%SEGMENT_ID%' \
  --file-type CSV --compression GZIP
create_dataflow "Google Cloud Storage"
activate_and_validate
