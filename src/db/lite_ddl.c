/*
 * Reading SQLite's stored CREATE TABLE / CREATE INDEX text (see lite_ddl.h for why). The
 * tokenizer follows SQLite's tokenize.c closely enough for statements SQLite accepted; the
 * parser follows parse.y's create_table / ccons / tcons / create_index rules, and the effects
 * follow build.c (sqlite3AddColumn, sqlite3AddDefaultValue, sqlite3AddPrimaryKey,
 * sqlite3CreateIndex, sqlite3CreateForeignKey, convertToWithoutRowidTable). Every rule
 * reproduced here is named after the SQLite function it mirrors.
 *
 * Anything outside that subset returns RM_EUNSUPPORTED rather than a guess: the caller then
 * reads the table through the pragmas, so a gap here costs speed, never correctness. Not for:
 * diagnostics (the text was written by SQLite and is valid), or any other SQL dialect.
 */
#include "db/lite_ddl.h"

#include <string.h>

/* ---- tokens ------------------------------------------------------------------------------ */

typedef enum lite_tok_kind {
    TK_EOF,
    TK_WORD,   /* bare identifier or keyword */
    TK_QID,    /* "id", `id`, [id] */
    TK_STRING, /* 'text' */
    TK_NUMBER,
    TK_BLOB, /* x'..' */
    TK_LP,
    TK_RP,
    TK_COMMA,
    TK_DOT,
    TK_PLUS,
    TK_MINUS,
    TK_SEMI,
    TK_OTHER, /* operators, variables: only ever skipped inside parentheses */
    TK_BAD    /* unterminated quote */
} lite_tok_kind;

typedef struct lite_tok {
    lite_tok_kind kind;
    const char *z;
    size_t n;
} lite_tok;

typedef struct lite_parser {
    const char *p; /* next unread byte */
    lite_tok t;    /* current token */
    rm_arena *a;
    const char *last_rp; /* the ")" that ended the last group lite_skip_group skipped */
} lite_parser;

/* sqlite3Isspace: 0x09-0x0d and space. */
static bool lite_space(unsigned char c)
{
    return c == ' ' || (c >= 0x09 && c <= 0x0d);
}

static bool lite_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* IdChar of tokenize.c: letters, digits, '_', '$' and every byte >= 0x80. */
static bool lite_idchar(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || lite_digit(c) || c == '_' ||
           c == '$' || c >= 0x80;
}

/* sqlite3Isquote */
static bool lite_quote(unsigned char c)
{
    return c == '"' || c == '\'' || c == '`' || c == '[';
}

static unsigned char lite_lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* sqlite3StrNICmp-style equality of n bytes (ASCII case folding only, as SQLite). */
static bool lite_ieq(const char *x, const char *y, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (lite_lower((unsigned char)x[i]) != lite_lower((unsigned char)y[i]))
            return false;
    return true;
}

static bool lite_istreq(const char *x, const char *y)
{
    size_t n = strlen(x);
    return strlen(y) == n && lite_ieq(x, y, n);
}

