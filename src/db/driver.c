/*
 * The driver registry (scheme -> driver) and the rm_db_* wrappers every caller uses: they
 * check arguments, write the statement trace, and dispatch through the driver's vtable.
 * Not for anything specific to one client library (that is pg.c, my.c, lite.c).
 *
 * All three drivers are always compiled in: cmake/Dependencies.cmake requires all three client
 * libraries, so there is no per-driver #if here. Adding an optional driver means adding its
 * guard to this table only.
 */
/* clock_gettime and nanosleep are POSIX; the project compiles as strict C11. */
#define _POSIX_C_SOURCE 200809L

#include "db/db.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

extern const rm_driver rm_driver_postgres;
extern const rm_driver rm_driver_mysql;
extern const rm_driver rm_driver_sqlite;

static const rm_driver *const rm_drivers[] = {
    &rm_driver_postgres,
    &rm_driver_mysql,
    &rm_driver_sqlite,
};

const rm_driver *const *rm_db_drivers(size_t *n)
{
    *n = RM_ARRAY_LEN(rm_drivers);
    return rm_drivers;
}

static bool rm_db_ieq(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = (*a >= 'A' && *a <= 'Z') ? (char)(*a - 'A' + 'a') : *a;
        char y = (*b >= 'A' && *b <= 'Z') ? (char)(*b - 'A' + 'a') : *b;
        if (x != y)
            return false;
    }
    return *a == *b;
}

const rm_driver *rm_db_driver_for_scheme(const char *scheme)
{
    for (size_t i = 0; i < RM_ARRAY_LEN(rm_drivers); i++) {
        for (const char *const *s = rm_drivers[i]->schemes; *s; s++) {
            if (rm_db_ieq(*s, scheme))
                return rm_drivers[i];
        }
    }
    return NULL;
}

const rm_driver *rm_db_driver_for_kind(rm_db_kind kind)
{
    for (size_t i = 0; i < RM_ARRAY_LEN(rm_drivers); i++) {
        if (rm_drivers[i]->kind == kind)
            return rm_drivers[i];
    }
    return NULL;
}

int64_t rm_db_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void rm_db_sleep_ms(int ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0) {
        /* interrupted by a signal: sleep the rest */
    }
}

int64_t rm_db_lock_hash(const char *key)
{
    uint64_t h = 14695981039346656037ULL;
    for (const unsigned char *p = (const unsigned char *)key; *p; p++) {
        h ^= *p;
        h *= 1099511628211ULL;
    }
    /* Two's-complement reinterpretation: PostgreSQL's key is a signed bigint. */
    int64_t v;
    memcpy(&v, &h, sizeof v);
    return v;
}

void rm_conn_base_init(rm_conn *c, const rm_driver *drv, const rm_dburl *url,
                       const rm_db_opts *opts)
{
    c->drv = drv;
    rm_arena_init(&c->arena, 4096);
    rm_dburl_copy(&c->url, url, &c->arena);
    c->trace = opts ? opts->trace : NULL;
    c->redacted_url = rm_dburl_format(url, true, &c->arena);
}

void rm_conn_base_free(rm_conn *c)
{
    rm_arena_free(&c->arena);
}

int rm_db_connect_url(rm_conn **out, const rm_dburl *url, const rm_db_opts *opts,
                      rm_dberr *err)
{
    *out = NULL;
    const rm_driver *drv = rm_db_driver_for_kind(url->kind);
    if (!drv) {
        return rm_dberr_set(err, RM_DBERR_NO_DRIVER, NULL, 0, NULL,
                            "no driver for this kind of database is compiled in", NULL);
    }
    rm_db_opts eff = opts ? *opts : (rm_db_opts){0, NULL};
    /* RELMIG_TRACE=1 traces every connection to stderr when the caller chose no stream, so a
     * user can see what relmig runs without a flag on every command (pgut's echo). */
    const char *env = getenv("RELMIG_TRACE");
    if (!eff.trace && env && strcmp(env, "1") == 0)
        eff.trace = stderr;
    return drv->ops.connect(out, url, &eff, err);
}

