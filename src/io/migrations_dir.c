/*
 * POSIX reading of a migrations folder (see migrations_dir.h). Not for validating names or
 * contents: rm_mig_dir_finish and rm_mig_sum_verify do that.
 */
#define _POSIX_C_SOURCE 200809L
#include "io/migrations_dir.h"

#include "io/files.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static bool is_file(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int rm_io_read_migrations(rm_mig_dir *out, const char *path, rm_sources *srcs, rm_arena *a,
                          rm_diags *d)
{
    rm_mig_dir_init(out, path, a);
    DIR *dh = opendir(path);
    if (!dh) {
        rm_diag *g = rm_diag_error(d, RM_E_IO_READ, RM_LOC_NONE,
                                   "cannot read migrations folder %s: %s", path, strerror(errno));
        rm_diag_set_hint(d, g, "Pass the folder with --dir (default ./migrations).");
        return RM_EIO;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(dh)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char *full = rm_arena_sprintf(a, "%s/%s", path, e->d_name);
        struct stat st;
        if (stat(full, &st) != 0 || !S_ISDIR(st.st_mode))
            continue;
        RM_VEC_PUSH(a, names, n, cap, rm_arena_strdup(a, e->d_name));
    }
    closedir(dh);
    if (n > 1)
        qsort(names, n, sizeof *names, cmp_str);
    int rc = RM_OK;
    for (size_t i = 0; i < n; i++) {
        char *sqlp = rm_arena_sprintf(a, "%s/%s/migration.sql", path, names[i]);
        if (!is_file(sqlp)) {
            rm_diag *g =
                rm_diag_error(d, RM_E_MIG_NO_SCRIPT, RM_LOC_NONE,
                              "migration folder %s/%s has no migration.sql", path, names[i]);
            rm_diag_set_hint(d, g,
                             "Every sub-folder of the migrations folder is a migration; "
                             "remove or move folders that are not.");
            rc = RM_ERR;
            continue;
        }
        rm_source *sql = NULL, *down = NULL;
        if (rm_io_read_source(&sql, srcs, sqlp, d) != RM_OK) {
            rc = RM_EIO;
            continue;
        }
        char *downp = rm_arena_sprintf(a, "%s/%s/down.sql", path, names[i]);
        if (is_file(downp) && rm_io_read_source(&down, srcs, downp, d) != RM_OK) {
            rc = RM_EIO;
            continue;
        }
        rm_mig_dir_add(out, names[i], sql, down);
    }
    char *lockp = rm_arena_sprintf(a, "%s/" RM_MIG_LOCK_FILE, path);
    if (is_file(lockp)) {
        rm_source *s = NULL;
        if (rm_io_read_source(&s, srcs, lockp, d) != RM_OK)
            rc = RM_EIO;
        out->lock_file = s;
    }
    char *sump = rm_arena_sprintf(a, "%s/" RM_MIG_SUM_FILE, path);
    if (is_file(sump)) {
        rm_source *s = NULL;
        if (rm_io_read_source(&s, srcs, sump, d) != RM_OK)
            rc = RM_EIO;
        out->sum = s;
    }
    if (rm_mig_dir_finish(out, d) != RM_OK && rc == RM_OK)
        rc = RM_ERR;
    return rc;
}

int rm_io_write_migrations_sum(const rm_mig_dir *dir, rm_diags *d)
{
    rm_sb sb = RM_SB_INIT;
    rm_mig_sum_render(&sb, dir);
    char *p = rm_arena_sprintf(dir->arena, "%s/" RM_MIG_SUM_FILE, dir->path);
    int rc = rm_io_write_file(p, rm_sb_str(&sb), sb.len, d);
    rm_sb_free(&sb);
    return rc;
}

static int64_t env_now_ms(void *ud)
{
    (void)ud;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void env_sleep_ms(void *ud, int ms)
{
    (void)ud;
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

static void env_random(void *ud, uint8_t *out, size_t n)
{
    (void)ud;
    FILE *f = fopen("/dev/urandom", "rb");
    size_t got = f ? fread(out, 1, n, f) : 0;
    if (f)
        fclose(f);
    if (got == n)
        return;
    /* No /dev/urandom (a chroot): uniqueness, not secrecy, is what an id needs. */
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    uint64_t x = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 20) ^ ((uint64_t)getpid() << 40);
    for (size_t i = 0; i < n; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        out[i] = (uint8_t)x;
    }
}

static void env_progress(void *ud, const char *line)
{
    FILE *f = ud ? ud : stdout;
    fprintf(f, "%s\n", line);
    fflush(f);
}

void rm_io_mig_env(rm_mig_env *out, void *progress_stream)
{
    out->ud = progress_stream;
    out->now_ms = env_now_ms;
    out->sleep_ms = env_sleep_ms;
    out->random = env_random;
    out->progress = env_progress;
}
