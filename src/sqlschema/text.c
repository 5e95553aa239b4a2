/*
 * Reader of the physical-schema text form described in text.h (fixtures for the differ and
 * emitter tests). Not a SQL parser and not a user-facing format.
 */
#include "sqlschema/text.h"

#include <stdlib.h>
#include <string.h>

#define MAX_TOKENS 128

typedef struct tok {
    const char *s; /* decoded, NUL-terminated, in the arena */
    size_t off;    /* byte offset in the source */
    size_t len;    /* source bytes */
    bool quoted;   /* had a "..." part: never a keyword */
    size_t bare;   /* decoded bytes before the first quote (where an option's '=' must be) */
    size_t tail;   /* decoded bytes after the last quote (where a :desc suffix must be) */
} tok;

typedef struct reader {
    const rm_source *src;
    const rm_dialect *d;
    rm_arena *a;
    rm_diags *diags;
    rm_sqlschema *out;
    rm_sqlschema enums;  /* every declared enum, whatever the dialect */
    rm_sql_table *table; /* the table being filled */
    int rc;
} reader;

static void error_at(reader *r, size_t off, size_t len, const char *msg, const char *arg)
{
    rm_diag_error(r->diags, RM_E_SQL_TEXT_SYNTAX, rm_loc_make(r->src->id, off, len), "%s%s%s%s",
                  msg, arg ? " `" : "", arg ? arg : "", arg ? "`" : "");
    if (r->rc == RM_OK)
        r->rc = RM_ESYNTAX;
}

/* Split [p, end) into tokens. Returns the count, or -1 after reporting an error. */
static int tokenize(reader *r, size_t start, size_t end, tok *toks)
{
    const char *text = r->src->text;
    int n = 0;
    size_t i = start;
    rm_sb sb = RM_SB_INIT;
    while (i < end) {
        if (text[i] == ' ' || text[i] == '\t' || text[i] == '\r') {
            i++;
            continue;
        }
        if (text[i] == '#')
            break;
        if (n == MAX_TOKENS) {
            error_at(r, i, 1, "too many tokens on one line", NULL);
            rm_sb_free(&sb);
            return -1;
        }
        size_t tstart = i;
        bool quoted = false;
        size_t bare = 0, quote_end = 0;
        rm_sb_reset(&sb);
        while (i < end && text[i] != ' ' && text[i] != '\t' && text[i] != '\r') {
            if (text[i] != '"') {
                rm_sb_putc(&sb, text[i++]);
                continue;
            }
            if (!quoted)
                bare = sb.len;
            quoted = true;
            size_t qstart = i++;
            for (;;) {
                if (i >= end) {
                    error_at(r, qstart, end - qstart, "unterminated quoted name", NULL);
                    rm_sb_free(&sb);
                    return -1;
                }
                if (text[i] == '"') {
                    if (i + 1 < end && text[i + 1] == '"') {
                        rm_sb_putc(&sb, '"');
                        i += 2;
                        continue;
                    }
                    i++;
                    quote_end = sb.len;
                    break;
                }
                rm_sb_putc(&sb, text[i++]);
            }
        }
        toks[n].s = rm_arena_strndup(r->a, rm_sb_str(&sb), sb.len);
        toks[n].off = tstart;
        toks[n].len = i - tstart;
        toks[n].quoted = quoted;
        toks[n].bare = quoted ? bare : sb.len;
        toks[n].tail = sb.len - quote_end;
        n++;
    }
    rm_sb_free(&sb);
    return n;
}

static bool is_kw(const tok *t, const char *kw)
{
    return !t->quoted && strcmp(t->s, kw) == 0;
}

/* "key=value" with key and '=' unquoted: the value, else NULL. */
static const char *opt(const tok *t, const char *key)
{
    size_t kl = strlen(key);
    if (t->bare <= kl || strncmp(t->s, key, kl) != 0 || t->s[kl] != '=')
        return NULL;
    return t->s + kl + 1;
}

static bool is_option(const tok *t)
{
    const char *eq = strchr(t->s, '=');
    return eq && (size_t)(eq - t->s) < t->bare;
}

static bool parse_u32(const char *s, uint32_t *out)
{
    char *end;
    if (*s < '0' || *s > '9')
        return false;
    unsigned long v = strtoul(s, &end, 10);
    if (*end || v > UINT32_MAX)
        return false;
    *out = (uint32_t)v;
    return true;
}

