#!/usr/bin/env bash
# Build and run relmig's libFuzzer targets (fuzz/; docs/reliability.md "Fuzzing").
#
#   scripts/fuzz.sh [--ci] [--seconds N] [--jobs J] [--build-only|--no-build] [TARGET...]
#
# TARGETs are short names (prisma_parse cerial_parse graph_prisma graph_cerial dburl
# migrations lite_ddl lite_btree; default: all). Each target runs for N seconds (default 14400, i.e. hours);
# --ci sets N to 25 and checks the budget: eight targets, two at a time, about 100 s of fuzzing
# plus corpus loading. J targets run at once (default 2; the machine is shared, so everything
# is nice'd). The build lives in $RELMIG_FUZZ_BUILD (default build-fuzz-libfuzzer), made with
# clang (CC=clang). Seeds are read in place from ../shared/corpus, fuzz/seeds and
# tests/fuzz-regressions; the corpus each run grows is kept under $OUT/corpus/<target>
# (in --ci mode a fresh temporary one), crash, leak and timeout inputs under
# $OUT/crashes/<target>/, where $OUT defaults to <build>/fuzz-out; the script prints both.
# Exit status: 0 when every target ran clean, 1 when any crashed, leaked, timed out or ran out
# of memory (its artifact path is printed), 64 on a usage error.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${RELMIG_SHARED_DIR:-$ROOT/../shared}
BUILD=${RELMIG_FUZZ_BUILD:-$ROOT/build-fuzz-libfuzzer}
OUT=${RELMIG_FUZZ_OUT:-$BUILD/fuzz-out}
ALL_TARGETS=(prisma_parse cerial_parse graph_prisma graph_cerial dburl migrations lite_ddl
    lite_btree)

seconds=14400
jobs=2
ci=0
build_only=0
no_build=0
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
    --ci) ci=1; seconds=25 ;;
    --seconds) [ $# -ge 2 ] || { echo "fuzz.sh: --seconds needs a value" >&2; exit 64; }
        seconds=$2; shift ;;
    --jobs) [ $# -ge 2 ] || { echo "fuzz.sh: --jobs needs a value" >&2; exit 64; }
        jobs=$2; shift ;;
    --build-only) build_only=1 ;;
    --no-build) no_build=1 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; exit 64 ;;
    *) targets+=("$1") ;;
    esac
    shift
done
[ ${#targets[@]} -gt 0 ] || targets=("${ALL_TARGETS[@]}")
for t in "${targets[@]}"; do
    case " ${ALL_TARGETS[*]} " in
    *" $t "*) ;;
    *) echo "fuzz.sh: unknown target $t (known: ${ALL_TARGETS[*]})" >&2; exit 64 ;;
    esac
done
case "$seconds$jobs" in
*[!0-9]*) echo "fuzz.sh: --seconds and --jobs take whole numbers" >&2; exit 64 ;;
esac

# Build. Tests are off: they are built and run by the normal and sanitizer builds.
CC=${CC:-clang}
if ! command -v "$CC" >/dev/null; then
    echo "fuzz.sh: $CC not found (libFuzzer needs clang and libclang-rt-14-dev)" >&2
    exit 1
fi
t0=$(date +%s)
mkdir -p "$BUILD"
[ "$no_build" = 1 ] || CC=$CC cmake -S "$ROOT" -B "$BUILD" -DRELMIG_FUZZ=ON -DRELMIG_BUILD_TESTS=OFF \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$BUILD/fuzz-configure.log" 2>&1 ||
    { cat "$BUILD/fuzz-configure.log" >&2; exit 1; }
[ "$no_build" = 1 ] || nice cmake --build "$BUILD" -j2 --target fuzz_all >"$BUILD/fuzz-build.log" 2>&1 ||
    { tail -40 "$BUILD/fuzz-build.log" >&2; exit 1; }
echo "fuzz.sh: built in $(($(date +%s) - t0)) s: $BUILD/fuzz"
[ "$build_only" = 0 ] || exit 0

if [ "$ci" = 1 ]; then
    OUT=$(mktemp -d "${TMPDIR:-/tmp}/relmig-fuzz.XXXXXX")
