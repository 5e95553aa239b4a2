/*
 * sqlschema x sqlschema -> ordered change list with safety warnings (see diff.h for the order
 * and its reasons). Matching is by name: tables by (schema, name), columns, indexes and foreign
 * keys by name within their table, enums by (schema, name). Not for SQL text: the dialects
 * render every change.
 */
#include "diff/diff.h"

#include <stdlib.h>
#include <string.h>

typedef struct differ {
    rm_diff *out;
    const rm_dialect *d;
    rm_arena *a;
    uint32_t seq;
} differ;

bool rm_change_is_alter(rm_change_kind k)
{
    return k >= RM_CHANGE_DROP_PK && k <= RM_CHANGE_ADD_PK;
}

const char *rm_change_kind_name(rm_change_kind k)
{
    static const char *const names[] = {"create_schema",      "create_enum",     "alter_enum",
                                        "drop_foreign_key",   "drop_index",      "drop_primary_key",
                                        "drop_column",        "add_column",      "alter_column",
                                        "add_primary_key",    "drop_table",      "drop_enum",
                                        "create_table",       "redefine_table",  "create_index",
                                        "rename_foreign_key", "add_foreign_key", "rename_index"};
    return (size_t)k < RM_ARRAY_LEN(names) ? names[k] : "unknown";
}

static rm_change *push(differ *df, rm_change_kind kind, const rm_sql_table *from,
                       const rm_sql_table *to, uint32_t obj_pos)
{
    rm_change c;
    memset(&c, 0, sizeof(c));
    c.kind = kind;
    c.from_table = from;
    c.to_table = to;
    /* Drops are positioned in the old schema, everything else in the new one. */
    c.table_pos = to ? to->pos : (from ? from->pos : 0);
    c.obj_pos = obj_pos;
    RM_VEC_PUSH(df->a, df->out->items, df->out->n, df->out->cap, c);
    return &df->out->items[df->out->n - 1];
}

static void warn(differ *df, rm_change *c, const char *text)
{
    const char **w = RM_NEW_ARRAY(df->a, const char *, c->nwarnings + 1);
    if (c->nwarnings)
        memcpy(w, c->warnings, c->nwarnings * sizeof(*w));
    w[c->nwarnings++] = text;
    c->warnings = w;
}

static void render_type(differ *df, rm_sb *sb, const rm_sql_column *c)
{
    /* Without autoincrement, so PostgreSQL shows INTEGER rather than SERIAL. */
    rm_sql_column tmp = *c;
    tmp.autoincrement = false;
    df->d->render_type(df->d, sb, &tmp);
}

/* ---- enums ---------------------------------------------------------------------------- */

static bool has_value(const rm_sql_enum *e, const char *v)
{
    for (size_t i = 0; i < e->nvalues; i++)
        if (strcmp(e->values[i], v) == 0)
            return true;
    return false;
}

static void diff_enums(differ *df, const rm_sqlschema *from, const rm_sqlschema *to)
{
    for (size_t i = 0; i < to->nenums; i++) {
        const rm_sql_enum *te = to->enums[i];
        const rm_sql_enum *fe = rm_sqlschema_find_enum(from, te->schema, te->name);
        if (!fe) {
            rm_change *c = push(df, RM_CHANGE_CREATE_ENUM, NULL, NULL, 0);
            c->u.enm.to = te;
            c->table_pos = te->pos;
            continue;
        }
        const char **added = RM_NEW_ARRAY(df->a, const char *, te->nvalues + 1);
        const char **removed = RM_NEW_ARRAY(df->a, const char *, fe->nvalues + 1);
        size_t nadded = 0, nremoved = 0;
        for (size_t k = 0; k < te->nvalues; k++)
            if (!has_value(fe, te->values[k]))
                added[nadded++] = te->values[k];
        for (size_t k = 0; k < fe->nvalues; k++)
            if (!has_value(te, fe->values[k]))
                removed[nremoved++] = fe->values[k];
        /* A pure reordering is ignored, as Prisma does: PostgreSQL cannot reorder values
         * without recreating the type, and the order only affects sorting. */
        if (!nadded && !nremoved)
            continue;
        rm_change *c = push(df, RM_CHANGE_ALTER_ENUM, NULL, NULL, 0);
        c->table_pos = te->pos;
        c->u.enm.from = fe;
        c->u.enm.to = te;
        c->u.enm.added = added;
        c->u.enm.nadded = nadded;
        c->u.enm.removed = removed;
        c->u.enm.nremoved = nremoved;
        if (nremoved) {
            rm_sb sb = RM_SB_INIT;
            for (size_t k = 0; k < nremoved; k++)
                rm_sb_appendf(&sb, "%s%s", k ? "," : "", removed[k]);
            warn(df, c,
                 rm_arena_sprintf(df->a,
                                  "The values [%s] on the enum `%s` will be removed. If these "
                                  "variants are still used in the database, this will fail.",
                                  rm_sb_str(&sb), te->name));
            rm_sb_free(&sb);
        }
    }
    for (size_t i = 0; i < from->nenums; i++) {
        const rm_sql_enum *fe = from->enums[i];
        if (rm_sqlschema_find_enum(to, fe->schema, fe->name))
            continue;
        rm_change *c = push(df, RM_CHANGE_DROP_ENUM, NULL, NULL, 0);
        c->u.enm.from = fe;
        c->table_pos = fe->pos;
    }
}

