/*
 * See db_session.h.
 */
#include "cli/db_session.h"

#include "cli/cli.h"

#include "db/introspect.h"

int rm_cli_connect(rm_conn **c, const char *url, const rm_db_opts *opts, rm_arena *a,
                   rm_diags *d)
{
    rm_dberr err;
    double t0 = rm_cli_now_ms();
    if (rm_db_connect(c, url, opts, &err) == RM_OK) {
        rm_cli_verbose("connected to %s (%.1f ms)", rm_dburl_redact(url, a),
                       rm_cli_now_ms() - t0);
        return RM_OK;
    }
    if (!rm_mig_connect_busy(&err, d))
        rm_db_report(d, &err,
                     rm_arena_sprintf(a, "cannot connect to %s", rm_dburl_redact(url, a)));
    return RM_EDB;
}

int rm_cli_replay(rm_sqlschema *out, const rm_mig_dir *dir, const char *url, rm_arena *a,
                  rm_diags *d)
{
    rm_conn *c = NULL;
    rm_dberr err;
    int rc = rm_cli_connect(&c, url, NULL, a, d);
    for (size_t i = 0; rc == RM_OK && i < dir->n; i++) {
        if (rm_db_exec(c, dir->items[i].sql->text, &err) != RM_OK) {
            rm_diag *g =
                rm_diag_error(d, RM_E_MIG_APPLY_FAILED, rm_loc_make(dir->items[i].sql->id, 0, 0),
                              "replaying migration %s failed: %s", dir->items[i].name,
                              err.message);
            rm_diag_set_hint(d, g,
                             "The database it is replayed into (--shadow-url) must be empty and "
                             "of the migrations' provider.");
            rc = RM_EDB;
        }
    }
    if (rc == RM_OK)
        rc = rm_introspect(out, c, NULL, a, d);
    rm_db_close(c);
    return rc;
}
