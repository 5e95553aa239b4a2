/*
 * Migrations: the folder (Prisma's layout plus relmig.sum), the `_prisma_migrations` history
 * table, and the apply / status / resolve algorithms. Pure logic: the folder's files are read
 * by src/io/migrations_dir.c and handed in as an rm_mig_dir; databases are reached only
 * through the driver vtable of an open rm_conn (src/db/db.h, called through c->drv->ops so the
 * core links no client library); time, sleeping, randomness and progress output come from an
 * rm_mig_env the caller fills. Not for SQL generation (src/diff, src/dialects) or printing
 * (the CLI renders the results and diagnostics).
 *
 * Compatibility with Prisma (reference/prisma.md section 4): the same folder layout
 * (<name>/migration.sql, lexicographic order, migration_lock.toml), the same history table
 * (columns, types, row lifecycle, SHA-256 hex checksum of migration.sql with CRLF/LF
 * tolerance and the old non-padded form), and on MySQL the same lock name (GET_LOCK
 * 'prisma_migrate') and on PostgreSQL the same advisory lock id (72707369), so a Prisma
 * deploy and a relmig apply exclude each other.
 */
#ifndef RELMIG_MIGRATIONS_MIGRATIONS_H
#define RELMIG_MIGRATIONS_MIGRATIONS_H

#include "util/diag.h"
#include "util/sb.h"
#include "util/sha256.h"

typedef struct rm_conn rm_conn;
struct rm_dberr;

/* ---------------------------------------------------------------------------------------- */
/* The folder                                                                                */

typedef struct rm_mig {
    const char *name;                     /* directory name, e.g. "20250101000000_init" */
    const rm_source *sql;                 /* migration.sql (locations point into it) */
    const rm_source *down;                /* down.sql, or NULL */
    char checksum[RM_SHA256_HEX_LEN + 1]; /* sha256 hex of migration.sql, as Prisma stores */
} rm_mig;

typedef struct rm_mig_dir {
    rm_arena *arena;  /* where everything below lives (borrowed) */
    const char *path; /* display path of the folder */
    rm_mig *items;    /* sorted by name (bytewise) after rm_mig_dir_finish */
    size_t n;
    size_t cap;
    const rm_source *lock_file; /* migration_lock.toml, or NULL */
    const char *provider;       /* its provider value, or NULL */
    const rm_source *sum;       /* relmig.sum, or NULL */
} rm_mig_dir;

#define RM_MIG_SUM_FILE "relmig.sum"
#define RM_MIG_LOCK_FILE "migration_lock.toml"

void rm_mig_dir_init(rm_mig_dir *dir, const char *path, rm_arena *a);
/* Add one migration (the io layer calls this per sub-folder). sql must be non-NULL; names
 * are validated by rm_mig_dir_finish. */
void rm_mig_dir_add(rm_mig_dir *dir, const char *name, const rm_source *sql, const rm_source *down);
/* Sort by name, compute checksums, parse migration_lock.toml's provider, and reject names
 * relmig.sum cannot hold (E0900: empty, whitespace or control characters, duplicates).
 * Returns RM_OK or RM_ERR with diagnostics in d. */
int rm_mig_dir_finish(rm_mig_dir *dir, rm_diags *d);
/* The migration named name, or NULL. */
const rm_mig *rm_mig_dir_find(const rm_mig_dir *dir, const char *name);

/* The provider named by migration_lock.toml text, read as Prisma reads it: the first line
 * starting with "provider", with `provider = ` and quotes trimmed. NULL if there is none.
 * Allocated in a. */
const char *rm_mig_lock_provider(const char *text, size_t len, rm_arena *a);
/* The text Prisma writes for migration_lock.toml. Allocated in a. */
const char *rm_mig_lock_text(const char *provider, rm_arena *a);

/* ---------------------------------------------------------------------------------------- */
/* relmig.sum                                                                                */

/* Append the relmig.sum text for dir: a comment line, "total <hex>" (SHA-256 over every
 * "<name> <hex>\n" line in order), then one "<name> <hex>" line per migration. */
