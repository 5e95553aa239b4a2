/*
 * `relmig introspect` against Prisma's own `db pull` (issue #6, must-show), on the round-trip
 * databases: the seed examples (the .prisma files of tests/golden/equivalence: 1:1 and 1:n required and
 * optional, m:n) and the real schemas of ../shared/corpus/real-schemas written for the
 * database, each lowered by relmig and created in a fresh SQLite file or PostgreSQL database
 * (RELMIG_TEST_PG_URL; name with the pid, dropped afterwards). Then both tools read it: the
 * relmig binary (`relmig introspect --url URL`) and the oracle (`prisma6-pull PROVIDER URL`,
 * Prisma 6.19, ../shared/oracle). Both printed schemas are parsed by relmig's own parser and
 * reduced to sorted one-line facts named by database names:
 *
 *   structure: tables (and @@ignore), columns (scalar type, ?, [], @db native type),
 *              defaults, enums, primary keys, unique and normal index column lists,
 *              relations (FK columns -> referenced table and columns, 1:1 or 1:n,
 *              onDelete/onUpdate), m:n join tables;
 *   naming:    model names, scalar field names, relation field names, relation names.
 *
 * A fact on one side only fails unless known[] below explains it with its reason
 * (docs/conformance.md, "Introspection vs db pull").
 *
 * Skipped (exit 77) with a message when the oracle is not installed; the PostgreSQL rows are
 * skipped when RELMIG_TEST_PG_URL is unset (a failure with RELMIG_REQUIRE_SERVERS=1). Slow:
 * one prisma6-pull run is a Node.js start of Prisma's CLI, 5-20 s.
 * RELMIG_TEST_ROW=text runs only the rows whose name contains text.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "db/db.h"
#include "diff/diff.h"
#include "model/schema.h"
#include "sqlschema/lower.h"
#include "test_introspect_common.h"
#include "testutil.h"
#include "util/sb.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_ROWS 64
#define EQUIV_DIR RELMIG_SOURCE_DIR "/tests/golden/equivalence"
#define REAL_DIR RELMIG_SHARED_DIR "/corpus/real-schemas"

typedef struct row {
    char name[200];
    char path[1024];
    const rm_dialect *dialect;
    int n;
} row;

static row rows[MAX_ROWS];
static size_t nrows;
static char pull[1024];   /* path of prisma6-pull */
static char *tmpdir;
static const char *pg_url; /* RELMIG_TEST_PG_URL, or NULL */
static rm_conn *pg_admin;

/* Differences between relmig and Prisma 6.19's db pull, each with its reason
 * (docs/conformance.md). A relmig-only fact containing relmig_has and a prisma-only fact
 * containing prisma_has are one known difference; they must come in pairs (as many on each
 * side in a row), so a lost or extra fact of the same shape still fails. row "*" = every row. */
static const struct {
    const char *row;
    const char *relmig_has;
    const char *prisma_has;
    const char *why;
} known[] = {
    {"*", " dbgenerated ARRAY[", " list ",
     "PostgreSQL array defaults (ARRAY[]::text[], ARRAY['a'::\"E\"]): db pull reads them as "
     "list defaults (@default([]), @default([a])), relmig as dbgenerated(\"ARRAY[...]\")"},
};

/* The known[] entry explaining a one-sided fact (relmig's when ours, else Prisma's), or -1. */
static int known_entry(const char *row_name, const char *fact, bool ours)
{
    for (size_t i = 0; i < RM_ARRAY_LEN(known); i++) {
        if (strcmp(known[i].row, "*") != 0 && !strstr(row_name, known[i].row))
            continue;
        const char *has = ours ? known[i].relmig_has : known[i].prisma_has;
        if (has && strstr(fact, has))
            return (int)i;
    }
    return -1;
}

/* ---- facts ------------------------------------------------------------------------------- */

static const char *table_of(const rm_graph *g, uint32_t m)
{
    return g->models[m].db_name;
}

static void cols(rm_sb *sb, const rm_model *m, const uint32_t *fields, size_t n)
{
    rm_sb_putc(sb, '(');
    for (size_t i = 0; i < n; i++)
        rm_sb_appendf(sb, "%s%s", i ? "," : "", m->fields[fields[i]].db_name);
    rm_sb_putc(sb, ')');
}

