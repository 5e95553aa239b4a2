/*
 * The differ's change list itself (not its SQL): which kinds come out, in which order, with
 * which warnings, for each dialect's capabilities; and the JSON renderer's exact output. One
 * row per case; schemas in the text form of sqlschema/text.h; expectations written by hand.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "diff/diff.h"
#include "sqlschema/text.h"
#include "testutil.h"

#include <stdio.h>
#include <string.h>

typedef struct change_case {
    const char *name;
    const char *dialect;
    const char *from;
    const char *to;
    const char *want_kinds; /* "kind table[.object] !nwarnings" per change, ';'-joined */
} change_case;

#define BASE "table A\n  column id int\n  pk name=A_pkey id\n"

static const change_case change_cases[] = {
    {"no_change", "postgresql", BASE, BASE, ""},
    {"create_from_empty_orders_fk_last", "postgresql", "",
     "table B\n  column id int\n  column aId int\n  pk id\n  index B_aId_idx aId\n"
     "  fk B_aId_fkey aId -> A id\n" BASE,
     "create_table B !0;create_table A !0;create_index B.B_aId_idx !0;"
     "add_foreign_key B.B_aId_fkey !0"},
    {"mysql_inlines_indexes", "mysql", "",
     "table B\n  column id int\n  pk id\n  index B_id_idx id\n", "create_table B !0"},
    {"sqlite_inlines_fks", "sqlite", BASE,
     BASE "table B\n  column id int\n  column aId int\n  pk id\n  fk F aId -> A id\n",
     "create_table B !0"},
    {"drop_table_drops_its_fks_first", "postgresql",
     BASE "table B\n  column id int\n  column aId int\n  pk id\n  fk F aId -> A id\n", BASE,
     "drop_foreign_key B.F !0;drop_table B !1"},
    {"sqlite_drop_table_keeps_fks", "sqlite",
     BASE "table B\n  column id int\n  column aId int\n  pk id\n  fk F aId -> A id\n", BASE,
     "drop_table B !1"},
    {"alter_group_order", "postgresql",
     "table A\n  column id int\n  column old int\n  column c string\n  pk name=A_pkey id\n",
     "table A\n  column id int\n  column c string null\n  column n int null\n  pk name=A_pkey id "
     "c\n",
     "drop_primary_key A !1;drop_column A.old !1;add_column A.n !0;alter_column A.c !0;"
     "add_primary_key A !0"},
    {"sqlite_folds_into_redefine", "sqlite",
     "table A\n  column id int\n  column old int\n  pk id\n  index A_old_idx old\n",
     "table A\n  column id int\n  column nu int null\n  pk id\n  index A_nu_idx nu\n",
     "redefine_table A !1"},
    {"sqlite_simple_add_stays_alter", "sqlite", BASE,
     "table A\n  column id int\n  column x string null\n  pk name=A_pkey id\n",
     "add_column A.x !0"},
    {"sqlite_required_add_redefines", "sqlite", BASE,
     "table A\n  column id int\n  column x string\n  pk name=A_pkey id\n", "redefine_table A !1"},
    {"required_with_default_no_warning", "postgresql", BASE,
     "table A\n  column id int\n  column x string default=string:a\n  pk name=A_pkey id\n",
     "add_column A.x !0"},
    {"narrowing_warns_widening_not", "postgresql",
     "table A\n  column id int\n  column a int\n  column b string type=VARCHAR args=20\n"
     "  column c string type=VARCHAR args=20\n  pk id\n",
     "table A\n  column id int\n  column a bigint\n  column b string type=VARCHAR args=10\n"
     "  column c string type=VARCHAR args=30\n  pk id\n",
     "alter_column A.a !0;alter_column A.b !1;alter_column A.c !0"},
    {"family_change_warns", "postgresql", "table A\n  column id int\n  column a string\n  pk id\n",
     "table A\n  column id int\n  column a int\n  pk id\n", "alter_column A.a !1"},
    {"unique_added_warns", "postgresql", BASE, BASE "  unique A_id_key id\n",
     "create_index A.A_id_key !1"},
    {"index_redefined_is_drop_and_create", "postgresql",
     "table A\n  column id int\n  column x int\n  index I x\n",
     "table A\n  column id int\n  column x int\n  index I x id\n",
     "drop_index A.I !0;create_index A.I !0"},
    {"enum_value_removed_warns", "postgresql", "enum E a b\n" BASE, "enum E a\n" BASE,
     "alter_enum E !1"},
    {"enum_reorder_ignored", "postgresql", "enum E a b\n" BASE, "enum E b a\n" BASE, ""},
    {"enum_order_create_alter_drop", "postgresql", "enum Old x\nenum E a\n" BASE,
     "enum E a b\nenum New y\n" BASE, "create_enum New !0;alter_enum E !0;drop_enum Old !0"},
    {"mysql_has_no_enum_changes", "mysql", "enum E a b\n" BASE, "enum F a\n" BASE, ""},
    {"pg_renames_in_place", "postgresql",
     BASE "table B\n  column id int\n  column a int\n  index I1 a\n  fk F1 a -> A id\n",
     BASE "table B\n  column id int\n  column a int\n  index I2 a\n  fk F2 a -> A id\n",
     "rename_foreign_key B !0;rename_index B !0"},
    {"mysql_renames_index_not_fk", "mysql",
     BASE "table B\n  column id int\n  column a int\n  index I1 a\n  fk F1 a -> A id\n",
     BASE "table B\n  column id int\n  column a int\n  index I2 a\n  fk F2 a -> A id\n",
     "drop_foreign_key B.F1 !0;add_foreign_key B.F2 !0;rename_index B !0"},
    {"rename_needs_same_definition", "postgresql",
     BASE "table B\n  column id int\n  column a int\n  index I1 a\n",
     BASE "table B\n  column id int\n  column a int\n  unique I2 a\n",
     "drop_index B.I1 !0;create_index B.I2 !1"},
    {"sqlite_introspected_unnamed_fk_matches_named", "sqlite",
     BASE "table B\n  column id int\n  column aId int\n  fk - aId -> A id\n",
     BASE "table B\n  column id int\n  column aId int\n  fk B_aId_fkey aId -> A id\n", ""},
    {"mysql_pk_name_is_not_compared", "mysql", "table A\n  column id int\n  pk name=PRIMARY id\n",
     BASE, ""},
    {"postgres_pk_name_is_compared", "postgresql",
     "table A\n  column id int\n  pk name=old_pkey id\n", BASE,
     "drop_primary_key A !1;add_primary_key A !0"},
    {"unnamed_fks_match_by_definition", "sqlite",
     BASE "table B\n  column id int\n  column aId int\n  fk - aId -> A id\n",
     BASE "table B\n  column id int\n  column aId int\n  fk - aId -> A id\n", ""},
};

