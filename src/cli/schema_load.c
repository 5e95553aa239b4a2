/*
 * See schema_load.h. File reading is io/'s job and building is model/schema.c's; this file only
 * strings them together so every command loads schemas the same way.
 */
#include "cli/schema_load.h"

#include "cli/cli.h"
#include "io/files.h"
#include "model/schema.h"

int rm_schema_load(rm_loaded_schema *out, const char *const *paths, size_t npaths, rm_diags *d)
{
    rm_sources_init(&out->srcs);
    rm_arena_init(&out->arena, 0);
    out->graph = NULL;
    double t0 = rm_cli_now_ms();
    int rc = rm_io_read_schema_paths(&out->srcs, paths, npaths, d);
    int brc = rm_schema_build(&out->graph, &out->srcs, &out->arena, d);
    if (out->graph)
        rm_cli_verbose("read %zu schema file%s: %zu models, %zu enums, %zu relations (%.1f ms)",
                       out->srcs.n, out->srcs.n == 1 ? "" : "s", out->graph->nmodels,
                       out->graph->nenums, out->graph->nrelations, rm_cli_now_ms() - t0);
    if (rc == RM_OK)
        rc = brc;
    if (rc == RM_OK && rm_diags_has_errors(d))
        rc = RM_ERR;
    return rc;
}

void rm_loaded_schema_free(rm_loaded_schema *s)
{
    rm_arena_free(&s->arena);
    rm_sources_free(&s->srcs);
}
