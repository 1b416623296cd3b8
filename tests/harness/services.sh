#!/usr/bin/env bash
# Throwaway PostgreSQL and Redis for the integration tests, on unix sockets under DIR, stopped
# by the PIDs this script recorded (never by name: other servers on the machine are not ours).
#
#   services.sh start DIR             both servers (DIR/pg/.s.PGSQL.5432, DIR/redis.sock)
#   services.sh stop DIR              stop what start started; safe to run twice
#   services.sh start-postgres DIR    one PostgreSQL only (tests that restart it use their own)
#   services.sh stop-postgres DIR
#   services.sh start-redis DIR [persistent]   one Redis only; `persistent`: an append-only
#                                     file in DIR, kept across stop-redis and start-redis
#   services.sh stop-redis DIR
#   services.sh start-replica DIR PRIMARY_DIR   a streaming replica of PRIMARY_DIR's PostgreSQL
#   services.sh kill-postgres DIR    SIGKILL (a crash); stop-postgres stops a replica too
#   services.sh promote DIR          the replica in DIR becomes a primary
#
# Runs PostgreSQL as the `postgres` system user when started as root (initdb refuses root).
set -euo pipefail

cmd=${1:?usage: services.sh start|stop|start-postgres|stop-postgres|start-redis|stop-redis DIR}
dir=${2:?usage: services.sh $cmd DIR}

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

