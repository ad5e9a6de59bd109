/*
 * spi.c: statements on the connection for extensions built with
 * `sqlink-cc --spi`, emulated over the SDK's sqlink_query (the `spi`
 * import: one statement, all its rows at once).
 *
 * sqlite3_prepare* take the first statement of the text (up to a `;`
 * outside quotes and comments) and compile it once on the host to learn
 * its parameters and report SQL errors where SQLite would; the first
 * sqlite3_step runs it with the bound values and buffers every row, later
 * steps return the buffered rows. So a statement sees the database as of
 * its first step (SQLite's would see writes made while it runs).
 * Before that step sqlite3_column_count, _name and _decltype come from the
 * statement wrapped as `SELECT * FROM (...) LIMIT 0` (a SELECT's; a
 * read-only PRAGMA's from running it once; other statements have none until
 * they run); sqlite3_stmt_readonly reads the
 * statement's EXPLAIN program. sqlite3_reset
 * makes the next step run the statement again; bindings stay until
 * sqlite3_clear_bindings. sqlite3_exec runs each statement in turn;
 * sqlite3_last_insert_rowid and sqlite3_changes ask the connection (select
 * last_insert_rowid(), changes()). The database handle's error is what the
 * last of these functions said, as in SQLite (SQLITE_ROW and SQLITE_DONE
 * after a step), for sqlite3_errmsg, _errcode and _extended_errcode; a
 * step after SQLITE_DONE runs the statement again.
 */
#include "sqlink.h"
#include "sqlite3.h"
#include "compat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sqlite3_stmt {
    char *sql;              /* the one statement */
    int n_params;
    sqlink_value **params;  /* n_params values (NULL binds NULL) */
    char **names;           /* each parameter's name, or NULL */
    sqlink_rows *rows;      /* once run: all its rows */
    int next;               /* the next buffered row */
    int current;            /* the row column_* read (-1: none) */
    int rc;                 /* the failure of the last run (0: none) */
    int finished;           /* the last step returned SQLITE_DONE */
    sqlink_rows *shape;     /* its columns before the first step, if known */
    int shape_asked;
};

static int err_code;
static char *err_message;

/* Records the connection's error CODE with MESSAGE (from malloc, taken;
 * NULL: SQLite's words for the code); returns CODE's primary code. */
static int set_error(int code, char *message) {
    free(err_message);
    err_code = code;
    err_message = message ? message : code ? strdup(sqlite3_errstr(code)) : NULL;
    return code & 0xff;
}

int sqlink_compat_set_error(int code, char *message) { return set_error(code, message); }

char *sqlink_compat_explain(int code) {
    char *out = NULL;
    if (!code || !err_code || (err_code & 0xff) != (code & 0xff) || !err_message) return NULL;
    if (!strcmp(err_message, sqlite3_errstr(code))) return NULL;
    if (asprintf(&out, "%s (%s)", sqlite3_errstr(code), err_message) < 0) return NULL;
    return out;
}

const char *sqlite3_errmsg(sqlite3 *db) {
    static char message[200];
    if (err_code) return err_message ? err_message : sqlite3_errstr(err_code);
    const char *missing = sqlink_compat_peek_unsupported();
    if (!missing) return "not an error";
    snprintf(message, sizeof message, "%s is not available in sqlink's sqlite3ext.h compatibility layer", missing);
    return message;
}
int sqlite3_errcode(sqlite3 *db) { return err_code & 0xff; }
int sqlite3_extended_errcode(sqlite3 *db) { return err_code; }

const char *sqlite3_errstr(int rc) {
    switch (rc & 0xff) {
    case SQLITE_OK: return "not an error";
    case SQLITE_ERROR: return "SQL logic error";
    case SQLITE_BUSY: return "database is locked";
    case SQLITE_NOMEM: return "out of memory";
    case SQLITE_READONLY: return "attempt to write a readonly database";
    case SQLITE_ABORT: return "query aborted";
    case SQLITE_CONSTRAINT: return "constraint failed";
    case SQLITE_MISMATCH: return "datatype mismatch";
    case SQLITE_MISUSE: return "bad parameter or other API misuse";
    case SQLITE_RANGE: return "column index out of range";
    case SQLITE_ROW: return "another row available";
    case SQLITE_DONE: return "no more rows available";
    default: return "unknown error";
    }
}

/* ---- Preparing --------------------------------------------------------- */

