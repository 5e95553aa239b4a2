/*
 * Prisma ASTs -> rm_graph, second half: relation fields are paired into rm_relation edges and
 * every relation rule of prisma.md section 2 is checked (ambiguity, missing opposite fields,
 * fields/references placement and validity, one-to-one uniqueness, implicit many-to-many
 * rules, referential actions per provider and relation mode, cycles, named foreign keys). The
 * language defaults are written into the edges (onDelete Restrict/SetNull, onUpdate Cascade,
 * relation name AToB, join table _AToB) together with a flag saying whether the user wrote
 * them. Not for scalar fields or keys (prisma_build.c).
 */
#include "model/prisma_build_int.h"

#include <ctype.h>
#include <stddef.h>
#include <string.h>

static const char *model_word(const rm_model *m)
{
    return m->is_view ? "view" : "model";
}

static const char *ucmodel_word(const rm_model *m)
{
    return m->is_view ? "View" : "Model";
}

static rm_model *M(pb *b, uint32_t i)
{
    return &b->g->models[i];
}

static rm_field *F(pb *b, const pb_relfield *r)
{
    return &b->g->models[r->model].fields[r->field];
}

static rm_loc RLOC(pb *b, const pb_relfield *r)
{
    return pb_field_loc(b, r->model, r->field);
}

static bool same_name(const char *x, const char *y)
{
    if (!x || !y)
        return x == y;
    return strcmp(x, y) == 0;
}

static bool has_actions(const pb_relfield *r)
{
    return r->on_delete_arg || r->on_update_arg;
}

static bool has_fk_args(const pb_relfield *r)
{
    return r->fields || r->references;
}

/* ---- @relation parsing ------------------------------------------------------------------ */

static rm_ref_action action_from(const char *s)
{
    static const struct {
        const char *n;
        rm_ref_action a;
    } t[] = {{"Cascade", RM_ACTION_CASCADE},
             {"Restrict", RM_ACTION_RESTRICT},
             {"NoAction", RM_ACTION_NO_ACTION},
             {"SetNull", RM_ACTION_SET_NULL},
             {"SetDefault", RM_ACTION_SET_DEFAULT}};
    for (size_t i = 0; i < RM_ARRAY_LEN(t); i++)
        if (strcmp(t[i].n, s) == 0)
            return t[i].a;
    return RM_ACTION_NONE;
}

static void parse_relation_attr(pb *b, pb_relfield *r)
{
    const rm_prisma_attr *at = r->attr;
    if (!at)
        return;
    for (size_t i = 0; i < at->args.n; i++) {
        const rm_prisma_arg *arg = &at->args.items[i];
        const char *n = arg->name;
        if (!n) {
            if (i == 0 && arg->value.kind == RM_PEXPR_STRING)
                r->name = arg->value.text;
            else
                rm_diag_error(b->d, RM_E_PRISMA_ATTRIBUTE_ARGUMENT, arg->loc,
                              "The relation name must be a string: @relation(\"Name\").");
        } else if (strcmp(n, "name") == 0) {
            r->name = rm_prisma_expr_string(&arg->value, NULL);
        } else if (strcmp(n, "fields") == 0 || strcmp(n, "references") == 0) {
            const rm_prisma_expr *list = &arg->value;
            if (list->kind == RM_PEXPR_CONST) {
                /* Prisma coerces a single name into a list: fields: authorId. */
                rm_prisma_expr *one = RM_NEW(b->tmp, rm_prisma_expr);
                one->kind = RM_PEXPR_ARRAY;
                one->loc = list->loc;
                one->text = "";
                one->items = (rm_prisma_expr *)list;
                one->n = 1;
                list = one;
            }
            if (list->kind != RM_PEXPR_ARRAY) {
                rm_diag_error(b->d, RM_E_PRISMA_ATTRIBUTE_ARGUMENT, arg->value.loc,
                              "Expected a list of field names for `%s`, e.g. [id].", n);
                continue;
            }
            if (n[0] == 'f')
                r->fields = list;
            else
                r->references = list;
        } else if (strcmp(n, "onDelete") == 0 || strcmp(n, "onUpdate") == 0) {
            rm_ref_action act = action_from(arg->value.text);
            if (act == RM_ACTION_NONE || arg->value.kind != RM_PEXPR_CONST) {
                rm_diag *dg = rm_diag_error(b->d, RM_E_RELATION_REFERENTIAL_ACTION, arg->value.loc,
                                            "Invalid referential action: `%s`", arg->value.text);
                rm_diag_set_hint(b->d, dg,
                                 "use one of Cascade, Restrict, NoAction, SetNull, SetDefault");
                continue;
            }
            if (n[2] == 'D') {
                r->on_delete = act;
                r->on_delete_arg = arg;
            } else {
                r->on_update = act;
                r->on_update_arg = arg;
            }
        } else if (strcmp(n, "map") == 0) {
            r->map = rm_prisma_expr_string(&arg->value, NULL);
            r->map_arg = arg;
        } else {
            rm_diag_error(b->d, RM_E_PRISMA_ATTRIBUTE_ARGUMENT, arg->loc,
                          "No such argument `%s` in @relation.", n);
        }
    }
}

void rm_pb_relations_collect(pb *b)
{
    /* Sized once: growing by doubling would leave up to two dead copies in the arena. Every
     * relation pairs two of these fields, so they also bound the relations. */
    size_t count = 0;
    for (size_t mi = 0; mi < b->g->nmodels; mi++)
        for (size_t fi = 0; fi < b->g->models[mi].nfields; fi++)
            count += b->g->models[mi].fields[fi].kind == RM_FIELD_RELATION;
    if (count > 0) {
        b->relfields = RM_NEW_ARRAY(b->tmp, pb_relfield, count);
        b->caprelfields = count;
        b->rels = RM_NEW_ARRAY(b->tmp, rm_relation, count / 2 + 1);
        b->caprels = count / 2 + 1;
    }
    for (size_t di = 0; di < b->ndecl; di++) {
        uint32_t mi = b->decl[di];
        rm_model *m = M(b, mi);
        for (size_t fi = 0; fi < m->nfields; fi++) {
            if (m->fields[fi].kind != RM_FIELD_RELATION)
                continue;
            pb_relfield r;
            memset(&r, 0, sizeof r);
            r.model = mi;
            r.field = (uint32_t)fi;
            r.ast = b->astfield[mi][fi];
            r.attr = rm_prisma_field_attr(r.ast, "relation");
            parse_relation_attr(b, &r);
            b->models[mi].relfield[fi] = (uint32_t)b->nrelfields;
            RM_VEC_PUSH(b->tmp, b->relfields, b->nrelfields, b->caprelfields, r);
        }
    }
}

/* ---- ambiguity and pairing -------------------------------------------------------------- */

/* "`a` and `b`" or "`a`, `b` and `c`". */
static void name_list(rm_sb *sb, pb *b, const uint32_t *ids, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            rm_sb_puts(sb, i + 1 == n ? " and " : ", ");
        rm_sb_appendf(sb, "`%s`", F(b, &b->relfields[ids[i]])->name);
    }
}

/* Lists by model, in index order: head[m] is the first item of model m, next[i] the following
 * one (RM_NONE ends a list). Used to keep the pairing and grouping passes linear. */
static void by_model(pb *b, size_t n, const void *items, size_t offset, size_t stride,
                     uint32_t **head_out, uint32_t **next_out)
{
    uint32_t *head = RM_NEW_ARRAY(b->tmp, uint32_t, b->g->nmodels + 1);
    uint32_t *next = RM_NEW_ARRAY(b->tmp, uint32_t, n + 1);
    for (size_t i = 0; i <= b->g->nmodels; i++)
        head[i] = RM_NONE;
    for (size_t k = n; k-- > 0;) {
        uint32_t m;
        memcpy(&m, (const char *)items + k * stride + offset, sizeof m);
        if (m < b->g->nmodels) {
            next[k] = head[m];
            head[m] = (uint32_t)k;
        }
    }
    *head_out = head;
    *next_out = next;
}

static uint32_t list_first(const pb *b, const uint32_t *head, uint32_t model)
{
    return model < b->g->nmodels ? head[model] : RM_NONE;
}

