/*
 * Database connection URLs: parsing, rendering (optionally redacted), textual redaction of URLs
 * that do not parse, and scrubbing a secret out of client-library messages.
 *
 * Pure: no client library, no I/O, no globals, so tests/unit/test_db_url.c compiles this file
 * directly. Not for deciding how to connect (each driver maps rm_dburl to its library's
 * options) and not for printing.
 *
 * The grammar is the common subset of what libpq, Prisma and the MariaDB connectors accept
 * (see the comment on rm_dburl_parse in db.h). Lenient where real URLs are sloppy: the userinfo
 * ends at the LAST '@' before the query, so an unencoded '@' or '/' in a password still works.
 */
#include "db/db.h"

#include "util/sb.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
    const char *scheme;
    rm_db_kind kind;
} rm_url_schemes[] = {
    {"postgresql", RM_DB_POSTGRES}, {"postgres", RM_DB_POSTGRES}, {"mysql", RM_DB_MYSQL},
    {"mariadb", RM_DB_MYSQL},       {"sqlite", RM_DB_SQLITE},     {"file", RM_DB_SQLITE},
};

const char *rm_db_kind_name(rm_db_kind kind)
{
    switch (kind) {
    case RM_DB_POSTGRES:
        return "postgresql";
    case RM_DB_MYSQL:
        return "mysql";
    case RM_DB_SQLITE:
        return "sqlite";
    case RM_DB_NONE:
        break;
    }
    return "none";
}

/* ASCII-only case folding: URLs are ASCII in their syntax, and the C library's tolower
 * depends on the locale. */
static char rm_url_lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

static bool rm_url_ieq(const char *a, size_t n, const char *b)
{
    if (strlen(b) != n)
        return false;
    for (size_t i = 0; i < n; i++) {
        if (rm_url_lower(a[i]) != rm_url_lower(b[i]))
            return false;
    }
    return true;
}

/* Query keys whose values are secrets. */
static bool rm_url_secret_key(const char *k, size_t n)
{
    static const char *const keys[] = {"password", "pass", "pwd", "sslpassword"};
    for (size_t i = 0; i < RM_ARRAY_LEN(keys); i++) {
        if (rm_url_ieq(k, n, keys[i]))
            return true;
    }
    return false;
}

static int rm_url_hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = rm_url_lower(c);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/* Percent-decode s[0..n) into the arena. Returns NULL on a malformed escape or an encoded NUL
 * (a NUL would silently truncate the value when handed to a C library). */
static char *rm_url_decode(rm_arena *a, const char *s, size_t n)
{
    char *out = rm_arena_alloc(a, n + 1);
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '%') {
            out[o++] = s[i];
            continue;
        }
        if (i + 2 >= n)
            return NULL;
        int hi = rm_url_hexval(s[i + 1]);
        int lo = rm_url_hexval(s[i + 2]);
        if (hi < 0 || lo < 0 || (hi == 0 && lo == 0))
            return NULL;
        out[o++] = (char)(hi * 16 + lo);
        i += 2;
    }
    out[o] = '\0';
    return out;
}

/* Append s percent-encoded: everything but RFC 3986 unreserved characters (plus the extra
 * characters in keep) is escaped. */
static void rm_url_encode(rm_sb *sb, const char *s, const char *keep)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned char c = *p;
        bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                     c == '-' || c == '.' || c == '_' || c == '~' ||
                     (c != '\0' && keep && strchr(keep, c));
        if (plain) {
            rm_sb_putc(sb, (char)c);
        } else {
            rm_sb_putc(sb, '%');
            rm_sb_putc(sb, hex[c >> 4]);
            rm_sb_putc(sb, hex[c & 15]);
        }
    }
}

/* The message for a URL error: never the raw URL (it may hold a password). */
static int rm_url_fail(rm_dberr *err, rm_dberr_kind kind, const char *url, rm_arena *a,
                       const char *what)
{
    char *shown = rm_dburl_redact(url, a);
    char msg[RM_DBERR_TEXT_MAX];
    snprintf(msg, sizeof msg, "invalid database URL \"%s\": %s", shown, what);
    rm_dberr_set(err, kind, NULL, 0, NULL, msg, NULL);
    return RM_ERR;
}

