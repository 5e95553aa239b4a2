/*
 * Syntax equivalence (issue #4): each relation example of the seeds (one-to-one required and
 * optional, one-to-many required and optional, many-to-many) is written once in Prisma and once
 * in Cerial (tests/golden/equivalence/<case>.prisma / .cerial). Both must build without
 * diagnostics, and their graph JSONs must be equal byte for byte after normalising exactly the
 * differences the two languages really have (normalise() below; each is first asserted to be
 * what that language's rule says, then erased; docs/cerial.md lists the same differences).
 * The normalised JSON must also equal tests/golden/equivalence/<case>.json (reviewed by hand;
 * RELMIG_UPDATE_GOLDEN=1 rewrites it). One row per case.
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

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GOLDEN RELMIG_SOURCE_DIR "/tests/golden/equivalence/"

static const char *const cases[] = {
    "one_to_one_required",  "one_to_one_optional", "one_to_many_required",
    "one_to_many_optional", "many_to_many",
};

/* Cerial's table name rule written independently of the code under test: CamelCase ->
 * snake_case (the cases only use simple names). */
static void snake(char *out, size_t cap, const char *name)
{
    size_t n = 0;
    for (const char *c = name; *c && n + 2 < cap; c++) {
        if (isupper((unsigned char)*c) && c != name)
            out[n++] = '_';
        out[n++] = (char)tolower((unsigned char)*c);
    }
    out[n] = '\0';
}

static void normalise(rm_graph *g, rm_syntax lang)
{
    for (size_t i = 0; i < g->nmodels; i++) {
        rm_model *m = &g->models[i];
        assert_int_equal(m->syntax, lang);
        /* 1. The language a model was written in: recorded in the graph by design. */
        m->syntax = RM_SYNTAX_PRISMA;
        /* 2. Table names: Prisma uses the model name, Cerial snake_case of it. */
        char want[256];
        if (lang == RM_SYNTAX_CERIAL)
            snake(want, sizeof want, m->name);
        else
            snprintf(want, sizeof want, "%s", m->name);
        assert_string_equal(m->db_name, want);
        m->db_name = m->name;
    }
    for (size_t r = 0; r < g->nrelations; r++) {
        rm_relation *rel = &g->relations[r];
        /* 3. Delete default of a required FK: Prisma Restrict, Cerial Cascade (fixed). Optional
         * FKs agree (Prisma SetNull; Cerial SetNone, which SQL can only express as SET NULL). */
        if (rel->nfk > 0 && !rel->fk_optional && !rel->on_delete_set) {
            assert_int_equal(rel->on_delete, lang == RM_SYNTAX_CERIAL ? RM_ACTION_CASCADE
                                                                      : RM_ACTION_RESTRICT);
            rel->on_delete = RM_ACTION_NONE;
        }
        /* 4. The back side of a one-to-one: Cerial may declare it required (`Relation`), a
         * Prisma back-relation field is always optional (it has no column). */
        if (rel->card == RM_CARD_ONE_TO_ONE && rel->to.field != RM_NONE) {
            rm_field *f = &g->models[rel->to.model].fields[rel->to.field];
            if (lang == RM_SYNTAX_PRISMA)
                assert_true(f->optional);
            f->optional = true;
        }
    }
}

static char *build_json(const char *path, rm_syntax lang)
{
    rm_sources srcs;
    rm_sources_init(&srcs);
    rm_arena a;
    rm_arena_init(&a, 0);
    /* the same display name for both, so no location-free field can differ by path */
    rm_graph *g = rm_test_build_clean(path, &srcs, &a);
    assert_non_null(g);
    rm_sb out = RM_SB_INIT;
    normalise(g, lang);
    rm_graph_render_json(&out, g);
    rm_arena_free(&a);
    rm_sources_free(&srcs);
    return rm_sb_detach(&out);
}

static void run_case(void **state)
{
    const char *name = *state;
    char path[1024];
    snprintf(path, sizeof path, GOLDEN "%s.prisma", name);
    char *pj = build_json(path, RM_SYNTAX_PRISMA);
    snprintf(path, sizeof path, GOLDEN "%s.cerial", name);
    char *cj = build_json(path, RM_SYNTAX_CERIAL);
    if (strcmp(pj, cj) != 0)
        printf("prisma:\n%s\ncerial:\n%s\n", pj, cj);
    assert_string_equal(pj, cj);
    snprintf(path, sizeof path, GOLDEN "%s.json", name);
    assert_true(rm_test_golden(path, pj));
    free(pj);
    free(cj);
}

int main(void)
{
    struct CMUnitTest tests[RM_ARRAY_LEN(cases)];
    for (size_t i = 0; i < RM_ARRAY_LEN(cases); i++)
        tests[i] = (struct CMUnitTest){
            .name = cases[i], .test_func = run_case, .initial_state = (void *)(uintptr_t)cases[i]};
    return _cmocka_run_group_tests("syntax_equivalence", tests, RM_ARRAY_LEN(cases), NULL, NULL);
}
