/*
 * Prisma validation rules beyond the peer corpus, one named row each: a small schema, the id of
 * the first error relmig must report (0: the schema must be valid, warnings allowed), the line
 * it must be on, and a piece of its message. The expected ids/lines/texts are written by hand
 * from prisma.md and Prisma's messages, not produced by relmig. A second table checks facts of
 * the built graph (defaults made explicit, join models, A/B sides, multi-file schemas).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "model/graph.h"
#include "model/schema.h"
#include "util/diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PG "datasource db {\n  provider = \"postgresql\"\n}\n"
#define MY "datasource db {\n  provider = \"mysql\"\n}\n"
#define LITE "datasource db {\n  provider = \"sqlite\"\n}\n"
#define MSSQL "datasource db {\n  provider = \"sqlserver\"\n}\n"
#define USER_POST(action)                                                                          \
    "model User {\n  id    Int    @id\n  posts Post[]\n}\n"                                        \
    "model Post {\n  id       Int  @id\n  authorId Int\n"                                          \
    "  author   User @relation(fields: [authorId], references: [id]" action ")\n}\n"

typedef struct rule_case {
    const char *name;
    const char *schema;
    int id;           /* first error id, 0 = valid */
    int line;         /* its line */
    const char *text; /* substring of its message */
} rule_case;

