/*
 * Cerial -> relation graph (see cerial_build.h and docs/cerial.md, "Into the relation graph").
 * Works on the resolved schema rm_cerial_validate returns, so inheritance is already flattened
 * and relations are known to be consistent; anything SQL cannot express becomes an E0460
 * warning at the construct's location. Not for validation: a schema that did not validate is
 * not mapped.
 */
#include "model/cerial_build.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef struct bst {
    const rm_cerial_schema *s;
    rm_arena *a;
    rm_diags *d;
    rm_graph *g;
    size_t nmodels;
    /* per resolved model: primary-key field position in its Cerial field list (or SIZE_MAX),
     * the pk scalar and native type, and Cerial field position -> graph field index */
    size_t *pk;
    rm_scalar *pk_scalar;
    const char **pk_native;
    uint32_t **fmap;
    size_t *fcap;
    size_t *icap;
    size_t rcap;
    rm_cerial_nmap **rmaps; /* per model, see rel_map */
    size_t ecap;
} bst;

static void warn(bst *b, rm_loc loc, const char *fmt, ...) RM_PRINTF(3, 4);
static void warn(bst *b, rm_loc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rm_diag_vadd(b->d, RM_SEV_WARNING, RM_E_CERIAL_MAP_UNSUPPORTED, loc, fmt, ap);
    va_end(ap);
}

static bool has_dec(const rm_cerial_field *f, rm_cerial_dec_kind k)
{
    return rm_cerial_field_dec(f, k) != NULL;
}

static const char *dec_value(const rm_cerial_field *f, rm_cerial_dec_kind k)
{
    const rm_cerial_dec *d = rm_cerial_field_dec(f, k);
    return d ? d->value : NULL;
}

static bool streq(const char *x, const char *y)
{
    return x != NULL && y != NULL && strcmp(x, y) == 0;
}

static const rm_cerial_block *model_at(const bst *b, size_t i)
{
    return b->s->blocks[RM_CERIAL_MODEL][i];
}

static size_t model_pos(const bst *b, const char *name)
{
    return rm_cerial_find_pos(b->s, RM_CERIAL_MODEL, name);
}

static size_t field_pos(const rm_cerial_block *m, const char *name)
{
    size_t i;
    if (name == NULL)
        return SIZE_MAX;
    if (m->field_index != NULL)
        return rm_cerial_nmap_get(m->field_index, name, &i, NULL) ? i : SIZE_MAX;
    for (i = 0; i < m->nfields; i++)
        if (streq(m->fields[i]->name, name))
            return i;
    return SIZE_MAX;
}

/* ---------------------------------------------------------------------------------------- */
/* Enums: Cerial enums, and literals whose variants are all strings (directly or through     */
/* enums and other string-only literals). Other literals become Json.                       */

static bool literal_strings(bst *b, const rm_cerial_block *lit, const char ***vals, size_t *n,
                            size_t *cap, int depth)
{
    size_t i, j;
    if (depth > 16)
        return false;
    if (lit->kind == RM_CERIAL_ENUM) {
        for (i = 0; i < lit->nvalues; i++) {
            for (j = 0; j < *n && strcmp((*vals)[j], lit->values[i]) != 0; j++) {
            }
            if (j == *n)
                RM_VEC_PUSH(b->a, *vals, *n, *cap, lit->values[i]);
        }
        return true;
    }
    for (i = 0; i < lit->nvariants; i++) {
        const rm_cerial_variant *v = &lit->variants[i];
        if (v->kind == RM_CVAR_STRING) {
            for (j = 0; j < *n && strcmp((*vals)[j], v->text) != 0; j++) {
            }
            if (j == *n)
                RM_VEC_PUSH(b->a, *vals, *n, *cap, v->text);
        } else if (v->kind == RM_CVAR_LITERAL_REF) {
            const rm_cerial_block *r = rm_cerial_find(b->s, RM_CERIAL_ENUM, v->text);
            if (r == NULL)
                r = rm_cerial_find(b->s, RM_CERIAL_LITERAL, v->text);
            if (r == NULL || !literal_strings(b, r, vals, n, cap, depth + 1))
                return false;
        } else {
            return false;
        }
    }
    return true;
}

