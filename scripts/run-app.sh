#!/usr/bin/env bash
# Install what is needed (first time only) and open Fangyi Ledger on the default data dir.
# Extra arguments go to the app, e.g. scripts/run-app.sh --data-dir /tmp/demo
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "没有图形显示：在虚拟屏幕 (Xvfb) 上运行 / no display: running on a virtual screen" >&2
  exec xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python -m app "$@"
fi
exec .venv/bin/python -m app "$@"
