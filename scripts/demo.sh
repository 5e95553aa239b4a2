#!/usr/bin/env bash
#
# README command (1): install what relmig needs, build it, and run a real demo on SQLite, the
# embedded default. Every line of output below comes from running relmig (and the sqlite3
# shell) for real; nothing is canned. The demo's files go to build/demo/.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
scripts/install-deps.sh build

echo "== building relmig (build/release; log in build/release.log)"
mkdir -p build
if ! { cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DRELMIG_BUILD_TESTS=OFF &&
    cmake --build build/release -j"$(nproc)"; } >build/release.log 2>&1; then
    cat build/release.log >&2
    echo "demo: the build failed (log above)" >&2
    exit 1
fi
R=build/release/relmig
D=build/demo
rm -rf "$D"
mkdir -p "$D"

say() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }
run() { say "$*"; "$@"; }

run "$R" --version

say "$R validate examples/blog/schema.prisma"
"$R" validate examples/blog/schema.prisma && echo "(valid)"

say "$R validate examples/broken/schema.prisma   # invalid on purpose"
if "$R" validate examples/broken/schema.prisma; then
    echo "demo: the broken example was accepted" >&2
    exit 1
fi

run "$R" graph examples/blog/schema.prisma --format mermaid

run "$R" diff --from empty --to examples/blog/schema.prisma -o "$D/001_init.sql"
say "sqlite3 $D/blog.db < $D/001_init.sql"
sqlite3 "$D/blog.db" <"$D/001_init.sql"
sqlite3 "$D/blog.db" "INSERT INTO User (email, name) VALUES ('ada@example.com', 'Ada');
INSERT INTO Post (title, authorId) VALUES ('Notes on the Analytical Engine', 1);"
run sqlite3 "$D/blog.db" ".tables"

# Version 2 changes a foreign key's action: SQLite cannot ALTER that, so relmig redefines the
# table (PRAGMA foreign_keys=OFF, copy, swap, foreign_key_check) and the rows survive.
run "$R" diff --from examples/blog/schema.prisma --to examples/blog-v2/schema.prisma
"$R" diff --from examples/blog/schema.prisma --to examples/blog-v2/schema.prisma -o "$D/002_v2.sql"
say "sqlite3 $D/blog.db < $D/002_v2.sql"
sqlite3 "$D/blog.db" <"$D/002_v2.sql"
run sqlite3 -header "$D/blog.db" "SELECT id, title, slug, authorId FROM Post;"

say "$R diff --from examples/blog-v2/schema.prisma --to examples/blog/schema.prisma --exit-code   # the down migration"
set +e
"$R" diff --from examples/blog-v2/schema.prisma --to examples/blog/schema.prisma --exit-code >"$D/002_v2.down.sql"
rc=$?
set -e
echo "exit code $rc (2 = there are changes); the down script is in $D/002_v2.down.sql"

printf '\nDemo done. relmig is at %s; try `%s --help`.\n' "$R" "$R"
