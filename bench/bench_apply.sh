#!/usr/bin/env bash
#
# bench_apply.sh: how long `relmig apply` takes to apply one large migration (1,000 tables by
# default) to a fresh database, next to the database's own client running the same SQL file (the
# floor) and next to `prisma6 migrate deploy` (shared/oracle). Issue #7, "Benchmark" bullet.
#
# What it is for: figures for bench/apply.md, run by hand. What it is not for: a test. Nothing is
# asserted; the exit status only says whether every command ran.
#
#   bench/bench_apply.sh [--runs R] [--slow-runs S] [--tables N] [--only pg|mysql|sqlite]
#
# Environment:
#   RELMIG              the relmig binary (default: <repo>/build-bench/relmig, then build/relmig)
#   RELMIG_TEST_PG_URL, RELMIG_TEST_MYSQL_URL   from `eval "$(scripts/testdb.sh env)"`; the role
#                       must be able to create databases. A server without a URL is skipped.
#   RELMIG_ORACLE_HOME  where shared/oracle/setup.sh installed prisma6 (default ~/.cache/relmig-oracle)
#
# Method. The migration is generated once: shared/oracle/gen_schema.py N --provider P, then
# `relmig diff --from empty --to SCHEMA --dialect D`, written into a temporary folder in Prisma's
# layout (migrations/<ts>_init/migration.sql + migration_lock.toml). Every run of every variant
# gets a fresh, empty database (created and dropped outside the timed region). Per run we record
# wall time and the CPU time (user+sys) of the client process and its children, via
# /usr/bin/time. The server's own CPU is not attributed (the servers are shared with other
# engineers' tests), so for the client/server databases wall time is the figure that counts and
# the client CPU shows how much of it is the tool itself. Each variant reports the median and the
# min-max spread over R runs; prisma6 (a Node.js program, slow) gets S runs.
set -euo pipefail

RUNS=5
SLOW_RUNS=5
TABLES=1000
ONLY=""
while [ $# -gt 0 ]; do
    case $1 in
        --runs) RUNS=$2; shift 2 ;;
        --slow-runs) SLOW_RUNS=$2; shift 2 ;;
        --tables) TABLES=$2; shift 2 ;;
        --only) ONLY=$2; shift 2 ;;
        *) echo "usage: $0 [--runs R] [--slow-runs S] [--tables N] [--only pg|mysql|sqlite]" >&2
           exit 64 ;;
    esac
done

# shellcheck source=bench_common.sh
. "$(cd "$(dirname "$0")" && pwd)/bench_common.sh"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/relmig-bench-apply.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# --- admin statements: the admin URL is the test database; each run uses bench_apply_<n> beside it.

pg_admin() { psql -X -q -v ON_ERROR_STOP=1 -d "$RELMIG_TEST_PG_URL" -c "$1" >/dev/null; }
my_admin() {
    MYSQL_PWD=$MY_PWD mariadb -h "$MY_HOST" -P "$MY_PORT" -u "$MY_USER" -e "$1"
}

# --- timing ---------------------------------------------------------------------------------
# timed NAME CMD...: runs CMD once, appends "wall cpu" (seconds) to $WORK/NAME.times. A failure
# is reported (last lines of its output) and counted in NAME.failed, and the run goes on.
timed() {
    local name=$1; shift
    if ! /usr/bin/time -f '%e %U %S' -o "$WORK/t" "$@" >"$WORK/out" 2>&1; then
        say "FAILED: $*"; tail -5 "$WORK/out" >&2; echo x >>"$WORK/$name.failed"; return 1
    fi
    awk '{ printf "%s %.2f\n", $1, $2 + $3 }' "$WORK/t" >>"$WORK/$name.times"
}

