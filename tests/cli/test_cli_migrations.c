/*
 * The migration commands driven through the real binary, on SQLite only (no server needed):
 * `migrate hash` output checked against coreutils sha256sum, usage errors (exit 64),
 * `migrate new` -> `apply` -> `check` -> `status` end to end, tamper detection, and the exit
 * codes of status/check, migrations folders as `diff` states. Server-backed behaviour is in
 * tests/integration/test_apply_*.c and test_check_*.c. One row per case.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *tmpdir;
static int seq;

/* tmpdir/name, malloc'd. */
static char *path(const char *name)
{
    char *p = malloc(strlen(tmpdir) + strlen(name) + 2);
    sprintf(p, "%s/%s", tmpdir, name);
    return p;
}

static char *case_dir(void)
{
    char name[32];
    snprintf(name, sizeof name, "c%d", ++seq);
    char *p = path(name);
    assert_int_equal(mkdir(p, 0777), 0);
    return p;
}

static void put(const char *dir, const char *rel, const char *text)
{
    char *p = malloc(strlen(dir) + strlen(rel) + 2);
    sprintf(p, "%s/%s", dir, rel);
    /* create parent folders */
    for (char *s = p + strlen(dir) + 1; (s = strchr(s, '/')) != NULL; s++) {
        *s = '\0';
        mkdir(p, 0777);
        *s = '/';
    }
    assert_true(rm_test_write_file(p, text, strlen(text)));
    free(p);
}

static int run(rm_test_proc *p, const char *const *args)
{
    assert_int_equal(rm_test_relmig(p, args, NULL), 0);
    return p->status;
}

static char *sha256sum(const char *file)
{
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "sha256sum '%s'", file);
    FILE *f = popen(cmd, "r");
    char buf[128] = "";
    bool ok = f && fgets(buf, sizeof buf, f) && strlen(buf) > 64;
    if (f)
        pclose(f);
    if (!ok)
        return NULL;
    buf[64] = '\0';
    return strdup(buf);
}

static const char *schema_v1 =
    "datasource db {\n  provider = \"sqlite\"\n  url = \"file:dev.db\"\n}\n\n"
    "model User {\n  id      Int      @id\n  email   String   @unique\n  profile Profile?\n}\n\n"
    "model Profile {\n  id     Int  @id\n  userId Int  @unique\n"
    "  user   User @relation(fields: [userId], references: [id])\n}\n";

static const char *schema_v2 =
    "datasource db {\n  provider = \"sqlite\"\n  url = \"file:dev.db\"\n}\n\n"
    "model User {\n  id      Int      @id\n  email   String   @unique\n  nick    String?\n"
    "  profile Profile?\n}\n\n"
    "model Profile {\n  id     Int  @id\n  userId Int  @unique\n"
    "  user   User @relation(fields: [userId], references: [id])\n}\n";

/* ---------------------------------------------------------------------------------------- */

static void hash_matches_sha256sum(void **state)
{
    (void)state;
    char *d = case_dir();
    put(d, "m/20250101000000_a/migration.sql", "CREATE TABLE a (id INTEGER PRIMARY KEY);\n");
    put(d, "m/20250102000000_b/migration.sql", "CREATE TABLE b (id INTEGER PRIMARY KEY);\r\n");
    char *m = malloc(strlen(d) + 4);
    sprintf(m, "%s/m", d);
    rm_test_proc p;
    const char *args[] = {"migrate", "hash", "--dir", m, NULL};
    assert_int_equal(run(&p, args), 0);
    assert_non_null(strstr(p.out, "(2 migrations)"));
    rm_test_proc_free(&p);
    char file[4096];
    snprintf(file, sizeof file, "%s/relmig.sum", m);
    char *sum = rm_test_read_file(file, NULL);
    assert_non_null(sum);
    const char *names[] = {"20250101000000_a", "20250102000000_b"};
    for (int i = 0; i < 2; i++) {
        snprintf(file, sizeof file, "%s/%s/migration.sql", m, names[i]);
        char *h = sha256sum(file);
        if (!h)
            skip();
        char line[200];
        snprintf(line, sizeof line, "\n%s %s\n", names[i], h);
        assert_non_null(strstr(sum, line));
        free(h);
    }
    assert_non_null(strstr(sum, "\ntotal "));
    free(sum);
    free(m);
    free(d);
}

