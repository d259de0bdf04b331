#!/usr/bin/env bash
# Amazon S3, today's card: audiences with profile attributes and an identity, mapped through Data
# Prep, exported as gzipped CSV into a folder per audience, with a manifest.
source "$(dirname "$0")/common.sh"

# The spec checks the shape of the keys: 20 upper-case letters or digits 2-7, and 40 characters.
export AMAZON_S3_ACCESS_KEY=${AMAZON_S3_ACCESS_KEY:-AKIAEXAMPLEKEY234567}
export AMAZON_S3_SECRET_KEY=${AMAZON_S3_SECRET_KEY:-exampleOnlyS3SecretKey000000000000000000}
IDENTITY=Email

connect_profile_store
connect_destination "Connect to Amazon S3" "Amazon S3" "Access Key" \
  s3AccessKey=env:AMAZON_S3_ACCESS_KEY s3SecretKey=env:AMAZON_S3_SECRET_KEY
create_target "Amazon S3" --bucket acme-audience-exports --path 'audiences/%SEGMENT_NAME%' \
  --file-type CSV --compression GZIP --csv-option 'delimiter=;' --manifest
create_dataflow "Amazon S3"
activate_and_validate
