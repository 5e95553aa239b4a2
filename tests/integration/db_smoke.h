/*
 * The driver smoke test, shared by test_db_smoke_postgres.c, test_db_smoke_mysql.c and
 * test_db_smoke_sqlite.c: each defines SMOKE_KIND and includes this file, so ctest shows one
 * result per database (and "skipped" for a server that was not requested) while the cases
 * stay in one table. Test code only.
 *
 * Servers come from RELMIG_TEST_PG_URL / RELMIG_TEST_MYSQL_URL (scripts/testdb.sh env). When
 * the variable is unset the test exits 77 (skipped), unless RELMIG_REQUIRE_SERVERS=1, which
 * makes it a failure (CI sets it). Every run works in a fresh database it creates and drops
 * (SQLite: a fresh file in a temporary directory), so runs never see each other's tables.
 */
#ifndef RELMIG_TESTS_DB_SMOKE_H
#define RELMIG_TESTS_DB_SMOKE_H

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
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

/* The including file defines exactly one of these (a preprocessor flag, because the enum
 * constants cannot be compared in #if). */
#if defined(SMOKE_DB_POSTGRES)
#define SMOKE_KIND RM_DB_POSTGRES
#elif defined(SMOKE_DB_MYSQL)
#define SMOKE_KIND RM_DB_MYSQL
#elif defined(SMOKE_DB_SQLITE)
#define SMOKE_KIND RM_DB_SQLITE
#else
#error "define SMOKE_DB_POSTGRES, SMOKE_DB_MYSQL or SMOKE_DB_SQLITE before including"
#endif

typedef struct smoke_env {
    rm_arena arena;
    rm_dburl base;           /* the server URL from the environment (parsed) */
    const char *url;         /* the fresh database's URL (unredacted) */
    const char *fresh_db;    /* its name; NULL for SQLite */
    char *tmpdir;            /* SQLite */
} smoke_env;

static smoke_env smoke;

/* ---------------------------------------------------------------------------------------- */
/* helpers                                                                                   */

static rm_conn *smoke_connect_url(const char *url)
{
    rm_conn *c = NULL;
    rm_dberr err;
    rm_dberr_clear(&err);
    if (rm_db_connect(&c, url, NULL, &err) != RM_OK)
        fail_msg("connect %s failed: [%s] %s", rm_dburl_redact(url, &smoke.arena),
                 rm_dberr_kind_name(err.kind), err.message);
    return c;
}

static rm_conn *smoke_connect(void)
{
    return smoke_connect_url(smoke.url);
}

static void smoke_exec(rm_conn *c, const char *sql)
{
    rm_dberr err;
    if (rm_db_exec(c, sql, &err) != RM_OK)
        fail_msg("exec failed: %s [%s] (%s)\n  SQL: %s", err.message, err.sqlstate,
                 rm_dberr_kind_name(err.kind), sql);
}

/* Run a query expected to give exactly one cell; return it (NULL for SQL NULL). */
static const char *smoke_scalar(rm_conn *c, rm_arena *a, const char *sql,
                                const char *const *params, size_t n)
{
    rm_dberr err;
    rm_rows *rows = NULL;
    if (rm_db_query(c, sql, params, n, a, &rows, &err) != RM_OK)
        fail_msg("query failed: %s [%s]\n  SQL: %s", err.message, err.sqlstate, sql);
    assert_int_equal(rows->nrows, 1);
    assert_int_equal(rows->ncols, 1);
    return rm_rows_get(rows, 0, 0);
}

#if !defined(SMOKE_DB_SQLITE)
/* A URL like the environment's with some parts replaced (NULL = keep). */
static const char *smoke_url_with(const char *password, uint16_t port, const char *database)
{
    rm_dburl u;
    rm_dburl_copy(&u, &smoke.base, &smoke.arena);
    if (password)
        u.password = password;
    if (port)
        u.port = port;
    if (database)
        u.database = database;
    return rm_dburl_format(&u, false, &smoke.arena);
}

#endif

