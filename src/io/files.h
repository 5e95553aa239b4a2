/*
 * Reading schema files and folders into an rm_sources set, and writing outputs. This is the
 * only file-system code outside the CLI; the core (parser, graph, differ, emitters) never
 * touches files.
 */
#ifndef RELMIG_IO_FILES_H
#define RELMIG_IO_FILES_H

#include "util/diag.h"

/* Largest schema file relmig reads (bounded memory on hostile input). */
#define RM_IO_MAX_FILE_SIZE ((size_t)256 * 1024 * 1024)

/* Read one file into srcs. On failure reports E0001 (or E0006) and returns RM_EIO. */
int rm_io_read_source(rm_source **out, rm_sources *srcs, const char *path, rm_diags *d);

/* Expand PATHs (files or folders) into the schema sources they hold: a folder contributes
 * every *.prisma and *.cerial file directly inside it and in its subfolders except
 * `migrations` and hidden ones, sorted by path so runs are deterministic. Explicit file
 * arguments are read whatever their extension. Reports problems to d; returns RM_OK when
 * every path was read. */
int rm_io_read_schema_paths(rm_sources *srcs, const char *const *paths, size_t npaths,
                            rm_diags *d);

/* Write len bytes to path atomically (temporary file + rename, keeping the old file's mode; a
 * symbolic link is followed). A path that exists and is not a regular file (/dev/null, a FIFO,
 * /dev/stdout) is written in place: renaming over it would replace it. */
int rm_io_write_file(const char *path, const char *data, size_t len, rm_diags *d);

/* Does the path end with this extension (".prisma")? */
bool rm_io_has_ext(const char *path, const char *ext);

#endif
