/*
 * relmig apply: apply pending migrations to a database.
 * Not implemented yet (issue #7); the option table below is the planned interface, so --help
 * documents it already.
 */
#include "cli/cli.h"

static const rm_opt_spec opts[] = {
    {"url", 0, RM_OPT_VALUE, "URL", "the database"},
    {"dir", 0, RM_OPT_VALUE, "DIR", "migrations folder (default ./migrations)"},
    {"dry-run", 0, RM_OPT_FLAG, NULL, "show what would be applied"},
    {NULL, 0, RM_OPT_FLAG, NULL, NULL},
};

const rm_cli_cmd rm_cmd_apply = {
    .name = "apply",
    .run = NULL,
    .summary = "apply pending migrations to a database",
    .usage = "  relmig apply --url URL [--dir DIR] [--dry-run]",
    .description = "",
    .opts = opts,
    .issue = "issue #7",
};
