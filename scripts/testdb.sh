#!/usr/bin/env bash
#
# Throw-away PostgreSQL and MariaDB servers for relmig's integration tests.
#
#   scripts/testdb.sh start    start both servers (idempotent), create the test role + database
#   scripts/testdb.sh env      print `export RELMIG_TEST_PG_URL=...` lines, to be eval'ed
#   scripts/testdb.sh status   say what is running
#   scripts/testdb.sh stop     stop what `start` started and remove its state directory
#
# What it is for: giving tests a real server with a real password on a non-default port, in a
# private data directory, so a developer's or CI machine's own databases are never touched.
# What it is not for: anything long-lived. Data lives under $RELMIG_TESTDB_DIR and is deleted
# by `stop`. The Debian packages' own clusters and services are never started or used.
#
# Environment (all optional):
#   RELMIG_TESTDB_DIR       state directory       (default /tmp/relmig-testdb-$UID)
#   RELMIG_TESTDB_PG_PORT   PostgreSQL TCP port   (default 54329)
#   RELMIG_TESTDB_MY_PORT   MariaDB TCP port      (default 53309)
#   RELMIG_TESTDB_ONLY      "pg" or "mysql" to manage only one server
#   RELMIG_TESTDB_TIMEOUT   seconds to wait for a server to accept connections (default 60)
#   RELMIG_TESTDB_OS_USER   the non-root user servers run as when invoked as root
#                           (default relmig-test, created if missing; falls back to nobody)
set -euo pipefail

STATE_DIR=${RELMIG_TESTDB_DIR:-/tmp/relmig-testdb-$(id -u)}
PG_PORT=${RELMIG_TESTDB_PG_PORT:-54329}
MY_PORT=${RELMIG_TESTDB_MY_PORT:-53309}
TIMEOUT=${RELMIG_TESTDB_TIMEOUT:-60}
ONLY=${RELMIG_TESTDB_ONLY:-}

# The test account. The password is deliberately real (not trust auth over TCP) so the
# credential tests mean something; it is a test secret, not a production one.
DB_USER=relmig
DB_PASSWORD=relmig-test-pw
DB_NAME=relmig_test

PG_DIR=$STATE_DIR/pg
MY_DIR=$STATE_DIR/mysql
MARKER=$STATE_DIR/.relmig-testdb

die() { echo "testdb: error: $*" >&2; exit 1; }
say() { echo "testdb: $*" >&2; }

want() { [ -z "$ONLY" ] || [ "$ONLY" = "$1" ]; }

# --- running as a non-root user ------------------------------------------------------------
# PostgreSQL refuses to run as root, and MariaDB needs --user; when we are root, everything
# server-side runs as an unprivileged account that owns the data directories.
RUN_AS=""
pick_os_user() {
    if [ "$(id -u)" != 0 ]; then
        RUN_AS=""
        return
    fi
    local u=${RELMIG_TESTDB_OS_USER:-relmig-test}
    if ! id "$u" >/dev/null 2>&1; then
        useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$u" \
            >/dev/null 2>&1 || u=nobody
    fi
    id "$u" >/dev/null 2>&1 || die "cannot find or create a non-root user to run the servers"
    RUN_AS=$u
}

as_user() {
    if [ -n "$RUN_AS" ]; then
        runuser -u "$RUN_AS" -- "$@"
    else
        "$@"
    fi
}

# --- locating binaries ---------------------------------------------------------------------
PG_BIN=""
find_pg_bin() {
    if [ -n "${RELMIG_TESTDB_PG_BIN:-}" ]; then
        PG_BIN=$RELMIG_TESTDB_PG_BIN
    else
        # Newest installed major version (Debian installs each under /usr/lib/postgresql/N).
        local d
        d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
        if [ -n "$d" ] && [ -x "$d/initdb" ]; then
            PG_BIN=$d
        elif command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
            PG_BIN=$(dirname "$(command -v pg_ctl)")
        fi
    fi
    [ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ]
}

