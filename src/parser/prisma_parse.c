/*
 * The PSL parser: tokens from prisma_lex.c to the AST of prisma.h, by recursive descent over
 * lines. Like Prisma's pest grammar, every member of a block (field, @@attribute, enum value,
 * key = value) is exactly one line; a line that does not parse is reported once with Prisma's
 * wording ("This line is not a valid field or attribute definition.") and skipped, so the
 * parser resynchronises at the next line, at a closing brace, or at the next top-level
 * keyword, and one run reports every syntax error.
 * Not for: meaning. Whether @relation has the right arguments, whether a type exists, which
 * provider is used: that is validation, in src/model/.
 *
 * Cost: linear in the input. Each token is looked at a bounded number of times (look-ahead on
 * a line is done at most once per line), expressions nest at most RM_PRISMA_MAX_DEPTH deep so
 * the recursion is bounded, and lists are collected on one reusable scratch stack and copied
 * into the arena at their exact size (no doubling garbage left in the arena).
 */
#include "parser/prisma.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct rm_pp {
    rm_prisma_lexer lx;
    rm_prisma_tok tok;      /* current token */
    rm_prisma_tok ahead;    /* the token after tok, when has_ahead (one-token look-ahead) */
    bool has_ahead;
    size_t prev_end;        /* end offset of the last consumed token other than a newline */
    rm_prisma_tok_kind last_kind; /* kind of the last consumed token (NEWLINE at the start) */
    const rm_source *src;
    uint32_t file;
    rm_arena *a;            /* nodes and arrays */
    rm_arena *sa;           /* strings (names, texts, decoded literals, docs); may be a */
    rm_diags *d;
    size_t nerrors;
    int depth;              /* current nesting of arrays and argument lists */

    /* Per line: the first place the line stopped parsing, for the detail of the generic
     * line error, and whether a more precise error already explained the failure. */
    const char *fail_expected;
    rm_prisma_tok fail_tok;
    bool fail_reported;

    /* Scratch stack for lists being built (LIFO: inner lists finish before the outer item
     * is pushed). malloc'd, freed at the end of the parse. */
    unsigned char *stk;
    size_t stk_len;
    size_t stk_cap;

    /* Identifier interning: names repeat a lot (Int, String, id, default, ...), so each
     * distinct one is copied into the arena once. Open addressing; malloc'd, freed at the end
     * of the parse. */
    const char **istr;
    uint32_t *ilen;
    uint32_t *ihash;
    size_t icap;
    size_t in;

    /* Members and @@attributes of the block being parsed (blocks do not nest, so one pair of
     * buffers is reused for every block). */
    unsigned char *mbuf;
    size_t mcap;
    unsigned char *abuf;
    size_t acap;

    /* Pending "///" lines for the next block, field or enum value. */
    rm_prisma_tok *docs;
    size_t ndocs;
    size_t docs_cap;
} rm_pp;

typedef enum rm_line_result {
    RM_LINE_OK,     /* the member was parsed; the caller keeps it */
    RM_LINE_FAIL,   /* syntax error; the caller reports the line (unless already explained) */
    RM_LINE_DROP    /* an error was reported and the member is dropped; skip the line */
} rm_line_result;

/* ---- Tokens ------------------------------------------------------------------------- */

static void rm_pp_next(rm_pp *p)
{
    if (p->tok.kind != RM_PTOK_NEWLINE && p->tok.kind != RM_PTOK_EOF)
        p->prev_end = (size_t)p->tok.off + p->tok.len;
    p->last_kind = p->tok.kind;
    if (p->has_ahead) {
        p->tok = p->ahead;
        p->has_ahead = false;
    } else {
        p->tok = rm_prisma_lex_next(&p->lx);
    }
}

/* The token after the current one, without consuming anything. */
static rm_prisma_tok rm_pp_peek(rm_pp *p)
{
    if (!p->has_ahead) {
        p->ahead = rm_prisma_lex_next(&p->lx);
        p->has_ahead = true;
    }
    return p->ahead;
}

/* A copy of the lexer for scanning further without consuming: it is positioned after the
 * look-ahead token when one was read (callers peek first), else after the current token. */
static rm_prisma_lexer rm_pp_scan_from(const rm_pp *p)
{
    return p->lx;
}

static const char *rm_tok_text(const rm_pp *p, rm_prisma_tok t)
{
    return p->src->text + t.off;
}

static bool rm_tok_is(const rm_pp *p, rm_prisma_tok t, const char *word)
{
    size_t n = strlen(word);
    return t.kind == RM_PTOK_IDENT && t.len == n && memcmp(rm_tok_text(p, t), word, n) == 0;
}

/* Identifiers may consist of digits only ("123" is an identifier to pest), which our lexer
 * calls a number; accept such plain digit runs wherever a name is expected. */
static bool rm_tok_is_name(const rm_pp *p, rm_prisma_tok t)
{
    if (t.kind == RM_PTOK_IDENT)
        return true;
    if (t.kind != RM_PTOK_NUMBER)
        return false;
    const char *s = rm_tok_text(p, t);
    for (uint32_t i = 0; i < t.len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
    }
    return true;
}

static bool rm_tok_ends_line(rm_prisma_tok t)
{
    return t.kind == RM_PTOK_NEWLINE || t.kind == RM_PTOK_EOF;
}

/* Comments that document what follows (or the member they trail): "///" and block comments. */
static bool rm_tok_is_doc(rm_prisma_tok t)
{
    return t.kind == RM_PTOK_DOC_COMMENT || t.kind == RM_PTOK_BLOCK_COMMENT;
}

static bool rm_tok_is_comment(rm_prisma_tok t)
{
    return t.kind == RM_PTOK_COMMENT || rm_tok_is_doc(t);
}

static rm_loc rm_pp_loc(const rm_pp *p, size_t start, size_t end)
{
    return rm_loc_make(p->file, start, end > start ? end - start : 0);
}

static rm_loc rm_tok_loc(const rm_pp *p, rm_prisma_tok t)
{
    return rm_loc_make(p->file, t.off, t.len);
}

/* The arena copy of s (len bytes), shared with every equal string of this parse. */
static const char *rm_pp_intern(rm_pp *p, const char *s, size_t len)
{
    if (len > 32)
        return rm_arena_strndup(p->sa, s, len);
    if (2 * (p->in + 1) > p->icap) {
        size_t cap = p->icap ? p->icap * 2 : 1024;
        const char **strs = rm_xcalloc(cap, sizeof *strs);
        uint32_t *lens = rm_xcalloc(cap, sizeof *lens);
        uint32_t *hashes = rm_xcalloc(cap, sizeof *hashes);
        for (size_t i = 0; i < p->icap; i++) {
            if (!p->istr[i])
                continue;
            size_t j = p->ihash[i] & (cap - 1);
            while (strs[j])
                j = (j + 1) & (cap - 1);
            strs[j] = p->istr[i];
            lens[j] = p->ilen[i];
            hashes[j] = p->ihash[i];
        }
        free(p->istr);
        free(p->ilen);
        free(p->ihash);
        p->istr = strs;
        p->ilen = lens;
        p->ihash = hashes;
        p->icap = cap;
    }
    uint32_t h = 2166136261u;
    for (size_t k = 0; k < len; k++)
        h = (h ^ (unsigned char)s[k]) * 16777619u;
    size_t j = h & (p->icap - 1);
    while (p->istr[j]) {
        if (p->ihash[j] == h && p->ilen[j] == len && memcmp(p->istr[j], s, len) == 0)
            return p->istr[j];
        j = (j + 1) & (p->icap - 1);
    }
    char *copy = rm_arena_strndup(p->sa, s, len);
    p->istr[j] = copy;
    p->ilen[j] = (uint32_t)len;
    p->ihash[j] = h;
    p->in++;
    return copy;
}

