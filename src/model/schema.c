/*
 * Dispatch of sources to their language front end and merge into one graph (see schema.h).
 * Prisma-only and Cerial-only schemas go straight to their builder. A mixed schema (issue #4)
 * keeps each language's own validator and builder, and lets relations cross languages by model
 * name: each builder is given "stub" models standing for the other language's models (their id
 * and the relation fields that cross over), written as synthetic source text in that builder's
 * language, so neither builder needs to know about the other. The two graphs are then merged:
 * real models from both, and each cross-language relation taken from the builder of the model
 * that holds the foreign key, so its delete defaults follow that model's language.
 * Diagnostics found in a stub are moved to the real model it stands for.
 * Not for reading files (src/io) or for the language rules themselves (model/prisma_build.c,
 * model/cerial_build.c).
 */
#include "model/schema.h"

#include "model/cerial_build.h"
#include "model/prisma_build.h"
#include "parser/prisma.h"
#include "util/sb.h"

#include <stdlib.h>
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

/* Two lifetimes: the AST's nodes and the builder's tables live in a scratch arena freed here,
 * once the graph is built; the AST's strings (which the graph points at) and the graph live in
 * a. The caller's memory after the build is the graph, not graph + AST. */
static int build_prisma(rm_graph **out, const rm_sources *srcs, rm_arena *a, rm_diags *d)
{
    int rc = RM_OK;
    rm_arena tmp;
    rm_arena_init(&tmp, 256 * 1024);
    rm_prisma_ast **asts = RM_NEW_ARRAY(&tmp, rm_prisma_ast *, srcs->n ? srcs->n : 1);
    /* Anything given explicitly is read as Prisma (io/ already reported unknown extensions
     * where that matters). */
    for (size_t i = 0; i < srcs->n; i++)
        if (rm_prisma_parse_split(&asts[i], srcs->items[i], &tmp, a, d) != RM_OK && rc == RM_OK)
            rc = RM_ESYNTAX;
    int brc = rm_prisma_build_split(out, asts, srcs->n, a, &tmp, d);
    rm_arena_free(&tmp);
    if (rc == RM_OK && brc != RM_OK)
        rc = brc;
    return rc;
}

/* ---- Mixed schemas ------------------------------------------------------------------- */

/* A synthetic source made of stubs, and for each stub the model it stands for (whose location
 * takes the diagnostics found inside the stub). */
typedef struct stub_src {
    rm_source *src;
    size_t *starts; /* byte offset where stub i begins */
    rm_loc *real;   /* name of the real model of stub i */
    size_t n, cap_starts, cap_real;
    /* Cerial stubs of Prisma models with a composite @@id: the model and its key fields */
    const rm_prisma_block **ckey_model;
    const rm_prisma_expr **ckey_fields;
    size_t nckey, cap_ckey_model, cap_ckey_fields;
} stub_src;

static void stub_begin(stub_src *s, rm_arena *a, rm_sb *sb, rm_loc real)
{
    size_t off = sb->len, n = s->n;
    RM_VEC_PUSH(a, s->starts, n, s->cap_starts, off);
    RM_VEC_PUSH(a, s->real, s->n, s->cap_real, real);
}

/* Turn the text of sb into a source with the given id (not added to any rm_sources set: the
 * caller's set is const and the stubs are never shown as files). */
static rm_source *stub_source(rm_arena *a, uint32_t id, const char *path, rm_sb *sb)
{
    rm_source *src = RM_NEW(a, rm_source);
    const char *text = rm_sb_str(sb);
    size_t len = sb->len, nlines = 1, k = 0;
    src->id = id;
    src->path = path;
    src->text = rm_arena_strndup(a, text, len);
    src->len = len;
    for (size_t i = 0; i < len; i++)
        nlines += text[i] == '\n';
    uint32_t *starts = RM_NEW_ARRAY(a, uint32_t, nlines);
    starts[k++] = 0;
    for (size_t i = 0; i < len; i++)
        if (text[i] == '\n')
            starts[k++] = (uint32_t)(i + 1);
    src->line_starts = starts;
    src->nlines = nlines;
    return src;
}

/* Move diagnostics [from, d->n) located in stub source s to the real model they stand for. */
static void relocate(rm_diags *d, size_t from, const stub_src *s)
{
    if (!s->src)
        return;
    for (size_t i = from; i < d->n; i++) {
        rm_diag *g = d->items[i];
        if (g->loc.file != s->src->id)
            continue;
        size_t k = 0;
        while (k + 1 < s->n && s->starts[k + 1] <= g->loc.off)
            k++;
        g->loc = s->n ? s->real[k] : RM_LOC_NONE;
    }
}

static const rm_prisma_attr *pattr(const rm_prisma_field *f, const char *name)
{
    for (size_t i = 0; i < f->nattrs; i++)
        if (!f->attrs[i].block && strcmp(f->attrs[i].name, name) == 0)
            return &f->attrs[i];
    return NULL;
}

