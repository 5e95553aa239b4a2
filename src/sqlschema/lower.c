/*
 * Relation graph x dialect -> physical schema (see lower.h for what is lowered and why it
 * follows Prisma's schema calculator). Everything dialect-specific is asked of the dialect's
 * vtable or capability bits; this file never tests which dialect it is.
 */
#include "sqlschema/lower.h"

#include <stdlib.h>
#include <string.h>

typedef struct lowerer {
    rm_sqlschema *out;
    const rm_graph *g;
    const rm_dialect *d;
    rm_arena *a;
    rm_diags *diags;
    rm_sql_table **tables; /* per model index: its table, or NULL */
    int rc;
    /* @db.* attributes name types of the schema's own provider; for another dialect they are
     * meaningless (TIMESTAMPTZ on MySQL), so they are skipped and counted. */
    bool natives_apply;
    size_t natives_skipped;
    const rm_model *first_skipped_model;
    const rm_field *first_skipped;
} lowerer;

/* ---- names -------------------------------------------------------------------------------- */

/* Cut s to at most n bytes without splitting a UTF-8 sequence. */
static size_t utf8_cut(const char *s, size_t len, size_t n)
{
    if (len <= n)
        return len;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    return n;
}

const char *rm_sql_constraint_name(rm_arena *a, size_t max_len, const char *table,
                                   const char *const *cols, size_t ncols, const char *suffix)
{
    /* Built by hand, not with a string builder and printf: the lowering names every key,
     * index and foreign key this way, and formatting was a fifth of its time. */
    bool pk = strcmp(suffix, "pkey") == 0;
    size_t tlen = strlen(table), slen = strlen(suffix), full = tlen;
    if (!pk)
        for (size_t i = 0; i < ncols; i++)
            full += 1 + strlen(cols[i]);
    char *buf = rm_arena_alloc(a, full + 1 + slen + 1);
    size_t o = 0;
    memcpy(buf, table, tlen);
    o = tlen;
    if (!pk)
        for (size_t i = 0; i < ncols; i++) {
            size_t n = strlen(cols[i]);
            buf[o++] = '_';
            memcpy(buf + o, cols[i], n);
            o += n;
        }
    buf[o] = '\0';
    /* constraint_names.rs: the prefix is cut when it is at least L - (len(suffix) + 1) long. */
    size_t room = max_len > slen + 1 ? max_len - slen - 1 : 0;
    size_t keep = full >= room ? utf8_cut(buf, full, room) : full;
    buf[keep] = '_';
    memcpy(buf + keep + 1, suffix, slen + 1);
    return buf;
}

/* Join-table names (push_relation_tables): the table cut to room bytes, then the suffix. */
static const char *join_name(rm_arena *a, const char *table, size_t room, const char *suffix)
{
    size_t len = strlen(table), slen = strlen(suffix);
    size_t keep = len >= room ? utf8_cut(table, len, room) : len;
    char *out = rm_arena_stralloc(a, keep + slen + 1); /* not sprintf: 1,800 instructions */
    memcpy(out, table, keep);
    memcpy(out + keep, suffix, slen + 1);
    return out;
}

/* ---- types and defaults ------------------------------------------------------------------- */

static rm_type_family family_of(rm_scalar s)
{
    switch (s) {
    case RM_SCALAR_INT:
        return RM_TYPE_INT;
    case RM_SCALAR_BIGINT:
        return RM_TYPE_BIGINT;
    case RM_SCALAR_FLOAT:
        return RM_TYPE_FLOAT;
    case RM_SCALAR_DECIMAL:
        return RM_TYPE_DECIMAL;
    case RM_SCALAR_BOOLEAN:
        return RM_TYPE_BOOLEAN;
    case RM_SCALAR_DATETIME:
        return RM_TYPE_DATETIME;
    case RM_SCALAR_JSON:
        return RM_TYPE_JSON;
    case RM_SCALAR_BYTES:
        return RM_TYPE_BYTES;
    case RM_SCALAR_ENUM:
        return RM_TYPE_ENUM;
    case RM_SCALAR_UNSUPPORTED:
        return RM_TYPE_UNSUPPORTED;
    case RM_SCALAR_STRING:
    case RM_SCALAR_NONE:
        break;
    }
    return RM_TYPE_STRING;
}

