/*
 * Prisma ASTs -> rm_graph, first half: the datasource and generator blocks, model/view/enum
 * names, fields and their types, field and block attributes (@id, @unique, @default, @map,
 * @db.*, @@id, @@unique, @@index, @@map, ...), and the per-model rules Prisma checks before
 * relations. Relations are paired and checked in prisma_relations.c.
 *
 * Messages are Prisma's own texts (psl/diagnostics/src/error.rs and the validation pipeline)
 * without the generic "Error validating: " / "Error parsing attribute ..." prefix, and they are
 * emitted in the order Prisma reports them (names, then attributes, then model checks, then
 * relations) so a test can compare first errors. Not for parsing or for SQL decisions.
 */
#include "model/prisma_build_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* ---- small helpers -------------------------------------------------------------------- */

static const char *const scalar_names[] = {
    [RM_SCALAR_STRING] = "String",     [RM_SCALAR_INT] = "Int",
    [RM_SCALAR_BIGINT] = "BigInt",     [RM_SCALAR_FLOAT] = "Float",
    [RM_SCALAR_DECIMAL] = "Decimal",   [RM_SCALAR_BOOLEAN] = "Boolean",
    [RM_SCALAR_DATETIME] = "DateTime", [RM_SCALAR_JSON] = "Json",
    [RM_SCALAR_BYTES] = "Bytes",
};

static rm_scalar scalar_by_name(const char *name)
{
    /* Runs for every field: the first byte rules out all names but one or two. */
    for (size_t i = 0; i < RM_ARRAY_LEN(scalar_names); i++)
        if (scalar_names[i] && scalar_names[i][0] == name[0] && strcmp(scalar_names[i], name) == 0)
            return (rm_scalar)i;
    return RM_SCALAR_NONE;
}

static bool ieq(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return false;
    return *a == *b;
}

/* Levenshtein distance, capped: returns cap when the distance is at least cap. Names longer
 * than 63 bytes are never close. */
static size_t edit_distance(const char *a, const char *b, size_t cap)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 63 || lb > 63 || (la > lb ? la - lb : lb - la) >= cap)
        return cap;
    size_t row[64];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t sub = diag + (a[i - 1] != b[j - 1]);
            size_t best = sub < up + 1 ? sub : up + 1;
            row[j] = best < row[j - 1] + 1 ? best : row[j - 1] + 1;
            diag = up;
        }
    }
    return row[lb] < cap ? row[lb] : cap;
}

/* Keep the candidate with the smallest distance (ties: the first one seen). A name of n bytes
 * only matches within n/2 edits, so short names do not match everything. */
static void closer(const char *name, const char *cand, const char **best, size_t *best_d)
{
    size_t d = edit_distance(name, cand, *best_d);
    if (d < *best_d && d * 2 <= strlen(name)) {
        *best = cand;
        *best_d = d;
    }
}

static const char *model_word(const rm_model *m)
{
    return m->is_view ? "view" : "model";
}

typedef struct named_block {
    const char *name;
    const rm_prisma_block *blk;
    uint32_t decl;
} named_block;

static int cmp_named_block(const void *pa, const void *pb_)
{
    const named_block *x = pa, *y = pb_;
    int c = strcmp(x->name, y->name);
    return c ? c : (x->decl < y->decl ? -1 : x->decl > y->decl);
}

/* ---- datasource and generator ---------------------------------------------------------- */

static rm_provider provider_from(const char *s)
{
    if (strcmp(s, "postgresql") == 0 || strcmp(s, "postgres") == 0)
        return RM_PROVIDER_POSTGRES;
    if (strcmp(s, "mysql") == 0)
        return RM_PROVIDER_MYSQL;
    if (strcmp(s, "sqlite") == 0)
        return RM_PROVIDER_SQLITE;
    if (strcmp(s, "sqlserver") == 0)
        return RM_PROVIDER_SQLSERVER;
    if (strcmp(s, "cockroachdb") == 0)
        return RM_PROVIDER_COCKROACH;
    if (strcmp(s, "mongodb") == 0)
        return RM_PROVIDER_MONGODB;
    return RM_PROVIDER_OTHER;
}

static const char **string_array(pb *b, const rm_prisma_expr *e, size_t *n)
{
    *n = 0;
    if (!e || e->kind != RM_PEXPR_ARRAY)
        return NULL;
    const char **out = RM_NEW_ARRAY(b->a, const char *, e->n ? e->n : 1);
    for (size_t i = 0; i < e->n; i++) {
        const char *s = rm_prisma_expr_string(&e->items[i], NULL);
        if (!s)
            s = rm_prisma_expr_ref_name(&e->items[i]);
        if (s)
            out[(*n)++] = rm_arena_strdup(b->a, s);
    }
    return out;
}

static void build_datasource(pb *b, const rm_prisma_block *ds, bool *seen)
{
    rm_graph *g = b->g;
    if (*seen) {
        rm_diag_error(b->d, RM_E_PRISMA_DATASOURCE, ds->name_loc,
                      "You defined more than one datasource. This is not allowed yet because "
                      "support for multiple databases has not been implemented yet.");
        return;
    }
    *seen = true;
    g->datasource = rm_arena_strdup(b->a, ds->name);
    const rm_prisma_prop *prov = rm_prisma_block_prop(ds, "provider");
    const char *ps = prov ? rm_prisma_expr_string(&prov->value, NULL) : NULL;
    if (!prov) {
        rm_diag_error(b->d, RM_E_PRISMA_DATASOURCE, ds->loc,
                      "Argument \"provider\" is missing in data source block \"%s\".", ds->name);
    } else if (!ps) {
        rm_diag_error(b->d, RM_E_PRISMA_DATASOURCE, prov->value.loc,
                      "Expected a string value, but received %s value `%s`.",
                      rm_prisma_expr_kind_name(prov->value.kind), prov->value.text);
    } else {
        g->provider = provider_from(ps);
        g->provider_name = rm_arena_strdup(b->a, ps);
        if (g->provider == RM_PROVIDER_OTHER)
            rm_diag_error(b->d, RM_E_PRISMA_DATASOURCE, prov->value.loc,
                          "Datasource provider not known: \"%s\".", ps);
    }
    const rm_prisma_prop *rm = rm_prisma_block_prop(ds, "relationMode");
    const rm_prisma_prop *ri = rm_prisma_block_prop(ds, "referentialIntegrity");
    if (rm && ri)
        rm_diag_error(b->d, RM_E_PRISMA_DATASOURCE, ri->loc,
                      "The `referentialIntegrity` and `relationMode` attributes cannot be used "
                      "together. Please use only `relationMode` instead.");
    const rm_prisma_prop *mode = rm ? rm : ri;
    if (mode) {
        const char *ms = rm_prisma_expr_string(&mode->value, NULL);
        if (ms && strcmp(ms, "prisma") == 0)
            g->relation_mode = RM_RELMODE_PRISMA;
        else if (ms && strcmp(ms, "foreignKeys") == 0)
            g->relation_mode = RM_RELMODE_FOREIGN_KEYS;
        else
            rm_diag_error(b->d, RM_E_PRISMA_DATASOURCE, mode->value.loc,
                          "Invalid relation mode setting: \"%s\". Supported values: \"prisma\", "
                          "\"foreignKeys\"",
                          ms ? ms : mode->value.text);
    }
    if (g->provider == RM_PROVIDER_MONGODB)
        g->relation_mode = RM_RELMODE_PRISMA;
    const rm_prisma_prop *schemas = rm_prisma_block_prop(ds, "schemas");
    if (schemas)
        g->schemas = string_array(b, &schemas->value, &g->nschemas);
    /* Prisma 7 rejects url/directUrl/shadowDatabaseUrl here; relmig accepts them on purpose
     * (compatibility with Prisma 5/6 files), so they are simply not looked at. */
    static const char *const known[] = {"provider",          "relationMode", "referentialIntegrity",
                                        "schemas",           "url",          "directUrl",
                                        "shadowDatabaseUrl", "extensions"};
    for (size_t i = 0; i < ds->nprops; i++) {
        bool ok = false;
        for (size_t k = 0; k < RM_ARRAY_LEN(known); k++)
            ok = ok || strcmp(ds->props[i].name, known[k]) == 0;
        if (!ok)
            rm_diag_error(b->d, RM_E_PRISMA_DATASOURCE, ds->props[i].name_loc,
                          "Property not known: \"%s\".", ds->props[i].name);
    }
}

