/*
 * libFuzzer target: the pure parts of src/db (url.c, params.c, dberr.c, compiled into this
 * target directly: relmig_db links the client libraries, which a fuzzer does not need). The
 * input is the URL text (cut at the first NUL, as a C string from the command line would be):
 * parse, format plain and redacted, re-parse the plain form (which must parse again and format
 * the same: a URL relmig prints must be one it reads), redact the raw text, scrub the input as
 * a message, and the same bytes as a SQL text for the $n -> ? rewriting. Not the drivers.
 */
#include "db/db.h"
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
    rm_dberr err;
    rm_dberr_clear(&err);
    rm_dburl u;
    if (rm_dburl_parse(&u, text, &a, &err) == RM_OK) {
        char *plain = rm_dburl_format(&u, false, &a);
        char *red = rm_dburl_format(&u, true, &a);
        (void)red;
        rm_dburl copy, again;
        rm_dburl_copy(&copy, &u, &a);
        rm_dberr err2;
        rm_dberr_clear(&err2);
        if (rm_dburl_parse(&again, plain, &a, &err2) != RM_OK)
            __builtin_trap(); /* relmig printed a URL it cannot read back */
        if (strcmp(rm_dburl_format(&again, false, &a), plain) != 0)
            __builtin_trap(); /* formatting is not stable */
        rm_dburl_param_get(&u, "schema");
    }
    rm_dburl_redact(text, &a);
    char buf[RM_DBERR_TEXT_MAX];
    size_t n = size < sizeof buf - 1 ? size : sizeof buf - 1;
    memcpy(buf, text, n);
    buf[n] = '\0';
    rm_db_scrub_secret(buf, sizeof buf, size > 3 ? text + size / 2 : NULL);
    rm_dberr_set(&err, RM_DBERR_STATEMENT, "42000", 1, "pw", text, text);
    char *sql = NULL;
    uint32_t *order = NULL;
    size_t norder = 0;
    rm_db_params_to_qmarks(&sql, &order, &norder, text, &a, &err);
    rm_arena_free(&a);
    free(text);
    return 0;
}