static void check_ambiguity(pb *b)
{
    uint32_t *grp = RM_NEW_ARRAY(b->tmp, uint32_t, b->nrelfields ? b->nrelfields : 1);
    /* The candidates of a group share the model: scan only that model's relation fields. */
    uint32_t *head, *next;
    by_model(b, b->nrelfields, b->relfields, offsetof(pb_relfield, model), sizeof(pb_relfield),
             &head, &next);
    for (size_t i = 0; i < b->nrelfields; i++) {
        pb_relfield *r = &b->relfields[i];
        if (r->broken)
            continue;
        rm_field *f = F(b, r);
        size_t n = 0;
        for (uint32_t k = list_first(b, head, r->model); k != RM_NONE; k = next[k]) {
            pb_relfield *o = &b->relfields[k];
            if (o->model == r->model && F(b, o)->type_ref == f->type_ref &&
                same_name(o->name, r->name))
                grp[n++] = (uint32_t)k;
        }
        bool self = f->type_ref == r->model;
        const rm_model *m = M(b, r->model);
        const char *target = M(b, f->type_ref)->name;
        rm_sb sb = RM_SB_INIT;
        const char *fmt = NULL;
        if (self && !r->name && n == 2)
            fmt = "Ambiguous self relation detected. The fields %s in %s `%s` both refer to "
                  "`%s`. If they are part of the same relation add the same relation name for "
                  "them with `@relation(<name>)`.";
        else if (self && !r->name && n > 2)
            fmt = "Unnamed self relation detected. The fields %s in %s `%s` have no relation "
                  "name. Please provide a relation name for one of them by adding "
                  "`@relation(<name>).";
        else if (self && r->name && n > 2)
            fmt = "Wrongly named self relation detected. The fields %s in %s `%s` have the same "
                  "relation name. At most two relation fields can belong to the same relation "
                  "and therefore have the same name. Please assign a different relation name to "
                  "one of them.";
        else if (!self && !r->name && n > 1)
            fmt = "Ambiguous relation detected. The fields %s in %s `%s` both refer to `%s`. "
                  "Please provide different relation names for them by adding "
                  "`@relation(<name>).";
        else if (!self && r->name && n > 1)
            fmt = "Wrongly named relation detected. The fields %s in %s `%s` both use the same "
                  "relation name. Please provide different relation names for them through "
                  "`@relation(<name>).";
        if (fmt) {
            /* The list is only built for a message: this loop visits every relation field. */
            name_list(&sb, b, grp, n < 2 || self ? n : 2);
            /* fmt is one of the literals above; all take (list, word, model[, target]). */
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
            rm_diag *dg = rm_diag_error(b->d, RM_E_RELATION_AMBIGUOUS, RLOC(b, r), fmt,
                                        rm_sb_str(&sb), model_word(m), m->name, target);
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
            rm_diag_set_hint(b->d, dg,
                             "name each relation on both of its fields, e.g. "
                             "@relation(\"%s_%s\") on `%s` and on its opposite field in %s",
                             m->name, f->name, f->name, target);
            for (size_t k = 0; k < n; k++)
                b->relfields[grp[k]].broken = true;
            /* The mirror fields on the other model share the problem: one report is enough. */
            for (size_t k = 0; k < b->nrelfields; k++) {
                pb_relfield *o = &b->relfields[k];
                if (o->model == f->type_ref && F(b, o)->type_ref == r->model &&
                    same_name(o->name, r->name))
                    o->broken = true;
            }
        }
        rm_sb_free(&sb);
    }
}

static const char *provider_title(rm_provider p)
{
    switch (p) {
    case RM_PROVIDER_POSTGRES:
        return "Postgres";
    case RM_PROVIDER_MYSQL:
        return "MySQL";
    case RM_PROVIDER_SQLITE:
        return "SQLite";
    case RM_PROVIDER_SQLSERVER:
        return "SQL Server";
    case RM_PROVIDER_COCKROACH:
        return "CockroachDB";
    case RM_PROVIDER_MONGODB:
        return "MongoDB";
    default:
        return "the current connector";
    }
}

/* ---- fields/references resolution ------------------------------------------------------- */

typedef struct fkres {
    uint32_t *fk;
    uint32_t *ref;
    size_t n;
    bool ok;
} fkres;

/* Resolve names in an array against model m. Reports unknown and relation fields. */
static bool resolve_list(pb *b, const pb_relfield *r, const rm_prisma_expr *arr, uint32_t mi,
                         bool is_refs, uint32_t **out)
{
    const rm_model *m = M(b, mi);
    *out = RM_NEW_ARRAY(b->a, uint32_t, arr->n ? arr->n : 1);
    rm_sb missing = RM_SB_INIT, rels = RM_SB_INIT;
    for (size_t i = 0; i < arr->n; i++) {
        const char *name = rm_prisma_expr_ref_name(&arr->items[i]);
        uint32_t fi = name ? rm_model_find_field(m, name) : RM_NONE;
        (*out)[i] = fi;
        if (fi == RM_NONE) {
            rm_sb_appendf(&missing, "%s%s", missing.len ? ", " : "", name ? name : "?");
        } else if (m->fields[fi].kind == RM_FIELD_RELATION) {
            rm_sb_appendf(&rels, "%s%s", rels.len ? ", " : "", name);
        }
    }
    bool ok = true;
    rm_loc loc = RLOC(b, r);
    if (missing.len) {
        ok = false;
        if (is_refs)
            rm_diag_error(b->d, RM_E_RELATION_UNKNOWN_FIELDS, loc,
                          "The argument `references` must refer only to existing fields in the "
                          "related model `%s`. The following fields do not exist in the related "
                          "model: %s",
                          m->name, rm_sb_str(&missing));
        else
            rm_diag_error(b->d, RM_E_RELATION_UNKNOWN_FIELDS, loc,
                          "The argument fields must refer only to existing fields. The following "
                          "fields do not exist in this model: %s",
                          rm_sb_str(&missing));
    }
    if (rels.len) {
        ok = false;
        if (is_refs)
            rm_diag_error(b->d, RM_E_RELATION_UNKNOWN_FIELDS, loc,
                          "The argument `references` must refer only to scalar fields in the "
                          "related model `%s`. But it is referencing the following relation "
                          "fields: %s",
                          m->name, rm_sb_str(&rels));
        else
            rm_diag_error(b->d, RM_E_RELATION_UNKNOWN_FIELDS, loc,
                          "The argument fields must refer only to scalar fields. But it is "
                          "referencing the following relation fields: %s",
                          rm_sb_str(&rels));
    }
    rm_sb_free(&missing);
    rm_sb_free(&rels);
    return ok;
}

/* Is the set of fields (any order) exactly the fields of a unique criterion of m? Sets
 * *ordered when some criterion also has the same order. */
static bool is_unique_set(const rm_model *m, const uint32_t *fs, size_t n, bool *ordered)
{
    *ordered = false;
    bool found = false;
    for (size_t i = 0; i <= m->nindexes; i++) {
        const rm_index *ix = i < m->nindexes ? &m->indexes[i] : m->primary_key;
        if (!ix || (ix->kind != RM_INDEX_UNIQUE && ix->kind != RM_INDEX_PRIMARY) ||
            ix->nfields != n)
            continue;
        bool all = true, same_order = true;
        for (size_t k = 0; k < n; k++) {
            bool in = false;
            for (size_t j = 0; j < n; j++)
                in = in || ix->fields[j].field == fs[k];
            all = all && in;
            same_order = same_order && ix->fields[k].field == fs[k];
        }
        if (all) {
            found = true;
            *ordered = *ordered || same_order;
        }
    }
    return found;
}

static void names_of(rm_sb *sb, const rm_model *m, const uint32_t *fs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        rm_sb_appendf(sb, "%s%s", i ? ", " : "", m->fields[fs[i]].name);
}

static bool fields_equal_type(const rm_field *x, const rm_field *y)
{
    if (x->scalar != y->scalar)
        return false;
    if (x->scalar == RM_SCALAR_ENUM)
        return x->type_ref == y->type_ref;
    if (x->scalar == RM_SCALAR_UNSUPPORTED)
        return strcmp(x->type_name, y->type_name) == 0;
    return true;
}

