/*
 * bench_cerial: the Cerial front end stage by stage, for the issue #4 target (parse + validate
 * a generated 10,000-model Cerial schema at >= 100 MB/s).
 *
 *   bench_cerial [--runs R] [cN | rN | FILE.cerial]...   (default: c10000 r10000, R = 9)
 *   bench_cerial --emit cN|rN > FILE.cerial              (write the generated schema)
 *
 * cN is the chain schema of bench_validate's `cN` (the figure the issue quotes: every model has
 * an id, five scalars including an @unique Email, an optional forward relation to the previous
 * model and the reverse Relation[] of the next one); rN is a richer schema of N models that also
 * uses enums, literals, objects, tuples, composite directives, @default/@onDelete/@nullable and
 * many-to-many pairs, so that every parser and validator path is exercised. Both validate with
 * no diagnostic. Per run, in a fresh arena, with one pattern context compiled once (as the CLI
 * does per process): rm_cerial_parse, then rm_cerial_validate, then rm_cerial_build. Reported:
 * median CPU time of each stage (CLOCK_PROCESS_CPUTIME_ID), MB/s of parse + validate (the
 * issue's measure) and of all three, arena bytes of each stage against the text size.
 * Not a test: nothing is asserted; figures go to bench/cerial.md.
 */
#define _POSIX_C_SOURCE 200809L
#include "model/cerial_build.h"
#include "parser/cerial.h"
#include "util/sb.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

/* Model i of the chain (the same text as bench_validate's gen_cerial). */
static void chain_model(rm_sb *sb, long i, long n)
{
    rm_sb_appendf(sb, "# model %ld of %ld\nmodel Model%ld {\n  id Record @id\n", i, n, i);
    rm_sb_appendf(sb, "  name String\n  email Email @unique\n  score Float?\n"
                      "  active Bool @default(true)\n  createdAt Date @createdAt\n");
    if (i > 0)
        rm_sb_appendf(sb, "  prevId Record?\n  prev Relation? @field(prevId) @model(Model%ld)\n",
                      i - 1);
    if (i + 1 < n)
        rm_sb_appendf(sb, "  nexts Relation[] @model(Model%ld)\n", i + 1);
    rm_sb_puts(sb, "}\n\n");
}

/* Model i of the rich schema: a many-to-many pair with each neighbour, an optional
 * single-sided relation to an owner model (SetNull), value types and a composite unique. */
static void rich_model(rm_sb *sb, long i, long n)
{
    if (i % 50 == 0) {
        rm_sb_appendf(sb, "enum Role%ld { Admin, Editor, Viewer }\n", i);
        rm_sb_appendf(sb, "literal Level%ld { 'low', 'mid', 'high', 1, 2 }\n", i);
        rm_sb_appendf(sb, "tuple Point%ld { lat Float, lng Float }\n", i);
        rm_sb_appendf(sb, "model Owner%ld {\n  id Record(int) @id\n  name String\n}\n", i);
        rm_sb_appendf(sb,
                      "object Address%ld {\n  street String\n  city String "
                      "@default(\"Unknown\")\n  zip String? @index\n}\n\n",
                      i);
    }
    long t = i - i % 50;
    rm_sb_appendf(sb, "// model %ld of %ld\nmodel Item%ld {\n  id Record @id\n", i, n, i);
    rm_sb_appendf(sb,
                  "  title String @unique\n  body String? @nullable\n  views Int @default(0)\n"
                  "  tags String[]\n  role Role%ld @default(Viewer)\n"
                  "  level Level%ld?\n  at Point%ld?\n  address Address%ld?\n"
                  "  createdAt Date @createdAt\n  updatedAt Date @updatedAt\n",
                  t, t, t, t);
    rm_sb_appendf(sb,
                  "  ownerId Record? @nullable\n"
                  "  owner Relation? @field(ownerId) @model(Owner%ld) @onDelete(SetNull)\n",
                  t);
    if (i > 0)
        rm_sb_appendf(
            sb, "  peerIds Record[]\n  peers Relation[] @field(peerIds) @model(Item%ld)\n", i - 1);
    if (i + 1 < n)
        rm_sb_appendf(sb,
                      "  nextPeerIds Record[]\n"
                      "  nextPeers Relation[] @field(nextPeerIds) @model(Item%ld)\n",
                      i + 1);
    rm_sb_puts(sb, "  @@unique(item_title_views_");
    rm_sb_appendf(sb, "%ld, [title, views])\n}\n\n", i);
}

static char *generate(char kind, long n, size_t *len)
{
    rm_sb sb;
    rm_sb_init(&sb, 0);
    for (long i = 0; i < n; i++)
        (kind == 'c' ? chain_model : rich_model)(&sb, i, n);
    *len = sb.len;
    return rm_sb_detach(&sb);
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    size_t cap = 1 << 16, n = 0;
    char *p;
    if (!f)
        return NULL;
    p = malloc(cap);
    for (;;) {
        size_t got;
        if (n == cap)
            p = realloc(p, cap *= 2);
        got = fread(p + n, 1, cap - n, f);
        if (got == 0)
            break;
        n += got;
    }
    fclose(f);
    *len = n;
    return p;
}

