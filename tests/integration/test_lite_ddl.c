/*
 * Unit rows for src/db/lite_ddl.c, the reader of sqlite_master's CREATE statements: one row per
 * rule of SQLite's it reproduces (declared type spans and the standard names, default spans,
 * key positions, automatic index numbering and de-duplication, foreign keys, CREATE INDEX keys)
 * and per construct it must leave to the pragmas (RM_EUNSUPPORTED). Each row's expected
 * result is written as the text summarise() prints, so a row reads like the pragma output it
 * stands for. Pure: no database (it lives with the integration tests only because they link
 * src/db). Whether the results match SQLite's own is test_introspect_lite_ddl_diff's job.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "db/lite_ddl.h"
#include "util/sb.h"

#include <stdio.h>
#include <string.h>

/* One line per column (name|type|notnull|dflt|pk), automatic index (auto N pk|u: cols) and
 * foreign key (fk table: from->to update/delete); "without rowid" last when set. */
static void summarise(rm_sb *sb, const rm_lite_table *t)
{
    for (size_t i = 0; i < t->ncols; i++) {
        const rm_lite_column *c = &t->cols[i];
        rm_sb_appendf(sb, "%s|%s|%d|%s|%u\n", c->name, c->type, c->notnull, c->dflt ? c->dflt : "-",
                      c->pk);
    }
    for (size_t i = 0; i < t->nautos; i++) {
        rm_sb_appendf(sb, "auto %u %s:", t->autos[i].number, t->autos[i].pk ? "pk" : "u");
        for (size_t k = 0; k < t->autos[i].ncols; k++)
            rm_sb_appendf(sb, " %s", t->cols[t->autos[i].cols[k]].name);
        rm_sb_puts(sb, "\n");
    }
    for (size_t i = 0; i < t->nfks; i++) {
        const rm_lite_fk *f = &t->fks[i];
        rm_sb_appendf(sb, "fk %s:", f->table);
        for (size_t k = 0; k < f->n; k++)
            rm_sb_appendf(sb, " %s->%s", f->from[k], f->to[k] ? f->to[k] : "(pk)");
        rm_sb_appendf(sb, " %s/%s\n", f->on_update, f->on_delete);
    }
    if (t->without_rowid)
        rm_sb_puts(sb, "without rowid\n");
}

typedef struct row {
    const char *name;
    const char *sql;
    const char *want; /* summarise() text; NULL = RM_EUNSUPPORTED */
} row;

