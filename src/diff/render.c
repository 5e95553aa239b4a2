/*
 * Renderers of a change list: the migration script (grouping changes into steps and handing
 * each group to the dialect's emit) and the JSON form for tools. Not for SQL spelling: that
 * is entirely the dialect's.
 */
#include "diff/diff.h"

#include <stdlib.h>
#include <string.h>

static void add_warnings(rm_sql_script *out, const rm_diff *diff)
{
    for (size_t i = 0; i < diff->n; i++)
        for (size_t k = 0; k < diff->items[i].nwarnings; k++)
            rm_sql_script_warning(out, diff->items[i].warnings[k]);
}

static int emit_all(rm_sql_script *out, const rm_diff *diff, rm_diags *diags)
{
    int rc = RM_OK;
    for (size_t i = 0; i < diff->n;) {
        size_t end = rm_diff_group_end(diff, i);
        int r = diff->dialect->emit(diff->dialect, out, diff, &diff->items[i], end - i, diags);
        if (r != RM_OK && rc == RM_OK)
            rc = r;
        i = end;
    }
    return rc;
}

int rm_diff_to_script(rm_sql_script *out, const rm_diff *diff, rm_arena *a, rm_diags *diags)
{
    rm_sql_script_init(out, a);
    add_warnings(out, diff);
    int rc = emit_all(out, diff, diags);
    rm_sql_script_done(out);
    return rc;
}

/* The script is streamed into sb rather than kept and then rendered: the same text (see
 * rm_sql_script_stream) without a copy of every statement. On failure sb is put back as it
 * was, as if nothing had been rendered. */
int rm_diff_render_sql(rm_sb *sb, const rm_diff *diff, bool warnings, rm_diags *diags)
{
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_sql_script script;
    rm_sql_script_init(&script, &a);
    add_warnings(&script, diff);
    size_t start = sb->len;
    int err = sb->err;
    rm_sql_script_stream(&script, sb, warnings);
    int rc = emit_all(&script, diff, diags);
    rm_sql_script_done(&script);
    if (rc != RM_OK) {
        rm_sb_truncate(sb, start);
        sb->err = err;
    }
    rm_arena_free(&a);
    return rc;
}

static void json_key(rm_sb *sb, const char *key, const char *value)
{
    rm_sb_putc(sb, ',');
    rm_sb_json_string(sb, key, strlen(key));
    rm_sb_putc(sb, ':');
    if (value)
        rm_sb_json_string(sb, value, strlen(value));
    else
        rm_sb_puts(sb, "null");
}

static void json_strings(rm_sb *sb, const char *key, const char *const *v, size_t n)
{
    rm_sb_appendf(sb, ",\"%s\":[", key);
    for (size_t i = 0; i < n; i++) {
        if (i)
            rm_sb_putc(sb, ',');
        rm_sb_json_string(sb, v[i], strlen(v[i]));
    }
    rm_sb_putc(sb, ']');
}

