/*
 * The `_prisma_migrations` history table and the commands that use it: reading the history,
 * combining it with the folder (status), apply and resolve. Databases are reached through the
 * driver vtable of an open connection (c->drv->ops), never the rm_db_* wrappers, so that the
 * core library has no link dependency on src/db; the SQL texts below use only $n parameters
 * and fixed identifiers. Not for reading files or printing.
 *
 * Row lifecycle, as Prisma (reference/prisma.md 4.2): insert the row when a migration starts,
 * set finished_at and applied_steps_count = 1 when it succeeds, keep finished_at NULL with the
 * error in logs when it fails. Where DDL is transactional (PostgreSQL, SQLite) the row and the
 * script commit together, so an interrupted apply leaves no trace and a failed script is
 * rolled back before its failed row is written; on MySQL each statement commits on its own, so
 * the row is written first and an interruption leaves an unfinished row that blocks later
 * applies until `relmig resolve` (the state Prisma reports as failed, too).
 */
#include "migrations/migrations.h"

#include "db/db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_LOCK_TIMEOUT_MS 10000
#define HISTORY_COLUMNS                                                                            \
    "id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, "                \
    "applied_steps_count"

const char *rm_mig_state_name(rm_mig_state s)
{
    switch (s) {
    case RM_MIG_PENDING:
        return "pending";
    case RM_MIG_APPLIED:
        return "applied";
    case RM_MIG_EDITED:
        return "edited";
    case RM_MIG_FAILED:
        return "failed";
    case RM_MIG_MISSING:
        return "missing";
    }
    return "?";
}

/* ---------------------------------------------------------------------------------------- */
/* Driver calls                                                                              */

static rm_db_kind kind_of(rm_conn *c)
{
    return c->drv->kind;
}

static int db_exec(rm_conn *c, const char *sql, rm_dberr *err)
{
    rm_dberr_clear(err);
    rm_db_trace_stmt(c, sql, 0);
    return c->drv->ops.exec(c, sql, err);
}

static int db_query(rm_conn *c, const char *sql, const char *const *params, size_t n, rm_arena *a,
                    rm_rows **out, rm_dberr *err)
{
    rm_dberr_clear(err);
    rm_db_trace_stmt(c, sql, n);
    return c->drv->ops.query(c, sql, params, n, a, out, err);
}

/* Transactions and the migration lock, traced like the statements. */
static int db_begin(rm_conn *c, rm_dberr *err)
{
    rm_db_trace_stmt(c, "BEGIN", 0);
    return c->drv->ops.begin(c, err);
}

static int db_commit(rm_conn *c, rm_dberr *err)
{
    rm_db_trace_stmt(c, "COMMIT", 0);
    return c->drv->ops.commit(c, err);
}

static void db_rollback(rm_conn *c, rm_dberr *err)
{
    rm_db_trace_stmt(c, "ROLLBACK", 0);
    (void)c->drv->ops.rollback(c, err);
}

static int db_lock(rm_conn *c, int timeout_ms, rm_dberr *err)
{
    rm_db_trace_lock(c, RM_MIG_LOCK_KEY, timeout_ms);
    return c->drv->ops.lock(c, RM_MIG_LOCK_KEY, timeout_ms, err);
}

static void db_unlock(rm_conn *c, rm_dberr *err)
{
    rm_db_trace_lock(c, RM_MIG_LOCK_KEY, -1);
    (void)c->drv->ops.unlock(c, RM_MIG_LOCK_KEY, err);
}

/* SQLite: the rows `PRAGMA foreign_key_check` reports, as a script error in *err, or 0.
 * Apply runs SQLite migrations with foreign-key enforcement off (see rm_mig_apply), so this
 * check is what keeps a migration from committing rows that break a foreign key. */
static size_t sqlite_fk_violations(rm_conn *c, rm_arena *a, rm_dberr *err)
{
    rm_rows *r = NULL;
    rm_dberr qerr;
    if (db_query(c, "PRAGMA foreign_key_check", NULL, 0, a, &r, &qerr) != RM_OK) {
        *err = qerr;
        return 1;
    }
    if (r->nrows == 0)
        return 0;
    /* Columns: table, rowid, parent, fkid. */
    char msg[RM_DBERR_TEXT_MAX];
    snprintf(msg, sizeof msg,
             "the migration leaves %zu row%s violating foreign keys (first: table %s, rowid %s, "
             "referencing %s)",
             r->nrows, r->nrows == 1 ? "" : "s", r->cells[0] ? r->cells[0] : "?",
             r->ncols > 1 && r->cells[1] ? r->cells[1] : "?",
             r->ncols > 2 && r->cells[2] ? r->cells[2] : "?");
    rm_dberr_set(err, RM_DBERR_STATEMENT, NULL, 0, NULL, msg, "PRAGMA foreign_key_check");
    return r->nrows;
}

/* A database error as a diagnostic: message "<what>: <server message>", detail kept. */
static rm_diag *report(rm_diags *d, uint16_t id, const rm_dberr *err, const char *what)
{
    rm_diag *g = rm_diag_error(d, id, RM_LOC_NONE, "%s: %s", what, err->message);
    if (err->detail[0])
        rm_diag_set_detail(d, g, "%s", err->detail);
    return g;
}

/* The database's current time as an SQL expression, in the form Prisma stores it. */
static const char *now_sql(rm_conn *c)
{
    switch (kind_of(c)) {
    case RM_DB_POSTGRES:
        return "clock_timestamp()";
    case RM_DB_MYSQL:
        return "CURRENT_TIMESTAMP(3)";
    default:
        /* What Prisma 6 writes through its SQLite adapter (checked with the oracle):
         * 2026-11-22T03:38:39.509+00:00. Text in this form also sorts by time. */
        return "strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')";
    }
}

