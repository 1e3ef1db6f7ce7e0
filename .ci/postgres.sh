#!/bin/sh
# Start a throwaway PostgreSQL server on loopback for the rxfacts PostgreSQL tests.
#
# Usage (as root on a fresh Debian machine, or as any user who can run the server binaries):
#   eval "$(.ci/postgres.sh)"       # exports RXFACTS_TEST_POSTGRES_URL
#   .ci/postgres.sh stop            # stops the server and deletes its data directory
#
# Idempotent: a second call finds the running server and prints the same URL.
# Only the export line goes to stdout; progress goes to stderr.
# Settings (environment): RXFACTS_PG_PORT (54329), RXFACTS_PG_DIR (/tmp/rxfacts-pg),
# RXFACTS_PG_DB (rxfacts_test).
set -eu

PORT="${RXFACTS_PG_PORT:-54329}"
DIR="${RXFACTS_PG_DIR:-/tmp/rxfacts-pg}"
DB="${RXFACTS_PG_DB:-rxfacts_test}"
URL="postgres://postgres@127.0.0.1:${PORT}/${DB}"

log() { echo "postgres.sh: $*" >&2; }

find_bindir() {
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
    done
    if command -v pg_config >/dev/null 2>&1; then
        d="$(pg_config --bindir)"
        if [ -x "$d/initdb" ]; then echo "$d"; return 0; fi
    fi
    return 1
}

BINDIR="$(find_bindir || true)"
if [ -z "$BINDIR" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        log "PostgreSQL server binaries not found and not root: cannot install postgresql"; exit 1
    fi
    log "installing postgresql (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update >&2
    apt-get install -y --no-install-recommends postgresql >&2
    BINDIR="$(find_bindir)"
fi

# The server refuses to run as root: run it as the postgres user (created by the Debian package)
# or, when not root, as the current user.
if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir "$DIR" --shell /bin/sh postgres
    as_pg() { su postgres -s /bin/sh -c "$*"; }
    OWNER=postgres
else
    as_pg() { sh -c "$*"; }
    OWNER="$(id -un)"
fi

if [ "${1:-start}" = "stop" ]; then
    if [ -f "$DIR/data/postmaster.pid" ]; then
        as_pg "'$BINDIR/pg_ctl' -D '$DIR/data' -m fast -w stop" >&2 || true
    fi
    rm -rf "$DIR"
    log "stopped and removed $DIR"
    exit 0
fi

mkdir -p "$DIR"
chown "$OWNER" "$DIR"
if [ ! -f "$DIR/data/PG_VERSION" ]; then
    log "initdb in $DIR/data"
    rm -rf "$DIR/data"
    as_pg "'$BINDIR/initdb' -D '$DIR/data' -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8" >&2
fi

if ! as_pg "'$BINDIR/pg_ctl' -D '$DIR/data' status" >/dev/null 2>&1; then
    log "starting server on 127.0.0.1:$PORT"
    # Unix socket in the data directory, TCP on loopback only.
    as_pg "'$BINDIR/pg_ctl' -D '$DIR/data' -l '$DIR/server.log' -w -t 60 \
        -o \"-p $PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories='$DIR'\" start" >&2
fi

"$BINDIR/pg_isready" -h 127.0.0.1 -p "$PORT" -t 30 >&2
if ! "$BINDIR/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
    log "creating database $DB"
    "$BINDIR/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -c "CREATE DATABASE \"$DB\"" >&2
fi

echo "export RXFACTS_TEST_POSTGRES_URL='$URL'"
