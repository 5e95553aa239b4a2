/*
 * Hostile identifiers (issue #8). tests/golden/hostile/<provider>.prisma names tables, columns,
 * indexes, constraints and enums with double quotes, backticks, single quotes, semicolons,
 * backslashes, spaces, comment starters (-- and slash-star), multi-byte and combining
 * characters, SQL reserved words, names of exactly the identifier limit (63 bytes PostgreSQL,
 * 64 MySQL), and SQL injection attempts against a table "victim". For PostgreSQL, MariaDB and
 * SQLite, each in a fresh database:
 *
 *   apply:  relmig diff builds a migrations folder (1: victim alone, 2: everything else) and
 *           relmig apply runs it (the statement splitter and history path);
 *   driver: victim is created first with plain SQL, then the diff script is executed through
 *           the driver in one call (the server's own multi-statement parsing);
 *
 * and then: the catalog (tables, columns with types and defaults, indexes, constraints, enum
 * values; read with the database's own catalog queries, sorted) equals
 * tests/golden/hostile/<provider>.catalog, reviewed by hand: exactly those names and nothing
 * else, victim included; `relmig introspect` prints every @map/@@map name of the schema
 * unchanged, and the introspected schema diffs empty against the source; `relmig diff --from
 * URL --to SCHEMA --exit-code` exits 0.
 *
 * Two more rows per server: a constraint name one byte over the limit is refused (E0215, as
 * Prisma does); a table name one byte over the limit is the database's business (see the row).
 *
 * What fails without the protection: dropping the doubling in any quote_ident/quote_literal
 * breaks the SQL or runs the injected DROP (victim missing, catalog differs); the MySQL
 * splitter's backtick handling (fixed with this test) and MariaDB default unescaping likewise
 * made the mysql rows fail before their fixes. Not for the dialects' unit-level quoting
 * (test_dialect_quote.c).
 */
#include "hostile_db.h"

#define GOLDEN RELMIG_SOURCE_DIR "/tests/golden/hostile/"

static const char *provider(rm_db_kind kind)
{
    return kind == RM_DB_POSTGRES ? "postgresql" : kind == RM_DB_MYSQL ? "mysql" : "sqlite";
}

static char *victim_schema(rm_db_kind kind)
{
    return hdb_write("victim.prisma",
                     rm_arena_sprintf(&hdb.arena,
                                      "datasource db {\n  provider = \"%s\"\n  url      = "
                                      "env(\"DATABASE_URL\")\n}\n\nmodel Victim {\n  id Int "
                                      "@id\n\n  @@map(\"victim\")\n}\n",
                                      provider(kind)));
}

/* `relmig diff --from FROM --to TO` as SQL text (must succeed). */
static char *diff_sql(const char *from, const char *to)
{
    rm_test_proc p;
    const char *args[] = {"diff", "--from", from, "--to", to, NULL};
    assert_int_equal(hdb_relmig(&p, args, 0), 0);
    char *sql = rm_arena_strdup(&hdb.arena, p.out);
    rm_test_proc_free(&p);
    return sql;
}

/* The catalog of the current database/schema, one sorted line per object; the history table
 * is left out (only the apply path has it). */
static const char *const catalog_pg[] = {
    "SELECT 'table ' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE n.nspname = current_schema() AND c.relkind = 'r'",
    "SELECT 'column ' || table_name || ' | ' || column_name || ' | ' || udt_name || ' | ' || "
    "is_nullable || ' | ' || coalesce(column_default, 'no default') FROM "
    "information_schema.columns WHERE table_schema = current_schema()",
    "SELECT 'index ' || tablename || ' | ' || indexname FROM pg_indexes WHERE schemaname = "
    "current_schema()",
    "SELECT 'constraint ' || c.relname || ' | ' || con.conname || ' | ' || con.contype::text || "
    "coalesce(' -> ' || r.relname, '') FROM pg_constraint con JOIN pg_class c ON c.oid = "
    "con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_class r ON r.oid = "
    "con.confrelid WHERE n.nspname = current_schema()",
    "SELECT 'enum ' || t.typname || ' | ' || e.enumsortorder::int || ' | ' || e.enumlabel FROM "
    "pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = "
    "t.typnamespace WHERE n.nspname = current_schema()",
    NULL,
};