static bool parse_family(const char *s, rm_type_family *out)
{
    for (int f = RM_TYPE_INT; f <= RM_TYPE_UNSUPPORTED; f++)
        if (strcmp(s, rm_type_family_name((rm_type_family)f)) == 0) {
            *out = (rm_type_family)f;
            return true;
        }
    return false;
}

static bool parse_action(const char *s, rm_fk_action *out)
{
    static const char *const names[] = {"noaction", "restrict", "cascade", "setnull", "setdefault"};
    for (size_t i = 0; i < RM_ARRAY_LEN(names); i++)
        if (strcmp(s, names[i]) == 0) {
            *out = (rm_fk_action)i;
            return true;
        }
    return false;
}

static bool parse_default(const char *spec, rm_sql_default_kind *kind, const char **text)
{
    static const struct {
        const char *name;
        rm_sql_default_kind kind;
        bool has_text;
    } kinds[] = {
        {"string", RM_SQL_DEFAULT_STRING, true},
        {"number", RM_SQL_DEFAULT_NUMBER, true},
        {"bool", RM_SQL_DEFAULT_BOOLEAN, true},
        {"enum", RM_SQL_DEFAULT_ENUM, true},
        {"now", RM_SQL_DEFAULT_NOW, false},
        {"autoincrement", RM_SQL_DEFAULT_AUTOINCREMENT, false},
        {"sequence", RM_SQL_DEFAULT_SEQUENCE, true},
        {"dbgenerated", RM_SQL_DEFAULT_DBGENERATED, true},
        {"expr", RM_SQL_DEFAULT_EXPRESSION, true},
    };
    const char *colon = strchr(spec, ':');
    size_t klen = colon ? (size_t)(colon - spec) : strlen(spec);
    for (size_t i = 0; i < RM_ARRAY_LEN(kinds); i++) {
        if (strlen(kinds[i].name) != klen || strncmp(spec, kinds[i].name, klen) != 0)
            continue;
        if (kinds[i].has_text != (colon != NULL))
            return false;
        *kind = kinds[i].kind;
        *text = colon ? colon + 1 : NULL;
        return true;
    }
    return false;
}

static void line_enum(reader *r, tok *t, int n)
{
    if (n < 2) {
        error_at(r, t[0].off, t[0].len, "an enum line needs a name", NULL);
        return;
    }
    const char **values = rm_arena_alloc(r->a, sizeof(*values) * (size_t)(n > 2 ? n - 2 : 1));
    for (int i = 2; i < n; i++)
        values[i - 2] = t[i].s;
    size_t nvalues = (size_t)(n - 2);
    if (!rm_sqlschema_add_enum(&r->enums, NULL, t[1].s, values, nvalues)) {
        rm_diag_error(r->diags, RM_E_SQL_DUPLICATE_NAME,
                      rm_loc_make(r->src->id, t[1].off, t[1].len), "enum `%s` is declared twice",
                      t[1].s);
        r->rc = RM_ESEMANTIC;
        return;
    }
    if (r->d->caps & RM_CAP_ENUM_TYPES)
        rm_sqlschema_add_enum(r->out, NULL, t[1].s, values, nvalues);
}

static void line_table(reader *r, tok *t, int n)
{
    const char *schema = NULL;
    if (n < 2) {
        error_at(r, t[0].off, t[0].len, "a table line needs a name", NULL);
        return;
    }
    for (int i = 2; i < n; i++) {
        if (opt(&t[i], "schema"))
            schema = opt(&t[i], "schema");
        else
            error_at(r, t[i].off, t[i].len, "unknown table option", t[i].s);
    }
    r->table = rm_sqlschema_add_table(r->out, schema, t[1].s);
    if (!r->table) {
        rm_diag_error(r->diags, RM_E_SQL_DUPLICATE_NAME,
                      rm_loc_make(r->src->id, t[1].off, t[1].len), "table `%s` is declared twice",
                      t[1].s);
        r->rc = RM_ESEMANTIC;
    }
}