enum { ST_PARSE, ST_VALIDATE, ST_BUILD, ST_PV, ST_ALL, NST };

static void bench_one(const char *label, const char *text, size_t len, int runs)
{
    static const char *const names[NST] = {"parse", "validate", "build", "parse+validate",
                                           "all three"};
    rm_sources srcs;
    rm_cerial_ctx *ctx = rm_cerial_ctx_new();
    double *t[NST];
    size_t arena[3] = {0, 0, 0}, nerr = 0, nwarn = 0, nmodels = 0;
    uint32_t id;
    double mb = (double)len / 1e6;
    int k;
    rm_sources_init(&srcs);
    id = rm_sources_add(&srcs, "generated.cerial", text, len)->id;
    for (k = 0; k < NST; k++)
        t[k] = calloc((size_t)runs, sizeof(double));
    for (int r = 0; r < runs; r++) {
        rm_arena a;
        rm_diags d;
        rm_cerial_schema *raw = NULL, *res = NULL;
        rm_graph *g = NULL;
        rm_cerial_opts opts = {false};
        double c0, c1, c2, c3;
        rm_arena_init(&a, 0);
        rm_diags_init(&d);
        c0 = cpu_seconds();
        rm_cerial_parse(&raw, ctx, &srcs, &id, 1, &a, &d);
        c1 = cpu_seconds();
        arena[0] = a.used;
        if (d.nerrors == 0)
            rm_cerial_validate(&res, raw, &opts, &a, &d);
        c2 = cpu_seconds();
        arena[1] = a.used - arena[0];
        if (res != NULL)
            rm_cerial_build(&g, res, &a, &d);
        c3 = cpu_seconds();
        arena[2] = a.used - arena[0] - arena[1];
        t[ST_PARSE][r] = c1 - c0;
        t[ST_VALIDATE][r] = c2 - c1;
        t[ST_BUILD][r] = c3 - c2;
        t[ST_PV][r] = c2 - c0;
        t[ST_ALL][r] = c3 - c0;
        nerr = d.nerrors;
        nwarn = d.nwarnings;
        nmodels = g ? g->nmodels : 0;
        rm_diags_free(&d);
        rm_arena_free(&a);
    }
    printf("%s: %.1f KiB, %zu models in the graph, %zu errors, %zu warnings, %d runs\n", label,
           (double)len / 1024.0, nmodels, nerr, nwarn, runs);
    for (k = 0; k < NST; k++) {
        double med;
        qsort(t[k], (size_t)runs, sizeof(double), cmp_double);
        med = t[k][runs / 2];
        printf("  %-15s cpu median %8.2f ms  best %8.2f ms  = %7.1f MB/s", names[k], med * 1e3,
               t[k][0] * 1e3, mb / med);
        if (k < 3)
            printf("  arena %10zu B = %6.2fx text", arena[k], (double)arena[k] / (double)len);
        else if (k == ST_PV)
            printf("  arena %10zu B = %6.2fx text", arena[0] + arena[1],
                   (double)(arena[0] + arena[1]) / (double)len);
        printf("\n");
        free(t[k]);
    }
    fflush(stdout);
    rm_sources_free(&srcs);
    rm_cerial_ctx_free(ctx);
}

int main(int argc, char **argv)
{
    int runs = 9;
    const char *defaults[] = {"c10000", "r10000"};
    const char **inputs = (const char **)argv + 1;
    int ninputs = argc - 1;
    if (ninputs >= 2 && strcmp(inputs[0], "--runs") == 0) {
        runs = atoi(inputs[1]);
        inputs += 2;
        ninputs -= 2;
    }
    if (ninputs == 2 && strcmp(inputs[0], "--emit") == 0 &&
        (inputs[1][0] == 'c' || inputs[1][0] == 'r')) {
        size_t len = 0;
        char *text = generate(inputs[1][0], strtol(inputs[1] + 1, NULL, 10), &len);
        fwrite(text, 1, len, stdout);
        free(text);
        return 0;
    }
    if (runs < 1)
        runs = 1;
    if (ninputs == 0) {
        inputs = defaults;
        ninputs = 2;
    }
    for (int i = 0; i < ninputs; i++) {
        const char *in = inputs[i];
        char *end = NULL, label[64];
        long n = (in[0] == 'c' || in[0] == 'r') ? strtol(in + 1, &end, 10) : 0;
        size_t len = 0;
        char *text;
        if (end && *end == '\0' && n > 0) {
            text = generate(in[0], n, &len);
            snprintf(label, sizeof label, "%s %ld", in[0] == 'c' ? "chain" : "rich", n);
        } else {
            text = read_all(in, &len);
            snprintf(label, sizeof label, "%.40s", in);
        }
        if (!text) {
            fprintf(stderr, "bench_cerial: cannot read %s\n", in);
            return 1;
        }
        bench_one(label, text, len, runs);
        free(text);
    }
    return 0;
}
