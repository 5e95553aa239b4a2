/*
 * relmig diff: print the SQL migration between two states.
 * Not implemented yet (issue #5); the option table below is the planned interface, so --help
 * documents it already.
 */
#include "cli/cli.h"

static const rm_opt_spec opts[] = {
    {"from", 0, RM_OPT_VALUE, "SRC", "the state to migrate from"},
    {"to", 0, RM_OPT_VALUE, "SRC", "the state to migrate to"},
    {"dialect", 0, RM_OPT_VALUE, "D", "postgresql, mysql or sqlite"},
    {"script", 0, RM_OPT_FLAG, NULL, "print SQL (default)"},
    {"json", 0, RM_OPT_FLAG, NULL, "print the change list as JSON"},
    {"exit-code", 0, RM_OPT_FLAG, NULL, "exit 2 when there are changes"},
    {"output", 'o', RM_OPT_VALUE, "FILE", "write to FILE instead of stdout"},
    {NULL, 0, RM_OPT_FLAG, NULL, NULL},
};

const rm_cli_cmd rm_cmd_diff = {
    .name = "diff",
    .run = NULL,
    .summary = "print the SQL migration between two states",
    .usage = "  relmig diff --from SRC --to SRC [--dialect D] [--script | --json] [--exit-code] [-o FILE]",
    .description = "SRC is empty, schema path(s), a database URL or a migrations folder.",
    .opts = opts,
    .issue = "issue #5",
};
