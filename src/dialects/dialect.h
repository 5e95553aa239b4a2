/*
 * The SQL dialect interface: one const vtable per database (postgres.c, mysql.c, sqlite.c)
 * holding its quoting rules, type and default spellings, capability bits and the DDL it
 * writes for each kind of change. Everything that differs between databases lives behind this
 * struct; no other file switches on the dialect.
 *
 * Also here: rm_sql_script, the emitted migration as steps of statements (what `apply` runs one
 * by one and what is written to migration.sql).
 *
 * Not for: deciding what changed (diff/), or talking to a database (db/).
 */
#ifndef RELMIG_DIALECTS_DIALECT_H
#define RELMIG_DIALECTS_DIALECT_H

#include "sqlschema/sqlschema.h"
#include "util/diag.h"
#include "util/sb.h"

/* Capability bits. The differ and the planner consult them; they never compare dialect
 * pointers. */
enum {
    RM_CAP_TRANSACTIONAL_DDL = 1u << 0, /* PostgreSQL, SQLite; MySQL commits implicitly */
    RM_CAP_ALTER_COLUMN = 1u << 1,      /* change type/nullability/default in place */
    RM_CAP_DROP_COLUMN = 1u << 2,       /* ALTER TABLE DROP COLUMN (used, not just parsed) */
    RM_CAP_ADD_FK_LATER = 1u << 3,      /* ALTER TABLE ADD/DROP CONSTRAINT ... FOREIGN KEY */
    RM_CAP_ALTER_PK = 1u << 4,          /* drop/add a primary key on an existing table */
    RM_CAP_ENUM_TYPES = 1u << 5,        /* CREATE TYPE ... AS ENUM (else enums are inline) */
    RM_CAP_SCHEMAS = 1u << 6,           /* namespaces ("public"."User") */
    RM_CAP_INLINE_INDEXES = 1u << 7,    /* CREATE TABLE carries its indexes (MySQL) */
    RM_CAP_ADD_COLUMN_ANY = 1u << 8,    /* ADD COLUMN of any column, incl. NOT NULL w/o default */
    RM_CAP_SCALAR_LISTS = 1u << 9,      /* array column types */
    RM_CAP_INLINE_ENUMS = 1u << 10,     /* ENUM('a', 'b') column types (MySQL); with neither this
                                           nor ENUM_TYPES an enum is stored as text */
    RM_CAP_NAMED_PK = 1u << 11,         /* primary keys have their own names (PostgreSQL) */
    RM_CAP_JOIN_TABLE_PK = 1u << 12,    /* Prisma gives m:n join tables a PK, not a unique index */
    RM_CAP_ROWID_PK = 1u << 13,         /* a single integer PK is the rowid and autoincrements
                                           (SQLite; Prisma marks it AUTOINCREMENT always) */
    RM_CAP_FK_NEEDS_INDEX = 1u << 14,   /* every FK needs an index on its columns, created
                                           implicitly when missing (MySQL/InnoDB) */
    RM_CAP_RENAME_INDEX = 1u << 15,     /* ALTER INDEX / ALTER TABLE ... RENAME INDEX */
    RM_CAP_RENAME_FK = 1u << 16         /* ALTER TABLE ... RENAME CONSTRAINT */
};

/* Statement flags. */
enum {
    RM_STMT_NO_TXN = 1u << 0,      /* must run outside a transaction (SQLite PRAGMA foreign_keys) */
    RM_STMT_TXN_CONTROL = 1u << 1, /* BEGIN/COMMIT written by Prisma-style output; a runner that
                                      wraps the migration in its own transaction skips these */
    RM_STMT_EXPECT_EMPTY = 1u << 2 /* a check: the migration has failed if it returns rows */
};

typedef struct rm_sql_stmt {
    const char *sql; /* without the trailing ';' */
    unsigned flags;
} rm_sql_stmt;

typedef struct rm_sql_step {
    const char *name;     /* "CreateTable", "AlterTable", ... (rendered as "-- name") */
    const char *preamble; /* comment lines printed after the header, or NULL */
    rm_sql_stmt *stmts;
    size_t n, cap;
} rm_sql_step;