# report NAME FLOOR_NAME LABEL: one table row; ratio of medians against FLOOR_NAME.
report() {
    local name=$1 floor=$2 label=$3 n med lo hi cpu ratio fmed
    if [ ! -f "$WORK/$name.times" ] && [ ! -f "$WORK/$name.failed" ]; then
        printf '| %s | not run | | | | |\n' "$label"; return
    fi
    [ -f "$WORK/$name.times" ] || { printf '| %s | all %s failed | | | | |\n' "$label" \
        "$(wc -l <"$WORK/$name.failed")"; return; }
    n=$(wc -l <"$WORK/$name.times")
    med=$(col "$name" 1 | median); cpu=$(col "$name" 2 | median)
    lo=$(col "$name" 1 | sort -g | head -1); hi=$(col "$name" 1 | sort -g | tail -1)
    ratio="-"
    if [ -n "$floor" ] && [ -f "$WORK/$floor.times" ]; then
        fmed=$(col "$floor" 1 | median)
        ratio=$(awk -v a="$med" -v b="$fmed" 'BEGIN { printf "%.2fx", a / b }')
    fi
    printf '| %s | %s | %s s | %s-%s s | %s s | %s |\n' "$label" "$n" "$med" "$lo" "$hi" "$cpu" "$ratio"
}

# --- the migration --------------------------------------------------------------------------
gen_migrations() { # provider dialect -> $WORK/<provider>/{schema.prisma,migrations/}
    local prov=$1 dialect=$2 d=$WORK/$1
    mkdir -p "$d/migrations/20260101000000_init"
    python3 "$SHARED/oracle/gen_schema.py" "$TABLES" --provider "$prov" --url-env PEER_URL \
        -o "$d/schema.prisma"
    "$RELMIG" diff --from empty --to "$d/schema.prisma" --dialect "$dialect" \
        >"$d/migrations/20260101000000_init/migration.sql"
    printf 'provider = "%s"\n' "$prov" >"$d/migrations/migration_lock.toml"
    say "$prov: $(grep -ci '^CREATE TABLE' "$d/migrations/20260101000000_init/migration.sql") tables," \
        "$(wc -c <"$d/migrations/20260101000000_init/migration.sql") bytes of SQL"
}

SEQ=0
fresh_db_name() { SEQ=$((SEQ + 1)); DB=bench_apply_$$_$SEQ; }

bench_pg() {
    [ -n "${RELMIG_TEST_PG_URL:-}" ] || { say "pg: RELMIG_TEST_PG_URL not set, skipped"; return; }
    gen_migrations postgresql postgresql
    local sql=$WORK/postgresql/migrations/20260101000000_init/migration.sql i url slots variants
    # `psql -1` needs the whole migration's locks in one transaction (~20 per gen_schema model,
    # docs/migrations.md). On a server whose lock table is smaller it fails with "out of shared
    # memory" - after filling the table for every other session - so it is only run where it fits.
    slots=$(psql -X -At -d "$RELMIG_TEST_PG_URL" -c "SELECT current_setting('max_locks_per_transaction')::int
        * (current_setting('max_connections')::int + current_setting('max_prepared_transactions')::int)")
    variants="psql relmig"
    if [ "$slots" -ge $((TABLES * 20)) ]; then variants="psql_1 $variants"
    else say "pg: psql -1 skipped: the server's lock table ($slots slots) cannot hold ~$((TABLES * 20)) locks in one transaction"
    fi
    for i in $(seq "$RUNS"); do
        for v in $variants; do
            fresh_db_name; pg_admin "CREATE DATABASE $DB"; url=$(url_with_db "$RELMIG_TEST_PG_URL" "$DB")
            case $v in
                psql_1) timed pg_psql_1 psql -X -q -v ON_ERROR_STOP=1 -1 -d "$url" -f "$sql" || true ;;
                psql) timed pg_psql psql -X -q -v ON_ERROR_STOP=1 -d "$url" -f "$sql" || true ;;
                relmig) timed pg_relmig "$RELMIG" apply --url "$url" --dir "$WORK/postgresql/migrations" \
                    || true ;;
            esac
            pg_admin "DROP DATABASE $DB"
        done
    done
    if command -v prisma6 >/dev/null; then
        for i in $(seq "$SLOW_RUNS"); do
            fresh_db_name; pg_admin "CREATE DATABASE $DB"; url=$(url_with_db "$RELMIG_TEST_PG_URL" "$DB")
            PEER_PROVIDER=postgresql PEER_URL=$url PEER_MIGRATIONS=$WORK/postgresql/migrations \
                timed pg_prisma prisma6 migrate deploy --schema "$WORK/postgresql/schema.prisma" || true
            pg_admin "DROP DATABASE $DB"
        done
    fi
}