static void build_generator(pb *b, const rm_prisma_block *gen)
{
    if (!rm_prisma_block_prop(gen, "provider"))
        rm_diag_error(b->d, RM_E_PRISMA_DATASOURCE, gen->name_loc,
                      "Argument \"provider\" is missing in generator block \"%s\".", gen->name);
    const rm_prisma_prop *pf = rm_prisma_block_prop(gen, "previewFeatures");
    if (!pf)
        return;
    size_t n;
    const char **feats = string_array(b, &pf->value, &n);
    for (size_t i = 0; i < n; i++)
        RM_VEC_PUSH(b->a, b->g->preview_features, b->g->npreview_features, b->npreview_cap,
                    feats[i]);
}

/* ---- expressions ------------------------------------------------------------------------ */

static const char *const_or_string(const rm_prisma_expr *e)
{
    if (!e)
        return NULL;
    if (e->kind == RM_PEXPR_STRING)
        return e->text;
    return NULL;
}

/* Look up a field by name in model m; reports nothing. */
static uint32_t field_idx(const rm_model *m, const char *name)
{
    return name ? rm_model_find_field(m, name) : RM_NONE;
}

static rm_sort sort_from(const rm_prisma_expr *e)
{
    if (rm_prisma_expr_is_const(e, "Desc"))
        return RM_SORT_DESC;
    if (rm_prisma_expr_is_const(e, "Asc"))
        return RM_SORT_ASC;
    return RM_SORT_DEFAULT;
}

static rm_index_algo algo_from(const char *s)
{
    static const struct {
        const char *n;
        rm_index_algo a;
    } t[] = {{"BTree", RM_ALGO_BTREE}, {"Hash", RM_ALGO_HASH},     {"Gist", RM_ALGO_GIST},
             {"Gin", RM_ALGO_GIN},     {"SpGist", RM_ALGO_SPGIST}, {"Brin", RM_ALGO_BRIN}};
    for (size_t i = 0; i < RM_ARRAY_LEN(t); i++)
        if (strcmp(t[i].n, s) == 0)
            return t[i].a;
    return RM_ALGO_DEFAULT;
}

/* Common named arguments of @id/@unique/@@id/@@unique/@@index: map, name, clustered, type,
 * where, sort, length. */
static void index_common_args(pb *b, rm_index *ix, const rm_prisma_attr *at, bool field_level)
{
    const rm_prisma_expr *e;
    ix->clustered = -1;
    /* Every argument below is named: without a named argument (@@index([a]), @unique) there
     * is nothing to look up five times. */
    bool named = false;
    for (size_t i = 0; i < at->args.n && !named; i++)
        named = at->args.items[i].name != NULL;
    if (!named)
        return;
    if ((e = rm_prisma_attr_arg(at, "map", SIZE_MAX)) != NULL) {
        ix->map = const_or_string(e);
        if (!ix->map)
            rm_diag_error(b->d, RM_E_PRISMA_ATTRIBUTE_ARGUMENT, e->loc,
                          "Expected a string value, but received %s value `%s`.",
                          rm_prisma_expr_kind_name(e->kind), e->text);
    }
    if (!field_level && (e = rm_prisma_attr_arg(at, "name", SIZE_MAX)) != NULL)
        ix->name = const_or_string(e);
    bool cl;
    if ((e = rm_prisma_attr_arg(at, "clustered", SIZE_MAX)) != NULL && rm_prisma_expr_bool(e, &cl))
        ix->clustered = cl;
    if ((e = rm_prisma_attr_arg(at, "type", SIZE_MAX)) != NULL) {
        ix->algo = algo_from(e->text);
        if (ix->algo == RM_ALGO_DEFAULT)
            rm_diag_error(b->d, RM_E_PRISMA_ATTRIBUTE_ARGUMENT, e->loc, "Unknown index type: %s.",
                          e->text);
    }
    if ((e = rm_prisma_attr_arg(at, "where", SIZE_MAX)) != NULL) {
        if (e->kind == RM_PEXPR_FUNC && e->args.n > 0)
            ix->where = rm_prisma_expr_string(&e->args.items[0].value, NULL);
        else
            ix->where = rm_prisma_expr_string(e, NULL);
        if (!ix->where)
            ix->where = e->text;
    }
}

static const char *index_word(rm_index_kind k)
{
    switch (k) {
    case RM_INDEX_PRIMARY:
        return "id";
    case RM_INDEX_UNIQUE:
        return "unique index";
    case RM_INDEX_NORMAL:
    case RM_INDEX_FULLTEXT:
        return "index";
    }
    return "index";
}

/* @@id / @@unique / @@index / @@fulltext([a, b(sort: Desc)], ...) */
static bool block_index(pb *b, rm_model *m, const rm_prisma_attr *at, rm_index_kind kind,
                        rm_index *ix)
{
    memset(ix, 0, sizeof *ix);
    ix->kind = kind;
    ix->loc = at->loc;
    const rm_prisma_expr *fe = rm_prisma_attr_arg(at, "fields", 0);
    /* Prisma coerces a single field reference into a list: @@index(userId). */
    rm_prisma_expr one;
    if (fe && (fe->kind == RM_PEXPR_CONST || fe->kind == RM_PEXPR_FUNC)) {
        memset(&one, 0, sizeof one);
        one.kind = RM_PEXPR_ARRAY;
        one.loc = fe->loc;
        one.text = "";
        one.items = (rm_prisma_expr *)fe;
        one.n = 1;
        fe = &one;
    }
    if (!fe || fe->kind != RM_PEXPR_ARRAY) {
        rm_diag_error(b->d, RM_E_PRISMA_ATTRIBUTE_ARGUMENT, at->loc,
                      "Argument \"fields\" is missing in attribute \"@@%s\".", at->name);
        return false;
    }
    ix->fields = RM_NEW_ARRAY(b->a, rm_index_field, fe->n ? fe->n : 1);
    /* Unknown and relation fields are collected and reported in one message, as Prisma does. */
    rm_sb unknown = RM_SB_INIT, rels = RM_SB_INIT, fks = RM_SB_INIT;
    for (size_t i = 0; i < fe->n; i++) {
        const rm_prisma_expr *it = &fe->items[i];
        const char *name = rm_prisma_expr_ref_name(it);
        uint32_t fi = field_idx(m, name);
        if (fi == RM_NONE) {
            if (unknown.len)
                rm_sb_puts(&unknown, ", ");
            rm_sb_puts(&unknown, name ? name : it->text);
            continue;
        }
        if (m->fields[fi].kind == RM_FIELD_RELATION) {
            if (rels.len)
                rm_sb_puts(&rels, ", ");
            rm_sb_puts(&rels, name);
            continue;
        }
        rm_index_field xf = {fi, RM_SORT_DEFAULT, 0, NULL};
        if (it->kind == RM_PEXPR_FUNC) {
            const rm_prisma_arg *s = rm_prisma_args_get(&it->args, "sort", SIZE_MAX);
            const rm_prisma_arg *l = rm_prisma_args_get(&it->args, "length", SIZE_MAX);
            const rm_prisma_arg *o = rm_prisma_args_get(&it->args, "ops", SIZE_MAX);
            if (s)
                xf.sort = sort_from(&s->value);
            if (l && l->value.kind == RM_PEXPR_NUMBER)
                xf.length = (uint32_t)strtoul(l->value.text, NULL, 10);
            if (o)
                xf.ops = o->value.text;
        }
        ix->fields[ix->nfields++] = xf;
    }
    bool ok = true;
    if (unknown.len) {
        if (kind == RM_INDEX_PRIMARY)
            rm_diag_error(b->d, RM_E_PRISMA_INDEX_FIELDS, at->loc,
                          "The multi field id declaration refers to the unknown fields %s.",
                          rm_sb_str(&unknown));
        else
            rm_diag_error(b->d, RM_E_PRISMA_INDEX_FIELDS, at->loc,
                          "The %s definition refers to the unknown fields: %s.", index_word(kind),
                          rm_sb_str(&unknown));
        ok = false;
    }
    if (rels.len) {
        /* Suggest the scalar fields behind the relation fields: Prisma's "Did you mean". */
        for (size_t i = 0; i < fe->n; i++) {
            const char *name = rm_prisma_expr_ref_name(&fe->items[i]);
            uint32_t fi = field_idx(m, name);
            if (fi == RM_NONE)
                continue;
            const rm_field *f = &m->fields[fi];
            const rm_prisma_expr *fx = NULL;
            if (f->kind == RM_FIELD_RELATION) {
                const rm_prisma_block *blk = b->models[m - b->g->models].blk;
                for (size_t k = 0; k < blk->nfields; k++)
                    if (strcmp(blk->fields[k].name, f->name) == 0)
                        fx = rm_prisma_attr_arg(rm_prisma_field_attr(&blk->fields[k], "relation"),
                                                "fields", SIZE_MAX);
                for (size_t k = 0; fx && fx->kind == RM_PEXPR_ARRAY && k < fx->n; k++) {
                    if (fks.len)
                        rm_sb_puts(&fks, ", ");
                    rm_sb_puts(&fks, rm_prisma_expr_ref_name(&fx->items[k]));
                }
            } else {
                if (fks.len)
                    rm_sb_puts(&fks, ", ");
                rm_sb_puts(&fks, f->name);
            }
        }
        const char *what = kind == RM_INDEX_PRIMARY  ? "id"
                           : kind == RM_INDEX_UNIQUE ? "unique index"
                                                     : "index";
        const char *attr = kind == RM_INDEX_PRIMARY  ? "@@id"
                           : kind == RM_INDEX_UNIQUE ? "@@unique"
                                                     : "@@index";
        rm_diag *dg = rm_diag_error(
            b->d, RM_E_PRISMA_INDEX_FIELDS, at->loc,
            "The %s definition refers to the relation fields %s. %s definitions must reference "
            "only scalar fields. Did you mean `%s([%s])`?",
            what, rm_sb_str(&rels), kind == RM_INDEX_PRIMARY ? "ID" : "Index", attr,
            rm_sb_str(&fks));
        rm_diag_set_hint(b->d, dg, "list the relation's scalar fields: %s([%s])", attr,
                         rm_sb_str(&fks));
        ok = false;
    }
    rm_sb_free(&unknown);
    rm_sb_free(&rels);
    rm_sb_free(&fks);
    index_common_args(b, ix, at, false);
    return ok;
}

