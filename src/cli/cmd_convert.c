/*
 * relmig convert: load a schema (Prisma or Cerial files, rm_schema_load) and print its relation
 * graph in the other syntax (model/print.h). What the target syntax cannot express is written
 * as a comment and reported as a warning. An invalid schema prints its diagnostics and no
 * output (exit 1). Not for: formatting in place (the output is always a new text).
 */
#include "cli/cli.h"
#include "cli/schema_load.h"
#include "model/print.h"

#include <string.h>

static const rm_opt_spec opts[] = {
    {"to", 0, RM_OPT_VALUE, "SYNTAX", "prisma or cerial"},
    {"output", 'o', RM_OPT_VALUE, "FILE", "write to FILE instead of stdout"},
    {NULL, 0, RM_OPT_FLAG, NULL, NULL},
};

static int run(const rm_cli_cmd *self, int argc, char **argv)
{
    rm_opts o;
    int rc = rm_opts_parse(&o, self, argc, argv);
    if (rc != RM_EXIT_OK)
        return rc;
    const char *to = rm_opts_get(&o, "to");
    if (!to)
        return rm_cli_fail(RM_EXIT_USAGE, "convert: --to prisma|cerial is required");
    bool cerial = strcmp(to, "cerial") == 0;
    if (!cerial && strcmp(to, "prisma") != 0)
        return rm_cli_fail(RM_EXIT_USAGE, "convert: unknown syntax '%s' (prisma or cerial)", to);
    if (o.npositional == 0)
        return rm_cli_fail(RM_EXIT_USAGE, "convert: give at least one schema file or folder");
    rm_diags d;
    rm_diags_init(&d);
    rm_loaded_schema s;
    (void)rm_schema_load(&s, o.positional, o.npositional, &d);
    int exit_code = RM_EXIT_OK;
    if (rm_diags_has_errors(&d)) {
        exit_code = RM_EXIT_ERROR;
    } else {
        rm_sb out = RM_SB_INIT;
        if (cerial)
            rm_print_cerial(&out, s.graph, &d);
        else
            rm_print_prisma(&out, s.graph);
        if (rm_sb_error(&out) != RM_OK)
            exit_code = rm_cli_fail(RM_EXIT_ERROR, "convert: output too large");
        else
            exit_code = rm_cli_write_output(rm_opts_get(&o, "output"), &out, &d);
        rm_sb_free(&out);
    }
    rm_cli_print_diags(&s.srcs, &d, false);
    rm_loaded_schema_free(&s);
    rm_diags_free(&d);
    return exit_code;
}

const rm_cli_cmd rm_cmd_convert = {
    .name = "convert",
    .run = run,
    .summary = "convert schemas between Prisma and Cerial syntax",
    .usage = "  relmig convert PATH... --to prisma|cerial [-o FILE]",
    .description = "Reads Prisma or Cerial schema files, builds the relation graph and prints it "
                   "in the requested syntax. What the target cannot express is written as a "
                   "comment and reported as a warning.",
    .opts = opts,
    .issue = NULL,
};
