/*
 * surfaces.c: a fixture written for sqlite3_load_extension, as any
 * loadable extension is, that exercises the compatibility layer's API
 * (tests/shell/compat-c-surfaces.sql, tests/loader/sqlite3-compat-c.sql).
 * Built by `make c-examples` into dist/test-extensions/compat-surfaces.wasm
 * with `sqlink-cc --sqlite3-init sqlite3_surfaces_init`.
 */
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1

#include <string.h>

/* describe(x): its type, numeric type, bytes, text and subtype. */
static void describe(sqlite3_context *c, int argc, sqlite3_value **argv) {
    static const char *types[] = {"?", "integer", "real", "text", "blob", "null"};
    sqlite3_value *v = argv[0];
    int t = sqlite3_value_type(v), nt = sqlite3_value_numeric_type(v);
    char *s = sqlite3_mprintf("%s/%s/%d/%Q/%u", types[t], types[nt], sqlite3_value_bytes(v),
                              t == SQLITE_NULL ? NULL : (const char *)sqlite3_value_text(v), sqlite3_value_subtype(v));
    sqlite3_result_text(c, s, -1, sqlite3_free);
}

/* fmt(): SQLite's printf conversions, with the user data of the function. */
static void fmt(sqlite3_context *c, int argc, sqlite3_value **argv) {
    char buf[16];
    sqlite3_snprintf(sizeof buf, buf, "%s-%s", "truncated", "to fifteen bytes");
    sqlite3_result_text(c,
                        sqlite3_mprintf("%q|%Q|%Q|%w|%d|%lld|%5.2f|%-4s|%x|%%|%z|%s|%.3f|%!.2f|%s", "it's", "it's", NULL, "a\"b", -42,
                                        (long long)1 << 40, 3.14159, "ab", 255, sqlite3_mprintf("freed"), buf, 2.0005, 2.675,
                                        (const char *)sqlite3_user_data(c)),
                        -1, sqlite3_free);
}

/* results(k): each sqlite3_result_* the layer provides. */
static void results(sqlite3_context *c, int argc, sqlite3_value **argv) {
    switch (sqlite3_value_int(argv[0])) {
    case 0: sqlite3_result_int(c, 7); break;
    case 1: sqlite3_result_int64(c, (sqlite3_int64)1 << 62); break;
    case 2: sqlite3_result_double(c, 0.5); break;
    case 3: sqlite3_result_text(c, "static text", -1, SQLITE_STATIC); break;
    case 4: sqlite3_result_text64(c, "text64 over twenty-four bytes", 29, SQLITE_TRANSIENT, SQLITE_UTF8); break;
    case 5: sqlite3_result_blob(c, "\x01\x02", 2, SQLITE_TRANSIENT); break;
    case 6: sqlite3_result_zeroblob(c, 3); break;
    case 7: sqlite3_result_null(c); break;
    case 8: sqlite3_result_value(c, argv[0]); break;
    case 9: sqlite3_result_error(c, "an error from the extension", -1); break;
    case 10: sqlite3_result_error_code(c, SQLITE_CONSTRAINT); break;
    case 11: sqlite3_result_error_toobig(c); break;
    case 12: sqlite3_result_error_nomem(c); break;
    default: {
        char *p = sqlite3_malloc(64);
        p = sqlite3_realloc(p, 128);
        strcpy(p, "from sqlite3_malloc");
        sqlite3_result_text(c, p, -1, sqlite3_free);
    }
    }
}

/* cached(x): auxiliary data: set, then read back within the call. */
static void cached(sqlite3_context *c, int argc, sqlite3_value **argv) {
    int had = sqlite3_get_auxdata(c, 0) != NULL;
    char *copy = sqlite3_mprintf("%s", sqlite3_value_text(argv[0]));
    sqlite3_set_auxdata(c, 0, copy, sqlite3_free);
    const char *back = sqlite3_get_auxdata(c, 0);
    sqlite3_result_text(c, sqlite3_mprintf("%d:%s", had, back), -1, sqlite3_free);
}