static const char *const catalog_my[] = {
    "SELECT CONCAT('table ', TABLE_NAME) FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
    "DATABASE()",
    "SELECT CONCAT('column ', TABLE_NAME, ' | ', COLUMN_NAME, ' | ', COLUMN_TYPE, ' | ', "
    "IS_NULLABLE, ' | ', COALESCE(COLUMN_DEFAULT, 'no default')) FROM information_schema.COLUMNS "
    "WHERE TABLE_SCHEMA = DATABASE()",
    "SELECT CONCAT('index ', TABLE_NAME, ' | ', INDEX_NAME, ' | ', SEQ_IN_INDEX, ' ', "
    "COLUMN_NAME) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()",
    "SELECT CONCAT('constraint ', TABLE_NAME, ' | ', CONSTRAINT_NAME, ' | ', CONSTRAINT_TYPE) "
    "FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE()",
    "SELECT CONCAT('fk ', TABLE_NAME, ' | ', CONSTRAINT_NAME, ' | ', COLUMN_NAME, ' -> ', "
    "REFERENCED_TABLE_NAME, '.', REFERENCED_COLUMN_NAME) FROM "
    "information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = DATABASE() AND "
    "REFERENCED_TABLE_NAME IS NOT NULL",
    NULL,
};

static const char *const catalog_lite[] = {
    "SELECT type || ' ' || tbl_name || ' | ' || name FROM sqlite_master WHERE name NOT LIKE "
    "'sqlite\\_%' ESCAPE '\\'",
    "SELECT 'column ' || m.name || ' | ' || p.name || ' | ' || p.type || ' | ' || "
    "CASE p.\"notnull\" WHEN 1 THEN 'NO' ELSE 'YES' END || ' | ' || coalesce(p.dflt_value, "
    "'no default') || ' | pk ' || p.pk FROM sqlite_master m, pragma_table_info(m.name) p WHERE "
    "m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
    "SELECT 'index ' || m.name || ' | ' || l.name || ' | ' || i.seqno || ' ' || i.name FROM "
    "sqlite_master m, pragma_index_list(m.name) l, pragma_index_info(l.name) i WHERE m.type = "
    "'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
    "SELECT 'fk ' || m.name || ' | ' || f.\"from\" || ' -> ' || f.\"table\" || '.' || f.\"to\" "
    "FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table' AND m.name NOT "
    "LIKE 'sqlite\\_%' ESCAPE '\\'",
    NULL,
};

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static char *catalog(rm_db_kind kind, const char *url)
{
    const char *const *qs = kind == RM_DB_POSTGRES ? catalog_pg
                            : kind == RM_DB_MYSQL  ? catalog_my
                                                   : catalog_lite;
    const char **lines = NULL;
    size_t n = 0, cap = 0;
    for (size_t q = 0; qs[q]; q++) {
        rm_rows *r = hdb_rows(url, qs[q]);
        for (size_t i = 0; i < r->nrows; i++) {
            const char *l = rm_rows_get(r, i, 0);
            if (l && !strstr(l, "_prisma_migrations"))
                RM_VEC_PUSH(&hdb.arena, lines, n, cap, l);
        }
    }
    qsort(lines, n, sizeof *lines, cmp_str);
    rm_sb sb = RM_SB_INIT;
    for (size_t i = 0; i < n; i++)
        rm_sb_appendf(&sb, "%s\n", lines[i]);
    char *out = rm_arena_strdup(&hdb.arena, rm_sb_str(&sb));
    rm_sb_free(&sb);
    return out;
}

/* Every "..." argument of @map / @@map / map: in the schema, as written (escapes included),
 * must appear in the introspected schema: the same database name read back. */
