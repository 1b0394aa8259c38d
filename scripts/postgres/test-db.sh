#!/usr/bin/env bash
# Prints the URL of a PostgreSQL database for the tests, or nothing (with the reason on stderr).
#   TEST_POSTGRES_URL set: that one, as it is.
#   else, as root with apt-get (CI, a fresh Debian machine): installs Debian's PostgreSQL unless it
#   is there, starts the cluster, and makes the role `counterpoint` (password `counterpoint`,
#   CREATEDB: the tests make throwaway databases beside this one) and the database
#   `counterpoint_test`. About 30 s the first time, under a second after that.
#   else: prints nothing and says why; the PostgreSQL tests are then skipped.
set -euo pipefail
if [[ -n "${TEST_POSTGRES_URL:-}" ]]; then
  echo "$TEST_POSTGRES_URL"
  exit 0
fi
if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
  echo "skipped: not root on a Debian machine (set TEST_POSTGRES_URL=postgres://… to use a server of yours)" >&2
  exit 0
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
fail() {
  echo "skipped: $1 (details below)" >&2
  cat "$log" >&2
  exit 0
}
if ! command -v pg_ctlcluster >/dev/null || [[ -z $(ls /usr/lib/postgresql 2>/dev/null) ]]; then
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; } \
    >"$log" 2>&1 || fail "could not install PostgreSQL with apt-get"
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h 2>/dev/null | grep -q .; then
  pg_createcluster "$version" main >"$log" 2>&1 || fail "could not create a PostgreSQL cluster"
fi
cluster=$(pg_lsclusters -h | head -1)
read -r cversion cname cport cstatus _ <<<"$cluster"
if [[ $cstatus != online* ]]; then
  # The server outlives this script: it must not inherit our open files (e.g. a lock file that
  # `flock` holds for whoever ran the tests, which would then stay held until PostgreSQL stops).
  (
    for fd in /proc/self/fd/*; do
      fd=${fd##*/}
      if ((fd > 2)); then eval "exec $fd>&-" 2>/dev/null || true; fi
    done
    pg_ctlcluster --skip-systemctl-redirect "$cversion" "$cname" start >"$log" 2>&1
  ) || fail "could not start PostgreSQL $cversion/$cname"
fi
psql_admin() { su postgres -c "psql -p $cport -qAtX -v ON_ERROR_STOP=1 $*"; }
{
  if [[ -z $(psql_admin "-c \"SELECT 1 FROM pg_roles WHERE rolname = 'counterpoint'\"") ]]; then
    psql_admin "-c \"CREATE ROLE counterpoint LOGIN PASSWORD 'counterpoint' CREATEDB\""
  fi
  if [[ -z $(psql_admin "-c \"SELECT 1 FROM pg_database WHERE datname = 'counterpoint_test'\"") ]]; then
    psql_admin "-c \"CREATE DATABASE counterpoint_test OWNER counterpoint\""
  fi
} >"$log" 2>&1 || fail "could not create the test role and database"
echo "postgres://counterpoint:counterpoint@localhost:$cport/counterpoint_test"