wait_gone() { # pid seconds
  local pid=$1 i
  for ((i = 0; i < $2 * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    # A zombie is gone for our purposes (its parent reaps it).
    [ "$(ps -o stat= -p "$pid" 2>/dev/null | cut -c1)" = Z ] && return 0
    sleep 0.1
  done
  return 1
}

start_postgres() {
  [ -x "$pgbin/postgres" ] || { echo "services.sh: PostgreSQL server binaries are missing (apt-get install postgresql)" >&2; exit 1; }
  local data=$dir/pg-data sock=$dir/pg
  if [ -f "$dir/postgres.pid" ] && kill -0 "$(cat "$dir/postgres.pid")" 2>/dev/null; then
    echo "services.sh: PostgreSQL already runs (pid $(cat "$dir/postgres.pid"))"; return 0
  fi
  mkdir -p "$dir"
  chmod 755 "$dir"
  if [ ! -f "$data/PG_VERSION" ]; then
    fresh_data_dir "$data"
    (cd /tmp && as_pg "$pgbin/initdb" -D "$data" -U postgres -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=reject --no-sync >"$dir/initdb.log" 2>&1) \
      || { cat "$dir/initdb.log" >&2; exit 1; }
  fi
  run_postgres "$data" "$sock"
  echo "PostgreSQL pid $(cat "$dir/postgres.pid"), socket $sock"
}

# An empty data directory that the postgres user owns.
fresh_data_dir() {
  rm -rf "$1"
  install -d -m 700 "$1"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$1"
  return 0
}

# Starts the cluster in $1 on the socket directory $2 with the test settings; its pid in
# $dir/postgres.pid.
run_postgres() {
  local data=$1 sock=$2
  install -d -m 700 "$sock"
  touch "$dir/postgres.log"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$sock" "$dir/postgres.log"
  # Test settings: durability off (throwaway data), enough connections for parallel tests.
  # TICKETING_DURABLE=1 keeps PostgreSQL's defaults (fsync, synchronous commit): benchmarks.
  local durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [ "${TICKETING_DURABLE:-0}" = 1 ] && durability=""
  # TICKETING_PG_OPTIONS: more server settings (benchmarks: pg_stat_statements, ...).
  durability="$durability ${TICKETING_PG_OPTIONS:-}"
  (cd /tmp && as_pg "$pgbin/pg_ctl" -D "$data" -l "$dir/postgres.log" -w -t 60 start -o \
      "-c listen_addresses= -c unix_socket_directories=$sock -c port=5432 $durability \
       -c max_connections=300") >/dev/null \
    || { tail -n 20 "$dir/postgres.log" >&2; exit 1; }
  head -n 1 "$data/postmaster.pid" >"$dir/postgres.pid"
}

stop_postgres() {
  [ -f "$dir/postgres.pid" ] || return 0
  local pid
  pid=$(cat "$dir/postgres.pid")
  if kill -0 "$pid" 2>/dev/null; then
    kill -INT "$pid" 2>/dev/null || true # fast shutdown
    wait_gone "$pid" 30 || { kill -KILL "$pid" 2>/dev/null || true; wait_gone "$pid" 5 || true; }
  fi
  rm -f "$dir/postgres.pid"
  echo "PostgreSQL stopped"
}

# A streaming replica of the PostgreSQL in $3 (its `start-postgres` directory), in $dir:
# pg_basebackup over the primary's socket, standby.signal written (-R), then started like it.
start_replica() {
  local primary=${3:?usage: services.sh start-replica DIR PRIMARY_DIR}
  local data=$dir/pg-data sock=$dir/pg
  mkdir -p "$dir"
  chmod 755 "$dir"
  fresh_data_dir "$data"
  (cd /tmp && as_pg "$pgbin/pg_basebackup" -h "$primary/pg" -p 5432 -U postgres -D "$data" -R \
      -X stream --no-sync >"$dir/basebackup.log" 2>&1) || { cat "$dir/basebackup.log" >&2; exit 1; }
  run_postgres "$data" "$sock"
  echo "PostgreSQL replica pid $(cat "$dir/postgres.pid"), socket $sock"
}

# The PostgreSQL in $dir dies at once (SIGKILL), as a crashed primary's machine does: the
# postmaster and every process of it together (alone, its WAL sender would go on streaming).
kill_postgres() {
  [ -f "$dir/postgres.pid" ] || return 0
  local pid
  pid=$(cat "$dir/postgres.pid")
  # shellcheck disable=SC2046
  kill -KILL "$pid" $(pgrep -P "$pid") 2>/dev/null || true
  wait_gone "$pid" 10 || true
  rm -f "$dir/postgres.pid"
  echo "PostgreSQL killed"
}

promote_postgres() {
  (cd /tmp && as_pg "$pgbin/pg_ctl" -D "$dir/pg-data" -w -t 30 promote) >/dev/null
  echo "PostgreSQL promoted"
}

start_redis() {
  command -v redis-server >/dev/null || { echo "services.sh: redis-server is missing (apt-get install redis-server)" >&2; exit 1; }
  if [ -f "$dir/redis.pid" ] && kill -0 "$(cat "$dir/redis.pid")" 2>/dev/null; then
    echo "services.sh: Redis already runs (pid $(cat "$dir/redis.pid"))"; return 0
  fi
  mkdir -p "$dir"
  rm -f "$dir/redis.sock"
  local appendonly=no
  [ "${3:-}" = persistent ] && appendonly=yes
  redis-server --port 0 --unixsocket "$dir/redis.sock" --unixsocketperm 700 --save '' \
    --appendonly "$appendonly" --appendfsync always --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" \
    --dir "$dir" --maxclients 10000
  local i
  for ((i = 0; i < 100; i++)); do
    redis-cli -s "$dir/redis.sock" ping >/dev/null 2>&1 && break
    sleep 0.05
  done
  redis-cli -s "$dir/redis.sock" ping >/dev/null || { tail -n 20 "$dir/redis.log" >&2; exit 1; }
  echo "Redis pid $(cat "$dir/redis.pid"), socket $dir/redis.sock"
}

stop_redis() {
  [ -f "$dir/redis.pid" ] || return 0
  local pid
  pid=$(cat "$dir/redis.pid")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    wait_gone "$pid" 10 || { kill -KILL "$pid" 2>/dev/null || true; wait_gone "$pid" 5 || true; }
  fi
  rm -f "$dir/redis.pid"
  echo "Redis stopped"
}

case $cmd in
  start) start_postgres; start_redis ;;
  stop) stop_redis; stop_postgres ;;
  start-postgres) start_postgres ;;
  stop-postgres) stop_postgres ;;
  start-redis) start_redis "$@" ;;
  start-replica) start_replica "$@" ;;
  kill-postgres) kill_postgres ;;
  promote) promote_postgres ;;
  stop-redis) stop_redis ;;
  *) echo "services.sh: unknown command $cmd" >&2; exit 2 ;;
esac
