/*
 * SQLite table redefinition keeps rows and foreign-key integrity (issue #5). Between
 * tests/parity/redefine/v1.prisma and v2.prisma SQLite can ALTER nothing that changes, so the
 * migration redefines both the parent (Author) and the child (Book): create new_X, copy, drop,
 * rename. The test fills a database built from v1 with parents and children first (foreign
 * keys ON, as Prisma's and relmig's connections run), applies the real binary's
 * `relmig diff --from v1 --to v2` script, and checks that
 *   - both tables were really redefined (the script has new_Author and new_Book),
 *   - every row survived with every value (compared with what was inserted, not re-read),
 *   - PRAGMA foreign_key_check is empty and foreign keys are ON again,
 *   - foreign keys still enforce: a child pointing at no parent is rejected, and the new
 *     ON DELETE RESTRICT rejects deleting a parent that has children (v2), while the old
 *     CASCADE deleted them (v1 -> the down migration).
 * The same runs backwards (v2 -> v1, the down migration). A control row removes the script's
 * PRAGMA foreign_keys=OFF and must see the children lost to the parent's cascade.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "db/db.h"
#include "testutil.h"
#include "util/sb.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define REDEFINE_DIR RELMIG_SOURCE_DIR "/tests/parity/redefine"

static char *tmpdir;

/* Rows inserted before the migration, and how they must read afterwards. */
static const char *const seed_sql =
    "INSERT INTO \"Author\" (\"id\", \"name\") VALUES (1, 'Ada'), (2, 'Brian'), (3, 'Cleo');"
    "INSERT INTO \"Book\" (\"id\", \"title\", \"pages\", \"authorId\") VALUES"
    " (10, 'Notes', 120, 1), (11, 'More notes', 80, 1), (12, 'C', 272, 2),"
    " (13, 'Unix', 300, 2), (14, 'Poems', 42, 3)";
static const char *const authors_want = "1|Ada;2|Brian;3|Cleo;";
static const char *const books_want =
    "10|Notes|120|1;11|More notes|80|1;12|C|272|2;13|Unix|300|2;14|Poems|42|3;";

typedef struct dir_case {
    const char *name;
    const char *from;
    const char *to;
    bool restrict_after; /* the target's Book FK is ON DELETE RESTRICT */
    bool control;        /* negative control: the script without PRAGMA foreign_keys=OFF */
} dir_case;

static const dir_case cases[] = {
    {"up: v1 -> v2 (parent and child redefined)", "v1.prisma", "v2.prisma", true, false},
    {"down: v2 -> v1 (parent and child redefined)", "v2.prisma", "v1.prisma", false, false},
    {"control: without foreign_keys=OFF the cascade loses rows", "v1.prisma", "v2.prisma",
     true, true},
};

static char *diff_script(const char *from, const char *to)
{
    char f[512], t[512];
    snprintf(f, sizeof f, "%s/%s", REDEFINE_DIR, from);
    snprintf(t, sizeof t, "%s/%s", REDEFINE_DIR, to);
    rm_test_proc p;
    const char *args[] = {"diff", "--from", from[0] ? f : "empty", "--to", t, NULL};
    rm_test_relmig(&p, args, NULL);
    if (p.status != 0)
        printf("%s", p.err);
    assert_int_equal(p.status, 0);
    char *out = p.out;
    p.out = NULL;
    rm_test_proc_free(&p);
    return out;
}

static void exec_ok(rm_conn *c, const char *sql)
{
    rm_dberr err;
    rm_dberr_clear(&err);
    if (rm_db_exec(c, sql, &err) != RM_OK)
        printf("failed: %s\n%s\n", err.message, sql);
    assert_int_equal(err.kind, RM_DBERR_NONE);
}

/* Every row of sql as "a|b|c;" concatenated. */
static char *dump(rm_conn *c, const char *sql, rm_arena *a)
{
    rm_rows *rows;
    rm_dberr err;
    rm_dberr_clear(&err);
    if (rm_db_query(c, sql, NULL, 0, a, &rows, &err) != RM_OK)
        printf("query failed: %s\n%s\n", err.message, sql);
    assert_int_equal(err.kind, RM_DBERR_NONE);
    rm_sb sb = RM_SB_INIT;
    for (size_t r = 0; r < rows->nrows; r++) {
        for (size_t k = 0; k < rows->ncols; k++) {
            const char *v = rm_rows_get(rows, r, k);
            rm_sb_appendf(&sb, "%s%s", k ? "|" : "", v ? v : "NULL");
        }
        rm_sb_puts(&sb, ";");
    }
    char *s = rm_arena_strdup(a, rm_sb_str(&sb));
    rm_sb_free(&sb);
    return s;
}

