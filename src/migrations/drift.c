/*
 * Relation-level drift findings (see drift.h). Foreign keys are matched between the two
 * schemas by (referencing table, set of referencing columns, referenced table), not by
 * constraint name, so a renamed constraint is not drift while a reordered composite key is.
 * Not for the ordinary change list: the differ produces that.
 */
#include "migrations/drift.h"

#include <string.h>

const char *rm_drift_kind_name(rm_drift_kind k)
{
    switch (k) {
    case RM_DRIFT_ONE_TO_ONE_NOT_UNIQUE:
        return "one_to_one_not_unique";
    case RM_DRIFT_PK_COLUMNS:
        return "pk_columns";
    case RM_DRIFT_PK_ORDER:
        return "pk_order";
    case RM_DRIFT_FK_ORDER:
        return "fk_order";
    case RM_DRIFT_FK_REF_NOT_UNIQUE:
        return "fk_references_not_unique";
    case RM_DRIFT_FK_MISSING:
        return "fk_missing";
    case RM_DRIFT_FK_EXTRA:
        return "fk_extra";
    case RM_DRIFT_FK_ACTION:
        return "fk_action";
    case RM_DRIFT_MIGRATION_MISSING:
        return "migration_missing";
    }
    return "?";
}

static void add(rm_drift *out, rm_arena *a, rm_drift_kind kind, const char *table, const char *msg)
{
    rm_drift_finding f = {kind, table, msg};
    RM_VEC_PUSH(a, out->items, out->n, out->cap, f);
}

/* Do the two name lists hold the same names (any order)? */
static bool same_set(const char *const *x, size_t nx, const char *const *y, size_t ny)
{
    if (nx != ny)
        return false;
    for (size_t i = 0; i < nx; i++) {
        bool found = false;
        for (size_t j = 0; j < ny && !found; j++)
            found = strcmp(x[i], y[j]) == 0;
        if (!found)
            return false;
    }
    return true;
}

static bool same_list(const char *const *x, size_t nx, const char *const *y, size_t ny)
{
    if (nx != ny)
        return false;
    for (size_t i = 0; i < nx; i++)
        if (strcmp(x[i], y[i]) != 0)
            return false;
    return true;
}

static const char **idx_names(const rm_sql_index_col *cols, size_t n, rm_arena *a)
{
    const char **r = RM_NEW_ARRAY(a, const char *, n ? n : 1);
    for (size_t i = 0; i < n; i++)
        r[i] = cols[i].name;
    return r;
}

static const char *list_text(const char *const *names, size_t n, rm_arena *a)
{
    rm_sb sb = RM_SB_INIT;
    rm_sb_putc(&sb, '(');
    for (size_t i = 0; i < n; i++)
        rm_sb_appendf(&sb, "%s%s", i ? ", " : "", names[i]);
    rm_sb_putc(&sb, ')');
    const char *r = rm_arena_strdup(a, rm_sb_str(&sb));
    rm_sb_free(&sb);
    return r;
}

/* Is the column set exactly covered by the table's PK or a unique index (any order)? */
static bool unique_on(const rm_sql_table *t, const char *const *cols, size_t n, rm_arena *a)
{
    if (t->pk.ncols && same_set(idx_names(t->pk.cols, t->pk.ncols, a), t->pk.ncols, cols, n))
        return true;
    for (size_t i = 0; i < t->nindexes; i++) {
        const rm_sql_index *ix = &t->indexes[i];
        if (ix->kind == RM_SQL_INDEX_NORMAL || ix->where)
            continue;
        if (same_set(idx_names(ix->cols, ix->ncols, a), ix->ncols, cols, n))
            return true;
    }
    return false;
}

static bool fk_same_target(const rm_sql_fk *x, const rm_sql_fk *y)
{
    return strcmp(x->ref_table, y->ref_table) == 0 &&
           same_set(x->cols, x->ncols, y->cols, y->ncols);
}

static const rm_sql_fk *match_fk(const rm_sql_table *t, const rm_sql_fk *fk)
{
    if (!t)
        return NULL;
    for (size_t i = 0; i < t->nfks; i++)
        if (fk_same_target(&t->fks[i], fk))
            return &t->fks[i];
    return NULL;
}

