/*
 * Renders an rm_graph as the versioned JSON document described in docs/graph-json.md. Key order
 * is fixed by this code (not by any map), every optional value is present as null, and the
 * layout is fixed too: small objects (a field, an index column, a relation end) go on one line,
 * containers are indented. Not for diagnostics JSON (util/diag_render.c).
 */
#include "model/graph_json.h"

#include <string.h>

typedef struct jw {
    rm_sb *sb;
    int depth;
    bool first;   /* no element written yet at the current level */
    bool inline_; /* inside a one-line object/array */
} jw;

static void jw_indent(jw *w)
{
    rm_sb_putc(w->sb, '\n');
    rm_sb_pad(w->sb, ' ', (size_t)w->depth * 2);
}

/* Separator before a new element at the current level. */
static void jw_sep(jw *w)
{
    if (!w->first)
        rm_sb_putc(w->sb, ',');
    if (w->inline_) {
        if (!w->first)
            rm_sb_putc(w->sb, ' ');
    } else {
        jw_indent(w);
    }
    w->first = false;
}

static void jw_key(jw *w, const char *key)
{
    jw_sep(w);
    rm_sb_json_string(w->sb, key, strlen(key));
    rm_sb_puts(w->sb, ": ");
}

static void jw_str(rm_sb *sb, const char *s)
{
    if (s)
        rm_sb_json_string(sb, s, strlen(s));
    else
        rm_sb_puts(sb, "null");
}

static void kv_str(jw *w, const char *key, const char *v)
{
    jw_key(w, key);
    jw_str(w->sb, v);
}

static void kv_bool(jw *w, const char *key, bool v)
{
    jw_key(w, key);
    rm_sb_puts(w->sb, v ? "true" : "false");
}

static void kv_uint_or_null(jw *w, const char *key, uint32_t v, bool present)
{
    jw_key(w, key);
    if (present)
        rm_sb_appendf(w->sb, "%u", (unsigned)v);
    else
        rm_sb_puts(w->sb, "null");
}

/* Open a container: '{' or '['. Returns the saved state to pass to jw_close. */
typedef struct jw_saved {
    bool first, inline_;
} jw_saved;

static jw_saved jw_open(jw *w, char c, bool one_line)
{
    jw_saved s = {w->first, w->inline_};
    rm_sb_putc(w->sb, c);
    w->depth++;
    w->first = true;
    w->inline_ = w->inline_ || one_line;
    return s;
}

static void jw_close(jw *w, char c, jw_saved s)
{
    bool empty = w->first;
    bool was_inline = w->inline_;
    w->depth--;
    if (!empty && !was_inline)
        jw_indent(w);
    rm_sb_putc(w->sb, c);
    w->first = s.first;
    w->inline_ = s.inline_;
}

static const char *sort_name(rm_sort s)
{
    return s == RM_SORT_ASC ? "Asc" : s == RM_SORT_DESC ? "Desc" : NULL;
}

static const char *index_kind_name(rm_index_kind k)
{
    switch (k) {
    case RM_INDEX_PRIMARY:
        return "primary";
    case RM_INDEX_UNIQUE:
        return "unique";
    case RM_INDEX_NORMAL:
        return "index";
    case RM_INDEX_FULLTEXT:
        return "fulltext";
    }
    return "?";
}

static void render_default(jw *w, const rm_default *d)
{
    jw_saved s = jw_open(w, '{', true);
    kv_str(w, "kind", rm_default_kind_name(d->kind));
    switch (d->kind) {
    case RM_DEFAULT_STRING:
    case RM_DEFAULT_ENUM:
    case RM_DEFAULT_DBGENERATED:
    case RM_DEFAULT_SEQUENCE:
        kv_str(w, "value", d->text);
        break;
    case RM_DEFAULT_NUMBER:
        /* Kept as written, as a string: JSON numbers would lose Decimal precision. */
        kv_str(w, "value", d->text);
        break;
    case RM_DEFAULT_BOOL:
        kv_bool(w, "value", d->boolean);
        break;
    case RM_DEFAULT_LIST: {
        jw_key(w, "items");
        jw_saved l = jw_open(w, '[', true);
        for (size_t i = 0; i < d->nitems; i++) {
            jw_sep(w);
            render_default(w, &d->items[i]);
        }
        jw_close(w, ']', l);
        break;
    }
    case RM_DEFAULT_UUID:
    case RM_DEFAULT_CUID:
    case RM_DEFAULT_NANOID:
        kv_uint_or_null(w, "version", (uint32_t)d->version, d->version > 0);
        break;
    default:
        break;
    }
    if (d->map)
        kv_str(w, "map", d->map);
    jw_close(w, '}', s);
}

