/*
 * Prisma printer: relation graph -> schema.prisma text laid out as `prisma format` does
 * (two-space indent; field name, type and attributes in aligned columns with trailing blanks
 * trimmed; block attributes after a blank line; `key = value` aligned in datasource and
 * generator blocks). Attributes are written in the order Prisma's introspection writes them
 * (@id, @unique, @default, @updatedAt, @map, @db.*, @relation, @ignore) and only when they
 * differ from what the language would default to, so that parsing the output gives the same
 * graph again. Not for: Cerial (print_cerial.c) or comments that are not /// documentation.
 */
#include "model/print.h"

#include <stdlib.h>
#include <string.h>

/* A Prisma string literal. */
static void str_lit(rm_sb *sb, const char *s)
{
    rm_sb_putc(sb, '"');
    for (const char *p = s ? s : ""; *p; p++) {
        switch (*p) {
        case '"':
            rm_sb_puts(sb, "\\\"");
            break;
        case '\\':
            rm_sb_puts(sb, "\\\\");
            break;
        case '\n':
            rm_sb_puts(sb, "\\n");
            break;
        case '\r':
            rm_sb_puts(sb, "\\r");
            break;
        case '\t':
            rm_sb_puts(sb, "\\t");
            break;
        default:
            rm_sb_putc(sb, *p);
        }
    }
    rm_sb_putc(sb, '"');
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static void doc_lines(rm_sb *sb, const char *doc, const char *indent)
{
    if (!doc)
        return;
    /* A /// line loses the blanks after the slashes, so a documentation text whose later lines
     * are indented (it came from a block comment) is written back as one: the parser keeps a
     * block comment's text as it is, trimmed at both ends. */
    size_t dn = strlen(doc);
    bool indented = false;
    for (const char *q = strchr(doc, '\n'); q && !indented; q = strchr(q + 1, '\n'))
        indented = is_blank(q[1]);
    if (indented && dn && !is_blank(doc[0]) && doc[0] != '/' && !is_blank(doc[dn - 1]) &&
        doc[dn - 1] != '\n' &&
        !strstr(doc, "*/")) {
        rm_sb_appendf(sb, "%s/*%s\n%s */\n", indent, doc, indent);
        return;
    }
    const char *p = doc;
    for (;;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        rm_sb_puts(sb, indent);
        rm_sb_puts(sb, "///");
        if (n) {
            rm_sb_putc(sb, ' ');
            rm_sb_append(sb, p, n);
        }
        rm_sb_putc(sb, '\n');
        if (!nl)
            break;
        p = nl + 1;
    }
}

/* ---- aligned rows ------------------------------------------------------------------------ */

#define MAX_CELLS 3

/* A row's cells are spans of its table's one text buffer (no allocation per cell: a
 * 5,000-model print made 200,000 of them). An empty span is no cell. */
typedef struct row {
    const char *doc;
    size_t off[MAX_CELLS];
    size_t len[MAX_CELLS];
} row;

typedef struct table {
    row *rows;
    size_t n, cap;
    rm_sb text;
} table;

static row *table_row(table *t, const char *doc)
{
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 16;
        t->rows = rm_xrealloc(t->rows, t->cap * sizeof *t->rows);
    }
    row *r = &t->rows[t->n++];
    memset(r, 0, sizeof *r);
    r->doc = doc;
    return r;
}

/* Cell k of r is what was appended to t->text since from. */
static void cell_end(table *t, row *r, size_t k, size_t from)
{
    r->off[k] = from;
    r->len[k] = t->text.len - from;
}

/* Each column is as wide as its widest cell; a row ends after its last non-empty cell. */
static void table_flush(rm_sb *sb, table *t)
{
    size_t w[MAX_CELLS] = {0};
    for (size_t i = 0; i < t->n; i++)
        for (size_t k = 0; k < MAX_CELLS; k++)
            if (t->rows[i].len[k] > w[k])
                w[k] = t->rows[i].len[k];
    const char *text = rm_sb_str(&t->text);
    for (size_t i = 0; i < t->n; i++) {
        const row *r = &t->rows[i];
        doc_lines(sb, r->doc, "  ");
        size_t last = 0;
        for (size_t k = 0; k < MAX_CELLS; k++)
            if (r->len[k])
                last = k;
        rm_sb_append(sb, "  ", 2);
        for (size_t k = 0; k <= last; k++) {
            rm_sb_append(sb, text + r->off[k], r->len[k]);
            if (k < last)
                rm_sb_pad(sb, ' ', w[k] - r->len[k] + 1);
        }
        rm_sb_putc(sb, '\n');
    }
    free(t->rows);
    rm_sb_free(&t->text);
    memset(t, 0, sizeof *t);
}

