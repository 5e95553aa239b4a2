/*
 * PostgreSQL introspection: six catalog queries over pg_catalog, each for every table of the
 * schema at once (tables, columns, PK/unique/FK constraints, other indexes, enum values, and
 * the objects the physical schema cannot hold: views, check and exclusion constraints,
 * triggers). Tables and columns carry their oids and attribute numbers; constraints and
 * indexes come back one row each with their key columns as numbers (conkey, indkey), named
 * here from the columns already read, so the server does no per-key-column join. Types come
 * back as (oid, typmod); format_type()'s text is computed here for the built-in types and by
 * the server for the others, then spelled the way the lowering spells Prisma's native types
 * (character varying(191) -> VARCHAR(191)), so a database relmig created diffs empty against
 * the lowered schema.
 * Not for: other databases, or raising the result into models (sqlschema/raise.c).
 */
#include "db/introspect_pg.h"
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

/* Q_COLUMNS: one row per column. $2 lists the types whose format_type() text pg_format_type()
 * computes here whatever the search path (format_type names them with fixed words), $3 those it
 * computes only while pg_catalog is first on the search path (format_type qualifies a type name
 * another schema shadows). For every other type the server sends {typtype, typname,
 * format_type} (the element type's typtype and name for an array). format_type() per column was
 * 20 ms of the query's 100 ms of server CPU at 1,199 tables, the pg_type joins 12 ms.
 *
 * pg_attrdef is joined (one hash of the schema's defaults: the per-column index lookup it
 * replaces was ~10% of the query at 1,199 tables) and read only for the columns that have a
 * default (atthasdef). Deparsing a default
 * (pg_get_expr) costs the server 8-12 us each in relmig's fresh connection (150 of the
 * columns query's 270 ms at 5,999 tables), so the commonest stored node trees are recognised
 * by their exact text and replaced by what pg_get_expr prints for them: a sequence default
 * (nextval('s'::regclass), under the implicit int8 -> int4/int2 cast of serial/smallserial;
 * only "nextval(" matters, pg_default), a boolean constant (little-endian datum text; a
 * big-endian server's differs and is deparsed), and CURRENT_TIMESTAMP under the implicit casts
 * to timestamp, timestamp(n) and timestamptz(n) (casts marked implicit are not printed). Any
 * other tree is deparsed as before; the nextval shortcut only while pg_catalog is first on the
 * search path (else nextval may print qualified). */
#define PG_NODE_FUNC(funcid, type, format)                                                     \
    "{FUNCEXPR :funcid " funcid " :funcresulttype " type " :funcretset false :funcvariadic "   \
    "false :funcformat " format " :funccollid 0 :inputcollid 0 :args ("
#define PG_NEXTVAL_NODE PG_NODE_FUNC("1574", "20", "0") "{CONST :consttype 2205 %"
#define PG_BOOL_NODE(bytes)                                                                    \
    "{CONST :consttype 16 :consttypmod -1 :constcollid 0 :constlen 1 :constbyval true "       \
    ":constisnull false :location % :constvalue 1 [ " bytes " ]}"