/* Every way an error can be shown must be free of both secrets. */
static void smoke_assert_no_secret(const rm_dberr *err, const char *secret)
{
    const char *real = smoke.base.password;
    const char *texts[2] = {err->message, err->detail};
    for (size_t i = 0; i < 2; i++) {
        if (secret && secret[0] && strstr(texts[i], secret))
            fail_msg("the password \"%s\" appears in: %s", secret, texts[i]);
        if (real && real[0] && strstr(texts[i], real))
            fail_msg("the server password appears in: %s", texts[i]);
    }
    /* The diagnostic the CLI would print, with the URL as context. */
    rm_diags d;
    rm_diags_init(&d);
    rm_diag *g = rm_db_report(&d, err, "cannot connect");
    if (secret && secret[0]) {
        assert_null(strstr(g->msg, secret));
        assert_true(!g->detail || !strstr(g->detail, secret));
    }
    rm_diags_free(&d);
    assert_null(strchr(err->message, '\n'));
}

static void smoke_expect_connect_error(const char *url, rm_dberr_kind kind, const char *secret)
{
    rm_conn *c = NULL;
    rm_dberr err;
    rm_dberr_clear(&err);
    int rc = rm_db_connect(&c, url, NULL, &err);
    if (rc == RM_OK) {
        rm_db_close(c);
        fail_msg("connecting to %s succeeded, expected %s", rm_dburl_redact(url, &smoke.arena),
                 rm_dberr_kind_name(kind));
    }
    assert_int_equal(rc, RM_EDB);
    assert_null(c);
    print_message("    %s error: %s%s%s\n", rm_dberr_kind_name(err.kind), err.message,
                  err.detail[0] ? " | " : "", err.detail);
    if (err.kind != kind)
        fail_msg("expected a %s error, got %s: %s", rm_dberr_kind_name(kind),
                 rm_dberr_kind_name(err.kind), err.message);
    assert_true(err.message[0] != '\0');
    smoke_assert_no_secret(&err, secret);
}

/* ---------------------------------------------------------------------------------------- */
/* cases                                                                                     */

static void case_select_1(void **state)
{
    (void)state;
    rm_arena a;
    rm_arena_init(&a, 0);
    FILE *trace = tmpfile();
    assert_non_null(trace);
    rm_db_opts opts = {5, trace};
    rm_conn *c = NULL;
    rm_dberr err;
    assert_int_equal(rm_db_connect(&c, smoke.url, &opts, &err), RM_OK);
    assert_string_equal(smoke_scalar(c, &a, "SELECT 1", NULL, 0), "1");
    assert_int_equal(rm_db_driver(c)->kind, SMOKE_KIND);
    /* The redacted URL shows no password. */
    if (smoke.base.password && smoke.base.password[0])
        assert_null(strstr(rm_db_url_redacted(c), smoke.base.password));
    /* The trace saw the statement before it ran. */
    char buf[512] = "";
    rewind(trace);
    size_t n = fread(buf, 1, sizeof buf - 1, trace);
    buf[n] = '\0';
    assert_non_null(strstr(buf, "SELECT 1;"));
    fclose(trace);
    rm_db_close(c);
    rm_arena_free(&a);
}

static void case_server_version(void **state)
{
    (void)state;
    rm_conn *c = smoke_connect();
    const char *v = rm_db_server_version(c);
    print_message("    server version: %s\n", v);
    assert_non_null(v);
    assert_true(v[0] >= '1' && v[0] <= '9');
    assert_non_null(strchr(v, '.'));
    rm_db_close(c);
}