typedef struct usage_row {
    const char *name;
    const char *args[12];
    const char *want;
} usage_row;

static const usage_row usage_rows[] = {
    {"usage_migrate_no_subcommand", {"migrate", NULL}, "give a subcommand"},
    {"usage_migrate_unknown_subcommand", {"migrate", "frobnicate", NULL}, "unknown subcommand"},
    {"usage_migrate_new_no_name",
     {"migrate", "new", "--schema", "x.prisma", NULL},
     "--name N and --schema PATH"},
    {"usage_apply_no_url", {"apply", NULL}, "--url is required"},
    {"usage_status_no_url", {"status", NULL}, "--url is required"},
    {"usage_resolve_neither",
     {"resolve", "--url", "sqlite::memory:", NULL},
     "exactly one of --applied"},
    {"usage_resolve_both",
     {"resolve", "--url", "sqlite::memory:", "--applied", "a", "--rolled-back", "b", NULL},
     "exactly one of --applied"},
    {"usage_check_neither", {"check", "--url", "sqlite::memory:", NULL}, "exactly one of --schema"},
    {"usage_apply_bad_lock_timeout",
     {"apply", "--url", "sqlite::memory:", "--lock-timeout", "soon", NULL},
     "wants seconds"},
    {"usage_diff_from_and_from_migrations",
     {"diff", "--from", "empty", "--from-migrations", "m", "--to", "empty", NULL},
     "not both"},
    {"usage_migrate_new_shadow_is_url",
     {"migrate", "new", "--name", "x", "--schema", "s.prisma", "--url",
      "postgresql://u:pw@localhost/app", "--shadow-url", "postgresql://u:pw@127.0.0.1:5432/app",
      NULL},
     "--shadow-url is the database of --url"},
};

static void usage_error(void **state)
{
    const usage_row *r = *state;
    rm_test_proc p;
    int st = run(&p, r->args);
    if (st != 64 || !strstr(p.err, r->want))
        fail_msg("relmig %s ...: exit %d, stderr %s", r->args[0], st, p.err);
    rm_test_proc_free(&p);
}

static void missing_folder_is_error(void **state)
{
    (void)state;
    rm_test_proc p;
    char *m = path("does-not-exist");
    const char *args[] = {"apply", "--url", "sqlite::memory:", "--dir", m, NULL};
    assert_int_equal(run(&p, args), 1);
    assert_non_null(strstr(p.err, "E0001"));
    rm_test_proc_free(&p);
    free(m);
}

/* A fresh case folder with schema_v1 in schema.prisma and its first migration ("init") made
 * by `relmig migrate new`: m = the migrations folder, s = the schema, url = its SQLite file. */
static char *case_with_init(char m[4096], char s[4096], char url[4096])
{
    char *d = case_dir();
    put(d, "schema.prisma", schema_v1);
    snprintf(m, 4096, "%s/migrations", d);
    snprintf(s, 4096, "%s/schema.prisma", d);
    snprintf(url, 4096, "sqlite:%s/dev.db", d);
    rm_test_proc p;
    const char *mn[] = {"migrate", "new", "--name", "init", "--schema", s, "--dir", m, NULL};
    assert_int_equal(run(&p, mn), 0);
    assert_non_null(strstr(p.out, "_init/migration.sql"));
    rm_test_proc_free(&p);
    return d;
}

