#!/usr/bin/env bash
# Start-up of the packaged app, as run-benchmarks.sh measures it: process start to the first 200 on /login, and RSS
# then (docs/performance.md, "Start-up"). Each start gets a new empty data folder unless BENCH_DATA names one.
#
#   ./mvnw -B package -DskipTests && src/bench/startup.sh
#   BENCH_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java src/bench/startup.sh
#   BENCH_DATA=$PWD/target/bench-data src/bench/startup.sh      # on the data folder a benchmark run left
#
# Settings (environment): BENCH_STARTS (5), BENCH_JAVA (java), BENCH_JAVA_OPTS (-Xmx512m), BENCH_APP
# (target/quarkus-app; the app is started from that folder, as an AOT cache or AppCDS archive beside the jar needs).
set -euo pipefail
cd "$(dirname "$0")/../.."

STARTS=${BENCH_STARTS:-5}
JAVA=${BENCH_JAVA:-java}
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx512m}
APP=$(cd "${BENCH_APP:-target/quarkus-app}" && pwd)
[[ -f "$APP/quarkus-run.jar" ]] || { echo "no $APP/quarkus-run.jar: run ./mvnw -B package -DskipTests first"; exit 1; }
WORK=$(mktemp -d)
APP_PID=
cleanup() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "$("$JAVA" -version 2>&1 | head -1), $JAVA_OPTS, data: ${BENCH_DATA:-a new empty folder each start}, load $(cut -d' ' -f1-3 /proc/loadavg)"
times=()
for i in $(seq 1 "$STARTS"); do
  data=${BENCH_DATA:-$WORK/data-$i}
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  t0=$(date +%s%N)
  # shellcheck disable=SC2086
  (cd "$APP" && exec env CORTEXLIT_DATA_DIR="$data" CORTEXLIT_ADMIN_PASSWORD=bench-admin-password \
      QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" "$JAVA" $JAVA_OPTS -jar quarkus-run.jar) >"$WORK/app-$i.log" 2>&1 &
  APP_PID=$!
  code=000
  while [[ "$code" != 200 ]]; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "the app died:"; tail -20 "$WORK/app-$i.log"; exit 1; }
    (( $(date +%s%N) - t0 < 180000000000 )) || { echo "no 200 on /login in 180 s"; exit 1; }
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/login" || true)
    [[ "$code" == 200 ]] || sleep 0.01
  done
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  rss=$(( $(awk '/^VmRSS/ {print $2}' "/proc/$APP_PID/status") / 1024 ))
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  APP_PID=
  echo "start $i: first 200 on /login after $ms ms, RSS $rss MB"
  times+=("$ms")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "median %d ms of %d starts\n", a[int((NR+1)/2)], NR}'
