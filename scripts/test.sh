#!/usr/bin/env bash
#
# The whole test suite, the way CI runs it (.ci/run calls this):
#   1. install missing build and server packages with apt (Debian/Ubuntu),
#   2. start private PostgreSQL and MariaDB servers (scripts/testdb.sh) and require them, and
#      install the peers' own tools (../shared/oracle) for the interop tests,
#   3. configure, build (-Werror) and run every test in build/ci,
#   4. the same with AddressSanitizer + UndefinedBehaviorSanitizer in build/asan,
#   5. run the CLI tests under valgrind memcheck, every fuzz target briefly, and the install and
#      .deb package test,
#   6. stop the servers it started.
# Exits non-zero if any step fails; both stages run even when the first fails, so one run
# shows everything. Prints each test's own output (cmocka's [  PASSED  ] lines) and the
# time each step took.
#
# Environment (optional):
#   RELMIG_JOBS=2             parallel build and test jobs
#   RELMIG_BUILD_ROOT=build   where build/ci and build/asan go (relative to the repository)
#   RELMIG_SKIP_ASAN=1        skip stage 4 (quick local runs; CI never sets it)
#   RELMIG_SKIP_APT=1         never call apt-get
#   RELMIG_SKIP_ORACLE=1      do not install Prisma's engines (the oracle tests then skip)
#   RELMIG_SKIP_EXTRA=1       skip step 5 (valgrind, fuzz, package; CI never sets it)
# Not for: benchmarks or long fuzzing runs (scripts/fuzz.sh; see docs/testing.md).
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
JOBS=${RELMIG_JOBS:-2}
BUILD_ROOT=${RELMIG_BUILD_ROOT:-build}
FAILED=()
TIMINGS=()
REPORTS=()
T_START=$SECONDS

step() { printf '\n==== %s [%s]\n' "$*" "$(date -u +%H:%M:%S)"; }
record() { TIMINGS+=("$(printf '%-34s %4ds  %s' "$1" "$2" "$3")"); }

# --- 1. packages ---------------------------------------------------------------------------
install_packages() {
    scripts/install-deps.sh test
}

step "packages"
t=$SECONDS
if install_packages; then
    record "packages" $((SECONDS - t)) ok
else
    record "packages" $((SECONDS - t)) FAILED
    FAILED+=("packages")
fi

# --- 2. servers ----------------------------------------------------------------------------
step "database servers"
t=$SECONDS
STOP_SERVERS=0
if scripts/testdb.sh status >/dev/null 2>&1; then
    echo "servers already running (started outside this script; left running afterwards)"
else
    STOP_SERVERS=1
fi
cleanup() {
    if [ $STOP_SERVERS = 1 ]; then
        step "stopping database servers"
        scripts/testdb.sh stop || true
    fi
}
trap cleanup EXIT
if scripts/testdb.sh start; then
    eval "$(scripts/testdb.sh env)"
    export RELMIG_TEST_PG_URL RELMIG_TEST_MYSQL_URL
    record "servers" $((SECONDS - t)) ok
else
    record "servers" $((SECONDS - t)) FAILED
    FAILED+=("servers")
fi
# Integration tests fail (instead of skipping) when a server is missing.
export RELMIG_REQUIRE_SERVERS=1

# --- 2b. the peers' own tools ------------------------------------------------------------------
# Prisma's engines (../shared/oracle) let the interop tests run against the real thing: a
# database deployed by `prisma migrate deploy` continuing under relmig apply, relmig introspect
# against `prisma db pull`. setup.sh is idempotent and needs the npm registry (about 3 minutes
# the first time). Those tests skip with a message when the oracle is absent, so a registry
# outage is reported here but does not fail the run; every other test still decides it.
step "oracle (Prisma's engines, ../shared/oracle)"
t=$SECONDS
ORACLE_SETUP=$ROOT/../shared/oracle/setup.sh
if [ "${RELMIG_SKIP_ORACLE:-}" = 1 ]; then
    echo "RELMIG_SKIP_ORACLE=1: oracle not installed; the oracle tests will skip"
elif [ ! -f "$ORACLE_SETUP" ]; then
    echo "no $ORACLE_SETUP; the oracle tests will skip"
    record "oracle" $((SECONDS - t)) "absent (oracle tests skip)"
elif mkdir -p "$BUILD_ROOT" &&
    timeout 900 bash "$ORACLE_SETUP" >"$BUILD_ROOT/oracle-setup.log" 2>&1; then
    export RELMIG_ORACLE_HOME=${RELMIG_ORACLE_HOME:-$HOME/.cache/relmig-oracle}
    export PATH=$RELMIG_ORACLE_HOME/bin:$PATH
    record "oracle" $((SECONDS - t)) ok
else
    tail -n 30 "$BUILD_ROOT/oracle-setup.log"
    echo "WARNING: the oracle could not be installed; the oracle tests will skip"
    record "oracle" $((SECONDS - t)) "NOT INSTALLED (oracle tests skip)"