/* @db.VarChar(191) -> VARCHAR(191); @db.DoublePrecision -> DOUBLE PRECISION;
 * @db.UnsignedInt -> INT UNSIGNED. Prisma's native type names are the SQL names in camel
 * case, so upper-casing is the rule and these two spellings are the exceptions. */
static void native_type(lowerer *l, rm_sql_type *t, const rm_native_type *nt)
{
    const char *name = nt->name;
    bool is_unsigned = strncmp(name, "Unsigned", 8) == 0 && name[8];
    if (is_unsigned)
        name += 8;
    rm_sb sb = RM_SB_INIT;
    if (strcmp(name, "DoublePrecision") == 0)
        rm_sb_puts(&sb, "DOUBLE PRECISION");
    else
        rm_dialect_upper(&sb, name);
    if (is_unsigned)
        rm_sb_puts(&sb, " UNSIGNED");
    t->name = rm_arena_strndup(l->a, rm_sb_str(&sb), sb.len);
    rm_sb_free(&sb);
    t->nargs = 0;
    for (size_t i = 0; i < nt->nargs && i < RM_TYPE_MAX_ARGS; i++) {
        char *end;
        unsigned long v = strtoul(nt->args[i], &end, 10);
        if (*end || end == nt->args[i]) {
            /* VarChar(max) and similar keywords: keep the argument text in the name. */
            t->name = rm_arena_sprintf(l->a, "%s(%s)", t->name, nt->args[i]);
            t->nargs = 0;
            return;
        }
        t->args[t->nargs++] = (uint32_t)v;
    }
}

static const char *enum_value_db_name(const rm_enum *e, const char *value)
{
    for (size_t i = 0; i < e->nvalues; i++)
        if (strcmp(e->values[i].name, value) == 0)
            return e->values[i].db_name;
    return value;
}

static void lower_default(lowerer *l, rm_sql_column *c, const rm_field *f)
{
    const rm_default *d = &f->def;
    switch (d->kind) {
    case RM_DEFAULT_STRING:
        rm_sql_default_set(l->out, c, RM_SQL_DEFAULT_STRING, d->text ? d->text : "");
        break;
    case RM_DEFAULT_NUMBER:
        rm_sql_default_set(l->out, c, RM_SQL_DEFAULT_NUMBER, d->text);
        break;
    case RM_DEFAULT_BOOL:
        rm_sql_default_set(l->out, c, RM_SQL_DEFAULT_BOOLEAN, d->boolean ? "true" : "false");
        break;
    case RM_DEFAULT_ENUM: {
        const char *v = d->text ? d->text : "";
        if (f->type_ref != RM_NONE && f->type_ref < l->g->nenums)
            v = enum_value_db_name(&l->g->enums[f->type_ref], v);
        rm_sql_default_set(l->out, c, RM_SQL_DEFAULT_ENUM, v);
        break;
    }
    case RM_DEFAULT_NOW:
        rm_sql_default_set(l->out, c, RM_SQL_DEFAULT_NOW, NULL);
        break;
    case RM_DEFAULT_AUTOINCREMENT:
        c->autoincrement = true;
        rm_sql_default_set(l->out, c, RM_SQL_DEFAULT_AUTOINCREMENT, NULL);
        break;
    case RM_DEFAULT_DBGENERATED:
        /* An empty dbgenerated() means "the database has some default; do not render one,
         * and do not report it as drift": kept as an empty DBGENERATED, which renders nothing
         * and matches any default. */
        rm_sql_default_set(l->out, c, RM_SQL_DEFAULT_DBGENERATED, d->text ? d->text : "");
        break;
    case RM_DEFAULT_SEQUENCE:
        rm_sql_default_set(l->out, c, RM_SQL_DEFAULT_SEQUENCE, d->text);
        break;
    case RM_DEFAULT_LIST: {
        /* Scalar-list literal (PostgreSQL): ARRAY[...]::type[], items rendered as literals. */
        rm_sb sb = RM_SB_INIT;
        rm_sb_puts(&sb, "ARRAY[");
        for (size_t i = 0; i < d->nitems; i++) {
            const rm_default *it = &d->items[i];
            if (i)
                rm_sb_puts(&sb, ", ");
            if (it->kind == RM_DEFAULT_STRING || it->kind == RM_DEFAULT_ENUM)
                rm_dialect_literal(l->d, &sb, it->text ? it->text : "");
            else if (it->kind == RM_DEFAULT_BOOL)
                rm_sb_puts(&sb, it->boolean ? "true" : "false");
            else
                rm_sb_puts(&sb, it->text ? it->text : "NULL");
        }
        rm_sb_puts(&sb, "]::");
        rm_sql_column elem = *c;
        elem.type.array = false;
        elem.autoincrement = false;
        l->d->render_type(l->d, &sb, &elem);
        rm_sb_puts(&sb, "[]");
        rm_sql_default_set(l->out, c, RM_SQL_DEFAULT_EXPRESSION, rm_sb_str(&sb));
        rm_sb_free(&sb);
        break;
    }
    case RM_DEFAULT_NONE:
    case RM_DEFAULT_UUID:
    case RM_DEFAULT_CUID:
    case RM_DEFAULT_NANOID:
    case RM_DEFAULT_ULID:
    case RM_DEFAULT_AUTO:
        /* Generated by the client: no database default (prisma.md 3.4). */
        break;
    }
}

