/*
 * The golden diff cases executed on real databases: for each case and dialect, the script from
 * the empty schema to `from` and then the script from `from` to `to` must both run without an
 * error (and, on SQLite, leave no foreign key violation). This is what proves the emitted SQL is
 * valid, not just equal to the expected text.
 *
 * The same for the real-world Prisma schemas in shared/corpus/real-schemas (read in place):
 * each is parsed, validated, lowered for its own provider and created from empty; diffing the
 * result against a second lowering must give nothing.
 *
 * The databases are reached through their command-line clients (sqlite3, psql, mysql), so this
 * test links no client library. SQLite runs whenever the sqlite3 shell is installed; PostgreSQL
 * and MySQL run when RELMIG_TEST_PG_URL / RELMIG_TEST_MYSQL_URL are set (scripts/testdb.sh env)
 * and skip otherwise. Each case works in its own PostgreSQL or MySQL database, created
 * and dropped here, so other tests using the same server are not disturbed.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "diff/diff.h"
#include "model/schema.h"
#include "sqlschema/lower.h"
#include "sqlschema/text.h"
#include "testutil.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define GOLDEN_DIR RELMIG_SOURCE_DIR "/tests/golden/diff"
#define REAL_DIR RELMIG_SHARED_DIR "/corpus/real-schemas"

typedef struct apply_case {
    char name[200];
    char dir[200];       /* golden case folder, or the real schema's file name */
    const char *dialect; /* golden cases only */
} apply_case;

/* The fixture for one side ("from"/"to"), with the dialect override, or NULL if absent. */
static char *fixture_path(const char *dir, const char *base, const char *dialect)
{
    for (int i = 0; i < 2; i++) {
        char path[600];
        if (i == 0)
            snprintf(path, sizeof path, "%s/%s/%s.%s.schema", GOLDEN_DIR, dir, base, dialect);
        else
            snprintf(path, sizeof path, "%s/%s/%s.schema", GOLDEN_DIR, dir, base);
        char *probe = rm_test_read_file(path, NULL);
        if (probe) {
            free(probe);
            return strdup(path);
        }
    }
    return NULL;
}

static void load(rm_sqlschema *s, const char *path, const rm_dialect *d, rm_arena *a,
                 rm_sources *srcs)
{
    if (!path) {
        rm_sqlschema_init(s, a);
        return;
    }
    size_t len = 0;
    char *text = rm_test_read_file(path, &len);
    assert_non_null(text);
    rm_source *src = rm_sources_add(srcs, path, text, len);
    free(text);
    rm_diags dg;
    rm_diags_init(&dg);
    assert_int_equal(rm_sqlschema_parse_text(s, src, d, a, &dg), RM_OK);
    rm_diags_free(&dg);
}

/* Write the migration between two schemas to path. */
static void write_script(const char *path, const rm_sqlschema *from, const rm_sqlschema *to,
                         const rm_dialect *d, rm_arena *a)
{
    rm_diags dg;
    rm_diags_init(&dg);
    rm_diff diff;
    assert_int_equal(rm_diff_schemas(&diff, from, to, d, a, &dg), RM_OK);
    rm_sb sql = RM_SB_INIT;
    assert_int_equal(rm_diff_render_sql(&sql, &diff, true, &dg), RM_OK);
    assert_true(rm_test_write_file(path, rm_sb_str(&sql), sql.len));
    rm_sb_free(&sql);
    rm_diags_free(&dg);
}

/* Run argv; fail the test with its output unless it exits 0 with nothing on stderr (other
 * than the MySQL client's password-on-command-line notice). */
static void run_ok(const char *what, const char *const *argv, const char *const *env)
{
    rm_test_proc p;
    int rc = rm_test_run(&p, argv, env);
    assert_int_equal(rc, 0);
    const char *err = p.err ? p.err : "";
    const char *notice = "Using a password on the command line interface can be insecure.";
    bool err_ok = err[0] == '\0' || (strstr(err, notice) && !strstr(err, "ERROR"));
    if (p.status != 0 || !err_ok)
        print_error("%s: exit %d\n%s%s\n", what, p.status, p.out ? p.out : "", err);
    int status = p.status;
    rm_test_proc_free(&p);
    assert_int_equal(status, 0);
    assert_true(err_ok);
}

