#!/usr/bin/env bash
#
# Regenerate tests/parity/expected/NAME.DIALECT.sql: Prisma's own SQL for every case of
# tests/parity/cases.txt, from the oracle (../shared/oracle, Prisma 6.19's schema engine):
#
#   prisma6 migrate diff --from-empty --to-schema-datamodel SCHEMA --script
#
# What it is for: refreshing the cached oracle output that test_sql_parity compares relmig
# with, so the ctest test never needs the oracle. What it is not for: running the comparison
# (that is tests/integration/test_sql_parity.c). Each schema is copied to a temporary file with
# its datasource set to the case's provider and url = env("PEER_URL") (with_datasource.py).
#
# Needs: the oracle on PATH (bash ../shared/oracle/setup.sh), and for PostgreSQL cases a
# reachable server in RELMIG_TEST_PG_URL (eval "$(scripts/testdb.sh env)"). Prisma's diff
# does not change that database; it only needs a connection.
#   --check   compare instead of writing; exit 1 if any cached file differs.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
shared=$(cd "$here/../../../shared" && pwd)
oracle=${RELMIG_ORACLE_HOME:-$HOME/.cache/relmig-oracle}
export PATH="$oracle/bin:$PATH"
check=0
[ "${1:-}" = --check ] && check=1
if ! command -v prisma6 >/dev/null; then
    echo "prisma6 not found: run $shared/oracle/setup.sh" >&2
    exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
while read -r name dialect path; do
    case "$name" in ''|'#'*) continue ;; esac
    case "$path" in shared:*) src="$shared/${path#shared:}" ;; *) src="$here/$path" ;; esac
    schema="$tmp/$name.$dialect.prisma"
    python3 "$here/with_datasource.py" "$src" "$dialect" "$schema"
    if [ "$dialect" = sqlite ]; then
        url="file:$tmp/$name.db"
    else
        url=${RELMIG_TEST_PG_URL:?set RELMIG_TEST_PG_URL (scripts/testdb.sh env)}
    fi
    out="$here/expected/$name.$dialect.sql"
    target=$out
    [ $check = 1 ] && target="$tmp/$name.$dialect.sql"
    if ! PEER_PROVIDER=$dialect PEER_URL=$url prisma6 migrate diff --from-empty \
            --to-schema-datamodel "$schema" --script -o "$target" >"$tmp/log" 2>&1; then
        echo "$name.$dialect: prisma6 failed:" >&2
        cat "$tmp/log" >&2
        status=1
        continue
    fi
    if [ $check = 1 ]; then
        if cmp -s "$target" "$out"; then echo "same      $name.$dialect"
        else echo "DIFFERENT $name.$dialect"; status=1; fi
    else
        echo "wrote     $name.$dialect"
    fi
done <"$here/cases.txt"
exit $status