/* ---- columns -------------------------------------------------------------------------- */

static bool is_unbounded_text(const rm_sql_type *t)
{
    return (t->family == RM_TYPE_STRING || t->family == RM_TYPE_BYTES) && t->nargs == 0;
}

/* Could converting from -> to lose or reject data? Deliberately conservative: only changes
 * known to widen are quiet. */
static bool type_narrows(const rm_sql_type *from, const rm_sql_type *to)
{
    if (from->family != to->family) {
        if (from->family == RM_TYPE_INT &&
            (to->family == RM_TYPE_BIGINT || to->family == RM_TYPE_DECIMAL))
            return false;
        if (to->family == RM_TYPE_STRING && is_unbounded_text(to) &&
            from->family != RM_TYPE_BYTES && from->family != RM_TYPE_JSON)
            return false;
        return true;
    }
    if (from->array != to->array)
        return true;
    if (from->family == RM_TYPE_ENUM) {
        if (to->values || from->values) {
            for (size_t i = 0; i < from->nvalues; i++) {
                bool found = false;
                for (size_t k = 0; k < to->nvalues && !found; k++)
                    found = strcmp(from->values[i], to->values[k]) == 0;
                if (!found)
                    return true;
            }
            return false;
        }
        return !rm_sql_type_equal(from, to);
    }
    rm_sql_type fname = *from, tname = *to;
    fname.nargs = tname.nargs = 0;
    bool same_name = rm_sql_type_equal(&fname, &tname);
    if (is_unbounded_text(to) && !same_name)
        return false;
    if (!same_name)
        return true;
    if (to->nargs == 0)
        return false;
    if (from->nargs == 0)
        return true;
    for (size_t i = 0; i < to->nargs && i < from->nargs; i++)
        if (to->args[i] < from->args[i])
            return true;
    return false;
}

static bool has_default(const rm_sql_column *c)
{
    return c->def.kind != RM_SQL_DEFAULT_NONE && c->def.kind != RM_SQL_DEFAULT_AUTOINCREMENT;
}

/* May SQLite's ALTER TABLE ADD COLUMN add this column? It refuses PRIMARY KEY columns, NOT
 * NULL without a default, and non-constant defaults (CURRENT_TIMESTAMP, expressions). */
static bool simple_add(const rm_sql_table *t, const rm_sql_column *c)
{
    if (c->autoincrement || rm_sql_table_pk_has(t, c->name))
        return false;
    switch (c->def.kind) {
    case RM_SQL_DEFAULT_NONE:
    case RM_SQL_DEFAULT_AUTOINCREMENT:
        return c->nullable;
    case RM_SQL_DEFAULT_STRING:
    case RM_SQL_DEFAULT_NUMBER:
    case RM_SQL_DEFAULT_BOOLEAN:
    case RM_SQL_DEFAULT_ENUM:
        return true;
    default:
        return false;
    }
}

