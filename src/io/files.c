/*
 * POSIX file access for schema inputs and written outputs.
 */
#define _DEFAULT_SOURCE /* realpath, lstat */
#define _POSIX_C_SOURCE 200809L
#include "io/files.h"

#include "util/sb.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool rm_io_has_ext(const char *path, const char *ext)
{
    size_t n = strlen(path), e = strlen(ext);
    return n > e && strcmp(path + n - e, ext) == 0;
}

int rm_io_read_source(rm_source **out, rm_sources *srcs, const char *path, rm_diags *d)
{
    int rc = RM_OK;
    char *buf = NULL;      /* malloc'd, growing buffer (pipes, files that grow) */
    char *in_arena = NULL; /* the text read straight into srcs' arena, while it fits */
    size_t cap = 0, len = 0;
    struct stat st;
    rm_source *src = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) {
        rm_diag_error(d, RM_E_IO_READ, RM_LOC_NONE, "cannot read %s: %s", path, strerror(errno));
        return RM_EIO;
    }
    if (fstat(fileno(f), &st) != 0 || S_ISDIR(st.st_mode)) {
        rm_diag_error(d, RM_E_IO_READ, RM_LOC_NONE, "cannot read %s: %s", path,
                      S_ISDIR(st.st_mode) ? "is a directory" : strerror(errno));
        rc = RM_EIO;
        goto done;
    }
    cap = S_ISREG(st.st_mode) && st.st_size > 0 ? (size_t)st.st_size + 1 : 4096;
    if (cap > RM_IO_MAX_FILE_SIZE + 1)
        cap = RM_IO_MAX_FILE_SIZE + 1;
    /* A regular file is read straight into the sources' arena and adopted there rather than
     * read into a buffer and copied: half the memory touched for the largest input. */
    if (S_ISREG(st.st_mode) && st.st_size > 0)
        in_arena = rm_arena_stralloc(&srcs->arena, cap);
    else
        buf = rm_xmalloc(cap);
    for (;;) {
        if (len == cap) {
            if (cap > RM_IO_MAX_FILE_SIZE) {
                rm_diag_error(d, RM_E_INPUT_TOO_LARGE, RM_LOC_NONE,
                              "%s is larger than the %zu MiB limit", path,
                              RM_IO_MAX_FILE_SIZE / (1024 * 1024));
                rc = RM_EIO;
                goto done;
            }
            cap *= 2;
            if (in_arena) {
                /* The file grew since fstat: on in a malloc'd buffer. */
                buf = rm_xmalloc(cap);
                memcpy(buf, in_arena, len);
                in_arena = NULL;
            } else {
                buf = rm_xrealloc(buf, cap);
            }
        }
        char *p = in_arena ? in_arena : buf;
        size_t got = fread(p + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        rm_diag_error(d, RM_E_IO_READ, RM_LOC_NONE, "cannot read %s: %s", path, strerror(errno));
        rc = RM_EIO;
        goto done;
    }
    if (len > RM_IO_MAX_FILE_SIZE) {
        rm_diag_error(d, RM_E_INPUT_TOO_LARGE, RM_LOC_NONE, "%s is larger than the %zu MiB limit",
                      path, RM_IO_MAX_FILE_SIZE / (1024 * 1024));
        rc = RM_EIO;
        goto done;
    }
    if (in_arena) {
        in_arena[len] = '\0'; /* len < cap: the loop ends on a read that got nothing */
        src = rm_sources_adopt(srcs, path, in_arena, len);
    } else {
        src = rm_sources_add(srcs, path, buf, len);
    }
    if (!src) {
        rm_diag_error(d, RM_E_INPUT_TOO_LARGE, RM_LOC_NONE, "%s is too large", path);
        rc = RM_EIO;
        goto done;
    }
    if (out)
        *out = src;
done:
    free(buf);
    fclose(f);
    return rc;
}

typedef struct path_list {
    char **items;
    size_t n, cap;
} path_list;

static void path_list_push(path_list *l, char *p)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->items = rm_xrealloc(l->items, l->cap * sizeof(char *));
    }
    l->items[l->n++] = p;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Collect schema files under dir (depth-limited so a symlink loop cannot recurse forever). */
