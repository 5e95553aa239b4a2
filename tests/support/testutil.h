/*
 * Helpers shared by the tests: running the relmig binary and capturing its output, reading
 * files, and golden-file comparison (RELMIG_UPDATE_GOLDEN=1 rewrites expectations). Test code
 * only; nothing here is linked into relmig.
 */
#ifndef RELMIG_TESTS_TESTUTIL_H
#define RELMIG_TESTS_TESTUTIL_H

/* Room for the named rows of a table-driven test. */
#define RM_TEST_MAX_ROWS 256

#include <stdbool.h>
#include <stddef.h>

typedef struct rm_test_proc {
    char *out;   /* captured stdout, NUL-terminated; free() */
    char *err;   /* captured stderr */
    int status;  /* exit code, or 128+signal if killed by a signal */
} rm_test_proc;

/* Run argv (argv[0] is the program path; NULL-terminated) with optional extra environment
 * entries ("NAME=value", NULL-terminated, may be NULL) and stdin from /dev/null. */
int rm_test_run(rm_test_proc *p, const char *const *argv, const char *const *env);
/* Same with argv[0] = the relmig binary under test. When RELMIG_TEST_WRAPPER is set, its
 * space-separated words (the first one a path) come before it, e.g. valgrind and its options. */
int rm_test_relmig(rm_test_proc *p, const char *const *args, const char *const *env);
void rm_test_proc_free(rm_test_proc *p);

/* Whole file into a malloc'd NUL-terminated buffer; NULL if unreadable. */
char *rm_test_read_file(const char *path, size_t *len);
bool rm_test_write_file(const char *path, const char *data, size_t len);

/* Compare actual text with the golden file at path. With RELMIG_UPDATE_GOLDEN=1 the file is
 * rewritten and the comparison passes. On mismatch prints a short diff context and returns
 * false. */
bool rm_test_golden(const char *path, const char *actual);

/* The names (not paths) of the files in dir ending in ext and not containing exclude (NULL:
 * none), sorted bytewise; at most max. Each name is malloc'd: free with rm_test_free_names. */
size_t rm_test_list_files(char **names, size_t max, const char *dir, const char *ext,
                          const char *exclude);
void rm_test_free_names(char **names, size_t n);

/* Print diagnostics (plain text, no code frame) on stdout, where cmocka's output goes. */
struct rm_sources;
struct rm_diags;
void rm_test_print_diags(const struct rm_sources *srcs, struct rm_diags *d);

/* Read the schema file at path into srcs (initialised by the caller, who frees it) and build
 * its relation graph in a. For inputs that must build cleanly: on a read failure, a build
 * error or any diagnostic at all, the diagnostics are printed and the result is NULL. */
struct rm_arena;
struct rm_graph;
struct rm_graph *rm_test_build_clean(const char *path, struct rm_sources *srcs,
                                     struct rm_arena *a);

/* The server URL a database test needs, from the environment variable env: 0 with *url set,
 * else (unset or empty) the test's exit status, printed: 77 (skipped), or 1 when
 * RELMIG_REQUIRE_SERVERS=1 (CI, where a missing server is a failure). */
int rm_test_server_url(const char *env, const char **url);

/* A TCP port on 127.0.0.1 where nothing listens (bind to port 0, read the port, close); 0 if
 * no socket could be bound. For "server unreachable" cases. */
unsigned short rm_test_free_port(void);

/* A fresh empty temporary directory (malloc'd path); removed by rm_test_rmtree. */
char *rm_test_mkdtemp(void);
void rm_test_rmtree(const char *path);

#endif
