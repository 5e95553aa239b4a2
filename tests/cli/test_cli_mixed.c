/*
 * A folder mixing .prisma and .cerial files through the real binary: `relmig validate` exits 0
 * on tests/golden/mixed/<case>/ and `relmig graph --format json` prints the same JSON as the
 * reviewed golden file; a folder with an error in the .cerial file exits 1 naming that file.
 * One row per case.
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

#define GOLDEN RELMIG_SOURCE_DIR "/tests/golden/mixed/"

static const char *const cases[] = {"user_profile", "reverse", "with_unrelated"};

static void folder_validates_and_graphs(void **state)
{
    const char *name = *state;
    char dir[1024], json[1024];
    snprintf(dir, sizeof dir, GOLDEN "%s", name);
    snprintf(json, sizeof json, GOLDEN "%s.json", name);
    rm_test_proc r;
    const char *vargs[] = {"validate", dir, NULL};
    assert_int_equal(rm_test_relmig(&r, vargs, NULL), 0);
    printf("%s", r.err);
    assert_int_equal(r.status, 0);
    rm_test_proc_free(&r);
    const char *gargs[] = {"graph", dir, "--format", "json", NULL};
    assert_int_equal(rm_test_relmig(&r, gargs, NULL), 0);
    assert_int_equal(r.status, 0);
    char *expect = rm_test_read_file(json, NULL);
    assert_non_null(expect);
    assert_string_equal(r.out, expect);
    free(expect);
    rm_test_proc_free(&r);
}

static void cerial_error_names_file(void **state)
{
    (void)state;
    char *tmp = rm_test_mkdtemp();
    char p[1024];
    const char *prisma = "model User {\n  id String @id\n  profile Profile?\n}\n";
    const char *cerial = "model Profile {\n  id Record @id\n  bio Strin?\n  userId Record\n"
                         "  user Relation @field(userId) @model(User)\n}\n";
    snprintf(p, sizeof p, "%s/user.prisma", tmp);
    assert_true(rm_test_write_file(p, prisma, strlen(prisma)));
    snprintf(p, sizeof p, "%s/profile.cerial", tmp);
    assert_true(rm_test_write_file(p, cerial, strlen(cerial)));
    rm_test_proc r;
    const char *args[] = {"validate", tmp, NULL};
    assert_int_equal(rm_test_relmig(&r, args, NULL), 0);
    assert_int_equal(r.status, 1);
    char expect[1100];
    snprintf(expect, sizeof expect, "%s/profile.cerial:3:7: error[E0407]", tmp);
    if (!strstr(r.err, expect))
        printf("expected <%s> in:\n%s", expect, r.err);
    assert_non_null(strstr(r.err, expect));
    rm_test_proc_free(&r);
    rm_test_rmtree(tmp);
    free(tmp);
}

int main(void)
{
    struct CMUnitTest tests[RM_TEST_MAX_ROWS];
    size_t n = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        tests[n++] = (struct CMUnitTest){.name = cases[i],
                                         .test_func = folder_validates_and_graphs,
                                         .initial_state = (void *)(uintptr_t)cases[i]};
    tests[n++] = (struct CMUnitTest){.name = "cerial_error_names_file",
                                     .test_func = cerial_error_names_file};
    return _cmocka_run_group_tests("cli_mixed", tests, n, NULL, NULL);
}
