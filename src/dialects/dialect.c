/*
 * What the three dialects share: lookup by name, quoting helpers built on each vtable, and the
 * migration script (steps of statements) with its Prisma-compatible text layout. Not for
 * anything that differs between databases: that goes in postgres.c, mysql.c or sqlite.c.
 */
#include "dialects/dialect.h"

#include <string.h>

static bool name_is(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char ca = (*a >= 'A' && *a <= 'Z') ? (char)(*a + 32) : *a;
        if (ca != *b)
            return false;
    }
    return *a == *b;
}

const rm_dialect *rm_dialect_by_name(const char *name)
{
    static const struct {
        const char *name;
        const rm_dialect *d;
    } table[] = {
        {"postgresql", &rm_dialect_postgres}, {"postgres", &rm_dialect_postgres},
        {"mysql", &rm_dialect_mysql},         {"mariadb", &rm_dialect_mysql},
        {"sqlite", &rm_dialect_sqlite},
    };
    if (!name)
        return NULL;
    for (size_t i = 0; i < RM_ARRAY_LEN(table); i++)
        if (name_is(name, table[i].name))
            return table[i].d;
    return NULL;
}

void rm_quote_doubling(rm_sb *sb, const char *s, size_t n, char q)
{
    /* memchr rather than a byte loop: nearly every name has no quote in it, and then it is
     * written in one piece. */
    const char *end = s + n;
    const char *p = memchr(s, q, n);
    if (!p) {
        rm_sb_wrap(sb, q, s, n);
        return;
    }
    rm_sb_putc(sb, q);
    while ((p = memchr(s, q, (size_t)(end - s))) != NULL) {
        rm_sb_append(sb, s, (size_t)(p - s) + 1);
        rm_sb_putc(sb, q);
        s = p + 1;
    }
    rm_sb_append(sb, s, (size_t)(end - s));
    rm_sb_putc(sb, q);
}

void rm_dialect_ident(const rm_dialect *d, rm_sb *sb, const char *s)
{
    d->quote_ident(sb, s, strlen(s));
}

void rm_dialect_qualified(const rm_dialect *d, rm_sb *sb, const char *schema, const char *name)
{
    if (schema && (d->caps & RM_CAP_SCHEMAS)) {
        d->quote_ident(sb, schema, strlen(schema));
        rm_sb_putc(sb, '.');
    }
    d->quote_ident(sb, name, strlen(name));
}

void rm_dialect_literal(const rm_dialect *d, rm_sb *sb, const char *s)
{
    d->quote_literal(sb, s, strlen(s));
}

void rm_dialect_names(const rm_dialect *d, rm_sb *sb, const char *const *names, size_t n,
                      const char *sep)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            rm_sb_puts(sb, sep);
        rm_dialect_ident(d, sb, names[i]);
    }
}

void rm_dialect_default_clause(const rm_dialect *d, rm_sb *sb, const rm_sql_column *c)
{
    /* Rendered in place and taken back when the dialect writes nothing: a builder of its own
     * per column was a malloc and a copy for each of them. */
    if (c->def.kind == RM_SQL_DEFAULT_NONE)
        return;
    size_t start = sb->len;
    rm_sb_puts(sb, " DEFAULT ");
    size_t expr = sb->len;
    d->render_default(d, sb, c);
    if (sb->len == expr && rm_sb_error(sb) == RM_OK)
        rm_sb_truncate(sb, start);
}

void rm_dialect_type_args(rm_sb *sb, const rm_sql_type *t, const char *sep)
{
    if (!t->nargs)
        return;
    rm_sb_putc(sb, '(');
    for (size_t i = 0; i < t->nargs; i++) {
        if (i)
            rm_sb_puts(sb, sep);
        rm_sb_put_uint(sb, t->args[i]);
    }
    rm_sb_putc(sb, ')');
}

