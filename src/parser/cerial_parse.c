/*
 * The Cerial parser: a faithful C rendering of Cerial's parser.ts `parse` (line-oriented, one
 * regex per construct) so that relmig reads a schema exactly as `cerial generate` does, quirks
 * included (docs/cerial.md lists them). Every node gets byte locations into its rm_source.
 * Not for validation (cerial_validate.c) and not for any I/O.
 *
 * Hostile input: lines longer than RM_CERIAL_MAX_LINE are reported and skipped before any
 * pattern sees them, every pattern runs under pcre2 match limits (util/rx.c), and all work per
 * line is linear, so the whole parse is linear in the input.
 */
#include "parser/cerial.h"

#include "util/rx.h"
#include "util/sb.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* ---------------------------------------------------------------------------------------- */
/* Compiled patterns                                                                         */

struct rm_cerial_ctx {
    rm_rx *model_hdr;
    rm_rx *kind_hdr[RM_CERIAL_NKINDS]; /* object, tuple, literal, enum (model unused) */
    rm_rx *extends_;
    rm_rx *extends_br;
    rm_rx *composite;
    rm_rx *decorator;
    rm_rx *empty_paren;
    rm_rx *record;
    rm_rx *ident;
    rm_rx *number;
    rm_rx *int_;
    rm_rx *float_;
    rm_rx *word_arg;
    rm_rx *sort_arg;
    rm_rx *any_arg;
    /* hand-written recognisers for the common shapes (field lines, decorator arguments),
     * each giving its pcre2 pattern's answer; off: every line goes through pcre2 (the
     * differential tests compare both) */
    bool fast;
};

static rm_rx *rx_must(const char *pattern)
{
    rm_rx *rx = rm_rx_new(pattern);
    assert(rx != NULL && "constant Cerial pattern does not compile");
    if (rx == NULL)
        rm_oom(0);
    return rx;
}

rm_cerial_ctx *rm_cerial_ctx_new(void)
{
    rm_cerial_ctx *c = rm_xcalloc(1, sizeof(*c));
    /* The patterns are Cerial's own (parser.ts, field-declaration-parser.ts, decorator parsers). */
    c->model_hdr = rx_must("^(?:abstract\\s+)?model\\s+(\\w+)");
    c->kind_hdr[RM_CERIAL_OBJECT] =
        rx_must("^object\\s+(\\w+)(?:\\s+extends\\s+\\w+(?:\\[[^\\]]*\\])?)?\\s*\\{?");
    c->kind_hdr[RM_CERIAL_TUPLE] =
        rx_must("^tuple\\s+(\\w+)(?:\\s+extends\\s+\\w+(?:\\[[^\\]]*\\])?)?\\s*\\{?");
    c->kind_hdr[RM_CERIAL_LITERAL] =
        rx_must("^literal\\s+(\\w+)(?:\\s+extends\\s+\\w+(?:\\[[^\\]]*\\])?)?\\s*\\{?");
    c->kind_hdr[RM_CERIAL_ENUM] =
        rx_must("^enum\\s+(\\w+)(?:\\s+extends\\s+\\w+(?:\\[[^\\]]*\\])?)?\\s*\\{?");
    c->extends_ = rx_must("\\bextends\\s+(\\w+)(?:\\[([^\\]]*)\\])?");
    c->extends_br = rx_must("\\bextends\\s+\\w+\\[([^\\]]*)\\]");
    c->composite = rx_must("^@@(index|unique)\\(\\s*(\\w+)\\s*,\\s*\\[([^\\]]+)\\]\\s*\\)$");
    c->decorator = rx_must("@\\w+(?:\\([^)]*\\))?");
    c->empty_paren = rx_must("^(@\\w+)\\(\\s*\\)$");
    c->record = rx_must("^Record(?:\\(([^)]+)\\))?(\\[\\])?$");
    c->ident = rx_must("^[a-zA-Z_][a-zA-Z0-9_]*$");
    c->number = rx_must("^-?\\d+(\\.\\d+)?$");
    c->int_ = rx_must("^-?\\d+$");
    c->float_ = rx_must("^-?\\d+\\.\\d+$");
    c->word_arg = rx_must("^@\\w+\\((\\w+)\\)$");
    c->sort_arg = rx_must("^@sort\\((\\w*)\\)$");
    c->any_arg = rx_must("^@\\w+\\((.+)\\)$");
    c->fast = true;
    return c;
}

void rm_cerial_ctx_set_fast(rm_cerial_ctx *ctx, bool on)
{
    ctx->fast = on;
}

void rm_cerial_ctx_free(rm_cerial_ctx *c)
{
    size_t i;
    if (c == NULL)
        return;
    rm_rx_free(c->model_hdr);
    for (i = 0; i < RM_CERIAL_NKINDS; i++)
        rm_rx_free(c->kind_hdr[i]);
    rm_rx_free(c->extends_);
    rm_rx_free(c->extends_br);
    rm_rx_free(c->composite);
    rm_rx_free(c->decorator);
    rm_rx_free(c->empty_paren);
    rm_rx_free(c->record);
    rm_rx_free(c->ident);
    rm_rx_free(c->number);
    rm_rx_free(c->int_);
    rm_rx_free(c->float_);
    rm_rx_free(c->word_arg);
    rm_rx_free(c->sort_arg);
    rm_rx_free(c->any_arg);
    free(c);
}

/* ---------------------------------------------------------------------------------------- */
/* Names and small lookups shared with the validator                                          */

static const char *const type_names[] = {
    "string",  "email", "int",      "date", "bool",   "float",    "number",  "uuid",   "duration",
    "decimal", "bytes", "geometry", "any",  "record", "relation", "literal", "object", "tuple"};

const char *rm_cerial_type_name(rm_cerial_type t)
{
    return (size_t)t < RM_ARRAY_LEN(type_names) ? type_names[t] : "?";
}

static const char *const dec_names[RM_CD_NKINDS] = {
    "id",         "unique",        "index",        "now",          "createdAt", "updatedAt",
    "default",    "defaultAlways", "field",        "model",        "key",       "onDelete",
    "distinct",   "sort",          "set",          "flexible",     "readonly",  "nullable",
    "uuid",       "uuid4",         "uuid7",        "point",        "line",      "polygon",
    "multipoint", "multiline",     "multipolygon", "geoCollection"};

const char *rm_cerial_dec_name(rm_cerial_dec_kind k)
{
    return (size_t)k < RM_CD_NKINDS ? dec_names[k] : "?";
}

static uint64_t hash_cstr(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ull;
    }
    return h;
}

void rm_cerial_nmap_build(rm_cerial_nmap *m, rm_arena *a, const char *const *names, size_t n)
{
    size_t i, cap = 8;
    /* load factor at most 2/3 (linear probing stays short); small maps are the common case */
    while (cap < n + n / 2 + 1)
        cap *= 2;
    m->cap = cap;
    m->keys = RM_NEW_ARRAY(a, const char *, cap);
    m->first = RM_NEW_ARRAY(a, uint32_t, cap);
    m->last = RM_NEW_ARRAY(a, uint32_t, cap);
    for (i = 0; i < n; i++) {
        size_t h;
        if (names[i] == NULL)
            continue;
        for (h = hash_cstr(names[i]) & (cap - 1); m->keys[h] != NULL; h = (h + 1) & (cap - 1))
            if (strcmp(m->keys[h], names[i]) == 0)
                break;
        if (m->keys[h] == NULL) {
            m->keys[h] = names[i];
            m->first[h] = (uint32_t)i;
        }
        m->last[h] = (uint32_t)i;
    }
}

bool rm_cerial_nmap_get(const rm_cerial_nmap *m, const char *name, size_t *first, size_t *last)
{
    size_t h;
    if (m->cap == 0 || name == NULL)
        return false;
    for (h = hash_cstr(name) & (m->cap - 1); m->keys[h] != NULL; h = (h + 1) & (m->cap - 1))
        if (strcmp(m->keys[h], name) == 0) {
            if (first)
                *first = m->first[h];
            if (last)
                *last = m->last[h];
            return true;
        }
    return false;
}

void rm_cerial_schema_index(rm_cerial_schema *s, rm_arena *a)
{
    size_t k, i;
    for (k = 0; k < RM_CERIAL_NKINDS; k++) {
        const char **names = RM_NEW_ARRAY(a, const char *, s->n[k] + 1);
        for (i = 0; i < s->n[k]; i++)
            names[i] = s->blocks[k][i]->name;
        s->index[k] = RM_NEW(a, rm_cerial_nmap);
        rm_cerial_nmap_build(s->index[k], a, names, s->n[k]);
        for (i = 0; i < s->n[k]; i++) {
            rm_cerial_block *b = s->blocks[k][i];
            const char **fn;
            size_t j;
            /* small blocks are scanned (a hash table costs 16 bytes a slot, at least 16 slots,
             * more than the scan saves); the validator indexes the same blocks again after
             * resolution: only blocks whose field list changed (inheritance) need a new index */
            if (b->nfields <= RM_CERIAL_SCAN_FIELDS) {
                b->field_index = NULL;
                continue;
            }
            if (b->field_index != NULL && b->field_index_of == b->fields &&
                b->field_index_n == b->nfields)
                continue;
            fn = RM_NEW_ARRAY(a, const char *, b->nfields + 1);
            for (j = 0; j < b->nfields; j++)
                fn[j] = b->fields[j]->name;
            b->field_index = RM_NEW(a, rm_cerial_nmap);
            rm_cerial_nmap_build(b->field_index, a, fn, b->nfields);
            b->field_index_of = b->fields;
            b->field_index_n = b->nfields;
        }
    }
}

size_t rm_cerial_find_pos(const rm_cerial_schema *s, rm_cerial_kind kind, const char *name)
{
    size_t i;
    if (name == NULL)
        return SIZE_MAX;
    if (s->index[kind] != NULL)
        return rm_cerial_nmap_get(s->index[kind], name, &i, NULL) ? i : SIZE_MAX;
    for (i = 0; i < s->n[kind]; i++)
        if (strcmp(s->blocks[kind][i]->name, name) == 0)
            return i;
    return SIZE_MAX;
}

rm_cerial_block *rm_cerial_find(const rm_cerial_schema *s, rm_cerial_kind kind, const char *name)
{
    size_t i = rm_cerial_find_pos(s, kind, name);
    return i == SIZE_MAX ? NULL : s->blocks[kind][i];
}

