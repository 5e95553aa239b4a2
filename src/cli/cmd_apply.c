/*
 * relmig apply: apply the pending migrations of a folder to a database, under the migration
 * lock, one progress line per migration. The folder is checked against relmig.sum first (a
 * missing relmig.sum is a warning, so Prisma projects work unchanged). The algorithm is
 * rm_mig_apply (src/migrations); this file only wires options, folder, connection and output.
 */
#include "cli/cli.h"
#include "cli/db_session.h"
#include "db/db.h"
#include "io/migrations_dir.h"

#include <stdio.h>
#include <stdlib.h>

static const rm_opt_spec opts[] = {
    {"url", 0, RM_OPT_VALUE, "URL", "the database"},
    {"dir", 0, RM_OPT_VALUE, "DIR", "migrations folder (default ./migrations)"},
    {"dry-run", 0, RM_OPT_FLAG, NULL, "show what would be applied"},
    {"lock-timeout", 0, RM_OPT_VALUE, "SECONDS", "wait this long for the lock (default 10)"},
    {"atomic", 0, RM_OPT_FLAG, NULL,
     "PostgreSQL: refuse a migration too large for one transaction instead of splitting it"},
    {NULL, 0, RM_OPT_FLAG, NULL, NULL},
};

static int run(const rm_cli_cmd *self, int argc, char **argv)
{
    rm_opts o;
    int rc = rm_opts_parse(&o, self, argc, argv);
    if (rc != RM_EXIT_OK)
        return rc;
    const char *url = rm_opts_get(&o, "url");
    if (!url)
        return rm_cli_fail(RM_EXIT_USAGE, "apply: --url is required");
    if (o.npositional)
        return rm_cli_fail(RM_EXIT_USAGE, "apply: unexpected argument '%s'", o.positional[0]);
    int lock_ms = 0;
    if (rm_opts_get(&o, "lock-timeout")) {
        char *end = NULL;
        double s = strtod(rm_opts_get(&o, "lock-timeout"), &end);
        if (!end || *end || s < 0 || s > 86400)
            return rm_cli_fail(RM_EXIT_USAGE, "apply: --lock-timeout wants seconds (0-86400)");
        lock_ms = s == 0 ? 1 : (int)(s * 1000);
    }
    const char *dirpath = rm_opts_get(&o, "dir") ? rm_opts_get(&o, "dir") : "migrations";

    int exit = RM_EXIT_ERROR;
    rm_sources srcs;
    rm_diags d;
    rm_arena a;
    rm_mig_dir dir;
    rm_conn *c = NULL;
    rm_mig_env env;
    rm_mig_apply_result res;
    rm_mig_apply_opts ao = {lock_ms, rm_opts_has(&o, "dry-run"), rm_opts_has(&o, "atomic")};
    /* SQLite: another apply's exclusive transaction already blocks opening the file, so the
     * connection waits as long as the lock would. */
    rm_db_opts dbo = {lock_ms > 0 ? (lock_ms + 999) / 1000 : 10, NULL};
    rm_sources_init(&srcs);
    rm_diags_init(&d);
    rm_arena_init(&a, 0);
    rm_io_mig_env(&env, stdout);

    if (rm_io_read_migrations(&dir, dirpath, &srcs, &a, &d) != RM_OK)
        goto done;
    if (rm_mig_sum_verify(&dir, true, &d) != RM_OK)
        goto done;
    if (rm_cli_connect(&c, url, &dbo, &a, &d) != RM_OK)
        goto done;
    if (rm_mig_check_provider(&dir, c, &d) != RM_OK)
        goto done;
    rc = rm_mig_apply(&res, c, &dir, &ao, &env, &d);
    if (rc == RM_OK) {
        if (ao.dry_run)
            printf("%zu migration%s would be applied\n", res.pending, res.pending == 1 ? "" : "s");
        else if (res.applied == 0)
            printf("database is up to date (%zu migration%s)\n", dir.n, dir.n == 1 ? "" : "s");
        else
            printf("applied %zu migration%s\n", res.applied, res.applied == 1 ? "" : "s");
        exit = RM_EXIT_OK;
    }
done:
    fflush(stdout);
    rm_cli_print_diags(&srcs, &d, false);
    rm_db_close(c);
    rm_arena_free(&a);
    rm_diags_free(&d);
    rm_sources_free(&srcs);
    return exit;
}

const rm_cli_cmd rm_cmd_apply = {
    .name = "apply",
    .run = run,
    .summary = "apply pending migrations to a database",
    .usage = "  relmig apply --url URL [--dir DIR] [--dry-run] [--lock-timeout SECONDS] [--atomic]",
    .description =
        "Applies every migration of DIR not yet recorded in the database's _prisma_migrations\n"
        "table (Prisma's history table: Prisma and relmig can take turns on one database), in\n"
        "folder-name order, each in its own transaction where the database has transactional\n"
        "DDL (PostgreSQL, SQLite; on PostgreSQL a migration needing more than half of the\n"
        "server's lock table is committed in several transactions, E0919, or refused with\n"
        "--atomic). Holds the migration lock meanwhile (PostgreSQL advisory\n"
        "lock 72707369, MySQL GET_LOCK('prisma_migrate'), SQLite an exclusive transaction).\n"
        "Refuses while a failed migration is recorded (see relmig resolve) or an applied one\n"
        "was edited, and when DIR does not match DIR/relmig.sum.\n"
        "Exit status: 0 success or nothing to do, 1 error.",
    .opts = opts,
    .issue = NULL,
};
