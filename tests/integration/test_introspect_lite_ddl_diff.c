/*
 * SQLite introspection two ways, same result: every table read by parsing its CREATE statement
 * (db/lite_ddl.c, the normal path) against every table read through the pragma queries
 * (rm_introspect_opts.lite_pragmas_only, the path the parser replaces). For each database the
 * two SQL schemas in the fixture text form (sqlschema/text.c) and the warnings (id and text)
 * must be byte-identical. So must a third reading whose sqlite_master rows come from the query
 * instead of the file's own pages (rm_introspect_opts.lite_master_query; db/lite_btree.c),
 * and the first two must have read those pages.
 *
 * The databases: Prisma's own SQLite DDL for the parity cases (tests/parity/expected, written
 * by prisma migrate diff), relmig's SQLite DDL for every real schema of the corpus and for the
 * hostile identifiers (tests/golden/hostile/sqlite.prisma), the SQLite schemas of Debian's
 * roundcube-core and mediawiki (apt-get download, as test_introspect_debian), hand-written odd
 * DDL (one row per quirk) and generated DDL (seeded random tables mixing the quirks).
 *
 * The test must not pass by sending everything to the pragmas: each row states how many
 * tables the parser may leave to them (0 for every DDL relmig or Prisma writes), and the
 * generated rows must be read mostly by the parser. Not for: whether either path is right
 * about the database (test_introspect_sqlite, test_introspect_prisma_pull) or speed
 * (bench/bench_introspect.sh).
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "db/introspect.h"
#include "db_sql.h"
#include "test_introspect_common.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *tmpdir;
static int seq;

/* ---- the comparison --------------------------------------------------------------------- */

/* The schema text and the warnings of one introspection, in one string. master_query: read
 * sqlite_master with the query instead of from the file's pages (db/lite.h); *from_file says
 * which it was. */
static char *introspect_text(rm_conn *c, bool pragmas, bool master_query, unsigned *fallback,
                             bool *from_file, rm_arena *a)
{
    rm_introspect_opts opts = {0};
    opts.lite_pragmas_only = pragmas;
    opts.lite_master_query = master_query;
    rm_sqlschema s;
    rm_diags d;
    rm_diags_init(&d);
    int rc = rm_introspect_with(&s, c, &opts, NULL, a, &d);
    for (size_t i = 0; rc != RM_OK && i < d.n; i++)
        printf("%s\n", d.items[i]->msg);
    assert_int_equal(rc, RM_OK);
    rm_sb sb = RM_SB_INIT;
    rm_sqlschema_print_text(&sb, &s);
    for (size_t i = 0; i < d.n; i++)
        rm_sb_appendf(&sb, "warning %u: %s\n", d.items[i]->id, d.items[i]->msg);
    char *out = rm_arena_strdup(a, rm_sb_str(&sb));
    rm_sb_free(&sb);
    rm_diags_free(&d);
    *fallback = opts.lite_fallback;
    *from_file = opts.lite_master_from_file;
    if (!master_query && !opts.lite_master_from_file)
        printf("sqlite_master not read from the file: %s\n", opts.lite_master_why);
    return out;
}

/* Compare both paths on c; returns how many tables the parser left to the pragmas. */
static unsigned compare(rm_conn *c, const char *name, rm_arena *a)
{
    unsigned fb_parsed, fb_pragmas, fb_query;
    bool file_parsed, file_pragmas, file_query;
    char *parsed = introspect_text(c, false, false, &fb_parsed, &file_parsed, a);
    char *pragmas = introspect_text(c, true, false, &fb_pragmas, &file_pragmas, a);
    /* sqlite_master by the query: the reference for the direct read of the file's pages. */
    char *query = introspect_text(c, false, true, &fb_query, &file_query, a);
    if (strcmp(parsed, pragmas) != 0) {
        printf("%s: the parsed and the pragma schemas differ ", name);
        rm_intro_dump("parsed.txt", parsed, "pragmas.txt", pragmas, NULL);
    }
    assert_string_equal(parsed, pragmas);
    if (strcmp(parsed, query) != 0) {
        printf("%s: sqlite_master from the file and from the query differ ", name);
        rm_intro_dump("from_file.txt", parsed, "from_query.txt", query, NULL);
    }
    assert_string_equal(parsed, query);
    /* Every database here is a file in rollback-journal mode: the direct read must be used. */
    assert_true(file_parsed && file_pragmas);
    assert_false(file_query);
    assert_int_equal(fb_query, fb_parsed);
    printf("%s: identical (%zu bytes), %u of %u tables through the pragmas\n", name, strlen(parsed),
           fb_parsed, fb_pragmas);
    return fb_parsed;
}

