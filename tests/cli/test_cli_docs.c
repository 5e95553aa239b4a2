/*
 * Keeps the documentation true. (1) Every example in the user guide runs: each .md page in
 * docs/ and docs/commands/ with a console block is a script. A fenced block whose info string
 * has `file=NAME` (```prisma file=schema.prisma) writes NAME into the page's own fresh folder;
 * a ```console
 * block's "$ " lines run there with /bin/sh (relmig on PATH, stderr merged into stdout), and
 * the lines after each command are its exact output. A line "…" stands for any number of
 * lines and "…" inside a line for any text (timestamps). RELMIG_UPDATE_GOLDEN=1 writes the
 * actual output into the pages instead (the reviewer reads the diff). (2) The hand-written man
 * page (docs/man/relmig.1) and bash completion (contrib/completion/relmig.bash) are in step
 * with the command line: the commands and option
 * tables are read from src/cli/cmd_*.c with a simple scan of their `.name = "..."` field and
 * their rm_opt_spec table, and every command and option must appear in the man page's section
 * for that command and in the completion script's list for it (and the script must list no
 * option the table lacks). Further rows check that the page renders without groff warnings, that
 * its version (and the public header's RELMIG_VERSION_STRING) is the project's, and that the
 * completion function really offers each command's options when bash runs it.
 *
 * Not for the behaviour of the commands themselves (the other tests/cli/ files).
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "testutil.h"
#include "util/common.h"
#include "util/sb.h"

#include <dirent.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAN_PAGE RELMIG_SOURCE_DIR "/docs/man/relmig.1"
#define COMPLETION RELMIG_SOURCE_DIR "/contrib/completion/relmig.bash"
#define CLI_DIR RELMIG_SOURCE_DIR "/src/cli"
#define MAX_CMDS 32
#define MAX_OPTS 32

typedef struct opt {
    char name[64];
    char short_name; /* 0: none */
} opt;

typedef struct cmd {
    char file[256];
    char name[64];
    opt opts[MAX_OPTS];
    size_t nopts;
} cmd;

static cmd cmds[MAX_CMDS];
static size_t ncmds;
static size_t ncmd_files;

/* ---- scanning the C option tables ---- */

/* Copy the string literal starting at *p (which points at '"') into buf; NULL if none. */
static const char *read_literal(const char *p, char *buf, size_t n)
{
    if (*p != '"')
        return NULL;
    const char *end = strchr(p + 1, '"');
    if (!end || (size_t)(end - p - 1) >= n)
        return NULL;
    memcpy(buf, p + 1, (size_t)(end - p - 1));
    buf[end - p - 1] = '\0';
    return end + 1;
}

static void scan_file(const char *path, const char *file)
{
    char *text = rm_test_read_file(path, NULL);
    if (!text)
        return;
    cmd *c = &cmds[ncmds];
    memset(c, 0, sizeof *c);
    /* (Return values checked here only to tell gcc that truncation is handled.) */
    if (snprintf(c->file, sizeof c->file, "%s", file) >= (int)sizeof c->file) {
        free(text);
        return;
    }
    const char *name = strstr(text, ".name = \"");
    const char *table = strstr(text, "rm_opt_spec");
    if (name && read_literal(name + strlen(".name = "), c->name, sizeof c->name)) {
        /* The table: from its '{' to the closing "};", one {"long", 'c', ...} per entry. */
        const char *p = table ? strchr(table, '{') : NULL;
        const char *end = p ? strstr(p, "};") : NULL;
        while (p && end && p < end) {
            const char *entry = strstr(p + 1, "{\"");
            if (!entry || entry > end || c->nopts == MAX_OPTS)
                break;
            opt *o = &c->opts[c->nopts];
            const char *after = read_literal(entry + 1, o->name, sizeof o->name);
            if (!after)
                break;
            while (*after == ',' || *after == ' ')
                after++;
            o->short_name = (after[0] == '\'' && after[2] == '\'') ? after[1] : 0;
            c->nopts++;
            p = after;
        }
        ncmds++;
    }
    free(text);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(a, b);
}

