/*
 * libFuzzer target: the Prisma lexer and parser (src/parser/prisma_*.c) on arbitrary bytes,
 * then the AST dump and the diagnostics renderer. Finds crashes, overreads, leaks and
 * unbounded recursion in the parser; says nothing about whether the AST is right (the golden
 * and conformance tests do). Seeds: shared/corpus/prisma and shared/corpus/real-schemas.
 */
#include "fuzz_common.h"
#include "parser/prisma.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rm_sources srcs;
    rm_sources_init(&srcs);
    const rm_source *src = rm_sources_add(&srcs, "fuzz.prisma", (const char *)data, size);
    rm_arena a;
    rm_arena_init(&a, 0);
    rm_diags d;
    rm_diags_init(&d);
    rm_prisma_ast *ast = NULL;
    if (src) {
        rm_prisma_parse(&ast, src, &a, &d);
        rm_sb sb = RM_SB_INIT;
        if (ast)
            rm_prisma_ast_dump(&sb, ast);
        rm_sb_free(&sb);
        /* The lexer alone, to the end, as the formatter-like callers drive it. */
        rm_prisma_lexer lx;
        rm_prisma_lexer_init(&lx, src->text, src->len);
        for (size_t i = 0; i <= size; i++) {
            rm_prisma_tok t = rm_prisma_lex_next(&lx);
            if (t.kind == RM_PTOK_EOF)
                break;
            /* Every other token is non-empty and inside the text, or the loop would not end
             * and locations would point outside the source. */
            if (t.len == 0 || (size_t)t.off + t.len > src->len)
                __builtin_trap();
        }
    }
    rm_fuzz_render_diags(&srcs, &d);
    rm_diags_free(&d);
    rm_arena_free(&a);
    rm_sources_free(&srcs);
    return 0;
}
