/*
 * relmig migrate: maintain the migrations folder. `migrate hash` rewrites relmig.sum from the
 * folder (after adding or deliberately changing a migration). `migrate new` writes the next
 * migration: the current state is the folder replayed into in-memory SQLite (SQLite projects)
 * or into --shadow-url, or the live database at --url; the target is the schema; the
 * differ's SQL goes to <timestamp>_<name>/migration.sql and the reverse diff to down.sql, with
 * the differ's warnings as comments (and on stderr); relmig.sum is rewritten. Not for applying
 * (relmig apply).
 */
#define _POSIX_C_SOURCE 200809L
#include "cli/cli.h"
#include "cli/db_session.h"
#include "cli/schema_load.h"
#include "db/db.h"
#include "db/introspect.h"
#include "diff/diff.h"
#include "io/files.h"
#include "io/migrations_dir.h"
#include "sqlschema/lower.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static const rm_opt_spec opts[] = {
    {"name", 0, RM_OPT_VALUE, "N", "name of the new migration"},
    {"schema", 0, RM_OPT_LIST, "PATH", "the schema to migrate to"},
    {"dir", 0, RM_OPT_VALUE, "DIR", "migrations folder (default ./migrations)"},
    {"url", 0, RM_OPT_VALUE, "URL", "take the current state from this database"},
    {"shadow-url", 0, RM_OPT_VALUE, "URL",
     "scratch database to replay the folder into (emptied first)"},
    {"json", 0, RM_OPT_FLAG, NULL, "print the result as JSON"},
    {NULL, 0, RM_OPT_FLAG, NULL, NULL},
};

/* The --json result of both subcommands: {"ok", "migration": NAME|null, "changes": N,
 * "sum": PATH|null}. NULL strings are JSON null. */
static void print_json(bool ok, const char *migration, size_t changes, const char *sum)
{
    rm_sb sb = RM_SB_INIT;
    rm_sb_appendf(&sb, "{\"ok\":%s,\"migration\":", ok ? "true" : "false");
    if (migration)
        rm_sb_json_string(&sb, migration, strlen(migration));
    else
        rm_sb_puts(&sb, "null");
    rm_sb_appendf(&sb, ",\"changes\":%zu,\"sum\":", changes);
    if (sum)
        rm_sb_json_string(&sb, sum, strlen(sum));
    else
        rm_sb_puts(&sb, "null");
    rm_sb_puts(&sb, "}\n");
    fputs(rm_sb_str(&sb), stdout);
    rm_sb_free(&sb);
}

static int run_hash(const char *dirpath, bool json)
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
    if (!json)
        rm_cli_info("wrote %s/" RM_MIG_SUM_FILE " (%zu migration%s)", dir.path, dir.n,
                    dir.n == 1 ? "" : "s");
    exit = RM_EXIT_OK;
done:
    if (json)
        print_json(exit == RM_EXIT_OK, NULL, 0,
                   exit == RM_EXIT_OK ? rm_arena_sprintf(&a, "%s/" RM_MIG_SUM_FILE, dir.path)
                                      : NULL);
    fflush(stdout);
    rm_cli_print_diags(&srcs, &d, false);
    rm_arena_free(&a);
    rm_diags_free(&d);
    rm_sources_free(&srcs);
    return exit;
}

