/*
 * `relmig check` drift tests on a real database, shared by test_check_sqlite.c,
 * test_check_postgres.c and test_check_mysql.c (each defines one CHECK_DB_* flag). Every row:
 * a fresh database built from the test schema (the SQL `relmig diff --from empty` writes),
 * then a hand-made change (the row's SQL for this database), then `relmig check --schema`
 * must exit with the row's status and name the drift in the report and in --json. The
 * untouched row must exit 0. A last case checks --dir (migrations replayed) including a
 * migration applied but absent from the folder; on PostgreSQL/MySQL its first run replays
 * into --shadow-url, its second into the temporary shadow database relmig creates without
 * one, which must be gone afterwards. Test code only.
 */
#ifndef RELMIG_TESTS_TEST_CHECK_COMMON_H
#define RELMIG_TESTS_TEST_CHECK_COMMON_H

#define _POSIX_C_SOURCE 200809L

#include "db/db.h"
#include "testutil.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#if defined(CHECK_DB_POSTGRES)
#define CHECK_KIND RM_DB_POSTGRES
#define CHECK_ENV "RELMIG_TEST_PG_URL"
#define CHECK_PROVIDER "postgresql"
#elif defined(CHECK_DB_MYSQL)
#define CHECK_KIND RM_DB_MYSQL
#define CHECK_ENV "RELMIG_TEST_MYSQL_URL"
#define CHECK_PROVIDER "mysql"
#elif defined(CHECK_DB_SQLITE)
#define CHECK_KIND RM_DB_SQLITE
#define CHECK_ENV ""
#define CHECK_PROVIDER "sqlite"
#else
#error "define CHECK_DB_POSTGRES, CHECK_DB_MYSQL or CHECK_DB_SQLITE before including"
#endif

static const char check_schema_fmt[] =
    "datasource db {\n  provider = \"%s\"\n  url      = env(\"DATABASE_URL\")\n}\n\n"
    "model User {\n  id      Int      @id\n  email   String   @unique\n"
    "  profile Profile?\n  posts   Post[]\n}\n\n"
    "model Profile {\n  id     Int  @id\n  userId Int  @unique\n"
    "  user   User @relation(fields: [userId], references: [id])\n}\n\n"
    "model Post {\n  id       Int  @id\n  authorId Int\n"
    "  author   User @relation(fields: [authorId], references: [id], onDelete: Cascade)\n}\n\n"
    "model Team {\n  orgId   Int\n  teamNo  Int\n  members Member[]\n  @@id([orgId, teamNo])\n}\n\n"
    "model Member {\n  id     Int  @id\n  orgId  Int\n  teamNo Int\n"
    "  team   Team @relation(fields: [orgId, teamNo], references: [orgId, teamNo])\n}\n";

typedef struct check_case {
    const char *name;
    const char *sql; /* the hand-made change for this database; NULL = untouched */
    int want_exit;
    const char *want_text; /* in stdout of the human report */
    const char *want_kind; /* in --json ("kind":"..."), or NULL */
} check_case;

#define Q(x) "\"" x "\""
#if defined(CHECK_DB_MYSQL)
#define I(x) "`" x "`"
#else
#define I(x) Q(x)
#endif

