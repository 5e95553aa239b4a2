/*
 * See lite_btree.h. Names follow the file format document: U is the usable page size, P a
 * cell's payload size, X the largest payload kept whole on a leaf page, M the smallest part
 * kept there when it spills to overflow pages.
 */
#include "db/lite_btree.h"

#include <stdio.h>
#include <string.h>

/* Deeper than any b-tree SQLite writes (its own limit is 20 levels). */
#define LITE_MAX_DEPTH 20
/* A schema row larger than this is not one relmig was asked to read (SQLite's own default
 * limit on a value is 1e9 bytes; CREATE statements are kilobytes). */
#define LITE_MAX_PAYLOAD (64u << 20)

#define LITE_DECLINE(why_out, text) (*(why_out) = (text), RM_EUNSUPPORTED)

static uint32_t be16(const uint8_t *p)
{
    return (uint32_t)p[0] << 8 | p[1];
}

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

int rm_lite_header_read(rm_lite_header *h, const uint8_t bytes[100], const char **why)
{
    memset(h, 0, sizeof *h);
    if (memcmp(bytes, "SQLite format 3", 16) != 0)
        return LITE_DECLINE(why, "not a SQLite 3 file");
    uint32_t ps = be16(bytes + 16);
    if (ps == 1)
        ps = 65536;
    if (ps < 512 || ps > 65536 || (ps & (ps - 1)) != 0)
        return LITE_DECLINE(why, "page size out of range");
    uint32_t reserved = bytes[20];
    if (ps - reserved < 480)
        return LITE_DECLINE(why, "reserved space per page too large");
    if (bytes[21] != 64 || bytes[22] != 32 || bytes[23] != 32)
        return LITE_DECLINE(why, "payload fractions are not 64/32/32");
    if (bytes[18] > 2 || bytes[19] > 2)
        return LITE_DECLINE(why, "file format version newer than 2");
    /* WAL mode: the newest pages (page 1 included) may be in the -wal file, which is not
     * read here; the header in the main file may not even be complete yet. */
    if (bytes[18] == 2 || bytes[19] == 2)
        return LITE_DECLINE(why, "WAL mode");
    if (be32(bytes + 56) != 1)
        return LITE_DECLINE(why, "text encoding is not UTF-8");
    h->page_size = ps;
    h->usable = ps - reserved;
    h->schema_cookie = be32(bytes + 40);
    /* The in-header size is valid only when written by a SQLite that keeps it (3.7.0 on):
     * the version-valid-for number equals the change counter. */
    if (be32(bytes + 92) == be32(bytes + 24))
        h->npages = be32(bytes + 28);
    return RM_OK;
}

/* A varint at p (at most 9 bytes, never past end); 0 when it runs past end. */
static size_t varint(const uint8_t *p, const uint8_t *end, uint64_t *v)
{
    uint64_t x = 0;
    for (size_t i = 0; i < 8; i++) {
        if (p + i >= end)
            return 0;
        x = (x << 7) | (p[i] & 0x7f);
        if (!(p[i] & 0x80)) {
            *v = x;
            return i + 1;
        }
    }
    if (p + 8 >= end)
        return 0;
    *v = (x << 8) | p[8];
    return 9;
}

/* Page numbers already read (b-tree and overflow pages alike): a file whose pointers meet a
 * page twice is declined rather than followed round a cycle. Open addressing; 0 is empty
 * (page numbers start at 1). */
typedef struct lite_seen {
    uint32_t *slots;
    size_t cap, n;
} lite_seen;

