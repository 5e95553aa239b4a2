/*
 * Golden tests for the diagram printers (model/graph_print.h): Mermaid erDiagram and Graphviz
 * DOT for small graphs taken from the seed examples (one-to-one, one-to-many, many-to-many,
 * composite keys, self relations, disambiguated relations) plus names that need quoting.
 *
 * The graphs are written here as readable tables and turned into rm_graph structs by a small
 * builder, so these tests depend only on the printers, not on the schema parsers. Tables are
 * written in the graph's sorted order (models and enums by name, relations by name), which the
 * builder checks. Expected output lives in tests/golden/diagram/<case>.mmd and .dot, reviewed by
 * hand; RELMIG_UPDATE_GOLDEN=1 rewrites them. When Graphviz `dot` is installed, one row per
 * golden .dot file renders it to SVG and requires exit 0 and no warning.
 *
 * With RELMIG_MERMAID set to an installed `mermaid` npm package folder (and `node` on PATH), one
 * row per golden .mmd file also parses it with Mermaid's own parser; otherwise those rows skip.
 *
 * A second set of rows loads the graph engineer's inputs, tests/golden/graph/<name>.prisma, through
 * the real schema builder (rm_schema_build) and prints them; expected output is
 * tests/golden/diagram/prisma_<name>.mmd / .dot.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "model/graph_print.h"
#include "model/schema.h"
#include "testutil.h"
#include "util/arena.h"
#include "util/diag_render.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define GOLDEN_DIR RELMIG_SOURCE_DIR "/tests/golden/diagram"
#define GRAPH_INPUT_DIR RELMIG_SOURCE_DIR "/tests/golden/graph"
#define MAX_INPUTS 64
#define MAXF 10
#define MAXM 5 /* models per case */
#define MAXR 5

/* ---- the table form of a graph ---- */

enum {
    PK = 1 << 0,   /* member of the primary key (declaration order), unless tmodel.id is set */
    UK = 1 << 1,   /* @unique on the field */
    OPT = 1 << 2,  /* T? */
    LIST = 1 << 3, /* T[] */
    REL = 1 << 4,  /* relation field: type is a model name */
    UNSUP = 1 << 5 /* Unsupported("type") */
};

typedef struct tfield {
    const char *name;
    const char *type;
    unsigned flags;
    const char *map; /* @map, or NULL */
} tfield;

typedef struct tmodel {
    const char *name;
    tfield fields[MAXF];
    const char *id;         /* @@id([a, b]) as "a,b", or NULL */
    const char *unique;     /* @@unique([a, b]) as "a,b", or NULL */
    const char *map;        /* @@map, or NULL */
    const char *schema;     /* @@schema, or NULL */
    bool view;
} tmodel;

typedef struct trel {
    const char *name;
    bool named;             /* the user wrote the name */
    rm_cardinality card;
    const char *from;       /* "Model.field" (FK side, or model A for m:n) or "Model" */
    const char *to;
    const char *fk;         /* "a,b" in from's model; NULL for m:n */
    const char *refs;       /* "x,y" in to's model */
    const char *join_table; /* m:n only */
} trel;

typedef struct tenum {
    const char *name;
    const char *values[6];
} tenum;

typedef struct tcase {
    const char *name;
    tmodel models[MAXM];
    trel rels[MAXR];
    tenum enums[2];
} tcase;

/* ---- the cases ---- */

/* The tables below leave trailing members out (no @map, no @@id, ...): that is what keeps them
 * readable, and C zero-fills them, so the -Wextra warning about it is switched off here. */
#if defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#endif

