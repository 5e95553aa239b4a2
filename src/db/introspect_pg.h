/*
 * PostgreSQL introspection's parts that tests reach directly (introspect_pg.c): the
 * format_type() text of the built-in types, computed in C so the catalog query does not call
 * format_type() per column. Not for: callers of introspection (db/introspect.h).
 */
#ifndef RELMIG_DB_INTROSPECT_PG_H
#define RELMIG_DB_INTROSPECT_PG_H

#include "util/arena.h"

#include <stdint.h>

/* What PostgreSQL's format_type(oid, typmod) returns for the built-in types introspection
 * formats itself (boolean, integers, floats, numeric, character types, bit types, time types,
 * text, bytea, date, uuid, jsonb, xml, inet, money, oid, and their arrays), assuming
 * pg_catalog is first on the search path; NULL for any other type. Allocated in a. */
const char *rm_introspect_pg_format_type(uint32_t oid, int32_t typmod, rm_arena *a);

#endif