/* Names that recur across a schema (types, attribute, argument and function names) are
 * interned; names that are mostly unique (fields, models, values) are plainly copied, which
 * keeps the intern table small enough to stay in cache. */
static const char *rm_tok_intern(rm_pp *p, rm_prisma_tok t)
{
    return rm_pp_intern(p, rm_tok_text(p, t), t.len);
}

static const char *rm_tok_dup(rm_pp *p, rm_prisma_tok t)
{
    return rm_arena_strndup(p->sa, rm_tok_text(p, t), t.len);
}

/* ---- Errors ------------------------------------------------------------------------- */

static rm_diag *rm_pp_error(rm_pp *p, uint16_t id, rm_loc loc, const char *fmt, ...)
    RM_PRINTF(4, 5);
static rm_diag *rm_pp_error(rm_pp *p, uint16_t id, rm_loc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rm_diag *g = rm_diag_vadd(p->d, RM_SEV_ERROR, id, loc, fmt, ap);
    va_end(ap);
    p->nerrors++;
    return g;
}

/* Remember the first place the current line failed and what was expected there. */
static rm_line_result rm_pp_fail(rm_pp *p, const char *expected)
{
    if (!p->fail_expected) {
        p->fail_expected = expected;
        p->fail_tok = p->tok;
    }
    return RM_LINE_FAIL;
}

/* A short, terminal-safe description of a token for "found ..." details. */
static void rm_tok_describe(const rm_pp *p, rm_prisma_tok t, char *buf, size_t cap)
{
    switch (t.kind) {
    case RM_PTOK_EOF: snprintf(buf, cap, "the end of the file"); return;
    case RM_PTOK_NEWLINE: snprintf(buf, cap, "the end of the line"); return;
    case RM_PTOK_STRING: snprintf(buf, cap, "a string"); return;
    case RM_PTOK_BAD_STRING: snprintf(buf, cap, "an unterminated string"); return;
    case RM_PTOK_COMMENT:
    case RM_PTOK_DOC_COMMENT:
    case RM_PTOK_BLOCK_COMMENT: snprintf(buf, cap, "a comment"); return;
    case RM_PTOK_UNKNOWN: snprintf(buf, cap, "an unexpected character"); return;
    case RM_PTOK_IDENT:
    case RM_PTOK_NUMBER:
        /* Identifiers and numbers are ASCII letters, digits, '_', '-', '.': safe to show. */
        snprintf(buf, cap, "`%.*s`%s", t.len > 40 ? 40 : (int)t.len, rm_tok_text(p, t),
                 t.len > 40 ? "..." : "");
        return;
    default:
        snprintf(buf, cap, "`%.*s`", (int)t.len, rm_tok_text(p, t));
        return;
    }
}

/* Skip to the end of the line (the newline itself stays current). Returns the end offset of
 * the line's last token, for a span that covers what was skipped. */
static size_t rm_pp_skip_line(rm_pp *p)
{
    while (!rm_tok_ends_line(p->tok))
        rm_pp_next(p);
    return p->prev_end;
}

/* Report a line that did not parse, with Prisma's message, unless a precise error (an
 * unterminated string, too deep nesting) already explained it. */
static void rm_pp_report_line(rm_pp *p, uint16_t id, size_t line_off, const char *msg)
{
    size_t end = rm_pp_skip_line(p);
    if (p->fail_reported)
        return;
    rm_diag *g = rm_pp_error(p, id, rm_pp_loc(p, line_off, end), "%s", msg);
    if (p->fail_expected) {
        char found[64];
        uint32_t line = 0;
        uint32_t col = 0;
        rm_tok_describe(p, p->fail_tok, found, sizeof found);
        rm_source_line_col(p->src, p->fail_tok.off, &line, &col);
        rm_diag_set_detail(p->d, g, "at column %u: expected %s, found %s", col,
                           p->fail_expected, found);
    }
}

static void rm_pp_line_begin(rm_pp *p)
{
    p->fail_expected = NULL;
    p->fail_reported = false;
    p->depth = 0;
}

/* ---- Scratch stack ------------------------------------------------------------------ */

static void rm_sc_push(rm_pp *p, const void *item, size_t size)
{
    if (p->stk_len + size > p->stk_cap) {
        size_t cap = p->stk_cap ? p->stk_cap * 2 : 4096;
        while (cap < p->stk_len + size)
            cap *= 2;
        p->stk = rm_xrealloc(p->stk, cap);
        p->stk_cap = cap;
    }
    memcpy(p->stk + p->stk_len, item, size);
    p->stk_len += size;
}

/* Copy the items pushed since mark into the arena (exact size) and pop them. */
static void *rm_sc_finish(rm_pp *p, size_t mark, size_t size, size_t *n)
{
    size_t bytes = p->stk_len - mark;
    *n = bytes / size;
    void *out = *n ? rm_arena_memdup(p->a, p->stk + mark, bytes) : NULL;
    p->stk_len = mark;
    return out;
}

/* ---- Doc comments ------------------------------------------------------------------- */

/* At a NEWLINE token: a blank line (nothing since the previous line end) detaches pending
 * "///" lines from what follows, as in Prisma (a comment block followed by empty lines is
 * free-floating). */
static void rm_docs_newline(rm_pp *p)
{
    if (p->last_kind == RM_PTOK_NEWLINE)
        p->ndocs = 0;
}

static void rm_docs_push(rm_pp *p, rm_prisma_tok t)
{
    if (t.kind != RM_PTOK_DOC_COMMENT && t.kind != RM_PTOK_BLOCK_COMMENT)
        return;
    if (p->ndocs == p->docs_cap) {
        p->docs_cap = p->docs_cap ? p->docs_cap * 2 : 16;
        p->docs = rm_xrealloc(p->docs, p->docs_cap * sizeof *p->docs);
    }
    p->docs[p->ndocs++] = t;
}

/* Join the pending "///" lines (plus an optional trailing one) into one string: the slashes
 * and the white space after them removed, '\n' between lines (what Prisma's DMMF shows). */
static const char *rm_docs_take(rm_pp *p, const rm_prisma_tok *trailing)
{
    size_t total = 0;
    size_t count = p->ndocs + (trailing ? 1 : 0);
    if (count == 0)
        return NULL;
    for (size_t i = 0; i < p->ndocs; i++)
        total += p->docs[i].len + 1;
    if (trailing)
        total += trailing->len + 1;
    char *out = rm_arena_stralloc(p->sa, total + 1);
    size_t len = 0;
    for (size_t i = 0; i < count; i++) {
        rm_prisma_tok t = i < p->ndocs ? p->docs[i] : *trailing;
        const char *s = rm_tok_text(p, t) + 3;
        size_t n = t.len - 3;
        if (t.kind == RM_PTOK_BLOCK_COMMENT) {
            /* The text between the delimiters, trimmed (what Prisma's DMMF shows). */
            s = rm_tok_text(p, t) + 2;
            n = t.len - 2;
            if (n >= 2 && s[n - 2] == '*' && s[n - 1] == '/')
                n -= 2;
            while (n > 0 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r')) {
                s++;
                n--;
            }
            while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' ||
                             s[n - 1] == '\r'))
                n--;
        } else {
            /* Like Prisma: leading white space goes, trailing white space stays. */
            while (n > 0 && (s[0] == ' ' || s[0] == '\t')) {
                s++;
                n--;
            }
        }
        if (i > 0)
            out[len++] = '\n';
        memcpy(out + len, s, n);
        len += n;
    }
    out[len] = '\0';
    p->ndocs = 0;
    return out;
}

