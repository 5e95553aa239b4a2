/*
 * Unit tests for the pure parts of src/db: URL parsing, rendering and redaction
 * (src/db/url.c), message scrubbing and the error record (src/db/dberr.c), and the $n -> ?
 * rewriting for MySQL (src/db/params.c). Those three files include no client library, so
 * tests/CMakeLists.txt compiles them into this test directly instead of linking relmig_db
 * (unit tests link only core + io). One table row = one named cmocka case.
 */
#include "db/db.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* ---------------------------------------------------------------------------------------- */
/* URL parsing                                                                               */

typedef struct url_case {
    const char *name;
    const char *url;
    rm_dberr_kind err;       /* RM_DBERR_NONE = must parse */
    rm_db_kind kind;
    const char *user;        /* NULL = expect NULL */
    const char *password;
    const char *host;
    bool ipv6;
    unsigned port;
    const char *database;
    const char *path;
    const char *socket;
    const char *pkey;        /* a query parameter to check, or NULL */
    const char *pval;
    const char *formatted;   /* rm_dburl_format(.., redact=true), or NULL to skip */
} url_case;

static const url_case url_cases[] = {
    {"pg_full", "postgresql://alice:s3cret@db.example.com:5433/app?sslmode=require&schema=x",
     RM_DBERR_NONE, RM_DB_POSTGRES, "alice", "s3cret", "db.example.com", false, 5433, "app", NULL,
     NULL, "sslmode", "require",
     "postgresql://alice:***@db.example.com:5433/app?sslmode=require&schema=x"},
    {"pg_short_scheme", "postgres://u@h/d", RM_DBERR_NONE, RM_DB_POSTGRES, "u", NULL, "h", false,
     0, "d", NULL, NULL, NULL, NULL, "postgres://u@h/d"},
    {"pg_scheme_case", "PostgreSQL://h", RM_DBERR_NONE, RM_DB_POSTGRES, NULL, NULL, "h", false, 0,
     NULL, NULL, NULL, NULL, NULL, "postgresql://h"},
    {"pg_percent_password", "postgresql://u:p%40ss%2Fw%3Ard@h:1/d%20b", RM_DBERR_NONE,
     RM_DB_POSTGRES, "u", "p@ss/w:rd", "h", false, 1, "d b", NULL, NULL, NULL, NULL,
     "postgresql://u:***@h:1/d%20b"},
    {"pg_unencoded_at_in_password", "postgresql://u:p@ss@h/d", RM_DBERR_NONE, RM_DB_POSTGRES,
     "u", "p@ss", "h", false, 0, "d", NULL, NULL, NULL, NULL, NULL},
    {"pg_empty_password", "postgresql://u:@h/d", RM_DBERR_NONE, RM_DB_POSTGRES, "u", "", "h",
     false, 0, "d", NULL, NULL, NULL, NULL, NULL},
    {"pg_ipv6", "postgresql://u:pw@[::1]:5432/d", RM_DBERR_NONE, RM_DB_POSTGRES, "u", "pw", "::1",
     true, 5432, "d", NULL, NULL, NULL, NULL, "postgresql://u:***@[::1]:5432/d"},
    {"pg_ipv6_no_port", "postgresql://[fe80::1%25eth0]/d", RM_DBERR_NONE, RM_DB_POSTGRES, NULL,
     NULL, "fe80::1%eth0", true, 0, "d", NULL, NULL, NULL, NULL, "postgresql://[fe80::1%25eth0]/d"},
    {"pg_socket_dir", "postgresql://u@/d?host=/var/run/postgresql", RM_DBERR_NONE,
     RM_DB_POSTGRES, "u", NULL, NULL, false, 0, "d", NULL, "/var/run/postgresql", "host",
     "/var/run/postgresql", "postgresql://u@/d?host=/var/run/postgresql"},
    {"pg_encoded_socket_host", "postgresql://%2Ftmp%2Fs/d", RM_DBERR_NONE, RM_DB_POSTGRES, NULL,
     NULL, "/tmp/s", false, 0, "d", NULL, NULL, NULL, NULL, NULL},
    {"pg_password_in_query", "postgresql://h/d?user=bob&password=hunter2", RM_DBERR_NONE,
     RM_DB_POSTGRES, "bob", "hunter2", "h", false, 0, "d", NULL, NULL, "user", "bob",
     "postgresql://bob:***@h/d?user=bob&password=***"},
    {"pg_port_param_wins", "postgresql://u@h:1/d?host=/run/pg&port=5433", RM_DBERR_NONE,
     RM_DB_POSTGRES, "u", NULL, "h", false, 5433, "d", NULL, "/run/pg", "port", "5433",
     "postgresql://u@h:5433/d?host=/run/pg&port=5433"},
    {"pg_no_database", "postgresql://h:5432", RM_DBERR_NONE, RM_DB_POSTGRES, NULL, NULL, "h",
     false, 5432, NULL, NULL, NULL, NULL, NULL, "postgresql://h:5432"},
    {"pg_flag_param", "postgresql://h/d?flag&k=v", RM_DBERR_NONE, RM_DB_POSTGRES, NULL, NULL,
     "h", false, 0, "d", NULL, NULL, "flag", "", NULL},
    {"mysql_full", "mysql://root:pw@127.0.0.1:3306/shop?ssl-mode=REQUIRED", RM_DBERR_NONE,
     RM_DB_MYSQL, "root", "pw", "127.0.0.1", false, 3306, "shop", NULL, NULL, "ssl-mode",
     "REQUIRED", "mysql://root:***@127.0.0.1:3306/shop?ssl-mode=REQUIRED"},
    {"mariadb_socket", "mariadb://u:pw@localhost/d?socket=/run/mysqld/mysqld.sock",
     RM_DBERR_NONE, RM_DB_MYSQL, "u", "pw", "localhost", false, 0, "d", NULL,
     "/run/mysqld/mysqld.sock", NULL, NULL, NULL},
    {"sqlite_relative", "sqlite:./dev.db", RM_DBERR_NONE, RM_DB_SQLITE, NULL, NULL, NULL, false, 0,
     NULL, "./dev.db", NULL, NULL, NULL, "sqlite:./dev.db"},
    {"sqlite_slashes_absolute", "sqlite:///var/db/x.sqlite", RM_DBERR_NONE, RM_DB_SQLITE, NULL,
     NULL, NULL, false, 0, NULL, "/var/db/x.sqlite", NULL, NULL, NULL, NULL},
    {"sqlite_slashes_relative", "sqlite://dev.db", RM_DBERR_NONE, RM_DB_SQLITE, NULL, NULL, NULL,
     false, 0, NULL, "dev.db", NULL, NULL, NULL, NULL},
    {"file_prisma_style", "file:./prisma/dev.db?connection_limit=1", RM_DBERR_NONE, RM_DB_SQLITE,
     NULL, NULL, NULL, false, 0, NULL, "./prisma/dev.db", NULL, "connection_limit", "1",
     "file:./prisma/dev.db?connection_limit=1"},
    {"sqlite_memory", "sqlite::memory:", RM_DBERR_NONE, RM_DB_SQLITE, NULL, NULL, NULL, false, 0,
     NULL, ":memory:", NULL, NULL, NULL, "sqlite::memory:"},
    {"sqlite_path_with_space", "sqlite:/tmp/my%20db.sqlite", RM_DBERR_NONE, RM_DB_SQLITE, NULL,
     NULL, NULL, false, 0, NULL, "/tmp/my db.sqlite", NULL, NULL, NULL, NULL},
    /* Errors: the kind, and (checked below) the message never holds the password. */
    {.name = "err_empty", .url = "", .err = RM_DBERR_URL},
    {.name = "err_no_scheme", .url = "localhost:5432/db", .err = RM_DBERR_NO_DRIVER},
    {.name = "err_no_colon", .url = "just-text", .err = RM_DBERR_URL},
    {.name = "err_unknown_scheme", .url = "oracle://u:topsecret@h/d", .err = RM_DBERR_NO_DRIVER},
    {.name = "err_missing_slashes", .url = "postgresql:u:topsecret@h/d", .err = RM_DBERR_URL},
    {.name = "err_port_not_number", .url = "postgresql://u:topsecret@h:54x/d", .err = RM_DBERR_URL},
    {.name = "err_port_too_big", .url = "mysql://u:topsecret@h:70000/d", .err = RM_DBERR_URL},
    {.name = "err_port_zero", .url = "mysql://u:topsecret@h:0/d", .err = RM_DBERR_URL},
    {.name = "err_empty_port", .url = "mysql://u:topsecret@h:/d", .err = RM_DBERR_URL},
    {.name = "err_bad_escape", .url = "postgresql://u:top%zzsecret@h/d", .err = RM_DBERR_URL},
    {.name = "err_truncated_escape", .url = "postgresql://u:topsecret@h/d%2", .err = RM_DBERR_URL},
    {.name = "err_encoded_nul", .url = "postgresql://u:topsecret@h/d%00x", .err = RM_DBERR_URL},
    {.name = "err_unterminated_ipv6", .url = "postgresql://u:topsecret@[::1/d", .err = RM_DBERR_URL},
    {.name = "err_text_after_ipv6", .url = "postgresql://u:topsecret@[::1]x/d", .err = RM_DBERR_URL},
    {.name = "err_bad_port_param", .url = "postgresql://u:topsecret@h/d?port=x1",
     .err = RM_DBERR_URL},
    {.name = "err_sqlite_empty_path", .url = "sqlite:", .err = RM_DBERR_URL},
    {.name = "err_sqlite_only_query", .url = "file:?mode=ro", .err = RM_DBERR_URL},
};