static const rm_prisma_field *pfield(const rm_prisma_block *b, const char *name, size_t len)
{
    for (size_t i = 0; i < b->nfields; i++)
        if (strlen(b->fields[i].name) == len && memcmp(b->fields[i].name, name, len) == 0)
            return &b->fields[i];
    return NULL;
}

/* The `fields: [...]` array of a @relation, or NULL. */
static const rm_prisma_expr *relation_fields(const rm_prisma_attr *rel)
{
    if (!rel)
        return NULL;
    for (size_t i = 0; i < rel->args.n; i++)
        if (rel->args.items[i].name && strcmp(rel->args.items[i].name, "fields") == 0 &&
            rel->args.items[i].value.kind == RM_PEXPR_ARRAY)
            return &rel->args.items[i].value;
    return NULL;
}

/* Cerial stubs of the Prisma models: `model P { <id> Record @id ...cross fields }`. A Prisma
 * relation field to a Cerial model with `fields:` becomes a forward relation (its single FK
 * field a Record), one without becomes a reverse one, except a Prisma list whose Cerial
 * model answers with a forward `Relation[] @field` back to P: that is a many-to-many, and the
 * stub holds the Cerial form of it (`Record[]` + `Relation[] @field`) so that both builders
 * make the same implicit m:n (join table `_AToB`). */
