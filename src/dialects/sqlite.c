/*
 * SQLite: "ident" and 'literal' quoting with the quote doubled, types by family (SQLite has
 * type affinity, not native types), a single-column primary key inline (INTEGER PRIMARY KEY
 * AUTOINCREMENT), foreign keys inside CREATE TABLE (SQLite cannot add or drop them later), and
 * the table redefinition for everything ALTER TABLE cannot do, with Prisma's exact statement
 * sequence (prisma.md 3.5, corpus alter.sqlite.redefine.sql).
 * Not for: anything another dialect shares (dialect.c) or deciding what changed (diff/).
 */
#include "diff/diff.h"

#include <stdlib.h>
#include <string.h>

static void lite_quote(rm_sb *sb, const char *s, size_t n)
{
    rm_quote_doubling(sb, s, n, '"');
}

static void lite_literal(rm_sb *sb, const char *s, size_t n)
{
    rm_quote_doubling(sb, s, n, '\'');
}

/* Prisma's sqlite renderer spells types by family (prisma.md 3.3). */
static void lite_scalar_type(rm_sql_type *out, rm_type_family f)
{
    static const char *const names[] = {
        [RM_TYPE_INT] = "INTEGER",       [RM_TYPE_BIGINT] = "BIGINT",
        [RM_TYPE_FLOAT] = "REAL",        [RM_TYPE_DECIMAL] = "DECIMAL",
        [RM_TYPE_BOOLEAN] = "BOOLEAN",   [RM_TYPE_STRING] = "TEXT",
        [RM_TYPE_DATETIME] = "DATETIME", [RM_TYPE_JSON] = "JSONB",
        [RM_TYPE_BYTES] = "BLOB",        [RM_TYPE_ENUM] = "TEXT",
        [RM_TYPE_UUID] = "TEXT",         [RM_TYPE_UNSUPPORTED] = NULL,
    };
    *out = rm_sql_type_make(f, names[f], 0, 0, 0);
}

static void lite_render_type(const rm_dialect *self, rm_sb *sb, const rm_sql_column *c)
{
    (void)self;
    const rm_sql_type *t = &c->type;
    rm_sb_puts(sb, t->name && t->family != RM_TYPE_ENUM ? t->name : "TEXT");
    if (t->family != RM_TYPE_ENUM)
        rm_dialect_type_args(sb, t, ", ");
}

static void lite_render_default(const rm_dialect *self, rm_sb *sb, const rm_sql_column *c)
{
    const rm_sql_default *d = &c->def;
    if (rm_dialect_common_default(self, sb, d))
        return;
    switch (d->kind) {
    case RM_SQL_DEFAULT_NOW:
        rm_sb_puts(sb, "CURRENT_TIMESTAMP");
        break;
    case RM_SQL_DEFAULT_SEQUENCE:
    case RM_SQL_DEFAULT_NONE:
    case RM_SQL_DEFAULT_AUTOINCREMENT:
        break;
    default: /* the kinds rm_dialect_common_default wrote */
        break;
    }
}

static void column_def(const rm_dialect *self, rm_sb *sb, const rm_sql_table *t,
                       const rm_sql_column *c)
{
    bool inline_pk = t->pk.ncols == 1 && strcmp(t->pk.cols[0].name, c->name) == 0;
    rm_dialect_ident(self, sb, c->name);
    rm_sb_putc(sb, ' ');
    /* AUTOINCREMENT is only legal on a column declared exactly INTEGER (the rowid alias). */
    if (inline_pk && c->autoincrement)
        rm_sb_puts(sb, "INTEGER");
    else
        self->render_type(self, sb, c);
    if (!c->nullable)
        rm_sb_puts(sb, " NOT NULL");
    if (inline_pk) {
        rm_sb_puts(sb, " PRIMARY KEY");
        if (c->autoincrement)
            rm_sb_puts(sb, " AUTOINCREMENT");
    }
    rm_dialect_default_clause(self, sb, c);
}

static void inline_fk(const rm_dialect *self, rm_sb *sb, const rm_sql_fk *fk)
{
    if (fk->name) {
        rm_sb_puts(sb, "CONSTRAINT ");
        rm_dialect_ident(self, sb, fk->name);
        rm_sb_putc(sb, ' ');
    }
    rm_sb_puts(sb, "FOREIGN KEY (");
    rm_dialect_names(self, sb, fk->cols, fk->ncols, ", ");
    rm_sb_puts(sb, ") REFERENCES ");
    rm_dialect_ident(self, sb, fk->ref_table);
    rm_sb_puts(sb, " (");
    rm_dialect_names(self, sb, fk->ref_cols, fk->ncols, ", ");
    rm_sb_putc(sb, ')');
    rm_dialect_fk_actions(sb, fk);
}

