/*
 * MySQL and MariaDB: `ident` quoting with ` doubled, 'literal' with ' doubled and backslashes
 * escaped (the server treats \ as an escape unless NO_BACKSLASH_ESCAPES is set, and relmig
 * cannot know the session's sql_mode), inline ENUM('a', 'b') column types, and the DDL
 * Prisma's mysql renderer writes (prisma.md 3.5): indexes and the primary key inside CREATE
 * TABLE, the utf8mb4 table suffix, MODIFY for column changes, DROP FOREIGN KEY, ALTER TABLE
 * clauses joined with ",\n    ". DDL is not transactional here: every statement commits.
 * Not for: anything another dialect shares (dialect.c) or deciding what changed (diff/).
 */
#include "diff/diff.h"

#include <string.h>

static void my_quote_ident(rm_sb *sb, const char *s, size_t n)
{
    rm_quote_doubling(sb, s, n, '`');
}

static void my_quote_literal(rm_sb *sb, const char *s, size_t n)
{
    rm_sb_putc(sb, '\'');
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        const char *esc = NULL;
        switch (s[i]) {
        case '\'':
            esc = "''";
            break;
        case '\\':
            esc = "\\\\";
            break;
        case '\0':
            esc = "\\0";
            break;
        default:
            break;
        }
        if (esc) {
            rm_sb_append(sb, s + start, i - start);
            rm_sb_puts(sb, esc);
            start = i + 1;
        }
    }
    rm_sb_append(sb, s + start, n - start);
    rm_sb_putc(sb, '\'');
}

/* Prisma's SCALAR_TYPE_DEFAULTS for mysql (prisma.md 3.3). */
static void my_scalar_type(rm_sql_type *out, rm_type_family f)
{
    static const struct {
        const char *name;
        uint8_t nargs;
        uint32_t a0, a1;
    } map[] = {
        [RM_TYPE_INT] = {"INTEGER", 0, 0, 0},       [RM_TYPE_BIGINT] = {"BIGINT", 0, 0, 0},
        [RM_TYPE_FLOAT] = {"DOUBLE", 0, 0, 0},      [RM_TYPE_DECIMAL] = {"DECIMAL", 2, 65, 30},
        [RM_TYPE_BOOLEAN] = {"BOOLEAN", 0, 0, 0},   [RM_TYPE_STRING] = {"VARCHAR", 1, 191, 0},
        [RM_TYPE_DATETIME] = {"DATETIME", 1, 3, 0}, [RM_TYPE_JSON] = {"JSON", 0, 0, 0},
        [RM_TYPE_BYTES] = {"LONGBLOB", 0, 0, 0},    [RM_TYPE_ENUM] = {NULL, 0, 0, 0},
        [RM_TYPE_UUID] = {"CHAR", 1, 36, 0},        [RM_TYPE_UNSUPPORTED] = {NULL, 0, 0, 0},
    };
    *out = rm_sql_type_make(f, map[f].name, map[f].nargs, map[f].a0, map[f].a1);
}

static void my_render_type(const rm_dialect *self, rm_sb *sb, const rm_sql_column *c)
{
    const rm_sql_type *t = &c->type;
    if (t->family == RM_TYPE_ENUM && t->values) {
        rm_sb_puts(sb, "ENUM(");
        for (size_t i = 0; i < t->nvalues; i++) {
            if (i)
                rm_sb_puts(sb, ", ");
            rm_dialect_literal(self, sb, t->values[i]);
        }
        rm_sb_putc(sb, ')');
        return;
    }
    rm_sb_puts(sb, t->name ? t->name : "TEXT");
    rm_dialect_type_args(sb, t, ", ");
}

static void my_render_default(const rm_dialect *self, rm_sb *sb, const rm_sql_column *c)
{
    const rm_sql_default *d = &c->def;
    /* MySQL accepts no literal default on JSON and BLOB columns; Prisma renders none. */
    if (c->type.family == RM_TYPE_JSON || c->type.family == RM_TYPE_BYTES)
        return;
    if (rm_dialect_common_default(self, sb, d))
        return;
    switch (d->kind) {
    case RM_SQL_DEFAULT_NOW:
        /* The precision must match the column's, or MySQL rejects the default. */
        rm_sb_puts(sb, "CURRENT_TIMESTAMP");
        if (c->type.nargs) {
            rm_sb_putc(sb, '(');
            rm_sb_put_uint(sb, c->type.args[0]);
            rm_sb_putc(sb, ')');
        }
        break;
    case RM_SQL_DEFAULT_SEQUENCE: /* no sequences in MySQL */
    case RM_SQL_DEFAULT_NONE:
    case RM_SQL_DEFAULT_AUTOINCREMENT:
        break;
    default: /* the kinds rm_dialect_common_default wrote */
        break;
    }
}

static void column_def(const rm_dialect *self, rm_sb *sb, const rm_sql_column *c)
{
    rm_dialect_ident(self, sb, c->name);
    rm_sb_putc(sb, ' ');
    self->render_type(self, sb, c);
    rm_sb_puts(sb, c->nullable ? " NULL" : " NOT NULL");
    rm_dialect_default_clause(self, sb, c);
    if (c->autoincrement)
        rm_sb_puts(sb, " AUTO_INCREMENT");
}

