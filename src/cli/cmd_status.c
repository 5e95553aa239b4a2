/*
 * relmig status: compare a migrations folder with a database's history and list applied,
 * pending, failed, edited and applied-but-missing migrations. Exit 0 when the database is up
 * to date, 2 when it is not (anything pending, failed, edited or missing), 1 on error. Reads
 * only: no lock, no table creation. Not for applying (relmig apply).
 */
#include "cli/cli.h"
#include "cli/db_session.h"
#include "db/db.h"
#include "io/migrations_dir.h"

#include <stdio.h>
#include <string.h>

static const rm_opt_spec opts[] = {
    {"url", 0, RM_OPT_VALUE, "URL", "the database"},
    {"dir", 0, RM_OPT_VALUE, "DIR", "migrations folder (default ./migrations)"},
    {"json", 0, RM_OPT_FLAG, NULL, "print the status as JSON"},
    {NULL, 0, RM_OPT_FLAG, NULL, NULL},
};

static void json_opt(rm_sb *sb, const char *s)
{
    if (s)
        rm_sb_json_string(sb, s, strlen(s));
    else
        rm_sb_puts(sb, "null");
}

static void render_json(rm_sb *sb, const rm_mig_status *st, bool sum_ok, bool up_to_date)
{
    rm_sb_appendf(sb, "{\"upToDate\":%s,\"hasMigrationsTable\":%s,\"sumOk\":%s,\"counts\":{",
                  up_to_date ? "true" : "false", st->has_table ? "true" : "false",
                  sum_ok ? "true" : "false");
    for (int k = 0; k < 5; k++)
        rm_sb_appendf(sb, "%s\"%s\":%zu", k ? "," : "", rm_mig_state_name((rm_mig_state)k),
                      st->count[k]);
    rm_sb_puts(sb, "},\"migrations\":[");
    for (size_t i = 0; i < st->n; i++) {
        const rm_mig_status_item *it = &st->items[i];
        rm_sb_puts(sb, i ? ",{\"name\":" : "{\"name\":");
        json_opt(sb, it->name);
        rm_sb_appendf(sb, ",\"state\":\"%s\",\"startedAt\":", rm_mig_state_name(it->state));
        json_opt(sb, it->row ? it->row->started_at : NULL);
        rm_sb_puts(sb, ",\"finishedAt\":");
        json_opt(sb, it->row ? it->row->finished_at : NULL);
        rm_sb_puts(sb, ",\"logs\":");
        json_opt(sb, it->row ? it->row->logs : NULL);
        rm_sb_putc(sb, '}');
    }
    rm_sb_puts(sb, "]}\n");
}

static void render_text(rm_sb *sb, const rm_mig_status *st, const rm_mig_dir *dir, bool up_to_date)
{
    if (!st->has_table)
        rm_sb_puts(sb, "The database has no _prisma_migrations table: nothing is applied yet.\n");
    for (size_t i = 0; i < st->n; i++) {
        const rm_mig_status_item *it = &st->items[i];
        rm_sb_appendf(sb, "%-8s %s", rm_mig_state_name(it->state), it->name);
        if (it->row && it->row->finished_at && it->state != RM_MIG_FAILED)
            rm_sb_appendf(sb, "  (%s)", it->row->finished_at);
        else if (it->state == RM_MIG_FAILED && it->row->started_at)
            rm_sb_appendf(sb, "  (started %s)", it->row->started_at);
        rm_sb_putc(sb, '\n');
    }
    rm_sb_appendf(sb, "\n%zu applied, %zu pending, %zu failed, %zu edited, %zu missing from %s\n",
                  st->count[RM_MIG_APPLIED], st->count[RM_MIG_PENDING], st->count[RM_MIG_FAILED],
                  st->count[RM_MIG_EDITED], st->count[RM_MIG_MISSING], dir->path);
    if (up_to_date)
        rm_sb_puts(sb, "Database schema is up to date.\n");
    if (st->count[RM_MIG_PENDING])
        rm_sb_puts(sb, "Run `relmig apply` to apply the pending migrations.\n");
    if (st->count[RM_MIG_FAILED])
        rm_sb_puts(sb, "A failed migration blocks `relmig apply`: repair the database, then "
                       "`relmig resolve --rolled-back NAME` or `--applied NAME`.\n");
    if (st->count[RM_MIG_EDITED])
        rm_sb_puts(sb, "Edited migrations differ from what was applied: restore them and put "
                       "changes in a new migration.\n");
    if (st->count[RM_MIG_MISSING])
        rm_sb_puts(sb, "Missing migrations were applied from a folder you do not have (another "
                       "branch?).\n");
}

static int run(const rm_cli_cmd *self, int argc, char **argv)
{
    rm_opts o;
    int rc = rm_opts_parse(&o, self, argc, argv);
    if (rc != RM_EXIT_OK)
        return rc;
    rm_cli_mig_run r;
    if ((rc = rm_cli_mig_run_begin(&r, &o, "status")) != RM_EXIT_OK)
        return rc;
    bool json = rm_opts_has(&o, "json");

    int exit = RM_EXIT_ERROR;
    rm_mig_history h;
    rm_mig_status st;
    rm_sb out = RM_SB_INIT;
    bool sum_ok, up_to_date;

    if (rm_io_read_migrations(&r.dir, r.dirpath, &r.srcs, &r.a, &r.d) != RM_OK)
        goto done;
    /* A folder that does not match relmig.sum is reported but the status is still useful. */
    sum_ok = rm_mig_sum_verify(&r.dir, true, &r.d) == RM_OK;
    if (rm_cli_connect(&r.c, r.url, NULL, &r.a, &r.d) != RM_OK)
        goto done;
    if (rm_mig_history_read(&h, r.c, &r.a, &r.d) != RM_OK)
        goto done;
    rm_mig_status_compute(&st, &r.dir, &h, &r.a);
    up_to_date = sum_ok && st.count[RM_MIG_APPLIED] == st.n;
    if (json)
        render_json(&out, &st, sum_ok, up_to_date);
    else
        render_text(&out, &st, &r.dir, up_to_date);
    fputs(rm_sb_str(&out), stdout);
    exit = up_to_date ? RM_EXIT_OK : RM_EXIT_CHANGES;
done:
    rm_sb_free(&out);
    return rm_cli_mig_run_end(&r, exit);
}

const rm_cli_cmd rm_cmd_status = {
    .name = "status",
    .run = run,
    .summary = "show applied, pending, failed, edited and missing migrations",
    .usage = "  relmig status --url URL [--dir DIR] [--json]",
    .description = "Exit status: 0 up to date, 2 not up to date (pending, failed, edited or\n"
                   "missing migrations, or DIR does not match relmig.sum), 1 error.",
    .opts = opts,
    .issue = NULL,
};
