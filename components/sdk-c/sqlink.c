/*
 * sqlink.c: the C SDK's side of sqlink:extension@0.2.0 (see sqlink.h).
 *
 * The exports wit-bindgen declares in sqlink_wit.h (generated at build time
 * from wit/ and components/sdk-c/wit/world.wit) are implemented here the
 * way the Rust SDK implements them (components/sdk/src/abi.rs):
 *
 *   - manifest.describe lists SQLINK_EXTENSION's items; an item of MIN to
 *     MAX arguments is one entry per count, and ids are positions;
 *   - scalar.invoke0..3 take arguments in registers: text and blobs of up
 *     to 24 bytes arrive inline (short-bytes) and are read in place, with
 *     no allocation; longer ones arrive as lists this side owns and frees;
 *   - every hot call returns an outcome without lists: a short result
 *     inline, a long one or an error's message left for overflow.take,
 *     which hands the buffer over once (the post-return frees it);
 *   - the NULL rule: unless flagged SQLINK_NULLS, a NULL argument makes a
 *     scalar NULL without calling it, and makes an aggregate skip the row;
 *   - aggregates: rows arrive in batches, state per group number lives in
 *     sqlink_aggregate_context() and is freed after the final value.
 */
#include "sqlink.h"
#include "sqlink_wit.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef sqlink_extension_types_arg_t wit_arg;
typedef sqlink_extension_types_outcome_t wit_outcome;
typedef sqlink_extension_types_short_bytes_t wit_short;

/* Defined by the extension's SQLINK_EXTENSION. */
extern const sqlink_extension sqlink__extension;

#define SHORT 24

/* The variant being built: which of `scalar` and `aggregate` it exports
 * (the build compiles one object per variant, each with the bindings of
 * its world in components/sdk-c/wit/world.wit). An item refers to the
 * symbol of the variant it needs; sqlink-cc links the one that defines
 * all the symbols an extension refers to. */
#ifndef SQLINK_EXPORT_SCALAR
#define SQLINK_EXPORT_SCALAR 1
#endif
#ifndef SQLINK_EXPORT_AGGREGATE
#define SQLINK_EXPORT_AGGREGATE 1
#endif
#if SQLINK_EXPORT_SCALAR
const char sqlink__uses_functions[] = "scalar";
#endif
#if SQLINK_EXPORT_AGGREGATE
const char sqlink__uses_aggregates[] = "aggregate";
#endif

struct sqlink_value {
    int type;
    unsigned subtype;
    int64_t i;
    double r;
    unsigned char *p; /* text or blob bytes: `inline_` or a list from the host */
    int n;
    int terminated; /* p[n] is a NUL */
    wit_arg *list;  /* the argument whose list `p` is (NULL when inline) */
    char number[40]; /* a number as text, once asked for ("" until then) */
    uint64_t inline_[4]; /* short bytes, then zeros (so a NUL follows) */
};

struct group {
    uint64_t number;
    void *state;
    struct group *next;
};

struct sqlink_context {
    const sqlink_item *item;
    struct group *group; /* aggregates: the running group (NULL for none yet) */
    uint64_t group_number;
    int aggregate;
    /* The result. */
    int type;
    int64_t i;
    double r;
    uint64_t inline_[3]; /* a short text or blob, zero-padded */
    unsigned char *heap; /* a long text or blob, from malloc */
    int n;
    unsigned subtype;
    /* An error: its code (0: none) and message (from malloc, or NULL). */
    int error;
    char *message;
    size_t message_n;
};

/* ---- The manifest's entries ----------------------------------------- */

struct entry {
    const sqlink_item *item;
    int arity; /* -1: any number (at least item->min_args) */
};

static struct entry *functions, *aggregates;
static uint32_t n_functions, n_aggregates;
static int built;

static uint32_t entries_of(const sqlink_item *item) {
    if (item->min_args < 0 || item->max_args < 0) return 1;
    return item->max_args >= item->min_args ? (uint32_t)(item->max_args - item->min_args + 1) : 0;
}

static void build(void) {
    if (built) return;
    const sqlink_extension *ext = &sqlink__extension;
    for (int k = 0; k < ext->n_items; k++) {
        uint32_t n = entries_of(&ext->items[k]);
        if (ext->items[k].kind == SQLINK_ITEM_AGGREGATE) n_aggregates += n;
        else n_functions += n;
    }
    functions = calloc(n_functions ? n_functions : 1, sizeof *functions);
    aggregates = calloc(n_aggregates ? n_aggregates : 1, sizeof *aggregates);
    if (!functions || !aggregates) abort();
    uint32_t f = 0, a = 0;
    for (int k = 0; k < ext->n_items; k++) {
        const sqlink_item *item = &ext->items[k];
        struct entry *table = item->kind == SQLINK_ITEM_AGGREGATE ? aggregates : functions;
        uint32_t *next = item->kind == SQLINK_ITEM_AGGREGATE ? &a : &f;
        if (item->min_args < 0 || item->max_args < 0) {
            table[(*next)++] = (struct entry){item, -1};
        } else {
            for (int arity = item->min_args; arity <= item->max_args; arity++) table[(*next)++] = (struct entry){item, arity};
        }
    }
    built = 1;
}

