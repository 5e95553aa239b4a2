/*
 * The differ: two physical schemas (sqlschema.h) in, an ordered list of dialect-neutral
 * changes out, each carrying its safety warnings. Then the renderers: the change list as a
 * migration script for a dialect (through the dialect's emit), as JSON for tools, and as
 * Prisma's human summary.
 *
 * Order follows Prisma's step order (prisma.md 3.5): create schemas, create/alter enums, drop
 * foreign keys, drop indexes, alter tables, drop tables, drop enums, create tables, redefine
 * tables (SQLite), create indexes, rename foreign keys, add foreign keys, rename indexes.
 * Foreign keys come last, so mutually referencing tables (cycles) need no special case where
 * the dialect can add them later; SQLite, which cannot, declares them inside CREATE TABLE,
 * where forward references are legal. Inside a kind the order is the declaration order of the
 * schema (table position, then object position), so output is deterministic and matches
 * Prisma's.
 *
 * Not for: SQL spelling (dialects/), executing anything (db/, migrations/), or renaming tables
 * and columns (a renamed table or column is a drop plus a create, as in Prisma; only indexes
 * and foreign keys whose definition is unchanged are renamed in place).
 */
#ifndef RELMIG_DIFF_DIFF_H
#define RELMIG_DIFF_DIFF_H

#include "dialects/dialect.h"

/* In step order: sorting by kind first gives the script order (see the file comment). The
 * five ALTER TABLE kinds share one step per table. */
typedef enum rm_change_kind {
    RM_CHANGE_CREATE_SCHEMA, /* namespaces are created, never dropped (as Prisma) */
    RM_CHANGE_CREATE_ENUM,
    RM_CHANGE_ALTER_ENUM,
    RM_CHANGE_DROP_FK,
    RM_CHANGE_DROP_INDEX,
    RM_CHANGE_DROP_PK,      /* ALTER TABLE group: */
    RM_CHANGE_DROP_COLUMN,  /*   .              */
    RM_CHANGE_ADD_COLUMN,   /*   .              */
    RM_CHANGE_ALTER_COLUMN, /*   .              */
    RM_CHANGE_ADD_PK,       /*   .              */
    RM_CHANGE_DROP_TABLE,
    RM_CHANGE_DROP_ENUM,
    RM_CHANGE_CREATE_TABLE,
    RM_CHANGE_REDEFINE_TABLE,
    RM_CHANGE_CREATE_INDEX,
    RM_CHANGE_RENAME_FK, /* same definition, new name (RM_CAP_RENAME_FK) */
    RM_CHANGE_ADD_FK,
    RM_CHANGE_RENAME_INDEX /* same definition, new name (RM_CAP_RENAME_INDEX) */
} rm_change_kind;

/* What an ALTER_COLUMN changes. */
enum {
    RM_ALTER_TYPE = 1u << 0,
    RM_ALTER_NULLABILITY = 1u << 1,
    RM_ALTER_DEFAULT = 1u << 2,
    RM_ALTER_AUTOINCREMENT = 1u << 3
};

typedef struct rm_change {
    rm_change_kind kind;
    const rm_sql_table *from_table; /* the table in the old schema, when it exists there */
    const rm_sql_table *to_table;   /* the table in the new schema, when it exists there */
    union {
        struct {
            const rm_sql_column *from, *to; /* DROP: from only; ADD: to only */
            unsigned what;                  /* RM_ALTER_* for ALTER_COLUMN */
        } column;
        const rm_sql_index *index; /* DROP_INDEX: old; CREATE_INDEX: new */
        const char *schema;        /* CREATE_SCHEMA */
        struct {
            const rm_sql_index *from, *to;
        } rename_index;
        struct {
            const rm_sql_fk *from, *to;
        } rename_fk;
        const rm_sql_fk *fk; /* DROP_FK: old; ADD_FK: new */
        struct {
            const rm_sql_enum *from, *to;
            const char **added; /* values in to but not in from */
            size_t nadded;
            const char **removed; /* values in from but not in to */
            size_t nremoved;
        } enm;
    } u;
    const char **warnings; /* Prisma-worded, one sentence each */
    size_t nwarnings;
    uint32_t table_pos; /* ordering keys (see diff.c) */
    uint32_t obj_pos;
} rm_change;

typedef struct rm_diff {
    const rm_sqlschema *from;
    const rm_sqlschema *to;
    const rm_dialect *dialect;
    rm_change *items;
    size_t n, cap;
    unsigned emit_flags; /* RM_EMIT_*; 0 after rm_diff_schemas (Prisma's text) */
} rm_diff;

/* Emitter options, set on an rm_diff before rendering. */
enum {
    /* SQLite redefinitions end with PRAGMA foreign_key_check (flagged RM_STMT_EXPECT_EMPTY)
     * before foreign keys are switched back on: Prisma computes it but leaves it out. */
    RM_EMIT_SQLITE_FK_CHECK = 1u << 0
};

/* Compute the changes that turn from into to for dialect d. The changes and their warnings
 * live in a (which must outlive out); from and to are borrowed and must outlive out too.
 * Capability bits decide the shape: where the dialect cannot ALTER something (SQLite) the
 * table's changes become one RM_CHANGE_REDEFINE_TABLE. Returns RM_OK. */
int rm_diff_schemas(rm_diff *out, const rm_sqlschema *from, const rm_sqlschema *to,
                    const rm_dialect *d, rm_arena *a, rm_diags *diags);

/* Index one past the last change of the group that starts at i: consecutive ALTER TABLE
 * changes of one table form one group, consecutive redefinitions another; anything else is
 * a group of one. */
size_t rm_diff_group_end(const rm_diff *diff, size_t i);

/* The migration script for diff->dialect; the script lives in a. */
int rm_diff_to_script(rm_sql_script *out, const rm_diff *diff, rm_arena *a, rm_diags *diags);
/* Append the script's text to sb (Prisma's migration.sql layout, with the warnings block when
 * warnings is true): what to_script + rm_sql_script_render write, streamed without keeping the
 * script. On failure sb is left as it was. */
int rm_diff_render_sql(rm_sb *sb, const rm_diff *diff, bool warnings, rm_diags *diags);
/* {"changes":[{"kind":"create_table","table":"User","warnings":[...]}, ...]} plus the
 * object names each kind has (column, index, foreign_key, enum, added, removed, alter). */
void rm_diff_render_json(rm_sb *sb, const rm_diff *diff);

/* The human summary Prisma's `migrate diff` prints by default (and in drift reports):
 * sections "[+] Added Schemas", "[+] Added enums", "[+] Added tables", "[-] Removed enums",
 * "[-] Removed tables", "[*] Redefined table `T`", "[*] Changed the `E` enum", "[*] Changed the
 * `T` table" (the last three per object, by name), each line under them in change order, every
 * section preceded by a blank line. "No difference detected.\n" for an empty diff. Column
 * default changes are described in Prisma's words where relmig has the same notion
 * (`Some(Now)`, `Some(DbGenerated(...))`, `Some(Value(...))`, `None`). */
void rm_diff_render_summary(rm_sb *sb, const rm_diff *diff);

/* "create_table", "add_column", ... */
const char *rm_change_kind_name(rm_change_kind k);
/* Is k one of the five ALTER TABLE kinds? */
bool rm_change_is_alter(rm_change_kind k);

#endif
