#!/usr/bin/env bash
# Runs deploy/systemd/cortexlit.service's ExecStart by hand, for a machine where systemd is not PID 1: as the
# unit's user, with its EnvironmentFile (the example), WorkingDirectory, StateDirectory and UMask, every path of
# the unit and the env file moved under a temporary folder. Then signs in, imports a file, takes an online
# backup, imports another file, and sends SIGTERM, checking the exit within TimeoutStopSec and with a code
# SuccessExitStatus accepts; then restores the backup as deploy/README.md says (unzip over the data folder,
# delete index/) and checks the second file is gone and the first is found.
# With STRACE=1 the app runs under strace and every system call it made is checked against the unit's
# SystemCallFilter= (systemd's own group lists). The sandboxing options themselves need systemd to apply them.
#   deploy/checks/run-like-systemd.sh [target/quarkus-app]     (as root; PORT=8080 by default)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
unit=$here/../systemd/cortexlit.service
app=${1:-target/quarkus-app}
port=${PORT:-8080}
[[ -f "$app/quarkus-run.jar" ]] || { echo "no $app/quarkus-run.jar: run ./mvnw -B package -DskipTests first" >&2; exit 2; }
[[ $(id -u) == 0 ]] || { echo "run as root" >&2; exit 2; }

key() { sed -n "s/^$1=//p" "$unit" | tail -n 1; }
user=$(key User); workdir=$(key WorkingDirectory); envfile=$(key EnvironmentFile); exec_start=$(key ExecStart)
state=/var/lib/$(key StateDirectory); umask_=$(key UMask); stop_timeout=$(key TimeoutStopSec)
success=$(key SuccessExitStatus)

id "$user" >/dev/null 2>&1 || useradd --system --home-dir "$state" --no-create-home --shell /usr/sbin/nologin "$user"
root=$(mktemp -d /tmp/cortexlit-systemd.XXXXXX)
chmod 755 "$root"
echo "folder: $root"
move() { sed -e "s#/opt/cortexlit#$root/opt/cortexlit#g" -e "s#/var/lib/cortexlit#$root/var/lib/cortexlit#g" \
             -e "s#/etc/cortexlit#$root/etc/cortexlit#g"; }

# The unit's install steps, under $root.
mkdir -p "$root/opt" "$root/etc/cortexlit" "$root/var/lib"
cp -r "$app" "$root/opt/cortexlit"
move <"$here/../systemd/cortexlit.env.example" >"$root/etc/cortexlit/cortexlit.env"
sed -i "s/^QUARKUS_HTTP_PORT=.*/QUARKUS_HTTP_PORT=$port/" "$root/etc/cortexlit/cortexlit.env"
chown root:"$user" "$root/etc/cortexlit/cortexlit.env"; chmod 640 "$root/etc/cortexlit/cortexlit.env"
# StateDirectory=: created by systemd, owned by the user, StateDirectoryMode=.
install -d -o "$user" -g "$user" -m "$(key StateDirectoryMode)" "$root$state"
touch "$root/started"