static void assert_maps_kept(rm_db_kind kind, const char *schema_text, const char *introspected)
{
    static const char *const keys[] = {"@map(\"", "@@map(\"", "map: \""};
    size_t checked = 0;
    for (size_t k = 0; k < RM_ARRAY_LEN(keys); k++) {
        for (const char *p = strstr(schema_text, keys[k]); p; p = strstr(p + 1, keys[k])) {
            const char *v = p + strlen(keys[k]);
            const char *e = v;
            while (*e && *e != '"')
                e += (*e == '\\' && e[1]) ? 2 : 1;
            char *quoted = rm_arena_sprintf(&hdb.arena, "\"%.*s\"", (int)(e - v), v);
            /* \u0301 in the source is printed as the character itself. */
            if (strstr(quoted, "\\u"))
                continue;
            /* Only PostgreSQL has named enum types; elsewhere the enum's @@map names nothing
             * in the database (introspection names enums after table and column). */
            if (kind != RM_DB_POSTGRES && strncmp(quoted, "\"mood ", 6) == 0)
                continue;
            /* A name that is a valid Prisma identifier becomes the model or field name
             * itself, without @map. */
            bool plain = (*v >= 'a' && *v <= 'z') || (*v >= 'A' && *v <= 'Z');
            for (const char *c = v; c < e; c++)
                plain = plain && (*c == '_' || (*c >= 'a' && *c <= 'z') ||
                                  (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9'));
            if (plain)
                quoted = rm_arena_sprintf(&hdb.arena, "%.*s ", (int)(e - v), v);
            if (!strstr(introspected, quoted))
                fail_msg("%s%s) is not in the introspected schema:\n%s", keys[k], quoted,
                         introspected);
            checked++;
        }
    }
    assert_true(checked >= 8);
}

static void check_result(rm_db_kind kind, const char *url, const char *schema)
{
    /* The victim survived every injection attempt. */
    const char *victim_q = kind == RM_DB_SQLITE
                               ? "SELECT count(*) FROM sqlite_master WHERE name = 'victim'"
                           : kind == RM_DB_POSTGRES
                               ? "SELECT count(*) FROM pg_tables WHERE schemaname = "
                                 "current_schema() AND tablename = 'victim'"
                               : "SELECT count(*) FROM information_schema.TABLES WHERE "
                                 "TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'victim'";
    assert_int_equal(hdb_count(url, victim_q), 1);

    /* Exactly the schema's names, nothing else. */
    char *golden = rm_arena_sprintf(&hdb.arena, GOLDEN "%s.catalog", provider(kind));
    assert_true(rm_test_golden(golden, catalog(kind, url)));

    /* Introspection reads every name back unchanged ... */
    rm_test_proc p;
    const char *in[] = {"introspect", "--url", url, NULL};
    assert_int_equal(hdb_relmig(&p, in, 0), 0);
    char *text = rm_test_read_file(schema, NULL);
    assert_maps_kept(kind, text, p.out);
    free(text);
    char *intro = hdb_write("introspected.prisma", p.out);
    rm_test_proc_free(&p);
    /* ... and means the same schema. */
    const char *same[] = {"diff", "--from", intro, "--to", schema, "--exit-code", NULL};
    assert_int_equal(hdb_relmig(&p, same, 0), 0);
    rm_test_proc_free(&p);

    /* The live database is in sync with the schema. */
    const char *sync[] = {"diff", "--from", url, "--to", schema, "--exit-code", NULL};
    assert_int_equal(hdb_relmig(&p, sync, 0), 0);
    rm_test_proc_free(&p);
}

static void via_apply(void **state)
{
    rm_db_kind kind = (rm_db_kind)(intptr_t)*state;
    hdb_require(kind);
    const char *schema = rm_arena_sprintf(&hdb.arena, GOLDEN "%s.prisma", provider(kind));
    char *victim = victim_schema(kind);
    char *dir = hdb_migrations("20240101000000_victim", diff_sql("empty", victim));
    char *m2 = rm_arena_sprintf(&hdb.arena, "%s/20240102000000_hostile", dir);
    assert_int_equal(mkdir(m2, 0777), 0);
    char *sql = diff_sql(victim, schema);
    assert_true(
        rm_test_write_file(rm_arena_sprintf(&hdb.arena, "%s/migration.sql", m2), sql, strlen(sql)));
    rm_test_proc p;
    const char *hash[] = {"migrate", "hash", "--dir", dir, NULL};
    assert_int_equal(hdb_relmig(&p, hash, 0), 0);
    rm_test_proc_free(&p);

    char *url = hdb_fresh(kind, "ident");
    const char *apply[] = {"apply", "--url", url, "--dir", dir, NULL};
    assert_int_equal(hdb_relmig(&p, apply, 0), 0);
    rm_test_proc_free(&p);
    check_result(kind, url, schema);
}

static void via_driver(void **state)
{
    rm_db_kind kind = (rm_db_kind)(intptr_t)*state;
    hdb_require(kind);
    const char *schema = rm_arena_sprintf(&hdb.arena, GOLDEN "%s.prisma", provider(kind));
    char *url = hdb_fresh(kind, "identdrv");
    /* The victim exists before the hostile script runs (as Prisma would create it). */
    hdb_exec(url, diff_sql("empty", victim_schema(kind)));
    hdb_exec(url, diff_sql(victim_schema(kind), schema));
    check_result(kind, url, schema);
}

/* Cerial can spell only reserved words (names are \w+, no @map): a model Order with fields
 * select, from, group, where, table is created through the driver and the database then
 * diffs empty against the Cerial schema. */
static void cerial_reserved_words(void **state)
{
    rm_db_kind kind = (rm_db_kind)(intptr_t)*state;
    hdb_require(kind);
    const char *schema = GOLDEN "reserved.cerial";
    const char *dia = provider(kind);
    char *url = hdb_fresh(kind, "cerial");
    rm_test_proc p;
    const char *create[] = {"diff", "--from", "empty", "--to", schema, "--dialect", dia, NULL};
    assert_int_equal(hdb_relmig(&p, create, 0), 0);
    hdb_exec(url, p.out);
    rm_test_proc_free(&p);
    const char *sync[] = {"diff",      "--from", url, "--to", schema, "--dialect",
                          dia,         "--exit-code", NULL};
    assert_int_equal(hdb_relmig(&p, sync, 0), 0);
    rm_test_proc_free(&p);
}

/* A constraint name one byte over the limit is an error before anything runs (Prisma: "The
 * constraint name ... is too long for your chosen provider"). */
static void constraint_name_over_limit(void **state)
{
    rm_db_kind kind = (rm_db_kind)(intptr_t)*state;
    size_t limit = kind == RM_DB_POSTGRES ? 63 : 64;
    char name[80];
    memset(name, 'i', limit + 1);
    name[limit + 1] = '\0';
    char *schema = hdb_write(
        "over.prisma",
        rm_arena_sprintf(&hdb.arena,
                         "datasource db {\n  provider = \"%s\"\n  url = env(\"U\")\n}\n\nmodel "
                         "A {\n  id Int @id\n  x  Int\n\n  @@index([x], map: \"%s\")\n}\n",
                         provider(kind), name));
    rm_test_proc p;
    const char *args[] = {"diff", "--from", "empty", "--to", schema, NULL};
    assert_int_equal(hdb_relmig(&p, args, 1), 1);
    assert_non_null(strstr(p.err, "error[E0215]"));
    assert_string_equal(p.out, "");
    rm_test_proc_free(&p);
    /* Exactly at the limit is fine. */
    name[limit] = '\0';
    schema = hdb_write(
        "at.prisma",
        rm_arena_sprintf(&hdb.arena,
                         "datasource db {\n  provider = \"%s\"\n  url = env(\"U\")\n}\n\nmodel "
                         "A {\n  id Int @id\n  x  Int\n\n  @@index([x], map: \"%s\")\n}\n",
                         provider(kind), name));
    const char *args_at[] = {"diff", "--from", "empty", "--to", schema, NULL};
    assert_int_equal(hdb_relmig(&p, args_at, 0), 0);
    assert_non_null(strstr(p.out, name));
    rm_test_proc_free(&p);
}

/* A table (or column) name one byte over the limit is not refused by Prisma's validation
 * (only constraint names are), and relmig does the same. What then happens is the database's
 * doing, and this row pins it so a change is noticed: PostgreSQL truncates the name to 63
 * bytes with a NOTICE, and relmig then sees the drift (diff --exit-code exits 2, the schema
 * never matches); MariaDB refuses the CREATE TABLE ("Incorrect table name"), apply
 * exits 1 and the migration is recorded as failed, nothing else created. */
static void table_name_over_limit(void **state)
{
    rm_db_kind kind = (rm_db_kind)(intptr_t)*state;
    hdb_require(kind);
    size_t limit = kind == RM_DB_POSTGRES ? 63 : 64;
    char name[80];
    memset(name, 'o', limit + 1);
    name[limit + 1] = '\0';
    char *schema = hdb_write(
        "over_table.prisma",
        rm_arena_sprintf(&hdb.arena,
                         "datasource db {\n  provider = \"%s\"\n  url = env(\"U\")\n}\n\nmodel "
                         "A {\n  id Int @id\n\n  @@map(\"%s\")\n}\n",
                         provider(kind), name));
    char *dir = hdb_migrations("20240101000000_over", diff_sql("empty", schema));
    char *url = hdb_fresh(kind, "over");
    rm_test_proc p;
    const char *apply[] = {"apply", "--url", url, "--dir", dir, NULL};
    const char *sync[] = {"diff", "--from", url, "--to", schema, "--exit-code", NULL};
    if (kind == RM_DB_POSTGRES) {
        assert_int_equal(hdb_relmig(&p, apply, 0), 0);
        rm_test_proc_free(&p);
        name[63] = '\0';
        assert_int_equal(hdb_count(url, rm_arena_sprintf(&hdb.arena,
                                                         "SELECT count(*) FROM pg_tables WHERE "
                                                         "tablename = '%s'",
                                                         name)),
                         1);
        assert_int_equal(hdb_relmig(&p, sync, 2), 2);
        rm_test_proc_free(&p);
    } else {
        assert_int_equal(hdb_relmig(&p, apply, 1), 1);
        assert_non_null(strstr(p.err, "Incorrect table name"));
        rm_test_proc_free(&p);
        assert_int_equal(hdb_count(url, "SELECT count(*) FROM _prisma_migrations WHERE "
                                        "finished_at IS NULL AND rolled_back_at IS NULL"),
                         1);
        assert_int_equal(hdb_count(url, "SELECT count(*) FROM information_schema.TABLES WHERE "
                                        "TABLE_SCHEMA = DATABASE() AND TABLE_NAME <> "
                                        "'_prisma_migrations'"),
                         0);
    }
}

int main(void)
{
    int rc = hdb_init();
    if (rc != 0)
        return rc;
    const struct CMUnitTest tests[] = {
        HDB_ROW(via_apply, RM_DB_POSTGRES, "postgresql"),
        HDB_ROW(via_apply, RM_DB_MYSQL, "mysql"),
        HDB_ROW(via_apply, RM_DB_SQLITE, "sqlite"),
        HDB_ROW(via_driver, RM_DB_POSTGRES, "postgresql"),
        HDB_ROW(via_driver, RM_DB_MYSQL, "mysql"),
        HDB_ROW(via_driver, RM_DB_SQLITE, "sqlite"),
        HDB_ROW(cerial_reserved_words, RM_DB_POSTGRES, "postgresql"),
        HDB_ROW(cerial_reserved_words, RM_DB_MYSQL, "mysql"),
        HDB_ROW(cerial_reserved_words, RM_DB_SQLITE, "sqlite"),
        HDB_ROW(constraint_name_over_limit, RM_DB_POSTGRES, "postgresql"),
        HDB_ROW(constraint_name_over_limit, RM_DB_MYSQL, "mysql"),
        HDB_ROW(table_name_over_limit, RM_DB_POSTGRES, "postgresql"),
        HDB_ROW(table_name_over_limit, RM_DB_MYSQL, "mysql"),
    };
    rc = cmocka_run_group_tests_name("hostile_identifiers", tests, NULL, NULL);
    hdb_finish();
    return rc;
}