/* The full path of a program on PATH into out (rm_test_run does not search PATH). */
static bool find_program(const char *name, char *out, size_t cap)
{
    const char *path = getenv("PATH");
    if (!path)
        return false;
    char *copy = strdup(path);
    bool found = false;
    for (char *dir = strtok(copy, ":"); dir && !found; dir = strtok(NULL, ":")) {
        snprintf(out, cap, "%s/%s", dir, name);
        found = access(out, X_OK) == 0;
    }
    free(copy);
    return found;
}

/* mysql://user:password@host:port/db -> client arguments (no percent-decoding: test URLs). */
typedef struct my_url {
    char user[128], password[128], host[128], port[16];
} my_url;

static bool parse_my_url(const char *url, my_url *u)
{
    memset(u, 0, sizeof(*u));
    if (strncmp(url, "mysql://", 8) != 0 && strncmp(url, "mariadb://", 10) != 0)
        return false;
    const char *p = strstr(url, "://") + 3;
    const char *at = strchr(p, '@');
    if (!at)
        return false;
    const char *colon = memchr(p, ':', (size_t)(at - p));
    snprintf(u->user, sizeof u->user, "%.*s", (int)((colon ? colon : at) - p), p);
    if (colon)
        snprintf(u->password, sizeof u->password, "%.*s", (int)(at - colon - 1), colon + 1);
    const char *h = at + 1;
    const char *slash = strchr(h, '/');
    const char *hc = memchr(h, ':', slash ? (size_t)(slash - h) : strlen(h));
    snprintf(u->host, sizeof u->host, "%.*s",
             (int)((hc ? hc : (slash ? slash : h + strlen(h))) - h), h);
    if (hc)
        snprintf(u->port, sizeof u->port, "%.*s", (int)((slash ? slash : hc + strlen(hc)) - hc - 1),
                 hc + 1);
    else
        snprintf(u->port, sizeof u->port, "3306");
    return true;
}

static void apply_sqlite(const char *prog, const char *dir, const char *a_sql, const char *b_sql)
{
    char db[700], ra[720], rb[720];
    snprintf(db, sizeof db, "%s/test.db", dir);
    snprintf(ra, sizeof ra, ".read %s", a_sql);
    snprintf(rb, sizeof rb, ".read %s", b_sql);
    const char *create[] = {prog, "-bail", db, ra, NULL};
    run_ok("sqlite3 create", create, NULL);
    const char *migrate[] = {prog, "-bail", db, rb, NULL};
    run_ok("sqlite3 migrate", migrate, NULL);
    rm_test_proc p;
    const char *check[] = {prog, db, "PRAGMA foreign_key_check;", NULL};
    assert_int_equal(rm_test_run(&p, check, NULL), 0);
    assert_string_equal(p.out ? p.out : "", "");
    rm_test_proc_free(&p);
}

/* url with its database name replaced by db (the query string kept) into out. */
static void url_with_db(char *out, size_t cap, const char *url, const char *db)
{
    const char *host = strstr(url, "://");
    host = host ? host + 3 : url;
    const char *slash = strchr(host, '/');
    const char *query = strchr(host, '?');
    if (slash && query && query < slash)
        slash = NULL;
    size_t keep = slash ? (size_t)(slash - url) : (query ? (size_t)(query - url) : strlen(url));
    snprintf(out, cap, "%.*s/%s%s", (int)keep, url, db, query ? query : "");
}

/* The run's own database (created by the first PostgreSQL case, dropped at exit): the cases
 * create extensions (citext) and extra schemas (multiSchema), which must not meet other tests
 * using the server's main database at the same time. Each case starts from an empty one:
 * every user schema dropped, public and citext created again. */
static char pg_prog[1024], pg_admin_url[1024];
static char pg_db[64];

