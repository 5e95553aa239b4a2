/*
 * Catalog snapshots for the parity and round-trip tests: what a live database holds, read with
 * the database's own catalog (pg_catalog on PostgreSQL, information_schema on MySQL/MariaDB,
 * sqlite_master + pragma_* on SQLite), as a sorted list of one-line facts that two databases
 * can be compared with line by line.
 *
 * What it is for: judging two schemas built by different SQL texts (Prisma's and relmig's, or
 * "v1 + diff" and "v2 fresh") by their effect, independently of relmig's own introspection
 * (src/db/introspect.h), so a bug shared by the lowering and the introspection cannot hide.
 * What it is not for: product code. Header-only (static functions) so each test that needs
 * it includes it; it uses only the driver API of src/db/db.h.
 *
 * Facts, one per line (the database's name never appears, so two fresh databases compare;
 * PostgreSQL names are schema-qualified, S.T, and every user schema is read):
 *   table T
 *   column T.C TYPE null=.. default=..      (PostgreSQL: format_type and pg_get_expr text)
 *   constraint T.NAME DEFINITION            (PostgreSQL: PK, UNIQUE, FK with actions, CHECK)
 *   index T.NAME DEFINITION                 (PostgreSQL: pg_get_indexdef: columns, order, method)
 *   enum S.NAME v1,v2,...                   (PostgreSQL)
 *   index T.NAME unique=.. cols=..          (SQLite and MySQL: columns with order, collation,
 *                                            prefix length and method)
 *   order T c1,c2,...                       (column order, when asked for)
 *   fk T(cols) -> P(cols) ...               (SQLite: no constraint names in its catalog;
 *                                            MySQL: named, with actions)
 */
#ifndef RELMIG_TESTS_PARITY_CATALOG_H
#define RELMIG_TESTS_PARITY_CATALOG_H

#include "db/db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct rm_catalog {
    char **lines;   /* sorted; malloc'd */
    size_t n;
    size_t cap;
} rm_catalog;

static inline void rm_catalog_free(rm_catalog *c)
{
    for (size_t i = 0; i < c->n; i++)
        free(c->lines[i]);
    free(c->lines);
    c->lines = NULL;
    c->n = c->cap = 0;
}

static inline void rm_catalog_add(rm_catalog *c, const char *line)
{
    if (c->n == c->cap) {
        c->cap = c->cap ? 2 * c->cap : 64;
        c->lines = realloc(c->lines, c->cap * sizeof *c->lines);
        if (!c->lines)
            abort();
    }
    size_t len = strlen(line);
    char *s = malloc(len + 1);
    if (!s)
        abort();
    memcpy(s, line, len + 1);
    c->lines[c->n++] = s;
}

static inline int rm_catalog_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* PostgreSQL: every schema of the current database except the system's (so a multi-schema
 * case is covered; each case gets its own database). Extensions' objects are left out. */
#define RM_CATALOG_PG_USER                                                                     \
    "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')"                     \
    " AND n.nspname NOT LIKE 'pg_temp_%' AND n.nspname NOT LIKE 'pg_toast_temp_%'"

/* Every query returns one text column: one fact per row. */
static const char *const rm_catalog_pg[] = {
    "SELECT 'table ' || n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n"
    " ON n.oid = c.relnamespace WHERE " RM_CATALOG_PG_USER " AND c.relkind IN ('r', 'p')",
    "SELECT format('column %s.%s.%s %s null=%s default=%s', n.nspname, c.relname, a.attname,"
    " format_type(a.atttypid, a.atttypmod), NOT a.attnotnull,"
    " coalesce(pg_get_expr(d.adbin, d.adrelid), '-'))"
    " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
    " JOIN pg_namespace n ON n.oid = c.relnamespace"
    " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
    " WHERE " RM_CATALOG_PG_USER " AND c.relkind IN ('r', 'p') AND a.attnum > 0"
    " AND NOT a.attisdropped",
    "SELECT format('constraint %s.%s.%s %s', n.nspname, c.relname, k.conname,"
    " pg_get_constraintdef(k.oid)) FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid"
    " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " RM_CATALOG_PG_USER,
    "SELECT format('index %s.%s.%s %s', n.nspname, t.relname, i.relname,"
    " pg_get_indexdef(i.oid))"
    " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid ="
    " x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace"
    " WHERE " RM_CATALOG_PG_USER,
    "SELECT format('enum %s.%s %s', n.nspname, t.typname, string_agg(e.enumlabel, ',' ORDER BY"
    " e.enumsortorder)) FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid"
    " JOIN pg_namespace n ON n.oid = t.typnamespace WHERE " RM_CATALOG_PG_USER
    " GROUP BY n.nspname, t.typname",
};