static rm_conn *fresh_db(rm_arena *a)
{
    return rm_test_connect_ok(
        rm_arena_sprintf(a, "sqlite:%s/introslite_%ld_%d.db", tmpdir, (long)getpid(), seq++));
}

/* ---- rows: files ------------------------------------------------------------------------ */

typedef enum src_kind { SRC_SQL_FILE, SRC_SCHEMA, SRC_DEBIAN } src_kind;

typedef struct file_row {
    char name[200];
    char path[1200];
    src_kind kind;
    const char *package; /* SRC_DEBIAN */
} file_row;

#define MAX_FILES 160
static file_row files[MAX_FILES];
static size_t nfiles;

static void add_files(const char *dir, const char *ext, const char *exclude, src_kind kind,
                      const char *prefix)
{
    char *names[128];
    size_t n = rm_test_list_files(names, 128, dir, ext, exclude);
    for (size_t i = 0; i < n && nfiles < MAX_FILES; i++, nfiles++) {
        snprintf(files[nfiles].name, sizeof files[0].name, "%s/%s", prefix, names[i]);
        snprintf(files[nfiles].path, sizeof files[0].path, "%s/%s", dir, names[i]);
        files[nfiles].kind = kind;
    }
    rm_test_free_names(names, n);
}

static void run_file(void **state)
{
    const file_row *r = *state;
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_conn *c = fresh_db(&a);
    if (r->kind == SRC_SCHEMA) {
        rm_sources srcs;
        rm_sources_init(&srcs);
        size_t len;
        char *text = rm_test_read_file(r->path, &len);
        assert_non_null(text);
        rm_sources_add(&srcs, r->name, text, len);
        free(text);
        rm_diags d;
        rm_diags_init(&d);
        rm_graph *g = NULL;
        rm_sqlschema want;
        bool lowered = rm_schema_build(&g, &srcs, &a, &d) == RM_OK && !d.nerrors &&
                       rm_sqlschema_lower(&want, g, &rm_dialect_sqlite, NULL, &a, &d) == RM_OK;
        rm_diags_free(&d);
        rm_sources_free(&srcs);
        if (!lowered) {
            /* Not expressible on SQLite (scalar lists, ...): test_introspect_sqlite covers
             * the diagnostics; there is no database to compare. */
            printf("%s: not expressible on SQLite, no database\n", r->name);
            rm_db_close(c);
            rm_arena_free(&a);
            skip();
        }
        assert_true(rm_intro_apply(c, &want, &rm_dialect_sqlite, &a));
    } else {
        char *sql = r->kind == SRC_DEBIAN ? rm_intro_debian_sql(tmpdir, r->package, r->path)
                                          : rm_test_read_file(r->path, NULL);
        assert_non_null(sql);
        rm_test_exec_ok(c, sql);
        free(sql);
    }
    /* Every table relmig, Prisma, roundcube or mediawiki writes is read by the parser. */
    assert_int_equal(compare(c, r->name, &a), 0);
    rm_db_close(c);
    rm_arena_free(&a);
}

/* ---- rows: odd DDL ---------------------------------------------------------------------- */

typedef struct odd_row {
    const char *name;
    const char *sql;
    unsigned fallback; /* tables the parser must leave to the pragmas (and no more) */
} odd_row;

