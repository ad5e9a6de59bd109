/*
 * unsupported.c: a fixture whose init function calls what the
 * compatibility layer does not provide (sqlite3_overload_function): its
 * load must fail with a message naming the function, not crash.
 */
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1

int sqlite3_unsupported_init(sqlite3 *db, char **errmsg, const sqlite3_api_routines *api) {
    SQLITE_EXTENSION_INIT2(api);
    return sqlite3_overload_function(db, "anything", 1);
}
