/*
 * sqlink.h: write sqlink extensions in C.
 *
 * An extension is one .wasm component implementing sqlink:extension@0.2.0.
 * This header and the files of src/ implement the contract (the manifest, scalar
 * calls with short values inline, long results and error messages handed
 * over through `overflow`, aggregates and window functions, collations,
 * virtual tables whose rows cross in batches, writable ones, and with
 * `sqlink-cc --spi` SQL on the calling connection) over the C
 * bindings wit-bindgen generates; an extension only lists what it provides
 * and is built with sqlink-cc (`sqlink-cc -o ext.wasm ext.c`):
 *
 *     #include "sqlink.h"
 *
 *     static void hello(sqlink_context *ctx, int argc, sqlink_value **argv) {
 *         const char *name;
 *         if (!sqlink_arg_text(ctx, argv, 0, &name, NULL)) return;
 *         sqlink_result_textf(ctx, "Hello, %s!", name);
 *     }
 *
 *     SQLINK_EXTENSION("hello", "0.1.0", "Greetings.",
 *         SQLINK_FUNCTION("hello", 1, SQLINK_DETERMINISTIC, hello, "Greets someone."));
 *
 * The names follow SQLite's C API (sqlite3_value_text becomes
 * sqlink_value_text, sqlite3_result_error sqlink_result_error, ...), with
 * one rule of the Rust SDK on top, the NULL rule: unless an item is flagged
 * SQLINK_NULLS, a call with a NULL argument returns NULL without running
 * the function, and an aggregate skips the row.
 *
 * Values live for the duration of the call that received them: copy what
 * must outlive it. An extension runs in one thread.
 */
#ifndef SQLINK_H
#define SQLINK_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The contract this SDK implements. */
#define SQLINK_CONTRACT "sqlink:extension@0.2.0"

/* Storage classes, as sqlite3_value_type returns them. */
#define SQLINK_INTEGER 1
#define SQLINK_FLOAT 2
#define SQLINK_TEXT 3
#define SQLINK_BLOB 4
#define SQLINK_NULL 5

/* SQLite result codes an extension commonly raises. */
#define SQLINK_ERROR 1
#define SQLINK_NOMEM 7
#define SQLINK_TOOBIG 18
#define SQLINK_CONSTRAINT 19
#define SQLINK_MISMATCH 20
#define SQLINK_RANGE 25

/* Flags of a function or aggregate. The first five are SQLite's flags of
 * the same names and are registered exactly as given. */
#define SQLINK_DETERMINISTIC 0x01u  /* same arguments, same result */
#define SQLINK_DIRECTONLY 0x02u     /* never from views, triggers, indexes */
#define SQLINK_INNOCUOUS 0x04u      /* harmless in an untrusted schema */
#define SQLINK_SUBTYPE 0x08u        /* reads sqlink_value_subtype() */
#define SQLINK_RESULT_SUBTYPE 0x10u /* sets sqlink_result_subtype() */
/* The SDK's own: the function (or aggregate step) receives NULL arguments
 * instead of the NULL rule answering for it. */
#define SQLINK_NULLS 0x100u

/* Destructors of sqlink_result_text and sqlink_result_blob, as SQLite's:
 * STATIC bytes outlive the call, TRANSIENT ones are copied; any other
 * function is called once the SDK is done with the bytes (pass `free` for
 * bytes from malloc: a long result is then handed over without a copy). */
typedef void (*sqlink_destructor_type)(void *);
#define SQLINK_STATIC ((sqlink_destructor_type)0)
#define SQLINK_TRANSIENT ((sqlink_destructor_type)-1)

typedef struct sqlink_value sqlink_value;
typedef struct sqlink_context sqlink_context;

/* A scalar function, or an aggregate's step or inverse: `argc` arguments
 * in `argv`. It sets its result with sqlink_result_*; none is NULL. */
typedef void (*sqlink_function)(sqlink_context *ctx, int argc, sqlink_value **argv);
/* An aggregate's final or (for window functions) current value. */
typedef void (*sqlink_final)(sqlink_context *ctx);

/* A collation: orders the N1 bytes at A and the N2 bytes at B (UTF-8 as
 * stored) as SQLite's xCompare does: negative, zero or positive. */
