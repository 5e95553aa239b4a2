/*
 * Cerial schema language (*.cerial): AST, parser and validator. The parser reproduces Cerial's
 * own line-oriented, regex-based reader (see /work/shared/reference/cerial.md and docs/cerial.md),
 * quirks included, so that relmig accepts and rejects exactly what `cerial generate` does; the
 * validator runs Cerial's checks in Cerial's stage order with Cerial's message texts. Every node
 * carries byte locations (rm_loc). Not for mapping Cerial to the relation graph (that is
 * src/model/cerial_build.c) and not for reading files (src/io/).
 */
#ifndef RELMIG_PARSER_CERIAL_H
#define RELMIG_PARSER_CERIAL_H

#include "util/diag.h"
#include "util/sb.h"

/* Lines longer than this are reported (E0400) and skipped instead of being matched. */
#define RM_CERIAL_MAX_LINE ((size_t)64 * 1024)

typedef enum rm_cerial_kind {
    RM_CERIAL_MODEL,
    RM_CERIAL_OBJECT,
    RM_CERIAL_TUPLE,
    RM_CERIAL_LITERAL,
    RM_CERIAL_ENUM,
    RM_CERIAL_NKINDS
} rm_cerial_kind;

/* Field types, in the order Cerial's parseFieldType tries them. */
typedef enum rm_cerial_type {
    RM_CT_STRING,
    RM_CT_EMAIL,
    RM_CT_INT,
    RM_CT_DATE,
    RM_CT_BOOL,
    RM_CT_FLOAT,
    RM_CT_NUMBER,
    RM_CT_UUID,
    RM_CT_DURATION,
    RM_CT_DECIMAL,
    RM_CT_BYTES,
    RM_CT_GEOMETRY,
    RM_CT_ANY,
    RM_CT_RECORD,
    RM_CT_RELATION,
    RM_CT_LITERAL, /* a literal or an enum name */
    RM_CT_OBJECT,
    RM_CT_TUPLE
} rm_cerial_type;

typedef enum rm_cerial_dec_kind {
    RM_CD_ID,
    RM_CD_UNIQUE,
    RM_CD_INDEX,
    RM_CD_NOW,
    RM_CD_CREATED_AT,
    RM_CD_UPDATED_AT,
    RM_CD_DEFAULT,
    RM_CD_DEFAULT_ALWAYS,
    RM_CD_FIELD,
    RM_CD_MODEL,
    RM_CD_KEY,
    RM_CD_ON_DELETE,
    RM_CD_DISTINCT,
    RM_CD_SORT,
    RM_CD_SET,
    RM_CD_FLEXIBLE,
    RM_CD_READONLY,
    RM_CD_NULLABLE,
    RM_CD_UUID,
    RM_CD_UUID4,
    RM_CD_UUID7,
    RM_CD_POINT,
    RM_CD_LINE,
    RM_CD_POLYGON,
    RM_CD_MULTIPOINT,
    RM_CD_MULTILINE,
    RM_CD_MULTIPOLYGON,
    RM_CD_GEO_COLLECTION,
    RM_CD_NKINDS
} rm_cerial_dec_kind;

/* Kind of a @default / @defaultAlways argument, as Cerial classifies it. */
typedef enum rm_cerial_value_kind {
    RM_CV_NONE,
    RM_CV_NULL,
    RM_CV_BOOL,
    RM_CV_INT,
    RM_CV_FLOAT,
    RM_CV_STRING /* quoted (quotes removed) or any other raw text */
} rm_cerial_value_kind;

typedef struct rm_cerial_dec {
    rm_cerial_dec_kind kind;
    /* @field/@model/@key/@onDelete: the \w+ argument, NULL when absent or malformed
     * (`@field( x )`, `@onDelete(Explode)`); @default/@defaultAlways: the value text;
     * @sort: "asc" or "desc". */
    const char *value;
    rm_cerial_value_kind vkind;
    rm_loc loc;
} rm_cerial_dec;

/* Members ordered so that no padding is needed (96 bytes; a large schema holds one per field,
 * most of the parser's memory). */
typedef struct rm_cerial_field {
    const char *name;          /* NULL for an unnamed tuple element */
    const char *type_name;     /* object/tuple/literal/enum name for those types, else NULL */
    const char **record_types; /* Record(a, b) parameters */
    size_t nrecord_types;
    rm_cerial_dec *decs;
    size_t ndecs;
    rm_cerial_type type;
    /* bit k set when decs holds a decorator of kind k (rm_cerial_field_dec answers "none",
     * the common case, without a scan); whoever fills decs sets it */
    uint32_t dec_mask;
    rm_loc loc; /* the declaration (trimmed line; tuple element: its block line) */
    rm_loc name_loc;
    rm_loc type_loc;
    bool optional;
    bool array;
    bool nullable;   /* has @nullable */
    bool is_private; /* !!private */
} rm_cerial_field;

