/*
 * Entity-relationship diagrams of a relation graph: Mermaid `erDiagram` text (graph_mermaid.c)
 * and Graphviz DOT (graph_dot.c). Both are pure functions of the graph: the output depends only
 * on the graph's (already sorted) arrays, so it can be kept as a golden file and diffed. Every
 * name is quoted or escaped for the target language, whatever characters it holds.
 *
 * Not for the JSON form (graph_json.h), for Prisma/Cerial printing, or for layout: rendering the
 * text into a picture is left to Mermaid and Graphviz.
 *
 * What the diagrams show: each model as an entity with its column fields (relation fields have
 * no column and appear as edges instead), PK/FK/UK markers, and one edge per relation with
 * crow's-foot cardinality at both ends. The referenced ("one") end is "exactly one" when the
 * foreign key is required and "zero or one" when it is optional; the foreign-key end is "zero or
 * many" for one-to-many and "zero or one" for one-to-one ("exactly one" only when the opposite
 * relation field is declared required, which Cerial allows). Implicit many-to-many relations are
 * "zero or many" at both ends. Edges are labelled with the relation name when the user wrote one,
 * otherwise with the foreign-key side's relation field (the model A side for many-to-many).
 */
#ifndef RELMIG_MODEL_GRAPH_PRINT_H
#define RELMIG_MODEL_GRAPH_PRINT_H

#include "model/graph.h"
#include "util/sb.h"

/* Append a Mermaid `erDiagram` for g to out, ending with a newline. The caller owns out; check
 * rm_sb_error(out) once afterwards. Entity names are always double-quoted (bare words collide
 * with Mermaid keywords such as `class` or `end`); attribute names and types that are not plain
 * words are written in backquotes. */
void rm_graph_print_mermaid(rm_sb *out, const rm_graph *g);

/* Append a Graphviz `digraph` for g to out: one HTML-like table node per model (columns with
 * PK/FK/UK markers, a port per column) and per enum, and one edge per relation with crow's-foot
 * arrowheads (`crowodot`, `teeodot`, `teetee`). Single-column foreign keys join the two column
 * ports; composite ones join the tables and list the column pairs in the label. The caller owns
 * out; check rm_sb_error(out) once afterwards. */
void rm_graph_print_dot(rm_sb *out, const rm_graph *g);

/*
 * Shared by the two printers so that both draw the same facts; not an API for other modules.
 * Defined in graph_mermaid.c.
 */

/* How many records of a model one record on the other side of a relation can have. */
typedef enum rm_er_card {
    RM_ER_ONE,          /* exactly one */
    RM_ER_ZERO_OR_ONE,
    RM_ER_MANY          /* zero or many */
} rm_er_card;

/* Key markers of one column field. */
typedef struct rm_er_keys {
    bool pk;            /* part of the primary key */
    bool fk;            /* part of a foreign key held by this model */
    bool uk;            /* part of a unique constraint */
} rm_er_keys;

/* Whether every index r holds is inside g (a best-effort graph built from an invalid schema
 * may hold dangling ones); printers skip relations that fail this. */
bool rm_er_relation_ok(const rm_graph *g, const rm_relation *r);
/* The markers of field fi of model mi. */
rm_er_keys rm_er_field_keys(const rm_graph *g, uint32_t mi, uint32_t fi);
/* The cardinality at r's `from` end and at its `to` end (see the top of this file). */
void rm_er_relation_cards(rm_er_card *from_end, rm_er_card *to_end, const rm_graph *g,
                          const rm_relation *r);
/* The edge label: borrowed from g, never NULL. */
const char *rm_er_relation_label(const rm_graph *g, const rm_relation *r);

#endif