static sqlink_extension_types_function_flags_t wit_flags(unsigned flags) {
    sqlink_extension_types_function_flags_t out = 0;
    if (flags & SQLINK_DETERMINISTIC) out |= SQLINK_EXTENSION_TYPES_FUNCTION_FLAGS_DETERMINISTIC;
    if (flags & SQLINK_DIRECTONLY) out |= SQLINK_EXTENSION_TYPES_FUNCTION_FLAGS_DIRECT_ONLY;
    if (flags & SQLINK_INNOCUOUS) out |= SQLINK_EXTENSION_TYPES_FUNCTION_FLAGS_INNOCUOUS;
    if (flags & SQLINK_SUBTYPE) out |= SQLINK_EXTENSION_TYPES_FUNCTION_FLAGS_SUBTYPE;
    if (flags & SQLINK_RESULT_SUBTYPE) out |= SQLINK_EXTENSION_TYPES_FUNCTION_FLAGS_RESULT_SUBTYPE;
    return out;
}

static void dup(sqlink_wit_string_t *out, const char *s) {
    sqlink_wit_string_dup(out, s ? s : "");
}

/* Whatever describe returns is freed by its post-return: every string and
 * list is a fresh copy. */
void exports_sqlink_extension_manifest_describe(exports_sqlink_extension_manifest_manifest_t *ret) {
    const sqlink_extension *ext = &sqlink__extension;
    build();
    memset(ret, 0, sizeof *ret);
    dup(&ret->name, ext->name);
    dup(&ret->version, ext->version);
    dup(&ret->description, ext->description);
    dup(&ret->prefix, ext->name);
    size_t ns_n = strlen(ext->name ? ext->name : "") + 32;
    char *ns = malloc(ns_n);
    if (!ns) abort();
    snprintf(ns, ns_n, "https://sqlink.dev/ns/%s#", ext->name ? ext->name : "");
    dup(&ret->namespace_, ns);
    free(ns);
    if (n_functions) {
        ret->functions.ptr = calloc(n_functions, sizeof *ret->functions.ptr);
        if (!ret->functions.ptr) abort();
        ret->functions.len = n_functions;
        for (uint32_t id = 0; id < n_functions; id++) {
            exports_sqlink_extension_manifest_function_t *f = &ret->functions.ptr[id];
            dup(&f->name, functions[id].item->name);
            f->arity = functions[id].arity;
            f->flags = wit_flags(functions[id].item->flags);
            dup(&f->description, functions[id].item->description);
        }
    }
    if (n_aggregates) {
        ret->aggregates.ptr = calloc(n_aggregates, sizeof *ret->aggregates.ptr);
        if (!ret->aggregates.ptr) abort();
        ret->aggregates.len = n_aggregates;
        for (uint32_t id = 0; id < n_aggregates; id++) {
            exports_sqlink_extension_manifest_aggregate_t *a = &ret->aggregates.ptr[id];
            const sqlink_item *item = aggregates[id].item;
            dup(&a->name, item->name);
            a->arity = aggregates[id].arity;
            a->flags = wit_flags(item->flags);
            a->window = item->value != NULL && item->inverse != NULL;
            dup(&a->description, item->description);
        }
    }
}

/* ---- Overflow: what an outcome leaves behind --------------------------- */

static uint8_t *overflow;
static size_t overflow_n;

/* Leaves N bytes of P (from malloc; now the overflow's) for take. */
static void leave(uint8_t *p, size_t n) {
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

/* ---- Text helpers ------------------------------------------------------ */

/* The UTF-8 character at S[I]: returns 1 and its length in *LEN when it
 * is valid, else 0 and in *LEN how many bytes form the invalid sequence
 * (as Rust's from_utf8 reports it: at least one). */
static int utf8_char(const unsigned char *s, size_t n, size_t i, size_t *len) {
    unsigned c = s[i];
    size_t want;
    unsigned lo = 0x80, hi = 0xBF;
    if (c < 0x80) {
        *len = 1;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) want = 2;
    else if (c == 0xE0) want = 3, lo = 0xA0;
    else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) want = 3;
    else if (c == 0xED) want = 3, hi = 0x9F;
    else if (c == 0xF0) want = 4, lo = 0x90;
    else if (c >= 0xF1 && c <= 0xF3) want = 4;
    else if (c == 0xF4) want = 4, hi = 0x8F;
    else {
        *len = 1;
        return 0;
    }
    size_t k = 1;
    for (; k < want; k++) {
        if (i + k >= n) break;
        unsigned b = s[i + k];
        if (k == 1 ? (b < lo || b > hi) : (b & 0xC0) != 0x80) break;
    }
    *len = k;
    return k == want;
}