void rm_dialect_fk_actions(rm_sb *sb, const rm_sql_fk *fk)
{
    rm_sb_puts(sb, " ON DELETE ");
    rm_sb_puts(sb, rm_fk_action_sql(fk->on_delete));
    rm_sb_puts(sb, " ON UPDATE ");
    rm_sb_puts(sb, rm_fk_action_sql(fk->on_update));
}

void rm_dialect_index_cols(const rm_dialect *d, rm_sb *sb, const rm_sql_index_col *cols, size_t n,
                           const char *sep)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            rm_sb_puts(sb, sep);
        rm_dialect_ident(d, sb, cols[i].name);
        if (cols[i].length) {
            rm_sb_putc(sb, '(');
            rm_sb_put_uint(sb, cols[i].length);
            rm_sb_putc(sb, ')');
        }
        if (cols[i].opclass) {
            rm_sb_putc(sb, ' ');
            rm_sb_puts(sb, cols[i].opclass);
        }
        if (cols[i].sort == RM_SQL_SORT_DESC)
            rm_sb_puts(sb, " DESC");
        else if (cols[i].sort == RM_SQL_SORT_ASC)
            rm_sb_puts(sb, " ASC");
    }
}

void rm_dialect_paren_expr(rm_sb *sb, const char *text)
{
    bool simple = text[0] == '(' || text[0] == '\'' || text[0] == '"' || text[0] == '-' ||
                  (text[0] >= '0' && text[0] <= '9');
    if (!simple) {
        /* A single word (CURRENT_TIMESTAMP, NULL, TRUE) needs no parentheses either. */
        simple = true;
        for (const char *p = text; *p && simple; p++)
            simple = (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || *p == '_' ||
                     (*p >= '0' && *p <= '9');
    }
    if (simple) {
        rm_sb_puts(sb, text);
        return;
    }
    rm_sb_putc(sb, '(');
    rm_sb_puts(sb, text);
    rm_sb_putc(sb, ')');
}

bool rm_dialect_common_default(const rm_dialect *d, rm_sb *sb, const rm_sql_default *def)
{
    switch (def->kind) {
    case RM_SQL_DEFAULT_STRING:
    case RM_SQL_DEFAULT_ENUM:
        rm_dialect_literal(d, sb, def->text ? def->text : "");
        return true;
    case RM_SQL_DEFAULT_NUMBER:
    case RM_SQL_DEFAULT_BOOLEAN:
        if (def->text)
            rm_sb_puts(sb, def->text);
        return true;
    case RM_SQL_DEFAULT_DBGENERATED:
    case RM_SQL_DEFAULT_EXPRESSION:
        /* Prisma writes these verbatim, which the server rejects for a function call
         * (DEFAULT gen_random_uuid()); parenthesised it is valid. An empty dbgenerated()
         * means no default at all. */
        if (def->text && def->text[0])
            rm_dialect_paren_expr(sb, def->text);
        return true;
    default:
        return false;
    }
}

void rm_dialect_upper(rm_sb *sb, const char *s)
{
    for (; *s; s++)
        rm_sb_putc(sb, (*s >= 'a' && *s <= 'z') ? (char)(*s - 32) : *s);
}

void rm_sql_script_init(rm_sql_script *s, rm_arena *a)
{
    memset(s, 0, sizeof(*s));
    s->arena = a;
}

/* Prisma's comment block listing the warnings (`migrate dev` writes it). */
static void render_warnings(rm_sb *out, const rm_sql_script *s)
{
    if (!s->nwarnings)
        return;
    rm_sb_puts(out, "/*\n  Warnings:\n\n");
    for (size_t i = 0; i < s->nwarnings; i++) {
        rm_sb_puts(out, "  - ");
        rm_sb_puts(out, s->warnings[i]);
        rm_sb_putc(out, '\n');
    }
    rm_sb_puts(out, "\n*/\n");
}

void rm_sql_script_stream(rm_sql_script *s, rm_sb *sink, bool warnings)
{
    if (warnings)
        render_warnings(sink, s);
    s->sink = sink;
}

/* Streaming: the current step's preamble, written once its emitter has had the chance to set
 * it (emitters set it right after rm_sql_script_step, before any statement). */
static void stream_preamble(rm_sql_script *s)
{
    if (s->preamble_due && s->cur.preamble)
        rm_sb_puts(s->sink, s->cur.preamble);
    s->preamble_due = false;
}

void rm_sql_script_done(rm_sql_script *s)
{
    if (s->sink) {
        stream_preamble(s);
        if (s->n == 0)
            rm_sb_puts(s->sink, "-- This is an empty migration.");
        s->sink = NULL;
    }
    rm_sb_free(&s->scratch);
}

rm_sql_step *rm_sql_script_step(rm_sql_script *s, const char *name)
{
    if (s->sink) {
        stream_preamble(s);
        if (s->n)
            rm_sb_putc(s->sink, '\n');
        rm_sb_puts(s->sink, "-- ");
        rm_sb_puts(s->sink, name);
        rm_sb_putc(s->sink, '\n');
        memset(&s->cur, 0, sizeof(s->cur));
        s->cur.name = name; /* written already; kept only for an emitter that looks */
        s->n++;
        s->preamble_due = true;
        return &s->cur;
    }
    rm_sql_step st;
    memset(&st, 0, sizeof(st));
    st.name = rm_arena_strdup(s->arena, name);
    RM_VEC_PUSH(s->arena, s->steps, s->n, s->cap, st);
    return &s->steps[s->n - 1];
}

void rm_sql_script_stmt(rm_sql_script *s, rm_sql_step *step, rm_sb *sb, unsigned flags)
{
    if (s->sink) {
        stream_preamble(s);
        rm_sb_append(s->sink, rm_sb_str(sb), sb->len);
        rm_sb_append(s->sink, ";\n", 2);
        rm_sb_reset(sb);
        return;
    }
    rm_sql_stmt st = {rm_arena_strndup(s->arena, rm_sb_str(sb), sb->len), flags};
    RM_VEC_PUSH(s->arena, step->stmts, step->n, step->cap, st);
    rm_sb_reset(sb);
}

void rm_sql_script_warning(rm_sql_script *s, const char *text)
{
    const char *w = rm_arena_strdup(s->arena, text);
    RM_VEC_PUSH(s->arena, s->warnings, s->nwarnings, s->warnings_cap, w);
}

void rm_sql_script_render(rm_sb *out, const rm_sql_script *s, bool warnings)
{
    if (warnings)
        render_warnings(out, s);
    if (s->n == 0) {
        rm_sb_puts(out, "-- This is an empty migration.");
        return;
    }
    for (size_t i = 0; i < s->n; i++) {
        const rm_sql_step *st = &s->steps[i];
        if (i)
            rm_sb_putc(out, '\n');
        rm_sb_puts(out, "-- ");
        rm_sb_puts(out, st->name);
        rm_sb_putc(out, '\n');
        if (st->preamble)
            rm_sb_puts(out, st->preamble);
        for (size_t j = 0; j < st->n; j++) {
            rm_sb_puts(out, st->stmts[j].sql);
            rm_sb_puts(out, ";\n");
        }
    }
}

rm_sb rm_dialect_emit_start(rm_sql_script *out)
{
    rm_sb sb = out->scratch;
    out->scratch = (rm_sb)RM_SB_INIT;
    rm_sb_reset(&sb);
    return sb;
}

int rm_dialect_emit_finish(rm_sql_script *out, rm_sb *sb, int rc, rm_diags *d)
{
    if (rm_sb_error(sb) && rc == RM_OK) {
        rm_diag_error(d, RM_E_DIFF_CANNOT_EMIT, RM_LOC_NONE, "SQL text exceeds its size limit");
        rc = RM_ERR;
    }
    rm_sb_free(&out->scratch);
    out->scratch = *sb;
    return rc;
}
