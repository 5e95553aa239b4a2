/*
 * Limits (issue #8; docs/reliability.md "Limits"): inputs far beyond any real schema, generated
 * here, go through what `relmig validate` and `relmig diff --from empty` do in process
 * (rm_schema_build, the diagnostics renderer in both forms, and for a valid graph the graph
 * JSON, the Prisma printer, lowering to PostgreSQL, the diff from empty and its SQL). Each row
 * runs in a forked child, on a thread with a small stack (RM_LIMIT_STACK), so a recursion on
 * input depth kills the child instead of passing; the child reports its peak RSS (getrusage)
 * and CPU time, and the row asserts the expected outcome (success, or a named diagnostic) and
 * a memory bound proportional to the input. Not a benchmark: times are printed, not asserted
 * (bench/ measures speed). The 10,000-table introspection limit is tested with the databases.
 */
#define _POSIX_C_SOURCE 200809L
#include "diff/diff.h"
#include "model/graph_json.h"
#include "model/print.h"
#include "model/schema.h"
#include "sqlschema/lower.h"
#include "testutil.h"
#include "util/diag_render.h"
#include "util/sb.h"

#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

/* Sanitizer builds have much larger frames and each arena allocation is its own malloc with
 * redzones: a bigger stack and memory allowance there, still far below what a recursion per
 * input level (a million brackets, 100,000 extends) would need. */
#if defined(__SANITIZE_ADDRESS__)
#define RM_LIMIT_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RM_LIMIT_SANITIZED 1
#endif
#endif
#ifdef RM_LIMIT_SANITIZED
#define RM_LIMIT_STACK ((size_t)1024 * 1024)
#define RM_LIMIT_MEM_SCALE 8
#define RM_LIMIT_BIG_DIV 10 /* rows marked big run at a tenth of their size */
#else
#define RM_LIMIT_STACK ((size_t)256 * 1024)
#define RM_LIMIT_MEM_SCALE 1
#define RM_LIMIT_BIG_DIV 1
#endif

typedef void (*gen_fn)(rm_sb *out, size_t n);

typedef struct limit_row {
    const char *name;
    const char *file;    /* display name; its extension picks the parser */
    gen_fn gen;
    size_t n;            /* size parameter of gen */
    uint16_t expect_id;  /* 0: the schema must be valid; else this diagnostic must be reported */
    size_t mem_per_byte; /* peak RSS growth allowed per input byte (before RM_LIMIT_MEM_SCALE) */
    bool big;            /* gigabytes under ASan at full size: scaled by RM_LIMIT_BIG_DIV there
                          * (size, not depth: the depth rows keep their size everywhere) */
} limit_row;

/* What the child reports through its pipe. */
typedef struct limit_result {
    int finished;
    int rc;
    size_t nerrors;
    int expected_seen;
    unsigned first_id; /* of the first error, for the message */
    size_t input_len;
    size_t output_len; /* bytes of rendered diagnostics, JSON, Prisma and SQL */
    long rss_before_kb, rss_after_kb;
    double cpu_s;
} limit_result;

/* ---------------------------------------------------------------------------------------- */
/* Generators                                                                                */

static void gen_prisma_models(rm_sb *out, size_t n)
{
    rm_sb_puts(out, "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DB\")\n}\n");
    for (size_t i = 0; i < n; i++)
        rm_sb_appendf(out, "model M%zu {\n  id Int @id\n  name String\n}\n", i);
}

/* Each model points at the next one: 100,000 relations in one chain (cycle detection and the
 * foreign-key passes walk it). */
static void gen_prisma_relation_chain(rm_sb *out, size_t n)
{
    rm_sb_puts(out, "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DB\")\n}\n");
    for (size_t i = 0; i < n; i++) {
        rm_sb_appendf(out, "model M%zu {\n  id Int @id\n", i);
        if (i + 1 < n)
            rm_sb_appendf(out, "  nextId Int? @unique\n  next M%zu? @relation(\"r%zu\", "
                               "fields: [nextId], references: [id])\n", i + 1, i);
        if (i > 0)
            rm_sb_appendf(out, "  prev M%zu? @relation(\"r%zu\")\n", i - 1, i - 1);
        rm_sb_puts(out, "}\n");
    }
}

static void gen_cerial_models(rm_sb *out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        rm_sb_appendf(out, "model M%zu {\n  id Record @id\n  name String\n}\n", i);
}

