/*
 * The physical schema's builder and lookups, and the fixture text reader: one row per input,
 * checking either what was built or which diagnostic (id and byte offset) was reported.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "diff/diff.h"
#include "sqlschema/text.h"
#include "testutil.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- builder ---------------------------------------------------------------------------- */

/* NULL schema first, then by schema, then by name. */
static bool qualified_less(const rm_sql_table *x, const rm_sql_table *y)
{
    if (!x->schema != !y->schema)
        return !x->schema;
    int c = x->schema ? strcmp(x->schema, y->schema) : 0;
    return c < 0 || (c == 0 && strcmp(x->name, y->name) < 0);
}

static void builder_lookup(void **state)
{
    (void)state;
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_sqlschema s;
    rm_sqlschema_init(&s, &a);
    /* Insert out of name order: declaration order must be kept, lookups must still work. */
    const char *names[] = {"zeta", "Alpha", "mid", "_join", "beta"};
    for (size_t i = 0; i < RM_ARRAY_LEN(names); i++)
        assert_non_null(rm_sqlschema_add_table(&s, NULL, names[i]));
    assert_non_null(rm_sqlschema_add_table(&s, "other", "zeta"));
    assert_null(rm_sqlschema_add_table(&s, NULL, "mid"));
    assert_int_equal(s.ntables, 6);
    for (size_t i = 0; i < RM_ARRAY_LEN(names); i++) {
        assert_string_equal(s.tables[i]->name, names[i]);
        assert_int_equal(s.tables[i]->pos, i);
        const rm_sql_table *t = rm_sqlschema_find_table(&s, NULL, names[i]);
        assert_ptr_equal(t, s.tables[i]);
    }
    assert_ptr_equal(rm_sqlschema_find_table(&s, "other", "zeta"), s.tables[5]);
    assert_null(rm_sqlschema_find_table(&s, "public", "zeta"));
    assert_null(rm_sqlschema_find_table(&s, NULL, "Zeta"));
    for (size_t i = 1; i < s.ntables; i++)
        assert_true(qualified_less(s.tables_by_name[i - 1], s.tables_by_name[i]));

    rm_sql_table *t = (rm_sql_table *)rm_sqlschema_find_table(&s, NULL, "mid");
    rm_sql_type ty = rm_sql_type_make(RM_TYPE_STRING, "VARCHAR", 1, 10, 0);
    assert_non_null(rm_sql_table_add_column(&s, t, "a", &ty, false));
    assert_non_null(rm_sql_table_add_column(&s, t, "b", &ty, true));
    assert_null(rm_sql_table_add_column(&s, t, "a", &ty, true));
    const char *pk[] = {"a"};
    rm_sql_table_set_pk(&s, t, "mid_pkey", pk, 1);
    assert_true(rm_sql_table_pk_has(t, "a"));
    assert_false(rm_sql_table_pk_has(t, "b"));
    assert_ptr_equal(rm_sql_table_find_column(t, "b"), &t->cols[1]);
    assert_true(rm_sql_table_find_column(t, "b")->nullable);
    rm_arena_free(&a);
}

static void type_equality(void **state)
{
    (void)state;
    rm_sql_type a = rm_sql_type_make(RM_TYPE_STRING, "VARCHAR", 1, 10, 0);
    rm_sql_type b = rm_sql_type_make(RM_TYPE_STRING, "varchar", 1, 10, 0);
    rm_sql_type c = rm_sql_type_make(RM_TYPE_STRING, "VARCHAR", 1, 11, 0);
    rm_sql_type e1 = rm_sql_type_make(RM_TYPE_ENUM, "Role", 0, 0, 0);
    rm_sql_type e2 = rm_sql_type_make(RM_TYPE_ENUM, "role", 0, 0, 0);
    assert_true(rm_sql_type_equal(&a, &b)); /* keywords: case-insensitive */
    assert_false(rm_sql_type_equal(&a, &c));
    assert_false(rm_sql_type_equal(&e1, &e2)); /* enum names are identifiers */
    rm_sql_default d1 = {RM_SQL_DEFAULT_AUTOINCREMENT, NULL}, d2 = {RM_SQL_DEFAULT_NONE, NULL};
    rm_sql_default d3 = {RM_SQL_DEFAULT_STRING, "x"}, d4 = {RM_SQL_DEFAULT_EXPRESSION, "x"};
    assert_true(rm_sql_default_equal(&d1, &d2));
    /* An introspected expression matches an authored one whatever its spelling; two authored
     * ones are compared; an empty dbgenerated() matches anything. */
    rm_sql_default g1 = {RM_SQL_DEFAULT_DBGENERATED, "lower('X')"};
    rm_sql_default g2 = {RM_SQL_DEFAULT_EXPRESSION, "lower('X'::text)"};
    rm_sql_default g3 = {RM_SQL_DEFAULT_DBGENERATED, "upper('X')"};
    rm_sql_default g4 = {RM_SQL_DEFAULT_DBGENERATED, ""};
    assert_true(rm_sql_default_equal(&g1, &g2));
    assert_false(rm_sql_default_equal(&g1, &g3));
    assert_true(rm_sql_default_equal(&g4, &d3));
    assert_true(rm_sql_default_equal(&d2, &g4));
    assert_false(rm_sql_default_equal(&d3, &d4)); /* a literal is not an expression */
    rm_sql_default d5 = {RM_SQL_DEFAULT_STRING, "y"};
    assert_false(rm_sql_default_equal(&d3, &d5));
}