static void lower_column(lowerer *l, rm_sql_table *t, const rm_model *m, const rm_field *f)
{
    rm_type_family fam = family_of(f->scalar);
    rm_sql_type type;
    l->d->scalar_type(&type, fam);
    if (fam == RM_TYPE_ENUM) {
        const rm_enum *e = f->type_ref < l->g->nenums ? &l->g->enums[f->type_ref] : NULL;
        if (e && (l->d->caps & RM_CAP_ENUM_TYPES)) {
            const rm_sql_enum *se = NULL;
            for (size_t i = 0; i < l->out->nenums && !se; i++)
                if (strcmp(l->out->enums[i]->name, e->db_name) == 0)
                    se = l->out->enums[i];
            type.name = e->db_name;
            type.schema = se ? se->schema : e->schema;
        } else if (e && (l->d->caps & RM_CAP_INLINE_ENUMS)) {
            const char **values = RM_NEW_ARRAY(l->a, const char *, e->nvalues + 1);
            for (size_t i = 0; i < e->nvalues; i++)
                values[i] = e->values[i].db_name;
            type.name = e->db_name;
            type.values = values;
            type.nvalues = e->nvalues;
        } else {
            l->d->scalar_type(&type, RM_TYPE_STRING);
        }
    } else if (fam == RM_TYPE_UNSUPPORTED) {
        type.name = f->type_name;
    }
    if (f->native.name && l->natives_apply) {
        native_type(l, &type, &f->native);
    } else if (f->native.name) {
        if (l->natives_skipped++ == 0) {
            l->first_skipped_model = m;
            l->first_skipped = f;
        }
    }
    if (f->list) {
        if (!(l->d->caps & RM_CAP_SCALAR_LISTS)) {
            rm_diag *g = rm_diag_error(l->diags, RM_E_SQL_UNSUPPORTED, f->type_loc,
                                       "field `%s.%s` is a scalar list, which %s cannot store",
                                       m->name, f->name, l->d->name);
            rm_diag_set_hint(l->diags, g,
                             "Scalar lists exist on PostgreSQL only; use a Json field or a "
                             "related model instead.");
            l->rc = RM_EUNSUPPORTED;
            return;
        }
        type.array = true;
    }
    /* Prisma renders list columns without NOT NULL (their arity is "list", not "required"). */
    bool nullable = f->optional || f->list;
    rm_sql_column *c = rm_sql_table_add_column(l->out, t, f->db_name, &type, nullable);
    if (!c) {
        rm_diag_error(l->diags, RM_E_SQL_DUPLICATE_NAME, f->name_loc,
                      "two fields of model `%s` map to the column `%s`", m->name, f->db_name);
        l->rc = RM_ESEMANTIC;
        return;
    }
    c->origin = f->loc;
    lower_default(l, c, f);
}

/* ---- keys and indexes --------------------------------------------------------------------- */

static const char **index_column_names(lowerer *l, const rm_model *m, const rm_index *ix)
{
    const char **cols = RM_NEW_ARRAY(l->a, const char *, ix->nfields + 1);
    for (size_t i = 0; i < ix->nfields; i++)
        cols[i] = ix->fields[i].field < m->nfields ? m->fields[ix->fields[i].field].db_name : "";
    return cols;
}