/* ---- defaults --------------------------------------------------------------------------- */

static bool default_type_ok(rm_default_kind k, const rm_field *f)
{
    switch (k) {
    case RM_DEFAULT_AUTOINCREMENT:
        return f->scalar == RM_SCALAR_INT || f->scalar == RM_SCALAR_BIGINT;
    case RM_DEFAULT_NOW:
        return f->scalar == RM_SCALAR_DATETIME;
    case RM_DEFAULT_UUID:
    case RM_DEFAULT_CUID:
    case RM_DEFAULT_NANOID:
    case RM_DEFAULT_ULID:
        return f->scalar == RM_SCALAR_STRING;
    default:
        return true;
    }
}

static void parse_default_value(pb *b, rm_default *out, const rm_prisma_expr *e, const rm_field *f)
{
    out->loc = e->loc;
    switch (e->kind) {
    case RM_PEXPR_STRING:
        out->kind = RM_DEFAULT_STRING;
        out->text = rm_arena_memdup(b->a, e->text, e->len + 1);
        break;
    case RM_PEXPR_NUMBER:
        out->kind = RM_DEFAULT_NUMBER;
        out->text = e->text;
        break;
    case RM_PEXPR_CONST:
        if (rm_prisma_expr_bool(e, &out->boolean)) {
            out->kind = RM_DEFAULT_BOOL;
        } else {
            out->kind = RM_DEFAULT_ENUM;
            out->text = e->text;
        }
        break;
    case RM_PEXPR_ARRAY:
        out->kind = RM_DEFAULT_LIST;
        out->items = RM_NEW_ARRAY(b->a, rm_default, e->n ? e->n : 1);
        out->nitems = e->n;
        for (size_t i = 0; i < e->n; i++)
            parse_default_value(b, &out->items[i], &e->items[i], f);
        break;
    case RM_PEXPR_FUNC: {
        static const struct {
            const char *n;
            rm_default_kind k;
        } fns[] = {{"autoincrement", RM_DEFAULT_AUTOINCREMENT},
                   {"now", RM_DEFAULT_NOW},
                   {"uuid", RM_DEFAULT_UUID},
                   {"cuid", RM_DEFAULT_CUID},
                   {"nanoid", RM_DEFAULT_NANOID},
                   {"ulid", RM_DEFAULT_ULID},
                   {"dbgenerated", RM_DEFAULT_DBGENERATED},
                   {"sequence", RM_DEFAULT_SEQUENCE},
                   {"auto", RM_DEFAULT_AUTO}};
        out->kind = RM_DEFAULT_NONE;
        for (size_t i = 0; i < RM_ARRAY_LEN(fns); i++)
            if (strcmp(fns[i].n, e->text) == 0)
                out->kind = fns[i].k;
        if (out->kind == RM_DEFAULT_NONE) {
            rm_diag_error(b->d, RM_E_PRISMA_DEFAULT, e->loc,
                          "Unknown function in @default(): `%s` is not known. You can read about "
                          "the available functions here: https://pris.ly/d/attribute-functions",
                          e->text);
            return;
        }
        if (!default_type_ok(out->kind, f)) {
            rm_diag_error(b->d, RM_E_PRISMA_DEFAULT, e->loc,
                          "The function `%s()` cannot be used on fields of type `%s`.", e->text,
                          f->type_name);
        }
        if (e->args.n > 0) {
            const rm_prisma_expr *a0 = &e->args.items[0].value;
            if (out->kind == RM_DEFAULT_DBGENERATED) {
                out->text = rm_prisma_expr_string(a0, NULL);
            } else if (out->kind == RM_DEFAULT_SEQUENCE) {
                out->text = a0->text;
            } else if (a0->kind == RM_PEXPR_NUMBER) {
                /* Checked as an int: version is narrow (int16_t), and uuid(65540) must not
                 * pass as uuid(4). An invalid value is stored clamped (the error stands). */
                int v = atoi(a0->text);
                bool ok = (out->kind == RM_DEFAULT_UUID && (v == 4 || v == 7)) ||
                          (out->kind == RM_DEFAULT_CUID && (v == 1 || v == 2)) ||
                          (out->kind == RM_DEFAULT_NANOID && v >= 2 && v <= 255);
                out->version = (int16_t)(v < INT16_MIN ? INT16_MIN : v > INT16_MAX ? INT16_MAX : v);
                if (!ok)
                    rm_diag_error(b->d, RM_E_PRISMA_DEFAULT, a0->loc,
                                  "Invalid argument for `%s()`: `%s`.", e->text, a0->text);
            }
        }
        break;
    }
    case RM_PEXPR_OBJECT: /* added by prisma: object literals exist for `where:` only */
        rm_diag_error(b->d, RM_E_PRISMA_DEFAULT, e->loc, "An object is not a valid default value.");
        break;
    }
}

/* ---- fields ----------------------------------------------------------------------------- */

/* The field attributes relmig knows, classified once per attribute (each is looked at
 * several times below). */
typedef enum field_attr_kind {
    FA_UNKNOWN,
    FA_ID,
    FA_UNIQUE,
    FA_DEFAULT,
    FA_MAP,
    FA_RELATION,
    FA_UPDATED_AT,
    FA_IGNORE,
    FA_SHARD_KEY
} field_attr_kind;

static field_attr_kind field_attr_kind_of(const char *name)
{
    static const struct {
        const char *n;
        field_attr_kind k;
    } known[] = {{"id", FA_ID},         {"unique", FA_UNIQUE},     {"default", FA_DEFAULT},
                 {"map", FA_MAP},       {"relation", FA_RELATION}, {"updatedAt", FA_UPDATED_AT},
                 {"ignore", FA_IGNORE}, {"shardKey", FA_SHARD_KEY}};
    for (size_t i = 0; i < RM_ARRAY_LEN(known); i++)
        if (known[i].n[0] == name[0] && strcmp(known[i].n, name) == 0)
            return known[i].k;
    return FA_UNKNOWN;
}


