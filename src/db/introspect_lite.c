/*
 * SQLite introspection, plus the parts the three readers share (the dispatcher,
 * rm_introspect_url, the counted query, type and default parsing), which live here because
 * SQLite is the reader every build has.
 *
 * SQLite's catalog is sqlite_master, whose CREATE statements SQLite itself re-parses to know
 * its schema. One query reads it (type, name, table, sql) and lite_ddl.c parses each table's
 * CREATE TABLE and CREATE INDEX text into the rows the table-valued pragmas would give
 * (pragma_table_xinfo, pragma_index_list x pragma_index_xinfo, pragma_foreign_key_list). The
 * pragmas themselves are slow on big schemas: each call looks its table up in SQLite's name
 * hash, whose 64 buckets make every lookup walk a chain as long as the schema is wide. Tables
 * the parser does not fully understand are read through the pragmas, restricted to those
 * tables' rowids; those three queries are sent in any case, so the count is 4 whatever the
 * number of tables. Both kinds of rows go through the same assembly code, so a parsed table
 * and a pragma-read one come out alike (tests/integration/test_introspect_lite_ddl_diff.c
 * proves it). Needs SQLite 3.26 (table_xinfo) and JSON1 (json_each). Not for: other
 * databases, or raising the result into models (sqlschema/raise.c).
 */
#include "db/introspect.h"

#include "db/lite.h"
#include "db/lite_ddl.h"
#include "util/sb.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- shared by the three readers -------------------------------------------------------- */

int rm_introspect_query(rm_introspector *in, rm_rows **rows, const char *sql,
                        const char *const *params, size_t nparams)
{
    rm_dberr err;
    rm_dberr_clear(&err);
    if (in->stats)
        in->stats->nqueries++;
    if (rm_db_query(in->conn, sql, params, nparams, in->a, rows, &err) != RM_OK) {
        char *ctx =
            rm_arena_sprintf(in->a, "cannot read the catalog of %s", rm_db_url_redacted(in->conn));
        rm_db_report(in->d, &err, ctx);
        return RM_EDB;
    }
    return RM_OK;
}

void rm_introspect_warn(rm_introspector *in, uint16_t id, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rm_diag_vadd(in->d, RM_SEV_WARNING, id, RM_LOC_NONE, fmt, ap);
    va_end(ap);
}

void rm_introspect_split_type(const char *text, rm_arena *a, const char **name,
                              uint32_t args[RM_TYPE_MAX_ARGS], uint8_t *nargs)
{
    *nargs = 0;
    args[0] = args[1] = 0;
    const char *open = strchr(text, '(');
    size_t n = open ? (size_t)(open - text) : strlen(text);
    while (n > 0 && isspace((unsigned char)text[n - 1]))
        n--;
    char *up = rm_arena_strndup(a, text, n);
    for (char *p = up; *p; p++)
        *p = (char)toupper((unsigned char)*p);
    if (open) {
        const char *p = open + 1;
        while (*nargs < RM_TYPE_MAX_ARGS) {
            while (isspace((unsigned char)*p))
                p++;
            if (!isdigit((unsigned char)*p))
                break;
            char *end;
            args[(*nargs)++] = (uint32_t)strtoul(p, &end, 10);
            p = end;
            while (isspace((unsigned char)*p))
                p++;
            if (*p != ',')
                break;
            p++;
        }
        /* What follows the parentheses ("int(10) unsigned") belongs to the name. */
        const char *close = strchr(open, ')');
        if (close && close[1]) {
            const char *rest = close + 1;
            while (isspace((unsigned char)*rest))
                rest++;
            if (*rest) {
                char *r = rm_arena_sprintf(a, "%s %s", up, rest);
                for (char *q = r; *q; q++)
                    *q = (char)toupper((unsigned char)*q);
                up = r;
            }
        }
    }
    *name = up;
}

static bool is_number(const char *s)
{
    const char *p = s;
    if (*p == '-' || *p == '+')
        p++;
    bool digits = false;
    while (isdigit((unsigned char)*p)) {
        p++;
        digits = true;
    }
    if (*p == '.') {
        p++;
        while (isdigit((unsigned char)*p)) {
            p++;
            digits = true;
        }
    }
    if (digits && (*p == 'e' || *p == 'E')) {
        p++;
        if (*p == '-' || *p == '+')
            p++;
        while (isdigit((unsigned char)*p))
            p++;
    }
    return digits && *p == 0;
}

/* 'it''s' -> it's; NULL when text is not exactly one quoted literal. */
static char *unquote(rm_arena *a, const char *text)
{
    size_t n = strlen(text);
    if (n < 2 || text[0] != '\'' || text[n - 1] != '\'')
        return NULL;
    char *out = rm_arena_alloc(a, n);
    size_t k = 0;
    for (size_t i = 1; i + 1 < n; i++) {
        if (text[i] == '\'') {
            if (text[i + 1] != '\'' || i + 2 >= n)
                return NULL;
            i++;
        }
        out[k++] = text[i];
    }
    out[k] = 0;
    return out;
}