static void describe(rm_sb *sb, const rm_diff *diff)
{
    for (size_t i = 0; i < diff->n; i++) {
        const rm_change *c = &diff->items[i];
        if (i)
            rm_sb_putc(sb, ';');
        rm_sb_puts(sb, rm_change_kind_name(c->kind));
        rm_sb_putc(sb, ' ');
        switch (c->kind) {
        case RM_CHANGE_CREATE_ENUM:
        case RM_CHANGE_ALTER_ENUM:
        case RM_CHANGE_DROP_ENUM:
            rm_sb_puts(sb, (c->u.enm.to ? c->u.enm.to : c->u.enm.from)->name);
            break;
        default:
            rm_sb_puts(sb, (c->to_table ? c->to_table : c->from_table)->name);
            break;
        }
        if (c->kind == RM_CHANGE_DROP_COLUMN)
            rm_sb_appendf(sb, ".%s", c->u.column.from->name);
        else if (c->kind == RM_CHANGE_ADD_COLUMN || c->kind == RM_CHANGE_ALTER_COLUMN)
            rm_sb_appendf(sb, ".%s", c->u.column.to->name);
        else if (c->kind == RM_CHANGE_DROP_INDEX || c->kind == RM_CHANGE_CREATE_INDEX)
            rm_sb_appendf(sb, ".%s", c->u.index->name);
        else if (c->kind == RM_CHANGE_DROP_FK || c->kind == RM_CHANGE_ADD_FK)
            rm_sb_appendf(sb, ".%s", c->u.fk->name ? c->u.fk->name : "-");
        rm_sb_appendf(sb, " !%zu", c->nwarnings);
    }
}