static void assert_str_or_null(const char *expected, const char *actual, const char *what)
{
    if (!expected) {
        if (actual)
            fail_msg("%s: expected NULL, got \"%s\"", what, actual);
        return;
    }
    if (!actual)
        fail_msg("%s: expected \"%s\", got NULL", what, expected);
    if (strcmp(expected, actual) != 0)
        fail_msg("%s: expected \"%s\", got \"%s\"", what, expected, actual);
}

static void run_url_case(void **state)
{
    const url_case *c = *state;
    rm_arena a;
    rm_dburl u;
    rm_dberr err;
    rm_arena_init(&a, 0);
    rm_dberr_clear(&err);
    int rc = rm_dburl_parse(&u, c->url, &a, &err);
    if (c->err != RM_DBERR_NONE) {
        assert_int_equal(rc, RM_ERR);
        if (err.kind != c->err)
            fail_msg("expected error kind %s, got %s (%s)", rm_dberr_kind_name(c->err),
                     rm_dberr_kind_name(err.kind), err.message);
        assert_true(err.message[0] != '\0');
        assert_null(strstr(err.message, "topsecret"));
        assert_null(strstr(err.detail, "topsecret"));
    } else {
        if (rc != RM_OK)
            fail_msg("parse failed: %s", err.message);
        assert_int_equal(u.kind, c->kind);
        assert_str_or_null(c->user, u.user, "user");
        assert_str_or_null(c->password, u.password, "password");
        assert_str_or_null(c->host, u.host, "host");
        assert_int_equal(u.host_is_ipv6, c->ipv6);
        assert_int_equal(u.port, c->port);
        assert_str_or_null(c->database, u.database, "database");
        assert_str_or_null(c->path, u.path, "path");
        assert_str_or_null(c->socket, u.socket, "socket");
        if (c->pkey)
            assert_str_or_null(c->pval, rm_dburl_param_get(&u, c->pkey), c->pkey);
        if (c->formatted)
            assert_str_or_null(c->formatted, rm_dburl_format(&u, true, &a), "formatted");
        /* Unredacted rendering parses back to the same connection properties. */
        rm_dburl again;
        assert_int_equal(rm_dburl_parse(&again, rm_dburl_format(&u, false, &a), &a, &err),
                         RM_OK);
        assert_str_or_null(u.user, again.user, "round-trip user");
        assert_str_or_null(u.password, again.password, "round-trip password");
        assert_str_or_null(u.host, again.host, "round-trip host");
        assert_int_equal(u.port, again.port);
        assert_str_or_null(u.database, again.database, "round-trip database");
        assert_str_or_null(u.path, again.path, "round-trip path");
        /* A deep copy survives the original arena. */
        rm_arena b;
        rm_dburl copy;
        rm_arena_init(&b, 0);
        rm_dburl_copy(&copy, &u, &b);
        rm_arena_free(&a);
        rm_arena_init(&a, 0);
        assert_str_or_null(c->password, copy.password, "copy password");
        assert_str_or_null(c->path, copy.path, "copy path");
        rm_arena_free(&b);
    }
    rm_arena_free(&a);
}

