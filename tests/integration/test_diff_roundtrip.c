/*
 * Change coverage on real servers (issue #5): for every schema pair of the differ's golden
 * cases (tests/golden/diff/<case>/from.schema -> to.schema, the SQL-schema text form; a
 * missing from is the empty schema) and every dialect, apply v1 (empty -> from), then the
 * migration (from -> to) to one fresh database, apply v2 (empty -> to) to another, and compare
 * the two catalogs (tests/parity/catalog.h, read with the server's own catalog queries): they
 * must be equal, fact for fact. The migration is also checked to be complete: diffing to -> to
 * is empty, and on SQLite the redefinitions' PRAGMA foreign_key_check returns no row.
 *
 * Servers: PostgreSQL (RELMIG_TEST_PG_URL) and MariaDB (RELMIG_TEST_MYSQL_URL) rows are
 * skipped without their URL unless RELMIG_REQUIRE_SERVERS=1; SQLite rows always run (files in
 * a temporary directory). Each row creates and drops its own databases rmr_<n>_a / rmr_<n>_b.
 * Statements are executed one by one, as `relmig apply` does.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../parity/catalog.h"
#include "diff/diff.h"
#include "sqlschema/text.h"
#include "test_schema_text.h"
#include "testutil.h"
#include "util/diag_render.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define GOLDEN_DIR RELMIG_SOURCE_DIR "/tests/golden/diff"

typedef struct row {
    char title[160];
    char dir[128];
    const rm_dialect *dialect;
    rm_db_kind kind;
    int n;
} row;

static row rows[RM_TEST_MAX_ROWS];
static size_t nrows;
static const char *pg_url, *my_url;
static char *tmpdir;

/* Pairs whose "v1 + migration" catalog is known to differ from "v2 fresh", with the number of
 * differing facts and why (docs/conformance.md, "SQL parity"). */
static const struct {
    const char *title;
    size_t ndiff;
    const char *why;
} known[] = {
    {"", 0, ""},
};
/* Run the migration from -> to on c, statement by statement. */
static void migrate(rm_conn *c, const rm_sqlschema *from, const rm_sqlschema *to,
                    const rm_dialect *d, rm_arena *a, const char *what)
{
    rm_diags diags;
    rm_diags_init(&diags);
    rm_diff df;
    assert_int_equal(rm_diff_schemas(&df, from, to, d, a, &diags), RM_OK);
    df.emit_flags = RM_EMIT_SQLITE_FK_CHECK;
    rm_sql_script script;
    assert_int_equal(rm_diff_to_script(&script, &df, a, &diags), RM_OK);
    for (size_t i = 0; i < script.n; i++)
        for (size_t k = 0; k < script.steps[i].n; k++) {
            const rm_sql_stmt *st = &script.steps[i].stmts[k];
            rm_dberr err;
            rm_dberr_clear(&err);
            rm_rows *res = NULL;
            if (rm_db_query(c, st->sql, NULL, 0, a, &res, &err) != RM_OK)
                printf("%s: statement failed: %s %s\n%s\n", what, err.message, err.detail,
                       st->sql);
            assert_int_equal(err.kind, RM_DBERR_NONE);
            if (st->flags & RM_STMT_EXPECT_EMPTY) {
                if (res->nrows)
                    printf("%s: expected no row from\n%s\n", what, st->sql);
                assert_int_equal(res->nrows, 0);
            }
        }
    rm_diags_free(&diags);
}

static rm_conn *fresh(const row *r, const char *side, char *db, size_t dbcap)
{
    char url[2048];
    snprintf(db, dbcap, "rmr_%d_%s", r->n, side);
    if (r->kind == RM_DB_SQLITE) {
        snprintf(url, sizeof url, "sqlite:%s/%s.db", tmpdir, db);
        unlink(url + strlen("sqlite:"));
    } else {
        assert_int_equal(rm_catalog_fresh_db(url, sizeof url,
                                             r->kind == RM_DB_POSTGRES ? pg_url : my_url, db),
                         RM_OK);
    }
    rm_conn *c = NULL;
    rm_dberr err;
    rm_dberr_clear(&err);
    if (rm_db_connect(&c, url, NULL, &err) != RM_OK)
        printf("connect: %s\n", err.message);
    assert_non_null(c);
    return c;
}

static void finish(rm_conn *c, const row *r, const char *db, rm_catalog *out)
{
    rm_dberr err;
    rm_dberr_clear(&err);
    assert_int_equal(rm_catalog_read(out, c, r->kind, false, &err), RM_OK);
    rm_db_close(c);
    if (r->kind != RM_DB_SQLITE)
        rm_catalog_drop_db(r->kind == RM_DB_POSTGRES ? pg_url : my_url, db);
}

