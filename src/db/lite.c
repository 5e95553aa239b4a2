/*
 * The SQLite driver: the only file that includes sqlite3.h. Implements rm_driver_ops over the
 * sqlite3 C API for sqlite:/file: URLs (a path, or ":memory:").
 *
 * Not for SQL text generation (src/dialects/sqlite.c) or introspection (introspect_lite.c;
 * the direct read of the schema table it uses is at the end of this file, see db/lite.h).
 *
 * Locking: SQLite has no advisory locks, so lock() is BEGIN EXCLUSIVE with a busy timeout: the
 * whole database file is locked against other connections until unlock() commits. While it is
 * held, begin/commit/rollback become SAVEPOINT / RELEASE / ROLLBACK TO, because SQLite
 * transactions do not nest. SQLite has no SQLSTATE; errors carry "HY000" (the generic ODBC
 * state) and the extended result code as the native code.
 */
#include "db/lite.h"

#include "db/db.h"
#include "db/lite_btree.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

extern const rm_driver rm_driver_sqlite;

typedef enum lite_tx {
    LITE_TX_NONE,
    LITE_TX_BEGIN,      /* a plain BEGIN ... COMMIT */
    LITE_TX_SAVEPOINT   /* begin() while the lock's exclusive transaction is open */
} lite_tx;

typedef struct lite_conn {
    rm_conn base;
    sqlite3 *db;
    int busy_ms;        /* default busy timeout, restored after lock() */
    int lock_depth;     /* nested lock() calls; the exclusive transaction is open while > 0 */
    lite_tx tx;
} lite_conn;

static int lite_fail(lite_conn *lc, rm_dberr *err, rm_dberr_kind kind, const char *prefix)
{
    char msg[RM_DBERR_TEXT_MAX];
    const char *m = lc->db ? sqlite3_errmsg(lc->db) : "out of memory";
    long code = lc->db ? sqlite3_extended_errcode(lc->db) : SQLITE_NOMEM;
    if (prefix)
        snprintf(msg, sizeof msg, "%s: %s", prefix, m);
    else
        snprintf(msg, sizeof msg, "%s", m);
    return rm_dberr_set(err, kind, "HY000", code, NULL, msg, NULL);
}

static void lite_close(rm_conn *c)
{
    lite_conn *lc = (lite_conn *)c;
    if (lc->db)
        sqlite3_close_v2(lc->db);
    rm_conn_base_free(&lc->base);
    free(lc);
}

static int lite_connect(rm_conn **out, const rm_dburl *url, const rm_db_opts *opts,
                        rm_dberr *err)
{
    *out = NULL;
    const char *path = url->path;
    if (!path || !path[0])
        return rm_dberr_set(err, RM_DBERR_URL, NULL, 0, NULL, "the SQLite URL has no path",
                            NULL);
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    const char *mode = rm_dburl_param_get(url, "mode");
    if (mode && strcmp(mode, "ro") == 0)
        flags = SQLITE_OPEN_READONLY;
    else if (mode && strcmp(mode, "rw") == 0)
        flags = SQLITE_OPEN_READWRITE;
    int timeout_s = opts->connect_timeout_s > 0 ? opts->connect_timeout_s : 10;
    const char *ct = rm_dburl_param_get(url, "connect_timeout");
    if (ct && atoi(ct) > 0)
        timeout_s = atoi(ct);

    lite_conn *lc = rm_xcalloc(1, sizeof *lc);
    rm_conn_base_init(&lc->base, &rm_driver_sqlite, url, opts);
    lc->busy_ms = timeout_s * 1000;

    char prefix[RM_DBERR_TEXT_MAX];
    snprintf(prefix, sizeof prefix, "cannot open SQLite database \"%s\"", path);
    int rc = sqlite3_open_v2(path, &lc->db, flags, NULL);
    if (rc != SQLITE_OK) {
        rm_dberr_kind kind = (rc & 0xff) == SQLITE_CANTOPEN ? RM_DBERR_UNKNOWN_DATABASE
                                                            : RM_DBERR_CONNECT;
        lite_fail(lc, err, kind, prefix);
        lite_close(&lc->base);
        return RM_EDB;
    }
    sqlite3_extended_result_codes(lc->db, 1);
    sqlite3_busy_timeout(lc->db, lc->busy_ms);
    /* Opening is lazy: a file that is not a database only fails on first use. Read the
     * header now so "not a database" is a connection error (PRAGMA schema_version reads the
     * header only: a statement on sqlite_master would make SQLite load the whole schema, 448
     * ms at 5,999 tables, which introspection does not need; bench/introspect.md), and turn
     * on foreign keys the way Prisma does for every SQLite connection. */
    rc = sqlite3_exec(lc->db, "PRAGMA schema_version; PRAGMA foreign_keys = ON", NULL, NULL,
                      NULL);
    if (rc != SQLITE_OK) {
        lite_fail(lc, err, RM_DBERR_CONNECT, prefix);
        lite_close(&lc->base);
        return RM_EDB;
    }
    *out = &lc->base;
    return RM_OK;
}