static const check_case check_cases[] = {
    {"untouched_in_sync", NULL, 0, "in sync", NULL},
    {"add_column_by_hand", "ALTER TABLE " I("User") " ADD COLUMN " I("nickname") " VARCHAR(50)", 2,
     "Added column `nickname`", NULL},
#if defined(CHECK_DB_MYSQL)
    /* InnoDB needs an index for the FK, so one replaces the UNIQUE */
    {"one_to_one_unique_dropped",
     "CREATE INDEX Profile_userId_idx ON Profile(userId); DROP INDEX Profile_userId_key ON "
     "Profile",
     2, "the one-to-one relation (userId) -> User has no UNIQUE", "one_to_one_not_unique"},
    {"composite_pk_reordered",
     "ALTER TABLE Member DROP FOREIGN KEY Member_orgId_teamNo_fkey; ALTER TABLE Team DROP "
     "PRIMARY KEY, ADD PRIMARY KEY (teamNo, orgId)",
     2,
     "the composite primary key's column order is (orgId, teamNo) in the schema but "
     "(teamNo, orgId)",
     "pk_order"},
    {"fk_action_changed",
     "ALTER TABLE Post DROP FOREIGN KEY Post_authorId_fkey; ALTER TABLE Post ADD CONSTRAINT "
     "Post_authorId_fkey FOREIGN KEY (authorId) REFERENCES User(id) ON DELETE RESTRICT ON "
     "UPDATE CASCADE",
     2, "has ON DELETE CASCADE ON UPDATE CASCADE in the schema but ON DELETE RESTRICT",
     "fk_action"},
    {"fk_dropped", "ALTER TABLE Post DROP FOREIGN KEY Post_authorId_fkey", 2,
     "the foreign key (authorId) -> User(id) is missing from the database", "fk_missing"},
    {"fk_to_non_unique_columns",
     "ALTER TABLE User ADD COLUMN code INT NULL, ADD INDEX User_code_idx (code); ALTER TABLE "
     "Post ADD CONSTRAINT Post_code_fkey FOREIGN KEY (id) REFERENCES User(code)",
     2, "which has no primary key or UNIQUE constraint on those columns",
     "fk_references_not_unique"},
#elif defined(CHECK_DB_POSTGRES)
    {"one_to_one_unique_dropped", "DROP INDEX \"Profile_userId_key\"", 2,
     "the one-to-one relation (userId) -> User has no UNIQUE", "one_to_one_not_unique"},
    {"composite_pk_reordered",
     "ALTER TABLE \"Member\" DROP CONSTRAINT \"Member_orgId_teamNo_fkey\"; ALTER TABLE \"Team\" "
     "DROP CONSTRAINT \"Team_pkey\"; ALTER TABLE \"Team\" ADD CONSTRAINT \"Team_pkey\" PRIMARY "
     "KEY (\"teamNo\", \"orgId\"); ALTER TABLE \"Member\" ADD CONSTRAINT "
     "\"Member_orgId_teamNo_fkey\" FOREIGN KEY (\"orgId\", \"teamNo\") REFERENCES "
     "\"Team\"(\"orgId\", \"teamNo\") ON DELETE RESTRICT ON UPDATE CASCADE",
     2,
     "the composite primary key's column order is (orgId, teamNo) in the schema but "
     "(teamNo, orgId)",
     "pk_order"},
    {"fk_action_changed",
     "ALTER TABLE \"Post\" DROP CONSTRAINT \"Post_authorId_fkey\"; ALTER TABLE \"Post\" ADD "
     "CONSTRAINT \"Post_authorId_fkey\" FOREIGN KEY (\"authorId\") REFERENCES \"User\"(\"id\") "
     "ON DELETE RESTRICT ON UPDATE CASCADE",
     2, "has ON DELETE CASCADE ON UPDATE CASCADE in the schema but ON DELETE RESTRICT",
     "fk_action"},
    {"fk_dropped", "ALTER TABLE \"Post\" DROP CONSTRAINT \"Post_authorId_fkey\"", 2,
     "the foreign key (authorId) -> User(id) is missing from the database", "fk_missing"},
    {"fk_extra",
     "ALTER TABLE \"Member\" ADD CONSTRAINT \"Member_id_fkey\" FOREIGN KEY (\"id\") REFERENCES "
     "\"User\"(\"id\")",
     2, "the database has a foreign key (id) -> User(id) that the schema does not", "fk_extra"},
    {"composite_fk_pairing_changed",
     "ALTER TABLE \"Member\" DROP CONSTRAINT \"Member_orgId_teamNo_fkey\"; ALTER TABLE "
     "\"Member\" ADD CONSTRAINT \"Member_orgId_teamNo_fkey\" FOREIGN KEY (\"teamNo\", \"orgId\") "
     "REFERENCES \"Team\"(\"orgId\", \"teamNo\") ON DELETE RESTRICT ON UPDATE CASCADE",
     2, "column order or pairing differs", "fk_order"},
#else
    {"one_to_one_unique_dropped", "DROP INDEX \"Profile_userId_key\"", 2,
     "the one-to-one relation (userId) -> User has no UNIQUE", "one_to_one_not_unique"},
    {"composite_pk_reordered",
     "PRAGMA foreign_keys=OFF; CREATE TABLE \"new_Team\" (\"orgId\" INTEGER NOT NULL, "
     "\"teamNo\" INTEGER NOT NULL, PRIMARY KEY (\"teamNo\", \"orgId\")); DROP TABLE \"Team\"; "
     "ALTER TABLE \"new_Team\" RENAME TO \"Team\"",
     2,
     "the composite primary key's column order is (orgId, teamNo) in the schema but "
     "(teamNo, orgId)",
     "pk_order"},
    {"fk_action_changed",
     "PRAGMA foreign_keys=OFF; CREATE TABLE \"new_Post\" (\"id\" INTEGER NOT NULL PRIMARY KEY "
     "AUTOINCREMENT, \"authorId\" INTEGER NOT NULL, CONSTRAINT \"Post_authorId_fkey\" FOREIGN "
     "KEY (\"authorId\") REFERENCES \"User\" (\"id\") ON DELETE RESTRICT ON UPDATE CASCADE); "
     "DROP TABLE \"Post\"; ALTER TABLE \"new_Post\" RENAME TO \"Post\"",
     2, "has ON DELETE CASCADE ON UPDATE CASCADE in the schema but ON DELETE RESTRICT",
     "fk_action"},
#endif
};

