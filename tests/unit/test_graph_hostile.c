/*
 * The graph builder on broken input: every real-world schema and every corpus fixture is cut at
 * many points, and has single lines deleted, and each variant is parsed and built. The builder
 * must never crash or read out of bounds (run under -DRELMIG_SANITIZE=ON to check), must
 * return a graph, and its return code must agree with the diagnostics (RM_OK exactly when no
 * error was reported); every diagnostic must point inside its source. One row per input file.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "model/graph_json.h"
#include "model/schema.h"
#include "testutil.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const dirs[] = {
    RELMIG_SHARED_DIR "/corpus/real-schemas",
    RELMIG_SHARED_DIR "/corpus/prisma/validation/derived_prisma_7.10",
    RELMIG_SOURCE_DIR "/tests/golden/graph",
};

static char *files[256];
static size_t nfiles;

static void build_one(const char *text, size_t len)
{
    rm_sources srcs;
    rm_sources_init(&srcs);
    rm_sources_add(&srcs, "schema.prisma", text, len);
    rm_diags d;
    rm_diags_init(&d);
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_graph *g = NULL;
    int rc = rm_schema_build(&g, &srcs, &a, &d);
    assert_non_null(g);
    assert_int_equal(rc == RM_OK, !rm_diags_has_errors(&d));
    for (size_t i = 0; i < d.n; i++) {
        const rm_diag *x = d.items[i];
        if (x->loc.file == RM_FILE_NONE)
            continue;
        assert_int_equal(x->loc.file, 0);
        assert_true((size_t)x->loc.off + x->loc.len <= len);
    }
    /* A graph built from a broken schema is never printed by the CLI, but it must still be
     * consistent enough to walk. */
    rm_sb out = RM_SB_INIT;
    rm_graph_render_json(&out, g);
    assert_int_equal(rm_sb_error(&out), RM_OK);
    rm_sb_free(&out);
    rm_arena_free(&a);
    rm_diags_free(&d);
    rm_sources_free(&srcs);
}

static void run_file(void **state)
{
    const char *path = *state;
    size_t len = 0;
    char *text = rm_test_read_file(path, &len);
    assert_non_null(text);
    /* Prefixes: 49 cut points spread over the file, plus every byte of the first 160. The
     * counts keep the run short (about 20 s of CPU under ASan, a few seconds without). */
    for (size_t k = 0; k <= 48; k++)
        build_one(text, len * k / 48);
    for (size_t k = 0; k < 160 && k < len; k++)
        build_one(text, k);
    /* Each of up to 120 lines deleted in turn (removes braces, keys, back fields...). */
    char *buf = malloc(len + 1);
    size_t start = 0;
    for (size_t line = 0; line < 120 && start < len; line++) {
        const char *nl = memchr(text + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - text) + 1 : len;
        memcpy(buf, text, start);
        memcpy(buf + start, text + end, len - end);
        build_one(buf, len - (end - start));
        start = end;
    }
    free(buf);
    free(text);
}

int main(void)
{
    for (size_t i = 0; i < RM_ARRAY_LEN(dirs); i++) {
        DIR *dh = opendir(dirs[i]);
        if (!dh)
            continue;
        struct dirent *e;
        while ((e = readdir(dh)) != NULL && nfiles < 256) {
            size_t n = strlen(e->d_name);
            if (n < 7 || strcmp(e->d_name + n - 7, ".prisma") != 0)
                continue;
            size_t plen = strlen(dirs[i]) + n + 2;
            files[nfiles] = malloc(plen);
            snprintf(files[nfiles], plen, "%s/%s", dirs[i], e->d_name);
            nfiles++;
        }
        closedir(dh);
    }
    if (nfiles < 50) {
        printf("expected the shared corpus and golden inputs, found %zu files\n", nfiles);
        return 1;
    }
    struct CMUnitTest *tests = calloc(nfiles, sizeof *tests);
    for (size_t i = 0; i < nfiles; i++)
        tests[i] = (struct CMUnitTest){
            .name = strrchr(files[i], '/') + 1, .test_func = run_file, .initial_state = files[i]};
    int rc = _cmocka_run_group_tests("graph_hostile", tests, nfiles, NULL, NULL);
    free(tests);
    for (size_t i = 0; i < nfiles; i++)
        free(files[i]);
    return rc;
}
