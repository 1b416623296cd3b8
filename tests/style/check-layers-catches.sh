#!/usr/bin/env bash
# The layer check catches what it must: a copy of the tree with a deliberately wrong include
# (the transport reaching into the database, a service including libpqxx) must fail, naming
# both, while the tree as it is passes.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CHECK="$ROOT/scripts/check-layers"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$CHECK" "$ROOT" >/dev/null || { echo "FAIL: the tree itself does not pass"; exit 1; }

mkdir -p "$work/common" "$work/server"
cp -r "$ROOT/common/domain" "$ROOT/common/client" "$ROOT/common/seatmap" "$ROOT/common/widgets" \
  "$work/common/"
cp -r "$ROOT/server/src" "$work/server/"
cp -r "$ROOT/apps" "$work/"
sed -i '0,/^#include/s//#include "db\/Pool.h"\n#include/' "$work/server/src/http/Router.h"
sed -i '0,/^#include/s//#include <pqxx\/pqxx>\n#include/' "$work/server/src/services/HoldService.cpp"

set +e
out=$("$CHECK" "$work" 2>&1)
status=$?
set -e
echo "$out"
[ $status -eq 1 ] || { echo "FAIL: exit $status, expected 1"; exit 1; }
grep -q 'server/src/http/Router.h:[0-9]*: the http layer may not include db/' <<<"$out" ||
  { echo "FAIL: the http -> db include was not named"; exit 1; }
grep -q 'server/src/services/HoldService.cpp:[0-9]*: only db may include <pqxx/pqxx>' <<<"$out" ||
  { echo "FAIL: the services -> pqxx include was not named"; exit 1; }
grep -q '^2 include(s) against the arrows' <<<"$out" || { echo "FAIL: other violations reported"; exit 1; }
echo "PASS: the layer check fails on wrong includes and names them"
