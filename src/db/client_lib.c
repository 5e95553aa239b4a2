/*
 * dlopen/dlsym for the drivers' client libraries (see client_lib.h for why).
 */
#define _POSIX_C_SOURCE 200809L
#include "db/client_lib.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

void *rm_client_lib_open(const char *const *sonames, const char *what, const char *package,
                         rm_dberr *err)
{
    const char *why = "no library name to try";
    for (size_t i = 0; sonames[i]; i++) {
        /* RTLD_NOW: a missing symbol shows here, once, not as a crash in the middle of an
         * apply. RTLD_LOCAL: the libraries' own dependencies stay out of relmig's namespace. */
        void *h = dlopen(sonames[i], RTLD_NOW | RTLD_LOCAL);
        if (h)
            return h;
        why = dlerror();
    }
    char msg[RM_DBERR_TEXT_MAX];
    char hint[RM_DBERR_TEXT_MAX];
    snprintf(msg, sizeof msg, "%s (%s) cannot be loaded: %s", what, sonames[0],
             why ? why : "unknown error");
    snprintf(hint, sizeof hint, "install the Debian package %s", package);
    rm_dberr_set(err, RM_DBERR_CONNECT, NULL, 0, NULL, msg, hint);
    return NULL;
}

bool rm_client_lib_sym(void *handle, const char *name, void *slot, const char *what,
                       rm_dberr *err)
{
    void *sym = dlsym(handle, name);
    if (!sym) {
        char msg[RM_DBERR_TEXT_MAX];
        snprintf(msg, sizeof msg, "%s has no function %s (an unsupported version?)", what, name);
        rm_dberr_set(err, RM_DBERR_CONNECT, NULL, 0, NULL, msg, NULL);
        return false;
    }
    /* ISO C has no conversion from void * to a function pointer; POSIX guarantees the
     * representation is the same, and copying the bytes says so without a cast. */
    memcpy(slot, &sym, sizeof sym);
    return true;
}