/* Parse "k=v&k2=v2" (s[0..n)) into out->params. */
static int rm_url_parse_query(rm_dburl *out, const char *s, size_t n, rm_arena *a)
{
    size_t cap = 0;
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '&')
            j++;
        if (j > i) {
            const char *eq = memchr(s + i, '=', j - i);
            size_t klen = eq ? (size_t)(eq - (s + i)) : j - i;
            rm_dburl_param p;
            p.key = rm_url_decode(a, s + i, klen);
            p.value = eq ? rm_url_decode(a, eq + 1, (size_t)((s + j) - (eq + 1))) : "";
            if (!p.key || !p.value || !p.key[0])
                return RM_ERR;
            RM_VEC_PUSH(a, out->params, out->nparams, cap, p);
        }
        i = j + 1;
    }
    return RM_OK;
}

static int rm_url_parse_sqlite(rm_dburl *out, const char *url, const char *rest, rm_arena *a,
                               rm_dberr *err)
{
    /* sqlite://PATH and file://PATH: the two slashes are the authority marker, not part of
     * the path, so sqlite:///abs is "/abs" and sqlite://dev.db is "dev.db". */
    if (strncmp(rest, "//", 2) == 0)
        rest += 2;
    size_t plen = strcspn(rest, "?");
    if (plen == 0)
        return rm_url_fail(err, RM_DBERR_URL, url, a, "the SQLite file path is empty");
    /* ":memory:" itself contains no '%', so decoding leaves it alone. */
    char *path = rm_url_decode(a, rest, plen);
    if (!path)
        return rm_url_fail(err, RM_DBERR_URL, url, a, "malformed %-escape in the path");
    out->path = path;
    if (rest[plen] == '?' &&
        rm_url_parse_query(out, rest + plen + 1, strlen(rest + plen + 1), a) != RM_OK)
        return rm_url_fail(err, RM_DBERR_URL, url, a, "malformed query parameter");
    return RM_OK;
}

