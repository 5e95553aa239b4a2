/*
 * The driver registry and the connect paths that need no server: scheme lookup, the driver
 * table, and that an unparsable or unknown URL fails with the right kind and without the
 * password in any text. Links relmig_db (the real drivers); runs everywhere, no server needed.
 */
#define _POSIX_C_SOURCE 200809L /* setenv, dup, dup2 */

#include "db/db.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

typedef struct scheme_case {
    const char *name;
    const char *scheme;
    const char *driver;     /* NULL = no driver */
    rm_db_kind kind;
    const char *dialect;
} scheme_case;

static const scheme_case scheme_cases[] = {
    {"scheme_postgresql", "postgresql", "postgresql", RM_DB_POSTGRES, "postgres"},
    {"scheme_postgres", "postgres", "postgresql", RM_DB_POSTGRES, "postgres"},
    {"scheme_upper_case", "POSTGRES", "postgresql", RM_DB_POSTGRES, "postgres"},
    {"scheme_mysql", "mysql", "mysql", RM_DB_MYSQL, "mysql"},
    {"scheme_mariadb", "mariadb", "mysql", RM_DB_MYSQL, "mysql"},
    {"scheme_sqlite", "sqlite", "sqlite", RM_DB_SQLITE, "sqlite"},
    {"scheme_file", "file", "sqlite", RM_DB_SQLITE, "sqlite"},
    {"scheme_unknown", "oracle", NULL, RM_DB_NONE, NULL},
    {"scheme_prefix_only", "postgre", NULL, RM_DB_NONE, NULL},
    {"scheme_empty", "", NULL, RM_DB_NONE, NULL},
};

static void run_scheme_case(void **state)
{
    const scheme_case *c = *state;
    const rm_driver *d = rm_db_driver_for_scheme(c->scheme);
    if (!c->driver) {
        assert_null(d);
        return;
    }
    assert_non_null(d);
    assert_string_equal(d->name, c->driver);
    assert_int_equal(d->kind, c->kind);
    assert_string_equal(d->dialect, c->dialect);
    assert_ptr_equal(rm_db_driver_for_kind(c->kind), d);
    /* Every driver fills every member the interface has today. */
    assert_non_null(d->ops.connect);
    assert_non_null(d->ops.close);
    assert_non_null(d->ops.exec);
    assert_non_null(d->ops.query);
    assert_non_null(d->ops.begin);
    assert_non_null(d->ops.commit);
    assert_non_null(d->ops.rollback);
    assert_non_null(d->ops.lock);
    assert_non_null(d->ops.unlock);
    assert_non_null(d->ops.server_version);
}

static void driver_table(void **state)
{
    (void)state;
    size_t n = 0;
    const rm_driver *const *all = rm_db_drivers(&n);
    assert_int_equal(n, 3);
    assert_string_equal(all[0]->name, "postgresql");
    assert_string_equal(all[1]->name, "mysql");
    assert_string_equal(all[2]->name, "sqlite");
    assert_null(rm_db_driver_for_kind(RM_DB_NONE));
}

typedef struct connect_case {
    const char *name;
    const char *url;
    rm_dberr_kind kind;
} connect_case;

static const connect_case connect_cases[] = {
    {"connect_unknown_scheme", "oracle://scott:SeCrEt-42@h/d", RM_DBERR_NO_DRIVER},
    {"connect_bad_port", "postgresql://scott:SeCrEt-42@h:99999/d", RM_DBERR_URL},
    {"connect_no_slashes", "mysql:scott:SeCrEt-42@h/d", RM_DBERR_URL},
    {"connect_bad_escape", "mysql://scott:SeCrEt-42%G0@h/d", RM_DBERR_URL},
    {"connect_empty", "", RM_DBERR_URL},
    {"connect_bad_ssl_mode", "mysql://scott:SeCrEt-42@127.0.0.1:1/d?ssl-mode=sometimes",
     RM_DBERR_URL},
};

