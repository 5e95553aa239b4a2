/*
 * Golden rendered diagnostics for Cerial schemas: every tests/golden/cerial/<case>.cerial is
 * checked (default options) and its diagnostics rendered as text with code frames into
 * <case>.out. RELMIG_UPDATE_GOLDEN=1 rewrites the .out files; review the diff.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "parser/cerial.h"
#include "testutil.h"
#include "util/diag_render.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GOLDEN_DIR RELMIG_SOURCE_DIR "/tests/golden/cerial"

static void test_golden_case(void **state)
{
    const char *name = *state;
    char path[4096];
    size_t len;
    char *text;
    rm_sources srcs;
    rm_diags d;
    rm_arena a;
    rm_sb out = RM_SB_INIT;
    rm_render_opts ro = {false, true};
    rm_cerial_opts co = {false};
    rm_cerial_schema *res = NULL;
    rm_source *src;
    uint32_t id;
    snprintf(path, sizeof(path), "%s/%s.cerial", GOLDEN_DIR, name);
    text = rm_test_read_file(path, &len);
    assert_non_null(text);
    rm_sources_init(&srcs);
    rm_diags_init(&d);
    rm_arena_init(&a, 0);
    snprintf(path, sizeof(path), "%s.cerial", name);
    src = rm_sources_add(&srcs, path, text, len);
    assert_non_null(src);
    id = src->id;
    rm_cerial_check(&res, NULL, &srcs, &id, 1, &co, &a, &d);
    rm_diags_render_text(&out, &srcs, &d, &ro);
    rm_diags_render_summary(&out, &d);
    rm_sb_putc(&out, '\n');
    snprintf(path, sizeof(path), "%s/%s.out", GOLDEN_DIR, name);
    assert_true(rm_test_golden(path, rm_sb_str(&out)));
    rm_sb_free(&out);
    rm_arena_free(&a);
    rm_diags_free(&d);
    rm_sources_free(&srcs);
    free(text);
}

static int by_name(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

int main(void)
{
    DIR *dir = opendir(GOLDEN_DIR);
    struct dirent *e;
    char **names = NULL;
    size_t n = 0, i;
    struct CMUnitTest *tests;
    int rc;
    if (dir == NULL) {
        fprintf(stderr, "cannot open %s\n", GOLDEN_DIR);
        return 1;
    }
    while ((e = readdir(dir)) != NULL) {
        size_t l = strlen(e->d_name);
        if (l > 7 && strcmp(e->d_name + l - 7, ".cerial") == 0) {
            names = realloc(names, (n + 1) * sizeof(*names));
            names[n] = malloc(l - 6);
            memcpy(names[n], e->d_name, l - 7);
            names[n][l - 7] = '\0';
            n++;
        }
    }
    closedir(dir);
    qsort(names, n, sizeof(*names), by_name);
    tests = calloc(n + 1, sizeof(*tests));
    for (i = 0; i < n; i++) {
        tests[i].name = names[i];
        tests[i].test_func = test_golden_case;
        tests[i].initial_state = names[i];
    }
    rc = n > 0 ? _cmocka_run_group_tests("cerial_golden", tests, n, NULL, NULL) : 1;
    for (i = 0; i < n; i++)
        free(names[i]);
    free(names);
    free(tests);
    return rc;
}
