/*
 * A reader of the rows of a SQLite file's schema table (sqlite_schema, the table b-tree rooted
 * at page 1) straight from the file's pages, following the documented file format
 * (https://www.sqlite.org/fileformat2.html), for introspection (introspect_lite.c).
 *
 * Why: the first statement on a SQLite connection makes SQLite parse every CREATE statement of
 * the file into its in-memory schema, and its name hash tables stop growing at a fixed size,
 * so that load grows faster than linearly: at 5,999 tables it was 448 ms of a 0.6 s
 * `relmig introspect` (bench/introspect.md). relmig parses the CREATE statements itself
 * (lite_ddl.c) and needs only the rows, so it reads them here and SQLite never loads its
 * schema on that path.
 *
 * Pure: pages come through a callback (the caller preads them while holding SQLite's SHARED
 * lock), so only the schema's own pages are read and everything is testable on byte buffers.
 * The file is not trusted: every offset and length is checked, a page met twice, a tree deeper
 * than SQLite allows or anything unusual (a text encoding other than UTF-8, WAL mode, a
 * reserved serial type, a non-text name) makes it decline with a short reason, and the caller
 * asks SQLite instead. Declining is never an error.
 *
 * Not for: data pages, other tables, writing, or deciding whether reading the file is safe
 * (locks, journals: introspect_lite.c and lite.c).
 */
#ifndef RELMIG_DB_LITE_BTREE_H
#define RELMIG_DB_LITE_BTREE_H

#include "db/db.h"
#include "util/arena.h"
#include "util/common.h"

#include <stdint.h>

/* What the first 100 bytes of a database file say. */
typedef struct rm_lite_header {
    uint32_t page_size;     /* 512 ... 65536 */
    uint32_t usable;        /* page_size minus the reserved bytes at the end of each page */
    uint32_t npages;        /* the in-header database size, 0 when not valid */
    uint32_t schema_cookie; /* PRAGMA schema_version */
} rm_lite_header;

/* The header's facts from the file's first 100 bytes: RM_OK, or RM_EUNSUPPORTED with *why
 * (not a SQLite 3 file, page size or reserved space out of range, payload fractions other
 * than 64/32/32, WAL mode, a text encoding other than UTF-8). */
int rm_lite_header_read(rm_lite_header *h, const uint8_t bytes[100], const char **why);

/* Read page pgno (1-based) of h->page_size bytes into buf; false when it cannot. */
typedef bool (*rm_lite_page_fn)(void *ctx, uint32_t pgno, uint8_t *buf);

/* The rows `SELECT rowid, type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid` gives
 * (rowid as decimal text, NULL cells for SQL NULL), read from the b-tree rooted at page 1 of
 * a file with header h and npages pages (the caller's file size; page numbers beyond it are
 * refused). RM_OK with *out in a, or RM_EUNSUPPORTED with *why (a static string). */
int rm_lite_schema_rows(rm_rows **out, const rm_lite_header *h, uint32_t npages,
                        rm_lite_page_fn read_page, void *ctx, rm_arena *a, const char **why);

/* A database file's image held whole in memory, served to rm_lite_schema_rows page by page
 * by rm_lite_image_page (tests and the fuzz target, which hold the files they read). */
typedef struct rm_lite_image {
    const uint8_t *bytes;
    size_t len;
    uint32_t page_size; /* the header's */
} rm_lite_image;

bool rm_lite_image_page(void *image, uint32_t pgno, uint8_t *buf);

/* The rows of an empty schema (no row, the same five columns). */
rm_rows *rm_lite_schema_empty(rm_arena *a);

#endif
