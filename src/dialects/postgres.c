/*
 * PostgreSQL: "ident" quoting with " doubled, 'literal' with ' doubled (standard conforming
 * strings), SERIAL for autoincrement integers, enum types, and the DDL Prisma's postgres
 * renderer writes (prisma.md 3.5-3.6): constraints inside CREATE TABLE after a blank line,
 * unique constraints as separate CREATE UNIQUE INDEX, foreign keys added afterwards, several
 * ALTER TABLE clauses joined with ",\n", and enum value removal by recreating the type.
 * Not for: anything another dialect shares (dialect.c) or deciding what changed (diff/).
 */
#include "diff/diff.h"

#include <string.h>

static void pg_quote_ident(rm_sb *sb, const char *s, size_t n)
{
    rm_quote_doubling(sb, s, n, '"');
}

static void pg_quote_literal(rm_sb *sb, const char *s, size_t n)
{
    rm_quote_doubling(sb, s, n, '\'');
}

/* Prisma's SCALAR_TYPE_DEFAULTS for postgres (prisma.md 3.3). */
static void pg_scalar_type(rm_sql_type *out, rm_type_family f)
{
    static const struct {
        const char *name;
        uint8_t nargs;
        uint32_t a0, a1;
    } map[] = {
        [RM_TYPE_INT] = {"INTEGER", 0, 0, 0},
        [RM_TYPE_BIGINT] = {"BIGINT", 0, 0, 0},
        [RM_TYPE_FLOAT] = {"DOUBLE PRECISION", 0, 0, 0},
        [RM_TYPE_DECIMAL] = {"DECIMAL", 2, 65, 30},
        [RM_TYPE_BOOLEAN] = {"BOOLEAN", 0, 0, 0},
        [RM_TYPE_STRING] = {"TEXT", 0, 0, 0},
        [RM_TYPE_DATETIME] = {"TIMESTAMP", 1, 3, 0},
        [RM_TYPE_JSON] = {"JSONB", 0, 0, 0},
        [RM_TYPE_BYTES] = {"BYTEA", 0, 0, 0},
        [RM_TYPE_ENUM] = {NULL, 0, 0, 0},
        [RM_TYPE_UUID] = {"UUID", 0, 0, 0},
        [RM_TYPE_UNSUPPORTED] = {NULL, 0, 0, 0},
    };
    *out = rm_sql_type_make(f, map[f].name, map[f].nargs, map[f].a0, map[f].a1);
}

static bool name_in(const char *name, const char *const *set)
{
    for (; *set; set++)
        if (strcmp(name, *set) == 0)
            return true;
    return false;
}

static void pg_render_type(const rm_dialect *self, rm_sb *sb, const rm_sql_column *c)
{
    const rm_sql_type *t = &c->type;
    static const char *const ints[] = {"INTEGER", "INT", "INT4", NULL};
    static const char *const bigints[] = {"BIGINT", "INT8", NULL};
    static const char *const smallints[] = {"SMALLINT", "INT2", NULL};
    if (t->family == RM_TYPE_ENUM) {
        rm_dialect_qualified(self, sb, t->schema, t->name ? t->name : "");
    } else if (c->autoincrement && t->nargs == 0 && t->name && !t->array &&
               (name_in(t->name, ints) || name_in(t->name, bigints) ||
                name_in(t->name, smallints))) {
        rm_sb_puts(sb, name_in(t->name, ints)      ? "SERIAL"
                       : name_in(t->name, bigints) ? "BIGSERIAL"
                                                   : "SMALLSERIAL");
        return;
    } else {
        rm_sb_puts(sb, t->name ? t->name : "TEXT");
        rm_dialect_type_args(sb, t, ",");
    }
    if (t->array)
        rm_sb_puts(sb, "[]");
}

