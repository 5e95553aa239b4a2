/*
 * See state_source.h. Each state kind is one branch of load/dialect/resolve: schemas are
 * parsed and lowered, database URLs introspected (src/db/introspect.h), migrations folders
 * replayed into a scratch database and introspected (cli/db_session.c).
 */
#define _POSIX_C_SOURCE 200809L
#include "cli/state_source.h"

#include "cli/db_session.h"
#include "db/introspect.h"
#include "io/migrations_dir.h"
#include "sqlschema/lower.h"
#include "sqlschema/raise.h"

#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static const rm_sources no_sources; /* zeroed: an empty set */

static bool is_url(const char *s)
{
    static const char *const prefixes[] = {"postgresql://", "postgres://", "mysql://",
                                           "mariadb://",    "sqlite:",     "file:"};
    for (size_t i = 0; i < RM_ARRAY_LEN(prefixes); i++)
        if (strncasecmp(s, prefixes[i], strlen(prefixes[i])) == 0)
            return true;
    return false;
}

/* A folder is a migrations folder when it has Prisma's lock file; a schema folder never does. */
static bool is_migrations_dir(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
        return false;
    size_t n = strlen(path);
    char lock[4096];
    if (n + sizeof "/migration_lock.toml" > sizeof lock)
        return false;
    memcpy(lock, path, n);
    memcpy(lock + n, "/migration_lock.toml", sizeof "/migration_lock.toml");
    return stat(lock, &st) == 0;
}

int rm_state_classify(rm_state *out, const char *const *values, size_t n, rm_diags *d)
{
    memset(out, 0, sizeof(*out));
    out->args = values;
    out->nargs = n;
    if (n == 1 && strcmp(values[0], "empty") == 0) {
        out->kind = RM_STATE_EMPTY;
    } else if (n == 1 && is_url(values[0])) {
        out->kind = RM_STATE_URL;
    } else if (n == 1 && is_migrations_dir(values[0])) {
        out->kind = RM_STATE_MIGRATIONS;
    } else {
        for (size_t i = 0; i < n; i++) {
            if (strcmp(values[i], "empty") == 0 || is_url(values[i])) {
                rm_diag_error(d, RM_E_USAGE, RM_LOC_NONE,
                              "'%s' cannot be combined with other values in one state",
                              strcmp(values[i], "empty") == 0 ? "empty" : "a database URL");
                return RM_EUSAGE;
            }
        }
        out->kind = RM_STATE_SCHEMA;
    }
    return RM_OK;
}

void rm_state_migrations(rm_state *out, const char *const *path)
{
    memset(out, 0, sizeof(*out));
    out->args = path;
    out->nargs = 1;
    out->kind = RM_STATE_MIGRATIONS;
}

int rm_state_load(rm_state *s, rm_diags *d)
{
    switch (s->kind) {
    case RM_STATE_SCHEMA: {
        int rc = rm_schema_load(&s->schema, s->args, s->nargs, d);
        s->loaded = true;
        return rc;
    }
    case RM_STATE_EMPTY:
    case RM_STATE_URL: /* connecting waits for resolve: the dialect is known from the URL */
        return RM_OK;
    case RM_STATE_MIGRATIONS: {
        rm_arena_init(&s->marena, 0);
        rm_sources_init(&s->msrcs);
        s->mloaded = true;
        int rc = rm_io_read_migrations(&s->mdir, s->args[0], &s->msrcs, &s->marena, d);
        /* A tampered folder gives a wrong state: refuse it as apply does. */
        if (rc == RM_OK)
            rc = rm_mig_sum_verify(&s->mdir, true, d);
        return rc;
    }
    }
    return RM_ERR;
}

/* The dialect of a migrations folder: migration_lock.toml's provider. */
static const rm_dialect *migrations_dialect(const rm_state *s, rm_diags *d)
{
    const char *p = s->mdir.provider;
    if (!s->mloaded || !p)
        return NULL;
    if (strcmp(p, "postgresql") == 0 || strcmp(p, "postgres") == 0 || strcmp(p, "mysql") == 0 ||
        strcmp(p, "sqlite") == 0)
        return rm_dialect_by_name(p);
    rm_diag *w =
        rm_diag_error(d, RM_E_USAGE, RM_LOC_NONE,
                      "relmig cannot replay migrations for provider \"%s\" (%s)", p, s->args[0]);
    rm_diag_set_hint(d, w, "relmig replays postgresql, mysql and sqlite migrations.");
    return NULL;
}

/* Replay a migrations folder into the database dia speaks. */
static int resolve_migrations(rm_sqlschema *out, rm_state *s, const rm_dialect *dia, rm_arena *a,
                              rm_diags *d)
{
    const rm_dialect *own = migrations_dialect(s, d);
    if (own && own != dia) {
        rm_diag_error(d, RM_E_USAGE, RM_LOC_NONE,
                      "the migrations in %s are %s, but the SQL asked for is %s", s->args[0],
                      own->name, dia->name);
        return RM_EUSAGE;
    }
    const char *url = "sqlite::memory:";
    if (strcmp(dia->name, "sqlite") != 0) {
        const char *shadow_dia = s->shadow_url ? rm_introspect_dialect_of_url(s->shadow_url) : NULL;
        if (!s->shadow_url || !shadow_dia || rm_dialect_by_name(shadow_dia) != dia) {
            rm_diag *g = rm_diag_error(d, RM_E_USAGE, RM_LOC_NONE,
                                       "replaying the %s migrations in %s needs --shadow-url, a "
                                       "scratch %s database",
                                       dia->name, s->args[0], dia->name);
            rm_diag_set_hint(d, g,
                             "The shadow database is emptied before the replay; SQLite "
                             "migrations replay into an in-memory database instead.");
            return RM_EUSAGE;
        }
        url = s->shadow_url;
    }
    int rc = rm_cli_replay(out, &s->mdir, url, s->protect, s->nprotect, a, d);
    /* As for a URL below: the replayed database's default schema exists. */
    if (rc == RM_OK && (dia->caps & RM_CAP_SCHEMAS) && !rm_sqlschema_has_namespace(out, "public"))
        rm_sqlschema_add_namespace(out, "public");
    return rc;
}

