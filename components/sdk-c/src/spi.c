/*
 * spi.c: SQL on the calling connection (sqlink_query, sqlink_execute,
 * sqlink_parameter_count) over the `spi` import, in the variant that
 * imports it (compat-spi, linked by `sqlink-cc --spi`). Parameters are lent
 * to the host without a copy; the rows that come back are copied into
 * values the extension owns.
 */
#include "internal.h"

#if SQLINK_IMPORT_SPI

typedef sqlink_extension_spi_sql_error_t spi_error;

static sqlink_wit_string_t borrowed(const char *s) {
    return (sqlink_wit_string_t){(uint8_t *)s, strlen(s)};
}

int sqlink__error_of(sqlink_extension_types_sql_error_t *e, char **error) {
    int code = e->code ? e->code : SQLINK_ERROR;
    if (error) {
        *error = malloc(e->message.len + 1);
        if (*error) {
            if (e->message.len) memcpy(*error, e->message.ptr, e->message.len);
            (*error)[e->message.len] = 0;
        }
    }
    sqlink_extension_types_sql_error_free(e);
    return code;
}

static sqlink_value *value_of(sqlink_extension_spi_value_t *w) {
    switch (w->tag) {
    case SQLINK_EXTENSION_TYPES_VALUE_INTEGER: return sqlink_value_new_int64(w->val.integer);
    case SQLINK_EXTENSION_TYPES_VALUE_REAL: return sqlink_value_new_double(w->val.real);
    case SQLINK_EXTENSION_TYPES_VALUE_TEXT: return sqlink_value_new_text((const char *)w->val.text.ptr, (int)w->val.text.len);
    case SQLINK_EXTENSION_TYPES_VALUE_BLOB: return sqlink_value_new_blob(w->val.blob.ptr, (int)w->val.blob.len);
    default: return sqlink_value_new_null();
    }
}

/* V as a parameter, its bytes lent (the import borrows its arguments). */
static void param_of(sqlink_extension_spi_value_t *w, sqlink_value *v) {
    int type = v ? v->type : SQLINK_NULL;
    switch (type) {
    case SQLINK_INTEGER: w->tag = SQLINK_EXTENSION_TYPES_VALUE_INTEGER, w->val.integer = v->i; break;
    case SQLINK_FLOAT: w->tag = SQLINK_EXTENSION_TYPES_VALUE_REAL, w->val.real = v->r; break;
    case SQLINK_TEXT:
        w->tag = SQLINK_EXTENSION_TYPES_VALUE_TEXT;
        w->val.text = (sqlink_wit_list_u8_t){v->p, (size_t)v->n};
        break;
    case SQLINK_BLOB:
        w->tag = SQLINK_EXTENSION_TYPES_VALUE_BLOB;
        w->val.blob = (sqlink_wit_list_u8_t){v->p, (size_t)v->n};
        break;
    default: w->tag = SQLINK_EXTENSION_TYPES_VALUE_NULL; break;
    }
}

int sqlink_query(const char *sql, int n_params, sqlink_value *const *params, sqlink_rows **rows, char **error) {
    sqlink_wit_string_t s = borrowed(sql);
    sqlink_extension_spi_list_value_t ps = {calloc((size_t)(n_params > 0 ? n_params : 0) + 1, sizeof *ps.ptr), 0};
    if (!ps.ptr) abort();
    for (int k = 0; k < n_params; k++) param_of(&ps.ptr[ps.len++], params[k]);
    sqlink_extension_spi_rows_t ret;
    spi_error err;
    bool ok = sqlink_extension_spi_query(&s, &ps, &ret, &err);
    free(ps.ptr);
    if (!ok) return sqlink__error_of(&err, error);
    sqlink_rows *out = calloc(1, sizeof *out);
    if (!out) abort();
    out->n_columns = (int)ret.columns.len;
    out->n_rows = (int)ret.rows.len;
    out->columns = calloc(ret.columns.len + 1, sizeof *out->columns);
    out->declared_types = calloc(ret.columns.len + 1, sizeof *out->declared_types);
    out->values = calloc(ret.rows.len * ret.columns.len + 1, sizeof *out->values);
    if (!out->columns || !out->declared_types || !out->values) abort();
    for (size_t c = 0; c < ret.columns.len; c++) {
        out->columns[c] = strndup((const char *)ret.columns.ptr[c].ptr, ret.columns.ptr[c].len);
        if (!out->columns[c]) abort();
        if (c < ret.declared_types.len && ret.declared_types.ptr[c].is_some) {
            sqlink_wit_string_t *t = &ret.declared_types.ptr[c].val;
            out->declared_types[c] = strndup((const char *)t->ptr, t->len);
            if (!out->declared_types[c]) abort();
        }
    }
    for (size_t r = 0; r < ret.rows.len; r++) {
        for (size_t c = 0; c < ret.columns.len && c < ret.rows.ptr[r].len; c++) {
            sqlink_value *v = value_of(&ret.rows.ptr[r].ptr[c]);
            if (!v) abort();
            out->values[r * ret.columns.len + c] = v;
        }
    }
    sqlink_extension_spi_rows_free(&ret);
    *rows = out;
    return 0;
}

void sqlink_rows_free(sqlink_rows *rows) {
    if (!rows) return;
    for (int c = 0; c < rows->n_columns; c++) free(rows->columns[c]), free(rows->declared_types[c]);
    for (int k = 0; k < rows->n_rows * rows->n_columns; k++) sqlink_value_free(rows->values[k]);
    free(rows->columns);
    free(rows->declared_types);
    free(rows->values);
    free(rows);
}

int sqlink_execute(const char *sql, char **error) {
    sqlink_wit_string_t s = borrowed(sql);
    sqlink_extension_spi_list_rows_t ret;
    spi_error err;
    if (!sqlink_extension_spi_execute(&s, &ret, &err)) return sqlink__error_of(&err, error);
    sqlink_extension_spi_list_rows_free(&ret);
    return 0;
}

int sqlink_parameter_count(const char *sql, int *count, char **error) {
    sqlink_wit_string_t s = borrowed(sql);
    uint32_t n = 0;
    spi_error err;
    if (!sqlink_extension_spi_parameter_count(&s, &n, &err)) return sqlink__error_of(&err, error);
    *count = (int)n;
    return 0;
}

int sqlink_declare_function(const char *name, int arity, unsigned flags, uint32_t id, char **error) {
    sqlink_wit_string_t s = borrowed(name);
    sqlink_extension_spi_function_body_t body = {.tag = SQLINK_EXTENSION_SPI_FUNCTION_BODY_INVOKE, .val.invoke = id};
    spi_error err;
    if (!sqlink_extension_spi_declare_function(&s, arity, sqlink__wit_flags(flags), &body, &err)) return sqlink__error_of(&err, error);
    return 0;
}

int sqlink_forget_function(const char *name, int arity, char **error) {
    sqlink_wit_string_t s = borrowed(name);
    spi_error err;
    if (!sqlink_extension_spi_forget_function(&s, arity, &err)) return sqlink__error_of(&err, error);
    return 0;
}

#endif /* SQLINK_IMPORT_SPI */
