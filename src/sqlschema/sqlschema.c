/*
 * Builder, lookups and equality for the physical schema (sqlschema.h). Not for rendering (see
 * dialects/) or diffing (see diff/).
 */
#include "sqlschema/sqlschema.h"

#include <string.h>

void rm_sqlschema_init(rm_sqlschema *s, rm_arena *a)
{
    memset(s, 0, sizeof(*s));
    s->arena = a;
}

static const char *dup_or_null(rm_arena *a, const char *s)
{
    return s ? rm_arena_strdup(a, s) : NULL;
}

/* NULL sorts before any schema name, so unqualified and qualified tables never mix. */
static int cmp_qualified(const char *sa, const char *na, const char *sb, const char *nb)
{
    if (sa != sb) {
        if (!sa)
            return -1;
        if (!sb)
            return 1;
        int c = strcmp(sa, sb);
        if (c)
            return c;
    }
    return strcmp(na, nb);
}

/* Binary search in a sorted pointer array of objects that start with (schema, name). Returns
 * the insertion point; *found says whether items[pos] matches. */
static size_t lower_bound(void *const *items, size_t n, const char *schema, const char *name,
                          size_t schema_off, size_t name_off, bool *found)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *base = items[mid];
        const char *ms = *(const char *const *)(base + schema_off);
        const char *mn = *(const char *const *)(base + name_off);
        if (cmp_qualified(ms, mn, schema, name) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *found = false;
    if (lo < n) {
        const char *base = items[lo];
        const char *ms = *(const char *const *)(base + schema_off);
        const char *mn = *(const char *const *)(base + name_off);
        *found = cmp_qualified(ms, mn, schema, name) == 0;
    }
    return lo;
}

/* Insert p at pos of a sorted array of n pointers (array has room for n + 1). */
static void insert_at(void **items, size_t n, size_t pos, void *p)
{
    memmove(items + pos + 1, items + pos, (n - pos) * sizeof(*items));
    items[pos] = p;
}

rm_sql_table *rm_sqlschema_add_table(rm_sqlschema *s, const char *schema, const char *name)
{
    bool found;
    size_t pos = lower_bound((void *const *)s->tables_by_name, s->ntables, schema, name,
                             offsetof(rm_sql_table, schema), offsetof(rm_sql_table, name), &found);
    if (found)
        return NULL;
    rm_sql_table *t = RM_NEW(s->arena, rm_sql_table);
    t->schema = dup_or_null(s->arena, schema);
    t->name = rm_arena_strdup(s->arena, name);
    t->pos = (uint32_t)s->ntables;
    if (s->ntables == s->tables_cap) {
        size_t cap = s->tables_cap ? s->tables_cap * 2 : 16;
        s->tables = rm_arena_grow(s->arena, s->tables, s->ntables, cap, sizeof(*s->tables));
        s->tables_by_name =
            rm_arena_grow(s->arena, s->tables_by_name, s->ntables, cap, sizeof(*s->tables));
        s->tables_cap = cap;
    }
    insert_at((void **)s->tables_by_name, s->ntables, pos, t);
    s->tables[s->ntables++] = t;
    return t;
}

rm_sql_enum *rm_sqlschema_add_enum(rm_sqlschema *s, const char *schema, const char *name,
                                   const char *const *values, size_t nvalues)
{
    bool found;
    size_t pos = lower_bound((void *const *)s->enums_by_name, s->nenums, schema, name,
                             offsetof(rm_sql_enum, schema), offsetof(rm_sql_enum, name), &found);
    if (found)
        return NULL;
    rm_sql_enum *e = RM_NEW(s->arena, rm_sql_enum);
    e->schema = dup_or_null(s->arena, schema);
    e->name = rm_arena_strdup(s->arena, name);
    e->pos = (uint32_t)s->nenums;
    e->values = RM_NEW_ARRAY(s->arena, const char *, nvalues ? nvalues : 1);
    for (size_t i = 0; i < nvalues; i++)
        e->values[i] = rm_arena_strdup(s->arena, values[i]);
    e->nvalues = nvalues;
    if (s->nenums == s->enums_cap) {
        size_t cap = s->enums_cap ? s->enums_cap * 2 : 8;
        s->enums = rm_arena_grow(s->arena, s->enums, s->nenums, cap, sizeof(*s->enums));
        s->enums_by_name =
            rm_arena_grow(s->arena, s->enums_by_name, s->nenums, cap, sizeof(*s->enums));
        s->enums_cap = cap;
    }
    insert_at((void **)s->enums_by_name, s->nenums, pos, e);
    s->enums[s->nenums++] = e;
    return e;
}