static bool seen_add(lite_seen *s, rm_arena *a, uint32_t pgno)
{
    if ((s->n + 1) * 2 > s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 256;
        uint32_t *slots = RM_NEW_ARRAY(a, uint32_t, cap);
        for (size_t i = 0; i < s->cap; i++) {
            if (!s->slots[i])
                continue;
            size_t k = (s->slots[i] * 2654435761u) & (cap - 1);
            while (slots[k])
                k = (k + 1) & (cap - 1);
            slots[k] = s->slots[i];
        }
        s->slots = slots;
        s->cap = cap;
    }
    size_t k = (pgno * 2654435761u) & (s->cap - 1);
    while (s->slots[k]) {
        if (s->slots[k] == pgno)
            return false;
        k = (k + 1) & (s->cap - 1);
    }
    s->slots[k] = pgno;
    s->n++;
    return true;
}

typedef struct lite_reader {
    const rm_lite_header *h;
    uint32_t npages;
    rm_lite_page_fn read_page;
    void *ctx;
    rm_arena *a;
    lite_seen seen;
    uint8_t *overflow;   /* one page, for overflow chains */
    uint8_t *payload;    /* a spilled payload reassembled */
    size_t payload_cap;
    /* the rows so far */
    const char **cells;
    size_t *lens;
    size_t nrows, cap;
    bool any_row;
    int64_t last_rowid;
    const char *why;
} lite_reader;

/* Read page pgno into buf, once per file: false (and why) when out of range, met before, or
 * unreadable. */
static bool read_once(lite_reader *r, uint32_t pgno, uint8_t *buf)
{
    if (pgno < 1 || pgno > r->npages) {
        r->why = "page number out of range";
        return false;
    }
    if (!seen_add(&r->seen, r->a, pgno)) {
        r->why = "a page is referenced twice";
        return false;
    }
    if (!r->read_page(r->ctx, pgno, buf)) {
        r->why = "cannot read a page";
        return false;
    }
    return true;
}

static const char *cell_text(lite_reader *r, const uint8_t *p, size_t n)
{
    char *s = rm_arena_alloc(r->a, n + 1);
    memcpy(s, p, n);
    s[n] = '\0';
    return s;
}

/* One schema record (5 columns: type, name, tbl_name, rootpage, sql) into the rows. */
static bool add_record(lite_reader *r, int64_t rowid, const uint8_t *rec, size_t len)
{
    if (r->any_row && rowid <= r->last_rowid) {
        r->why = "rowids out of order";
        return false;
    }
    r->any_row = true;
    r->last_rowid = rowid;
    const uint8_t *end = rec + len;
    uint64_t hdr_len;
    size_t k = varint(rec, end, &hdr_len);
    if (!k || hdr_len < k || hdr_len > len) {
        r->why = "bad record header";
        return false;
    }
    const uint8_t *hp = rec + k, *hend = rec + hdr_len, *body = hend;
    uint64_t types[5];
    size_t ncols = 0;
    while (hp < hend) {
        uint64_t t;
        size_t m = varint(hp, hend, &t);
        if (!m || ncols == 5) {
            r->why = "schema record does not have 5 columns";
            return false;
        }
        types[ncols++] = t;
        hp += m;
    }
    if (ncols != 5) {
        r->why = "schema record does not have 5 columns";
        return false;
    }
    if (r->nrows == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 64;
        const char **cells = RM_NEW_ARRAY(r->a, const char *, cap * 5);
        size_t *lens = RM_NEW_ARRAY(r->a, size_t, cap * 5);
        if (r->nrows) {
            memcpy(cells, r->cells, r->nrows * 5 * sizeof *cells);
            memcpy(lens, r->lens, r->nrows * 5 * sizeof *lens);
        }
        r->cells = cells;
        r->lens = lens;
        r->cap = cap;
    }
    const char **row = r->cells + r->nrows * 5;
    size_t *rlen = r->lens + r->nrows * 5;
    char num[24];
    int nn = snprintf(num, sizeof num, "%lld", (long long)rowid);
    row[0] = cell_text(r, (const uint8_t *)num, (size_t)nn);
    rlen[0] = (size_t)nn;
    /* Columns type, name, tbl_name, sql (the record's 0, 1, 2, 4) become cells 1-4; rootpage
     * (3) is skipped over. Only text or NULL: anything else SQLite would print differently. */
    static const size_t sizes[] = {0, 1, 2, 3, 4, 6, 8, 8, 0, 0};
    size_t out = 1;
    for (size_t c = 0; c < 5; c++) {
        uint64_t t = types[c];
        size_t n;
        if (t >= 12)
            n = (size_t)((t - 12) / 2);
        else if (t == 10 || t == 11) {
            r->why = "reserved serial type";
            return false;
        } else
            n = sizes[t];
        if (n > (size_t)(end - body)) {
            r->why = "record shorter than its header says";
            return false;
        }
        if (c != 3) {
            if (t == 0) {
                row[out] = NULL;
                rlen[out] = 0;
            } else if (t >= 13 && (t & 1)) {
                row[out] = cell_text(r, body, n);
                rlen[out] = n;
            } else {
                r->why = "a schema column that is neither text nor NULL";
                return false;
            }
            out++;
        }
        body += n;
    }
    r->nrows++;
    return true;
}

