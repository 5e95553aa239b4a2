/*
 * PostgreSQL introspection: six catalog queries over pg_catalog, each for every table of the
 * schema at once (tables, columns, PK/unique/FK constraint columns, other indexes, enum values,
 * and the objects the physical schema cannot hold: views, check and exclusion constraints,
 * triggers). Multi-column objects come back one row per column (unnest ... WITH ORDINALITY),
 * so no array text is parsed. Types are read from format_type() and spelled the way the
 * lowering spells Prisma's native types (character varying(191) -> VARCHAR(191)), so a
 * database relmig created diffs empty against the lowered schema.
 * Not for: other databases, or raising the result into models (sqlschema/raise.c).
 */
#include "db/introspect.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char Q_TABLES[] =
    "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition "
    "ORDER BY c.oid";

static const char Q_COLUMNS[] =
    "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), t.typtype, "
    "et.typtype, COALESCE(et.typname, t.typname), tn.nspname, a.attnotnull, "
    "pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated "
    "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
    "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_type t ON t.oid = a.atttypid "
    "LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A' "
    "LEFT JOIN pg_namespace tn ON tn.oid = COALESCE(et.typnamespace, t.typnamespace) "
    "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
    "WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition "
    "AND a.attnum > 0 AND NOT a.attisdropped ORDER BY c.oid, a.attnum";

static const char Q_CONSTRAINTS[] =
    "SELECT cl.relname, con.conname, con.contype, a.attname, rcl.relname, rn.nspname, "
    "ra.attname, con.confdeltype, con.confupdtype, con.oid "
    "FROM pg_constraint con JOIN pg_class cl ON cl.oid = con.conrelid "
    "JOIN pg_namespace n ON n.oid = cl.relnamespace "
    "CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, i) "
    "JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum "
    "LEFT JOIN pg_class rcl ON rcl.oid = con.confrelid "
    "LEFT JOIN pg_namespace rn ON rn.oid = rcl.relnamespace "
    "LEFT JOIN pg_attribute ra ON ra.attrelid = con.confrelid AND ra.attnum = con.confkey[k.i] "
    "WHERE n.nspname = $1 AND con.contype IN ('p', 'u', 'f') "
    "ORDER BY cl.oid, con.oid, k.i";

/* Indexes that do not back a PK/unique/exclusion constraint; key columns only. */
static const char Q_INDEXES[] =
    "SELECT t.relname, i.relname, ix.indisunique, a.attname, ix.indoption[k.i - 1], am.amname, "
    "pg_get_expr(ix.indpred, ix.indrelid), opc.opcname, opc.opcdefault, i.oid "
    "FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid "
    "JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
    "JOIN pg_am am ON am.oid = i.relam "
    "CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, i) "
    "LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum AND k.attnum > 0 "
    "LEFT JOIN pg_opclass opc ON opc.oid = ix.indclass[k.i - 1] "
    "WHERE n.nspname = $1 AND t.relkind IN ('r', 'p') AND NOT ix.indisprimary "
    "AND k.i <= ix.indnkeyatts AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
    "WHERE c.conindid = ix.indexrelid AND c.contype IN ('p', 'u', 'x')) "
    "ORDER BY t.oid, i.oid, k.i";

static const char Q_ENUMS[] =
    "SELECT t.typname, e.enumlabel FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid "
    "JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = $1 "
    "ORDER BY t.oid, e.enumsortorder";

static const char Q_OTHER[] =
    "SELECT 'view', c.relname, NULL FROM pg_class c JOIN pg_namespace n "
    "ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('v', 'm') "
    "UNION ALL SELECT CASE con.contype WHEN 'c' THEN 'check' ELSE 'exclusion' END, cl.relname, "
    "con.conname FROM pg_constraint con JOIN pg_class cl ON cl.oid = con.conrelid "
    "JOIN pg_namespace n ON n.oid = cl.relnamespace WHERE n.nspname = $1 "
    "AND con.contype IN ('c', 'x') "
    "UNION ALL SELECT 'trigger', cl.relname, tg.tgname FROM pg_trigger tg "
    "JOIN pg_class cl ON cl.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = cl.relnamespace "
    "WHERE n.nspname = $1 AND NOT tg.tgisinternal "
    "UNION ALL SELECT 'partition', c.relname, NULL FROM pg_class c JOIN pg_namespace n "
    "ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relispartition "
    "ORDER BY 1, 2, 3";

static const char *cell(const rm_rows *r, size_t row, size_t col)
{
    return rm_rows_get(r, row, col);
}