/* ---------------------------------------------------------------------------------------- */
/* Textual redaction (for URLs that do not parse)                                           */

typedef struct redact_case {
    const char *name;
    const char *url;
    const char *expected;
} redact_case;

static const redact_case redact_cases[] = {
    {"redact_basic", "postgresql://u:pw@h/d", "postgresql://u:***@h/d"},
    {"redact_no_password", "postgresql://u@h/d", "postgresql://u@h/d"},
    {"redact_no_userinfo", "mysql://h:1/d", "mysql://h:1/d"},
    {"redact_at_in_password", "mysql://u:a@b@h/d", "mysql://u:***@h/d"},
    {"redact_query_password", "postgresql://h/d?user=u&password=pw&x=1",
     "postgresql://h/d?user=u&password=***&x=1"},
    {"redact_query_case", "postgresql://h/d?PASSWORD=pw", "postgresql://h/d?PASSWORD=***"},
    {"redact_broken_port", "postgresql://u:pw@h:bad/d", "postgresql://u:***@h:bad/d"},
    {"redact_unknown_scheme", "oracle://scott:tiger@h/d", "oracle://scott:***@h/d"},
    {"redact_sqlite_untouched", "sqlite:./a:b@c.db", "sqlite:./a:b@c.db"},
    {"redact_empty", "", ""},
};

