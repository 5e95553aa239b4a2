/*
 * relmig's entry point: global options and dispatch to one command. Everything a command
 * does lives in its cmd_<name>.c; this file only wires.
 */
#include "cli/cli.h"

#include <locale.h>
#include <string.h>

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

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "C");
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
