/*
 * Debug dumps of the introspection tests: when a comparison differs, the texts worth reading
 * (both schemas in the fixture text form, the printed Prisma schema) are written into a fresh
 * temporary directory whose path is printed, never into the working directory (tests run in
 * parallel, from any folder). Test code only.
 */
#ifndef RELMIG_TESTS_TEST_INTROSPECT_DUMP_H
#define RELMIG_TESTS_TEST_INTROSPECT_DUMP_H

#include "testutil.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Pairs of (file name, text), terminated by a NULL name; a NULL text is skipped. */
static inline void rm_intro_dump(const char *name, const char *text, ...)
{
    char *dir = rm_test_mkdtemp();
    if (!dir) {
        printf("(cannot create a temporary directory for the debug dump)\n");
        return;
    }
    va_list ap;
    va_start(ap, text);
    printf("(written to %s:", dir);
    while (name) {
        if (text) {
            size_t n = strlen(dir) + strlen(name) + 2;
            char *path = malloc(n);
            snprintf(path, n, "%s/%s", dir, name);
            rm_test_write_file(path, text, strlen(text));
            printf(" %s", name);
            free(path);
        }
        name = va_arg(ap, const char *);
        if (name)
            text = va_arg(ap, const char *);
    }
    va_end(ap);
    printf(")\n");
    free(dir);
}

#endif
