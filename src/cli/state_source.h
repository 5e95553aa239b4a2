/*
 * The states `relmig diff` (and later `migrate`/`check`) compare: where a schema state comes
 * from, resolved into the physical SQL schema of one dialect. A state is `empty`, schema
 * path(s) (files or folders, Prisma or Cerial), a database URL (introspected), or a migrations
 * folder (replayed). Each kind is one branch of rm_state_resolve; the commands never care
 * which kind they got. Not for deciding what to print or exit with.
 */
#ifndef RELMIG_CLI_STATE_SOURCE_H
#define RELMIG_CLI_STATE_SOURCE_H

#include "cli/schema_load.h"
#include "dialects/dialect.h"
#include "migrations/migrations.h"
#include "sqlschema/sqlschema.h"

typedef enum rm_state_kind {
    RM_STATE_EMPTY,
    RM_STATE_SCHEMA,    /* one or more schema files / folders */
    RM_STATE_URL,       /* a live database */
    RM_STATE_MIGRATIONS /* a migrations folder */
} rm_state_kind;

typedef struct rm_state {
    rm_state_kind kind;
    const char *const *args; /* what the user gave (paths, or the URL as args[0]) */
    size_t nargs;
    bool loaded; /* schema: `schema` is filled */
    rm_loaded_schema schema;
    /* migrations: the folder (its files in msrcs), read by rm_state_load */
    bool mloaded;
    rm_arena marena;
    rm_sources msrcs;
    rm_mig_dir mdir;
    /* migrations: where PostgreSQL/MySQL folders are replayed (--shadow-url), and the URLs
     * the command works on, which the shadow database must not be (set by the caller) */
    const char *shadow_url;
    const char *const *protect;
    size_t nprotect;
} rm_state;

/* Classify the values given for --from or --to. Nothing is read yet. Returns RM_OK, or
 * RM_EUSAGE with a diagnostic when the values mix kinds (e.g. `empty` and a path). */
int rm_state_classify(rm_state *out, const char *const *values, size_t n, rm_diags *d);
/* A state that is the migrations folder at path, whatever the folder holds
 * (--from-migrations / --to-migrations). */
void rm_state_migrations(rm_state *out, const char *const *path);

/* Read what the state needs to name its dialect (parse schema files; read a migrations folder
 * and check it against relmig.sum). Diagnostics point into the sources the state keeps;
 * print them with rm_state_sources(). */
int rm_state_load(rm_state *s, rm_diags *d);

/* The dialect the state implies (a schema's datasource provider, a URL's scheme, a migrations
 * folder's migration_lock.toml), or NULL when it implies none (empty, a Cerial schema). An
 * unsupported provider (sqlserver, mongodb) is reported to d and gives NULL. */
const rm_dialect *rm_state_dialect(const rm_state *s, rm_diags *d);

/* The state as a physical schema of dialect dia, allocated in a. A migrations folder is
 * replayed (rm_cli_replay): SQLite into an in-memory database, PostgreSQL/MySQL into
 * s->shadow_url, which must be given and of dia's database. */
int rm_state_resolve(rm_sqlschema *out, rm_state *s, const rm_dialect *dia, rm_arena *a,
                     rm_diags *d);

/* The state as a relation graph: a schema's own graph, or a database introspected and raised
 * (with Prisma's introspection rules). Borrowed from s or allocated in a. */
int rm_state_graph(const rm_graph **out, rm_state *s, rm_arena *a, rm_diags *d);

/* The sources diagnostics may point into (an empty set for states without files). */
const rm_sources *rm_state_sources(const rm_state *s);
/* Free a schema state's relation graph (and ASTs) once it has been resolved: the SQL schema
 * does not borrow from it. The sources stay for the diagnostics. */
void rm_state_drop_graph(rm_state *s);
void rm_state_free(rm_state *s);

#endif
