/*
 * Database access: connection URLs, one driver vtable over libpq / libmariadb / sqlite3, and
 * the error record drivers fill. Everything that talks to a live database goes through this
 * header; only src/db/pg.c, my.c and lite.c include a client library.
 *
 * What it is for: connecting, running scripts and parameterised queries, transactions and the
 * advisory lock that migrations hold, with errors as data (rm_dberr) whose text never contains
 * a password. What it is not for: SQL generation (src/dialects), deciding what to run
 * (src/migrations), or printing (the CLI turns an rm_dberr into a diagnostic with
 * rm_db_report). Introspection will be added as another vtable member (see rm_driver_ops).
 *
 * Placeholders: every driver accepts PostgreSQL-style numbered placeholders $1..$n in
 * rm_db_query, so callers write one SQL text for all databases' parameters (MySQL's "?" is
 * produced by the MySQL driver; SQLite binds $n by name). A NULL parameter is SQL NULL.
 *
 * The URL part (rm_dburl_*, rm_db_scrub_secret; src/db/url.c) is pure and has no client
 * library dependency, so unit tests compile it on its own.
 */
#ifndef RELMIG_DB_DB_H
#define RELMIG_DB_DB_H

#include "util/arena.h"
#include "util/diag.h"

#include <stdio.h>

/* ---------------------------------------------------------------------------------------- */
/* Errors                                                                                    */

/* What kind of failure, so callers can branch (and tests can assert) without reading text.
 * Each maps to one diagnostic id (see rm_db_report and docs/errors.md). */
typedef enum rm_dberr_kind {
    RM_DBERR_NONE = 0,
    RM_DBERR_URL,              /* E0800: the URL cannot be parsed */
    RM_DBERR_NO_DRIVER,        /* E0801: unknown scheme */
    RM_DBERR_UNREACHABLE,      /* E0802: refused, timed out, unknown host, missing socket */
    RM_DBERR_AUTH,             /* E0803: bad user or password, access denied */
    RM_DBERR_UNKNOWN_DATABASE, /* E0804: the named database (or SQLite file) does not exist */
    RM_DBERR_CONNECT,          /* E0805: any other connection failure */
    RM_DBERR_STATEMENT,        /* E0806: a statement failed (syntax, constraint, ...) */
    RM_DBERR_LOCK_TIMEOUT,     /* E0807: the advisory lock is held by someone else */
    RM_DBERR_CONNECTION_LOST,  /* E0808: the server went away mid-session */
    RM_DBERR_MISUSE            /* E0809: API misuse (too many parameters, unbalanced unlock) */
} rm_dberr_kind;

#define RM_DBERR_TEXT_MAX 512

/* Filled by every failing driver call (and cleared by none: check the return code first).
 * All text is one line, copied out of the client library before its result is freed, and
 * scrubbed of the connection's password. Plain value type: no ownership. */
typedef struct rm_dberr {
    rm_dberr_kind kind;
    char sqlstate[6];                  /* "23505"; "" when the library gave none */
    long native;                       /* mysql_errno / sqlite extended code / 0 */
    char message[RM_DBERR_TEXT_MAX];   /* primary message, e.g. `relation "x" does not exist` */
    char detail[RM_DBERR_TEXT_MAX];    /* secondary text (PG DETAIL/HINT, libpq's advice); "" */
} rm_dberr;

void rm_dberr_clear(rm_dberr *err);
/* Fill err: message and detail are flattened to one line each, truncated to fit, and every
 * occurrence of secret (when non-NULL and non-empty) and any "password=..." value are replaced
 * by "***". sqlstate may be NULL. Returns RM_EDB so drivers can `return rm_dberr_set(...)`. */
int rm_dberr_set(rm_dberr *err, rm_dberr_kind kind, const char *sqlstate, long native,
                 const char *secret, const char *message, const char *detail);
/* Short name of a kind ("auth", "lock-timeout", ...), for logs and tests. */
const char *rm_dberr_kind_name(rm_dberr_kind kind);

/* ---------------------------------------------------------------------------------------- */
/* Connection URLs                                                                           */