static const rule_case rules[] = {
    {"valid_user_post", PG USER_POST(""), 0, 0, NULL},
    {"prisma7_without_url", "datasource db {\n  provider = \"sqlite\"\n}\n" USER_POST(""), 0, 0,
     NULL},
    {"prisma6_url_env_accepted",
     "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n"
     "  directUrl = env(\"DIRECT\")\n}\n" USER_POST(""),
     0, 0, NULL},
    {"two_datasources", PG "datasource other {\n  provider = \"mysql\"\n}\n" USER_POST(""), 203, 4,
     "more than one datasource"},
    {"unknown_provider", "datasource db {\n  provider = \"oracle\"\n}\n" USER_POST(""), 203, 2,
     "Datasource provider not known: \"oracle\""},
    {"duplicate_model", PG "model A {\n  id Int @id\n}\nmodel A {\n  id Int @id\n}\n", 200, 7,
     "The model \"A\" cannot be defined because a model with that name already exists."},
    {"enum_model_name_clash", PG "model A {\n  id Int @id\n}\nenum A {\n  X\n}\n", 200, 7,
     "The enum \"A\" cannot be defined because a model"},
    {"duplicate_field", PG "model A {\n  id Int @id\n  id String\n}\n", 201, 6,
     "Field \"id\" is already defined on model \"A\"."},
    {"unknown_type_suggestion", PG "model A {\n  id Int @id\n  s string\n}\n", 202, 6,
     "Type \"string\" is neither a built-in type, nor refers to another model, composite type, "
     "or enum. Did you mean \"String\"?"},
    {"unknown_type_typo", PG "model A {\n  id Int @id\n  s Strng\n}\n", 202, 6,
     "Type \"Strng\" is neither a built-in type, nor refers to another model, composite type, "
     "or enum."},
    {"no_unique_criteria", PG "model A {\n  x Int\n}\n", 208, 4,
     "Each model must have at least one unique criteria"},
    {"optional_unique_is_not_a_criterion", PG "model A {\n  x Int? @unique\n}\n", 208, 4,
     "unique criteria"},
    {"required_unique_is_a_criterion", PG "model A {\n  x Int @unique\n}\n", 0, 0, NULL},
    {"ignored_model_needs_no_id", PG "model A {\n  x Int\n  @@ignore\n}\n", 0, 0, NULL},
    {"optional_id", PG "model A {\n  id Int? @id\n}\n", 207, 5,
     "Fields that are marked as id must be required."},
    {"two_ids", PG "model A {\n  a Int @id\n  b Int @id\n}\n", 207, 6, "At most one field"},
    {"id_and_compound_id", PG "model A {\n  a Int @id\n  b Int\n  @@id([a, b])\n}\n", 207, 7,
     "You can't have `@id` and `@@id` at the same time."},
    {"autoincrement_on_string", PG "model A {\n  id String @id @default(autoincrement())\n}\n", 209,
     5, "The function `autoincrement()` cannot be used on fields of type `String`."},
    {"unknown_default_function", PG "model A {\n  id String @id @default(guid())\n}\n", 209, 5,
     "Unknown function in @default(): `guid` is not known."},
    /* rm_default.version is an int16_t: values that wrap to a valid one must still fail */
    {"uuid_version_wrapping_int16", PG "model A {\n  id String @id @default(uuid(65540))\n}\n",
     209, 5, "Invalid argument for `uuid()`: `65540`."},
    {"nanoid_length_wrapping_int16",
     PG "model A {\n  id String @id @default(nanoid(65546))\n}\n", 209, 5,
     "Invalid argument for `nanoid()`: `65546`."},
    {"enum_default_not_a_value",
     PG "enum R {\n  A\n  B\n}\nmodel M {\n  id Int @id\n  r R @default(C)\n}\n", 209, 10,
     "The defined default value `C` is not a valid value of the enum"},
    {"unknown_field_attribute", PG "model A {\n  id Int @id @primary\n}\n", 204, 5,
     "Attribute not known: \"@primary\"."},
    {"unknown_block_attribute", PG "model A {\n  id Int @id\n  @@table(\"a\")\n}\n", 204, 6,
     "Attribute not known: \"@@table\"."},
    {"duplicate_map", PG "model A {\n  id Int @id @map(\"a\") @map(\"b\")\n}\n", 206, 5,
     "Attribute \"@map\" can only be defined once."},
    {"index_single_field_without_brackets",
     PG "model A {\n  id Int @id\n  x Int\n"
        "  @@index(x)\n}\n",
     0, 0, NULL},
    {"index_unknown_field", PG "model A {\n  id Int @id\n  @@index([nope])\n}\n", 212, 6,
     "The index definition refers to the unknown fields: nope."},
    {"scalar_list_on_mysql", MY "model A {\n  id Int @id\n  tags String[]\n}\n", 214, 6,
     "Field \"tags\" in model \"A\" can't be a list."},
    {"scalar_list_on_postgres", PG "model A {\n  id Int @id\n  tags String[]\n}\n", 0, 0, NULL},
    {"enum_on_sqlite", LITE "enum R {\n  A\n}\nmodel M {\n  id Int @id\n  r R\n}\n", 218, 4,
     "does not support enums"},
    {"schema_without_schemas", PG "model A {\n  id Int @id\n  @@schema(\"x\")\n}\n", 219, 6,
     "This schema is not defined in the datasource."},
    {"schema_listed",
     "datasource db {\n  provider = \"postgresql\"\n  schemas = [\"a\"]\n}\n"
     "model A {\n  id Int @id\n  @@schema(\"a\")\n}\n",
     0, 0, NULL},
    {"updated_at_on_int", PG "model A {\n  id Int @id\n  n Int @updatedAt\n}\n", 220, 6,
     "@updatedAt must be of type DateTime"},
    {"restrict_on_sqlserver", MSSQL USER_POST(", onDelete: Restrict"), 238, 11,
     "Invalid referential action: `Restrict`. Allowed values: (`Cascade`, `NoAction`, "
     "`SetNull`, `SetDefault`)"},
    {"setdefault_on_mysql_prisma_mode",
     "datasource db {\n  provider = \"mysql\"\n  relationMode = \"prisma\"\n}\n" USER_POST(
         ", onDelete: SetDefault"),
     238, 12,
     "Invalid referential action: `SetDefault`. Allowed values: (`Cascade`, `Restrict`, "
     "`NoAction`, `SetNull`)"},
    {"relation_mode_and_referential_integrity",
     "datasource db {\n  provider = \"mysql\"\n  relationMode = \"prisma\"\n"
     "  referentialIntegrity = \"prisma\"\n}\n" USER_POST(""),
     203, 4, "cannot be used together"},
    {"named_fk_on_sqlite", LITE USER_POST(", map: \"fk\""), 243, 11,
     "Your provider does not support named foreign keys."},
    {"self_relation_sqlserver_noaction_ok",
     MSSQL "model E {\n  id Int @id\n  mId Int?\n"
           "  m E? @relation(\"M\", fields: [mId], references: [id], onDelete: NoAction, "
           "onUpdate: NoAction)\n  r E[] @relation(\"M\")\n}\n",
     0, 0, NULL},
    {"relation_to_unknown_model", PG "model A {\n  id Int @id\n  b B\n}\n", 202, 6,
     "Type \"B\" is neither"},
    {"type_mismatch_enum",
     PG "enum R {\n  A\n}\nenum S {\n  A\n}\n"
        "model U {\n  r R @id\n  p P[]\n}\n"
        "model P {\n  id Int @id\n  s S\n  u U @relation(fields: [s], "
        "references: [r])\n}\n",
     237, 17, "The type of the field `s` in the model `P` is not matching"},
    {"native_type_wrong_field_type", PG "model A {\n  id Int @id @db.VarChar(10)\n}\n", 210, 5,
     "Native type VarChar is not compatible with declared field type Int, expected field type "
     "String."},
    {"native_type_unknown", PG "model A {\n  id Int @id\n  s String @db.VarChar2(10)\n}\n", 210, 6,
     "Native type VarChar2 is not supported for postgresql connector."},
    {"native_type_too_many_args", PG "model A {\n  id Int @id\n  s String @db.VarChar(1, 2)\n}\n",
     210, 6, "Native type VarChar takes 1 optional arguments, but received 2."},
    {"native_types_ok_postgres",
     PG "model A {\n  id String @id @db.Uuid\n  n Decimal @db.Decimal(10, 2)\n"
        "  t DateTime @db.Timestamptz(6)\n  j Json @db.JsonB\n  c String @db.Citext\n}\n",
     0, 0, NULL},
    {"native_types_ok_mysql",
     MY "model A {\n  id Int @id @db.UnsignedInt\n  b Boolean @db.TinyInt\n"
        "  t DateTime @db.Timestamp(0)\n  s String @db.VarChar(191)\n}\n",
     0, 0, NULL},
    {"native_type_on_sqlite", LITE "model A {\n  id Int @id\n  s String @db.Text\n}\n", 210, 6,
     "Native type Text is not supported for sqlite connector."},
    {"cycle_through_two_models_sqlserver",
     MSSQL "model A {\n  id Int @id\n  bId Int\n"
           "  b B @relation(\"AB\", fields: [bId], references: [id], onDelete: NoAction)\n"
           "  bs B[] @relation(\"BA\")\n}\n"
           "model B {\n  id Int @id\n  aId Int\n"
           "  a A @relation(\"BA\", fields: [aId], references: [id], onDelete: NoAction)\n"
           "  as A[] @relation(\"AB\")\n}\n",
     242, 7,
     "Reference causes a cycle. One of the @relation attributes in this cycle must have "
     "`onDelete` and `onUpdate` referential actions set to `NoAction`. Cycle path: A.b "
     "\xe2\x86\x92 "
     "B.a."},
    {"cycle_broken_by_noaction_sqlserver",
     MSSQL "model A {\n  id Int @id\n  bId Int\n"
           "  b B @relation(\"AB\", fields: [bId], references: [id], onDelete: NoAction, "
           "onUpdate: NoAction)\n  bs B[] @relation(\"BA\")\n}\n"
           "model B {\n  id Int @id\n  aId Int\n"
           "  a A @relation(\"BA\", fields: [aId], references: [id], onDelete: NoAction)\n"
           "  as A[] @relation(\"AB\")\n}\n",
     0, 0, NULL},
    {"relation_fields_single_name_coerced",
     PG "model User {\n  id    Int    @id\n  posts Post[]\n}\n"
        "model Post {\n  id       Int  @id\n  authorId Int\n"
        "  author   User @relation(fields: authorId, references: id)\n}\n",
     0, 0, NULL},
    {"generator_without_provider", PG "generator client {\n  output = \"x\"\n}\n" USER_POST(""),
     203, 4, "Argument \"provider\" is missing in generator block \"client\"."},
    {"index_name_global_clash_postgres",
     PG "model A {\n  id Int @id\n  x Int\n  @@index([x], map: \"by_x\")\n}\n"
        "model B {\n  id Int @id\n  x Int\n  @@index([x], map: \"by_x\")\n}\n",
     215, 12,
     "The given constraint name `by_x` has to be unique in the following namespace: global for "
     "primary key, indexes and unique constraints."},
    {"default_index_names_clash_in_model",
     PG "model A {\n  id Int @id\n  x Int\n  @@index([x])\n  @@index([x], type: Hash)\n}\n", 215, 8,
     "The given constraint name `A_x_idx` has to be unique in the following namespace: on model "
     "`A`"},
    {"fk_name_global_clash_mysql",
     MY "model U {\n  id Int @id\n  as A[]\n  bs B[]\n}\n"
        "model A {\n  id Int @id\n  u Int\n  user U @relation(fields: [u], references: [id], "
        "map: \"fk_u\")\n}\n"
        "model B {\n  id Int @id\n  u Int\n  user U @relation(fields: [u], references: [id], "
        "map: \"fk_u\")\n}\n",
     215, 17,
     "The given constraint name `fk_u` has to be unique in the following namespace: global for "
     "foreign keys."},
    {"same_index_name_in_two_models_mysql_ok",
     MY "model A {\n  id Int @id\n  x Int\n  @@index([x], map: \"by_x\")\n}\n"
        "model B {\n  id Int @id\n  x Int\n  @@index([x], map: \"by_x\")\n}\n",
     0, 0, NULL},
    {"index_map_too_long_postgres",
     PG
     "model A {\n  id Int @id\n  x Int\n"
     "  @@index([x], map: \"an_index_name_that_is_much_longer_than_sixty_three_bytes_allowed\")\n"
     "}\n",
     215, 7,
     "The constraint name 'an_index_name_that_is_much_longer_than_sixty_three_bytes_allowed' "
     "specified in the `map` argument for the `@@index` constraint is too long for your chosen "
     "provider. The maximum allowed length is 63 bytes."},
    {"prisma_and_cerial_in_one_schema", NULL, 480, 1, "schema.cerial"},
};

