/*
 * Credentials never leak (issue #8): every relmig command that takes a database URL is run
 * against PostgreSQL and MariaDB with a wrong host, a wrong port, a wrong password, an unknown
 * database, malformed URLs, and a user name equal to the password; each run must exit 1 (64 for
 * a usage error) with exactly one error line, and neither the percent-encoded password
 * (S3cr3t-pw-%40-x, as written in the URL) nor its decoded form (S3cr3t-pw-@-x, what the
 * client library receives) may appear in stdout or stderr, including --json output.
 *
 * The user_is_password rows are the ones that fail when the scrubbing in src/db is removed:
 * both servers echo the user name in their refusal ("password authentication failed for user
 * "..."", "Access denied for user '...'@'...'"), decoded, so only rm_dberr_set's scrubbing
 * keeps the secret out. (relmig's own echo of the URL shows the user percent-encoded, so
 * those rows check the decoded form only.)
 *
 * One row per server x fault x command. Not for the URL parser's unit cases (test_db_url.c).
 */
#include "hostile_db.h"


#define SECRET "S3cr3t-pw-@-x"            /* decoded */
#define SECRET_ENCODED "S3cr3t-pw-%40-x"  /* as written in a URL */

typedef enum fault {
    F_WRONG_HOST,
    F_WRONG_PORT,
    F_WRONG_PASSWORD,
    F_UNKNOWN_DATABASE,
    F_MALFORMED_IPV6,
    F_MALFORMED_PORT,
    F_USER_IS_PASSWORD,
    F_COUNT
} fault;

static const char *const fault_names[F_COUNT] = {
    "wrong_host",      "wrong_port",     "wrong_password",   "unknown_database",
    "malformed_ipv6",  "malformed_port", "user_is_password",
};

/* "@URL@" is replaced by the faulty URL, "@DIR@" by a valid migrations folder, "@SCHEMA@" by a
 * valid schema for the server's provider, "@OUT@" by a scratch migrations folder. */
typedef struct command {
    const char *name;
    const char *args[16];
    int exit_code;
} command;

static const command commands[] = {
    {"diff_from_url", {"diff", "--from", "@URL@", "--to", "@SCHEMA@", NULL}, 1},
    {"diff_to_url_json", {"diff", "--from", "@SCHEMA@", "--to", "@URL@", "--json", NULL}, 1},
    {"apply", {"apply", "--url", "@URL@", "--dir", "@DIR@", NULL}, 1},
    {"status_json", {"status", "--url", "@URL@", "--dir", "@DIR@", "--json", NULL}, 1},
    {"resolve",
     {"resolve", "--url", "@URL@", "--dir", "@DIR@", "--applied", "20240101000000_a", NULL},
     1},
    {"check_json", {"check", "--url", "@URL@", "--schema", "@SCHEMA@", "--json", NULL}, 1},
    {"check_shadow",
     {"check", "--url", "@URL@", "--dir", "@DIR@", "--shadow-url", "@URL@", NULL},
     1},
    {"introspect", {"introspect", "--url", "@URL@", NULL}, 1},
    {"introspect_cerial", {"introspect", "--url", "@URL@", "--syntax", "cerial", NULL}, 1},
    {"migrate_new_url",
     {"migrate", "new", "--name", "x", "--schema", "@SCHEMA@", "--dir", "@OUT@", "--url",
      "@URL@", NULL},
     1},
    {"migrate_new_shadow",
     {"migrate", "new", "--name", "x", "--schema", "@SCHEMA@", "--dir", "@OUT@",
      "--shadow-url", "@URL@", NULL},
     1},
    {"graph_url", {"graph", "@URL@", NULL}, 1},
    /* --verbose says more about what is done; still no password. */
    {"apply_verbose", {"--verbose", "apply", "--url", "@URL@", "--dir", "@DIR@", NULL}, 1},
    {"status_verbose_json",
     {"status", "--verbose", "--url", "@URL@", "--dir", "@DIR@", "--json", NULL},
     1},
    /* An unknown option: the usage error must not echo the URL either. (--verbose is a
     * global option now.) */
    {"status_unknown_option_usage",
     {"status", "--no-such-option", "--url", "@URL@", "--dir", "@DIR@", NULL}, 64},
};

typedef struct row {
    rm_db_kind kind;
    fault f;
    const command *cmd;
} row;

static const char *scheme(rm_db_kind kind)
{
    return kind == RM_DB_POSTGRES ? "postgresql" : "mysql";
}

/* The faulty URL of a row, and in *secret the password it carries (decoded). */
static char *fault_url(rm_db_kind kind, fault f, const char **secret)
{
    const rm_dburl *b = &hdb.base[kind];
    *secret = SECRET;
    switch (f) {
    case F_WRONG_HOST:
        return hdb_url_with(kind, NULL, SECRET, "nohost.invalid", 0, NULL);
    case F_WRONG_PORT:
        return hdb_url_with(kind, NULL, SECRET, NULL, rm_test_free_port(), NULL);
    case F_WRONG_PASSWORD:
        return hdb_url_with(kind, NULL, SECRET, NULL, 0, NULL);
    case F_UNKNOWN_DATABASE:
        /* The right password: the secret to protect is then the real one. */
        *secret = b->password;
        return hdb_url_with(kind, NULL, NULL, NULL, 0,
                            rm_arena_sprintf(&hdb.arena, "hostile_nodb_%ld", (long)getpid()));
    case F_MALFORMED_IPV6:
        return rm_arena_sprintf(&hdb.arena, "%s://%s:%s@[::1:%u/x", scheme(kind), b->user,
                                SECRET_ENCODED, (unsigned)b->port);
    case F_MALFORMED_PORT:
        return rm_arena_sprintf(&hdb.arena, "%s://%s:%s@%s:99999/x", scheme(kind), b->user,
                                SECRET_ENCODED, b->host);
    case F_USER_IS_PASSWORD:
        return hdb_url_with(kind, SECRET, SECRET, NULL, 0, NULL);
    case F_COUNT:
        break;
    }
    fail_msg("no such fault");
    return NULL;
}

