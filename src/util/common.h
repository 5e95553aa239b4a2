/*
 * Definitions every relmig module shares: the status codes fallible functions return, a few
 * attribute macros, and array helpers. Not for anything with state or I/O.
 */
#ifndef RELMIG_UTIL_COMMON_H
#define RELMIG_UTIL_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Status codes. Details of a failure always go to an rm_diags list; the code says only
 * which class of failure it was, so callers can branch without parsing messages. */
typedef enum rm_code {
    RM_OK = 0,
    RM_ERR = -1,           /* see diagnostics */
    RM_ENOTFOUND = -2,     /* file, table, driver, migration */
    RM_ESYNTAX = -3,       /* tokenizer/parser */
    RM_ESEMANTIC = -4,     /* validation */
    RM_EUNSUPPORTED = -5,  /* a dialect cannot express something */
    RM_EDB = -6,           /* database driver failure */
    RM_ECONFLICT = -7,     /* drift, checksum mismatch, lock held */
    RM_EIO = -8,           /* file system */
    RM_EUSAGE = -9         /* bad command line */
} rm_code;

#if defined(__GNUC__) || defined(__clang__)
#define RM_PRINTF(fmt_idx, args_idx) __attribute__((format(printf, fmt_idx, args_idx)))
#define RM_NORETURN __attribute__((noreturn))
#else
#define RM_PRINTF(fmt_idx, args_idx)
#define RM_NORETURN
#endif

#define RM_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Out of memory is not a condition relmig recovers from (short-lived CLI): print one line
 * and abort, in one place. Every raw allocation in the code base goes through these. */
RM_NORETURN void rm_oom(size_t size);
void *rm_xmalloc(size_t size);
void *rm_xcalloc(size_t n, size_t size);
void *rm_xrealloc(void *p, size_t size);

#endif
