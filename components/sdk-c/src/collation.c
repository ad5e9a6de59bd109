/*
 * collation.c: collation.compare, and lifecycle.attach; exported by the
 * `compat` variant only (SQLINK_COLLATION items, and the sqlite3ext.h
 * compatibility layer). Collations are not keyed: the host calls compare.
 * attach fails the load when the extension reports an error
 * (sqlink__load_error, set by the compatibility layer when an init function
 * fails or calls what the layer does not provide).
 */
#include "internal.h"

#if SQLINK_EXPORT_COMPAT

extern const char *sqlink__load_error(void) __attribute__((weak));

int32_t exports_sqlink_extension_collation_compare(uint32_t id, wit_arg *a, wit_arg *b) {
    sqlink__build();
    int32_t order = 0;
    if (id < sqlink__n_collations && sqlink__collations[id].item->compare) {
        const sqlink_item *item = sqlink__collations[id].item;
        sqlink_value va, vb;
        sqlink__value_from_arg(&va, a);
        sqlink__value_from_arg(&vb, b);
        int na = sqlink_value_bytes(&va), nb = sqlink_value_bytes(&vb);
        const void *pa = na ? sqlink_value_blob(&va) : "", *pb = nb ? sqlink_value_blob(&vb) : "";
        int r = item->compare(item->user_data, na, pa, nb, pb);
        order = r < 0 ? -1 : r > 0;
    }
    sqlink__free_arg(a);
    sqlink__free_arg(b);
    return order;
}

/* Never called: no collation is keyed. */
void exports_sqlink_extension_collation_sort_key(uint32_t id, wit_arg *text, wit_outcome *ret) {
    sqlink__free_arg(text);
    sqlink_context ctx;
    sqlink__context_init(&ctx, NULL);
    sqlink_result_errorf(&ctx, "collation %u is not keyed", (unsigned)id);
    sqlink__outcome_of(&ctx, ret);
    sqlink__context_free(&ctx);
}

bool exports_sqlink_extension_lifecycle_attach(sqlink_extension_types_sql_error_t *err) {
    sqlink__build();
    const char *message = sqlink__load_error ? sqlink__load_error() : NULL;
    if (message) {
        err->code = SQLINK_ERROR;
        sqlink_wit_string_dup(&err->message, message);
        return false;
    }
    char *error = NULL;
    int rc = sqlink__attach ? sqlink__attach(&error) : 0;
    if (!rc) return true;
    err->code = rc;
    sqlink_wit_string_dup(&err->message, error ? error : "the extension failed to attach");
    free(error);
    return false;
}

#endif /* SQLINK_EXPORT_COMPAT */
