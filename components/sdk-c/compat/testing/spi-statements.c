/*
 * spi-statements.c: a fixture written for sqlite3_load_extension that runs
 * SQL on its connection (statements, sqlite3_exec, blob I/O), built by
 * `make c-examples` with `sqlink-cc --spi` (a fixture named spi-*) into
 * dist/test-extensions/compat-spi-statements.wasm
 * (tests/shell/compat-c-spi.sql). Compiled natively, it gives the same
 * results in sqlite3.
 */
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1

#include <string.h>

/* Fails the call with the connection's error. */
static void fail(sqlite3_context *c, int rc) {
    sqlite3 *db = sqlite3_context_db_handle(c);
    sqlite3_result_error(c, sqlite3_mprintf("%d/%d: %s", rc, sqlite3_extended_errcode(db), sqlite3_errmsg(db)), -1);
}

/* rows(sql, args...): runs SQL with the arguments bound in order and
 * returns its column names, then each row: "a,b;1,x;2,y" (NULL as ~). */
static void rows(sqlite3_context *c, int argc, sqlite3_value **argv) {
    sqlite3 *db = sqlite3_context_db_handle(c);
    sqlite3_stmt *s = NULL;
    int rc = sqlite3_prepare_v2(db, (const char *)sqlite3_value_text(argv[0]), -1, &s, NULL);
    if (rc != SQLITE_OK) { fail(c, rc); return; }
    for (int k = 1; k < argc; k++) sqlite3_bind_value(s, k, argv[k]);
    sqlite3_str *out = sqlite3_str_new(db);
    int first = 1;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        int n = sqlite3_column_count(s);
        if (first) {
            for (int k = 0; k < n; k++) sqlite3_str_appendf(out, "%s%s", k ? "," : "", sqlite3_column_name(s, k));
            first = 0;
        }
        sqlite3_str_appendchar(out, 1, ';');
        for (int k = 0; k < n; k++) {
            const char *t = (const char *)sqlite3_column_text(s, k);
            sqlite3_str_appendf(out, "%s%s", k ? "," : "", sqlite3_column_type(s, k) == SQLITE_NULL ? "~" : t);
        }
    }
    if (rc != SQLITE_DONE) {
        sqlite3_free(sqlite3_str_finish(out));
        fail(c, rc);
    } else {
        sqlite3_result_text(c, sqlite3_str_finish(out), -1, sqlite3_free);
    }
    sqlite3_finalize(s);
}

/* params(sql): the parameter count and names, and each name's index. */
static void params(sqlite3_context *c, int argc, sqlite3_value **argv) {
    sqlite3_stmt *s = NULL;
    int rc = sqlite3_prepare_v2(sqlite3_context_db_handle(c), (const char *)sqlite3_value_text(argv[0]), -1, &s, NULL);
    if (rc != SQLITE_OK) { fail(c, rc); return; }
    sqlite3_str *out = sqlite3_str_new(0);
    int n = sqlite3_bind_parameter_count(s);
    sqlite3_str_appendf(out, "%d", n);
    for (int k = 1; k <= n; k++) {
        const char *name = sqlite3_bind_parameter_name(s, k);
        sqlite3_str_appendf(out, " %s=%d", name ? name : "~", name ? sqlite3_bind_parameter_index(s, name) : 0);
    }
    sqlite3_str_appendf(out, " range=%d", sqlite3_bind_int(s, n + 1, 1));
    sqlite3_finalize(s);
    sqlite3_result_text(c, sqlite3_str_finish(out), -1, sqlite3_free);
}

/* twice(sql): steps SQL to the end and on again (SQLite runs it again),
 * with the connection's code and message after each step. */
static void twice(sqlite3_context *c, int argc, sqlite3_value **argv) {
    sqlite3 *db = sqlite3_context_db_handle(c);
    sqlite3_stmt *s = NULL;
    int rc = sqlite3_prepare_v2(db, (const char *)sqlite3_value_text(argv[0]), -1, &s, NULL);
    if (rc != SQLITE_OK) { fail(c, rc); return; }
    sqlite3_str *out = sqlite3_str_new(db);
    for (int k = 0; k < 5; k++) {
        rc = sqlite3_step(s);
        sqlite3_str_appendf(out, "%s%d/%d/%s", k ? " " : "", rc, sqlite3_errcode(db), sqlite3_errmsg(db));
    }
    sqlite3_str_appendf(out, " reset=%d", sqlite3_reset(s));
    sqlite3_finalize(s);
    sqlite3_result_text(c, sqlite3_str_finish(out), -1, sqlite3_free);
}

/* script(sql): sqlite3_exec of a script: rows seen, changes, last rowid. */
static int count(void *p, int n, char **values, char **names) { return ++*(int *)p > 100; }
static void script(sqlite3_context *c, int argc, sqlite3_value **argv) {
    sqlite3 *db = sqlite3_context_db_handle(c);
    int seen = 0;
    char *error = NULL;
    int rc = sqlite3_exec(db, (const char *)sqlite3_value_text(argv[0]), count, &seen, &error);
    if (rc != SQLITE_OK) {
        sqlite3_result_error(c, error, -1);
        sqlite3_free(error);
        return;
    }
    sqlite3_result_text(c, sqlite3_mprintf("rows=%d changes=%d last=%lld", seen, sqlite3_changes(db), sqlite3_last_insert_rowid(db)),
                        -1, sqlite3_free);
}

/* splice(table, column, rowid, offset, bytes): writes BYTES at OFFSET of
 * the blob, then reads it all back. */
static void splice(sqlite3_context *c, int argc, sqlite3_value **argv) {
    sqlite3 *db = sqlite3_context_db_handle(c);
    sqlite3_blob *b = NULL;
    int rc = sqlite3_blob_open(db, "main", (const char *)sqlite3_value_text(argv[0]), (const char *)sqlite3_value_text(argv[1]),
                               sqlite3_value_int64(argv[2]), 1, &b);
    if (rc != SQLITE_OK) { fail(c, rc); return; }
    int n = sqlite3_blob_bytes(b);
    rc = sqlite3_blob_write(b, sqlite3_value_blob(argv[4]), sqlite3_value_bytes(argv[4]), sqlite3_value_int(argv[3]));
    char *buf = sqlite3_malloc(n + 1);
    if (rc == SQLITE_OK) rc = sqlite3_blob_read(b, buf, n, 0);
    sqlite3_blob_close(b);
    if (rc != SQLITE_OK) {
        sqlite3_free(buf);
        fail(c, rc);
        return;
    }
    sqlite3_result_blob(c, buf, n, sqlite3_free);
}

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_spistatements_init(sqlite3 *db, char **errmsg, const sqlite3_api_routines *api) {
    SQLITE_EXTENSION_INIT2(api);
    int rc = sqlite3_create_function(db, "rows", -1, SQLITE_UTF8, 0, rows, 0, 0);
    if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "params", 1, SQLITE_UTF8, 0, params, 0, 0);
    if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "script", 1, SQLITE_UTF8, 0, script, 0, 0);
    if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "twice", 1, SQLITE_UTF8, 0, twice, 0, 0);
    if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "splice", 5, SQLITE_UTF8, 0, splice, 0, 0);
    return rc;
}