static int collect_dir(path_list *l, const char *dir, int depth, rm_diags *d)
{
    if (depth > 16)
        return RM_OK;
    DIR *dh = opendir(dir);
    if (!dh) {
        rm_diag_error(d, RM_E_IO_READ, RM_LOC_NONE, "cannot read folder %s: %s", dir,
                      strerror(errno));
        return RM_EIO;
    }
    int rc = RM_OK;
    struct dirent *e;
    while ((e = readdir(dh)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        rm_sb p = RM_SB_INIT;
        rm_sb_appendf(&p, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(rm_sb_str(&p), &st) != 0) {
            rm_sb_free(&p);
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            if (strcmp(e->d_name, "migrations") != 0 && strcmp(e->d_name, "node_modules") != 0) {
                int r = collect_dir(l, rm_sb_str(&p), depth + 1, d);
                if (r < 0)
                    rc = r;
            }
            rm_sb_free(&p);
        } else if (rm_io_has_ext(e->d_name, ".prisma") || rm_io_has_ext(e->d_name, ".cerial")) {
            path_list_push(l, rm_sb_detach(&p));
        } else {
            rm_sb_free(&p);
        }
    }
    closedir(dh);
    return rc;
}

int rm_io_read_schema_paths(rm_sources *srcs, const char *const *paths, size_t npaths,
                            rm_diags *d)
{
    int rc = RM_OK;
    for (size_t i = 0; i < npaths; i++) {
        struct stat st;
        if (stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            path_list l = {NULL, 0, 0};
            int r = collect_dir(&l, paths[i], 0, d);
            if (r < 0)
                rc = r;
            qsort(l.items, l.n, sizeof(char *), cmp_str);
            if (l.n == 0 && r == RM_OK) {
                rm_diag_error(d, RM_E_IO_NO_SCHEMA_FILES, RM_LOC_NONE,
                              "%s holds no .prisma or .cerial files", paths[i]);
                rc = RM_ENOTFOUND;
            }
            for (size_t k = 0; k < l.n; k++) {
                r = rm_io_read_source(NULL, srcs, l.items[k], d);
                if (r < 0)
                    rc = r;
                free(l.items[k]);
            }
            free(l.items);
        } else {
            int r = rm_io_read_source(NULL, srcs, paths[i], d);
            if (r < 0)
                rc = r;
        }
    }
    return rc;
}

static int write_failed(const char *path, rm_diags *d)
{
    rm_diag_error(d, RM_E_IO_WRITE, RM_LOC_NONE, "cannot write %s: %s", path, strerror(errno));
    return RM_EIO;
}

static bool write_all(FILE *f, const char *data, size_t len)
{
    bool ok = fwrite(data, 1, len, f) == len;
    ok = (fflush(f) == 0) && ok;
    return (fclose(f) == 0) && ok;
}

int rm_io_write_file(const char *path, const char *data, size_t len, rm_diags *d)
{
    /* The rename is what makes the write atomic, and it replaces whatever is at path. That is
     * right for a regular file and wrong for anything else: `-o /dev/null` run as root once
     * replaced the device with a regular file, and `-o link.sql` would replace the link, not
     * write where it points. So: a symbolic link is followed to its target, a path that
     * exists and is not a regular file (a device, a FIFO, /dev/stdout) is written in place,
     * and a regular file keeps its permission bits. */
    char *resolved = NULL;
    struct stat st;
    bool exists = stat(path, &st) == 0;
    if (exists && S_ISDIR(st.st_mode)) {
        errno = EISDIR;
        return write_failed(path, d);
    }
    if (exists && !S_ISREG(st.st_mode)) {
        FILE *f = fopen(path, "wb");
        if (!f || !write_all(f, data, len))
            return write_failed(path, d);
        return RM_OK;
    }
    struct stat lst;
    if (exists && lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode))
        resolved = realpath(path, NULL);
    const char *target = resolved ? resolved : path;
    rm_sb tmp = RM_SB_INIT;
    rm_sb_appendf(&tmp, "%s.tmp.%ld", target, (long)getpid());
    int rc = RM_OK;
    FILE *f = fopen(rm_sb_str(&tmp), "wb");
    if (!f) {
        rc = write_failed(path, d);
    } else if (!write_all(f, data, len) ||
               (exists && chmod(rm_sb_str(&tmp), st.st_mode & 07777) != 0) ||
               rename(rm_sb_str(&tmp), target) != 0) {
        rc = write_failed(path, d);
        remove(rm_sb_str(&tmp));
    }
    rm_sb_free(&tmp);
    free(resolved);
    return rc;
}
