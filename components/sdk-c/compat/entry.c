/*
 * entry.c: names an extension's init function for the sqlite3ext.h
 * compatibility layer. sqlink-cc compiles it once per extension, with
 *   -DSQLINK_COMPAT_INIT=sqlite3_X_init   the init function
 *   -DSQLINK_COMPAT_NAME='"X"'            the manifest's name (and prefix)
 *   -DSQLINK_COMPAT_VERSION='"1.0"'       the manifest's version
 *   -DSQLINK_COMPAT_DESCRIPTION='"..."'   the manifest's description
 */
#include "sqlite3.h"
#include "sqlite3ext.h"

extern const sqlite3_api_routines sqlink_compat_api;
int SQLINK_COMPAT_INIT(sqlite3 *db, char **errmsg, const sqlite3_api_routines *api);

#define STRING_(x) #x
#define STRING(x) STRING_(x)

const char sqlink_compat_name[] = SQLINK_COMPAT_NAME;
const char sqlink_compat_version[] = SQLINK_COMPAT_VERSION;
const char sqlink_compat_description[] = SQLINK_COMPAT_DESCRIPTION;
const char sqlink_compat_init_name[] = STRING(SQLINK_COMPAT_INIT);
const void *const sqlink_compat_api_table = &sqlink_compat_api;

int sqlink_compat_entry(sqlite3 *db, char **errmsg, const void *api) {
    return SQLINK_COMPAT_INIT(db, errmsg, api);
}

/* SQLITE_EXTENSION_INIT1 for extensions that declare sqlite3_api with
 * SQLITE_EXTENSION_INIT3 only (their init is called from another file):
 * an extension's own definition takes precedence. */
__attribute__((weak)) const sqlite3_api_routines *sqlite3_api = 0;
