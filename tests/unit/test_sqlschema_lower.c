/*
 * The lowering (graph x dialect -> physical schema) checked end to end against Prisma's own
 * output in the shared corpus, read in place: a Prisma schema is parsed and validated by the
 * model module, lowered, diffed (from the empty schema or from another lowered schema) and
 * rendered, and the SQL must equal what Prisma's schema engine printed, byte for byte.
 * Sources: engine_7.10_outputs (engine runs) and single_migration_tests (the engine repo's
 * snapshot tests, "// Expected Migration:" blocks). Plus unit rows for constraint names.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "diff/diff.h"
#include "model/schema.h"
#include "sqlschema/lower.h"
#include "sqlschema/text.h"
#include "testutil.h"
#include "util/diag_render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OTHER RELMIG_SHARED_DIR "/corpus/prisma/other"

typedef enum expect_form {
    ENGINE_OUTPUT, /* file is the SQL, then "[exitCode N]" */
    DERIVED_SQL,   /* file starts with "-- " comment lines that are not steps */
    SNAPSHOT,      /* SQL in "// " comment lines after "// Expected Migration:" */
    SUMMARY        /* like ENGINE_OUTPUT, but the human summary instead of SQL */
} expect_form;

typedef struct lower_case {
    const char *name;
    const char *provider; /* datasource prepended when the schema file has none, or NULL */
    const char *from;     /* schema file under OTHER, or NULL for the empty schema */
    const char *to;
    const char *expect; /* file under OTHER */
    expect_form form;
    const char *default_schema; /* rm_lower_opts */
    bool qualify;
    bool from_live_db; /* the empty "from" database already has the default schema */
} lower_case;

static const lower_case lower_cases[] = {
    {"example_postgresql", "postgresql", NULL, "engine_7.10_outputs/example_models.prisma",
     "engine_7.10_outputs/example.postgresql.migration.sql", ENGINE_OUTPUT, NULL, false, false},
    {"example_postgresql_diff_from_empty", "postgresql", NULL,
     "engine_7.10_outputs/example_models.prisma",
     "engine_7.10_outputs/example.postgresql.diff-from-empty.sql", ENGINE_OUTPUT, "public", false,
     false},
    {"snapshot_pg_enum_fields", NULL, NULL,
     "single_migration_tests/postgres/enums/enum_fields.prisma",
     "single_migration_tests/postgres/enums/enum_fields.prisma", SNAPSHOT, "public", true, false},
    {"snapshot_pg_empty_dbgenerated", NULL, NULL,
     "single_migration_tests/postgres/empty_dbgenerated.prisma",
     "single_migration_tests/postgres/empty_dbgenerated.prisma", SNAPSHOT, "public", true, true},
    {"snapshot_pg_partial_index", NULL, NULL,
     "single_migration_tests/postgres/partial_indexes_basic.prisma",
     "single_migration_tests/postgres/partial_indexes_basic.prisma", SNAPSHOT, "public", true,
     false},
    {"snapshot_pg_multi_schema_join_table", NULL, NULL,
     "single_migration_tests/postgres/"
     "multi_schema_implicit_many_to_many_join_table_is_in_first_model_schema.prisma",
     "single_migration_tests/postgres/"
     "multi_schema_implicit_many_to_many_join_table_is_in_first_model_schema.prisma",
     SNAPSHOT, "public", true, false},
    {"summary_example_diff_from_empty", "postgresql", NULL,
     "engine_7.10_outputs/example_models.prisma",
     "engine_7.10_outputs/example.postgresql.diff-summary.txt", SUMMARY, "public", false, false},
    {"summary_rename", NULL, "engine_7.10_outputs/from-postgresql.prisma",
     "engine_7.10_outputs/to-rename-postgresql.prisma",
     "engine_7.10_outputs/rename.postgresql.summary.txt", SUMMARY, NULL, false, false},
    {"example_sqlite", "sqlite", NULL, "engine_7.10_outputs/example_models.prisma",
     "engine_7.10_outputs/example.sqlite.migration.sql", ENGINE_OUTPUT, NULL, false, false},
    {"example_mysql_derived", "mysql", NULL, "engine_7.10_outputs/example_models.prisma",
     "engine_7.10_outputs/example.mysql.migration.DERIVED.sql", DERIVED_SQL, NULL, false, false},
    {"alter_postgresql", NULL, "engine_7.10_outputs/from-postgresql.prisma",
     "engine_7.10_outputs/to-postgresql.prisma", "engine_7.10_outputs/alter.postgresql.sql",
     ENGINE_OUTPUT, NULL, false, false},
    {"alter_sqlite_redefine", NULL, "engine_7.10_outputs/from-sqlite.prisma",
     "engine_7.10_outputs/to-sqlite.prisma", "engine_7.10_outputs/alter.sqlite.redefine.sql",
     ENGINE_OUTPUT, NULL, false, false},
    {"rename_postgresql", NULL, "engine_7.10_outputs/from-postgresql.prisma",
     "engine_7.10_outputs/to-rename-postgresql.prisma", "engine_7.10_outputs/rename.postgresql.sql",
     ENGINE_OUTPUT, NULL, false, false},
    {"snapshot_mysql_implicit_names", NULL, NULL,
     "single_migration_tests/mysql/create_constraint_name_tests_w_implicit_names.prisma",
     "single_migration_tests/mysql/create_constraint_name_tests_w_implicit_names.prisma", SNAPSHOT,
     NULL, false, false},
    {"snapshot_mysql_explicit_names", NULL, NULL,
     "single_migration_tests/mysql/create_constraint_name_tests_w_explicit_names.prisma",
     "single_migration_tests/mysql/create_constraint_name_tests_w_explicit_names.prisma", SNAPSHOT,
     NULL, false, false},
    {"snapshot_mysql_enum_fields", NULL, NULL,
     "single_migration_tests/mysql/enums/enum_fields.prisma",
     "single_migration_tests/mysql/enums/enum_fields.prisma", SNAPSHOT, NULL, false, false},
    {"snapshot_sqlite_constraint_names", NULL, NULL,
     "single_migration_tests/sqlite/constraint_names_basic.prisma",
     "single_migration_tests/sqlite/constraint_names_basic.prisma", SNAPSHOT, NULL, false, false},
};

