/*
 * Golden tests of the differ and the three SQL emitters. Each folder tests/golden/diff/<case>/
 * holds from.schema and to.schema (the physical-schema text form, sqlschema/text.h; a missing
 * from.schema is the empty schema, and from.<dialect>.schema / to.<dialect>.schema override
 * them for one dialect) and the expected migration per dialect, expect.<dialect>.sql, with the
 * warnings block. One named test per case and dialect ("fk_cycle/mysql").
 * RELMIG_UPDATE_GOLDEN=1 rewrites the expectations; review them with git diff.
 *
 * Also: the same emitters checked against Prisma's own engine output in the shared corpus
 * (shared/corpus/prisma/other/engine_7.10_outputs), byte for byte, without the warnings block
 * (Prisma's `migrate diff` prints none).
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "diff/diff.h"
#include "sqlschema/text.h"
#include "test_schema_text.h"
#include "testutil.h"
#include "util/diag_render.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GOLDEN_DIR RELMIG_SOURCE_DIR "/tests/golden/diff"
#define CORPUS_DIR RELMIG_SHARED_DIR "/corpus/prisma/other/engine_7.10_outputs"

static const char *const dialects[] = {"postgresql", "mysql", "sqlite"};

typedef struct golden_case {
    char name[160];
    char dir[64];
    const rm_dialect *dialect;
    const char *dialect_name;
} golden_case;

static void run_golden(void **state)
{
    const golden_case *gc = *state;
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_sources srcs;
    rm_sources_init(&srcs);
    rm_sqlschema from, to;
    char dir[512];
    snprintf(dir, sizeof dir, "%s/%s", GOLDEN_DIR, gc->dir);
    assert_true(rm_test_load_schema_text(&from, dir, "from", gc->dialect, false, &srcs, &a));
    assert_true(rm_test_load_schema_text(&to, dir, "to", gc->dialect, true, &srcs, &a));

    rm_diags diags;
    rm_diags_init(&diags);
    rm_diff diff;
    assert_int_equal(rm_diff_schemas(&diff, &from, &to, gc->dialect, &a, &diags), RM_OK);
    rm_sb sql = RM_SB_INIT;
    assert_int_equal(rm_diff_render_sql(&sql, &diff, true, &diags), RM_OK);
    assert_int_equal(diags.n, 0);
    /* Scripts end with a newline, except the empty-migration comment. */
    if (sql.len && rm_sb_str(&sql)[sql.len - 1] != '\n')
        rm_sb_putc(&sql, '\n');

    char path[512];
    snprintf(path, sizeof path, "%s/%s/expect.%s.sql", GOLDEN_DIR, gc->dir, gc->dialect_name);
    bool ok = rm_test_golden(path, rm_sb_str(&sql));

    /* Diffing the target against itself must give nothing: the differ and the text form agree
     * on what "equal" means, and nothing is reported as changed forever. */
    rm_diff same;
    assert_int_equal(rm_diff_schemas(&same, &to, &to, gc->dialect, &a, &diags), RM_OK);
    assert_int_equal(same.n, 0);

    rm_sb_free(&sql);
    rm_diags_free(&diags);
    rm_sources_free(&srcs);
    rm_arena_free(&a);
    assert_true(ok);
}

/* ---- against Prisma's engine output ---------------------------------------------------- */

typedef struct corpus_case {
    const char *name;
    const char *dir; /* fixture folder under tests/golden/diff */
    const char *dialect;
    const char *expect; /* file under CORPUS_DIR */
} corpus_case;

static const corpus_case corpus_cases[] = {
    {"corpus/example.postgresql", "prisma_example", "postgresql",
     "example.postgresql.migration.sql"},
    {"corpus/example.sqlite", "prisma_example", "sqlite", "example.sqlite.migration.sql"},
    {"corpus/alter.postgresql", "prisma_alter", "postgresql", "alter.postgresql.sql"},
    {"corpus/alter.sqlite", "prisma_alter", "sqlite", "alter.sqlite.redefine.sql"},
    {"corpus/rename.postgresql", "prisma_rename", "postgresql", "rename.postgresql.sql"},
};