int rm_db_connect(rm_conn **out, const char *url, const rm_db_opts *opts, rm_dberr *err)
{
    rm_arena a;
    rm_dburl u;
    *out = NULL;
    rm_arena_init(&a, 1024);
    int rc = rm_dburl_parse(&u, url, &a, err);
    if (rc == RM_OK)
        rc = rm_db_connect_url(out, &u, opts, err);
    else
        rc = RM_EDB;
    rm_arena_free(&a);
    return rc;
}

void rm_db_close(rm_conn *c)
{
    if (c)
        c->drv->ops.close(c);
}

/* A driver without this member (see the vtable comment in db.h). */
static int rm_db_missing(const rm_conn *c, const char *what, rm_dberr *err)
{
    char msg[128];
    snprintf(msg, sizeof msg, "the %s driver does not implement %s", c->drv->name, what);
    return rm_dberr_set(err, RM_DBERR_MISUSE, NULL, 0, NULL, msg, NULL);
}

#define RM_DB_NEED(c, member, err)                                                             \
    do {                                                                                       \
        if (!(c)->drv->ops.member)                                                             \
            return rm_db_missing((c), #member, (err));                                         \
    } while (0)

int rm_db_exec(rm_conn *c, const char *sql, rm_dberr *err)
{
    RM_DB_NEED(c, exec, err);
    rm_db_trace_stmt(c, sql, 0);
    return c->drv->ops.exec(c, sql, err);
}

int rm_db_query(rm_conn *c, const char *sql, const char *const *params, size_t nparams,
                rm_arena *a, rm_rows **out, rm_dberr *err)
{
    RM_DB_NEED(c, query, err);
    *out = NULL;
    if (nparams > 65535)
        return rm_dberr_set(err, RM_DBERR_MISUSE, NULL, 0, NULL, "too many query parameters",
                            NULL);
    rm_db_trace_stmt(c, sql, nparams);
    return c->drv->ops.query(c, sql, params, nparams, a, out, err);
}

int rm_db_begin(rm_conn *c, rm_dberr *err)
{
    RM_DB_NEED(c, begin, err);
    rm_db_trace_stmt(c, "BEGIN", 0);
    return c->drv->ops.begin(c, err);
}

int rm_db_commit(rm_conn *c, rm_dberr *err)
{
    RM_DB_NEED(c, commit, err);
    rm_db_trace_stmt(c, "COMMIT", 0);
    return c->drv->ops.commit(c, err);
}

int rm_db_rollback(rm_conn *c, rm_dberr *err)
{
    RM_DB_NEED(c, rollback, err);
    rm_db_trace_stmt(c, "ROLLBACK", 0);
    return c->drv->ops.rollback(c, err);
}

int rm_db_lock(rm_conn *c, const char *key, int timeout_ms, rm_dberr *err)
{
    RM_DB_NEED(c, lock, err);
    if (!key || !key[0] || timeout_ms < 0)
        return rm_dberr_set(err, RM_DBERR_MISUSE, NULL, 0, NULL,
                            "lock needs a non-empty key and a timeout >= 0", NULL);
    rm_db_trace_lock(c, key, timeout_ms);
    return c->drv->ops.lock(c, key, timeout_ms, err);
}

int rm_db_unlock(rm_conn *c, const char *key, rm_dberr *err)
{
    RM_DB_NEED(c, unlock, err);
    if (!key || !key[0])
        return rm_dberr_set(err, RM_DBERR_MISUSE, NULL, 0, NULL, "unlock needs a key", NULL);
    rm_db_trace_lock(c, key, -1);
    return c->drv->ops.unlock(c, key, err);
}

const char *rm_db_server_version(rm_conn *c)
{
    return c->drv->ops.server_version(c);
}

const rm_driver *rm_db_driver(const rm_conn *c)
{
    return c->drv;
}

const char *rm_db_url_redacted(const rm_conn *c)
{
    return c->redacted_url;
}

void rm_db_shutdown(void)
{
    for (size_t i = 0; i < RM_ARRAY_LEN(rm_drivers); i++) {
        if (rm_drivers[i]->shutdown)
            rm_drivers[i]->shutdown();
    }
}