static void line_column(reader *r, tok *t, int n)
{
    rm_type_family fam;
    if (n < 3 || !parse_family(t[2].s, &fam)) {
        error_at(r, t[0].off, t[0].len,
                 "a column line is: column NAME FAMILY [options]; families are int, bigint, "
                 "float, decimal, boolean, string, datetime, json, bytes, enum, uuid, "
                 "unsupported",
                 NULL);
        return;
    }
    rm_sql_type type;
    r->d->scalar_type(&type, fam);
    bool nullable = false, autoinc = false;
    rm_sql_default_kind dkind = RM_SQL_DEFAULT_NONE;
    const char *dtext = NULL;
    for (int i = 3; i < n; i++) {
        const char *v;
        if (is_kw(&t[i], "null")) {
            nullable = true;
        } else if (is_kw(&t[i], "autoincrement")) {
            autoinc = true;
        } else if (is_kw(&t[i], "array")) {
            type.array = true;
        } else if ((v = opt(&t[i], "type"))) {
            type.name = v;
            type.nargs = 0;
        } else if ((v = opt(&t[i], "args"))) {
            type.nargs = 0;
            char *copy = rm_arena_strdup(r->a, v);
            for (char *p = copy; p && type.nargs < RM_TYPE_MAX_ARGS;) {
                char *comma = strchr(p, ',');
                if (comma)
                    *comma = '\0';
                if (!parse_u32(p, &type.args[type.nargs++]))
                    error_at(r, t[i].off, t[i].len, "type arguments are numbers", NULL);
                p = comma ? comma + 1 : NULL;
            }
        } else if ((v = opt(&t[i], "enum"))) {
            const rm_sql_enum *e = rm_sqlschema_find_enum(&r->enums, NULL, v);
            if (!e) {
                rm_diag_error(r->diags, RM_E_SQL_UNKNOWN_REFERENCE,
                              rm_loc_make(r->src->id, t[i].off, t[i].len),
                              "enum `%s` is not declared (declare enums before use)", v);
                r->rc = RM_ESEMANTIC;
                continue;
            }
            if (r->d->caps & RM_CAP_ENUM_TYPES) {
                type.name = e->name;
            } else if (r->d->caps & RM_CAP_INLINE_ENUMS) {
                type.name = e->name;
                type.values = e->values;
                type.nvalues = e->nvalues;
            } else {
                /* No enums in this database: the values are stored as text. */
                bool array = type.array;
                r->d->scalar_type(&type, RM_TYPE_STRING);
                type.array = array;
            }
        } else if ((v = opt(&t[i], "default"))) {
            if (!parse_default(v, &dkind, &dtext))
                error_at(r, t[i].off, t[i].len, "a default is KIND or KIND:TEXT", NULL);
        } else {
            error_at(r, t[i].off, t[i].len, "unknown column option", t[i].s);
        }
    }
    if (!type.name && fam != RM_TYPE_ENUM) {
        error_at(r, t[2].off, t[2].len, "this family needs type=NAME", NULL);
        return;
    }
    rm_sql_column *c = rm_sql_table_add_column(r->out, r->table, t[1].s, &type, nullable);
    if (!c) {
        rm_diag_error(r->diags, RM_E_SQL_DUPLICATE_NAME,
                      rm_loc_make(r->src->id, t[1].off, t[1].len),
                      "column `%s` is declared twice in table `%s`", t[1].s, r->table->name);
        r->rc = RM_ESEMANTIC;
        return;
    }
    c->autoincrement = autoinc;
    c->origin = rm_loc_make(r->src->id, t[1].off, t[1].len);
    rm_sql_default_set(r->out, c, dkind, dtext);
}

/* Column list for pk/index: NAME or NAME:asc / NAME:desc (the suffix unquoted). */
static void index_col(const tok *t, rm_sql_index_col *col, rm_arena *a)
{
    size_t len = strlen(t->s);
    col->name = t->s;
    col->sort = RM_SQL_SORT_NONE;
    if (t->tail >= 5 && strcmp(t->s + len - 5, ":desc") == 0) {
        col->name = rm_arena_strndup(a, t->s, len - 5);
        col->sort = RM_SQL_SORT_DESC;
    } else if (t->tail >= 4 && strcmp(t->s + len - 4, ":asc") == 0) {
        col->name = rm_arena_strndup(a, t->s, len - 4);
        col->sort = RM_SQL_SORT_ASC;
    }
}

