/*
 * Differential test of PostgreSQL introspection's two ways of reading the catalog
 * (rm_introspect_postgres_with, db/introspect_pg.h): every statement pipelined, each result
 * processed as it arrives, against one query at a time. Both must give the same physical
 * schema (its text form, byte for byte) and the same diagnostics; and inside a transaction the
 * caller opened, where the reader opens none of its own, the same again. Needs
 * RELMIG_TEST_PG_URL (skipped, exit 77, when unset unless RELMIG_REQUIRE_SERVERS=1). The test
 * works in a fresh database of its own (introspg_paths_<pid>: extensions such as citext live
 * once per database, so sharing one with other tests races), each row in a fresh schema
 * (?schema=rmp_<pid>_<n>); all dropped afterwards.
 *
 * Rows: every PostgreSQL schema of the round-trip corpus (real-schemas, Prisma 7.10 example
 * schemas, graph goldens), generated schemas (models with every scalar type, defaults,
 * composite keys, 1:1 / 1:n / m:n relations, from a fixed seed), and one SQL script of the
 * catalog's corner cases (serial kinds, sequence defaults that are not autoincrement, typmods,
 * a foreign key into another schema, expression and partial indexes, a check constraint, a
 * view, a trigger, defaults), whose reading is also checked fact by fact. The pipelined read
 * must have used the second connection (its snapshot import is in the statement trace, and no
 * "second connection not used" line; a server busy with a parallel run may refuse it, so one
 * of three reads), except in the row whose database refuses a third connection (CONNECTION
 * LIMIT 2), where the same queries run on the first connection and must give the same text.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "db/introspect.h"
#include "db/introspect_pg.h"
#include "model/schema.h"
#include "sqlschema/lower.h"
#include "sqlschema/text.h"
#include "test_introspect_common.h"
#include "testutil.h"
#include "util/diag_render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_ROWS 160
#define N_GENERATED 3

static const rm_dialect *const D = &rm_dialect_postgres;
static char base_url[2048]; /* the test's own database */
static rm_conn *admin;        /* connected to it */

typedef enum row_kind { ROW_FILE, ROW_GENERATED, ROW_SQL, ROW_NO_HELPER } row_kind;

typedef struct path_row {
    rm_intro_row file;
    row_kind kind;
    unsigned seed;
} path_row;

static path_row rows[MAX_ROWS];
static size_t nrows;

static void admin_exec(const char *sql)
{
    rm_dberr err;
    rm_dberr_clear(&err);
    if (rm_db_exec(admin, sql, &err) != RM_OK)
        printf("admin statement failed: %s\n%s\n", err.message, sql);
    assert_int_equal(err.kind, RM_DBERR_NONE);
}

static void schema_name(char *out, size_t n, const path_row *r)
{
    snprintf(out, n, "rmp_%ld_%d", (long)getpid(), r->file.n);
}

static char db_name[64]; /* the test's own database */

static rm_conn *connect_schema(const char *schema, FILE *trace)
{
    char url[2048];
    snprintf(url, sizeof url, "%s%cschema=%s", base_url, strchr(base_url, '?') ? '&' : '?',
             schema);
    rm_conn *c = NULL;
    rm_dberr err;
    rm_dberr_clear(&err);
    rm_db_opts opts = {0, trace};
    if (rm_db_connect(&c, url, &opts, &err) != RM_OK)
        printf("connect: %s\n", err.message);
    assert_non_null(c);
    return c;
}

/* The schema's text form plus every diagnostic, read one way. */
static char *read_one_way(rm_conn *c, bool pipeline, bool in_txn, rm_sqlschema *out,
                          rm_arena *a)
{
    rm_dberr err;
    rm_dberr_clear(&err);
    if (in_txn)
        assert_int_equal(rm_db_begin(c, &err), RM_OK);
    rm_diags d;
    rm_diags_init(&d);
    rm_introspect_stats st = {0, 0};
    rm_sqlschema_init(out, a);
    rm_introspector in = {.conn = c, .out = out, .a = a, .d = &d, .stats = &st};
    assert_int_equal(rm_introspect_postgres_with(&in, pipeline), RM_OK);
    assert_int_equal(st.nqueries, 6);
    if (in_txn)
        assert_int_equal(rm_db_commit(c, &err), RM_OK);
    rm_sb sb = RM_SB_INIT;
    rm_sqlschema_print_text(&sb, out);
    for (size_t i = 0; i < d.n; i++)
        rm_sb_appendf(&sb, "diag E%04u %s\n", (unsigned)d.items[i]->id, d.items[i]->msg);
    char *text = rm_arena_strdup(a, rm_sb_str(&sb));
    rm_sb_free(&sb);
    rm_diags_free(&d);
    return text;
}

