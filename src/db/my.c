/*
 * The MySQL / MariaDB driver: the only file that includes mysql.h. Implements rm_driver_ops
 * over libmariadb (coded to the subset libmysqlclient shares) for mysql:// and mariadb:// URLs.
 *
 * Not for SQL text generation (src/dialects/mysql.c) or introspection (later).
 *
 * Scripts run with CLIENT_MULTI_STATEMENTS and every result is drained, so an error in the
 * third statement of a script is reported, not silently dropped. Queries with parameters are
 * prepared statements: $n placeholders are rewritten to "?" (rm_db_params_to_qmarks) and every
 * value is bound as a string, every result column fetched as a string of its real length.
 * A host in the URL means TCP, even "localhost" (libmysql would silently use the default Unix
 * socket for "localhost"); ?socket= selects a socket. Note that MySQL commits implicitly
 * before and after DDL, so a transaction around DDL protects nothing there (the migrations
 * module knows this through the dialect's capabilities).
 */
#include "db/db.h"
#include "db/client_lib.h"

#include <mysql.h>
#include <stdlib.h>
#include <string.h>

extern const rm_driver rm_driver_mysql;

/* libmariadb's functions, reached through pointers filled on the first connect
 * (client_lib.h). */
#define MY_FUNCS(X) \
    X(mysql_affected_rows) \
    X(mysql_close) \
    X(mysql_errno) \
    X(mysql_error) \
    X(mysql_fetch_fields) \
    X(mysql_fetch_lengths) \
    X(mysql_fetch_row) \
    X(mysql_field_count) \
    X(mysql_free_result) \
    X(mysql_get_server_info) \
    X(mysql_get_ssl_cipher) \
    X(mysql_init) \
    X(mysql_library_end) \
    X(mysql_more_results) \
    X(mysql_next_result) \
    X(mysql_num_fields) \
    X(mysql_num_rows) \
    X(mysql_options) \
    X(mysql_real_connect) \
    X(mysql_real_query) \
    X(mysql_sqlstate) \
    X(mysql_ssl_set) \
    X(mysql_stmt_affected_rows) \
    X(mysql_stmt_bind_param) \
    X(mysql_stmt_bind_result) \
    X(mysql_stmt_close) \
    X(mysql_stmt_errno) \
    X(mysql_stmt_error) \
    X(mysql_stmt_execute) \
    X(mysql_stmt_fetch) \
    X(mysql_stmt_fetch_column) \
    X(mysql_stmt_init) \
    X(mysql_stmt_prepare) \
    X(mysql_stmt_result_metadata) \
    X(mysql_stmt_sqlstate) \
    X(mysql_stmt_store_result) \
    X(mysql_store_result)

#define MY_MEMBER(name) __typeof__(&name) name;
static struct {
    MY_FUNCS(MY_MEMBER)
} my;
#undef MY_MEMBER
static bool my_loaded;

/* Load libmariadb once; false (err filled) when it is missing or lacks a function. */
static bool my_load(rm_dberr *err)
{
    if (my_loaded)
        return true;
    static const char *const sonames[] = {"libmariadb.so.3", "libmariadb.so", NULL};
    const char *what = "the MariaDB/MySQL client library";
    void *h = rm_client_lib_open(sonames, what, "libmariadb3", err);
    if (!h)
        return false;
#define MY_LOAD(name)                                                                          \
    if (!rm_client_lib_sym(h, RM_CLIENT_STR(name), &my.name, what, err))                       \
        return false;
    MY_FUNCS(MY_LOAD)
#undef MY_LOAD
    my_loaded = true;
    return true;
}

typedef struct my_conn {
    rm_conn base;
    MYSQL *my;
} my_conn;

static const char *my_secret(const my_conn *mc)
{
    return mc->base.url.password;
}

/* Error codes from errmsg.h / mysqld_error.h, spelled out so the file does not depend on which
 * of the two header sets is installed. */