bench_mysql() {
    [ -n "${RELMIG_TEST_MYSQL_URL:-}" ] || { say "mysql: RELMIG_TEST_MYSQL_URL not set, skipped"; return; }
    my_args "$RELMIG_TEST_MYSQL_URL"
    gen_migrations mysql mysql
    local sql=$WORK/mysql/migrations/20260101000000_init/migration.sql i url
    for i in $(seq "$RUNS"); do
        for v in mariadb relmig; do
            fresh_db_name; my_admin "CREATE DATABASE $DB"; url=$(url_with_db "$RELMIG_TEST_MYSQL_URL" "$DB")
            case $v in
                mariadb) MYSQL_PWD=$MY_PWD timed my_client sh -c \
                    'exec mariadb -h "$1" -P "$2" -u "$3" "$4" <"$5"' sh \
                    "$MY_HOST" "$MY_PORT" "$MY_USER" "$DB" "$sql" || true ;;
                relmig) timed my_relmig "$RELMIG" apply --url "$url" --dir "$WORK/mysql/migrations" \
                    || true ;;
            esac
            my_admin "DROP DATABASE $DB"
        done
    done
}

bench_sqlite() {
    gen_migrations sqlite sqlite
    local sql=$WORK/sqlite/migrations/20260101000000_init/migration.sql i db
    for i in $(seq "$RUNS"); do
        for v in sqlite3_tx sqlite3 relmig; do
            db=$WORK/run.db; rm -f "$db" "$db-journal" "$db-wal"
            case $v in
                sqlite3_tx) timed sq_tx sqlite3 -bail "$db" "BEGIN" ".read $sql" "COMMIT" || true ;;
                sqlite3) timed sq_plain sqlite3 -bail "$db" ".read $sql" || true ;;
                relmig) timed sq_relmig "$RELMIG" apply --url "sqlite:$db" --dir "$WORK/sqlite/migrations" \
                    || true ;;
            esac
        done
    done
    if command -v prisma6 >/dev/null; then
        for i in $(seq "$SLOW_RUNS"); do
            db=$WORK/run.db; rm -f "$db" "$db-journal" "$db-wal"
            PEER_PROVIDER=sqlite PEER_URL=file:$db PEER_MIGRATIONS=$WORK/sqlite/migrations \
                timed sq_prisma prisma6 migrate deploy --schema "$WORK/sqlite/schema.prisma" || true
        done
    fi
    rm -f "$WORK/run.db"
}

say "relmig: $RELMIG ($("$RELMIG" --version 2>&1 | head -1))"
say "load before: $(uptime)"
case $ONLY in ""|pg) bench_pg ;; esac
case $ONLY in ""|mysql) bench_mysql ;; esac
case $ONLY in ""|sqlite) bench_sqlite ;; esac
LOAD_AFTER=$(uptime)

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$REPO" rev-parse --short HEAD)," \
     "$TABLES tables, R=$RUNS (prisma6 S=$SLOW_RUNS)"
echo "load after: $LOAD_AFTER"
echo
echo '| variant | runs | wall median | wall min-max | client cpu median | ratio |'
echo '|---|---|---|---|---|---|'
case $ONLY in ""|pg)
    report pg_psql "" 'PostgreSQL `psql -f` (floor)'
    report pg_psql_1 pg_psql 'PostgreSQL `psql -1 -f`'
    report pg_relmig pg_psql 'PostgreSQL `relmig apply`'
    report pg_prisma pg_psql 'PostgreSQL `prisma6 migrate deploy`' ;;
esac
case $ONLY in ""|mysql)
    report my_client "" 'MariaDB `mariadb < file` (floor)'
    report my_relmig my_client 'MariaDB `relmig apply`' ;;
esac
case $ONLY in ""|sqlite)
    report sq_tx "" 'SQLite `sqlite3 BEGIN; .read; COMMIT` (floor)'
    report sq_plain sq_tx 'SQLite `sqlite3 .read` (no transaction)'
    report sq_relmig sq_tx 'SQLite `relmig apply`'
    report sq_prisma sq_tx 'SQLite `prisma6 migrate deploy`' ;;
esac
