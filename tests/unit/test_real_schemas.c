/*
 * Real-world Prisma schemas (shared/corpus/real-schemas, read in place) must validate with zero
 * errors and produce the right numbers of models, enums and relations. Model/enum/view counts
 * come from the corpus INDEX.md table; the relation count is computed here by a deliberately
 * simple, independent text scan (never by asking relmig): one relation per `@relation(...)`
 * holding `fields:`, plus one per pair of list fields that point at each other with the same
 * relation name (implicit many-to-many). One test row per schema.
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

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DIR_ RELMIG_SHARED_DIR "/corpus/real-schemas"

typedef struct row {
    char file[256];
    int models, enums, views;
} row;

static row rows[64];
static size_t nrows;

/* Rows of INDEX.md: | # | `file` | repo | path | commit | license | provider | lines |
 * models / enums / views | ... */
static void read_index(void)
{
    char *idx = rm_test_read_file(DIR_ "/INDEX.md", NULL);
    if (!idx)
        return;
    for (char *line = strtok(idx, "\n"); line && nrows < 64; line = strtok(NULL, "\n")) {
        if (strncmp(line, "| ", 2) != 0 || !isdigit((unsigned char)line[2]))
            continue;
        char *tick = strchr(line, '`');
        char *end = tick ? strchr(tick + 1, '`') : NULL;
        if (!end)
            continue;
        row *r = &rows[nrows];
        snprintf(r->file, sizeof r->file, "%.*s", (int)(end - tick - 1), tick + 1);
        /* The counts column is the 9th cell. */
        char *p = line;
        for (int cell = 0; cell < 8 && p; cell++)
            p = strchr(p + 1, '|');
        if (!p || sscanf(p + 1, " %d / %d / %d", &r->models, &r->enums, &r->views) != 3)
            continue;
        nrows++;
    }
    free(idx);
}

/* ---- the independent relation count ---------------------------------------------------- */

typedef struct listfield {
    char model[128], target[128], name[128];
    bool used;
} listfield;

static bool ident_char(char c)
{
    return isalnum((unsigned char)c) || c == '_';
}

static int count_relations(const char *text)
{
    /* Model names first. */
    char models[512][128];
    size_t nm = 0;
    for (const char *p = text; (p = strstr(p, "\nmodel ")) != NULL; p++) {
        const char *s = p + 7;
        size_t n = 0;
        while (ident_char(s[n]) && n < 127)
            n++;
        if (nm < 512)
            snprintf(models[nm++], 128, "%.*s", (int)n, s);
    }
    static listfield lists[2048];
    size_t nl = 0;
    int fk = 0;
    char cur[128] = "";
    const char *p = text;
    while (*p) {
        const char *nl_ = strchr(p, '\n');
        size_t len = nl_ ? (size_t)(nl_ - p) : strlen(p);
        char line[2048];
        snprintf(line, sizeof line, "%.*s", (int)(len < 2047 ? len : 2047), p);
        char *cmt = strstr(line, "//");
        if (cmt)
            *cmt = 0;
        if (strncmp(line, "model ", 6) == 0) {
            sscanf(line + 6, "%127[A-Za-z0-9_]", cur);
        } else if (line[0] == '}') {
            cur[0] = 0;
        } else if (cur[0]) {
            char fname[128], ftype[256];
            if (sscanf(line, " %127s %255s", fname, ftype) == 2 && fname[0] != '@') {
                char *rel = strstr(line, "@relation(");
                if (rel && strstr(rel, "fields:"))
                    fk++;
                size_t tl = strlen(ftype);
                if (tl > 2 && strcmp(ftype + tl - 2, "[]") == 0) {
                    ftype[tl - 2] = 0;
                    bool is_model = false;
                    for (size_t i = 0; i < nm; i++)
                        is_model = is_model || strcmp(models[i], ftype) == 0;
                    if (is_model && nl < 2048) {
                        listfield *lf = &lists[nl++];
                        memset(lf, 0, sizeof *lf);
                        snprintf(lf->model, 128, "%.127s", cur);
                        snprintf(lf->target, 128, "%.127s", ftype);
                        if (rel) {
                            char *q = strchr(rel, '"');
                            if (q && (q - rel) < 20)
                                sscanf(q + 1, "%127[^\"]", lf->name);
                        }
                    }
                }
            }
        }
        p = nl_ ? nl_ + 1 : p + len;
    }
    int mn = 0;
    for (size_t i = 0; i < nl; i++) {
        if (lists[i].used)
            continue;
        for (size_t k = i + 1; k < nl; k++) {
            if (lists[k].used)
                continue;
            if (strcmp(lists[i].model, lists[k].target) == 0 &&
                strcmp(lists[i].target, lists[k].model) == 0 &&
                strcmp(lists[i].name, lists[k].name) == 0) {
                lists[i].used = lists[k].used = true;
                mn++;
                break;
            }
        }
    }
    return fk + mn;
}

static void run_row(void **state)
{
    const row *r = *state;
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", DIR_, r->file);
    size_t len = 0;
    char *text = rm_test_read_file(path, &len);
    assert_non_null(text);
    int want_relations = count_relations(text);
    rm_sources srcs;
    rm_sources_init(&srcs);
    rm_sources_add(&srcs, r->file, text, len);
    free(text);
    rm_diags d;
    rm_diags_init(&d);
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_graph *g = NULL;
    int rc = rm_schema_build(&g, &srcs, &a, &d);
    if (d.nerrors > 0) {
        rm_sb out = RM_SB_INIT;
        rm_render_opts o = {false, false};
        rm_diags_render_text(&out, &srcs, &d, &o);
        printf("%s", rm_sb_str(&out));
        rm_sb_free(&out);
    }
    assert_int_equal(d.nerrors, 0);
    assert_int_equal(rc, RM_OK);
    size_t views = 0;
    for (size_t i = 0; i < g->nmodels; i++)
        views += g->models[i].is_view;
    printf("%s: %zu models, %zu enums, %zu relations (scan: %d)\n", r->file, g->nmodels - views,
           g->nenums, g->nrelations, want_relations);
    assert_int_equal(g->nmodels - views, r->models);
    assert_int_equal(views, r->views);
    assert_int_equal(g->nenums, r->enums);
    assert_int_equal(g->nrelations, want_relations);
    rm_arena_free(&a);
    rm_diags_free(&d);
    rm_sources_free(&srcs);
}

int main(void)
{
    read_index();
    if (nrows < 11) {
        printf("expected 11 schemas in %s/INDEX.md, found %zu\n", DIR_, nrows);
        return 1;
    }
    struct CMUnitTest tests[64];
    for (size_t i = 0; i < nrows; i++)
        tests[i] = (struct CMUnitTest){
            .name = rows[i].file, .test_func = run_row, .initial_state = &rows[i]};
    return _cmocka_run_group_tests("real_schemas", tests, nrows, NULL, NULL);
}
