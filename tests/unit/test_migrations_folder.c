/*
 * The migrations folder as data (src/migrations/folder.c): relmig.sum rendering and
 * verification (tamper cases: edited, unlisted, gone, reordered, hand-edited total, merge
 * conflict, missing file), migration_lock.toml parsing, Prisma checksum comparison (CRLF/LF
 * tolerance, old non-padded hex) and the statement splitter. Folders are built in memory;
 * expected checksums come from coreutils sha256sum, never from the code under test. One row
 * per case.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "migrations/migrations.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------------------------- */
/* Fixtures                                                                                  */

typedef struct fixture {
    rm_sources srcs;
    rm_arena arena;
    rm_diags d;
    rm_mig_dir dir;
} fixture;

static const char *const base_names[] = {"20250101000000_init", "20250102000000_posts",
                                         "20250103000000_index"};
static const char *const base_sql[] = {
    "CREATE TABLE \"User\" (id INTEGER PRIMARY KEY);\n",
    "CREATE TABLE \"Post\" (id INTEGER PRIMARY KEY, author INTEGER REFERENCES \"User\"(id));\n",
    "CREATE INDEX \"Post_author_idx\" ON \"Post\"(author);\n",
};

static void fx_init(fixture *f)
{
    rm_sources_init(&f->srcs);
    rm_arena_init(&f->arena, 0);
    rm_diags_init(&f->d);
    rm_mig_dir_init(&f->dir, "migrations", &f->arena);
}

static void fx_free(fixture *f)
{
    rm_diags_free(&f->d);
    rm_arena_free(&f->arena);
    rm_sources_free(&f->srcs);
}

static void fx_add(fixture *f, const char *name, const char *sql)
{
    char *path = rm_arena_sprintf(&f->arena, "migrations/%s/migration.sql", name);
    rm_source *s = rm_sources_add(&f->srcs, path, sql, strlen(sql));
    rm_mig_dir_add(&f->dir, name, s, NULL);
}

static void fx_set_sum(fixture *f, const char *text)
{
    f->dir.sum = rm_sources_add(&f->srcs, "migrations/relmig.sum", text, strlen(text));
}

/* The three base migrations, finished, with relmig.sum rendered from them. */
static char *base_sum(void)
{
    fixture f;
    fx_init(&f);
    for (size_t i = 0; i < 3; i++)
        fx_add(&f, base_names[i], base_sql[i]);
    assert_int_equal(rm_mig_dir_finish(&f.dir, &f.d), RM_OK);
    rm_sb sb = RM_SB_INIT;
    rm_mig_sum_render(&sb, &f.dir);
    fx_free(&f);
    return rm_sb_detach(&sb);
}

static bool has_id(const rm_diags *d, uint16_t id, rm_severity sev)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->items[i]->id == id && d->items[i]->sev == sev)
            return true;
    return false;
}

/* ---------------------------------------------------------------------------------------- */
/* relmig.sum cases                                                                          */

typedef enum mutation {
    MUT_NONE,
    MUT_EDIT_SQL,       /* change migration 2's text */
    MUT_ADD_LATER,      /* a new migration that sorts last, not hashed */
    MUT_ADD_EARLIER,    /* a new migration that sorts before listed ones */
    MUT_REMOVE,         /* migration 3's folder deleted */
    MUT_SWAP_LINES,     /* lines 2 and 3 of relmig.sum swapped */
    MUT_EDIT_TOTAL,     /* total line changed */
    MUT_EDIT_HASH_LINE, /* a per-migration hash changed in relmig.sum */
    MUT_CONFLICT,       /* git conflict markers */
    MUT_GARBAGE,        /* a line that is not name + hex */
    MUT_NO_SUM,         /* relmig.sum missing, not allowed */
    MUT_NO_SUM_ALLOWED, /* relmig.sum missing, allowed (warning) */
    MUT_CRLF_SUM,       /* relmig.sum with CRLF line ends still verifies */
} mutation;

typedef struct sum_case {
    const char *name;
    mutation mut;
    int want_rc;
    uint16_t want_id; /* 0: no diagnostic expected */
    rm_severity want_sev;
} sum_case;

