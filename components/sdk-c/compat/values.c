/*
 * values.c: sqlite3_value_*, sqlite3_result_*, memory and string helpers
 * of the sqlite3ext.h compatibility layer, over the C SDK (sqlink.h).
 *
 * The layer hands an extension's callbacks the SDK's own contexts and
 * values: a sqlite3_context * is a sqlink_context *, a sqlite3_value * a
 * sqlink_value *. So these are mostly the SDK's functions under SQLite's
 * names and types, and UTF-16 (little-endian, converted from and to the
 * UTF-8 the host passes); what else SQLite does (big-endian UTF-16,
 * pointers) is left to the generated stubs, which
 * report the call.
 */
#include "sqlink.h"
#include "sqlite3.h"
#include "compat.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define CTX(c) ((sqlink_context *)(c))
#define VAL(v) ((sqlink_value *)(v))

/* ---- Values ------------------------------------------------------------ */

int sqlite3_value_type(sqlite3_value *v) { return sqlink_value_type(VAL(v)); }
int sqlite3_value_numeric_type(sqlite3_value *v) { return sqlink_value_numeric_type(VAL(v)); }
sqlite3_int64 sqlite3_value_int64(sqlite3_value *v) { return sqlink_value_int64(VAL(v)); }
int sqlite3_value_int(sqlite3_value *v) { return (int)sqlink_value_int64(VAL(v)); }
double sqlite3_value_double(sqlite3_value *v) { return sqlink_value_double(VAL(v)); }
const unsigned char *sqlite3_value_text(sqlite3_value *v) { return sqlink_value_text(VAL(v)); }
const void *sqlite3_value_blob(sqlite3_value *v) { return sqlink_value_blob(VAL(v)); }
int sqlite3_value_bytes(sqlite3_value *v) { return sqlink_value_bytes(VAL(v)); }
unsigned int sqlite3_value_subtype(sqlite3_value *v) { return sqlink_value_subtype(VAL(v)); }
/* A column an UPDATE of a virtual table leaves as it is (the value still
 * holds the row's current one). No bound parameter is told apart. */
int sqlite3_value_nochange(sqlite3_value *v) { return sqlink_value_nochange(VAL(v)); }
int sqlite3_value_frombind(sqlite3_value *v) { return 0; }
/* Copies owned by the extension (the SDK's own values). */
sqlite3_value *sqlite3_value_dup(const sqlite3_value *v) { return (sqlite3_value *)sqlink_value_dup((sqlink_value *)v); }
void sqlite3_value_free(sqlite3_value *v) { sqlink_value_free(VAL(v)); }

/* UTF-16 (little-endian, wasm's byte order): text is converted from the
 * UTF-8 it arrives as, and freed when the call returns. */
static unsigned next_utf8(const unsigned char **p, const unsigned char *end) {
    const unsigned char *s = *p;
    unsigned c = *s++, n = c < 0x80 ? 0 : c >= 0xf0 && c < 0xf8 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 9;
    if (n == 9) { *p = s; return 0xfffd; }
    c &= n == 0 ? 0x7f : n == 1 ? 0x1f : n == 2 ? 0x0f : 0x07;
    for (unsigned k = 0; k < n; k++) {
        if (s >= end || (*s & 0xc0) != 0x80) { *p = s; return 0xfffd; }
        c = (c << 6) | (*s++ & 0x3f);
    }
    *p = s;
    return c > 0x10ffff || (c >= 0xd800 && c < 0xe000) ? 0xfffd : c;
}

static uint16_t *to_utf16(const unsigned char *z, int n, int *units) {
    uint16_t *out = malloc(((size_t)n + 1) * 2 * sizeof *out);
    if (!out) return NULL;
    int k = 0;
    for (const unsigned char *p = z, *end = z + n; p < end;) {
        unsigned c = next_utf8(&p, end);
        if (c >= 0x10000) {
            c -= 0x10000;
            out[k++] = (uint16_t)(0xd800 | (c >> 10));
            out[k++] = (uint16_t)(0xdc00 | (c & 0x3ff));
        } else {
            out[k++] = (uint16_t)c;
        }
    }
    out[k] = 0;
    *units = k;
    return out;
}

