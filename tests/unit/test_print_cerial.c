/*
 * The Cerial printer (model/print_cerial.c): for every Prisma schema of the real-schemas
 * corpus, Prisma's 7.10 example schemas and the graph goldens, the printed Cerial text must be
 * accepted by Cerial's own rules (relmig's Cerial parser and validator, through
 * rm_schema_build on a .cerial source) with no error and describe the same models (names made
 * PascalCase) with the same scalar fields (first letter made lower-case) plus, for a model
 * without a single-field key, the generated `id Record @id` Cerial requires; the same number
 * of relations; and it must be a fixed point: Cerial -> graph -> Cerial prints the same text
 * again. Everything the printer could not express must have produced an E0870
 * warning. One row per schema; the Cerial text of the graph goldens is kept as golden files in
 * tests/golden/print/ (RELMIG_UPDATE_GOLDEN=1 rewrites them).
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "model/print.h"
#include "model/schema.h"
#include "test_built.h"
#include "testutil.h"
#include "util/diag_render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ROWS 128

typedef struct row {
    char name[160];
    char path[1024];
    char golden[1024];
} row;

static row rows[MAX_ROWS];
static size_t nrows;

/* Every *.prisma in dir but Prisma's .result. fixtures (sorted), as rows named prefix/file;
 * with golden set, a golden file tests/golden/print/<prefix>_<file>.cerial per row. */
static void add_dir(const char *dir, const char *prefix, bool golden)
{
    char *names[MAX_ROWS];
    size_t n = rm_test_list_files(names, MAX_ROWS - nrows, dir, ".prisma", ".result.");
    for (size_t i = 0; i < n; i++) {
        row *r = &rows[nrows++];
        snprintf(r->name, sizeof r->name, "%s/%s", prefix, names[i]);
        snprintf(r->path, sizeof r->path, "%s/%s", dir, names[i]);
        r->golden[0] = 0;
        if (golden)
            snprintf(r->golden, sizeof r->golden, "%s/tests/golden/print/%s_%.*s.cerial",
                     RELMIG_SOURCE_DIR, prefix, (int)(strlen(names[i]) - 7), names[i]);
    }
    rm_test_free_names(names, n);
}

static size_t count_id(const rm_diags *d, uint16_t id)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n; i++)
        n += d->items[i]->id == id;
    return n;
}

/* The name rules the printer documents, written out independently here. */
static void pascal(char *out, size_t cap, const char *name)
{
    size_t k = 0;
    bool up = true;
    for (const char *p = name; *p && k + 1 < cap; p++) {
        if (*p == '_') {
            up = true;
            continue;
        }
        out[k++] = up && *p >= 'a' && *p <= 'z' ? (char)(*p - 32) : *p;
        up = false;
    }
    out[k] = 0;
}

static void camel(char *out, size_t cap, const char *name)
{
    snprintf(out, cap, "%s", name);
    if (out[0] >= 'A' && out[0] <= 'Z')
        out[0] = (char)(out[0] + 32);
}

static size_t scalars(const rm_model *m)
{
    size_t n = 0;
    for (size_t i = 0; i < m->nfields; i++)
        n += m->fields[i].kind == RM_FIELD_SCALAR;
    return n;
}