static void index_cols(rm_sb *sb, const rm_model *m, const rm_index *ix)
{
    rm_sb_putc(sb, '(');
    for (size_t i = 0; i < ix->nfields; i++)
        rm_sb_appendf(sb, "%s%s%s", i ? "," : "", m->fields[ix->fields[i].field].db_name,
                      ix->fields[i].sort == RM_SORT_DESC ? " desc" : "");
    rm_sb_putc(sb, ')');
}

static void line(rm_sb *sb, const char *fmt, ...) RM_PRINTF(2, 3);
static void line(rm_sb *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rm_sb_vappendf(sb, fmt, ap);
    va_end(ap);
    rm_sb_putc(sb, '\n');
}

/* The facts of g, one per line (unsorted): structure facts when naming is false, else the
 * naming facts. */
static void facts(rm_sb *sb, const rm_graph *g, bool naming)
{
    for (size_t i = 0; i < g->nenums && !naming; i++) {
        rm_sb_appendf(sb, "enum %s:", g->enums[i].db_name);
        for (size_t k = 0; k < g->enums[i].nvalues; k++)
            rm_sb_appendf(sb, " %s", g->enums[i].values[k].db_name);
        rm_sb_putc(sb, '\n');
    }
    for (size_t i = 0; i < g->nmodels; i++) {
        const rm_model *m = &g->models[i];
        if (naming) {
            line(sb, "model %s named %s", m->db_name, m->name);
        } else {
            line(sb, "table %s%s", m->db_name, m->ignored ? " @@ignore" : "");
        }
        for (size_t k = 0; k < m->nfields; k++) {
            const rm_field *f = &m->fields[k];
            if (f->kind != RM_FIELD_SCALAR)
                continue;
            if (naming) {
                line(sb, "column %s.%s named %s", m->db_name, f->db_name, f->name);
                continue;
            }
            rm_sb_appendf(sb, "column %s.%s %s%s", m->db_name, f->db_name,
                          f->scalar == RM_SCALAR_ENUM
                              ? g->enums[f->type_ref].db_name
                              : f->scalar == RM_SCALAR_UNSUPPORTED ? f->type_name
                                                                   : rm_scalar_name(f->scalar),
                          f->list ? "[]" : f->optional ? "?" : "");
            if (f->native.name) {
                rm_sb_appendf(sb, " @db.%s", f->native.name);
                for (size_t a = 0; a < f->native.nargs; a++)
                    rm_sb_appendf(sb, "%s%s", a ? "," : "(", f->native.args[a]);
                if (f->native.nargs)
                    rm_sb_putc(sb, ')');
            }
            rm_sb_putc(sb, '\n');
            if (f->def.kind != RM_DEFAULT_NONE) {
                rm_sb_appendf(sb, "default %s.%s %s %s", m->db_name, f->db_name,
                              rm_default_kind_name(f->def.kind),
                              f->def.kind == RM_DEFAULT_BOOL ? (f->def.boolean ? "true" : "false")
                              : f->def.text                  ? f->def.text
                                                             : "");
                for (size_t d = 0; d < f->def.nitems; d++)
                    rm_sb_appendf(sb, "%s%s", d ? "," : "[",
                                  f->def.items[d].text ? f->def.items[d].text : "?");
                rm_sb_appendf(sb, "%s\n", f->def.nitems ? "]" : "");
            }
        }
        if (naming)
            continue;
        if (m->primary_key) {
            rm_sb_appendf(sb, "pk %s ", m->db_name);
            index_cols(sb, m, m->primary_key);
            rm_sb_putc(sb, '\n');
        }
        for (size_t k = 0; k < m->nindexes; k++) {
            const rm_index *ix = &m->indexes[k];
            rm_sb_appendf(sb, "%s %s ",
                          ix->kind == RM_INDEX_UNIQUE     ? "unique"
                          : ix->kind == RM_INDEX_FULLTEXT ? "fulltext"
                                                          : "index",
                          m->db_name);
            index_cols(sb, m, ix);
            if (ix->where)
                rm_sb_appendf(sb, " where %s", ix->where);
            rm_sb_putc(sb, '\n');
        }
    }
    for (size_t i = 0; i < g->nrelations; i++) {
        const rm_relation *r = &g->relations[i];
        const rm_model *mf = &g->models[r->from.model], *mt = &g->models[r->to.model];
        rm_sb key = RM_SB_INIT;
        if (r->card == RM_CARD_MANY_TO_MANY_IMPLICIT) {
            rm_sb_appendf(&key, "m:n %s %s-%s", r->join_table, table_of(g, r->from.model),
                          table_of(g, r->to.model));
        } else {
            rm_sb_appendf(&key, "fk %s", mf->db_name);
            cols(&key, mf, r->fk_fields, r->nfk);
            rm_sb_appendf(&key, " -> %s", mt->db_name);
            cols(&key, mt, r->ref_fields, r->nfk);
        }
        if (!naming) {
            if (r->card == RM_CARD_MANY_TO_MANY_IMPLICIT)
                line(sb, "%s", rm_sb_str(&key));
            else
                line(sb, "%s %s onDelete=%s onUpdate=%s", rm_sb_str(&key),
                     r->card == RM_CARD_ONE_TO_ONE ? "1:1" : "1:n",
                     rm_ref_action_name(r->on_delete), rm_ref_action_name(r->on_update));
        } else {
            line(sb, "%s relation name %s%s", rm_sb_str(&key), r->name,
                 r->named ? "" : " (default)");
            if (r->from.field != RM_NONE)
                line(sb, "%s field %s.%s", rm_sb_str(&key), mf->name,
                     mf->fields[r->from.field].name);
            if (r->to.field != RM_NONE)
                line(sb, "%s field %s.%s", rm_sb_str(&key), mt->name,
                     mt->fields[r->to.field].name);
        }
        rm_sb_free(&key);
    }
}

