#!/usr/bin/env bash
# A throwaway PostgreSQL 15 (Debian's postgresql-15) for tests and benchmarks: a cluster in a temporary
# folder, run by the postgres user, listening only on a unix socket in that folder (no port to collide
# with), fsync off (its data is thrown away). initdb refuses to run as root: as root the cluster is run
# by the postgres user (and the package installed if missing), otherwise by the calling user.
#   scripts/throwaway-postgres.sh start        prints its URL: postgresql://postgres@localhost/postgres?host=<dir>
#   scripts/throwaway-postgres.sh stop <dir>   stops it and removes the folder
set -euo pipefail
PG_BIN=/usr/lib/postgresql/15/bin
# As root: the postgres user runs the cluster; otherwise the calling user does.
as_owner() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi; }
case "${1:-}" in
  start)
    if [ ! -x "$PG_BIN/initdb" ] && [ "$(id -u)" = 0 ]; then
      apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-15 >/dev/null
    fi
    dir=$(mktemp -d /tmp/proofline-pg.XXXXXX)
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
    as_owner "'$PG_BIN/initdb' -D '$dir/data' -A trust -U postgres -N >/dev/null && '$PG_BIN/pg_ctl' -D '$dir/data' -l '$dir/log' -w -o \"-k '$dir' -c listen_addresses='' -c fsync=off -c max_connections=200\" start >/dev/null"
    echo "postgresql://postgres@localhost/postgres?host=$dir"
    ;;
  stop)
    dir=${2:?usage: throwaway-postgres.sh stop <dir>}
    case "$dir" in /tmp/proofline-pg.*) ;; *) echo "not a throwaway cluster folder: $dir" >&2; exit 2 ;; esac
    as_owner "'$PG_BIN/pg_ctl' -D '$dir/data' -m fast stop" >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: throwaway-postgres.sh start | stop <dir>" >&2
    exit 2
    ;;
esac