static void run_connect_case(void **state)
{
    const connect_case *c = *state;
    rm_conn *conn = (rm_conn *)(uintptr_t)1; /* must be reset to NULL */
    rm_dberr err;
    rm_dberr_clear(&err);
    assert_int_equal(rm_db_connect(&conn, c->url, NULL, &err), RM_EDB);
    assert_null(conn);
    if (err.kind != c->kind)
        fail_msg("expected %s, got %s: %s", rm_dberr_kind_name(c->kind),
                 rm_dberr_kind_name(err.kind), err.message);
    assert_null(strstr(err.message, "SeCrEt-42"));
    assert_null(strstr(err.detail, "SeCrEt-42"));
    rm_diags d;
    rm_diags_init(&d);
    rm_diag *g = rm_db_report(&d, &err, NULL);
    assert_null(strstr(g->msg, "SeCrEt-42"));
    print_message("    E%04u %s\n", (unsigned)g->id, g->msg);
    rm_diags_free(&d);
}

/* Run one traced statement on an in-memory SQLite database with opts (may be NULL) while
 * stderr goes to a temporary file; return what reached stderr (static buffer). */
static const char *trace_capture_stderr(const rm_db_opts *opts, const char *sql)
{
    static char buf[1024];
    FILE *cap = tmpfile();
    assert_non_null(cap);
    fflush(stderr);
    int saved = dup(2);
    assert_true(saved >= 0);
    assert_true(dup2(fileno(cap), 2) >= 0);
    rm_conn *c = NULL;
    rm_dberr err;
    int rc = rm_db_connect(&c, "sqlite::memory:", opts, &err);
    if (rc == RM_OK) {
        rc = rm_db_exec(c, sql, &err);
        rm_db_close(c);
    }
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    assert_int_equal(rc, RM_OK);
    rewind(cap);
    size_t n = fread(buf, 1, sizeof buf - 1, cap);
    buf[n] = '\0';
    fclose(cap);
    return buf;
}

static void trace_env_without_stream_goes_to_stderr(void **state)
{
    (void)state;
    setenv("RELMIG_TRACE", "1", 1);
    const char *got = trace_capture_stderr(NULL, "CREATE TABLE traced_env (x INTEGER)");
    unsetenv("RELMIG_TRACE");
    assert_non_null(strstr(got, "CREATE TABLE traced_env"));
    /* Without the variable nothing is traced. */
    got = trace_capture_stderr(NULL, "CREATE TABLE not_traced (x INTEGER)");
    assert_null(strstr(got, "not_traced"));
}

static void trace_explicit_stream_wins(void **state)
{
    (void)state;
    FILE *mine = tmpfile();
    assert_non_null(mine);
    setenv("RELMIG_TRACE", "1", 1);
    rm_db_opts opts = {0, mine};
    const char *got = trace_capture_stderr(&opts, "CREATE TABLE traced_mine (x INTEGER)");
    unsetenv("RELMIG_TRACE");
    assert_null(strstr(got, "traced_mine"));
    char buf[256] = "";
    rewind(mine);
    size_t n = fread(buf, 1, sizeof buf - 1, mine);
    buf[n] = '\0';
    assert_non_null(strstr(buf, "CREATE TABLE traced_mine"));
    fclose(mine);
}

#define ADD_ROWS(tests, n, table, fn)                                                          \
    for (size_t i_ = 0; i_ < RM_ARRAY_LEN(table); i_++) {                                      \
        (tests)[(n)].name = (table)[i_].name;                                                  \
        (tests)[(n)].test_func = (fn);                                                         \
        (tests)[(n)].initial_state = (void *)&(table)[i_];                                     \
        (n)++;                                                                                 \
    }

int main(void)
{
    size_t total = RM_ARRAY_LEN(scheme_cases) + RM_ARRAY_LEN(connect_cases) + 3;
    struct CMUnitTest *tests = calloc(total, sizeof *tests);
    size_t n = 0;
    ADD_ROWS(tests, n, scheme_cases, run_scheme_case);
    ADD_ROWS(tests, n, connect_cases, run_connect_case);
    tests[n++] = (struct CMUnitTest)cmocka_unit_test(driver_table);
    tests[n++] = (struct CMUnitTest)cmocka_unit_test(trace_env_without_stream_goes_to_stderr);
    tests[n++] = (struct CMUnitTest)cmocka_unit_test(trace_explicit_stream_wins);
    int rc = _cmocka_run_group_tests("db_registry", tests, n, NULL, NULL);
    free(tests);
    rm_db_shutdown();
    return rc;
}
