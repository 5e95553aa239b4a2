#!/usr/bin/env bash
# End-to-end check of installing relmig: build (Release, no tests), `cmake --install` into a
# temporary prefix and use what was installed (the binary, the man page, the bash completion,
# the header + librelmig.a through pkg-config), then build the .deb with CPack and, when run as
# root, install it with apt-get, run /usr/bin/relmig and remove the package again.
#
# Usage: scripts/package-test.sh [BUILD_DIR]     (default: build-package next to this script's
#        repository). A BUILD_DIR that is already configured (CI passes build/ci after the test
#        stage) keeps its configuration and is only brought up to date, so the script then
#        takes well under a minute; a new one is configured as Release without tests.
#        Exit 0 when every step passed; the first failing step stops the script.
# Not for running the test suite (ctest) or for publishing packages.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$repo/build-package}
jobs=${JOBS:-2}
prefix=$(mktemp -d /tmp/relmig-prefix.XXXXXX)
work=$(mktemp -d /tmp/relmig-pkgtest.XXXXXX)
installed_deb=0

cleanup() {
    if [ "$installed_deb" = 1 ]; then
        apt-get remove -y relmig >/dev/null 2>&1 || true
    fi
    rm -rf "$prefix" "$work"
}
trap cleanup EXIT

step() { printf '\n== %s\n' "$*"; }
fail() { printf 'package-test: FAILED: %s\n' "$*" >&2; exit 1; }

t0=$SECONDS
if [ -e "$build/CMakeCache.txt" ]; then
    step "build ($build, existing configuration)"
    : >"$work/build.log"
else
    step "configure and build ($build)"
    cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=Release -DRELMIG_BUILD_TESTS=OFF \
        >"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "cmake configure"; }
fi
cmake --build "$build" -j"$jobs" >>"$work/build.log" 2>&1 ||
    { tail -40 "$work/build.log"; fail "build"; }
version=$(sed -n 's/^project(relmig VERSION \([0-9.]*\).*/\1/p' "$repo/CMakeLists.txt")
[ -n "$version" ] || fail "cannot read the project version from CMakeLists.txt"
echo "project version $version"

step "cmake --install into $prefix"
cmake --install "$build" --prefix "$prefix"
for f in bin/relmig lib/librelmig.a include/relmig/relmig.h lib/pkgconfig/relmig.pc \
         share/man/man1/relmig.1 share/bash-completion/completions/relmig; do
    [ -e "$prefix/$f" ] || fail "missing after install: $f"
done

step "$prefix/bin/relmig --version"
out=$("$prefix/bin/relmig" --version)
echo "$out"
case $out in
    "relmig $version"*) ;;
    *) fail "relmig --version does not report $version" ;;
esac

step "man -l on the installed page"
# groff's -ww reports every warning; the page must render silently.
warnings=$(groff -ww -man -z "$prefix/share/man/man1/relmig.1" 2>&1)
[ -z "$warnings" ] || fail "groff warnings: $warnings"
MANWIDTH=80 man -l "$prefix/share/man/man1/relmig.1" 2>"$work/man.err" | col -b >"$work/man.txt"
[ -s "$work/man.err" ] && fail "man -l printed: $(cat "$work/man.err")"
grep -q "EXIT STATUS" "$work/man.txt" || fail "man -l output has no EXIT STATUS section"
# The page lists every command the binary has (the names from `relmig --help`).
commands=$("$prefix/bin/relmig" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z]*\) .*/\1/p')
[ -n "$commands" ] || fail "relmig --help lists no commands"
for c in $commands; do
    grep -q "^ *relmig $c" "$work/man.txt" || fail "man -l output does not document '$c'"
done
echo "commands documented: $(echo $commands)"
head -12 "$work/man.txt"
echo "... ($(wc -l <"$work/man.txt") lines, no warnings)"

