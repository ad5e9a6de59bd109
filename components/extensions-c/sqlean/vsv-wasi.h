/*
 * vsv-wasi.h: strtold() for sqlean's vsv in WASI. `make c-sqlean` compiles
 * sqlean-vsv.c unchanged with `-include` of this file.
 *
 * wasi-libc's libc.a (Rust's wasm32-wasip2 one, which sqlink-cc links)
 * leaves long double out of its number formatting and scanning, and its
 * strtold() traps. vsv's affinity=numeric reads a number with strtold()
 * to tell whether it is integral; here it reads it as a double, widened:
 * numbers are exact to 53 bits (vsv's own comments expect platforms whose
 * long double is a double), so an integral value past 2^53 written with a
 * decimal point (9007199254740993.0) comes out as the nearest double's
 * integer.
 */
#include <stdlib.h>

#define strtold(s, end) ((long double)strtod((s), (end)))