#define PG_NOW_NODE "{SQLVALUEFUNCTION :op 3 :type 1184 :typmod -1 :location %"
#define PG_CATALOG_FIRST "(SELECT (current_schemas(true))[1] = 'pg_catalog')"
static const char Q_COLUMNS[] =
    "SELECT a.attrelid, a.attname, a.atttypid, a.atttypmod, a.attnotnull, a.attidentity, "
    "a.attgenerated, a.attnum, "
    "CASE WHEN a.atthasdef AND a.attgenerated = '' THEN CASE "
    "WHEN (d.adbin::text LIKE '" PG_NEXTVAL_NODE "' "
    "OR d.adbin::text LIKE '" PG_NODE_FUNC("480", "23", "2") PG_NEXTVAL_NODE "' "
    "OR d.adbin::text LIKE '" PG_NODE_FUNC("714", "21", "2") PG_NEXTVAL_NODE "') "
    "AND " PG_CATALOG_FIRST " THEN 'nextval(' "
    "WHEN d.adbin::text LIKE '" PG_BOOL_NODE("1 0 0 0 0 0 0 0") "' THEN 'true' "
    "WHEN d.adbin::text LIKE '" PG_BOOL_NODE("0 0 0 0 0 0 0 0") "' THEN 'false' "
    "WHEN d.adbin::text LIKE '" PG_NOW_NODE "' "
    "OR d.adbin::text LIKE '" PG_NODE_FUNC("2027", "1114", "2") PG_NOW_NODE "' "
    "OR d.adbin::text LIKE '" PG_NODE_FUNC("1961", "1114", "2") PG_NODE_FUNC("2027", "1114", "2")
    PG_NOW_NODE "' "
    "OR d.adbin::text LIKE '" PG_NODE_FUNC("1967", "1184", "2") PG_NOW_NODE "' "
    "THEN 'CURRENT_TIMESTAMP' "
    "ELSE pg_get_expr(d.adbin, 0) END END, "
    "CASE WHEN NOT (a.atttypid = ANY ($2::oid[]) OR (a.atttypid = ANY ($3::oid[]) AND "
    PG_CATALOG_FIRST ")) THEN (SELECT ARRAY[COALESCE(et.typtype, t.typtype)::text, "
    "COALESCE(et.typname, t.typname)::text, format_type(a.atttypid, a.atttypmod)] "
    "FROM pg_type t LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A' "
    "WHERE t.oid = a.atttypid) END "
    "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
    "JOIN pg_namespace n ON n.oid = c.relnamespace "
    "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
    "WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition "
    "AND a.attnum > 0 AND NOT a.attisdropped";
enum {
    COL_RELID, COL_NAME, COL_TYPID, COL_TYPMOD, COL_NOTNULL, COL_IDENTITY, COL_GENERATED,
    COL_ATTNUM, COL_DEFAULT, COL_TYPE
};

/* Q_COLUMNS has no ORDER BY: its rows are sorted here (by table oid, attribute number). At
 * 5,999 tables the server's sort of 53,000 wide rows spilled to disk (work_mem) and took half
 * of the query's CPU time. Defaults are deparsed without a relation (pg_get_expr(adbin, 0)):
 * with one, PostgreSQL opens every table to name its columns, which in relmig's fresh
 * connection builds a relcache entry per table (server CPU 760 -> 460 ms at 5,999 tables). A
 * column default cannot refer to columns; a generated column's expression can, and is not
 * read (the column is reported by a warning). */

/* Constraints and indexes come back unsorted (sorted here by table and object oid, the order
 * the server's sorts gave): both queries' sorts and the joins that named referenced tables were
 * half of their server CPU (19 -> 9 ms and 20 -> 15 ms at 1,199 tables). A foreign key into
 * this schema names its table and columns from the rows already read; one into another schema
 * names them itself: {schema, table, column...} (the subquery runs for those rows alone). */
static const char Q_CONSTRAINTS[] =
    "SELECT con.conrelid, con.oid, con.conname, con.contype, con.conkey, con.confkey, "
    "con.confdeltype, con.confupdtype, con.confrelid, "
    "CASE WHEN con.contype = 'f' AND NOT EXISTS (SELECT 1 FROM pg_class rcl "
    "WHERE rcl.oid = con.confrelid AND rcl.relnamespace = con.connamespace) "
    "THEN (SELECT ARRAY[rn.nspname::text, rcl.relname::text] || ARRAY(SELECT a.attname::text "
    "FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, i) JOIN pg_attribute a "
    "ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.i) "
    "FROM pg_class rcl JOIN pg_namespace rn ON rn.oid = rcl.relnamespace "
    "WHERE rcl.oid = con.confrelid) END "
    "FROM pg_constraint con JOIN pg_namespace n ON n.oid = con.connamespace "
    "WHERE n.nspname = $1 AND con.contype IN ('p', 'u', 'f') AND con.conrelid <> 0";
enum {
    CON_RELID, CON_OID, CON_NAME, CON_TYPE, CON_KEY, CON_FKEY, CON_DELTYPE, CON_UPDTYPE,
    CON_FRELID, CON_XREF
};

/* Indexes that do not back a PK/unique/exclusion constraint. Operator class names only for
 * the indexes that use a non-default one (an array overlap with one uncorrelated list). */
