/*
 * blob.c: incremental blob I/O (sqlite3_blob_*) for extensions built with
 * `sqlink-cc --spi`, over the SDK's sqlink_blob_* (the `blob` import: the
 * host opens the value, reads or writes it in place, and closes it again).
 *
 * A handle here is where the value is and its size when opened or
 * reopened: sqlite3_blob_open checks that the row exists and holds a text
 * or blob (and, to write, that the column may be written: a write of no
 * bytes), each read or write goes to the host. As in SQLite, a read or
 * write past the value's size fails, writes never change it and run no
 * trigger, and a row deleted or resized under a handle makes its reads
 * fail with SQLITE_ABORT.
 */
#include "sqlink.h"
#include "sqlite3.h"
#include "compat.h"

#include <stdlib.h>
#include <string.h>

struct sqlite3_blob {
    char *database;
    char *table;
    char *column;
    sqlite3_int64 rowid;
    int bytes;
    int writable;
};

static sqlink_blob_at at(const sqlite3_blob *b) {
    return (sqlink_blob_at){b->database, b->table, b->column, b->rowid};
}

/* Points B at ROWID: the row must exist and hold a text or blob. */
static int seek(sqlite3_blob *b, sqlite3_int64 rowid, char **error) {
    sqlite3_int64 was = b->rowid;
    b->rowid = rowid;
    sqlink_blob_at where = at(b);
    int size = 0;
    int rc = sqlink_blob_size(&where, &size, error);
    if (rc == 0 && b->writable) rc = sqlink_blob_write(&where, "", 0, 0, error);
    if (rc != 0) {
        b->rowid = was;
        return rc;
    }
    b->bytes = size;
    return 0;
}

int sqlite3_blob_open(sqlite3 *db, const char *schema, const char *table, const char *column, sqlite3_int64 rowid, int flags,
                      sqlite3_blob **out) {
    *out = NULL;
    sqlite3_blob *b = calloc(1, sizeof *b);
    if (!b) return SQLITE_NOMEM;
    b->database = strdup(schema ? schema : "main");
    b->table = strdup(table);
    b->column = strdup(column);
    b->writable = flags != 0;
    char *error = NULL;
    int rc = b->database && b->table && b->column ? seek(b, rowid, &error) : SQLITE_NOMEM;
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
        free(b->database);
        free(b->table);
        free(b->column);
        free(b);
    }
    return SQLITE_OK;
}

int sqlite3_blob_bytes(sqlite3_blob *b) { return b ? b->bytes : 0; }

/* A failure of the host's I/O on an open handle. The bounds were checked
 * here, so a plain error (SQLITE_ERROR) means the value changed under the
 * handle: the row gone, or its value now of another type or size. That is
 * SQLITE_ABORT, as for SQLite's expired handles; other codes (busy, I/O,
 * out of memory) stay as they are. */
static int failed(int rc, char *error) {
    if ((rc & 0xff) == SQLITE_ERROR) rc = SQLITE_ABORT;
    return sqlink_compat_set_error(rc, error);
}

int sqlite3_blob_read(sqlite3_blob *b, void *out, int n, int offset) {
    if (!b || n < 0 || offset < 0 || (sqlite3_int64)offset + n > b->bytes) return SQLITE_ERROR; /* as SQLite: no error recorded */
    if (n == 0) return SQLITE_OK;
    sqlink_blob_at where = at(b);
    char *error = NULL;
    int rc = sqlink_blob_read(&where, out, n, offset, &error);
    return rc ? failed(rc, error) : sqlink_compat_set_error(SQLITE_OK, NULL);
}

int sqlite3_blob_write(sqlite3_blob *b, const void *in, int n, int offset) {
    if (!b || !b->writable) return sqlink_compat_set_error(SQLITE_READONLY, NULL);
    if (n < 0 || offset < 0 || (sqlite3_int64)offset + n > b->bytes) return SQLITE_ERROR;
    if (n == 0) return SQLITE_OK;
    sqlink_blob_at where = at(b);
    char *error = NULL;
    int rc = sqlink_blob_write(&where, in, n, offset, &error);
    return rc ? failed(rc, error) : sqlink_compat_set_error(SQLITE_OK, NULL);
}
