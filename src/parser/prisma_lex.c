/*
 * The PSL lexer: bytes to tokens, on demand, one token of state. It knows only the shape of
 * tokens (identifiers, numbers, strings, comments, punctuation), never what they mean; it
 * does not decode string escapes (the parser does, so it can point at a bad escape).
 * Not for: deciding which line is valid (prisma_parse.c).
 *
 * It never fails and never reads past len: any byte that starts no token becomes one
 * RM_PTOK_UNKNOWN token (a whole UTF-8 sequence when the byte is a valid lead byte), so
 * binary input simply produces a stream of UNKNOWN tokens. Every call advances by at least
 * one byte unless at EOF, which bounds the work by the input size.
 */
#include "parser/prisma.h"

/* Character classes, as a table: the identifier loop is the lexer's hot path. */
enum { RM_CC_DIGIT = 1, RM_CC_ALPHA = 2, RM_CC_IDENT = 4 /* '_' and '-' */ };

static const unsigned char rm_cc[256] = {
    ['0'] = RM_CC_DIGIT, ['1'] = RM_CC_DIGIT, ['2'] = RM_CC_DIGIT, ['3'] = RM_CC_DIGIT,
    ['4'] = RM_CC_DIGIT, ['5'] = RM_CC_DIGIT, ['6'] = RM_CC_DIGIT, ['7'] = RM_CC_DIGIT,
    ['8'] = RM_CC_DIGIT, ['9'] = RM_CC_DIGIT, ['_'] = RM_CC_IDENT, ['-'] = RM_CC_IDENT,
    ['a'] = RM_CC_ALPHA, ['b'] = RM_CC_ALPHA, ['c'] = RM_CC_ALPHA, ['d'] = RM_CC_ALPHA,
    ['e'] = RM_CC_ALPHA, ['f'] = RM_CC_ALPHA, ['g'] = RM_CC_ALPHA, ['h'] = RM_CC_ALPHA,
    ['i'] = RM_CC_ALPHA, ['j'] = RM_CC_ALPHA, ['k'] = RM_CC_ALPHA, ['l'] = RM_CC_ALPHA,
    ['m'] = RM_CC_ALPHA, ['n'] = RM_CC_ALPHA, ['o'] = RM_CC_ALPHA, ['p'] = RM_CC_ALPHA,
    ['q'] = RM_CC_ALPHA, ['r'] = RM_CC_ALPHA, ['s'] = RM_CC_ALPHA, ['t'] = RM_CC_ALPHA,
    ['u'] = RM_CC_ALPHA, ['v'] = RM_CC_ALPHA, ['w'] = RM_CC_ALPHA, ['x'] = RM_CC_ALPHA,
    ['y'] = RM_CC_ALPHA, ['z'] = RM_CC_ALPHA, ['A'] = RM_CC_ALPHA, ['B'] = RM_CC_ALPHA,
    ['C'] = RM_CC_ALPHA, ['D'] = RM_CC_ALPHA, ['E'] = RM_CC_ALPHA, ['F'] = RM_CC_ALPHA,
    ['G'] = RM_CC_ALPHA, ['H'] = RM_CC_ALPHA, ['I'] = RM_CC_ALPHA, ['J'] = RM_CC_ALPHA,
    ['K'] = RM_CC_ALPHA, ['L'] = RM_CC_ALPHA, ['M'] = RM_CC_ALPHA, ['N'] = RM_CC_ALPHA,
    ['O'] = RM_CC_ALPHA, ['P'] = RM_CC_ALPHA, ['Q'] = RM_CC_ALPHA, ['R'] = RM_CC_ALPHA,
    ['S'] = RM_CC_ALPHA, ['T'] = RM_CC_ALPHA, ['U'] = RM_CC_ALPHA, ['V'] = RM_CC_ALPHA,
    ['W'] = RM_CC_ALPHA, ['X'] = RM_CC_ALPHA, ['Y'] = RM_CC_ALPHA, ['Z'] = RM_CC_ALPHA,
};

static bool rm_is_alnum(unsigned char c)
{
    return (rm_cc[c] & (RM_CC_DIGIT | RM_CC_ALPHA)) != 0;
}

