/*
 * Test helpers: process runner with output capture, file helpers, golden comparison.
 */
#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE
#include "testutil.h"

#include "model/schema.h"
#include "util/diag_render.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

typedef struct buf {
    char *p;
    size_t len, cap;
} buf;

static void buf_add(buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *q = realloc(b->p, cap);
        if (!q)
            abort();
        b->p = q;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

int rm_test_run(rm_test_proc *p, const char *const *argv, const char *const *env)
{
    int out_pipe[2], err_pipe[2];
    memset(p, 0, sizeof(*p));
    if (pipe(out_pipe) != 0 || pipe(err_pipe) != 0)
        return -1;
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        int devnull = open("/dev/null", O_RDONLY);
        dup2(devnull, 0);
        dup2(out_pipe[1], 1);
        dup2(err_pipe[1], 2);
        close(out_pipe[0]);
        close(err_pipe[0]);
        for (size_t i = 0; env && env[i]; i++)
            putenv((char *)env[i]);
        execv(argv[0], (char *const *)argv);
        _exit(127);
    }
    close(out_pipe[1]);
    close(err_pipe[1]);
    buf out = {0}, err = {0};
    buf_add(&out, "", 0);
    buf_add(&err, "", 0);
    struct pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
    int open_fds = 2;
    while (open_fds > 0) {
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        for (int i = 0; i < 2; i++) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP)))
                continue;
            char chunk[65536];
            ssize_t n = read(fds[i].fd, chunk, sizeof chunk);
            if (n <= 0) {
                close(fds[i].fd);
                fds[i].fd = -1;
                open_fds--;
            } else {
                buf_add(i == 0 ? &out : &err, chunk, (size_t)n);
            }
        }
    }
    int st = 0;
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR) {
    }
    p->out = out.p;
    p->err = err.p;
    p->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    return 0;
}

int rm_test_relmig(rm_test_proc *p, const char *const *args, const char *const *env)
{
    const char *argv[96];
    size_t n = 0;
    /* RELMIG_TEST_WRAPPER="/usr/bin/valgrind --error-exitcode=99 ..." runs every relmig
     * process under a tool (scripts/valgrind.sh). Split on spaces; no quoting, so no word
     * may contain a space. The first word must be a path (execv does not search PATH). */
    char wrap[2048] = "";
    const char *w = getenv("RELMIG_TEST_WRAPPER");
    if (w && *w)
        snprintf(wrap, sizeof wrap, "%s", w);
    for (char *save = NULL, *tok = strtok_r(wrap, " ", &save); tok && n < 32;
         tok = strtok_r(NULL, " ", &save))
        argv[n++] = tok;
    argv[n++] = RELMIG_BINARY_PATH;
    for (size_t i = 0; args && args[i] && n < 95; i++)
        argv[n++] = args[i];
    argv[n] = NULL;
    return rm_test_run(p, argv, env);
}

void rm_test_proc_free(rm_test_proc *p)
{
    free(p->out);
    free(p->err);
    p->out = p->err = NULL;
}

char *rm_test_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    buf b = {0};
    buf_add(&b, "", 0);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_add(&b, chunk, n);
    fclose(f);
    if (len)
        *len = b.len;
    return b.p;
}

bool rm_test_write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return false;
    bool ok = fwrite(data, 1, len, f) == len;
    return fclose(f) == 0 && ok;
}

bool rm_test_golden(const char *path, const char *actual)
{
    const char *update = getenv("RELMIG_UPDATE_GOLDEN");
    if (update && strcmp(update, "1") == 0) {
        if (!rm_test_write_file(path, actual, strlen(actual))) {
            fprintf(stderr, "cannot write golden file %s\n", path);
            return false;
        }
        return true;
    }
    char *expected = rm_test_read_file(path, NULL);
    if (!expected) {
        fprintf(stderr, "golden file %s missing (run with RELMIG_UPDATE_GOLDEN=1 to create it)\n",
                path);
        return false;
    }
    bool same = strcmp(expected, actual) == 0;
    if (!same) {
        size_t i = 0, line = 1;
        while (expected[i] && expected[i] == actual[i]) {
            if (expected[i] == '\n')
                line++;
            i++;
        }
        fprintf(stderr, "golden mismatch in %s at line %zu\n--- expected:\n%.300s\n--- actual:\n%.300s\n",
                path, line, expected + (i > 80 ? i - 80 : 0), actual + (i > 80 ? i - 80 : 0));
    }
    free(expected);
    return same;
}

char *rm_test_mkdtemp(void)
{
    const char *tmp = getenv("TMPDIR");
    char tmpl[4096];
    snprintf(tmpl, sizeof tmpl, "%s/relmig-test-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    char *d = mkdtemp(tmpl);
    return d ? strdup(d) : NULL;
}

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(path);
}

void rm_test_rmtree(const char *path)
{
    if (path)
        nftw(path, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t rm_test_list_files(char **names, size_t max, const char *dir, const char *ext,
                          const char *exclude)
{
    DIR *dh = opendir(dir);
    if (!dh)
        return 0;
    size_t n = 0, elen = strlen(ext);
    struct dirent *e;
    while ((e = readdir(dh)) != NULL && n < max) {
        size_t len = strlen(e->d_name);
        if (len > elen && strcmp(e->d_name + len - elen, ext) == 0 &&
            !(exclude && strstr(e->d_name, exclude)))
            names[n++] = strdup(e->d_name);
    }
    closedir(dh);
    qsort(names, n, sizeof *names, cmp_names);
    return n;
}

void rm_test_free_names(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
}

void rm_test_print_diags(const struct rm_sources *srcs, struct rm_diags *d)
{
    rm_sb out = RM_SB_INIT;
    rm_render_opts o = {false, false};
    rm_diags_render_text(&out, srcs, d, &o);
    printf("%s", rm_sb_str(&out));
    rm_sb_free(&out);
}

rm_graph *rm_test_build_clean(const char *path, rm_sources *srcs, rm_arena *a)
{
    size_t len = 0;
    char *text = rm_test_read_file(path, &len);
    if (!text) {
        printf("cannot read %s\n", path);
        return NULL;
    }
    rm_sources_add(srcs, path, text, len);
    free(text);
    rm_diags d;
    rm_diags_init(&d);
    rm_graph *g = NULL;
    int rc = rm_schema_build(&g, srcs, a, &d);
    if (d.n > 0)
        rm_test_print_diags(srcs, &d);
    bool clean = rc == RM_OK && d.n == 0;
    rm_diags_free(&d);
    return clean ? g : NULL;
}

unsigned short rm_test_free_port(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof sa;
    unsigned short port = 0;
    if (bind(fd, (struct sockaddr *)&sa, sizeof sa) == 0 &&
        getsockname(fd, (struct sockaddr *)&sa, &len) == 0)
        port = ntohs(sa.sin_port);
    close(fd);
    return port;
}

int rm_test_server_url(const char *env, const char **url)
{
    *url = getenv(env);
    if (*url && (*url)[0])
        return 0;
    const char *require = getenv("RELMIG_REQUIRE_SERVERS");
    if (require && strcmp(require, "1") == 0) {
        fprintf(stderr, "%s is not set but RELMIG_REQUIRE_SERVERS=1\n", env);
        return 1;
    }
    printf("skipped: %s is not set (scripts/testdb.sh start; eval \"$(scripts/testdb.sh env)\")\n",
           env);
    return 77;
}