static void run_redact_case(void **state)
{
    const redact_case *c = *state;
    rm_arena a;
    rm_arena_init(&a, 0);
    assert_string_equal(rm_dburl_redact(c->url, &a), c->expected);
    rm_arena_free(&a);
}

/* ---------------------------------------------------------------------------------------- */
/* Scrubbing client-library messages                                                         */

typedef struct scrub_case {
    const char *name;
    const char *text;
    const char *secret;
    size_t cap;              /* 0 = large buffer */
    const char *expected;
} scrub_case;

static const scrub_case scrub_cases[] = {
    {"scrub_occurrences", "bad pw hunter2 and hunter2!", "hunter2", 0, "bad pw *** and ***!"},
    {"scrub_no_secret", "nothing to see", NULL, 0, "nothing to see"},
    {"scrub_conninfo_echo", "invalid: host=h password=hunter2 dbname=d", NULL, 0,
     "invalid: host=h password=*** dbname=d"},
    {"scrub_quoted_value", "password='a b c' user=x", NULL, 0, "password=*** user=x"},
    {"scrub_colon_form", "password: abc, next", NULL, 0, "password: ***, next"},
    {"scrub_short_secret_grows", "x a x", "a", 0, "x *** x"},
    {"scrub_truncates_safely", "aXaXaXaX", "a", 10, "***X***X"},
    {"scrub_secret_is_stars", "*** ***", "***", 0, "*** ***"},
    {"scrub_adjacent", "pwpw", "pw", 0, "******"},
    {"scrub_mariadb_using_password_yes", "Access denied for user 'u'@'h' (using password: YES)",
     "s3cret", 0, "Access denied for user 'u'@'h' (using password: YES)"},
    {"scrub_password_literally_yes", "using password: YES", "YES", 0, "using password: ***"},
};

static void run_scrub_case(void **state)
{
    const scrub_case *c = *state;
    char buf[256];
    size_t cap = c->cap ? c->cap : sizeof buf;
    snprintf(buf, cap, "%s", c->text);
    rm_db_scrub_secret(buf, cap, c->secret);
    assert_string_equal(buf, c->expected);
}