static void pg_render_default(const rm_dialect *self, rm_sb *sb, const rm_sql_column *c)
{
    const rm_sql_default *d = &c->def;
    switch (d->kind) {
    case RM_SQL_DEFAULT_STRING:
    case RM_SQL_DEFAULT_ENUM:
        rm_dialect_literal(self, sb, d->text ? d->text : "");
        break;
    case RM_SQL_DEFAULT_NUMBER:
    case RM_SQL_DEFAULT_BOOLEAN:
    case RM_SQL_DEFAULT_DBGENERATED:
    case RM_SQL_DEFAULT_EXPRESSION:
        if (d->text)
            rm_sb_puts(sb, d->text);
        break;
    case RM_SQL_DEFAULT_NOW:
        rm_sb_puts(sb, "CURRENT_TIMESTAMP");
        break;
    case RM_SQL_DEFAULT_SEQUENCE: {
        rm_sb inner = RM_SB_INIT;
        rm_dialect_ident(self, &inner, d->text ? d->text : "");
        rm_sb_puts(sb, "nextval(");
        self->quote_literal(sb, rm_sb_str(&inner), inner.len);
        rm_sb_putc(sb, ')');
        rm_sb_free(&inner);
        break;
    }
    case RM_SQL_DEFAULT_NONE:
    case RM_SQL_DEFAULT_AUTOINCREMENT:
        break;
    }
}

static void column_def(const rm_dialect *self, rm_sb *sb, const rm_sql_column *c)
{
    rm_dialect_ident(self, sb, c->name);
    rm_sb_putc(sb, ' ');
    self->render_type(self, sb, c);
    if (!c->nullable)
        rm_sb_puts(sb, " NOT NULL");
    /* SERIAL carries its own default. */
    if (!c->autoincrement)
        rm_dialect_default_clause(self, sb, c);
}

static void table_name(const rm_dialect *self, rm_sb *sb, const rm_sql_table *t)
{
    rm_dialect_qualified(self, sb, t->schema, t->name);
}

static void pk_cols(const rm_dialect *self, rm_sb *sb, const rm_sql_pk *pk)
{
    rm_sb_putc(sb, '(');
    rm_dialect_index_cols(self, sb, pk->cols, pk->ncols, ",");
    rm_sb_putc(sb, ')');
}

static void add_pk_clause(const rm_dialect *self, rm_sb *sb, const rm_sql_pk *pk)
{
    if (pk->name) {
        rm_sb_puts(sb, "CONSTRAINT ");
        rm_dialect_ident(self, sb, pk->name);
        rm_sb_putc(sb, ' ');
    }
    rm_sb_puts(sb, "PRIMARY KEY ");
    pk_cols(self, sb, pk);
}

static void create_table(const rm_dialect *self, rm_sb *sb, const rm_sql_table *t)
{
    rm_sb_puts(sb, "CREATE TABLE ");
    table_name(self, sb, t);
    rm_sb_puts(sb, " (\n");
    for (size_t i = 0; i < t->ncols; i++) {
        rm_sb_puts(sb, i ? ",\n    " : "    ");
        column_def(self, sb, &t->cols[i]);
    }
    if (t->pk.ncols) {
        rm_sb_puts(sb, ",\n\n    ");
        add_pk_clause(self, sb, &t->pk);
    }
    rm_sb_puts(sb, "\n)");
}

static void create_index(const rm_dialect *self, rm_sb *sb, const rm_sql_table *t,
                         const rm_sql_index *ix)
{
    if (ix->kind == RM_SQL_INDEX_UNIQUE_CONSTRAINT) {
        rm_sb_puts(sb, "ALTER TABLE ");
        table_name(self, sb, t);
        rm_sb_puts(sb, " ADD CONSTRAINT ");
        rm_dialect_ident(self, sb, ix->name);
        rm_sb_puts(sb, " UNIQUE (");
        rm_dialect_index_cols(self, sb, ix->cols, ix->ncols, ", ");
        rm_sb_putc(sb, ')');
        return;
    }
    rm_sb_puts(sb, ix->kind == RM_SQL_INDEX_UNIQUE ? "CREATE UNIQUE INDEX " : "CREATE INDEX ");
    rm_dialect_ident(self, sb, ix->name);
    rm_sb_puts(sb, " ON ");
    table_name(self, sb, t);
    if (ix->method) {
        rm_sb_puts(sb, " USING ");
        rm_dialect_upper(sb, ix->method);
        rm_sb_puts(sb, " (");
    } else {
        rm_sb_putc(sb, '(');
    }
    rm_dialect_index_cols(self, sb, ix->cols, ix->ncols, ", ");
    rm_sb_putc(sb, ')');
    if (ix->where) {
        rm_sb_puts(sb, " WHERE ");
        rm_sb_puts(sb, ix->where);
    }
}

