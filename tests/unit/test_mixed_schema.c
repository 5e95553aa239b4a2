/*
 * Mixed schemas (issue #4): .prisma and .cerial files in one schema build one graph, with
 * relations across the two languages resolved by model name. Two kinds of rows:
 * - golden: every file of tests/golden/mixed/<case>/ is one schema; it must validate without
 *   diagnostics and its graph JSON must equal tests/golden/mixed/<case>.json (reviewed by hand;
 *   RELMIG_UPDATE_GOLDEN=1 rewrites it);
 * - errors: small in-memory schemas with one mistake in one file; the rendered text must name
 *   that file with the right line and column and the expected id.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "model/graph_json.h"
#include "model/schema.h"
#include "testutil.h"
#include "util/diag_render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GOLDEN RELMIG_SOURCE_DIR "/tests/golden/mixed/"

/* ---- golden rows --------------------------------------------------------------------- */

typedef struct golden_case {
    const char *name;
    const char *files[5]; /* in tests/golden/mixed/<name>/, NULL-terminated */
} golden_case;

static const golden_case goldens[] = {
    /* Prisma parent User, Cerial child Profile holding the FK (1:1, Cerial delete default) */
    {"user_profile", {"user.prisma", "profile.cerial", NULL}},
    /* Cerial parent Author (Record(int) id), Prisma child Post holding the FK (1:n, Prisma
     * delete default) */
    {"reverse", {"author.cerial", "post.prisma", NULL}},
    /* user_profile plus models outside any cross-language relation, one of which (a Prisma
     * composite @@id) the other language could not express: they get no stub, no complaint */
    {"with_unrelated", {"user.prisma", "profile.cerial", "tag.prisma", "note.cerial", NULL}},
    /* many-to-many across languages: a Prisma list answered by a Cerial Record[] + Relation[]
     * @field, one pair where the Prisma model sorts first (Post/Tag: the relation comes from
     * the Prisma builder) and one where the Cerial model does (Category/Product: from the
     * Cerial builder); both give the implicit m:n with join table _AToB */
    {"many_to_many", {"post.prisma", "tag.cerial", NULL}},
    /* Cerial Record FKs to a Prisma composite @@id: one FK column per key field (1:n required,
     * 1:1 optional with a composite UNIQUE) */
    {"composite_fk", {"order.prisma", "item.cerial", NULL}},
    /* a Prisma composite FK to a Cerial @@unique (the Prisma stub of the Cerial model carries
     * its unique keys so that Prisma can check the references) */
    {"composite_fk_to_cerial", {"line.prisma", "sku.cerial", NULL}},
};

static char *render_diags(const rm_sources *srcs, const rm_diags *d)
{
    rm_sb out = RM_SB_INIT;
    rm_render_opts o = {false, false};
    rm_diags_render_text(&out, srcs, d, &o);
    return rm_sb_detach(&out);
}

static void run_golden(void **state)
{
    const golden_case *c = *state;
    char path[1024];
    rm_sources srcs;
    rm_sources_init(&srcs);
    for (size_t i = 0; c->files[i]; i++) {
        size_t len = 0;
        snprintf(path, sizeof path, GOLDEN "%s/%s", c->name, c->files[i]);
        char *text = rm_test_read_file(path, &len);
        assert_non_null(text);
        snprintf(path, sizeof path, "%s/%s", c->name, c->files[i]);
        rm_sources_add(&srcs, path, text, len);
        free(text);
    }
    rm_diags d;
    rm_diags_init(&d);
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_graph *g = NULL;
    int rc = rm_schema_build(&g, &srcs, &a, &d);
    char *diags = render_diags(&srcs, &d);
    printf("%s", diags);
    free(diags);
    assert_int_equal(d.n, 0);
    assert_int_equal(rc, RM_OK);
    rm_sb out = RM_SB_INIT;
    rm_graph_render_json(&out, g);
    snprintf(path, sizeof path, GOLDEN "%s.json", c->name);
    assert_true(rm_test_golden(path, rm_sb_str(&out)));
    rm_sb_free(&out);
    rm_arena_free(&a);
    rm_diags_free(&d);
    rm_sources_free(&srcs);
}

/* ---- error rows ---------------------------------------------------------------------- */

static const char user_prisma[] = "model User {\n"
                                  "  id      String   @id @default(uuid())\n"
                                  "  email   String   @unique\n"
                                  "  profile Profile?\n"
                                  "}\n";
static const char profile_cerial[] = "model Profile {\n"
                                     "  id Record @id\n"
                                     "  bio String?\n"
                                     "  userId Record\n"
                                     "  user Relation @field(userId) @model(User)\n"
                                     "}\n";

