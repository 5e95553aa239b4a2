/*
 * Raise: physical schema -> relation graph with Prisma's introspection rules (see raise.h and
 * prisma.md 5). The graph is built the way prisma_build.c would build it from the schema text
 * Prisma's `db pull` prints, so printing the result and parsing it back gives the same graph.
 * Not for: reading the database (db/) or printing (model/print_prisma.c).
 */
#include "sqlschema/raise.h"

#include "sqlschema/lower.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct raiser {
    const rm_sqlschema *s;
    const rm_dialect *d;
    const rm_raise_opts *o;
    rm_arena *a;
    rm_diags *diags;
    rm_graph *g;
    rm_model *models;
    size_t nmodels;
    size_t *fcap;          /* capacity of each model's field array */
    uint32_t *table_model; /* per table (s->tables order): model index, RM_NONE = join table */
    rm_relation *rels;
    size_t nrels, caprels;
    size_t enums_cap;
    uint64_t *pairs; /* sorted (lo model, hi model) of every FK and join table */
    size_t npairs;
    struct pending *pending; /* back-relation fields, added after every forward field */
    size_t npending, cappending;
} raiser;

typedef struct pending {
    uint32_t model;
    uint32_t rel;
    rm_field field;
} pending;

const char *rm_raise_sanitize(rm_arena *a, const char *name)
{
    bool valid = isalpha((unsigned char)name[0]) != 0;
    for (const char *p = name; *p && valid; p++)
        valid = isalnum((unsigned char)*p) || *p == '_';
    if (valid)
        return name;
    const char *p = name;
    while (*p && !isalpha((unsigned char)*p) &&
           ((*p == '_') || isdigit((unsigned char)*p) || !(isalnum((unsigned char)*p))))
        p++;
    char *out = rm_arena_strdup(a, p);
    for (char *q = out; *q; q++)
        if (!(isalnum((unsigned char)*q) || *q == '_'))
            *q = '_';
    return out;
}

/* Model names Prisma Client cannot use: PrismaClient and JavaScript's reserved words. `db pull`
 * renames such a table's model to Renamed<name> with @@map and a /// comment. The list is
 * what Prisma 6.19's db pull renamed when given a table named after each JavaScript and
 * TypeScript keyword and global (../shared/oracle prisma6-pull; "static", "undefined",
 * "Prisma", "String" and the like are kept). Sorted for bsearch. */
static const char *const reserved_model_names[] = {
    "PrismaClient", "async",  "await",      "break",     "case",       "catch",   "const",
    "continue",     "debugger", "default",  "delete",    "do",         "else",    "enum",
    "export",       "extends", "false",     "finally",   "for",        "function", "if",
    "implements",   "import", "in",         "instanceof", "interface", "let",     "new",
    "null",         "package", "private",   "protected", "public",     "return",  "super",
    "switch",       "this",   "throw",      "true",      "try",        "typeof",  "var",
    "void",         "while",  "with",       "yield",
};