static void create_table(const rm_dialect *self, rm_sb *sb, const rm_sql_table *t, const char *name)
{
    rm_sb_puts(sb, "CREATE TABLE ");
    rm_dialect_ident(self, sb, name);
    rm_sb_puts(sb, " (\n");
    for (size_t i = 0; i < t->ncols; i++) {
        rm_sb_puts(sb, i ? ",\n    " : "    ");
        column_def(self, sb, t, &t->cols[i]);
    }
    if (t->pk.ncols > 1) {
        rm_sb_puts(sb, ",\n\n    PRIMARY KEY (");
        rm_dialect_index_cols(self, sb, t->pk.cols, t->pk.ncols, ", ");
        rm_sb_putc(sb, ')');
    }
    for (size_t i = 0; i < t->nfks; i++) {
        rm_sb_puts(sb, ",\n    ");
        inline_fk(self, sb, &t->fks[i]);
    }
    rm_sb_puts(sb, "\n)");
}

static void create_index(const rm_dialect *self, rm_sb *sb, const rm_sql_table *t,
                         const rm_sql_index *ix)
{
    rm_sb_puts(sb, ix->kind == RM_SQL_INDEX_NORMAL ? "CREATE INDEX " : "CREATE UNIQUE INDEX ");
    rm_dialect_ident(self, sb, ix->name);
    rm_sb_puts(sb, " ON ");
    rm_dialect_ident(self, sb, t->name);
    rm_sb_putc(sb, '(');
    rm_dialect_index_cols(self, sb, ix->cols, ix->ncols, ", ");
    rm_sb_putc(sb, ')');
    if (ix->where) {
        rm_sb_puts(sb, " WHERE ");
        rm_sb_puts(sb, ix->where);
    }
}

