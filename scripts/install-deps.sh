#!/usr/bin/env bash
#
# Install the Debian packages relmig needs, when missing:
#   scripts/install-deps.sh build   compiler, CMake, client libraries, sqlite3 (the demo)
#   scripts/install-deps.sh test    the above plus PostgreSQL, MariaDB, valgrind, man-db, clang +
#                                   libFuzzer (fuzz step), Graphviz (the SVG diagram tests)
# Uses sudo when not root. Keeps the server packages from starting their own services (the
# tests run private servers on other ports). RELMIG_SKIP_APT=1 skips everything.
set -uo pipefail

BUILD=(build-essential cmake pkg-config libpq-dev libmariadb-dev libsqlite3-dev libpcre2-dev
    libcmocka-dev sqlite3)
TEST=(postgresql mariadb-server valgrind man-db clang libclang-rt-14-dev graphviz)

case "${1:-}" in
build) PACKAGES=("${BUILD[@]}") ;;
test) PACKAGES=("${BUILD[@]}" "${TEST[@]}") ;;
*)
    echo "usage: $0 build|test" >&2
    exit 64
    ;;
esac

[ "${RELMIG_SKIP_APT:-}" = 1 ] && exit 0
if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    echo "install-deps: not a Debian-like system; make sure these are installed: ${PACKAGES[*]}"
    exit 0
fi
missing=()
for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
        missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all packages present"
    exit 0
fi
sudo=""
if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        sudo=sudo
    else
        echo "install-deps: missing ${missing[*]} and not root (no sudo)" >&2
        exit 1
    fi
fi
echo "install-deps: installing ${missing[*]}"
# policy-rc.d exit 101 = "not allowed", honoured by invoke-rc.d: no default-port services.
policy_added=0
if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null &&
        $sudo chmod +x /usr/sbin/policy-rc.d && policy_added=1
fi
rc=0
$sudo apt-get update -q || rc=$?
if [ $rc -eq 0 ]; then
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        "${missing[@]}" || rc=$?
fi
[ $policy_added = 1 ] && $sudo rm -f /usr/sbin/policy-rc.d
exit $rc
