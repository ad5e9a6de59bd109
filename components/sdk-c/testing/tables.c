/* A fixture for tests/shell/c-sdk-tables.sql: virtual tables written with
 * the C SDK (struct sqlink_module), built by `make c-examples` into
 * dist/test-extensions/c-tables.wasm.
 *
 *   c_series(start, stop[, step])  table-valued (eponymous only): value,
 *       its half (real) and a label (text), with HIDDEN start/stop/step;
 *       best_index takes the arguments as argv positions, and consumes
 *       ORDER BY value (ascending, or descending by scanning backwards)
 *   CREATE VIRTUAL TABLE t USING c_pairs(k=v, ...)  a table of its
 *       arguments as (key, value) rows; an argument without '=' fails
 *       the CREATE with a message.
 *   c_wide  70 columns c0..c69 (eponymous): three rows, column i of row
 *       r holding r * 100 + i, so columns past 63 cross as the contract's
 *       bit 63 asks.
 */
#include "sqlink.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- c_series ----------------------------------------------------------- */

enum { S_VALUE, S_HALF, S_LABEL, S_START, S_STOP, S_STEP };

struct series_cursor {
    int64_t value, stop, step, row;
    int desc;
};

static int series_connect(const sqlink_table_args *args, void **table, char **schema, char **error) {
    *table = NULL;
    *schema = strdup("CREATE TABLE x(value INTEGER, half REAL, label TEXT, start HIDDEN, stop HIDDEN, step HIDDEN)");
    return 0;
}

/* idx_num: bit 0 start, bit 1 stop, bit 2 step given (in that argv
 * order); bit 3: descending. */
static int series_best_index(void *table, sqlink_index_info *info, char **error) {
    int pos[3] = {-1, -1, -1};
    for (int k = 0; k < info->n_constraints; k++) {
        const sqlink_index_constraint *c = &info->constraints[k];
        if (c->column >= S_START && c->op == 2 /* EQ */) {
            if (!c->usable) return 19; /* SQLITE_CONSTRAINT: try another plan */
            pos[c->column - S_START] = k;
        }
    }
    if (pos[0] < 0 || pos[1] < 0) {
        *error = strdup("c_series(start, stop[, step]): start and stop are required");
        return 1;
    }
    int next = 1;
    for (int j = 0; j < 3; j++) {
        if (pos[j] < 0) continue;
        info->usage[pos[j]].argv_index = next++;
        info->usage[pos[j]].omit = 1;
        info->idx_num |= 1 << j;
    }
    if (info->n_order_by == 1 && info->order_by[0].column == S_VALUE) {
        info->order_by_consumed = 1;
        if (info->order_by[0].desc) info->idx_num |= 8;
    }
    info->idx_str = strdup("series");
    info->estimated_cost = 10;
    info->estimated_rows = 100;
    return 0;
}

static void series_disconnect(void *table) {}

static int series_open(void *table, void **cursor, char **error) {
    *cursor = calloc(1, sizeof(struct series_cursor));
    return *cursor ? 0 : 7;
}

static void series_close(void *cursor) { free(cursor); }

static int series_filter(void *cursor, int idx_num, const char *idx_str, int argc, sqlink_value **argv, char **error) {
    struct series_cursor *c = cursor;
    if (!idx_str || strcmp(idx_str, "series") != 0 || argc < 2) {
        *error = strdup("c_series: the plan did not reach filter");
        return 1;
    }
    int64_t start = sqlink_value_int64(argv[0]), stop = sqlink_value_int64(argv[1]);
    int64_t step = argc > 2 ? sqlink_value_int64(argv[2]) : 1;
    if (step <= 0) {
        *error = strdup("c_series(): step must be positive");
        return 1;
    }
    c->desc = (idx_num & 8) != 0;
    c->step = step;
    c->row = 1;
    if (c->desc) {
        /* The last value of the ascending series, then backwards. */
        c->value = stop < start ? start - 1 : start + (stop - start) / step * step;
        c->stop = start;
    } else {
        c->value = start;
        c->stop = stop;
    }
    return 0;
}

static int series_next(void *cursor, char **error) {
    struct series_cursor *c = cursor;
    c->value += c->desc ? -c->step : c->step;
    c->row++;
    return 0;
}

static int series_eof(void *cursor) {
    struct series_cursor *c = cursor;
    return c->desc ? c->value < c->stop : c->value > c->stop;
}

static void series_column(void *cursor, sqlink_context *ctx, int column) {
    struct series_cursor *c = cursor;
    switch (column) {
    case S_VALUE: sqlink_result_int64(ctx, c->value); break;
    case S_HALF: sqlink_result_double(ctx, c->value / 2.0); break;
    case S_LABEL:
        if (c->value == -13) sqlink_result_error(ctx, "c_series: -13 has no label", -1);
        else sqlink_result_textf(ctx, "#%lld of a series long enough to need the heap", (long long)c->value);
        break;
    default: sqlink_result_null(ctx); break;
    }
}