static const odd_row odd[] = {
    {"quoted_names",
     "CREATE TABLE \"my table\" (\"select\" INTEGER PRIMARY KEY, \"a\"\"b\" TEXT NOT NULL "
     "DEFAULT 'it''s', [c d] varchar(10), `e``f` REAL, 'single' TEXT, \"'x'\" INT);"
     "CREATE INDEX \"i x\" ON \"my table\" (\"a\"\"b\", [c d]);"
     "CREATE UNIQUE INDEX IF NOT EXISTS main.\"u;x\" ON \"my table\" (\"SELECT\");",
     0},
    {"keyword_names",
     "CREATE TABLE key (replace TEXT, desc INT, asc INT, \"order\" INT, key INT, match TEXT, "
     "PRIMARY KEY (key));"
     "CREATE TABLE \"group\" (id INTEGER PRIMARY KEY, \"from\" INT REFERENCES key (key));",
     0},
    {"comments",
     "CREATE TABLE t /* c */ ( -- line\n id INTEGER /* pk */ PRIMARY KEY AUTOINCREMENT, "
     "n DOUBLE /* mid */ PRECISION DEFAULT ( /* c */ 1.5 ) , m numeric(10, /* x */ 2) -- end\n"
     ", o TEXT DEFAULT /* before */ 'v' /* after */, p INT DEFAULT - /* neg */ 5 ) ;"
     "CREATE INDEX /* a */ t_n ON t /* b */ ( n /* c */ , m ) /* d */;",
     0},
    {"without_rowid",
     "CREATE TABLE w (a TEXT, b INT, c, PRIMARY KEY (b, a), UNIQUE (c)) WITHOUT ROWID;"
     "CREATE TABLE w2 (id INTEGER PRIMARY KEY, u TEXT UNIQUE) WITHOUT ROWID, STRICT;"
     "CREATE TABLE w3 (x TEXT PRIMARY KEY, y UNIQUE, z, UNIQUE (z), UNIQUE (y)) WITHOUT ROWID;",
     0},
    {"strict",
     "CREATE TABLE s (id INTEGER PRIMARY KEY, t text, a ANY, r real, b blob, i int) STRICT;", 0},
    {"constraint_names",
     "CREATE TABLE p (id INTEGER CONSTRAINT pk_p PRIMARY KEY, x TEXT CONSTRAINT u_x UNIQUE "
     "CONSTRAINT nn NOT NULL, CONSTRAINT ck CHECK (x <> ''), CONSTRAINT u2 UNIQUE (x, id) "
     "CONSTRAINT u3 UNIQUE (id, x));",
     0},
    {"default_expressions",
     "CREATE TABLE d (a TEXT DEFAULT (lower('X')), b INT DEFAULT -1, c REAL DEFAULT +2.5, "
     "e DEFAULT (datetime('now')), f DEFAULT CURRENT_TIMESTAMP, g DEFAULT TRUE, "
     "h BOOLEAN DEFAULT false, i DEFAULT NULL, j DEFAULT x'00ff', k DEFAULT \"dq\", "
     "l DEFAULT - 5, m DEFAULT (NULL), n DEFAULT ((1) + (2)), o DEFAULT 0x1F, p DEFAULT 1e3, "
     "q DEFAULT current_date, r DEFAULT ( 'a' || ')' ))",
     0},
    {"foreign_keys",
     "CREATE TABLE par (a INT, b TEXT, PRIMARY KEY (a, b));"
     "CREATE TABLE chi (id INTEGER PRIMARY KEY, pa INT, pb TEXT, "
     "q INT REFERENCES \"par\" MATCH SIMPLE ON UPDATE NO ACTION, "
     "r INT CONSTRAINT fr REFERENCES chi (id) ON DELETE SET DEFAULT NOT DEFERRABLE, "
     "FOREIGN KEY (pa, pb) REFERENCES par (a, b) ON DELETE CASCADE ON UPDATE SET NULL, "
     "CONSTRAINT fk2 FOREIGN KEY (PA, Pb) REFERENCES par ON DELETE RESTRICT DEFERRABLE "
     "INITIALLY DEFERRED FOREIGN KEY (r) REFERENCES missing (z) ON INSERT CASCADE);",
     0},
    {"desc_index", "CREATE TABLE x (a, b); CREATE INDEX x_ab ON x (a DESC, b);", 1},
    {"desc_unique", "CREATE TABLE x (a, b, UNIQUE (a, b DESC));", 1},
    {"partial_and_expression_indexes",
     "CREATE TABLE y (a TEXT, b INT);"
     "CREATE UNIQUE INDEX y_a ON y (a) WHERE b > 0 AND a <> 'WHERE';"
     "CREATE INDEX y_lower ON y (lower(a));"
     "CREATE INDEX y_mix ON y (b, a COLLATE NOCASE ASC);"
     "CREATE INDEX y_expr2 ON y (b + 1, a);",
     0},
    {"generated_columns",
     "CREATE TABLE g (a INT, b INT GENERATED ALWAYS AS (a * 2) STORED, c AS (a + 1));"
     "CREATE TABLE plain (a INT);",
     1},
    {"virtual_table", "CREATE VIRTUAL TABLE ft USING fts5(body, title);", 1},
    {"collation_dedup",
     "CREATE TABLE c (id integer primary key unique, u text unique collate nocase, "
     "w text collate nocase unique, unique (u), unique (u collate binary), unique (w));",
     0},
    {"pk_takes_unique", "CREATE TABLE pu (a TEXT UNIQUE, b UNIQUE, c, PRIMARY KEY (a));", 0},
    {"unique_after_pk", "CREATE TABLE up (a TEXT PRIMARY KEY UNIQUE, b INT UNIQUE UNIQUE);", 0},
    {"alter_table",
     "CREATE TABLE al (id INTEGER PRIMARY KEY);"
     "ALTER TABLE al ADD COLUMN ref INT REFERENCES al (id) ON DELETE SET NULL;"
     "ALTER TABLE al ADD COLUMN \"x y\" TEXT NOT NULL DEFAULT 'q';"
     "CREATE TABLE r1 (a TEXT UNIQUE, b INT);"
     "ALTER TABLE r1 RENAME TO \"r 2\";"
     "ALTER TABLE \"r 2\" RENAME COLUMN a TO \"b c\";"
     "ALTER TABLE \"r 2\" DROP COLUMN b;",
     0},
    {"types",
     "CREATE TABLE ty (a UNSIGNED BIG INT, b VARYING CHARACTER(255), d NATIVE CHARACTER ( 70 ), "
     "e DECIMAL(10,5), f int, g Integer PRIMARY KEY, h datetime, i varchar_always_generatedalways,"
     " j TEXT(+10), k DOUBLE(-1, 2), l, m BLOB, n jsonb, o timestamp(3));",
     0},
    {"quoted_type", "CREATE TABLE tq (c \"quoted type\", d INT);", 1},
    {"integer_pk_desc", "CREATE TABLE ipd (id INTEGER PRIMARY KEY DESC, v TEXT);", 1},
    {"without_rowid_unique_pk",
     "CREATE TABLE wu (id INTEGER PRIMARY KEY, UNIQUE (id)) WITHOUT ROWID;", 1},
    {"create_as_select",
     "CREATE TABLE src (a INT, b TEXT); CREATE TABLE ct AS SELECT a, b AS \"b c\", 1.5 AS r "
     "FROM src;",
     0},
    {"views_triggers_checks",
     "CREATE TABLE x (a INT CHECK (a > 0), b TEXT, CHECK (b IS NOT NULL));"
     "CREATE VIEW v AS SELECT a FROM x;"
     "CREATE TRIGGER tr AFTER INSERT ON x BEGIN SELECT 1; END;",
     0},
    {"case_insensitive_columns",
     "CREATE TABLE ci (Alpha INT, beta TEXT, UNIQUE (ALPHA, Beta), PRIMARY KEY (BETA));"
     "CREATE INDEX ci_i ON CI (BETA, alpha);",
     0},
    {"string_and_parenthesised_index_keys",
     "CREATE TABLE ri (a INT, b); CREATE INDEX ri_s ON ri ('a');"
     "CREATE INDEX ri_t ON ri (\"b\" COLLATE nocase, (a));",
     1},
    {"prisma_migrations_and_sequence",
     "CREATE TABLE \"_prisma_migrations\" (id TEXT PRIMARY KEY NOT NULL, checksum TEXT);"
     "CREATE TABLE auto (id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT);"
     "INSERT INTO auto (v) VALUES ('x');",
     0},
    {"conflict_clauses",
     "CREATE TABLE cc (a INT NOT NULL ON CONFLICT IGNORE, b INT UNIQUE ON CONFLICT REPLACE, "
     "c INT PRIMARY KEY ASC ON CONFLICT ABORT, UNIQUE (a, b) ON CONFLICT FAIL, "
     "CHECK (a > 0) ON CONFLICT ROLLBACK);",
     0},
    {"composite_pk_order", "CREATE TABLE cpk (a, b, c, PRIMARY KEY (c, a));", 0},
    {"no_tables", "", 0},
};