static void resolve_field_type(pb *b, rm_model *m, rm_field *f, const rm_prisma_field *pf)
{
    f->type_name = pf->type_name;
    if (pf->unsupported) {
        f->scalar = RM_SCALAR_UNSUPPORTED;
        f->type_name = pf->unsupported_type ? pf->unsupported_type : "";
        return;
    }
    rm_scalar s = scalar_by_name(pf->type_name);
    if (s != RM_SCALAR_NONE) {
        f->scalar = s;
        return;
    }
    /* The enums are placed sorted and de-duplicated, so a binary search keeps field types
     * linear in the fields even with many enums (rm_graph_find_enum scans). */
    uint32_t e = rm_graph_find_enum_sorted(b->g, pf->type_name);
    if (e != RM_NONE) {
        f->scalar = RM_SCALAR_ENUM;
        f->type_ref = e;
        return;
    }
    uint32_t mi = rm_graph_find_model(b->g, pf->type_name);
    if (mi != RM_NONE) {
        f->kind = RM_FIELD_RELATION;
        f->type_ref = mi;
        return;
    }
    for (size_t i = 0; i < b->ntypes; i++) {
        if (strcmp(b->types[i], pf->type_name) == 0) {
            /* Composite types exist only on MongoDB; relmig targets SQL, so the field is kept
             * out of the graph (type_ref stays RM_NONE) and reported once here. */
            f->scalar = RM_SCALAR_NONE;
            f->kind = RM_FIELD_SCALAR;
            if (b->g->provider != RM_PROVIDER_MONGODB && b->g->provider != RM_PROVIDER_NONE)
                rm_diag_error(b->d, RM_E_PRISMA_COMPOSITE_TYPE, pf->type_loc,
                              "Composite types are not supported on %s.",
                              b->g->provider_name ? b->g->provider_name : "this provider");
            return;
        }
    }
    /* Unknown: suggest a case-insensitive match, as Prisma does. */
    const char *suggest = NULL;
    for (size_t i = 0; !suggest && i < RM_ARRAY_LEN(scalar_names); i++)
        if (scalar_names[i] && ieq(scalar_names[i], pf->type_name))
            suggest = scalar_names[i];
    for (size_t i = 0; !suggest && i < b->g->nmodels; i++)
        if (ieq(b->g->models[i].name, pf->type_name))
            suggest = b->g->models[i].name;
    for (size_t i = 0; !suggest && i < b->g->nenums; i++)
        if (ieq(b->g->enums[i].name, pf->type_name))
            suggest = b->g->enums[i].name;
    rm_diag *dg;
    if (suggest)
        dg = rm_diag_error(b->d, RM_E_PRISMA_UNKNOWN_TYPE, pf->type_loc,
                           "Type \"%s\" is neither a built-in type, nor refers to another model, "
                           "composite type, or enum. Did you mean \"%s\"?",
                           pf->type_name, suggest);
    else
        dg = rm_diag_error(b->d, RM_E_PRISMA_UNKNOWN_TYPE, pf->type_loc,
                           "Type \"%s\" is neither a built-in type, nor refers to another model, "
                           "composite type, or enum.",
                           pf->type_name);
    if (!suggest) {
        /* Prisma only suggests case-insensitive matches; a typo one or two edits away from a
         * known type gets a hint too. */
        const char *best = NULL;
        size_t best_d = 3;
        for (size_t i = 0; i < RM_ARRAY_LEN(scalar_names); i++)
            if (scalar_names[i])
                closer(pf->type_name, scalar_names[i], &best, &best_d);
        for (size_t i = 0; i < b->g->nmodels; i++)
            closer(pf->type_name, b->g->models[i].name, &best, &best_d);
        for (size_t i = 0; i < b->g->nenums; i++)
            closer(pf->type_name, b->g->enums[i].name, &best, &best_d);
        if (best)
            rm_diag_set_hint(b->d, dg, "did you mean `%s`?", best);
    }
    (void)m;
    f->scalar = RM_SCALAR_NONE;
    f->type_ref = RM_NONE;
}

/* Parse the attributes of scalar field f (index fi) of model m. Field-level @id/@unique become
 * rm_index entries. */
static void field_attributes(pb *b, uint32_t mi, uint32_t fi, const rm_prisma_field *pf,
                             rm_index **pk_attr, const rm_prisma_attr **pk_at)
{
    rm_model *m = &b->g->models[mi];
    rm_field *f = &m->fields[fi];
    bool seen_id = false, seen_unique = false, seen_default = false, seen_map = false;
    for (size_t i = 0; i < pf->nattrs; i++) {
        const rm_prisma_attr *at = &pf->attrs[i];
        const char *native;
        if (rm_prisma_attr_is_native(at, b->g->datasource, &native)) {
            if (f->kind == RM_FIELD_RELATION)
                continue;
            f->native.name = native;
            f->native.loc = at->loc;
            f->native.nargs = at->args.n;
            f->native.args = RM_NEW_ARRAY(b->a, const char *, at->args.n ? at->args.n : 1);
            for (size_t k = 0; k < at->args.n; k++)
                f->native.args[k] = at->args.items[k].value.text;
            continue;
        }
        field_attr_kind kind = field_attr_kind_of(at->name);
        if (kind == FA_UNKNOWN) {
            rm_diag_error(b->d, RM_E_PRISMA_UNKNOWN_ATTRIBUTE, at->loc,
                          "Attribute not known: \"@%s\".", at->name);
            continue;
        }
        bool *seen = kind == FA_ID        ? &seen_id
                     : kind == FA_UNIQUE  ? &seen_unique
                     : kind == FA_DEFAULT ? &seen_default
                     : kind == FA_MAP     ? &seen_map
                                          : NULL;
        if (seen && *seen) {
            rm_diag_error(b->d, RM_E_PRISMA_DUPLICATE_ATTRIBUTE, at->loc,
                          "Attribute \"@%s\" can only be defined once.", at->name);
            continue;
        }
        if (seen)
            *seen = true;
        if (kind == FA_MAP) {
            if (f->kind == RM_FIELD_RELATION) {
                rm_diag *dg =
                    rm_diag_error(b->d, RM_E_PRISMA_MAP_ON_RELATION, at->loc,
                                  "The attribute `@map` cannot be used on relation fields.");
                rm_diag_set_hint(b->d, dg,
                                 "put @map on the scalar fields listed in `fields:` instead");
                continue;
            }
            const char *v = rm_prisma_expr_string(rm_prisma_attr_arg(at, "name", 0), NULL);
            if (!v) {
                rm_diag_error(b->d, RM_E_PRISMA_ATTRIBUTE_ARGUMENT, at->loc,
                              "Argument \"name\" is missing in attribute \"@map\".");
                continue;
            }
            f->db_name = v;
            f->mapped = true;
        } else if (kind == FA_UPDATED_AT) {
            f->updated_at = true;
            if (f->kind == RM_FIELD_SCALAR && f->scalar != RM_SCALAR_DATETIME &&
                f->scalar != RM_SCALAR_NONE)
                rm_diag_error(b->d, RM_E_PRISMA_UPDATED_AT, at->loc,
                              "Fields that are marked with @updatedAt must be of type DateTime.");
        } else if (kind == FA_IGNORE) {
            f->ignored = true;
        } else if (kind == FA_RELATION) {
            if (f->kind != RM_FIELD_RELATION && f->scalar != RM_SCALAR_NONE)
                rm_diag_error(b->d, RM_E_PRISMA_ATTRIBUTE_ARGUMENT, at->loc,
                              "Invalid field type, not a relation.");
        } else if (f->kind == RM_FIELD_RELATION) {
            /* @id/@unique/@default on a relation field: Prisma rejects these as attributes
             * that do not apply to relation fields. */
            rm_diag_error(b->d, RM_E_PRISMA_UNKNOWN_ATTRIBUTE, at->loc,
                          "The attribute `@%s` cannot be used on relation fields.", at->name);
        } else if (kind == FA_DEFAULT) {
            const rm_prisma_expr *v = rm_prisma_attr_arg(at, "value", 0);
            if (!v) {
                rm_diag_error(b->d, RM_E_PRISMA_ATTRIBUTE_ARGUMENT, at->loc,
                              "Argument \"value\" is missing in attribute \"@default\".");
                continue;
            }
            parse_default_value(b, &f->def, v, f);
            const rm_prisma_expr *mp = rm_prisma_attr_arg(at, "map", SIZE_MAX);
            if (mp)
                f->def.map = rm_prisma_expr_string(mp, NULL);
            if (f->def.kind == RM_DEFAULT_ENUM && f->scalar == RM_SCALAR_ENUM) {
                const rm_enum *en = &b->g->enums[f->type_ref];
                bool found = false;
                for (size_t k = 0; k < en->nvalues; k++)
                    found = found || strcmp(en->values[k].name, f->def.text) == 0;
                if (!found)
                    rm_diag_error(b->d, RM_E_PRISMA_DEFAULT, v->loc,
                                  "The defined default value `%s` is not a valid value of the "
                                  "enum specified for the field.",
                                  f->def.text);
            } else if (f->def.kind == RM_DEFAULT_ENUM && f->scalar != RM_SCALAR_ENUM &&
                       f->scalar != RM_SCALAR_NONE) {
                rm_diag_error(b->d, RM_E_PRISMA_DEFAULT, v->loc,
                              "Expected a %s value, but received literal value `%s`.", f->type_name,
                              f->def.text);
            } else if (f->def.kind == RM_DEFAULT_STRING &&
                       (f->scalar == RM_SCALAR_INT || f->scalar == RM_SCALAR_BIGINT ||
                        f->scalar == RM_SCALAR_FLOAT || f->scalar == RM_SCALAR_BOOLEAN)) {
                rm_diag_error(b->d, RM_E_PRISMA_DEFAULT, v->loc,
                              "Expected a %s value, but received string value `\"%s\"`.",
                              f->type_name, f->def.text);
            } else if (f->def.kind == RM_DEFAULT_NUMBER &&
                       (f->scalar == RM_SCALAR_STRING || f->scalar == RM_SCALAR_BOOLEAN ||
                        f->scalar == RM_SCALAR_DATETIME)) {
                rm_diag_error(b->d, RM_E_PRISMA_DEFAULT, v->loc,
                              "Expected a %s value, but received numeric value `%s`.", f->type_name,
                              f->def.text);
            }
        } else if (kind == FA_ID || kind == FA_UNIQUE) {
            bool is_id = kind == FA_ID;
            rm_index ix;
            memset(&ix, 0, sizeof ix);
            ix.kind = is_id ? RM_INDEX_PRIMARY : RM_INDEX_UNIQUE;
            ix.field_level = true;
            ix.loc = at->loc;
            ix.fields = RM_NEW(b->a, rm_index_field);
            ix.nfields = 1;
            ix.fields[0].field = fi;
            const rm_prisma_expr *e;
            if ((e = rm_prisma_attr_arg(at, "sort", SIZE_MAX)) != NULL)
                ix.fields[0].sort = sort_from(e);
            if ((e = rm_prisma_attr_arg(at, "length", SIZE_MAX)) != NULL &&
                e->kind == RM_PEXPR_NUMBER)
                ix.fields[0].length = (uint32_t)strtoul(e->text, NULL, 10);
            index_common_args(b, &ix, at, true);
            if (is_id) {
                if (f->optional || f->list)
                    rm_diag_error(b->d, RM_E_PRISMA_PRIMARY_KEY, at->loc,
                                  "Fields that are marked as id must be required.");
                if (*pk_attr) {
                    rm_diag_error(b->d, RM_E_PRISMA_PRIMARY_KEY, at->loc,
                                  "At most one field must be marked as the id field with the "
                                  "`@id` attribute.");
                    continue;
                }
                *pk_attr = RM_NEW(b->a, rm_index);
                **pk_attr = ix;
                *pk_at = at;
            } else {
                RM_VEC_PUSH(b->tmp, m->indexes, m->nindexes, b->index_cap[mi], ix);
            }
        }
    }
}