/* ---- text reader ------------------------------------------------------------------------ */

typedef struct text_case {
    const char *name;
    const char *text;
    int want_rc;
    uint16_t want_id; /* first diagnostic's id, when want_rc != RM_OK */
    const char *at;   /* the first diagnostic starts at the last occurrence of this
                         substring (NULL: no location) */
} text_case;

static const text_case text_cases[] = {
    {"ok_minimal", "table T\n  column id int\n  pk id\n", RM_OK, 0, NULL},
    {"ok_comments_and_blank_lines", "# c\n\ntable T # trailing\n  column id int\n", RM_OK, 0, NULL},
    {"ok_quoted_names", "table \"a b\"\n  column \"x\"\"y\" string\n", RM_OK, 0, NULL},
    {"unknown_line_kind", "table T\n  colum id int\n", RM_ESYNTAX, RM_E_SQL_TEXT_SYNTAX, "colum"},
    {"column_before_table", "column id int\n", RM_ESYNTAX, RM_E_SQL_TEXT_SYNTAX, "column"},
    {"unknown_family", "table T\n  column id integer\n", RM_ESYNTAX, RM_E_SQL_TEXT_SYNTAX,
     "column"},
    {"unknown_column_option", "table T\n  column id int nullable\n", RM_ESYNTAX,
     RM_E_SQL_TEXT_SYNTAX, "nullable"},
    {"bad_default_kind", "table T\n  column id int default=func:x\n", RM_ESYNTAX,
     RM_E_SQL_TEXT_SYNTAX, "default="},
    {"default_now_with_text", "table T\n  column d datetime default=now:x\n", RM_ESYNTAX,
     RM_E_SQL_TEXT_SYNTAX, "default="},
    {"bad_args", "table T\n  column s string args=a\n", RM_ESYNTAX, RM_E_SQL_TEXT_SYNTAX, "args="},
    {"unterminated_quote", "table \"T\n", RM_ESYNTAX, RM_E_SQL_TEXT_SYNTAX, "\"T"},
    {"duplicate_table", "table T\ntable T\n", RM_ESEMANTIC, RM_E_SQL_DUPLICATE_NAME, "T\n"},
    {"duplicate_column", "table T\n  column a int\n  column a int\n", RM_ESEMANTIC,
     RM_E_SQL_DUPLICATE_NAME, "a int\n"},
    {"unknown_enum", "table T\n  column r enum enum=Role\n", RM_ESEMANTIC,
     RM_E_SQL_UNKNOWN_REFERENCE, "enum=Role"},
    {"fk_missing_arrow", "table T\n  column a int\n  fk F a T a\n", RM_ESYNTAX,
     RM_E_SQL_TEXT_SYNTAX, "fk"},
    {"fk_count_mismatch", "table T\n  column a int\n  fk F a -> T a b\n", RM_ESYNTAX,
     RM_E_SQL_TEXT_SYNTAX, "fk"},
    {"fk_bad_action", "table T\n  column a int\n  fk F a -> T a ondelete=explode\n", RM_ESYNTAX,
     RM_E_SQL_TEXT_SYNTAX, "ondelete"},
    {"fk_unknown_table", "table T\n  column a int\n  fk F a -> U a\n", RM_ESEMANTIC,
     RM_E_SQL_UNKNOWN_REFERENCE, NULL},
    {"index_unknown_column", "table T\n  column a int\n  index I b\n", RM_ESEMANTIC,
     RM_E_SQL_UNKNOWN_REFERENCE, NULL},
    {"pk_unknown_column", "table T\n  column a int\n  pk b\n", RM_ESEMANTIC,
     RM_E_SQL_UNKNOWN_REFERENCE, NULL},
};