/* The offset of the first byte that is not valid UTF-8, or -1. */
static long utf8_invalid_at(const unsigned char *s, size_t n) {
    size_t i = 0, len;
    while (i < n) {
        if (!utf8_char(s, n, i, &len)) return (long)i;
        i += len;
    }
    return -1;
}

/* A real as SQLite converts it to text ("%!.15g"): 15 significant digits,
 * at least one digit after the point, a two-digit exponent at least. */
static void format_real(char *buf, size_t cap, double x) {
    if (isnan(x)) {
        snprintf(buf, cap, "NaN");
        return;
    }
    if (isinf(x)) {
        snprintf(buf, cap, x > 0 ? "Inf" : "-Inf");
        return;
    }
    char tmp[40];
    snprintf(tmp, sizeof tmp, "%.15g", x);
    char *e = strchr(tmp, 'e');
    if (e) {
        if (!memchr(tmp, '.', (size_t)(e - tmp))) {
            snprintf(buf, cap, "%.*s.0%s", (int)(e - tmp), tmp, e);
            return;
        }
    } else if (!strchr(tmp, '.')) {
        snprintf(buf, cap, "%s.0", tmp);
        return;
    }
    snprintf(buf, cap, "%s", tmp);
}

/* The span of a decimal number at the start of S (after whitespace):
 * [sign] digits [. digits] [e [sign] digits], at least one digit.
 * Returns its end, or S when there is none; *INTEGRAL says whether it has
 * neither point nor exponent. */
static const char *number_span(const char *s, const char *end, const char **start, int *integral) {
    while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' || *s == '\v')) s++;
    *start = s;
    *integral = 1;
    const char *p = s;
    if (p < end && (*p == '+' || *p == '-')) p++;
    int digits = 0;
    while (p < end && *p >= '0' && *p <= '9') p++, digits++;
    if (p < end && *p == '.') {
        const char *q = p + 1;
        int frac = 0;
        while (q < end && *q >= '0' && *q <= '9') q++, frac++;
        if (digits || frac) {
            p = q;
            digits += frac;
            *integral = 0;
        }
    }
    if (!digits) return *start;
    if (p < end && (*p == 'e' || *p == 'E')) {
        const char *q = p + 1;
        if (q < end && (*q == '+' || *q == '-')) q++;
        if (q < end && *q >= '0' && *q <= '9') {
            while (q < end && *q >= '0' && *q <= '9') q++;
            p = q;
            *integral = 0;
        }
    }
    return p;
}

/* Parses the number in S..END (copied, so S needs no NUL). With WHOLE, the
 * number must be all of S but surrounding whitespace (the Rust SDK's rule
 * for text holding a number); otherwise its leading number (SQLite's rule).
 * Returns 0 when there is none. */
static int parse_number(const char *s, size_t n, int whole, int *integral, int64_t *i, double *r) {
    const char *end = s + n, *start;
    const char *stop = number_span(s, end, &start, integral);
    if (stop == start) {
        if (!whole) return 0;
        /* Rust's f64 parser also takes inf, infinity and nan. */
        char word[16];
        size_t len = 0;
        const char *p = start;
        while (p < end && len + 1 < sizeof word && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') word[len++] = *p++;
        word[len] = 0;
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) p++;
        if (p != end) return 0;
        const char *w = word;
        int neg = 0;
        if (*w == '+' || *w == '-') neg = *w++ == '-';
        if (!strcasecmp(w, "inf") || !strcasecmp(w, "infinity")) *r = neg ? -INFINITY : INFINITY;
        else if (!strcasecmp(w, "nan")) *r = NAN;
        else return 0;
        *integral = 0;
        return 1;
    }
    if (whole) {
        const char *p = stop;
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v')) p++;
        if (p != end) return 0;
    }
    char small[64], *buf = small;
    size_t len = (size_t)(stop - start);
    if (len >= sizeof small && !(buf = malloc(len + 1))) return 0;
    memcpy(buf, start, len);
    buf[len] = 0;
    *r = strtod(buf, NULL);
    if (*integral) {
        errno = 0;
        long long v = strtoll(buf, NULL, 10);
        /* Out of range: not an integer (strtoll saturates and sets errno). */
        if (errno == ERANGE) *integral = 0;
        else *i = v;
    }
    if (buf != small) free(buf);
    return 1;
}

/* A double as SQLite casts it to an integer: truncated, saturated. */
static int64_t real_to_int64(double r) {
    if (isnan(r)) return 0;
    if (r <= -9223372036854775808.0) return INT64_MIN;
    if (r >= 9223372036854775808.0) return INT64_MAX;
    return (int64_t)r;
}

/* ---- Values ------------------------------------------------------------ */

