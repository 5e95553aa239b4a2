/*
 * relmig diff: the SQL migration between two states. Resolves --from and --to into physical
 * schemas of one dialect (state_source.c), diffs them (src/diff) and prints the script or the
 * change list as JSON. A down migration is the same command with --from and --to swapped.
 * Not for applying anything (relmig apply).
 */
#include "cli/cli.h"
#include "cli/state_source.h"
#include "diff/diff.h"

static const rm_opt_spec opts[] = {
    {"from", 0, RM_OPT_LIST, "SRC", "the state to migrate from (repeat for several paths)"},
    {"to", 0, RM_OPT_LIST, "SRC", "the state to migrate to (repeat for several paths)"},
    {"from-migrations", 0, RM_OPT_VALUE, "DIR", "migrate from what the migrations folder makes"},
    {"to-migrations", 0, RM_OPT_VALUE, "DIR", "migrate to what the migrations folder makes"},
    {"shadow-url", 0, RM_OPT_VALUE, "URL",
     "scratch database to replay PostgreSQL/MySQL migrations into (emptied first)"},
    {"dialect", 0, RM_OPT_VALUE, "D", "postgresql, mysql or sqlite (default: the provider)"},
    {"script", 0, RM_OPT_FLAG, NULL, "print SQL (default)"},
    {"json", 0, RM_OPT_FLAG, NULL, "print the change list as JSON"},
    {"exit-code", 0, RM_OPT_FLAG, NULL, "exit 2 when there are changes, 0 when none"},
    {"output", 'o', RM_OPT_VALUE, "FILE", "write to FILE instead of stdout"},
    {NULL, 0, RM_OPT_FLAG, NULL, NULL},
};

/* Print a state's diagnostics against its own sources (file ids are per state). */
static void flush_diags(const rm_state *s, rm_diags *d)
{
    rm_cli_print_diags(rm_state_sources(s), d, false);
}

/* --dialect wins; else the states must agree on the one they imply. */
static const rm_dialect *pick_dialect(const char *name, const rm_state *from, const rm_state *to,
                                      rm_diags *d)
{
    if (name)
        return rm_dialect_by_name(name); /* checked by the caller */
    const rm_dialect *a = rm_state_dialect(from, d);
    const rm_dialect *b = rm_state_dialect(to, d);
    if (a && b && a != b) {
        rm_diag *g =
            rm_diag_error(d, RM_E_USAGE, RM_LOC_NONE,
                          "--from is a %s schema but --to is a %s schema", a->name, b->name);
        rm_diag_set_hint(d, g, "Pass --dialect to choose one.");
        return NULL;
    }
    if (!a && !b && !rm_diags_has_errors(d)) {
        rm_diag *g =
            rm_diag_error(d, RM_E_USAGE, RM_LOC_NONE, "cannot tell which SQL dialect to generate");
        rm_diag_set_detail(d, g,
                           "Neither state names a datasource provider (Cerial schemas and "
                           "`empty` never do).");
        rm_diag_set_hint(d, g, "Pass --dialect postgresql, mysql or sqlite.");
    }
    return b ? b : a;
}