static const tcase cases[] = {
    /* prisma.md one-to-one: the FK side is required and @unique; User.profile is optional. */
    {"one_to_one",
     {{"Profile", {{"id", "Int", PK}, {"user", "User", REL}, {"userId", "Int", UK}}},
      {"User", {{"id", "Int", PK}, {"profile", "Profile", REL | OPT}}}},
     {{"ProfileToUser", false, RM_CARD_ONE_TO_ONE, "Profile.user", "User.profile", "userId",
       "id"}}},
    /* Optional 1-1 with the FK on User (seed: "Optional 1-1 relation"). */
    {"one_to_one_optional",
     {{"Profile", {{"id", "Int", PK}, {"user", "User", REL | OPT}}},
      {"User",
       {{"id", "Int", PK},
        {"profile", "Profile", REL | OPT},
        {"profileId", "Int", UK | OPT}}}},
     {{"ProfileToUser", false, RM_CARD_ONE_TO_ONE, "User.profile", "Profile.user", "profileId",
       "id"}}},
    /* Cerial's required one-to-one: both relation fields are required. */
    {"cerial_one_to_one_required",
     {{"Profile",
       {{"id", "Record", PK},
        {"bio", "String", OPT},
        {"userId", "Record", UK},
        {"user", "User", REL}}},
      {"User", {{"id", "Record", PK}, {"name", "String"}, {"profile", "Profile", REL}}}},
     {{"ProfileToUser", false, RM_CARD_ONE_TO_ONE, "Profile.user", "User.profile", "userId",
       "id"}}},
    {"one_to_many",
     {{"Post",
       {{"id", "Int", PK},
        {"title", "String"},
        {"author", "User", REL},
        {"authorId", "Int"}}},
      {"User",
       {{"id", "Int", PK},
        {"email", "String", UK},
        {"name", "String", OPT},
        {"posts", "Post", REL | LIST}}}},
     {{"PostToUser", false, RM_CARD_ONE_TO_MANY, "Post.author", "User.posts", "authorId",
       "id"}}},
    {"one_to_many_optional",
     {{"Post",
       {{"id", "Record", PK},
        {"title", "String"},
        {"authorId", "Record", OPT},
        {"author", "User", REL | OPT}}},
      {"User", {{"id", "Record", PK}, {"name", "String"}, {"posts", "Post", REL | LIST}}}},
     {{"PostToUser", false, RM_CARD_ONE_TO_MANY, "Post.author", "User.posts", "authorId",
       "id"}}},
    /* Implicit m:n: no FK in either model; join table _CategoryToPost, A = Category. */
    {"many_to_many",
     {{"Category", {{"id", "Int", PK}, {"name", "String"}, {"posts", "Post", REL | LIST}}},
      {"Post", {{"id", "Int", PK}, {"title", "String"}, {"categories", "Category", REL | LIST}}}},
     {{"CategoryToPost", false, RM_CARD_MANY_TO_MANY_IMPLICIT, "Category.posts",
       "Post.categories", NULL, NULL, "_CategoryToPost"}}},
    /* prisma.md multi-field one-to-one: @@id([firstName, lastName]) and a composite FK. */
    {"composite_keys",
     {{"Profile",
       {{"id", "Int", PK},
        {"user", "User", REL},
        {"userFirstName", "String"},
        {"userLastName", "String"}},
       .unique = "userFirstName,userLastName"},
      {"User",
       {{"firstName", "String"}, {"lastName", "String"}, {"profile", "Profile", REL | OPT}},
       .id = "firstName,lastName"}},
     {{"ProfileToUser", false, RM_CARD_ONE_TO_ONE, "Profile.user", "User.profile",
       "userFirstName,userLastName", "firstName,lastName"}}},
    /* Self relations: 1:n (manager), 1:1 (mentor) and m:n (friends) on one model. */
    {"self_relations",
     {{"Employee",
       {{"id", "Int", PK},
        {"managerId", "Int", OPT},
        {"manager", "Employee", REL | OPT},
        {"reports", "Employee", REL | LIST},
        {"mentorId", "Int", UK | OPT},
        {"mentor", "Employee", REL | OPT},
        {"mentee", "Employee", REL | OPT},
        {"friends", "Employee", REL | LIST},
        {"friendOf", "Employee", REL | LIST}}}},
     {{"Friends", true, RM_CARD_MANY_TO_MANY_IMPLICIT, "Employee.friendOf", "Employee.friends",
       NULL, NULL, "_Friends"},
      {"Management", true, RM_CARD_ONE_TO_MANY, "Employee.manager", "Employee.reports",
       "managerId", "id"},
      {"Mentoring", true, RM_CARD_ONE_TO_ONE, "Employee.mentor", "Employee.mentee", "mentorId",
       "id"}}},
    /* The seed's "every type of relation" schema, with an enum. */
    {"all_relation_types",
     {{"Category", {{"id", "Int", PK}, {"posts", "Post", REL | LIST}}},
      {"Post",
       {{"id", "Int", PK},
        {"author", "User", REL},
        {"authorId", "Int"},
        {"categories", "Category", REL | LIST}}},
      {"Profile", {{"id", "Int", PK}, {"user", "User", REL}, {"userId", "Int", UK}}},
      {"User",
       {{"id", "Int", PK},
        {"role", "Role"},
        {"posts", "Post", REL | LIST},
        {"profile", "Profile", REL | OPT}}}},
     {{"CategoryToPost", false, RM_CARD_MANY_TO_MANY_IMPLICIT, "Category.posts",
       "Post.categories", NULL, NULL, "_CategoryToPost"},
      {"PostToUser", false, RM_CARD_ONE_TO_MANY, "Post.author", "User.posts", "authorId", "id"},
      {"ProfileToUser", false, RM_CARD_ONE_TO_ONE, "Profile.user", "User.profile", "userId",
       "id"}},
     {{"Role", {"USER", "ADMIN"}}}},
    /* Two relations between the same models, told apart by name (seed: disambiguating). */
    {"named_relations",
     {{"Post",
       {{"id", "Int", PK},
        {"title", "String", OPT},
        {"author", "User", REL},
        {"authorId", "Int"},
        {"pinnedBy", "User", REL | OPT},
        {"pinnedById", "Int", UK | OPT}}},
      {"User",
       {{"id", "Int", PK},
        {"name", "String", OPT},
        {"writtenPosts", "Post", REL | LIST},
        {"pinnedPost", "Post", REL | OPT}}}},
     {{"PinnedPost", true, RM_CARD_ONE_TO_ONE, "Post.pinnedBy", "User.pinnedPost", "pinnedById",
       "id"},
      {"WrittenPosts", true, RM_CARD_ONE_TO_MANY, "Post.author", "User.writtenPosts",
       "authorId", "id"}}},
    /* Names that need quoting: Mermaid keywords, key markers, HTML and DOT metacharacters,
     * an Unsupported type with a space, mapped names, a schema, a view, a list column, a model
     * without columns. */
    {"odd_names",
     {{"Class",
       {{"pk", "Int", PK},
        {"end", "String", 0, "e&d<1>"},
        {"tags", "String", LIST},
        {"area", "double precision", UNSUP | OPT},
        {"order", "Order", REL | LIST}},
       .map = "class \"rooms\"",
       .schema = "school"},
      {"Empty", {{NULL}}}, /* no columns at all (a best-effort graph can hold one) */
      {"Order", {{"uk", "Int", PK}, {"class", "Class", REL}, {"classPk", "Int"}}},
      {"Report", {{"id", "Int", PK}, {"note", "String"}}, .view = true}},
     {{"a\"b\\c<d>&e", true, RM_CARD_ONE_TO_MANY, "Order.class", "Class.order", "classPk",
       "pk"}}},
};