/* Punctuation and keywords, copied without a format: the printer's inner loops. */
#define PUT(sb, lit) rm_sb_append((sb), (lit), sizeof(lit) - 1)

/* ---- attributes ------------------------------------------------------------------------- */

static void default_value(rm_sb *sb, const rm_default *d)
{
    switch (d->kind) {
    case RM_DEFAULT_NONE:
        break;
    case RM_DEFAULT_STRING:
        str_lit(sb, d->text);
        break;
    case RM_DEFAULT_NUMBER:
    case RM_DEFAULT_ENUM:
        rm_sb_puts(sb, d->text ? d->text : "");
        break;
    case RM_DEFAULT_BOOL:
        rm_sb_puts(sb, d->boolean ? "true" : "false");
        break;
    case RM_DEFAULT_LIST:
        rm_sb_putc(sb, '[');
        for (size_t i = 0; i < d->nitems; i++) {
            if (i)
                rm_sb_puts(sb, ", ");
            default_value(sb, &d->items[i]);
        }
        rm_sb_putc(sb, ']');
        break;
    case RM_DEFAULT_AUTOINCREMENT:
        rm_sb_puts(sb, "autoincrement()");
        break;
    case RM_DEFAULT_NOW:
        rm_sb_puts(sb, "now()");
        break;
    case RM_DEFAULT_UUID:
    case RM_DEFAULT_CUID:
    case RM_DEFAULT_NANOID:
        rm_sb_puts(sb, d->kind == RM_DEFAULT_UUID   ? "uuid("
                       : d->kind == RM_DEFAULT_CUID ? "cuid("
                                                    : "nanoid(");
        if (d->version)
            rm_sb_appendf(sb, "%d", d->version);
        rm_sb_putc(sb, ')');
        break;
    case RM_DEFAULT_ULID:
        rm_sb_puts(sb, "ulid()");
        break;
    case RM_DEFAULT_DBGENERATED:
        rm_sb_puts(sb, "dbgenerated(");
        if (d->text)
            str_lit(sb, d->text);
        rm_sb_putc(sb, ')');
        break;
    case RM_DEFAULT_SEQUENCE:
        rm_sb_appendf(sb, "sequence(%s)", d->text ? d->text : "");
        break;
    case RM_DEFAULT_AUTO:
        rm_sb_puts(sb, "auto()");
        break;
    }
}

static const char *sort_name(rm_sort s)
{
    return s == RM_SORT_DESC ? "Desc" : "Asc";
}

/* [a, b(sort: Desc), c(length: 10, ops: Foo)] */
static void index_fields(rm_sb *sb, const rm_model *m, const rm_index *ix)
{
    rm_sb_putc(sb, '[');
    for (size_t i = 0; i < ix->nfields; i++) {
        const rm_index_field *f = &ix->fields[i];
        if (i)
            rm_sb_puts(sb, ", ");
        rm_sb_puts(sb, f->field < m->nfields ? m->fields[f->field].name : "?");
        bool open = false;
        if (f->sort != RM_SORT_DEFAULT) {
            rm_sb_appendf(sb, "(sort: %s", sort_name(f->sort));
            open = true;
        }
        if (f->length) {
            rm_sb_appendf(sb, "%slength: %u", open ? ", " : "(", (unsigned)f->length);
            open = true;
        }
        if (f->ops) {
            rm_sb_appendf(sb, "%sops: %s", open ? ", " : "(", f->ops);
            open = true;
        }
        if (open)
            rm_sb_putc(sb, ')');
    }
    rm_sb_putc(sb, ']');
}

/* The named arguments after the field list (or inside a field-level @id/@unique). */
static void index_args(rm_sb *sb, const rm_index *ix, bool first)
{
    const char *sep = first ? "" : ", ";
    if (ix->name && !ix->field_level) {
        rm_sb_puts(sb, sep);
        PUT(sb, "name: ");
        str_lit(sb, ix->name);
        sep = ", ";
    }
    if (ix->map) {
        rm_sb_puts(sb, sep);
        PUT(sb, "map: ");
        str_lit(sb, ix->map);
        sep = ", ";
    }
    if (ix->algo != RM_ALGO_DEFAULT && rm_index_algo_name(ix->algo)) {
        rm_sb_puts(sb, sep);
        PUT(sb, "type: ");
        rm_sb_puts(sb, rm_index_algo_name(ix->algo));
        sep = ", ";
    }
    if (ix->clustered >= 0) {
        rm_sb_puts(sb, sep);
        PUT(sb, "clustered: ");
        rm_sb_puts(sb, ix->clustered ? "true" : "false");
        sep = ", ";
    }
    if (ix->where) {
        rm_sb_puts(sb, sep);
        PUT(sb, "where: raw(");
        str_lit(sb, ix->where);
        rm_sb_putc(sb, ')');
    }
}

