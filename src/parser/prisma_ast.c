/*
 * Read-only helpers over the Prisma AST: lookups that the graph builder needs (an attribute by
 * name, an argument by name or position, the value of a string) and a deterministic
 * S-expression dump for golden tests. Not for: building or checking the AST (prisma_parse.c),
 * or knowing what any attribute means (src/model/).
 */
#include "parser/prisma.h"

#include <string.h>

static const rm_prisma_attr *rm_attr_find(const rm_prisma_attr *attrs, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++) {
        if (strcmp(attrs[i].name, name) == 0)
            return &attrs[i];
    }
    return NULL;
}

const rm_prisma_attr *rm_prisma_field_attr(const rm_prisma_field *f, const char *name)
{
    return f ? rm_attr_find(f->attrs, f->nattrs, name) : NULL;
}

const rm_prisma_attr *rm_prisma_enum_value_attr(const rm_prisma_enum_value *v, const char *name)
{
    return v ? rm_attr_find(v->attrs, v->nattrs, name) : NULL;
}

const rm_prisma_attr *rm_prisma_block_attr(const rm_prisma_block *b, const char *name)
{
    return b ? rm_attr_find(b->attrs, b->nattrs, name) : NULL;
}

const rm_prisma_prop *rm_prisma_block_prop(const rm_prisma_block *b, const char *name)
{
    const rm_prisma_prop *found = NULL;
    if (!b)
        return NULL;
    for (size_t i = 0; i < b->nprops; i++) {
        if (strcmp(b->props[i].name, name) == 0)
            found = &b->props[i];
    }
    return found;
}

bool rm_prisma_attr_is_native(const rm_prisma_attr *attr, const char *ds_name, const char **type)
{
    if (!attr || attr->block)
        return false;
    const char *dot = strchr(attr->name, '.');
    if (!dot || dot == attr->name || dot[1] == '\0' || strchr(dot + 1, '.'))
        return false;
    if (ds_name) {
        size_t n = strlen(ds_name);
        if ((size_t)(dot - attr->name) != n || memcmp(attr->name, ds_name, n) != 0)
            return false;
    }
    if (type)
        *type = dot + 1;
    return true;
}

const rm_prisma_arg *rm_prisma_args_get(const rm_prisma_args *args, const char *name, size_t pos)
{
    if (!args)
        return NULL;
    if (name) {
        for (size_t i = 0; i < args->n; i++) {
            const char *an = args->items[i].name; /* first byte first: most differ there */
            if (an && an[0] == name[0] && strcmp(an, name) == 0)
                return &args->items[i];
        }
    }
    if (pos == SIZE_MAX)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < args->n; i++) {
        if (args->items[i].name)
            continue;
        if (k == pos)
            return &args->items[i];
        k++;
    }
    return NULL;
}

const rm_prisma_expr *rm_prisma_attr_arg(const rm_prisma_attr *attr, const char *name, size_t pos)
{
    if (!attr)
        return NULL;
    const rm_prisma_arg *arg = rm_prisma_args_get(&attr->args, name, pos);
    return arg ? &arg->value : NULL;
}

const char *rm_prisma_expr_string(const rm_prisma_expr *e, size_t *len)
{
    if (!e || e->kind != RM_PEXPR_STRING)
        return NULL;
    if (len)
        *len = e->len;
    return e->text;
}

bool rm_prisma_expr_is_const(const rm_prisma_expr *e, const char *name)
{
    return e && e->kind == RM_PEXPR_CONST && strcmp(e->text, name) == 0;
}

bool rm_prisma_expr_is_func(const rm_prisma_expr *e, const char *name)
{
    return e && e->kind == RM_PEXPR_FUNC && strcmp(e->text, name) == 0;
}

bool rm_prisma_expr_bool(const rm_prisma_expr *e, bool *value)
{
    if (rm_prisma_expr_is_const(e, "true")) {
        *value = true;
        return true;
    }
    if (rm_prisma_expr_is_const(e, "false")) {
        *value = false;
        return true;
    }
    return false;
}

const char *rm_prisma_expr_ref_name(const rm_prisma_expr *e)
{
    if (e && (e->kind == RM_PEXPR_CONST || e->kind == RM_PEXPR_FUNC))
        return e->text;
    return NULL;
}

const char *rm_prisma_block_kind_name(rm_prisma_block_kind kind)
{
    switch (kind) {
    case RM_PBLOCK_DATASOURCE: return "datasource";
    case RM_PBLOCK_GENERATOR: return "generator";
    case RM_PBLOCK_MODEL: return "model";
    case RM_PBLOCK_VIEW: return "view";
    case RM_PBLOCK_TYPE: return "type";
    case RM_PBLOCK_ENUM: return "enum";
    }
    return "?";
}

const char *rm_prisma_expr_kind_name(rm_prisma_expr_kind kind)
{
    switch (kind) {
    case RM_PEXPR_STRING: return "string";
    case RM_PEXPR_NUMBER: return "number";
    case RM_PEXPR_CONST: return "const";
    case RM_PEXPR_FUNC: return "func";
    case RM_PEXPR_ARRAY: return "array";
    case RM_PEXPR_OBJECT: return "object";
    }
    return "?";
}

/* ---- Dump --------------------------------------------------------------------------- */

