/*
 * Re-introspection keeps the user's names (issue #6): `relmig introspect --schema EXISTING`
 * on a SQLite database made from EXISTING by relmig itself. One row per schema in
 * tests/golden/introspect/reintro_*.prisma; each holds names Prisma's rules would not choose:
 * 1:n relation fields and relation names, implicit many-to-many fields (named, default-named
 * and self relations), and a model mapped to a reserved table name.
 *
 * Per row: (1) without --schema the output must lose at least one of the user's names (so the
 * row can tell the difference); (2) with --schema every model keeps its name for its table,
 * every field its name (the same set of field names per model), every relation its name; and
 * the text equals relmig's own print of EXISTING. Plus a case for a reserved table name
 * without a previous schema: the model block must be the one Prisma 6.19's db pull printed for
 * the same table (../shared/oracle prisma6-pull, recorded below).
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "model/print.h"
#include "model/schema.h"
#include "sqlschema/lower.h"
#include "test_introspect_common.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DIR_ RELMIG_SOURCE_DIR "/tests/golden/introspect"
#define MAX_ROWS 16

typedef struct row {
    char name[128];
    char path[1024];
} row;

static row rows[MAX_ROWS];
static size_t nrows;
static char *tmpdir;

static rm_graph *build(rm_sources *srcs, const char *name, const char *text, rm_arena *a)
{
    rm_sources_add(srcs, name, text, strlen(text));
    rm_diags d;
    rm_diags_init(&d);
    rm_graph *g = NULL;
    rm_schema_build(&g, srcs, a, &d);
    if (d.nerrors) {
        printf("%s", text);
        rm_test_print_diags(srcs, &d);
    }
    assert_int_equal(d.nerrors, 0);
    rm_diags_free(&d);
    return g;
}

/* How many of want's names got lost in got: models by table, fields by name within the
 * model of the same table, relations by name. Printed. */
static size_t lost_names(const rm_graph *want, const rm_graph *got)
{
    size_t lost = 0;
    for (size_t i = 0; i < want->nmodels; i++) {
        const rm_model *w = &want->models[i], *g = NULL;
        for (size_t k = 0; k < got->nmodels && !g; k++)
            if (strcmp(got->models[k].db_name, w->db_name) == 0)
                g = &got->models[k];
        if (!g) {
            printf("  table %s: no model\n", w->db_name);
            lost++;
            continue;
        }
        if (strcmp(g->name, w->name) != 0) {
            printf("  table %s: model %s, want %s\n", w->db_name, g->name, w->name);
            lost++;
        }
        for (size_t k = 0; k < w->nfields; k++)
            if (rm_model_find_field(g, w->fields[k].name) == RM_NONE) {
                printf("  model %s: field %s missing\n", g->name, w->fields[k].name);
                lost++;
            }
        for (size_t k = 0; k < g->nfields; k++)
            if (rm_model_find_field(w, g->fields[k].name) == RM_NONE) {
                printf("  model %s: field %s not the user's\n", g->name, g->fields[k].name);
                lost++;
            }
    }
    for (size_t i = 0; i < want->nrelations; i++) {
        bool found = false;
        for (size_t k = 0; k < got->nrelations && !found; k++)
            found = strcmp(got->relations[k].name, want->relations[i].name) == 0;
        if (!found) {
            printf("  relation %s missing\n", want->relations[i].name);
            lost++;
        }
    }
    return lost;
}