static void diff_columns(differ *df, const rm_sql_table *ft, const rm_sql_table *tt, bool *redefine)
{
    unsigned caps = df->d->caps;
    for (size_t i = 0; i < ft->ncols; i++) {
        const rm_sql_column *fc = &ft->cols[i];
        if (rm_sql_table_find_column(tt, fc->name))
            continue;
        rm_change *c = push(df, RM_CHANGE_DROP_COLUMN, ft, tt, (uint32_t)i);
        c->u.column.from = fc;
        warn(df, c,
             rm_arena_sprintf(df->a,
                              "You are about to drop the column `%s` on the `%s` table. All the "
                              "data in the column will be lost.",
                              fc->name, tt->name));
        if (!(caps & RM_CAP_DROP_COLUMN))
            *redefine = true;
    }
    for (size_t i = 0; i < tt->ncols; i++) {
        const rm_sql_column *tc = &tt->cols[i];
        const rm_sql_column *fc = rm_sql_table_find_column(ft, tc->name);
        if (!fc) {
            rm_change *c = push(df, RM_CHANGE_ADD_COLUMN, ft, tt, (uint32_t)i);
            c->u.column.to = tc;
            if (!tc->nullable && !has_default(tc) && !tc->autoincrement)
                warn(df, c,
                     rm_arena_sprintf(df->a,
                                      "Added the required column `%s` to the `%s` table without "
                                      "a default value. This is not possible if the table is "
                                      "not empty.",
                                      tc->name, tt->name));
            if (!(caps & RM_CAP_ADD_COLUMN_ANY) && !simple_add(tt, tc))
                *redefine = true;
            continue;
        }
        unsigned what = 0;
        if (!rm_sql_type_equal(&fc->type, &tc->type))
            what |= RM_ALTER_TYPE;
        if (fc->nullable != tc->nullable)
            what |= RM_ALTER_NULLABILITY;
        if (!rm_sql_default_equal(&fc->def, &tc->def))
            what |= RM_ALTER_DEFAULT;
        if (fc->autoincrement != tc->autoincrement)
            what |= RM_ALTER_AUTOINCREMENT;
        if (!what)
            continue;
        if ((what & RM_ALTER_TYPE) && df->d->can_cast && !df->d->can_cast(&fc->type, &tc->type)) {
            /* No cast at all: drop the column and add it with its new type (Prisma's
             * DropAndRecreateColumn); its data is lost, which the warning says. */
            rm_sb a = RM_SB_INIT, b = RM_SB_INIT;
            render_type(df, &a, fc);
            render_type(df, &b, tc);
            rm_change *d = push(df, RM_CHANGE_DROP_COLUMN, ft, tt, (uint32_t)(fc - ft->cols));
            d->u.column.from = fc;
            warn(df, d,
                 rm_arena_sprintf(df->a,
                                  "Changed the type of `%s` on the `%s` table. No cast exists "
                                  "from `%s` to `%s`: the column will be dropped and recreated, "
                                  "and all the data in it will be lost.",
                                  tc->name, tt->name, rm_sb_str(&a), rm_sb_str(&b)));
            rm_sb_free(&a);
            rm_sb_free(&b);
            rm_change *add = push(df, RM_CHANGE_ADD_COLUMN, ft, tt, (uint32_t)i);
            add->u.column.to = tc;
            if (!tc->nullable && !has_default(tc) && !tc->autoincrement)
                warn(df, add,
                     rm_arena_sprintf(df->a,
                                      "Added the required column `%s` to the `%s` table without "
                                      "a default value. This is not possible if the table is "
                                      "not empty.",
                                      tc->name, tt->name));
            continue;
        }
        rm_change *c = push(df, RM_CHANGE_ALTER_COLUMN, ft, tt, (uint32_t)i);
        c->u.column.from = fc;
        c->u.column.to = tc;
        c->u.column.what = what;
        if ((what & RM_ALTER_TYPE) && type_narrows(&fc->type, &tc->type)) {
            rm_sb a = RM_SB_INIT, b = RM_SB_INIT;
            render_type(df, &a, fc);
            render_type(df, &b, tc);
            warn(df, c,
                 rm_arena_sprintf(df->a,
                                  "You are about to alter the column `%s` on the `%s` table. The "
                                  "data in that column will be cast from `%s` to `%s`. This cast "
                                  "may fail or lose data.",
                                  tc->name, tt->name, rm_sb_str(&a), rm_sb_str(&b)));
            rm_sb_free(&a);
            rm_sb_free(&b);
        }
        if ((what & RM_ALTER_NULLABILITY) && !tc->nullable)
            warn(df, c,
                 rm_arena_sprintf(df->a,
                                  "Made the column `%s` on table `%s` required. This will fail "
                                  "if the column contains NULL values.",
                                  tc->name, tt->name));
        if (!(caps & RM_CAP_ALTER_COLUMN))
            *redefine = true;
    }
}

/* ---- keys, indexes, foreign keys ------------------------------------------------------ */

/* Names count only where primary keys have their own (RM_CAP_NAMED_PK): MySQL calls every
 * one PRIMARY and SQLite none, so a lowered and an introspected key differ only in name. */
static bool pk_equal(const rm_sql_pk *a, const rm_sql_pk *b, bool names)
{
    if (a->ncols != b->ncols)
        return false;
    if (names &&
        ((a->name == NULL) != (b->name == NULL) || (a->name && strcmp(a->name, b->name) != 0)))
        return false;
    rm_sql_index x = {NULL, RM_SQL_INDEX_NORMAL, a->cols, a->ncols, NULL, NULL};
    rm_sql_index y = {NULL, RM_SQL_INDEX_NORMAL, b->cols, b->ncols, NULL, NULL};
    return rm_sql_index_equal(&x, &y);
}