typedef int (*sqlink_compare)(void *user_data, int n1, const void *a, int n2, const void *b);

/* One entry of SQLINK_EXTENSION. Use the macros below to write them. */
typedef struct sqlink_item {
    int kind; /* SQLINK_ITEM_FUNCTION or SQLINK_ITEM_AGGREGATE */
    const char *name;
    int min_args, max_args; /* both -1: any number of arguments */
    unsigned flags;
    sqlink_function call;  /* the function, or the aggregate's step */
    sqlink_final final;    /* aggregate: the final value */
    sqlink_final value;    /* window function: the current value */
    sqlink_function inverse; /* window function: removes the oldest row */
    const char *description;
    const char *uses; /* which SDK variant the item needs (see below) */
    void *user_data; /* sqlink_user_data() in its calls (the macros: NULL) */
    sqlink_compare compare; /* collation: orders two texts */
    const struct sqlink_module *module; /* virtual table: its callbacks */
} sqlink_item;

#define SQLINK_ITEM_FUNCTION 1
#define SQLINK_ITEM_AGGREGATE 2
#define SQLINK_ITEM_COLLATION 3
#define SQLINK_ITEM_TABLE 4

/* An extension exports only the interfaces it implements: the SDK comes in
 * variants that export `scalar`, `aggregate` or both, and each item refers
 * to the symbol of what it needs, so sqlink-cc links the right variant (and
 * a link against the wrong one fails naming the symbol). */
extern const char sqlink__uses_functions[], sqlink__uses_aggregates[], sqlink__uses_collations[], sqlink__uses_tables[];

/* A scalar function of NARGS arguments (-1: any number). */
#define SQLINK_FUNCTION(NAME, NARGS, FLAGS, FN, DESCRIPTION) \
    {SQLINK_ITEM_FUNCTION, (NAME), (NARGS), (NARGS), (FLAGS), (FN), 0, 0, 0, (DESCRIPTION), sqlink__uses_functions, 0, 0, 0}
/* A scalar function of MIN to MAX arguments (trailing ones optional: argc
 * says how many came). SQLite sees one function per count. */
#define SQLINK_FUNCTION_ARGS(NAME, MIN, MAX, FLAGS, FN, DESCRIPTION) \
    {SQLINK_ITEM_FUNCTION, (NAME), (MIN), (MAX), (FLAGS), (FN), 0, 0, 0, (DESCRIPTION), sqlink__uses_functions, 0, 0, 0}
/* An aggregate: STEP for each row, FINAL for the result (also for a group
 * with no rows). Its state is sqlink_aggregate_context(). */
#define SQLINK_AGGREGATE(NAME, NARGS, FLAGS, STEP, FINAL, DESCRIPTION) \
    {SQLINK_ITEM_AGGREGATE, (NAME), (NARGS), (NARGS), (FLAGS), (STEP), (FINAL), 0, 0, (DESCRIPTION), sqlink__uses_aggregates, 0, 0, 0}
/* An aggregate usable as a window function: VALUE gives the current value
 * and INVERSE removes the oldest row of the window. */
#define SQLINK_WINDOW(NAME, NARGS, FLAGS, STEP, FINAL, VALUE, INVERSE, DESCRIPTION) \
    {SQLINK_ITEM_AGGREGATE, (NAME), (NARGS), (NARGS), (FLAGS), (STEP), (FINAL), (VALUE), (INVERSE), (DESCRIPTION), sqlink__uses_aggregates, 0, 0, 0}

/* A collating sequence (COLLATE NAME), ordered by COMPARE, which receives
 * USER_DATA. The component then also exports `collation` and `lifecycle`
 * (the SDK's `compat` variant). */
#define SQLINK_COLLATION(NAME, COMPARE, USER_DATA) \
    {SQLINK_ITEM_COLLATION, (NAME), 0, 0, 0, 0, 0, 0, 0, "", sqlink__uses_collations, (USER_DATA), (COMPARE), 0}

/* A virtual table module NAME served by MODULE (a struct sqlink_module,
 * see "Virtual tables" below). FLAGS: SQLINK_EPONYMOUS (also usable as
 * a table-valued function, `select * from NAME(args)`, without CREATE
 * VIRTUAL TABLE) or SQLINK_EPONYMOUS_ONLY (only that way), or 0 (only
 * CREATE VIRTUAL TABLE). The component then also exports `vtab` (the
 * SDK's `compat` variant). */
