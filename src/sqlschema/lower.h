/*
 * Lowering: relation graph x dialect -> physical schema, the way Prisma's schema engine builds
 * its target schema (prisma.md 3.1-3.4): table and column names after @map/@@map, each
 * dialect's default native type per scalar and the @db.* native types, defaults, primary keys,
 * unique and normal indexes, foreign keys with their actions, PostgreSQL enum types / MySQL
 * inline ENUM / SQLite text, implicit many-to-many join tables (_AToB with columns A and B),
 * and Prisma's default constraint names cut to the dialect's identifier length.
 *
 * Not for: validating the graph (model/ does that; the input is assumed valid), or anything the
 * database reports (introspection builds an rm_sqlschema directly).
 */
#ifndef RELMIG_SQLSCHEMA_LOWER_H
#define RELMIG_SQLSCHEMA_LOWER_H

#include "dialects/dialect.h"
#include "model/graph.h"

typedef struct rm_lower_opts {
    /* The connection's default schema ("public"), or NULL. With RM_CAP_SCHEMAS it is recorded
     * as a namespace the database must have (so a diff from empty creates it, like Prisma's
     * `migrate diff --from-empty`), and with qualify_default it is also given to every table
     * and enum without @@schema (the qualified form Prisma's 2025 snapshots expect). */
    const char *default_schema;
    bool qualify_default;
} rm_lower_opts;

/* Lower g for dialect d into out (initialised here; everything in a, which must outlive out;
 * nothing is borrowed from g, which may be freed right after: `diff` does, so that the differ
 * and the renderer reuse its memory). What the dialect cannot express
 * (a scalar list outside PostgreSQL) is reported as RM_E_SQL_UNSUPPORTED at the field and the
 * field is left out; opts may be NULL (no default schema); returns RM_OK or RM_EUNSUPPORTED. Views
 * and @@ignore'd models produce no table. */
int rm_sqlschema_lower(rm_sqlschema *out, const rm_graph *g, const rm_dialect *d,
                       const rm_lower_opts *opts, rm_arena *a, rm_diags *diags);

/* Prisma's default constraint names (constraint_names.rs), for a table and column names
 * already in database form, with the dialect's limit L = max_ident_len:
 *   suffix "pkey": "{table}_pkey", the table cut to L-5 when it is L-5 bytes or longer;
 *   suffix "key"/"idx": "{table}_{cols}_key|idx", the prefix cut to L-4;
 *   suffix "fkey": "{table}_{cols}_fkey", the prefix cut to L-5.
 * Cuts fall on a UTF-8 character boundary. The result is in a. */
const char *rm_sql_constraint_name(rm_arena *a, size_t max_len, const char *table,
                                   const char *const *cols, size_t ncols, const char *suffix);

#endif