fi
mkdir -p "$OUT"
echo "fuzz.sh: corpus and crash inputs under $OUT (crashes in $OUT/crashes/<target>/)"

# Seeds (directories, read recursively and in place) and dictionary of each target.
seeds_of() {
    local reg=$ROOT/tests/fuzz-regressions/$1
    [ -d "$reg" ] && echo "$reg"
    case "$1" in
    prisma_parse|graph_prisma) echo "$SHARED/corpus/prisma $SHARED/corpus/real-schemas" ;;
    cerial_parse|graph_cerial) echo "$SHARED/corpus/cerial" ;;
    dburl) echo "$ROOT/fuzz/seeds/dburl" ;;
    migrations) echo "$ROOT/fuzz/seeds/migrations" ;;
    lite_ddl) echo "$ROOT/fuzz/seeds/lite_ddl" ;;
    lite_btree) echo "$ROOT/fuzz/seeds/lite_btree" ;;
    esac
}
dict_of() {
    case "$1" in
    prisma_parse|graph_prisma) echo prisma ;;
    cerial_parse|graph_cerial) echo cerial ;;
    *) echo "$1" ;;
    esac
}

# One target: libFuzzer with a per-input timeout of 10 s and 2 GB of memory; max_len keeps the
# big real schemas from making every mutation slow (they are still loaded, truncated).
run_one() {
    local t=$1 log=$OUT/$1.log
    mkdir -p "$OUT/corpus/$t" "$OUT/crashes/$t"
    local seeds
    seeds=$(seeds_of "$t" | tr '\n' ' ')
    # shellcheck disable=SC2086 # seeds is a list of directories without blanks
    nice "$BUILD/fuzz/fuzz_$t" "$OUT/corpus/$t" $seeds \
        -dict="$ROOT/fuzz/$(dict_of "$t").dict" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -max_len=32768 -print_final_stats=1 \
        -artifact_prefix="$OUT/crashes/$t/" >"$log" 2>&1
}

# Summary line of one finished target from its log: executions, exec/s, coverage, features.
report() {
    local t=$1 rc=$2 log=$OUT/$1.log
    local execs rate cov ft rss
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
    cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | cut -d' ' -f2 || true)
    ft=$(grep -oE 'ft: [0-9]+' "$log" | tail -1 | cut -d' ' -f2 || true)
    if [ "$rc" = 0 ]; then
        printf '%-14s ok     execs %-10s exec/s %-7s cov %-6s ft %-7s rss %s MB\n' \
            "$t" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${rss:-?}"
    else
        printf '%-14s FAILED (exit %s) execs %s cov %s; log %s\n' "$t" "$rc" "${execs:-?}" \
            "${cov:-?}" "$log"
        grep -E '^==[0-9]+==ERROR|^SUMMARY|Test unit written to|ALARM|out-of-memory|leak' \
            "$log" | head -8 | sed 's/^/    /' || true
    fi
}

failed=0
pids=()
names=()
finish_one() {
    # Wait for the oldest running target and report it.
    local rc=0
    wait "${pids[0]}" || rc=$?
    report "${names[0]}" "$rc"
    [ "$rc" = 0 ] || failed=1
    pids=("${pids[@]:1}")
    names=("${names[@]:1}")
}
t1=$(date +%s)
for t in "${targets[@]}"; do
    while [ ${#pids[@]} -ge "$jobs" ]; do finish_one; done
    run_one "$t" &
    pids+=($!)
    names+=("$t")
done
while [ ${#pids[@]} -gt 0 ]; do finish_one; done
echo "fuzz.sh: ${#targets[@]} targets, ${seconds} s each, $jobs at a time: $(($(date +%s) - t1)) s wall"
if [ "$failed" != 0 ]; then
    echo "fuzz.sh: FAILED; inputs under $OUT/crashes/ (replay: $BUILD/fuzz/fuzz_<target> FILE)" >&2
    exit 1
fi
if [ "$ci" = 1 ]; then
    rm -rf "$OUT"
fi