/* Prisma's operator class names (ops: JsonbPathOps) -> PostgreSQL's (jsonb_path_ops): words
 * split at capitals, lower-cased, joined with '_', with PostgreSQL's run-together spellings
 * (minmax, timestamptz, timetz, varbit) restored. Anything else is already SQL. */
static const char *opclass_sql(rm_arena *a, const char *ops)
{
    size_t len = strlen(ops);
    if (len < 4 || ops[0] < 'A' || ops[0] > 'Z' || strcmp(ops + len - 3, "Ops") != 0)
        return rm_arena_strndup(a, ops, len); /* the result must not borrow from the graph */
    rm_sb sb = RM_SB_INIT;
    for (size_t i = 0; i < len; i++) {
        char ch = ops[i];
        if (ch >= 'A' && ch <= 'Z') {
            if (i)
                rm_sb_putc(&sb, '_');
            ch = (char)(ch + 32);
        }
        rm_sb_putc(&sb, ch);
    }
    static const struct {
        const char *from, *to;
    } joins[] = {{"min_max", "minmax"},
                 {"timestamp_tz", "timestamptz"},
                 {"time_tz", "timetz"},
                 {"var_bit", "varbit"}};
    char *out = rm_arena_strndup(a, rm_sb_str(&sb), sb.len);
    rm_sb_free(&sb);
    for (size_t k = 0; k < RM_ARRAY_LEN(joins); k++) {
        char *p = strstr(out, joins[k].from);
        if (!p)
            continue;
        size_t fl = strlen(joins[k].from), tl = strlen(joins[k].to);
        memcpy(p, joins[k].to, tl);
        memmove(p + tl, p + fl, strlen(p + fl) + 1);
    }
    return out;
}

static void copy_index_details(lowerer *l, rm_sql_index_col *out, const rm_model *m,
                               const rm_index *ix)
{
    for (size_t i = 0; i < ix->nfields; i++) {
        out[i].sort = ix->fields[i].sort == RM_SORT_DESC  ? RM_SQL_SORT_DESC
                      : ix->fields[i].sort == RM_SORT_ASC ? RM_SQL_SORT_ASC
                                                          : RM_SQL_SORT_NONE;
        out[i].length = ix->fields[i].length;
        const char *ops = ix->fields[i].ops;
        if (ops && strcmp(ops, "raw") == 0) {
            /* raw("...") reaches the graph without its argument: refuse rather than build a
             * different index than the schema asks for. */
            rm_diag_error(l->diags, RM_E_SQL_UNSUPPORTED, ix->loc,
                          "the operator class raw(...) of an index on model `%s` cannot be "
                          "lowered: the relation graph does not carry its SQL text",
                          m->name);
            l->rc = RM_EUNSUPPORTED;
            ops = NULL;
        }
        out[i].opclass = ops ? opclass_sql(l->a, ops) : NULL;
    }
}

static const char *algo_method(rm_index_algo algo)
{
    switch (algo) {
    case RM_ALGO_HASH:
        return "hash";
    case RM_ALGO_GIST:
        return "gist";
    case RM_ALGO_GIN:
        return "gin";
    case RM_ALGO_SPGIST:
        return "spgist";
    case RM_ALGO_BRIN:
        return "brin";
    case RM_ALGO_DEFAULT:
    case RM_ALGO_BTREE:
        break;
    }
    return NULL;
}

/* Prisma's index order in a table: field-level @unique first, then @@index, @@unique and
 * @@fulltext, each in declaration order (the corpus' constraint-name snapshots show it). */
static int index_rank(const rm_index *ix)
{
    if (ix->field_level)
        return 0;
    switch (ix->kind) {
    case RM_INDEX_NORMAL:
        return 1;
    case RM_INDEX_UNIQUE:
        return 2;
    default:
        return 3;
    }
}

