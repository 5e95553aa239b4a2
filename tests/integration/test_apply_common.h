/*
 * The apply/status/resolve integration tests, shared by test_apply_sqlite.c,
 * test_apply_postgres.c and test_apply_mysql.c: each defines one APPLY_DB_* flag and includes
 * this file, so ctest shows one result per database while the cases stay in one table. Every
 * case drives the real relmig binary (RELMIG_BINARY_PATH) against a fresh database (a new
 * PostgreSQL/MariaDB database, or a new SQLite file) and checks `_prisma_migrations` with its
 * own queries. Expected checksums come from coreutils sha256sum, not from relmig.
 *
 * Servers come from RELMIG_TEST_PG_URL / RELMIG_TEST_MYSQL_URL (scripts/testdb.sh env); unset
 * means skipped (77) unless RELMIG_REQUIRE_SERVERS=1. RELMIG_KILL_TRIALS overrides the number
 * of kill -9 trials (default 20). Test code only.
 */
#ifndef RELMIG_TESTS_TEST_APPLY_COMMON_H
#define RELMIG_TESTS_TEST_APPLY_COMMON_H

#define _POSIX_C_SOURCE 200809L

#include "db/db.h"
#include "db_sql.h"
#include "testutil.h"
#include "util/sb.h"

#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#if defined(APPLY_DB_POSTGRES)
#define APPLY_KIND RM_DB_POSTGRES
#define APPLY_ENV "RELMIG_TEST_PG_URL"
#elif defined(APPLY_DB_MYSQL)
#define APPLY_KIND RM_DB_MYSQL
#define APPLY_ENV "RELMIG_TEST_MYSQL_URL"
#elif defined(APPLY_DB_SQLITE)
#define APPLY_KIND RM_DB_SQLITE
#define APPLY_ENV ""
#else
#error "define APPLY_DB_POSTGRES, APPLY_DB_MYSQL or APPLY_DB_SQLITE before including"
#endif

typedef struct apply_env {
    rm_arena arena;
    rm_dburl base;    /* server URL (not SQLite) */
    char *tmpdir;     /* folders and SQLite files */
    int seq;          /* fresh database counter */
    const char **dbs; /* created databases, dropped at the end */
    size_t ndbs, capdbs;
} apply_env;

static apply_env ae;

/* ---------------------------------------------------------------------------------------- */
/* Helpers                                                                                   */

static char *fresh_db(void)
{
    ae.seq++;
    if (APPLY_KIND == RM_DB_SQLITE)
        return rm_arena_sprintf(&ae.arena, "sqlite:%s/db%d.sqlite", ae.tmpdir, ae.seq);
    const char *name = rm_arena_sprintf(&ae.arena, "relmig_apply_%ld_%d", (long)getpid(), ae.seq);
    rm_conn *c = NULL;
    rm_dberr err;
    rm_dburl u = ae.base;
    if (rm_db_connect_url(&c, &u, NULL, &err) != RM_OK)
        fail_msg("connect: %s", err.message);
    if (rm_db_exec(c, rm_arena_sprintf(&ae.arena, "CREATE DATABASE %s", name), &err) != RM_OK)
        fail_msg("create database: %s", err.message);
    rm_db_close(c);
    RM_VEC_PUSH(&ae.arena, ae.dbs, ae.ndbs, ae.capdbs, name);
    u.database = name;
    return rm_dburl_format(&u, false, &ae.arena);
}

/* Drop the most recently created server database (kill trials make many; the shared test
 * server has little shared memory). */
static void drop_last_db(void)
{
    if (APPLY_KIND == RM_DB_SQLITE || ae.ndbs == 0)
        return;
    rm_conn *c = NULL;
    rm_dberr err;
    if (rm_db_connect_url(&c, &ae.base, NULL, &err) != RM_OK)
        fail_msg("connect: %s", err.message);
    const char *name = ae.dbs[--ae.ndbs];
    if (rm_db_exec(c, rm_arena_sprintf(&ae.arena, "DROP DATABASE IF EXISTS %s", name), &err) !=
        RM_OK)
        fail_msg("drop database %s: %s", name, err.message);
    rm_db_close(c);
}

static char *fresh_dir(void)
{
    char *p = rm_arena_sprintf(&ae.arena, "%s/m%d", ae.tmpdir, ++ae.seq);
    assert_int_equal(mkdir(p, 0777), 0);
    return p;
}

static void write_mig(const char *dir, const char *name, const char *sql)
{
    char *d = rm_arena_sprintf(&ae.arena, "%s/%s", dir, name);
    mkdir(d, 0777);
    char *f = rm_arena_sprintf(&ae.arena, "%s/migration.sql", d);
    assert_true(rm_test_write_file(f, sql, strlen(sql)));
}

static rm_conn *conn(const char *url)
{
    rm_conn *c = NULL;
    rm_dberr err;
    if (rm_db_connect(&c, url, NULL, &err) != RM_OK)
        fail_msg("connect: %s", err.message);
    return c;
}

/* First cell of the first row as a string in ae.arena; NULL when no row or SQL NULL. */
static const char *scalar(const char *url, const char *sql)
{
    rm_conn *c = conn(url);
    rm_dberr err;
    rm_rows *r = NULL;
    if (rm_db_query(c, sql, NULL, 0, &ae.arena, &r, &err) != RM_OK)
        fail_msg("query %s: %s", sql, err.message);
    const char *v = r->nrows ? rm_rows_get(r, 0, 0) : NULL;
    rm_db_close(c);
    return v;
}

static long scalar_long(const char *url, const char *sql)
{
    const char *v = scalar(url, sql);
    return v ? strtol(v, NULL, 10) : -1;
}

static bool table_exists(const char *url, const char *table)
{
    return scalar_long(url, rm_test_count_tables_sql(&ae.arena, APPLY_KIND, table)) == 1;
}

/* Run relmig with args (NULL-terminated); returns the exit status, output in *p. */
static int relmig(rm_test_proc *p, const char *const *args)
{
    assert_int_equal(rm_test_relmig(p, args, NULL), 0);
    return p->status;
}

static int relmig_quiet(const char *const *args)
{
    rm_test_proc p;
    int st = relmig(&p, args);
    if (st != 0)
        printf("  relmig %s -> %d\n  stdout: %s\n  stderr: %s\n", args[0], st, p.out, p.err);
    rm_test_proc_free(&p);
    return st;
}

