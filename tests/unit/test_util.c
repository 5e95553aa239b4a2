/*
 * Unit tests for the core utilities: arena (both modes), string builder (growth, sticky error,
 * JSON escaping), sources and line maps.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "util/arena.h"
#include "util/sb.h"
#include "util/source.h"

#include <stdlib.h>
#include <string.h>

static void arena_alignment_and_zeroing(void **state)
{
    (void)state;
    rm_arena a;
    rm_arena_init(&a, 128);
    for (size_t i = 1; i < 300; i++) {
        unsigned char *p = rm_arena_zalloc(&a, i);
        assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
        for (size_t k = 0; k < i; k++)
            assert_int_equal(p[k], 0);
        memset(p, 0xab, i); /* ASan would flag an overrun into a neighbour in debug mode */
    }
    assert_true(a.used >= 299 * 300 / 2);
    rm_arena_free(&a);
    assert_null(a.head);
}

static void arena_large_and_strings(void **state)
{
    (void)state;
    rm_arena a;
    rm_arena_init(&a, 0);
    char *small = rm_arena_strdup(&a, "before");
    char *big = rm_arena_alloc(&a, 1 << 20); /* larger than a block */
    memset(big, 'x', 1 << 20);
    char *after = rm_arena_strndup(&a, "after-and-more", 5);
    assert_string_equal(small, "before");
    assert_string_equal(after, "after");
    char *f = rm_arena_sprintf(&a, "%s-%d", "n", 42);
    assert_string_equal(f, "n-42");
    rm_arena_free(&a);
}

/* Geometric growth past the mmap'd (1 MiB) and huge-page (4 MiB) block sizes, and large
 * requests of their own: 48 MiB in mixed sizes, every byte written and read back (a block
 * shorter than its header claims, or two blocks overlapping, shows as a wrong byte or, under
 * ASan and valgrind, as an invalid access). */
static void arena_geometric_blocks(void **state)
{
    (void)state;
    static const size_t sizes[] = {1, 24, 100, 4000, 70000, 3u << 20, 5u << 20, 9u << 20};
    enum { NPTR = 4096 };
    unsigned char **ptrs = calloc(NPTR, sizeof *ptrs);
    size_t *lens = calloc(NPTR, sizeof *lens), total = 0, n = 0;
    rm_arena a;
    /* Dirty the heap first, so malloc'd blocks below reuse non-zero memory and a zalloc that
     * wrongly skipped its memset would show. */
    rm_arena_init(&a, 0);
    for (int i = 0; i < 64; i++)
        memset(rm_arena_alloc(&a, 60000), 0xa5, 60000);
    rm_arena_free(&a);
    rm_arena_init(&a, 0);
    for (size_t i = 0; total < (48u << 20) && n < NPTR; i++, n++) {
        size_t len = sizes[i % (sizeof sizes / sizeof sizes[0])];
        unsigned char *p = i % 3 == 0   ? (unsigned char *)rm_arena_stralloc(&a, len)
                           : i % 3 == 1 ? rm_arena_alloc(&a, len)
                                        : rm_arena_zalloc(&a, len);
        if (i % 3)
            assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
        /* zalloc skips the memset in mmap'd blocks (the kernel zeroed them): check it all */
        for (size_t k = 0; i % 3 == 2 && k < len; k++)
            if (p[k] != 0)
                fail_msg("allocation %zu (%zu bytes): byte %zu not zero", i, len, k);
        memset(p, (int)(n & 0xff), len);
        ptrs[n] = p;
        lens[n] = len;
        total += len;
    }
    assert_int_equal(a.used, total);
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < lens[i]; k += lens[i] > 4096 ? 4093 : 1)
            assert_int_equal(ptrs[i][k], i & 0xff);
    rm_arena_free(&a);
    assert_null(a.head);
    assert_int_equal(a.used, 0);
    free(ptrs);
    free(lens);
}

static void arena_vec_push(void **state)
{
    (void)state;
    rm_arena a;
    rm_arena_init(&a, 0);
    int *items = NULL;
    size_t n = 0, cap = 0;
    for (int i = 0; i < 1000; i++)
        RM_VEC_PUSH(&a, items, n, cap, i);
    assert_int_equal(n, 1000);
    for (int i = 0; i < 1000; i++)
        assert_int_equal(items[i], i);
    rm_arena_free(&a);
}

