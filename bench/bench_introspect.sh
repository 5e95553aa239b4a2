#!/usr/bin/env bash
#
# bench_introspect.sh: how long `relmig introspect` takes to read databases of 1,000 and 5,000
# tables on PostgreSQL, MariaDB and SQLite, next to Prisma's own `db pull` (shared/oracle's
# prisma6-pull, PostgreSQL and SQLite only: Prisma's wasm engine has no MySQL connector).
# Issue #6, "Benchmark" bullet.
#
# What it is for: figures for bench/introspect.md, run by hand. What it is not for: a test. Nothing is
# asserted beyond each command exiting 0 and printing one model per table.
#
#   bench/bench_introspect.sh [--runs R] [--slow-runs S] [--sizes "1000 5000"]
#                             [--only pg|mysql|sqlite] [--keep]
#
# Environment: RELMIG, RELMIG_TEST_PG_URL, RELMIG_TEST_MYSQL_URL, RELMIG_ORACLE_HOME as for
# bench_apply.sh; BENCH_DB_PREFIX (default bench_introspect_) names the server databases, so
# engineers sharing a server keep their own.
#
# Method. For each size N a database is built once (not timed): shared/oracle/gen_schema.py N,
# `relmig diff --from empty`, loaded with the server's own client in one transaction, into
# databases bench_introspect_<N> (SQLite: files under $BENCH_DIR, default
# ${TMPDIR:-/tmp}/relmig-bench-introspect). With --keep they are left in place and reused by the
# next run (a database is reused only if it has the expected number of tables). Then each tool is
# run R times (prisma6-pull S times; it is slow) and we report the median wall time, its min-max
# spread, the median CPU time (user+sys) of the tool's process tree from /usr/bin/time, and the
# ratio prisma / relmig of the medians. The output is written to a file and its `model` blocks
# counted, so both tools are seen to have read every table.
set -euo pipefail

RUNS=5
SLOW_RUNS=3
SIZES="1000 5000"
ONLY=""
KEEP=0
while [ $# -gt 0 ]; do
    case $1 in
        --runs) RUNS=$2; shift 2 ;;
        --slow-runs) SLOW_RUNS=$2; shift 2 ;;
        --sizes) SIZES=$2; shift 2 ;;
        --only) ONLY=$2; shift 2 ;;
        --keep) KEEP=1; shift ;;
        *) echo "usage: $0 [--runs R] [--slow-runs S] [--sizes \"N...\"] [--only pg|mysql|sqlite] [--keep]" >&2
           exit 64 ;;
    esac
done

# shellcheck source=bench_common.sh
. "$(cd "$(dirname "$0")" && pwd)/bench_common.sh"
DB_PREFIX=${BENCH_DB_PREFIX:-bench_introspect_}
BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/relmig-bench-introspect}
mkdir -p "$BENCH_DIR"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/relmig-bench-introspect-run.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

pg_q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }
my_q() { MYSQL_PWD=$MY_PWD mariadb -N -B -h "$MY_HOST" -P "$MY_PORT" -u "$MY_USER" -e "$1"; }

# The generated schema: N models give N + (implicit m:n join tables) tables, so expected counts
# are taken from the generated SQL itself.
gen_sql() { # provider dialect N -> path of the SQL
    local f=$WORK/$1_$3.sql
    python3 "$SHARED/oracle/gen_schema.py" "$3" --provider "$1" -o "$WORK/$1_$3.prisma"
    "$RELMIG" diff --from empty --to "$WORK/$1_$3.prisma" --dialect "$2" >"$f"
    printf '%s' "$f"
}
sql_tables() { grep -ci '^CREATE TABLE' "$1"; }

timed() { # NAME OUTFILE CMD...: run once; append "wall cpu" to $WORK/NAME.times
    local name=$1 out=$2; shift 2
    if ! /usr/bin/time -f '%e %U %S' -o "$WORK/t" "$@" >"$out" 2>"$WORK/err"; then
        say "FAILED: $*"; tail -5 "$WORK/err" >&2; return 1
    fi
    awk '{ printf "%s %.2f\n", $1, $2 + $3 }' "$WORK/t" >>"$WORK/$name.times"
    grep -c '^model ' "$out" >"$WORK/$name.models" || true
}
ROWS=$WORK/rows
row() { # LABEL N TABLES RELMIG_NAME PRISMA_NAME
    local label=$1 n=$2 tables=$3 r=$4 p=$5 rm pm ratio="-" line
    [ -f "$WORK/$r.times" ] || { echo "| $label | $n | $tables | failed | | | | | |" >>"$ROWS"; return; }
    rm=$(col "$r" 1 | median)
    line="| $label | $n | $tables | $rm s ($(col "$r" 1 | sort -g | head -1)-$(col "$r" 1 | sort -g | tail -1)), $(wc -l <"$WORK/$r.times") runs | $(col "$r" 2 | median) s | $(cat "$WORK/$r.models")"
    if [ -n "$p" ] && [ -f "$WORK/$p.times" ]; then
        pm=$(col "$p" 1 | median)
        ratio=$(awk -v a="$pm" -v b="$rm" 'BEGIN { printf "%.0fx", a / b }')
        line="$line | $pm s ($(col "$p" 1 | sort -g | head -1)-$(col "$p" 1 | sort -g | tail -1)), $(wc -l <"$WORK/$p.times") runs | $(col "$p" 2 | median) s | $(cat "$WORK/$p.models") | $ratio |"
    else
        line="$line | - | - | - | - |"
    fi
    echo "$line" >>"$ROWS"
}

