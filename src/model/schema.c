/*
 * Dispatch of sources to their language front end and merge into one graph (see schema.h).
 * Adding Cerial means replacing the E0007 branch below with its parse + map call; nothing
 * else changes for the callers. Not for reading files.
 */
#include "model/schema.h"

#include "model/prisma_build.h"
#include "parser/prisma.h"

#include <string.h>

static bool has_ext(const char *path, const char *ext)
{
    size_t n = strlen(path), e = strlen(ext);
    return n >= e && strcmp(path + n - e, ext) == 0;
}

int rm_schema_build(rm_graph **out, const rm_sources *srcs, rm_arena *a, rm_diags *d)
{
    int rc = RM_OK;
    rm_prisma_ast **asts = RM_NEW_ARRAY(a, rm_prisma_ast *, srcs->n ? srcs->n : 1);
    size_t nasts = 0;
    for (size_t i = 0; i < srcs->n; i++) {
        const rm_source *src = srcs->items[i];
        if (has_ext(src->path, ".cerial")) {
            rm_diag *g = rm_diag_error(d, RM_E_NOT_IMPLEMENTED, rm_loc_make(src->id, 0, 0),
                                       "Cerial support is not built yet: %s", src->path);
            rm_diag_set_hint(d, g, "validate the .prisma files on their own for now");
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
