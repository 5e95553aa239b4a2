/*
 * PostgreSQL introspection: six catalog queries over pg_catalog, each for every table of the
 * schema at once (tables, columns, PK/unique/FK constraints, other indexes, enum values, and
 * the objects the physical schema cannot hold: views, check and exclusion constraints,
 * triggers). Tables and columns carry their oids and attribute numbers; constraints and
 * indexes come back one row each with their key columns as numbers (conkey, indkey), named
 * here from the columns already read, so the server does no per-key-column join. Types are
 * read from format_type() and spelled the way the lowering spells Prisma's native types
 * (character varying(191) -> VARCHAR(191)), so a database relmig created diffs empty against
 * the lowered schema.
 * Not for: other databases, or raising the result into models (sqlschema/raise.c).
 */
#include "db/introspect.h"
#include "util/sb.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Tables and columns come back with their oids and attribute numbers; constraints and indexes
 * name their columns by number (conkey, indkey as array text), resolved here against the
 * columns already read. Joining pg_attribute once per key column (unnest ... WITH ORDINALITY)
 * cost the server 50 ms (constraints) and 30 ms (indexes) of CPU at 1,199 tables; without
 * those joins both take about 10 ms (bench/introspect.md, bench_introspect.sh). */
static const char Q_TABLES[] =
    "SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition "
    "ORDER BY c.oid";

static const char Q_COLUMNS[] =
    "SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), t.typtype, "
    "et.typtype, COALESCE(et.typname, t.typname), a.attnotnull, "
    "CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, 0) END, a.attidentity, "
    "a.attgenerated, a.attnum "
    "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
    "JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_type t ON t.oid = a.atttypid "
    "LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A' "
    "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
    "WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition "
    "AND a.attnum > 0 AND NOT a.attisdropped";

/* Q_COLUMNS has no ORDER BY: its rows are sorted here (by table oid, attribute number). At
 * 5,999 tables the server's sort of 53,000 wide rows spilled to disk (work_mem) and took half
 * of the query's CPU time. Defaults are deparsed without a relation (pg_get_expr(adbin, 0)):
 * with one, PostgreSQL opens every table to name its columns, which in relmig's fresh
 * connection builds a relcache entry per table (server CPU 760 -> 460 ms at 5,999 tables). A
 * column default cannot refer to columns; a generated column's expression can, and is not
 * read (the column is reported by a warning). */

/* A foreign key into another schema names its referenced columns itself (the columns read
 * here are this schema's only); the subquery runs for those rows alone. */
static const char Q_CONSTRAINTS[] =
    "SELECT con.conrelid, con.conname, con.contype, con.conkey, rcl.relname, rn.nspname, "
    "con.confkey, con.confdeltype, con.confupdtype, con.confrelid, "
    "CASE WHEN rcl.relnamespace <> con.connamespace THEN ARRAY(SELECT a.attname "
    "FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, i) JOIN pg_attribute a "
    "ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.i) END "
    "FROM pg_constraint con JOIN pg_namespace n ON n.oid = con.connamespace "
    "LEFT JOIN pg_class rcl ON rcl.oid = con.confrelid "
    "LEFT JOIN pg_namespace rn ON rn.oid = rcl.relnamespace "
    "WHERE n.nspname = $1 AND con.contype IN ('p', 'u', 'f') AND con.conrelid <> 0 "
    "ORDER BY con.conrelid, con.oid";

/* Indexes that do not back a PK/unique/exclusion constraint. Operator class names only for
 * the indexes that use a non-default one (an array overlap with one uncorrelated list). */
