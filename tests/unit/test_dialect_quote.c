/*
 * Quoting and spelling rules of the three dialects, one row per case: identifiers and string
 * literals with hostile content, dialect lookup by name, default native types, capability bits
 * that the differ relies on. Expected strings are written by hand from each database's rules.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "dialects/dialect.h"
#include "testutil.h"

#include <string.h>

typedef enum what { IDENT, LITERAL } what;

typedef struct quote_case {
    const char *name;
    const char *dialect;
    what kind;
    const char *in;
    size_t in_len; /* 0 = strlen(in) */
    const char *want;
    size_t want_len; /* 0 = strlen(want) */
} quote_case;

static const quote_case quote_cases[] = {
    {"pg_ident_plain", "postgresql", IDENT, "User", 0, "\"User\"", 0},
    {"pg_ident_double_quote", "postgresql", IDENT, "a\"b", 0, "\"a\"\"b\"", 0},
    {"pg_ident_only_quotes", "postgresql", IDENT, "\"\"", 0, "\"\"\"\"\"\"", 0},
    {"pg_ident_backtick_kept", "postgresql", IDENT, "a`b", 0, "\"a`b\"", 0},
    {"pg_ident_semicolon", "postgresql", IDENT, "x; DROP TABLE y;--", 0, "\"x; DROP TABLE y;--\"",
     0},
    {"pg_ident_unicode", "postgresql", IDENT, "ключ ü", 0, "\"ключ ü\"", 0},
    {"pg_ident_empty", "postgresql", IDENT, "", 0, "\"\"", 0},
    {"pg_ident_reserved_word", "postgresql", IDENT, "select", 0, "\"select\"", 0},
    {"pg_literal_quote", "postgresql", LITERAL, "it's", 0, "'it''s'", 0},
    {"pg_literal_backslash_verbatim", "postgresql", LITERAL, "a\\b", 0, "'a\\b'", 0},
    {"mysql_ident_plain", "mysql", IDENT, "User", 0, "`User`", 0},
    {"mysql_ident_backtick", "mysql", IDENT, "a`b", 0, "`a``b`", 0},
    {"mysql_ident_double_quote_kept", "mysql", IDENT, "a\"b", 0, "`a\"b`", 0},
    {"mysql_ident_trailing_backtick", "mysql", IDENT, "x`", 0, "`x```", 0},
    {"mysql_ident_unicode", "mysql", IDENT, "naïve", 0, "`naïve`", 0},
    {"mysql_literal_quote", "mysql", LITERAL, "it's", 0, "'it''s'", 0},
    {"mysql_literal_backslash", "mysql", LITERAL, "a\\b", 0, "'a\\\\b'", 0},
    {"mysql_literal_backslash_quote", "mysql", LITERAL, "\\'", 0, "'\\\\'''", 0},
    {"mysql_literal_nul", "mysql", LITERAL, "a\0b", 3, "'a\\0b'", 0},
    {"sqlite_ident_double_quote", "sqlite", IDENT, "a\"b", 0, "\"a\"\"b\"", 0},
    {"sqlite_ident_semicolon", "sqlite", IDENT, "t;--", 0, "\"t;--\"", 0},
    {"sqlite_literal_quote", "sqlite", LITERAL, "''", 0, "''''''", 0},
    {"sqlite_literal_backslash_verbatim", "sqlite", LITERAL, "\\", 0, "'\\'", 0},
};

static void run_quote(void **state)
{
    const quote_case *c = *state;
    const rm_dialect *d = rm_dialect_by_name(c->dialect);
    assert_non_null(d);
    rm_sb sb = RM_SB_INIT;
    size_t n = c->in_len ? c->in_len : strlen(c->in);
    if (c->kind == IDENT)
        d->quote_ident(&sb, c->in, n);
    else
        d->quote_literal(&sb, c->in, n);
    size_t want_len = c->want_len ? c->want_len : strlen(c->want);
    assert_int_equal(sb.len, want_len);
    assert_memory_equal(rm_sb_str(&sb), c->want, want_len);
    rm_sb_free(&sb);
}

typedef struct name_case {
    const char *name;
    const char *input;
    const char *want; /* dialect name, or NULL for "not found" */
} name_case;

static const name_case name_cases[] = {
    {"by_name_postgresql", "postgresql", "postgresql"},
    {"by_name_postgres", "postgres", "postgresql"},
    {"by_name_upper", "PostgreSQL", "postgresql"},
    {"by_name_mysql", "mysql", "mysql"},
    {"by_name_mariadb", "mariadb", "mysql"},
    {"by_name_sqlite", "sqlite", "sqlite"},
    {"by_name_unknown", "sqlserver", NULL},
    {"by_name_prefix_only", "postgre", NULL},
    {"by_name_empty", "", NULL},
};

static void run_name(void **state)
{
    const name_case *c = *state;
    const rm_dialect *d = rm_dialect_by_name(c->input);
    if (!c->want) {
        assert_null(d);
        return;
    }
    assert_non_null(d);
    assert_string_equal(d->name, c->want);
}

typedef struct type_case {
    const char *name;
    const char *dialect;
    rm_type_family family;
    bool autoincrement;
    const char *want;
} type_case;