/* Consume the current comment token; a block comment without its end is reported here (it
 * ran to the end of the file, so nothing after it was parsed). */
static void rm_pp_comment(rm_pp *p)
{
    rm_prisma_tok t = p->tok;
    if (t.kind == RM_PTOK_BLOCK_COMMENT &&
        !(t.len >= 4 && rm_tok_text(p, t)[t.len - 2] == '*' && rm_tok_text(p, t)[t.len - 1] == '/')) {
        rm_diag *g = rm_pp_error(p, RM_E_PRISMA_UNTERMINATED_COMMENT, rm_pp_loc(p, t.off, t.off + 2),
                                 "This block comment is never closed: `*/` is missing.");
        rm_diag_set_detail(p->d, g, "the rest of the file was read as part of the comment");
    }
    rm_pp_next(p);
}

/* ---- String literals ---------------------------------------------------------------- */

static bool rm_is_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int rm_hex4(const char *s, size_t avail)
{
    int v = 0;
    if (avail < 4)
        return -1;
    for (int i = 0; i < 4; i++) {
        char c = s[i];
        int d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            return -1;
        v = v * 16 + d;
    }
    return v;
}

static size_t rm_utf8_put(char *out, uint32_t cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Decode a STRING token's JSON escapes (RFC 8259 section 7, as Prisma does). Bad escapes and
 * raw control characters are reported with their own span and do not fail the line: the
 * value is still usable, and the rest of the line may hold more errors worth showing. The
 * decoded text is never longer than the raw text (\uXXXX is 6 bytes for at most 3, a pair
 * 12 for 4), so one allocation of the raw size suffices. */
static void rm_decode_string(rm_pp *p, rm_prisma_tok t, rm_prisma_expr *e)
{
    const char *raw = rm_tok_text(p, t) + 1;
    size_t n = t.len - 2;
    size_t base = (size_t)t.off + 1;
    char *out = rm_arena_stralloc(p->sa, n + 1);
    size_t len = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)raw[i];
        if (c < 0x20 || c == 0x7F) {
            rm_pp_error(p, RM_E_PRISMA_STRING_CONTROL_CHAR, rm_pp_loc(p, base + i, base + i + 1),
                        "String literals cannot contain control characters (byte 0x%02X); write "
                        "it as an escape such as \\n, \\t or \\u%04X.",
                        c, c);
            out[len++] = (char)c;
            i++;
            continue;
        }
        if (c != '\\') {
            out[len++] = (char)c;
            i++;
            continue;
        }
        if (i + 1 >= n) { /* cannot happen: the lexer never ends a string after a backslash */
            i++;
            continue;
        }
        char esc = raw[i + 1];
        switch (esc) {
        case '"': out[len++] = '"'; i += 2; continue;
        case '\\': out[len++] = '\\'; i += 2; continue;
        case '/': out[len++] = '/'; i += 2; continue;
        case 'b': out[len++] = '\b'; i += 2; continue;
        case 'f': out[len++] = '\f'; i += 2; continue;
        case 'n': out[len++] = '\n'; i += 2; continue;
        case 'r': out[len++] = '\r'; i += 2; continue;
        case 't': out[len++] = '\t'; i += 2; continue;
        case 'u': {
            int hi = rm_hex4(raw + i + 2, n - i - 2);
            if (hi < 0) {
                /* Like Prisma: span the \u and the hex digits that were valid. */
                size_t end = i + 2;
                while (end < n && end < i + 6 && rm_is_hex(raw[end]))
                    end++;
                rm_pp_error(p, RM_E_PRISMA_BAD_UNICODE_ESCAPE,
                            rm_pp_loc(p, base + i, base + end), "Invalid unicode escape sequence.");
                i = end;
                continue;
            }
            uint32_t cp = (uint32_t)hi;
            size_t used = 6;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                int lo = -1;
                if (i + 7 < n && raw[i + 6] == '\\' && raw[i + 7] == 'u')
                    lo = rm_hex4(raw + i + 8, n - i - 8);
                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + ((uint32_t)lo - 0xDC00);
                    used = 12;
                } else {
                    cp = 0xFFFFFFFFu;
                }
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                cp = 0xFFFFFFFFu;
            }
            if (cp == 0xFFFFFFFFu) {
                rm_pp_error(p, RM_E_PRISMA_BAD_UNICODE_ESCAPE,
                            rm_pp_loc(p, base + i, base + i + 6), "Invalid unicode escape sequence.");
                i += 6;
                continue;
            }
            len += rm_utf8_put(out + len, cp);
            i += used;
            continue;
        }
        default: {
            /* Span the backslash and the whole (possibly multi-byte) escaped character. */
            size_t end = i + 2;
            while (end < n && ((unsigned char)raw[end] & 0xC0) == 0x80)
                end++;
            rm_pp_error(p, RM_E_PRISMA_BAD_ESCAPE, rm_pp_loc(p, base + i, base + end),
                        "Unknown escape sequence. If the value is a windows-style path, `\\` must "
                        "be escaped as `\\\\`.");
            i = end;
            continue;
        }
        }
    }
    out[len] = '\0';
    e->text = out;
    e->len = len;
}

/* ---- Expressions -------------------------------------------------------------------- */

static rm_line_result rm_parse_expr(rm_pp *p, rm_prisma_expr *e);

/* Nesting guard: arrays and argument lists count one level each. */
static bool rm_pp_enter(rm_pp *p)
{
    if (++p->depth > RM_PRISMA_MAX_DEPTH) {
        if (!p->fail_reported) {
            rm_pp_error(p, RM_E_PRISMA_TOO_DEEP, rm_tok_loc(p, p->tok),
                        "Expressions cannot be nested more than %d levels deep.",
                        RM_PRISMA_MAX_DEPTH);
            p->fail_reported = true;
        }
        return false;
    }
    return true;
}

/* path = identifier ("." identifier?)* with no white space inside (pest: atomic). The
 * current token is the first identifier. */
static void rm_parse_path(rm_pp *p, bool intern, const char **text, size_t *len, rm_loc *loc)
{
    size_t start = p->tok.off;
    size_t end = (size_t)p->tok.off + p->tok.len;
    rm_pp_next(p);
    while (p->tok.kind == RM_PTOK_DOT && p->tok.off == end) {
        end = (size_t)p->tok.off + p->tok.len;
        rm_pp_next(p);
        if (rm_tok_is_name(p, p->tok) && p->tok.off == end) {
            end = (size_t)p->tok.off + p->tok.len;
            rm_pp_next(p);
        }
    }
    *text = intern ? rm_pp_intern(p, p->src->text + start, end - start)
                   : rm_arena_strndup(p->sa, p->src->text + start, end - start);
    *len = end - start;
    *loc = rm_pp_loc(p, start, end);
}

