/* A fixture for tests/shell/c-sdk-surfaces.sql: every part of the C SDK
 * the example does not use (SQLite-style conversions, blobs, byte-exact
 * round trips, subtypes, window functions, errors by code, destructors),
 * built by `make c-examples` into dist/test-extensions/c-surfaces.wasm. */
#include "sqlink.h"

#include <stdlib.h>
#include <string.h>

static const char *type_names[] = {"?", "integer", "real", "text", "blob", "null"};

/* c_kind(x): the storage class, as typeof() names it. */
static void c_kind(sqlink_context *ctx, int argc, sqlink_value **argv) {
    sqlink_result_text(ctx, type_names[sqlink_value_type(argv[0])], -1, SQLINK_STATIC);
}

/* c_int(x), c_real(x): SQLite's conversions (sqlite3_value_int64/double). */
static void c_int(sqlink_context *ctx, int argc, sqlink_value **argv) {
    sqlink_result_int64(ctx, sqlink_value_int64(argv[0]));
}

static void c_real(sqlink_context *ctx, int argc, sqlink_value **argv) {
    sqlink_result_double(ctx, sqlink_value_double(argv[0]));
}

/* c_text(x): sqlink_value_text of anything, as text, up to its length. */
static void c_text(sqlink_context *ctx, int argc, sqlink_value **argv) {
    const unsigned char *text = sqlink_value_text(argv[0]);
    if (text) sqlink_result_text(ctx, (const char *)text, sqlink_value_bytes(argv[0]), SQLINK_TRANSIENT);
}

/* c_echo(x): the argument back, byte-exact (sqlink_result_value). */
static void c_echo(sqlink_context *ctx, int argc, sqlink_value **argv) {
    sqlink_result_value(ctx, argv[0]);
}

/* c_blob(n): n bytes 0, 1, 2, ... as a blob (from malloc, handed over). */
static void c_blob(sqlink_context *ctx, int argc, sqlink_value **argv) {
    int64_t n;
    if (!sqlink_arg_int64(ctx, argv, 0, &n)) return;
    if (n < 0 || n > 1000000) {
        sqlink_result_errorf(ctx, "c_blob(): n must be 0 to 1000000, not %lld", (long long)n);
        sqlink_result_error_code(ctx, SQLINK_RANGE);
        return;
    }
    unsigned char *b = malloc(n ? (size_t)n : 1);
    if (!b) {
        sqlink_result_error_nomem(ctx);
        return;
    }
    for (int64_t k = 0; k < n; k++) b[k] = (unsigned char)k;
    sqlink_result_blob(ctx, b, (int)n, free);
}

/* Counts the calls of a destructor that is neither STATIC, TRANSIENT nor
 * free: the SDK copies the bytes, then calls it once. */
static int released;
static void release(void *p) {
    released++;
    free(p);
}

/* c_copied(text): the text back through a custom destructor; c_released()
 * how many times it ran. */
static void c_copied(sqlink_context *ctx, int argc, sqlink_value **argv) {
    const char *text;
    int len;
    if (!sqlink_arg_text(ctx, argv, 0, &text, &len)) return;
    char *copy = malloc((size_t)len + 1);
    if (!copy) {
        sqlink_result_error_nomem(ctx);
        return;
    }
    memcpy(copy, text, (size_t)len + 1);
    sqlink_result_text(ctx, copy, len, release);
}

static void c_released(sqlink_context *ctx, int argc, sqlink_value **argv) {
    sqlink_result_int64(ctx, released);
}

/* c_bytes(...): the bytes of every non-NULL argument, concatenated, as a
 * blob (sqlink_arg_bytes: text, blobs, numbers as text). */
static void c_bytes(sqlink_context *ctx, int argc, sqlink_value **argv) {
    size_t total = 0;
    for (int k = 0; k < argc; k++)
        if (sqlink_value_type(argv[k]) != SQLINK_NULL) total += (size_t)sqlink_value_bytes(argv[k]);
    unsigned char *out = malloc(total ? total : 1), *at = out;
    if (!out) {
        sqlink_result_error_nomem(ctx);
        return;
    }
    for (int k = 0; k < argc; k++) {
        const void *bytes;
        int len;
        if (sqlink_value_type(argv[k]) == SQLINK_NULL) continue;
        if (!sqlink_arg_bytes(ctx, argv, k, &bytes, &len)) {
            free(out);
            return;
        }
        memcpy(at, bytes, (size_t)len);
        at += len;
    }
    sqlink_result_blob(ctx, out, (int)total, free);
}

/* c_json(text): the text with JSON's subtype (flagged result-subtype). */
static void c_json(sqlink_context *ctx, int argc, sqlink_value **argv) {
    sqlink_result_value(ctx, argv[0]);
    sqlink_result_subtype(ctx, 'J');
}

/* c_subtype(x): the argument's subtype (flagged subtype). */
static void c_subtype(sqlink_context *ctx, int argc, sqlink_value **argv) {
    sqlink_result_int64(ctx, sqlink_value_subtype(argv[0]));
}

