/*
 * The Prisma lexer, token by token: one named row per rule (identifiers that start with
 * digits or hold '-', numbers, strings and their escapes, unterminated strings, the three
 * comment kinds, line ends, BOM, punctuation, non-ASCII and NUL bytes). Each row lists the
 * expected tokens as "KIND:text" (text omitted for NEWLINE and EOF), written by hand.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "parser/prisma.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct lex_case {
    const char *name;
    const char *text;
    size_t len;          /* 0: strlen(text) */
    const char *want;    /* space-separated KIND:text, ending in EOF */
} lex_case;

static const lex_case cases[] = {
    {"field_line", "  id Int @id\n", 0, "IDENT:id IDENT:Int AT:@ IDENT:id NEWLINE EOF"},
    {"block_attribute", "@@index([a])", 0,
     "ATAT:@@ IDENT:index LPAREN:( LBRACKET:[ IDENT:a RBRACKET:] RPAREN:) EOF"},
    {"punctuation", "{}()[],:=?!.", 0,
     "LBRACE:{ RBRACE:} LPAREN:( RPAREN:) LBRACKET:[ RBRACKET:] COMMA:, COLON:: EQUALS:= "
     "QUESTION:? BANG:! DOT:. EOF"},
    {"identifier_with_dash_and_underscore", "my-field_2 x", 0, "IDENT:my-field_2 IDENT:x EOF"},
    {"identifier_starting_with_digit", "1st 2", 0, "IDENT:1st NUMBER:2 EOF"},
    {"underscore_start_is_not_identifier", "_x", 0, "UNKNOWN:_ IDENT:x EOF"},
    {"numbers", "0 -1 1.5 -2.25 3.", 0, "NUMBER:0 NUMBER:-1 NUMBER:1.5 NUMBER:-2.25 NUMBER:3 DOT:. EOF"},
    {"minus_alone_is_unknown", "- 1", 0, "UNKNOWN:- NUMBER:1 EOF"},
    {"path_is_three_tokens", "db.VarChar", 0, "IDENT:db DOT:. IDENT:VarChar EOF"},
    {"string_simple", "\"abc\"", 0, "STRING:\"abc\" EOF"},
    {"string_with_escaped_quote", "\"a\\\"b\" x", 0, "STRING:\"a\\\"b\" IDENT:x EOF"},
    {"string_with_comment_chars", "\"// not a comment\"", 0, "STRING:\"//_not_a_comment\" EOF"},
    {"string_unterminated_at_eol", "\"abc\nx", 0, "BAD_STRING:\"abc NEWLINE IDENT:x EOF"},
    {"string_unterminated_at_eof", "\"abc", 0, "BAD_STRING:\"abc EOF"},
    {"string_backslash_before_newline", "\"a\\\nb", 0, "BAD_STRING:\"a\\ NEWLINE IDENT:b EOF"},
    {"comment", "x // hi\ny", 0, "IDENT:x COMMENT://_hi NEWLINE IDENT:y EOF"},
    {"doc_comment", "/// doc\n", 0, "DOC_COMMENT:///_doc NEWLINE EOF"},
    {"four_slashes_is_doc", "////x", 0, "DOC_COMMENT:////x EOF"},
    {"block_comment_multi_line", "/* a\n b */x", 0, "BLOCK_COMMENT:/*_a\n_b_*/ IDENT:x EOF"},
    {"block_comment_unterminated", "/* a", 0, "BLOCK_COMMENT:/*_a EOF"},
    {"lone_slash", "/x", 0, "UNKNOWN:/ IDENT:x EOF"},
    {"crlf", "a\r\nb\r\n", 0, "IDENT:a NEWLINE IDENT:b NEWLINE EOF"},
    {"lone_cr_is_newline", "a\rb", 0, "IDENT:a NEWLINE IDENT:b EOF"},
    {"comment_stops_before_crlf", "// c\r\nx", 0, "COMMENT://_c NEWLINE IDENT:x EOF"},
    {"tabs_are_space", "\ta\t\tb", 0, "IDENT:a IDENT:b EOF"},
    {"bom_skipped", "\xef\xbb\xbfmodel", 0, "IDENT:model EOF"},
    {"bom_only_at_start", "a \xef\xbb\xbf", 0, "IDENT:a UNKNOWN:\xef\xbb\xbf EOF"},
    {"utf8_is_one_unknown", "caf\xc3\xa9", 0, "IDENT:caf UNKNOWN:\xc3\xa9 EOF"},
    {"invalid_utf8_byte", "\xff\xfe", 0, "UNKNOWN:\xff UNKNOWN:\xfe EOF"},
    {"truncated_utf8", "\xe2\x82", 0, "UNKNOWN:\xe2 UNKNOWN:\x82 EOF"},
    {"nul_bytes", "a\0b", 3, "IDENT:a UNKNOWN:\\0 IDENT:b EOF"},
    {"empty", "", 0, "EOF"},
};