static char *read_other(const char *rel)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", OTHER, rel);
    return rm_test_read_file(path, NULL);
}

/* The expected SQL, normalised to end without a newline. Returns malloc'd text or NULL. */
static char *expected_sql(const lower_case *c)
{
    char *text = read_other(c->expect);
    if (!text)
        return NULL;
    rm_sb sb = RM_SB_INIT;
    if (c->form == SNAPSHOT) {
        const char *p = strstr(text, "// Expected Migration:\n");
        if (p) {
            p = strchr(p, '\n') + 1;
            while (*p) {
                const char *nl = strchr(p, '\n');
                size_t len = nl ? (size_t)(nl - p) : strlen(p);
                if (len >= 2 && p[0] == '/' && p[1] == '/') {
                    size_t skip = len >= 3 && p[2] == ' ' ? 3 : 2;
                    rm_sb_append(&sb, p + skip, len - skip);
                }
                rm_sb_putc(&sb, '\n');
                p = nl ? nl + 1 : p + len;
            }
        }
    } else {
        const char *p = text;
        if (c->form == DERIVED_SQL)
            while (strncmp(p, "-- ", 3) == 0 && strncmp(p, "-- CreateTable", 14) != 0)
                p = strchr(p, '\n') ? strchr(p, '\n') + 1 : p + strlen(p);
        const char *end = strstr(p, "\n[exitCode");
        rm_sb_append(&sb, p, end ? (size_t)(end - p) : strlen(p));
    }
    size_t n = sb.len;
    while (n && (rm_sb_str(&sb)[n - 1] == '\n' || rm_sb_str(&sb)[n - 1] == ' '))
        n--;
    rm_sb_truncate(&sb, n);
    free(text);
    return rm_sb_detach(&sb);
}

