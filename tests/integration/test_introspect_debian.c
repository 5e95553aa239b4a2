/*
 * Real databases nobody here wrote: the SQL schemas shipped in the Debian packages
 * roundcube-core (SQL/{sqlite,postgres,mysql}.initial.sql) and mediawiki
 * (maintenance/{sqlite,postgres}/tables-generated.sql, maintenance/tables-generated.sql for
 * MySQL), fetched at test time with `apt-get download` and `dpkg -x` into a temporary folder.
 *
 * One row per (package, database): the script is loaded into a fresh database (MediaWiki's
 * table-prefix and table-options placeholder comments removed), introspected (A),
 * raised and printed as Prisma text, which must parse without error; that schema is lowered
 * and created by relmig in a second fresh database, which is introspected again (B); A and B
 * must diff empty, or differ by exactly the known count listed with its reason (and
 * docs/conformance.md). Warnings (what the schema cannot hold) are counted and printed.
 *
 * The server rows need RELMIG_TEST_PG_URL / RELMIG_TEST_MYSQL_URL; without them those rows
 * are skipped. Without apt-get (or its network) the whole test is skipped (77) unless
 * RELMIG_REQUIRE_SERVERS=1.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "db/introspect.h"
#include "diff/diff.h"
#include "model/print.h"
#include "model/schema.h"
#include "sqlschema/lower.h"
#include "sqlschema/raise.h"
#include "sqlschema/text.h"
#include "test_introspect_common.h"
#include "testutil.h"
#include "util/diag_render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *tmpdir;

typedef struct row {
    const char *name;
    const char *package; /* Debian package */
    const char *file;    /* path inside the package */
    const char *kind;    /* "sqlite", "postgresql", "mysql" */
    size_t known;        /* known number of changes between A and B */
    const char *why;
} row;

static const row rows[] = {
    {"roundcube_sqlite", "roundcube-core", "usr/share/roundcube/SQL/sqlite.initial.sql",
     "sqlite", 1, "table dictionary has no primary key or unique index over required columns: "
                  "@@ignore, and relmig's lowering creates no table for an @@ignore'd model"},
    {"roundcube_postgres", "roundcube-core", "usr/share/roundcube/SQL/postgres.initial.sql",
     "postgresql", 8,
     "dictionary is @@ignore'd (no table, so its table and FK: 2 changes); 3 UNIQUE "
     "constraints come back as CREATE UNIQUE INDEX, as Prisma creates them (drop + create: 6)"},
    {"roundcube_mysql", "roundcube-core", "usr/share/roundcube/SQL/mysql.initial.sql", "mysql",
     0, NULL},
    {"mediawiki_sqlite", "mediawiki", "usr/share/mediawiki/maintenance/sqlite/tables-generated.sql",
     "sqlite", 9,
     "4 @@ignore'd tables get no table; 5 tables keyed by one integer column that is not a rowid "
     "alias (INTEGER UNSIGNED, no AUTOINCREMENT) are re-created as INTEGER PRIMARY KEY "
     "AUTOINCREMENT, Prisma's SQLite rendering of every single Int id"},
    {"mediawiki_postgres", "mediawiki",
     "usr/share/mediawiki/maintenance/postgres/tables-generated.sql", "postgresql", 4,
     "4 @@ignore'd tables (no primary key) get no table from relmig's lowering"},
    {"mediawiki_mysql", "mediawiki", "usr/share/mediawiki/maintenance/tables-generated.sql",
     "mysql", 47,
     "4 @@ignore'd tables get no table; 43 binary columns' DEFAULT '' are not written back, "
     "because Prisma's MySQL rendering never writes binary defaults (prisma.md 3.4)"},
};

static int seq;

