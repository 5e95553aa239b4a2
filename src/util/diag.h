/*
 * Diagnostics: errors, warnings and notes as values. Code that finds a problem appends an
 * rm_diag to the rm_diags list passed down to it and keeps going; only util/diag_render.c and
 * the CLI print them. Each has a stable id (E0001...; see diag_ids.def and docs/errors.md),
 * a byte-range location, a short message and optional detail and hint.
 */
#ifndef RELMIG_UTIL_DIAG_H
#define RELMIG_UTIL_DIAG_H

#include "util/source.h"

#include <stdarg.h>

typedef enum rm_severity {
    RM_SEV_ERROR,
    RM_SEV_WARNING,
    RM_SEV_NOTE
} rm_severity;

/* Diagnostic ids: RM_E_<NAME> = number. */
typedef enum rm_diag_id {
#define X(name, num, summary) RM_E_##name = num,
#include "util/diag_ids.def"
#undef X
    RM_E__END
} rm_diag_id;

typedef struct rm_diag {
    rm_severity sev;
    uint16_t id;         /* rm_diag_id */
    rm_loc loc;          /* RM_LOC_NONE when there is no place in a file */
    const char *msg;     /* short, factual, lower-case first word where natural, no period */
    const char *detail;  /* optional specifics; NULL if none */
    const char *hint;    /* optional advice, a full sentence; NULL if none */
    uint32_t seq;        /* emission order, for a stable sort */
} rm_diag;

typedef struct rm_diags {
    rm_arena arena;      /* holds the diags and their texts */
    rm_diag **items;
    size_t n;
    size_t cap;
    size_t nerrors;
    size_t nwarnings;
    size_t max_errors;   /* 0 = unlimited; beyond it errors are counted, not stored */
    size_t dropped;      /* errors not stored because of max_errors */
} rm_diags;

void rm_diags_init(rm_diags *d);
void rm_diags_free(rm_diags *d);

/* Append a diagnostic. The returned pointer is owned by d and stays valid until
 * rm_diags_free; use it to attach a detail or hint. Past max_errors an error is only counted
 * and a scratch diag is returned (so callers never check for NULL). */
rm_diag *rm_diag_add(rm_diags *d, rm_severity sev, uint16_t id, rm_loc loc, const char *fmt, ...)
    RM_PRINTF(5, 6);
rm_diag *rm_diag_vadd(rm_diags *d, rm_severity sev, uint16_t id, rm_loc loc, const char *fmt,
                      va_list ap) RM_PRINTF(5, 0);
#define rm_diag_error(d, id, loc, ...) rm_diag_add((d), RM_SEV_ERROR, (id), (loc), __VA_ARGS__)
#define rm_diag_warning(d, id, loc, ...) rm_diag_add((d), RM_SEV_WARNING, (id), (loc), __VA_ARGS__)
#define rm_diag_note(d, id, loc, ...) rm_diag_add((d), RM_SEV_NOTE, (id), (loc), __VA_ARGS__)
void rm_diag_set_detail(rm_diags *d, rm_diag *g, const char *fmt, ...) RM_PRINTF(3, 4);
void rm_diag_set_hint(rm_diags *d, rm_diag *g, const char *fmt, ...) RM_PRINTF(3, 4);

bool rm_diags_has_errors(const rm_diags *d);
/* Turn every warning into an error (--strict). */
void rm_diags_promote_warnings(rm_diags *d);
/* Order by file, offset, then emission order: a deterministic report whatever order the
 * checks ran in. Diagnostics without a location go last. */
void rm_diags_sort(rm_diags *d);

/* "E0102" for an id; the static summary text from diag_ids.def, or NULL for unknown ids. */
void rm_diag_id_format(char out[8], uint16_t id);
const char *rm_diag_id_summary(uint16_t id);
const char *rm_severity_name(rm_severity sev);

#endif