static int rm_url_parse_server(rm_dburl *out, const char *url, const char *rest, rm_arena *a,
                               rm_dberr *err)
{
    if (strncmp(rest, "//", 2) != 0)
        return rm_url_fail(err, RM_DBERR_URL, url, a, "expected \"//\" after the scheme");
    rest += 2;

    /* Split off the query first: the userinfo search must not run into it. A fragment ('#')
     * has no meaning for a database URL; it is treated as part of whatever precedes it. */
    size_t before_query = strcspn(rest, "?");
    const char *query = rest[before_query] == '?' ? rest + before_query + 1 : NULL;

    /* userinfo: up to the last '@' before the query. */
    const char *at = NULL;
    for (size_t i = 0; i < before_query; i++) {
        if (rest[i] == '@')
            at = rest + i;
    }
    const char *host_start = rest;
    if (at) {
        const char *colon = memchr(rest, ':', (size_t)(at - rest));
        size_t ulen = colon ? (size_t)(colon - rest) : (size_t)(at - rest);
        char *user = rm_url_decode(a, rest, ulen);
        if (!user)
            return rm_url_fail(err, RM_DBERR_URL, url, a, "malformed %-escape in the user name");
        out->user = user[0] ? user : NULL;
        if (colon) {
            char *pw = rm_url_decode(a, colon + 1, (size_t)(at - (colon + 1)));
            if (!pw)
                return rm_url_fail(err, RM_DBERR_URL, url, a, "malformed %-escape in the password");
            out->password = pw;
        }
        host_start = at + 1;
    }

    /* host[:port] up to '/' or the query. */
    const char *end = rest + before_query;
    const char *slash = memchr(host_start, '/', (size_t)(end - host_start));
    const char *hp_end = slash ? slash : end;
    const char *port_colon = NULL;
    if (host_start < hp_end && *host_start == '[') {
        const char *close = memchr(host_start, ']', (size_t)(hp_end - host_start));
        if (!close)
            return rm_url_fail(err, RM_DBERR_URL, url, a, "unterminated '[' in the host");
        /* Decoded: a zone id is written fe80::1%25eth0 in a URL and means fe80::1%eth0. */
        char *host = rm_url_decode(a, host_start + 1, (size_t)(close - host_start - 1));
        if (!host)
            return rm_url_fail(err, RM_DBERR_URL, url, a, "malformed %-escape in the host");
        out->host = host;
        out->host_is_ipv6 = true;
        if (close + 1 < hp_end) {
            if (close[1] != ':')
                return rm_url_fail(err, RM_DBERR_URL, url, a, "unexpected text after ']'");
            port_colon = close + 1;
        }
    } else {
        port_colon = memchr(host_start, ':', (size_t)(hp_end - host_start));
        const char *hend = port_colon ? port_colon : hp_end;
        if (hend > host_start) {
            char *host = rm_url_decode(a, host_start, (size_t)(hend - host_start));
            if (!host)
                return rm_url_fail(err, RM_DBERR_URL, url, a, "malformed %-escape in the host");
            out->host = host;
        }
    }
    if (port_colon) {
        const char *p = port_colon + 1;
        unsigned long port = 0;
        if (p == hp_end)
            return rm_url_fail(err, RM_DBERR_URL, url, a, "empty port after ':'");
        for (; p < hp_end; p++) {
            if (*p < '0' || *p > '9')
                return rm_url_fail(err, RM_DBERR_URL, url, a, "the port is not a number");
            port = port * 10 + (unsigned long)(*p - '0');
            if (port > 65535)
                return rm_url_fail(err, RM_DBERR_URL, url, a, "the port is out of range");
        }
        if (port == 0)
            return rm_url_fail(err, RM_DBERR_URL, url, a, "the port is out of range");
        out->port = (uint16_t)port;
    }

    if (slash && slash + 1 < end) {
        char *db = rm_url_decode(a, slash + 1, (size_t)(end - (slash + 1)));
        if (!db)
            return rm_url_fail(err, RM_DBERR_URL, url, a, "malformed %-escape in the database");
        out->database = db;
    }

    if (query && rm_url_parse_query(out, query, strlen(query), a) != RM_OK)
        return rm_url_fail(err, RM_DBERR_URL, url, a, "malformed query parameter");

    /* Parameters that mean a connection property, as libpq and the MariaDB connectors take
     * them. A later explicit parameter overrides the URL's authority part. */
    for (size_t i = 0; i < out->nparams; i++) {
        const rm_dburl_param *p = &out->params[i];
        if (strcmp(p->key, "socket") == 0 && out->kind == RM_DB_MYSQL) {
            out->socket = p->value;
        } else if (strcmp(p->key, "host") == 0) {
            if (p->value[0] == '/')
                out->socket = p->value;
            else
                out->host = p->value;
        } else if (strcmp(p->key, "port") == 0) {
            char *stop = NULL;
            unsigned long port = strtoul(p->value, &stop, 10);
            if (!p->value[0] || *stop || p->value[0] == '-' || port == 0 || port > 65535)
                return rm_url_fail(err, RM_DBERR_URL, url, a, "the port parameter is invalid");
            out->port = (uint16_t)port;
        } else if (strcmp(p->key, "user") == 0) {
            out->user = p->value;
        } else if (strcmp(p->key, "password") == 0) {
            out->password = p->value;
        } else if (strcmp(p->key, "dbname") == 0 || strcmp(p->key, "database") == 0) {
            out->database = p->value;
        }
    }
    return RM_OK;
}

int rm_dburl_parse(rm_dburl *out, const char *url, rm_arena *a, rm_dberr *err)
{
    memset(out, 0, sizeof *out);
    if (!url || !url[0])
        return rm_url_fail(err, RM_DBERR_URL, url ? url : "", a, "the URL is empty");
    size_t slen = strcspn(url, ":");
    if (url[slen] != ':' || slen == 0)
        return rm_url_fail(err, RM_DBERR_URL, url, a,
                           "no scheme (expected postgresql://, mysql:// or sqlite:)");
    for (size_t i = 0; i < RM_ARRAY_LEN(rm_url_schemes); i++) {
        if (rm_url_ieq(url, slen, rm_url_schemes[i].scheme)) {
            out->kind = rm_url_schemes[i].kind;
            out->scheme = rm_url_schemes[i].scheme;
            break;
        }
    }
    if (out->kind == RM_DB_NONE) {
        char what[160];
        snprintf(what, sizeof what,
                 "unknown scheme \"%.*s\" (expected postgresql, postgres, mysql, mariadb, "
                 "sqlite or file)",
                 (int)(slen > 32 ? 32 : slen), url);
        return rm_url_fail(err, RM_DBERR_NO_DRIVER, url, a, what);
    }
    const char *rest = url + slen + 1;
    int rc = out->kind == RM_DB_SQLITE ? rm_url_parse_sqlite(out, url, rest, a, err)
                                       : rm_url_parse_server(out, url, rest, a, err);
    if (rc != RM_OK) {
        rm_db_kind kind = out->kind;
        memset(out, 0, sizeof *out);
        out->kind = kind;
    }
    return rc;
}