static void rm_dump_loc(rm_sb *out, rm_loc loc)
{
    if (loc.file == RM_FILE_NONE)
        rm_sb_puts(out, "@-");
    else
        rm_sb_appendf(out, "@%u+%u", loc.off, loc.len);
}

static void rm_dump_expr(rm_sb *out, const rm_prisma_expr *e);

static void rm_dump_args(rm_sb *out, const rm_prisma_args *args)
{
    if (!args->present)
        return;
    rm_sb_puts(out, " (args");
    for (size_t i = 0; i < args->n; i++) {
        const rm_prisma_arg *a = &args->items[i];
        rm_sb_putc(out, ' ');
        if (a->name)
            rm_sb_appendf(out, "%s: ", a->name);
        rm_dump_expr(out, &a->value);
    }
    rm_sb_putc(out, ')');
}

/* Recursion here is bounded by the parser's depth limit. */
static void rm_dump_expr(rm_sb *out, const rm_prisma_expr *e)
{
    switch (e->kind) {
    case RM_PEXPR_STRING:
        rm_sb_json_string(out, e->text, e->len);
        break;
    case RM_PEXPR_NUMBER:
    case RM_PEXPR_CONST:
        rm_sb_puts(out, e->text);
        break;
    case RM_PEXPR_FUNC:
        rm_sb_appendf(out, "(call %s", e->text);
        rm_dump_args(out, &e->args);
        rm_sb_putc(out, ')');
        break;
    case RM_PEXPR_ARRAY:
        rm_sb_putc(out, '[');
        for (size_t i = 0; i < e->n; i++) {
            if (i)
                rm_sb_putc(out, ' ');
            rm_dump_expr(out, &e->items[i]);
        }
        rm_sb_putc(out, ']');
        break;
    case RM_PEXPR_OBJECT:
        rm_sb_putc(out, '{');
        for (size_t i = 0; i < e->args.n; i++) {
            rm_sb_appendf(out, "%s%s: ", i ? " " : "", e->args.items[i].name);
            rm_dump_expr(out, &e->args.items[i].value);
        }
        rm_sb_putc(out, '}');
        break;
    }
}

static void rm_dump_attrs(rm_sb *out, const rm_prisma_attr *attrs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        rm_sb_appendf(out, " (%s%s", attrs[i].block ? "@@" : "@", attrs[i].name);
        rm_dump_args(out, &attrs[i].args);
        rm_sb_putc(out, ')');
    }
}

static void rm_dump_doc(rm_sb *out, const char *doc)
{
    if (!doc)
        return;
    rm_sb_puts(out, " (doc ");
    rm_sb_json_string(out, doc, strlen(doc));
    rm_sb_putc(out, ')');
}

static const char *rm_arity_suffix(rm_prisma_arity a)
{
    switch (a) {
    case RM_PARITY_OPTIONAL: return "?";
    case RM_PARITY_LIST: return "[]";
    default: return "";
    }
}

void rm_prisma_ast_dump(rm_sb *out, const rm_prisma_ast *ast)
{
    for (size_t i = 0; i < ast->nblocks; i++) {
        const rm_prisma_block *b = &ast->blocks[i];
        rm_sb_appendf(out, "(%s %s ", rm_prisma_block_kind_name(b->kind), b->name);
        rm_dump_loc(out, b->loc);
        rm_dump_doc(out, b->doc);
        rm_sb_putc(out, '\n');
        for (size_t j = 0; j < b->nprops; j++) {
            const rm_prisma_prop *kv = &b->props[j];
            rm_sb_appendf(out, "  (prop %s ", kv->name);
            rm_dump_loc(out, kv->name_loc);
            rm_sb_putc(out, ' ');
            rm_dump_expr(out, &kv->value);
            rm_sb_puts(out, ")\n");
        }
        for (size_t j = 0; j < b->nfields; j++) {
            const rm_prisma_field *f = &b->fields[j];
            rm_sb_appendf(out, "  (field %s ", f->name);
            rm_dump_loc(out, f->name_loc);
            if (f->unsupported) {
                rm_sb_puts(out, " (Unsupported ");
                rm_sb_json_string(out, f->unsupported_type, strlen(f->unsupported_type));
                rm_sb_appendf(out, ")%s", rm_arity_suffix(f->arity));
            } else {
                rm_sb_appendf(out, " %s%s", f->type_name, rm_arity_suffix(f->arity));
            }
            if (f->legacy_syntax)
                rm_sb_puts(out, " legacy");
            rm_dump_attrs(out, f->attrs, f->nattrs);
            rm_dump_doc(out, f->doc);
            rm_sb_puts(out, ")\n");
        }
        for (size_t j = 0; j < b->nvalues; j++) {
            const rm_prisma_enum_value *v = &b->values[j];
            rm_sb_appendf(out, "  (value %s ", v->name);
            rm_dump_loc(out, v->name_loc);
            rm_dump_attrs(out, v->attrs, v->nattrs);
            rm_dump_doc(out, v->doc);
            rm_sb_puts(out, ")\n");
        }
        for (size_t j = 0; j < b->nattrs; j++) {
            rm_sb_puts(out, " ");
            rm_dump_attrs(out, &b->attrs[j], 1);
            rm_sb_putc(out, '\n');
        }
        rm_sb_puts(out, ")\n");
    }
}
