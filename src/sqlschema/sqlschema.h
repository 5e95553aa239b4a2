/*
 * The physical SQL schema: tables, columns with dialect types, primary keys, indexes, foreign
 * keys and (PostgreSQL) enum types, exactly as one database holds them. It is the hub between
 * the lowering of a relation graph (sqlschema/lower.c), database introspection (db/) and the
 * differ (diff/): all three speak this structure and nothing else.
 *
 * Not for: logical relations (that is model/graph.h), SQL text (dialects/), or I/O.
 *
 * Order: tables, columns, indexes and foreign keys are kept in declaration order, because the
 * SQL Prisma writes follows the order of the schema (CREATE TABLE "User" before "Profile"), and
 * relmig's output has to match it. Lookup by name goes through a name-sorted pointer array that
 * the builder keeps up to date (binary search), so order of output and speed of lookup do not
 * fight. Everything lives in the arena given to rm_sqlschema_init; strings are copied in.
 */
#ifndef RELMIG_SQLSCHEMA_SQLSCHEMA_H
#define RELMIG_SQLSCHEMA_SQLSCHEMA_H

#include "util/arena.h"
#include "util/source.h"

/* What a column type is, independent of how a dialect spells it. The differ compares
 * families to decide whether a change narrows data; dialects pick a default spelling per
 * family (Prisma's scalar defaults) when a type has no explicit name. */
typedef enum rm_type_family {
    RM_TYPE_INT, /* 32-bit (or smaller) integer */
    RM_TYPE_BIGINT,
    RM_TYPE_FLOAT,
    RM_TYPE_DECIMAL,
    RM_TYPE_BOOLEAN,
    RM_TYPE_STRING,
    RM_TYPE_DATETIME,
    RM_TYPE_JSON,
    RM_TYPE_BYTES,
    RM_TYPE_ENUM, /* name = the enum type (PostgreSQL) or values inline (MySQL) */
    RM_TYPE_UUID,
    RM_TYPE_UNSUPPORTED /* name is rendered verbatim (Prisma's Unsupported("...")) */
} rm_type_family;

#define RM_TYPE_MAX_ARGS 2

/* A column type as structured data. Rendering is the dialect's job: "VARCHAR" with args
 * {191} is VARCHAR(191); "DECIMAL" with {65,30} is DECIMAL(65,30) on PostgreSQL and
 * DECIMAL(65, 30) on MySQL. */
typedef struct rm_sql_type {
    rm_type_family family;
    const char *name;   /* upper-case base name ("VARCHAR"); enum: the type's name */
    const char *schema; /* enum types only: the type's schema, or NULL */
    uint32_t args[RM_TYPE_MAX_ARGS];
    uint8_t nargs;
    bool array;                /* PostgreSQL T[] */
    const char *const *values; /* MySQL inline ENUM('a', 'b'); NULL otherwise */
    size_t nvalues;
} rm_sql_type;

typedef enum rm_sql_default_kind {
    RM_SQL_DEFAULT_NONE,
    RM_SQL_DEFAULT_STRING,        /* text: the unquoted value; the dialect quotes it */
    RM_SQL_DEFAULT_NUMBER,        /* text: a numeric literal, rendered verbatim */
    RM_SQL_DEFAULT_BOOLEAN,       /* text: "true" or "false" */
    RM_SQL_DEFAULT_ENUM,          /* text: the enum value (quoted like a string) */
    RM_SQL_DEFAULT_NOW,           /* CURRENT_TIMESTAMP, with precision on MySQL */
    RM_SQL_DEFAULT_AUTOINCREMENT, /* mirrors rm_sql_column.autoincrement; renders nothing */
    RM_SQL_DEFAULT_SEQUENCE,      /* text: sequence name; nextval('name') */
    RM_SQL_DEFAULT_DBGENERATED,   /* text: SQL from @default(dbgenerated("...")), verbatim */
    RM_SQL_DEFAULT_EXPRESSION     /* text: any other SQL expression (introspection), verbatim */
} rm_sql_default_kind;

typedef struct rm_sql_default {
    rm_sql_default_kind kind;
    const char *text; /* see rm_sql_default_kind; NULL for NONE/NOW/AUTOINCREMENT */
} rm_sql_default;