static void parse(rm_sqlschema *s, const char *text, const rm_dialect *d, rm_arena *a,
                  rm_sources *srcs)
{
    rm_diags dg;
    rm_diags_init(&dg);
    rm_source *src = rm_sources_add(srcs, "t", text, strlen(text));
    int rc = rm_sqlschema_parse_text(s, src, d, a, &dg);
    if (rc != RM_OK && dg.n)
        print_error("%s\n", dg.items[0]->msg);
    assert_int_equal(rc, RM_OK);
    rm_diags_free(&dg);
}

static void run_change(void **state)
{
    const change_case *c = *state;
    const rm_dialect *d = rm_dialect_by_name(c->dialect);
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_sources srcs;
    rm_sources_init(&srcs);
    rm_sqlschema from, to;
    parse(&from, c->from, d, &a, &srcs);
    parse(&to, c->to, d, &a, &srcs);
    rm_diags dg;
    rm_diags_init(&dg);
    rm_diff diff;
    assert_int_equal(rm_diff_schemas(&diff, &from, &to, d, &a, &dg), RM_OK);
    rm_sb sb = RM_SB_INIT;
    describe(&sb, &diff);
    assert_string_equal(rm_sb_str(&sb), c->want_kinds);
    /* Every change must render without a diagnostic for its own dialect. */
    rm_sb sql = RM_SB_INIT;
    assert_int_equal(rm_diff_render_sql(&sql, &diff, true, &dg), RM_OK);
    assert_int_equal(dg.n, 0);
    rm_sb_free(&sql);
    rm_sb_free(&sb);
    rm_diags_free(&dg);
    rm_sources_free(&srcs);
    rm_arena_free(&a);
}

static void json_exact(void **state)
{
    (void)state;
    const char *from = "enum E a b\n"
                       "table A\n  column id int\n  column gone int null\n  column c int\n"
                       "  pk name=A_pkey id\n  index A_c_idx c\n"
                       "table B\n  column id int\n  column aId int\n  pk name=B_pkey id\n"
                       "  fk B_aId_fkey aId -> A id\n";
    const char *to = "enum E a\n"
                     "table A\n  column id int\n  column c int null\n  column \"q\"\"x\" int null\n"
                     "  pk name=A_pkey id\n";
    const char *want =
        "{\"changes\":["
        "{\"kind\":\"alter_enum\",\"enum\":\"E\",\"added\":[],\"removed\":[\"b\"],"
        "\"warnings\":[\"The values [b] on the enum `E` will be removed. If these variants are "
        "still used in the database, this will fail.\"]},"
        "{\"kind\":\"drop_foreign_key\",\"table\":\"B\",\"foreign_key\":\"B_aId_fkey\","
        "\"warnings\":[]},"
        "{\"kind\":\"drop_index\",\"table\":\"A\",\"index\":\"A_c_idx\",\"warnings\":[]},"
        "{\"kind\":\"drop_column\",\"table\":\"A\",\"column\":\"gone\",\"warnings\":[\"You are "
        "about to drop the column `gone` on the `A` table. All the data in the column will be "
        "lost.\"]},"
        "{\"kind\":\"add_column\",\"table\":\"A\",\"column\":\"q\\\"x\",\"warnings\":[]},"
        "{\"kind\":\"alter_column\",\"table\":\"A\",\"column\":\"c\",\"alter\":[\"nullability\"],"
        "\"warnings\":[]},"
        "{\"kind\":\"drop_table\",\"table\":\"B\",\"warnings\":[\"You are about to drop the `B` "
        "table. If the table is not empty, all the data it contains will be lost.\"]}"
        "]}";
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_sources srcs;
    rm_sources_init(&srcs);
    rm_sqlschema f, t;
    parse(&f, from, &rm_dialect_postgres, &a, &srcs);
    parse(&t, to, &rm_dialect_postgres, &a, &srcs);
    rm_diags dg;
    rm_diags_init(&dg);
    rm_diff diff;
    assert_int_equal(rm_diff_schemas(&diff, &f, &t, &rm_dialect_postgres, &a, &dg), RM_OK);
    rm_sb sb = RM_SB_INIT;
    rm_diff_render_json(&sb, &diff);
    assert_string_equal(rm_sb_str(&sb), want);
    rm_sb_free(&sb);
    rm_diags_free(&dg);
    rm_sources_free(&srcs);
    rm_arena_free(&a);
}

