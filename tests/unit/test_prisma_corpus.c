/*
 * Every peer schema parses: one named row per .prisma file in shared/corpus/real-schemas and
 * shared/corpus/prisma (recursively). Those fixtures may hold validation errors, but the
 * syntax-level ones are known: a fixture's expectation block (Prisma's format, the last run of
 * "//" lines) lists the diagnostics Prisma gave, and the rows check that the parser reports
 * exactly the syntax errors listed there (message and line), and no other E01xx error. The
 * expectations were written by Prisma's engines (see the corpus INDEX.md), not by this code.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "parser/prisma.h"
#include "util/diag_render.h"
#include "testutil.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Prisma messages that come from its parser (psl/schema-ast/src/parser/): the ones this
 * parser must produce when a fixture expects them. Validation messages are not ours. */
static const char *const syntax_messages[] = {
    "This line is invalid. It does not start with any known Prisma schema keyword.",
    "This line is not a valid field or attribute definition.",
    "This line is not an enum value definition.",
    "This line is not a valid definition within a datasource.",
    "This line is not a valid definition within a generator.",
    "Field declarations don't require a `:`.",
    "Fields are required by default, `!` is no longer required.",
    "To specify a list, please use `Type[]` instead of `[Type]`.",
    "Optional lists are not supported. Use either `Type[]` or `Type?`.",
    "This field declaration is invalid. It is either missing a name or a type.",
    "Invalid type definition. Please check the documentation in https://pris.ly/d/composite-types",
};

typedef struct corpus_row {
    char *path;
    char *name;
} corpus_row;

static corpus_row *rows;
static size_t nrows;
static size_t cap_rows;

static int cmp_rows(const void *a, const void *b)
{
    return strcmp(((const corpus_row *)a)->name, ((const corpus_row *)b)->name);
}

static void collect(const char *dir, const char *prefix)
{
    DIR *dh = opendir(dir);
    if (!dh)
        return;
    struct dirent *de;
    while ((de = readdir(dh)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        size_t plen = strlen(dir) + strlen(de->d_name) + 2;
        char *path = malloc(plen);
        snprintf(path, plen, "%s/%s", dir, de->d_name);
        size_t nlen = strlen(prefix) + strlen(de->d_name) + 2;
        char *name = malloc(nlen);
        snprintf(name, nlen, "%s/%s", prefix, de->d_name);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            collect(path, name);
            free(path);
            free(name);
            continue;
        }
        size_t l = strlen(de->d_name);
        if (l > 7 && strcmp(de->d_name + l - 7, ".prisma") == 0) {
            if (nrows == cap_rows) {
                cap_rows = cap_rows ? cap_rows * 2 : 64;
                rows = realloc(rows, cap_rows * sizeof *rows);
            }
            rows[nrows].path = path;
            rows[nrows].name = name;
            nrows++;
        } else {
            free(path);
            free(name);
        }
    }
    closedir(dh);
}

static bool is_syntax_message(const char *m)
{
    for (size_t i = 0; i < RM_ARRAY_LEN(syntax_messages); i++) {
        if (strcmp(m, syntax_messages[i]) == 0)
            return true;
    }
    return false;
}

/* The expected syntax errors of a fixture as "line:message\n" lines, in file order. Prisma's
 * expectation block: the last contiguous lines starting with "//"; each error starts with
 * "// error: <msg>" and the next line "//   -->  schema.prisma:<line>". */
