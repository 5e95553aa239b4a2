/*
 * The Prisma printer (model/print_prisma.c): for every schema of a set of valid inputs (the
 * real-schemas corpus, Prisma's own 7.10 outputs, the graph goldens), print(parse(x)) must
 *   - parse again with no error,
 *   - give the same graph (compared through the graph JSON, which holds every fact the graph
 *     has and no source locations), and
 *   - be a fixed point: print(parse(print(parse(x)))) == print(parse(x)).
 * The printed text of the graph goldens and of Prisma's introspection results is also kept as
 * golden files in tests/golden/print/ (RELMIG_UPDATE_GOLDEN=1 rewrites them). One row per
 * file. A second group checks the column alignment against text `prisma format` wrote.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "model/graph_json.h"
#include "model/print.h"
#include "model/schema.h"
#include "test_built.h"
#include "testutil.h"
#include "util/diag_render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ROWS 128

typedef struct row {
    char name[128];
    char path[1024];
    char golden[1024]; /* "" = no golden file for this row */
} row;

static row rows[MAX_ROWS];
static size_t nrows;

/* Every *.prisma in dir (sorted), as rows named prefix/file; with golden set, a golden file
 * tests/golden/print/<prefix>_<file> per row. */
static void add_dir(const char *dir, const char *prefix, bool golden)
{
    char *names[MAX_ROWS];
    size_t n = rm_test_list_files(names, MAX_ROWS - nrows, dir, ".prisma", NULL);
    for (size_t i = 0; i < n; i++) {
        row *r = &rows[nrows++];
        snprintf(r->name, sizeof r->name, "%s/%s", prefix, names[i]);
        snprintf(r->path, sizeof r->path, "%s/%s", dir, names[i]);
        r->golden[0] = 0;
        if (golden)
            snprintf(r->golden, sizeof r->golden, "%s/tests/golden/print/%s_%s",
                     RELMIG_SOURCE_DIR, prefix, names[i]);
    }
    rm_test_free_names(names, n);
}

static char *print_of(const rm_graph *g)
{
    rm_sb sb = RM_SB_INIT;
    rm_print_prisma(&sb, g);
    assert_int_equal(rm_sb_error(&sb), RM_OK);
    return rm_sb_detach(&sb);
}

static char *json_of(const rm_graph *g)
{
    rm_sb sb = RM_SB_INIT;
    rm_graph_render_json(&sb, g);
    return rm_sb_detach(&sb);
}

/* First differing line of two texts, for the failure message. */
static void show_diff(const char *what, const char *x, const char *y)
{
    size_t line = 1;
    const char *p = x, *q = y;
    while (*p && *p == *q) {
        if (*p == '\n')
            line++;
        p++;
        q++;
    }
    const char *ex = strchr(p, '\n'), *ey = strchr(q, '\n');
    printf("%s differ at line %zu:\n  first:  %.*s\n  second: %.*s\n", what, line,
           (int)(ex ? ex - p : (long)strlen(p)), p, (int)(ey ? ey - q : (long)strlen(q)), q);
}

static void run_row(void **state)
{
    const row *r = *state;
    size_t len = 0;
    char *text = rm_test_read_file(r->path, &len);
    assert_non_null(text);
    /* Prisma's introspection results in the corpus end with the warnings `db pull` printed,
     * which are not schema text. */
    char *warnings = strstr(text, "\nWARNINGS:");
    if (warnings) {
        warnings[1] = 0;
        len = strlen(text);
    }
    rm_test_built b1, b2, b3;
    rm_test_build_text(&b1, r->name, text, len);
    free(text);
    assert_int_equal(b1.d.nerrors, 0);
    char *p1 = print_of(b1.g);
    rm_test_build_text(&b2, "printed.prisma", p1, strlen(p1));
    if (b2.d.nerrors)
        printf("--- printed text ---\n%s", p1);
    assert_int_equal(b2.d.nerrors, 0);
    char *j1 = json_of(b1.g), *j2 = json_of(b2.g);
    if (strcmp(j1, j2) != 0)
        show_diff("graph JSON of the input and of the printed text", j1, j2);
    assert_string_equal(j1, j2);
    char *p2 = print_of(b2.g);
    if (strcmp(p1, p2) != 0)
        show_diff("first and second print", p1, p2);
    assert_string_equal(p1, p2);
    rm_test_build_text(&b3, "printed2.prisma", p2, strlen(p2));
    assert_int_equal(b3.d.nerrors, 0);
    if (r->golden[0])
        assert_true(rm_test_golden(r->golden, p1));
    free(p1);
    free(p2);
    free(j1);
    free(j2);
    rm_test_built_free(&b1);
    rm_test_built_free(&b2);
    rm_test_built_free(&b3);
}