fi

# --- 3./4. build and test ------------------------------------------------------------------
# run_stage NAME DIR CMAKE-ARGS...
run_stage() {
    local name=$1 dir=$2
    shift 2
    step "$name: configure + build ($dir)"
    t=$SECONDS
    if ! cmake -S "$ROOT" -B "$dir" "$@"; then
        record "$name configure" $((SECONDS - t)) FAILED
        FAILED+=("$name configure")
        return
    fi
    # A failed build still runs the tests that did build (the missing ones fail in ctest
    # as "not run"), so one log shows everything; the stage counts as failed either way.
    # Keep going past a failing file so that every target that can build does (make -k,
    # ninja -k 0); otherwise one broken test would turn all later ones into "not run".
    local gen keep=()
    gen=$(sed -n 's/^CMAKE_GENERATOR:INTERNAL=//p' "$dir/CMakeCache.txt" 2>/dev/null)
    case "$gen" in
    Ninja*) keep=(-- -k 0) ;;
    *Makefiles*) keep=(-- -k) ;;
    esac
    if cmake --build "$dir" -j "$JOBS" "${keep[@]}"; then
        record "$name build" $((SECONDS - t)) ok
    else
        record "$name build" $((SECONDS - t)) FAILED
        FAILED+=("$name build")
    fi
    step "$name: tests"
    t=$SECONDS
    # --verbose prints every test's own output (ctest's --output-on-failure alone would show
    # only failing ones); --output-on-failure repeats a failing test's output at the end.
    if ctest --test-dir "$dir" --verbose --output-on-failure --timeout 900 -j "$JOBS"; then
        record "$name tests" $((SECONDS - t)) ok
    else
        record "$name tests" $((SECONDS - t)) FAILED
        FAILED+=("$name tests")
        # The verbose log interleaves parallel tests and CI shows only its tail: run the
        # failing tests once more, alone, and keep their output for the end of the log. A
        # test that passes on the rerun is flaky; the stage still counts as failed.
        ctest --test-dir "$dir" --rerun-failed --output-on-failure --timeout 900 \
            >"$dir/rerun-failed.log" 2>&1
        REPORTS+=("$dir/rerun-failed.log")
    fi
}

run_stage ci "$BUILD_ROOT/ci" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRELMIG_WERROR=ON
if [ "${RELMIG_SKIP_ASAN:-}" = 1 ]; then
    echo "RELMIG_SKIP_ASAN=1: sanitizer stage skipped"
else
    # Leaks count as failures; UBSan already aborts (-fno-sanitize-recover=all).
    export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
    export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
    run_stage asan "$BUILD_ROOT/asan" -DCMAKE_BUILD_TYPE=Debug -DRELMIG_SANITIZE=ON \
        -DRELMIG_WERROR=ON
fi

# --- 5. memcheck, fuzzing, packaging --------------------------------------------------------
# run_check NAME COMMAND...: one more step, timed and recorded like the stages above.
run_check() {
    local name=$1
    shift
    step "$name: $*"
    t=$SECONDS
    if "$@"; then
        record "$name" $((SECONDS - t)) ok
    else
        record "$name" $((SECONDS - t)) FAILED
        FAILED+=("$name")
    fi
}
if [ "${RELMIG_SKIP_EXTRA:-}" = 1 ]; then
    echo "RELMIG_SKIP_EXTRA=1: valgrind, fuzz and package steps skipped"
else
    # The sanitizer options above must not reach valgrind's or the fuzzers' processes.
    unset ASAN_OPTIONS UBSAN_OPTIONS
    # The CLI tests with every relmig process under valgrind memcheck (issue #8).
    run_check valgrind env RELMIG_VALGRIND_BUILD="$BUILD_ROOT/valgrind" scripts/valgrind.sh
    # Every libFuzzer target for a short fixed time (issue #8; scripts/fuzz.sh runs for hours).
    run_check fuzz env RELMIG_FUZZ_BUILD="$ROOT/$BUILD_ROOT/fuzz" scripts/fuzz.sh --ci
    # cmake --install into a temporary prefix, then the .deb installed with apt and removed
    # (issue #9); reuses the -Werror build of stage 3.
    run_check package scripts/package-test.sh "$ROOT/$BUILD_ROOT/ci"
fi

# --- summary -------------------------------------------------------------------------------
step "summary"
for line in "${TIMINGS[@]}"; do
    echo "  $line"
done
echo "  total: $((SECONDS - T_START))s"
if [ ${#FAILED[@]} -ne 0 ]; then
    for report in "${REPORTS[@]}"; do
        step "failing tests rerun alone: $report (last 150 lines)"
        tail -n 150 "$report"
    done
    echo "test.sh: FAILED: ${FAILED[*]}" >&2
    exit 1
fi
echo "test.sh: all passed"
