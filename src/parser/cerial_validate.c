/*
 * The Cerial validator: the checks `cerial generate` runs after parsing, in its stage order
 * (extends checks on the raw AST -> inheritance resolution -> resolved checks -> the CLI
 * schema validator -> "no models"), with Cerial's message texts, as relmig diagnostics. Within
 * a stage every finding is reported (keep going); a stage with errors stops the pipeline, as in
 * Cerial. The stricter checks of Cerial's second validator (parser.ts validateSchema) are
 * warnings unless opts->strict. Not for parsing and not for mapping to the relation graph.
 */
#include "parser/cerial.h"

#include "util/sb.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct vst {
    rm_arena *a;
    rm_diags *d;
    size_t nerr;
    rm_severity strict_sev;
    bool fast; /* fast paths on (see rm_cerial_schema.no_fast_paths) */
    /* the schema validator's range (vlo/vhi) and rule numbers; while tagging, verr records the
     * rule of every finding in tags (validate_schema_fused) */
    size_t m_lo, m_hi;
    bool others;
    uint32_t rule;
    bool tagging;
    uint32_t *tags;
    size_t ntags, tags_cap;
    /* "model M" / "object O" of each block of parents_of, made once (see parent_name) */
    const rm_cerial_schema *parents_of;
    const char **parents[2];
} vst;

static rm_diag *verr(vst *v, uint16_t id, rm_loc loc, const char *fmt, ...) RM_PRINTF(4, 5);
static rm_diag *verr(vst *v, uint16_t id, rm_loc loc, const char *fmt, ...)
{
    va_list ap;
    rm_diag *g;
    va_start(ap, fmt);
    g = rm_diag_vadd(v->d, RM_SEV_ERROR, id, loc, fmt, ap);
    va_end(ap);
    v->nerr++;
    if (v->tagging) {
        if (v->ntags == v->tags_cap) {
            v->tags_cap = v->tags_cap ? 2 * v->tags_cap : 64;
            v->tags = rm_xrealloc(v->tags, v->tags_cap * sizeof(*v->tags));
        }
        v->tags[v->ntags++] = v->rule;
    }
    return g;
}

static void vstrict(vst *v, rm_loc loc, const char *fmt, ...) RM_PRINTF(3, 4);
static void vstrict(vst *v, rm_loc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rm_diag_vadd(v->d, v->strict_sev, RM_E_CERIAL_STRICT, loc, fmt, ap);
    va_end(ap);
    if (v->strict_sev == RM_SEV_ERROR)
        v->nerr++;
}

static const char *const kind_lower[] = {"model", "object", "tuple", "literal", "enum"};
static const char *const kind_upper[] = {"Model", "Object", "Tuple", "Literal", "Enum"};
/* Cerial's validators walk the kinds in this order */
static const rm_cerial_kind vorder[] = {RM_CERIAL_MODEL, RM_CERIAL_OBJECT, RM_CERIAL_TUPLE,
                                        RM_CERIAL_ENUM, RM_CERIAL_LITERAL};

#define NB(s, k) ((s)->n[(k)])
#define BLK(s, k, i) ((s)->blocks[(k)][(i)])

static bool streq(const char *a, const char *b)
{
    /* the first bytes differ for most pairs the rules compare: no call then */
    return a != NULL && b != NULL && a[0] == b[0] && strcmp(a, b) == 0;
}

/* rm_cerial_field_dec with its "none" answer inline: the rules ask every field for several
 * decorators it almost never has, and the bitmask answers without a call. */
static inline const rm_cerial_dec *fdec(const rm_cerial_field *f, rm_cerial_dec_kind k)
{
    return (f->dec_mask & (UINT32_C(1) << k)) ? rm_cerial_field_dec(f, k) : NULL;
}

static bool has_dec(const rm_cerial_field *f, rm_cerial_dec_kind k)
{
    return (f->dec_mask & (UINT32_C(1) << k)) != 0;
}

static const char *dec_value(const rm_cerial_field *f, rm_cerial_dec_kind k)
{
    const rm_cerial_dec *d = fdec(f, k);
    return d ? d->value : NULL;
}

/* Map semantics (new Map(list.map(x => [x.name, x]))): the last block of that name wins. */
static rm_cerial_block *find_last(const rm_cerial_schema *s, rm_cerial_kind k, const char *name)
{
    return rm_cerial_find_last(s, k, name);
}

static rm_cerial_field *find_field(const rm_cerial_block *b, const char *name)
{
    size_t i;
    if (name == NULL)
        return NULL;
    if (b->field_index != NULL)
        return rm_cerial_nmap_get(b->field_index, name, &i, NULL) ? b->fields[i] : NULL;
    for (i = 0; i < b->nfields; i++)
        if (streq(b->fields[i]->name, name))
            return b->fields[i];
    return NULL;
}

/* Is there a field before position i with the same name? */
static bool earlier_field(const rm_cerial_block *b, size_t i)
{
    size_t first, k;
    if (b->fields[i]->name == NULL)
        return false;
    if (b->field_index != NULL)
        return rm_cerial_nmap_get(b->field_index, b->fields[i]->name, &first, NULL) && first < i;
    for (k = 0; k < i; k++)
        if (streq(b->fields[k]->name, b->fields[i]->name))
            return true;
    return false;
}

static bool is_pascal(const char *s)
{
    size_t i;
    if (!(s[0] >= 'A' && s[0] <= 'Z'))
        return false;
    for (i = 1; s[i]; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
              (s[i] >= '0' && s[i] <= '9')))
            return false;
    return true;
}