step "bash completion from the installed file"
reply=$(bash --norc --noprofile -c 'source "$0"; COMP_WORDS=(relmig graph --format ""); COMP_CWORD=3;
    _relmig; echo "${COMPREPLY[*]}"' "$prefix/share/bash-completion/completions/relmig")
echo "relmig graph --format <TAB>: $reply"
[ "$reply" = "json mermaid dot" ] || fail "unexpected completion: $reply"

step "public header + librelmig.a through pkg-config"
cat >"$work/api.c" <<'EOF'
#include <relmig/relmig.h>
#include <stdio.h>
#include <string.h>
int main(void)
{
    static const char ok[] = "model User {\n  id Int @id\n  posts Post[]\n}\n"
                             "model Post {\n  id Int @id\n  authorId Int\n"
                             "  author User @relation(fields: [authorId], references: [id])\n}\n";
    static const char bad[] = "model X {\n  id Int @id\n  y Nope\n}\n";
    char *graph = NULL, *diags = NULL;
    if (strcmp(rm_api_version(), RELMIG_VERSION_STRING) != 0)
        return 10;
    if (rm_api_check_schema("ok.prisma", ok, strlen(ok), RM_API_FORMAT_MERMAID, &graph, &diags)
        != 0)
        return 11;
    if (!graph || !strstr(graph, "\"User\" ||--o{ \"Post\" : \"author\"") || strcmp(diags, "[]"))
        return 12;
    rm_api_free(graph);
    rm_api_free(diags);
    if (rm_api_check_schema("bad.prisma", bad, strlen(bad), RM_API_FORMAT_DOT, &graph, &diags)
        != 1)
        return 13;
    if (graph || !strstr(diags, "\"code\": \"E0202\""))
        return 14;
    printf("rm_api_version %s; valid schema -> erDiagram; invalid -> %.60s...\n",
           rm_api_version(), diags + 2);
    rm_api_free(diags);
    return 0;
}
EOF
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
echo "pkg-config --static --libs relmig: $(pkg-config --static --libs relmig)"
[ "$(pkg-config --modversion relmig)" = "$version" ] || fail "relmig.pc has the wrong version"
# shellcheck disable=SC2046
cc -std=c11 -Wall -Werror -o "$work/api" "$work/api.c" $(pkg-config --cflags relmig) \
    $(pkg-config --static --libs relmig)
"$work/api" || fail "the public API program failed (exit $?)"

step "cpack -G DEB"
(cd "$build" && rm -f relmig_*.deb && cpack -G DEB >/dev/null)
debs=("$build"/relmig_"$version"_*.deb)
deb=${debs[0]}
[ -e "$deb" ] || fail "cpack made no relmig_${version}_*.deb in $build"
echo "$deb"
dpkg-deb -f "$deb" Package Version Depends
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libpq5 libmariadb3 libsqlite3-0 libpcre2-8-0; do
    case ", $depends" in
        *", $lib"*) ;;
        *) fail "the package does not depend on $lib" ;;
    esac
done
dpkg-deb -c "$deb" | awk '{print $6}' | grep -v '/$'

if [ "$(id -u)" != 0 ]; then
    step "apt-get install ./$(basename "$deb"): skipped (run as root to test the package install)"
    echo "package-test: OK (without the .deb install)"
    exit 0
fi

step "apt-get install -y ./$(basename "$deb")"
(cd "$(dirname "$deb")" && apt-get install -y "./$(basename "$deb")" >"$work/apt.log" 2>&1) ||
    { cat "$work/apt.log"; fail "apt-get install"; }
installed_deb=1
tail -2 "$work/apt.log"
dpkg -s relmig | grep -E '^(Status|Version):'

step "/usr/bin/relmig --version"
out=$(/usr/bin/relmig --version)
echo "$out"
case $out in
    "relmig $version"*) ;;
    *) fail "/usr/bin/relmig --version does not report $version" ;;
esac

step "relmig validate on examples/blog (installed binary)"
cp -r "$repo/examples/blog" "$work/blog"
/usr/bin/relmig validate "$work/blog/schema.prisma" || fail "relmig validate exited $?"
echo "valid: examples/blog/schema.prisma"
printf 'model A {\n  id Int @id\n  b Nope\n}\n' >"$work/bad.prisma"
rc=0
/usr/bin/relmig validate "$work/bad.prisma" 2>"$work/bad.err" || rc=$?
[ "$rc" = 1 ] || fail "relmig validate on an invalid schema exited $rc, not 1"
grep -q "bad.prisma:3:" "$work/bad.err" || fail "no file:line:col in: $(cat "$work/bad.err")"
echo "invalid schema: exit 1, $(head -1 "$work/bad.err")"

step "man relmig"
[ -e /usr/share/bash-completion/completions/relmig ] || fail "completion not installed"
if man -w relmig >/dev/null 2>&1; then
    man -w relmig
    MANWIDTH=80 man relmig 2>"$work/man.err" | col -b >"$work/man.txt"
else
    # Minimal Debian images tell dpkg not to unpack manuals (path-exclude /usr/share/man/*).
    # Then the page in the package itself is rendered, so the check still tests the .deb.
    grep -rs 'path-exclude.*/usr/share/man' /etc/dpkg/dpkg.cfg.d/ ||
        fail "man cannot find the installed relmig page"
    echo "dpkg excludes /usr/share/man here; rendering the page inside the package instead"
    dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/share/man/man1/relmig.1 >"$work/deb.1" ||
        fail "the package has no usr/share/man/man1/relmig.1"
    MANWIDTH=80 man -l "$work/deb.1" 2>"$work/man.err" | col -b >"$work/man.txt"
fi
[ -s "$work/man.err" ] && fail "man printed: $(cat "$work/man.err")"
grep -q "EXIT STATUS" "$work/man.txt" || fail "man relmig has no EXIT STATUS section"
echo "man relmig: $(wc -l <"$work/man.txt") lines"

step "apt-get remove -y relmig"
apt-get remove -y relmig >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; fail "apt-get remove"; }
installed_deb=0
[ ! -e /usr/bin/relmig ] || fail "/usr/bin/relmig is still there after removal"
echo "removed; /usr/bin/relmig is gone"

echo
echo "package-test: OK ($((SECONDS - t0)) s)"