/* "(" [argument ("," argument)*] [","] ")" ; the current token is "(". */
static rm_line_result rm_parse_args(rm_pp *p, rm_prisma_args *args)
{
    size_t open = p->tok.off;
    size_t mark = p->stk_len;
    if (!rm_pp_enter(p))
        return RM_LINE_FAIL;
    rm_pp_next(p);
    while (p->tok.kind != RM_PTOK_RPAREN) {
        rm_prisma_arg arg;
        memset(&arg, 0, sizeof arg);
        arg.name_loc = RM_LOC_NONE;
        size_t arg_start = p->tok.off;
        bool empty = false;
        if (rm_tok_is_name(p, p->tok) && rm_pp_peek(p).kind == RM_PTOK_COLON) {
            arg.name = rm_tok_intern(p, p->tok);
            arg.name_loc = rm_tok_loc(p, p->tok);
            rm_pp_next(p);
            rm_pp_next(p);
            if (p->tok.kind == RM_PTOK_COMMA || p->tok.kind == RM_PTOK_RPAREN) {
                /* "name:" with no value: Prisma parses it (for completions) and rejects it. */
                rm_pp_error(p, RM_E_PRISMA_EMPTY_ARGUMENT, rm_pp_loc(p, arg_start, p->prev_end),
                            "The `%s` argument is missing a value.", arg.name);
                empty = true;
            }
        }
        if (!empty) {
            rm_line_result r = rm_parse_expr(p, &arg.value);
            if (r != RM_LINE_OK)
                return r;
            arg.loc = rm_pp_loc(p, arg_start, p->prev_end);
            rm_sc_push(p, &arg, sizeof arg);
        }
        if (p->tok.kind == RM_PTOK_COMMA) {
            rm_prisma_tok comma = p->tok;
            rm_pp_next(p);
            /* pest accepts a trailing comma (for completions); Prisma's attribute validation
             * then rejects it. The AST has no place for it, so it is reported here. */
            if (p->tok.kind == RM_PTOK_RPAREN)
                rm_pp_error(p, RM_E_PRISMA_TRAILING_COMMA, rm_tok_loc(p, comma),
                            "Trailing commas are not valid in attribute arguments, please remove "
                            "the comma.");
            continue;
        }
        if (p->tok.kind != RM_PTOK_RPAREN)
            return rm_pp_fail(p, "`,` or `)`");
    }
    rm_pp_next(p);
    p->depth--;
    args->items = rm_sc_finish(p, mark, sizeof(rm_prisma_arg), &args->n);
    args->present = true;
    args->loc = rm_pp_loc(p, open, p->prev_end);
    return RM_LINE_OK;
}

static rm_line_result rm_parse_array(rm_pp *p, rm_prisma_expr *e)
{
    size_t open = p->tok.off;
    size_t mark = p->stk_len;
    if (!rm_pp_enter(p))
        return RM_LINE_FAIL;
    rm_pp_next(p);
    if (p->tok.kind != RM_PTOK_RBRACKET) {
        for (;;) {
            rm_prisma_expr item;
            rm_line_result r = rm_parse_expr(p, &item);
            if (r != RM_LINE_OK)
                return r;
            rm_sc_push(p, &item, sizeof item);
            if (p->tok.kind == RM_PTOK_COMMA) {
                rm_pp_next(p);
                continue;
            }
            if (p->tok.kind == RM_PTOK_RBRACKET)
                break;
            return rm_pp_fail(p, "`,` or `]`");
        }
    }
    rm_pp_next(p);
    p->depth--;
    e->kind = RM_PEXPR_ARRAY;
    e->text = "";
    e->items = rm_sc_finish(p, mark, sizeof(rm_prisma_expr), &e->n);
    e->loc = rm_pp_loc(p, open, p->prev_end);
    return RM_LINE_OK;
}

/* "{" [name ":" expression ("," name ":" expression)*] "}" ; the current token is "{". No
 * trailing comma and no quoted keys, as in Prisma. */
static rm_line_result rm_parse_object(rm_pp *p, rm_prisma_expr *e)
{
    size_t open = p->tok.off;
    size_t mark = p->stk_len;
    if (!rm_pp_enter(p))
        return RM_LINE_FAIL;
    rm_pp_next(p);
    if (p->tok.kind != RM_PTOK_RBRACE) {
        for (;;) {
            if (!rm_tok_is_name(p, p->tok))
                return rm_pp_fail(p, "a key");
            rm_prisma_arg m;
            memset(&m, 0, sizeof m);
            size_t start = p->tok.off;
            m.name = rm_tok_intern(p, p->tok);
            m.name_loc = rm_tok_loc(p, p->tok);
            rm_pp_next(p);
            if (p->tok.kind != RM_PTOK_COLON)
                return rm_pp_fail(p, "`:`");
            rm_pp_next(p);
            rm_line_result r = rm_parse_expr(p, &m.value);
            if (r != RM_LINE_OK)
                return r;
            m.loc = rm_pp_loc(p, start, p->prev_end);
            rm_sc_push(p, &m, sizeof m);
            if (p->tok.kind == RM_PTOK_COMMA) {
                rm_pp_next(p);
                continue;
            }
            if (p->tok.kind == RM_PTOK_RBRACE)
                break;
            return rm_pp_fail(p, "`,` or `}`");
        }
    }
    rm_pp_next(p);
    p->depth--;
    e->kind = RM_PEXPR_OBJECT;
    e->text = "";
    e->args.items = rm_sc_finish(p, mark, sizeof(rm_prisma_arg), &e->args.n);
    e->args.present = true;
    e->args.loc = rm_pp_loc(p, open, p->prev_end);
    e->loc = e->args.loc;
    return RM_LINE_OK;
}

/* expression = function_call | array | object | number | string | path */
static rm_line_result rm_parse_expr(rm_pp *p, rm_prisma_expr *e)
{
    memset(e, 0, sizeof *e);
    e->args.loc = RM_LOC_NONE;
    switch (p->tok.kind) {
    case RM_PTOK_STRING:
        e->kind = RM_PEXPR_STRING;
        e->loc = rm_tok_loc(p, p->tok);
        rm_decode_string(p, p->tok, e);
        rm_pp_next(p);
        return RM_LINE_OK;
    case RM_PTOK_BAD_STRING:
        if (!p->fail_reported) {
            rm_pp_error(p, RM_E_PRISMA_UNTERMINATED_STRING, rm_tok_loc(p, p->tok),
                        "This string literal is not terminated: the closing `\"` is missing "
                        "before the end of the line.");
            p->fail_reported = true;
        }
        return RM_LINE_FAIL;
    case RM_PTOK_NUMBER:
        if (!rm_tok_is_name(p, rm_pp_peek(p)) || rm_pp_peek(p).off != p->tok.off + p->tok.len) {
            e->kind = RM_PEXPR_NUMBER;
            e->loc = rm_tok_loc(p, p->tok);
            e->text = rm_tok_dup(p, p->tok);
            e->len = p->tok.len;
            rm_pp_next(p);
            return RM_LINE_OK;
        }
        return rm_pp_fail(p, "a value");
    case RM_PTOK_IDENT:
        /* A function name recurs (now, uuid); a constant is often a field reference. */
        rm_parse_path(p, rm_pp_peek(p).kind == RM_PTOK_LPAREN || rm_pp_peek(p).kind == RM_PTOK_DOT,
                      &e->text, &e->len, &e->loc);
        e->kind = RM_PEXPR_CONST;
        if (p->tok.kind == RM_PTOK_LPAREN) {
            size_t start = e->loc.off;
            rm_line_result r = rm_parse_args(p, &e->args);
            if (r != RM_LINE_OK)
                return r;
            e->kind = RM_PEXPR_FUNC;
            e->loc = rm_pp_loc(p, start, p->prev_end);
        }
        return RM_LINE_OK;
    case RM_PTOK_LBRACKET:
        return rm_parse_array(p, e);
    case RM_PTOK_LBRACE:
        return rm_parse_object(p, e);
    default:
        return rm_pp_fail(p, "a value");
    }
}