/* Skips a quoted name or string, or a comment, at P; else returns P. */
static const char *skip_token(const char *p, const char *end) {
    char c = *p;
    if (c == '\'' || c == '"' || c == '`' || c == '[') {
        char close = c == '[' ? ']' : c;
        for (p++; p < end && *p != close; p++) {}
        return p < end ? p + 1 : end;
    }
    if (c == '-' && p + 1 < end && p[1] == '-') {
        while (p < end && *p != '\n') p++;
        return p;
    }
    if (c == '/' && p + 1 < end && p[1] == '*') {
        for (p += 2; p + 1 < end && !(p[0] == '*' && p[1] == '/'); p++) {}
        return p + 1 < end ? p + 2 : end;
    }
    return p;
}

/* The end of the first statement of [SQL, END): just past its `;`. */
static const char *statement_end(const char *sql, const char *end) {
    const char *p = sql;
    while (p < end) {
        const char *q = skip_token(p, end);
        if (q != p) { p = q; continue; }
        if (*p++ == ';') break;
    }
    return p;
}

/* Whether [P, END) holds only whitespace, comments and `;`. */
static int is_empty(const char *p, const char *end) {
    while (p < end) {
        const char *q = skip_token(p, end);
        if (q != p && *p != '\'' && *p != '"' && *p != '`' && *p != '[') { p = q; continue; }
        if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r' && *p != ';') return 0;
        p++;
    }
    return 1;
}

static int ident_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || (c & 0x80);
}

/* Names the parameters of S as SQLite numbers them: ?NNN is NNN, a bare ?
 * the next number, :name @name $name the next number on first use. */
static void name_parameters(sqlite3_stmt *s) {
    const char *p = s->sql, *end = p + strlen(p);
    int last = 0;
    while (p < end) {
        const char *q = skip_token(p, end);
        if (q != p) { p = q; continue; }
        char c = *p++;
        if (c == '?') {
            int n = 0;
            const char *digits = p;
            while (p < end && *p >= '0' && *p <= '9') n = n * 10 + (*p++ - '0');
            int index = p > digits ? n : last + 1;
            if (index > last) last = index;
            if (p > digits && index >= 1 && index <= s->n_params && !s->names[index - 1])
                s->names[index - 1] = strndup(digits - 1, (size_t)(p - digits + 1));
        } else if ((c == ':' || c == '@' || c == '$') && p < end && ident_char(*p)) {
            const char *start = p - 1;
            while (p < end && ident_char(*p)) p++;
            int found = 0;
            for (int k = 0; k < s->n_params && !found; k++)
                found = s->names[k] && strlen(s->names[k]) == (size_t)(p - start) && !strncmp(s->names[k], start, (size_t)(p - start));
            if (!found && ++last <= s->n_params) s->names[last - 1] = strndup(start, (size_t)(p - start));
        }
    }
}

/* SQL from the init function while it builds the manifest waits: the host
 * reads the manifest (so runs init) in an instance that may be attached
 * to no connection, and a manifest must not depend on the database. There
 * SQL fails (SQLITE_ERROR, saying why), and the layer runs the init
 * function again when the extension is attached to a connection, where
 * its SQL runs (registry.c). */
static int deferred_in_init(void) {
    if (!sqlink_compat_defer_sql()) return 0;
    set_error(SQLITE_ERROR, strdup("no connection yet: the init function's SQL runs when the extension is attached to one"));
    return 1;
}

int sqlink_compat_declare(const char *name, int arity, unsigned flags, unsigned id) {
    char *error = NULL;
    int rc = sqlink_declare_function(name, arity, flags, id, &error);
    if (!rc) return set_error(SQLITE_OK, NULL);
    return set_error(rc, error);
}

int sqlink_compat_forget(const char *name, int arity) {
    char *error = NULL;
    int rc = sqlink_forget_function(name, arity, &error);
    if (!rc) return set_error(SQLITE_OK, NULL);
    return set_error(rc, error);
}

