/*
 * Differential test of rm_introspect_pg_format_type (introspect_pg.c) against the server's own
 * format_type(): the PostgreSQL catalog query no longer calls format_type() per column for the
 * built-in types, so the C text must be the server's byte for byte. Needs RELMIG_TEST_PG_URL
 * (skipped, exit 77, when unset unless RELMIG_REQUIRE_SERVERS=1); creates nothing.
 *
 * One row per built-in type: the type and its array type, each with a grid of typmods (none,
 * the edges of each typmod function, typical lengths/precisions, numeric's negative scale),
 * compared with format_type(oid, typmod). Then every distinct (type, typmod) of the columns of
 * the test database's catalog tables, and a row per type that must be left to the server.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "db/db.h"
#include "db/introspect_pg.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static rm_conn *conn;

typedef struct type_row {
    const char *name;
    uint32_t oid, array_oid;
    bool formatted; /* false: rm_introspect_pg_format_type must return NULL (server's job) */
} type_row;

static const type_row types[] = {
    {"boolean", 16, 1000, true},
    {"smallint", 21, 1005, true},
    {"integer", 23, 1007, true},
    {"bigint", 20, 1016, true},
    {"real", 700, 1021, true},
    {"double_precision", 701, 1022, true},
    {"varchar", 1043, 1015, true},
    {"bpchar", 1042, 1014, true},
    {"bit", 1560, 1561, true},
    {"varbit", 1562, 1563, true},
    {"numeric", 1700, 1231, true},
    {"time", 1083, 1183, true},
    {"timetz", 1266, 1270, true},
    {"timestamp", 1114, 1115, true},
    {"timestamptz", 1184, 1185, true},
    {"text", 25, 1009, true},
    {"bytea", 17, 1001, true},
    {"date", 1082, 1182, true},
    {"uuid", 2950, 2951, true},
    {"jsonb", 3802, 3807, true},
    {"xml", 142, 143, true},
    {"inet", 869, 1041, true},
    {"money", 790, 791, true},
    {"oid", 26, 1028, true},
    /* Left to the server: typmods it decodes itself, or names that are keywords elsewhere. */
    {"interval_left_to_server", 1186, 1187, false},
    {"json_left_to_server", 114, 199, false},
    {"cidr_left_to_server", 650, 651, false},
    {"point_left_to_server", 600, 1017, false},
};

/* numeric(5,-3): PostgreSQL 15's negative scale is stored in the low 11 bits. */
#define NUMERIC_TYPMOD(p, s) ((int32_t)((((uint32_t)(p) << 16) | ((uint32_t)(s) & 0x7ff)) + 4))

static const int32_t typmods[] = {
    -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 14, 195, 259, 10485764,
    NUMERIC_TYPMOD(1, 0), NUMERIC_TYPMOD(10, 2), NUMERIC_TYPMOD(65, 30), NUMERIC_TYPMOD(1000, 1000),
    NUMERIC_TYPMOD(5, -3), NUMERIC_TYPMOD(38, -1000),
};

/* format_type(oid, typmod) on the server. */
static char *server_format(uint32_t oid, int32_t typmod, rm_arena *a)
{
    char o[16], m[16];
    snprintf(o, sizeof o, "%u", (unsigned)oid);
    snprintf(m, sizeof m, "%d", (int)typmod);
    const char *p[2] = {o, m};
    rm_rows *rows = NULL;
    rm_dberr err;
    rm_dberr_clear(&err);
    int rc = rm_db_query(conn, "SELECT format_type($1::oid, $2::int)", p, 2, a, &rows, &err);
    if (rc != RM_OK)
        printf("query failed: %s\n", err.message);
    assert_int_equal(rc, RM_OK);
    assert_int_equal(rows->nrows, 1);
    return (char *)rm_rows_get(rows, 0, 0);
}

static void check_one(uint32_t oid, int32_t typmod, bool formatted, rm_arena *a)
{
    const char *mine = rm_introspect_pg_format_type(oid, typmod, a);
    if (!formatted) {
        assert_null(mine);
        return;
    }
    const char *want = server_format(oid, typmod, a);
    if (!mine || strcmp(mine, want) != 0)
        printf("oid %u typmod %d: server \"%s\", relmig \"%s\"\n", (unsigned)oid, (int)typmod,
               want, mine ? mine : "(null)");
    assert_non_null(mine);
    assert_string_equal(mine, want);
}

static void run_type(void **state)
{
    const type_row *r = *state;
    rm_arena a;
    rm_arena_init(&a, 0);
    for (size_t i = 0; i < RM_ARRAY_LEN(typmods); i++) {
        check_one(r->oid, typmods[i], r->formatted, &a);
        check_one(r->array_oid, typmods[i], r->formatted, &a);
    }
    rm_arena_free(&a);
}

/* Every (type, typmod) the server's own catalog columns use that relmig formats itself. */
static void run_catalog_columns(void **state)
{
    (void)state;
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_rows *rows = NULL;
    rm_dberr err;
    rm_dberr_clear(&err);
    assert_int_equal(rm_db_query(conn,
                                 "SELECT DISTINCT atttypid, atttypmod, "
                                 "format_type(atttypid, atttypmod) FROM pg_attribute "
                                 "WHERE attnum > 0 ORDER BY 1, 2",
                                 NULL, 0, &a, &rows, &err),
                     RM_OK);
    size_t compared = 0;
    for (size_t i = 0; i < rows->nrows; i++) {
        uint32_t oid = (uint32_t)strtoul(rm_rows_get(rows, i, 0), NULL, 10);
        int32_t typmod = (int32_t)strtol(rm_rows_get(rows, i, 1), NULL, 10);
        const char *mine = rm_introspect_pg_format_type(oid, typmod, &a);
        if (!mine)
            continue;
        assert_string_equal(mine, rm_rows_get(rows, i, 2));
        compared++;
    }
    printf("%zu catalog (type, typmod) pairs compared\n", compared);
    assert_true(compared >= 10);
    rm_arena_free(&a);
}

int main(void)
{
    const char *url = NULL;
    int env_rc = rm_test_server_url("RELMIG_TEST_PG_URL", &url);
    if (env_rc)
        return env_rc;
    rm_dberr err;
    rm_dberr_clear(&err);
    if (rm_db_connect(&conn, url, NULL, &err) != RM_OK) {
        fprintf(stderr, "cannot connect: %s\n", err.message);
        return 1;
    }
    struct CMUnitTest tests[RM_ARRAY_LEN(types) + 1];
    size_t n = 0;
    for (size_t i = 0; i < RM_ARRAY_LEN(types); i++)
        tests[n++] = (struct CMUnitTest){.name = types[i].name, .test_func = run_type,
                                         .initial_state = (void *)&types[i]};
    tests[n++] = (struct CMUnitTest){.name = "catalog_columns", .test_func = run_catalog_columns};
    int rc = _cmocka_run_group_tests("introspect_pg_format", tests, n, NULL, NULL);
    rm_db_close(conn);
    return rc;
}
