#!/usr/bin/env bash
# The organizer's app end to end (issue 15), as a person would use it: a real ticketd (embedded
# PostgreSQL and Redis, on loopback) and the built app under Xvfb with an accessibility bus,
# driven through AT-SPI by organizer_e2e.py.
#   tests/e2e/run-organizer-e2e.sh BUILD_DIR [SCREENSHOT_DIR]
# Everything it starts it stops by PID. Needs: xvfb dbus-x11 at-spi2-core python3-pyatspi
# gnome-keyring imagemagick curl.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=$(cd "${1:?build directory}" && pwd)
export SHOTS=${2:-}
[ -z "$SHOTS" ] || { mkdir -p "$SHOTS"; SHOTS=$(cd "$SHOTS" && pwd); }
WORK=$(mktemp -d /tmp/organizer-e2e.XXXXXX)
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
  fi
  rm -rf "$WORK"
  exit $status
}
trap cleanup EXIT

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

port=$(free_port)
export TICKETING_LISTEN=127.0.0.1:$port TICKETING_DATA_DIR=$WORK/data TICKETING_AUTH_RATE_LIMIT=0
mkdir -p "$TICKETING_DATA_DIR"
"$BUILD/server/ticketd" >"$WORK/ticketd.log" 2>&1 &
pids+=($!)
url="http://127.0.0.1:$port"
for _ in $(seq 1 300); do curl -fsS "$url/readyz" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fsS "$url/readyz" >/dev/null || { echo "ticketd did not start"; exit 1; }
for who in organizer box_office; do
  "$BUILD/server/ticketd" user add --email "$who@e2e.test" --password "e2e-$who-password" \
    --role "$who" --first-name E2E --last-name "$who" >/dev/null
done

export HOME_FOR_APP=$WORK/home
mkdir -p "$HOME_FOR_APP/Documents"
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- bash -c '
  set -e
  /usr/libexec/at-spi-bus-launcher --launch-immediately &
  bus=$!
  export XDG_DATA_HOME='"$HOME_FOR_APP"'/.local/share
  mkdir -p "$XDG_DATA_HOME"
  eval "$(printf e2e | gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL
  sleep 1
  HOME='"$HOME_FOR_APP"' XDG_CONFIG_HOME='"$HOME_FOR_APP"'/.config XDG_DOCUMENTS_DIR='"$HOME_FOR_APP"'/Documents \
    QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 LANG=C.UTF-8 LANGUAGE=en '"$BUILD"'/apps/organizer/organizer \
    --server '"$url"' --email organizer@e2e.test >'"$WORK"'/app.log 2>&1 &
  app=$!
  status=0
  /usr/bin/python3 '"$ROOT"'/tests/e2e/organizer_e2e.py --server '"$url"' \
    --email organizer@e2e.test --password e2e-organizer-password \
    --box-email box_office@e2e.test --box-password e2e-box_office-password \
    --documents '"$HOME_FOR_APP"'/Documents ${SHOTS:+--screenshots "$SHOTS"} || status=$?
  kill $app $bus 2>/dev/null || true
  exit $status
'
