/* Greetings, repetition, the longest text of a group, and a count: the
 * Rust example (components/examples/hello) in C, with the C SDK. */
#include "sqlink.h"

#include <stdlib.h>
#include <string.h>

/* hello(name): 'Hello, NAME!' */
static void hello(sqlink_context *ctx, int argc, sqlink_value **argv) {
    const char *name;
    if (!sqlink_arg_text(ctx, argv, 0, &name, NULL)) return;
    sqlink_result_textf(ctx, "Hello, %s!", name);
}

/* repeat_text(text, n [, sep]): TEXT n times, joined by SEP. */
static void repeat_text(sqlink_context *ctx, int argc, sqlink_value **argv) {
    const char *text, *sep = "";
    int len, sep_len = 0;
    int64_t n;
    if (!sqlink_arg_text(ctx, argv, 0, &text, &len) || !sqlink_arg_int64(ctx, argv, 1, &n)) return;
    if (argc > 2 && !sqlink_arg_text(ctx, argv, 2, &sep, &sep_len)) return;
    if (n < 0) {
        sqlink_result_error(ctx, "repeat_text(): n must not be negative", -1);
        return;
    }
    if (n == 0) {
        sqlink_result_text(ctx, "", 0, SQLINK_STATIC);
        return;
    }
    /* SQLite's own limit on a text's length (SQLITE_MAX_LENGTH). */
    int64_t total = n > 1000000000 ? INT64_MAX : len * n + sep_len * (n - 1);
    if (total > 1000000000) {
        sqlink_result_error(ctx, "repeat_text(): the result would be over 1000000000 bytes", -1);
        sqlink_result_error_code(ctx, SQLINK_TOOBIG);
        return;
    }
    char *out = malloc((size_t)total + 1), *at = out;
    if (!out) {
        sqlink_result_error_nomem(ctx);
        return;
    }
    for (int64_t k = 0; k < n; k++) {
        if (k) memcpy(at, sep, (size_t)sep_len), at += sep_len;
        memcpy(at, text, (size_t)len), at += len;
    }
    sqlink_result_text(ctx, out, (int)total, free); /* handed over, not copied */
}

/* count_nulls(...): how many arguments are NULL (SQLINK_NULLS: this
 * function sees NULLs instead of the NULL rule answering NULL). */
static void count_nulls(sqlink_context *ctx, int argc, sqlink_value **argv) {
    int64_t nulls = 0;
    for (int k = 0; k < argc; k++) nulls += sqlink_value_type(argv[k]) == SQLINK_NULL;
    sqlink_result_int64(ctx, nulls);
}

/* longest(text): the longest text of a group (in characters; the first
 * of equals). */
struct longest {
    char *text;
    int len;
    size_t chars;
};

static size_t utf8_chars(const char *s, int len) {
    size_t chars = 0;
    for (int k = 0; k < len; k++) chars += ((unsigned char)s[k] & 0xC0) != 0x80;
    return chars;
}

static void longest_step(sqlink_context *ctx, int argc, sqlink_value **argv) {
    struct longest *state = sqlink_aggregate_context(ctx, sizeof *state);
    const char *text;
    int len;
    if (!state || !sqlink_arg_text(ctx, argv, 0, &text, &len)) return;
    size_t chars = utf8_chars(text, len);
    if (state->text && chars <= state->chars) return;
    char *copy = malloc((size_t)len + 1);
    if (!copy) {
        sqlink_result_error_nomem(ctx);
        return;
    }
    memcpy(copy, text, (size_t)len + 1);
    free(state->text);
    *state = (struct longest){copy, len, chars};
}

static void longest_final(sqlink_context *ctx) {
    struct longest *state = sqlink_aggregate_context(ctx, 0);
    if (!state || !state->text) return; /* no rows: NULL */
    sqlink_result_text(ctx, state->text, state->len, free);
    state->text = NULL;
}

SQLINK_EXTENSION("hello", "0.1.0", "Greetings, repetition, the longest text of a group, and a count.",
    SQLINK_FUNCTION("hello", 1, SQLINK_DETERMINISTIC, hello, "Greets someone."),
    SQLINK_FUNCTION_ARGS("repeat_text", 2, 3, SQLINK_DETERMINISTIC, repeat_text,
                         "Repeats text n times, joined by an optional separator."),
    SQLINK_FUNCTION("count_nulls", -1, SQLINK_DETERMINISTIC | SQLINK_NULLS, count_nulls,
                    "How many of the arguments are NULL."),
    SQLINK_AGGREGATE("longest", 1, SQLINK_DETERMINISTIC, longest_step, longest_final, "The longest text of a group."));
