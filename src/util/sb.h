/*
 * String builder with a sticky error: once an append fails (size cap exceeded), every later
 * append is a no-op and rm_sb_error() says so, so emitters can build a whole statement and check
 * once at the end. The buffer is always NUL-terminated. Owns malloc'd memory (not an arena) so
 * long SQL scripts can grow and be handed to a driver or written out.
 */
#ifndef RELMIG_UTIL_SB_H
#define RELMIG_UTIL_SB_H

#include "util/common.h"

#include <stdarg.h>
#include <string.h>

typedef struct rm_sb {
    char *buf;   /* NUL-terminated; NULL until the first append */
    size_t len;  /* bytes before the NUL */
    size_t cap;  /* allocated bytes */
    size_t max;  /* 0 = unlimited; else appends that would exceed it fail */
    int err;     /* sticky: RM_OK or the first failure's code */
} rm_sb;

#define RM_SB_INIT {NULL, 0, 0, 0, RM_OK}

void rm_sb_init(rm_sb *sb, size_t max);
void rm_sb_free(rm_sb *sb);
/* Empty the builder but keep its memory; clears the sticky error. */
void rm_sb_reset(rm_sb *sb);
/* Hand the buffer to the caller (free() it); the builder is left empty. Never NULL. */
char *rm_sb_detach(rm_sb *sb);
/* The current text; "" when empty. Borrowed; valid until the next append. */
const char *rm_sb_str(const rm_sb *sb);
int rm_sb_error(const rm_sb *sb);

/* Growing, the size cap and the sticky error; the inline appends below call it only when the
 * text does not fit in the free space. */
void rm_sb_append_slow(rm_sb *sb, const char *s, size_t n);

/* The emitters and renderers append hundreds of thousands of short pieces (a quote, a name,
 * ", "): the common case, room left and no cap or error, is a copy without a call. */
static inline void rm_sb_append(rm_sb *sb, const char *s, size_t n)
{
    if (sb->err == RM_OK && sb->max == 0 && n < sb->cap - sb->len) {
        if (n)
            memcpy(sb->buf + sb->len, s, n);
        sb->len += n;
        sb->buf[sb->len] = '\0';
        return;
    }
    rm_sb_append_slow(sb, s, n);
}

/* q, then s (n bytes), then q: a quoted name without a quote inside. */
static inline void rm_sb_wrap(rm_sb *sb, char q, const char *s, size_t n)
{
    if (sb->err == RM_OK && sb->max == 0 && n + 2 < sb->cap - sb->len) {
        char *p = sb->buf + sb->len;
        p[0] = q;
        memcpy(p + 1, s, n);
        p[n + 1] = q;
        sb->len += n + 2;
        sb->buf[sb->len] = '\0';
        return;
    }
    rm_sb_append_slow(sb, &q, 1);
    rm_sb_append_slow(sb, s, n);
    rm_sb_append_slow(sb, &q, 1);
}

static inline void rm_sb_puts(rm_sb *sb, const char *s)
{
    rm_sb_append(sb, s, strlen(s));
}

static inline void rm_sb_putc(rm_sb *sb, char c)
{
    rm_sb_append(sb, &c, 1);
}

void rm_sb_appendf(rm_sb *sb, const char *fmt, ...) RM_PRINTF(2, 3);
void rm_sb_vappendf(rm_sb *sb, const char *fmt, va_list ap) RM_PRINTF(2, 0);
/* Append v in decimal (what "%u" would write, without a printf per number). */
void rm_sb_put_uint(rm_sb *sb, unsigned long long v);
/* Append n copies of c. */
void rm_sb_pad(rm_sb *sb, char c, size_t n);
/* Append s (n bytes) as a JSON string literal, quotes included. Invalid UTF-8 bytes become
 * U+FFFD so the output is always valid JSON. */
void rm_sb_json_string(rm_sb *sb, const char *s, size_t n);
/* Drop trailing bytes so that len becomes new_len (new_len <= len). */
void rm_sb_truncate(rm_sb *sb, size_t new_len);

#endif