/* Render tokens as the want strings do: spaces and NULs in token text shown as '_' and \0. */
static void render(const char *text, size_t len, char *out, size_t cap)
{
    rm_prisma_lexer lx;
    rm_prisma_lexer_init(&lx, text, len);
    size_t o = 0;
    out[0] = '\0';
    for (int guard = 0; guard < 1000; guard++) {
        rm_prisma_tok t = rm_prisma_lex_next(&lx);
        const char *k = rm_prisma_tok_kind_name(t.kind);
        o += (size_t)snprintf(out + o, cap - o, "%s%s", o ? " " : "", k);
        if (t.kind != RM_PTOK_NEWLINE && t.kind != RM_PTOK_EOF) {
            o += (size_t)snprintf(out + o, cap - o, ":");
            for (uint32_t i = 0; i < t.len && o + 3 < cap; i++) {
                char c = text[t.off + i];
                if (c == ' ') {
                    out[o++] = '_';
                } else if (c == '\0') {
                    out[o++] = '\\';
                    out[o++] = '0';
                } else {
                    out[o++] = c;
                }
            }
            out[o] = '\0';
        }
        if (t.kind == RM_PTOK_EOF)
            break;
    }
}

static void run_lex_case(void **state)
{
    const lex_case *c = *state;
    char got[2048];
    render(c->text, c->len ? c->len : strlen(c->text), got, sizeof got);
    assert_string_equal(got, c->want);
}

/* Offsets and lengths are exact and every token advances (no zero-length token but EOF). */
static void offsets_are_exact(void **state)
{
    (void)state;
    const char *text = "model A {\n  x String? @db.VarChar(10)\n}";
    rm_prisma_lexer lx;
    rm_prisma_lexer_init(&lx, text, strlen(text));
    rm_prisma_tok t = rm_prisma_lex_next(&lx);
    assert_int_equal(t.off, 0);
    assert_int_equal(t.len, 5);
    t = rm_prisma_lex_next(&lx);
    assert_int_equal(t.off, 6);
    assert_int_equal(t.len, 1);
    size_t prev_end = 7;
    for (;;) {
        t = rm_prisma_lex_next(&lx);
        if (t.kind == RM_PTOK_EOF) {
            assert_int_equal(t.off, strlen(text));
            assert_int_equal(t.len, 0);
            break;
        }
        assert_true(t.len > 0);
        assert_true(t.off >= prev_end);
        prev_end = (size_t)t.off + t.len;
    }
}

int main(void)
{
    struct CMUnitTest tests[RM_ARRAY_LEN(cases) + 1];
    size_t n = 0;
    for (size_t i = 0; i < RM_ARRAY_LEN(cases); i++)
        tests[n++] = (struct CMUnitTest){.name = cases[i].name, .test_func = run_lex_case,
                                         .initial_state = (void *)&cases[i]};
    tests[n++] = (struct CMUnitTest){.name = "offsets_are_exact", .test_func = offsets_are_exact};
    return _cmocka_run_group_tests("prisma_lex", tests, n, NULL, NULL);
}