static void run_case(void **state)
{
    const dir_case *dc = *state;
    char url[1024];
    snprintf(url, sizeof url, "sqlite:%s/redefine.db", tmpdir);
    unlink(url + strlen("sqlite:"));
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_conn *c = NULL;
    rm_dberr err;
    rm_dberr_clear(&err);
    assert_int_equal(rm_db_connect(&c, url, NULL, &err), RM_OK);
    exec_ok(c, "PRAGMA foreign_keys=ON");

    char *create = diff_script("", dc->from);
    exec_ok(c, create);
    free(create);
    exec_ok(c, seed_sql);

    char *migration = diff_script(dc->from, dc->to);
    printf("%s", migration);
    /* Both tables must really be redefined, or this test proves nothing about redefinition. */
    assert_non_null(strstr(migration, "CREATE TABLE \"new_Author\""));
    assert_non_null(strstr(migration, "CREATE TABLE \"new_Book\""));
    if (dc->control) {
        /* Dropping the parent with foreign keys on deletes its children (ON DELETE CASCADE):
         * the checks below must see that, or they could not see a broken redefinition. */
        char *off = strstr(migration, "PRAGMA foreign_keys=OFF;");
        assert_non_null(off);
        memset(off, ' ', strlen("PRAGMA foreign_keys=OFF;"));
        exec_ok(c, migration);
        free(migration);
        assert_string_not_equal(dump(c, "SELECT id, title, pages, authorId FROM Book"
                                        " ORDER BY id", &a), books_want);
        rm_db_close(c);
        rm_arena_free(&a);
        return;
    }
    exec_ok(c, migration);
    free(migration);

    assert_string_equal(dump(c, "SELECT id, name FROM Author ORDER BY id", &a), authors_want);
    assert_string_equal(dump(c, "SELECT id, title, pages, authorId FROM Book ORDER BY id", &a),
                        books_want);
    assert_string_equal(dump(c, "PRAGMA foreign_key_check", &a), "");
    assert_string_equal(dump(c, "PRAGMA foreign_keys", &a), "1;");
    assert_string_equal(dump(c, "PRAGMA integrity_check", &a), "ok;");

    /* Foreign keys still enforce: no parent 999. */
    rm_dberr_clear(&err);
    assert_int_not_equal(rm_db_exec(c, "INSERT INTO Book (id, title, pages, authorId) VALUES"
                                       " (99, 'Orphan', 1, 999)", &err), RM_OK);
    assert_int_equal(err.kind, RM_DBERR_STATEMENT);
    assert_non_null(strstr(err.message, "FOREIGN KEY"));
    /* The target's delete action is in force. */
    rm_dberr_clear(&err);
    int rc = rm_db_exec(c, "DELETE FROM Author WHERE id = 1", &err);
    if (dc->restrict_after) {
        assert_int_not_equal(rc, RM_OK);
        assert_string_equal(dump(c, "SELECT count(*) FROM Book WHERE authorId = 1", &a), "2;");
    } else {
        assert_int_equal(rc, RM_OK);
        assert_string_equal(dump(c, "SELECT count(*) FROM Book WHERE authorId = 1", &a), "0;");
    }
    rm_db_close(c);
    rm_arena_free(&a);
}

int main(void)
{
    tmpdir = rm_test_mkdtemp();
    struct CMUnitTest tests[RM_ARRAY_LEN(cases)];
    for (size_t i = 0; i < RM_ARRAY_LEN(cases); i++)
        tests[i] = (struct CMUnitTest){cases[i].name, run_case, NULL, NULL, (void *)&cases[i]};
    int rc = _cmocka_run_group_tests("sqlite_redefine_data", tests, RM_ARRAY_LEN(cases), NULL,
                                     NULL);
    rm_test_rmtree(tmpdir);
    free(tmpdir);
    rm_db_shutdown();
    return rc;
}