const char *rm_dburl_param_get(const rm_dburl *u, const char *key)
{
    const char *v = NULL;
    for (size_t i = 0; i < u->nparams; i++) {
        if (strcmp(u->params[i].key, key) == 0)
            v = u->params[i].value;
    }
    return v;
}

static const char *rm_url_dup(rm_arena *a, const char *s)
{
    return s ? rm_arena_strdup(a, s) : NULL;
}

void rm_dburl_copy(rm_dburl *dst, const rm_dburl *src, rm_arena *a)
{
    *dst = *src;
    dst->scheme = rm_url_dup(a, src->scheme);
    dst->user = rm_url_dup(a, src->user);
    dst->password = rm_url_dup(a, src->password);
    dst->host = rm_url_dup(a, src->host);
    dst->database = rm_url_dup(a, src->database);
    dst->path = rm_url_dup(a, src->path);
    dst->socket = rm_url_dup(a, src->socket);
    dst->params = NULL;
    if (src->nparams) {
        dst->params = RM_NEW_ARRAY(a, rm_dburl_param, src->nparams);
        for (size_t i = 0; i < src->nparams; i++) {
            dst->params[i].key = rm_url_dup(a, src->params[i].key);
            dst->params[i].value = rm_url_dup(a, src->params[i].value);
        }
        /* socket/host/user/... point into params when they came from the query; the copies
         * above are separate strings with equal text, which is all anyone relies on. */
    }
}

char *rm_dburl_format(const rm_dburl *u, bool redact, rm_arena *a)
{
    rm_sb sb = RM_SB_INIT;
    rm_sb_puts(&sb, u->scheme ? u->scheme : rm_db_kind_name(u->kind));
    rm_sb_putc(&sb, ':');
    if (u->kind == RM_DB_SQLITE) {
        /* "sqlite:" + "//x" would read back as the path "x": a path starting with "//" is
         * written after an explicit "//" (found by fuzz_dburl: "file:////"). */
        if (u->path && strncmp(u->path, "//", 2) == 0)
            rm_sb_puts(&sb, "//");
        rm_url_encode(&sb, u->path ? u->path : "", "/:@!$'()*+,;=");
    } else {
        rm_sb_puts(&sb, "//");
        if (u->user || u->password) {
            rm_url_encode(&sb, u->user ? u->user : "", "!$'()*+,;=");
            if (u->password) {
                rm_sb_putc(&sb, ':');
                if (redact)
                    rm_sb_puts(&sb, "***");
                else
                    rm_url_encode(&sb, u->password, "!$'()*+,;=");
            }
            rm_sb_putc(&sb, '@');
        }
        /* Authority parts are rendered even when a query parameter (?host=, ?port=) also
         * sets them: the parameter comes later and wins again when the text is parsed. */
        if (u->host) {
            if (u->host_is_ipv6) {
                rm_sb_putc(&sb, '[');
                rm_url_encode(&sb, u->host, ":");
                rm_sb_putc(&sb, ']');
            } else {
                rm_url_encode(&sb, u->host, "!$'()*+,;=");
            }
        }
        if (u->port)
            rm_sb_appendf(&sb, ":%u", (unsigned)u->port);
        if (u->database) {
            rm_sb_putc(&sb, '/');
            /* '@' and ':' are encoded: the parser reads userinfo up to the last '@' before the
             * query, so "h/d@x:y" would read back as user "h/d" (found by fuzz_dburl). */
            rm_url_encode(&sb, u->database, "!$'()*+,;=");
        }
    }
    for (size_t i = 0; i < u->nparams; i++) {
        const rm_dburl_param *p = &u->params[i];
        rm_sb_putc(&sb, i == 0 ? '?' : '&');
        rm_url_encode(&sb, p->key, NULL);
        rm_sb_putc(&sb, '=');
        if (redact && rm_url_secret_key(p->key, strlen(p->key)))
            rm_sb_puts(&sb, "***");
        else
            rm_url_encode(&sb, p->value, "/:");
    }
    char *out = rm_arena_strdup(a, rm_sb_str(&sb));
    rm_sb_free(&sb);
    return out;
}