static bool action_equal(rm_fk_action x, rm_fk_action y, bool restrict_is_no_action)
{
    if (restrict_is_no_action) {
        if (x == RM_FK_RESTRICT)
            x = RM_FK_NO_ACTION;
        if (y == RM_FK_RESTRICT)
            y = RM_FK_NO_ACTION;
    }
    return x == y;
}

/* Pairing of referencing to referenced columns, as "a->x, b->y" sorted by the referencing
 * column, so two FKs over the same columns pair the same way iff these texts are equal. */
static bool same_pairing(const rm_sql_fk *x, const rm_sql_fk *y)
{
    for (size_t i = 0; i < x->ncols; i++)
        for (size_t j = 0; j < y->ncols; j++)
            if (strcmp(x->cols[i], y->cols[j]) == 0 && strcmp(x->ref_cols[i], y->ref_cols[j]) != 0)
                return false;
    return true;
}

static void check_table(rm_drift *out, const rm_sql_table *et, const rm_sql_table *at,
                        const rm_sqlschema *expected, const rm_sqlschema *actual, bool rina,
                        rm_arena *a)
{
    const char *tn = et->name;
    /* primary keys */
    const char **epk = idx_names(et->pk.cols, et->pk.ncols, a);
    const char **apk = idx_names(at->pk.cols, at->pk.ncols, a);
    if (!same_set(epk, et->pk.ncols, apk, at->pk.ncols)) {
        add(out, a, RM_DRIFT_PK_COLUMNS, tn,
            rm_arena_sprintf(a,
                             "table %s: the primary key is %s in the schema but %s in the "
                             "database",
                             tn, et->pk.ncols ? list_text(epk, et->pk.ncols, a) : "absent",
                             at->pk.ncols ? list_text(apk, at->pk.ncols, a) : "absent"));
    } else if (!same_list(epk, et->pk.ncols, apk, at->pk.ncols)) {
        add(out, a, RM_DRIFT_PK_ORDER, tn,
            rm_arena_sprintf(a,
                             "table %s: the composite primary key's column order is %s in "
                             "the schema but %s in the database",
                             tn, list_text(epk, et->pk.ncols, a), list_text(apk, at->pk.ncols, a)));
    }
    /* expected foreign keys */
    for (size_t i = 0; i < et->nfks; i++) {
        const rm_sql_fk *efk = &et->fks[i];
        const rm_sql_fk *afk = match_fk(at, efk);
        const char *cols = list_text(efk->cols, efk->ncols, a);
        if (!afk) {
            add(out, a, RM_DRIFT_FK_MISSING, tn,
                rm_arena_sprintf(a,
                                 "table %s: the foreign key %s -> %s%s is missing from the "
                                 "database",
                                 tn, cols, efk->ref_table,
                                 list_text(efk->ref_cols, efk->ncols, a)));
            continue;
        }
        if (efk->ncols > 1 &&
            (!same_list(efk->cols, efk->ncols, afk->cols, afk->ncols) || !same_pairing(efk, afk) ||
             !same_list(efk->ref_cols, efk->ncols, afk->ref_cols, afk->ncols)))
            add(out, a, RM_DRIFT_FK_ORDER, tn,
                rm_arena_sprintf(a,
                                 "table %s: the composite foreign key %s -> %s%s is %s -> "
                                 "%s%s in the database (column order or pairing differs)",
                                 tn, cols, efk->ref_table, list_text(efk->ref_cols, efk->ncols, a),
                                 list_text(afk->cols, afk->ncols, a), afk->ref_table,
                                 list_text(afk->ref_cols, afk->ncols, a)));
        if (!action_equal(efk->on_delete, afk->on_delete, rina) ||
            !action_equal(efk->on_update, afk->on_update, rina))
            add(out, a, RM_DRIFT_FK_ACTION, tn,
                rm_arena_sprintf(a,
                                 "table %s: the foreign key %s -> %s has ON DELETE %s ON "
                                 "UPDATE %s in the schema but ON DELETE %s ON UPDATE %s in "
                                 "the database",
                                 tn, cols, efk->ref_table, rm_fk_action_sql(efk->on_delete),
                                 rm_fk_action_sql(efk->on_update), rm_fk_action_sql(afk->on_delete),
                                 rm_fk_action_sql(afk->on_update)));
        /* one-to-one: the schema makes the FK columns unique; the database must too */
        if (unique_on(et, efk->cols, efk->ncols, a) && !unique_on(at, efk->cols, efk->ncols, a))
            add(out, a, RM_DRIFT_ONE_TO_ONE_NOT_UNIQUE, tn,
                rm_arena_sprintf(a,
                                 "table %s: the one-to-one relation %s -> %s has no UNIQUE "
                                 "constraint or index on %s in the database, so the database "
                                 "allows one-to-many",
                                 tn, cols, efk->ref_table, cols));
    }
    /* database foreign keys the schema does not have */
    for (size_t i = 0; i < at->nfks; i++) {
        const rm_sql_fk *afk = &at->fks[i];
        if (!match_fk(et, afk))
            add(out, a, RM_DRIFT_FK_EXTRA, tn,
                rm_arena_sprintf(a,
                                 "table %s: the database has a foreign key %s -> %s%s that "
                                 "the schema does not",
                                 tn, list_text(afk->cols, afk->ncols, a), afk->ref_table,
                                 list_text(afk->ref_cols, afk->ncols, a)));
        const rm_sql_table *rt = rm_sqlschema_find_table(
            actual, afk->ref_schema ? afk->ref_schema : at->schema, afk->ref_table);
        if (rt && !unique_on(rt, afk->ref_cols, afk->ncols, a))
            add(out, a, RM_DRIFT_FK_REF_NOT_UNIQUE, tn,
                rm_arena_sprintf(a,
                                 "table %s: the foreign key %s references %s%s, which has "
                                 "no primary key or UNIQUE constraint on those columns in "
                                 "the database",
                                 tn, list_text(afk->cols, afk->ncols, a), afk->ref_table,
                                 list_text(afk->ref_cols, afk->ncols, a)));
    }
    (void)expected;
}

