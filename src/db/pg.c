/*
 * The PostgreSQL driver: the only file that includes libpq-fe.h. Implements rm_driver_ops
 * over libpq for postgresql:// and postgres:// URLs.
 *
 * Not for SQL text generation (src/dialects/postgres.c) or introspection's SQL
 * (introspect_pg.c); rm_pg_read_catalog below only sends that SQL, pipelined.
 *
 * Connecting uses PQconnectdbParams keyword arrays with expand_dbname = 0, never a conninfo
 * string: a password or database name containing spaces, quotes or "host=" cannot change what
 * is connected to, and there is no conninfo text with a password in it to leak. libpq's
 * connection messages are reduced to one line (the server's own FATAL text where there is one)
 * and scrubbed of the password before they reach an rm_dberr.
 *
 * The advisory lock is pg_try_advisory_lock on a 64-bit FNV-1a hash of the key, polled every
 * 50 ms until the timeout: unlike pg_advisory_lock + lock_timeout it leaves no session setting
 * behind and works the same inside and outside transactions.
 */
#include "db/db.h"
#include "db/client_lib.h"
#include "db/introspect_pg.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>

extern const rm_driver rm_driver_postgres;

/* libpq's functions, reached through pointers filled on the first connect (client_lib.h). */
#define PG_FUNCS(X) \
    X(PQclear) \
    X(PQcmdStatus) \
    X(PQcmdTuples) \
    X(PQconnectdbParams) \
    X(PQerrorMessage) \
    X(PQescapeIdentifier) \
    X(PQescapeLiteral) \
    X(PQexec) \
    X(PQexecParams) \
    X(PQfinish) \
    X(PQfname) \
    X(PQfreemem) \
    X(PQgetisnull) \
    X(PQgetlength) \
    X(PQgetResult) \
    X(PQgetvalue) \
    X(PQnfields) \
    X(PQntuples) \
    X(PQparameterStatus) \
    X(PQresultErrorField) \
    X(PQresultStatus) \
    X(PQsendQueryParams) \
    X(PQsetNoticeProcessor) \
    X(PQstatus) \
    X(PQtransactionStatus)

/* libpq 14's pipeline mode, loaded when the library has it (rm_pg_read_catalog falls back to
 * one query at a time without it). */
#define PG_PIPELINE_FUNCS(X) \
    X(PQenterPipelineMode) \
    X(PQexitPipelineMode) \
    X(PQpipelineSync)

#define PG_MEMBER(name) __typeof__(&name) name;
static struct {
    PG_FUNCS(PG_MEMBER)
    PG_PIPELINE_FUNCS(PG_MEMBER)
    bool pipeline; /* the PG_PIPELINE_FUNCS are there */
} pq;
#undef PG_MEMBER

/* Load libpq once; false (err filled) when it is missing or lacks a function. */
static bool pg_load(rm_dberr *err)
{
    static bool loaded;
    if (loaded)
        return true;
    static const char *const sonames[] = {"libpq.so.5", "libpq.so", NULL};
    const char *what = "the PostgreSQL client library";
    void *h = rm_client_lib_open(sonames, what, "libpq5", err);
    if (!h)
        return false;
#define PG_LOAD(name)                                                                          \
    if (!rm_client_lib_sym(h, RM_CLIENT_STR(name), &pq.name, what, err))                       \
        return false;
    PG_FUNCS(PG_LOAD)
#undef PG_LOAD
    rm_dberr ignored;
    rm_dberr_clear(&ignored);
    pq.pipeline = true;
#define PG_LOAD_OPTIONAL(name)                                                                 \
    pq.pipeline = pq.pipeline && rm_client_lib_sym(h, RM_CLIENT_STR(name), &pq.name, what, &ignored);
    PG_PIPELINE_FUNCS(PG_LOAD_OPTIONAL)
#undef PG_LOAD_OPTIONAL
    loaded = true;
    return true;
}

typedef struct pg_conn {
    rm_conn base;
    PGconn *pg;
    char version[64];
} pg_conn;

static const char *pg_secret(const pg_conn *pc)
{
    return pc->base.url.password;
}

/* Notices ("table does not exist, skipping") are not errors; libpq's default processor
 * prints them to stderr, which would interleave with relmig's own output. */
static void pg_notice_ignore(void *arg, const char *message)
{
    (void)arg;
    (void)message;
}

static bool pg_contains(const char *hay, const char *needle)
{
    return hay && strstr(hay, needle) != NULL;
}

