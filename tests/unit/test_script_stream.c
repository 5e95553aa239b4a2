/*
 * Differential test of the streamed migration script (rm_diff_render_sql, which writes each
 * statement straight into the output) against the kept one (rm_diff_to_script, then
 * rm_sql_script_render), which `apply`, `migrate` and the database tests use: the same text,
 * byte for byte, in all three dialects, warnings block on and off.
 *
 * Inputs, one row each: every Prisma schema of the shared corpus that builds without errors
 * (empty -> schema and schema -> empty), every golden diff case of tests/golden/diff (from ->
 * to and back), and generated pairs of physical schemas (seeded, in the text form of
 * sqlschema/text.h) whose random differences reach every change kind: tables, columns, types,
 * nullability, defaults, keys, indexes, foreign keys, enum values added and removed (the
 * PostgreSQL recreation with its preamble-less and multi-value steps) and SQLite table
 * redefinitions. Not a golden test: what the text should be is test_diff_golden's business.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "diff/diff.h"
#include "model/schema.h"
#include "sqlschema/lower.h"
#include "sqlschema/text.h"
#include "test_schema_text.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CORPUS RELMIG_SHARED_DIR "/corpus"
#define GOLDEN_DIFF RELMIG_SOURCE_DIR "/tests/golden/diff"
#define NGENERATED 300

static const rm_dialect *const dialects[] = {&rm_dialect_postgres, &rm_dialect_mysql,
                                             &rm_dialect_sqlite};

typedef enum row_kind { ROW_PRISMA, ROW_GOLDEN, ROW_GENERATED } row_kind;

typedef struct row {
    row_kind kind;
    char path[512]; /* ROW_PRISMA: the schema file; ROW_GOLDEN: the case folder */
    unsigned seed;  /* ROW_GENERATED */
} row;

/* Shared by every row: how many diffs were compared, so the run can prove it compared some. */
static size_t compared;

/* Both renderings of from -> to, compared; warnings on and off. */
static void check_pair(const rm_sqlschema *from, const rm_sqlschema *to, const rm_dialect *d,
                       const char *what)
{
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_diags dg;
    rm_diags_init(&dg);
    rm_diff diff;
    assert_int_equal(rm_diff_schemas(&diff, from, to, d, &a, &dg), RM_OK);
    for (int warnings = 0; warnings < 2; warnings++) {
        rm_sb streamed = RM_SB_INIT, kept = RM_SB_INIT;
        rm_sb_puts(&streamed, "prefix\n"); /* appended to, not overwritten */
        rm_sb_puts(&kept, "prefix\n");
        int rc_stream = rm_diff_render_sql(&streamed, &diff, warnings, &dg);
        rm_sql_script script;
        int rc_keep = rm_diff_to_script(&script, &diff, &a, &dg);
        if (rc_keep == RM_OK)
            rm_sql_script_render(&kept, &script, warnings);
        if (rc_stream != rc_keep || strcmp(rm_sb_str(&streamed), rm_sb_str(&kept)) != 0) {
            print_error("%s, %s, warnings %d: streamed (rc %d) and kept (rc %d) scripts "
                        "differ\n--- streamed\n%s\n--- kept\n%s\n",
                        what, d->name, warnings, rc_stream, rc_keep, rm_sb_str(&streamed),
                        rm_sb_str(&kept));
            fail();
        }
        compared++;
        rm_sb_free(&streamed);
        rm_sb_free(&kept);
    }
    rm_diags_free(&dg);
    rm_arena_free(&a);
}

static void run_prisma(const row *r)
{
    rm_sources srcs;
    rm_sources_init(&srcs);
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_diags dg;
    rm_diags_init(&dg);
    char *text = NULL;
    size_t len = 0;
    text = rm_test_read_file(r->path, &len);
    assert_non_null(text);
    rm_sources_add(&srcs, r->path, text, len);
    free(text);
    rm_graph *g = NULL;
    if (rm_schema_build(&g, &srcs, &a, &dg) == RM_OK && !rm_diags_has_errors(&dg)) {
        for (size_t k = 0; k < RM_ARRAY_LEN(dialects); k++) {
            rm_sqlschema s, empty;
            rm_diags ld;
            rm_diags_init(&ld);
            int rc = rm_sqlschema_lower(&s, g, dialects[k], NULL, &a, &ld);
            rm_diags_free(&ld);
            if (rc != RM_OK)
                continue; /* e.g. scalar lists on MySQL: nothing to render */
            rm_sqlschema_init(&empty, &a);
            check_pair(&empty, &s, dialects[k], r->path);
            check_pair(&s, &empty, dialects[k], r->path);
        }
    }
    rm_diags_free(&dg);
    rm_arena_free(&a);
    rm_sources_free(&srcs);
}

