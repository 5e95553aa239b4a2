# Install rules, the pkg-config file and the Debian package (CPack DEB). Included once, at the
# end of the top-level CMakeLists.txt, after every target exists.
#
#   bin/relmig                                   the command (its rule is in src/CMakeLists.txt)
#   lib/librelmig.a                              the core's objects + the public interface (src/api)
#   include/relmig/relmig.h                      the public header
#   lib/pkgconfig/relmig.pc                      relocatable: paths are relative to the .pc file
#   share/man/man1/relmig.1                      the manual
#   share/bash-completion/completions/relmig     bash completion
#
# `cpack -G DEB` in the build directory makes relmig_<version>_<arch>.deb installing under /usr.
include(GNUInstallDirs)

# One static archive for library users: the core (no I/O, no database clients) plus the small
# text-in/text-out interface of include/relmig/relmig.h. The CLI does not link it; it links the
# finer-grained libraries directly.
add_library(relmig_lib STATIC ${PROJECT_SOURCE_DIR}/src/api/relmig_api.c
  $<TARGET_OBJECTS:relmig_core>)
set_target_properties(relmig_lib PROPERTIES OUTPUT_NAME relmig
  ARCHIVE_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/lib)
target_include_directories(relmig_lib
  PUBLIC $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
  PRIVATE ${PROJECT_SOURCE_DIR}/src)
target_compile_definitions(relmig_lib PRIVATE PCRE2_CODE_UNIT_WIDTH=8)
target_link_libraries(relmig_lib PUBLIC PkgConfig::PCRE2)
relmig_target_warnings(relmig_lib)

install(TARGETS relmig_lib ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(FILES ${PROJECT_SOURCE_DIR}/include/relmig/relmig.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/relmig)
install(FILES ${PROJECT_SOURCE_DIR}/docs/man/relmig.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PROJECT_SOURCE_DIR}/contrib/completion/relmig.bash
  DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME relmig)

# The .pc file finds the prefix from its own location, so `cmake --install --prefix DIR` and the
# .deb (installed under /usr) both work without reconfiguring.
file(RELATIVE_PATH RELMIG_PC_TO_PREFIX "${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig"
  "${CMAKE_INSTALL_PREFIX}")
string(REGEX REPLACE "/$" "" RELMIG_PC_TO_PREFIX "${RELMIG_PC_TO_PREFIX}")
configure_file(${PROJECT_SOURCE_DIR}/cmake/relmig.pc.in ${CMAKE_BINARY_DIR}/relmig.pc @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/relmig.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# Debian package. dpkg-shlibdeps (dpkg-dev) derives versioned dependencies from the binary
# itself; without it the runtime libraries are named explicitly (Debian 12 package names,
# checked with `dpkg -S`). The PostgreSQL and MariaDB client libraries are always named: the
# binary may open them at the first connection (dlopen) instead of linking them, and then
# dpkg-shlibdeps cannot see them. scripts/package-test.sh checks that all four end up in
# Depends.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME relmig)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "relmig")
set(CPACK_PACKAGE_CONTACT "relmig maintainers <relmig@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "schema migrations and introspection for Prisma and Cerial schemas")
set(CPACK_PACKAGE_DESCRIPTION
  "relmig reads Prisma and Cerial schemas into one validated relation graph, prints it as JSON, \
Mermaid or Graphviz, diffs states into SQL for PostgreSQL, MySQL/MariaDB and SQLite, applies \
migrations, introspects live databases and checks drift in CI.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION database)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "graphviz")
find_program(RELMIG_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(RELMIG_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "libpq5, libmariadb3")
else()
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "libpq5, libmariadb3, libsqlite3-0, libpcre2-8-0")
endif()
include(CPack)
