/*
 * `relmig validate` and `relmig graph` driven through the real binary: exit codes, the
 * file:line:col: error[E02..] headline with a code frame, --json output, --strict, a folder
 * of several .prisma files forming one schema, and graph's format handling. One row per case.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DS "datasource db {\n  provider = \"postgresql\"\n}\n\n"

static const char *valid_schema =
    DS "model User {\n  id    Int    @id\n  posts Post[]\n}\n\n"
       "model Post {\n  id       Int  @id\n  authorId Int\n"
       "  author   User @relation(fields: [authorId], references: [id])\n}\n";

/* Line 13: the one-to-one FK userId is not unique (E0235). */
static const char *invalid_schema =
    DS "model User {\n  id      Int      @id\n  profile Profile?\n}\n\n"
       "model Profile {\n  id     Int  @id\n  userId Int\n"
       "  user   User @relation(fields: [userId], references: [id])\n}\n";

/* A warning only: SetNull over a required FK on PostgreSQL. */
static const char *warning_schema =
    DS "model User {\n  id    Int    @id\n  posts Post[]\n}\n\n"
       "model Post {\n  id       Int  @id\n  authorId Int\n"
       "  author   User @relation(fields: [authorId], references: [id], onDelete: SetNull)\n}\n";

static char *tmpdir;

static char *write_tmp(const char *name, const char *text)
{
    char *path = malloc(strlen(tmpdir) + strlen(name) + 2);
    sprintf(path, "%s/%s", tmpdir, name);
    assert_true(rm_test_write_file(path, text, strlen(text)));
    return path;
}

static void valid_file_exits_0(void **state)
{
    (void)state;
    char *p = write_tmp("valid.prisma", valid_schema);
    rm_test_proc r;
    const char *args[] = {"validate", p, NULL};
    assert_int_equal(rm_test_relmig(&r, args, NULL), 0);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.err, "");
    rm_test_proc_free(&r);
    free(p);
}

static void invalid_file_exits_1_with_location(void **state)
{
    (void)state;
    char *p = write_tmp("invalid.prisma", invalid_schema);
    rm_test_proc r;
    const char *args[] = {"validate", p, NULL};
    assert_int_equal(rm_test_relmig(&r, args, NULL), 0);
    assert_int_equal(r.status, 1);
    char want[1200];
    snprintf(want, sizeof want, "%s:13:3: error[E0235]: A one-to-one relation must use unique", p);
    if (!strstr(r.err, want))
        fail_msg("stderr lacks '%s':\n%s", want, r.err);
    assert_non_null(strstr(r.err, "13 |   user   User @relation("));
    assert_non_null(
        strstr(r.err, "hint: add @unique to Profile.userId to make this relation one-to-one"));
    rm_test_proc_free(&r);
    free(p);
}

static void json_output(void **state)
{
    (void)state;
    char *p = write_tmp("invalid_json.prisma", invalid_schema);
    rm_test_proc r;
    const char *args[] = {"validate", "--json", p, NULL};
    assert_int_equal(rm_test_relmig(&r, args, NULL), 0);
    assert_int_equal(r.status, 1);
    assert_true(r.out[0] == '[');
    assert_non_null(strstr(r.out, "\"code\": \"E0235\""));
    assert_non_null(strstr(r.out, "\"line\": 13,"));
    assert_int_equal(r.out[strlen(r.out) - 2], ']');
    rm_test_proc_free(&r);
    free(p);
}

static void warning_passes_unless_strict(void **state)
{
    (void)state;
    char *p = write_tmp("warn.prisma", warning_schema);
    rm_test_proc r;
    const char *args[] = {"validate", p, NULL};
    assert_int_equal(rm_test_relmig(&r, args, NULL), 0);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.err, "warning[E0238]"));
    rm_test_proc_free(&r);
    const char *strict[] = {"validate", "--strict", p, NULL};
    assert_int_equal(rm_test_relmig(&r, strict, NULL), 0);
    assert_int_equal(r.status, 1);
    rm_test_proc_free(&r);
    free(p);
}

