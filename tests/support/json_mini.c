/*
 * json_mini: recursive-descent JSON reader for tests. See json_mini.h.
 */
#include "json_mini.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct jp {
    const char *p, *end;
    char *err;
    size_t errlen;
    int depth;
    bool failed;
} jp;

static void *jalloc(size_t n)
{
    void *p = calloc(1, n ? n : 1);
    if (p == NULL)
        abort();
    return p;
}

static void jfail(jp *j, const char *msg)
{
    j->failed = true;
    if (j->err != NULL && j->err[0] == '\0')
        snprintf(j->err, j->errlen, "%s at byte offset %ld", msg, (long)(j->end - j->p));
}

static void ws(jp *j)
{
    while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r'))
        j->p++;
}

static void put_utf8(char **o, unsigned long cp)
{
    char *q = *o;
    if (cp < 0x80) {
        *q++ = (char)cp;
    } else if (cp < 0x800) {
        *q++ = (char)(0xC0 | (cp >> 6));
        *q++ = (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *q++ = (char)(0xE0 | (cp >> 12));
        *q++ = (char)(0x80 | ((cp >> 6) & 0x3F));
        *q++ = (char)(0x80 | (cp & 0x3F));
    } else {
        *q++ = (char)(0xF0 | (cp >> 18));
        *q++ = (char)(0x80 | ((cp >> 12) & 0x3F));
        *q++ = (char)(0x80 | ((cp >> 6) & 0x3F));
        *q++ = (char)(0x80 | (cp & 0x3F));
    }
    *o = q;
}

static int hex4(const char *p, unsigned long *out)
{
    unsigned long v = 0;
    int i;
    for (i = 0; i < 4; i++) {
        char c = p[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (unsigned long)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (unsigned long)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= (unsigned long)(c - 'A' + 10);
        else
            return -1;
    }
    *out = v;
    return 0;
}

static char *parse_string(jp *j, size_t *len)
{
    const char *s;
    char *out, *o;
    if (j->p >= j->end || *j->p != '"') {
        jfail(j, "expected string");
        return NULL;
    }
    s = ++j->p;
    while (j->p < j->end && *j->p != '"') {
        if (*j->p == '\\')
            j->p++;
        j->p++;
    }
    if (j->p >= j->end) {
        jfail(j, "unterminated string");
        return NULL;
    }
    out = o = jalloc((size_t)(j->p - s) + 1);
    while (s < j->p) {
        unsigned char c = (unsigned char)*s++;
        if (c < 0x20) {
            free(out);
            jfail(j, "control character in string");
            return NULL;
        }
        if (c != '\\') {
            *o++ = (char)c;
            continue;
        }
        c = (unsigned char)*s++;
        switch (c) {
        case '"':
            *o++ = '"';
            break;
        case '\\':
            *o++ = '\\';
            break;
        case '/':
            *o++ = '/';
            break;
        case 'b':
            *o++ = '\b';
            break;
        case 'f':
            *o++ = '\f';
            break;
        case 'n':
            *o++ = '\n';
            break;
        case 'r':
            *o++ = '\r';
            break;
        case 't':
            *o++ = '\t';
            break;
        case 'u': {
            unsigned long cp, lo;
            if (j->p - s < 4 || hex4(s, &cp) != 0) {
                free(out);
                jfail(j, "bad \\u escape");
                return NULL;
            }
            s += 4;
            if (cp >= 0xD800 && cp < 0xDC00 && j->p - s >= 6 && s[0] == '\\' && s[1] == 'u' &&
                hex4(s + 2, &lo) == 0 && lo >= 0xDC00 && lo < 0xE000) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                s += 6;
            }
            put_utf8(&o, cp);
            break;
        }
        default:
            free(out);
            jfail(j, "bad escape");
            return NULL;
        }
    }
    *o = '\0';
    j->p++;
    *len = (size_t)(o - out);
    return out;
}

static rm_json *parse_value(jp *j);

static void push(rm_json *v, rm_json *item, char *key, size_t *cap)
{
    if (v->n == *cap) {
        *cap = *cap ? *cap * 2 : 8;
        v->items = realloc(v->items, *cap * sizeof(*v->items));
        if (v->type == RM_JSON_OBJECT)
            v->keys = realloc(v->keys, *cap * sizeof(*v->keys));
        if (v->items == NULL || (v->type == RM_JSON_OBJECT && v->keys == NULL))
            abort();
    }
    v->items[v->n] = item;
    if (v->type == RM_JSON_OBJECT)
        v->keys[v->n] = key;
    v->n++;
}

static rm_json *parse_container(jp *j, rm_json_type type)
{
    rm_json *v = jalloc(sizeof(*v));
    size_t cap = 0;
    char close = type == RM_JSON_ARRAY ? ']' : '}';
    v->type = type;
    if (++j->depth > 256) {
        jfail(j, "nesting too deep");
        return v;
    }
    j->p++;
    ws(j);
    if (j->p < j->end && *j->p == close) {
        j->p++;
        j->depth--;
        return v;
    }
    for (;;) {
        char *key = NULL;
        size_t klen;
        rm_json *item;
        ws(j);
        if (type == RM_JSON_OBJECT) {
            key = parse_string(j, &klen);
            if (key == NULL)
                return v;
            ws(j);
            if (j->p >= j->end || *j->p != ':') {
                free(key);
                jfail(j, "expected ':'");
                return v;
            }
            j->p++;
        }
        item = parse_value(j);
        push(v, item, key, &cap);
        if (item == NULL)
            return v;
        ws(j);
        if (j->p < j->end && *j->p == ',') {
            j->p++;
            continue;
        }
        if (j->p < j->end && *j->p == close) {
            j->p++;
            j->depth--;
            return v;
        }
        jfail(j, "expected ',' or closing bracket");
        return v;
    }
}

static rm_json *parse_value(jp *j)
{
    rm_json *v;
    ws(j);
    if (j->p >= j->end) {
        jfail(j, "unexpected end");
        return NULL;
    }
    if (*j->p == '{')
        return parse_container(j, RM_JSON_OBJECT);
    if (*j->p == '[')
        return parse_container(j, RM_JSON_ARRAY);
    v = jalloc(sizeof(*v));
    if (*j->p == '"') {
        v->type = RM_JSON_STRING;
        v->str = parse_string(j, &v->len);
        if (v->str == NULL) {
            free(v);
            return NULL;
        }
        return v;
    }
    if ((size_t)(j->end - j->p) >= 4 && memcmp(j->p, "true", 4) == 0) {
        v->type = RM_JSON_BOOL;
        v->b = true;
        j->p += 4;
        return v;
    }
    if ((size_t)(j->end - j->p) >= 5 && memcmp(j->p, "false", 5) == 0) {
        v->type = RM_JSON_BOOL;
        j->p += 5;
        return v;
    }
    if ((size_t)(j->end - j->p) >= 4 && memcmp(j->p, "null", 4) == 0) {
        v->type = RM_JSON_NULL;
        j->p += 4;
        return v;
    }
    if (*j->p == '-' || (*j->p >= '0' && *j->p <= '9')) {
        char buf[64];
        size_t n = 0;
        while (j->p < j->end && n < sizeof(buf) - 1 && strchr("+-0123456789.eE", *j->p) != NULL)
            buf[n++] = *j->p++;
        buf[n] = '\0';
        v->type = RM_JSON_NUMBER;
        v->num = strtod(buf, NULL);
        return v;
    }
    free(v);
    jfail(j, "unexpected character");
    return NULL;
}

rm_json *rm_json_parse(const char *text, size_t len, char *err, size_t errlen)
{
    jp j;
    rm_json *v;
    j.p = text;
    j.end = text + len;
    j.err = err;
    j.errlen = errlen;
    j.depth = 0;
    j.failed = false;
    if (err != NULL && errlen > 0)
        err[0] = '\0';
    v = parse_value(&j);
    ws(&j);
    if (v != NULL && j.p != j.end)
        jfail(&j, "trailing text");
    if (j.failed) {
        rm_json_free(v);
        return NULL;
    }
    return v;
}

void rm_json_free(rm_json *v)
{
    size_t i;
    if (v == NULL)
        return;
    for (i = 0; i < v->n; i++) {
        rm_json_free(v->items[i]);
        if (v->keys != NULL)
            free(v->keys[i]);
    }
    free(v->items);
    free(v->keys);
    free(v->str);
    free(v);
}

const rm_json *rm_json_get(const rm_json *obj, const char *key)
{
    size_t i;
    if (obj == NULL || obj->type != RM_JSON_OBJECT)
        return NULL;
    for (i = 0; i < obj->n; i++)
        if (strcmp(obj->keys[i], key) == 0)
            return obj->items[i];
    return NULL;
}

const char *rm_json_str(const rm_json *v)
{
    return v != NULL && v->type == RM_JSON_STRING ? v->str : NULL;
}
