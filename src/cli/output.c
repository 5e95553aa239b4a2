/*
 * Terminal and file output shared by the commands: where colour is allowed, how diagnostics
 * reach the user, how loud the command is (--quiet / --verbose), the progress line of long
 * operations, and how results are written to files. Not for rendering diagnostics
 * (util/diag_render.c) or any command's result format.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli/cli.h"

#include "io/files.h"
#include "util/diag_render.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Process-wide by nature: one command line, one setting (set once in main.c). */
static rm_cli_verbosity verbosity = RM_CLI_NORMAL;
static int progress_state = -1; /* -1 undecided, 0 off, 1 on */
static bool progress_shown;

void rm_cli_set_verbosity(rm_cli_verbosity v)
{
    verbosity = v;
}

rm_cli_verbosity rm_cli_get_verbosity(void)
{
    return verbosity;
}

void rm_cli_verbose(const char *fmt, ...)
{
    if (verbosity < RM_CLI_VERBOSE)
        return;
    rm_cli_progress_clear();
    va_list ap;
    va_start(ap, fmt);
    fputs("relmig: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

void rm_cli_info(const char *fmt, ...)
{
    if (verbosity <= RM_CLI_QUIET)
        return;
    rm_cli_progress_clear();
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stdout, fmt, ap);
    fputc('\n', stdout);
    va_end(ap);
    fflush(stdout);
}

double rm_cli_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

bool rm_cli_progress_enabled(void)
{
    if (progress_state < 0) {
        const char *term = getenv("TERM");
        /* Erasing the line needs a terminal that understands ESC [ K. */
        progress_state = verbosity > RM_CLI_QUIET && isatty(STDERR_FILENO) == 1 &&
                         !(term && strcmp(term, "dumb") == 0);
    }
    return progress_state == 1;
}

void rm_cli_progress(const char *fmt, ...)
{
    if (!rm_cli_progress_enabled())
        return;
    /* stdout may share the terminal: what it holds must appear before the progress line. */
    fflush(stdout);
    va_list ap;
    va_start(ap, fmt);
    fputs("\r\033[K", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fflush(stderr);
    progress_shown = true;
}

void rm_cli_progress_clear(void)
{
    if (!progress_shown)
        return;
    fputs("\r\033[K", stderr);
    fflush(stderr);
    progress_shown = false;
}

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
    rm_cli_progress_clear();
    rm_diags_sort(d);
    rm_sb out = RM_SB_INIT;
    if (json) {
        rm_diags_render_json(&out, srcs, d);
        rm_sb_putc(&out, '\n');
        fputs(rm_sb_str(&out), stdout);
    } else if (verbosity <= RM_CLI_QUIET) {
        /* Errors only, without the summary line. */
        rm_render_opts o = {rm_cli_use_color(stderr), true};
        for (size_t i = 0; i < d->n; i++) {
            if (d->items[i]->sev != RM_SEV_ERROR)
                continue;
            rm_diag_render_text(&out, srcs, d->items[i], &o);
            rm_sb_putc(&out, '\n');
        }
        fputs(rm_sb_str(&out), stderr);
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
