/*
 * SHA-256 as specified in FIPS 180-4, written for clarity over speed (a migration script is
 * hashed once per command). Test vectors from FIPS 180-4 / NIST CAVP live in
 * tests/unit/test_sha256.c. Not a general crypto library.
 */
#include "util/sha256.h"

#include <string.h>

static const uint32_t k_round[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

static uint32_t rotr(uint32_t x, unsigned n)
{
    return (x >> n) | (x << (32 - n));
}

static void compress(uint32_t st[8], const uint8_t p[64])
{
    uint32_t w[64];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
               (uint32_t)p[4 * i + 2] << 8 | (uint32_t)p[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = st[0], b = st[1], c = st[2], d = st[3];
    uint32_t e = st[4], f = st[5], g = st[6], h = st[7];
    for (int i = 0; i < 64; i++) {
        uint32_t s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
        uint32_t ch = (e & f) ^ (~e & g);
        uint32_t t1 = h + s1 + ch + k_round[i] + w[i];
        uint32_t s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
        uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
        uint32_t t2 = s0 + maj;
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    st[0] += a;
    st[1] += b;
    st[2] += c;
    st[3] += d;
    st[4] += e;
    st[5] += f;
    st[6] += g;
    st[7] += h;
}

void rm_sha256_init(rm_sha256 *h)
{
    static const uint32_t iv[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    memcpy(h->state, iv, sizeof iv);
    h->nbytes = 0;
    h->nblock = 0;
}

void rm_sha256_update(rm_sha256 *h, const void *data, size_t len)
{
    const uint8_t *p = data;
    h->nbytes += len;
    if (h->nblock > 0) {
        size_t take = 64 - h->nblock < len ? 64 - h->nblock : len;
        memcpy(h->block + h->nblock, p, take);
        h->nblock += take;
        p += take;
        len -= take;
        if (h->nblock < 64)
            return;
        compress(h->state, h->block);
        h->nblock = 0;
    }
    while (len >= 64) {
        compress(h->state, p);
        p += 64;
        len -= 64;
    }
    memcpy(h->block, p, len);
    h->nblock = len;
}

void rm_sha256_final(rm_sha256 *h, uint8_t out[RM_SHA256_LEN])
{
    uint64_t bits = h->nbytes * 8;
    h->block[h->nblock++] = 0x80;
    if (h->nblock > 56) {
        memset(h->block + h->nblock, 0, 64 - h->nblock);
        compress(h->state, h->block);
        h->nblock = 0;
    }
    memset(h->block + h->nblock, 0, 56 - h->nblock);
    for (int i = 0; i < 8; i++)
        h->block[56 + i] = (uint8_t)(bits >> (56 - 8 * i));
    compress(h->state, h->block);
    for (int i = 0; i < 8; i++) {
        out[4 * i] = (uint8_t)(h->state[i] >> 24);
        out[4 * i + 1] = (uint8_t)(h->state[i] >> 16);
        out[4 * i + 2] = (uint8_t)(h->state[i] >> 8);
        out[4 * i + 3] = (uint8_t)h->state[i];
    }
}

void rm_sha256_to_hex(char out[RM_SHA256_HEX_LEN + 1], const uint8_t digest[RM_SHA256_LEN])
{
    static const char hexd[] = "0123456789abcdef";
    for (int i = 0; i < RM_SHA256_LEN; i++) {
        out[2 * i] = hexd[digest[i] >> 4];
        out[2 * i + 1] = hexd[digest[i] & 15];
    }
    out[RM_SHA256_HEX_LEN] = '\0';
}

void rm_sha256_hex(char out[RM_SHA256_HEX_LEN + 1], const void *data, size_t len)
{
    rm_sha256 h;
    uint8_t d[RM_SHA256_LEN];
    rm_sha256_init(&h);
    rm_sha256_update(&h, data, len);
    rm_sha256_final(&h, d);
    rm_sha256_to_hex(out, d);
}
