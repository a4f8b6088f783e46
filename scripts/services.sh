#!/usr/bin/env bash
# Starts the services the PostgreSQL and Redis test suites need, installs pgvector when the server
# lacks it, creates a fresh test database, and prints the environment the tests read:
#   ALMA_TEST_PG_URL, ALMA_TEST_REDIS_URL
# Usage: eval "$(scripts/services.sh)"      (called by .ci/run)
# Everything it does is idempotent; progress goes to stderr, only `export` lines to stdout.
set -euo pipefail
log() { echo "[services] $*" >&2; }

PG_HOST=127.0.0.1
PG_PORT=5432
REDIS_PORT=6379

pg_ready() { pg_isready -q -h "$PG_HOST" -p "$PG_PORT" 2>/dev/null; }
if ! pg_ready; then
  log "starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort | tail -1)" main start >&2 || true
  for _ in $(seq 1 30); do pg_ready && break; sleep 1; done
fi
pg_ready || { log "PostgreSQL is not reachable on $PG_HOST:$PG_PORT"; exit 1; }

if ! redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then
  log "starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no >&2
  for _ in $(seq 1 30); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 1; done
fi

psql_q() { psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -Atqc "$1"; }

# pgvector: not packaged for bookworm; built from Debian trixie's source package (0.8.x).
if [ -z "$(psql_q "select 1 from pg_available_extensions where name = 'vector'")" ]; then
  log "installing pgvector from Debian's source package (about a minute)"
  PG_MAJOR="$(psql_q "show server_version_num" | cut -c1-2)"
  if [ ! -f /etc/apt/sources.list.d/trixie-src.sources ]; then
    cat > /etc/apt/sources.list.d/trixie-src.sources <<SRC
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq "postgresql-server-dev-${PG_MAJOR}" build-essential dpkg-dev >&2
  BUILD_DIR="$(mktemp -d)"
  (cd "$BUILD_DIR" && apt-get source -qq pgvector >&2 && cd pgvector-*/ \
    && make -s PG_CONFIG="/usr/lib/postgresql/${PG_MAJOR}/bin/pg_config" >&2 \
    && make -s install PG_CONFIG="/usr/lib/postgresql/${PG_MAJOR}/bin/pg_config" >&2)
  rm -rf "$BUILD_DIR"
fi

# A fresh database per run; the vector extension is created by the migrations.
DB="alma_test_$(date +%s)_$$"
psql_q "create database ${DB}" >/dev/null
# Drop test databases of runs older than 6 hours (alma_test_<epoch>_<pid>); concurrent runs keep theirs.
cutoff=$(( $(date +%s) - 6 * 3600 ))
for old in $(psql_q "select datname from pg_database where datname ~ '^alma_test_[0-9]+_[0-9]+$'"); do
  created=$(echo "$old" | cut -d_ -f3)
  if [ "$created" -lt "$cutoff" ]; then psql_q "drop database if exists ${old}" >/dev/null 2>&1 || true; fi
done
log "test database ${DB}"

echo "export ALMA_TEST_PG_URL=postgres://postgres@${PG_HOST}:${PG_PORT}/${DB}"
echo "export ALMA_TEST_REDIS_URL=redis://127.0.0.1:${REDIS_PORT}"