static const sum_case sum_cases[] = {
    {"sum_untouched_ok", MUT_NONE, RM_OK, 0, RM_SEV_ERROR},
    {"sum_edited_migration", MUT_EDIT_SQL, RM_ECONFLICT, RM_E_MIG_SUM_EDITED, RM_SEV_ERROR},
    {"sum_unlisted_new_migration", MUT_ADD_LATER, RM_ECONFLICT, RM_E_MIG_SUM_UNLISTED,
     RM_SEV_ERROR},
    {"sum_unlisted_out_of_order", MUT_ADD_EARLIER, RM_ECONFLICT, RM_E_MIG_SUM_UNLISTED,
     RM_SEV_ERROR},
    {"sum_listed_folder_gone", MUT_REMOVE, RM_ECONFLICT, RM_E_MIG_SUM_GONE, RM_SEV_ERROR},
    {"sum_reordered_lines", MUT_SWAP_LINES, RM_ECONFLICT, RM_E_MIG_SUM_TOTAL, RM_SEV_ERROR},
    {"sum_total_edited", MUT_EDIT_TOTAL, RM_ECONFLICT, RM_E_MIG_SUM_TOTAL, RM_SEV_ERROR},
    {"sum_line_hash_edited", MUT_EDIT_HASH_LINE, RM_ECONFLICT, RM_E_MIG_SUM_EDITED, RM_SEV_ERROR},
    {"sum_merge_conflict", MUT_CONFLICT, RM_ECONFLICT, RM_E_MIG_SUM_SYNTAX, RM_SEV_ERROR},
    {"sum_garbage_line", MUT_GARBAGE, RM_ECONFLICT, RM_E_MIG_SUM_SYNTAX, RM_SEV_ERROR},
    {"sum_missing_refused", MUT_NO_SUM, RM_ECONFLICT, RM_E_MIG_SUM_MISSING, RM_SEV_ERROR},
    {"sum_missing_warned", MUT_NO_SUM_ALLOWED, RM_OK, RM_E_MIG_SUM_MISSING, RM_SEV_WARNING},
    {"sum_crlf_ok", MUT_CRLF_SUM, RM_OK, 0, RM_SEV_ERROR},
};

/* Replace the first occurrence of from in s (malloc'd) by to; returns a new malloc'd string. */
static char *replace(const char *s, const char *from, const char *to)
{
    const char *p = strstr(s, from);
    assert_non_null(p);
    size_t n = strlen(s) - strlen(from) + strlen(to);
    char *r = malloc(n + 1);
    memcpy(r, s, (size_t)(p - s));
    strcpy(r + (p - s), to);
    strcat(r, p + strlen(from));
    return r;
}

static char *line_of(const char *sum, const char *prefix)
{
    const char *p = strstr(sum, prefix);
    assert_non_null(p);
    const char *e = strchr(p, '\n');
    return strndup(p, (size_t)(e - p + 1));
}

