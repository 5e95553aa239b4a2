/*
 * Bump allocator over a singly linked list of blocks. The debug mode replaces the bump with one
 * malloc per allocation (same list), so sanitizers can see object bounds.
 *
 * Block sizes grow geometrically (each new block is twice the newest one, up to
 * RM_ARENA_MAX_BLOCK), so an arena holding tens of megabytes uses a few dozen blocks, not
 * thousands. Blocks of RM_ARENA_MAP_MIN bytes or more come straight from mmap (malloc would
 * do the same above its threshold, but its threshold moves, and freed heap memory is trimmed
 * and faulted in again anyway); blocks of RM_ARENA_HUGE_MIN or more are also aligned to 2 MiB
 * and marked MADV_HUGEPAGE, so where transparent huge pages are in `madvise` mode the kernel
 * faults them in 2 MiB at a time instead of 4 KiB: building a large schema's graph spent a
 * third of its CPU time in page faults. Huge pages start only at that size so small and
 * medium arenas keep 4 KiB granularity of resident memory (a touched huge page is resident
 * as a whole: at most one partly used one per arena, as blocks are used in order).
 */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS, madvise */
#include "util/arena.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__unix__) || defined(__APPLE__)
#include <sys/mman.h>
#define RM_ARENA_MMAP 1
#endif

#define RM_ARENA_ALIGN _Alignof(max_align_t)
#define RM_ARENA_DEFAULT_BLOCK (64u * 1024u)
#define RM_ARENA_MAX_BLOCK ((size_t)32 << 20)
#define RM_ARENA_MAP_MIN ((size_t)1 << 20)
#define RM_ARENA_HUGE_MIN ((size_t)4 << 20)
#define RM_ARENA_HUGE_PAGE ((size_t)2 << 20)
#define RM_ARENA_PAGE ((size_t)4096)

void rm_arena_init(rm_arena *a, size_t block_size)
{
    a->head = NULL;
    a->block_size = block_size ? block_size : RM_ARENA_DEFAULT_BLOCK;
    a->used = 0;
}

static void free_block(rm_arena_block *b)
{
#ifdef RM_ARENA_MMAP
    if (b->map_len) {
        munmap(b, b->map_len);
        return;
    }
#endif
    free(b);
}

void rm_arena_free(rm_arena *a)
{
    rm_arena_block *b = a->head;
    while (b) {
        rm_arena_block *next = b->next;
        free_block(b);
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

#ifdef RM_ARENA_MMAP
/* A block of at least size usable bytes from mmap (the rounding to whole pages is usable too),
 * or NULL if the kernel refused (the caller falls back to malloc, which aborts on failure). */
static rm_arena_block *map_block(size_t size)
{
    bool huge = size >= RM_ARENA_HUGE_MIN;
    size_t unit = RM_ARENA_HUGE_PAGE;
    if (size > SIZE_MAX - sizeof(rm_arena_block) - 2 * unit)
        return NULL;
    size_t len = (sizeof(rm_arena_block) + size + RM_ARENA_PAGE - 1) & ~(RM_ARENA_PAGE - 1);
    /* Huge: map one extra 2 MiB so an aligned start exists, then unmap the slack. */
    size_t span = huge ? len + unit : len;
    unsigned char *p = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return NULL;
    if (huge) {
        size_t lead = (unit - ((uintptr_t)p & (unit - 1))) & (unit - 1);
        if (lead)
            munmap(p, lead);
        if (span - lead > len)
            munmap(p + lead + len, span - lead - len);
        p += lead;
#ifdef MADV_HUGEPAGE
        /* Whole huge pages only: the tail of a block sized for one large request stays in
         * 4 KiB pages, so it is not made resident beyond what is used. Advice only: failure
         * just means 4 KiB pages. */
        madvise(p, len & ~(unit - 1), MADV_HUGEPAGE);
#endif
    }
    rm_arena_block *b = (rm_arena_block *)(void *)p;
    b->map_len = len;
    b->size = len - sizeof(rm_arena_block);
    return b;
}
#endif
#endif

static rm_arena_block *new_block(size_t size)
{
    if (size > SIZE_MAX - sizeof(rm_arena_block))
        rm_oom(size);
    rm_arena_block *b = NULL;
#if defined(RM_ARENA_MMAP) && !defined(RELMIG_ARENA_DEBUG)
    if (size >= RM_ARENA_MAP_MIN)
        b = map_block(size);
#endif
    if (!b) {
        b = rm_xmalloc(sizeof(rm_arena_block) + size);
        b->map_len = 0;
        b->size = size;
    }
    b->next = NULL;
    b->used = 0;
    return b;
}

/* align is 1 (strings) or RM_ARENA_ALIGN (arena.h inlines the common case). The start of
 * each allocation is aligned, not its size, so strings pack without padding and the next
 * aligned object skips at most RM_ARENA_ALIGN - 1 bytes. */
void *rm_arena_alloc_slow(rm_arena *a, size_t size, size_t align)
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
    /* The next block doubles the newest one (geometric growth, see the header). */
    size_t next = a->block_size;
    if (b && b->size > next)
        next = b->size < RM_ARENA_MAX_BLOCK / 2 ? 2 * b->size : RM_ARENA_MAX_BLOCK;
    else if (b)
        next = 2 * next < RM_ARENA_MAX_BLOCK ? 2 * next : next;
    /* Large requests get a block of their own, placed behind the current block so the
     * current block's free space is not wasted. */
    if (need > next / 4 && b) {
        rm_arena_block *big = new_block(need);
        big->used = need;
        big->next = b->next;
        b->next = big;
        return big->data;
    }
    b = new_block(need > next ? need : next);
    b->next = a->head;
    a->head = b;
    b->used = size;
    return b->data;
#endif
}
#ifndef RELMIG_ARENA_DEBUG
/* Is p (just allocated) in an mmap'd block? Those are zero-filled by the kernel, and the bump
 * never hands out a byte twice, so their unused part is still zero. p came from the newest
 * block or from a large request's own block, which sits right behind it. */
static bool in_mapped_block(const rm_arena *a, const unsigned char *p)
{
    const rm_arena_block *b = a->head;
    for (int k = 0; b && k < 2; k++, b = b->next)
        if (b->map_len && p >= b->data && p < b->data + b->size)
            return true;
    return false;
}
#endif

void *rm_arena_zalloc(rm_arena *a, size_t size)
{
    void *p = rm_arena_alloc(a, size);
#ifndef RELMIG_ARENA_DEBUG
    if (in_mapped_block(a, p))
        return p;
#endif
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