void rm_diff_render_json(rm_sb *sb, const rm_diff *diff)
{
    rm_sb_puts(sb, "{\"changes\":[");
    for (size_t i = 0; i < diff->n; i++) {
        const rm_change *c = &diff->items[i];
        const rm_sql_table *t = c->to_table ? c->to_table : c->from_table;
        if (i)
            rm_sb_putc(sb, ',');
        rm_sb_puts(sb, "{\"kind\":");
        const char *kind = rm_change_kind_name(c->kind);
        rm_sb_json_string(sb, kind, strlen(kind));
        switch (c->kind) {
        case RM_CHANGE_CREATE_SCHEMA:
            json_key(sb, "schema", c->u.schema);
            break;
        case RM_CHANGE_CREATE_ENUM:
        case RM_CHANGE_ALTER_ENUM:
        case RM_CHANGE_DROP_ENUM: {
            const rm_sql_enum *e = c->u.enm.to ? c->u.enm.to : c->u.enm.from;
            json_key(sb, "enum", e->name);
            if (c->kind == RM_CHANGE_ALTER_ENUM) {
                json_strings(sb, "added", c->u.enm.added, c->u.enm.nadded);
                json_strings(sb, "removed", c->u.enm.removed, c->u.enm.nremoved);
            }
            break;
        }
        default:
            json_key(sb, "table", t ? t->name : NULL);
            break;
        }
        switch (c->kind) {
        case RM_CHANGE_DROP_COLUMN:
            json_key(sb, "column", c->u.column.from->name);
            break;
        case RM_CHANGE_ADD_COLUMN:
            json_key(sb, "column", c->u.column.to->name);
            break;
        case RM_CHANGE_ALTER_COLUMN: {
            json_key(sb, "column", c->u.column.to->name);
            const char *what[4];
            size_t n = 0;
            if (c->u.column.what & RM_ALTER_TYPE)
                what[n++] = "type";
            if (c->u.column.what & RM_ALTER_NULLABILITY)
                what[n++] = "nullability";
            if (c->u.column.what & RM_ALTER_DEFAULT)
                what[n++] = "default";
            if (c->u.column.what & RM_ALTER_AUTOINCREMENT)
                what[n++] = "autoincrement";
            json_strings(sb, "alter", what, n);
            break;
        }
        case RM_CHANGE_DROP_INDEX:
        case RM_CHANGE_CREATE_INDEX:
            json_key(sb, "index", c->u.index->name);
            break;
        case RM_CHANGE_DROP_FK:
        case RM_CHANGE_ADD_FK:
            json_key(sb, "foreign_key", c->u.fk->name);
            break;
        case RM_CHANGE_RENAME_INDEX:
            json_key(sb, "index", c->u.rename_index.to->name);
            json_key(sb, "from", c->u.rename_index.from->name);
            break;
        case RM_CHANGE_RENAME_FK:
            json_key(sb, "foreign_key", c->u.rename_fk.to->name);
            json_key(sb, "from", c->u.rename_fk.from->name);
            break;
        default:
            break;
        }
        json_strings(sb, "warnings", c->warnings, c->nwarnings);
        rm_sb_putc(sb, '}');
    }
    rm_sb_puts(sb, "]}");
}

/* ---- human summary ------------------------------------------------------------------------ */

/* Section kinds, in the order Prisma prints them. */
enum {
    SUM_ADDED_SCHEMA,
    SUM_ADDED_ENUM,
    SUM_ADDED_TABLE,
    SUM_REMOVED_ENUM,
    SUM_REMOVED_TABLE,
    SUM_REDEFINED_TABLE,
    SUM_CHANGED_ENUM,
    SUM_CHANGED_TABLE
};

typedef struct sum_item {
    int section;
    const char *name; /* "" for the list sections */
    size_t change;    /* index in the diff */
} sum_item;

static int cmp_sum_item(const void *pa, const void *pb)
{
    const sum_item *a = pa, *b = pb;
    if (a->section != b->section)
        return a->section - b->section;
    int c = strcmp(a->name, b->name);
    if (c)
        return c;
    return a->change < b->change ? -1 : a->change > b->change;
}

static const char *table_of(const rm_change *c, bool previous)
{
    const rm_sql_table *t = previous ? (c->from_table ? c->from_table : c->to_table)
                                     : (c->to_table ? c->to_table : c->from_table);
    return t ? t->name : "";
}

static sum_item sum_item_of(const rm_diff *diff, size_t i)
{
    const rm_change *c = &diff->items[i];
    sum_item it = {SUM_CHANGED_TABLE, "", i};
    switch (c->kind) {
    case RM_CHANGE_CREATE_SCHEMA:
        it.section = SUM_ADDED_SCHEMA;
        break;
    case RM_CHANGE_CREATE_ENUM:
        it.section = SUM_ADDED_ENUM;
        break;
    case RM_CHANGE_ALTER_ENUM:
        it.section = SUM_CHANGED_ENUM;
        it.name = c->u.enm.from->name;
        break;
    case RM_CHANGE_DROP_ENUM:
        it.section = SUM_REMOVED_ENUM;
        break;
    case RM_CHANGE_DROP_TABLE:
        it.section = SUM_REMOVED_TABLE;
        break;
    case RM_CHANGE_CREATE_TABLE:
        it.section = SUM_ADDED_TABLE;
        break;
    case RM_CHANGE_REDEFINE_TABLE:
        it.section = SUM_REDEFINED_TABLE;
        it.name = table_of(c, true);
        break;
    case RM_CHANGE_CREATE_INDEX:
    case RM_CHANGE_ADD_FK:
    case RM_CHANGE_RENAME_FK:
        it.name = table_of(c, false);
        break;
    default: /* drops, ALTER TABLE, index renames: named as the table was */
        it.name = table_of(c, true);
        break;
    }
    return it;
}