/* Check fields/references of forward field f (target model t); fill res. */
static void check_fk(pb *b, const pb_relfield *f, fkres *res)
{
    memset(res, 0, sizeof *res);
    const rm_model *m = M(b, f->model), *t = M(b, F(b, f)->type_ref);
    uint32_t tmi = F(b, f)->type_ref;
    bool ok1 = resolve_list(b, f, f->fields, f->model, false, &res->fk);
    bool ok2 = resolve_list(b, f, f->references, tmi, true, &res->ref);
    if (!ok1 || !ok2)
        return;
    if (f->fields->n != f->references->n) {
        rm_diag_error(b->d, RM_E_RELATION_ARITY, RLOC(b, f),
                      "You must specify the same number of fields in `fields` and `references`.");
        return;
    }
    res->n = f->fields->n;
    bool ordered;
    if (!is_unique_set(t, res->ref, res->n, &ordered)) {
        rm_sb sb = RM_SB_INIT;
        names_of(&sb, t, res->ref, res->n);
        rm_diag *dg;
        if (res->n == 1)
            dg = rm_diag_error(b->d, RM_E_RELATION_REFERENCES_NOT_UNIQUE, RLOC(b, f),
                               "The argument `references` must refer to a unique criterion in "
                               "the related model. Consider adding an `@unique` attribute to the "
                               "field `%s` in the model `%s`.",
                               rm_sb_str(&sb), t->name);
        else
            dg = rm_diag_error(b->d, RM_E_RELATION_REFERENCES_NOT_UNIQUE, RLOC(b, f),
                               "The argument `references` must refer to a unique criterion in "
                               "the related model. Consider adding an `@@unique([%s])` attribute "
                               "to the model `%s`.",
                               rm_sb_str(&sb), t->name);
        if (res->n == 1)
            rm_diag_set_hint(b->d, dg, "add @unique to %s.%s", t->name, rm_sb_str(&sb));
        else
            rm_diag_set_hint(b->d, dg, "add @@unique([%s]) to model %s", rm_sb_str(&sb), t->name);
        rm_sb_free(&sb);
    } else if (!ordered && b->g->provider == RM_PROVIDER_SQLSERVER) {
        rm_sb sb = RM_SB_INIT;
        names_of(&sb, t, res->ref, res->n);
        rm_diag_error(b->d, RM_E_RELATION_REFERENCES_NOT_UNIQUE, RLOC(b, f),
                      "The argument `references` must refer to a unique criterion in the related "
                      "model `%s` using the same order of fields. Please check the ordering in "
                      "the following fields: `%s`.",
                      t->name, rm_sb_str(&sb));
        rm_sb_free(&sb);
    }
    for (size_t i = 0; i < res->n; i++) {
        const rm_field *x = &m->fields[res->fk[i]], *y = &t->fields[res->ref[i]];
        if (!fields_equal_type(x, y)) {
            rm_diag *dg = rm_diag_error(
                b->d, RM_E_RELATION_TYPE_MISMATCH, RLOC(b, f),
                "The type of the field `%s` in the model `%s` is not matching the type of the "
                "referenced field `%s` in model `%s`.",
                x->name, m->name, y->name, t->name);
            rm_diag_set_hint(b->d, dg, "declare %s.%s as %s%s", m->name, x->name,
                             y->scalar == RM_SCALAR_ENUM ? y->type_name : rm_scalar_name(y->scalar),
                             x->optional ? "?" : "");
        }
    }
    bool any_optional = false;
    for (size_t i = 0; i < res->n; i++)
        any_optional = any_optional || m->fields[res->fk[i]].optional;
    if (any_optional && !F(b, f)->optional && !F(b, f)->list) {
        rm_sb sb = RM_SB_INIT;
        names_of(&sb, m, res->fk, res->n);
        rm_diag *dg = rm_diag_error(
            b->d, RM_E_RELATION_ARITY, RLOC(b, f),
            "The relation field `%s` uses the scalar fields %s. At least one of those fields is "
            "optional. Hence the relation field must be optional as well.",
            F(b, f)->name, rm_sb_str(&sb));
        rm_diag_set_hint(b->d, dg, "write %s %s? or make the scalar fields required", F(b, f)->name,
                         F(b, f)->type_name);
        rm_sb_free(&sb);
    }
    res->ok = true;
}

/* ---- relation construction -------------------------------------------------------------- */

static uint32_t new_relation(pb *b, const char *name, rm_cardinality card, const pb_relfield *from,
                             const pb_relfield *to)
{
    rm_relation r;
    memset(&r, 0, sizeof r);
    r.card = card;
    r.from.model = from->model;
    r.from.field = from->field;
    r.to.model = to->model;
    r.to.field = to->field;
    r.self = from->model == to->model;
    if (name) {
        r.name = name;
        r.named = true;
    } else {
        const char *x = M(b, from->model)->name, *y = M(b, to->model)->name;
        if (strcmp(x, y) > 0) {
            const char *t = x;
            x = y;
            y = t;
        }
        r.name = rm_arena_sprintf(b->a, "%sTo%s", x, y);
    }
    r.loc = from->attr ? from->attr->loc : RLOC(b, from);
    uint32_t idx = (uint32_t)b->nrels;
    /* Scratch: rm_graph_sort copies the relations into the graph's arena. */
    RM_VEC_PUSH(b->tmp, b->rels, b->nrels, b->caprels, r);
    F(b, from)->relation = idx;
    F(b, to)->relation = idx;
    return idx;
}

static void fill_actions(pb *b, rm_relation *rel, const pb_relfield *f, const fkres *res)
{
    rm_model *m = M(b, f->model);
    bool all_optional = res->n > 0;
    for (size_t i = 0; i < res->n; i++)
        all_optional = all_optional && m->fields[res->fk[i]].optional;
    rel->fk_optional = all_optional;
    rel->on_delete_set = f->on_delete_arg != NULL;
    rel->on_update_set = f->on_update_arg != NULL;
    if (rel->on_delete_set)
        rel->on_delete = f->on_delete;
    else if (all_optional)
        rel->on_delete = RM_ACTION_SET_NULL;
    else
        rel->on_delete =
            b->g->provider == RM_PROVIDER_SQLSERVER ? RM_ACTION_NO_ACTION : RM_ACTION_RESTRICT;
    rel->on_update = rel->on_update_set ? f->on_update : RM_ACTION_CASCADE;
    rel->fk_map = f->map;
    rel->nfk = res->n;
    rel->fk_fields = res->fk;
    rel->ref_fields = res->ref;
}

static void one_to_many(pb *b, pb_relfield *f, pb_relfield *k)
{
    uint32_t ri = new_relation(b, f->name, RM_CARD_ONE_TO_MANY, f, k);
    if (has_fk_args(k))
        rm_diag_error(b->d, RM_E_RELATION_FIELDS_ARGUMENT, RLOC(b, k),
                      "The relation field `%s` on %s `%s` must not specify the `fields` or "
                      "`references` argument in the @relation attribute. You must only specify "
                      "it on the opposite field `%s` on model `%s`.",
                      F(b, k)->name, ucmodel_word(M(b, k->model)), M(b, k->model)->name,
                      F(b, f)->name, M(b, f->model)->name);
    if (has_actions(k))
        rm_diag_error(b->d, RM_E_RELATION_REFERENTIAL_ACTION, RLOC(b, k),
                      "The relation field `%s` on %s `%s` must not specify the `onDelete` or "
                      "`onUpdate` argument in the @relation attribute. You must only specify it "
                      "on the opposite field `%s` on model `%s`, or in case of a many to many "
                      "relation, in an explicit join table.",
                      F(b, k)->name, ucmodel_word(M(b, k->model)), M(b, k->model)->name,
                      F(b, f)->name, M(b, f->model)->name);
    bool missing = false;
    if (!f->fields) {
        rm_diag *dg = rm_diag_error(
            b->d, RM_E_RELATION_FIELDS_ARGUMENT, RLOC(b, f),
            "The relation field `%s` on %s `%s` must specify the `fields` argument in the "
            "@relation attribute. You can run `prisma format` to fix this automatically.",
            F(b, f)->name, ucmodel_word(M(b, f->model)), M(b, f->model)->name);
        rm_diag_set_hint(b->d, dg, "add @relation(fields: [%sId], references: [id])",
                         F(b, f)->name);
        missing = true;
    }
    if (!f->references) {
        rm_diag_error(b->d, RM_E_RELATION_FIELDS_ARGUMENT, RLOC(b, f),
                      "The relation field `%s` on %s `%s` must specify the `references` argument "
                      "in the @relation attribute.",
                      F(b, f)->name, ucmodel_word(M(b, f->model)), M(b, f->model)->name);
        missing = true;
    }
    fkres res;
    memset(&res, 0, sizeof res);
    if (!missing)
        check_fk(b, f, &res);
    fill_actions(b, &b->rels[ri], f, &res);
}

static void both_msg(pb *b, pb_relfield *at, pb_relfield *x, pb_relfield *y, const char *what,
                     bool both)
{
    rm_diag_error(b->d, both ? RM_E_RELATION_FIELDS_ARGUMENT : RM_E_RELATION_FIELDS_ARGUMENT,
                  RLOC(b, at),
                  both ? "The relation fields `%s` on Model `%s` and `%s` on Model `%s` both "
                         "provide the `%s` argument in the @relation attribute. You have to "
                         "provide it only on one of the two fields."
                       : "The relation fields `%s` on Model `%s` and `%s` on Model `%s` do not "
                         "provide the `%s` argument in the @relation attribute. You have to "
                         "provide it on one of the two fields.",
                  F(b, x)->name, M(b, x->model)->name, F(b, y)->name, M(b, y->model)->name, what);
}