static int series_rowid(void *cursor, int64_t *rowid, char **error) {
    *rowid = ((struct series_cursor *)cursor)->row;
    return 0;
}

static const sqlink_module series = {
    .connect = series_connect,
    .best_index = series_best_index,
    .disconnect = series_disconnect,
    .open = series_open,
    .close = series_close,
    .filter = series_filter,
    .next = series_next,
    .eof = series_eof,
    .column = series_column,
    .rowid = series_rowid,
};

/* ---- c_pairs ------------------------------------------------------------ */

struct pairs {
    int n;
    char **keys, **values;
};

struct pairs_cursor {
    struct pairs *table;
    int row;
};

static void pairs_disconnect(void *table) {
    struct pairs *p = table;
    for (int k = 0; k < p->n; k++) {
        free(p->keys[k]);
        free(p->values[k]);
    }
    free(p->keys);
    free(p->values);
    free(p);
}

static int pairs_connect(const sqlink_table_args *args, void **table, char **schema, char **error) {
    struct pairs *p = calloc(1, sizeof *p);
    if (!p) return 7;
    p->keys = calloc((size_t)args->argc + 1, sizeof *p->keys);
    p->values = calloc((size_t)args->argc + 1, sizeof *p->values);
    for (int k = 0; k < args->argc; k++) {
        const char *a = args->argv[k], *eq = strchr(a, '=');
        if (!eq) {
            if (asprintf(error, "c_pairs: argument '%s' of %s.%s is not KEY=VALUE", a, args->database, args->table) < 0) *error = NULL;
            pairs_disconnect(p);
            return 1;
        }
        p->keys[p->n] = strndup(a, (size_t)(eq - a));
        p->values[p->n++] = strdup(eq + 1);
    }
    *table = p;
    *schema = strdup("CREATE TABLE x(key TEXT, value BLOB)");
    return 0;
}

static int pairs_open(void *table, void **cursor, char **error) {
    struct pairs_cursor *c = calloc(1, sizeof *c);
    if (!c) return 7;
    c->table = table;
    *cursor = c;
    return 0;
}

static int pairs_filter(void *cursor, int idx_num, const char *idx_str, int argc, sqlink_value **argv, char **error) {
    ((struct pairs_cursor *)cursor)->row = 0;
    return 0;
}

static int pairs_next(void *cursor, char **error) {
    ((struct pairs_cursor *)cursor)->row++;
    return 0;
}

static int pairs_eof(void *cursor) {
    struct pairs_cursor *c = cursor;
    return c->row >= c->table->n;
}

static void pairs_column(void *cursor, sqlink_context *ctx, int column) {
    struct pairs_cursor *c = cursor;
    if (column == 0) sqlink_result_text(ctx, c->table->keys[c->row], -1, SQLINK_TRANSIENT);
    else sqlink_result_blob(ctx, c->table->values[c->row], (int)strlen(c->table->values[c->row]), SQLINK_TRANSIENT);
}

static int pairs_rowid(void *cursor, int64_t *rowid, char **error) {
    *rowid = ((struct pairs_cursor *)cursor)->row + 100;
    return 0;
}

static const sqlink_module pairs = {
    .connect = pairs_connect,
    .disconnect = pairs_disconnect,
    .open = pairs_open,
    .close = series_close,
    .filter = pairs_filter,
    .next = pairs_next,
    .eof = pairs_eof,
    .column = pairs_column,
    .rowid = pairs_rowid,
};

/* ---- c_wide ------------------------------------------------------------- */

static int wide_connect(const sqlink_table_args *args, void **table, char **schema, char **error) {
    char *sql = malloc(1024);
    if (!sql) return 7;
    int n = snprintf(sql, 1024, "CREATE TABLE x(");
    for (int k = 0; k < 70; k++) n += snprintf(sql + n, (size_t)(1024 - n), "%sc%d INTEGER", k ? ", " : "", k);
    snprintf(sql + n, (size_t)(1024 - n), ")");
    *table = NULL;
    *schema = sql;
    return 0;
}

static int wide_eof(void *cursor) { return ((struct pairs_cursor *)cursor)->row >= 3; }

static void wide_column(void *cursor, sqlink_context *ctx, int column) {
    sqlink_result_int64(ctx, ((struct pairs_cursor *)cursor)->row * 100 + column);
}

static const sqlink_module wide = {
    .connect = wide_connect,
    .disconnect = series_disconnect,
    .open = pairs_open,
    .close = series_close,
    .filter = pairs_filter,
    .next = pairs_next,
    .eof = wide_eof,
    .column = wide_column,
    .rowid = pairs_rowid,
};

SQLINK_EXTENSION("c_tables", "0.1.0", "Virtual tables written with the C SDK.",
    SQLINK_TABLE("c_series", &series, SQLINK_EPONYMOUS_ONLY, "Integers from start to stop by step."),
    SQLINK_TABLE("c_pairs", &pairs, 0, "A table of KEY=VALUE arguments."),
    SQLINK_TABLE("c_wide", &wide, SQLINK_EPONYMOUS, "A table of 70 columns."));
