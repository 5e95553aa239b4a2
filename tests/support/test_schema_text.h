/*
 * Reading the SQL schemas of the differ's golden pairs (tests/golden/diff/<case>/from|to...
 * .schema, the fixture text form of src/sqlschema/text.c), shared by the differ's golden,
 * streaming and round-trip tests. Test code only.
 */
#ifndef RELMIG_TESTS_TEST_SCHEMA_TEXT_H
#define RELMIG_TESTS_TEST_SCHEMA_TEXT_H

#include "dialects/dialect.h"
#include "sqlschema/text.h"
#include "testutil.h"
#include "util/source.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

/* Load dir/<base>.<dialect>.schema, else dir/<base>.schema, into out (sources kept in srcs).
 * A missing file gives the empty schema and returns !required (printing the path when it was
 * required); a parse error prints the diagnostics and returns false. */
static inline bool rm_test_load_schema_text(rm_sqlschema *out, const char *dir, const char *base,
                                            const rm_dialect *d, bool required, rm_sources *srcs,
                                            rm_arena *a)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s.%s.schema", dir, base, d->name);
    size_t len = 0;
    char *text = rm_test_read_file(path, &len);
    if (!text) {
        snprintf(path, sizeof path, "%s/%s.schema", dir, base);
        text = rm_test_read_file(path, &len);
    }
    rm_sqlschema_init(out, a);
    if (!text) {
        if (required)
            printf("missing %s\n", path);
        return !required;
    }
    rm_source *src = rm_sources_add(srcs, path, text, len);
    free(text);
    rm_diags diags;
    rm_diags_init(&diags);
    int rc = rm_sqlschema_parse_text(out, src, d, a, &diags);
    if (rc != RM_OK)
        rm_test_print_diags(srcs, &diags);
    rm_diags_free(&diags);
    return rc == RM_OK;
}

#endif