/* Statement flags that a runner needs: SQLite's foreign_keys pragma outside a transaction,
 * PostgreSQL's BEGIN/COMMIT of an enum recreation marked as transaction control. */
static void statement_flags(void **state)
{
    (void)state;
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_sources srcs;
    rm_sources_init(&srcs);
    rm_sqlschema f, t;
    parse(&f, BASE "  column x int\n", &rm_dialect_sqlite, &a, &srcs);
    parse(&t, BASE, &rm_dialect_sqlite, &a, &srcs);
    rm_diags dg;
    rm_diags_init(&dg);
    rm_diff diff;
    assert_int_equal(rm_diff_schemas(&diff, &f, &t, &rm_dialect_sqlite, &a, &dg), RM_OK);
    rm_sql_script script;
    assert_int_equal(rm_diff_to_script(&script, &diff, &a, &dg), RM_OK);
    assert_int_equal(script.n, 1);
    assert_string_equal(script.steps[0].name, "RedefineTables");
    size_t no_txn = 0;
    for (size_t i = 0; i < script.steps[0].n; i++)
        if (script.steps[0].stmts[i].flags & RM_STMT_NO_TXN) {
            assert_non_null(strstr(script.steps[0].stmts[i].sql, "PRAGMA foreign_keys="));
            no_txn++;
        }
    assert_int_equal(no_txn, 2);
    assert_int_equal(script.nwarnings, 1);
    for (size_t i = 0; i < script.steps[0].n; i++)
        assert_null(strstr(script.steps[0].stmts[i].sql, "foreign_key_check"));

    /* On request, the redefinition checks foreign keys before switching them back on. */
    diff.emit_flags = RM_EMIT_SQLITE_FK_CHECK;
    assert_int_equal(rm_diff_to_script(&script, &diff, &a, &dg), RM_OK);
    const rm_sql_step *rs = &script.steps[0];
    assert_string_equal(rs->stmts[rs->n - 3].sql, "PRAGMA foreign_key_check");
    assert_true(rs->stmts[rs->n - 3].flags & RM_STMT_EXPECT_EMPTY);
    assert_string_equal(rs->stmts[rs->n - 2].sql, "PRAGMA foreign_keys=ON");

    parse(&f, "enum E a b\n" BASE "  column e enum enum=E\n", &rm_dialect_postgres, &a, &srcs);
    parse(&t, "enum E a\n" BASE "  column e enum enum=E\n", &rm_dialect_postgres, &a, &srcs);
    assert_int_equal(rm_diff_schemas(&diff, &f, &t, &rm_dialect_postgres, &a, &dg), RM_OK);
    assert_int_equal(rm_diff_to_script(&script, &diff, &a, &dg), RM_OK);
    const rm_sql_step *st = &script.steps[0];
    assert_string_equal(st->stmts[0].sql, "BEGIN");
    assert_true(st->stmts[0].flags & RM_STMT_TXN_CONTROL);
    assert_string_equal(st->stmts[st->n - 1].sql, "COMMIT");
    assert_true(st->stmts[st->n - 1].flags & RM_STMT_TXN_CONTROL);
    rm_diags_free(&dg);
    rm_sources_free(&srcs);
    rm_arena_free(&a);
}

