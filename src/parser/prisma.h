/*
 * The Prisma schema language (PSL) front end: a lexer and a recursive-descent parser that turn
 * one .prisma source into an AST, plus small lookup helpers for the stages that read the AST
 * (the relation-graph builder in src/model/). This is syntax only: names are not resolved,
 * attributes and their arguments are kept generically (any @name / @@name with any arguments),
 * and nothing here knows what @relation or provider = "..." means. Validation is src/model/'s
 * job. A multi-file schema is parsed file by file; merging is also the graph builder's job.
 *
 * Ownership: every node, string and array of an AST lives in the arena passed to
 * rm_prisma_parse and stays valid until that arena is freed. Nodes point into nothing else
 * except ast->src (borrowed from the caller's rm_sources). Strings are NUL-terminated copies
 * (equal type, attribute and function names may share one copy: compare with strcmp, never
 * by pointer); string literal values are decoded (escapes resolved) and may hold NUL bytes,
 * so they also carry a length.
 *
 * Locations: every node has an rm_loc (file id, byte offset, length) into its source. The
 * "loc" of a node covers the whole construct; "name_loc" covers just its name, which is what
 * an error about the name should point at (as Prisma does).
 *
 * The grammar is line-oriented like Prisma's (psl/schema-ast/src/parser/datamodel.pest): a
 * field, an attribute line, an enum value or a key = value pair ends at the end of its line,
 * and argument lists cannot span lines. A line that does not parse is reported once (E01xx)
 * and skipped; parsing always continues, so one run reports every syntax error.
 */
#ifndef RELMIG_PARSER_PRISMA_H
#define RELMIG_PARSER_PRISMA_H

#include "util/diag.h"
#include "util/sb.h"

/* ---- Expressions (attribute arguments, key = value right-hand sides) ------------------ */

typedef enum rm_prisma_expr_kind {
    RM_PEXPR_STRING,   /* "..."; text = decoded value (len bytes, may contain NUL) */
    RM_PEXPR_NUMBER,   /* 12, -3, 1.5; text = the literal as written */
    RM_PEXPR_CONST,    /* a bare path: Cascade, Desc, true, false, db.VarChar; text = as written */
    RM_PEXPR_FUNC,     /* path(args): now(), uuid(7), env("X"), title(sort: Desc); text = path */
    RM_PEXPR_ARRAY,    /* [a, b(sort: Desc)]; items/n */
    RM_PEXPR_OBJECT    /* { active: true, n: { not: null } } (partial index `where:`, Prisma 7.4+);
                          the members are in args, as named arguments; text = "" */
} rm_prisma_expr_kind;

typedef struct rm_prisma_expr rm_prisma_expr;
typedef struct rm_prisma_arg rm_prisma_arg;

/* An argument list "(...)". present is false when the attribute or function had no
 * parentheses at all (@id), true for "()" too (then n == 0). */
typedef struct rm_prisma_args {
    rm_prisma_arg *items;
    size_t n;
    bool present;
    rm_loc loc;             /* from '(' to ')' inclusive; RM_LOC_NONE when !present */
} rm_prisma_args;

struct rm_prisma_expr {
    rm_prisma_expr_kind kind;
    rm_loc loc;             /* the whole expression (quotes, brackets, parentheses included) */
    const char *text;       /* see the kinds above; "" for ARRAY. Never NULL */
    size_t len;             /* bytes of text */
    rm_prisma_args args;    /* FUNC: the arguments; OBJECT: the members (all named) */
    rm_prisma_expr *items;  /* ARRAY only: n elements */
    size_t n;
};

/* One argument: positional (name == NULL) or named (name: value). */
struct rm_prisma_arg {
    const char *name;       /* NULL for a positional argument */
    rm_prisma_expr value;
    rm_loc name_loc;        /* RM_LOC_NONE for a positional argument */
    rm_loc loc;             /* name (if any) through the end of the value */
};

