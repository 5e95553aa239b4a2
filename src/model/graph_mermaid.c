/*
 * The relation graph as a Mermaid `erDiagram`, plus the facts both diagram printers share (key
 * markers, crow's-foot cardinalities, edge labels; declared in graph_print.h). Output layout:
 * `erDiagram`, then one block per model in the graph's order, then one line per relation in the
 * graph's order, four-space indentation, one trailing newline.
 *
 * Not for DOT (graph_dot.c) or JSON (graph_json.c), and not a Mermaid parser: the quoting rules
 * below follow Mermaid's erDiagram lexer (packages/mermaid/src/diagrams/er/parser/erDiagram.jison)
 * closely enough that any name relmig accepts comes out as one token.
 */
#include "model/graph_print.h"

#include <stdlib.h>
#include <string.h>

/* ---- facts shared with graph_dot.c ---- */

static bool field_in(uint32_t fi, const uint32_t *fields, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (fields[i] == fi)
            return true;
    return false;
}

static bool index_has(const rm_index *ix, uint32_t fi)
{
    for (size_t i = 0; i < ix->nfields; i++)
        if (ix->fields[i].field == fi)
            return true;
    return false;
}

bool rm_er_relation_ok(const rm_graph *g, const rm_relation *r)
{
    if (r->from.model >= g->nmodels || r->to.model >= g->nmodels)
        return false;
    const rm_model *from = &g->models[r->from.model], *to = &g->models[r->to.model];
    if (r->from.field != RM_NONE && r->from.field >= from->nfields)
        return false;
    if (r->to.field != RM_NONE && r->to.field >= to->nfields)
        return false;
    if (r->nfk && (!r->fk_fields || !r->ref_fields))
        return false;
    for (size_t i = 0; i < r->nfk; i++)
        if (r->fk_fields[i] >= from->nfields || r->ref_fields[i] >= to->nfields)
            return false;
    return true;
}

rm_er_keys rm_er_field_keys(const rm_graph *g, uint32_t mi, uint32_t fi)
{
    rm_er_keys k = {false, false, false};
    const rm_model *m = &g->models[mi];
    if (m->primary_key && index_has(m->primary_key, fi))
        k.pk = true;
    for (size_t i = 0; i < m->nindexes; i++)
        if (m->indexes[i].kind == RM_INDEX_UNIQUE && index_has(&m->indexes[i], fi))
            k.uk = true;
    for (size_t i = 0; i < g->nrelations; i++) {
        const rm_relation *r = &g->relations[i];
        if (r->card != RM_CARD_MANY_TO_MANY_IMPLICIT && r->from.model == mi &&
            field_in(fi, r->fk_fields, r->nfk))
            k.fk = true;
    }
    return k;
}

void rm_er_relation_cards(rm_er_card *from_end, rm_er_card *to_end, const rm_graph *g,
                          const rm_relation *r)
{
    if (r->card == RM_CARD_MANY_TO_MANY_IMPLICIT) {
        *from_end = RM_ER_MANY;
        *to_end = RM_ER_MANY;
        return;
    }
    /* The referenced side: a required foreign key always points at exactly one record. */
    *to_end = r->fk_optional ? RM_ER_ZERO_OR_ONE : RM_ER_ONE;
    if (r->card == RM_CARD_ONE_TO_MANY) {
        *from_end = RM_ER_MANY;
        return;
    }
    /* One-to-one: the database cannot force a referenced record to have its dependant, so the
     * foreign-key side is "zero or one" unless the schema itself declares the opposite field
     * required (Cerial's required one-to-one does). */
    *from_end = RM_ER_ZERO_OR_ONE;
    if (r->to.field != RM_NONE) {
        const rm_field *back = &g->models[r->to.model].fields[r->to.field];
        if (!back->optional && !back->list)
            *from_end = RM_ER_ONE;
    }
}

const char *rm_er_relation_label(const rm_graph *g, const rm_relation *r)
{
    if (!r->named) {
        const rm_relation_end *ends[2] = {&r->from, &r->to};
        for (size_t i = 0; i < 2; i++)
            if (ends[i]->field != RM_NONE && g->models[ends[i]->model].fields[ends[i]->field].name)
                return g->models[ends[i]->model].fields[ends[i]->field].name;
    }
    return r->name ? r->name : "";
}

/* ---- Mermaid ---- */

/* Mermaid has no escapes inside quoted names and labels: its lexer stops a quoted entity name at
 * `"`, `%`, `\` and line breaks, so those become `_` (labels: `'`) instead. */
static void put_quoted(rm_sb *out, const char *s, bool entity)
{
    rm_sb_putc(out, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned char c = *p;
        if (c == '"')
            rm_sb_putc(out, entity ? '_' : '\'');
        else if (c < 0x20 || c == 0x7f || (entity && (c == '%' || c == '\\')))
            rm_sb_putc(out, entity ? '_' : ' ');
        else
            rm_sb_putc(out, (char)c);
    }
    rm_sb_putc(out, '"');
}

/* A word Mermaid's attribute lexer reads as one ATTRIBUTE_WORD and not as a key marker. Plain
 * ASCII only: its character class skips U+0080..U+00BF, so other text goes in backquotes. */