typedef struct check_env {
    rm_arena arena;
    rm_dburl base;
    char *tmpdir;
    char *schema_path;
    char *setup_sql;
    int seq;
} check_env;

static check_env ce;

static char *check_fresh_db(void)
{
    ce.seq++;
    if (CHECK_KIND == RM_DB_SQLITE)
        return rm_arena_sprintf(&ce.arena, "sqlite:%s/db%d.sqlite", ce.tmpdir, ce.seq);
    const char *name = rm_arena_sprintf(&ce.arena, "relmig_check_%ld_%d", (long)getpid(), ce.seq);
    rm_conn *c = NULL;
    rm_dberr err;
    if (rm_db_connect_url(&c, &ce.base, NULL, &err) != RM_OK)
        fail_msg("connect: %s", err.message);
    if (rm_db_exec(c, rm_arena_sprintf(&ce.arena, "CREATE DATABASE %s", name), &err) != RM_OK)
        fail_msg("create database: %s", err.message);
    rm_db_close(c);
    rm_dburl u = ce.base;
    u.database = name;
    return rm_dburl_format(&u, false, &ce.arena);
}

static void check_drop_db(const char *url)
{
    if (CHECK_KIND == RM_DB_SQLITE)
        return;
    rm_dburl u;
    rm_dberr err;
    rm_conn *c = NULL;
    if (rm_dburl_parse(&u, url, &ce.arena, &err) != RM_OK ||
        rm_db_connect_url(&c, &ce.base, NULL, &err) != RM_OK)
        return;
    (void)rm_db_exec(c, rm_arena_sprintf(&ce.arena, "DROP DATABASE IF EXISTS %s", u.database),
                     &err);
    rm_db_close(c);
}

static void check_exec(const char *url, const char *sql)
{
    rm_conn *c = NULL;
    rm_dberr err;
    if (rm_db_connect(&c, url, NULL, &err) != RM_OK)
        fail_msg("connect: %s", err.message);
    if (rm_db_exec(c, sql, &err) != RM_OK)
        fail_msg("exec failed: %s\n%s", err.message, sql);
    rm_db_close(c);
}

static void run_check_case(void **state)
{
    const check_case *cc = *state;
    char *url = check_fresh_db();
    check_exec(url, ce.setup_sql);
    if (cc->sql)
        check_exec(url, cc->sql);
    rm_test_proc p;
    const char *args[] = {"check", "--url", url, "--schema", ce.schema_path, NULL};
    assert_int_equal(rm_test_relmig(&p, args, NULL), 0);
    if (p.status != cc->want_exit || !strstr(p.out, cc->want_text))
        fail_msg("exit %d (want %d)\nstdout:\n%s\nstderr:\n%s", p.status, cc->want_exit, p.out,
                 p.err);
    rm_test_proc_free(&p);
    const char *jargs[] = {"check", "--url", url, "--schema", ce.schema_path, "--json", NULL};
    assert_int_equal(rm_test_relmig(&p, jargs, NULL), 0);
    assert_int_equal(p.status, cc->want_exit);
    assert_non_null(strstr(p.out, cc->want_exit ? "\"inSync\":false" : "\"inSync\":true"));
    if (cc->want_kind) {
        char *k = rm_arena_sprintf(&ce.arena, "\"kind\":\"%s\"", cc->want_kind);
        if (!strstr(p.out, k))
            fail_msg("%s not in %s", k, p.out);
    }
    rm_test_proc_free(&p);
    check_drop_db(url);
}

/* --dir: the folder's state replayed (SQLite: in memory; others: a shadow database), and a
 * migration applied to the database but removed from the folder named. */