/* @id / @unique written on the field itself. */
static void field_index_attr(rm_sb *sb, const rm_index *ix, const char *word)
{
    PUT(sb, " @");
    rm_sb_puts(sb, word);
    const rm_index_field *f = &ix->fields[0];
    size_t open = sb->len;
    rm_sb_putc(sb, '(');
    size_t args = sb->len;
    const char *sep = "";
    if (f->sort != RM_SORT_DEFAULT) {
        PUT(sb, "sort: ");
        rm_sb_puts(sb, sort_name(f->sort));
        sep = ", ";
    }
    if (f->length) {
        rm_sb_puts(sb, sep);
        PUT(sb, "length: ");
        rm_sb_put_uint(sb, f->length);
        sep = ", ";
    }
    index_args(sb, ix, sep[0] == 0);
    if (sb->len == args)
        rm_sb_truncate(sb, open); /* no argument: no parentheses */
    else
        rm_sb_putc(sb, ')');
}

static const char *action_name(rm_ref_action a)
{
    return rm_ref_action_name(a);
}

static void relation_attr(rm_sb *sb, const rm_graph *g, const rm_model *m, uint32_t fi,
                          const rm_field *f)
{
    if (f->relation == RM_NONE || f->relation >= g->nrelations)
        return;
    const rm_relation *r = &g->relations[f->relation];
    uint32_t mi = (uint32_t)(m - g->models);
    bool holder = r->card != RM_CARD_MANY_TO_MANY_IMPLICIT && r->from.model == mi &&
                  r->from.field == fi;
    if (!holder) {
        if (r->named) {
            rm_sb_puts(sb, " @relation(");
            str_lit(sb, r->name);
            rm_sb_putc(sb, ')');
        }
        return;
    }
    rm_sb_puts(sb, " @relation(");
    if (r->named) {
        str_lit(sb, r->name);
        rm_sb_puts(sb, ", ");
    }
    const rm_model *to = &g->models[r->to.model];
    PUT(sb, "fields: [");
    for (size_t i = 0; i < r->nfk; i++) {
        if (i)
            PUT(sb, ", ");
        rm_sb_puts(sb, m->fields[r->fk_fields[i]].name);
    }
    PUT(sb, "], references: [");
    for (size_t i = 0; i < r->nfk; i++) {
        if (i)
            PUT(sb, ", ");
        rm_sb_puts(sb, to->fields[r->ref_fields[i]].name);
    }
    rm_sb_putc(sb, ']');
    /* Written when the user wrote it, or when it is not what Prisma would default to (a graph
     * built from Cerial, whose required relations cascade). */
    rm_ref_action def_delete = r->fk_optional                         ? RM_ACTION_SET_NULL
                               : g->provider == RM_PROVIDER_SQLSERVER ? RM_ACTION_NO_ACTION
                                                                      : RM_ACTION_RESTRICT;
    if (r->on_delete_set || r->on_delete != def_delete) {
        PUT(sb, ", onDelete: ");
        rm_sb_puts(sb, action_name(r->on_delete));
    }
    if (r->on_update_set || r->on_update != RM_ACTION_CASCADE) {
        PUT(sb, ", onUpdate: ");
        rm_sb_puts(sb, action_name(r->on_update));
    }
    if (r->fk_map) {
        rm_sb_puts(sb, ", map: ");
        str_lit(sb, r->fk_map);
    }
    rm_sb_putc(sb, ')');
}