static void hash_dir(const char *dir)
{
    const char *args[] = {"migrate", "hash", "--dir", dir, NULL};
    assert_int_equal(relmig_quiet(args), 0);
}

static char *sha256sum_file(const char *path)
{
    char *cmd = rm_arena_sprintf(&ae.arena, "sha256sum '%s'", path);
    FILE *p = popen(cmd, "r");
    char buf[128] = "";
    bool ok = p && fgets(buf, sizeof buf, p) && strlen(buf) > 64;
    if (p)
        pclose(p);
    if (!ok)
        return NULL;
    return rm_arena_strndup(&ae.arena, buf, 64);
}

/* A table-creating migration, valid SQL on all three databases. */
static const char *create_sql(int k)
{
    return rm_arena_sprintf(&ae.arena,
                            "CREATE TABLE t%d (id INTEGER PRIMARY KEY, name VARCHAR(50));\n", k);
}

static const char *mig_name(int k)
{
    return rm_arena_sprintf(&ae.arena, "2025010100%04d_t%d", k, k);
}

/* A folder with migrations 1..n, each creating table t<k>, hashed. */
static char *folder_with(int n)
{
    char *dir = fresh_dir();
    for (int k = 1; k <= n; k++)
        write_mig(dir, mig_name(k), create_sql(k));
    hash_dir(dir);
    return dir;
}

static long count_rows(const char *url, const char *where)
{
    return scalar_long(url,
                       rm_arena_sprintf(&ae.arena, "SELECT count(*) FROM _prisma_migrations%s%s",
                                        where ? " WHERE " : "", where ? where : ""));
}

/* ---------------------------------------------------------------------------------------- */
/* Cases                                                                                     */

static void apply_fresh_then_status(void **state)
{
    (void)state;
    char *dir = folder_with(3);
    char *url = fresh_db();
    rm_test_proc p;
    const char *st1[] = {"status", "--url", url, "--dir", dir, NULL};
    assert_int_equal(relmig(&p, st1), 2);
    assert_non_null(strstr(p.out, "pending  20250101000001_t1"));
    rm_test_proc_free(&p);

    const char *ap[] = {"apply", "--url", url, "--dir", dir, NULL};
    assert_int_equal(relmig(&p, ap), 0);
    /* one progress line per migration, with its time */
    for (int k = 1; k <= 3; k++) {
        char *line = rm_arena_sprintf(&ae.arena, "applied %s (", mig_name(k));
        assert_non_null(strstr(p.out, line));
    }
    assert_non_null(strstr(p.out, " ms)\n"));
    rm_test_proc_free(&p);
    for (int k = 1; k <= 3; k++)
        assert_true(table_exists(url, rm_arena_sprintf(&ae.arena, "t%d", k)));
    /* Prisma's row lifecycle and checksum (sha256sum of the file) */
    assert_int_equal(count_rows(url, NULL), 3);
    assert_int_equal(count_rows(url, "finished_at IS NOT NULL AND applied_steps_count = 1 AND "
                                     "rolled_back_at IS NULL AND logs IS NULL"),
                     3);
    char *file = rm_arena_sprintf(&ae.arena, "%s/%s/migration.sql", dir, mig_name(2));
    char *want = sha256sum_file(file);
    assert_non_null(want);
    const char *got = scalar(url, rm_arena_sprintf(&ae.arena,
                                                   "SELECT checksum FROM _prisma_migrations "
                                                   "WHERE migration_name = '%s'",
                                                   mig_name(2)));
    assert_string_equal(got, want);
    assert_int_equal(strlen(scalar(url, "SELECT id FROM _prisma_migrations")), 36);

    assert_int_equal(relmig(&p, st1), 0);
    assert_non_null(strstr(p.out, "up to date"));
    rm_test_proc_free(&p);
    const char *stj[] = {"status", "--url", url, "--dir", dir, "--json", NULL};
    assert_int_equal(relmig(&p, stj), 0);
    assert_non_null(strstr(p.out, "\"upToDate\":true"));
    assert_non_null(strstr(p.out, "\"applied\":3"));
    rm_test_proc_free(&p);

    /* rerun: nothing to do */
    assert_int_equal(relmig(&p, ap), 0);
    assert_non_null(strstr(p.out, "up to date"));
    rm_test_proc_free(&p);
    assert_int_equal(count_rows(url, NULL), 3);

    /* a new migration: status 2 pending, apply runs only it */
    write_mig(dir, mig_name(4), create_sql(4));
    hash_dir(dir);
    assert_int_equal(relmig(&p, st1), 2);
    assert_non_null(strstr(p.out, "pending  20250101000004_t4"));
    rm_test_proc_free(&p);
    assert_int_equal(relmig(&p, ap), 0);
    assert_null(strstr(p.out, "applied 20250101000001_t1"));
    assert_non_null(strstr(p.out, "applied 20250101000004_t4"));
    rm_test_proc_free(&p);
    assert_int_equal(count_rows(url, NULL), 4);
}

static void apply_dry_run_changes_nothing(void **state)
{
    (void)state;
    char *dir = folder_with(2);
    char *url = fresh_db();
    rm_test_proc p;
    const char *ap[] = {"apply", "--url", url, "--dir", dir, "--dry-run", NULL};
    assert_int_equal(relmig(&p, ap), 0);
    assert_non_null(strstr(p.out, "would apply 20250101000001_t1"));
    assert_non_null(strstr(p.out, "2 migrations would be applied"));
    rm_test_proc_free(&p);
    assert_false(table_exists(url, "t1"));
    assert_false(table_exists(url, "_prisma_migrations"));
}

