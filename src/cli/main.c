/*
 * relmig's entry point: global options (-q/--quiet, -v/--verbose, accepted anywhere before a
 * lone "--") and dispatch to one command. Everything a command does lives in its
 * cmd_<name>.c; this file only wires.
 */
#include "cli/cli.h"

#include <locale.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

/* relmig runs for milliseconds to seconds: memory it frees (a parse arena, a statement buffer)
 * is better kept for its next allocations than handed back to the kernel and faulted in again,
 * page by page (about 3 us a page fault on the benchmark VM, as much as 10,000 instructions).
 * glibc otherwise trims the heap whenever 128 KiB are free at its top and gives every block of
 * 128 KiB or more its own mapping, unmapped on free: `diff` at 1,000 models took 4,370 page
 * faults that way and 3,000 with this. */
static void keep_freed_memory(void)
{
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024); /* glibc's maximum */
    mallopt(M_TRIM_THRESHOLD, 1024 * 1024 * 1024);
#endif
}

static void print_version(void)
{
    printf("relmig %s\n", RELMIG_VERSION);
    printf("dialects: postgresql, mysql, sqlite\n");
}

static void print_help(FILE *f)
{
    fprintf(f, "relmig - schema migrations and introspection for Prisma and Cerial schemas\n\n"
               "Usage: relmig <command> [options]\n"
               "       relmig <command> --help\n"
               "       relmig --version\n\nCommands:\n");
    for (size_t i = 0; i < rm_cli_ncommands; i++) {
        const rm_cli_cmd *c = rm_cli_commands[i];
        fprintf(f, "  %-11s %s%s\n", c->name, c->summary,
                c->issue ? "  [not implemented yet]" : "");
    }
    fprintf(f, "\nGlobal options (anywhere on the command line):\n"
               "  -q, --quiet   errors and results only: no warnings, progress or summaries\n"
               "  -v, --verbose also say what is done and how long it took (stderr)\n"
               "Colour: on a terminal only; never with NO_COLOR set or TERM=dumb.\n");
    fprintf(f, "\nExit codes: 0 ok, 1 error, 2 differences or drift found, 64 usage error.\n"
               "Documentation: docs/ (start with docs/getting-started.md).\n");
}

static bool wants_help(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            return false;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
            return true;
    }
    return false;
}

/* Does the option word arg of cmd take the next word
 * as its value? Then that word is not a global option even if it reads "-q". */
static bool takes_value(const rm_cli_cmd *cmd, const char *arg)
{
    if (!cmd->opts || arg[0] != '-' || strchr(arg, '='))
        return false;
    for (const rm_opt_spec *s = cmd->opts; s->name; s++) {
        bool match = arg[1] == '-' ? strcmp(arg + 2, s->name) == 0
                                   : (s->short_name && arg[1] == s->short_name && !arg[2]);
        if (match)
            return s->kind != RM_OPT_FLAG;
    }
    return false;
}

/* Remove -q/--quiet and -v/--verbose from argv[from..argc) and count them. */
static void take_globals(int *argc, char **argv, int from, const rm_cli_cmd *cmd, int *quiet,
                         int *verbose)
{
    int out = from;
    bool literal = false;
    for (int i = from; i < *argc; i++) {
        const char *a = argv[i];
        if (!literal && strcmp(a, "--") == 0)
            literal = true;
        if (!literal && (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0)) {
            (*quiet)++;
            continue;
        }
        if (!literal && (strcmp(a, "-v") == 0 || strcmp(a, "--verbose") == 0)) {
            (*verbose)++;
            continue;
        }
        argv[out++] = argv[i];
        if (!literal && takes_value(cmd, a) && i + 1 < *argc)
            argv[out++] = argv[++i];
    }
    *argc = out;
    argv[out] = NULL;
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "C");
    keep_freed_memory();
    int quiet = 0, verbose = 0;
    /* Global options before the command name, then (knowing its option table) after it. */
    while (argc >= 2 && (strcmp(argv[1], "-q") == 0 || strcmp(argv[1], "--quiet") == 0 ||
                         strcmp(argv[1], "-v") == 0 || strcmp(argv[1], "--verbose") == 0)) {
        if (argv[1][1] == 'q' || argv[1][2] == 'q')
            quiet++;
        else
            verbose++;
        memmove(argv + 1, argv + 2, (size_t)(argc - 1) * sizeof *argv); /* with the NULL */
        argc--;
    }
    if (argc >= 2) {
        const rm_cli_cmd *c = rm_cli_find(argv[1]);
        if (c)
            take_globals(&argc, argv, 2, c, &quiet, &verbose);
    }
    if (quiet && verbose)
        return rm_cli_fail(RM_EXIT_USAGE, "--quiet and --verbose exclude each other");
    rm_cli_set_verbosity(quiet ? RM_CLI_QUIET : verbose ? RM_CLI_VERBOSE : RM_CLI_NORMAL);
    if (argc < 2) {
        print_help(stderr);
        return RM_EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
        print_help(stdout);
        return RM_EXIT_OK;
    }
    if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0 ||
        strcmp(name, "version") == 0) {
        print_version();
        return RM_EXIT_OK;
    }
    if (strcmp(name, "help") == 0) {
        if (argc < 3) {
            print_help(stdout);
            return RM_EXIT_OK;
        }
        name = argv[2];
        const rm_cli_cmd *c = rm_cli_find(name);
        if (!c)
            return rm_cli_fail(RM_EXIT_USAGE, "unknown command '%s'; see 'relmig --help'", name);
        rm_cli_print_command_help(stdout, c);
        return RM_EXIT_OK;
    }
    const rm_cli_cmd *cmd = rm_cli_find(name);
    if (!cmd)
        return rm_cli_fail(RM_EXIT_USAGE, "unknown command '%s'; see 'relmig --help'", name);
    if (wants_help(argc - 1, argv + 1)) {
        rm_cli_print_command_help(stdout, cmd);
        return RM_EXIT_OK;
    }
    if (cmd->issue || !cmd->run) {
        /* Usage errors first, so scripts written against the planned interface fail the
         * same way now as later. */
        rm_opts o;
        int rc = rm_opts_parse(&o, cmd, argc - 1, argv + 1);
        return rc != RM_EXIT_OK ? rc : rm_cli_not_implemented(cmd);
    }
    return cmd->run(cmd, argc - 1, argv + 1);
}