/* A fresh database of kind; *url receives its URL (in a). NULL when the server is not set. */
static rm_conn *fresh(const char *kind, rm_arena *a, const char **url)
{
    rm_dberr err;
    rm_dberr_clear(&err);
    char name[64];
    snprintf(name, sizeof name, "rmi_deb_%ld_%d", (long)getpid(), seq++);
    const char *u = NULL;
    if (strcmp(kind, "sqlite") == 0) {
        u = rm_arena_sprintf(a, "sqlite:%s/%s.db", tmpdir, name);
    } else {
        const char *base = getenv(strcmp(kind, "mysql") == 0 ? "RELMIG_TEST_MYSQL_URL"
                                                             : "RELMIG_TEST_PG_URL");
        if (!base || !base[0])
            return NULL;
        rm_conn *admin = NULL;
        if (rm_db_connect(&admin, base, NULL, &err) != RM_OK)
            return NULL;
        char sql[256];
        if (strcmp(kind, "mysql") == 0) {
            snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s", name);
            rm_db_exec(admin, sql, &err);
            snprintf(sql, sizeof sql, "CREATE DATABASE %s", name);
            rm_db_exec(admin, sql, &err);
            rm_dburl du;
            rm_dburl_parse(&du, base, a, &err);
            du.database = name;
            u = rm_dburl_format(&du, false, a);
        } else {
            snprintf(sql, sizeof sql, "DROP SCHEMA IF EXISTS %s CASCADE; CREATE SCHEMA %s", name,
                     name);
            rm_db_exec(admin, sql, &err);
            u = rm_arena_sprintf(a, "%s%cschema=%s", base, strchr(base, '?') ? '&' : '?', name);
        }
        rm_db_close(admin);
    }
    rm_conn *c = NULL;
    if (rm_db_connect(&c, u, NULL, &err) != RM_OK) {
        printf("connect %s: %s\n", u, err.message);
        return NULL;
    }
    *url = u;
    return c;
}

/* SQLite has no native types in Prisma (prisma.md 3.3): a SQLite database's Prisma text says
 * only each column's family, so SQLite rows compare at that level. */
static void family_types_only(rm_sqlschema *s)
{
    for (size_t i = 0; i < s->ntables; i++)
        for (size_t k = 0; k < s->tables[i]->ncols; k++) {
            rm_sql_type *ty = &s->tables[i]->cols[k].type;
            if (ty->family == RM_TYPE_UNSUPPORTED)
                continue;
            bool array = ty->array;
            rm_dialect_sqlite.scalar_type(ty, ty->family);
            ty->array = array;
        }
}

static size_t changes(const rm_sqlschema *from, const rm_sqlschema *to, const rm_dialect *d,
                      rm_arena *a)
{
    rm_diags dd;
    rm_diags_init(&dd);
    rm_diff df;
    assert_int_equal(rm_diff_schemas(&df, from, to, d, a, &dd), RM_OK);
    if (df.n) {
        rm_sb sb = RM_SB_INIT;
        rm_diff_render_json(&sb, &df);
        printf("%.4000s\n", rm_sb_str(&sb));
        rm_sb_free(&sb);
        /* a one-line summary: count of each change kind (and of default-only alters) */
        size_t counts[32] = {0}, defaults = 0;
        for (size_t i = 0; i < df.n; i++) {
            counts[df.items[i].kind % 32]++;
            defaults += df.items[i].kind == RM_CHANGE_ALTER_COLUMN &&
                        df.items[i].u.column.what == RM_ALTER_DEFAULT;
        }
        printf("summary:");
        for (int k = 0; k < 32; k++)
            if (counts[k])
                printf(" %s=%zu", rm_change_kind_name((rm_change_kind)k), counts[k]);
        printf(" (default-only alters=%zu)\n", defaults);
        fflush(stdout);
    }
    rm_diags_free(&dd);
    return df.n;
}

static void print_diags(const rm_sources *srcs, rm_diags *d)
{
    rm_sb out = RM_SB_INIT;
    rm_render_opts o = {false, false};
    rm_diags_render_text(&out, srcs, d, &o);
    printf("%.6000s", rm_sb_str(&out));
    rm_sb_free(&out);
}