static bool same(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

static bool is_true(const char *v)
{
    return v && (v[0] == 't' || v[0] == '1');
}

/* format_type() text -> the lowering's spelling and family. */
static void pg_type(rm_introspector *in, rm_sql_type *ty, const char *fmt, const char *typtype,
                    const char *typname, const char *typschema)
{
    memset(ty, 0, sizeof *ty);
    size_t n = strlen(fmt);
    char *text = rm_arena_strdup(in->a, fmt);
    while (n >= 2 && strcmp(text + n - 2, "[]") == 0) {
        ty->array = true;
        n -= 2;
        text[n] = 0;
    }
    if (same(typtype, "e")) {
        ty->family = RM_TYPE_ENUM;
        ty->name = rm_arena_strdup(in->a, typname);
        (void)typschema;
        return;
    }
    /* "timestamp(3) without time zone": the arguments sit in the middle. */
    static const struct {
        const char *prefix; /* format_type text up to the arguments */
        const char *suffix; /* what must follow them */
        const char *name;
        rm_type_family family;
        int default_arg; /* argument PostgreSQL implies when none is shown; -1 none */
    } map[] = {
        {"integer", "", "INTEGER", RM_TYPE_INT, -1},
        {"smallint", "", "SMALLINT", RM_TYPE_INT, -1},
        {"bigint", "", "BIGINT", RM_TYPE_BIGINT, -1},
        {"oid", "", "OID", RM_TYPE_INT, -1},
        {"text", "", "TEXT", RM_TYPE_STRING, -1},
        {"character varying", "", "VARCHAR", RM_TYPE_STRING, -1},
        {"character", "", "CHAR", RM_TYPE_STRING, -1},
        {"uuid", "", "UUID", RM_TYPE_STRING, -1},
        {"xml", "", "XML", RM_TYPE_STRING, -1},
        {"inet", "", "INET", RM_TYPE_STRING, -1},
        {"citext", "", "CITEXT", RM_TYPE_STRING, -1},
        {"bit varying", "", "VARBIT", RM_TYPE_STRING, -1},
        {"bit", "", "BIT", RM_TYPE_STRING, -1},
        {"double precision", "", "DOUBLE PRECISION", RM_TYPE_FLOAT, -1},
        {"real", "", "REAL", RM_TYPE_FLOAT, -1},
        {"numeric", "", "DECIMAL", RM_TYPE_DECIMAL, -1},
        {"money", "", "MONEY", RM_TYPE_DECIMAL, -1},
        {"boolean", "", "BOOLEAN", RM_TYPE_BOOLEAN, -1},
        {"timestamp", " without time zone", "TIMESTAMP", RM_TYPE_DATETIME, 6},
        {"timestamp", " with time zone", "TIMESTAMPTZ", RM_TYPE_DATETIME, 6},
        {"time", " without time zone", "TIME", RM_TYPE_DATETIME, 6},
        {"time", " with time zone", "TIMETZ", RM_TYPE_DATETIME, 6},
        {"date", "", "DATE", RM_TYPE_DATETIME, -1},
        {"jsonb", "", "JSONB", RM_TYPE_JSON, -1},
        {"json", "", "JSON", RM_TYPE_JSON, -1},
        {"bytea", "", "BYTEA", RM_TYPE_BYTES, -1},
    };
    for (size_t i = 0; i < RM_ARRAY_LEN(map); i++) {
        size_t pl = strlen(map[i].prefix);
        if (strncmp(text, map[i].prefix, pl) != 0)
            continue;
        const char *p = text + pl;
        uint32_t args[RM_TYPE_MAX_ARGS] = {0, 0};
        uint8_t nargs = 0;
        if (*p == '(') {
            const char *close = strchr(p, ')');
            if (!close)
                continue;
            const char *name;
            rm_introspect_split_type(rm_arena_strndup(in->a, text, (size_t)(close - text + 1)),
                                     in->a, &name, args, &nargs);
            p = close + 1;
        }
        if (strcmp(p, map[i].suffix) != 0)
            continue;
        if (nargs == 0 && map[i].default_arg >= 0) {
            args[0] = (uint32_t)map[i].default_arg;
            nargs = 1;
        }
        ty->family = map[i].family;
        ty->name = map[i].name;
        ty->nargs = nargs;
        ty->args[0] = args[0];
        ty->args[1] = args[1];
        return;
    }
    ty->family = RM_TYPE_UNSUPPORTED;
    ty->name = text;
}

/* 'it''s'::text -> it's. NULL when text is not a quoted literal with an optional cast. */
static char *cast_literal(rm_arena *a, const char *text)
{
    if (text[0] != '\'')
        return NULL;
    size_t n = strlen(text);
    char *out = rm_arena_alloc(a, n + 1);
    size_t k = 0, i = 1;
    for (; i < n; i++) {
        if (text[i] == '\'') {
            if (text[i + 1] == '\'') {
                out[k++] = '\'';
                i++;
                continue;
            }
            break;
        }
        out[k++] = text[i];
    }
    if (i >= n)
        return NULL;
    out[k] = 0;
    const char *rest = text + i + 1;
    if (*rest && strncmp(rest, "::", 2) != 0)
        return NULL;
    return out;
}

static void pg_default(rm_introspector *in, rm_sql_column *c, const char *expr)
{
    rm_sqlschema *s = in->out;
    if (strncmp(expr, "nextval(", 8) == 0) {
        c->autoincrement = true;
        rm_sql_default_set(s, c, RM_SQL_DEFAULT_AUTOINCREMENT, NULL);
        return;
    }
    char *lit = cast_literal(in->a, expr);
    if (lit) {
        rm_type_family f = c->type.family;
        if (f == RM_TYPE_ENUM)
            rm_sql_default_set(s, c, RM_SQL_DEFAULT_ENUM, lit);
        else if ((f == RM_TYPE_INT || f == RM_TYPE_BIGINT || f == RM_TYPE_FLOAT ||
                  f == RM_TYPE_DECIMAL) && !c->type.array)
            rm_introspect_default(s, c, lit);
        else
            rm_sql_default_set(s, c, RM_SQL_DEFAULT_STRING, lit);
        return;
    }
    if (strcmp(expr, "now()") == 0 || strcasecmp(expr, "CURRENT_TIMESTAMP") == 0) {
        rm_sql_default_set(s, c, RM_SQL_DEFAULT_NOW, NULL);
        return;
    }
    /* Numbers and booleans print bare; a negative number in parentheses. */
    rm_introspect_default(s, c, expr);
}

static rm_sql_table *table_of(rm_sqlschema *s, const char *name)
{
    return name ? (rm_sql_table *)rm_sqlschema_find_table(s, NULL, name) : NULL;
}

/* Consecutive rows whose columns k0 (and k1) are equal form one object. */
static size_t group_end(const rm_rows *r, size_t start, size_t k0, size_t k1)
{
    size_t end = start + 1;
    while (end < r->nrows && same(cell(r, end, k0), cell(r, start, k0)) &&
           same(cell(r, end, k1), cell(r, start, k1)))
        end++;
    return end;
}

int rm_introspect_postgres(rm_introspector *in)
{
    rm_sqlschema *s = in->out;
    const char *schema = rm_dburl_param_get(&in->conn->url, "schema");
    if (!schema || !schema[0])
        schema = "public";
    const char *p[1] = {schema};
    rm_rows *tables, *cols, *cons, *idx, *enums, *other;
    if (rm_introspect_query(in, &tables, Q_TABLES, p, 1) != RM_OK ||
        rm_introspect_query(in, &cols, Q_COLUMNS, p, 1) != RM_OK ||
        rm_introspect_query(in, &cons, Q_CONSTRAINTS, p, 1) != RM_OK ||
        rm_introspect_query(in, &idx, Q_INDEXES, p, 1) != RM_OK ||
        rm_introspect_query(in, &enums, Q_ENUMS, p, 1) != RM_OK ||
        rm_introspect_query(in, &other, Q_OTHER, p, 1) != RM_OK)
        return RM_EDB;

    for (size_t r = 0; r < enums->nrows;) {
        size_t end = group_end(enums, r, 0, 0);
        const char **values = RM_NEW_ARRAY(in->a, const char *, end - r);
        for (size_t k = r; k < end; k++)
            values[k - r] = cell(enums, k, 1);
        rm_sqlschema_add_enum(s, NULL, cell(enums, r, 0), values, end - r);
        r = end;
    }
    for (size_t r = 0; r < tables->nrows; r++) {
        const char *name = cell(tables, r, 0);
        if (!name || strcmp(name, "_prisma_migrations") == 0)
            continue;
        rm_sqlschema_add_table(s, NULL, name);
        if (in->stats)
            in->stats->ntables++;
    }
    for (size_t r = 0; r < cols->nrows; r++) {
        rm_sql_table *t = table_of(s, cell(cols, r, 0));
        const char *name = cell(cols, r, 1), *fmt = cell(cols, r, 2);
        if (!t || !name || !fmt)
            continue;
        const char *typtype = cell(cols, r, 4) ? cell(cols, r, 4) : cell(cols, r, 3);
        rm_sql_type ty;
        pg_type(in, &ty, fmt, typtype, cell(cols, r, 5), cell(cols, r, 6));
        rm_sql_column *c = rm_sql_table_add_column(s, t, name, &ty, !is_true(cell(cols, r, 7)));
        if (!c)
            continue;
        const char *def = cell(cols, r, 8), *identity = cell(cols, r, 9);
        const char *generated = cell(cols, r, 10);
        if (generated && generated[0]) {
            rm_introspect_warn(in, RM_E_INTROSPECT_GENERATED_COLUMN,
                               "column \"%s\".\"%s\" is generated; it is read as a plain column",
                               t->name, name);
        } else if (identity && identity[0]) {
            c->autoincrement = true;
            rm_sql_default_set(s, c, RM_SQL_DEFAULT_AUTOINCREMENT, NULL);
        } else if (def) {
            pg_default(in, c, def);
        }
    }
    /* Constraints, one group of rows per constraint. */
    for (size_t r = 0; r < cons->nrows;) {
        size_t end = group_end(cons, r, 0, 9);
        rm_sql_table *t = table_of(s, cell(cons, r, 0));
        const char *name = cell(cons, r, 1), *type = cell(cons, r, 2);
        if (!t || !type) {
            r = end;
            continue;
        }
        size_t n = end - r;
        const char **names = RM_NEW_ARRAY(in->a, const char *, n);
        const char **refs = RM_NEW_ARRAY(in->a, const char *, n);
        for (size_t k = r; k < end; k++) {
            names[k - r] = cell(cons, k, 3);
            refs[k - r] = cell(cons, k, 6);
        }
        if (type[0] == 'p') {
            rm_sql_table_set_pk(s, t, name, names, n);
        } else if (type[0] == 'u') {
            rm_sql_table_add_index(s, t, RM_SQL_INDEX_UNIQUE_CONSTRAINT, name, names, n);
        } else if (type[0] == 'f' && cell(cons, r, 4)) {
            const char *ref_schema = cell(cons, r, 5);
            if (same(ref_schema, schema))
                ref_schema = NULL;
            rm_sql_table_add_fk(s, t, name, names, n, ref_schema, cell(cons, r, 4), refs,
                                rm_introspect_action(cell(cons, r, 7)),
                                rm_introspect_action(cell(cons, r, 8)));
        }
        r = end;
    }
    /* Indexes. */
    for (size_t r = 0; r < idx->nrows;) {
        size_t end = group_end(idx, r, 0, 9);
        rm_sql_table *t = table_of(s, cell(idx, r, 0));
        const char *name = cell(idx, r, 1);
        bool expression = false;
        size_t n = end - r;
        const char **names = RM_NEW_ARRAY(in->a, const char *, n);
        for (size_t k = r; k < end; k++) {
            names[k - r] = cell(idx, k, 3);
            expression = expression || !names[k - r];
        }
        if (!t || !name) {
            r = end;
            continue;
        }
        if (expression) {
            rm_introspect_warn(in, RM_E_INTROSPECT_EXPRESSION_INDEX,
                               "index \"%s\" on table \"%s\" is on an expression; it is not "
                               "represented in the schema",
                               name, t->name);
            r = end;
            continue;
        }
        rm_sql_index_kind kind =
            is_true(cell(idx, r, 2)) ? RM_SQL_INDEX_UNIQUE : RM_SQL_INDEX_NORMAL;
        rm_sql_index *ix = rm_sql_table_add_index(s, t, kind, name, names, n);
        if (ix) {
            const char *am = cell(idx, r, 5);
            if (am && strcmp(am, "btree") != 0)
                ix->method = rm_arena_strdup(in->a, am);
            const char *pred = cell(idx, r, 6);
            if (pred)
                ix->where = rm_arena_strdup(in->a, pred);
            for (size_t k = r; k < end; k++) {
                const char *opt = cell(idx, k, 4);
                if (opt && (atoi(opt) & 1))
                    ix->cols[k - r].sort = RM_SQL_SORT_DESC;
                if (cell(idx, k, 7) && !is_true(cell(idx, k, 8)))
                    ix->cols[k - r].opclass = rm_arena_strdup(in->a, cell(idx, k, 7));
            }
        }
        r = end;
    }
    for (size_t r = 0; r < other->nrows; r++) {
        const char *kind = cell(other, r, 0), *rel = cell(other, r, 1), *obj = cell(other, r, 2);
        if (!kind || !rel)
            continue;
        if (strcmp(kind, "view") == 0)
            rm_introspect_warn(in, RM_E_INTROSPECT_VIEW, "view \"%s\" is not introspected", rel);
        else if (strcmp(kind, "trigger") == 0)
            rm_introspect_warn(in, RM_E_INTROSPECT_TRIGGER,
                               "trigger \"%s\" on table \"%s\" is not represented in the schema",
                               obj ? obj : "?", rel);
        else if (strcmp(kind, "partition") == 0)
            rm_introspect_warn(in, RM_E_INTROSPECT_VIEW,
                               "table \"%s\" is a partition; partitions are not introspected",
                               rel);
        else
            rm_introspect_warn(in, RM_E_INTROSPECT_CHECK_CONSTRAINT,
                               "table \"%s\" has %s constraint \"%s\", which the schema does "
                               "not hold (it is kept in the database, not in migrations)",
                               rel, kind, obj ? obj : "?");
    }
    return RM_OK;
}