static int lite_exec_kind(lite_conn *lc, const char *sql, rm_dberr *err, rm_dberr_kind kind)
{
    char *msg = NULL;
    int rc = sqlite3_exec(lc->db, sql, NULL, NULL, &msg);
    if (rc == SQLITE_OK)
        return RM_OK;
    /* sqlite3_exec's message and sqlite3_errmsg agree; use the returned one, it is exact. */
    rm_dberr_set(err, kind, "HY000", sqlite3_extended_errcode(lc->db), NULL,
                 msg ? msg : sqlite3_errstr(rc), NULL);
    sqlite3_free(msg);
    return RM_EDB;
}

static int lite_exec(rm_conn *c, const char *sql, rm_dberr *err)
{
    return lite_exec_kind((lite_conn *)c, sql, err, RM_DBERR_STATEMENT);
}

/* Which parameter a placeholder refers to: "?" by position, "?N" and "$N" by number. Named
 * parameters (:x, @x, $x) are not part of the interface. Returns 0 when not understood. */
static size_t lite_param_number(const char *name, int position)
{
    if (!name)
        return (size_t)position;
    if ((name[0] != '$' && name[0] != '?') || !name[1])
        return 0;
    size_t n = 0;
    for (const char *p = name + 1; *p; p++) {
        if (*p < '0' || *p > '9' || n > 65535)
            return 0;
        n = n * 10 + (size_t)(*p - '0');
    }
    return n;
}

static bool lite_only_space(const char *s)
{
    for (; *s; s++) {
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r' && *s != ';')
            return false;
    }
    return true;
}

static int lite_query(rm_conn *c, const char *sql, const char *const *params, size_t nparams,
                      rm_arena *a, rm_rows **out, rm_dberr *err)
{
    lite_conn *lc = (lite_conn *)c;
    sqlite3_stmt *st = NULL;
    const char *tail = NULL;
    rm_rows *rows = NULL;
    size_t ncells = 0, cap_cells = 0, cap_lens = 0, nlens = 0;
    int nbind;
    int ret = RM_EDB;
    int rc = sqlite3_prepare_v2(lc->db, sql, -1, &st, &tail);
    if (rc != SQLITE_OK) {
        lite_fail(lc, err, RM_DBERR_STATEMENT, NULL);
        goto done;
    }
    if (!st) {
        rm_dberr_set(err, RM_DBERR_MISUSE, NULL, 0, NULL, "the query is empty", NULL);
        goto done;
    }
    if (tail && !lite_only_space(tail)) {
        rm_dberr_set(err, RM_DBERR_MISUSE, NULL, 0, NULL,
                     "a query must be one statement (use exec for scripts)", NULL);
        goto done;
    }
    nbind = sqlite3_bind_parameter_count(st);
    for (int p = 1; p <= nbind; p++) {
        const char *name = sqlite3_bind_parameter_name(st, p);
        size_t k = lite_param_number(name, p);
        if (k == 0 || k > nparams) {
            char msg[128];
            snprintf(msg, sizeof msg, "placeholder %s has no parameter (%zu given)",
                     name ? name : "?", nparams);
            rm_dberr_set(err, RM_DBERR_MISUSE, NULL, 0, NULL, msg, NULL);
            goto done;
        }
        rc = params[k - 1] ? sqlite3_bind_text(st, p, params[k - 1], -1, SQLITE_TRANSIENT)
                           : sqlite3_bind_null(st, p);
        if (rc != SQLITE_OK) {
            lite_fail(lc, err, RM_DBERR_STATEMENT, NULL);
            goto done;
        }
    }

    rows = RM_NEW(a, rm_rows);
    rows->ncols = (size_t)sqlite3_column_count(st);
    rows->names = RM_NEW_ARRAY(a, const char *, rows->ncols ? rows->ncols : 1);
    for (size_t i = 0; i < rows->ncols; i++) {
        const char *nm = sqlite3_column_name(st, (int)i);
        rows->names[i] = rm_arena_strdup(a, nm ? nm : "");
    }
    for (;;) {
        rc = sqlite3_step(st);
        if (rc == SQLITE_DONE)
            break;
        if (rc != SQLITE_ROW) {
            lite_fail(lc, err, RM_DBERR_STATEMENT, NULL);
            goto done;
        }
        for (size_t i = 0; i < rows->ncols; i++) {
            const char *cell = NULL;
            size_t len = 0;
            if (sqlite3_column_type(st, (int)i) != SQLITE_NULL) {
                const unsigned char *t = sqlite3_column_text(st, (int)i);
                len = (size_t)sqlite3_column_bytes(st, (int)i);
                cell = t ? rm_arena_strndup(a, (const char *)t, len) : rm_arena_strdup(a, "");
            }
            RM_VEC_PUSH(a, rows->cells, ncells, cap_cells, cell);
            RM_VEC_PUSH(a, rows->lens, nlens, cap_lens, len);
        }
        rows->nrows++;
    }
    if (rows->ncols == 0)
        rows->affected = (uint64_t)sqlite3_changes(lc->db);
    *out = rows;
    ret = RM_OK;
done:
    sqlite3_finalize(st);
    return ret;
}

