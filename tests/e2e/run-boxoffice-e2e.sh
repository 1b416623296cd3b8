#!/usr/bin/env bash
# The box office end to end (issue 14), as a person would use it: a real ticketd (embedded
# PostgreSQL and Redis, on loopback), a private CUPS with a PDF printer, and the built app under
# Xvfb with an accessibility bus, driven through AT-SPI by boxoffice_e2e.py.
#   tests/e2e/run-boxoffice-e2e.sh BUILD_DIR [SCREENSHOT_DIR]
# Everything it starts it stops by PID. Needs: xvfb dbus-x11 at-spi2-core python3-pyatspi cups
# cups-client printer-driver-cups-pdf poppler-utils zbar-tools imagemagick jq curl.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=$(cd "${1:?build directory}" && pwd)
SHOTS=${2:-}
[ -z "$SHOTS" ] || { mkdir -p "$SHOTS"; SHOTS=$(cd "$SHOTS" && pwd); }
E2E_NAME=boxoffice
source "$ROOT/tests/e2e/lib.sh"
# The PDFs this run printed (cups-pdf writes them to the user's ~/PDF) go with the run.
e2e_more_cleanup() {
  [ "$1" -eq 0 ] || { echo "--- CUPS"; tail -n 20 "$WORK/cups/log/error_log" 2>/dev/null || true; }
  [ -z "${pdf_dir:-}" ] || comm -13 "$WORK/pdfs-before" <(ls "$pdf_dir") 2>/dev/null |
    while read -r f; do rm -rf "${pdf_dir:?}/$f"; done
}

e2e_start_ticketd
e2e_users organizer box_office

# An organizer's published event (the demo's theatre) and a box office agent.
api="$url/api/v1"
token=$(curl -fsS -X POST "$api/auth/login" -H 'Content-Type: application/json' \
  -d '{"email": "organizer@e2e.test", "password": "e2e-organizer-password"}' | jq -r .access_token)
# A hall: stalls of 6 rows x 12 seats (the ends of row A accessible) before a stage, and a
# standing floor.
map=$(jq -n '{stage: {outline: [[0,-30],[130,-30],[130,-10],[0,-10]]},
  sections: [{key: "STALLS", name: "Stalls", kind: "seated",
              rows: [range(0;6) as $r | {label: ("ABCDEF"[$r:$r+1]),
                     seats: [range(1;13) as $n | {number: $n, x: ($n*10), y: ($r*10),
                             accessible: ($r == 0 and ($n == 1 or $n == 12))}]}]},
             {key: "FLOOR", name: "Floor", kind: "standing", capacity: 200}]}')
venue=$(jq -n --argjson map "$map" \
  '{name: "The Hall", address: "1 Stage Street", city: "London", country: "GB",
    latitude: 51.51, longitude: -0.12, timezone: "Europe/London", seat_map: $map}' |
  curl -fsS -X POST "$api/venues" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d @- | jq -r .id)
event=$(jq -n --arg venue "$venue" --arg from "$(date -u -d '+30 days' +%Y-%m-%dT19:30:00Z)" \
  --arg until "$(date -u -d '+30 days' +%Y-%m-%dT22:30:00Z)" \
  '{venue_id: $venue, title: "End to end night", description: "The e2e test.", genre: "music",
    start_time: $from, end_time: $until, currency: "GBP",
    tiers: [{name: "Stalls", price: "40.00", section_keys: ["STALLS"]},
            {name: "Floor", price: "30.00", section_key: "FLOOR", quantity: 100}]}' |
  curl -fsS -X POST "$api/events" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d @- | jq -r .id)
curl -fsS -X POST "$api/events/$event/publish" -H "Authorization: Bearer $token" >/dev/null

# A private CUPS with the PDF printer (cups-pdf writes the job user's ~/PDF).
mkdir -p "$WORK/cups"/{spool,cache,log,run}
cat >"$WORK/cups/cupsd.conf" <<CONF
Listen $WORK/cups/run/cups.sock
LogLevel warn
<Location />
  Order allow,deny
  Allow all
</Location>
<Location /admin>
  Order allow,deny
  Allow all
</Location>
CONF
cat >"$WORK/cups/cups-files.conf" <<CONF
ServerRoot $WORK/cups
RequestRoot $WORK/cups/spool
CacheDir $WORK/cups/cache
StateDir $WORK/cups/run
ErrorLog $WORK/cups/log/error_log
AccessLog $WORK/cups/log/access_log
PageLog $WORK/cups/log/page_log
TempDir $WORK/cups/spool
Sandboxing relaxed
CONF
cupsd -f -c "$WORK/cups/cupsd.conf" -s "$WORK/cups/cups-files.conf" &
pids+=($!)
export CUPS_SERVER=$WORK/cups/run/cups.sock
for _ in $(seq 1 100); do [ -S "$CUPS_SERVER" ] && break; sleep 0.1; done
lpadmin -p TicketPDF -E -v cups-pdf:/ -m lsb/usr/cups-pdf/CUPS-PDF_noopt.ppd 2>/dev/null
pdf_dir=$(getent passwd "$(id -un)" | cut -d: -f6)/PDF
mkdir -p "$pdf_dir"
ls "$pdf_dir" >"$WORK/pdfs-before"

# The app and the driver in one X, D-Bus and accessibility session.
e2e_session \
  "CUPS_SERVER=$CUPS_SERVER '$BUILD/apps/boxoffice/boxoffice' --server $url --email box_office@e2e.test" \
  "/usr/bin/python3 '$ROOT/tests/e2e/boxoffice_e2e.py' --server $url \
     --email box_office@e2e.test --password e2e-box_office-password --pdf-dir '$pdf_dir' \
     ${SHOTS:+--screenshots '$SHOTS'}"
