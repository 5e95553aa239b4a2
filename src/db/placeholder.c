/* Placeholder until the drivers land (issue #2 helper replaces this file). */
typedef int rm_db_placeholder;