static void run_odd(void **state)
{
    const odd_row *r = *state;
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_conn *c = fresh_db(&a);
    if (r->sql[0])
        rm_test_exec_ok(c, r->sql);
    assert_int_equal(compare(c, r->name, &a), r->fallback);
    rm_db_close(c);
    rm_arena_free(&a);
}

/* ---- rows: generated DDL ---------------------------------------------------------------- */

static uint64_t rng_state;

static unsigned rnd(unsigned n)
{
    rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)((rng_state >> 33) % n);
}

static const char *pick(const char *const *v, size_t n)
{
    return v[rnd((unsigned)n)];
}

#define PICK(v) pick((v), sizeof(v) / sizeof((v)[0]))

static const char *const gen_names[] = {
    "id",    "\"Name\"",   "[with space]", "`back``tick`", "\"q\"\"uote\"", "\"select\"",
    "key",   "\"-- x\"",   "\"/* y */\"",  "zeta",         "\"ünï\"",       "\"a;b\"",
    "Alpha", "\"ALPHA2\"", "replace",      "\"order\"",    "\"it's\"",      "_u"};
static const char *const gen_types[] = {"",
                                        "INTEGER",
                                        "int",
                                        "TEXT",
                                        "text",
                                        "REAL",
                                        "BLOB",
                                        "NUMERIC",
                                        "DECIMAL(10,2)",
                                        "VARCHAR(191)",
                                        "BOOLEAN",
                                        "DATETIME",
                                        "jsonb",
                                        "UNSIGNED BIG INT",
                                        "DOUBLE PRECISION",
                                        "CHAR ( 5 )",
                                        "any",
                                        "BIGINT",
                                        "timestamp(3)",
                                        "my_custom_type"};
