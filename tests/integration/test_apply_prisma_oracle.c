/*
 * Compatibility with Prisma's own migration engine (../shared/oracle `prisma6`, Prisma 6.19):
 * a folder deployed by `prisma migrate deploy` continues under `relmig apply`/`status`, a
 * database relmig applied to is "up to date" for `prisma migrate status`, and Prisma deploys
 * on top of relmig's history. SQLite always (when the oracle is installed), PostgreSQL when
 * RELMIG_TEST_PG_URL is set. Skips (77) when the oracle is not installed
 * (bash ../shared/oracle/setup.sh; RELMIG_ORACLE_HOME, default ~/.cache/relmig-oracle).
 */
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

static rm_arena arena;
static char *prisma6;
static char *tmpdir;
static const char *pg_url;

static void write_mig(const char *dir, const char *name, const char *sql)
{
    mkdir(dir, 0777);
    char *d = rm_arena_sprintf(&arena, "%s/%s", dir, name);
    mkdir(d, 0777);
    char *f = rm_arena_sprintf(&arena, "%s/migration.sql", d);
    assert_true(rm_test_write_file(f, sql, strlen(sql)));
}

/* Run prisma6 with the oracle's environment; returns the exit status, stdout+stderr in *out
 * (arena). */
static int prisma(const char *provider, const char *url, const char *dir, const char *schema,
                  const char *verb, char **out)
{
    char *e1 = rm_arena_sprintf(&arena, "PEER_PROVIDER=%s", provider);
    char *e2 = rm_arena_sprintf(&arena, "PEER_URL=%s", url);
    char *e3 = rm_arena_sprintf(&arena, "PEER_MIGRATIONS=%s", dir);
    const char *env[] = {e1, e2, e3, NULL};
    const char *argv[] = {prisma6, "migrate", verb, "--schema", schema, NULL};
    rm_test_proc p;
    assert_int_equal(rm_test_run(&p, argv, env), 0);
    *out = rm_arena_sprintf(&arena, "%s%s", p.out, p.err);
    int st = p.status;
    rm_test_proc_free(&p);
    return st;
}

static int relmig(const char *const *args, char **out)
{
    rm_test_proc p;
    assert_int_equal(rm_test_relmig(&p, args, NULL), 0);
    *out = rm_arena_sprintf(&arena, "%s%s", p.out, p.err);
    int st = p.status;
    rm_test_proc_free(&p);
    return st;
}

static void round_trip(const char *provider, const char *prisma_url, const char *relmig_url)
{
    char *dir = rm_arena_sprintf(&arena, "%s/%s-migrations", tmpdir, provider);
    char *schema = rm_arena_sprintf(&arena, "%s/%s.prisma", tmpdir, provider);
    char *text = rm_arena_sprintf(&arena,
                                  "datasource db {\n  provider = \"%s\"\n  url = "
                                  "env(\"PEER_URL\")\n}\n\nmodel A {\n  id Int @id\n}\n",
                                  provider);
    assert_true(rm_test_write_file(schema, text, strlen(text)));
    write_mig(dir, "20250101000000_init",
              "CREATE TABLE \"A\" (\"id\" INTEGER NOT NULL PRIMARY "
              "KEY);\n");
    char *lock = rm_arena_sprintf(&arena, "%s/migration_lock.toml", dir);
    char *lock_text = rm_arena_sprintf(&arena, "provider = \"%s\"\n", provider);
    assert_true(rm_test_write_file(lock, lock_text, strlen(lock_text)));
    char *out = NULL;
    /* 1. Prisma deploys; relmig sees it up to date */
    if (prisma(provider, prisma_url, dir, schema, "deploy", &out) != 0)
        fail_msg("prisma deploy: %s", out);
    const char *st[] = {"status", "--url", relmig_url, "--dir", dir, NULL};
    if (relmig(st, &out) != 0)
        fail_msg("relmig status after prisma deploy: %s", out);
    assert_non_null(strstr(out, "applied  20250101000000_init"));
    /* 2. relmig applies the next one; Prisma's status agrees */
    write_mig(dir, "20250102000000_b",
              "CREATE TABLE \"B\" (\"id\" INTEGER NOT NULL PRIMARY "
              "KEY);\n");
    const char *ap[] = {"apply", "--url", relmig_url, "--dir", dir, NULL};
    if (relmig(ap, &out) != 0)
        fail_msg("relmig apply: %s", out);
    assert_non_null(strstr(out, "applied 20250102000000_b"));
    if (prisma(provider, prisma_url, dir, schema, "status", &out) != 0 ||
        !strstr(out, "Database schema is up to date!"))
        fail_msg("prisma status after relmig apply: %s", out);
    /* 3. and Prisma deploys on top of relmig's rows */
    write_mig(dir, "20250103000000_c",
              "CREATE TABLE \"C\" (\"id\" INTEGER NOT NULL PRIMARY "
              "KEY);\n");
    if (prisma(provider, prisma_url, dir, schema, "deploy", &out) != 0 ||
        !strstr(out, "20250103000000_c"))
        fail_msg("prisma deploy after relmig: %s", out);
    if (relmig(st, &out) != 0)
        fail_msg("relmig status at the end: %s", out);
    assert_non_null(strstr(out, "3 applied, 0 pending"));
}