static int cmp_str(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* Does Cerial model `target` (raw) hold a forward `Relation[] @field(..) @model(model)`? */
static bool cerial_mn_back(const rm_cerial_schema *raw, const char *target, const char *model)
{
    const rm_cerial_block *cb = rm_cerial_find(raw, RM_CERIAL_MODEL, target);
    for (size_t k = 0; cb && k < cb->nfields; k++) {
        const rm_cerial_field *f = cb->fields[k];
        const rm_cerial_dec *md = rm_cerial_field_dec(f, RM_CD_MODEL);
        if (f->type == RM_CT_RELATION && f->array && rm_cerial_field_dec(f, RM_CD_FIELD) && md &&
            md->value && strcmp(md->value, model) == 0)
            return true;
    }
    return false;
}

/* The field list of a Prisma model's @@id([a, b]) / @@id(fields: [a, b]), or NULL. */
static const rm_prisma_expr *compound_id(const rm_prisma_block *b)
{
    for (size_t i = 0; i < b->nattrs; i++) {
        const rm_prisma_attr *at = &b->attrs[i];
        if (!at->block || strcmp(at->name, "id") != 0)
            continue;
        for (size_t k = 0; k < at->args.n; k++) {
            const rm_prisma_arg *arg = &at->args.items[k];
            if ((arg->name == NULL || strcmp(arg->name, "fields") == 0) &&
                arg->value.kind == RM_PEXPR_ARRAY && arg->value.n > 1)
                return &arg->value;
        }
    }
    return NULL;
}

/* Cerial's type keyword for a Prisma scalar type used in a composite key, or NULL. */
static const char *cerial_scalar(const char *prisma_type)
{
    static const char *const map[][2] = {
        {"String", "String"},   {"Int", "Int"},      {"BigInt", "Int"},    {"Float", "Float"},
        {"Decimal", "Decimal"}, {"Boolean", "Bool"}, {"DateTime", "Date"}, {"Bytes", "Bytes"}};
    for (size_t i = 0; i < RM_ARRAY_LEN(map); i++)
        if (strcmp(map[i][0], prisma_type) == 0)
            return map[i][1];
    return NULL;
}

static bool crosses(const rm_prisma_block *b, const rm_graph *names_cerial, bool *used_cerial)
{
    bool any = false;
    for (size_t k = 0; k < b->nfields; k++) {
        uint32_t c = rm_graph_find_model(names_cerial, b->fields[k].type_name);
        if (c != RM_NONE)
            any = used_cerial[c] = true;
    }
    return any;
}

/* Only models taking part in a cross-language relation get a stub: a stub of an unrelated
 * model could only add the other language's complaints about it (e.g. a Prisma @@id has no
 * Cerial counterpart). A Prisma model takes part when it has a field of a Cerial model type
 * (marked in used_cerial) or a Cerial relation names it (referenced). */
static void cerial_stubs(rm_sb *sb, stub_src *s, rm_arena *a, rm_prisma_ast *const *asts,
                         size_t nasts, const rm_graph *names_cerial, const rm_cerial_schema *raw,
                         bool *used_cerial)
{
    /* the @model(X) names of the Cerial side, sorted for bsearch */
    const char **refs = NULL;
    size_t nrefs = 0, cap = 0;
    for (size_t m = 0; m < raw->n[RM_CERIAL_MODEL]; m++) {
        const rm_cerial_block *cb = raw->blocks[RM_CERIAL_MODEL][m];
        for (size_t k = 0; k < cb->nfields; k++)
            for (size_t x = 0; x < cb->fields[k]->ndecs; x++)
                if (cb->fields[k]->decs[x].kind == RM_CD_MODEL && cb->fields[k]->decs[x].value)
                    RM_VEC_PUSH(a, refs, nrefs, cap, cb->fields[k]->decs[x].value);
    }
    if (nrefs > 1)
        qsort(refs, nrefs, sizeof *refs, cmp_str);
    for (size_t i = 0; i < nasts; i++)
        for (size_t j = 0; j < asts[i]->nblocks; j++) {
            const rm_prisma_block *b = &asts[i]->blocks[j];
            if (b->kind != RM_PBLOCK_MODEL)
                continue;
            bool referenced = crosses(b, names_cerial, used_cerial);
            if (!referenced && nrefs > 0)
                referenced = bsearch(&b->name, refs, nrefs, sizeof *refs, cmp_str) != NULL;
            if (!referenced)
                continue;
            stub_begin(s, a, sb, b->name_loc);
            rm_sb_appendf(sb, "model %s {\n", b->name);
            for (size_t k = 0; k < b->nfields; k++) {
                const rm_prisma_field *f = &b->fields[k];
                if (pattr(f, "id")) {
                    bool intkey = strcmp(f->type_name, "Int") == 0 ||
                                  strcmp(f->type_name, "BigInt") == 0;
                    rm_sb_appendf(sb, "  %s Record%s @id\n", f->name, intkey ? "(int)" : "");
                }
            }
            /* A composite @@id has no Cerial form: the stub gets a synthetic record id and
             * the key fields as plain fields; expand_composite_fks turns each Cerial Record
             * FK to this model into one FK column per key field. */
            const rm_prisma_expr *cid = compound_id(b);
            if (cid != NULL) {
                size_t nm = s->nckey;
                rm_sb_puts(sb, "  __key Record @id\n");
                for (size_t k = 0; k < cid->n; k++) {
                    const rm_prisma_expr *it = &cid->items[k];
                    const rm_prisma_field *kf =
                        it->kind == RM_PEXPR_CONST ? pfield(b, it->text, it->len) : NULL;
                    const char *ct = kf ? cerial_scalar(kf->type_name) : NULL;
                    if (ct != NULL)
                        rm_sb_appendf(sb, "  %s %s\n", kf->name, ct);
                }
                RM_VEC_PUSH(a, s->ckey_model, nm, s->cap_ckey_model, b);
                RM_VEC_PUSH(a, s->ckey_fields, s->nckey, s->cap_ckey_fields, cid);
            }
            for (size_t k = 0; k < b->nfields; k++) {
                const rm_prisma_field *f = &b->fields[k];
                if (rm_graph_find_model(names_cerial, f->type_name) == RM_NONE)
                    continue;
                const rm_prisma_expr *fk = relation_fields(pattr(f, "relation"));
                if (fk && fk->n == 1 && fk->items[0].kind == RM_PEXPR_CONST) {
                    const rm_prisma_field *x = pfield(b, fk->items[0].text, fk->items[0].len);
                    bool xopt = x && x->arity == RM_PARITY_OPTIONAL;
                    rm_sb_appendf(sb, "  %.*s Record%s\n", (int)fk->items[0].len,
                                  fk->items[0].text, xopt ? "?" : "");
                    rm_sb_appendf(sb, "  %s Relation%s @field(%.*s) @model(%s)\n", f->name,
                                  f->arity == RM_PARITY_OPTIONAL ? "?" : "", (int)fk->items[0].len,
                                  fk->items[0].text, f->type_name);
                } else if (fk && fk->n > 1) {
                    /* a composite FK (to a Cerial @@unique): Cerial only needs to see a
                     * forward relation here, so one synthetic Record stands for the columns;
                     * the relation itself comes from the Prisma builder */
                    const char *q = f->arity == RM_PARITY_OPTIONAL ? "?" : "";
                    rm_sb_appendf(sb, "  __%s_ref Record%s\n", f->name, q);
                    rm_sb_appendf(sb, "  %s Relation%s @field(__%s_ref) @model(%s)\n", f->name, q,
                                  f->name, f->type_name);
                } else if (f->arity == RM_PARITY_LIST &&
                           cerial_mn_back(raw, f->type_name, b->name)) {
                    /* the Record[] is synthetic ('__' keeps it apart from real names) */
                    rm_sb_appendf(sb, "  __%s_ids Record[]\n", f->name);
                    rm_sb_appendf(sb, "  %s Relation[] @field(__%s_ids) @model(%s)\n", f->name,
                                  f->name, f->type_name);
                } else if (f->arity == RM_PARITY_LIST) {
                    rm_sb_appendf(sb, "  %s Relation[] @model(%s)\n", f->name, f->type_name);
                } else {
                    rm_sb_appendf(sb, "  %s Relation? @model(%s)\n", f->name, f->type_name);
                }
            }
            rm_sb_puts(sb, "}\n\n");
        }
}

static bool is_stub(const rm_model *m, const stub_src *s)
{
    return s->src && m->loc.file == s->src->id;
}

/* Field positions of model mi that are > x move up by `by` (fields inserted after x): in
 * its keys and indexes and in every relation end, FK and reference list that points into
 * it. */
static void shift_fields(rm_graph *g, uint32_t mi, uint32_t x, uint32_t by)
{
    rm_model *m = &g->models[mi];
#define RM_SHIFT_(v) ((v) = (v) != RM_NONE && (v) > x ? (v) + by : (v))
    for (size_t i = 0; i < m->nindexes; i++)
        for (size_t k = 0; k < m->indexes[i].nfields; k++)
            RM_SHIFT_(m->indexes[i].fields[k].field);
    for (size_t k = 0; m->primary_key && k < m->primary_key->nfields; k++)
        RM_SHIFT_(m->primary_key->fields[k].field);
    for (size_t i = 0; i < g->nrelations; i++) {
        rm_relation *r = &g->relations[i];
        if (r->from.model == mi) {
            RM_SHIFT_(r->from.field);
            for (size_t k = 0; k < r->nfk; k++)
                RM_SHIFT_(r->fk_fields[k]);
        }
        if (r->to.model == mi) {
            RM_SHIFT_(r->to.field);
            for (size_t k = 0; k < r->nfk; k++)
                RM_SHIFT_(r->ref_fields[k]);
        }
    }
#undef RM_SHIFT_
}

/* A Cerial FK (`xId Record` + `x Relation @field(xId) @model(P)`) to a Prisma model P with a
 * composite @@id([a, b]) becomes a composite FK in the Cerial graph: xId is replaced by xId_a,
 * xId_b in its place (one column per key field, of that field's type, optional when xId is),
 * referencing P's key fields; an index on xId alone (the UNIQUE of a one-to-one) covers all
 * of them. A key field of a type Cerial cannot carry (enum, Json, ...) is reported (E0481). */
static int expand_composite_fks(rm_graph *cg, const stub_src *cst, rm_arena *a, rm_diags *d)
{
    int rc = RM_OK;
    for (size_t ri = 0; ri < cg->nrelations; ri++) {
        rm_relation *r = &cg->relations[ri];
        rm_model *fm = &cg->models[r->from.model];
        const rm_model *tm = &cg->models[r->to.model];
        const rm_prisma_expr *keys = NULL;
        if (r->nfk != 1 || is_stub(fm, cst) || !is_stub(tm, cst))
            continue;
        for (size_t k = 0; k < cst->nckey && !keys; k++)
            if (strcmp(cst->ckey_model[k]->name, tm->name) == 0)
                keys = cst->ckey_fields[k];
        if (keys == NULL)
            continue;
        size_t n = keys->n, x = r->fk_fields[0], base = fm->nfields;
        uint32_t *refs = RM_NEW_ARRAY(a, uint32_t, n);
        bool ok = true;
        for (size_t k = 0; k < n; k++) {
            char *kn = rm_arena_strndup(a, keys->items[k].text, keys->items[k].len);
            refs[k] = rm_model_find_field(tm, kn);
            ok = ok && refs[k] != RM_NONE;
        }
        if (!ok) {
            rm_diag_error(d, RM_E_MIXED_CROSS_KEY, fm->fields[x].loc,
                          "%s references %s, whose composite key has a field of a type a "
                          "Cerial Record cannot carry (only String, Int, BigInt, Float, "
                          "Decimal, Boolean, DateTime and Bytes key fields are supported)",
                          fm->fields[x].name, tm->name);
            rc = RM_ESEMANTIC;
            continue;
        }
        shift_fields(cg, r->from.model, (uint32_t)x, (uint32_t)(n - 1));
        rm_field *nf = RM_NEW_ARRAY(a, rm_field, base + n - 1);
        memcpy(nf, fm->fields, (x + 1) * sizeof(rm_field));
        memcpy(nf + x + n, fm->fields + x + 1, (base - x - 1) * sizeof(rm_field));
        uint32_t *fks = RM_NEW_ARRAY(a, uint32_t, n);
        for (size_t k = 0; k < n; k++) {
            size_t at = x + k;
            const rm_field *kf = &tm->fields[refs[k]];
            nf[at] = fm->fields[x];
            nf[at].name = rm_arena_sprintf(a, "%s_%s", fm->fields[x].name, kf->name);
            nf[at].db_name = nf[at].name;
            nf[at].scalar = kf->scalar;
            nf[at].type_name = kf->type_name;
            nf[at].native = kf->native;
            fks[k] = (uint32_t)at;
        }
        for (size_t i = 0; i < fm->nindexes; i++) {
            rm_index *ix = &fm->indexes[i];
            if (ix->nfields != 1 || ix->fields[0].field != x)
                continue;
            rm_index_field *ifs = RM_NEW_ARRAY(a, rm_index_field, n);
            for (size_t k = 0; k < n; k++) {
                ifs[k] = ix->fields[0];
                ifs[k].field = fks[k];
            }
            ix->fields = ifs;
            ix->nfields = n;
            ix->field_level = false;
        }
        fm->fields = nf;
        fm->nfields = base + n - 1;
        r->fk_fields = fks;
        r->ref_fields = refs;
        r->nfk = n;
    }
    return rc;
}

/* Prisma stubs of the real Cerial models, from the Cerial graph: the primary key and the
 * relation fields (with their FK fields) whose other end is a Prisma model. */
static void prisma_stubs(rm_sb *sb, stub_src *s, rm_arena *a, const rm_graph *cg,
                         const stub_src *cstubs, const rm_graph *names_cerial,
                         const bool *used_cerial)
{
    for (size_t i = 0; i < cg->nmodels; i++) {
        const rm_model *m = &cg->models[i];
        if (is_stub(m, cstubs))
            continue;
        /* only models in a cross-language relation (see cerial_stubs) */
        uint32_t c = rm_graph_find_model(names_cerial, m->name);
        bool cross = c != RM_NONE && used_cerial[c];
        for (size_t k = 0; k < m->nfields && !cross; k++)
            cross = m->fields[k].kind == RM_FIELD_RELATION && m->fields[k].type_ref != RM_NONE &&
                    is_stub(&cg->models[m->fields[k].type_ref], cstubs);
        if (!cross)
            continue;
        bool *done = RM_NEW_ARRAY(a, bool, m->nfields ? m->nfields : 1);
        stub_begin(s, a, sb, m->name_loc);
        rm_sb_appendf(sb, "model %s {\n", m->name);
        if (m->primary_key)
            for (size_t k = 0; k < m->primary_key->nfields; k++) {
                const rm_field *f = &m->fields[m->primary_key->fields[k].field];
                done[m->primary_key->fields[k].field] = true;
                rm_sb_appendf(sb, "  %s %s%s\n", f->name, rm_scalar_name(f->scalar),
                              m->primary_key->nfields == 1 ? " @id" : "");
            }
        /* its unique keys over plain columns, which a Prisma FK may reference (the composite
         * FKs of cerial_stubs); Prisma checks the references against them */
        bool *ukey = RM_NEW_ARRAY(a, bool, m->nindexes + 1);
        for (size_t u = 0; u < m->nindexes; u++) {
            const rm_index *ix = &m->indexes[u];
            bool plain = ix->kind == RM_INDEX_UNIQUE;
            for (size_t k = 0; k < ix->nfields && plain; k++) {
                const rm_field *f = &m->fields[ix->fields[k].field];
                plain = f->kind == RM_FIELD_SCALAR && !f->list && f->scalar != RM_SCALAR_ENUM &&
                        f->scalar != RM_SCALAR_UNSUPPORTED;
            }
            ukey[u] = plain;
            for (size_t k = 0; k < ix->nfields && plain; k++) {
                const rm_field *f = &m->fields[ix->fields[k].field];
                if (done[ix->fields[k].field])
                    continue;
                done[ix->fields[k].field] = true;
                rm_sb_appendf(sb, "  %s %s%s\n", f->name, rm_scalar_name(f->scalar),
                              f->optional ? "?" : "");
            }
        }
        for (size_t k = 0; k < m->nfields; k++) {
            const rm_field *f = &m->fields[k];
            if (f->kind != RM_FIELD_RELATION || f->relation == RM_NONE)
                continue;
            const rm_relation *r = &cg->relations[f->relation];
            bool forward = r->from.model == i && r->from.field == k;
            const rm_model *o = &cg->models[forward ? r->to.model : r->from.model];
            if (!is_stub(o, cstubs))
                continue;
            if (r->card == RM_CARD_MANY_TO_MANY_IMPLICIT) {
                /* Prisma's implicit m:n: a list on both sides, no FK */
                rm_sb_appendf(sb, "  %s %s[]\n", f->name, o->name);
                continue;
            }
            if (!forward) {
                rm_sb_appendf(sb, "  %s %s%s\n", f->name, o->name, f->list ? "[]" : "?");
                continue;
            }
            for (size_t x = 0; x < r->nfk; x++) {
                const rm_field *fk = &m->fields[r->fk_fields[x]];
                if (done[r->fk_fields[x]])
                    continue;
                done[r->fk_fields[x]] = true;
                rm_sb_appendf(sb, "  %s %s%s%s\n", fk->name, rm_scalar_name(fk->scalar),
                              fk->optional ? "?" : "",
                              r->card == RM_CARD_ONE_TO_ONE && r->nfk == 1 ? " @unique" : "");
            }
            rm_sb_appendf(sb, "  %s %s%s @relation(fields: [", f->name, o->name,
                          f->optional ? "?" : "");
            for (size_t x = 0; x < r->nfk; x++)
                rm_sb_appendf(sb, "%s%s", x ? ", " : "", m->fields[r->fk_fields[x]].name);
            rm_sb_puts(sb, "], references: [");
            for (size_t x = 0; x < r->nfk; x++)
                rm_sb_appendf(sb, "%s%s", x ? ", " : "", o->fields[r->ref_fields[x]].name);
            rm_sb_puts(sb, "])\n");
            if (r->card == RM_CARD_ONE_TO_ONE && r->nfk > 1) {
                /* a one-to-one over a composite FK (expand_composite_fks) */
                rm_sb_puts(sb, "  @@unique([");
                for (size_t x = 0; x < r->nfk; x++)
                    rm_sb_appendf(sb, "%s%s", x ? ", " : "", m->fields[r->fk_fields[x]].name);
                rm_sb_puts(sb, "])\n");
            }
        }
        for (size_t u = 0; u < m->nindexes; u++) {
            if (!ukey[u])
                continue;
            rm_sb_puts(sb, "  @@unique([");
            for (size_t k = 0; k < m->indexes[u].nfields; k++)
                rm_sb_appendf(sb, "%s%s", k ? ", " : "",
                              m->fields[m->indexes[u].fields[k].field].name);
            rm_sb_puts(sb, "])\n");
        }
        if (m->primary_key && m->primary_key->nfields > 1) {
            rm_sb_puts(sb, "  @@id([");
            for (size_t k = 0; k < m->primary_key->nfields; k++)
                rm_sb_appendf(sb, "%s%s", k ? ", " : "",
                              m->fields[m->primary_key->fields[k].field].name);
            rm_sb_puts(sb, "])\n");
        }
        rm_sb_puts(sb, "}\n\n");
    }
}

/* Names of the models and enums of the raw Cerial blocks (for the stubs and the duplicate
 * check), as a sorted name-only graph so rm_graph_find_model/enum work on it. A name defined
 * twice keeps its first definition (Cerial reports the duplicate itself). */
typedef struct named_loc {
    const char *name;
    rm_loc loc;
    size_t order;
} named_loc;

static int cmp_named_loc(const void *x, const void *y)
{
    const named_loc *p = x, *q = y;
    int c = strcmp(p->name, q->name);
    return c ? c : (p->order > q->order) - (p->order < q->order);
}

static size_t sorted_names(named_loc *v, size_t n)
{
    size_t k = 0;
    if (n > 1)
        qsort(v, n, sizeof *v, cmp_named_loc);
    for (size_t i = 0; i < n; i++)
        if (k == 0 || strcmp(v[k - 1].name, v[i].name) != 0)
            v[k++] = v[i];
    return k;
}

static rm_graph *cerial_names(const rm_cerial_schema *raw, rm_arena *a)
{
    rm_graph *g = RM_NEW(a, rm_graph);
    size_t nm = 0, ne = 0;
    named_loc *m = RM_NEW_ARRAY(a, named_loc, raw->n[RM_CERIAL_MODEL] + 1);
    named_loc *e = RM_NEW_ARRAY(a, named_loc, raw->n[RM_CERIAL_ENUM] + 1);
    for (size_t i = 0; i < raw->n[RM_CERIAL_MODEL]; i++) {
        const rm_cerial_block *b = raw->blocks[RM_CERIAL_MODEL][i];
        if (!b->abstract && b->name)
            m[nm++] = (named_loc){b->name, b->name_loc, i};
    }
    for (size_t i = 0; i < raw->n[RM_CERIAL_ENUM]; i++) {
        const rm_cerial_block *b = raw->blocks[RM_CERIAL_ENUM][i];
        if (b->name)
            e[ne++] = (named_loc){b->name, b->name_loc, i};
    }
    nm = sorted_names(m, nm);
    ne = sorted_names(e, ne);
    g->models = RM_NEW_ARRAY(a, rm_model, nm + 1);
    g->enums = RM_NEW_ARRAY(a, rm_enum, ne + 1);
    for (size_t i = 0; i < nm; i++) {
        g->models[i].name = m[i].name;
        g->models[i].name_loc = m[i].loc;
    }
    for (size_t i = 0; i < ne; i++) {
        g->enums[i].name = e[i].name;
        g->enums[i].loc = e[i].loc;
    }
    g->nmodels = nm;
    g->nenums = ne;
    return g;
}

/* A model or enum name used in both languages: one error naming both files. */
static int check_duplicates(const rm_sources *srcs, rm_prisma_ast *const *asts, size_t nasts,
                            const rm_graph *cn, rm_diags *d)
{
    int rc = RM_OK;
    for (size_t i = 0; i < nasts; i++)
        for (size_t j = 0; j < asts[i]->nblocks; j++) {
            const rm_prisma_block *b = &asts[i]->blocks[j];
            rm_loc other = RM_LOC_NONE;
            uint32_t k;
            if (b->kind == RM_PBLOCK_MODEL || b->kind == RM_PBLOCK_ENUM) {
                if ((k = rm_graph_find_model(cn, b->name)) != RM_NONE)
                    other = cn->models[k].name_loc;
                else if ((k = rm_graph_find_enum(cn, b->name)) != RM_NONE)
                    other = cn->enums[k].loc;
            }
            if (other.file == RM_FILE_NONE)
                continue;
            const rm_source *ps = rm_sources_get(srcs, b->name_loc.file);
            const rm_source *cs = rm_sources_get(srcs, other.file);
            rm_diag *g = rm_diag_error(d, RM_E_MIXED_DUPLICATE_NAME, other,
                                       "\"%s\" is defined both in %s and in %s", b->name,
                                       ps ? ps->path : "?", cs ? cs->path : "?");
            rm_diag_set_hint(d, g, "rename one of them: Prisma and Cerial files of one schema "
                                   "share one namespace of model and enum names");
            rc = RM_ESEMANTIC;
        }
    return rc;
}

/* Merge state: the two graphs and which of their models are stubs. */
typedef struct merge {
    rm_graph *g;
    const rm_graph *src[2]; /* 0 Prisma, 1 Cerial */
    const stub_src *stubs[2];
} merge;

static uint32_t field_by_name(const rm_model *m, const char *name)
{
    return name ? rm_model_find_field(m, name) : RM_NONE;
}

/* Copy relation r of graph `which` into the merged graph, remapping by names. */
static void take_relation(merge *mg, int which, const rm_relation *r, rm_arena *a)
{
    const rm_graph *sg = mg->src[which];
    rm_graph *g = mg->g;
    const rm_model *sf = &sg->models[r->from.model], *st = &sg->models[r->to.model];
    rm_relation nr = *r;
    nr.from.model = rm_graph_find_model(g, sf->name);
    nr.to.model = rm_graph_find_model(g, st->name);
    if (nr.from.model == RM_NONE || nr.to.model == RM_NONE)
        return;
    const rm_model *gf = &g->models[nr.from.model], *gt = &g->models[nr.to.model];
    nr.from.field = r->from.field == RM_NONE ? RM_NONE
                                             : field_by_name(gf, sf->fields[r->from.field].name);
    nr.to.field = r->to.field == RM_NONE ? RM_NONE
                                         : field_by_name(gt, st->fields[r->to.field].name);
    nr.fk_fields = RM_NEW_ARRAY(a, uint32_t, r->nfk ? r->nfk : 1);
    nr.ref_fields = RM_NEW_ARRAY(a, uint32_t, r->nfk ? r->nfk : 1);
    for (size_t i = 0; i < r->nfk; i++) {
        nr.fk_fields[i] = field_by_name(gf, sf->fields[r->fk_fields[i]].name);
        nr.ref_fields[i] = field_by_name(gt, st->fields[r->ref_fields[i]].name);
        if (nr.fk_fields[i] == RM_NONE || nr.ref_fields[i] == RM_NONE)
            return;
    }
    g->relations[g->nrelations++] = nr;
}

static int cmp_model(const void *x, const void *y)
{
    return strcmp(((const rm_model *)x)->name, ((const rm_model *)y)->name);
}

static rm_graph *merge_graphs(const rm_graph *pg, const rm_graph *cg, const stub_src *pstubs,
                              const stub_src *cstubs, rm_arena *a)
{
    merge mg = {RM_NEW(a, rm_graph), {pg, cg}, {pstubs, cstubs}};
    rm_graph *g = mg.g;
    *g = *pg; /* provider, datasource, preview features: only Prisma has them */
    g->models = RM_NEW_ARRAY(a, rm_model, pg->nmodels + cg->nmodels + 1);
    g->nmodels = 0;
    g->enums = RM_NEW_ARRAY(a, rm_enum, pg->nenums + cg->nenums + 1);
    g->nenums = 0;
    g->relations = RM_NEW_ARRAY(a, rm_relation, pg->nrelations + cg->nrelations + 1);
    g->nrelations = 0;
    for (int w = 0; w < 2; w++) {
        const rm_graph *sg = mg.src[w];
        for (size_t i = 0; i < sg->nmodels; i++) {
            if (is_stub(&sg->models[i], mg.stubs[w]))
                continue;
            rm_model *m = &g->models[g->nmodels++];
            *m = sg->models[i];
            m->fields = RM_NEW_ARRAY(a, rm_field, m->nfields ? m->nfields : 1);
            memcpy(m->fields, sg->models[i].fields, m->nfields * sizeof(rm_field));
        }
        for (size_t i = 0; i < sg->nenums; i++)
            g->enums[g->nenums++] = sg->enums[i];
    }
    /* Sorted by name so the lookups below work; rm_graph_sort at the end remaps nothing more
     * since the indexes are rebuilt here by name. */
    qsort(g->models, g->nmodels, sizeof(rm_model), cmp_model);
    for (size_t i = 0; i < g->nmodels; i++)
        for (size_t k = 0; k < g->models[i].nfields; k++) {
            rm_field *f = &g->models[i].fields[k];
            const rm_graph *sg = mg.src[g->models[i].syntax == RM_SYNTAX_CERIAL];
            f->relation = RM_NONE;
            if (f->kind == RM_FIELD_RELATION && f->type_ref != RM_NONE)
                f->type_ref = rm_graph_find_model(g, sg->models[f->type_ref].name);
        }
    /* Each relation once: from the builder of the model holding the foreign key (for m:n, of
     * model A); relations whose FK holder is a stub are the other builder's. */
    for (int w = 0; w < 2; w++) {
        const rm_graph *sg = mg.src[w];
        for (size_t i = 0; i < sg->nrelations; i++)
            if (!is_stub(&sg->models[sg->relations[i].from.model], mg.stubs[w]))
                take_relation(&mg, w, &sg->relations[i], a);
    }
    rm_graph_sort(g, a);
    for (size_t i = 0; i < g->nmodels; i++)
        for (size_t k = 0; k < g->models[i].nfields; k++) {
            rm_field *f = &g->models[i].fields[k];
            if (f->kind == RM_FIELD_SCALAR && f->scalar == RM_SCALAR_ENUM)
                f->type_ref = rm_graph_find_enum(g, f->type_name);
        }
    for (uint32_t r = 0; r < g->nrelations; r++) {
        const rm_relation *rel = &g->relations[r];
        if (rel->from.field != RM_NONE)
            g->models[rel->from.model].fields[rel->from.field].relation = r;
        if (rel->to.field != RM_NONE)
            g->models[rel->to.model].fields[rel->to.field].relation = r;
    }
    return g;
}

static int build_mixed(rm_graph **out, const rm_sources *srcs, rm_arena *a, rm_diags *d)
{
    int rc = RM_OK;
    size_t n = srcs->n, np = 0, nc = 0;
    rm_prisma_ast **asts = RM_NEW_ARRAY(a, rm_prisma_ast *, n + 1);
    uint32_t *cids = RM_NEW_ARRAY(a, uint32_t, n + 1);
    stub_src cst = {0}, pst = {0};
    rm_sb sb;

    *out = RM_NEW(a, rm_graph);
    for (size_t i = 0; i < n; i++) {
        const rm_source *src = srcs->items[i];
        if (has_ext(src->path, ".cerial")) {
            cids[nc++] = src->id;
        } else if (rm_prisma_parse(&asts[np++], src, a, d) != RM_OK) {
            rc = RM_ESYNTAX;
        }
    }
    /* Names of the Cerial side first (its parse errors are reported by the real check below,
     * so this pass reports into a scratch list). */
    rm_diags scratch;
    rm_cerial_schema *raw = NULL;
    rm_diags_init(&scratch);
    rm_cerial_parse(&raw, NULL, srcs, cids, nc, a, &scratch);
    rm_diags_free(&scratch);
    const rm_graph *cnames = cerial_names(raw, a);
    if (check_duplicates(srcs, asts, np, cnames, d) != RM_OK)
        return RM_ESEMANTIC;

    /* Cerial: the real files plus the Prisma models as stubs, in a view of srcs that also
     * holds the stub source (id n, which no real source has). */
    rm_sources view = *srcs;
    view.items = RM_NEW_ARRAY(a, rm_source *, n + 2);
    memcpy(view.items, srcs->items, n * sizeof(rm_source *));
    rm_sb_init(&sb, 0);
    bool *used_cerial = RM_NEW_ARRAY(a, bool, cnames->nmodels + 1);
    cerial_stubs(&sb, &cst, a, asts, np, cnames, raw, used_cerial);
    cst.src = stub_source(a, (uint32_t)n, "<prisma models seen from cerial>", &sb);
    view.items[n] = cst.src;
    view.n = n + 1;
    cids[nc] = cst.src->id;
    size_t mark = d->n;
    rm_cerial_schema *resolved = NULL;
    rm_cerial_opts opts = {false};
    rm_graph *cg = NULL;
    int crc = rm_cerial_check(&resolved, NULL, &view, cids, nc + 1, &opts, a, d);
    if (crc == RM_OK)
        crc = rm_cerial_build(&cg, resolved, a, d);
    if (crc == RM_OK && cg)
        crc = expand_composite_fks(cg, &cst, a, d);
    relocate(d, mark, &cst);
    if (crc != RM_OK || !cg) {
        rm_sb_free(&sb);
        /* Without a Cerial graph there are no Prisma stubs: the Prisma files are still
         * checked so their own errors are reported too; relations into Cerial models then
         * fail to resolve, so only the Prisma errors of other kinds are worth showing, and
         * telling which is which would need the stubs: keep Cerial's errors only. */
        return crc != RM_OK ? crc : RM_ESEMANTIC;
    }

    /* Prisma: the real files plus the Cerial models as stubs. */
    rm_sb_reset(&sb);
    prisma_stubs(&sb, &pst, a, cg, &cst, cnames, used_cerial);
    pst.src = stub_source(a, (uint32_t)n + 1, "<cerial models seen from prisma>", &sb);
    rm_sb_free(&sb);
    mark = d->n;
    if (rm_prisma_parse(&asts[np], pst.src, a, d) != RM_OK && rc == RM_OK)
        rc = RM_ESEMANTIC;
    rm_graph *pg = NULL;
    int prc = rm_prisma_build(&pg, asts, np + 1, a, d);
    relocate(d, mark, &pst);
    if (rc == RM_OK && prc != RM_OK)
        rc = prc;
    *out = merge_graphs(pg, cg, &pst, &cst, a);
    return rc;
}

int rm_schema_build(rm_graph **out, const rm_sources *srcs, rm_arena *a, rm_diags *d)
{
    size_t ncerial = 0;
    for (size_t i = 0; i < srcs->n; i++)
        ncerial += has_ext(srcs->items[i]->path, ".cerial");
    if (ncerial > 0 && ncerial == srcs->n)
        return build_cerial(out, srcs, a, d);
    if (ncerial == 0)
        return build_prisma(out, srcs, a, d);
    return build_mixed(out, srcs, a, d);
}
