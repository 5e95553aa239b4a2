/*
 * Shared by the introspection tests (test_introspect_*.c). Test code only.
 *
 * rm_intro_dump: when a comparison differs, the texts worth reading (both schemas in the
 * fixture text form, the printed Prisma schema) are written into a fresh temporary directory
 * whose path is printed, never into the working directory (tests run in parallel, from any
 * folder). rm_intro_apply: create a physical schema in a database by running the statements of
 * relmig's own diff from the empty schema.
 */
#ifndef RELMIG_TESTS_TEST_INTROSPECT_COMMON_H
#define RELMIG_TESTS_TEST_INTROSPECT_COMMON_H

#include "db/db.h"
#include "diff/diff.h"
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

/* Run every statement of the diff from the empty schema to s on c; false (the failing
 * statement printed) when one fails. */
static inline bool rm_intro_apply(rm_conn *c, const rm_sqlschema *s, const rm_dialect *d,
                                  rm_arena *a)
{
    rm_sqlschema empty;
    rm_sqlschema_init(&empty, a);
    rm_diags diags;
    rm_diags_init(&diags);
    rm_diff df;
    rm_sql_script script;
    bool ok = rm_diff_schemas(&df, &empty, s, d, a, &diags) == RM_OK &&
              rm_diff_to_script(&script, &df, a, &diags) == RM_OK;
    for (size_t i = 0; ok && i < script.n; i++)
        for (size_t k = 0; ok && k < script.steps[i].n; k++) {
            rm_dberr err;
            rm_dberr_clear(&err);
            const char *sql = script.steps[i].stmts[k].sql;
            if (rm_db_exec(c, sql, &err) != RM_OK) {
                printf("statement failed: %s\n%s\n", err.message, sql);
                ok = false;
            }
        }
    rm_diags_free(&diags);
    return ok;
}

#endif
