/*
 * Shared by the introspection tests (test_introspect_*.c). Test code only.
 *
 * rm_intro_dump: when a comparison differs, the texts worth reading (both schemas in the
 * fixture text form, the printed Prisma schema) are written into a fresh temporary directory
 * whose path is printed, never into the working directory (tests run in parallel, from any
 * folder). rm_intro_apply: create a physical schema in a database by running the statements of
 * relmig's own diff from the empty schema. rm_intro_changes: how many changes the differ finds
 * between two schemas, printed (and dumped when not the expected number). The corpus rows
 * (rm_intro_row, rm_intro_add_dir), their schema built and lowered (rm_intro_build_lower) and
 * the table of known, explained differences (rm_intro_known) have the same shape in every
 * dialect's test.
 */
#ifndef RELMIG_TESTS_TEST_INTROSPECT_COMMON_H
#define RELMIG_TESTS_TEST_INTROSPECT_COMMON_H

#include "db/db.h"
#include "diff/diff.h"
#include "model/print.h"
#include "model/schema.h"
#include "sqlschema/lower.h"
#include "sqlschema/raise.h"
#include "sqlschema/text.h"
#include "testutil.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
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

/* Number of changes from -> to (SIZE_MAX when the differ fails); prints them when there are
 * any, and dumps both schemas in the fixture text form when their number is not expected. */
static inline size_t rm_intro_changes(const rm_sqlschema *from, const rm_sqlschema *to,
                                      size_t expected, const rm_dialect *d, rm_arena *a)
{
    rm_diags diags;
    rm_diags_init(&diags);
    rm_diff df;
    if (rm_diff_schemas(&df, from, to, d, a, &diags) != RM_OK) {
        printf("the differ failed\n");
        rm_diags_free(&diags);
        return SIZE_MAX;
    }
    if (df.n) {
        rm_sb sb = RM_SB_INIT;
        rm_diff_render_json(&sb, &df);
        printf("%s\n", rm_sb_str(&sb));
        rm_sb text_to = RM_SB_INIT;
        rm_sb_reset(&sb);
        rm_sqlschema_print_text(&sb, from);
        rm_sqlschema_print_text(&text_to, to);
        if (df.n != expected)
            rm_intro_dump("from.txt", rm_sb_str(&sb), "to.txt", rm_sb_str(&text_to), NULL);
        rm_sb_free(&text_to);
        rm_sb_free(&sb);
    }
    rm_diags_free(&diags);
    return df.n;
}

/* The second half of every round trip: the introspected schema got, raised to a graph and
 * printed as Prisma text, must parse without error and lower to a schema with no change
 * against got: the whole `relmig introspect` output describes the database exactly. adjust
 * (may be NULL) normalises got first, where a dialect reads back more than Prisma text can
 * say. Returns the number of changes (0 = pass; SIZE_MAX when a step failed), printing what
 * went wrong. */
static inline size_t rm_intro_reprint_changes(rm_sqlschema *got, const rm_dialect *d,
                                              void (*adjust)(rm_sqlschema *), rm_arena *a)
{
    rm_diags diags;
    rm_diags_init(&diags);
    rm_graph *raised = NULL;
    size_t n = SIZE_MAX;
    rm_sb printed = RM_SB_INIT;
    rm_sources srcs;
    rm_sources_init(&srcs);
    rm_graph *g2 = NULL;
    rm_sqlschema again;
    if (rm_sqlschema_raise(&raised, got, d, NULL, a, &diags) != RM_OK) {
        printf("raise failed\n");
        goto done;
    }
    rm_print_prisma(&printed, raised);
    rm_sources_add(&srcs, "introspected.prisma", rm_sb_str(&printed), printed.len);
    if (rm_schema_build(&g2, &srcs, a, &diags) != RM_OK || diags.nerrors ||
        rm_sqlschema_lower(&again, g2, d, NULL, a, &diags) != RM_OK) {
        printf("%s", rm_sb_str(&printed));
        rm_test_print_diags(&srcs, &diags);
        goto done;
    }
    if (adjust)
        adjust(got);
    n = rm_intro_changes(got, &again, 0, d, a);
    if (n)
        rm_intro_dump("printed.prisma", rm_sb_str(&printed), NULL);
done:
    rm_sb_free(&printed);
    rm_sources_free(&srcs);
    rm_diags_free(&diags);
    return n;
}

/* The SQL file `file` of Debian package pkg, downloaded (`apt-get download`) and unpacked
 * (`dpkg -x`) into dir/pkg once per test run, with mediawiki's table-prefix and table-option
 * marker comments removed (its installer replaces them); malloc'd, NULL (printed) when the
 * download or the read fails. For the tests on schemas no one here wrote. */