static void sum_columns(rm_sb *sb, const rm_sql_index_col *cols, size_t n)
{
    rm_sb_putc(sb, '(');
    for (size_t i = 0; i < n; i++)
        rm_sb_appendf(sb, "%s%s", i ? ", " : "", cols[i].name);
    rm_sb_putc(sb, ')');
}

static void sum_names(rm_sb *sb, const char *const *names, size_t n)
{
    rm_sb_putc(sb, '(');
    for (size_t i = 0; i < n; i++)
        rm_sb_appendf(sb, "%s%s", i ? ", " : "", names[i]);
    rm_sb_putc(sb, ')');
}

/* Prisma prints column defaults with Rust's Debug format of its default kinds. */
static void sum_default(rm_sb *sb, const rm_sql_column *c)
{
    const rm_sql_default *d = &c->def;
    const char *t = d->text ? d->text : "";
    switch (d->kind) {
    case RM_SQL_DEFAULT_NONE:
    case RM_SQL_DEFAULT_AUTOINCREMENT:
        rm_sb_puts(sb, "None");
        break;
    case RM_SQL_DEFAULT_NOW:
        rm_sb_puts(sb, "Some(Now)");
        break;
    case RM_SQL_DEFAULT_STRING:
        rm_sb_appendf(sb, "Some(Value(String(\"%s\")))", t);
        break;
    case RM_SQL_DEFAULT_ENUM:
        rm_sb_appendf(sb, "Some(Value(Enum(\"%s\")))", t);
        break;
    case RM_SQL_DEFAULT_BOOLEAN:
        rm_sb_appendf(sb, "Some(Value(Boolean(%s)))", t);
        break;
    case RM_SQL_DEFAULT_NUMBER:
        if (strpbrk(t, ".eE"))
            rm_sb_appendf(sb, "Some(Value(Float(BigDecimal(\"%s\"))))", t);
        else
            rm_sb_appendf(sb, "Some(Value(Int(%s)))", t);
        break;
    case RM_SQL_DEFAULT_SEQUENCE:
        rm_sb_appendf(sb, "Some(Sequence(\"%s\"))", t);
        break;
    case RM_SQL_DEFAULT_DBGENERATED:
    case RM_SQL_DEFAULT_EXPRESSION:
        rm_sb_appendf(sb, "Some(DbGenerated(Some(\"%s\")))", t);
        break;
    }
}

static const char *arity(const rm_sql_column *c)
{
    return c->type.array ? "List" : c->nullable ? "Nullable" : "Required";
}