static int table_exists(bool *out, rm_conn *c, rm_arena *a, rm_dberr *err)
{
    const char *sql;
    switch (kind_of(c)) {
    case RM_DB_POSTGRES:
        sql = "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() "
              "AND table_name = '_prisma_migrations'";
        break;
    case RM_DB_MYSQL:
        sql = "SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() "
              "AND table_name = '_prisma_migrations'";
        break;
    default:
        sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'";
        break;
    }
    rm_rows *r = NULL;
    int rc = db_query(c, sql, NULL, 0, a, &r, err);
    *out = rc == RM_OK && r->nrows > 0;
    return rc;
}

/* Number of user tables (to refuse a non-empty database without history, as Prisma P3005). */
static int count_tables(long *out, rm_conn *c, rm_arena *a, rm_dberr *err)
{
    const char *sql;
    switch (kind_of(c)) {
    case RM_DB_POSTGRES:
        sql = "SELECT count(*) FROM information_schema.tables WHERE table_schema = "
              "current_schema()";
        break;
    case RM_DB_MYSQL:
        sql = "SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE()";
        break;
    default:
        sql = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
              "'sqlite\\_%' ESCAPE '\\'";
        break;
    }
    rm_rows *r = NULL;
    int rc = db_query(c, sql, NULL, 0, a, &r, err);
    *out = 0;
    if (rc == RM_OK && r->nrows > 0 && rm_rows_get(r, 0, 0))
        *out = strtol(rm_rows_get(r, 0, 0), NULL, 10);
    return rc;
}

static const char *create_table_sql(rm_conn *c)
{
    switch (kind_of(c)) {
    case RM_DB_POSTGRES:
        return "CREATE TABLE IF NOT EXISTS _prisma_migrations (\n"
               "    id                      VARCHAR(36) PRIMARY KEY NOT NULL,\n"
               "    checksum                VARCHAR(64) NOT NULL,\n"
               "    finished_at             TIMESTAMPTZ,\n"
               "    migration_name          VARCHAR(255) NOT NULL,\n"
               "    logs                    TEXT,\n"
               "    rolled_back_at          TIMESTAMPTZ,\n"
               "    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),\n"
               "    applied_steps_count     INTEGER NOT NULL DEFAULT 0\n"
               ")";
    case RM_DB_MYSQL:
        return "CREATE TABLE IF NOT EXISTS _prisma_migrations (\n"
               "    id                      VARCHAR(36) PRIMARY KEY NOT NULL,\n"
               "    checksum                VARCHAR(64) NOT NULL,\n"
               "    finished_at             DATETIME(3),\n"
               "    migration_name          VARCHAR(255) NOT NULL,\n"
               "    logs                    TEXT,\n"
               "    rolled_back_at          DATETIME(3),\n"
               "    started_at              DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),\n"
               "    applied_steps_count     INTEGER UNSIGNED NOT NULL DEFAULT 0\n"
               ") DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";
    default:
        return "CREATE TABLE IF NOT EXISTS \"_prisma_migrations\" (\n"
               "    \"id\"                    TEXT PRIMARY KEY NOT NULL,\n"
               "    \"checksum\"              TEXT NOT NULL,\n"
               "    \"finished_at\"           DATETIME,\n"
               "    \"migration_name\"        TEXT NOT NULL,\n"
               "    \"logs\"                  TEXT,\n"
               "    \"rolled_back_at\"        DATETIME,\n"
               "    \"started_at\"            DATETIME NOT NULL DEFAULT current_timestamp,\n"
               "    \"applied_steps_count\"   INTEGER UNSIGNED NOT NULL DEFAULT 0\n"
               ")";
    }
}

int rm_mig_history_read(rm_mig_history *out, rm_conn *c, rm_arena *a, rm_diags *d)
{
    memset(out, 0, sizeof *out);
    rm_dberr err;
    if (table_exists(&out->has_table, c, a, &err) != RM_OK) {
        report(d, RM_E_MIG_HISTORY, &err, "cannot look for the _prisma_migrations table");
        return RM_EDB;
    }
    if (!out->has_table)
        return RM_OK;
    rm_rows *r = NULL;
    const char *sql = kind_of(c) == RM_DB_POSTGRES
                          ? "SELECT " HISTORY_COLUMNS " FROM _prisma_migrations "
                            "ORDER BY started_at, migration_name, finished_at NULLS FIRST"
                          : "SELECT " HISTORY_COLUMNS " FROM _prisma_migrations "
                            "ORDER BY started_at, migration_name, finished_at";
    if (db_query(c, sql, NULL, 0, a, &r, &err) != RM_OK) {
        report(d, RM_E_MIG_HISTORY, &err, "cannot read _prisma_migrations");
        return RM_EDB;
    }
    out->rows = RM_NEW_ARRAY(a, rm_mig_row, r->nrows ? r->nrows : 1);
    out->n = r->nrows;
    for (size_t i = 0; i < r->nrows; i++) {
        rm_mig_row *w = &out->rows[i];
        w->id = rm_rows_get(r, i, 0);
        w->checksum = rm_rows_get(r, i, 1);
        w->finished_at = rm_rows_get(r, i, 2);
        w->migration_name = rm_rows_get(r, i, 3);
        w->logs = rm_rows_get(r, i, 4);
        w->rolled_back_at = rm_rows_get(r, i, 5);
        w->started_at = rm_rows_get(r, i, 6);
        const char *steps = rm_rows_get(r, i, 7);
        w->applied_steps_count = steps ? strtol(steps, NULL, 10) : 0;
        if (!w->migration_name)
            w->migration_name = "";
    }
    return RM_OK;
}