static void line_pk(reader *r, tok *t, int n)
{
    const char *name = NULL;
    rm_sql_index_col *cols = RM_NEW_ARRAY(r->a, rm_sql_index_col, (size_t)n);
    const char **names = RM_NEW_ARRAY(r->a, const char *, (size_t)n);
    size_t ncols = 0;
    for (int i = 1; i < n; i++) {
        const char *v = opt(&t[i], "name");
        if (v) {
            name = v;
            continue;
        }
        index_col(&t[i], &cols[ncols], r->a);
        names[ncols] = cols[ncols].name;
        ncols++;
    }
    if (!ncols) {
        error_at(r, t[0].off, t[0].len, "a primary key needs columns", NULL);
        return;
    }
    rm_sql_table_set_pk(r->out, r->table, name, names, ncols);
    for (size_t i = 0; i < ncols; i++)
        r->table->pk.cols[i].sort = cols[i].sort;
}

static void line_index(reader *r, tok *t, int n, rm_sql_index_kind kind)
{
    if (n < 3) {
        error_at(r, t[0].off, t[0].len, "an index line is: index NAME COLUMN... [options]", NULL);
        return;
    }
    rm_sql_index_col *cols = RM_NEW_ARRAY(r->a, rm_sql_index_col, (size_t)n);
    const char **names = RM_NEW_ARRAY(r->a, const char *, (size_t)n);
    size_t ncols = 0;
    const char *method = NULL, *where = NULL;
    for (int i = 2; i < n; i++) {
        const char *v;
        if (is_kw(&t[i], "unique")) {
            kind = kind == RM_SQL_INDEX_NORMAL ? RM_SQL_INDEX_UNIQUE : kind;
        } else if (is_kw(&t[i], "constraint")) {
            kind = RM_SQL_INDEX_UNIQUE_CONSTRAINT;
        } else if ((v = opt(&t[i], "using"))) {
            method = v;
        } else if ((v = opt(&t[i], "where"))) {
            where = v;
        } else if (is_option(&t[i])) {
            error_at(r, t[i].off, t[i].len, "unknown index option", t[i].s);
        } else {
            index_col(&t[i], &cols[ncols], r->a);
            names[ncols] = cols[ncols].name;
            ncols++;
        }
    }
    rm_sql_index *ix = rm_sql_table_add_index(r->out, r->table, kind, t[1].s, names, ncols);
    for (size_t i = 0; i < ncols; i++)
        ix->cols[i].sort = cols[i].sort;
    ix->method = method;
    ix->where = where;
}

static void line_fk(reader *r, tok *t, int n)
{
    const char **cols = RM_NEW_ARRAY(r->a, const char *, (size_t)n);
    const char **refs = RM_NEW_ARRAY(r->a, const char *, (size_t)n);
    size_t ncols = 0, nrefs = 0;
    const char *ref_table = NULL, *ref_schema = NULL;
    rm_fk_action on_delete = RM_FK_RESTRICT, on_update = RM_FK_CASCADE;
    int i = 2;
    for (; i < n && !is_kw(&t[i], "->"); i++)
        cols[ncols++] = t[i].s;
    if (i + 1 >= n || ncols == 0) {
        error_at(r, t[0].off, t[0].len,
                 "a foreign key line is: fk NAME COLUMN... -> TABLE COLUMN... [options]", NULL);
        return;
    }
    ref_table = t[i + 1].s;
    for (i += 2; i < n; i++) {
        const char *v;
        if ((v = opt(&t[i], "ondelete"))) {
            if (!parse_action(v, &on_delete))
                error_at(r, t[i].off, t[i].len, "unknown referential action", v);
        } else if ((v = opt(&t[i], "onupdate"))) {
            if (!parse_action(v, &on_update))
                error_at(r, t[i].off, t[i].len, "unknown referential action", v);
        } else if ((v = opt(&t[i], "refschema"))) {
            ref_schema = v;
        } else if (is_option(&t[i])) {
            error_at(r, t[i].off, t[i].len, "unknown foreign key option", t[i].s);
        } else {
            refs[nrefs++] = t[i].s;
        }
    }
    if (nrefs != ncols) {
        error_at(r, t[0].off, t[0].len, "a foreign key needs as many referenced columns as columns",
                 NULL);
        return;
    }
    /* "-" as the name: an unnamed constraint (what SQLite introspection can return). */
    const char *name = is_kw(&t[1], "-") ? NULL : t[1].s;
    rm_sql_table_add_fk(r->out, r->table, name, cols, ncols, ref_schema, ref_table, refs, on_delete,
                        on_update);
}

