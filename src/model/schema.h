/*
 * One schema from many sources: every source of an rm_sources set is parsed by its extension
 * (.prisma -> Prisma parser; .cerial -> Cerial parser + cerial_build.c) and all of them are
 * built into one relation graph (all .cerial files form one Cerial namespace; a schema may mix
 * both languages, with relations across them resolved by model name: see schema.c and
 * docs/cerial.md). This is the core half of loading (no I/O); the CLI's schema_load.c reads the
 * files first. Not for choosing which files belong to a schema (src/io/files.c does).
 */
#ifndef RELMIG_MODEL_SCHEMA_H
#define RELMIG_MODEL_SCHEMA_H

#include "model/graph.h"
#include "util/diag.h"

/* Parse and validate all of srcs as one schema. *out is always set to a best-effort graph
 * allocated in a (which must outlive it, as must srcs). Syntax and validation problems go to d.
 * Returns RM_OK when no error was reported, else RM_ESYNTAX (a file did not parse) or
 * RM_ESEMANTIC (validation, including E0480: one name defined in both languages). */
int rm_schema_build(rm_graph **out, const rm_sources *srcs, rm_arena *a, rm_diags *d);

#endif
