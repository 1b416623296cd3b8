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
SHOTS=${2:-}
[ -z "$SHOTS" ] || { mkdir -p "$SHOTS"; SHOTS=$(cd "$SHOTS" && pwd); }
E2E_NAME=organizer
source "$ROOT/tests/e2e/lib.sh"

e2e_start_ticketd
e2e_users organizer box_office
export HOME_FOR_APP=$WORK/home
mkdir -p "$HOME_FOR_APP/Documents"
e2e_session \
  "XDG_DOCUMENTS_DIR=$HOME_FOR_APP/Documents '$BUILD/apps/organizer/organizer' --server $url --email organizer@e2e.test" \
  "/usr/bin/python3 '$ROOT/tests/e2e/organizer_e2e.py' --server $url \
     --email organizer@e2e.test --password e2e-organizer-password \
     --box-email box_office@e2e.test --box-password e2e-box_office-password \
     --documents '$HOME_FOR_APP/Documents' ${SHOTS:+--screenshots '$SHOTS'}"