static void run_rule(void **state)
{
    const rule_case *c = *state;
    rm_sources srcs;
    rm_sources_init(&srcs);
    if (c->schema) {
        rm_sources_add(&srcs, "schema.prisma", c->schema, strlen(c->schema));
    } else {
        /* A valid Prisma file plus a Cerial file defining the same model name (E0480). */
        const char *prisma = PG USER_POST("");
        rm_sources_add(&srcs, "schema.prisma", prisma, strlen(prisma));
        rm_sources_add(&srcs, "schema.cerial", "model User {\n  id Record @id\n}\n", 31);
    }
    rm_diags d;
    rm_diags_init(&d);
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_graph *g = NULL;
    int rc = rm_schema_build(&g, &srcs, &a, &d);
    assert_non_null(g);
    const rm_diag *first = NULL;
    for (size_t i = 0; i < d.n && !first; i++)
        if (d.items[i]->sev == RM_SEV_ERROR)
            first = d.items[i];
    if (c->id == 0) {
        if (first)
            fail_msg("expected valid, got E%04u: %s", first->id, first->msg);
        assert_int_equal(rc, RM_OK);
    } else {
        if (!first)
            fail_msg("expected E%04d, got no error", c->id);
        uint32_t line = 0, col = 0;
        rm_source_line_col(srcs.items[0], first->loc.off, &line, &col);
        if (first->id != c->id || (int)line != c->line || !strstr(first->msg, c->text))
            fail_msg("expected E%04d on line %d containing '%s'\n     got E%04u on line %u: %s",
                     c->id, c->line, c->text, first->id, line, first->msg);
        assert_int_not_equal(rc, RM_OK);
    }
    rm_arena_free(&a);
    rm_diags_free(&d);
    rm_sources_free(&srcs);
}