static void sum_line(rm_sb *sb, const rm_change *c)
{
    switch (c->kind) {
    case RM_CHANGE_CREATE_SCHEMA:
        rm_sb_appendf(sb, "  - %s\n", c->u.schema);
        break;
    case RM_CHANGE_CREATE_ENUM:
        rm_sb_appendf(sb, "  - %s\n", c->u.enm.to->name);
        break;
    case RM_CHANGE_DROP_ENUM:
        rm_sb_appendf(sb, "  - %s\n", c->u.enm.from->name);
        break;
    case RM_CHANGE_ALTER_ENUM:
        for (size_t i = 0; i < c->u.enm.nadded; i++)
            rm_sb_appendf(sb, "  [+] Added variant `%s`\n", c->u.enm.added[i]);
        for (size_t i = 0; i < c->u.enm.nremoved; i++)
            rm_sb_appendf(sb, "  [-] Removed variant `%s`\n", c->u.enm.removed[i]);
        break;
    case RM_CHANGE_CREATE_TABLE:
        rm_sb_appendf(sb, "  - %s\n", c->to_table->name);
        break;
    case RM_CHANGE_DROP_TABLE:
        rm_sb_appendf(sb, "  - %s\n", c->from_table->name);
        break;
    case RM_CHANGE_REDEFINE_TABLE:
        break;
    case RM_CHANGE_DROP_FK:
        rm_sb_puts(sb, "  [-] Removed foreign key on columns ");
        sum_names(sb, c->u.fk->cols, c->u.fk->ncols);
        rm_sb_putc(sb, '\n');
        break;
    case RM_CHANGE_ADD_FK:
        rm_sb_puts(sb, "  [+] Added foreign key on columns ");
        sum_names(sb, c->u.fk->cols, c->u.fk->ncols);
        rm_sb_putc(sb, '\n');
        break;
    case RM_CHANGE_DROP_INDEX:
    case RM_CHANGE_CREATE_INDEX:
        rm_sb_puts(sb, c->kind == RM_CHANGE_DROP_INDEX ? "  [-] Removed " : "  [+] Added ");
        if (c->u.index->kind != RM_SQL_INDEX_NORMAL)
            rm_sb_puts(sb, "unique ");
        rm_sb_puts(sb, "index on columns ");
        sum_columns(sb, c->u.index->cols, c->u.index->ncols);
        rm_sb_putc(sb, '\n');
        break;
    case RM_CHANGE_RENAME_INDEX:
        rm_sb_appendf(sb, "  [*] Renamed index `%s` to `%s`\n", c->u.rename_index.from->name,
                      c->u.rename_index.to->name);
        break;
    case RM_CHANGE_RENAME_FK:
        rm_sb_appendf(sb, "  [*] Renamed the foreign key \"%s\" to \"%s\"\n",
                      c->u.rename_fk.from->name, c->u.rename_fk.to->name);
        break;
    case RM_CHANGE_DROP_PK:
        rm_sb_puts(sb, "  [-] Dropped the primary key on columns ");
        sum_columns(sb, c->from_table->pk.cols, c->from_table->pk.ncols);
        rm_sb_putc(sb, '\n');
        break;
    case RM_CHANGE_ADD_PK:
        rm_sb_puts(sb, "  [+] Added primary key on columns ");
        sum_columns(sb, c->to_table->pk.cols, c->to_table->pk.ncols);
        rm_sb_putc(sb, '\n');
        break;
    case RM_CHANGE_DROP_COLUMN:
        rm_sb_appendf(sb, "  [-] Removed column `%s`\n", c->u.column.from->name);
        break;
    case RM_CHANGE_ADD_COLUMN:
        rm_sb_appendf(sb, "  [+] Added column `%s`\n", c->u.column.to->name);
        break;
    case RM_CHANGE_ALTER_COLUMN: {
        const rm_sql_column *f = c->u.column.from, *t = c->u.column.to;
        unsigned what = c->u.column.what;
        const char *sep = "";
        rm_sb_appendf(sb, "  [*] Altered column `%s` (", t->name);
        if (what & RM_ALTER_NULLABILITY) {
            rm_sb_appendf(sb, "arity changed from %s to %s", arity(f), arity(t));
            sep = ", ";
        }
        if (what & RM_ALTER_DEFAULT) {
            rm_sb_appendf(sb, "%sdefault changed from `", sep);
            sum_default(sb, f);
            rm_sb_puts(sb, "` to `");
            sum_default(sb, t);
            rm_sb_putc(sb, '`');
            sep = ", ";
        }
        if (what & RM_ALTER_TYPE) {
            rm_sb_appendf(sb, "%stype changed", sep);
            sep = ", ";
        }
        if (what & RM_ALTER_AUTOINCREMENT)
            rm_sb_appendf(sb, "%ssequence changed", sep);
        rm_sb_puts(sb, ")\n");
        break;
    }
    }
}

void rm_diff_render_summary(rm_sb *sb, const rm_diff *diff)
{
    if (diff->n == 0) {
        rm_sb_puts(sb, "No difference detected.\n");
        return;
    }
    sum_item *items = rm_xmalloc(diff->n * sizeof(*items));
    for (size_t i = 0; i < diff->n; i++)
        items[i] = sum_item_of(diff, i);
    qsort(items, diff->n, sizeof(*items), cmp_sum_item);
    static const char *const headers[] = {
        "[+] Added Schemas",         "[+] Added enums",           "[+] Added tables",
        "[-] Removed enums",         "[-] Removed tables",        "[*] Redefined table `%s`",
        "[*] Changed the `%s` enum", "[*] Changed the `%s` table"};
    for (size_t i = 0; i < diff->n; i++) {
        const sum_item *it = &items[i];
        if (i == 0 || it->section != items[i - 1].section ||
            strcmp(it->name, items[i - 1].name) != 0) {
            rm_sb_putc(sb, '\n');
            const char *h = headers[it->section];
            const char *pct = strstr(h, "%s");
            if (pct) {
                rm_sb_append(sb, h, (size_t)(pct - h));
                rm_sb_puts(sb, it->name);
                rm_sb_puts(sb, pct + 2);
            } else {
                rm_sb_puts(sb, h);
            }
            rm_sb_putc(sb, '\n');
        }
        sum_line(sb, &diff->items[it->change]);
    }
    free(items);
}
