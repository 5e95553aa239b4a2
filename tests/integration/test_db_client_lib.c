/*
 * The client libraries are opened at the first connection (src/db/client_lib.h), not linked:
 * a missing library is a connection error that names the Debian package, a missing function
 * is named, and a schema-only run of the relmig binary maps neither libpq nor libmariadb.
 * Needs no server.
 */
#define _POSIX_C_SOURCE 200809L

#include "db/client_lib.h"
#include "testutil.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static void missing_library_names_package(void **state)
{
    (void)state;
    static const char *const sonames[] = {"librelmig-no-such-lib.so.9", "librelmig-none.so",
                                          NULL};
    rm_dberr err;
    rm_dberr_clear(&err);
    void *h = rm_client_lib_open(sonames, "the test client library", "relmig-test-pkg", &err);
    assert_null(h);
    assert_int_equal(err.kind, RM_DBERR_CONNECT);
    assert_non_null(strstr(err.message, "the test client library"));
    assert_non_null(strstr(err.message, "librelmig-no-such-lib.so.9"));
    assert_non_null(strstr(err.detail, "relmig-test-pkg"));
}

static void missing_function_is_named(void **state)
{
    (void)state;
    /* libsqlite3 is linked, so it can always be opened; it has no such function. */
    static const char *const sonames[] = {"libsqlite3.so.0", NULL};
    rm_dberr err;
    rm_dberr_clear(&err);
    void *h = rm_client_lib_open(sonames, "sqlite", "libsqlite3-0", &err);
    assert_non_null(h);
    int (*fn)(void) = NULL;
    assert_true(rm_client_lib_sym(h, "sqlite3_libversion_number", &fn, "sqlite", &err));
    assert_non_null(fn);
    assert_true(fn() > 3000000);
    assert_false(rm_client_lib_sym(h, "relmig_no_such_function", &fn, "sqlite", &err));
    assert_non_null(strstr(err.message, "relmig_no_such_function"));
}

/* The point of loading late: `relmig validate` must not map the server client libraries. */
static void schema_only_run_maps_no_client_library(void **state)
{
    (void)state;
    char *dir = rm_test_mkdtemp();
    assert_non_null(dir);
    char schema[600];
    snprintf(schema, sizeof schema, "%s/schema.prisma", dir);
    const char *text = "datasource db {\n  provider = \"sqlite\"\n}\nmodel A {\n  id Int @id\n}\n";
    assert_true(rm_test_write_file(schema, text, strlen(text)));
    /* The dynamic loader's own log (LD_DEBUG=libs, on stderr) lists every library it opens. */
    const char *env[] = {"LD_DEBUG=libs", NULL};
    const char *args[] = {"validate", schema, NULL};
    rm_test_proc p;
    assert_int_equal(rm_test_relmig(&p, args, env), 0);
    assert_int_equal(p.status, 0);
    const char *log = p.err ? p.err : "";
    assert_non_null(strstr(log, "libsqlite3")); /* the loader's log is really there */
    assert_null(strstr(log, "libpq"));
    assert_null(strstr(log, "libmariadb"));
    rm_test_proc_free(&p);
    rm_test_rmtree(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(missing_library_names_package),
        cmocka_unit_test(missing_function_is_named),
        cmocka_unit_test(schema_only_run_maps_no_client_library),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