static void run_row(void **state)
{
    const row *r = *state;
    char *sql = rm_intro_debian_sql(tmpdir, r->package, r->file);
    assert_non_null(sql);
    rm_arena a;
    rm_arena_init(&a, 0);
    const char *url1 = NULL, *url2 = NULL;
    rm_conn *c1 = fresh(r->kind, &a, &url1);
    if (!c1) {
        printf("%s: no %s server configured; row not run\n", r->name, r->kind);
        free(sql);
        rm_arena_free(&a);
        skip();
    }
    rm_dberr err;
    rm_dberr_clear(&err);
    if (rm_db_exec(c1, sql, &err) != RM_OK)
        printf("loading %s: %s\n", r->file, err.message);
    assert_int_equal(err.kind, RM_DBERR_NONE);
    free(sql);

    const rm_dialect *d = rm_dialect_by_name(rm_db_driver(c1)->dialect);
    rm_diags w;
    rm_diags_init(&w);
    rm_sqlschema A;
    assert_int_equal(rm_introspect(&A, c1, NULL, &a, &w), RM_OK);
    rm_db_close(c1);
    rm_graph *g;
    assert_int_equal(rm_sqlschema_raise(&g, &A, d, NULL, &a, &w), RM_OK);
    printf("%s: %zu tables, %zu warnings\n", r->name, A.ntables, w.nwarnings);
    rm_sb text = RM_SB_INIT;
    rm_print_prisma(&text, g);
    rm_sources srcs;
    rm_sources_init(&srcs);
    rm_sources_add(&srcs, "introspected.prisma", rm_sb_str(&text), text.len);
    rm_diags pd;
    rm_diags_init(&pd);
    rm_graph *g2;
    rm_schema_build(&g2, &srcs, &a, &pd);
    if (pd.nerrors)
        print_diags(&srcs, &pd);
    assert_int_equal(pd.nerrors, 0);
    rm_sqlschema want;
    int rc = rm_sqlschema_lower(&want, g2, d, NULL, &a, &pd);
    if (rc != RM_OK)
        print_diags(&srcs, &pd);
    assert_int_equal(rc, RM_OK);

    rm_conn *c2 = fresh(r->kind, &a, &url2);
    assert_non_null(c2);
    rm_sqlschema empty;
    rm_sqlschema_init(&empty, &a);
    rm_diff df;
    assert_int_equal(rm_diff_schemas(&df, &empty, &want, d, &a, &pd), RM_OK);
    rm_sql_script script;
    assert_int_equal(rm_diff_to_script(&script, &df, &a, &pd), RM_OK);
    for (size_t i = 0; i < script.n; i++)
        for (size_t k = 0; k < script.steps[i].n; k++) {
            rm_dberr_clear(&err);
            if (rm_db_exec(c2, script.steps[i].stmts[k].sql, &err) != RM_OK)
                printf("relmig DDL failed: %s\n%s\n", err.message, script.steps[i].stmts[k].sql);
            assert_int_equal(err.kind, RM_DBERR_NONE);
        }
    rm_sqlschema B;
    rm_diags w2;
    rm_diags_init(&w2);
    assert_int_equal(rm_introspect(&B, c2, NULL, &a, &w2), RM_OK);
    rm_db_close(c2);
    if (strcmp(r->kind, "sqlite") == 0) {
        family_types_only(&A);
        family_types_only(&B);
    }
    size_t n = changes(&A, &B, d, &a);
    if (r->why && n == r->known)
        printf("%s: known difference: %s\n", r->name, r->why);
    if (n != r->known) {
        rm_sb ta = RM_SB_INIT, tb = RM_SB_INIT;
        rm_sqlschema_print_text(&ta, &A);
        rm_sqlschema_print_text(&tb, &B);
        rm_intro_dump("debian_A.txt", rm_sb_str(&ta), "debian_B.txt", rm_sb_str(&tb),
                      "debian_introspected.prisma", rm_sb_str(&text), NULL);
        rm_sb_free(&ta);
        rm_sb_free(&tb);
    }
    assert_int_equal(n, r->known);
    rm_sb_free(&text);
    rm_sources_free(&srcs);
    rm_diags_free(&pd);
    rm_diags_free(&w);
    rm_diags_free(&w2);
    rm_arena_free(&a);
}

int main(void)
{
    tmpdir = rm_test_mkdtemp();
    const char *argv[] = {"/bin/sh", "-c", "command -v apt-get && command -v dpkg", NULL};
    rm_test_proc p;
    bool have = rm_test_run(&p, argv, NULL) == 0 && p.status == 0;
    if (have)
        rm_test_proc_free(&p);
    if (!have) {
        const char *req = getenv("RELMIG_REQUIRE_SERVERS");
        printf("apt-get/dpkg not available\n");
        return req && strcmp(req, "1") == 0 ? 1 : 77;
    }
    /* RELMIG_TEST_ROW=text runs only the rows whose name contains text. */
    const char *only = getenv("RELMIG_TEST_ROW");
    struct CMUnitTest tests[RM_ARRAY_LEN(rows)];
    size_t n = 0;
    for (size_t i = 0; i < RM_ARRAY_LEN(rows); i++)
        if (!only || strstr(rows[i].name, only))
            tests[n++] = (struct CMUnitTest){.name = rows[i].name, .test_func = run_row,
                                             .initial_state = (void *)&rows[i]};
    int rc = _cmocka_run_group_tests("introspect_debian", tests, n, NULL, NULL);
    rm_test_rmtree(tmpdir);
    free(tmpdir);
    return rc;
}