typedef enum rm_db_kind {
    RM_DB_NONE = 0,
    RM_DB_POSTGRES,
    RM_DB_MYSQL,   /* MySQL and MariaDB */
    RM_DB_SQLITE
} rm_db_kind;

typedef struct rm_dburl_param {
    const char *key;    /* decoded */
    const char *value;  /* decoded; "" for "?flag" */
} rm_dburl_param;

/* A parsed URL. Every string is decoded (%XX) and lives in the arena given to the parser;
 * NULL means "not given" (distinct from ""). */
typedef struct rm_dburl {
    rm_db_kind kind;
    const char *scheme;      /* as written, lower-cased: "postgresql", "mariadb", "file", ... */
    const char *user;
    const char *password;    /* a secret: never print it; use rm_dburl_format(.., true, ..) */
    const char *host;        /* IPv6 without brackets */
    bool host_is_ipv6;
    uint16_t port;           /* 0 = the driver's default */
    const char *database;    /* server databases: the path segment; NULL when absent */
    const char *path;        /* SQLite: the file path, or ":memory:" */
    const char *socket;      /* Unix socket: PG ?host=/dir (directory), MySQL ?socket=/file */
    rm_dburl_param *params;  /* every query parameter, in order, including the ones above */
    size_t nparams;
} rm_dburl;

/* Parse url. Accepted forms:
 *   postgresql:// postgres://  [user[:password]@][host|[ipv6]][:port][/database][?k=v&...]
 *   mysql:// mariadb://        same shape; ?socket=/path ?ssl-mode=...
 *   sqlite:PATH  sqlite://PATH  file:PATH  file://PATH  sqlite::memory:   [?k=v...]
 * On failure returns RM_ERR and fills err (kind URL or NO_DRIVER) with a message that shows
 * the URL with its password redacted. Strings are allocated in a. */
int rm_dburl_parse(rm_dburl *out, const char *url, rm_arena *a, rm_dberr *err);
/* Value of the last query parameter named key (case-sensitive), or NULL. Borrowed. */
const char *rm_dburl_param_get(const rm_dburl *u, const char *key);
/* Render u back to a URL (percent-encoding where needed); with redact the password (and any
 * password-like query parameter) is shown as "***". Allocated in a. */
char *rm_dburl_format(const rm_dburl *u, bool redact, rm_arena *a);
/* Deep copy of src into a. */
void rm_dburl_copy(rm_dburl *dst, const rm_dburl *src, rm_arena *a);
/* Redact a URL given as text, without requiring it to parse: the userinfo password and
 * password-like query values become "***". For messages about URLs that failed to parse.
 * Allocated in a. */
char *rm_dburl_redact(const char *url, rm_arena *a);
/* In place: replace every occurrence of secret in buf (NUL-terminated, capacity cap) with
 * "***", and the value of every "password=" / "password:" key with "***"; the result is
 * truncated to cap-1 bytes if it grows. A NULL or empty secret only does the second part. */
void rm_db_scrub_secret(char *buf, size_t cap, const char *secret);
/* "postgresql" "mysql" "sqlite" */
const char *rm_db_kind_name(rm_db_kind kind);

/* ---------------------------------------------------------------------------------------- */
/* Results                                                                                   */

/* The rows of a query, every value as text (the client library's text rendering: PG text
 * format, MySQL strings, SQLite sqlite3_column_text). A NULL cell is SQL NULL; "" is the
 * empty string. Allocated in the arena passed to rm_db_query. */
typedef struct rm_rows {
    size_t ncols;
    size_t nrows;
    const char **names;   /* ncols column names */
    const char **cells;   /* nrows * ncols, row-major; NULL for SQL NULL */
    size_t *lens;         /* byte length of each cell (0 for NULL) */
    uint64_t affected;    /* rows changed by INSERT/UPDATE/DELETE; 0 otherwise */
} rm_rows;

/* Cell (row, col), NULL for SQL NULL. Asserts the indexes are in range. */
const char *rm_rows_get(const rm_rows *r, size_t row, size_t col);

/* ---------------------------------------------------------------------------------------- */
/* Drivers                                                                                   */

