/*
 * results.c: sqlink_result_* and the outcome a call returns: a short result
 * inline, a long one or an error's message left for overflow.take, which
 * hands the buffer over once (the post-return frees it).
 */
#include "internal.h"

/* ---- Overflow: what an outcome leaves behind --------------------------- */

static uint8_t *overflow;
static size_t overflow_n;

/* Leaves N bytes of P (from malloc; now the overflow's) for take. */
void sqlink__leave(uint8_t *p, size_t n) {
    if (overflow_n) free(overflow);
    if (n == 0) {
        free(p);
        p = NULL;
    }
    overflow = p;
    overflow_n = n;
}

/* Handed over once; the post-return frees it. */
void exports_sqlink_extension_overflow_take(sqlink_wit_list_u8_t *ret) {
    ret->ptr = overflow;
    ret->len = overflow_n;
    overflow = NULL;
    overflow_n = 0;
}


/* ---- Results ----------------------------------------------------------- */

void sqlink__context_init(sqlink_context *ctx, const sqlink_item *item) {
    memset(ctx, 0, sizeof *ctx);
    ctx->item = item;
    ctx->type = SQLINK_NULL;
}

void sqlink__clear_result(sqlink_context *ctx) {
    free(ctx->heap);
    ctx->heap = NULL;
    ctx->type = SQLINK_NULL;
    ctx->n = 0;
}

void sqlink__context_free(sqlink_context *ctx) {
    sqlink__clear_result(ctx);
    free(ctx->message);
    ctx->message = NULL;
}

void sqlink_result_null(sqlink_context *ctx) {
    if (ctx->error) return;
    sqlink__clear_result(ctx);
}

void sqlink_result_int64(sqlink_context *ctx, int64_t value) {
    if (ctx->error) return;
    sqlink__clear_result(ctx);
    ctx->type = SQLINK_INTEGER;
    ctx->i = value;
}

void sqlink_result_double(sqlink_context *ctx, double value) {
    if (ctx->error) return;
    sqlink__clear_result(ctx);
    if (isnan(value)) return;
    ctx->type = SQLINK_FLOAT;
    ctx->r = value;
}

void sqlink__set_error(sqlink_context *ctx, int code, const char *message, size_t n) {
    if (ctx->error) return; /* the first error is the one to report */
    sqlink__clear_result(ctx);
    ctx->error = code ? code : SQLINK_ERROR;
    free(ctx->message);
    ctx->message = NULL;
    ctx->message_n = 0;
    if (message) {
        ctx->message = malloc(n ? n : 1);
        if (ctx->message) {
            memcpy(ctx->message, message, n);
            ctx->message_n = n;
        }
    }
}

/* Runs a result's destructor once the SDK no longer needs the bytes. */
static void release(sqlink_destructor_type destructor, const void *z) {
    if (z && destructor != SQLINK_STATIC && destructor != SQLINK_TRANSIENT) destructor((void *)z);
}

static void set_bytes(sqlink_context *ctx, int type, const void *z, int n, sqlink_destructor_type destructor) {
    if (ctx->error) {
        release(destructor, z);
        return;
    }
    sqlink__clear_result(ctx);
    if (!z) n = 0;
    if (n < 0) n = (int)strlen((const char *)z);
    ctx->type = type;
    ctx->n = n;
    if (n <= SHORT) {
        ctx->inline_[0] = ctx->inline_[1] = ctx->inline_[2] = 0;
        if (n) memcpy(ctx->inline_, z, (size_t)n);
        release(destructor, z);
    } else if (destructor == free) {
        ctx->heap = (unsigned char *)z; /* handed over without a copy */
    } else {
        ctx->heap = malloc((size_t)n);
        if (ctx->heap) memcpy(ctx->heap, z, (size_t)n);
        release(destructor, z);
        if (!ctx->heap) {
            ctx->type = SQLINK_NULL;
            sqlink_result_error_nomem(ctx);
        }
    }
}

void sqlink_result_text(sqlink_context *ctx, const char *z, int n, sqlink_destructor_type destructor) {
    set_bytes(ctx, SQLINK_TEXT, z, n, destructor);
}

void sqlink_result_blob(sqlink_context *ctx, const void *z, int n, sqlink_destructor_type destructor) {
    set_bytes(ctx, SQLINK_BLOB, z, n, destructor);
}

/* vsnprintf into a fresh buffer; NULL when out of memory. */
char *sqlink__vformat(const char *format, va_list ap, int *n) {
    va_list copy;
    va_copy(copy, ap);
    int len = vsnprintf(NULL, 0, format, copy);
    va_end(copy);
    if (len < 0) len = 0;
    char *buf = malloc((size_t)len + 1);
    if (!buf) return NULL;
    vsnprintf(buf, (size_t)len + 1, format, ap);
    *n = len;
    return buf;
}

