/*
 * A reader of the CREATE TABLE and CREATE INDEX statements SQLite keeps in sqlite_master, for
 * introspection (introspect_lite.c): it yields what the table-valued pragmas would report
 * (pragma_table_xinfo, pragma_index_list / pragma_index_xinfo, pragma_foreign_key_list)
 * without asking SQLite, whose per-table pragma lookups walk its name hash chains and grow
 * faster than linear with the number of tables.
 *
 * It follows SQLite's own grammar (parse.y) and the rules of build.c that give each column its
 * declared type, default text and key position and each automatic index its number. It only
 * has to read statements SQLite itself accepted, so it does not diagnose: whatever it does not
 * understand exactly (generated columns, virtual tables, DESC keys, quoted type names, an
 * index on an expression it cannot tell from a column, ...) makes it return RM_EUNSUPPORTED,
 * and the caller asks the pragmas for that table instead. Pure: no I/O, no SQLite.
 *
 * Not for: building the SQL schema (introspect_lite.c does that from these results and from
 * the pragma rows alike), or checking that a statement is valid SQL.
 */
#ifndef RELMIG_DB_LITE_DDL_H
#define RELMIG_DB_LITE_DDL_H

#include "util/arena.h"
#include "util/common.h"

/* One column, as pragma_table_xinfo reports it. */
typedef struct rm_lite_column {
    const char *name; /* dequoted */
    const char *type; /* declared type ("" when none); standard names upper-cased as SQLite */
    bool notnull;
    const char *dflt; /* default expression text (dflt_value), or NULL */
    unsigned pk;      /* 1-based position in the primary key, 0 when not in it */
    const char *coll; /* collation from COLLATE, or NULL (BINARY) */
} rm_lite_column;

/* An automatic index of a PRIMARY KEY or UNIQUE constraint: sqlite_autoindex_<table>_<number>. */
typedef struct rm_lite_autoindex {
    unsigned number;
    bool pk;           /* origin "pk" (else "u") */
    size_t *cols;      /* column positions, in key order */
    const char **coll; /* collation per key column, for SQLite's duplicate-constraint rule */
    size_t ncols;
} rm_lite_autoindex;

/* A foreign key, as pragma_foreign_key_list reports it. */
typedef struct rm_lite_fk {
    const char *table; /* referenced table, dequoted, as written */
    const char **from; /* referencing columns' declared names */
    const char **to;   /* referenced columns as written (dequoted); all NULL when omitted */
    size_t n;
    const char *on_update; /* "NO ACTION", "CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT" */
    const char *on_delete;
} rm_lite_fk;

typedef struct rm_lite_table {
    rm_lite_column *cols;
    size_t ncols;
    rm_lite_autoindex *autos; /* in creation order */
    size_t nautos;
    rm_lite_fk *fks; /* in declaration order */
    size_t nfks;
    bool without_rowid;
} rm_lite_table;

/* A CREATE INDEX statement. */
typedef struct rm_lite_index {
    bool unique;
    const char *table; /* the ON table, dequoted */
    const char **cols; /* key columns as written (dequoted); NULL for an expression */
    size_t ncols;
    bool expression; /* some key is an expression (pragma_index_xinfo cid -2) */
    bool partial;    /* has a WHERE clause */
} rm_lite_index;

/* Read "CREATE TABLE name (...)" as stored in sqlite_master.sql into out (everything in a).
 * Returns RM_OK, or RM_EUNSUPPORTED when the statement is not fully understood (out is then
 * unspecified and the caller must read the table another way). */
int rm_lite_ddl_table(rm_lite_table *out, const char *sql, rm_arena *a);

/* Read "CREATE [UNIQUE] INDEX name ON table (...) [WHERE ...]" likewise. */
int rm_lite_ddl_index(rm_lite_index *out, const char *sql, rm_arena *a);

/* Position of the column named name (SQLite's case-insensitive ASCII match), or -1. */
long rm_lite_ddl_column(const rm_lite_table *t, const char *name);

#endif
