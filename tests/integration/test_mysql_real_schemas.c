/*
 * MySQL/MariaDB DDL for every real schema (issue #5): each schema of
 * shared/corpus/real-schemas (whatever its provider) and each parity seed (tests/parity/seeds)
 * goes through the real binary, `relmig diff --from empty --to SCHEMA --dialect mysql`, and
 * the script is applied to a fresh database on the MariaDB test server (RELMIG_TEST_MYSQL_URL;
 * skipped, exit 77, when unset unless RELMIG_REQUIRE_SERVERS=1). It must apply without error
 * and the server must then hold one table per CREATE TABLE of the script.
 *
 * What MySQL cannot express must be an explicit refusal instead: for the schemas listed in
 * refusals[] relmig must exit 1 with exactly that many E0603 errors, the first naming the
 * listed field. A schema that starts or stops being expressible fails its row.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../parity/catalog.h"
#include "testutil.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct row {
    char name[200];
    char path[1200];
    int n;
} row;

static row rows[RM_TEST_MAX_ROWS];
static size_t nrows;
static const char *my_url;

/* Schemas MySQL cannot hold, with the number of E0603 errors and the field the first names. */
static const struct {
    const char *name;
    size_t nerrors;
    const char *first;
} refusals[] = {
    {"civitai__civitai__prisma_schema.prisma", 22,
     "field `Model.lockedProperties` is a scalar list"},
    {"langfuse__langfuse__packages_shared_prisma_schema.prisma", 19,
     "field `User.featureFlags` is a scalar list"},
    {"triggerdotdev__trigger.dev__internal-packages_database_prisma_schema.prisma", 17,
     "field `ApiKey.scopes` is a scalar list"},
    {"composite_keys.prisma", 1, "field `Member.tags` is a scalar list"},
};

static int cmp_row(const void *a, const void *b)
{
    return strcmp(((const row *)a)->name, ((const row *)b)->name);
}

static void add_dir(const char *dir)
{
    DIR *dh = opendir(dir);
    if (!dh)
        return;
    size_t first = nrows;
    struct dirent *e;
    while ((e = readdir(dh)) != NULL && nrows < RM_TEST_MAX_ROWS) {
        size_t len = strlen(e->d_name);
        if (len <= 7 || strcmp(e->d_name + len - 7, ".prisma") != 0)
            continue;
        snprintf(rows[nrows].name, sizeof rows[0].name, "%s", e->d_name);
        snprintf(rows[nrows].path, sizeof rows[0].path, "%s/%s", dir, e->d_name);
        nrows++;
    }
    closedir(dh);
    qsort(rows + first, nrows - first, sizeof *rows, cmp_row);
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

static void run_schema(void **state)
{
    const row *r = *state;
    rm_test_proc p;
    const char *args[] = {"diff", "--from", "empty", "--to", r->path, "--dialect", "mysql", NULL};
    rm_test_relmig(&p, args, NULL);
    for (size_t i = 0; i < RM_ARRAY_LEN(refusals); i++)
        if (strcmp(refusals[i].name, r->name) == 0) {
            printf("%s", p.err);
            assert_int_equal(p.status, 1);
            assert_int_equal(count(p.err, "error[E0603]"), refusals[i].nerrors);
            assert_int_equal(count(p.err, "error["), refusals[i].nerrors);
            const char *e = strstr(p.err, "error[E0603]");
            assert_non_null(e);
            const char *nl = strchr(e, '\n');
            assert_non_null(strstr(e, refusals[i].first));
            assert_true(nl == NULL || strstr(e, refusals[i].first) < nl);
            rm_test_proc_free(&p);
            return;
        }
    if (p.status != 0)
        printf("%s", p.err);
    assert_int_equal(p.status, 0);
    if (!my_url) {
        const char *req = getenv("RELMIG_REQUIRE_SERVERS");
        if (req && strcmp(req, "1") == 0)
            fail_msg("RELMIG_TEST_MYSQL_URL is not set and RELMIG_REQUIRE_SERVERS=1");
        rm_test_proc_free(&p);
        skip();
    }
    char db[32], url[2048];
    snprintf(db, sizeof db, "rmm_%d", r->n);
    assert_int_equal(rm_catalog_fresh_db(url, sizeof url, my_url, db), RM_OK);
    rm_conn *c = NULL;
    rm_dberr err;
    rm_dberr_clear(&err);
    assert_int_equal(rm_db_connect(&c, url, NULL, &err), RM_OK);
    if (rm_db_exec(c, p.out, &err) != RM_OK)
        printf("apply failed: %s\n%s\n", err.message, p.out);
    assert_int_equal(err.kind, RM_DBERR_NONE);
    rm_catalog cat;
    assert_int_equal(rm_catalog_read(&cat, c, RM_DB_MYSQL, false, &err), RM_OK);
    rm_db_close(c);
    size_t tables = 0;
    for (size_t i = 0; i < cat.n; i++)
        tables += strncmp(cat.lines[i], "table ", 6) == 0;
    size_t creates = count(p.out, "CREATE TABLE");
    printf("%s: %zu tables, %zu catalog facts\n", r->name, tables, cat.n);
    assert_true(creates > 0);
    assert_int_equal(tables, creates);
    rm_catalog_free(&cat);
    rm_catalog_drop_db(my_url, db);
    rm_test_proc_free(&p);
}

int main(void)
{
    add_dir(RELMIG_SHARED_DIR "/corpus/real-schemas");
    add_dir(RELMIG_SOURCE_DIR "/tests/parity/seeds");
    my_url = getenv("RELMIG_TEST_MYSQL_URL");
    if (my_url && !*my_url)
        my_url = NULL;
    static struct CMUnitTest tests[RM_TEST_MAX_ROWS];
    for (size_t i = 0; i < nrows; i++) {
        rows[i].n = (int)i;
        tests[i] = (struct CMUnitTest){rows[i].name, run_schema, NULL, NULL, &rows[i]};
    }
    if (nrows < 11 + 8) {
        fprintf(stderr, "expected the 11 real schemas and 8 seeds, found %zu files\n", nrows);
        return 1;
    }
    int rc = _cmocka_run_group_tests("mysql_real_schemas", tests, nrows, NULL, NULL);
    rm_db_shutdown();
    return rc;
}