int rm_mig_check_provider(const rm_mig_dir *dir, rm_conn *c, rm_diags *d)
{
    if (!dir->provider)
        return RM_OK;
    const char *want = c->drv->name;
    if (strcmp(dir->provider, want) == 0)
        return RM_OK;
    rm_diag *g = rm_diag_error(d, RM_E_MIG_PROVIDER, rm_loc_make(dir->lock_file->id, 0, 0),
                               "the migrations in %s are for %s, but the database is %s", dir->path,
                               dir->provider, want);
    rm_diag_set_hint(d, g,
                     "Point --url at a %s database, or --dir at that provider's "
                     "migrations (Prisma error P3019).",
                     dir->provider);
    return RM_ECONFLICT;
}

/* ---------------------------------------------------------------------------------------- */
/* Status                                                                                    */

void rm_mig_status_compute(rm_mig_status *out, const rm_mig_dir *dir, const rm_mig_history *h,
                           rm_arena *a)
{
    memset(out, 0, sizeof *out);
    out->has_table = h->has_table;
    size_t cap = h->n + dir->n + 1, n = 0;
    rm_mig_status_item *items = RM_NEW_ARRAY(a, rm_mig_status_item, cap);
    /* Names in order of first appearance in the history. */
    for (size_t i = 0; i < h->n; i++) {
        const char *name = h->rows[i].migration_name;
        bool seen = false;
        for (size_t k = 0; k < n && !seen; k++)
            seen = strcmp(items[k].name, name) == 0;
        if (seen)
            continue;
        const rm_mig_row *applied = NULL, *failed = NULL;
        for (size_t j = i; j < h->n; j++) {
            const rm_mig_row *w = &h->rows[j];
            if (strcmp(w->migration_name, name) != 0 || w->rolled_back_at)
                continue;
            if (w->finished_at)
                applied = w;
            else
                failed = w;
        }
        const rm_mig *m = rm_mig_dir_find(dir, name);
        rm_mig_status_item it = {name, RM_MIG_PENDING, m, NULL};
        if (applied) {
            it.row = applied;
            if (!m)
                it.state = RM_MIG_MISSING;
            else if (rm_mig_checksum_matches(applied->checksum, m->sql->text, m->sql->len))
                it.state = RM_MIG_APPLIED;
            else
                it.state = RM_MIG_EDITED;
        } else if (failed) {
            it.row = failed;
            it.state = RM_MIG_FAILED;
        } else if (!m) {
            continue; /* only rolled-back rows of a migration that is gone: nothing to say */
        }
        if (it.state == RM_MIG_PENDING)
            continue; /* rolled back: listed with the pending ones below, in folder order */
        items[n++] = it;
    }
    for (size_t i = 0; i < dir->n; i++) {
        bool seen = false;
        for (size_t k = 0; k < n && !seen; k++)
            seen = strcmp(items[k].name, dir->items[i].name) == 0;
        if (!seen)
            items[n++] =
                (rm_mig_status_item){dir->items[i].name, RM_MIG_PENDING, &dir->items[i], NULL};
    }
    out->items = items;
    out->n = n;
    for (size_t i = 0; i < n; i++)
        out->count[items[i].state]++;
}

/* ---------------------------------------------------------------------------------------- */
/* Lock                                                                                      */

static int take_lock(rm_conn *c, int timeout_ms, const rm_mig_env *env, rm_diags *d)
{
    rm_dberr err;
    if (timeout_ms <= 0)
        timeout_ms = DEFAULT_LOCK_TIMEOUT_MS;
    if (kind_of(c) == RM_DB_POSTGRES) {
        /* Prisma's lock id, so relmig and `prisma migrate deploy` exclude each other; polled
         * with pg_try_advisory_lock so no session setting (lock_timeout) is left behind. */
        int64_t start = env->now_ms(env->ud);
        for (;;) {
            rm_arena a;
            rm_arena_init(&a, 0);
            rm_rows *r = NULL;
            int rc = db_query(c, "SELECT pg_try_advisory_lock(" RM_MIG_PG_LOCK_ID ")", NULL, 0, &a,
                              &r, &err);
            bool got = rc == RM_OK && r->nrows == 1 && rm_rows_get(r, 0, 0) &&
                       rm_rows_get(r, 0, 0)[0] == 't';
            rm_arena_free(&a);
            if (rc != RM_OK) {
                report(d, RM_E_MIG_HISTORY, &err, "cannot take the migration lock");
                return RM_EDB;
            }
            if (got)
                return RM_OK;
            if (env->now_ms(env->ud) - start >= timeout_ms)
                break;
            env->sleep_ms(env->ud, 50);
        }
    } else {
        int rc = db_lock(c, timeout_ms, &err);
        if (rc == RM_OK)
            return RM_OK;
        if (err.kind != RM_DBERR_LOCK_TIMEOUT) {
            report(d, RM_E_MIG_HISTORY, &err, "cannot take the migration lock");
            return RM_EDB;
        }
    }
    rm_diag *g = rm_diag_error(d, RM_E_MIG_LOCK_HELD, RM_LOC_NONE,
                               "another apply holds the lock: gave up after %d.%d s waiting for "
                               "the migration lock",
                               timeout_ms / 1000, timeout_ms % 1000 / 100);
    rm_diag_set_detail(d, g,
                       "another `relmig apply`, `relmig resolve` or `prisma migrate` is "
                       "running against this database");
    rm_diag_set_hint(d, g,
                     "Wait for it to finish and run the command again, or raise "
                     "--lock-timeout.");
    return RM_ECONFLICT;
}

bool rm_mig_connect_busy(const rm_dberr *err, rm_diags *d)
{
    if (err->kind == RM_DBERR_LOCK_TIMEOUT ||
        ((err->native & 0xff) == 5 && strstr(err->message, "SQLite"))) {
        rm_diag *g = rm_diag_error(d, RM_E_MIG_LOCK_HELD, RM_LOC_NONE,
                                   "another apply holds the lock: the SQLite database stayed "
                                   "locked by another connection");
        rm_diag_set_detail(d, g, "%s", err->message);
        rm_diag_set_hint(d, g,
                         "Wait for it to finish and run the command again, or raise "
                         "--lock-timeout.");
        return true;
    }
    return false;
}

