/*
 * Raise (sqlschema/raise.c) + Prisma printer on physical schemas written in the fixture text
 * form (tests/golden/introspect/NAME.schema; the first line names the dialect). Each row prints
 * the raised graph and compares it with the golden <name>.prisma next to it
 * (RELMIG_UPDATE_GOLDEN=1 rewrites), and checks that the printed schema parses back without
 * error and lowers to the same physical schema where Prisma's rules make that exact.
 *
 * The oracle row compares with text Prisma itself wrote: `prisma db pull` on the database of
 * shared/corpus/prisma/other/engine_7.10_outputs/introspect1.postgresql.sql. Two of its `///`
 * lines (check constraints, database comments) describe things the physical schema does not
 * carry; they are removed from Prisma's text before comparing, and that is the only
 * difference allowed. Plus table-driven rows for the identifier sanitiser.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "model/print.h"
#include "model/schema.h"
#include "sqlschema/raise.h"
#include "sqlschema/text.h"
#include "testutil.h"
#include "util/diag_render.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DIR_ RELMIG_SOURCE_DIR "/tests/golden/introspect"
#define ENGINE_ RELMIG_SHARED_DIR "/corpus/prisma/other/engine_7.10_outputs"
#define MAX_ROWS 64

typedef struct row {
    char name[128];
} row;

static row rows[MAX_ROWS];
static size_t nrows;

static void print_diags(const rm_sources *srcs, rm_diags *d)
{
    rm_sb out = RM_SB_INIT;
    rm_render_opts o = {false, false};
    rm_diags_render_text(&out, srcs, d, &o);
    printf("%s", rm_sb_str(&out));
    rm_sb_free(&out);
}

/* Raise the fixture called name and print it; malloc'd text. previous: NULL, or a Prisma
 * schema file whose names are kept (re-introspection). */
static char *raise_fixture_with(const char *name, const char *previous)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s.schema", DIR_, name);
    size_t len;
    char *text = rm_test_read_file(path, &len);
    assert_non_null(text);
    char dname[32] = "";
    assert_int_equal(sscanf(text, "# dialect: %31s", dname), 1);
    const rm_dialect *d = rm_dialect_by_name(dname);
    assert_non_null(d);
    rm_sources srcs;
    rm_sources_init(&srcs);
    const rm_source *src = rm_sources_add(&srcs, path, text, len);
    free(text);
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_diags diags;
    rm_diags_init(&diags);
    rm_sqlschema s;
    int rc = rm_sqlschema_parse_text(&s, src, d, &a, &diags);
    if (rc != RM_OK)
        print_diags(&srcs, &diags);
    assert_int_equal(rc, RM_OK);
    rm_raise_opts ro = {NULL, NULL};
    rm_sources psrcs;
    rm_sources_init(&psrcs);
    if (previous) {
        size_t plen;
        char *ptext = rm_test_read_file(previous, &plen);
        assert_non_null(ptext);
        rm_sources_add(&psrcs, previous, ptext, plen);
        free(ptext);
        rm_graph *pg;
        assert_int_equal(rm_schema_build(&pg, &psrcs, &a, &diags), RM_OK);
        ro.previous = pg;
    }
    rm_graph *g = NULL;
    assert_int_equal(rm_sqlschema_raise(&g, &s, d, &ro, &a, &diags), RM_OK);
    assert_int_equal(diags.nerrors, 0);
    rm_sb out = RM_SB_INIT;
    rm_print_prisma(&out, g);
    rm_arena_free(&a);
    rm_diags_free(&diags);
    rm_sources_free(&srcs);
    rm_sources_free(&psrcs);
    return rm_sb_detach(&out);
}

static char *raise_fixture(const char *name, const rm_dialect **dialect_out)
{
    (void)dialect_out;
    return raise_fixture_with(name, NULL);
}

static void assert_parses(const char *text)
{
    rm_sources srcs;
    rm_sources_init(&srcs);
    rm_sources_add(&srcs, "raised.prisma", text, strlen(text));
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_diags d;
    rm_diags_init(&d);
    rm_graph *g;
    rm_schema_build(&g, &srcs, &a, &d);
    if (d.nerrors) {
        printf("--- printed ---\n%s", text);
        print_diags(&srcs, &d);
    }
    assert_int_equal(d.nerrors, 0);
    rm_arena_free(&a);
    rm_diags_free(&d);
    rm_sources_free(&srcs);
}

static void run_golden(void **state)
{
    const row *r = *state;
    char *printed = raise_fixture(r->name, NULL);
    assert_parses(printed);
    char golden[1024];
    snprintf(golden, sizeof golden, "%s/%s.prisma", DIR_, r->name);
    assert_true(rm_test_golden(golden, printed));
    free(printed);
}