/* ---- graph facts ---------------------------------------------------------------------- */

typedef struct fact_case {
    const char *name;
    const char *files[3]; /* one or more sources forming one schema */
    void (*check)(const rm_graph *g);
} fact_case;

static const rm_relation *rel_named(const rm_graph *g, const char *name)
{
    for (size_t i = 0; i < g->nrelations; i++)
        if (strcmp(g->relations[i].name, name) == 0)
            return &g->relations[i];
    fail_msg("no relation %s", name);
    return NULL;
}

static const char *end_field(const rm_graph *g, rm_relation_end e)
{
    return g->models[e.model].fields[e.field].name;
}

static void check_sqlserver_default_noaction(const rm_graph *g)
{
    const rm_relation *r = rel_named(g, "PostToUser");
    assert_int_equal(r->on_delete, RM_ACTION_NO_ACTION);
    assert_false(r->on_delete_set);
    assert_int_equal(r->on_update, RM_ACTION_CASCADE);
}

static void check_written_actions(const rm_graph *g)
{
    const rm_relation *r = rel_named(g, "PostToUser");
    assert_int_equal(r->on_delete, RM_ACTION_CASCADE);
    assert_true(r->on_delete_set);
    assert_int_equal(r->on_update, RM_ACTION_NO_ACTION);
    assert_true(r->on_update_set);
}

