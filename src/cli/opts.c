/*
 * A small declarative option parser: each command lists its options in a table, and help text
 * comes from the same table, so the two cannot disagree.
 */
#include "cli/cli.h"

#include <stdarg.h>
#include <string.h>

static int find_long(const rm_opt_spec *specs, const char *name, size_t n)
{
    for (int i = 0; specs && specs[i].name; i++)
        if (strlen(specs[i].name) == n && strncmp(specs[i].name, name, n) == 0)
            return i;
    return -1;
}

static int find_short(const rm_opt_spec *specs, char c)
{
    for (int i = 0; specs && specs[i].name; i++)
        if (specs[i].short_name == c)
            return i;
    return -1;
}

static int usage_error(const rm_cli_cmd *cmd, const char *fmt, const char *arg)
    RM_PRINTF(2, 0);
static int usage_error(const rm_cli_cmd *cmd, const char *fmt, const char *arg)
{
    fprintf(stderr, "relmig %s: ", cmd->name);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    fprintf(stderr, fmt, arg); /* fmt: always a literal at the call sites below */
#pragma GCC diagnostic pop
    fprintf(stderr, "\nTry 'relmig %s --help'.\n", cmd->name);
    return RM_EXIT_USAGE;
}

static int store(rm_opts *o, const rm_cli_cmd *cmd, int i, const char *value)
{
    o->set[i] = true;
    o->value[i] = value;
    if (o->nvalues[i] >= RM_OPT_MAX_VALUES)
        return usage_error(cmd, "too many values for --%s", cmd->opts[i].name);
    if (o->nvalues[i] > 0 && cmd->opts[i].kind == RM_OPT_VALUE)
        return usage_error(cmd, "--%s given more than once", cmd->opts[i].name);
    o->values[i][o->nvalues[i]++] = value;
    return RM_EXIT_OK;
}

int rm_opts_parse(rm_opts *o, const rm_cli_cmd *cmd, int argc, char **argv)
{
    memset(o, 0, sizeof(*o));
    o->specs = cmd->opts;
    bool only_positional = false;
    for (int a = 1; a < argc; a++) {
        const char *arg = argv[a];
        if (only_positional || arg[0] != '-' || arg[1] == '\0') {
            if (o->npositional >= RM_OPT_MAX_VALUES)
                return usage_error(cmd, "too many arguments%s", "");
            o->positional[o->npositional++] = arg;
            continue;
        }
        if (strcmp(arg, "--") == 0) {
            only_positional = true;
            continue;
        }
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            o->help = true;
            continue;
        }
        int i;
        const char *inline_value = NULL;
        if (arg[1] == '-') {
            const char *name = arg + 2;
            const char *eq = strchr(name, '=');
            size_t n = eq ? (size_t)(eq - name) : strlen(name);
            i = find_long(cmd->opts, name, n);
            if (i < 0)
                return usage_error(cmd, "unknown option '%s'", arg);
            if (eq)
                inline_value = eq + 1;
        } else {
            if (arg[2] != '\0')
                return usage_error(cmd, "unknown option '%s' (short options take no value "
                                        "glued to them; use a space)", arg);
            i = find_short(cmd->opts, arg[1]);
            if (i < 0)
                return usage_error(cmd, "unknown option '%s'", arg);
        }
        const rm_opt_spec *s = &cmd->opts[i];
        if (s->kind == RM_OPT_FLAG) {
            if (inline_value)
                return usage_error(cmd, "option '--%s' takes no value", s->name);
            o->set[i] = true;
            continue;
        }
        const char *value = inline_value;
        if (!value) {
            if (a + 1 >= argc)
                return usage_error(cmd, "option '%s' needs a value", arg);
            value = argv[++a];
        }
        int rc = store(o, cmd, i, value);
        if (rc != RM_EXIT_OK)
            return rc;
    }
    return RM_EXIT_OK;
}

static int index_of(const rm_opts *o, const char *name)
{
    int i = find_long(o->specs, name, strlen(name));
    return i;
}

bool rm_opts_has(const rm_opts *o, const char *name)
{
    int i = index_of(o, name);
    return i >= 0 && o->set[i];
}

const char *rm_opts_get(const rm_opts *o, const char *name)
{
    int i = index_of(o, name);
    return i >= 0 ? o->value[i] : NULL;
}

const char *const *rm_opts_list(const rm_opts *o, const char *name, size_t *n)
{
    int i = index_of(o, name);
    *n = i >= 0 ? o->nvalues[i] : 0;
    return i >= 0 ? o->values[i] : NULL;
}

void rm_cli_print_command_help(FILE *f, const rm_cli_cmd *cmd)
{
    fprintf(f, "relmig %s - %s\n\nUsage:\n%s\n", cmd->name, cmd->summary, cmd->usage);
    if (cmd->description)
        fprintf(f, "\n%s\n", cmd->description);
    if (cmd->issue)
        fprintf(f, "\nNot implemented yet (planned in %s).\n", cmd->issue);
    fprintf(f, "\nOptions:\n");
    for (int i = 0; cmd->opts && cmd->opts[i].name; i++) {
        const rm_opt_spec *s = &cmd->opts[i];
        char left[64];
        if (s->short_name)
            snprintf(left, sizeof left, "-%c, --%s%s%s", s->short_name, s->name,
                     s->metavar ? " " : "", s->metavar ? s->metavar : "");
        else
            snprintf(left, sizeof left, "    --%s%s%s", s->name, s->metavar ? " " : "",
                     s->metavar ? s->metavar : "");
        fprintf(f, "  %-28s %s\n", left, s->help);
    }
    fprintf(f, "  %-28s %s\n", "-h, --help", "show this help");
}

int rm_cli_not_implemented(const rm_cli_cmd *cmd)
{
    fprintf(stderr, "relmig: '%s' is not implemented yet (planned in %s)\n", cmd->name,
            cmd->issue);
    return RM_EXIT_ERROR;
}

int rm_cli_fail(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("relmig: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return code;
}
