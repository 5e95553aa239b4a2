/*
 * Golden tests of the Prisma parser: one named row per tests/golden/prisma_parse/<case>.prisma.
 * The expectation <case>.out holds the rendered diagnostics (exactly as the CLI prints them:
 * "file:line:col: error[E01xx]: message" plus the code frame) followed by a line "---" and
 * the AST dump. RELMIG_UPDATE_GOLDEN=1 rewrites the .out files; review the diff. The error
 * cases were checked against Prisma's own parser (prisma-schema-wasm, shared/oracle/psl.js):
 * where relmig's message or span differs on purpose, the case's leading comment says why.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "parser/prisma.h"
#include "util/diag_render.h"
#include "testutil.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GOLDEN_DIR RELMIG_SOURCE_DIR "/tests/golden/prisma_parse"

typedef struct golden_row {
    char *name;  /* file name, e.g. colon.prisma */
} golden_row;

static golden_row *rows;
static size_t nrows;

static int cmp_rows(const void *a, const void *b)
{
    return strcmp(((const golden_row *)a)->name, ((const golden_row *)b)->name);
}

static void run_golden(void **state)
{
    const golden_row *row = *state;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", GOLDEN_DIR, row->name);
    size_t len = 0;
    char *text = rm_test_read_file(path, &len);
    assert_non_null(text);

    rm_sources srcs;
    rm_sources_init(&srcs);
    rm_source *src = rm_sources_add(&srcs, row->name, text, len);
    rm_diags d;
    rm_diags_init(&d);
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_prisma_ast *ast = NULL;
    int rc = rm_prisma_parse(&ast, src, &a, &d);
    assert_int_equal(rc, d.nerrors ? RM_ESYNTAX : RM_OK);
    assert_int_equal(ast->nerrors, d.nerrors);

    rm_sb out = RM_SB_INIT;
    rm_diags_sort(&d);
    rm_render_opts opts = {false, true};
    rm_diags_render_text(&out, &srcs, &d, &opts);
    rm_sb_puts(&out, "---\n");
    rm_prisma_ast_dump(&out, ast);

    char want[4096];
    snprintf(want, sizeof want, "%s/%.*s.out", GOLDEN_DIR, (int)(strlen(row->name) - 7),
             row->name);
    assert_true(rm_test_golden(want, rm_sb_str(&out)));

    rm_sb_free(&out);
    rm_arena_free(&a);
    rm_diags_free(&d);
    rm_sources_free(&srcs);
    free(text);
}

int main(void)
{
    DIR *dh = opendir(GOLDEN_DIR);
    if (!dh) {
        fprintf(stderr, "cannot open %s\n", GOLDEN_DIR);
        return 1;
    }
    size_t cap = 0;
    struct dirent *de;
    while ((de = readdir(dh)) != NULL) {
        size_t l = strlen(de->d_name);
        if (l <= 7 || strcmp(de->d_name + l - 7, ".prisma") != 0)
            continue;
        if (nrows == cap) {
            cap = cap ? cap * 2 : 64;
            rows = realloc(rows, cap * sizeof *rows);
        }
        rows[nrows].name = malloc(l + 1);
        memcpy(rows[nrows].name, de->d_name, l + 1);
        nrows++;
    }
    closedir(dh);
    if (nrows == 0) {
        fprintf(stderr, "no golden cases in %s\n", GOLDEN_DIR);
        return 1;
    }
    qsort(rows, nrows, sizeof *rows, cmp_rows);
    struct CMUnitTest *tests = calloc(nrows, sizeof *tests);
    for (size_t i = 0; i < nrows; i++)
        tests[i] = (struct CMUnitTest){.name = rows[i].name, .test_func = run_golden,
                                       .initial_state = &rows[i]};
    int rc = _cmocka_run_group_tests("prisma_golden", tests, nrows, NULL, NULL);
    for (size_t i = 0; i < nrows; i++)
        free(rows[i].name);
    free(rows);
    free(tests);
    return rc;
}
