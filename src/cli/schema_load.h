/*
 * The schema loading every schema-reading command shares: PATHs (files or folders) -> sources
 * -> parsed by extension -> one validated relation graph. Commands call rm_schema_load once and
 * print the diagnostics; nothing here prints. Not for deciding exit codes.
 */
#ifndef RELMIG_CLI_SCHEMA_LOAD_H
#define RELMIG_CLI_SCHEMA_LOAD_H

#include "model/graph.h"
#include "util/diag.h"

typedef struct rm_loaded_schema {
    rm_sources srcs; /* the files read; diagnostics point into them */
    rm_arena arena;  /* ASTs and the graph */
    rm_graph *graph; /* never NULL after rm_schema_load, possibly partial on errors */
} rm_loaded_schema;

/* Read paths, parse and validate. Problems go to d. Returns RM_OK when there is no error (so
 * the graph is complete and valid); otherwise the code of the first stage that failed (RM_EIO,
 * RM_ESYNTAX, RM_ESEMANTIC, RM_EUNSUPPORTED). Always call rm_loaded_schema_free afterwards. */
int rm_schema_load(rm_loaded_schema *out, const char *const *paths, size_t npaths, rm_diags *d);
void rm_loaded_schema_free(rm_loaded_schema *s);

#endif
