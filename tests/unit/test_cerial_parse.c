/*
 * The Cerial parser and validator, one named row per behaviour: accepted forms, each quirk of
 * Cerial's line parser that relmig reproduces, each validation stage, strict mode, AST shape
 * and locations, and hostile input (garbage, NUL bytes, a 10 MB line, unterminated blocks).
 * Expected messages are Cerial's texts from /work/shared/reference/cerial-messages.md, written
 * here by hand. Golden rendered diagnostics live in test_cerial_golden.c.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "parser/cerial.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct result {
    rm_sources srcs;
    rm_diags d;
    rm_arena a;
    rm_cerial_schema *res;
    int rc;
} result;

static rm_cerial_ctx *g_ctx;

/* Check the texts (NULL-separated list of files) as one schema. */
static void run_texts(result *r, const char *const *texts, const size_t *lens, size_t n,
                      bool strict)
{
    uint32_t ids[8];
    size_t i;
    rm_cerial_opts o = {strict};
    rm_sources_init(&r->srcs);
    rm_diags_init(&r->d);
    rm_arena_init(&r->a, 0);
    for (i = 0; i < n; i++) {
        char name[32];
        rm_source *s;
        snprintf(name, sizeof(name), "f%zu.cerial", i);
        s = rm_sources_add(&r->srcs, name, texts[i], lens ? lens[i] : strlen(texts[i]));
        assert_non_null(s);
        ids[i] = s->id;
    }
    r->rc = rm_cerial_check(&r->res, g_ctx, &r->srcs, ids, n, &o, &r->a, &r->d);
}

static void result_free(result *r)
{
    rm_arena_free(&r->a);
    rm_diags_free(&r->d);
    rm_sources_free(&r->srcs);
}

static const rm_diag *first_error(const result *r)
{
    size_t i;
    for (i = 0; i < r->d.n; i++)
        if (r->d.items[i]->sev == RM_SEV_ERROR)
            return r->d.items[i];
    return NULL;
}

static uint32_t diag_line(const result *r, const rm_diag *g)
{
    uint32_t line = 0, col = 0;
    const rm_source *s = rm_sources_get(&r->srcs, g->loc.file);
    if (s != NULL)
        rm_source_line_col(s, g->loc.off, &line, &col);
    return line;
}

/* ---------------------------------------------------------------------------------------- */

typedef struct row {
    const char *name;
    const char *text;
    const char *want; /* NULL: the schema is valid; else Cerial's first message */
    uint32_t line;    /* expected line of the first error (0: not checked) */
    uint16_t id;      /* expected diagnostic id (0: not checked) */
} row;

#define BASE "model User {\n  id Record @id\n"