enum {
    MY_ER_DBACCESS_DENIED = 1044,
    MY_ER_ACCESS_DENIED = 1045,
    MY_ER_BAD_DB = 1049,
    MY_CR_CONNECTION_ERROR = 2002,
    MY_CR_CONN_HOST_ERROR = 2003,
    MY_CR_UNKNOWN_HOST = 2005,
    MY_CR_SERVER_GONE = 2006,
    MY_CR_SERVER_LOST = 2013,
    MY_ER_ACCESS_DENIED_NO_PASSWORD = 1698
};

static rm_dberr_kind my_connect_kind(unsigned int code)
{
    switch (code) {
    case MY_ER_DBACCESS_DENIED:
    case MY_ER_ACCESS_DENIED:
    case MY_ER_ACCESS_DENIED_NO_PASSWORD:
        return RM_DBERR_AUTH;
    case MY_ER_BAD_DB:
        return RM_DBERR_UNKNOWN_DATABASE;
    case MY_CR_CONNECTION_ERROR:
    case MY_CR_CONN_HOST_ERROR:
    case MY_CR_UNKNOWN_HOST:
    case MY_CR_SERVER_LOST:
        return RM_DBERR_UNREACHABLE;
    default:
        return RM_DBERR_CONNECT;
    }
}

static rm_dberr_kind my_statement_kind(unsigned int code)
{
    return (code == MY_CR_SERVER_GONE || code == MY_CR_SERVER_LOST) ? RM_DBERR_CONNECTION_LOST
                                                                    : RM_DBERR_STATEMENT;
}

static int my_error(my_conn *mc, rm_dberr *err, rm_dberr_kind kind)
{
    return rm_dberr_set(err, kind, my.mysql_sqlstate(mc->my), (long)my.mysql_errno(mc->my),
                        my_secret(mc), my.mysql_error(mc->my), NULL);
}

static int my_stmt_error(my_conn *mc, MYSQL_STMT *st, rm_dberr *err)
{
    unsigned int code = my.mysql_stmt_errno(st);
    return rm_dberr_set(err, my_statement_kind(code), my.mysql_stmt_sqlstate(st), (long)code,
                        my_secret(mc), my.mysql_stmt_error(st), NULL);
}

static void my_close(rm_conn *c)
{
    my_conn *mc = (my_conn *)c;
    if (mc->my)
        my.mysql_close(mc->my);
    rm_conn_base_free(&mc->base);
    free(mc);
}