/* The corpus files end with the engine's "[exitCode 2]" trailer and blank lines; the SQL is
 * everything before it, without trailing newlines. */
static void strip_trailer(char *text)
{
    char *t = strstr(text, "\n[exitCode");
    if (t)
        *t = '\0';
    size_t n = strlen(text);
    while (n && (text[n - 1] == '\n' || text[n - 1] == ' '))
        text[--n] = '\0';
}

static void run_corpus(void **state)
{
    const corpus_case *cc = *state;
    char path[512];
    snprintf(path, sizeof path, "%s/%s", CORPUS_DIR, cc->expect);
    char *want = rm_test_read_file(path, NULL);
    if (!want) {
        print_message("corpus file %s not found; skipping\n", path);
        skip();
    }
    strip_trailer(want);

    const rm_dialect *d = rm_dialect_by_name(cc->dialect);
    assert_non_null(d);
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_sources srcs;
    rm_sources_init(&srcs);
    rm_sqlschema from, to;
    char dir[512];
    snprintf(dir, sizeof dir, "%s/%s", GOLDEN_DIR, cc->dir);
    assert_true(rm_test_load_schema_text(&from, dir, "from", d, false, &srcs, &a));
    assert_true(rm_test_load_schema_text(&to, dir, "to", d, true, &srcs, &a));
    rm_diags diags;
    rm_diags_init(&diags);
    rm_diff diff;
    assert_int_equal(rm_diff_schemas(&diff, &from, &to, d, &a, &diags), RM_OK);
    rm_sb sql = RM_SB_INIT;
    assert_int_equal(rm_diff_render_sql(&sql, &diff, false, &diags), RM_OK);
    size_t n = sql.len;
    while (n && rm_sb_str(&sql)[n - 1] == '\n')
        n--;
    rm_sb_truncate(&sql, n);
    if (strcmp(rm_sb_str(&sql), want) != 0)
        print_error("--- want (%s)\n%s\n--- got\n%s\n", path, want, rm_sb_str(&sql));
    assert_string_equal(rm_sb_str(&sql), want);
    rm_sb_free(&sql);
    rm_diags_free(&diags);
    rm_sources_free(&srcs);
    rm_arena_free(&a);
    free(want);
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(void)
{
    DIR *dir = opendir(GOLDEN_DIR);
    if (!dir) {
        fprintf(stderr, "cannot open %s\n", GOLDEN_DIR);
        return 1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(dir)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            names = realloc(names, cap * sizeof(*names));
            if (!names)
                return 1;
        }
        names[n++] = strdup(de->d_name);
    }
    closedir(dir);
    qsort(names, n, sizeof(*names), cmp_name);

    size_t ntests = n * RM_ARRAY_LEN(dialects) + RM_ARRAY_LEN(corpus_cases);
    golden_case *cases = calloc(n * RM_ARRAY_LEN(dialects) + 1, sizeof(*cases));
    struct CMUnitTest *tests = calloc(ntests + 1, sizeof(*tests));
    if (!cases || !tests)
        return 1;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < RM_ARRAY_LEN(dialects); j++) {
            golden_case *gc = &cases[i * RM_ARRAY_LEN(dialects) + j];
            snprintf(gc->name, sizeof gc->name, "%s/%s", names[i], dialects[j]);
            snprintf(gc->dir, sizeof gc->dir, "%s", names[i]);
            gc->dialect_name = dialects[j];
            gc->dialect = rm_dialect_by_name(dialects[j]);
            tests[k++] = (struct CMUnitTest){gc->name, run_golden, NULL, NULL, gc};
        }
    }
    for (size_t i = 0; i < RM_ARRAY_LEN(corpus_cases); i++)
        tests[k++] = (struct CMUnitTest){corpus_cases[i].name, run_corpus, NULL, NULL,
                                         (void *)&corpus_cases[i]};
    int rc = _cmocka_run_group_tests("diff_golden", tests, k, NULL, NULL);
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    free(cases);
    free(tests);
    return rc;
}
