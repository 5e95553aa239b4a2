/*
 * How relmig behaves on a terminal and off it: ANSI colour in diagnostics only on a TTY (never
 * with NO_COLOR set, TERM=dumb, or a pipe), -q/--quiet and -v/--verbose, and the progress line
 * of long operations (apply, introspect) on a TTY only. The binary runs on a pseudo-terminal
 * made here (posix_openpt), with output post-processing off so the bytes read are exactly the
 * bytes written; the pipe rows use rm_test_relmig.
 *
 * Not for what the commands compute (the other tests/cli/ files).
 */
#define _XOPEN_SOURCE 700
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "testutil.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

static char *tmp; /* one folder for every row's files */

static const char bad_schema[] = "model A {\n  id Int @id\n  b Nope\n}\n";
/* Valid, with one warning (E0245: SetDefault on MySQL). */
static const char warn_schema[] =
    "datasource db {\n  provider = \"mysql\"\n  url      = env(\"DATABASE_URL\")\n}\n\n"
    "model User {\n  id    Int    @id\n  posts Post[]\n}\n\n"
    "model Post {\n  id       Int  @id\n  authorId Int  @default(1)\n"
    "  author   User @relation(fields: [authorId], references: [id], onDelete: SetDefault)\n}\n";

/* ---- running on a pseudo-terminal ---- */

typedef struct tty_result {
    char *text;      /* everything written to the terminal (stdout and stderr), malloc'd */
    char *piped_out; /* stdout when it was a pipe (stdout_pipe), malloc'd, else NULL */
    int status;
} tty_result;

static char *read_all(int fd)
{
    size_t len = 0, cap = 4096;
    char *buf = malloc(cap);
    assert_non_null(buf);
    for (;;) {
        if (len + 1024 > cap) {
            cap *= 2;
            buf = realloc(buf, cap);
            assert_non_null(buf);
        }
        ssize_t k = read(fd, buf + len, cap - len - 1);
        if (k > 0) {
            len += (size_t)k;
            continue;
        }
        if (k < 0 && errno == EINTR)
            continue;
        break; /* 0, or EIO on the master once every slave descriptor is closed */
    }
    buf[len] = '\0';
    return buf;
}

/* Run relmig args in tmp with stdin, stderr (and stdout unless stdout_pipe) on a new pseudo-
 * terminal. env: "NAME=value" to set, or "NAME" to unset; TERM=xterm and no NO_COLOR unless
 * env says otherwise. */
static void run_tty(tty_result *r, const char *const *args, const char *const *env,
                    bool stdout_pipe)
{
    int master = posix_openpt(O_RDWR | O_NOCTTY);
    assert_true(master >= 0);
    assert_int_equal(grantpt(master), 0);
    assert_int_equal(unlockpt(master), 0);
    const char *slave_name = ptsname(master);
    assert_non_null(slave_name);
    int out_pipe[2] = {-1, -1};
    if (stdout_pipe)
        assert_int_equal(pipe(out_pipe), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        setsid();
        int slave = open(slave_name, O_RDWR);
        if (slave < 0)
            _exit(126);
        struct termios t;
        if (tcgetattr(slave, &t) == 0) {
            t.c_oflag &= ~(tcflag_t)OPOST; /* no "\n" -> "\r\n" */
            tcsetattr(slave, TCSANOW, &t);
        }
        dup2(slave, 0);
        dup2(stdout_pipe ? out_pipe[1] : slave, 1);
        dup2(slave, 2);
        close(slave);
        close(master);
        if (stdout_pipe) {
            close(out_pipe[0]);
            close(out_pipe[1]);
        }
        if (chdir(tmp) != 0)
            _exit(126);
        setenv("TERM", "xterm", 1);
        unsetenv("NO_COLOR");
        for (size_t i = 0; env && env[i]; i++) {
            char name[64];
            const char *eq = strchr(env[i], '=');
            if (!eq) {
                unsetenv(env[i]);
                continue;
            }
            snprintf(name, sizeof name, "%.*s", (int)(eq - env[i]), env[i]);
            setenv(name, eq + 1, 1);
        }
        const char *argv[32] = {RELMIG_BINARY_PATH};
        size_t n = 1;
        for (; args[n - 1] && n < 31; n++)
            argv[n] = args[n - 1];
        argv[n] = NULL;
        execv(argv[0], (char *const *)argv);
        _exit(127);
    }
    r->piped_out = NULL;
    if (stdout_pipe) {
        close(out_pipe[1]);
        /* Small outputs: the pipe buffer holds them, so reading it after the terminal is
         * safe. */
    }
    r->text = read_all(master);
    if (stdout_pipe) {
        r->piped_out = read_all(out_pipe[0]);
        close(out_pipe[0]);
    }
    int st = 0;
    assert_int_equal(waitpid(pid, &st, 0), pid);
    close(master);
    r->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static void tty_free(tty_result *r)
{
    free(r->text);
    free(r->piped_out);
}

static bool has_escape(const char *s)
{
    return strchr(s, '\033') != NULL;
}

static void show(const char *what, const char *text)
{
    /* Escapes printed as \e so a failure report does not colour the test log. */
    printf("--- %s:\n", what);
    for (const char *p = text; *p; p++) {
        if (*p == '\033')
            fputs("\\e", stdout);
        else if (*p == '\r')
            fputs("\\r", stdout);
        else
            putchar(*p);
    }
    printf("---\n");
}

static void write_tmp(const char *name, const char *text)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", tmp, name);
    assert_true(rm_test_write_file(path, text, strlen(text)));
}

