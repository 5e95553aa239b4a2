/*
 * Cerial printer: relation graph -> Cerial schema text, the reverse of model/cerial_build.c
 * (docs/cerial.md, "Into the relation graph"): a single-field String/Int key becomes
 * `id Record @id` / `Record(int) @id`, foreign-key fields become `Record` fields next to a
 * `Relation @field(..) @model(..)`, back relations `Relation[]` / `Relation?` `@model(..)`,
 * implicit many-to-many relations `Record[]` + `Relation[] @field` on both sides, relation names
 * `@key(..)`, composite uniques and indexes `@@unique(name, [..])` / `@@index(name, [..])`.
 *
 * What Cerial cannot say (table and column names other than Cerial's own, native types,
 * composite keys and foreign keys, referential actions other than Cerial's, client-side id
 * generators, index options, views) is written as a `#` comment on the line before and
 * reported as a warning (RM_E_PRINT_CERIAL_UNSUPPORTED); nothing is dropped silently.
 * Not for: Prisma (print_prisma.c).
 */
#include "model/print.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct cp {
    rm_sb *out;
    const rm_graph *g;
    rm_diags *d;
    rm_arena a; /* converted names */
} cp;

typedef struct line {
    char *cells[3];
    char *note; /* comment written on the line before */
} line;

typedef struct lines {
    line *v;
    size_t n, cap;
} lines;

static void add_line(lines *l, char *a, char *b, char *c, char *note)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->v = rm_xrealloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n++] = (line){{a, b, c}, note};
}

static void flush(rm_sb *sb, lines *l)
{
    size_t w[3] = {0, 0, 0};
    for (size_t i = 0; i < l->n; i++)
        for (int k = 0; k < 3; k++)
            if (l->v[i].cells[k] && strlen(l->v[i].cells[k]) > w[k])
                w[k] = strlen(l->v[i].cells[k]);
    for (size_t i = 0; i < l->n; i++) {
        line *ln = &l->v[i];
        if (ln->note && ln->note[0])
            rm_sb_appendf(sb, "  # %s\n", ln->note);
        if (!ln->cells[0]) {
            free(ln->note);
            continue;
        }
        int last = 0;
        for (int k = 0; k < 3; k++)
            if (ln->cells[k] && ln->cells[k][0])
                last = k;
        rm_sb_puts(sb, "  ");
        for (int k = 0; k <= last; k++) {
            const char *c = ln->cells[k] ? ln->cells[k] : "";
            rm_sb_puts(sb, c);
            if (k < last)
                rm_sb_pad(sb, ' ', w[k] - strlen(c) + 1);
        }
        rm_sb_putc(sb, '\n');
        for (int k = 0; k < 3; k++)
            free(ln->cells[k]);
        free(ln->note);
    }
    free(l->v);
    memset(l, 0, sizeof *l);
}

static char *dup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(rm_xmalloc(n), s, n);
}

/* Append a note to *notes ("; " separated) and warn. */
static void note(cp *p, rm_sb *notes, const char *where, const char *fmt, ...) RM_PRINTF(4, 5);
static void note(cp *p, rm_sb *notes, const char *where, const char *fmt, ...)
{
    if (notes->len)
        rm_sb_puts(notes, "; ");
    va_list ap;
    va_start(ap, fmt);
    rm_sb_vappendf(notes, fmt, ap);
    va_end(ap);
    rm_diag_warning(p->d, RM_E_PRINT_CERIAL_UNSUPPORTED, RM_LOC_NONE,
                    "%s: Cerial cannot express this; written as a comment: %s", where,
                    rm_sb_str(notes));
}