static int cmp_str(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* Lines of text, sorted, in a (the text is modified). */
static char **sorted_lines(char *text, size_t *n, rm_arena *a)
{
    size_t cap = 1;
    for (const char *p = text; *p; p++)
        cap += *p == '\n';
    char **v = RM_NEW_ARRAY(a, char *, cap);
    *n = 0;
    for (char *p = text; *p;) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = 0;
        v[(*n)++] = p;
        if (!nl)
            break;
        p = nl + 1;
    }
    qsort(v, *n, sizeof *v, cmp_str);
    return v;
}

/* Facts present on one side only, printed; returns how many are not explained by known[]
 * (a known entry whose relmig and prisma facts do not pair up counts the surplus). */
static size_t compare(const char *row_name, const char *what, char *ours, char *theirs,
                      rm_arena *a)
{
    size_t na, nb, bad = 0;
    char **va = sorted_lines(ours, &na, a), **vb = sorted_lines(theirs, &nb, a);
    long balance[RM_ARRAY_LEN(known)] = {0};
    size_t i = 0, k = 0;
    while (i < na || k < nb) {
        int c = i >= na ? 1 : k >= nb ? -1 : strcmp(va[i], vb[k]);
        if (c == 0) {
            i++;
            k++;
            continue;
        }
        const char *fact = c < 0 ? va[i++] : vb[k++];
        int e = known_entry(row_name, fact, c < 0);
        printf("%s %s: %s only: %s%s\n", row_name, what, c < 0 ? "relmig" : "prisma", fact,
               e >= 0 ? " (known)" : "");
        if (e >= 0)
            balance[e] += c < 0 ? 1 : -1;
        else
            bad++;
    }
    for (size_t e = 0; e < RM_ARRAY_LEN(known); e++) {
        if (balance[e])
            printf("%s %s: known difference does not pair up (%ld): %s\n", row_name, what,
                   balance[e], known[e].why);
        bad += (size_t)(balance[e] < 0 ? -balance[e] : balance[e]);
    }
    printf("%s %s: %zu facts relmig, %zu prisma, %zu unexplained differences\n", row_name, what,
           na, nb, bad);
    return bad;
}