static void run_sum_case(void **state)
{
    const sum_case *c = *state;
    char *sum = base_sum();
    fixture f;
    fx_init(&f);
    for (size_t i = 0; i < 3; i++) {
        if (c->mut == MUT_REMOVE && i == 2)
            continue;
        const char *sql = base_sql[i];
        if (c->mut == MUT_EDIT_SQL && i == 1)
            sql = "CREATE TABLE \"Post\" (id INTEGER PRIMARY KEY); -- edited\n";
        fx_add(&f, base_names[i], sql);
    }
    if (c->mut == MUT_ADD_LATER)
        fx_add(&f, "20250104000000_later", "SELECT 1;\n");
    if (c->mut == MUT_ADD_EARLIER)
        fx_add(&f, "20250101500000_earlier", "SELECT 1;\n");
    char *text = NULL;
    switch (c->mut) {
    case MUT_SWAP_LINES: {
        char *l2 = line_of(sum, base_names[1]);
        char *l3 = line_of(sum, base_names[2]);
        char *both = malloc(strlen(l2) + strlen(l3) + 1);
        strcpy(both, l2);
        strcat(both, l3);
        char *swapped = malloc(strlen(l2) + strlen(l3) + 1);
        strcpy(swapped, l3);
        strcat(swapped, l2);
        text = replace(sum, both, swapped);
        free(l2), free(l3), free(both), free(swapped);
        break;
    }
    case MUT_EDIT_TOTAL: {
        char *tl = line_of(sum, "total ");
        char *nl = strdup(tl);
        nl[6] = nl[6] == '0' ? '1' : '0';
        text = replace(sum, tl, nl);
        free(tl), free(nl);
        break;
    }
    case MUT_EDIT_HASH_LINE: {
        char *l = line_of(sum, base_names[0]);
        char *nl = strdup(l);
        size_t k = strlen(nl) - 2;
        nl[k] = nl[k] == 'a' ? 'b' : 'a';
        text = replace(sum, l, nl);
        free(l), free(nl);
        break;
    }
    case MUT_CONFLICT: {
        char *l = line_of(sum, base_names[2]);
        char *conf = malloc(strlen(l) * 2 + 200);
        sprintf(conf,
                "<<<<<<< HEAD\n%s=======\n20250103000000_other "
                "%064d\n>>>>>>> branch\n",
                l, 0);
        text = replace(sum, l, conf);
        free(l), free(conf);
        break;
    }
    case MUT_GARBAGE:
        text = replace(sum, "total ", "garbage here\ntotal ");
        break;
    case MUT_CRLF_SUM: {
        size_t n = strlen(sum), k = 0;
        text = malloc(2 * n + 1);
        for (size_t i = 0; i < n; i++) {
            if (sum[i] == '\n')
                text[k++] = '\r';
            text[k++] = sum[i];
        }
        text[k] = '\0';
        break;
    }
    default:
        text = strdup(sum);
        break;
    }
    if (c->mut != MUT_NO_SUM && c->mut != MUT_NO_SUM_ALLOWED)
        fx_set_sum(&f, text);
    assert_int_equal(rm_mig_dir_finish(&f.dir, &f.d), RM_OK);
    int rc = rm_mig_sum_verify(&f.dir, c->mut == MUT_NO_SUM_ALLOWED, &f.d);
    assert_int_equal(rc, c->want_rc);
    if (c->want_id)
        assert_true(has_id(&f.d, c->want_id, c->want_sev));
    else
        assert_int_equal(f.d.n, 0);
    if (c->mut == MUT_ADD_EARLIER) {
        /* the out-of-order case says so */
        bool said = false;
        for (size_t i = 0; i < f.d.n; i++)
            said = said || (f.d.items[i]->detail && strstr(f.d.items[i]->detail, "out of order"));
        assert_true(said);
    }
    free(text);
    free(sum);
    fx_free(&f);
}

/* ---------------------------------------------------------------------------------------- */
/* Checksums: expected values from coreutils sha256sum                                       */

typedef struct ck_case {
    const char *name;
    const char *stored;
    const char *script;
    bool want;
} ck_case;

static const ck_case ck_cases[] = {
    /* printf 'CREATE TABLE a (id INT);\n' | sha256sum */
    {"checksum_exact", "176e30308e132fb0ab359938d9befb30524b3798c61c0b89d062d624490c2183",
     "CREATE TABLE a (id INT);\n", true},
    {"checksum_other_script", "176e30308e132fb0ab359938d9befb30524b3798c61c0b89d062d624490c2183",
     "CREATE TABLE a (id INT); \n", false},
    {"checksum_uppercase_refused",
     "176E30308E132FB0AB359938D9BEFB30524B3798C61C0B89D062D624490C2183",
     "CREATE TABLE a (id INT);\n", false},
};

static void run_ck_case(void **state)
{
    const ck_case *c = *state;
    assert_int_equal(rm_mig_checksum_matches(c->stored, c->script, strlen(c->script)), c->want);
}