static void case_exec_script(void **state)
{
    (void)state;
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_conn *c = smoke_connect();
    smoke_exec(c, "CREATE TABLE t_script (id INTEGER PRIMARY KEY, note VARCHAR(50));\n"
                  "INSERT INTO t_script (id, note) VALUES (1, 'one; with a semicolon');\n"
                  "-- a comment between statements\n"
                  "INSERT INTO t_script (id, note) VALUES (2, 'two');\n");
    assert_string_equal(smoke_scalar(c, &a, "SELECT count(*) FROM t_script", NULL, 0), "2");
    assert_string_equal(smoke_scalar(c, &a, "SELECT note FROM t_script WHERE id = 1", NULL, 0),
                        "one; with a semicolon");
    /* An error in a later statement of a script is reported, not lost. */
    rm_dberr err;
    rm_dberr_clear(&err);
    int rc = rm_db_exec(c, "INSERT INTO t_script (id, note) VALUES (3, 'three');\n"
                           "INSERT INTO t_script_missing (id) VALUES (1);",
                        &err);
    assert_int_equal(rc, RM_EDB);
    assert_int_equal(err.kind, RM_DBERR_STATEMENT);
    print_message("    script error: %s [%s]\n", err.message, err.sqlstate);
    assert_non_null(strstr(err.message, "t_script_missing"));
    /* The connection is still usable afterwards. */
    assert_string_equal(smoke_scalar(c, &a, "SELECT 40 + 2", NULL, 0), "42");
    /* An empty script is a no-op, not an error. */
    smoke_exec(c, "  ;\n");
    rm_db_close(c);
    rm_arena_free(&a);
}

static void case_param_roundtrip(void **state)
{
    (void)state;
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_conn *c = smoke_connect();
    smoke_exec(c, "CREATE TABLE t_params (id INTEGER PRIMARY KEY, a VARCHAR(100), "
                  "b VARCHAR(100))");
    static const char tricky[] = "O'Reilly \"quoted\" \\ $1 ? ; -- not a comment";
    const char *row1[3] = {"1", tricky, NULL};
    const char *row2[3] = {"2", "", "x"};
    rm_rows *rows = NULL;
    rm_dberr err;
    const char *ins = "INSERT INTO t_params (id, a, b) VALUES ($1, $2, $3)";
    if (rm_db_query(c, ins, row1, 3, &a, &rows, &err) != RM_OK)
        fail_msg("insert: %s", err.message);
    assert_int_equal(rows->ncols, 0);
    assert_int_equal(rows->affected, 1);
    if (rm_db_query(c, ins, row2, 3, &a, &rows, &err) != RM_OK)
        fail_msg("insert: %s", err.message);

    const char *id1[1] = {"1"};
    if (rm_db_query(c, "SELECT a, b, id FROM t_params WHERE id = $1", id1, 1, &a, &rows,
                    &err) != RM_OK)
        fail_msg("select: %s", err.message);
    assert_int_equal(rows->nrows, 1);
    assert_int_equal(rows->ncols, 3);
    assert_string_equal(rows->names[0], "a");
    assert_string_equal(rm_rows_get(rows, 0, 0), tricky);
    assert_int_equal(rows->lens[0], strlen(tricky));
    assert_null(rm_rows_get(rows, 0, 1)); /* NULL stays NULL */
    assert_string_equal(rm_rows_get(rows, 0, 2), "1");

    const char *id2[1] = {"2"};
    if (rm_db_query(c, "SELECT a, b FROM t_params WHERE id = $1", id2, 1, &a, &rows, &err) !=
        RM_OK)
        fail_msg("select: %s", err.message);
    assert_non_null(rm_rows_get(rows, 0, 0)); /* "" is not NULL */
    assert_string_equal(rm_rows_get(rows, 0, 0), "");

    /* Selecting by the tricky value finds it: the parameter is data, not SQL. */
    const char *by_a[1] = {tricky};
    assert_string_equal(
        smoke_scalar(c, &a, "SELECT count(*) FROM t_params WHERE a = $1", by_a, 1), "1");
    /* Numbered placeholders may repeat and come in any order. */
    const char *two[2] = {"left", "right"};
    if (rm_db_query(c, "SELECT $2, $1, $2", two, 2, &a, &rows, &err) != RM_OK)
        fail_msg("select $2, $1: %s", err.message);
    assert_string_equal(rm_rows_get(rows, 0, 0), "right");
    assert_string_equal(rm_rows_get(rows, 0, 1), "left");
    assert_string_equal(rm_rows_get(rows, 0, 2), "right");
    /* Several rows, in order. */
    if (rm_db_query(c, "SELECT id FROM t_params ORDER BY id", NULL, 0, &a, &rows, &err) != RM_OK)
        fail_msg("select ids: %s", err.message);
    assert_int_equal(rows->nrows, 2);
    assert_string_equal(rm_rows_get(rows, 1, 0), "2");
    /* A placeholder without a parameter is an error, not a crash. */
    assert_int_equal(rm_db_query(c, "SELECT $2", id1, 1, &a, &rows, &err), RM_EDB);
    rm_db_close(c);
    rm_arena_free(&a);
}

