#!/usr/bin/env bash
# Adobe Campaign, with the export files delivered over SFTP, authenticated by password.
source "$(dirname "$0")/common.sh"

export SFTP_PASSWORD=${SFTP_PASSWORD:-example-only-sftp-password}

connect_profile_store
connect_destination "SFTP Connection for Adobe Campaign" "Adobe Campaign" "SFTP with Password" \
  domain=example.com host=sftp.example.com username=campaign-exports password=env:SFTP_PASSWORD
create_target "Adobe Campaign" --mode FTP --remote-path /exports/campaign --format CSV
create_dataflow "Adobe Campaign"
activate_and_validate