/* Classify and reduce a libpq connection failure. libpq's text looks like
 *   connection to server at "127.0.0.1", port 5432 failed: FATAL:  password authentication
 *   failed for user "x"\n
 * or, for a refused connection, the same prefix + "Connection refused\n\tIs the server running
 * on that host and accepting TCP/IP connections?\n". The message becomes the part after
 * "failed: " without the severity; the rest of the lines become the detail. */
static int pg_connect_error(pg_conn *pc, rm_dberr *err)
{
    const char *full = pq.PQerrorMessage(pc->pg);
    char buf[RM_DBERR_TEXT_MAX * 2];
    snprintf(buf, sizeof buf, "%s", full ? full : "");

    rm_dberr_kind kind = RM_DBERR_CONNECT;
    if (pg_contains(buf, "password authentication failed") ||
        pg_contains(buf, "no password supplied") ||
        pg_contains(buf, "authentication failed for user") ||
        pg_contains(buf, "no pg_hba.conf entry") || pg_contains(buf, "role \"") ||
        pg_contains(buf, "permission denied for database"))
        kind = RM_DBERR_AUTH;
    if (pg_contains(buf, "database \"") && pg_contains(buf, "does not exist"))
        kind = RM_DBERR_UNKNOWN_DATABASE;
    if (pg_contains(buf, "role \"") && pg_contains(buf, "does not exist"))
        kind = RM_DBERR_AUTH;
    if (pg_contains(buf, "Connection refused") || pg_contains(buf, "could not connect") ||
        pg_contains(buf, "timeout expired") || pg_contains(buf, "could not translate host") ||
        pg_contains(buf, "No such file or directory") ||
        pg_contains(buf, "Network is unreachable") || pg_contains(buf, "No route to host") ||
        pg_contains(buf, "Name or service not known"))
        kind = RM_DBERR_UNREACHABLE;

    /* Primary: the first line, from after the last "failed: " (libpq may try several
     * addresses and report each), without "FATAL:  ". Detail: the following lines. */
    char *nl = strchr(buf, '\n');
    const char *rest = "";
    if (nl) {
        *nl = '\0';
        rest = nl + 1;
    }
    const char *primary = buf;
    const char *f = strstr(buf, "failed: ");
    while (f) {
        primary = f + strlen("failed: ");
        f = strstr(primary, "failed: ");
        /* Keep "password authentication failed for ..." intact: only a "failed: " followed by
         * more text counts as a prefix, and the server's messages never contain "failed: ". */
    }
    static const char *const sev[] = {"FATAL:  ", "ERROR:  "};
    for (size_t i = 0; i < RM_ARRAY_LEN(sev); i++) {
        if (strncmp(primary, sev[i], strlen(sev[i])) == 0)
            primary += strlen(sev[i]);
    }
    if (!primary[0])
        primary = "connection failed";
    return rm_dberr_set(err, kind, NULL, 0, pg_secret(pc), primary, rest);
}

static const char *pg_param_or(const rm_dburl *u, const char *key, const char *dflt)
{
    const char *v = rm_dburl_param_get(u, key);
    return v ? v : dflt;
}

static void pg_close(rm_conn *c)
{
    pg_conn *pc = (pg_conn *)c;
    if (pc->pg)
        pq.PQfinish(pc->pg);
    rm_conn_base_free(&pc->base);
    free(pc);
}

/* Fill err from a failed result (copying everything before the caller pq.PQclear()s it). */
static int pg_result_error(pg_conn *pc, PGresult *res, rm_dberr *err)
{
    const char *state = res ? pq.PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
    const char *primary = res ? pq.PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
    const char *detail = res ? pq.PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL) : NULL;
    const char *hint = res ? pq.PQresultErrorField(res, PG_DIAG_MESSAGE_HINT) : NULL;
    char det[RM_DBERR_TEXT_MAX * 2] = "";
    if (detail && hint)
        snprintf(det, sizeof det, "%s %s", detail, hint);
    else if (detail || hint)
        snprintf(det, sizeof det, "%s", detail ? detail : hint);
    rm_dberr_kind kind = RM_DBERR_STATEMENT;
    if (pq.PQstatus(pc->pg) == CONNECTION_BAD)
        kind = RM_DBERR_CONNECTION_LOST;
    if (primary)
        return rm_dberr_set(err, kind, state, 0, pg_secret(pc), primary, det);
    /* No server error fields (the connection broke): libpq's own text, several lines
     * ("FATAL:  terminating connection ...\nserver closed the connection unexpectedly\n...").
     * First line without the severity = message, the rest = detail. */
    char buf[RM_DBERR_TEXT_MAX * 2];
    snprintf(buf, sizeof buf, "%s", pq.PQerrorMessage(pc->pg));
    char *line = buf;
    static const char *const sev[] = {"FATAL:  ", "ERROR:  "};
    for (size_t i = 0; i < RM_ARRAY_LEN(sev); i++) {
        if (strncmp(line, sev[i], strlen(sev[i])) == 0)
            line += strlen(sev[i]);
    }
    char *nl = strchr(line, '\n');
    const char *rest = "";
    if (nl) {
        *nl = '\0';
        rest = nl + 1;
    }
    return rm_dberr_set(err, kind, state, 0, pg_secret(pc), line, rest);
}