/* Cerial's model names are PascalCase (^[A-Z][a-zA-Z0-9]*$): api_keys -> ApiKeys. */
static const char *model_name(cp *p, const char *name)
{
    rm_sb sb = RM_SB_INIT;
    bool up = true;
    for (const char *q = name; *q; q++) {
        if (*q == '_') {
            up = true;
            continue;
        }
        char c = *q;
        if (up && c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        rm_sb_putc(&sb, c);
        up = false;
    }
    const char *out = rm_arena_strdup(&p->a, rm_sb_str(&sb));
    rm_sb_free(&sb);
    return out;
}

/* Cerial's field names start lower-case (^[a-z_][a-zA-Z0-9_]*$): User -> user. */
static const char *field_name(cp *p, const char *name)
{
    char *out = rm_arena_strdup(&p->a, name);
    if (out[0] >= 'A' && out[0] <= 'Z')
        out[0] = (char)(out[0] - 'A' + 'a');
    return out;
}

static const char *scalar_word(const rm_field *f)
{
    switch (f->scalar) {
    case RM_SCALAR_STRING:
        return "String";
    case RM_SCALAR_INT:
    case RM_SCALAR_BIGINT:
        return "Int";
    case RM_SCALAR_FLOAT:
        return "Float";
    case RM_SCALAR_DECIMAL:
        return "Decimal";
    case RM_SCALAR_BOOLEAN:
        return "Bool";
    case RM_SCALAR_DATETIME:
        return "Date";
    case RM_SCALAR_JSON:
    case RM_SCALAR_UNSUPPORTED:
        return "Any";
    case RM_SCALAR_BYTES:
        return "Bytes";
    case RM_SCALAR_ENUM:
    case RM_SCALAR_NONE:
        break;
    }
    return "Any";
}

/* Cerial's table name for a model: toSnakeCase (UserABC -> user_a_b_c). */
static char *snake(const char *name)
{
    rm_sb sb = RM_SB_INIT;
    for (const char *p = name; *p; p++) {
        if (*p >= 'A' && *p <= 'Z') {
            if (p != name)
                rm_sb_putc(&sb, '_');
            rm_sb_putc(&sb, (char)(*p - 'A' + 'a'));
        } else {
            rm_sb_putc(&sb, *p);
        }
    }
    return rm_sb_detach(&sb);
}

/* A key Cerial can hold: one field whose values a Record id can carry (String or Int). */
static bool usable_pk(const rm_model *m)
{
    if (!m->primary_key || m->primary_key->nfields != 1)
        return false;
    rm_scalar sc = m->fields[m->primary_key->fields[0].field].scalar;
    return sc == RM_SCALAR_STRING || sc == RM_SCALAR_INT || sc == RM_SCALAR_BIGINT;
}

static bool is_pk_field(const rm_model *m, uint32_t fi)
{
    return usable_pk(m) && m->primary_key->fields[0].field == fi;
}

static bool is_single_unique(const rm_model *m, uint32_t fi)
{
    for (size_t i = 0; i < m->nindexes; i++)
        if (m->indexes[i].kind == RM_INDEX_UNIQUE && m->indexes[i].nfields == 1 &&
            m->indexes[i].fields[0].field == fi)
            return true;
    return false;
}

/* A plain one-column index without options: Cerial's field-level @index (its @@index needs
 * two fields or more). */
static bool is_single_index(const rm_model *m, uint32_t fi)
{
    for (size_t i = 0; i < m->nindexes; i++) {
        const rm_index *ix = &m->indexes[i];
        if (ix->kind == RM_INDEX_NORMAL && ix->nfields == 1 && ix->fields[0].field == fi &&
            ix->algo == RM_ALGO_DEFAULT && !ix->where && ix->fields[0].sort == RM_SORT_DEFAULT &&
            !ix->fields[0].length)
            return true;
    }
    return false;
}

static bool single_column(const rm_index *ix)
{
    bool plain = ix->algo == RM_ALGO_DEFAULT && !ix->where && ix->nfields == 1 &&
                 ix->fields[0].sort == RM_SORT_DEFAULT && !ix->fields[0].length;
    return ix->nfields == 1 &&
           (ix->kind == RM_INDEX_UNIQUE || (ix->kind == RM_INDEX_NORMAL && plain));
}

/* The relation whose FK list contains field fi of model mi (fi is a foreign-key column). */
static const rm_relation *fk_relation(const rm_graph *g, uint32_t mi, uint32_t fi)
{
    for (size_t i = 0; i < g->nrelations; i++) {
        const rm_relation *r = &g->relations[i];
        if (r->card == RM_CARD_MANY_TO_MANY_IMPLICIT || r->from.model != mi || r->nfk != 1)
            continue;
        for (size_t k = 0; k < r->nfk; k++)
            if (r->fk_fields[k] == fi)
                return r;
    }
    return NULL;
}

/* Relations between the two models of r (either direction): Cerial needs @key when >1. */
static size_t relations_between(const rm_graph *g, const rm_relation *r)
{
    size_t n = 0;
    for (size_t i = 0; i < g->nrelations; i++) {
        const rm_relation *x = &g->relations[i];
        if ((x->from.model == r->from.model && x->to.model == r->to.model) ||
            (x->from.model == r->to.model && x->to.model == r->from.model))
            n++;
    }
    return n;
}

/* Cerial's relations have one Record field; a many-to-many (two Record[] sides) cannot carry
 * @key, so it must be the only relation between two different models. */
static bool expressible(const rm_graph *g, const rm_relation *r)
{
    if (r->card == RM_CARD_MANY_TO_MANY_IMPLICIT)
        return !r->self && relations_between(g, r) == 1;
    return r->nfk == 1;
}

static void default_decorator(cp *p, rm_sb *attrs, rm_sb *notes, const rm_model *m,
                              const rm_field *f)
{
    const rm_default *d = &f->def;
    char where[512];
    snprintf(where, sizeof where, "%s.%s", m->name, f->name);
    switch (d->kind) {
    case RM_DEFAULT_NONE:
        break;
    case RM_DEFAULT_STRING:
        rm_sb_puts(attrs, " @default(\"");
        for (const char *s = d->text ? d->text : ""; *s; s++)
            if (*s != '"' && *s != '\n')
                rm_sb_putc(attrs, *s);
        rm_sb_puts(attrs, "\")");
        break;
    case RM_DEFAULT_NUMBER:
        rm_sb_appendf(attrs, " @default(%s)", d->text ? d->text : "0");
        break;
    case RM_DEFAULT_BOOL:
        rm_sb_appendf(attrs, " @default(%s)", d->boolean ? "true" : "false");
        break;
    case RM_DEFAULT_ENUM:
        rm_sb_appendf(attrs, " @default('%s')", d->text ? d->text : "");
        break;
    case RM_DEFAULT_NOW:
        rm_sb_puts(attrs, f->updated_at ? "" : " @createdAt");
        break;
    case RM_DEFAULT_UUID:
        /* Cerial's @uuid needs a Uuid field; a String keeps the generator as a note. */
        note(p, notes, where, "@default(uuid(%d))", d->version ? d->version : 4);
        break;
    case RM_DEFAULT_AUTOINCREMENT:
        if (!is_pk_field(m, (uint32_t)(f - m->fields)))
            note(p, notes, where, "@default(autoincrement()) on %s", f->name);
        break;
    case RM_DEFAULT_CUID:
    case RM_DEFAULT_NANOID:
    case RM_DEFAULT_ULID:
    case RM_DEFAULT_DBGENERATED:
    case RM_DEFAULT_SEQUENCE:
    case RM_DEFAULT_AUTO:
    case RM_DEFAULT_LIST:
        note(p, notes, where, "@default(%s(...))", rm_default_kind_name(d->kind));
        break;
    }
    if (f->updated_at)
        rm_sb_puts(attrs, " @updatedAt");
}

static void print_model(cp *p, uint32_t mi)
{
    const rm_graph *g = p->g;
    const rm_model *m = &g->models[mi];
    rm_sb head = RM_SB_INIT;
    char *tbl = snake(m->name);
    if (strcmp(tbl, m->db_name) != 0) {
        rm_sb_appendf(&head, "# table \"%s\" (Cerial names it %s)\n", m->db_name, tbl);
        rm_diag_warning(p->d, RM_E_PRINT_CERIAL_UNSUPPORTED, RM_LOC_NONE,
                        "model %s: Cerial names its table %s, not \"%s\"; written as a comment",
                        m->name, tbl, m->db_name);
    }
    free(tbl);
    if (m->is_view || m->ignored) {
        rm_sb_appendf(&head, "# %s in the source schema\n", m->is_view ? "a view" : "@@ignore");
        rm_diag_warning(p->d, RM_E_PRINT_CERIAL_UNSUPPORTED, RM_LOC_NONE,
                        "model %s: %s cannot be expressed in Cerial; written as a comment",
                        m->name, m->is_view ? "a view" : "@@ignore");
    }
    const char *mname = model_name(p, m->name);
    if (strcmp(mname, m->name) != 0) {
        rm_sb_appendf(p->out, "# model %s in the source (Cerial model names are PascalCase)\n",
                      m->name);
        rm_diag_warning(p->d, RM_E_PRINT_CERIAL_UNSUPPORTED, RM_LOC_NONE,
                        "model %s is written as %s (Cerial model names are PascalCase)",
                        m->name, mname);
    }
    rm_sb_appendf(p->out, "%smodel %s {\n", rm_sb_str(&head), mname);
    rm_sb_free(&head);
    lines ls = {0};
    /* Cerial needs exactly one @id field: a model whose key is composite (kept below as a
     * unique constraint) or missing gets a generated `id Record @id`. */
    bool synthetic_id = !usable_pk(m);
    if (synthetic_id) {
        const char *idname = rm_model_find_field(m, "id") == RM_NONE ? "id" : "rowId";
        add_line(&ls, dup(idname), dup("Record"), dup("@id"),
                 dup(m->primary_key ? "generated key: Cerial needs one String or Int @id "
                                      "field; the source's key is the @@unique below"
                                    : "generated key: Cerial needs a single @id field"));
        rm_diag_warning(p->d, RM_E_PRINT_CERIAL_UNSUPPORTED, RM_LOC_NONE,
                        "model %s has %s; Cerial needs one @id field, so a generated %s "
                        "Record @id is added",
                        m->name,
                        m->primary_key ? "a key Cerial cannot hold" : "no primary key",
                        idname);
    }
    for (uint32_t fi = 0; fi < m->nfields; fi++) {
        const rm_field *f = &m->fields[fi];
        rm_sb name = RM_SB_INIT, type = RM_SB_INIT, attrs = RM_SB_INIT, notes = RM_SB_INIT;
        char where[512];
        snprintf(where, sizeof where, "%s.%s", m->name, f->name);
        const char *fname = field_name(p, f->name);
        rm_sb_puts(&name, fname);
        if (strcmp(fname, f->name) != 0)
            note(p, &notes, where, "field %s in the source", f->name);
        /* A relation field can be left without a relation (RM_NONE) in a valid graph, e.g. a
         * Cerial Record[] relation with @key (found by fuzz_graph_cerial on a corpus file):
         * written as a note like the inexpressible ones, never indexed. */
        bool unpaired = f->kind == RM_FIELD_RELATION && f->relation >= g->nrelations;
        if (f->kind == RM_FIELD_RELATION &&
            (unpaired || !expressible(g, &g->relations[f->relation]))) {
            note(p, &notes, where, "relation field %s %s", f->name,
                 unpaired ? "(no relation was paired with it)"
                 : g->relations[f->relation].card == RM_CARD_MANY_TO_MANY_IMPLICIT
                     ? "(a many-to-many Cerial cannot tell apart from another relation)"
                     : "over a composite foreign key");
            add_line(&ls, NULL, NULL, NULL, rm_sb_detach(&notes));
            rm_sb_free(&name);
            rm_sb_free(&type);
            rm_sb_free(&attrs);
            continue;
        }
        if (f->kind == RM_FIELD_RELATION) {
            const rm_relation *r = &g->relations[f->relation];
            const rm_model *other = &g->models[f->type_ref];
            bool holder = r->card != RM_CARD_MANY_TO_MANY_IMPLICIT && r->from.model == mi &&
                          r->from.field == fi;
            if (r->card == RM_CARD_MANY_TO_MANY_IMPLICIT) {
                /* Record[] list of the other side's ids, then the relation over it. */
                rm_sb ids = RM_SB_INIT;
                rm_sb_appendf(&ids, "%sIds", fname);
                add_line(&ls, rm_sb_detach(&ids), dup("Record[]"), dup(""), NULL);
                rm_sb_appendf(&type, "Relation[]");
                rm_sb_appendf(&attrs, "@field(%sIds) @model(%s)", fname,
                              model_name(p, other->name));
            } else if (holder) {
                if (r->nfk != 1)
                    note(p, &notes, where, "composite foreign key of %s", f->name);
                /* Cerial requires the relation's optionality to be its Record field's. */
                bool opt = r->nfk ? m->fields[r->fk_fields[0]].optional : f->optional;
                rm_sb_appendf(&type, "Relation%s", opt ? "?" : "");
                rm_sb_appendf(&attrs, "@field(%s) @model(%s)",
                              r->nfk ? field_name(p, m->fields[r->fk_fields[0]].name) : "?",
                              model_name(p, other->name));
                rm_ref_action def = opt ? RM_ACTION_SET_NULL : RM_ACTION_CASCADE;
                if (r->on_delete != def) {
                    if (opt)
                        rm_sb_appendf(&attrs, " @onDelete(%s)", rm_ref_action_name(r->on_delete));
                    else
                        note(p, &notes, where, "onDelete: %s (Cerial cascades required relations)",
                             rm_ref_action_name(r->on_delete));
                }
                if (r->fk_map)
                    note(p, &notes, where, "foreign key name \"%s\"", r->fk_map);
            } else {
                rm_sb_appendf(&type, "Relation%s", f->list ? "[]" : "?");
                rm_sb_appendf(&attrs, "@model(%s)", model_name(p, other->name));
            }
            if (r->card == RM_CARD_MANY_TO_MANY_IMPLICIT) {
                /* Cerial pairs the two Record[] sides itself; @key pairs a forward with a
                 * reverse relation, which a many-to-many does not have. */
                if (r->named)
                    note(p, &notes, where, "relation name \"%s\"", r->name);
            } else if (r->named || relations_between(g, r) > 1) {
                rm_sb_appendf(&attrs, " @key(%s)", r->name);
            }
        } else {
            const rm_relation *fr = fk_relation(g, mi, fi);
            bool pk = is_pk_field(m, fi);
            bool any = f->scalar == RM_SCALAR_JSON || f->scalar == RM_SCALAR_UNSUPPORTED;
            if (fr && fr->nfk == 1) {
                rm_sb_appendf(&type, "Record%s%s", f->list ? "[]" : "", f->optional ? "?" : "");
                if (f->optional)
                    rm_sb_puts(&attrs, " @nullable");
            } else if (pk && f->scalar == RM_SCALAR_STRING && !f->native.name) {
                rm_sb_puts(&type, "Record");
            } else if (pk && (f->scalar == RM_SCALAR_INT || f->scalar == RM_SCALAR_BIGINT)) {
                rm_sb_puts(&type, "Record(int)");
            } else {
                rm_sb_appendf(&type, "%s%s%s",
                              f->scalar == RM_SCALAR_ENUM ? model_name(p, f->type_name)
                                                          : scalar_word(f),
                              f->list ? "[]" : "", f->optional && !any ? "?" : "");
            }
            if (pk)
                rm_sb_puts(&attrs, " @id");
            else if (is_single_unique(m, fi))
                rm_sb_puts(&attrs, " @unique");
            else if (is_single_index(m, fi))
                rm_sb_puts(&attrs, " @index");
            if (!pk)
                default_decorator(p, &attrs, &notes, m, f);
            if (f->scalar == RM_SCALAR_BIGINT)
                note(p, &notes, where, "BigInt %s (Cerial's Int)", f->name);
            if (f->scalar == RM_SCALAR_UNSUPPORTED)
                note(p, &notes, where, "Unsupported(\"%s\")", f->type_name);
            if (f->native.name)
                note(p, &notes, where, "native type @db.%s", f->native.name);
            if (f->mapped)
                note(p, &notes, where, "column name \"%s\"", f->db_name);
        }
        char *a = rm_sb_detach(&attrs);
        if (a[0] == ' ')
            memmove(a, a + 1, strlen(a));
        add_line(&ls, rm_sb_detach(&name), rm_sb_detach(&type), a, rm_sb_detach(&notes));
    }
    flush(p->out, &ls);
    bool blank = false;
    char where[256];
    snprintf(where, sizeof where, "model %s", m->name);
    if (m->primary_key && !usable_pk(m)) {
        rm_sb_appendf(p->out, "\n  # the source's primary key\n  @@unique(%sPkey, [",
                      model_name(p, m->name));
        for (size_t i = 0; i < m->primary_key->nfields; i++)
            rm_sb_appendf(p->out, "%s%s", i ? ", " : "",
                          field_name(p, m->fields[m->primary_key->fields[i].field].name));
        rm_sb_puts(p->out, "])\n");
        (void)where;
        blank = true;
    }
    for (size_t i = 0; i < m->nindexes; i++) {
        const rm_index *ix = &m->indexes[i];
        if (single_column(ix))
            continue;
        if (!blank)
            rm_sb_putc(p->out, '\n');
        blank = true;
        bool fulltext = ix->kind == RM_INDEX_FULLTEXT;
        bool sorted = false;
        for (size_t k = 0; k < ix->nfields; k++)
            sorted = sorted || ix->fields[k].sort != RM_SORT_DEFAULT || ix->fields[k].length;
        if (fulltext || ix->algo != RM_ALGO_DEFAULT || ix->where || sorted) {
            rm_sb_puts(p->out,
                       "  # index options (type, where, fulltext, sort, length) not kept\n");
            rm_diag_warning(p->d, RM_E_PRINT_CERIAL_UNSUPPORTED, RM_LOC_NONE,
                            "%s: index options cannot be expressed in Cerial; written as a "
                            "comment",
                            where);
        }
        rm_sb nm = RM_SB_INIT;
        if (ix->name || ix->map) {
            rm_sb_puts(&nm, ix->name ? ix->name : ix->map);
        } else {
            rm_sb_puts(&nm, m->name);
            for (size_t k = 0; k < ix->nfields; k++)
                rm_sb_appendf(&nm, "_%s", m->fields[ix->fields[k].field].name);
            rm_sb_puts(&nm, ix->kind == RM_INDEX_UNIQUE ? "_key" : "_idx");
        }
        /* Cerial index names are identifiers. */
        char *n = rm_sb_detach(&nm);
        for (char *c = n; *c; c++)
            if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
                  (*c >= '0' && *c <= '9') || *c == '_'))
                *c = '_';
        if (ix->nfields == 1 && ix->kind != RM_INDEX_UNIQUE) {
            /* a one-column index could be @index, but keep the name */
        }
        rm_sb_appendf(p->out, "  @@%s(%s, [", ix->kind == RM_INDEX_UNIQUE ? "unique" : "index", n);
        free(n);
        for (size_t k = 0; k < ix->nfields; k++)
            rm_sb_appendf(p->out, "%s%s", k ? ", " : "",
                          field_name(p, m->fields[ix->fields[k].field].name));
        rm_sb_puts(p->out, "])\n");
    }
    rm_sb_puts(p->out, "}\n");
}