static void one_to_one(pb *b, pb_relfield *x, pb_relfield *y)
{
    /* Forward side: the one with fields/references; if both or neither, the field on the model
     * whose name sorts first (what `prisma format` picks, and Prisma's report order). */
    pb_relfield *f = x, *k = y;
    if (has_fk_args(y) && !has_fk_args(x)) {
        f = y;
        k = x;
    } else if (has_fk_args(x) == has_fk_args(y)) {
        int c = strcmp(M(b, x->model)->name, M(b, y->model)->name);
        if (c > 0 || (c == 0 && strcmp(F(b, x)->name, F(b, y)->name) > 0)) {
            f = y;
            k = x;
        }
    }
    uint32_t ri = new_relation(b, f->name ? f->name : k->name, RM_CARD_ONE_TO_ONE, f, k);
    size_t errs = b->d->nerrors;
    if (!has_fk_args(f) && !has_fk_args(k)) {
        both_msg(b, f, f, k, "fields", false);
        both_msg(b, k, k, f, "fields", false);
        both_msg(b, f, f, k, "references", false);
        both_msg(b, k, k, f, "references", false);
        rm_diag_set_hint(b->d, b->d->items[b->d->n - 1],
                         "add @relation(fields: [...], references: [...]) to one side");
        return;
    }
    if (has_fk_args(k)) {
        if (f->references && k->references) {
            both_msg(b, f, f, k, "references", true);
            both_msg(b, k, f, k, "references", true);
        }
        if (f->fields && k->fields) {
            both_msg(b, f, f, k, "fields", true);
            both_msg(b, k, f, k, "fields", true);
        }
        if ((f->fields && !f->references && k->references && !k->fields) ||
            (k->fields && !k->references && f->references && !f->fields)) {
            pb_relfield *fs = f->fields ? f : k, *rs = f->fields ? k : f;
            rm_diag_error(b->d, RM_E_RELATION_FIELDS_ARGUMENT, RLOC(b, fs),
                          "The relation field `%s` on Model `%s` provides the `fields` argument "
                          "in the @relation attribute. And the related field `%s` on Model `%s` "
                          "provides the `references` argument. You must provide both arguments "
                          "on the same side.",
                          F(b, fs)->name, M(b, fs->model)->name, F(b, rs)->name,
                          M(b, rs->model)->name);
        }
        return;
    }
    if (has_actions(k)) {
        if (has_actions(f)) {
            const char *fmt = "The relation fields `%s` on Model `%s` and `%s` on Model `%s` both "
                              "provide the `onDelete` or `onUpdate` argument in the @relation "
                              "attribute. You have to provide it only on one of the two fields.";
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
            rm_diag_error(b->d, RM_E_RELATION_REFERENTIAL_ACTION, RLOC(b, k), fmt, F(b, k)->name,
                          M(b, k->model)->name, F(b, f)->name, M(b, f->model)->name);
            rm_diag_error(b->d, RM_E_RELATION_REFERENTIAL_ACTION, RLOC(b, f), fmt, F(b, f)->name,
                          M(b, f->model)->name, F(b, k)->name, M(b, k->model)->name);
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
        } else {
            rm_diag_error(b->d, RM_E_RELATION_REFERENTIAL_ACTION, RLOC(b, k),
                          "The relation field `%s` on Model `%s` must not specify the `onDelete` "
                          "or `onUpdate` argument in the @relation attribute. You must only "
                          "specify it on the opposite field `%s` on model `%s`.",
                          F(b, k)->name, M(b, k->model)->name, F(b, f)->name, M(b, f->model)->name);
        }
    }
    if (!f->fields || !f->references) {
        rm_diag_error(b->d, RM_E_RELATION_FIELDS_ARGUMENT, RLOC(b, f),
                      "The relation field `%s` on Model `%s` must specify the `%s` argument in "
                      "the @relation attribute.",
                      F(b, f)->name, M(b, f->model)->name, f->fields ? "references" : "fields");
        return;
    }
    if (!F(b, k)->optional) {
        if (!F(b, f)->optional) {
            rm_diag *dg = rm_diag_error(
                b->d, RM_E_RELATION_ARITY, RLOC(b, k),
                "The relation field `%s` on Model `%s` is required. This is not valid because "
                "it's not possible to enforce this constraint on the database level. Please "
                "change the field type from `%s` to `%s?` to fix this.",
                F(b, k)->name, M(b, k->model)->name, F(b, k)->type_name, F(b, k)->type_name);
            rm_diag_set_hint(b->d, dg, "write %s %s?", F(b, k)->name, F(b, k)->type_name);
        }
    }
    fkres res;
    check_fk(b, f, &res);
    fill_actions(b, &b->rels[ri], f, &res);
    if (res.ok) {
        bool ordered;
        const rm_model *m = M(b, f->model);
        if (!is_unique_set(m, res.fk, res.n, &ordered)) {
            rm_sb sb = RM_SB_INIT;
            names_of(&sb, m, res.fk, res.n);
            rm_diag *dg;
            if (res.n == 1)
                dg = rm_diag_error(b->d, RM_E_RELATION_ONE_TO_ONE_UNIQUE, RLOC(b, f),
                                   "A one-to-one relation must use unique fields on the defining "
                                   "side. Either add an `@unique` attribute to the field `%s`, "
                                   "or change the relation to one-to-many.",
                                   rm_sb_str(&sb));
            else
                dg = rm_diag_error(b->d, RM_E_RELATION_ONE_TO_ONE_UNIQUE, RLOC(b, f),
                                   "A one-to-one relation must use unique fields on the defining "
                                   "side. Either add an `@@unique([%s])` attribute to the model, "
                                   "or change the relation to one-to-many.",
                                   rm_sb_str(&sb));
            if (res.n == 1)
                rm_diag_set_hint(b->d, dg,
                                 "add @unique to %s.%s to make this relation one-to-one, or "
                                 "write %s %s[] to make it one-to-many",
                                 m->name, rm_sb_str(&sb), F(b, k)->name, F(b, k)->type_name);
            else
                rm_diag_set_hint(b->d, dg,
                                 "add @@unique([%s]) to model %s to make this relation "
                                 "one-to-one, or write %s %s[] to make it one-to-many",
                                 rm_sb_str(&sb), m->name, F(b, k)->name, F(b, k)->type_name);
            rm_sb_free(&sb);
        }
    }
    /* Rule 23: the FK is on the optional side while the other side is required; Prisma only
     * reports it when nothing else was wrong with this relation. */
    if (!F(b, k)->optional && F(b, f)->optional && b->d->nerrors == errs)
        rm_diag_error(b->d, RM_E_RELATION_FIELDS_ARGUMENT, RLOC(b, f),
                      "The relation field `%s.%s` defines the `fields` and/or `references` "
                      "argument. You must set them on the required side of the relation "
                      "(`%s.%s`) in order for the constraints to be enforced. Alternatively, you "
                      "can change this field to be required and the opposite optional, or make "
                      "both sides of the relation optional.",
                      M(b, f->model)->name, F(b, f)->name, M(b, k->model)->name, F(b, k)->name);
}

static bool single_id(const rm_model *m)
{
    return m->primary_key && m->primary_key->nfields == 1;
}

static void many_to_many(pb *b, pb_relfield *x, pb_relfield *y)
{
    /* A is the model whose name sorts first (the join table's column "A" references it); for a
     * self relation, the field whose name sorts first. */
    pb_relfield *a = x, *bb = y;
    int c = strcmp(M(b, x->model)->name, M(b, y->model)->name);
    if (c > 0 || (c == 0 && strcmp(F(b, x)->name, F(b, y)->name) > 0)) {
        a = y;
        bb = x;
    }
    uint32_t ri =
        new_relation(b, a->name ? a->name : bb->name, RM_CARD_MANY_TO_MANY_IMPLICIT, a, bb);
    rm_relation *rel = &b->rels[ri];
    rel->join_table = rm_arena_sprintf(b->a, "_%s", rel->name);
    /* The join table's foreign keys always cascade (Prisma's m2m_foreign_key_action). */
    rel->on_delete = RM_ACTION_CASCADE;
    rel->on_update = RM_ACTION_CASCADE;
    pb_relfield *both[2] = {a, bb};
    bool view = M(b, a->model)->is_view || M(b, bb->model)->is_view;
    for (int i = 0; i < 2 && view; i++)
        rm_diag_error(b->d, RM_E_RELATION_VIEW, RLOC(b, both[i]),
                      "Implicit many-to-many relations are not supported for views.");
    for (int i = 0; i < 2; i++) {
        pb_relfield *r = both[i];
        const rm_model *t = M(b, F(b, r)->type_ref), *m = M(b, r->model);
        if (!single_id(t)) {
            rm_diag *dg = rm_diag_error(
                b->d, RM_E_RELATION_MANY_TO_MANY, RLOC(b, r),
                "The relation field `%s` on %s `%s` references `%s` which does not have an `@id` "
                "field. Models without `@id` cannot be part of a many to many relation. Use an "
                "explicit intermediate Model to represent this relationship.",
                F(b, r)->name, model_word(m), m->name, t->name);
            rm_diag_set_hint(b->d, dg,
                             "give %s a single-field @id, or model the join table "
                             "explicitly",
                             t->name);
        }
    }
    for (int i = 0; i < 2; i++) {
        pb_relfield *r = both[i];
        if (r->references)
            rm_diag_error(b->d, RM_E_RELATION_MANY_TO_MANY, RLOC(b, r),
                          "Implicit many-to-many relation should not have references argument "
                          "defined. Either remove it, or change the relation to one-to-many.");
        else if (r->fields)
            rm_diag_error(b->d, RM_E_RELATION_MANY_TO_MANY, RLOC(b, r),
                          "Embedded many-to-many relations are not supported on %s. Please use "
                          "the syntax defined in "
                          "https://pris.ly/d/relational-database-many-to-many",
                          provider_title(b->g->provider));
        if (r->on_delete_arg)
            rm_diag_error(b->d, RM_E_RELATION_MANY_TO_MANY, RLOC(b, r),
                          "Referential actions on implicit many-to-many relations are not "
                          "supported");
        if (r->on_update_arg)
            rm_diag_error(b->d, RM_E_RELATION_MANY_TO_MANY, RLOC(b, r),
                          "Referential actions on implicit many-to-many relations are not "
                          "supported");
    }
}

