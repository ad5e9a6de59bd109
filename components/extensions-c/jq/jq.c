/*
 * jq.c: jq(json, filter) over libjq 1.7.1, as Florents-Tselai/liteJQ
 * (commit 973fbdbe) defines it; the SQL glue, written for sqlink from
 * liteJQ's documented behaviour.
 *
 * `json` is parsed as exactly one JSON value, `filter` is compiled and run
 * on it, and the function's result is the filter's LAST output, as an SQL
 * value: null -> NULL, false/true -> 0/1, integral numbers -> INTEGER,
 * other numbers -> REAL (NaN -> NULL), strings -> TEXT (unquoted, up to a
 * NUL), arrays and objects -> compact JSON TEXT (keys in their order). No
 * output is NULL; a run-time error ends the run, keeping the last output
 * before it (NULL if none), as jq's `error` does not reach SQL in liteJQ.
 * Errors: "jq function requires exactly two TEXT arguments" when either
 * argument is not TEXT (NULL included), "Invalid JSON input" when `json`
 * is not exactly one JSON value (checked first), "Failed to compile jq
 * program" for a filter jq rejects.
 *
 * Where liteJQ's C goes wrong, this differs:
 * - liteJQ passes an integral double to sqlite3_result_int, which keeps
 *   32 bits (undefined behaviour past them in C: -2147483648 on x86-64);
 *   here integral numbers are 64-bit INTEGERs while they fit, else REAL
 *   (+-Inf included).
 * - liteJQ reads a string up to a NUL even when libjq left it
 *   unterminated (`"x" * 0`); here never past the string's length.
 * - libjq prints a compile error to stderr before liteJQ raises its own;
 *   here only the SQL error is raised (the sandbox's stderr is the host's).
 *
 * Not deterministic, as liteJQ registers it (SQLITE_UTF8 alone): `now`
 * reads the clock, `$ENV`/`env` the environment (empty in the sandbox).
 *
 * Compiling a filter compiles jq's builtins with it (milliseconds), so the
 * last few compiled programs are kept, by filter text, and run again for
 * the next rows; a run starts from a reset state (jq_start), so nothing of
 * one row reaches the next (a program that halted is compiled again).
 */
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jq.h"
#include "jv.h"
#include "pthread.h"

/* The per-thread values of pthread.h (one thread). */
void *sqlink_jq_pthread_values[SQLINK_JQ_PTHREAD_KEYS];
unsigned sqlink_jq_pthread_keys;

/* glibc's old name of lgamma, which jq's `gamma` builtin calls (wasi.h). */
double gamma(double x) {
    return lgamma(x);
}

/* decNumber's trap (wasi.h): jq's decContexts trap nothing. */
int raise(int sig) {
    (void)sig;
    abort();
}

/* No files (wasi.h): every path is missing. */
int sqlink_jq_open(const char *path, int flags, ...) {
    (void)path; (void)flags;
    errno = ENOENT;
    return -1;
}
FILE *sqlink_jq_fopen(const char *path, const char *mode) {
    (void)path; (void)mode;
    errno = ENOENT;
    return NULL;
}
int sqlink_jq_stat(const char *path, struct stat *st) {
    (void)path; (void)st;
    errno = ENOENT;
    return -1;
}
int sqlink_jq_fstat(int fd, struct stat *st) {
    (void)fd; (void)st;
    errno = EBADF;
    return -1;
}
char *sqlink_jq_realpath(const char *path, char *resolved) {
    (void)path; (void)resolved;
    errno = ENOENT;
    return NULL;
}
long sqlink_jq_pathconf(const char *path, int name) {
    (void)path; (void)name;
    errno = ENOENT;
    return -1;
}

/* ---- Compiled programs, by filter text ---------------------------------- */

#define CACHED 4

struct program {
    char *filter;   /* NULL: an empty slot */
    jq_state *jq;
    unsigned long used;
};
static struct program cache[CACHED];
static unsigned long uses;

/* libjq's compile errors: dropped (the SQL error says the filter failed). */
static void no_message(void *data, jv message) {
    (void)data;
    jv_free(message);
}

static void forget(struct program *slot) {
    free(slot->filter);
    jq_teardown(&slot->jq);
    *slot = (struct program){0};
}

/* The slot of FILTER's compiled program, from the cache or compiled into
 * it; NULL when jq cannot compile it (or is out of memory). */
