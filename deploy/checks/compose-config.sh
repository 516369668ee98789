#!/usr/bin/env bash
# Has Compose itself read deploy/compose.yaml: once with .env.example as it is (the passwords empty: Compose must
# refuse), once with the passwords filled in (it must accept and fill in every ${...}). Uses Compose v2
# (docker compose) when the Docker CLI has it, else v1 (docker-compose, Debian's package) on a copy without the
# top-level name:, which v1 predates.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if docker compose version >/dev/null 2>&1; then
  compose=(docker compose); cp "$here/compose.yaml" "$tmp/compose.yaml"
elif command -v docker-compose >/dev/null; then
  compose=(docker-compose); sed '/^name: /d' "$here/compose.yaml" >"$tmp/compose.yaml"
else
  echo "neither docker compose nor docker-compose is installed" >&2; exit 2
fi
echo "$("${compose[@]}" version | head -n 1)"
cp "$here/.env.example" "$tmp/.env"
if (cd "$tmp" && "${compose[@]}" config >/dev/null 2>"$tmp/err"); then
  echo "FAIL: the example's empty passwords were accepted"; exit 1
fi
echo "ok   .env.example as it is: refused ($(tail -n 1 "$tmp/err" | cut -c1-100))"
sed -i -e 's/^POSTGRES_PASSWORD=$/POSTGRES_PASSWORD=check-db/' -e 's/^CORTEXLIT_ADMIN_PASSWORD=$/CORTEXLIT_ADMIN_PASSWORD=check-admin/' "$tmp/.env"
(cd "$tmp" && "${compose[@]}" config >"$tmp/out.yaml")
echo "ok   passwords filled in: valid; services $(python3 -c 'import sys,yaml; print(sorted(yaml.safe_load(open(sys.argv[1]))["services"]))' "$tmp/out.yaml")"
# ($${...} is an escaped $ meant for the container's shell, and stays.)
! grep -qE '(^|[^$])\$\{' "$tmp/out.yaml" || { echo "FAIL: a \${...} was left as it is"; exit 1; }
echo "ok   every \${...} filled in"