static void value_from_arg(sqlink_value *v, wit_arg *a) {
    v->subtype = 0;
    v->terminated = 0;
    v->list = NULL;
    v->number[0] = 0;
    switch (a->tag) {
    case SQLINK_EXTENSION_TYPES_ARG_INTEGER:
        v->type = SQLINK_INTEGER;
        v->i = a->val.integer;
        break;
    case SQLINK_EXTENSION_TYPES_ARG_REAL:
        v->type = SQLINK_FLOAT;
        v->r = a->val.real;
        break;
    case SQLINK_EXTENSION_TYPES_ARG_SHORT_TEXT:
    case SQLINK_EXTENSION_TYPES_ARG_SHORT_BLOB: {
        wit_short *s = a->tag == SQLINK_EXTENSION_TYPES_ARG_SHORT_TEXT ? &a->val.short_text : &a->val.short_blob;
        /* A host sending more than 24 bytes inline broke the contract:
         * trap (the host reports it) rather than guess. */
        if (s->len > SHORT) __builtin_trap();
        v->type = a->tag == SQLINK_EXTENSION_TYPES_ARG_SHORT_TEXT ? SQLINK_TEXT : SQLINK_BLOB;
        v->inline_[0] = s->w0;
        v->inline_[1] = s->w1;
        v->inline_[2] = s->w2;
        v->inline_[3] = 0;
        v->p = (unsigned char *)v->inline_;
        v->n = s->len;
        v->p[v->n] = 0; /* zero past len by contract; made sure of */
        v->terminated = 1;
        break;
    }
    case SQLINK_EXTENSION_TYPES_ARG_TEXT:
    case SQLINK_EXTENSION_TYPES_ARG_BLOB:
        v->type = a->tag == SQLINK_EXTENSION_TYPES_ARG_TEXT ? SQLINK_TEXT : SQLINK_BLOB;
        v->p = a->val.text.ptr;
        v->n = a->val.text.len > INT_MAX ? INT_MAX : (int)a->val.text.len;
        v->list = a;
        if (v->n == 0) {
            v->p = (unsigned char *)"";
            v->terminated = 1;
        }
        break;
    default:
        v->type = SQLINK_NULL;
        break;
    }
}

#if SQLINK_EXPORT_SCALAR
static void value_from_wit(sqlink_value *v, sqlink_extension_types_value_t *w, wit_arg *as_arg) {
    /* A subtyped value's variant has no short forms: view it as an arg. */
    switch (w->tag) {
    case SQLINK_EXTENSION_TYPES_VALUE_INTEGER:
        as_arg->tag = SQLINK_EXTENSION_TYPES_ARG_INTEGER;
        as_arg->val.integer = w->val.integer;
        break;
    case SQLINK_EXTENSION_TYPES_VALUE_REAL:
        as_arg->tag = SQLINK_EXTENSION_TYPES_ARG_REAL;
        as_arg->val.real = w->val.real;
        break;
    case SQLINK_EXTENSION_TYPES_VALUE_TEXT:
        as_arg->tag = SQLINK_EXTENSION_TYPES_ARG_TEXT;
        as_arg->val.text = w->val.text;
        break;
    case SQLINK_EXTENSION_TYPES_VALUE_BLOB:
        as_arg->tag = SQLINK_EXTENSION_TYPES_ARG_BLOB;
        as_arg->val.blob = w->val.blob;
        break;
    default:
        as_arg->tag = SQLINK_EXTENSION_TYPES_ARG_NULL;
        break;
    }
    value_from_arg(v, as_arg);
}
#endif

/* Frees the list of a long text or blob argument (short ones are inline). */
static void free_arg(wit_arg *a) {
    if ((a->tag == SQLINK_EXTENSION_TYPES_ARG_TEXT || a->tag == SQLINK_EXTENSION_TYPES_ARG_BLOB) && a->val.text.len > 0)
        free(a->val.text.ptr);
}

int sqlink_value_type(sqlink_value *v) {
    return v->type;
}

unsigned sqlink_value_subtype(sqlink_value *v) {
    return v->subtype;
}

/* An integer in decimal (printf's machinery is slow for this). */
static void format_int(char *buf, int64_t i) {
    char digits[24];
    int n = 0;
    uint64_t u = i < 0 ? 0 - (uint64_t)i : (uint64_t)i;
    do digits[n++] = (char)('0' + u % 10);
    while ((u /= 10) != 0);
    if (i < 0) *buf++ = '-';
    while (n) *buf++ = digits[--n];
    *buf = 0;
}

/* A number's text, formatted once. */
static const char *number_text(sqlink_value *v) {
    if (!v->number[0]) {
        if (v->type == SQLINK_INTEGER) format_int(v->number, v->i);
        else format_real(v->number, sizeof v->number, v->r);
    }
    return v->number;
}

/* Makes a long text's bytes NUL-terminated (its list grows by one byte). */
static int terminate(sqlink_value *v) {
    if (v->terminated) return 1;
    unsigned char *q = realloc(v->p, (size_t)v->n + 1);
    if (!q) return 0;
    q[v->n] = 0;
    v->p = q;
    v->list->val.text.ptr = q; /* freed from there after the call */
    v->terminated = 1;
    return 1;
}

const unsigned char *sqlink_value_text(sqlink_value *v) {
    switch (v->type) {
    case SQLINK_INTEGER:
    case SQLINK_FLOAT:
        return (const unsigned char *)number_text(v);
    case SQLINK_TEXT:
    case SQLINK_BLOB:
        return terminate(v) ? v->p : NULL;
    default:
        return NULL;
    }
}