typedef struct error_case {
    const char *name;
    const char *prisma; /* text of m/user.prisma */
    const char *cerial; /* text of m/profile.cerial */
    const char *expect; /* must occur in the rendered diagnostics */
} error_case;

static const error_case errors[] = {
    {"prisma_unknown_type",
     "model User {\n  id String @id\n  email Strng\n  profile Profile?\n}\n", profile_cerial,
     "m/user.prisma:3:9: error[E0202]"},
    {"cerial_bad_type", user_prisma,
     "model Profile {\n  id Record @id\n  bio Strin?\n  userId Record\n"
     "  user Relation @field(userId) @model(User)\n}\n",
     "m/profile.cerial:3:7: error[E0407]"},
    /* the Prisma side lacks the back-relation: Cerial's single-sided rule applies to the
     * Cerial model, reported in the .cerial file */
    {"cerial_single_sided", "model User {\n  id String @id\n}\n", profile_cerial,
     "m/profile.cerial:4:3: error[E0432]"},
    /* a Prisma back-relation to a Cerial model without a forward relation: Cerial's rule for
     * the stub of User, so the message is moved to the Prisma model User's name */
    {"cerial_model_unknown_in_prisma", user_prisma,
     "model Profile {\n  id Record @id\n}\n", "m/user.prisma:1:7: error[E0432]: Reverse relation \"profile\""},
    /* a Cerial Record cannot carry an enum key field of a Prisma composite @@id */
    {"cerial_fk_to_enum_composite_key",
     "enum Region {\n  EU\n  US\n}\nmodel User {\n  region Region\n  no Int\n"
     "  profiles Profile[]\n  @@id([region, no])\n}\n",
     "model Profile {\n  id Record @id\n  userId Record\n"
     "  user Relation @field(userId) @model(User)\n}\n",
     "m/profile.cerial:3:3: error[E0481]: userId references User, whose composite key"},
    /* a Prisma composite FK must reference a unique key of the Cerial model: Prisma's own
     * rule, reported in the .prisma file (the stub shows Prisma only the Cerial unique keys) */
    {"prisma_composite_fk_not_unique",
     "model User {\n  id Int @id\n  a String\n  b String\n"
     "  profile Profile @relation(fields: [a, b], references: [x, y])\n}\n",
     "model Profile {\n  id Record @id\n  x String\n  y String\n"
     "  users Relation[] @model(User)\n}\n",
     "m/user.prisma:5:3: error[E0233]"},
    {"duplicate_model", "model User {\n  id String @id\n}\nmodel Profile {\n  id Int @id\n}\n",
     profile_cerial, "m/profile.cerial:1:7: error[E0480]: \"Profile\" is defined both in "
                     "m/user.prisma and in m/profile.cerial"},
};

static void run_error(void **state)
{
    const error_case *c = *state;
    rm_sources srcs;
    rm_sources_init(&srcs);
    rm_sources_add(&srcs, "m/user.prisma", c->prisma, strlen(c->prisma));
    rm_sources_add(&srcs, "m/profile.cerial", c->cerial, strlen(c->cerial));
    rm_diags d;
    rm_diags_init(&d);
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_graph *g = NULL;
    int rc = rm_schema_build(&g, &srcs, &a, &d);
    char *text = render_diags(&srcs, &d);
    if (!strstr(text, c->expect))
        printf("expected <%s> in:\n%s", c->expect, text);
    assert_non_null(strstr(text, c->expect));
    assert_int_not_equal(rc, RM_OK);
    assert_non_null(g);
    /* no location may point outside the real files (stub diagnostics are moved) */
    for (size_t i = 0; i < d.n; i++)
        assert_true(d.items[i]->loc.file == RM_FILE_NONE || d.items[i]->loc.file < srcs.n);
    free(text);
    rm_arena_free(&a);
    rm_diags_free(&d);
    rm_sources_free(&srcs);
}

int main(void)
{
    struct CMUnitTest tests[RM_ARRAY_LEN(goldens) + RM_ARRAY_LEN(errors)];
    size_t n = 0;
    for (size_t i = 0; i < RM_ARRAY_LEN(goldens); i++)
        tests[n++] = (struct CMUnitTest){.name = goldens[i].name,
                                         .test_func = run_golden,
                                         .initial_state = (void *)(uintptr_t)&goldens[i]};
    for (size_t i = 0; i < RM_ARRAY_LEN(errors); i++)
        tests[n++] = (struct CMUnitTest){.name = errors[i].name,
                                         .test_func = run_error,
                                         .initial_state = (void *)(uintptr_t)&errors[i]};
    return _cmocka_run_group_tests("mixed_schema", tests, n, NULL, NULL);
}