/* Whether the statements traced since `from` used the helper connection: its snapshot import
 * is there and no line says its queries ran on the first connection after all (that line is
 * printed, with its reason). */
static bool used_helper(FILE *trace, long from)
{
    fflush(trace);
    long n = ftell(trace) - from;
    char *text = calloc(1, (size_t)n + 1);
    fseek(trace, from, SEEK_SET);
    size_t got = fread(text, 1, (size_t)n, trace);
    text[got] = 0;
    const char *not_used = strstr(text, "second connection not used");
    if (not_used)
        printf("trace: %.*s\n", (int)strcspn(not_used, "\n"), not_used);
    bool used = strstr(text, "SET TRANSACTION SNAPSHOT") != NULL && !not_used;
    free(text);
    fseek(trace, 0, SEEK_END);
    return used;
}

/* Read the row's schema pipelined, one query at a time, and inside a caller's transaction;
 * all three texts must be equal. The pipelined read uses the helper connection, except in the
 * row whose database refuses a third connection: then its queries run on the first one. */
static void compare_paths(const path_row *r, rm_conn *c, FILE *trace, rm_sqlschema *got,
                          rm_arena *a)
{
    rm_sqlschema serial, in_txn;
    char sql[160];
    if (r->kind == ROW_NO_HELPER) {
        /* admin and c are the database's two connections: a third one is refused. */
        snprintf(sql, sizeof sql, "ALTER DATABASE %s CONNECTION LIMIT 2", db_name);
        admin_exec(sql);
    }
    /* A server busy with the other tests of a parallel run may refuse or be slow to accept
     * the second connection (relmig then reads on one, which is right); the row needs the
     * helper to have been used in one of three reads. */
    bool used = false;
    char *pipelined = NULL;
    for (int attempt = 0; attempt < (r->kind == ROW_NO_HELPER ? 1 : 3) && !used; attempt++) {
        fflush(trace);
        long from = ftell(trace);
        pipelined = read_one_way(c, true, false, got, a);
        used = used_helper(trace, from);
    }
    if (r->kind == ROW_NO_HELPER) {
        snprintf(sql, sizeof sql, "ALTER DATABASE %s CONNECTION LIMIT -1", db_name);
        admin_exec(sql);
    }
    assert_int_equal(used, r->kind != ROW_NO_HELPER);
    char *one_by_one = read_one_way(c, false, false, &serial, a);
    char *inside = read_one_way(c, true, true, &in_txn, a);
    if (strcmp(pipelined, one_by_one) != 0 || strcmp(pipelined, inside) != 0)
        rm_intro_dump(r->file.name, NULL, "pipelined.txt", pipelined, "serial.txt", one_by_one,
                      "in_transaction.txt", inside, NULL);
    assert_string_equal(pipelined, one_by_one);
    assert_string_equal(pipelined, inside);
    assert_non_null(strstr(pipelined, "table")); /* the row did create something */
}

