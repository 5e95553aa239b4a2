/*
 * relmig validate: check schema files (Prisma, Cerial or a folder mixing both). Prints every
 * diagnostic (code frames on stderr, or a JSON array on stdout with --json) and exits 0 when
 * the schema is valid, 1 when it has errors (with --strict, warnings count as errors).
 * Not for printing the graph (cmd_graph.c).
 */
#include "cli/cli.h"
#include "cli/schema_load.h"

static const rm_opt_spec opts[] = {
    {"json", 0, RM_OPT_FLAG, NULL, "print diagnostics as JSON on stdout"},
    {"strict", 0, RM_OPT_FLAG, NULL, "treat warnings as errors"},
    {NULL, 0, RM_OPT_FLAG, NULL, NULL},
};

static int run(const rm_cli_cmd *self, int argc, char **argv)
{
    rm_opts o;
    int rc = rm_opts_parse(&o, self, argc, argv);
    if (rc != RM_EXIT_OK)
        return rc;
    if (o.npositional == 0)
        return rm_cli_fail(RM_EXIT_USAGE, "validate: give at least one schema file or folder");
    rm_diags d;
    rm_diags_init(&d);
    rm_loaded_schema s;
    (void)rm_schema_load(&s, o.positional, o.npositional, &d);
    if (rm_opts_has(&o, "strict"))
        rm_diags_promote_warnings(&d);
    bool bad = rm_diags_has_errors(&d);
    rm_cli_print_diags(&s.srcs, &d, rm_opts_has(&o, "json"));
    rm_loaded_schema_free(&s);
    rm_diags_free(&d);
    return bad ? RM_EXIT_ERROR : RM_EXIT_OK;
}

const rm_cli_cmd rm_cmd_validate = {
    .name = "validate",
    .run = run,
    .summary = "check schema files (Prisma, Cerial or a folder mixing both)",
    .usage = "  relmig validate PATH... [--json] [--strict]",
    .description = "Exit status: 0 when the schema is valid, 1 when it has errors.",
    .opts = opts,
    .issue = NULL,
};
