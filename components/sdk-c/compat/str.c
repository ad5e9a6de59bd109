/*
 * str.c: SQLite's dynamic strings (sqlite3_str_*) for the sqlite3ext.h
 * compatibility layer, with SQLite's semantics: an error (out of memory)
 * sticks, sqlite3_str_finish returns the text from sqlite3_malloc (NULL
 * when empty or after an error) and frees the object.
 */
#include "sqlite3.h"
#include "compat.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

struct sqlite3_str {
    char *z;
    int n, cap;
    int error; /* SQLITE_NOMEM or SQLITE_TOOBIG once one happened */
};

/* A string object that is always in the error state (as SQLite's). */
static sqlite3_str out_of_memory = {NULL, 0, 0, SQLITE_NOMEM};

sqlite3_str *sqlite3_str_new(sqlite3 *db) {
    sqlite3_str *s = calloc(1, sizeof *s);
    return s ? s : &out_of_memory;
}

/* Room for N more bytes and a NUL. */
static int reserve(sqlite3_str *s, int n) {
    if (s->error) return 0;
    if (n < 0 || s->n > 0x7ffffff0 - n) {
        s->error = SQLITE_TOOBIG;
        return 0;
    }
    if (s->n + n + 1 <= s->cap) return 1;
    int cap = s->cap ? s->cap : 64;
    while (cap < s->n + n + 1) cap = cap > 0x3fffffff ? 0x7fffffff : cap * 2;
    char *z = realloc(s->z, (size_t)cap);
    if (!z) {
        s->error = SQLITE_NOMEM;
        return 0;
    }
    s->z = z;
    s->cap = cap;
    return 1;
}

void sqlite3_str_append(sqlite3_str *s, const char *z, int n) {
    if (n <= 0 || !reserve(s, n)) return;
    memcpy(s->z + s->n, z, (size_t)n);
    s->n += n;
    s->z[s->n] = 0;
}

void sqlite3_str_appendall(sqlite3_str *s, const char *z) {
    if (z) sqlite3_str_append(s, z, (int)strlen(z));
}

void sqlite3_str_appendchar(sqlite3_str *s, int n, char c) {
    if (n <= 0 || !reserve(s, n)) return;
    memset(s->z + s->n, c, (size_t)n);
    s->n += n;
    s->z[s->n] = 0;
}

void sqlite3_str_vappendf(sqlite3_str *s, const char *format, va_list ap) {
    if (s->error) return;
    char *z = sqlite3_vmprintf(format, ap);
    if (!z) {
        s->error = SQLITE_NOMEM;
        return;
    }
    sqlite3_str_appendall(s, z);
    sqlite3_free(z);
}

void sqlite3_str_appendf(sqlite3_str *s, const char *format, ...) {
    va_list ap;
    va_start(ap, format);
    sqlite3_str_vappendf(s, format, ap);
    va_end(ap);
}

void sqlite3_str_reset(sqlite3_str *s) {
    if (s == &out_of_memory) return;
    free(s->z);
    s->z = NULL;
    s->n = s->cap = 0;
    s->error = 0;
}

int sqlite3_str_errcode(sqlite3_str *s) { return s ? s->error : SQLITE_NOMEM; }
int sqlite3_str_length(sqlite3_str *s) { return s && !s->error ? s->n : 0; }
char *sqlite3_str_value(sqlite3_str *s) { return s && !s->error && s->n ? s->z : NULL; }

char *sqlite3_str_finish(sqlite3_str *s) {
    if (!s || s == &out_of_memory) return NULL;
    char *z = s->error || !s->n ? NULL : s->z;
    if (!z) free(s->z);
    free(s);
    return z;
}