static int prepare(const char *function, const char *sql, int n, sqlite3_stmt **stmt, const char **tail) {
    *stmt = NULL;
    if (deferred_in_init()) return SQLITE_ERROR;
    if (!sql) return set_error(SQLITE_MISUSE, NULL);
    const char *end = sql + (n < 0 ? strlen(sql) : strnlen(sql, (size_t)n));
    const char *stop = statement_end(sql, end);
    if (tail) *tail = stop;
    if (is_empty(sql, stop)) return set_error(SQLITE_OK, NULL);
    sqlite3_stmt *s = calloc(1, sizeof *s);
    if (!s || !(s->sql = strndup(sql, (size_t)(stop - sql)))) {
        free(s);
        return set_error(SQLITE_NOMEM, NULL);
    }
    char *error = NULL;
    int rc = sqlink_parameter_count(s->sql, &s->n_params, &error);
    if (rc != 0) {
        free(s->sql);
        free(s);
        return set_error(rc, error);
    }
    s->params = calloc((size_t)s->n_params + 1, sizeof *s->params);
    s->names = calloc((size_t)s->n_params + 1, sizeof *s->names);
    if (!s->params || !s->names) {
        sqlite3_finalize(s);
        return set_error(SQLITE_NOMEM, NULL);
    }
    name_parameters(s);
    s->current = -1;
    *stmt = s;
    return set_error(SQLITE_OK, NULL);
}

int sqlite3_prepare_v2(sqlite3 *db, const char *sql, int n, sqlite3_stmt **stmt, const char **tail) {
    return prepare("sqlite3_prepare_v2 (from the init function, which runs before there is a connection)", sql, n, stmt, tail);
}
int sqlite3_prepare(sqlite3 *db, const char *sql, int n, sqlite3_stmt **stmt, const char **tail) {
    return prepare("sqlite3_prepare (from the init function, which runs before there is a connection)", sql, n, stmt, tail);
}
int sqlite3_prepare_v3(sqlite3 *db, const char *sql, int n, unsigned flags, sqlite3_stmt **stmt, const char **tail) {
    return prepare("sqlite3_prepare_v3 (from the init function, which runs before there is a connection)", sql, n, stmt, tail);
}

int sqlite3_finalize(sqlite3_stmt *s) {
    if (!s) return SQLITE_OK;
    int rc = s->rc;
    sqlink_rows_free(s->rows);
    sqlink_rows_free(s->shape);
    for (int k = 0; k < s->n_params; k++) {
        sqlink_value_free(s->params[k]);
        free(s->names[k]);
    }
    free(s->params);
    free(s->names);
    free(s->sql);
    free(s);
    return rc & 0xff;
}

const char *sqlite3_sql(sqlite3_stmt *s) { return s ? s->sql : NULL; }
sqlite3 *sqlite3_db_handle(sqlite3_stmt *s) { return sqlink_compat_db(); }

/* ---- Running ----------------------------------------------------------- */

int sqlite3_step(sqlite3_stmt *s) {
    if (!s) return SQLITE_MISUSE;
    if (s->finished) {
        /* A step after SQLITE_DONE runs the statement again (SQLite resets
         * it itself). */
        sqlink_rows_free(s->rows);
        s->rows = NULL;
        s->finished = 0;
    }
    if (!s->rows && !s->rc) {
        char *error = NULL;
        int rc = sqlink_query(s->sql, s->n_params, s->params, &s->rows, &error);
        if (rc != 0) {
            s->rc = rc;
            return set_error(rc, error);
        }
        s->next = 0;
    }
    if (s->rows && s->next < s->rows->n_rows) {
        s->current = s->next++;
        return set_error(SQLITE_ROW, NULL);
    }
    s->current = -1;
    if (s->rc) return s->rc & 0xff;
    s->finished = 1;
    return set_error(SQLITE_DONE, NULL);
}

int sqlite3_reset(sqlite3_stmt *s) {
    if (!s) return SQLITE_OK;
    int rc = s->rc;
    sqlink_rows_free(s->rows);
    s->rows = NULL;
    s->rc = 0;
    s->finished = 0;
    s->current = -1;
    return rc & 0xff;
}

int sqlite3_stmt_busy(sqlite3_stmt *s) { return s && s->rows && s->next <= s->rows->n_rows && s->current >= 0; }

/* ---- Bindings ---------------------------------------------------------- */

/* Binds V (taken) to parameter I. */
static int bind(sqlite3_stmt *s, int i, sqlink_value *v) {
    if (!s || i < 1 || i > s->n_params) {
        sqlink_value_free(v);
        return set_error(SQLITE_RANGE, NULL);
    }
    if (!v) return set_error(SQLITE_NOMEM, NULL);
    sqlink_value_free(s->params[i - 1]);
    s->params[i - 1] = v;
    return SQLITE_OK;
}