rm_cerial_block *rm_cerial_find_last(const rm_cerial_schema *s, rm_cerial_kind kind,
                                     const char *name)
{
    size_t i;
    if (name == NULL)
        return NULL;
    if (s->index[kind] != NULL) {
        size_t last;
        return rm_cerial_nmap_get(s->index[kind], name, NULL, &last) ? s->blocks[kind][last] : NULL;
    }
    for (i = s->n[kind]; i-- > 0;)
        if (strcmp(s->blocks[kind][i]->name, name) == 0)
            return s->blocks[kind][i];
    return NULL;
}

const rm_cerial_dec *rm_cerial_field_dec(const rm_cerial_field *f, rm_cerial_dec_kind kind)
{
    size_t i;
    if ((f->dec_mask & (UINT32_C(1) << kind)) == 0)
        return NULL;
    for (i = 0; i < f->ndecs; i++)
        if (f->decs[i].kind == kind)
            return &f->decs[i];
    return NULL;
}

const char *rm_cerial_rel_key(char *buf, size_t cap, rm_arena *a, char kind, const char *x,
                              const char *y)
{
    size_t nx = strlen(x), ny = y ? strlen(y) : 0, n = 2 + nx + (y ? 1 + ny : 0);
    char *p = n < cap ? buf : rm_arena_alloc(a, n + 1);
    p[0] = kind;
    p[1] = '|';
    memcpy(p + 2, x, nx);
    if (y != NULL) {
        p[2 + nx] = '|';
        memcpy(p + 3 + nx, y, ny);
    }
    p[n] = '\0';
    return p;
}

char *rm_cerial_snake_case(rm_arena *a, const char *name)
{
    /* str.replace(/([A-Z])/g, '_$1').toLowerCase().replace(/^_/, '') */
    size_t n = strlen(name), i, j = 0;
    char *out = rm_arena_alloc(a, 2 * n + 1);
    for (i = 0; i < n; i++) {
        char c = name[i];
        if (c >= 'A' && c <= 'Z') {
            out[j++] = '_';
            c = (char)(c - 'A' + 'a');
        }
        out[j++] = c;
    }
    out[j] = '\0';
    return out[0] == '_' ? out + 1 : out;
}

/* ---------------------------------------------------------------------------------------- */
/* Text helpers: string views, JavaScript's trim() and Cerial's removeComments()             */

typedef struct sv {
    const char *p;
    size_t n;
} sv;

static bool is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* Length of a JS-trim()-able character sequence starting at p (0 if none): ASCII blanks,
 * the BOM (U+FEFF) and no-break space (U+00A0) in UTF-8. */