static void render_field(jw *w, const rm_graph *g, const rm_field *f)
{
    jw_saved s = jw_open(w, '{', true);
    kv_str(w, "name", f->name);
    if (f->kind == RM_FIELD_RELATION) {
        kv_str(w, "kind", "relation");
        kv_str(w, "type", f->type_name);
        kv_bool(w, "optional", f->optional);
        kv_bool(w, "list", f->list);
        kv_str(w, "relation", f->relation != RM_NONE ? g->relations[f->relation].name : NULL);
        kv_bool(w, "ignored", f->ignored);
    } else {
        kv_str(w, "dbName", f->db_name);
        kv_str(w, "kind", "scalar");
        kv_str(w, "type", rm_scalar_name(f->scalar));
        if (f->scalar == RM_SCALAR_ENUM)
            kv_str(w, "enum", f->type_name);
        if (f->scalar == RM_SCALAR_UNSUPPORTED)
            kv_str(w, "unsupported", f->type_name);
        kv_bool(w, "optional", f->optional);
        kv_bool(w, "list", f->list);
        jw_key(w, "nativeType");
        if (f->native.name) {
            jw_saved n = jw_open(w, '{', true);
            kv_str(w, "name", f->native.name);
            jw_key(w, "args");
            jw_saved a = jw_open(w, '[', true);
            for (size_t i = 0; i < f->native.nargs; i++) {
                jw_sep(w);
                jw_str(w->sb, f->native.args[i]);
            }
            jw_close(w, ']', a);
            jw_close(w, '}', n);
        } else {
            rm_sb_puts(w->sb, "null");
        }
        jw_key(w, "default");
        if (f->def.kind != RM_DEFAULT_NONE)
            render_default(w, &f->def);
        else
            rm_sb_puts(w->sb, "null");
        kv_bool(w, "updatedAt", f->updated_at);
        kv_bool(w, "ignored", f->ignored);
    }
    kv_str(w, "doc", f->doc);
    jw_close(w, '}', s);
}

static void render_index(jw *w, const rm_model *m, const rm_index *ix)
{
    jw_saved s = jw_open(w, '{', true);
    kv_str(w, "kind", index_kind_name(ix->kind));
    jw_key(w, "fields");
    jw_saved fs = jw_open(w, '[', true);
    for (size_t i = 0; i < ix->nfields; i++) {
        const rm_index_field *xf = &ix->fields[i];
        jw_sep(w);
        jw_saved o = jw_open(w, '{', true);
        kv_str(w, "name", xf->field != RM_NONE ? m->fields[xf->field].name : NULL);
        kv_str(w, "sort", sort_name(xf->sort));
        kv_uint_or_null(w, "length", xf->length, xf->length > 0);
        kv_str(w, "ops", xf->ops);
        jw_close(w, '}', o);
    }
    jw_close(w, ']', fs);
    kv_str(w, "name", ix->name);
    kv_str(w, "map", ix->map);
    kv_str(w, "type", rm_index_algo_name(ix->algo));
    jw_key(w, "clustered");
    rm_sb_puts(w->sb, ix->clustered < 0 ? "null" : ix->clustered ? "true" : "false");
    kv_str(w, "where", ix->where);
    jw_close(w, '}', s);
}

static void render_model(jw *w, const rm_graph *g, const rm_model *m)
{
    jw_saved s = jw_open(w, '{', false);
    kv_str(w, "name", m->name);
    kv_str(w, "dbName", m->db_name);
    kv_str(w, "schema", m->schema);
    kv_str(w, "syntax", m->syntax == RM_SYNTAX_CERIAL ? "cerial" : "prisma");
    kv_bool(w, "view", m->is_view);
    kv_bool(w, "ignored", m->ignored);
    kv_bool(w, "joinModel", m->is_join_model);
    kv_str(w, "doc", m->doc);
    jw_key(w, "fields");
    jw_saved fs = jw_open(w, '[', false);
    for (size_t i = 0; i < m->nfields; i++) {
        jw_sep(w);
        render_field(w, g, &m->fields[i]);
    }
    jw_close(w, ']', fs);
    jw_key(w, "primaryKey");
    if (m->primary_key)
        render_index(w, m, m->primary_key);
    else
        rm_sb_puts(w->sb, "null");
    jw_key(w, "indexes");
    jw_saved xs = jw_open(w, '[', false);
    for (size_t i = 0; i < m->nindexes; i++) {
        jw_sep(w);
        render_index(w, m, &m->indexes[i]);
    }
    jw_close(w, ']', xs);
    jw_close(w, '}', s);
}