typedef struct rm_sql_column {
    const char *name;
    rm_sql_type type;
    bool nullable;
    bool autoincrement; /* SERIAL / AUTO_INCREMENT / INTEGER PRIMARY KEY AUTOINCREMENT */
    rm_sql_default def;
    rm_loc origin; /* where the column came from (a field), or RM_LOC_NONE */
} rm_sql_column;

typedef enum rm_sql_sort {
    RM_SQL_SORT_NONE, /* not specified (the database default, ascending) */
    RM_SQL_SORT_ASC,
    RM_SQL_SORT_DESC
} rm_sql_sort;

typedef struct rm_sql_index_col {
    const char *name;
    rm_sql_sort sort;
    uint32_t length;     /* MySQL prefix length; 0 = whole column */
    const char *opclass; /* PostgreSQL operator class; NULL = default */
} rm_sql_index_col;

typedef struct rm_sql_pk {
    const char *name; /* constraint name; NULL when unnamed (SQLite) */
    rm_sql_index_col *cols;
    size_t ncols;
} rm_sql_pk;

typedef enum rm_sql_index_kind {
    RM_SQL_INDEX_NORMAL,
    RM_SQL_INDEX_UNIQUE,           /* CREATE UNIQUE INDEX (what Prisma always creates) */
    RM_SQL_INDEX_UNIQUE_CONSTRAINT /* ALTER TABLE ADD CONSTRAINT ... UNIQUE (found by introspection)
                                    */
} rm_sql_index_kind;

typedef struct rm_sql_index {
    const char *name;
    rm_sql_index_kind kind;
    rm_sql_index_col *cols;
    size_t ncols;
    const char *method; /* "gin", "hash", ...; NULL = the default (btree) */
    const char *where;  /* partial index predicate, verbatim; NULL = none */
} rm_sql_index;

typedef enum rm_fk_action {
    RM_FK_NO_ACTION,
    RM_FK_RESTRICT,
    RM_FK_CASCADE,
    RM_FK_SET_NULL,
    RM_FK_SET_DEFAULT
} rm_fk_action;

typedef struct rm_sql_fk {
    const char *name;  /* constraint name; NULL when the database has none */
    const char **cols; /* referencing columns, in order */
    size_t ncols;
    const char *ref_schema; /* NULL = same as the table's */
    const char *ref_table;
    const char **ref_cols; /* same count as cols */
    rm_fk_action on_delete;
    rm_fk_action on_update;
} rm_sql_fk;

typedef struct rm_sql_table {
    const char *schema; /* namespace ("public"); NULL = the connection's default */
    const char *name;
    uint32_t pos;        /* declaration position in its schema, for ordering */
    rm_sql_column *cols; /* declaration order */
    size_t ncols, cols_cap;
    rm_sql_pk pk;          /* ncols == 0: no primary key */
    rm_sql_index *indexes; /* declaration order */
    size_t nindexes, indexes_cap;
    rm_sql_fk *fks; /* declaration order */
    size_t nfks, fks_cap;
} rm_sql_table;

typedef struct rm_sql_enum {
    const char *schema;
    const char *name;
    uint32_t pos;
    const char **values; /* declaration order (it is the enum's sort order) */
    size_t nvalues;
} rm_sql_enum;

typedef struct rm_sqlschema {
    rm_arena *arena;       /* borrowed; owns everything below */
    rm_sql_table **tables; /* declaration order */
    size_t ntables, tables_cap;
    rm_sql_table **tables_by_name; /* sorted by (schema, name) */
    rm_sql_enum **enums;
    size_t nenums, enums_cap;
    rm_sql_enum **enums_by_name;
    const char **namespaces; /* schemas the database must have, sorted, unique */
    size_t nnamespaces, namespaces_cap;
} rm_sqlschema;

/* An empty schema whose objects are allocated from a (which must outlive it). */
void rm_sqlschema_init(rm_sqlschema *s, rm_arena *a);

/* Builders. Names are copied. Adding a table or enum whose (schema, name) already exists
 * returns NULL and changes nothing: callers report their own duplicate diagnostic, since only
 * they know the location. The returned pointers stay valid for the arena's lifetime (tables
 * are allocated one by one; only the pointer arrays grow). */
