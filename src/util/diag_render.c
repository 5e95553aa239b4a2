/*
 * Diagnostic rendering. Pure: text in, text out. The code frame is computed from byte offsets
 * and the source's line map; all display-width decisions live here.
 */
#include "util/diag_render.h"

#include <string.h>

#define FRAME_MAX_LINE_WIDTH 160 /* display columns shown of one source line */
#define FRAME_CONTEXT_BEFORE 60  /* columns kept before the span start in a windowed line */
#define FRAME_MAX_LINES 4        /* lines of a multi-line span shown before eliding */

#define ANSI_RESET "\033[0m"
#define ANSI_BOLD "\033[1m"
#define ANSI_RED "\033[1;31m"
#define ANSI_YELLOW "\033[1;33m"
#define ANSI_CYAN "\033[1;36m"
#define ANSI_BLUE "\033[1;34m"

static const char *sev_color(rm_severity sev)
{
    switch (sev) {
    case RM_SEV_ERROR:
        return ANSI_RED;
    case RM_SEV_WARNING:
        return ANSI_YELLOW;
    case RM_SEV_NOTE:
        return ANSI_CYAN;
    }
    return ANSI_RED;
}

static void put_colored(rm_sb *out, bool color, const char *code, const char *text)
{
    if (color)
        rm_sb_puts(out, code);
    rm_sb_puts(out, text);
    if (color)
        rm_sb_puts(out, ANSI_RESET);
}

/* Length of a valid UTF-8 sequence starting at s (max n bytes) or 0. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    size_t len = c < 0x80 ? 1 : (c >= 0xc2 && c <= 0xdf) ? 2 : (c >= 0xe0 && c <= 0xef) ? 3
                                                         : (c >= 0xf0 && c <= 0xf4) ? 4 : 0;
    if (len == 0 || len > n)
        return 0;
    for (size_t i = 1; i < len; i++)
        if ((s[i] & 0xc0) != 0x80)
            return 0;
    return len;
}

/* One display unit of a source line: bytes [off, off+nbytes) shown as `width` columns. */
typedef struct unit {
    size_t off;
    size_t nbytes;
    size_t width;
} unit;

/* Display width of the byte at p (1 for control bytes shown as '?', 4 for tab). */
static size_t unit_at(const char *text, size_t off, size_t end, unit *u)
{
    const unsigned char *p = (const unsigned char *)text + off;
    u->off = off;
    if (*p == '\t') {
        u->nbytes = 1;
        u->width = 4;
    } else if (*p < 0x20 || *p == 0x7f) {
        u->nbytes = 1;
        u->width = 1;
    } else {
        size_t l = utf8_len(p, end - off);
        u->nbytes = l ? l : 1;
        u->width = 1;
    }
    return u->nbytes;
}

static void put_unit(rm_sb *out, const char *text, const unit *u)
{
    unsigned char c = (unsigned char)text[u->off];
    if (c == '\t')
        rm_sb_puts(out, "    ");
    else if (c < 0x20 || c == 0x7f || (c >= 0x80 && utf8_len((const unsigned char *)text + u->off,
                                                                 u->nbytes) == 0))
        rm_sb_putc(out, '?');
    else
        rm_sb_append(out, text + u->off, u->nbytes);
}

/* Display columns from line_start to off. */
static size_t width_between(const char *text, size_t from, size_t to)
{
    size_t w = 0;
    unit u;
    while (from < to) {
        from += unit_at(text, from, to, &u);
        w += u.width;
    }
    return w;
}

/* Byte offset reached after skipping `cols` display columns from `from` (not past end). */
static size_t skip_width(const char *text, size_t from, size_t end, size_t cols)
{
    unit u;
    size_t w = 0;
    while (from < end) {
        unit_at(text, from, end, &u);
        if (w + u.width > cols)
            break;
        w += u.width;
        from += u.nbytes;
    }
    return from;
}

static size_t digits(uint32_t n)
{
    size_t d = 1;
    while (n >= 10) {
        n /= 10;
        d++;
    }
    return d;
}

static void put_gutter(rm_sb *out, const rm_render_opts *o, size_t width, uint32_t line)
{
    if (o->color)
        rm_sb_puts(out, ANSI_BLUE);
    if (line) {
        rm_sb_appendf(out, "%*u |", (int)width, (unsigned)line);
    } else {
        rm_sb_pad(out, ' ', width);
        rm_sb_puts(out, " |");
    }
    if (o->color)
        rm_sb_puts(out, ANSI_RESET);
}

/* One source line with the part [us, ue) underlined (us == ue: a single caret at us).
 * first: the caret goes at us (the start of the whole span). */