static const char *const rm_catalog_lite[] = {
    "SELECT 'table ' || name FROM sqlite_master WHERE type = 'table'"
    " AND name NOT LIKE 'sqlite_%'",
    "SELECT printf('column %s.%s %s notnull=%d default=%s pk=%d', m.name, p.name, p.type,"
    " p.\"notnull\", coalesce(p.dflt_value, '-'), p.pk)"
    " FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table'"
    " AND m.name NOT LIKE 'sqlite_%'",
    "SELECT printf('index %s.%s unique=%d origin=%s partial=%d cols=%s', m.name, il.name,"
    " il.\"unique\", il.origin, il.partial, (SELECT group_concat(coalesce(x.name, '<expr>')"
    " || CASE WHEN x.\"desc\" THEN ' DESC' ELSE '' END || ' ' || x.coll, ',')"
    " FROM (SELECT * FROM pragma_index_xinfo(il.name) WHERE key = 1 ORDER BY seqno) x))"
    " FROM sqlite_master m, pragma_index_list(m.name) il WHERE m.type = 'table'"
    " AND m.name NOT LIKE 'sqlite_%'",
    "SELECT printf('fk %s(%s) -> %s(%s) on_update=%s on_delete=%s', t, fc, pt, tc, u, d)"
    " FROM (SELECT m.name AS t, f.id AS id, group_concat(f.\"from\", ',') AS fc,"
    " f.\"table\" AS pt, group_concat(coalesce(f.\"to\", '<pk>'), ',') AS tc,"
    " f.on_update AS u, f.on_delete AS d"
    " FROM sqlite_master m, pragma_foreign_key_list(m.name) f"
    " WHERE m.type = 'table' GROUP BY m.name, f.id)",
};

static const char *const rm_catalog_my[] = {
    "SELECT CONCAT('table ', TABLE_NAME) FROM information_schema.TABLES"
    " WHERE TABLE_SCHEMA = DATABASE()",
    "SELECT CONCAT('column ', TABLE_NAME, '.', COLUMN_NAME, ' ', COLUMN_TYPE, ' null=',"
    " IS_NULLABLE, ' default=', COALESCE(COLUMN_DEFAULT, '-'), ' extra=', EXTRA,"
    " ' collation=', COALESCE(COLLATION_NAME, '-'))"
    " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()",
    "SELECT CONCAT('index ', TABLE_NAME, '.', INDEX_NAME, ' unique=', 1 - NON_UNIQUE,"
    " ' type=', INDEX_TYPE, ' cols=', GROUP_CONCAT(CONCAT(COLUMN_NAME, ' ',"
    " COALESCE(COLLATION, '-'), ' ', COALESCE(SUB_PART, '-')) ORDER BY SEQ_IN_INDEX))"
    " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
    " GROUP BY TABLE_NAME, INDEX_NAME, NON_UNIQUE, INDEX_TYPE",
    "SELECT CONCAT('fk ', k.TABLE_NAME, '.', k.CONSTRAINT_NAME, '(', GROUP_CONCAT(k.COLUMN_NAME"
    " ORDER BY k.ORDINAL_POSITION), ') -> ', k.REFERENCED_TABLE_NAME, '(',"
    " GROUP_CONCAT(k.REFERENCED_COLUMN_NAME ORDER BY k.ORDINAL_POSITION), ') on_update=',"
    " r.UPDATE_RULE, ' on_delete=', r.DELETE_RULE)"
    " FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.REFERENTIAL_CONSTRAINTS"
    " r ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME"
    " AND r.TABLE_NAME = k.TABLE_NAME"
    " WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL"
    " GROUP BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.REFERENCED_TABLE_NAME, r.UPDATE_RULE,"
    " r.DELETE_RULE",
};

/* Column order, one fact per table ("order T c1,c2,..."): asked for by the Prisma comparison
 * (both tools create a table in one statement), not by the migration round trip (ADD COLUMN
 * appends, so "v1 + migration" may legitimately order columns differently from "v2 fresh"). */
static const char *const rm_catalog_order_pg =
    "SELECT format('order %s.%s %s', n.nspname, c.relname, string_agg(a.attname, ','"
    " ORDER BY a.attnum)) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
    " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " RM_CATALOG_PG_USER
    " AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped"
    " GROUP BY n.nspname, c.relname";
static const char *const rm_catalog_order_lite =
    "SELECT 'order ' || t || ' ' || group_concat(name, ',') FROM (SELECT m.name AS t, p.name"
    " AS name FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table'"
    " AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, p.cid) GROUP BY t";
static const char *const rm_catalog_order_my =
    "SELECT CONCAT('order ', TABLE_NAME, ' ', GROUP_CONCAT(COLUMN_NAME ORDER BY"
    " ORDINAL_POSITION)) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
    " GROUP BY TABLE_NAME";

/* Read the catalog of c's database into out (sorted); with column_order, plus one "order"
 * fact per table. RM_OK or the driver's
 * error (err filled; the failing query is printed). */