void rm_introspect_default(rm_sqlschema *s, rm_sql_column *c, const char *text)
{
    while (isspace((unsigned char)*text))
        text++;
    size_t n = strlen(text);
    /* SQLite keeps "(expr)" as written; a parenthesised literal is still that literal. */
    char *t = rm_arena_strndup(s->arena, text, n);
    while (n > 2 && t[0] == '(' && t[n - 1] == ')') {
        t[n - 1] = 0;
        t++;
        n -= 2;
    }
    /* DEFAULT NULL is no default at all. */
    if (strcasecmp(t, "NULL") == 0 || strncasecmp(t, "NULL::", 6) == 0)
        return;
    char *lit = unquote(s->arena, t);
    if (lit) {
        rm_sql_default_set(s, c, RM_SQL_DEFAULT_STRING, lit);
        return;
    }
    if (is_number(t)) {
        rm_sql_default_set(s, c, RM_SQL_DEFAULT_NUMBER, t);
        return;
    }
    if (strcasecmp(t, "true") == 0 || strcasecmp(t, "false") == 0) {
        rm_sql_default_set(s, c, RM_SQL_DEFAULT_BOOLEAN,
                           t[0] == 't' || t[0] == 'T' ? "true" : "false");
        return;
    }
    if (strcasecmp(t, "CURRENT_TIMESTAMP") == 0 || strcasecmp(t, "now()") == 0 ||
        strncasecmp(t, "CURRENT_TIMESTAMP(", 18) == 0) {
        rm_sql_default_set(s, c, RM_SQL_DEFAULT_NOW, NULL);
        return;
    }
    rm_sql_default_set(s, c, RM_SQL_DEFAULT_EXPRESSION, t);
}

rm_fk_action rm_introspect_action(const char *text)
{
    if (!text)
        return RM_FK_NO_ACTION;
    /* PostgreSQL's pg_constraint codes. */
    if (strlen(text) == 1) {
        switch (text[0]) {
        case 'r':
            return RM_FK_RESTRICT;
        case 'c':
            return RM_FK_CASCADE;
        case 'n':
            return RM_FK_SET_NULL;
        case 'd':
            return RM_FK_SET_DEFAULT;
        default:
            return RM_FK_NO_ACTION;
        }
    }
    if (strcasecmp(text, "CASCADE") == 0)
        return RM_FK_CASCADE;
    if (strcasecmp(text, "RESTRICT") == 0)
        return RM_FK_RESTRICT;
    if (strcasecmp(text, "SET NULL") == 0)
        return RM_FK_SET_NULL;
    if (strcasecmp(text, "SET DEFAULT") == 0)
        return RM_FK_SET_DEFAULT;
    return RM_FK_NO_ACTION;
}

int rm_introspect(rm_sqlschema *out, rm_conn *c, rm_introspect_stats *stats, rm_arena *a,
                  rm_diags *d)
{
    return rm_introspect_with(out, c, NULL, stats, a, d);
}

int rm_introspect_with(rm_sqlschema *out, rm_conn *c, rm_introspect_opts *opts,
                       rm_introspect_stats *stats, rm_arena *a, rm_diags *d)
{
    rm_introspect_opts defaults = {0};
    rm_sqlschema_init(out, a);
    if (stats)
        memset(stats, 0, sizeof *stats);
    if (opts)
        opts->lite_fallback = 0;
    rm_introspector in = {c, out, a, d, stats, opts ? opts : &defaults};
    switch (rm_db_driver(c)->kind) {
    case RM_DB_SQLITE:
        return rm_introspect_sqlite(&in);
    case RM_DB_POSTGRES:
        return rm_introspect_postgres(&in);
    case RM_DB_MYSQL:
        return rm_introspect_mysql(&in);
    case RM_DB_NONE:
        break;
    }
    rm_diag_error(d, RM_E_INTROSPECT_UNSUPPORTED_DB, RM_LOC_NONE,
                  "introspection is not available for %s", rm_db_url_redacted(c));
    return RM_EDB;
}

int rm_introspect_url(rm_sqlschema *out, const char *url, rm_arena *a, rm_diags *d)
{
    rm_dberr err;
    rm_dberr_clear(&err);
    rm_conn *c = NULL;
    if (rm_db_connect(&c, url, NULL, &err) != RM_OK) {
        char *ctx = rm_arena_sprintf(a, "cannot connect to %s", rm_dburl_redact(url, a));
        rm_db_report(d, &err, ctx);
        rm_sqlschema_init(out, a);
        return RM_EDB;
    }
    int rc = rm_introspect(out, c, NULL, a, d);
    rm_db_close(c);
    return rc;
}

const char *rm_introspect_dialect_of_url(const char *url)
{
    const char *colon = strchr(url, ':');
    if (!colon)
        return NULL;
    char scheme[32];
    size_t n = (size_t)(colon - url);
    if (n == 0 || n >= sizeof scheme)
        return NULL;
    memcpy(scheme, url, n);
    scheme[n] = 0;
    const rm_driver *drv = rm_db_driver_for_scheme(scheme);
    return drv ? drv->dialect : NULL;
}

/* ---- SQLite ----------------------------------------------------------------------------- */

/* Every object, SQLite's own included (the automatic indexes' names are checked against the
 * parser's); rowid order is creation order. */
static const char Q_MASTER[] =
    "SELECT rowid, type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid";

/* The pragma queries read only the tables whose rowids are in the JSON array ?1 (the ones the
 * parser left), in the same order as Q_MASTER. */
