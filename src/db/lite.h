/*
 * What the SQLite driver (lite.c, the only file that includes sqlite3.h) offers introspection
 * beyond the driver interface. Not for anything else.
 */
#ifndef RELMIG_DB_LITE_H
#define RELMIG_DB_LITE_H

#include "db/db.h"

/* Whether c is a SQLite connection outside any transaction (autocommit). */
bool rm_lite_autocommit(rm_conn *c);

/* The rows of `SELECT rowid, type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid`,
 * read from the database file's pages (lite_btree.h) instead of through SQLite, which would
 * first load its whole schema (bench/introspect.md). Only for a SQLite connection to a
 * database file (not :memory:, not a temporary database) in rollback-journal mode, inside a
 * read transaction (SQLite's SHARED lock keeps writers out of the file while it is read),
 * whose schema cookie (PRAGMA schema_version, read in that transaction) is cookie. RM_OK with
 * *out in a, or RM_EUNSUPPORTED with *why: the caller then runs the query. */
int rm_lite_schema_from_file(rm_conn *c, long cookie, rm_arena *a, rm_rows **out,
                             const char **why);

#endif
