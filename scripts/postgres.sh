#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test suite: initdb in a temp folder, the server on a unix socket inside
# it (no TCP port), trust authentication, stopped and removed by pg_stop. initdb refuses to run as root, so as
# root the cluster belongs to a system user created for it (yusuan-pg). Source this file, then:
#   pg_start   → exports YUSUAN_TEST_PG_URL (and PG_TEST_DIR); returns 1 when PostgreSQL is not installed
#   pg_stop    → stops the server and removes the folder
pg_bin() {
  local name=$1
  if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
  for d in /usr/local/bin /usr/lib/postgresql/*/bin; do
    [ -x "$d/$name" ] && { echo "$d/$name"; return; }
  done
  return 1
}

pg_as() {
  if [ "$(id -u)" = 0 ]; then runuser -u yusuan-pg -- "$@"; else "$@"; fi
}

pg_start() {
  local initdb pg_ctl
  initdb=$(pg_bin initdb) && pg_ctl=$(pg_bin pg_ctl) || return 1
  if [ "$(id -u)" = 0 ] && ! id yusuan-pg >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin yusuan-pg
  fi
  PG_TEST_DIR=$(mktemp -d /tmp/yusuan-pg.XXXXXX)
  chmod 755 "$PG_TEST_DIR"
  [ "$(id -u)" = 0 ] && chown yusuan-pg "$PG_TEST_DIR"
  pg_as "$initdb" -D "$PG_TEST_DIR/data" -U yusuan --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$PG_TEST_DIR/initdb.log" 2>&1 \
    || { cat "$PG_TEST_DIR/initdb.log" >&2; return 1; }
  pg_as "$pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/server.log" -w -t 60 start \
    -o "-c listen_addresses='' -c unix_socket_directories='$PG_TEST_DIR' -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    >/dev/null || { cat "$PG_TEST_DIR/server.log" >&2; return 1; }
  export PG_TEST_DIR
  export YUSUAN_TEST_PG_URL="postgres://yusuan@localhost/postgres?host=$PG_TEST_DIR"
}

pg_stop() {
  [ -n "${PG_TEST_DIR:-}" ] && [ -d "$PG_TEST_DIR" ] || return 0
  pg_as "$(pg_bin pg_ctl)" -D "$PG_TEST_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_TEST_DIR"
}