/* Run relmig through pipes (rm_test_relmig) in tmp: the pipe case. */
static void run_pipe(rm_test_proc *p, const char *const *args)
{
    char cwd[1024];
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(tmp), 0);
    assert_int_equal(rm_test_relmig(p, args, NULL), 0);
    assert_int_equal(chdir(cwd), 0);
}

/* ---- colour rows: one command, where it runs, whether colour is expected ---- */

typedef struct colour_row {
    const char *name;
    const char *const *env; /* extra environment on the terminal */
    bool pipe;              /* stderr to a pipe instead of the terminal */
    bool colour;
} colour_row;

static const char *const env_no_color[] = {"NO_COLOR=1", NULL};
static const char *const env_dumb[] = {"TERM=dumb", NULL};

static const colour_row colour_rows[] = {
    {"colour/tty", NULL, false, true},
    {"colour/tty_NO_COLOR=1", env_no_color, false, false},
    {"colour/tty_TERM=dumb", env_dumb, false, false},
    {"colour/pipe", NULL, true, false},
};

static void colour_case(void **state)
{
    const colour_row *row = *state;
    const char *args[] = {"validate", "bad.prisma", NULL};
    const char *text;
    tty_result r = {0};
    rm_test_proc p = {0};
    if (row->pipe) {
        run_pipe(&p, args);
        text = p.err;
        assert_int_equal(p.status, 1);
        assert_false(has_escape(p.out));
    } else {
        run_tty(&r, args, row->env, false);
        text = r.text;
        assert_int_equal(r.status, 1);
    }
    /* The diagnostic is there either way, with its place. */
    if (!strstr(text, "bad.prisma:3:5:") || has_escape(text) != row->colour)
        show(row->name, text);
    assert_non_null(strstr(text, "bad.prisma:3:5:"));
    assert_non_null(strstr(text, "E0202"));
    assert_int_equal(has_escape(text), row->colour);
    if (row->colour) /* red, bold "error" */
        assert_non_null(strstr(text, "\033[1;31merror"));
    if (row->pipe)
        rm_test_proc_free(&p);
    else
        tty_free(&r);
}

/* ---- verbosity rows: args on the terminal, exit code, text that must / must not appear ---- */

typedef struct verbosity_row {
    const char *name;
    const char *args[6];
    int status;
    const char *want[3];
    const char *reject[3];
    bool empty; /* nothing at all on the terminal */
} verbosity_row;

