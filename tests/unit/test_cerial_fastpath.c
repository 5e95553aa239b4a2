/*
 * Differential tests of the Cerial front end's fast paths: every input is parsed and validated
 * twice, once with the fast paths (hand-written line recognisers in cerial_parse.c, the
 * validator's scans and fused passes) and once with them off (every line through its pcre2
 * pattern, rm_cerial_schema.no_fast_paths), and the two results must be equal
 * byte for byte: the AST dump (rm_cerial_schema_dump, locations included) and every
 * diagnostic (severity, id, location, message, detail). Inputs: every .cerial file of the
 * shared corpus (read in place) and of tests/golden/cerial, each on its own; and generated
 * schemas whose field lines mix the common shapes with the near misses the recognisers must
 * decline (comments, !!private, tabs, CR, non-ASCII, unclosed parentheses, glued tokens...).
 * One row per input set.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "parser/cerial.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CORPUS RELMIG_SHARED_DIR "/corpus/cerial"
#define GOLDEN RELMIG_SOURCE_DIR "/tests/golden/cerial"

typedef struct diff_ctx {
    rm_cerial_ctx *fast, *slow;
    size_t ninputs, nlines;
} diff_ctx;

/* Parse + validate text with ctx; everything the result holds, as text, into out. */
static void run_one(rm_sb *out, rm_cerial_ctx *ctx, const char *name, const char *text, size_t len,
                    bool strict, size_t max_errors)
{
    rm_sources srcs;
    rm_diags d;
    rm_arena a;
    rm_cerial_schema *raw = NULL, *res = NULL;
    rm_cerial_opts opts = {strict};
    uint32_t id;
    size_t i;
    rm_sources_init(&srcs);
    rm_diags_init(&d);
    if (max_errors != 0)
        d.max_errors = max_errors;
    rm_arena_init(&a, 0);
    id = rm_sources_add(&srcs, name, text, len)->id;
    rm_cerial_parse(&raw, ctx, &srcs, &id, 1, &a, &d);
    rm_sb_puts(out, "== parse\n");
    rm_cerial_schema_dump(out, raw);
    if (d.nerrors == 0) {
        rm_cerial_validate(&res, raw, &opts, &a, &d);
        rm_sb_puts(out, "== validate\n");
        rm_cerial_schema_dump(out, res);
    }
    rm_sb_appendf(out, "== diagnostics: %zu errors, %zu warnings, %zu dropped\n", d.nerrors,
                  d.nwarnings, d.dropped);
    for (i = 0; i < d.n; i++) {
        const rm_diag *g = d.items[i];
        rm_sb_appendf(out, "%u %d E%04u @%u:%u+%u %s | %s | %s\n", (unsigned)g->seq, (int)g->sev,
                      (unsigned)g->id, (unsigned)g->loc.file, (unsigned)g->loc.off,
                      (unsigned)g->loc.len, g->msg, g->detail ? g->detail : "-",
                      g->hint ? g->hint : "-");
    }
    rm_arena_free(&a);
    rm_diags_free(&d);
    rm_sources_free(&srcs);
}

/* Both paths on one input; on a difference, print the first differing line of each. */
static void check_same(diff_ctx *dc, const char *name, const char *text, size_t len)
{
    int run;
    size_t i;
    for (i = 0; i < len; i++)
        dc->nlines += text[i] == '\n';
    /* default options, strict, and a small error limit (fused findings are put back in order
     * before the limit applies) */
    for (run = 0; run < 3; run++) {
        rm_sb f = RM_SB_INIT, s = RM_SB_INIT;
        run_one(&f, dc->fast, name, text, len, run == 1, run == 2 ? 5 : 0);
        run_one(&s, dc->slow, name, text, len, run == 1, run == 2 ? 5 : 0);
        if (f.len != s.len || memcmp(rm_sb_str(&f), rm_sb_str(&s), f.len) != 0) {
            const char *a = rm_sb_str(&f), *b = rm_sb_str(&s);
            size_t k = 0, line = 0;
            while (a[k] && a[k] == b[k])
                k++;
            while (k > 0 && a[k - 1] != '\n')
                k--;
            for (i = 0; i < k; i++)
                line += a[i] == '\n';
            print_message("%s: fast and slow paths differ at dump line %zu\n fast: %.200s\n "
                          "slow: %.200s\n",
                          name, line + 1, a + k, b + k);
            rm_sb_free(&f);
            rm_sb_free(&s);
            fail();
        }
        rm_sb_free(&f);
        rm_sb_free(&s);
    }
    dc->ninputs++;
}

