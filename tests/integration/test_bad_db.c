/*
 * Bad databases (issue #8): relmig apply against a server that drops the connection in the
 * middle of a migration, a read-only session or user, a table lock held by another session,
 * and a statement timeout, on PostgreSQL and MariaDB, and a read-only SQLite file. Each row
 * asserts a clear error (the failing statement's own message, exit 1), that nothing is
 * half-recorded (PostgreSQL: the migration's tables are gone and the history shows it pending
 * or failed; MariaDB: the history row says failed, never applied), and that once the fault is
 * gone (and, where the history says failed, after `relmig resolve --rolled-back`) a second
 * apply completes it.
 *
 * The advisory migration lock held by another apply is covered by lock_held_message in
 * test_apply_common.h (all three databases); this file holds locks on the tables a migration
 * needs. Servers: see hostile_db.h. Not for the happy path (test_apply_*.c).
 */
#include "hostile_db.h"
#include "db_sql.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>

#define MIG "20240101000000_slow"

/* ---------------------------------------------------------------------------------------- */
/* helpers                                                                                   */

static bool table_exists(rm_db_kind kind, const char *url, const char *name);

/* The state of MIG in the history: "none" (no table or no row), "applied", "failed" or
 * "rolled back"; with several rows (a failure rolled back, then applied) the live one. */
static const char *history_state(rm_db_kind kind, const char *url)
{
    if (!table_exists(kind, url, "_prisma_migrations"))
        return "none";
    rm_rows *r = hdb_rows(url, "SELECT CASE WHEN rolled_back_at IS NOT NULL THEN 'rolled back' "
                               "WHEN finished_at IS NOT NULL THEN 'applied' ELSE 'failed' END "
                               "FROM _prisma_migrations WHERE migration_name = '" MIG "' ORDER "
                               "BY CASE WHEN rolled_back_at IS NULL THEN 0 ELSE 1 END");
    return r->nrows == 0 ? "none" : rm_rows_get(r, 0, 0);
}

static bool table_exists(rm_db_kind kind, const char *url, const char *name)
{
    return hdb_count(url, rm_test_count_tables_sql(&hdb.arena, kind, name)) == 1;
}

/* An error line (file:line:col: error[E....] or error[E....]) carrying the expected text. */
static void assert_clear_error(const char *err, const char *text)
{
    if (!strstr(err, "error[E") || !strstr(err, text))
        fail_msg("expected an error mentioning \"%s\", got:\n%s", text, err);
}

/* Apply again after the fault is gone: resolve a recorded failure first, then the migration
 * must complete and be recorded as applied. */
static void recover(rm_db_kind kind, const char *url, const char *dir)
{
    rm_test_proc p;
    if (strcmp(history_state(kind, url), "failed") == 0) {
        if (kind == RM_DB_MYSQL) /* DDL committed before the failure stays: undo it by hand */
            hdb_exec(url, "DROP TABLE IF EXISTS half");
        const char *rb[] = {"resolve", "--url", url, "--dir", dir, "--rolled-back", MIG, NULL};
        assert_int_equal(hdb_relmig(&p, rb, 0), 0);
        rm_test_proc_free(&p);
    }
    const char *ap[] = {"apply", "--url", url, "--dir", dir, NULL};
    assert_int_equal(hdb_relmig(&p, ap, 0), 0);
    rm_test_proc_free(&p);
    assert_string_equal(history_state(kind, url), "applied");
    assert_true(table_exists(kind, url, "half"));
    assert_true(table_exists(kind, url, "whole"));
}

/* After a failure: PostgreSQL rolled everything back (pending or recorded failed); MariaDB
 * records the failure (its DDL is not transactional), never success. */
static void assert_not_half_recorded(rm_db_kind kind, const char *url)
{
    const char *st = history_state(kind, url);
    if (kind == RM_DB_POSTGRES) {
        if (strcmp(st, "none") && strcmp(st, "failed"))
            fail_msg("history says %s", st);
        assert_false(table_exists(kind, url, "half"));
    } else {
        assert_string_equal(st, "failed");
    }
    assert_false(table_exists(kind, url, "whole"));
}