#define SQLINK_TABLE(NAME, MODULE, FLAGS, DESCRIPTION) \
    {SQLINK_ITEM_TABLE, (NAME), 0, 0, (FLAGS), 0, 0, 0, 0, (DESCRIPTION), sqlink__uses_tables, 0, 0, (MODULE)}
/* The same, with USER_DATA in sqlink_table_args.user_data. */
#define SQLINK_TABLE_DATA(NAME, MODULE, FLAGS, DESCRIPTION, USER_DATA) \
    {SQLINK_ITEM_TABLE, (NAME), 0, 0, (FLAGS), 0, 0, 0, 0, (DESCRIPTION), sqlink__uses_tables, (USER_DATA), 0, (MODULE)}
#define SQLINK_EPONYMOUS 0x200u
#define SQLINK_EPONYMOUS_ONLY 0x400u

typedef struct sqlink_extension {
    const char *name;
    const char *version;
    const char *description;
    const sqlink_item *items;
    int n_items;
} sqlink_extension;

/* Declares the extension: its name (also its prefix for qualified names,
 * NAME__function), version, description and items. Exactly one source file
 * of an extension uses it (a link error about `sqlink__extension` means
 * none did, or two). */
#define SQLINK_EXTENSION(NAME, VERSION, DESCRIPTION, ...)                      \
    static const sqlink_item sqlink__items[] = {__VA_ARGS__};                  \
    const sqlink_extension sqlink__extension = {(NAME), (VERSION), (DESCRIPTION), \
        sqlink__items, (int)(sizeof sqlink__items / sizeof sqlink__items[0])}

/* ---- Arguments, with SQLite's conversions ---------------------------- */

/* SQLINK_INTEGER, SQLINK_FLOAT, SQLINK_TEXT, SQLINK_BLOB or SQLINK_NULL. */
int sqlink_value_type(sqlink_value *v);
/* As SQLite converts: reals truncate (saturating); text and blobs give the
 * integer their leading digits spell ('12abc' is 12, '1.5e3' is 1, none
 * is 0); NULL is 0. */
int64_t sqlink_value_int64(sqlink_value *v);
/* As SQLite converts: text and blobs give their leading number ('1.5e3x'
 * is 1500.0, none is 0.0); NULL is 0.0. */
double sqlink_value_double(sqlink_value *v);
/* The bytes of text (or a blob), NUL-terminated, valid UTF-8 or not;
 * numbers as SQLite formats them (2.0, 1.0e+20); NULL for NULL. */
const unsigned char *sqlink_value_text(sqlink_value *v);
/* The bytes of a blob (or text; numbers as text); NULL for NULL or empty. */
const void *sqlink_value_blob(sqlink_value *v);
/* The length in bytes of what sqlink_value_text/blob return. */
int sqlink_value_bytes(sqlink_value *v);
/* As sqlite3_value_numeric_type: the type text holding a number (all of
 * it, but whitespace) would have as a number; otherwise the type. */
int sqlink_value_numeric_type(sqlink_value *v);
/* The SQLite subtype (0 for none); only functions flagged SQLINK_SUBTYPE
 * receive subtypes (a table's filter and update always do). */
unsigned sqlink_value_subtype(sqlink_value *v);

/* Checked conversions, in the Rust SDK's terms: on success they store the
 * value and return 1; otherwise they set an SQLINK_MISMATCH error naming the
 * function and argument (e.g. "f(): argument 2 must be an integer, got text
 * 'abc'") and return 0, and the function should return.
 *   int64:  integers; reals (truncated); text holding a number
 *   double: integers, reals, text holding a number
 *   text:   text and blobs holding valid UTF-8; numbers as SQLite formats
 *           them; *out is NUL-terminated; len may be NULL
 *   bytes:  text and blobs as their bytes (any bytes); numbers as text
 * NULL is an error too ("argument 1 is NULL"): only items flagged
 * SQLINK_NULLS see one. */