static void sqlite_round_trip(void **state)
{
    (void)state;
    char *db = rm_arena_sprintf(&arena, "%s/p.db", tmpdir);
    round_trip("sqlite", rm_arena_sprintf(&arena, "file:%s", db),
               rm_arena_sprintf(&arena, "sqlite:%s", db));
}

static void postgres_round_trip(void **state)
{
    (void)state;
    if (!pg_url)
        skip();
    rm_dburl u;
    rm_dberr err;
    assert_int_equal(rm_dburl_parse(&u, pg_url, &arena, &err), RM_OK);
    const char *name = rm_arena_sprintf(&arena, "relmig_oracle_%ld", (long)getpid());
    rm_conn *c = NULL;
    assert_int_equal(rm_db_connect(&c, pg_url, NULL, &err), RM_OK);
    assert_int_equal(rm_db_exec(c, rm_arena_sprintf(&arena, "CREATE DATABASE %s", name), &err),
                     RM_OK);
    u.database = name;
    const char *url = rm_dburl_format(&u, false, &arena);
    round_trip("postgresql", url, url);
    assert_int_equal(rm_db_exec(c, rm_arena_sprintf(&arena, "DROP DATABASE %s", name), &err),
                     RM_OK);
    rm_db_close(c);
}

int main(void)
{
    rm_arena_init(&arena, 0);
    const char *home = getenv("RELMIG_ORACLE_HOME");
    const char *h = getenv("HOME");
    char *bin =
        home ? rm_arena_sprintf(&arena, "%s/bin/prisma6", home)
             : rm_arena_sprintf(&arena, "%s/.cache/relmig-oracle/bin/prisma6", h ? h : "/root");
    if (access(bin, X_OK) != 0) {
        printf("skipped: the Prisma oracle is not installed (%s; bash ../shared/oracle/setup.sh)\n",
               bin);
        rm_arena_free(&arena);
        return 77;
    }
    prisma6 = bin;
    pg_url = getenv("RELMIG_TEST_PG_URL");
    if (pg_url && !pg_url[0])
        pg_url = NULL;
    tmpdir = rm_test_mkdtemp();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sqlite_round_trip),
        cmocka_unit_test(postgres_round_trip),
    };
    int rc = cmocka_run_group_tests_name("apply_prisma_oracle", tests, NULL, NULL);
    rm_test_rmtree(tmpdir);
    free(tmpdir);
    rm_db_shutdown();
    rm_arena_free(&arena);
    return rc;
}
