/*
 * The direct reader of sqlite_master's pages (src/db/lite_btree.c, db/lite.h) against SQLite
 * itself. Each row makes a database file with SQLite (page size, auto_vacuum, statements
 * longer than a page so their rows spill into overflow chains, enough objects that page 1
 * becomes an interior page, dropped tables leaving free pages, WITHOUT ROWID tables, views and
 * triggers, an empty schema) and requires the reader's rows to equal those of `SELECT rowid,
 * type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid`, cell for cell.
 *
 * Then the files it must decline (never misread): UTF-16 text, WAL mode, an in-memory
 * database, no read transaction, a schema changed behind the cookie; that another process
 * cannot commit to the file while it is read (SQLite's SHARED lock stays held); and damaged
 * copies of a
 * real file read from memory: wrong magic, truncated, a child pointer back to page 1 (a cycle),
 * a cell count larger than the page, a payload length past the page, an overflow chain cut
 * short, and every single byte of the schema's pages set to 0x00 and to 0xff in turn (each
 * either read or declined, never a crash or an overread under ASan). Not for: speed
 * (bench/bench_introspect.sh) or the schema built from these rows (test_introspect_lite_ddl_diff).
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "db/db.h"
#include "db/lite.h"
#include "db/lite_btree.h"
#include "db_sql.h"
#include "testutil.h"
#include "util/sb.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *tmpdir;
static int seq;

static const char Q_MASTER[] =
    "SELECT rowid, type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid";

static char *db_path(void)
{
    char *p = malloc(strlen(tmpdir) + 32);
    sprintf(p, "%s/b%d.db", tmpdir, seq++);
    return p;
}

static rm_conn *connect_path(const char *path)
{
    char url[4200];
    snprintf(url, sizeof url, "sqlite:%s", path);
    return rm_test_connect_ok(url);
}

/* The file's bytes, read whole (bytes is ours to change and free). */
typedef struct mem_file {
    uint8_t *bytes;
    size_t len;
    uint32_t page_size;
} mem_file;

/* Read the file's schema rows from its bytes: RM_OK or RM_EUNSUPPORTED (why printed). */
static int read_mem(mem_file *f, rm_rows **out, rm_arena *a, bool quiet)
{
    rm_lite_header h;
    const char *why = NULL;
    int rc = f->len >= 100 ? rm_lite_header_read(&h, f->bytes, &why) : RM_EUNSUPPORTED;
    if (f->len < 100)
        why = "shorter than a header";
    if (rc == RM_OK) {
        f->page_size = h.page_size;
        rm_lite_image img = {f->bytes, f->len, h.page_size};
        rc = rm_lite_schema_rows(out, &h, (uint32_t)(f->len / h.page_size), rm_lite_image_page,
                                 &img, a, &why);
    }
    if (rc != RM_OK && !quiet)
        printf("declined: %s\n", why);
    return rc;
}

static void load(mem_file *f, const char *path)
{
    size_t len = 0;
    f->bytes = (uint8_t *)rm_test_read_file(path, &len);
    assert_non_null(f->bytes);
    f->len = len;
    f->page_size = 0;
}

/* Both row sets as text, cell by cell (NULL marked), for one comparison. */
static char *rows_text(const rm_rows *r)
{
    rm_sb sb = RM_SB_INIT;
    for (size_t i = 0; i < r->nrows; i++) {
        for (size_t k = 0; k < r->ncols; k++) {
            const char *v = r->cells[i * r->ncols + k];
            if (v)
                rm_sb_appendf(&sb, "[%zu:%.*s]", r->lens[i * r->ncols + k],
                              (int)r->lens[i * r->ncols + k], v);
            else
                rm_sb_puts(&sb, "[NULL]");
        }
        rm_sb_putc(&sb, '\n');
    }
    char *out = strdup(rm_sb_str(&sb));
    rm_sb_free(&sb);
    return out;
}