#define LITE_TABLES                                                                                \
    "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "                         \
    "AND m.rowid IN (SELECT value FROM json_each(?1)) "

static const char Q_COLUMNS[] =
    "SELECT m.name, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk, p.hidden "
    "FROM sqlite_master m JOIN pragma_table_xinfo(m.name) p " LITE_TABLES "ORDER BY m.rowid, p.cid";

/* Index rows in creation order (the index's own rowid in sqlite_master; automatic indexes of
 * UNIQUE constraints have a row there too), key columns only. */
static const char Q_INDEXES[] =
    "SELECT m.name, il.name, il.\"unique\", il.origin, il.partial, ii.cid, ii.name, ii.\"desc\", "
    "ii.coll, mi.sql "
    "FROM sqlite_master m JOIN pragma_index_list(m.name) il "
    "JOIN pragma_index_xinfo(il.name) ii LEFT JOIN sqlite_master mi ON mi.name = "
    "il.name " LITE_TABLES "AND ii.key = 1 "
    "ORDER BY m.rowid, mi.rowid, il.name, ii.seqno";

/* pragma_foreign_key_list numbers constraints from the last declared one (id 0). */
static const char Q_FKS[] =
    "SELECT m.name, f.id, f.\"table\", f.\"from\", f.\"to\", f.on_update, f.on_delete "
    "FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f " LITE_TABLES
    "ORDER BY m.rowid, f.id DESC, f.seq";

/* Column numbers of Q_MASTER. */
enum { M_ROWID, M_TYPE, M_NAME, M_TBL, M_SQL };

/* SQLite's own objects (sqlite_sequence, sqlite_stat1, sqlite_autoindex_*): the pragma
 * queries' NOT LIKE 'sqlite\_%', which ignores ASCII case. */
static bool lite_internal(const char *name)
{
    return strncasecmp(name, "sqlite_", 7) == 0;
}

/* Equal strings; the rows made from parsed text share their table and index name strings, so
 * the pointer test settles most comparisons of the grouping loops. */
static bool lite_same(const char *x, const char *y)
{
    return x == y || strcmp(x, y) == 0;
}

static bool skipped_table(const char *name)
{
    return strcmp(name, "_prisma_migrations") == 0;
}

/* Does the CREATE statement contain the keyword kw outside quotes and comments? */
static bool sql_has_keyword(const char *sql, const char *kw)
{
    size_t n = strlen(kw);
    /* Only these bytes can change the answer; strpbrk skips the others in bulk. */
    char stops[] = "'\"`[-..";
    stops[5] = (char)tolower((unsigned char)kw[0]);
    stops[6] = (char)toupper((unsigned char)kw[0]);
    for (const char *p = sql; p && *p; p++) {
        p = strpbrk(p, stops);
        if (!p)
            return false;
        char q = *p;
        if (q == '\'' || q == '"' || q == '`' || q == '[') {
            char close = q == '[' ? ']' : q;
            p = strchr(p + 1, close);
            if (!p)
                return false;
            continue;
        }
        if (q == '-' && p[1] == '-') {
            p = strchr(p, '\n');
            if (!p)
                return false;
            continue;
        }
        if (toupper((unsigned char)q) == toupper((unsigned char)kw[0]) &&
            strncasecmp(p, kw, n) == 0 &&
            (p == sql || !(isalnum((unsigned char)p[-1]) || p[-1] == '_')) &&
            !(isalnum((unsigned char)p[n]) || p[n] == '_'))
            return true;
    }
    return false;
}

/* The predicate of "CREATE ... INDEX ... WHERE pred": the text after the last top-level
 * WHERE keyword, verbatim. */
static const char *partial_predicate(rm_arena *a, const char *sql)
{
    const char *last = NULL;
    for (const char *p = sql; p && *p; p++) {
        if (*p == '\'' || *p == '"' || *p == '`' || *p == '[') {
            char close = *p == '[' ? ']' : *p;
            p = strchr(p + 1, close);
            if (!p)
                break;
            continue;
        }
        if (strncasecmp(p, "WHERE", 5) == 0 && p > sql && isspace((unsigned char)p[-1]) &&
            isspace((unsigned char)p[5]))
            last = p + 5;
    }
    if (!last)
        return NULL;
    while (isspace((unsigned char)*last))
        last++;
    size_t n = strlen(last);
    while (n > 0 && (isspace((unsigned char)last[n - 1]) || last[n - 1] == ';'))
        n--;
    return rm_arena_strndup(a, last, n);
}

/* SQLite has type affinity, not types: the declared name decides the family, as Prisma's
 * describer does (sqlite.rs: get_column_type). */
