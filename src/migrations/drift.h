/*
 * Relation-level drift: what `relmig check` names beyond the plain change list, comparing the
 * expected physical schema (from the schema files or the migrations folder) with the
 * introspected one. Pure: two rm_sqlschema values in, findings out. Not for computing the
 * change list (src/diff) or reading databases (src/db).
 */
#ifndef RELMIG_MIGRATIONS_DRIFT_H
#define RELMIG_MIGRATIONS_DRIFT_H

#include "migrations/migrations.h"
#include "sqlschema/sqlschema.h"

typedef enum rm_drift_kind {
    RM_DRIFT_ONE_TO_ONE_NOT_UNIQUE, /* expected 1:1 FK whose columns are not unique in the DB */
    RM_DRIFT_PK_COLUMNS,            /* primary key column set differs */
    RM_DRIFT_PK_ORDER,              /* same composite PK columns, another order */
    RM_DRIFT_FK_ORDER,              /* same composite FK columns, another order or pairing */
    RM_DRIFT_FK_REF_NOT_UNIQUE,     /* a database FK references columns with no PK/UNIQUE */
    RM_DRIFT_FK_MISSING,            /* expected FK absent from the database */
    RM_DRIFT_FK_EXTRA,              /* database FK not expected */
    RM_DRIFT_FK_ACTION,             /* ON DELETE / ON UPDATE differs */
    RM_DRIFT_MIGRATION_MISSING      /* applied to the database, absent from the folder */
} rm_drift_kind;

typedef struct rm_drift_finding {
    rm_drift_kind kind;
    const char *table;   /* the table concerned ("" for migrations) */
    const char *message; /* one sentence, names the objects */
} rm_drift_finding;

typedef struct rm_drift {
    rm_drift_finding *items; /* in table declaration order, then kind */
    size_t n;
    size_t cap;
} rm_drift;

/* "one_to_one_not_unique", "pk_order", ... for JSON and tests. */
const char *rm_drift_kind_name(rm_drift_kind k);

/* Compare expected with actual. restrict_is_no_action: the database does not distinguish
 * RESTRICT from NO ACTION (MySQL/InnoDB), so they compare equal. Findings are appended to
 * out, allocated in a. */
void rm_drift_relations(rm_drift *out, const rm_sqlschema *expected, const rm_sqlschema *actual,
                        bool restrict_is_no_action, rm_arena *a);

/* MySQL/InnoDB creates an index for every foreign key that has none, named after the
 * constraint; Prisma's migrations never write it and the differ does not expect it. Remove
 * from actual each plain index named like one of its table's FKs, over exactly that FK's
 * columns, when expected has no index of that name, so `check` does not report it. */
void rm_drift_strip_innodb_fk_indexes(rm_sqlschema *actual, const rm_sqlschema *expected);

/* Append a finding per migration that the status says is applied but absent from the
 * folder. */
void rm_drift_missing_migrations(rm_drift *out, const rm_mig_status *st, rm_arena *a);

#endif