static void case_rollback_discards(void **state)
{
    (void)state;
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_conn *c = smoke_connect();
    rm_dberr err;
    rm_rows *rows = NULL;
    smoke_exec(c, "CREATE TABLE t_tx (id INTEGER PRIMARY KEY)");
    assert_int_equal(rm_db_begin(c, &err), RM_OK);
    const char *p[1] = {"1"};
    assert_int_equal(rm_db_query(c, "INSERT INTO t_tx (id) VALUES ($1)", p, 1, &a, &rows, &err),
                     RM_OK);
    assert_string_equal(smoke_scalar(c, &a, "SELECT count(*) FROM t_tx", NULL, 0), "1");
    assert_int_equal(rm_db_rollback(c, &err), RM_OK);
    assert_string_equal(smoke_scalar(c, &a, "SELECT count(*) FROM t_tx", NULL, 0), "0");
    /* And commit keeps, as seen from a second connection. */
    assert_int_equal(rm_db_begin(c, &err), RM_OK);
    assert_int_equal(rm_db_query(c, "INSERT INTO t_tx (id) VALUES ($1)", p, 1, &a, &rows, &err),
                     RM_OK);
    assert_int_equal(rm_db_commit(c, &err), RM_OK);
    rm_conn *other = smoke_connect();
    assert_string_equal(smoke_scalar(other, &a, "SELECT count(*) FROM t_tx", NULL, 0), "1");
    rm_db_close(other);
    rm_db_close(c);
    rm_arena_free(&a);
}

static void case_lock_timeout(void **state)
{
    (void)state;
    rm_conn *first = smoke_connect();
    rm_conn *second = smoke_connect();
    rm_dberr err;
    rm_dberr_clear(&err);
    const char *key = "relmig_smoke_migration_lock";
    assert_int_equal(rm_db_lock(first, key, 1000, &err), RM_OK);

    int64_t t0 = rm_db_now_ms();
    int rc = rm_db_lock(second, key, 300, &err);
    int64_t waited = rm_db_now_ms() - t0;
    assert_int_equal(rc, RM_EDB);
    print_message("    after %lld ms: %s | %s\n", (long long)waited, err.message, err.detail);
    assert_int_equal(err.kind, RM_DBERR_LOCK_TIMEOUT);
    assert_non_null(strstr(err.message, "timed out"));
    assert_non_null(strstr(err.message, key));
    assert_true(waited >= 250);
    assert_true(waited < 5000);

    /* Released by the first, it is free for the second. */
    assert_int_equal(rm_db_unlock(first, key, &err), RM_OK);
    assert_int_equal(rm_db_lock(second, key, 2000, &err), RM_OK);
    /* Other work still runs while the lock is held, including a transaction. */
    rm_arena a;
    rm_arena_init(&a, 0);
    assert_int_equal(rm_db_begin(second, &err), RM_OK);
    assert_string_equal(smoke_scalar(second, &a, "SELECT 7", NULL, 0), "7");
    assert_int_equal(rm_db_commit(second, &err), RM_OK);
    assert_int_equal(rm_db_unlock(second, key, &err), RM_OK);
    rm_arena_free(&a);
    /* Unlocking what is not held is reported. */
    assert_int_equal(rm_db_unlock(second, key, &err), RM_EDB);
    assert_int_equal(err.kind, RM_DBERR_MISUSE);
    rm_db_close(second);
    rm_db_close(first);
}