static const char Q_INDEXES[] =
    "SELECT ix.indrelid, i.relname, ix.indisunique, ix.indkey, ix.indoption, am.amname, "
    "pg_get_expr(ix.indpred, ix.indrelid), "
    "CASE WHEN ix.indclass::oid[] && ARRAY(SELECT oid FROM pg_opclass WHERE NOT opcdefault) "
    "THEN ARRAY(SELECT CASE WHEN opc.opcdefault THEN '' ELSE opc.opcname END "
    "FROM unnest(ix.indclass) WITH ORDINALITY AS k(oid, i) JOIN pg_opclass opc "
    "ON opc.oid = k.oid ORDER BY k.i) END, ix.indnkeyatts "
    "FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid "
    "JOIN pg_namespace n ON n.oid = i.relnamespace JOIN pg_am am ON am.oid = i.relam "
    "WHERE n.nspname = $1 AND NOT ix.indisprimary AND NOT EXISTS (SELECT 1 "
    "FROM pg_constraint c WHERE c.conindid = ix.indexrelid AND c.contype IN ('p', 'u', 'x')) "
    "ORDER BY ix.indrelid, i.oid";

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

/* Consecutive rows whose column k0 is equal form one object. */
static size_t group_end(const rm_rows *r, size_t start, size_t k0)
{
    size_t end = start + 1;
    while (end < r->nrows && same(cell(r, end, k0), cell(r, start, k0)))
        end++;
    return end;
}

static uint32_t oid_of(const char *text)
{
    return text ? (uint32_t)strtoul(text, NULL, 10) : 0;
}

/* Numbers of an int2[] ("{1,2}") or int2vector ("1 2") text into out; returns how many. */
static size_t parse_ints(const char *text, int *out, size_t max)
{
    size_t n = 0;
    for (const char *p = text; p && *p && n < max;) {
        if (*p == '-' || isdigit((unsigned char)*p)) {
            char *end;
            out[n++] = (int)strtol(p, &end, 10);
            p = end;
        } else {
            p++;
        }
    }
    return n;
}

/* Elements of a one-dimensional text array as PostgreSQL prints it ({a,"b c","d\"e"}) into
 * out (allocated in a); returns how many. */
static size_t parse_text_array(rm_arena *a, const char *text, const char **out, size_t max)
{
    size_t n = 0;
    const char *p = text && *text == '{' ? text + 1 : "";
    while (*p && *p != '}' && n < max) {
        rm_sb sb = RM_SB_INIT;
        if (*p == '"') {
            for (p++; *p && *p != '"'; p++) {
                if (*p == '\\' && p[1])
                    p++;
                rm_sb_putc(&sb, *p);
            }
            if (*p)
                p++;
        } else {
            for (; *p && *p != ',' && *p != '}'; p++)
                rm_sb_putc(&sb, *p);
        }
        out[n++] = rm_arena_strdup(a, rm_sb_str(&sb));
        rm_sb_free(&sb);
        if (*p == ',')
            p++;
    }
    return n;
}

/* One table of the schema: its oid, and the rows of Q_COLUMNS that are its columns (in
 * attribute number order), so that key columns given by number are named by binary search. */
typedef struct pg_rel {
    uint32_t oid;
    rm_sql_table *t; /* NULL: skipped (_prisma_migrations) */
    size_t col0, ncols;
} pg_rel;

typedef struct pg_colkey {
    uint32_t relid;
    int attnum;
    size_t row; /* in Q_COLUMNS */
} pg_colkey;

typedef struct pg_catalog {
    pg_rel *rels; /* sorted by oid (Q_TABLES order) */
    size_t nrels;
    const rm_rows *cols;
    pg_colkey *ord; /* every row of cols, sorted by (table oid, attribute number) */
} pg_catalog;

static pg_rel *rel_of(const pg_catalog *cat, uint32_t oid)
{
    size_t lo = 0, hi = cat->nrels;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cat->rels[mid].oid < oid)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < cat->nrels && cat->rels[lo].oid == oid ? &cat->rels[lo] : NULL;
}

/* The name of column attnum of rel, or NULL. */
static const char *column_name(const pg_catalog *cat, const pg_rel *rel, int attnum)
{
    size_t lo = rel->col0, hi = rel->col0 + rel->ncols;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cat->ord[mid].attnum < attnum)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < rel->col0 + rel->ncols && cat->ord[lo].attnum == attnum
               ? cell(cat->cols, cat->ord[lo].row, 1)
               : NULL;
}

