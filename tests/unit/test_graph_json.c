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
    rm_sources srcs;
    rm_sources_init(&srcs);
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_graph *g = rm_test_build_clean(path, &srcs, &a);
    assert_non_null(g);
    rm_sb out = RM_SB_INIT;
    rm_graph_render_json(&out, g);
    snprintf(path, sizeof path, GOLDEN "%s.json", name);
    assert_true(rm_test_golden(path, rm_sb_str(&out)));
    rm_sb_free(&out);
    rm_arena_free(&a);
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