static void build_fields(pb *b, uint32_t mi)
{
    rm_model *m = &b->g->models[mi];
    const rm_prisma_block *blk = b->models[mi].blk;
    /* Not zeroed: each field is cleared when it is filled in, and only those are counted. */
    m->fields = rm_arena_alloc(b->a, sizeof(rm_field) * (blk->nfields ? blk->nfields : 1));
    b->models[mi].relfield = RM_NEW_ARRAY(b->tmp, uint32_t, blk->nfields ? blk->nfields : 1);
    for (size_t i = 0; i < blk->nfields; i++) {
        const rm_prisma_field *pf = &blk->fields[i];
        bool dup = false;
        /* Quadratic in the fields of one model, so the first byte is compared inline. */
        for (size_t k = 0; k < m->nfields && !dup; k++)
            dup = m->fields[k].name[0] == pf->name[0] && strcmp(m->fields[k].name, pf->name) == 0;
        if (dup) {
            rm_diag_error(b->d, RM_E_PRISMA_DUPLICATE_FIELD, pf->name_loc,
                          "Field \"%s\" is already defined on %s \"%s\".", pf->name, model_word(m),
                          m->name);
            continue;
        }
        rm_field *f = &m->fields[m->nfields];
        memset(f, 0, sizeof *f);
        f->name = pf->name;
        f->db_name = pf->name;
        f->doc = pf->doc;
        f->loc = pf->loc;
        f->name_loc = pf->name_loc;
        f->type_loc = pf->type_loc;
        f->type_ref = RM_NONE;
        f->relation = RM_NONE;
        f->optional = pf->arity == RM_PARITY_OPTIONAL;
        f->list = pf->arity == RM_PARITY_LIST;
        b->models[mi].relfield[m->nfields] = RM_NONE;
        b->astfield[mi][m->nfields] = pf;
        m->nfields++;
        resolve_field_type(b, m, f, pf);
    }
}

/* Native types per provider and the scalar type each one needs (Prisma's connectors'
 * native_types.rs). nargs_max is the number of arguments the constructor takes (optional or
 * not); -1 = not checked. */
typedef struct native_spec {
    const char *name;
    rm_scalar scalar;
    int nargs_max;
} native_spec;

static const native_spec pg_natives[] = {
    {"Text", RM_SCALAR_STRING, 0},
    {"Char", RM_SCALAR_STRING, 1},
    {"VarChar", RM_SCALAR_STRING, 1},
    {"Bit", RM_SCALAR_STRING, 1},
    {"VarBit", RM_SCALAR_STRING, 1},
    {"Uuid", RM_SCALAR_STRING, 0},
    {"Xml", RM_SCALAR_STRING, 0},
    {"Inet", RM_SCALAR_STRING, 0},
    {"Citext", RM_SCALAR_STRING, 0},
    {"Boolean", RM_SCALAR_BOOLEAN, 0},
    {"Integer", RM_SCALAR_INT, 0},
    {"SmallInt", RM_SCALAR_INT, 0},
    {"Oid", RM_SCALAR_INT, 0},
    {"BigInt", RM_SCALAR_BIGINT, 0},
    {"Real", RM_SCALAR_FLOAT, 0},
    {"DoublePrecision", RM_SCALAR_FLOAT, 0},
    {"Decimal", RM_SCALAR_DECIMAL, 2},
    {"Money", RM_SCALAR_DECIMAL, 0},
    {"Timestamp", RM_SCALAR_DATETIME, 1},
    {"Timestamptz", RM_SCALAR_DATETIME, 1},
    {"Date", RM_SCALAR_DATETIME, 0},
    {"Time", RM_SCALAR_DATETIME, 1},
    {"Timetz", RM_SCALAR_DATETIME, 1},
    {"Json", RM_SCALAR_JSON, 0},
    {"JsonB", RM_SCALAR_JSON, 0},
    {"ByteA", RM_SCALAR_BYTES, 0},
};