/* Checksums computed at run time by sha256sum (independent of relmig's SHA-256). */
static char *sha256sum_of(const char *data)
{
    char path[] = "/tmp/relmig-ck-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "wb");
    fputs(data, f);
    fclose(f);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "sha256sum %s 2>/dev/null", path);
    FILE *p = popen(cmd, "r");
    char buf[100] = "";
    bool ok = p && fgets(buf, sizeof buf, p) && strlen(buf) > 64;
    if (p)
        pclose(p);
    remove(path);
    if (!ok)
        return NULL;
    buf[64] = '\0';
    return strdup(buf);
}

/* The stored checksum is of the LF text; the file now has CRLF (git autocrlf): still equal.
 * And the reverse. And a different script: not equal. And the old non-padded form. */
static void checksum_line_endings(void **state)
{
    (void)state;
    const char *lf = "CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);\n";
    const char *crlf = "CREATE TABLE a (id INT);\r\nCREATE TABLE b (id INT);\r\n";
    char *h_lf = sha256sum_of(lf);
    char *h_crlf = sha256sum_of(crlf);
    if (!h_lf || !h_crlf)
        skip();
    assert_true(rm_mig_checksum_matches(h_lf, lf, strlen(lf)));
    assert_true(rm_mig_checksum_matches(h_lf, crlf, strlen(crlf)));
    assert_true(rm_mig_checksum_matches(h_crlf, lf, strlen(lf)));
    assert_false(rm_mig_checksum_matches(h_lf, "CREATE TABLE c (id INT);\n", 25));
    assert_false(rm_mig_checksum_matches(NULL, lf, strlen(lf)));
    /* Old engines: "{:x}" per byte, i.e. every "0x" high nibble dropped: rebuild it from the
     * padded hex of sha256sum. */
    char old[65];
    size_t k = 0;
    for (size_t i = 0; i < 64; i += 2) {
        if (h_lf[i] != '0')
            old[k++] = h_lf[i];
        old[k++] = h_lf[i + 1];
    }
    old[k] = '\0';
    if (k != 64) /* a digest with no byte below 0x10 has identical forms */
        assert_true(rm_mig_checksum_matches(old, lf, strlen(lf)));
    free(h_lf);
    free(h_crlf);
}

static void dir_checksums_match_sha256sum(void **state)
{
    (void)state;
    fixture f;
    fx_init(&f);
    for (size_t i = 0; i < 3; i++)
        fx_add(&f, base_names[2 - i], base_sql[2 - i]); /* added in reverse: finish sorts */
    assert_int_equal(rm_mig_dir_finish(&f.dir, &f.d), RM_OK);
    for (size_t i = 0; i < 3; i++) {
        assert_string_equal(f.dir.items[i].name, base_names[i]);
        char *want = sha256sum_of(base_sql[i]);
        if (!want) {
            fx_free(&f);
            skip();
        }
        assert_string_equal(f.dir.items[i].checksum, want);
        free(want);
    }
    fx_free(&f);
}

static void dir_bad_names(void **state)
{
    (void)state;
    fixture f;
    fx_init(&f);
    fx_add(&f, "2025 01", "SELECT 1;");
    fx_add(&f, "ok", "SELECT 1;");
    fx_add(&f, "ok", "SELECT 2;");
    assert_int_equal(rm_mig_dir_finish(&f.dir, &f.d), RM_ERR);
    assert_int_equal(f.d.nerrors, 2);
    assert_true(has_id(&f.d, RM_E_MIG_BAD_NAME, RM_SEV_ERROR));
    fx_free(&f);
}

/* ---------------------------------------------------------------------------------------- */
/* migration_lock.toml                                                                       */

typedef struct lock_case {
    const char *name;
    const char *text;
    const char *want; /* NULL: none */
} lock_case;

static const lock_case lock_cases[] = {
    {"lock_current_text",
     "# Please do not edit this file manually\n# It should be added in your version-control "
     "system (e.g., Git)\nprovider = \"postgresql\"\n",
     "postgresql"},
    {"lock_old_text",
     "# Please do not edit this file manually\n# It should be added in your version-control "
     "system (i.e. Git)\nprovider = \"mysql\"",
     "mysql"},
    {"lock_crlf", "provider = \"sqlite\"\r\n", "sqlite"},
    {"lock_no_provider", "# nothing\n", NULL},
    {"lock_commented_provider_ignored", "# provider = \"x\"\nprovider = \"sqlite\"\n", "sqlite"},
};