static void new_apply_check_status(void **state)
{
    (void)state;
    char m[4096], s[4096], url[4096];
    char *d = case_with_init(m, s, url);
    rm_test_proc p;
    /* nothing left to write */
    const char *mn2[] = {"migrate", "new", "--name", "again", "--schema", s, "--dir", m, NULL};
    assert_int_equal(run(&p, mn2), 0);
    assert_non_null(strstr(p.out, "No difference detected"));
    rm_test_proc_free(&p);
    const char *st[] = {"status", "--url", url, "--dir", m, NULL};
    assert_int_equal(run(&p, st), 2);
    rm_test_proc_free(&p);
    const char *ap[] = {"apply", "--url", url, "--dir", m, NULL};
    assert_int_equal(run(&p, ap), 0);
    assert_non_null(strstr(p.out, "applied 1 migration"));
    assert_null(strstr(p.err, "warning")); /* relmig.sum was written by migrate new */
    rm_test_proc_free(&p);
    assert_int_equal(run(&p, st), 0);
    rm_test_proc_free(&p);
    const char *ck[] = {"check", "--url", url, "--schema", s, NULL};
    assert_int_equal(run(&p, ck), 0);
    rm_test_proc_free(&p);
    const char *ckd[] = {"check", "--url", url, "--dir", m, NULL};
    assert_int_equal(run(&p, ckd), 0);
    rm_test_proc_free(&p);
    /* the schema moves on: check sees drift until a migration is made and applied */
    put(d, "schema.prisma", schema_v2);
    assert_int_equal(run(&p, ck), 2);
    assert_non_null(strstr(p.out, "Redefined table `User`")); /* SQLite: Prisma's wording */
    rm_test_proc_free(&p);
    sleep(1); /* migration folder names have a one-second timestamp */
    const char *mn3[] = {"migrate", "new", "--name", "add nick", "--schema", s, "--dir", m, NULL};
    assert_int_equal(run(&p, mn3), 0);
    assert_non_null(strstr(p.out, "_add_nick/migration.sql"));
    rm_test_proc_free(&p);
    assert_int_equal(run(&p, ap), 0);
    assert_non_null(strstr(p.out, "_add_nick ("));
    rm_test_proc_free(&p);
    assert_int_equal(run(&p, ck), 0);
    rm_test_proc_free(&p);
    /* tampering with an applied migration is caught by relmig.sum */
    char cmd[8192];
    snprintf(cmd, sizeof cmd,
             "for f in '%s'/*_init/migration.sql; do echo '-- edited' >> \"$f\"; done", m);
    assert_int_equal(system(cmd), 0);
    assert_int_equal(run(&p, ap), 1);
    assert_non_null(strstr(p.err, "E0904"));
    rm_test_proc_free(&p);
    assert_int_equal(run(&p, st), 2);
    assert_non_null(strstr(p.out, "edited   "));
    rm_test_proc_free(&p);
    free(d);
}

/* RELMIG_TRACE=1 shows what apply and status run, history statements included (they reach
 * the driver without the rm_db_* wrappers): the lock, the history row, the migration's own
 * script and the commit, in that order. */
static void apply_and_status_are_traced(void **state)
{
    (void)state;
    char m[4096], s[4096], url[4096];
    char *d = case_with_init(m, s, url);
    rm_test_proc p;
    const char *const env[] = {"RELMIG_TRACE=1", NULL};
    const char *ap[] = {"apply", "--url", url, "--dir", m, NULL};
    assert_int_equal(rm_test_relmig(&p, ap, env), 0);
    assert_int_equal(p.status, 0);
    static const char *const in_order[] = {
        "-- relmig[sqlite] lock \"prisma_migrate\"",
        "INSERT INTO _prisma_migrations",
        "CREATE TABLE \"User\"",
        "-- relmig[sqlite]\nCOMMIT;",
        "-- relmig[sqlite] unlock \"prisma_migrate\"",
    };
    const char *at = p.err;
    for (size_t i = 0; i < sizeof in_order / sizeof in_order[0]; i++) {
        const char *next = strstr(at, in_order[i]);
        if (!next)
            printf("not in the trace after the previous line: %s\n--- stderr ---\n%s", in_order[i],
                   p.err);
        assert_non_null(next);
        at = next;
    }
    rm_test_proc_free(&p);
    const char *st[] = {"status", "--url", url, "--dir", m, NULL};
    assert_int_equal(rm_test_relmig(&p, st, env), 0);
    assert_int_equal(p.status, 0);
    assert_non_null(strstr(p.err, "FROM _prisma_migrations"));
    rm_test_proc_free(&p);
    free(d);
}

/* A SQLite table redefinition applied by `relmig apply` keeps the rows of tables that
 * reference the redefined one with ON DELETE CASCADE (regression: apply's transaction made the
 * script's PRAGMA foreign_keys=OFF a no-op, so DROP TABLE cascaded into the join table), and a
 * migration that leaves a foreign-key violation is rolled back. */