static void expected_syntax(const char *text, rm_sb *out)
{
    /* Split into lines. */
    size_t nl = 1;
    for (const char *s = text; *s; s++)
        nl += *s == '\n';
    const char **starts = calloc(nl + 1, sizeof *starts);
    size_t *lens = calloc(nl + 1, sizeof *lens);
    size_t n = 0;
    const char *s = text;
    while (*s) {
        const char *e = strchr(s, '\n');
        size_t len = e ? (size_t)(e - s) : strlen(s);
        starts[n] = s;
        lens[n] = len;
        n++;
        s += len + (e ? 1 : 0);
    }
    /* Last block of lines starting with "//" (trailing empty lines ignored). */
    size_t end = n;
    while (end > 0 && lens[end - 1] == 0)
        end--;
    size_t begin = end;
    while (begin > 0 && lens[begin - 1] >= 2 && strncmp(starts[begin - 1], "//", 2) == 0)
        begin--;
    for (size_t i = begin; i < end; i++) {
        const char *l = starts[i];
        size_t len = lens[i];
        if (len < 10 || strncmp(l, "// error: ", 10) != 0)
            continue;
        char msg[512];
        size_t ml = len - 10 < sizeof msg - 1 ? len - 10 : sizeof msg - 1;
        memcpy(msg, l + 10, ml);
        msg[ml] = '\0';
        const char *m = msg;
        if (strncmp(m, "Error validating: ", 18) == 0)
            m += 18;
        if (!is_syntax_message(m))
            continue;
        unsigned line = 0;
        if (i + 1 < end) {
            const char *arrow = strstr(starts[i + 1], "schema.prisma:");
            if (arrow && arrow < starts[i + 1] + lens[i + 1])
                line = (unsigned)strtoul(arrow + 14, NULL, 10);
        }
        rm_sb_appendf(out, "%u:%s\n", line, m);
    }
    free(starts);
    free(lens);
}

static void run_corpus_row(void **state)
{
    const corpus_row *row = *state;
    size_t len = 0;
    char *text = rm_test_read_file(row->path, &len);
    assert_non_null(text);
    /* The engine_7.10_outputs/ "*.result.prisma" files are `prisma db pull` stdout: the schema,
     * then a plain-text "WARNINGS:" section that is not PSL. Parse the schema part only. */
    if (strstr(row->name, "engine_7.10_outputs/")) {
        char *w = strstr(text, "\nWARNINGS:\n");
        if (w) {
            w[1] = '\0';
            len = (size_t)(w + 1 - text);
        }
    }

    rm_sources srcs;
    rm_sources_init(&srcs);
    rm_source *src = rm_sources_add(&srcs, row->name, text, len);
    rm_diags d;
    rm_diags_init(&d);
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_prisma_ast *ast = NULL;
    int rc = rm_prisma_parse(&ast, src, &a, &d);
    assert_non_null(ast);

    rm_sb want = RM_SB_INIT;
    rm_sb got = RM_SB_INIT;
    expected_syntax(text, &want);
    for (size_t i = 0; i < d.n; i++) {
        uint32_t line = 0;
        uint32_t col = 0;
        rm_source_line_col(src, d.items[i]->loc.off, &line, &col);
        rm_sb_appendf(&got, "%u:%s\n", line, d.items[i]->msg);
    }
    if (strcmp(rm_sb_str(&want), rm_sb_str(&got)) != 0) {
        rm_sb txt = RM_SB_INIT;
        rm_diags_render_text(&txt, &srcs, &d, NULL);
        printf("expected syntax errors:\n%sgot:\n%s%s", rm_sb_str(&want), rm_sb_str(&got),
               rm_sb_str(&txt));
        rm_sb_free(&txt);
    }
    assert_string_equal(rm_sb_str(&want), rm_sb_str(&got));
    assert_int_equal(rc, d.n ? RM_ESYNTAX : RM_OK);
    /* A file without syntax errors must yield at least one block. */
    if (d.n == 0)
        assert_true(ast->nblocks > 0);

    rm_sb_free(&want);
    rm_sb_free(&got);
    rm_arena_free(&a);
    rm_diags_free(&d);
    rm_sources_free(&srcs);
    free(text);
}

int main(void)
{
    collect(RELMIG_SHARED_DIR "/corpus/real-schemas", "real-schemas");
    collect(RELMIG_SHARED_DIR "/corpus/prisma", "prisma");
    if (nrows == 0) {
        fprintf(stderr, "no corpus found under %s\n", RELMIG_SHARED_DIR "/corpus");
        return 1;
    }
    qsort(rows, nrows, sizeof *rows, cmp_rows);
    struct CMUnitTest *tests = calloc(nrows, sizeof *tests);
    for (size_t i = 0; i < nrows; i++)
        tests[i] = (struct CMUnitTest){.name = rows[i].name, .test_func = run_corpus_row,
                                       .initial_state = &rows[i]};
    int rc = _cmocka_run_group_tests("prisma_corpus", tests, nrows, NULL, NULL);
    for (size_t i = 0; i < nrows; i++) {
        free(rows[i].path);
        free(rows[i].name);
    }
    free(rows);
    free(tests);
    return rc;
}
