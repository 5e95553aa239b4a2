/*
 * Graph helpers every builder and reader shares: lookups, the stable names of enum constants,
 * and the final sort that makes a graph's arrays deterministic. Not for building (see
 * prisma_build.c) or checking (validate.c) a graph.
 */
#include "model/graph.h"

#include <stddef.h>
#include <string.h>

/* Binary search over n records of the given stride whose name pointer sits at offset off,
 * sorted by name; RM_NONE when absent. */
static uint32_t find_sorted(const void *base, size_t n, size_t stride, size_t off,
                            const char *name)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *mname;
        memcpy(&mname, (const char *)base + mid * stride + off, sizeof mname);
        int c = strcmp(mname, name);
        if (c == 0)
            return (uint32_t)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return RM_NONE;
}

uint32_t rm_graph_find_model(const rm_graph *g, const char *name)
{
    uint32_t i = find_sorted(g->models, g->nmodels, sizeof g->models[0],
                             offsetof(rm_model, name), name);
    if (i != RM_NONE)
        return i;
    /* Duplicate or unsorted input (a graph under construction): fall back to a scan. */
    for (size_t k = 0; k < g->nmodels; k++)
        if (strcmp(g->models[k].name, name) == 0)
            return (uint32_t)k;
    return RM_NONE;
}

uint32_t rm_graph_find_enum_sorted(const rm_graph *g, const char *name)
{
    return find_sorted(g->enums, g->nenums, sizeof g->enums[0], offsetof(rm_enum, name), name);
}

uint32_t rm_graph_find_enum(const rm_graph *g, const char *name)
{
    for (size_t i = 0; i < g->nenums; i++)
        if (strcmp(g->enums[i].name, name) == 0)
            return (uint32_t)i;
    return RM_NONE;
}

uint32_t rm_model_find_field(const rm_model *m, const char *name)
{
    /* First byte first: most fields of a model differ there, and strcmp is a call. */
    for (size_t i = 0; i < m->nfields; i++)
        if (m->fields[i].name[0] == name[0] && strcmp(m->fields[i].name, name) == 0)
            return (uint32_t)i;
    return RM_NONE;
}

const char *rm_cardinality_name(rm_cardinality c)
{
    switch (c) {
    case RM_CARD_ONE_TO_ONE:
        return "one_to_one";
    case RM_CARD_ONE_TO_MANY:
        return "one_to_many";
    case RM_CARD_MANY_TO_MANY_IMPLICIT:
        return "many_to_many_implicit";
    }
    return "?";
}

const char *rm_ref_action_name(rm_ref_action a)
{
    switch (a) {
    case RM_ACTION_NONE:
        return NULL;
    case RM_ACTION_CASCADE:
        return "Cascade";
    case RM_ACTION_RESTRICT:
        return "Restrict";
    case RM_ACTION_NO_ACTION:
        return "NoAction";
    case RM_ACTION_SET_NULL:
        return "SetNull";
    case RM_ACTION_SET_DEFAULT:
        return "SetDefault";
    }
    return NULL;
}

const char *rm_scalar_name(rm_scalar s)
{
    static const char *const names[] = {
        [RM_SCALAR_NONE] = NULL,         [RM_SCALAR_STRING] = "String",
        [RM_SCALAR_INT] = "Int",         [RM_SCALAR_BIGINT] = "BigInt",
        [RM_SCALAR_FLOAT] = "Float",     [RM_SCALAR_DECIMAL] = "Decimal",
        [RM_SCALAR_BOOLEAN] = "Boolean", [RM_SCALAR_DATETIME] = "DateTime",
        [RM_SCALAR_JSON] = "Json",       [RM_SCALAR_BYTES] = "Bytes",
        [RM_SCALAR_ENUM] = "Enum",       [RM_SCALAR_UNSUPPORTED] = "Unsupported",
    };
    return (size_t)s < RM_ARRAY_LEN(names) ? names[s] : NULL;
}

