/*
 * What the database tests do on every kind of server, written once: connect and run a script
 * or fail the test with the server's message, and the SQL each kind wants for common
 * questions. Test code only.
 */
#ifndef RELMIG_TESTS_DB_SQL_H
#define RELMIG_TESTS_DB_SQL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "db/db.h"
#include "util/arena.h"

#include <stdio.h>

/* A connection to url; the test fails (with the driver's message) if there is none. */
static inline rm_conn *rm_test_connect_ok(const char *url)
{
    rm_conn *c = NULL;
    rm_dberr err;
    rm_dberr_clear(&err);
    if (rm_db_connect(&c, url, NULL, &err) != RM_OK)
        printf("connect %s: %s\n", url, err.message);
    assert_non_null(c);
    return c;
}

/* Run sql (a script) on c; the test fails (with the statement and the message) if it does. */
static inline void rm_test_exec_ok(rm_conn *c, const char *sql)
{
    rm_dberr err;
    rm_dberr_clear(&err);
    if (rm_db_exec(c, sql, &err) != RM_OK)
        printf("%.300s\n-> %s\n", sql, err.message);
    assert_int_equal(err.kind, RM_DBERR_NONE);
}

/* The statement counting the tables named `table` in the connection's current schema (its
 * database on MySQL); `table` is a plain name of the test's own, put in as it is. */
static inline char *rm_test_count_tables_sql(rm_arena *a, rm_db_kind kind, const char *table)
{
    if (kind == RM_DB_POSTGRES)
        return rm_arena_sprintf(a, "SELECT count(*) FROM pg_tables WHERE schemaname = "
                                   "current_schema() AND tablename = '%s'",
                                table);
    if (kind == RM_DB_MYSQL)
        return rm_arena_sprintf(a, "SELECT count(*) FROM information_schema.TABLES WHERE "
                                   "TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '%s'",
                                table);
    return rm_arena_sprintf(a, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                               "name = '%s'",
                            table);
}

#endif