static void run_lock_case(void **state)
{
    const lock_case *c = *state;
    rm_arena a;
    rm_arena_init(&a, 0);
    const char *got = rm_mig_lock_provider(c->text, strlen(c->text), &a);
    if (c->want)
        assert_string_equal(got, c->want);
    else
        assert_null(got);
    if (c->want) {
        const char *t = rm_mig_lock_text(c->want, &a);
        assert_string_equal(rm_mig_lock_provider(t, strlen(t), &a), c->want);
    }
    rm_arena_free(&a);
}

/* ---------------------------------------------------------------------------------------- */
/* Statement splitter                                                                        */

typedef struct split_case {
    const char *name;
    const char *script;
    size_t want_n;
    const char *want_last;
    rm_mig_syntax syn;      /* RM_MIG_SQL_GENERIC when not given */
    const char *want_first; /* checked when non-NULL */
} split_case;

#define PG RM_MIG_SQL_POSTGRES
#define MY RM_MIG_SQL_MYSQL
#define LITE RM_MIG_SQL_SQLITE
#define GEN RM_MIG_SQL_GENERIC

static const split_case split_cases[] = {
    {"split_two", "CREATE TABLE a (x INT);\nCREATE TABLE b (y INT);\n", 2, "CREATE TABLE b (y INT)",
     GEN, NULL},
    {"split_no_final_semicolon", "SELECT 1;\nSELECT 2", 2, "SELECT 2", GEN, NULL},
    {"split_semicolon_in_string", "INSERT INTO t VALUES ('a;b');SELECT 3;", 2, "SELECT 3", GEN,
     NULL},
    {"split_escaped_quote", "INSERT INTO t VALUES ('it''s; ok');", 1,
     "INSERT INTO t VALUES ('it''s; ok')", GEN, NULL},
    {"split_backslash_quote_mysql", "INSERT INTO t VALUES ('a\\';b');", 1,
     "INSERT INTO t VALUES ('a\\';b')", GEN, NULL},
    {"split_line_comment", "-- drop; everything\nSELECT 1;", 1, "-- drop; everything\nSELECT 1",
     GEN, NULL},
    {"split_only_comments_dropped", "SELECT 1;\n-- trailing comment; here\n", 1, "SELECT 1", GEN,
     NULL},
    {"split_block_comment", "/* a; b */ SELECT 1; SELECT 2;", 2, "SELECT 2", GEN, NULL},
    {"split_backticks", "CREATE TABLE `a;b` (x INT); SELECT 1;", 2, "SELECT 1", GEN, NULL},
    {"split_dollar_quote", "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;", 1,
     "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql", GEN, NULL},
    {"split_dollar_tag", "DO $x$ BEGIN; END $x$; SELECT 2;", 2, "SELECT 2", GEN, NULL},
    {"split_param_not_dollar_quote", "SELECT $1; SELECT 2;", 2, "SELECT 2", GEN, NULL},
    {"split_empty", "  \n ; ;", 0, NULL, GEN, NULL},
    /* PostgreSQL */
    {"pg_dollar_body",
     "CREATE FUNCTION f() RETURNS trigger AS $$\nBEGIN\n  NEW.x := 1;\n  RETURN NEW;\nEND;\n$$ "
     "LANGUAGE plpgsql;\nCREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW EXECUTE FUNCTION f();\n",
     2, "CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW EXECUTE FUNCTION f()", PG,
     "CREATE FUNCTION f() RETURNS trigger AS $$\nBEGIN\n  NEW.x := 1;\n  RETURN NEW;\nEND;\n$$ "
     "LANGUAGE plpgsql"},
    {"pg_tag_holds_plain_dollars", "DO $fn$ BEGIN PERFORM $$a;b$$; END $fn$; SELECT 2;", 2,
     "SELECT 2", PG, "DO $fn$ BEGIN PERFORM $$a;b$$; END $fn$"},
    {"pg_backslash_is_literal", "INSERT INTO t VALUES ('C:\\');SELECT 2;", 2, "SELECT 2", PG,
     "INSERT INTO t VALUES ('C:\\')"},
    {"pg_e_string_escape", "SELECT E'a\\';b';SELECT 2;", 2, "SELECT 2", PG, "SELECT E'a\\';b'"},
    {"pg_nested_block_comment", "/* a /* b; */ c; */ SELECT 1; SELECT 2;", 2, "SELECT 2", PG,
     "/* a /* b; */ c; */ SELECT 1"},
    {"pg_begin_atomic",
     "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE "
     "WHEN true THEN 2 END; END;\nSELECT 3;",
     2, "SELECT 3", PG,
     "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE "
     "WHEN true THEN 2 END; END"},
    {"pg_dollar_in_identifier", "CREATE TABLE a$b$ (x int); SELECT 1;", 2, "SELECT 1", PG,
     "CREATE TABLE a$b$ (x int)"},
    {"pg_transaction_statements", "BEGIN; CREATE TABLE t (x int); END;", 3, "END", PG, "BEGIN"},
    /* MySQL / MariaDB */
    {"mysql_delimiter_procedure",
     "CREATE TABLE t (x INT);\nDELIMITER //\nCREATE PROCEDURE p()\nBEGIN\n  INSERT INTO t "
     "VALUES (1);\n  SELECT x FROM t;\nEND //\nDELIMITER ;\nCALL p();\n",
     3, "CALL p()", MY, "CREATE TABLE t (x INT)"},
    {"mysql_delimiter_dollars",
     "delimiter $$\nCREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.x = 1; SET "
     "NEW.y = 'a;b'; END$$\ndelimiter ;\n",
     1,
     "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.x = 1; SET NEW.y = 'a;b'; "
     "END",
     MY, NULL},
    {"mysql_hash_comment", "# a; b\nSELECT 1; SELECT 2;", 2, "SELECT 2", MY, "# a; b\nSELECT 1"},
    {"mysql_backslash_double_quote", "SELECT \"a\\\";b\"; SELECT 2;", 2, "SELECT 2", MY, NULL},
    {"mysql_delimiter_word_in_statement", "SELECT 1 AS delimiter; SELECT 2;", 2, "SELECT 2", MY,
     "SELECT 1 AS delimiter"},
    /* SQLite */
    {"sqlite_trigger_body",
     "CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n  UPDATE t SET x = 1;\n  INSERT INTO u VALUES "
     "(CASE WHEN 1 THEN 2 END);\nEND;\nSELECT 1;",
     2, "SELECT 1", LITE,
     "CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n  UPDATE t SET x = 1;\n  INSERT INTO u VALUES "
     "(CASE WHEN 1 THEN 2 END);\nEND"},
    {"sqlite_temp_trigger_when_case",
     "CREATE TEMP TRIGGER IF NOT EXISTS tr BEFORE DELETE ON t WHEN CASE old.x WHEN 1 THEN 1 END "
     "BEGIN SELECT RAISE(ABORT, 'no;'); END; SELECT 2;",
     2, "SELECT 2", LITE, NULL},
    {"sqlite_bracket_identifier", "CREATE TABLE [a;b] (x); SELECT 1;", 2, "SELECT 1", LITE,
     "CREATE TABLE [a;b] (x)"},
    {"sqlite_transaction_statements", "BEGIN; SELECT 1; END;", 3, "END", LITE, "BEGIN"},
};

