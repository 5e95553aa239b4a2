/*
 * The relation graph as a Graphviz `digraph`: each model is an HTML-like table node (a row per
 * column field with its type and PK/FK/UK markers, a port `f<field index>` per row), each enum a
 * small table of its values, and each relation an edge from the foreign-key side to the
 * referenced side with crow's-foot arrowheads at both ends (`dir=both`). Output is deterministic:
 * models, enums and relations in the graph's sorted order, four-space indentation, one trailing
 * newline.
 *
 * Not for Mermaid (graph_mermaid.c, which also holds the cardinality and key facts both share),
 * and not for layout or rendering: that is `dot`'s job.
 *
 * Escaping: node ids and edge labels are DOT double-quoted strings (`"` and `\` escaped; edge
 * labels are escString, so `\n` written here is a line break); everything inside a table label
 * is HTML-escaped (`& < > "`). Control characters become spaces in both.
 */
#include "model/graph_print.h"

#include <string.h>

/* Text inside an HTML-like label. */
static void put_html(rm_sb *out, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '&':
            rm_sb_puts(out, "&amp;");
            break;
        case '<':
            rm_sb_puts(out, "&lt;");
            break;
        case '>':
            rm_sb_puts(out, "&gt;");
            break;
        case '"':
            rm_sb_puts(out, "&quot;");
            break;
        default:
            rm_sb_putc(out, (*p < 0x20 || *p == 0x7f) ? ' ' : (char)*p);
        }
    }
}

/* The inside of a DOT double-quoted string (the quotes are the caller's). */
static void put_dq_body(rm_sb *out, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            rm_sb_putc(out, '\\');
        rm_sb_putc(out, (*p < 0x20 || *p == 0x7f) ? ' ' : (char)*p);
    }
}

static void put_id(rm_sb *out, const char *prefix, const char *name)
{
    rm_sb_putc(out, '"');
    put_dq_body(out, prefix);
    put_dq_body(out, name ? name : "");
    rm_sb_putc(out, '"');
}

static const char *arrow(rm_er_card c)
{
    /* Graphviz draws the first shape nearest the node, as crow's-foot notation wants: the
     * maximum (tee or crow) at the table, the minimum (tee or open circle) further out. */
    switch (c) {
    case RM_ER_ONE:
        return "teetee";
    case RM_ER_ZERO_OR_ONE:
        return "teeodot";
    case RM_ER_MANY:
        return "crowodot";
    }
    return "teetee";
}

static void put_field_type(rm_sb *out, const rm_field *f)
{
    const char *type = f->type_name ? f->type_name : rm_scalar_name(f->scalar);
    put_html(out, type ? type : "");
    if (f->list)
        rm_sb_puts(out, "[]");
    if (f->optional)
        rm_sb_putc(out, '?');
}

static void put_model(rm_sb *out, const rm_graph *g, uint32_t mi)
{
    const rm_model *m = &g->models[mi];
    rm_sb_pad(out, ' ', 4);
    put_id(out, "", m->name);
    rm_sb_puts(out, " [label=<\n        <table border=\"0\" cellborder=\"1\" cellspacing=\"0\""
                    " cellpadding=\"4\">\n");
    rm_sb_puts(out, "        <tr><td colspan=\"3\" bgcolor=\"#dfe7f2\"><b>");
    put_html(out, m->name ? m->name : "");
    rm_sb_puts(out, "</b>");
    if (m->is_view)
        rm_sb_puts(out, " <i>view</i>");
    if (m->ignored)
        rm_sb_puts(out, " <i>ignored</i>");
    if (m->mapped || m->schema) {
        /* The table's own name, when it differs from the model's. */
        rm_sb_puts(out, "<br/><font point-size=\"9\">");
        if (m->schema) {
            put_html(out, m->schema);
            rm_sb_putc(out, '.');
        }
        put_html(out, m->db_name ? m->db_name : "");
        rm_sb_puts(out, "</font>");
    }
    rm_sb_puts(out, "</td></tr>\n");
    for (uint32_t fi = 0; fi < m->nfields; fi++) {
        const rm_field *f = &m->fields[fi];
        if (f->kind != RM_FIELD_SCALAR)
            continue;
        rm_sb_appendf(out, "        <tr><td port=\"f%u\" align=\"left\">", (unsigned)fi);
        rm_er_keys k = rm_er_field_keys(g, mi, fi);
        if (k.pk)
            rm_sb_puts(out, "<u>");
        put_html(out, f->name ? f->name : "");
        if (k.pk)
            rm_sb_puts(out, "</u>");
        if (f->mapped && f->db_name) {
            rm_sb_puts(out, " <font point-size=\"9\">(");
            put_html(out, f->db_name);
            rm_sb_puts(out, ")</font>");
        }
        rm_sb_puts(out, "</td><td align=\"left\">");
        put_field_type(out, f);
        rm_sb_puts(out, "</td><td align=\"left\">");
        const char *sep = "";
        if (k.pk) {
            rm_sb_puts(out, "PK");
            sep = ", ";
        }
        if (k.fk) {
            rm_sb_appendf(out, "%sFK", sep);
            sep = ", ";
        }
        if (k.uk)
            rm_sb_appendf(out, "%sUK", sep);
        rm_sb_puts(out, "</td></tr>\n");
    }
    rm_sb_puts(out, "        </table>\n    >];\n");
}