static int cmp_name(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static bool is_reserved_model_name(const char *name)
{
    return bsearch(&name, reserved_model_names, RM_ARRAY_LEN(reserved_model_names),
                   sizeof reserved_model_names[0], cmp_name) != NULL;
}

/* The model name for table: the previous schema's (re-introspection), else the sanitised
 * table name, renamed when reserved (*doc then says so, else it is left alone). */
static const char *model_name_for(raiser *r, const char *table, bool *mapped, const char **doc)
{
    if (r->o && r->o->previous) {
        const rm_graph *pg = r->o->previous;
        for (size_t i = 0; i < pg->nmodels; i++)
            if (strcmp(pg->models[i].db_name, table) == 0) {
                *mapped = strcmp(pg->models[i].name, table) != 0;
                return pg->models[i].name;
            }
    }
    const char *n = rm_raise_sanitize(r->a, table);
    if (!n[0])
        n = "unnamed_table";
    if (is_reserved_model_name(n)) {
        const char *renamed = rm_arena_sprintf(r->a, "Renamed%s", n);
        *doc = rm_arena_sprintf(r->a,
                                "This model has been renamed to '%s' during introspection, "
                                "because the original name '%s' is reserved.",
                                renamed, n);
        rm_diag_warning(r->diags, RM_E_RAISE_RENAMED, RM_LOC_NONE,
                        "table \"%s\": %s is a reserved model name; it becomes model %s with "
                        "@@map(\"%s\")",
                        table, n, renamed, table);
        *mapped = true;
        return renamed;
    }
    *mapped = strcmp(n, table) != 0;
    if (*mapped)
        rm_diag_warning(r->diags, RM_E_RAISE_RENAMED, RM_LOC_NONE,
                        "table \"%s\" is not a valid model name; it becomes model %s with "
                        "@@map(\"%s\")",
                        table, n, table);
    return n;
}

static const rm_model *previous_model(raiser *r, const char *table)
{
    if (!r->o || !r->o->previous)
        return NULL;
    const rm_graph *pg = r->o->previous;
    for (size_t i = 0; i < pg->nmodels; i++)
        if (strcmp(pg->models[i].db_name, table) == 0)
            return &pg->models[i];
    return NULL;
}

static uint32_t add_field(raiser *r, uint32_t mi, const rm_field *f)
{
    rm_model *m = &r->models[mi];
    RM_VEC_PUSH(r->a, m->fields, m->nfields, r->fcap[mi], *f);
    return (uint32_t)(m->nfields - 1);
}

static uint32_t field_by_db_name(const rm_model *m, const char *col)
{
    for (size_t i = 0; i < m->nfields; i++)
        if (m->fields[i].kind == RM_FIELD_SCALAR && strcmp(m->fields[i].db_name, col) == 0)
            return (uint32_t)i;
    return RM_NONE;
}

static bool name_taken(const rm_model *m, const char *name)
{
    for (size_t i = 0; i < m->nfields; i++)
        if (strcmp(m->fields[i].name, name) == 0)
            return true;
    return false;
}

/* ---- types and defaults ---------------------------------------------------------------- */

static rm_scalar scalar_of(rm_type_family f)
{
    switch (f) {
    case RM_TYPE_INT:
        return RM_SCALAR_INT;
    case RM_TYPE_BIGINT:
        return RM_SCALAR_BIGINT;
    case RM_TYPE_FLOAT:
        return RM_SCALAR_FLOAT;
    case RM_TYPE_DECIMAL:
        return RM_SCALAR_DECIMAL;
    case RM_TYPE_BOOLEAN:
        return RM_SCALAR_BOOLEAN;
    case RM_TYPE_STRING:
    case RM_TYPE_UUID:
        return RM_SCALAR_STRING;
    case RM_TYPE_DATETIME:
        return RM_SCALAR_DATETIME;
    case RM_TYPE_JSON:
        return RM_SCALAR_JSON;
    case RM_TYPE_BYTES:
        return RM_SCALAR_BYTES;
    case RM_TYPE_ENUM:
        return RM_SCALAR_ENUM;
    case RM_TYPE_UNSUPPORTED:
        break;
    }
    return RM_SCALAR_UNSUPPORTED;
}

/* Prisma's spelling of a native type name: the SQL name in camel case, with the exceptions
 * Prisma's connectors define (VarChar, ByteA, JsonB, ...). Lowering upper-cases it back. */
static const char *native_name(rm_arena *a, const char *sql)
{
    static const char *const known[][2] = {
        {"VARCHAR", "VarChar"},
        {"CHAR", "Char"},
        {"TEXT", "Text"},
        {"INTEGER", "Integer"},
        {"INT", "Int"},
        {"SMALLINT", "SmallInt"},
        {"BIGINT", "BigInt"},
        {"DOUBLE PRECISION", "DoublePrecision"},
        {"REAL", "Real"},
        {"DECIMAL", "Decimal"},
        {"TIMESTAMP", "Timestamp"},
        {"TIMESTAMPTZ", "Timestamptz"},
        {"DATE", "Date"},
        {"TIME", "Time"},
        {"TIMETZ", "Timetz"},
        {"UUID", "Uuid"},
        {"JSON", "Json"},
        {"JSONB", "JsonB"},
        {"BYTEA", "ByteA"},
        {"BOOLEAN", "Boolean"},
        {"TINYINT", "TinyInt"},
        {"MEDIUMINT", "MediumInt"},
        {"DATETIME", "DateTime"},
        {"LONGTEXT", "LongText"},
        {"MEDIUMTEXT", "MediumText"},
        {"TINYTEXT", "TinyText"},
        {"LONGBLOB", "LongBlob"},
        {"MEDIUMBLOB", "MediumBlob"},
        {"TINYBLOB", "TinyBlob"},
        {"BLOB", "Blob"},
        {"DOUBLE", "Double"},
        {"FLOAT", "Float"},
        {"BIT", "Bit"},
        {"VARBIT", "VarBit"},
        {"INET", "Inet"},
        {"CITEXT", "Citext"},
        {"XML", "Xml"},
        {"MONEY", "Money"},
        {"BINARY", "Binary"},
        {"VARBINARY", "VarBinary"},
        {"YEAR", "Year"},
    };
    for (size_t i = 0; i < RM_ARRAY_LEN(known); i++)
        if (strcmp(known[i][0], sql) == 0)
            return known[i][1];
    if (strncmp(sql, "UNSIGNED ", 9) == 0 || strstr(sql, " UNSIGNED")) {
        char base[64];
        size_t n = strcspn(sql, " ");
        snprintf(base, sizeof base, "%.*s", (int)n, sql);
        return rm_arena_sprintf(a, "Unsigned%s", native_name(a, base));
    }
    char *out = rm_arena_strdup(a, sql);
    size_t k = 0;
    bool up = true;
    for (const char *p = sql; *p; p++) {
        if (*p == ' ' || *p == '_') {
            up = true;
            continue;
        }
        out[k++] = up ? (char)toupper((unsigned char)*p) : (char)tolower((unsigned char)*p);
        up = false;
    }
    out[k] = 0;
    return out;
}

/* "DOUBLE UNSIGNED", "DECIMAL(10,2) UNSIGNED": the type as SQL text, for Unsupported(...). */
static const char *rm_introspect_type_text(rm_arena *a, const rm_sql_type *t)
{
    rm_sb sb = RM_SB_INIT;
    const char *name = t->name ? t->name : "";
    const char *uns = strstr(name, " UNSIGNED");
    rm_sb_append(&sb, name, uns ? (size_t)(uns - name) : strlen(name));
    if (t->nargs) {
        rm_sb_putc(&sb, '(');
        for (size_t i = 0; i < t->nargs; i++)
            rm_sb_appendf(&sb, "%s%u", i ? "," : "", (unsigned)t->args[i]);
        rm_sb_putc(&sb, ')');
    }
    if (uns)
        rm_sb_puts(&sb, uns);
    const char *out = rm_arena_strdup(a, rm_sb_str(&sb));
    rm_sb_free(&sb);
    return out;
}

static void raise_type(raiser *r, rm_field *f, const rm_sql_column *c, const char *table)
{
    f->scalar = scalar_of(c->type.family);
    f->list = c->type.array;
    if (f->scalar == RM_SCALAR_ENUM && c->type.values) {
        /* MySQL's inline ENUM('a', 'b'): Prisma names the enum {table}_{column}. */
        rm_enum e;
        memset(&e, 0, sizeof e);
        e.name = rm_raise_sanitize(r->a, rm_arena_sprintf(r->a, "%s_%s", table, c->name));
        e.db_name = e.name;
        e.loc = RM_LOC_NONE;
        e.syntax = RM_SYNTAX_PRISMA;
        e.nvalues = c->type.nvalues;
        e.values = RM_NEW_ARRAY(r->a, rm_enum_value, e.nvalues ? e.nvalues : 1);
        for (size_t k = 0; k < e.nvalues; k++) {
            const char *v = rm_raise_sanitize(r->a, c->type.values[k]);
            e.values[k].name = v[0] ? v : rm_arena_sprintf(r->a, "value_%zu", k + 1);
            e.values[k].db_name = c->type.values[k];
            e.values[k].loc = RM_LOC_NONE;
        }
        RM_VEC_PUSH(r->a, r->g->enums, r->g->nenums, r->enums_cap, e);
        f->type_ref = (uint32_t)(r->g->nenums - 1);
        f->type_name = e.name;
        return;
    }
    if (f->scalar == RM_SCALAR_ENUM) {
        f->type_ref = RM_NONE;
        for (size_t i = 0; i < r->g->nenums; i++)
            if (c->type.name && strcmp(r->g->enums[i].db_name, c->type.name) == 0)
                f->type_ref = (uint32_t)i;
        if (f->type_ref == RM_NONE) {
            f->scalar = RM_SCALAR_STRING;
        } else {
            f->type_name = r->g->enums[f->type_ref].name;
            return;
        }
    }
    if (f->scalar == RM_SCALAR_UNSUPPORTED) {
        f->type_name = c->type.name ? c->type.name : "";
        rm_diag_warning(r->diags, RM_E_RAISE_UNSUPPORTED_TYPE, RM_LOC_NONE,
                        "column \"%s\".\"%s\" has type %s, which Prisma cannot represent; it "
                        "becomes Unsupported(\"%s\")",
                        table, c->name, f->type_name, f->type_name);
        return;
    }
    f->type_name = rm_scalar_name(f->scalar);
    /* SQLite has no native types (prisma.md 3.3): the family is everything. */
    if (strcmp(r->d->name, "sqlite") == 0 || !c->type.name)
        return;
    rm_sql_type def;
    r->d->scalar_type(&def, c->type.family);
    bool same = def.name && strcasecmp(def.name, c->type.name) == 0 && def.nargs == c->type.nargs;
    for (size_t i = 0; same && i < def.nargs; i++)
        same = def.args[i] == c->type.args[i];
    if (same)
        return;
    const char *nn = native_name(r->a, c->type.name);
    static const char *const unsigned_ok[] = {"UnsignedInt", "UnsignedTinyInt", "UnsignedSmallInt",
                                              "UnsignedMediumInt", "UnsignedBigInt"};
    bool ok = strncmp(nn, "Unsigned", 8) != 0;
    for (size_t i = 0; !ok && i < RM_ARRAY_LEN(unsigned_ok); i++)
        ok = strcmp(nn, unsigned_ok[i]) == 0;
    if (!ok) {
        /* DOUBLE UNSIGNED and the like have no Prisma native type: keep the exact type. */
        f->scalar = RM_SCALAR_UNSUPPORTED;
        f->type_name = rm_introspect_type_text(r->a, &c->type);
        rm_diag_warning(r->diags, RM_E_RAISE_UNSUPPORTED_TYPE, RM_LOC_NONE,
                        "column \"%s\".\"%s\" has type %s, which has no Prisma native type; it "
                        "becomes Unsupported(\"%s\")",
                        table, c->name, f->type_name, f->type_name);
        return;
    }
    f->native.name = nn;
    f->native.loc = RM_LOC_NONE;
    f->native.nargs = c->type.nargs;
    f->native.args = RM_NEW_ARRAY(r->a, const char *, c->type.nargs ? c->type.nargs : 1);
    for (size_t i = 0; i < c->type.nargs; i++)
        f->native.args[i] = rm_arena_sprintf(r->a, "%u", (unsigned)c->type.args[i]);
}

static void raise_default(raiser *r, rm_field *f, const rm_sql_column *c)
{
    rm_default *d = &f->def;
    d->loc = RM_LOC_NONE;
    if (c->autoincrement || c->def.kind == RM_SQL_DEFAULT_SEQUENCE) {
        d->kind = RM_DEFAULT_AUTOINCREMENT;
        return;
    }
    const char *t = c->def.text;
    switch (c->def.kind) {
    case RM_SQL_DEFAULT_NONE:
    case RM_SQL_DEFAULT_AUTOINCREMENT:
    case RM_SQL_DEFAULT_SEQUENCE:
        break;
    case RM_SQL_DEFAULT_STRING:
    case RM_SQL_DEFAULT_ENUM:
        if (f->scalar == RM_SCALAR_ENUM) {
            const rm_enum *e = &r->g->enums[f->type_ref];
            d->kind = RM_DEFAULT_ENUM;
            d->text = t;
            for (size_t i = 0; i < e->nvalues; i++)
                if (strcmp(e->values[i].db_name, t ? t : "") == 0)
                    d->text = e->values[i].name;
        } else if (f->scalar == RM_SCALAR_BOOLEAN && t &&
                   (strcmp(t, "true") == 0 || strcmp(t, "false") == 0)) {
            d->kind = RM_DEFAULT_BOOL;
            d->boolean = t[0] == 't';
        } else if (f->scalar == RM_SCALAR_STRING || f->scalar == RM_SCALAR_DATETIME ||
                   f->scalar == RM_SCALAR_JSON || f->scalar == RM_SCALAR_BYTES ||
                   f->scalar == RM_SCALAR_DECIMAL) {
            d->kind = RM_DEFAULT_STRING;
            d->text = t ? t : "";
        } else {
            d->kind = RM_DEFAULT_DBGENERATED;
            d->text = rm_arena_sprintf(r->a, "'%s'", t ? t : "");
        }
        break;
    case RM_SQL_DEFAULT_NUMBER:
        if (f->scalar == RM_SCALAR_BOOLEAN && t && (strcmp(t, "0") == 0 || strcmp(t, "1") == 0)) {
            d->kind = RM_DEFAULT_BOOL;
            d->boolean = t[0] == '1';
        } else if (f->scalar == RM_SCALAR_INT || f->scalar == RM_SCALAR_BIGINT ||
                   f->scalar == RM_SCALAR_FLOAT || f->scalar == RM_SCALAR_DECIMAL) {
            d->kind = RM_DEFAULT_NUMBER;
            d->text = t;
        } else {
            d->kind = RM_DEFAULT_DBGENERATED;
            d->text = t;
        }
        break;
    case RM_SQL_DEFAULT_BOOLEAN:
        if (f->scalar == RM_SCALAR_BOOLEAN) {
            d->kind = RM_DEFAULT_BOOL;
            d->boolean = t && t[0] == 't';
        } else {
            d->kind = RM_DEFAULT_DBGENERATED;
            d->text = t;
        }
        break;
    case RM_SQL_DEFAULT_NOW:
        if (f->scalar == RM_SCALAR_DATETIME) {
            d->kind = RM_DEFAULT_NOW;
        } else {
            d->kind = RM_DEFAULT_DBGENERATED;
            d->text = "CURRENT_TIMESTAMP";
        }
        break;
    case RM_SQL_DEFAULT_DBGENERATED:
    case RM_SQL_DEFAULT_EXPRESSION:
        d->kind = RM_DEFAULT_DBGENERATED;
        d->text = t;
        break;
    }
}

/* ---- tables ----------------------------------------------------------------------------- */

static bool cols_are(const rm_sql_index_col *cols, size_t n, const char *a, const char *b)
{
    if (n != (b ? 2u : 1u))
        return false;
    return strcmp(cols[0].name, a) == 0 && (!b || strcmp(cols[1].name, b) == 0);
}

/* introspection_helpers.rs::is_prisma_m_to_n_relation */
static bool is_join_table(const rm_sql_table *t)
{
    if (t->name[0] != '_' || t->ncols != 2 || t->nfks != 2)
        return false;
    if (!rm_sql_table_find_column(t, "A") || !rm_sql_table_find_column(t, "B"))
        return false;
    bool unique = cols_are(t->pk.cols, t->pk.ncols, "A", "B"), index_b = false;
    for (size_t i = 0; i < t->nindexes; i++) {
        const rm_sql_index *ix = &t->indexes[i];
        if (ix->kind != RM_SQL_INDEX_NORMAL && cols_are(ix->cols, ix->ncols, "A", "B"))
            unique = true;
        if (ix->kind == RM_SQL_INDEX_NORMAL && cols_are(ix->cols, ix->ncols, "B", NULL))
            index_b = true;
    }
    const rm_sql_fk *fa = &t->fks[0], *fb = &t->fks[1];
    if (strcmp(fa->cols[0], "A") != 0) {
        const rm_sql_fk *x = fa;
        fa = fb;
        fb = x;
    }
    if (fa->ncols != 1 || fb->ncols != 1 || strcmp(fa->cols[0], "A") != 0 ||
        strcmp(fb->cols[0], "B") != 0)
        return false;
    return unique && index_b && strcmp(fa->ref_table, fb->ref_table) <= 0;
}

static const char **col_names(raiser *r, const rm_sql_index_col *cols, size_t n)
{
    const char **out = RM_NEW_ARRAY(r->a, const char *, n ? n : 1);
    for (size_t i = 0; i < n; i++)
        out[i] = cols[i].name;
    return out;
}

static bool raise_index_fields(raiser *r, rm_index *ix, const rm_model *m,
                               const rm_sql_index_col *cols, size_t n)
{
    ix->fields = RM_NEW_ARRAY(r->a, rm_index_field, n ? n : 1);
    ix->nfields = n;
    for (size_t i = 0; i < n; i++) {
        uint32_t fi = field_by_db_name(m, cols[i].name);
        if (fi == RM_NONE)
            return false;
        ix->fields[i].field = fi;
        ix->fields[i].sort = cols[i].sort == RM_SQL_SORT_DESC  ? RM_SORT_DESC
                             : cols[i].sort == RM_SQL_SORT_ASC ? RM_SORT_ASC
                                                               : RM_SORT_DEFAULT;
        ix->fields[i].length = cols[i].length;
        ix->fields[i].ops = cols[i].opclass;
    }
    return true;
}

static rm_index_algo algo_of(const char *method)
{
    static const struct {
        const char *n;
        rm_index_algo a;
    } map[] = {{"hash", RM_ALGO_HASH},
               {"gist", RM_ALGO_GIST},
               {"gin", RM_ALGO_GIN},
               {"spgist", RM_ALGO_SPGIST},
               {"brin", RM_ALGO_BRIN}};
    if (!method)
        return RM_ALGO_DEFAULT;
    for (size_t i = 0; i < RM_ARRAY_LEN(map); i++)
        if (strcasecmp(map[i].n, method) == 0)
            return map[i].a;
    return RM_ALGO_DEFAULT;
}

/* A unique criterion Prisma Client can use: the PK, or a unique index over required columns
 * of supported types (table_has_usable_identifier). */
static bool usable_identifier(const rm_sql_table *t)
{
    if (t->pk.ncols > 0)
        return true;
    for (size_t i = 0; i < t->nindexes; i++) {
        const rm_sql_index *ix = &t->indexes[i];
        if (ix->kind == RM_SQL_INDEX_NORMAL || ix->where)
            continue;
        bool ok = ix->ncols > 0;
        for (size_t k = 0; k < ix->ncols && ok; k++) {
            const rm_sql_column *c = rm_sql_table_find_column(t, ix->cols[k].name);
            ok = c && !c->nullable && c->type.family != RM_TYPE_UNSUPPORTED;
        }
        if (ok)
            return true;
    }
    return false;
}

static void raise_table(raiser *r, uint32_t mi, const rm_sql_table *t)
{
    rm_model *m = &r->models[mi];
    const rm_model *prev = previous_model(r, t->name);
    m->name = model_name_for(r, t->name, &m->mapped, &m->doc);
    m->db_name = t->name;
    m->schema = NULL;
    m->loc = m->name_loc = RM_LOC_NONE;
    m->syntax = RM_SYNTAX_PRISMA;
    for (size_t i = 0; i < t->ncols; i++) {
        const rm_sql_column *c = &t->cols[i];
        rm_field f;
        memset(&f, 0, sizeof f);
        f.loc = f.name_loc = f.type_loc = RM_LOC_NONE;
        f.kind = RM_FIELD_SCALAR;
        f.relation = RM_NONE;
        f.type_ref = RM_NONE;
        const char *name = NULL;
        if (prev) {
            uint32_t pf = field_by_db_name(prev, c->name);
            if (pf != RM_NONE)
                name = prev->fields[pf].name;
        }
        if (!name) {
            name = rm_raise_sanitize(r->a, c->name);
            if (!name[0])
                name = rm_arena_sprintf(r->a, "column_%zu", i + 1);
            if (strcmp(name, c->name) != 0)
                rm_diag_warning(r->diags, RM_E_RAISE_RENAMED, RM_LOC_NONE,
                                "column \"%s\".\"%s\" is not a valid field name; it becomes "
                                "field %s with @map(\"%s\")",
                                t->name, c->name, name, c->name);
        }
        f.name = name;
        f.db_name = c->name;
        f.mapped = strcmp(name, c->name) != 0;
        raise_type(r, &f, c, t->name);
        f.optional = c->nullable && !f.list;
        raise_default(r, &f, c);
        add_field(r, mi, &f);
    }
    size_t L = r->d->max_ident_len;
    if (t->pk.ncols > 0) {
        rm_index *pk = RM_NEW(r->a, rm_index);
        pk->kind = RM_INDEX_PRIMARY;
        pk->clustered = -1;
        pk->loc = RM_LOC_NONE;
        if (raise_index_fields(r, pk, m, t->pk.cols, t->pk.ncols)) {
            pk->field_level = t->pk.ncols == 1;
            if (t->pk.name && (r->d->caps & RM_CAP_NAMED_PK) &&
                strcmp(t->pk.name, rm_sql_constraint_name(r->a, L, t->name, NULL, 0, "pkey")))
                pk->map = t->pk.name;
            m->primary_key = pk;
        }
    }
    size_t cap = t->nindexes ? t->nindexes : 1;
    m->indexes = RM_NEW_ARRAY(r->a, rm_index, cap);
    for (size_t i = 0; i < t->nindexes; i++) {
        const rm_sql_index *six = &t->indexes[i];
        rm_index *ix = &m->indexes[m->nindexes];
        memset(ix, 0, sizeof *ix);
        ix->loc = RM_LOC_NONE;
        ix->clustered = -1;
        bool unique = six->kind != RM_SQL_INDEX_NORMAL;
        bool fulltext = six->method && strcasecmp(six->method, "fulltext") == 0;
        ix->kind = fulltext ? RM_INDEX_FULLTEXT : unique ? RM_INDEX_UNIQUE : RM_INDEX_NORMAL;
        if (!raise_index_fields(r, ix, m, six->cols, six->ncols))
            continue;
        ix->algo = algo_of(six->method);
        ix->where = six->where;
        const char *def =
            rm_sql_constraint_name(r->a, L, t->name, col_names(r, six->cols, six->ncols),
                                   six->ncols, unique ? "key" : "idx");
        /* SQLite names the index of a UNIQUE constraint itself; that name is not a choice. */
        if (six->name && strcmp(six->name, def) != 0 &&
            strncmp(six->name, "sqlite_autoindex_", 17) != 0)
            ix->map = six->name;
        ix->field_level =
            unique && six->ncols == 1 && !six->where && !fulltext && ix->algo == RM_ALGO_DEFAULT;
        m->nindexes++;
    }
    if (!usable_identifier(t)) {
        m->ignored = true;
        const char *why = "The underlying table does not contain a valid unique identifier "
                          "and can therefore currently not be handled by Prisma Client.";
        m->doc = m->doc ? rm_arena_sprintf(r->a, "%s\n%s", m->doc, why) : why;
        rm_diag_warning(r->diags, RM_E_RAISE_IGNORED_MODEL, RM_LOC_NONE,
                        "table \"%s\" has no primary key or usable unique index; model %s is "
                        "marked @@ignore",
                        t->name, m->name);
    }
}

/* ---- relations -------------------------------------------------------------------------- */

static uint32_t model_of_table(raiser *r, const char *schema, const char *table)
{
    /* Binary search first (t->pos is the table's index in s->tables); a scan by name only for
     * schema-qualified tables. Called once per foreign key per table, so it must not scan. */
    const rm_sql_table *t = rm_sqlschema_find_table(r->s, schema, table);
    if (t && t->pos < r->s->ntables && r->s->tables[t->pos] == t)
        return r->table_model[t->pos];
    for (size_t i = 0; i < r->s->ntables; i++)
        if (strcmp(r->s->tables[i]->name, table) == 0)
            return r->table_model[i];
    return RM_NONE;
}

/* How many relations join the models x and y (either direction, m:n tables included). The
 * pairs of every foreign key and join table are collected once and sorted, so each question is
 * a binary search (a schema has as many questions as foreign keys). */
static int cmp_pair(const void *x, const void *y)
{
    const uint64_t *a = x, *b = y;
    return *a < *b ? -1 : *a > *b;
}

static uint64_t pair_key(uint32_t x, uint32_t y)
{
    uint32_t lo = x < y ? x : y, hi = x < y ? y : x;
    return ((uint64_t)lo << 32) | hi;
}

static void build_pairs(raiser *r)
{
    size_t n = 0;
    for (size_t i = 0; i < r->s->ntables; i++)
        n += r->s->tables[i]->nfks;
    r->pairs = RM_NEW_ARRAY(r->a, uint64_t, n ? n : 1);
    r->npairs = 0;
    for (size_t i = 0; i < r->s->ntables; i++) {
        const rm_sql_table *t = r->s->tables[i];
        uint32_t mt = r->table_model[i];
        if (mt == RM_NONE) {
            uint32_t ma = model_of_table(r, NULL, t->fks[0].ref_table);
            uint32_t mb = model_of_table(r, NULL, t->fks[1].ref_table);
            if (ma != RM_NONE && mb != RM_NONE)
                r->pairs[r->npairs++] = pair_key(ma, mb);
            continue;
        }
        for (size_t k = 0; k < t->nfks; k++) {
            uint32_t mr = model_of_table(r, NULL, t->fks[k].ref_table);
            if (mr != RM_NONE)
                r->pairs[r->npairs++] = pair_key(mt, mr);
        }
    }
    qsort(r->pairs, r->npairs, sizeof *r->pairs, cmp_pair);
}

static size_t relations_between(raiser *r, uint32_t x, uint32_t y)
{
    uint64_t key = pair_key(x, y);
    size_t lo = 0, hi = r->npairs;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->pairs[mid] < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t n = 0;
    while (lo + n < r->npairs && r->pairs[lo + n] == key)
        n++;
    return n;
}

static const char *unique_field_name(raiser *r, const rm_model *m, const char *name)
{
    while (name_taken(m, name))
        name = rm_arena_sprintf(r->a, "%s_", name);
    return name;
}

static rm_ref_action action_of(rm_fk_action a)
{
    switch (a) {
    case RM_FK_NO_ACTION:
        return RM_ACTION_NO_ACTION;
    case RM_FK_RESTRICT:
        return RM_ACTION_RESTRICT;
    case RM_FK_CASCADE:
        return RM_ACTION_CASCADE;
    case RM_FK_SET_NULL:
        return RM_ACTION_SET_NULL;
    case RM_FK_SET_DEFAULT:
        return RM_ACTION_SET_DEFAULT;
    }
    return RM_ACTION_NO_ACTION;
}

/* A unique criterion (PK or unique index) whose columns all lie among the FK's columns makes
 * the relation 1:1 (forward_relation_field_is_unique). */
static bool fk_is_unique(const rm_sql_table *t, const rm_sql_fk *fk)
{
    const rm_sql_index_col *sets[64];
    size_t ns[64], n = 0;
    if (t->pk.ncols) {
        sets[n] = t->pk.cols;
        ns[n++] = t->pk.ncols;
    }
    for (size_t i = 0; i < t->nindexes && n < 64; i++)
        if (t->indexes[i].kind != RM_SQL_INDEX_NORMAL && !t->indexes[i].where) {
            sets[n] = t->indexes[i].cols;
            ns[n++] = t->indexes[i].ncols;
        }
    for (size_t i = 0; i < n; i++) {
        bool all = ns[i] > 0;
        for (size_t k = 0; k < ns[i] && all; k++) {
            bool in = false;
            for (size_t j = 0; j < fk->ncols; j++)
                in = in || strcmp(fk->cols[j], sets[i][k].name) == 0;
            all = in;
        }
        if (all)
            return true;
    }
    return false;
}

static void raise_fk(raiser *r, size_t ti, const rm_sql_fk *fk)
{
    const rm_sql_table *t = r->s->tables[ti];
    uint32_t mi = r->table_model[ti];
    uint32_t ri = model_of_table(r, fk->ref_schema, fk->ref_table);
    if (ri == RM_NONE) {
        rm_diag_warning(r->diags, RM_E_RAISE_DANGLING_FK, RM_LOC_NONE,
                        "foreign key of table \"%s\" references \"%s\", which was not "
                        "introspected; no relation is written for it",
                        t->name, fk->ref_table);
        return;
    }
    /* Duplicate FKs (same columns to the same columns) are rendered once. */
    for (size_t k = 0; k < t->nfks && &t->fks[k] != fk; k++)
        if (rm_sql_fk_equal(&t->fks[k], fk))
            return;
    rm_model *m = &r->models[mi];
    rm_model *rm_ = &r->models[ri];
    uint32_t *fkf = RM_NEW_ARRAY(r->a, uint32_t, fk->ncols ? fk->ncols : 1);
    uint32_t *ref = RM_NEW_ARRAY(r->a, uint32_t, fk->ncols ? fk->ncols : 1);
    bool any_null = false, all_null = fk->ncols > 0;
    for (size_t i = 0; i < fk->ncols; i++) {
        fkf[i] = field_by_db_name(m, fk->cols[i]);
        ref[i] = field_by_db_name(rm_, fk->ref_cols[i]);
        if (fkf[i] == RM_NONE || ref[i] == RM_NONE)
            return;
        any_null = any_null || m->fields[fkf[i]].optional;
        all_null = all_null && m->fields[fkf[i]].optional;
    }
    bool self = mi == ri;
    bool one = fk_is_unique(t, fk);
    bool ambiguous = relations_between(r, mi, ri) > 1;
    for (size_t i = 0; i < fk->ncols && !ambiguous; i++)
        ambiguous = strcmp(fk->cols[i], rm_->name) == 0 || name_taken(m, rm_->name);
    rm_relation rel;
    memset(&rel, 0, sizeof rel);
    rel.loc = RM_LOC_NONE;
    rel.card = one ? RM_CARD_ONE_TO_ONE : RM_CARD_ONE_TO_MANY;
    rel.self = self;
    const char *fwd, *back;
    if (ambiguous) {
        rm_sb sb = RM_SB_INIT;
        rm_sb_appendf(&sb, "%s_", m->name);
        for (size_t i = 0; i < fk->ncols; i++)
            rm_sb_appendf(&sb, "%s%s", i ? "_" : "", fk->cols[i]);
        rm_sb_appendf(&sb, "To%s", rm_->name);
        rel.name = rm_arena_strdup(r->a, rm_sb_str(&sb));
        rm_sb_free(&sb);
        rel.named = true;
        fwd = rm_arena_sprintf(r->a, "%s_%s", rm_->name, rel.name);
        back = rm_arena_sprintf(r->a, "%s%s_%s", self ? "other_" : "", m->name, rel.name);
    } else {
        const char *x = m->name, *y = rm_->name;
        if (strcmp(x, y) > 0) {
            const char *z = x;
            x = y;
            y = z;
        }
        rel.name = rm_arena_sprintf(r->a, "%sTo%s", x, y);
        rel.named = self;
        fwd = rm_->name;
        back = self ? rm_arena_sprintf(r->a, "other_%s", m->name) : m->name;
    }
    rel.fk_fields = fkf;
    rel.ref_fields = ref;
    rel.nfk = fk->ncols;
    rel.fk_optional = all_null;
    rel.on_delete = action_of(fk->on_delete);
    rel.on_update = action_of(fk->on_update);
    rm_ref_action def_delete = all_null ? RM_ACTION_SET_NULL : RM_ACTION_RESTRICT;
    rel.on_delete_set = rel.on_delete != def_delete;
    rel.on_update_set = rel.on_update != RM_ACTION_CASCADE;
    if (fk->name && strcmp(r->d->name, "sqlite") != 0 &&
        strcmp(fk->name, rm_sql_constraint_name(r->a, r->d->max_ident_len, t->name, fk->cols,
                                                fk->ncols, "fkey")) != 0)
        rel.fk_map = fk->name;
    uint32_t idx = (uint32_t)r->nrels;

    rm_field f;
    memset(&f, 0, sizeof f);
    f.loc = f.name_loc = f.type_loc = RM_LOC_NONE;
    f.kind = RM_FIELD_RELATION;
    f.scalar = RM_SCALAR_NONE;
    f.relation = idx;
    f.name = unique_field_name(r, m, fwd);
    f.db_name = f.name;
    f.type_name = rm_->name;
    f.type_ref = ri;
    f.optional = any_null;
    f.ignored = rm_->ignored;
    rel.from.model = mi;
    rel.from.field = add_field(r, mi, &f);

    /* Prisma writes back-relation fields after every forward one, sorted by name. */
    pending p;
    memset(&p, 0, sizeof p);
    p.model = ri;
    p.rel = idx;
    rm_field *b = &p.field;
    b->loc = b->name_loc = b->type_loc = RM_LOC_NONE;
    b->kind = RM_FIELD_RELATION;
    b->scalar = RM_SCALAR_NONE;
    b->relation = idx;
    b->name = back;
    b->db_name = back;
    b->type_name = r->models[mi].name;
    b->type_ref = mi;
    b->optional = one;
    b->list = !one;
    b->ignored = r->models[mi].ignored;
    rel.to.model = ri;
    rel.to.field = RM_NONE;
    RM_VEC_PUSH(r->a, r->pending, r->npending, r->cappending, p);
    RM_VEC_PUSH(r->a, r->rels, r->nrels, r->caprels, rel);
}

static void raise_join_table(raiser *r, const rm_sql_table *t)
{
    const rm_sql_fk *fa = &t->fks[0], *fb = &t->fks[1];
    if (strcmp(fa->cols[0], "A") != 0) {
        fa = &t->fks[1];
        fb = &t->fks[0];
    }
    uint32_t ma = model_of_table(r, NULL, fa->ref_table);
    uint32_t mb = model_of_table(r, NULL, fb->ref_table);
    if (ma == RM_NONE || mb == RM_NONE)
        return;
    const char *name = t->name + 1;
    const char *na = r->models[ma].name, *nb = r->models[mb].name;
    bool self = ma == mb;
    rm_relation rel;
    memset(&rel, 0, sizeof rel);
    rel.loc = RM_LOC_NONE;
    rel.card = RM_CARD_MANY_TO_MANY_IMPLICIT;
    rel.name = name;
    rel.join_table = t->name;
    rel.self = self;
    rel.on_delete = rel.on_update = RM_ACTION_CASCADE;
    const char *lo = strcmp(na, nb) <= 0 ? na : nb, *hi = strcmp(na, nb) <= 0 ? nb : na;
    rel.named = self || strcmp(name, rm_arena_sprintf(r->a, "%sTo%s", lo, hi)) != 0;
    bool ambiguous = relations_between(r, ma, mb) > 1;
    const char *fname_a, *fname_b; /* the field in A's model (type B), the field in B's */
    if (self) {
        fname_a = rm_arena_sprintf(r->a, "%s_A", na);
        fname_b = rm_arena_sprintf(r->a, "%s_B", na);
    } else if (ambiguous) {
        fname_a = rm_arena_sprintf(r->a, "%s_%s", nb, name);
        fname_b = rm_arena_sprintf(r->a, "%s_%s", na, name);
    } else {
        fname_a = nb;
        fname_b = na;
    }
    uint32_t idx = (uint32_t)r->nrels;
    rm_field f;
    memset(&f, 0, sizeof f);
    f.loc = f.name_loc = f.type_loc = RM_LOC_NONE;
    f.kind = RM_FIELD_RELATION;
    f.scalar = RM_SCALAR_NONE;
    f.relation = idx;
    f.list = true;
    f.name = unique_field_name(r, &r->models[ma], fname_a);
    f.db_name = f.name;
    f.type_name = nb;
    f.type_ref = mb;
    uint32_t fa_idx = add_field(r, ma, &f);
    f.name = unique_field_name(r, &r->models[mb], fname_b);
    f.db_name = f.name;
    f.type_name = na;
    f.type_ref = ma;
    uint32_t fb_idx = add_field(r, mb, &f);
    /* The builder's A side: the model sorting first, for a self relation the field sorting
     * first. */
    rm_relation_end ea = {ma, fa_idx}, eb = {mb, fb_idx};
    int c = strcmp(na, nb);
    if (c > 0 || (c == 0 && strcmp(r->models[ma].fields[fa_idx].name,
                                   r->models[mb].fields[fb_idx].name) > 0)) {
        rel.from = eb;
        rel.to = ea;
    } else {
        rel.from = ea;
        rel.to = eb;
    }
    RM_VEC_PUSH(r->a, r->rels, r->nrels, r->caprels, rel);
}

static int cmp_pending(const void *x, const void *y)
{
    const pending *a = x, *b = y;
    if (a->model != b->model)
        return a->model < b->model ? -1 : 1;
    int c = strcmp(a->field.name, b->field.name);
    return c ? c : (a->rel < b->rel ? -1 : a->rel > b->rel);
}

static void add_back_fields(raiser *r)
{
    if (r->npending)
        qsort(r->pending, r->npending, sizeof *r->pending, cmp_pending);
    for (size_t i = 0; i < r->npending; i++) {
        pending *p = &r->pending[i];
        p->field.name = unique_field_name(r, &r->models[p->model], p->field.name);
        p->field.db_name = p->field.name;
        r->rels[p->rel].to.field = add_field(r, p->model, &p->field);
    }
}

/* ---- re-introspection ------------------------------------------------------------------ */

static uint32_t model_index(const rm_graph *g, const rm_model *m)
{
    return (uint32_t)(m - g->models);
}

static void rename_field(rm_model *m, uint32_t fi, const char *name)
{
    for (size_t i = 0; i < m->nfields; i++)
        if (i != fi && strcmp(m->fields[i].name, name) == 0)
            return; /* the user's name is taken by a new column: keep ours */
    m->fields[fi].name = name;
    m->fields[fi].db_name = name;
}

/* The previous schema's relation over the same foreign-key columns of the same table. */
static const rm_relation *previous_relation(raiser *r, const rm_relation *rel)
{
    const rm_graph *pg = r->o->previous;
    const rm_model *mf = &r->models[rel->from.model];
    const rm_model *pm = previous_model(r, mf->db_name);
    if (!pm)
        return NULL;
    uint32_t pmi = model_index(pg, pm);
    for (size_t i = 0; i < pg->nrelations; i++) {
        const rm_relation *x = &pg->relations[i];
        if (x->card == RM_CARD_MANY_TO_MANY_IMPLICIT || x->from.model != pmi ||
            x->nfk != rel->nfk)
            continue;
        bool same = true;
        for (size_t k = 0; k < x->nfk && same; k++)
            same = strcmp(pm->fields[x->fk_fields[k]].db_name,
                          mf->fields[rel->fk_fields[k]].db_name) == 0;
        if (same)
            return x;
    }
    return NULL;
}

/* Relation fields of a model the user already had come in the user's order (as Prisma's
 * re-introspection keeps it); new ones after them. Only relation fields move, and relation
 * fields are referenced only by relation ends, which are remapped. */
static void previous_order(raiser *r, uint32_t mi)
{
    rm_model *m = &r->models[mi];
    const rm_model *pm = previous_model(r, m->db_name);
    if (!pm)
        return;
    size_t first = m->nfields;
    for (size_t i = 0; i < m->nfields; i++)
        if (m->fields[i].kind == RM_FIELD_RELATION && first == m->nfields)
            first = i;
    size_t n = m->nfields - first;
    if (n < 2)
        return;
    uint32_t *order = RM_NEW_ARRAY(r->a, uint32_t, n);
    uint32_t *rank = RM_NEW_ARRAY(r->a, uint32_t, n);
    for (size_t i = 0; i < n; i++) {
        order[i] = (uint32_t)(first + i);
        uint32_t pf = rm_model_find_field(pm, m->fields[first + i].name);
        rank[i] = pf == RM_NONE ? UINT32_MAX : pf;
    }
    /* stable insertion sort by rank */
    for (size_t i = 1; i < n; i++)
        for (size_t k = i; k > 0 && rank[k - 1] > rank[k]; k--) {
            uint32_t t = rank[k - 1];
            rank[k - 1] = rank[k];
            rank[k] = t;
            t = order[k - 1];
            order[k - 1] = order[k];
            order[k] = t;
        }
    rm_field *moved = RM_NEW_ARRAY(r->a, rm_field, n);
    uint32_t *newpos = RM_NEW_ARRAY(r->a, uint32_t, m->nfields);
    for (size_t i = 0; i < m->nfields; i++)
        newpos[i] = (uint32_t)i;
    for (size_t i = 0; i < n; i++) {
        moved[i] = m->fields[order[i]];
        newpos[order[i]] = (uint32_t)(first + i);
    }
    memcpy(&m->fields[first], moved, n * sizeof *moved);
    for (size_t i = 0; i < r->nrels; i++) {
        rm_relation *rel = &r->rels[i];
        if (rel->from.model == mi && rel->from.field != RM_NONE)
            rel->from.field = newpos[rel->from.field];
        if (rel->to.model == mi && rel->to.field != RM_NONE)
            rel->to.field = newpos[rel->to.field];
    }
}

/* An implicit many-to-many relation keeps the user's field names: the previous relation is
 * the one over the same join table, and each end is matched by its model's table (a self
 * relation end for end, A to A). */
static void keep_previous_join_names(raiser *r, rm_relation *rel)
{
    const rm_graph *pg = r->o->previous;
    for (size_t i = 0; i < pg->nrelations; i++) {
        const rm_relation *x = &pg->relations[i];
        if (x->card != RM_CARD_MANY_TO_MANY_IMPLICIT || !x->join_table ||
            strcmp(x->join_table, rel->join_table) != 0)
            continue;
        rm_relation_end *ours[2] = {&rel->from, &rel->to};
        const rm_relation_end *theirs[2] = {&x->from, &x->to};
        if (!rel->self &&
            strcmp(pg->models[x->from.model].db_name, r->models[rel->from.model].db_name) != 0) {
            theirs[0] = &x->to;
            theirs[1] = &x->from;
        }
        for (int k = 0; k < 2; k++) {
            const rm_model *pm = &pg->models[theirs[k]->model];
            if (theirs[k]->field == RM_NONE || ours[k]->field == RM_NONE ||
                strcmp(pm->db_name, r->models[ours[k]->model].db_name) != 0)
                continue;
            rename_field(&r->models[ours[k]->model], ours[k]->field,
                         pm->fields[theirs[k]->field].name);
        }
        rel->name = x->name;
        rel->named = x->named;
        return;
    }
}

static void keep_previous_names(raiser *r)
{
    const rm_graph *pg = r->o->previous;
    for (size_t i = 0; i < r->nrels; i++) {
        rm_relation *rel = &r->rels[i];
        if (rel->card == RM_CARD_MANY_TO_MANY_IMPLICIT) {
            keep_previous_join_names(r, rel);
            continue;
        }
        const rm_relation *x = previous_relation(r, rel);
        if (!x)
            continue;
        const rm_model *pm = &pg->models[x->from.model], *pt = &pg->models[x->to.model];
        if (x->from.field != RM_NONE)
            rename_field(&r->models[rel->from.model], rel->from.field,
                         pm->fields[x->from.field].name);
        if (x->to.field != RM_NONE && rel->to.field != RM_NONE)
            rename_field(&r->models[rel->to.model], rel->to.field, pt->fields[x->to.field].name);
        rel->name = x->name;
        rel->named = x->named;
    }
    for (size_t i = 0; i < r->nmodels; i++)
        previous_order(r, (uint32_t)i);
}

/* ---- the whole schema ------------------------------------------------------------------- */

static void raise_enums(raiser *r)
{
    rm_graph *g = r->g;
    g->nenums = r->s->nenums;
    r->enums_cap = g->nenums ? g->nenums : 1;
    g->enums = RM_NEW_ARRAY(r->a, rm_enum, r->enums_cap);
    for (size_t i = 0; i < r->s->nenums; i++) {
        const rm_sql_enum *se = r->s->enums[i];
        rm_enum *e = &g->enums[i];
        e->name = rm_raise_sanitize(r->a, se->name);
        if (!e->name[0])
            e->name = "unnamed_enum";
        e->db_name = se->name;
        e->loc = RM_LOC_NONE;
        e->syntax = RM_SYNTAX_PRISMA;
        e->nvalues = se->nvalues;
        e->values = RM_NEW_ARRAY(r->a, rm_enum_value, se->nvalues ? se->nvalues : 1);
        for (size_t k = 0; k < se->nvalues; k++) {
            const char *v = rm_raise_sanitize(r->a, se->values[k]);
            e->values[k].name = v[0] ? v : rm_arena_sprintf(r->a, "value_%zu", k + 1);
            e->values[k].db_name = se->values[k];
            e->values[k].loc = RM_LOC_NONE;
        }
    }
}

static rm_provider provider_of(const rm_dialect *d)
{
    if (strcmp(d->name, "postgresql") == 0)
        return RM_PROVIDER_POSTGRES;
    if (strcmp(d->name, "mysql") == 0)
        return RM_PROVIDER_MYSQL;
    return RM_PROVIDER_SQLITE;
}

int rm_sqlschema_raise(rm_graph **out, const rm_sqlschema *s, const rm_dialect *d,
                       const rm_raise_opts *opts, rm_arena *a, rm_diags *diags)
{
    raiser r;
    memset(&r, 0, sizeof r);
    r.s = s;
    r.d = d;
    r.o = opts;
    r.a = a;
    r.diags = diags;
    r.g = RM_NEW(a, rm_graph);
    r.g->provider = provider_of(d);
    r.g->provider_name = rm_provider_name(r.g->provider);
    r.g->datasource = opts && opts->datasource ? opts->datasource : "db";
    r.g->relation_mode = RM_RELMODE_FOREIGN_KEYS;
    raise_enums(&r);

    size_t nt = s->ntables;
    r.table_model = RM_NEW_ARRAY(a, uint32_t, nt ? nt : 1);
    r.models = RM_NEW_ARRAY(a, rm_model, nt ? nt : 1);
    r.fcap = RM_NEW_ARRAY(a, size_t, nt ? nt : 1);
    for (size_t i = 0; i < nt; i++) {
        if (is_join_table(s->tables[i])) {
            r.table_model[i] = RM_NONE;
            continue;
        }
        r.table_model[i] = (uint32_t)r.nmodels++;
    }
    for (size_t i = 0; i < nt; i++)
        if (r.table_model[i] != RM_NONE)
            raise_table(&r, r.table_model[i], s->tables[i]);
    build_pairs(&r);
    for (size_t i = 0; i < nt; i++) {
        if (r.table_model[i] == RM_NONE)
            continue;
        for (size_t k = 0; k < s->tables[i]->nfks; k++)
            raise_fk(&r, i, &s->tables[i]->fks[k]);
    }
    add_back_fields(&r);
    for (size_t i = 0; i < nt; i++)
        if (r.table_model[i] == RM_NONE)
            raise_join_table(&r, s->tables[i]);

    if (opts && opts->previous)
        keep_previous_names(&r);
    r.g->models = r.models;
    r.g->nmodels = r.nmodels;
    r.g->relations = r.rels;
    r.g->nrelations = r.nrels;
    rm_graph_sort(r.g, a);
    *out = r.g;
    return RM_OK;
}