static void add_enum(bst *b, const rm_cerial_block *blk)
{
    const char **vals = NULL;
    size_t n = 0, cap = 0, i;
    rm_enum e;
    if (rm_graph_find_enum(b->g, blk->name) != RM_NONE)
        return; /* an enum and a literal of one name: the first wins */
    for (i = 0; i < b->g->nenums; i++)
        if (strcmp(b->g->enums[i].name, blk->name) == 0)
            return;
    if (!literal_strings(b, blk, &vals, &n, &cap, 0)) {
        warn(b, blk->loc,
             "literal %s mixes non-string variants; fields of this type are stored as Json",
             blk->name);
        return;
    }
    memset(&e, 0, sizeof(e));
    e.name = blk->name;
    e.db_name = blk->name;
    e.loc = blk->loc;
    e.syntax = RM_SYNTAX_CERIAL;
    e.values = RM_NEW_ARRAY(b->a, rm_enum_value, n + 1);
    e.nvalues = n;
    for (i = 0; i < n; i++) {
        e.values[i].name = vals[i];
        e.values[i].db_name = vals[i];
        e.values[i].loc = blk->loc;
    }
    RM_VEC_PUSH(b->a, b->g->enums, b->g->nenums, b->ecap, e);
}

static bool is_enum_type(const bst *b, const char *name)
{
    size_t i;
    for (i = 0; i < b->g->nenums; i++)
        if (strcmp(b->g->enums[i].name, name) == 0)
            return true;
    return false;
}

/* ---------------------------------------------------------------------------------------- */
/* Scalars                                                                                   */

/* The key type of a `Record(...)` id (plain Record: SurrealDB's random string ids). */
static rm_scalar record_id_scalar(bst *b, const rm_cerial_field *f, const char **native)
{
    *native = NULL;
    if (f->nrecord_types == 0)
        return RM_SCALAR_STRING;
    if (f->nrecord_types > 1) {
        warn(b, f->type_loc,
             "a record id of several types (%s, ...) has no SQL type; stored as String",
             f->record_types[0]);
        return RM_SCALAR_STRING;
    }
    if (strcmp(f->record_types[0], "int") == 0)
        return RM_SCALAR_INT;
    if (strcmp(f->record_types[0], "number") == 0)
        return RM_SCALAR_FLOAT;
    if (strcmp(f->record_types[0], "string") == 0)
        return RM_SCALAR_STRING;
    if (strcmp(f->record_types[0], "uuid") == 0) {
        *native = "Uuid";
        return RM_SCALAR_STRING;
    }
    warn(b, f->type_loc,
         "a record id of tuple/object type %s is stored as one Json column, not a composite key",
         f->record_types[0]);
    return RM_SCALAR_JSON;
}

static rm_scalar plain_scalar(bst *b, const rm_cerial_field *f, const char **native)
{
    *native = NULL;
    switch (f->type) {
    case RM_CT_STRING:
    case RM_CT_EMAIL:
        return RM_SCALAR_STRING;
    case RM_CT_INT:
        return RM_SCALAR_INT;
    case RM_CT_FLOAT:
    case RM_CT_NUMBER:
        return RM_SCALAR_FLOAT;
    case RM_CT_BOOL:
        return RM_SCALAR_BOOLEAN;
    case RM_CT_DATE:
        return RM_SCALAR_DATETIME;
    case RM_CT_UUID:
        *native = "Uuid";
        return RM_SCALAR_STRING;
    case RM_CT_DURATION:
        warn(b, f->type_loc, "Duration has no portable SQL type; field %s is stored as String",
             f->name);
        return RM_SCALAR_STRING;
    case RM_CT_DECIMAL:
        return RM_SCALAR_DECIMAL;
    case RM_CT_BYTES:
        return RM_SCALAR_BYTES;
    case RM_CT_LITERAL:
        return is_enum_type(b, f->type_name) ? RM_SCALAR_ENUM : RM_SCALAR_JSON;
    case RM_CT_RECORD:
        return record_id_scalar(b, f, native);
    case RM_CT_GEOMETRY:
    case RM_CT_ANY:
    case RM_CT_OBJECT:
    case RM_CT_TUPLE:
        return RM_SCALAR_JSON;
    case RM_CT_RELATION:
        return RM_SCALAR_NONE;
    }
    return RM_SCALAR_JSON;
}