void sqlink_result_textf(sqlink_context *ctx, const char *format, ...) {
    /* Formatted once into the stack when it fits (a short result then
     * needs no allocation at all), else again into a buffer of its size. */
    char small[128];
    va_list ap;
    va_start(ap, format);
    int n = vsnprintf(small, sizeof small, format, ap);
    va_end(ap);
    if (n < 0) n = 0;
    if ((size_t)n < sizeof small) {
        sqlink_result_text(ctx, small, n, SQLINK_TRANSIENT);
        return;
    }
    va_start(ap, format);
    char *buf = sqlink__vformat(format, ap, &n);
    va_end(ap);
    if (!buf) sqlink_result_error_nomem(ctx);
    else sqlink_result_text(ctx, buf, n, free);
}

void sqlink_result_value(sqlink_context *ctx, sqlink_value *v) {
    switch (v->type) {
    case SQLINK_INTEGER:
        sqlink_result_int64(ctx, v->i);
        break;
    case SQLINK_FLOAT:
        sqlink_result_double(ctx, v->r);
        break;
    case SQLINK_TEXT:
        sqlink_result_text(ctx, (const char *)v->p, v->n, SQLINK_TRANSIENT);
        break;
    case SQLINK_BLOB:
        sqlink_result_blob(ctx, v->p, v->n, SQLINK_TRANSIENT);
        break;
    default:
        sqlink_result_null(ctx);
        break;
    }
}

void sqlink_result_subtype(sqlink_context *ctx, unsigned subtype) {
    ctx->subtype = subtype & 0xff;
}

void sqlink_result_error(sqlink_context *ctx, const char *message, int n) {
    if (!message) message = "";
    sqlink__set_error(ctx, SQLINK_ERROR, message, n < 0 ? strlen(message) : (size_t)n);
}

void sqlink_result_errorf(sqlink_context *ctx, const char *format, ...) {
    va_list ap;
    va_start(ap, format);
    sqlink__set_verrorf(ctx, SQLINK_ERROR, format, ap);
    va_end(ap);
}

void sqlink_result_error_code(sqlink_context *ctx, int code) {
    if (code == 0) code = SQLINK_ERROR; /* 0 means success: an error never looks like one */
    if (ctx->error) ctx->error = code;
    else sqlink__set_error(ctx, code, NULL, 0);
}

void sqlink_result_error_nomem(sqlink_context *ctx) {
    ctx->error = 0; /* out of memory wins over anything else */
    sqlink__set_error(ctx, SQLINK_NOMEM, NULL, 0);
}

void *sqlink_user_data(sqlink_context *ctx) {
    return ctx->item ? ctx->item->user_data : NULL;
}

const char *sqlink_function_name(sqlink_context *ctx) {
    return ctx->item && ctx->item->name ? ctx->item->name : "?";
}

/* SQLite's text for the codes an error without a message may carry. */
static const char *code_text(int code) {
    switch (code & 0xff) {
    case SQLINK_NOMEM: return "out of memory";
    case SQLINK_TOOBIG: return "string or blob too big";
    case SQLINK_CONSTRAINT: return "constraint failed";
    case SQLINK_MISMATCH: return "datatype mismatch";
    case SQLINK_RANGE: return "column index out of range";
    default: return "SQL logic error";
    }
}

static wit_short short_of(const uint64_t words[3], int n) {
    return (wit_short){(uint8_t)n, words[0], words[1], words[2]};
}

/* The context's result as an outcome: short values inline, long ones and
 * error messages left for overflow.take. */
void sqlink__outcome_of(sqlink_context *ctx, wit_outcome *out) {
    if (ctx->error) {
        if (ctx->message) {
            sqlink__leave((uint8_t *)ctx->message, ctx->message_n);
            ctx->message = NULL;
        } else {
            const char *text = code_text(ctx->error);
            char *copy = strdup(text);
            if (copy) sqlink__leave((uint8_t *)copy, strlen(copy));
        }
        out->tag = SQLINK_EXTENSION_TYPES_OUTCOME_ERROR;
        out->val.error = ctx->error;
        return;
    }
    switch (ctx->type) {
    case SQLINK_INTEGER:
        out->tag = SQLINK_EXTENSION_TYPES_OUTCOME_INTEGER;
        out->val.integer = ctx->i;
        break;
    case SQLINK_FLOAT:
        out->tag = SQLINK_EXTENSION_TYPES_OUTCOME_REAL;
        out->val.real = ctx->r;
        break;
    case SQLINK_TEXT:
    case SQLINK_BLOB: {
        int text = ctx->type == SQLINK_TEXT;
        if (ctx->n <= SHORT) {
            out->tag = text ? SQLINK_EXTENSION_TYPES_OUTCOME_SHORT_TEXT : SQLINK_EXTENSION_TYPES_OUTCOME_SHORT_BLOB;
            if (text) out->val.short_text = short_of(ctx->inline_, ctx->n);
            else out->val.short_blob = short_of(ctx->inline_, ctx->n);
        } else {
            out->tag = text ? SQLINK_EXTENSION_TYPES_OUTCOME_LONG_TEXT : SQLINK_EXTENSION_TYPES_OUTCOME_LONG_BLOB;
            out->val.long_text = (uint32_t)ctx->n;
            sqlink__leave(ctx->heap, (size_t)ctx->n);
            ctx->heap = NULL;
        }
        break;
    }
    default:
        out->tag = SQLINK_EXTENSION_TYPES_OUTCOME_NULL;
        break;
    }
}
