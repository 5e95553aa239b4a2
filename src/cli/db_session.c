/*
 * See db_session.h.
 */
#include "cli/db_session.h"

#include "db/introspect.h"
#include "dialects/dialect.h"
#include "io/migrations_dir.h"
#include "util/sb.h"

#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

int rm_cli_connect(rm_conn **c, const char *url, const rm_db_opts *opts, rm_arena *a, rm_diags *d)
{
    rm_dberr err;
    if (rm_db_connect(c, url, opts, &err) == RM_OK)
        return RM_OK;
    if (!rm_mig_connect_busy(&err, d))
        rm_db_report(d, &err, rm_arena_sprintf(a, "cannot connect to %s", rm_dburl_redact(url, a)));
    return RM_EDB;
}

int rm_cli_mig_run_begin(rm_cli_mig_run *r, const rm_opts *o, const char *cmd)
{
    r->url = rm_opts_get(o, "url");
    r->dirpath = rm_opts_get(o, "dir") ? rm_opts_get(o, "dir") : "migrations";
    if (!r->url)
        return rm_cli_fail(RM_EXIT_USAGE, "%s: --url is required", cmd);
    if (o->npositional)
        return rm_cli_fail(RM_EXIT_USAGE, "%s: unexpected argument '%s'", cmd, o->positional[0]);
    rm_sources_init(&r->srcs);
    rm_diags_init(&r->d);
    rm_arena_init(&r->a, 0);
    r->c = NULL;
    return RM_EXIT_OK;
}

int rm_cli_mig_run_open(rm_cli_mig_run *r, const rm_db_opts *dbo, bool verify_sum)
{
    int rc = rm_io_read_migrations(&r->dir, r->dirpath, &r->srcs, &r->a, &r->d);
    if (rc == RM_OK && verify_sum)
        rc = rm_mig_sum_verify(&r->dir, true, &r->d);
    return rc != RM_OK ? rc : rm_cli_connect(&r->c, r->url, dbo, &r->a, &r->d);
}

int rm_cli_mig_run_end(rm_cli_mig_run *r, int exit)
{
    fflush(stdout);
    rm_cli_print_diags(&r->srcs, &r->d, false);
    rm_db_close(r->c);
    rm_arena_free(&r->a);
    rm_diags_free(&r->d);
    rm_sources_free(&r->srcs);
    return exit;
}

static const char *norm_host(const char *h)
{
    if (!h || !*h || strcasecmp(h, "localhost") == 0 || strcmp(h, "127.0.0.1") == 0 ||
        strcmp(h, "::1") == 0)
        return "localhost";
    return h;
}

static bool str_eq(const char *x, const char *y)
{
    return strcmp(x ? x : "", y ? y : "") == 0;
}

bool rm_cli_same_database(const char *u1, const char *u2, rm_arena *a)
{
    rm_dburl x, y;
    rm_dberr err;
    if (rm_dburl_parse(&x, u1, a, &err) != RM_OK || rm_dburl_parse(&y, u2, a, &err) != RM_OK)
        return strcmp(u1, u2) == 0;
    if (x.kind != y.kind)
        return false;
    if (x.kind == RM_DB_SQLITE)
        return str_eq(x.path, y.path) && !str_eq(x.path, ":memory:");
    uint16_t dport = x.kind == RM_DB_POSTGRES ? 5432 : 3306;
    const char *xs = rm_dburl_param_get(&x, "schema"), *ys = rm_dburl_param_get(&y, "schema");
    return strcasecmp(norm_host(x.host), norm_host(y.host)) == 0 &&
           (x.port ? x.port : dport) == (y.port ? y.port : dport) && str_eq(x.socket, y.socket) &&
           str_eq(x.database, y.database) && str_eq(xs ? xs : "public", ys ? ys : "public");
}

/* One-cell query; NULL on failure (reported) or SQL NULL. *failed tells which. */
static const char *scalar(rm_conn *c, const char *sql, bool *failed, rm_arena *a, rm_diags *d)
{
    rm_rows *r = NULL;
    rm_dberr err;
    *failed = rm_db_query(c, sql, NULL, 0, a, &r, &err) != RM_OK;
    if (*failed) {
        rm_db_report(d, &err, "cannot prepare the shadow database");
        return NULL;
    }
    return r->nrows ? rm_rows_get(r, 0, 0) : NULL;
}

static int exec_or_report(rm_conn *c, const char *sql, rm_diags *d)
{
    rm_dberr err;
    if (rm_db_exec(c, sql, &err) == RM_OK)
        return RM_OK;
    rm_diag *g = rm_db_report(d, &err, "cannot reset the shadow database");
    rm_diag_set_hint(d, g,
                     "The shadow database is emptied before each replay: its user must be "
                     "allowed to drop and create it (MySQL) or its schemas (PostgreSQL).");
    return RM_EDB;
}

