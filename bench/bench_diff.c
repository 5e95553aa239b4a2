/*
 * bench_diff: how fast `relmig diff --from empty --to SCHEMA` is, per dialect, and how that
 * compares with Prisma's `migrate diff --from-empty --to-schema-datamodel` on the same file.
 *
 *   bench_diff [--runs R] [--oracle-runs K] [--no-oracle] [--oracle-big] [N]...  (default 1000)
 *
 * For each N, shared/oracle/gen_schema.py writes a schema of N models per provider
 * (postgresql, mysql, sqlite; url = env("PEER_URL") so the oracle can read it too). Timed:
 *   - in process, R times (default 7), median: read + parse + validate (rm_schema_build),
 *     lower (rm_sqlschema_lower), diff from the empty schema (rm_diff_schemas) and render the
 *     SQL (rm_diff_render_sql), each stage's CPU time and the total wall time;
 *   - the relmig binary as a process (`relmig diff ... > /dev/null`, started with posix_spawn,
 *     not through a shell, so the shell's own start-up is not counted), R times: median wall,
 *     and the median CPU time (user + system) and minor page faults the child used (wait4),
 *     which the load of a shared machine inflates far less than the wall time;
 *   - the oracle: `prisma6 migrate diff --from-empty --to-schema-datamodel FILE --script`, K
 *     times (default 1; only for N <= 1000 unless --oracle-big; PostgreSQL and SQLite, as
 *     Prisma's wasm engine has no MySQL connector), median wall; PostgreSQL needs
 *     RELMIG_TEST_PG_URL, SQLite uses a temporary file. The ratio is oracle wall / relmig
 *     process wall.
 * Not a test: nothing is asserted; figures go to bench/diff.md.
 */
#define _DEFAULT_SOURCE /* wait4 */
#include "diff/diff.h"
#include "model/schema.h"
#include "sqlschema/lower.h"
#include "util/sb.h"

#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

#define MAX_RUNS 64

static double cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double wall_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        fclose(f);
        return NULL;
    }
    buf[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return buf;
}

typedef struct stage_times {
    double build, lower, diff, render, wall;
    size_t sql_bytes, changes;
} stage_times;

/* One in-process run; returns 0 on success. */
static int run_once(stage_times *t, const char *path, const rm_dialect *d)
{
    double w0 = wall_seconds(), c0 = cpu_seconds();
    size_t len;
    char *text = read_all(path, &len);
    if (!text)
        return 1;
    rm_sources srcs;
    rm_sources_init(&srcs);
    rm_sources_add(&srcs, path, text, len);
    free(text);
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_diags diags;
    rm_diags_init(&diags);
    rm_graph *g;
    rm_schema_build(&g, &srcs, &a, &diags);
    double c1 = cpu_seconds();
    int rc = diags.nerrors ? 1 : 0;
    rm_sqlschema to, empty;
    if (!rc)
        rc = rm_sqlschema_lower(&to, g, d, NULL, &a, &diags) != RM_OK;
    double c2 = cpu_seconds();
    rm_diff df;
    if (!rc) {
        rm_sqlschema_init(&empty, &a);
        rc = rm_diff_schemas(&df, &empty, &to, d, &a, &diags) != RM_OK;
    }
    double c3 = cpu_seconds();
    rm_sb sb = RM_SB_INIT;
    if (!rc)
        rc = rm_diff_render_sql(&sb, &df, true, &diags) != RM_OK;
    double c4 = cpu_seconds();
    t->build = c1 - c0;
    t->lower = c2 - c1;
    t->diff = c3 - c2;
    t->render = c4 - c3;
    t->sql_bytes = sb.len;
    t->changes = rc ? 0 : df.n;
    rm_sb_free(&sb);
    rm_diags_free(&diags);
    rm_arena_free(&a);
    rm_sources_free(&srcs);
    t->wall = wall_seconds() - w0;
    return rc;
}