static void run_text(void **state)
{
    const text_case *c = *state;
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_sources srcs;
    rm_sources_init(&srcs);
    rm_source *src = rm_sources_add(&srcs, "t.schema", c->text, strlen(c->text));
    rm_diags d;
    rm_diags_init(&d);
    rm_sqlschema s;
    int rc = rm_sqlschema_parse_text(&s, src, &rm_dialect_postgres, &a, &d);
    assert_int_equal(rc, c->want_rc);
    if (c->want_rc == RM_OK) {
        assert_int_equal(d.n, 0);
    } else {
        assert_true(d.n >= 1);
        assert_int_equal(d.items[0]->id, c->want_id);
        if (c->at) {
            const char *p = NULL;
            for (const char *q = strstr(c->text, c->at); q; q = strstr(q + 1, c->at))
                p = q;
            assert_non_null(p);
            assert_int_equal(d.items[0]->loc.file, src->id);
            assert_int_equal(d.items[0]->loc.off, (uint32_t)(p - c->text));
        }
    }
    rm_diags_free(&d);
    rm_sources_free(&srcs);
    rm_arena_free(&a);
}

/* What the reader builds, checked field by field. */
static void text_builds_everything(void **state)
{
    (void)state;
    const char *text = "enum Role USER \"AD MIN\"\n"
                       "table User schema=app\n"
                       "  column id int autoincrement default=autoincrement\n"
                       "  column role enum enum=Role default=enum:USER\n"
                       "  column name string type=VARCHAR args=80 null default=string:\"a b\"\n"
                       "  pk name=User_pkey id\n"
                       "  index User_name_role_idx name:desc role using=gin where=\"id > 0\"\n"
                       "@mysql   index OnlyMysql name\n"
                       "  fk - id -> User id ondelete=setnull onupdate=noaction\n";
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_sources srcs;
    rm_sources_init(&srcs);
    rm_source *src = rm_sources_add(&srcs, "t.schema", text, strlen(text));
    rm_diags d;
    rm_diags_init(&d);
    rm_sqlschema s;
    assert_int_equal(rm_sqlschema_parse_text(&s, src, &rm_dialect_postgres, &a, &d), RM_OK);
    assert_int_equal(s.nenums, 1);
    assert_int_equal(s.enums[0]->nvalues, 2);
    assert_string_equal(s.enums[0]->values[1], "AD MIN");
    const rm_sql_table *t = rm_sqlschema_find_table(&s, "app", "User");
    assert_non_null(t);
    assert_int_equal(t->ncols, 3);
    assert_true(t->cols[0].autoincrement);
    assert_int_equal(t->cols[1].type.family, RM_TYPE_ENUM);
    assert_string_equal(t->cols[1].type.name, "Role");
    assert_int_equal(t->cols[1].def.kind, RM_SQL_DEFAULT_ENUM);
    assert_string_equal(t->cols[2].type.name, "VARCHAR");
    assert_int_equal(t->cols[2].type.nargs, 1);
    assert_int_equal(t->cols[2].type.args[0], 80);
    assert_true(t->cols[2].nullable);
    assert_string_equal(t->cols[2].def.text, "a b");
    assert_string_equal(t->pk.name, "User_pkey");
    assert_int_equal(t->nindexes, 1); /* the @mysql line is skipped for postgresql */
    assert_int_equal(t->indexes[0].cols[0].sort, RM_SQL_SORT_DESC);
    assert_string_equal(t->indexes[0].cols[0].name, "name");
    assert_string_equal(t->indexes[0].method, "gin");
    assert_string_equal(t->indexes[0].where, "id > 0");
    assert_int_equal(t->nfks, 1);
    assert_null(t->fks[0].name);
    assert_int_equal(t->fks[0].on_delete, RM_FK_SET_NULL);
    assert_int_equal(t->fks[0].on_update, RM_FK_NO_ACTION);
    rm_diags_free(&d);

    /* The same text for MySQL: enum values inline, no enum type, the @mysql index present. */
    rm_diags_init(&d);
    assert_int_equal(rm_sqlschema_parse_text(&s, src, &rm_dialect_mysql, &a, &d), RM_OK);
    assert_int_equal(s.nenums, 0);
    t = rm_sqlschema_find_table(&s, "app", "User");
    assert_int_equal(t->cols[1].type.nvalues, 2);
    assert_int_equal(t->nindexes, 2);
    rm_diags_free(&d);

    /* And for SQLite: an enum is a text column. */
    rm_diags_init(&d);
    assert_int_equal(rm_sqlschema_parse_text(&s, src, &rm_dialect_sqlite, &a, &d), RM_OK);
    t = rm_sqlschema_find_table(&s, "app", "User");
    assert_int_equal(t->cols[1].type.family, RM_TYPE_STRING);
    assert_string_equal(t->cols[1].type.name, "TEXT");
    rm_diags_free(&d);
    rm_sources_free(&srcs);
    rm_arena_free(&a);
}