static void case_statement_error(void **state)
{
    (void)state;
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_conn *c = smoke_connect();
    rm_rows *rows = NULL;
    rm_dberr err;
    assert_int_equal(rm_db_query(c, "SELECT * FROM no_such_table_here", NULL, 0, &a, &rows, &err),
                     RM_EDB);
    print_message("    %s [%s/%ld]\n", err.message, err.sqlstate, err.native);
    assert_int_equal(err.kind, RM_DBERR_STATEMENT);
    assert_non_null(strstr(err.message, "no_such_table_here"));
#if defined(SMOKE_DB_POSTGRES)
    assert_string_equal(err.sqlstate, "42P01");
#elif defined(SMOKE_DB_MYSQL)
    assert_string_equal(err.sqlstate, "42S02");
    assert_int_equal(err.native, 1146);
#else
    assert_string_equal(err.sqlstate, "HY000");
    assert_int_equal(err.native, 1); /* SQLITE_ERROR */
#endif
    rm_db_close(c);
    rm_arena_free(&a);
}

#if !defined(SMOKE_DB_SQLITE)
static void case_wrong_password(void **state)
{
    (void)state;
    const char *secret = "wrong-Pa55word-xyzzy";
    smoke_expect_connect_error(smoke_url_with(secret, 0, NULL), RM_DBERR_AUTH, secret);
}

static void case_unreachable_port(void **state)
{
    (void)state;
    const char *secret = "unreachable-Pa55word";
    rm_dburl u;
    rm_dburl_copy(&u, &smoke.base, &smoke.arena);
    u.password = secret;
    u.host = "127.0.0.1";
    u.port = rm_test_free_port();
    smoke_expect_connect_error(rm_dburl_format(&u, false, &smoke.arena), RM_DBERR_UNREACHABLE,
                               secret);
}

static void case_unknown_database(void **state)
{
    (void)state;
    smoke_expect_connect_error(smoke_url_with(NULL, 0, "relmig_no_such_database_here"),
                               RM_DBERR_UNKNOWN_DATABASE, NULL);
}

/* The server ends the session (another connection kills it): the next statement reports a
 * lost connection (E0808), not a statement error. */
static void case_connection_lost(void **state)
{
    (void)state;
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_conn *victim = smoke_connect();
    rm_conn *killer = smoke_connect();
#if defined(SMOKE_DB_POSTGRES)
    const char *id[1] = {smoke_scalar(victim, &a, "SELECT pg_backend_pid()::text", NULL, 0)};
    assert_string_equal(
        smoke_scalar(killer, &a, "SELECT pg_terminate_backend($1::int)::text", id, 1), "true");
#else
    const char *id = smoke_scalar(victim, &a, "SELECT CONNECTION_ID()", NULL, 0);
    smoke_exec(killer, rm_arena_sprintf(&a, "KILL %s", id));
#endif
    /* Termination is asynchronous on the server side. */
    rm_db_sleep_ms(300);
    rm_rows *rows = NULL;
    rm_dberr err;
    rm_dberr_clear(&err);
    assert_int_equal(rm_db_query(victim, "SELECT 1", NULL, 0, &a, &rows, &err), RM_EDB);
    print_message("    %s: %s\n", rm_dberr_kind_name(err.kind), err.message);
    assert_int_equal(err.kind, RM_DBERR_CONNECTION_LOST);
    assert_null(strchr(err.message, '\n'));
    rm_db_close(victim);
    rm_db_close(killer);
    rm_arena_free(&a);
}

/* A URL that requires TLS either gets an encrypted connection or none: never plain text.
 * The test server may or may not offer TLS, so ask it first. */
