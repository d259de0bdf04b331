#!/usr/bin/env bash
# Amazon S3 through the tutorial-era spec Adobe retired in 2023 ("Amazon S3 (legacy)"; aepflow
# warns), files delivered to a bucket.
source "$(dirname "$0")/common.sh"

# The spec checks the shape of the keys: 20 upper-case letters or digits 2-7, and 40 characters.
export AMAZON_S3_ACCESS_KEY=${AMAZON_S3_ACCESS_KEY:-AKIAEXAMPLEKEY234567}
export AMAZON_S3_SECRET_KEY=${AMAZON_S3_SECRET_KEY:-exampleOnlyS3SecretKey000000000000000000}

connect_profile_store
connect_destination "Connect to Amazon S3" "Amazon S3 (legacy)" "Access Key" \
  s3AccessKey=env:AMAZON_S3_ACCESS_KEY s3SecretKey=env:AMAZON_S3_SECRET_KEY
create_target "Amazon S3 (legacy)" --mode S3 --bucket acme-audience-exports --path audiences/daily \
  --format CSV
create_dataflow "Amazon S3 (legacy)"
activate_and_validate
