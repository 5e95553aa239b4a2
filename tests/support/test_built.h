/*
 * A schema text built into a relation graph with everything that has to live as long as the
 * graph (sources, arena, diagnostics), for tests that build several texts side by side (the
 * printer round trips: original, printed, printed again). Test code only. Build errors are
 * printed on stdout, where cmocka's output goes; the caller asserts on b->d.
 */
#ifndef RELMIG_TESTS_TEST_BUILT_H
#define RELMIG_TESTS_TEST_BUILT_H

#include "model/schema.h"
#include "testutil.h"
#include "util/arena.h"
#include "util/diag.h"

typedef struct rm_test_built {
    rm_sources srcs;
    rm_arena a;
    rm_diags d;
    rm_graph *g;
} rm_test_built;

/* name is the source's file name: its extension picks the syntax. */
static inline void rm_test_build_text(rm_test_built *b, const char *name, const char *text,
                                      size_t len)
{
    rm_sources_init(&b->srcs);
    rm_sources_add(&b->srcs, name, text, len);
    rm_arena_init(&b->a, 0);
    rm_diags_init(&b->d);
    b->g = NULL;
    rm_schema_build(&b->g, &b->srcs, &b->a, &b->d);
    if (b->d.nerrors)
        rm_test_print_diags(&b->srcs, &b->d);
}

static inline void rm_test_built_free(rm_test_built *b)
{
    rm_arena_free(&b->a);
    rm_diags_free(&b->d);
    rm_sources_free(&b->srcs);
}

#endif
