/*
 * Schema printers: relation graph -> Prisma schema text (print_prisma.c), column-aligned the
 * way `prisma format` aligns it, and -> Cerial text (print_cerial.c). Used by `relmig
 * introspect` (after sqlschema/raise.c) and `relmig convert`.
 *
 * The output depends only on the graph, so printing is deterministic and, for Prisma,
 * print(parse(print(g))) == print(g): a printed schema parsed back gives the same graph.
 * Comments other than /// documentation are not part of the graph and are not printed.
 *
 * Not for: diagrams and JSON (graph_print.h, graph_json.h), or validation.
 */
#ifndef RELMIG_MODEL_PRINT_H
#define RELMIG_MODEL_PRINT_H

#include "model/graph.h"
#include "util/diag.h"
#include "util/sb.h"

/* Append g as a Prisma schema: datasource (when the graph has a provider), generator,
 * models, views, enums, each block as `prisma format` lays it out. */
void rm_print_prisma(rm_sb *out, const rm_graph *g);

/* Append g as a Cerial schema (the reverse of model/cerial_build.c). What Cerial cannot
 * express (table and column names other than Cerial's, native types, composite keys and
 * foreign keys, referential actions other than Cerial's fixed ones, client-side generators,
 * index options, views) is written as a `#` comment and reported as a warning
 * (RM_E_PRINT_CERIAL_UNSUPPORTED) in d. */
void rm_print_cerial(rm_sb *out, const rm_graph *g, rm_diags *d);

#endif
