/*
 * relmig introspect: read a live database and print its schema.
 * Not implemented yet (issue #6); the option table below is the planned interface, so --help
 * documents it already.
 */
#include "cli/cli.h"

static const rm_opt_spec opts[] = {
    {"url", 0, RM_OPT_VALUE, "URL", "the database"},
    {"syntax", 0, RM_OPT_VALUE, "S", "prisma (default) or cerial"},
    {"output", 'o', RM_OPT_VALUE, "FILE", "write to FILE instead of stdout"},
    {"schema", 0, RM_OPT_LIST, "PATH", "existing schema whose names are kept"},
    {NULL, 0, RM_OPT_FLAG, NULL, NULL},
};

const rm_cli_cmd rm_cmd_introspect = {
    .name = "introspect",
    .run = NULL,
    .summary = "read a live database and print its schema",
    .usage = "  relmig introspect --url URL [--syntax prisma|cerial] [-o FILE] [--schema EXISTING]",
    .description = "",
    .opts = opts,
    .issue = "issue #6",
};