static void add_fk(const rm_dialect *self, rm_sb *sb, const rm_sql_table *t, const rm_sql_fk *fk)
{
    rm_sb_puts(sb, "ALTER TABLE ");
    table_name(self, sb, t);
    rm_sb_puts(sb, " ADD ");
    if (fk->name) {
        rm_sb_puts(sb, "CONSTRAINT ");
        rm_dialect_ident(self, sb, fk->name);
        rm_sb_putc(sb, ' ');
    }
    rm_sb_puts(sb, "FOREIGN KEY (");
    rm_dialect_names(self, sb, fk->cols, fk->ncols, ", ");
    rm_sb_puts(sb, ") REFERENCES ");
    rm_dialect_qualified(self, sb, fk->ref_schema ? fk->ref_schema : t->schema, fk->ref_table);
    rm_sb_putc(sb, '(');
    rm_dialect_names(self, sb, fk->ref_cols, fk->ncols, ", ");
    rm_sb_putc(sb, ')');
    rm_dialect_fk_actions(sb, fk);
}

static bool is_numeric(rm_type_family f)
{
    return f == RM_TYPE_INT || f == RM_TYPE_BIGINT || f == RM_TYPE_FLOAT || f == RM_TYPE_DECIMAL;
}

/* Does PostgreSQL convert from -> to in assignment context (what ALTER COLUMN TYPE uses without
 * USING)? Same family, numeric to numeric, and anything to a string type (I/O conversion). */
static bool assignment_cast(const rm_sql_type *from, const rm_sql_type *to)
{
    if (from->array != to->array)
        return false;
    return from->family == to->family || (is_numeric(from->family) && is_numeric(to->family)) ||
           to->family == RM_TYPE_STRING;
}

/* Is there any cast from -> to (explicit ones included, as USING applies them)? Every type has
 * an I/O cast to and from text; numbers convert among themselves; int4 <-> boolean; enums go
 * through text (handled with a ::text:: cast). Nothing else: bigint to boolean, a number to a
 * timestamp, a timestamp to a number have none. */
static bool pg_can_cast(const rm_sql_type *from, const rm_sql_type *to)
{
    if (from->array != to->array)
        return false;
    rm_type_family f = from->family, t = to->family;
    if (f == t || f == RM_TYPE_STRING || t == RM_TYPE_STRING || f == RM_TYPE_ENUM ||
        t == RM_TYPE_ENUM || f == RM_TYPE_UNSUPPORTED || t == RM_TYPE_UNSUPPORTED)
        return true;
    if (is_numeric(f) && is_numeric(t))
        return true;
    return (f == RM_TYPE_INT && t == RM_TYPE_BOOLEAN) || (f == RM_TYPE_BOOLEAN && t == RM_TYPE_INT);
}

static void seq_name(rm_sb *sb, const rm_sql_table *t, const rm_sql_column *c)
{
    rm_sb_appendf(sb, "%s_%s_seq", t->name, c->name);
}

/* One ALTER TABLE for all column and key changes of a table; an autoincrement added to an
 * existing column needs its sequence created before and owned after (Prisma does the same). */