/* Start relmig apply in the background (output to files); returns the pid. */
static pid_t spawn_apply(const char *url, const char *dir, const char *out, const char *err)
{
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        int o = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int e = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(o, 1);
        dup2(e, 2);
        const char *argv[] = {RELMIG_BINARY_PATH, "apply", "--url", url, "--dir", dir, NULL};
        execv(argv[0], (char *const *)argv);
        _exit(127);
    }
    return pid;
}

static int wait_exit(pid_t pid)
{
    int st = 0;
    while (waitpid(pid, &st, 0) < 0) {
    }
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

/* ---------------------------------------------------------------------------------------- */
/* rows                                                                                      */

/* The server ends the session while the migration sleeps: pg_terminate_backend / KILL from a
 * second connection, found by the sleeping statement's text. */
static void connection_killed_mid_apply(void **state)
{
    rm_db_kind kind = (rm_db_kind)(intptr_t)*state;
    hdb_require(kind);
    /* Sleeps until killed; once the table go_fast exists (the recovery run) not at all. */
    const char *sleep_sql =
        kind == RM_DB_POSTGRES
            ? "SELECT pg_sleep(CASE WHEN to_regclass('go_fast') IS NULL THEN 30 ELSE 0 END)"
            : "SELECT SLEEP(IF((SELECT count(*) FROM information_schema.TABLES WHERE "
              "TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'go_fast') = 0, 30, 0))";
    char *dir = hdb_migrations(MIG, rm_arena_sprintf(&hdb.arena,
                                                     "CREATE TABLE half (id INTEGER);\n%s;\n"
                                                     "CREATE TABLE whole (id INTEGER);\n",
                                                     sleep_sql));
    char *url = hdb_fresh(kind, "killed");
    char *out = hdb_path("out"), *err = hdb_path("err");
    pid_t pid = spawn_apply(url, dir, out, err);
    const char *find =
        kind == RM_DB_POSTGRES
            ? "SELECT pid::text FROM pg_stat_activity WHERE datname = current_database() AND "
              "pid <> pg_backend_pid() AND query LIKE '%pg_sleep(CASE%'"
            : "SELECT CAST(ID AS CHAR) FROM information_schema.PROCESSLIST WHERE DB = DATABASE() "
              "AND ID <> CONNECTION_ID() AND INFO LIKE '%SLEEP(IF(%'";
    bool killed = false;
    for (int i = 0; i < 200 && !killed; i++) {
        rm_rows *r = hdb_rows(url, find);
        for (size_t k = 0; k < r->nrows; k++) {
            const char *id = rm_rows_get(r, k, 0);
            hdb_exec(url, kind == RM_DB_POSTGRES
                              ? rm_arena_sprintf(&hdb.arena,
                                                 "SELECT pg_terminate_backend(%s)", id)
                              : rm_arena_sprintf(&hdb.arena, "KILL %s", id));
            killed = true;
        }
        if (!killed)
            sleep_ms(50);
    }
    if (!killed)
        kill(pid, SIGKILL);
    int st = wait_exit(pid);
    assert_true(killed);
    char *text = rm_test_read_file(err, NULL);
    assert_int_equal(st, 1);
    assert_clear_error(text, kind == RM_DB_POSTGRES ? "terminating connection"
                                                    : "Lost connection to server");
    /* The hint must match what was recorded: a pending migration is simply applied again;
     * a recorded failure needs resolve. */
    if (kind == RM_DB_POSTGRES && strcmp(history_state(kind, url), "none") == 0)
        assert_non_null(strstr(text, "still pending"));
    free(text);
    assert_not_half_recorded(kind, url);
    hdb_exec(url, "CREATE TABLE go_fast (id INTEGER)");
    recover(kind, url, dir);
}

/* A session that may not write: PostgreSQL default_transaction_read_only from the URL (the
 * test user may not create roles). MariaDB: the test user may create users but has no GRANT
 * OPTION, so the nearest case is a user with no privileges on the database at all. */
static void read_only(void **state)
{
    rm_db_kind kind = (rm_db_kind)(intptr_t)*state;
    hdb_require(kind);
    char *dir = hdb_migrations(MIG, "CREATE TABLE half (id INTEGER);\n"
                                    "CREATE TABLE whole (id INTEGER);\n");
    char *url = hdb_fresh(kind, "ro");
    const char *ro_url;
    const char *user = NULL;
    if (kind == RM_DB_POSTGRES) {
        ro_url = rm_arena_sprintf(&hdb.arena, "%s?options=-c%%20default_transaction_read_only%%3Don",
                                  url);
    } else {
        user = rm_arena_sprintf(&hdb.arena, "hostile_ro_%ld", (long)getpid());
        const rm_dburl *b = &hdb.base[kind];
        hdb_exec(url, rm_arena_sprintf(&hdb.arena,
                                       "CREATE USER IF NOT EXISTS '%s'@'%%' IDENTIFIED BY 'ro-pw'",
                                       user));
        ro_url = rm_arena_sprintf(&hdb.arena, "mysql://%s:ro-pw@%s:%u/%s", user, b->host,
                                  (unsigned)b->port, strrchr(url, '/') + 1);
    }
    rm_test_proc p;
    const char *ap[] = {"apply", "--url", ro_url, "--dir", dir, NULL};
    int st = hdb_relmig(&p, ap, 1);
    /* Dropped before any assertion can end the row (the server is shared). */
    if (user)
        hdb_exec(url, rm_arena_sprintf(&hdb.arena, "DROP USER '%s'@'%%'", user));
    assert_int_equal(st, 1);
    assert_clear_error(p.err, kind == RM_DB_POSTGRES ? "read-only transaction" : "Access denied");
    rm_test_proc_free(&p);
    /* Nothing at all: not even the history table could be created. */
    assert_false(table_exists(kind, url, "_prisma_migrations"));
    assert_false(table_exists(kind, url, "half"));
    recover(kind, url, dir);
}

/* A statement runs past the session's statement timeout: PostgreSQL statement_timeout in the
 * URL options; MariaDB max_statement_time set by the migration itself. */
static void statement_timeout(void **state)
{
    rm_db_kind kind = (rm_db_kind)(intptr_t)*state;
    hdb_require(kind);
    /* The sleep is long only when a timeout is in force (the recovery run has none). */
    const char *sql =
        kind == RM_DB_POSTGRES
            ? "CREATE TABLE half (id INTEGER);\n"
              "SELECT pg_sleep(CASE WHEN current_setting('statement_timeout') = '0' THEN 0 "
              "ELSE 5 END);\nCREATE TABLE whole (id INTEGER);\n"
            : "CREATE TABLE half (id INTEGER);\nSET SESSION max_statement_time = 0.5;\n"
              "SELECT SLEEP(IF((SELECT count(*) FROM _prisma_migrations WHERE rolled_back_at IS "
              "NOT NULL) > 0, 0, 5));\nSET SESSION max_statement_time = 0;\n"
              "CREATE TABLE whole (id INTEGER);\n";
    char *dir = hdb_migrations(MIG, sql);
    char *url = hdb_fresh(kind, "timeout");
    const char *t_url =
        kind == RM_DB_POSTGRES
            ? rm_arena_sprintf(&hdb.arena, "%s?options=-c%%20statement_timeout%%3D500", url)
            : url;
    rm_test_proc p;
    const char *ap[] = {"apply", "--url", t_url, "--dir", dir, NULL};
    assert_int_equal(hdb_relmig(&p, ap, 1), 1);
    assert_clear_error(p.err, kind == RM_DB_POSTGRES ? "statement timeout"
                                                     : "max_statement_time exceeded");
    rm_test_proc_free(&p);
    assert_not_half_recorded(kind, url);
    recover(kind, url, dir);
}

/* Another session holds a lock on the table the migration alters; the session's lock wait
 * limit (PostgreSQL lock_timeout in the URL, MariaDB lock_wait_timeout set by the migration)
 * turns the wait into an error instead of a hang. */
static void table_lock_held(void **state)
{
    rm_db_kind kind = (rm_db_kind)(intptr_t)*state;
    hdb_require(kind);
    char *url = hdb_fresh(kind, "locked");
    const char *sql = kind == RM_DB_POSTGRES
                          ? "CREATE TABLE half (id INTEGER);\nALTER TABLE busy ADD COLUMN x "
                            "INTEGER;\nCREATE TABLE whole (id INTEGER);\n"
                          : "CREATE TABLE half (id INTEGER);\nSET SESSION lock_wait_timeout = "
                            "1;\nALTER TABLE busy ADD COLUMN x INTEGER;\nCREATE TABLE whole (id "
                            "INTEGER);\n";
    /* busy comes from an earlier migration (apply refuses a non-empty database without
     * history); MIG is added after that one is applied. */
    char *dir = hdb_migrations("20231231000000_busy", "CREATE TABLE busy (id INTEGER);\n");
    rm_test_proc p;
    const char *ap[] = {"apply", "--url", url, "--dir", dir, NULL};
    assert_int_equal(hdb_relmig(&p, ap, 0), 0);
    rm_test_proc_free(&p);
    char *m = rm_arena_sprintf(&hdb.arena, "%s/" MIG, dir);
    assert_int_equal(mkdir(m, 0777), 0);
    assert_true(rm_test_write_file(rm_arena_sprintf(&hdb.arena, "%s/migration.sql", m), sql,
                                   strlen(sql)));
    const char *hash[] = {"migrate", "hash", "--dir", dir, NULL};
    assert_int_equal(hdb_relmig(&p, hash, 0), 0);
    rm_test_proc_free(&p);
    rm_conn *holder = hdb_connect(url);
    if (kind == RM_DB_POSTGRES) {
        hdb_exec_on(holder, "BEGIN");
        hdb_exec_on(holder, "LOCK TABLE busy IN ACCESS EXCLUSIVE MODE");
    } else {
        hdb_exec_on(holder, "LOCK TABLES busy WRITE");
    }
    const char *l_url =
        kind == RM_DB_POSTGRES
            ? rm_arena_sprintf(&hdb.arena, "%s?options=-c%%20lock_timeout%%3D1000", url)
            : url;
    const char *apl[] = {"apply", "--url", l_url, "--dir", dir, NULL};
    int st = hdb_relmig(&p, apl, 1);
    /* Released before any assertion can end the row: a holder left open would block the
     * cleanup's DROP DATABASE forever (seen with MariaDB's metadata lock). */
    rm_db_close(holder);
    assert_int_equal(st, 1);
    assert_clear_error(p.err, kind == RM_DB_POSTGRES ? "lock timeout" : "Lock wait timeout");
    rm_test_proc_free(&p);
    assert_not_half_recorded(kind, url);
    recover(kind, url, dir);
}

/* SQLite: a database opened read-only (?mode=ro; file permissions do not stop root). */
static void sqlite_read_only(void **state)
{
    (void)state;
    char *dir = hdb_migrations(MIG, "CREATE TABLE half (id INTEGER);\n"
                                    "CREATE TABLE whole (id INTEGER);\n");
    char *url = hdb_fresh(RM_DB_SQLITE, "ro");
    /* mode=ro opens only an existing file: make an empty database. */
    hdb_exec(url, "CREATE TABLE other (id INTEGER); DROP TABLE other");
    rm_test_proc p;
    const char *ap[] = {"apply", "--url", rm_arena_sprintf(&hdb.arena, "%s?mode=ro", url),
                        "--dir", dir, NULL};
    assert_int_equal(hdb_relmig(&p, ap, 1), 1);
    assert_clear_error(p.err, "readonly");
    rm_test_proc_free(&p);
    assert_false(table_exists(RM_DB_SQLITE, url, "half"));
    assert_false(table_exists(RM_DB_SQLITE, url, "_prisma_migrations"));
    recover(RM_DB_SQLITE, url, dir);
}

int main(void)
{
    int rc = hdb_init();
    if (rc != 0)
        return rc;
    const struct CMUnitTest tests[] = {
        HDB_ROW(connection_killed_mid_apply, RM_DB_POSTGRES, "postgresql"),
        HDB_ROW(connection_killed_mid_apply, RM_DB_MYSQL, "mysql"),
        HDB_ROW(read_only, RM_DB_POSTGRES, "postgresql"),
        HDB_ROW(read_only, RM_DB_MYSQL, "mysql"),
        HDB_ROW(statement_timeout, RM_DB_POSTGRES, "postgresql"),
        HDB_ROW(statement_timeout, RM_DB_MYSQL, "mysql"),
        HDB_ROW(table_lock_held, RM_DB_POSTGRES, "postgresql"),
        HDB_ROW(table_lock_held, RM_DB_MYSQL, "mysql"),
        HDB_ROW(sqlite_read_only, RM_DB_SQLITE, "sqlite"),
    };
    rc = cmocka_run_group_tests_name("bad_db", tests, NULL, NULL);
    hdb_finish();
    return rc;
}