/* ---- Attributes ---------------------------------------------------------------------- */

/* A field attribute (@id, @db.VarChar(255), @relation(...)) or a block attribute
 * (@@id([a, b]), @@map("t")). */
typedef struct rm_prisma_attr {
    const char *name;       /* without the @ or @@: "id", "default", "db.VarChar", "map" */
    rm_loc name_loc;        /* the name only (after the @ / @@) */
    rm_loc loc;             /* from the first '@' through ')' (or the end of the name) */
    bool block;             /* true for @@name */
    rm_prisma_args args;
} rm_prisma_attr;

/* ---- Block members ------------------------------------------------------------------- */

typedef enum rm_prisma_arity {
    RM_PARITY_REQUIRED,     /* T */
    RM_PARITY_OPTIONAL,     /* T? */
    RM_PARITY_LIST          /* T[] (and the rejected forms T[]? and [T], see the field) */
} rm_prisma_arity;

/* A field of a model, view or composite type:  name Type? @attr(...) @attr  /// doc */
/* (Members are ordered to avoid padding: a large schema has hundreds of thousands of these.) */
typedef struct rm_prisma_field {
    const char *name;
    const char *type_name;  /* "String", "User", ...; for Unsupported("x") it is "Unsupported" */
    const char *unsupported_type; /* the decoded string of Unsupported(...), else NULL */
    rm_loc name_loc;
    rm_loc type_loc;        /* the type name (for Unsupported: through the closing ')') */
    rm_loc arity_loc;       /* the "?" or "[]"; RM_LOC_NONE when required */
    rm_loc loc;             /* the whole declaration: name through the last attribute */
    rm_prisma_arity arity;
    bool unsupported;       /* Unsupported("sql type") */
    bool legacy_syntax;     /* T[]?, T! or [T] was used: an E01xx error was reported and the
                               arity above is the best guess (LIST, REQUIRED, LIST) */
    rm_prisma_attr *attrs;  /* field attributes in source order */
    size_t nattrs;
    const char *doc;        /* "///" lines above plus a trailing "///" comment, without the
                               slashes and the white space after them (trailing white space is
                               kept, as in Prisma), joined by '\n'; NULL if none.
                               Block comments count as documentation too (as in Prisma): their
                               text between the delimiters, trimmed */
} rm_prisma_field;

/* An enum value:  NAME @map("x")  /// doc */
typedef struct rm_prisma_enum_value {
    const char *name;
    rm_loc name_loc;
    rm_prisma_attr *attrs;
    size_t nattrs;
    const char *doc;        /* as for fields */
    rm_loc loc;
} rm_prisma_enum_value;

/* A datasource or generator property:  key = expression */
typedef struct rm_prisma_prop {
    const char *name;
    rm_loc name_loc;
    rm_prisma_expr value;
    rm_loc loc;             /* key through the end of the value */
    bool missing_value;     /* "key =" with nothing after it (E0119 reported); value is then an
                               empty CONST */
} rm_prisma_prop;

/* ---- Top-level blocks ---------------------------------------------------------------- */

typedef enum rm_prisma_block_kind {
    RM_PBLOCK_DATASOURCE,
    RM_PBLOCK_GENERATOR,
    RM_PBLOCK_MODEL,
    RM_PBLOCK_VIEW,
    RM_PBLOCK_TYPE,         /* composite type (MongoDB); parsed, rejected later for SQL */
    RM_PBLOCK_ENUM
} rm_prisma_block_kind;