typedef struct rm_cerial_composite {
    bool unique; /* @@unique, else @@index */
    const char *name;
    const char **fields; /* may be dot paths (address.city) */
    size_t nfields;
    rm_loc loc;
} rm_cerial_composite;

typedef enum rm_cerial_variant_kind {
    RM_CVAR_STRING,
    RM_CVAR_INT,
    RM_CVAR_FLOAT,
    RM_CVAR_BOOL,
    RM_CVAR_BROAD,       /* String | Int | Float | Bool | Date */
    RM_CVAR_LITERAL_REF, /* another literal or an enum */
    RM_CVAR_TUPLE_REF,
    RM_CVAR_OBJECT_REF
} rm_cerial_variant_kind;

typedef struct rm_cerial_variant {
    rm_cerial_variant_kind kind;
    /* string: contents without quotes; numbers: JavaScript's String(Number(text)); bool:
     * "true"/"false"; others: the referenced name. */
    const char *text;
    rm_loc loc;
} rm_cerial_variant;

/* Blocks with at most this many fields get no field_index (a scan is as fast, and smaller). */
#define RM_CERIAL_SCAN_FIELDS 16

/* Name -> position map (open addressing); see rm_cerial_nmap_*. */
typedef struct rm_cerial_nmap {
    const char **keys;
    uint32_t *first; /* position of the first item with the name */
    uint32_t *last;  /* position of the last one */
    size_t cap;
} rm_cerial_nmap;

/* Build a map over names[0..n) (NULL names are skipped); the map lives in a. */
void rm_cerial_nmap_build(rm_cerial_nmap *m, rm_arena *a, const char *const *names, size_t n);
/* Positions of name; false when absent. first/last may be NULL. */
bool rm_cerial_nmap_get(const rm_cerial_nmap *m, const char *name, size_t *first, size_t *last);

typedef struct rm_cerial_block {
    rm_cerial_kind kind;
    const char *name;
    bool abstract;       /* abstract model */
    const char *extends; /* parent name, NULL when none */
    rm_loc extends_loc;  /* the parent name in the header */
    bool has_filter;     /* extends P[...] with a valid (not mixed) list */
    bool filter_omit;    /* [!a, !b] */
    const char **filter;
    size_t nfilter;
    rm_cerial_field **fields; /* model/object fields, tuple elements */
    size_t nfields;
    rm_cerial_composite *composites;
    size_t ncomposites;
    const char **values; /* enum values */
    rm_loc *value_locs;  /* their locations (same count) */
    size_t nvalues;
    rm_cerial_variant *variants; /* literal variants */
    size_t nvariants;
    rm_loc loc; /* the header line */
    rm_loc name_loc;
    /* field names -> positions (rm_cerial_schema_index); NULL for blocks of at most
     * RM_CERIAL_SCAN_FIELDS fields, whose lookups scan the list */
    rm_cerial_nmap *field_index;
    rm_cerial_field **field_index_of; /* the fields/nfields field_index was built for */
    size_t field_index_n;
    rm_cerial_nmap *rel_index;   /* relation facts, built lazily by the validator */
} rm_cerial_block;

/* One namespace: the blocks of every file, per kind in file order (as Cerial concatenates). */
typedef struct rm_cerial_schema {
    rm_cerial_block **blocks[RM_CERIAL_NKINDS];
    size_t n[RM_CERIAL_NKINDS];
    size_t cap[RM_CERIAL_NKINDS];
    /* name index per kind, built by rm_cerial_schema_index (lookups fall back to a scan
     * when it is absent); rebuild it after changing the block lists */
    rm_cerial_nmap *index[RM_CERIAL_NKINDS];
    /* parsed with the fast paths off (rm_cerial_ctx_set_fast): the validator then takes its
     * general paths too (indexes, one pass per rule), so that a differential test compares
     * the whole front end */
    bool no_fast_paths;
} rm_cerial_schema;

/* (Re)build s->index in a. The parser and validator call it on the schemas they return. */
void rm_cerial_schema_index(rm_cerial_schema *s, rm_arena *a);