/* icmp(a, b): sqlite3_stricmp and sqlite3_strnicmp (first 3 bytes). */
static void icmp(sqlite3_context *c, int argc, sqlite3_value **argv) {
    const char *a = (const char *)sqlite3_value_text(argv[0]), *b = (const char *)sqlite3_value_text(argv[1]);
    int x = sqlite3_stricmp(a, b), y = sqlite3_strnicmp(a, b, 3);
    sqlite3_result_text(c, sqlite3_mprintf("%d,%d", x < 0 ? -1 : x > 0, y < 0 ? -1 : y > 0), -1, sqlite3_free);
}

/* tag(x, n): x with subtype n. */
static void tag(sqlite3_context *c, int argc, sqlite3_value **argv) {
    sqlite3_result_value(c, argv[0]);
    sqlite3_result_subtype(c, (unsigned)sqlite3_value_int(argv[1]));
}

/* usesdb(): a query on the connection, which the layer does not provide. */
static void usesdb(sqlite3_context *c, int argc, sqlite3_value **argv) {
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2(sqlite3_context_db_handle(c), "select 1", -1, &stmt, NULL);
    sqlite3_result_int(c, rc);
}

/* total_of(x): a sum, as an aggregate and a window function. */
typedef struct {
    sqlite3_int64 sum, rows;
} Total;
static void total_step(sqlite3_context *c, int argc, sqlite3_value **argv) {
    Total *t = sqlite3_aggregate_context(c, sizeof *t);
    if (!t || sqlite3_value_type(argv[0]) == SQLITE_NULL) return;
    t->sum += sqlite3_value_int64(argv[0]);
    t->rows++;
}
static void total_inverse(sqlite3_context *c, int argc, sqlite3_value **argv) {
    Total *t = sqlite3_aggregate_context(c, sizeof *t);
    if (!t || sqlite3_value_type(argv[0]) == SQLITE_NULL) return;
    t->sum -= sqlite3_value_int64(argv[0]);
    t->rows--;
}
static void total_value(sqlite3_context *c) {
    Total *t = sqlite3_aggregate_context(c, 0);
    if (!t) sqlite3_result_text(c, "no rows", -1, SQLITE_STATIC);
    else sqlite3_result_text(c, sqlite3_mprintf("%lld of %lld", t->sum, t->rows), -1, sqlite3_free);
}

int sqlite3_surfaces_init(sqlite3 *db, char **errmsg, const sqlite3_api_routines *api) {
    SQLITE_EXTENSION_INIT2(api);
    int rc = SQLITE_OK;
    int det = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
    if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "describe", 1, det | SQLITE_SUBTYPE, 0, describe, 0, 0);
    if (rc == SQLITE_OK) rc = sqlite3_create_function_v2(db, "fmt", 0, det, "user data", fmt, 0, 0, 0);
    if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "results", 1, det, 0, results, 0, 0);
    if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "cached", 1, det, 0, cached, 0, 0);
    if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "icmp", 2, det, 0, icmp, 0, 0);
#ifndef SQLITE_RESULT_SUBTYPE
#define SQLITE_RESULT_SUBTYPE 0x001000000 /* SQLite 3.45 */
#endif
    if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "tag", 2, det | SQLITE_RESULT_SUBTYPE, 0, tag, 0, 0);
    if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "usesdb", 0, SQLITE_UTF8, 0, usesdb, 0, 0);
    /* Registered twice: the second replaces the first; then one deleted. */
    if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "replaced", 0, det, 0, usesdb, 0, 0);
    if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "replaced", 0, det, 0, fmt, 0, 0);
    if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "deleted", 0, det, 0, fmt, 0, 0);
    if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "deleted", 0, det, 0, 0, 0, 0);
    if (rc == SQLITE_OK) rc = sqlite3_create_window_function(db, "total_of", 1, det, 0, total_step, total_value, total_value, total_inverse, 0);
    return rc;
}