static void set_default(bst *b, rm_field *gf, const rm_cerial_field *f)
{
    const rm_cerial_dec *d = rm_cerial_field_dec(f, RM_CD_DEFAULT);
    const rm_cerial_dec *da = rm_cerial_field_dec(f, RM_CD_DEFAULT_ALWAYS);
    if (d == NULL && da != NULL) {
        warn(b, da->loc,
             "@defaultAlways rewrites %s on every write in Cerial; SQL keeps only the default",
             f->name);
        d = da;
    }
    if (d != NULL && d->value != NULL) {
        gf->def.loc = d->loc;
        switch (d->vkind) {
        case RM_CV_NULL:
        case RM_CV_NONE:
            gf->def.kind = RM_DEFAULT_NONE;
            break;
        case RM_CV_BOOL:
            gf->def.kind = RM_DEFAULT_BOOL;
            gf->def.boolean = strcmp(d->value, "true") == 0;
            break;
        case RM_CV_INT:
        case RM_CV_FLOAT:
            gf->def.kind = RM_DEFAULT_NUMBER;
            gf->def.text = d->value;
            break;
        case RM_CV_STRING:
            gf->def.kind = gf->scalar == RM_SCALAR_ENUM ? RM_DEFAULT_ENUM : RM_DEFAULT_STRING;
            gf->def.text = d->value;
            break;
        }
        return;
    }
    if (has_dec(f, RM_CD_CREATED_AT) || has_dec(f, RM_CD_NOW) || has_dec(f, RM_CD_UPDATED_AT)) {
        gf->def.kind = RM_DEFAULT_NOW;
        gf->updated_at = has_dec(f, RM_CD_UPDATED_AT);
        if (has_dec(f, RM_CD_NOW))
            warn(b, f->loc,
                 "@now is computed on every read in Cerial; SQL stores %s with a now() default",
                 f->name);
    } else if (has_dec(f, RM_CD_UUID) || has_dec(f, RM_CD_UUID4)) {
        gf->def.kind = RM_DEFAULT_UUID;
        gf->def.version = 4;
    } else if (has_dec(f, RM_CD_UUID7)) {
        gf->def.kind = RM_DEFAULT_UUID;
        gf->def.version = 7;
    }
}

/* ---------------------------------------------------------------------------------------- */

static void add_index(bst *b, size_t mi, rm_index_kind kind, const uint32_t *fields, size_t n,
                      const char *name, bool field_level, rm_loc loc)
{
    rm_model *m = &b->g->models[mi];
    rm_index ix;
    size_t i;
    memset(&ix, 0, sizeof(ix));
    ix.kind = kind;
    ix.fields = RM_NEW_ARRAY(b->a, rm_index_field, n);
    for (i = 0; i < n; i++)
        ix.fields[i].field = fields[i];
    ix.nfields = n;
    ix.name = name;
    ix.map = name;
    ix.clustered = -1;
    ix.field_level = field_level;
    ix.loc = loc;
    RM_VEC_PUSH(b->a, m->indexes, m->nindexes, b->icap[mi], ix);
}

static bool has_unique_on(const rm_model *m, uint32_t field)
{
    size_t i;
    if (m->primary_key != NULL && m->primary_key->nfields == 1 &&
        m->primary_key->fields[0].field == field)
        return true;
    for (i = 0; i < m->nindexes; i++)
        if (m->indexes[i].kind == RM_INDEX_UNIQUE && m->indexes[i].nfields == 1 &&
            m->indexes[i].fields[0].field == field)
            return true;
    return false;
}

/* The forward relation of m whose @field names rec, or NULL. fwd maps @field values to
 * relation positions (built once per model: a scan per field would be quadratic). */
static const rm_cerial_field *forward_for(const rm_cerial_block *m, const rm_cerial_nmap *fwd,
                                          const rm_cerial_field *rec)
{
    size_t i;
    return rm_cerial_nmap_get(fwd, rec->name, &i, NULL) ? m->fields[i] : NULL;
}