static void check_dir_and_missing_migration(void **state)
{
    (void)state;
    char *dir = rm_arena_sprintf(&ce.arena, "%s/migrations", ce.tmpdir);
    char *m1 = rm_arena_sprintf(&ce.arena, "%s/20250101000000_init", dir);
    char *m2 = rm_arena_sprintf(&ce.arena, "%s/20250102000000_extra", dir);
    mkdir(dir, 0777);
    mkdir(m1, 0777);
    mkdir(m2, 0777);
    assert_true(rm_test_write_file(rm_arena_sprintf(&ce.arena, "%s/migration.sql", m1),
                                   ce.setup_sql, strlen(ce.setup_sql)));
    const char *extra = "CREATE TABLE extra_t (id INTEGER PRIMARY KEY);\n";
    assert_true(rm_test_write_file(rm_arena_sprintf(&ce.arena, "%s/migration.sql", m2), extra,
                                   strlen(extra)));
    char *url = check_fresh_db();
    rm_test_proc p;
    const char *ap[] = {"apply", "--url", url, "--dir", dir, NULL};
    assert_int_equal(rm_test_relmig(&p, ap, NULL), 0);
    assert_int_equal(p.status, 0);
    rm_test_proc_free(&p);
    char *shadow = CHECK_KIND == RM_DB_SQLITE ? NULL : check_fresh_db();
    const char *args[] = {"check", "--url", url, "--dir", dir, shadow ? "--shadow-url" : NULL,
                          shadow,  NULL};
    assert_int_equal(rm_test_relmig(&p, args, NULL), 0);
    if (p.status != 0)
        fail_msg("in sync expected: exit %d\n%s\n%s", p.status, p.out, p.err);
    rm_test_proc_free(&p);
    /* the second migration disappears from the folder (another branch); this time without
     * --shadow-url: PostgreSQL/MySQL replay into a temporary database (named with -v) */
    assert_int_equal(remove(rm_arena_sprintf(&ce.arena, "%s/migration.sql", m2)), 0);
    assert_int_equal(rmdir(m2), 0);
    if (shadow)
        check_drop_db(shadow);
    const char *args2[] = {"check", "-v", "--url", url, "--dir", dir, NULL};
    assert_int_equal(rm_test_relmig(&p, args2, NULL), 0);
    if (p.status != 2 ||
        !strstr(p.out, "migration 20250102000000_extra is applied to the "
                       "database but absent from the migrations folder") ||
        !strstr(p.out, "extra_t"))
        fail_msg("exit %d\n%s\n%s", p.status, p.out, p.err);
    if (shadow) {
        const char *tag = "temporary shadow database ";
        const char *at = strstr(p.err, tag);
        if (!at)
            fail_msg("no temporary shadow database named in\n%s", p.err);
        at += strlen(tag);
        rm_dburl u = ce.base;
        u.database = rm_arena_strndup(&ce.arena, at, strcspn(at, "\n"));
        rm_conn *c = NULL;
        rm_dberr err;
        if (rm_db_connect_url(&c, &u, NULL, &err) == RM_OK) {
            rm_db_close(c);
            fail_msg("the temporary shadow database %s is still there", u.database);
        }
    }
    rm_test_proc_free(&p);
    check_drop_db(url);
}

static int check_main(void)
{
    rm_arena_init(&ce.arena, 0);
    if (CHECK_ENV[0]) {
        const char *url = NULL;
        int env_rc = rm_test_server_url(CHECK_ENV, &url);
        if (env_rc)
            return env_rc;
        rm_dberr err;
        if (rm_dburl_parse(&ce.base, url, &ce.arena, &err) != RM_OK) {
            fprintf(stderr, "%s: %s\n", CHECK_ENV, err.message);
            return 1;
        }
    }
    ce.tmpdir = rm_test_mkdtemp();
    ce.schema_path = rm_arena_sprintf(&ce.arena, "%s/schema.prisma", ce.tmpdir);
    char *schema = rm_arena_sprintf(&ce.arena, check_schema_fmt, CHECK_PROVIDER);
    if (!rm_test_write_file(ce.schema_path, schema, strlen(schema)))
        return 1;
    /* The database is built with the SQL relmig's differ writes for the schema. */
    rm_test_proc p;
    const char *dargs[] = {"diff", "--from", "empty", "--to", ce.schema_path, NULL};
    if (rm_test_relmig(&p, dargs, NULL) != 0 || p.status != 0) {
        fprintf(stderr, "relmig diff failed: %s\n", p.err);
        return 1;
    }
    ce.setup_sql = rm_arena_strdup(&ce.arena, p.out);
    rm_test_proc_free(&p);

    size_t n = RM_ARRAY_LEN(check_cases);
    struct CMUnitTest *tests = calloc(n + 1, sizeof *tests);
    for (size_t i = 0; i < n; i++) {
        tests[i].name =
            rm_arena_sprintf(&ce.arena, "%s/%s", rm_db_kind_name(CHECK_KIND), check_cases[i].name);
        tests[i].test_func = run_check_case;
        tests[i].initial_state = (void *)&check_cases[i];
    }
    tests[n].name =
        rm_arena_sprintf(&ce.arena, "%s/dir_and_missing_migration", rm_db_kind_name(CHECK_KIND));
    tests[n].test_func = check_dir_and_missing_migration;
    int rc = _cmocka_run_group_tests(
        rm_arena_sprintf(&ce.arena, "check_%s", rm_db_kind_name(CHECK_KIND)), tests, n + 1, NULL,
        NULL);
    free(tests);
    rm_test_rmtree(ce.tmpdir);
    free(ce.tmpdir);
    rm_db_shutdown();
    rm_arena_free(&ce.arena);
    return rc;
}

#endif
