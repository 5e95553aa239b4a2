/*
 * MySQL/MariaDB introspection against the test server (RELMIG_TEST_MYSQL_URL; skipped, exit 77,
 * when it is unset unless RELMIG_REQUIRE_SERVERS=1). Every row works in its own fresh database
 * (rmi_<pid>_<n>: concurrent runs do not collide), dropped afterwards. Same structure as test_introspect_postgres.c.
 *
 * Round trip, one row per schema (real-schemas corpus, Prisma 7.10 example schemas, graph
 * goldens): schema -> rm_sqlschema_lower(mysql) -> DDL (diff from empty) -> server ->
 * rm_introspect -> diff against the lowered schema must be empty; then raise -> Prisma text ->
 * parse -> lower -> diff against the database must be empty too. Only schemas written for
 * MySQL are rows (another provider's native types do not lower here).
 * Query count: 10 and 1,000 tables take the same number of catalog queries.
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
#include "test_introspect_common.h"
#include "testutil.h"
#include "util/diag_render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_ROWS 128
#define ENGINE_ RELMIG_SHARED_DIR "/corpus/prisma/other/engine_7.10_outputs"

static const rm_dialect *const D = &rm_dialect_mysql;

typedef rm_intro_row row;

/* The schema text of r, with the datasource provider made "mysql" when r->as_mysql. */
static char *row_text(const row *r, size_t *len)
{
    char *text = rm_test_read_file(r->path, len);
    if (!text || !r->as_mysql)
        return text;
    static const char *const providers[] = {"\"postgresql\"", "\"postgres\"", "\"sqlite\""};
    for (size_t i = 0; i < RM_ARRAY_LEN(providers); i++) {
        char *p = strstr(text, providers[i]);
        if (!p)
            continue;
        size_t pl = strlen(providers[i]);
        char *out = malloc(strlen(text) + 16);
        snprintf(out, strlen(text) + 16, "%.*s\"mysql\"%s", (int)(p - text), text, p + pl);
        free(text);
        *len = strlen(out);
        return out;
    }
    return text;
}

/* Does the text build into a valid graph? */
static bool builds(const char *text)
{
    rm_sources srcs;
    rm_sources_init(&srcs);
    rm_sources_add(&srcs, "x.prisma", text, strlen(text));
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_diags d;
    rm_diags_init(&d);
    rm_graph *g;
    rm_schema_build(&g, &srcs, &a, &d);
    rm_sqlschema low;
    bool ok = d.nerrors == 0 &&
              rm_sqlschema_lower(&low, g, &rm_dialect_mysql, NULL, &a, &d) == RM_OK;
    rm_diags_free(&d);
    rm_arena_free(&a);
    rm_sources_free(&srcs);
    return ok;
}

static row rows[MAX_ROWS];
static size_t nrows;
static const char *base_url;
static rm_conn *admin;


static void admin_exec(const char *sql)
{
    rm_dberr err;
    rm_dberr_clear(&err);
    if (rm_db_exec(admin, sql, &err) != RM_OK)
        printf("admin statement failed: %s\n%s\n", err.message, sql);
    assert_int_equal(err.kind, RM_DBERR_NONE);
}

/* A fresh database named name and a connection to it. */
static rm_conn *fresh_schema(const char *name)
{
    char sql[256];
    snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s", name);
    admin_exec(sql);
    snprintf(sql, sizeof sql, "CREATE DATABASE %s", name);
    admin_exec(sql);
    rm_arena ua;
    rm_arena_init(&ua, 0);
    rm_dburl u;
    rm_dberr uerr;
    assert_int_equal(rm_dburl_parse(&u, base_url, &ua, &uerr), RM_OK);
    u.database = name;
    char url[2048];
    snprintf(url, sizeof url, "%s", rm_dburl_format(&u, false, &ua));
    rm_arena_free(&ua);
    rm_conn *c = NULL;
    rm_dberr err;
    rm_dberr_clear(&err);
    if (rm_db_connect(&c, url, NULL, &err) != RM_OK)
        printf("connect: %s\n", err.message);
    assert_non_null(c);
    return c;
}

static void drop_schema(const char *name)
{
    char sql[256];
    snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s", name);
    admin_exec(sql);
}



/* Round trips known not to be exact, with the reason. */
static const rm_intro_known_row known[] = {
    {"", 0, ""},
};


static bool has_namespaces(const rm_graph *g)
{
    for (size_t i = 0; i < g->nmodels; i++)
        if (g->models[i].schema)
            return true;
    for (size_t i = 0; i < g->nenums; i++)
        if (g->enums[i].schema)
            return true;
    return false;
}

static void check_database(const row *r, const rm_sqlschema *want, rm_arena *a)
{
    char schema[64];
    snprintf(schema, sizeof schema, "rmi_my_%ld_%d", (long)getpid(), r->n);
    rm_conn *c = fresh_schema(schema);
    assert_true(rm_intro_apply(c, want, D, a));
    rm_sqlschema got;
    rm_introspect_stats st;
    rm_diags id;
    rm_diags_init(&id);
    assert_int_equal(rm_introspect(&got, c, &st, a, &id), RM_OK);
    rm_db_close(c);
    assert_int_equal(id.nerrors, 0);
    assert_int_equal(st.nqueries, 6);
    assert_int_equal(st.ntables, want->ntables);
    size_t expected = rm_intro_known(known, RM_ARRAY_LEN(known), r->name);
    assert_int_equal(rm_intro_changes(&got, want, expected, D, a), expected);
    if (expected) {
        rm_diags_free(&id);
        drop_schema(schema);
        return;
    }

    assert_int_equal(rm_intro_reprint_changes(&got, D, NULL, a), 0);
    rm_diags_free(&id);
    drop_schema(schema);
}