# EnvironmentFile=: KEY=value lines, comments and blank lines skipped; nothing else from this shell.
envs=(PATH=/usr/local/bin:/usr/bin:/bin)
while IFS= read -r line; do
  [[ -z "$line" || "$line" == \#* ]] && continue
  envs+=("$line")
done < <(sed -e "s#^\([A-Z_]*\)=\"\(.*\)\"\$#\1=\2#" "$(echo "$envfile" | move)")
admin=$(printf '%s\n' "${envs[@]}" | sed -n 's/^CORTEXLIT_ADMIN_USERNAME=//p')
password=$(printf '%s\n' "${envs[@]}" | sed -n 's/^CORTEXLIT_ADMIN_PASSWORD=//p')
# ExecStart=: $JAVA_OPTS (no braces) is split into words, as systemd does.
cmd="cd $(echo "$workdir" | move) && umask $umask_ && exec $(echo "$exec_start" | move)"

code() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$@" || true; }
hits() {
  curl -s -u "$admin:$password" "http://127.0.0.1:$port/api/search?q=$1" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])' 2>/dev/null || echo "?"
}
fail=0
pid=; java_pid=
start() {
  local t0
  if [[ "${STRACE:-0}" == 1 ]]; then
    strace -f -qq -c -o "$root/syscalls-$1.txt" -u "$user" -- env -i "${envs[@]}" bash -c "$cmd" >>"$root/app.log" 2>&1 &
  else
    setpriv --reuid="$user" --regid="$user" --init-groups env -i "${envs[@]}" bash -c "$cmd" >>"$root/app.log" 2>&1 &
  fi
  pid=$!
  t0=$(date +%s)
  until [[ $(code "http://127.0.0.1:$port/q/health/ready") == 200 ]]; do
    kill -0 "$pid" 2>/dev/null || { echo "the app exited; its log:" >&2; tail -40 "$root/app.log" >&2; exit 1; }
    (( $(date +%s) - t0 < 300 )) || { echo "no 200 on /q/health/ready after 300 s (/login $(code "http://127.0.0.1:$port/login"))"; fail=1; break; }
    sleep 1
  done
  java_pid=$pid
  [[ "${STRACE:-0}" == 1 ]] && java_pid=$(pgrep -P "$pid" -x java || pgrep -P "$pid")
  echo "start: /q/health/ready 200 after $(( $(date +%s) - t0 )) s; /q/health/live $(code "http://127.0.0.1:$port/q/health/live"), /login $(code "http://127.0.0.1:$port/login"); process $(ps -o user=,comm= -p "$java_pid" | tr -s ' ')"
}
stop() {
  local t0 rc s
  t0=$(date +%s.%N)
  kill -TERM "$java_pid"
  while kill -0 "$java_pid" 2>/dev/null; do sleep 0.1; done
  s=$(echo "$(date +%s.%N) - $t0" | bc)
  set +e; wait "$pid"; rc=$?; set -e
  printf 'SIGTERM to exit: %.1f s (TimeoutStopSec=%s), exit code %s (SuccessExitStatus=%s)\n' "$s" "$stop_timeout" "$rc" "$success"
  [[ "$rc" == 0 || " $success " == *" $rc "* ]] || fail=1
}

fixtures=$here/../../src/test/resources/fixtures/import
start first
echo "import of trials.xml: $(code -u "$admin:$password" -F "file=@$fixtures/trials.xml" "http://127.0.0.1:$port/api/imports"); search 'pain': $(hits pain) hit(s)"
backup=$(curl -s -u "$admin:$password" -X POST "http://127.0.0.1:$port/api/admin/backup" || true)
echo "online backup: $backup"
file=$(echo "$backup" | python3 -c 'import json,sys; print(json.load(sys.stdin)["file"])' 2>/dev/null || true)
echo "import of scopus-first.ris after the backup: $(code -u "$admin:$password" -F "file=@$fixtures/scopus-first.ris" "http://127.0.0.1:$port/api/imports"); search 'insula': $(hits insula) hit(s)"
stop
echo "data folder ($(stat -c '%U %a' "$root$state")): $(ls "$root$state" | tr '\n' ' ')"
echo "files the app made, by mode: $(find "$root$state" -newer "$root/started" -type f -printf '%m\n' | sort | uniq -c | tr -s ' \n' ' ')"
written=$(find "$root/opt" "$root/etc" -newer "$root/started" | head -5)
[[ -z "$written" ]] && echo "nothing written under /opt/cortexlit or /etc/cortexlit" || { echo "written: $written"; fail=1; }

# deploy/README.md's H2 restore: stop (done), unzip over the data folder's cortexlit.mv.db, delete index/, start.
if [[ -n "$file" ]]; then
  zip=$file; [[ "$zip" == /* ]] || zip=$root$state/backups/$(basename "$zip")
  echo "backup zip: $(unzip -l "$zip" | awk 'NR > 3 && $4 != "" {print $4}' | grep -v '^-*$' | tr '\n' ' ')"
  setpriv --reuid="$user" --regid="$user" --init-groups sh -c "cd '$root$state' && umask $umask_ && unzip -o -q '$zip' && rm -rf index"
  start restored
  echo "after the restore: 'pain' $(hits pain) hit(s), 'insula' (imported after the backup) $(hits insula)"
  [[ $(hits insula) == 0 && $(hits pain) != 0 ]] || fail=1
  stop
else
  echo "no backup file named in the answer"; fail=1
fi

if [[ "${STRACE:-0}" == 1 ]]; then
  filters=$(sed -n 's/^SystemCallFilter=//p' "$unit")
  mapfile -t filter_args <<<"$filters"
  "$here/syscall-groups.py" "${filter_args[@]}" >"$root/allowed.txt"
  cat "$root"/syscalls-*.txt | awk 'NF >= 5 && $NF ~ /^[a-z_0-9]+$/ && $NF != "syscall" && $NF != "total" {print $NF}' \
    | sort -u >"$root/used.txt"
  outside=$(comm -23 "$root/used.txt" "$root/allowed.txt" | tr '\n' ' ')
  echo "system calls made: $(wc -l <"$root/used.txt"); outside SystemCallFilter: ${outside:-none}"
  [[ -z "$outside" ]] || fail=1
fi
exit $fail
