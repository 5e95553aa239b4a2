#!/usr/bin/env bash
#
# run_all.sh: every benchmark behind an issue's target, one after the other, on a build of the
# current tree, with the load average before each so a reader can tell a quiet run from a
# loaded one. What it is for: re-taking all figures of bench/*.md at once (about 10 minutes with
# the introspection databases kept from an earlier run, much longer the first time, when they
# are built). What it is not for: a test; nothing is asserted.
#
#   bench/run_all.sh [--build DIR] [--only validate|cerial|diff|introspect]... [--no-5000]
#
# Needs the test servers (scripts/testdb.sh start; eval "$(scripts/testdb.sh env)") for the diff
# ratio on PostgreSQL and for introspection, and Prisma's engines (shared/oracle) for the
# ratios. The raw output of each benchmark goes to stdout; copy the tables into the pages.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(dirname "$HERE")
BUILD=$REPO/build-bench
ONLY=""
SIZES="1000 5000"
while [ $# -gt 0 ]; do
    case $1 in
        --build) BUILD=$2; shift 2 ;;
        --only) ONLY="$ONLY $2"; shift 2 ;;
        --no-5000) SIZES="1000"; shift ;;
        *) echo "usage: $0 [--build DIR] [--only validate|cerial|diff|introspect]... [--no-5000]" >&2
           exit 64 ;;
    esac
done
want() { [ -z "$ONLY" ] || [[ " $ONLY " == *" $1 "* ]]; }
stamp() { echo; echo "=== $1 ($(date -u +%H:%M:%S) UTC, git $(git -C "$REPO" rev-parse --short HEAD), load:$(cut -d' ' -f1-3 /proc/loadavg))"; }

export PATH=${RELMIG_ORACLE_HOME:-$HOME/.cache/relmig-oracle}/bin:$PATH
cmake -S "$REPO" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRELMIG_WERROR=ON >/dev/null
nice cmake --build "$BUILD" -j2 --target relmig bench_validate bench_cerial bench_diff >/dev/null

if want validate; then
    stamp "bench_validate (issue #3 Prisma, #4 Cerial end to end)"
    "$BUILD/bench/bench_validate" --runs 7 p1000 p10000 c10000
fi
if want cerial; then
    stamp "bench_cerial (issue #4)"
    "$BUILD/bench/bench_cerial" --runs 7 c10000 r10000
fi
if want diff; then
    stamp "bench_diff (issue #5)"
    "$BUILD/bench/bench_diff" --runs 7 --oracle-runs 3 1000
fi
if want introspect; then
    for only in pg sqlite mysql; do
        sizes=$SIZES
        [ "$only" = mysql ] && sizes=1000 # no peer figure; building 5,000 tables takes minutes
        stamp "bench_introspect.sh --only $only (issue #6)"
        RELMIG=$BUILD/relmig "$HERE/bench_introspect.sh" --runs 5 --slow-runs 1 --keep \
            --sizes "$sizes" --only "$only"
    done
fi
stamp "done"