void rm_mig_sum_render(rm_sb *out, const rm_mig_dir *dir);
/* Verify dir against its relmig.sum. Reports (as errors, locations in relmig.sum or the
 * migration): E0902 relmig.sum missing (a warning when allow_missing), E0903 unreadable line
 * or merge-conflict markers, E0904 edited migration, E0905 migration not listed, E0906 listed
 * migration missing, E0907 order or total differs. Returns RM_OK, or RM_ECONFLICT when the
 * folder does not match. */
int rm_mig_sum_verify(const rm_mig_dir *dir, bool allow_missing, rm_diags *d);

/* ---------------------------------------------------------------------------------------- */
/* Checksums                                                                                 */

/* Does a stored `_prisma_migrations.checksum` match script? As Prisma: the script as-is, with
 * CRLF->LF and with LF->CRLF; a stored value whose length is not 64 is compared in the old
 * non-zero-padded per-byte hex form (prisma-engines#1887). */
bool rm_mig_checksum_matches(const char *stored, const char *script, size_t len);

/* Whose lexical rules the splitter follows (see folder.c for what each one knows). */
typedef enum rm_mig_syntax {
    RM_MIG_SQL_GENERIC, /* quotes of all three, backslash escapes, dollar quotes */
    RM_MIG_SQL_POSTGRES,
    RM_MIG_SQL_MYSQL,
    RM_MIG_SQL_SQLITE
} rm_mig_syntax;

/* Split a script into the statements a database's own client would send: at top-level ';'
 * (or the terminator a MySQL `DELIMITER` line sets), never inside quotes, comments, PostgreSQL
 * dollar quotes or BEGIN ... END bodies of PostgreSQL functions / SQLite triggers. Each
 * statement is trimmed; empty ones (comments only) are dropped. *out receives the statements
 * allocated in a, *offs their byte offsets in script. */
void rm_mig_split_script(const char ***out, size_t **offs, size_t *n, const char *script,
                         size_t len, rm_mig_syntax syn, rm_arena *a);
/* Is stmt one PostgreSQL refuses inside a transaction block (CREATE/DROP INDEX CONCURRENTLY,
 * REINDEX ... CONCURRENTLY, VACUUM, CREATE/DROP DATABASE or TABLESPACE, ALTER SYSTEM)? apply
 * runs a migration holding one statement by statement outside a transaction. */
bool rm_mig_pg_outside_transaction(const char *stmt);
/* rm_mig_split_script with RM_MIG_SQL_GENERIC. */
void rm_mig_split_statements(const char ***out, size_t **offs, size_t *n, const char *script,
                             size_t len, rm_arena *a);

/* ---------------------------------------------------------------------------------------- */
/* History table and the commands                                                            */

/* What the algorithms need from the outside world. Every member is required. */
typedef struct rm_mig_env {
    void *ud;
    int64_t (*now_ms)(void *ud); /* monotonic milliseconds */
    void (*sleep_ms)(void *ud, int ms);
    void (*random)(void *ud, uint8_t *out, size_t n); /* for UUIDs */
    void (*progress)(void *ud, const char *line);     /* one finished line, no newline */
} rm_mig_env;

/* One row of `_prisma_migrations`. Strings are the driver's text rendering; NULL = SQL NULL. */
typedef struct rm_mig_row {
    const char *id;
    const char *checksum;
    const char *finished_at;
    const char *migration_name;
    const char *logs;
    const char *rolled_back_at;
    const char *started_at;
    long applied_steps_count;
} rm_mig_row;

typedef struct rm_mig_history {
    bool has_table;
    rm_mig_row *rows; /* ordered by started_at, then name */
    size_t n;
} rm_mig_history;

