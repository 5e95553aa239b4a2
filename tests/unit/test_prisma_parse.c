/*
 * The Prisma parser, construct by construct: one named row per construct with its source and
 * the AST dump written by hand (locations included, counted by hand), plus the diagnostics
 * ids expected. Then the lookup helpers the graph builder uses, and spans that error messages
 * point at (names, attributes, whole blocks).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "parser/prisma.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct parse_case {
    const char *name;
    const char *text;
    const char *want_ids;   /* space-separated ids of the diagnostics, "" for none */
    const char *want_dump;  /* rm_prisma_ast_dump output */
} parse_case;

static const parse_case cases[] = {
    {"empty_model", "model A {\n}\n", "", "(model A @0+11\n)\n"},
    {"field_required_optional_list",
     "model A {\n  a Int\n  b Int?\n  c Int[]\n}\n", "",
     "(model A @0+38\n  (field a @12+1 Int)\n  (field b @20+1 Int?)\n  (field c @29+1 Int[])\n)\n"},
    {"field_attribute_without_args", "model A {\n  id Int @id\n}\n", "",
     "(model A @0+24\n  (field id @12+2 Int (@id))\n)\n"},
    {"attribute_empty_parens", "model A {\n  id Int @id()\n}\n", "",
     "(model A @0+26\n  (field id @12+2 Int (@id (args)))\n)\n"},
    {"default_functions",
     "model A {\n  a Int @default(autoincrement())\n  b String @default(uuid(7))\n}\n", "",
     "(model A @0+74\n  (field a @12+1 Int (@default (args (call autoincrement (args)))))\n"
     "  (field b @46+1 String (@default (args (call uuid (args 7)))))\n)\n"},
    {"native_type", "model A {\n  a String @db.VarChar(255)\n}\n", "",
     "(model A @0+39\n  (field a @12+1 String (@db.VarChar (args 255)))\n)\n"},
    {"relation_named_and_positional",
     "model A {\n  b B @relation(\"r\", fields: [bId], references: [id], onDelete: Cascade)\n}\n",
     "", "(model A @0+84\n  (field b @12+1 B (@relation (args \"r\" fields: [bId] references: [id] "
         "onDelete: Cascade)))\n)\n"},
    {"block_attributes",
     "model A {\n  a Int\n  @@id([a])\n  @@index([a(sort: Desc, length: 10)], type: Hash)\n}\n",
     "", "(model A @0+82\n  (field a @12+1 Int)\n  (@@id (args [a]))\n"
         "  (@@index (args [(call a (args sort: Desc length: 10))] type: Hash))\n)\n"},
    {"trailing_comma_in_arguments", "model A {\n  a Int @default(1,)\n}\n", "E0121",
     "(model A @0+32\n  (field a @12+1 Int (@default (args 1)))\n)\n"},
    {"string_escapes", "model A {\n  a String @default(\"q\\\"\\\\\\n\\u00e9\\ud83d\\ude00\")\n}\n",
     "", "(model A @0+60\n  (field a @12+1 String (@default (args \"q\\\"\\\\\\n\xc3\xa9\xf0\x9f\x98\x80\")))\n)\n"},
    {"unsupported_type", "model A {\n  a Unsupported(\"circle\")?\n}\n", "",
     "(model A @0+38\n  (field a @12+1 (Unsupported \"circle\")?)\n)\n"},
    {"enum_with_map", "enum E {\n  A\n  B @map(\"b\")\n  @@map(\"e\")\n}\n", "",
     "(enum E @0+41\n  (value A @11+1)\n  (value B @15+1 (@map (args \"b\")))\n"
     "  (@@map (args \"e\"))\n)\n"},
    {"datasource_values",
     "datasource db {\n  provider = \"sqlite\"\n  url = env(\"U\")\n  n = 1\n  b = true\n}\n", "",
     "(datasource db @0+75\n  (prop provider @18+8 \"sqlite\")\n  (prop url @40+3 (call env (args \"U\")))\n"
     "  (prop n @57+1 1)\n  (prop b @65+1 true)\n)\n"},
    {"generator_array", "generator c {\n  previewFeatures = [\"a\", \"b\"]\n}\n", "",
     "(generator c @0+46\n  (prop previewFeatures @16+15 [\"a\" \"b\"])\n)\n"},
    {"view_and_type", "view V {\n  a Int\n}\ntype T {\n  b Int\n}\n", "",
     "(view V @0+18\n  (field a @11+1 Int)\n)\n(type T @19+18\n  (field b @30+1 Int)\n)\n"},
    {"doc_comments", "/// m\nmodel A {\n  /// f\n  a Int /// t\n}\n", "",
     "(model A @6+33 (doc \"m\")\n  (field a @26+1 Int (doc \"f\\nt\"))\n)\n"},
    {"object_expression", "model A {\n  a Int @unique(where: { b: true, c: { not: null } })\n}\n",
     "", "(model A @0+65\n  (field a @12+1 Int (@unique (args where: {b: true c: {not: null}})))\n)\n"},
    {"comment_after_open_brace", "model A { // c\n  a Int\n}\n", "",
     "(model A @0+24\n  (field a @17+1 Int)\n)\n"},
    /* Errors: the parse goes on and keeps what it can. */
    {"legacy_colon_keeps_field", "model A {\n  a: Int\n}\n", "E0107",
     "(model A @0+20\n  (field a @12+1 Int)\n)\n"},
    {"invalid_line_is_skipped", "model A {\n  a Int\n  ~~\n  b Int\n}\n", "E0102",
     "(model A @0+32\n  (field a @12+1 Int)\n  (field b @25+1 Int)\n)\n"},
    {"missing_type_drops_field", "model A {\n  a\n  b Int\n}\n", "E0106",
     "(model A @0+23\n  (field b @16+1 Int)\n)\n"},
    {"unclosed_then_next_block", "model A {\n  a Int\nmodel B {\n}\n", "E0105",
     "(model A @0+17\n  (field a @12+1 Int)\n)\n(model B @18+11\n)\n"},
    {"invalid_top_line_then_block", "hello\nenum E {\n  X\n}\n", "E0100",
     "(enum E @6+14\n  (value X @17+1)\n)\n"},
    {"type_alias", "type T = Int\n", "E0114", ""},
    {"several_errors_in_one_run", "model A {\n  a Int[]?\n  b Int!\n  c [Int]\n  d: Int\n}\n",
     "E0110 E0108 E0109 E0107",
     "(model A @0+50\n  (field a @12+1 Int[] legacy)\n  (field b @23+1 Int legacy)\n"
     "  (field c @32+1 Int[] legacy)\n  (field d @42+1 Int)\n)\n"},
};