static void pair_all(pb *b)
{
    /* The opposite field lives in the target model: scan only that model's relation fields. */
    uint32_t *head, *next;
    by_model(b, b->nrelfields, b->relfields, offsetof(pb_relfield, model), sizeof(pb_relfield),
             &head, &next);
    for (size_t i = 0; i < b->nrelfields; i++) {
        pb_relfield *r = &b->relfields[i];
        if (r->broken || r->paired)
            continue;
        rm_field *f = F(b, r);
        pb_relfield *opp = NULL;
        for (uint32_t k = list_first(b, head, f->type_ref); k != RM_NONE && !opp; k = next[k]) {
            pb_relfield *o = &b->relfields[k];
            if (k == i || o->broken || o->paired)
                continue;
            if (o->model == f->type_ref && F(b, o)->type_ref == r->model &&
                same_name(o->name, r->name))
                opp = o;
        }
        if (!opp) {
            const rm_model *m = M(b, r->model);
            rm_diag *dg = rm_diag_error(
                b->d, RM_E_RELATION_MISSING_OPPOSITE, RLOC(b, r),
                "The relation field `%s` on %s `%s` is missing an opposite relation field on the "
                "%s `%s`. Either run `prisma format` or add it manually.",
                f->name, model_word(m), m->name, model_word(M(b, f->type_ref)),
                M(b, f->type_ref)->name);
            /* The fix `prisma format` would make, spelled out: a back list field, or a
             * forward field with its FK scalar (typed like the model's single id). */
            char *lc = rm_arena_strdup(b->tmp, m->name);
            lc[0] = (char)tolower((unsigned char)lc[0]);
            if (f->list) {
                const char *idtype = "Int";
                if (m->primary_key && m->primary_key->nfields == 1) {
                    const rm_field *idf = &m->fields[m->primary_key->fields[0].field];
                    idtype = idf->scalar == RM_SCALAR_ENUM ? idf->type_name
                                                           : rm_scalar_name(idf->scalar);
                }
                rm_diag_set_hint(b->d, dg,
                                 "add `%s %s? @relation(fields: [%sId], references: [id])` and "
                                 "`%sId %s?` to model %s",
                                 lc, m->name, lc, lc, idtype ? idtype : "Int",
                                 M(b, f->type_ref)->name);
            } else {
                rm_diag_set_hint(b->d, dg, "add `%ss %s[]` to model %s", lc, m->name,
                                 M(b, f->type_ref)->name);
            }
            r->broken = true;
            continue;
        }
        r->paired = opp->paired = true;
        rm_field *of = F(b, opp);
        if (f->list && of->list)
            many_to_many(b, r, opp);
        else if (f->list)
            one_to_many(b, opp, r);
        else if (of->list)
            one_to_many(b, r, opp);
        else
            one_to_one(b, r, opp);
    }
}

/* ---- per-relation checks that need the finished edges ----------------------------------- */

static bool triggers(rm_ref_action a)
{
    return a == RM_ACTION_CASCADE || a == RM_ACTION_SET_NULL || a == RM_ACTION_SET_DEFAULT;
}

static void allowed_actions(const pb *b, bool out[6])
{
    memset(out, 0, 6 * sizeof out[0]);
    rm_provider p = b->g->provider;
    bool emulated = b->g->relation_mode == RM_RELMODE_PRISMA;
    out[RM_ACTION_CASCADE] = out[RM_ACTION_SET_NULL] = true;
    if (!emulated) {
        out[RM_ACTION_RESTRICT] = p != RM_PROVIDER_SQLSERVER;
        out[RM_ACTION_NO_ACTION] = out[RM_ACTION_SET_DEFAULT] = true;
    } else {
        out[RM_ACTION_RESTRICT] = true;
        out[RM_ACTION_NO_ACTION] = p == RM_PROVIDER_MYSQL || p == RM_PROVIDER_MONGODB ||
                                   p == RM_PROVIDER_SQLSERVER || p == RM_PROVIDER_NONE;
    }
}

static void check_actions(pb *b, const rm_relation *rel, const pb_relfield *f)
{
    bool ok[6];
    allowed_actions(b, ok);
    const rm_prisma_arg *args[2] = {f->on_delete_arg, f->on_update_arg};
    rm_ref_action acts[2] = {f->on_delete, f->on_update};
    const char *names[2] = {"onDelete", "onUpdate"};
    bool any_required = false;
    const rm_model *m = M(b, f->model);
    for (size_t i = 0; i < rel->nfk; i++)
        any_required = any_required || !m->fields[rel->fk_fields[i]].optional;
    for (int i = 0; i < 2; i++) {
        if (!args[i])
            continue;
        rm_ref_action act = acts[i];
        if (!ok[act]) {
            rm_sb sb = RM_SB_INIT;
            static const rm_ref_action order[] = {RM_ACTION_CASCADE, RM_ACTION_RESTRICT,
                                                  RM_ACTION_NO_ACTION, RM_ACTION_SET_NULL,
                                                  RM_ACTION_SET_DEFAULT};
            for (size_t k = 0; k < RM_ARRAY_LEN(order); k++)
                if (ok[order[k]])
                    rm_sb_appendf(&sb, "%s`%s`", sb.len ? ", " : "", rm_ref_action_name(order[k]));
            if (act == RM_ACTION_NO_ACTION && b->g->provider == RM_PROVIDER_POSTGRES)
                rm_diag_error(b->d, RM_E_RELATION_REFERENTIAL_ACTION, args[i]->loc,
                              "Invalid referential action: `NoAction`. Allowed values: (%s). "
                              "`NoAction` is not implemented for Postgres when using "
                              "`relationMode = \"prisma\"`, you could try using `Restrict` "
                              "instead. Learn more at https://pris.ly/d/relation-mode",
                              rm_sb_str(&sb));
            else
                rm_diag_error(b->d, RM_E_RELATION_REFERENTIAL_ACTION, args[i]->loc,
                              "Invalid referential action: `%s`. Allowed values: (%s)",
                              rm_ref_action_name(act), rm_sb_str(&sb));
            rm_sb_free(&sb);
            continue;
        }
        if (act == RM_ACTION_SET_DEFAULT && b->g->provider == RM_PROVIDER_MYSQL &&
            b->g->relation_mode == RM_RELMODE_FOREIGN_KEYS)
            rm_diag_warning(b->d, RM_E_RELATION_SET_DEFAULT_MYSQL, args[i]->loc,
                            "MySQL does not actually support the `SetDefault` referential "
                            "action, so using it may result in unexpected errors. Read more at "
                            "https://pris.ly/d/mysql-set-default ");
    }
    /* SetNull over a required FK field: onDelete is reported before onUpdate. */
    for (int i = 0; i < 2; i++) {
        if (!args[i] || acts[i] != RM_ACTION_SET_NULL || !any_required || !ok[acts[i]])
            continue;
        bool pg_fk =
            (b->g->provider == RM_PROVIDER_POSTGRES || b->g->provider == RM_PROVIDER_COCKROACH) &&
            b->g->relation_mode == RM_RELMODE_FOREIGN_KEYS;
        if (pg_fk)
            rm_diag_warning(b->d, RM_E_RELATION_REFERENTIAL_ACTION, RLOC(b, f),
                            "The `%s` referential action of a relation should not be set to "
                            "`SetNull` when a referenced field is required. We recommend either "
                            "to choose another referential action, or to make the referenced "
                            "fields optional. Read more at https://pris.ly/d/postgres-set-null",
                            names[i]);
        else {
            rm_diag *dg = rm_diag_error(
                b->d, RM_E_RELATION_REFERENTIAL_ACTION, RLOC(b, f),
                "The `%s` referential action of a relation must not be set to `SetNull` when a "
                "referenced field is required.\nEither choose another referential action, or make "
                "the referenced fields optional.\n",
                names[i]);
            rm_diag_set_hint(b->d, dg,
                             "make the fields in `fields:` optional, or use Cascade "
                             "or Restrict");
        }
    }
}

