#!/usr/bin/env bash
# A local PostgreSQL server to try the township mode on (issue 23): a throwaway cluster in a
# folder, the ledger's database in it, and the app (or any command) pointed at it.
#
#   scripts/township-server.sh                 start it, open the app on it; stop it when the app closes
#   scripts/township-server.sh demo            the same, after loading the demo village into it
#   scripts/township-server.sh -- COMMAND…     run a command line on it, e.g. -- check
#
# The server runs on a unix socket in its folder (no network port); its data is gone when this
# script ends (FANGYI_TOWNSHIP_DIR=DIR keeps it in DIR instead, and starts it again next time).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh >/dev/null
# shellcheck source=scripts/pg-cluster.sh
source scripts/pg-cluster.sh

folder="${FANGYI_TOWNSHIP_DIR:-}"
if [ -z "$folder" ]; then
  folder="$(mktemp -d "${TMPDIR:-/tmp}/fangyi-township.XXXXXX")"
  trap 'pg_cluster_stop "$folder"; rm -rf "$folder"' EXIT
else
  trap 'pg_cluster_stop "$folder"' EXIT
fi
trap 'exit 143' TERM  # a signal skips the EXIT trap: make it an exit, so the server stops
trap 'exit 130' INT
pg_cluster_start "$folder"  # a kept folder: its cluster starts again
export FANGYI_DATABASE_URL="$FANGYI_PG_URL"
data_dir="$folder/app-data"  # the app's own files (logs, exports); the ledger is on the server
echo "乡镇服务器已启动：$FANGYI_DATABASE_URL（密码在 $PGPASSFILE）"

if [ "${1:-}" = "demo" ]; then
  .venv/bin/python -m app --data-dir "$data_dir" demo
  shift
fi
if [ "${1:-}" = "--" ]; then
  shift
  .venv/bin/python -m app --data-dir "$data_dir" "$@"
else
  scripts/run-app.sh --data-dir "$data_dir"
fi