typedef struct rm_prisma_block {
    rm_prisma_block_kind kind;
    const char *name;
    rm_loc name_loc;
    rm_loc keyword_loc;     /* "model", "enum", ... */
    rm_loc loc;             /* keyword through the closing '}' (or the last member if the
                               block was not closed; E0105 was reported then) */
    const char *doc;        /* "///" lines directly above the keyword; NULL if none */

    rm_prisma_field *fields;            /* MODEL, VIEW, TYPE */
    size_t nfields;
    rm_prisma_enum_value *values;       /* ENUM */
    size_t nvalues;
    rm_prisma_prop *props;              /* DATASOURCE, GENERATOR */
    size_t nprops;
    rm_prisma_attr *attrs;              /* @@ block attributes (MODEL, VIEW, TYPE, ENUM) */
    size_t nattrs;
} rm_prisma_block;

typedef struct rm_prisma_ast {
    const rm_source *src;   /* borrowed: the source this AST was parsed from */
    rm_prisma_block *blocks;/* in source order */
    size_t nblocks;
    size_t nerrors;         /* syntax errors reported while parsing this source */
} rm_prisma_ast;

/* ---- Parsing ------------------------------------------------------------------------- */

/* Limits that keep hostile input from costing more than linear time and bounded stack. */
#define RM_PRISMA_MAX_DEPTH 64  /* nesting of arrays / argument lists in one expression */

/* Parse src into *out (allocated in a). Syntax errors go to d with ids E0100-E0199 and
 * locations in src; parsing continues after each one, so *out is always set and holds every
 * block that could be recovered. Returns RM_OK when no syntax error was found, RM_ESYNTAX
 * otherwise. The AST borrows src, which must outlive it. */
int rm_prisma_parse(rm_prisma_ast **out, const rm_source *src, rm_arena *a, rm_diags *d);
/* The same, with every string of the AST (names, expression texts, decoded string literals,
 * docs) allocated in strings and the nodes and arrays in a. A caller that builds a graph from
 * the AST can then free a once the graph is built: the graph's strings point into strings
 * (the AST's lifetime is the build, the strings' is the graph's). */
int rm_prisma_parse_split(rm_prisma_ast **out, const rm_source *src, rm_arena *a, rm_arena *strings,
                          rm_diags *d);

/* ---- Lookup helpers for later stages (all return borrowed pointers into the AST) ---- */

/* First attribute with this exact name (without @), or NULL. "db.VarChar" matches only the
 * full name; use rm_prisma_attr_is_native to find native-type attributes. */
const rm_prisma_attr *rm_prisma_field_attr(const rm_prisma_field *f, const char *name);
const rm_prisma_attr *rm_prisma_enum_value_attr(const rm_prisma_enum_value *v, const char *name);
/* First @@ attribute of the block with this name, or NULL. */
const rm_prisma_attr *rm_prisma_block_attr(const rm_prisma_block *b, const char *name);
/* The property "name = ..." of a datasource/generator, or NULL (last one wins if repeated,
 * as in Prisma; duplicates are for validation to report). */
const rm_prisma_prop *rm_prisma_block_prop(const rm_prisma_block *b, const char *name);
/* Is attr a native type attribute "<ds>.<Type>" (e.g. db.VarChar)? If so *type gets the
 * part after the dot. ds_name may be NULL to accept any datasource name. */
bool rm_prisma_attr_is_native(const rm_prisma_attr *attr, const char *ds_name, const char **type);

/* The argument named name if there is one, otherwise the positional argument number pos
 * (0-based, counting positional arguments only; pass SIZE_MAX for "named only").
 * Example: rm_prisma_args_get(&rel->args, "name", 0) finds @relation("x") and
 * @relation(name: "x"); rm_prisma_args_get(&idx->args, "fields", 0) finds @@index([a]). */
const rm_prisma_arg *rm_prisma_args_get(const rm_prisma_args *args, const char *name, size_t pos);
/* Same, returning the argument's value or NULL. attr may be NULL (then NULL). */
const rm_prisma_expr *rm_prisma_attr_arg(const rm_prisma_attr *attr, const char *name, size_t pos);

/* The decoded string of a STRING expression (and its length in *len if len is non-NULL), or
 * NULL if e is NULL or not a string. */
