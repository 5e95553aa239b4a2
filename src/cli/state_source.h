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
#include "sqlschema/sqlschema.h"

typedef enum rm_state_kind {
    RM_STATE_EMPTY,
    RM_STATE_SCHEMA,     /* one or more schema files / folders */
    RM_STATE_URL,        /* a live database */
    RM_STATE_MIGRATIONS  /* a migrations folder */
} rm_state_kind;

typedef struct rm_state {
    rm_state_kind kind;
    const char *const *args; /* what the user gave (paths, or the URL as args[0]) */
    size_t nargs;
    bool loaded;             /* schema: `schema` is filled */
    rm_loaded_schema schema;
} rm_state;

/* Classify the values given for --from or --to. Nothing is read yet. Returns RM_OK, or
 * RM_EUSAGE with a diagnostic when the values mix kinds (e.g. `empty` and a path). */
int rm_state_classify(rm_state *out, const char *const *values, size_t n, rm_diags *d);

/* Read what the state needs to name its dialect (parse schema files). Diagnostics point into
 * the sources the state keeps; print them with rm_state_sources(). */
int rm_state_load(rm_state *s, rm_diags *d);

/* The dialect the state implies (a schema's datasource provider, a URL's scheme), or NULL
 * when it implies none (empty, a Cerial schema). An unsupported provider (sqlserver, mongodb)
 * is reported to d and gives NULL. */
const rm_dialect *rm_state_dialect(const rm_state *s, rm_diags *d);

/* The state as a physical schema of dialect dia, allocated in a. */
int rm_state_resolve(rm_sqlschema *out, rm_state *s, const rm_dialect *dia, rm_arena *a,
                     rm_diags *d);

/* The state as a relation graph: a schema's own graph, or a database introspected and raised
 * (with Prisma's introspection rules). Borrowed from s or allocated in a. */
int rm_state_graph(const rm_graph **out, rm_state *s, rm_arena *a, rm_diags *d);

/* The sources diagnostics may point into (an empty set for states without files). */
const rm_sources *rm_state_sources(const rm_state *s);
void rm_state_free(rm_state *s);

#endif
