# A throw-away PostgreSQL cluster for the tests of the province's server engine, from
# Debian's packages: its own folder, listening only on a Unix socket in that folder (no TCP
# port), trust authentication for the local user. Sourced by .ci/run, which starts it before
# the tests and stops it (and removes its folder) when it exits, passed or failed.
#   start_test_postgres   sets KONGTHUN_TEST_POSTGRES to the cluster's URL
#   stop_test_postgres

start_test_postgres() {
    local bin
    bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    if [ -z "$bin" ]; then
        echo "PostgreSQL's server is not installed (package postgresql)" >&2
        return 1
    fi
    PG_TEST_DIR="$(mktemp -d /tmp/kongthun-pg.XXXXXX)"
    # initdb and the server refuse to run as root: run them as the postgres user then
    local as=()
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres:postgres "$PG_TEST_DIR"
        as=(runuser -u postgres --)
    fi
    PG_TEST_USER="$("${as[@]}" id -un)"
    "${as[@]}" "$bin/initdb" -D "$PG_TEST_DIR/data" -U "$PG_TEST_USER" -A trust -E UTF8 \
        --locale=C.UTF-8 >"$PG_TEST_DIR/initdb.log" 2>&1
    "${as[@]}" "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/server.log" -w \
        -o "-c listen_addresses='' -k $PG_TEST_DIR -c max_connections=50 -c fsync=off" start >/dev/null
    PG_TEST_BIN="$bin"
    export KONGTHUN_TEST_POSTGRES="postgresql:///postgres?host=$PG_TEST_DIR&user=$PG_TEST_USER"
    # the office program's tests fail rather than skip when the cluster is missing
    export KONGTHUN_REQUIRE_POSTGRES=1
    echo "test PostgreSQL cluster: $KONGTHUN_TEST_POSTGRES"
}

stop_test_postgres() {
    [ -n "${PG_TEST_DIR:-}" ] || return 0
    local as=()
    [ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)
    "${as[@]}" "$PG_TEST_BIN/pg_ctl" -D "$PG_TEST_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_TEST_DIR"
    PG_TEST_DIR=""
}