static void alter_table(const rm_dialect *self, rm_sql_script *out, const rm_change *g, size_t n,
                        rm_sb *sb)
{
    const rm_sql_table *t = g[0].to_table;
    rm_sql_step *step = rm_sql_script_step(out, "AlterTable");
    rm_sb seq = RM_SB_INIT;
    for (size_t i = 0; i < n; i++) {
        const rm_change *c = &g[i];
        if (c->kind == RM_CHANGE_ALTER_COLUMN && (c->u.column.what & RM_ALTER_AUTOINCREMENT) &&
            c->u.column.to->autoincrement) {
            rm_sb_reset(&seq);
            seq_name(&seq, t, c->u.column.to);
            rm_sb_puts(sb, "CREATE SEQUENCE ");
            rm_dialect_qualified(self, sb, t->schema, rm_sb_str(&seq));
            rm_sql_script_stmt(out, step, sb, 0);
        }
    }
    rm_sb_puts(sb, "ALTER TABLE ");
    table_name(self, sb, t);
    rm_sb_putc(sb, ' ');
    size_t nclauses = 0;
#define CLAUSE() rm_sb_puts(sb, nclauses++ ? ",\n" : "")
    for (size_t i = 0; i < n; i++) {
        const rm_change *c = &g[i];
        const rm_sql_column *to = c->u.column.to;
        switch (c->kind) {
        case RM_CHANGE_DROP_PK:
            CLAUSE();
            if (c->from_table->pk.name) {
                rm_sb_puts(sb, "DROP CONSTRAINT ");
                rm_dialect_ident(self, sb, c->from_table->pk.name);
            } else {
                /* PostgreSQL always names it; introspection gives the name. */
                rm_sb_appendf(sb, "DROP CONSTRAINT ");
                rm_sb_reset(&seq);
                rm_sb_appendf(&seq, "%s_pkey", t->name);
                rm_dialect_ident(self, sb, rm_sb_str(&seq));
            }
            break;
        case RM_CHANGE_DROP_COLUMN:
            CLAUSE();
            rm_sb_puts(sb, "DROP COLUMN ");
            rm_dialect_ident(self, sb, c->u.column.from->name);
            break;
        case RM_CHANGE_ADD_COLUMN:
            CLAUSE();
            rm_sb_puts(sb, "ADD COLUMN     ");
            column_def(self, sb, to);
            break;
        case RM_CHANGE_ALTER_COLUMN: {
            unsigned what = c->u.column.what;
            const rm_sql_column *from = c->u.column.from;
            bool explicit_cast =
                (what & RM_ALTER_TYPE) &&
                (to->type.family == RM_TYPE_ENUM || from->type.family == RM_TYPE_ENUM ||
                 !assignment_cast(&from->type, &to->type));
            /* The old default would have to be cast with the column, and PostgreSQL applies
             * only assignment casts to it ("default ... cannot be cast automatically"): drop it
             * before the type change and set the new one after. */
            rm_sb olddef = RM_SB_INIT;
            self->render_default(self, &olddef, from);
            bool reset_default = explicit_cast && olddef.len && !from->autoincrement;
            rm_sb_free(&olddef);
            if (reset_default) {
                CLAUSE();
                rm_sb_puts(sb, "ALTER COLUMN ");
                rm_dialect_ident(self, sb, to->name);
                rm_sb_puts(sb, " DROP DEFAULT");
            }
            if (what & RM_ALTER_TYPE) {
                CLAUSE();
                rm_sb_puts(sb, "ALTER COLUMN ");
                rm_dialect_ident(self, sb, to->name);
                rm_sb_puts(sb, " SET DATA TYPE ");
                rm_sql_column plain = *to;
                plain.autoincrement = false;
                self->render_type(self, sb, &plain);
                if (to->type.family == RM_TYPE_ENUM ||
                    c->u.column.from->type.family == RM_TYPE_ENUM) {
                    /* No implicit cast between an enum and anything else. */
                    rm_sb_puts(sb, " USING (");
                    rm_dialect_ident(self, sb, to->name);
                    rm_sb_puts(sb, "::text::");
                    self->render_type(self, sb, &plain);
                    rm_sb_putc(sb, ')');
                } else if (!assignment_cast(&c->u.column.from->type, &to->type)) {
                    /* ALTER COLUMN TYPE only applies assignment casts; text -> integer needs an
                     * explicit one. Prisma drops and re-adds such a column, losing its data;
                     * an explicit cast keeps the data when it converts and fails (atomically,
                     * DDL being transactional here) when it does not. */
                    rm_sb_puts(sb, " USING (");
                    rm_dialect_ident(self, sb, to->name);
                    rm_sb_puts(sb, "::");
                    self->render_type(self, sb, &plain);
                    rm_sb_putc(sb, ')');
                }
            }
            if (what & RM_ALTER_NULLABILITY) {
                CLAUSE();
                rm_sb_puts(sb, "ALTER COLUMN ");
                rm_dialect_ident(self, sb, to->name);
                rm_sb_puts(sb, to->nullable ? " DROP NOT NULL" : " SET NOT NULL");
            }
            if (what & RM_ALTER_AUTOINCREMENT) {
                CLAUSE();
                rm_sb_puts(sb, "ALTER COLUMN ");
                rm_dialect_ident(self, sb, to->name);
                if (to->autoincrement) {
                    rm_sb reg = RM_SB_INIT;
                    rm_sb_reset(&seq);
                    seq_name(&seq, t, to);
                    rm_dialect_qualified(self, &reg, t->schema, rm_sb_str(&seq));
                    rm_sb_puts(sb, " SET DEFAULT nextval(");
                    self->quote_literal(sb, rm_sb_str(&reg), reg.len);
                    rm_sb_putc(sb, ')');
                    rm_sb_free(&reg);
                } else if (!(what & RM_ALTER_DEFAULT)) {
                    rm_sb_puts(sb, " DROP DEFAULT");
                }
            }
            if (((what & RM_ALTER_DEFAULT) || reset_default) && !to->autoincrement) {
                rm_sb tmp = RM_SB_INIT;
                self->render_default(self, &tmp, to);
                if (tmp.len) {
                    CLAUSE();
                    rm_sb_puts(sb, "ALTER COLUMN ");
                    rm_dialect_ident(self, sb, to->name);
                    rm_sb_puts(sb, " SET DEFAULT ");
                    rm_sb_append(sb, rm_sb_str(&tmp), tmp.len);
                } else if (!reset_default) {
                    CLAUSE();
                    rm_sb_puts(sb, "ALTER COLUMN ");
                    rm_dialect_ident(self, sb, to->name);
                    rm_sb_puts(sb, " DROP DEFAULT");
                }
                rm_sb_free(&tmp);
            }
            break;
        }
        case RM_CHANGE_ADD_PK:
            CLAUSE();
            rm_sb_puts(sb, "ADD ");
            add_pk_clause(self, sb, &t->pk);
            break;
        default:
            break;
        }
    }
#undef CLAUSE
    rm_sql_script_stmt(out, step, sb, 0);
    for (size_t i = 0; i < n; i++) {
        const rm_change *c = &g[i];
        if (c->kind == RM_CHANGE_ALTER_COLUMN && (c->u.column.what & RM_ALTER_AUTOINCREMENT) &&
            c->u.column.to->autoincrement) {
            rm_sb_reset(&seq);
            seq_name(&seq, t, c->u.column.to);
            rm_sb_puts(sb, "ALTER SEQUENCE ");
            rm_dialect_qualified(self, sb, t->schema, rm_sb_str(&seq));
            rm_sb_puts(sb, " OWNED BY ");
            table_name(self, sb, t);
            rm_sb_putc(sb, '.');
            rm_dialect_ident(self, sb, c->u.column.to->name);
            rm_sql_script_stmt(out, step, sb, 0);
        }
    }
    rm_sb_free(&seq);
}