static void diff_pk(differ *df, const rm_sql_table *ft, const rm_sql_table *tt, bool *redefine)
{
    if (pk_equal(&ft->pk, &tt->pk, (df->d->caps & RM_CAP_NAMED_PK) != 0))
        return;
    rm_change *c = NULL;
    if (ft->pk.ncols)
        c = push(df, RM_CHANGE_DROP_PK, ft, tt, 0);
    if (tt->pk.ncols) {
        rm_change *add = push(df, RM_CHANGE_ADD_PK, ft, tt, 0);
        if (!c)
            c = add;
    }
    if (c && ft->pk.ncols)
        warn(df, c,
             rm_arena_sprintf(df->a,
                              "The primary key for the `%s` table will be changed. If it "
                              "partially fails, the table could be left without primary key "
                              "constraint.",
                              tt->name));
    if (!(df->d->caps & RM_CAP_ALTER_PK))
        *redefine = true;
}

static void unique_warning(differ *df, rm_change *c, const rm_sql_table *t, const rm_sql_index *ix)
{
    rm_sb sb = RM_SB_INIT;
    for (size_t k = 0; k < ix->ncols; k++)
        rm_sb_appendf(&sb, "%s%s", k ? "," : "", ix->cols[k].name);
    warn(df, c,
         rm_arena_sprintf(df->a,
                          "A unique constraint covering the columns `[%s]` on the table `%s` "
                          "will be added. If there are existing duplicate values, this will fail.",
                          rm_sb_str(&sb), t->name));
    rm_sb_free(&sb);
}

/* Does an index on cols (leftmost first) serve a foreign key on fk's columns? MySQL needs one
 * for every foreign key and creates it itself when there is none. */
static bool covers(const rm_sql_index_col *cols, size_t ncols, const rm_sql_fk *fk)
{
    if (ncols < fk->ncols)
        return false;
    for (size_t i = 0; i < fk->ncols; i++)
        if (strcmp(cols[i].name, fk->cols[i]) != 0)
            return false;
    return true;
}

/* Is fk served by t's primary key or by an index of t other than skip? */
static bool fk_served(const rm_sql_table *t, const rm_sql_fk *fk, const rm_sql_index *skip)
{
    if (covers(t->pk.cols, t->pk.ncols, fk))
        return true;
    for (size_t i = 0; i < t->nindexes; i++)
        if (&t->indexes[i] != skip && covers(t->indexes[i].cols, t->indexes[i].ncols, fk))
            return true;
    return false;
}

static const rm_sql_fk *match_fk(const rm_sql_table *t, const rm_sql_fk *fk);

/* An index the database made for a foreign key by itself (MySQL): a normal index the target
 * does not have, covering a foreign key of the target that nothing else there serves. Dropping
 * it would fail, and introspection would otherwise report it as drift forever (prisma#27219). */
static bool implicit_fk_index(const rm_sql_index *fi, const rm_sql_table *tt)
{
    if (fi->kind != RM_SQL_INDEX_NORMAL || rm_sql_table_find_index(tt, fi->name))
        return false;
    for (size_t k = 0; k < tt->nfks; k++)
        if (covers(fi->cols, fi->ncols, &tt->fks[k]) && !fk_served(tt, &tt->fks[k], NULL))
            return true;
    return false;
}

/* Pair indexes that only changed their name (an @map or a new truncation): with
 * RM_CAP_RENAME_INDEX they become one rename instead of a drop and a create, which would
 * rebuild the index. pair[i] is the to-index for from-index i, or NULL. */
static const rm_sql_index **rename_pairs(differ *df, const rm_sql_table *ft, const rm_sql_table *tt)
{
    const rm_sql_index **pair = RM_NEW_ARRAY(df->a, const rm_sql_index *, ft->nindexes + 1);
    bool *taken = RM_NEW_ARRAY(df->a, bool, tt->nindexes + 1);
    if (!(df->d->caps & RM_CAP_RENAME_INDEX))
        return pair;
    for (size_t i = 0; i < ft->nindexes; i++) {
        const rm_sql_index *fi = &ft->indexes[i];
        if (rm_sql_table_find_index(tt, fi->name))
            continue;
        for (size_t k = 0; k < tt->nindexes && !pair[i]; k++) {
            const rm_sql_index *ti = &tt->indexes[k];
            if (!taken[k] && !rm_sql_table_find_index(ft, ti->name) && rm_sql_index_equal(fi, ti)) {
                pair[i] = ti;
                taken[k] = true;
            }
        }
    }
    return pair;
}

static bool is_paired(const rm_sql_index *const *pair, size_t n, const rm_sql_index *ti)
{
    for (size_t i = 0; i < n; i++)
        if (pair[i] == ti)
            return true;
    return false;
}