static void field_row(table *t, const rm_graph *g, const rm_model *m, uint32_t fi)
{
    const rm_field *f = &m->fields[fi];
    row *r = table_row(t, f->doc);
    rm_sb *sb = &t->text;
    size_t from = sb->len;
    rm_sb_puts(sb, f->name);
    cell_end(t, r, 0, from);

    from = sb->len;
    if (f->scalar == RM_SCALAR_UNSUPPORTED) {
        PUT(sb, "Unsupported(");
        str_lit(sb, f->type_name);
        rm_sb_putc(sb, ')');
    } else if (f->kind == RM_FIELD_SCALAR && f->scalar != RM_SCALAR_ENUM) {
        /* the Prisma name, also for graphs built from Cerial ("record", "date") */
        rm_sb_puts(sb, rm_scalar_name(f->scalar));
    } else {
        rm_sb_puts(sb, f->type_name);
    }
    if (f->list)
        PUT(sb, "[]");
    if (f->optional)
        rm_sb_putc(sb, '?');
    cell_end(t, r, 1, from);

    from = sb->len;
    const rm_index *pk = m->primary_key;
    if (pk && pk->field_level && pk->nfields == 1 && pk->fields[0].field == fi)
        field_index_attr(sb, pk, "id");
    for (size_t i = 0; i < m->nindexes; i++) {
        const rm_index *ix = &m->indexes[i];
        if (ix->field_level && ix->kind == RM_INDEX_UNIQUE && ix->nfields == 1 &&
            ix->fields[0].field == fi)
            field_index_attr(sb, ix, "unique");
    }
    if (f->def.kind != RM_DEFAULT_NONE) {
        PUT(sb, " @default(");
        default_value(sb, &f->def);
        if (f->def.map) {
            PUT(sb, ", map: ");
            str_lit(sb, f->def.map);
        }
        rm_sb_putc(sb, ')');
    }
    if (f->updated_at)
        PUT(sb, " @updatedAt");
    if (f->kind == RM_FIELD_SCALAR && f->mapped) {
        PUT(sb, " @map(");
        str_lit(sb, f->db_name);
        rm_sb_putc(sb, ')');
    }
    if (f->native.name) {
        PUT(sb, " @");
        rm_sb_puts(sb, g->datasource ? g->datasource : "db");
        rm_sb_putc(sb, '.');
        rm_sb_puts(sb, f->native.name);
        if (f->native.nargs) {
            rm_sb_putc(sb, '(');
            for (size_t i = 0; i < f->native.nargs; i++) {
                if (i)
                    PUT(sb, ", ");
                rm_sb_puts(sb, f->native.args[i]);
            }
            rm_sb_putc(sb, ')');
        }
    }
    if (f->kind == RM_FIELD_RELATION)
        relation_attr(sb, g, m, fi, f);
    if (f->ignored)
        PUT(sb, " @ignore");
    /* without the leading blank of the first attribute */
    if (sb->len > from && rm_sb_str(sb)[from] == ' ')
        from++;
    cell_end(t, r, 2, from);
}

static void block_index(rm_sb *sb, const rm_model *m, const rm_index *ix, const char *word)
{
    PUT(sb, "  @@");
    rm_sb_puts(sb, word);
    rm_sb_putc(sb, '(');
    index_fields(sb, m, ix);
    index_args(sb, ix, false);
    rm_sb_puts(sb, ")\n");
}

static void print_model(rm_sb *sb, const rm_graph *g, const rm_model *m)
{
    doc_lines(sb, m->doc, "");
    rm_sb_puts(sb, m->is_view ? "view " : "model ");
    rm_sb_puts(sb, m->name);
    PUT(sb, " {\n");
    table t = {0};
    for (uint32_t i = 0; i < m->nfields; i++)
        field_row(&t, g, m, i);
    table_flush(sb, &t);
    rm_sb blk = RM_SB_INIT;
    if (m->primary_key && !m->primary_key->field_level)
        block_index(&blk, m, m->primary_key, "id");
    for (size_t i = 0; i < m->nindexes; i++) {
        const rm_index *ix = &m->indexes[i];
        if (ix->field_level && ix->kind == RM_INDEX_UNIQUE)
            continue;
        block_index(&blk, m, ix,
                    ix->kind == RM_INDEX_UNIQUE     ? "unique"
                    : ix->kind == RM_INDEX_FULLTEXT ? "fulltext"
                                                    : "index");
    }
    if (m->mapped) {
        rm_sb_puts(&blk, "  @@map(");
        str_lit(&blk, m->db_name);
        rm_sb_puts(&blk, ")\n");
    }
    if (m->ignored)
        rm_sb_puts(&blk, "  @@ignore\n");
    if (m->schema) {
        rm_sb_puts(&blk, "  @@schema(");
        str_lit(&blk, m->schema);
        rm_sb_puts(&blk, ")\n");
    }
    if (blk.len) {
        if (m->nfields)
            rm_sb_putc(sb, '\n');
        rm_sb_puts(sb, rm_sb_str(&blk));
    }
    rm_sb_free(&blk);
    rm_sb_puts(sb, "}\n");
}

