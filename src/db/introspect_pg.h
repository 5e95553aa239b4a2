/*
 * PostgreSQL introspection's own interfaces, for introspect_pg.c and the tests that compare
 * its fast paths with the slow ones: the format_type() text of the built-in types, computed in
 * C so the catalog query does not call format_type() per column (introspect_pg.c), and the
 * pipelined catalog read (pg.c, the file that speaks libpq). Not for: callers of
 * introspection (db/introspect.h).
 */
#ifndef RELMIG_DB_INTROSPECT_PG_H
#define RELMIG_DB_INTROSPECT_PG_H

#include "db/db.h"
#include "db/introspect.h"
#include "util/arena.h"

#include <stdint.h>

/* What PostgreSQL's format_type(oid, typmod) returns for the built-in types introspection
 * formats itself (boolean, integers, floats, numeric, character types, bit types, time types,
 * text, bytea, date, uuid, jsonb, xml, inet, money, oid, and their arrays), assuming
 * pg_catalog is first on the search path; NULL for any other type. Allocated in a. */
const char *rm_introspect_pg_format_type(uint32_t oid, int32_t typmod, rm_arena *a);

/* One catalog query: SQL with $1..$n placeholders and its parameters. */
typedef struct rm_pg_query {
    const char *sql;
    const char *const *params;
    size_t nparams;
} rm_pg_query;

/* Called with the rows of query i (in order, i = 0..n-1) as soon as they have arrived; rows
 * are in the arena given to rm_pg_read_catalog. */
typedef void (*rm_pg_rows_fn)(void *ctx, size_t i, rm_rows *rows);

/* Run the n catalog queries on PostgreSQL connection c, handing each result to fn in order.
 * Outside a transaction they run in one REPEATABLE READ READ ONLY transaction with JIT off
 * (SET LOCAL; the session is left as it was); inside the caller's transaction, in that
 * transaction. With pipeline (and a libpq with pipeline mode, 14+) the statements are sent at
 * once and the results read as the server produces them; outside a transaction the queries
 * from helper_from on (helper_from < n) then run at the same time on a second connection to
 * the same URL, opened in a thread, in the first one's exported snapshot (when that connection
 * or the snapshot import fails, they run on c instead). Without pipeline, one statement at a
 * time on c. Every way sends the same catalog queries and gives the same rows. Statements are
 * traced like rm_db_query. Returns RM_OK, or RM_EDB with err filled from the first failure (fn
 * is not called after it; a transaction opened here is rolled back). */
int rm_pg_read_catalog(rm_conn *c, const rm_pg_query *qs, size_t n, size_t helper_from,
                       bool pipeline, rm_pg_rows_fn fn, void *ctx, rm_arena *a, rm_dberr *err);

/* rm_introspect_postgres with the catalog read pipelined (on two connections when it can) or
 * one query at a time on one (the differential test runs both); rm_introspect_postgres
 * pipelines. */
int rm_introspect_postgres_with(rm_introspector *in, bool pipeline);

#endif