/* ---- Attributes --------------------------------------------------------------------- */

/* "@" path [arguments] or "@@" path [arguments]; the current token is the @ or @@. */
static rm_line_result rm_parse_attr(rm_pp *p, rm_prisma_attr *attr)
{
    memset(attr, 0, sizeof *attr);
    attr->args.loc = RM_LOC_NONE;
    attr->block = p->tok.kind == RM_PTOK_ATAT;
    size_t start = p->tok.off;
    rm_pp_next(p);
    if (p->tok.kind != RM_PTOK_IDENT)
        return rm_pp_fail(p, "an attribute name");
    size_t len = 0;
    rm_parse_path(p, true, &attr->name, &len, &attr->name_loc);
    if (p->tok.kind == RM_PTOK_LPAREN) {
        rm_line_result r = rm_parse_args(p, &attr->args);
        if (r != RM_LINE_OK)
            return r;
    }
    attr->loc = rm_pp_loc(p, start, p->prev_end);
    return RM_LINE_OK;
}

/* After a member: an optional trailing comment, then the end of the line. A trailing "///"
 * comment is returned in *doc (documentation of the member, as in Prisma). */
static rm_line_result rm_parse_line_end(rm_pp *p, rm_prisma_tok *doc, bool *has_doc)
{
    *has_doc = false;
    if (p->tok.kind == RM_PTOK_COMMENT) {
        rm_pp_next(p);
    } else if (rm_tok_is_doc(p->tok)) {
        *doc = p->tok;
        *has_doc = true;
        rm_pp_comment(p);
    }
    if (!rm_tok_ends_line(p->tok))
        return rm_pp_fail(p, "an attribute, a comment or the end of the line");
    return RM_LINE_OK;
}

/* A line holding one block attribute: "@@name(args)" [comment]. */
static rm_line_result rm_parse_block_attr_line(rm_pp *p, rm_prisma_attr *attr)
{
    rm_line_result r = rm_parse_attr(p, attr);
    if (r != RM_LINE_OK)
        return r;
    rm_prisma_tok doc;
    bool has_doc;
    return rm_parse_line_end(p, &doc, &has_doc);
}

/* ---- Members ------------------------------------------------------------------------ */

/* field = name [":"] type attribute* [comment] ; the current token is the name. */
static rm_line_result rm_parse_field(rm_pp *p, rm_prisma_field *f)
{
    memset(f, 0, sizeof *f);
    f->arity_loc = RM_LOC_NONE;
    size_t start = p->tok.off;
    f->name = rm_tok_dup(p, p->tok);
    f->name_loc = rm_tok_loc(p, p->tok);
    rm_pp_next(p);

    if (p->tok.kind == RM_PTOK_COLON) {
        rm_pp_error(p, RM_E_PRISMA_LEGACY_COLON, rm_tok_loc(p, p->tok),
                    "Field declarations don't require a `:`.");
        rm_pp_next(p);
    }

    switch (p->tok.kind) {
    case RM_PTOK_AT:
    case RM_PTOK_NEWLINE:
    case RM_PTOK_EOF:
    case RM_PTOK_COMMENT:
    case RM_PTOK_DOC_COMMENT:
    case RM_PTOK_BLOCK_COMMENT: {
        /* "name" or "name @id": a declaration without a type. Prisma accepts the line
         * syntactically and rejects the field; so do we, without a generic line error. */
        size_t end = rm_pp_skip_line(p);
        rm_pp_error(p, RM_E_PRISMA_FIELD_MISSING_TYPE, rm_pp_loc(p, start, end),
                    "This field declaration is invalid. It is either missing a name or a type.");
        return RM_LINE_DROP;
    }
    case RM_PTOK_LBRACKET: {
        /* Legacy list syntax [Type]. */
        size_t lstart = p->tok.off;
        rm_pp_next(p);
        if (!rm_tok_is_name(p, p->tok))
            return rm_pp_fail(p, "a type name");
        f->type_name = rm_tok_intern(p, p->tok);
        f->type_loc = rm_tok_loc(p, p->tok);
        rm_pp_next(p);
        if (p->tok.kind != RM_PTOK_RBRACKET)
            return rm_pp_fail(p, "`]`");
        rm_pp_next(p);
        f->arity = RM_PARITY_LIST;
        f->arity_loc = rm_pp_loc(p, lstart, p->prev_end);
        f->legacy_syntax = true;
        rm_pp_error(p, RM_E_PRISMA_LEGACY_LIST, f->arity_loc,
                    "To specify a list, please use `Type[]` instead of `[Type]`.");
        break;
    }
    default: {
        if (!rm_tok_is_name(p, p->tok))
            return rm_pp_fail(p, "a type");
        size_t tstart = p->tok.off;
        f->type_name = rm_tok_intern(p, p->tok);
        f->type_loc = rm_tok_loc(p, p->tok);
        /* pest's literal "Unsupported(": no space before the parenthesis. */
        if (rm_tok_is(p, p->tok, "Unsupported") && rm_pp_peek(p).kind == RM_PTOK_LPAREN &&
            rm_pp_peek(p).off == p->tok.off + p->tok.len) {
            rm_pp_next(p);
            rm_pp_next(p);
            rm_prisma_expr sql;
            if (p->tok.kind == RM_PTOK_BAD_STRING || p->tok.kind == RM_PTOK_STRING) {
                rm_line_result r = rm_parse_expr(p, &sql);
                if (r != RM_LINE_OK)
                    return r;
            } else {
                return rm_pp_fail(p, "a string");
            }
            if (p->tok.kind != RM_PTOK_RPAREN)
                return rm_pp_fail(p, "`)`");
            rm_pp_next(p);
            f->unsupported = true;
            f->unsupported_type = sql.text;
            f->type_loc = rm_pp_loc(p, tstart, p->prev_end);
        } else {
            rm_pp_next(p);
        }
        if (p->tok.kind == RM_PTOK_LBRACKET) {
            size_t lb = p->tok.off;
            rm_pp_next(p);
            if (p->tok.kind != RM_PTOK_RBRACKET || p->tok.off != lb + 1)
                return rm_pp_fail(p, "`]` (a list type is written `Type[]`)");
            rm_pp_next(p);
            f->arity = RM_PARITY_LIST;
            f->arity_loc = rm_pp_loc(p, lb, p->prev_end);
            if (p->tok.kind == RM_PTOK_QUESTION) {
                rm_pp_next(p);
                f->legacy_syntax = true;
                rm_pp_error(p, RM_E_PRISMA_OPTIONAL_LIST, rm_pp_loc(p, tstart, p->prev_end),
                            "Optional lists are not supported. Use either `Type[]` or `Type?`.");
            }
        } else if (p->tok.kind == RM_PTOK_QUESTION) {
            f->arity = RM_PARITY_OPTIONAL;
            f->arity_loc = rm_tok_loc(p, p->tok);
            rm_pp_next(p);
        } else if (p->tok.kind == RM_PTOK_BANG) {
            rm_pp_next(p);
            f->legacy_syntax = true;
            rm_pp_error(p, RM_E_PRISMA_LEGACY_REQUIRED, rm_pp_loc(p, tstart, p->prev_end),
                        "Fields are required by default, `!` is no longer required.");
        }
        break;
    }
    }

    size_t mark = p->stk_len;
    while (p->tok.kind == RM_PTOK_AT) {
        rm_prisma_attr attr;
        rm_line_result r = rm_parse_attr(p, &attr);
        if (r != RM_LINE_OK)
            return r;
        rm_sc_push(p, &attr, sizeof attr);
    }
    f->attrs = rm_sc_finish(p, mark, sizeof(rm_prisma_attr), &f->nattrs);
    f->loc = rm_pp_loc(p, start, p->prev_end);

    rm_prisma_tok doc;
    bool has_doc;
    rm_line_result r = rm_parse_line_end(p, &doc, &has_doc);
    if (r != RM_LINE_OK)
        return r;
    f->doc = rm_docs_take(p, has_doc ? &doc : NULL);
    return RM_LINE_OK;
}