static void check_dir(diff_ctx *dc, const char *dir)
{
    char *names[4096];
    size_t n = rm_test_list_files(names, RM_ARRAY_LEN(names), dir, ".cerial", NULL), i;
    assert_true(n > 0);
    for (i = 0; i < n; i++) {
        char path[4096];
        size_t len;
        char *text;
        snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
        text = rm_test_read_file(path, &len);
        assert_non_null(text);
        check_same(dc, names[i], text, len);
        free(text);
    }
    rm_test_free_names(names, n);
}

static int setup(void **state)
{
    diff_ctx *dc = calloc(1, sizeof(*dc));
    dc->fast = rm_cerial_ctx_new();
    dc->slow = rm_cerial_ctx_new();
    rm_cerial_ctx_set_fast(dc->slow, false);
    *state = dc;
    return 0;
}

static int teardown(void **state)
{
    diff_ctx *dc = *state;
    rm_cerial_ctx_free(dc->fast);
    rm_cerial_ctx_free(dc->slow);
    free(dc);
    return 0;
}

static void test_corpus_repo(void **state)
{
    check_dir(*state, CORPUS "/repo");
}

static void test_corpus_tests(void **state)
{
    check_dir(*state, CORPUS "/tests");
}

static void test_corpus_docs(void **state)
{
    check_dir(*state, CORPUS "/docs");
}

static void test_golden_inputs(void **state)
{
    check_dir(*state, GOLDEN);
}

/* Pieces of field lines: the common shapes and the near misses. */
static const char *const g_names[] = {"name",   "email", "_x",    "a1",   "Bad", "id",
                                      "prevId", "x-y",   "na@me", "tags", ""};
static const char *const g_types[] = {"String",    "Email",       "Int?",
                                      "Float[]",   "Record",      "Record?",
                                      "Record[]",  "Record(int)", "Record( int , string )",
                                      "Relation",  "Relation?",   "Relation[]",
                                      "Role",      "Role?",       "Addr",
                                      "Pt",        "Any?",        "Date[]?",
                                      "Bool[]",    "Uuid",        "Strin",
                                      "String?[]", "Record(",     "Record[]?",
                                      "Decimal",   "@id",         "Str(ing)"};
static const char *const g_decs[] = {"@id",
                                     "@unique",
                                     "@index",
                                     "@now",
                                     "@createdAt",
                                     "@updatedAt",
                                     "@default(true)",
                                     "@default(0)",
                                     "@default(-12)",
                                     "@default(1.5)",
                                     "@default(-0.25)",
                                     "@default(1.)",
                                     "@default(null)",
                                     "@default(\"Unknown\")",
                                     "@default('a b')",
                                     "@default( 7 )",
                                     "@default()",
                                     "@default(a@b)",
                                     "@default(#fff)",
                                     "@default(x",
                                     "@default",
                                     "@defaultAlways(now)",
                                     "@field(prevId)",
                                     "@field( prevId )",
                                     "@field()",
                                     "@field(a b)",
                                     "@model(Model1)",
                                     "@model(Model1)x",
                                     "@model",
                                     "@key(k1)",
                                     "@onDelete(SetNull)",
                                     "@onDelete(Explode)",
                                     "@nullable",
                                     "@readonly",
                                     "@distinct",
                                     "@sort",
                                     "@sort(false)",
                                     "@sort(true)",
                                     "@set",
                                     "@flexible",
                                     "@uuid4",
                                     "@point",
                                     "@bogus",
                                     "@bogus(1)",
                                     "@",
                                     "@@x",
                                     "!!private",
                                     "// trailing comment",
                                     "# hash",
                                     "@default(caf\xC3\xA9)",
                                     "@default(a\tb)"};
static const char *const g_seps[] = {" ", " ", " ", "  ", "\t", " \t ", "", "\r", "\xC2\xA0"};

static uint32_t rng_next(uint32_t *s)
{
    /* xorshift32: deterministic, so a failure is reproducible */
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    return *s;
}

#define PICK(arr, r) (arr)[rng_next(r) % RM_ARRAY_LEN(arr)]