/* Parse, validate and lower one schema file; fails the test with the rendered diagnostics. */
static const rm_dialect *lower_file(rm_sqlschema *out, const char *rel, const lower_case *c,
                                    rm_arena *a, rm_sources *srcs)
{
    char *text = read_other(rel);
    assert_non_null(text);
    rm_sb sb = RM_SB_INIT;
    if (c->provider)
        rm_sb_appendf(&sb, "datasource db {\n  provider = \"%s\"\n}\n\n", c->provider);
    rm_sb_puts(&sb, text);
    free(text);
    rm_sources_add(srcs, rel, rm_sb_str(&sb), sb.len);
    rm_sb_free(&sb);

    rm_sources one;
    rm_sources_init(&one);
    const rm_source *src = srcs->items[srcs->n - 1];
    rm_sources_add(&one, src->path, src->text, src->len);
    rm_diags d;
    rm_diags_init(&d);
    rm_graph *g = NULL;
    rm_lower_opts opts = {c->default_schema, c->qualify};
    int rc = rm_schema_build(&g, &one, a, &d);
    const rm_dialect *dialect = g ? rm_dialect_by_name(rm_provider_name(g->provider)) : NULL;
    if (rc == RM_OK && dialect)
        rc = rm_sqlschema_lower(out, g, dialect, &opts, a, &d);
    if (rc != RM_OK || !dialect) {
        rm_sb msg = RM_SB_INIT;
        rm_render_opts ro = {false, true};
        rm_diags_render_text(&msg, &one, &d, &ro);
        print_error("%s: rc %d\n%s", rel, rc, rm_sb_str(&msg));
        rm_sb_free(&msg);
    }
    rm_diags_free(&d);
    rm_sources_free(&one);
    assert_int_equal(rc, RM_OK);
    assert_non_null(dialect);
    return dialect;
}

static void run_lower(void **state)
{
    const lower_case *c = *state;
    char *want = expected_sql(c);
    if (!want) {
        print_message("corpus file %s not found; skipping\n", c->expect);
        skip();
    }
    /* Guard against an extraction that found nothing (two empty strings compare equal). */
    assert_non_null(c->form == SUMMARY             ? strstr(want, "[+] Added")
                    : strstr(want, "CREATE TABLE") ? want
                                                   : strstr(want, "ALTER TABLE"));
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_sources srcs;
    rm_sources_init(&srcs);
    rm_sqlschema from, to;
    const rm_dialect *d = lower_file(&to, c->to, c, &a, &srcs);
    if (c->from)
        assert_ptr_equal(lower_file(&from, c->from, c, &a, &srcs), d);
    else
        rm_sqlschema_init(&from, &a);
    if (c->from_live_db)
        rm_sqlschema_add_namespace(&from, c->default_schema);
    rm_diags dg;
    rm_diags_init(&dg);
    rm_diff diff;
    assert_int_equal(rm_diff_schemas(&diff, &from, &to, d, &a, &dg), RM_OK);
    rm_sb sql = RM_SB_INIT;
    if (c->form == SUMMARY)
        rm_diff_render_summary(&sql, &diff);
    else
        assert_int_equal(rm_diff_render_sql(&sql, &diff, false, &dg), RM_OK);
    size_t n = sql.len;
    while (n && rm_sb_str(&sql)[n - 1] == '\n')
        n--;
    rm_sb_truncate(&sql, n);
    if (strcmp(rm_sb_str(&sql), want) != 0)
        print_error("--- want\n%s\n--- got\n%s\n", want, rm_sb_str(&sql));
    assert_string_equal(rm_sb_str(&sql), want);

    /* The text form can carry a lowered schema: print, read back, nothing changed. (Enum
     * schemas are not part of the text form, so qualified cases are left out.) */
    if (!c->default_schema) {
        rm_sb text = RM_SB_INIT;
        rm_sqlschema_print_text(&text, &to);
        rm_source *src = rm_sources_add(&srcs, "printed", rm_sb_str(&text), text.len);
        rm_sqlschema back;
        assert_int_equal(rm_sqlschema_parse_text(&back, src, d, &a, &dg), RM_OK);
        rm_diff rt;
        assert_int_equal(rm_diff_schemas(&rt, &to, &back, d, &a, &dg), RM_OK);
        if (rt.n)
            print_error("round trip changed %s\n%s\n", rm_change_kind_name(rt.items[0].kind),
                        rm_sb_str(&text));
        assert_int_equal(rt.n, 0);
        rm_sb_free(&text);
    }

    /* Lowering the same schema again and diffing must give nothing. */
    rm_sqlschema again;
    lower_file(&again, c->to, c, &a, &srcs);
    rm_diff same;
    assert_int_equal(rm_diff_schemas(&same, &to, &again, d, &a, &dg), RM_OK);
    assert_int_equal(same.n, 0);

    rm_sb_free(&sql);
    rm_diags_free(&dg);
    rm_sources_free(&srcs);
    rm_arena_free(&a);
    free(want);
}

