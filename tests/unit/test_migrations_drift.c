/*
 * Relation-level drift findings (src/migrations/drift.c) on hand-built physical schemas: the
 * expected schema is fixed (User, Profile with a one-to-one FK, Post with a cascading FK,
 * Team with a composite PK, Member with a composite FK); each row builds the "database" with
 * one variation and names the finding kinds it must produce (and only those). One row per
 * case.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "migrations/drift.h"

#include <stdlib.h>
#include <string.h>

typedef enum variant {
    V_SAME,
    V_PROFILE_UNIQUE_DROPPED,
    V_TEAM_PK_REORDERED,
    V_TEAM_PK_OTHER_COLUMNS,
    V_POST_ACTION_RESTRICT,
    V_POST_FK_DROPPED,
    V_EXTRA_FK,
    V_MEMBER_FK_SWAPPED,
    V_FK_TO_NON_UNIQUE,
    V_FK_RENAMED,
    V_POST_NO_ACTION,
} variant;

static void add_int(rm_sqlschema *s, rm_sql_table *t, const char *name)
{
    rm_sql_type ty = rm_sql_type_make(RM_TYPE_INT, "INTEGER", 0, 0, 0);
    rm_sql_table_add_column(s, t, name, &ty, false);
}

static void build(rm_sqlschema *s, rm_arena *a, variant v)
{
    rm_sqlschema_init(s, a);
    rm_sql_table *user = rm_sqlschema_add_table(s, NULL, "User");
    add_int(s, user, "id");
    add_int(s, user, "code");
    const char *id[] = {"id"};
    rm_sql_table_set_pk(s, user, "User_pkey", id, 1);
    if (v == V_FK_TO_NON_UNIQUE) {
        const char *code[] = {"code"};
        rm_sql_table_add_index(s, user, RM_SQL_INDEX_NORMAL, "User_code_idx", code, 1);
    }

    rm_sql_table *profile = rm_sqlschema_add_table(s, NULL, "Profile");
    add_int(s, profile, "id");
    add_int(s, profile, "userId");
    rm_sql_table_set_pk(s, profile, "Profile_pkey", id, 1);
    const char *uid[] = {"userId"};
    if (v != V_PROFILE_UNIQUE_DROPPED)
        rm_sql_table_add_index(s, profile, RM_SQL_INDEX_UNIQUE, "Profile_userId_key", uid, 1);
    else
        rm_sql_table_add_index(s, profile, RM_SQL_INDEX_NORMAL, "Profile_userId_idx", uid, 1);
    rm_sql_table_add_fk(s, profile, "Profile_userId_fkey", uid, 1, NULL, "User", id, RM_FK_RESTRICT,
                        RM_FK_CASCADE);

    rm_sql_table *post = rm_sqlschema_add_table(s, NULL, "Post");
    add_int(s, post, "id");
    add_int(s, post, "authorId");
    rm_sql_table_set_pk(s, post, "Post_pkey", id, 1);
    const char *aid[] = {"authorId"};
    rm_fk_action del = v == V_POST_ACTION_RESTRICT ? RM_FK_RESTRICT
                       : v == V_POST_NO_ACTION     ? RM_FK_NO_ACTION
                                                   : RM_FK_CASCADE;
    if (v != V_POST_FK_DROPPED)
        rm_sql_table_add_fk(s, post, v == V_FK_RENAMED ? "fk_post_author" : "Post_authorId_fkey",
                            aid, 1, NULL, "User", id, del, RM_FK_CASCADE);
    if (v == V_FK_TO_NON_UNIQUE) {
        const char *code[] = {"code"};
        rm_sql_table_add_fk(s, post, "Post_code_fkey", id, 1, NULL, "User", code, RM_FK_RESTRICT,
                            RM_FK_CASCADE);
    }

    rm_sql_table *team = rm_sqlschema_add_table(s, NULL, "Team");
    add_int(s, team, "orgId");
    add_int(s, team, "teamNo");
    add_int(s, team, "other");
    const char *tpk[] = {"orgId", "teamNo"};
    const char *tpk_rev[] = {"teamNo", "orgId"};
    const char *tpk_other[] = {"orgId", "other"};
    rm_sql_table_set_pk(s, team, "Team_pkey",
                        v == V_TEAM_PK_REORDERED       ? tpk_rev
                        : v == V_TEAM_PK_OTHER_COLUMNS ? tpk_other
                                                       : tpk,
                        2);
    if (v == V_TEAM_PK_OTHER_COLUMNS) /* keep the FK's target unique */
        rm_sql_table_add_index(s, team, RM_SQL_INDEX_UNIQUE, "Team_o_t_key", tpk, 2);

    rm_sql_table *member = rm_sqlschema_add_table(s, NULL, "Member");
    add_int(s, member, "id");
    add_int(s, member, "orgId");
    add_int(s, member, "teamNo");
    rm_sql_table_set_pk(s, member, "Member_pkey", id, 1);
    const char *mc[] = {"orgId", "teamNo"};
    const char *mc_swapped[] = {"teamNo", "orgId"};
    rm_sql_table_add_fk(s, member, "Member_orgId_teamNo_fkey",
                        v == V_MEMBER_FK_SWAPPED ? mc_swapped : mc, 2, NULL, "Team", tpk,
                        RM_FK_RESTRICT, RM_FK_CASCADE);
    if (v == V_EXTRA_FK)
        rm_sql_table_add_fk(s, member, "Member_id_fkey", id, 1, NULL, "User", id, RM_FK_RESTRICT,
                            RM_FK_CASCADE);
}

