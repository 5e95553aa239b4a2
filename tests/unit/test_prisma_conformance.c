/*
 * Prisma validation conformance: every .prisma file under shared/corpus/prisma/validation (Prisma's
 * own fixtures plus the 7.10-derived ones), read in place. A file agrees when relmig's verdict
 * (valid / has errors) equals Prisma's and, for invalid files, relmig's first error (in emission
 * order) is on the same line as Prisma's first error. One test row per file; a row fails on a
 * disagreement unless the file is in known_disagreements below (each with its reason, mirrored
 * in docs/conformance.md), and a listed file that starts agreeing fails too, so the list stays
 * true. A last row fails when the agreement is below 95%.
 *
 * The expectation is the last contiguous block of lines starting with "//" at the end of the
 * file (psl/psl/tests/validation_tests.rs): "error:" lines followed by "  -->  schema.prisma:N".
 * Warnings do not make a file invalid.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "model/schema.h"
#include "testutil.h"
#include "util/diag_render.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define CORPUS RELMIG_SHARED_DIR "/corpus/prisma/validation"

/* Files where relmig deliberately or knowingly differs; reason shown in the report. */
static const struct {
    const char *file;
    const char *reason;
} known_disagreements[] = {
    {"mysql/set_default_disabled.prisma",
     "the repo fixture (ahead of 7.10) makes SetDefault on MySQL an error; relmig follows the "
     "released 7.10 engine, which warns (mysql/set_default_warning.prisma expects that)"},
};

typedef struct row {
    char name[512]; /* path relative to the corpus */
    char path[1024];
    bool expect_valid;
    int expect_line;       /* first error line, 0 if valid */
    char expect_msg[1200]; /* first error message, Prisma's generic prefix removed */
    bool same_text;        /* relmig's first error has exactly that text (first line) */
    int expect_errors, got_errors;
    int expect_warnings, got_warnings;
    bool got_valid;
    int got_line;
    char got_msg[1200];
    bool agree;
    const char *known; /* reason if listed as a known disagreement */
} row;

static row *rows;
static size_t nrows, caprows;

