/*
 * The diagnostics list. Collecting only; printing is diag_render.c's job.
 */
#include "util/diag.h"

#include <stdio.h>
#include <stdlib.h>

#define RM_DIAGS_DEFAULT_MAX_ERRORS 1000

void rm_diags_init(rm_diags *d)
{
    rm_arena_init(&d->arena, 16 * 1024);
    d->items = NULL;
    d->n = d->cap = 0;
    d->nerrors = d->nwarnings = 0;
    d->max_errors = RM_DIAGS_DEFAULT_MAX_ERRORS;
    d->dropped = 0;
}

void rm_diags_free(rm_diags *d)
{
    rm_arena_free(&d->arena);
    d->items = NULL;
    d->n = d->cap = 0;
}

static char *vformat(rm_arena *a, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    if (n < 0)
        n = 0;
    char *out = rm_arena_alloc(a, (size_t)n + 1);
    vsnprintf(out, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return out;
}

rm_diag *rm_diag_vadd(rm_diags *d, rm_severity sev, uint16_t id, rm_loc loc, const char *fmt,
                      va_list ap)
{
    rm_diag *g = RM_NEW(&d->arena, rm_diag);
    g->sev = sev;
    g->id = id;
    g->loc = loc;
    g->msg = vformat(&d->arena, fmt, ap);
    g->seq = (uint32_t)(d->n + d->dropped);
    if (sev == RM_SEV_ERROR) {
        d->nerrors++;
        if (d->max_errors && d->nerrors > d->max_errors) {
            d->dropped++;
            return g; /* scratch: counted, not listed */
        }
    } else if (sev == RM_SEV_WARNING) {
        d->nwarnings++;
    }
    RM_VEC_PUSH(&d->arena, d->items, d->n, d->cap, g);
    return g;
}

rm_diag *rm_diag_add(rm_diags *d, rm_severity sev, uint16_t id, rm_loc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rm_diag *g = rm_diag_vadd(d, sev, id, loc, fmt, ap);
    va_end(ap);
    return g;
}

void rm_diag_set_detail(rm_diags *d, rm_diag *g, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    g->detail = vformat(&d->arena, fmt, ap);
    va_end(ap);
}

void rm_diag_set_hint(rm_diags *d, rm_diag *g, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    g->hint = vformat(&d->arena, fmt, ap);
    va_end(ap);
}

bool rm_diags_has_errors(const rm_diags *d)
{
    return d->nerrors > 0;
}

void rm_diags_promote_warnings(rm_diags *d)
{
    for (size_t i = 0; i < d->n; i++) {
        if (d->items[i]->sev == RM_SEV_WARNING) {
            d->items[i]->sev = RM_SEV_ERROR;
            d->nwarnings--;
            d->nerrors++;
        }
    }
}

static int cmp_diag(const void *pa, const void *pb)
{
    const rm_diag *a = *(rm_diag *const *)pa;
    const rm_diag *b = *(rm_diag *const *)pb;
    if (a->loc.file != b->loc.file)
        return a->loc.file < b->loc.file ? -1 : 1;
    if (a->loc.off != b->loc.off)
        return a->loc.off < b->loc.off ? -1 : 1;
    if (a->seq != b->seq)
        return a->seq < b->seq ? -1 : 1;
    return 0;
}

void rm_diags_sort(rm_diags *d)
{
    if (d->n > 1)
        qsort(d->items, d->n, sizeof(d->items[0]), cmp_diag);
}

void rm_diag_id_format(char out[8], uint16_t id)
{
    snprintf(out, 8, "E%04u", (unsigned)(id % 10000u));
}

const char *rm_diag_id_summary(uint16_t id)
{
    switch (id) {
#define X(name, num, summary)                                                                  \
    case num:                                                                                  \
        return summary;
#include "util/diag_ids.def"
#undef X
    default:
        return NULL;
    }
}

const char *rm_severity_name(rm_severity sev)
{
    switch (sev) {
    case RM_SEV_ERROR:
        return "error";
    case RM_SEV_WARNING:
        return "warning";
    case RM_SEV_NOTE:
        return "note";
    }
    return "error";
}
