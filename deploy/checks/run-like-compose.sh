#!/usr/bin/env bash
# Runs what deploy/compose.yaml describes without a container engine: a throwaway PostgreSQL (.ci/postgres-
# cluster.sh) for the db service, and node-a and node-b as two processes of the packaged app, each with the
# environment compose.yaml gives it (filled in from deploy/.env.example with its two passwords set), run as the
# image's account. Only
# what containers would provide is adapted: the database host and port in CORTEXLIT_DB_URL, each node's /data
# volume (a folder of its own) and its host port (8080, 8081) as QUARKUS_HTTP_PORT.
# node-b starts once node-a is ready, as depends_on says. Then: both ready, one first admin, a file imported on
# node-a is found on node-b, metrics and the API document answer, SIGTERM stops both in time; and
# deploy/README.md's PostgreSQL restore: pg_dump -Fc, one more import, pg_restore into a new database, node-a on
# it with its index kept and with index/ deleted.
#   deploy/checks/run-like-compose.sh [target/quarkus-app]     (as root, from the repository's root)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
app=${1:-target/quarkus-app}
[[ -f "$app/quarkus-run.jar" ]] || { echo "no $app/quarkus-run.jar: run ./mvnw -B package -DskipTests first" >&2; exit 2; }
[[ $(id -u) == 0 ]] || { echo "run as root" >&2; exit 2; }
getent group cortexlit >/dev/null || groupadd --system --gid 10001 cortexlit
id cortexlit >/dev/null 2>&1 || useradd --system --uid 10001 --gid cortexlit --home-dir /nonexistent \
    --no-create-home --shell /usr/sbin/nologin cortexlit

root=$(mktemp -d /tmp/cortexlit-compose.XXXXXX)
chmod 755 "$root"
mkdir "$root/deployments" "$root/tmp"
cp -r "$app/lib" "$app/app" "$app/quarkus" "$app/quarkus-run.jar" "$root/deployments/"
chmod 1777 "$root/tmp"
echo "folder: $root"

# deploy/.env as a team would write it: the example with its two passwords filled in.
sed -e 's/^POSTGRES_PASSWORD=$/POSTGRES_PASSWORD=check-database-password/' \
    -e 's/^CORTEXLIT_ADMIN_PASSWORD=$/CORTEXLIT_ADMIN_PASSWORD=check-admin-password/' "$here/../.env.example" >"$root/.env"

eval "$("$here/../../.ci/postgres-cluster.sh" start)"
declare -A pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  "$here/../../.ci/postgres-cluster.sh" stop "$PG_DIR"
}
trap cleanup EXIT
echo "PostgreSQL on 127.0.0.1:$PG_PORT ($(psql -h 127.0.0.1 -p "$PG_PORT" -U cortexlit -d cortexlit -Atc 'show server_version'))"

code() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$@" || true; }
fail=0
# start NODE HOST_PORT DATABASE: the node's compose environment, adapted as said above.
start() {
  local node=$1 port=$2 database=$3 envs=() line
  mkdir -p "$root/$node-data"; chown cortexlit:cortexlit "$root/$node-data"; chmod 750 "$root/$node-data"
  while IFS= read -r line; do
    case "$line" in
      CORTEXLIT_DB_URL=*) line="CORTEXLIT_DB_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/$database" ;;
      CORTEXLIT_DATA_DIR=*) line="CORTEXLIT_DATA_DIR=$root/$node-data" ;;
      QUARKUS_HTTP_PORT=*) line="QUARKUS_HTTP_PORT=$port" ;;
      JAVA_OPTS=*) line="$line -Djava.io.tmpdir=$root/tmp" ;;
    esac
    envs+=("$line")
  done < <("$here/compose-env.py" "$node" "$root/.env")
  setpriv --reuid=10001 --regid=10001 --clear-groups env -i PATH=/usr/bin:/bin HOME=/nonexistent "${envs[@]}" \
      sh -c "cd $root/deployments && exec java \${JAVA_OPTS} -jar $root/deployments/quarkus-run.jar" \
      >>"$root/$node.log" 2>&1 &
  pids[$node]=$!
  local t0; t0=$(date +%s)
  # What the compose healthcheck waits for: a 200 on /q/health/ready.
  until [[ $(code "http://127.0.0.1:$port/q/health/ready") == 200 ]]; do
    kill -0 "${pids[$node]}" 2>/dev/null || { echo "$node exited; its log:" >&2; tail -30 "$root/$node.log" >&2; return 1; }
    # A redirect to the sign-in page or a 404 while /login answers: this build has no health endpoint.
    if (( $(date +%s) - t0 >= 180 )) || { (( $(date +%s) - t0 >= 30 )) && [[ $(code "http://127.0.0.1:$port/login") == 200 ]] \
        && [[ $(code "http://127.0.0.1:$port/q/health/ready") =~ ^(302|404)$ ]]; }; then
      echo "$node: no 200 on /q/health/ready after $(( $(date +%s) - t0 )) s (/login $(code "http://127.0.0.1:$port/login"), /q/health/ready $(code "http://127.0.0.1:$port/q/health/ready"))"
      fail=1; return 0
    fi
    sleep 1
  done
  echo "$node: /q/health/ready 200 after $(( $(date +%s) - t0 )) s; /q/health/live $(code "http://127.0.0.1:$port/q/health/live"), /login $(code "http://127.0.0.1:$port/login")"
}
stop() {
  local node=$1 t0 rc
  t0=$(date +%s.%N)
  kill -TERM "${pids[$node]}"
  set +e; wait "${pids[$node]}"; rc=$?; set -e
  unset "pids[$node]"
  printf '%s: SIGTERM to exit %.1f s, exit code %s\n' "$node" "$(echo "$(date +%s.%N) - $t0" | bc)" "$rc"
}
psql_() { psql -h 127.0.0.1 -p "$PG_PORT" -U cortexlit -Atc "$2" "$1"; }