static void stmt(rm_sql_script *out, rm_sql_step *step, rm_sb *sb, const char *text, unsigned flags)
{
    rm_sb_puts(sb, text);
    rm_sql_script_stmt(out, step, sb, flags);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Copy the data of every column the old and new table share (sorted by name, as Prisma
 * does). A column that became required and has a default gets coalesce(), so existing NULLs
 * take the default instead of failing the copy. */
static void copy_rows(const rm_dialect *self, rm_sb *sb, const rm_sql_table *from,
                      const rm_sql_table *to, const char *tmp_name)
{
    const char **names = rm_xmalloc((to->ncols + 1) * sizeof(*names));
    size_t n = 0;
    for (size_t i = 0; i < to->ncols; i++)
        if (rm_sql_table_find_column(from, to->cols[i].name))
            names[n++] = to->cols[i].name;
    qsort(names, n, sizeof(*names), cmp_str);
    rm_sb_puts(sb, "INSERT INTO ");
    rm_dialect_ident(self, sb, tmp_name);
    rm_sb_puts(sb, " (");
    rm_dialect_names(self, sb, names, n, ", ");
    rm_sb_puts(sb, ") SELECT ");
    for (size_t i = 0; i < n; i++) {
        const rm_sql_column *fc = rm_sql_table_find_column(from, names[i]);
        const rm_sql_column *tc = rm_sql_table_find_column(to, names[i]);
        rm_sb tmp = RM_SB_INIT;
        self->render_default(self, &tmp, tc);
        if (i)
            rm_sb_puts(sb, ", ");
        if (fc->nullable && !tc->nullable && tmp.len) {
            rm_sb_puts(sb, "coalesce(");
            rm_dialect_ident(self, sb, names[i]);
            rm_sb_puts(sb, ", ");
            rm_sb_append(sb, rm_sb_str(&tmp), tmp.len);
            rm_sb_puts(sb, ") AS ");
            rm_dialect_ident(self, sb, names[i]);
        } else {
            rm_dialect_ident(self, sb, names[i]);
        }
        rm_sb_free(&tmp);
    }
    rm_sb_puts(sb, " FROM ");
    rm_dialect_ident(self, sb, from->name);
    free(names);
}

/* One step for all redefinitions. foreign_keys=OFF is a no-op inside a transaction, hence
 * RM_STMT_NO_TXN: a runner must execute it before BEGIN and switch it back after COMMIT. */
static void redefine(const rm_dialect *self, rm_sql_script *out, const rm_change *g, size_t n,
                     rm_sb *sb, bool fk_check)
{
    rm_sql_step *step = rm_sql_script_step(out, "RedefineTables");
    stmt(out, step, sb, "PRAGMA defer_foreign_keys=ON", 0);
    stmt(out, step, sb, "PRAGMA foreign_keys=OFF", RM_STMT_NO_TXN);
    for (size_t i = 0; i < n; i++) {
        const rm_sql_table *from = g[i].from_table, *to = g[i].to_table;
        const char *tmp = rm_arena_sprintf(out->arena, "new_%s", to->name);
        create_table(self, sb, to, tmp);
        rm_sql_script_stmt(out, step, sb, 0);
        copy_rows(self, sb, from, to, tmp);
        rm_sql_script_stmt(out, step, sb, 0);
        rm_sb_puts(sb, "DROP TABLE ");
        rm_dialect_ident(self, sb, from->name);
        rm_sql_script_stmt(out, step, sb, 0);
        rm_sb_puts(sb, "ALTER TABLE ");
        rm_dialect_ident(self, sb, tmp);
        rm_sb_puts(sb, " RENAME TO ");
        rm_dialect_ident(self, sb, to->name);
        rm_sql_script_stmt(out, step, sb, 0);
        for (size_t k = 0; k < to->nindexes; k++) {
            create_index(self, sb, to, &to->indexes[k]);
            rm_sql_script_stmt(out, step, sb, 0);
        }
    }
    if (fk_check)
        stmt(out, step, sb, "PRAGMA foreign_key_check", RM_STMT_EXPECT_EMPTY);
    stmt(out, step, sb, "PRAGMA foreign_keys=ON", RM_STMT_NO_TXN);
    stmt(out, step, sb, "PRAGMA defer_foreign_keys=OFF", 0);
}

static int lite_emit(const rm_dialect *self, rm_sql_script *out, const rm_diff *diff,
                     const rm_change *g, size_t n, rm_diags *d)
{
    (void)diff;
    rm_sb sb = rm_dialect_emit_start(out);
    const rm_change *c = &g[0];
    rm_sql_step *step;
    int rc = RM_OK;
    switch (c->kind) {
    case RM_CHANGE_DROP_INDEX:
        step = rm_sql_script_step(out, "DropIndex");
        rm_sb_puts(&sb, "DROP INDEX ");
        rm_dialect_ident(self, &sb, c->u.index->name);
        rm_sql_script_stmt(out, step, &sb, 0);
        break;
    case RM_CHANGE_ADD_COLUMN:
        /* Only simple additions get here (the differ redefines the table otherwise), and
         * SQLite takes one column per ALTER TABLE. */
        step = rm_sql_script_step(out, "AlterTable");
        for (size_t i = 0; i < n; i++) {
            rm_sb_puts(&sb, "ALTER TABLE ");
            rm_dialect_ident(self, &sb, g[i].to_table->name);
            rm_sb_puts(&sb, " ADD COLUMN ");
            column_def(self, &sb, g[i].to_table, g[i].u.column.to);
            rm_sql_script_stmt(out, step, &sb, 0);
        }
        break;
    case RM_CHANGE_DROP_TABLE:
        step = rm_sql_script_step(out, "DropTable");
        stmt(out, step, &sb, "PRAGMA foreign_keys=off", RM_STMT_NO_TXN);
        rm_sb_puts(&sb, "DROP TABLE ");
        rm_dialect_ident(self, &sb, c->from_table->name);
        rm_sql_script_stmt(out, step, &sb, 0);
        stmt(out, step, &sb, "PRAGMA foreign_keys=on", RM_STMT_NO_TXN);
        break;
    case RM_CHANGE_CREATE_TABLE:
        step = rm_sql_script_step(out, "CreateTable");
        create_table(self, &sb, c->to_table, c->to_table->name);
        rm_sql_script_stmt(out, step, &sb, 0);
        break;
    case RM_CHANGE_REDEFINE_TABLE:
        redefine(self, out, g, n, &sb, (diff->emit_flags & RM_EMIT_SQLITE_FK_CHECK) != 0);
        break;
    case RM_CHANGE_CREATE_INDEX:
        step = rm_sql_script_step(out, "CreateIndex");
        create_index(self, &sb, c->to_table, c->u.index);
        rm_sql_script_stmt(out, step, &sb, 0);
        break;
    case RM_CHANGE_RENAME_INDEX:
    case RM_CHANGE_RENAME_FK:
    case RM_CHANGE_CREATE_SCHEMA:
    case RM_CHANGE_CREATE_ENUM:
    case RM_CHANGE_ALTER_ENUM:
    case RM_CHANGE_DROP_ENUM:
    case RM_CHANGE_DROP_FK:
    case RM_CHANGE_ADD_FK:
    case RM_CHANGE_DROP_PK:
    case RM_CHANGE_DROP_COLUMN:
    case RM_CHANGE_ALTER_COLUMN:
    case RM_CHANGE_ADD_PK:
        /* The differ turns these into a redefinition for a dialect with sqlite's bits. */
        rm_diag_error(d, RM_E_DIFF_CANNOT_EMIT, RM_LOC_NONE,
                      "the sqlite emitter cannot write a %s change", rm_change_kind_name(c->kind));
        rc = RM_EUNSUPPORTED;
        break;
    }
    return rm_dialect_emit_finish(out, &sb, rc, d);
}

const rm_dialect rm_dialect_sqlite = {
    .name = "sqlite",
    .caps = RM_CAP_TRANSACTIONAL_DDL | RM_CAP_ROWID_PK,
    .max_ident_len = 10000,
    .quote_ident = lite_quote,
    .quote_literal = lite_literal,
    .scalar_type = lite_scalar_type,
    .render_type = lite_render_type,
    .render_default = lite_render_default,
    .emit = lite_emit,
};
