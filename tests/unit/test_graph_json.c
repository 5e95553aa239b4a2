/*
 * Golden graph JSON: each tests/golden/graph/<case>.prisma is built into a graph and printed as
 * JSON (docs/graph-json.md); the output must equal <case>.json byte for byte. The expected files
 * were reviewed by hand; RELMIG_UPDATE_GOLDEN=1 rewrites them (then review the diff). Each case
 * must also validate without diagnostics. One test row per case.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "model/graph_json.h"
#include "model/schema.h"
#include "testutil.h"
#include "util/diag_render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GOLDEN RELMIG_SOURCE_DIR "/tests/golden/graph/"

static const char *const cases[] = {
    "one_to_one",     "one_to_many",    "many_to_many_implicit", "many_to_many_explicit",
    "composite_keys", "self_relations", "disambiguated_names",
};

static void run_case(void **state)
{
    const char *name = *state;
    char path[1024];
    snprintf(path, sizeof path, GOLDEN "%s.prisma", name);
    size_t len = 0;
    char *text = rm_test_read_file(path, &len);
    assert_non_null(text);
    rm_sources srcs;
    rm_sources_init(&srcs);
    rm_sources_add(&srcs, path, text, len);
    free(text);
    rm_diags d;
    rm_diags_init(&d);
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_graph *g = NULL;
    int rc = rm_schema_build(&g, &srcs, &a, &d);
    rm_sb out = RM_SB_INIT;
    if (d.n > 0) {
        rm_render_opts o = {false, false};
        rm_diags_render_text(&out, &srcs, &d, &o);
        printf("%s", rm_sb_str(&out));
        rm_sb_reset(&out);
    }
    assert_int_equal(d.n, 0);
    assert_int_equal(rc, RM_OK);
    rm_graph_render_json(&out, g);
    snprintf(path, sizeof path, GOLDEN "%s.json", name);
    assert_true(rm_test_golden(path, rm_sb_str(&out)));
    rm_sb_free(&out);
    rm_arena_free(&a);
    rm_diags_free(&d);
    rm_sources_free(&srcs);
}

int main(void)
{
    struct CMUnitTest tests[RM_ARRAY_LEN(cases)];
    for (size_t i = 0; i < RM_ARRAY_LEN(cases); i++)
        tests[i] = (struct CMUnitTest){
            .name = cases[i], .test_func = run_case, .initial_state = (void *)(uintptr_t)cases[i]};
    return _cmocka_run_group_tests("graph_json", tests, RM_ARRAY_LEN(cases), NULL, NULL);
}
