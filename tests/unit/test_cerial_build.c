/*
 * Cerial -> relation graph mapping (src/model/cerial_build.c), one named row per mapping rule
 * of docs/cerial.md: keys and key types, scalar types, 1:1 / 1:n / n:n, @key disambiguation,
 * self relations, delete behaviour, table names, and the warnings for what SQL cannot express.
 * The graph is summarised as text by this test (independently of relmig's printers) and
 * compared with an expectation written by hand from the mapping rules.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "dialects/dialect.h"
#include "model/cerial_build.h"
#include "sqlschema/lower.h"
#include "sqlschema/text.h"
#include "testutil.h"
#include "util/sb.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *fname(const rm_graph *g, uint32_t m, uint32_t f)
{
    if (f == RM_NONE)
        return "-";
    return g->models[m].fields[f].name;
}

static void summarise(rm_sb *sb, const rm_graph *g)
{
    size_t i, j, k;
    for (i = 0; i < g->nenums; i++) {
        rm_sb_appendf(sb, "enum %s:", g->enums[i].name);
        for (j = 0; j < g->enums[i].nvalues; j++)
            rm_sb_appendf(sb, " %s", g->enums[i].values[j].name);
        rm_sb_puts(sb, "\n");
    }
    for (i = 0; i < g->nmodels; i++) {
        const rm_model *m = &g->models[i];
        rm_sb_appendf(sb, "model %s table=%s pk=%s\n", m->name, m->db_name,
                      m->primary_key ? m->fields[m->primary_key->fields[0].field].name : "-");
        for (j = 0; j < m->nfields; j++) {
            const rm_field *f = &m->fields[j];
            if (f->kind == RM_FIELD_RELATION)
                rm_sb_appendf(sb, "  %s -> %s%s\n", f->name, f->type_name, f->list ? "[]" : "");
            else
                rm_sb_appendf(sb, "  %s %s%s%s%s%s\n", f->name,
                              f->scalar == RM_SCALAR_ENUM ? f->type_name
                                                          : rm_scalar_name(f->scalar),
                              f->list ? "[]" : "", f->optional ? "?" : "",
                              f->native.name ? " @db." : "", f->native.name ? f->native.name : "");
        }
        for (j = 0; j < m->nindexes; j++) {
            rm_sb_appendf(sb, "  %s(", m->indexes[j].kind == RM_INDEX_UNIQUE ? "unique" : "index");
            for (k = 0; k < m->indexes[j].nfields; k++)
                rm_sb_appendf(sb, "%s%s", k ? "," : "",
                              m->fields[m->indexes[j].fields[k].field].name);
            rm_sb_puts(sb, ")\n");
        }
    }
    for (i = 0; i < g->nrelations; i++) {
        const rm_relation *r = &g->relations[i];
        rm_sb_appendf(sb, "rel %s %s %s.%s -> %s.%s", r->name, rm_cardinality_name(r->card),
                      g->models[r->from.model].name, fname(g, r->from.model, r->from.field),
                      g->models[r->to.model].name, fname(g, r->to.model, r->to.field));
        if (r->nfk > 0)
            rm_sb_appendf(sb, " fk=%s ref=%s onDelete=%s%s",
                          fname(g, r->from.model, r->fk_fields[0]),
                          fname(g, r->to.model, r->ref_fields[0]), rm_ref_action_name(r->on_delete),
                          r->on_delete_set ? "(set)" : "");
        if (r->join_table)
            rm_sb_appendf(sb, " join=%s", r->join_table);
        rm_sb_puts(sb, "\n");
    }
}

typedef struct row {
    const char *name;
    const char *cerial;
    const char *want; /* summary */
    size_t warnings;  /* number of E0460 warnings */
} row;

