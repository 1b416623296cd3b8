#!/usr/bin/env bash
# The gate scanner end to end (issue 16), as gate staff would use it: a real ticketd (embedded
# PostgreSQL and Redis, on loopback) and the built app under Xvfb with an accessibility bus,
# driven through AT-SPI by gatescanner_e2e.py, which starts the app itself (it kills it with
# SIGKILL and starts it again) and cuts ticketd off (SIGSTOP) and brings it back (SIGCONT).
#   tests/e2e/run-gatescanner-e2e.sh BUILD_DIR [SCREENSHOT_DIR]
# Everything it starts it stops by PID. Needs: xvfb dbus-x11 at-spi2-core python3-pyatspi
# gnome-keyring imagemagick curl.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=$(cd "${1:?build directory}" && pwd)
SHOTS=${2:-}
[ -z "$SHOTS" ] || { mkdir -p "$SHOTS"; SHOTS=$(cd "$SHOTS" && pwd); }
E2E_NAME=gatescanner
source "$ROOT/tests/e2e/lib.sh"

e2e_start_ticketd
ticketd_pid=${pids[-1]}
e2e_users organizer box_office
e2e_session \
  "true" \
  "/usr/bin/python3 '$ROOT/tests/e2e/gatescanner_e2e.py' --server $url \
     --app '$BUILD/apps/gatescanner/gatescanner' --data-dir '$WORK/scanner' \
     --ticketd-pid $ticketd_pid --app-log '$WORK/app.log' \
     --email organizer@e2e.test --password e2e-organizer-password \
     --box-email box_office@e2e.test --box-password e2e-box_office-password \
     ${SHOTS:+--screenshots '$SHOTS'}"