static void drop_pg_database(void)
{
    if (!pg_db[0])
        return;
    char drop[120];
    snprintf(drop, sizeof drop, "DROP DATABASE IF EXISTS %s WITH (FORCE);", pg_db);
    const char *d[] = {pg_prog, "-X", "-q", pg_admin_url, "-c", drop, NULL};
    rm_test_proc p;
    if (rm_test_run(&p, d, NULL) == 0)
        rm_test_proc_free(&p);
}

static void apply_postgres(const char *prog, const char *url, const char *a_sql, const char *b_sql)
{
    const char *env[] = {"PGOPTIONS=-c client_min_messages=warning", NULL};
    char db_url[1024];
    if (!pg_db[0]) {
        snprintf(pg_db, sizeof pg_db, "relmig_difftest_%ld", (long)getpid());
        snprintf(pg_prog, sizeof pg_prog, "%s", prog);
        snprintf(pg_admin_url, sizeof pg_admin_url, "%s", url);
        char create[100], drop[120];
        snprintf(create, sizeof create, "CREATE DATABASE %s;", pg_db);
        snprintf(drop, sizeof drop, "DROP DATABASE IF EXISTS %s WITH (FORCE);", pg_db);
        /* Separate -c commands run outside a transaction, as CREATE DATABASE requires. */
        const char *mk[] = {prog, "-X", "-q", "-v", "ON_ERROR_STOP=1", url, "-c", drop, "-c",
                            create, NULL};
        run_ok("psql create database", mk, env);
        atexit(drop_pg_database);
    }
    url_with_db(db_url, sizeof db_url, url, pg_db);
    static const char reset[] =
        "DO $$DECLARE s name; BEGIN FOR s IN SELECT nspname FROM pg_namespace WHERE nspname "
        "NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' LOOP EXECUTE format('DROP "
        "SCHEMA %I CASCADE', s); END LOOP; END$$; CREATE SCHEMA public; "
        "CREATE EXTENSION citext;";
    const char *r[] = {prog, "-X", "-q", "-v", "ON_ERROR_STOP=1", db_url, "-c", reset, NULL};
    run_ok("psql reset", r, env);
    const char *c1[] = {prog, "-X", "-q", "-v", "ON_ERROR_STOP=1", db_url, "-f", a_sql, NULL};
    run_ok("psql create", c1, env);
    const char *c2[] = {prog, "-X", "-q", "-v", "ON_ERROR_STOP=1", db_url, "-f", b_sql, NULL};
    run_ok("psql migrate", c2, env);
}

static void apply_mysql(const char *prog, const char *url, const char *a_sql, const char *b_sql)
{
    my_url u;
    assert_true(parse_my_url(url, &u));
    char db[64], reset[200], drop[120], user[160], pw[160], ra[720], rb[720];
    snprintf(db, sizeof db, "relmig_difftest_%ld", (long)getpid());
    snprintf(reset, sizeof reset, "DROP DATABASE IF EXISTS %s; CREATE DATABASE %s;", db, db);
    snprintf(drop, sizeof drop, "DROP DATABASE IF EXISTS %s;", db);
    snprintf(user, sizeof user, "-u%s", u.user);
    snprintf(pw, sizeof pw, "-p%s", u.password);
    snprintf(ra, sizeof ra, "source %s", a_sql);
    snprintf(rb, sizeof rb, "source %s", b_sql);
    const char *r[] = {prog, "-h", u.host, "-P", u.port, user, pw, "-e", reset, NULL};
    run_ok("mysql reset", r, NULL);
    const char *c1[] = {prog, "-h", u.host, "-P", u.port, user, pw, db, "-e", ra, NULL};
    run_ok("mysql create", c1, NULL);
    const char *c2[] = {prog, "-h", u.host, "-P", u.port, user, pw, db, "-e", rb, NULL};
    run_ok("mysql migrate", c2, NULL);
    const char *d[] = {prog, "-h", u.host, "-P", u.port, user, pw, "-e", drop, NULL};
    run_ok("mysql drop", d, NULL);
}

