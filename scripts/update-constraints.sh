#!/usr/bin/env bash
# Regenerate constraints.txt: resolve the project's dependencies (with the test and build extras)
# afresh in a throw-away virtual environment and pin what pip chose, one `name==version` a line.
# Needs the package index. Review the diff, run scripts/test.sh, commit. See the README.
# Usage: scripts/update-constraints.sh   (PYTHON=python3.12 to resolve with another interpreter)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

"$PYTHON" -m venv "$scratch/venv"
"$scratch/venv/bin/python" -m pip install -q --upgrade pip
# A copy of the project, so the editable install leaves nothing behind in this checkout.
cp pyproject.toml README.md "$scratch/"
cp -r app "$scratch/app"
"$scratch/venv/bin/python" -m pip install -q "$scratch[test,build]"

{
  echo "# Pinned versions of every Python package the app, its tests and its builds use (Linux and Windows)."
  echo "# Used as pip constraints (-c) by scripts/bootstrap.sh and the frozen builds. How to update: README."
  echo "# Written by scripts/update-constraints.sh; keep it a plain name==version list."
  # Only name==version lines (not the project itself), by name, case aside.
  "$scratch/venv/bin/python" -m pip freeze --all | grep -E '^[A-Za-z0-9._-]+==' |
    grep -v -i -E '^(fangyi-ledger|pip|setuptools|wheel)==' | LC_ALL=C sort -f -t= -k1,1
} >constraints.txt
echo "constraints.txt: $(grep -c '==' constraints.txt) packages pinned"
git --no-pager diff --stat -- constraints.txt 2>/dev/null || true