static void parse_text(const char *text, size_t len, rm_sources *srcs, rm_arena *a, rm_diags *d,
                       rm_prisma_ast **ast)
{
    rm_sources_init(srcs);
    rm_diags_init(d);
    rm_arena_init(a, 0);
    const rm_source *src = rm_sources_add(srcs, "schema.prisma", text, len);
    assert_non_null(src);
    rm_prisma_parse(ast, src, a, d);
    assert_non_null(*ast);
}

static void run_parse_case(void **state)
{
    const parse_case *c = *state;
    rm_sources srcs;
    rm_diags d;
    rm_arena a;
    rm_prisma_ast *ast = NULL;
    parse_text(c->text, strlen(c->text), &srcs, &a, &d, &ast);

    rm_sb ids = RM_SB_INIT;
    for (size_t i = 0; i < d.n; i++) {
        char id[8];
        rm_diag_id_format(id, d.items[i]->id);
        rm_sb_appendf(&ids, "%s%s", i ? " " : "", id);
    }
    assert_string_equal(rm_sb_str(&ids), c->want_ids);
    rm_sb dump = RM_SB_INIT;
    rm_prisma_ast_dump(&dump, ast);
    assert_string_equal(rm_sb_str(&dump), c->want_dump);

    rm_sb_free(&ids);
    rm_sb_free(&dump);
    rm_arena_free(&a);
    rm_diags_free(&d);
    rm_sources_free(&srcs);
}