static void scan_commands(void)
{
    DIR *d = opendir(CLI_DIR);
    if (!d)
        return;
    char files[MAX_CMDS][256];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < MAX_CMDS) {
        size_t len = strlen(e->d_name);
        if (strncmp(e->d_name, "cmd_", 4) == 0 && len > 2 && strcmp(e->d_name + len - 2, ".c") == 0)
            snprintf(files[n++], sizeof files[0], "%s", e->d_name);
    }
    closedir(d);
    /* readdir order is the file system's: sort so row order is stable. */
    qsort(files, n, sizeof files[0], cmp_names);
    ncmd_files = n;
    for (size_t i = 0; i < n; i++) {
        char path[1024];
        if (snprintf(path, sizeof path, "%s/%s", CLI_DIR, files[i]) < (int)sizeof path)
            scan_file(path, files[i]);
    }
}

/* ---- helpers ---- */

/* The man page writes '-' as "\-". */
static void man_escape(char *out, size_t n, const char *s)
{
    size_t k = 0;
    for (; *s && k + 3 < n; s++) {
        if (*s == '-')
            out[k++] = '\\';
        out[k++] = *s;
    }
    out[k] = '\0';
}

/* The text of the man page's ".SS name" section (malloc'd), or NULL. */
static char *man_section(const char *page, const char *name)
{
    char head[96];
    snprintf(head, sizeof head, "\n.SS %s\n", name);
    const char *start = strstr(page, head);
    if (!start)
        return NULL;
    start += strlen(head);
    const char *end = start;
    while (*end && strncmp(end, "\n.SS ", 5) != 0 && strncmp(end, "\n.SH ", 5) != 0)
        end++;
    char *s = malloc((size_t)(end - start) + 1);
    assert_non_null(s);
    memcpy(s, start, (size_t)(end - start));
    s[end - start] = '\0';
    return s;
}

/* Does a tagged-paragraph header of the section (the line after a ".TP") name the option text
 * esc (already man-escaped), followed by something that cannot continue an option name? The
 * synopsis alone is not enough: each option needs its own item. */
static bool man_item_has(const char *sec, const char *esc)
{
    size_t n = strlen(esc);
    for (const char *p = sec; (p = strstr(p, ".TP\n")) != NULL;) {
        p += 4;
        const char *eol = strchr(p, '\n');
        if (!eol)
            eol = p + strlen(p);
        for (const char *q = p; (q = strstr(q, esc)) != NULL && q < eol; q += n) {
            char next = q[n];
            bool continues = (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') ||
                             (next >= '0' && next <= '9') || (next == '\\' && q[n + 1] == '-');
            if (!continues)
                return true;
        }
    }
    return false;
}

/* Is word one of the space-separated words of list? */
static bool has_word(const char *list, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = list; (p = strstr(p, word)) != NULL; p += n) {
        bool start = p == list || p[-1] == ' ' || p[-1] == '"' || p[-1] == '\n';
        bool stop = p[n] == '\0' || p[n] == ' ' || p[n] == '"' || p[n] == '\n';
        if (start && stop)
            return true;
    }
    return false;
}

/* The completion script's option list for a command: the text between `name) opts="` and `"`. */
static char *completion_opts(const char *script, const char *name)
{
    char key[96];
    snprintf(key, sizeof key, " %s) opts=\"", name);
    const char *p = strstr(script, key);
    if (!p)
        return NULL;
    p += strlen(key);
    const char *end = strchr(p, '"');
    if (!end)
        return NULL;
    char *s = malloc((size_t)(end - p) + 1);
    assert_non_null(s);
    memcpy(s, p, (size_t)(end - p));
    s[end - p] = '\0';
    return s;
}

static bool table_has(const cmd *c, const char *word)
{
    for (size_t i = 0; i < c->nopts; i++) {
        char buf[80];
        snprintf(buf, sizeof buf, "--%s", c->opts[i].name);
        if (strcmp(buf, word) == 0)
            return true;
        if (c->opts[i].short_name && word[0] == '-' && word[1] == c->opts[i].short_name &&
            word[2] == '\0')
            return true;
    }
    return false;
}