/* Releases bytes handed to a binding as SQLite would once done with them. */
static void release(void *p, void (*destroy)(void *)) {
    if (p && destroy != SQLITE_STATIC && destroy != SQLITE_TRANSIENT) destroy(p);
}

int sqlite3_bind_null(sqlite3_stmt *s, int i) { return bind(s, i, sqlink_value_new_null()); }
int sqlite3_bind_int(sqlite3_stmt *s, int i, int x) { return bind(s, i, sqlink_value_new_int64(x)); }
int sqlite3_bind_int64(sqlite3_stmt *s, int i, sqlite3_int64 x) { return bind(s, i, sqlink_value_new_int64(x)); }
int sqlite3_bind_double(sqlite3_stmt *s, int i, double x) { return bind(s, i, sqlink_value_new_double(x)); }
int sqlite3_bind_value(sqlite3_stmt *s, int i, const sqlite3_value *v) {
    return bind(s, i, sqlink_value_dup((sqlink_value *)v));
}

int sqlite3_bind_text(sqlite3_stmt *s, int i, const char *z, int n, void (*destroy)(void *)) {
    sqlink_value *v = z ? sqlink_value_new_text(z, n < 0 ? (int)strlen(z) : n) : sqlink_value_new_null();
    release((void *)z, destroy);
    return bind(s, i, v);
}
int sqlite3_bind_text64(sqlite3_stmt *s, int i, const char *z, sqlite3_uint64 n, void (*destroy)(void *), unsigned char enc) {
    if (enc != SQLITE_UTF8) {
        release((void *)z, destroy);
        sqlink_compat_unsupported("sqlite3_bind_text64 (UTF-16)");
        return set_error(SQLITE_ERROR, NULL);
    }
    return sqlite3_bind_text(s, i, z, n > 0x7fffffff ? -1 : (int)n, destroy);
}

int sqlite3_bind_blob(sqlite3_stmt *s, int i, const void *z, int n, void (*destroy)(void *)) {
    sqlink_value *v = z ? sqlink_value_new_blob(z, n) : sqlink_value_new_null();
    release((void *)z, destroy);
    return bind(s, i, v);
}
int sqlite3_bind_blob64(sqlite3_stmt *s, int i, const void *z, sqlite3_uint64 n, void (*destroy)(void *)) {
    if (n > 0x7fffffff) {
        release((void *)z, destroy);
        return set_error(SQLITE_TOOBIG, NULL);
    }
    return sqlite3_bind_blob(s, i, z, (int)n, destroy);
}

int sqlite3_bind_zeroblob(sqlite3_stmt *s, int i, int n) {
    void *zeros = calloc((size_t)(n > 0 ? n : 0) + 1, 1);
    if (!zeros) return set_error(SQLITE_NOMEM, NULL);
    int rc = bind(s, i, sqlink_value_new_blob(zeros, n > 0 ? n : 0));
    free(zeros);
    return rc;
}
int sqlite3_bind_zeroblob64(sqlite3_stmt *s, int i, sqlite3_uint64 n) {
    return n > 0x7fffffff ? set_error(SQLITE_TOOBIG, NULL) : sqlite3_bind_zeroblob(s, i, (int)n);
}

int sqlite3_bind_parameter_count(sqlite3_stmt *s) { return s ? s->n_params : 0; }
const char *sqlite3_bind_parameter_name(sqlite3_stmt *s, int i) {
    return s && i >= 1 && i <= s->n_params ? s->names[i - 1] : NULL;
}
int sqlite3_bind_parameter_index(sqlite3_stmt *s, const char *name) {
    for (int k = 0; s && name && k < s->n_params; k++) {
        if (s->names[k] && !strcmp(s->names[k], name)) return k + 1;
    }
    return 0;
}

int sqlite3_clear_bindings(sqlite3_stmt *s) {
    for (int k = 0; s && k < s->n_params; k++) {
        sqlink_value_free(s->params[k]);
        s->params[k] = NULL;
    }
    return SQLITE_OK;
}

/* ---- Columns ----------------------------------------------------------- */

/* The rows of the statement's SQL, its first N bytes set into FORMAT
 * (one %.*s), run with every parameter NULL; NULL if that fails. */