static const char Q_INDEXES[] =
    "SELECT ix.indrelid, i.oid, i.relname, ix.indisunique, ix.indkey, ix.indoption, am.amname, "
    "pg_get_expr(ix.indpred, ix.indrelid), "
    "CASE WHEN ix.indclass::oid[] && ARRAY(SELECT oid FROM pg_opclass WHERE NOT opcdefault) "
    "THEN ARRAY(SELECT CASE WHEN opc.opcdefault THEN '' ELSE opc.opcname END "
    "FROM unnest(ix.indclass) WITH ORDINALITY AS k(oid, i) JOIN pg_opclass opc "
    "ON opc.oid = k.oid ORDER BY k.i) END, ix.indnkeyatts "
    "FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid "
    "JOIN pg_namespace n ON n.oid = i.relnamespace JOIN pg_am am ON am.oid = i.relam "
    "WHERE n.nspname = $1 AND NOT ix.indisprimary AND NOT EXISTS (SELECT 1 "
    "FROM pg_constraint c WHERE c.conindid = ix.indexrelid AND c.contype IN ('p', 'u', 'x'))";
enum {
    IX_RELID, IX_OID, IX_NAME, IX_UNIQUE, IX_KEY, IX_OPTION, IX_AM, IX_PRED, IX_OPCLASS,
    IX_NKEYATTS
};

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

/* The built-in types whose format_type() text is computed here (rm_introspect_pg_format_type)
 * rather than by the server per column; their array types too ("integer[]"). */
typedef enum pg_fmt_kind {
    PGF_FIXED,   /* format_type's own fixed words, whatever the typmod */
    PGF_NAME,    /* the type's name, "(typmod)" after it when there is one */
    PGF_LENGTH,  /* "name(typmod - 4)": varchar, bpchar */
    PGF_BITS,    /* "name(typmod)": bit, varbit */
    PGF_NUMERIC, /* "numeric(precision,scale)" */
    PGF_TIME     /* "name(typmod)" + suffix: time, timestamp, with or without time zone */
} pg_fmt_kind;

static const struct pg_builtin {
    uint32_t oid, array_oid;
    pg_fmt_kind kind;
    /* format_type prints the name (qualified when another schema earlier on the search path
     * has a type of that name): computed here only while pg_catalog is first on the path. */
    bool by_name;
    const char *name;
    const char *bare; /* without a typmod: the suffix for PGF_TIME, else the whole text */
} pg_builtins[] = {
    {16, 1000, PGF_FIXED, false, "boolean", "boolean"},
    {21, 1005, PGF_FIXED, false, "smallint", "smallint"},
    {23, 1007, PGF_FIXED, false, "integer", "integer"},
    {20, 1016, PGF_FIXED, false, "bigint", "bigint"},
    {700, 1021, PGF_FIXED, false, "real", "real"},
    {701, 1022, PGF_FIXED, false, "double precision", "double precision"},
    {1043, 1015, PGF_LENGTH, false, "character varying", "character varying"},
    {1562, 1563, PGF_BITS, false, "bit varying", "bit varying"},
    {1700, 1231, PGF_NUMERIC, false, "numeric", "numeric"},
    {1083, 1183, PGF_TIME, false, "time", " without time zone"},
    {1266, 1270, PGF_TIME, false, "time", " with time zone"},
    {1114, 1115, PGF_TIME, false, "timestamp", " without time zone"},
    {1184, 1185, PGF_TIME, false, "timestamp", " with time zone"},
    /* Without a typmod format_type prints these two by name: "bpchar", and "bit" quoted (a
     * keyword; plain BIT would mean bit(1)). */
    {1042, 1014, PGF_LENGTH, true, "character", "bpchar"},
    {1560, 1561, PGF_BITS, true, "bit", "\"bit\""},
    {25, 1009, PGF_NAME, true, "text", "text"},
    {17, 1001, PGF_NAME, true, "bytea", "bytea"},
    {1082, 1182, PGF_NAME, true, "date", "date"},
    {2950, 2951, PGF_NAME, true, "uuid", "uuid"},
    {3802, 3807, PGF_NAME, true, "jsonb", "jsonb"},
    {142, 143, PGF_NAME, true, "xml", "xml"},
    {869, 1041, PGF_NAME, true, "inet", "inet"},
    {790, 791, PGF_NAME, true, "money", "money"},
    {26, 1028, PGF_NAME, true, "oid", "oid"},
};