const void *sqlink_value_blob(sqlink_value *v) {
    switch (v->type) {
    case SQLINK_INTEGER:
    case SQLINK_FLOAT:
        return number_text(v);
    case SQLINK_TEXT:
    case SQLINK_BLOB:
        return v->n ? v->p : NULL;
    default:
        return NULL;
    }
}

int sqlink_value_bytes(sqlink_value *v) {
    switch (v->type) {
    case SQLINK_INTEGER:
    case SQLINK_FLOAT:
        return (int)strlen(number_text(v));
    case SQLINK_TEXT:
    case SQLINK_BLOB:
        return v->n;
    default:
        return 0;
    }
}

/* The integer at the start of S (after whitespace), as SQLite's
 * sqlite3Atoi64 reads it for sqlite3_value_int64: digits only (so
 * '1.5e3' is 1), saturated, 0 when there are none. */
static int64_t leading_int64(const unsigned char *s, size_t n) {
    size_t k = 0;
    while (k < n && (s[k] == ' ' || s[k] == '\t' || s[k] == '\n' || s[k] == '\r' || s[k] == '\f' || s[k] == '\v')) k++;
    int negative = 0;
    if (k < n && (s[k] == '+' || s[k] == '-')) negative = s[k++] == '-';
    uint64_t magnitude = 0, limit = negative ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
    for (; k < n && s[k] >= '0' && s[k] <= '9'; k++) {
        unsigned digit = s[k] - '0';
        if (magnitude > (limit - digit) / 10) return negative ? INT64_MIN : INT64_MAX;
        magnitude = magnitude * 10 + digit;
    }
    return negative ? (int64_t)(0 - magnitude) : (int64_t)magnitude;
}

int64_t sqlink_value_int64(sqlink_value *v) {
    switch (v->type) {
    case SQLINK_INTEGER:
        return v->i;
    case SQLINK_FLOAT:
        return real_to_int64(v->r);
    case SQLINK_TEXT:
    case SQLINK_BLOB:
        return leading_int64(v->p, (size_t)v->n);
    default:
        return 0;
    }
}

double sqlink_value_double(sqlink_value *v) {
    int integral;
    int64_t i = 0;
    double r = 0;
    switch (v->type) {
    case SQLINK_INTEGER:
        return (double)v->i;
    case SQLINK_FLOAT:
        return v->r;
    case SQLINK_TEXT:
    case SQLINK_BLOB:
        return parse_number((const char *)v->p, (size_t)v->n, 0, &integral, &i, &r) ? r : 0.0;
    default:
        return 0.0;
    }
}

/* ---- Results ----------------------------------------------------------- */

static void context_init(sqlink_context *ctx, const sqlink_item *item) {
    memset(ctx, 0, sizeof *ctx);
    ctx->item = item;
    ctx->type = SQLINK_NULL;
}

static void clear_result(sqlink_context *ctx) {
    free(ctx->heap);
    ctx->heap = NULL;
    ctx->type = SQLINK_NULL;
    ctx->n = 0;
}

static void context_free(sqlink_context *ctx) {
    clear_result(ctx);
    free(ctx->message);
    ctx->message = NULL;
}

void sqlink_result_null(sqlink_context *ctx) {
    if (ctx->error) return;
    clear_result(ctx);
}

void sqlink_result_int64(sqlink_context *ctx, int64_t value) {
    if (ctx->error) return;
    clear_result(ctx);
    ctx->type = SQLINK_INTEGER;
    ctx->i = value;
}

void sqlink_result_double(sqlink_context *ctx, double value) {
    if (ctx->error) return;
    clear_result(ctx);
    if (isnan(value)) return;
    ctx->type = SQLINK_FLOAT;
    ctx->r = value;
}

