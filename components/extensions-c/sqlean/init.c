/*
 * init.c: the sqlite3_load_extension entry point of one sqlean module.
 *
 * The single-file modules of sqlean.py's source distribution
 * (sqlite/sqlean-MODULE.c, fetched by `make c-sqlean`, never committed)
 * are made to be compiled into SQLite: each defines MODULE_init(db) and
 * declares sqlite3_api with SQLITE_EXTENSION_INIT3. sqlean's own loadable
 * builds add this file's few lines (src/sqlite3-MODULE.c upstream); here
 * they are, once, for any module:
 *   -DSQLEAN_ENTRY=sqlite3_math_init -DSQLEAN_INIT=math_init
 * (time's SQLEAN_INIT is sqlean_time_init, in time-durations.c beside this
 * file, which fixes its duration constants for wasm32.)
 */
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1

int SQLEAN_INIT(sqlite3 *db);

int SQLEAN_ENTRY(sqlite3 *db, char **errmsg, const sqlite3_api_routines *api) {
    (void)errmsg;
    SQLITE_EXTENSION_INIT2(api);
    return SQLEAN_INIT(db);
}
