/*
 * blob.c: incremental I/O on a table's values (sqlink_blob_size, _read,
 * _write) over the `blob` import, in the variant that imports it
 * (compat-spi, linked by `sqlink-cc --spi`).
 *
 * A read lands in the caller's buffer without a copy: the host hands the
 * bytes back as a list, for which the canonical ABI asks cabi_realloc for
 * exactly that many bytes; this file's cabi_realloc (replacing the weak
 * one wit-bindgen generates) answers that one request with the buffer
 * sqlink_blob_read is filling. Anything else is allocated as usual.
 */
#include "internal.h"

#if SQLINK_IMPORT_SPI

/* The buffer the next list of exactly `landing_n` bytes goes to (NULL:
 * none expected). */
static void *landing;
static size_t landing_n;

__attribute__((__export_name__("cabi_realloc")))
void *cabi_realloc(void *ptr, size_t old_size, size_t align, size_t new_size) {
    (void)old_size;
    if (landing && !ptr && align == 1 && new_size == landing_n) {
        void *to = landing;
        landing = NULL;
        return to;
    }
    if (new_size == 0) return (void *)align;
    void *ret = realloc(ptr, new_size);
    if (!ret) abort();
    return ret;
}

static sqlink_wit_string_t borrowed(const char *s) {
    return (sqlink_wit_string_t){(uint8_t *)s, s ? strlen(s) : 0};
}

static sqlink_extension_blob_location_t location(const sqlink_blob_at *at) {
    return (sqlink_extension_blob_location_t){
        .database = borrowed(at->database ? at->database : "main"),
        .table = borrowed(at->table),
        .column = borrowed(at->column),
        .rowid = at->rowid,
    };
}

/* Offsets and sizes the contract cannot carry fail as SQLite's do. */
static int out_of_range(int n, int offset, char **error) {
    if (n >= 0 && offset >= 0) return 0;
    if (error) *error = strdup("a negative offset or size");
    return SQLINK_ERROR;
}

int sqlink_blob_size(const sqlink_blob_at *at, int *size, char **error) {
    sqlink_extension_blob_location_t where = location(at);
    uint32_t n = 0;
    sqlink_extension_blob_sql_error_t err;
    if (!sqlink_extension_blob_size(&where, &n, &err)) return sqlink__error_of(&err, error);
    *size = (int)n;
    return 0;
}

int sqlink_blob_read(const sqlink_blob_at *at, void *out, int n, int offset, char **error) {
    int rc = out_of_range(n, offset, error);
    if (rc || n == 0) return rc;
    sqlink_extension_blob_location_t where = location(at);
    sqlink_wit_list_u8_t got = {0};
    sqlink_extension_blob_sql_error_t err;
    landing = out, landing_n = (size_t)n;
    bool ok = sqlink_extension_blob_read(&where, (uint32_t)offset, (uint32_t)n, &got, &err);
    landing = NULL;
    if (!ok) {
        /* A message of exactly N bytes may have landed in OUT: copied out
         * by sqlink__error_of, it must not be freed. */
        if (err.message.ptr == out) {
            char *message = error ? strndup((const char *)err.message.ptr, err.message.len) : NULL;
            if (error) *error = message;
            return err.code ? err.code : SQLINK_ERROR;
        }
        return sqlink__error_of(&err, error);
    }
    if (got.ptr != out) {
        /* Not landed (the host sent another size): copy it over. */
        if (got.len == (size_t)n) memcpy(out, got.ptr, got.len);
        free(got.ptr);
        if (got.len != (size_t)n) {
            if (error) *error = strdup("the host returned another number of bytes than asked for");
            return SQLINK_ERROR;
        }
    }
    return 0;
}

int sqlink_blob_write(const sqlink_blob_at *at, const void *in, int n, int offset, char **error) {
    int rc = out_of_range(n, offset, error);
    if (rc) return rc;
    sqlink_extension_blob_location_t where = location(at);
    sqlink_wit_list_u8_t data = {(uint8_t *)in, (size_t)n};
    sqlink_extension_blob_sql_error_t err;
    if (!sqlink_extension_blob_write(&where, (uint32_t)offset, &data, &err)) return sqlink__error_of(&err, error);
    return 0;
}

#endif /* SQLINK_IMPORT_SPI */
