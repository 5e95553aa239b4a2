/*
 * SQL the database tests ask of each kind of server, written once. Test code only.
 */
#ifndef RELMIG_TESTS_DB_SQL_H
#define RELMIG_TESTS_DB_SQL_H

#include "db/db.h"
#include "util/arena.h"

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