static int lite_begin(rm_conn *c, rm_dberr *err)
{
    lite_conn *lc = (lite_conn *)c;
    if (lc->tx != LITE_TX_NONE)
        return rm_dberr_set(err, RM_DBERR_MISUSE, NULL, 0, NULL,
                            "a transaction is already open", NULL);
    bool savepoint = lc->lock_depth > 0;
    int rc = lite_exec_kind(lc, savepoint ? "SAVEPOINT relmig_tx" : "BEGIN", err,
                            RM_DBERR_STATEMENT);
    if (rc == RM_OK)
        lc->tx = savepoint ? LITE_TX_SAVEPOINT : LITE_TX_BEGIN;
    return rc;
}

static int lite_commit(rm_conn *c, rm_dberr *err)
{
    lite_conn *lc = (lite_conn *)c;
    if (lc->tx == LITE_TX_NONE)
        return rm_dberr_set(err, RM_DBERR_MISUSE, NULL, 0, NULL, "no transaction is open",
                            NULL);
    int rc = lite_exec_kind(lc, lc->tx == LITE_TX_SAVEPOINT ? "RELEASE relmig_tx" : "COMMIT",
                            err, RM_DBERR_STATEMENT);
    if (rc == RM_OK)
        lc->tx = LITE_TX_NONE;
    return rc;
}

static int lite_rollback(rm_conn *c, rm_dberr *err)
{
    lite_conn *lc = (lite_conn *)c;
    if (lc->tx == LITE_TX_NONE)
        return rm_dberr_set(err, RM_DBERR_MISUSE, NULL, 0, NULL, "no transaction is open",
                            NULL);
    int rc = lite_exec_kind(lc,
                            lc->tx == LITE_TX_SAVEPOINT
                                ? "ROLLBACK TO relmig_tx; RELEASE relmig_tx"
                                : "ROLLBACK",
                            err, RM_DBERR_STATEMENT);
    lc->tx = LITE_TX_NONE;
    return rc;
}

static int lite_lock(rm_conn *c, const char *key, int timeout_ms, rm_dberr *err)
{
    lite_conn *lc = (lite_conn *)c;
    if (lc->lock_depth > 0) {
        /* The file lock covers every key; nested locks only count. */
        lc->lock_depth++;
        return RM_OK;
    }
    if (lc->tx != LITE_TX_NONE || !sqlite3_get_autocommit(lc->db))
        return rm_dberr_set(err, RM_DBERR_MISUSE, NULL, 0, NULL,
                            "cannot take the SQLite lock inside a transaction", NULL);
    sqlite3_busy_timeout(lc->db, timeout_ms);
    char *msg = NULL;
    int rc = sqlite3_exec(lc->db, "BEGIN EXCLUSIVE", NULL, NULL, &msg);
    sqlite3_busy_timeout(lc->db, lc->busy_ms);
    if (rc == SQLITE_OK) {
        lc->lock_depth = 1;
        return RM_OK;
    }
    char text[RM_DBERR_TEXT_MAX];
    int ret;
    if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) {
        snprintf(text, sizeof text,
                 "timed out after %d ms waiting for lock \"%s\" (the SQLite database is "
                 "locked by another connection)",
                 timeout_ms, key);
        ret = rm_dberr_set(err, RM_DBERR_LOCK_TIMEOUT, "HY000", rc, NULL, text,
                           msg ? msg : "");
    } else {
        snprintf(text, sizeof text, "cannot take lock \"%s\": %s", key,
                 msg ? msg : sqlite3_errstr(rc));
        ret = rm_dberr_set(err, RM_DBERR_STATEMENT, "HY000", rc, NULL, text, NULL);
    }
    sqlite3_free(msg);
    return ret;
}

