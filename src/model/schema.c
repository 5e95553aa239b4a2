/*
 * Dispatch of sources to their language front end and merge into one graph (see schema.h).
 * Cerial sources form their own namespace (parser/cerial.h) and are mapped by
 * model/cerial_build.c; a schema mixing both languages is refused. Not for reading files.
 */
#include "model/schema.h"

#include "model/cerial_build.h"
#include "model/prisma_build.h"
#include "parser/prisma.h"

#include <string.h>

static bool has_ext(const char *path, const char *ext)
{
    size_t n = strlen(path), e = strlen(ext);
    return n >= e && strcmp(path + n - e, ext) == 0;
}

/* All sources are .cerial: one Cerial namespace, validated as `cerial generate` does, then
 * mapped. On failure *out is an empty graph. */
static int build_cerial(rm_graph **out, const rm_sources *srcs, rm_arena *a, rm_diags *d)
{
    uint32_t *ids = RM_NEW_ARRAY(a, uint32_t, srcs->n ? srcs->n : 1);
    rm_cerial_schema *resolved = NULL;
    rm_cerial_opts opts = {false}; /* --strict promotes the E0450 warnings in the CLI */
    int rc;
    for (size_t i = 0; i < srcs->n; i++)
        ids[i] = srcs->items[i]->id;
    rc = rm_cerial_check(&resolved, NULL, srcs, ids, srcs->n, &opts, a, d);
    if (rc != RM_OK) {
        *out = RM_NEW(a, rm_graph);
        return rc;
    }
    return rm_cerial_build(out, resolved, a, d);
}

int rm_schema_build(rm_graph **out, const rm_sources *srcs, rm_arena *a, rm_diags *d)
{
    int rc = RM_OK;
    rm_prisma_ast **asts = RM_NEW_ARRAY(a, rm_prisma_ast *, srcs->n ? srcs->n : 1);
    size_t nasts = 0, ncerial = 0;
    for (size_t i = 0; i < srcs->n; i++)
        ncerial += has_ext(srcs->items[i]->path, ".cerial");
    if (ncerial > 0 && ncerial == srcs->n)
        return build_cerial(out, srcs, a, d);
    for (size_t i = 0; i < srcs->n; i++) {
        const rm_source *src = srcs->items[i];
        if (has_ext(src->path, ".cerial")) {
            rm_diag *g = rm_diag_error(d, RM_E_NOT_IMPLEMENTED, rm_loc_make(src->id, 0, 0),
                                       "a schema mixing .prisma and .cerial files is not "
                                       "supported: %s",
                                       src->path);
            rm_diag_set_hint(d, g, "give the .prisma and the .cerial files in separate runs");
            rc = RM_EUNSUPPORTED;
            continue;
        }
        /* Anything else given explicitly is read as Prisma (io/ already reported unknown
         * extensions where that matters). */
        if (rm_prisma_parse(&asts[nasts], src, a, d) != RM_OK && rc == RM_OK)
            rc = RM_ESYNTAX;
        nasts++;
    }
    int brc = rm_prisma_build(out, asts, nasts, a, d);
    if (rc == RM_OK && brc != RM_OK)
        rc = brc;
    return rc;
}