static const verbosity_row verbosity_rows[] = {
    {"verbosity/warning_shown",
     {"validate", "warn.prisma"},
     0,
     {"warning", "[E0245]", "0 errors, 1 warning"},
     {NULL},
     false},
    {"verbosity/quiet_hides_warning",
     {"validate", "--quiet", "warn.prisma"},
     0,
     {NULL},
     {NULL},
     true},
    {"verbosity/q_before_command", {"-q", "validate", "warn.prisma"}, 0, {NULL}, {NULL}, true},
    {"verbosity/quiet_keeps_errors",
     {"validate", "-q", "bad.prisma"},
     1,
     {"bad.prisma:3:5:", "[E0202]"},
     {"1 error", "warning"},
     false},
    {"verbosity/verbose_says_what_was_read",
     {"validate", "--verbose", "warn.prisma"},
     0,
     {"relmig: read 1 schema file: 2 models, 0 enums, 1 relations (", "[E0245]"},
     {NULL},
     false},
    {"verbosity/v_after_path",
     {"validate", "warn.prisma", "-v"},
     0,
     {"relmig: read 1 schema"},
     {NULL},
     false},
    {"verbosity/quiet_and_verbose_is_usage",
     {"validate", "-q", "-v", "warn.prisma"},
     64,
     {"--quiet and --verbose exclude each other"},
     {NULL},
     false},
    /* After "--" it is a file name like any other. */
    {"verbosity/literal_after_dashdash", {"validate", "--", "-q"}, 1, {"-q"}, {NULL}, false},
    /* The value of an option is never taken for a global flag. */
    {"verbosity/option_value_is_not_global",
     {"graph", "warn.prisma", "-o", "-v"},
     0,
     {NULL},
     {"relmig: read"},
     false},
};

static void verbosity_case(void **state)
{
    const verbosity_row *row = *state;
    tty_result r;
    run_tty(&r, row->args, NULL, false);
    bool ok = r.status == row->status && (!row->empty || r.text[0] == '\0');
    for (size_t i = 0; i < 3 && row->want[i]; i++)
        ok = ok && strstr(r.text, row->want[i]);
    for (size_t i = 0; i < 3 && row->reject[i]; i++)
        ok = ok && !strstr(r.text, row->reject[i]);
    if (!ok) {
        printf("exit %d (want %d)\n", r.status, row->status);
        show(row->name, r.text);
    }
    assert_true(ok);
    tty_free(&r);
}

/* ---- progress of long operations ---- */

/* Three migrations for a SQLite database, written once. */
static void write_migrations(const char *dir)
{
    static const char *const sql[] = {
        "CREATE TABLE \"a\" (\"id\" INTEGER NOT NULL PRIMARY KEY);\n",
        "CREATE TABLE \"b\" (\"id\" INTEGER NOT NULL PRIMARY KEY);\n",
        "CREATE TABLE \"c\" (\"id\" INTEGER NOT NULL PRIMARY KEY, \"a_id\" INTEGER NOT NULL "
        "REFERENCES \"a\" (\"id\"));\n",
    };
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", tmp, dir);
    assert_int_equal(mkdir(path, 0777), 0);
    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s/2024010100000%d_m%d", tmp, dir, i, i);
        assert_int_equal(mkdir(path, 0777), 0);
        snprintf(path + strlen(path), sizeof path - strlen(path), "/migration.sql");
        assert_true(rm_test_write_file(path, sql[i], strlen(sql[i])));
    }
}

static size_t count(const char *s, const char *what)
{
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, what)) != NULL; p += strlen(what))
        n++;
    return n;
}

/* apply on a terminal: a progress line (redrawn with \r ESC[K) and one line per migration. */
static void apply_progress_on_tty(void **state)
{
    (void)state;
    write_migrations("mig_tty");
    const char *args[] = {"apply", "--url", "sqlite:tty.db", "--dir", "mig_tty", NULL};
    tty_result r;
    run_tty(&r, args, NULL, false);
    bool ok = r.status == 0 && count(r.text, "applied 2024") == 3 && strstr(r.text, "\r\033[K") &&
              strstr(r.text, "[1/3]") && strstr(r.text, "[3/3]") &&
              strstr(r.text, "applied 3 migrations");
    if (!ok)
        show("apply on a terminal", r.text);
    assert_true(ok);
    tty_free(&r);
}

/* stdout to a pipe, stderr on the terminal: the migration lines go to the pipe, plain; the
 * progress line to the terminal only. */
static void apply_progress_stdout_piped(void **state)
{
    (void)state;
    write_migrations("mig_half");
    const char *args[] = {"apply", "--url", "sqlite:half.db", "--dir", "mig_half", NULL};
    tty_result r;
    run_tty(&r, args, NULL, true);
    bool ok = r.status == 0 && r.piped_out && !strchr(r.piped_out, '\r') &&
              !has_escape(r.piped_out) && count(r.piped_out, "applied 2024") == 3 &&
              strstr(r.text, "[3/3]");
    if (!ok) {
        show("terminal", r.text);
        show("stdout pipe", r.piped_out ? r.piped_out : "");
    }
    assert_true(ok);
    tty_free(&r);
}

