#!/usr/bin/env bash
#
# Memcheck step (issue #8): builds relmig without sanitizers (valgrind and ASan do not mix) but
# with RELMIG_ARENA_DEBUG (every arena allocation its own malloc, so valgrind sees object
# bounds) in its own build directory and runs the CLI tests (ctest -L cli) with every relmig process they
# start under valgrind memcheck, through the RELMIG_TEST_WRAPPER hook of tests/support/testutil.c.
# Zero errors and zero definite/indirect leaks are required: a relmig process with either exits
# 99 (--error-exitcode), and because a test that expects a failing relmig might not notice a 99,
# every valgrind log is also read here and any error or leak fails the step.
#
# Usage: scripts/valgrind.sh [ctest -R regex]      (default: every test labelled cli)
# Environment (optional):
#   RELMIG_JOBS=2                  build and ctest parallelism
#   RELMIG_VALGRIND_BUILD=build-valgrind   build directory (relative to the repository)
#   RELMIG_VALGRIND_LABEL=cli      ctest label to run
# Exits 0 when every test passed and valgrind reported nothing; non-zero otherwise.
# Not for: the unit tests (they run in-process; see docs/reliability.md for the one-off run)
# or sanitizer builds.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
JOBS=${RELMIG_JOBS:-2}
BUILD=${RELMIG_VALGRIND_BUILD:-build-valgrind}
LABEL=${RELMIG_VALGRIND_LABEL:-cli}
VALGRIND=$(command -v valgrind) || {
    echo "valgrind.sh: valgrind is not installed (apt-get install valgrind)" >&2
    exit 1
}

t0=$SECONDS
cmake -S "$ROOT" -B "$BUILD" -DRELMIG_WERROR=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DRELMIG_SANITIZE=OFF -DRELMIG_ARENA_DEBUG=ON >/dev/null || exit 1
nice cmake --build "$BUILD" -j"$JOBS" >/dev/null || {
    echo "valgrind.sh: build failed" >&2
    exit 1
}
echo "valgrind.sh: build $((SECONDS - t0)) s"

LOGS=$(mktemp -d "${TMPDIR:-/tmp}/relmig-valgrind-XXXXXX")
trap 'rm -rf "$LOGS"' EXIT
# No word may contain a space (the hook splits on spaces). %p: one log per process.
export RELMIG_TEST_WRAPPER="$VALGRIND --quiet --error-exitcode=99 --leak-check=full \
--errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
--track-origins=no --num-callers=30 --log-file=$LOGS/vg.%p.log"

t1=$SECONDS
ARGS=(-L "$LABEL")
if [ $# -gt 0 ]; then ARGS+=(-R "$1"); fi
nice ctest --test-dir "$BUILD" -j"$JOBS" --output-on-failure "${ARGS[@]}"
rc=$?
echo "valgrind.sh: tests $((SECONDS - t1)) s, ctest exit $rc"

# With --quiet a clean run writes an empty log; anything in a log is an error or a leak.
nlogs=$(find "$LOGS" -name 'vg.*.log' | wc -l)
bad=0
for f in "$LOGS"/vg.*.log; do
    [ -s "$f" ] || continue
    bad=$((bad + 1))
    echo "---- $(basename "$f")"
    head -60 "$f"
done
echo "valgrind.sh: $nlogs relmig processes under memcheck, $bad with errors or leaks"
if [ "$nlogs" -eq 0 ]; then
    echo "valgrind.sh: no relmig process ran under valgrind (is RELMIG_TEST_WRAPPER honoured?)" >&2
    exit 1
fi
[ "$rc" -eq 0 ] && [ "$bad" -eq 0 ]