static void release_lock(rm_conn *c)
{
    rm_dberr err;
    if (kind_of(c) == RM_DB_POSTGRES) {
        rm_arena a;
        rm_arena_init(&a, 0);
        rm_rows *r = NULL;
        (void)db_query(c, "SELECT pg_advisory_unlock(" RM_MIG_PG_LOCK_ID ")", NULL, 0, &a, &r,
                       &err);
        rm_arena_free(&a);
    } else {
        /* Errors here (connection lost) leave nothing to undo: the server drops the lock with
         * the session, and SQLite's exclusive transaction ends with the connection. */
        db_unlock(c, &err);
    }
}

/* ---------------------------------------------------------------------------------------- */
/* Apply                                                                                     */

static void new_uuid(char out[37], const rm_mig_env *env)
{
    uint8_t b[16];
    env->random(env->ud, b, sizeof b);
    b[6] = (uint8_t)((b[6] & 0x0f) | 0x40);
    b[8] = (uint8_t)((b[8] & 0x3f) | 0x80);
    snprintf(out, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0],
             b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13],
             b[14], b[15]);
}

static int insert_row(rm_conn *c, const char *id, const char *checksum, const char *name,
                      bool finished, const char *logs, long steps, rm_arena *a, rm_dberr *err)
{
    const char *now = now_sql(c);
    const char *sql = rm_arena_sprintf(
        a,
        "INSERT INTO _prisma_migrations (id, checksum, migration_name, logs, started_at, "
        "finished_at, applied_steps_count) VALUES ($1, $2, $3, $4, %s, %s, %ld)",
        now, finished ? now : "NULL", steps);
    const char *params[4] = {id, checksum, name, logs};
    rm_rows *r = NULL;
    return db_query(c, sql, params, 4, a, &r, err);
}

/* Run an UPDATE on one row: $1 is id, $2 (when logs is non-NULL) logs. */
static int update_row(rm_conn *c, const char *sql, const char *id, const char *logs, rm_arena *a,
                      rm_dberr *err)
{
    const char *params[2] = {id, logs};
    rm_rows *r = NULL;
    return db_query(c, sql, params, logs ? 2 : 1, a, &r, err);
}

static const char *finish_sql(rm_conn *c, rm_arena *a)
{
    return rm_arena_sprintf(a,
                            "UPDATE _prisma_migrations SET finished_at = %s, "
                            "applied_steps_count = 1 WHERE id = $1",
                            now_sql(c));
}

static const char *rollback_sql(rm_conn *c, rm_arena *a)
{
    return rm_arena_sprintf(a, "UPDATE _prisma_migrations SET rolled_back_at = %s WHERE id = $1",
                            now_sql(c));
}

static const char *failure_log(const rm_dberr *err, size_t stmt_no, const char *stmt, rm_arena *a)
{
    if (!stmt)
        return rm_arena_sprintf(a, "relmig: the migration script failed\n%s%s%s", err->message,
                                err->detail[0] ? "\n" : "", err->detail);
    return rm_arena_sprintf(a, "relmig: statement %zu failed\n%s%s%s\n\nStatement:\n%s", stmt_no,
                            err->message, err->detail[0] ? "\n" : "", err->detail, stmt);
}

/* How many statements go in one round trip, and run between two looks at the lock count, on
 * PostgreSQL. A statement of a generated migration takes a handful of locks (a CREATE TABLE:
 * the table, its sequence, TOAST table and index, primary key), so the budget below is
 * overshot by little. */
#define PG_LOCK_CHECK_EVERY 32

/* What apply_one needs besides the migration: the caller's options and, on PostgreSQL, how
 * many locks one transaction may take before relmig commits (0: never checked). */
typedef struct apply_ctx {
    const rm_mig_apply_opts *opts;
    long lock_budget;
    long lock_capacity; /* max_locks_per_transaction * (max_connections + prepared) */
    const char *lock_settings;
} apply_ctx;

/* PostgreSQL keeps every lock a transaction takes until it ends, in one shared table of
 * max_locks_per_transaction * (max_connections + max_prepared_transactions) slots for the
 * whole server. A migration creating ~150 tables fills the default table (64 * 100) in one
 * transaction ("out of shared memory"), and while it is full every other session on the
 * server fails the same way. relmig therefore lets one transaction take at most half of it. */
static void pg_lock_budget(apply_ctx *ax, rm_conn *c, rm_arena *a)
{
    rm_rows *r = NULL;
    rm_dberr err;
    if (db_query(c,
                 "SELECT current_setting('max_locks_per_transaction')::bigint * "
                 "(current_setting('max_connections')::bigint + "
                 "current_setting('max_prepared_transactions')::bigint), "
                 "current_setting('max_locks_per_transaction'), "
                 "current_setting('max_connections'), "
                 "current_setting('max_prepared_transactions')",
                 NULL, 0, a, &r, &err) != RM_OK ||
        r->nrows != 1 || !rm_rows_get(r, 0, 0))
        return; /* no budget: one transaction, as before; 53200 is then reported as is */
    ax->lock_capacity = strtol(rm_rows_get(r, 0, 0), NULL, 10);
    ax->lock_budget = ax->lock_capacity / 2;
    ax->lock_settings = rm_arena_sprintf(
        a, "max_locks_per_transaction=%s * (max_connections=%s + max_prepared_transactions=%s)",
        rm_rows_get(r, 0, 1), rm_rows_get(r, 0, 2), rm_rows_get(r, 0, 3));
}

