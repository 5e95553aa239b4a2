/*
 * Database steps several commands share: connecting with the failure reported as a diagnostic
 * (password redacted), and replaying a migrations folder into a scratch ("shadow") database to
 * learn the schema it produces. Not for deciding what a command does with the connection.
 */
#ifndef RELMIG_CLI_DB_SESSION_H
#define RELMIG_CLI_DB_SESSION_H

#include "cli/cli.h"
#include "db/db.h"
#include "migrations/migrations.h"
#include "sqlschema/sqlschema.h"

/* Connect to url. On failure reports to d — a SQLite file held by another apply as the lock
 * message (E0909), anything else as "cannot connect to <redacted url>" — and returns RM_EDB.
 * opts may be NULL. The caller closes *c with rm_db_close. */
int rm_cli_connect(rm_conn **c, const char *url, const rm_db_opts *opts, rm_arena *a, rm_diags *d);

/* What the commands on a migrations folder and a database (apply, status, resolve) share: the
 * checks of --url, --dir (default "migrations") and stray arguments, and one lifetime: the
 * folder's sources, the diagnostics, an arena and the connection. */
typedef struct rm_cli_mig_run {
    const char *url;
    const char *dirpath;
    rm_sources srcs;
    rm_diags d;
    rm_arena a;
    rm_mig_dir dir;
    rm_conn *c;
} rm_cli_mig_run;

/* Read --url and --dir from o into r and start its lifetime; a usage error is printed and its
 * exit code returned (nothing to end then), else RM_EXIT_OK. */
int rm_cli_mig_run_begin(rm_cli_mig_run *r, const rm_opts *o, const char *cmd);

/* Read the folder into r->dir and connect to r->url (dbo may be NULL), reporting to r->d.
 * verify_sum: a folder that does not match relmig.sum is an error before connecting. */
int rm_cli_mig_run_open(rm_cli_mig_run *r, const rm_db_opts *dbo, bool verify_sum);

/* Flush stdout, print the diagnostics (on stderr, so that with --json stdout stays one
 * document), close the connection, free everything; returns exit. */
int rm_cli_mig_run_end(rm_cli_mig_run *r, int exit);

/* Do two URLs name the same database (same server, port, database and PostgreSQL schema;
 * localhost, 127.0.0.1 and ::1 count as one host)? Unparsable URLs compare as text. */
bool rm_cli_same_database(const char *u1, const char *u2, rm_arena *a);

/* Replay dir into the database at url and introspect the result into out (allocated in a).
 * "sqlite::memory:" gives a throw-away database. Any other URL is a shadow database: it is
 * emptied first, as Prisma resets its shadow database (PostgreSQL: every non-system schema
 * dropped and the connection's schema recreated; MySQL: the database dropped and recreated
 * with its character set), after two checks that report E0920 and touch nothing: url must
 * not be the same database as any of the nprotect URLs in protect (the command's real
 * databases), and it must not hold a `_prisma_migrations` table (a deployed database, not a
 * scratch one). Scripts run statement by statement (rm_mig_split_script), outside any
 * transaction, so MySQL DELIMITER scripts work and a large PostgreSQL migration does not
 * need the whole lock table. */
int rm_cli_replay(rm_sqlschema *out, const rm_mig_dir *dir, const char *url,
                  const char *const *protect, size_t nprotect, rm_arena *a, rm_diags *d);

/* rm_cli_replay into a temporary database on the server of c (connected to url), for when no
 * --shadow-url is given, as Prisma's `migrate dev` does: `relmig_shadow_<pid>_<n>` is created
 * (MySQL: with the character set and collation of c's database), replayed into, introspected
 * into out and dropped again, also when the replay fails. Creating it needs the CREATEDB
 * privilege (PostgreSQL) or CREATE (MySQL); when that is refused the error says to pass
 * --shadow-url. A database that cannot be dropped afterwards is named in a warning. */
int rm_cli_replay_temporary(rm_sqlschema *out, const rm_mig_dir *dir, rm_conn *c,
                            const char *url, rm_arena *a, rm_diags *d);

#endif