void rm_sqlschema_add_namespace(rm_sqlschema *s, const char *name)
{
    size_t pos = 0;
    while (pos < s->nnamespaces && strcmp(s->namespaces[pos], name) < 0)
        pos++;
    if (pos < s->nnamespaces && strcmp(s->namespaces[pos], name) == 0)
        return;
    const char *copy = rm_arena_strdup(s->arena, name);
    RM_VEC_PUSH(s->arena, s->namespaces, s->nnamespaces, s->namespaces_cap, copy);
    memmove(s->namespaces + pos + 1, s->namespaces + pos,
            (s->nnamespaces - 1 - pos) * sizeof(*s->namespaces));
    s->namespaces[pos] = copy;
}

bool rm_sqlschema_has_namespace(const rm_sqlschema *s, const char *name)
{
    for (size_t i = 0; i < s->nnamespaces; i++)
        if (strcmp(s->namespaces[i], name) == 0)
            return true;
    return false;
}

rm_sql_type rm_sql_type_make(rm_type_family family, const char *name, size_t nargs, uint32_t arg0,
                             uint32_t arg1)
{
    rm_sql_type t;
    memset(&t, 0, sizeof(t));
    t.family = family;
    t.name = name;
    t.nargs = (uint8_t)(nargs > RM_TYPE_MAX_ARGS ? RM_TYPE_MAX_ARGS : nargs);
    t.args[0] = arg0;
    t.args[1] = arg1;
    return t;
}

void rm_sql_type_copy(rm_sqlschema *s, rm_sql_type *dst, const rm_sql_type *src)
{
    *dst = *src;
    dst->name = dup_or_null(s->arena, src->name);
    dst->schema = dup_or_null(s->arena, src->schema);
    if (src->values) {
        const char **v = RM_NEW_ARRAY(s->arena, const char *, src->nvalues ? src->nvalues : 1);
        for (size_t i = 0; i < src->nvalues; i++)
            v[i] = rm_arena_strdup(s->arena, src->values[i]);
        dst->values = v;
    }
}

void rm_sql_default_set(rm_sqlschema *s, rm_sql_column *c, rm_sql_default_kind kind,
                        const char *text)
{
    c->def.kind = kind;
    c->def.text = dup_or_null(s->arena, text);
}

rm_sql_column *rm_sql_table_add_column(rm_sqlschema *s, rm_sql_table *t, const char *name,
                                       const rm_sql_type *type, bool nullable)
{
    if (rm_sql_table_find_column(t, name))
        return NULL;
    rm_sql_column c;
    memset(&c, 0, sizeof(c));
    c.name = rm_arena_strdup(s->arena, name);
    rm_sql_type_copy(s, &c.type, type);
    c.nullable = nullable;
    c.origin = RM_LOC_NONE;
    RM_VEC_PUSH(s->arena, t->cols, t->ncols, t->cols_cap, c);
    return &t->cols[t->ncols - 1];
}

static rm_sql_index_col *plain_cols(rm_sqlschema *s, const char *const *cols, size_t n)
{
    rm_sql_index_col *out = RM_NEW_ARRAY(s->arena, rm_sql_index_col, n ? n : 1);
    for (size_t i = 0; i < n; i++)
        out[i].name = rm_arena_strdup(s->arena, cols[i]);
    return out;
}

static const char **dup_names(rm_sqlschema *s, const char *const *names, size_t n)
{
    const char **out = RM_NEW_ARRAY(s->arena, const char *, n ? n : 1);
    for (size_t i = 0; i < n; i++)
        out[i] = rm_arena_strdup(s->arena, names[i]);
    return out;
}

void rm_sql_table_set_pk(rm_sqlschema *s, rm_sql_table *t, const char *name,
                         const char *const *cols, size_t ncols)
{
    t->pk.name = dup_or_null(s->arena, name);
    t->pk.cols = plain_cols(s, cols, ncols);
    t->pk.ncols = ncols;
}

rm_sql_index *rm_sql_table_add_index(rm_sqlschema *s, rm_sql_table *t, rm_sql_index_kind kind,
                                     const char *name, const char *const *cols, size_t ncols)
{
    rm_sql_index ix;
    memset(&ix, 0, sizeof(ix));
    ix.name = rm_arena_strdup(s->arena, name);
    ix.kind = kind;
    ix.cols = plain_cols(s, cols, ncols);
    ix.ncols = ncols;
    RM_VEC_PUSH(s->arena, t->indexes, t->nindexes, t->indexes_cap, ix);
    return &t->indexes[t->nindexes - 1];
}