static void put_enum(rm_sb *out, const rm_enum *e)
{
    rm_sb_pad(out, ' ', 4);
    put_id(out, "enum ", e->name);
    rm_sb_puts(out, " [label=<\n        <table border=\"0\" cellborder=\"1\" cellspacing=\"0\""
                    " cellpadding=\"4\">\n");
    rm_sb_puts(out, "        <tr><td bgcolor=\"#ece4f4\"><i>enum</i> <b>");
    put_html(out, e->name ? e->name : "");
    rm_sb_puts(out, "</b></td></tr>\n");
    for (size_t i = 0; i < e->nvalues; i++) {
        rm_sb_puts(out, "        <tr><td align=\"left\">");
        put_html(out, e->values[i].name ? e->values[i].name : "");
        rm_sb_puts(out, "</td></tr>\n");
    }
    rm_sb_puts(out, "        </table>\n    >];\n");
}

/* "(a, b) -> (x, y)": the column pairs of a composite foreign key, for the edge label. */
static void put_fk_columns(rm_sb *out, const rm_graph *g, const rm_relation *r)
{
    const rm_model *from = &g->models[r->from.model], *to = &g->models[r->to.model];
    rm_sb_putc(out, '(');
    for (size_t i = 0; i < r->nfk; i++) {
        if (i)
            rm_sb_puts(out, ", ");
        const char *name = from->fields[r->fk_fields[i]].name;
        put_dq_body(out, name ? name : "");
    }
    rm_sb_puts(out, ") -> (");
    for (size_t i = 0; i < r->nfk; i++) {
        if (i)
            rm_sb_puts(out, ", ");
        const char *name = to->fields[r->ref_fields[i]].name;
        put_dq_body(out, name ? name : "");
    }
    rm_sb_putc(out, ')');
}

/* The port of a model's single-column primary key, or RM_NONE (many-to-many edges use it). */
static uint32_t single_pk_field(const rm_model *m)
{
    if (m->primary_key && m->primary_key->nfields == 1 &&
        m->primary_key->fields[0].field < m->nfields)
        return m->primary_key->fields[0].field;
    return RM_NONE;
}

static void put_endpoint(rm_sb *out, const rm_model *m, uint32_t port)
{
    put_id(out, "", m->name);
    if (port != RM_NONE)
        rm_sb_appendf(out, ":\"f%u\"", (unsigned)port);
}

static void put_relation(rm_sb *out, const rm_graph *g, const rm_relation *r)
{
    const rm_model *from = &g->models[r->from.model], *to = &g->models[r->to.model];
    rm_er_card from_end, to_end;
    rm_er_relation_cards(&from_end, &to_end, g, r);
    bool m2n = r->card == RM_CARD_MANY_TO_MANY_IMPLICIT;
    uint32_t from_port = RM_NONE, to_port = RM_NONE;
    if (r->from.model == r->to.model) {
        /* Self relations: a loop between two rows of one table crosses the table; a loop on
         * the node is drawn beside it. */
    } else if (m2n) {
        from_port = single_pk_field(from);
        to_port = single_pk_field(to);
    } else if (r->nfk == 1) {
        from_port = r->fk_fields[0];
        to_port = r->ref_fields[0];
    }
    rm_sb_pad(out, ' ', 4);
    put_endpoint(out, from, from_port);
    rm_sb_puts(out, " -> ");
    put_endpoint(out, to, to_port);
    rm_sb_appendf(out, " [arrowtail=%s, arrowhead=%s, ", arrow(from_end), arrow(to_end));
    if (m2n)
        rm_sb_puts(out, "style=dashed, ");
    rm_sb_puts(out, "label=\"");
    put_dq_body(out, rm_er_relation_label(g, r));
    if (m2n && r->join_table) {
        rm_sb_puts(out, "\\n");
        put_dq_body(out, r->join_table);
    } else if (r->nfk > 1) {
        rm_sb_puts(out, "\\n");
        put_fk_columns(out, g, r);
    }
    rm_sb_puts(out, "\"];\n");
}

void rm_graph_print_dot(rm_sb *out, const rm_graph *g)
{
    rm_sb_puts(out, "digraph relmig {\n"
                    "    graph [rankdir=LR, fontname=\"Helvetica\", nodesep=0.5, ranksep=1.2];\n"
                    "    node [shape=plain, fontname=\"Helvetica\", fontsize=11];\n"
                    "    edge [dir=both, fontname=\"Helvetica\", fontsize=9];\n");
    if (g->nmodels || g->nenums)
        rm_sb_putc(out, '\n');
    for (uint32_t mi = 0; mi < g->nmodels; mi++)
        put_model(out, g, mi);
    for (size_t i = 0; i < g->nenums; i++)
        put_enum(out, &g->enums[i]);
    bool first = true;
    for (size_t i = 0; i < g->nrelations; i++) {
        const rm_relation *r = &g->relations[i];
        if (!rm_er_relation_ok(g, r))
            continue;
        if (first)
            rm_sb_putc(out, '\n');
        first = false;
        put_relation(out, g, r);
    }
    rm_sb_puts(out, "}\n");
}
