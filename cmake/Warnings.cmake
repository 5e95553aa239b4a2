# Warning flags for every target of ours (not for third-party code).
# -Wconversion is deliberately left out: with size_t/uint32_t offsets everywhere it produces
# mostly noise (curl and libgit2 made the same call); -Wsign-compare stays on via -Wextra.
# -Wformat-truncation is turned off: it flags snprintf into fixed buffers, whose truncation is
# exactly the bounded behaviour wanted there, and whether it fires depends on the optimisation
# level (the Debug sanitizer build saw different ones than RelWithDebInfo).
include(CheckCCompilerFlag)

set(RELMIG_WARNING_FLAGS "")
foreach(flag
    -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes
    -Wold-style-definition -Wformat=2 -Wvla -Wwrite-strings -Wundef
    -Wimplicit-fallthrough -Wnested-externs -Wno-unused-parameter -Wno-format-truncation
    -Wlogical-op -Wduplicated-cond -Wjump-misses-init)
  string(MAKE_C_IDENTIFIER "HAVE_C_FLAG${flag}" var)
  check_c_compiler_flag(${flag} ${var})
  if(${var})
    list(APPEND RELMIG_WARNING_FLAGS ${flag})
  endif()
endforeach()
if(RELMIG_WERROR)
  list(APPEND RELMIG_WARNING_FLAGS -Werror)
endif()

function(relmig_target_warnings target)
  target_compile_options(${target} PRIVATE ${RELMIG_WARNING_FLAGS})
endfunction()