static bool dialect_listed(const char *list, const char *name)
{
    size_t nl = strlen(name);
    for (const char *p = list; *p;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        if (len == nl && strncmp(p, name, nl) == 0)
            return true;
        p += len + (comma ? 1 : 0);
    }
    return false;
}

static void unknown_ref(reader *r, const char *what, const char *name, const rm_sql_table *t)
{
    rm_diag_error(r->diags, RM_E_SQL_UNKNOWN_REFERENCE, RM_LOC_NONE,
                  "%s `%s` in table `%s` does not exist", what, name, t->name);
    r->rc = RM_ESEMANTIC;
}

/* Every column a key, index or foreign key names must exist, on both sides of a foreign key. */
static void check_references(reader *r)
{
    const rm_sqlschema *s = r->out;
    for (size_t ti = 0; ti < s->ntables; ti++) {
        const rm_sql_table *t = s->tables[ti];
        for (size_t i = 0; i < t->pk.ncols; i++)
            if (!rm_sql_table_find_column(t, t->pk.cols[i].name))
                unknown_ref(r, "primary key column", t->pk.cols[i].name, t);
        for (size_t k = 0; k < t->nindexes; k++)
            for (size_t i = 0; i < t->indexes[k].ncols; i++)
                if (!rm_sql_table_find_column(t, t->indexes[k].cols[i].name))
                    unknown_ref(r, "index column", t->indexes[k].cols[i].name, t);
        for (size_t k = 0; k < t->nfks; k++) {
            const rm_sql_fk *fk = &t->fks[k];
            for (size_t i = 0; i < fk->ncols; i++)
                if (!rm_sql_table_find_column(t, fk->cols[i]))
                    unknown_ref(r, "foreign key column", fk->cols[i], t);
            const rm_sql_table *ref = rm_sqlschema_find_table(
                s, fk->ref_schema ? fk->ref_schema : t->schema, fk->ref_table);
            if (!ref) {
                unknown_ref(r, "referenced table", fk->ref_table, t);
                continue;
            }
            for (size_t i = 0; i < fk->ncols; i++)
                if (!rm_sql_table_find_column(ref, fk->ref_cols[i]))
                    unknown_ref(r, "referenced column", fk->ref_cols[i], ref);
        }
    }
}

int rm_sqlschema_parse_text(rm_sqlschema *out, const rm_source *src, const rm_dialect *d,
                            rm_arena *a, rm_diags *diags)
{
    reader r;
    memset(&r, 0, sizeof(r));
    r.src = src;
    r.d = d;
    r.a = a;
    r.diags = diags;
    r.out = out;
    rm_sqlschema_init(out, a);
    rm_sqlschema_init(&r.enums, a);
    tok *toks = rm_xmalloc(sizeof(*toks) * MAX_TOKENS);
    size_t pos = 0;
    while (pos < src->len) {
        const char *nl = memchr(src->text + pos, '\n', src->len - pos);
        size_t end = nl ? (size_t)(nl - src->text) : src->len;
        int n = tokenize(&r, pos, end, toks);
        pos = end + 1;
        if (n <= 0)
            continue;
        if (!toks[0].quoted && toks[0].s[0] == '@') {
            /* "@postgresql ..." or "@mysql,sqlite ...": a line for those dialects only. */
            if (!dialect_listed(toks[0].s + 1, d->name))
                continue;
            memmove(toks, toks + 1, sizeof(*toks) * (size_t)(n - 1));
            if (--n == 0)
                continue;
        }
        if (is_kw(&toks[0], "enum")) {
            line_enum(&r, toks, n);
            r.table = NULL;
        } else if (is_kw(&toks[0], "table")) {
            line_table(&r, toks, n);
        } else if (!r.table && (is_kw(&toks[0], "column") || is_kw(&toks[0], "pk") ||
                                is_kw(&toks[0], "index") || is_kw(&toks[0], "unique") ||
                                is_kw(&toks[0], "fk"))) {
            error_at(&r, toks[0].off, toks[0].len, "this line must follow a table line", NULL);
        } else if (is_kw(&toks[0], "column")) {
            line_column(&r, toks, n);
        } else if (is_kw(&toks[0], "pk")) {
            line_pk(&r, toks, n);
        } else if (is_kw(&toks[0], "index")) {
            line_index(&r, toks, n, RM_SQL_INDEX_NORMAL);
        } else if (is_kw(&toks[0], "unique")) {
            line_index(&r, toks, n, RM_SQL_INDEX_UNIQUE);
        } else if (is_kw(&toks[0], "fk")) {
            line_fk(&r, toks, n);
        } else {
            error_at(&r, toks[0].off, toks[0].len, "unknown line kind", toks[0].s);
        }
    }
    free(toks);
    if (r.rc == RM_OK)
        check_references(&r);
    return r.rc;
}

