/*
 * A complete text dump of a Cerial AST (rm_cerial_schema_dump), so that two parses or two
 * validations can be compared byte for byte: the fast paths of cerial_parse.c against pcre2 on
 * every line (tests/unit/test_cerial_fastpath.c, fuzz/fuzz_cerial_parse.c). Every node and
 * every attribute the later stages read is printed, locations included. Not a user-facing
 * format (the printers in src/model/ write Cerial text) and not for anything but comparing.
 */
#include "parser/cerial.h"

static void dump_loc(rm_sb *out, rm_loc l)
{
    rm_sb_appendf(out, " @%u:%u+%u", (unsigned)l.file, (unsigned)l.off, (unsigned)l.len);
}

static void dump_str(rm_sb *out, const char *key, const char *s)
{
    if (s == NULL)
        rm_sb_appendf(out, " %s=-", key);
    else
        rm_sb_appendf(out, " %s=\"%s\"", key, s);
}

static void dump_field(rm_sb *out, const rm_cerial_field *f)
{
    size_t i;
    rm_sb_puts(out, "  field");
    dump_str(out, "name", f->name);
    rm_sb_appendf(out, " type=%s", rm_cerial_type_name(f->type));
    dump_str(out, "tname", f->type_name);
    rm_sb_appendf(out, " opt=%d arr=%d null=%d priv=%d mask=%08x", f->optional, f->array,
                  f->nullable, f->is_private, (unsigned)f->dec_mask);
    dump_loc(out, f->loc);
    dump_loc(out, f->name_loc);
    dump_loc(out, f->type_loc);
    rm_sb_putc(out, '\n');
    for (i = 0; i < f->nrecord_types; i++)
        rm_sb_appendf(out, "    rtype \"%s\"\n", f->record_types[i]);
    for (i = 0; i < f->ndecs; i++) {
        const rm_cerial_dec *d = &f->decs[i];
        rm_sb_appendf(out, "    dec %s vkind=%d", rm_cerial_dec_name(d->kind), (int)d->vkind);
        dump_str(out, "value", d->value);
        dump_loc(out, d->loc);
        rm_sb_putc(out, '\n');
    }
}

static void dump_block(rm_sb *out, const rm_cerial_block *b)
{
    size_t i, j;
    static const char *const kinds[] = {"model", "object", "tuple", "literal", "enum"};
    rm_sb_appendf(out, "%s", kinds[b->kind]);
    dump_str(out, "name", b->name);
    dump_str(out, "extends", b->extends);
    rm_sb_appendf(out, " abstract=%d filter=%d omit=%d", b->abstract, b->has_filter,
                  b->filter_omit);
    dump_loc(out, b->loc);
    dump_loc(out, b->name_loc);
    dump_loc(out, b->extends_loc);
    rm_sb_putc(out, '\n');
    for (i = 0; i < b->nfilter; i++)
        rm_sb_appendf(out, "  filter \"%s\"\n", b->filter[i]);
    for (i = 0; i < b->nfields; i++)
        dump_field(out, b->fields[i]);
    for (i = 0; i < b->ncomposites; i++) {
        const rm_cerial_composite *c = &b->composites[i];
        rm_sb_appendf(out, "  composite unique=%d", c->unique);
        dump_str(out, "name", c->name);
        dump_loc(out, c->loc);
        for (j = 0; j < c->nfields; j++)
            rm_sb_appendf(out, " \"%s\"", c->fields[j]);
        rm_sb_putc(out, '\n');
    }
    for (i = 0; i < b->nvalues; i++) {
        rm_sb_appendf(out, "  value \"%s\"", b->values[i]);
        dump_loc(out, b->value_locs[i]);
        rm_sb_putc(out, '\n');
    }
    for (i = 0; i < b->nvariants; i++) {
        rm_sb_appendf(out, "  variant %d", (int)b->variants[i].kind);
        dump_str(out, "text", b->variants[i].text);
        dump_loc(out, b->variants[i].loc);
        rm_sb_putc(out, '\n');
    }
}

void rm_cerial_schema_dump(rm_sb *out, const rm_cerial_schema *s)
{
    size_t k, i;
    if (s == NULL) {
        rm_sb_puts(out, "(no schema)\n");
        return;
    }
    for (k = 0; k < RM_CERIAL_NKINDS; k++)
        for (i = 0; i < s->n[k]; i++)
            dump_block(out, s->blocks[k][i]);
}