const rm_dialect *rm_state_dialect(const rm_state *s, rm_diags *d)
{
    if (s->kind == RM_STATE_URL) {
        const char *name = rm_introspect_dialect_of_url(s->args[0]);
        return name ? rm_dialect_by_name(name) : NULL;
    }
    if (s->kind == RM_STATE_MIGRATIONS)
        return migrations_dialect(s, d);
    if (s->kind != RM_STATE_SCHEMA || !s->loaded || !s->schema.graph)
        return NULL;
    const rm_graph *g = s->schema.graph;
    switch (g->provider) {
    case RM_PROVIDER_NONE:
        return NULL;
    case RM_PROVIDER_POSTGRES:
    case RM_PROVIDER_MYSQL:
    case RM_PROVIDER_SQLITE:
        return rm_dialect_by_name(rm_provider_name(g->provider));
    case RM_PROVIDER_COCKROACH:
    case RM_PROVIDER_SQLSERVER:
    case RM_PROVIDER_MONGODB:
    case RM_PROVIDER_OTHER:
        break;
    }
    rm_diag *w =
        rm_diag_error(d, RM_E_USAGE, RM_LOC_NONE, "relmig has no SQL dialect for provider \"%s\"",
                      g->provider_name ? g->provider_name : rm_provider_name(g->provider));
    rm_diag_set_hint(d, w, "Pass --dialect postgresql, mysql or sqlite.");
    return NULL;
}

int rm_state_resolve(rm_sqlschema *out, rm_state *s, const rm_dialect *dia, rm_arena *a,
                     rm_diags *d)
{
    rm_sqlschema_init(out, a);
    switch (s->kind) {
    case RM_STATE_EMPTY:
        return RM_OK;
    case RM_STATE_SCHEMA: {
        /* Schemas-capable dialects (PostgreSQL) put unqualified tables in the connection's
         * default schema, which a diff from empty creates, as Prisma's migrate diff does. */
        rm_lower_opts opts = {(dia->caps & RM_CAP_SCHEMAS) ? "public" : NULL, false};
        return rm_sqlschema_lower(out, s->schema.graph, dia, &opts, a, d);
    }
    case RM_STATE_URL: {
        /* A database speaks one dialect: generating another one's SQL from it is a mistake. */
        const char *name = rm_introspect_dialect_of_url(s->args[0]);
        if (!name || rm_dialect_by_name(name) != dia) {
            rm_diag_error(d, RM_E_USAGE, RM_LOC_NONE,
                          "the database is %s, but the SQL asked for is %s", name ? name : "?",
                          dia->name);
            return RM_EUSAGE;
        }
        int rc = rm_introspect_url(out, s->args[0], a, d);
        /* The schema a database was introspected from exists. Without this, `diff --from URL
         * --to SCHEMA --exit-code` on PostgreSQL always found a CreateSchema "public" (the
         * schema side gets it in the case above) and never reported "in sync" (issue #8). */
        if (rc == RM_OK && (dia->caps & RM_CAP_SCHEMAS) &&
            !rm_sqlschema_has_namespace(out, "public"))
            rm_sqlschema_add_namespace(out, "public");
        return rc;
    }
    case RM_STATE_MIGRATIONS:
        return s->mloaded ? resolve_migrations(out, s, dia, a, d) : RM_ERR;
    }
    return RM_ERR; /* rm_state_load already reported why */
}

int rm_state_graph(const rm_graph **out, rm_state *s, rm_arena *a, rm_diags *d)
{
    *out = NULL;
    switch (s->kind) {
    case RM_STATE_SCHEMA:
        *out = s->schema.graph;
        return rm_diags_has_errors(d) ? RM_ERR : RM_OK;
    case RM_STATE_URL:
    case RM_STATE_MIGRATIONS: {
        const rm_dialect *dia = rm_state_dialect(s, d);
        rm_sqlschema sql;
        int rc = dia ? rm_state_resolve(&sql, s, dia, a, d) : RM_ERR;
        if (rc != RM_OK)
            return rc;
        rm_graph *g = NULL;
        rc = rm_sqlschema_raise(&g, &sql, dia, NULL, a, d);
        *out = g;
        return rc;
    }
    case RM_STATE_EMPTY:
        break;
    }
    rm_diag_error(d, RM_E_USAGE, RM_LOC_NONE, "this state has no relation graph to show");
    return RM_EUSAGE;
}

const rm_sources *rm_state_sources(const rm_state *s)
{
    if (s->mloaded)
        return &s->msrcs;
    return s->loaded ? &s->schema.srcs : &no_sources;
}

void rm_state_drop_graph(rm_state *s)
{
    if (!s->loaded)
        return;
    rm_arena_free(&s->schema.arena);
    s->schema.graph = NULL;
}

void rm_state_free(rm_state *s)
{
    if (s->loaded)
        rm_loaded_schema_free(&s->schema);
    if (s->mloaded) {
        rm_sources_free(&s->msrcs);
        rm_arena_free(&s->marena);
    }
    s->loaded = s->mloaded = false;
}
