/*
 * PostgreSQL introspection. NOT WRITTEN YET: rm_introspect_postgres reports
 * RM_E_INTROSPECT_UNSUPPORTED_DB so callers get one clear error instead of an empty schema.
 * When written it reads the catalog with a fixed number of queries (see introspect.h).
 */
#include "db/introspect.h"

int rm_introspect_postgres(rm_introspector *in)
{
    rm_diag_error(in->d, RM_E_INTROSPECT_UNSUPPORTED_DB, RM_LOC_NONE,
                  "introspection of PostgreSQL databases is not implemented yet (%s)",
                  rm_db_url_redacted(in->conn));
    return RM_EDB;
}