/* Empty the shadow database (see rm_cli_replay) after refusing a deployed one. */
static int shadow_reset(rm_conn *c, const char *url, rm_arena *a, rm_diags *d)
{
    const rm_dialect *dia = rm_dialect_by_name(rm_db_driver(c)->dialect);
    bool pg = rm_db_driver(c)->kind == RM_DB_POSTGRES, failed = false;
    const char *has = scalar(c,
                             pg ? "SELECT count(*) FROM information_schema.tables WHERE "
                                  "table_schema = current_schema() AND table_name = "
                                  "'_prisma_migrations'"
                                : "SELECT count(*) FROM information_schema.tables WHERE "
                                  "table_schema = DATABASE() AND table_name = "
                                  "'_prisma_migrations'",
                             &failed, a, d);
    if (failed)
        return RM_EDB;
    if (has && strcmp(has, "0") != 0) {
        rm_diag *g = rm_diag_error(d, RM_E_MIG_SHADOW, RM_LOC_NONE,
                                   "the shadow database %s has a _prisma_migrations table: it "
                                   "looks like a deployed database, not a scratch one",
                                   rm_dburl_redact(url, a));
        rm_diag_set_detail(d, g,
                           "relmig empties the shadow database before replaying the "
                           "migrations into it");
        rm_diag_set_hint(d, g,
                         "Pass an empty database (or one only relmig uses) as "
                         "--shadow-url.");
        return RM_ECONFLICT;
    }
    rm_sb sql = RM_SB_INIT;
    int rc = RM_OK;
    const char **stmts = NULL;
    size_t *offs = NULL, n = 0;
    if (pg) {
        /* The connection's schema (the URL's ?schema=, else public) is recreated; every other
         * schema a migration may have created goes too, as Prisma's reset does. */
        rm_dburl u;
        rm_dberr err;
        const char *keep = "public";
        if (rm_dburl_parse(&u, url, a, &err) == RM_OK && rm_dburl_param_get(&u, "schema"))
            keep = rm_dburl_param_get(&u, "schema");
        rm_rows *r = NULL;
        if (rm_db_query(c,
                        "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' "
                        "AND nspname <> 'information_schema' ORDER BY nspname",
                        NULL, 0, a, &r, &err) != RM_OK) {
            rm_db_report(d, &err, "cannot list the shadow database's schemas");
            rc = RM_EDB;
            goto done;
        }
        for (size_t i = 0; i < r->nrows; i++) {
            const char *s = rm_rows_get(r, i, 0);
            rm_sb_puts(&sql, "DROP SCHEMA IF EXISTS ");
            dia->quote_ident(&sql, s, strlen(s));
            rm_sb_puts(&sql, " CASCADE;\n");
        }
        rm_sb_puts(&sql, "CREATE SCHEMA ");
        dia->quote_ident(&sql, keep, strlen(keep));
        rm_sb_puts(&sql, ";\n");
    } else {
        const char *db = scalar(c, "SELECT DATABASE()", &failed, a, d);
        const char *cs = db ? scalar(c,
                                     "SELECT CONCAT(DEFAULT_CHARACTER_SET_NAME, ' COLLATE ', "
                                     "DEFAULT_COLLATION_NAME) FROM information_schema.SCHEMATA "
                                     "WHERE SCHEMA_NAME = DATABASE()",
                                     &failed, a, d)
                            : NULL;
        if (!db || !cs) {
            if (!failed)
                rm_diag_error(d, RM_E_MIG_SHADOW, RM_LOC_NONE,
                              "the shadow URL %s names no database", rm_dburl_redact(url, a));
            rc = failed ? RM_EDB : RM_ECONFLICT;
            goto done;
        }
        rm_sb q = RM_SB_INIT;
        dia->quote_ident(&q, db, strlen(db));
        /* the character set and collation come from the server's own catalog */
        rm_sb_appendf(&sql, "DROP DATABASE %s;\nCREATE DATABASE %s CHARACTER SET %s;\nUSE %s",
                      rm_sb_str(&q), rm_sb_str(&q), cs, rm_sb_str(&q));
        rm_sb_free(&q);
    }
    /* One statement at a time: a failure names the one that failed. */
    rm_mig_split_script(&stmts, &offs, &n, rm_sb_str(&sql), sql.len, RM_MIG_SQL_GENERIC, a);
    for (size_t i = 0; i < n && rc == RM_OK; i++)
        rc = exec_or_report(c, stmts[i], d);
done:
    rm_sb_free(&sql);
    return rc;
}

static rm_mig_syntax syntax_of(rm_db_kind kind)
{
    return kind == RM_DB_POSTGRES ? RM_MIG_SQL_POSTGRES
           : kind == RM_DB_MYSQL  ? RM_MIG_SQL_MYSQL
                                  : RM_MIG_SQL_SQLITE;
}