static void run_pair(void **state)
{
    const row *r = *state;
    const char *server = r->kind == RM_DB_POSTGRES ? pg_url : r->kind == RM_DB_MYSQL ? my_url
                                                                                    : "sqlite";
    if (!server) {
        const char *req = getenv("RELMIG_REQUIRE_SERVERS");
        if (req && strcmp(req, "1") == 0)
            fail_msg("no server URL for %s and RELMIG_REQUIRE_SERVERS=1", r->dialect->name);
        skip();
    }
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_sources srcs;
    rm_sources_init(&srcs);
    rm_sqlschema empty, from, to;
    rm_sqlschema_init(&empty, &a);
    char dir[512];
    snprintf(dir, sizeof dir, "%s/%s", GOLDEN_DIR, r->dir);
    assert_true(rm_test_load_schema_text(&from, dir, "from", r->dialect, false, &srcs, &a));
    assert_true(rm_test_load_schema_text(&to, dir, "to", r->dialect, false, &srcs, &a));

    char db_a[64], db_b[64];
    rm_conn *ca = fresh(r, "a", db_a, sizeof db_a);
    migrate(ca, &empty, &from, r->dialect, &a, "v1");
    migrate(ca, &from, &to, r->dialect, &a, "v1 -> v2");
    rm_catalog migrated, fresh_v2;
    finish(ca, r, db_a, &migrated);
    rm_conn *cb = fresh(r, "b", db_b, sizeof db_b);
    migrate(cb, &empty, &to, r->dialect, &a, "v2");
    finish(cb, r, db_b, &fresh_v2);

    printf("%s: %zu facts (v2 fresh), %zu facts (v1 + migration)\n", r->title, fresh_v2.n,
           migrated.n);
    size_t n = rm_catalog_diff(&fresh_v2, &migrated, "v2 fresh", "v1 + migration", true);
    size_t expect = 0;
    for (size_t i = 0; i < RM_ARRAY_LEN(known); i++)
        if (strcmp(known[i].title, r->title) == 0) {
            printf("%s: known difference: %s\n", r->title, known[i].why);
            expect = known[i].ndiff;
        }
    rm_catalog_free(&migrated);
    rm_catalog_free(&fresh_v2);
    rm_sources_free(&srcs);
    rm_arena_free(&a);
    assert_int_equal(n, expect);
}

static int cmp_str(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

int main(void)
{
    DIR *dh = opendir(GOLDEN_DIR);
    if (!dh) {
        fprintf(stderr, "cannot open %s\n", GOLDEN_DIR);
        return 1;
    }
    char *names[RM_TEST_MAX_ROWS];
    size_t nn = 0;
    struct dirent *e;
    while ((e = readdir(dh)) != NULL && nn < RM_TEST_MAX_ROWS)
        if (e->d_name[0] != '.')
            names[nn++] = strdup(e->d_name);
    closedir(dh);
    qsort(names, nn, sizeof *names, cmp_str);
    const rm_dialect *ds[] = {&rm_dialect_postgres, &rm_dialect_mysql, &rm_dialect_sqlite};
    const rm_db_kind ks[] = {RM_DB_POSTGRES, RM_DB_MYSQL, RM_DB_SQLITE};
    for (size_t i = 0; i < nn; i++) {
        for (size_t k = 0; k < 3 && nrows < RM_TEST_MAX_ROWS; k++) {
            row *r = &rows[nrows];
            snprintf(r->dir, sizeof r->dir, "%s", names[i]);
            snprintf(r->title, sizeof r->title, "%s.%s", names[i], ds[k]->name);
            r->dialect = ds[k];
            r->kind = ks[k];
            r->n = (int)nrows;
            nrows++;
        }
        free(names[i]);
    }
    pg_url = getenv("RELMIG_TEST_PG_URL");
    my_url = getenv("RELMIG_TEST_MYSQL_URL");
    if (pg_url && !*pg_url)
        pg_url = NULL;
    if (my_url && !*my_url)
        my_url = NULL;
    tmpdir = rm_test_mkdtemp();
    static struct CMUnitTest tests[RM_TEST_MAX_ROWS];
    for (size_t i = 0; i < nrows; i++)
        tests[i] = (struct CMUnitTest){rows[i].title, run_pair, NULL, NULL, &rows[i]};
    int rc = _cmocka_run_group_tests("diff_roundtrip", tests, nrows, NULL, NULL);
    rm_test_rmtree(tmpdir);
    free(tmpdir);
    rm_db_shutdown();
    return rc;
}