/* ---- inline schemas ------------------------------------------------------------------------ */

typedef struct inline_case {
    const char *name;
    const char *schema;   /* a whole .prisma file */
    const char *want_sql; /* migration from empty, without trailing newline; NULL: error */
    uint16_t want_id;     /* the error's id when want_sql is NULL */
    const char *dialect;  /* lower for this dialect instead of the provider's, or NULL */
} inline_case;

static const inline_case inline_cases[] = {
    {"mysql_native_types_and_maps",
     "datasource db {\n  provider = \"mysql\"\n}\n"
     "model Item {\n  id Int @id @db.UnsignedInt\n  code String @db.Char(8) @map(\"item_code\")\n"
     "  price Decimal @db.Decimal(10, 2)\n  seen DateTime @default(now()) @db.DateTime(0)\n"
     "  @@map(\"items\")\n}\n",
     "-- CreateTable\n"
     "CREATE TABLE `items` (\n"
     "    `id` INT UNSIGNED NOT NULL,\n"
     "    `item_code` CHAR(8) NOT NULL,\n"
     "    `price` DECIMAL(10, 2) NOT NULL,\n"
     "    `seen` DATETIME(0) NOT NULL DEFAULT CURRENT_TIMESTAMP(0),\n"
     "\n"
     "    PRIMARY KEY (`id`)\n"
     ") DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;",
     0, NULL},
    {"postgres_lists_and_client_defaults",
     "datasource db {\n  provider = \"postgresql\"\n}\n"
     "model T {\n  id String @id @default(uuid())\n  tags String[]\n"
     "  big BigInt @default(autoincrement())\n  d Float @db.DoublePrecision\n}\n",
     "-- CreateTable\n"
     "CREATE TABLE \"T\" (\n"
     "    \"id\" TEXT NOT NULL,\n"
     "    \"tags\" TEXT[],\n"
     "    \"big\" BIGSERIAL NOT NULL,\n"
     "    \"d\" DOUBLE PRECISION NOT NULL,\n"
     "\n"
     "    CONSTRAINT \"T_pkey\" PRIMARY KEY (\"id\")\n"
     ");",
     0, NULL},
    {"postgres_index_types_and_operator_classes",
     "datasource db {\n  provider = \"postgresql\"\n}\n"
     "model T {\n  id Int @id\n  tags String[]\n  data Json\n  at DateTime\n"
     "  @@index([tags(ops: ArrayOps)], type: Gin)\n"
     "  @@index([data(ops: JsonbPathOps)], type: Gin, map: \"T_data_gin\")\n"
     "  @@index([at(ops: TimestampTzMinMaxMultiOps)], type: Brin)\n"
     "  @@index([at(sort: Desc)], type: Hash, map: \"T_at_hash\")\n}\n",
     "-- CreateTable\n"
     "CREATE TABLE \"T\" (\n"
     "    \"id\" INTEGER NOT NULL,\n"
     "    \"tags\" TEXT[],\n"
     "    \"data\" JSONB NOT NULL,\n"
     "    \"at\" TIMESTAMP(3) NOT NULL,\n"
     "\n"
     "    CONSTRAINT \"T_pkey\" PRIMARY KEY (\"id\")\n"
     ");\n\n"
     "-- CreateIndex\n"
     "CREATE INDEX \"T_tags_idx\" ON \"T\" USING GIN (\"tags\" array_ops);\n\n"
     "-- CreateIndex\n"
     "CREATE INDEX \"T_data_gin\" ON \"T\" USING GIN (\"data\" jsonb_path_ops);\n\n"
     "-- CreateIndex\n"
     "CREATE INDEX \"T_at_idx\" ON \"T\" USING BRIN (\"at\" timestamptz_minmax_multi_ops);\n\n"
     "-- CreateIndex\n"
     "CREATE INDEX \"T_at_hash\" ON \"T\" USING HASH (\"at\" DESC);",
     0, NULL},
    {"relation_mode_prisma_has_no_fks",
     "datasource db {\n  provider = \"postgresql\"\n  relationMode = \"prisma\"\n}\n"
     "model A {\n  id Int @id\n  bs B[]\n}\n"
     "model B {\n  id Int @id\n  aId Int\n  a A @relation(fields: [aId], references: [id])\n"
     "  @@index([aId])\n}\n",
     "-- CreateTable\n"
     "CREATE TABLE \"A\" (\n    \"id\" INTEGER NOT NULL,\n\n"
     "    CONSTRAINT \"A_pkey\" PRIMARY KEY (\"id\")\n);\n\n"
     "-- CreateTable\n"
     "CREATE TABLE \"B\" (\n    \"id\" INTEGER NOT NULL,\n    \"aId\" INTEGER NOT NULL,\n\n"
     "    CONSTRAINT \"B_pkey\" PRIMARY KEY (\"id\")\n);\n\n"
     "-- CreateIndex\n"
     "CREATE INDEX \"B_aId_idx\" ON \"B\"(\"aId\");",
     0, NULL},
    {"mysql_scalar_list_is_an_error",
     "datasource db {\n  provider = \"mysql\"\n}\n"
     "model T {\n  id Int @id\n  tags String[]\n}\n",
     NULL, RM_E_SQL_UNSUPPORTED, NULL},
    {"duplicate_default_index_names",
     "datasource db {\n  provider = \"postgresql\"\n}\n"
     "model T {\n  id Int @id\n  at DateTime\n"
     "  @@index([at], type: Brin)\n  @@index([at], type: Hash)\n}\n",
     NULL, RM_E_SQL_DUPLICATE_NAME, NULL},
    /* Valid for PostgreSQL, lowered for MySQL: the lowering itself must refuse the list. */
    {"scalar_list_lowered_for_mysql",
     "datasource db {\n  provider = \"postgresql\"\n}\n"
     "model T {\n  id Int @id\n  tags String[]\n}\n",
     NULL, RM_E_SQL_UNSUPPORTED, "mysql"},
};

