/*
 * relmig convert: convert schemas between Prisma and Cerial syntax.
 * Not implemented yet (issue #6); the option table below is the planned interface, so --help
 * documents it already.
 */
#include "cli/cli.h"

static const rm_opt_spec opts[] = {
    {"to", 0, RM_OPT_VALUE, "SYNTAX", "prisma or cerial"},
    {"output", 'o', RM_OPT_VALUE, "FILE", "write to FILE instead of stdout"},
    {NULL, 0, RM_OPT_FLAG, NULL, NULL},
};

const rm_cli_cmd rm_cmd_convert = {
    .name = "convert",
    .run = NULL,
    .summary = "convert schemas between Prisma and Cerial syntax",
    .usage = "  relmig convert PATH... --to prisma|cerial [-o FILE]",
    .description = "",
    .opts = opts,
    .issue = "issue #6",
};