/* ---- rows ---- */

static void scanner_found_every_command(void **state)
{
    (void)state;
    /* Guards the other rows against passing because the scan found nothing. */
    assert_true(ncmd_files >= 1);
    assert_int_equal(ncmds, ncmd_files);
    for (size_t i = 0; i < ncmds; i++) {
        if (cmds[i].nopts == 0)
            fprintf(stderr, "%s: no options found in its rm_opt_spec table\n", cmds[i].file);
        assert_true(cmds[i].nopts > 0);
    }
}

static void man_documents_command(void **state)
{
    const cmd *c = *state;
    char *page = rm_test_read_file(MAN_PAGE, NULL);
    assert_non_null(page);
    char *sec = man_section(page, c->name);
    if (!sec)
        fprintf(stderr, "%s: no \".SS %s\" section for command %s\n", MAN_PAGE, c->name, c->name);
    assert_non_null(sec);
    bool ok = true;
    for (size_t i = 0; i < c->nopts; i++) {
        char opt_text[80], esc[160];
        snprintf(opt_text, sizeof opt_text, "--%s", c->opts[i].name);
        man_escape(esc, sizeof esc, opt_text);
        if (!man_item_has(sec, esc)) {
            fprintf(stderr, "man page, section %s: option %s (from %s) has no .TP item\n",
                    c->name, opt_text, c->file);
            ok = false;
        }
        if (c->opts[i].short_name) {
            snprintf(esc, sizeof esc, "\\-%c", c->opts[i].short_name);
            if (!man_item_has(sec, esc)) {
                fprintf(stderr, "man page, section %s: option -%c has no .TP item\n", c->name,
                        c->opts[i].short_name);
                ok = false;
            }
        }
    }
    assert_true(ok);
    free(sec);
    free(page);
}

static void completion_lists_command(void **state)
{
    const cmd *c = *state;
    char *script = rm_test_read_file(COMPLETION, NULL);
    assert_non_null(script);
    const char *list = strstr(script, "_relmig_commands=\"");
    assert_non_null(list);
    char commands[512];
    assert_non_null(read_literal(list + strlen("_relmig_commands="), commands, sizeof commands));
    if (!has_word(commands, c->name))
        fprintf(stderr, "completion: command %s missing from _relmig_commands\n", c->name);
    assert_true(has_word(commands, c->name));
    char *opts = completion_opts(script, c->name);
    if (!opts)
        fprintf(stderr, "completion: no `%s) opts=\"...\"` line\n", c->name);
    assert_non_null(opts);
    bool ok = true;
    for (size_t i = 0; i < c->nopts; i++) {
        char word[80];
        snprintf(word, sizeof word, "--%s", c->opts[i].name);
        if (!has_word(opts, word)) {
            fprintf(stderr, "completion, %s: option %s (from %s) missing\n", c->name, word,
                    c->file);
            ok = false;
        }
        if (c->opts[i].short_name) {
            snprintf(word, sizeof word, "-%c", c->opts[i].short_name);
            if (!has_word(opts, word)) {
                fprintf(stderr, "completion, %s: option %s missing\n", c->name, word);
                ok = false;
            }
        }
    }
    /* And nothing the command does not have. */
    char *copy = strdup(opts);
    for (char *save = NULL, *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save))
        if (!table_has(c, w)) {
            fprintf(stderr, "completion, %s: offers %s, which %s does not define\n", c->name, w,
                    c->file);
            ok = false;
        }
    assert_true(ok);
    free(copy);
    free(opts);
    free(script);
}

