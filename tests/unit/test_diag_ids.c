/*
 * Every diagnostic id in src/util/diag_ids.def is documented in docs/errors.md, and ids are
 * unique. Catches an id added without documentation (or two modules picking one number).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "testutil.h"
#include "util/diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
    const char *name;
    unsigned num;
} ids[] = {
#define X(name, num, summary) {#name, num},
#include "util/diag_ids.def"
#undef X
};

static void ids_unique(void **state)
{
    (void)state;
    for (size_t i = 0; i < RM_ARRAY_LEN(ids); i++)
        for (size_t k = i + 1; k < RM_ARRAY_LEN(ids); k++)
            if (ids[i].num == ids[k].num) {
                fprintf(stderr, "E%04u used by %s and %s\n", ids[i].num, ids[i].name,
                        ids[k].name);
                fail();
            }
}

static void ids_documented(void **state)
{
    (void)state;
    char *doc = rm_test_read_file(RELMIG_SOURCE_DIR "/docs/errors.md", NULL);
    assert_non_null(doc);
    size_t missing = 0;
    for (size_t i = 0; i < RM_ARRAY_LEN(ids); i++) {
        char needle[16];
        snprintf(needle, sizeof needle, "| E%04u |", ids[i].num);
        if (!strstr(doc, needle)) {
            fprintf(stderr, "E%04u (%s) is not documented in docs/errors.md\n", ids[i].num,
                    ids[i].name);
            missing++;
        }
    }
    free(doc);
    assert_int_equal(missing, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ids_unique),
        cmocka_unit_test(ids_documented),
    };
    return cmocka_run_group_tests_name("diag_ids", tests, NULL, NULL);
}