/* A generated schema: models with every scalar type, defaults, keys and relations. */
static char *generated_schema(unsigned seed, rm_arena *a)
{
    static const char *const scalars[] = {
        "String", "String? @db.VarChar(40)", "Int", "BigInt?", "Float", "Decimal @db.Decimal(10, 2)",
        "Boolean @default(true)", "DateTime @default(now())", "DateTime? @db.Timestamptz(3)",
        "Json?", "Bytes?", "String @db.Char(3)", "String @db.Uuid", "Int @default(7)",
        "String @default(\"x'y\")", "Decimal? @db.Decimal(65, 30)", "DateTime @db.Time(2)",
        "String[]", "Int[]", "Status @default(ACTIVE)",
    };
    rm_sb sb = RM_SB_INIT;
    rm_sb_appendf(&sb, "datasource db {\n  provider = \"postgresql\"\n  url = env(\"X\")\n}\n"
                       "enum Status {\n  ACTIVE\n  GONE\n}\n");
    /* Each model's draw first: a model's back-relation field depends on the next model. */
    enum { MAXM = 24 };
    unsigned draw[MAXM];
    size_t nmodels = 12 + seed % 7;
    unsigned x = seed * 2654435761u + 1;
    for (size_t m = 0; m < nmodels; m++) {
        x = x * 1103515245u + 12345u;
        draw[m] = x >> 4;
    }
    /* Model m (m > 0) refers to model m - 1 unless that one has a composite key (every fifth
     * model); one-to-one when draw % 4 == 0. */
#define COMPOSITE(m) ((m) % 5 == 4)
#define REFERS(m) ((m) > 0 && !COMPOSITE((m) - 1))
    for (size_t m = 0; m < nmodels; m++) {
        unsigned d = draw[m];
        rm_sb_appendf(&sb, "model M%zu {\n", m);
        if (COMPOSITE(m))
            rm_sb_appendf(&sb, "  a Int\n  b String\n");
        else if (d % 3 == 0)
            rm_sb_appendf(&sb, "  id BigInt @id @default(autoincrement())\n");
        else if (d % 3 == 1)
            rm_sb_appendf(&sb, "  id Int @id @default(autoincrement())\n");
        else
            rm_sb_appendf(&sb, "  id String @id @default(uuid())\n");
        size_t nf = 2 + (d >> 8) % 6;
        for (size_t f = 0; f < nf; f++)
            rm_sb_appendf(&sb, "  f%zu %s\n", f, scalars[(d >> (f + 3)) % RM_ARRAY_LEN(scalars)]);
        if (REFERS(m)) {
            unsigned p = draw[m - 1];
            const char *key = p % 3 == 0 ? "BigInt" : p % 3 == 1 ? "Int" : "String";
            rm_sb_appendf(&sb, "  r M%zu? @relation(fields: [rId], references: [id])\n", m - 1);
            rm_sb_appendf(&sb, "  rId %s?%s\n", key, d % 4 == 0 ? " @unique" : "");
        }
        if (m + 1 < nmodels && REFERS(m + 1))
            rm_sb_appendf(&sb, "  back M%zu%s\n", m + 1, draw[m + 1] % 4 == 0 ? "?" : "[]");
        if (COMPOSITE(m))
            rm_sb_appendf(&sb, "  @@id([a, b])\n  @@index([b])\n");
        else
            rm_sb_appendf(&sb, "  @@index([f0])\n");
        rm_sb_appendf(&sb, "}\n");
    }
#undef COMPOSITE
#undef REFERS
    char *text = rm_arena_strdup(a, rm_sb_str(&sb));
    rm_sb_free(&sb);
    return text;
}

/* The corner cases the Prisma schemas do not produce. */
static const char EDGE_SQL[] =
    "CREATE TABLE s_kinds (a smallserial, b serial PRIMARY KEY, c bigserial, "
    "d int GENERATED BY DEFAULT AS IDENTITY, e int DEFAULT nextval('s_kinds_b_seq'), "
    "f bigint DEFAULT nextval('s_kinds_b_seq'::regclass) + 1, "
    "g int DEFAULT (nextval('s_kinds_b_seq'))::int, h numeric(7,-2), i bpchar, j bit, "
    "k bit varying(5)[], l character(4) UNIQUE, m interval, n time(2) with time zone, "
    "o json, p varchar, q timestamp(0), r cidr, "
    "t1 timestamp DEFAULT CURRENT_TIMESTAMP, t2 timestamp(3) DEFAULT CURRENT_TIMESTAMP, "
    "t3 timestamptz DEFAULT CURRENT_TIMESTAMP, t4 timestamptz(2) DEFAULT CURRENT_TIMESTAMP, "
    "t5 timestamp(3) DEFAULT date_trunc('day', CURRENT_TIMESTAMP), t6 timestamp DEFAULT now(), "
    "t7 date DEFAULT CURRENT_DATE, b1 boolean DEFAULT true, b2 boolean DEFAULT false, "
    "b3 boolean DEFAULT (1 = 1), n1 numeric(10,2) DEFAULT 0, n2 int DEFAULT -3);\n"
    "CREATE TABLE other_ref (x int PRIMARY KEY, y int REFERENCES %s_x.target (id) "
    "ON DELETE CASCADE);\n"
    "CREATE INDEX other_ref_expr ON other_ref ((x + y));\n"
    "CREATE INDEX other_ref_part ON other_ref (y) WHERE y > 0;\n"
    "CREATE INDEX s_kinds_desc ON s_kinds (c DESC, p varchar_pattern_ops);\n"
    "ALTER TABLE other_ref ADD CONSTRAINT other_ref_chk CHECK (x > 0);\n"
    "CREATE VIEW v AS SELECT x FROM other_ref;\n"
    "CREATE FUNCTION trg_fn() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';\n"
    "CREATE TRIGGER trg BEFORE INSERT ON other_ref FOR EACH ROW EXECUTE FUNCTION trg_fn();\n";

