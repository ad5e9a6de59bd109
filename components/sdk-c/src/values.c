/*
 * values.c: arguments as sqlink_value: short text and blobs read in place
 * (no allocation), long ones in the lists the host sent; sqlink_value_* as
 * SQLite's accessors convert.
 */
#include "internal.h"

/* ---- Values ------------------------------------------------------------ */

void sqlink__value_from_arg(sqlink_value *v, wit_arg *a) {
    v->subtype = 0;
    v->nochange = 0;
    v->in_list = NULL;
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
void sqlink__value_from_wit(sqlink_value *v, sqlink_extension_types_value_t *w, wit_arg *as_arg) {
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
    sqlink__value_from_arg(v, as_arg);
}
#endif

/* Frees the list of a long text or blob argument (short ones are inline). */
void sqlink__free_arg(wit_arg *a) {
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
void sqlink__format_int(char *buf, int64_t i) {
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
const char *sqlink__number_text(sqlink_value *v) {
    if (!v->number[0]) {
        if (v->type == SQLINK_INTEGER) sqlink__format_int(v->number, v->i);
        else sqlink__format_real(v->number, sizeof v->number, v->r);
    }
    return v->number;
}

/* Makes a long text's bytes NUL-terminated (its list grows by one byte). */
int sqlink__terminate(sqlink_value *v) {
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
        return (const unsigned char *)sqlink__number_text(v);
    case SQLINK_TEXT:
    case SQLINK_BLOB:
        return sqlink__terminate(v) ? v->p : NULL;
    default:
        return NULL;
    }
}

const void *sqlink_value_blob(sqlink_value *v) {
    switch (v->type) {
    case SQLINK_INTEGER:
    case SQLINK_FLOAT:
        return sqlink__number_text(v);
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
        return (int)strlen(sqlink__number_text(v));
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

int sqlink_value_numeric_type(sqlink_value *v) {
    if (v->type != SQLINK_TEXT && v->type != SQLINK_BLOB) return v->type;
    if (v->type == SQLINK_BLOB) return SQLINK_BLOB;
    int integral;
    int64_t i;
    double r;
    if (!sqlink__parse_number((const char *)v->p, (size_t)v->n, 1, &integral, &i, &r) || isnan(r)) return SQLINK_TEXT;
    return integral ? SQLINK_INTEGER : SQLINK_FLOAT;
}

int64_t sqlink_value_int64(sqlink_value *v) {
    switch (v->type) {
    case SQLINK_INTEGER:
        return v->i;
    case SQLINK_FLOAT:
        return sqlink__real_to_int64(v->r);
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
        return sqlink__parse_number((const char *)v->p, (size_t)v->n, 0, &integral, &i, &r) ? r : 0.0;
    default:
        return 0.0;
    }
}

/* ---- Values made by the extension -------------------------------------- */

/* One allocation: the value, then its bytes and a NUL. */
static sqlink_value *new_value(int type, const void *z, int n) {
    if (n < 0) n = 0;
    sqlink_value *v = calloc(1, sizeof *v + (size_t)n + 1);
    if (!v) return NULL;
    v->type = type;
    v->p = (unsigned char *)(v + 1);
    if (n) memcpy(v->p, z, (size_t)n);
    v->n = n;
    v->terminated = 1;
    return v;
}

sqlink_value *sqlink_value_new_null(void) { return new_value(SQLINK_NULL, NULL, 0); }

sqlink_value *sqlink_value_new_int64(int64_t i) {
    sqlink_value *v = new_value(SQLINK_INTEGER, NULL, 0);
    if (v) v->i = i;
    return v;
}

sqlink_value *sqlink_value_new_double(double r) {
    sqlink_value *v = new_value(isnan(r) ? SQLINK_NULL : SQLINK_FLOAT, NULL, 0);
    if (v) v->r = r;
    return v;
}

sqlink_value *sqlink_value_new_text(const char *z, int n) {
    return new_value(SQLINK_TEXT, z, n < 0 ? (int)strlen(z) : n);
}

sqlink_value *sqlink_value_new_blob(const void *z, int n) { return new_value(SQLINK_BLOB, z, n); }

sqlink_value *sqlink_value_dup(sqlink_value *v) {
    if (!v) return NULL;
    int text = v->type == SQLINK_TEXT || v->type == SQLINK_BLOB;
    sqlink_value *d = new_value(v->type, text ? v->p : NULL, text ? v->n : 0);
    if (!d) return NULL;
    d->i = v->i;
    d->r = v->r;
    d->subtype = v->subtype;
    return d;
}

void sqlink_value_free(sqlink_value *v) { free(v); }