admin=$(sed -n 's/^CORTEXLIT_ADMIN_USERNAME=//p' "$root/.env")
password=$(sed -n 's/^CORTEXLIT_ADMIN_PASSWORD=//p' "$root/.env")
start node-a 8080 cortexlit
start node-b 8081 cortexlit
echo "accounts in the database: $(psql_ cortexlit 'select count(*) from app_user')"
echo "node-a's data folder: $(ls "$root/node-a-data" | tr '\n' ' ')"

fixtures=$here/../../src/test/resources/fixtures/import
# hits NODE_PORT QUERY SECONDS EXPECTED: polls a search until it has EXPECTED hits (any, with "+"); prints the count.
hits() {
  local total=0
  for _ in $(seq 1 "$3"); do
    total=$(curl -s -u "$admin:$password" "http://127.0.0.1:$1/api/search?q=$2" \
      | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])' 2>/dev/null || echo 0)
    if [[ "$4" == + ]]; then (( total > 0 )) && break; else (( total == $4 )) && break; fi
    sleep 1
  done
  echo "$total"
}
echo "import of trials.xml on node-a: $(code -u "$admin:$password" -F "file=@$fixtures/trials.xml" "http://127.0.0.1:8080/api/imports")"
t0=$(date +%s)
n=$(hits 8081 pain 30 +)
echo "search on node-b for what node-a imported: $n hit(s) after $(( $(date +%s) - t0 )) s"
(( n > 0 )) || fail=1

# deploy/README.md's PostgreSQL backup, then a change the backup does not have.
pg_dump -h 127.0.0.1 -p "$PG_PORT" -U cortexlit -Fc -f "$root/cortexlit.dump" cortexlit
echo "pg_dump -Fc: $(du -h "$root/cortexlit.dump" | cut -f1)"
echo "import of scopus-first.ris on node-a after the dump: $(code -u "$admin:$password" -F "file=@$fixtures/scopus-first.ris" "http://127.0.0.1:8080/api/imports")"
echo "search on node-b for it (insula): $(hits 8081 insula 30 +) hit(s)"
c=$(curl -s -o "$root/metrics.txt" -w '%{http_code}' -u "$admin:$password" http://127.0.0.1:8080/q/metrics || true)
echo "/q/metrics as admin: $c, $(grep -c '^cortexlit_' "$root/metrics.txt" || true) cortexlit_ samples; without an account: $(code http://127.0.0.1:8080/q/metrics)"
echo "/q/openapi $(code http://127.0.0.1:8080/q/openapi), /q/swagger-ui/ $(code http://127.0.0.1:8080/q/swagger-ui/)"
stop node-b
stop node-a

# The restore: pg_restore into an empty database, then node-a on it twice: keeping its data folder (an index
# that holds the record the dump lacks), and with index/ deleted.
psql_ cortexlit 'create database cortexlit_restored' >/dev/null
pg_restore -h 127.0.0.1 -p "$PG_PORT" -U cortexlit -d cortexlit_restored --no-owner "$root/cortexlit.dump"
echo "restored: $(psql_ cortexlit_restored 'select count(*) from article') articles"
start node-a 8080 cortexlit_restored
n=$(hits 8080 insula 20 0)
echo "restored database, node-a's index kept: 'insula' (only in the import after the dump) finds $n hit(s)"
echo "  node-a's log on that start: $(grep -E 'Rebuil|index' "$root/node-a.log" | tail -n 2 | sed 's/^.*\] //' | tr '\n' ' ')"
stop node-a
rm -rf "$root/node-a-data/index"
start node-a 8080 cortexlit_restored
p=$(hits 8080 pain 60 +); n=$(hits 8080 insula 5 0)
echo "restored database, index/ deleted: the index was rebuilt; 'pain' finds $p hit(s), 'insula' $n"
(( p > 0 && n == 0 )) || fail=1
stop node-a
exit $fail