static void case_tls_required(void **state)
{
    (void)state;
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_conn *plain = smoke_connect();
#if defined(SMOKE_DB_POSTGRES)
    const char *offered = smoke_scalar(plain, &a, "SHOW ssl", NULL, 0);
    bool has_tls = offered && strcmp(offered, "on") == 0;
    const char *key = "sslmode", *value = "require";
    const char *cipher_sql = "SELECT ssl::text FROM pg_stat_ssl WHERE pid = pg_backend_pid()";
    const char *encrypted = "true";
#else
    const char *offered = smoke_scalar(plain, &a, "SELECT @@have_ssl", NULL, 0);
    bool has_tls = offered && strcmp(offered, "YES") == 0;
    const char *key = "ssl-mode", *value = "REQUIRED";
    const char *cipher_sql = "SELECT VARIABLE_VALUE <> '' FROM information_schema.SESSION_STATUS "
                             "WHERE VARIABLE_NAME = 'SSL_CIPHER'";
    const char *encrypted = "1";
#endif
    rm_db_close(plain);
    rm_dburl u;
    rm_dburl_copy(&u, &smoke.base, &a);
    u.database = smoke.fresh_db;
    rm_dburl_param *ps = RM_NEW_ARRAY(&a, rm_dburl_param, u.nparams + 1);
    if (u.nparams)
        memcpy(ps, u.params, u.nparams * sizeof *ps);
    ps[u.nparams].key = key;
    ps[u.nparams].value = value;
    u.params = ps;
    u.nparams++;
    const char *url = rm_dburl_format(&u, false, &a);
    print_message("    server offers TLS: %s\n", has_tls ? "yes" : "no");
    if (has_tls) {
        rm_conn *c = smoke_connect_url(url);
        assert_string_equal(smoke_scalar(c, &a, cipher_sql, NULL, 0), encrypted);
        rm_db_close(c);
    } else {
        smoke_expect_connect_error(url, RM_DBERR_CONNECT, NULL);
    }
    rm_arena_free(&a);
}
#else
static void case_unknown_database(void **state)
{
    (void)state;
    smoke_expect_connect_error("sqlite:/nonexistent-relmig-dir/sub/db.sqlite",
                               RM_DBERR_UNKNOWN_DATABASE, NULL);
}

static void case_not_a_database(void **state)
{
    (void)state;
    char path[512];
    snprintf(path, sizeof path, "%s/garbage.db", smoke.tmpdir);
    const char junk[] = "this is not an SQLite file, it is text long enough to have a header";
    assert_true(rm_test_write_file(path, junk, sizeof junk - 1));
    char url[600];
    snprintf(url, sizeof url, "sqlite:%s", path);
    smoke_expect_connect_error(url, RM_DBERR_CONNECT, NULL);
}

static void case_memory_database(void **state)
{
    (void)state;
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_conn *c = smoke_connect_url("sqlite::memory:");
    smoke_exec(c, "CREATE TABLE m (x TEXT); INSERT INTO m VALUES ('mem')");
    assert_string_equal(smoke_scalar(c, &a, "SELECT x FROM m", NULL, 0), "mem");
    rm_db_close(c);
    rm_arena_free(&a);
}
#endif

typedef struct smoke_case {
    const char *name;
    CMUnitTestFunction fn;
} smoke_case;

static const smoke_case smoke_cases[] = {
    {"select_1", case_select_1},
    {"server_version", case_server_version},
    {"exec_script", case_exec_script},
    {"param_roundtrip", case_param_roundtrip},
    {"rollback_discards", case_rollback_discards},
    {"lock_timeout", case_lock_timeout},
    {"statement_error", case_statement_error},
    {"unknown_database", case_unknown_database},
#if !defined(SMOKE_DB_SQLITE)
    {"wrong_password", case_wrong_password},
    {"tls_required", case_tls_required},
    {"connection_lost", case_connection_lost},
    {"unreachable_port", case_unreachable_port},
#else
    {"not_a_database", case_not_a_database},
    {"memory_database", case_memory_database},
#endif
};

/* ---------------------------------------------------------------------------------------- */
/* setup: a fresh database per run                                                           */