/* Lower g and check it against c (after a successful build). */
static void check_lowered(const inline_case *c, const rm_graph *g, rm_arena *a, rm_diags *d)
{
    const rm_dialect *dialect =
        rm_dialect_by_name(c->dialect ? c->dialect : rm_provider_name(g->provider));
    assert_non_null(dialect);
    rm_sqlschema s, empty;
    int rc = rm_sqlschema_lower(&s, g, dialect, NULL, a, d);
    if (!c->want_sql) {
        assert_int_not_equal(rc, RM_OK);
        assert_true(d->n >= 1);
        assert_int_equal(d->items[0]->id, c->want_id);
        assert_non_null(
            strstr(d->items[0]->msg, c->want_id == RM_E_SQL_UNSUPPORTED ? "T.tags" : "T_at_idx"));
        return;
    }
    assert_int_equal(rc, RM_OK);
    rm_sqlschema_init(&empty, a);
    rm_diff diff;
    assert_int_equal(rm_diff_schemas(&diff, &empty, &s, dialect, a, d), RM_OK);
    rm_sb sql = RM_SB_INIT;
    assert_int_equal(rm_diff_render_sql(&sql, &diff, false, d), RM_OK);
    size_t n = sql.len;
    while (n && rm_sb_str(&sql)[n - 1] == '\n')
        n--;
    rm_sb_truncate(&sql, n);
    assert_string_equal(rm_sb_str(&sql), c->want_sql);
    rm_sb_free(&sql);
}