static void sb_growth_and_format(void **state)
{
    (void)state;
    rm_sb sb = RM_SB_INIT;
    assert_string_equal(rm_sb_str(&sb), "");
    for (int i = 0; i < 1000; i++)
        rm_sb_appendf(&sb, "%d,", i);
    assert_int_equal(rm_sb_error(&sb), RM_OK);
    assert_int_equal(strncmp(rm_sb_str(&sb), "0,1,2,", 6), 0);
    assert_int_equal(sb.len, strlen(sb.buf));
    rm_sb_truncate(&sb, 2);
    assert_string_equal(rm_sb_str(&sb), "0,");
    rm_sb_pad(&sb, '-', 3);
    assert_string_equal(rm_sb_str(&sb), "0,---");
    char *owned = rm_sb_detach(&sb);
    assert_string_equal(owned, "0,---");
    free(owned);
    assert_int_equal(sb.len, 0);
    rm_sb_free(&sb);
}

static void sb_sticky_error(void **state)
{
    (void)state;
    rm_sb sb;
    rm_sb_init(&sb, 10);
    rm_sb_puts(&sb, "12345");
    rm_sb_puts(&sb, "678901"); /* would exceed the cap of 10 */
    assert_int_not_equal(rm_sb_error(&sb), RM_OK);
    rm_sb_puts(&sb, "x"); /* ignored: the error is sticky */
    assert_string_equal(rm_sb_str(&sb), "12345");
    rm_sb_appendf(&sb, "%s", "y");
    assert_string_equal(rm_sb_str(&sb), "12345");
    rm_sb_reset(&sb);
    assert_int_equal(rm_sb_error(&sb), RM_OK);
    rm_sb_puts(&sb, "ok");
    assert_string_equal(rm_sb_str(&sb), "ok");
    rm_sb_free(&sb);
}

static void sb_json_escaping(void **state)
{
    (void)state;
    static const struct {
        const char *in;
        size_t len;
        const char *want;
    } rows[] = {
        {"plain", 5, "\"plain\""},
        {"q\"b\\", 4, "\"q\\\"b\\\\\""},
        {"a\nb\tc\r", 6, "\"a\\nb\\tc\\r\""},
        {"\x01\x7f", 2, "\"\\u0001\\u007f\""},
        {"caf\xc3\xa9", 5, "\"caf\xc3\xa9\""},    /* valid UTF-8 kept */
        {"bad\xff\xc3", 5, "\"bad\\ufffd\\ufffd\""}, /* invalid bytes replaced */
        {"nul\0x", 5, "\"nul\\u0000x\""},
        {"\xed\xa0\x80", 3, "\"\\ufffd\\ufffd\\ufffd\""}, /* UTF-16 surrogate encoded: invalid */
    };
    for (size_t i = 0; i < RM_ARRAY_LEN(rows); i++) {
        rm_sb sb = RM_SB_INIT;
        rm_sb_json_string(&sb, rows[i].in, rows[i].len);
        assert_string_equal(rm_sb_str(&sb), rows[i].want);
        rm_sb_free(&sb);
    }
}

static void source_line_map(void **state)
{
    (void)state;
    rm_sources s;
    rm_sources_init(&s);
    const char text[] = "ab\ncd\r\n\nlast";
    rm_source *src = rm_sources_add(&s, "x.prisma", text, sizeof text - 1);
    assert_non_null(src);
    assert_int_equal(src->id, 0);
    assert_int_equal(rm_source_line_count(src), 4);
    static const struct {
        size_t off;
        uint32_t line, col;
    } rows[] = {{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {6, 2, 4}, {7, 3, 1}, {8, 4, 1}, {12, 4, 5},
                {999, 4, 5}};
    for (size_t i = 0; i < RM_ARRAY_LEN(rows); i++) {
        uint32_t line, col;
        rm_source_line_col(src, rows[i].off, &line, &col);
        assert_int_equal(line, rows[i].line);
        assert_int_equal(col, rows[i].col);
    }
    size_t a, b;
    rm_source_line_span(src, 2, &a, &b);
    assert_int_equal(a, 3);
    assert_int_equal(b, 5); /* \r excluded */
    rm_source_line_span(src, 4, &a, &b);
    assert_int_equal(b - a, 4);
    assert_ptr_equal(rm_sources_get(&s, 0), src);
    assert_null(rm_sources_get(&s, 1));
    rm_sources_free(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(arena_alignment_and_zeroing),
        cmocka_unit_test(arena_large_and_strings),
        cmocka_unit_test(arena_geometric_blocks),
        cmocka_unit_test(arena_vec_push),
        cmocka_unit_test(sb_growth_and_format),
        cmocka_unit_test(sb_sticky_error),
        cmocka_unit_test(sb_json_escaping),
        cmocka_unit_test(source_line_map),
    };
    return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
