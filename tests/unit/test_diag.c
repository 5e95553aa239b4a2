/*
 * The diagnostics renderer, byte for byte: one named row per rendering rule (single line,
 * multi-line code frame, elided long spans, tabs, hostile bytes, long lines, no location,
 * detail and hint), plus the JSON form, sorting and the error cap.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "util/diag_render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct render_case {
    const char *name;
    const char *text;       /* source text */
    size_t text_len;        /* 0: strlen(text) */
    const char *span;       /* the span is the first occurrence of this substring ... */
    size_t span_len;        /* ... or this many bytes from it when non-zero */
    const char *detail;
    const char *hint;
    const char *want;
} render_case;

static const render_case cases[] = {
    {"single_line",
     "model User {\n  id Int @id\n  name Strin\n}\n", 0, "Strin", 0, NULL, NULL,
     "schema.prisma:3:8: error[E0001]: boom\n"
     "  |\n"
     "3 |   name Strin\n"
     "  |        ^~~~~\n"},
    {"multi_line_code_frame",
     "model Post {\n  id Int @id\n  author User @relation(\n    fields: [authorId],\n"
     "    references: [id])\n}\n",
     0, "@relation(", 56, NULL, "add @unique to Post.authorId",
     "schema.prisma:3:15: error[E0001]: boom\n"
     "  |\n"
     "3 |   author User @relation(\n"
     "  |               ^~~~~~~~~~\n"
     "4 |     fields: [authorId],\n"
     "  |     ~~~~~~~~~~~~~~~~~~~\n"
     "5 |     references: [id])\n"
     "  |     ~~~~~~~~~~~~~~~~~\n"
     "  = hint: add @unique to Post.authorId\n"},
    {"long_span_elided",
     "a {\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n}\n", 0, "a {", 28, NULL, NULL,
     "schema.prisma:1:1: error[E0001]: boom\n"
     "   |\n"
     " 1 | a {\n"
     "   | ^~~\n"
     " 2 | 1\n"
     "   | ~\n"
     "  ...\n"
     "12 | }\n"
     "   | ~\n"},
    {"point_at_end_of_file", "model A {", 0, "", 0, NULL, NULL,
     "schema.prisma:1:10: error[E0001]: boom\n"
     "  |\n"
     "1 | model A {\n"
     "  |          ^\n"},
    {"tabs_and_hostile_bytes", "\tx\x01y\xff zz\n", 0, "zz", 0, "a detail\nsecond line", NULL,
     "schema.prisma:1:7: error[E0001]: boom\n"
     "  |\n"
     "1 |     x?y? zz\n"
     "  |          ^~\n"
     "  = detail: a detail\n"
     "            second line\n"},
    /* Columns in the headline count bytes (documented); the caret aligns by display width. */
    {"utf8_caret_aligns_by_display_width", "name \"caf\xc3\xa9\" bad\n", 0, "bad", 0, NULL, NULL,
     "schema.prisma:1:14: error[E0001]: boom\n"
     "  |\n"
     "1 | name \"caf\xc3\xa9\" bad\n"
     "  |             ^~~\n"},
};

static void run_render_case(void **state)
{
    const render_case *c = *state;
    rm_sources srcs;
    rm_diags d;
    rm_sources_init(&srcs);
    rm_diags_init(&d);
    size_t len = c->text_len ? c->text_len : strlen(c->text);
    rm_source *src = rm_sources_add(&srcs, "schema.prisma", c->text, len);
    size_t off = c->span[0] ? (size_t)(strstr(src->text, c->span) - src->text) : len;
    size_t span_len = c->span_len ? c->span_len : strlen(c->span);
    rm_diag *g = rm_diag_error(&d, RM_E_IO_READ, rm_loc_make(src->id, off, span_len), "boom");
    if (c->detail)
        rm_diag_set_detail(&d, g, "%s", c->detail);
    if (c->hint)
        rm_diag_set_hint(&d, g, "%s", c->hint);
    rm_sb out = RM_SB_INIT;
    rm_render_opts o = {false, true};
    rm_diag_render_text(&out, &srcs, g, &o);
    if (strcmp(rm_sb_str(&out), c->want) != 0)
        fprintf(stderr, "--- got:\n%s--- want:\n%s", rm_sb_str(&out), c->want);
    assert_string_equal(rm_sb_str(&out), c->want);
    rm_sb_free(&out);
    rm_diags_free(&d);
    rm_sources_free(&srcs);
}

static void long_line_is_windowed(void **state)
{
    (void)state;
    /* A 10 MB line must render in bounded size with the span visible. */
    size_t n = 10u * 1024 * 1024;
    char *text = malloc(n + 1);
    memset(text, 'a', n);
    memcpy(text + n / 2, "BAD", 3);
    text[n] = '\0';
    rm_sources srcs;
    rm_diags d;
    rm_sources_init(&srcs);
    rm_diags_init(&d);
    rm_source *src = rm_sources_add(&srcs, "big.prisma", text, n);
    rm_diag *g = rm_diag_error(&d, RM_E_INPUT_TOO_LARGE, rm_loc_make(src->id, n / 2, 3), "x");
    rm_sb out = RM_SB_INIT;
    rm_diag_render_text(&out, &srcs, g, NULL);
    assert_true(out.len < 600);
    assert_non_null(strstr(rm_sb_str(&out), "...aaaa"));
    assert_non_null(strstr(rm_sb_str(&out), "BADaaa"));
    assert_non_null(strstr(rm_sb_str(&out), "big.prisma:1:5242881: error[E0006]: x\n"));
    /* The caret sits under B: after the gutter, a space, 3 dots and 60 context columns. */
    char caret_row[128];
    memset(caret_row, ' ', sizeof caret_row);
    memcpy(caret_row, "\n  |", 4);
    memcpy(caret_row + 4 + 1 + 3 + 60, "^~~\n", 5);
    assert_non_null(strstr(rm_sb_str(&out), caret_row));
    rm_sb_free(&out);
    rm_diags_free(&d);
    rm_sources_free(&srcs);
    free(text);
}