int sqlink_arg_int64(sqlink_context *ctx, sqlink_value **argv, int i, int64_t *out);
int sqlink_arg_double(sqlink_context *ctx, sqlink_value **argv, int i, double *out);
int sqlink_arg_text(sqlink_context *ctx, sqlink_value **argv, int i, const char **out, int *len);
int sqlink_arg_bytes(sqlink_context *ctx, sqlink_value **argv, int i, const void **out, int *len);

/* ---- Results ---------------------------------------------------------- */

/* The result is NULL unless one of these sets it; the last one wins,
 * except that an error stays an error. */
void sqlink_result_null(sqlink_context *ctx);
void sqlink_result_int64(sqlink_context *ctx, int64_t value);
/* NaN is NULL, as in SQLite. */
void sqlink_result_double(sqlink_context *ctx, double value);
/* N bytes of Z (N < 0: up to the NUL); see SQLINK_STATIC/TRANSIENT. */
void sqlink_result_text(sqlink_context *ctx, const char *z, int n, sqlink_destructor_type destructor);
void sqlink_result_blob(sqlink_context *ctx, const void *z, int n, sqlink_destructor_type destructor);
/* Text formatted as by printf. */
void sqlink_result_textf(sqlink_context *ctx, const char *format, ...)
    __attribute__((format(printf, 2, 3)));
/* A copy of an argument. */
void sqlink_result_value(sqlink_context *ctx, sqlink_value *v);
/* The result's subtype (items flagged SQLINK_RESULT_SUBTYPE). */
void sqlink_result_subtype(sqlink_context *ctx, unsigned subtype);

/* An error raised into SQL: the host shows "EXTENSION: MESSAGE". The code
 * is SQLINK_ERROR unless sqlink_result_error_code sets another. */
void sqlink_result_error(sqlink_context *ctx, const char *message, int n);
void sqlink_result_errorf(sqlink_context *ctx, const char *format, ...)
    __attribute__((format(printf, 2, 3)));
void sqlink_result_error_code(sqlink_context *ctx, int code);
void sqlink_result_error_nomem(sqlink_context *ctx);

/* The user_data of the item being called (NULL for the macros' items). */
void *sqlink_user_data(sqlink_context *ctx);

/* The SQL name of the function being called (for messages). */
const char *sqlink_function_name(sqlink_context *ctx);

/* ---- Aggregates ------------------------------------------------------- */

/* The state of the running group: N zeroed bytes on first use, the same
 * memory on every later call for the group, freed after FINAL returns
 * (free what it points to yourself). With N <= 0 it allocates nothing
 * and returns NULL if the group has no state yet. */
void *sqlink_aggregate_context(sqlink_context *ctx, int n);

/* ---- Virtual tables ---------------------------------------------------- */

/* Where a table is being connected or created. */
typedef struct sqlink_table_args {
    const char *database; /* "main", "temp" or an attached name */
    const char *table;    /* the table's name (the module's when eponymous) */
    int argc;             /* the arguments of USING module(...) */
    const char *const *argv;
    void *user_data;      /* the item's (SQLINK_TABLE_DATA) */
} sqlink_table_args;

/* A WHERE constraint SQLite offers: column (-1: the rowid), SQLite's
 * SQLITE_INDEX_CONSTRAINT_* op (2 EQ, 4 GT, 8 LE, 16 LT, 32 GE, 64 MATCH,
 * 73 LIMIT, 74 OFFSET, ...), its right-hand side when SQLite knows it
 * already (else NULL), and in_list: an EQ standing for `col IN (...)`,
 * whose values the plan may take in one scan (sqlite3_vtab_in). */
typedef struct sqlink_index_constraint {
    int column;
    int op;
    int usable;
    sqlink_value *rhs;
    int in_list;
} sqlink_index_constraint;

typedef struct sqlink_index_order {
    int column;
    int desc;
} sqlink_index_order;

/* best_index's question (read-only fields) and answer (the rest, zeroed
 * but estimated_cost 1e6 and estimated_rows 25 on entry), as
 * sqlite3_index_info: usage[i].argv_index = N passes constraint i's value
 * as filter's argv[N - 1]; omit: SQLite need not check it again;
 * all_at_once (on an in_list constraint that is passed): filter's argv[N -
 * 1] holds all the IN list's values, read with sqlink_value_in_first and
 * _next, instead of one scan per value. */