const void *sqlite3_value_text16(sqlite3_value *v) {
    void *seen = sqlink_compat_call_memory(v);
    if (seen) return seen;
    const unsigned char *z = sqlink_value_text(VAL(v));
    if (!z) return NULL;
    int units;
    uint16_t *w = to_utf16(z, sqlink_value_bytes(VAL(v)), &units);
    sqlink_compat_free_after_call(v, w);
    return w;
}
const void *sqlite3_value_text16le(sqlite3_value *v) { return sqlite3_value_text16(v); }
int sqlite3_value_bytes16(sqlite3_value *v) {
    const unsigned char *z = sqlink_value_text(VAL(v));
    if (!z) return 0;
    int units;
    uint16_t *w = to_utf16(z, sqlink_value_bytes(VAL(v)), &units);
    free(w);
    return units * 2;
}

/* ---- Results ----------------------------------------------------------- */

void sqlite3_result_null(sqlite3_context *c) { sqlink_result_null(CTX(c)); }
void sqlite3_result_int(sqlite3_context *c, int v) { sqlink_result_int64(CTX(c), v); }
void sqlite3_result_int64(sqlite3_context *c, sqlite3_int64 v) { sqlink_result_int64(CTX(c), v); }
void sqlite3_result_double(sqlite3_context *c, double v) { sqlink_result_double(CTX(c), v); }
void sqlite3_result_text(sqlite3_context *c, const char *z, int n, void (*d)(void *)) {
    sqlink_result_text(CTX(c), z, n, d);
}
void sqlite3_result_blob(sqlite3_context *c, const void *z, int n, void (*d)(void *)) {
    sqlink_result_blob(CTX(c), z, n, d);
}
void sqlite3_result_text64(sqlite3_context *c, const char *z, sqlite3_uint64 n, void (*d)(void *), unsigned char encoding) {
    if (encoding != SQLITE_UTF8 || n > 0x7fffffff) {
        if (d && d != SQLITE_TRANSIENT) d((void *)z);
        if (encoding != SQLITE_UTF8) sqlink_result_errorf(CTX(c), "sqlite3_result_text64: only SQLITE_UTF8 text is supported by sqlink");
        else sqlink_result_error_code(CTX(c), SQLITE_TOOBIG);
        return;
    }
    sqlink_result_text(CTX(c), z, (int)n, d);
}
void sqlite3_result_blob64(sqlite3_context *c, const void *z, sqlite3_uint64 n, void (*d)(void *)) {
    if (n > 0x7fffffff) {
        if (d && d != SQLITE_TRANSIENT) d((void *)z);
        sqlink_result_error_code(CTX(c), SQLITE_TOOBIG);
        return;
    }
    sqlink_result_blob(CTX(c), z, (int)n, d);
}
void sqlite3_result_zeroblob(sqlite3_context *c, int n) {
    void *z = calloc(1, n > 0 ? (size_t)n : 1);
    if (!z) {
        sqlink_result_error_nomem(CTX(c));
        return;
    }
    sqlink_result_blob(CTX(c), z, n > 0 ? n : 0, free);
}
int sqlite3_result_zeroblob64(sqlite3_context *c, sqlite3_uint64 n) {
    if (n > 0x7fffffff) {
        sqlink_result_error_code(CTX(c), SQLITE_TOOBIG);
        return SQLITE_TOOBIG;
    }
    sqlite3_result_zeroblob(c, (int)n);
    return SQLITE_OK;
}
/* UTF-16 (little-endian) results become UTF-8. */
void sqlite3_result_text16(sqlite3_context *c, const void *z, int n, void (*d)(void *)) {
    const uint16_t *w = z;
    size_t units = 0;
    if (n < 0) while (w[units]) units++;
    else units = (size_t)n / 2;
    char *out = malloc(units * 3 + 1);
    size_t k = 0;
    for (size_t i = 0; out && i < units; i++) {
        unsigned u = w[i];
        if (u >= 0xd800 && u < 0xdc00 && i + 1 < units && w[i + 1] >= 0xdc00 && w[i + 1] < 0xe000) {
            u = 0x10000 + ((u - 0xd800) << 10) + (w[++i] - 0xdc00);
        } else if (u >= 0xd800 && u < 0xe000) {
            u = 0xfffd;
        }
        if (u < 0x80) out[k++] = (char)u;
        else if (u < 0x800) out[k++] = (char)(0xc0 | (u >> 6)), out[k++] = (char)(0x80 | (u & 0x3f));
        else if (u < 0x10000) out[k++] = (char)(0xe0 | (u >> 12)), out[k++] = (char)(0x80 | ((u >> 6) & 0x3f)), out[k++] = (char)(0x80 | (u & 0x3f));
        else out[k++] = (char)(0xf0 | (u >> 18)), out[k++] = (char)(0x80 | ((u >> 12) & 0x3f)), out[k++] = (char)(0x80 | ((u >> 6) & 0x3f)), out[k++] = (char)(0x80 | (u & 0x3f));
    }
    if (d && d != SQLITE_TRANSIENT) d((void *)z);
    if (!out) {
        sqlink_result_error_nomem(CTX(c));
        return;
    }
    sqlink_result_text(CTX(c), out, (int)k, free);
}
void sqlite3_result_text16le(sqlite3_context *c, const void *z, int n, void (*d)(void *)) { sqlite3_result_text16(c, z, n, d); }