static bool is_fulltext(const rm_sql_index *ix)
{
    return ix->method &&
           (strcmp(ix->method, "fulltext") == 0 || strcmp(ix->method, "FULLTEXT") == 0);
}

static const char *index_keyword(const rm_sql_index *ix)
{
    if (is_fulltext(ix))
        return "FULLTEXT INDEX ";
    return ix->kind == RM_SQL_INDEX_NORMAL ? "INDEX " : "UNIQUE INDEX ";
}

static void create_table(const rm_dialect *self, rm_sb *sb, const rm_sql_table *t)
{
    rm_sb_puts(sb, "CREATE TABLE ");
    rm_dialect_ident(self, sb, t->name);
    rm_sb_puts(sb, " (\n");
    for (size_t i = 0; i < t->ncols; i++) {
        rm_sb_puts(sb, i ? ",\n    " : "    ");
        column_def(self, sb, &t->cols[i]);
    }
    const char *sep = ",\n\n    ";
    for (size_t i = 0; i < t->nindexes; i++) {
        const rm_sql_index *ix = &t->indexes[i];
        rm_sb_puts(sb, sep);
        sep = ",\n    ";
        rm_sb_puts(sb, index_keyword(ix));
        rm_dialect_ident(self, sb, ix->name);
        rm_sb_putc(sb, '(');
        rm_dialect_index_cols(self, sb, ix->cols, ix->ncols, ", ");
        rm_sb_putc(sb, ')');
    }
    if (t->pk.ncols) {
        rm_sb_puts(sb, sep);
        rm_sb_puts(sb, "PRIMARY KEY (");
        rm_dialect_index_cols(self, sb, t->pk.cols, t->pk.ncols, ", ");
        rm_sb_putc(sb, ')');
    }
    rm_sb_puts(sb, "\n) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
}

static void alter_table(const rm_dialect *self, rm_sql_script *out, const rm_change *g, size_t n,
                        rm_sb *sb)
{
    const rm_sql_table *t = g[0].to_table;
    rm_sql_step *step = rm_sql_script_step(out, "AlterTable");
    rm_sb_puts(sb, "ALTER TABLE ");
    rm_dialect_ident(self, sb, t->name);
    rm_sb_putc(sb, ' ');
    for (size_t i = 0; i < n; i++) {
        const rm_change *c = &g[i];
        if (i)
            rm_sb_puts(sb, ",\n    ");
        switch (c->kind) {
        case RM_CHANGE_DROP_PK:
            rm_sb_puts(sb, "DROP PRIMARY KEY");
            break;
        case RM_CHANGE_DROP_COLUMN:
            rm_sb_puts(sb, "DROP COLUMN ");
            rm_dialect_ident(self, sb, c->u.column.from->name);
            break;
        case RM_CHANGE_ADD_COLUMN:
            rm_sb_puts(sb, "ADD COLUMN ");
            column_def(self, sb, c->u.column.to);
            break;
        case RM_CHANGE_ALTER_COLUMN:
            /* MODIFY restates the whole column; there is no partial form that covers type,
             * nullability and default alike. */
            rm_sb_puts(sb, "MODIFY ");
            column_def(self, sb, c->u.column.to);
            break;
        case RM_CHANGE_ADD_PK:
            rm_sb_puts(sb, "ADD PRIMARY KEY (");
            rm_dialect_index_cols(self, sb, t->pk.cols, t->pk.ncols, ", ");
            rm_sb_putc(sb, ')');
            break;
        default:
            break;
        }
    }
    rm_sql_script_stmt(out, step, sb, 0);
}

static int my_emit(const rm_dialect *self, rm_sql_script *out, const rm_diff *diff,
                   const rm_change *g, size_t n, rm_diags *d)
{
    (void)diff;
    rm_sb sb = rm_dialect_emit_start(out);
    const rm_change *c = &g[0];
    rm_sql_step *step;
    int rc = RM_OK;
    switch (c->kind) {
    case RM_CHANGE_DROP_FK:
        step = rm_sql_script_step(out, "DropForeignKey");
        rm_sb_puts(&sb, "ALTER TABLE ");
        rm_dialect_ident(self, &sb, c->from_table->name);
        rm_sb_puts(&sb, " DROP FOREIGN KEY ");
        rm_dialect_ident(self, &sb, c->u.fk->name ? c->u.fk->name : "");
        rm_sql_script_stmt(out, step, &sb, 0);
        break;
    case RM_CHANGE_DROP_INDEX:
        step = rm_sql_script_step(out, "DropIndex");
        rm_sb_puts(&sb, "DROP INDEX ");
        rm_dialect_ident(self, &sb, c->u.index->name);
        rm_sb_puts(&sb, " ON ");
        rm_dialect_ident(self, &sb, c->from_table->name);
        rm_sql_script_stmt(out, step, &sb, 0);
        break;
    case RM_CHANGE_DROP_PK:
    case RM_CHANGE_DROP_COLUMN:
    case RM_CHANGE_ADD_COLUMN:
    case RM_CHANGE_ALTER_COLUMN:
    case RM_CHANGE_ADD_PK:
        alter_table(self, out, g, n, &sb);
        break;
    case RM_CHANGE_DROP_TABLE:
        step = rm_sql_script_step(out, "DropTable");
        rm_sb_puts(&sb, "DROP TABLE ");
        rm_dialect_ident(self, &sb, c->from_table->name);
        rm_sql_script_stmt(out, step, &sb, 0);
        break;
    case RM_CHANGE_CREATE_TABLE:
        step = rm_sql_script_step(out, "CreateTable");
        create_table(self, &sb, c->to_table);
        rm_sql_script_stmt(out, step, &sb, 0);
        break;
    case RM_CHANGE_CREATE_INDEX:
        step = rm_sql_script_step(out, "CreateIndex");
        rm_sb_puts(&sb, "CREATE ");
        rm_sb_puts(&sb, is_fulltext(c->u.index)                   ? "FULLTEXT INDEX "
                        : c->u.index->kind == RM_SQL_INDEX_NORMAL ? "INDEX "
                                                                  : "UNIQUE INDEX ");
        rm_dialect_ident(self, &sb, c->u.index->name);
        rm_sb_puts(&sb, " ON ");
        rm_dialect_ident(self, &sb, c->to_table->name);
        rm_sb_putc(&sb, '(');
        rm_dialect_index_cols(self, &sb, c->u.index->cols, c->u.index->ncols, ", ");
        rm_sb_putc(&sb, ')');
        rm_sql_script_stmt(out, step, &sb, 0);
        break;
    case RM_CHANGE_ADD_FK: {
        const rm_sql_fk *fk = c->u.fk;
        step = rm_sql_script_step(out, "AddForeignKey");
        rm_sb_puts(&sb, "ALTER TABLE ");
        rm_dialect_ident(self, &sb, c->to_table->name);
        rm_sb_puts(&sb, " ADD ");
        if (fk->name) {
            rm_sb_puts(&sb, "CONSTRAINT ");
            rm_dialect_ident(self, &sb, fk->name);
            rm_sb_putc(&sb, ' ');
        }
        rm_sb_puts(&sb, "FOREIGN KEY (");
        rm_dialect_names(self, &sb, fk->cols, fk->ncols, ", ");
        rm_sb_puts(&sb, ") REFERENCES ");
        rm_dialect_ident(self, &sb, fk->ref_table);
        rm_sb_putc(&sb, '(');
        rm_dialect_names(self, &sb, fk->ref_cols, fk->ncols, ", ");
        rm_sb_putc(&sb, ')');
        rm_dialect_fk_actions(&sb, fk);
        rm_sql_script_stmt(out, step, &sb, 0);
        break;
    }
    case RM_CHANGE_RENAME_INDEX:
        step = rm_sql_script_step(out, "RenameIndex");
        rm_sb_puts(&sb, "ALTER TABLE ");
        rm_dialect_ident(self, &sb, c->to_table->name);
        rm_sb_puts(&sb, " RENAME INDEX ");
        rm_dialect_ident(self, &sb, c->u.rename_index.from->name);
        rm_sb_puts(&sb, " TO ");
        rm_dialect_ident(self, &sb, c->u.rename_index.to->name);
        rm_sql_script_stmt(out, step, &sb, 0);
        break;
    case RM_CHANGE_RENAME_FK:
    case RM_CHANGE_CREATE_SCHEMA:
    case RM_CHANGE_CREATE_ENUM:
    case RM_CHANGE_ALTER_ENUM:
    case RM_CHANGE_DROP_ENUM:
    case RM_CHANGE_REDEFINE_TABLE:
        /* Enums are inline column types here, and every ALTER exists: the differ never plans
         * these for a dialect with mysql's capability bits. */
        rm_diag_error(d, RM_E_DIFF_CANNOT_EMIT, RM_LOC_NONE,
                      "the mysql emitter cannot write a %s change", rm_change_kind_name(c->kind));
        rc = RM_EUNSUPPORTED;
        break;
    }
    return rm_dialect_emit_finish(out, &sb, rc, d);
}

const rm_dialect rm_dialect_mysql = {
    .name = "mysql",
    .caps = RM_CAP_ALTER_COLUMN | RM_CAP_DROP_COLUMN | RM_CAP_ADD_FK_LATER | RM_CAP_ALTER_PK |
            RM_CAP_INLINE_INDEXES | RM_CAP_ADD_COLUMN_ANY | RM_CAP_INLINE_ENUMS |
            RM_CAP_FK_NEEDS_INDEX | RM_CAP_RENAME_INDEX,
    .max_ident_len = 64,
    .quote_ident = my_quote_ident,
    .quote_literal = my_quote_literal,
    .scalar_type = my_scalar_type,
    .render_type = my_render_type,
    .render_default = my_render_default,
    .emit = my_emit,
};
