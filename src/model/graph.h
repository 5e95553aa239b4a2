/*
 * The relation graph: relmig's dialect-neutral model of a schema. Prisma and Cerial sources are
 * both built into it; the SQL lowering, the differ and the printers read only this. Everything a
 * consumer needs is explicit data: database names after @map/@@map, referential actions with the
 * language default filled in (and whether the user wrote them), which side holds a foreign key,
 * the implicit many-to-many join table name and its A side. Nothing here knows about a dialect;
 * default constraint names (which depend on the identifier length limit) are computed by the
 * lowering, so `map` fields are NULL unless the user gave a name.
 *
 * Not for: parsing (src/parser), validation rules (model/validate.c), SQL (src/sqlschema).
 *
 * Every object of a graph lives in the arena passed to the builder; references between objects
 * are indexes (uint32_t, RM_NONE when absent), so a graph can be copied or compared without
 * chasing pointers. Arrays are sorted deterministically: models and enums by name, fields in
 * declaration order, relations by name then by the models they join.
 */
#ifndef RELMIG_MODEL_GRAPH_H
#define RELMIG_MODEL_GRAPH_H

#include "util/arena.h"
#include "util/source.h"

#define RM_NONE UINT32_MAX

/* Which language a model or enum was written in: printers and messages word things in it. */
typedef enum rm_syntax { RM_SYNTAX_PRISMA, RM_SYNTAX_CERIAL } rm_syntax;

typedef enum rm_provider {
    RM_PROVIDER_NONE,     /* no datasource block: connector-independent checks only */
    RM_PROVIDER_POSTGRES, /* "postgresql" or "postgres" */
    RM_PROVIDER_COCKROACH,
    RM_PROVIDER_MYSQL,
    RM_PROVIDER_SQLITE,
    RM_PROVIDER_SQLSERVER,
    RM_PROVIDER_MONGODB,
    RM_PROVIDER_OTHER /* unknown provider string; kept in provider_name */
} rm_provider;

typedef enum rm_relation_mode {
    RM_RELMODE_FOREIGN_KEYS, /* the database enforces relations */
    RM_RELMODE_PRISMA        /* emulated: no FOREIGN KEY constraints are created */
} rm_relation_mode;

typedef enum rm_scalar {
    RM_SCALAR_NONE, /* a relation field: no column of its own */
    RM_SCALAR_STRING,
    RM_SCALAR_INT,
    RM_SCALAR_BIGINT,
    RM_SCALAR_FLOAT,
    RM_SCALAR_DECIMAL,
    RM_SCALAR_BOOLEAN,
    RM_SCALAR_DATETIME,
    RM_SCALAR_JSON,
    RM_SCALAR_BYTES,
    RM_SCALAR_ENUM,       /* type_name = the enum, type_ref = its index */
    RM_SCALAR_UNSUPPORTED /* type_name = the native SQL type text, verbatim */
} rm_scalar;

typedef enum rm_field_kind {
    RM_FIELD_SCALAR,  /* a column (including enum and Unsupported) */
    RM_FIELD_RELATION /* points at another model; type_ref = model index */
} rm_field_kind;

/* @db.VarChar(191) -> name "VarChar", args {"191"}. Arguments are kept as written. */
/* (Members of this and of rm_default / rm_field are ordered, and counts narrowed, so that
 * there is no padding: a large schema has hundreds of thousands of fields.) */
typedef struct rm_native_type {
    const char *name; /* NULL: none given */
    const char **args;
    rm_loc loc;
    uint32_t nargs;
} rm_native_type;

typedef enum rm_default_kind {
    RM_DEFAULT_NONE,
    RM_DEFAULT_STRING, /* text = the decoded string */
    RM_DEFAULT_NUMBER, /* text = the literal as written ("-1.5") */
    RM_DEFAULT_BOOL,   /* boolean */
    RM_DEFAULT_ENUM,   /* text = the enum value's (source) name */
    RM_DEFAULT_LIST,   /* items: a scalar-list literal */
    RM_DEFAULT_AUTOINCREMENT,
    RM_DEFAULT_NOW,
    RM_DEFAULT_UUID,        /* version 4 (default) or 7; client-side */
    RM_DEFAULT_CUID,        /* version 1 (default) or 2; client-side */
    RM_DEFAULT_NANOID,      /* version = length, 0 = default; client-side */
    RM_DEFAULT_ULID,        /* client-side */
    RM_DEFAULT_DBGENERATED, /* text = SQL expression, NULL for dbgenerated() */
    RM_DEFAULT_SEQUENCE,    /* CockroachDB; text = the arguments as written */
    RM_DEFAULT_AUTO         /* MongoDB auto() */
} rm_default_kind;