static void run_golden(const row *r)
{
    for (size_t k = 0; k < RM_ARRAY_LEN(dialects); k++) {
        rm_sources srcs;
        rm_sources_init(&srcs);
        rm_arena a;
        rm_arena_init(&a, 0);
        rm_sqlschema from, to;
        assert_true(rm_test_load_schema_text(&from, r->path, "from", dialects[k], false, &srcs,
                                             &a));
        assert_true(rm_test_load_schema_text(&to, r->path, "to", dialects[k], false, &srcs, &a));
        check_pair(&from, &to, dialects[k], r->path);
        check_pair(&to, &from, dialects[k], r->path);
        rm_arena_free(&a);
        rm_sources_free(&srcs);
    }
}

/* ---- generated schemas ---------------------------------------------------------------- */

static unsigned next_rand(unsigned *state)
{
    *state = *state * 1103515245u + 12345u;
    return (*state >> 16) & 0x7fff;
}

static bool chance(unsigned *st, unsigned percent)
{
    return next_rand(st) % 100 < percent;
}

/* One version of a small universe of names (tables T0..T5, columns c0..c4, enums E0 and E1
 * over values A..E): each part is in or out, and typed, at random, so two versions drawn from
 * different states differ in every way the differ knows. Every table has `id int` as its
 * primary key, so foreign keys always have a target. */
static void gen_schema(rm_sb *sb, unsigned st)
{
    static const char *const families[] = {"int",    "bigint",   "float", "decimal",
                                           "string", "datetime", "json",  "boolean"};
    static const char *const values = "ABCDE";
    static const char *const actions[] = {"noaction", "restrict", "cascade", "setnull"};
    bool enum_in[2];
    for (int e = 0; e < 2; e++) {
        enum_in[e] = chance(&st, 70);
        if (!enum_in[e])
            continue;
        rm_sb_appendf(sb, "enum E%d", e);
        for (int v = 0; v < 5; v++)
            if (v == 4 || chance(&st, 60)) { /* E always: enum defaults use it */
                rm_sb_appendf(sb, " %c", values[v]);
            }
        rm_sb_putc(sb, '\n');
    }
    bool table_in[6];
    for (int t = 0; t < 6; t++)
        table_in[t] = chance(&st, 75);
    for (int t = 0; t < 6; t++) {
        if (!table_in[t])
            continue;
        rm_sb_appendf(sb, "table T%d\n  column id int%s\n", t,
                      chance(&st, 30) ? " autoincrement" : "");
        bool col_in[5];
        for (int c = 0; c < 5; c++) {
            col_in[c] = chance(&st, 70);
            if (!col_in[c])
                continue;
            const char *fam = families[next_rand(&st) % RM_ARRAY_LEN(families)];
            int e = (int)(next_rand(&st) % 2);
            bool is_enum = enum_in[e] && chance(&st, 25);
            rm_sb_appendf(sb, "  column c%d ", c);
            if (is_enum)
                rm_sb_appendf(sb, "enum enum=E%d", e);
            else
                rm_sb_puts(sb, fam);
            if (chance(&st, 50))
                rm_sb_puts(sb, " null");
            if (is_enum && chance(&st, 40))
                rm_sb_puts(sb, " default=enum:E"); /* E is in every enum */
            else if (!is_enum && strcmp(fam, "string") == 0 && chance(&st, 40))
                rm_sb_puts(sb, chance(&st, 50) ? " default=string:x" : " default=\"string:it's\"");
            else if (!is_enum && strcmp(fam, "int") == 0 && chance(&st, 40))
                rm_sb_appendf(sb, " default=number:%u", next_rand(&st) % 3);
            else if (!is_enum && strcmp(fam, "datetime") == 0 && chance(&st, 40))
                rm_sb_puts(sb, " default=now");
            rm_sb_putc(sb, '\n');
        }
        bool fk_col = chance(&st, 60);
        if (fk_col)
            rm_sb_puts(sb, "  column ref int null\n");
        rm_sb_appendf(sb, "  pk name=T%d_pkey id\n", t);
        for (int c = 0; c < 5; c++) {
            if (!col_in[c] || !chance(&st, 30))
                continue;
            bool unique = chance(&st, 50);
            rm_sb_appendf(sb, "  index T%d_c%d_%s c%d%s%s\n", t, c, unique ? "key" : "idx", c,
                          chance(&st, 30) ? ":desc" : "", unique ? " unique" : "");
        }
        if (fk_col) {
            int target = (int)(next_rand(&st) % 6);
            if (table_in[target])
                rm_sb_appendf(sb, "  fk T%d_ref_fkey ref -> T%d id ondelete=%s onupdate=%s\n", t,
                              target, actions[next_rand(&st) % 4], actions[next_rand(&st) % 4]);
        }
    }
}