static void run_split_case(void **state)
{
    const split_case *c = *state;
    rm_arena a;
    rm_arena_init(&a, 0);
    const char **st = NULL;
    size_t *offs = NULL, n = 0;
    rm_mig_split_script(&st, &offs, &n, c->script, strlen(c->script), c->syn, &a);
    assert_int_equal(n, c->want_n);
    if (c->want_first) {
        assert_true(n > 0);
        assert_string_equal(st[0], c->want_first);
        assert_memory_equal(c->script + offs[0], st[0], strlen(st[0]));
    }
    if (n) {
        assert_string_equal(st[n - 1], c->want_last);
        assert_memory_equal(c->script + offs[n - 1], st[n - 1], strlen(st[n - 1]));
    }
    rm_arena_free(&a);
}

/* ---------------------------------------------------------------------------------------- */
/* Statements PostgreSQL refuses inside a transaction block (rm_mig_pg_outside_transaction)     */

typedef struct notx_case {
    const char *name;
    const char *stmt;
    bool want;
} notx_case;

static const notx_case notx_cases[] = {
    {"notx_create_index_concurrently", "CREATE INDEX CONCURRENTLY i ON t (x)", true},
    {"notx_unique_lower_case", "create unique index concurrently if not exists i on t (x)", true},
    {"notx_after_comments", "-- speed\n/* no lock */ CREATE INDEX CONCURRENTLY i ON t (x)", true},
    {"notx_drop_index_concurrently", "DROP INDEX CONCURRENTLY IF EXISTS i", true},
    {"notx_reindex_options", "REINDEX (VERBOSE) TABLE CONCURRENTLY t", true},
    {"notx_vacuum", "VACUUM ANALYZE t", true},
    {"notx_create_database", "CREATE DATABASE d", true},
    {"notx_drop_tablespace", "DROP TABLESPACE ts", true},
    {"notx_alter_system", "ALTER SYSTEM SET work_mem = '64MB'", true},
    {"notx_plain_index", "CREATE INDEX i ON t (x)", false},
    {"notx_index_named_like_keyword", "CREATE INDEX concurrently_idx ON t (x)", false},
    {"notx_keyword_in_comment", "-- CREATE INDEX CONCURRENTLY\nCREATE TABLE t (x int)", false},
    {"notx_keyword_in_string", "SELECT 'VACUUM'", false},
    {"notx_alter_table", "ALTER TABLE t ADD COLUMN vacuum int", false},
    {"notx_drop_index", "DROP INDEX i", false},
    {"notx_empty", "", false},
};