static void check_models_sorted_and_db_names(const rm_graph *g)
{
    assert_int_equal(g->nmodels, 3);
    assert_string_equal(g->models[0].name, "Alpha");
    assert_string_equal(g->models[1].name, "Mid");
    assert_string_equal(g->models[2].name, "Zeta");
    assert_string_equal(g->models[2].db_name, "zeta_table");
    assert_true(g->models[2].mapped);
    assert_string_equal(g->models[2].fields[1].db_name, "the_name");
    /* type_ref of the relation fields follows the sort. */
    const rm_field *f = &g->models[0].fields[1];
    assert_int_equal(f->kind, RM_FIELD_RELATION);
    assert_string_equal(g->models[f->type_ref].name, "Zeta");
}

static void check_implicit_m2n_sides(const rm_graph *g)
{
    const rm_relation *r = rel_named(g, "TagToZoo");
    assert_int_equal(r->card, RM_CARD_MANY_TO_MANY_IMPLICIT);
    assert_string_equal(g->models[r->from.model].name, "Tag");
    assert_string_equal(r->join_table, "_TagToZoo");
    const rm_relation *n = rel_named(g, "Friends");
    assert_true(n->self);
    assert_string_equal(n->join_table, "_Friends");
    assert_string_equal(end_field(g, n->from), "a_friends");
    assert_string_equal(end_field(g, n->to), "b_friendOf");
}

static void check_join_model(const rm_graph *g)
{
    uint32_t j = rm_graph_find_model(g, "Membership");
    uint32_t u = rm_graph_find_model(g, "User");
    assert_true(j != RM_NONE && u != RM_NONE);
    assert_true(g->models[j].is_join_model);
    assert_false(g->models[u].is_join_model);
    uint32_t l = rm_graph_find_model(g, "Log");
    assert_false(g->models[l].is_join_model); /* two FKs, but not its key */
}