static rm_type_family lite_family(const char *up)
{
    static const struct {
        const char *name;
        rm_type_family f;
    } map[] = {
        {"INTEGER", RM_TYPE_INT},     {"INT", RM_TYPE_INT},
        {"BIGINT", RM_TYPE_BIGINT},   {"REAL", RM_TYPE_FLOAT},
        {"DOUBLE", RM_TYPE_FLOAT},    {"FLOAT", RM_TYPE_FLOAT},
        {"DECIMAL", RM_TYPE_DECIMAL}, {"NUMERIC", RM_TYPE_DECIMAL},
        {"BOOLEAN", RM_TYPE_BOOLEAN}, {"TEXT", RM_TYPE_STRING},
        {"VARCHAR", RM_TYPE_STRING},  {"CHAR", RM_TYPE_STRING},
        {"CLOB", RM_TYPE_STRING},     {"DATETIME", RM_TYPE_DATETIME},
        {"DATE", RM_TYPE_DATETIME},   {"TIMESTAMP", RM_TYPE_DATETIME},
        {"JSON", RM_TYPE_JSON},       {"JSONB", RM_TYPE_JSON},
        {"BLOB", RM_TYPE_BYTES},
    };
    for (size_t i = 0; i < RM_ARRAY_LEN(map); i++)
        if (strcmp(map[i].name, up) == 0)
            return map[i].f;
    /* Any other declared name: SQLite's own affinity rules (datatype3.html 3.1), refined so
     * that the native types another provider's schema lowers to (VARCHAR(191), TIMESTAMPTZ,
     * INT UNSIGNED) come back in the family they were written for. */
    static const struct {
        const char *part;
        rm_type_family f;
    } parts[] = {
        {"BIGINT", RM_TYPE_BIGINT},   {"INT", RM_TYPE_INT},       {"CHAR", RM_TYPE_STRING},
        {"CLOB", RM_TYPE_STRING},     {"TEXT", RM_TYPE_STRING},   {"BLOB", RM_TYPE_BYTES},
        {"REAL", RM_TYPE_FLOAT},      {"FLOA", RM_TYPE_FLOAT},    {"DOUB", RM_TYPE_FLOAT},
        {"BOOL", RM_TYPE_BOOLEAN},    {"DATE", RM_TYPE_DATETIME}, {"TIME", RM_TYPE_DATETIME},
        {"JSON", RM_TYPE_JSON},       {"UUID", RM_TYPE_STRING},   {"DEC", RM_TYPE_DECIMAL},
        {"NUMERIC", RM_TYPE_DECIMAL}, {"MONEY", RM_TYPE_DECIMAL},
    };
    for (size_t i = 0; i < RM_ARRAY_LEN(parts); i++)
        if (strstr(up, parts[i].part))
            return parts[i].f;
    return RM_TYPE_UNSUPPORTED;
}

static rm_sql_table *table_of(rm_sqlschema *s, const char *name)
{
    return (rm_sql_table *)rm_sqlschema_find_table(s, NULL, name);
}

/* The schema from the rows of Q_MASTER and the pragma-shaped rows of columns, indexes and
 * foreign keys (columns as in Q_COLUMNS, Q_INDEXES, Q_FKS), grouped by table. */
