/*
 * Arena (region) allocator: one arena per lifetime (session, parse, graph, diff), freed all at
 * once. Objects are never freed one by one. With RELMIG_ARENA_DEBUG every allocation is its own
 * malloc so ASan and valgrind see overruns and use-after-free that a bump allocator would hide.
 * Not thread-safe; relmig is single-threaded.
 */
#ifndef RELMIG_UTIL_ARENA_H
#define RELMIG_UTIL_ARENA_H

#include "util/common.h"

typedef struct rm_arena_block rm_arena_block;

/* A block (or, in debug mode, one allocation). Public only for the inline fast path below;
 * nothing outside arena.c reads or writes it. */
struct rm_arena_block {
    rm_arena_block *next;
    size_t size;    /* usable bytes in data */
    size_t used;
    size_t map_len; /* bytes mapped with mmap (block header included); 0: malloc'd */
    _Alignas(max_align_t) unsigned char data[];
};

typedef struct rm_arena {
    rm_arena_block *head;   /* newest block (or newest allocation in debug mode) */
    size_t block_size;      /* size of the first block (later ones double, see arena.c) */
    size_t used;            /* bytes handed out, for benchmarks and limits */
} rm_arena;

/* Initialise an empty arena; block_size (the first block's size) 0 picks a default (64 KiB). */
void rm_arena_init(rm_arena *a, size_t block_size);
/* Release everything allocated from the arena; it can be reused after rm_arena_init. */
void rm_arena_free(rm_arena *a);

/* The allocator behind rm_arena_alloc and rm_arena_stralloc (align is 1 or
 * _Alignof(max_align_t)); callers use those. */
void *rm_arena_alloc_slow(rm_arena *a, size_t size, size_t align);

/* The bump inside the newest block, inline: a parse makes one allocation per AST node, and
 * the call and the bookkeeping of the general path cost more than the bump itself. Anything
 * else (no block yet, block full, size 0, debug mode) takes the general path. */
static inline void *rm_arena_bump_(rm_arena *a, size_t size, size_t align)
{
#ifndef RELMIG_ARENA_DEBUG
    rm_arena_block *b = a->head;
    if (b && size) {
        size_t start = (b->used + align - 1) & ~(align - 1);
        if (start <= b->size && b->size - start >= size) {
            b->used = start + size;
            a->used += size;
            return b->data + start;
        }
    }
#endif
    return rm_arena_alloc_slow(a, size, align);
}

/* Memory from these lives until rm_arena_free(a). Aligned for any type. Never NULL. */
static inline void *rm_arena_alloc(rm_arena *a, size_t size)
{
    return rm_arena_bump_(a, size, _Alignof(max_align_t));
}
void *rm_arena_zalloc(rm_arena *a, size_t size);
void *rm_arena_memdup(rm_arena *a, const void *p, size_t size);
/* size bytes for characters, not aligned (strings pack without padding). */
static inline char *rm_arena_stralloc(rm_arena *a, size_t size)
{
    return rm_arena_bump_(a, size, 1);
}
/* NUL-terminated copy of the first len bytes of s (not aligned, like rm_arena_stralloc). */
char *rm_arena_strndup(rm_arena *a, const char *s, size_t len);
char *rm_arena_strdup(rm_arena *a, const char *s);
char *rm_arena_sprintf(rm_arena *a, const char *fmt, ...) RM_PRINTF(2, 3);
/* Grow an array allocated in the arena: returns a new array of new_cap elements holding the
 * first n elements of old (old's memory simply stays in the arena). */
void *rm_arena_grow(rm_arena *a, void *old, size_t n, size_t new_cap, size_t elem_size);

/* Typed helpers. */
#define RM_NEW(a, T) ((T *)rm_arena_zalloc((a), sizeof(T)))
#define RM_NEW_ARRAY(a, T, n) ((T *)rm_arena_zalloc((a), sizeof(T) * (n)))

/* Append to a dynamic array living in an arena: items/n/cap triple. */
#define RM_VEC_PUSH(a, items, n, cap, value)                                                   \
    do {                                                                                       \
        if ((n) == (cap)) {                                                                    \
            size_t rm_new_cap_ = (cap) ? (cap) * 2 : 8;                                        \
            (items) = rm_arena_grow((a), (items), (n), rm_new_cap_, sizeof(*(items)));         \
            (cap) = rm_new_cap_;                                                               \
        }                                                                                      \
        (items)[(n)++] = (value);                                                              \
    } while (0)

#endif