static const char *const gen_defaults[] = {"",
                                           " DEFAULT 0",
                                           " DEFAULT -1",
                                           " DEFAULT +2.5",
                                           " DEFAULT 'x''y'",
                                           " DEFAULT (1 + 2)",
                                           " DEFAULT CURRENT_TIMESTAMP",
                                           " DEFAULT true",
                                           " DEFAULT NULL",
                                           " DEFAULT (lower('A'))",
                                           " DEFAULT x'ab'",
                                           " DEFAULT /* c */ 7"};
static const char *const gen_collations[] = {
    "", "", "", " COLLATE NOCASE", " COLLATE binary", " COLLATE RTRIM"};
static const char *const gen_actions[] = {"",
                                          " ON DELETE CASCADE",
                                          " ON UPDATE SET NULL",
                                          " ON DELETE SET DEFAULT ON UPDATE RESTRICT",
                                          " ON DELETE NO ACTION",
                                          " MATCH FULL ON DELETE CASCADE DEFERRABLE INITIALLY "
                                          "DEFERRED"};
static const char *const gen_gaps[] = {" ", " ", " ", "\n  ", " /* gap */ ", " -- gap\n "};

typedef struct gen_table {
    char name[32];
    const char *cols[8];
    size_t ncols;
} gen_table;