static const row rows[] = {
    /* accepted forms */
    {"ok_minimal", "model User {\n  id Record @id\n}\n", NULL, 0, 0},
    {"ok_crlf_bom", "\xEF\xBB\xBFmodel User {\r\n  id Record @id\r\n}\r\n", NULL, 0, 0},
    {"ok_brace_next_line", "model User\n\n# c\n{\n  id Record @id\n}\n", NULL, 0, 0},
    {"ok_all_block_kinds",
     "enum Role { Admin, Editor }\nliteral Level { 'low', 1, true, String }\n"
     "tuple Point { Float, Float }\nobject Addr {\n  city String\n}\n"
     "model User {\n  id Record(int) @id\n  role Role @default(Admin)\n  lvl Level\n"
     "  at Point?\n  addr Addr?\n  tags String[] @distinct @sort(false)\n}\n",
     NULL, 0, 0},
    {"ok_relations_one_to_many",
     "model User {\n  id Record @id\n  posts Relation[] @model(Post)\n}\n"
     "model Post {\n  id Record @id\n  authorId Record\n"
     "  author Relation @field(authorId) @model(User)\n}\n",
     NULL, 0, 0},
    {"ok_extends_abstract_pick",
     "abstract model Base {\n  id Record @id\n  createdAt Date @createdAt\n  note String\n}\n"
     "model User extends Base[id, createdAt] {\n  name String\n}\n",
     NULL, 0, 0},
    {"ok_enum_whitespace_values", BASE "  r E\n}\nenum E { A B C }\n", NULL, 0, 0},
    {"ok_forward_reference_type", BASE "  a Addr\n}\nobject Addr {\n  x Int\n}\n", NULL, 0, 0},
    /* quirks reproduced on purpose */
    {"quirk_unknown_top_level_ignored", "garbage line\nModel X {\n  nonsense\n}\n" BASE "}\n", NULL,
     0, 0},
    {"quirk_trailing_tokens_ignored", BASE "  name String extra words here\n}\n", NULL, 0, 0},
    {"quirk_decorator_before_name", BASE "  @unique email Email\n}\n", NULL, 0, 0},
    {"quirk_unknown_decorator_dropped", BASE "  name String @foo @unique() @collection\n}\n", NULL,
     0, 0},
    {"quirk_block_comment_is_field", BASE "  /* note */\n}\n", "Invalid field name: /*", 3,
     RM_E_CERIAL_FIELD_NAME},
    {"quirk_slashes_in_default_truncate", BASE "  url String @default(\"http://x\")\n}\n",
     "Decorator '@default' requires a value. Use @default(value)", 3, RM_E_CERIAL_DECORATOR_VALUE},
    {"quirk_one_line_model_swallows_next",
     "model A { id Record @id }\nmodel B {\n  id Record @id\n}\n", NULL, 0, 0},
    {"quirk_two_ids_pass_cli", BASE "  other Record @id\n}\n", NULL, 0, 0},
    {"quirk_duplicate_model_first_wins", BASE "}\nmodel User {\n  id Record @id\n}\n", NULL, 0, 0},
    /* parse errors */
    {"parse_expected_brace", "model User\n  id Record @id\n}\n", "Expected '{' for model User", 2,
     RM_E_CERIAL_EXPECTED_BRACE},
    {"parse_invalid_declaration", "model {\n}\n", "Invalid model declaration: model {", 1,
     RM_E_CERIAL_BAD_HEADER},
    {"parse_field_type", BASE "  name Strig\n}\n",
     "Invalid field type: Strig. Use String, Email, Int, Date, Bool, Float, Uuid, Record, "
     "Relation, or array types (String[], Int[], Date[], Uuid[], Record[], Relation[]).",
     3, RM_E_CERIAL_FIELD_TYPE},
    {"parse_optional_array_rejected", BASE "  tags String[]?\n}\n",
     "Invalid field type: String[]?. Use String, Email, Int, Date, Bool, Float, Uuid, Record, "
     "Relation, or array types (String[], Int[], Date[], Uuid[], Record[], Relation[]).",
     3, RM_E_CERIAL_FIELD_TYPE},
    {"parse_field_declaration", BASE "  email\n}\n", "Invalid field declaration: email", 3,
     RM_E_CERIAL_FIELD_SYNTAX},
    {"parse_field_name_case", BASE "  Name String\n}\n", "Invalid field name: Name", 3,
     RM_E_CERIAL_FIELD_NAME},
    {"parse_bare_model_decorator", BASE "  u Relation @model\n}\n",
     "Decorator '@model' requires a value. Use @model(ModelName)", 3, RM_E_CERIAL_DECORATOR_VALUE},
    {"parse_composite_syntax", BASE "  @@unique([a, b])\n}\n",
     "Invalid composite directive syntax: @@unique([a, b]). Expected @@index(name, [field1, "
     "field2, ...]) or @@unique(name, [field1, field2, ...])",
     3, RM_E_CERIAL_COMPOSITE_SYNTAX},
    {"parse_extends_unclosed", "model A extends B[x {\n  id Record @id\n}\n",
     "Unclosed bracket in extends clause \xE2\x80\x94 missing closing ]", 1,
     RM_E_CERIAL_EXTENDS_SYNTAX},
    {"parse_extends_mixed", "model A extends B[x, !y] {\n  id Record @id\n}\n",
     "Cannot mix pick and omit in extends bracket \xE2\x80\x94 use either [field1, field2] or "
     "[!field1, !field2], not both",
     1, RM_E_CERIAL_EXTENDS_SYNTAX},
    {"parse_enum_number_line_after", "enum E { A, 1 }\n" BASE "}\n",
     "Enum E: values must be bare identifiers, not numbers: 1", 2, RM_E_CERIAL_ENUM_VALUE},
    {"parse_literal_null", "literal L { 'a', null }\n" BASE "}\n",
     "null is not allowed in literal L. Use @nullable on the field instead.", 2,
     RM_E_CERIAL_LITERAL_VARIANT},
    {"parse_tuple_element", "tuple T { Float, Nope }\n" BASE "}\n",
     "Invalid tuple element 'Nope' in tuple T", 2, RM_E_CERIAL_TUPLE_ELEMENT},
    /* extends stage */
    {"extends_no_id", "model User {\n  name String\n}\n",
     "Model \"User\" does not have an @id field. Every concrete model must have exactly one field "
     "with @id.",
     1, RM_E_CERIAL_NO_ID},
    {"extends_empty_model", "model User {\n}\n",
     "Model \"User\" has no fields. A model must have at least one field, or extend a parent "
     "type.",
     1, RM_E_CERIAL_EMPTY_TYPE},
    {"extends_missing_target", "model User extends Base {\n  id Record @id\n}\n",
     "model \"User\" extends \"Base\", but no model with that name exists.", 1,
     RM_E_CERIAL_EXTENDS_TARGET},
    {"extends_cycle",
     "abstract model A extends B {\n  x Int\n}\nabstract model B extends A {\n  y Int\n}\n" BASE
     "}\n",
     "Circular extends in models: A \xE2\x86\x92 B \xE2\x86\x92 A", 1, RM_E_CERIAL_EXTENDS_CYCLE},
    {"extends_concrete_parent", BASE "}\nmodel Admin extends User {\n  level Int\n}\n",
     "Model \"Admin\" extends concrete model \"User\". Models can only extend abstract models.", 4,
     RM_E_CERIAL_ABSTRACT},
    {"extends_private_override",
     "abstract model B {\n  id Record @id\n  secret String !!private\n}\n"
     "model U extends B {\n  secret Int\n}\n",
     "Field \"secret\" in model \"U\" overrides a private field from parent \"B\". Private fields "
     "cannot be overridden.",
     6, RM_E_CERIAL_PRIVATE_OVERRIDE},
    /* resolved stage */
    {"resolved_no_id_after_pick",
     "abstract model B {\n  id Record @id\n  n String\n}\nmodel U extends B[n] {\n  x Int\n}\n",
     "Model \"U\" does not have an @id field after inheritance resolution. A concrete model must "
     "have an @id field, either defined directly or inherited from a parent.",
     5, RM_E_CERIAL_NO_ID},
    /* validate stage */
    {"validate_unknown_relation_model", BASE "  p Relation[] @model(Post)\n}\n",
     "Relation field \"p\" references non-existent model \"Post\"", 3, RM_E_CERIAL_RELATION},
    {"validate_single_sided_required",
     BASE "}\nmodel Post {\n  id Record @id\n  uid Record\n"
          "  u Relation @field(uid) @model(User)\n}\n",
     "Single-sided relation \"u\" must be optional (Relation?) because no reverse is defined in "
     "\"User\"",
     7, RM_E_CERIAL_RELATION},
    {"validate_ondelete_required",
     BASE "  posts Relation[] @model(Post)\n}\nmodel Post {\n  id Record @id\n  uid Record\n"
          "  u Relation @field(uid) @model(User) @onDelete(SetNull)\n}\n",
     "@onDelete is only allowed on optional or nullable relations. \"u\" is required - required "
     "relations auto-cascade on delete",
     8, RM_E_CERIAL_RELATION},
    {"validate_key_required",
     BASE "  a Relation[] @model(Post)\n  b Relation[] @model(Post)\n}\nmodel Post {\n"
          "  id Record @id\n  uid Record\n  u Relation @field(uid) @model(User)\n}\n",
     "Multiple relations to \"Post\" require @key for disambiguation. Add @key(name) to \"a\"", 3,
     RM_E_CERIAL_RELATION},
    {"validate_now_on_string", BASE "  at String @now\n}\n",
     "@now can only be used on Date fields, but 'at' in model User is of type 'string'.", 3,
     RM_E_CERIAL_DECORATOR_PLACEMENT},
    {"validate_optional_tuple_element", "tuple T { Float, Float? }\n" BASE "}\n",
     "Optional elements (?) are not allowed in tuples. Use @nullable instead. SurrealDB returns "
     "null (not undefined) for absent tuple positions, making ? semantically incorrect. Element "
     "'element[1]' in tuple T.",
     1, RM_E_CERIAL_TUPLE_RULE},
    {"validate_record_type_unknown", "model User {\n  id Record(MyTuple) @id\n}\n",
     "Type 'MyTuple' in Record(MyTuple) on field \"id\" in model \"User\" is not a defined tuple "
     "or "
     "object. Did you mean to define a tuple or object named 'MyTuple'?",
     2, RM_E_CERIAL_RECORD_ID_TYPE},
    {"validate_model_name_case", "model user_x {\n  id Record @id\n}\n",
     "Invalid model name: user_x. Must be PascalCase.", 1, RM_E_CERIAL_NAME},
    {"no_models", "object A {\n  x Int\n}\n", "No models found in schema files", 0,
     RM_E_CERIAL_NO_MODELS},
    {"no_models_empty_file", "", "No models found in schema files", 0, RM_E_CERIAL_NO_MODELS},
    /* hostile input */
    {"hostile_garbage", "\x01\x02\xff\xfe{{{}}} @@@ model\n))((\n",
     "No models found in schema files", 0, RM_E_CERIAL_NO_MODELS},
    {"hostile_unterminated_model", "model User {\n  id Record @id\n  name String\n", NULL, 0, 0},
    /* an unterminated enum swallows the following lines up to one ending in '}' (Cerial) */
    {"hostile_unterminated_enum", "enum E {\n  A\n  B\n" BASE "}\n",
     "Enum E: invalid value '{'. Values must be valid identifiers", 7, RM_E_CERIAL_ENUM_VALUE},
    /* `@default(((( @field()` is one @default token: no error, as in Cerial */
    {"hostile_decorator_soup", BASE "  x String @@@@ @( @) @default(((( @field()))\n}\n", NULL, 0,
     0},
};

