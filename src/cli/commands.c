/*
 * The command table. Each command is defined in its own cmd_<name>.c; this list fixes the
 * order `relmig --help` shows them in (the order of a typical workflow).
 */
#include "cli/cli.h"

#include <string.h>

extern const rm_cli_cmd rm_cmd_validate, rm_cmd_graph, rm_cmd_diff, rm_cmd_migrate,
    rm_cmd_apply, rm_cmd_status, rm_cmd_resolve, rm_cmd_check, rm_cmd_introspect,
    rm_cmd_convert;

const rm_cli_cmd *const rm_cli_commands[] = {
    &rm_cmd_validate, &rm_cmd_graph,  &rm_cmd_diff,    &rm_cmd_migrate,    &rm_cmd_apply,
    &rm_cmd_status,   &rm_cmd_resolve, &rm_cmd_check,  &rm_cmd_introspect, &rm_cmd_convert,
};
const size_t rm_cli_ncommands = RM_ARRAY_LEN(rm_cli_commands);

const rm_cli_cmd *rm_cli_find(const char *name)
{
    for (size_t i = 0; i < rm_cli_ncommands; i++)
        if (strcmp(rm_cli_commands[i]->name, name) == 0)
            return rm_cli_commands[i];
    return NULL;
}