/* ---------------------------------------------------------------------------------------- */
/* $n -> ? for MySQL                                                                         */

typedef struct qmark_case {
    const char *name;
    const char *sql;
    const char *expected;    /* NULL = expect an error */
    uint32_t order[4];
    size_t norder;
} qmark_case;

static const qmark_case qmark_cases[] = {
    {"qmark_simple", "SELECT $1, $2", "SELECT ?, ?", {1, 2}, 2},
    {"qmark_reordered_and_repeated", "SELECT $2 + $1 + $2", "SELECT ? + ? + ?", {2, 1, 2}, 3},
    {"qmark_in_string_untouched", "SELECT '$1', \"$2\", `$3`, $1",
     "SELECT '$1', \"$2\", `$3`, ?", {1}, 1},
    {"qmark_escaped_quotes", "SELECT 'it''s $1', 'a\\'$2', $1", "SELECT 'it''s $1', 'a\\'$2', ?",
     {1}, 1},
    {"qmark_comments", "SELECT $1 -- $2\n# $3\n/* $4 */ , $2",
     "SELECT ? -- $2\n# $3\n/* $4 */ , ?", {1, 2}, 2},
    {"qmark_identifier_dollar", "SELECT a$1 FROM t$2", "SELECT a$1 FROM t$2", {0}, 0},
    {"qmark_double_dash_not_comment", "SELECT 1--$1", "SELECT 1--?", {1}, 1},
    {"qmark_multi_digit", "VALUES ($10)", "VALUES (?)", {10}, 1},
    {"qmark_none", "SELECT 1", "SELECT 1", {0}, 0},
    {"qmark_raw_question_mark_rejected", "SELECT ?", NULL, {0}, 0},
    {"qmark_zero_rejected", "SELECT $0", NULL, {0}, 0},
    {"qmark_question_mark_in_string_ok", "SELECT '?'", "SELECT '?'", {0}, 0},
};

static void run_qmark_case(void **state)
{
    const qmark_case *c = *state;
    rm_arena a;
    rm_dberr err;
    char *out = NULL;
    uint32_t *order = NULL;
    size_t n = 0;
    rm_arena_init(&a, 0);
    rm_dberr_clear(&err);
    int rc = rm_db_params_to_qmarks(&out, &order, &n, c->sql, &a, &err);
    if (!c->expected) {
        assert_int_equal(rc, RM_ERR);
        assert_int_equal(err.kind, RM_DBERR_MISUSE);
    } else {
        assert_int_equal(rc, RM_OK);
        assert_string_equal(out, c->expected);
        assert_int_equal(n, c->norder);
        for (size_t i = 0; i < n; i++)
            assert_int_equal(order[i], c->order[i]);
    }
    rm_arena_free(&a);
}

/* ---------------------------------------------------------------------------------------- */
/* The error record and its diagnostic                                                       */

static void dberr_flattens_and_scrubs(void **state)
{
    (void)state;
    rm_dberr err;
    rm_dberr_clear(&err);
    int rc = rm_dberr_set(&err, RM_DBERR_AUTH, "28P01", 7, "pw1",
                          "line one pw1\n\tline\x01two  ", "password=pw1 detail\n");
    assert_int_equal(rc, RM_EDB);
    assert_int_equal(err.kind, RM_DBERR_AUTH);
    assert_string_equal(err.sqlstate, "28P01");
    assert_int_equal(err.native, 7);
    assert_string_equal(err.message, "line one *** line?two");
    assert_string_equal(err.detail, "password=*** detail");
}

static void dberr_long_message_truncated(void **state)
{
    (void)state;
    char big[2000];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    rm_dberr err;
    rm_dberr_set(&err, RM_DBERR_STATEMENT, NULL, 0, NULL, big, NULL);
    assert_int_equal(strlen(err.message), RM_DBERR_TEXT_MAX - 1);
    assert_string_equal(err.sqlstate, "");
    assert_string_equal(err.detail, "");
}