/* ---- databases ------------------------------------------------------------------------- */

static char *url_for(const row *r, rm_arena *a)
{
    if (r->dialect == &rm_dialect_sqlite)
        return rm_arena_sprintf(a, "%s/row%d.db", tmpdir, r->n);
    rm_dburl u;
    rm_dberr err;
    assert_int_equal(rm_dburl_parse(&u, pg_url, a, &err), RM_OK);
    u.database = rm_arena_sprintf(a, "relmig_intro_pull_%ld_%d", (long)getpid(), r->n);
    return rm_dburl_format(&u, false, a);
}

static void pg_admin_exec(const char *sql)
{
    rm_dberr err;
    rm_dberr_clear(&err);
    if (rm_db_exec(pg_admin, sql, &err) != RM_OK)
        printf("admin statement failed: %s\n%s\n", err.message, sql);
    assert_int_equal(err.kind, RM_DBERR_NONE);
}

/* Create the database of row r holding s (the statements of the diff from empty). */
static void create_database(const row *r, const char *url, const rm_sqlschema *s, rm_arena *a)
{
    char sql[256];
    if (r->dialect == &rm_dialect_postgres) {
        snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS relmig_intro_pull_%ld_%d",
                 (long)getpid(), r->n);
        pg_admin_exec(sql);
        snprintf(sql, sizeof sql, "CREATE DATABASE relmig_intro_pull_%ld_%d", (long)getpid(),
                 r->n);
        pg_admin_exec(sql);
    }
    rm_conn *c = NULL;
    rm_dberr err;
    rm_dberr_clear(&err);
    const char *curl = r->dialect == &rm_dialect_sqlite ? rm_arena_sprintf(a, "sqlite:%s", url)
                                                        : url;
    if (rm_db_connect(&c, curl, NULL, &err) != RM_OK)
        printf("connect: %s\n", err.message);
    assert_non_null(c);
    bool citext = false;
    for (size_t i = 0; i < s->ntables; i++)
        for (size_t k = 0; k < s->tables[i]->ncols; k++)
            citext = citext || (s->tables[i]->cols[k].type.name &&
                                strcmp(s->tables[i]->cols[k].type.name, "CITEXT") == 0);
    if (citext && rm_db_exec(c, "CREATE EXTENSION IF NOT EXISTS citext", &err) != RM_OK)
        printf("CREATE EXTENSION citext: %s\n", err.message);
    assert_true(rm_intro_apply(c, s, r->dialect, a));
    rm_db_close(c);
}

static void drop_database(const row *r)
{
    if (r->dialect != &rm_dialect_postgres)
        return;
    char sql[256];
    snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS relmig_intro_pull_%ld_%d",
             (long)getpid(), r->n);
    pg_admin_exec(sql);
}

/* Parse a printed schema; NULL (and the diagnostics printed) when it does not build. */
static rm_graph *parse(const char *name, const char *text, rm_arena *a)
{
    rm_sources srcs;
    rm_sources_init(&srcs);
    rm_sources_add(&srcs, name, text, strlen(text));
    rm_diags d;
    rm_diags_init(&d);
    rm_graph *g = NULL;
    rm_schema_build(&g, &srcs, a, &d);
    if (d.nerrors) {
        printf("%s", text);
        rm_test_print_diags(&srcs, &d);
        g = NULL;
    }
    rm_diags_free(&d);
    rm_sources_free(&srcs);
    return g;
}

