/*
 * libFuzzer target: src/db/lite_ddl.c, the reader of the CREATE TABLE / CREATE INDEX text that
 * SQLite keeps in sqlite_master (compiled into this target directly, as fuzz_dburl does with
 * url.c: relmig_db links the client libraries). That text comes from a database file someone
 * else wrote, so any bytes must be read without a crash, an overread or a hang. The input (cut
 * at the first NUL, as a column of sqlite_master would be) is read as a table and as an index;
 * an accepted table must be self-consistent: key positions within the columns, every
 * automatic index on existing columns, every foreign key with as many target columns as
 * source columns. Not for: whether the reading matches SQLite's (test_introspect_lite_ddl_diff).
 */
#include "db/lite_ddl.h"
#include "fuzz_common.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_lite_table t;
    if (rm_lite_ddl_table(&t, text, &a) == RM_OK) {
        if (t.ncols == 0)
            __builtin_trap();
        for (size_t i = 0; i < t.ncols; i++)
            if (!t.cols[i].name || !t.cols[i].type || t.cols[i].pk > t.ncols ||
                rm_lite_ddl_column(&t, t.cols[i].name) < 0)
                __builtin_trap();
        for (size_t i = 0; i < t.nautos; i++)
            for (size_t k = 0; k < t.autos[i].ncols; k++)
                if (t.autos[i].cols[k] >= t.ncols)
                    __builtin_trap();
        for (size_t i = 0; i < t.nfks; i++)
            for (size_t k = 0; k < t.fks[i].n; k++)
                if (!t.fks[i].from[k] || !t.fks[i].table)
                    __builtin_trap();
    }
    rm_lite_index ix;
    if (rm_lite_ddl_index(&ix, text, &a) == RM_OK && (!ix.table || ix.ncols == 0))
        __builtin_trap();
    rm_arena_free(&a);
    free(text);
    return 0;
}
