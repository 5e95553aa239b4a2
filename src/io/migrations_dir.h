/*
 * Reading a migrations folder from disk into an rm_mig_dir (src/migrations), and writing
 * relmig.sum and new migrations. Only file-system work lives here; every decision about the
 * contents is made by src/migrations.
 */
#ifndef RELMIG_IO_MIGRATIONS_DIR_H
#define RELMIG_IO_MIGRATIONS_DIR_H

#include "migrations/migrations.h"

/* Read path: every non-hidden sub-folder is a migration and must hold migration.sql (E0901
 * otherwise); down.sql is read when present; migration_lock.toml and relmig.sum are read when
 * present. Texts are added to srcs (so diagnostics can point into them); names and the list
 * live in a. Calls rm_mig_dir_finish. A missing folder is E0001. Returns RM_OK, RM_EIO or
 * RM_ERR. */
int rm_io_read_migrations(rm_mig_dir *out, const char *path, rm_sources *srcs, rm_arena *a,
                          rm_diags *d);

/* Rewrite path/relmig.sum from dir. */
int rm_io_write_migrations_sum(const rm_mig_dir *dir, rm_diags *d);

#endif

/* The process environment for the migration algorithms: CLOCK_MONOTONIC, nanosleep,
 * /dev/urandom (falling back to time and pid mixing if it cannot be read) and progress lines
 * written to the FILE* passed as ud (stdout when NULL), flushed at once so that an apply
 * killed mid-way shows how far it got. */
void rm_io_mig_env(rm_mig_env *out, void *progress_stream);