/* One random CREATE TABLE (and its indexes) appended to sb; t receives its shape. */
static void gen_table_sql(rm_sb *sb, gen_table *t, const gen_table *prev, size_t nprev, int k)
{
    snprintf(t->name, sizeof t->name, rnd(3) ? "t%d" : "\"T %d\"", k);
    t->ncols = 1 + rnd(6);
    /* Distinct column names: pool entries without repetition (case-insensitive duplicates
     * such as Alpha / "ALPHA2" are distinct names). */
    size_t used = 0;
    for (size_t i = 0; i < t->ncols; i++) {
        const char *nm;
        do {
            nm = PICK(gen_names);
            for (used = 0; used < i && strcmp(t->cols[used], nm) != 0; used++)
                ;
        } while (used < i);
        t->cols[i] = nm;
    }
    bool strict = rnd(8) == 0, without = rnd(6) == 0;
    int pk_col = without || rnd(2) ? (int)rnd((unsigned)t->ncols) : -1;
    bool table_pk = pk_col >= 0 && rnd(3) == 0;
    rm_sb_appendf(sb, "CREATE TABLE%s%s (", PICK(gen_gaps), t->name);
    for (size_t i = 0; i < t->ncols; i++) {
        const char *ty = strict ? (rnd(2) ? "INTEGER" : "TEXT") : PICK(gen_types);
        if (without && (int)i == pk_col && !ty[0])
            ty = "TEXT";
        rm_sb_appendf(sb, "%s%s%s %s", i ? "," : "", PICK(gen_gaps), t->cols[i], ty);
        if (rnd(3) == 0)
            rm_sb_puts(sb, " NOT NULL");
        if (!strict || rnd(2))
            rm_sb_puts(sb, PICK(gen_defaults));
        if ((int)i == pk_col && !table_pk)
            rm_sb_appendf(sb, " PRIMARY KEY%s",
                          rnd(4) == 0 && !strcmp(ty, "INTEGER") && !without ? " AUTOINCREMENT"
                                                                            : "");
        if (rnd(5) == 0)
            rm_sb_puts(sb, " UNIQUE");
        rm_sb_puts(sb, PICK(gen_collations));
        if (rnd(7) == 0)
            rm_sb_puts(sb, " CHECK (length(1) > 0)");
        if (nprev && rnd(5) == 0) {
            const gen_table *p = &prev[rnd((unsigned)nprev)];
            rm_sb_appendf(sb, " REFERENCES %s (%s)%s", p->name, p->cols[0], PICK(gen_actions));
        }
    }
    if (table_pk && t->ncols > 1 && rnd(2))
        rm_sb_appendf(sb, ", PRIMARY KEY (%s, %s)", t->cols[pk_col],
                      t->cols[((size_t)pk_col + 1) % t->ncols]);
    else if (table_pk)
        rm_sb_appendf(sb, ", PRIMARY KEY (%s)", t->cols[pk_col]);
    if (t->ncols > 1 && rnd(3) == 0)
        rm_sb_appendf(sb, ",%sCONSTRAINT \"u %d\" UNIQUE (%s%s, %s)", PICK(gen_gaps), k, t->cols[1],
                      PICK(gen_collations), t->cols[0]);
    if (nprev && rnd(3) == 0) {
        const gen_table *p = &prev[rnd((unsigned)nprev)];
        if (p->ncols >= 2 && t->ncols >= 2)
            rm_sb_appendf(sb, ", FOREIGN KEY (%s, %s) REFERENCES %s%s", t->cols[0], t->cols[1],
                          p->name, PICK(gen_actions));
    }
    rm_sb_appendf(sb, ")%s%s;\n", without ? " WITHOUT ROWID" : "",
                  strict ? (without ? ", STRICT" : " STRICT") : "");
    unsigned nidx = rnd(3);
    for (unsigned i = 0; i < nidx; i++) {
        const char *col = t->cols[rnd((unsigned)t->ncols)];
        switch (rnd(6)) {
        case 0:
            rm_sb_appendf(sb, "CREATE UNIQUE INDEX \"ix %d %u\" ON %s (%s);\n", k, i, t->name, col);
            break;
        case 1:
            rm_sb_appendf(sb, "CREATE INDEX ix_%d_%u ON %s (%s%s) WHERE %s IS NOT NULL;\n", k, i,
                          t->name, col, PICK(gen_collations), col);
            break;
        case 2:
            rm_sb_appendf(sb, "CREATE INDEX ix_%d_%u ON %s (lower(%s), %s);\n", k, i, t->name, col,
                          col);
            break;
        case 3:
            rm_sb_appendf(sb, "CREATE INDEX ix_%d_%u ON %s (%s DESC);\n", k, i, t->name, col);
            break;
        default:
            rm_sb_appendf(sb, "CREATE INDEX%six_%d_%u ON %s (%s ASC, %s);\n", PICK(gen_gaps), k, i,
                          t->name, col, t->cols[0]);
            break;
        }
    }
}

