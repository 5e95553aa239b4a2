/*
 * The single place where allocation failure is handled (by aborting). Nothing else here.
 */
#include "util/common.h"

#include <stdio.h>
#include <stdlib.h>

void rm_oom(size_t size)
{
    fprintf(stderr, "relmig: out of memory (allocating %zu bytes)\n", size);
    abort();
}

void *rm_xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p)
        rm_oom(size);
    return p;
}

void *rm_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        rm_oom(n * size);
    return p;
}

void *rm_xrealloc(void *p, size_t size)
{
    void *q = realloc(p, size ? size : 1);
    if (!q)
        rm_oom(size);
    return q;
}