/* ---- printer round trip ------------------------------------------------------------------- */

/* print(parse(text)) read back gives the same schema (the differ finds nothing) and prints the
 * same text again, for every fixture of the golden diff tests and every dialect. */
static void round_trip_one(const char *path, const rm_dialect *d)
{
    size_t len = 0;
    char *text = rm_test_read_file(path, &len);
    assert_non_null(text);
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_sources srcs;
    rm_sources_init(&srcs);
    rm_diags dg;
    rm_diags_init(&dg);
    rm_sqlschema first, second;
    rm_source *src = rm_sources_add(&srcs, path, text, len);
    free(text);
    assert_int_equal(rm_sqlschema_parse_text(&first, src, d, &a, &dg), RM_OK);
    rm_sb p1 = RM_SB_INIT, p2 = RM_SB_INIT;
    rm_sqlschema_print_text(&p1, &first);
    rm_source *src2 = rm_sources_add(&srcs, "printed", rm_sb_str(&p1), p1.len);
    int rc = rm_sqlschema_parse_text(&second, src2, d, &a, &dg);
    if (rc != RM_OK)
        print_error("%s (%s): printed text does not parse:\n%s\n%s\n", path, d->name,
                    rm_sb_str(&p1), dg.n ? dg.items[0]->msg : "");
    assert_int_equal(rc, RM_OK);
    rm_sqlschema_print_text(&p2, &second);
    assert_string_equal(rm_sb_str(&p1), rm_sb_str(&p2));
    rm_diff diff;
    assert_int_equal(rm_diff_schemas(&diff, &first, &second, d, &a, &dg), RM_OK);
    if (diff.n)
        print_error("%s (%s): round trip changed %s\n", path, d->name,
                    rm_change_kind_name(diff.items[0].kind));
    assert_int_equal(diff.n, 0);
    rm_sb_free(&p1);
    rm_sb_free(&p2);
    rm_diags_free(&dg);
    rm_sources_free(&srcs);
    rm_arena_free(&a);
}

static void print_round_trip(void **state)
{
    (void)state;
    const char *root = RELMIG_SOURCE_DIR "/tests/golden/diff";
    DIR *dir = opendir(root);
    assert_non_null(dir);
    size_t files = 0;
    struct dirent *de;
    while ((de = readdir(dir)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        static const char *const bases[] = {"from", "to"};
        for (size_t b = 0; b < RM_ARRAY_LEN(bases); b++) {
            char path[600];
            snprintf(path, sizeof path, "%s/%s/%s.schema", root, de->d_name, bases[b]);
            char *probe = rm_test_read_file(path, NULL);
            if (!probe)
                continue;
            free(probe);
            files++;
            round_trip_one(path, &rm_dialect_postgres);
            round_trip_one(path, &rm_dialect_mysql);
            round_trip_one(path, &rm_dialect_sqlite);
        }
    }
    closedir(dir);
    assert_true(files >= 10);
}

int main(void)
{
    enum { NT = RM_ARRAY_LEN(text_cases) };
    struct CMUnitTest tests[NT + 4];
    size_t k = 0;
    tests[k++] = (struct CMUnitTest){"builder_lookup", builder_lookup, NULL, NULL, NULL};
    tests[k++] = (struct CMUnitTest){"type_equality", type_equality, NULL, NULL, NULL};
    tests[k++] = (struct CMUnitTest){"print_round_trip", print_round_trip, NULL, NULL, NULL};
    tests[k++] =
        (struct CMUnitTest){"text_builds_everything", text_builds_everything, NULL, NULL, NULL};
    for (size_t i = 0; i < NT; i++)
        tests[k++] =
            (struct CMUnitTest){text_cases[i].name, run_text, NULL, NULL, (void *)&text_cases[i]};
    return _cmocka_run_group_tests("sqlschema", tests, k, NULL, NULL);
}