typedef struct rm_default {
    const char *text;
    struct rm_default *items; /* RM_DEFAULT_LIST */
    const char *map;          /* @default(..., map: "name"): SQL Server default constraint */
    rm_loc loc;
    rm_default_kind kind;
    uint32_t nitems;
    int16_t version;
    bool boolean;
} rm_default;

typedef struct rm_field {
    const char *name;
    const char *db_name;   /* @map value, else name; relation fields: their name */
    const char *doc;       /* /// comment lines joined with '\n', or NULL */
    const char *type_name; /* as written: "String", "Role", "User", Unsupported text */
    rm_native_type native;
    rm_default def;
    rm_loc loc; /* the whole field declaration */
    rm_loc name_loc;
    rm_loc type_loc;
    rm_field_kind kind;
    rm_scalar scalar;
    uint32_t type_ref; /* enum index (RM_SCALAR_ENUM) or model index (relation) */
    uint32_t relation; /* relation fields: index into graph->relations */
    bool mapped;       /* db_name came from @map */
    bool optional;     /* T? */
    bool list;         /* T[] */
    bool updated_at;
    bool ignored; /* @ignore */
} rm_field;

typedef enum rm_sort { RM_SORT_DEFAULT, RM_SORT_ASC, RM_SORT_DESC } rm_sort;

typedef struct rm_index_field {
    uint32_t field; /* index into the model's fields */
    rm_sort sort;
    uint32_t length; /* prefix length (MySQL), 0 = none */
    const char *ops; /* operator class (PostgreSQL), NULL = default */
} rm_index_field;

typedef enum rm_index_kind {
    RM_INDEX_PRIMARY,
    RM_INDEX_UNIQUE,
    RM_INDEX_NORMAL,
    RM_INDEX_FULLTEXT
} rm_index_kind;

typedef enum rm_index_algo {
    RM_ALGO_DEFAULT,
    RM_ALGO_BTREE,
    RM_ALGO_HASH,
    RM_ALGO_GIST,
    RM_ALGO_GIN,
    RM_ALGO_SPGIST,
    RM_ALGO_BRIN
} rm_index_algo;

typedef struct rm_index {
    rm_index_kind kind;
    rm_index_field *fields;
    size_t nfields;
    const char *name; /* client name (`name:`), or NULL */
    const char *map;  /* database constraint/index name (`map:`), NULL = default */
    rm_index_algo algo;
    int clustered;     /* -1 not given, 0 false, 1 true */
    const char *where; /* partial index predicate (raw SQL), or NULL */
    bool field_level;  /* written as @id/@unique on the field, not @@id/@@unique */
    rm_loc loc;
} rm_index;

typedef struct rm_model {
    const char *name;
    const char *db_name; /* table name: @@map value, else name */
    bool mapped;
    const char *schema; /* @@schema, or NULL */
    const char *doc;
    rm_loc loc; /* the whole block */
    rm_loc name_loc;
    rm_syntax syntax;
    bool is_view;
    bool ignored;       /* @@ignore */
    bool is_join_model; /* explicit m:n: two required FKs that form its PK or a unique */
    rm_field *fields;   /* declaration order */
    size_t nfields;
    rm_index *primary_key; /* NULL: none (invalid for tables unless ignored/view) */
    rm_index *indexes;     /* unique, normal and fulltext, in declaration order */
    size_t nindexes;
} rm_model;

typedef struct rm_enum_value {
    const char *name;
    const char *db_name; /* @map value, else name */
    const char *doc;
    rm_loc loc;
} rm_enum_value;

typedef struct rm_enum {
    const char *name;
    const char *db_name; /* @@map value, else name */
    const char *schema;
    const char *doc;
    rm_loc loc;
    rm_syntax syntax;
    rm_enum_value *values;
    size_t nvalues;
} rm_enum;