static void add_files(const char *dir, const char *rel)
{
    DIR *dh = opendir(dir);
    if (!dh)
        return;
    struct dirent *e;
    while ((e = readdir(dh)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char full[1024], r[512];
        snprintf(full, sizeof full, "%s/%s", dir, e->d_name);
        snprintf(r, sizeof r, "%s%s%s", rel, rel[0] ? "/" : "", e->d_name);
        struct stat st;
        if (stat(full, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode)) {
            add_files(full, r);
        } else {
            size_t n = strlen(e->d_name);
            if (n < 7 || strcmp(e->d_name + n - 7, ".prisma") != 0)
                continue;
            if (nrows == caprows) {
                caprows = caprows ? caprows * 2 : 64;
                rows = realloc(rows, caprows * sizeof *rows);
            }
            row *w = &rows[nrows++];
            memset(w, 0, sizeof *w);
            snprintf(w->name, sizeof w->name, "%s", r);
            snprintf(w->path, sizeof w->path, "%s", full);
        }
    }
    closedir(dh);
}

static int cmp_rows(const void *a, const void *b)
{
    return strcmp(((const row *)a)->name, ((const row *)b)->name);
}

/* Remove Prisma's constructor prefix ("Error validating: ", "Error parsing attribute "@x": ",
 * "Error validating model "X": ", "Error validating field `f` in model `M`: "), which relmig
 * does not repeat in its messages. */
static void strip_prefix(char *msg)
{
    static const char *const starts[] = {"Error validating: ", "Error parsing attribute \"",
                                         "Error validating model \"", "Error validating view \"",
                                         "Error validating field `"};
    for (size_t i = 0; i < RM_ARRAY_LEN(starts); i++) {
        if (strncmp(msg, starts[i], strlen(starts[i])) != 0)
            continue;
        const char *body = i == 0 ? msg + strlen(starts[i]) : strstr(msg, ": ");
        if (!body)
            return;
        if (i > 0)
            body += 2;
        memmove(msg, body, strlen(body) + 1);
        return;
    }
}

/* Parse the trailing // block. */
static void read_expectation(row *w, const char *text)
{
    /* Split into lines, find the trailing comment block. */
    const char *lines[4096];
    size_t lens[4096], n = 0;
    const char *p = text;
    while (*p && n < 4096) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        lines[n] = p;
        lens[n] = len;
        n++;
        p = nl ? nl + 1 : p + len;
    }
    size_t end = n;
    while (end > 0) {
        size_t k = 0;
        while (k < lens[end - 1] &&
               (lines[end - 1][k] == ' ' || lines[end - 1][k] == '\r' || lines[end - 1][k] == '\t'))
            k++;
        if (k < lens[end - 1])
            break;
        end--;
    }
    size_t start = end;
    while (start > 0 && lens[start - 1] >= 2 && strncmp(lines[start - 1], "//", 2) == 0)
        start--;
    w->expect_valid = true;
    for (size_t i = start; i < end; i++) {
        w->expect_errors += lens[i] >= 9 && strncmp(lines[i], "// error:", 9) == 0;
        w->expect_warnings += lens[i] >= 11 && strncmp(lines[i], "// warning:", 11) == 0;
    }
    for (size_t i = start; i < end; i++) {
        if (lens[i] >= 9 && strncmp(lines[i], "// error:", 9) == 0) {
            w->expect_valid = false;
            snprintf(w->expect_msg, sizeof w->expect_msg, "%.*s", (int)(lens[i] - 10),
                     lines[i] + 10);
            strip_prefix(w->expect_msg);
            for (size_t k = i + 1; k < end; k++) {
                const char *arrow = strstr(lines[k], "-->  schema.prisma:");
                if (arrow && arrow < lines[k] + lens[k]) {
                    w->expect_line = atoi(arrow + strlen("-->  schema.prisma:"));
                    break;
                }
            }
            break;
        }
    }
}

static void evaluate(row *w)
{
    size_t len = 0;
    char *text = rm_test_read_file(w->path, &len);
    if (!text) {
        snprintf(w->got_msg, sizeof w->got_msg, "cannot read %s", w->path);
        return;
    }
    read_expectation(w, text);
    rm_sources srcs;
    rm_sources_init(&srcs);
    rm_source *src = rm_sources_add(&srcs, "schema.prisma", text, len);
    free(text);
    rm_diags d;
    rm_diags_init(&d);
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_graph *g = NULL;
    (void)rm_schema_build(&g, &srcs, &a, &d);
    w->got_valid = !rm_diags_has_errors(&d);
    w->got_errors = (int)d.nerrors;
    w->got_warnings = (int)d.nwarnings;
    for (size_t i = 0; i < d.n; i++) {
        if (d.items[i]->sev != RM_SEV_ERROR)
            continue;
        uint32_t line = 0, col = 0;
        rm_source_line_col(src, d.items[i]->loc.off, &line, &col);
        w->got_line = d.items[i]->loc.file == RM_FILE_NONE ? 0 : (int)line;
        snprintf(w->got_msg, sizeof w->got_msg, "%s", d.items[i]->msg);
        break;
    }
    if (!w->expect_valid) {
        size_t n = strcspn(w->got_msg, "\n");
        w->same_text = strlen(w->expect_msg) == n && strncmp(w->expect_msg, w->got_msg, n) == 0;
    }
    w->agree =
        w->got_valid == w->expect_valid && (w->expect_valid || w->got_line == w->expect_line);
    for (size_t i = 0; i < RM_ARRAY_LEN(known_disagreements); i++)
        if (strcmp(known_disagreements[i].file, w->name) == 0)
            w->known = known_disagreements[i].reason;
    if (!w->agree)
        printf("DISAGREE %s: prisma %s (line %d), relmig %s (line %d): %s%s%s\n", w->name,
               w->expect_valid ? "valid" : "invalid", w->expect_line,
               w->got_valid ? "valid" : "invalid", w->got_line, w->got_msg,
               w->known ? "\n    known: " : "", w->known ? w->known : "");
    rm_arena_free(&a);
    rm_diags_free(&d);
    rm_sources_free(&srcs);
}