static int lite_unlock(rm_conn *c, const char *key, rm_dberr *err)
{
    lite_conn *lc = (lite_conn *)c;
    if (lc->lock_depth == 0)
        return rm_dberr_set(err, RM_DBERR_MISUSE, NULL, 0, NULL,
                            "unlock without a matching lock", NULL);
    if (--lc->lock_depth > 0)
        return RM_OK;
    if (lc->tx == LITE_TX_SAVEPOINT) {
        /* An unfinished inner transaction: keep nothing of it. */
        lite_exec_kind(lc, "ROLLBACK TO relmig_tx; RELEASE relmig_tx", err, RM_DBERR_STATEMENT);
        lc->tx = LITE_TX_NONE;
    }
    if (sqlite3_get_autocommit(lc->db))
        return RM_OK; /* the exclusive transaction was ended by a statement (e.g. COMMIT) */
    return lite_exec_kind(lc, "COMMIT", err, RM_DBERR_STATEMENT);
}

static const char *lite_server_version(rm_conn *c)
{
    (void)c;
    return sqlite3_libversion();
}

static const char *const lite_schemes[] = {"sqlite", "file", NULL};

const rm_driver rm_driver_sqlite = {
    .name = "sqlite",
    .kind = RM_DB_SQLITE,
    .schemes = lite_schemes,
    .dialect = "sqlite",
    .ops =
        {
            .connect = lite_connect,
            .close = lite_close,
            .exec = lite_exec,
            .query = lite_query,
            .begin = lite_begin,
            .commit = lite_commit,
            .rollback = lite_rollback,
            .lock = lite_lock,
            .unlock = lite_unlock,
            .server_version = lite_server_version,
        },
    .shutdown = NULL,
};

/* ---- introspection's direct read of the schema table (db/lite.h) ------------------------- */

bool rm_lite_autocommit(rm_conn *c)
{
    return rm_db_driver(c) == &rm_driver_sqlite && sqlite3_get_autocommit(((lite_conn *)c)->db);
}

/* Pages are read through SQLite's own open file (its VFS's xRead), never a descriptor of our
 * own: closing a second descriptor of the database file would drop every POSIX advisory lock
 * the process holds on it, SQLite's SHARED lock included (the "POSIX advisory locks canceled
 * by a separate close()" case of SQLite's how-to-corrupt page). */
typedef struct lite_file {
    sqlite3_file *file;
    uint32_t page_size;
} lite_file;

static bool lite_file_page(void *ctx, uint32_t pgno, uint8_t *buf)
{
    const lite_file *f = ctx;
    sqlite3_int64 at = (sqlite3_int64)(pgno - 1) * f->page_size;
    return f->file->pMethods->xRead(f->file, buf, (int)f->page_size, at) == SQLITE_OK;
}

int rm_lite_schema_from_file(rm_conn *c, long cookie, rm_arena *a, rm_rows **out,
                             const char **why)
{
    *out = NULL;
    if (rm_db_driver(c) != &rm_driver_sqlite)
        return (*why = "not a SQLite connection", RM_EUNSUPPORTED);
    sqlite3 *db = ((lite_conn *)c)->db;
    const char *path = sqlite3_db_filename(db, "main");
    if (!path || !path[0])
        return (*why = "not a database file", RM_EUNSUPPORTED);
    /* The SHARED lock: held from the transaction's first read until it ends. */
    bool reading = !sqlite3_get_autocommit(db);
#if SQLITE_VERSION_NUMBER >= 3034000
    reading = reading && sqlite3_txn_state(db, "main") != SQLITE_TXN_NONE;
#endif
    if (!reading)
        return (*why = "no read transaction", RM_EUNSUPPORTED);
    lite_file f = {NULL, 0};
    sqlite3_int64 size = 0;
    if (sqlite3_file_control(db, "main", SQLITE_FCNTL_FILE_POINTER, &f.file) != SQLITE_OK ||
        !f.file || !f.file->pMethods || f.file->pMethods->xFileSize(f.file, &size) != SQLITE_OK)
        return (*why = "no file under the database", RM_EUNSUPPORTED);
    if (size == 0) {
        /* SQLite writes nothing until the first table: an empty file is an empty database. */
        *out = rm_lite_schema_empty(a);
        return RM_OK;
    }
    uint8_t head[100];
    rm_lite_header h;
    if (size < (sqlite3_int64)sizeof head ||
        f.file->pMethods->xRead(f.file, head, (int)sizeof head, 0) != SQLITE_OK)
        return (*why = "file shorter than its header", RM_EUNSUPPORTED);
    if (rm_lite_header_read(&h, head, why) != RM_OK)
        return RM_EUNSUPPORTED;
    if ((long)h.schema_cookie != cookie)
        return (*why = "schema cookie differs from SQLite's", RM_EUNSUPPORTED);
    if (size < (sqlite3_int64)h.page_size)
        return (*why = "file shorter than a page", RM_EUNSUPPORTED);
    f.page_size = h.page_size;
    sqlite3_int64 pages = size / h.page_size;
    return rm_lite_schema_rows(out, &h, pages > UINT32_MAX ? UINT32_MAX : (uint32_t)pages,
                               lite_file_page, &f, a, why);
}