static void lite_next(lite_parser *ps)
{
    const unsigned char *p = (const unsigned char *)ps->p;
    for (;;) {
        while (lite_space(*p))
            p++;
        if (p[0] == '-' && p[1] == '-') {
            while (*p && *p != '\n')
                p++;
            continue;
        }
        if (p[0] == '/' && p[1] == '*') {
            p += 2;
            while (*p && !(p[0] == '*' && p[1] == '/'))
                p++;
            if (*p)
                p += 2;
            continue;
        }
        break;
    }
    const unsigned char *s = p;
    lite_tok_kind k = TK_OTHER;
    unsigned char c = *p;
    if (c == 0) {
        k = TK_EOF;
    } else if ((c == 'x' || c == 'X') && p[1] == '\'') {
        p += 2;
        while (*p && *p != '\'')
            p++;
        k = *p ? TK_BLOB : TK_BAD;
        if (*p)
            p++;
    } else if (lite_quote(c)) {
        unsigned char close = c == '[' ? ']' : c;
        p++;
        for (;;) {
            if (*p == 0) {
                k = TK_BAD;
                break;
            }
            if (*p == close) {
                if (close != ']' && p[1] == close) {
                    p += 2;
                    continue;
                }
                p++;
                k = c == '\'' ? TK_STRING : TK_QID;
                break;
            }
            p++;
        }
    } else if (lite_digit(c) || (c == '.' && lite_digit(p[1]))) {
        if (c == '0' && (p[1] == 'x' || p[1] == 'X')) {
            p += 2;
            while (lite_idchar(*p))
                p++;
        } else {
            while (lite_digit(*p))
                p++;
            if (*p == '.') {
                p++;
                while (lite_digit(*p))
                    p++;
            }
            if ((*p == 'e' || *p == 'E') &&
                (lite_digit(p[1]) || ((p[1] == '+' || p[1] == '-') && lite_digit(p[2])))) {
                p += 2;
                while (lite_digit(*p))
                    p++;
            }
            /* "12abc" is one illegal token in SQLite; valid text never has it. */
            while (lite_idchar(*p))
                p++;
        }
        k = TK_NUMBER;
    } else if (lite_idchar(c) && c != '$') {
        while (lite_idchar(*p))
            p++;
        k = TK_WORD;
    } else {
        p++;
        switch (c) {
        case '(':
            k = TK_LP;
            break;
        case ')':
            k = TK_RP;
            break;
        case ',':
            k = TK_COMMA;
            break;
        case '.':
            k = TK_DOT;
            break;
        case '+':
            k = TK_PLUS;
            break;
        case '-':
            k = TK_MINUS;
            break;
        case ';':
            k = TK_SEMI;
            break;
        default:
            /* Variables ($x, :x, @x) and operators: only their first byte matters here. */
            while (c == '$' && lite_idchar(*p))
                p++;
            break;
        }
    }
    ps->t.kind = k;
    ps->t.z = (const char *)s;
    ps->t.n = (size_t)(p - s);
    ps->p = (const char *)p;
}

/* Is the current token the keyword kw (upper-case, n bytes)? lite_is takes a string literal,
 * so the length is known at compile time and most tokens are ruled out by it. */
static bool lite_is_n(const lite_parser *ps, const char *kw, size_t n)
{
    return ps->t.kind == TK_WORD && ps->t.n == n && lite_ieq(ps->t.z, kw, n);
}
#define lite_is(ps, kw) lite_is_n((ps), kw, sizeof(kw) - 1)

static bool lite_accept_n(lite_parser *ps, const char *kw, size_t n)
{
    if (!lite_is_n(ps, kw, n))
        return false;
    lite_next(ps);
    return true;
}
#define lite_accept(ps, kw) lite_accept_n((ps), kw, sizeof(kw) - 1)

/* sqlite3Dequote of a token's text, into the arena. */
static char *lite_dequote(rm_arena *a, const char *z, size_t n)
{
    if (n == 0 || !lite_quote((unsigned char)z[0]))
        return rm_arena_strndup(a, z, n);
    char close = z[0] == '[' ? ']' : z[0];
    char *out = rm_arena_stralloc(a, n);
    size_t j = 0;
    for (size_t i = 1; i < n; i++) {
        if (z[i] == close) {
            if (close != ']' && i + 1 < n && z[i + 1] == close) {
                out[j++] = close;
                i++;
                continue;
            }
            break;
        }
        out[j++] = z[i];
    }
    out[j] = 0;
    return out;
}

/* A name (nm: identifier, quoted identifier or string), dequoted; NULL if the token is not
 * one. Advances past it. */
static const char *lite_name(lite_parser *ps)
{
    if (ps->t.kind != TK_WORD && ps->t.kind != TK_QID && ps->t.kind != TK_STRING)
        return NULL;
    const char *s = lite_dequote(ps->a, ps->t.z, ps->t.n);
    lite_next(ps);
    return s;
}

/* Skip a parenthesised group; the current token is its "(". False on unbalanced text. */
static bool lite_skip_group(lite_parser *ps)
{
    int depth = 0;
    do {
        if (ps->t.kind == TK_LP)
            depth++;
        else if (ps->t.kind == TK_RP)
            depth--;
        else if (ps->t.kind == TK_EOF || ps->t.kind == TK_BAD)
            return false;
        ps->last_rp = ps->t.z;
        lite_next(ps);
    } while (depth > 0);
    return true;
}