void sqlite3_result_value(sqlite3_context *c, sqlite3_value *v) { sqlink_result_value(CTX(c), VAL(v)); }
void sqlite3_result_subtype(sqlite3_context *c, unsigned int subtype) { sqlink_result_subtype(CTX(c), subtype); }
/* The last context given an error message (so a code set after it keeps
 * that message). */
static sqlite3_context *with_message;
void sqlite3_result_error(sqlite3_context *c, const char *message, int n) {
    with_message = c;
    sqlink_result_error(CTX(c), message, n);
}
/* A bare code's message is the code's words, as in SQLite; when SQL the
 * extension ran on the connection (--spi) last failed with that code, its
 * message is added: it says why (sqlean's define passes on only the code
 * of a failed statement). */
void sqlite3_result_error_code(sqlite3_context *c, int code) {
    char *why = with_message == c ? NULL : sqlink_compat_explain(code);
    if (why) {
        sqlink_result_error(CTX(c), why, -1);
        with_message = c;
        free(why);
    }
    sqlink_result_error_code(CTX(c), code);
}
void sqlite3_result_error_nomem(sqlite3_context *c) { sqlink_result_error_nomem(CTX(c)); }
void sqlite3_result_error_toobig(sqlite3_context *c) {
    sqlink_result_error(CTX(c), "string or blob too big", -1);
    sqlink_result_error_code(CTX(c), SQLITE_TOOBIG);
}

/* ---- Memory and strings ------------------------------------------------ */

void *sqlite3_malloc(int n) { return n > 0 ? malloc((size_t)n) : NULL; }
void *sqlite3_malloc64(sqlite3_uint64 n) { return n > 0 && n < SIZE_MAX ? malloc((size_t)n) : NULL; }
void *sqlite3_realloc(void *p, int n) {
    if (n <= 0) {
        free(p);
        return NULL;
    }
    return realloc(p, (size_t)n);
}
void *sqlite3_realloc64(void *p, sqlite3_uint64 n) {
    if (n == 0 || n >= SIZE_MAX) {
        if (n == 0) free(p);
        return NULL;
    }
    return realloc(p, (size_t)n);
}
void sqlite3_free(void *p) { free(p); }
int sqlite3_strnicmp(const char *a, const char *b, int n) { return strncasecmp(a, b, n > 0 ? (size_t)n : 0); }
int sqlite3_stricmp(const char *a, const char *b) { return strcasecmp(a, b); }
/* From WASI's random source (wasi:random, which needs no grant). */
void sqlite3_randomness(int n, void *p) {
    for (unsigned char *b = p; n > 0;) {
        int chunk = n > 256 ? 256 : n;
        if (getentropy(b, (size_t)chunk) != 0) abort();
        b += chunk;
        n -= chunk;
    }
}
const char *sqlite3_libversion(void) { return SQLITE_VERSION; }
int sqlite3_libversion_number(void) { return SQLITE_VERSION_NUMBER; }
const char *sqlite3_sourceid(void) { return SQLITE_SOURCE_ID; }
/* A limit of the connection, read (NEW < 0): SQLITE_LIMIT_LENGTH, the
 * largest string or blob, is SQLite's default, 1,000,000,000 bytes, which
 * the host enforces on what an extension returns. The other limits depend
 * on how the program's SQLite was built, and no limit can be changed from
 * an extension: those fail naming the function. */
int sqlite3_limit(sqlite3 *db, int id, int new_value) {
    if (id == SQLITE_LIMIT_LENGTH && new_value < 0) return 1000000000;
    sqlink_compat_unsupported(new_value < 0 ? "sqlite3_limit (reading a limit other than SQLITE_LIMIT_LENGTH)"
                                            : "sqlite3_limit (changing a limit)");
    return -1;
}
