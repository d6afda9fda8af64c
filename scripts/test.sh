#!/usr/bin/env bash
# Install what is needed (first time only) and run the whole test suite headless.
# Extra arguments go to pytest, e.g. scripts/test.sh -k roster
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh test
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check app tests bench scripts
.venv/bin/ruff format --check app tests bench scripts
.venv/bin/python -m pytest "$@"