static void constraint_names(pb *b, const rm_relation *rel, const pb_relfield *f)
{
    if (!f->map)
        return;
    if (b->g->provider == RM_PROVIDER_SQLITE) {
        rm_diag *dg = rm_diag_error(b->d, RM_E_RELATION_NAMED_FK, RLOC(b, f),
                                    "Your provider does not support named foreign keys.");
        rm_diag_set_hint(b->d, dg, "remove `map:` from this @relation");
        return;
    }
    const rm_model *m = M(b, f->model);
    if (strlen(f->map) > b->max_ident)
        rm_diag_error(b->d, RM_E_PRISMA_CONSTRAINT_NAME, RLOC(b, f),
                      "The constraint name '%s' specified in the `map` argument for the "
                      "`@relation` constraint is too long for your chosen provider. The maximum "
                      "allowed length is %u bytes.",
                      f->map, (unsigned)b->max_ident);
    (void)rel;
    (void)m;
}

/* ---- constraint name namespaces (Prisma's constraint_namespace.rs) --------------------- */

typedef enum ns_kind { NS_PK, NS_KEY, NS_IDX, NS_FK } ns_kind;

typedef struct ns_entry {
    const char *name;   /* effective database name (map or Prisma's default) */
    const char *schema; /* @@schema or "" */
    uint32_t model;
    ns_kind kind;
    rm_loc loc;
    size_t hash; /* of name and schema, computed once (see ns_hash) */
} ns_entry;

/* Prisma's default names (constraint_names.rs): the prefix is cut so that prefix + suffix fits
 * the identifier limit. */
static const char *default_name(pb *b, const rm_model *m, ns_kind kind, const uint32_t *fields,
                                size_t n)
{
    /* Written out by hand rather than through rm_sb + printf: it runs for every key, index and
     * foreign key of the schema, valid or not. */
    static const char *const suffix[] = {"_pkey", "_key", "_idx", "_fkey"};
    size_t cut = kind == NS_PK || kind == NS_FK ? 5 : 4;
    size_t len = strlen(m->db_name);
    if (kind != NS_PK)
        for (size_t k = 0; k < n; k++)
            len += 1 + strlen(m->fields[fields[k]].db_name);
    size_t keep = len;
    if (b->max_ident > cut && len >= b->max_ident - cut)
        keep = b->max_ident - cut;
    char *out = rm_arena_stralloc(b->tmp, keep + cut + 1);
    size_t pos = 0;
    for (size_t k = 0; pos < keep && k <= (kind != NS_PK ? n : 0); k++) {
        const char *part = k == 0 ? m->db_name : m->fields[fields[k - 1]].db_name;
        if (k > 0)
            out[pos++] = '_';
        size_t pl = strlen(part);
        if (pl > keep - pos)
            pl = keep - pos;
        memcpy(out + pos, part, pl);
        pos += pl;
    }
    memcpy(out + keep, suffix[kind], cut + 1);
    return out;
}

/* A set of entries (indexes into the entry array) keyed by name and schema, plus the model
 * when the scope is per model: open addressing, sized for all entries. */
typedef struct ns_set {
    uint32_t *slots;
    size_t mask;
} ns_set;

static ns_set ns_set_new(rm_arena *a, size_t n)
{
    size_t cap = 16;
    while (cap < 2 * n + 2)
        cap *= 2;
    ns_set s = {RM_NEW_ARRAY(a, uint32_t, cap), cap - 1};
    for (size_t i = 0; i < cap; i++)
        s.slots[i] = RM_NONE;
    return s;
}

static size_t ns_name_hash(const char *name, const char *schema)
{
    size_t h = 1469598103934665603u;
    for (const char *c = name; *c; c++)
        h = (h ^ (unsigned char)*c) * 1099511628211u;
    for (const char *c = schema; *c; c++)
        h = (h ^ (unsigned char)*c) * 1099511628211u;
    return h;
}

static size_t ns_hash(const ns_entry *e, bool global)
{
    size_t h = e->hash;
    if (!global)
        h = (h ^ e->model) * 1099511628211u;
    /* FNV's low bits are weak and the mask keeps only those: fold the high half in. */
    return h ^ (h >> 29);
}

static bool ns_same(const ns_entry *x, const ns_entry *y, bool global)
{
    return x->hash == y->hash && strcmp(x->name, y->name) == 0 &&
           strcmp(x->schema, y->schema) == 0 && (global || x->model == y->model);
}

static uint32_t ns_set_find(const ns_set *s, const ns_entry *all, const ns_entry *e, bool global)
{
    for (size_t h = ns_hash(e, global) & s->mask;; h = (h + 1) & s->mask) {
        if (s->slots[h] == RM_NONE)
            return RM_NONE;
        if (ns_same(&all[s->slots[h]], e, global))
            return s->slots[h];
    }
}

static void ns_set_add(ns_set *s, const ns_entry *all, uint32_t i, bool global)
{
    size_t h = ns_hash(&all[i], global) & s->mask;
    while (s->slots[h] != RM_NONE) {
        if (ns_same(&all[s->slots[h]], &all[i], global))
            return; /* the earliest one stays */
        h = (h + 1) & s->mask;
    }
    s->slots[h] = i;
}

static void ns_report(pb *b, const ns_entry *e, bool global, const char *what)
{
    if (global)
        rm_diag_error(b->d, RM_E_PRISMA_CONSTRAINT_NAME, e->loc,
                      "The given constraint name `%s` has to be unique in the following "
                      "namespace: global for %s. Please provide a different name using the "
                      "`map` argument.",
                      e->name, what);
    else
        rm_diag_error(b->d, RM_E_PRISMA_CONSTRAINT_NAME, e->loc,
                      "The given constraint name `%s` has to be unique in the following "
                      "namespace: on model `%s` for %s. Please provide a different name using "
                      "the `map` argument.",
                      e->name, M(b, e->model)->name, what);
}