static const row tables[] = {
    {"plain", "CREATE TABLE t (a, b TEXT)", "a||0|-|0\nb|TEXT|0|-|0\n"},
    {"standard_types_upper_cased",
     "CREATE TABLE t (a integer, b Text, c int, d real, e blob, f any)",
     "a|INTEGER|0|-|0\nb|TEXT|0|-|0\nc|INT|0|-|0\nd|REAL|0|-|0\ne|BLOB|0|-|0\nf|ANY|0|-|0\n"},
    {"type_span_verbatim", "CREATE TABLE t (a varchar ( 10 ), b DOUBLE /* x */ PRECISION)",
     "a|varchar ( 10 )|0|-|0\nb|DOUBLE /* x */ PRECISION|0|-|0\n"},
    {"type_args_signed", "CREATE TABLE t (a DECIMAL(-1, +2) NOT NULL)",
     "a|DECIMAL(-1, +2)|1|-|0\n"},
    {"generated_always_suffix_stripped",
     "CREATE TABLE t (a type_is_xxalways, b xgeneratedalways_, c qqqqqqqgeneratedalways)",
     "a|type_is_xx|0|-|0\nb|xgeneratedalways_|0|-|0\nc|qqqqqqq|0|-|0\n"},
    {"generated_always_words", "CREATE TABLE t (a xx generated always)", NULL},
    {"quoted_names",
     "CREATE TABLE \"t\" (\"a\"\"b\" INT, [c d] INT, `e``f` INT, 'g' INT, \"'h'\" INT)",
     "a\"b|INT|0|-|0\nc d|INT|0|-|0\ne`f|INT|0|-|0\ng|INT|0|-|0\n'h'|INT|0|-|0\n"},
    {"defaults",
     "CREATE TABLE t (a DEFAULT 'x''y', b DEFAULT -  5, c DEFAULT ( (1) + 2 ), d DEFAULT "
     "CURRENT_TIMESTAMP, e DEFAULT NULL, f DEFAULT true, g DEFAULT \"dq\", h DEFAULT x'0A')",
     "a||0|'x''y'|0\nb||0|-  5|0\nc||0|(1) + 2|0\nd||0|CURRENT_TIMESTAMP|0\ne||0|NULL|0\n"
     "f||0|true|0\ng||0|\"dq\"|0\nh||0|x'0A'|0\n"},
    {"integer_primary_key_has_no_index", "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT UNIQUE)",
     "id|INTEGER|0|-|1\nv|TEXT|0|-|0\nauto 1 u: v\n"},
    {"other_keys_get_an_index", "CREATE TABLE t (a TEXT PRIMARY KEY, b UNIQUE)",
     "a|TEXT|0|-|1\nb||0|-|0\nauto 1 pk: a\nauto 2 u: b\n"},
    {"composite_key_positions", "CREATE TABLE t (a, b, c, PRIMARY KEY (c, A))",
     "a||0|-|2\nb||0|-|0\nc||0|-|1\nauto 1 pk: c a\n"},
    {"duplicate_unique_adds_nothing", "CREATE TABLE t (a UNIQUE, b, UNIQUE (a), UNIQUE (b, a))",
     "a||0|-|0\nb||0|-|0\nauto 1 u: a\nauto 2 u: b a\n"},
    {"collation_distinguishes", "CREATE TABLE t (a UNIQUE, UNIQUE (a COLLATE nocase))",
     "a||0|-|0\nauto 1 u: a\nauto 2 u: a\n"},
    {"late_collate_applies_to_earlier_index",
     "CREATE TABLE t (a TEXT UNIQUE COLLATE nocase, UNIQUE (a))", "a|TEXT|0|-|0\nauto 1 u: a\n"},
    {"pk_takes_over_unique", "CREATE TABLE t (a TEXT UNIQUE, PRIMARY KEY (a))",
     "a|TEXT|0|-|1\nauto 1 pk: a\n"},
    {"without_rowid_key_not_null",
     "CREATE TABLE t (id INTEGER PRIMARY KEY, u TEXT UNIQUE) WITHOUT ROWID, STRICT",
     "id|INTEGER|1|-|1\nu|TEXT|0|-|0\nauto 1 u: u\nauto 2 pk: id\nwithout rowid\n"},
    {"foreign_keys",
     "CREATE TABLE t (a INT REFERENCES p ON DELETE CASCADE, b INT, c INT, CONSTRAINT f "
     "FOREIGN KEY (B, c) REFERENCES \"q\" (x, \"y\") ON UPDATE SET NULL MATCH FULL NOT "
     "DEFERRABLE)",
     "a|INT|0|-|0\nb|INT|0|-|0\nc|INT|0|-|0\nfk p: a->(pk) NO ACTION/CASCADE\n"
     "fk q: b->x c->y SET NULL/NO ACTION\n"},
    {"table_constraints_without_commas",
     "CREATE TABLE t (a, b, UNIQUE (a) CHECK (b > 0) PRIMARY KEY (b))",
     "a||0|-|0\nb||0|-|1\nauto 1 u: a\nauto 2 pk: b\n"},
    {"comments_everywhere", "CREATE TABLE /*x*/ t -- y\n ( a /* z */ INT -- w\n )",
     "a|INT|0|-|0\n"},
    {"generated_column", "CREATE TABLE t (a INT, b INT GENERATED ALWAYS AS (a) STORED)", NULL},
    {"generated_column_short", "CREATE TABLE t (a INT, b AS (a))", NULL},
    {"virtual_table", "CREATE VIRTUAL TABLE t USING fts5(a)", NULL},
    {"desc_key", "CREATE TABLE t (a INTEGER PRIMARY KEY DESC)", NULL},
    {"desc_unique", "CREATE TABLE t (a, UNIQUE (a DESC))", NULL},
    {"quoted_type", "CREATE TABLE t (a \"my type\")", NULL},
    {"expression_key", "CREATE TABLE t (a, UNIQUE (lower(a)))", NULL},
    {"repeated_key_column", "CREATE TABLE t (a, b, UNIQUE (a, b, a))", NULL},
    {"unknown_key_column", "CREATE TABLE t (a, UNIQUE (b))", NULL},
    {"unterminated_quote", "CREATE TABLE t (\"a INT)", NULL},
    {"truncated", "CREATE TABLE t (a INT", NULL},
    {"trailing_garbage", "CREATE TABLE t (a INT) junk", NULL},
    {"not_a_table", "CREATE VIEW v AS SELECT 1", NULL},
    {"empty", "", NULL},
};