static int my_connect(rm_conn **out, const rm_dburl *url, const rm_db_opts *opts,
                      rm_dberr *err)
{
    *out = NULL;
    if (!my_load(err))
        return RM_EDB;
    my_conn *mc = rm_xcalloc(1, sizeof *mc);
    rm_conn_base_init(&mc->base, &rm_driver_mysql, url, opts);
    const rm_dburl *u = &mc->base.url;

    mc->my = my.mysql_init(NULL);
    if (!mc->my) {
        rm_dberr_set(err, RM_DBERR_CONNECT, NULL, 0, NULL,
                     "libmariadb could not allocate a connection", NULL);
        my_close(&mc->base);
        return RM_EDB;
    }
    unsigned int timeout = opts->connect_timeout_s > 0 ? (unsigned)opts->connect_timeout_s : 10;
    const char *ct = rm_dburl_param_get(u, "connect_timeout");
    if (ct && atoi(ct) > 0)
        timeout = (unsigned)atoi(ct);
    my.mysql_options(mc->my, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
    my.mysql_options(mc->my, MYSQL_SET_CHARSET_NAME, "utf8mb4");
    unsigned int protocol = u->socket ? MYSQL_PROTOCOL_SOCKET : MYSQL_PROTOCOL_TCP;
    my.mysql_options(mc->my, MYSQL_OPT_PROTOCOL, &protocol);

    /* TLS: ssl-mode (MySQL's name), sslmode and Prisma's sslaccept. */
    const char *ssl = rm_dburl_param_get(u, "ssl-mode");
    if (!ssl)
        ssl = rm_dburl_param_get(u, "sslmode");
    const char *ca = rm_dburl_param_get(u, "sslca");
    bool tls_required = false;
    if (ssl) {
        my_bool on = 1;
        if (strcmp(ssl, "REQUIRED") == 0 || strcmp(ssl, "required") == 0 ||
            strcmp(ssl, "require") == 0) {
            tls_required = true;
        } else if (strcmp(ssl, "VERIFY_CA") == 0 || strcmp(ssl, "VERIFY_IDENTITY") == 0 ||
                   strcmp(ssl, "verify-ca") == 0 || strcmp(ssl, "verify-full") == 0) {
            tls_required = true;
            my.mysql_options(mc->my, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &on);
        } else if (strcmp(ssl, "DISABLED") != 0 && strcmp(ssl, "disable") != 0 &&
                   strcmp(ssl, "PREFERRED") != 0 && strcmp(ssl, "prefer") != 0) {
            rm_dberr_set(err, RM_DBERR_URL, NULL, 0, NULL,
                         "unknown ssl-mode (expected DISABLED, PREFERRED, REQUIRED, VERIFY_CA "
                         "or VERIFY_IDENTITY)",
                         NULL);
            my_close(&mc->base);
            return RM_EDB;
        }
    }
    if (tls_required || ca) {
        my_bool on = 1;
        my.mysql_ssl_set(mc->my, NULL, NULL, ca, NULL, NULL);
        my.mysql_options(mc->my, MYSQL_OPT_SSL_ENFORCE, &on);
    }

    const char *host = u->socket ? "localhost" : (u->host ? u->host : "127.0.0.1");
    if (!my.mysql_real_connect(mc->my, host, u->user, u->password ? u->password : "", u->database,
                            u->port, u->socket, CLIENT_MULTI_STATEMENTS)) {
        my_error(mc, err, my_connect_kind(my.mysql_errno(mc->my)));
        my_close(&mc->base);
        return RM_EDB;
    }
    /* Checked here, not left to the library: libmariadb 3.3 with MYSQL_OPT_SSL_ENFORCE was
     * seen connecting in plain text to a server with have_ssl=DISABLED. A required TLS
     * connection that is not encrypted is refused. */
    if (tls_required && !my.mysql_get_ssl_cipher(mc->my)) {
        rm_dberr_set(err, RM_DBERR_CONNECT, NULL, 0, NULL,
                     "TLS is required (ssl-mode) but the connection is not encrypted; the "
                     "server does not offer TLS",
                     NULL);
        my_close(&mc->base);
        return RM_EDB;
    }
    *out = &mc->base;
    return RM_OK;
}

static bool my_blank(const char *s)
{
    for (; *s; s++) {
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r' && *s != ';')
            return false;
    }
    return true;
}

/* Read and free every pending result of a multi-statement; the first error wins. */
static int my_drain(my_conn *mc, rm_dberr *err)
{
    for (;;) {
        MYSQL_RES *res = my.mysql_store_result(mc->my);
        if (res)
            my.mysql_free_result(res);
        else if (my.mysql_field_count(mc->my) != 0)
            return my_error(mc, err, my_statement_kind(my.mysql_errno(mc->my)));
        int st = my.mysql_next_result(mc->my);
        if (st < 0)
            return RM_OK;
        if (st > 0)
            return my_error(mc, err, my_statement_kind(my.mysql_errno(mc->my)));
    }
}

static int my_exec(rm_conn *c, const char *sql, rm_dberr *err)
{
    my_conn *mc = (my_conn *)c;
    if (my_blank(sql))
        return RM_OK; /* the server calls an empty query an error; for a script it is not */
    if (my.mysql_real_query(mc->my, sql, (unsigned long)strlen(sql)) != 0)
        return my_error(mc, err, my_statement_kind(my.mysql_errno(mc->my)));
    return my_drain(mc, err);
}

/* A query without parameters: the text protocol, where every value already is text. */
static int my_query_text(my_conn *mc, const char *sql, rm_arena *a, rm_rows **out,
                         rm_dberr *err)
{
    if (my.mysql_real_query(mc->my, sql, (unsigned long)strlen(sql)) != 0)
        return my_error(mc, err, my_statement_kind(my.mysql_errno(mc->my)));
    MYSQL_RES *res = my.mysql_store_result(mc->my);
    rm_rows *rows = RM_NEW(a, rm_rows);
    if (!res) {
        if (my.mysql_field_count(mc->my) != 0)
            return my_error(mc, err, my_statement_kind(my.mysql_errno(mc->my)));
        rows->affected = (uint64_t)my.mysql_affected_rows(mc->my);
        rows->names = RM_NEW_ARRAY(a, const char *, 1);
    } else {
        rows->ncols = my.mysql_num_fields(res);
        rows->nrows = (size_t)my.mysql_num_rows(res);
        rows->names = RM_NEW_ARRAY(a, const char *, rows->ncols ? rows->ncols : 1);
        MYSQL_FIELD *fields = my.mysql_fetch_fields(res);
        for (size_t i = 0; i < rows->ncols; i++)
            rows->names[i] = rm_arena_strdup(a, fields[i].name);
        size_t ncells = rows->nrows * rows->ncols;
        rows->cells = RM_NEW_ARRAY(a, const char *, ncells ? ncells : 1);
        rows->lens = RM_NEW_ARRAY(a, size_t, ncells ? ncells : 1);
        for (size_t r = 0; r < rows->nrows; r++) {
            MYSQL_ROW row = my.mysql_fetch_row(res);
            unsigned long *lens = my.mysql_fetch_lengths(res);
            for (size_t col = 0; row && col < rows->ncols; col++) {
                if (!row[col])
                    continue;
                rows->cells[r * rows->ncols + col] = rm_arena_strndup(a, row[col], lens[col]);
                rows->lens[r * rows->ncols + col] = lens[col];
            }
        }
        my.mysql_free_result(res);
    }
    *out = rows;
    /* A query is one statement, but CLIENT_MULTI_STATEMENTS would run more: drain them so
     * the connection stays usable, and report an error in any of them. */
    if (my.mysql_more_results(mc->my)) {
        if (my.mysql_next_result(mc->my) > 0)
            return my_error(mc, err, my_statement_kind(my.mysql_errno(mc->my)));
        return my_drain(mc, err);
    }
    return RM_OK;
}

static int my_query(rm_conn *c, const char *sql, const char *const *params, size_t nparams,
                    rm_arena *a, rm_rows **out, rm_dberr *err)
{
    my_conn *mc = (my_conn *)c;
    char *qsql = NULL;
    uint32_t *order = NULL;
    size_t nplace = 0;
    MYSQL_STMT *st = NULL;
    MYSQL_BIND *pbind = NULL;
    MYSQL_BIND *rbind = NULL;
    unsigned long *rlens = NULL;
    my_bool *rnull = NULL;
    MYSQL_RES *meta = NULL;
    rm_rows *rows = NULL;
    MYSQL_FIELD *fields;
    size_t ncells = 0, cap_cells = 0, nlens = 0, cap_lens = 0;
    int ret = RM_EDB;

    if (rm_db_params_to_qmarks(&qsql, &order, &nplace, sql, a, err) != RM_OK)
        goto done;
    for (size_t i = 0; i < nplace; i++) {
        if (order[i] > nparams) {
            char msg[128];
            snprintf(msg, sizeof msg, "placeholder $%u has no parameter (%zu given)",
                     (unsigned)order[i], nparams);
            rm_dberr_set(err, RM_DBERR_MISUSE, NULL, 0, NULL, msg, NULL);
            goto done;
        }
    }
    if (nplace == 0) {
        ret = my_query_text(mc, qsql, a, out, err);
        goto done;
    }

    st = my.mysql_stmt_init(mc->my);
    if (!st) {
        my_error(mc, err, RM_DBERR_STATEMENT);
        goto done;
    }
    if (my.mysql_stmt_prepare(st, qsql, (unsigned long)strlen(qsql)) != 0) {
        my_stmt_error(mc, st, err);
        goto done;
    }
    pbind = rm_xcalloc(nplace, sizeof *pbind);
    for (size_t i = 0; i < nplace; i++) {
        const char *v = params[order[i] - 1];
        if (v) {
            pbind[i].buffer_type = MYSQL_TYPE_STRING;
            pbind[i].buffer = (void *)v; /* read-only use by the library */
            pbind[i].buffer_length = (unsigned long)strlen(v);
        } else {
            pbind[i].buffer_type = MYSQL_TYPE_NULL;
        }
    }
    if (my.mysql_stmt_bind_param(st, pbind) != 0 || my.mysql_stmt_execute(st) != 0) {
        my_stmt_error(mc, st, err);
        goto done;
    }
    rows = RM_NEW(a, rm_rows);
    meta = my.mysql_stmt_result_metadata(st);
    if (!meta) {
        rows->affected = (uint64_t)my.mysql_stmt_affected_rows(st);
        rows->names = RM_NEW_ARRAY(a, const char *, 1);
        *out = rows;
        ret = RM_OK;
        goto done;
    }
    rows->ncols = my.mysql_num_fields(meta);
    rows->names = RM_NEW_ARRAY(a, const char *, rows->ncols ? rows->ncols : 1);
    fields = my.mysql_fetch_fields(meta);
    for (size_t i = 0; i < rows->ncols; i++)
        rows->names[i] = rm_arena_strdup(a, fields[i].name);
    /* Bind every column with an empty buffer: fetch then reports each value's length (as a
     * string) and mysql_stmt_fetch_column copies it into a buffer of exactly that size. */
    rbind = rm_xcalloc(rows->ncols ? rows->ncols : 1, sizeof *rbind);
    rlens = rm_xcalloc(rows->ncols ? rows->ncols : 1, sizeof *rlens);
    rnull = rm_xcalloc(rows->ncols ? rows->ncols : 1, sizeof *rnull);
    for (size_t i = 0; i < rows->ncols; i++) {
        rbind[i].buffer_type = MYSQL_TYPE_STRING;
        rbind[i].length = &rlens[i];
        rbind[i].is_null = &rnull[i];
    }
    if (my.mysql_stmt_bind_result(st, rbind) != 0 || my.mysql_stmt_store_result(st) != 0) {
        my_stmt_error(mc, st, err);
        goto done;
    }
    for (;;) {
        int f = my.mysql_stmt_fetch(st);
        if (f == MYSQL_NO_DATA)
            break;
        if (f == 1) {
            my_stmt_error(mc, st, err);
            goto done;
        }
        for (size_t i = 0; i < rows->ncols; i++) {
            const char *cell = NULL;
            size_t len = 0;
            if (!rnull[i]) {
                len = rlens[i];
                char *buf = rm_arena_alloc(a, len + 1);
                MYSQL_BIND one;
                unsigned long got = 0;
                memset(&one, 0, sizeof one);
                one.buffer_type = MYSQL_TYPE_STRING;
                one.buffer = buf;
                one.buffer_length = (unsigned long)(len + 1);
                one.length = &got;
                if (len > 0 && my.mysql_stmt_fetch_column(st, &one, (unsigned int)i, 0) != 0) {
                    my_stmt_error(mc, st, err);
                    goto done;
                }
                buf[len] = '\0';
                cell = buf;
            }
            RM_VEC_PUSH(a, rows->cells, ncells, cap_cells, cell);
            RM_VEC_PUSH(a, rows->lens, nlens, cap_lens, len);
        }
        rows->nrows++;
    }
    *out = rows;
    ret = RM_OK;
done:
    if (meta)
        my.mysql_free_result(meta);
    if (st)
        my.mysql_stmt_close(st);
    free(pbind);
    free(rbind);
    free(rlens);
    free(rnull);
    return ret;
}

static int my_begin(rm_conn *c, rm_dberr *err)
{
    return my_exec(c, "START TRANSACTION", err);
}

static int my_commit(rm_conn *c, rm_dberr *err)
{
    return my_exec(c, "COMMIT", err);
}

static int my_rollback(rm_conn *c, rm_dberr *err)
{
    return my_exec(c, "ROLLBACK", err);
}

/* MySQL lock names are at most 64 characters: longer keys are replaced by a hash. */
static void my_lock_name(char out[80], const char *key)
{
    if (strlen(key) <= 64)
        snprintf(out, 80, "%s", key);
    else
        snprintf(out, 80, "relmig:%016llx", (unsigned long long)rm_db_lock_hash(key));
}

static int my_lock(rm_conn *c, const char *key, int timeout_ms, rm_dberr *err)
{
    my_conn *mc = (my_conn *)c;
    char name[80];
    char secs[32];
    my_lock_name(name, key);
    /* GET_LOCK takes seconds; MariaDB accepts a fraction (microsecond precision). */
    snprintf(secs, sizeof secs, "%d.%03d", timeout_ms / 1000, timeout_ms % 1000);
    const char *params[2] = {name, secs};
    rm_arena a;
    rm_rows *rows = NULL;
    const char *got;
    const char *holder;
    char msg[RM_DBERR_TEXT_MAX];
    char detail[160];
    int ret = RM_EDB;
    rm_arena_init(&a, 1024);
    if (my_query(c, "SELECT GET_LOCK($1, $2), IS_USED_LOCK($1)", params, 2, &a, &rows, err) !=
        RM_OK)
        goto done;
    got = rows->nrows == 1 ? rm_rows_get(rows, 0, 0) : NULL;
    if (got && strcmp(got, "1") == 0) {
        ret = RM_OK;
        goto done;
    }
    holder = rows->nrows == 1 ? rm_rows_get(rows, 0, 1) : NULL;
    if (got) {
        snprintf(msg, sizeof msg, "timed out after %d ms waiting for lock \"%s\"", timeout_ms,
                 key);
        snprintf(detail, sizeof detail, "GET_LOCK('%s') is held by connection %s", name,
                 holder ? holder : "(unknown)");
        rm_dberr_set(err, RM_DBERR_LOCK_TIMEOUT, "HY000", 0, NULL, msg, detail);
    } else {
        snprintf(msg, sizeof msg, "GET_LOCK for \"%s\" failed (returned NULL)", key);
        rm_dberr_set(err, RM_DBERR_STATEMENT, "HY000", 0, NULL, msg, NULL);
    }
    (void)mc;
done:
    rm_arena_free(&a);
    return ret;
}

static int my_unlock(rm_conn *c, const char *key, rm_dberr *err)
{
    char name[80];
    my_lock_name(name, key);
    const char *params[1] = {name};
    rm_arena a;
    rm_rows *rows = NULL;
    rm_arena_init(&a, 512);
    int ret = my_query(c, "SELECT RELEASE_LOCK($1)", params, 1, &a, &rows, err);
    if (ret == RM_OK) {
        const char *got = rows->nrows == 1 ? rm_rows_get(rows, 0, 0) : NULL;
        if (!got || strcmp(got, "1") != 0) {
            char msg[RM_DBERR_TEXT_MAX];
            snprintf(msg, sizeof msg, "lock \"%s\" is not held by this connection", key);
            ret = rm_dberr_set(err, RM_DBERR_MISUSE, NULL, 0, NULL, msg, NULL);
        }
    }
    rm_arena_free(&a);
    return ret;
}

static const char *my_server_version(rm_conn *c)
{
    return my.mysql_get_server_info(((my_conn *)c)->my);
}

static void my_shutdown(void)
{
    if (my_loaded)
        my.mysql_library_end();
}

static const char *const my_schemes[] = {"mysql", "mariadb", NULL};

const rm_driver rm_driver_mysql = {
    .name = "mysql",
    .kind = RM_DB_MYSQL,
    .schemes = my_schemes,
    .dialect = "mysql",
    .ops =
        {
            .connect = my_connect,
            .close = my_close,
            .exec = my_exec,
            .query = my_query,
            .begin = my_begin,
            .commit = my_commit,
            .rollback = my_rollback,
            .lock = my_lock,
            .unlock = my_unlock,
            .server_version = my_server_version,
        },
    .shutdown = my_shutdown,
};