static struct program *program(const char *filter) {
    struct program *slot = &cache[0];
    for (int k = 0; k < CACHED; k++) {
        if (cache[k].filter && strcmp(cache[k].filter, filter) == 0) {
            cache[k].used = ++uses;
            return &cache[k];
        }
        if (!cache[k].filter || (slot->filter && cache[k].used < slot->used)) slot = &cache[k];
    }
    jq_state *jq = jq_init();
    if (!jq) return NULL;
    jq_set_error_cb(jq, no_message, NULL);
    char *copy = strdup(filter);
    if (!copy || !jq_compile(jq, filter)) {
        free(copy);
        jq_teardown(&jq);
        return NULL;
    }
    if (slot->filter) forget(slot);
    *slot = (struct program){copy, jq, ++uses};
    return slot;
}

/* ---- jq(json, filter) ---------------------------------------------------- */

/* One jq value as the SQL result liteJQ makes of it. */
static void result(sqlite3_context *ctx, jv v) {
    switch (jv_get_kind(v)) {
    case JV_KIND_NULL:
        sqlite3_result_null(ctx);
        break;
    case JV_KIND_FALSE:
        sqlite3_result_int(ctx, 0);
        break;
    case JV_KIND_TRUE:
        sqlite3_result_int(ctx, 1);
        break;
    case JV_KIND_NUMBER: {
        double x = jv_number_value(v);
        /* jv_is_integer: a fraction below DBL_EPSILON; 2^63 is the first
         * double past INT64_MAX. */
        if (jv_is_integer(v) && x >= -9223372036854775808.0 && x < 9223372036854775808.0)
            sqlite3_result_int64(ctx, (sqlite3_int64)x);
        else
            sqlite3_result_double(ctx, x);
        break;
    }
    case JV_KIND_STRING: {
        /* Up to a NUL, as liteJQ (-1), but never past the string: jq's
         * `"x" * 0` is an empty string whose buffer libjq leaves
         * unterminated. */
        const char *text = jv_string_value(v);
        int n = jv_string_length_bytes(jv_copy(v));
        const char *nul = memchr(text, 0, (size_t)n);
        sqlite3_result_text(ctx, text, nul ? (int)(nul - text) : n, SQLITE_TRANSIENT);
        break;
    }
    case JV_KIND_ARRAY:
    case JV_KIND_OBJECT: {
        jv text = jv_dump_string(jv_copy(v), 0);
        sqlite3_result_text(ctx, jv_string_value(text), -1, SQLITE_TRANSIENT);
        jv_free(text);
        break;
    }
    default:
        sqlite3_result_error(ctx, "Unsupported JSON type", -1);
        break;
    }
}

static void jq_function(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
    if (argc != 2 || sqlite3_value_type(argv[0]) != SQLITE_TEXT || sqlite3_value_type(argv[1]) != SQLITE_TEXT) {
        sqlite3_result_error(ctx, "jq function requires exactly two TEXT arguments", -1);
        return;
    }
    const char *json = (const char *)sqlite3_value_text(argv[0]);
    const char *filter = (const char *)sqlite3_value_text(argv[1]);
    if (!json || !filter) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    jv input = jv_parse(json);
    if (!jv_is_valid(input)) {
        jv_free(input);
        sqlite3_result_error(ctx, "Invalid JSON input", -1);
        return;
    }
    struct program *slot = program(filter);
    if (!slot) {
        jv_free(input);
        sqlite3_result_error(ctx, "Failed to compile jq program", -1);
        return;
    }
    jq_start(slot->jq, input, 0);
    jv out;
    while (jv_is_valid(out = jq_next(slot->jq))) {
        result(ctx, out);
        jv_free(out);
    }
    jv_free(out);
    /* After `halt`/`halt_error`, libjq 1.7.1's next reset frees the exit
     * code and message a second time (its jq_reset does not clear them):
     * a halted program is torn down (one reset) rather than run again. */
    if (jq_halted(slot->jq)) forget(slot);
}

int sqlite3_jq_init(sqlite3 *db, char **errmsg, const sqlite3_api_routines *api) {
    SQLITE_EXTENSION_INIT2(api);
    int rc = sqlite3_create_function(db, "jq", 2, SQLITE_UTF8, NULL, jq_function, NULL, NULL);
    if (rc != SQLITE_OK) *errmsg = sqlite3_mprintf("Failed to register function jq: %d", rc);
    return rc;
}