static void test_row(void **state)
{
    const row *rw = *state;
    result r;
    const char *texts[1] = {rw->text};
    const rm_diag *g;
    run_texts(&r, texts, NULL, 1, false);
    g = first_error(&r);
    if (rw->want == NULL) {
        if (g != NULL)
            fail_msg("%s: unexpected error: %s", rw->name, g->msg);
        assert_int_equal(r.rc, RM_OK);
        assert_non_null(r.res);
    } else {
        if (g == NULL)
            fail_msg("%s: no error, wanted: %s", rw->name, rw->want);
        assert_string_equal(g->msg, rw->want);
        assert_int_not_equal(r.rc, RM_OK);
        if (rw->line != 0)
            assert_int_equal(diag_line(&r, g), rw->line);
        if (rw->id != 0)
            assert_int_equal(g->id, rw->id);
    }
    result_free(&r);
}

/* ---------------------------------------------------------------------------------------- */
/* AST shape and locations                                                                  */

static void test_ast_shape(void **state)
{
    static const char text[] =
        "model Post {\n"
        "  id Record(int) @id\n"
        "  authorId Record? @nullable\n"
        "  author Relation? @field(authorId) @model(User) @onDelete(SetNull)\n"
        "  tags String[] @distinct\n"
        "  @@index(byTags, [tags, authorId])\n"
        "}\n"
        "model User {\n  id Record @id\n  posts Relation[] @model(Post)\n}\n";
    result r;
    const char *texts[1] = {text};
    const rm_cerial_block *post;
    const rm_cerial_field *f;
    const rm_cerial_dec *dec;
    (void)state;
    run_texts(&r, texts, NULL, 1, false);
    assert_int_equal(r.rc, RM_OK);
    post = rm_cerial_find(r.res, RM_CERIAL_MODEL, "Post");
    assert_non_null(post);
    assert_int_equal(post->nfields, 4);
    assert_int_equal(post->ncomposites, 1);
    assert_string_equal(post->composites[0].name, "byTags");
    assert_int_equal(post->composites[0].nfields, 2);
    f = post->fields[0];
    assert_int_equal(f->type, RM_CT_RECORD);
    assert_int_equal(f->nrecord_types, 1);
    assert_string_equal(f->record_types[0], "int");
    f = post->fields[1];
    assert_true(f->optional);
    assert_true(f->nullable);
    f = post->fields[2];
    assert_int_equal(f->type, RM_CT_RELATION);
    dec = rm_cerial_field_dec(f, RM_CD_ON_DELETE);
    assert_non_null(dec);
    assert_string_equal(dec->value, "SetNull");
    /* locations: byte offsets of the name, the type and the decorator */
    assert_int_equal(f->name_loc.off, (uint32_t)(strstr(text, "author Relation") - text));
    assert_int_equal(f->name_loc.len, 6);
    assert_int_equal(f->type_loc.off, (uint32_t)(strstr(text, "Relation?") - text));
    assert_int_equal(f->type_loc.len, 9);
    assert_int_equal(dec->loc.off, (uint32_t)(strstr(text, "@onDelete") - text));
    assert_int_equal(dec->loc.len, strlen("@onDelete(SetNull)"));
    f = post->fields[3];
    assert_true(f->array);
    assert_string_equal(rm_cerial_snake_case(&r.a, "BlogPostABC"), "blog_post_a_b_c");
    result_free(&r);
}