/* The locks this session holds now, or -1 when they cannot be counted. */
static long pg_locks_held(rm_conn *c, rm_arena *a)
{
    rm_rows *r = NULL;
    rm_dberr err;
    if (db_query(c, "SELECT count(*) FROM pg_locks WHERE pid = pg_backend_pid()", NULL, 0, a, &r,
                 &err) != RM_OK ||
        r->nrows != 1 || !rm_rows_get(r, 0, 0))
        return -1;
    return strtol(rm_rows_get(r, 0, 0), NULL, 10);
}

static rm_mig_syntax syntax_of(rm_conn *c)
{
    switch (kind_of(c)) {
    case RM_DB_POSTGRES:
        return RM_MIG_SQL_POSTGRES;
    case RM_DB_MYSQL:
        return RM_MIG_SQL_MYSQL;
    default:
        return RM_MIG_SQL_SQLITE;
    }
}

/* Apply one migration. Returns RM_OK, RM_ERR (the script failed: reported, row recorded; or
 * refused with --atomic) or RM_EDB (the history could not be written, the connection failed).
 *
 *   MySQL       row first, then each statement on its own (DDL commits implicitly).
 *   SQLite      row and script in one transaction (a savepoint in apply's exclusive one);
 *               the script goes to sqlite3_exec whole, which knows trigger bodies.
 *   PostgreSQL  row and statements in one transaction, the statements sent one by one (as
 *               psql -f does) so the lock count can be watched; when it passes the budget
 *               the transaction is committed and the rest runs in further transactions of
 *               the same size (E0919 warning) - or, with --atomic, rolled back and refused. */