MY_SERVER=""
MY_INSTALL_DB=""
MY_CLIENT=""
find_my_bin() {
    MY_SERVER=$(command -v mariadbd || command -v /usr/sbin/mariadbd || command -v mysqld ||
        command -v /usr/sbin/mysqld || true)
    MY_INSTALL_DB=$(command -v mariadb-install-db || command -v mysql_install_db || true)
    MY_CLIENT=$(command -v mariadb || command -v mysql || true)
    [ -n "$MY_SERVER" ] && [ -n "$MY_INSTALL_DB" ] && [ -n "$MY_CLIENT" ]
}

install_missing() {
    local pkgs=()
    want pg && ! find_pg_bin && pkgs+=(postgresql)
    want mysql && ! find_my_bin && pkgs+=(mariadb-server mariadb-client)
    [ ${#pkgs[@]} -eq 0 ] && return 0
    say "installing ${pkgs[*]}"
    local sudo=""
    if [ "$(id -u)" != 0 ]; then
        command -v sudo >/dev/null 2>&1 || die "missing ${pkgs[*]} and not root (no sudo)"
        sudo=sudo
    fi
    # policy-rc.d (exit 101 = "not allowed") keeps the packages from starting their own
    # services during installation; removed again right after.
    local policy_added=0 rc=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null &&
            $sudo chmod +x /usr/sbin/policy-rc.d && policy_added=1
    fi
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${pkgs[@]}" >&2 ||
        { $sudo apt-get update -q >&2 &&
            $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${pkgs[@]}" >&2; } ||
        rc=$?
    if [ $policy_added = 1 ]; then $sudo rm -f /usr/sbin/policy-rc.d; fi
    [ $rc -eq 0 ] || die "apt-get install ${pkgs[*]} failed"
    if want pg; then find_pg_bin || die "PostgreSQL binaries not found after installation"; fi
    if want mysql; then find_my_bin || die "MariaDB binaries not found after installation"; fi
}

# --- waiting -------------------------------------------------------------------------------
# wait_for NAME CMD...: run CMD until it succeeds or TIMEOUT seconds pass.
wait_for() {
    local name=$1
    shift
    local deadline=$((SECONDS + TIMEOUT))
    until "$@" >/dev/null 2>&1; do
        if [ $SECONDS -ge $deadline ]; then
            return 1
        fi
        sleep 0.3
    done
}

pid_alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

# --- PostgreSQL ----------------------------------------------------------------------------
pg_psql() {
    "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_DIR/run" -p "$PG_PORT" -U postgres "$@"
}

pg_running() {
    [ -f "$PG_DIR/data/postmaster.pid" ] && pid_alive "$(head -n 1 "$PG_DIR/data/postmaster.pid")"
}

pg_start() {
    find_pg_bin || die "PostgreSQL binaries not found (apt-get install postgresql)"
    if pg_running && "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; then
        say "PostgreSQL already running on port $PG_PORT"
        return 0
    fi
    mkdir -p "$PG_DIR/run"
    [ -n "$RUN_AS" ] && chown -R "$RUN_AS" "$PG_DIR"
    chmod 700 "$PG_DIR"
    if [ ! -f "$PG_DIR/data/PG_VERSION" ]; then
        say "initialising PostgreSQL cluster in $PG_DIR/data ($PG_BIN)"
        # Local socket: trust (only for this script's own setup, the socket lives in a private
        # directory). TCP: scram-sha-256, so a wrong password really is rejected.
        as_user "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth-local=trust \
            --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 ||
            { cat "$PG_DIR/initdb.log" >&2; die "initdb failed"; }
    fi
    as_user "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t "$TIMEOUT" \
        -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -k $PG_DIR/run -c fsync=off \
-c synchronous_commit=off -c full_page_writes=off -c max_connections=50" start >/dev/null ||
        { tail -n 20 "$PG_DIR/server.log" >&2 || true; die "PostgreSQL did not start (log: $PG_DIR/server.log)"; }
    echo started >"$PG_DIR/started"
    if ! wait_for postgres "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; then
        tail -n 20 "$PG_DIR/server.log" >&2 || true
        die "PostgreSQL does not accept connections on 127.0.0.1:$PG_PORT after ${TIMEOUT}s"
    fi
    # Role + database, idempotently. CREATEDB because tests create fresh databases.
    pg_psql -d postgres <<SQL >/dev/null
SET password_encryption = 'scram-sha-256';
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN
    CREATE ROLE $DB_USER LOGIN CREATEDB PASSWORD '$DB_PASSWORD';
  ELSE
    ALTER ROLE $DB_USER LOGIN CREATEDB PASSWORD '$DB_PASSWORD';
  END IF;
END \$\$;
SQL
    if [ -z "$(pg_psql -d postgres -tA -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" ]; then
        pg_psql -d postgres -c "CREATE DATABASE $DB_NAME OWNER $DB_USER" >/dev/null
    fi
    say "PostgreSQL ready on 127.0.0.1:$PG_PORT"
}

pg_stop() {
    [ -f "$PG_DIR/started" ] || return 0
    find_pg_bin || return 0
    if pg_running; then
        as_user "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w -t "$TIMEOUT" stop >/dev/null ||
            say "pg_ctl stop failed"
    fi
    rm -f "$PG_DIR/started"
    say "PostgreSQL stopped"
}

# --- MariaDB -------------------------------------------------------------------------------
my_client() {
    "$MY_CLIENT" --no-defaults --protocol=socket -S "$MY_DIR/run/mysqld.sock" -u root "$@"
}

my_running() { [ -f "$MY_DIR/mysqld.pid" ] && pid_alive "$(cat "$MY_DIR/mysqld.pid")"; }

my_start() {
    find_my_bin || die "MariaDB binaries not found (apt-get install mariadb-server)"
    if my_running && my_client -e 'SELECT 1' >/dev/null 2>&1; then
        say "MariaDB already running on port $MY_PORT"
        return 0
    fi
    mkdir -p "$MY_DIR/run" "$MY_DIR/tmp"
    [ -n "$RUN_AS" ] && chown -R "$RUN_AS" "$MY_DIR"
    chmod 700 "$MY_DIR"
    local user_opt=()
    [ -n "$RUN_AS" ] && user_opt=(--user="$RUN_AS")
    if [ ! -d "$MY_DIR/data/mysql" ]; then
        say "initialising MariaDB data directory in $MY_DIR/data"
        # --auth-root-authentication-method=normal: root@localhost without a password, reachable
        # only through the private socket; the test account gets a real password below.
        as_user "$MY_INSTALL_DB" --no-defaults --datadir="$MY_DIR/data" \
            --auth-root-authentication-method=normal --skip-test-db --skip-name-resolve \
            >"$MY_DIR/install.log" 2>&1 ||
            { cat "$MY_DIR/install.log" >&2; die "mariadb-install-db failed"; }
    fi
    # --no-defaults: never read /etc/mysql (the packaged server's config and socket).
    # setsid: the server must outlive this script and the shell that ran it.
    setsid "$MY_SERVER" --no-defaults "${user_opt[@]}" --datadir="$MY_DIR/data" \
        --socket="$MY_DIR/run/mysqld.sock" --port="$MY_PORT" --bind-address=127.0.0.1 \
        --pid-file="$MY_DIR/mysqld.pid" --log-error="$MY_DIR/server.log" --tmpdir="$MY_DIR/tmp" \
        --skip-name-resolve --innodb-buffer-pool-size=64M --innodb-log-file-size=16M \
        --innodb-flush-log-at-trx-commit=0 --character-set-server=utf8mb4 \
        --collation-server=utf8mb4_unicode_ci >/dev/null 2>&1 &
    local server_pid=$!
    echo "$server_pid" >"$MY_DIR/started"
    if ! wait_for mariadb my_client -e 'SELECT 1'; then
        tail -n 20 "$MY_DIR/server.log" >&2 || true
        die "MariaDB does not accept connections after ${TIMEOUT}s (log: $MY_DIR/server.log)"
    fi
    my_client <<SQL
CREATE USER IF NOT EXISTS '$DB_USER'@'%' IDENTIFIED BY '$DB_PASSWORD';
CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
ALTER USER '$DB_USER'@'%' IDENTIFIED BY '$DB_PASSWORD';
ALTER USER '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
CREATE DATABASE IF NOT EXISTS \`$DB_NAME\`;
-- Tests create and drop fresh databases, so the account gets every privilege (it is a
-- throw-away server); GRANT OPTION is not needed.
GRANT ALL PRIVILEGES ON *.* TO '$DB_USER'@'%';
GRANT ALL PRIVILEGES ON *.* TO '$DB_USER'@'localhost';
FLUSH PRIVILEGES;
SQL
    say "MariaDB ready on 127.0.0.1:$MY_PORT"
}

my_stop() {
    [ -f "$MY_DIR/started" ] || return 0
    local pid=""
    [ -f "$MY_DIR/mysqld.pid" ] && pid=$(cat "$MY_DIR/mysqld.pid")
    [ -z "$pid" ] && pid=$(cat "$MY_DIR/started")
    if pid_alive "$pid"; then
        kill -TERM "$pid" 2>/dev/null || true
        local deadline=$((SECONDS + TIMEOUT))
        while pid_alive "$pid" && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
        pid_alive "$pid" && { say "MariaDB did not stop in ${TIMEOUT}s; killing"; kill -KILL "$pid" || true; }
    fi
    rm -f "$MY_DIR/started"
    say "MariaDB stopped"
}

# --- commands ------------------------------------------------------------------------------
cmd_start() {
    pick_os_user
    install_missing
    mkdir -p "$STATE_DIR"
    chmod 755 "$STATE_DIR"
    [ -f "$MARKER" ] || echo "created by relmig scripts/testdb.sh" >"$MARKER"
    if want pg; then pg_start; fi
    if want mysql; then my_start; fi
}

cmd_stop() {
    [ -f "$MARKER" ] || { say "nothing to stop ($STATE_DIR was not created by this script)"; return 0; }
    pick_os_user
    if want pg; then pg_stop; fi
    if want mysql; then my_stop; fi
    # Remove the state directory only when both servers are down and it is ours.
    if [ ! -f "$PG_DIR/started" ] && [ ! -f "$MY_DIR/started" ]; then
        rm -rf "$STATE_DIR"
    fi
}

cmd_env() {
    if want pg; then
        echo "export RELMIG_TEST_PG_URL='postgresql://$DB_USER:$DB_PASSWORD@127.0.0.1:$PG_PORT/$DB_NAME'"
    fi
    if want mysql; then
        echo "export RELMIG_TEST_MYSQL_URL='mysql://$DB_USER:$DB_PASSWORD@127.0.0.1:$MY_PORT/$DB_NAME'"
    fi
}

cmd_status() {
    local rc=0
    if want pg; then
        if find_pg_bin && pg_running; then
            echo "postgresql: running on 127.0.0.1:$PG_PORT (data $PG_DIR/data)"
        else
            echo "postgresql: not running"
            rc=1
        fi
    fi
    if want mysql; then
        if find_my_bin && my_running; then
            echo "mariadb: running on 127.0.0.1:$MY_PORT (data $MY_DIR/data)"
        else
            echo "mariadb: not running"
            rc=1
        fi
    fi
    return $rc
}

case "${1:-}" in
start) cmd_start ;;
stop) cmd_stop ;;
env) cmd_env ;;
status) cmd_status ;;
*)
    echo "usage: $0 start|stop|env|status" >&2
    exit 64
    ;;
esac