static void run_notx_case(void **state)
{
    const notx_case *c = *state;
    assert_int_equal(rm_mig_pg_outside_transaction(c->stmt), c->want);
}

/* ---------------------------------------------------------------------------------------- */

int main(void)
{
    size_t ns = RM_ARRAY_LEN(sum_cases), nk = RM_ARRAY_LEN(ck_cases);
    size_t nl = RM_ARRAY_LEN(lock_cases), np = RM_ARRAY_LEN(split_cases);
    size_t nx = RM_ARRAY_LEN(notx_cases);
    size_t total = ns + nk + nl + np + nx + 3, k = 0;
    struct CMUnitTest *t = calloc(total, sizeof *t);
    for (size_t i = 0; i < ns; i++)
        t[k++] =
            (struct CMUnitTest){sum_cases[i].name, run_sum_case, NULL, NULL, (void *)&sum_cases[i]};
    for (size_t i = 0; i < nk; i++)
        t[k++] =
            (struct CMUnitTest){ck_cases[i].name, run_ck_case, NULL, NULL, (void *)&ck_cases[i]};
    for (size_t i = 0; i < nl; i++)
        t[k++] = (struct CMUnitTest){lock_cases[i].name, run_lock_case, NULL, NULL,
                                     (void *)&lock_cases[i]};
    for (size_t i = 0; i < np; i++)
        t[k++] = (struct CMUnitTest){split_cases[i].name, run_split_case, NULL, NULL,
                                     (void *)&split_cases[i]};
    for (size_t i = 0; i < nx; i++)
        t[k++] = (struct CMUnitTest){notx_cases[i].name, run_notx_case, NULL, NULL,
                                     (void *)&notx_cases[i]};
    t[k++] = (struct CMUnitTest){"checksum_line_endings", checksum_line_endings, NULL, NULL, NULL};
    t[k++] = (struct CMUnitTest){"dir_checksums_match_sha256sum", dir_checksums_match_sha256sum,
                                 NULL, NULL, NULL};
    t[k++] = (struct CMUnitTest){"dir_bad_names", dir_bad_names, NULL, NULL, NULL};
    int rc = _cmocka_run_group_tests("migrations_folder", t, k, NULL, NULL);
    free(t);
    return rc;
}