static int apply_one(rm_conn *c, const rm_mig *m, const apply_ctx *ax, const rm_mig_env *env,
                     rm_diags *d)
{
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_dberr err;
    char id[37];
    new_uuid(id, env);
    int rc = RM_OK;
    const char *fail_stmt = NULL;
    size_t fail_no = 0;
    size_t fail_off = 0;
    bool script_failed = false;
    bool unrecorded = false; /* the failure could not be written (connection lost) */
    rm_dberr script_err;
    rm_dberr_clear(&script_err);
    const char **stmts = NULL;
    size_t *offs = NULL, n = 0;
    size_t ntx = 1;        /* PostgreSQL: transactions the migration took */
    size_t committed = 0;  /* PostgreSQL: statements committed by earlier transactions */
    rm_sb sb = RM_SB_INIT; /* PostgreSQL: a batch of statements */
    long first_peak = 0;   /* PostgreSQL: the lock count that made relmig commit first */
    size_t first_at = 0;   /* ... after this many statements */
    bool row_durable = false;

    if (kind_of(c) != RM_DB_SQLITE)
        rm_mig_split_script(&stmts, &offs, &n, m->sql->text, m->sql->len, syntax_of(c), &a);

    /* MySQL commits every DDL statement implicitly; PostgreSQL refuses some statements inside
     * a transaction block (CREATE INDEX CONCURRENTLY ...): such a migration runs like a MySQL
     * one, with a warning - or, with --atomic, not at all. */
    bool autocommit = kind_of(c) == RM_DB_MYSQL;
    size_t notx = 0; /* PostgreSQL: 1 + the index of the first such statement */
    for (size_t i = 0; kind_of(c) == RM_DB_POSTGRES && i < n && !notx; i++)
        if (rm_mig_pg_outside_transaction(stmts[i]))
            notx = i + 1;
    if (notx) {
        rm_loc loc = rm_loc_make(m->sql->id, offs[notx - 1], strlen(stmts[notx - 1]));
        rm_diag *g = rm_diag_add(d, ax->opts->atomic ? RM_SEV_ERROR : RM_SEV_WARNING,
                                 RM_E_MIG_NO_TRANSACTION, loc,
                                 "migration %s %s: statement %zu cannot run inside a "
                                 "transaction block",
                                 m->name,
                                 ax->opts->atomic ? "cannot be applied atomically"
                                                  : "runs outside a transaction",
                                 notx);
        rm_diag_set_detail(d, g,
                           "its statements run one by one and each commits on its own; a "
                           "failure leaves the ones before it applied and the migration failed");
        if (ax->opts->atomic) {
            rm_diag_set_hint(d, g,
                             "Move the statement into a migration of its own, or apply without "
                             "--atomic.");
            rc = RM_ERR;
            goto done;
        }
        autocommit = true;
    }

    if (autocommit) {
        /* Record the start first, then run the statements one at a time so a failure names
         * its statement. */
        if (insert_row(c, id, m->checksum, m->name, false, NULL, 0, &a, &err) != RM_OK) {
            report(d, RM_E_MIG_HISTORY, &err, "cannot record the migration's start");
            rc = RM_EDB;
            goto done;
        }
        row_durable = true;
        for (size_t i = 0; i < n && !script_failed; i++) {
            if (db_exec(c, stmts[i], &script_err) != RM_OK) {
                script_failed = true;
                fail_stmt = stmts[i];
                fail_no = i + 1;
                fail_off = offs[i];
            }
        }
    } else {
        if (db_begin(c, &err) != RM_OK) {
            report(d, RM_E_MIG_HISTORY, &err, "cannot begin a transaction");
            rc = RM_EDB;
            goto done;
        }
        if (insert_row(c, id, m->checksum, m->name, false, NULL, 0, &a, &err) != RM_OK) {
            report(d, RM_E_MIG_HISTORY, &err, "cannot record the migration's start");
            db_rollback(c, &err);
            rc = RM_EDB;
            goto done;
        }
        bool failed = false;
        if (kind_of(c) == RM_DB_SQLITE) {
            failed = db_exec(c, m->sql->text, &script_err) != RM_OK;
            if (!failed)
                failed = sqlite_fk_violations(c, &a, &script_err) > 0;
        }
        /* PostgreSQL: the statements go in batches (one round trip each), and the lock count
         * is looked at between batches. A batch that fails takes its transaction with it; the
         * transaction's statements then run again one at a time, so that the failure names
         * its statement. */
        size_t i = 0, batch = PG_LOCK_CHECK_EVERY, tx_start = 0, since_check = 0;
        while (i < n && !failed) {
            size_t j = i + batch < n ? i + batch : n;
            const char *sql = stmts[i];
            if (j - i > 1) {
                rm_sb_reset(&sb);
                for (size_t k = i; k < j; k++) {
                    rm_sb_puts(&sb, stmts[k]);
                    rm_sb_puts(&sb, ";\n");
                }
                sql = rm_sb_str(&sb);
            }
            if (db_exec(c, sql, &script_err) != RM_OK) {
                if (j - i == 1) {
                    failed = true;
                    fail_stmt = stmts[i];
                    fail_no = i + 1;
                    fail_off = offs[i];
                    break;
                }
                /* A lost connection cannot be retried statement by statement: report the
                 * server's own reason (e.g. "terminating connection due to administrator
                 * command"), not the failed BEGIN of the retry (issue #8). */
                if (script_err.kind == RM_DBERR_CONNECTION_LOST) {
                    failed = true;
                    fail_no = i + 1;
                    break;
                }
                db_rollback(c, &err);
                if (db_begin(c, &err) != RM_OK ||
                    (!row_durable &&
                     insert_row(c, id, m->checksum, m->name, false, NULL, 0, &a, &err) != RM_OK)) {
                    report(d, RM_E_MIG_HISTORY, &err, "cannot begin the migration again");
                    db_rollback(c, &err);
                    rc = RM_EDB;
                    goto done;
                }
                i = tx_start;
                batch = 1;
                since_check = 0;
                continue;
            }
            since_check += j - i;
            i = j;
            if (ax->lock_budget <= 0 || since_check < PG_LOCK_CHECK_EVERY || i == n)
                continue;
            since_check = 0;
            long held = pg_locks_held(c, &a);
            if (held <= ax->lock_budget)
                continue;
            if (ax->opts->atomic) {
                db_rollback(c, &err);
                rm_diag *g = rm_diag_error(
                    d, RM_E_MIG_TOO_BIG, rm_loc_make(m->sql->id, offs[i - 1], strlen(stmts[i - 1])),
                    "migration %s needs more locks than one transaction may take here "
                    "(%ld locks after %zu of %zu statements; the server has %ld for everyone); "
                    "rolled back",
                    m->name, held, i, n, ax->lock_capacity);
                rm_diag_set_detail(d, g, "%s", ax->lock_settings);
                rm_diag_set_hint(d, g,
                                 "Raise max_locks_per_transaction (a server restart), split the "
                                 "migration, or apply without --atomic (relmig then commits it "
                                 "in several transactions).");
                rc = RM_ERR;
                goto done;
            }
            /* Commit what ran (with the unfinished row: an interruption from here on leaves
             * a failed migration, as on MySQL) and go on in a new transaction. */
            if (db_commit(c, &err) != RM_OK || db_begin(c, &err) != RM_OK) {
                report(d, RM_E_MIG_HISTORY, &err, "cannot commit part of the migration");
                db_rollback(c, &err);
                rc = RM_EDB;
                goto done;
            }
            if (!row_durable) {
                first_peak = held;
                first_at = i;
            }
            row_durable = true;
            committed = i;
            tx_start = i;
            ntx++;
        }
        if (failed) {
            script_failed = true;
            db_rollback(c, &err);
            /* The last transaction is gone; unless an earlier one committed the row, the
             * failed row is written now (outside it) and keeps later applies from running
             * until someone looks, as Prisma does. */
            if (!row_durable) {
                const char *logs = failure_log(&script_err, fail_no, fail_stmt, &a);
                if (insert_row(c, id, m->checksum, m->name, false, logs, 0, &a, &err) != RM_OK) {
                    report(d, RM_E_MIG_HISTORY, &err, "cannot record the failure");
                    unrecorded = true;
                }
            }
        } else if (update_row(c, finish_sql(c, &a), id, NULL, &a, &err) != RM_OK ||
                   db_commit(c, &err) != RM_OK) {
            report(d, RM_E_MIG_HISTORY, &err, "cannot commit the migration");
            db_rollback(c, &err);
            rc = RM_EDB;
            goto done;
        }
    }
    if (row_durable) {
        if (script_failed) {
            const char *logs = failure_log(&script_err, fail_no, fail_stmt, &a);
            if (update_row(c, "UPDATE _prisma_migrations SET logs = $2 WHERE id = $1", id, logs, &a,
                           &err) != RM_OK)
                report(d, RM_E_MIG_HISTORY, &err, "cannot record the failure");
        } else if (autocommit &&
                   update_row(c, finish_sql(c, &a), id, NULL, &a, &err) != RM_OK) {
            report(d, RM_E_MIG_HISTORY, &err, "cannot record the migration as finished");
            rc = RM_EDB;
            goto done;
        }
    }
    if (ntx > 1) {
        rm_diag *g = rm_diag_warning(
            d, RM_E_MIG_TOO_BIG, RM_LOC_NONE,
            "migration %s was %s in %zu transactions, not one: it needs more locks than one "
            "transaction may take here (%ld locks after %zu of %zu statements; the server has "
            "%ld for everyone)",
            m->name, script_failed ? "run" : "applied", ntx, first_peak, first_at, n,
            ax->lock_capacity);
        rm_diag_set_detail(d, g,
                           "%s; relmig lets one transaction take at most half, so that other "
                           "sessions on the server keep working",
                           ax->lock_settings);
        rm_diag_set_hint(d, g,
                         "To apply such a migration atomically raise max_locks_per_transaction "
                         "(a server restart); `relmig apply --atomic` refuses instead of "
                         "splitting.");
    }
    if (script_failed) {
        rm_loc loc = fail_stmt ? rm_loc_make(m->sql->id, fail_off, strlen(fail_stmt))
                               : rm_loc_make(m->sql->id, 0, 0);
        rm_diag *g = rm_diag_error(d, RM_E_MIG_APPLY_FAILED, loc, "migration %s failed: %s",
                                   m->name, script_err.message);
        if (script_err.detail[0])
            rm_diag_set_detail(d, g, "%s", script_err.detail);
        if (autocommit)
            rm_diag_set_hint(d, g,
                             "%s: statements before number %zu stay applied. Fix the database "
                             "by hand, then run `relmig resolve --applied %s` (if you completed "
                             "it) or `--rolled-back %s` (if you undid it).",
                             kind_of(c) == RM_DB_MYSQL
                                 ? "MySQL commits each DDL statement"
                                 : "The migration ran outside a transaction",
                             fail_no, m->name, m->name);
        else if (row_durable)
            rm_diag_set_hint(d, g,
                             "Statements 1 to %zu were committed (the migration did not fit one "
                             "transaction) and stay applied; the rest was rolled back. Fix the "
                             "database by hand, then run `relmig resolve --applied %s` or "
                             "`--rolled-back %s`.",
                             committed, m->name, m->name);
        else if (unrecorded)
            /* Nothing is in the history (e.g. the server dropped the connection): the
             * migration is still pending, and resolve would find no failed row (issue #8). */
            rm_diag_set_hint(d, g,
                             "The migration was rolled back and nothing was recorded: it is "
                             "still pending. Run `relmig apply` again when the server is "
                             "reachable.");
        else
            rm_diag_set_hint(d, g,
                             "The migration was rolled back. Fix it, then run `relmig resolve "
                             "--rolled-back %s` and apply again.",
                             m->name);
        rc = RM_ERR;
    }
done:
    rm_sb_free(&sb);
    rm_arena_free(&a);
    return rc;
}