static int pg_connect(rm_conn **out, const rm_dburl *url, const rm_db_opts *opts,
                      rm_dberr *err)
{
    *out = NULL;
    if (!pg_load(err))
        return RM_EDB;
    pg_conn *pc = rm_xcalloc(1, sizeof *pc);
    rm_conn_base_init(&pc->base, &rm_driver_postgres, url, opts);
    const rm_dburl *u = &pc->base.url;

    char port[8] = "";
    char timeout[16];
    if (u->port)
        snprintf(port, sizeof port, "%u", (unsigned)u->port);
    int t = opts->connect_timeout_s > 0 ? opts->connect_timeout_s : 10;
    snprintf(timeout, sizeof timeout, "%d", t);

    const char *keys[24];
    const char *vals[24];
    size_t n = 0;
#define PG_KV(k, v)                                                                            \
    do {                                                                                       \
        if ((v) != NULL) {                                                                     \
            keys[n] = (k);                                                                     \
            vals[n] = (v);                                                                     \
            n++;                                                                               \
        }                                                                                      \
    } while (0)
    /* The socket directory (?host=/run/postgresql) is libpq's "host" too. */
    PG_KV("host", u->socket ? u->socket : u->host);
    PG_KV("port", port[0] ? port : NULL);
    PG_KV("dbname", u->database);
    PG_KV("user", u->user);
    PG_KV("password", u->password);
    PG_KV("connect_timeout", pg_param_or(u, "connect_timeout", timeout));
    PG_KV("application_name", pg_param_or(u, "application_name", "relmig"));
    PG_KV("client_encoding", "UTF8");
    /* TLS and session options libpq understands, passed through as given. */
    static const char *const passthrough[] = {
        "sslmode", "sslrootcert", "sslcert", "sslkey", "sslpassword", "sslcrl",
        "target_session_attrs", "options", "gssencmode", "channel_binding", "hostaddr",
    };
    for (size_t i = 0; i < RM_ARRAY_LEN(passthrough); i++)
        PG_KV(passthrough[i], rm_dburl_param_get(u, passthrough[i]));
#undef PG_KV
    keys[n] = NULL;
    vals[n] = NULL;

    pc->pg = pq.PQconnectdbParams(keys, vals, 0);
    if (!pc->pg) {
        rm_dberr_set(err, RM_DBERR_CONNECT, NULL, 0, NULL, "libpq could not allocate a connection",
                     NULL);
        pg_close(&pc->base);
        return RM_EDB;
    }
    if (pq.PQstatus(pc->pg) != CONNECTION_OK) {
        pg_connect_error(pc, err);
        pg_close(&pc->base);
        return RM_EDB;
    }
    pq.PQsetNoticeProcessor(pc->pg, pg_notice_ignore, NULL);

    const char *sv = pq.PQparameterStatus(pc->pg, "server_version");
    snprintf(pc->version, sizeof pc->version, "%s", sv ? sv : "");

    /* Prisma's ?schema= selects the schema every unqualified name resolves in. */
    const char *schema = rm_dburl_param_get(u, "schema");
    if (schema && schema[0]) {
        char *ident = pq.PQescapeIdentifier(pc->pg, schema, strlen(schema));
        if (!ident) {
            rm_dberr_set(err, RM_DBERR_CONNECT, NULL, 0, pg_secret(pc),
                         pq.PQerrorMessage(pc->pg), NULL);
            pg_close(&pc->base);
            return RM_EDB;
        }
        char sql[600];
        snprintf(sql, sizeof sql, "SET search_path TO %s", ident);
        pq.PQfreemem(ident);
        PGresult *res = pq.PQexec(pc->pg, sql);
        if (pq.PQresultStatus(res) != PGRES_COMMAND_OK) {
            pg_result_error(pc, res, err);
            pq.PQclear(res);
            pg_close(&pc->base);
            return RM_EDB;
        }
        pq.PQclear(res);
    }
    *out = &pc->base;
    return RM_OK;
}