static void test_value_locations(void **state)
{
    static const char text[] = "enum Role {\n  Admin,\n  Viewer\n}\nliteral L { 'a', 42 }\n"
                               "abstract model Base {\n  id Record @id\n}\n"
                               "model User extends Base {\n  r Role\n  l L\n}\n";
    result r;
    const char *texts[1] = {text};
    const rm_cerial_block *e, *l, *u;
    (void)state;
    run_texts(&r, texts, NULL, 1, false);
    assert_int_equal(r.rc, RM_OK);
    e = rm_cerial_find(r.res, RM_CERIAL_ENUM, "Role");
    l = rm_cerial_find(r.res, RM_CERIAL_LITERAL, "L");
    u = rm_cerial_find(r.res, RM_CERIAL_MODEL, "User");
    assert_non_null(e);
    assert_non_null(l);
    assert_non_null(u);
    assert_int_equal(e->nvalues, 2);
    assert_int_equal(e->value_locs[1].off, (uint32_t)(strstr(text, "Viewer") - text));
    assert_int_equal(e->value_locs[1].len, 6);
    assert_int_equal(l->nvariants, 2);
    assert_int_equal(l->variants[1].loc.off, (uint32_t)(strstr(text, "42") - text));
    assert_int_equal(l->variants[1].loc.len, 2);
    assert_string_equal(l->variants[1].text, "42");
    /* resolved: extends gone, fields inherited (id first) */
    assert_null(u->extends);
    assert_int_equal(u->nfields, 3);
    assert_string_equal(u->fields[0]->name, "id");
    result_free(&r);
}

