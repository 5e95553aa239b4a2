/*
 * libFuzzer target: everything after parsing, on arbitrary input. The input is split into
 * files at RM_FUZZ_MARK lines; even parts are in the target's language (compiled twice:
 * fuzz_graph_prisma, and fuzz_graph_cerial with RM_FUZZ_CERIAL), odd parts in the other, so
 * mixed schemas are reached too. rm_schema_build (parse, validate, relation graph); then,
 * when the graph has no error (as the CLI), the graph printers (JSON, Prisma, Cerial, mermaid,
 * dot) and for each dialect: lower, diff from the empty schema, render SQL and JSON, the physical-schema text
 * form, and raise the lowered schema back to a graph and print it (the introspection path).
 * Finds crashes, overreads, leaks and recursion; not whether the SQL is right.
 */
#include "diff/diff.h"
#include "fuzz_common.h"
#include "fuzz_split.h"
#include "model/graph_json.h"
#include "model/graph_print.h"
#include "model/print.h"
#include "model/schema.h"
#include "sqlschema/lower.h"
#include "sqlschema/raise.h"
#include "sqlschema/text.h"

#include <stdio.h>


static void fuzz_print_graph(const rm_graph *g, rm_diags *d)
{
    rm_sb sb = RM_SB_INIT;
    rm_graph_render_json(&sb, g);
    rm_print_prisma(&sb, g);
    rm_print_cerial(&sb, g, d);
    rm_graph_print_mermaid(&sb, g);
    rm_graph_print_dot(&sb, g);
    rm_sb_free(&sb);
}

static void fuzz_dialect(const rm_graph *g, const rm_dialect *dl, rm_arena *a, rm_diags *d)
{
    rm_sqlschema to, empty;
    rm_lower_opts lo = {.default_schema = "public", .qualify_default = false};
    if (rm_sqlschema_lower(&to, g, dl, &lo, a, d) != RM_OK)
        return;
    rm_sqlschema_init(&empty, a);
    rm_diff df;
    if (rm_diff_schemas(&df, &empty, &to, dl, a, d) != RM_OK)
        return;
    rm_sb sb = RM_SB_INIT;
    rm_diff_render_sql(&sb, &df, true, d);
    rm_diff_render_json(&sb, &df);
    rm_diff_render_summary(&sb, &df);
    rm_sb_reset(&sb);
    rm_sqlschema_print_text(&sb, &to);
    rm_sb_free(&sb);
    rm_graph *raised = NULL;
    if (rm_sqlschema_raise(&raised, &to, dl, NULL, a, d) == RM_OK && raised)
        fuzz_print_graph(raised, d);
}

/* One input; even parts are Cerial when cerial_first (tests/unit/test_fuzz_regressions.c
 * calls this directly for both variants). */
static int fuzz_graph_run(const uint8_t *data, size_t size, bool cerial_first)
{
    static const char *const ext[2][2] = {{"prisma", "cerial"}, {"cerial", "prisma"}};
    const char *const *fuzz_ext = ext[cerial_first];
    rm_fuzz_part parts[RM_FUZZ_MAX_PARTS];
    size_t nparts = rm_fuzz_split(parts, (const char *)data, size);
    rm_sources srcs;
    rm_sources_init(&srcs);
    for (size_t i = 0; i < nparts; i++) {
        char name[32];
        snprintf(name, sizeof name, "f%zu.%s", i, fuzz_ext[i % 2]);
        rm_sources_add(&srcs, name, parts[i].text, parts[i].len);
    }
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_diags d;
    rm_diags_init(&d);
    rm_graph *g = NULL;
    int rc = rm_schema_build(&g, &srcs, &a, &d);
    /* Only a graph without errors goes further, as in the CLI (printers and lowering assume
     * a validated graph; the best-effort graph of a failed build is for diagnostics). */
    if (g && rc == RM_OK) {
        fuzz_print_graph(g, &d);
        fuzz_dialect(g, &rm_dialect_postgres, &a, &d);
        fuzz_dialect(g, &rm_dialect_mysql, &a, &d);
        fuzz_dialect(g, &rm_dialect_sqlite, &a, &d);
    }
    rm_fuzz_render_diags(&srcs, &d);
    rm_diags_free(&d);
    rm_arena_free(&a);
    rm_sources_free(&srcs);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
#ifdef RM_FUZZ_CERIAL
    return fuzz_graph_run(data, size, true);
#else
    return fuzz_graph_run(data, size, false);
#endif
}