char *rm_dburl_redact(const char *url, rm_arena *a)
{
    rm_sb sb = RM_SB_INIT;
    size_t qpos = strcspn(url, "?");
    size_t slen = strcspn(url, ":");
    size_t i = 0;
    /* Whatever follows "scheme:" (and an optional "//") up to the last '@' is userinfo, even
     * in a URL too broken to parse ("postgresql:u:pw@h"). SQLite URLs are paths and hold no
     * credentials, so their ':' and '@' are left alone. */
    bool file_scheme = rm_url_ieq(url, slen, "sqlite") || rm_url_ieq(url, slen, "file");
    if (url[slen] == ':' && slen < qpos && !file_scheme) {
        size_t auth = slen + 1;
        if (strncmp(url + auth, "//", 2) == 0)
            auth += 2;
        size_t at = 0;
        bool have_at = false;
        for (size_t k = auth; k < qpos; k++) {
            if (url[k] == '@') {
                at = k;
                have_at = true;
            }
        }
        if (have_at) {
            const char *colon = memchr(url + auth, ':', at - auth);
            if (colon) {
                rm_sb_append(&sb, url, (size_t)(colon - url) + 1);
                rm_sb_puts(&sb, "***");
                i = at;
            }
        }
    }
    rm_sb_append(&sb, url + i, qpos - i);
    /* Query: keep keys, hide secret values. */
    size_t k = qpos;
    while (url[k]) {
        rm_sb_putc(&sb, url[k]); /* '?' or '&' */
        k++;
        size_t end = k + strcspn(url + k, "&");
        const char *eq = memchr(url + k, '=', end - k);
        if (eq && rm_url_secret_key(url + k, (size_t)(eq - (url + k)))) {
            rm_sb_append(&sb, url + k, (size_t)(eq - (url + k)) + 1);
            rm_sb_puts(&sb, "***");
        } else {
            rm_sb_append(&sb, url + k, end - k);
        }
        k = end;
    }
    char *out = rm_arena_strdup(a, rm_sb_str(&sb));
    rm_sb_free(&sb);
    return out;
}

/* Replace buf[pos, pos+n) with "***" in place (buf has capacity cap); returns the index just
 * after the replacement. Text that no longer fits is cut off. */
static size_t rm_url_splice_stars(char *buf, size_t cap, size_t pos, size_t n)
{
    size_t len = strlen(buf);
    size_t tail = len - (pos + n);
    size_t new_len = pos + 3 + tail;
    if (new_len > cap - 1) {
        if (pos + 3 > cap - 1) {
            buf[pos] = '\0';
            return pos;
        }
        tail = cap - 1 - (pos + 3);
        new_len = cap - 1;
    }
    memmove(buf + pos + 3, buf + pos + n, tail);
    memcpy(buf + pos, "***", 3);
    buf[new_len] = '\0';
    return pos + 3;
}

void rm_db_scrub_secret(char *buf, size_t cap, const char *secret)
{
    if (!buf || cap == 0)
        return;
    if (secret && secret[0]) {
        size_t slen = strlen(secret);
        size_t pos = 0;
        for (;;) {
            char *hit = strstr(buf + pos, secret);
            if (!hit)
                break;
            pos = rm_url_splice_stars(buf, cap, (size_t)(hit - buf), slen);
        }
    }
    /* password=VALUE / password: VALUE / password='VALUE' (a conninfo or option echo). */
    static const char *const keys[] = {"password=", "password:", "PASSWORD=", "Password="};
    for (size_t k = 0; k < RM_ARRAY_LEN(keys); k++) {
        size_t pos = 0;
        for (;;) {
            char *hit = strstr(buf + pos, keys[k]);
            if (!hit)
                break;
            size_t v = (size_t)(hit - buf) + strlen(keys[k]);
            while (buf[v] == ' ')
                v++;
            size_t vlen;
            if (buf[v] == '\'' || buf[v] == '"') {
                char q = buf[v];
                const char *close = strchr(buf + v + 1, q);
                vlen = close ? (size_t)(close - (buf + v)) + 1 : strlen(buf + v);
            } else {
                vlen = strcspn(buf + v, " \t\r\n&;,)");
            }
            /* "***" is done; MariaDB's "(using password: YES)" says whether one was sent,
             * and the actual secret was already replaced above. */
            if (vlen == 0 || (vlen == 3 && memcmp(buf + v, "***", 3) == 0) ||
                (vlen == 3 && memcmp(buf + v, "YES", 3) == 0) ||
                (vlen == 2 && memcmp(buf + v, "NO", 2) == 0)) {
                pos = v;
                continue;
            }
            pos = rm_url_splice_stars(buf, cap, v, vlen);
        }
    }
}