static bool pg_ok(ExecStatusType st)
{
    return st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY;
}

static int pg_exec(rm_conn *c, const char *sql, rm_dberr *err)
{
    pg_conn *pc = (pg_conn *)c;
    /* PQexec runs a multi-statement script in one implicit transaction (the simple query
     * protocol) and stops at the first error. */
    PGresult *res = pq.PQexec(pc->pg, sql);
    int ret = RM_OK;
    if (!res || !pg_ok(pq.PQresultStatus(res)))
        ret = pg_result_error(pc, res, err);
    pq.PQclear(res);
    return ret;
}

/* The rows of a successful result, copied into a: every cell's text in one block (one arena
 * allocation per result instead of one per cell). */
static rm_rows *pg_rows_of(PGresult *res, rm_arena *a)
{
    rm_rows *rows = RM_NEW(a, rm_rows);
    rows->ncols = (size_t)pq.PQnfields(res);
    rows->nrows = (size_t)pq.PQntuples(res);
    rows->names = RM_NEW_ARRAY(a, const char *, rows->ncols ? rows->ncols : 1);
    for (size_t i = 0; i < rows->ncols; i++)
        rows->names[i] = rm_arena_strdup(a, pq.PQfname(res, (int)i));
    size_t ncells = rows->nrows * rows->ncols, total = 0;
    rows->cells = RM_NEW_ARRAY(a, const char *, ncells ? ncells : 1);
    rows->lens = RM_NEW_ARRAY(a, size_t, ncells ? ncells : 1);
    /* First each cell's text inside res (NULL for SQL NULL) and length, then the copies. */
    for (size_t r = 0, k = 0; r < rows->nrows; r++) {
        for (size_t col = 0; col < rows->ncols; col++, k++) {
            if (pq.PQgetisnull(res, (int)r, (int)col))
                continue;
            rows->lens[k] = (size_t)pq.PQgetlength(res, (int)r, (int)col);
            rows->cells[k] = pq.PQgetvalue(res, (int)r, (int)col);
            total += rows->lens[k] + 1;
        }
    }
    char *text = rm_arena_alloc(a, total ? total : 1);
    for (size_t k = 0; k < ncells; k++) {
        if (!rows->cells[k])
            continue;
        memcpy(text, rows->cells[k], rows->lens[k]);
        text[rows->lens[k]] = '\0';
        rows->cells[k] = text;
        text += rows->lens[k] + 1;
    }
    const char *tuples = pq.PQcmdTuples(res);
    if (rows->ncols == 0 && tuples && tuples[0])
        rows->affected = strtoull(tuples, NULL, 10);
    return rows;
}

static int pg_query(rm_conn *c, const char *sql, const char *const *params, size_t nparams,
                    rm_arena *a, rm_rows **out, rm_dberr *err)
{
    pg_conn *pc = (pg_conn *)c;
    PGresult *res = pq.PQexecParams(pc->pg, sql, (int)nparams, NULL, params, NULL, NULL, 0);
    int ret = RM_EDB;
    if (!res || !pg_ok(pq.PQresultStatus(res))) {
        pg_result_error(pc, res, err);
        goto done;
    }
    *out = pg_rows_of(res, a);
    ret = RM_OK;
done:
    pq.PQclear(res);
    return ret;
}

static int pg_simple(pg_conn *pc, const char *sql, rm_dberr *err)
{
    return pg_exec(&pc->base, sql, err);
}

static int pg_begin(rm_conn *c, rm_dberr *err)
{
    return pg_simple((pg_conn *)c, "BEGIN", err);
}

static int pg_commit(rm_conn *c, rm_dberr *err)
{
    pg_conn *pc = (pg_conn *)c;
    PGresult *res = pq.PQexec(pc->pg, "COMMIT");
    int ret = RM_OK;
    if (!res || !pg_ok(pq.PQresultStatus(res))) {
        ret = pg_result_error(pc, res, err);
    } else if (strcmp(pq.PQcmdStatus(res), "ROLLBACK") == 0) {
        /* COMMIT of a transaction in which a statement failed succeeds as a ROLLBACK: it is
         * a failure for the caller, who asked for the changes to be kept. */
        ret = rm_dberr_set(err, RM_DBERR_STATEMENT, "25P02", 0, NULL,
                           "the transaction was rolled back because a statement in it failed",
                           NULL);
    }
    pq.PQclear(res);
    return ret;
}

