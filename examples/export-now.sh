#!/usr/bin/env bash
# Export audiences now, without waiting for their schedule (ad hoc activation), then follow the
# runs to the end. With DATAFLOW set, its audiences AUDIENCES (space-separated IDs, already on
# the dataflow) are exported; without it, the tutorial's Adobe Campaign dataflow is made first,
# with both audiences on a daily schedule that began yesterday (an audience can be exported ad
# hoc an hour after its first scheduled activation).
source "$(dirname "$0")/common.sh"

if [[ -z ${DATAFLOW:-} ]]; then
  connect_campaign_s3
  create_dataflow "Adobe Campaign"
  YESTERDAY=$(date -u -d yesterday +%Y-%m-%d 2>/dev/null || date -u -v-1d +%Y-%m-%d)
  aepflow flow activate "$DATAFLOW" --audience "$MOUNTAIN_BIKING" --audience "$LOYALTY" \
    --attribute person.name.firstName --frequency DAILY --start-date "$YESTERDAY" \
    --start-time 00:00 --end-date 2030-12-31 -o id >/dev/null
  AUDIENCES="$MOUNTAIN_BIKING $LOYALTY"
fi

audience_flags=()
for a in ${AUDIENCES:?set AUDIENCES to the audience IDs to export}; do
  audience_flags+=(--audience "$a")
done

# One run per audience, followed to the end; -o id prints the run IDs, one a line. Exit 0 when
# every run succeeded, 1 when one failed, 6 after the timeout; exit 2 with nothing sent when an
# audience is not on the dataflow or its first scheduled activation is less than an hour ago.
RUNS=$(aepflow flow export-now "$DATAFLOW" "${audience_flags[@]}" --wait \
  --timeout "${EXPORT_TIMEOUT:-2h}" --interval 5s -o id)
for run in $RUNS; do say "run succeeded" "$run"; done