/* enum value = name attribute* [comment] */
static rm_line_result rm_parse_enum_value(rm_pp *p, rm_prisma_enum_value *v)
{
    memset(v, 0, sizeof *v);
    size_t start = p->tok.off;
    v->name = rm_tok_dup(p, p->tok);
    v->name_loc = rm_tok_loc(p, p->tok);
    rm_pp_next(p);
    size_t mark = p->stk_len;
    while (p->tok.kind == RM_PTOK_AT) {
        rm_prisma_attr attr;
        rm_line_result r = rm_parse_attr(p, &attr);
        if (r != RM_LINE_OK)
            return r;
        rm_sc_push(p, &attr, sizeof attr);
    }
    v->attrs = rm_sc_finish(p, mark, sizeof(rm_prisma_attr), &v->nattrs);
    v->loc = rm_pp_loc(p, start, p->prev_end);
    rm_prisma_tok doc;
    bool has_doc;
    rm_line_result r = rm_parse_line_end(p, &doc, &has_doc);
    if (r != RM_LINE_OK)
        return r;
    v->doc = rm_docs_take(p, has_doc ? &doc : NULL);
    return RM_LINE_OK;
}

/* key = expression [comment] */
static rm_line_result rm_parse_prop(rm_pp *p, const rm_prisma_block *b, rm_prisma_prop *prop)
{
    memset(prop, 0, sizeof *prop);
    size_t start = p->tok.off;
    prop->name = rm_tok_dup(p, p->tok);
    prop->name_loc = rm_tok_loc(p, p->tok);
    rm_pp_next(p);
    if (p->tok.kind != RM_PTOK_EQUALS)
        return rm_pp_fail(p, "`=`");
    rm_pp_next(p);
    rm_line_result r;
    if (rm_tok_ends_line(p->tok) || rm_tok_is_comment(p->tok)) {
        /* "key =" is valid pest syntax (for completions); there is nothing to validate, so
         * report it here and keep the property with an empty constant. */
        rm_pp_error(p, RM_E_PRISMA_MISSING_VALUE, rm_pp_loc(p, start, p->prev_end),
                    "Property %s in %s %s needs to be assigned a value", prop->name,
                    rm_prisma_block_kind_name(b->kind), b->name);
        memset(&prop->value, 0, sizeof prop->value);
        prop->value.kind = RM_PEXPR_CONST;
        prop->value.text = "";
        prop->value.loc = rm_pp_loc(p, p->prev_end, p->prev_end);
        prop->value.args.loc = RM_LOC_NONE;
        prop->missing_value = true;
    } else {
        r = rm_parse_expr(p, &prop->value);
        if (r != RM_LINE_OK)
            return r;
    }
    prop->loc = rm_pp_loc(p, start, p->prev_end);
    rm_prisma_tok doc;
    bool has_doc;
    r = rm_parse_line_end(p, &doc, &has_doc);
    p->ndocs = 0; /* Prisma keeps no documentation on properties */
    return r;
}

/* ---- Blocks ------------------------------------------------------------------------- */

static int rm_block_keyword(const rm_pp *p, rm_prisma_tok t)
{
    static const struct {
        const char *word;
        rm_prisma_block_kind kind;
    } kws[] = {
        {"model", RM_PBLOCK_MODEL},           {"enum", RM_PBLOCK_ENUM},
        {"datasource", RM_PBLOCK_DATASOURCE}, {"generator", RM_PBLOCK_GENERATOR},
        {"view", RM_PBLOCK_VIEW},             {"type", RM_PBLOCK_TYPE},
    };
    /* Fast path: most lines start with a field name, which is rarely a keyword. */
    if (t.kind != RM_PTOK_IDENT || t.len < 4 || t.len > 10)
        return -1;
    char c0 = rm_tok_text(p, t)[0];
    if (c0 != 'm' && c0 != 'e' && c0 != 'd' && c0 != 'g' && c0 != 'v' && c0 != 't')
        return -1;
    for (size_t i = 0; i < RM_ARRAY_LEN(kws); i++) {
        if (rm_tok_is(p, t, kws[i].word))
            return (int)kws[i].kind;
    }
    return -1;
}

/* Does a block header "keyword Name {" start at the current token? */
static bool rm_at_block_header(rm_pp *p)
{
    if (rm_block_keyword(p, p->tok) < 0)
        return false;
    rm_prisma_tok name = rm_pp_peek(p);
    if (!rm_tok_is_name(p, name))
        return false;
    rm_prisma_lexer copy = rm_pp_scan_from(p);
    return rm_prisma_lex_next(&copy).kind == RM_PTOK_LBRACE;
}

/* Scan the rest of the current line without consuming it: does it contain a "{", and is its
 * last token other than a comment a "}"? */
static void rm_scan_line(rm_pp *p, bool *has_lbrace, bool *ends_with_rbrace)
{
    rm_prisma_tok t = p->tok;
    rm_prisma_tok_kind last = RM_PTOK_EOF;
    *has_lbrace = false;
    if (!rm_tok_ends_line(t))
        rm_pp_peek(p);
    rm_prisma_lexer copy = rm_pp_scan_from(p);
    bool first = true;
    while (!rm_tok_ends_line(t)) {
        if (t.kind == RM_PTOK_LBRACE)
            *has_lbrace = true;
        if (!rm_tok_is_comment(t))
            last = t.kind;
        t = first ? p->ahead : rm_prisma_lex_next(&copy);
        first = false;
    }
    *ends_with_rbrace = last == RM_PTOK_RBRACE;
}

static const char *rm_member_line_message(rm_prisma_block_kind kind)
{
    switch (kind) {
    case RM_PBLOCK_ENUM: return "This line is not an enum value definition.";
    case RM_PBLOCK_DATASOURCE: return "This line is not a valid definition within a datasource.";
    case RM_PBLOCK_GENERATOR: return "This line is not a valid definition within a generator.";
    default: return "This line is not a valid field or attribute definition.";
    }
}