/* A schema with the types the generated lines use, then nmodels models of random lines. */
static char *generate(uint32_t seed, size_t nmodels, size_t *len)
{
    rm_sb sb = RM_SB_INIT;
    uint32_t r = seed;
    size_t i, j, k;
    rm_sb_puts(&sb, "enum Role { Admin, Viewer }\nobject Addr {\n  city String\n}\n"
                    "tuple Pt { lat Float, lng Float }\n");
    for (i = 0; i < nmodels; i++) {
        size_t nlines = 3 + rng_next(&r) % 10;
        rm_sb_appendf(&sb, "model Model%zu {\n  id Record @id\n", i);
        for (j = 0; j < nlines; j++) {
            size_t ndecs = rng_next(&r) % 4;
            rm_sb_puts(&sb, rng_next(&r) % 4 == 0 ? PICK(g_seps, &r) : "  ");
            rm_sb_puts(&sb, PICK(g_names, &r));
            rm_sb_puts(&sb, rng_next(&r) % 3 == 0 ? PICK(g_seps, &r) : " ");
            rm_sb_puts(&sb, PICK(g_types, &r));
            for (k = 0; k < ndecs; k++) {
                rm_sb_puts(&sb, rng_next(&r) % 3 == 0 ? PICK(g_seps, &r) : " ");
                rm_sb_puts(&sb, PICK(g_decs, &r));
            }
            if (rng_next(&r) % 8 == 0)
                rm_sb_puts(&sb, PICK(g_seps, &r));
            rm_sb_puts(&sb, rng_next(&r) % 16 == 0 ? "\r\n" : "\n");
        }
        rm_sb_puts(&sb, "}\n");
    }
    *len = sb.len;
    return rm_sb_detach(&sb);
}

static void test_generated_lines(void **state)
{
    diff_ctx *dc = *state;
    uint32_t seed;
    for (seed = 1; seed <= 400; seed++) {
        size_t len;
        char name[32], *text = generate(seed * 2654435761u, 6, &len);
        snprintf(name, sizeof(name), "gen%u.cerial", (unsigned)seed);
        check_same(dc, name, text, len);
        free(text);
    }
}

/* Syntactically valid models with random relations between a few models (targets, @key,
 * @field, ?, [], @onDelete, missing reverses), so that every relation rule runs and reports:
 * the validator's scans must answer as its indexes do. */
static void test_generated_relations(void **state)
{
    diff_ctx *dc = *state;
    static const char *const rtypes[] = {"Relation", "Relation?", "Relation[]"};
    static const char *const ktypes[] = {"Record", "Record?", "Record[]", "Record? @nullable"};
    static const char *const keys[] = {"", "", " @key(a)", " @key(b)"};
    static const char *const ondel[] = {
        "", "", "", " @onDelete(SetNull)", " @onDelete(SetNone)", " @onDelete(Cascade)"};
    uint32_t seed;
    for (seed = 1; seed <= 300; seed++) {
        rm_sb sb = RM_SB_INIT;
        uint32_t r = seed * 2246822519u;
        size_t nm = 2 + rng_next(&r) % 4, i, j;
        char name[32];
        for (i = 0; i < nm; i++) {
            size_t nrel = rng_next(&r) % 5;
            rm_sb_appendf(&sb, "model M%zu {\n  id Record @id\n", i);
            if (rng_next(&r) % 3 == 0) /* a big model: the index paths */
                for (j = 0; j < 16; j++)
                    rm_sb_appendf(&sb, "  pad%zu String\n", j);
            for (j = 0; j < nrel; j++) {
                size_t t = rng_next(&r) % nm;
                if (rng_next(&r) % 2 == 0) {
                    rm_sb_appendf(&sb, "  f%zuId %s\n", j, PICK(ktypes, &r));
                    rm_sb_appendf(&sb, "  f%zu %s @field(f%zuId) @model(M%zu)%s%s\n", j,
                                  PICK(rtypes, &r), rng_next(&r) % 8 ? j : j + 1, t, PICK(keys, &r),
                                  PICK(ondel, &r));
                } else {
                    rm_sb_appendf(&sb, "  r%zu %s @model(M%zu)%s\n", j, PICK(rtypes, &r), t,
                                  PICK(keys, &r));
                }
            }
            if (rng_next(&r) % 4 == 0)
                rm_sb_appendf(&sb, "  tags Record[] @distinct\n");
            rm_sb_puts(&sb, "}\n");
        }
        snprintf(name, sizeof(name), "rel%u.cerial", (unsigned)seed);
        check_same(dc, name, rm_sb_str(&sb), sb.len);
        rm_sb_free(&sb);
    }
}

