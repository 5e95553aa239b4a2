/*
 * SHA-256 test vectors: the FIPS 180-4 / NIST examples (empty, "abc", the 448- and 896-bit
 * messages, one million 'a'), plus padding-boundary lengths checked against the system's
 * sha256sum (an independent implementation; those rows skip when it is absent), and chunked
 * updates against one-shot hashing. One row per case.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "util/sha256.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct vec_case {
    const char *name;
    const char *msg; /* NULL: one million 'a' */
    const char *hex;
} vec_case;

static const vec_case vectors[] = {
    {"empty", "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
    {"abc", "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
    {"448_bits", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
     "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
    {"896_bits",
     "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlm"
     "nopqrsmnopqrstnopqrstu",
     "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"},
    {"million_a", NULL, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
    /* sha256sum of a migration.sql holding "-- x\n" (computed with coreutils sha256sum) */
    {"comment_line", "-- x\n", "53d1868a1047fcd279cfd9b2bfb10c58047917905356470152d4ef118bc9719e"},
};

static void run_vector(void **state)
{
    const vec_case *c = *state;
    char hex[RM_SHA256_HEX_LEN + 1];
    if (c->msg) {
        rm_sha256_hex(hex, c->msg, strlen(c->msg));
    } else {
        char *m = malloc(1000000);
        assert_non_null(m);
        memset(m, 'a', 1000000);
        rm_sha256_hex(hex, m, 1000000);
        free(m);
    }
    assert_string_equal(hex, c->hex);
}

/* Lengths around the padding boundaries, hashed by sha256sum for an independent answer. */
static const size_t boundary_lens[] = {1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000};

static void make_msg(unsigned char *buf, size_t n)
{
    uint32_t x = (uint32_t)n * 2654435761u;
    for (size_t i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u;
        buf[i] = (unsigned char)(x >> 16);
    }
}

static void run_boundary(void **state)
{
    size_t n = *(const size_t *)*state;
    unsigned char *buf = malloc(n);
    assert_non_null(buf);
    make_msg(buf, n);
    char path[] = "/tmp/relmig-sha-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "wb");
    assert_int_equal(fwrite(buf, 1, n, f), n);
    fclose(f);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "sha256sum %s 2>/dev/null", path);
    FILE *p = popen(cmd, "r");
    char want[80] = "";
    bool got = p && fgets(want, sizeof want, p) && strlen(want) > 64;
    if (p)
        pclose(p);
    remove(path);
    if (!got) {
        free(buf);
        skip();
    }
    want[64] = '\0';
    char hex[RM_SHA256_HEX_LEN + 1];
    rm_sha256_hex(hex, buf, n);
    assert_string_equal(hex, want);
    /* the same bytes fed in uneven chunks */
    rm_sha256 h;
    uint8_t dg[RM_SHA256_LEN];
    rm_sha256_init(&h);
    for (size_t i = 0, step = 1; i < n; i += step, step = step * 2 + 1)
        rm_sha256_update(&h, buf + i, step < n - i ? step : n - i);
    rm_sha256_final(&h, dg);
    rm_sha256_to_hex(hex, dg);
    assert_string_equal(hex, want);
    free(buf);
}

int main(void)
{
    size_t nv = sizeof vectors / sizeof vectors[0];
    size_t nb = sizeof boundary_lens / sizeof boundary_lens[0];
    struct CMUnitTest *tests = calloc(nv + nb, sizeof *tests);
    char(*names)[48] = calloc(nb, sizeof *names);
    for (size_t i = 0; i < nv; i++) {
        tests[i].name = vectors[i].name;
        tests[i].test_func = run_vector;
        tests[i].initial_state = (void *)&vectors[i];
    }
    for (size_t i = 0; i < nb; i++) {
        snprintf(names[i], sizeof names[i], "sha256sum_len_%zu", boundary_lens[i]);
        tests[nv + i].name = names[i];
        tests[nv + i].test_func = run_boundary;
        tests[nv + i].initial_state = (void *)&boundary_lens[i];
    }
    int rc = _cmocka_run_group_tests("sha256", tests, nv + nb, NULL, NULL);
    free(tests);
    free(names);
    return rc;
}