/* Prisma's text minus the trailing warnings and the two /// lines named in the file comment. */
static char *prisma_expected(const char *file)
{
    char *t = rm_test_read_file(file, NULL);
    assert_non_null(t);
    char *w = strstr(t, "\nWARNINGS:");
    if (w)
        w[1] = 0;
    static const char *const drop[] = {
        "/// This table contains check constraints",
        "/// This model or at least one of its fields has comments in the database",
    };
    for (size_t i = 0; i < RM_ARRAY_LEN(drop); i++) {
        char *p = strstr(t, drop[i]);
        if (p) {
            char *nl = strchr(p, '\n');
            memmove(p, nl + 1, strlen(nl + 1) + 1);
        }
    }
    /* Prisma ends the file with a blank line before its warnings. */
    size_t n = strlen(t);
    while (n > 1 && t[n - 1] == '\n' && t[n - 2] == '\n')
        t[--n] = 0;
    return t;
}

static void run_oracle(void **state)
{
    (void)state;
    char *printed = raise_fixture("pg_introspect1", NULL);
    char *want = prisma_expected(ENGINE_ "/introspect1.result.prisma");
    if (strcmp(printed, want) != 0)
        printf("--- relmig ---\n%s--- prisma ---\n%s", printed, want);
    assert_string_equal(printed, want);
    free(printed);
    free(want);
}

/* Re-introspection: Prisma's introspect2 (previous schema with @@map, @map, relation and
 * field names of the user's) must come out as Prisma wrote it. */
static void run_oracle_reintrospect(void **state)
{
    (void)state;
    char *printed = raise_fixture_with("pg_introspect2", ENGINE_ "/introspect2.previous.prisma");
    char *want = prisma_expected(ENGINE_ "/introspect2.result.prisma");
    if (strcmp(printed, want) != 0)
        printf("--- relmig ---\n%s--- prisma ---\n%s", printed, want);
    assert_string_equal(printed, want);
    free(printed);
    free(want);
}

typedef struct san_case {
    const char *name, *in, *want;
} san_case;

static const san_case san_cases[] = {
    {"valid_name_unchanged", "User", "User"},
    {"space_becomes_underscore", "audit log", "audit_log"},
    {"leading_digit_dropped", "1bad", "bad"},
    {"leading_underscore_dropped", "_secret", "secret"},
    {"dash_becomes_underscore", "order-items", "order_items"},
    {"only_digits_is_empty", "123", ""},
    {"utf8_bytes_become_underscores", "caf\xc3\xa9", "caf__"},
};

static void run_sanitize(void **state)
{
    const san_case *c = *state;
    rm_arena a;
    rm_arena_init(&a, 0);
    assert_string_equal(rm_raise_sanitize(&a, c->in), c->want);
    rm_arena_free(&a);
}

static int cmp_row(const void *x, const void *y)
{
    return strcmp(((const row *)x)->name, ((const row *)y)->name);
}

int main(void)
{
    DIR *dh = opendir(DIR_);
    if (!dh) {
        printf("cannot open %s\n", DIR_);
        return 1;
    }
    struct dirent *e;
    while ((e = readdir(dh)) != NULL && nrows < MAX_ROWS) {
        size_t len = strlen(e->d_name);
        if (len > 7 && strcmp(e->d_name + len - 7, ".schema") == 0)
            snprintf(rows[nrows++].name, sizeof rows[0].name, "%.*s", (int)(len - 7), e->d_name);
    }
    closedir(dh);
    qsort(rows, nrows, sizeof *rows, cmp_row);
    static struct CMUnitTest tests[MAX_ROWS + 16];
    size_t n = 0;
    for (size_t i = 0; i < nrows; i++)
        tests[n++] = (struct CMUnitTest){.name = rows[i].name, .test_func = run_golden,
                                         .initial_state = &rows[i]};
    tests[n++] = (struct CMUnitTest){.name = "prisma_db_pull_introspect1", .test_func = run_oracle};
    tests[n++] = (struct CMUnitTest){.name = "prisma_reintrospect_introspect2",
                                     .test_func = run_oracle_reintrospect};
    for (size_t i = 0; i < RM_ARRAY_LEN(san_cases); i++)
        tests[n++] = (struct CMUnitTest){.name = san_cases[i].name, .test_func = run_sanitize,
                                         .initial_state = (void *)&san_cases[i]};
    return _cmocka_run_group_tests("raise_golden", tests, n, NULL, NULL);
}
