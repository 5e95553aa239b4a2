/*
 * MySQL / MariaDB introspection: six queries over information_schema for the connection's
 * database (tables, columns, index columns from STATISTICS, foreign-key columns, foreign-key
 * rules, and the objects the physical schema cannot hold: check constraints and triggers). Column types are
 * read from COLUMN_TYPE and spelled the way the lowering spells Prisma's MySQL types
 * (int(11) -> INTEGER, tinyint(1) -> BOOLEAN, enum('a','b') -> an inline enum), and MariaDB's
 * JSON columns (LONGTEXT with a json_valid() check named after the column) are read back as
 * JSON. Written against MariaDB 10.11 (CHECK_CONSTRAINTS.TABLE_NAME is MariaDB's).
 * Not for: other databases, or raising the result into models (sqlschema/raise.c).
 */
#include "db/introspect.h"
#include "util/sb.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char Q_TABLES[] =
    "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES "
    "WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME";

static const char Q_COLUMNS[] =
    "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA "
    "FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() "
    "ORDER BY TABLE_NAME, ORDINAL_POSITION";

static const char Q_INDEXES[] =
    "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, COLLATION, SUB_PART, INDEX_TYPE "
    "FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() "
    "ORDER BY TABLE_NAME, INDEX_NAME = 'PRIMARY' DESC, INDEX_NAME, SEQ_IN_INDEX";

/* Foreign-key columns and their rules are two queries, matched here by (table, constraint):
 * MariaDB joins two information_schema views with a block nested loop over every database's
 * constraints (EXPLAIN: "Scanned all databases; Using join buffer"), 2.9 s for 1,894 FK columns
 * at 1,199 tables against 0.07 s + 0.05 s for the two reads alone. */
static const char Q_FKS[] =
    "SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, REFERENCED_TABLE_NAME, "
    "REFERENCED_COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE "
    "WHERE TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME IS NOT NULL "
    "ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION";

static const char Q_FK_RULES[] =
    "SELECT TABLE_NAME, CONSTRAINT_NAME, DELETE_RULE, UPDATE_RULE "
    "FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()";

static const char Q_OTHER[] =
    "SELECT 'check', TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE "
    "FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() "
    "UNION ALL SELECT 'trigger', EVENT_OBJECT_TABLE, TRIGGER_NAME, NULL "
    "FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() "
    "ORDER BY 1, 2, 3";

static const char *cell(const rm_rows *r, size_t row, size_t col)
{
    return rm_rows_get(r, row, col);
}

