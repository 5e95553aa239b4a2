# One switch for ASan + UBSan. The arena debug mode comes with it: a bump allocator would
# otherwise hide overruns and use-after-free inside its blocks.
if(RELMIG_SANITIZE)
  set(RELMIG_ARENA_DEBUG ON CACHE BOOL "" FORCE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
if(RELMIG_ARENA_DEBUG)
  add_compile_definitions(RELMIG_ARENA_DEBUG=1)
endif()
