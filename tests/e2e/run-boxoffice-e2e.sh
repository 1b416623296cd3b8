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
export SHOTS=${2:-}
[ -z "$SHOTS" ] || { mkdir -p "$SHOTS"; SHOTS=$(cd "$SHOTS" && pwd); }
WORK=$(mktemp -d /tmp/boxoffice-e2e.XXXXXX)
chmod 755 "$WORK"
pids=()
cleanup() {
  local status=$?
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$p" 2>/dev/null || true
  done
  if [ $status -ne 0 ]; then
    echo "--- ticketd's log (tail)"; tail -n 30 "$WORK/ticketd.log" 2>/dev/null || true
    echo "--- the app's log"; cat "$WORK/app.log" 2>/dev/null || true
    echo "--- CUPS"; tail -n 20 "$WORK/cups/log/error_log" 2>/dev/null || true
  fi
  # The PDFs this run printed (cups-pdf writes them to the user's ~/PDF).
  [ -z "${pdf_dir:-}" ] || comm -13 "$WORK/pdfs-before" <(ls "$pdf_dir") 2>/dev/null |
    while read -r f; do rm -rf "${pdf_dir:?}/$f"; done
  rm -rf "$WORK"
  exit $status
}
trap cleanup EXIT

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# ticketd with its embedded servers.
port=$(free_port)
export TICKETING_LISTEN=127.0.0.1:$port TICKETING_DATA_DIR=$WORK/data TICKETING_AUTH_RATE_LIMIT=0
mkdir -p "$TICKETING_DATA_DIR"
"$BUILD/server/ticketd" >"$WORK/ticketd.log" 2>&1 &
pids+=($!)
url="http://127.0.0.1:$port"
for _ in $(seq 1 300); do curl -fsS "$url/readyz" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fsS "$url/readyz" >/dev/null || { echo "ticketd did not start"; exit 1; }

# An organizer's published event (the demo's theatre) and a box office agent.
for who in organizer box_office; do
  "$BUILD/server/ticketd" user add --email "$who@e2e.test" --password "e2e-$who-password" \
    --role "$who" --first-name E2E --last-name "$who" >/dev/null
done
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

# The app and the driver in one X and D-Bus session, with the accessibility bus.
export HOME_FOR_APP=$WORK/home
mkdir -p "$HOME_FOR_APP"
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- bash -c '
  set -e
  /usr/libexec/at-spi-bus-launcher --launch-immediately &
  bus=$!
  # An unlocked secret service, so that the keychain does not ask for a new keyring password.
  export XDG_DATA_HOME='"$HOME_FOR_APP"'/.local/share
  mkdir -p "$XDG_DATA_HOME"
  eval "$(printf e2e | gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL
  sleep 1
  HOME='"$HOME_FOR_APP"' XDG_CONFIG_HOME='"$HOME_FOR_APP"'/.config QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 \
    LANG=C.UTF-8 LANGUAGE=en '"$BUILD"'/apps/boxoffice/boxoffice --server '"$url"' \
    --email box_office@e2e.test >'"$WORK"'/app.log 2>&1 &
  app=$!
  status=0
  /usr/bin/python3 '"$ROOT"'/tests/e2e/boxoffice_e2e.py --server '"$url"' \
    --email box_office@e2e.test --password e2e-box_office-password --pdf-dir '"$pdf_dir"' \
    ${SHOTS:+--screenshots "$SHOTS"} || status=$?
  kill $app $bus 2>/dev/null || true
  exit $status
'