static void set_error(sqlink_context *ctx, int code, const char *message, size_t n) {
    if (ctx->error) return; /* the first error is the one to report */
    clear_result(ctx);
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
    clear_result(ctx);
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
static char *vformat(const char *format, va_list ap, int *n) {
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
    char *buf = vformat(format, ap, &n);
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
    set_error(ctx, SQLINK_ERROR, message, n < 0 ? strlen(message) : (size_t)n);
}

void sqlink_result_errorf(sqlink_context *ctx, const char *format, ...) {
    va_list ap;
    int n = 0;
    va_start(ap, format);
    char *buf = vformat(format, ap, &n);
    va_end(ap);
    if (!buf) {
        sqlink_result_error_nomem(ctx);
        return;
    }
    set_error(ctx, SQLINK_ERROR, buf, (size_t)n);
    free(buf);
}

void sqlink_result_error_code(sqlink_context *ctx, int code) {
    if (code == 0) code = SQLINK_ERROR; /* 0 means success: an error never looks like one */
    if (ctx->error) ctx->error = code;
    else set_error(ctx, code, NULL, 0);
}

void sqlink_result_error_nomem(sqlink_context *ctx) {
    ctx->error = 0; /* out of memory wins over anything else */
    set_error(ctx, SQLINK_NOMEM, NULL, 0);
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
static void outcome_of(sqlink_context *ctx, wit_outcome *out) {
    if (ctx->error) {
        if (ctx->message) {
            leave((uint8_t *)ctx->message, ctx->message_n);
            ctx->message = NULL;
        } else {
            const char *text = code_text(ctx->error);
            char *copy = strdup(text);
            if (copy) leave((uint8_t *)copy, strlen(copy));
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
            leave(ctx->heap, (size_t)ctx->n);
            ctx->heap = NULL;
        }
        break;
    }
    default:
        out->tag = SQLINK_EXTENSION_TYPES_OUTCOME_NULL;
        break;
    }
}

/* ---- Checked arguments (the Rust SDK's conversions and messages) -------- */

/* An error with CODE and a printf-formatted message. */
static void set_errorf(sqlink_context *ctx, int code, const char *format, ...) __attribute__((format(printf, 3, 4)));
static void set_errorf(sqlink_context *ctx, int code, const char *format, ...) {
    va_list ap;
    int n = 0;
    va_start(ap, format);
    char *buf = vformat(format, ap, &n);
    va_end(ap);
    if (!buf) {
        sqlink_result_error_nomem(ctx);
        return;
    }
    set_error(ctx, code, buf, (size_t)n);
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
        format_real(real, sizeof real, v->r);
        snprintf(what, sizeof what, "real %s", real);
        break;
    }
    case SQLINK_TEXT: {
        /* At most 40 characters, an invalid sequence as one U+FFFD. */
        size_t at = 0, len, chars = 0;
        size_t out = (size_t)snprintf(what, sizeof what, "text '");
        while (at < (size_t)v->n && chars < 40) {
            if (utf8_char(v->p, (size_t)v->n, at, &len)) memcpy(what + out, v->p + at, len), out += len;
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
    set_errorf(ctx, SQLINK_MISMATCH, "%s(): argument %d %s, got %s", sqlink_function_name(ctx), i + 1, why, what);
}

static int arg_null(sqlink_context *ctx, int i) {
    set_errorf(ctx, SQLINK_MISMATCH, "%s(): argument %d is NULL", sqlink_function_name(ctx), i + 1);
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
        if (utf8_invalid_at(v->p, (size_t)v->n) < 0 && parse_number((const char *)v->p, (size_t)v->n, 1, &integral, &n, &r)) {
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
        if (utf8_invalid_at(v->p, (size_t)v->n) < 0 && parse_number((const char *)v->p, (size_t)v->n, 1, &integral, &n, &r)) {
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
        long bad = utf8_invalid_at(v->p, (size_t)v->n);
        if (bad >= 0) {
            set_errorf(ctx, SQLINK_MISMATCH, "%s(): argument %d is not valid UTF-8 text (invalid byte at offset %ld)", sqlink_function_name(ctx), i + 1, bad);
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
    *out = number_text(v);
    if (len) *len = (int)strlen(number_text(v));
    return 1;
}

/* ---- Arguments of a call ----------------------------------------------- */

static int any_null(int argc, sqlink_value **argv) {
    for (int k = 0; k < argc; k++)
        if (argv[k]->type == SQLINK_NULL) return 1;
    return 0;
}

/* Values and argv for N arguments, on the stack when few. */
struct values {
    sqlink_value few[4];
    sqlink_value *few_argv[4];
    sqlink_value *values;
    sqlink_value **argv;
};

static int values_alloc(struct values *vs, size_t n) {
    if (n <= 4) {
        vs->values = vs->few;
        vs->argv = vs->few_argv;
        return 1;
    }
    vs->values = malloc(n * sizeof *vs->values);
    vs->argv = malloc(n * sizeof *vs->argv);
    return vs->values && vs->argv;
}

static void values_free(struct values *vs) {
    if (vs->values != vs->few) {
        free(vs->values);
        free(vs->argv);
    }
}

/* ---- Scalar calls ------------------------------------------------------ */

#if SQLINK_EXPORT_SCALAR

/* Calls function ID with ARGC arguments into CTX (set up by the caller). */
static void call_function(sqlink_context *ctx, uint32_t id, int argc, sqlink_value **argv) {
    build();
    if (id >= n_functions) {
        sqlink_result_errorf(ctx, "no scalar function with id %u", (unsigned)id);
        return;
    }
    const struct entry *e = &functions[id];
    ctx->item = e->item;
    if (e->arity >= 0 && argc != e->arity) {
        sqlink_result_errorf(ctx, "%s() takes %d arguments, got %d", e->item->name, e->arity, argc);
    } else if (e->arity < 0 && argc < e->item->min_args) {
        sqlink_result_errorf(ctx, "%s() takes at least %d arguments, got %d", e->item->name, e->item->min_args, argc);
    } else if (!e->item->call) {
        sqlink_result_errorf(ctx, "%s() has no C function in SQLINK_EXTENSION", e->item->name);
    } else if (!(e->item->flags & SQLINK_NULLS) && any_null(argc, argv)) {
        /* The NULL rule: NULL in, NULL out, without running. */
    } else {
        e->item->call(ctx, argc, argv);
    }
}

static void scalar(uint32_t id, int argc, wit_arg **args, wit_outcome *ret) {
    sqlink_value values[3];
    sqlink_value *argv[3];
    for (int k = 0; k < argc; k++) {
        value_from_arg(&values[k], args[k]);
        argv[k] = &values[k];
    }
    sqlink_context ctx;
    context_init(&ctx, NULL);
    call_function(&ctx, id, argc, argv);
    outcome_of(&ctx, ret);
    context_free(&ctx);
    for (int k = 0; k < argc; k++) free_arg(args[k]);
}

void exports_sqlink_extension_scalar_invoke0(uint32_t id, wit_outcome *ret) {
    scalar(id, 0, NULL, ret);
}

void exports_sqlink_extension_scalar_invoke1(uint32_t id, wit_arg *a, wit_outcome *ret) {
    wit_arg *args[1] = {a};
    scalar(id, 1, args, ret);
}

void exports_sqlink_extension_scalar_invoke2(uint32_t id, wit_arg *a, wit_arg *b, wit_outcome *ret) {
    wit_arg *args[2] = {a, b};
    scalar(id, 2, args, ret);
}

void exports_sqlink_extension_scalar_invoke3(uint32_t id, wit_arg *a, wit_arg *b, wit_arg *c, wit_outcome *ret) {
    wit_arg *args[3] = {a, b, c};
    scalar(id, 3, args, ret);
}

void exports_sqlink_extension_scalar_invoke(uint32_t id, exports_sqlink_extension_scalar_list_arg_t *args, wit_outcome *ret) {
    sqlink_context ctx;
    context_init(&ctx, NULL);
    struct values vs;
    if (!values_alloc(&vs, args->len)) {
        sqlink_result_error_nomem(&ctx);
    } else {
        for (size_t k = 0; k < args->len; k++) {
            value_from_arg(&vs.values[k], &args->ptr[k]);
            vs.argv[k] = &vs.values[k];
        }
        call_function(&ctx, id, (int)args->len, vs.argv);
    }
    outcome_of(&ctx, ret);
    context_free(&ctx);
    values_free(&vs);
    for (size_t k = 0; k < args->len; k++) free_arg(&args->ptr[k]);
    if (args->len) free(args->ptr);
}

void exports_sqlink_extension_scalar_invoke_subtyped(uint32_t id, exports_sqlink_extension_scalar_list_subtyped_value_t *args,
                                                     exports_sqlink_extension_scalar_subtyped_outcome_t *ret) {
    sqlink_context ctx;
    context_init(&ctx, NULL);
    struct values vs;
    wit_arg *as_args = args->len ? malloc(args->len * sizeof *as_args) : NULL;
    int converted = 0;
    if (!values_alloc(&vs, args->len) || (args->len && !as_args)) {
        sqlink_result_error_nomem(&ctx);
    } else {
        converted = 1;
        for (size_t k = 0; k < args->len; k++) {
            value_from_wit(&vs.values[k], &args->ptr[k].value, &as_args[k]);
            vs.values[k].subtype = args->ptr[k].subtype;
            vs.argv[k] = &vs.values[k];
        }
        call_function(&ctx, id, (int)args->len, vs.argv);
    }
    outcome_of(&ctx, &ret->value);
    ret->subtype = ctx.error ? 0 : (uint8_t)ctx.subtype;
    context_free(&ctx);
    values_free(&vs);
    for (size_t k = 0; k < args->len; k++) {
        /* The text may have moved (terminate): free it where it is now. */
        if (converted) free_arg(&as_args[k]);
        else sqlink_extension_types_value_free(&args->ptr[k].value);
    }
    free(as_args);
    if (args->len) free(args->ptr);
}

#endif /* SQLINK_EXPORT_SCALAR */

/* ---- Aggregates -------------------------------------------------------- */

#define GROUP_BUCKETS 256
static struct group *groups[GROUP_BUCKETS];

static struct group **group_slot(uint64_t number) {
    struct group **slot = &groups[(number ^ (number >> 8) ^ (number >> 16)) % GROUP_BUCKETS];
    while (*slot && (*slot)->number != number) slot = &(*slot)->next;
    return slot;
}

void *sqlink_aggregate_context(sqlink_context *ctx, int n) {
    if (!ctx->aggregate) return NULL;
    if (ctx->group) return ctx->group->state;
    if (n <= 0) return NULL;
    struct group *g = calloc(1, sizeof *g);
    void *state = calloc(1, (size_t)n);
    if (!g || !state) {
        free(g);
        free(state);
        sqlink_result_error_nomem(ctx);
        return NULL;
    }
    g->number = ctx->group_number;
    g->state = state;
    struct group **slot = group_slot(ctx->group_number);
    g->next = NULL;
    *slot = g;
    ctx->group = g;
    return state;
}

#if SQLINK_EXPORT_AGGREGATE

static const struct entry *aggregate_entry(sqlink_context *ctx, uint32_t id, uint64_t group) {
    build();
    if (id >= n_aggregates) {
        sqlink_result_errorf(ctx, "no aggregate with id %u", (unsigned)id);
        return NULL;
    }
    ctx->item = aggregates[id].item;
    ctx->aggregate = 1;
    ctx->group_number = group;
    ctx->group = *group_slot(group);
    return &aggregates[id];
}

/* A step or inverse status: 0, or the error's code with its message left
 * for overflow.take. */
static int32_t status_of(sqlink_context *ctx) {
    if (!ctx->error) return 0;
    wit_outcome out;
    outcome_of(ctx, &out);
    return out.val.error;
}

static int32_t rows(uint32_t id, uint64_t group, uint32_t n_rows, uint32_t width, exports_sqlink_extension_aggregate_list_arg_t *args,
                    sqlink_wit_list_u8_t *subtypes, int inverse) {
    sqlink_context ctx;
    context_init(&ctx, NULL);
    const struct entry *e = aggregate_entry(&ctx, id, group);
    struct values vs = {0};
    int have_values = 0, allocated = 0;
    if (!e) {
    } else if (inverse && !e->item->inverse) {
        sqlink_result_errorf(&ctx, "aggregate %s is not a window function", e->item->name);
    } else if ((uint64_t)n_rows * width != args->len) {
        sqlink_result_errorf(&ctx, "%s(): the host sent %zu arguments for %u rows of %u", e->item->name, args->len, (unsigned)n_rows, (unsigned)width);
    } else if (allocated = 1, !(have_values = values_alloc(&vs, width))) {
        sqlink_result_error_nomem(&ctx);
    } else {
        sqlink_function fn = inverse ? e->item->inverse : e->item->call;
        for (uint32_t row = 0; row < n_rows && !ctx.error; row++) {
            for (uint32_t k = 0; k < width; k++) {
                size_t at = (size_t)row * width + k;
                value_from_arg(&vs.values[k], &args->ptr[at]);
                if (subtypes->len == args->len) vs.values[k].subtype = subtypes->ptr[at];
                vs.argv[k] = &vs.values[k];
            }
            if (!(e->item->flags & SQLINK_NULLS) && any_null((int)width, vs.argv)) continue; /* the NULL rule: skip the row */
            if (fn) fn(&ctx, (int)width, vs.argv);
            clear_result(&ctx); /* a step's result means nothing */
        }
    }
    int32_t status = status_of(&ctx);
    context_free(&ctx);
    if (allocated) values_free(&vs);
    for (size_t k = 0; k < args->len; k++) free_arg(&args->ptr[k]);
    if (args->len) free(args->ptr);
    sqlink_wit_list_u8_free(subtypes);
    return status;
}

int32_t exports_sqlink_extension_aggregate_step(uint32_t id, uint64_t group, uint32_t n_rows, uint32_t width,
                                                exports_sqlink_extension_aggregate_list_arg_t *args, sqlink_wit_list_u8_t *subtypes) {
    return rows(id, group, n_rows, width, args, subtypes, 0);
}

int32_t exports_sqlink_extension_aggregate_inverse(uint32_t id, uint64_t group, uint32_t n_rows, uint32_t width,
                                                   exports_sqlink_extension_aggregate_list_arg_t *args, sqlink_wit_list_u8_t *subtypes) {
    return rows(id, group, n_rows, width, args, subtypes, 1);
}

static void finish(uint32_t id, uint64_t group, int final, exports_sqlink_extension_aggregate_subtyped_outcome_t *ret) {
    sqlink_context ctx;
    context_init(&ctx, NULL);
    const struct entry *e = aggregate_entry(&ctx, id, group);
    if (e) {
        sqlink_final fn = final ? e->item->final : e->item->value;
        if (!final && !fn) sqlink_result_errorf(&ctx, "aggregate %s is not a window function", e->item->name);
        else if (fn) fn(&ctx);
    }
    outcome_of(&ctx, &ret->value);
    ret->subtype = ctx.error ? 0 : (uint8_t)ctx.subtype;
    context_free(&ctx);
    if (final) {
        /* The group is done: drop its state (even one created by FINAL). */
        struct group **slot = group_slot(group);
        struct group *g = *slot;
        if (g) {
            *slot = g->next;
            free(g->state);
            free(g);
        }
    }
}

void exports_sqlink_extension_aggregate_value(uint32_t id, uint64_t group, exports_sqlink_extension_aggregate_subtyped_outcome_t *ret) {
    finish(id, group, 0, ret);
}

void exports_sqlink_extension_aggregate_finalize(uint32_t id, uint64_t group, exports_sqlink_extension_aggregate_subtyped_outcome_t *ret) {
    finish(id, group, 1, ret);
}

#endif /* SQLINK_EXPORT_AGGREGATE */