static int run(const rm_cli_cmd *self, int argc, char **argv)
{
    rm_opts o;
    int rc = rm_opts_parse(&o, self, argc, argv);
    if (rc != RM_EXIT_OK)
        return rc;
    size_t nfrom, nto;
    const char *const *from_args = rm_opts_list(&o, "from", &nfrom);
    const char *const *to_args = rm_opts_list(&o, "to", &nto);
    const char *from_mig = rm_opts_get(&o, "from-migrations");
    const char *to_mig = rm_opts_get(&o, "to-migrations");
    if ((nfrom > 0 && from_mig) || (nto > 0 && to_mig))
        return rm_cli_fail(RM_EXIT_USAGE, "diff: give --from or --from-migrations (and --to or "
                                          "--to-migrations), not both");
    if ((nfrom == 0 && !from_mig) || (nto == 0 && !to_mig))
        return rm_cli_fail(RM_EXIT_USAGE, "diff: both --from and --to are required "
                                          "(use `empty` for an empty database)");
    if (o.npositional)
        return rm_cli_fail(RM_EXIT_USAGE, "diff: unexpected argument '%s'", o.positional[0]);
    if (rm_opts_has(&o, "json") && rm_opts_has(&o, "script"))
        return rm_cli_fail(RM_EXIT_USAGE, "diff: --json and --script exclude each other");
    const char *dialect_name = rm_opts_get(&o, "dialect");
    if (dialect_name && !rm_dialect_by_name(dialect_name))
        return rm_cli_fail(RM_EXIT_USAGE,
                           "diff: unknown dialect \"%s\" (use postgresql, mysql "
                           "or sqlite)",
                           dialect_name);

    int exit = RM_EXIT_ERROR;
    rm_state from, to;
    rm_diags dfrom, dto, d;
    rm_diags_init(&dfrom);
    rm_diags_init(&dto);
    rm_diags_init(&d);
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_sb out = RM_SB_INIT;
    bool have_states = false;
    int rc_from, rc_to;
    const rm_dialect *dia = NULL;
    rm_sqlschema sfrom, sto;
    rm_diff diff;
    const char *protect[2] = {NULL, NULL};

    if (from_mig)
        rm_state_migrations(&from, &from_mig);
    else if (rm_state_classify(&from, from_args, nfrom, &d) != RM_OK) {
        exit = RM_EXIT_USAGE;
        goto done;
    }
    if (to_mig)
        rm_state_migrations(&to, &to_mig);
    else if (rm_state_classify(&to, to_args, nto, &d) != RM_OK) {
        exit = RM_EXIT_USAGE;
        goto done;
    }
    have_states = true;
    /* A migrations state replays into the shadow database, which must not be a URL state. */
    {
        const char *shadow = rm_opts_get(&o, "shadow-url");
        size_t np = 0;
        if (from.kind == RM_STATE_URL)
            protect[np++] = from.args[0];
        if (to.kind == RM_STATE_URL)
            protect[np++] = to.args[0];
        from.shadow_url = to.shadow_url = shadow;
        from.protect = to.protect = protect;
        from.nprotect = to.nprotect = np;
    }
    /* Load both before giving up so one run reports the problems of both. */
    rc_from = rm_state_load(&from, &dfrom);
    rc_to = rm_state_load(&to, &dto);
    if (rc_from != RM_OK || rc_to != RM_OK)
        goto done;
    dia = pick_dialect(dialect_name, &from, &to, &d);
    if (!dia)
        goto done;
    if (rm_state_resolve(&sfrom, &from, dia, &a, &dfrom) != RM_OK ||
        rm_state_resolve(&sto, &to, dia, &a, &dto) != RM_OK || rm_diags_has_errors(&dfrom) ||
        rm_diags_has_errors(&dto))
        goto done;
    /* The graphs' memory (several MB at 1,000 models) is reused by the differ and the SQL text
     * rather than fresh pages faulted in for them. */
    rm_state_drop_graph(&from);
    rm_state_drop_graph(&to);
    if (rm_diff_schemas(&diff, &sfrom, &sto, dia, &a, &d) != RM_OK)
        goto done;
    if (rm_opts_has(&o, "json")) {
        rm_diff_render_json(&out, &diff);
        rm_sb_putc(&out, '\n');
    } else {
        if (rm_diff_render_sql(&out, &diff, true, &d) != RM_OK)
            goto done;
        if (out.len && out.buf[out.len - 1] != '\n')
            rm_sb_putc(&out, '\n');
    }
    if (rm_sb_error(&out) != RM_OK || rm_diags_has_errors(&d))
        goto done;
    if (rm_cli_write_output(rm_opts_get(&o, "output"), &out, &d) != RM_EXIT_OK)
        goto done;
    exit = rm_opts_has(&o, "exit-code") && diff.n > 0 ? RM_EXIT_CHANGES : RM_EXIT_OK;

done:
    if (have_states) {
        flush_diags(&from, &dfrom);
        flush_diags(&to, &dto);
    }
    rm_cli_print_diags(&(rm_sources){0}, &d, false);
    if (have_states) {
        rm_state_free(&from);
        rm_state_free(&to);
    }
    rm_sb_free(&out);
    rm_arena_free(&a);
    rm_diags_free(&d);
    rm_diags_free(&dto);
    rm_diags_free(&dfrom);
    return exit;
}

const rm_cli_cmd rm_cmd_diff = {
    .name = "diff",
    .run = run,
    .summary = "print the SQL migration between two states",
    .usage = "  relmig diff --from SRC --to SRC [--dialect D] [--script | --json] [--exit-code] "
             "[-o FILE]\n  relmig diff --from-migrations DIR --to SRC [--shadow-url URL] ...",
    .description =
        "SRC is `empty`, schema file(s) or folder(s) (Prisma or Cerial; repeat the option for "
        "several),\na database URL (postgresql://, mysql://, sqlite:PATH; introspected) or a "
        "migrations "
        "folder\n(one with migration_lock.toml, or any folder given as --from-migrations/--to-"
        "migrations),\nreplayed into an in-memory SQLite database or, for PostgreSQL/MySQL, into "
        "--shadow-url\n(a scratch database, emptied first). The dialect is "
        "the schema's\ndatasource provider unless --dialect says otherwise; Cerial schemas need "
        "--dialect.\nA down migration is the same diff with --from and --to swapped.\n"
        "Exit status: 0 ok (with --exit-code: no changes), 2 changes found (--exit-code), 1 error.",
    .opts = opts,
    .issue = NULL,
};
