#!/usr/bin/env bash
# Azure Blob Storage, today's card: audiences with profile attributes and an identity, mapped
# through Data Prep, exported as Parquet into a container.
source "$(dirname "$0")/common.sh"

export AZURE_BLOB_CONNECTION_STRING=${AZURE_BLOB_CONNECTION_STRING:-"DefaultEndpointsProtocol=https;AccountName=example;AccountKey=example-only-account-key"}
IDENTITY=ECID

connect_profile_store
connect_destination "Connect to Azure Blob Storage" "Azure Blob Storage" ConnectionString \
  connectionString=env:AZURE_BLOB_CONNECTION_STRING
create_target "Azure Blob Storage" --container audience-exports --path daily \
  --file-type PARQUET --compression NONE
create_dataflow "Azure Blob Storage"
activate_and_validate
