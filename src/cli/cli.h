/*
 * What the command files share: the command table, exit codes, the option-table parser and
 * the output helpers (diagnostics to stderr, colour decisions). No business logic lives in
 * cli/: a command parses its options, calls core functions, and renders their results.
 */
#ifndef RELMIG_CLI_CLI_H
#define RELMIG_CLI_CLI_H

#include "util/diag.h"
#include "util/sb.h"

#include <stdio.h>

/* Exit codes, documented in docs/cli.md. */
enum {
    RM_EXIT_OK = 0,       /* success; in sync; valid */
    RM_EXIT_ERROR = 1,    /* an error: invalid schema, unreachable database, ... */
    RM_EXIT_CHANGES = 2,  /* differences or drift found (diff --exit-code, check, status) */
    RM_EXIT_USAGE = 64    /* bad command line (BSD sysexits EX_USAGE) */
};

typedef struct rm_cli_cmd {
    const char *name;
    int (*run)(const struct rm_cli_cmd *self, int argc, char **argv); /* argv[0]: the name */
    const char *summary;               /* one line for `relmig --help` */
    const char *usage;                 /* synopsis lines for `relmig CMD --help` */
    const char *description;           /* paragraph(s) after the synopsis */
    const struct rm_opt_spec *opts;    /* option table, ended by a zeroed entry */
    const char *issue;                 /* non-NULL: not implemented yet; names the issue */
} rm_cli_cmd;

extern const rm_cli_cmd *const rm_cli_commands[];
extern const size_t rm_cli_ncommands;
const rm_cli_cmd *rm_cli_find(const char *name);

/* Option tables. */
typedef enum rm_opt_kind {
    RM_OPT_FLAG,    /* --name */
    RM_OPT_VALUE,   /* --name VALUE or --name=VALUE */
    RM_OPT_LIST     /* like VALUE, may repeat; all values kept */
} rm_opt_kind;

typedef struct rm_opt_spec {
    const char *name;    /* long name without dashes; NULL ends the table */
    char short_name;     /* 0 if none */
    rm_opt_kind kind;
    const char *metavar; /* "URL", "PATH" */
    const char *help;
} rm_opt_spec;

#define RM_OPT_MAX 32
#define RM_OPT_MAX_VALUES 64

typedef struct rm_opts {
    const rm_opt_spec *specs;
    bool set[RM_OPT_MAX];
    const char *value[RM_OPT_MAX];                  /* last value given */
    const char *values[RM_OPT_MAX][RM_OPT_MAX_VALUES];
    size_t nvalues[RM_OPT_MAX];
    const char *positional[RM_OPT_MAX_VALUES];
    size_t npositional;
    bool help;                                      /* --help / -h was given */
} rm_opts;

/* Parse argv[1..] against cmd->opts. Prints a usage error and returns RM_EXIT_USAGE on bad
 * input, else RM_EXIT_OK. A lone "--" ends option parsing. */
int rm_opts_parse(rm_opts *out, const rm_cli_cmd *cmd, int argc, char **argv);
bool rm_opts_has(const rm_opts *o, const char *name);
const char *rm_opts_get(const rm_opts *o, const char *name);
/* All values of a list option; *n receives the count. */
const char *const *rm_opts_list(const rm_opts *o, const char *name, size_t *n);

/* `relmig CMD --help` text. */
void rm_cli_print_command_help(FILE *f, const rm_cli_cmd *cmd);
/* The message for commands whose issue has not landed: exit 1, never a fake result. */
int rm_cli_not_implemented(const rm_cli_cmd *cmd);
/* "relmig: <message>" on stderr; returns code so call sites read `return rm_cli_fail(...)`. */
int rm_cli_fail(int code, const char *fmt, ...) RM_PRINTF(2, 3);

/* Should output to this stream be coloured? TTY, NO_COLOR unset, TERM not "dumb". */
bool rm_cli_use_color(FILE *f);

/* Global verbosity, set once by main.c from -q/--quiet and -v/--verbose (wherever they stand
 * on the command line). Quiet: errors and results only (no warnings, notes, summaries, per-
 * migration lines or progress). Verbose: also what was done and how long it took, on stderr. */
typedef enum rm_cli_verbosity {
    RM_CLI_QUIET = -1,
    RM_CLI_NORMAL = 0,
    RM_CLI_VERBOSE = 1
} rm_cli_verbosity;
void rm_cli_set_verbosity(rm_cli_verbosity v);
rm_cli_verbosity rm_cli_get_verbosity(void);
/* A "relmig: ..." line on stderr, only with --verbose. */
void rm_cli_verbose(const char *fmt, ...) RM_PRINTF(1, 2);
/* An informational line on stdout (like "applied 3 migrations"), suppressed by --quiet. */
void rm_cli_info(const char *fmt, ...) RM_PRINTF(1, 2);
/* Milliseconds since an unspecified start (monotonic), for --verbose timings. */
double rm_cli_now_ms(void);

/* The progress line of a long operation: one line on stderr, redrawn in place ("\r", erase
 * to end of line), shown only when stderr is a terminal (not TERM=dumb, not --quiet), so a
 * pipe or a log file never sees it. rm_cli_progress_clear erases it before other output and
 * at the end; both are no-ops when progress is off. */
bool rm_cli_progress_enabled(void);
void rm_cli_progress(const char *fmt, ...) RM_PRINTF(1, 2);
void rm_cli_progress_clear(void);

/* Print diagnostics: human form on stderr (with summary if any error/warning), or the JSON
 * array on stdout when json is set. With --quiet the human form shows errors only. */
void rm_cli_print_diags(const rm_sources *srcs, rm_diags *d, bool json);
/* Write s to path ("-" or NULL = stdout). Returns RM_EXIT_OK or RM_EXIT_ERROR. */
int rm_cli_write_output(const char *path, const rm_sb *s, rm_diags *d);

#endif