/* ---- building an rm_graph from a tcase ---- */

static size_t count_fields(const tmodel *m)
{
    size_t n = 0;
    while (n < MAXF && m->fields[n].name)
        n++;
    return n;
}

static uint32_t find_model(const rm_graph *g, const char *name, size_t len)
{
    for (uint32_t i = 0; i < g->nmodels; i++)
        if (strlen(g->models[i].name) == len && strncmp(g->models[i].name, name, len) == 0)
            return i;
    fail_msg("unknown model %.*s", (int)len, name);
    return RM_NONE;
}

static uint32_t find_field(const rm_model *m, const char *name, size_t len)
{
    for (uint32_t i = 0; i < m->nfields; i++)
        if (strlen(m->fields[i].name) == len && strncmp(m->fields[i].name, name, len) == 0)
            return i;
    fail_msg("unknown field %s.%.*s", m->name, (int)len, name);
    return RM_NONE;
}

/* "a,b" -> field indexes of m (arena array); *n receives the count. */
static uint32_t *field_list(rm_arena *a, const rm_model *m, const char *list, size_t *n)
{
    *n = 0;
    if (!list)
        return NULL;
    uint32_t *out = RM_NEW_ARRAY(a, uint32_t, MAXF);
    for (const char *p = list; *p;) {
        size_t len = strcspn(p, ",");
        assert_true(*n < MAXF);
        out[(*n)++] = find_field(m, p, len);
        p += len + (p[len] == ',');
    }
    return out;
}

static rm_index *index_of(rm_arena *a, rm_index_kind kind, const uint32_t *fields, size_t n,
                          bool field_level)
{
    rm_index *ix = RM_NEW(a, rm_index);
    ix->kind = kind;
    ix->field_level = field_level;
    ix->fields = RM_NEW_ARRAY(a, rm_index_field, n);
    ix->nfields = n;
    for (size_t i = 0; i < n; i++)
        ix->fields[i].field = fields[i];
    return ix;
}