/* The helpers the graph builder uses, on one schema. */
static void lookup_helpers(void **state)
{
    (void)state;
    const char *text =
        "datasource db {\n"
        "  provider = \"postgresql\"\n"
        "  provider = \"mysql\"\n"
        "}\n"
        "model Post {\n"
        "  id     Int    @id @default(autoincrement())\n"
        "  flag   Boolean @default(false)\n"
        "  title  String @db.VarChar(10) @unique\n"
        "  author User   @relation(\"R\", fields: [aId], references: [id])\n"
        "  @@index([title(sort: Desc), id], map: \"ix\")\n"
        "}\n"
        "enum E {\n"
        "  A @map(\"a\")\n"
        "}\n";
    rm_sources srcs;
    rm_diags d;
    rm_arena a;
    rm_prisma_ast *ast = NULL;
    parse_text(text, strlen(text), &srcs, &a, &d, &ast);
    assert_int_equal(d.n, 0);
    assert_int_equal(ast->nblocks, 3);

    const rm_prisma_block *ds = &ast->blocks[0];
    const rm_prisma_prop *prov = rm_prisma_block_prop(ds, "provider");
    assert_non_null(prov);
    assert_string_equal(rm_prisma_expr_string(&prov->value, NULL), "mysql"); /* last wins */
    assert_null(rm_prisma_block_prop(ds, "url"));

    const rm_prisma_block *post = &ast->blocks[1];
    assert_int_equal(post->kind, RM_PBLOCK_MODEL);
    const rm_prisma_field *id = &post->fields[0];
    const rm_prisma_attr *def = rm_prisma_field_attr(id, "default");
    assert_non_null(def);
    assert_true(rm_prisma_expr_is_func(rm_prisma_attr_arg(def, "value", 0), "autoincrement"));
    assert_null(rm_prisma_field_attr(id, "map"));

    bool b = true;
    assert_true(rm_prisma_expr_bool(rm_prisma_attr_arg(rm_prisma_field_attr(&post->fields[1],
                                                                          "default"),
                                                      NULL, 0),
                                    &b));
    assert_false(b);

    const rm_prisma_field *title = &post->fields[2];
    const char *nt = NULL;
    assert_true(rm_prisma_attr_is_native(&title->attrs[0], "db", &nt));
    assert_string_equal(nt, "VarChar");
    assert_false(rm_prisma_attr_is_native(&title->attrs[0], "pg", NULL));
    assert_false(rm_prisma_attr_is_native(&title->attrs[1], NULL, NULL));

    const rm_prisma_attr *rel = rm_prisma_field_attr(&post->fields[3], "relation");
    assert_string_equal(rm_prisma_expr_string(rm_prisma_attr_arg(rel, "name", 0), NULL), "R");
    const rm_prisma_expr *fields = rm_prisma_attr_arg(rel, "fields", SIZE_MAX);
    assert_non_null(fields);
    assert_int_equal(fields->kind, RM_PEXPR_ARRAY);
    assert_int_equal(fields->n, 1);
    assert_string_equal(rm_prisma_expr_ref_name(&fields->items[0]), "aId");
    assert_null(rm_prisma_attr_arg(rel, "onDelete", SIZE_MAX));
    assert_null(rm_prisma_attr_arg(rel, NULL, 1));
    assert_null(rm_prisma_attr_arg(NULL, "x", 0));

    const rm_prisma_attr *idx = rm_prisma_block_attr(post, "index");
    const rm_prisma_expr *cols = rm_prisma_attr_arg(idx, "fields", 0);
    assert_int_equal(cols->n, 2);
    assert_string_equal(rm_prisma_expr_ref_name(&cols->items[0]), "title");
    assert_true(rm_prisma_expr_is_const(
        rm_prisma_attr_arg((const rm_prisma_attr *)NULL, "sort", SIZE_MAX), "Desc") == false);
    const rm_prisma_arg *sort = rm_prisma_args_get(&cols->items[0].args, "sort", SIZE_MAX);
    assert_true(rm_prisma_expr_is_const(&sort->value, "Desc"));
    assert_string_equal(rm_prisma_expr_string(rm_prisma_attr_arg(idx, "map", SIZE_MAX), NULL),
                        "ix");
    assert_null(rm_prisma_block_attr(post, "map"));

    const rm_prisma_block *e = &ast->blocks[2];
    assert_string_equal(
        rm_prisma_expr_string(rm_prisma_attr_arg(rm_prisma_enum_value_attr(&e->values[0], "map"),
                                                 NULL, 0),
                              NULL),
        "a");
    assert_string_equal(rm_prisma_block_kind_name(e->kind), "enum");

    rm_arena_free(&a);
    rm_diags_free(&d);
    rm_sources_free(&srcs);
}

