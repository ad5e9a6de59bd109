/*
 * failing.c: a fixture whose init function fails, as an extension's may
 * (*errmsg from sqlite3_mprintf and an error code): the load fails with
 * its message.
 */
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1

int sqlite3_failing_init(sqlite3 *db, char **errmsg, const sqlite3_api_routines *api) {
    SQLITE_EXTENSION_INIT2(api);
    *errmsg = sqlite3_mprintf("this extension needs %s", "a licence key");
    return SQLITE_ERROR;
}
