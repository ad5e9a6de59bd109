/*
 * arguments.c: the checked conversions (sqlink_arg_*), with the Rust SDK's
 * messages, and the arrays of arguments a call or a batch of rows is given.
 */
#include "internal.h"

/* ---- Checked arguments (the Rust SDK's conversions and messages) -------- */

/* An error with CODE and a printf-formatted message. */
void sqlink__set_errorf(sqlink_context *ctx, int code, const char *format, ...) {
    va_list ap;
    va_start(ap, format);
    sqlink__set_verrorf(ctx, code, format, ap);
    va_end(ap);
}

/* sqlink__set_errorf with its arguments as a va_list. */
void sqlink__set_verrorf(sqlink_context *ctx, int code, const char *format, va_list ap) {
    int n = 0;
    char *buf = sqlink__vformat(format, ap, &n);
    if (!buf) {
        sqlink_result_error_nomem(ctx);
        return;
    }
    sqlink__set_error(ctx, code, buf, (size_t)n);
    free(buf);
}

/* "f(): argument I+1 WHY, got WHAT", WHAT as the Rust SDK describes values. */
static void argument_error(sqlink_context *ctx, int i, const char *why, sqlink_value *v) {
    char what[200];
    switch (v->type) {
    case SQLINK_INTEGER:
        snprintf(what, sizeof what, "integer %lld", (long long)v->i);
        break;
    case SQLINK_FLOAT: {
        char real[40];
        sqlink__format_real(real, sizeof real, v->r);
        snprintf(what, sizeof what, "real %s", real);
        break;
    }
    case SQLINK_TEXT: {
        /* At most 40 characters, an invalid sequence as one U+FFFD. */
        size_t at = 0, len, chars = 0;
        size_t out = (size_t)snprintf(what, sizeof what, "text '");
        while (at < (size_t)v->n && chars < 40) {
            if (sqlink__utf8_char(v->p, (size_t)v->n, at, &len)) memcpy(what + out, v->p + at, len), out += len;
            else memcpy(what + out, "\xEF\xBF\xBD", 3), out += 3;
            at += len;
            chars++;
        }
        snprintf(what + out, sizeof what - out, "%s'", at < (size_t)v->n ? "..." : "");
        break;
    }
    case SQLINK_BLOB:
        snprintf(what, sizeof what, "blob of %d bytes", v->n);
        break;
    default:
        snprintf(what, sizeof what, "NULL");
        break;
    }
    sqlink__set_errorf(ctx, SQLINK_MISMATCH, "%s(): argument %d %s, got %s", sqlink_function_name(ctx), i + 1, why, what);
}

static int arg_null(sqlink_context *ctx, int i) {
    sqlink__set_errorf(ctx, SQLINK_MISMATCH, "%s(): argument %d is NULL", sqlink_function_name(ctx), i + 1);
    return 0;
}

int sqlink_arg_int64(sqlink_context *ctx, sqlink_value **argv, int i, int64_t *out) {
    sqlink_value *v = argv[i];
    int integral;
    int64_t n = 0;
    double r = 0;
    switch (v->type) {
    case SQLINK_INTEGER:
        *out = v->i;
        return 1;
    case SQLINK_FLOAT:
        /* The i64 range is [-2^63, 2^63): both bounds are exact doubles. */
        if (v->r >= -9223372036854775808.0 && v->r < 9223372036854775808.0) {
            *out = (int64_t)v->r;
            return 1;
        }
        break;
    case SQLINK_TEXT:
        if (sqlink__utf8_invalid_at(v->p, (size_t)v->n) < 0 && sqlink__parse_number((const char *)v->p, (size_t)v->n, 1, &integral, &n, &r)) {
            if (integral) {
                *out = n;
                return 1;
            }
            if (isfinite(r) && fabs(r) < 9.2e18) {
                *out = (int64_t)r;
                return 1;
            }
        }
        break;
    case SQLINK_NULL:
        return arg_null(ctx, i);
    }
    argument_error(ctx, i, "must be an integer", v);
    return 0;
}

int sqlink_arg_double(sqlink_context *ctx, sqlink_value **argv, int i, double *out) {
    sqlink_value *v = argv[i];
    int integral;
    int64_t n = 0;
    double r = 0;
    switch (v->type) {
    case SQLINK_INTEGER:
        *out = (double)v->i;
        return 1;
    case SQLINK_FLOAT:
        *out = v->r;
        return 1;
    case SQLINK_TEXT:
        if (sqlink__utf8_invalid_at(v->p, (size_t)v->n) < 0 && sqlink__parse_number((const char *)v->p, (size_t)v->n, 1, &integral, &n, &r)) {
            *out = r;
            return 1;
        }
        break;
    case SQLINK_NULL:
        return arg_null(ctx, i);
    }
    argument_error(ctx, i, "must be a number", v);
    return 0;
}

int sqlink_arg_text(sqlink_context *ctx, sqlink_value **argv, int i, const char **out, int *len) {
    sqlink_value *v = argv[i];
    if (v->type == SQLINK_NULL) return arg_null(ctx, i);
    if (v->type == SQLINK_TEXT || v->type == SQLINK_BLOB) {
        long bad = sqlink__utf8_invalid_at(v->p, (size_t)v->n);
        if (bad >= 0) {
            sqlink__set_errorf(ctx, SQLINK_MISMATCH, "%s(): argument %d is not valid UTF-8 text (invalid byte at offset %ld)", sqlink_function_name(ctx), i + 1, bad);
            return 0;
        }
    }
    const unsigned char *text = sqlink_value_text(v);
    if (!text) {
        sqlink_result_error_nomem(ctx);
        return 0;
    }
    *out = (const char *)text;
    if (len) *len = sqlink_value_bytes(v);
    return 1;
}

int sqlink_arg_bytes(sqlink_context *ctx, sqlink_value **argv, int i, const void **out, int *len) {
    sqlink_value *v = argv[i];
    if (v->type == SQLINK_NULL) return arg_null(ctx, i);
    if (v->type == SQLINK_TEXT || v->type == SQLINK_BLOB) {
        *out = v->p; /* never NULL, unlike sqlink_value_blob */
        if (len) *len = v->n;
        return 1;
    }
    *out = sqlink__number_text(v);
    if (len) *len = (int)strlen(sqlink__number_text(v));
    return 1;
}


/* ---- Arguments of a call ----------------------------------------------- */

int sqlink__any_null(int argc, sqlink_value **argv) {
    for (int k = 0; k < argc; k++)
        if (argv[k]->type == SQLINK_NULL) return 1;
    return 0;
}


int sqlink__values_alloc(struct values *vs, size_t n) {
    if (n <= 4) {
        vs->values = vs->few;
        vs->argv = vs->few_argv;
        return 1;
    }
    vs->values = malloc(n * sizeof *vs->values);
    vs->argv = malloc(n * sizeof *vs->argv);
    return vs->values && vs->argv;
}

void sqlink__values_free(struct values *vs) {
    if (vs->values != vs->few) {
        free(vs->values);
        free(vs->argv);
    }
}
