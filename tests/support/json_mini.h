/*
 * A small JSON reader for tests (peer corpora indexes, golden JSON): parses a whole document
 * into a malloc'd tree. Strict RFC 8259 syntax, \u escapes (with surrogate pairs) decoded to
 * UTF-8, nesting limited to 256 levels. Test code only; not for relmig itself and not a writer.
 */
#ifndef RELMIG_TESTS_JSON_MINI_H
#define RELMIG_TESTS_JSON_MINI_H

#include <stdbool.h>
#include <stddef.h>

typedef enum rm_json_type {
    RM_JSON_NULL,
    RM_JSON_BOOL,
    RM_JSON_NUMBER,
    RM_JSON_STRING,
    RM_JSON_ARRAY,
    RM_JSON_OBJECT
} rm_json_type;

typedef struct rm_json rm_json;
struct rm_json {
    rm_json_type type;
    bool b;
    double num;
    char *str; /* STRING: NUL-terminated UTF-8 (may hold NULs; see len) */
    size_t len;
    rm_json **items; /* ARRAY elements / OBJECT values, in document order */
    char **keys;     /* OBJECT keys */
    size_t n;
};

/* Parse text[0..len). Returns the tree (free with rm_json_free) or NULL with a message in err. */
rm_json *rm_json_parse(const char *text, size_t len, char *err, size_t errlen);
void rm_json_free(rm_json *v);

/* Object member by key (first match), or NULL. */
const rm_json *rm_json_get(const rm_json *obj, const char *key);
/* The string of v, or NULL when v is not a string. */
const char *rm_json_str(const rm_json *v);

#endif
