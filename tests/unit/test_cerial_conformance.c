/*
 * Conformance of the Cerial parser+validator with Cerial itself, over the peer corpus
 * (shared/corpus/cerial/INDEX.json, read in place): every single file and every multi-file
 * group is checked by relmig and compared with Cerial's recorded verdict and first message.
 * Thresholds: verdict agreement >= 98%; for Cerial failures, first message equal (after the
 * `[file ]line N: ` prefix, and on the same line for parse errors) >= 90%. Every disagreement
 * is printed. Figures are recorded in docs/conformance.md ("Cerial").
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "json_mini.h"
#include "parser/cerial.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CORPUS RELMIG_SHARED_DIR "/corpus/cerial"

typedef struct expect {
    const char *file; /* NULL: no file prefix */
    size_t file_len;
    long line; /* 0: no line (validator message) */
    const char *msg;
} expect;

/* Split Cerial's "[<file> ]line N: message" prefix. */
static expect split_expected(const char *s)
{
    expect e = {NULL, 0, 0, s};
    const char *p = strstr(s, "line ");
    if (p != NULL &&
        (p == s || (p > s && p[-1] == ' ' && memchr(s, ' ', (size_t)(p - s - 1)) == NULL))) {
        char *end;
        long n = strtol(p + 5, &end, 10);
        if (end != p + 5 && end[0] == ':' && end[1] == ' ') {
            e.line = n;
            e.msg = end + 2;
            if (p != s) {
                e.file = s;
                e.file_len = (size_t)(p - s - 1);
            }
        }
    }
    return e;
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

typedef struct stats {
    size_t entries, verdict_ok, cerial_fail, msg_ok, msg_total, all_ok;
    size_t strict_both, strict_cerial_only, strict_relmig_only; /* informational */
    size_t strict_same_msgs; /* both flag, and the message lists are equal as multisets */
} stats;

static bool load(rm_sources *srcs, const char *rel, uint32_t *id)
{
    char path[4096];
    size_t len;
    char *text;
    rm_source *src;
    snprintf(path, sizeof(path), "%s/%s", CORPUS, rel);
    text = rm_test_read_file(path, &len);
    if (text == NULL)
        return false;
    src = rm_sources_add(srcs, base_name(rel), text, len);
    free(text);
    if (src == NULL)
        return false;
    *id = src->id;
    return true;
}

static void check_entry(rm_cerial_ctx *ctx, const rm_json *e, stats *st)
{
    const char *file = rm_json_str(rm_json_get(e, "file"));
    const char *kind = rm_json_str(rm_json_get(e, "kind"));
    const char *expected = rm_json_str(rm_json_get(e, "expected"));
    const rm_json *errors = rm_json_get(e, "errors");
    rm_sources srcs;
    rm_diags d;
    rm_arena a;
    uint32_t ids[256];
    size_t nids = 0, i;
    rm_cerial_schema *res = NULL;
    rm_cerial_opts opts = {false};
    bool ours_fail, cerial_fail;
    const rm_diag *first = NULL;
    assert_non_null(file);
    assert_non_null(expected);
    rm_sources_init(&srcs);
    rm_diags_init(&d);
    rm_arena_init(&a, 0);
    if (kind != NULL && strcmp(kind, "group") == 0) {
        /* origin: "files: a, b, c" */
        const char *origin = rm_json_str(rm_json_get(e, "origin"));
        char *list, *tok, *save = NULL;
        assert_non_null(origin);
        assert_true(strncmp(origin, "files: ", 7) == 0);
        list = strdup(origin + 7);
        for (tok = strtok_r(list, ",", &save); tok != NULL; tok = strtok_r(NULL, ",", &save)) {
            while (*tok == ' ')
                tok++;
            assert_true(nids < 256);
            assert_true(load(&srcs, tok, &ids[nids]));
            nids++;
        }
        free(list);
    } else {
        assert_true(load(&srcs, file, &ids[0]));
        nids = 1;
    }
    rm_cerial_check(&res, ctx, &srcs, ids, nids, &opts, &a, &d);
    for (i = 0; i < d.n; i++)
        if (d.items[i]->sev == RM_SEV_ERROR) {
            first = d.items[i];
            break;
        }
    ours_fail = first != NULL;
    cerial_fail = strcmp(expected, "fail") == 0;
    st->entries++;
    if (ours_fail == cerial_fail)
        st->verdict_ok++;
    else
        printf("VERDICT %s: cerial=%s relmig=%s%s%s\n", file, expected, ours_fail ? "fail" : "ok",
               first ? " first=" : "", first ? first->msg : "");
    if (!cerial_fail && !ours_fail) {
        /* informational: Cerial's second validator (parserValidateSchema) vs relmig's E0450 */
        const rm_json *pv = rm_json_get(e, "parserValidateSchema");
        bool theirs = pv != NULL && pv->n > 0, ours = false;
        for (i = 0; i < d.n; i++)
            ours = ours || d.items[i]->id == RM_E_CERIAL_STRICT;
        if (theirs && ours) {
            /* same messages (order aside: the validators walk the schema in other orders)? */
            size_t nours = 0, matched = 0, k;
            bool *used = calloc(pv->n + 1, sizeof(bool));
            for (i = 0; i < d.n; i++) {
                if (d.items[i]->id != RM_E_CERIAL_STRICT)
                    continue;
                nours++;
                for (k = 0; k < pv->n; k++)
                    if (!used[k] && strcmp(rm_json_str(pv->items[k]), d.items[i]->msg) == 0) {
                        used[k] = true;
                        matched++;
                        break;
                    }
            }
            free(used);
            if (nours == pv->n && matched == nours)
                st->strict_same_msgs++;
            else
                printf("STRICT-MESSAGES %s: cerial %zu, relmig %zu, equal %zu\n", file, pv->n,
                       nours, matched);
            st->strict_both++;
        }
        else if (theirs)
            st->strict_cerial_only++;
        else if (ours)
            st->strict_relmig_only++;
        if (theirs != ours)
            printf("STRICT %s: cerial second validator: %s; relmig E0450: %s\n", file,
                   theirs ? rm_json_str(pv->items[0]) : "(none)", ours ? "yes" : "none");
    }
    if (cerial_fail) {
        const char *want = errors && errors->n > 0 ? rm_json_str(errors->items[0]) : NULL;
        expect ex = split_expected(want ? want : "");
        bool same = false;
        long line = 0;
        const char *ofile = NULL;
        st->msg_total++;
        if (first != NULL) {
            const rm_source *src = rm_sources_get(&srcs, first->loc.file);
            if (src != NULL) {
                uint32_t l, c;
                rm_source_line_col(src, first->loc.off, &l, &c);
                line = (long)l;
                ofile = src->path;
            }
            same = strcmp(first->msg, ex.msg) == 0;
            if (same && ex.line != 0)
                same = line == ex.line;
            if (same && ex.file != NULL)
                same = ofile != NULL && strlen(ofile) == ex.file_len &&
                       memcmp(ofile, ex.file, ex.file_len) == 0;
        }
        {
            /* informational: is the whole list of messages the same (texts only)? */
            size_t k = 0, ne = errors ? errors->n : 0;
            bool all = true;
            for (i = 0; i < d.n && all; i++) {
                if (d.items[i]->sev != RM_SEV_ERROR)
                    continue;
                all = k < ne && strcmp(split_expected(rm_json_str(errors->items[k])).msg,
                                       d.items[i]->msg) == 0;
                k++;
            }
            if (all && k == ne)
                st->all_ok++;
        }
        if (same)
            st->msg_ok++;
        else
            printf("MESSAGE %s:\n  cerial: %s\n  relmig: %s%s (line %ld)\n", file, want ? want : "",
                   ofile && ex.file ? ofile : "", first ? first->msg : "(none)", line);
    }
    rm_arena_free(&a);
    rm_diags_free(&d);
    rm_sources_free(&srcs);
}

static void test_conformance(void **state)
{
    size_t len, i;
    char err[256];
    char *text = rm_test_read_file(CORPUS "/INDEX.json", &len);
    rm_json *root;
    stats st = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    rm_cerial_ctx *ctx = rm_cerial_ctx_new();
    double verdict, msgs;
    (void)state;
    assert_non_null(text);
    root = rm_json_parse(text, len, err, sizeof(err));
    if (root == NULL)
        fail_msg("INDEX.json: %s", err);
    assert_int_equal(root->type, RM_JSON_ARRAY);
    for (i = 0; i < root->n; i++)
        check_entry(ctx, root->items[i], &st);
    verdict = 100.0 * (double)st.verdict_ok / (double)st.entries;
    msgs = st.msg_total ? 100.0 * (double)st.msg_ok / (double)st.msg_total : 100.0;
    printf("cerial conformance: %zu entries, verdict agrees %zu (%.2f%%), first message agrees "
           "%zu of %zu Cerial failures (%.2f%%), whole message list agrees %zu\n",
           st.entries, st.verdict_ok, verdict, st.msg_ok, st.msg_total, msgs, st.all_ok);
    printf("strict (informational, entries both accept): both flag %zu (same message lists "
           "%zu), only Cerial's second validator %zu, only relmig E0450 %zu\n",
           st.strict_both, st.strict_same_msgs, st.strict_cerial_only, st.strict_relmig_only);
    assert_true(st.entries > 1000);
    assert_true(verdict >= 98.0);
    assert_true(msgs >= 90.0);
    rm_cerial_ctx_free(ctx);
    rm_json_free(root);
    free(text);
}

/* The JSON reader the test relies on (tests/support/json_mini.c), one row per rule. */
typedef struct json_row {
    const char *name;
    const char *text;
    bool ok;
    const char *str; /* for ok rows: the string found at [0] or under key "k", if not NULL */
} json_row;

static const json_row json_rows[] = {
    {"json_escapes", "[\"a\\\"b\\\\c\\/\\n\"]", true, "a\"b\\c/\n"},
    {"json_unicode_bmp", "[\"\\u2014 \\u2192\"]", true, "\xE2\x80\x94 \xE2\x86\x92"},
    {"json_surrogate_pair", "{\"k\": \"\\ud83d\\ude00\"}", true, "\xF0\x9F\x98\x80"},
    {"json_nested_values", "{\"k\": \"v\", \"n\": [1, -2.5e3, true, false, null, {}]}", true, "v"},
    {"json_bad_trailing_comma", "[1, 2,]", false, NULL},
    {"json_bad_unterminated", "[\"abc", false, NULL},
    {"json_bad_control_char", "[\"a\tb\"]", false, NULL},
    {"json_bad_trailing_text", "{} x", false, NULL},
    {"json_bad_too_deep",
     "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
     "[[[["
     "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
     "[[[["
     "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
     false, NULL},
};

static void test_json_row(void **state)
{
    const json_row *r = *state;
    char err[128];
    rm_json *v = rm_json_parse(r->text, strlen(r->text), err, sizeof(err));
    if (!r->ok) {
        assert_null(v);
        assert_true(err[0] != '\0');
        return;
    }
    if (v == NULL)
        fail_msg("%s: %s", r->name, err);
    if (r->str != NULL) {
        const rm_json *x = v->type == RM_JSON_ARRAY ? v->items[0] : rm_json_get(v, "k");
        assert_non_null(rm_json_str(x));
        assert_string_equal(rm_json_str(x), r->str);
    }
    rm_json_free(v);
}

int main(void)
{
    size_t n = RM_ARRAY_LEN(json_rows), i;
    struct CMUnitTest tests[RM_ARRAY_LEN(json_rows) + 1];
    for (i = 0; i < n; i++) {
        tests[i].name = json_rows[i].name;
        tests[i].test_func = test_json_row;
        tests[i].setup_func = NULL;
        tests[i].teardown_func = NULL;
        tests[i].initial_state = (void *)&json_rows[i];
    }
    tests[n] = (struct CMUnitTest)cmocka_unit_test(test_conformance);
    return _cmocka_run_group_tests("cerial_conformance", tests, n + 1, NULL, NULL);
}