/* Prisma's slug: lower case, every run of other characters one '_'. */
static const char *slug(const char *name, rm_arena *a)
{
    size_t n = strlen(name), k = 0;
    char *s = rm_arena_alloc(a, n + 1);
    for (size_t i = 0; i < n; i++) {
        char c = name[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (ok)
            s[k++] = c;
        else if (k > 0 && s[k - 1] != '_')
            s[k++] = '_';
    }
    while (k > 0 && s[k - 1] == '_')
        k--;
    s[k] = '\0';
    return s;
}

static int run_new(const rm_opts *o, const char *dirpath)
{
    bool json = rm_opts_has(o, "json");
    const char *written = NULL; /* the new migration's folder, for --json */
    const char *name = rm_opts_get(o, "name");
    size_t nschema = 0;
    const char *const *schema = rm_opts_list(o, "schema", &nschema);
    const char *url = rm_opts_get(o, "url");
    const char *shadow = rm_opts_get(o, "shadow-url");
    bool has_alnum = false;
    for (const char *p = name ? name : ""; *p; p++)
        has_alnum = has_alnum || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                    (*p >= '0' && *p <= '9');
    if (!has_alnum || nschema == 0)
        return rm_cli_fail(RM_EXIT_USAGE, "migrate new: --name N and --schema PATH are required");
    if (url && shadow) {
        rm_arena ua;
        rm_arena_init(&ua, 0);
        bool same = rm_cli_same_database(url, shadow, &ua);
        rm_arena_free(&ua);
        /* The shadow database is emptied before use: naming the real one is never meant. */
        if (same)
            return rm_cli_fail(RM_EXIT_USAGE, "migrate new: --shadow-url is the database of "
                                              "--url; the shadow database is emptied before "
                                              "use, so it must be a separate scratch database");
        return rm_cli_fail(RM_EXIT_USAGE, "migrate new: --url and --shadow-url exclude each "
                                          "other");
    }
    int exit = RM_EXIT_ERROR;
    rm_diags d;
    rm_arena a;
    rm_sources srcs;
    rm_loaded_schema ls;
    rm_mig_dir dir;
    rm_sqlschema from, to;
    rm_diff up, down;
    rm_sb upsql = RM_SB_INIT, downsql = RM_SB_INIT;
    const rm_dialect *dia = NULL;
    const char *provider = NULL;
    struct stat st;
    rm_diags_init(&d);
    rm_arena_init(&a, 0);
    rm_sources_init(&srcs);
    bool ls_loaded = true;
    if (rm_schema_load(&ls, schema, nschema, &d) != RM_OK)
        goto done;
    provider = ls.graph->provider == RM_PROVIDER_POSTGRES ||
                       ls.graph->provider == RM_PROVIDER_MYSQL ||
                       ls.graph->provider == RM_PROVIDER_SQLITE
                   ? rm_provider_name(ls.graph->provider)
                   : NULL;
    dia = provider ? rm_dialect_by_name(provider) : NULL;
    if (!dia) {
        rm_diag_error(&d, RM_E_USAGE, RM_LOC_NONE,
                      "migrate new needs a schema whose datasource provider is postgresql, "
                      "mysql or sqlite");
        goto done;
    }
    if (!url && !shadow && strcmp(provider, "sqlite") != 0) {
        rm_diag *g = rm_diag_error(&d, RM_E_USAGE, RM_LOC_NONE,
                                   "migrate new for %s needs --shadow-url (an empty scratch "
                                   "database to replay the folder into) or --url",
                                   provider);
        rm_diag_set_hint(&d, g, "SQLite projects replay into an in-memory database instead.");
        goto done;
    }
    if (stat(dirpath, &st) != 0 && mkdir(dirpath, 0777) != 0) {
        rm_diag_error(&d, RM_E_IO_WRITE, RM_LOC_NONE, "cannot create %s: %s", dirpath,
                      strerror(errno));
        goto done;
    }
    if (rm_io_read_migrations(&dir, dirpath, &srcs, &a, &d) != RM_OK)
        goto done;
    /* Never bless a tampered folder by rewriting relmig.sum over it. */
    if (dir.n > 0 && rm_mig_sum_verify(&dir, true, &d) != RM_OK)
        goto done;
    if (dir.provider && strcmp(dir.provider, provider) != 0) {
        rm_diag_error(&d, RM_E_MIG_PROVIDER, RM_LOC_NONE,
                      "the migrations in %s are for %s, but the schema is for %s", dirpath,
                      dir.provider, provider);
        goto done;
    }
    if (url) {
        if (rm_introspect_url(&from, url, &a, &d) != RM_OK)
            goto done;
    } else if (rm_cli_replay(&from, &dir, shadow ? shadow : "sqlite::memory:", NULL, 0, &a, &d) !=
               RM_OK) {
        goto done;
    }
    /* The database's default schema exists already: the lowering records it as a namespace
     * to create, which only a migration from an empty database may do. */
    if (dia->caps & RM_CAP_SCHEMAS)
        rm_sqlschema_add_namespace(&from, "public");
    {
        rm_lower_opts lo = {(dia->caps & RM_CAP_SCHEMAS) ? "public" : NULL, false};
        if (rm_sqlschema_lower(&to, ls.graph, dia, &lo, &a, &d) != RM_OK)
            goto done;
    }
    if (rm_diff_schemas(&up, &from, &to, dia, &a, &d) != RM_OK ||
        rm_diff_schemas(&down, &to, &from, dia, &a, &d) != RM_OK)
        goto done;
    if (up.n == 0) {
        if (!json)
            rm_cli_info("No difference detected: the migrations already produce the schema; "
                        "nothing written.");
        exit = RM_EXIT_OK;
        goto done;
    }
    if (rm_diff_render_sql(&upsql, &up, true, &d) != RM_OK ||
        rm_diff_render_sql(&downsql, &down, true, &d) != RM_OK)
        goto done;
    for (size_t i = 0; i < up.n; i++)
        for (size_t k = 0; k < up.items[i].nwarnings; k++)
            rm_diag_warning(&d, RM_E_MIG_NEW_WARNING, RM_LOC_NONE, "%s", up.items[i].warnings[k]);
    {
        char stamp[32];
        time_t now = time(NULL);
        struct tm tmv;
        gmtime_r(&now, &tmv);
        strftime(stamp, sizeof stamp, "%Y%m%d%H%M%S", &tmv);
        const char *mname = rm_arena_sprintf(&a, "%s_%s", stamp, slug(name, &a));
        const char *mdir = rm_arena_sprintf(&a, "%s/%s", dirpath, mname);
        if (rm_mig_dir_find(&dir, mname) || mkdir(mdir, 0777) != 0) {
            rm_diag_error(&d, RM_E_IO_WRITE, RM_LOC_NONE, "cannot create %s: %s", mdir,
                          errno ? strerror(errno) : "exists");
            goto done;
        }
        if (rm_io_write_file(rm_arena_sprintf(&a, "%s/migration.sql", mdir), rm_sb_str(&upsql),
                             upsql.len, &d) != RM_OK ||
            rm_io_write_file(rm_arena_sprintf(&a, "%s/down.sql", mdir), rm_sb_str(&downsql),
                             downsql.len, &d) != RM_OK)
            goto done;
        if (!dir.lock_file) {
            const char *lt = rm_mig_lock_text(provider, &a);
            if (rm_io_write_file(rm_arena_sprintf(&a, "%s/" RM_MIG_LOCK_FILE, dirpath), lt,
                                 strlen(lt), &d) != RM_OK)
                goto done;
        }
        /* Re-read so relmig.sum covers exactly what is on disk now. */
        rm_mig_dir dir2;
        rm_sources srcs2;
        rm_sources_init(&srcs2);
        int rc = rm_io_read_migrations(&dir2, dirpath, &srcs2, &a, &d);
        if (rc == RM_OK)
            rc = rm_io_write_migrations_sum(&dir2, &d);
        rm_sources_free(&srcs2);
        if (rc != RM_OK)
            goto done;
        written = mdir;
        if (!json)
            rm_cli_info("wrote %s/migration.sql (%zu change%s) and down.sql; updated relmig.sum",
                        mdir, up.n, up.n == 1 ? "" : "s");
    }
    exit = RM_EXIT_OK;
done:
    if (json)
        print_json(exit == RM_EXIT_OK, written, written ? up.n : 0,
                   written ? rm_arena_sprintf(&a, "%s/" RM_MIG_SUM_FILE, dirpath) : NULL);
    fflush(stdout);
    rm_cli_print_diags(ls_loaded ? &ls.srcs : &srcs, &d, false);
    rm_sb_free(&upsql);
    rm_sb_free(&downsql);
    if (ls_loaded)
        rm_loaded_schema_free(&ls);
    rm_sources_free(&srcs);
    rm_arena_free(&a);
    rm_diags_free(&d);
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
        return run_hash(dirpath, rm_opts_has(&o, "json"));
    if (strcmp(o.positional[0], "new") == 0)
        return run_new(&o, dirpath);
    return rm_cli_fail(RM_EXIT_USAGE, "migrate: unknown subcommand '%s' (use new or hash)",
                       o.positional[0]);
}

const rm_cli_cmd rm_cmd_migrate = {
    .name = "migrate",
    .run = run,
    .summary = "create migrations (migrate new) and maintain relmig.sum (migrate hash)",
    .usage = "  relmig migrate new --name N --schema PATH [--dir DIR] [--url URL | --shadow-url "
             "URL] [--json]\n  relmig migrate hash [--dir DIR] [--json]",
    .description = "migrate hash: rewrite DIR/relmig.sum (the SHA-256 of every migration.sql and\n"
                   "a total over all of them), which relmig apply and status verify.\n"
                   "migrate new: write DIR/<UTC timestamp>_<N>/migration.sql (and down.sql)\n"
                   "taking the database from the state the folder produces (replayed into an\n"
                   "in-memory SQLite database for SQLite schemas, into --shadow-url otherwise)\n"
                   "or from the live database at --url, to the schema; the differ's warnings\n"
                   "are printed and kept as comments; relmig.sum is rewritten.\n"
                   "--json prints {ok, migration: DIR/NAME|null, changes, sum: PATH|null}.",
    .opts = opts,
    .issue = NULL,
};