/* Does the object or tuple type_name carry decorators on its own fields/elements (defaults,
 * indexes, timestamps...)? Those live inside the Json column and are not expressed in SQL. */
static bool has_decorated_parts(const bst *b, const rm_cerial_field *f)
{
    const rm_cerial_block *t = NULL;
    size_t i;
    if (f->type == RM_CT_OBJECT)
        t = rm_cerial_find(b->s, RM_CERIAL_OBJECT, f->type_name);
    else if (f->type == RM_CT_TUPLE)
        t = rm_cerial_find(b->s, RM_CERIAL_TUPLE, f->type_name);
    if (t == NULL)
        return false;
    for (i = 0; i < t->nfields; i++)
        if (t->fields[i]->ndecs > 0)
            return true;
    return false;
}

static void build_model_fields(bst *b, size_t mi)
{
    const rm_cerial_block *cm = model_at(b, mi);
    rm_model *m = &b->g->models[mi];
    size_t i;
    const char **fwd_names = RM_NEW_ARRAY(b->a, const char *, cm->nfields + 1);
    rm_cerial_nmap fwd;
    for (i = 0; i < cm->nfields; i++)
        fwd_names[i] =
            cm->fields[i]->type == RM_CT_RELATION ? dec_value(cm->fields[i], RM_CD_FIELD) : NULL;
    rm_cerial_nmap_build(&fwd, b->a, fwd_names, cm->nfields);
    b->fmap[mi] = RM_NEW_ARRAY(b->a, uint32_t, cm->nfields + 1);
    /* at most one graph field per Cerial field: sized once (doubling would leave the smaller
     * copies in the arena; rm_field is 216 bytes) */
    m->fields = RM_NEW_ARRAY(b->a, rm_field, cm->nfields + 1);
    b->fcap[mi] = cm->nfields + 1;
    for (i = 0; i < cm->nfields; i++) {
        const rm_cerial_field *f = cm->fields[i];
        const rm_cerial_field *fwd_rel = NULL;
        rm_field gf;
        const char *native = NULL;
        b->fmap[mi][i] = RM_NONE;
        memset(&gf, 0, sizeof(gf));
        gf.name = f->name;
        gf.db_name = f->name;
        gf.loc = f->loc;
        gf.name_loc = f->name_loc;
        gf.type_loc = f->type_loc;
        gf.type_ref = RM_NONE;
        gf.relation = RM_NONE;
        gf.optional = f->optional || f->nullable;
        if (f->type == RM_CT_RELATION) {
            const char *target = dec_value(f, RM_CD_MODEL);
            size_t tp = model_pos(b, target);
            if (tp == SIZE_MAX)
                continue;
            gf.kind = RM_FIELD_RELATION;
            gf.scalar = RM_SCALAR_NONE;
            gf.type_name = target;
            gf.type_ref = (uint32_t)tp;
            gf.list = f->array;
        } else {
            if (f->type == RM_CT_RECORD && !has_dec(f, RM_CD_ID))
                fwd_rel = forward_for(cm, &fwd, f);
            if (fwd_rel != NULL && f->array)
                continue; /* Record[] of an n:n relation: represented by the join table */
            gf.kind = RM_FIELD_SCALAR;
            if (fwd_rel != NULL) {
                size_t tp = model_pos(b, dec_value(fwd_rel, RM_CD_MODEL));
                gf.scalar = tp == SIZE_MAX ? RM_SCALAR_STRING : b->pk_scalar[tp];
                native = tp == SIZE_MAX ? NULL : b->pk_native[tp];
                gf.type_name = "Record";
            } else if (f->type == RM_CT_RECORD && !has_dec(f, RM_CD_ID)) {
                /* a record link without a relation: the id as text, no foreign key */
                gf.scalar = RM_SCALAR_STRING;
                gf.type_name = "Record";
            } else if (b->pk[mi] == i) {
                gf.scalar = b->pk_scalar[mi]; /* typed (and warned about) once, above */
                native = b->pk_native[mi];
                gf.type_name = rm_cerial_type_name(f->type);
            } else {
                gf.scalar = plain_scalar(b, f, &native);
                gf.type_name =
                    f->type == RM_CT_LITERAL || f->type == RM_CT_OBJECT || f->type == RM_CT_TUPLE
                        ? f->type_name
                        : rm_cerial_type_name(f->type);
            }
            if (gf.scalar == RM_SCALAR_ENUM)
                gf.type_ref = rm_graph_find_enum(b->g, f->type_name);
            gf.native.name = native;
            gf.list = f->array;
            set_default(b, &gf, f);
            if (has_dec(f, RM_CD_DISTINCT) || has_dec(f, RM_CD_SORT) || has_dec(f, RM_CD_SET))
                warn(b, f->loc,
                     "@distinct/@sort/@set on %s are applied by Cerial on write; SQL does not "
                     "enforce them",
                     f->name);
            if (has_dec(f, RM_CD_READONLY))
                warn(b, f->loc, "@readonly on %s is not enforced by SQL", f->name);
            if (has_decorated_parts(b, f))
                warn(b, f->type_loc,
                     "decorators inside %s (defaults, indexes, timestamps of its fields) are not "
                     "expressed in SQL: %s is one Json column",
                     f->type_name, f->name);
        }
        b->fmap[mi][i] = (uint32_t)m->nfields;
        RM_VEC_PUSH(b->a, m->fields, m->nfields, b->fcap[mi], gf);
    }
    /* keys and indexes */
    for (i = 0; i < cm->nfields; i++) {
        const rm_cerial_field *f = cm->fields[i];
        uint32_t gfi = b->fmap[mi][i];
        if (gfi == RM_NONE || f->type == RM_CT_RELATION)
            continue;
        if (has_dec(f, RM_CD_ID) && m->primary_key == NULL) {
            m->primary_key = RM_NEW(b->a, rm_index);
            m->primary_key->kind = RM_INDEX_PRIMARY;
            m->primary_key->fields = RM_NEW(b->a, rm_index_field);
            m->primary_key->fields[0].field = gfi;
            m->primary_key->nfields = 1;
            m->primary_key->clustered = -1;
            m->primary_key->field_level = true;
            m->primary_key->loc = f->loc;
        } else if (has_dec(f, RM_CD_ID)) {
            warn(b, f->loc, "a second @id field (%s) is mapped as a unique column", f->name);
            add_index(b, mi, RM_INDEX_UNIQUE, &gfi, 1, NULL, true, f->loc);
        }
        if (has_dec(f, RM_CD_UNIQUE))
            add_index(b, mi, RM_INDEX_UNIQUE, &gfi, 1, NULL, true,
                      rm_cerial_field_dec(f, RM_CD_UNIQUE)->loc);
        if (has_dec(f, RM_CD_INDEX))
            add_index(b, mi, RM_INDEX_NORMAL, &gfi, 1, NULL, true,
                      rm_cerial_field_dec(f, RM_CD_INDEX)->loc);
    }
    for (i = 0; i < cm->ncomposites; i++) {
        const rm_cerial_composite *c = &cm->composites[i];
        uint32_t *fs = RM_NEW_ARRAY(b->a, uint32_t, c->nfields + 1);
        size_t j;
        bool ok = true;
        for (j = 0; j < c->nfields && ok; j++) {
            size_t p = field_pos(cm, c->fields[j]);
            if (p == SIZE_MAX || b->fmap[mi][p] == RM_NONE ||
                cm->fields[p]->type == RM_CT_RELATION) {
                warn(b, c->loc,
                     "@@%s(%s): '%s' is not a column (object sub-field, relation or unknown); "
                     "the index is not created in SQL",
                     c->unique ? "unique" : "index", c->name, c->fields[j]);
                ok = false;
            } else {
                fs[j] = b->fmap[mi][p];
            }
        }
        if (ok)
            add_index(b, mi, c->unique ? RM_INDEX_UNIQUE : RM_INDEX_NORMAL, fs, c->nfields, c->name,
                      false, c->loc);
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Relations                                                                                 */

/* The reverse field (no @field) in target model tp pointing back at model mi with a matching
 * key, skipping `self_skip` (the forward field itself for self relations). */
/* Per target model, its relation fields hashed by "R|M|k" (reverse to M with key k) and
 * "N|M|k" (forward Relation[] to M), k = "\x02" when there is no key: one lookup per relation
 * instead of a scan of the target (quadratic on big schemas). */
static const rm_cerial_nmap *rel_map(bst *b, size_t tp)
{
    const rm_cerial_block *t = model_at(b, tp);
    const char **keys;
    size_t i;
    if (b->rmaps[tp] != NULL)
        return b->rmaps[tp];
    keys = RM_NEW_ARRAY(b->a, const char *, t->nfields + 1);
    for (i = 0; i < t->nfields; i++) {
        const rm_cerial_field *g = t->fields[i];
        const char *tm = dec_value(g, RM_CD_MODEL), *k = dec_value(g, RM_CD_KEY);
        bool fwd = has_dec(g, RM_CD_FIELD);
        if (g->type != RM_CT_RELATION || tm == NULL || (fwd && !g->array))
            continue;
        keys[i] = rm_cerial_rel_key(NULL, 0, b->a, fwd ? 'N' : 'R', tm, k ? k : "\x02");
    }
    b->rmaps[tp] = RM_NEW(b->a, rm_cerial_nmap);
    rm_cerial_nmap_build(b->rmaps[tp], b->a, keys, t->nfields);
    return b->rmaps[tp];
}

/* The reverse field (no @field) in target model tp pointing back at model mi with a matching
 * key. */
static size_t find_reverse(bst *b, size_t tp, size_t mi, const char *key)
{
    size_t first;
    char buf[256];
    const char *k =
        rm_cerial_rel_key(buf, sizeof(buf), b->a, 'R', model_at(b, mi)->name, key ? key : "\x02");
    return rm_cerial_nmap_get(rel_map(b, tp), k, &first, NULL) ? first : SIZE_MAX;
}

/* For n:n: the forward Relation[] in tp pointing back at mi with a matching key, other than
 * self_skip (a self relation's own field). */
static size_t find_mm_partner(bst *b, size_t tp, size_t mi, const char *key,
                              const rm_cerial_field *self_skip)
{
    const rm_cerial_block *t = model_at(b, tp);
    size_t first, last;
    char buf[256];
    const char *k =
        rm_cerial_rel_key(buf, sizeof(buf), b->a, 'N', model_at(b, mi)->name, key ? key : "\x02");
    if (!rm_cerial_nmap_get(rel_map(b, tp), k, &first, &last))
        return SIZE_MAX;
    if (t->fields[first] != self_skip)
        return first;
    return last != first ? last : SIZE_MAX;
}

static rm_ref_action action_of(const char *a)
{
    if (streq(a, "Cascade"))
        return RM_ACTION_CASCADE;
    if (streq(a, "SetNull") || streq(a, "SetNone"))
        return RM_ACTION_SET_NULL;
    if (streq(a, "Restrict"))
        return RM_ACTION_RESTRICT;
    if (streq(a, "NoAction"))
        return RM_ACTION_NO_ACTION;
    return RM_ACTION_NONE;
}

static void link_field(bst *b, size_t mi, size_t cerial_pos, uint32_t rel)
{
    uint32_t gfi;
    if (cerial_pos == SIZE_MAX)
        return;
    gfi = b->fmap[mi][cerial_pos];
    if (gfi != RM_NONE)
        b->g->models[mi].fields[gfi].relation = rel;
}

static void build_relations(bst *b)
{
    size_t mi, i;
    bool **done_mm = RM_NEW_ARRAY(b->a, bool *, b->nmodels + 1);
    for (mi = 0; mi < b->nmodels; mi++)
        done_mm[mi] = RM_NEW_ARRAY(b->a, bool, model_at(b, mi)->nfields + 1);
    for (mi = 0; mi < b->nmodels; mi++) {
        const rm_cerial_block *cm = model_at(b, mi);
        for (i = 0; i < cm->nfields; i++) {
            const rm_cerial_field *f = cm->fields[i];
            const char *key = dec_value(f, RM_CD_KEY);
            size_t tp, rp, recp;
            const rm_cerial_field *rec;
            rm_relation r;
            uint32_t rel = (uint32_t)b->g->nrelations;
            if (f->type != RM_CT_RELATION || !has_dec(f, RM_CD_FIELD) || done_mm[mi][i])
                continue;
            tp = model_pos(b, dec_value(f, RM_CD_MODEL));
            recp = field_pos(cm, dec_value(f, RM_CD_FIELD));
            if (tp == SIZE_MAX || recp == SIZE_MAX)
                continue;
            rec = cm->fields[recp];
            memset(&r, 0, sizeof(r));
            r.self = tp == mi;
            r.loc = f->loc;
            r.on_update = RM_ACTION_CASCADE;
            if (f->array) {
                /* n:n through a join table; A = the model (or field) whose name sorts first */
                size_t pp = find_mm_partner(b, tp, mi, key, f);
                const char *an = cm->name, *bn = model_at(b, tp)->name;
                bool swap =
                    strcmp(an, bn) > 0 || (r.self && pp != SIZE_MAX &&
                                           strcmp(f->name, model_at(b, tp)->fields[pp]->name) > 0);
                if (pp != SIZE_MAX)
                    done_mm[tp][pp] = true;
                done_mm[mi][i] = true;
                r.card = RM_CARD_MANY_TO_MANY_IMPLICIT;
                r.from.model = (uint32_t)(swap ? tp : mi);
                r.to.model = (uint32_t)(swap ? mi : tp);
                r.from.field = swap ? (pp == SIZE_MAX ? RM_NONE : b->fmap[tp][pp]) : b->fmap[mi][i];
                r.to.field = swap ? b->fmap[mi][i] : (pp == SIZE_MAX ? RM_NONE : b->fmap[tp][pp]);
                r.name = key != NULL
                             ? key
                             : rm_arena_sprintf(b->a, "%sTo%s", swap ? bn : an, swap ? an : bn);
                r.named = key != NULL;
                r.join_table = rm_arena_sprintf(b->a, "_%s", r.name);
                r.on_delete = RM_ACTION_CASCADE;
                r.on_update = RM_ACTION_CASCADE;
                if (pp == SIZE_MAX)
                    warn(b, f->loc,
                         "one-directional %s[] is kept in sync by Cerial only on this side; SQL "
                         "uses a join table for both",
                         f->name);
                RM_VEC_PUSH(b->a, b->g->relations, b->g->nrelations, b->rcap, r);
                link_field(b, mi, i, rel);
                link_field(b, tp, pp, rel);
                continue;
            }
            rp = find_reverse(b, tp, mi, key);
            r.card = rp != SIZE_MAX && !model_at(b, tp)->fields[rp]->array ? RM_CARD_ONE_TO_ONE
                                                                           : RM_CARD_ONE_TO_MANY;
            r.from.model = (uint32_t)mi;
            r.from.field = b->fmap[mi][i];
            r.to.model = (uint32_t)tp;
            r.to.field = rp == SIZE_MAX ? RM_NONE : b->fmap[tp][rp];
            r.nfk = 1;
            r.fk_fields = RM_NEW(b->a, uint32_t);
            r.ref_fields = RM_NEW(b->a, uint32_t);
            r.fk_fields[0] = b->fmap[mi][recp];
            r.ref_fields[0] = b->pk[tp] == SIZE_MAX ? RM_NONE : b->fmap[tp][b->pk[tp]];
            r.fk_optional = rec->optional || rec->nullable;
            r.name =
                key != NULL
                    ? key
                    : (strcmp(cm->name, model_at(b, tp)->name) <= 0
                           ? rm_arena_sprintf(b->a, "%sTo%s", cm->name, model_at(b, tp)->name)
                           : rm_arena_sprintf(b->a, "%sTo%s", model_at(b, tp)->name, cm->name));
            r.named = key != NULL;
            /* Cerial: required FK -> Cascade (fixed); Record? -> SetNone (= NULL in SQL);
             * Record? @nullable -> SetNull; @onDelete overrides where Cerial allows it */
            r.on_delete = r.fk_optional ? RM_ACTION_SET_NULL : RM_ACTION_CASCADE;
            if (action_of(dec_value(f, RM_CD_ON_DELETE)) != RM_ACTION_NONE) {
                r.on_delete = action_of(dec_value(f, RM_CD_ON_DELETE));
                r.on_delete_set = true;
            }
            if (r.card == RM_CARD_ONE_TO_ONE && r.fk_fields[0] != RM_NONE &&
                !has_unique_on(&b->g->models[mi], r.fk_fields[0]))
                add_index(b, mi, RM_INDEX_UNIQUE, r.fk_fields, 1, NULL, true, rec->loc);
            RM_VEC_PUSH(b->a, b->g->relations, b->g->nrelations, b->rcap, r);
            link_field(b, mi, i, rel);
            link_field(b, tp, rp, rel);
        }
    }
}

int rm_cerial_build(rm_graph **out, const rm_cerial_schema *resolved, rm_arena *a, rm_diags *d)
{
    bst b;
    size_t i, j;
    memset(&b, 0, sizeof(b));
    b.s = resolved;
    b.a = a;
    b.d = d;
    b.g = RM_NEW(a, rm_graph);
    b.g->provider = RM_PROVIDER_NONE;
    b.nmodels = resolved->n[RM_CERIAL_MODEL];
    b.pk = RM_NEW_ARRAY(a, size_t, b.nmodels + 1);
    b.pk_scalar = RM_NEW_ARRAY(a, rm_scalar, b.nmodels + 1);
    b.pk_native = RM_NEW_ARRAY(a, const char *, b.nmodels + 1);
    b.fmap = RM_NEW_ARRAY(a, uint32_t *, b.nmodels + 1);
    b.fcap = RM_NEW_ARRAY(a, size_t, b.nmodels + 1);
    b.icap = RM_NEW_ARRAY(a, size_t, b.nmodels + 1);
    b.rmaps = RM_NEW_ARRAY(a, rm_cerial_nmap *, b.nmodels + 1);
    *out = b.g;
    /* enums first (field types refer to them) */
    for (i = 0; i < resolved->n[RM_CERIAL_ENUM]; i++)
        add_enum(&b, resolved->blocks[RM_CERIAL_ENUM][i]);
    for (i = 0; i < resolved->n[RM_CERIAL_LITERAL]; i++)
        add_enum(&b, resolved->blocks[RM_CERIAL_LITERAL][i]);
    rm_graph_sort(b.g, a); /* sorted enums: rm_graph_find_enum works from here on */
    /* primary keys: FK columns take the type of the referenced id */
    for (i = 0; i < b.nmodels; i++) {
        const rm_cerial_block *cm = model_at(&b, i);
        b.pk[i] = SIZE_MAX;
        b.pk_scalar[i] = RM_SCALAR_STRING;
        for (j = 0; j < cm->nfields; j++)
            if (has_dec(cm->fields[j], RM_CD_ID)) {
                b.pk[i] = j;
                if (cm->fields[j]->type == RM_CT_RECORD)
                    b.pk_scalar[i] = record_id_scalar(&b, cm->fields[j], &b.pk_native[i]);
                else
                    b.pk_scalar[i] = plain_scalar(&b, cm->fields[j], &b.pk_native[i]);
                break;
            }
    }
    b.g->models = RM_NEW_ARRAY(a, rm_model, b.nmodels + 1);
    b.g->nmodels = b.nmodels;
    for (i = 0; i < b.nmodels; i++) {
        const rm_cerial_block *cm = model_at(&b, i);
        rm_model *m = &b.g->models[i];
        m->name = cm->name;
        m->db_name = rm_cerial_snake_case(a, cm->name);
        m->mapped = strcmp(m->db_name, cm->name) != 0;
        m->loc = cm->loc;
        m->name_loc = cm->name_loc;
        m->syntax = RM_SYNTAX_CERIAL;
    }
    for (i = 0; i < b.nmodels; i++)
        build_model_fields(&b, i);
    {
        /* at most one relation per Relation field: the relation list sized once */
        size_t nrel = 0;
        for (i = 0; i < b.nmodels; i++)
            for (j = 0; j < model_at(&b, i)->nfields; j++)
                nrel += model_at(&b, i)->fields[j]->type == RM_CT_RELATION;
        b.g->relations = RM_NEW_ARRAY(a, rm_relation, nrel + 1);
        b.rcap = nrel + 1;
    }
    build_relations(&b);
    rm_graph_sort(b.g, a);
    return RM_OK;
}