/* The payload of a leaf cell at p (cell end bound: the page's usable end). */
static bool leaf_cell(lite_reader *r, const uint8_t *p, const uint8_t *page_end)
{
    uint64_t plen, rowid;
    size_t k1 = varint(p, page_end, &plen);
    size_t k2 = k1 ? varint(p + k1, page_end, &rowid) : 0;
    if (!k2) {
        r->why = "cell runs past its page";
        return false;
    }
    if (plen > LITE_MAX_PAYLOAD) {
        r->why = "schema row too large";
        return false;
    }
    const uint8_t *local = p + k1 + k2;
    uint32_t u = r->h->usable;
    size_t x = u - 35, m = ((size_t)(u - 12) * 32 / 255) - 23;
    size_t nlocal = plen;
    if (plen > x) {
        size_t kk = m + (plen - m) % (u - 4);
        nlocal = kk <= x ? kk : m;
    }
    if (nlocal > (size_t)(page_end - local) ||
        (nlocal < plen && 4 > (size_t)(page_end - local - nlocal))) {
        r->why = "cell runs past its page";
        return false;
    }
    if (nlocal == plen)
        return add_record(r, (int64_t)rowid, local, (size_t)plen);
    /* Spilled: the local part, then each overflow page's U - 4 bytes after its next pointer. */
    if (plen > r->payload_cap) {
        r->payload = rm_arena_alloc(r->a, (size_t)plen);
        r->payload_cap = (size_t)plen;
    }
    memcpy(r->payload, local, nlocal);
    size_t have = nlocal;
    uint32_t next = be32(local + nlocal);
    while (have < plen) {
        if (!next) {
            r->why = "overflow chain ends early";
            return false;
        }
        if (!read_once(r, next, r->overflow))
            return false;
        size_t n = plen - have < u - 4 ? (size_t)(plen - have) : u - 4;
        memcpy(r->payload + have, r->overflow + 4, n);
        have += n;
        next = be32(r->overflow);
    }
    return add_record(r, (int64_t)rowid, r->payload, (size_t)plen);
}

/* One level of the walk: a page and the next of its cells to visit. */
typedef struct lite_level {
    uint8_t *buf;
    uint32_t hdr;   /* offset of the b-tree page header (100 on page 1) */
    uint32_t ncells;
    uint32_t next;  /* next cell; ncells = the right-most pointer */
    bool leaf;
} lite_level;

/* Check a page's header and cell count; false (and why) if it is not a table b-tree page. */
static bool open_level(lite_reader *r, lite_level *lv, uint32_t pgno)
{
    lv->hdr = pgno == 1 ? 100 : 0;
    const uint8_t *b = lv->buf + lv->hdr;
    if (b[0] != 0x0d && b[0] != 0x05) {
        r->why = "not a table b-tree page";
        return false;
    }
    lv->leaf = b[0] == 0x0d;
    lv->ncells = be16(b + 3);
    lv->next = 0;
    uint32_t ptrs = lv->hdr + (lv->leaf ? 8 : 12);
    if (ptrs + 2 * lv->ncells > r->h->usable) {
        r->why = "cell count too large for its page";
        return false;
    }
    return true;
}

