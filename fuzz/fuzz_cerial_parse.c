/*
 * libFuzzer target: the Cerial parser and validator (src/parser/cerial_*.c) on arbitrary
 * bytes, split into up to eight .cerial files of one namespace at RM_FUZZ_MARK lines (the
 * name pre-pass runs over all files). Finds crashes, overreads, leaks and pathological regex
 * backtracking (a timeout); not whether the result is right, except for one thing: the parser's
 * fast paths must give what pcre2 gives, so every input is also checked with them off and the
 * two results (AST dump and diagnostics) must be equal, else it aborts. Seeds:
 * shared/corpus/cerial.
 */
#include "fuzz_common.h"
#include "fuzz_split.h"
#include "parser/cerial.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Compiling the patterns costs far more than one parse: once per process, freed never
 * (reachable, so not a leak). */
static rm_cerial_ctx *fuzz_ctx, *fuzz_slow_ctx;

/* Parse + validate with ctx; the AST dump and the diagnostics into out. */
static void run_dump(rm_sb *out, rm_cerial_ctx *ctx, rm_sources *srcs, const uint32_t *files,
                     size_t nfiles, const rm_cerial_opts *opts, rm_diags *d)
{
    rm_arena a;
    rm_cerial_schema *raw = NULL, *res = NULL;
    rm_arena_init(&a, 0);
    rm_cerial_parse(&raw, ctx, srcs, files, nfiles, &a, d);
    rm_cerial_schema_dump(out, raw);
    if (d->nerrors == 0) {
        rm_cerial_validate(&res, raw, opts, &a, d);
        rm_cerial_schema_dump(out, res);
    }
    for (size_t i = 0; i < d->n; i++)
        rm_sb_appendf(out, "%d %u %u:%u+%u %s|%s\n", (int)d->items[i]->sev,
                      (unsigned)d->items[i]->id, (unsigned)d->items[i]->loc.file,
                      (unsigned)d->items[i]->loc.off, (unsigned)d->items[i]->loc.len,
                      d->items[i]->msg, d->items[i]->detail ? d->items[i]->detail : "-");
    rm_arena_free(&a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!fuzz_ctx) {
        fuzz_ctx = rm_cerial_ctx_new();
        fuzz_slow_ctx = rm_cerial_ctx_new();
        rm_cerial_ctx_set_fast(fuzz_slow_ctx, false);
    }
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
    {
        rm_sb fast = RM_SB_INIT, slow = RM_SB_INIT;
        rm_diags d1, d2;
        rm_diags_init(&d1);
        rm_diags_init(&d2);
        run_dump(&fast, fuzz_ctx, &srcs, files, nfiles, &opts, &d1);
        run_dump(&slow, fuzz_slow_ctx, &srcs, files, nfiles, &opts, &d2);
        if (fast.len != slow.len || memcmp(rm_sb_str(&fast), rm_sb_str(&slow), fast.len) != 0) {
            fprintf(stderr, "fast and slow Cerial paths differ\n--- fast\n%s--- slow\n%s",
                    rm_sb_str(&fast), rm_sb_str(&slow));
            abort();
        }
        rm_sb_free(&fast);
        rm_sb_free(&slow);
        rm_diags_free(&d1);
        rm_diags_free(&d2);
    }
    rm_arena_free(&a);
    rm_sources_free(&srcs);
    return 0;
}