static rm_scalar scalar_of(const char *type, const tcase *c)
{
    static const struct {
        const char *name;
        rm_scalar s;
    } names[] = {{"String", RM_SCALAR_STRING},   {"Int", RM_SCALAR_INT},
                 {"BigInt", RM_SCALAR_BIGINT},   {"Float", RM_SCALAR_FLOAT},
                 {"Decimal", RM_SCALAR_DECIMAL}, {"Boolean", RM_SCALAR_BOOLEAN},
                 {"DateTime", RM_SCALAR_DATETIME}, {"Json", RM_SCALAR_JSON},
                 {"Bytes", RM_SCALAR_BYTES},     {"Record", RM_SCALAR_STRING}};
    for (size_t i = 0; i < RM_ARRAY_LEN(names); i++)
        if (strcmp(names[i].name, type) == 0)
            return names[i].s;
    for (size_t i = 0; i < RM_ARRAY_LEN(c->enums) && c->enums[i].name; i++)
        if (strcmp(c->enums[i].name, type) == 0)
            return RM_SCALAR_ENUM;
    fail_msg("unknown type %s", type);
    return RM_SCALAR_NONE;
}

static void split_end(const char *s, size_t *model_len, const char **field)
{
    const char *dot = strchr(s, '.');
    *model_len = dot ? (size_t)(dot - s) : strlen(s);
    *field = dot ? dot + 1 : NULL;
}

static rm_graph *build(rm_arena *a, const tcase *c)
{
    rm_graph *g = RM_NEW(a, rm_graph);
    while (g->nmodels < MAXM && c->models[g->nmodels].name)
        g->nmodels++;
    g->models = RM_NEW_ARRAY(a, rm_model, g->nmodels);
    for (size_t i = 0; i < g->nmodels; i++) {
        const tmodel *tm = &c->models[i];
        if (i > 0)
            assert_true(strcmp(c->models[i - 1].name, tm->name) < 0); /* sorted, as graphs are */
        rm_model *m = &g->models[i];
        m->name = tm->name;
        m->db_name = tm->map ? tm->map : tm->name;
        m->mapped = tm->map != NULL;
        m->schema = tm->schema;
        m->is_view = tm->view;
        m->nfields = count_fields(tm);
        m->fields = RM_NEW_ARRAY(a, rm_field, m->nfields);
        m->indexes = RM_NEW_ARRAY(a, rm_index, MAXF + 1);
        uint32_t pk[MAXF];
        size_t npk = 0;
        for (uint32_t k = 0; k < m->nfields; k++) {
            const tfield *tf = &tm->fields[k];
            rm_field *f = &m->fields[k];
            f->name = tf->name;
            f->db_name = tf->map ? tf->map : tf->name;
            f->mapped = tf->map != NULL;
            f->type_name = tf->type;
            f->optional = (tf->flags & OPT) != 0;
            f->list = (tf->flags & LIST) != 0;
            f->type_ref = RM_NONE;
            f->relation = RM_NONE;
            if (tf->flags & REL) {
                f->kind = RM_FIELD_RELATION;
                f->scalar = RM_SCALAR_NONE;
            } else {
                f->kind = RM_FIELD_SCALAR;
                f->scalar = (tf->flags & UNSUP) ? RM_SCALAR_UNSUPPORTED : scalar_of(tf->type, c);
            }
            if (tf->flags & PK)
                pk[npk++] = k;
            if (tf->flags & UK)
                m->indexes[m->nindexes++] = *index_of(a, RM_INDEX_UNIQUE, &k, 1, true);
        }
        if (tm->id) {
            size_t n;
            uint32_t *fields = field_list(a, m, tm->id, &n);
            m->primary_key = index_of(a, RM_INDEX_PRIMARY, fields, n, false);
        } else if (npk) {
            m->primary_key = index_of(a, RM_INDEX_PRIMARY, pk, npk, true);
        }
        if (tm->unique) {
            size_t n;
            uint32_t *fields = field_list(a, m, tm->unique, &n);
            m->indexes[m->nindexes++] = *index_of(a, RM_INDEX_UNIQUE, fields, n, false);
        }
    }
    while (g->nenums < RM_ARRAY_LEN(c->enums) && c->enums[g->nenums].name)
        g->nenums++;
    g->enums = RM_NEW_ARRAY(a, rm_enum, g->nenums);
    for (size_t i = 0; i < g->nenums; i++) {
        rm_enum *e = &g->enums[i];
        e->name = e->db_name = c->enums[i].name;
        while (e->nvalues < RM_ARRAY_LEN(c->enums[i].values) && c->enums[i].values[e->nvalues])
            e->nvalues++;
        e->values = RM_NEW_ARRAY(a, rm_enum_value, e->nvalues);
        for (size_t k = 0; k < e->nvalues; k++)
            e->values[k].name = e->values[k].db_name = c->enums[i].values[k];
    }
    while (g->nrelations < MAXR && c->rels[g->nrelations].name)
        g->nrelations++;
    g->relations = RM_NEW_ARRAY(a, rm_relation, g->nrelations);
    for (uint32_t i = 0; i < g->nrelations; i++) {
        const trel *tr = &c->rels[i];
        if (i > 0)
            assert_true(strcmp(c->rels[i - 1].name, tr->name) < 0);
        rm_relation *r = &g->relations[i];
        r->name = tr->name;
        r->named = tr->named;
        r->card = tr->card;
        r->join_table = tr->join_table;
        const char *ends[2] = {tr->from, tr->to};
        rm_relation_end *rend[2] = {&r->from, &r->to};
        for (size_t e = 0; e < 2; e++) {
            size_t mlen;
            const char *field;
            split_end(ends[e], &mlen, &field);
            rend[e]->model = find_model(g, ends[e], mlen);
            rend[e]->field = RM_NONE;
            if (field) {
                rm_model *m = &g->models[rend[e]->model];
                rend[e]->field = find_field(m, field, strlen(field));
                m->fields[rend[e]->field].relation = i;
                m->fields[rend[e]->field].type_ref = rend[1 - e]->model;
            }
        }
        r->self = r->from.model == r->to.model;
        size_t nref;
        r->fk_fields = field_list(a, &g->models[r->from.model], tr->fk, &r->nfk);
        r->ref_fields = field_list(a, &g->models[r->to.model], tr->refs, &nref);
        assert_int_equal(r->nfk, nref);
        r->fk_optional = r->nfk > 0;
        for (size_t k = 0; k < r->nfk; k++)
            if (!g->models[r->from.model].fields[r->fk_fields[k]].optional)
                r->fk_optional = false;
        if (r->card != RM_CARD_MANY_TO_MANY_IMPLICIT) {
            r->on_delete = r->fk_optional ? RM_ACTION_SET_NULL : RM_ACTION_RESTRICT;
            r->on_update = RM_ACTION_CASCADE;
        }
    }
    return g;
}

