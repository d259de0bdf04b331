#!/usr/bin/env bash
# Oracle Eloqua, with the export files delivered over SFTP, authenticated by password.
source "$(dirname "$0")/common.sh"

export SFTP_PASSWORD=${SFTP_PASSWORD:-example-only-sftp-password}

connect_profile_store
connect_destination "Connect to Eloqua destination" "Oracle Eloqua" "SFTP with Password" \
  domain=example.com host=sftp.example.com username=exports password=env:SFTP_PASSWORD
create_target "Oracle Eloqua" --mode FTP --remote-path /exports --format CSV
create_dataflow "Oracle Eloqua"
activate_and_validate