rm_sql_fk *rm_sql_table_add_fk(rm_sqlschema *s, rm_sql_table *t, const char *name,
                               const char *const *cols, size_t ncols, const char *ref_schema,
                               const char *ref_table, const char *const *ref_cols,
                               rm_fk_action on_delete, rm_fk_action on_update)
{
    rm_sql_fk fk;
    memset(&fk, 0, sizeof(fk));
    fk.name = dup_or_null(s->arena, name);
    fk.cols = dup_names(s, cols, ncols);
    fk.ncols = ncols;
    fk.ref_schema = dup_or_null(s->arena, ref_schema);
    fk.ref_table = rm_arena_strdup(s->arena, ref_table);
    fk.ref_cols = dup_names(s, ref_cols, ncols);
    fk.on_delete = on_delete;
    fk.on_update = on_update;
    RM_VEC_PUSH(s->arena, t->fks, t->nfks, t->fks_cap, fk);
    return &t->fks[t->nfks - 1];
}

const rm_sql_table *rm_sqlschema_find_table(const rm_sqlschema *s, const char *schema,
                                            const char *name)
{
    bool found;
    size_t pos = lower_bound((void *const *)s->tables_by_name, s->ntables, schema, name,
                             offsetof(rm_sql_table, schema), offsetof(rm_sql_table, name), &found);
    return found ? s->tables_by_name[pos] : NULL;
}

const rm_sql_enum *rm_sqlschema_find_enum(const rm_sqlschema *s, const char *schema,
                                          const char *name)
{
    bool found;
    size_t pos = lower_bound((void *const *)s->enums_by_name, s->nenums, schema, name,
                             offsetof(rm_sql_enum, schema), offsetof(rm_sql_enum, name), &found);
    return found ? s->enums_by_name[pos] : NULL;
}

/* Tables have tens of columns at most; a linear scan beats keeping another index. Every
 * added column is looked up first (duplicates), so the first byte is compared before calling
 * strcmp: most names differ there. */
const rm_sql_column *rm_sql_table_find_column(const rm_sql_table *t, const char *name)
{
    for (size_t i = 0; i < t->ncols; i++)
        if (t->cols[i].name[0] == name[0] && strcmp(t->cols[i].name, name) == 0)
            return &t->cols[i];
    return NULL;
}

const rm_sql_index *rm_sql_table_find_index(const rm_sql_table *t, const char *name)
{
    for (size_t i = 0; i < t->nindexes; i++)
        if (strcmp(t->indexes[i].name, name) == 0)
            return &t->indexes[i];
    return NULL;
}

const rm_sql_fk *rm_sql_table_find_fk(const rm_sql_table *t, const char *name)
{
    for (size_t i = 0; i < t->nfks; i++)
        if (t->fks[i].name && strcmp(t->fks[i].name, name) == 0)
            return &t->fks[i];
    return NULL;
}

bool rm_sql_table_pk_has(const rm_sql_table *t, const char *name)
{
    for (size_t i = 0; i < t->pk.ncols; i++)
        if (strcmp(t->pk.cols[i].name, name) == 0)
            return true;
    return false;
}

static bool str_eq(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return strcmp(a, b) == 0;
}

static bool str_ieq(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    /* ASCII only: type keywords and index methods; no locale involved. */
    for (; *a && *b; a++, b++) {
        char ca = (*a >= 'a' && *a <= 'z') ? (char)(*a - 32) : *a;
        char cb = (*b >= 'a' && *b <= 'z') ? (char)(*b - 32) : *b;
        if (ca != cb)
            return false;
    }
    return *a == *b;
}

bool rm_sql_type_equal(const rm_sql_type *a, const rm_sql_type *b)
{
    if (a->family != b->family || a->nargs != b->nargs || a->array != b->array)
        return false;
    /* Enum type names are identifiers (case matters); base type names are keywords. An inline
     * ENUM('a', 'b') (MySQL) has no name of its own: its values are the whole type. */
    bool inline_enums = a->family == RM_TYPE_ENUM && a->values && b->values;
    if (!inline_enums &&
        (a->family == RM_TYPE_ENUM ? !str_eq(a->name, b->name) : !str_ieq(a->name, b->name)))
        return false;
    if (!str_eq(a->schema, b->schema))
        return false;
    for (size_t i = 0; i < a->nargs; i++)
        if (a->args[i] != b->args[i])
            return false;
    if (a->nvalues != b->nvalues)
        return false;
    for (size_t i = 0; i < a->nvalues; i++)
        if (!str_eq(a->values[i], b->values[i]))
            return false;
    return true;
}