static bool rm_is_digit(unsigned char c)
{
    return (rm_cc[c] & RM_CC_DIGIT) != 0;
}

/* Characters that may continue an identifier (pest: "_" | "-" | ASCII_ALPHANUMERIC). */
static bool rm_is_ident_cont(unsigned char c)
{
    return rm_cc[c] != 0;
}

void rm_prisma_lexer_init(rm_prisma_lexer *lx, const char *text, size_t len)
{
    lx->text = text;
    lx->len = len;
    lx->pos = 0;
    /* A UTF-8 byte order mark (editors on Windows write one) is not part of the schema. */
    if (len >= 3 && (unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB &&
        (unsigned char)text[2] == 0xBF)
        lx->pos = 3;
}

static rm_prisma_tok rm_tok(rm_prisma_tok_kind kind, size_t off, size_t end)
{
    rm_prisma_tok t = {kind, (uint32_t)off, (uint32_t)(end - off)};
    return t;
}

/* Length of the UTF-8 sequence starting at p (1 when it is not a well-formed lead + tail),
 * so one non-ASCII character yields one UNKNOWN token and the code frame underlines it whole. */
static size_t rm_utf8_seq_len(const unsigned char *p, size_t avail)
{
    size_t n = 1;
    if (p[0] >= 0xC2 && p[0] <= 0xDF)
        n = 2;
    else if (p[0] >= 0xE0 && p[0] <= 0xEF)
        n = 3;
    else if (p[0] >= 0xF0 && p[0] <= 0xF4)
        n = 4;
    if (n > avail)
        return 1;
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 1;
    }
    return n;
}