/* Run the completion function for `relmig <cmd> --` in bash and check what it offers. */
static void completion_runs_in_bash(void **state)
{
    const cmd *c = *state;
    if (system("command -v bash >/dev/null 2>&1") != 0) {
        print_message("skipped: bash is not installed\n");
        skip();
    }
    const char *argv[] = {"/bin/sh", "-c",
                          "exec bash --norc --noprofile -c 'source \"$0\"; COMP_WORDS=(relmig "
                          "\"$1\" --); COMP_CWORD=2; _relmig; printf \"%s\\n\" "
                          "\"${COMPREPLY[@]}\"' \"$0\" \"$1\"",
                          COMPLETION, c->name, NULL};
    rm_test_proc p;
    assert_int_equal(rm_test_run(&p, argv, NULL), 0);
    if (p.status != 0 || p.err[0])
        fprintf(stderr, "bash: exit %d\n%s", p.status, p.err);
    assert_int_equal(p.status, 0);
    assert_string_equal(p.err, "");
    bool ok = true;
    for (size_t i = 0; i < c->nopts; i++) {
        char line[96];
        snprintf(line, sizeof line, "\n--%s\n", c->opts[i].name);
        char *out = NULL;
        size_t n = strlen(p.out);
        out = malloc(n + 2);
        assert_non_null(out);
        out[0] = '\n';
        memcpy(out + 1, p.out, n + 1);
        if (!strstr(out, line)) {
            fprintf(stderr, "relmig %s --<TAB> does not offer --%s; offered:\n%s", c->name,
                    c->opts[i].name, p.out);
            ok = false;
        }
        free(out);
    }
    assert_true(ok);
    rm_test_proc_free(&p);
}

static void man_page_renders_cleanly(void **state)
{
    (void)state;
    if (system("command -v groff >/dev/null 2>&1") != 0) {
        print_message("skipped: groff is not installed\n");
        skip();
    }
    const char *argv[] = {"/bin/sh", "-c", "exec groff -ww -man -z \"$0\"", MAN_PAGE, NULL};
    rm_test_proc p;
    assert_int_equal(rm_test_run(&p, argv, NULL), 0);
    if (p.err[0])
        fprintf(stderr, "groff -ww -man -z %s:\n%s", MAN_PAGE, p.err);
    assert_int_equal(p.status, 0);
    assert_string_equal(p.err, "");
    rm_test_proc_free(&p);
}

/* The .TH line names the version in CMakeLists.txt's project() call. */
static void man_page_version_is_the_projects(void **state)
{
    (void)state;
    char *cmake = rm_test_read_file(RELMIG_SOURCE_DIR "/CMakeLists.txt", NULL);
    assert_non_null(cmake);
    const char *v = strstr(cmake, "project(relmig VERSION ");
    assert_non_null(v);
    v += strlen("project(relmig VERSION ");
    char version[32];
    size_t n = strspn(v, "0123456789.");
    assert_true(n > 0 && n < sizeof version);
    memcpy(version, v, n);
    version[n] = '\0';
    char *page = rm_test_read_file(MAN_PAGE, NULL);
    assert_non_null(page);
    char want[64];
    snprintf(want, sizeof want, "\"relmig %s\"", version);
    const char *th = strstr(page, "\n.TH RELMIG 1 ");
    assert_non_null(th);
    const char *eol = strchr(th + 1, '\n');
    assert_non_null(eol);
    const char *found = strstr(th, want);
    if (!found || found > eol)
        fprintf(stderr, "man page .TH line should say %s\n", want);
    assert_true(found && found < eol);
    free(page);
    free(cmake);
}

/* include/relmig/relmig.h's RELMIG_VERSION_STRING is the project's version too. */
static void public_header_version_is_the_projects(void **state)
{
    (void)state;
    char *cmake = rm_test_read_file(RELMIG_SOURCE_DIR "/CMakeLists.txt", NULL);
    char *header = rm_test_read_file(RELMIG_SOURCE_DIR "/include/relmig/relmig.h", NULL);
    assert_non_null(cmake);
    assert_non_null(header);
    const char *v = strstr(cmake, "project(relmig VERSION ");
    assert_non_null(v);
    v += strlen("project(relmig VERSION ");
    size_t n = strspn(v, "0123456789.");
    char want[64];
    snprintf(want, sizeof want, "#define RELMIG_VERSION_STRING \"%.*s\"\n", (int)n, v);
    if (!strstr(header, want))
        fprintf(stderr, "relmig.h should have: %s", want);
    assert_non_null(strstr(header, want));
    free(header);
    free(cmake);
}

