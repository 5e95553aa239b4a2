/*
 * relmig graph: print the relation graph of a schema.
 * Not implemented yet (issue #3); the option table below is the planned interface, so --help
 * documents it already.
 */
#include "cli/cli.h"

static const rm_opt_spec opts[] = {
    {"format", 0, RM_OPT_VALUE, "FMT", "json (default), mermaid or dot"},
    {"output", 'o', RM_OPT_VALUE, "FILE", "write to FILE instead of stdout"},
    {NULL, 0, RM_OPT_FLAG, NULL, NULL},
};

const rm_cli_cmd rm_cmd_graph = {
    .name = "graph",
    .run = NULL,
    .summary = "print the relation graph of a schema",
    .usage = "  relmig graph PATH... [--format json|mermaid|dot] [-o FILE]",
    .description = "Prints models, keys and relations (1:1, 1:n, m:n) in a stable, sorted form.",
    .opts = opts,
    .issue = "issue #3",
};