/* onconf: [ON CONFLICT resolution] */
static bool lite_onconf(lite_parser *ps)
{
    if (!lite_accept(ps, "ON"))
        return true;
    if (!lite_accept(ps, "CONFLICT") || ps->t.kind != TK_WORD)
        return false;
    lite_next(ps);
    return true;
}

/* ---- table state ------------------------------------------------------------------------- */

typedef struct lite_build {
    rm_lite_table *t;
    size_t cap_cols, cap_autos, cap_fks;
    long ipkey; /* column of a rowid-alias key (INTEGER PRIMARY KEY), or -1 */
    bool has_pk;
} lite_build;

long rm_lite_ddl_column(const rm_lite_table *t, const char *name)
{
    for (size_t i = 0; i < t->ncols; i++)
        if (lite_istreq(t->cols[i].name, name))
            return (long)i;
    return -1;
}

static bool lite_coll_eq(const char *x, const char *y)
{
    return lite_istreq(x ? x : "BINARY", y ? y : "BINARY");
}

/* sqlite3CreateIndex for a constraint of the table being created: numbered after the indexes
 * already there; a constraint identical to an existing one (same columns, same collations)
 * adds nothing, and a PRIMARY KEY identical to a UNIQUE takes that index over. Returns false
 * for the cases this reader leaves to the pragmas. */
static bool lite_add_auto(rm_arena *a, lite_build *b, const size_t *cols, const char **coll,
                          size_t n, bool pk, bool *deduped)
{
    rm_lite_table *t = b->t;
    *deduped = false;
    for (size_t i = 0; i < t->nautos; i++) {
        rm_lite_autoindex *x = &t->autos[i];
        if (x->ncols != n)
            continue;
        size_t k = 0;
        while (k < n && x->cols[k] == cols[k] && lite_coll_eq(x->coll[k], coll[k]))
            k++;
        if (k == n) {
            if (pk)
                x->pk = true;
            *deduped = true;
            return true;
        }
    }
    rm_lite_autoindex x = {0};
    x.number = (unsigned)t->nautos + 1;
    x.pk = pk;
    x.ncols = n;
    x.cols = rm_arena_memdup(a, cols, n * sizeof *cols);
    x.coll = rm_arena_memdup(a, coll, n * sizeof *coll);
    RM_VEC_PUSH(a, t->autos, t->nautos, b->cap_autos, x);
    return true;
}

/* sqlite3AddPrimaryKey: the columns (positions, key order) become the key; a single INTEGER
 * column in ascending order is the rowid alias and gets no index. */
static bool lite_add_pk(rm_arena *a, lite_build *b, const size_t *cols, const char **coll, size_t n)
{
    rm_lite_table *t = b->t;
    if (b->has_pk || n == 0)
        return false;
    b->has_pk = true;
    for (size_t i = 0; i < n; i++)
        t->cols[cols[i]].pk = (unsigned)i + 1;
    if (n == 1 && lite_istreq(t->cols[cols[0]].type, "INTEGER")) {
        b->ipkey = (long)cols[0];
        return true;
    }
    bool deduped;
    return lite_add_auto(a, b, cols, coll, n, true, &deduped);
}

static bool lite_has_dup(const size_t *cols, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            if (cols[i] == cols[j])
                return true;
    return false;
}

/* refact and refargs of a REFERENCES clause: ON DELETE / ON UPDATE actions, MATCH ignored. */
static bool lite_refargs(lite_parser *ps, rm_lite_fk *fk)
{
    fk->on_update = fk->on_delete = "NO ACTION";
    for (;;) {
        if (lite_accept(ps, "MATCH")) {
            if (!lite_name(ps))
                return false;
            continue;
        }
        if (!lite_accept(ps, "ON"))
            return true;
        const char **slot = NULL;
        if (lite_accept(ps, "DELETE"))
            slot = &fk->on_delete;
        else if (lite_accept(ps, "UPDATE"))
            slot = &fk->on_update;
        else if (!lite_accept(ps, "INSERT"))
            return false;
        const char *act;
        if (lite_accept(ps, "SET")) {
            if (lite_accept(ps, "NULL"))
                act = "SET NULL";
            else if (lite_accept(ps, "DEFAULT"))
                act = "SET DEFAULT";
            else
                return false;
        } else if (lite_accept(ps, "CASCADE")) {
            act = "CASCADE";
        } else if (lite_accept(ps, "RESTRICT")) {
            act = "RESTRICT";
        } else if (lite_accept(ps, "NO")) {
            if (!lite_accept(ps, "ACTION"))
                return false;
            act = "NO ACTION";
        } else {
            return false;
        }
        if (slot)
            *slot = act;
    }
}

