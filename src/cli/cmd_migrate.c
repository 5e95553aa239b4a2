/*
 * relmig migrate: create migrations (migrate new) and maintain relmig.sum (migrate hash).
 * Not implemented yet (issue #7); the option table below is the planned interface, so --help
 * documents it already.
 */
#include "cli/cli.h"

static const rm_opt_spec opts[] = {
    {"name", 0, RM_OPT_VALUE, "N", "name of the new migration"},
    {"schema", 0, RM_OPT_LIST, "PATH", "the schema to migrate to"},
    {"dir", 0, RM_OPT_VALUE, "DIR", "migrations folder (default ./migrations)"},
    {"url", 0, RM_OPT_VALUE, "URL", "take the current state from this database"},
    {"shadow-url", 0, RM_OPT_VALUE, "URL", "database to replay the folder into"},
    {NULL, 0, RM_OPT_FLAG, NULL, NULL},
};

const rm_cli_cmd rm_cmd_migrate = {
    .name = "migrate",
    .run = NULL,
    .summary = "create migrations (migrate new) and maintain relmig.sum (migrate hash)",
    .usage = "  relmig migrate new --name N --schema PATH [--dir DIR] [--url URL | --shadow-url URL]\n  relmig migrate hash [--dir DIR]",
    .description = "",
    .opts = opts,
    .issue = "issue #7",
};