/* ---- alignment: text `prisma format` wrote must come out unchanged ----------------------- */

typedef struct fmt_case {
    const char *name;
    const char *text; /* already in `prisma format` layout, fields in graph order */
} fmt_case;

static const fmt_case fmt_cases[] = {
    {"columns_widest_type_without_attributes",
     "datasource db {\n  provider = \"postgresql\"\n}\n\n"
     "model NoteImage {\n"
     "  id        String  @id @default(cuid())\n"
     "  altText   String?\n"
     "  objectKey String\n"
     "}\n"},
    {"enum_values_and_block_attributes",
     "datasource db {\n  provider = \"postgresql\"\n}\n\n"
     "model Tenant {\n"
     "  region String\n"
     "  code   String\n"
     "  role   Role   @default(USER)\n"
     "\n"
     "  @@id([region, code], name: \"tenantKey\")\n"
     "  @@map(\"tenants\")\n"
     "}\n\n"
     "enum Role {\n"
     "  USER  @map(\"user\")\n"
     "  ADMIN @map(\"admin\")\n"
     "\n"
     "  @@map(\"role\")\n"
     "}\n"},
    {"datasource_keys_aligned",
     "datasource db {\n  provider     = \"mysql\"\n  relationMode = \"prisma\"\n}\n\n"
     "model A {\n  id Int @id\n}\n"},
    {"doc_comments",
     "datasource db {\n  provider = \"sqlite\"\n}\n\n"
     "/// a model\n"
     "model A {\n"
     "  /// the key\n"
     "  id  Int     @id\n"
     "  txt String? @map(\"t x\")\n"
     "}\n"},
};

static void run_fmt(void **state)
{
    const fmt_case *c = *state;
    rm_test_built b;
    rm_test_build_text(&b, c->name, c->text, strlen(c->text));
    assert_int_equal(b.d.nerrors, 0);
    char *p = print_of(b.g);
    if (strcmp(p, c->text) != 0)
        show_diff("prisma format text and print", c->text, p);
    assert_string_equal(p, c->text);
    free(p);
    rm_test_built_free(&b);
}

int main(void)
{
    add_dir(RELMIG_SHARED_DIR "/corpus/real-schemas", "real", false);
    add_dir(RELMIG_SHARED_DIR "/corpus/prisma/other/engine_7.10_outputs", "engine", true);
    add_dir(RELMIG_SOURCE_DIR "/tests/golden/graph", "graph", true);
    if (nrows < 20) {
        printf("expected at least 20 input schemas, found %zu\n", nrows);
        return 1;
    }
    static struct CMUnitTest tests[MAX_ROWS + RM_ARRAY_LEN(fmt_cases)];
    size_t n = 0;
    for (size_t i = 0; i < nrows; i++)
        tests[n++] = (struct CMUnitTest){.name = rows[i].name, .test_func = run_row,
                                         .initial_state = &rows[i]};
    for (size_t i = 0; i < RM_ARRAY_LEN(fmt_cases); i++)
        tests[n++] = (struct CMUnitTest){.name = fmt_cases[i].name, .test_func = run_fmt,
                                         .initial_state = (void *)&fmt_cases[i]};
    return _cmocka_run_group_tests("print_prisma", tests, n, NULL, NULL);
}