/* abstract B1 extends B0, B2 extends B1, ...; one model at the end of the chain. The levels
 * add no field (a field per level would make the resolved chain quadratic in size: level i
 * inherits i fields, 5 * 10^9 in all, which is output, not a limit of the tool). */
static void gen_cerial_extends_chain(rm_sb *out, size_t n)
{
    /* Children first, so that resolving the first block has to walk the whole chain. */
    rm_sb_appendf(out, "model Leaf extends B%zu {\n  name String\n}\n", n - 1);
    for (size_t i = n - 1; i > 0; i--)
        rm_sb_appendf(out, "abstract model B%zu extends B%zu {\n}\n", i, i - 1);
    rm_sb_puts(out, "abstract model B0 {\n  id Record @id\n}\n");
}

/* One field whose default is a string of n bytes: a valid schema with one n-byte line. */
static void gen_prisma_long_string(rm_sb *out, size_t n)
{
    rm_sb_puts(out, "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DB\")\n}\n"
                    "model A {\n  id Int @id\n  s String @default(\"");
    rm_sb_pad(out, 'x', n);
    rm_sb_puts(out, "\")\n}\n");
}

/* n bytes of one identifier-like word on a line of its own at the top level. */
static void gen_prisma_long_garbage(rm_sb *out, size_t n)
{
    rm_sb_pad(out, 'a', n);
    rm_sb_puts(out, "\nmodel A {\n  id Int @id\n}\n");
}

static void gen_cerial_long_line(rm_sb *out, size_t n)
{
    rm_sb_puts(out, "model A {\n  id Record @id\n  name String @default('");
    rm_sb_pad(out, 'x', n);
    rm_sb_puts(out, "')\n}\n");
}

static void gen_prisma_open(rm_sb *out, size_t n, char open)
{
    rm_sb_puts(out, "model A {\n  id Int @id @default(");
    rm_sb_pad(out, open, n);
    rm_sb_puts(out, ")\n}\n");
}

static void gen_prisma_brackets(rm_sb *out, size_t n)
{
    gen_prisma_open(out, n, '[');
}

static void gen_prisma_parens(rm_sb *out, size_t n)
{
    gen_prisma_open(out, n, '(');
}

static void gen_prisma_braces(rm_sb *out, size_t n)
{
    gen_prisma_open(out, n, '{');
}

/* The same nesting, closed again: a well-formed expression a million levels deep. */
static void gen_prisma_balanced(rm_sb *out, size_t n)
{
    rm_sb_puts(out, "model A {\n  id Int @id @default(");
    rm_sb_pad(out, '[', n);
    rm_sb_pad(out, ']', n);
    rm_sb_puts(out, ")\n}\n");
}

static void gen_cerial_open(rm_sb *out, size_t n, char open)
{
    rm_sb_puts(out, "model A {\n  id Record @id\n  tags String[] @default(");
    rm_sb_pad(out, open, n);
    rm_sb_puts(out, ")\n}\n");
}

static void gen_cerial_brackets(rm_sb *out, size_t n)
{
    gen_cerial_open(out, n, '[');
}

static void gen_cerial_parens(rm_sb *out, size_t n)
{
    gen_cerial_open(out, n, '(');
}

static void gen_cerial_braces(rm_sb *out, size_t n)
{
    gen_cerial_open(out, n, '{');
}

/* n attributes on one field (spread over lines of 1,000 would not be Prisma: one line). */
static void gen_prisma_attrs(rm_sb *out, size_t n)
{
    rm_sb_puts(out, "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DB\")\n}\n"
                    "model A {\n  id Int @id\n  x String");
    for (size_t i = 0; i < n; i++)
        rm_sb_puts(out, " @unique");
    rm_sb_puts(out, "\n}\n");
}

static void gen_cerial_attrs(rm_sb *out, size_t n)
{
    rm_sb_puts(out, "model A {\n  id Record @id\n  x String");
    for (size_t i = 0; i < n; i++)
        rm_sb_puts(out, " @unique");
    rm_sb_puts(out, "\n}\n");
}

/* ---------------------------------------------------------------------------------------- */
/* The child                                                                                 */

static long peak_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

static double cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct limit_job {
    const limit_row *row;
    limit_result res;
} limit_job;