static size_t js_space_at(const char *p, size_t n)
{
    if (n >= 1 && is_ws(p[0]))
        return 1;
    if (n >= 3 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB &&
        (unsigned char)p[2] == 0xBF)
        return 3;
    if (n >= 2 && (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0)
        return 2;
    return 0;
}

static size_t js_space_before(const char *p, size_t n)
{
    if (n >= 1 && is_ws(p[n - 1]))
        return 1;
    if (n >= 3 && (unsigned char)p[n - 3] == 0xEF && (unsigned char)p[n - 2] == 0xBB &&
        (unsigned char)p[n - 1] == 0xBF)
        return 3;
    if (n >= 2 && (unsigned char)p[n - 2] == 0xC2 && (unsigned char)p[n - 1] == 0xA0)
        return 2;
    return 0;
}

static sv sv_trim(sv s)
{
    size_t k;
    while ((k = js_space_at(s.p, s.n)) > 0) {
        s.p += k;
        s.n -= k;
    }
    while ((k = js_space_before(s.p, s.n)) > 0)
        s.n -= k;
    return s;
}

/* The bytes removeComments reacts to: quotes, '/' and '#'. */
static const unsigned char comment_byte[256] = {['\''] = 1, ['"'] = 1, ['/'] = 1, ['#'] = 1};

/* removeComments: cut at the first // or # outside single/double quotes (no escapes). */
static sv sv_remove_comments(sv s)
{
    bool sq = false, dq = false;
    size_t i;
    for (i = 0; i < s.n; i++) {
        char c = s.p[i];
        if (!comment_byte[(unsigned char)c])
            continue; /* most bytes: one table look-up */
        if (c == '\'' && !dq) {
            sq = !sq;
            continue;
        }
        if (c == '"' && !sq) {
            dq = !dq;
            continue;
        }
        if (sq || dq)
            continue;
        if ((c == '/' && i + 1 < s.n && s.p[i + 1] == '/') || c == '#') {
            s.n = i;
            return s;
        }
    }
    return s;
}

static sv sv_clean(sv s)
{
    return sv_trim(sv_remove_comments(s));
}

/* inline: called with literals on every line, where strlen folds to a constant */
static inline bool sv_starts(sv s, const char *lit)
{
    size_t n = strlen(lit);
    return s.n >= n && memcmp(s.p, lit, n) == 0;
}

static inline bool sv_eq(sv s, const char *lit)
{
    return s.n == strlen(lit) && memcmp(s.p, lit, s.n) == 0;
}

static bool sv_contains(sv s, const char *lit)
{
    size_t n = strlen(lit), i = 0;
    const char *hit;
    if (n == 0)
        return true;
    /* candidates are the positions of lit's first byte: memchr skips the rest */
    while (i + n <= s.n) {
        hit = memchr(s.p + i, lit[0], s.n - n + 1 - i);
        if (hit == NULL)
            return false;
        if (memcmp(hit, lit, n) == 0)
            return true;
        i = (size_t)(hit - s.p) + 1;
    }
    return false;
}

/* A mutable string whose bytes remember their offset in the source, so that text can be cut
 * up as Cerial does (comment and decorator removal) and still be located. */
typedef struct mstr {
    char *s;
    uint32_t *o;
    size_t n;
    size_t cap;
} mstr;

static void ms_reserve(mstr *m, size_t cap)
{
    if (cap <= m->cap)
        return;
    m->s = rm_xrealloc(m->s, cap + 1);
    m->o = rm_xrealloc(m->o, (cap + 1) * sizeof(*m->o));
    m->cap = cap;
}

static void ms_free(mstr *m)
{
    free(m->s);
    free(m->o);
    memset(m, 0, sizeof(*m));
}

static void ms_push(mstr *m, char c, uint32_t off)
{
    ms_reserve(m, m->n + 1 > 16 ? (m->n + 1 > m->cap ? 2 * m->cap + 16 : m->cap) : 16);
    m->s[m->n] = c;
    m->o[m->n] = off;
    m->n++;
    m->s[m->n] = '\0';
}

static void ms_set(mstr *m, const char *p, size_t n, size_t off)
{
    size_t i;
    ms_reserve(m, n + 1);
    for (i = 0; i < n; i++) {
        m->s[i] = p[i];
        m->o[i] = (uint32_t)(off + i);
    }
    m->n = n;
    m->s[n] = '\0';
}

/* Append src[from, to) to dst. */
static void ms_append(mstr *dst, const mstr *src, size_t from, size_t to)
{
    size_t n = to - from;
    if (dst->n + n + 1 > dst->cap)
        ms_reserve(dst, 2 * (dst->n + n) + 16);
    /* src may be empty and never allocated: NULL + 0 is undefined (fuzz_cerial_parse). */
    if (n > 0) {
        memcpy(dst->s + dst->n, src->s + from, n);
        memcpy(dst->o + dst->n, src->o + from, n * sizeof(*dst->o));
    }
    dst->n += n;
    dst->s[dst->n] = '\0';
}

static void ms_copy(mstr *dst, const mstr *src, size_t from, size_t to)
{
    dst->n = 0;
    ms_append(dst, src, from, to);
}

static void ms_swap(mstr *x, mstr *y)
{
    mstr t = *x;
    *x = *y;
    *y = t;
}

static sv ms_sv(const mstr *m)
{
    sv s = {m->s ? m->s : "", m->n};
    return s;
}

/* Trim m in place (index range [*b, *e)). */
static void ms_trim_range(const mstr *m, size_t *b, size_t *e)
{
    sv s = {m->s + *b, *e - *b};
    sv t = sv_trim(s);
    *b = (size_t)(t.p - m->s);
    *e = *b + t.n;
}

static void ms_trim(mstr *m)
{
    size_t b = 0, e = m->n;
    ms_trim_range(m, &b, &e);
    if (b == 0 && e == m->n)
        return;
    memmove(m->s, m->s + b, e - b);
    memmove(m->o, m->o + b, (e - b) * sizeof(*m->o));
    m->n = e - b;
    m->s[m->n] = '\0';
}

/* ---------------------------------------------------------------------------------------- */
/* A string set (names from the pre-pass): open addressing, linear probing.                   */

typedef struct nset {
    const char **slots;
    size_t cap;
    size_t n;
} nset;

static uint64_t hash_str(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    size_t i;
    for (i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

/* Is p[0, n) in s? h is hash_str(p, n) (a type name is looked up in three sets: hashed once). */
static bool nset_has_h(const nset *s, const char *p, size_t n, uint64_t h)
{
    size_t i;
    if (s->cap == 0)
        return false;
    for (i = h & (s->cap - 1);; i = (i + 1) & (s->cap - 1)) {
        const char *k = s->slots[i];
        if (k == NULL)
            return false;
        if (strlen(k) == n && memcmp(k, p, n) == 0)
            return true;
    }
}

static bool nset_has(const nset *s, const char *p, size_t n)
{
    return nset_has_h(s, p, n, hash_str(p, n));
}

static void nset_add(nset *s, rm_arena *a, const char *p, size_t n)
{
    size_t i;
    if (nset_has(s, p, n))
        return;
    if (2 * (s->n + 1) > s->cap) {
        size_t old = s->cap, j;
        const char **olds = s->slots;
        s->cap = old ? old * 2 : 64;
        s->slots = rm_xcalloc(s->cap, sizeof(*s->slots));
        for (j = 0; j < old; j++) {
            if (olds[j] == NULL)
                continue;
            for (i = hash_str(olds[j], strlen(olds[j])) & (s->cap - 1); s->slots[i] != NULL;
                 i = (i + 1) & (s->cap - 1)) {
            }
            s->slots[i] = olds[j];
        }
        free(olds);
    }
    for (i = hash_str(p, n) & (s->cap - 1); s->slots[i] != NULL; i = (i + 1) & (s->cap - 1)) {
    }
    s->slots[i] = rm_arena_strndup(a, p, n);
    s->n++;
}

/* ---------------------------------------------------------------------------------------- */
/* Parser state                                                                              */

typedef struct pline {
    size_t off;
    size_t len;
    /* removeComments(line).trim(), made once per line (every loop of the parser asks for it,
     * some several times): offset and length in the source */
    size_t coff;
    size_t clen;
    bool too_long;
    bool plain; /* no quote, '/' or '#': the cleaned line is the trimmed line */
} pline;

typedef struct pst {
    rm_cerial_ctx *cx;
    const rm_source *src;
    rm_arena *a;
    rm_diags *d;
    rm_cerial_schema *out;
    pline *lines;
    size_t nlines;
    size_t cur;
    nset *objects, *tuples, *literals; /* global name sets (literals include enums) */
    size_t nerr;
    mstr m1, m2, m3; /* scratch */
    /* scratch vectors, reused for every line/block: only exact-size copies go to the arena */
    rm_cerial_dec *sdecs;
    size_t sdecs_cap;
    rm_cerial_field **sfields;
    size_t sfields_n, sfields_cap;
} pst;

static sv line_raw(const pst *st, size_t i)
{
    sv s = {st->src->text + st->lines[i].off, st->lines[i].len};
    if (st->lines[i].too_long)
        s.n = 0; /* reported once; treated as an empty line */
    return s;
}

static sv line_clean(const pst *st, size_t i)
{
    sv c = {st->src->text + st->lines[i].coff, st->lines[i].clen};
    return c;
}

static rm_loc loc_sv(const pst *st, sv s)
{
    return rm_loc_make(st->src->id, (size_t)(s.p - st->src->text), s.n);
}

/* Location of line i as Cerial reports it: the line's trimmed text (past the end: EOF). */
static rm_loc loc_line(const pst *st, size_t i)
{
    if (i >= st->nlines)
        return rm_loc_make(st->src->id, st->src->len, 0);
    return loc_sv(st, sv_trim(line_raw(st, i)));
}

static rm_loc loc_ms(const pst *st, const mstr *m, size_t b, size_t e)
{
    if (b >= e || b >= m->n)
        return rm_loc_make(st->src->id, b < m->n ? m->o[b] : (m->n ? m->o[m->n - 1] : 0), 0);
    return rm_loc_make(st->src->id, m->o[b], (size_t)m->o[e - 1] + 1 - m->o[b]);
}

static rm_diag *perr(pst *st, uint16_t id, rm_loc loc, const char *fmt, ...) RM_PRINTF(4, 5);
static rm_diag *perr(pst *st, uint16_t id, rm_loc loc, const char *fmt, ...)
{
    va_list ap;
    rm_diag *g;
    va_start(ap, fmt);
    g = rm_diag_vadd(st->d, RM_SEV_ERROR, id, loc, fmt, ap);
    va_end(ap);
    st->nerr++;
    return g;
}

/* Cerial reports errors in tuple/literal/enum contents on the line after the block; relmig
 * keeps that location (same line as Cerial) and says where the value really is. */
static void value_detail(pst *st, rm_diag *g, uint32_t value_off)
{
    uint32_t line, col;
    rm_source_line_col(st->src, value_off, &line, &col);
    rm_diag_set_detail(st->d, g, "the value is at %s:%u:%u", st->src->path, line, col);
}

static char *sdup(pst *st, const char *p, size_t n)
{
    return rm_arena_strndup(st->a, p, n);
}

static bool is_block_start(const pst *st, size_t i)
{
    sv c = line_clean(st, i);
    return c.n > 0 && c.p[c.n - 1] == '{';
}

/* /^[a-z_][a-zA-Z0-9_]*$/ (Cerial's field-name pattern) by hand: it runs on every field line
 * and a character-class loop is exact and far cheaper than a regex call. */
static bool is_field_name_sv(sv s)
{
    size_t i;
    if (s.n == 0 || !((s.p[0] >= 'a' && s.p[0] <= 'z') || s.p[0] == '_'))
        return false;
    for (i = 1; i < s.n; i++) {
        char c = s.p[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_'))
            return false;
    }
    return true;
}

static bool rx_sv(rm_rx *rx, sv s)
{
    return rm_rx_match(rx, s.p, s.n, 0, NULL, 0) > 0;
}

/* ---------------------------------------------------------------------------------------- */
/* Fast paths: hand-written recognisers for the most common shapes. Each gives its pcre2
 * pattern's answer on the inputs it accepts and declines (the caller uses pcre2) on anything
 * else; tests/unit/test_cerial_fastpath.c and fuzz_cerial_parse compare whole parses with the
 * fast paths on and off (rm_cerial_ctx_set_fast).                                           */

/* \w of pcre2's built-in (C locale) tables, as used without PCRE2_UCP: ASCII only */
static const unsigned char word_byte[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1, ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
    ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1,
    ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1,
    ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1,
    ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
    ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1,
    ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1, ['_'] = 1};

static bool is_word(char c)
{
    return word_byte[(unsigned char)c] != 0;
}

/* Printable ASCII only: no newline of any pcre2 newline convention, so `.` and `$` behave the
 * same as in a hand-written loop. The hand matchers decline anything else. */
static bool is_plain(sv s)
{
    size_t i;
    for (i = 0; i < s.n; i++)
        if ((unsigned char)s.p[i] < 0x20 || (unsigned char)s.p[i] > 0x7e)
            return false;
    return true;
}

static size_t word_run(sv s, size_t i)
{
    while (i < s.n && is_word(s.p[i]))
        i++;
    return i;
}

/* Match rx (one of the decorator-argument and value patterns below) against s, capture 1 in
 * caps[2..3]: by hand when the context allows it and s is plain, else with pcre2. */
enum hand_rx { HAND_WORD_ARG, HAND_ANY_ARG, HAND_INT, HAND_FLOAT };

static bool hand_match(enum hand_rx which, sv s, size_t *caps)
{
    size_t i = 0, j;
    switch (which) {
    case HAND_WORD_ARG: /* ^@\w+\((\w+)\)$ */
    case HAND_ANY_ARG:  /* ^@\w+\((.+)\)$ */
        if (s.n == 0 || s.p[0] != '@')
            return false;
        i = word_run(s, 1);
        if (i == 1 || i >= s.n || s.p[i] != '(')
            return false;
        /* the group ends before the final ')' ('.+' is greedy; \w+ cannot pass a ')') */
        if (s.n < i + 3 || s.p[s.n - 1] != ')')
            return false;
        if (which == HAND_WORD_ARG && word_run(s, i + 1) != s.n - 1)
            return false;
        caps[2] = i + 1;
        caps[3] = s.n - 1;
        return true;
    case HAND_INT:   /* ^-?\d+$ */
    case HAND_FLOAT: /* ^-?\d+\.\d+$ */
        if (i < s.n && s.p[i] == '-')
            i++;
        for (j = i; j < s.n && s.p[j] >= '0' && s.p[j] <= '9'; j++) {
        }
        if (j == i)
            return false;
        if (which == HAND_INT)
            return j == s.n;
        if (j >= s.n || s.p[j] != '.')
            return false;
        for (i = ++j; j < s.n && s.p[j] >= '0' && s.p[j] <= '9'; j++) {
        }
        return j > i && j == s.n;
    }
    return false;
}

static bool arg_match(pst *st, enum hand_rx which, sv s, size_t *caps)
{
    static const size_t ncaps[] = {2, 2, 1, 1};
    rm_rx *rx;
    if (st->cx->fast && is_plain(s))
        return hand_match(which, s, caps);
    rx = which == HAND_WORD_ARG  ? st->cx->word_arg
         : which == HAND_ANY_ARG ? st->cx->any_arg
         : which == HAND_INT     ? st->cx->int_
                                 : st->cx->float_;
    return rm_rx_match(rx, s.p, s.n, 0, caps, ncaps[which]) > 0;
}

/* ---------------------------------------------------------------------------------------- */
/* Types and decorators                                                                      */

static const struct {
    const char *kw;
    rm_cerial_type t;
} prim_types[] = {{"String", RM_CT_STRING},   {"Email", RM_CT_EMAIL}, {"Int", RM_CT_INT},
                  {"Date", RM_CT_DATE},       {"Bool", RM_CT_BOOL},   {"Float", RM_CT_FLOAT},
                  {"Number", RM_CT_NUMBER},   {"Uuid", RM_CT_UUID},   {"Duration", RM_CT_DURATION},
                  {"Decimal", RM_CT_DECIMAL}, {"Bytes", RM_CT_BYTES}, {"Geometry", RM_CT_GEOMETRY},
                  {"Any", RM_CT_ANY}};

/* parseFieldType: tok is the type token without its '?'. */
static bool parse_field_type(pst *st, const char *tok, size_t n, rm_cerial_field *f)
{
    char base[256];
    size_t bn = 0, i;
    size_t caps[6];
    const char *br = NULL;
    sv t = {tok, n};
    if (n >= sizeof(base))
        return false;
    /* token.replace('[]', ''): the first occurrence only */
    for (i = 0; i + 1 < n; i++)
        if (tok[i] == '[' && tok[i + 1] == ']') {
            br = tok + i;
            break;
        }
    if (br != NULL) {
        memcpy(base, tok, (size_t)(br - tok));
        memcpy(base + (br - tok), br + 2, n - (size_t)(br - tok) - 2);
        bn = n - 2;
    } else {
        memcpy(base, tok, n);
        bn = n;
    }
    base[bn] = '\0';
    /* the keywords all start with an upper-case letter: anything else skips the table */
    if (bn > 0 && base[0] >= 'A' && base[0] <= 'Z')
        for (i = 0; i < RM_ARRAY_LEN(prim_types); i++)
            if (prim_types[i].kw[0] == base[0] && strcmp(base, prim_types[i].kw) == 0) {
                f->type = prim_types[i].t;
                return true;
            }
    /* the record pattern; "Record" and "Record[]" (no parameters) by hand */
    if (st->cx->fast && (sv_eq(t, "Record") || sv_eq(t, "Record[]"))) {
        f->type = RM_CT_RECORD;
        return true;
    }
    if (sv_starts(t, "Record") && rm_rx_match(st->cx->record, tok, n, 0, caps, 3) > 0) {
        f->type = RM_CT_RECORD;
        if (caps[2] != SIZE_MAX) {
            /* parseRecordIdTypes: split on ',', trim, drop empties */
            size_t b = caps[2], e = caps[3], s0 = b, j;
            size_t cnt = 0, cap = 0;
            const char **items = NULL;
            for (j = b; j <= e; j++) {
                if (j == e || tok[j] == ',') {
                    sv part = sv_trim((sv){tok + s0, j - s0});
                    if (part.n > 0)
                        RM_VEC_PUSH(st->a, items, cnt, cap, sdup(st, part.p, part.n));
                    s0 = j + 1;
                }
            }
            f->record_types = items;
            f->nrecord_types = cnt;
        }
        return true;
    }
    if (sv_eq(t, "Relation") || sv_eq(t, "Relation[]")) {
        f->type = RM_CT_RELATION;
        return true;
    }
    {
        /* extractXName: replace('[]','').replace('?','') */
        char nm[256];
        size_t k = 0;
        bool q = false;
        uint64_t h;
        for (i = 0; i < bn; i++) {
            if (!q && base[i] == '?') {
                q = true;
                continue;
            }
            nm[k++] = base[i];
        }
        nm[k] = '\0';
        h = hash_str(base, bn);
        if (nset_has_h(st->literals, base, bn, h))
            f->type = RM_CT_LITERAL;
        else if (nset_has_h(st->objects, base, bn, h))
            f->type = RM_CT_OBJECT;
        else if (nset_has_h(st->tuples, base, bn, h))
            f->type = RM_CT_TUPLE;
        else
            return false;
        f->type_name = sdup(st, nm, k);
        return true;
    }
}

static const char *value_hint(const char *name, size_t n)
{
    static const struct {
        const char *name;
        const char *hint;
    } req[] = {{"@default", "@default(value)"},    {"@defaultAlways", "@defaultAlways(value)"},
               {"@model", "@model(ModelName)"},    {"@field", "@field(fieldName)"},
               {"@onDelete", "@onDelete(Action)"}, {"@key", "@key(name)"}};
    size_t i;
    for (i = 0; i < RM_ARRAY_LEN(req); i++)
        if (strlen(req[i].name) == n && memcmp(req[i].name, name, n) == 0)
            return req[i].hint;
    return NULL;
}

/* Classify a @default/@defaultAlways argument (extractDefaultValue). */
static void classify_value(pst *st, rm_cerial_dec *dec, sv v)
{
    size_t caps[4];
    v = sv_trim(v);
    if (sv_eq(v, "true") || sv_eq(v, "false"))
        dec->vkind = RM_CV_BOOL;
    else if (sv_eq(v, "null"))
        dec->vkind = RM_CV_NULL;
    else if (arg_match(st, HAND_INT, v, caps))
        dec->vkind = RM_CV_INT;
    else if (arg_match(st, HAND_FLOAT, v, caps))
        dec->vkind = RM_CV_FLOAT;
    else {
        dec->vkind = RM_CV_STRING;
        if (v.n >= 2 &&
            ((v.p[0] == '"' && v.p[v.n - 1] == '"') || (v.p[0] == '\'' && v.p[v.n - 1] == '\''))) {
            v.p++;
            v.n -= 2;
        }
    }
    dec->value = sdup(st, v.p, v.n);
}

typedef struct dec_err {
    const char *name;
    size_t n;
    rm_loc loc;
} dec_err;

/* the decorators written without arguments, with their lengths (compared before the bytes) */
/* clang-format off */
#define EXACT_DEC(text, kind) {text, sizeof(text) - 1, kind}
/* clang-format on */

static const struct {
    const char *tok;
    size_t n;
    rm_cerial_dec_kind k;
} exact_decs[] = {EXACT_DEC("@id", RM_CD_ID),
                  EXACT_DEC("@unique", RM_CD_UNIQUE),
                  EXACT_DEC("@index", RM_CD_INDEX),
                  EXACT_DEC("@now", RM_CD_NOW),
                  EXACT_DEC("@createdAt", RM_CD_CREATED_AT),
                  EXACT_DEC("@updatedAt", RM_CD_UPDATED_AT),
                  EXACT_DEC("@distinct", RM_CD_DISTINCT),
                  EXACT_DEC("@set", RM_CD_SET),
                  EXACT_DEC("@flexible", RM_CD_FLEXIBLE),
                  EXACT_DEC("@nullable", RM_CD_NULLABLE),
                  EXACT_DEC("@readonly", RM_CD_READONLY),
                  EXACT_DEC("@uuid", RM_CD_UUID),
                  EXACT_DEC("@uuid4", RM_CD_UUID4),
                  EXACT_DEC("@uuid7", RM_CD_UUID7),
                  EXACT_DEC("@point", RM_CD_POINT),
                  EXACT_DEC("@line", RM_CD_LINE),
                  EXACT_DEC("@polygon", RM_CD_POLYGON),
                  EXACT_DEC("@multipoint", RM_CD_MULTIPOINT),
                  EXACT_DEC("@multiline", RM_CD_MULTILINE),
                  EXACT_DEC("@multipolygon", RM_CD_MULTIPOLYGON),
                  EXACT_DEC("@geoCollection", RM_CD_GEO_COLLECTION)};

/* One decorator token (parseDecorators). Returns true and fills *dec when it is recognised;
 * sets *err when it is a value-requiring decorator without a value. Unknown tokens are
 * dropped silently, as in Cerial. tuple_only keeps only what parseTupleElement keeps. */
static bool classify_decorator(pst *st, sv tok, rm_loc loc, bool tuple_only, rm_cerial_dec *dec,
                               dec_err *err)
{
    size_t i, caps[4], at;
    const char *pfx = NULL, *open;
    bool maybe_empty;
    memset(dec, 0, sizeof(*dec));
    dec->loc = loc;
    err->name = NULL;
    if (tuple_only) {
        if (sv_eq(tok, "@nullable"))
            dec->kind = RM_CD_NULLABLE;
        else if (sv_eq(tok, "@createdAt"))
            dec->kind = RM_CD_CREATED_AT;
        else if (sv_eq(tok, "@updatedAt"))
            dec->kind = RM_CD_UPDATED_AT;
        else if (sv_starts(tok, "@default("))
            dec->kind = RM_CD_DEFAULT;
        else if (sv_starts(tok, "@defaultAlways("))
            dec->kind = RM_CD_DEFAULT_ALWAYS;
        else
            return false;
        if ((dec->kind == RM_CD_DEFAULT || dec->kind == RM_CD_DEFAULT_ALWAYS) &&
            arg_match(st, HAND_ANY_ARG, tok, caps))
            classify_value(st, dec, (sv){tok.p + caps[2], caps[3] - caps[2]});
        return true;
    }
    for (i = 0; i < RM_ARRAY_LEN(exact_decs); i++)
        if (tok.n == exact_decs[i].n && memcmp(tok.p, exact_decs[i].tok, tok.n) == 0) {
            dec->kind = exact_decs[i].k;
            return true;
        }
    if (sv_starts(tok, "@defaultAlways(")) {
        dec->kind = RM_CD_DEFAULT_ALWAYS;
        pfx = "v";
    } else if (sv_starts(tok, "@default(")) {
        dec->kind = RM_CD_DEFAULT;
        pfx = "v";
    } else if (sv_starts(tok, "@field(")) {
        dec->kind = RM_CD_FIELD;
        pfx = "w";
    } else if (sv_starts(tok, "@model(")) {
        dec->kind = RM_CD_MODEL;
        pfx = "w";
    } else if (sv_starts(tok, "@onDelete(")) {
        dec->kind = RM_CD_ON_DELETE;
        pfx = "w";
    } else if (sv_starts(tok, "@key(")) {
        dec->kind = RM_CD_KEY;
        pfx = "w";
    } else if (sv_eq(tok, "@sort") || sv_starts(tok, "@sort(")) {
        dec->kind = RM_CD_SORT;
        dec->value = "asc";
        if (rm_rx_match(st->cx->sort_arg, tok.p, tok.n, 0, caps, 2) > 0 && caps[3] - caps[2] == 5 &&
            memcmp(tok.p + caps[2], "false", 5) == 0)
            dec->value = "desc";
        return true;
    } else {
        const char *hint = value_hint(tok.p, tok.n);
        if (hint != NULL) {
            /* copied: tok points into a scratch buffer that is about to be rewritten */
            err->name = sdup(st, tok.p, tok.n);
            err->n = tok.n;
            err->loc = loc;
        }
        return false;
    }
    /* value-requiring decorator written with empty parentheses; the pattern needs a blank or
     * ')' right after the '(' (tok starts with a known "@name("), so test that byte first */
    open = memchr(tok.p, '(', tok.n);
    at = open ? (size_t)(open - tok.p) + 1 : tok.n;
    maybe_empty = at < tok.n && (tok.p[at] == ')' || is_ws(tok.p[at]));
    if (maybe_empty && rm_rx_match(st->cx->empty_paren, tok.p, tok.n, 0, caps, 2) > 0 &&
        value_hint(tok.p + caps[2], caps[3] - caps[2]) != NULL) {
        err->name = sdup(st, tok.p + caps[2], caps[3] - caps[2]);
        err->n = caps[3] - caps[2];
        err->loc = loc;
        return false;
    }
    if (pfx[0] == 'v') {
        if (arg_match(st, HAND_ANY_ARG, tok, caps))
            classify_value(st, dec, (sv){tok.p + caps[2], caps[3] - caps[2]});
        return true;
    }
    if (arg_match(st, HAND_WORD_ARG, tok, caps)) {
        sv w = {tok.p + caps[2], caps[3] - caps[2]};
        if (dec->kind == RM_CD_ON_DELETE && !sv_eq(w, "Cascade") && !sv_eq(w, "SetNull") &&
            !sv_eq(w, "SetNone") && !sv_eq(w, "Restrict") && !sv_eq(w, "NoAction"))
            return true; /* unknown action: silently no action */
        dec->value = sdup(st, w.p, w.n);
    }
    return true;
}

/* Remove every `\s*!!private\s*` from m (into m itself, using tmp). */
static void strip_private(mstr *m, mstr *tmp)
{
    size_t i = 0, last = 0;
    tmp->n = 0;
    while (i + 9 <= m->n) {
        if (memcmp(m->s + i, "!!private", 9) == 0) {
            size_t b = i, e = i + 9, k;
            while (b > last && is_ws(m->s[b - 1]))
                b--;
            while (e < m->n && is_ws(m->s[e]))
                e++;
            for (k = last; k < b; k++)
                ms_push(tmp, m->s[k], m->o[k]);
            last = e;
            i = e;
        } else {
            i++;
        }
    }
    for (; last < m->n; last++)
        ms_push(tmp, m->s[last], m->o[last]);
    ms_copy(m, tmp, 0, tmp->n);
}

_Static_assert(RM_CD_NKINDS <= 32, "rm_cerial_field.dec_mask has one bit per decorator kind");
_Static_assert(sizeof(void *) != 8 || sizeof(rm_cerial_field) == 96,
               "rm_cerial_field is laid out without padding (see cerial.h)");

/* One decorator token found on a line: keep it in st->sdecs[*nd] when recognised, or queue its
 * "requires a value" error. */
static void add_decorator(pst *st, sv tok, rm_loc loc, bool tuple_only, size_t *nd, dec_err **errs,
                          size_t *nerrs, size_t *ecap)
{
    rm_cerial_dec dec;
    dec_err err;
    if (classify_decorator(st, tok, loc, tuple_only, &dec, &err)) {
        if (*nd == st->sdecs_cap) {
            st->sdecs_cap = st->sdecs_cap ? 2 * st->sdecs_cap : 16;
            st->sdecs = rm_xrealloc(st->sdecs, st->sdecs_cap * sizeof(*st->sdecs));
        }
        st->sdecs[(*nd)++] = dec;
    } else if (err.name != NULL && errs != NULL) {
        RM_VEC_PUSH(st->a, *errs, *nerrs, *ecap, err);
    }
}

/* Give f the nd decorators collected in st->sdecs (exact-size array in the arena, and
 * dec_mask). */
static void keep_decorators(pst *st, rm_cerial_field *f, size_t nd)
{
    size_t i;
    f->decs = NULL;
    f->ndecs = 0;
    f->dec_mask = 0;
    if (nd == 0)
        return;
    f->decs = rm_arena_memdup(st->a, st->sdecs, nd * sizeof(*st->sdecs));
    f->ndecs = nd;
    for (i = 0; i < nd; i++)
        f->dec_mask |= UINT32_C(1) << f->decs[i].kind;
}

/* Scan decorators in m, give f the recognised ones and remove every match from m. A line
 * without '@' cannot hold a decorator (the pattern starts with one), so it never reaches
 * pcre2. */
static void take_decorators(pst *st, mstr *m, mstr *tmp, bool tuple_only, rm_cerial_field *f,
                            dec_err **errs, size_t *nerrs)
{
    size_t pos, ecap = 0, last = 0, nd = 0;
    size_t caps[2];
    const char *at = m->n ? memchr(m->s, '@', m->n) : NULL;
    if (at == NULL) {
        keep_decorators(st, f, 0);
        return;
    }
    tmp->n = 0;
    pos = (size_t)(at - m->s);
    while (pos <= m->n) {
        sv tok;
        if (rm_rx_match(st->cx->decorator, m->s, m->n, pos, caps, 1) <= 0)
            break;
        tok.p = m->s + caps[0];
        tok.n = caps[1] - caps[0];
        add_decorator(st, tok, loc_ms(st, m, caps[0], caps[1]), tuple_only, &nd, errs, nerrs,
                      &ecap);
        ms_append(tmp, m, last, caps[0]);
        last = caps[1];
        pos = caps[1] > caps[0] ? caps[1] : caps[1] + 1;
        if (pos >= m->n || memchr(m->s + pos, '@', m->n - pos) == NULL)
            break;
    }
    ms_append(tmp, m, last, m->n);
    ms_swap(m, tmp);
    keep_decorators(st, f, nd);
}

/* The field-line fast path: the shape of almost every field line,
 *     name Type @dec @dec(argument) ...
 * (name: \w+; Type: \w, '[', ']', '?'; blanks between: spaces and tabs; each decorator a whole
 * blank-separated token as the decorator pattern @\w+(?:\([^)]*\))? matches it; the line has no
 * '/' and no '!', so neither the `//` cut nor !!private removal applies). For such a line the
 * slow path (copy into a scratch buffer with source offsets, pcre2 search for decorators, cut
 * them out, trim, split on blanks) yields exactly these ranges of the source line. Returns
 * false, having changed nothing, for any other line. */
#define FAST_MAX_DECS 16

typedef struct range {
    size_t b, e;
} range;

typedef struct fast_shape {
    range name, type;
    range decs[FAST_MAX_DECS];
    size_t ndecs;
} fast_shape;

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static bool fast_field_shape(sv t, fast_shape *fs)
{
    size_t i, n = t.n;
    i = word_run(t, 0);
    if (i == 0 || i >= n || !is_blank(t.p[i]))
        return false;
    fs->name = (range){0, i};
    while (i < n && is_blank(t.p[i]))
        i++;
    fs->type.b = i;
    while (i < n && (is_word(t.p[i]) || t.p[i] == '[' || t.p[i] == ']' || t.p[i] == '?'))
        i++;
    fs->type.e = i;
    if (fs->type.e == fs->type.b || fs->type.e - fs->type.b >= 256)
        return false;
    fs->ndecs = 0;
    while (i < n) {
        size_t b;
        if (!is_blank(t.p[i]))
            return false;
        while (i < n && is_blank(t.p[i]))
            i++;
        if (i == n)
            break;
        if (t.p[i] != '@' || fs->ndecs == FAST_MAX_DECS)
            return false;
        b = i;
        i = word_run(t, i + 1);
        if (i == b + 1)
            return false;
        if (i < n && t.p[i] == '(') {
            /* [^)]*\): printable ASCII but '/' and '!' up to the first ')' */
            for (i++; i < n && t.p[i] != ')'; i++)
                if ((unsigned char)t.p[i] < 0x20 || (unsigned char)t.p[i] > 0x7e || t.p[i] == '/' ||
                    t.p[i] == '!')
                    return false;
            if (i == n)
                return false; /* no ')': the token would end before the '(' */
            i++;
        }
        fs->decs[fs->ndecs++] = (range){b, i};
    }
    return true;
}

/* Split m on whitespace runs into index ranges (JS: s.split(/\s+/) on a trimmed string). */

static size_t split_ws(const mstr *m, range *out, size_t max)
{
    size_t i = 0, n = 0;
    if (m->n == 0) {
        if (max > 0)
            out[0].b = out[0].e = 0;
        return 1;
    }
    while (i < m->n && n < max) {
        size_t b = i;
        while (i < m->n && !is_ws(m->s[i]))
            i++;
        out[n].b = b;
        out[n].e = i;
        n++;
        while (i < m->n && is_ws(m->s[i]))
            i++;
    }
    return n;
}

/* parseFieldDeclaration for one body line of a model or object. */
static void parse_field_line(pst *st, size_t li, rm_cerial_block *blk)
{
    sv raw = line_raw(st, li);
    /* the trimmed line: made once already (split_lines) when removeComments had nothing to do */
    sv trimmed = st->lines[li].plain ? line_clean(st, li) : sv_trim(raw);
    mstr *m = &st->m1, *tmp = &st->m2;
    size_t i, k, toff = (size_t)(trimmed.p - st->src->text);
    range parts[64];
    size_t nparts;
    size_t nerrs = 0, nd = 0, ecap = 0;
    dec_err *errs = NULL;
    rm_cerial_field fl, *f = &fl;
    char *type, tstack[256];
    size_t tlen;
    sv name;
    fast_shape fs;
    bool is_private = false;

    memset(&fl, 0, sizeof(fl));
    if (st->cx->fast && fast_field_shape(trimmed, &fs)) {
        for (i = 0; i < fs.ndecs; i++) {
            sv tok = {trimmed.p + fs.decs[i].b, fs.decs[i].e - fs.decs[i].b};
            add_decorator(st, tok, rm_loc_make(st->src->id, toff + fs.decs[i].b, tok.n), false, &nd,
                          &errs, &nerrs, &ecap);
        }
        keep_decorators(st, f, nd);
        name = (sv){trimmed.p + fs.name.b, fs.name.e - fs.name.b};
        f->name_loc = rm_loc_make(st->src->id, toff + fs.name.b, name.n);
        tlen = fs.type.e - fs.type.b;
        memcpy(tstack, trimmed.p + fs.type.b, tlen);
        tstack[tlen] = '\0';
        type = tstack;
        f->type_loc = rm_loc_make(st->src->id, toff + fs.type.b, tlen);
        goto shaped;
    }
    ms_set(m, trimmed.p, trimmed.n, toff);
    /* trimmed.replace(/\/\/.*$/, '') */
    for (i = 0; i + 1 < m->n; i++)
        if (m->s[i] == '/' && m->s[i + 1] == '/') {
            m->n = i;
            m->s[i] = '\0';
            break;
        }
    ms_trim(m);
    if (m->n == 0)
        return;
    if (sv_contains(ms_sv(m), "!!private")) {
        is_private = true;
        strip_private(m, tmp);
        ms_trim(m);
    }
    take_decorators(st, m, tmp, false, &fl, &errs, &nerrs);
    ms_trim(m);
    nparts = split_ws(m, parts, RM_ARRAY_LEN(parts));
    if (nparts < 2) {
        perr(st, RM_E_CERIAL_FIELD_SYNTAX, loc_sv(st, trimmed), "Invalid field declaration: %.*s",
             (int)trimmed.n, trimmed.p);
        return;
    }
    /* Record(a, b): glue the following parts until one holds ')' */
    {
        size_t tb = parts[1].b, te = parts[1].e;
        sv t1 = {m->s + tb, te - tb};
        if (sv_starts(t1, "Record(") && memchr(t1.p, ')', t1.n) == NULL) {
            rm_sb sb = RM_SB_INIT;
            rm_sb_append(&sb, t1.p, t1.n);
            for (k = 2; k < nparts && memchr(rm_sb_str(&sb), ')', sb.len) == NULL; k++) {
                rm_sb_append(&sb, m->s + parts[k].b, parts[k].e - parts[k].b);
                te = parts[k].e;
            }
            tlen = sb.len;
            type = sdup(st, rm_sb_str(&sb), sb.len);
            rm_sb_free(&sb);
        } else if (t1.n < sizeof(tstack)) {
            /* the common case: the type text is only needed during this call */
            memcpy(tstack, t1.p, t1.n);
            tstack[t1.n] = '\0';
            tlen = t1.n;
            type = tstack;
        } else {
            tlen = t1.n;
            type = sdup(st, t1.p, t1.n);
        }
        f->type_loc = loc_ms(st, m, tb, te);
    }
    name = (sv){m->s + parts[0].b, parts[0].e - parts[0].b};
    f->name_loc = loc_ms(st, m, parts[0].b, parts[0].e);
shaped:
    f->is_private = is_private;
    f->loc = loc_sv(st, trimmed);
    if (tlen > 0 && type[tlen - 1] == '?' &&
        !(tlen >= 3 && memcmp(type + tlen - 3, "[]?", 3) == 0)) {
        f->optional = true;
        type[--tlen] = '\0';
    }
    f->array = tlen >= 2 && memcmp(type + tlen - 2, "[]", 2) == 0;
    if (!is_field_name_sv(name)) {
        perr(st, RM_E_CERIAL_FIELD_NAME, f->name_loc, "Invalid field name: %.*s", (int)name.n,
             name.p);
        return;
    }
    if (!parse_field_type(st, type, tlen, f)) {
        perr(st, RM_E_CERIAL_FIELD_TYPE, f->type_loc,
             "Invalid field type: %s. Use String, Email, Int, Date, Bool, Float, Uuid, Record, "
             "Relation, or array types (String[], Int[], Date[], Uuid[], Record[], Relation[]).",
             type);
        return;
    }
    f->name = sdup(st, name.p, name.n);
    f->nullable = rm_cerial_field_dec(f, RM_CD_NULLABLE) != NULL;
    for (i = 0; i < nerrs; i++)
        perr(st, RM_E_CERIAL_DECORATOR_VALUE, errs[i].loc,
             "Decorator '%.*s' requires a value. Use %s", (int)errs[i].n, errs[i].name,
             value_hint(errs[i].name, errs[i].n));
    /* With decorator errors the field still joins its block (as in Cerial); the file fails.
     * Collected in st->sfields; the block gets an exact-size copy when it ends. */
    (void)blk;
    if (st->sfields_n == st->sfields_cap) {
        st->sfields_cap = st->sfields_cap ? 2 * st->sfields_cap : 64;
        st->sfields = rm_xrealloc(st->sfields, st->sfields_cap * sizeof(*st->sfields));
    }
    st->sfields[st->sfields_n++] = rm_arena_memdup(st->a, f, sizeof(*f));
}

static void parse_composite(pst *st, size_t li, rm_cerial_block *blk, size_t *cap)
{
    sv c = line_clean(st, li);
    size_t caps[8], j, s0, cnt = 0, fcap = 0;
    const char **fields = NULL;
    rm_cerial_composite comp;
    if (rm_rx_match(st->cx->composite, c.p, c.n, 0, caps, 4) <= 0) {
        perr(st, RM_E_CERIAL_COMPOSITE_SYNTAX, loc_sv(st, c),
             "Invalid composite directive syntax: %.*s. Expected @@index(name, [field1, field2, "
             "...]) or @@unique(name, [field1, field2, ...])",
             (int)c.n, c.p);
        return;
    }
    memset(&comp, 0, sizeof(comp));
    comp.unique = c.p[caps[2]] == 'u';
    comp.name = sdup(st, c.p + caps[4], caps[5] - caps[4]);
    for (s0 = caps[6], j = caps[6]; j <= caps[7]; j++) {
        if (j == caps[7] || c.p[j] == ',') {
            sv part = sv_trim((sv){c.p + s0, j - s0});
            if (part.n > 0)
                RM_VEC_PUSH(st->a, fields, cnt, fcap, sdup(st, part.p, part.n));
            s0 = j + 1;
        }
    }
    if (cnt == 0) {
        perr(st, RM_E_CERIAL_COMPOSITE_SYNTAX, loc_sv(st, c),
             "Composite directive @@%s(\"%s\") must specify at least one field",
             comp.unique ? "unique" : "index", comp.name);
        return;
    }
    comp.fields = fields;
    comp.nfields = cnt;
    comp.loc = loc_sv(st, c);
    RM_VEC_PUSH(st->a, blk->composites, blk->ncomposites, *cap, comp);
}

/* ---------------------------------------------------------------------------------------- */
/* Block headers                                                                             */

static const char *const kind_words[] = {"model", "object", "tuple", "literal", "enum"};

/* The header pattern of kind (model_hdr or kind_hdr) on the cleaned header line c, capture 1
 * (the name) in caps[2..3]. Fast path for plain lines (printable ASCII, so pcre2's \s is just
 * ' '): `[abstract +]keyword +name...`; the name is the longest \w run (everything after it in
 * the pattern is optional), so the hand match is exact. Anything else goes to pcre2. */
static bool header_match(pst *st, rm_cerial_kind kind, sv c, size_t *caps)
{
    rm_rx *rx = kind == RM_CERIAL_MODEL ? st->cx->model_hdr : st->cx->kind_hdr[kind];
    if (st->cx->fast && is_plain(c)) {
        const char *kw = kind_words[kind];
        size_t i = 0, kn = strlen(kw), b;
        if (kind == RM_CERIAL_MODEL && sv_starts(c, "abstract ")) {
            for (i = 8; i < c.n && c.p[i] == ' '; i++) {
            }
        }
        if (c.n - i < kn || memcmp(c.p + i, kw, kn) != 0)
            return false;
        i += kn;
        if (i >= c.n || c.p[i] != ' ')
            return false;
        while (i < c.n && c.p[i] == ' ')
            i++;
        b = i;
        i = word_run(c, i);
        if (i == b)
            return false;
        caps[2] = b;
        caps[3] = i;
        return true;
    }
    return rm_rx_match(rx, c.p, c.n, 0, caps, 2) > 0;
}

/* Parse `extends P[...]` on the header line; report bracket errors at the header. */
static void parse_extends(pst *st, size_t li, rm_cerial_block *blk)
{
    sv c = line_clean(st, li);
    size_t caps[6];
    const char *ext;
    /* both extends patterns need the word: most headers have none (exact prefilter) */
    if (!sv_contains(c, "extends"))
        return;
    if (rm_rx_match(st->cx->extends_, c.p, c.n, 0, caps, 3) > 0) {
        blk->extends = sdup(st, c.p + caps[2], caps[3] - caps[2]);
        blk->extends_loc = loc_sv(st, (sv){c.p + caps[2], caps[3] - caps[2]});
        if (caps[4] != SIZE_MAX) {
            /* parseExtendsBracket: split, trim, drop empties; mixed -> no filter */
            sv in = {c.p + caps[4], caps[5] - caps[4]};
            size_t j, s0 = 0, cnt = 0, cap = 0;
            const char **items = NULL;
            bool omit = false, pick = false;
            for (j = 0; j <= in.n; j++) {
                if (j == in.n || in.p[j] == ',') {
                    sv part = sv_trim((sv){in.p + s0, j - s0});
                    if (part.n > 0) {
                        if (part.p[0] == '!')
                            omit = true;
                        else
                            pick = true;
                        RM_VEC_PUSH(st->a, items, cnt, cap, sdup(st, part.p, part.n));
                    }
                    s0 = j + 1;
                }
            }
            if (!(omit && pick)) {
                blk->has_filter = true;
                blk->filter_omit = omit;
                if (omit)
                    for (j = 0; j < cnt; j++) {
                        sv it = sv_trim((sv){items[j] + 1, strlen(items[j]) - 1});
                        items[j] = sdup(st, it.p, it.n);
                    }
                blk->filter = items;
                blk->nfilter = cnt;
            }
        }
        /* bracket balance between the first "extends" and the first '{' after it */
        ext = NULL;
        {
            size_t j;
            for (j = 0; j + 7 <= c.n; j++)
                if (memcmp(c.p + j, "extends", 7) == 0) {
                    ext = c.p + j;
                    break;
                }
        }
        if (ext != NULL) {
            size_t rest = c.n - (size_t)(ext - c.p), j;
            bool open = false, close = false;
            for (j = 0; j < rest && ext[j] != '{'; j++) {
                if (ext[j] == '[')
                    open = true;
                if (ext[j] == ']')
                    close = true;
            }
            if (open && !close)
                perr(st, RM_E_CERIAL_EXTENDS_SYNTAX, loc_sv(st, c),
                     "Unclosed bracket in extends clause \xE2\x80\x94 missing closing ]");
            else if (!open && close)
                perr(st, RM_E_CERIAL_EXTENDS_SYNTAX, loc_sv(st, c),
                     "Unexpected ] in extends clause \xE2\x80\x94 missing opening [");
        }
    }
    if (rm_rx_match(st->cx->extends_br, c.p, c.n, 0, caps, 2) > 0 && !blk->has_filter) {
        sv in = {c.p + caps[2], caps[3] - caps[2]};
        size_t j, s0 = 0;
        bool omit = false, pick = false;
        for (j = 0; j <= in.n; j++) {
            if (j == in.n || in.p[j] == ',') {
                sv part = sv_trim((sv){in.p + s0, j - s0});
                if (part.n > 0) {
                    if (part.p[0] == '!')
                        omit = true;
                    else
                        pick = true;
                }
                s0 = j + 1;
            }
        }
        if (omit && pick)
            perr(st, RM_E_CERIAL_EXTENDS_SYNTAX, loc_sv(st, c),
                 "Cannot mix pick and omit in extends bracket \xE2\x80\x94 use either [field1, "
                 "field2] or [!field1, !field2], not both");
    }
}

/* Header: name, abstract, extends. Returns NULL (after reporting) when the name is unreadable.
 * Leaves st->cur on the header line. */
static rm_cerial_block *parse_header(pst *st, rm_cerial_kind kind)
{
    size_t li = st->cur;
    sv c = line_clean(st, li);
    size_t caps[4];
    rm_cerial_block *blk;
    if (!header_match(st, kind, c, caps)) {
        sv raw = line_raw(st, li);
        perr(st, RM_E_CERIAL_BAD_HEADER, loc_line(st, li), "Invalid %s declaration: %.*s",
             kind_words[kind], (int)raw.n, raw.p);
        st->cur++;
        return NULL;
    }
    blk = RM_NEW(st->a, rm_cerial_block);
    blk->kind = kind;
    blk->name = sdup(st, c.p + caps[2], caps[3] - caps[2]);
    blk->name_loc = loc_sv(st, (sv){c.p + caps[2], caps[3] - caps[2]});
    blk->loc = loc_sv(st, c);
    blk->abstract = kind == RM_CERIAL_MODEL && sv_starts(c, "abstract ");
    parse_extends(st, li, blk);
    return blk;
}

/* After the header line: find the '{' line when the header did not end with one. Returns false
 * (after reporting) when another line comes first; st->cur then stays on that line. */
static bool find_open_brace(pst *st, size_t hdr, rm_cerial_block *blk)
{
    if (is_block_start(st, hdr))
        return true;
    while (st->cur < st->nlines) {
        if (line_clean(st, st->cur).n == 0) {
            st->cur++;
            continue;
        }
        if (is_block_start(st, st->cur)) {
            st->cur++;
            return true;
        }
        perr(st, RM_E_CERIAL_EXPECTED_BRACE, loc_line(st, st->cur), "Expected '{' for %s %s",
             kind_words[blk->kind], blk->name);
        return false;
    }
    return true;
}

static void add_block(pst *st, rm_cerial_block *blk)
{
    rm_cerial_schema *s = st->out;
    RM_VEC_PUSH(st->a, s->blocks[blk->kind], s->n[blk->kind], s->cap[blk->kind], blk);
}

/* model / abstract model / object: one field per line until a line that is exactly "}". */
static void parse_struct_block(pst *st, rm_cerial_kind kind)
{
    size_t hdr = st->cur, ccap = 0;
    rm_cerial_block *blk = parse_header(st, kind);
    if (blk == NULL)
        return;
    st->cur++;
    if (!find_open_brace(st, hdr, blk))
        return;
    st->sfields_n = 0;
    while (st->cur < st->nlines) {
        sv c = line_clean(st, st->cur);
        if (c.n == 0) {
            st->cur++;
            continue;
        }
        if (sv_eq(c, "}")) {
            st->cur++;
            break;
        }
        if (kind == RM_CERIAL_MODEL && (sv_starts(c, "@@index") || sv_starts(c, "@@unique")))
            parse_composite(st, st->cur, blk, &ccap);
        else
            parse_field_line(st, st->cur, blk);
        st->cur++;
    }
    if (st->sfields_n > 0) {
        blk->fields = rm_arena_memdup(st->a, st->sfields, st->sfields_n * sizeof(*st->sfields));
        blk->nfields = st->sfields_n;
    }
    add_block(st, blk);
}

/* Tuple elements, literal variants and enum values: the text between the braces, collected
 * from one or several lines (joined with one space) into st->m3 with source offsets. */
static void collect_list(pst *st, size_t hdr)
{
    mstr *m = &st->m3;
    sv h = sv_remove_comments(line_raw(st, hdr));
    const char *brace = memchr(h.p, '{', h.n);
    m->n = 0;
    if (brace != NULL) {
        sv after = sv_trim((sv){brace + 1, h.n - (size_t)(brace + 1 - h.p)});
        if (after.n > 0 && !sv_eq(after, "}")) {
            size_t i;
            for (i = 0; i < after.n; i++)
                ms_push(m, after.p[i], (uint32_t)(after.p + i - st->src->text));
        }
    }
    while (st->cur < st->nlines) {
        sv c = line_clean(st, st->cur);
        size_t i;
        bool last = false;
        if (sv_eq(c, "}")) {
            st->cur++;
            break;
        }
        if (c.n > 0 && c.p[c.n - 1] == '}') {
            c = sv_trim((sv){c.p, c.n - 1});
            last = true;
        } else if (c.n == 0) {
            st->cur++;
            continue;
        }
        if (m->n > 0)
            ms_push(m, ' ', (uint32_t)(c.p - st->src->text));
        for (i = 0; i < c.n; i++)
            ms_push(m, c.p[i], (uint32_t)(c.p + i - st->src->text));
        st->cur++;
        if (last)
            break;
    }
}

/* JavaScript's String(Number(text)) for a text matching ^-?\d+(\.\d+)?$ */
static char *js_number_text(pst *st, const char *p, size_t n)
{
    char buf[64], tmp[400];
    double v;
    if (n >= sizeof(tmp))
        n = sizeof(tmp) - 1;
    memcpy(tmp, p, n);
    tmp[n] = '\0';
    v = strtod(tmp, NULL);
    if (v == 0)
        return rm_arena_strdup(st->a, "0");
    /* Range first: converting a double beyond long long is undefined behaviour (found by
     * fuzz_cerial_parse); such values took the %g branch below on x86 anyway. */
    if (v < 9.2e18 && v > -9.2e18 && v == (double)(long long)v)
        snprintf(buf, sizeof(buf), "%lld", (long long)v);
    else {
        int prec;
        for (prec = 1; prec <= 17; prec++) {
            snprintf(buf, sizeof(buf), "%.*g", prec, v);
            if (strtod(buf, NULL) == v)
                break;
        }
    }
    return rm_arena_strdup(st->a, buf);
}

/* Split the collected list on commas: ranges into m3, trimmed, empties dropped. */
static size_t split_commas(pst *st, range **out)
{
    mstr *m = &st->m3;
    size_t i, s0 = 0, n = 0, cap = 0;
    *out = NULL;
    for (i = 0; i <= m->n; i++) {
        if (i == m->n || m->s[i] == ',') {
            size_t b = s0, e = i;
            ms_trim_range(m, &b, &e);
            if (e > b) {
                range r = {b, e};
                RM_VEC_PUSH(st->a, *out, n, cap, r);
            }
            s0 = i + 1;
        }
    }
    return n;
}

static void parse_tuple_elements(pst *st, rm_cerial_block *blk, rm_loc err_loc)
{
    range *parts;
    size_t np = split_commas(st, &parts), i, cap = 0;
    for (i = 0; i < np; i++) {
        mstr *m = &st->m1, *tmp = &st->m2;
        range pr[64];
        size_t n, tb, te;
        rm_cerial_field *f = RM_NEW(st->a, rm_cerial_field);
        char *type;
        size_t tlen;
        ms_copy(m, &st->m3, parts[i].b, parts[i].e);
        f->loc = loc_ms(st, &st->m3, parts[i].b, parts[i].e);
        if (sv_contains(ms_sv(m), "!!private")) {
            f->is_private = true;
            strip_private(m, tmp);
            ms_trim(m);
        }
        take_decorators(st, m, tmp, true, f, NULL, NULL);
        ms_trim(m);
        n = split_ws(m, pr, RM_ARRAY_LEN(pr));
        if (n == 1) {
            tb = pr[0].b;
            te = pr[0].e;
        } else {
            tb = pr[1].b;
            te = pr[1].e;
            f->name = sdup(st, m->s + pr[0].b, pr[0].e - pr[0].b);
            f->name_loc = loc_ms(st, m, pr[0].b, pr[0].e);
        }
        f->type_loc = loc_ms(st, m, tb, te);
        type = sdup(st, m->s + tb, te - tb);
        tlen = te - tb;
        if (tlen > 0 && type[tlen - 1] == '?') {
            f->optional = true;
            type[--tlen] = '\0';
        }
        if (!parse_field_type(st, type, tlen, f)) {
            value_detail(st,
                         perr(st, RM_E_CERIAL_TUPLE_ELEMENT, err_loc,
                              "Invalid tuple element '%.*s' in tuple %s",
                              (int)(parts[i].e - parts[i].b), st->m3.s + parts[i].b, blk->name),
                         st->m3.o[parts[i].b]);
            continue;
        }
        f->nullable = rm_cerial_field_dec(f, RM_CD_NULLABLE) != NULL;
        RM_VEC_PUSH(st->a, blk->fields, blk->nfields, cap, f);
    }
}

static void parse_literal_variants(pst *st, rm_cerial_block *blk, rm_loc err_loc)
{
    range *parts;
    size_t np = split_commas(st, &parts), i, cap = 0;
    static const char *const broad[] = {"String", "Int", "Float", "Bool", "Date"};
    for (i = 0; i < np; i++) {
        sv t = {st->m3.s + parts[i].b, parts[i].e - parts[i].b};
        rm_cerial_variant v;
        size_t k;
        bool done = false;
        memset(&v, 0, sizeof(v));
        if (t.n >= 1 &&
            ((t.p[0] == '\'' && t.p[t.n - 1] == '\'') || (t.p[0] == '"' && t.p[t.n - 1] == '"'))) {
            /* JS slice(1, -1) of a one-character "'" is "" */
            v.kind = RM_CVAR_STRING;
            v.text = t.n >= 2 ? sdup(st, t.p + 1, t.n - 2) : "";
            done = true;
        } else if (sv_eq(t, "true") || sv_eq(t, "false")) {
            v.kind = RM_CVAR_BOOL;
            v.text = t.p[0] == 't' ? "true" : "false";
            done = true;
        } else if (sv_eq(t, "null")) {
            value_detail(
                st,
                perr(st, RM_E_CERIAL_LITERAL_VARIANT, err_loc,
                     "null is not allowed in literal %s. Use @nullable on the field instead.",
                     blk->name),
                st->m3.o[parts[i].b]);
            continue;
        } else if (rx_sv(st->cx->number, t)) {
            v.kind = memchr(t.p, '.', t.n) ? RM_CVAR_FLOAT : RM_CVAR_INT;
            v.text = js_number_text(st, t.p, t.n);
            done = true;
        }
        for (k = 0; !done && k < RM_ARRAY_LEN(broad); k++)
            if (sv_eq(t, broad[k])) {
                v.kind = RM_CVAR_BROAD;
                v.text = broad[k];
                done = true;
            }
        if (!done && nset_has(st->literals, t.p, t.n)) {
            if (strlen(blk->name) == t.n && memcmp(blk->name, t.p, t.n) == 0) {
                value_detail(st,
                             perr(st, RM_E_CERIAL_LITERAL_VARIANT, err_loc,
                                  "Literal %s cannot reference itself", blk->name),
                             st->m3.o[parts[i].b]);
                continue;
            }
            v.kind = RM_CVAR_LITERAL_REF;
            done = true;
        } else if (!done && nset_has(st->tuples, t.p, t.n)) {
            v.kind = RM_CVAR_TUPLE_REF;
            done = true;
        } else if (!done && nset_has(st->objects, t.p, t.n)) {
            v.kind = RM_CVAR_OBJECT_REF;
            done = true;
        }
        if (!done) {
            value_detail(st,
                         perr(st, RM_E_CERIAL_LITERAL_VARIANT, err_loc,
                              "Unknown variant '%.*s' in literal %s", (int)t.n, t.p, blk->name),
                         st->m3.o[parts[i].b]);
            continue;
        }
        if (v.text == NULL)
            v.text = sdup(st, t.p, t.n);
        v.loc = loc_ms(st, &st->m3, parts[i].b, parts[i].e);
        RM_VEC_PUSH(st->a, blk->variants, blk->nvariants, cap, v);
    }
}

static void parse_enum_values(pst *st, rm_cerial_block *blk, rm_loc err_loc)
{
    mstr *m = &st->m3;
    size_t i, s0 = 0, cap = 0, nlocs = 0, lcap = 0;
    bool commas = memchr(m->s ? m->s : "", ',', m->n) != NULL;
    for (i = 0; i <= m->n; i++) {
        bool sep = i == m->n || (commas ? m->s[i] == ',' : is_ws(m->s[i]));
        sv raw, c;
        if (!sep)
            continue;
        raw = (sv){m->s + s0, i - s0};
        s0 = i + 1;
        c = sv_clean(sv_trim(raw));
        if (c.n == 0)
            continue;
        if (c.p[0] == '\'' || c.p[0] == '"')
            value_detail(st,
                         perr(st, RM_E_CERIAL_ENUM_VALUE, err_loc,
                              "Enum %s: values must be bare identifiers, not quoted strings: %.*s",
                              blk->name, (int)c.n, c.p),
                         m->o[c.p - m->s]);
        else if (rx_sv(st->cx->number, c))
            value_detail(st,
                         perr(st, RM_E_CERIAL_ENUM_VALUE, err_loc,
                              "Enum %s: values must be bare identifiers, not numbers: %.*s",
                              blk->name, (int)c.n, c.p),
                         m->o[c.p - m->s]);
        else if (sv_eq(c, "true") || sv_eq(c, "false"))
            value_detail(st,
                         perr(st, RM_E_CERIAL_ENUM_VALUE, err_loc,
                              "Enum %s: values must be bare identifiers, not booleans: %.*s",
                              blk->name, (int)c.n, c.p),
                         m->o[c.p - m->s]);
        else if (!rx_sv(st->cx->ident, c))
            value_detail(st,
                         perr(st, RM_E_CERIAL_ENUM_VALUE, err_loc,
                              "Enum %s: invalid value '%.*s'. Values must be valid identifiers",
                              blk->name, (int)c.n, c.p),
                         m->o[c.p - m->s]);
        else {
            size_t b = (size_t)(c.p - m->s);
            rm_loc l = loc_ms(st, m, b, b + c.n);
            RM_VEC_PUSH(st->a, blk->value_locs, nlocs, lcap, l);
            RM_VEC_PUSH(st->a, blk->values, blk->nvalues, cap, sdup(st, c.p, c.n));
        }
    }
}

/* tuple / literal / enum */
static void parse_list_block(pst *st, rm_cerial_kind kind)
{
    size_t hdr = st->cur;
    rm_cerial_block *blk = parse_header(st, kind);
    sv h;
    const char *brace;
    bool single = false;
    rm_loc err_loc;
    if (blk == NULL)
        return;
    /* The value parsers compute m3.s + offset also for an empty list: keep the buffer allocated
     * so that is never NULL + 0, undefined behaviour (found by fuzz_cerial_parse, "enum E {"). */
    ms_reserve(&st->m3, 16);
    st->cur++;
    h = sv_remove_comments(line_raw(st, hdr));
    brace = memchr(h.p, '{', h.n);
    if (brace != NULL) {
        sv after = sv_trim((sv){brace + 1, h.n - (size_t)(brace + 1 - h.p)});
        if (after.n > 0 && after.p[after.n - 1] == '}') {
            /* single-line form: content between the first '{' and the final '}' */
            sv content = sv_trim((sv){after.p, after.n - 1});
            size_t i;
            st->m3.n = 0;
            for (i = 0; i < content.n; i++)
                ms_push(&st->m3, content.p[i], (uint32_t)(content.p + i - st->src->text));
            single = true;
        }
    }
    if (!single) {
        if (!find_open_brace(st, hdr, blk))
            return;
        collect_list(st, hdr);
    }
    /* Cerial reports content errors on the line after the last consumed one. */
    err_loc = loc_line(st, st->cur);
    if (kind == RM_CERIAL_TUPLE)
        parse_tuple_elements(st, blk, err_loc);
    else if (kind == RM_CERIAL_LITERAL)
        parse_literal_variants(st, blk, err_loc);
    else
        parse_enum_values(st, blk, err_loc);
    add_block(st, blk);
}

/* ---------------------------------------------------------------------------------------- */
/* Driver                                                                                    */

/* Position of the first '\n' or removeComments byte (quote, '/', '#') in p[i, n), or n: one
 * scan finds the end of a line and tells whether removeComments has anything to do on it. */
static const unsigned char line_byte[256] = {
    ['\n'] = 1, ['\''] = 1, ['"'] = 1, ['/'] = 1, ['#'] = 1};

static size_t next_line_byte(const char *p, size_t i, size_t n)
{
#if defined(__SSE2__)
    const __m128i nl = _mm_set1_epi8('\n'), q1 = _mm_set1_epi8('\''), q2 = _mm_set1_epi8('"');
    const __m128i sl = _mm_set1_epi8('/'), hs = _mm_set1_epi8('#');
    for (; i + 16 <= n; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
        __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, nl), _mm_cmpeq_epi8(x, q1)),
                                 _mm_or_si128(_mm_cmpeq_epi8(x, q2), _mm_cmpeq_epi8(x, sl)));
        int mask = _mm_movemask_epi8(_mm_or_si128(m, _mm_cmpeq_epi8(x, hs)));
        if (mask != 0)
            return i + (size_t)__builtin_ctz((unsigned)mask);
    }
#endif
    for (; i < n; i++)
        if (line_byte[(unsigned char)p[i]])
            return i;
    return n;
}

static void split_lines(pst *st, const rm_source *src)
{
    size_t b = 0, cap = 0;
    st->src = src;
    st->lines = NULL;
    st->nlines = 0;
    /* source.split("\n"): n newlines give n + 1 lines */
    for (;;) {
        size_t k = next_line_byte(src->text, b, src->len);
        bool plain = k == src->len || src->text[k] == '\n';
        const char *nl = plain ? (k < src->len ? src->text + k : NULL)
                               : memchr(src->text + k, '\n', src->len - k);
        size_t e = nl ? (size_t)(nl - src->text) : src->len;
        pline l = {b, e - b, b, 0, e - b > RM_CERIAL_MAX_LINE, plain};
        if (!l.too_long) {
            /* no quote, '/' or '#' on the line: removeComments keeps it whole */
            sv c =
                plain ? sv_trim((sv){src->text + b, e - b}) : sv_clean((sv){src->text + b, e - b});
            l.coff = (size_t)(c.p - src->text);
            l.clen = c.n;
        }
        if (st->nlines == cap) {
            cap = cap ? cap * 2 : 64;
            st->lines = rm_xrealloc(st->lines, cap * sizeof(*st->lines));
        }
        st->lines[st->nlines++] = l;
        if (nl == NULL)
            break;
        b = e + 1;
    }
}

static void collect_names(pst *st, nset *sets[RM_CERIAL_NKINDS])
{
    size_t i, caps[4];
    for (i = 0; i < st->nlines; i++) {
        sv c = line_clean(st, i);
        rm_cerial_kind k;
        if (sv_starts(c, "object "))
            k = RM_CERIAL_OBJECT;
        else if (sv_starts(c, "model ") || sv_starts(c, "abstract model "))
            k = RM_CERIAL_MODEL;
        else if (sv_starts(c, "tuple "))
            k = RM_CERIAL_TUPLE;
        else if (sv_starts(c, "literal "))
            k = RM_CERIAL_LITERAL;
        else if (sv_starts(c, "enum "))
            k = RM_CERIAL_ENUM;
        else
            continue;
        if (header_match(st, k, c, caps)) {
            nset_add(sets[k], st->a, c.p + caps[2], caps[3] - caps[2]);
            if (k == RM_CERIAL_ENUM) /* enum names are literal names too */
                nset_add(sets[RM_CERIAL_LITERAL], st->a, c.p + caps[2], caps[3] - caps[2]);
        }
    }
}

static void parse_file(pst *st)
{
    size_t i;
    for (i = 0; i < st->nlines; i++)
        if (st->lines[i].too_long)
            perr(st, RM_E_CERIAL_LINE_TOO_LONG, rm_loc_make(st->src->id, st->lines[i].off, 0),
                 "line is longer than %zu bytes and was skipped", (size_t)RM_CERIAL_MAX_LINE);
    st->cur = 0;
    while (st->cur < st->nlines) {
        sv c = line_clean(st, st->cur);
        if (c.n == 0)
            st->cur++;
        else if (sv_starts(c, "enum "))
            parse_list_block(st, RM_CERIAL_ENUM);
        else if (sv_starts(c, "literal "))
            parse_list_block(st, RM_CERIAL_LITERAL);
        else if (sv_starts(c, "tuple "))
            parse_list_block(st, RM_CERIAL_TUPLE);
        else if (sv_starts(c, "object "))
            parse_struct_block(st, RM_CERIAL_OBJECT);
        else if (sv_starts(c, "model ") || sv_starts(c, "abstract model "))
            parse_struct_block(st, RM_CERIAL_MODEL);
        else
            st->cur++; /* unknown top-level line: ignored, as in Cerial */
    }
}

int rm_cerial_parse(rm_cerial_schema **out, rm_cerial_ctx *ctx, const rm_sources *srcs,
                    const uint32_t *files, size_t nfiles, rm_arena *a, rm_diags *d)
{
    pst st;
    nset sets[RM_CERIAL_NKINDS];
    nset *psets[RM_CERIAL_NKINDS];
    rm_cerial_ctx *own = NULL;
    size_t i, k, *fnlines;
    pline **flines;
    memset(&st, 0, sizeof(st));
    memset(sets, 0, sizeof(sets));
    for (k = 0; k < RM_CERIAL_NKINDS; k++)
        psets[k] = &sets[k];
    if (ctx == NULL) {
        own = rm_cerial_ctx_new();
        ctx = own;
    }
    st.cx = ctx;
    st.a = a;
    st.d = d;
    st.out = RM_NEW(a, rm_cerial_schema);
    st.out->no_fast_paths = !ctx->fast;
    st.objects = &sets[RM_CERIAL_OBJECT];
    st.tuples = &sets[RM_CERIAL_TUPLE];
    st.literals = &sets[RM_CERIAL_LITERAL];
    /* pass 1: the names of every file (a type may be used before, or in another file than,
     * its definition); the line tables are kept for pass 2 */
    flines = rm_xcalloc(nfiles + 1, sizeof(*flines));
    fnlines = rm_xcalloc(nfiles + 1, sizeof(*fnlines));
    for (i = 0; i < nfiles; i++) {
        const rm_source *src = rm_sources_get(srcs, files[i]);
        if (src == NULL)
            continue;
        split_lines(&st, src);
        collect_names(&st, psets);
        flines[i] = st.lines;
        fnlines[i] = st.nlines;
    }
    /* pass 2: each file on its own; a block never spans files */
    for (i = 0; i < nfiles; i++) {
        const rm_source *src = rm_sources_get(srcs, files[i]);
        if (src == NULL)
            continue;
        st.src = src;
        st.lines = flines[i];
        st.nlines = fnlines[i];
        parse_file(&st);
        free(flines[i]);
    }
    st.lines = NULL;
    free(flines);
    free(fnlines);
    for (k = 0; k < RM_CERIAL_NKINDS; k++)
        free(sets[k].slots);
    ms_free(&st.m1);
    ms_free(&st.m2);
    ms_free(&st.m3);
    free(st.sdecs);
    free(st.sfields);
    rm_cerial_ctx_free(own);
    rm_cerial_schema_index(st.out, a);
    *out = st.out;
    return st.nerr > 0 ? RM_ESYNTAX : RM_OK;
}