static bool refuse_on_history(const rm_mig_status *st, const rm_mig_dir *dir, rm_diags *d)
{
    bool refuse = false;
    (void)dir;
    for (size_t i = 0; i < st->n; i++) {
        const rm_mig_status_item *it = &st->items[i];
        if (it->state == RM_MIG_FAILED) {
            rm_diag *g = rm_diag_error(
                d, RM_E_MIG_FAILED_PRESENT, RM_LOC_NONE,
                "migration %s started at %s failed; new migrations will not be applied", it->name,
                it->row->started_at ? it->row->started_at : "?");
            if (it->row->logs)
                rm_diag_set_detail(d, g, "%s", it->row->logs);
            rm_diag_set_hint(d, g,
                             "Repair the database, then run `relmig resolve --rolled-back %s` "
                             "(it is undone) or `relmig resolve --applied %s` (you completed "
                             "it by hand).",
                             it->name, it->name);
            refuse = true;
        } else if (it->state == RM_MIG_EDITED) {
            rm_diag *g = rm_diag_error(d, RM_E_MIG_EDITED, rm_loc_make(it->mig->sql->id, 0, 0),
                                       "migration %s was edited after it was applied", it->name);
            rm_diag_set_detail(d, g, "the database recorded checksum %s; the file has %s",
                               it->row->checksum, it->mig->checksum);
            rm_diag_set_hint(d, g,
                             "Restore the applied text (see version control) and put "
                             "the change in a new migration.");
            refuse = true;
        } else if (it->state == RM_MIG_MISSING) {
            rm_diag *g = rm_diag_warning(d, RM_E_MIG_MISSING_LOCAL, RM_LOC_NONE,
                                         "migration %s is applied to the database but absent "
                                         "from %s",
                                         it->name, dir->path);
            rm_diag_set_hint(d, g,
                             "Is this folder from an older branch? Pull the migration "
                             "before applying.");
        }
    }
    return refuse;
}