int rm_cli_replay(rm_sqlschema *out, const rm_mig_dir *dir, const char *url,
                  const char *const *protect, size_t nprotect, rm_arena *a, rm_diags *d)
{
    for (size_t i = 0; i < nprotect; i++) {
        if (protect[i] && rm_cli_same_database(url, protect[i], a)) {
            rm_diag *g = rm_diag_error(d, RM_E_MIG_SHADOW, RM_LOC_NONE,
                                       "the shadow database %s is the database the command "
                                       "works on",
                                       rm_dburl_redact(url, a));
            rm_diag_set_detail(d, g,
                               "relmig empties the shadow database before replaying the "
                               "migrations into it");
            rm_diag_set_hint(d, g, "Pass a separate scratch database as --shadow-url.");
            return RM_EUSAGE;
        }
    }
    rm_conn *c = NULL;
    rm_dberr err;
    int rc = rm_cli_connect(&c, url, NULL, a, d);
    if (rc != RM_OK)
        return rc;
    rm_db_kind kind = rm_db_driver(c)->kind;
    bool memory = kind == RM_DB_SQLITE && strstr(url, ":memory:") != NULL;
    if (!memory && kind != RM_DB_SQLITE)
        rc = shadow_reset(c, url, a, d);
    for (size_t i = 0; rc == RM_OK && i < dir->n; i++) {
        const rm_mig *m = &dir->items[i];
        const char **stmts = NULL;
        size_t *offs = NULL, n = 0;
        const char *whole[1] = {m->sql->text};
        /* SQLite takes the script whole (sqlite3_exec knows trigger bodies). */
        if (kind == RM_DB_SQLITE) {
            stmts = whole;
            n = 1;
        } else {
            rm_mig_split_script(&stmts, &offs, &n, m->sql->text, m->sql->len, syntax_of(kind), a);
        }
        for (size_t k = 0; k < n && rc == RM_OK; k++) {
            if (rm_db_exec(c, stmts[k], &err) == RM_OK)
                continue;
            size_t off = offs ? offs[k] : 0, len = offs ? strlen(stmts[k]) : 0;
            rm_diag *g = rm_diag_error(d, RM_E_MIG_APPLY_FAILED, rm_loc_make(m->sql->id, off, len),
                                       "replaying migration %s failed: %s", m->name, err.message);
            if (err.detail[0])
                rm_diag_set_detail(d, g, "%s", err.detail);
            rm_diag_set_hint(d, g,
                             "The migrations must run on an empty database of their provider; "
                             "fix the migration, or check that --shadow-url is that provider.");
            rc = RM_EDB;
        }
    }
    if (rc == RM_OK)
        rc = rm_introspect(out, c, NULL, a, d);
    rm_db_close(c);
    return rc;
}

int rm_cli_replay_temporary(rm_sqlschema *out, const rm_mig_dir *dir, rm_conn *c,
                            const char *url, rm_arena *a, rm_diags *d)
{
    rm_dburl u;
    rm_dberr err;
    if (rm_dburl_parse(&u, url, a, &err) != RM_OK) {
        rm_db_report(d, &err, "cannot read the database URL");
        return RM_EUSAGE;
    }
    bool pg = rm_db_driver(c)->kind == RM_DB_POSTGRES, failed = false;
    /* pid and time: concurrent checks against one server get different names */
    const char *name = rm_arena_sprintf(a, "relmig_shadow_%ld_%ld", (long)getpid(),
                                        (long)(time(NULL) % 1000000));
    const char *create = rm_arena_sprintf(a, "CREATE DATABASE %s", name);
    if (!pg) {
        const char *cs = scalar(c,
                                "SELECT CONCAT(DEFAULT_CHARACTER_SET_NAME, ' COLLATE ', "
                                "DEFAULT_COLLATION_NAME) FROM information_schema.SCHEMATA "
                                "WHERE SCHEMA_NAME = DATABASE()",
                                &failed, a, d);
        if (failed)
            return RM_EDB;
        if (cs)
            create = rm_arena_sprintf(a, "%s CHARACTER SET %s", create, cs);
    }
    if (rm_db_exec(c, create, &err) != RM_OK) {
        rm_diag *g = rm_db_report(d, &err, rm_arena_sprintf(a, "cannot create the temporary "
                                                               "shadow database %s", name));
        rm_diag_set_hint(d, g,
                         "Without --shadow-url relmig replays the migrations into a temporary "
                         "database on the same server, which needs the right to create "
                         "databases (PostgreSQL: CREATEDB). Pass an empty scratch database "
                         "as --shadow-url instead.");
        return RM_EDB;
    }
    rm_cli_verbose("replaying the migrations into the temporary shadow database %s", name);
    u.database = name;
    int rc = rm_cli_replay(out, dir, rm_dburl_format(&u, false, a), NULL, 0, a, d);
    /* rm_cli_replay has closed its connection, so nothing holds the database open */
    if (rm_db_exec(c, rm_arena_sprintf(a, "DROP DATABASE %s", name), &err) != RM_OK)
        rm_diag_warning(d, RM_E_MIG_SHADOW, RM_LOC_NONE,
                        "the temporary shadow database %s could not be dropped (%s); drop it "
                        "by hand",
                        name, err.message);
    return rc;
}
