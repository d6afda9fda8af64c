#!/usr/bin/env bash
# Install what is needed (first time only) and run the whole test suite headless, then the
# time-sensitive tests again on a faked wall clock (libfaketime) at the awkward hours.
# Extra arguments go to the whole-suite pytest run, e.g. scripts/test.sh -k roster
# FAKED_CLOCK=0 skips the faked-clock stage (e.g. on a machine without libfaketime);
# TEST_STAGES="lint suite" runs only the stages named (see the end of this file).
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen

# The local moments the time-sensitive tests run at (libfaketime start-at: each test starts its
# clock there again and it runs on, see tests/helpers/pinned_clock.py). 00:05 just after midnight
# on the 1st after a short February (yesterday is another month); 11:59 and 12:01 either side of
# noon (the morning/afternoon round); 23:58 on New Year's Eve (tomorrow is another month and year).
FAKED_MOMENTS=(
  "2026-03-01 00:05:00"
  "2026-06-10 11:59:00"
  "2026-06-10 12:01:00"
  "2026-12-31 23:58:00"
)
# The tests whose answers depend on the hour and the day: services (rounds, today, imports,
# statistics…), the command line, and the Today and rounds pages. (Not tests/cli/test_auth.py:
# it is slow password hashing, and the sign-in lock-out takes its clock as a parameter.)
TIME_SENSITIVE=(
  tests/test_clock.py tests/services tests/models tests/cli/test_cli.py
  tests/cli/test_export_vehicles.py
  tests/ui/pages/test_today.py tests/ui/rounds/test_rounds_page.py tests/ui/rounds/test_rounds_history.py
)

stage_bootstrap() {
  scripts/bootstrap.sh test
}

stage_lint() {
  .venv/bin/ruff check app tests bench scripts
  .venv/bin/ruff format --check app tests bench scripts
}

stage_suite() {
  start_pg_cluster
  .venv/bin/python -m pytest "$@"
}

# The PostgreSQL server of the tests marked postgresql (tests/services and the CLI suites run on
# both engines): a throwaway cluster in a temporary folder, on a unix socket there, owned by
# "postgres" when we are root, stopped and removed when this script exits. FANGYI_PG_URL given:
# that server is used instead. FANGYI_PG_TESTS=0 leaves the server tests out (CI never sets it;
# without it a missing PostgreSQL fails those tests).
start_pg_cluster() {
  [ "${FANGYI_PG_TESTS:-1}" = 0 ] || [ -n "${FANGYI_PG_URL:-}" ] && return 0
  # shellcheck source=scripts/pg-cluster.sh
  source scripts/pg-cluster.sh
  PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/fangyi-pg.XXXXXX")"
  trap 'pg_cluster_stop "$PG_DIR"; rm -rf "$PG_DIR"' EXIT
  # bash skips the EXIT trap when a signal kills it: turn CI's cancel (TERM) and Ctrl-C into an exit.
  trap 'exit 143' TERM
  trap 'exit 130' INT
  pg_cluster_start "$PG_DIR"
  echo "PostgreSQL for the server tests: $FANGYI_PG_URL"
}

# One pytest run of the time-sensitive tests per moment, side by side; the real clock (faked) is
# read, so the pinning fixture is switched off (FANGYI_REAL_CLOCK). Any failing moment fails.
# On SQLite only: the app reads the hour from its own clock on either engine (the server's clock
# is never asked), and four runs at once against one server would double the stage's time.
stage_faked_clock() {
  if [ "${FAKED_CLOCK:-1}" = "0" ]; then
    echo "faked-clock stage skipped (FAKED_CLOCK=0)"
    return 0
  fi
  if ! command -v faketime >/dev/null 2>&1; then
    echo "faketime (libfaketime) is missing: install it or set FAKED_CLOCK=0" >&2
    return 1
  fi
  local logs pids=() failed=0 i
  logs="$(mktemp -d)"
  for i in "${!FAKED_MOMENTS[@]}"; do
    FANGYI_REAL_CLOCK=1 FAKETIME_NO_CACHE=1 faketime -f "@${FAKED_MOMENTS[$i]}" \
      .venv/bin/python -m pytest -q -p no:cacheprovider -m "not frozen and not postgresql" \
      "${TIME_SENSITIVE[@]}" \
      >"$logs/$i.log" 2>&1 &
    pids+=($!)
  done
  for i in "${!FAKED_MOMENTS[@]}"; do
    if wait "${pids[$i]}"; then
      # (pytest's own "in N s" is meaningless here: each test restarts the faked clock)
      echo "faked clock at ${FAKED_MOMENTS[$i]}: $(tail -n 1 "$logs/$i.log" | sed -E 's/ in -?[0-9.]+s.*//')"
    else
      failed=1
      echo "faked clock at ${FAKED_MOMENTS[$i]}: FAILED" >&2
      cat "$logs/$i.log" >&2
    fi
  done
  rm -rf "$logs"
  return "$failed"
}

# Build the Windows installer with the Windows CPython under Wine, then install it in a fresh Wine
# prefix and run the installed programs (tests marked windows; the suite stage leaves them out).
# Caches in ~/.cache/fangyi-windows. FANGYI_WINDOWS_STAGE=0 skips it. (Issue 18.)
stage_windows() {
  if [ "${FANGYI_WINDOWS_STAGE:-1}" = 0 ]; then
    echo "windows stage skipped (FANGYI_WINDOWS_STAGE=0)"
    return 0
  fi
  scripts/build-windows.sh
  .venv/bin/python -m pytest -m windows -q -p no:cacheprovider
}

stage() {
  local name="$1" started=$SECONDS
  shift
  echo "== ${name}"
  "stage_${name}" "$@"
  echo "== ${name}: done in $((SECONDS - started)) s"
}

# TEST_STAGES runs some stages only, e.g. TEST_STAGES="lint faked_clock" scripts/test.sh
for name in ${TEST_STAGES:-bootstrap lint suite faked_clock windows}; do
  if [ "$name" = suite ]; then stage suite "$@"; else stage "$name"; fi
done
