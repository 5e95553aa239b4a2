/*
 * Source texts and their line maps. Every location in relmig is a byte range in one of these
 * (rm_loc); line:column is computed only when a diagnostic is printed. The texts are copied into
 * the set's arena, so they outlive the buffer they were read from. Reading files is not done
 * here (see src/io/): the core does no I/O.
 */
#ifndef RELMIG_UTIL_SOURCE_H
#define RELMIG_UTIL_SOURCE_H

#include "util/arena.h"

typedef struct rm_source {
    uint32_t id;               /* index in its rm_sources */
    const char *path;          /* display name, as given */
    const char *text;          /* NUL-terminated copy (the text may itself contain NULs) */
    size_t len;                /* bytes of text, without the terminating NUL */
    const uint32_t *line_starts; /* byte offset of each line start; built on first use */
    size_t nlines;
} rm_source;

/* A byte range in one source. file == RM_FILE_NONE means "no location". */
typedef struct rm_loc {
    uint32_t file;
    uint32_t off;
    uint32_t len;
} rm_loc;

#define RM_FILE_NONE UINT32_MAX
#define RM_LOC_NONE ((rm_loc){RM_FILE_NONE, 0, 0})

/* All sources of one run. Owns its arena. */
typedef struct rm_sources {
    rm_arena arena;
    rm_source **items;
    size_t n;
    size_t cap;
} rm_sources;

void rm_sources_init(rm_sources *s);
void rm_sources_free(rm_sources *s);
/* Copy text (len bytes) under the display name path. Borrowed; valid until rm_sources_free.
 * Texts of 4 GiB or more cannot be addressed by rm_loc and are refused (NULL). */
rm_source *rm_sources_add(rm_sources *s, const char *path, const char *text, size_t len);
/* The same for text that already lives in s->arena, NUL-terminated at text[len]: it is taken
 * as it is, not copied (the file reader reads straight into the arena). */
rm_source *rm_sources_adopt(rm_sources *s, const char *path, const char *text, size_t len);
/* The source with this id, or NULL. */
const rm_source *rm_sources_get(const rm_sources *s, uint32_t id);

/* 1-based line and 1-based byte column of off (clamped to the text). */
void rm_source_line_col(const rm_source *src, size_t off, uint32_t *line, uint32_t *col);
/* Byte range [*start, *end) of 1-based line (without its line terminator). */
void rm_source_line_span(const rm_source *src, uint32_t line, size_t *start, size_t *end);
uint32_t rm_source_line_count(const rm_source *src);

static inline rm_loc rm_loc_make(uint32_t file, size_t off, size_t len)
{
    rm_loc l = {file, (uint32_t)off, (uint32_t)len};
    return l;
}

#endif