static int pg_rollback(rm_conn *c, rm_dberr *err)
{
    return pg_simple((pg_conn *)c, "ROLLBACK", err);
}

/* One-row, one-column query on the lock id; *value gets the cell (NULL for SQL NULL). */
static int pg_lock_query(pg_conn *pc, const char *sql, int64_t id, rm_arena *a,
                         const char **value, rm_dberr *err)
{
    char idtext[32];
    snprintf(idtext, sizeof idtext, "%lld", (long long)id);
    const char *params[1] = {idtext};
    rm_rows *rows = NULL;
    *value = NULL;
    int rc = pg_query(&pc->base, sql, params, 1, a, &rows, err);
    if (rc == RM_OK && rows->nrows == 1 && rows->ncols == 1)
        *value = rm_rows_get(rows, 0, 0);
    return rc;
}

static int pg_lock(rm_conn *c, const char *key, int timeout_ms, rm_dberr *err)
{
    pg_conn *pc = (pg_conn *)c;
    int64_t id = rm_db_lock_hash(key);
    int64_t deadline = rm_db_now_ms() + timeout_ms;
    rm_arena a;
    const char *holder = NULL;
    rm_dberr ignored;
    char msg[RM_DBERR_TEXT_MAX];
    char detail[128] = "";
    int ret = RM_EDB;
    rm_arena_init(&a, 1024);
    for (;;) {
        const char *got = NULL;
        if (pg_lock_query(pc, "SELECT pg_try_advisory_lock($1::bigint)", id, &a, &got, err) !=
            RM_OK)
            goto done;
        if (got && strcmp(got, "t") == 0) {
            ret = RM_OK;
            goto done;
        }
        int64_t now = rm_db_now_ms();
        if (now >= deadline)
            break;
        rm_db_sleep_ms(deadline - now < 50 ? (int)(deadline - now) : 50);
    }
    /* Timed out: say who holds it, best effort (the holder may have just released it). The
     * bigint key is stored as classid (high 32 bits) and objid (low 32 bits). */
    pg_lock_query(pc,
                  "SELECT pid::text FROM pg_locks WHERE locktype = 'advisory' AND granted AND "
                  "objsubid = 1 AND ((classid::bigint << 32) | objid::bigint) = $1::bigint "
                  "LIMIT 1",
                  id, &a, &holder, &ignored);
    snprintf(msg, sizeof msg, "timed out after %d ms waiting for lock \"%s\"", timeout_ms, key);
    if (holder)
        snprintf(detail, sizeof detail, "advisory lock %lld is held by backend pid %s",
                 (long long)id, holder);
    else
        snprintf(detail, sizeof detail, "advisory lock %lld is held by another session",
                 (long long)id);
    rm_dberr_set(err, RM_DBERR_LOCK_TIMEOUT, "55P03", 0, NULL, msg, detail);
done:
    rm_arena_free(&a);
    return ret;
}

static int pg_unlock(rm_conn *c, const char *key, rm_dberr *err)
{
    pg_conn *pc = (pg_conn *)c;
    rm_arena a;
    const char *got = NULL;
    rm_arena_init(&a, 512);
    int ret = pg_lock_query(pc, "SELECT pg_advisory_unlock($1::bigint)", rm_db_lock_hash(key),
                            &a, &got, err);
    if (ret == RM_OK && !(got && strcmp(got, "t") == 0)) {
        char msg[RM_DBERR_TEXT_MAX];
        snprintf(msg, sizeof msg, "lock \"%s\" is not held by this connection", key);
        ret = rm_dberr_set(err, RM_DBERR_MISUSE, NULL, 0, NULL, msg, NULL);
    }
    rm_arena_free(&a);
    return ret;
}

static const char *pg_server_version(rm_conn *c)
{
    return ((pg_conn *)c)->version;
}

/* ---- catalog reads for introspection (rm_pg_read_catalog, db/introspect_pg.h) ------------ */

/* The statements around the catalog queries when the connection is not inside a transaction:
 * one REPEATABLE READ snapshot for all of them, and no JIT compilation (the catalog queries'
 * cost estimates cross jit_above_cost at a few thousand tables, and compiling their
 * expressions cost more server CPU than running them: the last query 33 -> 9 ms at 5,999
 * tables). SET LOCAL ends with the transaction, so the session is left as it was. */
static const char PG_CATALOG_BEGIN[] = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
static const char PG_CATALOG_NO_JIT[] = "SET LOCAL jit = off";
static const char PG_CATALOG_END[] = "COMMIT";