int rm_mig_apply(rm_mig_apply_result *out, rm_conn *c, const rm_mig_dir *dir,
                 const rm_mig_apply_opts *opts, const rm_mig_env *env, rm_diags *d)
{
    memset(out, 0, sizeof *out);
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_dberr err;
    int rc = RM_OK;
    bool locked = false;
    rm_mig_history h;
    rm_mig_status st;
    apply_ctx ax = {opts, 0, 0, ""};

    /* SQLite redefines tables (create new, copy, drop old, rename) where it cannot ALTER. With
     * foreign keys enforced, dropping the old table cascades ON DELETE actions into its
     * children and loses their rows, and `PRAGMA foreign_keys=OFF` in the script is ignored
     * inside a transaction - and apply's lock already is one (BEGIN EXCLUSIVE). So the pragma
     * is set here, before the lock, for the whole apply; each migration is then checked with
     * PRAGMA foreign_key_check before it commits (apply_one), and enforcement is restored
     * after the lock is released. */
    bool sqlite_fk_off = false;
    if (!opts->dry_run && kind_of(c) == RM_DB_SQLITE) {
        if (db_exec(c, "PRAGMA foreign_keys=OFF", &err) != RM_OK) {
            report(d, RM_E_MIG_HISTORY, &err, "cannot switch off foreign-key enforcement");
            rc = RM_EDB;
            goto done;
        }
        sqlite_fk_off = true;
    }
    if (!opts->dry_run) {
        rc = take_lock(c, opts->lock_timeout_ms, env, d);
        if (rc != RM_OK)
            goto done;
        locked = true;
    }
    rc = rm_mig_history_read(&h, c, &a, d);
    if (rc != RM_OK)
        goto done;
    if (!h.has_table) {
        long ntables = 0;
        if (count_tables(&ntables, c, &a, &err) != RM_OK) {
            report(d, RM_E_MIG_HISTORY, &err, "cannot list the database's tables");
            rc = RM_EDB;
            goto done;
        }
        if (ntables > 0 && dir->n > 0) {
            rm_diag *g = rm_diag_error(d, RM_E_MIG_NOT_MANAGED, RM_LOC_NONE,
                                       "the database is not empty (%ld tables) and has no "
                                       "_prisma_migrations table",
                                       ntables);
            rm_diag_set_hint(d, g,
                             "Baseline it: make sure %s/%s reproduces the current schema, then "
                             "run `relmig resolve --applied %s`.",
                             dir->path, dir->items[0].name, dir->items[0].name);
            rc = RM_ECONFLICT;
            goto done;
        }
        if (!opts->dry_run && db_exec(c, create_table_sql(c), &err) != RM_OK) {
            report(d, RM_E_MIG_HISTORY, &err, "cannot create _prisma_migrations");
            rc = RM_EDB;
            goto done;
        }
    }
    rm_mig_status_compute(&st, dir, &h, &a);
    if (refuse_on_history(&st, dir, d)) {
        rc = RM_ECONFLICT;
        goto done;
    }
    if (!opts->dry_run && kind_of(c) == RM_DB_POSTGRES && st.count[RM_MIG_PENDING] > 0)
        pg_lock_budget(&ax, c, &a);
    for (size_t i = 0; i < st.n; i++) {
        const rm_mig_status_item *it = &st.items[i];
        if (it->state != RM_MIG_PENDING)
            continue;
        out->pending++;
        if (opts->dry_run) {
            char line[512];
            snprintf(line, sizeof line, "would apply %s (%zu bytes)", it->name, it->mig->sql->len);
            env->progress(env->ud, line);
            continue;
        }
        int64_t t0 = env->now_ms(env->ud);
        rc = apply_one(c, it->mig, &ax, env, d);
        int64_t ms = env->now_ms(env->ud) - t0;
        char line[512];
        snprintf(line, sizeof line, "%s %s (%lld ms)", rc == RM_OK ? "applied" : "FAILED ",
                 it->name, (long long)ms);
        env->progress(env->ud, line);
        if (rc != RM_OK) {
            out->failed = rm_arena_strdup(dir->arena, it->name);
            break;
        }
        out->applied++;
    }
done:
    if (locked)
        release_lock(c);
    if (sqlite_fk_off)
        (void)db_exec(c, "PRAGMA foreign_keys=ON", &err);
    rm_arena_free(&a);
    return rc;
}

/* ---------------------------------------------------------------------------------------- */
/* Resolve                                                                                   */

int rm_mig_resolve(rm_conn *c, const rm_mig_dir *dir, rm_mig_resolve_kind kind, const char *name,
                   int lock_timeout_ms, const rm_mig_env *env, rm_diags *d)
{
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_dberr err;
    rm_mig_history h;
    rm_mig_status st;
    const rm_mig_status_item *it = NULL;
    rm_mig_state state = RM_MIG_PENDING;
    char id[37];
    const rm_mig *m = rm_mig_dir_find(dir, name);
    int rc = take_lock(c, lock_timeout_ms, env, d);
    if (rc != RM_OK) {
        rm_arena_free(&a);
        return rc;
    }
    if (!m) {
        rm_diag_error(d, RM_E_MIG_UNKNOWN, RM_LOC_NONE, "migration %s is not in %s", name,
                      dir->path);
        rc = RM_ENOTFOUND;
        goto done;
    }
    rc = rm_mig_history_read(&h, c, &a, d);
    if (rc != RM_OK)
        goto done;
    if (!h.has_table) {
        if (kind == RM_MIG_RESOLVE_ROLLED_BACK) {
            rm_diag_error(d, RM_E_MIG_RESOLVE_STATE, RM_LOC_NONE,
                          "Migration `%s` cannot be rolled back because it is not in a failed "
                          "state.",
                          name);
            rc = RM_ECONFLICT;
            goto done;
        }
        if (db_exec(c, create_table_sql(c), &err) != RM_OK) {
            report(d, RM_E_MIG_HISTORY, &err, "cannot create _prisma_migrations");
            rc = RM_EDB;
            goto done;
        }
    }
    rm_mig_status_compute(&st, dir, &h, &a);
    for (size_t i = 0; i < st.n; i++)
        if (strcmp(st.items[i].name, name) == 0)
            it = &st.items[i];
    if (it)
        state = it->state;
    if (kind == RM_MIG_RESOLVE_ROLLED_BACK) {
        if (state != RM_MIG_FAILED) {
            rm_diag_error(d, RM_E_MIG_RESOLVE_STATE, RM_LOC_NONE,
                          "Migration `%s` cannot be rolled back because it is not in a failed "
                          "state.",
                          name);
            rc = RM_ECONFLICT;
            goto done;
        }
        if (update_row(c, rollback_sql(c, &a), it->row->id, NULL, &a, &err) != RM_OK) {
            report(d, RM_E_MIG_HISTORY, &err, "cannot mark the migration rolled back");
            rc = RM_EDB;
        }
        goto done;
    }
    if (state == RM_MIG_APPLIED || state == RM_MIG_EDITED) {
        rm_diag_error(d, RM_E_MIG_RESOLVE_STATE, RM_LOC_NONE,
                      "Migration `%s` is already recorded as applied in the database.", name);
        rc = RM_ECONFLICT;
        goto done;
    }
    if (state == RM_MIG_FAILED &&
        update_row(c, rollback_sql(c, &a), it->row->id, NULL, &a, &err) != RM_OK) {
        report(d, RM_E_MIG_HISTORY, &err, "cannot mark the failed row rolled back");
        rc = RM_EDB;
        goto done;
    }
    new_uuid(id, env);
    /* applied_steps_count 0: nothing was run by the tool, as Prisma records it. */
    if (insert_row(c, id, m->checksum, name, true, NULL, 0, &a, &err) != RM_OK) {
        report(d, RM_E_MIG_HISTORY, &err, "cannot record the migration as applied");
        rc = RM_EDB;
    }
done:
    release_lock(c);
    rm_arena_free(&a);
    return rc;
}