static bool is_plain_word(const char *s)
{
    if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || *s == '_'))
        return false;
    size_t n = 0;
    for (const char *p = s; *p; p++, n++) {
        char c = *p;
        bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '-' || c == '[' || c == ']' || c == '(' || c == ')' ||
                  c == '.' || c == ',';
        if (!ok)
            return false;
    }
    /* The lexer tries \b(PK|FK|UK)\b (case-insensitively) before words, so "pk" or "uk-x"
     * would be read as a key marker. */
    char a = (char)(s[0] | 0x20), b = (char)(n >= 2 ? s[1] | 0x20 : 0);
    bool key = (a == 'p' || a == 'f' || a == 'u') && b == 'k';
    bool word_after = n > 2 && ((s[2] >= 'A' && s[2] <= 'Z') || (s[2] >= 'a' && s[2] <= 'z') ||
                                (s[2] >= '0' && s[2] <= '9') || s[2] == '_');
    return !(key && !word_after);
}

static void put_word(rm_sb *out, const char *s)
{
    if (is_plain_word(s)) {
        rm_sb_puts(out, s);
        return;
    }
    rm_sb_putc(out, '`');
    if (!*s)
        rm_sb_putc(out, '_');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned char c = *p;
        rm_sb_putc(out, c == '`' ? '\'' : (c < 0x20 || c == 0x7f) ? ' ' : (char)c);
    }
    rm_sb_putc(out, '`');
}

static void put_attribute(rm_sb *out, const rm_graph *g, uint32_t mi, uint32_t fi)
{
    const rm_field *f = &g->models[mi].fields[fi];
    rm_sb_pad(out, ' ', 8);
    const char *type = f->type_name ? f->type_name : rm_scalar_name(f->scalar);
    if (!type)
        type = "";
    if (f->list) {
        /* "[]" is in Mermaid's word class, so a list type stays one word. */
        size_t n = strlen(type);
        char *t = rm_xmalloc(n + 3);
        memcpy(t, type, n);
        memcpy(t + n, "[]", 3);
        put_word(out, t);
        free(t);
    } else {
        put_word(out, type);
    }
    rm_sb_putc(out, ' ');
    put_word(out, f->name ? f->name : "");
    rm_er_keys k = rm_er_field_keys(g, mi, fi);
    const char *sep = " ";
    if (k.pk) {
        rm_sb_puts(out, sep);
        rm_sb_puts(out, "PK");
        sep = ", ";
    }
    if (k.fk) {
        rm_sb_puts(out, sep);
        rm_sb_puts(out, "FK");
        sep = ", ";
    }
    if (k.uk) {
        rm_sb_puts(out, sep);
        rm_sb_puts(out, "UK");
    }
    /* Mermaid has no nullable marker that every renderer accepts; a comment is portable. */
    if (f->optional) {
        rm_sb_putc(out, ' ');
        put_quoted(out, "nullable", false);
    }
    rm_sb_putc(out, '\n');
}

/* Crow's-foot end markers: the left end is written before `--`, the right end after it. */
static const char *left_marker(rm_er_card c)
{
    switch (c) {
    case RM_ER_ONE:
        return "||";
    case RM_ER_ZERO_OR_ONE:
        return "|o";
    case RM_ER_MANY:
        return "}o";
    }
    return "||";
}

static const char *right_marker(rm_er_card c)
{
    switch (c) {
    case RM_ER_ONE:
        return "||";
    case RM_ER_ZERO_OR_ONE:
        return "o|";
    case RM_ER_MANY:
        return "o{";
    }
    return "||";
}

void rm_graph_print_mermaid(rm_sb *out, const rm_graph *g)
{
    rm_sb_puts(out, "erDiagram\n");
    for (uint32_t mi = 0; mi < g->nmodels; mi++) {
        const rm_model *m = &g->models[mi];
        rm_sb_pad(out, ' ', 4);
        put_quoted(out, m->name ? m->name : "", true);
        size_t ncolumns = 0;
        for (size_t fi = 0; fi < m->nfields; fi++)
            ncolumns += m->fields[fi].kind == RM_FIELD_SCALAR;
        if (ncolumns == 0) {
            rm_sb_putc(out, '\n');
            continue;
        }
        rm_sb_puts(out, " {\n");
        for (uint32_t fi = 0; fi < m->nfields; fi++)
            if (m->fields[fi].kind == RM_FIELD_SCALAR)
                put_attribute(out, g, mi, fi);
        rm_sb_puts(out, "    }\n");
    }
    for (size_t i = 0; i < g->nrelations; i++) {
        const rm_relation *r = &g->relations[i];
        if (!rm_er_relation_ok(g, r))
            continue;
        rm_er_card from_end, to_end;
        rm_er_relation_cards(&from_end, &to_end, g, r);
        /* The referenced model on the left reads naturally ("User ||--o{ Post"); for
         * many-to-many, model A (from) on the left keeps the graph's A/B order. */
        const rm_model *left = &g->models[r->to.model], *right = &g->models[r->from.model];
        rm_er_card lc = to_end, rc = from_end;
        if (r->card == RM_CARD_MANY_TO_MANY_IMPLICIT) {
            left = &g->models[r->from.model];
            right = &g->models[r->to.model];
            lc = from_end;
            rc = to_end;
        }
        rm_sb_pad(out, ' ', 4);
        put_quoted(out, left->name ? left->name : "", true);
        rm_sb_appendf(out, " %s--%s ", left_marker(lc), right_marker(rc));
        put_quoted(out, right->name ? right->name : "", true);
        rm_sb_puts(out, " : ");
        put_quoted(out, rm_er_relation_label(g, r), false);
        rm_sb_putc(out, '\n');
    }
}