static void no_location_and_warning(void **state)
{
    (void)state;
    rm_sources srcs;
    rm_diags d;
    rm_sources_init(&srcs);
    rm_diags_init(&d);
    rm_diag *g = rm_diag_warning(&d, RM_E_NOT_IMPLEMENTED, RM_LOC_NONE, "not yet: %s", "x");
    rm_diag_set_hint(&d, g, "Wait.");
    rm_sb out = RM_SB_INIT;
    rm_diag_render_text(&out, &srcs, g, NULL);
    assert_string_equal(rm_sb_str(&out), "warning[E0007]: not yet: x\n  = hint: Wait.\n");
    assert_false(rm_diags_has_errors(&d));
    rm_diags_promote_warnings(&d);
    assert_true(rm_diags_has_errors(&d));
    rm_sb_free(&out);
    rm_diags_free(&d);
    rm_sources_free(&srcs);
}

static void json_and_sorting(void **state)
{
    (void)state;
    rm_sources srcs;
    rm_diags d;
    rm_sources_init(&srcs);
    rm_diags_init(&d);
    rm_source *src = rm_sources_add(&srcs, "a\"b.prisma", "x\ny \"z\"\n", 8);
    rm_diag_error(&d, RM_E_IO_WRITE, rm_loc_make(src->id, 4, 3), "second \"q\"");
    rm_diag *g = rm_diag_error(&d, RM_E_IO_READ, rm_loc_make(src->id, 0, 1), "first");
    rm_diag_set_hint(&d, g, "h");
    rm_diag_note(&d, RM_E_USAGE, RM_LOC_NONE, "nowhere");
    rm_diags_sort(&d);
    rm_sb out = RM_SB_INIT;
    rm_diags_render_json(&out, &srcs, &d);
    const char *want =
        "[\n"
        "  {\"severity\": \"error\", \"code\": \"E0001\", \"message\": \"first\", \"detail\": null, "
        "\"hint\": \"h\", \"file\": \"a\\\"b.prisma\", \"line\": 1, \"column\": 1, \"endLine\": 1, "
        "\"endColumn\": 2, \"offset\": 0, \"length\": 1},\n"
        "  {\"severity\": \"error\", \"code\": \"E0002\", \"message\": \"second \\\"q\\\"\", "
        "\"detail\": null, \"hint\": null, \"file\": \"a\\\"b.prisma\", \"line\": 2, \"column\": 3, "
        "\"endLine\": 2, \"endColumn\": 6, \"offset\": 4, \"length\": 3},\n"
        "  {\"severity\": \"note\", \"code\": \"E0008\", \"message\": \"nowhere\", \"detail\": null, "
        "\"hint\": null, \"file\": null, \"line\": null, \"column\": null, \"endLine\": null, "
        "\"endColumn\": null, \"offset\": null, \"length\": null}\n"
        "]";
    assert_string_equal(rm_sb_str(&out), want);
    rm_sb_reset(&out);
    rm_diags_render_summary(&out, &d);
    assert_string_equal(rm_sb_str(&out), "2 errors, 0 warnings");
    rm_sb_free(&out);
    rm_diags_free(&d);
    rm_sources_free(&srcs);
}

static void error_cap_counts_but_does_not_store(void **state)
{
    (void)state;
    rm_diags d;
    rm_diags_init(&d);
    d.max_errors = 3;
    for (int i = 0; i < 10; i++)
        rm_diag_error(&d, RM_E_IO_READ, RM_LOC_NONE, "e%d", i);
    assert_int_equal(d.n, 3);
    assert_int_equal(d.nerrors, 10);
    assert_int_equal(d.dropped, 7);
    rm_sources srcs;
    rm_sources_init(&srcs);
    rm_sb out = RM_SB_INIT;
    rm_diags_render_text(&out, &srcs, &d, NULL);
    assert_non_null(strstr(rm_sb_str(&out), "note: 7 more errors not shown (limit 3)"));
    rm_sb_free(&out);
    rm_sources_free(&srcs);
    rm_diags_free(&d);
}

int main(void)
{
    struct CMUnitTest tests[RM_ARRAY_LEN(cases) + 4];
    size_t n = 0;
    for (size_t i = 0; i < RM_ARRAY_LEN(cases); i++)
        tests[n++] = (struct CMUnitTest){.name = cases[i].name,
                                         .test_func = run_render_case,
                                         .initial_state = (void *)&cases[i]};
    tests[n++] = (struct CMUnitTest){.name = "long_line_is_windowed",
                                     .test_func = long_line_is_windowed};
    tests[n++] = (struct CMUnitTest){.name = "no_location_and_warning",
                                     .test_func = no_location_and_warning};
    tests[n++] = (struct CMUnitTest){.name = "json_and_sorting", .test_func = json_and_sorting};
    tests[n++] = (struct CMUnitTest){.name = "error_cap_counts_but_does_not_store",
                                     .test_func = error_cap_counts_but_does_not_store};
    return _cmocka_run_group_tests("diag_render", tests, n, NULL, NULL);
}
