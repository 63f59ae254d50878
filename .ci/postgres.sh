#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: data in a temporary folder, listening on 127.0.0.1 only,
# run as the `postgres` user, a random password. Everything it says goes to stderr; stdout carries only
#     export NNGRADER_TEST_PG_URL=postgresql+psycopg://postgres:…@127.0.0.1:PORT/nngrader
#     export NNGRADER_TEST_PG_DATA=/tmp/…
# so that CI can do:
#     eval "$(.ci/postgres.sh start)"   …tests…   .ci/postgres.sh stop
# The URL is also written to $NNGRADER_TEST_PG_DATA/url. Needs root (Debian: apt-get install postgresql).
set -euo pipefail

bindir() {
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
    done
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(command -v initdb)"; return 0
    fi
    return 1
}

as_postgres() {
    if command -v runuser >/dev/null 2>&1; then runuser -u postgres -- "$@"; else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; fi
}

start() {
    local bin data port password
    if ! bin=$(bindir); then
        echo "postgres.sh: installing PostgreSQL (apt-get install postgresql)" >&2
        apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
        bin=$(bindir)
    fi
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres
    data=$(mktemp -d /tmp/nngrader-pg.XXXXXX)
    chown postgres: "$data"
    chmod 0700 "$data"
    password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
    # A free port: bound and released at once (a race with another starter is retried below).
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    printf '%s\n' "$password" > "$data/.pw"
    chown postgres: "$data/.pw"
    as_postgres "$bin/initdb" -D "$data/db" -U postgres --auth=scram-sha-256 --pwfile="$data/.pw" \
        --encoding=UTF8 --locale=C.UTF-8 >"$data/initdb.log" 2>&1 \
        || as_postgres "$bin/initdb" -D "$data/db" -U postgres --auth=scram-sha-256 --pwfile="$data/.pw" \
            --encoding=UTF8 --locale=C >"$data/initdb.log" 2>&1 \
        || { cat "$data/initdb.log" >&2; exit 1; }
    rm -f "$data/.pw"
    # Only TCP on 127.0.0.1 (no other interface); the Unix socket stays inside the data folder.
    # fsync stays on: the crash-safety of the gradebook is part of what the tests check.
    as_postgres "$bin/pg_ctl" -D "$data/db" -l "$data/server.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$data -c max_connections=200" >&2 \
        || { cat "$data/server.log" >&2; exit 1; }
    PGPASSWORD=$password "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qAt \
        -c "CREATE DATABASE nngrader" >&2
    local url="postgresql+psycopg://postgres:$password@127.0.0.1:$port/nngrader"
    printf '%s\n' "$url" > "$data/url"
    echo "postgres.sh: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, data in $data" >&2
    echo "export NNGRADER_TEST_PG_URL='$url'"
    echo "export NNGRADER_TEST_PG_DATA='$data'"
}

stop() {
    local data=${1:-${NNGRADER_TEST_PG_DATA:-}} bin
    if [ -z "$data" ] || [ ! -d "$data/db" ]; then echo "postgres.sh stop: no data folder" >&2; return 1; fi
    bin=$(bindir)
    as_postgres "$bin/pg_ctl" -D "$data/db" -m fast -w stop >&2 || true
    rm -rf "$data"
}

case "${1:-start}" in
    start) start ;;
    stop) shift; stop "$@" ;;
    *) echo "usage: $0 start | stop [DATA]" >&2; exit 2 ;;
esac
