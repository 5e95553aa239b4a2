/*
 * What test_credentials.c, test_hostile_identifiers.c and test_bad_db.c share (issue #8):
 * the servers from the environment, fresh databases with unique names (prefix "hostile_",
 * the process id and a counter) that are dropped at the end, SQL through the relmig driver,
 * and running the relmig binary. Test code only; include from exactly one .c file per test.
 *
 * Servers come from RELMIG_TEST_PG_URL / RELMIG_TEST_MYSQL_URL (scripts/testdb.sh env). A row
 * for a server that is not configured is skipped, unless RELMIG_REQUIRE_SERVERS=1, which makes
 * it a failure. SQLite rows always run (files in a temporary directory).
 *
 * Not for the apply/introspect feature tests: those have their own fixtures
 * (test_apply_common.h, db_smoke.h) with assertions specific to them.
 */
#ifndef RELMIG_TESTS_HOSTILE_DB_H
#define RELMIG_TESTS_HOSTILE_DB_H

#define _POSIX_C_SOURCE 200809L

#include "db/db.h"
#include "testutil.h"
#include "util/sb.h"

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

typedef struct hdb_env {
    rm_arena arena;
    bool have[4];       /* indexed by rm_db_kind */
    rm_dburl base[4];   /* the server URLs (PG, MySQL) */
    char *tmpdir;       /* SQLite files, schemas, migration folders */
    int seq;
    struct hdb_db {
        rm_db_kind kind;
        const char *name;
    } *dbs; /* created server databases, dropped by hdb_finish */
    size_t ndbs, capdbs;
} hdb_env;

static hdb_env hdb;

/* 0 ready, 1 misconfigured (a URL that does not parse, or RELMIG_REQUIRE_SERVERS=1 without
 * servers). */
static inline int hdb_init(void)
{
    rm_arena_init(&hdb.arena, 0);
    static const struct {
        rm_db_kind kind;
        const char *env;
    } servers[] = {{RM_DB_POSTGRES, "RELMIG_TEST_PG_URL"}, {RM_DB_MYSQL, "RELMIG_TEST_MYSQL_URL"}};
    const char *req = getenv("RELMIG_REQUIRE_SERVERS");
    for (size_t i = 0; i < RM_ARRAY_LEN(servers); i++) {
        const char *url = getenv(servers[i].env);
        if (!url || !url[0]) {
            if (req && strcmp(req, "1") == 0) {
                fprintf(stderr, "%s is not set but RELMIG_REQUIRE_SERVERS=1\n", servers[i].env);
                return 1;
            }
            continue;
        }
        rm_dberr err;
        if (rm_dburl_parse(&hdb.base[servers[i].kind], url, &hdb.arena, &err) != RM_OK) {
            fprintf(stderr, "%s: %s\n", servers[i].env, err.message);
            return 1;
        }
        hdb.have[servers[i].kind] = true;
    }
    hdb.have[RM_DB_SQLITE] = true;
    hdb.tmpdir = rm_test_mkdtemp();
    return hdb.tmpdir ? 0 : 1;
}

/* Skip the current row when its server is not configured. */
static inline void hdb_require(rm_db_kind kind)
{
    if (!hdb.have[kind]) {
        printf("skipped: no %s server (scripts/testdb.sh env)\n", rm_db_kind_name(kind));
        skip();
    }
}

static inline rm_conn *hdb_connect(const char *url)
{
    rm_conn *c = NULL;
    rm_dberr err;
    if (rm_db_connect(&c, url, NULL, &err) != RM_OK)
        fail_msg("connect %s: %s", rm_dburl_redact(url, &hdb.arena), err.message);
    return c;
}

static inline void hdb_exec_on(rm_conn *c, const char *sql)
{
    rm_dberr err;
    if (rm_db_exec(c, sql, &err) != RM_OK)
        fail_msg("exec failed: %s\n  SQL: %.300s", err.message, sql);
}

static inline void hdb_exec(const char *url, const char *sql)
{
    rm_conn *c = hdb_connect(url);
    hdb_exec_on(c, sql);
    rm_db_close(c);
}

/* Every row of a query (text cells), in hdb.arena. */
static inline rm_rows *hdb_rows(const char *url, const char *sql)
{
    rm_conn *c = hdb_connect(url);
    rm_dberr err;
    rm_rows *r = NULL;
    if (rm_db_query(c, sql, NULL, 0, &hdb.arena, &r, &err) != RM_OK)
        fail_msg("query failed: %s\n  SQL: %.300s", err.message, sql);
    rm_db_close(c);
    return r;
}

static inline long hdb_count(const char *url, const char *sql)
{
    rm_rows *r = hdb_rows(url, sql);
    assert_true(r->nrows == 1 && r->ncols == 1);
    const char *v = rm_rows_get(r, 0, 0);
    return v ? strtol(v, NULL, 10) : -1;
}