/* ---- the user guide's examples ---- */

#define DOCS_DIR RELMIG_SOURCE_DIR "/docs"
#define MAX_PAGES 64
#define ELLIPSIS "\xe2\x80\xa6" /* U+2026 */

static char pages[MAX_PAGES][256]; /* relative to docs/ */
static size_t npages;

static bool has_console_block(const char *path)
{
    char *text = rm_test_read_file(path, NULL);
    bool yes = text && strstr(text, "```console\n");
    free(text);
    return yes;
}

static void scan_pages_in(const char *sub)
{
    char dir[512];
    snprintf(dir, sizeof dir, "%s%s%s", DOCS_DIR, sub[0] ? "/" : "", sub);
    char *names[MAX_PAGES];
    size_t n = rm_test_list_files(names, MAX_PAGES, dir, ".md", NULL);
    for (size_t i = 0; i < n && npages < MAX_PAGES; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (has_console_block(path))
            snprintf(pages[npages++], sizeof pages[0], "%s%s%s", sub, sub[0] ? "/" : "",
                     names[i]);
    }
    rm_test_free_names(names, n);
}

static const char *find_ellipsis(const char *s, size_t n)
{
    for (size_t i = 0; i + 3 <= n; i++)
        if (memcmp(s + i, ELLIPSIS, 3) == 0)
            return s + i;
    return NULL;
}

/* Does one line of actual output match one expected line ("…" = any text)? */
static bool line_matches(const char *want, size_t wn, const char *got, size_t gn)
{
    const char *e = find_ellipsis(want, wn);
    if (!e)
        return wn == gn && memcmp(want, got, wn) == 0;
    size_t head = (size_t)(e - want);
    if (gn < head || memcmp(want, got, head) != 0)
        return false;
    const char *rest = e + 3;
    size_t rn = wn - head - 3;
    /* Try every split; lines are short. */
    for (size_t k = head; k <= gn; k++)
        if (line_matches(rest, rn, got + k, gn - k))
            return true;
    return false;
}

/* Split text into lines (pointers into it; the '\n's replaced by NULs). */
static size_t split_lines(char **lines, size_t max, char *text)
{
    size_t n = 0;
    size_t len = strlen(text);
    if (len && text[len - 1] == '\n')
        text[--len] = '\0';
    if (len == 0)
        return 0;
    for (char *p = text; n < max;) {
        lines[n++] = p;
        char *nl = strchr(p, '\n');
        if (!nl)
            break;
        *nl = '\0';
        p = nl + 1;
    }
    return n;
}

/* Expected lines (with "…" lines) against actual lines. */
static bool lines_match(char **want, size_t nw, char **got, size_t ng)
{
    if (nw == 0)
        return ng == 0;
    if (strcmp(want[0], ELLIPSIS) == 0) {
        for (size_t k = 0; k <= ng; k++)
            if (lines_match(want + 1, nw - 1, got + k, ng - k))
                return true;
        return false;
    }
    return ng > 0 && line_matches(want[0], strlen(want[0]), got[0], strlen(got[0])) &&
           lines_match(want + 1, nw - 1, got + 1, ng - 1);
}

static bool output_matches(const char *expected, const char *actual)
{
    char *w = strdup(expected), *g = strdup(actual);
    assert_non_null(w);
    assert_non_null(g);
    static char *wl[4096], *gl[4096];
    size_t nw = split_lines(wl, 4096, w), ng = split_lines(gl, 4096, g);
    bool ok = lines_match(wl, nw, gl, ng);
    free(w);
    free(g);
    return ok;
}