static const native_spec my_natives[] = {
    {"VarChar", RM_SCALAR_STRING, 1},
    {"Text", RM_SCALAR_STRING, 0},
    {"Char", RM_SCALAR_STRING, 1},
    {"TinyText", RM_SCALAR_STRING, 0},
    {"MediumText", RM_SCALAR_STRING, 0},
    {"LongText", RM_SCALAR_STRING, 0},
    {"Int", RM_SCALAR_INT, 0},
    {"UnsignedInt", RM_SCALAR_INT, 0},
    {"SmallInt", RM_SCALAR_INT, 0},
    {"UnsignedSmallInt", RM_SCALAR_INT, 0},
    {"MediumInt", RM_SCALAR_INT, 0},
    {"UnsignedMediumInt", RM_SCALAR_INT, 0},
    {"TinyInt", RM_SCALAR_NONE, 0},
    {"UnsignedTinyInt", RM_SCALAR_NONE, 0},
    {"Year", RM_SCALAR_INT, 0},
    {"BigInt", RM_SCALAR_BIGINT, 0},
    {"UnsignedBigInt", RM_SCALAR_BIGINT, 0},
    {"Float", RM_SCALAR_FLOAT, 0},
    {"Double", RM_SCALAR_FLOAT, 0},
    {"Decimal", RM_SCALAR_DECIMAL, 2},
    {"DateTime", RM_SCALAR_DATETIME, 1},
    {"Timestamp", RM_SCALAR_DATETIME, 1},
    {"Date", RM_SCALAR_DATETIME, 0},
    {"Time", RM_SCALAR_DATETIME, 1},
    {"Json", RM_SCALAR_JSON, 0},
    {"Bit", RM_SCALAR_NONE, 1},
    {"Binary", RM_SCALAR_BYTES, 1},
    {"VarBinary", RM_SCALAR_BYTES, 1},
    {"TinyBlob", RM_SCALAR_BYTES, 0},
    {"Blob", RM_SCALAR_BYTES, 0},
    {"MediumBlob", RM_SCALAR_BYTES, 0},
    {"LongBlob", RM_SCALAR_BYTES, 0},
};

/* TinyInt and Bit serve two scalar types on MySQL (Boolean/Int, Boolean/Bytes). */
static bool my_multi_ok(const char *name, rm_scalar s)
{
    if (strcmp(name, "TinyInt") == 0 || strcmp(name, "UnsignedTinyInt") == 0)
        return s == RM_SCALAR_BOOLEAN || s == RM_SCALAR_INT;
    if (strcmp(name, "Bit") == 0)
        return s == RM_SCALAR_BOOLEAN || s == RM_SCALAR_BYTES;
    return false;
}

static void check_native_type(pb *b, const rm_model *m, const rm_field *f)
{
    const native_spec *tab;
    size_t n;
    const char *conn;
    switch (b->g->provider) {
    case RM_PROVIDER_POSTGRES:
        tab = pg_natives;
        n = RM_ARRAY_LEN(pg_natives);
        conn = "postgresql";
        break;
    case RM_PROVIDER_MYSQL:
        tab = my_natives;
        n = RM_ARRAY_LEN(my_natives);
        conn = "mysql";
        break;
    case RM_PROVIDER_SQLITE:
        tab = NULL;
        n = 0;
        conn = "sqlite";
        break;
    default:
        return; /* CockroachDB, SQL Server, MongoDB: not checked (not relmig targets) */
    }
    (void)m;
    const native_spec *spec = NULL;
    for (size_t i = 0; i < n && !spec; i++)
        if (strcmp(tab[i].name, f->native.name) == 0)
            spec = &tab[i];
    if (!spec) {
        rm_diag_error(b->d, RM_E_PRISMA_NATIVE_TYPE, f->native.loc,
                      "Native type %s is not supported for %s connector.", f->native.name, conn);
        return;
    }
    if (f->scalar == RM_SCALAR_UNSUPPORTED || f->scalar == RM_SCALAR_NONE)
        return;
    bool ok = spec->scalar == f->scalar ||
              (b->g->provider == RM_PROVIDER_MYSQL && my_multi_ok(spec->name, f->scalar));
    if (!ok) {
        rm_diag *dg = rm_diag_error(
            b->d, RM_E_PRISMA_NATIVE_TYPE, f->native.loc,
            "Native type %s is not compatible with declared field type %s, expected field type "
            "%s.",
            f->native.name, f->type_name,
            spec->scalar != RM_SCALAR_NONE ? rm_scalar_name(spec->scalar) : "Boolean");
        rm_diag_set_hint(b->d, dg, "remove @%s.%s or change the field type",
                         b->g->datasource ? b->g->datasource : "db", f->native.name);
        return;
    }
    if (spec->nargs_max >= 0 && f->native.nargs > (size_t)spec->nargs_max)
        rm_diag_error(b->d, RM_E_PRISMA_NATIVE_TYPE, f->native.loc,
                      "Native type %s takes %d optional arguments, but received %zu.",
                      f->native.name, spec->nargs_max, (size_t)f->native.nargs);
}

static void field_rules(pb *b, uint32_t mi)
{
    rm_model *m = &b->g->models[mi];
    for (size_t i = 0; i < m->nfields; i++) {
        rm_field *f = &m->fields[i];
        if (f->kind != RM_FIELD_SCALAR || !f->list || f->scalar == RM_SCALAR_NONE)
            continue;
        rm_provider p = b->g->provider;
        if (p == RM_PROVIDER_MYSQL || p == RM_PROVIDER_SQLITE || p == RM_PROVIDER_SQLSERVER)
            rm_diag_error(b->d, RM_E_PRISMA_SCALAR_LIST, f->loc,
                          "Field \"%s\" in %s \"%s\" can't be a list. The current connector does "
                          "not support lists of primitive types.",
                          f->name, model_word(m), m->name);
    }
    for (size_t i = 0; i < m->nfields; i++)
        if (m->fields[i].kind == RM_FIELD_SCALAR && m->fields[i].native.name)
            check_native_type(b, m, &m->fields[i]);
}

/* ---- models ----------------------------------------------------------------------------- */

static bool is_known_block_attr(const char *name)
{
    static const char *const known[] = {"id",  "unique", "index",  "fulltext",
                                        "map", "ignore", "schema", "shardKey"};
    for (size_t i = 0; i < RM_ARRAY_LEN(known); i++)
        if (strcmp(known[i], name) == 0)
            return true;
    return false;
}