static void test_multi_file_namespace(void **state)
{
    const char *texts[2] = {"model User {\n  id Record @id\n  addr Addr?\n  r Role\n}\n",
                            "object Addr {\n  city String\n}\nenum Role { A, B }\n"};
    const char *bad[2] = {"model User {\n  id Record @id\n}\n", "model Post {\n  x Nope\n}\n"};
    result r;
    const rm_diag *g;
    const rm_source *s;
    (void)state;
    run_texts(&r, texts, NULL, 2, false);
    assert_int_equal(r.rc, RM_OK);
    result_free(&r);
    run_texts(&r, bad, NULL, 2, false);
    g = first_error(&r);
    assert_non_null(g);
    s = rm_sources_get(&r.srcs, g->loc.file);
    assert_string_equal(s->path, "f1.cerial");
    assert_int_equal(diag_line(&r, g), 2);
    result_free(&r);
}

static void test_strict(void **state)
{
    const char *texts[1] = {"model User {\n  id Record @id\n  pk Record @id\n"
                            "  a String @index @unique\n  @@unique(one, [a])\n}\n"};
    result r;
    size_t i, nwarn = 0;
    (void)state;
    run_texts(&r, texts, NULL, 1, false);
    assert_int_equal(r.rc, RM_OK);
    for (i = 0; i < r.d.n; i++)
        if (r.d.items[i]->sev == RM_SEV_WARNING && r.d.items[i]->id == RM_E_CERIAL_STRICT)
            nwarn++;
    assert_int_equal(nwarn, 3);
    result_free(&r);
    run_texts(&r, texts, NULL, 1, true);
    assert_int_equal(r.rc, RM_ESEMANTIC);
    assert_non_null(first_error(&r));
    /* Cerial's order: field by field, the second @id before field a's findings */
    assert_string_equal(first_error(&r)->msg,
                        "Multiple @id decorators in model User. Only one @id field is allowed per "
                        "model.");
    result_free(&r);
}

static bool has_warning(const result *r, const char *msg)
{
    size_t i;
    for (i = 0; i < r->d.n; i++)
        if (r->d.items[i]->sev == RM_SEV_WARNING && strcmp(r->d.items[i]->msg, msg) == 0)
            return true;
    return false;
}

/* Strict checks of parser.ts validateSchema on literals and names, one row per finding:
 * without strict the schema is accepted with exactly these E0450 warnings (in this order);
 * with strict the first one is the first error. The nesting rows are the corpus's
 * literal-nesting-validator cases (shared/corpus/cerial, INDEX.json parserValidateSchema) with
 * a model added so that `cerial generate` accepts them. */
typedef struct strict_row {
    const char *name;
    const char *text;
    const char *want[3]; /* NULL-terminated; none: no strict finding */
} strict_row;

#define SMODEL "model M {\n  id Record @id\n}\n"