/* Run one "$ " command of a page in dir; the merged output, malloc'd. */
static char *run_example(const char *dir, const char *command, int *status)
{
    char bindir[1024];
    snprintf(bindir, sizeof bindir, "%s", RELMIG_BINARY_PATH);
    char script[4096];
    snprintf(script, sizeof script,
             "cd \"$0\" && PATH=\"$1:$PATH\" && export PATH && exec 2>&1 && %s", command);
    const char *argv[] = {"/bin/sh", "-c", script, dir, dirname(bindir), NULL};
    const char *env[] = {"NO_COLOR=1", "COLUMNS=80", NULL};
    rm_test_proc p;
    assert_int_equal(rm_test_run(&p, argv, env), 0);
    *status = p.status;
    free(p.err);
    return p.out;
}

/* Run every example of one page; with update, rewrite the page's outputs. */
static void doc_page_examples(void **state)
{
    const char *page = *state;
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", DOCS_DIR, page);
    char *text = rm_test_read_file(path, NULL);
    assert_non_null(text);
    const char *update = getenv("RELMIG_UPDATE_GOLDEN");
    bool updating = update && strcmp(update, "1") == 0;
    char *dir = rm_test_mkdtemp();
    assert_non_null(dir);
    rm_sb out = RM_SB_INIT; /* the page as rewritten */
    bool ok = true;
    size_t ncommands = 0;
    const char *p = text;
    int lineno = 1;
    while (*p) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) + 1 : strlen(p);
        if (strncmp(p, "```", 3) != 0 || len < 5) {
            rm_sb_append(&out, p, len);
            lineno++;
            p += len;
            continue;
        }
        /* A fence with an info string. */
        char info[256];
        snprintf(info, sizeof info, "%.*s", (int)(len - 4), p + 3);
        rm_sb_append(&out, p, len);
        p += len;
        lineno++;
        const char *body = p;
        const char *end = strstr(p, "\n```");
        if (p[0] == '`' && p[1] == '`' && p[2] == '`')
            end = p - 1;
        assert_non_null(end);
        size_t body_len = (size_t)(end + 1 - body);
        const char *file = strstr(info, "file=");
        if (file) {
            char fpath[1024];
            snprintf(fpath, sizeof fpath, "%s/%s", dir, file + 5);
            assert_true(rm_test_write_file(fpath, body, body_len));
            rm_sb_append(&out, body, body_len);
        } else if (strcmp(info, "console") == 0) {
            /* Commands and expected outputs. */
            const char *q = body;
            while (q < body + body_len) {
                const char *qe = memchr(q, '\n', (size_t)(body + body_len - q));
                size_t ql = (size_t)(qe - q) + 1;
                if (strncmp(q, "$ ", 2) != 0) {
                    fprintf(stderr, "%s:%d: console line not after a command: %.*s", page,
                            lineno, (int)ql, q);
                    ok = false;
                    q += ql;
                    lineno++;
                    continue;
                }
                char command[2048];
                snprintf(command, sizeof command, "%.*s", (int)(ql - 3), q + 2);
                int cmd_line = lineno;
                rm_sb_append(&out, q, ql);
                q += ql;
                lineno++;
                const char *want = q;
                while (q < body + body_len && strncmp(q, "$ ", 2) != 0) {
                    q = (const char *)memchr(q, '\n', (size_t)(body + body_len - q)) + 1;
                    lineno++;
                }
                char *expected = strndup(want, (size_t)(q - want));
                int status = 0;
                char *actual = run_example(dir, command, &status);
                ncommands++;
                if (status >= 126 || !output_matches(expected, actual)) {
                    if (!updating || status >= 126) {
                        fprintf(stderr,
                                "%s:%d: $ %s\n(exit %d) expected:\n%s---- actual:\n%s----\n",
                                page, cmd_line, command, status, expected, actual);
                        ok = false;
                    }
                    rm_sb_puts(&out, actual);
                } else {
                    rm_sb_puts(&out, expected);
                }
                free(expected);
                free(actual);
            }
        } else {
            rm_sb_append(&out, body, body_len);
        }
        for (const char *c = body; c < body + body_len; c++)
            lineno += *c == '\n';
        p = body + body_len;
    }
    if (updating && strcmp(rm_sb_str(&out), text) != 0) {
        assert_true(rm_test_write_file(path, rm_sb_str(&out), out.len));
        fprintf(stderr, "updated %s\n", path);
    }
    print_message("%s: %zu commands\n", page, ncommands);
    assert_true(ncommands > 0);
    assert_true(ok);
    rm_sb_free(&out);
    rm_test_rmtree(dir);
    free(dir);
    free(text);
}

