/*
 * Replays every input the fuzzers found a bug with (tests/fuzz-regressions/<target>/<case>.in)
 * through the very same code the libFuzzer target runs: the fuzz/ target files are compiled in
 * here with their entry points renamed, so a crash, a sanitizer report (in the ASan+UBSan
 * build) or a broken property (__builtin_trap in the target: a URL that does not read back, a
 * relmig.sum that does not verify) fails this test. One row per file, named target/case; a
 * new crash input only needs to be copied into its folder. Not for fuzzing itself
 * (scripts/fuzz.sh) or for checking diagnostics text (the golden tests do that).
 */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* Each target defines LLVMFuzzerTestOneInput; here each gets its own name. */
#define LLVMFuzzerTestOneInput rm_fuzz_prisma_parse
int rm_fuzz_prisma_parse(const uint8_t *data, size_t size);
#include "../../fuzz/fuzz_prisma_parse.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput rm_fuzz_cerial_parse
int rm_fuzz_cerial_parse(const uint8_t *data, size_t size);
#include "../../fuzz/fuzz_cerial_parse.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput rm_fuzz_dburl
int rm_fuzz_dburl(const uint8_t *data, size_t size);
#include "../../fuzz/fuzz_dburl.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput rm_fuzz_migrations
int rm_fuzz_migrations(const uint8_t *data, size_t size);
#include "../../fuzz/fuzz_migrations.c"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput rm_fuzz_graph_prisma_first
int rm_fuzz_graph_prisma_first(const uint8_t *data, size_t size);
#include "../../fuzz/fuzz_graph.c"
#undef LLVMFuzzerTestOneInput

static int rm_fuzz_graph_cerial_first(const uint8_t *data, size_t size)
{
    return fuzz_graph_run(data, size, true);
}

/* The folder name under tests/fuzz-regressions/ is the short target name of scripts/fuzz.sh. */
typedef struct fuzz_target {
    const char *name;
    int (*run)(const uint8_t *data, size_t size);
} fuzz_target;

static const fuzz_target targets[] = {
    {"prisma_parse", rm_fuzz_prisma_parse},
    {"cerial_parse", rm_fuzz_cerial_parse},
    {"graph_prisma", rm_fuzz_graph_prisma_first},
    {"graph_cerial", rm_fuzz_graph_cerial_first},
    {"dburl", rm_fuzz_dburl},
    {"migrations", rm_fuzz_migrations},
};

typedef struct replay_row {
    char *name; /* target/case */
    char *path;
    const fuzz_target *target;
} replay_row;

static void run_replay_row(void **state)
{
    const replay_row *row = *state;
    size_t len = 0;
    char *data = rm_test_read_file(row->path, &len);
    assert_non_null(data);
    /* The same bytes twice, as libFuzzer may run an input more than once: the targets keep
     * per-process state (compiled Cerial patterns) that must not change the outcome. */
    assert_int_equal(row->target->run((const uint8_t *)data, len), 0);
    assert_int_equal(row->target->run((const uint8_t *)data, len), 0);
    free(data);
}

int main(void)
{
    static replay_row rows[RM_TEST_MAX_ROWS];
    size_t nrows = 0;
    for (size_t t = 0; t < sizeof targets / sizeof *targets; t++) {
        char dir[1024];
        snprintf(dir, sizeof dir, "%s/tests/fuzz-regressions/%s", RELMIG_SOURCE_DIR,
                 targets[t].name);
        char *names[RM_TEST_MAX_ROWS];
        size_t n = rm_test_list_files(names, RM_TEST_MAX_ROWS - nrows, dir, ".in", NULL);
        for (size_t i = 0; i < n; i++) {
            char buf[1200];
            snprintf(buf, sizeof buf, "%s/%s", targets[t].name, names[i]);
            rows[nrows].name = strdup(buf);
            snprintf(buf, sizeof buf, "%s/%s", dir, names[i]);
            rows[nrows].path = strdup(buf);
            rows[nrows].target = &targets[t];
            nrows++;
        }
        rm_test_free_names(names, n);
    }
    /* The folders hold the inputs of every crash fixed so far: an empty list means the files
     * were not found, not that there is nothing to check. */
    if (nrows == 0) {
        fprintf(stderr, "test_fuzz_regressions: no inputs under %s/tests/fuzz-regressions\n",
                RELMIG_SOURCE_DIR);
        return 1;
    }
    struct CMUnitTest *tests = calloc(nrows, sizeof *tests);
    for (size_t i = 0; i < nrows; i++)
        tests[i] = (struct CMUnitTest){.name = rows[i].name, .test_func = run_replay_row,
                                       .initial_state = &rows[i]};
    int rc = _cmocka_run_group_tests("fuzz_regressions", tests, nrows, NULL, NULL);
    for (size_t i = 0; i < nrows; i++) {
        free(rows[i].name);
        free(rows[i].path);
    }
    free(tests);
    return rc;
}