/* defer_subclause: [NOT] DEFERRABLE [INITIALLY DEFERRED|IMMEDIATE]; the current token is
 * DEFERRABLE (after an optional NOT the caller consumed). */
static bool lite_defer(lite_parser *ps)
{
    if (!lite_accept(ps, "DEFERRABLE"))
        return false;
    if (lite_accept(ps, "INITIALLY")) {
        if (!lite_accept(ps, "DEFERRED") && !lite_accept(ps, "IMMEDIATE"))
            return false;
    }
    return true;
}

/* eidlist: nm [COLLATE ids] [ASC|DESC], ... between parentheses (current token "("). */
static bool lite_eidlist(lite_parser *ps, const char ***names, size_t *n)
{
    size_t cap = 0;
    *names = NULL;
    *n = 0;
    if (ps->t.kind != TK_LP)
        return false;
    lite_next(ps);
    for (;;) {
        if (ps->t.kind != TK_WORD && ps->t.kind != TK_QID)
            return false;
        const char *nm = lite_name(ps);
        if (lite_accept(ps, "COLLATE") && !lite_name(ps))
            return false;
        if (!lite_accept(ps, "ASC"))
            lite_accept(ps, "DESC");
        RM_VEC_PUSH(ps->a, *names, *n, cap, nm);
        if (ps->t.kind == TK_COMMA) {
            lite_next(ps);
            continue;
        }
        if (ps->t.kind != TK_RP)
            return false;
        lite_next(ps);
        return true;
    }
}

/* sqlite3CreateForeignKey: from (positions; one column for a column constraint), then
 * REFERENCES nm [(cols)] refargs; the current token follows REFERENCES. */
static bool lite_fk(lite_parser *ps, lite_build *b, const size_t *from, size_t nfrom)
{
    rm_lite_table *t = b->t;
    rm_lite_fk fk = {0};
    if (ps->t.kind != TK_WORD && ps->t.kind != TK_QID && ps->t.kind != TK_STRING)
        return false;
    fk.table = lite_name(ps);
    const char **to = NULL;
    size_t nto = 0;
    if (ps->t.kind == TK_LP && !lite_eidlist(ps, &to, &nto))
        return false;
    if (to && nto != nfrom)
        return false;
    if (!lite_refargs(ps, &fk))
        return false;
    fk.n = nfrom;
    fk.from = RM_NEW_ARRAY(ps->a, const char *, nfrom);
    fk.to = RM_NEW_ARRAY(ps->a, const char *, nfrom);
    for (size_t i = 0; i < nfrom; i++) {
        fk.from[i] = t->cols[from[i]].name;
        fk.to[i] = to ? to[i] : NULL;
    }
    RM_VEC_PUSH(ps->a, t->fks, t->nfks, b->cap_fks, fk);
    return true;
}

/* The declared type as sqlite3AddColumn keeps it: the text from the first type word to the
 * last (or to ")"), "GENERATED ALWAYS" stripped from its end, the six standard names
 * upper-cased. */
static const char *lite_type(rm_arena *a, const char *z, size_t n)
{
    if (n >= 16 && lite_ieq(z + n - 6, "always", 6)) {
        n -= 6;
        while (n > 0 && lite_space((unsigned char)z[n - 1]))
            n--;
        if (n >= 9 && lite_ieq(z + n - 9, "generated", 9)) {
            n -= 9;
            while (n > 0 && lite_space((unsigned char)z[n - 1]))
                n--;
        }
    }
    static const char *const std[] = {"ANY", "BLOB", "INT", "INTEGER", "REAL", "TEXT"};
    for (size_t i = 0; i < RM_ARRAY_LEN(std); i++)
        if (strlen(std[i]) == n && lite_ieq(z, std[i], n))
            return std[i];
    return rm_arena_strndup(a, z, n);
}

/* The default's text as sqlite3AddDefaultValue keeps it (sqlite3DbSpanDup: the span, blanks
 * trimmed at both ends). */
