/*
 * Placeholder rewriting for the MySQL driver: callers write PostgreSQL-style $1..$n for every
 * database; MySQL's prepared statements only know positional "?". Pure (no client library), so
 * the unit tests compile it directly. Not a SQL parser: it only knows where quotes and
 * comments start and end, which is all it takes to never rewrite a "$1" inside a string.
 */
#include "db/db.h"

#include "util/sb.h"

#include <stdio.h>
#include <string.h>

static bool rm_params_ident_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '$' || (unsigned char)c >= 0x80;
}

int rm_db_params_to_qmarks(char **out_sql, uint32_t **order, size_t *norder, const char *sql,
                           rm_arena *a, rm_dberr *err)
{
    rm_sb sb = RM_SB_INIT;
    uint32_t *ord = NULL;
    size_t n = 0, cap = 0;
    int ret = RM_ERR;
    size_t len = strlen(sql);
    size_t i = 0;
    *out_sql = NULL;
    *order = NULL;
    *norder = 0;
    while (i < len) {
        char c = sql[i];
        if (c == '\'' || c == '"' || c == '`') {
            /* Quoted: copy through the closing quote; a doubled quote or (outside backticks)
             * a backslash escapes. An unterminated quote runs to the end, and the server
             * reports the syntax error. */
            size_t j = i + 1;
            while (j < len) {
                if (sql[j] == '\\' && c != '`' && j + 1 < len) {
                    j += 2;
                    continue;
                }
                if (sql[j] == c) {
                    if (j + 1 < len && sql[j + 1] == c) {
                        j += 2;
                        continue;
                    }
                    j++;
                    break;
                }
                j++;
            }
            rm_sb_append(&sb, sql + i, j - i);
            i = j;
        } else if (c == '#' || (c == '-' && i + 1 < len && sql[i + 1] == '-' &&
                                (i + 2 == len || sql[i + 2] == ' ' || sql[i + 2] == '\t' ||
                                 sql[i + 2] == '\n' || sql[i + 2] == '\r'))) {
            size_t j = i;
            while (j < len && sql[j] != '\n')
                j++;
            rm_sb_append(&sb, sql + i, j - i);
            i = j;
        } else if (c == '/' && i + 1 < len && sql[i + 1] == '*') {
            const char *close = strstr(sql + i + 2, "*/");
            size_t j = close ? (size_t)(close - sql) + 2 : len;
            rm_sb_append(&sb, sql + i, j - i);
            i = j;
        } else if (c == '$' && i + 1 < len && sql[i + 1] >= '0' && sql[i + 1] <= '9' &&
                   (i == 0 || !rm_params_ident_char(sql[i - 1]))) {
            size_t j = i + 1;
            unsigned long num = 0;
            while (j < len && sql[j] >= '0' && sql[j] <= '9') {
                num = num * 10 + (unsigned long)(sql[j] - '0');
                if (num > 65535)
                    break;
                j++;
            }
            if (num == 0 || num > 65535) {
                rm_dberr_set(err, RM_DBERR_MISUSE, NULL, 0, NULL,
                             "placeholder numbers run from $1 to $65535", NULL);
                goto done;
            }
            rm_sb_putc(&sb, '?');
            RM_VEC_PUSH(a, ord, n, cap, (uint32_t)num);
            i = j;
        } else if (c == '?') {
            rm_dberr_set(err, RM_DBERR_MISUSE, NULL, 0, NULL,
                         "use $1..$n placeholders, not \"?\"", NULL);
            goto done;
        } else {
            rm_sb_putc(&sb, c);
            i++;
        }
    }
    *out_sql = rm_arena_strdup(a, rm_sb_str(&sb));
    *order = ord;
    *norder = n;
    ret = RM_OK;
done:
    rm_sb_free(&sb);
    return ret;
}