/* ---- files SQLite wrote: the reader gives SQLite's own rows ------------------------------ */

typedef struct file_row {
    const char *name;
    const char *pragmas; /* before the first table */
    int ntables;         /* generated tables t0..t{n-1}, each with an index */
    int ncols;           /* columns per generated table (long statements spill) */
    const char *extra;   /* after them */
    size_t min_pages;    /* the schema must span at least this many pages (interior page 1) */
} file_row;

static const file_row file_rows[] = {
    {"one_table", "", 1, 3, "", 1},
    {"page_512_many_tables", "PRAGMA page_size = 512;", 300, 4, "", 20},
    {"page_512_statement_longer_than_a_page", "PRAGMA page_size = 512;", 3, 400, "", 10},
    {"page_65536", "PRAGMA page_size = 65536;", 200, 30, "", 2},
    {"auto_vacuum_full", "PRAGMA page_size = 1024; PRAGMA auto_vacuum = FULL;", 120, 12, "", 10},
    {"dropped_tables_free_pages", "PRAGMA page_size = 1024;", 150, 10,
     "DROP TABLE t3; DROP TABLE t77; DROP TABLE t140; CREATE TABLE after_drop (x);", 10},
    {"without_rowid_views_triggers", "PRAGMA page_size = 4096;", 20, 5,
     "CREATE TABLE wr (a TEXT PRIMARY KEY, b INT UNIQUE) WITHOUT ROWID;"
     "CREATE VIEW v AS SELECT * FROM t1;"
     "CREATE TRIGGER tg AFTER INSERT ON t1 BEGIN SELECT 1; END;"
     "CREATE TABLE quoted (\"a\"\"b\" TEXT, [c d] INT, `e` BLOB);"
     "CREATE TABLE seq (id INTEGER PRIMARY KEY AUTOINCREMENT);"
     "INSERT INTO seq DEFAULT VALUES;",
     1},
    {"schema_emptied", "CREATE TABLE gone (x); DROP TABLE gone;", 0, 0, "", 1},
};

static void make_file(const file_row *r, const char *path)
{
    rm_conn *c = connect_path(path);
    rm_sb sb = RM_SB_INIT;
    rm_sb_puts(&sb, r->pragmas);
    rm_sb_puts(&sb, "BEGIN;");
    for (int t = 0; t < r->ntables; t++) {
        rm_sb_appendf(&sb, "CREATE TABLE t%d (id INTEGER PRIMARY KEY", t);
        for (int k = 0; k < r->ncols; k++)
            rm_sb_appendf(&sb, ", column_with_a_long_name_%d VARCHAR(%d) NOT NULL DEFAULT 'x'", k,
                          k + 1);
        rm_sb_appendf(&sb, ");CREATE INDEX t%d_idx ON t%d (id);", t, t);
    }
    rm_sb_puts(&sb, "COMMIT;");
    rm_sb_puts(&sb, r->extra);
    rm_test_exec_ok(c, rm_sb_str(&sb));
    rm_sb_free(&sb);
    rm_db_close(c);
}

