# A throwaway PostgreSQL cluster in a folder: sourced by scripts/test.sh (the suite's server) and
# scripts/township-server.sh (a server to try the township mode on). Not run on its own.
#
#   pg_cluster_start DIR   initdb in DIR/data (unless a cluster is there already), start it on a
#                          unix socket in DIR (no TCP port), as a non-root user when run as root
#                          (PostgreSQL refuses root); exports FANGYI_PG_URL (no password in it)
#                          and PGPASSFILE (the password, 0600)
#   pg_cluster_stop DIR    stop it (the caller removes DIR)
#
# PG_CLUSTER_TCP_PORT=N: listen on 127.0.0.1:N as well (FANGYI_PG_URL then names that address) —
# for a client that cannot use a unix socket: the Windows build under Wine (tests/test_windows.py).
#
# The cluster checks passwords (scram-sha-256), so the tests can prove a wrong one is refused.

PG_CLUSTER_USER=fangyi
PG_CLUSTER_DB=fangyi

# The newest installed PostgreSQL's programs (Debian keeps them out of PATH).
pg_bindir() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

# Run a PostgreSQL program as the cluster's owner: ourselves, or "postgres" when we are root.
_pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_cluster_start() {
  local dir="$1" bin
  bin="$(pg_bindir)" || { echo "PostgreSQL (initdb) is not installed" >&2; return 1; }
  [ -d "$dir/data" ] || _pg_cluster_init "$dir" "$bin" || return 1
  # Throwaway data: no fsync; a socket in DIR only, no TCP port to collide with anything (unless
  # PG_CLUSTER_TCP_PORT asks for one, on the loopback address only).
  local listen="" port_option=""
  if [ -n "${PG_CLUSTER_TCP_PORT:-}" ]; then
    listen="127.0.0.1"
    port_option="-p $PG_CLUSTER_TCP_PORT"
  fi
  _pg_as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-k $dir -c listen_addresses=$listen $port_option -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || { cat "$dir/server.log" >&2; return 1; }
  export PGPASSFILE="$dir/pgpass"
  export FANGYI_PG_URL="postgresql+psycopg://$PG_CLUSTER_USER@/$PG_CLUSTER_DB?host=$dir"
  if [ -n "${PG_CLUSTER_TCP_PORT:-}" ]; then
    FANGYI_PG_URL="postgresql+psycopg://$PG_CLUSTER_USER@127.0.0.1:$PG_CLUSTER_TCP_PORT/$PG_CLUSTER_DB"
  fi
  if [ ! -f "$dir/.ledger-database" ]; then
    "$bin/psql" -h "$dir" ${PG_CLUSTER_TCP_PORT:+-p "$PG_CLUSTER_TCP_PORT"} -U "$PG_CLUSTER_USER" -d postgres -q -w \
      -c "CREATE DATABASE $PG_CLUSTER_DB" >/dev/null || return 1
    touch "$dir/.ledger-database"
  fi
}

_pg_cluster_init() {
  local dir="$1" bin="$2" password
  mkdir -p "$dir"
  password="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  (umask 077 && printf '%s\n' "$password" >"$dir/pwfile")
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown -R postgres "$dir"
  fi
  _pg_as_owner "$bin/initdb" -D "$dir/data" -U "$PG_CLUSTER_USER" --pwfile="$dir/pwfile" \
    --auth=scram-sha-256 -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  rm -f "$dir/pwfile"
  (umask 077 && printf '*:*:*:%s:%s\n' "$PG_CLUSTER_USER" "$password" >"$dir/pgpass")
}

pg_cluster_stop() {
  local dir="$1" bin
  bin="$(pg_bindir)" || return 0
  [ -f "$dir/data/postmaster.pid" ] || return 0
  _pg_as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
}