static void run_row(void **state)
{
    const row *r = *state;
    size_t len = 0;
    char *text = rm_test_read_file(r->path, &len);
    assert_non_null(text);
    rm_test_built b1, b2;
    rm_test_build_text(&b1, r->name, text, len);
    free(text);
    assert_int_equal(b1.d.nerrors, 0);
    rm_diags pd;
    rm_diags_init(&pd);
    rm_sb c1 = RM_SB_INIT;
    rm_print_cerial(&c1, b1.g, &pd);
    rm_test_build_text(&b2, "printed.cerial", rm_sb_str(&c1), c1.len);
    if (b2.d.nerrors)
        printf("--- printed ---\n%s", rm_sb_str(&c1));
    assert_int_equal(b2.d.nerrors, 0);
    /* Same models (by name) with the same scalar fields. */
    assert_int_equal(b2.g->nmodels, b1.g->nmodels);
    size_t lost_fields = 0;
    for (size_t i = 0; i < b1.g->nmodels; i++) {
        const rm_model *m1 = &b1.g->models[i];
        char mn[256], fn[256];
        pascal(mn, sizeof mn, m1->name);
        uint32_t j = rm_graph_find_model(b2.g, mn);
        if (j == RM_NONE)
            printf("%s: model %s (%s) lost\n", r->name, m1->name, mn);
        assert_true(j != RM_NONE);
        const rm_model *m2 = &b2.g->models[j];
        for (size_t k = 0; k < m1->nfields; k++) {
            camel(fn, sizeof fn, m1->fields[k].name);
            if (m1->fields[k].kind == RM_FIELD_SCALAR && rm_model_find_field(m2, fn) == RM_NONE) {
                printf("%s: field %s.%s lost\n", r->name, m1->name, m1->fields[k].name);
                lost_fields++;
            }
        }
        /* a key Cerial can hold: one String or Int field */
        bool single = m1->primary_key && m1->primary_key->nfields == 1 &&
                      (m1->fields[m1->primary_key->fields[0].field].scalar == RM_SCALAR_STRING ||
                       m1->fields[m1->primary_key->fields[0].field].scalar == RM_SCALAR_INT ||
                       m1->fields[m1->primary_key->fields[0].field].scalar == RM_SCALAR_BIGINT);
        size_t want = scalars(m1) + (single ? 0 : 1);
        if (scalars(m2) != want)
            printf("%s: model %s has %zu scalar fields, want %zu\n", r->name, m1->name,
                   scalars(m2), want);
        assert_int_equal(scalars(m2), want);
        assert_true(m2->primary_key && m2->primary_key->nfields == 1);
    }
    assert_int_equal(lost_fields, 0);
    /* No Cerial form (commented out, warned): relations over a composite foreign key, and
     * many-to-many relations that are self relations or share their two models with another
     * relation (Cerial cannot name a many-to-many). */
    size_t composite = 0;
    for (size_t i = 0; i < b1.g->nrelations; i++) {
        const rm_relation *x = &b1.g->relations[i];
        if (x->card != RM_CARD_MANY_TO_MANY_IMPLICIT) {
            composite += x->nfk != 1;
            continue;
        }
        size_t pair = 0;
        for (size_t k = 0; k < b1.g->nrelations; k++) {
            const rm_relation *y = &b1.g->relations[k];
            pair += (y->from.model == x->from.model && y->to.model == x->to.model) ||
                    (y->from.model == x->to.model && y->to.model == x->from.model);
        }
        composite += x->self || pair > 1;
    }
    if (b2.g->nrelations != b1.g->nrelations - composite)
        printf("%s: %zu relations, was %zu (%zu composite)\n", r->name, b2.g->nrelations,
               b1.g->nrelations, composite);
    assert_int_equal(b2.g->nrelations, b1.g->nrelations - composite);
    /* Every model's table name differs unless it already was Cerial's: those are warned. */
    assert_true(count_id(&pd, RM_E_PRINT_CERIAL_UNSUPPORTED) > 0 || b1.g->nmodels == 0 ||
                strstr(rm_sb_str(&c1), "# ") == NULL);
    /* Fixed point through Cerial. */
    rm_diags pd2;
    rm_diags_init(&pd2);
    rm_sb c2 = RM_SB_INIT;
    rm_print_cerial(&c2, b2.g, &pd2);
    rm_test_built b3;
    rm_test_build_text(&b3, "printed2.cerial", rm_sb_str(&c2), c2.len);
    assert_int_equal(b3.d.nerrors, 0);
    rm_sb c3 = RM_SB_INIT;
    rm_diags pd3;
    rm_diags_init(&pd3);
    rm_print_cerial(&c3, b3.g, &pd3);
    assert_string_equal(rm_sb_str(&c2), rm_sb_str(&c3));
    if (r->golden[0])
        assert_true(rm_test_golden(r->golden, rm_sb_str(&c1)));
    rm_sb_free(&c1);
    rm_sb_free(&c2);
    rm_sb_free(&c3);
    rm_diags_free(&pd);
    rm_diags_free(&pd2);
    rm_diags_free(&pd3);
    rm_test_built_free(&b1);
    rm_test_built_free(&b2);
    rm_test_built_free(&b3);
}

int main(void)
{
    add_dir(RELMIG_SHARED_DIR "/corpus/real-schemas", "real", false);
    add_dir(RELMIG_SHARED_DIR "/corpus/prisma/other/engine_7.10_outputs", "engine", false);
    add_dir(RELMIG_SOURCE_DIR "/tests/golden/graph", "graph", true);
    if (nrows < 20) {
        printf("expected at least 20 input schemas, found %zu\n", nrows);
        return 1;
    }
    static struct CMUnitTest tests[MAX_ROWS];
    for (size_t i = 0; i < nrows; i++)
        tests[i] = (struct CMUnitTest){.name = rows[i].name, .test_func = run_row,
                                       .initial_state = &rows[i]};
    return _cmocka_run_group_tests("print_cerial", tests, nrows, NULL, NULL);
}
