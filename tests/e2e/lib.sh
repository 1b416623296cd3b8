# What the end-to-end runners share (sourced): a work folder, every process started stopped by
# PID on exit (with the logs shown when the test failed), a free port, a ticketd with its
# embedded servers, accounts, and the app and its driver in one Xvfb and D-Bus session with the
# accessibility bus and an unlocked secret service.
#   E2E_NAME=organizer; source lib.sh; e2e_start_ticketd; e2e_users organizer box_office; ...

WORK=$(mktemp -d "/tmp/${E2E_NAME:-e2e}-e2e.XXXXXX")
chmod 755 "$WORK"
pids=()
e2e_cleanup() {
  local status=$?
  # (CONT too: a process a test stopped with SIGSTOP acts on nothing else.)
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; kill -CONT "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$p" 2>/dev/null || true
  done
  if [ $status -ne 0 ]; then
    echo "--- ticketd's log (tail)"; tail -n 30 "$WORK/ticketd.log" 2>/dev/null || true
    echo "--- the app's log"; cat "$WORK/app.log" 2>/dev/null || true
    echo "--- Xvfb (display ${DISPLAY:-none})"; cat "$WORK/xvfb.log" 2>/dev/null || true
  fi
  if declare -F e2e_more_cleanup >/dev/null; then e2e_more_cleanup "$status" || true; fi
  [ -n "${E2E_KEEP:-}" ] && echo "kept $WORK" || rm -rf "$WORK"
  exit $status
}
trap e2e_cleanup EXIT

e2e_free_port() {
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# ticketd with its embedded servers on a free port of loopback; sets $url.
e2e_start_ticketd() {
  local port
  port=$(e2e_free_port)
  export TICKETING_LISTEN=127.0.0.1:$port TICKETING_DATA_DIR=$WORK/data TICKETING_AUTH_RATE_LIMIT=0
  mkdir -p "$TICKETING_DATA_DIR"
  "$BUILD/server/ticketd" >"$WORK/ticketd.log" 2>&1 &
  pids+=($!)
  url="http://127.0.0.1:$port"
  for _ in $(seq 1 300); do curl -fsS "$url/readyz" >/dev/null 2>&1 && break; sleep 0.1; done
  curl -fsS "$url/readyz" >/dev/null || { echo "ticketd did not start"; exit 1; }
}

# An account per role, ROLE@e2e.test with the password e2e-ROLE-password.
e2e_users() {
  local who
  for who in "$@"; do
    "$BUILD/server/ticketd" user add --email "$who@e2e.test" --password "e2e-$who-password" \
      --role "$who" --first-name E2E --last-name "$who" >/dev/null
  done
}

# e2e_session APP_COMMAND DRIVER_COMMAND: the app (its output in app.log) and the driver in one
# X, D-Bus and accessibility session; the driver's status is the session's. $HOME_FOR_APP is
# the app's home.
e2e_session() {
  export HOME_FOR_APP=${HOME_FOR_APP:-$WORK/home}
  mkdir -p "$HOME_FOR_APP"
  export E2E_APP="$1" E2E_DRIVER="$2" E2E_WORK="$WORK"
  # Xvfb picks a free display itself and says which (-displayfd) once it accepts clients:
  # xvfb-run -a looks for a free number and then starts the server, so two runners starting
  # together (ctest runs the three in parallel) could both take the same number.
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$WORK/display" >"$WORK/xvfb.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 200); do [ -s "$WORK/display" ] && break; sleep 0.05; done
  [ -s "$WORK/display" ] || { echo "Xvfb did not start:"; cat "$WORK/xvfb.log"; exit 1; }
  export DISPLAY=":$(tr -d '[:space:]' <"$WORK/display")"
  dbus-run-session -- bash -c '
    set -e
    /usr/libexec/at-spi-bus-launcher --launch-immediately &
    bus=$!
    # An unlocked secret service, so that the keychain does not ask for a new keyring password.
    export XDG_DATA_HOME=$HOME_FOR_APP/.local/share
    mkdir -p "$XDG_DATA_HOME"
    eval "$(printf e2e | gnome-keyring-daemon --unlock --components=secrets)"
    export GNOME_KEYRING_CONTROL
    sleep 1
    HOME=$HOME_FOR_APP XDG_CONFIG_HOME=$HOME_FOR_APP/.config QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 \
      LANG=C.UTF-8 LANGUAGE=en bash -c "$E2E_APP" >"$E2E_WORK/app.log" 2>&1 &
    app=$!
    status=0
    bash -c "$E2E_DRIVER" || status=$?
    kill $app $bus 2>/dev/null || true
    exit $status
  '
}