const char *rm_introspect_pg_format_type(uint32_t oid, int32_t typmod, rm_arena *a)
{
    for (size_t i = 0; i < RM_ARRAY_LEN(pg_builtins); i++) {
        const struct pg_builtin *b = &pg_builtins[i];
        if (oid != b->oid && oid != b->array_oid)
            continue;
        const char *arr = oid == b->array_oid ? "[]" : "";
        /* format_type's own arithmetic (format_type.c and the types' typmodout functions);
         * numeric's scale is the sign-extended low 11 bits (PostgreSQL 15's negative scales;
         * the same number as before for scales 0..1000). */
        int32_t m = typmod - 4;
        switch (typmod < 0 ? PGF_FIXED : b->kind) {
        case PGF_FIXED:
            if (b->kind == PGF_TIME)
                return rm_arena_sprintf(a, "%s%s%s", b->name, b->bare, arr);
            return rm_arena_sprintf(a, "%s%s", b->bare, arr);
        case PGF_NAME:
        case PGF_BITS:
            return rm_arena_sprintf(a, "%s(%d)%s", b->name, (int)typmod, arr);
        case PGF_LENGTH: /* the typmodout prints nothing for a length below 1 */
            if (m < 1)
                return rm_arena_sprintf(a, "%s%s", b->name, arr);
            return rm_arena_sprintf(a, "%s(%d)%s", b->name, (int)m, arr);
        case PGF_NUMERIC:
            if (m < 0)
                return rm_arena_sprintf(a, "numeric%s", arr);
            return rm_arena_sprintf(a, "numeric(%d,%d)%s", (int)((m >> 16) & 0xffff),
                                    (int)(((m & 0x7ff) ^ 1024) - 1024), arr);
        case PGF_TIME:
            return rm_arena_sprintf(a, "%s(%d)%s%s", b->name, (int)typmod, b->bare, arr);
        }
    }
    return NULL;
}