const char *rm_provider_name(rm_provider p)
{
    switch (p) {
    case RM_PROVIDER_NONE:
        return NULL;
    case RM_PROVIDER_POSTGRES:
        return "postgresql";
    case RM_PROVIDER_COCKROACH:
        return "cockroachdb";
    case RM_PROVIDER_MYSQL:
        return "mysql";
    case RM_PROVIDER_SQLITE:
        return "sqlite";
    case RM_PROVIDER_SQLSERVER:
        return "sqlserver";
    case RM_PROVIDER_MONGODB:
        return "mongodb";
    case RM_PROVIDER_OTHER:
        return "other";
    }
    return NULL;
}

const char *rm_default_kind_name(rm_default_kind k)
{
    static const char *const names[] = {
        [RM_DEFAULT_NONE] = NULL,
        [RM_DEFAULT_STRING] = "string",
        [RM_DEFAULT_NUMBER] = "number",
        [RM_DEFAULT_BOOL] = "boolean",
        [RM_DEFAULT_ENUM] = "enum",
        [RM_DEFAULT_LIST] = "list",
        [RM_DEFAULT_AUTOINCREMENT] = "autoincrement",
        [RM_DEFAULT_NOW] = "now",
        [RM_DEFAULT_UUID] = "uuid",
        [RM_DEFAULT_CUID] = "cuid",
        [RM_DEFAULT_NANOID] = "nanoid",
        [RM_DEFAULT_ULID] = "ulid",
        [RM_DEFAULT_DBGENERATED] = "dbgenerated",
        [RM_DEFAULT_SEQUENCE] = "sequence",
        [RM_DEFAULT_AUTO] = "auto",
    };
    return (size_t)k < RM_ARRAY_LEN(names) ? names[k] : NULL;
}

const char *rm_index_algo_name(rm_index_algo a)
{
    switch (a) {
    case RM_ALGO_DEFAULT:
        return NULL;
    case RM_ALGO_BTREE:
        return "BTree";
    case RM_ALGO_HASH:
        return "Hash";
    case RM_ALGO_GIST:
        return "Gist";
    case RM_ALGO_GIN:
        return "Gin";
    case RM_ALGO_SPGIST:
        return "SpGist";
    case RM_ALGO_BRIN:
        return "Brin";
    }
    return NULL;
}

/* Index sorting with a context argument (C11 qsort has none, and the core keeps no globals):
 * a stable merge sort of positions, so ties keep declaration order. */
typedef int (*rm_idx_cmp)(const rm_graph *g, uint32_t a, uint32_t b);

static void merge_sort(uint32_t *v, uint32_t *tmp, size_t n, const rm_graph *g, rm_idx_cmp cmp)
{
    if (n < 2)
        return;
    size_t mid = n / 2;
    merge_sort(v, tmp, mid, g, cmp);
    merge_sort(v + mid, tmp, n - mid, g, cmp);
    /* Halves already in order (the Prisma builder's models are): nothing to merge. The
     * result is the same as merging, which also keeps v[mid - 1] before v[mid] here. */
    if (cmp(g, v[mid], v[mid - 1]) >= 0)
        return;
    size_t i = 0, j = mid, k = 0;
    while (i < mid && j < n)
        tmp[k++] = cmp(g, v[j], v[i]) < 0 ? v[j++] : v[i++];
    while (i < mid)
        tmp[k++] = v[i++];
    while (j < n)
        tmp[k++] = v[j++];
    memcpy(v, tmp, n * sizeof *v);
}

static int cmp_model_idx(const rm_graph *g, uint32_t a, uint32_t b)
{
    return strcmp(g->models[a].name, g->models[b].name);
}

static int cmp_enum_idx(const rm_graph *g, uint32_t a, uint32_t b)
{
    return strcmp(g->enums[a].name, g->enums[b].name);
}

static const char *end_name(const rm_graph *g, rm_relation_end e)
{
    return e.model == RM_NONE ? "" : g->models[e.model].name;
}

