#!/usr/bin/env bash
# SFTP through the tutorial-era spec Adobe retired in 2023 ("SFTP (legacy)"; aepflow warns), files
# delivered to a folder on the server.
source "$(dirname "$0")/common.sh"

export SFTP_PASSWORD=${SFTP_PASSWORD:-example-only-sftp-password}

connect_profile_store
connect_destination "Connect to SFTP with password" "SFTP (legacy)" "Basic Authentication for sftp" \
  host=sftp.example.com username=exports password=env:SFTP_PASSWORD
create_target "SFTP (legacy)" --mode FTP --remote-path /exports/audiences
create_dataflow "SFTP (legacy)"
activate_and_validate