static void run_row(void **state)
{
    row *w = *state;
    if (w->known) {
        if (w->agree)
            fail_msg("%s is listed as a known disagreement but now agrees: update the list and "
                     "docs/conformance.md",
                     w->name);
        return;
    }
    if (!w->agree)
        fail_msg("%s: prisma says %s (first error line %d), relmig says %s (line %d): %s", w->name,
                 w->expect_valid ? "valid" : "invalid", w->expect_line,
                 w->got_valid ? "valid" : "invalid", w->got_line, w->got_msg);
}

static void agreement(void **state)
{
    (void)state;
    size_t ok = 0;
    for (size_t i = 0; i < nrows; i++)
        ok += rows[i].agree;
    double pct = nrows ? 100.0 * (double)ok / (double)nrows : 0.0;
    printf("prisma validation conformance: %zu/%zu files agree (%.1f%%)\n", ok, nrows, pct);
    /* Informational: same first-error text as Prisma (prefix removed). */
    size_t invalid = 0, same = 0;
    for (size_t i = 0; i < nrows; i++) {
        if (rows[i].expect_valid)
            continue;
        invalid++;
        same += rows[i].same_text;
        if (!rows[i].same_text && getenv("RELMIG_CONFORMANCE_VERBOSE"))
            printf("TEXT %s\n  prisma: %s\n  relmig: %s\n", rows[i].name, rows[i].expect_msg,
                   rows[i].got_msg);
    }
    printf("first error with Prisma's exact text: %zu/%zu invalid files\n", same, invalid);
    size_t same_count = 0;
    for (size_t i = 0; i < nrows; i++) {
        same_count += rows[i].expect_errors == rows[i].got_errors;
        if (rows[i].expect_errors != rows[i].got_errors && getenv("RELMIG_CONFORMANCE_VERBOSE"))
            printf("COUNT %s: prisma %d errors, relmig %d\n", rows[i].name, rows[i].expect_errors,
                   rows[i].got_errors);
    }
    printf("same number of errors as Prisma: %zu/%zu files\n", same_count, nrows);
    size_t with_warnings = 0, same_warnings = 0;
    for (size_t i = 0; i < nrows; i++) {
        if (rows[i].expect_warnings == 0 && rows[i].got_warnings == 0)
            continue;
        with_warnings++;
        same_warnings += rows[i].expect_warnings == rows[i].got_warnings;
        if (rows[i].expect_warnings != rows[i].got_warnings && getenv("RELMIG_CONFORMANCE_VERBOSE"))
            printf("WARNINGS %s: prisma %d, relmig %d\n", rows[i].name, rows[i].expect_warnings,
                   rows[i].got_warnings);
    }
    printf("same number of warnings as Prisma: %zu/%zu files with warnings\n", same_warnings,
           with_warnings);
    assert_true(nrows >= 70); /* the corpus has 74 files; fewer means it was not found */
    assert_true(pct >= 95.0);
}

int main(void)
{
    add_files(CORPUS, "");
    if (nrows == 0) {
        printf("corpus not found at %s\n", CORPUS);
        return 1;
    }
    qsort(rows, nrows, sizeof *rows, cmp_rows);
    for (size_t i = 0; i < nrows; i++)
        evaluate(&rows[i]);
    struct CMUnitTest *tests = calloc(nrows + 1, sizeof *tests);
    for (size_t i = 0; i < nrows; i++)
        tests[i] = (struct CMUnitTest){
            .name = rows[i].name, .test_func = run_row, .initial_state = &rows[i]};
    tests[nrows] =
        (struct CMUnitTest){.name = "agreement_at_least_95_percent", .test_func = agreement};
    int rc = _cmocka_run_group_tests("prisma_conformance", tests, nrows + 1, NULL, NULL);
    free(tests);
    free(rows);
    return rc;
}