static void lite_assemble(rm_introspector *in, const rm_rows *objs, const rm_rows *cols,
                          const rm_rows *idx, const rm_rows *fks)
{
    rm_sqlschema *s = in->out;
    /* Tables first (creation order), with the warnings for what has no place in the schema. */
    for (size_t r = 0; r < objs->nrows; r++) {
        const char *type = rm_rows_get(objs, r, M_TYPE), *name = rm_rows_get(objs, r, M_NAME);
        const char *tbl = rm_rows_get(objs, r, M_TBL), *sql = rm_rows_get(objs, r, M_SQL);
        if (!type || !name || lite_internal(name))
            continue;
        if (strcmp(type, "table") == 0) {
            if (skipped_table(name))
                continue;
            rm_sqlschema_add_table(s, NULL, name);
            if (in->stats)
                in->stats->ntables++;
            if (sql && sql_has_keyword(sql, "CHECK"))
                rm_introspect_warn(in, RM_E_INTROSPECT_CHECK_CONSTRAINT,
                                   "table \"%s\" has a check constraint, which the schema does "
                                   "not hold (it is kept in the database, not in migrations)",
                                   name);
        } else if (strcmp(type, "view") == 0) {
            rm_introspect_warn(in, RM_E_INTROSPECT_VIEW, "view \"%s\" is not introspected", name);
        } else if (strcmp(type, "trigger") == 0) {
            rm_introspect_warn(in, RM_E_INTROSPECT_TRIGGER,
                               "trigger \"%s\" on table \"%s\" is not represented in the schema",
                               name, tbl ? tbl : "?");
        }
    }

    const char *last_name = NULL;
    rm_sql_table *last_t = NULL;
    for (size_t r = 0; r < cols->nrows; r++) {
        /* The rows come grouped by table: look a name up once per group. */
        const char *tn = rm_rows_get(cols, r, 0);
        rm_sql_table *t = tn && last_name && lite_same(tn, last_name) ? last_t : table_of(s, tn);
        last_name = tn;
        last_t = t;
        if (!t)
            continue;
        const char *name = rm_rows_get(cols, r, 1), *decl = rm_rows_get(cols, r, 2);
        const char *notnull = rm_rows_get(cols, r, 3), *dflt = rm_rows_get(cols, r, 4);
        const char *hidden = rm_rows_get(cols, r, 6);
        if (!name)
            continue;
        rm_sql_type ty;
        memset(&ty, 0, sizeof ty);
        const char *up;
        rm_introspect_split_type(decl ? decl : "", in->a, &up, ty.args, &ty.nargs);
        ty.family = lite_family(up);
        ty.name = up;
        if (ty.family == RM_TYPE_UNSUPPORTED) {
            /* Unsupported("...") keeps the declaration verbatim, arguments included. */
            ty.name = decl ? decl : "";
            ty.nargs = 0;
        }
        rm_sql_column *c =
            rm_sql_table_add_column(s, t, name, &ty, !(notnull && strcmp(notnull, "1") == 0));
        if (!c)
            continue;
        if (dflt)
            rm_introspect_default(s, c, dflt);
        if (hidden && (strcmp(hidden, "2") == 0 || strcmp(hidden, "3") == 0))
            rm_introspect_warn(in, RM_E_INTROSPECT_GENERATED_COLUMN,
                               "column \"%s\".\"%s\" is generated; it is read as a plain column",
                               t->name, name);
    }

    /* Primary keys: pragma_table_xinfo.pk is the 1-based position in the key. The column
     * rows come grouped by table, so one pass over them serves every table. */
    for (size_t r = 0; r < cols->nrows;) {
        const char *tn = rm_rows_get(cols, r, 0);
        size_t end = r + 1;
        while (end < cols->nrows && tn && rm_rows_get(cols, end, 0) &&
               lite_same(rm_rows_get(cols, end, 0), tn))
            end++;
        rm_sql_table *t = tn ? table_of(s, tn) : NULL;
        const char *pkcols[64];
        size_t npk = 0;
        for (size_t k = r; k < end && t; k++) {
            const char *pk = rm_rows_get(cols, k, 5);
            if (!pk || strcmp(pk, "0") == 0)
                continue;
            long pos = strtol(pk, NULL, 10);
            if (pos >= 1 && pos <= 64) {
                pkcols[pos - 1] = rm_rows_get(cols, k, 1);
                if ((size_t)pos > npk)
                    npk = (size_t)pos;
            }
        }
        r = end;
        if (!t || npk == 0)
            continue;
        rm_sql_table_set_pk(s, t, NULL, pkcols, npk);
        /* SQLite lets a non-rowid key column hold NULL unless NOT NULL is written (a legacy
         * quirk); Prisma reads key columns as required, and writes NOT NULL itself. */
        for (size_t k = 0; k < t->ncols; k++)
            if (rm_sql_table_pk_has(t, t->cols[k].name))
                t->cols[k].nullable = false;
        /* A single INTEGER primary key is the rowid alias: Prisma reads it as autoincrement
         * whether or not AUTOINCREMENT was written (and writes AUTOINCREMENT always). */
        if (npk == 1) {
            for (size_t k = 0; k < t->ncols; k++) {
                rm_sql_column *c = &t->cols[k];
                if (strcmp(c->name, pkcols[0]) == 0 && c->type.name &&
                    strcmp(c->type.name, "INTEGER") == 0)
                    c->autoincrement = true;
            }
        }
    }

    /* Indexes: consecutive rows of one (table, index). */
    for (size_t r = 0; r < idx->nrows;) {
        const char *tn = rm_rows_get(idx, r, 0), *iname = rm_rows_get(idx, r, 1);
        size_t end = r + 1;
        while (end < idx->nrows && tn && iname && rm_rows_get(idx, end, 0) &&
               rm_rows_get(idx, end, 1) && lite_same(rm_rows_get(idx, end, 0), tn) &&
               lite_same(rm_rows_get(idx, end, 1), iname))
            end++;
        rm_sql_table *t = tn ? table_of(s, tn) : NULL;
        const char *origin = rm_rows_get(idx, r, 3);
        if (!t || !iname || (origin && strcmp(origin, "pk") == 0)) {
            r = end;
            continue;
        }
        bool expression = false;
        const char *names[64];
        size_t n = 0;
        for (size_t k = r; k < end && n < 64; k++) {
            const char *cid = rm_rows_get(idx, k, 5);
            if (cid && strcmp(cid, "-2") == 0)
                expression = true;
            names[n++] = rm_rows_get(idx, k, 6);
        }
        if (expression) {
            rm_introspect_warn(in, RM_E_INTROSPECT_EXPRESSION_INDEX,
                               "index \"%s\" on table \"%s\" is on an expression; it is not "
                               "represented in the schema",
                               iname, t->name);
            r = end;
            continue;
        }
        bool unique = rm_rows_get(idx, r, 2) && strcmp(rm_rows_get(idx, r, 2), "1") == 0;
        rm_sql_index_kind kind = !unique ? RM_SQL_INDEX_NORMAL
                                 : origin && strcmp(origin, "u") == 0
                                     ? RM_SQL_INDEX_UNIQUE_CONSTRAINT
                                     : RM_SQL_INDEX_UNIQUE;
        rm_sql_index *ix = rm_sql_table_add_index(s, t, kind, iname, names, n);
        if (!ix) {
            r = end;
            continue;
        }
        for (size_t k = r; k < end && k - r < ix->ncols; k++) {
            const char *desc = rm_rows_get(idx, k, 7);
            if (desc && strcmp(desc, "1") == 0)
                ix->cols[k - r].sort = RM_SQL_SORT_DESC;
        }
        const char *partial = rm_rows_get(idx, r, 4), *isql = rm_rows_get(idx, r, 9);
        if (partial && strcmp(partial, "1") == 0 && isql)
            ix->where = partial_predicate(in->a, isql);
        r = end;
    }

    /* Foreign keys: rows of one constraint share (table, id). */
    for (size_t r = 0; r < fks->nrows;) {
        const char *tn = rm_rows_get(fks, r, 0), *id = rm_rows_get(fks, r, 1);
        size_t end = r + 1;
        while (end < fks->nrows && tn && id && rm_rows_get(fks, end, 0) &&
               rm_rows_get(fks, end, 1) && lite_same(rm_rows_get(fks, end, 0), tn) &&
               lite_same(rm_rows_get(fks, end, 1), id))
            end++;
        rm_sql_table *t = tn ? table_of(s, tn) : NULL;
        const char *ref = rm_rows_get(fks, r, 2);
        if (!t || !ref) {
            r = end;
            continue;
        }
        const char *from[64], *to[64];
        size_t n = 0;
        bool implicit_to = false;
        for (size_t k = r; k < end && n < 64; k++, n++) {
            from[n] = rm_rows_get(fks, k, 3);
            to[n] = rm_rows_get(fks, k, 4);
            implicit_to = implicit_to || !to[n];
        }
        /* REFERENCES t without columns means t's primary key. */
        const rm_sql_table *rt = rm_sqlschema_find_table(s, NULL, ref);
        if (implicit_to && rt && rt->pk.ncols == n)
            for (size_t k = 0; k < n; k++)
                to[k] = rt->pk.cols[k].name;
        bool ok = true;
        for (size_t k = 0; k < n; k++)
            ok = ok && from[k] && to[k];
        if (ok)
            rm_sql_table_add_fk(s, t, NULL, from, n, NULL, ref, to,
                                rm_introspect_action(rm_rows_get(fks, r, 6)),
                                rm_introspect_action(rm_rows_get(fks, r, 5)));
        r = end;
    }
}