static void run_inline(void **state)
{
    const inline_case *c = *state;
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_sources srcs;
    rm_sources_init(&srcs);
    rm_sources_add(&srcs, "schema.prisma", c->schema, strlen(c->schema));
    rm_diags d;
    rm_diags_init(&d);
    rm_graph *g = NULL;
    int rc = rm_schema_build(&g, &srcs, &a, &d);
    if (rc != RM_OK && c->want_sql) {
        rm_sb msg = RM_SB_INIT;
        rm_render_opts ro = {false, true};
        rm_diags_render_text(&msg, &srcs, &d, &ro);
        print_error("%s", rm_sb_str(&msg));
        rm_sb_free(&msg);
    }
    /* Prisma's validator may already reject what the lowering would (lists on MySQL); either
     * way the error must be reported and nothing lowered silently. */
    if (rc != RM_OK) {
        assert_null(c->want_sql);
        assert_true(rm_diags_has_errors(&d));
    } else {
        check_lowered(c, g, &a, &d);
    }
    rm_diags_free(&d);
    rm_sources_free(&srcs);
    rm_arena_free(&a);
}

/* A graph built by hand (as another language's builder could build it): a one-to-one relation
 * whose foreign key has no unique index of its own still gets one. */
static void one_to_one_gets_unique(void **state)
{
    (void)state;
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_graph *g = RM_NEW(&a, rm_graph);
    g->provider = RM_PROVIDER_POSTGRES;
    g->relation_mode = RM_RELMODE_FOREIGN_KEYS;
    g->nmodels = 2;
    g->models = RM_NEW_ARRAY(&a, rm_model, 2);
    const char *names[] = {"A", "B"};
    for (size_t i = 0; i < 2; i++) {
        rm_model *m = &g->models[i];
        m->name = m->db_name = names[i];
        m->loc = rm_loc_make(0, i * 10, 1);
        m->nfields = i == 0 ? 1 : 2;
        m->fields = RM_NEW_ARRAY(&a, rm_field, 2);
        m->fields[0].name = m->fields[0].db_name = "id";
        m->fields[1].name = m->fields[1].db_name = "aId";
        for (size_t f = 0; f < 2; f++) {
            m->fields[f].kind = RM_FIELD_SCALAR;
            m->fields[f].scalar = RM_SCALAR_INT;
            m->fields[f].type_ref = RM_NONE;
        }
        m->primary_key = RM_NEW(&a, rm_index);
        m->primary_key->kind = RM_INDEX_PRIMARY;
        m->primary_key->nfields = 1;
        m->primary_key->fields = RM_NEW_ARRAY(&a, rm_index_field, 1);
        m->primary_key->fields[0].field = 0;
    }
    g->nrelations = 1;
    g->relations = RM_NEW_ARRAY(&a, rm_relation, 1);
    rm_relation *rel = &g->relations[0];
    rel->name = "AToB";
    rel->card = RM_CARD_ONE_TO_ONE;
    rel->from.model = 1;
    rel->from.field = RM_NONE;
    rel->to.model = 0;
    rel->to.field = RM_NONE;
    rel->nfk = 1;
    rel->fk_fields = RM_NEW_ARRAY(&a, uint32_t, 1);
    rel->ref_fields = RM_NEW_ARRAY(&a, uint32_t, 1);
    rel->fk_fields[0] = 1;
    rel->ref_fields[0] = 0;
    rel->on_delete = RM_ACTION_RESTRICT;
    rel->on_update = RM_ACTION_CASCADE;
    rm_diags d;
    rm_diags_init(&d);
    rm_sqlschema s;
    assert_int_equal(rm_sqlschema_lower(&s, g, &rm_dialect_postgres, NULL, &a, &d), RM_OK);
    const rm_sql_table *b = rm_sqlschema_find_table(&s, NULL, "B");
    assert_non_null(b);
    assert_int_equal(b->nindexes, 1);
    assert_string_equal(b->indexes[0].name, "B_aId_key");
    assert_int_equal(b->indexes[0].kind, RM_SQL_INDEX_UNIQUE);
    assert_int_equal(b->nfks, 1);
    assert_string_equal(b->fks[0].name, "B_aId_fkey");
    /* A one-to-many relation gets no such index. */
    rel->card = RM_CARD_ONE_TO_MANY;
    assert_int_equal(rm_sqlschema_lower(&s, g, &rm_dialect_postgres, NULL, &a, &d), RM_OK);
    assert_int_equal(rm_sqlschema_find_table(&s, NULL, "B")->nindexes, 0);
    rm_diags_free(&d);
    rm_arena_free(&a);
}

