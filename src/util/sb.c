/*
 * rm_sb implementation. Growth doubles; the cap is checked before every growth so a hostile
 * input cannot make an emitter allocate without bound.
 */
#include "util/sb.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void rm_sb_init(rm_sb *sb, size_t max)
{
    sb->buf = NULL;
    sb->len = 0;
    sb->cap = 0;
    sb->max = max;
    sb->err = RM_OK;
}

void rm_sb_free(rm_sb *sb)
{
    free(sb->buf);
    rm_sb_init(sb, sb->max);
}

void rm_sb_reset(rm_sb *sb)
{
    sb->len = 0;
    if (sb->buf)
        sb->buf[0] = '\0';
    sb->err = RM_OK;
}

char *rm_sb_detach(rm_sb *sb)
{
    char *p = sb->buf;
    if (!p) {
        p = rm_xmalloc(1);
        p[0] = '\0';
    }
    sb->buf = NULL;
    sb->len = sb->cap = 0;
    return p;
}

const char *rm_sb_str(const rm_sb *sb)
{
    return sb->buf ? sb->buf : "";
}

int rm_sb_error(const rm_sb *sb)
{
    return sb->err;
}

/* Make room for n more bytes plus the NUL. Returns false (and sets the sticky error). */
static bool reserve(rm_sb *sb, size_t n)
{
    if (sb->err)
        return false;
    if (n > SIZE_MAX - sb->len - 1 || (sb->max && sb->len + n > sb->max)) {
        sb->err = RM_ERR;
        return false;
    }
    size_t need = sb->len + n + 1;
    if (need <= sb->cap)
        return true;
    size_t cap = sb->cap ? sb->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    sb->buf = rm_xrealloc(sb->buf, cap);
    sb->cap = cap;
    return true;
}

void rm_sb_append_slow(rm_sb *sb, const char *s, size_t n)
{
    if (!reserve(sb, n))
        return;
    if (n)
        memcpy(sb->buf + sb->len, s, n);
    sb->len += n;
    sb->buf[sb->len] = '\0';
}


void rm_sb_vappendf(rm_sb *sb, const char *fmt, va_list ap)
{
    if (sb->err)
        return;
    /* Format straight into the free space; only text that does not fit is formatted again
     * after growing. The emitters append hundreds of thousands of short pieces, so measuring
     * every one first would format everything twice. */
    va_list ap2;
    va_copy(ap2, ap);
    size_t room = sb->cap > sb->len ? sb->cap - sb->len : 0;
    int n = vsnprintf(room ? sb->buf + sb->len : NULL, room, fmt, ap);
    if (n < 0) {
        sb->err = RM_ERR;
    } else if ((size_t)n < room) {
        if (sb->max && sb->len + (size_t)n > sb->max) {
            sb->buf[sb->len] = '\0';
            sb->err = RM_ERR;
        } else {
            sb->len += (size_t)n;
        }
    } else if (reserve(sb, (size_t)n)) {
        vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap2);
        sb->len += (size_t)n;
    } else if (room) {
        sb->buf[sb->len] = '\0'; /* undo the truncated attempt */
    }
    va_end(ap2);
}

void rm_sb_appendf(rm_sb *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rm_sb_vappendf(sb, fmt, ap);
    va_end(ap);
}

void rm_sb_pad(rm_sb *sb, char c, size_t n)
{
    if (!reserve(sb, n))
        return;
    memset(sb->buf + sb->len, c, n);
    sb->len += n;
    sb->buf[sb->len] = '\0';
}

void rm_sb_put_uint(rm_sb *sb, unsigned long long v)
{
    char buf[24];
    size_t i = sizeof buf;
    do {
        buf[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    rm_sb_append(sb, buf + i, sizeof buf - i);
}

void rm_sb_truncate(rm_sb *sb, size_t new_len)
{
    if (new_len < sb->len) {
        sb->len = new_len;
        sb->buf[new_len] = '\0';
    }
}

/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0 if it is not valid. */
static size_t utf8_seq_len(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    size_t len;
    uint32_t cp;
    if (c < 0x80)
        return 1;
    if (c >= 0xc2 && c <= 0xdf) {
        len = 2;
        cp = c & 0x1fu;
    } else if (c >= 0xe0 && c <= 0xef) {
        len = 3;
        cp = c & 0x0fu;
    } else if (c >= 0xf0 && c <= 0xf4) {
        len = 4;
        cp = c & 0x07u;
    } else {
        return 0;
    }
    if (len > n)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3fu);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
        (len == 4 && (cp < 0x10000 || cp > 0x10ffff)))
        return 0;
    return len;
}

void rm_sb_json_string(rm_sb *sb, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    rm_sb_putc(sb, '"');
    size_t i = 0;
    while (i < n) {
        unsigned char c = p[i];
        switch (c) {
        case '"':
            rm_sb_puts(sb, "\\\"");
            i++;
            continue;
        case '\\':
            rm_sb_puts(sb, "\\\\");
            i++;
            continue;
        case '\n':
            rm_sb_puts(sb, "\\n");
            i++;
            continue;
        case '\r':
            rm_sb_puts(sb, "\\r");
            i++;
            continue;
        case '\t':
            rm_sb_puts(sb, "\\t");
            i++;
            continue;
        default:
            break;
        }
        if (c < 0x20 || c == 0x7f) {
            rm_sb_appendf(sb, "\\u%04x", c);
            i++;
            continue;
        }
        size_t len = utf8_seq_len(p + i, n - i);
        if (len == 0) {
            rm_sb_puts(sb, "\\ufffd");
            i++;
            continue;
        }
        rm_sb_append(sb, s + i, len);
        i += len;
    }
    rm_sb_putc(sb, '"');
}