static const rm_sql_column *column(const rm_sqlschema *s, const char *table, const char *name)
{
    for (size_t i = 0; i < s->ntables; i++) {
        if (strcmp(s->tables[i]->name, table) != 0)
            continue;
        for (size_t k = 0; k < s->tables[i]->ncols; k++)
            if (strcmp(s->tables[i]->cols[k].name, name) == 0)
                return &s->tables[i]->cols[k];
    }
    return NULL;
}

static void check_edge_facts(const rm_sqlschema *s)
{
    /* Sequences behind serial kinds and identity are autoincrement; a nextval() the column
     * does not own as its whole default (+ 1, an explicit cast) is an expression. */
    static const struct {
        const char *col;
        bool autoinc;
    } want[] = {{"a", true}, {"b", true}, {"c", true}, {"d", true}, {"e", true},
                {"f", false}, {"g", false}, {"h", false}, {"i", false}};
    for (size_t i = 0; i < RM_ARRAY_LEN(want); i++) {
        const rm_sql_column *c = column(s, "s_kinds", want[i].col);
        assert_non_null(c);
        if (c->autoincrement != want[i].autoinc)
            printf("column %s: autoincrement %d\n", want[i].col, c->autoincrement);
        assert_int_equal(c->autoincrement, want[i].autoinc);
    }
    /* Defaults recognised from their node trees read as pg_get_expr's text would. */
    static const struct {
        const char *col;
        rm_sql_default_kind kind;
        const char *text;
    } defs[] = {
        {"t1", RM_SQL_DEFAULT_NOW, NULL},
        {"t2", RM_SQL_DEFAULT_NOW, NULL},
        {"t3", RM_SQL_DEFAULT_NOW, NULL},
        {"t4", RM_SQL_DEFAULT_NOW, NULL},
        {"t5", RM_SQL_DEFAULT_EXPRESSION, "date_trunc('day'::text, CURRENT_TIMESTAMP)"},
        {"t6", RM_SQL_DEFAULT_NOW, NULL},
        {"t7", RM_SQL_DEFAULT_EXPRESSION, "CURRENT_DATE"},
        {"b1", RM_SQL_DEFAULT_BOOLEAN, "true"},
        {"b2", RM_SQL_DEFAULT_BOOLEAN, "false"},
        {"b3", RM_SQL_DEFAULT_EXPRESSION, "1 = 1"},
        {"n1", RM_SQL_DEFAULT_NUMBER, "0"},
    };
    for (size_t i = 0; i < RM_ARRAY_LEN(defs); i++) {
        const rm_sql_column *c = column(s, "s_kinds", defs[i].col);
        assert_non_null(c);
        if (c->def.kind != defs[i].kind || (defs[i].text && (!c->def.text ||
                                                              strcmp(c->def.text, defs[i].text))))
            printf("column %s: default kind %d text %s\n", defs[i].col, (int)c->def.kind,
                   c->def.text ? c->def.text : "(none)");
        assert_int_equal(c->def.kind, defs[i].kind);
        if (defs[i].text)
            assert_string_equal(c->def.text, defs[i].text);
    }
    assert_string_equal(column(s, "s_kinds", "h")->type.name, "DECIMAL");
    assert_string_equal(column(s, "s_kinds", "l")->type.name, "CHAR");
    assert_string_equal(column(s, "s_kinds", "q")->type.name, "TIMESTAMP");
    assert_int_equal(column(s, "s_kinds", "q")->type.args[0], 0);
}

