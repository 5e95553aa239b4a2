/*
 * Terminal and file output shared by the commands: where colour is allowed, how diagnostics
 * reach the user, and how results are written to files.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli/cli.h"

#include "io/files.h"
#include "util/diag_render.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

bool rm_cli_use_color(FILE *f)
{
    const char *no_color = getenv("NO_COLOR");
    if (no_color && no_color[0])
        return false;
    const char *term = getenv("TERM");
    if (term && strcmp(term, "dumb") == 0)
        return false;
    return isatty(fileno(f)) == 1;
}

void rm_cli_print_diags(const rm_sources *srcs, rm_diags *d, bool json)
{
    rm_diags_sort(d);
    rm_sb out = RM_SB_INIT;
    if (json) {
        rm_diags_render_json(&out, srcs, d);
        rm_sb_putc(&out, '\n');
        fputs(rm_sb_str(&out), stdout);
    } else if (d->n > 0 || d->dropped > 0) {
        rm_render_opts o = {rm_cli_use_color(stderr), true};
        rm_diags_render_text(&out, srcs, d, &o);
        rm_diags_render_summary(&out, d);
        rm_sb_putc(&out, '\n');
        fputs(rm_sb_str(&out), stderr);
    }
    rm_sb_free(&out);
}

int rm_cli_write_output(const char *path, const rm_sb *s, rm_diags *d)
{
    if (!path || strcmp(path, "-") == 0) {
        fwrite(rm_sb_str(s), 1, s->len, stdout);
        return fflush(stdout) == 0 ? RM_EXIT_OK : RM_EXIT_ERROR;
    }
    return rm_io_write_file(path, rm_sb_str(s), s->len, d) == RM_OK ? RM_EXIT_OK : RM_EXIT_ERROR;
}
