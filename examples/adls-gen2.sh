#!/usr/bin/env bash
# Azure Data Lake Storage Gen2: audiences with profile attributes and an identity, mapped through
# Data Prep, exported as gzipped JSON.
source "$(dirname "$0")/common.sh"

export ADLS_SERVICE_PRINCIPAL_ID=${ADLS_SERVICE_PRINCIPAL_ID:-00000000-0000-0000-0000-000000000001}
export ADLS_SERVICE_PRINCIPAL_KEY=${ADLS_SERVICE_PRINCIPAL_KEY:-example-only-principal-key}
IDENTITY=Email

connect_profile_store
connect_destination "Connect to ADLS Gen2" "Azure Data Lake Storage Gen2" \
  "Azure Service Principal Auth" url=https://acmelake.dfs.core.windows.net \
  servicePrincipalId=env:ADLS_SERVICE_PRINCIPAL_ID \
  servicePrincipalKey=env:ADLS_SERVICE_PRINCIPAL_KEY tenant=acme.onmicrosoft.com
create_target "Azure Data Lake Storage Gen2" --path /exports/audiences --file-type JSON \
  --compression GZIP
create_dataflow "Azure Data Lake Storage Gen2"
activate_and_validate