static void frame_line(rm_sb *out, const rm_source *src, const rm_render_opts *o, size_t gw,
                       uint32_t line, size_t us, size_t ue, bool first, rm_severity sev)
{
    size_t ls, le;
    rm_source_line_span(src, line, &ls, &le);
    const char *t = src->text;
    if (us < ls)
        us = ls;
    if (ue > le)
        ue = le;
    if (us > le)
        us = le;

    /* Window long lines around the underline start. Neither measure walks the whole line:
     * with many diagnostics on one long line that was quadratic (100,000 attributes on an
     * 800 KB line: seconds; test_limits). A unit is at most 4 bytes and at least 1 column, so
     * the window start lies within 4 * FRAME_CONTEXT_BEFORE bytes before us; counting from a
     * unit start there (any byte that is not a UTF-8 continuation byte) gives the same
     * window as counting from the line start. */
    bool longer = skip_width(t, ls, le, FRAME_MAX_LINE_WIDTH) < le;
    size_t ws = ls, we = le;
    bool cut_left = false, cut_right = false;
    if (longer) {
        size_t base = us - ls > 4 * FRAME_CONTEXT_BEFORE ? us - 4 * FRAME_CONTEXT_BEFORE : ls;
        while (base > ls && ((unsigned char)t[base] & 0xC0) == 0x80)
            base--;
        size_t col = width_between(t, base, us);
        if (base > ls || col > FRAME_CONTEXT_BEFORE) {
            ws = skip_width(t, base, le, col - FRAME_CONTEXT_BEFORE);
            cut_left = true;
        }
        we = skip_width(t, ws, le, FRAME_MAX_LINE_WIDTH);
        cut_right = we < le;
    }

    put_gutter(out, o, gw, line);
    if (ws < we || cut_left)
        rm_sb_putc(out, ' ');
    if (cut_left)
        rm_sb_puts(out, "...");
    unit u;
    for (size_t p = ws; p < we;) {
        p += unit_at(t, p, we, &u);
        put_unit(out, t, &u);
    }
    if (cut_right)
        rm_sb_puts(out, "...");
    rm_sb_putc(out, '\n');

    /* Underline row. */
    put_gutter(out, o, gw, 0);
    rm_sb_putc(out, ' ');
    size_t from = us < ws ? ws : us;
    size_t to = ue > we ? we : ue;
    size_t lead = (cut_left ? 3 : 0) + width_between(t, ws, from);
    rm_sb_pad(out, ' ', lead);
    size_t w = to > from ? width_between(t, from, to) : 0;
    if (o->color)
        rm_sb_puts(out, sev_color(sev));
    if (w == 0) {
        rm_sb_putc(out, first ? '^' : '~');
    } else {
        rm_sb_putc(out, first ? '^' : '~');
        rm_sb_pad(out, '~', w - 1);
    }
    if (o->color)
        rm_sb_puts(out, ANSI_RESET);
    rm_sb_putc(out, '\n');
}

static void put_extra(rm_sb *out, const rm_render_opts *o, size_t gw, const char *label,
                      const char *text)
{
    rm_sb_pad(out, ' ', gw + 1);
    rm_sb_puts(out, "= ");
    put_colored(out, o->color, ANSI_BOLD, label);
    rm_sb_puts(out, ": ");
    /* Continuation lines of a multi-line detail stay under the first. */
    for (const char *p = text; *p; p++) {
        rm_sb_putc(out, *p);
        if (*p == '\n' && p[1]) {
            rm_sb_pad(out, ' ', gw + 3 + strlen(label) + 2);
        }
    }
    rm_sb_putc(out, '\n');
}