static void run_row(void **state)
{
    const row *r = *state;
    if (r->dialect == &rm_dialect_postgres && !pg_url) {
        printf("%s: skipped: RELMIG_TEST_PG_URL is not set\n", r->name);
        return;
    }
    rm_arena a;
    rm_arena_init(&a, 0);
    size_t len;
    char *text = rm_test_read_file(r->path, &len);
    assert_non_null(text);
    rm_sources srcs;
    rm_sources_init(&srcs);
    rm_sources_add(&srcs, r->name, text, len);
    free(text);
    rm_diags d;
    rm_diags_init(&d);
    rm_graph *g;
    rm_schema_build(&g, &srcs, &a, &d);
    if (d.nerrors)
        rm_test_print_diags(&srcs, &d);
    assert_int_equal(d.nerrors, 0);
    bool namespaces = false;
    for (size_t i = 0; i < g->nmodels; i++)
        namespaces = namespaces || g->models[i].schema;
    rm_sqlschema want;
    if (namespaces || rm_sqlschema_lower(&want, g, r->dialect, NULL, &a, &d) != RM_OK) {
        /* Covered by the round-trip tests, which say why (E0603, @@schema). */
        printf("%s: not one %s database (%s); not compared\n", r->name, r->dialect->name,
               namespaces ? "@@schema" : "not lowered");
        rm_diags_free(&d);
        rm_sources_free(&srcs);
        rm_arena_free(&a);
        return;
    }
    const char *url = url_for(r, &a);
    create_database(r, url, &want, &a);

    bool lite = r->dialect == &rm_dialect_sqlite;
    const char *ours_url = lite ? rm_arena_sprintf(&a, "sqlite:%s", url) : url;
    const char *theirs_url = lite ? rm_arena_sprintf(&a, "file:%s", url) : url;
    rm_test_proc ours, theirs;
    const char *args[] = {"introspect", "--url", ours_url, NULL};
    rm_test_relmig(&ours, args, NULL);
    if (ours.status != 0)
        printf("relmig introspect exited %d:\n%s\n", ours.status, ours.err);
    assert_int_equal(ours.status, 0);
    const char *argv[] = {pull, lite ? "sqlite" : "postgresql", theirs_url, NULL};
    rm_test_run(&theirs, argv, NULL);
    if (theirs.status != 0)
        printf("prisma6-pull exited %d:\n%s\n", theirs.status, theirs.err);
    assert_int_equal(theirs.status, 0);

    rm_graph *go = parse("relmig.prisma", ours.out, &a);
    rm_graph *gp = parse("prisma.prisma", theirs.out, &a);
    assert_non_null(go);
    assert_non_null(gp);
    size_t bad = 0;
    for (int naming = 0; naming < 2; naming++) {
        rm_sb so = RM_SB_INIT, sp = RM_SB_INIT;
        facts(&so, go, naming);
        facts(&sp, gp, naming);
        bad += compare(r->name, naming ? "naming" : "structure",
                       rm_arena_strdup(&a, rm_sb_str(&so)), rm_arena_strdup(&a, rm_sb_str(&sp)),
                       &a);
        rm_sb_free(&so);
        rm_sb_free(&sp);
    }
    if (bad) {
        /* Both printed schemas, for reading the difference. */
        rm_intro_dump("relmig.prisma", ours.out, "prisma.prisma", theirs.out, NULL);
    }
    assert_int_equal(bad, 0);
    rm_test_proc_free(&ours);
    rm_test_proc_free(&theirs);
    drop_database(r);
    rm_diags_free(&d);
    rm_sources_free(&srcs);
    rm_arena_free(&a);
}

/* The comparison itself must see differences: two schemas that differ in a native type, a
 * scalar type, an index, an onDelete action and a relation field name give exactly those
 * facts on each side (7 structure lines, 2 naming lines). */
static void run_comparer_control(void **state)
{
    (void)state;
    static const char a_text[] =
        "datasource db {\n  provider = \"postgresql\"\n}\n"
        "model User {\n  id Int @id\n  name String @db.VarChar(10)\n  age Int\n"
        "  posts Post[]\n}\n"
        "model Post {\n  id Int @id\n  userId Int\n"
        "  user User @relation(fields: [userId], references: [id], onDelete: Cascade)\n"
        "  @@index([userId])\n}\n";
    static const char b_text[] =
        "datasource db {\n  provider = \"postgresql\"\n}\n"
        "model User {\n  id Int @id\n  name String\n  age String\n  entries Post[]\n}\n"
        "model Post {\n  id Int @id\n  userId Int\n"
        "  user User @relation(fields: [userId], references: [id])\n}\n";
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_graph *ga = parse("a.prisma", a_text, &a), *gb = parse("b.prisma", b_text, &a);
    assert_non_null(ga);
    assert_non_null(gb);
    size_t want[2] = {7, 2};
    for (int naming = 0; naming < 2; naming++) {
        rm_sb sa = RM_SB_INIT, sb = RM_SB_INIT;
        facts(&sa, ga, naming);
        facts(&sb, gb, naming);
        size_t n = compare("control", naming ? "naming" : "structure",
                           rm_arena_strdup(&a, rm_sb_str(&sa)), rm_arena_strdup(&a, rm_sb_str(&sb)),
                           &a);
        assert_int_equal(n, want[naming]);
        rm_sb_free(&sa);
        rm_sb_free(&sb);
    }
    rm_arena_free(&a);
}

