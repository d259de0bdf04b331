#!/usr/bin/env bash
# Adobe Campaign, with the export files delivered to an Amazon S3 bucket.
source "$(dirname "$0")/common.sh"

# Credentials are read from the environment (env:VAR), never put on the command line.
export S3_ACCESS_ID=${S3_ACCESS_ID:-AKIAEXAMPLEKEY234567}
export S3_SECRET_KEY=${S3_SECRET_KEY:-example-only-s3-secret-key}

connect_profile_store
connect_destination "S3 Connection for Adobe Campaign" "Adobe Campaign" S3 \
  accessId=env:S3_ACCESS_ID secretKey=env:S3_SECRET_KEY
create_target "Adobe Campaign" --mode S3 --bucket acme-campaign-exports --path audiences/daily \
  --format CSV
create_dataflow "Adobe Campaign"
activate_and_validate
