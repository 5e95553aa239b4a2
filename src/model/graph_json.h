/*
 * The graph as JSON (format documented in docs/graph-json.md, version 1): stable key order,
 * arrays in the graph's sorted order, two-space indentation, one trailing newline, so the output
 * can be diffed and kept as a golden file. Not for reading JSON back.
 */
#ifndef RELMIG_MODEL_GRAPH_JSON_H
#define RELMIG_MODEL_GRAPH_JSON_H

#include "model/graph.h"
#include "util/sb.h"

#define RM_GRAPH_JSON_VERSION 1

/* Append the JSON document for g to out (check rm_sb_error(out) once afterwards). */
void rm_graph_render_json(rm_sb *out, const rm_graph *g);

#endif