int rm_lite_schema_rows(rm_rows **out, const rm_lite_header *h, uint32_t npages,
                        rm_lite_page_fn read_page, void *ctx, rm_arena *a, const char **why)
{
    *out = NULL;
    lite_reader r = {.h = h, .npages = npages, .read_page = read_page, .ctx = ctx, .a = a};
    if (h->npages && h->npages < r.npages)
        r.npages = h->npages;
    r.overflow = rm_arena_alloc(a, h->page_size);
    lite_level stack[LITE_MAX_DEPTH];
    size_t depth = 0;
    stack[0].buf = rm_arena_alloc(a, h->page_size);
    if (!read_once(&r, 1, stack[0].buf) || !open_level(&r, &stack[0], 1))
        return LITE_DECLINE(why, r.why);
    depth = 1;
    size_t nbufs = 1;
    while (depth > 0) {
        lite_level *lv = &stack[depth - 1];
        const uint8_t *page = lv->buf, *page_end = lv->buf + h->usable;
        const uint8_t *ptrs = page + lv->hdr + (lv->leaf ? 8 : 12);
        if (lv->leaf) {
            for (uint32_t i = 0; i < lv->ncells; i++) {
                uint32_t off = be16(ptrs + 2 * i);
                if (off < lv->hdr + 8 + 2 * lv->ncells || off >= h->usable) {
                    r.why = "cell pointer out of range";
                    return LITE_DECLINE(why, r.why);
                }
                if (!leaf_cell(&r, page + off, page_end))
                    return LITE_DECLINE(why, r.why);
            }
            depth--;
            continue;
        }
        if (lv->next > lv->ncells) {
            depth--;
            continue;
        }
        uint32_t child;
        if (lv->next == lv->ncells) {
            child = be32(page + lv->hdr + 8);
        } else {
            uint32_t off = be16(ptrs + 2 * lv->next);
            if (off < lv->hdr + 12 + 2 * lv->ncells || off + 4 > h->usable) {
                r.why = "cell pointer out of range";
                return LITE_DECLINE(why, r.why);
            }
            child = be32(page + off);
        }
        lv->next++;
        if (depth == LITE_MAX_DEPTH)
            return LITE_DECLINE(why, "b-tree deeper than SQLite makes them");
        lite_level *down = &stack[depth];
        if (depth >= nbufs) {
            down->buf = rm_arena_alloc(a, h->page_size);
            nbufs = depth + 1;
        }
        if (!read_once(&r, child, down->buf) || !open_level(&r, down, child))
            return LITE_DECLINE(why, r.why);
        depth++;
    }
    rm_rows *rows = rm_lite_schema_empty(a);
    if (r.nrows) {
        rows->nrows = r.nrows;
        rows->cells = r.cells;
        rows->lens = r.lens;
    }
    *out = rows;
    return RM_OK;
}

bool rm_lite_image_page(void *image, uint32_t pgno, uint8_t *buf)
{
    const rm_lite_image *f = image;
    size_t at = (size_t)(pgno - 1) * f->page_size;
    if (pgno < 1 || at + f->page_size > f->len)
        return false;
    memcpy(buf, f->bytes + at, f->page_size);
    return true;
}

rm_rows *rm_lite_schema_empty(rm_arena *a)
{
    static const char *const names[] = {"rowid", "type", "name", "tbl_name", "sql"};
    rm_rows *rows = RM_NEW(a, rm_rows);
    rows->ncols = 5;
    rows->names = RM_NEW_ARRAY(a, const char *, 5);
    for (size_t i = 0; i < 5; i++)
        rows->names[i] = names[i];
    rows->cells = RM_NEW_ARRAY(a, const char *, 1);
    rows->lens = RM_NEW_ARRAY(a, size_t, 1);
    return rows;
}