typedef struct rm_sql_script {
    rm_arena *arena; /* borrowed; owns steps, statements and warnings */
    rm_sql_step *steps;
    size_t n, cap;
    const char **warnings; /* data-loss / unexecutable warnings, in change order */
    size_t nwarnings, warnings_cap;
    /* The emitters' statement buffer, kept between emit calls so that thousands of changes
     * do not each malloc and grow a builder of their own (rm_dialect_emit_start/_finish);
     * freed by rm_sql_script_done. */
    rm_sb scratch;
    /* Streaming (rm_sql_script_stream): steps and statements go straight into sink as text, in
     * rm_sql_script_render's layout, instead of being kept; steps then holds only the current
     * step (cur), n counts the steps and nothing is copied into the arena. `relmig diff`
     * prints a script once and never looks at it again, and keeping it cost a copy of every
     * statement and a second pass over the text. */
    rm_sb *sink;
    rm_sql_step cur;
    bool preamble_due; /* cur's header is written, its preamble not yet */
} rm_sql_script;

struct rm_change;
struct rm_diff;

typedef struct rm_dialect {
    const char *name;     /* "postgresql", "mysql", "sqlite" */
    unsigned caps;        /* RM_CAP_* */
    size_t max_ident_len; /* 63 (PostgreSQL), 64 (MySQL), 10000 (SQLite, Prisma's value) */

    /* Append s (n bytes) as a quoted identifier / string literal. */
    void (*quote_ident)(rm_sb *sb, const char *s, size_t n);
    void (*quote_literal)(rm_sb *sb, const char *s, size_t n);
    /* The type Prisma gives a scalar of this family when no @db.* attribute says otherwise
     * (String -> TEXT / VARCHAR(191) / TEXT). Static strings; enum families get no name. */
    void (*scalar_type)(rm_sql_type *out, rm_type_family family);
    /* Column type as written in a column definition (SERIAL for an autoincrement INTEGER on
     * PostgreSQL, ENUM('a', 'b') on MySQL, ...). */
    void (*render_type)(const struct rm_dialect *self, rm_sb *sb, const rm_sql_column *c);
    /* The DEFAULT expression without the keyword; appends nothing when there is none. */
    void (*render_default)(const struct rm_dialect *self, rm_sb *sb, const rm_sql_column *c);
    /* Can a column be converted in place from one type to the other (by any cast)? NULL: always
     * (MySQL converts anything in MODIFY; SQLite copies values as they are). When not, the
     * differ drops and re-adds the column, as Prisma does. */
    bool (*can_cast)(const rm_sql_type *from, const rm_sql_type *to);
    /* Append the step(s) for a group of changes that belong together: one change, or all
     * ALTER TABLE changes of one table, or all table redefinitions (see rm_diff_group_end). */
    int (*emit)(const struct rm_dialect *self, rm_sql_script *out, const struct rm_diff *diff,
                const struct rm_change *group, size_t n, rm_diags *d);
} rm_dialect;

extern const rm_dialect rm_dialect_postgres;
extern const rm_dialect rm_dialect_mysql;
extern const rm_dialect rm_dialect_sqlite;

/* "postgresql" | "postgres" | "mysql" | "mariadb" | "sqlite" (case-insensitive); NULL for
 * anything else. The result is static. */
const rm_dialect *rm_dialect_by_name(const char *name);

/* Quote a C string identifier; and schema-qualified "schema"."name" (schema may be NULL). */
void rm_dialect_ident(const rm_dialect *d, rm_sb *sb, const char *s);
void rm_dialect_qualified(const rm_dialect *d, rm_sb *sb, const char *schema, const char *name);
/* Quote a C string literal. */
void rm_dialect_literal(const rm_dialect *d, rm_sb *sb, const char *s);
/* "c1", "c2" (each quoted, joined with sep). */
void rm_dialect_names(const rm_dialect *d, rm_sb *sb, const char *const *names, size_t n,
                      const char *sep);