static void folder_of_files_is_one_schema(void **state)
{
    (void)state;
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/multi", tmpdir);
    char cmd[1100];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s'", dir);
    assert_int_equal(system(cmd), 0);
    /* The relation crosses files; neither file is valid alone. */
    char *a = write_tmp("multi/a_schema.prisma", DS "model User {\n  id    Int    @id\n"
                                                    "  posts Post[]\n}\n");
    char *b = write_tmp("multi/post.prisma",
                        "model Post {\n  id       Int  @id\n  authorId Int\n"
                        "  author   User @relation(fields: [authorId], references: [id])\n}\n");
    rm_test_proc r;
    const char *args[] = {"validate", dir, NULL};
    assert_int_equal(rm_test_relmig(&r, args, NULL), 0);
    if (r.status != 0)
        fail_msg("folder did not validate: %s", r.err);
    rm_test_proc_free(&r);
    const char *gargs[] = {"graph", dir, NULL};
    assert_int_equal(rm_test_relmig(&r, gargs, NULL), 0);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "\"version\": 1"));
    assert_non_null(strstr(r.out, "\"name\": \"PostToUser\""));
    /* The graph does not depend on the order the files are given in. */
    char *first = strdup(r.out);
    rm_test_proc_free(&r);
    const char *ab[] = {"graph", a, b, NULL}, *ba[] = {"graph", b, a, NULL};
    assert_int_equal(rm_test_relmig(&r, ab, NULL), 0);
    assert_string_equal(r.out, first);
    rm_test_proc_free(&r);
    assert_int_equal(rm_test_relmig(&r, ba, NULL), 0);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, first);
    rm_test_proc_free(&r);
    free(first);
    /* One file alone misses its opposite field: an error in that file. */
    const char *one[] = {"validate", b, NULL};
    assert_int_equal(rm_test_relmig(&r, one, NULL), 0);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, "error[E0202]"));
    rm_test_proc_free(&r);
    free(a);
    free(b);
}

static void graph_writes_file_and_refuses_invalid(void **state)
{
    (void)state;
    char *p = write_tmp("gv.prisma", valid_schema);
    char out[1100];
    snprintf(out, sizeof out, "%s/graph.json", tmpdir);
    rm_test_proc r;
    const char *args[] = {"graph", "--format", "json", "-o", out, p, NULL};
    assert_int_equal(rm_test_relmig(&r, args, NULL), 0);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.out, "");
    rm_test_proc_free(&r);
    char *json = rm_test_read_file(out, NULL);
    assert_non_null(json);
    assert_true(strncmp(json, "{\n  \"version\": 1,\n", 18) == 0);
    assert_non_null(strstr(json, "\"onDelete\": \"Restrict\""));
    free(json);
    char *q = write_tmp("gi.prisma", invalid_schema);
    const char *bad[] = {"graph", q, NULL};
    assert_int_equal(rm_test_relmig(&r, bad, NULL), 0);
    assert_int_equal(r.status, 1);
    assert_string_equal(r.out, "");
    assert_non_null(strstr(r.err, "error[E0235]"));
    rm_test_proc_free(&r);
    free(p);
    free(q);
}

static void graph_unknown_format_is_usage_error(void **state)
{
    (void)state;
    char *p = write_tmp("g.prisma", valid_schema);
    rm_test_proc r;
    const char *args[] = {"graph", "--format", "png", p, NULL};
    assert_int_equal(rm_test_relmig(&r, args, NULL), 0);
    assert_int_equal(r.status, 64);
    rm_test_proc_free(&r);
    free(p);
}

static void prisma_and_cerial_do_not_mix(void **state)
{
    (void)state;
    char *p = write_tmp("x.cerial", "model User {\n  id Record @id\n}\n");
    char *q = write_tmp("mix.prisma", valid_schema);
    rm_test_proc r;
    const char *args[] = {"validate", q, p, NULL};
    assert_int_equal(rm_test_relmig(&r, args, NULL), 0);
    assert_int_equal(r.status, 1);
    /* mixing is allowed (issue #4), but not the same model name in both languages */
    assert_non_null(strstr(r.err, "error[E0480]"));
    rm_test_proc_free(&r);
    free(p);
    free(q);
}

int main(void)
{
    tmpdir = rm_test_mkdtemp();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(valid_file_exits_0),
        cmocka_unit_test(invalid_file_exits_1_with_location),
        cmocka_unit_test(json_output),
        cmocka_unit_test(warning_passes_unless_strict),
        cmocka_unit_test(folder_of_files_is_one_schema),
        cmocka_unit_test(graph_writes_file_and_refuses_invalid),
        cmocka_unit_test(graph_unknown_format_is_usage_error),
        cmocka_unit_test(prisma_and_cerial_do_not_mix),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    rm_test_rmtree(tmpdir);
    free(tmpdir);
    return rc;
}