bench_pg() {
    [ -n "${RELMIG_TEST_PG_URL:-}" ] || { say "pg: RELMIG_TEST_PG_URL not set, skipped"; return; }
    local n sql want db url have
    for n in $SIZES; do
        sql=$(gen_sql postgresql postgresql "$n"); want=$(sql_tables "$sql")
        db=$DB_PREFIX$n; url=$(url_with_db "$RELMIG_TEST_PG_URL" "$db")
        have=$(pg_q "$url" "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'" 2>/dev/null || echo none)
        if [ "$have" != "$want" ]; then
            say "pg: building $db ($want tables)"
            pg_q "$RELMIG_TEST_PG_URL" "DROP DATABASE IF EXISTS $db" >/dev/null
            pg_q "$RELMIG_TEST_PG_URL" "CREATE DATABASE $db" >/dev/null
            # Not one transaction: 6,000 tables exceed a default max_locks_per_transaction.
            psql -X -q -v ON_ERROR_STOP=1 -d "$url" -f "$sql" >/dev/null
        fi
        for i in $(seq "$RUNS"); do
            timed "pg_relmig_$n" "$WORK/out.prisma" "$RELMIG" introspect --url "$url"
        done
        if command -v prisma6-pull >/dev/null; then
            for i in $(seq "$SLOW_RUNS"); do
                timed "pg_prisma_$n" "$WORK/out.prisma" prisma6-pull postgresql "$url" || true
            done
        fi
        row PostgreSQL "$n" "$want" "pg_relmig_$n" "pg_prisma_$n"
        [ "$KEEP" = 1 ] || pg_q "$RELMIG_TEST_PG_URL" "DROP DATABASE $db" >/dev/null
    done
}

bench_mysql() {
    [ -n "${RELMIG_TEST_MYSQL_URL:-}" ] || { say "mysql: RELMIG_TEST_MYSQL_URL not set, skipped"; return; }
    my_args "$RELMIG_TEST_MYSQL_URL"
    local n sql want db url have
    for n in $SIZES; do
        sql=$(gen_sql mysql mysql "$n"); want=$(sql_tables "$sql")
        db=$DB_PREFIX$n; url=$(url_with_db "$RELMIG_TEST_MYSQL_URL" "$db")
        have=$(my_q "SELECT count(*) FROM information_schema.tables WHERE table_schema = '$db'" 2>/dev/null || echo none)
        if [ "$have" != "$want" ]; then
            say "mysql: building $db ($want tables)"
            my_q "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db"
            MYSQL_PWD=$MY_PWD mariadb -h "$MY_HOST" -P "$MY_PORT" -u "$MY_USER" "$db" <"$sql"
        fi
        for i in $(seq "$RUNS"); do
            timed "my_relmig_$n" "$WORK/out.prisma" "$RELMIG" introspect --url "$url"
        done
        row MariaDB "$n" "$want" "my_relmig_$n" ""
        [ "$KEEP" = 1 ] || my_q "DROP DATABASE $db"
    done
}

bench_sqlite() {
    local n sql want db have
    for n in $SIZES; do
        sql=$(gen_sql sqlite sqlite "$n"); want=$(sql_tables "$sql")
        db=$BENCH_DIR/introspect_$n.db
        have=$(sqlite3 "$db" "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'" 2>/dev/null || echo none)
        if [ "$have" != "$want" ]; then
            say "sqlite: building $db ($want tables)"
            rm -f "$db"; sqlite3 -bail "$db" "BEGIN" ".read $sql" "COMMIT"
        fi
        for i in $(seq "$RUNS"); do
            timed "sq_relmig_$n" "$WORK/out.prisma" "$RELMIG" introspect --url "sqlite:$db"
        done
        if command -v prisma6-pull >/dev/null; then
            for i in $(seq "$SLOW_RUNS"); do
                timed "sq_prisma_$n" "$WORK/out.prisma" prisma6-pull sqlite "file:$db" || true
            done
        fi
        row SQLite "$n" "$want" "sq_relmig_$n" "sq_prisma_$n"
        [ "$KEEP" = 1 ] || rm -f "$db"
    done
}

say "relmig: $RELMIG ($("$RELMIG" --version 2>&1 | head -1))"
say "load before: $(uptime)"
case $ONLY in ""|pg) bench_pg ;; esac
case $ONLY in ""|mysql) bench_mysql ;; esac
case $ONLY in ""|sqlite) bench_sqlite ;; esac

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$REPO" rev-parse --short HEAD)," \
     "R=$RUNS (prisma6-pull S=$SLOW_RUNS)"
echo "load after: $(uptime)"
echo
echo '| server | models | tables | relmig wall median (min-max) | relmig cpu | models out | prisma6-pull wall median (min-max) | prisma cpu | models out | prisma / relmig |'
echo '|---|---|---|---|---|---|---|---|---|---|'
[ -f "$ROWS" ] && cat "$ROWS"
