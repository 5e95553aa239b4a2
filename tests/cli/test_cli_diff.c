/*
 * relmig diff (and graph, which shares its states) through the real binary: dialect
 * selection, exit codes (--exit-code), output file, JSON, down migrations, database URLs as
 * states, graph formats, and errors (invalid schema, mixed state kinds, no dialect).
 * The SQL text itself is covered byte for byte by the golden tests in tests/golden/diff.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BLOG RELMIG_SOURCE_DIR "/examples/blog/schema.prisma"
#define BROKEN RELMIG_SOURCE_DIR "/examples/broken/schema.prisma"

typedef struct diff_case {
    const char *name;
    const char *args[12];
    int status;
    const char *in_out;     /* must appear in stdout (NULL: no check) */
    const char *not_in_out; /* must not appear in stdout */
    const char *in_err;     /* must appear in stderr */
} diff_case;

static const diff_case cases[] = {
    {"sqlite_from_provider", {"diff", "--from", "empty", "--to", BLOG}, 0,
     "CREATE TABLE \"User\" (\n    \"id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT", NULL, NULL},
    {"postgresql_override", {"diff", "--from", "empty", "--to", BLOG, "--dialect", "postgresql"},
     0, "CREATE SCHEMA IF NOT EXISTS \"public\";", NULL, NULL},
    {"mysql_override", {"diff", "--from", "empty", "--to", BLOG, "--dialect", "mariadb"}, 0,
     "CREATE TABLE `User` (", NULL, NULL},
    {"one_to_one_fk_is_unique", {"diff", "--from", "empty", "--to", BLOG}, 0,
     "CREATE UNIQUE INDEX \"Profile_userId_key\" ON \"Profile\"(\"userId\");", NULL, NULL},
    {"same_schema_no_changes", {"diff", "--from", BLOG, "--to", BLOG, "--exit-code"}, 0,
     "-- This is an empty migration.", NULL, NULL},
    {"changes_exit_2", {"diff", "--from", "empty", "--to", BLOG, "--exit-code"}, 2, "-- CreateTable",
     NULL, NULL},
    {"down_migration_warns", {"diff", "--from", BLOG, "--to", "empty"}, 0,
     "You are about to drop the `User` table.", "CREATE TABLE", NULL},
    {"json_change_list", {"diff", "--from", "empty", "--to", BLOG, "--json"}, 0,
     "{\"changes\":[{\"kind\":\"create_table\",\"table\":\"User\"", NULL, NULL},
    {"invalid_schema_exit_1", {"diff", "--from", "empty", "--to", BROKEN}, 1, NULL, "-- ",
     "broken/schema.prisma:20:12: error[E0202]"},
    {"no_dialect", {"diff", "--from", "empty", "--to", "empty"}, 1, NULL, NULL,
     "cannot tell which SQL dialect"},
    {"unknown_dialect_usage", {"diff", "--from", "empty", "--to", BLOG, "--dialect", "oracle"}, 64,
     NULL, NULL, "unknown dialect \"oracle\""},
    {"missing_to_usage", {"diff", "--from", "empty"}, 64, NULL, NULL, "--to are required"},
    {"empty_mixed_with_path", {"diff", "--from", "empty", "--from", BLOG, "--to", BLOG}, 64, NULL,
     NULL, "'empty' cannot be combined"},
    {"missing_file", {"diff", "--from", "empty", "--to", "/nonexistent/x.prisma"}, 1, NULL, NULL,
     "cannot read /nonexistent/x.prisma"},
    {"missing_sqlite_database", {"diff", "--from", "sqlite:/nonexistent/dir/x.db", "--to", BLOG}, 1,
     NULL, "-- ", "/nonexistent/dir/x.db"},
    {"graph_mermaid", {"graph", BLOG, "--format", "mermaid"}, 0,
     "erDiagram\n    \"Category\" {", NULL, NULL},
    {"graph_dot", {"graph", BLOG, "--format", "dot"}, 0, "digraph", NULL, NULL},
    {"graph_json_default", {"graph", BLOG}, 0, "\"version\": 1", NULL, NULL},
    {"graph_unknown_format", {"graph", BLOG, "--format", "png"}, 64, NULL, NULL,
     "unknown format 'png'"},
    {"graph_empty_is_usage", {"graph", "empty"}, 64, NULL, NULL, "give schema files"},
};