static void tamper_detected(void **state)
{
    (void)state;
    char *dir = folder_with(2);
    char *url = fresh_db();
    const char *ap[] = {"apply", "--url", url, "--dir", dir, NULL};
    assert_int_equal(relmig_quiet(ap), 0);
    /* edit an applied migration: relmig.sum catches it before the database is touched */
    char *f = rm_arena_sprintf(&ae.arena, "%s/%s/migration.sql", dir, mig_name(1));
    const char *edited = "CREATE TABLE t1 (id INTEGER PRIMARY KEY, name VARCHAR(60));\n";
    assert_true(rm_test_write_file(f, edited, strlen(edited)));
    rm_test_proc p;
    assert_int_equal(relmig(&p, ap), 1);
    assert_non_null(strstr(p.err, "E0904"));
    assert_non_null(strstr(p.err, "was edited after relmig.sum was written"));
    rm_test_proc_free(&p);
    /* re-hashing hides it from relmig.sum, not from the database's checksum */
    hash_dir(dir);
    assert_int_equal(relmig(&p, ap), 1);
    assert_non_null(strstr(p.err, "E0911"));
    assert_non_null(strstr(p.err, "was edited after it was applied"));
    rm_test_proc_free(&p);
    const char *st[] = {"status", "--url", url, "--dir", dir, NULL};
    assert_int_equal(relmig(&p, st), 2);
    assert_non_null(strstr(p.out, "edited   20250101000001_t1"));
    rm_test_proc_free(&p);
    /* editing relmig.sum itself */
    char *sum = rm_arena_sprintf(&ae.arena, "%s/relmig.sum", dir);
    char *txt = rm_test_read_file(sum, NULL);
    char *t = strstr(txt, "total ");
    t[6] = t[6] == 'a' ? 'b' : 'a';
    assert_true(rm_test_write_file(sum, txt, strlen(txt)));
    free(txt);
    assert_int_equal(relmig(&p, ap), 1);
    assert_non_null(strstr(p.err, "E0907"));
    rm_test_proc_free(&p);
}

static void failure_blocks_until_resolve(void **state)
{
    (void)state;
    char *dir = folder_with(1);
    /* migration 2: its first statement works, its second fails */
    const char *bad = "CREATE TABLE t2 (id INTEGER PRIMARY KEY);\n"
                      "CREATE TABLE t1 (id INTEGER PRIMARY KEY);\n";
    write_mig(dir, mig_name(2), bad);
    write_mig(dir, mig_name(3), create_sql(3));
    hash_dir(dir);
    char *url = fresh_db();
    const char *ap[] = {"apply", "--url", url, "--dir", dir, NULL};
    rm_test_proc p;
    assert_int_equal(relmig(&p, ap), 1);
    assert_non_null(strstr(p.err, "E0913"));
    assert_non_null(strstr(p.out, "applied 20250101000001_t1"));
    assert_null(strstr(p.out, "20250101000003_t3"));
    rm_test_proc_free(&p);
    assert_true(table_exists(url, "t1"));
    assert_false(table_exists(url, "t3"));
    const char *where = rm_arena_sprintf(&ae.arena,
                                         "migration_name = '%s' AND finished_at IS NULL AND "
                                         "applied_steps_count = 0 AND logs IS NOT NULL",
                                         mig_name(2));
    assert_int_equal(count_rows(url, where), 1);
    if (APPLY_KIND == RM_DB_MYSQL) {
        /* no transactional DDL: the first statement stayed; logs name the failing one */
        assert_true(table_exists(url, "t2"));
        const char *logs = scalar(url, "SELECT logs FROM _prisma_migrations WHERE "
                                       "finished_at IS NULL");
        assert_non_null(strstr(logs, "statement 2 failed"));
        assert_non_null(strstr(logs, "CREATE TABLE t1"));
    } else {
        assert_false(table_exists(url, "t2")); /* rolled back */
    }
    if (APPLY_KIND == RM_DB_POSTGRES) {
        /* the statements ran in one batch; the failure still names its statement */
        const char *logs = scalar(url, "SELECT logs FROM _prisma_migrations WHERE "
                                       "finished_at IS NULL");
        assert_non_null(strstr(logs, "statement 2 failed"));
        assert_non_null(strstr(logs, "CREATE TABLE t1"));
    }
    /* blocked until resolved */
    assert_int_equal(relmig(&p, ap), 1);
    assert_non_null(strstr(p.err, "E0910"));
    rm_test_proc_free(&p);
    const char *st[] = {"status", "--url", url, "--dir", dir, NULL};
    assert_int_equal(relmig(&p, st), 2);
    assert_non_null(strstr(p.out, "failed   20250101000002_t2"));
    rm_test_proc_free(&p);
    /* resolve --rolled-back on a migration that is not failed is refused, as Prisma */
    const char *rb1[] = {"resolve", "--url", url, "--dir", dir, "--rolled-back", mig_name(1), NULL};
    assert_int_equal(relmig(&p, rb1), 1);
    assert_non_null(strstr(p.err, "is not in a failed state"));
    rm_test_proc_free(&p);
    if (APPLY_KIND == RM_DB_MYSQL) {
        scalar(url, "SELECT 1");
        rm_conn *c = conn(url);
        rm_dberr err;
        assert_int_equal(rm_db_exec(c, "DROP TABLE t2", &err), RM_OK);
        rm_db_close(c);
    }
    const char *rb[] = {"resolve", "--url", url, "--dir", dir, "--rolled-back", mig_name(2), NULL};
    assert_int_equal(relmig_quiet(rb), 0);
    assert_int_equal(count_rows(url, "rolled_back_at IS NOT NULL"), 1);
    /* fix the script and apply again */
    write_mig(dir, mig_name(2), "CREATE TABLE t2 (id INTEGER PRIMARY KEY);\n");
    hash_dir(dir);
    assert_int_equal(relmig(&p, ap), 0);
    assert_non_null(strstr(p.out, "applied 20250101000002_t2"));
    assert_non_null(strstr(p.out, "applied 20250101000003_t3"));
    rm_test_proc_free(&p);
    assert_int_equal(relmig(&p, st), 0);
    rm_test_proc_free(&p);
    /* resolve --applied on an applied migration is refused */
    const char *ra[] = {"resolve", "--url", url, "--dir", dir, "--applied", mig_name(3), NULL};
    assert_int_equal(relmig(&p, ra), 1);
    assert_non_null(strstr(p.err, "E0915"));
    rm_test_proc_free(&p);
}