static void print_enum(rm_sb *sb, const rm_enum *e)
{
    doc_lines(sb, e->doc, "");
    PUT(sb, "enum ");
    rm_sb_puts(sb, e->name);
    PUT(sb, " {\n");
    table t = {0};
    for (size_t i = 0; i < e->nvalues; i++) {
        const rm_enum_value *v = &e->values[i];
        row *r = table_row(&t, v->doc);
        size_t from = t.text.len;
        rm_sb_puts(&t.text, v->name);
        cell_end(&t, r, 0, from);
        from = t.text.len;
        if (strcmp(v->name, v->db_name) != 0) {
            PUT(&t.text, "@map(");
            str_lit(&t.text, v->db_name);
            rm_sb_putc(&t.text, ')');
        }
        cell_end(&t, r, 1, from);
    }
    table_flush(sb, &t);
    bool mapped = strcmp(e->name, e->db_name) != 0;
    if (mapped || e->schema) {
        if (e->nvalues)
            rm_sb_putc(sb, '\n');
        if (mapped) {
            rm_sb_puts(sb, "  @@map(");
            str_lit(sb, e->db_name);
            rm_sb_puts(sb, ")\n");
        }
        if (e->schema) {
            rm_sb_puts(sb, "  @@schema(");
            str_lit(sb, e->schema);
            rm_sb_puts(sb, ")\n");
        }
    }
    rm_sb_puts(sb, "}\n");
}

/* key = value lines with the '=' aligned. */
static void kv_block(rm_sb *sb, const char *head, const char *const *keys,
                     const char *const *values, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (strlen(keys[i]) > w)
            w = strlen(keys[i]);
    rm_sb_appendf(sb, "%s {\n", head);
    for (size_t i = 0; i < n; i++) {
        rm_sb_appendf(sb, "  %s", keys[i]);
        rm_sb_pad(sb, ' ', w - strlen(keys[i]));
        rm_sb_appendf(sb, " = %s\n", values[i]);
    }
    rm_sb_puts(sb, "}\n");
}

static char *string_list(const char *const *items, size_t n)
{
    rm_sb sb = RM_SB_INIT;
    rm_sb_putc(&sb, '[');
    for (size_t i = 0; i < n; i++) {
        if (i)
            rm_sb_puts(&sb, ", ");
        str_lit(&sb, items[i]);
    }
    rm_sb_putc(&sb, ']');
    return rm_sb_detach(&sb);
}

void rm_print_prisma(rm_sb *out, const rm_graph *g)
{
    bool any = false;
    /* A generator block only when it carries something the graph holds (preview features);
     * `db pull` keeps whatever generator the file had, which the graph does not record. */
    if (g->npreview_features) {
        const char *keys[2] = {"provider", "previewFeatures"};
        char *pf = string_list(g->preview_features, g->npreview_features);
        const char *vals[2] = {"\"prisma-client-js\"", pf};
        kv_block(out, "generator client", keys, vals, 2);
        free(pf);
        any = true;
    }
    if (g->provider != RM_PROVIDER_NONE) {
        const char *keys[3], *vals[3];
        size_t n = 0;
        rm_sb prov = RM_SB_INIT;
        str_lit(&prov, g->provider_name ? g->provider_name : rm_provider_name(g->provider));
        keys[n] = "provider";
        vals[n++] = rm_sb_str(&prov);
        char *schemas = NULL;
        if (g->nschemas) {
            schemas = string_list(g->schemas, g->nschemas);
            keys[n] = "schemas";
            vals[n++] = schemas;
        }
        if (g->relation_mode == RM_RELMODE_PRISMA && g->provider != RM_PROVIDER_MONGODB) {
            keys[n] = "relationMode";
            vals[n++] = "\"prisma\"";
        }
        rm_sb head = RM_SB_INIT;
        rm_sb_appendf(&head, "datasource %s", g->datasource ? g->datasource : "db");
        if (any)
            rm_sb_putc(out, '\n');
        kv_block(out, rm_sb_str(&head), keys, vals, n);
        any = true;
        rm_sb_free(&head);
        rm_sb_free(&prov);
        free(schemas);
    }
    for (int views = 0; views < 2; views++)
        for (size_t i = 0; i < g->nmodels; i++) {
            if (g->models[i].is_view != (views == 1))
                continue;
            if (any)
                rm_sb_putc(out, '\n');
            print_model(out, g, &g->models[i]);
            any = true;
        }
    for (size_t i = 0; i < g->nenums; i++) {
        if (any)
            rm_sb_putc(out, '\n');
        print_enum(out, &g->enums[i]);
        any = true;
    }
}
