#!/usr/bin/env bash
# Measures what an empty index folder costs a node on PostgreSQL (a pod with an emptyDir, a new node, a lost
# volume): generates N records (the benchmarks' CorpusGenerator, seeded), imports them through one node, then
# starts that node again on an empty data folder and times the rebuild from the database, reporting when
# /q/health/ready first answers 200 and when the index holds every record.
#   deploy/checks/rebuild-time.sh [records, default 100000]     (as root, from the repository's root, after
#   ./mvnw -B package -DskipTests, which also compiles the generator)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
records=${1:-100000}
per_file=25000
app=target/quarkus-app
[[ -f "$app/quarkus-run.jar" && -d target/test-classes/org/cortexlit/bench ]] \
  || { echo "run ./mvnw -B package -DskipTests first" >&2; exit 2; }
root=$(mktemp -d /tmp/cortexlit-rebuild.XXXXXX)
chmod 755 "$root"
echo "folder: $root"

cat >"$root/Gen.java" <<JAVA
import java.nio.file.Path;
public class Gen {
    public static void main(String[] a) throws Exception {
        int total = Integer.parseInt(a[0]), per = Integer.parseInt(a[1]);
        var g = new org.cortexlit.bench.CorpusGenerator(42);
        for (int i = 0; i * per < total; i++) {
            g.writePubmedXml(Path.of(a[2], String.format("part%03d.xml.gz", i)), Math.min(per, total - i * per),
                    40_000_000L + (long) i * per, true);
        }
    }
}
JAVA
java -cp target/test-classes "$root/Gen.java" "$records" "$per_file" "$root"

eval "$("$here/../../.ci/postgres-cluster.sh" start)"
pid=
cleanup() { [[ -n "$pid" ]] && kill -TERM "$pid" 2>/dev/null; wait 2>/dev/null || true; "$here/../../.ci/postgres-cluster.sh" stop "$PG_DIR"; }
trap cleanup EXIT

user=admin password=rebuild-check-password
start() {
  rm -rf "$root/data"; mkdir "$root/data"
  env -i PATH=/usr/bin:/bin HOME="$root" QUARKUS_PROFILE=postgres CORTEXLIT_DB_URL="$PG_URL" \
      CORTEXLIT_DB_USERNAME=cortexlit CORTEXLIT_DB_PASSWORD=unused CORTEXLIT_NODE_NAME=node-a \
      CORTEXLIT_ADMIN_PASSWORD="$password" CORTEXLIT_DATA_DIR="$root/data" QUARKUS_HTTP_PORT=8080 \
      java -Xmx1g -jar "$app/quarkus-run.jar" >>"$root/app.log" 2>&1 &
  pid=$!
}
stop() { kill -TERM "$pid"; wait "$pid" || true; pid=; }
code() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$@" || true; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }

start
until [[ $(code http://127.0.0.1:8080/login) == 200 ]]; do sleep 1; done
t0=$(date +%s)
for f in "$root"/part*.xml.gz; do
  loc=$(curl -s -D - -o /dev/null -u "$user:$password" -F "file=@$f" "http://127.0.0.1:8080/api/imports?wait=0" \
        | sed -n 's/^Location: *\([^[:space:]]*\).*/\1/Ip')
  until [[ $(curl -s -u "$user:$password" "http://127.0.0.1:8080${loc#http*://*/}" | json 'd["status"]') != RUNNING ]]; do sleep 2; done
done
echo "imported $(psql -h 127.0.0.1 -p "$PG_PORT" -U cortexlit -Atc 'select count(*) from article' cortexlit) records in $(( $(date +%s) - t0 )) s"
stop

start
t0=$(date +%s.%N); ready=
while :; do
  now=$(echo "$(date +%s.%N) - $t0" | bc)
  if [[ -z "$ready" && $(code http://127.0.0.1:8080/q/health/ready) == 200 ]]; then ready=$now; fi
  state=$(curl -s -u "$user:$password" http://127.0.0.1:8080/api/admin/index || true)
  docs=$(echo "$state" | json 'd["documents"]' 2>/dev/null || echo 0)
  busy=$(echo "$state" | json 'bool(d["checking"] or d["rebuilding"])' 2>/dev/null || echo True)
  [[ "$docs" -ge "$records" && "$busy" == False ]] && break
  sleep 1
done
printf 'empty data folder: /q/health/ready 200 after %s s; index holds %s documents after %.0f s\n' \
  "${ready:-(never)}" "$docs" "$now"
stop
