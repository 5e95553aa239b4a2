/*
 * relmig graph: print the relation graph of a schema (files, folders, or a live database URL)
 * as JSON (docs/graph-json.md), a Mermaid ER diagram, Graphviz DOT, or SVG (DOT rendered by
 * Graphviz's `dot` when it is installed). An invalid schema prints its diagnostics and no
 * graph (exit 1). Not for validation-only runs (cmd_validate.c).
 */
#define _POSIX_C_SOURCE 200809L
#include "cli/cli.h"
#include "cli/state_source.h"
#include "model/graph_json.h"
#include "model/graph_print.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static const rm_opt_spec opts[] = {
    {"format", 0, RM_OPT_VALUE, "FMT", "json (default), mermaid, dot, or svg (needs Graphviz)"},
    {"output", 'o', RM_OPT_VALUE, "FILE", "write to FILE instead of stdout"},
    {NULL, 0, RM_OPT_FLAG, NULL, NULL},
};

typedef struct graph_format {
    const char *name;
    void (*print)(rm_sb *out, const rm_graph *g);
    bool via_dot; /* rendered by Graphviz from the DOT form */
} graph_format;

static const graph_format formats[] = {
    {"json", rm_graph_render_json, false},
    {"mermaid", rm_graph_print_mermaid, false},
    {"dot", rm_graph_print_dot, false},
    {"svg", rm_graph_print_dot, true},
};

/* Pipe dot_text through `dot -Tsvg` into out. Graphviz is optional, so its absence is a
 * clear error, not a crash. */
static int render_svg(rm_sb *out, const rm_sb *dot_text)
{
    int in_pipe[2], out_pipe[2];
    if (pipe(in_pipe) != 0 || pipe(out_pipe) != 0)
        return rm_cli_fail(RM_EXIT_ERROR, "graph: cannot start dot: %s", strerror(errno));
    pid_t pid = fork();
    if (pid < 0)
        return rm_cli_fail(RM_EXIT_ERROR, "graph: cannot start dot: %s", strerror(errno));
    if (pid == 0) {
        dup2(in_pipe[0], 0);
        dup2(out_pipe[1], 1);
        close(in_pipe[1]);
        close(out_pipe[0]);
        execlp("dot", "dot", "-Tsvg", (char *)NULL);
        _exit(127);
    }
    close(in_pipe[0]);
    close(out_pipe[1]);
    /* DOT for even a large schema fits the pipe buffer only sometimes: write and read
     * alternately would need poll; a child that reads all input before writing (dot does)
     * makes write-then-read safe. */
    size_t off = 0;
    while (off < dot_text->len) {
        ssize_t n = write(in_pipe[1], rm_sb_str(dot_text) + off, dot_text->len - off);
        if (n <= 0)
            break;
        off += (size_t)n;
    }
    close(in_pipe[1]);
    char buf[65536];
    ssize_t n;
    while ((n = read(out_pipe[0], buf, sizeof buf)) > 0)
        rm_sb_append(out, buf, (size_t)n);
    close(out_pipe[0]);
    int st = 0;
    waitpid(pid, &st, 0);
    if (!WIFEXITED(st) || WEXITSTATUS(st) == 127)
        return rm_cli_fail(RM_EXIT_ERROR, "graph: --format svg needs Graphviz's `dot` "
                                          "(Debian: apt-get install graphviz)");
    if (WEXITSTATUS(st) != 0)
        return rm_cli_fail(RM_EXIT_ERROR, "graph: dot failed (exit %d)", WEXITSTATUS(st));
    return RM_EXIT_OK;
}

static int run(const rm_cli_cmd *self, int argc, char **argv)
{
    rm_opts o;
    int rc = rm_opts_parse(&o, self, argc, argv);
    if (rc != RM_EXIT_OK)
        return rc;
    const char *format = rm_opts_get(&o, "format");
    const graph_format *fmt = &formats[0];
    if (format) {
        fmt = NULL;
        for (size_t i = 0; i < RM_ARRAY_LEN(formats); i++)
            if (strcmp(format, formats[i].name) == 0)
                fmt = &formats[i];
        if (!fmt)
            return rm_cli_fail(RM_EXIT_USAGE,
                               "graph: unknown format '%s' (json, mermaid, dot or svg)", format);
    }
    if (o.npositional == 0)
        return rm_cli_fail(RM_EXIT_USAGE, "graph: give schema files, folders or a database URL");
    rm_diags d;
    rm_diags_init(&d);
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_state st;
    int exit_code = RM_EXIT_ERROR;
    if (rm_state_classify(&st, o.positional, o.npositional, &d) != RM_OK ||
        st.kind == RM_STATE_EMPTY || st.kind == RM_STATE_MIGRATIONS) {
        rm_cli_print_diags(&(rm_sources){0}, &d, false);
        rm_diags_free(&d);
        rm_arena_free(&a);
        return rm_cli_fail(RM_EXIT_USAGE, "graph: give schema files, folders or a database URL");
    }
    const rm_graph *g = NULL;
    if (rm_state_load(&st, &d) == RM_OK && rm_state_graph(&g, &st, &a, &d) == RM_OK &&
        !rm_diags_has_errors(&d)) {
        rm_sb text = RM_SB_INIT, out = RM_SB_INIT;
        fmt->print(&text, g);
        if (rm_sb_error(&text) != RM_OK)
            exit_code = rm_cli_fail(RM_EXIT_ERROR, "graph: output too large");
        else if (fmt->via_dot)
            exit_code = render_svg(&out, &text);
        else
            exit_code = RM_EXIT_OK;
        if (exit_code == RM_EXIT_OK)
            exit_code = rm_cli_write_output(rm_opts_get(&o, "output"), fmt->via_dot ? &out : &text,
                                            &d);
        rm_sb_free(&text);
        rm_sb_free(&out);
    }
    rm_cli_print_diags(rm_state_sources(&st), &d, false);
    rm_state_free(&st);
    rm_arena_free(&a);
    rm_diags_free(&d);
    return exit_code;
}

const rm_cli_cmd rm_cmd_graph = {
    .name = "graph",
    .run = run,
    .summary = "print the relation graph of a schema",
    .usage = "  relmig graph (PATH... | URL) [--format json|mermaid|dot|svg] [-o FILE]",
    .description = "Prints models, keys and relations (1:1, 1:n, m:n) in a stable, sorted form,\n"
                   "from schema files or folders (Prisma, Cerial) or a live database.",
    .opts = opts,
    .issue = NULL,
};