typedef struct drift_case {
    const char *name;
    variant expected; /* usually V_SAME */
    variant actual;
    bool mysql; /* RESTRICT == NO ACTION */
    rm_drift_kind want[3];
    size_t nwant;
} drift_case;

static const drift_case cases[] = {
    {"same_no_findings", V_SAME, V_SAME, false, {0}, 0},
    {"constraint_renamed_not_drift", V_SAME, V_FK_RENAMED, false, {0}, 0},
    {"one_to_one_unique_dropped",
     V_SAME,
     V_PROFILE_UNIQUE_DROPPED,
     false,
     {RM_DRIFT_ONE_TO_ONE_NOT_UNIQUE},
     1},
    {"composite_pk_reordered", V_SAME, V_TEAM_PK_REORDERED, false, {RM_DRIFT_PK_ORDER}, 1},
    {"composite_pk_other_columns",
     V_SAME,
     V_TEAM_PK_OTHER_COLUMNS,
     false,
     {RM_DRIFT_PK_COLUMNS},
     1},
    {"fk_action_changed", V_SAME, V_POST_ACTION_RESTRICT, false, {RM_DRIFT_FK_ACTION}, 1},
    {"fk_dropped", V_SAME, V_POST_FK_DROPPED, false, {RM_DRIFT_FK_MISSING}, 1},
    {"fk_extra", V_SAME, V_EXTRA_FK, false, {RM_DRIFT_FK_EXTRA}, 1},
    {"composite_fk_pairing", V_SAME, V_MEMBER_FK_SWAPPED, false, {RM_DRIFT_FK_ORDER}, 1},
    {"fk_to_non_unique",
     V_SAME,
     V_FK_TO_NON_UNIQUE,
     false,
     {RM_DRIFT_FK_EXTRA, RM_DRIFT_FK_REF_NOT_UNIQUE},
     2},
    {"restrict_vs_no_action_postgres",
     V_POST_ACTION_RESTRICT,
     V_POST_NO_ACTION,
     false,
     {RM_DRIFT_FK_ACTION},
     1},
    {"restrict_vs_no_action_mysql_equal", V_POST_ACTION_RESTRICT, V_POST_NO_ACTION, true, {0}, 0},
};

static void run_case(void **state)
{
    const drift_case *c = *state;
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_sqlschema exp, act;
    build(&exp, &a, c->expected);
    build(&act, &a, c->actual);
    rm_drift dr = {NULL, 0, 0};
    rm_drift_relations(&dr, &exp, &act, c->mysql, &a);
    for (size_t i = 0; i < dr.n; i++)
        print_message("  %s: %s\n", rm_drift_kind_name(dr.items[i].kind), dr.items[i].message);
    assert_int_equal(dr.n, c->nwant);
    for (size_t k = 0; k < c->nwant; k++) {
        bool found = false;
        for (size_t i = 0; i < dr.n && !found; i++)
            found = dr.items[i].kind == c->want[k];
        assert_true(found);
    }
    rm_arena_free(&a);
}

static void missing_migrations_named(void **state)
{
    (void)state;
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_mig_status_item items[3] = {
        {"20250101000000_a", RM_MIG_APPLIED, NULL, NULL},
        {"20250102000000_gone", RM_MIG_MISSING, NULL, NULL},
        {"20250103000000_c", RM_MIG_PENDING, NULL, NULL},
    };
    rm_mig_status st;
    memset(&st, 0, sizeof st);
    st.items = items;
    st.n = 3;
    rm_drift dr = {NULL, 0, 0};
    rm_drift_missing_migrations(&dr, &st, &a);
    assert_int_equal(dr.n, 1);
    assert_int_equal(dr.items[0].kind, RM_DRIFT_MIGRATION_MISSING);
    assert_non_null(strstr(dr.items[0].message, "20250102000000_gone"));
    rm_arena_free(&a);
}

int main(void)
{
    size_t n = sizeof cases / sizeof cases[0];
    struct CMUnitTest *t = calloc(n + 1, sizeof *t);
    for (size_t i = 0; i < n; i++)
        t[i] = (struct CMUnitTest){cases[i].name, run_case, NULL, NULL, (void *)&cases[i]};
    t[n] =
        (struct CMUnitTest){"missing_migrations_named", missing_migrations_named, NULL, NULL, NULL};
    int rc = _cmocka_run_group_tests("migrations_drift", t, n + 1, NULL, NULL);
    free(t);
    return rc;
}