static void constraint_namespaces(pb *b, const pb_relfield **fwd)
{
    rm_provider p = b->g->provider;
    if (p != RM_PROVIDER_POSTGRES && p != RM_PROVIDER_MYSQL && p != RM_PROVIDER_SQLITE)
        return;
    size_t n = 0, cap = b->nrels + 1;
    for (size_t mi = 0; mi < b->g->nmodels; mi++)
        cap += b->g->models[mi].nindexes + 1;
    ns_entry *all = RM_NEW_ARRAY(b->tmp, ns_entry, cap); /* sized once: no dead copies */
    uint32_t tmp[64];
    /* Relations by FK model (lists in relation order), so the loop below is linear. */
    uint32_t *head = RM_NEW_ARRAY(b->tmp, uint32_t, b->g->nmodels + 1);
    uint32_t *next = RM_NEW_ARRAY(b->tmp, uint32_t, b->nrels + 1);
    for (size_t i = 0; i <= b->g->nmodels; i++)
        head[i] = RM_NONE;
    for (size_t r = b->nrels; r-- > 0;)
        if (b->rels[r].from.model < b->g->nmodels) {
            next[r] = head[b->rels[r].from.model];
            head[b->rels[r].from.model] = (uint32_t)r;
        }
    for (size_t di = 0; di < b->ndecl; di++) {
        uint32_t mi = b->decl[di];
        const rm_model *m = M(b, mi);
        if (m->is_view || m->ignored)
            continue;
        const char *schema = m->schema ? m->schema : "";
        for (size_t i = 0; i <= m->nindexes; i++) {
            const rm_index *ix = i == 0 ? m->primary_key : &m->indexes[i - 1];
            if (!ix)
                continue;
            ns_kind kind = ix->kind == RM_INDEX_PRIMARY  ? NS_PK
                           : ix->kind == RM_INDEX_UNIQUE ? NS_KEY
                                                         : NS_IDX;
            size_t nf = ix->nfields < 64 ? ix->nfields : 64;
            for (size_t k = 0; k < nf; k++)
                tmp[k] = ix->fields[k].field;
            ns_entry e = {.name = ix->map ? ix->map : default_name(b, m, kind, tmp, nf),
                          .schema = schema,
                          .model = mi,
                          .kind = kind,
                          .loc = ix->loc};
            e.hash = ns_name_hash(e.name, schema);
            RM_VEC_PUSH(b->tmp, all, n, cap, e);
            if (ix->map && strlen(ix->map) > b->max_ident) {
                const char *attr = ix->kind == RM_INDEX_PRIMARY ? (ix->field_level ? "@id" : "@@id")
                                   : ix->kind == RM_INDEX_UNIQUE
                                       ? (ix->field_level ? "@unique" : "@@unique")
                                   : ix->kind == RM_INDEX_NORMAL ? "@@index"
                                                                 : "@@fulltext";
                rm_diag_error(b->d, RM_E_PRISMA_CONSTRAINT_NAME, ix->loc,
                              "The constraint name '%s' specified in the `map` argument for the "
                              "`%s` constraint is too long for your chosen provider. The maximum "
                              "allowed length is %u bytes.",
                              ix->map, attr, (unsigned)b->max_ident);
            }
        }
        for (uint32_t r = head[mi]; r != RM_NONE; r = next[r]) {
            const rm_relation *rel = &b->rels[r];
            if (rel->from.model != mi || rel->nfk == 0 || !fwd[r] ||
                rel->card == RM_CARD_MANY_TO_MANY_IMPLICIT ||
                b->g->relation_mode == RM_RELMODE_PRISMA)
                continue;
            ns_entry e = {.name = rel->fk_map ? rel->fk_map
                                              : default_name(b, m, NS_FK, rel->fk_fields, rel->nfk),
                          .schema = schema,
                          .model = mi,
                          .kind = NS_FK,
                          .loc = RLOC(b, fwd[r])};
            e.hash = ns_name_hash(e.name, schema);
            RM_VEC_PUSH(b->tmp, all, n, cap, e);
        }
    }
    ns_set mset = ns_set_new(b->tmp, n), gset = ns_set_new(b->tmp, n);
    for (size_t i = 0; i < n; i++) {
        const ns_entry *e = &all[i];
        bool in_global, in_model;
        const char *gwhat, *mwhat;
        if (p == RM_PROVIDER_POSTGRES) {
            in_global = e->kind != NS_FK;
            gwhat = "primary key, indexes and unique constraints";
            in_model = true;
            mwhat = "primary key, indexes, unique constraints and foreign keys";
        } else if (p == RM_PROVIDER_MYSQL) {
            in_global = e->kind == NS_FK;
            gwhat = "foreign keys";
            in_model = e->kind == NS_KEY || e->kind == NS_IDX;
            mwhat = "indexes and unique constraints";
        } else {
            in_global = e->kind == NS_KEY || e->kind == NS_IDX;
            gwhat = "indexes and unique constraints";
            in_model = false;
            mwhat = NULL;
        }
        size_t before = b->d->nerrors;
        /* Model scope first: a clash inside one model is reported with that model's name.
         * Every entry checked in a scope is also a member of that scope's family, so "an
         * earlier member with the same name" is one lookup in a set of the earlier members. */
        bool model_member = p == RM_PROVIDER_POSTGRES || e->kind == NS_KEY || e->kind == NS_IDX;
        bool global_member = p == RM_PROVIDER_POSTGRES ? e->kind != NS_FK
                             : p == RM_PROVIDER_MYSQL  ? e->kind == NS_FK
                                                       : e->kind != NS_FK && e->kind != NS_PK;
        if (in_model && ns_set_find(&mset, all, e, false) != RM_NONE)
            ns_report(b, e, false, mwhat);
        if (in_global && b->d->nerrors == before && ns_set_find(&gset, all, e, true) != RM_NONE)
            ns_report(b, e, true, gwhat);
        if (model_member)
            ns_set_add(&mset, all, (uint32_t)i, false);
        if (global_member)
            ns_set_add(&gset, all, (uint32_t)i, true);
    }
}

/* relationMode = "prisma": the FK fields should be a left prefix of some index. */
static void missing_index(pb *b, const rm_relation *rel, const pb_relfield *f)
{
    if (b->g->relation_mode != RM_RELMODE_PRISMA || rel->nfk == 0 ||
        b->g->provider == RM_PROVIDER_MONGODB)
        return;
    const rm_model *m = M(b, f->model);
    for (size_t i = 0; i <= m->nindexes; i++) {
        const rm_index *ix = i < m->nindexes ? &m->indexes[i] : m->primary_key;
        if (!ix || ix->nfields < rel->nfk)
            continue;
        bool prefix = true;
        for (size_t k = 0; k < rel->nfk; k++)
            prefix = prefix && ix->fields[k].field == rel->fk_fields[k];
        if (prefix)
            return;
    }
    rm_diag *dg = rm_diag_warning(
        b->d, RM_E_RELATION_MISSING_INDEX, RLOC(b, f),
        "With `relationMode = \"prisma\"`, no foreign keys are used, so relation fields will not "
        "benefit from the index usually created by the relational database under the hood. This "
        "can lead to poor performance when querying these fields. We recommend adding an index "
        "manually. Learn more at https://pris.ly/d/relation-mode-prisma-indexes\"");
    rm_sb sb = RM_SB_INIT;
    names_of(&sb, m, rel->fk_fields, rel->nfk);
    rm_diag_set_hint(b->d, dg, "add @@index([%s]) to %s", rm_sb_str(&sb), m->name);
    rm_sb_free(&sb);
}

static void implicit_suffix(rm_sb *sb, const rm_relation *r)
{
    if (!r->on_delete_set && !r->on_update_set)
        rm_sb_appendf(sb, " (Implicit default `onDelete`: `%s`, and `onUpdate`: `%s`)",
                      rm_ref_action_name(r->on_delete), rm_ref_action_name(r->on_update));
    else if (!r->on_delete_set)
        rm_sb_appendf(sb, " (Implicit default `onDelete`: `%s`)", rm_ref_action_name(r->on_delete));
    else if (!r->on_update_set)
        rm_sb_appendf(sb, " (Implicit default `onUpdate`: `%s`)", rm_ref_action_name(r->on_update));
}

static const char *end_field_name(pb *b, rm_relation_end e)
{
    return M(b, e.model)->fields[e.field].name;
}

static bool rel_triggers(const rm_relation *r)
{
    return r->card != RM_CARD_MANY_TO_MANY_IMPLICIT && r->nfk > 0 &&
           (triggers(r->on_delete) || triggers(r->on_update));
}

/* Cycles and multiple cascade paths: SQL Server, and every provider under relationMode =
 * "prisma" (Prisma's ReferenceCycleDetection). Edges go from the referenced model to the
 * referencing one: deleting/updating a User row acts on Post rows. */