static void dberr_empty_message_gets_one(void **state)
{
    (void)state;
    rm_dberr err;
    rm_dberr_set(&err, RM_DBERR_UNREACHABLE, NULL, 0, NULL, NULL, NULL);
    assert_string_equal(err.message, "unknown unreachable error");
}

typedef struct report_case {
    const char *name;
    rm_dberr_kind kind;
    uint16_t id;
} report_case;

static const report_case report_cases[] = {
    {"report_url", RM_DBERR_URL, RM_E_DB_URL_INVALID},
    {"report_no_driver", RM_DBERR_NO_DRIVER, RM_E_DB_NO_DRIVER},
    {"report_unreachable", RM_DBERR_UNREACHABLE, RM_E_DB_UNREACHABLE},
    {"report_auth", RM_DBERR_AUTH, RM_E_DB_AUTH},
    {"report_unknown_db", RM_DBERR_UNKNOWN_DATABASE, RM_E_DB_UNKNOWN_DATABASE},
    {"report_connect", RM_DBERR_CONNECT, RM_E_DB_CONNECT},
    {"report_statement", RM_DBERR_STATEMENT, RM_E_DB_STATEMENT},
    {"report_lock_timeout", RM_DBERR_LOCK_TIMEOUT, RM_E_DB_LOCK_TIMEOUT},
    {"report_connection_lost", RM_DBERR_CONNECTION_LOST, RM_E_DB_CONNECTION_LOST},
    {"report_misuse", RM_DBERR_MISUSE, RM_E_DB_MISUSE},
};

static void run_report_case(void **state)
{
    const report_case *c = *state;
    rm_diags d;
    rm_dberr err;
    rm_diags_init(&d);
    rm_dberr_set(&err, c->kind, "42P01", 12, NULL, "relation \"x\" does not exist",
                 "some detail");
    rm_diag *g = rm_db_report(&d, &err, "cannot run");
    assert_int_equal(d.nerrors, 1);
    assert_int_equal(g->id, c->id);
    assert_int_equal(g->sev, RM_SEV_ERROR);
    assert_string_equal(g->msg, "cannot run: relation \"x\" does not exist");
    assert_string_equal(g->detail, "some detail (SQLSTATE 42P01, code 12)");
    rm_diags_free(&d);
}

/* ---------------------------------------------------------------------------------------- */

#define ADD_ROWS(tests, n, table, fn)                                                          \
    for (size_t i_ = 0; i_ < RM_ARRAY_LEN(table); i_++) {                                      \
        (tests)[(n)].name = (table)[i_].name;                                                  \
        (tests)[(n)].test_func = (fn);                                                         \
        (tests)[(n)].initial_state = (void *)&(table)[i_];                                     \
        (n)++;                                                                                 \
    }

int main(void)
{
    size_t total = RM_ARRAY_LEN(url_cases) + RM_ARRAY_LEN(redact_cases) +
                   RM_ARRAY_LEN(scrub_cases) + RM_ARRAY_LEN(qmark_cases) +
                   RM_ARRAY_LEN(report_cases) + 3;
    struct CMUnitTest *tests = calloc(total, sizeof *tests);
    size_t n = 0;
    ADD_ROWS(tests, n, url_cases, run_url_case);
    ADD_ROWS(tests, n, redact_cases, run_redact_case);
    ADD_ROWS(tests, n, scrub_cases, run_scrub_case);
    ADD_ROWS(tests, n, qmark_cases, run_qmark_case);
    ADD_ROWS(tests, n, report_cases, run_report_case);
    tests[n++] = (struct CMUnitTest)cmocka_unit_test(dberr_flattens_and_scrubs);
    tests[n++] = (struct CMUnitTest)cmocka_unit_test(dberr_long_message_truncated);
    tests[n++] = (struct CMUnitTest)cmocka_unit_test(dberr_empty_message_gets_one);
    int rc = _cmocka_run_group_tests("db_url", tests, n, NULL, NULL);
    free(tests);
    return rc;
}