static void baseline_with_resolve_applied(void **state)
{
    (void)state;
    char *dir = folder_with(2);
    char *url = fresh_db();
    /* the database already has t1 (created by hand): apply refuses, as Prisma P3005 */
    rm_conn *c = conn(url);
    rm_dberr err;
    assert_int_equal(rm_db_exec(c, create_sql(1), &err), RM_OK);
    rm_db_close(c);
    const char *ap[] = {"apply", "--url", url, "--dir", dir, NULL};
    rm_test_proc p;
    assert_int_equal(relmig(&p, ap), 1);
    assert_non_null(strstr(p.err, "E0914"));
    rm_test_proc_free(&p);
    const char *ra[] = {"resolve", "--url", url, "--dir", dir, "--applied", mig_name(1), NULL};
    assert_int_equal(relmig_quiet(ra), 0);
    assert_int_equal(count_rows(url, "finished_at IS NOT NULL AND applied_steps_count = 0"), 1);
    assert_int_equal(relmig(&p, ap), 0);
    assert_non_null(strstr(p.out, "applied 20250101000002_t2"));
    assert_null(strstr(p.out, "applied 20250101000001_t1"));
    rm_test_proc_free(&p);
}

static void missing_from_folder_reported(void **state)
{
    (void)state;
    char *dir = folder_with(2);
    char *url = fresh_db();
    const char *ap[] = {"apply", "--url", url, "--dir", dir, NULL};
    assert_int_equal(relmig_quiet(ap), 0);
    char *older = folder_with(1);
    const char *st[] = {"status", "--url", url, "--dir", older, "--json", NULL};
    rm_test_proc p;
    assert_int_equal(relmig(&p, st), 2);
    assert_non_null(strstr(p.out, "\"state\":\"missing\""));
    assert_non_null(strstr(p.out, "20250101000002_t2"));
    rm_test_proc_free(&p);
}

/* Hold the migration lock from the test (as another apply would) and run apply. */
static void lock_held_message(void **state)
{
    (void)state;
    char *dir = folder_with(1);
    char *url = fresh_db();
    rm_conn *c = conn(url);
    rm_dberr err;
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_rows *r = NULL;
    if (APPLY_KIND == RM_DB_POSTGRES)
        assert_int_equal(rm_db_query(c, "SELECT pg_advisory_lock(72707369)", NULL, 0, &a, &r, &err),
                         RM_OK);
    else if (APPLY_KIND == RM_DB_MYSQL)
        assert_int_equal(
            rm_db_query(c, "SELECT GET_LOCK('prisma_migrate', 1)", NULL, 0, &a, &r, &err), RM_OK);
    else
        assert_int_equal(rm_db_exec(c, "BEGIN EXCLUSIVE", &err), RM_OK);
    const char *ap[] = {"apply", "--url", url, "--dir", dir, "--lock-timeout", "1", NULL};
    rm_test_proc p;
    assert_int_equal(relmig(&p, ap), 1);
    assert_non_null(strstr(p.err, "another apply holds the lock"));
    assert_non_null(strstr(p.err, "E0909"));
    rm_test_proc_free(&p);
    rm_db_close(c); /* releases the lock */
    rm_arena_free(&a);
    assert_int_equal(relmig_quiet(ap), 0);
    assert_true(table_exists(url, "t1"));
}

/* Start argv as a child with stdout/stderr to files; returns the pid. */
static pid_t spawn(const char *const *args, const char *outpath, const char *errpath)
{
    size_t n = 0;
    while (args[n])
        n++;
    char **argv = calloc(n + 2, sizeof *argv);
    argv[0] = (char *)RELMIG_BINARY_PATH;
    for (size_t i = 0; i < n; i++)
        argv[i + 1] = (char *)args[i];
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        int o = open(outpath, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int e = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(o, 1);
        dup2(e, 2);
        execv(argv[0], argv);
        _exit(127);
    }
    free(argv);
    return pid;
}

