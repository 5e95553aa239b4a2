/*
 * Raise: physical schema -> relation graph, with Prisma's introspection rules (prisma.md 5):
 * model and field names from table and column names (sanitised to [A-Za-z][A-Za-z0-9_]*,
 * the database name kept with @map/@@map), scalar types by type family, defaults
 * (autoincrement, now, literals, dbgenerated for anything else), primary keys and unique and
 * normal indexes with `map:` only for non-default names, relations from foreign keys (1:1
 * exactly when a unique criterion lies within the FK columns, else 1:n), Prisma's relation and
 * back-relation field names and disambiguation, implicit many-to-many join tables, and
 * `@@ignore` for tables without a unique criterion.
 *
 * Not for: reading a database (db/introspect*.c), printing (model/print_*.c), or validation:
 * the graph is built directly, as prisma_build.c would build it from the printed text.
 */
#ifndef RELMIG_SQLSCHEMA_RAISE_H
#define RELMIG_SQLSCHEMA_RAISE_H

#include "dialects/dialect.h"
#include "model/graph.h"
#include "util/diag.h"

typedef struct rm_raise_opts {
    /* The schema the user already has (re-introspection), or NULL. Models whose table, and
     * fields whose column, match are given the user's names (with their @map/@@map), and
     * relation fields keep the user's names and relation name. */
    const rm_graph *previous;
    const char *datasource; /* datasource block name for @db.* attributes; NULL = "db" */
} rm_raise_opts;

/* Raise s (as read from a database speaking dialect d) into *out, allocated in a (which must
 * outlive it; s too, names are borrowed). Models come out sorted by name, as Prisma writes
 * them. What the graph cannot hold is reported as a warning in diags (E086x). opts may be
 * NULL. Returns RM_OK. */
int rm_sqlschema_raise(rm_graph **out, const rm_sqlschema *s, const rm_dialect *d,
                       const rm_raise_opts *opts, rm_arena *a, rm_diags *diags);

/* Prisma's identifier sanitising: invalid characters become '_', leading digits and
 * underscores are dropped. Returns name itself when it is already valid, "" when nothing is
 * left. Allocated in a. */
const char *rm_raise_sanitize(rm_arena *a, const char *name);

#endif
