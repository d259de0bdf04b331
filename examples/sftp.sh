#!/usr/bin/env bash
# SFTP, today's card, with an SSH key: the key file is read and base64-encoded by aepflow (a
# passphrase-protected key is refused). Audiences with attributes and an identity, as CSV.
source "$(dirname "$0")/common.sh"

# A throwaway key for the example; point SFTP_KEY_FILE at the real one (e.g. ~/.ssh/id_rsa).
if [[ -z ${SFTP_KEY_FILE:-} ]]; then
  SFTP_KEY_FILE=$(mktemp -d)/id_rsa
  printf '%s\n' '-----BEGIN RSA PRIVATE KEY-----' 'ZXhhbXBsZS1vbmx5LWtleQ==' \
    '-----END RSA PRIVATE KEY-----' >"$SFTP_KEY_FILE"
fi
IDENTITY=Email

connect_profile_store
connect_destination "Connect to SFTP with an SSH key" SFTP "SFTP with SSH Key" \
  domain=sftp.example.com username=exports "sshKey=@$SFTP_KEY_FILE"
create_target SFTP --remote-path /exports/audiences --file-type CSV --compression NONE
create_dataflow SFTP
activate_and_validate
