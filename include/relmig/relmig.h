/*
 * relmig's public C interface: the version, and checking a schema text the way
 * `relmig validate --json` and `relmig graph` do, with results as text. Everything is plain C
 * types and malloc'd strings, so a program (or another language's FFI) needs no other relmig
 * header. Link with `pkg-config --static --libs relmig` (librelmig.a needs libpcre2-8).
 *
 * Not the internal API: the rm_* modules under src/ (graph, parsers, differ, drivers) change as
 * the project grows and are not installed. Only what is declared here is kept stable.
 *
 * Limits of this version: Prisma schemas only; a `.cerial` name is answered with diagnostic
 * E0007 (Cerial is not wired into the schema builder yet). Database access, diffing and
 * migrations are available through the `relmig` command, not through this header.
 */
#ifndef RELMIG_RELMIG_H
#define RELMIG_RELMIG_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The version of this header. rm_api_version() gives the version of the library linked. */
#define RELMIG_VERSION_MAJOR 0
#define RELMIG_VERSION_MINOR 1
#define RELMIG_VERSION_PATCH 0
#define RELMIG_VERSION_STRING "0.1.0"

/* What rm_api_check_schema renders the relation graph as. */
typedef enum rm_api_format {
    RM_API_FORMAT_NONE = 0,  /* no graph, diagnostics only */
    RM_API_FORMAT_JSON,      /* the versioned JSON of `relmig graph` (docs/graph-json.md) */
    RM_API_FORMAT_MERMAID,   /* a Mermaid erDiagram */
    RM_API_FORMAT_DOT        /* a Graphviz digraph */
} rm_api_format;

/* "0.1.0": a static string. */
const char *rm_api_version(void);

/*
 * Parse and validate one schema given as text. name is the file name used in diagnostics and
 * picks the language by its extension (".prisma"; anything but ".cerial" is read as Prisma).
 * text need not be NUL-terminated; len is its length in bytes.
 *
 * Returns 0 when the schema is valid, 1 when it has errors (warnings alone do not count), and
 * -1 when an argument is invalid or the output could not be built.
 *
 * If diagnostics_json is not NULL, *diagnostics_json receives the diagnostics as the JSON array
 * `relmig validate --json` prints ("[]" when there are none). If graph is not NULL and format is
 * not RM_API_FORMAT_NONE, *graph receives the relation graph in that format when the schema is
 * valid, and NULL otherwise. The caller owns both strings and releases them with rm_api_free.
 */
int rm_api_check_schema(const char *name, const char *text, size_t len, rm_api_format format,
                        char **graph, char **diagnostics_json);

/* Release a string returned by this interface (NULL is fine). */
void rm_api_free(void *p);

#ifdef __cplusplus
}
#endif

#endif
