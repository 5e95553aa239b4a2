# Included by the top-level CMakeLists.txt before src/ when RELMIG_FUZZ is ON: every library is
# compiled with libFuzzer's coverage instrumentation (fuzzer-no-link) plus ASan and UBSan, and
# with the arena debug mode so that each arena allocation is its own malloc (a bump allocator
# would hide overruns inside its blocks). Only clang has libFuzzer.
if(NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "RELMIG_FUZZ needs clang: configure with CC=clang (see scripts/fuzz.sh)")
endif()
add_compile_definitions(RELMIG_ARENA_DEBUG=1)
add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
  -fno-omit-frame-pointer -gline-tables-only)
add_link_options(-fsanitize=address,undefined)
