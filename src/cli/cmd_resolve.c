/*
 * relmig resolve: mark a failed migration as applied or rolled back.
 * Not implemented yet (issue #7); the option table below is the planned interface, so --help
 * documents it already.
 */
#include "cli/cli.h"

static const rm_opt_spec opts[] = {
    {"url", 0, RM_OPT_VALUE, "URL", "the database"},
    {"applied", 0, RM_OPT_VALUE, "NAME", "record NAME as applied"},
    {"rolled-back", 0, RM_OPT_VALUE, "NAME", "record NAME as rolled back"},
    {"dir", 0, RM_OPT_VALUE, "DIR", "migrations folder (default ./migrations)"},
    {NULL, 0, RM_OPT_FLAG, NULL, NULL},
};

const rm_cli_cmd rm_cmd_resolve = {
    .name = "resolve",
    .run = NULL,
    .summary = "mark a failed migration as applied or rolled back",
    .usage = "  relmig resolve --url URL (--applied NAME | --rolled-back NAME) [--dir DIR]",
    .description = "",
    .opts = opts,
    .issue = "issue #7",
};
