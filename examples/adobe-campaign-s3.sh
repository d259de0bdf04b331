#!/usr/bin/env bash
# Adobe Campaign, with the export files delivered to an Amazon S3 bucket.
source "$(dirname "$0")/common.sh"

connect_campaign_s3
create_dataflow "Adobe Campaign"
activate_and_validate