static const char *lite_span(rm_arena *a, const char *s, const char *e)
{
    while (s < e && lite_space((unsigned char)*s))
        s++;
    while (e > s && lite_space((unsigned char)e[-1]))
        e--;
    return rm_arena_strndup(a, s, (size_t)(e - s));
}

/* Words that end a type name: the column-constraint keywords that are not identifiers. */
static bool lite_type_end(const lite_parser *ps)
{
    return lite_is(ps, "CONSTRAINT") || lite_is(ps, "DEFAULT") || lite_is(ps, "NULL") ||
           lite_is(ps, "NOT") || lite_is(ps, "PRIMARY") || lite_is(ps, "UNIQUE") ||
           lite_is(ps, "CHECK") || lite_is(ps, "REFERENCES") || lite_is(ps, "COLLATE") ||
           lite_is(ps, "AS") || lite_is(ps, "GENERATED");
}

/* A column name: sqlite3AddColumn dequotes the token once as a whole (sqlite3DequoteToken),
 * then the result again (sqlite3Dequote); names where the two differ are left to SQLite. */
static const char *lite_column_name(lite_parser *ps)
{
    const char *z = ps->t.z;
    size_t n = ps->t.n;
    if (ps->t.kind != TK_WORD && ps->t.kind != TK_QID && ps->t.kind != TK_STRING)
        return NULL;
    if (n >= 2 && lite_quote((unsigned char)z[0])) {
        for (size_t i = 1; i + 1 < n; i++)
            if (lite_quote((unsigned char)z[i]))
                return lite_name(ps); /* inner quotes: only sqlite3Dequote applies */
        if (n > 2 && lite_quote((unsigned char)z[1]))
            return NULL;
    }
    return lite_name(ps);
}

/* One column definition (the current token is its name). */
static bool lite_column(lite_parser *ps, lite_build *b)
{
    rm_lite_table *t = b->t;
    rm_lite_column col = {0};
    col.name = lite_column_name(ps);
    if (!col.name)
        return false;
    const char *ts = NULL, *te = NULL;
    while ((ps->t.kind == TK_WORD && !lite_type_end(ps)) || ps->t.kind == TK_QID ||
           ps->t.kind == TK_STRING) {
        if (ps->t.kind != TK_WORD)
            return false; /* quoted type names: sqlite3Dequote rules, left to SQLite */
        if (!ts)
            ts = ps->t.z;
        te = ps->t.z + ps->t.n;
        lite_next(ps);
    }
    if (ts && ps->t.kind == TK_LP) {
        lite_next(ps);
        for (int arg = 0;; arg++) {
            if (arg == 2)
                return false;
            if (ps->t.kind == TK_PLUS || ps->t.kind == TK_MINUS)
                lite_next(ps);
            if (ps->t.kind != TK_NUMBER)
                return false;
            lite_next(ps);
            if (ps->t.kind == TK_COMMA) {
                lite_next(ps);
                continue;
            }
            break;
        }
        if (ps->t.kind != TK_RP)
            return false;
        te = ps->t.z + 1;
        lite_next(ps);
    }
    col.type = ts ? lite_type(ps->a, ts, (size_t)(te - ts)) : "";
    RM_VEC_PUSH(ps->a, t->cols, t->ncols, b->cap_cols, col);
    size_t me = t->ncols - 1;

    for (;;) {
        rm_lite_column *c = &t->cols[me];
        if (ps->t.kind == TK_COMMA || ps->t.kind == TK_RP)
            return true;
        if (lite_accept(ps, "CONSTRAINT")) {
            if (!lite_name(ps))
                return false;
        } else if (lite_accept(ps, "DEFAULT")) {
            const char *s = ps->t.z, *e;
            if (ps->t.kind == TK_LP) {
                if (!lite_skip_group(ps))
                    return false;
                /* DEFAULT (expr): the text between the parentheses. */
                s++;
                e = ps->last_rp;
            } else {
                if (ps->t.kind == TK_PLUS || ps->t.kind == TK_MINUS)
                    lite_next(ps);
                if (ps->t.kind != TK_NUMBER && ps->t.kind != TK_STRING && ps->t.kind != TK_BLOB &&
                    ps->t.kind != TK_WORD && ps->t.kind != TK_QID)
                    return false;
                if (ps->t.kind == TK_WORD && lite_type_end(ps) && !lite_is(ps, "NULL"))
                    return false;
                e = ps->t.z + ps->t.n;
                lite_next(ps);
            }
            c->dflt = lite_span(ps->a, s, e);
        } else if (lite_accept(ps, "NULL")) {
            if (!lite_onconf(ps))
                return false;
        } else if (lite_accept(ps, "NOT")) {
            if (lite_accept(ps, "NULL")) {
                c->notnull = true;
                if (!lite_onconf(ps))
                    return false;
            } else if (!lite_defer(ps)) {
                return false;
            }
        } else if (lite_accept(ps, "PRIMARY")) {
            if (!lite_accept(ps, "KEY"))
                return false;
            if (lite_is(ps, "DESC"))
                return false; /* DESC keys: legacy file formats ignore them; left to SQLite */
            lite_accept(ps, "ASC");
            if (!lite_onconf(ps))
                return false;
            lite_accept(ps, "AUTOINCREMENT");
            const char *coll = c->coll;
            if (!lite_add_pk(ps->a, b, &me, &coll, 1))
                return false;
        } else if (lite_accept(ps, "UNIQUE")) {
            if (!lite_onconf(ps))
                return false;
            const char *coll = c->coll;
            bool deduped;
            if (!lite_add_auto(ps->a, b, &me, &coll, 1, false, &deduped))
                return false;
        } else if (lite_accept(ps, "CHECK")) {
            if (ps->t.kind != TK_LP || !lite_skip_group(ps))
                return false;
        } else if (lite_accept(ps, "REFERENCES")) {
            if (!lite_fk(ps, b, &me, 1))
                return false;
        } else if (lite_is(ps, "DEFERRABLE")) {
            if (!lite_defer(ps))
                return false;
        } else if (lite_accept(ps, "COLLATE")) {
            if (ps->t.kind != TK_WORD && ps->t.kind != TK_STRING)
                return false;
            c->coll = lite_name(ps);
            /* sqlite3AddCollateType: one-column indexes already made on this column take
             * the new collation. */
            for (size_t i = 0; i < t->nautos; i++)
                if (t->autos[i].ncols == 1 && t->autos[i].cols[0] == me)
                    t->autos[i].coll[0] = c->coll;
        } else {
            return false; /* GENERATED / AS (generated columns) and anything unknown */
        }
    }
}

