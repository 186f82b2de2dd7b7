#!/usr/bin/env bash
# A throwaway PostgreSQL 15 (Debian's postgresql-15) for tests and benchmarks: a cluster in a temporary
# folder, run by the postgres user, listening only on a unix socket in that folder (no port to collide
# with), fsync off (its data is thrown away). Needs root (to run it as postgres).
#   scripts/throwaway-postgres.sh start        prints its URL: postgresql://postgres@localhost/postgres?host=<dir>
#   scripts/throwaway-postgres.sh stop <dir>   stops it and removes the folder
set -euo pipefail
PG_BIN=/usr/lib/postgresql/15/bin
case "${1:-}" in
  start)
    if [ ! -x "$PG_BIN/initdb" ]; then
      apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-15 >/dev/null
    fi
    dir=$(mktemp -d /tmp/proofline-pg.XXXXXX)
    chown postgres "$dir"
    su postgres -s /bin/sh -c "'$PG_BIN/initdb' -D '$dir/data' -A trust -U postgres >/dev/null && '$PG_BIN/pg_ctl' -D '$dir/data' -l '$dir/log' -w -o \"-k '$dir' -c listen_addresses='' -c fsync=off -c max_connections=200\" start >/dev/null"
    echo "postgresql://postgres@localhost/postgres?host=$dir"
    ;;
  stop)
    dir=${2:?usage: throwaway-postgres.sh stop <dir>}
    case "$dir" in /tmp/proofline-pg.*) ;; *) echo "not a throwaway cluster folder: $dir" >&2; exit 2 ;; esac
    su postgres -s /bin/sh -c "'$PG_BIN/pg_ctl' -D '$dir/data' -m immediate stop" >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: throwaway-postgres.sh start | stop <dir>" >&2
    exit 2
    ;;
esac