bool rm_sql_default_equal(const rm_sql_default *a, const rm_sql_default *b)
{
    /* AUTOINCREMENT only mirrors the column flag, which is compared on its own. */
    rm_sql_default_kind ka =
        a->kind == RM_SQL_DEFAULT_AUTOINCREMENT ? RM_SQL_DEFAULT_NONE : a->kind;
    rm_sql_default_kind kb =
        b->kind == RM_SQL_DEFAULT_AUTOINCREMENT ? RM_SQL_DEFAULT_NONE : b->kind;
    /* An empty dbgenerated() says "the database has a default I do not manage": it matches
     * whatever the database has, so it never shows up as drift. */
    if ((ka == RM_SQL_DEFAULT_DBGENERATED && (!a->text || !a->text[0])) ||
        (kb == RM_SQL_DEFAULT_DBGENERATED && (!b->text || !b->text[0])))
        return true;
    /* An expression read back from a database is spelled the database's way
     * (lower('X'::text) for lower('X')), so it cannot be compared with the schema's text:
     * like Prisma, treat any two database-side expressions as equal once one of them was
     * introspected. Two authored dbgenerated() texts are compared, so editing one is a change. */
    bool ea = ka == RM_SQL_DEFAULT_DBGENERATED || ka == RM_SQL_DEFAULT_EXPRESSION;
    bool eb = kb == RM_SQL_DEFAULT_DBGENERATED || kb == RM_SQL_DEFAULT_EXPRESSION;
    if (ea && eb && (ka == RM_SQL_DEFAULT_EXPRESSION || kb == RM_SQL_DEFAULT_EXPRESSION))
        return true;
    if (ka != kb)
        return false;
    return str_eq(a->text, b->text);
}

static bool index_cols_equal(const rm_sql_index_col *a, size_t na, const rm_sql_index_col *b,
                             size_t nb)
{
    if (na != nb)
        return false;
    for (size_t i = 0; i < na; i++) {
        if (!str_eq(a[i].name, b[i].name) || a[i].length != b[i].length ||
            !str_eq(a[i].opclass, b[i].opclass))
            return false;
        /* Unspecified and ASC are the same thing in every supported database. */
        rm_sql_sort sa = a[i].sort == RM_SQL_SORT_NONE ? RM_SQL_SORT_ASC : a[i].sort;
        rm_sql_sort sb = b[i].sort == RM_SQL_SORT_NONE ? RM_SQL_SORT_ASC : b[i].sort;
        if (sa != sb)
            return false;
    }
    return true;
}

bool rm_sql_index_equal(const rm_sql_index *a, const rm_sql_index *b)
{
    return a->kind == b->kind && index_cols_equal(a->cols, a->ncols, b->cols, b->ncols) &&
           str_ieq(a->method, b->method) && str_eq(a->where, b->where);
}

bool rm_sql_fk_equal(const rm_sql_fk *a, const rm_sql_fk *b)
{
    if (a->ncols != b->ncols || !str_eq(a->ref_table, b->ref_table) ||
        !str_eq(a->ref_schema, b->ref_schema) || a->on_delete != b->on_delete ||
        a->on_update != b->on_update)
        return false;
    for (size_t i = 0; i < a->ncols; i++)
        if (!str_eq(a->cols[i], b->cols[i]) || !str_eq(a->ref_cols[i], b->ref_cols[i]))
            return false;
    return true;
}

const char *rm_fk_action_sql(rm_fk_action a)
{
    static const char *const names[] = {"NO ACTION", "RESTRICT", "CASCADE", "SET NULL",
                                        "SET DEFAULT"};
    return (size_t)a < RM_ARRAY_LEN(names) ? names[a] : "NO ACTION";
}

const char *rm_type_family_name(rm_type_family f)
{
    static const char *const names[] = {"int",     "bigint", "float",    "decimal",
                                        "boolean", "string", "datetime", "json",
                                        "bytes",   "enum",   "uuid",     "unsupported"};
    return (size_t)f < RM_ARRAY_LEN(names) ? names[f] : "unsupported";
}
