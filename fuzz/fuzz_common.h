/*
 * What every libFuzzer target of fuzz/ shares: turning the fuzzer's bytes into one rm_source
 * and rendering diagnostics (the renderer is itself fuzzed that way, on every input: code
 * frames over arbitrary bytes). Not for test helpers (tests/support) or anything the product
 * links: only fuzz/ includes it.
 */
#ifndef RELMIG_FUZZ_COMMON_H
#define RELMIG_FUZZ_COMMON_H

#include "util/diag.h"
#include "util/diag_render.h"
#include "util/sb.h"
#include "util/source.h"

#include <stddef.h>
#include <stdint.h>

/* libFuzzer's entry point, declared here because targets are compiled with -Wmissing-prototypes. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Render d both ways (text with code frames, JSON) and drop the text: the renderer must cope
 * with any location into any bytes. */
static inline void rm_fuzz_render_diags(const rm_sources *srcs, const rm_diags *d)
{
    rm_sb sb = RM_SB_INIT;
    rm_render_opts opts = {.color = true, .code_frame = true};
    rm_diags_render_text(&sb, srcs, d, &opts);
    rm_diags_render_json(&sb, srcs, d);
    rm_diags_render_summary(&sb, d);
    rm_sb_free(&sb);
}

#endif