/* ---- rows from the parsed CREATE statements --------------------------------------------- */

/* An rm_rows filled row by row (the pragma queries' shape), for parsed tables and for the
 * pragma rows of the others, merged in table order. */
typedef struct lite_rowbuf {
    rm_rows *rows;
    size_t ncells, cap_cells, nlens, cap_lens;
} lite_rowbuf;

static void lite_rowbuf_init(lite_rowbuf *b, rm_arena *a, size_t ncols)
{
    memset(b, 0, sizeof *b);
    b->rows = RM_NEW(a, rm_rows);
    b->rows->ncols = ncols;
    b->rows->names = RM_NEW_ARRAY(a, const char *, ncols);
    for (size_t i = 0; i < ncols; i++)
        b->rows->names[i] = "";
}

static void lite_rowbuf_add(lite_rowbuf *b, rm_arena *a, const char *const *cells)
{
    for (size_t i = 0; i < b->rows->ncols; i++) {
        RM_VEC_PUSH(a, b->rows->cells, b->ncells, b->cap_cells, cells[i]);
        RM_VEC_PUSH(a, b->rows->lens, b->nlens, b->cap_lens, cells[i] ? strlen(cells[i]) : 0);
    }
    b->rows->nrows++;
}

/* Copy the rows of src from *cursor on that belong to table name (src is grouped by table in
 * the same order as the tables are visited). */
static void lite_rowbuf_take(lite_rowbuf *b, rm_arena *a, const rm_rows *src, size_t *cursor,
                             const char *name)
{
    while (*cursor < src->nrows && rm_rows_get(src, *cursor, 0) &&
           strcmp(rm_rows_get(src, *cursor, 0), name) == 0) {
        lite_rowbuf_add(b, a, src->cells + *cursor * src->ncols);
        (*cursor)++;
    }
}

static const char *lite_num(rm_arena *a, long v)
{
    static const char *const small[] = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
    if (v >= 0 && v < 10)
        return small[v];
    return rm_arena_sprintf(a, "%ld", v);
}

/* One table of sqlite_master, with the indexes on it (rows of Q_MASTER, creation order). */
typedef struct lite_tab {
    size_t row; /* its Q_MASTER row */
    const char *name;
    rm_lite_table t;
    bool parsed;
    size_t *idx;         /* Q_MASTER rows of its indexes */
    rm_lite_index *cidx; /* parsed CREATE INDEX per idx entry (autoindexes: unused) */
    size_t nidx, cap_idx;
} lite_tab;

static int lite_tab_cmp(const void *x, const void *y)
{
    return strcmp((*(const lite_tab *const *)x)->name, (*(const lite_tab *const *)y)->name);
}

static lite_tab *lite_tab_find(lite_tab **sorted, size_t n, const char *name)
{
    lite_tab key = {0};
    key.name = name;
    lite_tab *kp = &key;
    lite_tab **hit = bsearch(&kp, sorted, n, sizeof *sorted, lite_tab_cmp);
    return hit ? *hit : NULL;
}

/* The automatic index named name ("sqlite_autoindex_<table>_<n>") among t's, or NULL. */
static const rm_lite_autoindex *lite_auto_named(const lite_tab *t, const char *name)
{
    static const char prefix[] = "sqlite_autoindex_";
    size_t np = sizeof prefix - 1, nt = strlen(t->name);
    if (strncmp(name, prefix, np) != 0 || strncmp(name + np, t->name, nt) != 0 ||
        name[np + nt] != '_')
        return NULL;
    const char *num = name + np + nt + 1;
    char *end;
    unsigned long n = strtoul(num, &end, 10);
    if (*num < '1' || *num > '9' || *end)
        return NULL;
    for (size_t i = 0; i < t->t.nautos; i++)
        if (t->t.autos[i].number == n)
            return &t->t.autos[i];
    return NULL;
}