static void lower_keys(lowerer *l, rm_sql_table *t, const rm_model *m)
{
    size_t L = l->d->max_ident_len;
    if (m->primary_key && m->primary_key->nfields) {
        const rm_index *pk = m->primary_key;
        const char **cols = index_column_names(l, m, pk);
        const char *name = NULL;
        if (l->d->caps & RM_CAP_NAMED_PK)
            name = pk->map ? pk->map : rm_sql_constraint_name(l->a, L, t->name, NULL, 0, "pkey");
        rm_sql_table_set_pk(l->out, t, name, cols, pk->nfields);
        copy_index_details(l, t->pk.cols, m, pk);
        /* SQLite: a single integer primary key is the rowid alias; Prisma marks it
         * AUTOINCREMENT whether or not autoincrement() was written (prisma.md 3.3). */
        if ((l->d->caps & RM_CAP_ROWID_PK) && pk->nfields == 1) {
            rm_sql_column *c = NULL;
            for (size_t i = 0; i < t->ncols; i++)
                if (strcmp(t->cols[i].name, cols[0]) == 0)
                    c = &t->cols[i];
            if (c && c->type.family == RM_TYPE_INT && !c->type.array)
                c->autoincrement = true;
        }
    }
    for (int rank = 0; rank <= 3; rank++) {
        for (size_t i = 0; i < m->nindexes; i++) {
            const rm_index *ix = &m->indexes[i];
            if (index_rank(ix) != rank || ix->kind == RM_INDEX_PRIMARY)
                continue;
            const char **cols = index_column_names(l, m, ix);
            bool unique = ix->kind == RM_INDEX_UNIQUE;
            const char *name = ix->map ? ix->map
                                       : rm_sql_constraint_name(l->a, L, t->name, cols, ix->nfields,
                                                                unique ? "key" : "idx");
            if (rm_sql_table_find_index(t, name)) {
                rm_diag_error(l->diags, RM_E_SQL_DUPLICATE_NAME, ix->loc,
                              "the index name `%s` is used twice on table `%s`", name, t->name);
                rm_diag_set_hint(l->diags, l->diags->items[l->diags->n - 1],
                                 "Give one of them its own name with map: \"...\".");
                l->rc = RM_ESEMANTIC;
                continue;
            }
            rm_sql_index *six = rm_sql_table_add_index(
                l->out, t, unique ? RM_SQL_INDEX_UNIQUE : RM_SQL_INDEX_NORMAL, name, cols,
                ix->nfields);
            copy_index_details(l, six->cols, m, ix);
            six->method = ix->kind == RM_INDEX_FULLTEXT ? "fulltext" : algo_method(ix->algo);
            six->where = ix->where ? rm_arena_strdup(l->a, ix->where) : NULL;
        }
    }
}

/* ---- relations ---------------------------------------------------------------------------- */

static rm_fk_action action_of(rm_ref_action a)
{
    switch (a) {
    case RM_ACTION_CASCADE:
        return RM_FK_CASCADE;
    case RM_ACTION_RESTRICT:
        return RM_FK_RESTRICT;
    case RM_ACTION_SET_NULL:
        return RM_FK_SET_NULL;
    case RM_ACTION_SET_DEFAULT:
        return RM_FK_SET_DEFAULT;
    case RM_ACTION_NO_ACTION:
    case RM_ACTION_NONE:
        break;
    }
    return RM_FK_NO_ACTION;
}

/* The referenced table's schema when it differs from the referencing one's, else NULL. */
static const char *other_schema(const rm_sql_table *ref, const rm_sql_table *t)
{
    if (!ref->schema || (t->schema && strcmp(ref->schema, t->schema) == 0))
        return NULL;
    return ref->schema;
}

typedef struct fk_ref {
    const rm_relation *rel;
    uint32_t field_pos; /* the relation field's position in the FK-holding model */
} fk_ref;

static int cmp_fk_ref(const void *pa, const void *pb)
{
    const fk_ref *a = pa, *b = pb;
    return a->field_pos < b->field_pos ? -1 : a->field_pos > b->field_pos;
}

/* Foreign keys of one model, in the order of its relation fields. */
/* Is there a unique index or primary key on exactly these columns (in any order)? */
static bool unique_on(const rm_sql_table *t, const char *const *cols, size_t n)
{
    for (size_t k = 0; k <= t->nindexes; k++) {
        const rm_sql_index_col *ic = k < t->nindexes ? t->indexes[k].cols : t->pk.cols;
        size_t nic = k < t->nindexes ? t->indexes[k].ncols : t->pk.ncols;
        if ((k < t->nindexes && t->indexes[k].kind == RM_SQL_INDEX_NORMAL) || nic != n || !n)
            continue;
        bool all = true;
        for (size_t i = 0; i < n && all; i++) {
            bool found = false;
            for (size_t j = 0; j < nic && !found; j++)
                found = strcmp(ic[j].name, cols[i]) == 0;
            all = found;
        }
        if (all)
            return true;
    }
    return false;
}