/* ---- golden rows ---- */

typedef enum fmt { FMT_MERMAID, FMT_DOT } fmt;

typedef struct row {
    char name[128];
    const tcase *c;     /* a table case, or NULL for a .prisma input */
    char input[64];     /* the input's base name (no extension) when c is NULL */
    fmt f;
} row;

static void golden_path(char *buf, size_t n, const row *r, fmt f)
{
    const char *ext = f == FMT_MERMAID ? "mmd" : "dot";
    if (r->c)
        snprintf(buf, n, "%s/%s.%s", GOLDEN_DIR, r->c->name, ext);
    else
        snprintf(buf, n, "%s/prisma_%s.%s", GOLDEN_DIR, r->input, ext);
}

static void render(rm_sb *out, const rm_graph *g, fmt f)
{
    if (f == FMT_MERMAID)
        rm_graph_print_mermaid(out, g);
    else
        rm_graph_print_dot(out, g);
}

static void run_golden(void **state)
{
    const row *r = *state;
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_graph *g = build(&a, r->c);
    rm_sb out = RM_SB_INIT;
    render(&out, g, r->f);
    assert_int_equal(rm_sb_error(&out), RM_OK);
    /* The same graph printed twice gives the same bytes. */
    rm_sb again = RM_SB_INIT;
    render(&again, g, r->f);
    assert_string_equal(rm_sb_str(&out), rm_sb_str(&again));
    char path[512];
    golden_path(path, sizeof path, r, r->f);
    assert_true(rm_test_golden(path, rm_sb_str(&out)));
    rm_sb_free(&again);
    rm_sb_free(&out);
    rm_arena_free(&a);
}