void rm_drift_relations(rm_drift *out, const rm_sqlschema *expected, const rm_sqlschema *actual,
                        bool restrict_is_no_action, rm_arena *a)
{
    for (size_t i = 0; i < expected->ntables; i++) {
        const rm_sql_table *et = expected->tables[i];
        const rm_sql_table *at = rm_sqlschema_find_table(actual, et->schema, et->name);
        if (!at && et->schema)
            at = rm_sqlschema_find_table(actual, NULL, et->name);
        if (!at)
            continue; /* a missing table is in the change list already */
        check_table(out, et, at, expected, actual, restrict_is_no_action, a);
    }
}

void rm_drift_missing_migrations(rm_drift *out, const rm_mig_status *st, rm_arena *a)
{
    for (size_t i = 0; i < st->n; i++)
        if (st->items[i].state == RM_MIG_MISSING)
            add(out, a, RM_DRIFT_MIGRATION_MISSING, "",
                rm_arena_sprintf(a,
                                 "migration %s is applied to the database but absent from "
                                 "the migrations folder",
                                 st->items[i].name));
}

void rm_drift_strip_innodb_fk_indexes(rm_sqlschema *actual, const rm_sqlschema *expected)
{
    for (size_t i = 0; i < actual->ntables; i++) {
        rm_sql_table *t = actual->tables[i];
        const rm_sql_table *et = rm_sqlschema_find_table(expected, t->schema, t->name);
        size_t k = 0;
        for (size_t j = 0; j < t->nindexes; j++) {
            const rm_sql_index *ix = &t->indexes[j];
            bool strip = false;
            for (size_t f = 0; f < t->nfks && !strip && ix->kind == RM_SQL_INDEX_NORMAL; f++) {
                const rm_sql_fk *fk = &t->fks[f];
                if (!fk->name || !ix->name || strcmp(fk->name, ix->name) != 0 ||
                    fk->ncols != ix->ncols)
                    continue;
                strip = true;
                for (size_t c = 0; c < ix->ncols && strip; c++)
                    strip = strcmp(ix->cols[c].name, fk->cols[c]) == 0;
            }
            if (strip && et && rm_sql_table_find_index(et, ix->name))
                strip = false;
            if (!strip)
                t->indexes[k++] = t->indexes[j];
        }
        t->nindexes = k;
    }
}
