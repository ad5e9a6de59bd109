/*
 * internal.h: what the C SDK's files share (not for extensions: they
 * include sqlink.h). The SDK implements sqlink:extension@0.2.0 over the C
 * bindings wit-bindgen generates (sqlink_wit.h, at build time) the way the
 * Rust SDK does (components/sdk/src/abi.rs), one concern per file:
 *
 *   manifest.c   manifest.describe: the items, one entry per arity
 *   text.c       UTF-8 checks and numbers as SQLite converts and formats them
 *   values.c     arguments as sqlink_value, read as SQLite's accessors do
 *   results.c    sqlink_result_*, and outcomes with overflow.take
 *   arguments.c  the checked conversions (sqlink_arg_*) and argument arrays
 *   scalar.c     scalar.invoke*: calls, with the NULL rule
 *   aggregate.c  aggregate.*: batches of rows, state per group
 *   collation.c  collation.compare, and lifecycle.attach (the compat variant)
 *   vtab.c       vtab.*: modules, plans, and scans filled into row batches
 *   spi.c        sqlink_query and friends over the `spi` import (compat-spi)
 *
 * Shared names start with sqlink__, so they never meet an extension's.
 */
#ifndef SQLINK_INTERNAL_H
#define SQLINK_INTERNAL_H

#include "sqlink.h"
#include "sqlink_wit.h"

#include <errno.h>
#include <stdarg.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef sqlink_extension_types_arg_t wit_arg;
typedef sqlink_extension_types_outcome_t wit_outcome;
typedef sqlink_extension_types_short_bytes_t wit_short;

/* Defined by the extension's SQLINK_EXTENSION; or, for an extension
 * whose items are known only once code runs (the sqlite3ext.h
 * compatibility layer, compat/), by sqlink__dynamic_extension. */
extern const sqlink_extension sqlink__extension __attribute__((weak));
extern const sqlink_extension *sqlink__dynamic_extension(void) __attribute__((weak));
/* The compatibility layer's functions declared at run time (spi's
 * declare-function with an invoke body, ids past the manifest's): the item
 * behind ID, or NULL. And its part of lifecycle.attach: 0, or a code with
 * *error (from malloc). */
extern const sqlink_item *sqlink__declared_function(uint32_t id) __attribute__((weak));
extern int sqlink__attach(char **error) __attribute__((weak));

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
#ifndef SQLINK_EXPORT_COMPAT
#define SQLINK_EXPORT_COMPAT 0
#endif
/* The compat-spi variant also imports `spi` (spi.c). */
#ifndef SQLINK_IMPORT_SPI
#define SQLINK_IMPORT_SPI 0
#endif
struct sqlink_value {
    int type;
    unsigned subtype;
    int nochange; /* a column an UPDATE of a table leaves as it is */
    struct in_list *in_list; /* filter's argument taken all at once, or NULL */
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

struct entry {
    const sqlink_item *item;
    int arity; /* -1: any number (at least item->min_args) */
};

extern struct entry *sqlink__functions, *sqlink__aggregates, *sqlink__collations, *sqlink__tables;
extern uint32_t sqlink__n_functions, sqlink__n_aggregates, sqlink__n_collations, sqlink__n_tables;

/* Values and argv for N arguments, on the stack when few. */
struct values {
    sqlink_value few[4];
    sqlink_value *few_argv[4];
    sqlink_value *values;
    sqlink_value **argv;
};

void sqlink__set_errorf(sqlink_context *ctx, int code, const char *format, ...) __attribute__((format(printf, 3, 4)));
void sqlink__set_verrorf(sqlink_context *ctx, int code, const char *format, va_list ap);
int sqlink__any_null(int argc, sqlink_value **argv);
int sqlink__values_alloc(struct values *vs, size_t n);
void sqlink__values_free(struct values *vs);
const sqlink_extension *sqlink__the_extension(void);
/* An item's SQLINK_* flags as the contract's function-flags (the manifest's,
 * and spi.declare-function's, which is the same type). */
sqlink_extension_types_function_flags_t sqlink__wit_flags(unsigned flags);
void sqlink__build(void);
void sqlink__leave(uint8_t *p, size_t n);
void sqlink__context_init(sqlink_context *ctx, const sqlink_item *item);
void sqlink__clear_result(sqlink_context *ctx);
void sqlink__context_free(sqlink_context *ctx);
void sqlink__set_error(sqlink_context *ctx, int code, const char *message, size_t n);
char *sqlink__vformat(const char *format, va_list ap, int *n);
void sqlink__outcome_of(sqlink_context *ctx, wit_outcome *out);
int sqlink__utf8_char(const unsigned char *s, size_t n, size_t i, size_t *len);
long sqlink__utf8_invalid_at(const unsigned char *s, size_t n);
void sqlink__format_real(char *buf, size_t cap, double x);
int sqlink__parse_number(const char *s, size_t n, int whole, int *integral, int64_t *i, double *r);
int64_t sqlink__real_to_int64(double r);
void sqlink__value_from_arg(sqlink_value *v, wit_arg *a);
void sqlink__value_from_wit(sqlink_value *v, sqlink_extension_types_value_t *w, wit_arg *as_arg);
void sqlink__free_arg(wit_arg *a);
void sqlink__format_int(char *buf, int64_t i);
const char *sqlink__number_text(sqlink_value *v);
int sqlink__terminate(sqlink_value *v);
/* A host's sql-error as a code and a message from malloc (freeing it). */
int sqlink__error_of(sqlink_extension_types_sql_error_t *e, char **error);

#endif /* SQLINK_INTERNAL_H */