static void run_row(void **state)
{
    const path_row *r = *state;
    char schema[64];
    schema_name(schema, sizeof schema, r);
    char sql[512];
    snprintf(sql, sizeof sql,
             "DROP SCHEMA IF EXISTS %s CASCADE; DROP SCHEMA IF EXISTS %s_x CASCADE; "
             "CREATE SCHEMA %s",
             schema, schema, schema);
    admin_exec(sql);
    rm_arena a;
    rm_arena_init(&a, 0);
    FILE *trace = tmpfile();
    assert_non_null(trace);
    rm_conn *c = connect_schema(schema, trace);
    if (r->kind == ROW_SQL) {
        snprintf(sql, sizeof sql,
                 "CREATE SCHEMA %s_x; CREATE TABLE %s_x.target (id int PRIMARY KEY)", schema,
                 schema);
        admin_exec(sql);
        char *script = rm_arena_sprintf(&a, EDGE_SQL, schema);
        rm_dberr err;
        rm_dberr_clear(&err);
        if (rm_db_exec(c, script, &err) != RM_OK)
            printf("edge script: %s\n", err.message);
        assert_int_equal(err.kind, RM_DBERR_NONE);
    } else {
        rm_sources srcs;
        rm_sources_init(&srcs);
        if (r->kind == ROW_FILE) {
            size_t len;
            char *text = rm_test_read_file(r->file.path, &len);
            assert_non_null(text);
            rm_sources_add(&srcs, r->file.name, text, len);
            free(text);
        } else { /* generated, also for ROW_NO_HELPER */
            char *text = generated_schema(r->seed, &a);
            rm_sources_add(&srcs, r->file.name, text, strlen(text));
        }
        rm_diags d;
        rm_diags_init(&d);
        rm_graph *g = NULL;
        rm_schema_build(&g, &srcs, &a, &d);
        rm_sqlschema want;
        bool lowered = d.nerrors == 0 && rm_sqlschema_lower(&want, g, D, NULL, &a, &d) == RM_OK;
        if (r->kind != ROW_FILE && !lowered)
            rm_test_print_diags(&srcs, &d);
        assert_true(lowered || r->kind == ROW_FILE);
        /* Not lowerable here: a file the round-trip test reports as such (E0603). */
        bool citext = false;
        for (size_t t = 0; lowered && t < want.ntables; t++)
            for (size_t k = 0; k < want.tables[t]->ncols; k++)
                citext = citext || (want.tables[t]->cols[k].type.name &&
                                    strcmp(want.tables[t]->cols[k].type.name, "CITEXT") == 0);
        if (citext) {
            /* The extension's type must live where the row's unqualified names resolve. */
            snprintf(sql, sizeof sql, "CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA %s",
                     schema);
            admin_exec(sql);
        }
        if (lowered)
            assert_true(rm_intro_apply(c, &want, D, &a));
        rm_diags_free(&d);
        rm_sources_free(&srcs);
        if (!lowered) {
            printf("%s: not lowered; nothing to read\n", r->file.name);
            rm_db_close(c);
            fclose(trace);
            rm_arena_free(&a);
            snprintf(sql, sizeof sql, "DROP SCHEMA IF EXISTS %s CASCADE", schema);
            admin_exec(sql);
            return;
        }
    }
    rm_sqlschema got;
    compare_paths(r, c, trace, &got, &a);
    if (r->kind == ROW_SQL)
        check_edge_facts(&got);
    rm_db_close(c);
    fclose(trace);
    rm_arena_free(&a);
    snprintf(sql, sizeof sql, "DROP SCHEMA IF EXISTS %s CASCADE; DROP SCHEMA IF EXISTS %s_x CASCADE",
             schema, schema);
    admin_exec(sql);
}