typedef struct sqlink_index_info {
    int n_constraints;
    const sqlink_index_constraint *constraints;
    int n_order_by;
    const sqlink_index_order *order_by;
    uint64_t columns_used; /* bit N: column N (bit 63: 63 and later) */
    int distinct;          /* sqlite3_vtab_distinct() */
    struct sqlink_constraint_use {
        int argv_index;
        int omit;
        int all_at_once;
    } *usage; /* n_constraints entries */
    int idx_num;
    char *idx_str; /* from malloc: the SDK frees it */
    int order_by_consumed;
    double estimated_cost;
    int64_t estimated_rows;
    int unique;
} sqlink_index_info;

/* A module: SQLite's callbacks, with plain pointers as handles. A failing
 * callback returns a SQLite result code (0 is success) and may set
 * *error to a message from malloc (the SDK frees it). The SDK calls
 * filter, then eof, rowid, column and next row after row, and hands the
 * rows to the host in batches (its `row-batch`): an author never sees
 * them. Column values are set on CTX with sqlink_result_* (an error set
 * there fails the scan). Optional (NULL): create (then connect), destroy
 * (then disconnect), best_index (then a full scan with cost 1e6). */
typedef struct sqlink_module {
    /* Sets *table and *schema: a CREATE TABLE statement from malloc
     * declaring the columns (HIDDEN ones take table-valued arguments). */
    int (*connect)(const sqlink_table_args *args, void **table, char **schema, char **error);
    int (*create)(const sqlink_table_args *args, void **table, char **schema, char **error);
    int (*best_index)(void *table, sqlink_index_info *info, char **error);
    void (*disconnect)(void *table);
    int (*destroy)(void *table, char **error);
    int (*open)(void *table, void **cursor, char **error);
    void (*close)(void *cursor);
    /* argv holds the constraints' values best_index asked for, in order,
     * with their subtypes; they live until filter returns (copy what must
     * outlive it). */
    int (*filter)(void *cursor, int idx_num, const char *idx_str, int argc, sqlink_value **argv, char **error);
    int (*next)(void *cursor, char **error);
    int (*eof)(void *cursor);
    void (*column)(void *cursor, sqlink_context *ctx, int column);
    int (*rowid)(void *cursor, int64_t *rowid, char **error);
    /* Writable tables (optional: without update, the table is read-only).
     * update receives SQLite's xUpdate arguments: argc 1, argv[0] the
     * rowid to delete; otherwise argv[0] the old rowid (NULL: an insert),
     * argv[1] the new one (NULL: the module picks it, setting *rowid),
     * then every column's value, with its subtype. In an UPDATE, the
     * columns the statement does not set hold the row's current values
     * and sqlink_value_nochange() says so; sqlink_vtab_on_conflict() gives
     * the statement's ON CONFLICT mode. */
    int (*update)(void *table, int argc, sqlink_value **argv, int64_t *rowid, char **error);
    int (*begin)(void *table, char **error);
    int (*sync)(void *table, char **error);
    int (*commit)(void *table, char **error);
    int (*rollback)(void *table, char **error);
    int (*rename)(void *table, const char *new_name, char **error);
    /* The suffixes of the shadow tables each table keeps (table t keeps
     * t_SUFFIX, as xShadowName says), NULL-terminated; NULL for none. */
    const char *const *shadow_tables;
} sqlink_module;

/* Inside a module's update: the statement's ON CONFLICT mode, as SQLite
 * numbers them (sqlite3_vtab_on_conflict): 1 ROLLBACK, 2 IGNORE, 3 FAIL,
 * 4 ABORT (the default), 5 REPLACE; 0 outside an update. */
int sqlink_vtab_on_conflict(void);
/* Inside a module's update: whether column value V is one the UPDATE
 * leaves as it is (sqlite3_value_nochange); V then holds the row's
 * current value. */
int sqlink_value_nochange(sqlink_value *v);
/* Inside a module's filter: the values of an argument taken all_at_once
 * (sqlite3_vtab_in_first/_next): *out is the first or next value (valid
 * until filter returns); 0 when there is one, 101 (SQLITE_DONE) at the
 * end, 1 (SQLITE_ERROR) when V is not such an argument. */