typedef struct gen_row {
    char name[32];
    uint64_t seed;
} gen_row;

#define NGEN 12
static gen_row gens[NGEN];

static void run_generated(void **state)
{
    const gen_row *r = *state;
    rng_state = r->seed;
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_conn *c = fresh_db(&a);
    gen_table tabs[40];
    size_t ntabs = 0;
    unsigned created = 0;
    for (int k = 0; k < 40; k++) {
        rm_sb sb = RM_SB_INIT;
        gen_table_sql(&sb, &tabs[ntabs], tabs, ntabs, k);
        /* Random text may break a rule SQLite enforces (STRICT types, WITHOUT ROWID keys):
         * such a table is not created; the statements run one table at a time. */
        rm_dberr err;
        rm_dberr_clear(&err);
        if (rm_db_exec(c, "SAVEPOINT g", &err) == RM_OK &&
            rm_db_exec(c, rm_sb_str(&sb), &err) == RM_OK) {
            rm_db_exec(c, "RELEASE g", &err);
            ntabs++;
            created++;
        } else {
            rm_dberr_clear(&err);
            rm_db_exec(c, "ROLLBACK TO g", &err);
            rm_db_exec(c, "RELEASE g", &err);
        }
        rm_sb_free(&sb);
    }
    unsigned fb = compare(c, r->name, &a);
    printf("%s: %u tables created, %u through the pragmas\n", r->name, created, fb);
    /* DESC indexes (about one table in six) go to the pragmas; the parser reads the rest. */
    assert_true(created >= 20);
    assert_true(fb * 2 < created);
    rm_db_close(c);
    rm_arena_free(&a);
}

int main(void)
{
    tmpdir = rm_test_mkdtemp();
    assert_non_null(tmpdir);
    add_files(RELMIG_SOURCE_DIR "/tests/parity/expected", ".sqlite.sql", NULL, SRC_SQL_FILE,
              "prisma_ddl");
    add_files(RELMIG_SHARED_DIR "/corpus/real-schemas", ".prisma", ".result.", SRC_SCHEMA,
              "relmig_ddl");
    add_files(RELMIG_SOURCE_DIR "/tests/golden/hostile", "sqlite.prisma", NULL, SRC_SCHEMA,
              "hostile");
    static const struct {
        const char *name, *package, *file;
    } debian[] = {
        {"debian/roundcube_sqlite", "roundcube-core", "usr/share/roundcube/SQL/sqlite.initial.sql"},
        {"debian/mediawiki_sqlite", "mediawiki",
         "usr/share/mediawiki/maintenance/sqlite/tables-generated.sql"},
    };
    for (size_t i = 0; i < RM_ARRAY_LEN(debian) && nfiles < MAX_FILES; i++, nfiles++) {
        snprintf(files[nfiles].name, sizeof files[0].name, "%s", debian[i].name);
        snprintf(files[nfiles].path, sizeof files[0].path, "%s", debian[i].file);
        files[nfiles].kind = SRC_DEBIAN;
        files[nfiles].package = debian[i].package;
    }
    for (size_t i = 0; i < NGEN; i++) {
        snprintf(gens[i].name, sizeof gens[i].name, "generated/seed_%zu", i + 1);
        gens[i].seed = 0x9e3779b97f4a7c15ULL * (i + 1);
    }

    struct CMUnitTest tests[MAX_FILES + RM_ARRAY_LEN(odd) + NGEN];
    size_t n = 0;
    for (size_t i = 0; i < nfiles; i++)
        tests[n++] = (struct CMUnitTest){files[i].name, run_file, NULL, NULL, &files[i]};
    for (size_t i = 0; i < RM_ARRAY_LEN(odd); i++)
        tests[n++] = (struct CMUnitTest){odd[i].name, run_odd, NULL, NULL, (void *)&odd[i]};
    for (size_t i = 0; i < NGEN; i++)
        tests[n++] = (struct CMUnitTest){gens[i].name, run_generated, NULL, NULL, &gens[i]};
    int rc = _cmocka_run_group_tests("introspect_lite_ddl_diff", tests, n, NULL, NULL);
    rm_test_rmtree(tmpdir);
    free(tmpdir);
    return rc;
}
