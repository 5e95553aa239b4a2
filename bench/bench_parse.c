/*
 * bench_parse: how fast the Prisma parser is and how much memory its AST takes.
 *
 *   bench_parse [--runs R] [N | FILE]...     (default: 1000 10000)
 *
 * A number N means "a schema of N models": written by shared/oracle/gen_schema.py (the same
 * generator the peers' benchmarks use) into a temporary file. A path is read as is. Each input
 * is parsed R times (default 15), each time into a fresh arena; the report gives the median
 * and best CPU time, throughput (MB/s of schema text per CPU second), the median wall time,
 * and the arena bytes of one parse against the text size. Not a test: nothing is asserted, numbers go to bench/prisma.md.
 * The graph engineer extends this with validation (same inputs, one more timed stage).
 */
#define _POSIX_C_SOURCE 200809L
#include "parser/prisma.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

/* CPU time of this process: the machine this runs on is often shared (a loaded box stretches
 * wall time several-fold), and the parser is single-threaded and does no I/O, so CPU time is
 * what it costs. Wall time is reported too. */
static double cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* User-mode CPU only: the parser's own work, without the kernel's cost of handing the arena
 * fresh pages (page faults), which is a large share for big inputs on a small VM. */
static double user_seconds(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6;
}

static double wall_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a;
    double y = *(const double *)b;
    return (x > y) - (x < y);
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16;
    size_t n = 0;
    char *p = malloc(cap);
    for (;;) {
        if (n == cap) {
            cap *= 2;
            p = realloc(p, cap);
        }
        size_t got = fread(p + n, 1, cap - n, f);
        if (got == 0)
            break;
        n += got;
    }
    fclose(f);
    *len = n;
    return p;
}

/* Write a schema of n models with gen_schema.py; returns the temporary path or NULL. */
static char *generate(long n)
{
    static char path[256];
    snprintf(path, sizeof path, "/tmp/relmig_bench_%ld_%ld.prisma", n, (long)time(NULL));
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "python3 '%s/oracle/gen_schema.py' %ld -o '%s' >/dev/null",
             RELMIG_SHARED_DIR, n, path);
    if (system(cmd) != 0) {
        fprintf(stderr, "bench_parse: gen_schema.py failed (%s)\n", cmd);
        return NULL;
    }
    return path;
}

static int bench_one(const char *label, const char *text, size_t len, int runs)
{
    rm_sources srcs;
    rm_sources_init(&srcs);
    const rm_source *src = rm_sources_add(&srcs, label, text, len);
    if (!src) {
        fprintf(stderr, "bench_parse: %s is too large\n", label);
        return 1;
    }
    double *times = calloc((size_t)runs, sizeof *times);
    double *walls = calloc((size_t)runs, sizeof *walls);
    double *users = calloc((size_t)runs, sizeof *users);
    size_t arena_bytes = 0;
    size_t nblocks = 0;
    size_t nerrors = 0;
    for (int r = 0; r < runs; r++) {
        rm_diags d;
        rm_diags_init(&d);
        rm_arena a;
        rm_arena_init(&a, 0);
        rm_prisma_ast *ast = NULL;
        double w0 = wall_seconds();
        double u0 = user_seconds();
        double t0 = cpu_seconds();
        rm_prisma_parse(&ast, src, &a, &d);
        times[r] = cpu_seconds() - t0;
        users[r] = user_seconds() - u0;
        walls[r] = wall_seconds() - w0;
        arena_bytes = a.used;
        nblocks = ast->nblocks;
        nerrors = d.nerrors;
        rm_arena_free(&a);
        rm_diags_free(&d);
    }
    qsort(times, (size_t)runs, sizeof *times, cmp_double);
    qsort(walls, (size_t)runs, sizeof *walls, cmp_double);
    /* getrusage ticks are coarse (milliseconds): use the mean over all runs, not a median. */
    double user_total = 0;
    for (int r = 0; r < runs; r++)
        user_total += users[r];
    double user_mean = user_total > 0 ? user_total / runs : 1e-9;
    double median = times[runs / 2];
    double mb = (double)len / (1024.0 * 1024.0);
    printf("%-14s %8.1f KiB %6zu blocks %zu errors | cpu median %7.2f ms best %7.2f ms "
           "= %6.1f MB/s (user-mode mean %6.1f MB/s) | wall median %7.2f ms | arena %zu B = %.2fx "
           "text\n",
           label, (double)len / 1024.0, nblocks, nerrors, median * 1e3, times[0] * 1e3,
           mb / median, mb / user_mean, walls[runs / 2] * 1e3, arena_bytes,
           (double)arena_bytes / (double)len);
    free(times);
    free(walls);
    free(users);
    rm_sources_free(&srcs);
    return 0;
}

int main(int argc, char **argv)
{
    int runs = 15;
    const char *defaults[] = {"1000", "10000"};
    const char **inputs = (const char **)argv + 1;
    int ninputs = argc - 1;
    if (ninputs >= 2 && strcmp(inputs[0], "--runs") == 0) {
        runs = atoi(inputs[1]);
        inputs += 2;
        ninputs -= 2;
    }
    if (runs < 1)
        runs = 1;
    if (ninputs == 0) {
        inputs = defaults;
        ninputs = 2;
    }
    int rc = 0;
    for (int i = 0; i < ninputs; i++) {
        const char *in = inputs[i];
        char *end = NULL;
        long n = strtol(in, &end, 10);
        const char *path = in;
        char label[64];
        bool generated = end && *end == '\0' && n > 0;
        if (generated) {
            path = generate(n);
            if (!path) {
                rc = 1;
                continue;
            }
            snprintf(label, sizeof label, "%ld models", n);
        } else {
            const char *base = strrchr(in, '/');
            snprintf(label, sizeof label, "%.14s", base ? base + 1 : in);
        }
        size_t len = 0;
        char *text = read_all(path, &len);
        if (!text) {
            fprintf(stderr, "bench_parse: cannot read %s\n", path);
            rc = 1;
            continue;
        }
        rc |= bench_one(label, text, len, runs);
        free(text);
        if (generated)
            remove(path);
    }
    return rc;
}