static const strict_row strict_rows[] = {
    {"strict_literal_duplicate_variant",
     SMODEL "literal L { 'a', 1, 'a', 1.5, 1 }\n",
     {"Duplicate variant in literal L", "Duplicate variant in literal L"}},
    {"strict_literal_same_text_other_kind", SMODEL "literal L { '1', 1, 'true', true }\n", {NULL}},
    {"strict_literal_object_with_object_field",
     SMODEL "object Inner {\n  x Int\n}\nobject Outer {\n  name String\n  inner Inner\n}\n"
            "literal Bad { 'none', Outer }\n",
     {"Object 'Outer' referenced in literal 'Bad' contains object field 'inner'. Only primitive "
      "and simple literal-typed fields are allowed in literal-referenced objects"}},
    {"strict_literal_object_with_tuple_field",
     SMODEL "tuple Coord { Float, Float }\nobject Location {\n  coord Coord\n}\n"
            "literal Bad { 'none', Location }\n",
     {"Object 'Location' referenced in literal 'Bad' contains tuple field 'coord'. Only primitive "
      "and simple literal-typed fields are allowed in literal-referenced objects"}},
    {"strict_literal_object_with_complex_literal",
     SMODEL "literal Base { 'a', 'b' }\nliteral Extended { Base, 'c' }\n"
            "object Data {\n  name String\n  kind Extended\n}\nliteral Bad { 'none', Data }\n",
     {"Object 'Data' referenced in literal 'Bad' contains literal field 'kind' referencing "
      "'Extended' which has non-primitive variants. Nested literals must only contain primitive "
      "variants"}},
    {"strict_literal_tuple_with_object_element",
     SMODEL "object Pos {\n  x Int\n}\ntuple Located { String, Pos }\n"
            "literal Bad { 'none', Located }\n",
     {"Tuple 'Located' referenced in literal 'Bad' contains object element 'element[1]'. Only "
      "primitive and simple literal-typed elements are allowed in literal-referenced tuples"}},
    {"strict_literal_tuple_with_nested_tuple",
     SMODEL "tuple Inner { Int, Int }\ntuple Outer { name String, in Inner }\n"
            "literal Bad { 'none', Outer }\n",
     {"Tuple 'Outer' referenced in literal 'Bad' contains nested tuple element 'in'. Only "
      "primitive and simple literal-typed elements are allowed in literal-referenced tuples"}},
    {"strict_literal_tuple_with_complex_literal",
     SMODEL "tuple Simple { Int, Int }\nliteral Complex { 'a', Simple }\n"
            "tuple WithComplex { String, Complex }\nliteral Bad { 'none', WithComplex }\n",
     {"Tuple 'WithComplex' referenced in literal 'Bad' contains literal element 'element[1]' "
      "referencing 'Complex' which has non-primitive variants. Nested literals must only contain "
      "primitive variants"}},
    /* flat objects/tuples, enum-typed members and primitive literals are fine */
    {"strict_literal_flat_refs_ok",
     SMODEL "enum Role { A, B }\nliteral Status { 'on', 'off' }\n"
            "object Point {\n  x Int\n  role Role\n  st Status\n}\n"
            "tuple Pair { Float, Status }\nliteral Ok { 'none', Point, Pair, Status, Role }\n",
     {NULL}},
    {"strict_literal_circular",
     SMODEL "literal A { 'a', B }\nliteral B { 'b', C }\nliteral C { 'c', A }\n",
     {"Circular literal reference detected: A -> B", "Circular literal reference detected: B -> C",
      "Circular literal reference detected: C -> A"}},
    /* D only leads into the cycle B <-> C: Cerial reports D's reference too */
    {"strict_literal_reaches_cycle",
     SMODEL "literal D { B }\nliteral B { 'b', C }\nliteral C { 'c', B }\n",
     {"Circular literal reference detected: D -> B", "Circular literal reference detected: B -> C",
      "Circular literal reference detected: C -> B"}},
    {"strict_literal_chain_not_circular",
     SMODEL "literal A { 'a', B }\nliteral B { 'b', C }\nliteral C { 'c' }\n",
     {NULL}},
    /* one finding per @id field after the first, as in Cerial */
    {"strict_three_ids",
     "model M {\n  id Record @id\n  a String @id\n  b String @id\n}\n",
     {"Multiple @id decorators in model M. Only one @id field is allowed per model.",
      "Multiple @id decorators in model M. Only one @id field is allowed per model."}},
    /* composite names are global; each reuse names the model of the first use */
    {"strict_composite_name_reused",
     "model A {\n  id Record @id\n  x String\n  y String\n  @@unique(k, [x, y])\n}\n"
     "model B {\n  id Record @id\n  x String\n  y String\n  @@index(k, [x, y])\n"
     "  @@index(k, [y, x])\n}\n",
     {"Composite directive name 'k' is already used in model A. Names must be unique across all "
      "models.",
      "Composite directive name 'k' is already used in model A. Names must be unique across all "
      "models."}},
    {"strict_literal_conflicts_with_enum",
     SMODEL "enum S { A }\nliteral S { 'a' }\n",
     {"Enum name 'S' conflicts with literal name", "Literal name 'S' conflicts with enum name"}},
    {"strict_enum_conflicts_with_every_kind",
     SMODEL "object X {\n  a Int\n}\ntuple X { Int }\nenum X { A }\n",
     {"Tuple name 'X' conflicts with object name", "Enum name 'X' conflicts with object name",
      "Enum name 'X' conflicts with tuple name"}},
};