static int wait_status(pid_t pid)
{
    int st = 0;
    while (waitpid(pid, &st, 0) < 0) {
    }
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static void concurrent_applies(void **state)
{
    (void)state;
    enum { NPROC = 8, NMIG = 12 };
    char *dir = folder_with(NMIG);
    char *url = fresh_db();
    pid_t pids[NPROC];
    const char *ap[] = {"apply", "--url", url, "--dir", dir, "--lock-timeout", "60", NULL};
    for (int i = 0; i < NPROC; i++)
        pids[i] = spawn(ap, rm_arena_sprintf(&ae.arena, "%s/c%d.out", ae.tmpdir, i),
                        rm_arena_sprintf(&ae.arena, "%s/c%d.err", ae.tmpdir, i));
    int applied_lines = 0;
    for (int i = 0; i < NPROC; i++) {
        int st = wait_status(pids[i]);
        char *out =
            rm_test_read_file(rm_arena_sprintf(&ae.arena, "%s/c%d.out", ae.tmpdir, i), NULL);
        char *err =
            rm_test_read_file(rm_arena_sprintf(&ae.arena, "%s/c%d.err", ae.tmpdir, i), NULL);
        if (!(st == 0 || (st == 1 && strstr(err, "another apply holds the lock"))))
            fail_msg("process %d exited %d\nstdout: %s\nstderr: %s", i, st, out, err);
        for (char *s = out; (s = strstr(s, "applied 2025")) != NULL; s++)
            applied_lines++;
        free(out);
        free(err);
    }
    /* every migration exactly once, by exactly one process */
    assert_int_equal(applied_lines, NMIG);
    assert_int_equal(count_rows(url, NULL), NMIG);
    assert_int_equal(count_rows(url, "finished_at IS NOT NULL"), NMIG);
    assert_int_equal(scalar_long(url, "SELECT count(DISTINCT migration_name) FROM "
                                      "_prisma_migrations"),
                     NMIG);
    for (int k = 1; k <= NMIG; k++)
        assert_true(table_exists(url, rm_arena_sprintf(&ae.arena, "t%d", k)));
}

/* A migration that takes a little while, so kill -9 can land inside it. MySQL: one statement
 * (each migration is then all-or-nothing, and the test can tell which). */
static const char *slow_sql(int k)
{
    if (APPLY_KIND == RM_DB_POSTGRES)
        return rm_arena_sprintf(&ae.arena,
                                "CREATE TABLE t%d (id INTEGER PRIMARY KEY, name VARCHAR(50));\n"
                                "INSERT INTO t%d SELECT g, 'n' FROM generate_series(1, 3000) g;\n",
                                k, k);
    if (APPLY_KIND == RM_DB_SQLITE)
        return rm_arena_sprintf(&ae.arena,
                                "CREATE TABLE t%d (id INTEGER PRIMARY KEY, name VARCHAR(50));\n"
                                "INSERT INTO t%d WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL "
                                "SELECT x + 1 FROM c WHERE x < 20000) SELECT x, 'n' FROM c;\n",
                                k, k);
    return create_sql(k);
}

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* History consistent with the tables: every recorded-finished migration's table exists,
 * every existing table's migration is recorded finished, nothing is recorded twice; an
 * unfinished row is allowed only on MySQL (returned in *unfinished). */
static void check_consistent(const char *url, int nmig, const char **unfinished)
{
    *unfinished = NULL;
    if (!table_exists(url, "_prisma_migrations")) {
        for (int k = 1; k <= nmig; k++)
            assert_false(table_exists(url, rm_arena_sprintf(&ae.arena, "t%d", k)));
        return;
    }
    assert_int_equal(scalar_long(url, "SELECT count(*) - count(DISTINCT migration_name) FROM "
                                      "_prisma_migrations WHERE rolled_back_at IS NULL"),
                     0);
    long nunfinished = count_rows(url, "finished_at IS NULL AND rolled_back_at IS NULL");
    if (APPLY_KIND != RM_DB_MYSQL)
        assert_int_equal(nunfinished, 0);
    else
        assert_true(nunfinished <= 1);
    for (int k = 1; k <= nmig; k++) {
        const char *where = rm_arena_sprintf(
            &ae.arena, "migration_name = '%s' AND rolled_back_at IS NULL", mig_name(k));
        long done =
            count_rows(url, rm_arena_sprintf(&ae.arena, "%s AND finished_at IS NOT NULL", where));
        long open =
            count_rows(url, rm_arena_sprintf(&ae.arena, "%s AND finished_at IS NULL", where));
        bool exists = table_exists(url, rm_arena_sprintf(&ae.arena, "t%d", k));
        if (open) {
            *unfinished = mig_name(k);
            continue; /* MySQL: the one interrupted; its table may or may not exist */
        }
        if (done != (exists ? 1 : 0))
            fail_msg("%s: recorded finished %ld, table exists %d", mig_name(k), done, exists);
    }
}

static void kill9_trials(void **state)
{
    (void)state;
    enum { NMIG = 15 };
    int trials = 20;
    if (getenv("RELMIG_KILL_TRIALS"))
        trials = atoi(getenv("RELMIG_KILL_TRIALS"));
    char *dir = fresh_dir();
    for (int k = 1; k <= NMIG; k++)
        write_mig(dir, mig_name(k), slow_sql(k));
    hash_dir(dir);
    const char *out = rm_arena_sprintf(&ae.arena, "%s/k.out", ae.tmpdir);
    const char *err = rm_arena_sprintf(&ae.arena, "%s/k.err", ae.tmpdir);
    /* How long a whole apply takes here: kills land uniformly in [0, 1.2 * that]. */
    char *url0 = fresh_db();
    const char *ap0[] = {"apply", "--url", url0, "--dir", dir, NULL};
    int64_t t0 = now_ms();
    assert_int_equal(wait_status(spawn(ap0, out, err)), 0);
    int64_t full = now_ms() - t0;
    srand((unsigned)getpid());
    int killed_mid = 0, interrupted_rows = 0;
    for (int t = 0; t < trials; t++) {
        char *url = fresh_db();
        const char *ap[] = {"apply", "--url", url, "--dir", dir, NULL};
        int delay = (int)(rand() % (full * 12 / 10 + 1));
        pid_t pid = spawn(ap, out, err);
        struct timespec ts = {delay / 1000, (long)(delay % 1000) * 1000000L};
        nanosleep(&ts, NULL);
        kill(pid, SIGKILL);
        int st = wait_status(pid);
        if (st == 128 + SIGKILL)
            killed_mid++;
        const char *unfinished = NULL;
        check_consistent(url, NMIG, &unfinished);
        if (unfinished) {
            /* MySQL: the interrupted migration blocks, is resolved as the operator would
             * (by looking at whether its single statement took effect), then apply goes on */
            interrupted_rows++;
            rm_test_proc p;
            const char *ap2[] = {"apply", "--url", url, "--dir", dir, NULL};
            assert_int_equal(relmig(&p, ap2), 1);
            assert_non_null(strstr(p.err, "E0910"));
            rm_test_proc_free(&p);
            int k = atoi(unfinished + 10);
            bool exists = table_exists(url, rm_arena_sprintf(&ae.arena, "t%d", k));
            const char *ra[] = {"resolve",  "--url", url,
                                "--dir",    dir,     exists ? "--applied" : "--rolled-back",
                                unfinished, NULL};
            assert_int_equal(relmig_quiet(ra), 0);
        }
        const char *ap2[] = {"apply", "--url", url, "--dir", dir, NULL};
        assert_int_equal(relmig_quiet(ap2), 0);
        check_consistent(url, NMIG, &unfinished);
        assert_null(unfinished);
        for (int k = 1; k <= NMIG; k++)
            assert_true(table_exists(url, rm_arena_sprintf(&ae.arena, "t%d", k)));
        drop_last_db();
    }
    printf("  kill -9: %d trials, %d killed while running (full apply %lld ms), %d left an "
           "interrupted row\n",
           trials, killed_mid, (long long)full, interrupted_rows);
    assert_true(killed_mid > 0);
}

/* ---------------------------------------------------------------------------------------- */

/* Procedural bodies whose statements contain ';', as each database's own client accepts them:
 * PostgreSQL dollar-quoted function bodies, MySQL's DELIMITER command around a trigger and a
 * procedure, a SQLite trigger's BEGIN ... END. The migration also fires them, so a body cut
 * at an inner ';' cannot pass: audit must receive exactly two rows. */
static const char *bodies_sql(void)
{
    if (APPLY_KIND == RM_DB_POSTGRES)
        return "CREATE TABLE audit (id SERIAL PRIMARY KEY, note TEXT);\n"
               "CREATE TABLE item (id SERIAL PRIMARY KEY, name TEXT);\n"
               "CREATE FUNCTION item_audit() RETURNS trigger AS $$\n"
               "BEGIN\n"
               "  INSERT INTO audit (note) VALUES ('added; ' || NEW.name);\n"
               "  RETURN NEW;\n"
               "END;\n"
               "$$ LANGUAGE plpgsql;\n"
               "CREATE TRIGGER item_audit AFTER INSERT ON item\n"
               "  FOR EACH ROW EXECUTE FUNCTION item_audit();\n"
               "CREATE FUNCTION add_item(n text) RETURNS void AS $body$\n"
               "BEGIN\n"
               "  INSERT INTO item (name) VALUES (n);\n"
               "  INSERT INTO item (name) VALUES (n || ';2');\n"
               "END;\n"
               "$body$ LANGUAGE plpgsql;\n"
               "DO $$ BEGIN PERFORM add_item('x'); END $$;\n";
    if (APPLY_KIND == RM_DB_MYSQL)
        return "CREATE TABLE audit (id INT AUTO_INCREMENT PRIMARY KEY, note VARCHAR(100));\n"
               "CREATE TABLE item (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(50));\n"
               "DELIMITER //\n"
               "CREATE TRIGGER item_audit AFTER INSERT ON item FOR EACH ROW\n"
               "BEGIN\n"
               "  INSERT INTO audit (note) VALUES (CONCAT('added; ', NEW.name));\n"
               "END //\n"
               "CREATE PROCEDURE add_item(IN n VARCHAR(50))\n"
               "BEGIN\n"
               "  INSERT INTO item (name) VALUES (n);\n"
               "  INSERT INTO item (name) VALUES (CONCAT(n, ';2'));\n"
               "END //\n"
               "DELIMITER ;\n"
               "CALL add_item('x');\n";
    return "CREATE TABLE audit (id INTEGER PRIMARY KEY, note TEXT);\n"
           "CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT);\n"
           "CREATE TRIGGER item_audit AFTER INSERT ON item BEGIN\n"
           "  INSERT INTO audit (note) VALUES ('added; ' || NEW.name);\n"
           "  INSERT INTO audit (note) VALUES (CASE WHEN NEW.name = 'x' THEN 'x;' ELSE 'y' END);\n"
           "END;\n"
           "INSERT INTO item (name) VALUES ('x');\n";
}

static void apply_procedural_bodies(void **state)
{
    (void)state;
    char *dir = fresh_dir();
    write_mig(dir, mig_name(1), bodies_sql());
    hash_dir(dir);
    char *url = fresh_db();
    rm_test_proc p;
    const char *ap[] = {"apply", "--url", url, "--dir", dir, NULL};
    int st = relmig(&p, ap);
    if (st != 0)
        printf("  stdout: %s\n  stderr: %s\n", p.out, p.err);
    assert_int_equal(st, 0);
    rm_test_proc_free(&p);
    assert_int_equal(scalar_long(url, "SELECT count(*) FROM audit"), 2);
    assert_int_equal(scalar_long(url, "SELECT count(*) FROM audit WHERE note = 'added; x'"), 1);
    assert_int_equal(count_rows(url, "finished_at IS NOT NULL AND applied_steps_count = 1"), 1);
}

#if defined(APPLY_DB_POSTGRES)
/* A migration creating more tables than the server's whole lock table can hold in one
 * transaction (max_locks_per_transaction * (max_connections + max_prepared_transactions)
 * slots, for every session together). The premise is measured, not assumed: ten of the tables
 * are created in a transaction that is rolled back, and the locks it held times the number of
 * tables must exceed the server's capacity. Then: apply succeeds in several transactions with
 * the E0919 warning and every table exists; with --atomic it is refused (E0919 error) and
 * leaves nothing behind. */
#define BIG_TABLE_SQL                                                                              \
    "CREATE TABLE big%d (id SERIAL PRIMARY KEY, note TEXT, ref INTEGER REFERENCES big0(id));\n"
static void apply_too_large_for_one_transaction(void **state)
{
    (void)state;
    char *probe = fresh_db();
    long capacity =
        scalar_long(probe, "SELECT current_setting('max_locks_per_transaction')::bigint * "
                           "(current_setting('max_connections')::bigint + "
                           "current_setting('max_prepared_transactions')::bigint)");
    assert_true(capacity > 0);
    rm_sb sb = RM_SB_INIT;
    rm_sb_puts(&sb, "BEGIN;\nCREATE TABLE big0 (id SERIAL PRIMARY KEY, note TEXT);\n");
    for (int k = 1; k <= 10; k++)
        rm_sb_appendf(&sb, BIG_TABLE_SQL, k);
    rm_conn *c = conn(probe);
    rm_dberr err;
    rm_rows *r = NULL;
    assert_int_equal(rm_db_exec(c, rm_sb_str(&sb), &err), RM_OK);
    assert_int_equal(rm_db_query(c, "SELECT count(*) FROM pg_locks WHERE pid = pg_backend_pid()",
                                 NULL, 0, &ae.arena, &r, &err),
                     RM_OK);
    long per_table = strtol(rm_rows_get(r, 0, 0), NULL, 10) / 11;
    assert_int_equal(rm_db_exec(c, "ROLLBACK", &err), RM_OK);
    rm_db_close(c);
    drop_last_db();
    assert_true(per_table >= 2);
    int ntables = (int)(capacity / per_table) + 100;
    printf("  lock table %ld slots, ~%ld locks per table: %d tables\n", capacity, per_table,
           ntables);
    assert_true(ntables * per_table > capacity);

    rm_sb_reset(&sb);
    rm_sb_puts(&sb, "CREATE TABLE big0 (id SERIAL PRIMARY KEY, note TEXT);\n");
    for (int k = 1; k < ntables; k++)
        rm_sb_appendf(&sb, BIG_TABLE_SQL, k);
    char *dir = fresh_dir();
    write_mig(dir, mig_name(1), rm_sb_str(&sb));
    hash_dir(dir);

    char *url = fresh_db();
    rm_test_proc p;
    const char *atomic[] = {"apply", "--url", url, "--dir", dir, "--atomic", NULL};
    assert_int_equal(relmig(&p, atomic), 1);
    assert_non_null(strstr(p.err, "error[E0919]"));
    assert_non_null(strstr(p.err, "rolled back"));
    rm_test_proc_free(&p);
    assert_false(table_exists(url, "big0"));
    assert_int_equal(count_rows(url, NULL), 0);

    const char *ap[] = {"apply", "--url", url, "--dir", dir, NULL};
    int st = relmig(&p, ap);
    if (st != 0)
        printf("  stdout: %s\n  stderr: %s\n", p.out, p.err);
    assert_int_equal(st, 0);
    assert_non_null(strstr(p.err, "warning[E0919]"));
    assert_non_null(strstr(p.out, "applied 20250101000001_t1"));
    rm_test_proc_free(&p);
    assert_int_equal(scalar_long(url, "SELECT count(*) FROM information_schema.tables WHERE "
                                      "table_schema = current_schema() AND table_name LIKE 'big%'"),
                     ntables);
    assert_int_equal(count_rows(url, "finished_at IS NOT NULL AND applied_steps_count = 1 AND "
                                     "logs IS NULL"),
                     1);
    const char *stc[] = {"status", "--url", url, "--dir", dir, NULL};
    assert_int_equal(relmig_quiet(stc), 0);
    drop_last_db();

    /* the same migration with a failing last statement: the transactions committed before it
     * stay, the migration is recorded as failed with the statement, and status says so */
    rm_sb_puts(&sb, "CREATE TABLE big1 (x INTEGER);\n");
    char *dir2 = fresh_dir();
    write_mig(dir2, mig_name(1), rm_sb_str(&sb));
    rm_sb_free(&sb);
    hash_dir(dir2);
    url = fresh_db();
    const char *ap2[] = {"apply", "--url", url, "--dir", dir2, NULL};
    assert_int_equal(relmig(&p, ap2), 1);
    assert_non_null(strstr(p.err, "E0913"));
    assert_non_null(strstr(p.err, "warning[E0919]"));
    assert_non_null(strstr(p.err, "were committed"));
    rm_test_proc_free(&p);
    assert_true(table_exists(url, "big0"));
    const char *where = rm_arena_sprintf(&ae.arena,
                                         "finished_at IS NULL AND logs LIKE 'relmig: statement "
                                         "%d failed%%' AND logs LIKE '%%CREATE TABLE big1 (x "
                                         "INTEGER)%%'",
                                         ntables + 1);
    assert_int_equal(count_rows(url, where), 1);
    const char *st2[] = {"status", "--url", url, "--dir", dir2, NULL};
    assert_int_equal(relmig(&p, st2), 2);
    assert_non_null(strstr(p.out, "failed   20250101000001_t1"));
    rm_test_proc_free(&p);
    drop_last_db();
}
#endif

#if defined(APPLY_DB_POSTGRES)
/* CREATE INDEX CONCURRENTLY cannot run in a transaction block: the migration holding it runs
 * statement by statement outside one (warning E0921) and is recorded as finished; --atomic
 * refuses it before anything runs; a later failing statement leaves the earlier ones applied
 * and the migration failed, with the hint saying so. The same statement hidden behind a
 * comment, and CONCURRENTLY written in lower case, are recognised too. */
static void apply_outside_transaction(void **state)
{
    (void)state;
    const char *sql = "CREATE TABLE cx (id INTEGER PRIMARY KEY, v INTEGER);\n"
                      "/* built without blocking writes */ create index concurrently cx_v_idx "
                      "ON cx (v);\n";
    char *dir = fresh_dir();
    write_mig(dir, mig_name(1), sql);
    hash_dir(dir);
    char *url = fresh_db();
    rm_test_proc p;
    const char *atomic[] = {"apply", "--url", url, "--dir", dir, "--atomic", NULL};
    assert_int_equal(relmig(&p, atomic), 1);
    if (!strstr(p.err, "error[E0921]") || !strstr(p.err, "cannot be applied atomically"))
        fail_msg("stderr: %s", p.err);
    rm_test_proc_free(&p);
    assert_false(table_exists(url, "cx"));
    assert_int_equal(count_rows(url, NULL), 0);

    const char *ap[] = {"apply", "--url", url, "--dir", dir, NULL};
    int st = relmig(&p, ap);
    if (st != 0 || !strstr(p.err, "warning[E0921]"))
        fail_msg("exit %d\nstdout: %s\nstderr: %s", st, p.out, p.err);
    rm_test_proc_free(&p);
    assert_int_equal(scalar_long(url, "SELECT count(*) FROM pg_indexes WHERE schemaname = "
                                      "current_schema() AND indexname = 'cx_v_idx'"),
                     1);
    assert_int_equal(count_rows(url, "finished_at IS NOT NULL AND applied_steps_count = 1"), 1);
    drop_last_db();

    /* a failure after the CONCURRENTLY statement: what ran before it stays */
    char *dir2 = fresh_dir();
    write_mig(dir2, mig_name(1),
              rm_arena_sprintf(&ae.arena, "%sINSERT INTO cx VALUES (1, 1), (1, 2);\n", sql));
    hash_dir(dir2);
    url = fresh_db();
    const char *ap2[] = {"apply", "--url", url, "--dir", dir2, NULL};
    assert_int_equal(relmig(&p, ap2), 1);
    if (!strstr(p.err, "E0913") || !strstr(p.err, "ran outside a transaction"))
        fail_msg("stderr: %s", p.err);
    rm_test_proc_free(&p);
    assert_true(table_exists(url, "cx"));
    assert_int_equal(count_rows(url, "finished_at IS NULL AND logs LIKE 'relmig: statement 3 "
                                     "failed%'"),
                     1);
    drop_last_db();
}
#endif

/* Shadow databases (PostgreSQL, MySQL): `diff --from-migrations` and `migrate new` replay the
 * folder into --shadow-url after emptying it, so a shadow database holding a table of the
 * same name as a migration's (which would make the replay fail) or unrelated tables is fine;
 * a shadow URL naming the command's own database, or a deployed database, is refused (E0920)
 * and that database is left intact. */
#if !defined(APPLY_DB_SQLITE) /* SQLite replays into an in-memory database: no shadow */
static void shadow_replay_and_reset(void **state)
{
    (void)state;
    const char *dialect = APPLY_KIND == RM_DB_POSTGRES ? "postgresql" : "mysql";
    char *dir = folder_with(2);
    char *main_url = fresh_db();
    char *shadow = fresh_db();
    rm_conn *c = conn(shadow);
    rm_dberr err;
    assert_int_equal(rm_db_exec(c, "CREATE TABLE t1 (other INTEGER)", &err), RM_OK);
    assert_int_equal(rm_db_exec(c, "CREATE TABLE junk (x INTEGER)", &err), RM_OK);
    rm_db_close(c);

    rm_test_proc p;
    const char *df[] = {"diff", "--from-migrations", dir,     "--to", "empty", "--shadow-url",
                        shadow, "--dialect",         dialect, NULL};
    int st = relmig(&p, df);
    if (st != 0)
        printf("  stdout: %s\n  stderr: %s\n", p.out, p.err);
    assert_int_equal(st, 0);
    assert_non_null(strstr(p.out, "t1"));
    assert_non_null(strstr(p.out, "t2"));
    assert_null(strstr(p.out, "junk"));
    rm_test_proc_free(&p);
    assert_false(table_exists(shadow, "junk"));
    assert_true(table_exists(shadow, "t2"));

    /* the folder applied to the main database is what the folder replays to */
    const char *ap[] = {"apply", "--url", main_url, "--dir", dir, NULL};
    assert_int_equal(relmig_quiet(ap), 0);
    const char *sync[] = {"diff", "--from",      main_url, "--to-migrations", dir, "--shadow-url",
                          shadow, "--exit-code", NULL};
    st = relmig(&p, sync);
    if (st != 0)
        printf("  stdout: %s\n  stderr: %s\n", p.out, p.err);
    assert_int_equal(st, 0);
    rm_test_proc_free(&p);

    /* refused: the shadow is the --from database; then a deployed database */
    const char *same[] = {"diff", "--from",       main_url, "--to-migrations",
                          dir,    "--shadow-url", main_url, NULL};
    assert_int_equal(relmig(&p, same), 1);
    assert_non_null(strstr(p.err, "E0920"));
    assert_non_null(strstr(p.err, "is the database the command works on"));
    rm_test_proc_free(&p);
    const char *deployed[] = {
        "diff",   "--from-migrations", dir,     "--to", "empty", "--shadow-url",
        main_url, "--dialect",         dialect, NULL};
    assert_int_equal(relmig(&p, deployed), 1);
    assert_non_null(strstr(p.err, "E0920"));
    assert_non_null(strstr(p.err, "_prisma_migrations"));
    rm_test_proc_free(&p);
    assert_true(table_exists(main_url, "t1"));
    assert_int_equal(count_rows(main_url, NULL), 2);

    /* migrate new into a dirty shadow database */
    c = conn(shadow);
    assert_int_equal(rm_db_exec(c, "DROP TABLE t1", &err), RM_OK);
    assert_int_equal(rm_db_exec(c, "CREATE TABLE t1 (other INTEGER)", &err), RM_OK);
    rm_db_close(c);
    char *schema = rm_arena_sprintf(&ae.arena, "%s/schema.prisma", ae.tmpdir);
    const char *text = rm_arena_sprintf(&ae.arena,
                                        "datasource db {\n  provider = \"%s\"\n}\n\n"
                                        "model t1 {\n  id   Int     @id\n"
                                        "  name String? @db.VarChar(50)\n}\n\n"
                                        "model t2 {\n  id   Int     @id\n"
                                        "  name String? @db.VarChar(50)\n}\n\n"
                                        "model t3 {\n  id Int @id\n}\n",
                                        dialect);
    assert_true(rm_test_write_file(schema, text, strlen(text)));
    const char *mn[] = {"migrate", "new", "--name",       "add_t3", "--schema", schema,
                        "--dir",   dir,   "--shadow-url", shadow,   NULL};
    st = relmig(&p, mn);
    if (st != 0)
        printf("  stdout: %s\n  stderr: %s\n", p.out, p.err);
    assert_int_equal(st, 0);
    assert_non_null(strstr(p.out, "_add_t3/migration.sql"));
    rm_test_proc_free(&p);
    assert_int_equal(relmig_quiet(ap), 0);
    assert_true(table_exists(main_url, "t3"));
}
#endif

typedef struct apply_case {
    const char *name;
    void (*fn)(void **);
} apply_case;

static const apply_case apply_cases[] = {
    {"apply_fresh_then_status", apply_fresh_then_status},
    {"apply_dry_run_changes_nothing", apply_dry_run_changes_nothing},
    {"tamper_detected", tamper_detected},
    {"failure_blocks_until_resolve", failure_blocks_until_resolve},
    {"baseline_with_resolve_applied", baseline_with_resolve_applied},
    {"missing_from_folder_reported", missing_from_folder_reported},
    {"lock_held_message", lock_held_message},
    {"concurrent_applies", concurrent_applies},
    {"kill9_trials", kill9_trials},
    {"apply_procedural_bodies", apply_procedural_bodies},
#if !defined(APPLY_DB_SQLITE)
    {"shadow_replay_and_reset", shadow_replay_and_reset},
#endif
#if defined(APPLY_DB_POSTGRES)
    {"apply_too_large_for_one_transaction", apply_too_large_for_one_transaction},
    {"apply_outside_transaction", apply_outside_transaction},
#endif
};

static int apply_main(void)
{
    rm_arena_init(&ae.arena, 0);
    if (APPLY_ENV[0]) {
        const char *url = NULL;
        int env_rc = rm_test_server_url(APPLY_ENV, &url);
        if (env_rc)
            return env_rc;
        rm_dberr err;
        if (rm_dburl_parse(&ae.base, url, &ae.arena, &err) != RM_OK) {
            fprintf(stderr, "%s: %s\n", APPLY_ENV, err.message);
            return 1;
        }
    }
    ae.tmpdir = rm_test_mkdtemp();
    size_t n = RM_ARRAY_LEN(apply_cases);
    struct CMUnitTest *tests = calloc(n, sizeof *tests);
    for (size_t i = 0; i < n; i++) {
        tests[i].name =
            rm_arena_sprintf(&ae.arena, "%s/%s", rm_db_kind_name(APPLY_KIND), apply_cases[i].name);
        tests[i].test_func = apply_cases[i].fn;
    }
    int rc = _cmocka_run_group_tests(
        rm_arena_sprintf(&ae.arena, "apply_%s", rm_db_kind_name(APPLY_KIND)), tests, n, NULL, NULL);
    free(tests);
    if (APPLY_ENV[0]) {
        rm_conn *c = NULL;
        rm_dberr err;
        if (rm_db_connect_url(&c, &ae.base, NULL, &err) == RM_OK) {
            for (size_t i = 0; i < ae.ndbs; i++)
                (void)rm_db_exec(
                    c, rm_arena_sprintf(&ae.arena, "DROP DATABASE IF EXISTS %s", ae.dbs[i]), &err);
            rm_db_close(c);
        }
    }
    rm_test_rmtree(ae.tmpdir);
    free(ae.tmpdir);
    rm_db_shutdown();
    rm_arena_free(&ae.arena);
    return rc;
}

#endif