/* Compiled patterns, compiled once and reused across parses (the core keeps no globals). */
typedef struct rm_cerial_ctx rm_cerial_ctx;
/* The caller owns the context; free it with rm_cerial_ctx_free. */
rm_cerial_ctx *rm_cerial_ctx_new(void);
void rm_cerial_ctx_free(rm_cerial_ctx *ctx);

typedef struct rm_cerial_opts {
    /* Run also the checks of Cerial's second validator (parser.ts validateSchema: several @id,
     * @index+@unique, @@ directive contents, duplicate names...). They are warnings (E0470)
     * by default, errors under strict. */
    bool strict;
} rm_cerial_opts;

/* The parser's fast paths (hand-written recognisers of the commonest line shapes, each giving
 * its pcre2 pattern's answer and declining anything else) are on in a new context; off, every
 * line goes through pcre2, and the schemas parsed with it are validated on the validator's
 * general paths (rm_cerial_schema.no_fast_paths). Only the differential tests and the fuzz
 * target turn them off. */
void rm_cerial_ctx_set_fast(rm_cerial_ctx *ctx, bool on);

/* Append every node of s (blocks, fields, decorators, values, locations) to out as text, one
 * line per node: two parses (or validations) gave the same result when their dumps are equal
 * byte for byte. For the differential tests and the fuzz target. */
void rm_cerial_schema_dump(rm_sb *out, const rm_cerial_schema *s);

/* Parse the sources with ids files[0..nfiles) as one Cerial namespace (a name pre-pass over
 * all files, then each file on its own, as `cerial generate` does). Every parse error goes to
 * d; returns RM_OK or RM_ESYNTAX. *out (allocated in a, owned by a) holds the blocks of every
 * file, also on error (files with errors contribute what parsed). ctx may be NULL (a temporary
 * context is compiled). */
int rm_cerial_parse(rm_cerial_schema **out, rm_cerial_ctx *ctx, const rm_sources *srcs,
                    const uint32_t *files, size_t nfiles, rm_arena *a, rm_diags *d);

/* Validate a parsed schema in Cerial's stage order: extends checks on the raw AST, inheritance
 * resolution, resolved checks, then the schema validator (all its errors at once) and "no
 * models". Each stage runs only when the earlier ones found no error, as in Cerial. On success
 * *resolved (in a) is the flattened schema without abstract models. Returns RM_OK or
 * RM_ESEMANTIC. Strict-check findings are warnings unless opts->strict. */
int rm_cerial_validate(rm_cerial_schema **resolved, const rm_cerial_schema *raw,
                       const rm_cerial_opts *opts, rm_arena *a, rm_diags *d);

/* Parse + validate, stopping after parse errors like Cerial. */
int rm_cerial_check(rm_cerial_schema **resolved, rm_cerial_ctx *ctx, const rm_sources *srcs,
                    const uint32_t *files, size_t nfiles, const rm_cerial_opts *opts, rm_arena *a,
                    rm_diags *d);

/* Cerial's name of a type ("string", "record", ...) and of a decorator ("createdAt"). Static. */
const char *rm_cerial_type_name(rm_cerial_type t);
const char *rm_cerial_dec_name(rm_cerial_dec_kind k);

/* Lookups on a schema: the first block of that kind and name, or NULL. */
rm_cerial_block *rm_cerial_find(const rm_cerial_schema *s, rm_cerial_kind kind, const char *name);
/* The last block of that kind and name (JavaScript Map semantics), or NULL. */
rm_cerial_block *rm_cerial_find_last(const rm_cerial_schema *s, rm_cerial_kind kind,
                                     const char *name);
/* Position of the first block of that kind and name, or SIZE_MAX. */
size_t rm_cerial_find_pos(const rm_cerial_schema *s, rm_cerial_kind kind, const char *name);
/* The first decorator of that kind on f, or NULL. */
const rm_cerial_dec *rm_cerial_field_dec(const rm_cerial_field *f, rm_cerial_dec_kind kind);

/* The key "<kind>|<x>" or "<kind>|<x>|<y>" (y NULL: no third part) of the relation-fact maps
 * of the validator and the graph builder, built by hand (printf costs more than the lookup):
 * in buf (cap bytes) when it fits, else in a. buf may be NULL with cap 0 (always in a). */
const char *rm_cerial_rel_key(char *buf, size_t cap, rm_arena *a, char kind, const char *x,
                              const char *y);

/* Cerial's table name for a model name (toSnakeCase: BlogPost -> blog_post). In a. */
char *rm_cerial_snake_case(rm_arena *a, const char *name);

#endif