rm_sql_table *rm_sqlschema_add_table(rm_sqlschema *s, const char *schema, const char *name);
rm_sql_enum *rm_sqlschema_add_enum(rm_sqlschema *s, const char *schema, const char *name,
                                   const char *const *values, size_t nvalues);

/* Record that the database has (or must have) the schema name; idempotent. */
void rm_sqlschema_add_namespace(rm_sqlschema *s, const char *name);
bool rm_sqlschema_has_namespace(const rm_sqlschema *s, const char *name);

/* Column pointers are invalidated by the next add_column on the same table (the array
 * grows); take them after the table is complete. NULL if the name already exists. */
rm_sql_column *rm_sql_table_add_column(rm_sqlschema *s, rm_sql_table *t, const char *name,
                                       const rm_sql_type *type, bool nullable);
/* Set the primary key over plain columns (no sort, no length). name may be NULL. */
void rm_sql_table_set_pk(rm_sqlschema *s, rm_sql_table *t, const char *name,
                         const char *const *cols, size_t ncols);
/* Add an index over plain columns; set sort/length/opclass/method/where on the result. The
 * pointer is invalidated by the next add_index on the same table. */
rm_sql_index *rm_sql_table_add_index(rm_sqlschema *s, rm_sql_table *t, rm_sql_index_kind kind,
                                     const char *name, const char *const *cols, size_t ncols);
rm_sql_fk *rm_sql_table_add_fk(rm_sqlschema *s, rm_sql_table *t, const char *name,
                               const char *const *cols, size_t ncols, const char *ref_schema,
                               const char *ref_table, const char *const *ref_cols,
                               rm_fk_action on_delete, rm_fk_action on_update);

/* Types. rm_sql_type_make copies nothing: name must outlive the type (a literal, or arena
 * memory). rm_sql_type_copy deep-copies into s's arena. */
rm_sql_type rm_sql_type_make(rm_type_family family, const char *name, size_t nargs, uint32_t arg0,
                             uint32_t arg1);
void rm_sql_type_copy(rm_sqlschema *s, rm_sql_type *dst, const rm_sql_type *src);
void rm_sql_default_set(rm_sqlschema *s, rm_sql_column *c, rm_sql_default_kind kind,
                        const char *text);

/* Lookups: borrowed pointers or NULL. schema NULL matches a NULL schema only. */
const rm_sql_table *rm_sqlschema_find_table(const rm_sqlschema *s, const char *schema,
                                            const char *name);
const rm_sql_enum *rm_sqlschema_find_enum(const rm_sqlschema *s, const char *schema,
                                          const char *name);
const rm_sql_column *rm_sql_table_find_column(const rm_sql_table *t, const char *name);
const rm_sql_index *rm_sql_table_find_index(const rm_sql_table *t, const char *name);
const rm_sql_fk *rm_sql_table_find_fk(const rm_sql_table *t, const char *name);
/* Is name one of the primary key's columns? */
bool rm_sql_table_pk_has(const rm_sql_table *t, const char *name);

/* Equality used by the differ (and tests). Types compare family, name (case-insensitively;
 * not for inline enums, which are their values), schema, args, array and enum values. Defaults
 * compare kind and text, except that an empty dbgenerated() matches anything and an
 * introspected expression matches any database-side expression (see sqlschema.c). */
bool rm_sql_type_equal(const rm_sql_type *a, const rm_sql_type *b);
bool rm_sql_default_equal(const rm_sql_default *a, const rm_sql_default *b);
/* Same columns, kind, method and predicate (names are not compared). */
bool rm_sql_index_equal(const rm_sql_index *a, const rm_sql_index *b);
/* Same columns, referenced table and columns, and actions (names are not compared). */
bool rm_sql_fk_equal(const rm_sql_fk *a, const rm_sql_fk *b);

/* Small text names used by renderers and JSON: "restrict", "cascade", ... */
const char *rm_fk_action_sql(rm_fk_action a);      /* "RESTRICT", "SET NULL", ... */
const char *rm_type_family_name(rm_type_family f); /* "int", "string", ... */

#endif