/* " DEFAULT <expr>" for c, or nothing when the dialect renders no default (none, autoincrement,
 * empty dbgenerated). */
void rm_dialect_default_clause(const rm_dialect *d, rm_sb *sb, const rm_sql_column *c);
/* Index columns: "a" DESC, "b" jsonb_ops; MySQL `c`(10). The dialect decides sep. */
void rm_dialect_index_cols(const rm_dialect *d, rm_sb *sb, const rm_sql_index_col *cols, size_t n,
                           const char *sep);
/* A default expression where the grammar wants a parenthesised expression (SQLite; MySQL 8 for
 * anything but literals and CURRENT_TIMESTAMP): text as given when it already starts with '('
 * or is a literal or a single word, else "(text)". */
void rm_dialect_paren_expr(rm_sb *sb, const char *text);
/* The defaults MySQL and SQLite write alike: string and enum literals quoted, numbers and
 * booleans as given, dbgenerated()/expressions through rm_dialect_paren_expr (an empty
 * dbgenerated() writes nothing). Returns false, writing nothing, for the kinds each dialect
 * renders its own way (now(), sequences, autoincrement, none). */
bool rm_dialect_common_default(const rm_dialect *d, rm_sb *sb, const rm_sql_default *def);
/* A type's arguments as "(a<sep>b)"; nothing when it has none. */
void rm_dialect_type_args(rm_sb *sb, const rm_sql_type *t, const char *sep);
/* " ON DELETE <action> ON UPDATE <action>" of a foreign key. */
void rm_dialect_fk_actions(rm_sb *sb, const rm_sql_fk *fk);
/* Append s upper-cased (ASCII): index methods, keywords. */
void rm_dialect_upper(rm_sb *sb, const char *s);

/* The shared quoting rule of all three dialects: wrap in q, double every q inside. */
void rm_quote_doubling(rm_sb *sb, const char *s, size_t n, char q);

/* Scripts. rm_sql_script_step starts a new step; rm_sql_script_stmt copies sb's text into the
 * arena as the step's next statement and resets sb. Both return borrowed pointers. */
/* The start of every emit(): the script's scratch buffer, moved out of it and empty. */
rm_sb rm_dialect_emit_start(rm_sql_script *out);
/* The end of every emit(): an over-long statement (sb's sticky error) becomes a diagnostic if
 * nothing failed before; sb goes back to the script for the next emit. Returns the final
 * code. */
int rm_dialect_emit_finish(rm_sql_script *out, rm_sb *sb, int rc, rm_diags *d);

void rm_sql_script_init(rm_sql_script *s, rm_arena *a);
/* From now on write the script into sink (borrowed; it must outlive the script) instead of
 * keeping it: first the warnings block of the warnings added so far (when warnings is true),
 * then every step as it is emitted; rm_sql_script_done finishes the text. The text is byte
 * for byte what rm_sql_script_render writes for the same calls (test_script_stream). Call it
 * once, before the first step. */
void rm_sql_script_stream(rm_sql_script *s, rm_sb *sink, bool warnings);
/* Free what the script holds outside its arena (the emitters' scratch buffer); a streaming
 * script also writes its last pending text (or the empty-migration line). */
void rm_sql_script_done(rm_sql_script *s);
rm_sql_step *rm_sql_script_step(rm_sql_script *s, const char *name);
void rm_sql_script_stmt(rm_sql_script *s, rm_sql_step *step, rm_sb *sb, unsigned flags);
void rm_sql_script_warning(rm_sql_script *s, const char *text);
/* The migration file text, Prisma's layout: with warnings, first Prisma's comment block that
 * lists them ("  Warnings:", then "  - text" lines; `migrate dev` writes it, `migrate diff`
 * does not), then each step as "-- Name\n" + preamble + "stmt;\n" per statement, steps
 * separated by one blank line; an empty script is "-- This is an empty migration.". */
void rm_sql_script_render(rm_sb *out, const rm_sql_script *s, bool warnings);

#endif