static const row rows[] = {
    {"one_to_one_required",
     "model User {\n  id Record @id\n  name String\n  profile Relation? @model(Profile)\n}\n"
     "model Profile {\n  id Record @id\n  bio String?\n  userId Record\n"
     "  user Relation @field(userId) @model(User)\n}\n",
     "model Profile table=profile pk=id\n  id String\n  bio String?\n  userId String\n"
     "  user -> User\n  unique(userId)\n"
     "model User table=user pk=id\n  id String\n  name String\n  profile -> Profile\n"
     "rel ProfileToUser one_to_one Profile.user -> User.profile fk=userId ref=id "
     "onDelete=Cascade\n",
     0},
    {"one_to_many_optional_setnone",
     "model User {\n  id Record(int) @id\n  posts Relation[] @model(Post)\n}\n"
     "model Post {\n  id Record @id\n  authorId Record?\n"
     "  author Relation? @field(authorId) @model(User)\n}\n",
     "model Post table=post pk=id\n  id String\n  authorId Int?\n  author -> User\n"
     "model User table=user pk=id\n  id Int\n  posts -> Post[]\n"
     "rel PostToUser one_to_many Post.author -> User.posts fk=authorId ref=id onDelete=SetNull\n",
     0},
    {"nullable_with_restrict",
     "model User {\n  id Record(uuid) @id\n  posts Relation[] @model(BlogPost)\n}\n"
     "model BlogPost {\n  id Record @id\n  authorId Record? @nullable\n"
     "  author Relation? @field(authorId) @model(User) @onDelete(Restrict)\n}\n",
     "model BlogPost table=blog_post pk=id\n  id String\n  authorId String? @db.Uuid\n"
     "  author -> User\n"
     "model User table=user pk=id\n  id String @db.Uuid\n  posts -> BlogPost[]\n"
     "rel BlogPostToUser one_to_many BlogPost.author -> User.posts fk=authorId ref=id "
     "onDelete=Restrict(set)\n",
     0},
    {"many_to_many",
     "model Student {\n  id Record @id\n  courseIds Record[]\n"
     "  courses Relation[] @field(courseIds) @model(Course)\n}\n"
     "model Course {\n  id Record @id\n  studentIds Record[]\n"
     "  students Relation[] @field(studentIds) @model(Student)\n}\n",
     "model Course table=course pk=id\n  id String\n  students -> Student[]\n"
     "model Student table=student pk=id\n  id String\n  courses -> Course[]\n"
     "rel CourseToStudent many_to_many_implicit Course.students -> Student.courses "
     "join=_CourseToStudent\n",
     0},
    {"key_disambiguation_and_self",
     "model User {\n  id Record @id\n  managerId Record?\n"
     "  manager Relation? @field(managerId) @model(User) @key(mgmt)\n"
     "  reports Relation[] @model(User) @key(mgmt)\n"
     "  written Relation[] @model(Doc) @key(author)\n  edited Relation[] @model(Doc) "
     "@key(editor)\n}\n"
     "model Doc {\n  id Record @id\n  authorId Record\n"
     "  author Relation @field(authorId) @model(User) @key(author)\n  editorId Record?\n"
     "  editor Relation? @field(editorId) @model(User) @key(editor)\n}\n",
     "model Doc table=doc pk=id\n  id String\n  authorId String\n  author -> User\n"
     "  editorId String?\n  editor -> User\n"
     "model User table=user pk=id\n  id String\n  managerId String?\n  manager -> User\n"
     "  reports -> User[]\n  written -> Doc[]\n  edited -> Doc[]\n"
     "rel author one_to_many Doc.author -> User.written fk=authorId ref=id onDelete=Cascade\n"
     "rel editor one_to_many Doc.editor -> User.edited fk=editorId ref=id onDelete=SetNull\n"
     "rel mgmt one_to_many User.manager -> User.reports fk=managerId ref=id onDelete=SetNull\n",
     0},
    {"scalar_types_enums_json",
     "enum Role { Admin, Viewer }\nliteral Size { 'S', 'M' }\nliteral Mixed { 'a', 1 }\n"
     "object Addr {\n  city String\n}\ntuple Pt { Float, Float }\n"
     "model Thing {\n  id Record @id\n  e Email @unique\n  n Number\n  d Date @createdAt\n"
     "  u Uuid @uuid7\n  dur Duration\n  dec Decimal\n  b Bytes\n  g Geometry\n  a Any\n"
     "  role Role @default(Viewer)\n  size Size?\n  mixed Mixed\n  addr Addr\n  pt Pt\n"
     "  tags String[] @distinct\n  @@index(byNumDec, [n, dec])\n}\n",
     "enum Role: Admin Viewer\nenum Size: S M\n"
     "model Thing table=thing pk=id\n  id String\n  e String\n  n Float\n  d DateTime\n"
     "  u String @db.Uuid\n  dur String\n  dec Decimal\n  b Bytes\n  g Json\n  a Json\n"
     "  role Role\n  size Size?\n  mixed Json\n  addr Json\n  pt Json\n  tags String[]\n"
     "  unique(e)\n  index(n,dec)\n",
     3},
    {"object_subfield_decorators_warn",
     "object Addr {\n  city String @default(\"x\")\n  zip String? @index\n}\n"
     "tuple Pt { x Float @default(0), y Float }\n"
     "model Shop {\n  id Record @id\n  addr Addr\n  at Pt?\n}\n",
     "model Shop table=shop pk=id\n  id String\n  addr Json\n  at Json?\n", 2},
    {"object_subfield_index_warns",
     "object Addr {\n  city String\n}\n"
     "model Shop {\n  id Record @id\n  addr Addr\n  name String\n"
     "  @@unique(byCity, [name, addr.city])\n}\n",
     "model Shop table=shop pk=id\n  id String\n  addr Json\n  name String\n", 1},
};

