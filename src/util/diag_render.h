/*
 * The one place diagnostics are turned into text: the human form with a code frame and the
 * JSON form for tools. Renders into a string builder; writing it out is the caller's business.
 */
#ifndef RELMIG_UTIL_DIAG_RENDER_H
#define RELMIG_UTIL_DIAG_RENDER_H

#include "util/diag.h"
#include "util/sb.h"

typedef struct rm_render_opts {
    bool color;        /* ANSI colours (the CLI decides: TTY and no NO_COLOR) */
    bool code_frame;   /* show the source lines under the headline */
} rm_render_opts;

/* One diagnostic:
 *   path:line:col: error[E0102]: message
 *     |
 *   12 |   the source line
 *     |   ^~~~
 *     = detail: ...
 *     = hint: ...
 * Spans over several lines show each line (at most 4; the middle elided) with its part
 * underlined. Long lines are windowed around the span; control bytes and invalid UTF-8
 * show as '?', tabs as four spaces, so the frame is safe on a terminal whatever the input. */
void rm_diag_render_text(rm_sb *out, const rm_sources *srcs, const rm_diag *g,
                         const rm_render_opts *opts);
/* All diagnostics in list order, each followed by a blank line. */
void rm_diags_render_text(rm_sb *out, const rm_sources *srcs, const rm_diags *d,
                          const rm_render_opts *opts);
/* A JSON array of objects {severity, code, message, detail, hint, file, line, column,
 * endLine, endColumn, offset, length}; absent values are null. */
void rm_diags_render_json(rm_sb *out, const rm_sources *srcs, const rm_diags *d);
/* "2 errors, 1 warning" style summary, without newline. */
void rm_diags_render_summary(rm_sb *out, const rm_diags *d);

#endif