static void render_enum(jw *w, const rm_enum *e)
{
    jw_saved s = jw_open(w, '{', false);
    kv_str(w, "name", e->name);
    kv_str(w, "dbName", e->db_name);
    kv_str(w, "schema", e->schema);
    kv_str(w, "syntax", e->syntax == RM_SYNTAX_CERIAL ? "cerial" : "prisma");
    kv_str(w, "doc", e->doc);
    jw_key(w, "values");
    jw_saved vs = jw_open(w, '[', false);
    for (size_t i = 0; i < e->nvalues; i++) {
        jw_sep(w);
        jw_saved o = jw_open(w, '{', true);
        kv_str(w, "name", e->values[i].name);
        kv_str(w, "dbName", e->values[i].db_name);
        jw_close(w, '}', o);
    }
    jw_close(w, ']', vs);
    jw_close(w, '}', s);
}

static void render_end(jw *w, const rm_graph *g, const char *key, rm_relation_end e)
{
    jw_key(w, key);
    jw_saved s = jw_open(w, '{', true);
    const rm_model *m = e.model != RM_NONE ? &g->models[e.model] : NULL;
    kv_str(w, "model", m ? m->name : NULL);
    kv_str(w, "field", m && e.field != RM_NONE ? m->fields[e.field].name : NULL);
    jw_close(w, '}', s);
}

static void render_field_list(jw *w, const rm_graph *g, const char *key, uint32_t model,
                              const uint32_t *fields, size_t n)
{
    jw_key(w, key);
    jw_saved s = jw_open(w, '[', true);
    for (size_t i = 0; i < n; i++) {
        jw_sep(w);
        const rm_model *m = model != RM_NONE ? &g->models[model] : NULL;
        jw_str(w->sb, m && fields[i] != RM_NONE ? m->fields[fields[i]].name : NULL);
    }
    jw_close(w, ']', s);
}

static void render_relation(jw *w, const rm_graph *g, const rm_relation *r)
{
    jw_saved s = jw_open(w, '{', false);
    kv_str(w, "name", r->name);
    kv_bool(w, "named", r->named);
    kv_str(w, "cardinality", rm_cardinality_name(r->card));
    kv_bool(w, "self", r->self);
    render_end(w, g, "from", r->from);
    render_end(w, g, "to", r->to);
    render_field_list(w, g, "fields", r->from.model, r->fk_fields, r->nfk);
    render_field_list(w, g, "references", r->to.model, r->ref_fields, r->nfk);
    kv_str(w, "onDelete", rm_ref_action_name(r->on_delete));
    kv_bool(w, "onDeleteSet", r->on_delete_set);
    kv_str(w, "onUpdate", rm_ref_action_name(r->on_update));
    kv_bool(w, "onUpdateSet", r->on_update_set);
    kv_str(w, "map", r->fk_map);
    kv_str(w, "joinTable", r->join_table);
    jw_close(w, '}', s);
}

void rm_graph_render_json(rm_sb *out, const rm_graph *g)
{
    jw w = {out, 0, true, false};
    jw_saved top = jw_open(&w, '{', false);
    jw_key(&w, "version");
    rm_sb_appendf(out, "%d", RM_GRAPH_JSON_VERSION);
    kv_str(&w, "provider", rm_provider_name(g->provider));
    kv_str(&w, "relationMode", g->relation_mode == RM_RELMODE_PRISMA ? "prisma" : "foreignKeys");
    jw_key(&w, "models");
    jw_saved ms = jw_open(&w, '[', false);
    for (size_t i = 0; i < g->nmodels; i++) {
        jw_sep(&w);
        render_model(&w, g, &g->models[i]);
    }
    jw_close(&w, ']', ms);
    jw_key(&w, "enums");
    jw_saved es = jw_open(&w, '[', false);
    for (size_t i = 0; i < g->nenums; i++) {
        jw_sep(&w);
        render_enum(&w, &g->enums[i]);
    }
    jw_close(&w, ']', es);
    jw_key(&w, "relations");
    jw_saved rs = jw_open(&w, '[', false);
    for (size_t i = 0; i < g->nrelations; i++) {
        jw_sep(&w);
        render_relation(&w, g, &g->relations[i]);
    }
    jw_close(&w, ']', rs);
    jw_close(&w, '}', top);
    rm_sb_putc(out, '\n');
}