/* Find the client for the dialect and the server URL; skip the test when either is missing. */
static const char *client_or_skip(const char *dialect, char *prog, size_t cap)
{
    if (strcmp(dialect, "sqlite") == 0) {
        if (!find_program("sqlite3", prog, cap)) {
            print_message("sqlite3 shell not installed; skipping\n");
            skip();
        }
        return NULL;
    }
    bool pg = strcmp(dialect, "postgresql") == 0;
    const char *url = getenv(pg ? "RELMIG_TEST_PG_URL" : "RELMIG_TEST_MYSQL_URL");
    if (!url || !url[0]) {
        print_message("no server URL for %s; skipping\n", dialect);
        skip();
    }
    if (!find_program(pg ? "psql" : "mysql", prog, cap)) {
        print_message("%s client not installed; skipping\n", dialect);
        skip();
    }
    return url;
}

/* Empty -> from, then from -> to, on the dialect's database. */
static void apply_scripts(const rm_dialect *d, const char *prog, const char *url,
                          const rm_sqlschema *from, const rm_sqlschema *to, rm_arena *a)
{
    rm_sqlschema empty;
    rm_sqlschema_init(&empty, a);
    char *tmp = rm_test_mkdtemp();
    assert_non_null(tmp);
    char a_sql[700], b_sql[700];
    snprintf(a_sql, sizeof a_sql, "%s/create.sql", tmp);
    snprintf(b_sql, sizeof b_sql, "%s/migrate.sql", tmp);
    write_script(a_sql, &empty, from, d, a);
    write_script(b_sql, from, to, d, a);
    if (strcmp(d->name, "sqlite") == 0)
        apply_sqlite(prog, tmp, a_sql, b_sql);
    else if (strcmp(d->name, "postgresql") == 0)
        apply_postgres(prog, url, a_sql, b_sql);
    else
        apply_mysql(prog, url, a_sql, b_sql);
    rm_test_rmtree(tmp);
    free(tmp);
}

static void run_apply(void **state)
{
    const apply_case *c = *state;
    char prog[1024];
    const char *url = client_or_skip(c->dialect, prog, sizeof prog);
    const rm_dialect *d = rm_dialect_by_name(c->dialect);
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_sources srcs;
    rm_sources_init(&srcs);
    char *from_path = fixture_path(c->dir, "from", c->dialect);
    char *to_path = fixture_path(c->dir, "to", c->dialect);
    assert_non_null(to_path);
    rm_sqlschema from, to;
    load(&from, from_path, d, &a, &srcs);
    load(&to, to_path, d, &a, &srcs);
    apply_scripts(d, prog, url, &from, &to, &a);
    free(from_path);
    free(to_path);
    rm_sources_free(&srcs);
    rm_arena_free(&a);
}

/* Parse, validate and lower one real schema for its provider. Returns false (with a message)
 * when the model module rejects the file: that is not this test's subject. */
static bool lower_real(rm_sqlschema *out, const rm_dialect **d, const char *file, rm_arena *a,
                       rm_sources *srcs)
{
    char path[700];
    snprintf(path, sizeof path, "%s/%s", REAL_DIR, file);
    size_t len = 0;
    char *text = rm_test_read_file(path, &len);
    assert_non_null(text);
    rm_sources_add(srcs, path, text, len);
    free(text);
    rm_diags dg;
    rm_diags_init(&dg);
    rm_graph *g = NULL;
    int rc = rm_schema_build(&g, srcs, a, &dg);
    if (rc != RM_OK) {
        print_message("%s: the model module reports %zu error(s), first: %s\n", file, dg.nerrors,
                      dg.n ? dg.items[0]->msg : "?");
        rm_diags_free(&dg);
        return false;
    }
    *d = rm_dialect_by_name(rm_provider_name(g->provider));
    assert_non_null(*d);
    rm_lower_opts opts = {"public", false};
    rc = rm_sqlschema_lower(out, g, *d, &opts, a, &dg);
    /* Known limitation of another module, named rather than hidden: the graph keeps only
     * "raw" of ops: raw("text_pattern_ops") (src/model/prisma_build.c), and the lowering
     * refuses to guess. */
    if (rc == RM_EUNSUPPORTED && dg.n && strstr(dg.items[0]->msg, "raw(...)")) {
        print_message("%s: KNOWN ISSUE, skipped: %s\n", file, dg.items[0]->msg);
        rm_diags_free(&dg);
        return false;
    }
    if (rc != RM_OK)
        print_error("%s: lowering failed: %s\n", file, dg.n ? dg.items[0]->msg : "?");
    rm_diags_free(&dg);
    assert_int_equal(rc, RM_OK);
    return true;
}

