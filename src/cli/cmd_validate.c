/*
 * relmig validate: check schema files (Prisma, Cerial or a folder mixing both).
 * Not implemented yet (issue #3); the option table below is the planned interface, so --help
 * documents it already.
 */
#include "cli/cli.h"

static const rm_opt_spec opts[] = {
    {"json", 0, RM_OPT_FLAG, NULL, "print diagnostics as JSON on stdout"},
    {"strict", 0, RM_OPT_FLAG, NULL, "treat warnings as errors"},
    {NULL, 0, RM_OPT_FLAG, NULL, NULL},
};

const rm_cli_cmd rm_cmd_validate = {
    .name = "validate",
    .run = NULL,
    .summary = "check schema files (Prisma, Cerial or a folder mixing both)",
    .usage = "  relmig validate PATH... [--json] [--strict]",
    .description = "Exit status: 0 when the schema is valid, 1 when it has errors.",
    .opts = opts,
    .issue = "issue #3",
};