static void diff_indexes(differ *df, const rm_sql_table *ft, const rm_sql_table *tt)
{
    bool fk_needs_index = (df->d->caps & RM_CAP_FK_NEEDS_INDEX) != 0;
    bool *readded = RM_NEW_ARRAY(df->a, bool, ft->nfks + 1);
    const rm_sql_index **pair = rename_pairs(df, ft, tt);
    for (size_t i = 0; i < ft->nindexes; i++) {
        const rm_sql_index *fi = &ft->indexes[i];
        const rm_sql_index *ti = rm_sql_table_find_index(tt, fi->name);
        if (ti && rm_sql_index_equal(fi, ti))
            continue;
        if (pair[i]) {
            rm_change *c =
                push(df, RM_CHANGE_RENAME_INDEX, ft, tt, (uint32_t)(pair[i] - tt->indexes));
            c->u.rename_index.from = fi;
            c->u.rename_index.to = pair[i];
            continue;
        }
        if (fk_needs_index && implicit_fk_index(fi, tt))
            continue;
        rm_change *c = push(df, RM_CHANGE_DROP_INDEX, ft, NULL, (uint32_t)i);
        c->u.index = fi;
        if (!fk_needs_index)
            continue;
        /* MySQL refuses to drop the index an unchanged foreign key relies on: drop the key
         * first and add it back at the end (Prisma's DropForeignKey / DropIndex /
         * AddForeignKey). Changed keys are dropped and added by diff_fks anyway. */
        for (size_t k = 0; k < ft->nfks; k++) {
            const rm_sql_fk *ff = &ft->fks[k];
            const rm_sql_fk *tf = match_fk(tt, ff);
            if (readded[k] || !tf || !rm_sql_fk_equal(ff, tf) || !covers(fi->cols, fi->ncols, ff) ||
                fk_served(ft, ff, fi))
                continue;
            readded[k] = true;
            push(df, RM_CHANGE_DROP_FK, ft, NULL, (uint32_t)k)->u.fk = ff;
            push(df, RM_CHANGE_ADD_FK, ft, tt, (uint32_t)(tf - tt->fks))->u.fk = tf;
        }
    }
    for (size_t i = 0; i < tt->nindexes; i++) {
        const rm_sql_index *ti = &tt->indexes[i];
        const rm_sql_index *fi = rm_sql_table_find_index(ft, ti->name);
        if ((fi && rm_sql_index_equal(fi, ti)) || is_paired(pair, ft->nindexes, ti))
            continue;
        rm_change *c = push(df, RM_CHANGE_CREATE_INDEX, ft, tt, (uint32_t)i);
        c->u.index = ti;
        /* No warning when the same unique index existed under another name (a rename the
         * dialect cannot do in place): the data already satisfies it. */
        bool existed = false;
        for (size_t k = 0; k < ft->nindexes && !existed; k++)
            existed = rm_sql_index_equal(&ft->indexes[k], ti);
        if (ti->kind != RM_SQL_INDEX_NORMAL && !existed)
            unique_warning(df, c, tt, ti);
    }
}

/* Foreign keys match by name; unnamed ones (SQLite introspection) by definition. */
/* An unnamed key (SQLite introspection has no names) matches a key of either kind with the
 * same definition; a named key the other table lacks matches an unnamed one the same way. */
static const rm_sql_fk *match_fk(const rm_sql_table *t, const rm_sql_fk *fk)
{
    if (fk->name) {
        const rm_sql_fk *byname = rm_sql_table_find_fk(t, fk->name);
        if (byname)
            return byname;
    }
    for (size_t i = 0; i < t->nfks; i++)
        if ((!fk->name || !t->fks[i].name) && rm_sql_fk_equal(&t->fks[i], fk))
            return &t->fks[i];
    return NULL;
}

/* MySQL made an index named after a foreign key that no declared index served. When the key
 * goes and nothing in the target takes the index's place, drop that index too, or the database
 * keeps an index a fresh one from the target would not have. (An introspected schema lists the
 * index itself, which serves the key, so this does not fire twice.) */
static void drop_implicit_fk_index(differ *df, const rm_sql_table *ft, const rm_sql_table *tt,
                                   const rm_sql_fk *ff, uint32_t pos)
{
    if (!(df->d->caps & RM_CAP_FK_NEEDS_INDEX) || !ff->name || fk_served(ft, ff, NULL) ||
        rm_sql_table_find_index(tt, ff->name))
        return;
    for (size_t k = 0; k < tt->nfks; k++)
        if (tt->fks[k].ncols == ff->ncols) {
            bool same = true;
            for (size_t j = 0; j < ff->ncols && same; j++)
                same = strcmp(tt->fks[k].cols[j], ff->cols[j]) == 0;
            if (same)
                return; /* a key on the same columns keeps (or re-creates) the index */
        }
    rm_sql_index *ix = RM_NEW(df->a, rm_sql_index);
    ix->name = ff->name;
    ix->kind = RM_SQL_INDEX_NORMAL;
    ix->ncols = ff->ncols;
    ix->cols = RM_NEW_ARRAY(df->a, rm_sql_index_col, ff->ncols + 1);
    for (size_t j = 0; j < ff->ncols; j++)
        ix->cols[j].name = ff->cols[j];
    push(df, RM_CHANGE_DROP_INDEX, ft, NULL, (uint32_t)(ft->nindexes + pos))->u.index = ix;
}

