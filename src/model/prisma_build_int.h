/*
 * State shared by the two halves of the Prisma graph builder: prisma_build.c (blocks, fields,
 * attributes, keys) and prisma_relations.c (pairing relation fields into edges and every
 * relation rule). Internal to src/model/; nothing outside includes this.
 */
#ifndef RELMIG_MODEL_PRISMA_BUILD_INT_H
#define RELMIG_MODEL_PRISMA_BUILD_INT_H

#include "model/prisma_build.h"

/* The parsed @relation(...) of one relation field, plus pairing state. */
typedef struct pb_relfield {
    uint32_t model; /* graph model index */
    uint32_t field; /* field index in that model */
    const rm_prisma_field *ast;
    const rm_prisma_attr *attr;       /* @relation, or NULL */
    const char *name;                 /* explicit relation name, or NULL */
    const rm_prisma_expr *fields;     /* `fields:` array, or NULL */
    const rm_prisma_expr *references; /* `references:` array, or NULL */
    rm_ref_action on_delete, on_update;
    const rm_prisma_arg *on_delete_arg, *on_update_arg; /* as written (valid or not) */
    const char *map;
    const rm_prisma_arg *map_arg;
    bool broken; /* already reported as ambiguous: no further checks */
    bool paired;
} pb_relfield;

typedef struct pb_model {
    const rm_prisma_block *blk;
    uint32_t *relfield; /* per field: index into pb.relfields, or RM_NONE */
} pb_model;

typedef struct pb {
    rm_arena *a;   /* the graph's */
    rm_arena *tmp; /* the build's own tables, freed by the caller after the build; may be a */
    rm_diags *d;
    rm_graph *g;
    pb_model *models; /* parallel to g->models */
    uint32_t *decl;   /* declaration order -> graph model index */
    size_t ndecl;
    const char **types; /* composite type names */
    size_t ntypes;
    pb_relfield *relfields; /* in declaration order */
    size_t nrelfields, caprelfields;
    rm_relation *rels;
    size_t nrels, caprels;
    uint32_t max_ident;                /* identifier length limit of the provider */
    const rm_prisma_field ***astfield; /* per model, per field: its AST node */
    size_t *index_cap;                 /* per model: capacity of indexes[] */
    rm_index *ixbuf;                   /* scratch list reused by every model's indexes */
    size_t ixcap;
    size_t types_cap, npreview_cap;
} pb;

/* Parse the @relation attribute of every relation field (reports argument errors, such as an
 * unknown referential action). Runs after models, fields and keys exist. */
void rm_pb_relations_collect(pb *b);
/* Pair relation fields, build rm_relation edges and check every relation rule (prisma.md
 * section 2). Runs after rm_pb_relations_collect. */
void rm_pb_relations(pb *b);

/* Field location helpers (whole declaration, as Prisma's spans). */
static inline rm_loc pb_field_loc(const pb *b, uint32_t model, uint32_t field)
{
    return b->g->models[model].fields[field].loc;
}

#endif
