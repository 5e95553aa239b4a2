/*
 * The driver error record (rm_dberr), result rows, and the mapping from a driver error to a
 * diagnostic. Pure like url.c (no client library), so the unit tests compile it directly.
 * Not for classifying a client library's errors: each driver knows its own codes.
 */
#include "db/db.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

void rm_dberr_clear(rm_dberr *err)
{
    memset(err, 0, sizeof *err);
}

/* Copy src into dst (capacity cap) as one line: newlines and tabs become single spaces,
 * other control bytes '?', runs of spaces collapse, ends are trimmed. */
static void rm_dberr_one_line(char *dst, size_t cap, const char *src)
{
    size_t o = 0;
    bool space = false;
    dst[0] = '\0';
    if (!src)
        return;
    for (const unsigned char *p = (const unsigned char *)src; *p && o + 1 < cap; p++) {
        unsigned char c = *p;
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            space = o > 0;
            continue;
        }
        if (space) {
            if (o + 2 >= cap)
                break;
            dst[o++] = ' ';
            space = false;
        }
        dst[o++] = (c < 0x20 || c == 0x7f) ? '?' : (char)c;
    }
    dst[o] = '\0';
}

int rm_dberr_set(rm_dberr *err, rm_dberr_kind kind, const char *sqlstate, long native,
                 const char *secret, const char *message, const char *detail)
{
    if (!err)
        return RM_EDB;
    err->kind = kind;
    err->sqlstate[0] = '\0';
    if (sqlstate) {
        snprintf(err->sqlstate, sizeof err->sqlstate, "%s", sqlstate);
    }
    err->native = native;
    /* Scrub the raw text (flattening could change a secret that contains whitespace, so it
     * would no longer match) and then the flattened line once more. */
    char raw[RM_DBERR_TEXT_MAX * 2];
    snprintf(raw, sizeof raw, "%s", message ? message : "");
    rm_db_scrub_secret(raw, sizeof raw, secret);
    rm_dberr_one_line(err->message, sizeof err->message, raw);
    rm_db_scrub_secret(err->message, sizeof err->message, secret);
    snprintf(raw, sizeof raw, "%s", detail ? detail : "");
    rm_db_scrub_secret(raw, sizeof raw, secret);
    rm_dberr_one_line(err->detail, sizeof err->detail, raw);
    rm_db_scrub_secret(err->detail, sizeof err->detail, secret);
    if (!err->message[0])
        snprintf(err->message, sizeof err->message, "unknown %s error",
                 rm_dberr_kind_name(kind));
    return RM_EDB;
}

const char *rm_dberr_kind_name(rm_dberr_kind kind)
{
    switch (kind) {
    case RM_DBERR_NONE:
        return "none";
    case RM_DBERR_URL:
        return "url";
    case RM_DBERR_NO_DRIVER:
        return "no-driver";
    case RM_DBERR_UNREACHABLE:
        return "unreachable";
    case RM_DBERR_AUTH:
        return "auth";
    case RM_DBERR_UNKNOWN_DATABASE:
        return "unknown-database";
    case RM_DBERR_CONNECT:
        return "connect";
    case RM_DBERR_STATEMENT:
        return "statement";
    case RM_DBERR_LOCK_TIMEOUT:
        return "lock-timeout";
    case RM_DBERR_CONNECTION_LOST:
        return "connection-lost";
    case RM_DBERR_MISUSE:
        return "misuse";
    }
    return "unknown";
}

const char *rm_rows_get(const rm_rows *r, size_t row, size_t col)
{
    assert(row < r->nrows && col < r->ncols);
    return r->cells[row * r->ncols + col];
}

static uint16_t rm_dberr_diag_id(rm_dberr_kind kind)
{
    switch (kind) {
    case RM_DBERR_URL:
        return RM_E_DB_URL_INVALID;
    case RM_DBERR_NO_DRIVER:
        return RM_E_DB_NO_DRIVER;
    case RM_DBERR_UNREACHABLE:
        return RM_E_DB_UNREACHABLE;
    case RM_DBERR_AUTH:
        return RM_E_DB_AUTH;
    case RM_DBERR_UNKNOWN_DATABASE:
        return RM_E_DB_UNKNOWN_DATABASE;
    case RM_DBERR_CONNECT:
        return RM_E_DB_CONNECT;
    case RM_DBERR_STATEMENT:
        return RM_E_DB_STATEMENT;
    case RM_DBERR_LOCK_TIMEOUT:
        return RM_E_DB_LOCK_TIMEOUT;
    case RM_DBERR_CONNECTION_LOST:
        return RM_E_DB_CONNECTION_LOST;
    case RM_DBERR_NONE:
    case RM_DBERR_MISUSE:
        break;
    }
    return RM_E_DB_MISUSE;
}

rm_diag *rm_db_report(rm_diags *d, const rm_dberr *err, const char *context)
{
    rm_diag *g;
    if (context && context[0])
        g = rm_diag_error(d, rm_dberr_diag_id(err->kind), RM_LOC_NONE, "%s: %s", context,
                          err->message);
    else
        g = rm_diag_error(d, rm_dberr_diag_id(err->kind), RM_LOC_NONE, "%s", err->message);
    /* Detail: the server's own secondary text, then the codes a DBA would look up. */
    char codes[64] = "";
    if (err->sqlstate[0] && err->native)
        snprintf(codes, sizeof codes, "SQLSTATE %s, code %ld", err->sqlstate, err->native);
    else if (err->sqlstate[0])
        snprintf(codes, sizeof codes, "SQLSTATE %s", err->sqlstate);
    else if (err->native)
        snprintf(codes, sizeof codes, "code %ld", err->native);
    if (err->detail[0] && codes[0])
        rm_diag_set_detail(d, g, "%s (%s)", err->detail, codes);
    else if (err->detail[0])
        rm_diag_set_detail(d, g, "%s", err->detail);
    else if (codes[0])
        rm_diag_set_detail(d, g, "%s", codes);
    switch (err->kind) {
    case RM_DBERR_UNREACHABLE:
        rm_diag_set_hint(d, g, "Check that the server is running and that host and port are "
                               "right.");
        break;
    case RM_DBERR_AUTH:
        rm_diag_set_hint(d, g, "Check the user name and password; special characters in a URL "
                               "password must be percent-encoded.");
        break;
    case RM_DBERR_LOCK_TIMEOUT:
        rm_diag_set_hint(d, g, "Another relmig process is probably applying migrations to this "
                               "database.");
        break;
    default:
        break;
    }
    return g;
}