/* Load tests/golden/graph/<input>.prisma through the schema builder and print it. */
static void run_prisma_golden(void **state)
{
    const row *r = *state;
    char path[512];
    snprintf(path, sizeof path, "%s/%s.prisma", GRAPH_INPUT_DIR, r->input);
    size_t len;
    char *text = rm_test_read_file(path, &len);
    assert_non_null(text);
    rm_sources srcs;
    rm_sources_init(&srcs);
    assert_non_null(rm_sources_add(&srcs, path, text, len));
    rm_diags d;
    rm_diags_init(&d);
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_graph *g = NULL;
    int rc = rm_schema_build(&g, &srcs, &a, &d);
    if (rc != RM_OK) {
        rm_sb msg = RM_SB_INIT;
        rm_diags_render_text(&msg, &srcs, &d, false);
        fprintf(stderr, "%s does not build:\n%s", path, rm_sb_str(&msg));
        rm_sb_free(&msg);
    }
    assert_int_equal(rc, RM_OK);
    rm_sb out = RM_SB_INIT;
    render(&out, g, r->f);
    assert_int_equal(rm_sb_error(&out), RM_OK);
    golden_path(path, sizeof path, r, r->f);
    assert_true(rm_test_golden(path, rm_sb_str(&out)));
    rm_sb_free(&out);
    rm_arena_free(&a);
    rm_diags_free(&d);
    rm_sources_free(&srcs);
    free(text);
}

static int cmp_names(const void *x, const void *y)
{
    return strcmp(x, y);
}

/* Base names of tests/golden/graph/<name>.prisma, sorted. */
static size_t list_inputs(char names[][64], size_t cap)
{
    size_t n = 0;
    DIR *dir = opendir(GRAPH_INPUT_DIR);
    if (!dir)
        return 0;
    struct dirent *e;
    while ((e = readdir(dir)) != NULL && n < cap) {
        size_t len = strlen(e->d_name);
        if (len > 7 && len - 7 < 64 && strcmp(e->d_name + len - 7, ".prisma") == 0) {
            memcpy(names[n], e->d_name, len - 7);
            names[n][len - 7] = '\0';
            n++;
        }
    }
    closedir(dir);
    qsort(names, n, sizeof names[0], cmp_names);
    return n;
}

/* Render a golden .dot with Graphviz; any warning (bad arrow name, bad HTML label) fails. */
static void run_dot_svg(void **state)
{
    const row *r = *state;
    if (access("/usr/bin/dot", X_OK) != 0 && system("command -v dot >/dev/null 2>&1") != 0) {
        print_message("skipped: Graphviz `dot` is not installed (apt-get install graphviz)\n");
        skip();
    }
    char path[512];
    golden_path(path, sizeof path, r, FMT_DOT);
    const char *argv[] = {"/bin/sh", "-c", "exec dot -Tsvg \"$0\"", path, NULL};
    rm_test_proc p;
    assert_int_equal(rm_test_run(&p, argv, NULL), 0);
    if (p.status != 0 || p.err[0])
        fprintf(stderr, "dot -Tsvg %s: exit %d\n%s", path, p.status, p.err);
    assert_int_equal(p.status, 0);
    assert_string_equal(p.err, "");
    assert_non_null(strstr(p.out, "<svg"));
    rm_test_proc_free(&p);
}

/* Parse a golden .mmd with Mermaid itself (node + the mermaid package named by RELMIG_MERMAID).
 * Checked with mermaid 12.3.0: its erDiagram lexer is what the quoting rules are written for. */
static void run_mermaid_parse(void **state)
{
    const row *r = *state;
    const char *pkg = getenv("RELMIG_MERMAID");
    if (!pkg || !*pkg) {
        print_message("skipped: set RELMIG_MERMAID to a mermaid npm package folder to run\n");
        skip();
    }
    char path[512];
    golden_path(path, sizeof path, r, FMT_MERMAID);
    static const char js[] =
        "import fs from 'node:fs';"
        "const m = (await import(process.env.RELMIG_MERMAID + '/dist/mermaid.core.mjs')).default;"
        "await m.parse(fs.readFileSync(process.argv[1], 'utf8'));";
    const char *argv[] = {"/bin/sh", "-c", "exec node --input-type=module -e \"$0\" \"$1\"", js,
                          path, NULL};
    rm_test_proc p;
    assert_int_equal(rm_test_run(&p, argv, NULL), 0);
    if (p.status != 0)
        fprintf(stderr, "mermaid.parse(%s): exit %d\n%.600s", path, p.status, p.err);
    assert_int_equal(p.status, 0);
    rm_test_proc_free(&p);
}

/* ---- direct checks, independent of the golden files ---- */

static const tcase *case_named(const char *name)
{
    for (size_t i = 0; i < RM_ARRAY_LEN(cases); i++)
        if (strcmp(cases[i].name, name) == 0)
            return &cases[i];
    fail_msg("no case %s", name);
    return NULL;
}