/* Both to pipes: no progress line, no escape, the same migration lines; then introspect. */
static void apply_and_introspect_piped(void **state)
{
    (void)state;
    write_migrations("mig_pipe");
    rm_test_proc p;
    const char *args[] = {"apply", "--url", "sqlite:pipe.db", "--dir", "mig_pipe", NULL};
    run_pipe(&p, args);
    if (p.status != 0 || strchr(p.err, '\r') || has_escape(p.err) ||
        count(p.out, "applied 2024") != 3) {
        show("stdout", p.out);
        show("stderr", p.err);
    }
    assert_int_equal(p.status, 0);
    assert_int_equal(count(p.out, "applied 2024"), 3);
    assert_null(strchr(p.err, '\r'));
    assert_false(has_escape(p.out) || has_escape(p.err));
    rm_test_proc_free(&p);
    const char *iargs[] = {"introspect", "--url", "sqlite:pipe.db", NULL};
    run_pipe(&p, iargs);
    assert_int_equal(p.status, 0);
    assert_non_null(strstr(p.out, "model c {"));
    assert_string_equal(p.err, "");
    rm_test_proc_free(&p);
}

/* introspect on a terminal: the phases on the progress line, erased before the schema. */
static void introspect_progress_on_tty(void **state)
{
    (void)state;
    write_migrations("mig_intro");
    rm_test_proc p;
    const char *args[] = {"apply", "-q", "--url", "sqlite:intro.db", "--dir", "mig_intro", NULL};
    run_pipe(&p, args);
    assert_int_equal(p.status, 0);
    assert_string_equal(p.out, ""); /* --quiet: no per-migration lines, no summary */
    assert_string_equal(p.err, "");
    rm_test_proc_free(&p);
    const char *iargs[] = {"introspect", "--url", "sqlite:intro.db", NULL};
    tty_result r;
    run_tty(&r, iargs, NULL, true);
    bool ok = r.status == 0 && strstr(r.text, "\r\033[Kintrospect: reading the catalog") &&
              strstr(r.text, "3 tables read") && r.piped_out && strstr(r.piped_out, "model c {") &&
              !has_escape(r.piped_out);
    /* The last thing on the terminal erases the progress line. */
    size_t n = strlen(r.text);
    ok = ok && n >= 4 && strcmp(r.text + n - 4, "\r\033[K") == 0;
    if (!ok) {
        show("terminal", r.text);
        show("stdout pipe", r.piped_out ? r.piped_out : "");
    }
    assert_true(ok);
    tty_free(&r);
    /* --quiet on a terminal: no progress at all. */
    const char *qargs[] = {"introspect", "-q", "--url", "sqlite:intro.db", NULL};
    run_tty(&r, qargs, NULL, true);
    if (r.text[0])
        show("quiet terminal", r.text);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.text, "");
    tty_free(&r);
}

static int setup(void **state)
{
    (void)state;
    tmp = rm_test_mkdtemp();
    if (!tmp)
        return -1;
    write_tmp("bad.prisma", bad_schema);
    write_tmp("warn.prisma", warn_schema);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    rm_test_rmtree(tmp);
    free(tmp);
    return 0;
}

int main(void)
{
    struct CMUnitTest tests[RM_TEST_MAX_ROWS];
    size_t n = 0;
    for (size_t i = 0; i < sizeof colour_rows / sizeof colour_rows[0]; i++)
        tests[n++] = (struct CMUnitTest){.name = colour_rows[i].name,
                                         .test_func = colour_case,
                                         .initial_state = (void *)&colour_rows[i]};
    for (size_t i = 0; i < sizeof verbosity_rows / sizeof verbosity_rows[0]; i++)
        tests[n++] = (struct CMUnitTest){.name = verbosity_rows[i].name,
                                         .test_func = verbosity_case,
                                         .initial_state = (void *)&verbosity_rows[i]};
    tests[n++] =
        (struct CMUnitTest){.name = "progress/apply_tty", .test_func = apply_progress_on_tty};
    tests[n++] = (struct CMUnitTest){.name = "progress/apply_stdout_piped",
                                     .test_func = apply_progress_stdout_piped};
    tests[n++] = (struct CMUnitTest){.name = "progress/none_on_pipes",
                                     .test_func = apply_and_introspect_piped};
    tests[n++] = (struct CMUnitTest){.name = "progress/introspect_tty",
                                     .test_func = introspect_progress_on_tty};
    return _cmocka_run_group_tests("cli_terminal", tests, n, setup, teardown);
}
