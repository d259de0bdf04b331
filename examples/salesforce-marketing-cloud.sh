#!/usr/bin/env bash
# Salesforce Marketing Cloud, with the export files delivered over SFTP, authenticated by password.
source "$(dirname "$0")/common.sh"

export SFTP_PASSWORD=${SFTP_PASSWORD:-example-only-sftp-password}

connect_profile_store
connect_destination "Connect to Salesforce Marketing Cloud" "Salesforce Marketing Cloud" "SFTP with Password" \
  domain=example.com host=sftp.example.com username=exports password=env:SFTP_PASSWORD
create_target "Salesforce Marketing Cloud" --mode FTP --remote-path /exports --format CSV
create_dataflow "Salesforce Marketing Cloud"
activate_and_validate