/* The state of one migration name, folder and database combined. */
typedef enum rm_mig_state {
    RM_MIG_PENDING, /* in the folder, not applied */
    RM_MIG_APPLIED, /* applied; checksum matches */
    RM_MIG_EDITED,  /* applied; the file changed since */
    RM_MIG_FAILED,  /* started and not finished, not rolled back */
    RM_MIG_MISSING  /* applied (or failed) but absent from the folder */
} rm_mig_state;

typedef struct rm_mig_status_item {
    const char *name;
    rm_mig_state state;
    const rm_mig *mig;     /* the folder entry, NULL for MISSING */
    const rm_mig_row *row; /* the deciding history row, NULL for PENDING */
} rm_mig_status_item;

typedef struct rm_mig_status {
    bool has_table;
    rm_mig_status_item *items; /* applied-order first (history), then pending by name */
    size_t n;
    size_t count[5]; /* per rm_mig_state */
} rm_mig_status;

const char *rm_mig_state_name(rm_mig_state s);

/* Does migration_lock.toml's provider fit the database c? ("postgresql", "mysql", "sqlite";
 * Prisma's "cockroachdb" is refused everywhere). No lock file: fine. E0908 otherwise. */
int rm_mig_check_provider(const rm_mig_dir *dir, rm_conn *c, rm_diags *d);

/* A failed connection attempt that means "the SQLite file is locked by another apply"
 * (SQLITE_BUSY while opening): reports E0909 like a lock timeout and returns true; otherwise
 * false and nothing is reported. */
bool rm_mig_connect_busy(const struct rm_dberr *err, rm_diags *d);

/* Read the history (no lock, no table creation). RM_EDB with a diagnostic on failure. */
int rm_mig_history_read(rm_mig_history *out, rm_conn *c, rm_arena *a, rm_diags *d);
/* Combine folder and history (pure). */
void rm_mig_status_compute(rm_mig_status *out, const rm_mig_dir *dir, const rm_mig_history *h,
                           rm_arena *a);

typedef struct rm_mig_apply_opts {
    int lock_timeout_ms; /* 0 = 10 s, Prisma's timeout */
    bool dry_run;        /* no lock, no table, no changes: report what would run */
    bool atomic;         /* PostgreSQL: refuse (E0919) a migration that does not fit one
                          * transaction's share of the lock table instead of splitting it */
} rm_mig_apply_opts;

typedef struct rm_mig_apply_result {
    size_t applied;     /* migrations applied by this run */
    size_t pending;     /* with dry_run: how many would be applied */
    const char *failed; /* name of the migration that failed, or NULL */
} rm_mig_apply_result;

/* Apply every pending migration of dir, in order, under the migration lock. Refuses (E0910)
 * while a failed migration is recorded, (E0911) when an applied migration was edited, and
 * (E0914) on a non-empty database without a history table. Progress lines go to
 * env->progress. Returns RM_OK, RM_ECONFLICT (refused; lock held: E0909), or RM_EDB. */
int rm_mig_apply(rm_mig_apply_result *out, rm_conn *c, const rm_mig_dir *dir,
                 const rm_mig_apply_opts *opts, const rm_mig_env *env, rm_diags *d);

typedef enum rm_mig_resolve_kind {
    RM_MIG_RESOLVE_APPLIED,
    RM_MIG_RESOLVE_ROLLED_BACK
} rm_mig_resolve_kind;

/* Prisma's `migrate resolve`: --applied records name as applied (marking a failed row rolled
 * back and inserting a finished row; for a baseline, just inserting it); --rolled-back marks a
 * failed migration rolled back. Under the migration lock. E0915 when the state does not allow
 * it. */
int rm_mig_resolve(rm_conn *c, const rm_mig_dir *dir, rm_mig_resolve_kind kind, const char *name,
                   int lock_timeout_ms, const rm_mig_env *env, rm_diags *d);

/* The name Prisma's and relmig's migration lock uses (MySQL GET_LOCK, SQLite key). */
#define RM_MIG_LOCK_KEY "prisma_migrate"
/* Prisma's PostgreSQL advisory lock id. */
#define RM_MIG_PG_LOCK_ID "72707369"

#endif