static void assert_loc_text(const char *text, rm_loc loc, const char *want)
{
    assert_int_equal(loc.len, strlen(want));
    assert_memory_equal(text + loc.off, want, loc.len);
}

/* Spans point where Prisma's do: a name, a whole attribute, a whole block. */
static void spans(void **state)
{
    (void)state;
    const char *text = "/// d\nmodel User {\n  email String? @unique(map: \"k\") // c\n"
                       "  @@map(\"users\")\n}\n";
    rm_sources srcs;
    rm_diags d;
    rm_arena a;
    rm_prisma_ast *ast = NULL;
    parse_text(text, strlen(text), &srcs, &a, &d, &ast);
    assert_int_equal(d.n, 0);
    const rm_prisma_block *b = &ast->blocks[0];
    assert_loc_text(text, b->keyword_loc, "model");
    assert_loc_text(text, b->name_loc, "User");
    assert_loc_text(text, b->loc,
                    "model User {\n  email String? @unique(map: \"k\") // c\n  @@map(\"users\")\n}");
    const rm_prisma_field *f = &b->fields[0];
    assert_loc_text(text, f->name_loc, "email");
    assert_loc_text(text, f->type_loc, "String");
    assert_loc_text(text, f->arity_loc, "?");
    assert_loc_text(text, f->loc, "email String? @unique(map: \"k\")");
    assert_loc_text(text, f->attrs[0].loc, "@unique(map: \"k\")");
    assert_loc_text(text, f->attrs[0].name_loc, "unique");
    assert_loc_text(text, f->attrs[0].args.loc, "(map: \"k\")");
    assert_loc_text(text, f->attrs[0].args.items[0].loc, "map: \"k\"");
    assert_loc_text(text, f->attrs[0].args.items[0].name_loc, "map");
    assert_loc_text(text, f->attrs[0].args.items[0].value.loc, "\"k\"");
    assert_loc_text(text, b->attrs[0].loc, "@@map(\"users\")");
    assert_true(b->attrs[0].block);
    rm_arena_free(&a);
    rm_diags_free(&d);
    rm_sources_free(&srcs);
}

int main(void)
{
    struct CMUnitTest tests[RM_ARRAY_LEN(cases) + 2];
    size_t n = 0;
    for (size_t i = 0; i < RM_ARRAY_LEN(cases); i++)
        tests[n++] = (struct CMUnitTest){.name = cases[i].name, .test_func = run_parse_case,
                                         .initial_state = (void *)&cases[i]};
    tests[n++] = (struct CMUnitTest){.name = "lookup_helpers", .test_func = lookup_helpers};
    tests[n++] = (struct CMUnitTest){.name = "spans", .test_func = spans};
    return _cmocka_run_group_tests("prisma_parse", tests, n, NULL, NULL);
}