static char *print_case(const char *name, fmt f)
{
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_graph *g = build(&a, case_named(name));
    rm_sb out = RM_SB_INIT;
    render(&out, g, f);
    char *s = rm_sb_detach(&out);
    rm_arena_free(&a);
    return s;
}

/* The cardinality markers the assignment names, one per relation kind. */
static void mermaid_cardinalities(void **state)
{
    (void)state;
    static const struct {
        const char *c, *line;
    } want[] = {
        {"one_to_one", "    \"User\" ||--o| \"Profile\" : \"user\"\n"},
        {"one_to_one_optional", "    \"Profile\" |o--o| \"User\" : \"profile\"\n"},
        {"cerial_one_to_one_required", "    \"User\" ||--|| \"Profile\" : \"user\"\n"},
        {"one_to_many", "    \"User\" ||--o{ \"Post\" : \"author\"\n"},
        {"one_to_many_optional", "    \"User\" |o--o{ \"Post\" : \"author\"\n"},
        {"many_to_many", "    \"Category\" }o--o{ \"Post\" : \"posts\"\n"},
        {"named_relations", "    \"User\" |o--o| \"Post\" : \"PinnedPost\"\n"},
    };
    for (size_t i = 0; i < RM_ARRAY_LEN(want); i++) {
        char *s = print_case(want[i].c, FMT_MERMAID);
        if (!strstr(s, want[i].line))
            fprintf(stderr, "%s: missing line %s in:\n%s", want[i].c, want[i].line, s);
        assert_non_null(strstr(s, want[i].line));
        free(s);
    }
}

static void mermaid_quoting(void **state)
{
    (void)state;
    char *s = print_case("odd_names", FMT_MERMAID);
    assert_non_null(strstr(s, "    \"Class\" {\n"));       /* keyword: always quoted */
    assert_non_null(strstr(s, "        Int `pk` PK\n"));   /* a key marker as a name */
    assert_non_null(strstr(s, "        Int `uk` PK\n"));
    assert_non_null(strstr(s, "        String end\n"));
    assert_non_null(strstr(s, "        String[] tags\n"));
    assert_non_null(strstr(s, "`double precision` area \"nullable\""));
    assert_non_null(strstr(s, ": \"a'b\\c<d>&e\"\n")); /* label: `"` cannot be escaped */
    free(s);
}

static void dot_escaping(void **state)
{
    (void)state;
    char *s = print_case("odd_names", FMT_DOT);
    assert_non_null(strstr(s, "school.class &quot;rooms&quot;"));
    assert_non_null(strstr(s, "(e&amp;d&lt;1&gt;)"));
    assert_non_null(strstr(s, "label=\"a\\\"b\\\\c<d>&e\""));
    assert_non_null(strstr(s, "double precision?"));
    assert_null(strstr(s, "e&d")); /* never raw inside the HTML label */
    free(s);
    s = print_case("composite_keys", FMT_DOT);
    assert_non_null(strstr(s, "    \"Profile\" -> \"User\" [arrowtail=teeodot, arrowhead=teetee, "
                              "label=\"user\\n(userFirstName, userLastName) -> (firstName, "
                              "lastName)\"];\n"));
    free(s);
    s = print_case("one_to_many_optional", FMT_DOT);
    assert_non_null(strstr(s, "    \"Post\":\"f2\" -> \"User\":\"f0\" [arrowtail=crowodot, "
                              "arrowhead=teeodot, label=\"author\"];\n"));
    free(s);
}

/* A best-effort graph from an invalid schema may hold dangling indexes: skip, never crash. */
static void dangling_relation_is_skipped(void **state)
{
    (void)state;
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_graph *g = build(&a, case_named("one_to_many"));
    g->relations[0].to.model = 7;
    for (int f = FMT_MERMAID; f <= FMT_DOT; f++) {
        rm_sb out = RM_SB_INIT;
        render(&out, g, (fmt)f);
        assert_int_equal(rm_sb_error(&out), RM_OK);
        assert_null(strstr(rm_sb_str(&out), f == FMT_MERMAID ? "--" : "->"));
        rm_sb_free(&out);
    }
    g->relations[0].to.model = 1;
    g->relations[0].fk_fields[0] = 99;
    rm_sb out = RM_SB_INIT;
    rm_graph_print_dot(&out, g);
    assert_null(strstr(rm_sb_str(&out), "->"));
    rm_sb_free(&out);
    rm_arena_free(&a);
}