static void add_dir(const char *dir, const char *prefix, const rm_dialect *dialect,
                    const char *provider)
{
    char *names[MAX_ROWS];
    size_t n = rm_test_list_files(names, MAX_ROWS, dir, ".prisma", ".result.");
    const char *only = getenv("RELMIG_TEST_ROW");
    for (size_t i = 0; i < n && nrows < MAX_ROWS; i++) {
        row *r = &rows[nrows];
        snprintf(r->name, sizeof r->name, "%s/%s/%s", dialect->name, prefix, names[i]);
        snprintf(r->path, sizeof r->path, "%s/%s", dir, names[i]);
        if (only && !strstr(r->name, only))
            continue;
        /* Real schemas only on the database they were written for. */
        if (provider) {
            char *text = rm_test_read_file(r->path, NULL);
            char want[64];
            snprintf(want, sizeof want, "\"%s\"", provider);
            bool ok = text && strstr(text, want);
            free(text);
            if (!ok)
                continue;
        }
        r->dialect = dialect;
        r->n = (int)nrows;
        nrows++;
    }
    rm_test_free_names(names, n);
}

int main(void)
{
    const char *home = getenv("RELMIG_ORACLE_HOME");
    if (home && home[0])
        snprintf(pull, sizeof pull, "%s/bin/prisma6-pull", home);
    else
        snprintf(pull, sizeof pull, "%s/.cache/relmig-oracle/bin/prisma6-pull",
                 getenv("HOME") ? getenv("HOME") : "");
    if (access(pull, X_OK) != 0) {
        printf("skipped: Prisma's db pull oracle is not installed (%s); install it with "
               "bash ../shared/oracle/setup.sh\n",
               pull);
        return 77;
    }
    pg_url = getenv("RELMIG_TEST_PG_URL");
    if (pg_url && !pg_url[0])
        pg_url = NULL;
    const char *require = getenv("RELMIG_REQUIRE_SERVERS");
    if (!pg_url && require && strcmp(require, "1") == 0) {
        fprintf(stderr, "RELMIG_TEST_PG_URL is not set but RELMIG_REQUIRE_SERVERS=1\n");
        return 1;
    }
    if (pg_url) {
        rm_dberr err;
        rm_dberr_clear(&err);
        if (rm_db_connect(&pg_admin, pg_url, NULL, &err) != RM_OK) {
            fprintf(stderr, "cannot connect: %s\n", err.message);
            return 1;
        }
    }
    tmpdir = rm_test_mkdtemp();
    add_dir(EQUIV_DIR, "seed", &rm_dialect_sqlite, NULL);
    add_dir(REAL_DIR, "real", &rm_dialect_sqlite, "sqlite");
    add_dir(EQUIV_DIR, "seed", &rm_dialect_postgres, NULL);
    add_dir(REAL_DIR, "real", &rm_dialect_postgres, "postgresql");
    struct CMUnitTest tests[MAX_ROWS + 1];
    size_t n = 0;
    tests[n++] = (struct CMUnitTest){.name = "comparer_sees_differences",
                                     .test_func = run_comparer_control};
    for (size_t i = 0; i < nrows; i++)
        tests[n++] = (struct CMUnitTest){.name = rows[i].name, .test_func = run_row,
                                         .initial_state = &rows[i]};
    int rc = _cmocka_run_group_tests("introspect_prisma_pull", tests, n, NULL, NULL);
    rm_db_close(pg_admin);
    rm_test_rmtree(tmpdir);
    free(tmpdir);
    return rc;
}