void rm_diag_render_text(rm_sb *out, const rm_sources *srcs, const rm_diag *g,
                         const rm_render_opts *opts)
{
    static const rm_render_opts defaults = {false, true};
    const rm_render_opts *o = opts ? opts : &defaults;
    const rm_source *src = g->loc.file == RM_FILE_NONE ? NULL : rm_sources_get(srcs, g->loc.file);
    char id[8];
    rm_diag_id_format(id, g->id);

    uint32_t l1 = 0, c1 = 0, l2 = 0, c2 = 0;
    size_t off = g->loc.off, end = (size_t)g->loc.off + g->loc.len;
    if (src) {
        if (off > src->len)
            off = src->len;
        if (end > src->len)
            end = src->len;
        rm_source_line_col(src, off, &l1, &c1);
        rm_source_line_col(src, end, &l2, &c2);
        /* A span ending right after a newline ends on the previous line. */
        if (l2 > l1 && c2 == 1) {
            l2--;
        }
        if (o->color)
            rm_sb_puts(out, ANSI_BOLD);
        rm_sb_appendf(out, "%s:%u:%u: ", src->path, (unsigned)l1, (unsigned)c1);
        if (o->color)
            rm_sb_puts(out, ANSI_RESET);
    }
    put_colored(out, o->color, sev_color(g->sev), rm_severity_name(g->sev));
    if (o->color)
        rm_sb_puts(out, sev_color(g->sev));
    rm_sb_appendf(out, "[%s]", id);
    if (o->color)
        rm_sb_puts(out, ANSI_RESET);
    rm_sb_puts(out, ": ");
    put_colored(out, o->color, ANSI_BOLD, g->msg);
    rm_sb_putc(out, '\n');

    size_t gw = src ? digits(l2) : 1;
    if (src && o->code_frame) {
        put_gutter(out, o, gw, 0);
        rm_sb_putc(out, '\n');
        uint32_t nl = l2 - l1 + 1;
        for (uint32_t ln = l1; ln <= l2; ln++) {
            if (nl > FRAME_MAX_LINES && ln == l1 + FRAME_MAX_LINES - 2) {
                /* Elide the middle of a long span: keep its first lines and its last. */
                rm_sb_pad(out, ' ', gw);
                rm_sb_puts(out, "...\n");
                ln = l2 - 1;
                continue;
            }
            size_t ls, le;
            rm_source_line_span(src, ln, &ls, &le);
            size_t us = ln == l1 ? off : ls;
            size_t ue = ln == l2 ? end : le;
            /* Lines inside a span underline from their first non-blank byte. */
            if (ln != l1)
                while (us < ue && (src->text[us] == ' ' || src->text[us] == '\t'))
                    us++;
            frame_line(out, src, o, gw, ln, us, ue, ln == l1, g->sev);
        }
    }
    if (g->detail)
        put_extra(out, o, gw, "detail", g->detail);
    if (g->hint)
        put_extra(out, o, gw, "hint", g->hint);
}

void rm_diags_render_text(rm_sb *out, const rm_sources *srcs, const rm_diags *d,
                          const rm_render_opts *opts)
{
    for (size_t i = 0; i < d->n; i++) {
        rm_diag_render_text(out, srcs, d->items[i], opts);
        rm_sb_putc(out, '\n');
    }
    if (d->dropped) {
        rm_sb_appendf(out, "note: %zu more error%s not shown (limit %zu)\n\n", d->dropped,
                      d->dropped == 1 ? "" : "s", d->max_errors);
    }
}

static void json_opt_string(rm_sb *out, const char *s)
{
    if (s)
        rm_sb_json_string(out, s, strlen(s));
    else
        rm_sb_puts(out, "null");
}

void rm_diags_render_json(rm_sb *out, const rm_sources *srcs, const rm_diags *d)
{
    rm_sb_putc(out, '[');
    for (size_t i = 0; i < d->n; i++) {
        const rm_diag *g = d->items[i];
        const rm_source *src =
            g->loc.file == RM_FILE_NONE ? NULL : rm_sources_get(srcs, g->loc.file);
        char id[8];
        rm_diag_id_format(id, g->id);
        rm_sb_puts(out, i ? ",\n  {" : "\n  {");
        rm_sb_appendf(out, "\"severity\": \"%s\", \"code\": \"%s\", \"message\": ",
                      rm_severity_name(g->sev), id);
        json_opt_string(out, g->msg);
        rm_sb_puts(out, ", \"detail\": ");
        json_opt_string(out, g->detail);
        rm_sb_puts(out, ", \"hint\": ");
        json_opt_string(out, g->hint);
        rm_sb_puts(out, ", \"file\": ");
        if (src) {
            size_t off = g->loc.off > src->len ? src->len : g->loc.off;
            size_t end = off + g->loc.len > src->len ? src->len : off + g->loc.len;
            uint32_t l1, c1, l2, c2;
            rm_source_line_col(src, off, &l1, &c1);
            rm_source_line_col(src, end, &l2, &c2);
            json_opt_string(out, src->path);
            rm_sb_appendf(out,
                          ", \"line\": %u, \"column\": %u, \"endLine\": %u, \"endColumn\": %u, "
                          "\"offset\": %zu, \"length\": %zu}",
                          (unsigned)l1, (unsigned)c1, (unsigned)l2, (unsigned)c2, off, end - off);
        } else {
            rm_sb_puts(out, "null, \"line\": null, \"column\": null, \"endLine\": null, "
                            "\"endColumn\": null, \"offset\": null, \"length\": null}");
        }
    }
    rm_sb_puts(out, d->n ? "\n]" : "]");
}

void rm_diags_render_summary(rm_sb *out, const rm_diags *d)
{
    rm_sb_appendf(out, "%zu error%s, %zu warning%s", d->nerrors, d->nerrors == 1 ? "" : "s",
                  d->nwarnings, d->nwarnings == 1 ? "" : "s");
}