static void *limit_thread(void *arg)
{
    limit_job *job = arg;
    const limit_row *row = job->row;
    limit_result *res = &job->res;
    rm_sb in = RM_SB_INIT;
    row->gen(&in, row->big ? row->n / RM_LIMIT_BIG_DIV : row->n);
    res->input_len = in.len;
    rm_sources srcs;
    rm_sources_init(&srcs);
    rm_sources_add(&srcs, row->file, in.buf, in.len);
    rm_sb_free(&in);
    res->rss_before_kb = peak_rss_kb();
    double c0 = cpu_seconds();

    rm_arena a;
    rm_arena_init(&a, 0);
    rm_diags d;
    rm_diags_init(&d);
    rm_graph *g = NULL;
    res->rc = rm_schema_build(&g, &srcs, &a, &d);
    /* Each output is made and dropped on its own, as one CLI command writes one of them. */
    rm_sb out = RM_SB_INIT;
    if (res->rc == RM_OK) {
        rm_graph_render_json(&out, g);
        res->output_len += out.len;
        rm_sb_reset(&out);
        rm_print_prisma(&out, g);
        res->output_len += out.len;
        rm_sb_reset(&out);
        rm_sqlschema to, empty;
        if (rm_sqlschema_lower(&to, g, &rm_dialect_postgres, NULL, &a, &d) == RM_OK) {
            rm_sqlschema_init(&empty, &a);
            rm_diff df;
            if (rm_diff_schemas(&df, &empty, &to, &rm_dialect_postgres, &a, &d) == RM_OK)
                rm_diff_render_sql(&out, &df, true, &d);
        }
        res->output_len += out.len;
        rm_sb_reset(&out);
    }
    rm_render_opts opts = {.color = false, .code_frame = true};
    rm_diags_render_text(&out, &srcs, &d, &opts);
    res->output_len += out.len;
    rm_sb_reset(&out);
    rm_diags_render_json(&out, &srcs, &d);
    res->output_len += out.len;
    rm_sb_free(&out);
    res->nerrors = d.nerrors;
    for (size_t i = 0; i < d.n; i++) {
        if (d.items[i]->id == row->expect_id)
            res->expected_seen = 1;
        if (!res->first_id && d.items[i]->sev == RM_SEV_ERROR)
            res->first_id = d.items[i]->id;
    }
    res->cpu_s = cpu_seconds() - c0;
    res->rss_after_kb = peak_rss_kb();
    res->finished = 1;
    rm_diags_free(&d);
    rm_arena_free(&a);
    rm_sources_free(&srcs);
    return NULL;
}

/* Fork; in the child run the row on a small-stack thread and write the result to the pipe. */
static int run_in_child(limit_result *res, const limit_row *row)
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        close(fds[0]);
        limit_job job;
        memset(&job, 0, sizeof job);
        job.row = row;
        pthread_attr_t attr;
        pthread_t th;
        pthread_attr_init(&attr);
        pthread_attr_setstacksize(&attr, RM_LIMIT_STACK);
        if (pthread_create(&th, &attr, limit_thread, &job) != 0)
            _exit(3);
        pthread_join(th, NULL);
        ssize_t w = write(fds[1], &job.res, sizeof job.res);
        _exit(w == (ssize_t)sizeof job.res ? 0 : 4);
    }
    close(fds[1]);
    memset(res, 0, sizeof *res);
    ssize_t got = read(fds[0], res, sizeof *res);
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status)) {
        print_message("%s: child killed by signal %d (stack overflow or crash)\n", row->name,
                      WTERMSIG(status));
        return -1;
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || got != (ssize_t)sizeof *res)
        return -1;
    return 0;
}

static void run_limit_row(void **state)
{
    const limit_row *row = *state;
    limit_result res;
    assert_int_equal(run_in_child(&res, row), 0);
    assert_true(res.finished);
    long grew_kb = res.rss_after_kb - res.rss_before_kb;
    if (grew_kb < 0)
        grew_kb = 0;
    print_message("%-28s input %9zu B  cpu %7.3f s  peak RSS %7ld KB (+%ld KB, %.1f B/input B)  "
                  "errors %zu (first E%04u)  output %zu B\n",
                  row->name, res.input_len, res.cpu_s, res.rss_after_kb, grew_kb,
                  (double)grew_kb * 1024.0 / (double)res.input_len, res.nerrors, res.first_id, res.output_len);
    if (row->expect_id == 0) {
        assert_int_equal(res.rc, RM_OK);
        assert_int_equal(res.nerrors, 0);
    } else {
        assert_int_not_equal(res.rc, RM_OK);
        assert_true(res.expected_seen);
    }
    /* Bounded memory: growth proportional to the input, plus 64 MB for fixed costs (pcre2
     * contexts, arena blocks, the malloc arena of the thread). */
    size_t bound_kb = (row->mem_per_byte * res.input_len * RM_LIMIT_MEM_SCALE) / 1024 + 65536;
    if ((size_t)grew_kb > bound_kb)
        print_message("%s: peak RSS grew %ld KB, bound %zu KB\n", row->name, grew_kb, bound_kb);
    assert_true((size_t)grew_kb <= bound_kb);
}