static void enum_values(const rm_dialect *self, rm_sb *sb, const rm_sql_enum *e)
{
    for (size_t i = 0; i < e->nvalues; i++) {
        if (i)
            rm_sb_puts(sb, ", ");
        rm_dialect_literal(self, sb, e->values[i]);
    }
}

static bool column_uses_enum(const rm_sql_column *c, const rm_sql_enum *e)
{
    const rm_sql_type *t = &c->type;
    if (t->family != RM_TYPE_ENUM || !t->name || strcmp(t->name, e->name) != 0)
        return false;
    if ((t->schema == NULL) != (e->schema == NULL))
        return false;
    return !t->schema || strcmp(t->schema, e->schema) == 0;
}

static const char *const multi_value_preamble =
    "-- This migration adds more than one value to an enum.\n"
    "-- With PostgreSQL versions 11 and earlier, this is not possible\n"
    "-- in a single migration. This can be worked around by creating\n"
    "-- multiple migrations, each migration adding only one value to\n"
    "-- the enum.\n\n\n";

/* Added values only: ALTER TYPE ... ADD VALUE. Removed values: PostgreSQL cannot drop an enum
 * value, so recreate the type the way Prisma does, in one transaction: create E_new, move every
 * column over with a text cast (dropping and restoring defaults, which reference the old
 * type), rename E to E_old and E_new to E, drop E_old. */
