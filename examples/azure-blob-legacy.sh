#!/usr/bin/env bash
# Azure Blob through the tutorial-era spec Adobe retired in 2023 ("Azure Blob (legacy)"; aepflow
# warns), files delivered to a container.
source "$(dirname "$0")/common.sh"

export AZURE_BLOB_CONNECTION_STRING=${AZURE_BLOB_CONNECTION_STRING:-"DefaultEndpointsProtocol=https;AccountName=example;AccountKey=example-only-account-key"}

connect_profile_store
connect_destination "Connect to Azure Blob" "Azure Blob (legacy)" ConnectionString \
  connectionString=env:AZURE_BLOB_CONNECTION_STRING
create_target "Azure Blob (legacy)" --mode AZURE_BLOB --container audience-exports --path daily \
  --format CSV
create_dataflow "Azure Blob (legacy)"
activate_and_validate