int sqlink_value_in_first(sqlink_value *v, sqlink_value **out);
int sqlink_value_in_next(sqlink_value *v, sqlink_value **out);

/* ---- Values made by the extension ------------------------------------- */

/* New values, as sqlite3_value_dup makes them: owned by the caller, freed
 * with sqlink_value_free (which accepts NULL). They return NULL when out of
 * memory. Text and blob bytes are copied. */
sqlink_value *sqlink_value_new_null(void);
sqlink_value *sqlink_value_new_int64(int64_t i);
sqlink_value *sqlink_value_new_double(double r);
sqlink_value *sqlink_value_new_text(const char *z, int n); /* n < 0: up to the NUL */
sqlink_value *sqlink_value_new_blob(const void *z, int n);
sqlink_value *sqlink_value_dup(sqlink_value *v);
void sqlink_value_free(sqlink_value *v);

/* ---- SQL on the calling connection (spi) ------------------------------ */

/* Only in extensions built with `sqlink-cc --spi`: the component then
 * imports `spi`, its manifest declares the capability, and it loads only
 * with `--grant spi`. SQL runs on the connection that called the
 * extension and sees what the caller sees (uncommitted writes, temp
 * tables). */

/* The rows of one statement, all of them: value (r, c) is
 * values[r * n_columns + c]. declared_types[c] is column c's declared type
 * (sqlite3_column_decltype: the CREATE TABLE type of a column read from a
 * table), NULL for an expression. */
typedef struct sqlink_rows {
    int n_columns;
    char **columns;
    char **declared_types;
    int n_rows;
    sqlink_value **values;
} sqlink_rows;

/* Runs one statement with PARAMS bound in order (N_PARAMS of them, NULL
 * entries binding NULL). On success returns 0 and sets *rows (free with
 * sqlink_rows_free); otherwise returns SQLite's result code and sets
 * *error to a message from malloc. */
int sqlink_query(const char *sql, int n_params, sqlink_value *const *params, sqlink_rows **rows, char **error);
void sqlink_rows_free(sqlink_rows *rows);
/* Runs every statement of SQL, discarding rows; 0 or a code and *error. */
int sqlink_execute(const char *sql, char **error);
/* Compiles one statement without running it: its parameter count. */
int sqlink_parameter_count(const char *sql, int *count, char **error);
/* Registers scalar function NAME of ARITY arguments (-1: any) with FLAGS
 * (SQLINK_DETERMINISTIC...) on the calling connection, at run time; its
 * calls reach scalar.invoke with ID, which must be past the manifest's
 * functions (the compatibility layer dispatches them). 0, or a code and
 * *error. sqlink_forget_function removes such a function. */
int sqlink_declare_function(const char *name, int arity, unsigned flags, uint32_t id, char **error);
int sqlink_forget_function(const char *name, int arity, char **error);

/* ---- Incremental I/O on a table's values (blob) ----------------------- */

/* Also only with `sqlink-cc --spi` (the `blob` import, under the same
 * grant): part of a large text or blob of the calling connection's tables
 * read or overwritten in place, as sqlite3_blob_read and _write do,
 * without copying the whole value through SQL. Each call opens the value
 * and closes it again. Each returns 0, or SQLite's result code and sets
 * *error to a message from malloc (as sqlite3_blob_open words it: "no such
 * rowid: 7", "cannot open value of type null"...). */

/* Where a value is: database ("main", "temp" or an attached name), table,
 * column and rowid. */
typedef struct sqlink_blob_at {
    const char *database;
    const char *table;
    const char *column;
    int64_t rowid;
} sqlink_blob_at;

/* The size in bytes of the text or blob AT, into *size. */
int sqlink_blob_size(const sqlink_blob_at *at, int *size, char **error);
/* N bytes of the value AT from OFFSET, into OUT. */
int sqlink_blob_read(const sqlink_blob_at *at, void *out, int n, int offset, char **error);
/* Overwrites N bytes of the value AT from OFFSET with IN; the value's size
 * does not change (writing past its end fails). */
int sqlink_blob_write(const sqlink_blob_at *at, const void *in, int n, int offset, char **error);

#ifdef __cplusplus
}
#endif

#endif /* SQLINK_H */
