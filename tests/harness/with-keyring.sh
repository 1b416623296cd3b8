#!/usr/bin/env bash
# Runs a command in a private D-Bus session with an unlocked GNOME keyring (a secret service),
# as a desktop session has: what QtKeychain needs (STACK.md "Headless GUI"). Its own HOME, so
# that the keyring it makes is thrown away with it.
#   with-keyring.sh COMMAND [ARGS...]
set -euo pipefail
home=$(mktemp -d /tmp/ticketing-keyring-XXXXXX)
trap 'rm -rf "$home"' EXIT
export HOME=$home XDG_DATA_HOME=$home/.local/share XDG_RUNTIME_DIR=$home/run
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
dbus-run-session -- bash -c '
  eval "$(printf test | gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL
  "$@"
' with-keyring "$@"