rm_prisma_tok rm_prisma_lex_next(rm_prisma_lexer *lx)
{
    const unsigned char *s = (const unsigned char *)lx->text;
    size_t n = lx->len;
    size_t i = lx->pos;

    /* Horizontal white space. */
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (i >= n) {
        lx->pos = n;
        return rm_tok(RM_PTOK_EOF, n, n);
    }

    size_t start = i;
    unsigned char c = s[i];
    rm_prisma_tok_kind kind = RM_PTOK_UNKNOWN;

    /* Fast path for the most frequent token, an identifier starting with a letter: no trip
     * through the switch's jump table. */
    if (rm_cc[c] & RM_CC_ALPHA) {
        i++;
        while (i < n && rm_cc[s[i]])
            i++;
        lx->pos = i;
        return rm_tok(RM_PTOK_IDENT, start, i);
    }

    switch (c) {
    case '\n':
        i++;
        kind = RM_PTOK_NEWLINE;
        break;
    case '\r': /* \r\n, or a lone \r (pest's NEWLINE accepts old Mac line ends too) */
        i += (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
        kind = RM_PTOK_NEWLINE;
        break;
    case '/':
        if (i + 1 < n && s[i + 1] == '/') {
            kind = (i + 2 < n && s[i + 2] == '/') ? RM_PTOK_DOC_COMMENT : RM_PTOK_COMMENT;
            while (i < n && s[i] != '\n' && s[i] != '\r')
                i++;
        } else if (i + 1 < n && s[i + 1] == '*') {
            /* Block comment, possibly over several lines; Prisma accepts these where a
             * comment may stand and keeps their text as documentation. Unterminated: to EOF
             * (the parser reports it). */
            kind = RM_PTOK_BLOCK_COMMENT;
            i += 2;
            while (i < n && !(s[i] == '*' && i + 1 < n && s[i + 1] == '/'))
                i++;
            i = i < n ? i + 2 : n;
        } else {
            i++;
        }
        break;
    case '"':
        i++;
        kind = RM_PTOK_BAD_STRING;
        while (i < n && s[i] != '\n' && s[i] != '\r') {
            if (s[i] == '"') {
                i++;
                kind = RM_PTOK_STRING;
                break;
            }
            /* A backslash protects the next byte, except a line end: strings never span
             * lines, so an unterminated one stops at the end of its line. */
            if (s[i] == '\\' && i + 1 < n && s[i + 1] != '\n' && s[i + 1] != '\r')
                i++;
            i++;
        }
        break;
    case '@':
        i++;
        kind = RM_PTOK_AT;
        if (i < n && s[i] == '@') {
            i++;
            kind = RM_PTOK_ATAT;
        }
        break;
    case '{': i++; kind = RM_PTOK_LBRACE; break;
    case '}': i++; kind = RM_PTOK_RBRACE; break;
    case '(': i++; kind = RM_PTOK_LPAREN; break;
    case ')': i++; kind = RM_PTOK_RPAREN; break;
    case '[': i++; kind = RM_PTOK_LBRACKET; break;
    case ']': i++; kind = RM_PTOK_RBRACKET; break;
    case ',': i++; kind = RM_PTOK_COMMA; break;
    case ':': i++; kind = RM_PTOK_COLON; break;
    case '=': i++; kind = RM_PTOK_EQUALS; break;
    case '?': i++; kind = RM_PTOK_QUESTION; break;
    case '!': i++; kind = RM_PTOK_BANG; break;
    case '.': i++; kind = RM_PTOK_DOT; break;
    default:
        if (c == '-' && i + 1 < n && rm_is_digit(s[i + 1])) {
            /* Negative number: -?[0-9]+(\.[0-9]+)? */
            i++;
            while (i < n && rm_is_digit(s[i]))
                i++;
            if (i + 1 < n && s[i] == '.' && rm_is_digit(s[i + 1])) {
                i++;
                while (i < n && rm_is_digit(s[i]))
                    i++;
            }
            kind = RM_PTOK_NUMBER;
        } else if (rm_is_digit(c)) {
            /* Digits: a number, unless identifier characters follow (identifiers may start
             * with a digit in PSL: "1st" is an identifier, validation rejects it later). */
            while (i < n && rm_is_digit(s[i]))
                i++;
            if (i < n && rm_is_ident_cont(s[i])) {
                while (i < n && rm_is_ident_cont(s[i]))
                    i++;
                kind = RM_PTOK_IDENT;
            } else {
                if (i + 1 < n && s[i] == '.' && rm_is_digit(s[i + 1])) {
                    i++;
                    while (i < n && rm_is_digit(s[i]))
                        i++;
                }
                kind = RM_PTOK_NUMBER;
            }
        } else if (rm_is_alnum(c)) {
            while (i < n && rm_is_ident_cont(s[i]))
                i++;
            kind = RM_PTOK_IDENT;
        } else if (c >= 0x80) {
            i += rm_utf8_seq_len(s + i, n - i);
        } else {
            i++;
        }
        break;
    }
    lx->pos = i;
    return rm_tok(kind, start, i);
}

const char *rm_prisma_tok_kind_name(rm_prisma_tok_kind kind)
{
    switch (kind) {
    case RM_PTOK_EOF: return "EOF";
    case RM_PTOK_NEWLINE: return "NEWLINE";
    case RM_PTOK_IDENT: return "IDENT";
    case RM_PTOK_NUMBER: return "NUMBER";
    case RM_PTOK_STRING: return "STRING";
    case RM_PTOK_COMMENT: return "COMMENT";
    case RM_PTOK_DOC_COMMENT: return "DOC_COMMENT";
    case RM_PTOK_AT: return "AT";
    case RM_PTOK_ATAT: return "ATAT";
    case RM_PTOK_LBRACE: return "LBRACE";
    case RM_PTOK_RBRACE: return "RBRACE";
    case RM_PTOK_LPAREN: return "LPAREN";
    case RM_PTOK_RPAREN: return "RPAREN";
    case RM_PTOK_LBRACKET: return "LBRACKET";
    case RM_PTOK_RBRACKET: return "RBRACKET";
    case RM_PTOK_COMMA: return "COMMA";
    case RM_PTOK_COLON: return "COLON";
    case RM_PTOK_EQUALS: return "EQUALS";
    case RM_PTOK_QUESTION: return "QUESTION";
    case RM_PTOK_BANG: return "BANG";
    case RM_PTOK_DOT: return "DOT";
    case RM_PTOK_BAD_STRING: return "BAD_STRING";
    case RM_PTOK_UNKNOWN: return "UNKNOWN";
    case RM_PTOK_BLOCK_COMMENT: return "BLOCK_COMMENT";
    }
    return "?";
}