/* sortlist of a PRIMARY KEY or UNIQUE table constraint: column names with optional COLLATE
 * and ASC (DESC and expressions are left to SQLite). */
static bool lite_keylist(lite_parser *ps, const rm_lite_table *t, size_t **cols, const char ***coll,
                         size_t *n)
{
    size_t cap = 0, ccap = 0, nc = 0;
    *cols = NULL;
    *coll = NULL;
    *n = 0;
    if (ps->t.kind != TK_LP)
        return false;
    lite_next(ps);
    for (;;) {
        if (ps->t.kind != TK_WORD && ps->t.kind != TK_QID)
            return false;
        const char *nm = lite_name(ps);
        long pos = rm_lite_ddl_column(t, nm);
        if (pos < 0)
            return false;
        const char *cl = t->cols[pos].coll;
        if (lite_accept(ps, "COLLATE")) {
            if (ps->t.kind != TK_WORD && ps->t.kind != TK_STRING)
                return false;
            cl = lite_name(ps);
        }
        if (lite_is(ps, "DESC"))
            return false;
        lite_accept(ps, "ASC");
        RM_VEC_PUSH(ps->a, *cols, *n, cap, (size_t)pos);
        RM_VEC_PUSH(ps->a, *coll, nc, ccap, cl);
        if (ps->t.kind == TK_COMMA) {
            lite_next(ps);
            continue;
        }
        break;
    }
    if (lite_accept(ps, "AUTOINCREMENT")) {
        /* only valid in PRIMARY KEY; nothing to record */
    }
    if (ps->t.kind != TK_RP)
        return false;
    lite_next(ps);
    return !lite_has_dup(*cols, *n);
}