static void parse_generated(rm_sqlschema *out, unsigned seed, const rm_dialect *d, rm_sources *srcs,
                            rm_arena *a)
{
    rm_sb text = RM_SB_INIT;
    gen_schema(&text, seed);
    char name[64];
    snprintf(name, sizeof name, "generated-%u.schema", seed);
    rm_source *src = rm_sources_add(srcs, name, rm_sb_str(&text), text.len);
    rm_diags dg;
    rm_diags_init(&dg);
    int rc = rm_sqlschema_parse_text(out, src, d, a, &dg);
    if (rc != RM_OK) {
        rm_test_print_diags(srcs, &dg);
        print_error("%s\n", rm_sb_str(&text));
    }
    rm_diags_free(&dg);
    rm_sb_free(&text);
    assert_int_equal(rc, RM_OK);
}

static void run_generated(const row *r)
{
    for (size_t k = 0; k < RM_ARRAY_LEN(dialects); k++) {
        rm_sources srcs;
        rm_sources_init(&srcs);
        rm_arena a;
        rm_arena_init(&a, 0);
        rm_sqlschema v1, v2;
        parse_generated(&v1, r->seed * 2 + 1, dialects[k], &srcs, &a);
        parse_generated(&v2, r->seed * 2 + 2, dialects[k], &srcs, &a);
        char what[64];
        snprintf(what, sizeof what, "generated pair %u", r->seed);
        check_pair(&v1, &v2, dialects[k], what);
        check_pair(&v2, &v1, dialects[k], what);
        rm_arena_free(&a);
        rm_sources_free(&srcs);
    }
}

static void run_row(void **state)
{
    const row *r = *state;
    switch (r->kind) {
    case ROW_PRISMA:
        run_prisma(r);
        break;
    case ROW_GOLDEN:
        run_golden(r);
        break;
    case ROW_GENERATED:
        run_generated(r);
        break;
    }
}

/* The last row: the rows before it did compare something (a corpus that moved away would
 * otherwise make every row pass by comparing nothing). */
static void some_compared(void **state)
{
    (void)state;
    assert_true(compared > 1000);
}

#define MAX_ROWS 1024
static row rows[MAX_ROWS];
static size_t nrows;

static void add_dir(row_kind kind, const char *dir, const char *ext)
{
    char *names[256];
    size_t n = rm_test_list_files(names, 256, dir, ext, NULL);
    for (size_t i = 0; i < n && nrows < MAX_ROWS; i++) {
        rows[nrows].kind = kind;
        snprintf(rows[nrows].path, sizeof rows[nrows].path, "%s/%s", dir, names[i]);
        nrows++;
    }
    rm_test_free_names(names, n);
}

int main(void)
{
    static const char *const prisma_dirs[] = {
        CORPUS "/real-schemas",
        CORPUS "/prisma/other/engine_7.10_outputs",
        CORPUS "/prisma/other/single_migration_tests/postgres",
        CORPUS "/prisma/other/single_migration_tests/mysql",
        CORPUS "/prisma/other/single_migration_tests/sqlite",
        CORPUS "/prisma/validation/derived_prisma_7.10",
        CORPUS "/prisma/validation/relations",
        RELMIG_SOURCE_DIR "/tests/golden/equivalence",
    };
    for (size_t i = 0; i < RM_ARRAY_LEN(prisma_dirs); i++)
        add_dir(ROW_PRISMA, prisma_dirs[i], ".prisma");
    /* Golden diff cases are folders: list them through their expectation files' folder. */
    char *cases[128];
    size_t ncases = rm_test_list_files(cases, 128, GOLDEN_DIFF, "", NULL);
    for (size_t i = 0; i < ncases && nrows < MAX_ROWS; i++) {
        if (cases[i][0] == '.')
            continue;
        rows[nrows].kind = ROW_GOLDEN;
        snprintf(rows[nrows].path, sizeof rows[nrows].path, "%s/%s", GOLDEN_DIFF, cases[i]);
        nrows++;
    }
    rm_test_free_names(cases, ncases);
    for (unsigned s = 0; s < NGENERATED && nrows < MAX_ROWS; s++) {
        rows[nrows].kind = ROW_GENERATED;
        rows[nrows].seed = s;
        snprintf(rows[nrows].path, sizeof rows[nrows].path, "generated pair %u", s);
        nrows++;
    }
    struct CMUnitTest *tests = calloc(nrows + 1, sizeof *tests);
    for (size_t i = 0; i < nrows; i++) {
        tests[i].name = rows[i].path;
        tests[i].test_func = run_row;
        tests[i].initial_state = &rows[i];
    }
    tests[nrows].name = "compared more than 1000 scripts";
    tests[nrows].test_func = some_compared;
    int rc = _cmocka_run_group_tests("script_stream", tests, nrows + 1, NULL, NULL);
    free(tests);
    return rc;
}