typedef enum rm_cardinality {
    RM_CARD_ONE_TO_ONE,
    RM_CARD_ONE_TO_MANY,
    RM_CARD_MANY_TO_MANY_IMPLICIT
} rm_cardinality;

typedef enum rm_ref_action {
    RM_ACTION_NONE, /* no action recorded (only in graphs built from broken input) */
    RM_ACTION_CASCADE,
    RM_ACTION_RESTRICT,
    RM_ACTION_NO_ACTION,
    RM_ACTION_SET_NULL,
    RM_ACTION_SET_DEFAULT
} rm_ref_action;

/* One side of a relation: the relation field on one model. */
typedef struct rm_relation_end {
    uint32_t model;
    uint32_t field; /* RM_NONE if the language allows a one-sided relation */
} rm_relation_end;

/*
 * A relation edge. For 1:1 and 1:n, `from` is the side holding the foreign key (the field with
 * `fields:`), `to` the referenced side; fk_fields[i] (in from's model) references ref_fields[i]
 * (in to's model). For implicit m:n there is no FK in either model: `from` is model A (the name
 * sorting first; for a self relation the field sorting first), `to` is B, and the join table
 * `_Name` holds columns A and B referencing each model's single @id.
 */
typedef struct rm_relation {
    const char *name; /* explicit @relation name, or the language default (e.g. AToB) */
    bool named;       /* the user wrote the name */
    rm_cardinality card;
    rm_relation_end from;
    rm_relation_end to;
    uint32_t *fk_fields;  /* in from.model */
    uint32_t *ref_fields; /* in to.model */
    size_t nfk;
    bool fk_optional; /* every FK field is optional (so onDelete defaults to SetNull) */
    bool self;
    rm_ref_action on_delete; /* effective: written or defaulted */
    rm_ref_action on_update;
    bool on_delete_set; /* written by the user */
    bool on_update_set;
    const char *fk_map;     /* FK constraint name from `map:`, NULL = default */
    const char *join_table; /* implicit m:n: "_AToB" or "_Name"; NULL otherwise */
    rm_loc loc;             /* the defining @relation (or the from field) */
} rm_relation;

typedef struct rm_graph {
    rm_provider provider;
    const char *provider_name; /* as written, or NULL */
    const char *datasource;    /* datasource block name ("db"), or NULL */
    rm_relation_mode relation_mode;
    const char **schemas; /* datasource `schemas = [...]` */
    size_t nschemas;
    const char **preview_features;
    size_t npreview_features;
    rm_model *models;
    size_t nmodels;
    rm_enum *enums;
    size_t nenums;
    rm_relation *relations;
    size_t nrelations;
} rm_graph;

/* Lookups by source name (binary search: the arrays are sorted). RM_NONE when absent. */
uint32_t rm_graph_find_model(const rm_graph *g, const char *name);
uint32_t rm_graph_find_enum(const rm_graph *g, const char *name);
/* The same by binary search, for callers that know the enums are sorted by name and unique
 * (the Prisma builder places them so). */
uint32_t rm_graph_find_enum_sorted(const rm_graph *g, const char *name);
/* Index of the field called name in m, or RM_NONE. */
uint32_t rm_model_find_field(const rm_model *m, const char *name);

/* Stable lower-case names used in JSON and messages ("one_to_many", "cascade", "string"). */
const char *rm_cardinality_name(rm_cardinality c);
const char *rm_ref_action_name(rm_ref_action a); /* Prisma spelling: "Cascade", "SetNull" */
const char *rm_scalar_name(rm_scalar s);         /* Prisma spelling: "String", "BigInt" */
const char *rm_provider_name(rm_provider p);     /* "postgresql", "mysql", ... */
const char *rm_default_kind_name(rm_default_kind k);
const char *rm_index_algo_name(rm_index_algo a); /* "BTree", "Gin", ...; NULL for default */

/* Sort models and enums by name and relations by (name, from model, to model), remapping every
 * index that points into them. Builders call this once at the end. */
void rm_graph_sort(rm_graph *g, rm_arena *a);

#endif
