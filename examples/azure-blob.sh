#!/usr/bin/env bash
# Azure Blob (the tutorial's cloud-storage spec), files delivered to a container.
source "$(dirname "$0")/common.sh"

export AZURE_BLOB_CONNECTION_STRING=${AZURE_BLOB_CONNECTION_STRING:-"DefaultEndpointsProtocol=https;AccountName=example;AccountKey=example-only-account-key"}

connect_profile_store
connect_destination "Connect to Azure Blob" "Azure Blob" ConnectionString \
  connectionString=env:AZURE_BLOB_CONNECTION_STRING
create_target "Azure Blob" --mode AZURE_BLOB --container audience-exports --path daily \
  --format CSV
create_dataflow "Azure Blob"
activate_and_validate
