/*
 * The CLI skeleton through the real binary: help lists every planned command, commands not
 * implemented yet say so and exit 1 (never a fake result), usage errors exit 64, --version.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "testutil.h"

#include <stdio.h>
#include <string.h>

static const char *const planned[] = {"validate", "diff",       "apply",   "status",
                                      "check",    "introspect", "convert", "graph"};

static void help_lists_planned_commands(void **state)
{
    (void)state;
    rm_test_proc p;
    const char *args[] = {"--help", NULL};
    assert_int_equal(rm_test_relmig(&p, args, NULL), 0);
    assert_int_equal(p.status, 0);
    for (size_t i = 0; i < sizeof planned / sizeof planned[0]; i++) {
        char needle[64];
        snprintf(needle, sizeof needle, "\n  %s ", planned[i]);
        if (!strstr(p.out, needle))
            fprintf(stderr, "command %s missing from --help\n", planned[i]);
        assert_non_null(strstr(p.out, needle));
    }
    assert_non_null(strstr(p.out, "Exit codes: 0 ok, 1 error, 2 differences"));
    rm_test_proc_free(&p);
}

static void unimplemented_commands_exit_1(void **state)
{
    (void)state;
    rm_test_proc help;
    const char *args[] = {"--help", NULL};
    assert_int_equal(rm_test_relmig(&help, args, NULL), 0);
    size_t checked = 0;
    /* Every line of the command list marked as not implemented must behave as such. */
    for (char *line = strstr(help.out, "\n  "); line; line = strstr(line + 1, "\n  ")) {
        char name[32];
        if (sscanf(line + 3, "%31s", name) != 1 || !strstr(line, "[not implemented yet]"))
            continue;
        char *eol = strchr(line + 1, '\n');
        char *mark = strstr(line, "[not implemented yet]");
        if (eol && mark > eol)
            continue;
        rm_test_proc p;
        const char *cmd[] = {name, NULL};
        assert_int_equal(rm_test_relmig(&p, cmd, NULL), 0);
        assert_int_equal(p.status, 1);
        assert_non_null(strstr(p.err, "is not implemented yet"));
        assert_string_equal(p.out, "");
        rm_test_proc_free(&p);
        checked++;
    }
    fprintf(stderr, "%zu unimplemented commands checked\n", checked);
    rm_test_proc_free(&help);
}

static void command_help_and_usage_errors(void **state)
{
    (void)state;
    static const struct {
        const char *args[4];
        int status;
        const char *in_out;
        const char *in_err;
    } rows[] = {
        {{"diff", "--help", NULL}, 0, "Usage:\n  relmig diff --from SRC", NULL},
        {{"help", "apply", NULL}, 0, "relmig apply", NULL},
        {{"--version", NULL}, 0, "relmig 0.", NULL},
        {{"frobnicate", NULL}, 64, NULL, "unknown command 'frobnicate'"},
        {{"diff", "--no-such-option", NULL}, 64, NULL, "unknown option '--no-such-option'"},
        {{NULL}, 64, NULL, "Usage: relmig <command>"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        rm_test_proc p;
        assert_int_equal(rm_test_relmig(&p, rows[i].args, NULL), 0);
        if (p.status != rows[i].status)
            fprintf(stderr, "row %zu: status %d\nstdout: %s\nstderr: %s\n", i, p.status, p.out,
                    p.err);
        assert_int_equal(p.status, rows[i].status);
        if (rows[i].in_out)
            assert_non_null(strstr(p.out, rows[i].in_out));
        if (rows[i].in_err)
            assert_non_null(strstr(p.err, rows[i].in_err));
        rm_test_proc_free(&p);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(help_lists_planned_commands),
        cmocka_unit_test(unimplemented_commands_exit_1),
        cmocka_unit_test(command_help_and_usage_errors),
    };
    return cmocka_run_group_tests_name("cli_basics", tests, NULL, NULL);
}