typedef struct rm_conn rm_conn;
typedef struct rm_driver rm_driver;

typedef struct rm_db_opts {
    int connect_timeout_s;  /* 0 = 10 s; the URL's connect_timeout parameter wins */
    FILE *trace;            /* non-NULL: every statement is written here before it runs;
                             * NULL and RELMIG_TRACE=1 in the environment: stderr */
} rm_db_opts;

/* One per client library. Drivers are called only through the rm_db_* wrappers below, which
 * add tracing and argument checks. Every fallible member returns RM_OK or RM_EDB with err
 * filled. New members (introspection) are added at the end; drivers use designated
 * initialisers, so a driver that lacks one has NULL there and the wrapper reports MISUSE. */
typedef struct rm_driver_ops {
    int (*connect)(rm_conn **out, const rm_dburl *url, const rm_db_opts *opts, rm_dberr *err);
    void (*close)(rm_conn *c);
    /* A script of one or more statements separated by ';'; no rows returned. */
    int (*exec)(rm_conn *c, const char *sql, rm_dberr *err);
    /* One statement with $1..$n placeholders; params[i] NULL = SQL NULL. */
    int (*query)(rm_conn *c, const char *sql, const char *const *params, size_t nparams,
                 rm_arena *a, rm_rows **out, rm_dberr *err);
    int (*begin)(rm_conn *c, rm_dberr *err);
    int (*commit)(rm_conn *c, rm_dberr *err);
    int (*rollback)(rm_conn *c, rm_dberr *err);
    /* Session-level advisory lock named key, waiting at most timeout_ms (0 = try once):
     * PostgreSQL pg_try_advisory_lock on a 64-bit hash of key, polled; MySQL GET_LOCK;
     * SQLite BEGIN EXCLUSIVE with a busy timeout (while held, begin/commit/rollback use a
     * savepoint). Timing out gives RM_DBERR_LOCK_TIMEOUT. */
    int (*lock)(rm_conn *c, const char *key, int timeout_ms, rm_dberr *err);
    int (*unlock)(rm_conn *c, const char *key, rm_dberr *err);
    /* "15.18", "10.11.19-MariaDB-0+deb12u1", "3.40.1". Owned by the connection. */
    const char *(*server_version)(rm_conn *c);
} rm_driver_ops;

struct rm_driver {
    const char *name;              /* "postgresql", "mysql", "sqlite" */
    rm_db_kind kind;
    const char *const *schemes;    /* NULL-terminated: {"postgresql", "postgres", NULL} */
    const char *dialect;           /* name for rm_dialect_by_name: "postgres" "mysql" "sqlite" */
    rm_driver_ops ops;
    void (*shutdown)(void);        /* process-wide library cleanup, may be NULL */
};

/* State every driver's connection starts with (drivers embed it as their first member). */
struct rm_conn {
    const rm_driver *drv;
    rm_arena arena;          /* lives as long as the connection: URL copy, version text */
    rm_dburl url;            /* copy of the URL connected to */
    FILE *trace;
    char *redacted_url;      /* for messages */
};

/* Write what is about to run on c to its trace stream (rm_db_opts.trace, RELMIG_TRACE=1), if
 * any: a statement (its parameters are not printed: they may be data the user did not ask to
 * see), or with lock_key a lock ("lock", timeout_ms >= 0) or unlock (timeout_ms < 0). Inline,
 * so that code reaching the drivers through the vtable without linking src/db (the migrations
 * history, migrations/history.c) traces exactly as the rm_db_* wrappers do. */
static inline void rm_db_trace_stmt(const rm_conn *c, const char *sql, size_t nparams)
{
    if (!c->trace)
        return;
    if (nparams)
        fprintf(c->trace, "-- relmig[%s] (%zu parameters)\n%s;\n", c->drv->name, nparams, sql);
    else
        fprintf(c->trace, "-- relmig[%s]\n%s;\n", c->drv->name, sql);
    fflush(c->trace);
}