/* Parseable lines that break the schema validator's rules (names, decorator placement and
 * conflicts, object/tuple/literal/uuid/set rules...), several per model in random models:
 * fused rule checking must report them in the general path's order. */
static void test_generated_rule_findings(void **state)
{
    diff_ctx *dc = *state;
    static const char *const bad[] = {"  tags String @distinct",
                                      "  list String[] @sort @set",
                                      "  n Int @set",
                                      "  d Decimal[] @set",
                                      "  ts String @createdAt",
                                      "  t2 Date @now @updatedAt",
                                      "  t3 Date @createdAt @default(1)",
                                      "  r Date @readonly @now",
                                      "  ro Record @readonly",
                                      "  u String @uuid",
                                      "  u2 Uuid @uuid4 @uuid7",
                                      "  u3 Uuid @uuid @default(x)",
                                      "  a Any?",
                                      "  o Addr @nullable",
                                      "  o2 Addr?",
                                      "  p Pt?",
                                      "  f String @flexible",
                                      "  lv Lvl @id",
                                      "  nul String @default(null)",
                                      "  rel Relation @model(Nope)",
                                      "  rel2 Relation @nullable",
                                      "  x Record @field(y)",
                                      "  dup String",
                                      "  dup Int",
                                      "  da Date @defaultAlways(1) @default(2)",
                                      "  k Relation? @field(kId) @model(M0) @onDelete(SetNull)",
                                      "  kId Record?",
                                      "  ridt Record(float)",
                                      "  ridx Record(Nope)",
                                      "  ok String"};
    uint32_t seed;
    for (seed = 1; seed <= 200; seed++) {
        rm_sb sb = RM_SB_INIT;
        uint32_t r = seed * 3266489917u;
        size_t nm = 1 + rng_next(&r) % 6, i, j;
        char name[32];
        rm_sb_puts(&sb, "object Addr {\n  city String @now\n  id String\n}\n"
                        "tuple Pt { lat Float @unique, lng Float? }\nliteral Lvl { 'a', 'b' }\n");
        for (i = 0; i < nm; i++) {
            size_t nl = rng_next(&r) % 8;
            rm_sb_appendf(&sb, "model %s%zu {\n  id Record @id\n", rng_next(&r) % 9 ? "M" : "m", i);
            for (j = 0; j < nl; j++) {
                rm_sb_puts(&sb, PICK(bad, &r));
                rm_sb_putc(&sb, '\n');
            }
            rm_sb_puts(&sb, "}\n");
        }
        snprintf(name, sizeof(name), "rules%u.cerial", (unsigned)seed);
        check_same(dc, name, rm_sb_str(&sb), sb.len);
        rm_sb_free(&sb);
    }
}

/* Well-formed generated models only (so that validation runs to the end on both paths). */
static void test_generated_valid(void **state)
{
    diff_ctx *dc = *state;
    rm_sb sb = RM_SB_INIT;
    size_t i;
    for (i = 0; i < 300; i++) {
        rm_sb_appendf(&sb,
                      "model Model%zu {\n  id Record @id\n  name String\n  email Email @unique\n"
                      "  score Float?\n  active Bool @default(true)\n"
                      "  createdAt Date @createdAt\n",
                      i);
        if (i > 0)
            rm_sb_appendf(
                &sb, "  prevId Record?\n  prev Relation? @field(prevId) @model(Model%zu)\n", i - 1);
        if (i + 1 < 300)
            rm_sb_appendf(&sb, "  nexts Relation[] @model(Model%zu)\n", i + 1);
        rm_sb_puts(&sb, "}\n\n");
    }
    check_same(dc, "chain.cerial", rm_sb_str(&sb), sb.len);
    rm_sb_free(&sb);
    print_message("%zu inputs, %zu lines compared\n", dc->ninputs, dc->nlines);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_corpus_repo),
        cmocka_unit_test(test_corpus_tests),
        cmocka_unit_test(test_corpus_docs),
        cmocka_unit_test(test_golden_inputs),
        cmocka_unit_test(test_generated_lines),
        cmocka_unit_test(test_generated_relations),
        cmocka_unit_test(test_generated_rule_findings),
        cmocka_unit_test(test_generated_valid),
    };
    return cmocka_run_group_tests_name("cerial_fastpath", tests, setup, teardown);
}
