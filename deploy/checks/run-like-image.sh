#!/usr/bin/env bash
# Does by hand what deploy/Containerfile's image does, for a machine without a container engine: the four
# folders of target/quarkus-app copied read-only to a deployments/ folder, a non-root account with the image's
# uid, a data folder only that account may write, the image's environment and command. Then checks what the
# image's HEALTHCHECK and an orchestrator would: /login, /q/health/live and /q/health/ready answer 200, and
# SIGTERM stops the app within 30 s.
#   deploy/checks/run-like-image.sh [target/quarkus-app]     (as root; PORT=8080 by default)
# Leaves nothing running; prints the temporary folder it used.
set -euo pipefail

app=${1:-target/quarkus-app}
port=${PORT:-8080}
[[ -f "$app/quarkus-run.jar" ]] || { echo "no $app/quarkus-run.jar: run ./mvnw -B package -DskipTests first" >&2; exit 2; }
[[ $(id -u) == 0 ]] || { echo "run as root (it creates the image's account and runs the app as it)" >&2; exit 2; }

# The Containerfile's account.
getent group cortexlit >/dev/null || groupadd --system --gid 10001 cortexlit
id cortexlit >/dev/null 2>&1 || useradd --system --uid 10001 --gid cortexlit --home-dir /nonexistent \
    --no-create-home --shell /usr/sbin/nologin cortexlit

root=$(mktemp -d /tmp/cortexlit-image.XXXXXX)
chmod 755 "$root"
mkdir "$root/deployments" "$root/data" "$root/tmp"
cp -r "$app/lib" "$app/app" "$app/quarkus" "$app/quarkus-run.jar" "$root/deployments/"
chown -R root:root "$root/deployments"
chmod -R go-w "$root/deployments"
chown cortexlit:cortexlit "$root/data"
chmod 750 "$root/data"
chmod 1777 "$root/tmp"
touch "$root/started"
echo "folder: $root"

# The image's environment (ENV lines) plus what a first start needs; nothing inherited from this shell.
# setpriv execs (no parent process left as root), so $! is the shell that execs Java: the PID SIGTERM goes to.
setpriv --reuid=10001 --regid=10001 --clear-groups env -i PATH=/usr/bin:/bin HOME=/nonexistent TMPDIR="$root/tmp" \
    CORTEXLIT_DATA_DIR="$root/data" QUARKUS_HTTP_PORT="$port" \
    JAVA_OPTS="-Xmx1g -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=$root/tmp" \
    CORTEXLIT_ADMIN_PASSWORD="check-image-password" \
    sh -c "cd $root/deployments && exec java \${JAVA_OPTS} -jar $root/deployments/quarkus-run.jar" \
    >"$root/app.log" 2>&1 &
pid=$!

code() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$port$1" || true; }
start=$(date +%s)
until [[ $(code /login) == 200 ]]; do
  if ! kill -0 "$pid" 2>/dev/null; then echo "the app exited; its log:" >&2; tail -40 "$root/app.log" >&2; exit 1; fi
  (( $(date +%s) - start < 180 )) || { echo "no 200 on /login after 180 s" >&2; kill -TERM "$pid"; exit 1; }
  sleep 1
done
echo "/login 200 after $(( $(date +%s) - start )) s"
fail=0
for path in /q/health/live /q/health/ready; do
  c=$(code "$path"); echo "$path $c"; [[ $c == 200 ]] || fail=1
done
# The HEALTHCHECK line itself, as the account the image runs as.
if setpriv --reuid=10001 --regid=10001 --clear-groups env QUARKUS_HTTP_PORT="$port" sh -c \
    "$(sed -n 's/^ *CMD \(test .*\)$/\1/p' "$(dirname "$0")/../Containerfile")"; then
  echo "HEALTHCHECK command: healthy"
else
  echo "HEALTHCHECK command: unhealthy"; fail=1
fi
echo "process: $(ps -o user=,comm= -p "$pid")"

t0=$(date +%s.%N)
kill -TERM "$pid"
set +e; wait "$pid"; rc=$?; set -e
printf 'SIGTERM to exit: %.1f s, exit code %s\n' "$(echo "$(date +%s.%N) - $t0" | bc)" "$rc"
echo "data folder: $(ls "$root/data" | tr '\n' ' ')"
written=$(find "$root/deployments" -newer "$root/started" | head -5)
[[ -z "$written" ]] && echo "nothing written under deployments/" || { echo "written under deployments/: $written"; fail=1; }
echo "written outside data/: $(find "$root/tmp" -mindepth 1 -maxdepth 1 -newer "$root/started" -printf '%f ' )"
exit $fail