static const char *end_field(const rm_graph *g, rm_relation_end e)
{
    if (e.model == RM_NONE || e.field == RM_NONE)
        return "";
    return g->models[e.model].fields[e.field].name;
}

static int cmp_relation_idx(const rm_graph *g, uint32_t a, uint32_t b)
{
    const rm_relation *ra = &g->relations[a], *rb = &g->relations[b];
    int c = strcmp(ra->name ? ra->name : "", rb->name ? rb->name : "");
    if (!c)
        c = strcmp(end_name(g, ra->from), end_name(g, rb->from));
    if (!c)
        c = strcmp(end_name(g, ra->to), end_name(g, rb->to));
    if (!c)
        c = strcmp(end_field(g, ra->from), end_field(g, rb->from));
    return c;
}

/* Returns order[new] = old and sets *inv_out so that inv[old] = new. */
static uint32_t *sorted_order(rm_arena *a, const rm_graph *g, size_t n, rm_idx_cmp cmp,
                              uint32_t **inv_out)
{
    uint32_t *order = RM_NEW_ARRAY(a, uint32_t, n ? n : 1);
    uint32_t *tmp = RM_NEW_ARRAY(a, uint32_t, n ? n : 1);
    uint32_t *inv = RM_NEW_ARRAY(a, uint32_t, n ? n : 1);
    for (size_t i = 0; i < n; i++)
        order[i] = (uint32_t)i;
    merge_sort(order, tmp, n, g, cmp);
    for (size_t i = 0; i < n; i++)
        inv[order[i]] = (uint32_t)i;
    *inv_out = inv;
    return order;
}

static uint32_t remap(const uint32_t *inv, uint32_t v)
{
    return v == RM_NONE ? RM_NONE : inv[v];
}

void rm_graph_sort(rm_graph *g, rm_arena *a)
{
    uint32_t *minv, *einv, *rinv;
    uint32_t *morder = sorted_order(a, g, g->nmodels, cmp_model_idx, &minv);
    uint32_t *eorder = sorted_order(a, g, g->nenums, cmp_enum_idx, &einv);

    rm_model *models = RM_NEW_ARRAY(a, rm_model, g->nmodels ? g->nmodels : 1);
    for (size_t i = 0; i < g->nmodels; i++)
        models[i] = g->models[morder[i]];
    rm_enum *enums = RM_NEW_ARRAY(a, rm_enum, g->nenums ? g->nenums : 1);
    for (size_t i = 0; i < g->nenums; i++)
        enums[i] = g->enums[eorder[i]];
    g->models = models;
    g->enums = enums;

    for (size_t i = 0; i < g->nmodels; i++) {
        for (size_t j = 0; j < models[i].nfields; j++) {
            rm_field *f = &models[i].fields[j];
            if (f->kind == RM_FIELD_RELATION)
                f->type_ref = remap(minv, f->type_ref);
            else if (f->scalar == RM_SCALAR_ENUM)
                f->type_ref = remap(einv, f->type_ref);
        }
    }
    for (size_t i = 0; i < g->nrelations; i++) {
        g->relations[i].from.model = remap(minv, g->relations[i].from.model);
        g->relations[i].to.model = remap(minv, g->relations[i].to.model);
    }

    /* Relations are ordered by model names, so sort them after the models are final. */
    uint32_t *rorder = sorted_order(a, g, g->nrelations, cmp_relation_idx, &rinv);
    rm_relation *rels = RM_NEW_ARRAY(a, rm_relation, g->nrelations ? g->nrelations : 1);
    for (size_t i = 0; i < g->nrelations; i++)
        rels[i] = g->relations[rorder[i]];
    g->relations = rels;
    for (size_t i = 0; i < g->nmodels; i++)
        for (size_t j = 0; j < models[i].nfields; j++)
            if (models[i].fields[j].kind == RM_FIELD_RELATION)
                models[i].fields[j].relation = remap(rinv, models[i].fields[j].relation);
}
