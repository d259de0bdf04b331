# Steps every example shares: the Profile Store side of the tutorial, the dataflow, activation
# and validation. Each example sources this file, creates its destination's base and target
# connections, then calls create_dataflow and activate_and_validate.
#
# Needs AEP_BASE_URL, AEP_ACCESS_TOKEN, AEP_API_KEY, AEP_ORG_ID and AEP_SANDBOX in the
# environment (scripts/with-emulator.sh sets them for the bundled emulator).

set -euo pipefail

# The tutorial's two audiences and three of its profile attributes.
MOUNTAIN_BIKING=9f7d37fd-7039-4454-94ef-2b0cd6c3206a
LOYALTY=25768be6-ebd5-45cc-8913-12fb3f348613
ATTRIBUTES=(person.name.firstName person.name.lastName personalEmail.address)

say() { printf '%-26s %s\n' "$1:" "$2"; }

# Steps 1 and 2: the Profile Store base connection and source connection.
connect_profile_store() {
  BASE_CONNECTION=$(aepflow connection create \
    --name "Base connection to Experience Platform" \
    --description "This call establishes the connection to Experience Platform data" -o id)
  say "Profile Store connection" "$BASE_CONNECTION"
  SOURCE_CONNECTION=$(aepflow source create --name "Connecting to Profile Store" \
    --base-connection "$BASE_CONNECTION" -o id)
  say "source connection" "$SOURCE_CONNECTION"
}

# Step 3: the destination's base connection. Usage: connect_destination NAME SPEC AUTH_SPEC PARAM...
connect_destination() {
  local name=$1 spec=$2 auth=$3
  shift 3
  local params=()
  for p in "$@"; do params+=(--param "$p"); done
  DESTINATION_CONNECTION=$(aepflow connection create --name "$name" \
    --description "summer advertising campaign" --spec "$spec" --auth-spec "$auth" \
    "${params[@]}" -o id)
  say "destination connection" "$DESTINATION_CONNECTION"
}

# Step 3 for a destination that takes no credentials (Data Landing Zone). Usage:
# connect_destination_without_auth NAME SPEC
connect_destination_without_auth() {
  DESTINATION_CONNECTION=$(aepflow connection create --name "$1" --spec "$2" -o id)
  say "destination connection" "$DESTINATION_CONNECTION"
}

# Step 4: where the files go. Usage: create_target SPEC TARGET_FLAGS...
create_target() {
  local spec=$1
  shift
  TARGET_CONNECTION=$(aepflow target create --name "TargetConnection for $spec" \
    --description "Connection to $spec" --base-connection "$DESTINATION_CONNECTION" \
    --spec "$spec" "$@" -o id)
  say "target connection" "$TARGET_CONNECTION"
}

# Steps 1 to 4 for Adobe Campaign over Amazon S3, the tutorial's own destination.
connect_campaign_s3() {
  # Credentials are read from the environment (env:VAR), never put on the command line.
  export S3_ACCESS_ID=${S3_ACCESS_ID:-AKIAEXAMPLEKEY234567}
  export S3_SECRET_KEY=${S3_SECRET_KEY:-example-only-s3-secret-key}
  connect_profile_store
  connect_destination "S3 Connection for Adobe Campaign" "Adobe Campaign" S3 \
    accessId=env:S3_ACCESS_ID secretKey=env:S3_SECRET_KEY
  create_target "Adobe Campaign" --mode S3 --bucket acme-campaign-exports --path audiences/daily \
    --format CSV
}

# Step 5: the dataflow. Usage: create_dataflow DESTINATION
create_dataflow() {
  DATAFLOW=$(aepflow flow create --name "activate audiences to $1" \
    --description "This operation creates a dataflow which we will later use to activate audiences to $1" \
    --flow-spec "$1" --source "$SOURCE_CONNECTION" --target "$TARGET_CONNECTION" -o id)
  say "dataflow" "$DATAFLOW"
}

# Steps 6 and 7: activate both audiences (one full export, one incremental) and the attributes,
# then check that the dataflow exports all of them. With IDENTITY set (a current cloud-storage
# card), the identity namespace is exported too: attributes and identity go into a Data Prep
# mapping set.
activate_and_validate() {
  local attribute_flags=() expect_flags=()
  for a in "${ATTRIBUTES[@]}"; do
    attribute_flags+=(--attribute "$a")
    expect_flags+=(--expect-attribute "$a")
  done
  if [[ -n ${IDENTITY:-} ]]; then
    attribute_flags+=(--identity "$IDENTITY")
    expect_flags+=(--expect-identity "$IDENTITY")
  fi
  aepflow flow activate "$DATAFLOW" --audience "$MOUNTAIN_BIKING=Interested in Mountain Biking" \
    --start-time 17:00 "${attribute_flags[@]}" -o id >/dev/null
  aepflow flow activate "$DATAFLOW" --audience "$LOYALTY=Loyalty Segment" \
    --export-mode FIRST_FULL_THEN_INCREMENTAL --frequency EVERY_6_HOURS --start-time 17:00 \
    --end-date "$(date -u -d '+30 days' +%F)" -o id >/dev/null
  echo
  aepflow flow validate "$DATAFLOW" --expect-audience "$MOUNTAIN_BIKING" \
    --expect-audience "$LOYALTY" "${expect_flags[@]}" -o table
}