static void pg_trace(const pg_conn *pc, const char *sql, size_t nparams)
{
    if (!pc->base.trace)
        return;
    if (nparams)
        fprintf(pc->base.trace, "-- relmig[postgresql] (%zu parameters)\n%s;\n", nparams, sql);
    else
        fprintf(pc->base.trace, "-- relmig[postgresql]\n%s;\n", sql);
    fflush(pc->base.trace);
}

/* One query at a time through the traced wrappers: libpq without pipeline mode, or asked. */
static int pg_read_serial(pg_conn *pc, const rm_pg_query *qs, size_t n, bool own, rm_pg_rows_fn fn,
                          void *ctx, rm_arena *a, rm_dberr *err)
{
    rm_conn *c = &pc->base;
    if (own && (rm_db_exec(c, PG_CATALOG_BEGIN, err) != RM_OK ||
                rm_db_exec(c, PG_CATALOG_NO_JIT, err) != RM_OK))
        goto fail;
    for (size_t i = 0; i < n; i++) {
        rm_rows *rows = NULL;
        if (rm_db_query(c, qs[i].sql, qs[i].params, qs[i].nparams, a, &rows, err) != RM_OK)
            goto fail;
        fn(ctx, i, rows);
    }
    if (own && rm_db_exec(c, PG_CATALOG_END, err) != RM_OK)
        goto fail;
    return RM_OK;
fail:
    if (own && pq.PQtransactionStatus(pc->pg) != PQTRANS_IDLE) {
        rm_dberr ignored;
        rm_dberr_clear(&ignored);
        pg_exec(c, "ROLLBACK", &ignored);
    }
    return RM_EDB;
}

/* ---- pipelines: statements sent at once, results read one by one ------------------------ */

typedef struct pg_pipe {
    pg_conn *pc;
    pg_conn *trace; /* whose trace stream the statements are written to */
    size_t nsent, nread;
    bool broken; /* sending failed or the connection broke: nothing more to read */
} pg_pipe;

static bool pipe_begin(pg_pipe *p, pg_conn *pc, pg_conn *trace)
{
    *p = (pg_pipe){pc, trace, 0, 0, false};
    return pq.PQenterPipelineMode(pc->pg) == 1;
}

static void pipe_send(pg_pipe *p, const char *sql, const char *const *params, size_t nparams)
{
    if (p->broken)
        return;
    pg_trace(p->trace, sql, nparams);
    if (pq.PQsendQueryParams(p->pc->pg, sql, (int)nparams, NULL, params, NULL, NULL, 0) != 1)
        p->broken = true;
    else
        p->nsent++;
}

static void pipe_sync(pg_pipe *p)
{
    if (!p->broken && pq.PQpipelineSync(p->pc->pg) != 1)
        p->broken = true;
}

/* The next statement's result (the caller PQclears it), or NULL when the pipeline broke. */
static PGresult *pipe_next(pg_pipe *p)
{
    if (p->broken || p->nread >= p->nsent)
        return NULL;
    PGresult *res = pq.PQgetResult(p->pc->pg);
    if (!res) {
        p->broken = true;
        return NULL;
    }
    p->nread++;
    PGresult *end = pq.PQgetResult(p->pc->pg); /* the NULL after each statement's result */
    if (end)
        pq.PQclear(end);
    return res;
}

/* Read what is left up to the sync point and leave pipeline mode. */
static void pipe_end(pg_pipe *p)
{
    for (PGresult *res; (res = pipe_next(p)) != NULL;)
        pq.PQclear(res);
    for (PGresult *res = p->broken ? NULL : pq.PQgetResult(p->pc->pg); res;
         res = pq.PQgetResult(p->pc->pg)) {
        bool sync = pq.PQresultStatus(res) == PGRES_PIPELINE_SYNC;
        pq.PQclear(res);
        if (sync)
            break;
    }
    pq.PQexitPipelineMode(p->pc->pg);
}

/* Read the next result as statement that must succeed; on failure (the first one) fill err.
 * Returns the result (caller clears) or NULL. */
static PGresult *pipe_expect(pg_pipe *p, int *ret, rm_dberr *err)
{
    PGresult *res = pipe_next(p);
    if (res && pg_ok(pq.PQresultStatus(res)))
        return res;
    if (*ret == RM_OK)
        *ret = pg_result_error(p->pc, res && pq.PQresultStatus(res) != PGRES_PIPELINE_ABORTED
                                          ? res
                                          : NULL,
                               err);
    if (res)
        pq.PQclear(res);
    return NULL;
}