static void run_file(void **state)
{
    const file_row *r = *state;
    char *path = db_path();
    make_file(r, path);
    rm_arena a;
    rm_arena_init(&a, 0);
    mem_file f;
    load(&f, path);
    rm_rows *got = NULL;
    assert_int_equal(read_mem(&f, &got, &a, false), RM_OK);
    assert_true(f.len / f.page_size >= r->min_pages);

    rm_conn *c = connect_path(path);
    rm_rows *want = NULL;
    rm_dberr err;
    rm_dberr_clear(&err);
    assert_int_equal(rm_db_query(c, Q_MASTER, NULL, 0, &a, &want, &err), RM_OK);
    char *g = rows_text(got), *w = rows_text(want);
    if (strcmp(g, w) != 0)
        printf("--- reader ---\n%.2000s\n--- sqlite ---\n%.2000s\n", g, w);
    assert_string_equal(g, w);
    printf("%s: %zu rows, %zu pages of %u bytes\n", r->name, got->nrows, f.len / f.page_size,
           f.page_size);

    /* Through the driver as introspection calls it: inside a read transaction, with the
     * schema cookie SQLite reports. */
    rm_rows *ver = NULL, *via = NULL;
    const char *why = NULL;
    rm_test_exec_ok(c, "BEGIN");
    assert_int_equal(rm_db_query(c, "PRAGMA schema_version", NULL, 0, &a, &ver, &err), RM_OK);
    long cookie = strtol(rm_rows_get(ver, 0, 0), NULL, 10);
    assert_int_equal(rm_lite_schema_from_file(c, cookie, &a, &via, &why), RM_OK);
    char *v = rows_text(via);
    assert_string_equal(v, w);
    /* A cookie other than the file's: declined. */
    assert_int_equal(rm_lite_schema_from_file(c, cookie + 1, &a, &via, &why), RM_EUNSUPPORTED);
    rm_test_exec_ok(c, "COMMIT");
    /* Outside a transaction nothing holds writers off: declined. */
    assert_int_equal(rm_lite_schema_from_file(c, cookie, &a, &via, &why), RM_EUNSUPPORTED);
    assert_string_equal(why, "no read transaction");
    rm_db_close(c);
    free(g);
    free(w);
    free(v);
    free(f.bytes);
    rm_arena_free(&a);
    unlink(path);
    free(path);
}

/* As introspection reads: BEGIN, the schema cookie from PRAGMA schema_version (which takes the
 * SHARED lock), then rm_lite_schema_from_file with it. The transaction stays open. */
static int begin_and_read(rm_conn *c, rm_arena *a, rm_rows **rows, const char **why)
{
    rm_rows *ver = NULL;
    rm_dberr err;
    rm_dberr_clear(&err);
    rm_test_exec_ok(c, "BEGIN");
    assert_int_equal(rm_db_query(c, "PRAGMA schema_version", NULL, 0, a, &ver, &err), RM_OK);
    return rm_lite_schema_from_file(c, strtol(rm_rows_get(ver, 0, 0), NULL, 10), a, rows, why);
}

/* ---- files the reader must decline ------------------------------------------------------- */

typedef struct decline_row {
    const char *name;
    const char *setup; /* run on a fresh file */
    const char *why;   /* rm_lite_schema_from_file's reason */
} decline_row;

static const decline_row decline_rows[] = {
    {"utf16", "PRAGMA encoding = 'UTF-16le'; CREATE TABLE a (x TEXT);", "text encoding is not UTF-8"},
    {"wal", "PRAGMA journal_mode = WAL; CREATE TABLE a (x TEXT);", "WAL mode"},
};

static void run_decline(void **state)
{
    const decline_row *r = *state;
    char *path = db_path();
    rm_conn *c = connect_path(path);
    rm_test_exec_ok(c, r->setup);
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_rows *rows = NULL;
    const char *why = NULL;
    assert_int_equal(begin_and_read(c, &a, &rows, &why), RM_EUNSUPPORTED);
    assert_string_equal(why, r->why);
    rm_test_exec_ok(c, "COMMIT");
    rm_db_close(c);
    rm_arena_free(&a);
    free(path);
}

static void memory_database_declined(void **state)
{
    (void)state;
    rm_conn *c = NULL;
    rm_dberr err;
    rm_dberr_clear(&err);
    assert_int_equal(rm_db_connect(&c, "sqlite::memory:", NULL, &err), RM_OK);
    rm_test_exec_ok(c, "CREATE TABLE a (x); BEGIN; SELECT count(*) FROM a;");
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_rows *rows = NULL;
    const char *why = NULL;
    assert_int_equal(rm_lite_schema_from_file(c, 1, &a, &rows, &why), RM_EUNSUPPORTED);
    assert_string_equal(why, "not a database file");
    rm_test_exec_ok(c, "COMMIT");
    rm_db_close(c);
    rm_arena_free(&a);
}

