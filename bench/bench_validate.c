/*
 * bench_validate: parse + validate + build the relation graph (rm_schema_build), the whole core
 * half of `relmig validate`, for generated Prisma and Cerial schemas.
 *
 *   bench_validate [--runs R] [pN | cN | FILE]...   (default: p1000 p10000 c10000, R = 7)
 *
 * pN is a Prisma schema of N models written by shared/oracle/gen_schema.py (the generator the
 * other benchmarks use); cN is a Cerial schema of N models written by gen_cerial() below (a
 * chain: every model has scalars, an @unique Email, an optional forward relation to the
 * previous model and the reverse Relation[] of the next one); a path is read as is (by its
 * extension). Each input runs in its own child process, so the max RSS reported is that
 * input's own peak. Each run builds into a fresh arena; the report gives the median CPU time,
 * MB/s of schema text per CPU second, the bytes the returned graph took from that arena (the
 * Prisma parser's nodes and the builder's tables live in a scratch arena freed inside
 * rm_schema_build), the max RSS and how much of it the builds added (the peak of one build),
 * all against the text size. Not a test: nothing is asserted; figures go to bench/prisma.md and bench/cerial.md.
 */
#define _POSIX_C_SOURCE 200809L
#include "model/schema.h"
#include "util/sb.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* CPU time, not wall time: the machine is shared and the build is single-threaded. */
static double cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *p = malloc(cap);
    for (;;) {
        if (n == cap)
            p = realloc(p, cap *= 2);
        size_t got = fread(p + n, 1, cap - n, f);
        if (got == 0)
            break;
        n += got;
    }
    fclose(f);
    *len = n;
    return p;
}

static char *gen_prisma(long n, size_t *len)
{
    char path[256], cmd[1024];
    snprintf(path, sizeof path, "/tmp/relmig_bench_validate_%ld_%ld.prisma", n, (long)getpid());
    snprintf(cmd, sizeof cmd, "python3 '%s/oracle/gen_schema.py' %ld -o '%s' >/dev/null",
             RELMIG_SHARED_DIR, n, path);
    if (system(cmd) != 0)
        return NULL;
    char *text = read_all(path, len);
    remove(path);
    return text;
}

/* A valid Cerial schema of n models (see the header). */
static char *gen_cerial(long n, size_t *len)
{
    rm_sb sb;
    rm_sb_init(&sb, 0);
    for (long i = 0; i < n; i++) {
        rm_sb_appendf(&sb, "# model %ld of %ld\nmodel Model%ld {\n  id Record @id\n", i, n, i);
        rm_sb_appendf(&sb, "  name String\n  email Email @unique\n  score Float?\n"
                           "  active Bool @default(true)\n  createdAt Date @createdAt\n");
        if (i > 0)
            rm_sb_appendf(
                &sb, "  prevId Record?\n  prev Relation? @field(prevId) @model(Model%ld)\n", i - 1);
        if (i + 1 < n)
            rm_sb_appendf(&sb, "  nexts Relation[] @model(Model%ld)\n", i + 1);
        rm_sb_puts(&sb, "}\n\n");
    }
    *len = sb.len;
    return rm_sb_detach(&sb);
}

/* Peak resident set so far, in bytes (Linux reports KiB). */
static double max_rss_bytes(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_maxrss * 1024.0;
}

/* Takes text (malloc'd) and frees it once the sources hold their own copy, so the memory
 * figures do not count the bench's read buffer. */
static void bench_one(const char *label, const char *path, char *text, size_t len, int runs)
{
    rm_sources srcs;
    rm_sources_init(&srcs);
    rm_sources_add(&srcs, path, text, len);
    free(text);
    /* The build's own peak: what the high-water mark grows by past the sources (and the
     * process's baseline). The arena blocks of one run are reused by malloc in the next. */
    double rss_before = max_rss_bytes();
    double *times = calloc((size_t)runs, sizeof(double));
    size_t arena_bytes = 0, nerrors = 0, nmodels = 0, nrel = 0;
    for (int r = 0; r < runs; r++) {
        rm_arena a;
        rm_diags d;
        rm_graph *g = NULL;
        rm_arena_init(&a, 0);
        rm_diags_init(&d);
        double t0 = cpu_seconds();
        rm_schema_build(&g, &srcs, &a, &d);
        times[r] = cpu_seconds() - t0;
        arena_bytes = a.used;
        nerrors = d.nerrors;
        nmodels = g ? g->nmodels : 0;
        nrel = g ? g->nrelations : 0;
        rm_diags_free(&d);
        rm_arena_free(&a);
    }
    qsort(times, (size_t)runs, sizeof(double), cmp_double);
    double med = times[runs / 2], mb = (double)len / 1e6;
    double rss = max_rss_bytes(), grown = rss - rss_before;
    printf("%-14s %9.1f KiB %6zu models %6zu relations %zu errors | cpu median %8.2f ms "
           "best %8.2f ms = %6.1f MB/s | graph arena %zu B = %.2fx text | max RSS %.1f MiB = "
           "%.2fx text (before the builds %.1f MiB; build peak +%.1f MiB = %.2fx text)\n",
           label, (double)len / 1024.0, nmodels, nrel, nerrors, med * 1e3, times[0] * 1e3, mb / med,
           arena_bytes, (double)arena_bytes / (double)len, rss / 1048576.0, rss / (double)len,
           rss_before / 1048576.0, grown / 1048576.0, grown / (double)len);
    fflush(stdout);
    free(times);
    rm_sources_free(&srcs);
}

int main(int argc, char **argv)
{
    int runs = 7;
    const char *defaults[] = {"p1000", "p10000", "c10000"};
    const char **inputs = (const char **)argv + 1;
    int ninputs = argc - 1, rc = 0;
    if (ninputs >= 2 && strcmp(inputs[0], "--runs") == 0) {
        runs = atoi(inputs[1]);
        inputs += 2;
        ninputs -= 2;
    }
    if (runs < 1)
        runs = 1;
    if (ninputs == 0) {
        inputs = defaults;
        ninputs = 3;
    }
    for (int i = 0; i < ninputs; i++) {
        pid_t pid = fork();
        if (pid < 0)
            return 1;
        if (pid > 0) {
            int st = 0;
            waitpid(pid, &st, 0);
            rc |= !WIFEXITED(st) || WEXITSTATUS(st) != 0;
            continue;
        }
        const char *in = inputs[i];
        char *end = NULL, label[64];
        long n = (in[0] == 'p' || in[0] == 'c') ? strtol(in + 1, &end, 10) : 0;
        size_t len = 0;
        char *text;
        const char *path = in;
        if (end && *end == '\0' && n > 0) {
            bool cerial = in[0] == 'c';
            text = cerial ? gen_cerial(n, &len) : gen_prisma(n, &len);
            path = cerial ? "generated.cerial" : "generated.prisma";
            snprintf(label, sizeof label, "%s %ld", cerial ? "cerial" : "prisma", n);
        } else {
            text = read_all(in, &len);
            snprintf(label, sizeof label, "%.14s", strrchr(in, '/') ? strrchr(in, '/') + 1 : in);
        }
        if (!text) {
            fprintf(stderr, "bench_validate: cannot read or generate %s\n", in);
            _exit(1);
        }
        bench_one(label, path, text, len, runs);
        _exit(0);
    }
    return rc;
}