/* Read n query results of p, handing each to fn as query first + i. */
static void pipe_read_queries(pg_pipe *p, size_t first, size_t n, rm_pg_rows_fn fn, void *ctx,
                              rm_arena *a, int *ret, rm_dberr *err)
{
    for (size_t i = 0; i < n; i++) {
        PGresult *res = pipe_expect(p, ret, err);
        if (res && *ret == RM_OK)
            fn(ctx, first + i, pg_rows_of(res, a));
        if (res)
            pq.PQclear(res);
    }
}

/* ---- the helper connection ---------------------------------------------------------------- */

/* A second connection to the same URL, opened in a thread while the first one's queries run
 * on the server: connecting costs relmig ~20 ms of CPU (SCRAM's 4,096 HMAC rounds), which the
 * thread spends on the other core. */
typedef struct pg_helper {
    const rm_dburl *url;
    rm_conn *conn; /* NULL: could not connect (the queries then run on the first one) */
    rm_dberr err;  /* why not, for the trace */
} pg_helper;

static int pg_helper_connect(void *arg)
{
    pg_helper *h = arg;
    rm_dberr_clear(&h->err);
    rm_db_opts opts = {2, NULL};
    if (pg_connect(&h->conn, h->url, &opts, &h->err) != RM_OK)
        h->conn = NULL;
    return 0;
}

/* The trace says when the second connection was not used, and why: a server at its
 * connection limit, or one slow to accept, is a reason to read on one connection, not an
 * error, and without this line the two cases look the same in a trace. */
static void pg_trace_no_helper(const pg_conn *pc, const pg_helper *h, const char *why)
{
    if (!pc->base.trace)
        return;
    char note[RM_DBERR_TEXT_MAX + 96];
    snprintf(note, sizeof note, "second connection not used (%s%s%s)", why,
             h->err.message[0] ? ": " : "", h->err.message);
    rm_db_trace_note(&pc->base, note);
}

/* Everything sent at once (pipeline mode), then the results read in order, each handed to fn
 * as it arrives, so relmig converts one result while the server runs the next query. With own
 * (no transaction of the caller's) and helper_from < n, the queries from helper_from on run
 * on a second connection at the same time, in the first one's snapshot (pg_export_snapshot /
 * SET TRANSACTION SNAPSHOT): the server's two cores work on both halves. */
