/*
 * libFuzzer target: the Cerial parser and validator (src/parser/cerial_*.c) on arbitrary
 * bytes, split into up to eight .cerial files of one namespace at RM_FUZZ_MARK lines (the
 * name pre-pass runs over all files). Finds crashes, overreads, leaks and pathological regex
 * backtracking (a timeout); not whether the result is right. Seeds: shared/corpus/cerial.
 */
#include "fuzz_common.h"
#include "fuzz_split.h"
#include "parser/cerial.h"

#include <stdio.h>

/* Compiling the patterns costs far more than one parse: once per process, freed never
 * (reachable, so not a leak). */
static rm_cerial_ctx *fuzz_ctx;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!fuzz_ctx)
        fuzz_ctx = rm_cerial_ctx_new();
    rm_fuzz_part parts[RM_FUZZ_MAX_PARTS];
    size_t nparts = rm_fuzz_split(parts, (const char *)data, size);
    rm_sources srcs;
    rm_sources_init(&srcs);
    uint32_t files[RM_FUZZ_MAX_PARTS];
    size_t nfiles = 0;
    for (size_t i = 0; i < nparts; i++) {
        char name[32];
        snprintf(name, sizeof name, "f%zu.cerial", i);
        const rm_source *src = rm_sources_add(&srcs, name, parts[i].text, parts[i].len);
        if (src)
            files[nfiles++] = src->id;
    }
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_diags d;
    rm_diags_init(&d);
    rm_cerial_schema *resolved = NULL;
    rm_cerial_opts opts = {.strict = (size & 1) != 0};
    rm_cerial_check(&resolved, fuzz_ctx, &srcs, files, nfiles, &opts, &a, &d);
    rm_fuzz_render_diags(&srcs, &d);
    rm_diags_free(&d);
    rm_arena_free(&a);
    rm_sources_free(&srcs);
    return 0;
}