static void add_dir(const char *dir, const char *prefix)
{
    rm_intro_row files[MAX_ROWS];
    size_t n = 0;
    rm_intro_add_dir(files, &n, MAX_ROWS - nrows, dir, prefix);
    for (size_t i = 0; i < n; i++) {
        /* Only schemas written for PostgreSQL. */
        char *text = rm_test_read_file(files[i].path, NULL);
        bool pg = text && (strstr(text, "\"postgresql\"") || strstr(text, "\"postgres\"")) &&
                  !strstr(text, "@@schema(");
        free(text);
        if (!pg)
            continue;
        rows[nrows] = (path_row){.file = files[i], .kind = ROW_FILE};
        rows[nrows].file.n = (int)nrows;
        nrows++;
    }
}

int main(void)
{
    const char *server = NULL;
    int env_rc = rm_test_server_url("RELMIG_TEST_PG_URL", &server);
    if (env_rc)
        return env_rc;
    /* The server URL with its database replaced by a fresh one of this run. */
    char *db = db_name;
    snprintf(db_name, sizeof db_name, "introspg_paths_%ld", (long)getpid());
    const char *path = strstr(server, "://");
    path = path ? strchr(path + 3, '/') : NULL;
    if (!path) {
        fprintf(stderr, "RELMIG_TEST_PG_URL names no database\n");
        return 1;
    }
    const char *query = strchr(path, '?');
    snprintf(base_url, sizeof base_url, "%.*s/%s%s", (int)(path - server), server, db,
             query ? query : "");
    rm_conn *server_conn = NULL;
    rm_dberr err;
    rm_dberr_clear(&err);
    char sql[160];
    snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s", db);
    int ok = rm_db_connect(&server_conn, server, NULL, &err) == RM_OK &&
             rm_db_exec(server_conn, sql, &err) == RM_OK;
    snprintf(sql, sizeof sql, "CREATE DATABASE %s", db);
    ok = ok && rm_db_exec(server_conn, sql, &err) == RM_OK &&
         rm_db_connect(&admin, base_url, NULL, &err) == RM_OK;
    if (!ok) {
        fprintf(stderr, "cannot set up database %s: %s\n", db, err.message);
        rm_db_close(server_conn);
        return 1;
    }
    add_dir(RELMIG_SHARED_DIR "/corpus/real-schemas", "real");
    add_dir(RELMIG_SHARED_DIR "/corpus/prisma/other/engine_7.10_outputs", "engine");
    add_dir(RELMIG_SOURCE_DIR "/tests/golden/graph", "graph");
    for (unsigned k = 0; k < N_GENERATED && nrows < MAX_ROWS; k++, nrows++) {
        rows[nrows] = (path_row){.kind = ROW_GENERATED, .seed = k + 1};
        snprintf(rows[nrows].file.name, sizeof rows[0].file.name, "generated_seed_%u", k + 1);
        rows[nrows].file.n = (int)nrows;
    }
    if (nrows < MAX_ROWS) {
        rows[nrows] = (path_row){.kind = ROW_NO_HELPER, .seed = 1};
        snprintf(rows[nrows].file.name, sizeof rows[0].file.name, "no_second_connection");
        rows[nrows].file.n = (int)nrows;
        nrows++;
    }
    if (nrows < MAX_ROWS) {
        rows[nrows] = (path_row){.kind = ROW_SQL};
        snprintf(rows[nrows].file.name, sizeof rows[0].file.name, "sql_corner_cases");
        rows[nrows].file.n = (int)nrows;
        nrows++;
    }
    static struct CMUnitTest tests[MAX_ROWS];
    for (size_t i = 0; i < nrows; i++)
        tests[i] = (struct CMUnitTest){.name = rows[i].file.name, .test_func = run_row,
                                       .initial_state = &rows[i]};
    int rc = _cmocka_run_group_tests("introspect_pg_paths", tests, nrows, NULL, NULL);
    rm_db_close(admin);
    snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s", db);
    if (rm_db_exec(server_conn, sql, &err) != RM_OK)
        fprintf(stderr, "cannot drop database %s: %s\n", db, err.message);
    rm_db_close(server_conn);
    return rc;
}
