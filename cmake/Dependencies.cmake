# Client libraries, found the conventional way (pkg-config first, then find_library), with the
# Debian package to install named when something is missing.
find_package(PkgConfig REQUIRED)

function(relmig_require_pkg var debian)
  pkg_check_modules(${var} IMPORTED_TARGET ${ARGN})
  if(NOT ${var}_FOUND)
    message(FATAL_ERROR "relmig: ${ARGV2} not found. On Debian: apt-get install ${debian}")
  endif()
endfunction()

relmig_require_pkg(PCRE2 libpcre2-dev libpcre2-8)
relmig_require_pkg(SQLITE3 libsqlite3-dev sqlite3)
relmig_require_pkg(MARIADB libmariadb-dev libmariadb)

# libpq: CMake's own FindPostgreSQL also wants server headers on some versions; pkg-config is
# what Debian's libpq-dev ships.
relmig_require_pkg(LIBPQ libpq-dev libpq)

if(RELMIG_BUILD_TESTS)
  relmig_require_pkg(CMOCKA libcmocka-dev cmocka)
endif()