/* Parse t and its indexes; false sends the table to the pragmas. The automatic indexes in
 * sqlite_master must be exactly the ones the parser numbered (a WITHOUT ROWID table's key has
 * none), and every CREATE INDEX must name t and its columns. */
static bool lite_parse_tab(lite_tab *t, const rm_rows *objs, rm_arena *a)
{
    const char *sql = rm_rows_get(objs, t->row, M_SQL);
    if (!sql || rm_lite_ddl_table(&t->t, sql, a) != RM_OK)
        return false;
    size_t want = 0, seen = 0;
    for (size_t i = 0; i < t->t.nautos; i++)
        if (!(t->t.without_rowid && t->t.autos[i].pk))
            want++;
    t->cidx = RM_NEW_ARRAY(a, rm_lite_index, t->nidx ? t->nidx : 1);
    for (size_t k = 0; k < t->nidx; k++) {
        const char *iname = rm_rows_get(objs, t->idx[k], M_NAME);
        const char *isql = rm_rows_get(objs, t->idx[k], M_SQL);
        if (!iname)
            return false;
        if (!isql) {
            const rm_lite_autoindex *x = lite_auto_named(t, iname);
            if (!x || (t->t.without_rowid && x->pk))
                return false;
            seen++;
            continue;
        }
        rm_lite_index *ix = &t->cidx[k];
        if (rm_lite_ddl_index(ix, isql, a) != RM_OK || strcasecmp(ix->table, t->name) != 0)
            return false;
        for (size_t c = 0; c < ix->ncols; c++) {
            if (!ix->cols[c])
                continue;
            long pos = rm_lite_ddl_column(&t->t, ix->cols[c]);
            if (pos < 0)
                return false;
            ix->cols[c] = t->t.cols[pos].name; /* pragma_index_xinfo names the table's column */
        }
    }
    return seen == want;
}

/* The pragma-shaped rows of a parsed table. */
static void lite_emit_tab(const lite_tab *t, const rm_rows *objs, rm_arena *a, lite_rowbuf *cols,
                          lite_rowbuf *idx, lite_rowbuf *fks)
{
    const rm_lite_table *lt = &t->t;
    for (size_t i = 0; i < lt->ncols; i++) {
        const rm_lite_column *c = &lt->cols[i];
        const char *row[] = {
            t->name, c->name, c->type, c->notnull ? "1" : "0", c->dflt, lite_num(a, (long)c->pk),
            "0"};
        lite_rowbuf_add(cols, a, row);
    }
    for (size_t k = 0; k < t->nidx; k++) {
        const char *iname = rm_rows_get(objs, t->idx[k], M_NAME);
        const char *isql = rm_rows_get(objs, t->idx[k], M_SQL);
        if (!isql) {
            const rm_lite_autoindex *x = lite_auto_named(t, iname);
            if (x->pk)
                continue; /* the assembly skips origin "pk" */
            for (size_t c = 0; c < x->ncols; c++) {
                const char *row[] = {t->name,
                                     iname,
                                     "1",
                                     "u",
                                     "0",
                                     lite_num(a, (long)x->cols[c]),
                                     lt->cols[x->cols[c]].name,
                                     "0",
                                     x->coll[c] ? x->coll[c] : "BINARY",
                                     NULL};
                lite_rowbuf_add(idx, a, row);
            }
            continue;
        }
        const rm_lite_index *ix = &t->cidx[k];
        for (size_t c = 0; c < ix->ncols; c++) {
            const char *row[] = {t->name,
                                 iname,
                                 ix->unique ? "1" : "0",
                                 "c",
                                 ix->partial ? "1" : "0",
                                 ix->cols[c] ? "0" : "-2",
                                 ix->cols[c],
                                 "0",
                                 NULL,
                                 isql};
            lite_rowbuf_add(idx, a, row);
        }
    }
    for (size_t f = 0; f < lt->nfks; f++) {
        const rm_lite_fk *fk = &lt->fks[f];
        const char *id = lite_num(a, (long)(lt->nfks - 1 - f));
        for (size_t k = 0; k < fk->n; k++) {
            const char *row[] = {t->name,       id,           fk->table, fk->from[k], fk->to[k],
                                 fk->on_update, fk->on_delete};
            lite_rowbuf_add(fks, a, row);
        }
    }
}

/* sqlite_master's rows: from the file's pages where that is safe (db/lite.h), which spares
 * SQLite the load of its whole schema that any statement on sqlite_master starts (448 ms of
 * 0.6 s at 5,999 tables; bench/introspect.md), else by Q_MASTER. Either way one read,
 * counted as one query, after the PRAGMA schema_version that takes the SHARED lock. */