void rm_print_cerial(rm_sb *out, const rm_graph *g, rm_diags *d)
{
    cp p = {out, g, d, {0}};
    rm_arena_init(&p.a, 0);
    bool any = false;
    for (size_t i = 0; i < g->nenums; i++) {
        const rm_enum *e = &g->enums[i];
        bool mapped = strcmp(e->name, e->db_name) != 0;
        for (size_t k = 0; k < e->nvalues; k++)
            mapped = mapped || strcmp(e->values[k].name, e->values[k].db_name) != 0;
        if (mapped) {
            rm_sb_puts(out, "# enum or value names mapped with @map/@@map in the source\n");
            rm_diag_warning(d, RM_E_PRINT_CERIAL_UNSUPPORTED, RM_LOC_NONE,
                            "enum %s: @map/@@map cannot be expressed in Cerial; written as a "
                            "comment",
                            e->name);
        }
        rm_sb_appendf(out, "enum %s { ", model_name(&p, e->name));
        for (size_t k = 0; k < e->nvalues; k++)
            rm_sb_appendf(out, "%s%s", k ? ", " : "", e->values[k].name);
        rm_sb_puts(out, " }\n");
        any = true;
    }
    for (size_t i = 0; i < g->nmodels; i++) {
        if (any)
            rm_sb_putc(out, '\n');
        print_model(&p, (uint32_t)i);
        any = true;
    }
    rm_arena_free(&p.a);
}
