/*
 * printf.c: sqlite3_mprintf and friends for the sqlite3ext.h compatibility
 * layer.
 *
 * Extensions build SQL and messages with SQLite's printf, whose formats
 * are C's plus a few of its own: %q (text with ' doubled), %Q (the same
 * in quotes, NULL as NULL), %w (text with " doubled), %z (%s, then the
 * string is freed) and the `!` and `,` flags (dropped). Everything else
 * is handed to the C library's snprintf one conversion at a time, so
 * widths, precisions and lengths behave as C's, with one exception that
 * results depend on: %.Nf rounds as SQLite does (2.675 gives 2.68 at %.2f,
 * where C's exact binary value gives 2.67) and %f and %.Nf keep at most
 * 16 significant digits (2^64 at %f is 18446744073709552000.000000):
 * SQLite's round() and its copies in extensions are built on it, and
 * sqlite-vec's vec_to_json prints with it.
 */
#include "sqlite3.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct out {
    char *p;
    size_t n, cap;
    int failed;
};

static void put(struct out *o, const char *s, size_t n) {
    if (o->failed) return;
    if (o->n + n + 1 > o->cap) {
        size_t cap = o->cap ? o->cap * 2 : 64;
        while (cap < o->n + n + 1) cap *= 2;
        char *p = realloc(o->p, cap);
        if (!p) {
            o->failed = 1;
            return;
        }
        o->p = p;
        o->cap = cap;
    }
    memcpy(o->p + o->n, s, n);
    o->n += n;
    o->p[o->n] = 0;
}

/* S with every QUOTE doubled, wrapped in quotes when WRAP. */
/* S (at most LIMIT bytes of it, LIMIT < 0: all) with QUOTE doubled. */
static void put_escaped(struct out *o, const char *s, long limit, char quote, int wrap) {
    if (wrap) put(o, &quote, 1);
    for (; *s && limit-- != 0; s++) {
        put(o, s, 1);
        if (*s == quote) put(o, s, 1);
    }
    if (wrap) put(o, &quote, 1);
}

/* R at %.PRECf as SQLite's printf (3.40) writes it: it adds half a unit
 * of the last place plus, when few digits are asked for, a nudge of
 * R * 3e-16, then keeps at most 16 significant digits (26 with `!`),
 * truncating. Returns the length, or -1 to let C do it. */
static uint64_t double_bits(double r) {
    uint64_t u;
    memcpy(&u, &r, sizeof u);
    return u;
}

static int sqlite_fixed(char *out, size_t cap, double r, int prec, int alt2) {
    if (!isfinite(r) || prec < 0 || prec > 100) return -1;
    int neg = r < 0;
    long double v = neg ? -(long double)r : (long double)r;
    long double rounder = 0.5L;
    for (int k = 0; k < prec; k++) rounder *= 0.1L;
    int ex = (int)((double_bits(r) >> 52) & 0x7ff) - 1023;
    if (prec + ex / 3 < 15) rounder += v * 3e-16L;
    v += rounder;
    char exact[512];
    int len = snprintf(exact, sizeof exact, "%.*f", prec + 30, (double)v); /* wasi-libc prints no long double */
    if (len < 0 || (size_t)len >= sizeof exact) return -1;
    int significant = 0, nsd = alt2 ? 26 : 16, seen_point = 0, decimals = 0;
    size_t n = 0;
    if (neg) out[n++] = '-';
    for (char *p = exact; *p; p++) {
        if (*p == '.') {
            if (prec == 0) break;
            seen_point = 1;
            out[n++] = '.';
            continue;
        }
        if (seen_point && decimals++ == prec) break;
        char d = *p;
        if (d != '0' || significant) significant++;
        if (significant > nsd) d = '0';
        if (n + 2 >= cap) return -1;
        out[n++] = d;
    }
    out[n] = 0;
    return (int)n;
}