/* The oids of pg_builtins (and their arrays) as an oid[] literal: by_name ones or the others. */
static const char *builtin_oids(rm_arena *a, bool by_name)
{
    rm_sb sb = RM_SB_INIT;
    rm_sb_putc(&sb, '{');
    for (size_t i = 0; i < RM_ARRAY_LEN(pg_builtins); i++) {
        if (pg_builtins[i].by_name != by_name)
            continue;
        rm_sb_appendf(&sb, "%s%u,%u", sb.len > 1 ? "," : "", (unsigned)pg_builtins[i].oid,
                      (unsigned)pg_builtins[i].array_oid);
    }
    rm_sb_putc(&sb, '}');
    const char *out = rm_arena_strdup(a, rm_sb_str(&sb));
    rm_sb_free(&sb);
    return out;
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
    const char *name;
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

typedef struct pg_rowkey {
    uint32_t k0, k1;
    size_t row;
} pg_rowkey;

static int cmp_rowkey(const void *x, const void *y)
{
    const pg_rowkey *a = x, *b = y;
    if (a->k0 != b->k0)
        return a->k0 < b->k0 ? -1 : 1;
    return (a->k1 > b->k1) - (a->k1 < b->k1);
}

/* The rows of r in the order of the oids in columns k0, k1 (the ORDER BY the server no longer
 * does): order[i] is the i-th row. Allocated in a. */
static size_t *sorted_rows(const rm_rows *r, size_t k0, size_t k1, rm_arena *a)
{
    size_t n = r->nrows ? r->nrows : 1;
    pg_rowkey *keys = RM_NEW_ARRAY(a, pg_rowkey, n);
    size_t *order = RM_NEW_ARRAY(a, size_t, n);
    for (size_t i = 0; i < r->nrows; i++)
        keys[i] = (pg_rowkey){oid_of(cell(r, i, k0)), oid_of(cell(r, i, k1)), i};
    qsort(keys, r->nrows, sizeof *keys, cmp_rowkey);
    for (size_t i = 0; i < r->nrows; i++)
        order[i] = keys[i].row;
    return order;
}

/* The built-in types' rm_sql_type by (oid, typmod), direct-mapped: a schema uses few distinct
 * pairs, and formatting plus spelling each column's type was a tenth of relmig's own
 * instructions at 1,199 tables. */
typedef struct pg_type_cache {
    struct {
        bool used;
        uint32_t oid;
        int32_t typmod;
        rm_sql_type ty;
    } slot[64];
} pg_type_cache;

/* The type of row k of Q_COLUMNS into ty; false when it has none (cannot happen for a column
 * the server sent). */
static bool column_type(rm_introspector *in, rm_sql_type *ty, pg_type_cache *cache,
                        const rm_rows *cols, size_t k)
{
    if (cell(cols, k, COL_TYPE)) {
        /* {typtype, typname, format_type} from the server. */
        const char *type[3] = {NULL, NULL, NULL};
        if (parse_text_array(in->a, cell(cols, k, COL_TYPE), type, 3) != 3)
            return false;
        pg_type(in, ty, type[2], type[0], type[1], NULL);
        return true;
    }
    if (!cell(cols, k, COL_TYPID) || !cell(cols, k, COL_TYPMOD))
        return false;
    uint32_t oid = oid_of(cell(cols, k, COL_TYPID));
    int32_t typmod = (int32_t)atoi(cell(cols, k, COL_TYPMOD));
    size_t h = ((size_t)oid * 31u + (size_t)(uint32_t)typmod) % RM_ARRAY_LEN(cache->slot);
    if (cache->slot[h].used && cache->slot[h].oid == oid && cache->slot[h].typmod == typmod) {
        *ty = cache->slot[h].ty;
        return true;
    }
    const char *fmt = rm_introspect_pg_format_type(oid, typmod, in->a);
    if (!fmt)
        return false;
    pg_type(in, ty, fmt, "b", NULL, NULL);
    cache->slot[h].used = true;
    cache->slot[h].oid = oid;
    cache->slot[h].typmod = typmod;
    cache->slot[h].ty = *ty;
    return true;
}

/* The state of one introspection while the results arrive (pg_on_rows). */
typedef struct pg_read {
    rm_introspector *in;
    const char *schema;
    pg_catalog cat;
    pg_type_cache types;
} pg_read;

static void read_enums(pg_read *st, const rm_rows *enums)
{
    rm_introspector *in = st->in;
    rm_sqlschema *s = in->out;
    for (size_t r = 0; r < enums->nrows;) {
        size_t end = group_end(enums, r, 0);
        const char **values = RM_NEW_ARRAY(in->a, const char *, end - r);
        for (size_t k = r; k < end; k++)
            values[k - r] = cell(enums, k, 1);
        rm_sqlschema_add_enum(s, NULL, cell(enums, r, 0), values, end - r);
        r = end;
    }
}

static void read_tables(pg_read *st, const rm_rows *tables)
{
    rm_introspector *in = st->in;
    rm_sqlschema *s = in->out;
    pg_catalog *cat = &st->cat;
    cat->rels = RM_NEW_ARRAY(in->a, pg_rel, tables->nrows ? tables->nrows : 1);
    for (size_t r = 0; r < tables->nrows; r++) {
        const char *name = cell(tables, r, 1);
        pg_rel *rel = &cat->rels[cat->nrels++];
        *rel = (pg_rel){oid_of(cell(tables, r, 0)), name, NULL, 0, 0};
        if (!name || strcmp(name, "_prisma_migrations") == 0)
            continue;
        rel->t = rm_sqlschema_add_table(s, NULL, name);
        if (in->stats)
            in->stats->ntables++;
    }
}

static void read_columns(pg_read *st, const rm_rows *cols)
{
    rm_introspector *in = st->in;
    rm_sqlschema *s = in->out;
    pg_catalog *cat = &st->cat;
    cat->cols = cols;
    cat->ord = RM_NEW_ARRAY(in->a, pg_colkey, cols->nrows ? cols->nrows : 1);
    for (size_t r = 0; r < cols->nrows; r++)
        cat->ord[r] = (pg_colkey){oid_of(cell(cols, r, COL_RELID)),
                                 cell(cols, r, COL_ATTNUM) ? atoi(cell(cols, r, COL_ATTNUM)) : 0,
                                 r};
    qsort(cat->ord, cols->nrows, sizeof *cat->ord, cmp_column);
    for (size_t i = 0; i < cols->nrows;) {
        size_t end = i + 1;
        while (end < cols->nrows && cat->ord[end].relid == cat->ord[i].relid)
            end++;
        pg_rel *rel = rel_of(cat, cat->ord[i].relid);
        if (rel) {
            rel->col0 = i;
            rel->ncols = end - i;
        }
        for (size_t j = i; j < end; j++) {
            size_t k = cat->ord[j].row;
            rm_sql_table *t = rel ? rel->t : NULL;
            const char *name = cell(cols, k, COL_NAME);
            if (!t || !name)
                continue;
            rm_sql_type ty;
            if (!column_type(in, &ty, &st->types, cols, k))
                continue;
            rm_sql_column *c =
                rm_sql_table_add_column(s, t, name, &ty, !is_true(cell(cols, k, COL_NOTNULL)));
            if (!c)
                continue;
            const char *def = cell(cols, k, COL_DEFAULT);
            const char *identity = cell(cols, k, COL_IDENTITY);
            const char *generated = cell(cols, k, COL_GENERATED);
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
}

static void read_constraints(pg_read *st, const rm_rows *cons)
{
    rm_introspector *in = st->in;
    rm_sqlschema *s = in->out;
    const pg_catalog *cat = &st->cat;
    const char *schema = st->schema;
    /* Constraints, one row each, in (table, constraint) oid order. */
    size_t *cons_order = sorted_rows(cons, CON_RELID, CON_OID, in->a);
    for (size_t i = 0; i < cons->nrows; i++) {
        size_t r = cons_order[i];
        pg_rel *rel = rel_of(cat, oid_of(cell(cons, r, CON_RELID)));
        const char *name = cell(cons, r, CON_NAME), *type = cell(cons, r, CON_TYPE);
        const char *names[64], *refs[66];
        size_t n, nref;
        if (!rel || !rel->t || !type ||
            !column_names(cat, rel, cell(cons, r, CON_KEY), names, &n, RM_ARRAY_LEN(names)))
            continue;
        if (type[0] == 'p') {
            rm_sql_table_set_pk(s, rel->t, name, names, n);
        } else if (type[0] == 'u') {
            rm_sql_table_add_index(s, rel->t, RM_SQL_INDEX_UNIQUE_CONSTRAINT, name, names, n);
        } else if (type[0] == 'f') {
            /* Into another schema: {schema, table, columns...}; else a table read here. */
            const char *ref_schema = NULL, *ref_table = NULL, *const *ref_cols = refs;
            bool ok;
            if (cell(cons, r, CON_XREF)) {
                nref = parse_text_array(in->a, cell(cons, r, CON_XREF), refs,
                                        RM_ARRAY_LEN(refs));
                ok = nref >= 2 && nref - 2 == n;
                ref_schema = refs[0];
                ref_table = refs[1];
                ref_cols = refs + 2;
            } else {
                pg_rel *ref = rel_of(cat, oid_of(cell(cons, r, CON_FRELID)));
                ok = ref && column_names(cat, ref, cell(cons, r, CON_FKEY), refs, &nref,
                                         RM_ARRAY_LEN(refs)) && nref == n;
                ref_table = ref ? ref->name : NULL;
            }
            if (!ok || !ref_table)
                continue;
            if (same(ref_schema, schema))
                ref_schema = NULL;
            rm_sql_table_add_fk(s, rel->t, name, names, n, ref_schema, ref_table, ref_cols,
                                rm_introspect_action(cell(cons, r, CON_DELTYPE)),
                                rm_introspect_action(cell(cons, r, CON_UPDTYPE)));
        }
    }
}

static void read_indexes(pg_read *st, const rm_rows *idx)
{
    rm_introspector *in = st->in;
    rm_sqlschema *s = in->out;
    const pg_catalog *cat = &st->cat;
    /* Indexes, one row each; only the first indnkeyatts numbers of indkey are key columns
     * (the rest are INCLUDE columns). */
    size_t *idx_order = sorted_rows(idx, IX_RELID, IX_OID, in->a);
    for (size_t i = 0; i < idx->nrows; i++) {
        size_t r = idx_order[i];
        pg_rel *rel = rel_of(cat, oid_of(cell(idx, r, IX_RELID)));
        const char *name = cell(idx, r, IX_NAME);
        if (!rel || !rel->t || !name)
            continue;
        rm_sql_table *t = rel->t;
        const char *names[64];
        size_t n;
        bool columns =
            column_names(cat, rel, cell(idx, r, IX_KEY), names, &n, RM_ARRAY_LEN(names));
        size_t nkey = cell(idx, r, IX_NKEYATTS) ? (size_t)atoi(cell(idx, r, IX_NKEYATTS)) : n;
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
            is_true(cell(idx, r, IX_UNIQUE)) ? RM_SQL_INDEX_UNIQUE : RM_SQL_INDEX_NORMAL;
        rm_sql_index *ix = rm_sql_table_add_index(s, t, kind, name, names, n);
        if (!ix)
            continue;
        const char *am = cell(idx, r, IX_AM);
        if (am && strcmp(am, "btree") != 0)
            ix->method = rm_arena_strdup(in->a, am);
        const char *pred = cell(idx, r, IX_PRED);
        if (pred)
            ix->where = rm_arena_strdup(in->a, pred);
        int opts[64];
        size_t nopts = parse_ints(cell(idx, r, IX_OPTION), opts, RM_ARRAY_LEN(opts));
        const char *opc[64];
        size_t nopc = cell(idx, r, IX_OPCLASS) ? parse_text_array(in->a, cell(idx, r, IX_OPCLASS),
                                                                  opc, RM_ARRAY_LEN(opc))
                                               : 0;
        for (size_t k = 0; k < ix->ncols; k++) {
            if (k < nopts && (opts[k] & 1))
                ix->cols[k].sort = RM_SQL_SORT_DESC;
            if (k < nopc && opc[k][0])
                ix->cols[k].opclass = opc[k];
        }
    }
}

static void read_other(pg_read *st, const rm_rows *other)
{
    rm_introspector *in = st->in;
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
}

/* The catalog queries in the order their rows are read: each result is processed as it
 * arrives (rm_pg_read_catalog), in the order the schema was always built in (enums, tables,
 * their columns, constraints, indexes, then the warnings about what the schema cannot
 * hold). */
static void pg_on_rows(void *ctx, size_t i, rm_rows *rows)
{
    pg_read *st = ctx;
    switch (i) {
    case 0: read_enums(st, rows); break;
    case 1: read_tables(st, rows); break;
    case 2: read_columns(st, rows); break;
    case 3: read_constraints(st, rows); break;
    case 4: read_indexes(st, rows); break;
    default: read_other(st, rows); break;
    }
}

int rm_introspect_postgres_with(rm_introspector *in, bool pipeline)
{
    const char *schema = rm_dburl_param_get(&in->conn->url, "schema");
    if (!schema || !schema[0])
        schema = "public";
    const char *p[3] = {schema, builtin_oids(in->a, false), builtin_oids(in->a, true)};
    const rm_pg_query qs[] = {
        {Q_ENUMS, p, 1},       {Q_TABLES, p, 1},  {Q_COLUMNS, p, 3},
        {Q_CONSTRAINTS, p, 1}, {Q_INDEXES, p, 1}, {Q_OTHER, p, 1},
    };
    pg_read *st = RM_NEW(in->a, pg_read);
    memset(st, 0, sizeof *st);
    st->in = in;
    st->schema = schema;
    if (in->stats)
        in->stats->nqueries += (unsigned)RM_ARRAY_LEN(qs);
    rm_dberr err;
    rm_dberr_clear(&err);
    /* Constraints, indexes and the rest on the helper connection: it starts ~20 ms later (its
     * own connection set-up), and the three queries before them take the server about as long
     * as these three plus that delay (bench/introspect.md). */
    if (rm_pg_read_catalog(in->conn, qs, RM_ARRAY_LEN(qs), 3, pipeline, pg_on_rows, st, in->a,
                           &err) != RM_OK) {
        char *ctx = rm_arena_sprintf(in->a, "cannot read the catalog of %s",
                                     rm_db_url_redacted(in->conn));
        rm_db_report(in->d, &err, ctx);
        return RM_EDB;
    }
    return RM_OK;
}

int rm_introspect_postgres(rm_introspector *in)
{
    return rm_introspect_postgres_with(in, true);
}