static int lite_master(rm_introspector *in, rm_rows **objs)
{
    rm_conn *c = in->conn;
    rm_rows *ver;
    if (rm_introspect_query(in, &ver, "PRAGMA schema_version", NULL, 0) != RM_OK)
        return RM_EDB;
    const char *v = ver->nrows && ver->ncols ? rm_rows_get(ver, 0, 0) : NULL;
    const char *why = "asked for the query";
    *objs = NULL;
    if (!in->opts->lite_master_query && v &&
        rm_lite_schema_from_file(c, strtol(v, NULL, 10), in->a, objs, &why) == RM_OK) {
        if (in->stats)
            in->stats->nqueries++;
        in->opts->lite_master_from_file = true;
        rm_db_trace_note(c, "sqlite_master read from the file's pages");
        return RM_OK;
    }
    in->opts->lite_master_why = why;
    if (c->trace)
        rm_db_trace_note(c, rm_arena_sprintf(in->a, "sqlite_master not read from the file (%s)",
                                             why));
    return rm_introspect_query(in, objs, Q_MASTER, NULL, 0);
}

static int lite_read(rm_introspector *in)
{
    rm_arena *a = in->a;
    rm_rows *objs;
    if (lite_master(in, &objs) != RM_OK)
        return RM_EDB;

    /* Tables (creation order), then each index attached to its table. */
    lite_tab *tabs = NULL;
    size_t ntabs = 0, cap_tabs = 0;
    for (size_t r = 0; r < objs->nrows; r++) {
        const char *type = rm_rows_get(objs, r, M_TYPE), *name = rm_rows_get(objs, r, M_NAME);
        if (type && name && strcmp(type, "table") == 0 && !lite_internal(name)) {
            lite_tab t = {0};
            t.row = r;
            t.name = name;
            RM_VEC_PUSH(a, tabs, ntabs, cap_tabs, t);
        }
    }
    lite_tab **sorted = RM_NEW_ARRAY(a, lite_tab *, ntabs ? ntabs : 1);
    for (size_t i = 0; i < ntabs; i++)
        sorted[i] = &tabs[i];
    qsort(sorted, ntabs, sizeof *sorted, lite_tab_cmp);
    for (size_t r = 0; r < objs->nrows; r++) {
        const char *type = rm_rows_get(objs, r, M_TYPE), *tbl = rm_rows_get(objs, r, M_TBL);
        if (!type || !tbl || strcmp(type, "index") != 0)
            continue;
        lite_tab *t = lite_tab_find(sorted, ntabs, tbl);
        if (t)
            RM_VEC_PUSH(a, t->idx, t->nidx, t->cap_idx, r);
    }

    /* Parse; the rowids of the tables left over go to the pragma queries as a JSON array. */
    rm_sb ids = RM_SB_INIT;
    rm_sb_putc(&ids, '[');
    bool first = true;
    for (size_t i = 0; i < ntabs; i++) {
        lite_tab *t = &tabs[i];
        t->parsed = !in->opts->lite_pragmas_only && lite_parse_tab(t, objs, a);
        if (t->parsed)
            continue;
        const char *rowid = rm_rows_get(objs, t->row, M_ROWID);
        if (!first)
            rm_sb_putc(&ids, ',');
        rm_sb_puts(&ids, rowid ? rowid : "0");
        first = false;
        if (!skipped_table(t->name))
            in->opts->lite_fallback++;
    }
    rm_sb_putc(&ids, ']');
    const char *param[] = {rm_arena_strdup(a, rm_sb_str(&ids))};
    rm_sb_free(&ids);
    /* The pragma queries only for tables the parser left: a statement would load SQLite's
     * whole schema, which the direct read above avoided. */
    rm_rows none = {0, 0, NULL, NULL, NULL, 0};
    rm_rows *pcols = &none, *pidx = &none, *pfks = &none;
    if (!first && (rm_introspect_query(in, &pcols, Q_COLUMNS, param, 1) != RM_OK ||
                   rm_introspect_query(in, &pidx, Q_INDEXES, param, 1) != RM_OK ||
                   rm_introspect_query(in, &pfks, Q_FKS, param, 1) != RM_OK))
        return RM_EDB;

    lite_rowbuf cols, idx, fks;
    lite_rowbuf_init(&cols, a, 7);
    lite_rowbuf_init(&idx, a, 10);
    lite_rowbuf_init(&fks, a, 7);
    size_t ccur = 0, icur = 0, fcur = 0;
    for (size_t i = 0; i < ntabs; i++) {
        const lite_tab *t = &tabs[i];
        if (t->parsed) {
            lite_emit_tab(t, objs, a, &cols, &idx, &fks);
        } else {
            lite_rowbuf_take(&cols, a, pcols, &ccur, t->name);
            lite_rowbuf_take(&idx, a, pidx, &icur, t->name);
            lite_rowbuf_take(&fks, a, pfks, &fcur, t->name);
        }
    }
    lite_assemble(in, objs, cols.rows, idx.rows, fks.rows);
    return RM_OK;
}

/* Everything in one read transaction (unless the caller has one open): the schema cookie,
 * the direct read and any pragma queries see the same database, and the SHARED lock keeps
 * writers out of the file while its pages are read. */
int rm_introspect_sqlite(rm_introspector *in)
{
    rm_dberr err;
    rm_dberr_clear(&err);
    bool own = rm_lite_autocommit(in->conn) && rm_db_begin(in->conn, &err) == RM_OK;
    int rc = lite_read(in);
    if (own) {
        rm_dberr_clear(&err);
        (void)rm_db_commit(in->conn, &err); /* read only: nothing to lose */
    }
    return rc;
}