static void sqlite_redefinition_keeps_child_rows(void **state)
{
    (void)state;
    char *d = case_dir();
    char m[4096], v1[4096], v2[4096], db[4096], url[4200], cmd[9000];
    snprintf(m, sizeof m, "%s/migrations", d);
    snprintf(v1, sizeof v1, "%s", RELMIG_SOURCE_DIR "/examples/blog/schema.prisma");
    snprintf(v2, sizeof v2, "%s", RELMIG_SOURCE_DIR "/examples/blog-v2/schema.prisma");
    snprintf(db, sizeof db, "%s/blog.db", d);
    snprintf(url, sizeof url, "sqlite:%s", db);
    rm_test_proc p;
    const char *mn1[] = {"migrate", "new", "--name", "init", "--schema", v1, "--dir", m, NULL};
    assert_int_equal(run(&p, mn1), 0);
    rm_test_proc_free(&p);
    const char *ap[] = {"apply", "--url", url, "--dir", m, NULL};
    assert_int_equal(run(&p, ap), 0);
    rm_test_proc_free(&p);
    snprintf(cmd, sizeof cmd,
             "sqlite3 '%s' \"INSERT INTO User(email) VALUES('a@x'); INSERT INTO Post(title, "
             "authorId) VALUES('t', 1); INSERT INTO Category(name) VALUES('c'); INSERT INTO "
             "_CategoryToPost(A, B) VALUES(1, 1);\"",
             db);
    assert_int_equal(system(cmd), 0);
    sleep(1); /* migration folder names have a one-second timestamp */
    const char *mn2[] = {"migrate", "new", "--name", "v2", "--schema", v2, "--dir", m, NULL};
    assert_int_equal(run(&p, mn2), 0);
    rm_test_proc_free(&p);
    assert_int_equal(run(&p, ap), 0); /* redefines Post, referenced by _CategoryToPost */
    rm_test_proc_free(&p);
    snprintf(cmd, sizeof cmd,
             "test \"$(sqlite3 '%s' 'SELECT count(*) FROM _CategoryToPost; SELECT count(*) FROM "
             "Post;' | tr '\\n' ' ')\" = '1 1 '",
             db);
    assert_int_equal(system(cmd), 0);

    /* A migration whose data breaks a foreign key is rolled back and reported. */
    sleep(1);
    char bad[4200];
    snprintf(bad, sizeof bad, "%s", "20991231000000_orphan/migration.sql");
    put(m, bad, "INSERT INTO \"Post\" (\"title\", \"authorId\") VALUES ('orphan', 999);\n");
    const char *hash[] = {"migrate", "hash", "--dir", m, NULL};
    assert_int_equal(run(&p, hash), 0);
    rm_test_proc_free(&p);
    assert_int_equal(run(&p, ap), 1);
    assert_non_null(strstr(p.err, "violating foreign keys"));
    rm_test_proc_free(&p);
    snprintf(cmd, sizeof cmd,
             "test \"$(sqlite3 '%s' \"SELECT count(*) FROM Post WHERE title = 'orphan'\")\" = 0",
             db);
    assert_int_equal(system(cmd), 0);
    free(d);
}

/* A migrations folder as a diff state (SQLite: replayed into an in-memory database). The
 * expected scripts name the column that differs; replaying the folder and diffing against the
 * schema it was made from must find nothing. */
