/*
 * SHA-256 (FIPS 180-4), for migration checksums: Prisma's `_prisma_migrations.checksum` is the
 * lowercase hex SHA-256 of migration.sql, and relmig.sum hashes the same bytes. Not for
 * security-sensitive uses beyond integrity checks (no constant-time guarantees are needed).
 */
#ifndef RELMIG_UTIL_SHA256_H
#define RELMIG_UTIL_SHA256_H

#include "util/common.h"

#define RM_SHA256_LEN 32
#define RM_SHA256_HEX_LEN 64

typedef struct rm_sha256 {
    uint32_t state[8];
    uint64_t nbytes;   /* total bytes fed so far */
    uint8_t block[64]; /* pending partial block */
    size_t nblock;     /* bytes in block */
} rm_sha256;

void rm_sha256_init(rm_sha256 *h);
void rm_sha256_update(rm_sha256 *h, const void *data, size_t len);
/* Finish and write the 32-byte digest; h must be re-initialised before reuse. */
void rm_sha256_final(rm_sha256 *h, uint8_t out[RM_SHA256_LEN]);

/* One-shot: digest of data as 64 lowercase hex digits and a NUL (caller's buffer). */
void rm_sha256_hex(char out[RM_SHA256_HEX_LEN + 1], const void *data, size_t len);
/* Digest bytes to lowercase hex (zero-padded, 64 digits + NUL). */
void rm_sha256_to_hex(char out[RM_SHA256_HEX_LEN + 1], const uint8_t digest[RM_SHA256_LEN]);

#endif
