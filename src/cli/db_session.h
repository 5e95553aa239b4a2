/*
 * Database steps several commands share: connecting with the failure reported as a diagnostic
 * (password redacted), and replaying a migrations folder into a scratch database to learn the
 * schema it produces. Not for deciding what a command does with the connection.
 */
#ifndef RELMIG_CLI_DB_SESSION_H
#define RELMIG_CLI_DB_SESSION_H

#include "db/db.h"
#include "migrations/migrations.h"
#include "sqlschema/sqlschema.h"

/* Connect to url. On failure reports to d — a SQLite file held by another apply as the lock
 * message (E0909), anything else as "cannot connect to <redacted url>" — and returns RM_EDB.
 * opts may be NULL. The caller closes *c with rm_db_close. */
int rm_cli_connect(rm_conn **c, const char *url, const rm_db_opts *opts, rm_arena *a,
                   rm_diags *d);

/* Run every migration of dir, in order, in the (empty) database at url and introspect the
 * result into out (allocated in a). "sqlite::memory:" gives a throw-away database. */
int rm_cli_replay(rm_sqlschema *out, const rm_mig_dir *dir, const char *url, rm_arena *a,
                  rm_diags *d);

#endif
