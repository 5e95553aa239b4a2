/*
 * Hostile input for the Prisma parser: one named row per kind of abuse (binary garbage, NUL
 * bytes, a 10 MB line, 100,000 nested brackets or calls, unterminated strings and comments
 * at EOF, CRLF and BOM variants of a real schema, floods of errors). Each row asserts that
 * the parse returns, reports the diagnostics expected for that input, and stays within a
 * memory bound linear in the input (arena bytes <= 16x the text + 64 KiB), which catches a
 * blow-up in the number of nodes or copies. Time is printed, not asserted: a unit test with a
 * clock in it fails on a loaded machine or under a sanitizer; quadratic time shows in the
 * ctest timeout and in the benchmarks (bench/). A last row checks the memory target: arena
 * bytes <= 10x text size.
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "parser/prisma.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define REAL_SCHEMA RELMIG_SHARED_DIR "/corpus/real-schemas/civitai__civitai__prisma_schema.prisma"

/* A growable input buffer. */
typedef struct buf {
    char *p;
    size_t len;
    size_t cap;
} buf;

static void put(buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->p = realloc(b->p, b->cap);
        assert_non_null(b->p);
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void puts_(buf *b, const char *s)
{
    put(b, s, strlen(s));
}

static void repeat(buf *b, const char *s, size_t times)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < times; i++)
        put(b, s, n);
}

typedef struct hostile_case {
    const char *name;
    void (*make)(buf *b);
    const char *must_have;   /* ids that must appear (space separated), "" for none */
    long min_errors;         /* at least this many errors; -1: exactly zero */
} hostile_case;

static void make_garbage(buf *b)
{
    uint32_t x = 12345;
    for (size_t i = 0; i < (1u << 20); i++) {
        x = x * 1103515245u + 12345u;
        char c = (char)(x >> 16);
        put(b, &c, 1);
    }
}

static void make_nul_bytes(buf *b)
{
    puts_(b, "model A {\n  id Int @id\n");
    for (int i = 0; i < 65536; i++)
        put(b, "\0", 1);
    puts_(b, "\n  b Int\n}\n");
}

/* 10 MB on one line: a field with ~800,000 attributes (valid syntax). */
static void make_long_attribute_chain(buf *b)
{
    puts_(b, "model A {\n  f Int");
    repeat(b, " @default(1)", 10u * 1024 * 1024 / 12);
    puts_(b, "\n}\n");
}

/* 10 MB of one-byte garbage on one line: one error. */
static void make_ten_mb_garbage_line(buf *b)
{
    repeat(b, "%", 10u * 1024 * 1024);
}

static void make_nested_brackets(buf *b)
{
    puts_(b, "model A {\n  a Int @default(");
    repeat(b, "[", 100000);
    puts_(b, "\n  b Int\n}\n");
}

static void make_nested_calls(buf *b)
{
    puts_(b, "datasource db {\n  x = ");
    repeat(b, "f(", 100000);
    puts_(b, "\n}\n");
}

static void make_nested_brackets_closed(buf *b)
{
    puts_(b, "model A {\n  a Int @default(");
    repeat(b, "[", 100000);
    repeat(b, "]", 100000);
    puts_(b, ")\n}\n");
}

static void make_unterminated_string_eof(buf *b)
{
    puts_(b, "model A {\n  a String @default(\"abc");
}

static void make_unterminated_comment_eof(buf *b)
{
    puts_(b, "model A {\n  a Int\n}\n/* never closed\nmodel B {\n}\n");
}

static void make_truncated_block(buf *b)
{
    puts_(b, "model A {\n  a Int @relation(fields: [x");
}

static void make_many_closing_braces(buf *b)
{
    repeat(b, "}\n", 200000);
}

static void make_many_empty_models(buf *b)
{
    char line[64];
    for (int i = 0; i < 50000; i++) {
        snprintf(line, sizeof line, "model M%d {\n  id Int @id\n}\n", i);
        puts_(b, line);
    }
}

static void make_long_identifier(buf *b)
{
    puts_(b, "model A {\n  ");
    repeat(b, "a", 1u << 20);
    puts_(b, " Int\n}\n");
}

static void make_only_newlines(buf *b)
{
    repeat(b, "\n", 1u << 20);
}

static void load_real(buf *b)
{
    size_t len = 0;
    char *t = rm_test_read_file(REAL_SCHEMA, &len);
    assert_non_null(t);
    put(b, t, len);
    free(t);
}

static void make_real_crlf(buf *b)
{
    buf lf = {NULL, 0, 0};
    load_real(&lf);
    for (size_t i = 0; i < lf.len; i++) {
        if (lf.p[i] == '\n')
            put(b, "\r\n", 2);
        else
            put(b, &lf.p[i], 1);
    }
    free(lf.p);
}

static void make_real_bom(buf *b)
{
    puts_(b, "\xef\xbb\xbf");
    load_real(b);
}

/* A real schema cut in the middle of a line: errors, no crash. */
static void make_real_truncated(buf *b)
{
    load_real(b);
    b->len = b->len / 2 + 7;
    b->p[b->len] = '\0';
}

