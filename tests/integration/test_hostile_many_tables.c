/*
 * A database with many tables introspects (issue #8: "a database with 10,000 tables
 * introspects"). For PostgreSQL, MariaDB and SQLite a fresh database gets N tables (each with
 * a primary key and a text column; every tenth references the previous table), created through
 * the driver in transactions of 500 statements, and `relmig introspect` must exit 0 and print
 * exactly N models and N/10 relation fields pointing the right way.
 *
 * N is 200 by default, so the suite stays fast (1,000 tables took the servers 20-25 s each on
 * a loaded machine); RELMIG_TEST_TABLES=10000 is the full check, gated because creating
 * 10,000 tables takes minutes (figures in docs/reliability.md). The introspection time is printed for docs/reliability.md, never
 * asserted (benchmarks live in bench/). Servers: see hostile_db.h.
 */
#include "hostile_db.h"

#include <time.h>

static long n_tables(void)
{
    const char *v = getenv("RELMIG_TEST_TABLES");
    long n = v && *v ? strtol(v, NULL, 10) : 200;
    return n > 1 ? n : 200;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static size_t count_lines_starting(const char *text, const char *prefix)
{
    size_t n = 0, plen = strlen(prefix);
    for (const char *l = text; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL)
        n += strncmp(l, prefix, plen) == 0;
    return n;
}

static void many_tables(void **state)
{
    rm_db_kind kind = (rm_db_kind)(intptr_t)*state;
    hdb_require(kind);
    long n = n_tables();
    char *url = hdb_fresh(kind, "many");
    rm_conn *c = hdb_connect(url);
    double t0 = now_s();
    const long per_tx = 500;
    for (long start = 0; start < n; start += per_tx) {
        rm_sb sb = RM_SB_INIT;
        rm_sb_puts(&sb, kind == RM_DB_MYSQL ? "START TRANSACTION;\n" : "BEGIN;\n");
        for (long i = start; i < n && i < start + per_tx; i++) {
            rm_sb_appendf(&sb, "CREATE TABLE t%05ld (id INTEGER NOT NULL PRIMARY KEY, name TEXT",
                          i);
            if (i % 10 == 1)
                rm_sb_appendf(&sb,
                              ", parent_id INTEGER, FOREIGN KEY (parent_id) REFERENCES "
                              "t%05ld (id)",
                              i - 1);
            rm_sb_puts(&sb, ");\n");
        }
        rm_sb_puts(&sb, "COMMIT;\n");
        hdb_exec_on(c, rm_sb_str(&sb));
        rm_sb_free(&sb);
    }
    rm_db_close(c);
    double t1 = now_s();

    rm_test_proc p;
    const char *args[] = {"introspect", "--url", url, NULL};
    assert_int_equal(hdb_relmig(&p, args, 0), 0);
    double t2 = now_s();
    printf("%s: %ld tables created in %.1f s; relmig introspect %.2f s wall (this machine, "
           "load not controlled)\n",
           rm_db_kind_name(kind), n, t1 - t0, t2 - t1);
    assert_int_equal(count_lines_starting(p.out, "model "), (size_t)n);
    /* Every tenth table's relation: the child side names its parent. */
    size_t rel = 0;
    for (const char *s = strstr(p.out, "@relation(fields: [parent_id]"); s;
         s = strstr(s + 1, "@relation(fields: [parent_id]"))
        rel++;
    assert_int_equal(rel, (size_t)((n + 8) / 10));
    assert_non_null(strstr(p.out, "model t00001 {"));
    assert_null(strstr(p.err, "error["));
    rm_test_proc_free(&p);
}

int main(void)
{
    int rc = hdb_init();
    if (rc != 0)
        return rc;
    const struct CMUnitTest tests[] = {
        HDB_ROW(many_tables, RM_DB_POSTGRES, "postgresql"),
        HDB_ROW(many_tables, RM_DB_MYSQL, "mysql"),
        HDB_ROW(many_tables, RM_DB_SQLITE, "sqlite"),
    };
    rc = cmocka_run_group_tests_name("many_tables", tests, NULL, NULL);
    hdb_finish();
    return rc;
}
