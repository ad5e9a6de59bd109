/*
 * nospi.c: SQL on the connection in an extension built without `--spi`:
 * there is none, so sqlite3_prepare* fail naming the function (and so
 * does what calls them, such as vec0's CREATE VIRTUAL TABLE), and
 * sqlite3_errmsg says which function was missing. spi.c replaces this
 * file in extensions built with `sqlink-cc --spi`.
 */
#include "sqlink.h"
#include "sqlite3.h"
#include "compat.h"

#include <stdio.h>
#include <string.h>

/* A clear failure, and no statement. */
static int no_statements(const char *function, sqlite3_stmt **stmt, const char **tail) {
    sqlink_compat_unsupported(function);
    if (stmt) *stmt = NULL;
    if (tail) *tail = NULL;
    return SQLITE_ERROR;
}
int sqlite3_prepare(sqlite3 *db, const char *sql, int n, sqlite3_stmt **stmt, const char **tail) {
    return no_statements("sqlite3_prepare", stmt, tail);
}
int sqlite3_prepare_v2(sqlite3 *db, const char *sql, int n, sqlite3_stmt **stmt, const char **tail) {
    return no_statements("sqlite3_prepare_v2", stmt, tail);
}
int sqlite3_prepare_v3(sqlite3 *db, const char *sql, int n, unsigned flags, sqlite3_stmt **stmt, const char **tail) {
    return no_statements("sqlite3_prepare_v3", stmt, tail);
}

/* After a call outside the layer, says which; it is the only error a
 * database handle here can have. */
const char *sqlite3_errmsg(sqlite3 *db) {
    static char message[200];
    const char *missing = sqlink_compat_peek_unsupported();
    snprintf(message, sizeof message, "%s is not available in sqlink's sqlite3ext.h compatibility layer%s",
             missing ? missing : "SQL on the connection",
             missing && !strncmp(missing, "sqlite3_prepare", 15) ? " (no SQL on the connection: build with sqlink-cc --spi)" : "");
    return message;
}

/* The handle's error code: an error after a call outside the layer, none
 * otherwise (base64.c asks whether an empty result was out of memory). */
int sqlite3_errcode(sqlite3 *db) { return sqlink_compat_peek_unsupported() ? SQLITE_ERROR : SQLITE_OK; }
int sqlite3_extended_errcode(sqlite3 *db) { return sqlite3_errcode(db); }

/* Functions registered after the manifest need spi's declare-function. */
int sqlink_compat_declare(const char *name, int arity, unsigned flags, unsigned id) {
    sqlink_compat_unsupported("sqlite3_create_function (outside the extension's init function; "
                              "built with sqlink-cc --spi, it declares the function on the connection)");
    return SQLITE_MISUSE;
}
int sqlink_compat_forget(const char *name, int arity) { return SQLITE_OK; }
char *sqlink_compat_explain(int code) { return NULL; }
