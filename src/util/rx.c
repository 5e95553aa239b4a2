/*
 * pcre2 behind rm_rx: one compiled code, one match-data block and one match context per
 * pattern. Not for anything but matching; callers do their own substitution and splitting.
 */
#include "util/rx.h"

#include <pcre2.h>
#include <stdlib.h>

struct rm_rx {
    pcre2_code *code;
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    bool jit; /* JIT-compiled: match with pcre2_jit_match */
};

rm_rx *rm_rx_new(const char *pattern)
{
    int errcode = 0;
    PCRE2_SIZE erroff = 0;
    rm_rx *rx = NULL;
    int jit;
    pcre2_code *code =
        pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, 0, &errcode, &erroff, NULL);
    if (code == NULL)
        return NULL;
    /* JIT: several times faster per match; without it (platform, or pcre2 built without JIT)
     * rm_rx_match uses the interpreter. */
    jit = pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
    rx = rm_xcalloc(1, sizeof(*rx));
    rx->code = code;
    rx->jit = jit == 0;
    rx->md = pcre2_match_data_create_from_pattern(code, NULL);
    rx->mctx = pcre2_match_context_create(NULL);
    if (rx->md == NULL || rx->mctx == NULL)
        rm_oom(0);
    pcre2_set_match_limit(rx->mctx, RM_RX_MATCH_LIMIT);
    pcre2_set_depth_limit(rx->mctx, RM_RX_DEPTH_LIMIT);
    return rx;
}

void rm_rx_free(rm_rx *rx)
{
    if (rx == NULL)
        return;
    pcre2_match_context_free(rx->mctx);
    pcre2_match_data_free(rx->md);
    pcre2_code_free(rx->code);
    free(rx);
}

int rm_rx_match(rm_rx *rx, const char *subj, size_t len, size_t start, size_t *caps, size_t ncaps)
{
    int rc;
    PCRE2_SIZE *ov;
    size_t i;
    if (start > len)
        return 0;
    /* pcre2 wants a non-NULL subject even when it is empty. pcre2_jit_match is the JIT fast
     * path (no option checks); without JIT code it answers PCRE2_ERROR_JIT_BADOPTION. */
    rc = rx->jit ? pcre2_jit_match(rx->code, (PCRE2_SPTR)(subj ? subj : ""), len, start, 0, rx->md,
                                   rx->mctx)
                 : pcre2_match(rx->code, (PCRE2_SPTR)(subj ? subj : ""), len, start, 0, rx->md,
                               rx->mctx);
    if (rc == PCRE2_ERROR_NOMATCH)
        return 0;
    if (rc < 0)
        return -1;
    ov = pcre2_get_ovector_pointer(rx->md);
    for (i = 0; i < ncaps; i++) {
        if ((int)i < rc && ov[2 * i] != PCRE2_UNSET) {
            caps[2 * i] = ov[2 * i];
            caps[2 * i + 1] = ov[2 * i + 1];
        } else {
            caps[2 * i] = SIZE_MAX;
            caps[2 * i + 1] = SIZE_MAX;
        }
    }
    return rc == 0 ? 1 : rc;
}

bool rm_rx_test(rm_rx *rx, const char *subj, size_t len)
{
    return rm_rx_match(rx, subj, len, 0, NULL, 0) > 0;
}
