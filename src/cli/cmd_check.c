/*
 * relmig check: the CI drift check. The expected state is the schema (--schema) or the
 * migrations folder replayed into a scratch database (--dir: in-memory SQLite for SQLite
 * databases, --shadow-url or else a temporary database on the --url server for
 * PostgreSQL/MySQL); the actual state is the database at --url,
 * introspected. Prints the relation-level findings (src/migrations/drift.c) and Prisma's drift
 * summary of the change list (src/diff), or both as JSON. Exit 0 in sync, 2 drift, 1 error.
 * Not for fixing anything: `relmig diff` writes the SQL that would.
 */
#include "cli/cli.h"
#include "cli/db_session.h"
#include "cli/schema_load.h"
#include "db/db.h"
#include "db/introspect.h"
#include "diff/diff.h"
#include "io/migrations_dir.h"
#include "migrations/drift.h"
#include "sqlschema/lower.h"

#include <stdio.h>
#include <string.h>

static const rm_opt_spec opts[] = {
    {"url", 0, RM_OPT_VALUE, "URL", "the database"},
    {"schema", 0, RM_OPT_LIST, "PATH", "the expected schema"},
    {"dir", 0, RM_OPT_VALUE, "DIR", "the expected migrations folder"},
    {"shadow-url", 0, RM_OPT_VALUE, "URL",
     "scratch database for --dir (PostgreSQL/MySQL; default: a temporary one)"},
    {"json", 0, RM_OPT_FLAG, NULL, "print the report as JSON"},
    {NULL, 0, RM_OPT_FLAG, NULL, NULL},
};

static void render_json(rm_sb *sb, const rm_drift *dr, const rm_diff *df, bool in_sync)
{
    rm_sb_appendf(sb, "{\"inSync\":%s,\"findings\":[", in_sync ? "true" : "false");
    for (size_t i = 0; i < dr->n; i++) {
        rm_sb_appendf(sb, "%s{\"kind\":\"%s\",\"table\":", i ? "," : "",
                      rm_drift_kind_name(dr->items[i].kind));
        rm_sb_json_string(sb, dr->items[i].table, strlen(dr->items[i].table));
        rm_sb_puts(sb, ",\"message\":");
        rm_sb_json_string(sb, dr->items[i].message, strlen(dr->items[i].message));
        rm_sb_putc(sb, '}');
    }
    rm_sb_puts(sb, "],\"diff\":");
    rm_diff_render_json(sb, df);
    rm_sb_puts(sb, "}\n");
}