/* The README's picture is what `relmig graph --format svg` draws of examples/blog now (only
 * where Graphviz is installed: its version shapes the SVG). Regenerate with the command in
 * the message. */
static void readme_picture_is_current(void **state)
{
    (void)state;
    if (system("command -v dot >/dev/null 2>&1") != 0) {
        print_message("skipped: Graphviz dot is not installed\n");
        skip();
    }
    const char *argv[] = {RELMIG_BINARY_PATH, "graph",
                          RELMIG_SOURCE_DIR "/examples/blog/schema.prisma", "--format", "svg",
                          NULL};
    rm_test_proc p;
    assert_int_equal(rm_test_run(&p, argv, NULL), 0);
    assert_int_equal(p.status, 0);
    char *committed = rm_test_read_file(RELMIG_SOURCE_DIR "/docs/images/blog.svg", NULL);
    assert_non_null(committed);
    char *readme = rm_test_read_file(RELMIG_SOURCE_DIR "/README.md", NULL);
    assert_non_null(readme);
    if (strcmp(committed, p.out) != 0)
        fprintf(stderr, "docs/images/blog.svg is stale: relmig graph examples/blog/schema.prisma "
                        "--format svg -o docs/images/blog.svg\n");
    assert_string_equal(committed, p.out);
    assert_non_null(strstr(readme, "](docs/images/blog.svg)"));
    free(readme);
    free(committed);
    rm_test_proc_free(&p);
}

int main(void)
{
    scan_commands();
    scan_pages_in("");
    scan_pages_in("commands");
    static char names[MAX_CMDS * 3][96];
    static char page_names[MAX_PAGES][300];
    struct CMUnitTest tests[MAX_CMDS * 3 + 5 + MAX_PAGES];
    size_t n = 0;
    for (size_t i = 0; i < npages; i++) {
        snprintf(page_names[i], sizeof page_names[0], "docs/%s", pages[i]);
        tests[n++] = (struct CMUnitTest){.name = page_names[i],
                                         .test_func = doc_page_examples,
                                         .initial_state = pages[i]};
    }
    tests[n++] = (struct CMUnitTest){.name = "scanner_found_every_command",
                                     .test_func = scanner_found_every_command};
    for (size_t i = 0; i < ncmds; i++) {
        snprintf(names[3 * i], sizeof names[0], "man/%s", cmds[i].name);
        snprintf(names[3 * i + 1], sizeof names[0], "completion/%s", cmds[i].name);
        snprintf(names[3 * i + 2], sizeof names[0], "bash/%s", cmds[i].name);
        tests[n++] = (struct CMUnitTest){
            .name = names[3 * i], .test_func = man_documents_command, .initial_state = &cmds[i]};
        tests[n++] = (struct CMUnitTest){.name = names[3 * i + 1],
                                         .test_func = completion_lists_command,
                                         .initial_state = &cmds[i]};
        tests[n++] = (struct CMUnitTest){.name = names[3 * i + 2],
                                         .test_func = completion_runs_in_bash,
                                         .initial_state = &cmds[i]};
    }
    tests[n++] = (struct CMUnitTest){.name = "readme_picture_is_current",
                                     .test_func = readme_picture_is_current};
    tests[n++] = (struct CMUnitTest){.name = "man_page_renders_cleanly",
                                     .test_func = man_page_renders_cleanly};
    tests[n++] = (struct CMUnitTest){.name = "man_page_version_is_the_projects",
                                     .test_func = man_page_version_is_the_projects};
    tests[n++] = (struct CMUnitTest){.name = "public_header_version_is_the_projects",
                                     .test_func = public_header_version_is_the_projects};
    return _cmocka_run_group_tests("cli_docs", tests, n, NULL, NULL);
}