static void diff_from_migrations_folder(void **state)
{
    (void)state;
    char *d = case_dir();
    put(d, "v1.prisma", schema_v1);
    put(d, "v2.prisma", schema_v2);
    char m[4096], v1[4096], v2[4096], plain[4096];
    snprintf(m, sizeof m, "%s/migrations", d);
    snprintf(v1, sizeof v1, "%s/v1.prisma", d);
    snprintf(v2, sizeof v2, "%s/v2.prisma", d);
    rm_test_proc p;
    const char *mn[] = {"migrate", "new", "--name", "init", "--schema", v1, "--dir", m, NULL};
    assert_int_equal(run(&p, mn), 0);
    rm_test_proc_free(&p);

    /* recognised by its migration_lock.toml */
    const char *up[] = {"diff", "--from", m, "--to", v2, NULL};
    assert_int_equal(run(&p, up), 0);
    assert_non_null(strstr(p.out, "ALTER TABLE \"User\" ADD COLUMN \"nick\" TEXT"));
    rm_test_proc_free(&p);
    const char *same[] = {"diff", "--from-migrations", m, "--to", v1, "--exit-code", NULL};
    assert_int_equal(run(&p, same), 0);
    assert_non_null(strstr(p.out, "empty migration"));
    rm_test_proc_free(&p);
    const char *down[] = {"diff", "--from", v2, "--to-migrations", m, "--exit-code", NULL};
    assert_int_equal(run(&p, down), 2);
    assert_non_null(strstr(p.out, "drop the column `nick`"));
    rm_test_proc_free(&p);

    /* a folder without migration_lock.toml: named explicitly, dialect from --dialect */
    snprintf(plain, sizeof plain, "%s/plain", d);
    put(d, "plain/20250101000000_a/migration.sql",
        "CREATE TABLE \"User\" (\"id\" INTEGER NOT NULL PRIMARY KEY, \"email\" TEXT NOT NULL);\n"
        "CREATE TRIGGER t AFTER INSERT ON \"User\" BEGIN SELECT 1; SELECT 2; END;\n");
    const char *pl[] = {"diff",  "--from-migrations", plain,    "--to",
                        "empty", "--dialect",         "sqlite", NULL};
    assert_int_equal(run(&p, pl), 0);
    assert_non_null(strstr(p.out, "DROP TABLE \"User\""));
    rm_test_proc_free(&p);

    /* a PostgreSQL folder needs a shadow database */
    put(d, "pgm/migration_lock.toml", "provider = \"postgresql\"\n");
    put(d, "pgm/20250101000000_a/migration.sql", "CREATE TABLE a (id int);\n");
    char pgm[4096];
    snprintf(pgm, sizeof pgm, "%s/pgm", d);
    const char *pg[] = {"diff", "--from", pgm, "--to", "empty", NULL};
    assert_int_equal(run(&p, pg), 1);
    assert_non_null(strstr(p.err, "needs --shadow-url"));
    rm_test_proc_free(&p);

    /* a tampered folder is refused, as apply refuses it */
    char f[4200];
    snprintf(f, sizeof f, "%s/migrations", d);
    char *sum = NULL;
    {
        char sp[4300];
        snprintf(sp, sizeof sp, "%s/relmig.sum", f);
        sum = rm_test_read_file(sp, NULL);
        assert_non_null(sum);
        char *line = strstr(sum, "_init ");
        assert_non_null(line);
        char name[64];
        size_t n = (size_t)(strchr(line, ' ') - line);
        const char *start = line;
        while (start > sum && start[-1] != '\n')
            start--;
        n += (size_t)(line - start);
        assert_true(n < sizeof name);
        memcpy(name, start, n);
        name[n] = '\0';
        char rel[200];
        snprintf(rel, sizeof rel, "migrations/%s/migration.sql", name);
        put(d, rel, "CREATE TABLE edited (id INTEGER);\n");
    }
    free(sum);
    assert_int_equal(run(&p, up), 1);
    assert_non_null(strstr(p.err, "E0904"));
    rm_test_proc_free(&p);
    free(d);
}

static void help_is_documented(void **state)
{
    (void)state;
    const char *cmds[] = {"apply", "status", "resolve", "check", "migrate"};
    for (size_t i = 0; i < 5; i++) {
        rm_test_proc p;
        const char *args[] = {cmds[i], "--help", NULL};
        assert_int_equal(run(&p, args), 0);
        assert_null(strstr(p.out, "not implemented"));
        assert_non_null(strstr(p.out, "relmig"));
        rm_test_proc_free(&p);
    }
}

int main(void)
{
    tmpdir = rm_test_mkdtemp();
    size_t nu = sizeof usage_rows / sizeof usage_rows[0], k = 0;
    static const struct CMUnitTest fixed[] = {
        cmocka_unit_test(missing_folder_is_error),
        cmocka_unit_test(new_apply_check_status),
        cmocka_unit_test(apply_and_status_are_traced),
        cmocka_unit_test(sqlite_redefinition_keeps_child_rows),
        cmocka_unit_test(diff_from_migrations_folder),
        cmocka_unit_test(help_is_documented),
    };
    size_t nfixed = sizeof fixed / sizeof fixed[0];
    struct CMUnitTest *tests = calloc(1 + nu + nfixed, sizeof *tests);
    tests[k++] = (struct CMUnitTest)cmocka_unit_test(hash_matches_sha256sum);
    for (size_t i = 0; i < nu; i++)
        tests[k++] = (struct CMUnitTest){usage_rows[i].name, usage_error, NULL, NULL,
                                         (void *)&usage_rows[i]};
    for (size_t i = 0; i < nfixed; i++)
        tests[k++] = fixed[i];
    int rc = _cmocka_run_group_tests("cli_migrations", tests, k, NULL, NULL);
    free(tests);
    rm_test_rmtree(tmpdir);
    free(tmpdir);
    return rc;
}