static void test_row(void **state)
{
    const row *rw = *state;
    rm_sources srcs;
    rm_diags d;
    rm_arena a;
    rm_cerial_schema *res = NULL;
    rm_graph *g = NULL;
    rm_cerial_opts o = {false};
    rm_sb sb = RM_SB_INIT;
    rm_source *s;
    uint32_t id;
    size_t i, nwarn = 0;
    rm_sources_init(&srcs);
    rm_diags_init(&d);
    rm_arena_init(&a, 0);
    s = rm_sources_add(&srcs, "t.cerial", rw->cerial, strlen(rw->cerial));
    id = s->id;
    if (rm_cerial_check(&res, NULL, &srcs, &id, 1, &o, &a, &d) != RM_OK)
        fail_msg("%s: does not validate: %s", rw->name, d.n ? d.items[0]->msg : "?");
    assert_int_equal(rm_cerial_build(&g, res, &a, &d), RM_OK);
    summarise(&sb, g);
    if (strcmp(rm_sb_str(&sb), rw->want) != 0)
        fail_msg("%s:\n--- want\n%s--- got\n%s", rw->name, rw->want, rm_sb_str(&sb));
    for (i = 0; i < d.n; i++)
        if (d.items[i]->id == RM_E_CERIAL_MAP_UNSUPPORTED)
            nwarn++;
    assert_int_equal(nwarn, rw->warnings);
    rm_sb_free(&sb);
    rm_arena_free(&a);
    rm_diags_free(&d);
    rm_sources_free(&srcs);
}

/* Lowered to PostgreSQL (src/sqlschema, another module) and printed as text: golden files in
 * tests/golden/cerial/sql/, reviewed by hand (FK actions, 1:1 unique, join tables, key types).
 * RELMIG_UPDATE_GOLDEN=1 rewrites them. */
typedef struct lower_case {
    const char *name;
    const char *path;
} lower_case;

static const lower_case lower_cases[] = {
    {"lower_migration_example", RELMIG_SHARED_DIR "/reference/cerial-migration-example.cerial"},
    {"lower_relations", RELMIG_SOURCE_DIR "/tests/golden/cerial/sql/relations.cerial"},
};