/* A server URL like the environment's, with parts replaced (NULL / 0 = keep). Unredacted. */
static inline char *hdb_url_with(rm_db_kind kind, const char *user, const char *password,
                          const char *host, uint16_t port, const char *database)
{
    rm_dburl u;
    rm_dburl_copy(&u, &hdb.base[kind], &hdb.arena);
    if (user)
        u.user = user;
    if (password)
        u.password = password;
    if (host)
        u.host = host;
    if (port)
        u.port = port;
    if (database)
        u.database = database;
    return rm_dburl_format(&u, false, &hdb.arena);
}

/* A fresh, empty database: a new server database (hostile_<tag>_<pid>_<n>, dropped by
 * hdb_finish) or a new SQLite file. Returns its URL. */
static inline char *hdb_fresh(rm_db_kind kind, const char *tag)
{
    hdb.seq++;
    if (kind == RM_DB_SQLITE)
        return rm_arena_sprintf(&hdb.arena, "sqlite:%s/%s%d.db", hdb.tmpdir, tag, hdb.seq);
    char *name =
        rm_arena_sprintf(&hdb.arena, "hostile_%s_%ld_%d", tag, (long)getpid(), hdb.seq);
    char *admin = rm_dburl_format(&hdb.base[kind], false, &hdb.arena);
    hdb_exec(admin, rm_arena_sprintf(&hdb.arena, "CREATE DATABASE %s", name));
    struct hdb_db db = {kind, name};
    RM_VEC_PUSH(&hdb.arena, hdb.dbs, hdb.ndbs, hdb.capdbs, db);
    return hdb_url_with(kind, NULL, NULL, NULL, 0, name);
}

/* A path in the temporary directory (not created). */
static inline char *hdb_path(const char *fmt_name)
{
    return rm_arena_sprintf(&hdb.arena, "%s/%s_%d", hdb.tmpdir, fmt_name, ++hdb.seq);
}

static inline char *hdb_write(const char *name, const char *text)
{
    char *p = hdb_path(name);
    assert_true(rm_test_write_file(p, text, strlen(text)));
    return p;
}

/* A migrations folder holding one migration with sql, hashed into relmig.sum. */
static inline char *hdb_migrations(const char *migration_name, const char *sql)
{
    char *dir = hdb_path("migrations");
    assert_int_equal(mkdir(dir, 0777), 0);
    char *m = rm_arena_sprintf(&hdb.arena, "%s/%s", dir, migration_name);
    assert_int_equal(mkdir(m, 0777), 0);
    char *f = rm_arena_sprintf(&hdb.arena, "%s/migration.sql", m);
    assert_true(rm_test_write_file(f, sql, strlen(sql)));
    rm_test_proc p;
    const char *args[] = {"migrate", "hash", "--dir", dir, NULL};
    assert_int_equal(rm_test_relmig(&p, args, NULL), 0);
    if (p.status != 0)
        fail_msg("migrate hash: %s", p.err);
    rm_test_proc_free(&p);
    return dir;
}

/* Run relmig; the caller frees p. Prints the output when the exit status is not `expect`
 * (so a failing assertion afterwards has the context). */
static inline int hdb_relmig(rm_test_proc *p, const char *const *args, int expect)
{
    assert_int_equal(rm_test_relmig(p, args, NULL), 0);
    if (p->status != expect) {
        printf("relmig");
        for (size_t i = 0; args[i]; i++)
            printf(" %s", args[i]);
        printf("\n  -> exit %d (expected %d)\n  stdout: %.2000s\n  stderr: %.2000s\n", p->status,
               expect, p->out, p->err);
    }
    return p->status;
}

static inline void hdb_finish(void)
{
    for (size_t i = 0; i < hdb.ndbs; i++) {
        rm_db_kind kind = hdb.dbs[i].kind;
        char *admin = rm_dburl_format(&hdb.base[kind], false, &hdb.arena);
        rm_conn *c = NULL;
        rm_dberr err;
        if (rm_db_connect(&c, admin, NULL, &err) != RM_OK)
            continue;
        /* PostgreSQL refuses to drop a database with sessions (a killed test's, or one that
         * is still closing); WITH (FORCE) ends them (PostgreSQL 13+). */
        const char *sql =
            kind == RM_DB_POSTGRES
                ? rm_arena_sprintf(&hdb.arena, "DROP DATABASE IF EXISTS %s WITH (FORCE)",
                                   hdb.dbs[i].name)
                : rm_arena_sprintf(&hdb.arena, "DROP DATABASE IF EXISTS %s", hdb.dbs[i].name);
        if (rm_db_exec(c, sql, &err) != RM_OK)
            fprintf(stderr, "cleanup: %s: %s\n", sql, err.message);
        rm_db_close(c);
    }
    rm_test_rmtree(hdb.tmpdir);
    free(hdb.tmpdir);
    rm_db_shutdown();
    rm_arena_free(&hdb.arena);
}

/* One named cmocka row: test fn on the server kind, named "label/fn". */
#define HDB_ROW(fn, kind, label)                                                                 \
    {                                                                                            \
        label "/" #fn, fn, NULL, NULL, (void *)(intptr_t)(kind)                                  \
    }

#endif