#define MB ((size_t)1024 * 1024)

static const limit_row rows[] = {
    /* name, file, generator, size, expected diagnostic (0: valid), RSS bytes per input byte, big */
    {"prisma_100k_models", "s.prisma", gen_prisma_models, 100000, 0, 256, true},
    {"cerial_100k_models", "s.cerial", gen_cerial_models, 100000, 0, 256, true},
    {"prisma_100k_relation_chain", "s.prisma", gen_prisma_relation_chain, 100000, 0, 256, true},
    {"cerial_100k_extends_chain", "s.cerial", gen_cerial_extends_chain, 100000, 0, 64, false},
    {"cerial_1k_extends_chain", "s.cerial", gen_cerial_extends_chain, 1000, 0, 64, false},
    {"prisma_10mb_string_line", "s.prisma", gen_prisma_long_string, 10 * MB, 0, 16, false},
    {"prisma_10mb_garbage_line", "s.prisma", gen_prisma_long_garbage, 10 * MB,
     RM_E_PRISMA_INVALID_LINE, 8, false},
    {"cerial_10mb_line", "s.cerial", gen_cerial_long_line, 10 * MB, RM_E_CERIAL_LINE_TOO_LONG, 8,
     false},
    {"prisma_1m_brackets", "s.prisma", gen_prisma_brackets, 1000000, RM_E_PRISMA_TOO_DEEP, 16,
     false},
    {"prisma_1m_parens", "s.prisma", gen_prisma_parens, 1000000, RM_E_PRISMA_INVALID_FIELD_LINE,
     16, false},
    {"prisma_1m_braces", "s.prisma", gen_prisma_braces, 1000000, RM_E_PRISMA_INVALID_FIELD_LINE,
     16, false},
    {"prisma_1m_balanced_brackets", "s.prisma", gen_prisma_balanced, 1000000,
     RM_E_PRISMA_TOO_DEEP, 16, false},
    {"cerial_1m_brackets", "s.cerial", gen_cerial_brackets, 1000000, RM_E_CERIAL_LINE_TOO_LONG,
     16, false},
    {"cerial_1m_parens", "s.cerial", gen_cerial_parens, 1000000, RM_E_CERIAL_LINE_TOO_LONG, 16,
     false},
    {"cerial_1m_braces", "s.cerial", gen_cerial_braces, 1000000, RM_E_CERIAL_LINE_TOO_LONG, 16,
     false},
    /* Within Cerial's line limit, so its parser sees the nesting itself. */
    {"cerial_60k_brackets", "s.cerial", gen_cerial_brackets, 60000, 0, 64, false},
    {"cerial_60k_parens", "s.cerial", gen_cerial_parens, 60000, 0, 64, false},
    {"prisma_100k_attributes", "s.prisma", gen_prisma_attrs, 100000,
     RM_E_PRISMA_DUPLICATE_ATTRIBUTE, 64, false},
    {"cerial_100k_attributes", "s.cerial", gen_cerial_attrs, 100000, RM_E_CERIAL_LINE_TOO_LONG, 64,
     false},
    /* Just under Cerial's 64 KB line limit, so the attributes themselves are read. */
    {"cerial_8k_attributes", "s.cerial", gen_cerial_attrs, 8000, 0, 64, false},
};

int main(int argc, char **argv)
{
    /* One row by name: test_limits prisma_1m_brackets (to measure a single case). */
    const char *only = argc > 1 ? argv[1] : NULL;
    struct CMUnitTest tests[sizeof rows / sizeof *rows];
    size_t n = 0;
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        if (only && strcmp(only, rows[i].name) != 0)
            continue;
        tests[n++] = (struct CMUnitTest){.name = rows[i].name, .test_func = run_limit_row,
                                         .initial_state = (void *)&rows[i]};
    }
    return _cmocka_run_group_tests("limits", tests, n, NULL, NULL);
}