static bool lite_table_constraint(lite_parser *ps, lite_build *b)
{
    rm_lite_table *t = b->t;
    if (lite_accept(ps, "CONSTRAINT") && !lite_name(ps))
        return false;
    size_t *cols, n;
    const char **coll;
    if (lite_accept(ps, "PRIMARY")) {
        if (!lite_accept(ps, "KEY") || !lite_keylist(ps, t, &cols, &coll, &n))
            return false;
        return lite_onconf(ps) && lite_add_pk(ps->a, b, cols, coll, n);
    }
    if (lite_accept(ps, "UNIQUE")) {
        if (!lite_keylist(ps, t, &cols, &coll, &n) || !lite_onconf(ps))
            return false;
        bool deduped;
        return lite_add_auto(ps->a, b, cols, coll, n, false, &deduped);
    }
    if (lite_accept(ps, "CHECK")) {
        if (ps->t.kind != TK_LP || !lite_skip_group(ps))
            return false;
        return lite_onconf(ps);
    }
    if (lite_accept(ps, "FOREIGN")) {
        const char **names;
        if (!lite_accept(ps, "KEY") || !lite_eidlist(ps, &names, &n))
            return false;
        size_t *from = RM_NEW_ARRAY(ps->a, size_t, n ? n : 1);
        for (size_t i = 0; i < n; i++) {
            long pos = rm_lite_ddl_column(t, names[i]);
            if (pos < 0)
                return false;
            from[i] = (size_t)pos;
        }
        if (!lite_accept(ps, "REFERENCES") || !lite_fk(ps, b, from, n))
            return false;
        if (lite_accept(ps, "NOT")) {
            if (!lite_defer(ps))
                return false;
        } else if (lite_is(ps, "DEFERRABLE") && !lite_defer(ps)) {
            return false;
        }
        return true;
    }
    return false;
}

/* A bare word that starts a table constraint rather than a column (none of them can be a
 * column name unquoted). */
static bool lite_tcons_start(const lite_parser *ps)
{
    return lite_is(ps, "CONSTRAINT") || lite_is(ps, "PRIMARY") || lite_is(ps, "UNIQUE") ||
           lite_is(ps, "CHECK") || lite_is(ps, "FOREIGN");
}

/* CREATE TABLE [IF NOT EXISTS] [schema.]name: leaves the current token after the name. */
static bool lite_create_head(lite_parser *ps, const char *what)
{
    lite_next(ps);
    if (!lite_accept(ps, "CREATE"))
        return false;
    if (what[0] == 'I')
        lite_accept(ps, "UNIQUE");
    if (!lite_accept_n(ps, what, strlen(what)))
        return false;
    if (lite_accept(ps, "IF")) {
        if (!lite_accept(ps, "NOT") || !lite_accept(ps, "EXISTS"))
            return false;
    }
    if (!lite_name(ps))
        return false;
    if (ps->t.kind == TK_DOT) {
        lite_next(ps);
        if (!lite_name(ps))
            return false;
    }
    return true;
}

static bool lite_at_end(lite_parser *ps)
{
    if (ps->t.kind == TK_SEMI)
        lite_next(ps);
    return ps->t.kind == TK_EOF;
}

int rm_lite_ddl_table(rm_lite_table *out, const char *sql, rm_arena *a)
{
    memset(out, 0, sizeof *out);
    lite_parser ps = {sql, {TK_EOF, sql, 0}, a, NULL};
    lite_build b = {out, 0, 0, 0, -1, false};
    if (!sql || !lite_create_head(&ps, "TABLE") || ps.t.kind != TK_LP)
        return RM_EUNSUPPORTED;
    lite_next(&ps);
    /* Columns, then table constraints (separated by optional commas). */
    bool in_constraints = false;
    for (;;) {
        if (!in_constraints && lite_tcons_start(&ps))
            in_constraints = true;
        if (in_constraints ? !lite_table_constraint(&ps, &b) : !lite_column(&ps, &b))
            return RM_EUNSUPPORTED;
        if (ps.t.kind == TK_RP)
            break;
        if (ps.t.kind == TK_COMMA)
            lite_next(&ps);
        else if (!in_constraints)
            return RM_EUNSUPPORTED;
    }
    lite_next(&ps);
    /* Table options: WITHOUT ROWID, STRICT. */
    while (ps.t.kind == TK_WORD) {
        if (lite_accept(&ps, "WITHOUT")) {
            if (!lite_accept(&ps, "ROWID"))
                return RM_EUNSUPPORTED;
            out->without_rowid = true;
        } else if (!lite_accept(&ps, "STRICT")) {
            return RM_EUNSUPPORTED;
        }
        if (ps.t.kind != TK_COMMA)
            break;
        lite_next(&ps);
    }
    if (!lite_at_end(&ps) || out->ncols == 0)
        return RM_EUNSUPPORTED;
    if (out->without_rowid) {
        if (!b.has_pk)
            return RM_EUNSUPPORTED;
        /* convertToWithoutRowidTable: the rowid-alias key gets its index now (a UNIQUE on
         * the same column would become it: left to SQLite); key columns become NOT NULL. */
        if (b.ipkey >= 0) {
            size_t col = (size_t)b.ipkey;
            const char *coll = out->cols[col].coll;
            bool deduped;
            if (!lite_add_auto(a, &b, &col, &coll, 1, true, &deduped) || deduped)
                return RM_EUNSUPPORTED;
        }
        for (size_t i = 0; i < out->ncols; i++)
            if (out->cols[i].pk)
                out->cols[i].notnull = true;
    }
    return RM_OK;
}

