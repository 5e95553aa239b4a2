/*
 * libFuzzer target: src/db/lite_btree.c, the reader of sqlite_master's rows from a database
 * file's own pages (compiled into this target directly: it is pure, relmig_db would link the
 * client libraries). The input is the whole file, served page by page from memory; the file
 * comes from someone else, so any bytes must be read or declined without a crash, an overread
 * or a hang. Read rows must be what the reader promises: five cells, a rowid in decimal,
 * strictly increasing. Not for: whether the rows equal SQLite's (test_lite_btree).
 */
#include "db/lite_btree.h"
#include "fuzz_common.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 100)
        return 0;
    rm_lite_header h;
    const char *why = NULL;
    if (rm_lite_header_read(&h, data, &why) != RM_OK) {
        if (!why)
            __builtin_trap();
        return 0;
    }
    rm_lite_image f = {data, size, h.page_size};
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_rows *rows = NULL;
    int rc = rm_lite_schema_rows(&rows, &h, (uint32_t)(size / h.page_size), rm_lite_image_page, &f, &a,
                                 &why);
    if (rc == RM_OK) {
        if (!rows || rows->ncols != 5)
            __builtin_trap();
        long long last = 0;
        for (size_t i = 0; i < rows->nrows; i++) {
            const char *rowid = rows->cells[i * 5];
            if (!rowid)
                __builtin_trap();
            long long v = strtoll(rowid, NULL, 10);
            if (i > 0 && v <= last)
                __builtin_trap();
            last = v;
            for (size_t k = 1; k < 5; k++)
                if (rows->cells[i * 5 + k] && rows->cells[i * 5 + k][rows->lens[i * 5 + k]] != 0)
                    __builtin_trap();
        }
    } else if (rc != RM_EUNSUPPORTED || !why) {
        __builtin_trap();
    }
    rm_arena_free(&a);
    return 0;
}
