/*
 * relmig status: show applied, pending, failed and edited migrations.
 * Not implemented yet (issue #7); the option table below is the planned interface, so --help
 * documents it already.
 */
#include "cli/cli.h"

static const rm_opt_spec opts[] = {
    {"url", 0, RM_OPT_VALUE, "URL", "the database"},
    {"dir", 0, RM_OPT_VALUE, "DIR", "migrations folder (default ./migrations)"},
    {"json", 0, RM_OPT_FLAG, NULL, "print the report as JSON"},
    {NULL, 0, RM_OPT_FLAG, NULL, NULL},
};

const rm_cli_cmd rm_cmd_status = {
    .name = "status",
    .run = NULL,
    .summary = "show applied, pending, failed and edited migrations",
    .usage = "  relmig status --url URL [--dir DIR] [--json]",
    .description = "Exit status: 0 up to date, 2 not, 1 error.",
    .opts = opts,
    .issue = "issue #7",
};
