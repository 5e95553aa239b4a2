/*
 * libFuzzer target: the pure half of the migrations-folder reader (src/migrations/folder.c;
 * src/io/migrations_dir.c only lists sub-folders and reads files into the same calls). The
 * input is split at RM_FUZZ_MARK lines: part 0 is relmig.sum, part 1 migration_lock.toml, every
 * later part one migration whose first line is its folder name and the rest its migration.sql.
 * Runs finish (names, sort, checksums, lock provider), verify the sum as given, split each
 * script into statements, and checks two properties: a script matches its own checksum, and
 * a relmig.sum rendered for an accepted folder verifies against it. Not the history table
 * (it needs a database).
 */
#include "fuzz_common.h"
#include "fuzz_split.h"
#include "migrations/migrations.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rm_fuzz_part parts[RM_FUZZ_MAX_PARTS];
    size_t nparts = rm_fuzz_split(parts, (const char *)data, size);
    rm_sources srcs;
    rm_sources_init(&srcs);
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_diags d;
    rm_diags_init(&d);
    rm_mig_dir dir;
    rm_mig_dir_init(&dir, "fuzz/migrations", &a);
    dir.sum = rm_sources_add(&srcs, "relmig.sum", parts[0].text, parts[0].len);
    if (nparts > 1)
        dir.lock_file = rm_sources_add(&srcs, "migration_lock.toml", parts[1].text, parts[1].len);
    for (size_t i = 2; i < nparts; i++) {
        const char *nl = memchr(parts[i].text, '\n', parts[i].len);
        size_t nlen = nl ? (size_t)(nl - parts[i].text) : parts[i].len;
        const char *name = rm_arena_strndup(&a, parts[i].text, nlen);
        size_t skip = nl ? nlen + 1 : nlen;
        const rm_source *sql =
            rm_sources_add(&srcs, "migration.sql", parts[i].text + skip, parts[i].len - skip);
        if (sql)
            rm_mig_dir_add(&dir, name, sql, NULL);
    }
    int rc = rm_mig_dir_finish(&dir, &d);
    rm_mig_sum_verify(&dir, (size & 1) != 0, &d);
    for (size_t i = 0; i < dir.n; i++) {
        const rm_mig *m = &dir.items[i];
        if (!rm_mig_checksum_matches(m->checksum, m->sql->text, m->sql->len))
            __builtin_trap(); /* a script must match its own checksum */
        const char **stmts;
        size_t *offs, nst;
        rm_mig_split_statements(&stmts, &offs, &nst, m->sql->text, m->sql->len, &a);
        rm_mig_dir_find(&dir, m->name);
    }
    if (rc == RM_OK) {
        rm_sb sb = RM_SB_INIT;
        rm_mig_sum_render(&sb, &dir);
        dir.sum = rm_sources_add(&srcs, "relmig.sum", sb.buf ? sb.buf : "", sb.len);
        rm_sb_free(&sb);
        rm_diags fresh;
        rm_diags_init(&fresh);
        if (dir.sum && rm_mig_sum_verify(&dir, false, &fresh) != RM_OK)
            __builtin_trap(); /* relmig.sum written for a folder does not verify against it */
        rm_diags_free(&fresh);
    }
    rm_mig_lock_text(dir.provider ? dir.provider : "postgresql", &a);
    rm_fuzz_render_diags(&srcs, &d);
    rm_diags_free(&d);
    rm_arena_free(&a);
    rm_sources_free(&srcs);
    return 0;
}