#if !defined(SMOKE_DB_SQLITE)
static int smoke_setup_server(const char *env_name)
{
    const char *url = getenv(env_name);
    const char *require = getenv("RELMIG_REQUIRE_SERVERS");
    if (!url || !url[0]) {
        if (require && strcmp(require, "1") == 0) {
            fprintf(stderr, "%s is not set but RELMIG_REQUIRE_SERVERS=1: failing\n", env_name);
            return 1;
        }
        printf("skipped: %s is not set (run scripts/testdb.sh start and eval its env)\n",
               env_name);
        return 77;
    }
    rm_dberr err;
    if (rm_dburl_parse(&smoke.base, url, &smoke.arena, &err) != RM_OK) {
        fprintf(stderr, "%s: %s\n", env_name, err.message);
        return 1;
    }
    rm_conn *admin = NULL;
    if (rm_db_connect(&admin, url, NULL, &err) != RM_OK) {
        fprintf(stderr, "cannot connect to %s: %s\n", rm_dburl_redact(url, &smoke.arena),
                err.message);
        return 1;
    }
    smoke.fresh_db = rm_arena_sprintf(&smoke.arena, "relmig_smoke_%ld_%ld", (long)getpid(),
                                      (long)time(NULL));
    char *sql = rm_arena_sprintf(&smoke.arena, "CREATE DATABASE %s", smoke.fresh_db);
    int rc = rm_db_exec(admin, sql, &err);
    rm_db_close(admin);
    if (rc != RM_OK) {
        fprintf(stderr, "cannot create database %s: %s\n", smoke.fresh_db, err.message);
        return 1;
    }
    smoke.url = smoke_url_with(NULL, 0, smoke.fresh_db);
    return 0;
}

static void smoke_teardown_server(void)
{
    rm_conn *admin = NULL;
    rm_dberr err;
    if (rm_db_connect(&admin, smoke_url_with(NULL, 0, NULL), NULL, &err) != RM_OK) {
        fprintf(stderr, "warning: cannot connect to drop %s: %s\n", smoke.fresh_db, err.message);
        return;
    }
    char *sql = rm_arena_sprintf(&smoke.arena, "DROP DATABASE IF EXISTS %s", smoke.fresh_db);
    if (rm_db_exec(admin, sql, &err) != RM_OK)
        fprintf(stderr, "warning: cannot drop %s: %s\n", smoke.fresh_db, err.message);
    rm_db_close(admin);
}

#endif
static int smoke_main(void)
{
    int rc;
    rm_arena_init(&smoke.arena, 0);
#if defined(SMOKE_DB_POSTGRES)
    rc = smoke_setup_server("RELMIG_TEST_PG_URL");
#elif defined(SMOKE_DB_MYSQL)
    rc = smoke_setup_server("RELMIG_TEST_MYSQL_URL");
#else
    smoke.tmpdir = rm_test_mkdtemp();
    smoke.url = rm_arena_sprintf(&smoke.arena, "sqlite:%s/smoke.db", smoke.tmpdir);
    rc = rm_dburl_parse(&smoke.base, smoke.url, &smoke.arena, &(rm_dberr){0}) == RM_OK ? 0 : 1;
#endif
    if (rc != 0) {
        rm_arena_free(&smoke.arena);
        return rc;
    }

    size_t n = RM_ARRAY_LEN(smoke_cases);
    struct CMUnitTest *tests = calloc(n, sizeof *tests);
    for (size_t i = 0; i < n; i++) {
        tests[i].name = rm_arena_sprintf(&smoke.arena, "%s/%s", rm_db_kind_name(SMOKE_KIND),
                                         smoke_cases[i].name);
        tests[i].test_func = smoke_cases[i].fn;
    }
    char *group = rm_arena_sprintf(&smoke.arena, "db_smoke_%s", rm_db_kind_name(SMOKE_KIND));
    rc = _cmocka_run_group_tests(group, tests, n, NULL, NULL);
    free(tests);

#if defined(SMOKE_DB_SQLITE)
    rm_test_rmtree(smoke.tmpdir);
    free(smoke.tmpdir);
#else
    smoke_teardown_server();
#endif
    rm_db_shutdown();
    rm_arena_free(&smoke.arena);
    return rc;
}

#endif