static inline void rm_db_trace_lock(const rm_conn *c, const char *lock_key, int timeout_ms)
{
    if (!c->trace)
        return;
    if (timeout_ms >= 0)
        fprintf(c->trace, "-- relmig[%s] lock \"%s\" (timeout %d ms)\n", c->drv->name, lock_key,
                timeout_ms);
    else
        fprintf(c->trace, "-- relmig[%s] unlock \"%s\"\n", c->drv->name, lock_key);
    fflush(c->trace);
}

/* A comment line in c's trace, for what the reader decided rather than ran ("why this way"). */
static inline void rm_db_trace_note(const rm_conn *c, const char *note)
{
    if (!c->trace)
        return;
    fprintf(c->trace, "-- relmig[%s] %s\n", c->drv->name, note);
    fflush(c->trace);
}

/* For driver implementations: fill the base part (copies url into the connection's arena). */
void rm_conn_base_init(rm_conn *c, const rm_driver *drv, const rm_dburl *url,
                       const rm_db_opts *opts);
void rm_conn_base_free(rm_conn *c);
/* For driver implementations: a monotonic clock in milliseconds, and a sleep. */
int64_t rm_db_now_ms(void);
void rm_db_sleep_ms(int ms);
/* For driver implementations: 64-bit FNV-1a of key, the PostgreSQL advisory lock id. */
int64_t rm_db_lock_hash(const char *key);
/* For driver implementations (pure, src/db/params.c): rewrite $1..$n placeholders to "?" for
 * MySQL, skipping string literals, quoted identifiers and comments (MySQL syntax: '', "",
 * ``, backslash escapes, -- , #, slash-star). *order receives, for each "?" in the output, the
 * 1-based parameter number it stands for; *norder their count. A raw "?" outside quotes, or a
 * $0, is an error: returns RM_ERR with a message in err (kind MISUSE). Allocated in a. */
int rm_db_params_to_qmarks(char **out_sql, uint32_t **order, size_t *norder, const char *sql,
                           rm_arena *a, rm_dberr *err);

/* The compiled-in drivers, in a fixed order. */
const rm_driver *const *rm_db_drivers(size_t *n);
/* The driver for a URL scheme (case-insensitive), or NULL. */
const rm_driver *rm_db_driver_for_scheme(const char *scheme);
const rm_driver *rm_db_driver_for_kind(rm_db_kind kind);

/* Parse url, pick the driver, connect. On success *out is a connection the caller closes
 * with rm_db_close. opts may be NULL. A relative SQLite path is opened relative to the
 * current directory; resolving it against a schema file's folder (as Prisma does for
 * file:./dev.db) is the caller's business. */
int rm_db_connect(rm_conn **out, const char *url, const rm_db_opts *opts, rm_dberr *err);
int rm_db_connect_url(rm_conn **out, const rm_dburl *url, const rm_db_opts *opts,
                      rm_dberr *err);
/* Close and free; NULL is fine. */
void rm_db_close(rm_conn *c);

int rm_db_exec(rm_conn *c, const char *sql, rm_dberr *err);
int rm_db_query(rm_conn *c, const char *sql, const char *const *params, size_t nparams,
                rm_arena *a, rm_rows **out, rm_dberr *err);
int rm_db_begin(rm_conn *c, rm_dberr *err);
int rm_db_commit(rm_conn *c, rm_dberr *err);
int rm_db_rollback(rm_conn *c, rm_dberr *err);
int rm_db_lock(rm_conn *c, const char *key, int timeout_ms, rm_dberr *err);
int rm_db_unlock(rm_conn *c, const char *key, rm_dberr *err);
const char *rm_db_server_version(rm_conn *c);
const rm_driver *rm_db_driver(const rm_conn *c);
/* The URL this connection uses, password shown as "***". Owned by the connection. */
const char *rm_db_url_redacted(const rm_conn *c);

/* Turn an error into a diagnostic (no file location): id by kind, message
 * "<context>: <err->message>", detail from err->detail. context is e.g. "cannot connect to
 * postgresql://u:***@h/db" and must already be redacted. Returns the diag (owned by d). */
rm_diag *rm_db_report(rm_diags *d, const rm_dberr *err, const char *context);

/* Process-wide cleanup of client libraries (mysql_library_end); call once at exit. */
void rm_db_shutdown(void);

#endif