static inline int rm_catalog_read(rm_catalog *out, rm_conn *c, rm_db_kind kind,
                                  bool column_order, rm_dberr *err)
{
    const char *const *qs = kind == RM_DB_POSTGRES ? rm_catalog_pg
                            : kind == RM_DB_MYSQL  ? rm_catalog_my
                                                   : rm_catalog_lite;
    size_t nq = kind == RM_DB_POSTGRES ? RM_ARRAY_LEN(rm_catalog_pg)
                : kind == RM_DB_MYSQL  ? RM_ARRAY_LEN(rm_catalog_my)
                                       : RM_ARRAY_LEN(rm_catalog_lite);
    const char *order = kind == RM_DB_POSTGRES ? rm_catalog_order_pg
                        : kind == RM_DB_MYSQL  ? rm_catalog_order_my
                                               : rm_catalog_order_lite;
    memset(out, 0, sizeof *out);
    rm_arena a;
    rm_arena_init(&a, 0);
    for (size_t q = 0; q < nq + (column_order ? 1 : 0); q++) {
        const char *sql = q < nq ? qs[q] : order;
        rm_rows *rows;
        if (rm_db_query(c, sql, NULL, 0, &a, &rows, err) != RM_OK) {
            printf("catalog query failed: %s\n%s\n", err->message, sql);
            rm_arena_free(&a);
            return RM_EDB;
        }
        for (size_t r = 0; r < rows->nrows; r++) {
            const char *v = rm_rows_get(rows, r, 0);
            rm_catalog_add(out, v ? v : "<null>");
        }
    }
    rm_arena_free(&a);
    qsort(out->lines, out->n, sizeof *out->lines, rm_catalog_cmp);
    return RM_OK;
}

/* Lines in exactly one of a and b (both sorted), printed as "- a-only" / "+ b-only" under
 * the given labels; returns how many. */
static inline size_t rm_catalog_diff(const rm_catalog *a, const rm_catalog *b, const char *la,
                              const char *lb, bool print)
{
    size_t i = 0, k = 0, n = 0;
    while (i < a->n || k < b->n) {
        int c = i == a->n ? 1 : k == b->n ? -1 : strcmp(a->lines[i], b->lines[k]);
        if (c == 0) {
            i++, k++;
            continue;
        }
        if (print)
            printf("  %s only: %s\n", c < 0 ? la : lb, c < 0 ? a->lines[i] : b->lines[k]);
        if (c < 0)
            i++;
        else
            k++;
        n++;
    }
    return n;
}

/* base_url with its database (the path segment) replaced by db; written to out. */
static inline void rm_catalog_url_with_db(char *out, size_t cap, const char *base_url,
                                          const char *db)
{
    const char *q = strchr(base_url, '?');
    size_t end = q ? (size_t)(q - base_url) : strlen(base_url);
    size_t slash = end;
    while (slash > 0 && base_url[slash - 1] != '/')
        slash--;
    /* "scheme://host" without a path: slash lands after "//"; append "/" then. */
    bool has_path = slash > 0 && base_url[slash - 1] == '/' &&
                    !(slash >= 2 && base_url[slash - 2] == '/');
    snprintf(out, cap, "%.*s%s%s%s", (int)(has_path ? slash : end), base_url,
             has_path ? "" : "/", db, q ? q : "");
}

/* A fresh, empty server database named db (dropped first if left over), on the server of
 * base_url (PostgreSQL or MySQL); its URL is written to url_out. RM_OK or RM_EDB (printed). */
static inline int rm_catalog_fresh_db(char *url_out, size_t cap, const char *base_url,
                                      const char *db)
{
    rm_conn *admin = NULL;
    rm_dberr err;
    rm_dberr_clear(&err);
    if (rm_db_connect(&admin, base_url, NULL, &err) != RM_OK) {
        printf("connect: %s\n", err.message);
        return RM_EDB;
    }
    bool pg = rm_db_driver(admin) == rm_db_driver_for_kind(RM_DB_POSTGRES);
    char sql[256];
    snprintf(sql, sizeof sql, pg ? "DROP DATABASE IF EXISTS \"%s\" WITH (FORCE)"
                                 : "DROP DATABASE IF EXISTS `%s`", db);
    int rc = rm_db_exec(admin, sql, &err);
    if (rc == RM_OK) {
        snprintf(sql, sizeof sql, pg ? "CREATE DATABASE \"%s\"" : "CREATE DATABASE `%s`", db);
        rc = rm_db_exec(admin, sql, &err);
    }
    if (rc != RM_OK)
        printf("%s: %s\n", sql, err.message);
    rm_db_close(admin);
    rm_catalog_url_with_db(url_out, cap, base_url, db);
    return rc;
}

static inline void rm_catalog_drop_db(const char *base_url, const char *db)
{
    rm_conn *admin = NULL;
    rm_dberr err;
    rm_dberr_clear(&err);
    if (rm_db_connect(&admin, base_url, NULL, &err) != RM_OK)
        return;
    bool pg = rm_db_driver(admin) == rm_db_driver_for_kind(RM_DB_POSTGRES);
    char sql[256];
    snprintf(sql, sizeof sql, pg ? "DROP DATABASE IF EXISTS \"%s\" WITH (FORCE)"
                                 : "DROP DATABASE IF EXISTS `%s`", db);
    rm_db_exec(admin, sql, &err);
    rm_db_close(admin);
}

#endif