static void check_multi_file(const rm_graph *g)
{
    assert_int_equal(g->nmodels, 2);
    assert_int_equal(g->nrelations, 1);
    const rm_relation *r = &g->relations[0];
    assert_string_equal(g->models[r->from.model].name, "Post");
    assert_int_equal(g->models[r->from.model].loc.file, 1);
    assert_int_equal(g->provider, RM_PROVIDER_MYSQL);
}

static void check_composite_fk_order(const rm_graph *g)
{
    const rm_relation *r = rel_named(g, "MemberToTenant");
    assert_int_equal(r->nfk, 2);
    const rm_model *m = &g->models[r->from.model], *t = &g->models[r->to.model];
    assert_string_equal(m->fields[r->fk_fields[0]].name, "tCode");
    assert_string_equal(m->fields[r->fk_fields[1]].name, "tRegion");
    assert_string_equal(t->fields[r->ref_fields[0]].name, "code");
    assert_string_equal(t->fields[r->ref_fields[1]].name, "region");
    assert_true(r->fk_optional == false);
    assert_int_equal(r->on_delete, RM_ACTION_RESTRICT);
}

static const fact_case facts[] = {
    {"sqlserver_default_on_delete_is_noaction",
     {MSSQL USER_POST("")},
     check_sqlserver_default_noaction},
    {"written_actions_are_flagged",
     {PG USER_POST(", onDelete: Cascade, onUpdate: NoAction")},
     check_written_actions},
    {"models_sorted_fields_mapped",
     {PG "model Zeta {\n  id Int @id\n  name String @map(\"the_name\")\n  alphas Alpha[]\n"
         "  @@map(\"zeta_table\")\n}\n"
         "model Alpha {\n  id Int @id\n  zeta Zeta @relation(fields: [zetaId], references: [id])\n"
         "  zetaId Int\n}\nmodel Mid {\n  id Int @id\n}\n"},
     check_models_sorted_and_db_names},
    {"implicit_m2n_a_side",
     {PG
      "model Zoo {\n  id Int @id\n  tags Tag[]\n}\nmodel Tag {\n  id Int @id\n  zoos Zoo[]\n"
      "  b_friendOf Tag[] @relation(\"Friends\")\n  a_friends Tag[] @relation(\"Friends\")\n}\n"},
     check_implicit_m2n_sides},
    {"explicit_join_model",
     {PG "model User {\n  id Int @id\n  ms Membership[]\n  logs Log[]\n}\n"
         "model Team {\n  id Int @id\n  ms Membership[]\n  logs Log[]\n}\n"
         "model Membership {\n  userId Int\n  teamId Int\n"
         "  user User @relation(fields: [userId], references: [id])\n"
         "  team Team @relation(fields: [teamId], references: [id])\n  @@id([userId, teamId])\n}\n"
         "model Log {\n  id Int @id\n  userId Int\n  teamId Int\n"
         "  user User @relation(fields: [userId], references: [id])\n"
         "  team Team @relation(fields: [teamId], references: [id])\n}\n"},
     check_join_model},
    {"multi_file_schema",
     {MY "model User {\n  id Int @id\n  posts Post[]\n}\n",
      "model Post {\n  id Int @id\n  uid Int\n"
      "  user User @relation(fields: [uid], references: [id])\n}\n"},
     check_multi_file},
    {"composite_fk_keeps_order",
     {PG "model Tenant {\n  region String\n  code String\n  ms Member[]\n"
         "  @@id([region, code])\n}\n"
         "model Member {\n  id Int @id\n  tRegion String\n  tCode String\n"
         "  t Tenant @relation(fields: [tCode, tRegion], references: [code, region])\n}\n"},
     check_composite_fk_order},
};