/* ---- constraint names (prisma.md 3.1) ------------------------------------------------------ */

typedef struct name_case {
    const char *name;
    size_t limit;
    const char *table;
    const char *cols[3];
    size_t ncols;
    const char *suffix;
    const char *want;
} name_case;

#define T58 "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefgh"
#define T59 T58 "i"

static const name_case name_cases[] = {
    {"pkey_plain", 63, "User", {NULL}, 0, "pkey", "User_pkey"},
    {"key_two_columns", 63, "A", {"a", "b"}, 2, "key", "A_a_b_key"},
    {"idx", 64, "Post", {"authorId"}, 1, "idx", "Post_authorId_idx"},
    {"fkey", 63, "Profile", {"userId"}, 1, "fkey", "Profile_userId_fkey"},
    /* L-5 = 58: a 58-byte table is "cut" to itself, a 59-byte one loses a byte. */
    {"pkey_at_limit", 63, T58, {NULL}, 0, "pkey", T58 "_pkey"},
    {"pkey_cut", 63, T59, {NULL}, 0, "pkey", T58 "_pkey"},
    /* "{T58}_x" is 60 bytes >= L-4 = 59: cut to 59 bytes, the column's name is lost. */
    {"key_cut_mid_column", 63, T58, {"x"}, 1, "key", T58 "__key"},
    {"mysql_limit_64", 64, T59, {NULL}, 0, "pkey", T59 "_pkey"},
    {"utf8_boundary", 8, "ééé", {NULL}, 0, "pkey", "é_pkey"},
};

static void run_name(void **state)
{
    const name_case *c = *state;
    rm_arena a;
    rm_arena_init(&a, 0);
    const char *got = rm_sql_constraint_name(&a, c->limit, c->table, c->cols, c->ncols, c->suffix);
    assert_string_equal(got, c->want);
    rm_arena_free(&a);
}

int main(void)
{
    enum {
        NL = RM_ARRAY_LEN(lower_cases),
        NN = RM_ARRAY_LEN(name_cases),
        NI = RM_ARRAY_LEN(inline_cases)
    };
    struct CMUnitTest tests[NL + NN + NI + 1];
    size_t k = 0;
    for (size_t i = 0; i < NL; i++)
        tests[k++] = (struct CMUnitTest){lower_cases[i].name, run_lower, NULL, NULL,
                                         (void *)&lower_cases[i]};
    tests[k++] =
        (struct CMUnitTest){"one_to_one_gets_unique", one_to_one_gets_unique, NULL, NULL, NULL};
    for (size_t i = 0; i < NI; i++)
        tests[k++] = (struct CMUnitTest){inline_cases[i].name, run_inline, NULL, NULL,
                                         (void *)&inline_cases[i]};
    for (size_t i = 0; i < NN; i++)
        tests[k++] =
            (struct CMUnitTest){name_cases[i].name, run_name, NULL, NULL, (void *)&name_cases[i]};
    return _cmocka_run_group_tests("sqlschema_lower", tests, k, NULL, NULL);
}
