/*
 * relmig migrate: maintain the migrations folder. `migrate hash` rewrites relmig.sum from the
 * folder (after adding or deliberately changing a migration); `migrate new` is not written yet
 * and says so. Not for applying (relmig apply).
 */
#include "cli/cli.h"
#include "io/migrations_dir.h"

#include <stdio.h>
#include <string.h>

static const rm_opt_spec opts[] = {
    {"name", 0, RM_OPT_VALUE, "N", "name of the new migration"},
    {"schema", 0, RM_OPT_LIST, "PATH", "the schema to migrate to"},
    {"dir", 0, RM_OPT_VALUE, "DIR", "migrations folder (default ./migrations)"},
    {"url", 0, RM_OPT_VALUE, "URL", "take the current state from this database"},
    {"shadow-url", 0, RM_OPT_VALUE, "URL", "database to replay the folder into"},
    {NULL, 0, RM_OPT_FLAG, NULL, NULL},
};

static int run_hash(const char *dirpath)
{
    int exit = RM_EXIT_ERROR;
    rm_sources srcs;
    rm_diags d;
    rm_arena a;
    rm_mig_dir dir;
    rm_sources_init(&srcs);
    rm_diags_init(&d);
    rm_arena_init(&a, 0);
    if (rm_io_read_migrations(&dir, dirpath, &srcs, &a, &d) != RM_OK)
        goto done;
    if (rm_io_write_migrations_sum(&dir, &d) != RM_OK)
        goto done;
    printf("wrote %s/" RM_MIG_SUM_FILE " (%zu migration%s)\n", dir.path, dir.n,
           dir.n == 1 ? "" : "s");
    exit = RM_EXIT_OK;
done:
    fflush(stdout);
    rm_cli_print_diags(&srcs, &d, false);
    rm_arena_free(&a);
    rm_diags_free(&d);
    rm_sources_free(&srcs);
    return exit;
}

static int run(const rm_cli_cmd *self, int argc, char **argv)
{
    rm_opts o;
    int rc = rm_opts_parse(&o, self, argc, argv);
    if (rc != RM_EXIT_OK)
        return rc;
    if (o.npositional != 1)
        return rm_cli_fail(RM_EXIT_USAGE, "migrate: give a subcommand: new or hash");
    const char *dirpath = rm_opts_get(&o, "dir") ? rm_opts_get(&o, "dir") : "migrations";
    if (strcmp(o.positional[0], "hash") == 0)
        return run_hash(dirpath);
    if (strcmp(o.positional[0], "new") == 0)
        return rm_cli_fail(RM_EXIT_ERROR, "migrate new: not implemented yet (issue #7); write "
                                          "the migration with `relmig diff` and run `relmig "
                                          "migrate hash`");
    return rm_cli_fail(RM_EXIT_USAGE, "migrate: unknown subcommand '%s' (use new or hash)",
                       o.positional[0]);
}

const rm_cli_cmd rm_cmd_migrate = {
    .name = "migrate",
    .run = run,
    .summary = "create migrations (migrate new) and maintain relmig.sum (migrate hash)",
    .usage = "  relmig migrate new --name N --schema PATH [--dir DIR] [--url URL | --shadow-url URL]\n  relmig migrate hash [--dir DIR]",
    .description = "migrate hash: rewrite DIR/relmig.sum (the SHA-256 of every migration.sql and\n"
                   "a total over all of them), which relmig apply and status verify.\n"
                   "migrate new: not implemented yet (issue #7).",
    .opts = opts,
    .issue = NULL,
};