/* A one-to-one relation needs a unique criterion on its foreign key: Prisma's validator demands
 * one, but a graph built from another language may lack it, and without it the relation would
 * silently be one-to-many in the database. */
static void unique_for_one_to_one(lowerer *l, rm_sql_table *t, const rm_model *m,
                                  const rm_relation *rel)
{
    const char **cols = RM_NEW_ARRAY(l->a, const char *, rel->nfk + 1);
    for (size_t k = 0; k < rel->nfk; k++)
        cols[k] = m->fields[rel->fk_fields[k]].db_name;
    if (unique_on(t, cols, rel->nfk))
        return;
    const char *name =
        rm_sql_constraint_name(l->a, l->d->max_ident_len, t->name, cols, rel->nfk, "key");
    if (!rm_sql_table_find_index(t, name))
        rm_sql_table_add_index(l->out, t, RM_SQL_INDEX_UNIQUE, name, cols, rel->nfk);
}

/* rels: the indexes of the relations whose foreign key model mi holds (see fk_buckets). */
static void lower_fks(lowerer *l, rm_sql_table *t, uint32_t mi, const uint32_t *rels,
                      size_t nrels)
{
    const rm_graph *g = l->g;
    fk_ref *refs = RM_NEW_ARRAY(l->a, fk_ref, nrels + 1);
    size_t n = 0;
    for (size_t k = 0; k < nrels; k++) {
        const rm_relation *rel = &g->relations[rels[k]];
        refs[n].rel = rel;
        refs[n].field_pos = rel->from.field;
        n++;
    }
    qsort(refs, n, sizeof(*refs), cmp_fk_ref);
    const rm_model *m = &g->models[mi];
    for (size_t i = 0; i < n; i++) {
        const rm_relation *rel = refs[i].rel;
        const rm_model *to = &g->models[rel->to.model];
        const rm_sql_table *tt = l->tables[rel->to.model];
        if (!tt)
            continue;
        const char **cols = RM_NEW_ARRAY(l->a, const char *, rel->nfk + 1);
        const char **refcols = RM_NEW_ARRAY(l->a, const char *, rel->nfk + 1);
        for (size_t k = 0; k < rel->nfk; k++) {
            cols[k] = m->fields[rel->fk_fields[k]].db_name;
            refcols[k] = to->fields[rel->ref_fields[k]].db_name;
        }
        const char *name = rel->fk_map ? rel->fk_map
                                       : rm_sql_constraint_name(l->a, l->d->max_ident_len, t->name,
                                                                cols, rel->nfk, "fkey");
        rm_sql_table_add_fk(l->out, t, name, cols, rel->nfk, other_schema(tt, t), tt->name, refcols,
                            action_of(rel->on_delete), action_of(rel->on_update));
    }
}

static const rm_sql_column *single_pk_column(const rm_sql_table *t)
{
    if (!t || t->pk.ncols != 1)
        return NULL;
    return rm_sql_table_find_column(t, t->pk.cols[0].name);
}

