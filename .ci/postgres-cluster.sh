#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on 127.0.0.1 for the tests that run on PostgreSQL:
#   eval "$(.ci/postgres-cluster.sh start)"   # prints PG_DIR, PG_PORT, PG_URL, PG_USER, PG_PASSWORD exports
#   .ci/postgres-cluster.sh stop "$PG_DIR"
# Uses Debian's server binaries (/usr/lib/postgresql/<newest>/bin). As root, runs the cluster as the postgres
# account, in a folder under /tmp that account can reach (a clone may sit in a folder only root can enter).
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[[ -n "$bin" && -x "$bin/initdb" ]] || { echo "no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (apt-get install postgresql)" >&2; exit 2; }

as_pg() {
  if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/cortexlit-pg.XXXXXX)
    chmod 755 "$dir"
    [[ $(id -u) == 0 ]] && chown postgres:postgres "$dir"
    cd "$dir" # the postgres account may not enter the clone's folder; its tools warn from a folder they cannot read
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_pg "$bin/initdb" -D "$dir/data" -U cortexlit --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir -c max_connections=60" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U cortexlit cortexlit
    echo "export PG_DIR=$dir PG_PORT=$port PG_URL=jdbc:postgresql://127.0.0.1:$port/cortexlit PG_USER=cortexlit PG_PASSWORD=unused"
    ;;
  stop)
    dir=${2:?the cluster folder printed by start}
    cd /tmp
    as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