static const hostile_case cases[] = {
    {"binary_garbage_1mb", make_garbage, "", 1},
    {"nul_bytes", make_nul_bytes, "E0102", 1},
    {"long_attribute_chain_10mb_line", make_long_attribute_chain, "", -1},
    {"garbage_line_10mb", make_ten_mb_garbage_line, "E0100", 1},
    {"nested_brackets_100k", make_nested_brackets, "E0115", 1},
    {"nested_calls_100k", make_nested_calls, "E0115", 1},
    {"nested_brackets_100k_closed", make_nested_brackets_closed, "E0115", 1},
    {"unterminated_string_at_eof", make_unterminated_string_eof, "E0111 E0105", 2},
    {"unterminated_block_comment_at_eof", make_unterminated_comment_eof, "E0120", 1},
    {"truncated_inside_arguments", make_truncated_block, "E0102 E0105", 2},
    {"two_hundred_thousand_stray_braces", make_many_closing_braces, "E0100", 200000},
    {"fifty_thousand_models", make_many_empty_models, "", -1},
    {"one_mb_identifier", make_long_identifier, "", -1},
    {"only_newlines", make_only_newlines, "", -1},
    {"real_schema_crlf", make_real_crlf, "", -1},
    {"real_schema_bom", make_real_bom, "", -1},
    {"real_schema_truncated", make_real_truncated, "E0105", 1},
};

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void run_hostile(void **state)
{
    const hostile_case *c = *state;
    buf b = {NULL, 0, 0};
    c->make(&b);

    rm_sources srcs;
    rm_sources_init(&srcs);
    const rm_source *src = rm_sources_add(&srcs, "hostile.prisma", b.p ? b.p : "", b.len);
    assert_non_null(src);
    rm_diags d;
    rm_diags_init(&d);
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_prisma_ast *ast = NULL;

    double t0 = now_seconds();
    int rc = rm_prisma_parse(&ast, src, &a, &d);
    double dt = now_seconds() - t0;

    assert_non_null(ast);
    print_message("%s: %zu bytes, %zu blocks, %zu errors, %.3f s\n", c->name, b.len,
                  ast->nblocks, d.nerrors, dt);
    if (c->min_errors < 0) {
        for (size_t i = 0; i < d.n; i++)
            print_message("unexpected E%04u at %u: %s\n", d.items[i]->id, d.items[i]->loc.off,
                          d.items[i]->msg);
        assert_int_equal(d.nerrors, 0);
        assert_int_equal(rc, RM_OK);
    } else {
        assert_true(d.nerrors >= (size_t)c->min_errors);
        assert_int_equal(rc, RM_ESYNTAX);
    }
    /* Every stored diagnostic is a syntax one (E0100-E0199) with a span inside the text. */
    for (size_t i = 0; i < d.n; i++) {
        assert_true(d.items[i]->id >= 100 && d.items[i]->id <= 199);
        assert_true((size_t)d.items[i]->loc.off + d.items[i]->loc.len <= b.len);
    }
    /* Required ids. */
    char ids[64];
    snprintf(ids, sizeof ids, "%s", c->must_have);
    for (char *tok = strtok(ids, " "); tok; tok = strtok(NULL, " ")) {
        unsigned want = (unsigned)strtoul(tok + 1, NULL, 10);
        bool found = false;
        for (size_t i = 0; i < d.n && !found; i++)
            found = d.items[i]->id == want;
        if (!found)
            print_message("missing %s\n", tok);
        assert_true(found);
    }
    if (a.used > 16 * b.len + 65536)
        print_message("arena %zu bytes for %zu bytes of text\n", a.used, b.len);
    assert_true(a.used <= 16 * b.len + 65536);

    rm_arena_free(&a);
    rm_diags_free(&d);
    rm_sources_free(&srcs);
    free(b.p);
}

/* The memory target from the brief: an AST costs at most 10x the text it came from. */
static void memory_within_ten_times_text(void **state)
{
    (void)state;
    buf b = {NULL, 0, 0};
    load_real(&b);
    rm_sources srcs;
    rm_sources_init(&srcs);
    const rm_source *src = rm_sources_add(&srcs, "civitai.prisma", b.p, b.len);
    rm_diags d;
    rm_diags_init(&d);
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_prisma_ast *ast = NULL;
    assert_int_equal(rm_prisma_parse(&ast, src, &a, &d), RM_OK);
    print_message("text %zu bytes, arena %zu bytes (%.2fx)\n", b.len, a.used,
                  (double)a.used / (double)b.len);
    assert_true(a.used > 0);
    assert_true(a.used <= 10 * b.len);
    rm_arena_free(&a);
    rm_diags_free(&d);
    rm_sources_free(&srcs);
    free(b.p);
}

int main(void)
{
    struct CMUnitTest tests[RM_ARRAY_LEN(cases) + 1];
    size_t n = 0;
    for (size_t i = 0; i < RM_ARRAY_LEN(cases); i++)
        tests[n++] = (struct CMUnitTest){.name = cases[i].name, .test_func = run_hostile,
                                         .initial_state = (void *)&cases[i]};
    tests[n++] = (struct CMUnitTest){.name = "memory_within_ten_times_text",
                                     .test_func = memory_within_ten_times_text};
    return _cmocka_run_group_tests("prisma_hostile", tests, n, NULL, NULL);
}