static void alter_enum(const rm_dialect *self, rm_sql_script *out, const rm_diff *diff,
                       const rm_change *c, rm_sb *sb)
{
    const rm_sql_enum *e = c->u.enm.to;
    rm_sql_step *step = rm_sql_script_step(out, "AlterEnum");
    if (!c->u.enm.nremoved) {
        if (c->u.enm.nadded > 1)
            step->preamble = multi_value_preamble;
        for (size_t i = 0; i < c->u.enm.nadded; i++) {
            rm_sb_puts(sb, "ALTER TYPE ");
            rm_dialect_qualified(self, sb, e->schema, e->name);
            rm_sb_puts(sb, " ADD VALUE ");
            rm_dialect_literal(self, sb, c->u.enm.added[i]);
            rm_sql_script_stmt(out, step, sb, 0);
        }
        return;
    }
    const char *tmp_new = rm_arena_sprintf(out->arena, "%s_new", e->name);
    const char *tmp_old = rm_arena_sprintf(out->arena, "%s_old", e->name);
    rm_sb_puts(sb, "BEGIN");
    rm_sql_script_stmt(out, step, sb, RM_STMT_TXN_CONTROL);
    rm_sb_puts(sb, "CREATE TYPE ");
    rm_dialect_qualified(self, sb, e->schema, tmp_new);
    rm_sb_puts(sb, " AS ENUM (");
    enum_values(self, sb, e);
    rm_sb_putc(sb, ')');
    rm_sql_script_stmt(out, step, sb, 0);
    /* The columns that have the type now (in the old schema). One that keeps it goes to E_new;
     * one on its way out (table or column dropped, type changed) goes to text, which always
     * works and which the later ALTER TABLE converts from. Columns that only get the type later
     * are created with the final name and are none of this step's business. */
    const rm_sqlschema *from = diff->from, *to = diff->to;
    const rm_sql_enum *fe = c->u.enm.from;
    for (int phase = 0; phase < 3; phase++) {
        if (phase == 2) {
            rm_sb_puts(sb, "ALTER TYPE ");
            rm_dialect_qualified(self, sb, e->schema, e->name);
            rm_sb_puts(sb, " RENAME TO ");
            rm_dialect_ident(self, sb, tmp_old);
            rm_sql_script_stmt(out, step, sb, 0);
            rm_sb_puts(sb, "ALTER TYPE ");
            rm_dialect_qualified(self, sb, e->schema, tmp_new);
            rm_sb_puts(sb, " RENAME TO ");
            rm_dialect_ident(self, sb, e->name);
            rm_sql_script_stmt(out, step, sb, 0);
            rm_sb_puts(sb, "DROP TYPE ");
            rm_dialect_qualified(self, sb, e->schema, tmp_old);
            rm_sql_script_stmt(out, step, sb, 0);
        }
        for (size_t ti = 0; ti < from->ntables; ti++) {
            const rm_sql_table *ft = from->tables[ti];
            const rm_sql_table *tt = rm_sqlschema_find_table(to, ft->schema, ft->name);
            for (size_t ci = 0; ci < ft->ncols; ci++) {
                const rm_sql_column *fc = &ft->cols[ci];
                if (!column_uses_enum(fc, fe))
                    continue;
                const rm_sql_column *tc = tt ? rm_sql_table_find_column(tt, fc->name) : NULL;
                bool staying = tc && column_uses_enum(tc, e) && tc->type.array == fc->type.array;
                const char *arr = fc->type.array ? "[]" : "";
                if (phase == 0 && fc->def.kind == RM_SQL_DEFAULT_NONE)
                    continue;
                if (phase == 2) {
                    /* Defaults back: the new one for a staying column, the old one as text for
                     * a leaving one (the later ALTER TABLE sets what it needs). */
                    const rm_sql_column *dc = staying ? tc : fc;
                    rm_sb def = RM_SB_INIT;
                    self->render_default(self, &def, dc);
                    bool has = def.len > 0;
                    if (has) {
                        rm_sb_puts(sb, "ALTER TABLE ");
                        table_name(self, sb, ft);
                        rm_sb_puts(sb, " ALTER COLUMN ");
                        rm_dialect_ident(self, sb, fc->name);
                        rm_sb_puts(sb, " SET DEFAULT ");
                        rm_sb_append(sb, rm_sb_str(&def), def.len);
                        rm_sql_script_stmt(out, step, sb, 0);
                    }
                    rm_sb_free(&def);
                    continue;
                }
                rm_sb_puts(sb, "ALTER TABLE ");
                table_name(self, sb, ft);
                rm_sb_puts(sb, " ALTER COLUMN ");
                rm_dialect_ident(self, sb, fc->name);
                if (phase == 0) {
                    rm_sb_puts(sb, " DROP DEFAULT");
                } else if (staying) {
                    rm_sb_puts(sb, " TYPE ");
                    rm_dialect_qualified(self, sb, e->schema, tmp_new);
                    rm_sb_appendf(sb, "%s USING (", arr);
                    rm_dialect_ident(self, sb, fc->name);
                    rm_sb_appendf(sb, "::text%s::", arr);
                    rm_dialect_qualified(self, sb, e->schema, tmp_new);
                    rm_sb_appendf(sb, "%s)", arr);
                } else {
                    rm_sb_appendf(sb, " TYPE TEXT%s USING (", arr);
                    rm_dialect_ident(self, sb, fc->name);
                    rm_sb_appendf(sb, "::text%s)", arr);
                }
                rm_sql_script_stmt(out, step, sb, 0);
            }
        }
    }
    rm_sb_puts(sb, "COMMIT");
    rm_sql_script_stmt(out, step, sb, RM_STMT_TXN_CONTROL);
}