static bool is_field_name(const char *s)
{
    size_t i;
    if (s == NULL || !((s[0] >= 'a' && s[0] <= 'z') || s[0] == '_'))
        return false;
    for (i = 1; s[i]; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
              (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
            return false;
    return true;
}

static size_t nitems(const rm_cerial_block *b)
{
    switch (b->kind) {
    case RM_CERIAL_ENUM:
        return b->nvalues;
    case RM_CERIAL_LITERAL:
        return b->nvariants;
    default:
        return b->nfields;
    }
}

/* getVariantIdentity (resolver) */
static const char *variant_identity(rm_arena *a, const rm_cerial_variant *v)
{
    if (v->kind == RM_CVAR_STRING)
        return rm_arena_sprintf(a, "'%s'", v->text);
    return v->text;
}

/* ======================================================================================== */
/* Stage 1: extends checks on the raw AST (extends-validator.ts validateExtends)              */

static bool names_has(const rm_cerial_schema *s, rm_cerial_kind k, const char *name)
{
    return rm_cerial_find(s, k, name) != NULL;
}

static bool parent_has_item(vst *v, const rm_cerial_block *p, const char *ref)
{
    size_t i;
    switch (p->kind) {
    case RM_CERIAL_MODEL:
    case RM_CERIAL_OBJECT:
        return find_field(p, ref) != NULL;
    case RM_CERIAL_TUPLE:
        for (i = 0; i < p->nfields; i++) {
            char idx[32];
            snprintf(idx, sizeof(idx), "%zu", i);
            if (streq(p->fields[i]->name, ref) || strcmp(idx, ref) == 0)
                return true;
        }
        return false;
    case RM_CERIAL_ENUM:
        for (i = 0; i < p->nvalues; i++)
            if (strcmp(p->values[i], ref) == 0)
                return true;
        return false;
    default:
        (void)v;
        for (i = 0; i < p->nvariants; i++)
            if (strcmp(p->variants[i].text, ref) == 0)
                return true;
        return false;
    }
}

/* Number(ref) is an integer (JS): decimal digits with optional sign, or blank -> 0. */
static bool js_integer(const char *s, long long *out)
{
    char *end;
    long long x;
    while (*s == ' ' || *s == '\t')
        s++;
    if (*s == '\0') {
        *out = 0;
        return true;
    }
    x = strtoll(s, &end, 10);
    while (*end == ' ' || *end == '\t')
        end++;
    if (*end != '\0')
        return false;
    *out = x;
    return true;
}

static void validate_extends(vst *v, const rm_cerial_schema *s)
{
    size_t ki, i, j;
    /* validateEmptyTypes */
    for (ki = 0; ki < RM_ARRAY_LEN(vorder); ki++) {
        static const char *const what[] = {"fields", "fields", "elements", "variants", "values"};
        static const char *const one[] = {"field", "field", "element", "variant", "value"};
        static const char *const art[] = {"A model", "An object", "A tuple", "A literal",
                                          "An enum"};
        /* Cerial's order here: models, objects, tuples, enums, literals */
        rm_cerial_kind k = vorder[ki];
        for (i = 0; i < NB(s, k); i++) {
            const rm_cerial_block *b = BLK(s, k, i);
            if (nitems(b) == 0 && b->extends == NULL)
                verr(v, RM_E_CERIAL_EMPTY_TYPE, b->loc,
                     "%s \"%s\" has no %s. %s must have at least one %s, or extend a parent type.",
                     kind_upper[k], b->name, what[k], art[k], one[k]);
        }
    }
    /* validateEmptyExtendsFilter */
    for (ki = 0; ki < RM_ARRAY_LEN(vorder); ki++) {
        rm_cerial_kind k = vorder[ki];
        for (i = 0; i < NB(s, k); i++) {
            const rm_cerial_block *b = BLK(s, k, i);
            if (b->has_filter && b->nfilter == 0)
                verr(v, RM_E_CERIAL_EXTENDS_FILTER, b->loc,
                     "%s \"%s\" has empty extends filter brackets. Use \"extends %s\" to inherit "
                     "all, or specify fields to pick/omit inside the brackets.",
                     kind_lower[k], b->name, b->extends);
        }
    }
    /* validateExtendsTargetExists */
    for (ki = 0; ki < RM_ARRAY_LEN(vorder); ki++) {
        rm_cerial_kind k = vorder[ki];
        for (i = 0; i < NB(s, k); i++) {
            const rm_cerial_block *b = BLK(s, k, i);
            if (b->extends != NULL && !names_has(s, k, b->extends))
                verr(v, RM_E_CERIAL_EXTENDS_TARGET, b->loc,
                     "%s \"%s\" extends \"%s\", but no %s with that name exists.", kind_lower[k],
                     b->name, b->extends, kind_lower[k]);
        }
    }
    /* validateNoCrossKindExtends */
    for (ki = 0; ki < RM_ARRAY_LEN(vorder); ki++) {
        rm_cerial_kind k = vorder[ki];
        for (i = 0; i < NB(s, k); i++) {
            const rm_cerial_block *b = BLK(s, k, i);
            if (b->extends == NULL)
                continue;
            for (j = 0; j < RM_ARRAY_LEN(vorder); j++) {
                rm_cerial_kind o = vorder[j];
                if (o == k || !names_has(s, o, b->extends))
                    continue;
                verr(v, RM_E_CERIAL_EXTENDS_TARGET, b->loc,
                     "%s \"%s\" extends \"%s\", but \"%s\" is a %s, not a %s. A %s can only "
                     "extend another %s.",
                     kind_lower[k], b->name, b->extends, b->extends, kind_lower[o], kind_lower[k],
                     kind_lower[k], kind_lower[k]);
                break;
            }
        }
    }
    /* validateNoCircularExtends: walk each chain once; report each cycle once */
    for (ki = 0; ki < RM_ARRAY_LEN(vorder); ki++) {
        rm_cerial_kind k = vorder[ki];
        size_t n = NB(s, k), nreported = 0;
        /* Map semantics: first insertion position, last value */
        const char **keys = RM_NEW_ARRAY(v->a, const char *, n + 1);
        const char **vals = RM_NEW_ARRAY(v->a, const char *, n + 1);
        rm_loc *locs = RM_NEW_ARRAY(v->a, rm_loc, n + 1);
        bool *visited;
        char **reported = RM_NEW_ARRAY(v->a, char *, n + 1);
        size_t nk = 0;
        size_t *slot = RM_NEW_ARRAY(v->a, size_t, n + 1); /* name position -> key slot + 1 */
        size_t *path = RM_NEW_ARRAY(v->a, size_t, n + 1);
        bool *onpath = RM_NEW_ARRAY(v->a, bool, n + 1);
        for (i = 0; i < n; i++) {
            const rm_cerial_block *b = BLK(s, k, i);
            size_t pos;
            if (b->extends == NULL)
                continue; /* before the name lookup: most blocks extend nothing */
            pos = rm_cerial_find_pos(s, k, b->name);
            if (slot[pos] == 0) {
                keys[nk++] = b->name;
                slot[pos] = nk;
            }
            j = slot[pos] - 1;
            vals[j] = b->extends;
            locs[j] = b->loc;
        }
        visited = RM_NEW_ARRAY(v->a, bool, nk + 1);
        for (i = 0; i < nk; i++) {
            size_t np = 0, cur = i;
            if (visited[i])
                continue;
            for (;;) {
                size_t p, nx;
                if (visited[cur])
                    break;
                if (onpath[cur]) {
                    for (p = 0; path[p] != cur; p++) {
                    }
                    /* cycle path[p..np) + cur */
                    rm_sb sb = RM_SB_INIT, key = RM_SB_INIT;
                    size_t q, r;
                    const char **sorted = RM_NEW_ARRAY(v->a, const char *, np - p + 2);
                    size_t ns = 0;
                    for (q = p; q < np; q++) {
                        rm_sb_appendf(&sb, "%s \xE2\x86\x92 ", keys[path[q]]);
                        sorted[ns++] = keys[path[q]];
                    }
                    rm_sb_puts(&sb, keys[cur]);
                    sorted[ns++] = keys[cur];
                    for (q = 1; q < ns; q++)
                        for (r = q; r > 0 && strcmp(sorted[r - 1], sorted[r]) > 0; r--) {
                            const char *t = sorted[r];
                            sorted[r] = sorted[r - 1];
                            sorted[r - 1] = t;
                        }
                    for (q = 0; q < ns; q++)
                        rm_sb_appendf(&key, "%s,", sorted[q]);
                    for (q = 0; q < nreported && strcmp(reported[q], rm_sb_str(&key)) != 0; q++) {
                    }
                    if (q == nreported) {
                        reported[nreported++] = rm_arena_strdup(v->a, rm_sb_str(&key));
                        verr(v, RM_E_CERIAL_EXTENDS_CYCLE, locs[cur], "Circular extends in %ss: %s",
                             kind_lower[k], rm_sb_str(&sb));
                    }
                    rm_sb_free(&sb);
                    rm_sb_free(&key);
                    break;
                }
                path[np++] = cur;
                onpath[cur] = true;
                nx = rm_cerial_find_pos(s, k, vals[cur]);
                if (nx == SIZE_MAX || slot[nx] == 0)
                    break;
                cur = slot[nx] - 1;
            }
            for (j = 0; j < np; j++) {
                visited[path[j]] = true;
                onpath[path[j]] = false;
            }
        }
    }
    /* validateAbstractRules */
    for (i = 0; i < NB(s, RM_CERIAL_MODEL); i++) {
        const rm_cerial_block *m = BLK(s, RM_CERIAL_MODEL, i);
        if (m->extends != NULL) {
            const rm_cerial_block *p = rm_cerial_find(s, RM_CERIAL_MODEL, m->extends);
            if (p != NULL && !p->abstract) {
                if (m->abstract)
                    verr(v, RM_E_CERIAL_ABSTRACT, m->loc,
                         "Abstract model \"%s\" cannot extend concrete model \"%s\". An abstract "
                         "model can only extend another abstract model.",
                         m->name, m->extends);
                else
                    verr(v, RM_E_CERIAL_ABSTRACT, m->loc,
                         "Model \"%s\" extends concrete model \"%s\". Models can only extend "
                         "abstract models.",
                         m->name, m->extends);
            }
        }
        if (m->abstract)
            for (j = 0; j < m->ncomposites; j++)
                verr(v, RM_E_CERIAL_ABSTRACT, m->composites[j].loc,
                     "Abstract model \"%s\" cannot have @@%s directive \"%s\". Composite "
                     "directives are only allowed on concrete models.",
                     m->name, m->composites[j].unique ? "unique" : "index", m->composites[j].name);
    }
    /* validatePrivateOverride: models, objects, tuples */
    for (ki = 0; ki < 3; ki++) {
        rm_cerial_kind k = vorder[ki];
        for (i = 0; i < NB(s, k); i++) {
            const rm_cerial_block *b = BLK(s, k, i);
            const rm_cerial_block *p;
            if (b->extends == NULL)
                continue;
            p = rm_cerial_find(s, k, b->extends);
            if (p == NULL)
                continue;
            for (j = 0; j < b->nfields; j++) {
                const rm_cerial_field *cf = b->fields[j];
                size_t q;
                char ckey[32];
                if (k == RM_CERIAL_TUPLE) {
                    const char *key = cf->name;
                    if (key == NULL) {
                        snprintf(ckey, sizeof(ckey), "%zu", j);
                        key = ckey;
                    }
                    for (q = 0; q < p->nfields; q++) {
                        char pkey[32];
                        const char *pk = p->fields[q]->name;
                        if (!p->fields[q]->is_private)
                            continue;
                        if (pk == NULL) {
                            snprintf(pkey, sizeof(pkey), "%zu", q);
                            pk = pkey;
                        }
                        if (strcmp(pk, key) == 0) {
                            verr(v, RM_E_CERIAL_PRIVATE_OVERRIDE, b->loc,
                                 "Element \"%s\" in tuple \"%s\" overrides a private element from "
                                 "parent \"%s\". Private elements cannot be overridden.",
                                 key, b->name, b->extends);
                            break;
                        }
                    }
                    continue;
                }
                for (q = 0; q < p->nfields; q++)
                    if (p->fields[q]->is_private && streq(p->fields[q]->name, cf->name)) {
                        verr(v, RM_E_CERIAL_PRIVATE_OVERRIDE, cf->loc,
                             "Field \"%s\" in %s \"%s\" overrides a private field from parent "
                             "\"%s\". Private fields cannot be overridden.",
                             cf->name, kind_lower[k], b->name, b->extends);
                        break;
                    }
            }
        }
    }
    /* validatePickOmitFields */
    for (ki = 0; ki < RM_ARRAY_LEN(vorder); ki++) {
        rm_cerial_kind k = vorder[ki];
        for (i = 0; i < NB(s, k); i++) {
            const rm_cerial_block *b = BLK(s, k, i);
            const rm_cerial_block *p;
            if (b->extends == NULL || !b->has_filter)
                continue;
            p = rm_cerial_find(s, k, b->extends);
            if (p == NULL)
                continue;
            for (j = 0; j < b->nfilter; j++) {
                const char *ref = b->filter[j];
                long long idx;
                if (k == RM_CERIAL_TUPLE && js_integer(ref, &idx) &&
                    (idx < 0 || (size_t)idx >= p->nfields)) {
                    verr(v, RM_E_CERIAL_EXTENDS_FILTER, b->loc,
                         "%s \"%s\" %s references index \"%s\" which is out of bounds in parent "
                         "\"%s\" (%zu elements).",
                         kind_lower[k], b->name, b->filter_omit ? "omit" : "pick", ref, b->extends,
                         p->nfields);
                    continue;
                }
                if (!parent_has_item(v, p, ref))
                    verr(v, RM_E_CERIAL_EXTENDS_FILTER, b->loc,
                         "%s \"%s\" %s references \"%s\" which does not exist in parent \"%s\".",
                         kind_lower[k], b->name, b->filter_omit ? "omit" : "pick", ref, b->extends);
            }
        }
    }
    /* validateModelIdField */
    for (i = 0; i < NB(s, RM_CERIAL_MODEL); i++) {
        const rm_cerial_block *m = BLK(s, RM_CERIAL_MODEL, i);
        bool has_id = false;
        if (m->abstract || m->extends != NULL)
            continue;
        for (j = 0; j < m->nfields; j++)
            has_id = has_id || has_dec(m->fields[j], RM_CD_ID);
        if (!has_id)
            verr(v, RM_E_CERIAL_NO_ID, m->loc,
                 "Model \"%s\" does not have an @id field. Every concrete model must have exactly "
                 "one field with @id.",
                 m->name);
    }
}

/* ======================================================================================== */
/* Stage 2: inheritance resolution (resolver/inheritance-resolver.ts, filter.ts)              */

typedef struct resolver {
    vst *v;
    const rm_cerial_schema *raw;
    rm_cerial_kind k;
    rm_cerial_block **sorted;
    size_t nsorted;
    bool *visited, *visiting;
    rm_cerial_block **chain; /* topo_visit's explicit stack, one slot per block */
    bool failed;
} resolver;

/* position of the first raw block with this name (the "visited" key is the name) */
static size_t name_index(const resolver *r, const char *name)
{
    size_t i = rm_cerial_find_pos(r->raw, r->k, name);
    return i == SIZE_MAX ? 0 : i;
}

/* Parents before children. Iterative: an extends chain is as long as the input, and the
 * recursion this was overflowed the stack on a 100,000-level chain (tests/unit/test_limits.c).
 * Walk up to the first ancestor already placed (or being placed: a cycle, reported later),
 * then place the walked blocks from the top down, the order the recursion produced. */
static void topo_visit(resolver *r, rm_cerial_block *b)
{
    size_t n = 0;
    while (b != NULL) {
        size_t ni = name_index(r, b->name);
        if (r->visited[ni] || r->visiting[ni])
            break;
        r->visiting[ni] = true;
        r->chain[n++] = b;
        b = b->extends != NULL ? find_last(r->raw, r->k, b->extends) : NULL;
    }
    while (n > 0) {
        b = r->chain[--n];
        size_t ni = name_index(r, b->name);
        r->visiting[ni] = false;
        r->visited[ni] = true;
        r->sorted[r->nsorted++] = b;
    }
}

static bool filter_has(const rm_cerial_block *b, const char *s)
{
    size_t i;
    for (i = 0; i < b->nfilter; i++)
        if (streq(b->filter[i], s))
            return true;
    return false;
}

/* Resolve one block against its resolved parent p. Returns false after reporting when a filter
 * names something the parent lacks (Cerial throws; generate reports the message). */
static bool resolve_block(resolver *r, rm_cerial_block *out, const rm_cerial_block *b,
                          const rm_cerial_block *p)
{
    rm_arena *a = r->v->a;
    size_t i, j, cap = 0;
    const char *pname = p->name;
    out->extends = NULL;
    out->has_filter = false;
    out->nfilter = 0;
    switch (r->k) {
    case RM_CERIAL_MODEL:
    case RM_CERIAL_OBJECT: {
        rm_cerial_field **pf = NULL;
        size_t npf = 0, pcap = 0;
        if (b->has_filter)
            for (i = 0; i < b->nfilter; i++)
                if (find_field(p, b->filter[i]) == NULL) {
                    verr(r->v, RM_E_CERIAL_RESOLVE, b->loc,
                         "Field filter references nonexistent field '%s' in parent '%s'",
                         b->filter[i], pname);
                    return false;
                }
        for (i = 0; i < p->nfields; i++) {
            bool in = b->has_filter && filter_has(b, p->fields[i]->name);
            if (b->has_filter && (b->filter_omit ? in : !in))
                continue;
            if (find_field(b, p->fields[i]->name) != NULL)
                continue;
            RM_VEC_PUSH(a, pf, npf, pcap, p->fields[i]);
        }
        for (i = 0; i < b->nfields; i++)
            RM_VEC_PUSH(a, pf, npf, pcap, b->fields[i]);
        out->fields = pf;
        out->nfields = npf;
        if (r->k == RM_CERIAL_OBJECT)
            out->ncomposites = 0;
        return true;
    }
    case RM_CERIAL_TUPLE: {
        bool *keep = RM_NEW_ARRAY(a, bool, p->nfields + 1);
        bool *sel = RM_NEW_ARRAY(a, bool, p->nfields + 1);
        rm_cerial_field **pe = NULL;
        size_t npe = 0;
        for (i = 0; i < b->nfilter; i++) {
            long long idx = -1;
            size_t hit = SIZE_MAX;
            for (j = 0; j < p->nfields; j++)
                if (streq(p->fields[j]->name, b->filter[i])) {
                    hit = j;
                    break;
                }
            if (hit == SIZE_MAX && js_integer(b->filter[i], &idx) && idx >= 0 &&
                (size_t)idx < p->nfields)
                hit = (size_t)idx;
            if (hit == SIZE_MAX) {
                verr(r->v, RM_E_CERIAL_RESOLVE, b->loc,
                     "Element filter references nonexistent element '%s' in parent '%s'",
                     b->filter[i], pname);
                return false;
            }
            sel[hit] = true;
        }
        for (i = 0; i < p->nfields; i++)
            keep[i] = !b->has_filter || (b->filter_omit ? !sel[i] : sel[i]);
        for (i = 0; i < p->nfields; i++) {
            rm_cerial_field *e = p->fields[i];
            if (!keep[i])
                continue;
            if (e->name != NULL)
                for (j = 0; j < b->nfields; j++)
                    if (streq(b->fields[j]->name, e->name)) {
                        e = b->fields[j];
                        break;
                    }
            RM_VEC_PUSH(a, pe, npe, cap, e);
        }
        for (j = 0; j < b->nfields; j++) {
            bool replaced = false;
            if (b->fields[j]->name != NULL)
                for (i = 0; i < p->nfields; i++)
                    if (keep[i] && streq(p->fields[i]->name, b->fields[j]->name))
                        replaced = true;
            if (!replaced)
                RM_VEC_PUSH(a, pe, npe, cap, b->fields[j]);
        }
        out->fields = pe;
        out->nfields = npe;
        return true;
    }
    case RM_CERIAL_ENUM: {
        const char **vals = NULL;
        rm_loc *locs = NULL;
        size_t nv = 0, nl = 0, lcap = 0;
        for (i = 0; i < b->nfilter; i++) {
            bool found = false;
            for (j = 0; j < p->nvalues; j++)
                found = found || strcmp(p->values[j], b->filter[i]) == 0;
            if (!found) {
                verr(r->v, RM_E_CERIAL_RESOLVE, b->loc,
                     "Value filter references nonexistent value '%s' in parent '%s'", b->filter[i],
                     pname);
                return false;
            }
        }
        for (i = 0; i < p->nvalues; i++) {
            bool in = filter_has(b, p->values[i]);
            if (b->has_filter && (b->filter_omit ? in : !in))
                continue;
            RM_VEC_PUSH(a, locs, nl, lcap, p->value_locs[i]);
            RM_VEC_PUSH(a, vals, nv, cap, p->values[i]);
        }
        for (i = 0; i < b->nvalues; i++) {
            bool dup = false;
            for (j = 0; j < nv; j++)
                dup = dup || strcmp(vals[j], b->values[i]) == 0;
            if (!dup) {
                RM_VEC_PUSH(a, locs, nl, lcap, b->value_locs[i]);
                RM_VEC_PUSH(a, vals, nv, cap, b->values[i]);
            }
        }
        out->values = vals;
        out->value_locs = locs;
        out->nvalues = nv;
        return true;
    }
    default: {
        rm_cerial_variant *vars = NULL;
        size_t nv = 0;
        for (i = 0; i < b->nfilter; i++) {
            bool found = false;
            for (j = 0; j < p->nvariants; j++)
                found = found || strcmp(variant_identity(a, &p->variants[j]), b->filter[i]) == 0;
            if (!found) {
                verr(r->v, RM_E_CERIAL_RESOLVE, b->loc,
                     "Variant filter references nonexistent variant '%s' in parent '%s'",
                     b->filter[i], pname);
                return false;
            }
        }
        for (i = 0; i < p->nvariants; i++) {
            bool in = filter_has(b, variant_identity(a, &p->variants[i]));
            if (b->has_filter && (b->filter_omit ? in : !in))
                continue;
            RM_VEC_PUSH(a, vars, nv, cap, p->variants[i]);
        }
        for (i = 0; i < b->nvariants; i++) {
            bool dup = false;
            const char *id = variant_identity(a, &b->variants[i]);
            for (j = 0; j < nv; j++)
                dup = dup || strcmp(variant_identity(a, &vars[j]), id) == 0;
            if (!dup)
                RM_VEC_PUSH(a, vars, nv, cap, b->variants[i]);
        }
        out->variants = vars;
        out->nvariants = nv;
        return true;
    }
    }
}

/* Returns false when resolution failed (reported). */
static bool resolve_kind(vst *v, const rm_cerial_schema *raw, rm_cerial_schema *res,
                         rm_cerial_kind k)
{
    resolver r;
    size_t n = NB(raw, k), i;
    rm_cerial_block **done, **by_pos;
    memset(&r, 0, sizeof(r));
    r.v = v;
    r.raw = raw;
    r.k = k;
    r.sorted = RM_NEW_ARRAY(v->a, rm_cerial_block *, n + 1);
    r.visited = RM_NEW_ARRAY(v->a, bool, n + 1);
    r.visiting = RM_NEW_ARRAY(v->a, bool, n + 1);
    r.chain = RM_NEW_ARRAY(v->a, rm_cerial_block *, n + 1);
    for (i = 0; i < n; i++)
        topo_visit(&r, BLK(raw, k, i));
    done = RM_NEW_ARRAY(v->a, rm_cerial_block *, n + 1);
    by_pos = RM_NEW_ARRAY(v->a, rm_cerial_block *, n + 1); /* resolved, by raw name position */
    for (i = 0; i < r.nsorted; i++) {
        const rm_cerial_block *b = r.sorted[i];
        rm_cerial_block *out = RM_NEW(v->a, rm_cerial_block);
        const rm_cerial_block *p = NULL;
        *out = *b;
        if (b->extends != NULL) {
            size_t pp = rm_cerial_find_pos(raw, k, b->extends);
            if (pp != SIZE_MAX)
                p = by_pos[pp];
            if (p != NULL && !resolve_block(&r, out, b, p))
                return false;
        }
        done[i] = out;
        by_pos[name_index(&r, b->name)] = out;
    }
    res->blocks[k] = done;
    res->n[k] = r.nsorted;
    res->cap[k] = n + 1;
    return true;
}

static void validate_resolved(vst *v, const rm_cerial_schema *s)
{
    size_t ki, i, j;
    static const char *const what[] = {"fields", "fields", "elements", "variants", "values"};
    static const char *const one[] = {"field", "field", "element", "variant", "value"};
    for (ki = 0; ki < RM_ARRAY_LEN(vorder); ki++) {
        rm_cerial_kind k = vorder[ki];
        for (i = 0; i < NB(s, k); i++) {
            const rm_cerial_block *b = BLK(s, k, i);
            if (b->extends != NULL)
                continue;
            if (nitems(b) == 0)
                verr(v, RM_E_CERIAL_EMPTY_TYPE, b->loc,
                     "%s \"%s\" has no %s after inheritance resolution. Check that the extends "
                     "clause and pick/omit filters leave at least one %s.",
                     kind_upper[k], b->name, what[k], one[k]);
            if (k == RM_CERIAL_MODEL && !b->abstract && b->nfields > 0) {
                bool has_id = false;
                for (j = 0; j < b->nfields; j++)
                    has_id = has_id || has_dec(b->fields[j], RM_CD_ID);
                if (!has_id)
                    verr(v, RM_E_CERIAL_NO_ID, b->loc,
                         "Model \"%s\" does not have an @id field after inheritance resolution. A "
                         "concrete model must have an @id field, either defined directly or "
                         "inherited from a parent.",
                         b->name);
            }
        }
    }
}

/* ======================================================================================== */
/* Stage 3: the CLI schema validator (schema-, relation-, nullable-, record-type-validator)   */

/* "model M" or "object O" for block i of that kind in s (the parentName of Cerial's messages);
 * made once per block instead of once per check. */
static const char *parent_name(vst *v, const rm_cerial_schema *s, rm_cerial_kind kind, size_t i)
{
    size_t k = kind == RM_CERIAL_MODEL ? 0 : 1;
    if (v->parents_of != s) {
        v->parents_of = s;
        v->parents[0] = RM_NEW_ARRAY(v->a, const char *, NB(s, RM_CERIAL_MODEL) + 1);
        v->parents[1] = RM_NEW_ARRAY(v->a, const char *, NB(s, RM_CERIAL_OBJECT) + 1);
    }
    if (v->parents[k][i] == NULL) {
        /* "%s %s" by hand: printf costs more than the rule that needs the text */
        const char *kw = kind_lower[kind], *name = BLK(s, kind, i)->name;
        size_t nk = strlen(kw), nn = strlen(name);
        char *p = rm_arena_alloc(v->a, nk + nn + 2);
        memcpy(p, kw, nk);
        p[nk] = ' ';
        memcpy(p + nk + 1, name, nn + 1);
        v->parents[k][i] = p;
    }
    return v->parents[k][i];
}

#define FOR_MODELS(s, m)                                                                           \
    for (size_t mi_ = 0; mi_ < NB(s, RM_CERIAL_MODEL) && ((m) = BLK(s, RM_CERIAL_MODEL, mi_), 1);  \
         mi_++)

/* The schema validator's rules (validate_schema) walk the blocks of their kind in [vlo, vhi):
 * everything on the general path; one model at a time, or only the objects and tuples, when
 * the rules are fused (validate_schema_fused). Each rule starts with V_RULE, which numbers it
 * (the same numbers on every run), so that fused findings can be put back in rule order. */
static size_t vlo(const vst *v, rm_cerial_kind k)
{
    return k == RM_CERIAL_MODEL ? v->m_lo : 0;
}

static size_t vhi(const vst *v, const rm_cerial_schema *s, rm_cerial_kind k)
{
    if (k == RM_CERIAL_MODEL)
        return v->m_hi < NB(s, k) ? v->m_hi : NB(s, k);
    return v->others ? NB(s, k) : 0;
}

#define V_RULE(v) ((v)->rule++)

/* A rule's loop over the models in range (and the rule's number) */
#define FOR_RULE_MODELS(s, m)                                                                      \
    V_RULE(v);                                                                                     \
    for (size_t mi_ = vlo(v, RM_CERIAL_MODEL);                                                     \
         mi_ < vhi(v, s, RM_CERIAL_MODEL) && ((m) = BLK(s, RM_CERIAL_MODEL, mi_), 1); mi_++)

static void v_relations(vst *v, const rm_cerial_schema *s)
{
    const rm_cerial_block *m;
    FOR_RULE_MODELS(s, m)
    {
        size_t i;
        for (i = 0; i < m->nfields; i++) {
            const rm_cerial_field *f = m->fields[i];
            const rm_cerial_dec *md, *fd;
            const rm_cerial_field *ref;
            if (f->type != RM_CT_RELATION)
                continue;
            md = fdec(f, RM_CD_MODEL);
            if (md == NULL) {
                verr(v, RM_E_CERIAL_RELATION, f->loc,
                     "Relation field \"%s\" must have @model decorator", f->name);
                continue;
            }
            if (md->value == NULL) {
                verr(v, RM_E_CERIAL_RELATION, md->loc,
                     "Relation field \"%s\" has @model decorator with missing value", f->name);
                continue;
            }
            if (!names_has(s, RM_CERIAL_MODEL, md->value))
                verr(v, RM_E_CERIAL_RELATION, md->loc,
                     "Relation field \"%s\" references non-existent model \"%s\"", f->name,
                     md->value);
            fd = fdec(f, RM_CD_FIELD);
            if (fd == NULL)
                continue;
            if (fd->value == NULL) {
                verr(v, RM_E_CERIAL_RELATION, fd->loc,
                     "Relation field \"%s\" has @field decorator with missing value", f->name);
                continue;
            }
            ref = find_field(m, fd->value);
            if (ref == NULL) {
                verr(v, RM_E_CERIAL_RELATION, fd->loc,
                     "Relation field \"%s\" references non-existent field \"%s\"", f->name,
                     fd->value);
                continue;
            }
            if (ref->type != RM_CT_RECORD)
                verr(v, RM_E_CERIAL_RELATION, fd->loc,
                     "Relation field \"%s\" references field \"%s\" which is not a Record type",
                     f->name, fd->value);
        }
    }
}

static const rm_cerial_field *record_field(const rm_cerial_block *m, const char *name)
{
    const rm_cerial_field *f = find_field(m, name);
    size_t i;
    if (f == NULL || f->type == RM_CT_RECORD)
        return f;
    /* the first field of that name is not a Record: a later duplicate may be (rare) */
    for (i = 0; i < m->nfields; i++)
        if (streq(m->fields[i]->name, name) && m->fields[i]->type == RM_CT_RECORD)
            return m->fields[i];
    return NULL;
}

/* Relation facts of a model, hashed once (the relation rules look up the target model for
 * every relation; scanning it each time is quadratic on big schemas). Keys, with k the @key
 * value or "\x02" when absent: F|M|k forward to M, R|M|k reverse to M, K|M|k either, A|M any
 * relation to M, P|M any forward relation to M, D|x some relation has @field(x). */
/* rm_cerial_rel_key in the arena (index keys outlive the call). */
static const char *rel_key_a(rm_arena *a, char kind, const char *x, const char *y)
{
    return rm_cerial_rel_key(NULL, 0, a, kind, x, y);
}

static rm_cerial_nmap *rel_index(vst *v, const rm_cerial_block *m)
{
    rm_cerial_block *mm = (rm_cerial_block *)(uintptr_t)m; /* a cache on the block */
    const char **keys;
    size_t i, j, n = 0, nk = 5 * m->nfields + 1;
    if (mm->rel_index != NULL)
        return mm->rel_index;
    for (i = 0; i < m->nfields; i++)
        nk += m->fields[i]->ndecs;
    keys = RM_NEW_ARRAY(v->a, const char *, nk);
    for (i = 0; i < m->nfields; i++) {
        const rm_cerial_field *g = m->fields[i];
        const char *tm, *k;
        bool fwd;
        if (g->type != RM_CT_RELATION)
            continue;
        tm = dec_value(g, RM_CD_MODEL);
        k = dec_value(g, RM_CD_KEY);
        fwd = has_dec(g, RM_CD_FIELD);
        if (fwd)
            for (j = 0; j < g->ndecs; j++)
                if (g->decs[j].kind == RM_CD_FIELD && g->decs[j].value != NULL)
                    keys[n++] = rel_key_a(v->a, 'D', g->decs[j].value, NULL);
        if (tm == NULL)
            continue;
        k = k ? k : "\x02";
        keys[n++] = rel_key_a(v->a, fwd ? 'F' : 'R', tm, k);
        keys[n++] = rel_key_a(v->a, 'K', tm, k);
        keys[n++] = rel_key_a(v->a, 'A', tm, NULL);
        if (fwd)
            keys[n++] = rel_key_a(v->a, 'P', tm, NULL);
    }
    mm->rel_index = RM_NEW(v->a, rm_cerial_nmap);
    rm_cerial_nmap_build(mm->rel_index, v->a, keys, n);
    return mm->rel_index;
}

/* rel_has and paired_relation for a block of at most REL_SCAN_FIELDS fields: a scan of its
 * relations answers as the index would, without building it. Building the index costs as much
 * as about twenty scans of a 64-field model, and a model is asked a few times only. */
#define REL_SCAN_FIELDS 64

static bool rel_scan(const rm_cerial_block *m, char kind, const char *model, const char *key)
{
    size_t i, j;
    for (i = 0; i < m->nfields; i++) {
        const rm_cerial_field *g = m->fields[i];
        const char *tm, *k;
        bool fwd;
        if (g->type != RM_CT_RELATION)
            continue;
        fwd = has_dec(g, RM_CD_FIELD);
        if (kind == 'D') {
            for (j = 0; fwd && j < g->ndecs; j++)
                if (g->decs[j].kind == RM_CD_FIELD && streq(g->decs[j].value, model))
                    return true;
            continue;
        }
        tm = dec_value(g, RM_CD_MODEL);
        if (tm == NULL || strcmp(tm, model) != 0)
            continue;
        if (kind == 'A' || (kind == 'P' && fwd))
            return true;
        k = dec_value(g, RM_CD_KEY);
        if (!(k == NULL ? key == NULL : streq(k, key)))
            continue;
        if (kind == 'K' || (kind == 'F' && fwd) || (kind == 'R' && !fwd))
            return true;
    }
    return false;
}

/* Does m have a relation fact kind ('F','R','K','A','P') to model, with key (NULL = none)? */
static bool rel_has(vst *v, const rm_cerial_block *m, char kind, const char *model, const char *key)
{
    char buf[256];
    if (v->fast && m->nfields <= REL_SCAN_FIELDS && m->rel_index == NULL)
        return rel_scan(m, kind, model, key);
    const char *k =
        kind == 'A' || kind == 'P'
            ? rm_cerial_rel_key(buf, sizeof(buf), v->a, kind, model, NULL)
            : rm_cerial_rel_key(buf, sizeof(buf), v->a, kind, model, key ? key : "\x02");
    return rm_cerial_nmap_get(rel_index(v, m), k, NULL, NULL);
}

/* Is rec the backing field of a relation (any @field(rec) on a Relation of m)? */
static bool paired_relation(vst *v, const rm_cerial_block *m, const rm_cerial_field *rec)
{
    char buf[256];
    if (v->fast && m->nfields <= REL_SCAN_FIELDS && m->rel_index == NULL)
        return rel_scan(m, 'D', rec->name, NULL);
    return rm_cerial_nmap_get(rel_index(v, m),
                              rm_cerial_rel_key(buf, sizeof(buf), v->a, 'D', rec->name, NULL), NULL,
                              NULL);
}

/* Do two relations of m (at most REL_SCAN_FIELDS fields) name the same @model? Only then has
 * validateKeyRequired anything to check; most models have no such pair, and a pairwise test
 * costs less than the per-model tables. */
static bool two_to_one_target(const rm_cerial_block *m)
{
    const char *tn[REL_SCAN_FIELDS];
    size_t i, j, n = 0;
    for (i = 0; i < m->nfields; i++) {
        const char *t;
        if (m->fields[i]->type != RM_CT_RELATION)
            continue;
        t = dec_value(m->fields[i], RM_CD_MODEL);
        if (t == NULL)
            continue;
        for (j = 0; j < n; j++)
            if (strcmp(tn[j], t) == 0)
                return true;
        tn[n++] = t;
    }
    return false;
}

static void v_relation_rules(vst *v, const rm_cerial_schema *s)
{
    const rm_cerial_block *m;
    static const rm_cerial_dec_kind rel_decs[] = {RM_CD_FIELD, RM_CD_MODEL, RM_CD_ON_DELETE,
                                                  RM_CD_KEY};
    /* validatePKStructure */
    FOR_RULE_MODELS(s, m)
    {
        size_t i;
        for (i = 0; i < m->nfields; i++) {
            const rm_cerial_field *f = m->fields[i];
            const rm_cerial_dec *fd = fdec(f, RM_CD_FIELD);
            if (f->type != RM_CT_RELATION || fd == NULL)
                continue;
            if (record_field(m, fd->value) == NULL)
                verr(v, RM_E_CERIAL_RELATION, fd->loc,
                     "Relation field \"%s\" references non-existent Record field \"%s\"", f->name,
                     fd->value ? fd->value : "undefined");
        }
    }
    /* validateRecordDecorators */
    FOR_RULE_MODELS(s, m)
    {
        size_t i, k;
        for (i = 0; i < m->nfields; i++) {
            const rm_cerial_field *f = m->fields[i];
            if (f->type != RM_CT_RECORD)
                continue;
            for (k = 0; k < RM_ARRAY_LEN(rel_decs); k++) {
                const rm_cerial_dec *d = fdec(f, rel_decs[k]);
                if (d != NULL)
                    verr(v, RM_E_CERIAL_RELATION, d->loc,
                         "Record field \"%s\" cannot have @%s decorator. Only Relation fields can "
                         "have relation decorators.",
                         f->name, rm_cerial_dec_name(rel_decs[k]));
            }
        }
    }
    /* validateOnDeletePlacement */
    FOR_RULE_MODELS(s, m)
    {
        size_t i;
        for (i = 0; i < m->nfields; i++) {
            const rm_cerial_field *f = m->fields[i];
            const rm_cerial_dec *od = fdec(f, RM_CD_ON_DELETE);
            const rm_cerial_dec *fd = fdec(f, RM_CD_FIELD);
            const rm_cerial_field *back;
            if (f->type != RM_CT_RELATION || od == NULL)
                continue;
            if (!f->optional && !f->nullable)
                verr(v, RM_E_CERIAL_RELATION, od->loc,
                     "@onDelete is only allowed on optional or nullable relations. \"%s\" is "
                     "required - required relations auto-cascade on delete",
                     f->name);
            if (f->array)
                verr(v, RM_E_CERIAL_RELATION, od->loc,
                     "@onDelete is not allowed on array relations. \"%s\" is Relation[] - array "
                     "relations auto-cleanup on delete",
                     f->name);
            if (fd == NULL)
                verr(v, RM_E_CERIAL_RELATION, od->loc,
                     "@onDelete is only allowed on forward relations (with @field). \"%s\" is a "
                     "reverse relation",
                     f->name);
            if (fd == NULL)
                continue;
            back = find_field(m, fd->value);
            if (streq(od->value, "SetNull") && back != NULL && !back->nullable)
                verr(v, RM_E_CERIAL_RELATION, od->loc,
                     "@onDelete(SetNull) requires @nullable on the backing Record field \"%s\" in "
                     "model %s. Without @nullable, the field cannot hold null.",
                     fd->value, m->name);
            if (streq(od->value, "SetNone") && back != NULL && !back->optional)
                verr(v, RM_E_CERIAL_RELATION, od->loc,
                     "@onDelete(SetNone) requires optional (?) on the backing Record field \"%s\" "
                     "in model %s. Without ?, the field cannot be absent (NONE).",
                     fd->value, m->name);
        }
    }
    /* validateCardinalityMatch */
    FOR_RULE_MODELS(s, m)
    {
        size_t i;
        for (i = 0; i < m->nfields; i++) {
            const rm_cerial_field *f = m->fields[i];
            const rm_cerial_dec *fd = fdec(f, RM_CD_FIELD);
            const rm_cerial_field *rec;
            if (f->type != RM_CT_RELATION || fd == NULL)
                continue;
            rec = find_field(m, fd->value);
            if (rec == NULL)
                continue;
            if (f->array && !rec->array)
                verr(v, RM_E_CERIAL_RELATION, f->loc,
                     "Cardinality mismatch: Relation[] \"%s\" must pair with Record[] but \"%s\" "
                     "is Record",
                     f->name, fd->value);
            else if (!f->array && rec->array)
                verr(v, RM_E_CERIAL_RELATION, f->loc,
                     "Cardinality mismatch: Relation \"%s\" must pair with Record but \"%s\" is "
                     "Record[]",
                     f->name, fd->value);
            if (!f->array && !rec->array && f->optional != rec->optional)
                verr(v, RM_E_CERIAL_RELATION, f->loc,
                     "Optionality mismatch: Relation%s \"%s\" must match Record%s \"%s\"",
                     f->optional ? "?" : "", f->name, rec->optional ? "?" : "", fd->value);
        }
    }
    /* validateKeyRequired; its per-model tables live in tmp, emptied after each model (the
     * same memory is reused instead of growing the result arena by ~1 KiB a model) */
    FOR_RULE_MODELS(s, m)
    {
        size_t i, g, nf = m->nfields;
        rm_arena tmp;
        const char **tn, **keys;
        size_t *next, *tail;
        const rm_cerial_field **rels;
        rm_cerial_nmap tmap;
        if (v->fast && nf <= REL_SCAN_FIELDS && !two_to_one_target(m))
            continue;
        rm_arena_init(&tmp, 0);
        tn = RM_NEW_ARRAY(&tmp, const char *, nf + 1);
        next = RM_NEW_ARRAY(&tmp, size_t, nf + 1);
        tail = RM_NEW_ARRAY(&tmp, size_t, nf + 1);
        rels = RM_NEW_ARRAY(&tmp, const rm_cerial_field *, nf + 1);
        keys = RM_NEW_ARRAY(&tmp, const char *, nf + 1);
        for (i = 0; i < nf; i++)
            tn[i] =
                m->fields[i]->type == RM_CT_RELATION ? dec_value(m->fields[i], RM_CD_MODEL) : NULL;
        rm_cerial_nmap_build(&tmap, &tmp, tn, nf);
        /* group the relations by target, in order of first appearance (a linked list) */
        for (i = 0; i < nf; i++) {
            next[i] = SIZE_MAX;
            if (tn[i] == NULL)
                continue;
            rm_cerial_nmap_get(&tmap, tn[i], &g, NULL);
            if (g != i)
                next[tail[g]] = i;
            tail[g] = i;
        }
        for (g = 0; g < nf; g++) {
            size_t first, nr = 0, pass, q;
            const char *target = tn[g];
            if (target == NULL || !rm_cerial_nmap_get(&tmap, target, &first, NULL) || first != g)
                continue;
            for (q = g; q != SIZE_MAX; q = next[q])
                rels[nr++] = m->fields[q];
            if (nr <= 1)
                continue;
            for (pass = 0; pass < 3; pass++) {
                /* self: pass 0 forward (with @field), pass 1 reverse; others: pass 2, all */
                bool self = strcmp(target, m->name) == 0;
                const char *dir = pass == 0 ? "forward" : "reverse";
                size_t cnt = 0;
                rm_cerial_nmap kmap;
                if (self == (pass == 2))
                    continue;
                for (i = 0; i < nr; i++) {
                    bool in = pass == 2 || has_dec(rels[i], RM_CD_FIELD) == (pass == 0);
                    keys[i] = in ? dec_value(rels[i], RM_CD_KEY) : NULL;
                    cnt += in;
                }
                if (cnt <= 1)
                    continue;
                for (i = 0; i < nr; i++) {
                    bool in = pass == 2 || has_dec(rels[i], RM_CD_FIELD) == (pass == 0);
                    if (!in || keys[i] != NULL)
                        continue;
                    if (pass == 2)
                        verr(v, RM_E_CERIAL_RELATION, rels[i]->loc,
                             "Multiple relations to \"%s\" require @key for disambiguation. Add "
                             "@key(name) to \"%s\"",
                             target, rels[i]->name);
                    else
                        verr(v, RM_E_CERIAL_RELATION, rels[i]->loc,
                             "Multiple %s relations to \"%s\" require @key for disambiguation. "
                             "Add @key(name) to \"%s\"",
                             dir, target, rels[i]->name);
                }
                rm_cerial_nmap_build(&kmap, &tmp, keys, nr);
                for (i = 0; i < nr; i++) {
                    size_t kf;
                    if (keys[i] == NULL || !rm_cerial_nmap_get(&kmap, keys[i], &kf, NULL) ||
                        kf >= i)
                        continue;
                    if (pass == 2)
                        verr(v, RM_E_CERIAL_RELATION, rels[i]->loc,
                             "Duplicate @key(%s) for relations to \"%s\"", keys[i], target);
                    else
                        verr(v, RM_E_CERIAL_RELATION, rels[i]->loc,
                             "Duplicate @key(%s) on %s relations to \"%s\"", keys[i], dir, target);
                }
            }
        }
        rm_arena_free(&tmp);
    }
    /* validateKeyPairing */
    FOR_RULE_MODELS(s, m)
    {
        size_t i;
        for (i = 0; i < m->nfields; i++) {
            const rm_cerial_field *f = m->fields[i];
            const rm_cerial_dec *kd = fdec(f, RM_CD_KEY);
            const char *tm = dec_value(f, RM_CD_MODEL);
            const rm_cerial_block *tgt;
            bool fwd = has_dec(f, RM_CD_FIELD);
            if (f->type != RM_CT_RELATION || kd == NULL || tm == NULL)
                continue;
            tgt = find_last(s, RM_CERIAL_MODEL, tm);
            if (tgt == NULL)
                continue;
            /* a relation in the target back to this model, same key, other direction */
            if (!rel_has(v, tgt, fwd ? 'R' : 'F', m->name, kd->value))
                verr(v, RM_E_CERIAL_RELATION, kd->loc,
                     "@key(%s) on %s relation \"%s\" requires matching %s relation in \"%s\"",
                     kd->value ? kd->value : "undefined", fwd ? "forward" : "reverse", f->name,
                     fwd ? "reverse" : "forward", tm);
        }
    }
    /* validateNonPKSide */
    FOR_RULE_MODELS(s, m)
    {
        size_t i;
        for (i = 0; i < m->nfields; i++) {
            const rm_cerial_field *f = m->fields[i];
            const char *tm = dec_value(f, RM_CD_MODEL), *key = dec_value(f, RM_CD_KEY);
            const rm_cerial_block *tgt;
            if (f->type != RM_CT_RELATION || has_dec(f, RM_CD_FIELD) || tm == NULL)
                continue;
            tgt = find_last(s, RM_CERIAL_MODEL, tm);
            if (tgt == NULL)
                continue;
            /* a forward relation (PK side) in the target back to this model (same key) */
            if (rel_has(v, tgt, key != NULL ? 'F' : 'P', m->name, key))
                continue;
            if (key != NULL)
                verr(v, RM_E_CERIAL_RELATION, f->loc,
                     "Reverse relation \"%s\" with @key(%s) requires PK side (Record + "
                     "Relation @field) in model \"%s\"",
                     f->name, key, tm);
            else
                verr(v, RM_E_CERIAL_RELATION, f->loc,
                     "Reverse relation \"%s\" requires PK side (Record + Relation @field) in "
                     "model \"%s\"",
                     f->name, tm);
        }
    }
    /* validateSingleSidedOptional */
    FOR_RULE_MODELS(s, m)
    {
        size_t i;
        for (i = 0; i < m->nfields; i++) {
            const rm_cerial_field *f = m->fields[i];
            const rm_cerial_dec *fd = fdec(f, RM_CD_FIELD);
            const char *tm = dec_value(f, RM_CD_MODEL), *key = dec_value(f, RM_CD_KEY);
            const rm_cerial_block *tgt;
            const rm_cerial_field *rec;
            if (f->type != RM_CT_RELATION || fd == NULL || f->array || tm == NULL)
                continue;
            tgt = find_last(s, RM_CERIAL_MODEL, tm);
            if (tgt == NULL)
                continue;
            /* any relation in the target back to this model (same key when keyed) */
            if (rel_has(v, tgt, key != NULL ? 'K' : 'A', m->name, key) || strcmp(tm, m->name) == 0)
                continue;
            if (!f->optional)
                verr(v, RM_E_CERIAL_RELATION, f->loc,
                     "Single-sided relation \"%s\" must be optional (Relation?) because no "
                     "reverse is defined in \"%s\"",
                     f->name, tm);
            rec = find_field(m, fd->value);
            if (rec != NULL && !rec->optional)
                verr(v, RM_E_CERIAL_RELATION, rec->loc,
                     "Single-sided relation's Record field \"%s\" must be optional (Record?) "
                     "because no reverse is defined in \"%s\"",
                     fd->value, tm);
        }
    }
}

static void v_array_decorators(vst *v, const rm_cerial_schema *s)
{
    const rm_cerial_block *m;
    FOR_RULE_MODELS(s, m)
    {
        size_t i;
        for (i = 0; i < m->nfields; i++) {
            const rm_cerial_field *f = m->fields[i];
            bool di = has_dec(f, RM_CD_DISTINCT), so = has_dec(f, RM_CD_SORT);
            if (!di && !so)
                continue;
            if (!f->array) {
                if (di)
                    verr(v, RM_E_CERIAL_DECORATOR_PLACEMENT, f->loc,
                         "@distinct can only be used on array fields");
                if (so)
                    verr(v, RM_E_CERIAL_DECORATOR_PLACEMENT, f->loc,
                         "@sort can only be used on array fields");
                continue;
            }
            if (f->type == RM_CT_RELATION) {
                if (di)
                    verr(v, RM_E_CERIAL_DECORATOR_PLACEMENT, f->loc,
                         "@distinct cannot be used on Relation[] fields (virtual, not stored in "
                         "database)");
                if (so)
                    verr(v, RM_E_CERIAL_DECORATOR_PLACEMENT, f->loc,
                         "@sort cannot be used on Relation[] fields (virtual, not stored in "
                         "database)");
                continue;
            }
            if (f->type == RM_CT_RECORD && paired_relation(v, m, f)) {
                if (di)
                    verr(v, RM_E_CERIAL_DECORATOR_PLACEMENT, f->loc,
                         "@distinct cannot be used on Record[] fields paired with a Relation "
                         "(already has implicit distinct)");
                if (so)
                    verr(v, RM_E_CERIAL_DECORATOR_PLACEMENT, f->loc,
                         "@sort cannot be used on Record[] fields paired with a Relation");
            }
        }
    }
}

static bool is_ts(rm_cerial_dec_kind k)
{
    return k == RM_CD_NOW || k == RM_CD_CREATED_AT || k == RM_CD_UPDATED_AT;
}

static bool is_uuid_dec(rm_cerial_dec_kind k)
{
    return k == RM_CD_UUID || k == RM_CD_UUID4 || k == RM_CD_UUID7;
}

static void v_timestamp_field(vst *v, const rm_cerial_field *f, const char *parent)
{
    size_t i, nts = 0;
    for (i = 0; i < f->ndecs; i++) {
        if (!is_ts(f->decs[i].kind))
            continue;
        nts++;
        if (f->type != RM_CT_DATE)
            verr(v, RM_E_CERIAL_DECORATOR_PLACEMENT, f->decs[i].loc,
                 "@%s can only be used on Date fields, but '%s' in %s is of type '%s'.",
                 rm_cerial_dec_name(f->decs[i].kind), f->name, parent,
                 rm_cerial_type_name(f->type));
    }
    if (nts == 0)
        return;
    if (nts > 1) {
        rm_sb sb = RM_SB_INIT;
        for (i = 0; i < f->ndecs; i++)
            if (is_ts(f->decs[i].kind))
                rm_sb_appendf(&sb, "%s@%s", sb.len ? ", " : "",
                              rm_cerial_dec_name(f->decs[i].kind));
        verr(v, RM_E_CERIAL_DECORATOR_CONFLICT, f->loc,
             "Field '%s' in %s has multiple timestamp decorators (%s). Only one of @now, "
             "@createdAt, @updatedAt is allowed per field.",
             f->name, parent, rm_sb_str(&sb));
        rm_sb_free(&sb);
    }
    if (has_dec(f, RM_CD_DEFAULT))
        for (i = 0; i < f->ndecs; i++)
            if (is_ts(f->decs[i].kind))
                verr(v, RM_E_CERIAL_DECORATOR_CONFLICT, f->loc,
                     "@%s and @default cannot be used together on field '%s' in %s.",
                     rm_cerial_dec_name(f->decs[i].kind), f->name, parent);
    if (has_dec(f, RM_CD_DEFAULT_ALWAYS))
        for (i = 0; i < f->ndecs; i++)
            if (is_ts(f->decs[i].kind))
                verr(v, RM_E_CERIAL_DECORATOR_CONFLICT, f->loc,
                     "@%s and @defaultAlways cannot be used together on field '%s' in %s.",
                     rm_cerial_dec_name(f->decs[i].kind), f->name, parent);
}

static void v_default_always(vst *v, const rm_cerial_field *f, const char *parent)
{
    if (has_dec(f, RM_CD_DEFAULT_ALWAYS) && has_dec(f, RM_CD_DEFAULT))
        verr(v, RM_E_CERIAL_DECORATOR_CONFLICT, f->loc,
             "@defaultAlways and @default cannot be used together on field '%s' in %s. Use one "
             "or the other.",
             f->name, parent);
}

static void v_readonly(vst *v, const rm_cerial_field *f, const char *parent)
{
    if (!has_dec(f, RM_CD_READONLY))
        return;
    if (has_dec(f, RM_CD_NOW))
        verr(v, RM_E_CERIAL_DECORATOR_CONFLICT, f->loc,
             "@readonly and @now cannot be used together on field '%s' in %s. SurrealDB does not "
             "support READONLY on COMPUTED fields.",
             f->name, parent);
    if (has_dec(f, RM_CD_DEFAULT_ALWAYS))
        verr(v, RM_E_CERIAL_DECORATOR_CONFLICT, f->loc,
             "@readonly and @defaultAlways cannot be used together on field '%s' in %s. "
             "@defaultAlways resets the value on every write, which contradicts @readonly.",
             f->name, parent);
    if (has_dec(f, RM_CD_ID))
        verr(v, RM_E_CERIAL_DECORATOR_CONFLICT, f->loc,
             "@readonly is not allowed on @id field '%s' in %s. The id field is already immutable "
             "in SurrealDB.",
             f->name, parent);
    if (f->type == RM_CT_RELATION)
        verr(v, RM_E_CERIAL_DECORATOR_CONFLICT, f->loc,
             "@readonly is not allowed on Relation field '%s' in %s. Relation fields are virtual "
             "and not stored in the database.",
             f->name, parent);
}

static void v_uuid(vst *v, const rm_cerial_field *f, const char *parent)
{
    size_t i, nu = 0;
    for (i = 0; i < f->ndecs; i++) {
        if (!is_uuid_dec(f->decs[i].kind))
            continue;
        nu++;
        if (f->type != RM_CT_UUID)
            verr(v, RM_E_CERIAL_DECORATOR_PLACEMENT, f->decs[i].loc,
                 "@%s can only be used on Uuid fields, but '%s' in %s is of type '%s'.",
                 rm_cerial_dec_name(f->decs[i].kind), f->name, parent,
                 rm_cerial_type_name(f->type));
    }
    if (nu == 0)
        return;
    if (nu > 1) {
        rm_sb sb = RM_SB_INIT;
        for (i = 0; i < f->ndecs; i++)
            if (is_uuid_dec(f->decs[i].kind))
                rm_sb_appendf(&sb, "%s@%s", sb.len ? ", " : "",
                              rm_cerial_dec_name(f->decs[i].kind));
        verr(v, RM_E_CERIAL_DECORATOR_CONFLICT, f->loc,
             "Field '%s' in %s has multiple UUID decorators (%s). Only one of @uuid, @uuid4, "
             "@uuid7 is allowed per field.",
             f->name, parent, rm_sb_str(&sb));
        rm_sb_free(&sb);
    }
    for (i = 0; i < f->ndecs; i++) {
        const char *dn;
        size_t j;
        bool ts = false;
        if (!is_uuid_dec(f->decs[i].kind))
            continue;
        dn = rm_cerial_dec_name(f->decs[i].kind);
        if (has_dec(f, RM_CD_DEFAULT))
            verr(v, RM_E_CERIAL_DECORATOR_CONFLICT, f->loc,
                 "@%s and @default cannot be used together on field '%s' in %s.", dn, f->name,
                 parent);
        if (has_dec(f, RM_CD_DEFAULT_ALWAYS))
            verr(v, RM_E_CERIAL_DECORATOR_CONFLICT, f->loc,
                 "@%s and @defaultAlways cannot be used together on field '%s' in %s.", dn, f->name,
                 parent);
        for (j = 0; j < f->ndecs; j++)
            ts = ts || is_ts(f->decs[j].kind);
        if (ts)
            verr(v, RM_E_CERIAL_DECORATOR_CONFLICT, f->loc,
                 "@%s cannot be combined with timestamp decorators on field '%s' in %s.", dn,
                 f->name, parent);
    }
}

static void v_object_fields(vst *v, const rm_cerial_schema *s)
{
    size_t oi, i, j;
    static const rm_cerial_dec_kind allowed[] = {
        RM_CD_DEFAULT,      RM_CD_DEFAULT_ALWAYS, RM_CD_CREATED_AT, RM_CD_UPDATED_AT,
        RM_CD_INDEX,        RM_CD_UNIQUE,         RM_CD_DISTINCT,   RM_CD_SORT,
        RM_CD_SET,          RM_CD_FLEXIBLE,       RM_CD_READONLY,   RM_CD_NULLABLE,
        RM_CD_UUID,         RM_CD_UUID4,          RM_CD_UUID7,      RM_CD_POINT,
        RM_CD_LINE,         RM_CD_POLYGON,        RM_CD_MULTIPOINT, RM_CD_MULTILINE,
        RM_CD_MULTIPOLYGON, RM_CD_GEO_COLLECTION};
    V_RULE(v);
    for (oi = 0; oi < vhi(v, s, RM_CERIAL_OBJECT); oi++) {
        const rm_cerial_block *o = BLK(s, RM_CERIAL_OBJECT, oi);
        const char *parent = parent_name(v, s, RM_CERIAL_OBJECT, oi);
        for (i = 0; i < o->nfields; i++) {
            const rm_cerial_field *f = o->fields[i];
            size_t k;
            if (!is_field_name(f->name))
                verr(v, RM_E_CERIAL_DUPLICATE_FIELD, f->name_loc,
                     "Invalid field name: %s. Must be camelCase or snake_case.", f->name);
            if (earlier_field(o, i))
                verr(v, RM_E_CERIAL_DUPLICATE_FIELD, f->name_loc,
                     "Duplicate field name: %s in object %s", f->name, o->name);
            if (streq(f->name, "id"))
                verr(v, RM_E_CERIAL_OBJECT_FIELD, f->name_loc, "Objects cannot have an 'id' field");
            if (f->type == RM_CT_RELATION)
                verr(v, RM_E_CERIAL_OBJECT_FIELD, f->type_loc,
                     "Objects cannot have Relation fields");
            for (j = 0; j < f->ndecs; j++) {
                bool ok = false;
                for (k = 0; k < RM_ARRAY_LEN(allowed); k++)
                    ok = ok || allowed[k] == f->decs[j].kind;
                if (ok)
                    continue;
                if (f->decs[j].kind == RM_CD_NOW)
                    verr(v, RM_E_CERIAL_OBJECT_FIELD, f->decs[j].loc,
                         "@now is not allowed on object fields. SurrealDB requires COMPUTED fields "
                         "to be top-level. Use @createdAt or @updatedAt instead.");
                else
                    verr(v, RM_E_CERIAL_OBJECT_FIELD, f->decs[j].loc,
                         "Decorator @%s is not allowed on object fields. Allowed: @default, "
                         "@defaultAlways, @createdAt, @updatedAt, @index, @unique, @distinct, "
                         "@sort, @set, @flexible, @readonly, @nullable, @uuid, @uuid4, @uuid7, "
                         "@point, @line, @polygon, @multipoint, @multiline, @multipolygon, "
                         "@geoCollection.",
                         rm_cerial_dec_name(f->decs[j].kind));
            }
            if (has_dec(f, RM_CD_FLEXIBLE) && f->type != RM_CT_OBJECT)
                verr(v, RM_E_CERIAL_DECORATOR_PLACEMENT, f->loc,
                     "@flexible can only be used on fields with an object type, but '%s' in "
                     "object %s is of type '%s'.",
                     f->name, o->name, rm_cerial_type_name(f->type));
            v_timestamp_field(v, f, parent);
            v_default_always(v, f, parent);
            v_readonly(v, f, parent);
            v_uuid(v, f, parent);
            if (has_dec(f, RM_CD_INDEX) && has_dec(f, RM_CD_UNIQUE))
                verr(v, RM_E_CERIAL_DECORATOR_CONFLICT, f->loc,
                     "Field '%s' in object %s cannot have both @index and @unique. Use one or the "
                     "other.",
                     f->name, o->name);
            if (has_dec(f, RM_CD_UNIQUE) && f->array)
                verr(v, RM_E_CERIAL_DECORATOR_PLACEMENT, f->loc,
                     "Field '%s' in object %s is an array field and cannot have @unique.", f->name,
                     o->name);
            if ((has_dec(f, RM_CD_DISTINCT) || has_dec(f, RM_CD_SORT)) && !f->array)
                verr(v, RM_E_CERIAL_DECORATOR_PLACEMENT, f->loc,
                     "@distinct and @sort decorators on field '%s' in object %s are only allowed "
                     "on array fields.",
                     f->name, o->name);
            if (f->type == RM_CT_OBJECT && streq(f->type_name, o->name) && !f->optional &&
                !f->array)
                verr(v, RM_E_CERIAL_OBJECT_FIELD, f->loc,
                     "Self-referencing object fields must be optional or array");
            if (f->type == RM_CT_OBJECT && f->type_name != NULL &&
                !names_has(s, RM_CERIAL_OBJECT, f->type_name))
                verr(v, RM_E_CERIAL_OBJECT_FIELD, f->type_loc,
                     "Field \"%s\" references unknown object type \"%s\"", f->name, f->type_name);
        }
    }
}

static void v_nullable_field(vst *v, const rm_cerial_field *f, const char *parent)
{
    const rm_cerial_dec *dd = fdec(f, RM_CD_DEFAULT);
    if (dd != NULL && dd->vkind == RM_CV_NULL && !f->nullable)
        verr(v, RM_E_CERIAL_DECORATOR_CONFLICT, dd->loc,
             "@default(null) requires @nullable on field '%s' in %s. A field cannot default to "
             "null if it doesn't accept null values.",
             f->name, parent);
    if (!f->nullable)
        return;
    if (f->type == RM_CT_OBJECT || f->type == RM_CT_TUPLE || f->type == RM_CT_RELATION ||
        f->type == RM_CT_ANY) {
        const char *t = rm_cerial_type_name(f->type);
        if (f->type == RM_CT_ANY)
            verr(v, RM_E_CERIAL_DECORATOR_PLACEMENT, f->loc,
                 "@nullable is not allowed on %s field '%s' in %s. CerialAny already includes "
                 "null in its union type.",
                 t, f->name, parent);
        else
            verr(v, RM_E_CERIAL_DECORATOR_PLACEMENT, f->loc,
                 "@nullable is not allowed on %s field '%s' in %s. SurrealDB cannot define "
                 "sub-field schemas on nullable %s parents.",
                 t, f->name, parent, t);
    }
    if (has_dec(f, RM_CD_ID))
        verr(v, RM_E_CERIAL_DECORATOR_PLACEMENT, f->loc,
             "@nullable is not allowed on @id field '%s' in %s. Record IDs are always present and "
             "cannot be null.",
             f->name, parent);
    if (has_dec(f, RM_CD_NOW))
        verr(v, RM_E_CERIAL_DECORATOR_PLACEMENT, f->loc,
             "@nullable is not allowed on @now field '%s' in %s. COMPUTED fields are output-only "
             "and cannot be null.",
             f->name, parent);
}

static const char *elem_name(vst *v, const rm_cerial_field *e, size_t i)
{
    return e->name ? e->name : rm_arena_sprintf(v->a, "element[%zu]", i);
}

static void v_tuples(vst *v, const rm_cerial_schema *s, int which)
{
    size_t ti, i, j;
    V_RULE(v);
    for (ti = 0; ti < vhi(v, s, RM_CERIAL_TUPLE); ti++) {
        const rm_cerial_block *t = BLK(s, RM_CERIAL_TUPLE, ti);
        for (i = 0; i < t->nfields; i++) {
            const rm_cerial_field *e = t->fields[i];
            const char *en = elem_name(v, e, i);
            bool ca, ua, df, da;
            if (which == 2) {
                if (e->optional)
                    verr(v, RM_E_CERIAL_TUPLE_RULE, t->loc,
                         "Optional elements (?) are not allowed in tuples. Use @nullable instead. "
                         "SurrealDB returns null (not undefined) for absent tuple positions, "
                         "making ? semantically incorrect. Element '%s' in tuple %s.",
                         en, t->name);
                continue;
            }
            if (e->ndecs == 0)
                continue;
            if (which == 0) {
                if (e->nullable && e->type == RM_CT_OBJECT)
                    verr(v, RM_E_CERIAL_TUPLE_RULE, t->loc,
                         "@nullable is not allowed on object tuple element '%s' in tuple %s. "
                         "SurrealDB cannot define sub-field schemas on nullable object parents.",
                         en, t->name);
                continue;
            }
            for (j = 0; j < e->ndecs; j++) {
                rm_cerial_dec_kind k = e->decs[j].kind;
                if (k != RM_CD_NULLABLE && k != RM_CD_DEFAULT && k != RM_CD_DEFAULT_ALWAYS &&
                    k != RM_CD_CREATED_AT && k != RM_CD_UPDATED_AT)
                    verr(v, RM_E_CERIAL_TUPLE_RULE, t->loc,
                         "Decorator @%s is not allowed on tuple element '%s' in tuple %s. "
                         "Allowed: @nullable, @default, @defaultAlways, @createdAt, @updatedAt.",
                         rm_cerial_dec_name(k), en, t->name);
            }
            ca = has_dec(e, RM_CD_CREATED_AT);
            ua = has_dec(e, RM_CD_UPDATED_AT);
            df = has_dec(e, RM_CD_DEFAULT);
            da = has_dec(e, RM_CD_DEFAULT_ALWAYS);
            if ((ca || ua) && e->type != RM_CT_DATE)
                verr(v, RM_E_CERIAL_TUPLE_RULE, t->loc,
                     "Timestamp decorators (@createdAt, @updatedAt) can only be used on Date-type "
                     "elements, but '%s' in tuple %s is of type '%s'.",
                     en, t->name, rm_cerial_type_name(e->type));
            if (ca && ua)
                verr(v, RM_E_CERIAL_TUPLE_RULE, t->loc,
                     "Element '%s' in tuple %s cannot have both @createdAt and @updatedAt.", en,
                     t->name);
            if (df && (ca || ua))
                verr(v, RM_E_CERIAL_TUPLE_RULE, t->loc,
                     "@default and timestamp decorators cannot be used together on element '%s' "
                     "in tuple %s.",
                     en, t->name);
            if (df && da)
                verr(v, RM_E_CERIAL_TUPLE_RULE, t->loc,
                     "@default and @defaultAlways cannot be used together on element '%s' in "
                     "tuple %s.",
                     en, t->name);
            if (df && fdec(e, RM_CD_DEFAULT)->vkind == RM_CV_NULL && !e->nullable)
                verr(v, RM_E_CERIAL_TUPLE_RULE, t->loc,
                     "@default(null) requires @nullable on element '%s' in tuple %s. An element "
                     "cannot default to null if it doesn't accept null values.",
                     en, t->name);
        }
    }
}

static void v_set(vst *v, const rm_cerial_field *f, const char *parent)
{
    static const rm_cerial_type ok[] = {RM_CT_STRING, RM_CT_EMAIL, RM_CT_INT,      RM_CT_FLOAT,
                                        RM_CT_BOOL,   RM_CT_DATE,  RM_CT_UUID,     RM_CT_DURATION,
                                        RM_CT_NUMBER, RM_CT_BYTES, RM_CT_GEOMETRY, RM_CT_ANY};
    size_t k;
    bool allowed = false;
    if (!has_dec(f, RM_CD_SET))
        return;
    if (!f->array) {
        verr(v, RM_E_CERIAL_DECORATOR_PLACEMENT, f->loc,
             "@set can only be used on array fields, but '%s' in %s is not an array.", f->name,
             parent);
        return;
    }
    if (f->type == RM_CT_DECIMAL)
        verr(v, RM_E_CERIAL_DECORATOR_PLACEMENT, f->loc,
             "@set is not allowed on Decimal[] fields (SurrealDB set<decimal> has known issues). "
             "Field '%s' in %s.",
             f->name, parent);
    for (k = 0; k < RM_ARRAY_LEN(ok); k++)
        allowed = allowed || ok[k] == f->type;
    if (!allowed)
        verr(v, RM_E_CERIAL_DECORATOR_PLACEMENT, f->loc,
             "@set is only allowed on primitive array fields. Field '%s' in %s is of type '%s[]'.",
             f->name, parent, rm_cerial_type_name(f->type));
    if (has_dec(f, RM_CD_DISTINCT))
        verr(v, RM_E_CERIAL_DECORATOR_CONFLICT, f->loc,
             "@set and @distinct cannot be used together on field '%s' in %s. Sets are inherently "
             "distinct.",
             f->name, parent);
    if (has_dec(f, RM_CD_SORT))
        verr(v, RM_E_CERIAL_DECORATOR_CONFLICT, f->loc,
             "@set and @sort cannot be used together on field '%s' in %s. Sets are inherently "
             "sorted.",
             f->name, parent);
}

static const char *literal_dec_error(rm_arena *a, rm_cerial_dec_kind k)
{
    if (k == RM_CD_FLEXIBLE)
        return "@flexible is only allowed on object-type fields";
    if (is_ts(k))
        return "timestamp decorators are only allowed on Date fields";
    if (k == RM_CD_ID)
        return "@id is only allowed on Record fields";
    return rm_arena_sprintf(a, "@%s is a relation decorator and is not allowed on literal fields",
                            rm_cerial_dec_name(k));
}

static bool literal_disallowed(rm_cerial_dec_kind k)
{
    return k == RM_CD_FLEXIBLE || is_ts(k) || k == RM_CD_ID || k == RM_CD_FIELD ||
           k == RM_CD_MODEL || k == RM_CD_ON_DELETE || k == RM_CD_KEY;
}

static void v_record_id_types(vst *v, const rm_cerial_schema *s)
{
    static const char *const prim[] = {"int", "number", "string", "uuid"};
    static const char *const bad[] = {"float",    "bool",     "date", "datetime", "decimal",
                                      "duration", "literal",  "enum", "relation", "email",
                                      "bytes",    "geometry", "any"};
    const rm_cerial_block *m;
    FOR_RULE_MODELS(s, m)
    {
        size_t i, j, k;
        for (i = 0; i < m->nfields; i++) {
            const rm_cerial_field *f = m->fields[i];
            if (f->type != RM_CT_RECORD)
                continue;
            if (paired_relation(v, m, f) && f->nrecord_types > 0) {
                verr(v, RM_E_CERIAL_RECORD_ID_TYPE, f->type_loc,
                     "Record(Type) cannot be used on FK field \"%s\" with Relation in model "
                     "\"%s\" \xE2\x80\x94 type is inferred from target model's @id. Remove the "
                     "type parameter.",
                     f->name, m->name);
                continue;
            }
            for (j = 0; j < f->nrecord_types; j++) {
                const char *t = f->record_types[j];
                bool is_prim = false, is_bad = false, is_tuple, is_object;
                for (k = 0; k < RM_ARRAY_LEN(prim); k++)
                    is_prim = is_prim || strcmp(prim[k], t) == 0;
                if (is_prim)
                    continue;
                for (k = 0; k < RM_ARRAY_LEN(bad); k++)
                    is_bad = is_bad || strcmp(bad[k], t) == 0;
                if (is_bad) {
                    verr(v, RM_E_CERIAL_RECORD_ID_TYPE, f->type_loc,
                         "Cannot use '%s' as record ID type on field \"%s\" in model \"%s\". Valid "
                         "types: int, number, string, uuid, or a tuple/object name.",
                         t, f->name, m->name);
                    continue;
                }
                is_tuple = names_has(s, RM_CERIAL_TUPLE, t);
                is_object = names_has(s, RM_CERIAL_OBJECT, t);
                if (!is_tuple && !is_object) {
                    if (t[0] >= 'A' && t[0] <= 'Z')
                        verr(v, RM_E_CERIAL_RECORD_ID_TYPE, f->type_loc,
                             "Type '%s' in Record(%s) on field \"%s\" in model \"%s\" is not a "
                             "defined tuple or object. Did you mean to define a tuple or object "
                             "named '%s'?",
                             t, t, f->name, m->name, t);
                    else
                        verr(v, RM_E_CERIAL_RECORD_ID_TYPE, f->type_loc,
                             "Cannot use '%s' as record ID type on field \"%s\" in model \"%s\". "
                             "Valid types: int, number, string, uuid, or a tuple/object name.",
                             t, f->name, m->name);
                    continue;
                }
                if (!has_dec(f, RM_CD_ID))
                    continue;
                if (is_tuple) {
                    const rm_cerial_block *tb = rm_cerial_find(s, RM_CERIAL_TUPLE, t);
                    bool decorated = false;
                    for (k = 0; k < tb->nfields; k++)
                        decorated = decorated || has_dec(tb->fields[k], RM_CD_DEFAULT) ||
                                    has_dec(tb->fields[k], RM_CD_DEFAULT_ALWAYS) ||
                                    has_dec(tb->fields[k], RM_CD_CREATED_AT) ||
                                    has_dec(tb->fields[k], RM_CD_UPDATED_AT);
                    if (decorated)
                        verr(v, RM_E_CERIAL_RECORD_ID_TYPE, f->type_loc,
                             "Warning: Decorators on '%s' elements are ignored when used as @id "
                             "\xE2\x80\x94 SurrealDB doesn't support DEFAULT/sub-field constraints "
                             "on id fields. Field \"%s\" in model \"%s\".",
                             t, f->name, m->name);
                }
                if (is_object) {
                    const rm_cerial_block *ob = rm_cerial_find(s, RM_CERIAL_OBJECT, t);
                    bool decorated = false;
                    for (k = 0; k < ob->nfields; k++)
                        decorated = decorated || has_dec(ob->fields[k], RM_CD_DEFAULT) ||
                                    has_dec(ob->fields[k], RM_CD_DEFAULT_ALWAYS) ||
                                    has_dec(ob->fields[k], RM_CD_CREATED_AT) ||
                                    has_dec(ob->fields[k], RM_CD_UPDATED_AT);
                    if (decorated)
                        verr(v, RM_E_CERIAL_RECORD_ID_TYPE, f->type_loc,
                             "Warning: Decorators on '%s' fields are ignored when used as @id "
                             "\xE2\x80\x94 SurrealDB doesn't support DEFAULT/sub-field constraints "
                             "on id fields. Field \"%s\" in model \"%s\".",
                             t, f->name, m->name);
                }
            }
        }
    }
}

static void validate_schema(vst *v, const rm_cerial_schema *s)
{
    const rm_cerial_block *m;
    size_t i, j, k;
    /* validateModelNames */
    FOR_RULE_MODELS(s, m)
    {
        if (!is_pascal(m->name))
            verr(v, RM_E_CERIAL_NAME, m->name_loc, "Invalid model name: %s. Must be PascalCase.",
                 m->name);
        if (rm_cerial_find_pos(s, RM_CERIAL_MODEL, m->name) < mi_)
            verr(v, RM_E_CERIAL_NAME, m->name_loc, "Duplicate model name: %s", m->name);
    }
    /* validateFieldNames */
    FOR_RULE_MODELS(s, m)
    {
        for (i = 0; i < m->nfields; i++) {
            const rm_cerial_field *f = m->fields[i];
            if (!is_field_name(f->name))
                verr(v, RM_E_CERIAL_DUPLICATE_FIELD, f->name_loc,
                     "Invalid field name: %s. Must be camelCase or snake_case.", f->name);
            if (earlier_field(m, i))
                verr(v, RM_E_CERIAL_DUPLICATE_FIELD, f->name_loc, "Duplicate field name: %s",
                     f->name);
        }
    }
    v_relations(v, s);
    v_relation_rules(v, s);
    v_array_decorators(v, s);
    /* validateTimestampFields */
    FOR_RULE_MODELS(s, m)
    {
        const char *parent = parent_name(v, s, RM_CERIAL_MODEL, mi_);
        for (i = 0; i < m->nfields; i++) {
            v_timestamp_field(v, m->fields[i], parent);
            v_default_always(v, m->fields[i], parent);
        }
    }
    /* validateObjectNames */
    V_RULE(v);
    for (i = 0; i < vhi(v, s, RM_CERIAL_OBJECT); i++) {
        const rm_cerial_block *o = BLK(s, RM_CERIAL_OBJECT, i);
        if (!is_pascal(o->name))
            verr(v, RM_E_CERIAL_NAME, o->name_loc, "Invalid object name: %s. Must be PascalCase.",
                 o->name);
        if (rm_cerial_find_pos(s, RM_CERIAL_OBJECT, o->name) < i)
            verr(v, RM_E_CERIAL_NAME, o->name_loc, "Duplicate object name: %s", o->name);
        if (names_has(s, RM_CERIAL_MODEL, o->name))
            verr(v, RM_E_CERIAL_NAME, o->name_loc, "Object name '%s' conflicts with model name",
                 o->name);
    }
    v_object_fields(v, s);
    /* validateObjectReferences */
    FOR_RULE_MODELS(s, m)
    {
        for (i = 0; i < m->nfields; i++) {
            const rm_cerial_field *f = m->fields[i];
            if (f->type == RM_CT_OBJECT && f->type_name != NULL &&
                !names_has(s, RM_CERIAL_OBJECT, f->type_name))
                verr(v, RM_E_CERIAL_OBJECT_FIELD, f->type_loc,
                     "Field \"%s\" in model \"%s\" references unknown object type \"%s\"", f->name,
                     m->name, f->type_name);
        }
    }
    /* validateFlexibleDecorator */
    FOR_RULE_MODELS(s, m)
    {
        for (i = 0; i < m->nfields; i++) {
            const rm_cerial_field *f = m->fields[i];
            if (has_dec(f, RM_CD_FLEXIBLE) && f->type != RM_CT_OBJECT)
                verr(v, RM_E_CERIAL_DECORATOR_PLACEMENT, f->loc,
                     "@flexible can only be used on fields with an object type, but '%s' in model "
                     "%s is of type '%s'.",
                     f->name, m->name, rm_cerial_type_name(f->type));
        }
    }
    /* validateReadonlyDecorator */
    FOR_RULE_MODELS(s, m)
    {
        const char *parent = parent_name(v, s, RM_CERIAL_MODEL, mi_);
        for (i = 0; i < m->nfields; i++)
            v_readonly(v, m->fields[i], parent);
    }
    /* validateNullableDecorator, validateNullableOnObjectFields */
    FOR_RULE_MODELS(s, m)
    {
        const char *parent = parent_name(v, s, RM_CERIAL_MODEL, mi_);
        for (i = 0; i < m->nfields; i++)
            v_nullable_field(v, m->fields[i], parent);
    }
    for (i = 0; i < vhi(v, s, RM_CERIAL_OBJECT); i++) {
        const rm_cerial_block *o = BLK(s, RM_CERIAL_OBJECT, i);
        const char *parent = parent_name(v, s, RM_CERIAL_OBJECT, i);
        for (j = 0; j < o->nfields; j++)
            v_nullable_field(v, o->fields[j], parent);
    }
    v_tuples(v, s, 0); /* validateNullableOnTupleElements */
    v_tuples(v, s, 1); /* validateTupleElementDecorators */
    v_tuples(v, s, 2); /* validateNoOptionalTupleElements */
    /* validateNoOptionalAnyFields */
    V_RULE(v);
    for (k = 0; k < 2; k++) {
        rm_cerial_kind kind = k == 0 ? RM_CERIAL_MODEL : RM_CERIAL_OBJECT;
        for (i = vlo(v, kind); i < vhi(v, s, kind); i++) {
            const rm_cerial_block *b = BLK(s, kind, i);
            for (j = 0; j < b->nfields; j++)
                if (b->fields[j]->type == RM_CT_ANY && b->fields[j]->optional)
                    verr(v, RM_E_CERIAL_DECORATOR_PLACEMENT, b->fields[j]->type_loc,
                         "Optional (?) is not allowed on Any field '%s' in %s %s. TYPE any "
                         "natively accepts NONE and CerialAny includes null.",
                         b->fields[j]->name, kind_lower[kind], b->name);
        }
    }
    /* validateTupleObjectCombination */
    FOR_RULE_MODELS(s, m)
    {
        bool opt_obj = false;
        for (i = 0; i < m->nfields; i++)
            opt_obj = opt_obj || (m->fields[i]->type == RM_CT_OBJECT && m->fields[i]->optional);
        if (!opt_obj)
            continue;
        for (i = 0; i < m->nfields; i++) {
            const rm_cerial_field *f = m->fields[i];
            const rm_cerial_block *t;
            bool opt_el = false, deco_req = false;
            rm_sb names = RM_SB_INIT;
            if (f->type != RM_CT_TUPLE || !f->optional || f->type_name == NULL)
                continue;
            t = rm_cerial_find(s, RM_CERIAL_TUPLE, f->type_name);
            if (t == NULL)
                continue;
            for (j = 0; j < t->nfields; j++) {
                const rm_cerial_field *e = t->fields[j];
                opt_el = opt_el || e->optional;
                if (!e->optional &&
                    (has_dec(e, RM_CD_DEFAULT) || has_dec(e, RM_CD_DEFAULT_ALWAYS) ||
                     has_dec(e, RM_CD_CREATED_AT) || has_dec(e, RM_CD_UPDATED_AT)))
                    deco_req = true;
            }
            if (!opt_el || !deco_req)
                continue;
            for (j = 0; j < m->nfields; j++)
                if (m->fields[j]->type == RM_CT_OBJECT && m->fields[j]->optional)
                    rm_sb_appendf(&names, "%s%s", names.len ? ", " : "", m->fields[j]->name);
            verr(v, RM_E_CERIAL_SURREAL_GUARD, f->loc,
                 "Model '%s' has an optional tuple field '%s' (%s) with a decorated required "
                 "element and optional object field(s) (%s). This combination triggers a SurrealDB "
                 "bug where creating a record without the tuple fails. Workarounds: (1) make the "
                 "tuple field required, (2) remove the decorator from the required tuple element, "
                 "or (3) make the object field(s) required.",
                 m->name, f->name, f->type_name, rm_sb_str(&names));
            rm_sb_free(&names);
        }
    }
    /* validateLiteralDecorators */
    V_RULE(v);
    for (k = 0; k < 2; k++) {
        rm_cerial_kind kind = k == 0 ? RM_CERIAL_MODEL : RM_CERIAL_OBJECT;
        for (i = vlo(v, kind); i < vhi(v, s, kind); i++) {
            const rm_cerial_block *b = BLK(s, kind, i);
            for (j = 0; j < b->nfields; j++) {
                const rm_cerial_field *f = b->fields[j];
                size_t q;
                if (f->type != RM_CT_LITERAL)
                    continue;
                for (q = 0; q < f->ndecs; q++)
                    if (literal_disallowed(f->decs[q].kind))
                        verr(v, RM_E_CERIAL_DECORATOR_PLACEMENT, f->decs[q].loc,
                             "%s. Field '%s' in %s %s is a literal type.",
                             literal_dec_error(v->a, f->decs[q].kind), f->name, kind_lower[kind],
                             b->name);
            }
        }
    }
    /* validateUuidFields */
    V_RULE(v);
    for (k = 0; k < 2; k++) {
        rm_cerial_kind kind = k == 0 ? RM_CERIAL_MODEL : RM_CERIAL_OBJECT;
        for (i = vlo(v, kind); i < vhi(v, s, kind); i++) {
            const rm_cerial_block *b = BLK(s, kind, i);
            const char *parent = parent_name(v, s, kind, i);
            for (j = 0; j < b->nfields; j++)
                v_uuid(v, b->fields[j], parent);
        }
    }
    /* validateSetDecorator */
    V_RULE(v);
    for (k = 0; k < 2; k++) {
        rm_cerial_kind kind = k == 0 ? RM_CERIAL_MODEL : RM_CERIAL_OBJECT;
        for (i = vlo(v, kind); i < vhi(v, s, kind); i++) {
            const rm_cerial_block *b = BLK(s, kind, i);
            const char *parent = parent_name(v, s, kind, i);
            for (j = 0; j < b->nfields; j++)
                v_set(v, b->fields[j], parent);
        }
    }
    v_record_id_types(v, s);
}

/* Fused: the rules above run model by model (each model's fields are read once, while they
 * are in cache, instead of once per rule: about twenty passes over all fields were bound by
 * memory), then once over the objects and tuples; the findings, each tagged with its rule,
 * are then put back in the general path's order (rule by rule, models in order, then objects)
 * with the sequence numbers and the error limit they would have had. */
typedef struct tag_pos {
    uint32_t tag;
    uint32_t pos;
} tag_pos;

static int by_tag(const void *x, const void *y)
{
    const tag_pos *a = x, *b = y;
    if (a->tag != b->tag)
        return a->tag < b->tag ? -1 : 1;
    return a->pos < b->pos ? -1 : a->pos > b->pos;
}

static void validate_schema_fused(vst *v, const rm_cerial_schema *s)
{
    rm_diags *d = v->d;
    size_t start = d->n, seq0 = d->n + d->dropped, nerr = d->nerrors, max = d->max_errors;
    size_t i, n, keep = 0;
    tag_pos *order;
    rm_diag **sorted;
    d->max_errors = 0; /* applied below, in the general path's order */
    v->tagging = true;
    v->ntags = 0;
    for (i = 0; i < NB(s, RM_CERIAL_MODEL); i++) {
        v->m_lo = i;
        v->m_hi = i + 1;
        v->others = false;
        v->rule = 0;
        validate_schema(v, s);
    }
    v->m_lo = v->m_hi = 0;
    v->others = true;
    v->rule = 0;
    validate_schema(v, s);
    v->tagging = false;
    v->m_lo = 0;
    v->m_hi = SIZE_MAX;
    d->max_errors = max;
    n = d->n - start;
    assert(n == v->ntags);
    if (n > 0) {
        order = rm_xcalloc(n, sizeof(*order));
        sorted = rm_xcalloc(n, sizeof(*sorted));
        for (i = 0; i < n; i++) {
            order[i].tag = v->tags[i];
            order[i].pos = (uint32_t)i;
        }
        qsort(order, n, sizeof(*order), by_tag);
        for (i = 0; i < n; i++)
            sorted[i] = d->items[start + order[i].pos];
        for (i = 0; i < n; i++) {
            rm_diag *g = sorted[i];
            g->seq = (uint32_t)(seq0 + i);
            /* as rm_diag_vadd: past max_errors an error is counted, not listed */
            if (g->sev == RM_SEV_ERROR && max != 0 && ++nerr > max) {
                d->dropped++;
                continue;
            }
            d->items[start + keep++] = g;
        }
        d->n = start + keep;
        free(order);
        free(sorted);
    }
    free(v->tags);
    v->tags = NULL;
    v->ntags = v->tags_cap = 0;
}

/* ======================================================================================== */
/* Strict: a subset of parser.ts validateSchema, the checks the CLI skips (§2.5)             */

/* resolveCompositeField: a model field, or a dot path through object fields. */
static bool composite_field(const rm_cerial_schema *s, const rm_cerial_block *m, const char *ref,
                            bool *is_id, bool *is_rel, bool *is_arr)
{
    const char *dot = strchr(ref, '.');
    char part[256];
    const rm_cerial_field *f;
    const rm_cerial_block *obj;
    snprintf(part, sizeof(part), "%.*s", (int)(dot ? (size_t)(dot - ref) : strlen(ref)), ref);
    f = find_field(m, part);
    if (f == NULL)
        return false;
    if (dot == NULL) {
        *is_id = has_dec(f, RM_CD_ID);
        *is_rel = f->type == RM_CT_RELATION;
        *is_arr = f->array;
        return true;
    }
    while (dot != NULL) {
        const char *start = dot + 1;
        if (f->type != RM_CT_OBJECT || f->type_name == NULL)
            return false;
        obj = rm_cerial_find(s, RM_CERIAL_OBJECT, f->type_name);
        if (obj == NULL)
            return false;
        dot = strchr(start, '.');
        snprintf(part, sizeof(part), "%.*s", (int)(dot ? (size_t)(dot - start) : strlen(start)),
                 start);
        f = find_field(obj, part);
        if (f == NULL)
            return false;
    }
    *is_arr = f->array;
    return true;
}

/* Does literal lit (raw) have a variant that is not a primitive value (a tuple, object or
 * literal/enum reference)? parser.ts: hasComplexVariant. */
static bool literal_complex(const rm_cerial_block *lit)
{
    size_t i;
    for (i = 0; i < lit->nvariants; i++)
        if (lit->variants[i].kind == RM_CVAR_TUPLE_REF ||
            lit->variants[i].kind == RM_CVAR_OBJECT_REF ||
            lit->variants[i].kind == RM_CVAR_LITERAL_REF)
            return true;
    return false;
}

/* The literal a field/element type names, when it is a literal with complex variants (enums
 * are never looked up: parser.ts searches ast.literals only). */
static const rm_cerial_block *complex_literal(const rm_cerial_schema *raw, const rm_cerial_field *f)
{
    const rm_cerial_block *lit;
    if (f->type != RM_CT_LITERAL || f->type_name == NULL)
        return NULL;
    lit = rm_cerial_find(raw, RM_CERIAL_LITERAL, f->type_name);
    return lit != NULL && literal_complex(lit) ? lit : NULL;
}

/* Literal references form a graph over literal names (each name stands for the first literal
 * of that name, as parser.ts's find does). cyc[i] tells whether a cycle can be reached from
 * literal i; an iterative depth-first search (white/grey/black) fills it in linear time. */
static void literal_cycles(const rm_cerial_schema *raw, rm_arena *a, bool *cyc)
{
    size_t n = NB(raw, RM_CERIAL_LITERAL), root, sp;
    unsigned char *color = RM_NEW_ARRAY(a, unsigned char, n + 1);
    size_t *stack = RM_NEW_ARRAY(a, size_t, n + 1), *next = RM_NEW_ARRAY(a, size_t, n + 1);
    for (root = 0; root < n; root++) {
        if (color[root] != 0)
            continue;
        sp = 0;
        stack[sp++] = root;
        color[root] = 1;
        while (sp > 0) {
            size_t u = stack[sp - 1];
            const rm_cerial_block *lit = BLK(raw, RM_CERIAL_LITERAL, u);
            if (next[u] < lit->nvariants) {
                const rm_cerial_variant *var = &lit->variants[next[u]++];
                size_t w;
                if (var->kind != RM_CVAR_LITERAL_REF)
                    continue;
                w = rm_cerial_find_pos(raw, RM_CERIAL_LITERAL, var->text);
                if (w == SIZE_MAX)
                    continue; /* an enum: no variants to follow */
                if (color[w] == 1)
                    cyc[u] = true; /* back edge: u is on a cycle */
                else if (color[w] == 2)
                    cyc[u] = cyc[u] || cyc[w];
                else {
                    color[w] = 1;
                    stack[sp++] = w;
                }
                continue;
            }
            color[u] = 2;
            sp--;
            if (sp > 0)
                cyc[stack[sp - 1]] = cyc[stack[sp - 1]] || cyc[u];
        }
    }
}

/* Can literal `from` (a position) reach the literal name `name` through references? Only for
 * the rare duplicate-name case of circular_ref. */
static bool literal_reaches(const rm_cerial_schema *raw, rm_arena *a, size_t from, const char *name)
{
    size_t n = NB(raw, RM_CERIAL_LITERAL), sp = 0, i;
    bool *seen = RM_NEW_ARRAY(a, bool, n + 1);
    size_t *stack = RM_NEW_ARRAY(a, size_t, n + 1);
    stack[sp++] = from;
    seen[from] = true;
    while (sp > 0) {
        const rm_cerial_block *lit = BLK(raw, RM_CERIAL_LITERAL, stack[--sp]);
        if (strcmp(lit->name, name) == 0)
            return true;
        for (i = 0; i < lit->nvariants; i++) {
            size_t w;
            if (lit->variants[i].kind != RM_CVAR_LITERAL_REF)
                continue;
            w = rm_cerial_find_pos(raw, RM_CERIAL_LITERAL, lit->variants[i].text);
            if (w != SIZE_MAX && !seen[w]) {
                seen[w] = true;
                stack[sp++] = w;
            }
        }
    }
    return false;
}

/* parser.ts validateSchema on literals (raw AST, before inheritance, as there): duplicate
 * variants, tuples/objects referenced by a literal that nest objects, tuples or complex
 * literals, and circular literal references. */
static void strict_literals(vst *v, const rm_cerial_schema *raw)
{
    size_t i, j, k, n = NB(raw, RM_CERIAL_LITERAL);
    bool *cyc = RM_NEW_ARRAY(v->a, bool, n + 1);
    literal_cycles(raw, v->a, cyc);
    for (i = 0; i < n; i++) {
        const rm_cerial_block *lit = BLK(raw, RM_CERIAL_LITERAL, i);
        /* duplicates: same kind and same value (Cerial's key `${kind}:${value}`) */
        for (j = 0; j < lit->nvariants; j++)
            for (k = 0; k < j; k++)
                if (lit->variants[k].kind == lit->variants[j].kind &&
                    streq(lit->variants[k].text, lit->variants[j].text)) {
                    vstrict(v, lit->loc, "Duplicate variant in literal %s", lit->name);
                    break;
                }
        for (j = 0; j < lit->nvariants; j++) {
            const rm_cerial_variant *var = &lit->variants[j];
            const rm_cerial_block *ref;
            if (var->kind == RM_CVAR_TUPLE_REF) {
                ref = rm_cerial_find(raw, RM_CERIAL_TUPLE, var->text);
                for (k = 0; ref != NULL && k < ref->nfields; k++) {
                    const rm_cerial_field *el = ref->fields[k];
                    const rm_cerial_block *cl = complex_literal(raw, el);
                    char idx[40];
                    const char *en = el->name;
                    if (en == NULL) {
                        snprintf(idx, sizeof(idx), "element[%zu]", k);
                        en = idx;
                    }
                    if (el->type == RM_CT_OBJECT)
                        vstrict(v, lit->loc,
                                "Tuple '%s' referenced in literal '%s' contains object element "
                                "'%s'. Only primitive and simple literal-typed elements are "
                                "allowed in literal-referenced tuples",
                                var->text, lit->name, en);
                    if (el->type == RM_CT_TUPLE)
                        vstrict(v, lit->loc,
                                "Tuple '%s' referenced in literal '%s' contains nested tuple "
                                "element '%s'. Only primitive and simple literal-typed elements "
                                "are allowed in literal-referenced tuples",
                                var->text, lit->name, en);
                    if (cl != NULL)
                        vstrict(v, lit->loc,
                                "Tuple '%s' referenced in literal '%s' contains literal element "
                                "'%s' referencing '%s' which has non-primitive variants. Nested "
                                "literals must only contain primitive variants",
                                var->text, lit->name, en, el->type_name);
                }
            } else if (var->kind == RM_CVAR_OBJECT_REF) {
                ref = rm_cerial_find(raw, RM_CERIAL_OBJECT, var->text);
                for (k = 0; ref != NULL && k < ref->nfields; k++) {
                    const rm_cerial_field *fl = ref->fields[k];
                    const rm_cerial_block *cl = complex_literal(raw, fl);
                    if (fl->type == RM_CT_OBJECT)
                        vstrict(v, lit->loc,
                                "Object '%s' referenced in literal '%s' contains object field "
                                "'%s'. Only primitive and simple literal-typed fields are allowed "
                                "in literal-referenced objects",
                                var->text, lit->name, fl->name);
                    if (fl->type == RM_CT_TUPLE)
                        vstrict(v, lit->loc,
                                "Object '%s' referenced in literal '%s' contains tuple field '%s'. "
                                "Only primitive and simple literal-typed fields are allowed in "
                                "literal-referenced objects",
                                var->text, lit->name, fl->name);
                    if (cl != NULL)
                        vstrict(v, lit->loc,
                                "Object '%s' referenced in literal '%s' contains literal field "
                                "'%s' referencing '%s' which has non-primitive variants. Nested "
                                "literals must only contain primitive variants",
                                var->text, lit->name, fl->name, fl->type_name);
                }
            }
        }
    }
    /* circular references, one finding per literal reference that leads into a cycle (or
     * back to this literal's name, which for a duplicate name is another block) */
    for (i = 0; i < n; i++) {
        const rm_cerial_block *lit = BLK(raw, RM_CERIAL_LITERAL, i);
        size_t first = rm_cerial_find_pos(raw, RM_CERIAL_LITERAL, lit->name);
        for (j = 0; j < lit->nvariants; j++) {
            const rm_cerial_variant *var = &lit->variants[j];
            size_t w;
            bool circular;
            if (var->kind != RM_CVAR_LITERAL_REF)
                continue;
            w = rm_cerial_find_pos(raw, RM_CERIAL_LITERAL, var->text);
            if (w == SIZE_MAX)
                continue;
            circular = cyc[w] || (first != i && literal_reaches(raw, v->a, w, lit->name));
            if (circular)
                vstrict(v, lit->loc, "Circular literal reference detected: %s -> %s", lit->name,
                        var->text);
        }
    }
}

static void validate_strict(vst *v, const rm_cerial_schema *raw, const rm_cerial_schema *res)
{
    size_t ki, i, j, k;
    const rm_cerial_block *m;
    /* duplicate block names and name clashes across kinds */
    for (ki = 0; ki < RM_CERIAL_NKINDS; ki++) {
        for (i = 0; i < NB(raw, ki); i++) {
            const rm_cerial_block *b = BLK(raw, ki, i);
            if (rm_cerial_find_pos(raw, (rm_cerial_kind)ki, b->name) < i)
                vstrict(v, b->name_loc, "Duplicate %s name: %s", kind_lower[ki], b->name);
            for (k = 0; k < ki; k++)
                if (rm_cerial_find(raw, (rm_cerial_kind)k, b->name) != NULL)
                    vstrict(v, b->name_loc, "%s name '%s' conflicts with %s name", kind_upper[ki],
                            b->name, kind_lower[k]);
        }
    }
    /* ... and, last in parser.ts, literals against enums (the loop above sees only earlier
     * kinds, and enums come after literals) */
    for (i = 0; i < NB(raw, RM_CERIAL_LITERAL); i++) {
        const rm_cerial_block *b = BLK(raw, RM_CERIAL_LITERAL, i);
        if (rm_cerial_find(raw, RM_CERIAL_ENUM, b->name) != NULL)
            vstrict(v, b->name_loc, "Literal name '%s' conflicts with enum name", b->name);
    }
    strict_literals(v, raw);
    /* duplicate enum values */
    for (i = 0; i < NB(raw, RM_CERIAL_ENUM); i++) {
        const rm_cerial_block *e = BLK(raw, RM_CERIAL_ENUM, i);
        for (j = 0; j < e->nvalues; j++)
            for (k = 0; k < j; k++)
                if (strcmp(e->values[j], e->values[k]) == 0) {
                    vstrict(v, e->loc, "Duplicate value '%s' in enum %s", e->values[j], e->name);
                    break;
                }
    }
    FOR_MODELS(res, m)
    {
        size_t nid = 0;
        for (i = 0; i < m->nfields; i++) {
            const rm_cerial_field *f = m->fields[i];
            /* as in Cerial: once per @id field after the first, at that field */
            if (has_dec(f, RM_CD_ID) && ++nid > 1)
                vstrict(v, f->loc,
                        "Multiple @id decorators in model %s. Only one @id field is allowed per "
                        "model.",
                        m->name);
            if (has_dec(f, RM_CD_INDEX) && has_dec(f, RM_CD_UNIQUE))
                vstrict(v, f->loc,
                        "Field '%s' in model %s cannot have both @index and @unique. Use one or "
                        "the other.",
                        f->name, m->name);
            if (has_dec(f, RM_CD_UNIQUE) && f->array)
                vstrict(v, f->loc,
                        "Field '%s' in model %s is an array field and cannot have @unique. "
                        "SurrealDB enforces uniqueness per element, not per array \xE2\x80\x94 "
                        "use @index for per-element lookups instead.",
                        f->name, m->name);
        }
        for (i = 0; i < m->ncomposites; i++) {
            const rm_cerial_composite *c = &m->composites[i];
            const char *kind = c->unique ? "unique" : "index";
            if (c->nfields < 2)
                vstrict(v, c->loc,
                        "Composite @@%s(\"%s\") must have at least 2 fields. Use field-level @%s "
                        "for single fields.",
                        kind, c->name, kind);
            /* duplicates first, then each reference, then whole-object + sub-field overlap */
            for (j = 0; j < c->nfields; j++) {
                for (k = 0; k < j && strcmp(c->fields[k], c->fields[j]) != 0; k++) {
                }
                if (k < j)
                    vstrict(v, c->loc, "Duplicate field '%s' in composite @@%s(\"%s\")",
                            c->fields[j], kind, c->name);
            }
            for (j = 0; j < c->nfields; j++) {
                const char *ref = c->fields[j];
                bool is_id = false, is_rel = false, is_arr = false;
                if (!composite_field(res, m, ref, &is_id, &is_rel, &is_arr)) {
                    vstrict(v, c->loc,
                            "Field '%s' in composite @@%s(\"%s\") does not exist in model %s", ref,
                            kind, c->name, m->name);
                    continue;
                }
                if (is_id)
                    vstrict(v, c->loc,
                            "Field '%s' in composite @@%s(\"%s\") has @id and cannot be part of a "
                            "composite. @id fields are already unique.",
                            ref, kind, c->name);
                if (is_rel)
                    vstrict(v, c->loc,
                            "Field '%s' in composite @@%s(\"%s\") is a Relation (virtual field) "
                            "and cannot be indexed. Use the Record field instead.",
                            ref, kind, c->name);
                if (is_arr)
                    vstrict(v, c->loc,
                            "Field '%s' in composite @@%s(\"%s\") is an array field and cannot be "
                            "part of a composite index.",
                            ref, kind, c->name);
            }
            for (j = 0; j < c->nfields; j++) {
                const rm_cerial_field *f = find_field(m, c->fields[j]);
                size_t q, hl;
                bool overlap = false;
                if (f == NULL || f->type != RM_CT_OBJECT)
                    continue;
                for (k = 0; k < j && strcmp(c->fields[k], c->fields[j]) != 0; k++) {
                }
                if (k < j)
                    continue; /* a Set in Cerial: each object once */
                hl = strlen(c->fields[j]);
                for (q = 0; q < c->nfields; q++)
                    overlap = overlap || (strncmp(c->fields[q], c->fields[j], hl) == 0 &&
                                          c->fields[q][hl] == '.');
                if (overlap)
                    vstrict(v, c->loc,
                            "Composite @@%s(\"%s\") references both '%s' (whole object) and its "
                            "subfield(s). This is redundant \xE2\x80\x94 use either the whole "
                            "object or specific subfields.",
                            kind, c->name, c->fields[j]);
            }
        }
    }
    /* tuple elements (parser.ts validateSchema) */
    for (i = 0; i < NB(res, RM_CERIAL_TUPLE); i++) {
        const rm_cerial_block *t = BLK(res, RM_CERIAL_TUPLE, i);
        for (j = 0; j < t->nfields; j++) {
            const rm_cerial_field *e = t->fields[j];
            if (e->name != NULL)
                for (k = 0; k < j; k++)
                    if (streq(t->fields[k]->name, e->name)) {
                        vstrict(v, t->loc, "Duplicate element name '%s' in tuple %s", e->name,
                                t->name);
                        break;
                    }
            if (e->type == RM_CT_RELATION)
                vstrict(v, t->loc, "Tuple elements cannot be Relation type in tuple %s", t->name);
            if (e->type == RM_CT_RECORD)
                vstrict(v, t->loc, "Tuple elements cannot be Record type in tuple %s", t->name);
            if (e->type == RM_CT_TUPLE && streq(e->type_name, t->name) && !e->optional)
                vstrict(v, t->loc,
                        "Self-referencing tuple element in tuple %s must be optional to avoid "
                        "infinite recursion",
                        t->name);
        }
    }
    /* composite names are global: each name against its first use (one hash map over all
     * composites in model order, not a scan of the earlier ones per composite) */
    {
        size_t nc = 0, p = 0, first;
        const char **names;
        size_t *owner;
        rm_cerial_nmap cmap;
        FOR_MODELS(res, m)
        {
            nc += m->ncomposites;
        }
        names = RM_NEW_ARRAY(v->a, const char *, nc + 1);
        owner = RM_NEW_ARRAY(v->a, size_t, nc + 1);
        FOR_MODELS(res, m)
        {
            for (i = 0; i < m->ncomposites; i++) {
                names[p] = m->composites[i].name;
                owner[p++] = mi_;
            }
        }
        rm_cerial_nmap_build(&cmap, v->a, names, nc);
        p = 0;
        FOR_MODELS(res, m)
        {
            for (i = 0; i < m->ncomposites; i++, p++)
                if (rm_cerial_nmap_get(&cmap, names[p], &first, NULL) && first < p)
                    vstrict(v, m->composites[i].loc,
                            "Composite directive name '%s' is already used in model %s. Names "
                            "must be unique across all models.",
                            names[p], BLK(res, RM_CERIAL_MODEL, owner[first])->name);
        }
    }
}

/* ======================================================================================== */

int rm_cerial_validate(rm_cerial_schema **resolved, const rm_cerial_schema *raw,
                       const rm_cerial_opts *opts, rm_arena *a, rm_diags *d)
{
    vst v;
    rm_cerial_schema *res, *concrete;
    size_t k, i;
    memset(&v, 0, sizeof(v));
    v.a = a;
    v.d = d;
    v.strict_sev = opts != NULL && opts->strict ? RM_SEV_ERROR : RM_SEV_WARNING;
    v.fast = !raw->no_fast_paths;
    v.m_hi = SIZE_MAX;
    v.others = true;
    *resolved = NULL;
    validate_extends(&v, raw);
    if (v.nerr > 0)
        return RM_ESEMANTIC;
    res = RM_NEW(a, rm_cerial_schema);
    for (k = 0; k < RM_CERIAL_NKINDS; k++)
        if (!resolve_kind(&v, raw, res, (rm_cerial_kind)k))
            return RM_ESEMANTIC;
    rm_cerial_schema_index(res, a);
    validate_resolved(&v, res);
    if (v.nerr > 0)
        return RM_ESEMANTIC;
    concrete = RM_NEW(a, rm_cerial_schema);
    *concrete = *res;
    concrete->blocks[RM_CERIAL_MODEL] =
        RM_NEW_ARRAY(a, rm_cerial_block *, res->n[RM_CERIAL_MODEL] + 1);
    concrete->n[RM_CERIAL_MODEL] = 0;
    for (i = 0; i < res->n[RM_CERIAL_MODEL]; i++)
        if (!res->blocks[RM_CERIAL_MODEL][i]->abstract)
            concrete->blocks[RM_CERIAL_MODEL][concrete->n[RM_CERIAL_MODEL]++] =
                res->blocks[RM_CERIAL_MODEL][i];
    rm_cerial_schema_index(concrete, a);
    if (v.fast)
        validate_schema_fused(&v, concrete);
    else
        validate_schema(&v, concrete);
    if (v.nerr > 0)
        return RM_ESEMANTIC;
    if (concrete->n[RM_CERIAL_MODEL] == 0) {
        verr(&v, RM_E_CERIAL_NO_MODELS, RM_LOC_NONE, "No models found in schema files");
        return RM_ESEMANTIC;
    }
    validate_strict(&v, raw, concrete);
    if (v.nerr > 0)
        return RM_ESEMANTIC;
    *resolved = concrete;
    return RM_OK;
}

int rm_cerial_check(rm_cerial_schema **resolved, rm_cerial_ctx *ctx, const rm_sources *srcs,
                    const uint32_t *files, size_t nfiles, const rm_cerial_opts *opts, rm_arena *a,
                    rm_diags *d)
{
    rm_cerial_schema *raw = NULL;
    int rc = rm_cerial_parse(&raw, ctx, srcs, files, nfiles, a, d);
    *resolved = NULL;
    if (rc != RM_OK)
        return rc;
    return rm_cerial_validate(resolved, raw, opts, a, d);
}