static bool same(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

static size_t group_end(const rm_rows *r, size_t start, size_t k0, size_t k1)
{
    size_t end = start + 1;
    while (end < r->nrows && same(cell(r, end, k0), cell(r, start, k0)) &&
           same(cell(r, end, k1), cell(r, start, k1)))
        end++;
    return end;
}

/* enum('a','it''s') -> values. */
static void enum_values(rm_introspector *in, rm_sql_type *ty, const char *text)
{
    const char **vals = RM_NEW_ARRAY(in->a, const char *, strlen(text) / 2 + 1);
    size_t n = 0;
    const char *p = strchr(text, '(');
    while (p && *p) {
        p = strchr(p, '\'');
        if (!p)
            break;
        rm_sb sb = RM_SB_INIT;
        for (p++; *p; p++) {
            if (*p == '\'' && p[1] == '\'') {
                rm_sb_putc(&sb, '\'');
                p++;
            } else if (*p == '\\' && p[1]) {
                rm_sb_putc(&sb, p[1]);
                p++;
            } else if (*p == '\'') {
                break;
            } else {
                rm_sb_putc(&sb, *p);
            }
        }
        vals[n++] = rm_arena_strdup(in->a, rm_sb_str(&sb));
        rm_sb_free(&sb);
        if (*p)
            p++;
    }
    ty->values = vals;
    ty->nvalues = n;
}

/* MariaDB's COLUMN_DEFAULT writes a string default as a MySQL literal, with backslash escapes
 * ('a\\b' is a\b, '\n' a newline). The shared default reader knows only standard SQL
 * literals ('' doubles a quote), so a default containing a backslash came back with it
 * doubled and a diff against the schema never ended (issue #8). Rewrite such a literal to the
 * standard form; anything else is returned unchanged. */
static const char *my_default_literal(rm_introspector *in, const char *text)
{
    size_t n = strlen(text);
    if (n < 2 || text[0] != '\'' || text[n - 1] != '\'' || !memchr(text, '\\', n))
        return text;
    rm_sb sb = RM_SB_INIT;
    rm_sb_putc(&sb, '\'');
    for (size_t i = 1; i + 1 < n; i++) {
        char c = text[i];
        bool escaped = c == '\\' && i + 2 < n;
        if (escaped) {
            char e = text[++i];
            c = e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' : e == 'Z' ? '\032' : e;
            if (e == '0')
                continue; /* a NUL cannot be held in a C string; dropped */
        }
        rm_sb_putc(&sb, c);
        if (escaped && c == '\'')
            rm_sb_putc(&sb, '\''); /* an escaped quote (\') becomes '' */
    }
    rm_sb_putc(&sb, '\'');
    const char *out = rm_arena_strdup(in->a, rm_sb_str(&sb));
    rm_sb_free(&sb);
    return out;
}

static void my_type(rm_introspector *in, rm_sql_type *ty, const char *text)
{
    memset(ty, 0, sizeof *ty);
    if (strncasecmp(text, "enum(", 5) == 0) {
        ty->family = RM_TYPE_ENUM;
        ty->name = "ENUM";
        enum_values(in, ty, text);
        return;
    }
    const char *up;
    uint32_t args[RM_TYPE_MAX_ARGS];
    uint8_t nargs;
    rm_introspect_split_type(text, in->a, &up, args, &nargs);
    bool is_unsigned = strstr(up, " UNSIGNED") != NULL;
    char base[64];
    snprintf(base, sizeof base, "%.*s", (int)strcspn(up, " "), up);
    static const struct {
        const char *name;
        const char *as; /* the lowering's spelling; NULL = the name */
        rm_type_family family;
        bool keep_args; /* display widths of integers are not arguments */
    } map[] = {
        {"INT", "INTEGER", RM_TYPE_INT, false},   {"INTEGER", NULL, RM_TYPE_INT, false},
        {"SMALLINT", NULL, RM_TYPE_INT, false},   {"MEDIUMINT", NULL, RM_TYPE_INT, false},
        {"TINYINT", NULL, RM_TYPE_INT, false},    {"BIGINT", NULL, RM_TYPE_BIGINT, false},
        {"VARCHAR", NULL, RM_TYPE_STRING, true},  {"CHAR", NULL, RM_TYPE_STRING, true},
        {"TEXT", NULL, RM_TYPE_STRING, false},    {"TINYTEXT", NULL, RM_TYPE_STRING, false},
        {"MEDIUMTEXT", NULL, RM_TYPE_STRING, false}, {"LONGTEXT", NULL, RM_TYPE_STRING, false},
        {"DOUBLE", NULL, RM_TYPE_FLOAT, false},   {"FLOAT", NULL, RM_TYPE_FLOAT, false},
        {"DECIMAL", NULL, RM_TYPE_DECIMAL, true}, {"DATETIME", NULL, RM_TYPE_DATETIME, true},
        {"TIMESTAMP", NULL, RM_TYPE_DATETIME, true}, {"DATE", NULL, RM_TYPE_DATETIME, false},
        {"TIME", NULL, RM_TYPE_DATETIME, true},   {"YEAR", NULL, RM_TYPE_INT, false},
        {"JSON", NULL, RM_TYPE_JSON, false},      {"LONGBLOB", NULL, RM_TYPE_BYTES, false},
        {"BLOB", NULL, RM_TYPE_BYTES, false},     {"MEDIUMBLOB", NULL, RM_TYPE_BYTES, false},
        {"TINYBLOB", NULL, RM_TYPE_BYTES, false}, {"BINARY", NULL, RM_TYPE_BYTES, true},
        {"VARBINARY", NULL, RM_TYPE_BYTES, true}, {"BIT", NULL, RM_TYPE_BYTES, true},
    };
    /* tinyint(1) is how MySQL stores BOOLEAN. */
    if (strcmp(base, "TINYINT") == 0 && nargs == 1 && args[0] == 1 && !is_unsigned) {
        ty->family = RM_TYPE_BOOLEAN;
        ty->name = "BOOLEAN";
        return;
    }
    for (size_t i = 0; i < RM_ARRAY_LEN(map); i++) {
        if (strcmp(map[i].name, base) != 0)
            continue;
        ty->family = map[i].family;
        const char *name = map[i].as ? map[i].as : map[i].name;
        if (is_unsigned)
            name = rm_arena_sprintf(in->a, "%s UNSIGNED", map[i].name);
        ty->name = name;
        if (map[i].keep_args) {
            ty->nargs = nargs;
            ty->args[0] = args[0];
            ty->args[1] = args[1];
        }
        /* MySQL shows no precision for fractional seconds 0: DATETIME is DATETIME(0), which
         * is how Prisma spells it (@db.DateTime(0)). */
        if (nargs == 0 && map[i].family == RM_TYPE_DATETIME && map[i].keep_args) {
            ty->nargs = 1;
            ty->args[0] = 0;
        }
        return;
    }
    ty->family = RM_TYPE_UNSUPPORTED;
    ty->name = rm_arena_strdup(in->a, text);
}

static rm_sql_table *table_of(rm_sqlschema *s, const char *name)
{
    return name ? (rm_sql_table *)rm_sqlschema_find_table(s, NULL, name) : NULL;
}

/* MariaDB stores JSON as LONGTEXT plus CHECK (json_valid(`col`)) named after the column. */
static bool is_json_check(const char *name, const char *clause)
{
    if (!name || !clause)
        return false;
    char want[256];
    snprintf(want, sizeof want, "json_valid(`%s`)", name);
    return strcmp(clause, want) == 0;
}

/* One row of Q_FK_RULES, sorted by (table, constraint) for binary search. */
typedef struct fk_rule {
    const char *table, *name, *on_delete, *on_update;
} fk_rule;

static int cmp_rule(const void *x, const void *y)
{
    const fk_rule *a = x, *b = y;
    int c = strcmp(a->table, b->table);
    return c ? c : strcmp(a->name, b->name);
}

static fk_rule *sorted_rules(rm_introspector *in, const rm_rows *rules, size_t *n)
{
    fk_rule *v = RM_NEW_ARRAY(in->a, fk_rule, rules->nrows ? rules->nrows : 1);
    *n = 0;
    for (size_t r = 0; r < rules->nrows; r++) {
        if (!cell(rules, r, 0) || !cell(rules, r, 1))
            continue;
        v[(*n)++] = (fk_rule){cell(rules, r, 0), cell(rules, r, 1), cell(rules, r, 2),
                              cell(rules, r, 3)};
    }
    qsort(v, *n, sizeof *v, cmp_rule);
    return v;
}

int rm_introspect_mysql(rm_introspector *in)
{
    rm_sqlschema *s = in->out;
    rm_rows *tables, *cols, *idx, *fks, *rules, *other;
    if (rm_introspect_query(in, &tables, Q_TABLES, NULL, 0) != RM_OK ||
        rm_introspect_query(in, &cols, Q_COLUMNS, NULL, 0) != RM_OK ||
        rm_introspect_query(in, &idx, Q_INDEXES, NULL, 0) != RM_OK ||
        rm_introspect_query(in, &fks, Q_FKS, NULL, 0) != RM_OK ||
        rm_introspect_query(in, &rules, Q_FK_RULES, NULL, 0) != RM_OK ||
        rm_introspect_query(in, &other, Q_OTHER, NULL, 0) != RM_OK)
        return RM_EDB;

    for (size_t r = 0; r < tables->nrows; r++) {
        const char *name = cell(tables, r, 0), *type = cell(tables, r, 1);
        if (!name || strcmp(name, "_prisma_migrations") == 0)
            continue;
        if (type && strcmp(type, "VIEW") == 0) {
            rm_introspect_warn(in, RM_E_INTROSPECT_VIEW, "view \"%s\" is not introspected", name);
            continue;
        }
        rm_sqlschema_add_table(s, NULL, name);
        if (in->stats)
            in->stats->ntables++;
    }
    for (size_t r = 0; r < cols->nrows; r++) {
        rm_sql_table *t = table_of(s, cell(cols, r, 0));
        const char *name = cell(cols, r, 1), *type = cell(cols, r, 2);
        if (!t || !name || !type)
            continue;
        rm_sql_type ty;
        my_type(in, &ty, type);
        bool nullable = same(cell(cols, r, 3), "YES");
        rm_sql_column *c = rm_sql_table_add_column(s, t, name, &ty, nullable);
        if (!c)
            continue;
        const char *def = cell(cols, r, 4), *extra = cell(cols, r, 5);
        if (extra && strstr(extra, "auto_increment")) {
            c->autoincrement = true;
            rm_sql_default_set(s, c, RM_SQL_DEFAULT_AUTOINCREMENT, NULL);
        } else if (extra && (strstr(extra, "VIRTUAL") || strstr(extra, "STORED"))) {
            rm_introspect_warn(in, RM_E_INTROSPECT_GENERATED_COLUMN,
                               "column \"%s\".\"%s\" is generated; it is read as a plain column",
                               t->name, name);
        } else if (def && !(nullable && strcmp(def, "NULL") == 0)) {
            rm_introspect_default(s, c, my_default_literal(in, def));
            if (c->type.family == RM_TYPE_BOOLEAN && c->def.kind == RM_SQL_DEFAULT_NUMBER)
                rm_sql_default_set(s, c, RM_SQL_DEFAULT_BOOLEAN,
                                   strcmp(c->def.text, "0") == 0 ? "false" : "true");
            if (c->type.family == RM_TYPE_ENUM && c->def.kind == RM_SQL_DEFAULT_STRING)
                c->def.kind = RM_SQL_DEFAULT_ENUM;
        }
    }
    for (size_t r = 0; r < idx->nrows;) {
        size_t end = group_end(idx, r, 0, 1);
        rm_sql_table *t = table_of(s, cell(idx, r, 0));
        const char *name = cell(idx, r, 1);
        size_t n = end - r;
        const char **names = RM_NEW_ARRAY(in->a, const char *, n);
        bool expression = false;
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
        if (strcmp(name, "PRIMARY") == 0) {
            rm_sql_table_set_pk(s, t, NULL, names, n);
            r = end;
            continue;
        }
        bool unique = same(cell(idx, r, 2), "0");
        rm_sql_index *ix = rm_sql_table_add_index(
            s, t, unique ? RM_SQL_INDEX_UNIQUE : RM_SQL_INDEX_NORMAL, name, names, n);
        if (ix) {
            const char *type = cell(idx, r, 6);
            if (type && strcmp(type, "FULLTEXT") == 0)
                ix->method = "fulltext";
            else if (type && strcmp(type, "BTREE") != 0)
                ix->method = rm_arena_strdup(in->a, type);
            for (size_t k = r; k < end; k++) {
                if (same(cell(idx, k, 4), "D"))
                    ix->cols[k - r].sort = RM_SQL_SORT_DESC;
                if (cell(idx, k, 5))
                    ix->cols[k - r].length = (uint32_t)strtoul(cell(idx, k, 5), NULL, 10);
            }
        }
        r = end;
    }
    size_t nrules;
    fk_rule *rule = sorted_rules(in, rules, &nrules);
    for (size_t r = 0; r < fks->nrows;) {
        size_t end = group_end(fks, r, 0, 1);
        rm_sql_table *t = table_of(s, cell(fks, r, 0));
        if (!t || !cell(fks, r, 3)) {
            r = end;
            continue;
        }
        size_t n = end - r;
        const char **from = RM_NEW_ARRAY(in->a, const char *, n);
        const char **to = RM_NEW_ARRAY(in->a, const char *, n);
        for (size_t k = r; k < end; k++) {
            from[k - r] = cell(fks, k, 2);
            to[k - r] = cell(fks, k, 4);
        }
        fk_rule key = {cell(fks, r, 0), cell(fks, r, 1) ? cell(fks, r, 1) : "", NULL, NULL};
        const fk_rule *found = bsearch(&key, rule, nrules, sizeof *rule, cmp_rule);
        rm_sql_table_add_fk(s, t, cell(fks, r, 1), from, n, NULL, cell(fks, r, 3), to,
                            rm_introspect_action(found ? found->on_delete : NULL),
                            rm_introspect_action(found ? found->on_update : NULL));
        r = end;
    }
    for (size_t r = 0; r < other->nrows; r++) {
        const char *kind = cell(other, r, 0), *rel = cell(other, r, 1), *obj = cell(other, r, 2);
        if (!kind || !rel)
            continue;
        if (strcmp(kind, "trigger") == 0) {
            rm_introspect_warn(in, RM_E_INTROSPECT_TRIGGER,
                               "trigger \"%s\" on table \"%s\" is not represented in the schema",
                               obj ? obj : "?", rel);
            continue;
        }
        rm_sql_table *t = table_of(s, rel);
        if (t && is_json_check(obj, cell(other, r, 3))) {
            for (size_t k = 0; k < t->ncols; k++)
                if (strcmp(t->cols[k].name, obj) == 0 && t->cols[k].type.family == RM_TYPE_STRING) {
                    t->cols[k].type.family = RM_TYPE_JSON;
                    t->cols[k].type.name = "JSON";
                    t->cols[k].type.nargs = 0;
                }
            continue;
        }
        rm_introspect_warn(in, RM_E_INTROSPECT_CHECK_CONSTRAINT,
                           "table \"%s\" has check constraint \"%s\", which the schema does "
                           "not hold (it is kept in the database, not in migrations)",
                           rel, obj ? obj : "?");
    }
    return RM_OK;
}