static void run_case(void **state)
{
    const diff_case *c = *state;
    rm_test_proc p;
    assert_int_equal(rm_test_relmig(&p, c->args, NULL), 0);
    if (p.status != c->status || (c->in_out && !strstr(p.out, c->in_out)) ||
        (c->in_err && !strstr(p.err, c->in_err)))
        fprintf(stderr, "%s: status %d\n--- stdout:\n%.2000s\n--- stderr:\n%.2000s\n", c->name,
                p.status, p.out, p.err);
    assert_int_equal(p.status, c->status);
    if (c->in_out)
        assert_non_null(strstr(p.out, c->in_out));
    if (c->not_in_out)
        assert_null(strstr(p.out, c->not_in_out));
    if (c->in_err)
        assert_non_null(strstr(p.err, c->in_err));
    rm_test_proc_free(&p);
}

/* -o writes the same script a pipe gets, and the script builds a real SQLite database. */
static void output_file_applies_to_sqlite(void **state)
{
    (void)state;
    char *dir = rm_test_mkdtemp();
    assert_non_null(dir);
    char sql[1024], db[1024], cmd[4096];
    snprintf(sql, sizeof sql, "%s/init.sql", dir);
    snprintf(db, sizeof db, "%s/blog.db", dir);
    const char *args[] = {"diff", "--from", "empty", "--to", BLOG, "-o", sql, NULL};
    rm_test_proc p;
    assert_int_equal(rm_test_relmig(&p, args, NULL), 0);
    assert_int_equal(p.status, 0);
    assert_string_equal(p.out, "");
    rm_test_proc_free(&p);
    snprintf(cmd, sizeof cmd, "sqlite3 '%s' < '%s' && sqlite3 '%s' .tables", db, sql, db);
    const char *sh[] = {"/bin/sh", "-c", cmd, NULL};
    assert_int_equal(rm_test_run(&p, sh, NULL), 0);
    if (p.status == 127) {
        rm_test_proc_free(&p);
        rm_test_rmtree(dir);
        free(dir);
        skip(); /* no sqlite3 shell on this machine */
    }
    assert_int_equal(p.status, 0);
    assert_non_null(strstr(p.out, "_CategoryToPost"));
    assert_non_null(strstr(p.out, "Profile"));
    rm_test_proc_free(&p);

    /* The database built from the script is in sync with its schema, and behind v2. */
    char url[1100];
    snprintf(url, sizeof url, "sqlite:%s", db);
    const char *in_sync[] = {"diff", "--from", url, "--to", BLOG, "--exit-code", NULL};
    assert_int_equal(rm_test_relmig(&p, in_sync, NULL), 0);
    if (p.status != 0)
        fprintf(stderr, "in sync: %d\n%s\n%s\n", p.status, p.out, p.err);
    assert_int_equal(p.status, 0);
    assert_non_null(strstr(p.out, "-- This is an empty migration."));
    rm_test_proc_free(&p);
    const char *behind[] = {"diff", "--from", url, "--to", RELMIG_SOURCE_DIR "/examples/blog-v2/schema.prisma",
                            "--exit-code", NULL};
    assert_int_equal(rm_test_relmig(&p, behind, NULL), 0);
    assert_int_equal(p.status, 2);
    assert_non_null(strstr(p.out, "ALTER TABLE \"Profile\" ADD COLUMN \"website\" TEXT;"));
    rm_test_proc_free(&p);
    const char *wrong_dialect[] = {"diff", "--from", url, "--to", BLOG, "--dialect", "mysql", NULL};
    assert_int_equal(rm_test_relmig(&p, wrong_dialect, NULL), 0);
    assert_int_equal(p.status, 1);
    assert_non_null(strstr(p.err, "the database is sqlite, but the SQL asked for is mysql"));
    rm_test_proc_free(&p);
    /* The same database as a graph: introspected and raised. */
    const char *graph[] = {"graph", url, "--format", "mermaid", NULL};
    assert_int_equal(rm_test_relmig(&p, graph, NULL), 0);
    assert_int_equal(p.status, 0);
    assert_non_null(strstr(p.out, "erDiagram"));
    assert_non_null(strstr(p.out, "\"Profile\" {"));
    rm_test_proc_free(&p);
    rm_test_rmtree(dir);
    free(dir);
}

int main(void)
{
    struct CMUnitTest tests[RM_TEST_MAX_ROWS];
    size_t n = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        tests[n++] = (struct CMUnitTest){
            .name = cases[i].name, .test_func = run_case, .initial_state = (void *)&cases[i]};
    tests[n++] = (struct CMUnitTest){.name = "output_file_applies_to_sqlite",
                                     .test_func = output_file_applies_to_sqlite};
    return _cmocka_run_group_tests("cli_diff", tests, n, NULL, NULL);
}