/* Implicit m:n (prisma.md 3.2): _Name(A, B), A referencing the first model's single id. */
static void lower_join_table(lowerer *l, const rm_relation *rel)
{
    size_t L = l->d->max_ident_len;
    const rm_sql_table *ta = l->tables[rel->from.model];
    const rm_sql_table *tb = l->tables[rel->to.model];
    const rm_sql_column *ca = single_pk_column(ta), *cb = single_pk_column(tb);
    if (!ca || !cb)
        return; /* validation reports m:n relations to models without a single @id */
    size_t len = strlen(rel->join_table);
    const char *name = rm_arena_strndup(l->a, rel->join_table, utf8_cut(rel->join_table, len, L));
    rm_sql_table *jt = rm_sqlschema_add_table(l->out, ta->schema, name);
    if (!jt) {
        rm_diag_error(l->diags, RM_E_SQL_DUPLICATE_NAME, rel->loc,
                      "the join table `%s` of relation `%s` clashes with another table", name,
                      rel->name);
        l->rc = RM_ESEMANTIC;
        return;
    }
    rm_sql_type type = ca->type;
    rm_sql_table_add_column(l->out, jt, "A", &type, false);
    type = cb->type;
    rm_sql_table_add_column(l->out, jt, "B", &type, false);
    const char *ab[] = {"A", "B"}, *b[] = {"B"}, *a[] = {"A"};
    if (l->d->caps & RM_CAP_JOIN_TABLE_PK) {
        rm_sql_table_set_pk(l->out, jt, join_name(l->a, name, L - 8, "_AB_pkey"), ab, 2);
    } else {
        rm_sql_table_add_index(l->out, jt, RM_SQL_INDEX_UNIQUE,
                               join_name(l->a, name, L - 10, "_AB_unique"), ab, 2);
    }
    rm_sql_table_add_index(l->out, jt, RM_SQL_INDEX_NORMAL,
                           join_name(l->a, name, L - 8, "_B_index"), b, 1);
    if (l->g->relation_mode == RM_RELMODE_FOREIGN_KEYS) {
        const char *pk_a[] = {ca->name}, *pk_b[] = {cb->name};
        rm_sql_table_add_fk(l->out, jt, join_name(l->a, name, L - 7, "_A_fkey"), a, 1,
                            other_schema(ta, jt), ta->name, pk_a, RM_FK_CASCADE, RM_FK_CASCADE);
        rm_sql_table_add_fk(l->out, jt, join_name(l->a, name, L - 7, "_B_fkey"), b, 1,
                            other_schema(tb, jt), tb->name, pk_b, RM_FK_CASCADE, RM_FK_CASCADE);
    }
}

/* ---- driver ------------------------------------------------------------------------------- */

typedef struct ordered {
    uint32_t index;
    rm_loc loc;
} ordered;

