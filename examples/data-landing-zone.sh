#!/usr/bin/env bash
# Data Landing Zone: the sandbox's own Adobe-provisioned container, so the base connection takes
# no credentials; audiences with attributes and an identity, exported as CSV.
source "$(dirname "$0")/common.sh"

IDENTITY=Email

connect_profile_store
connect_destination_without_auth "Data Landing Zone(DLZ) Base Connection" "Data Landing Zone"
create_target "Data Landing Zone" --path exports/audiences --file-type CSV --compression NONE
create_dataflow "Data Landing Zone"
activate_and_validate
