# bench_common.sh: what the shell benchmarks (bench_apply.sh, bench_introspect.sh) share, sourced
# after their own option parsing. Sets HERE, REPO, SHARED, RELMIG (the binary to time: $RELMIG,
# else build-bench/relmig, else build/relmig), puts the oracle's bin (Prisma's engines) first on
# PATH, and defines say, url_with_db, my_args, median (of numbers on stdin) and col (column C of
# $WORK/NAME.times, the "wall cpu" lines a script's timed() appends). Not for: running anything
# by itself.

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(dirname "$HERE")
SHARED=$(dirname "$REPO")/shared
if [ -z "${RELMIG:-}" ]; then
    RELMIG=$REPO/build-bench/relmig
    [ -x "$RELMIG" ] || RELMIG=$REPO/build/relmig
fi
ORACLE=${RELMIG_ORACLE_HOME:-$HOME/.cache/relmig-oracle}
export PATH=$ORACLE/bin:$PATH

say() { printf '%s\n' "$*" >&2; }

url_with_db() { # URL DB -> the same URL naming database DB
    local base=${1%%\?*} query=""
    [ "$base" != "$1" ] && query="?${1#*\?}"
    printf '%s/%s%s' "${base%/*}" "$2" "$query"
}

# mysql://user:pw@host:port/db -> MY_USER MY_PWD MY_HOST MY_PORT MY_DB, for the mariadb client
# (the password goes through MYSQL_PWD, never the command line).
my_args() {
    local rest=${1#*://} auth hp db
    auth=${rest%%@*}; hp=${rest#*@}; db=${hp#*/}; db=${db%%\?*}; hp=${hp%%/*}
    MY_USER=${auth%%:*}; MY_PWD=${auth#*:}; MY_HOST=${hp%%:*}; MY_PORT=${hp#*:}; MY_DB=$db
    [ "$MY_PORT" = "$hp" ] && MY_PORT=3306
    return 0
}

median() { sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2];
                                                else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
col() { awk -v c="$2" '{ print $c }' "$WORK/$1.times"; }
