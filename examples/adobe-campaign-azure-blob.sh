#!/usr/bin/env bash
# Adobe Campaign, with the export files delivered to an Azure Blob container.
source "$(dirname "$0")/common.sh"

export AZURE_BLOB_CONNECTION_STRING=${AZURE_BLOB_CONNECTION_STRING:-"DefaultEndpointsProtocol=https;AccountName=example;AccountKey=example-only-account-key"}

connect_profile_store
connect_destination "Azure Blob Connection for Adobe Campaign" "Adobe Campaign" "Azure Blob" \
  connectionString=env:AZURE_BLOB_CONNECTION_STRING
create_target "Adobe Campaign" --mode AZURE_BLOB --container campaign-exports \
  --path audiences/daily --format CSV
create_dataflow "Adobe Campaign"
activate_and_validate