/* The human summary for kinds the corpus has no Prisma output for; wording from Prisma's
 * drift summary renderer (sql_migration.rs). */
static void summary_kinds(void **state)
{
    (void)state;
    const char *from = "enum Color RED GREEN\nenum Gone x\n"
                       "table Dog\n  column id int\n  column name string\n"
                       "  column good boolean null\n  pk name=Dog_pkey id\n"
                       "  index Dog_name_idx name\n";
    const char *to = "enum Color GREEN BLUE\nenum Fresh y\n"
                     "table Dog\n  column id int\n  column good boolean default=bool:true\n"
                     "  column weight int\n  pk name=Dog_pkey id weight\n"
                     "  unique Dog_weight_key weight\n";
    const char *want = "\n[+] Added enums\n  - Fresh\n"
                       "\n[-] Removed enums\n  - Gone\n"
                       "\n[*] Changed the `Color` enum\n"
                       "  [+] Added variant `BLUE`\n  [-] Removed variant `RED`\n"
                       "\n[*] Changed the `Dog` table\n"
                       "  [-] Removed index on columns (name)\n"
                       "  [-] Dropped the primary key on columns (id)\n"
                       "  [-] Removed column `name`\n"
                       "  [+] Added column `weight`\n"
                       "  [*] Altered column `good` (arity changed from Nullable to Required, "
                       "default changed from `None` to `Some(Value(Boolean(true)))`)\n"
                       "  [+] Added primary key on columns (id, weight)\n"
                       "  [+] Added unique index on columns (weight)\n";
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_sources srcs;
    rm_sources_init(&srcs);
    rm_sqlschema f, t, e;
    parse(&f, from, &rm_dialect_postgres, &a, &srcs);
    parse(&t, to, &rm_dialect_postgres, &a, &srcs);
    rm_diags dg;
    rm_diags_init(&dg);
    rm_diff diff;
    assert_int_equal(rm_diff_schemas(&diff, &f, &t, &rm_dialect_postgres, &a, &dg), RM_OK);
    rm_sb sb = RM_SB_INIT;
    rm_diff_render_summary(&sb, &diff);
    assert_string_equal(rm_sb_str(&sb), want);
    rm_sb_reset(&sb);
    rm_sqlschema_init(&e, &a);
    rm_diff none;
    assert_int_equal(rm_diff_schemas(&none, &e, &e, &rm_dialect_postgres, &a, &dg), RM_OK);
    rm_diff_render_summary(&sb, &none);
    assert_string_equal(rm_sb_str(&sb), "No difference detected.\n");
    rm_sb_free(&sb);
    rm_diags_free(&dg);
    rm_sources_free(&srcs);
    rm_arena_free(&a);
}

int main(void)
{
    enum { NC = RM_ARRAY_LEN(change_cases) };
    struct CMUnitTest tests[NC + 3];
    size_t k = 0;
    for (size_t i = 0; i < NC; i++)
        tests[k++] = (struct CMUnitTest){change_cases[i].name, run_change, NULL, NULL,
                                         (void *)&change_cases[i]};
    tests[k++] = (struct CMUnitTest){"json_exact", json_exact, NULL, NULL, NULL};
    tests[k++] = (struct CMUnitTest){"summary_kinds", summary_kinds, NULL, NULL, NULL};
    tests[k++] = (struct CMUnitTest){"statement_flags", statement_flags, NULL, NULL, NULL};
    return _cmocka_run_group_tests("diff_changes", tests, k, NULL, NULL);
}
