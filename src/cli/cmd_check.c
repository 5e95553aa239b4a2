/*
 * relmig check: CI drift check of a database against a schema or migrations.
 * Not implemented yet (issue #7); the option table below is the planned interface, so --help
 * documents it already.
 */
#include "cli/cli.h"

static const rm_opt_spec opts[] = {
    {"url", 0, RM_OPT_VALUE, "URL", "the database"},
    {"schema", 0, RM_OPT_LIST, "PATH", "the expected schema"},
    {"dir", 0, RM_OPT_VALUE, "DIR", "the expected migrations folder"},
    {"json", 0, RM_OPT_FLAG, NULL, "print the report as JSON"},
    {NULL, 0, RM_OPT_FLAG, NULL, NULL},
};

const rm_cli_cmd rm_cmd_check = {
    .name = "check",
    .run = NULL,
    .summary = "CI drift check of a database against a schema or migrations",
    .usage = "  relmig check --url URL (--schema PATH | --dir DIR) [--json]",
    .description = "Exit status: 0 in sync, 2 drift, 1 error. Names relation-level drift: one-to-one relations without UNIQUE, composite key mismatches, FK action differences.",
    .opts = opts,
    .issue = "issue #7",
};
