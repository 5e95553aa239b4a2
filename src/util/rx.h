/*
 * A thin wrapper around pcre2 (8-bit): compile a pattern once, match it many times with bounded
 * work. It exists so that only this file and the Cerial parser include pcre2.h, and so that every
 * match runs under a match limit (hostile input cannot make a pattern backtrack for minutes).
 * Not for Unicode-aware matching: \w and \s are ASCII, as in the JavaScript patterns they mirror
 * for the characters that matter (identifiers, blanks).
 */
#ifndef RELMIG_UTIL_RX_H
#define RELMIG_UTIL_RX_H

#include "util/common.h"

typedef struct rm_rx rm_rx;

/* Match limits applied to every rm_rx_match call (pcre2 match and depth limits). */
#define RM_RX_MATCH_LIMIT 200000u
#define RM_RX_DEPTH_LIMIT 10000u

/* Compile pattern (NUL-terminated, pcre2 syntax, no flags). Returns NULL when the pattern does
 * not compile: patterns are constants of the program, so that is a programming error the caller
 * asserts on. The caller owns the result; release it with rm_rx_free. */
rm_rx *rm_rx_new(const char *pattern);
void rm_rx_free(rm_rx *rx);

/* Match rx against subj[0..len) starting at byte start. On a match returns the number of
 * capture pairs filled (>= 1) and stores for each group i < ncaps the byte range
 * caps[2i]..caps[2i+1] (both SIZE_MAX when the group did not participate). Returns 0 for no
 * match and a negative value when the match limit was hit or pcre2 failed (treat as no match
 * and, if it matters, report it). The match data lives in rx, so rx is not shared between
 * threads. */
int rm_rx_match(rm_rx *rx, const char *subj, size_t len, size_t start, size_t *caps, size_t ncaps);

/* Convenience: does rx match anywhere in subj[0..len)? */
bool rm_rx_test(rm_rx *rx, const char *subj, size_t len);

#endif