static int pg_read_pipelined(pg_conn *pc, const rm_pg_query *qs, size_t n, size_t helper_from,
                             bool own, rm_pg_rows_fn fn, void *ctx, rm_arena *a, rm_dberr *err)
{
    pg_pipe p;
    if (!pipe_begin(&p, pc, pc))
        return pg_read_serial(pc, qs, n, own, fn, ctx, a, err);
    bool split = own && helper_from > 0 && helper_from < n;
    pg_helper helper = {.url = &pc->base.url};
    rm_dberr_clear(&helper.err);
    thrd_t thread;
    bool started = split && thrd_create(&thread, pg_helper_connect, &helper) == thrd_success;
    size_t nmain = started ? helper_from : n;
    if (own) {
        pipe_send(&p, PG_CATALOG_BEGIN, NULL, 0);
        pipe_send(&p, PG_CATALOG_NO_JIT, NULL, 0);
    }
    if (started)
        pipe_send(&p, "SELECT pg_export_snapshot()", NULL, 0);
    for (size_t i = 0; i < nmain; i++)
        pipe_send(&p, qs[i].sql, qs[i].params, qs[i].nparams);
    pipe_sync(&p);
    int ret = p.broken ? pg_result_error(pc, NULL, err) : RM_OK;
    char snapshot[128] = "";
    for (size_t i = 0; own && i < 2; i++) {
        PGresult *res = pipe_expect(&p, &ret, err);
        if (res)
            pq.PQclear(res);
    }
    if (started) {
        PGresult *res = pipe_expect(&p, &ret, err);
        if (res && pq.PQntuples(res) == 1 && !pq.PQgetisnull(res, 0, 0))
            snprintf(snapshot, sizeof snapshot, "%s", pq.PQgetvalue(res, 0, 0));
        if (res)
            pq.PQclear(res);
        thrd_join(thread, NULL);
    }
    /* The helper's half: its own transaction in the exported snapshot. */
    pg_conn *hc = (pg_conn *)helper.conn;
    pg_pipe hp;
    bool helper_runs = hc && snapshot[0] && ret == RM_OK && pipe_begin(&hp, hc, pc);
    if (helper_runs) {
        char *escaped = pq.PQescapeLiteral(hc->pg, snapshot, strlen(snapshot));
        char set[256] = "";
        if (escaped)
            snprintf(set, sizeof set, "SET TRANSACTION SNAPSHOT %s", escaped);
        pq.PQfreemem(escaped);
        pipe_send(&hp, PG_CATALOG_BEGIN, NULL, 0);
        pipe_send(&hp, set[0] ? set : "SELECT 1/0", NULL, 0);
        pipe_send(&hp, PG_CATALOG_NO_JIT, NULL, 0);
        for (size_t i = helper_from; i < n; i++)
            pipe_send(&hp, qs[i].sql, qs[i].params, qs[i].nparams);
        pipe_send(&hp, PG_CATALOG_END, NULL, 0);
        pipe_sync(&hp);
    }
    pipe_read_queries(&p, 0, nmain, fn, ctx, a, &ret, err);
    pipe_end(&p);
    if (helper_runs) {
        /* Until the snapshot is imported, a failure of the helper is not the catalog's: its
         * queries then run on the first connection instead. */
        int hret = RM_OK;
        rm_dberr herr;
        rm_dberr_clear(&herr);
        for (size_t i = 0; i < 3; i++) {
            PGresult *res = pipe_expect(&hp, &hret, &herr);
            if (res)
                pq.PQclear(res);
        }
        helper_runs = hret == RM_OK;
        if (!helper_runs)
            helper.err = herr;
        if (helper_runs) {
            pipe_read_queries(&hp, helper_from, n - helper_from, fn, ctx, a, &ret, err);
            PGresult *res = pipe_expect(&hp, &ret, err);
            if (res)
                pq.PQclear(res);
        }
        pipe_end(&hp);
    }
    if (hc)
        pg_close(&hc->base);
    if (started && !helper_runs && ret == RM_OK) {
        pg_trace_no_helper(pc, &helper, !hc ? "cannot connect" : !snapshot[0] ? "no snapshot"
                                                                             : "snapshot not imported");
        pg_pipe rest;
        if (pipe_begin(&rest, pc, pc)) {
            for (size_t i = helper_from; i < n; i++)
                pipe_send(&rest, qs[i].sql, qs[i].params, qs[i].nparams);
            pipe_sync(&rest);
            if (rest.broken)
                ret = pg_result_error(pc, NULL, err);
            pipe_read_queries(&rest, helper_from, n - helper_from, fn, ctx, a, &ret, err);
            pipe_end(&rest);
        } else {
            ret = pg_result_error(pc, NULL, err);
        }
    }
    if (own && ret == RM_OK) {
        pg_trace(pc, PG_CATALOG_END, 0);
        ret = pg_exec(&pc->base, PG_CATALOG_END, err);
    }
    if (ret != RM_OK && own && pq.PQstatus(pc->pg) == CONNECTION_OK &&
        pq.PQtransactionStatus(pc->pg) != PQTRANS_IDLE) {
        rm_dberr ignored;
        rm_dberr_clear(&ignored);
        pg_exec(&pc->base, "ROLLBACK", &ignored);
    }
    return ret;
}

int rm_pg_read_catalog(rm_conn *c, const rm_pg_query *qs, size_t n, size_t helper_from,
                       bool pipeline, rm_pg_rows_fn fn, void *ctx, rm_arena *a, rm_dberr *err)
{
    if (rm_db_driver(c) != &rm_driver_postgres)
        return rm_dberr_set(err, RM_DBERR_MISUSE, NULL, 0, NULL,
                            "rm_pg_read_catalog needs a PostgreSQL connection", NULL);
    pg_conn *pc = (pg_conn *)c;
    /* Inside the caller's transaction the queries run as they are, in its snapshot. */
    bool own = pq.PQtransactionStatus(pc->pg) == PQTRANS_IDLE;
    if (pipeline && pq.pipeline)
        return pg_read_pipelined(pc, qs, n, helper_from, own, fn, ctx, a, err);
    return pg_read_serial(pc, qs, n, own, fn, ctx, a, err);
}

static const char *const pg_schemes[] = {"postgresql", "postgres", NULL};

const rm_driver rm_driver_postgres = {
    .name = "postgresql",
    .kind = RM_DB_POSTGRES,
    .schemes = pg_schemes,
    .dialect = "postgres",
    .ops =
        {
            .connect = pg_connect,
            .close = pg_close,
            .exec = pg_exec,
            .query = pg_query,
            .begin = pg_begin,
            .commit = pg_commit,
            .rollback = pg_rollback,
            .lock = pg_lock,
            .unlock = pg_unlock,
            .server_version = pg_server_version,
        },
    .shutdown = NULL,
};
