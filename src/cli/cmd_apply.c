/*
 * relmig apply: apply the pending migrations of a folder to a database, under the migration
 * lock, one progress line per migration. The folder is checked against relmig.sum first (a
 * missing relmig.sum is a warning, so Prisma projects work unchanged). The algorithm is
 * rm_mig_apply (src/migrations); this file only wires options, folder, connection and output.
 * On a terminal (stderr), a progress line "[k/N] applying NAME" stands under the finished
 * lines; N comes from a dry run first, which only reads. --json prints the result as one
 * JSON object instead of the lines.
 */
#include "cli/cli.h"
#include "cli/db_session.h"
#include "db/db.h"
#include "io/migrations_dir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const rm_opt_spec opts[] = {
    {"url", 0, RM_OPT_VALUE, "URL", "the database"},
    {"dir", 0, RM_OPT_VALUE, "DIR", "migrations folder (default ./migrations)"},
    {"dry-run", 0, RM_OPT_FLAG, NULL, "show what would be applied"},
    {"json", 0, RM_OPT_FLAG, NULL, "print the result as JSON"},
    {"lock-timeout", 0, RM_OPT_VALUE, "SECONDS", "wait this long for the lock (default 10)"},
    {"atomic", 0, RM_OPT_FLAG, NULL,
     "PostgreSQL: refuse a migration too large for one transaction instead of splitting it"},
    {NULL, 0, RM_OPT_FLAG, NULL, NULL},
};

/* What the progress callback of rm_mig_apply sees: the pending names (from the dry run), how
 * many have finished, and whether lines are printed at all. */
typedef struct apply_view {
    const char **names; /* pending migrations in order; NULL when not counted */
    size_t total, done;
    bool lines; /* print the finished lines (not --json, not --quiet) */
    bool dry_run;
    rm_arena *a;
} apply_view;

static void collect_name(void *ud, const char *line)
{
    /* The dry run's lines read "would apply NAME (N bytes)". */
    apply_view *v = ud;
    const char *p = line + strlen("would apply ");
    const char *end = strstr(p, " (");
    if (strncmp(line, "would apply ", 12) != 0 || !end)
        return;
    v->names[v->total++] = rm_arena_strndup(v->a, p, (size_t)(end - p));
}

static void show_next(const apply_view *v)
{
    if (v->names && v->done < v->total)
        rm_cli_progress("[%zu/%zu] applying %s", v->done + 1, v->total, v->names[v->done]);
}

static void on_line(void *ud, const char *line)
{
    apply_view *v = ud;
    if (v->lines)
        rm_cli_info("%s", line);
    if (!v->dry_run) {
        v->done++;
        show_next(v);
    }
}

static void json_string_or_null(rm_sb *sb, const char *s)
{
    if (s)
        rm_sb_json_string(sb, s, strlen(s));
    else
        rm_sb_puts(sb, "null");
}

/* {"ok":..., "dryRun":..., "applied":[names], "pending":[names], "failed":name|null} */
static void print_json(const apply_view *v, const rm_mig_apply_result *res, bool ok, bool counted)
{
    rm_sb sb = RM_SB_INIT;
    size_t napplied = counted && !v->dry_run ? res->applied : 0;
    rm_sb_appendf(&sb, "{\"ok\":%s,\"dryRun\":%s,\"applied\":[", ok ? "true" : "false",
                  v->dry_run ? "true" : "false");
    for (size_t i = 0; i < napplied && i < v->total; i++) {
        rm_sb_puts(&sb, i ? "," : "");
        rm_sb_json_string(&sb, v->names[i], strlen(v->names[i]));
    }
    rm_sb_puts(&sb, "],\"pending\":[");
    size_t first = napplied + (counted && res->failed ? 1 : 0);
    for (size_t i = first; counted && i < v->total; i++) {
        rm_sb_puts(&sb, i > first ? "," : "");
        rm_sb_json_string(&sb, v->names[i], strlen(v->names[i]));
    }
    rm_sb_puts(&sb, "],\"failed\":");
    json_string_or_null(&sb, counted ? res->failed : NULL);
    rm_sb_puts(&sb, "}\n");
    fputs(rm_sb_str(&sb), stdout);
    rm_sb_free(&sb);
}

