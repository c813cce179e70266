#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the persistence tests (no systemd needed).
#   start: prints `export FJ_TEST_POSTGRES_URL=...; export FJ_PG_TEMP_DIR=...` (eval it)
#   stop DIR: stops the cluster and removes DIR
# Runs the server as the `postgres` user (PostgreSQL refuses root), on 127.0.0.1 and a free port,
# with fsync and synchronous_commit off (test data only).
set -euo pipefail
BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
  start)
    [ -x "$BIN/initdb" ] || { echo "postgres-temporaire: no PostgreSQL binaries (apt-get install -y postgresql)" >&2; exit 1; }
    DIR="$(mktemp -d /tmp/fj-pg.XXXXXX)"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"
    PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
    as_postgres "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
      || { cat "$DIR/initdb.log" >&2; exit 1; }
    as_postgres "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null || { cat "$DIR/server.log" >&2; exit 1; }
    as_postgres "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qc "CREATE DATABASE frais_justice_test" >/dev/null
    echo "export FJ_TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:$PORT/frais_justice_test; export FJ_PG_TEMP_DIR=$DIR"
    ;;
  stop)
    DIR="${2:?usage: stop DIR}"
    as_postgres "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$DIR"
    ;;
  *) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