static int run(const rm_cli_cmd *self, int argc, char **argv)
{
    rm_opts o;
    int rc = rm_opts_parse(&o, self, argc, argv);
    if (rc != RM_EXIT_OK)
        return rc;
    const char *url = rm_opts_get(&o, "url");
    size_t nschema = 0;
    const char *const *schema = rm_opts_list(&o, "schema", &nschema);
    const char *dirpath = rm_opts_get(&o, "dir");
    if (!url)
        return rm_cli_fail(RM_EXIT_USAGE, "check: --url is required");
    if ((nschema > 0) == (dirpath != NULL))
        return rm_cli_fail(RM_EXIT_USAGE, "check: give exactly one of --schema PATH and "
                                          "--dir DIR");
    if (o.npositional)
        return rm_cli_fail(RM_EXIT_USAGE, "check: unexpected argument '%s'", o.positional[0]);
    const char *dname = rm_introspect_dialect_of_url(url);
    const rm_dialect *dia = dname ? rm_dialect_by_name(dname) : NULL;
    if (!dia)
        return rm_cli_fail(RM_EXIT_USAGE, "check: cannot tell the database kind of --url");
    bool is_sqlite = strcmp(dia->name, "sqlite") == 0;
    const char *shadow = rm_opts_get(&o, "shadow-url");
    bool json = rm_opts_has(&o, "json");

    int exit = RM_EXIT_ERROR;
    rm_diags d;
    rm_arena a;
    rm_loaded_schema ls;
    bool ls_loaded = false;
    rm_sources srcs;
    rm_mig_dir dir;
    rm_sqlschema expected, actual;
    rm_conn *c = NULL;
    rm_diff df;
    rm_drift dr = {NULL, 0, 0};
    rm_sb out = RM_SB_INIT;
    bool in_sync;
    rm_diags_init(&d);
    rm_arena_init(&a, 0);
    rm_sources_init(&srcs);

    if (nschema) {
        ls_loaded = true;
        if (rm_schema_load(&ls, schema, nschema, &d) != RM_OK)
            goto done;
        rm_lower_opts lo = {(dia->caps & RM_CAP_SCHEMAS) ? "public" : NULL, false};
        if (rm_sqlschema_lower(&expected, ls.graph, dia, &lo, &a, &d) != RM_OK)
            goto done;
    } else {
        if (rm_io_read_migrations(&dir, dirpath, &srcs, &a, &d) != RM_OK)
            goto done;
        if (rm_mig_sum_verify(&dir, true, &d) != RM_OK)
            goto done;
        /* The database first: the shadow database is emptied by the replay, which is pointless
         * when the database to check cannot be reached. */
        if (rm_cli_connect(&c, url, NULL, &a, &d) != RM_OK)
            goto done;
        if (shadow || is_sqlite)
            rc = rm_cli_replay(&expected, &dir, shadow ? shadow : "sqlite::memory:", &url, 1, &a,
                               &d);
        else
            rc = rm_cli_replay_temporary(&expected, &dir, c, url, &a, &d);
        if (rc != RM_OK)
            goto done;
    }
    if (!c && rm_cli_connect(&c, url, NULL, &a, &d) != RM_OK)
        goto done;
    if (rm_introspect(&actual, c, NULL, &a, &d) != RM_OK)
        goto done;
    if (strcmp(dia->name, "mysql") == 0)
        rm_drift_strip_innodb_fk_indexes(&actual, &expected);
    if (dirpath) {
        rm_mig_history h;
        rm_mig_status st;
        if (rm_mig_history_read(&h, c, &a, &d) != RM_OK)
            goto done;
        rm_mig_status_compute(&st, &dir, &h, &a);
        rm_drift_missing_migrations(&dr, &st, &a);
    }
    if (rm_diff_schemas(&df, &expected, &actual, dia, &a, &d) != RM_OK)
        goto done;
    rm_drift_relations(&dr, &expected, &actual, strcmp(dia->name, "mysql") == 0, &a);
    in_sync = df.n == 0 && dr.n == 0;
    if (json) {
        render_json(&out, &dr, &df, in_sync);
    } else if (in_sync) {
        rm_sb_puts(&out, "The database is in sync with the ");
        rm_sb_puts(&out, nschema ? "schema.\n" : "migrations.\n");
    } else {
        rm_sb_appendf(&out, "Drift detected: the database differs from the %s.\n",
                      nschema ? "schema" : "migrations");
        if (dr.n) {
            rm_sb_puts(&out, "\nRelation drift:\n");
            for (size_t i = 0; i < dr.n; i++)
                rm_sb_appendf(&out, "  [%s] %s\n", rm_drift_kind_name(dr.items[i].kind),
                              dr.items[i].message);
        }
        if (df.n) {
            rm_sb_puts(&out, "\nChanges from the expected state to the database:\n");
            rm_diff_render_summary(&out, &df);
        }
    }
    fputs(rm_sb_str(&out), stdout);
    exit = in_sync ? RM_EXIT_OK : RM_EXIT_CHANGES;
done:
    fflush(stdout);
    rm_cli_print_diags(ls_loaded && nschema ? &ls.srcs : &srcs, &d, false);
    rm_sb_free(&out);
    rm_db_close(c);
    if (ls_loaded)
        rm_loaded_schema_free(&ls);
    rm_sources_free(&srcs);
    rm_arena_free(&a);
    rm_diags_free(&d);
    return exit;
}

const rm_cli_cmd rm_cmd_check = {
    .name = "check",
    .run = run,
    .summary = "CI drift check of a database against a schema or migrations",
    .usage = "  relmig check --url URL (--schema PATH | --dir DIR [--shadow-url URL]) [--json]",
    .description =
        "Compares the database at URL with the schema, or with the state the migrations folder\n"
        "produces (replayed into in-memory SQLite for SQLite databases; for PostgreSQL and\n"
        "MySQL into --shadow-url, or without it into a temporary database created and dropped\n"
        "on the server of URL, which needs the right to create databases). Names\n"
        "relation-level drift: one-to-one relations whose FK has no UNIQUE, composite\n"
        "primary/foreign keys whose columns or order differ, FKs that reference non-unique\n"
        "columns, missing or extra FKs, FK action differences, and (with --dir) migrations\n"
        "applied but absent from the folder; then the change list.\n"
        "Exit status: 0 in sync, 2 drift, 1 error.",
    .opts = opts,
    .issue = NULL,
};