static void test_strict_row(void **state)
{
    const strict_row *rw = *state;
    const char *texts[1] = {rw->text};
    result r;
    size_t i, k = 0, nwant = 0;
    while (nwant < 3 && rw->want[nwant] != NULL)
        nwant++;
    run_texts(&r, texts, NULL, 1, false);
    if (first_error(&r) != NULL)
        fail_msg("%s: unexpected error: %s", rw->name, first_error(&r)->msg);
    assert_int_equal(r.rc, RM_OK);
    for (i = 0; i < r.d.n; i++) {
        if (r.d.items[i]->id != RM_E_CERIAL_STRICT)
            continue;
        assert_int_equal(r.d.items[i]->sev, RM_SEV_WARNING);
        if (k >= nwant)
            fail_msg("%s: unexpected strict finding: %s", rw->name, r.d.items[i]->msg);
        assert_string_equal(r.d.items[i]->msg, rw->want[k]);
        k++;
    }
    assert_int_equal(k, nwant);
    result_free(&r);
    run_texts(&r, texts, NULL, 1, true);
    if (nwant == 0) {
        assert_int_equal(r.rc, RM_OK);
    } else {
        assert_int_equal(r.rc, RM_ESEMANTIC);
        assert_non_null(first_error(&r));
        assert_string_equal(first_error(&r)->msg, rw->want[0]);
    }
    result_free(&r);
}

static void test_strict_composites_tuples(void **state)
{
    const char *texts[1] = {
        "object Addr {\n  city String\n}\ntuple Tree { v Int, kids Tree }\n"
        "model Shop {\n  id Record @id\n  addr Addr\n  name String\n"
        "  @@unique(a, [addr, addr.city])\n  @@index(b, [name, addr.zip])\n}\n"};
    result r;
    (void)state;
    run_texts(&r, texts, NULL, 1, false);
    assert_int_equal(r.rc, RM_OK);
    assert_true(has_warning(&r, "Composite @@unique(\"a\") references both 'addr' (whole object) "
                                "and its subfield(s). This is redundant \xE2\x80\x94 use either "
                                "the whole object or specific subfields."));
    assert_true(has_warning(
        &r, "Field 'addr.zip' in composite @@index(\"b\") does not exist in model Shop"));
    assert_true(has_warning(&r, "Self-referencing tuple element in tuple Tree must be optional to "
                                "avoid infinite recursion"));
    result_free(&r);
}

static void test_all_errors_at_once(void **state)
{
    const char *texts[1] = {"model User {\n  id Record @id\n  a String @now\n  b Int @uuid\n"
                            "  c Any?\n}\n"};
    result r;
    (void)state;
    run_texts(&r, texts, NULL, 1, false);
    assert_int_equal(r.d.nerrors, 3);
    result_free(&r);
}

/* Hostile: NUL bytes and a 10 MB line must give diagnostics, no crash, bounded time. */
static void test_hostile_nul(void **state)
{
    static const char text[] = "model User {\n  id Record @id\n  na\0me String\n}\n\0\0\0";
    const char *texts[1] = {text};
    size_t lens[1] = {sizeof(text) - 1};
    result r;
    (void)state;
    run_texts(&r, texts, lens, 1, false);
    assert_non_null(first_error(&r));
    result_free(&r);
}

static void test_hostile_huge_line(void **state)
{
    size_t n = 10u * 1024 * 1024, i;
    char *text = malloc(n + 64);
    const char *texts[1];
    size_t lens[1];
    result r;
    clock_t t0 = clock();
    (void)state;
    assert_non_null(text);
    memcpy(text, "model User {\n  id Record @id\n  x ", 33);
    for (i = 33; i < n; i++)
        text[i] = (char)("Record(@[ (,"[i % 12]);
    memcpy(text + n, "\n}\n", 4);
    texts[0] = text;
    lens[0] = n + 3;
    run_texts(&r, texts, lens, 1, false);
    assert_non_null(first_error(&r));
    assert_int_equal(first_error(&r)->id, RM_E_CERIAL_LINE_TOO_LONG);
    assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 5.0);
    result_free(&r);
    free(text);
}