char *sqlite3_vmprintf(const char *format, va_list ap) {
    struct out o = {0};
    put(&o, "", 0);
    for (const char *p = format; *p;) {
        if (*p != '%') {
            const char *q = strchr(p, '%');
            size_t n = q ? (size_t)(q - p) : strlen(p);
            put(&o, p, n);
            p += n;
            continue;
        }
        /* One conversion: %[flags][width][.precision][length]conv. */
        char spec[32];
        size_t k = 0;
        spec[k++] = *p++;
        int alt2 = 0;
        while (*p && strchr("-+ #0!,", *p)) {
            if (*p == '!') alt2 = 1;
            if (*p != '!' && *p != ',' && k < 20) spec[k++] = *p;
            p++;
        }
        int star_w = 0, star_p = 0, w = 0, prec = 0;
        if (*p == '*') star_w = 1, p++;
        while (*p >= '0' && *p <= '9') { if (k < 24) spec[k++] = *p; p++; }
        if (*p == '.') {
            if (k < 25) spec[k++] = *p;
            p++;
            if (*p == '*') star_p = 1, p++;
            while (*p >= '0' && *p <= '9') { if (k < 28) spec[k++] = *p; p++; }
        }
        spec[k] = 0;
        if (star_w) w = va_arg(ap, int);
        if (star_p) prec = va_arg(ap, int);
        int longs = 0;
        while (*p == 'l') longs++, p++;
        char conv = *p ? *p++ : 0;
        char buf[512];
        int n = 0;
        /* Rebuilds the spec with C's lengths, `*` passed through. */
        char cfmt[48];
        size_t c = 0;
        for (size_t i = 0; i < k; i++) {
            cfmt[c++] = spec[i];
            if (i == 0 && star_w) cfmt[c++] = '*';
            if (spec[i] == '.' && star_p) cfmt[c++] = '*';
        }
        if (k == 1 && star_w) { /* handled above */ }
        cfmt[c] = 0;
#define EMIT(...) \
    (star_w && star_p ? snprintf(buf, sizeof buf, cfmt, w, prec, __VA_ARGS__) \
     : star_w         ? snprintf(buf, sizeof buf, cfmt, w, __VA_ARGS__)       \
     : star_p         ? snprintf(buf, sizeof buf, cfmt, prec, __VA_ARGS__)    \
                      : snprintf(buf, sizeof buf, cfmt, __VA_ARGS__))
        switch (conv) {
        case '%': put(&o, "%", 1); break;
        case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': case 'c': {
            char tail[4] = {0};
            if (conv == 'c') longs = 0;
            size_t t = 0;
            for (int l = 0; l < longs && l < 2; l++) tail[t++] = 'l';
            tail[t++] = conv;
            strcat(cfmt, tail);
            if (longs >= 2) n = EMIT(va_arg(ap, long long));
            else if (longs == 1) n = EMIT(va_arg(ap, long));
            else n = EMIT(va_arg(ap, int));
            break;
        }
        case 'f': case 'e': case 'E': case 'g': case 'G': {
            char tail[2] = {conv, 0};
            strcat(cfmt, tail);
            double r = va_arg(ap, double);
            /* Plain %f, %.Nf and %.*f: SQLite's rounding and digits. */
            int plain = conv == 'f' && !star_w && (k == 1 || (k >= 2 && spec[1] == '.'));
            for (size_t i = 2; plain && i < k; i++) plain = spec[i] >= '0' && spec[i] <= '9';
            int places = star_p ? prec : k == 1 ? 6 : plain ? atoi(spec + 2) : 0;
            if (!(plain && (n = sqlite_fixed(buf, sizeof buf, r, places, alt2)) >= 0)) n = EMIT(r);
            break;
        }
        case 'p': {
            strcat(cfmt, "p");
            n = EMIT(va_arg(ap, void *));
            break;
        }
        case 's': case 'z': {
            char *s = va_arg(ap, char *);
            strcat(cfmt, "s");
            if (star_w || star_p || k > 1) {
                /* A width or precision: C's %s, possibly longer than buf. */
                int len = star_w && star_p ? snprintf(NULL, 0, cfmt, w, prec, s ? s : "")
                          : star_w          ? snprintf(NULL, 0, cfmt, w, s ? s : "")
                          : star_p          ? snprintf(NULL, 0, cfmt, prec, s ? s : "")
                                            : snprintf(NULL, 0, cfmt, s ? s : "");
                char *tmp = malloc((size_t)len + 1);
                if (!tmp) { o.failed = 1; break; }
                if (star_w && star_p) snprintf(tmp, (size_t)len + 1, cfmt, w, prec, s ? s : "");
                else if (star_w) snprintf(tmp, (size_t)len + 1, cfmt, w, s ? s : "");
                else if (star_p) snprintf(tmp, (size_t)len + 1, cfmt, prec, s ? s : "");
                else snprintf(tmp, (size_t)len + 1, cfmt, s ? s : "");
                put(&o, tmp, (size_t)len);
                free(tmp);
            } else if (s) {
                put(&o, s, strlen(s));
            }
            if (conv == 'z') free(s);
            break;
        }
        case 'q': case 'Q': case 'w': {
            const char *s = va_arg(ap, const char *);
            if (!s) put(&o, conv == 'Q' ? "NULL" : "(NULL)", conv == 'Q' ? 4 : 6);
            else {
                /* A precision counts the bytes of S used, as SQLite's. */
                const char *dot = strchr(spec, '.');
                long limit = star_p ? prec : dot ? atol(dot + 1) : -1;
                put_escaped(&o, s, limit < 0 ? -1 : limit, conv == 'w' ? '"' : '\'', conv == 'Q');
            }
            break;
        }
        default:
            /* A conversion SQLite's printf reserves for itself (%T, %S,
             * ...): nothing is printed for it. */
            break;
        }
#undef EMIT
        if (n > 0) put(&o, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
    }
    if (o.failed) {
        free(o.p);
        return NULL;
    }
    return o.p;
}

char *sqlite3_mprintf(const char *format, ...) {
    va_list ap;
    va_start(ap, format);
    char *s = sqlite3_vmprintf(format, ap);
    va_end(ap);
    return s;
}

char *sqlite3_vsnprintf(int n, char *buf, const char *format, va_list ap) {
    if (n <= 0) return buf;
    char *s = sqlite3_vmprintf(format, ap);
    if (!s) {
        buf[0] = 0;
        return buf;
    }
    size_t len = strlen(s);
    if (len >= (size_t)n) len = (size_t)n - 1;
    memcpy(buf, s, len);
    buf[len] = 0;
    free(s);
    return buf;
}

char *sqlite3_snprintf(int n, char *buf, const char *format, ...) {
    va_list ap;
    va_start(ap, format);
    sqlite3_vsnprintf(n, buf, format, ap);
    va_end(ap);
    return buf;
}
