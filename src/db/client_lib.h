/*
 * Loading a database client library (libpq, libmariadb) when the first connection needs it
 * instead of when relmig starts.
 *
 * Why: linking libpq and libmariadb makes the dynamic loader map and relocate about thirty
 * libraries (OpenSSL, GnuTLS, Kerberos, LDAP, p11-kit ...) at every start, all bound at load
 * time: about 4.5 ms of CPU before main(), which is most of the run time of `relmig validate`
 * or `relmig diff` on a schema file, the commands CI calls most. The drivers still compile
 * against the libraries' own headers (the types and prototypes are theirs); only the calls go
 * through a table of pointers each driver fills from here on its first connect. SQLite and
 * pcre2 stay linked: they are small, have no dependencies, and schema-only work uses them.
 *
 * Not for: anything but finding a library and its symbols. Each driver lists its functions.
 */
#ifndef RELMIG_DB_CLIENT_LIB_H
#define RELMIG_DB_CLIENT_LIB_H

#include "db/db.h"

/* The string of a name after macro expansion (libmariadb spells some functions as macros). */
#define RM_CLIENT_STR_(x) #x
#define RM_CLIENT_STR(x) RM_CLIENT_STR_(x)

/* Open the first of sonames (NULL-terminated) that loads. what names the library in messages
 * ("the PostgreSQL client library"), package the Debian package that provides it. Returns the
 * handle, or NULL with err filled (RM_DBERR_CONNECT). Handles are kept for the whole run. */
void *rm_client_lib_open(const char *const *sonames, const char *what, const char *package,
                         rm_dberr *err);

/* Store the address of symbol name into *slot (a function pointer of the right type, passed
 * as its address), or fill err and return false. */
bool rm_client_lib_sym(void *handle, const char *name, void *slot, const char *what,
                       rm_dberr *err);

#endif