/* A named foreign key of the other table with the same definition and a name this table's
 * keys do not use: the same key, renamed. */
static const rm_sql_fk *renamed_fk(const rm_sql_table *other, const rm_sql_table *self,
                                   const rm_sql_fk *fk)
{
    for (size_t i = 0; i < other->nfks; i++) {
        const rm_sql_fk *o = &other->fks[i];
        if (o->name && fk->name && !rm_sql_table_find_fk(self, o->name) &&
            !rm_sql_table_find_fk(other, fk->name) && rm_sql_fk_equal(o, fk))
            return o;
    }
    return NULL;
}

static void diff_fks(differ *df, const rm_sql_table *ft, const rm_sql_table *tt, bool *redefine)
{
    bool can_rename = (df->d->caps & RM_CAP_RENAME_FK) != 0;
    for (size_t i = 0; i < ft->nfks; i++) {
        const rm_sql_fk *ff = &ft->fks[i];
        const rm_sql_fk *tf = match_fk(tt, ff);
        if (tf && rm_sql_fk_equal(ff, tf))
            continue;
        const rm_sql_fk *rn = can_rename && !tf ? renamed_fk(tt, ft, ff) : NULL;
        if (rn) {
            rm_change *c = push(df, RM_CHANGE_RENAME_FK, ft, tt, (uint32_t)(rn - tt->fks));
            c->u.rename_fk.from = ff;
            c->u.rename_fk.to = rn;
            continue;
        }
        rm_change *c = push(df, RM_CHANGE_DROP_FK, ft, NULL, (uint32_t)i);
        c->u.fk = ff;
        if (!(df->d->caps & RM_CAP_ADD_FK_LATER))
            *redefine = true;
        drop_implicit_fk_index(df, ft, tt, ff, (uint32_t)i);
    }
    for (size_t i = 0; i < tt->nfks; i++) {
        const rm_sql_fk *tf = &tt->fks[i];
        const rm_sql_fk *ff = match_fk(ft, tf);
        if (ff && rm_sql_fk_equal(ff, tf))
            continue;
        if (can_rename && !ff && renamed_fk(ft, tt, tf))
            continue; /* renamed above */
        rm_change *c = push(df, RM_CHANGE_ADD_FK, ft, tt, (uint32_t)i);
        c->u.fk = tf;
        if (!(df->d->caps & RM_CAP_ADD_FK_LATER))
            *redefine = true;
    }
}

/* The table's changes (pushed from index start on) become one redefinition carrying all their
 * warnings: SQLite rebuilds the table with every index and foreign key of the new version. */
static void fold_into_redefine(differ *df, size_t start, const rm_sql_table *ft,
                               const rm_sql_table *tt)
{
    size_t nwarn = 0;
    for (size_t i = start; i < df->out->n; i++)
        nwarn += df->out->items[i].nwarnings;
    const char **w = RM_NEW_ARRAY(df->a, const char *, nwarn + 1);
    nwarn = 0;
    for (size_t i = start; i < df->out->n; i++)
        for (size_t k = 0; k < df->out->items[i].nwarnings; k++)
            w[nwarn++] = df->out->items[i].warnings[k];
    df->out->n = start;
    rm_change *c = push(df, RM_CHANGE_REDEFINE_TABLE, ft, tt, 0);
    c->warnings = w;
    c->nwarnings = nwarn;
}

static bool names_has(const char *const *names, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(names[i], name) == 0)
            return true;
    return false;
}

static bool same_table(const rm_sql_table *t, const char *schema, const char *name)
{
    if (strcmp(t->name, name) != 0)
        return false;
    if (!t->schema || !schema)
        return t->schema == schema;
    return strcmp(t->schema, schema) == 0;
}

/* Does fk (declared on table t) use column col of table owner, on either side? */
static bool fk_uses(const rm_sql_table *t, const rm_sql_fk *fk, const rm_sql_table *owner,
                    const char *col)
{
    if (t == owner && names_has(fk->cols, fk->ncols, col))
        return true;
    const char *ref_schema = fk->ref_schema ? fk->ref_schema : t->schema;
    return same_table(owner, ref_schema, fk->ref_table) && names_has(fk->ref_cols, fk->ncols, col);
}