static uint16_t rm_member_line_id(rm_prisma_block_kind kind)
{
    switch (kind) {
    case RM_PBLOCK_ENUM: return RM_E_PRISMA_INVALID_ENUM_LINE;
    case RM_PBLOCK_DATASOURCE:
    case RM_PBLOCK_GENERATOR: return RM_E_PRISMA_INVALID_CONFIG_LINE;
    default: return RM_E_PRISMA_INVALID_FIELD_LINE;
    }
}

/* A block's members and attributes interleave, so they cannot share the LIFO scratch stack:
 * each is collected in its own malloc'd vector and copied into the arena at its final size. */
typedef struct rm_vec {
    unsigned char *data;
    size_t len;
    size_t cap;
} rm_vec;

static void rm_vec_push(rm_vec *v, const void *item, size_t size)
{
    if (v->len + size > v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 16 * size;
        while (cap < v->len + size)
            cap *= 2;
        v->data = rm_xrealloc(v->data, cap);
        v->cap = cap;
    }
    memcpy(v->data + v->len, item, size);
    v->len += size;
}

static void *rm_vec_finish(rm_pp *p, rm_vec *v, size_t size, size_t *n)
{
    *n = v->len / size;
    void *out = *n ? rm_arena_memdup(p->a, v->data, v->len) : NULL;
    free(v->data);
    v->data = NULL;
    v->len = v->cap = 0;
    return out;
}

/* Copy a vector's items into the arena and empty it, keeping its buffer for reuse. */
static void *rm_vec_take(rm_pp *p, rm_vec *v, size_t size, size_t *n)
{
    *n = v->len / size;
    void *out = *n ? rm_arena_memdup(p->a, v->data, v->len) : NULL;
    v->len = 0;
    return out;
}

static void rm_parse_block_body(rm_pp *p, rm_prisma_block *b, size_t header_end)
{
    rm_vec members = {p->mbuf, 0, p->mcap};
    rm_vec attrs = {p->abuf, 0, p->acap};
    size_t member_size = b->kind == RM_PBLOCK_ENUM ? sizeof(rm_prisma_enum_value)
                         : (b->kind == RM_PBLOCK_DATASOURCE || b->kind == RM_PBLOCK_GENERATOR)
                             ? sizeof(rm_prisma_prop)
                             : sizeof(rm_prisma_field);
    bool config = b->kind == RM_PBLOCK_DATASOURCE || b->kind == RM_PBLOCK_GENERATOR;
    bool closed = false;
    p->ndocs = 0;

    for (;;) {
        rm_prisma_tok t = p->tok;
        if (t.kind == RM_PTOK_EOF)
            break;
        if (t.kind == RM_PTOK_NEWLINE) {
            rm_docs_newline(p);
            rm_pp_next(p);
            continue;
        }
        if (rm_tok_is_comment(t)) {
            rm_docs_push(p, t);
            rm_pp_comment(p);
            continue;
        }
        if (t.kind == RM_PTOK_RBRACE) {
            b->loc = rm_pp_loc(p, b->keyword_loc.off, (size_t)t.off + 1);
            rm_pp_next(p);
            closed = true;
            break;
        }
        /* A new block header inside a block: the "}" of this one is missing. Stop here so
         * the next block is parsed as a block, not as a pile of invalid fields. */
        if (rm_at_block_header(p))
            break;

        rm_pp_line_begin(p);
        size_t line_off = t.off;
        size_t mark = p->stk_len;
        rm_line_result r = RM_LINE_FAIL;
        if (t.kind == RM_PTOK_ATAT && !config) {
            rm_prisma_attr attr;
            p->ndocs = 0;
            r = rm_parse_block_attr_line(p, &attr);
            p->stk_len = mark;
            if (r == RM_LINE_OK)
                rm_vec_push(&attrs, &attr, sizeof attr);
        } else if (rm_tok_is_name(p, t)) {
            union {
                rm_prisma_field f;
                rm_prisma_enum_value v;
                rm_prisma_prop kv;
            } m;
            if (b->kind == RM_PBLOCK_ENUM)
                r = rm_parse_enum_value(p, &m.v);
            else if (config)
                r = rm_parse_prop(p, b, &m.kv);
            else
                r = rm_parse_field(p, &m.f);
            p->stk_len = mark;
            if (r == RM_LINE_OK)
                rm_vec_push(&members, &m, member_size);
        } else {
            rm_pp_fail(p, b->kind == RM_PBLOCK_ENUM ? "an enum value or `@@attribute`"
                          : config                  ? "`key = value`"
                                                    : "a field or `@@attribute`");
        }
        if (r == RM_LINE_FAIL) {
            p->ndocs = 0;
            rm_pp_report_line(p, rm_member_line_id(b->kind), line_off,
                              rm_member_line_message(b->kind));
        } else if (r == RM_LINE_DROP) {
            p->ndocs = 0;
            rm_pp_skip_line(p);
        }
    }

    if (!closed) {
        size_t end = p->prev_end > header_end ? p->prev_end : header_end;
        b->loc = rm_pp_loc(p, b->keyword_loc.off, end);
        rm_diag *g = rm_pp_error(p, RM_E_PRISMA_UNCLOSED_BLOCK,
                                 rm_pp_loc(p, b->keyword_loc.off, header_end),
                                 "This %s block is not closed: the `}` is missing.",
                                 rm_prisma_block_kind_name(b->kind));
        rm_diag_set_hint(p->d, g, "Add a line holding only `}` after the block's last member.");
    }

    void *items;
    size_t n;
    items = rm_vec_take(p, &members, member_size, &n);
    if (b->kind == RM_PBLOCK_ENUM) {
        b->values = items;
        b->nvalues = n;
    } else if (config) {
        b->props = items;
        b->nprops = n;
    } else {
        b->fields = items;
        b->nfields = n;
    }
    b->attrs = rm_vec_take(p, &attrs, sizeof(rm_prisma_attr), &b->nattrs);
    p->mbuf = members.data;
    p->mcap = members.cap;
    p->abuf = attrs.data;
    p->acap = attrs.cap;
    p->ndocs = 0;
}

/* The block keyword within edit distance 2 of word (a typo such as "modle" or "enums"), or
 * NULL. Words are short, so the quadratic edit distance costs nothing; longer words are not
 * compared at all. */
static const char *rm_keyword_suggestion(const rm_pp *p, rm_prisma_tok word)
{
    static const char *const kws[] = {"model", "enum", "datasource", "generator", "view", "type"};
    if (word.kind != RM_PTOK_IDENT || word.len < 3 || word.len > 12)
        return NULL;
    const char *w = rm_tok_text(p, word);
    size_t wn = word.len;
    const char *best = NULL;
    size_t best_d = 3;
    for (size_t k = 0; k < RM_ARRAY_LEN(kws); k++) {
        const char *kw = kws[k];
        size_t kn = strlen(kw);
        size_t row[16];
        for (size_t j = 0; j <= kn; j++)
            row[j] = j;
        for (size_t i = 1; i <= wn; i++) {
            size_t diag = row[0];
            row[0] = i;
            for (size_t j = 1; j <= kn; j++) {
                size_t up = row[j];
                char a = w[i - 1];
                if (a >= 'A' && a <= 'Z')
                    a = (char)(a - 'A' + 'a');
                size_t cost = a == kw[j - 1] ? 0 : 1;
                size_t v = diag + cost;
                if (row[j] + 1 < v)
                    v = row[j] + 1;
                if (row[j - 1] + 1 < v)
                    v = row[j - 1] + 1;
                row[j] = v;
                diag = up;
            }
        }
        if (row[kn] < best_d) {
            best_d = row[kn];
            best = kw;
        }
    }
    return best;
}