static void model_attributes(pb *b, uint32_t mi)
{
    rm_model *m = &b->g->models[mi];
    const rm_prisma_block *blk = b->models[mi].blk;
    rm_index *pk = NULL;
    const rm_prisma_attr *pk_at = NULL;
    /* The index list is built in one scratch buffer shared by all models (most models have
     * one to three indexes: a vector per model would start at eight) and copied out at the
     * end at its exact size. */
    m->indexes = b->ixbuf;
    b->index_cap[mi] = b->ixcap;
    /* Field attributes first, in field order (Prisma visits fields before block attributes). */
    for (size_t i = 0; i < m->nfields; i++)
        field_attributes(b, mi, (uint32_t)i, b->astfield[mi][i], &pk, &pk_at);

    bool seen_map = false, seen_schema = false;
    for (size_t i = 0; i < blk->nattrs; i++) {
        const rm_prisma_attr *at = &blk->attrs[i];
        if (!is_known_block_attr(at->name)) {
            rm_diag_error(b->d, RM_E_PRISMA_UNKNOWN_ATTRIBUTE, at->loc,
                          "Attribute not known: \"@@%s\".", at->name);
            continue;
        }
        if (strcmp(at->name, "map") == 0) {
            const char *v = rm_prisma_expr_string(rm_prisma_attr_arg(at, "name", 0), NULL);
            if (seen_map) {
                rm_diag_error(b->d, RM_E_PRISMA_DUPLICATE_ATTRIBUTE, at->loc,
                              "Attribute \"@@map\" can only be defined once.");
            } else if (!v) {
                rm_diag_error(b->d, RM_E_PRISMA_ATTRIBUTE_ARGUMENT, at->loc,
                              "Argument \"name\" is missing in attribute \"@@map\".");
            } else {
                m->db_name = v;
                m->mapped = true;
            }
            seen_map = true;
        } else if (strcmp(at->name, "ignore") == 0) {
            m->ignored = true;
        } else if (strcmp(at->name, "schema") == 0) {
            const char *v = rm_prisma_expr_string(rm_prisma_attr_arg(at, "name", 0), NULL);
            if (seen_schema || !v)
                continue;
            seen_schema = true;
            m->schema = v;
            bool known = false;
            for (size_t k = 0; k < b->g->nschemas; k++)
                known = known || strcmp(b->g->schemas[k], v) == 0;
            if (b->g->provider == RM_PROVIDER_MYSQL || b->g->provider == RM_PROVIDER_SQLITE)
                rm_diag_error(b->d, RM_E_PRISMA_SCHEMA_ATTR, at->loc,
                              "@@schema is not supported on the current datasource provider");
            else if (b->g->nschemas == 0)
                rm_diag_error(b->d, RM_E_PRISMA_SCHEMA_ATTR, at->loc,
                              "This schema is not defined in the datasource. Read more on "
                              "`@@schema` at https://pris.ly/d/multi-schema");
            else if (!known)
                rm_diag_error(b->d, RM_E_PRISMA_SCHEMA_ATTR, at->loc,
                              "This schema is not defined in the datasource. Read more on "
                              "`@@schema` at https://pris.ly/d/multi-schema");
        } else if (strcmp(at->name, "shardKey") == 0) {
            continue;
        } else {
            rm_index_kind kind = strcmp(at->name, "id") == 0       ? RM_INDEX_PRIMARY
                                 : strcmp(at->name, "unique") == 0 ? RM_INDEX_UNIQUE
                                 : strcmp(at->name, "index") == 0  ? RM_INDEX_NORMAL
                                                                   : RM_INDEX_FULLTEXT;
            rm_index ix;
            bool ok = block_index(b, m, at, kind, &ix);
            if (kind == RM_INDEX_PRIMARY) {
                if (pk) {
                    rm_diag_error(b->d, RM_E_PRISMA_PRIMARY_KEY, at->loc,
                                  "Each model must have at most one id criteria. You can't have "
                                  "`@id` and `@@id` at the same time.");
                    continue;
                }
                if (!ok)
                    continue;
                for (size_t k = 0; k < ix.nfields; k++)
                    if (m->fields[ix.fields[k].field].optional)
                        rm_diag_error(b->d, RM_E_PRISMA_PRIMARY_KEY, at->loc,
                                      "The id definition refers to the optional fields %s. ID "
                                      "definitions must reference only required fields.",
                                      m->fields[ix.fields[k].field].name);
                pk = RM_NEW(b->a, rm_index);
                *pk = ix;
                pk_at = at;
            } else if (ok) {
                if (kind == RM_INDEX_FULLTEXT && b->g->provider != RM_PROVIDER_MYSQL &&
                    b->g->provider != RM_PROVIDER_MONGODB && b->g->provider != RM_PROVIDER_NONE)
                    rm_diag_error(b->d, RM_E_PRISMA_UNKNOWN_ATTRIBUTE, at->loc,
                                  "You must specify the `fullTextIndex` preview feature or use a "
                                  "provider that supports full-text indexes.");
                RM_VEC_PUSH(b->tmp, m->indexes, m->nindexes, b->index_cap[mi], ix);
            }
        }
    }
    b->ixbuf = m->indexes;
    b->ixcap = b->index_cap[mi];
    m->indexes =
        m->nindexes ? rm_arena_memdup(b->a, b->ixbuf, m->nindexes * sizeof *m->indexes) : NULL;
    m->primary_key = pk;
    if (m->is_view && pk)
        rm_diag_error(b->d, RM_E_PRISMA_VIEW, pk_at->loc, "Views cannot have primary keys.");
}

/* A unique criterion with only required scalar fields: @id, @@id, @unique or @@unique. */
static bool has_strict_unique(const rm_model *m)
{
    if (m->primary_key)
        return true;
    for (size_t i = 0; i < m->nindexes; i++) {
        const rm_index *ix = &m->indexes[i];
        if (ix->kind != RM_INDEX_UNIQUE || ix->nfields == 0)
            continue;
        bool ok = true;
        for (size_t k = 0; k < ix->nfields; k++) {
            const rm_field *f = &m->fields[ix->fields[k].field];
            ok =
                ok && !f->optional && !f->list && f->scalar != RM_SCALAR_UNSUPPORTED && !f->ignored;
        }
        if (ok)
            return true;
    }
    return false;
}

static void model_rules(pb *b, uint32_t mi)
{
    rm_model *m = &b->g->models[mi];
    if (!m->is_view && !m->ignored && !has_strict_unique(m))
        rm_diag_error(b->d, RM_E_PRISMA_NO_UNIQUE_CRITERIA, m->name_loc,
                      "Each model must have at least one unique criteria that has only required "
                      "fields. Either mark a single field with `@id`, `@unique` or add a multi "
                      "field criterion with `@@id([])` or `@@unique([])` to the model.");
    if (isdigit((unsigned char)m->name[0]))
        rm_diag_error(b->d, RM_E_PRISMA_INVALID_NAME, m->name_loc,
                      "The name of a %s must not start with a number.", model_word(m));
}

/* ---- enums ------------------------------------------------------------------------------ */

static void build_enum(pb *b, rm_enum *e, const rm_prisma_block *blk)
{
    memset(e, 0, sizeof *e);
    e->name = blk->name;
    e->db_name = blk->name;
    e->doc = blk->doc;
    e->loc = blk->loc;
    e->values = RM_NEW_ARRAY(b->a, rm_enum_value, blk->nvalues ? blk->nvalues : 1);
    for (size_t i = 0; i < blk->nvalues; i++) {
        const rm_prisma_enum_value *v = &blk->values[i];
        bool dup = false;
        for (size_t k = 0; k < e->nvalues; k++)
            dup = dup || strcmp(e->values[k].name, v->name) == 0;
        if (dup) {
            rm_diag_error(b->d, RM_E_PRISMA_DUPLICATE_FIELD, v->name_loc,
                          "Value \"%s\" is already defined on enum \"%s\".", v->name, e->name);
            continue;
        }
        rm_enum_value *ev = &e->values[e->nvalues++];
        ev->name = v->name;
        ev->db_name = v->name;
        ev->doc = v->doc;
        ev->loc = v->loc;
        const char *mapped = rm_prisma_expr_string(
            rm_prisma_attr_arg(rm_prisma_enum_value_attr(v, "map"), "name", 0), NULL);
        if (mapped)
            ev->db_name = mapped;
    }
    for (size_t i = 0; i < blk->nattrs; i++) {
        const rm_prisma_attr *at = &blk->attrs[i];
        const char *v = rm_prisma_expr_string(rm_prisma_attr_arg(at, "name", 0), NULL);
        if (strcmp(at->name, "map") == 0 && v)
            e->db_name = v;
        else if (strcmp(at->name, "schema") == 0 && v)
            e->schema = v;
        else if (strcmp(at->name, "map") != 0 && strcmp(at->name, "schema") != 0)
            rm_diag_error(b->d, RM_E_PRISMA_UNKNOWN_ATTRIBUTE, at->loc,
                          "Attribute not known: \"@@%s\".", at->name);
    }
    if (blk->nvalues == 0)
        rm_diag_error(b->d, RM_E_PRISMA_ENUM, blk->name_loc,
                      "An enum must have at least one value.");
    if (b->g->provider == RM_PROVIDER_SQLITE || b->g->provider == RM_PROVIDER_SQLSERVER)
        rm_diag_error(b->d, RM_E_PRISMA_ENUM, blk->name_loc,
                      "You defined the enum `%s`. But the current connector does not support "
                      "enums.",
                      e->name);
}

/* ---- entry point ------------------------------------------------------------------------ */

static const char *block_word(rm_prisma_block_kind k)
{
    return rm_prisma_block_kind_name(k);
}

int rm_prisma_build(rm_graph **out, rm_prisma_ast *const *asts, size_t nasts, rm_arena *a,
                    rm_diags *d)
{
    return rm_prisma_build_split(out, asts, nasts, a, a, d);
}

