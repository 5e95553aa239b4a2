/*
 * Splitting one fuzz input into several named parts at a marker line, so that one byte string
 * can stand for several files (a Cerial namespace over files, a migrations folder). The marker
 * is in the dictionaries, so the fuzzer finds it quickly; seeds without it are one part. Only
 * fuzz/ and tests/unit/test_fuzz_regressions.c (which replays inputs the same way) use it.
 */
#ifndef RELMIG_FUZZ_SPLIT_H
#define RELMIG_FUZZ_SPLIT_H

#include <stddef.h>
#include <string.h>

#define RM_FUZZ_MARK "\n//@@file\n"
#define RM_FUZZ_MAX_PARTS 8

typedef struct rm_fuzz_part {
    const char *text;
    size_t len;
} rm_fuzz_part;

/* Split data at each RM_FUZZ_MARK into at most RM_FUZZ_MAX_PARTS parts (the last one takes
 * the rest, markers included). Parts point into data. Returns the number of parts (>= 1). */
static inline size_t rm_fuzz_split(rm_fuzz_part *parts, const char *data, size_t len)
{
    const size_t mlen = sizeof RM_FUZZ_MARK - 1;
    size_t n = 0, start = 0;
    for (size_t i = 0; n + 1 < RM_FUZZ_MAX_PARTS && i + mlen <= len; i++) {
        if (memcmp(data + i, RM_FUZZ_MARK, mlen) == 0) {
            parts[n].text = data + start;
            parts[n++].len = i - start;
            start = i + mlen;
            i = start - 1;
        }
    }
    parts[n].text = data + start;
    parts[n++].len = len - start;
    return n;
}

#endif