static void rm_keyword_hint(rm_pp *p, rm_diag *g, rm_prisma_tok word)
{
    const char *kw = rm_keyword_suggestion(p, word);
    if (kw)
        rm_diag_set_hint(p->d, g, "Did you mean `%s`?", kw);
}

/* An unknown block "word ... {" : skip to its "}" (pest's arbitrary_block), stopping early at
 * a real block header so a missing "}" does not swallow the rest of the file. */
static void rm_skip_arbitrary_block(rm_pp *p, size_t line_off)
{
    rm_prisma_tok word = p->tok;
    rm_pp_skip_line(p);
    for (;;) {
        if (p->tok.kind == RM_PTOK_EOF)
            break;
        if (p->tok.kind == RM_PTOK_RBRACE) {
            rm_pp_next(p);
            break;
        }
        if (p->tok.kind == RM_PTOK_NEWLINE) {
            rm_pp_next(p);
            if (rm_at_block_header(p))
                break;
            continue;
        }
        rm_pp_next(p);
    }
    rm_diag *g = rm_pp_error(
        p, RM_E_PRISMA_INVALID_BLOCK, rm_pp_loc(p, line_off, p->prev_end),
        "This block is invalid. It does not start with any known Prisma schema keyword. "
        "Valid keywords include 'model', 'enum', 'type', 'datasource' and 'generator'.");
    rm_keyword_hint(p, g, word);
}

static const char *rm_invalid_line_msg =
    "This line is invalid. It does not start with any known Prisma schema keyword.";

/* One top-level line that starts with a non-comment token. Blocks are appended to *blocks. */
static void rm_parse_top_line(rm_pp *p, rm_vec *blocks)
{
    rm_prisma_tok t = p->tok;
    size_t line_off = t.off;
    rm_pp_line_begin(p);
    int kw = rm_block_keyword(p, t);

    if (kw == RM_PBLOCK_TYPE) {
        rm_prisma_tok name = rm_pp_peek(p);
        rm_prisma_lexer copy = rm_pp_scan_from(p);
        if (rm_tok_is_name(p, name) && rm_prisma_lex_next(&copy).kind == RM_PTOK_EQUALS) {
            size_t end = rm_pp_skip_line(p);
            rm_pp_error(p, RM_E_PRISMA_TYPE_ALIAS, rm_pp_loc(p, line_off, end),
                        "Invalid type definition. Please check the documentation in "
                        "https://pris.ly/d/composite-types");
            p->ndocs = 0;
            return;
        }
    }

    if (kw >= 0 && rm_at_block_header(p)) {
        rm_prisma_block b;
        memset(&b, 0, sizeof b);
        b.kind = (rm_prisma_block_kind)kw;
        b.keyword_loc = rm_tok_loc(p, t);
        rm_pp_next(p);
        b.name = rm_tok_dup(p, p->tok);
        b.name_loc = rm_tok_loc(p, p->tok);
        rm_pp_next(p);
        size_t header_end = (size_t)p->tok.off + 1; /* through the "{" */
        rm_pp_next(p);
        /* pest's BLOCK_OPEN: "{" then the end of the line. */
        if (rm_tok_is_comment(p->tok))
            rm_pp_comment(p);
        if (!rm_tok_ends_line(p->tok)) {
            bool has_lbrace;
            bool ends_rbrace;
            rm_scan_line(p, &has_lbrace, &ends_rbrace);
            if (ends_rbrace) {
                /* "model A { id Int @id }": Prisma rejects the whole line with this text. */
                size_t end = rm_pp_skip_line(p);
                rm_diag *g = rm_pp_error(p, RM_E_PRISMA_INVALID_LINE,
                                         rm_pp_loc(p, line_off, end), "%s", rm_invalid_line_msg);
                rm_diag_set_hint(p->d, g, "A block cannot be written on one line: put each "
                                          "member and the closing `}` on lines of their own.");
                p->ndocs = 0;
                return;
            }
            size_t rest = p->tok.off;
            size_t end = rm_pp_skip_line(p);
            rm_diag *g = rm_pp_error(p, RM_E_PRISMA_BLOCK_OPEN_LINE, rm_pp_loc(p, rest, end),
                                     "Nothing may follow the `{` that opens a block on its line.");
            rm_diag_set_hint(p->d, g, "Move this text to the next line.");
        }
        b.doc = rm_docs_take(p, NULL);
        rm_parse_block_body(p, &b, header_end);
        rm_vec_push(blocks, &b, sizeof b);
        return;
    }

    p->ndocs = 0;
    /* pest's arbitrary_block is exactly "identifier {"; anything else is one bad line (a
     * header like "foo bar {" gives one error per line, as in Prisma). */
    if (rm_tok_is_name(p, t) && rm_pp_peek(p).kind == RM_PTOK_LBRACE) {
        rm_skip_arbitrary_block(p, line_off);
        return;
    }
    bool has_lbrace;
    bool ends_rbrace;
    rm_scan_line(p, &has_lbrace, &ends_rbrace);
    size_t end = rm_pp_skip_line(p);
    rm_diag *g = rm_pp_error(p, RM_E_PRISMA_INVALID_LINE, rm_pp_loc(p, line_off, end), "%s",
                             rm_invalid_line_msg);
    /* "modle User {": a misspelt keyword (the block's lines are then reported one by one, as
     * Prisma does; the hint on the first says why). */
    if (has_lbrace)
        rm_keyword_hint(p, g, t);
}

int rm_prisma_parse(rm_prisma_ast **out, const rm_source *src, rm_arena *a, rm_diags *d)
{
    return rm_prisma_parse_split(out, src, a, a, d);
}

int rm_prisma_parse_split(rm_prisma_ast **out, const rm_source *src, rm_arena *a, rm_arena *strings,
                          rm_diags *d)
{
    rm_pp p;
    memset(&p, 0, sizeof p);
    p.src = src;
    p.file = src->id;
    p.a = a;
    p.sa = strings;
    p.d = d;
    rm_prisma_lexer_init(&p.lx, src->text, src->len);
    p.last_kind = RM_PTOK_NEWLINE;
    p.tok = rm_prisma_lex_next(&p.lx);
    p.prev_end = p.tok.off;

    rm_vec blocks = {NULL, 0, 0};
    while (p.tok.kind != RM_PTOK_EOF) {
        switch (p.tok.kind) {
        case RM_PTOK_NEWLINE:
            rm_docs_newline(&p);
            rm_pp_next(&p);
            break;
        case RM_PTOK_COMMENT:
        case RM_PTOK_DOC_COMMENT:
        case RM_PTOK_BLOCK_COMMENT:
            rm_docs_push(&p, p.tok);
            rm_pp_comment(&p);
            break;
        default:
            rm_parse_top_line(&p, &blocks);
            break;
        }
    }

    rm_prisma_ast *ast = RM_NEW(a, rm_prisma_ast);
    ast->src = src;
    ast->blocks = rm_vec_finish(&p, &blocks, sizeof(rm_prisma_block), &ast->nblocks);
    ast->nerrors = p.nerrors;
    free(p.stk);
    free(p.docs);
    free(p.mbuf);
    free(p.abuf);
    free(p.istr);
    free(p.ilen);
    free(p.ihash);
    *out = ast;
    return p.nerrors ? RM_ESYNTAX : RM_OK;
}
