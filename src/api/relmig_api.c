/*
 * The implementation of include/relmig/relmig.h: a thin layer that turns text in into text out
 * over the core (schema builder, graph printers, diagnostic renderer), so the installed library
 * has a small interface that does not expose the core's structs. Built only into the installed
 * librelmig.a (cmake/Install.cmake); the relmig command does not use it. Not for I/O.
 */
#include "relmig/relmig.h"

#include "model/graph_json.h"
#include "model/graph_print.h"
#include "model/schema.h"
#include "util/diag_render.h"

#include <stdlib.h>

const char *rm_api_version(void)
{
    return RELMIG_VERSION_STRING;
}

void rm_api_free(void *p)
{
    free(p);
}

static void render(rm_sb *out, const rm_graph *g, rm_api_format format)
{
    switch (format) {
    case RM_API_FORMAT_JSON:
        rm_graph_render_json(out, g);
        break;
    case RM_API_FORMAT_MERMAID:
        rm_graph_print_mermaid(out, g);
        break;
    case RM_API_FORMAT_DOT:
        rm_graph_print_dot(out, g);
        break;
    case RM_API_FORMAT_NONE:
        break;
    }
}

int rm_api_check_schema(const char *name, const char *text, size_t len, rm_api_format format,
                        char **graph, char **diagnostics_json)
{
    if (graph)
        *graph = NULL;
    if (diagnostics_json)
        *diagnostics_json = NULL;
    if (!name || (!text && len) || format < RM_API_FORMAT_NONE || format > RM_API_FORMAT_DOT)
        return -1;

    int result = -1;
    rm_sources srcs;
    rm_diags d;
    rm_arena a;
    rm_sb out = RM_SB_INIT;
    rm_graph *g = NULL;
    bool errors = false;
    rm_sources_init(&srcs);
    rm_diags_init(&d);
    rm_arena_init(&a, 0);
    if (!rm_sources_add(&srcs, name, text ? text : "", len))
        goto done;
    (void)rm_schema_build(&g, &srcs, &a, &d);
    errors = rm_diags_has_errors(&d);
    if (graph && format != RM_API_FORMAT_NONE && !errors && g) {
        render(&out, g, format);
        if (rm_sb_error(&out) != RM_OK)
            goto done;
        *graph = rm_sb_detach(&out);
    }
    if (diagnostics_json) {
        rm_sb_reset(&out);
        rm_diags_sort(&d);
        rm_diags_render_json(&out, &srcs, &d);
        if (rm_sb_error(&out) != RM_OK) {
            if (graph) {
                free(*graph);
                *graph = NULL;
            }
            goto done;
        }
        *diagnostics_json = rm_sb_detach(&out);
    }
    result = errors ? 1 : 0;
done:
    rm_sb_free(&out);
    rm_arena_free(&a);
    rm_diags_free(&d);
    rm_sources_free(&srcs);
    return result;
}
