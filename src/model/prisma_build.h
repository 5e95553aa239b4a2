/*
 * Prisma ASTs -> relation graph, with Prisma's validation rules (prisma.md section 2 and the
 * general field/attribute rules). All .prisma sources of one run form one schema: blocks of all
 * files are merged, there is at most one datasource, and names are resolved across files.
 * Not for parsing (src/parser/prisma_*.c) or for Cerial.
 */
#ifndef RELMIG_MODEL_PRISMA_BUILD_H
#define RELMIG_MODEL_PRISMA_BUILD_H

#include "model/graph.h"
#include "parser/prisma.h"
#include "util/diag.h"

/* Build and validate. *out is always set (a best-effort graph: fields and relations that could
 * not be resolved are left out) and lives in a. Every problem found goes to d (ids E0200-E0399)
 * in the order Prisma's own validator would report them, so the first error matches Prisma's.
 * Returns RM_OK when no error was reported, RM_ESEMANTIC otherwise. Warnings do not fail. */
int rm_prisma_build(rm_graph **out, rm_prisma_ast *const *asts, size_t nasts, rm_arena *a,
                    rm_diags *d);
/* The same, with the builder's own tables (per-field side tables, relation candidates,
 * constraint-name sets, unsorted arrays) in tmp, which the caller frees after the build. The
 * graph points into a and into the ASTs' strings, never into tmp or into the AST's nodes, so
 * ASTs parsed with rm_prisma_parse_split(nodes = tmp) go away with tmp. */
int rm_prisma_build_split(rm_graph **out, rm_prisma_ast *const *asts, size_t nasts, rm_arena *a,
                          rm_arena *tmp, rm_diags *d);

#endif
