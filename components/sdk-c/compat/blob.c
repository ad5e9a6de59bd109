/*
 * blob.c: incremental blob I/O (sqlite3_blob_*) for extensions built with
 * `sqlink-cc --spi`, emulated with SQL on the connection (sqlink_query).
 *
 * sqlite3_blob_open checks that the row exists and notes the value's size;
 * each sqlite3_blob_read selects the bytes asked for (substr of the value
 * as a blob), each sqlite3_blob_write replaces the value with itself, the
 * bytes spliced in (an UPDATE: a write is one statement, and triggers on
 * the table run, which SQLite's blob writes never do). As in SQLite, a
 * read or write past the value's size fails, and writes never change it.
 * A handle does not expire when its row changes: it reads what is there.
 */
#include "sqlink.h"
#include "sqlite3.h"
#include "compat.h"

#include <stdlib.h>
#include <string.h>

struct sqlite3_blob {
    char *where; /* "db"."table" */
    char *column;
    sqlite3_int64 rowid;
    int bytes;
    int writable;
};

/* Runs SQL with PARAMS; on failure sets ERR's message and returns its code. */
static int run(const char *sql, int n, sqlink_value *const *params, sqlink_rows **rows, char **error) {
    int rc = sqlink_query(sql, n, params, rows, error);
    if (rc != 0) *rows = NULL;
    return rc;
}

/* Points B at ROWID: the row must exist and hold a text or blob. */
static int seek(sqlite3_blob *b, sqlite3_int64 rowid, char **error) {
    char *sql = sqlite3_mprintf("SELECT typeof(\"%w\"), length(CAST(\"%w\" AS BLOB)) FROM %s WHERE rowid = ?1", b->column,
                                b->column, b->where);
    sqlink_value *id = sqlink_value_new_int64(rowid);
    if (!sql || !id) {
        sqlite3_free(sql);
        sqlink_value_free(id);
        return SQLITE_NOMEM;
    }
    sqlink_rows *rows = NULL;
    int rc = run(sql, 1, &id, &rows, error);
    sqlite3_free(sql);
    sqlink_value_free(id);
    if (rc != 0) return rc;
    if (rows->n_rows == 0) {
        *error = sqlite3_mprintf("no such rowid: %lld", rowid);
        rc = SQLITE_ERROR;
    } else {
        const char *type = (const char *)sqlink_value_text(rows->values[0]);
        if (!type || (strcmp(type, "blob") && strcmp(type, "text"))) {
            *error = sqlite3_mprintf("cannot open value of type %s", type ? type : "null");
            rc = SQLITE_ERROR;
        } else {
            b->rowid = rowid;
            b->bytes = (int)sqlink_value_int64(rows->values[1]);
        }
    }
    sqlink_rows_free(rows);
    return rc;
}

int sqlite3_blob_open(sqlite3 *db, const char *schema, const char *table, const char *column, sqlite3_int64 rowid, int flags,
                      sqlite3_blob **out) {
    *out = NULL;
    sqlite3_blob *b = calloc(1, sizeof *b);
    if (!b) return SQLITE_NOMEM;
    b->where = sqlite3_mprintf("\"%w\".\"%w\"", schema ? schema : "main", table);
    b->column = strdup(column);
    b->writable = flags != 0;
    char *error = NULL;
    int rc = b->where && b->column ? seek(b, rowid, &error) : SQLITE_NOMEM;
    if (rc != 0) {
        sqlite3_blob_close(b);
        return sqlink_compat_set_error(rc, error);
    }
    *out = b;
    return sqlink_compat_set_error(SQLITE_OK, NULL);
}

int sqlite3_blob_reopen(sqlite3_blob *b, sqlite3_int64 rowid) {
    if (!b) return SQLITE_MISUSE;
    char *error = NULL;
    int rc = seek(b, rowid, &error);
    if (rc != 0) b->bytes = 0;
    return sqlink_compat_set_error(rc, error);
}

int sqlite3_blob_close(sqlite3_blob *b) {
    if (b) {
        sqlite3_free(b->where);
        free(b->column);
        free(b);
    }
    return SQLITE_OK;
}

int sqlite3_blob_bytes(sqlite3_blob *b) { return b ? b->bytes : 0; }

int sqlite3_blob_read(sqlite3_blob *b, void *out, int n, int offset) {
    if (!b || n < 0 || offset < 0 || (sqlite3_int64)offset + n > b->bytes) return SQLITE_ERROR; /* as SQLite: no error recorded */
    if (n == 0) return SQLITE_OK;
    char *sql = sqlite3_mprintf("SELECT substr(CAST(\"%w\" AS BLOB), ?1, ?2) FROM %s WHERE rowid = ?3", b->column, b->where);
    sqlink_value *params[3] = {sqlink_value_new_int64((sqlite3_int64)offset + 1), sqlink_value_new_int64(n),
                               sqlink_value_new_int64(b->rowid)};
    sqlink_rows *rows = NULL;
    char *error = NULL;
    int rc = sql && params[0] && params[1] && params[2] ? run(sql, 3, params, &rows, &error) : SQLITE_NOMEM;
    if (rc == 0 && (rows->n_rows == 0 || sqlink_value_bytes(rows->values[0]) != n)) rc = SQLITE_ABORT; /* row gone or shrunk */
    if (rc == 0) memcpy(out, sqlink_value_blob(rows->values[0]), (size_t)n);
    sqlink_rows_free(rows);
    for (int k = 0; k < 3; k++) sqlink_value_free(params[k]);
    sqlite3_free(sql);
    return sqlink_compat_set_error(rc, error);
}

int sqlite3_blob_write(sqlite3_blob *b, const void *in, int n, int offset) {
    if (!b || !b->writable) return sqlink_compat_set_error(SQLITE_READONLY, NULL);
    if (n < 0 || offset < 0 || (sqlite3_int64)offset + n > b->bytes) return SQLITE_ERROR;
    if (n == 0) return SQLITE_OK;
    char *sql = sqlite3_mprintf("UPDATE %s SET \"%w\" = CAST(substr(CAST(\"%w\" AS BLOB), 1, ?1) || ?2 || "
                                "substr(CAST(\"%w\" AS BLOB), ?3) AS BLOB) WHERE rowid = ?4",
                                b->where, b->column, b->column, b->column);
    sqlink_value *params[4] = {sqlink_value_new_int64(offset), sqlink_value_new_blob(in, n),
                               sqlink_value_new_int64((sqlite3_int64)offset + n + 1), sqlink_value_new_int64(b->rowid)};
    sqlink_rows *rows = NULL;
    char *error = NULL;
    int rc = sql && params[0] && params[1] && params[2] && params[3] ? run(sql, 4, params, &rows, &error) : SQLITE_NOMEM;
    sqlink_rows_free(rows);
    for (int k = 0; k < 4; k++) sqlink_value_free(params[k]);
    sqlite3_free(sql);
    return sqlink_compat_set_error(rc, error);
}