static void cycles(pb *b, const pb_relfield **fwd)
{
    if (b->g->provider != RM_PROVIDER_SQLSERVER && b->g->relation_mode != RM_RELMODE_PRISMA)
        return;
    size_t nm = b->g->nmodels;
    bool *reported = RM_NEW_ARRAY(b->tmp, bool, b->nrels ? b->nrels : 1);
    for (size_t i = 0; i < b->nrels; i++) {
        const rm_relation *r = &b->rels[i];
        if (!r->self || !rel_triggers(r) || !fwd[i])
            continue;
        rm_sb sb = RM_SB_INIT;
        implicit_suffix(&sb, r);
        rm_diag *dg = rm_diag_error(
            b->d, RM_E_RELATION_CYCLE, RLOC(b, fwd[i]),
            "A self-relation must have `onDelete` and `onUpdate` referential actions set to "
            "`NoAction` in one of the @relation attributes.%s Read more at "
            "https://pris.ly/d/cyclic-referential-actions",
            rm_sb_str(&sb));
        rm_diag_set_hint(b->d, dg, "add onDelete: NoAction, onUpdate: NoAction to this @relation");
        rm_sb_free(&sb);
        reported[i] = true;
    }
    /* Cycles through several models: follow triggering edges from the referenced model; a path
     * back to the referencing model closes a cycle. Reported once per cycle, on the first of
     * its relations in declaration order. */
    uint32_t *prev = RM_NEW_ARRAY(b->tmp, uint32_t, nm ? nm : 1);
    uint32_t *queue = RM_NEW_ARRAY(b->tmp, uint32_t, nm ? nm : 1);
    for (size_t i = 0; i < b->nrels; i++) {
        const rm_relation *r0 = &b->rels[i];
        if (r0->self || !rel_triggers(r0) || !fwd[i] || reported[i])
            continue;
        /* Breadth-first from r0's referenced model over edges "model holds a triggering FK". */
        for (size_t k = 0; k < nm; k++)
            prev[k] = RM_NONE;
        size_t qh = 0, qt = 0;
        queue[qt++] = r0->to.model;
        prev[r0->to.model] = (uint32_t)i;
        bool found = false;
        while (qh < qt && !found) {
            uint32_t cur = queue[qh++];
            for (size_t k = 0; k < b->nrels && !found; k++) {
                const rm_relation *r = &b->rels[k];
                if (r->self || !rel_triggers(r) || r->from.model != cur || !fwd[k])
                    continue;
                uint32_t nxt = r->to.model;
                if (nxt == r0->from.model) {
                    prev[nxt] = (uint32_t)k;
                    found = true;
                } else if (prev[nxt] == RM_NONE) {
                    prev[nxt] = (uint32_t)k;
                    queue[qt++] = nxt;
                }
            }
        }
        if (!found)
            continue;
        /* Walk back from the closing edge to r0 to print the path in order. */
        uint32_t path[64];
        size_t np = 0;
        uint32_t at = r0->from.model;
        while (np < 64) {
            uint32_t ri = prev[at];
            path[np++] = ri;
            if (ri == i)
                break;
            at = b->rels[ri].from.model;
        }
        bool any_reported = false;
        for (size_t k = 0; k < np; k++)
            any_reported = any_reported || reported[path[k]];
        if (any_reported)
            continue;
        rm_sb sb = RM_SB_INIT;
        for (size_t k = np; k-- > 0;) {
            const rm_relation *r = &b->rels[path[k]];
            rm_sb_appendf(&sb, "%s%s.%s", k + 1 == np ? "" : " \xe2\x86\x92 ",
                          M(b, r->from.model)->name, end_field_name(b, r->from));
            reported[path[k]] = true;
        }
        rm_diag *dg = rm_diag_error(
            b->d, RM_E_RELATION_CYCLE, RLOC(b, fwd[i]),
            "Reference causes a cycle. One of the @relation attributes in this cycle must have "
            "`onDelete` and `onUpdate` referential actions set to `NoAction`. Cycle path: %s.",
            rm_sb_str(&sb));
        rm_diag_set_hint(b->d, dg, "add onDelete: NoAction, onUpdate: NoAction to one of them");
        rm_sb_free(&sb);
    }
    /* Multiple cascade paths are SQL Server only: Prisma accepts them under relationMode =
     * "prisma" on other providers (umami's schemas rely on that). */
    if (b->g->provider != RM_PROVIDER_SQLSERVER)
        return;
    /* Multiple cascade paths: from each model, walk the trigger edges depth-first; a model
     * reached again through a different relation has two paths. The walk is bounded. */
    uint32_t *via = RM_NEW_ARRAY(b->tmp, uint32_t, nm ? nm : 1);
    uint32_t *stack = RM_NEW_ARRAY(b->tmp, uint32_t, nm ? nm : 1);
    uint32_t *onpath = RM_NEW_ARRAY(b->tmp, uint32_t, nm ? nm : 1);
    for (size_t di = 0; di < b->ndecl; di++) {
        uint32_t start = b->decl[di];
        for (size_t k = 0; k < nm; k++)
            via[k] = RM_NONE;
        /* Iterative DFS over edges; onpath marks the current path to skip cycles. */
        size_t sp = 0, budget = 100000;
        memset(onpath, 0, nm * sizeof *onpath);
        stack[sp++] = start;
        onpath[start] = 1;
        uint32_t *next_edge = RM_NEW_ARRAY(b->tmp, uint32_t, nm ? nm : 1);
        memset(next_edge, 0, nm * sizeof *next_edge);
        while (sp > 0 && budget-- > 0) {
            uint32_t cur = stack[sp - 1];
            bool pushed = false;
            while (next_edge[cur] < b->nrels) {
                const rm_relation *r = &b->rels[next_edge[cur]++];
                if (r->self || !rel_triggers(r) || r->to.model != cur)
                    continue;
                uint32_t nxt = r->from.model;
                if (onpath[nxt])
                    continue;
                uint32_t ri = (uint32_t)(r - b->rels);
                if (via[nxt] != RM_NONE && via[nxt] != ri) {
                    uint32_t two[2] = {via[nxt], ri};
                    for (int t = 0; t < 2; t++) {
                        if (reported[two[t]] || !fwd[two[t]])
                            continue;
                        reported[two[t]] = true;
                        rm_sb sb = RM_SB_INIT;
                        implicit_suffix(&sb, &b->rels[two[t]]);
                        rm_diag_error(b->d, RM_E_RELATION_CYCLE, RLOC(b, fwd[two[t]]),
                                      "When any of the records in model `%s` is updated or "
                                      "deleted, the referential actions on the relations cascade "
                                      "to model `%s` through multiple paths. Please break one of "
                                      "these paths by setting the `onUpdate` and `onDelete` to "
                                      "`NoAction`.%s Read more at "
                                      "https://pris.ly/d/cyclic-referential-actions",
                                      M(b, start)->name, M(b, nxt)->name, rm_sb_str(&sb));
                        rm_sb_free(&sb);
                    }
                    continue;
                }
                via[nxt] = ri;
                next_edge[nxt] = 0;
                onpath[nxt] = 1;
                stack[sp++] = nxt;
                pushed = true;
                break;
            }
            if (!pushed) {
                onpath[cur] = 0;
                sp--;
            }
        }
    }
}

/* An explicit m:n join model: two required foreign keys (1:n relations where this model holds
 * the FK) whose fields together are exactly its primary key or a unique constraint. */
static void mark_join_models(pb *b)
{
    uint32_t *head, *next;
    by_model(b, b->nrels, b->rels, offsetof(rm_relation, from.model), sizeof(rm_relation), &head,
             &next);
    for (size_t mi = 0; mi < b->g->nmodels; mi++) {
        rm_model *m = M(b, (uint32_t)mi);
        uint32_t fks[2];
        size_t n = 0;
        bool required = true;
        for (uint32_t i = head[mi]; i != RM_NONE; i = next[i]) {
            const rm_relation *r = &b->rels[i];
            if (r->from.model != mi || r->card != RM_CARD_ONE_TO_MANY || r->nfk == 0)
                continue;
            if (n < 2)
                fks[n] = (uint32_t)i;
            n++;
            for (size_t k = 0; k < r->nfk; k++)
                required = required && !m->fields[r->fk_fields[k]].optional;
        }
        if (n != 2 || !required)
            continue;
        uint32_t all[64];
        size_t na = 0;
        for (int t = 0; t < 2; t++)
            for (size_t k = 0; k < b->rels[fks[t]].nfk && na < RM_ARRAY_LEN(all); k++)
                all[na++] = b->rels[fks[t]].fk_fields[k];
        bool ordered;
        m->is_join_model = is_unique_set(m, all, na, &ordered);
    }
}

void rm_pb_relations(pb *b)
{
    check_ambiguity(b);
    /* Ignored targets and relations to views are per-field checks in Prisma. */
    pair_all(b);
    /* Forward (FK-holding) relfield of each relation. */
    const pb_relfield **fwd =
        (const pb_relfield **)RM_NEW_ARRAY(b->tmp, pb_relfield *, b->nrels ? b->nrels : 1);
    for (size_t i = 0; i < b->nrelfields; i++) {
        const pb_relfield *r = &b->relfields[i];
        uint32_t ri = F(b, r)->relation;
        if (ri != RM_NONE && b->rels[ri].from.model == r->model &&
            b->rels[ri].from.field == r->field)
            fwd[ri] = r;
    }
    for (size_t i = 0; i < b->nrels; i++) {
        const rm_relation *rel = &b->rels[i];
        if (rel->card == RM_CARD_MANY_TO_MANY_IMPLICIT || !fwd[i])
            continue;
        const pb_relfield *f = fwd[i];
        const pb_relfield *k = &b->relfields[b->models[rel->to.model].relfield[rel->to.field]];
        /* Relations into a view (the referenced side is a view). */
        if (M(b, rel->to.model)->is_view && !M(b, rel->from.model)->is_view) {
            rm_diag_error(b->d, RM_E_RELATION_VIEW, RLOC(b, f),
                          "The field `%s` is part of a relation that references a view. "
                          "Relations currently cannot be used with views.",
                          F(b, f)->name);
            rm_diag_error(b->d, RM_E_RELATION_VIEW, RLOC(b, k),
                          "The field `%s` is part of a relation that references a view. "
                          "Relations currently cannot be used with views.",
                          F(b, k)->name);
        }
        check_actions(b, rel, f);
        constraint_names(b, rel, f);
        missing_index(b, rel, f);
    }
    /* Relation fields pointing at an @@ignore'd model must be @ignore'd themselves. */
    for (size_t i = 0; i < b->nrelfields; i++) {
        const pb_relfield *r = &b->relfields[i];
        const rm_field *f = F(b, r);
        if (M(b, r->model)->ignored || f->ignored || !M(b, f->type_ref)->ignored)
            continue;
        rm_diag *dg = rm_diag_error(
            b->d, RM_E_RELATION_IGNORED_TARGET, RLOC(b, r),
            "The relation field `%s` on Model `%s` must specify the `@ignore` attribute, because "
            "the model %s it is pointing to is marked ignored.",
            f->name, M(b, r->model)->name, M(b, f->type_ref)->name);
        rm_diag_set_hint(b->d, dg, "add @ignore to %s.%s", M(b, r->model)->name, f->name);
    }
    constraint_namespaces(b, fwd);
    cycles(b, fwd);
    mark_join_models(b);
}