static char *percent_encode(const char *s)
{
    rm_sb sb = RM_SB_INIT;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("-._~", *p))
            rm_sb_putc(&sb, (char)*p);
        else
            rm_sb_appendf(&sb, "%%%02X", *p);
    }
    char *out = rm_arena_strdup(&hdb.arena, rm_sb_str(&sb));
    rm_sb_free(&sb);
    return out;
}

static void assert_absent(const char *where, const char *text, const char *secret)
{
    if (secret && secret[0] && strstr(text, secret))
        fail_msg("the password \"%s\" appears in %s:\n%s", secret, where, text);
}

static size_t count_error_lines(const char *text)
{
    size_t n = 0;
    for (const char *l = text; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
        if (strncmp(l, "error[", 6) == 0)
            n++;
    }
    return n;
}

static void run_row(void **state)
{
    const row *r = *state;
    hdb_require(r->kind);
    const char *secret = NULL;
    char *url = fault_url(r->kind, r->f, &secret);
    char *schema = hdb_write("schema.prisma",
                             rm_arena_sprintf(&hdb.arena,
                                              "datasource db {\n  provider = \"%s\"\n  url = "
                                              "env(\"DATABASE_URL\")\n}\n\nmodel A {\n  id Int "
                                              "@id\n}\n",
                                              scheme(r->kind)));
    char *dir = hdb_migrations("20240101000000_a", "CREATE TABLE t (id INTEGER PRIMARY KEY);\n");
    char *out = hdb_path("out");
    assert_int_equal(mkdir(out, 0777), 0);

    const char *args[16];
    size_t n = 0;
    for (; r->cmd->args[n]; n++) {
        const char *a = r->cmd->args[n];
        args[n] = strcmp(a, "@URL@") == 0      ? url
                  : strcmp(a, "@DIR@") == 0    ? dir
                  : strcmp(a, "@SCHEMA@") == 0 ? schema
                  : strcmp(a, "@OUT@") == 0    ? out
                                               : a;
    }
    args[n] = NULL;
    rm_test_proc p;
    int st = hdb_relmig(&p, args, r->cmd->exit_code);

    /* The decoded password always; the encoded one except where it is also the user name,
     * which relmig's redacted URL shows (percent-encoded) as any user name. */
    const char *forms[] = {secret, r->f == F_USER_IS_PASSWORD ? NULL : percent_encode(secret)};
    for (size_t i = 0; i < RM_ARRAY_LEN(forms); i++) {
        assert_absent("stdout", p.out, forms[i]);
        assert_absent("stderr", p.err, forms[i]);
    }
    assert_int_equal(st, r->cmd->exit_code);
    if (st == 1) {
        /* One clear line: exactly one error, from the connection (E08xx) family. */
        if (count_error_lines(p.err) != 1 || !strstr(p.err, "error[E08"))
            fail_msg("expected exactly one error[E08xx] line, got:\n%s", p.err);
    }
    /* Nothing written: migrate new must not leave a half-made migration behind. */
    char *names[4];
    size_t nfiles = rm_test_list_files(names, 4, out, "", NULL);
    for (size_t i = 0; i < nfiles; i++) {
        if (strcmp(names[i], ".") && strcmp(names[i], ".."))
            fail_msg("%s was written into the output folder", names[i]);
    }
    rm_test_free_names(names, nfiles);
    rm_test_proc_free(&p);
}

int main(void)
{
    int rc = hdb_init();
    if (rc != 0)
        return rc;
    static const rm_db_kind kinds[] = {RM_DB_POSTGRES, RM_DB_MYSQL};
    size_t ncmd = RM_ARRAY_LEN(commands);
    size_t n = RM_ARRAY_LEN(kinds) * F_COUNT * ncmd;
    row *rows = calloc(n, sizeof *rows);
    struct CMUnitTest *tests = calloc(n, sizeof *tests);
    size_t k = 0;
    for (size_t i = 0; i < RM_ARRAY_LEN(kinds); i++) {
        for (int f = 0; f < F_COUNT; f++) {
            for (size_t c = 0; c < ncmd; c++, k++) {
                rows[k] = (row){kinds[i], (fault)f, &commands[c]};
                tests[k].name =
                    rm_arena_sprintf(&hdb.arena, "%s/%s/%s", rm_db_kind_name(kinds[i]),
                                     fault_names[f], commands[c].name);
                tests[k].test_func = run_row;
                tests[k].initial_state = &rows[k];
            }
        }
    }
    rc = _cmocka_run_group_tests("credentials", tests, n, NULL, NULL);
    free(tests);
    free(rows);
    hdb_finish();
    return rc;
}