static sqlink_rows *query_wrapped(const sqlite3_stmt *s, const char *format, int n) {
    char *sql = NULL;
    if (asprintf(&sql, format, n, s->sql) < 0) return NULL;
    sqlink_value **nulls = calloc((size_t)s->n_params + 1, sizeof *nulls);
    sqlink_rows *rows = NULL;
    char *error = NULL;
    if (!nulls || sqlink_query(sql, s->n_params, nulls, &rows, &error) != 0) rows = NULL;
    free(error);
    free(nulls);
    free(sql);
    return rows;
}

/* The statement's result columns before its first step: those of
 * `SELECT * FROM (statement) LIMIT 0`, run with NULL parameters (no row
 * is read), where SQLite renames a repeated name `name:1`, which is undone.
 * A read-only statement that cannot be so wrapped (a PRAGMA that reads)
 * runs once with NULL parameters for its columns; any other (DML, a PRAGMA
 * that writes) has no columns until it runs (it is not run twice). */
static sqlink_rows *columns_of(sqlite3_stmt *s) {
    if (s->rows) return s->rows;
    if (s->shape_asked) return s->shape;
    s->shape_asked = 1;
    size_t n = strlen(s->sql);
    while (n > 0 && (s->sql[n - 1] == ';' || s->sql[n - 1] == ' ' || s->sql[n - 1] == '\n' || s->sql[n - 1] == '\t' ||
                     s->sql[n - 1] == '\r'))
        n--;
    sqlink_rows *rows = query_wrapped(s, "SELECT * FROM (\n%.*s\n) LIMIT 0", (int)n);
    if (!rows && sqlite3_stmt_readonly(s)) rows = query_wrapped(s, "%.*s", (int)n);
    if (rows) {
        for (int c = 0; c < rows->n_columns; c++) {
            char *name = rows->columns[c], *colon = strrchr(name, ':');
            if (!colon || !colon[1] || strspn(colon + 1, "0123456789") != strlen(colon + 1)) continue;
            for (int o = 0; o < c; o++) {
                if (strlen(rows->columns[o]) == (size_t)(colon - name) && !strncasecmp(rows->columns[o], name, (size_t)(colon - name))) {
                    *colon = 0;
                    break;
                }
            }
        }
        s->shape = rows;
    }
    return s->shape;
}

int sqlite3_column_count(sqlite3_stmt *s) {
    sqlink_rows *c = s ? columns_of(s) : NULL;
    return c ? c->n_columns : 0;
}
int sqlite3_data_count(sqlite3_stmt *s) { return s && s->rows && s->current >= 0 ? s->rows->n_columns : 0; }

const char *sqlite3_column_name(sqlite3_stmt *s, int i) {
    sqlink_rows *c = s ? columns_of(s) : NULL;
    return c && i >= 0 && i < c->n_columns ? c->columns[i] : NULL;
}

/* The declared type spi reports: NULL for an expression, as in SQLite. */
const char *sqlite3_column_decltype(sqlite3_stmt *s, int i) {
    sqlink_rows *c = s ? columns_of(s) : NULL;
    return c && i >= 0 && i < c->n_columns ? c->declared_types[i] : NULL;
}

/* sqlite3_stmt_readonly's rule, applied to the program EXPLAIN lists (run
 * with NULL parameters; nothing is executed): no write transaction, no
 * Checkpoint, Vacuum or JournalMode. */
int sqlite3_stmt_readonly(sqlite3_stmt *s) {
    if (!s) return 1;
    sqlink_rows *program = query_wrapped(s, "EXPLAIN %.*s", (int)strlen(s->sql));
    int readonly = 0;
    if (program && program->n_columns >= 4) {
        readonly = 1;
        for (int r = 0; r < program->n_rows && readonly; r++) {
            const char *op = (const char *)sqlink_value_text(program->values[r * program->n_columns + 1]);
            sqlink_value *p2 = program->values[r * program->n_columns + 3];
            if (!op) continue;
            if (!strcmp(op, "Transaction") && sqlink_value_int64(p2) != 0) readonly = 0;
            if (!strcmp(op, "Checkpoint") || !strcmp(op, "Vacuum") || !strcmp(op, "JournalMode")) readonly = 0;
        }
    }
    sqlink_rows_free(program);
    return readonly;
}

/* The value of column I of the current row; a NULL value outside it. */
static sqlink_value *cell(sqlite3_stmt *s, int i) {
    static sqlink_value *null;
    if (s && s->rows && s->current >= 0 && i >= 0 && i < s->rows->n_columns) {
        sqlink_value *v = s->rows->values[s->current * s->rows->n_columns + i];
        if (v) return v;
    }
    if (!null && !(null = sqlink_value_new_null())) abort();
    return null;
}

