/*
 * Renderers of a change list: the migration script (grouping changes into steps and handing
 * each group to the dialect's emit) and the JSON form for tools. Not for SQL spelling: that
 * is entirely the dialect's.
 */
#include "diff/diff.h"

#include <string.h>

int rm_diff_to_script(rm_sql_script *out, const rm_diff *diff, rm_arena *a, rm_diags *diags)
{
    rm_sql_script_init(out, a);
    int rc = RM_OK;
    for (size_t i = 0; i < diff->n; i++)
        for (size_t k = 0; k < diff->items[i].nwarnings; k++)
            rm_sql_script_warning(out, diff->items[i].warnings[k]);
    for (size_t i = 0; i < diff->n;) {
        size_t end = rm_diff_group_end(diff, i);
        int r = diff->dialect->emit(diff->dialect, out, diff, &diff->items[i], end - i, diags);
        if (r != RM_OK && rc == RM_OK)
            rc = r;
        i = end;
    }
    return rc;
}

int rm_diff_render_sql(rm_sb *sb, const rm_diff *diff, bool warnings, rm_diags *diags)
{
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_sql_script script;
    int rc = rm_diff_to_script(&script, diff, &a, diags);
    if (rc == RM_OK)
        rm_sql_script_render(sb, &script, warnings);
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