static int pg_emit(const rm_dialect *self, rm_sql_script *out, const rm_diff *diff,
                   const rm_change *g, size_t n, rm_diags *d)
{
    rm_sb sb = rm_dialect_emit_start(out);
    const rm_change *c = &g[0];
    rm_sql_step *step;
    int rc = RM_OK;
    switch (c->kind) {
    case RM_CHANGE_CREATE_SCHEMA:
        step = rm_sql_script_step(out, "CreateSchema");
        rm_sb_puts(&sb, "CREATE SCHEMA IF NOT EXISTS ");
        rm_dialect_ident(self, &sb, c->u.schema);
        rm_sql_script_stmt(out, step, &sb, 0);
        break;
    case RM_CHANGE_CREATE_ENUM:
        step = rm_sql_script_step(out, "CreateEnum");
        rm_sb_puts(&sb, "CREATE TYPE ");
        rm_dialect_qualified(self, &sb, c->u.enm.to->schema, c->u.enm.to->name);
        rm_sb_puts(&sb, " AS ENUM (");
        enum_values(self, &sb, c->u.enm.to);
        rm_sb_putc(&sb, ')');
        rm_sql_script_stmt(out, step, &sb, 0);
        break;
    case RM_CHANGE_ALTER_ENUM:
        alter_enum(self, out, diff, c, &sb);
        break;
    case RM_CHANGE_DROP_ENUM:
        step = rm_sql_script_step(out, "DropEnum");
        rm_sb_puts(&sb, "DROP TYPE ");
        rm_dialect_qualified(self, &sb, c->u.enm.from->schema, c->u.enm.from->name);
        rm_sql_script_stmt(out, step, &sb, 0);
        break;
    case RM_CHANGE_DROP_FK:
        step = rm_sql_script_step(out, "DropForeignKey");
        rm_sb_puts(&sb, "ALTER TABLE ");
        table_name(self, &sb, c->from_table);
        rm_sb_puts(&sb, " DROP CONSTRAINT ");
        rm_dialect_ident(self, &sb, c->u.fk->name ? c->u.fk->name : "");
        rm_sql_script_stmt(out, step, &sb, 0);
        break;
    case RM_CHANGE_DROP_INDEX:
        step = rm_sql_script_step(out, "DropIndex");
        if (c->u.index->kind == RM_SQL_INDEX_UNIQUE_CONSTRAINT) {
            rm_sb_puts(&sb, "ALTER TABLE ");
            table_name(self, &sb, c->from_table);
            rm_sb_puts(&sb, " DROP CONSTRAINT ");
            rm_dialect_ident(self, &sb, c->u.index->name);
        } else {
            rm_sb_puts(&sb, "DROP INDEX ");
            rm_dialect_qualified(self, &sb, c->from_table->schema, c->u.index->name);
        }
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
        table_name(self, &sb, c->from_table);
        rm_sql_script_stmt(out, step, &sb, 0);
        break;
    case RM_CHANGE_CREATE_TABLE:
        step = rm_sql_script_step(out, "CreateTable");
        create_table(self, &sb, c->to_table);
        rm_sql_script_stmt(out, step, &sb, 0);
        break;
    case RM_CHANGE_CREATE_INDEX:
        step = rm_sql_script_step(out, "CreateIndex");
        create_index(self, &sb, c->to_table, c->u.index);
        rm_sql_script_stmt(out, step, &sb, 0);
        break;
    case RM_CHANGE_ADD_FK:
        step = rm_sql_script_step(out, "AddForeignKey");
        add_fk(self, &sb, c->to_table, c->u.fk);
        rm_sql_script_stmt(out, step, &sb, 0);
        break;
    case RM_CHANGE_RENAME_INDEX:
        step = rm_sql_script_step(out, "RenameIndex");
        rm_sb_puts(&sb, "ALTER INDEX ");
        rm_dialect_qualified(self, &sb, c->to_table->schema, c->u.rename_index.from->name);
        rm_sb_puts(&sb, " RENAME TO ");
        rm_dialect_ident(self, &sb, c->u.rename_index.to->name);
        rm_sql_script_stmt(out, step, &sb, 0);
        break;
    case RM_CHANGE_RENAME_FK:
        step = rm_sql_script_step(out, "RenameForeignKey");
        rm_sb_puts(&sb, "ALTER TABLE ");
        table_name(self, &sb, c->to_table);
        rm_sb_puts(&sb, " RENAME CONSTRAINT ");
        rm_dialect_ident(self, &sb, c->u.rename_fk.from->name);
        rm_sb_puts(&sb, " TO ");
        rm_dialect_ident(self, &sb, c->u.rename_fk.to->name);
        rm_sql_script_stmt(out, step, &sb, 0);
        break;
    case RM_CHANGE_REDEFINE_TABLE:
        /* The differ only plans redefinitions for dialects without ALTER capabilities. */
        rm_diag_error(d, RM_E_DIFF_CANNOT_EMIT, RM_LOC_NONE,
                      "the postgresql emitter cannot redefine table `%s`", c->to_table->name);
        rc = RM_EUNSUPPORTED;
        break;
    }
    return rm_dialect_emit_finish(out, &sb, rc, d);
}

const rm_dialect rm_dialect_postgres = {
    .name = "postgresql",
    .caps = RM_CAP_TRANSACTIONAL_DDL | RM_CAP_ALTER_COLUMN | RM_CAP_DROP_COLUMN |
            RM_CAP_ADD_FK_LATER | RM_CAP_ALTER_PK | RM_CAP_ENUM_TYPES | RM_CAP_SCHEMAS |
            RM_CAP_ADD_COLUMN_ANY | RM_CAP_SCALAR_LISTS | RM_CAP_NAMED_PK | RM_CAP_JOIN_TABLE_PK |
            RM_CAP_RENAME_INDEX | RM_CAP_RENAME_FK,
    .max_ident_len = 63,
    .quote_ident = pg_quote_ident,
    .quote_literal = pg_quote_literal,
    .scalar_type = pg_scalar_type,
    .render_type = pg_render_type,
    .render_default = pg_render_default,
    .can_cast = pg_can_cast,
    .emit = pg_emit,
};
