#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: `source .ci/postgres.sh; pg_throwaway_start` exports
# TSUYAMA_TEST_POSTGRES (an Npgsql connection string to 127.0.0.1 on a free port); pg_throwaway_stop
# removes it. PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user.
# Without PostgreSQL's binaries nothing is exported and the PostgreSQL tests report skipped.

pg_throwaway_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    if [ -x "$d/pg_ctl" ] && [ -x "$d/initdb" ]; then echo "$d"; fi
  done | sort -V | tail -n 1
}

pg_throwaway_start() {
  local bin port dir as
  bin=$(pg_throwaway_bin)
  if [ -z "$bin" ]; then
    echo "note: PostgreSQL is not installed; PostgreSQL tests will be skipped" >&2
    return 0
  fi
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 54329)
  dir=$(mktemp -d /tmp/tsuyama-pg.XXXXXX)
  chmod 755 "$dir"
  as=()
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$dir"
    as=(runuser -u postgres --)
  fi
  "${as[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  # Tests open many pooled connections from several hosts at once; durability is not the point here.
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start \
    >/dev/null || { cat "$dir/server.log" >&2; return 1; }
  PG_THROWAWAY_DIR=$dir
  PG_THROWAWAY_BIN=$bin
  export TSUYAMA_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') running on 127.0.0.1:$port for the tests"
}

pg_throwaway_stop() {
  if [ -n "${PG_THROWAWAY_DIR:-}" ]; then
    local as=()
    if [ "$(id -u)" = 0 ]; then as=(runuser -u postgres --); fi
    "${as[@]}" "$PG_THROWAWAY_BIN/pg_ctl" -D "$PG_THROWAWAY_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_THROWAWAY_DIR"
    PG_THROWAWAY_DIR=
  fi
}