typedef struct proc_times {
    double wall, cpu; /* medians, seconds */
    long minflt;      /* median minor page faults */
} proc_times;

static int cmp_long(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

/* Run argv (stdout to /dev/null) runs times without a shell: median wall time, and the
 * child's own CPU time and page faults from wait4. Returns false if a run fails. */
static bool time_spawn(proc_times *out, char *const *argv, int runs)
{
    double w[MAX_RUNS], c[MAX_RUNS];
    long f[MAX_RUNS];
    for (int i = 0; i < runs; i++) {
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
        double w0 = wall_seconds();
        pid_t pid;
        int rc = posix_spawn(&pid, argv[0], &fa, NULL, argv, environ);
        posix_spawn_file_actions_destroy(&fa);
        if (rc != 0) {
            fprintf(stderr, "bench_diff: cannot start %s: %s\n", argv[0], strerror(rc));
            return false;
        }
        int status;
        struct rusage ru;
        if (wait4(pid, &status, 0, &ru) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            fprintf(stderr, "bench_diff: %s failed\n", argv[0]);
            return false;
        }
        w[i] = wall_seconds() - w0;
        c[i] = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
               (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
        f[i] = ru.ru_minflt;
    }
    out->wall = median(w, runs);
    out->cpu = median(c, runs);
    qsort(f, (size_t)runs, sizeof *f, cmp_long);
    out->minflt = f[runs / 2];
    return true;
}

/* Median wall time of running cmd (a shell command) runs times; -1 if it fails. */
static double time_command(const char *cmd, int runs)
{
    double v[MAX_RUNS];
    for (int i = 0; i < runs; i++) {
        double w0 = wall_seconds();
        if (system(cmd) != 0) {
            fprintf(stderr, "bench_diff: failed: %s\n", cmd);
            return -1;
        }
        v[i] = wall_seconds() - w0;
    }
    return median(v, runs);
}

int main(int argc, char **argv)
{
    int runs = 7, oracle_runs = 1;
    int oracle = 1, oracle_big = 0;
    long sizes[16];
    int nsizes = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc)
            runs = atoi(argv[++i]);
        else if (strcmp(argv[i], "--oracle-runs") == 0 && i + 1 < argc)
            oracle_runs = atoi(argv[++i]);
        else if (strcmp(argv[i], "--no-oracle") == 0)
            oracle = 0;
        else if (strcmp(argv[i], "--oracle-big") == 0)
            oracle_big = 1;
        else if (nsizes < 16)
            sizes[nsizes++] = atol(argv[i]);
    }
    if (runs < 1 || runs > MAX_RUNS || oracle_runs < 1 || oracle_runs > MAX_RUNS) {
        fprintf(stderr, "bench_diff: --runs and --oracle-runs must be 1..%d\n", MAX_RUNS);
        return 64;
    }
    if (!nsizes) {
        /* 10,000 is asked for explicitly: until the graph builder's quadratic constraint-name
         * pass is fixed it needs tens of GB (bench/diff.md). */
        sizes[nsizes++] = 1000;
    }
    const char *pg_url = getenv("RELMIG_TEST_PG_URL");
    const char *home = getenv("RELMIG_ORACLE_HOME");
    char oracle_bin[1024];
    snprintf(oracle_bin, sizeof oracle_bin, "%s/bin/prisma6",
             home ? home : (getenv("HOME") ? getenv("HOME") : "."));
    if (!home) {
        snprintf(oracle_bin, sizeof oracle_bin, "%s/.cache/relmig-oracle/bin/prisma6",
                 getenv("HOME") ? getenv("HOME") : ".");
    }
    if (oracle && access(oracle_bin, X_OK) != 0) {
        fprintf(stderr, "bench_diff: %s not found; no oracle timings\n", oracle_bin);
        oracle = 0;
    }
    char dir[] = "/tmp/bench_diff.XXXXXX";
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    const rm_dialect *ds[] = {&rm_dialect_postgres, &rm_dialect_mysql, &rm_dialect_sqlite};
    printf("%-7s %-10s %8s %8s %8s %8s %8s | %9s %9s %9s %7s | %10s %9s\n", "models", "dialect",
           "build", "lower", "diff", "render", "cpu", "in-proc", "process", "proc-cpu", "faults",
           "prisma6", "ratio");
    for (int s = 0; s < nsizes; s++) {
        for (size_t k = 0; k < 3; k++) {
            const rm_dialect *d = ds[k];
            char path[512], cmd[4096];
            snprintf(path, sizeof path, "%s/gen_%ld_%s.prisma", dir, sizes[s], d->name);
            snprintf(cmd, sizeof cmd,
                     "python3 '%s/oracle/gen_schema.py' %ld --provider %s --url-env PEER_URL"
                     " -o '%s' >/dev/null",
                     RELMIG_SHARED_DIR, sizes[s], d->name, path);
            if (system(cmd) != 0) {
                fprintf(stderr, "bench_diff: gen_schema.py failed\n");
                return 1;
            }
            double b[MAX_RUNS], l[MAX_RUNS], df[MAX_RUNS], r[MAX_RUNS], c[MAX_RUNS], w[MAX_RUNS];
            stage_times t = {0};
            for (int i = 0; i < runs; i++) {
                if (run_once(&t, path, d) != 0) {
                    fprintf(stderr, "bench_diff: %s did not diff\n", path);
                    return 1;
                }
                b[i] = t.build;
                l[i] = t.lower;
                df[i] = t.diff;
                r[i] = t.render;
                c[i] = t.build + t.lower + t.diff + t.render;
                w[i] = t.wall;
            }
            char *const argv_relmig[] = {(char *)RELMIG_BINARY_PATH,
                                         (char *)"diff",
                                         (char *)"--from",
                                         (char *)"empty",
                                         (char *)"--to",
                                         path,
                                         NULL};
            proc_times pt;
            if (!time_spawn(&pt, argv_relmig, runs))
                return 1;
            double proc = pt.wall;
            double prisma = -1;
            bool want_oracle = oracle && d != &rm_dialect_mysql &&
                               (sizes[s] <= 1000 || oracle_big) &&
                               (d == &rm_dialect_sqlite || pg_url);
            if (want_oracle) {
                char url[1200];
                if (d == &rm_dialect_sqlite)
                    snprintf(url, sizeof url, "file:%s/oracle.db", dir);
                else
                    snprintf(url, sizeof url, "%s", pg_url);
                snprintf(cmd, sizeof cmd,
                         "PEER_PROVIDER=%s PEER_URL='%s' '%s' migrate diff --from-empty"
                         " --to-schema-datamodel '%s' --script > /dev/null 2>&1",
                         d->name, url, oracle_bin, path);
                prisma = time_command(cmd, oracle_runs);
            }
            double pm = proc;
            printf("%-7ld %-10s %7.1fms %7.1fms %7.1fms %7.1fms %7.1fms | %8.1fms %8.1fms "
                   "%8.1fms %7ld |",
                   sizes[s], d->name, 1e3 * median(b, runs), 1e3 * median(l, runs),
                   1e3 * median(df, runs), 1e3 * median(r, runs), 1e3 * median(c, runs),
                   1e3 * median(w, runs), 1e3 * pm, 1e3 * pt.cpu, pt.minflt);
            if (prisma > 0)
                printf(" %9.0fms %8.0fx\n", 1e3 * prisma, prisma / pm);
            else
                printf(" %10s %9s\n", "-", "-");
            printf("        (%zu changes, %zu bytes of SQL)\n", t.changes, t.sql_bytes);
            fflush(stdout);
            unlink(path);
        }
    }
    char rm[600];
    snprintf(rm, sizeof rm, "rm -rf '%s'", dir);
    if (system(rm) != 0)
        fprintf(stderr, "bench_diff: could not remove %s\n", dir);
    return 0;
}