/* ---- printer ------------------------------------------------------------------------------ */

static bool is_reserved_word(const char *s)
{
    static const char *const words[] = {"enum",          "table", "column", "pk",    "index",
                                        "unique",        "fk",    "null",   "array", "constraint",
                                        "autoincrement", "->",    "-"};
    for (size_t i = 0; i < RM_ARRAY_LEN(words); i++)
        if (strcmp(s, words[i]) == 0)
            return true;
    return false;
}

/* A token: bare when it is a plain word that cannot be mistaken for syntax, else quoted. */
static void put_name(rm_sb *sb, const char *s)
{
    bool bare = s[0] != '\0' && s[0] != '@' && !is_reserved_word(s);
    for (const char *p = s; *p && bare; p++)
        bare = (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
               *p == '_' || (unsigned char)*p >= 0x80;
    if (bare) {
        rm_sb_puts(sb, s);
        return;
    }
    rm_quote_doubling(sb, s, strlen(s), '"');
}

/* key=value with the value quoted when needed (quotes may follow the bare key). */
static void put_opt(rm_sb *sb, const char *key, const char *value)
{
    rm_sb_appendf(sb, " %s=", key);
    bool bare = value[0] != '\0';
    for (const char *p = value; *p && bare; p++)
        bare = *p != ' ' && *p != '\t' && *p != '"' && *p != '#' && *p != '\n' && *p != '\r';
    if (bare)
        rm_sb_puts(sb, value);
    else
        rm_quote_doubling(sb, value, strlen(value), '"');
}

static const char *default_kind_word(rm_sql_default_kind k)
{
    static const char *const words[] = {NULL,  "string",        "number",   "bool",        "enum",
                                        "now", "autoincrement", "sequence", "dbgenerated", "expr"};
    return (size_t)k < RM_ARRAY_LEN(words) ? words[k] : NULL;
}

static void put_index_cols(rm_sb *sb, const rm_sql_index_col *cols, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        rm_sb_putc(sb, ' ');
        put_name(sb, cols[i].name);
        if (cols[i].sort == RM_SQL_SORT_DESC)
            rm_sb_puts(sb, ":desc");
        else if (cols[i].sort == RM_SQL_SORT_ASC)
            rm_sb_puts(sb, ":asc");
    }
}

static const char *action_word(rm_fk_action a)
{
    static const char *const words[] = {"noaction", "restrict", "cascade", "setnull", "setdefault"};
    return (size_t)a < RM_ARRAY_LEN(words) ? words[a] : "noaction";
}

