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

typedef struct rm_arena {
    rm_arena_block *head;   /* newest block (or newest allocation in debug mode) */
    size_t block_size;      /* default size of a new block */
    size_t used;            /* bytes handed out, for benchmarks and limits */
} rm_arena;

/* Initialise an empty arena; block_size 0 picks a default (64 KiB). */
void rm_arena_init(rm_arena *a, size_t block_size);
/* Release everything allocated from the arena; it can be reused after rm_arena_init. */
void rm_arena_free(rm_arena *a);

/* Memory from these lives until rm_arena_free(a). Aligned for any type. Never NULL. */
void *rm_arena_alloc(rm_arena *a, size_t size);
void *rm_arena_zalloc(rm_arena *a, size_t size);
void *rm_arena_memdup(rm_arena *a, const void *p, size_t size);
/* size bytes for characters, not aligned (strings pack without padding). */
char *rm_arena_stralloc(rm_arena *a, size_t size);
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