/* Names of the columns numbered in text (conkey / indkey) into out; false when one is not a
 * column (0 = an expression in an index key). */
static bool column_names(const pg_catalog *cat, const pg_rel *rel, const char *text,
                         const char **out, size_t *n, size_t max)
{
    int nums[64];
    *n = parse_ints(text, nums, max < 64 ? max : 64);
    bool ok = *n > 0;
    for (size_t i = 0; i < *n; i++) {
        out[i] = nums[i] > 0 ? column_name(cat, rel, nums[i]) : NULL;
        ok = ok && out[i];
    }
    return ok;
}

static int cmp_column(const void *x, const void *y)
{
    const pg_colkey *a = x, *b = y;
    if (a->relid != b->relid)
        return a->relid < b->relid ? -1 : 1;
    return (a->attnum > b->attnum) - (a->attnum < b->attnum);
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
        size_t end = group_end(enums, r, 0);
        const char **values = RM_NEW_ARRAY(in->a, const char *, end - r);
        for (size_t k = r; k < end; k++)
            values[k - r] = cell(enums, k, 1);
        rm_sqlschema_add_enum(s, NULL, cell(enums, r, 0), values, end - r);
        r = end;
    }
    size_t nc = cols->nrows ? cols->nrows : 1;
    pg_catalog cat = {RM_NEW_ARRAY(in->a, pg_rel, tables->nrows ? tables->nrows : 1), 0, cols,
                      RM_NEW_ARRAY(in->a, pg_colkey, nc)};
    for (size_t r = 0; r < tables->nrows; r++) {
        const char *name = cell(tables, r, 1);
        pg_rel *rel = &cat.rels[cat.nrels++];
        *rel = (pg_rel){oid_of(cell(tables, r, 0)), NULL, 0, 0};
        if (!name || strcmp(name, "_prisma_migrations") == 0)
            continue;
        rel->t = rm_sqlschema_add_table(s, NULL, name);
        if (in->stats)
            in->stats->ntables++;
    }
    for (size_t r = 0; r < cols->nrows; r++)
        cat.ord[r] = (pg_colkey){oid_of(cell(cols, r, 0)),
                                 cell(cols, r, 10) ? atoi(cell(cols, r, 10)) : 0, r};
    qsort(cat.ord, cols->nrows, sizeof *cat.ord, cmp_column);
    for (size_t i = 0; i < cols->nrows;) {
        size_t end = i + 1;
        while (end < cols->nrows && cat.ord[end].relid == cat.ord[i].relid)
            end++;
        pg_rel *rel = rel_of(&cat, cat.ord[i].relid);
        if (rel) {
            rel->col0 = i;
            rel->ncols = end - i;
        }
        for (size_t j = i; j < end; j++) {
            size_t k = cat.ord[j].row;
            rm_sql_table *t = rel ? rel->t : NULL;
            const char *name = cell(cols, k, 1), *fmt = cell(cols, k, 2);
            if (!t || !name || !fmt)
                continue;
            const char *typtype = cell(cols, k, 4) ? cell(cols, k, 4) : cell(cols, k, 3);
            rm_sql_type ty;
            pg_type(in, &ty, fmt, typtype, cell(cols, k, 5), NULL);
            rm_sql_column *c =
                rm_sql_table_add_column(s, t, name, &ty, !is_true(cell(cols, k, 6)));
            if (!c)
                continue;
            const char *def = cell(cols, k, 7), *identity = cell(cols, k, 8);
            const char *generated = cell(cols, k, 9);
            if (generated && generated[0]) {
                rm_introspect_warn(in, RM_E_INTROSPECT_GENERATED_COLUMN,
                                   "column \"%s\".\"%s\" is generated; it is read as a plain "
                                   "column",
                                   t->name, name);
            } else if (identity && identity[0]) {
                c->autoincrement = true;
                rm_sql_default_set(s, c, RM_SQL_DEFAULT_AUTOINCREMENT, NULL);
            } else if (def) {
                pg_default(in, c, def);
            }
        }
        i = end;
    }
    /* Constraints, one row each. */
    for (size_t r = 0; r < cons->nrows; r++) {
        pg_rel *rel = rel_of(&cat, oid_of(cell(cons, r, 0)));
        const char *name = cell(cons, r, 1), *type = cell(cons, r, 2);
        const char *names[64], *refs[64];
        size_t n, nref;
        if (!rel || !rel->t || !type ||
            !column_names(&cat, rel, cell(cons, r, 3), names, &n, RM_ARRAY_LEN(names)))
            continue;
        if (type[0] == 'p') {
            rm_sql_table_set_pk(s, rel->t, name, names, n);
        } else if (type[0] == 'u') {
            rm_sql_table_add_index(s, rel->t, RM_SQL_INDEX_UNIQUE_CONSTRAINT, name, names, n);
        } else if (type[0] == 'f' && cell(cons, r, 4)) {
            const char *ref_schema = cell(cons, r, 5);
            pg_rel *ref = rel_of(&cat, oid_of(cell(cons, r, 9)));
            bool ok = cell(cons, r, 10)
                          ? (nref = parse_text_array(in->a, cell(cons, r, 10), refs,
                                                     RM_ARRAY_LEN(refs))) == n
                          : ref && column_names(&cat, ref, cell(cons, r, 6), refs, &nref,
                                                RM_ARRAY_LEN(refs)) && nref == n;
            if (!ok)
                continue;
            if (same(ref_schema, schema))
                ref_schema = NULL;
            rm_sql_table_add_fk(s, rel->t, name, names, n, ref_schema, cell(cons, r, 4), refs,
                                rm_introspect_action(cell(cons, r, 7)),
                                rm_introspect_action(cell(cons, r, 8)));
        }
    }
    /* Indexes, one row each; only the first indnkeyatts numbers of indkey are key columns
     * (the rest are INCLUDE columns). */
    for (size_t r = 0; r < idx->nrows; r++) {
        pg_rel *rel = rel_of(&cat, oid_of(cell(idx, r, 0)));
        const char *name = cell(idx, r, 1);
        if (!rel || !rel->t || !name)
            continue;
        rm_sql_table *t = rel->t;
        const char *names[64];
        size_t n;
        bool columns = column_names(&cat, rel, cell(idx, r, 3), names, &n, RM_ARRAY_LEN(names));
        size_t nkey = cell(idx, r, 8) ? (size_t)atoi(cell(idx, r, 8)) : n;
        if (nkey < n) {
            columns = true;
            for (size_t k = 0; k < nkey; k++)
                columns = columns && names[k];
            n = nkey;
        }
        if (!columns) {
            rm_introspect_warn(in, RM_E_INTROSPECT_EXPRESSION_INDEX,
                               "index \"%s\" on table \"%s\" is on an expression; it is not "
                               "represented in the schema",
                               name, t->name);
            continue;
        }
        rm_sql_index_kind kind =
            is_true(cell(idx, r, 2)) ? RM_SQL_INDEX_UNIQUE : RM_SQL_INDEX_NORMAL;
        rm_sql_index *ix = rm_sql_table_add_index(s, t, kind, name, names, n);
        if (!ix)
            continue;
        const char *am = cell(idx, r, 5);
        if (am && strcmp(am, "btree") != 0)
            ix->method = rm_arena_strdup(in->a, am);
        const char *pred = cell(idx, r, 6);
        if (pred)
            ix->where = rm_arena_strdup(in->a, pred);
        int opts[64];
        size_t nopts = parse_ints(cell(idx, r, 4), opts, RM_ARRAY_LEN(opts));
        const char *opc[64];
        size_t nopc = cell(idx, r, 7)
                          ? parse_text_array(in->a, cell(idx, r, 7), opc, RM_ARRAY_LEN(opc))
                          : 0;
        for (size_t k = 0; k < ix->ncols; k++) {
            if (k < nopts && (opts[k] & 1))
                ix->cols[k].sort = RM_SQL_SORT_DESC;
            if (k < nopc && opc[k][0])
                ix->cols[k].opclass = opc[k];
        }
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