static void run_row(void **state)
{
    const row *r = *state;
    rm_arena a;
    rm_arena_init(&a, 0);
    char *text = rm_test_read_file(r->path, NULL);
    assert_non_null(text);
    rm_sources srcs, srcs_plain, srcs_again; /* the graphs borrow from their sources */
    rm_sources_init(&srcs);
    rm_sources_init(&srcs_plain);
    rm_sources_init(&srcs_again);
    rm_graph *user = build(&srcs, r->path, text, &a);
    rm_diags d;
    rm_diags_init(&d);
    rm_sqlschema s;
    assert_int_equal(rm_sqlschema_lower(&s, user, &rm_dialect_sqlite, NULL, &a, &d), RM_OK);
    char url[1400];
    snprintf(url, sizeof url, "sqlite:%s/%s.db", tmpdir, r->name);
    rm_conn *c = NULL;
    rm_dberr err;
    rm_dberr_clear(&err);
    assert_int_equal(rm_db_connect(&c, url, NULL, &err), RM_OK);
    assert_true(rm_intro_apply(c, &s, &rm_dialect_sqlite, &a));
    rm_db_close(c);

    rm_test_proc plain, again;
    const char *args1[] = {"introspect", "--url", url, NULL};
    const char *args2[] = {"introspect", "--url", url, "--schema", r->path, NULL};
    rm_test_relmig(&plain, args1, NULL);
    rm_test_relmig(&again, args2, NULL);
    assert_int_equal(plain.status, 0);
    if (again.status != 0)
        printf("%s\n", again.err);
    assert_int_equal(again.status, 0);

    printf("%s without --schema:\n", r->name);
    size_t lost_plain = lost_names(user, build(&srcs_plain, "plain.prisma", plain.out, &a));
    assert_true(lost_plain > 0);
    printf("%s with --schema:\n", r->name);
    size_t lost = lost_names(user, build(&srcs_again, "again.prisma", again.out, &a));
    rm_sb want = RM_SB_INIT;
    rm_print_prisma(&want, user);
    if (lost || strcmp(again.out, rm_sb_str(&want)) != 0)
        rm_intro_dump("reintrospected.prisma", again.out, "expected.prisma", rm_sb_str(&want),
                      NULL);
    assert_int_equal(lost, 0);
    assert_string_equal(again.out, rm_sb_str(&want));
    rm_sb_free(&want);
    rm_test_proc_free(&plain);
    rm_test_proc_free(&again);
    rm_diags_free(&d);
    rm_sources_free(&srcs);
    rm_sources_free(&srcs_plain);
    rm_sources_free(&srcs_again);
    free(text);
    rm_arena_free(&a);
}

/* What prisma6-pull (Prisma 6.19) printed for `CREATE TABLE async (id INTEGER PRIMARY KEY)`
 * on SQLite. */
static const char PRISMA_RESERVED[] =
    "/// This model has been renamed to 'Renamedasync' during introspection, because the "
    "original name 'async' is reserved.\n"
    "model Renamedasync {\n"
    "  id Int @id @default(autoincrement())\n"
    "\n"
    "  @@map(\"async\")\n"
    "}\n";

static void run_reserved(void **state)
{
    (void)state;
    char url[1400];
    snprintf(url, sizeof url, "sqlite:%s/reserved.db", tmpdir);
    rm_conn *c = NULL;
    rm_dberr err;
    rm_dberr_clear(&err);
    assert_int_equal(rm_db_connect(&c, url, NULL, &err), RM_OK);
    assert_int_equal(rm_db_exec(c,
                                "CREATE TABLE async (id INTEGER PRIMARY KEY);"
                                "CREATE TABLE Prisma (id INTEGER PRIMARY KEY)",
                                &err),
                     RM_OK);
    rm_db_close(c);
    rm_test_proc p;
    const char *args[] = {"introspect", "--url", url, NULL};
    rm_test_relmig(&p, args, NULL);
    assert_int_equal(p.status, 0);
    if (!strstr(p.out, PRISMA_RESERVED))
        printf("%s", p.out);
    assert_non_null(strstr(p.out, PRISMA_RESERVED));
    /* "Prisma" is not reserved (db pull keeps it). */
    assert_non_null(strstr(p.out, "model Prisma {"));
    assert_non_null(strstr(p.err, "E0861"));
    rm_test_proc_free(&p);
}

int main(void)
{
    char *names[MAX_ROWS];
    size_t n = rm_test_list_files(names, MAX_ROWS, DIR_, ".prisma", NULL);
    for (size_t i = 0; i < n; i++) {
        if (strncmp(names[i], "reintro_", 8) != 0 || nrows == MAX_ROWS)
            continue;
        snprintf(rows[nrows].name, sizeof rows[0].name, "%.*s", (int)(strlen(names[i]) - 7),
                 names[i]);
        snprintf(rows[nrows].path, sizeof rows[0].path, "%s/%s", DIR_, names[i]);
        nrows++;
    }
    rm_test_free_names(names, n);
    tmpdir = rm_test_mkdtemp();
    struct CMUnitTest tests[MAX_ROWS + 1];
    size_t k = 0;
    for (size_t i = 0; i < nrows; i++)
        tests[k++] = (struct CMUnitTest){.name = rows[i].name, .test_func = run_row,
                                         .initial_state = &rows[i]};
    tests[k++] = (struct CMUnitTest){.name = "reserved_table_name_as_db_pull",
                                     .test_func = run_reserved};
    int rc = _cmocka_run_group_tests("introspect_reintrospect", tests, k, NULL, NULL);
    rm_test_rmtree(tmpdir);
    free(tmpdir);
    return rc;
}