static void run_roundtrip(void **state)
{
    const row *r = *state;
    size_t len;
    char *text = row_text(r, &len);
    assert_non_null(text);
    rm_sources srcs;
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_graph *g;
    rm_sqlschema want;
    rm_intro_lowering l = rm_intro_build_lower(&want, &g, &srcs, r->name, text, len, D, &a);
    assert_int_not_equal(l, RM_INTRO_BAD);
    if (l == RM_INTRO_LOWERED && has_namespaces(g))
        printf("%s: uses @@schema (several namespaces); not a one-schema round trip\n", r->name);
    else if (l == RM_INTRO_LOWERED)
        check_database(r, &want, &a);
    rm_arena_free(&a);
    rm_sources_free(&srcs);
}

static void run_query_count(void **state)
{
    (void)state;
    unsigned q[2];
    int sizes[2] = {10, 1000};
    for (int k = 0; k < 2; k++) {
        char name[64];
        snprintf(name, sizeof name, "rmi_my_%ld_count_%d", (long)getpid(), sizes[k]);
        rm_conn *c = fresh_schema(name);
        rm_sb sb = RM_SB_INIT;
        for (int i = 0; i < sizes[k]; i++) {
            rm_sb_appendf(&sb, "CREATE TABLE t%d (id INT AUTO_INCREMENT PRIMARY KEY, "
                               "code VARCHAR(50) NOT NULL", i);
            if (i)
                rm_sb_appendf(&sb, ", prev INTEGER REFERENCES t%d(id)", i - 1);
            rm_sb_appendf(&sb, ", UNIQUE INDEX t%d_code_key (code));", i);
        }
        rm_dberr err;
        rm_dberr_clear(&err);
        assert_int_equal(rm_db_exec(c, rm_sb_str(&sb), &err), RM_OK);
        rm_sb_free(&sb);
        rm_arena a;
        rm_arena_init(&a, 0);
        rm_diags d;
        rm_diags_init(&d);
        rm_sqlschema s;
        rm_introspect_stats st;
        assert_int_equal(rm_introspect(&s, c, &st, &a, &d), RM_OK);
        assert_int_equal(s.ntables, (size_t)sizes[k]);
        assert_int_equal(s.tables[s.ntables - 1]->nfks, 1);
        /* the unique index, and the index InnoDB made for the foreign key */
        assert_int_equal(s.tables[s.ntables - 1]->nindexes, 2);
        q[k] = st.nqueries;
        printf("%d tables: %u catalog queries\n", sizes[k], st.nqueries);
        rm_diags_free(&d);
        rm_arena_free(&a);
        rm_db_close(c);
        drop_schema(name);
    }
    assert_int_equal(q[0], q[1]);
}

int main(void)
{
    int env_rc = rm_test_server_url("RELMIG_TEST_MYSQL_URL", &base_url);
    if (env_rc)
        return env_rc;
    rm_dberr err;
    rm_dberr_clear(&err);
    if (rm_db_connect(&admin, base_url, NULL, &err) != RM_OK) {
        fprintf(stderr, "cannot connect: %s\n", err.message);
        return 1;
    }
    rm_intro_add_dir(rows, &nrows, MAX_ROWS, RELMIG_SHARED_DIR "/corpus/real-schemas", "real");
    rm_intro_add_dir(rows, &nrows, MAX_ROWS, ENGINE_, "engine");
    rm_intro_add_dir(rows, &nrows, MAX_ROWS, RELMIG_SOURCE_DIR "/tests/golden/graph", "graph");
    static struct CMUnitTest tests[MAX_ROWS + 2];
    size_t n = 0;
    /* RELMIG_TEST_ROW=text runs only the round-trip rows whose name contains text. */
    const char *only = getenv("RELMIG_TEST_ROW");
    for (size_t i = 0; i < nrows; i++) {
        if (only && !strstr(rows[i].name, only))
            continue;
        /* Schemas written for MySQL, and schemas written for another provider that are
         * valid MySQL schemas once the provider says so (no native types of that provider,
         * nothing the MySQL lowering refuses). The others are listed, not run. */
        char *text = rm_test_read_file(rows[i].path, NULL);
        bool ok = text && strstr(text, "\"mysql\"");
        if (text && !ok) {
            rows[i].as_mysql = true;
            size_t len;
            char *conv = row_text(&rows[i], &len);
            ok = builds(conv);
            free(conv);
            if (!ok)
                printf("not a MySQL schema once converted (native types or lists): %s\n",
                       rows[i].name);
        }
        free(text);
        if (ok)
            tests[n++] = (struct CMUnitTest){.name = rows[i].name, .test_func = run_roundtrip,
                                             .initial_state = &rows[i]};
    }
    if (!only) {
        tests[n++] = (struct CMUnitTest){.name = "query_count_10_vs_1000_tables",
                                         .test_func = run_query_count};
    }
    int rc = _cmocka_run_group_tests("introspect_mysql", tests, n, NULL, NULL);
    rm_db_close(admin);
    return rc;
}