const char *rm_prisma_expr_string(const rm_prisma_expr *e, size_t *len);
/* Is e the constant (bare identifier/path) name? */
bool rm_prisma_expr_is_const(const rm_prisma_expr *e, const char *name);
/* Is e a call of function name, e.g. rm_prisma_expr_is_func(e, "autoincrement")? */
bool rm_prisma_expr_is_func(const rm_prisma_expr *e, const char *name);
/* true/false constants: returns true and sets *value when e is one of them. */
bool rm_prisma_expr_bool(const rm_prisma_expr *e, bool *value);
/* The name an array element refers to: a CONST's text or a FUNC's path (for field references
 * with arguments, "title(sort: Desc)" -> "title"); NULL for other kinds. */
const char *rm_prisma_expr_ref_name(const rm_prisma_expr *e);

/* "model", "view", "type", "enum", "datasource", "generator". Static. */
const char *rm_prisma_block_kind_name(rm_prisma_block_kind kind);
const char *rm_prisma_expr_kind_name(rm_prisma_expr_kind kind);

/* A compact, deterministic S-expression dump of the AST, one block per line group, for tests
 * and debugging (golden files in tests/golden/prisma_parse/). Locations are printed as
 * @offset+length. The format may change; do not parse it. */
void rm_prisma_ast_dump(rm_sb *out, const rm_prisma_ast *ast);

/* ---- Lexer (exposed for tests and for tools that need tokens, e.g. a formatter) ------- */

typedef enum rm_prisma_tok_kind {
    RM_PTOK_EOF,
    RM_PTOK_NEWLINE,        /* \n, \r\n or a lone \r */
    RM_PTOK_IDENT,          /* [A-Za-z0-9][A-Za-z0-9_-]* that is not a number */
    RM_PTOK_NUMBER,         /* -?[0-9]+(\.[0-9]+)? */
    RM_PTOK_STRING,         /* "..." with JSON escapes (not decoded by the lexer) */
    RM_PTOK_COMMENT,        /* // to the end of the line (not including the newline) */
    RM_PTOK_DOC_COMMENT,    /* /// to the end of the line */
    RM_PTOK_AT,             /* @ */
    RM_PTOK_ATAT,           /* @@ */
    RM_PTOK_LBRACE,
    RM_PTOK_RBRACE,
    RM_PTOK_LPAREN,
    RM_PTOK_RPAREN,
    RM_PTOK_LBRACKET,
    RM_PTOK_RBRACKET,
    RM_PTOK_COMMA,
    RM_PTOK_COLON,
    RM_PTOK_EQUALS,
    RM_PTOK_QUESTION,
    RM_PTOK_BANG,
    RM_PTOK_DOT,
    RM_PTOK_BAD_STRING,     /* a string literal without its closing quote on the same line */
    RM_PTOK_UNKNOWN,        /* one byte (or one UTF-8 sequence) that starts no token */
    RM_PTOK_BLOCK_COMMENT   /* slash-star ... star-slash, may span lines; to EOF if unterminated */
} rm_prisma_tok_kind;

typedef struct rm_prisma_tok {
    rm_prisma_tok_kind kind;
    uint32_t off;           /* byte offset in the source */
    uint32_t len;           /* bytes */
} rm_prisma_tok;

typedef struct rm_prisma_lexer {
    const char *text;
    size_t len;
    size_t pos;
} rm_prisma_lexer;

/* Start lexing src's text (a leading UTF-8 byte order mark is skipped). Spaces and tabs are
 * skipped between tokens; comments and newlines are tokens because PSL is
 * line-oriented. Never fails: bytes that start no token come back as RM_PTOK_UNKNOWN. */
void rm_prisma_lexer_init(rm_prisma_lexer *lx, const char *text, size_t len);
rm_prisma_tok rm_prisma_lex_next(rm_prisma_lexer *lx);
const char *rm_prisma_tok_kind_name(rm_prisma_tok_kind kind);

#endif
