/*
 * Cerial (resolved, validated) schema -> relation graph. The mapping rules are documented in
 * docs/cerial.md ("Into the relation graph"): Record @id -> primary key, forward Relation ->
 * foreign key, reverse Relation/Relation[] -> 1:1 / 1:n, Record[] + Relation[] @field ->
 * many-to-many through a join table, SurrealDB-only types -> Json, and so on. What SQL cannot
 * express is reported as a warning (E0460), never silently dropped.
 * Not for parsing or validating Cerial (src/parser/cerial_*.c).
 */
#ifndef RELMIG_MODEL_CERIAL_BUILD_H
#define RELMIG_MODEL_CERIAL_BUILD_H

#include "model/graph.h"
#include "parser/cerial.h"

/* Map `resolved` (the output of rm_cerial_validate: flattened, no abstract models) into a graph
 * allocated in a (owned by a). Warnings go to d. Returns RM_OK, or RM_ESEMANTIC when something
 * could not be mapped at all (reported as an error). */
int rm_cerial_build(rm_graph **out, const rm_cerial_schema *resolved, rm_arena *a, rm_diags *d);

#endif