static inline char *rm_intro_debian_sql(const char *dir, const char *pkg, const char *file)
{
    size_t n = 2 * strlen(dir) + 2 * strlen(pkg) + strlen(file) + 256;
    char *cmd = malloc(n);
    snprintf(cmd, n,
             "test -f '%s/%s/.done' || (mkdir -p '%s/%s' && cd '%s/%s' && apt-get download %s "
             ">/dev/null 2>&1 && dpkg -x %s_*.deb x && touch .done)",
             dir, pkg, dir, pkg, dir, pkg, pkg, pkg);
    const char *argv[] = {"/bin/sh", "-c", cmd, NULL};
    rm_test_proc p;
    bool ok = false;
    if (rm_test_run(&p, argv, NULL) == 0) {
        ok = p.status == 0;
        rm_test_proc_free(&p);
    }
    free(cmd);
    if (!ok) {
        printf("apt-get download %s failed\n", pkg);
        return NULL;
    }
    size_t pn = strlen(dir) + strlen(pkg) + strlen(file) + 8;
    char *path = malloc(pn);
    snprintf(path, pn, "%s/%s/x/%s", dir, pkg, file);
    char *sql = rm_test_read_file(path, NULL);
    if (!sql)
        printf("cannot read %s\n", path);
    free(path);
    static const char *const markers[] = {"/*_*/", "/*$wgDBTableOptions*/"};
    for (size_t i = 0; sql && i < 2; i++) {
        size_t mn = strlen(markers[i]);
        for (char *q = strstr(sql, markers[i]); q; q = strstr(q, markers[i]))
            memmove(q, q + mn, strlen(q + mn) + 1);
    }
    return sql;
}

/* One schema of the round-trip corpus: a ctest case name and the file. */
/* A round-trip row's schema text (taken, freed here) built into *g and lowered for dl into
 * *want, in srcs (the caller frees it after the graph) and a. RM_INTRO_LOWERED, or
 * RM_INTRO_NOT_LOWERED when the lowering refused it and said why with E0603 and nothing else
 * (printed), or RM_INTRO_BAD for any other error (printed; the caller's test fails). */
typedef enum rm_intro_lowering { RM_INTRO_LOWERED, RM_INTRO_NOT_LOWERED, RM_INTRO_BAD } rm_intro_lowering;

static inline rm_intro_lowering rm_intro_build_lower(rm_sqlschema *want, rm_graph **g,
                                                     rm_sources *srcs, const char *name,
                                                     char *text, size_t len,
                                                     const rm_dialect *dl, rm_arena *a)
{
    rm_sources_init(srcs);
    rm_sources_add(srcs, name, text, len);
    free(text);
    rm_diags d;
    rm_diags_init(&d);
    rm_intro_lowering out = RM_INTRO_LOWERED;
    rm_schema_build(g, srcs, a, &d);
    if (d.nerrors) {
        out = RM_INTRO_BAD;
    } else if (rm_sqlschema_lower(want, *g, dl, NULL, a, &d) != RM_OK) {
        size_t e0603 = 0;
        for (size_t i = 0; i < d.n; i++)
            e0603 += d.items[i]->id == RM_E_SQL_UNSUPPORTED;
        out = e0603 > 0 && e0603 == d.nerrors ? RM_INTRO_NOT_LOWERED : RM_INTRO_BAD;
        printf("%s: not expressible on %s (%zu E0603)\n", name, dl->name, e0603);
    }
    if (out != RM_INTRO_LOWERED)
        rm_test_print_diags(srcs, &d);
    rm_diags_free(&d);
    return out;
}

typedef struct rm_intro_row {
    char name[160];
    char path[1024];
    int n;
    bool as_mysql; /* test_introspect_mysql: written for another provider, read as "mysql" */
} rm_intro_row;

/* Append a row per .prisma file of dir (not the .result. fixtures), named prefix/file. */
static inline void rm_intro_add_dir(rm_intro_row *rows, size_t *nrows, size_t max,
                                    const char *dir, const char *prefix)
{
    char *names[256];
    size_t cap = max - *nrows < 256 ? max - *nrows : 256;
    size_t n = rm_test_list_files(names, cap, dir, ".prisma", ".result.");
    for (size_t i = 0; i < n; i++, (*nrows)++) {
        snprintf(rows[*nrows].name, sizeof rows[0].name, "%s/%s", prefix, names[i]);
        snprintf(rows[*nrows].path, sizeof rows[0].path, "%s/%s", dir, names[i]);
    }
    rm_test_free_names(names, n);
}

/* A round trip known not to be exact, with the reason (docs/conformance.md). The tests assert
 * the difference is exactly this big, so a fix shows up as a failure to update. */
typedef struct rm_intro_known_row {
    const char *row;
    size_t changes;
    const char *why;
} rm_intro_known_row;

static inline size_t rm_intro_known(const rm_intro_known_row *known, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (known[i].row[0] && strcmp(known[i].row, name) == 0) {
            printf("%s: known difference: %s\n", name, known[i].why);
            return known[i].changes;
        }
    return 0;
}

#endif
