/*
 * relmig introspect: read a live database (db/introspect.h), raise its physical schema into a
 * relation graph with Prisma's introspection rules (sqlschema/raise.h) and print it
 * (model/print.h). With --schema EXISTING the user's model and field names are kept. Warnings
 * (what the schema cannot hold) go to stderr; the schema goes to stdout or -o FILE.
 * On a terminal, a progress line on stderr names the phase (connecting, reading the catalog,
 * building N models from N tables, printing): thousands of tables take seconds.
 * Not for: comparing against a schema (cmd_diff.c).
 */
#include "cli/cli.h"
#include "cli/db_session.h"
#include "cli/schema_load.h"
#include "db/introspect.h"
#include "model/print.h"
#include "sqlschema/raise.h"

#include <string.h>

static const rm_opt_spec opts[] = {
    {"url", 0, RM_OPT_VALUE, "URL", "the database"},
    {"syntax", 0, RM_OPT_VALUE, "S", "prisma (default) or cerial"},
    {"output", 'o', RM_OPT_VALUE, "FILE", "write to FILE instead of stdout"},
    {"schema", 0, RM_OPT_LIST, "PATH", "existing schema whose names are kept"},
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
        return rm_cli_fail(RM_EXIT_USAGE, "introspect: --url URL is required");
    const char *syntax = rm_opts_get(&o, "syntax");
    bool cerial = syntax && strcmp(syntax, "cerial") == 0;
    if (syntax && !cerial && strcmp(syntax, "prisma") != 0)
        return rm_cli_fail(RM_EXIT_USAGE, "introspect: unknown syntax '%s' (prisma or cerial)",
                           syntax);
    if (o.npositional)
        return rm_cli_fail(RM_EXIT_USAGE, "introspect: unexpected argument '%s'",
                           o.positional[0]);
    const char *dialect_name = rm_introspect_dialect_of_url(url);
    const rm_dialect *dialect = dialect_name ? rm_dialect_by_name(dialect_name) : NULL;

    rm_diags d;
    rm_diags_init(&d);
    rm_arena a;
    rm_arena_init(&a, 0);
    int exit_code = RM_EXIT_OK;
    size_t nprev = 0;
    const char *const *prev_paths = rm_opts_list(&o, "schema", &nprev);
    rm_loaded_schema prev;
    bool have_prev = nprev > 0;
    if (have_prev && rm_schema_load(&prev, prev_paths, nprev, &d) != RM_OK) {
        rm_cli_print_diags(&prev.srcs, &d, false);
        rm_loaded_schema_free(&prev);
        rm_arena_free(&a);
        rm_diags_free(&d);
        return RM_EXIT_ERROR;
    }
    rm_sqlschema s;
    rm_conn *c = NULL;
    rm_introspect_stats stats = {0, 0};
    const char *shown = rm_dburl_redact(url, &a);
    double t0 = rm_cli_now_ms();
    rm_cli_progress("introspect: connecting to %s", shown);
    int irc = rm_cli_connect(&c, url, NULL, &a, &d);
    if (irc == RM_OK) {
        rm_cli_progress("introspect: reading the catalog of %s", shown);
        irc = rm_introspect(&s, c, &stats, &a, &d);
        rm_db_close(c);
    }
    if (irc != RM_OK || !dialect) {
        exit_code = RM_EXIT_ERROR;
    } else {
        double t1 = rm_cli_now_ms();
        rm_cli_verbose("introspect: read %u tables with %u catalog queries (%.1f ms)",
                       stats.ntables, stats.nqueries, t1 - t0);
        rm_cli_progress("introspect: %u tables read; building the models", stats.ntables);
        rm_raise_opts ro = {have_prev ? prev.graph : NULL,
                            have_prev && prev.graph->datasource ? prev.graph->datasource : NULL};
        rm_graph *g = NULL;
        rm_sqlschema_raise(&g, &s, dialect, &ro, &a, &d);
        rm_cli_progress("introspect: printing %zu models", g ? g->nmodels : (size_t)0);
        rm_sb out = RM_SB_INIT;
        if (cerial)
            rm_print_cerial(&out, g, &d);
        else
            rm_print_prisma(&out, g);
        rm_cli_progress_clear();
        if (rm_sb_error(&out) != RM_OK)
            exit_code = rm_cli_fail(RM_EXIT_ERROR, "introspect: output too large");
        else
            exit_code = rm_cli_write_output(rm_opts_get(&o, "output"), &out, &d);
        rm_cli_verbose("introspect: %zu models, %zu enums, %zu relations; %zu bytes written "
                       "(%.1f ms)",
                       g ? g->nmodels : (size_t)0, g ? g->nenums : (size_t)0,
                       g ? g->nrelations : (size_t)0, out.len, rm_cli_now_ms() - t1);
        rm_sb_free(&out);
    }
    rm_sources none;
    rm_sources_init(&none);
    rm_cli_print_diags(have_prev ? &prev.srcs : &none, &d, false);
    rm_sources_free(&none);
    if (have_prev)
        rm_loaded_schema_free(&prev);
    rm_arena_free(&a);
    rm_diags_free(&d);
    return exit_code;
}

const rm_cli_cmd rm_cmd_introspect = {
    .name = "introspect",
    .run = run,
    .summary = "read a live database and print its schema",
    .usage = "  relmig introspect --url URL [--syntax prisma|cerial] [-o FILE] [--schema EXISTING]",
    .description =
        "Reads tables, columns, keys, indexes, foreign keys and enums with a fixed number of "
        "catalog queries and prints them as a Prisma (or Cerial) schema, following Prisma's "
        "introspection "
        "rules. What the schema cannot hold (check constraints, expression indexes, views, "
        "triggers) is reported as a warning. PostgreSQL (?schema= in the URL, default "
        "public), MySQL/MariaDB and SQLite are supported.",
    .opts = opts,
    .issue = NULL,
};