/* Another process cannot commit a change to the file while introspection reads it: the read
 * keeps SQLite's SHARED lock. A descriptor of our own on the file, once closed, would drop
 * every POSIX lock the process holds on it, SQLite's included (checked: this test fails when
 * rm_lite_schema_from_file opens and closes the path itself). The other process is the
 * sqlite3 shell, a fresh process (a forked child would share SQLite's lock bookkeeping). */
static int other_process_writes(const char *path)
{
    const char *argv[] = {"/usr/bin/env", "sqlite3", path, ".timeout 300",
                          "CREATE TABLE intruder (x);", NULL};
    rm_test_proc p;
    assert_int_equal(rm_test_run(&p, argv, NULL), 0);
    int status = p.status;
    if (status != 0)
        printf("sqlite3: %s", p.err);
    rm_test_proc_free(&p);
    return status;
}

static void shared_lock_kept_while_reading(void **state)
{
    (void)state;
    char *path = db_path();
    static const file_row r = {"locked", "", 5, 3, "", 1};
    make_file(&r, path);
    rm_conn *c = connect_path(path);
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_rows *rows = NULL;
    const char *why = NULL;
    assert_int_equal(begin_and_read(c, &a, &rows, &why), RM_OK);
    assert_int_not_equal(other_process_writes(path), 0); /* refused: the file is locked */
    rm_test_exec_ok(c, "COMMIT");
    assert_int_equal(other_process_writes(path), 0); /* allowed once the read is over */
    rm_db_close(c);
    rm_arena_free(&a);
    unlink(path);
    free(path);
}

/* ---- damaged copies ---------------------------------------------------------------------- */

/* A file whose schema spans an interior page 1, leaves and overflow chains (512-byte pages). */
static char *damage_source(void)
{
    static char *path;
    if (!path) {
        path = db_path();
        static const file_row r = {"source", "PRAGMA page_size = 512;", 14, 24, "", 10};
        make_file(&r, path);
    }
    return path;
}

static void set32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

typedef struct damage_row {
    const char *name;
    void (*damage)(mem_file *f);
} damage_row;

static void wrong_magic(mem_file *f)
{
    f->bytes[0] = 'X';
}

static void truncated(mem_file *f)
{
    f->len = 2 * 512;
}

static void child_points_to_page_1(mem_file *f)
{
    /* page 1 is interior (0x05): its right-most pointer at 100 + 8 */
    assert_int_equal(f->bytes[100], 0x05);
    set32(f->bytes + 108, 1);
}

static void cell_count_too_large(mem_file *f)
{
    f->bytes[103] = 0xff;
    f->bytes[104] = 0xff;
}

/* The first leaf page's first cell claims a payload far larger than anything on the page. */
static void payload_length_past_page(mem_file *f)
{
    uint32_t child = (uint32_t)f->bytes[108] << 24 | (uint32_t)f->bytes[109] << 16 |
                     (uint32_t)f->bytes[110] << 8 | f->bytes[111];
    /* descend to the left-most leaf through the first cells */
    uint8_t *page = f->bytes;
    size_t hdr = 100;
    while (page[hdr] == 0x05) {
        size_t cell = (size_t)page[hdr + 12] << 8 | page[hdr + 13];
        child = (uint32_t)page[cell] << 24 | (uint32_t)page[cell + 1] << 16 |
                (uint32_t)page[cell + 2] << 8 | page[cell + 3];
        page = f->bytes + (size_t)(child - 1) * 512;
        hdr = 0;
    }
    size_t cell = (size_t)page[hdr + 8] << 8 | page[hdr + 9];
    page[cell] = 0xff; /* a 9-byte varint: ~2^63 */
    page[cell + 1] = 0xff;
    page[cell + 2] = 0xff;
}

