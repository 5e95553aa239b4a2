/*
 * `relmig introspect` and `relmig convert` end to end through the built binary, on a SQLite
 * file (no server needed). One row per case: the database is made with the SQLite driver,
 * then the binary runs; stdout is compared with goldens in tests/golden/introspect/
 * (RELMIG_UPDATE_GOLDEN=1 rewrites them), exit codes and stderr are checked.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "db/db.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GOLDEN_ RELMIG_SOURCE_DIR "/tests/golden/introspect"

static char *tmpdir;
static char dburl[2048];

static const char SCHEMA_SQL[] =
    "CREATE TABLE \"User\" (id INTEGER PRIMARY KEY AUTOINCREMENT, email TEXT NOT NULL, "
    "name TEXT, createdAt DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, "
    "active BOOLEAN NOT NULL DEFAULT true);"
    "CREATE UNIQUE INDEX \"User_email_key\" ON \"User\"(email);"
    "CREATE TABLE \"Post\" (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL "
    "DEFAULT 'it''s', authorId INTEGER NOT NULL, editorId INTEGER, "
    "CONSTRAINT \"Post_authorId_fkey\" FOREIGN KEY (authorId) REFERENCES \"User\" (id) "
    "ON DELETE RESTRICT ON UPDATE CASCADE, FOREIGN KEY (editorId) REFERENCES \"User\" (id) "
    "ON DELETE SET NULL ON UPDATE CASCADE);"
    "CREATE INDEX \"Post_title_idx\" ON \"Post\"(title DESC);"
    "CREATE TABLE \"audit log\" (\"1bad\" INTEGER, msg TEXT CHECK (length(msg) > 0));"
    "CREATE VIEW v AS SELECT 1;"
    "CREATE TABLE \"Profile\" (id INTEGER PRIMARY KEY, userId INTEGER NOT NULL UNIQUE "
    "REFERENCES \"User\"(id) ON DELETE CASCADE);"
    "CREATE TABLE \"Tag\" (id INTEGER PRIMARY KEY);"
    "CREATE TABLE \"_PostToTag\" (A INTEGER NOT NULL REFERENCES \"Post\"(id) ON DELETE CASCADE "
    "ON UPDATE CASCADE, B INTEGER NOT NULL REFERENCES \"Tag\"(id) ON DELETE CASCADE "
    "ON UPDATE CASCADE);"
    "CREATE UNIQUE INDEX \"_PostToTag_AB_unique\" ON \"_PostToTag\"(A, B);"
    "CREATE INDEX \"_PostToTag_B_index\" ON \"_PostToTag\"(B);";

typedef struct cli_case {
    const char *name;
    const char *args[8];  /* "@URL" is replaced by the test database's URL, "@TMP" by tmpdir */
    int status;
    const char *golden;   /* stdout golden file name, or NULL */
    const char *err_has;  /* stderr must contain this, or NULL */
    const char *never;    /* neither stream may contain this, or NULL */
} cli_case;

static const cli_case cases[] = {
    {"prisma_output", {"introspect", "--url", "@URL", NULL}, 0, "cli_sqlite.prisma",
     "warning[E0852]", NULL},
    {"view_and_ignore_warnings", {"introspect", "--url", "@URL", NULL}, 0, NULL,
     "warning[E0860]", NULL},
    {"cerial_output", {"introspect", "--url", "@URL", "--syntax", "cerial", NULL}, 0,
     "cli_sqlite.cerial", "warning[E0870]", NULL},
    {"output_file", {"introspect", "--url", "@URL", "-o", "@TMP/out.prisma", NULL}, 0, NULL,
     NULL, NULL},
    {"missing_url_is_usage", {"introspect", NULL}, 64, NULL, "--url", NULL},
    {"unknown_syntax_is_usage", {"introspect", "--url", "@URL", "--syntax", "x", NULL}, 64,
     NULL, "unknown syntax", NULL},
    {"missing_sqlite_file", {"introspect", "--url", "sqlite:/nonexistent/dir/x.db", NULL}, 1,
     NULL, "E0804", NULL},
    {"unreachable_server_hides_password",
     {"introspect", "--url", "postgresql://u:s3cretpw@127.0.0.1:9/x?connect_timeout=2", NULL}, 1,
     NULL, "error[E08", "s3cretpw"},
    {"convert_to_cerial", {"convert", RELMIG_SOURCE_DIR "/tests/golden/graph/one_to_one.prisma",
                           "--to", "cerial", NULL},
     0, "cli_convert_one_to_one.cerial", NULL, NULL},
    {"convert_needs_to", {"convert", RELMIG_SOURCE_DIR "/tests/golden/graph/one_to_one.prisma",
                          NULL},
     64, NULL, "--to", NULL},
};

static void run_case(void **state)
{
    const cli_case *c = *state;
    const char *args[9];
    char tmpbuf[8][1024];
    size_t n = 0;
    for (; c->args[n]; n++) {
        if (strcmp(c->args[n], "@URL") == 0) {
            args[n] = dburl;
        } else if (strncmp(c->args[n], "@TMP", 4) == 0) {
            snprintf(tmpbuf[n], sizeof tmpbuf[n], "%s%s", tmpdir, c->args[n] + 4);
            args[n] = tmpbuf[n];
        } else {
            args[n] = c->args[n];
        }
    }
    args[n] = NULL;
    rm_test_proc p;
    assert_int_equal(rm_test_relmig(&p, args, NULL), 0);
    if (p.status != c->status)
        printf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s\n", p.status, c->status, p.out,
               p.err);
    assert_int_equal(p.status, c->status);
    if (c->golden) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", GOLDEN_, c->golden);
        assert_true(rm_test_golden(path, p.out));
    }
    if (c->err_has) {
        if (!strstr(p.err, c->err_has))
            printf("stderr lacks \"%s\":\n%s\n", c->err_has, p.err);
        assert_non_null(strstr(p.err, c->err_has));
    }
    if (c->never) {
        assert_null(strstr(p.err, c->never));
        assert_null(strstr(p.out, c->never));
    }
    if (strcmp(c->name, "output_file") == 0) {
        char path[1024];
        snprintf(path, sizeof path, "%s/out.prisma", tmpdir);
        char *text = rm_test_read_file(path, NULL);
        assert_non_null(text);
        assert_non_null(strstr(text, "model Post {"));
        assert_string_equal(p.out, "");
        free(text);
    }
    rm_test_proc_free(&p);
}

static int setup(void **state)
{
    (void)state;
    tmpdir = rm_test_mkdtemp();
    snprintf(dburl, sizeof dburl, "sqlite:%s/test.db", tmpdir);
    rm_conn *c = NULL;
    rm_dberr err;
    rm_dberr_clear(&err);
    if (rm_db_connect(&c, dburl, NULL, &err) != RM_OK ||
        rm_db_exec(c, SCHEMA_SQL, &err) != RM_OK) {
        printf("setup: %s\n", err.message);
        rm_db_close(c);
        return -1;
    }
    rm_db_close(c);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    rm_test_rmtree(tmpdir);
    free(tmpdir);
    return 0;
}

int main(void)
{
    struct CMUnitTest tests[RM_ARRAY_LEN(cases)];
    for (size_t i = 0; i < RM_ARRAY_LEN(cases); i++)
        tests[i] = (struct CMUnitTest){.name = cases[i].name, .test_func = run_case,
                                       .initial_state = (void *)&cases[i]};
    return _cmocka_run_group_tests("introspect_cli", tests, RM_ARRAY_LEN(cases), setup, teardown);
}