static void run_fact(void **state)
{
    const fact_case *c = *state;
    rm_sources srcs;
    rm_sources_init(&srcs);
    for (size_t i = 0; i < 3 && c->files[i]; i++) {
        char name[32];
        snprintf(name, sizeof name, "f%zu.prisma", i);
        rm_sources_add(&srcs, name, c->files[i], strlen(c->files[i]));
    }
    rm_diags d;
    rm_diags_init(&d);
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_graph *g = NULL;
    int rc = rm_schema_build(&g, &srcs, &a, &d);
    for (size_t i = 0; i < d.n; i++)
        if (d.items[i]->sev == RM_SEV_ERROR)
            fail_msg("unexpected error E%04u: %s", d.items[i]->id, d.items[i]->msg);
    assert_int_equal(rc, RM_OK);
    c->check(g);
    rm_arena_free(&a);
    rm_diags_free(&d);
    rm_sources_free(&srcs);
}

/* Hints are relmig's own (Prisma has none): checked separately, one schema per row. */
static const struct {
    const char *schema, *hint;
} hints[] = {
    {PG "model A {\n  id Int @id\n  s Strng\n}\n", "did you mean `String`?"},
    {PG "enum Bee {\n  X\n}\nmodel A {\n  id Int @id\n  b Bee\n}\n", NULL}, /* valid */
    {PG "model A {\n  id Int @id\n  b Usr\n}\nmodel User {\n  id Int @id\n}\n",
     "did you mean `User`?"},
    {PG "model A {\n  id Int @id\n  x X\n}\n", ""}, /* too short to guess: no hint */
    {PG "model User {\n  id Int @id\n  profile Profile?\n}\nmodel Profile {\n  id Int @id\n"
        "  userId Int\n  user User @relation(fields: [userId], references: [id])\n}\n",
     "add @unique to Profile.userId to make this relation one-to-one, or write profile "
     "Profile[] to make it one-to-many"},
    {PG "model User {\n  id Int @id\n  posts Post[]\n}\nmodel Post {\n  id Int @id\n}\n",
     "add `user User? @relation(fields: [userId], references: [id])` and `userId Int?` to "
     "model Post"},
};

static void hints_are_given(void **state)
{
    (void)state;
    for (size_t i = 0; i < RM_ARRAY_LEN(hints); i++) {
        rm_sources srcs;
        rm_sources_init(&srcs);
        rm_sources_add(&srcs, "schema.prisma", hints[i].schema, strlen(hints[i].schema));
        rm_diags d;
        rm_diags_init(&d);
        rm_arena a;
        rm_arena_init(&a, 0);
        rm_graph *g = NULL;
        (void)rm_schema_build(&g, &srcs, &a, &d);
        const char *got = d.n > 0 ? d.items[0]->hint : NULL;
        if (!hints[i].hint) {
            if (d.n != 0)
                fail_msg("row %zu: expected a valid schema, got: %s", i, d.items[0]->msg);
        } else if (!hints[i].hint[0]) {
            if (got)
                fail_msg("row %zu: expected no hint, got '%s'", i, got);
        } else if (!got || strcmp(got, hints[i].hint) != 0) {
            fail_msg("row %zu: expected hint '%s', got '%s'", i, hints[i].hint, got ? got : "");
        }
        rm_arena_free(&a);
        rm_diags_free(&d);
        rm_sources_free(&srcs);
    }
}

int main(void)
{
    size_t nr = RM_ARRAY_LEN(rules), nf = RM_ARRAY_LEN(facts);
    struct CMUnitTest *tests = calloc(nr + nf + 1, sizeof *tests);
    for (size_t i = 0; i < nr; i++)
        tests[i] = (struct CMUnitTest){
            .name = rules[i].name, .test_func = run_rule, .initial_state = (void *)&rules[i]};
    for (size_t i = 0; i < nf; i++)
        tests[nr + i] = (struct CMUnitTest){
            .name = facts[i].name, .test_func = run_fact, .initial_state = (void *)&facts[i]};
    tests[nr + nf] = (struct CMUnitTest){.name = "hints_are_given", .test_func = hints_are_given};
    int rc = _cmocka_run_group_tests("graph_rules", tests, nr + nf + 1, NULL, NULL);
    free(tests);
    return rc;
}