/* Every overflow chain ends at once: the file's last page is made a chain end pointing nowhere
 * else, and each chain's pages are cut by zeroing the next pointers of all pages that are not
 * b-tree pages. */
static void overflow_chain_cut(mem_file *f)
{
    size_t n = f->len / 512;
    for (size_t p = 1; p < n; p++) {
        uint8_t *page = f->bytes + p * 512;
        if (page[0] != 0x05 && page[0] != 0x0d && page[0] != 0x02 && page[0] != 0x0a)
            set32(page, 0);
    }
}

static const damage_row damage_rows[] = {
    {"wrong_magic", wrong_magic},
    {"truncated", truncated},
    {"child_points_to_page_1", child_points_to_page_1},
    {"cell_count_too_large", cell_count_too_large},
    {"payload_length_past_page", payload_length_past_page},
    {"overflow_chain_cut", overflow_chain_cut},
};

static void run_damage(void **state)
{
    const damage_row *r = *state;
    mem_file f;
    load(&f, damage_source());
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_rows *rows = NULL;
    assert_int_equal(read_mem(&f, &rows, &a, true), RM_OK); /* the source reads */
    r->damage(&f);
    assert_int_equal(read_mem(&f, &rows, &a, false), RM_EUNSUPPORTED);
    rm_arena_free(&a);
    free(f.bytes);
}

/* Every byte of the schema's pages set to 0x00, then 0xff: read or declined, never a crash or
 * an overread (ASan), and never a hang. */
static void every_byte_damaged(void **state)
{
    (void)state;
    mem_file f;
    load(&f, damage_source());
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_rows *rows = NULL;
    assert_int_equal(read_mem(&f, &rows, &a, true), RM_OK);
    size_t read_ok = 0, declined = 0;
    static const uint8_t values[] = {0x00, 0xff};
    for (size_t pos = 0; pos < f.len; pos++) {
        uint8_t keep = f.bytes[pos];
        for (size_t v = 0; v < 2; v++) {
            if (keep == values[v])
                continue;
            f.bytes[pos] = values[v];
            rm_arena each;
            rm_arena_init(&each, 0);
            if (read_mem(&f, &rows, &each, true) == RM_OK)
                read_ok++;
            else
                declined++;
            rm_arena_free(&each);
        }
        f.bytes[pos] = keep;
    }
    printf("%zu bytes x 2 values: %zu read, %zu declined\n", f.len, read_ok, declined);
    assert_true(declined > 0);
    rm_arena_free(&a);
    free(f.bytes);
}

int main(void)
{
    tmpdir = rm_test_mkdtemp();
    struct CMUnitTest tests[32];
    size_t n = 0;
    for (size_t i = 0; i < sizeof file_rows / sizeof file_rows[0]; i++)
        tests[n++] = (struct CMUnitTest){file_rows[i].name, run_file, NULL, NULL,
                                         (void *)&file_rows[i]};
    for (size_t i = 0; i < sizeof decline_rows / sizeof decline_rows[0]; i++)
        tests[n++] = (struct CMUnitTest){decline_rows[i].name, run_decline, NULL, NULL,
                                         (void *)&decline_rows[i]};
    tests[n++] = (struct CMUnitTest)cmocka_unit_test(memory_database_declined);
    tests[n++] = (struct CMUnitTest)cmocka_unit_test(shared_lock_kept_while_reading);
    for (size_t i = 0; i < sizeof damage_rows / sizeof damage_rows[0]; i++)
        tests[n++] = (struct CMUnitTest){damage_rows[i].name, run_damage, NULL, NULL,
                                         (void *)&damage_rows[i]};
    tests[n++] = (struct CMUnitTest)cmocka_unit_test(every_byte_damaged);
    int rc = _cmocka_run_group_tests("lite_btree", tests, n, NULL, NULL);
    rm_test_rmtree(tmpdir);
    free(tmpdir);
    return rc;
}