/* Guards the prisma/ rows against vanishing silently if the input folder moves. */
static void inputs_found(void **state)
{
    size_t n = (size_t)(uintptr_t)*state;
    if (n == 0)
        fprintf(stderr, "no *.prisma inputs in %s\n", GRAPH_INPUT_DIR);
    assert_true(n > 0);
}

static void empty_graph(void **state)
{
    (void)state;
    rm_graph g;
    memset(&g, 0, sizeof g);
    rm_sb out = RM_SB_INIT;
    rm_graph_print_mermaid(&out, &g);
    assert_string_equal(rm_sb_str(&out), "erDiagram\n");
    rm_sb_reset(&out);
    rm_graph_print_dot(&out, &g);
    assert_non_null(strstr(rm_sb_str(&out), "digraph relmig {\n"));
    assert_int_equal(out.buf[out.len - 2], '}');
    rm_sb_free(&out);
}

int main(void)
{
    enum { NC = RM_ARRAY_LEN(cases) };
    static char inputs[MAX_INPUTS][64];
    size_t ni = list_inputs(inputs, MAX_INPUTS);
    static row rows[(NC + MAX_INPUTS) * 4];
    static struct CMUnitTest tests[(NC + MAX_INPUTS) * 4 + 8];
    size_t n = 0, nrows = 0;
    /* Golden rows: the table cases, then the .prisma inputs; each in both formats. */
    for (size_t i = 0; i < NC + ni; i++) {
        for (int f = FMT_MERMAID; f <= FMT_DOT; f++) {
            row *r = &rows[nrows++];
            const char *fname = f == FMT_MERMAID ? "mermaid" : "dot";
            r->f = (fmt)f;
            if (i < NC) {
                r->c = &cases[i];
                snprintf(r->name, sizeof r->name, "%s/%s", fname, cases[i].name);
            } else {
                memcpy(r->input, inputs[i - NC], sizeof r->input);
                snprintf(r->name, sizeof r->name, "%s/prisma/%s", fname, inputs[i - NC]);
            }
            tests[n++] = (struct CMUnitTest){.name = r->name,
                                             .test_func = r->c ? run_golden : run_prisma_golden,
                                             .initial_state = r};
        }
    }
    /* Graphviz accepts every golden .dot (they were all written by the rows above). */
    for (size_t i = 0; i < NC + ni; i++) {
        row *r = &rows[nrows++];
        r->f = FMT_DOT;
        if (i < NC) {
            r->c = &cases[i];
            snprintf(r->name, sizeof r->name, "dot_svg/%s", cases[i].name);
        } else {
            memcpy(r->input, inputs[i - NC], sizeof r->input);
            snprintf(r->name, sizeof r->name, "dot_svg/prisma/%s", inputs[i - NC]);
        }
        tests[n++] = (struct CMUnitTest){
            .name = r->name, .test_func = run_dot_svg, .initial_state = r};
    }
    for (size_t i = 0; i < NC + ni; i++) {
        row *r = &rows[nrows++];
        r->f = FMT_MERMAID;
        if (i < NC) {
            r->c = &cases[i];
            snprintf(r->name, sizeof r->name, "mermaid_parse/%s", cases[i].name);
        } else {
            memcpy(r->input, inputs[i - NC], sizeof r->input);
            snprintf(r->name, sizeof r->name, "mermaid_parse/prisma/%s", inputs[i - NC]);
        }
        tests[n++] = (struct CMUnitTest){
            .name = r->name, .test_func = run_mermaid_parse, .initial_state = r};
    }
    tests[n++] = (struct CMUnitTest){.name = "prisma_inputs_found", .test_func = inputs_found,
                                     .initial_state = (void *)(uintptr_t)ni};
    tests[n++] = (struct CMUnitTest){.name = "mermaid_cardinalities",
                                     .test_func = mermaid_cardinalities};
    tests[n++] = (struct CMUnitTest){.name = "mermaid_quoting", .test_func = mermaid_quoting};
    tests[n++] = (struct CMUnitTest){.name = "dot_escaping", .test_func = dot_escaping};
    tests[n++] = (struct CMUnitTest){.name = "dangling_relation_is_skipped",
                                     .test_func = dangling_relation_is_skipped};
    tests[n++] = (struct CMUnitTest){.name = "empty_graph", .test_func = empty_graph};
    return _cmocka_run_group_tests("graph_diagram", tests, n, NULL, NULL);
}
