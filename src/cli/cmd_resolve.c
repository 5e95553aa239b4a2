/*
 * relmig resolve: record a migration as applied (after finishing a failed one by hand, or to
 * baseline an existing database) or a failed one as rolled back, exactly as Prisma's
 * `migrate resolve` edits `_prisma_migrations`. Runs no migration SQL. The logic is
 * rm_mig_resolve (src/migrations).
 */
#include "cli/cli.h"
#include "cli/db_session.h"
#include "db/db.h"
#include "io/migrations_dir.h"

#include <stdio.h>
#include <string.h>

static const rm_opt_spec opts[] = {
    {"url", 0, RM_OPT_VALUE, "URL", "the database"},
    {"applied", 0, RM_OPT_VALUE, "NAME", "record NAME as applied"},
    {"rolled-back", 0, RM_OPT_VALUE, "NAME", "record NAME as rolled back"},
    {"dir", 0, RM_OPT_VALUE, "DIR", "migrations folder (default ./migrations)"},
    {"json", 0, RM_OPT_FLAG, NULL, "print the result as JSON"},
    {NULL, 0, RM_OPT_FLAG, NULL, NULL},
};

static int run(const rm_cli_cmd *self, int argc, char **argv)
{
    rm_opts o;
    int rc = rm_opts_parse(&o, self, argc, argv);
    if (rc != RM_EXIT_OK)
        return rc;
    const char *applied = rm_opts_get(&o, "applied");
    const char *rolled = rm_opts_get(&o, "rolled-back");
    rm_cli_mig_run r;
    if ((rc = rm_cli_mig_run_begin(&r, &o, "resolve")) != RM_EXIT_OK)
        return rc;
    if (!applied == !rolled)
        return rm_cli_mig_run_end(&r, rm_cli_fail(RM_EXIT_USAGE,
                                                  "resolve: give exactly one of --applied NAME "
                                                  "and --rolled-back NAME"));

    int exit = RM_EXIT_ERROR;
    rm_mig_env env;
    rm_db_opts dbo = {10, NULL};
    rm_io_mig_env(&env, stdout);

    if (rm_cli_mig_run_open(&r, &dbo, false) != RM_OK)
        goto done;
    if (rm_mig_resolve(r.c, &r.dir,
                       applied ? RM_MIG_RESOLVE_APPLIED : RM_MIG_RESOLVE_ROLLED_BACK,
                       applied ? applied : rolled, 0, &env, &r.d) != RM_OK)
        goto done;
    exit = RM_EXIT_OK;
done:
    if (rm_opts_has(&o, "json")) {
        /* {"ok": bool, "migration": NAME, "markedAs": "applied" | "rolled_back"} */
        const char *name = applied ? applied : rolled;
        rm_sb sb = RM_SB_INIT;
        rm_sb_appendf(&sb, "{\"ok\":%s,\"migration\":", exit == RM_EXIT_OK ? "true" : "false");
        rm_sb_json_string(&sb, name, strlen(name));
        rm_sb_appendf(&sb, ",\"markedAs\":\"%s\"}\n", applied ? "applied" : "rolled_back");
        fputs(rm_sb_str(&sb), stdout);
        rm_sb_free(&sb);
    } else if (exit == RM_EXIT_OK) {
        rm_cli_info("Migration %s marked as %s.", applied ? applied : rolled,
                    applied ? "applied" : "rolled back");
    }
    return rm_cli_mig_run_end(&r, exit);
}

const rm_cli_cmd rm_cmd_resolve = {
    .name = "resolve",
    .run = run,
    .summary = "mark a failed migration as applied or rolled back",
    .usage = "  relmig resolve --url URL (--applied NAME | --rolled-back NAME) [--dir DIR]\n"
             "               [--json]",
    .description =
        "--rolled-back NAME: NAME must be recorded as failed; its row gets rolled_back_at and\n"
        "the next apply runs it again. --applied NAME: records NAME as applied without running\n"
        "it (a failed row is marked rolled back first); use it after completing a failed\n"
        "migration by hand, or to baseline a database that already has the schema.\n"
        "--json prints {ok, migration, markedAs: applied|rolled_back}.\n"
        "Exit status: 0 done, 1 error.",
    .opts = opts,
    .issue = NULL,
};