sqlite3_value *sqlite3_column_value(sqlite3_stmt *s, int i) { return (sqlite3_value *)cell(s, i); }
int sqlite3_column_type(sqlite3_stmt *s, int i) { return sqlink_value_type(cell(s, i)); }
int sqlite3_column_int(sqlite3_stmt *s, int i) { return (int)sqlink_value_int64(cell(s, i)); }
sqlite3_int64 sqlite3_column_int64(sqlite3_stmt *s, int i) { return sqlink_value_int64(cell(s, i)); }
double sqlite3_column_double(sqlite3_stmt *s, int i) { return sqlink_value_double(cell(s, i)); }
const unsigned char *sqlite3_column_text(sqlite3_stmt *s, int i) { return sqlink_value_text(cell(s, i)); }
const void *sqlite3_column_blob(sqlite3_stmt *s, int i) { return sqlink_value_blob(cell(s, i)); }
int sqlite3_column_bytes(sqlite3_stmt *s, int i) { return sqlink_value_bytes(cell(s, i)); }

/* ---- The connection ---------------------------------------------------- */

int sqlite3_exec(sqlite3 *db, const char *sql, int (*callback)(void *, int, char **, char **), void *arg, char **errmsg) {
    if (errmsg) *errmsg = NULL;
    if (deferred_in_init()) {
        if (errmsg) *errmsg = sqlite3_mprintf("%s", sqlite3_errmsg(db));
        return SQLITE_ERROR;
    }
    int rc = SQLITE_OK;
    while (sql && *sql && rc == SQLITE_OK) {
        sqlite3_stmt *s = NULL;
        const char *tail = NULL;
        rc = sqlite3_prepare_v2(db, sql, -1, &s, &tail);
        sql = tail;
        if (rc != SQLITE_OK || !s) continue;
        while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
            if (!callback) continue;
            int n = sqlite3_column_count(s);
            char **cols = calloc(2 * (size_t)n + 1, sizeof *cols);
            if (!cols) { rc = set_error(SQLITE_NOMEM, NULL); break; }
            for (int k = 0; k < n; k++) {
                cols[k] = (char *)sqlite3_column_text(s, k);
                cols[n + k] = (char *)sqlite3_column_name(s, k);
            }
            int stop = callback(arg, n, cols, cols + n);
            free(cols);
            if (stop) { rc = set_error(SQLITE_ABORT, NULL); break; }
        }
        if (rc == SQLITE_DONE) rc = SQLITE_OK;
        sqlite3_finalize(s);
    }
    if (rc != SQLITE_OK && errmsg) *errmsg = sqlite3_mprintf("%s", sqlite3_errmsg(db));
    return rc;
}

/* One integer the connection answers with SQL (0 if it fails). */
static sqlite3_int64 ask(const char *sql) {
    sqlink_rows *rows = NULL;
    char *error = NULL;
    sqlite3_int64 out = 0;
    if (sqlink_query(sql, 0, NULL, &rows, &error) == 0 && rows->n_rows > 0 && rows->n_columns > 0)
        out = sqlink_value_int64(rows->values[0]);
    sqlink_rows_free(rows);
    free(error);
    return out;
}

sqlite3_int64 sqlite3_last_insert_rowid(sqlite3 *db) { return ask("select last_insert_rowid()"); }
int sqlite3_changes(sqlite3 *db) { return (int)ask("select changes()"); }
sqlite3_int64 sqlite3_changes64(sqlite3 *db) { return ask("select changes()"); }
int sqlite3_total_changes(sqlite3 *db) { return (int)ask("select total_changes()"); }
sqlite3_int64 sqlite3_total_changes64(sqlite3 *db) { return ask("select total_changes()"); }

/* One thread per instance: a connection's mutex is none, and SQLite's
 * functions accept a NULL mutex as doing nothing. */
sqlite3_mutex *sqlite3_db_mutex(sqlite3 *db) { return NULL; }
void sqlite3_mutex_enter(sqlite3_mutex *m) {}
void sqlite3_mutex_leave(sqlite3_mutex *m) {}
int sqlite3_mutex_try(sqlite3_mutex *m) { return SQLITE_OK; }
