/*
 * Introspection: read a live database's catalog into the physical schema (sqlschema.h) that
 * the lowering and the differ also speak, so "schema vs database" and "database vs database"
 * are ordinary diffs. One reader per database (introspect_lite.c, introspect_pg.c,
 * introspect_my.c), each written only against the driver vtable's query function with its
 * catalog SQL as static strings: no client-library header is needed here.
 *
 * The number of catalog queries is fixed per database, whatever the number of tables (every
 * query reads one catalog for all tables at once and the rows are grouped here), and counted
 * in rm_introspect_stats so a test can assert it.
 *
 * What the physical schema cannot hold (check constraints, expression indexes, views,
 * triggers, generated columns) is reported as a warning (RM_E_INTROSPECT_*), never dropped
 * silently. Not for: turning the result into models (sqlschema/raise.c) or printing.
 */
#ifndef RELMIG_DB_INTROSPECT_H
#define RELMIG_DB_INTROSPECT_H

#include "db/db.h"
#include "sqlschema/sqlschema.h"

typedef struct rm_introspect_stats {
    unsigned nqueries; /* catalog queries sent to the server */
    unsigned ntables;  /* tables read (skipped ones excluded) */
} rm_introspect_stats;

/* How to introspect (NULL or all-zero is the normal way), and what was done that way. */
typedef struct rm_introspect_opts {
    /* in, SQLite: read every table through the pragma queries instead of parsing its CREATE
     * statement (db/lite_ddl.c); the reference the differential test compares against. */
    bool lite_pragmas_only;
    /* in, SQLite: read sqlite_master with a query even where the file's own pages could be
     * read (db/lite.h); the reference for that reading. */
    bool lite_master_query;
    /* out, SQLite: tables (skipped ones excluded) read through the pragmas. */
    unsigned lite_fallback;
    /* out, SQLite: whether sqlite_master came from the file's pages, and if not, why. */
    bool lite_master_from_file;
    const char *lite_master_why;
} rm_introspect_opts;

/* Introspect the database behind c into out (initialised here; everything in a, which must
 * outlive out). PostgreSQL reads the schema named by the URL's ?schema= parameter, else
 * "public"; MySQL the connection's database; SQLite the main database. Prisma's own
 * bookkeeping (_prisma_migrations) and SQLite's internal tables are skipped. stats may be
 * NULL. Returns RM_OK, or RM_EDB with the failure reported in d (E08xx). */
int rm_introspect(rm_sqlschema *out, rm_conn *c, rm_introspect_stats *stats, rm_arena *a,
                  rm_diags *d);
/* rm_introspect with options (opts may be NULL; its out fields are set here). */
int rm_introspect_with(rm_sqlschema *out, rm_conn *c, rm_introspect_opts *opts,
                       rm_introspect_stats *stats, rm_arena *a, rm_diags *d);

/* Connect to url, detect the database from its scheme, introspect, disconnect. For
 * `relmig diff --from URL` and `relmig introspect`. Connection failures are reported in d
 * (password redacted); returns RM_OK or RM_EDB. */
int rm_introspect_url(rm_sqlschema *out, const char *url, rm_arena *a, rm_diags *d);

/* The name of the dialect (rm_dialect_by_name) the database behind url speaks, or NULL when
 * the scheme is unknown. Pure: no connection is made. */
const char *rm_introspect_dialect_of_url(const char *url);

/* ---- for the three readers (not for callers) ------------------------------------------- */

typedef struct rm_introspector {
    rm_conn *conn;
    rm_sqlschema *out;
    rm_arena *a;
    rm_diags *d;
    rm_introspect_stats *stats;
    rm_introspect_opts *opts; /* never NULL inside a reader */
} rm_introspector;

/* Run one catalog query (counted); on failure report it in d and return RM_EDB. */
int rm_introspect_query(rm_introspector *in, rm_rows **rows, const char *sql,
                        const char *const *params, size_t nparams);
/* Warn (RM_E_INTROSPECT_*): what the schema cannot hold; formats like printf. */
void rm_introspect_warn(rm_introspector *in, uint16_t id, const char *fmt, ...) RM_PRINTF(3, 4);
/* Parse a type as the database spells it ("character varying(191)", "DECIMAL(65,30)",
 * "int unsigned") into base name (upper-cased) and numeric arguments. The name is in a. */
void rm_introspect_split_type(const char *text, rm_arena *a, const char **name,
                              uint32_t args[RM_TYPE_MAX_ARGS], uint8_t *nargs);
/* A literal default as the database prints it ('it''s', 42, -1.5, true, CURRENT_TIMESTAMP):
 * fills c->def with STRING / NUMBER / BOOLEAN / NOW, or EXPRESSION for anything else. */
void rm_introspect_default(rm_sqlschema *s, rm_sql_column *c, const char *text);
/* Referential action from its SQL spelling ("CASCADE", "SET NULL", "NO ACTION", "a".."d"). */
rm_fk_action rm_introspect_action(const char *text);

int rm_introspect_sqlite(rm_introspector *in);
int rm_introspect_postgres(rm_introspector *in);
int rm_introspect_mysql(rm_introspector *in);

#endif