/* A column whose type changes cannot stay under a foreign key on either side: MySQL refuses the
 * MODIFY (the two sides would be incompatible for a moment), PostgreSQL rechecks the key. Nor
 * can a key stay while the primary key it references is dropped and re-added. Like Prisma,
 * drop such unchanged keys before the ALTER TABLE and add them back at the end. */
static void refresh_fks_of_retyped_columns(differ *df, const rm_sqlschema *from,
                                           const rm_sqlschema *to)
{
    size_t nchanges = df->out->n;
    for (size_t ti = 0; ti < to->ntables; ti++) {
        const rm_sql_table *tt = to->tables[ti];
        const rm_sql_table *ft = rm_sqlschema_find_table(from, tt->schema, tt->name);
        if (!ft)
            continue;
        for (size_t k = 0; k < tt->nfks; k++) {
            const rm_sql_fk *tf = &tt->fks[k];
            const rm_sql_fk *ff = match_fk(ft, tf);
            if (!ff || !rm_sql_fk_equal(ff, tf))
                continue; /* changed keys are dropped and added already */
            bool touched = false, dropped = false;
            for (size_t i = 0; i < nchanges; i++) {
                const rm_change *c = &df->out->items[i];
                if (c->kind == RM_CHANGE_DROP_FK && c->u.fk == ff)
                    dropped = true;
                if (c->kind == RM_CHANGE_ALTER_COLUMN && (c->u.column.what & RM_ALTER_TYPE) &&
                    fk_uses(tt, tf, c->to_table, c->u.column.to->name))
                    touched = true;
                /* A referenced primary key being dropped and re-added: the key depends on it
                 * (PostgreSQL: "other objects depend on it"; MySQL: "needed in a foreign key
                 * constraint"). */
                if (c->kind == RM_CHANGE_DROP_PK &&
                    same_table(c->to_table, tf->ref_schema ? tf->ref_schema : tt->schema,
                               tf->ref_table))
                    touched = true;
            }
            if (!touched || dropped)
                continue;
            push(df, RM_CHANGE_DROP_FK, ft, NULL, (uint32_t)(ff - ft->fks))->u.fk = ff;
            push(df, RM_CHANGE_ADD_FK, ft, tt, (uint32_t)k)->u.fk = tf;
        }
    }
}

static void diff_tables(differ *df, const rm_sqlschema *from, const rm_sqlschema *to)
{
    unsigned caps = df->d->caps;
    for (size_t i = 0; i < from->ntables; i++) {
        const rm_sql_table *ft = from->tables[i];
        if (rm_sqlschema_find_table(to, ft->schema, ft->name))
            continue;
        rm_change *c = push(df, RM_CHANGE_DROP_TABLE, ft, NULL, 0);
        warn(df, c,
             rm_arena_sprintf(df->a,
                              "You are about to drop the `%s` table. If the table is not empty, "
                              "all the data it contains will be lost.",
                              ft->name));
        /* Its foreign keys go first, so tables can be dropped in any order. Where they cannot
         * be dropped on their own (SQLite) DROP TABLE takes them along. */
        if (caps & RM_CAP_ADD_FK_LATER)
            for (size_t k = 0; k < ft->nfks; k++)
                push(df, RM_CHANGE_DROP_FK, ft, NULL, (uint32_t)k)->u.fk = &ft->fks[k];
    }
    for (size_t i = 0; i < to->ntables; i++) {
        const rm_sql_table *tt = to->tables[i];
        const rm_sql_table *ft = rm_sqlschema_find_table(from, tt->schema, tt->name);
        if (!ft) {
            push(df, RM_CHANGE_CREATE_TABLE, NULL, tt, 0);
            if (!(caps & RM_CAP_INLINE_INDEXES))
                for (size_t k = 0; k < tt->nindexes; k++)
                    push(df, RM_CHANGE_CREATE_INDEX, NULL, tt, (uint32_t)k)->u.index =
                        &tt->indexes[k];
            if (caps & RM_CAP_ADD_FK_LATER)
                for (size_t k = 0; k < tt->nfks; k++)
                    push(df, RM_CHANGE_ADD_FK, NULL, tt, (uint32_t)k)->u.fk = &tt->fks[k];
            continue;
        }
        size_t start = df->out->n;
        bool redefine = false;
        diff_pk(df, ft, tt, &redefine);
        diff_columns(df, ft, tt, &redefine);
        diff_indexes(df, ft, tt);
        diff_fks(df, ft, tt, &redefine);
        if (redefine)
            fold_into_redefine(df, start, ft, tt);
    }
    if (caps & RM_CAP_ADD_FK_LATER)
        refresh_fks_of_retyped_columns(df, from, to);
}

/* ---- ordering ------------------------------------------------------------------------- */

/* The order of the change list: by bucket (every ALTER TABLE kind shares one, so a table's
 * alterations stay together), then table position, kind, object position, and emission order
 * last, which makes every key distinct: the order is total, so any correct sort gives the
 * same list. */