int rm_prisma_build_split(rm_graph **out, rm_prisma_ast *const *asts, size_t nasts, rm_arena *a,
                          rm_arena *tmp, rm_diags *d)
{
    size_t errors_before = d->nerrors + d->dropped;
    pb bld;
    memset(&bld, 0, sizeof bld);
    pb *b = &bld;
    b->a = a;
    b->tmp = tmp;
    b->d = d;
    b->g = RM_NEW(a, rm_graph);
    *out = b->g;

    /* 1. Configuration blocks, so provider-dependent rules know the provider. */
    bool seen_ds = false;
    for (size_t f = 0; f < nasts; f++)
        for (size_t i = 0; i < asts[f]->nblocks; i++) {
            const rm_prisma_block *blk = &asts[f]->blocks[i];
            if (blk->kind == RM_PBLOCK_DATASOURCE)
                build_datasource(b, blk, &seen_ds);
            else if (blk->kind == RM_PBLOCK_GENERATOR)
                build_generator(b, blk);
        }
    switch (b->g->provider) {
    case RM_PROVIDER_POSTGRES:
    case RM_PROVIDER_COCKROACH:
        b->max_ident = 63;
        break;
    case RM_PROVIDER_MYSQL:
        b->max_ident = 64;
        break;
    case RM_PROVIDER_SQLSERVER:
        b->max_ident = 128;
        break;
    default:
        b->max_ident = 10000;
        break;
    }

    /* 2. Top-level names: one namespace for models, views, types and enums. */
    size_t nnamed = 0, cap = 0;
    named_block *named = NULL;
    uint32_t decl = 0;
    /* Names seen so far: an open-addressing set of indexes into named (sized for every block),
     * so the duplicate check stays linear in the number of blocks. */
    size_t nblocks = 0, scap = 16;
    for (size_t f = 0; f < nasts; f++)
        nblocks += asts[f]->nblocks;
    while (scap < 2 * nblocks + 2)
        scap *= 2;
    uint32_t *seen = RM_NEW_ARRAY(b->tmp, uint32_t, scap);
    for (size_t k = 0; k < scap; k++)
        seen[k] = RM_NONE;
    for (size_t f = 0; f < nasts; f++)
        for (size_t i = 0; i < asts[f]->nblocks; i++) {
            const rm_prisma_block *blk = &asts[f]->blocks[i];
            if (blk->kind == RM_PBLOCK_DATASOURCE || blk->kind == RM_PBLOCK_GENERATOR)
                continue;
            const named_block *prev = NULL;
            size_t h = 1469598103934665603u;
            for (const char *c = blk->name; *c; c++)
                h = (h ^ (unsigned char)*c) * 1099511628211u;
            for (h &= scap - 1; seen[h] != RM_NONE && !prev; h = (h + 1) & (scap - 1))
                if (strcmp(named[seen[h]].name, blk->name) == 0)
                    prev = &named[seen[h]];
            if (!prev)
                seen[h] = (uint32_t)nnamed;
            if (prev) {
                rm_diag_error(d, RM_E_PRISMA_DUPLICATE_NAME, blk->name_loc,
                              "The %s \"%s\" cannot be defined because a %s with that name "
                              "already exists.",
                              block_word(blk->kind), blk->name, block_word(prev->blk->kind));
                continue;
            }
            named_block nb = {blk->name, blk, decl++};
            RM_VEC_PUSH(b->tmp, named, nnamed, cap, nb);
        }
    if (nnamed > 1)
        qsort(named, nnamed, sizeof *named, cmp_named_block);

    size_t nmodels = 0, nenums = 0;
    for (size_t i = 0; i < nnamed; i++) {
        rm_prisma_block_kind k = named[i].blk->kind;
        if (k == RM_PBLOCK_MODEL || k == RM_PBLOCK_VIEW)
            nmodels++;
        else if (k == RM_PBLOCK_ENUM)
            nenums++;
        else if (k == RM_PBLOCK_TYPE)
            RM_VEC_PUSH(b->tmp, b->types, b->ntypes, b->types_cap, named[i].name);
    }
    rm_graph *g = b->g;
    /* The model and enum arrays are scratch too: rm_graph_sort copies them into a. */
    g->models = RM_NEW_ARRAY(b->tmp, rm_model, nmodels ? nmodels : 1);
    g->enums = RM_NEW_ARRAY(b->tmp, rm_enum, nenums ? nenums : 1);
    b->models = RM_NEW_ARRAY(b->tmp, pb_model, nmodels ? nmodels : 1);
    b->astfield = RM_NEW_ARRAY(b->tmp, const rm_prisma_field **, nmodels ? nmodels : 1);
    b->index_cap = RM_NEW_ARRAY(b->tmp, size_t, nmodels ? nmodels : 1);
    uint32_t *decl_of = RM_NEW_ARRAY(b->tmp, uint32_t, nmodels ? nmodels : 1);
    /* Enums first: field types refer to them. Names are sorted already. */
    for (size_t i = 0; i < nnamed; i++) {
        const rm_prisma_block *blk = named[i].blk;
        if (blk->kind == RM_PBLOCK_MODEL || blk->kind == RM_PBLOCK_VIEW) {
            rm_model *m = &g->models[g->nmodels];
            memset(m, 0, sizeof *m);
            m->name = blk->name;
            m->db_name = blk->name;
            m->doc = blk->doc;
            m->loc = blk->loc;
            m->name_loc = blk->name_loc;
            m->is_view = blk->kind == RM_PBLOCK_VIEW;
            b->models[g->nmodels].blk = blk;
            b->astfield[g->nmodels] =
                RM_NEW_ARRAY(b->tmp, const rm_prisma_field *, blk->nfields ? blk->nfields : 1);
            decl_of[g->nmodels] = named[i].decl;
            g->nmodels++;
        } else if (blk->kind == RM_PBLOCK_ENUM) {
            build_enum(b, &g->enums[g->nenums++], blk);
        }
    }
    /* Declaration order of models, for Prisma's reporting order. */
    b->decl = RM_NEW_ARRAY(b->tmp, uint32_t, nmodels ? nmodels : 1);
    b->ndecl = nmodels;
    {
        /* decl numbers are distinct and below `decl`: place each model at its number, then
         * squeeze out the gaps (enums, types). Linear; an insertion sort was quadratic for
         * names whose sorted order differs from the declaration order (M10 before M2). */
        uint32_t *slot = RM_NEW_ARRAY(b->tmp, uint32_t, decl ? decl : 1);
        for (size_t i = 0; i < decl; i++)
            slot[i] = RM_NONE;
        for (size_t i = 0; i < nmodels; i++)
            slot[decl_of[i]] = (uint32_t)i;
        size_t k = 0;
        for (size_t i = 0; i < decl; i++)
            if (slot[i] != RM_NONE)
                b->decl[k++] = slot[i];
    }

    /* 3. Fields and their types (all models first: attributes look at other models). */
    for (size_t i = 0; i < nmodels; i++)
        build_fields(b, b->decl[i]);
    /* Composite type fields with @relation (MongoDB only construct, still checked). */
    for (size_t f = 0; f < nasts; f++)
        for (size_t i = 0; i < asts[f]->nblocks; i++) {
            const rm_prisma_block *blk = &asts[f]->blocks[i];
            if (blk->kind != RM_PBLOCK_TYPE)
                continue;
            for (size_t k = 0; k < blk->nfields; k++) {
                const rm_prisma_attr *rel = rm_prisma_field_attr(&blk->fields[k], "relation");
                if (rel) {
                    rm_diag_error(d, RM_E_PRISMA_COMPOSITE_TYPE, blk->fields[k].loc,
                                  "Defining `@relation` attribute for a field in a composite "
                                  "type is not allowed.");
                    rm_diag_error(d, RM_E_PRISMA_UNKNOWN_ATTRIBUTE, rel->loc,
                                  "Attribute not known: \"@relation\".");
                }
            }
        }
    /* 4. Attributes and keys (including the arguments of every @relation). */
    for (size_t i = 0; i < nmodels; i++)
        model_attributes(b, b->decl[i]);
    rm_pb_relations_collect(b);
    /* Like Prisma (psl-core validate()), the semantic checks below run only on a schema whose
     * syntax, names, types and attributes are sound: they would mostly report consequences of
     * the first errors. The graph then has no relations, which is fine: it is only printed for
     * valid schemas. */
    if (!rm_diags_has_errors(d)) {
        for (size_t i = 0; i < nmodels; i++) {
            field_rules(b, b->decl[i]);
            model_rules(b, b->decl[i]);
        }
        /* 5. Relations. */
        rm_pb_relations(b);
    }
    g->relations = b->rels;
    g->nrelations = b->nrels;
    rm_graph_sort(g, a);
    return d->nerrors + d->dropped > errors_before ? RM_ESEMANTIC : RM_OK;
}
