/*
 * Line maps are built lazily: most runs print no diagnostic and never need one.
 */
#include "util/source.h"

#include <string.h>

void rm_sources_init(rm_sources *s)
{
    rm_arena_init(&s->arena, 0);
    s->items = NULL;
    s->n = s->cap = 0;
}

void rm_sources_free(rm_sources *s)
{
    rm_arena_free(&s->arena);
    s->items = NULL;
    s->n = s->cap = 0;
}

rm_source *rm_sources_adopt(rm_sources *s, const char *path, const char *text, size_t len)
{
    if (len >= UINT32_MAX || s->n >= UINT32_MAX - 1)
        return NULL;
    rm_source *src = RM_NEW(&s->arena, rm_source);
    src->id = (uint32_t)s->n;
    src->path = rm_arena_strdup(&s->arena, path);
    src->text = text;
    src->len = len;
    RM_VEC_PUSH(&s->arena, s->items, s->n, s->cap, src);
    /* The line map is built here rather than lazily so that rm_source stays const-usable
     * everywhere; it costs two memchr passes over the text (a byte loop was 14 instructions
     * a byte, as much as reading the file). */
    const char *end = text + len, *p;
    size_t nlines = 1;
    for (p = text; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        nlines++;
    uint32_t *starts = rm_arena_alloc(&s->arena, nlines * sizeof(uint32_t));
    size_t k = 0;
    starts[k++] = 0;
    for (p = text; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        starts[k++] = (uint32_t)(p - text + 1);
    src->line_starts = starts;
    src->nlines = nlines;
    return src;
}

rm_source *rm_sources_add(rm_sources *s, const char *path, const char *text, size_t len)
{
    if (len >= UINT32_MAX || s->n >= UINT32_MAX - 1)
        return NULL;
    return rm_sources_adopt(s, path, rm_arena_strndup(&s->arena, text, len), len);
}

const rm_source *rm_sources_get(const rm_sources *s, uint32_t id)
{
    return id < s->n ? s->items[id] : NULL;
}

uint32_t rm_source_line_count(const rm_source *src)
{
    return (uint32_t)src->nlines;
}

void rm_source_line_col(const rm_source *src, size_t off, uint32_t *line, uint32_t *col)
{
    if (off > src->len)
        off = src->len;
    /* Binary search for the last line start <= off. */
    size_t lo = 0, hi = src->nlines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (src->line_starts[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    *line = (uint32_t)(lo + 1);
    *col = (uint32_t)(off - src->line_starts[lo] + 1);
}

void rm_source_line_span(const rm_source *src, uint32_t line, size_t *start, size_t *end)
{
    if (line == 0)
        line = 1;
    if (line > src->nlines)
        line = (uint32_t)src->nlines;
    size_t s = src->line_starts[line - 1];
    size_t e = line < src->nlines ? (size_t)src->line_starts[line] - 1 : src->len;
    /* CRLF files: the \r belongs to the terminator, not to the line. */
    if (e > s && src->text[e - 1] == '\r')
        e--;
    *start = s;
    *end = e;
}