static int bucket(rm_change_kind k)
{
    return rm_change_is_alter(k) ? (int)RM_CHANGE_DROP_PK : (int)k;
}

/* The sort key as two integers compared in turn: hi = bucket, table_pos, kind; lo = obj_pos,
 * emission index (which is also where the change is now). */
typedef struct sort_key {
    uint64_t hi, lo;
} sort_key;

static int cmp_key(const void *pa, const void *pb)
{
    const sort_key *a = pa, *b = pb;
    if (a->hi != b->hi)
        return a->hi < b->hi ? -1 : 1;
    return a->lo < b->lo ? -1 : a->lo > b->lo;
}

static bool key_less(const sort_key *a, const sort_key *b)
{
    return a->hi < b->hi || (a->hi == b->hi && a->lo < b->lo);
}

/* Changes are pushed table by table, so within a bucket they are nearly always in order
 * already: a stable counting sort by bucket, then a sort of only the buckets that are not in
 * order, then one pass that moves the changes into place (cycle by cycle, no second copy of
 * the list). Was a qsort of the whole list, 100-byte elements, n log n comparisons. */
static void sort_changes(differ *df)
{
    rm_diff *out = df->out;
    size_t n = out->n;
    if (n < 2)
        return;
    enum { NB = RM_CHANGE_RENAME_INDEX + 2 };
    size_t start[NB + 1];
    memset(start, 0, sizeof(start));
    for (size_t i = 0; i < n; i++)
        start[bucket(out->items[i].kind) + 1]++;
    for (size_t b = 1; b <= NB; b++)
        start[b] += start[b - 1];
    sort_key *keys = rm_xmalloc(n * sizeof(*keys));
    size_t fill[NB];
    memcpy(fill, start, sizeof(fill));
    for (size_t i = 0; i < n; i++) {
        const rm_change *c = &out->items[i];
        uint64_t b = (uint64_t)bucket(c->kind);
        sort_key k = {b << 40 | (uint64_t)c->table_pos << 8 | (uint64_t)c->kind,
                      (uint64_t)c->obj_pos << 32 | (uint64_t)i};
        keys[fill[b]++] = k;
    }
    for (size_t b = 0; b < NB; b++) {
        for (size_t i = start[b] + 1; i < start[b + 1]; i++) {
            if (key_less(&keys[i], &keys[i - 1])) {
                qsort(keys + start[b], start[b + 1] - start[b], sizeof(*keys), cmp_key);
                break;
            }
        }
    }
    /* keys[i] names the change that goes to position i; move them along each cycle. */
    uint32_t *from = rm_xmalloc(n * sizeof(*from));
    for (size_t i = 0; i < n; i++)
        from[i] = (uint32_t)keys[i].lo;
    free(keys);
    for (size_t i = 0; i < n; i++) {
        if (from[i] == i)
            continue;
        rm_change tmp = out->items[i];
        size_t j = i;
        while (from[j] != i) {
            size_t k = from[j];
            out->items[j] = out->items[k];
            from[j] = (uint32_t)j;
            j = k;
        }
        out->items[j] = tmp;
        from[j] = (uint32_t)j;
    }
    free(from);
}

int rm_diff_schemas(rm_diff *out, const rm_sqlschema *from, const rm_sqlschema *to,
                    const rm_dialect *d, rm_arena *a, rm_diags *diags)
{
    (void)diags;
    memset(out, 0, sizeof(*out));
    out->from = from;
    out->to = to;
    out->dialect = d;
    differ df = {out, d, a, 0};
    if (d->caps & RM_CAP_SCHEMAS)
        for (size_t i = 0; i < to->nnamespaces; i++)
            if (!rm_sqlschema_has_namespace(from, to->namespaces[i]))
                push(&df, RM_CHANGE_CREATE_SCHEMA, NULL, NULL, (uint32_t)i)->u.schema =
                    to->namespaces[i];
    if (d->caps & RM_CAP_ENUM_TYPES)
        diff_enums(&df, from, to);
    diff_tables(&df, from, to);
    sort_changes(&df);
    return RM_OK;
}

size_t rm_diff_group_end(const rm_diff *diff, size_t i)
{
    const rm_change *c = &diff->items[i];
    size_t j = i + 1;
    if (rm_change_is_alter(c->kind)) {
        while (j < diff->n && rm_change_is_alter(diff->items[j].kind) &&
               diff->items[j].to_table == c->to_table)
            j++;
    } else if (c->kind == RM_CHANGE_REDEFINE_TABLE) {
        while (j < diff->n && diff->items[j].kind == RM_CHANGE_REDEFINE_TABLE)
            j++;
    }
    return j;
}