int rm_lite_ddl_index(rm_lite_index *out, const char *sql, rm_arena *a)
{
    memset(out, 0, sizeof *out);
    lite_parser ps = {sql, {TK_EOF, sql, 0}, a, NULL};
    if (!sql)
        return RM_EUNSUPPORTED;
    lite_parser head = ps;
    lite_next(&head);
    lite_accept(&head, "CREATE");
    out->unique = lite_is(&head, "UNIQUE");
    if (!lite_create_head(&ps, "INDEX") || !lite_accept(&ps, "ON"))
        return RM_EUNSUPPORTED;
    if (ps.t.kind != TK_WORD && ps.t.kind != TK_QID && ps.t.kind != TK_STRING)
        return RM_EUNSUPPORTED;
    out->table = lite_name(&ps);
    if (ps.t.kind != TK_LP)
        return RM_EUNSUPPORTED;
    lite_next(&ps);
    size_t cap = 0;
    for (;;) {
        /* A key is a column when it is one name, optionally with COLLATE and ASC, followed
         * by "," or ")"; anything else is an expression. */
        const char *name = NULL;
        lite_parser save = ps;
        if (ps.t.kind == TK_WORD || ps.t.kind == TK_QID) {
            name = lite_name(&ps);
            if (lite_accept(&ps, "COLLATE") && (ps.t.kind == TK_WORD || ps.t.kind == TK_STRING))
                lite_next(&ps);
            if (lite_is(&ps, "DESC"))
                return RM_EUNSUPPORTED;
            lite_accept(&ps, "ASC");
            if (ps.t.kind != TK_COMMA && ps.t.kind != TK_RP)
                name = NULL;
        } else if (ps.t.kind == TK_STRING || ps.t.kind == TK_LP) {
            /* A string naming a column (SQLite's legacy rule), or parentheses, which SQLite
             * drops: "(a)" is the column a, not an expression. */
            return RM_EUNSUPPORTED;
        }
        if (!name) {
            ps = save;
            out->expression = true;
            while (ps.t.kind != TK_COMMA && ps.t.kind != TK_RP) {
                if (ps.t.kind == TK_EOF || ps.t.kind == TK_BAD)
                    return RM_EUNSUPPORTED;
                if (ps.t.kind == TK_LP) {
                    if (!lite_skip_group(&ps))
                        return RM_EUNSUPPORTED;
                } else {
                    lite_next(&ps);
                }
            }
        }
        RM_VEC_PUSH(a, out->cols, out->ncols, cap, name);
        if (ps.t.kind == TK_COMMA) {
            lite_next(&ps);
            continue;
        }
        lite_next(&ps);
        break;
    }
    if (lite_accept(&ps, "WHERE")) {
        out->partial = true;
        while (ps.t.kind != TK_EOF && ps.t.kind != TK_SEMI) {
            if (ps.t.kind == TK_BAD)
                return RM_EUNSUPPORTED;
            if (ps.t.kind == TK_LP) {
                if (!lite_skip_group(&ps))
                    return RM_EUNSUPPORTED;
            } else {
                lite_next(&ps);
            }
        }
    }
    return lite_at_end(&ps) ? RM_OK : RM_EUNSUPPORTED;
}