void rm_sqlschema_print_text(rm_sb *sb, const rm_sqlschema *s)
{
    for (size_t i = 0; i < s->nenums; i++) {
        rm_sb_puts(sb, "enum ");
        put_name(sb, s->enums[i]->name);
        for (size_t k = 0; k < s->enums[i]->nvalues; k++) {
            rm_sb_putc(sb, ' ');
            put_name(sb, s->enums[i]->values[k]);
        }
        rm_sb_putc(sb, '\n');
    }
    /* Inline enum types (MySQL) have no name of their own: each column gets an enum line
     * named "table.column" (enum lines must come before the tables that use them). */
    for (size_t ti = 0; ti < s->ntables; ti++)
        for (size_t ci = 0; ci < s->tables[ti]->ncols; ci++) {
            const rm_sql_column *c = &s->tables[ti]->cols[ci];
            if (c->type.family != RM_TYPE_ENUM || !c->type.values)
                continue;
            rm_sb_puts(sb, "enum ");
            rm_sb name = RM_SB_INIT;
            rm_sb_appendf(&name, "%s.%s", s->tables[ti]->name, c->name);
            put_name(sb, rm_sb_str(&name));
            rm_sb_free(&name);
            for (size_t k = 0; k < c->type.nvalues; k++) {
                rm_sb_putc(sb, ' ');
                put_name(sb, c->type.values[k]);
            }
            rm_sb_putc(sb, '\n');
        }
    for (size_t ti = 0; ti < s->ntables; ti++) {
        const rm_sql_table *t = s->tables[ti];
        rm_sb_puts(sb, "table ");
        put_name(sb, t->name);
        if (t->schema)
            put_opt(sb, "schema", t->schema);
        rm_sb_putc(sb, '\n');
        for (size_t ci = 0; ci < t->ncols; ci++) {
            const rm_sql_column *c = &t->cols[ci];
            rm_sb_puts(sb, "  column ");
            put_name(sb, c->name);
            rm_sb_putc(sb, ' ');
            rm_sb_puts(sb, rm_type_family_name(c->type.family));
            if (c->type.family == RM_TYPE_ENUM && c->type.values) {
                rm_sb name = RM_SB_INIT;
                rm_sb_appendf(&name, "%s.%s", t->name, c->name);
                put_opt(sb, "enum", rm_sb_str(&name));
                rm_sb_free(&name);
            } else if (c->type.family == RM_TYPE_ENUM) {
                put_opt(sb, "enum", c->type.name ? c->type.name : "");
            } else if (c->type.name) {
                put_opt(sb, "type", c->type.name);
            }
            if (c->type.nargs && c->type.family != RM_TYPE_ENUM) {
                rm_sb_puts(sb, " args=");
                for (size_t k = 0; k < c->type.nargs; k++)
                    rm_sb_appendf(sb, "%s%u", k ? "," : "", (unsigned)c->type.args[k]);
            }
            if (c->type.array)
                rm_sb_puts(sb, " array");
            if (c->nullable)
                rm_sb_puts(sb, " null");
            if (c->autoincrement)
                rm_sb_puts(sb, " autoincrement");
            const char *kw = default_kind_word(c->def.kind);
            if (kw) {
                if (c->def.text) {
                    rm_sb sbv = RM_SB_INIT;
                    rm_sb_appendf(&sbv, "%s:%s", kw, c->def.text);
                    put_opt(sb, "default", rm_sb_str(&sbv));
                    rm_sb_free(&sbv);
                } else {
                    put_opt(sb, "default", kw);
                }
            }
            rm_sb_putc(sb, '\n');
        }
        if (t->pk.ncols) {
            rm_sb_puts(sb, "  pk");
            if (t->pk.name)
                put_opt(sb, "name", t->pk.name);
            put_index_cols(sb, t->pk.cols, t->pk.ncols);
            rm_sb_putc(sb, '\n');
        }
        for (size_t k = 0; k < t->nindexes; k++) {
            const rm_sql_index *ix = &t->indexes[k];
            rm_sb_puts(sb, "  index ");
            put_name(sb, ix->name);
            put_index_cols(sb, ix->cols, ix->ncols);
            if (ix->kind == RM_SQL_INDEX_UNIQUE)
                rm_sb_puts(sb, " unique");
            else if (ix->kind == RM_SQL_INDEX_UNIQUE_CONSTRAINT)
                rm_sb_puts(sb, " constraint");
            if (ix->method)
                put_opt(sb, "using", ix->method);
            if (ix->where)
                put_opt(sb, "where", ix->where);
            rm_sb_putc(sb, '\n');
        }
        for (size_t k = 0; k < t->nfks; k++) {
            const rm_sql_fk *fk = &t->fks[k];
            rm_sb_puts(sb, "  fk ");
            if (fk->name)
                put_name(sb, fk->name);
            else
                rm_sb_putc(sb, '-');
            for (size_t i = 0; i < fk->ncols; i++) {
                rm_sb_putc(sb, ' ');
                put_name(sb, fk->cols[i]);
            }
            rm_sb_puts(sb, " -> ");
            put_name(sb, fk->ref_table);
            for (size_t i = 0; i < fk->ncols; i++) {
                rm_sb_putc(sb, ' ');
                put_name(sb, fk->ref_cols[i]);
            }
            if (fk->ref_schema)
                put_opt(sb, "refschema", fk->ref_schema);
            rm_sb_appendf(sb, " ondelete=%s onupdate=%s\n", action_word(fk->on_delete),
                          action_word(fk->on_update));
        }
    }
}