static int cmp_ordered(const void *pa, const void *pb)
{
    const ordered *a = pa, *b = pb;
    if (a->loc.file != b->loc.file)
        return a->loc.file < b->loc.file ? -1 : 1;
    if (a->loc.off != b->loc.off)
        return a->loc.off < b->loc.off ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

/* The graph sorts models and enums by name; Prisma creates them in declaration order. */
static ordered *declaration_order(rm_arena *a, size_t n, const void *items, size_t size,
                                  size_t loc_off)
{
    ordered *o = RM_NEW_ARRAY(a, ordered, n + 1);
    for (size_t i = 0; i < n; i++) {
        o[i].index = (uint32_t)i;
        memcpy(&o[i].loc, (const char *)items + i * size + loc_off, sizeof(rm_loc));
    }
    qsort(o, n, sizeof(*o), cmp_ordered);
    return o;
}

/* The relations holding a foreign key, grouped by the model that holds it (a counting sort,
 * relation order kept inside a group): start[m]..start[m+1] index into the returned array.
 * One pass instead of a scan of every relation per model, which was quadratic in time and
 * arena memory (2.7 GB at 10,000 models). */
static uint32_t *fk_buckets(uint32_t **start_out, const rm_graph *g, rm_arena *a)
{
    uint32_t *start = RM_NEW_ARRAY(a, uint32_t, g->nmodels + 2);
    uint32_t *idx = RM_NEW_ARRAY(a, uint32_t, g->nrelations + 1);
    for (size_t r = 0; r < g->nrelations; r++) {
        const rm_relation *rel = &g->relations[r];
        if (rel->card != RM_CARD_MANY_TO_MANY_IMPLICIT && rel->nfk &&
            rel->from.model < g->nmodels)
            start[rel->from.model + 2]++;
    }
    for (size_t m = 2; m < g->nmodels + 2; m++)
        start[m] += start[m - 1];
    for (size_t r = 0; r < g->nrelations; r++) {
        const rm_relation *rel = &g->relations[r];
        if (rel->card != RM_CARD_MANY_TO_MANY_IMPLICIT && rel->nfk &&
            rel->from.model < g->nmodels)
            idx[start[rel->from.model + 1]++] = (uint32_t)r;
    }
    *start_out = start;
    return idx;
}

int rm_sqlschema_lower(rm_sqlschema *out, const rm_graph *g, const rm_dialect *d,
                       const rm_lower_opts *opts, rm_arena *a, rm_diags *diags)
{
    lowerer l = {out, g, d, a, diags, NULL, RM_OK, true, 0, NULL, NULL};
    if (g->provider != RM_PROVIDER_NONE)
        l.natives_apply = rm_dialect_by_name(rm_provider_name(g->provider)) == d;
    rm_sqlschema_init(out, a);
    bool schemas = (d->caps & RM_CAP_SCHEMAS) != 0;
    const char *dflt = schemas && opts && opts->qualify_default ? opts->default_schema : NULL;
    /* With `schemas = [...]` in the datasource those are the namespaces; otherwise the default
     * one is (Prisma's CreateSchema steps). */
    if (schemas && opts && opts->default_schema && g->nschemas == 0)
        rm_sqlschema_add_namespace(out, opts->default_schema);
    for (size_t i = 0; schemas && i < g->nschemas; i++)
        rm_sqlschema_add_namespace(out, g->schemas[i]);
    l.tables = RM_NEW_ARRAY(a, rm_sql_table *, g->nmodels + 1);

    ordered *eo =
        declaration_order(a, g->nenums, g->enums, sizeof(rm_enum), offsetof(rm_enum, loc));
    if (d->caps & RM_CAP_ENUM_TYPES) {
        for (size_t i = 0; i < g->nenums; i++) {
            const rm_enum *e = &g->enums[eo[i].index];
            const char **values = RM_NEW_ARRAY(a, const char *, e->nvalues + 1);
            for (size_t k = 0; k < e->nvalues; k++)
                values[k] = e->values[k].db_name;
            rm_sqlschema_add_enum(out, e->schema ? e->schema : dflt, e->db_name, values,
                                  e->nvalues);
        }
    }

    ordered *mo =
        declaration_order(a, g->nmodels, g->models, sizeof(rm_model), offsetof(rm_model, loc));
    for (size_t i = 0; i < g->nmodels; i++) {
        uint32_t mi = mo[i].index;
        const rm_model *m = &g->models[mi];
        if (m->is_view || m->ignored)
            continue;
        rm_sql_table *t = rm_sqlschema_add_table(out, m->schema ? m->schema : dflt, m->db_name);
        if (!t) {
            rm_diag_error(diags, RM_E_SQL_DUPLICATE_NAME, m->name_loc,
                          "model `%s` maps to the table `%s`, which another model uses too",
                          m->name, m->db_name);
            l.rc = RM_ESEMANTIC;
            continue;
        }
        l.tables[mi] = t;
        for (size_t f = 0; f < m->nfields; f++)
            if (m->fields[f].kind == RM_FIELD_SCALAR)
                lower_column(&l, t, m, &m->fields[f]);
        lower_keys(&l, t, m);
    }
    for (size_t r = 0; r < g->nrelations; r++) {
        const rm_relation *rel = &g->relations[r];
        if (rel->card == RM_CARD_ONE_TO_ONE && rel->nfk && l.tables[rel->from.model])
            unique_for_one_to_one(&l, l.tables[rel->from.model], &g->models[rel->from.model], rel);
    }
    if (g->relation_mode == RM_RELMODE_FOREIGN_KEYS) {
        uint32_t *start;
        uint32_t *rels = fk_buckets(&start, g, a);
        for (size_t i = 0; i < g->nmodels; i++) {
            uint32_t mi = mo[i].index;
            if (l.tables[mi])
                lower_fks(&l, l.tables[mi], mi, rels + start[mi], start[mi + 1] - start[mi]);
        }
    }
    for (size_t r = 0; r < g->nrelations; r++)
        if (g->relations[r].card == RM_CARD_MANY_TO_MANY_IMPLICIT && g->relations[r].join_table)
            lower_join_table(&l, &g->relations[r]);
    if (l.natives_skipped) {
        rm_diag *w = rm_diag_warning(
            diags, RM_E_SQL_FOREIGN_NATIVE_TYPES, l.first_skipped->native.loc,
            "%zu native type attribute%s (@db.*) written for %s %s ignored for %s, first "
            "`%s.%s @db.%s`",
            l.natives_skipped, l.natives_skipped == 1 ? "" : "s", rm_provider_name(g->provider),
            l.natives_skipped == 1 ? "is" : "are", d->name, l.first_skipped_model->name,
            l.first_skipped->name, l.first_skipped->native.name);
        rm_diag_set_detail(diags, w, "Those fields get %s's default type for their scalar.",
                           d->name);
    }
    return l.rc;
}