static void run_real(void **state)
{
    const apply_case *c = *state;
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_sources s1, s2;
    rm_sources_init(&s1);
    rm_sources_init(&s2);
    rm_sqlschema first, second;
    const rm_dialect *d = NULL, *d2 = NULL;
    bool ok = lower_real(&first, &d, c->dir, &a, &s1);
    if (ok) {
        assert_true(lower_real(&second, &d2, c->dir, &a, &s2));
        rm_diags dg;
        rm_diags_init(&dg);
        rm_diff same;
        assert_int_equal(rm_diff_schemas(&same, &first, &second, d, &a, &dg), RM_OK);
        assert_int_equal(same.n, 0);
        rm_diags_free(&dg);
        char prog[1024];
        const char *url = client_or_skip(d->name, prog, sizeof prog);
        /* Create it from empty, then apply the (empty) diff to itself. */
        apply_scripts(d, prog, url, &first, &second, &a);
    }
    rm_sources_free(&s1);
    rm_sources_free(&s2);
    rm_arena_free(&a);
    if (!ok)
        skip();
}

static int cmp_name(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

/* Sorted names in dir (ending with suffix, when given); returns the count. */
static size_t list_dir(const char *path, const char *suffix, char **names, size_t cap)
{
    DIR *dir = opendir(path);
    size_t n = 0;
    struct dirent *de;
    while (dir && (de = readdir(dir)) != NULL && n < cap) {
        size_t len = strlen(de->d_name), sl = suffix ? strlen(suffix) : 0;
        if (de->d_name[0] == '.' || len < sl || (suffix && strcmp(de->d_name + len - sl, suffix)))
            continue;
        names[n++] = strdup(de->d_name);
    }
    if (dir)
        closedir(dir);
    qsort(names, n, sizeof(*names), cmp_name);
    return n;
}

int main(void)
{
    static const char *const dialects[] = {"sqlite", "postgresql", "mysql"};
    char *names[256], *real[64];
    size_t n = list_dir(GOLDEN_DIR, NULL, names, RM_ARRAY_LEN(names));
    size_t nreal = list_dir(REAL_DIR, ".prisma", real, RM_ARRAY_LEN(real));
    size_t total = n * RM_ARRAY_LEN(dialects) + nreal;
    apply_case *cases = calloc(total + 1, sizeof(*cases));
    struct CMUnitTest *tests = calloc(total + 1, sizeof(*tests));
    if (!cases || !tests)
        return 1;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < RM_ARRAY_LEN(dialects); j++, k++) {
            snprintf(cases[k].name, sizeof cases[k].name, "apply/%s/%s", names[i], dialects[j]);
            snprintf(cases[k].dir, sizeof cases[k].dir, "%s", names[i]);
            cases[k].dialect = dialects[j];
            tests[k] = (struct CMUnitTest){cases[k].name, run_apply, NULL, NULL, &cases[k]};
        }
    for (size_t i = 0; i < nreal; i++, k++) {
        snprintf(cases[k].name, sizeof cases[k].name, "real/%s", real[i]);
        snprintf(cases[k].dir, sizeof cases[k].dir, "%s", real[i]);
        tests[k] = (struct CMUnitTest){cases[k].name, run_real, NULL, NULL, &cases[k]};
    }
    int rc = _cmocka_run_group_tests("diff_apply", tests, k, NULL, NULL);
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    for (size_t i = 0; i < nreal; i++)
        free(real[i]);
    free(cases);
    free(tests);
    return rc;
}