static void run_table(void **state)
{
    const row *r = *state;
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_lite_table t;
    int rc = rm_lite_ddl_table(&t, r->sql, &a);
    if (!r->want) {
        assert_int_equal(rc, RM_EUNSUPPORTED);
    } else {
        assert_int_equal(rc, RM_OK);
        rm_sb sb = RM_SB_INIT;
        summarise(&sb, &t);
        if (strcmp(rm_sb_str(&sb), r->want) != 0)
            printf("%s: got\n%s", r->name, rm_sb_str(&sb));
        assert_string_equal(rm_sb_str(&sb), r->want);
        rm_sb_free(&sb);
    }
    rm_arena_free(&a);
}

typedef struct index_row {
    const char *name;
    const char *sql;
    const char *want; /* "unique partial expression table: cols" or NULL = RM_EUNSUPPORTED */
} index_row;

static const index_row indexes[] = {
    {"index/plain", "CREATE INDEX i ON t (a, b)", "0 0 0 t: a b"},
    {"index/unique_quoted",
     "CREATE UNIQUE INDEX \"i x\" ON \"t y\" (\"a\"\"b\" COLLATE nocase ASC)", "1 0 0 t y: a\"b"},
    {"index/if_not_exists_schema", "CREATE INDEX IF NOT EXISTS main.i ON t (a)", "0 0 0 t: a"},
    {"index/partial", "CREATE INDEX i ON t (a) WHERE a > (1) AND b = 'WHERE'", "0 1 0 t: a"},
    {"index/expression", "CREATE INDEX i ON t (lower(a), b, a + 1)", "0 0 1 t: (expr) b (expr)"},
    {"index/desc", "CREATE INDEX i ON t (a DESC)", NULL},
    {"index/parenthesised_column", "CREATE INDEX i ON t ((a))", NULL},
    {"index/string_column", "CREATE INDEX i ON t ('a')", NULL},
    {"index/truncated", "CREATE INDEX i ON t (a", NULL},
};

static void run_index(void **state)
{
    const index_row *r = *state;
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_lite_index ix;
    int rc = rm_lite_ddl_index(&ix, r->sql, &a);
    if (!r->want) {
        assert_int_equal(rc, RM_EUNSUPPORTED);
    } else {
        assert_int_equal(rc, RM_OK);
        rm_sb sb = RM_SB_INIT;
        rm_sb_appendf(&sb, "%d %d %d %s:", ix.unique, ix.partial, ix.expression, ix.table);
        for (size_t k = 0; k < ix.ncols; k++)
            rm_sb_appendf(&sb, " %s", ix.cols[k] ? ix.cols[k] : "(expr)");
        assert_string_equal(rm_sb_str(&sb), r->want);
        rm_sb_free(&sb);
    }
    rm_arena_free(&a);
}

int main(void)
{
    struct CMUnitTest tests[RM_ARRAY_LEN(tables) + RM_ARRAY_LEN(indexes)];
    size_t n = 0;
    for (size_t i = 0; i < RM_ARRAY_LEN(tables); i++)
        tests[n++] = (struct CMUnitTest){tables[i].name, run_table, NULL, NULL, (void *)&tables[i]};
    for (size_t i = 0; i < RM_ARRAY_LEN(indexes); i++)
        tests[n++] =
            (struct CMUnitTest){indexes[i].name, run_index, NULL, NULL, (void *)&indexes[i]};
    return _cmocka_run_group_tests("lite_ddl", tests, n, NULL, NULL);
}