static void test_lower(void **state)
{
    const lower_case *lc = *state;
    char golden[4096];
    size_t len;
    char *text = rm_test_read_file(lc->path, &len);
    rm_sources srcs;
    rm_diags d;
    rm_arena a;
    rm_cerial_schema *res = NULL;
    rm_graph *g = NULL;
    rm_cerial_opts o = {false};
    rm_sqlschema sql;
    rm_sb sb = RM_SB_INIT;
    const rm_dialect *pg = rm_dialect_by_name("postgresql");
    rm_source *s;
    uint32_t id;
    assert_non_null(text);
    assert_non_null(pg);
    rm_sources_init(&srcs);
    rm_diags_init(&d);
    rm_arena_init(&a, 0);
    s = rm_sources_add(&srcs, "t.cerial", text, len);
    id = s->id;
    assert_int_equal(rm_cerial_check(&res, NULL, &srcs, &id, 1, &o, &a, &d), RM_OK);
    assert_int_equal(rm_cerial_build(&g, res, &a, &d), RM_OK);
    assert_int_equal(rm_sqlschema_lower(&sql, g, pg, NULL, &a, &d), RM_OK);
    rm_sqlschema_print_text(&sb, &sql);
    snprintf(golden, sizeof(golden), "%s/tests/golden/cerial/sql/%s.pg.txt", RELMIG_SOURCE_DIR,
             lc->name);
    assert_true(rm_test_golden(golden, rm_sb_str(&sb)));
    rm_sb_free(&sb);
    rm_arena_free(&a);
    rm_diags_free(&d);
    rm_sources_free(&srcs);
    free(text);
}

/* Scale: 20,000 keyed relations between two models (a hostile-size schema) are checked and
 * mapped in bounded time; relation lookups are hashed, not scanned. */
static void test_many_relations(void **state)
{
    size_t n = 20000, i, len = 0, cap = n * 160 + 256;
    char *text = malloc(cap);
    rm_sources srcs;
    rm_diags d;
    rm_arena a;
    rm_cerial_schema *res = NULL;
    rm_graph *g = NULL;
    rm_cerial_opts o = {false};
    uint32_t id;
    clock_t t0 = clock();
    (void)state;
    assert_non_null(text);
    len += (size_t)sprintf(text + len, "model User {\n  id Record @id\n");
    for (i = 0; i < n; i++)
        len += (size_t)sprintf(text + len, "  r%zu Relation[] @model(Post) @key(k%zu)\n", i, i);
    len += (size_t)sprintf(text + len, "}\nmodel Post {\n  id Record @id\n");
    for (i = 0; i < n; i++)
        len += (size_t)sprintf(text + len,
                               "  u%zu Record?\n  p%zu Relation? @field(u%zu) @model(User) "
                               "@key(k%zu)\n",
                               i, i, i, i);
    len += (size_t)sprintf(text + len, "}\n");
    rm_sources_init(&srcs);
    rm_diags_init(&d);
    rm_arena_init(&a, 0);
    id = rm_sources_add(&srcs, "big.cerial", text, len)->id;
    assert_int_equal(rm_cerial_check(&res, NULL, &srcs, &id, 1, &o, &a, &d), RM_OK);
    assert_int_equal(rm_cerial_build(&g, res, &a, &d), RM_OK);
    assert_int_equal(g->nrelations, n);
    assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 20.0);
    rm_arena_free(&a);
    rm_diags_free(&d);
    rm_sources_free(&srcs);
    free(text);
}

int main(void)
{
    size_t n = RM_ARRAY_LEN(rows), i;
    struct CMUnitTest *tests = calloc(n + RM_ARRAY_LEN(lower_cases) + 1, sizeof(*tests));
    int rc;
    for (i = 0; i < n; i++) {
        tests[i].name = rows[i].name;
        tests[i].test_func = test_row;
        tests[i].initial_state = (void *)&rows[i];
    }
    for (i = 0; i < RM_ARRAY_LEN(lower_cases); i++, n++) {
        tests[n].name = lower_cases[i].name;
        tests[n].test_func = test_lower;
        tests[n].initial_state = (void *)&lower_cases[i];
    }
    tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_many_relations);
    rc = _cmocka_run_group_tests("cerial_build", tests, n, NULL, NULL);
    free(tests);
    return rc;
}
