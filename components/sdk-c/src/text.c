/*
 * text.c: UTF-8 checks, and numbers as SQLite converts text to them and
 * formats them as text: what values and checked arguments are read with.
 */
#include "internal.h"

/* ---- Text helpers ------------------------------------------------------ */

/* The UTF-8 character at S[I]: returns 1 and its length in *LEN when it
 * is valid, else 0 and in *LEN how many bytes form the invalid sequence
 * (as Rust's from_utf8 reports it: at least one). */
int sqlink__utf8_char(const unsigned char *s, size_t n, size_t i, size_t *len) {
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
long sqlink__utf8_invalid_at(const unsigned char *s, size_t n) {
    size_t i = 0, len;
    while (i < n) {
        if (!sqlink__utf8_char(s, n, i, &len)) return (long)i;
        i += len;
    }
    return -1;
}

/* A real as SQLite converts it to text ("%!.15g"): 15 significant digits,
 * at least one digit after the point, a two-digit exponent at least. */
void sqlink__format_real(char *buf, size_t cap, double x) {
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
int sqlink__parse_number(const char *s, size_t n, int whole, int *integral, int64_t *i, double *r) {
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
int64_t sqlink__real_to_int64(double r) {
    if (isnan(r)) return 0;
    if (r <= -9223372036854775808.0) return INT64_MIN;
    if (r >= 9223372036854775808.0) return INT64_MAX;
    return (int64_t)r;
}