/* c_fail(message, code): an error with that message and code;
 * c_fail_code(code): an error with a code and no message. */
static void c_fail(sqlink_context *ctx, int argc, sqlink_value **argv) {
    const char *message;
    int64_t code;
    if (!sqlink_arg_text(ctx, argv, 0, &message, NULL) || !sqlink_arg_int64(ctx, argv, 1, &code)) return;
    sqlink_result_error(ctx, message, -1);
    sqlink_result_error_code(ctx, (int)code);
    sqlink_result_int64(ctx, 1); /* ignored: an error stays an error */
}

static void c_fail_code(sqlink_context *ctx, int argc, sqlink_value **argv) {
    int64_t code;
    if (!sqlink_arg_int64(ctx, argv, 0, &code)) return;
    sqlink_result_error_code(ctx, (int)code);
}

/* c_sum(x): a window function: the sum of integers (0 for no rows). */
static void sum_step(sqlink_context *ctx, int argc, sqlink_value **argv) {
    int64_t *sum = sqlink_aggregate_context(ctx, sizeof *sum), x;
    if (sum && sqlink_arg_int64(ctx, argv, 0, &x)) *sum += x;
}

static void sum_inverse(sqlink_context *ctx, int argc, sqlink_value **argv) {
    int64_t *sum = sqlink_aggregate_context(ctx, sizeof *sum), x;
    if (sum && sqlink_arg_int64(ctx, argv, 0, &x)) *sum -= x;
}

static void sum_value(sqlink_context *ctx) {
    int64_t *sum = sqlink_aggregate_context(ctx, 0);
    sqlink_result_int64(ctx, sum ? *sum : 0);
}

/* c_names(x): the texts of a group joined by commas, NULL as 'null'
 * (an aggregate flagged SQLINK_NULLS: it sees NULL rows). */
struct names {
    char *text;
    size_t len;
};

static void names_step(sqlink_context *ctx, int argc, sqlink_value **argv) {
    struct names *state = sqlink_aggregate_context(ctx, sizeof *state);
    if (!state) return;
    const char *text = sqlink_value_type(argv[0]) == SQLINK_NULL ? "null" : (const char *)sqlink_value_text(argv[0]);
    size_t n = strlen(text);
    char *grown = realloc(state->text, state->len + n + 2);
    if (!grown) {
        sqlink_result_error_nomem(ctx);
        return;
    }
    if (state->len) grown[state->len++] = ',';
    memcpy(grown + state->len, text, n + 1);
    state->len += n;
    state->text = grown;
}

static void names_final(sqlink_context *ctx) {
    struct names *state = sqlink_aggregate_context(ctx, 0);
    if (state && state->text) sqlink_result_text(ctx, state->text, (int)state->len, free);
}

SQLINK_EXTENSION("csurfaces", "0.1.0", "The C SDK's surfaces, for tests.",
    SQLINK_FUNCTION("c_kind", 1, SQLINK_DETERMINISTIC | SQLINK_NULLS, c_kind, "The storage class."),
    SQLINK_FUNCTION("c_int", 1, SQLINK_DETERMINISTIC | SQLINK_NULLS, c_int, "sqlink_value_int64."),
    SQLINK_FUNCTION("c_real", 1, SQLINK_DETERMINISTIC | SQLINK_NULLS, c_real, "sqlink_value_double."),
    SQLINK_FUNCTION("c_text", 1, SQLINK_DETERMINISTIC | SQLINK_NULLS, c_text, "sqlink_value_text."),
    SQLINK_FUNCTION("c_echo", 1, SQLINK_DETERMINISTIC | SQLINK_NULLS, c_echo, "The argument back."),
    SQLINK_FUNCTION("c_blob", 1, SQLINK_DETERMINISTIC, c_blob, "N bytes as a blob."),
    SQLINK_FUNCTION("c_copied", 1, 0, c_copied, "Text through a destructor."),
    SQLINK_FUNCTION("c_released", 0, 0, c_released, "Destructor calls so far."),
    SQLINK_FUNCTION_ARGS("c_bytes", 0, -1, SQLINK_DETERMINISTIC | SQLINK_NULLS, c_bytes, "Concatenated bytes."),
    SQLINK_FUNCTION("c_json", 1, SQLINK_DETERMINISTIC | SQLINK_RESULT_SUBTYPE, c_json, "Text as JSON."),
    SQLINK_FUNCTION("c_subtype", 1, SQLINK_DETERMINISTIC | SQLINK_SUBTYPE | SQLINK_NULLS, c_subtype, "The subtype."),
    SQLINK_FUNCTION("c_fail", 2, 0, c_fail, "An error."),
    SQLINK_FUNCTION("c_fail_code", 1, 0, c_fail_code, "An error without a message."),
    SQLINK_WINDOW("c_sum", 1, SQLINK_DETERMINISTIC, sum_step, sum_value, sum_value, sum_inverse, "A sum."),
    SQLINK_AGGREGATE("c_names", 1, SQLINK_NULLS, names_step, names_final, "Texts joined."));