static int run(const rm_cli_cmd *self, int argc, char **argv)
{
    rm_opts o;
    int rc = rm_opts_parse(&o, self, argc, argv);
    if (rc != RM_EXIT_OK)
        return rc;
    rm_cli_mig_run r;
    if ((rc = rm_cli_mig_run_begin(&r, &o, "apply")) != RM_EXIT_OK)
        return rc;
    int lock_ms = 0;
    if (rm_opts_get(&o, "lock-timeout")) {
        char *end = NULL;
        double s = strtod(rm_opts_get(&o, "lock-timeout"), &end);
        if (!end || *end || s < 0 || s > 86400)
            return rm_cli_mig_run_end(
                &r, rm_cli_fail(RM_EXIT_USAGE, "apply: --lock-timeout wants seconds (0-86400)"));
        lock_ms = s == 0 ? 1 : (int)(s * 1000);
    }

    int exit = RM_EXIT_ERROR;
    rm_mig_env env;
    rm_mig_apply_result res = {0, 0, NULL};
    apply_view view = {NULL, 0, 0, true, false, NULL};
    bool json = rm_opts_has(&o, "json");
    bool counted = false;
    double t0 = rm_cli_now_ms();
    rm_mig_apply_opts ao = {lock_ms, rm_opts_has(&o, "dry-run"), rm_opts_has(&o, "atomic")};
    /* SQLite: another apply's exclusive transaction already blocks opening the file, so the
     * connection waits as long as the lock would. */
    rm_db_opts dbo = {lock_ms > 0 ? (lock_ms + 999) / 1000 : 10, NULL};
    rm_io_mig_env(&env, stdout);

    if (rm_cli_mig_run_open(&r, &dbo, true) != RM_OK)
        goto done;
    if (rm_mig_check_provider(&r.dir, r.c, &r.d) != RM_OK)
        goto done;
    /* The pending names, for the progress line's "k/N" and the JSON result: a dry run only
     * reads the history. Its diagnostics are dropped; the real run reports the same. */
    view.a = &r.a;
    view.dry_run = ao.dry_run;
    view.lines = !json;
    if (json || rm_cli_progress_enabled()) {
        rm_diags scratch;
        rm_mig_env denv = env;
        rm_mig_apply_opts dao = ao;
        rm_mig_apply_result dres;
        rm_diags_init(&scratch);
        view.names = rm_arena_alloc(&r.a, (r.dir.n + 1) * sizeof *view.names);
        denv.ud = &view;
        denv.progress = collect_name;
        dao.dry_run = true;
        counted = rm_mig_apply(&dres, r.c, &r.dir, &dao, &denv, &scratch) == RM_OK;
        rm_diags_free(&scratch);
        if (!counted)
            view.names = NULL;
    }
    env.ud = &view;
    env.progress = on_line;
    show_next(&view);
    rc = rm_mig_apply(&res, r.c, &r.dir, &ao, &env, &r.d);
    rm_cli_progress_clear();
    if (rc == RM_OK) {
        if (json)
            (void)0; /* the JSON object below says it all */
        else if (ao.dry_run)
            rm_cli_info("%zu migration%s would be applied", res.pending,
                        res.pending == 1 ? "" : "s");
        else if (res.applied == 0)
            rm_cli_info("database is up to date (%zu migration%s)", r.dir.n,
                        r.dir.n == 1 ? "" : "s");
        else
            rm_cli_info("applied %zu migration%s", res.applied, res.applied == 1 ? "" : "s");
        exit = RM_EXIT_OK;
    }
    if (json)
        print_json(&view, &res, rc == RM_OK, counted);
    rm_cli_verbose("apply: %zu migration%s applied in %.1f ms", res.applied,
                   res.applied == 1 ? "" : "s", rm_cli_now_ms() - t0);
done:
    return rm_cli_mig_run_end(&r, exit);
}

const rm_cli_cmd rm_cmd_apply = {
    .name = "apply",
    .run = run,
    .summary = "apply pending migrations to a database",
    .usage = "  relmig apply --url URL [--dir DIR] [--dry-run] [--lock-timeout SECONDS]\n"
             "               [--atomic] [--json]",
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
        "--json prints {ok, dryRun, applied: [names], pending: [names], failed: name|null}.\n"
        "Exit status: 0 success or nothing to do, 1 error.",
    .opts = opts,
    .issue = NULL,
};