static void test_hostile_many_lines(void **state)
{
    /* 200k short garbage lines and many blocks: linear time */
    size_t n = 200000, i, len = 0;
    char *text = malloc(n * 24 + 64);
    const char *texts[1];
    size_t lens[1];
    result r;
    clock_t t0 = clock();
    (void)state;
    assert_non_null(text);
    for (i = 0; i < n; i++)
        len += (size_t)sprintf(text + len, i % 3 ? "enum E%zu { A }\n" : "@@ [ ( %zu\n", i);
    memcpy(text + len, "model User {\n  id Record @id\n}\n", 32);
    texts[0] = text;
    lens[0] = len + 31;
    run_texts(&r, texts, lens, 1, false);
    assert_null(first_error(&r));
    assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 10.0);
    result_free(&r);
    free(text);
}

/* Deterministic mutations of a realistic schema (byte flips, structural characters, cuts):
 * every variant must parse and validate without crashing (run under ASan in CI). */
static void test_hostile_mutations(void **state)
{
    static const char base[] =
        "enum Role { Admin, Editor }\nliteral L { 'a', 1, Role }\ntuple P { x Float, y Float "
        "@default(0) }\nobject Addr {\n  city String @default(\"x\")\n  zip String? @index\n}"
        "\nabstract model Base {\n  id Record(int) @id\n  note String !!private\n}\n"
        "model User extends Base[!note] {\n  email Email @unique\n  role Role @default(Admin)\n"
        "  posts Relation[] @model(Post)\n  @@unique(byEmail, [email, role])\n}\n"
        "model Post {\n  id Record @id\n  authorId Record? @nullable\n"
        "  author Relation? @field(authorId) @model(User) @onDelete(SetNull)\n  at P?\n}\n";
    static const char inject[] = "{}[]()@!,?#/ \n\0\"'";
    char buf[sizeof(base) + 64];
    uint32_t seed = 12345;
    size_t round;
    (void)state;
    for (round = 0; round < 400; round++) {
        size_t len = sizeof(base) - 1, k, nmut;
        result r;
        const char *texts[1] = {buf};
        size_t lens[1];
        memcpy(buf, base, len);
        seed = seed * 1103515245u + 12345u;
        nmut = 1 + (seed >> 16) % 6;
        for (k = 0; k < nmut; k++) {
            size_t pos;
            seed = seed * 1103515245u + 12345u;
            pos = (seed >> 8) % len;
            switch ((seed >> 4) % 3) {
            case 0:
                buf[pos] = inject[(seed >> 20) % (sizeof(inject) - 1)];
                break;
            case 1:
                buf[pos] = (char)(seed >> 24);
                break;
            default:
                len = pos + 1; /* cut */
                break;
            }
        }
        lens[0] = len;
        run_texts(&r, texts, lens, 1, (round & 1) != 0);
        assert_true(r.rc == RM_OK || r.d.nerrors > 0);
        result_free(&r);
    }
}

static int setup(void **state)
{
    (void)state;
    g_ctx = rm_cerial_ctx_new();
    return g_ctx == NULL;
}

static int teardown(void **state)
{
    (void)state;
    rm_cerial_ctx_free(g_ctx);
    return 0;
}

int main(void)
{
    size_t n = RM_ARRAY_LEN(rows), i, k = 0;
    struct CMUnitTest *tests = calloc(n + RM_ARRAY_LEN(strict_rows) + 16, sizeof(*tests));
    int rc;
    for (i = 0; i < n; i++) {
        tests[k].name = rows[i].name;
        tests[k].test_func = test_row;
        tests[k].initial_state = (void *)&rows[i];
        k++;
    }
    for (i = 0; i < RM_ARRAY_LEN(strict_rows); i++) {
        tests[k].name = strict_rows[i].name;
        tests[k].test_func = test_strict_row;
        tests[k].initial_state = (void *)&strict_rows[i];
        k++;
    }
    tests[k++] = (struct CMUnitTest)cmocka_unit_test(test_ast_shape);
    tests[k++] = (struct CMUnitTest)cmocka_unit_test(test_multi_file_namespace);
    tests[k++] = (struct CMUnitTest)cmocka_unit_test(test_value_locations);
    tests[k++] = (struct CMUnitTest)cmocka_unit_test(test_strict);
    tests[k++] = (struct CMUnitTest)cmocka_unit_test(test_strict_composites_tuples);
    tests[k++] = (struct CMUnitTest)cmocka_unit_test(test_all_errors_at_once);
    tests[k++] = (struct CMUnitTest)cmocka_unit_test(test_hostile_nul);
    tests[k++] = (struct CMUnitTest)cmocka_unit_test(test_hostile_huge_line);
    tests[k++] = (struct CMUnitTest)cmocka_unit_test(test_hostile_many_lines);
    tests[k++] = (struct CMUnitTest)cmocka_unit_test(test_hostile_mutations);
    rc = _cmocka_run_group_tests("cerial_parse", tests, k, setup, teardown);
    free(tests);
    return rc;
}
