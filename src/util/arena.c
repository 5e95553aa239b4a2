/*
 * Bump allocator over a singly linked list of blocks. The debug mode replaces the bump with one
 * malloc per allocation (same list), so sanitizers can see object bounds.
 */
#include "util/arena.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RM_ARENA_ALIGN _Alignof(max_align_t)
#define RM_ARENA_DEFAULT_BLOCK (64u * 1024u)

struct rm_arena_block {
    rm_arena_block *next;
    size_t size; /* usable bytes in data */
    size_t used;
    _Alignas(max_align_t) unsigned char data[];
};

void rm_arena_init(rm_arena *a, size_t block_size)
{
    a->head = NULL;
    a->block_size = block_size ? block_size : RM_ARENA_DEFAULT_BLOCK;
    a->used = 0;
}

void rm_arena_free(rm_arena *a)
{
    rm_arena_block *b = a->head;
    while (b) {
        rm_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->used = 0;
}

#ifndef RELMIG_ARENA_DEBUG /* only the bump allocator aligns; unused (-Werror) in debug mode */
static size_t align_up(size_t n)
{
    return (n + RM_ARENA_ALIGN - 1) & ~(size_t)(RM_ARENA_ALIGN - 1);
}
#endif

static rm_arena_block *new_block(size_t size)
{
    if (size > SIZE_MAX - sizeof(rm_arena_block))
        rm_oom(size);
    rm_arena_block *b = rm_xmalloc(sizeof(rm_arena_block) + size);
    b->next = NULL;
    b->size = size;
    b->used = 0;
    return b;
}

/* align is 1 (strings) or RM_ARENA_ALIGN. The start of each allocation is aligned, not its
 * size, so strings pack without padding and the next aligned object skips at most
 * RM_ARENA_ALIGN - 1 bytes. */
static void *arena_alloc(rm_arena *a, size_t size, size_t align)
{
    if (size == 0)
        size = 1;
    a->used += size;
#ifdef RELMIG_ARENA_DEBUG
    (void)align;
    rm_arena_block *d = new_block(size);
    d->used = size;
    d->next = a->head;
    a->head = d;
    return d->data;
#else
    rm_arena_block *b = a->head;
    if (b) {
        size_t start = (b->used + align - 1) & ~(align - 1);
        if (start <= b->size && b->size - start >= size) {
            b->used = start + size;
            return b->data + start;
        }
    }
    size_t need = align_up(size);
    /* Large requests get a block of their own, placed behind the current block so the
     * current block's free space is not wasted. */
    if (need > a->block_size / 4 && b) {
        rm_arena_block *big = new_block(need);
        big->used = need;
        big->next = b->next;
        b->next = big;
        return big->data;
    }
    b = new_block(need > a->block_size ? need : a->block_size);
    b->next = a->head;
    a->head = b;
    b->used = size;
    return b->data;
#endif
}

void *rm_arena_alloc(rm_arena *a, size_t size)
{
    return arena_alloc(a, size, RM_ARENA_ALIGN);
}

char *rm_arena_stralloc(rm_arena *a, size_t size)
{
    return arena_alloc(a, size, 1);
}

void *rm_arena_zalloc(rm_arena *a, size_t size)
{
    void *p = rm_arena_alloc(a, size);
    memset(p, 0, size ? size : 1);
    return p;
}

void *rm_arena_memdup(rm_arena *a, const void *p, size_t size)
{
    void *q = rm_arena_alloc(a, size);
    if (size)
        memcpy(q, p, size);
    return q;
}

char *rm_arena_strndup(rm_arena *a, const char *s, size_t len)
{
    char *q = rm_arena_stralloc(a, len + 1);
    if (len)
        memcpy(q, s, len);
    q[len] = '\0';
    return q;
}

char *rm_arena_strdup(rm_arena *a, const char *s)
{
    return rm_arena_strndup(a, s, strlen(s));
}

char *rm_arena_sprintf(rm_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    char *out = rm_arena_stralloc(a, (size_t)n + 1);
    vsnprintf(out, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return out;
}

void *rm_arena_grow(rm_arena *a, void *old, size_t n, size_t new_cap, size_t elem_size)
{
    if (new_cap && elem_size > SIZE_MAX / new_cap)
        rm_oom(SIZE_MAX);
    void *p = rm_arena_alloc(a, new_cap * elem_size);
    if (n && old)
        memcpy(p, old, n * elem_size);
    return p;
}
