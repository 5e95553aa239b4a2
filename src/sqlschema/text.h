/*
 * A small line-based text form of the physical schema, for test fixtures and debugging:
 * readable by a reviewer, independent of the dialect (types are given by family and take the
 * dialect's Prisma default unless a line says otherwise). Not a user-facing format and not
 * SQL: relmig never reads a database's DDL through this.
 *
 *   # comment
 *   enum Role USER ADMIN
 *   table User                       [schema=public]
 *     column id int autoincrement   [type=INTEGER] [args=3] [null] [array]
 *     column role enum enum=Role default=enum:USER
 *     column createdAt datetime default=now
 *     pk [name=User_pkey] id
 *     index User_email_key email unique   [constraint] [using=gin] [where="x > 0"]
 *     index Post_a_b_idx a b:desc
 *     fk Post_authorId_fkey authorId -> User id ondelete=cascade onupdate=cascade
 *
 * Tokens are separated by blanks; a "..." part (with "" for a quote) may appear anywhere in a
 * token, so hostile names are written "we""ird name". Defaults: default=KIND[:TEXT] with KIND
 * one of string, number, bool, enum, now, autoincrement, sequence, dbgenerated, expr.
 * A line starting with @postgresql or @mysql,sqlite (dialect names) applies to those only.
 * An enum column refers to the type (RM_CAP_ENUM_TYPES, where the enum is also added to the
 * schema), takes the values inline (RM_CAP_INLINE_ENUMS), or else is a string column.
 */
#ifndef RELMIG_SQLSCHEMA_TEXT_H
#define RELMIG_SQLSCHEMA_TEXT_H

#include "dialects/dialect.h"
#include "util/diag.h"
#include "util/sb.h"

/* Parse src into out (initialised here, allocated from a). Errors go to diags with their
 * location (RM_E_SQL_TEXT_SYNTAX, _DUPLICATE_NAME, _UNKNOWN_REFERENCE); returns RM_OK or
 * RM_ESYNTAX / RM_ESEMANTIC. */
int rm_sqlschema_parse_text(rm_sqlschema *out, const rm_source *src, const rm_dialect *d,
                            rm_arena *a, rm_diags *diags);

/* Append s in the same text form, readable back with rm_sqlschema_parse_text for the same
 * dialect (types are written out in full with type= and args=; MySQL inline enums become enum
 * lines named after the column type). Deterministic: declaration order throughout. Not
 * written: table and enum schemas other than on tables (schema=), namespaces. */
void rm_sqlschema_print_text(rm_sb *sb, const rm_sqlschema *s);

#endif
