#!/usr/bin/env bash
# Starts a local PostgreSQL (Debian's package) for the server tests and prints the line to export:
#   eval "$(.ci/postgres.sh)"   # sets TEST_DATABASE_URL
# Runs as root (CI containers); everything it says besides the export line goes to stderr.
set -euo pipefail

DB_USER="${PG_TEST_USER:-yaodiantong}"
DB_PASS="${PG_TEST_PASSWORD:-yaodiantong}"
DB_NAME="${PG_TEST_DB:-yaodiantong_test}"

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi

# The newest installed major version; create its cluster if the package did not.
VERSION="$(ls /usr/lib/postgresql | sort -n | tail -1)"
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$VERSION main"; then
  pg_createcluster "$VERSION" main >&2
fi
PORT="$(pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" {print $3}')"
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main" {print $4}' | grep -q online; then
  pg_ctlcluster "$VERSION" main start >&2
fi

for _ in $(seq 1 30); do
  su postgres -c "pg_isready -q -p $PORT" && break
  sleep 1
done

psql_admin() { su postgres -c "psql -v ON_ERROR_STOP=1 -q -p $PORT -d postgres -c \"$1\"" >&2; }
if ! su postgres -c "psql -tA -p $PORT -d postgres -c \"select 1 from pg_roles where rolname = '$DB_USER'\"" | grep -q 1; then
  psql_admin "create role $DB_USER login password '$DB_PASS'"
fi
if ! su postgres -c "psql -tA -p $PORT -d postgres -c \"select 1 from pg_database where datname = '$DB_NAME'\"" | grep -q 1; then
  psql_admin "create database $DB_NAME owner $DB_USER"
fi

echo "export TEST_DATABASE_URL=postgres://$DB_USER:$DB_PASS@127.0.0.1:$PORT/$DB_NAME"