/* prisma.md 3.3, column by column. */
static const type_case type_cases[] = {
    {"pg_string", "postgresql", RM_TYPE_STRING, false, "TEXT"},
    {"pg_int_autoincrement", "postgresql", RM_TYPE_INT, true, "SERIAL"},
    {"pg_bigint_autoincrement", "postgresql", RM_TYPE_BIGINT, true, "BIGSERIAL"},
    {"pg_float", "postgresql", RM_TYPE_FLOAT, false, "DOUBLE PRECISION"},
    {"pg_decimal", "postgresql", RM_TYPE_DECIMAL, false, "DECIMAL(65,30)"},
    {"pg_datetime", "postgresql", RM_TYPE_DATETIME, false, "TIMESTAMP(3)"},
    {"pg_json", "postgresql", RM_TYPE_JSON, false, "JSONB"},
    {"pg_bytes", "postgresql", RM_TYPE_BYTES, false, "BYTEA"},
    {"mysql_string", "mysql", RM_TYPE_STRING, false, "VARCHAR(191)"},
    {"mysql_int_autoincrement_type_unchanged", "mysql", RM_TYPE_INT, true, "INTEGER"},
    {"mysql_float", "mysql", RM_TYPE_FLOAT, false, "DOUBLE"},
    {"mysql_decimal_space", "mysql", RM_TYPE_DECIMAL, false, "DECIMAL(65, 30)"},
    {"mysql_datetime", "mysql", RM_TYPE_DATETIME, false, "DATETIME(3)"},
    {"mysql_bytes", "mysql", RM_TYPE_BYTES, false, "LONGBLOB"},
    {"sqlite_string", "sqlite", RM_TYPE_STRING, false, "TEXT"},
    {"sqlite_float", "sqlite", RM_TYPE_FLOAT, false, "REAL"},
    {"sqlite_decimal", "sqlite", RM_TYPE_DECIMAL, false, "DECIMAL"},
    {"sqlite_datetime", "sqlite", RM_TYPE_DATETIME, false, "DATETIME"},
    {"sqlite_json", "sqlite", RM_TYPE_JSON, false, "JSONB"},
    {"sqlite_bytes", "sqlite", RM_TYPE_BYTES, false, "BLOB"},
};

static void run_type(void **state)
{
    const type_case *c = *state;
    const rm_dialect *d = rm_dialect_by_name(c->dialect);
    rm_sql_column col;
    memset(&col, 0, sizeof(col));
    d->scalar_type(&col.type, c->family);
    col.autoincrement = c->autoincrement;
    rm_sb sb = RM_SB_INIT;
    d->render_type(d, &sb, &col);
    assert_string_equal(rm_sb_str(&sb), c->want);
    rm_sb_free(&sb);
}

static void caps_are_consistent(void **state)
{
    (void)state;
    /* Facts the differ depends on (prisma.md 3.5 and each database's manual). */
    assert_true(rm_dialect_postgres.caps & RM_CAP_TRANSACTIONAL_DDL);
    assert_true(rm_dialect_sqlite.caps & RM_CAP_TRANSACTIONAL_DDL);
    assert_false(rm_dialect_mysql.caps & RM_CAP_TRANSACTIONAL_DDL);
    assert_false(rm_dialect_sqlite.caps & RM_CAP_ADD_FK_LATER);
    assert_false(rm_dialect_sqlite.caps & RM_CAP_ALTER_COLUMN);
    assert_true(rm_dialect_postgres.caps & RM_CAP_ENUM_TYPES);
    assert_true(rm_dialect_mysql.caps & RM_CAP_INLINE_ENUMS);
    assert_true(rm_dialect_mysql.caps & RM_CAP_INLINE_INDEXES);
    assert_int_equal(rm_dialect_postgres.max_ident_len, 63);
    assert_int_equal(rm_dialect_mysql.max_ident_len, 64);
}

static void paren_expr(void **state)
{
    (void)state;
    static const struct {
        const char *in, *want;
    } rows[] = {
        {"gen_random_uuid()", "(gen_random_uuid())"},
        {"(datetime('now'))", "(datetime('now'))"},
        {"CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP"},
        {"'x'", "'x'"},
        {"-1", "-1"},
        {"a + b", "(a + b)"},
    };
    for (size_t i = 0; i < RM_ARRAY_LEN(rows); i++) {
        rm_sb sb = RM_SB_INIT;
        rm_dialect_paren_expr(&sb, rows[i].in);
        assert_string_equal(rm_sb_str(&sb), rows[i].want);
        rm_sb_free(&sb);
    }
}

int main(void)
{
    enum {
        NQ = RM_ARRAY_LEN(quote_cases),
        NN = RM_ARRAY_LEN(name_cases),
        NT = RM_ARRAY_LEN(type_cases)
    };
    struct CMUnitTest tests[NQ + NN + NT + 2];
    size_t k = 0;
    for (size_t i = 0; i < NQ; i++)
        tests[k++] = (struct CMUnitTest){quote_cases[i].name, run_quote, NULL, NULL,
                                         (void *)&quote_cases[i]};
    for (size_t i = 0; i < NN; i++)
        tests[k++] =
            (struct CMUnitTest){name_cases[i].name, run_name, NULL, NULL, (void *)&name_cases[i]};
    for (size_t i = 0; i < NT; i++)
        tests[k++] =
            (struct CMUnitTest){type_cases[i].name, run_type, NULL, NULL, (void *)&type_cases[i]};
    tests[k++] = (struct CMUnitTest){"caps_are_consistent", caps_are_consistent, NULL, NULL, NULL};
    tests[k++] = (struct CMUnitTest){"paren_expr", paren_expr, NULL, NULL, NULL};
    return _cmocka_run_group_tests("dialect", tests, k, NULL, NULL);
}
