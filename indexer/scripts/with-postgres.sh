#!/usr/bin/env bash
# Runs a command with DATABASE_URL naming a fresh database on this machine's PostgreSQL (Debian's postgresql package):
# installs it if missing, starts its cluster if down (and stops it again afterwards), gives the postgres role a
# password for TCP connections, and recreates the database. Needs root (apt-get, runuser).
#   indexer/scripts/with-postgres.sh npm run test:indexer:pg
set -euo pipefail
db=${INDEXER_TEST_DATABASE:-canopy_indexer_test}

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
read -r version cluster port status _ < <(pg_lsclusters --no-header | head -n 1)
started=
if [ "$status" != online ]; then
  pg_ctlcluster "$version" "$cluster" start
  started=1
fi
admin() { runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -qtA "$@"; }
admin -c "ALTER ROLE postgres PASSWORD 'postgres'"
admin -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"

status=0
DATABASE_URL="postgresql://postgres:postgres@127.0.0.1:${port}/${db}" "$@" || status=$?
if [ -n "$started" ]; then pg_ctlcluster "$version" "$cluster" stop; fi
exit "$status"
