/*
 * vtab.c: the `vtab` interface (the compat variant) over struct
 * sqlink_module: a module's callbacks run row by row inside the component,
 * and the rows cross to the host in batches of four flat lists (rowids,
 * kinds, values, bytes; a NUL after each text), as wit/extension/vtab.wit
 * and the host's batch checker (host/abi/src/batch.rs) require.
 *
 * Handles: a table or cursor handle is the address of the SDK's record
 * of it; the host passes handles back unchanged. A module with an
 * `update` callback is writable (its row changes arrive as SQLite's xUpdate
 * arguments); one without fails `update`. Transactions and rename run the
 * module's callbacks where it has them (else succeed, or for rename fail).
 */
#include "internal.h"

#if SQLINK_EXPORT_COMPAT

typedef exports_sqlink_extension_vtab_sql_error_t wit_error;
typedef exports_sqlink_extension_vtab_row_batch_t wit_batch;

struct table {
    const sqlink_item *item;
    void *table;   /* the module's */
    int n_columns; /* declared by the schema, hidden ones included */
};

struct cursor {
    struct table *table;
    void *cursor; /* the module's */
    uint64_t columns;
};

/* Fails a call with CODE and MESSAGE (freed here); without a message,
 * SQLite's words for the code, as SQLite says them for a module's. */
static bool fail(wit_error *err, int code, char *message, const char *what) {
    err->code = code ? code : SQLINK_ERROR;
    char fallback[160];
    if (!message || !*message) {
        switch (err->code & 0xff) {
        case SQLINK_ERROR: snprintf(fallback, sizeof fallback, "SQL logic error"); break;
        case SQLINK_NOMEM: snprintf(fallback, sizeof fallback, "out of memory"); break;
        case SQLINK_CONSTRAINT: snprintf(fallback, sizeof fallback, "constraint failed"); break;
        default: snprintf(fallback, sizeof fallback, "%s failed with code %d", what, err->code); break;
        }
    }
    sqlink_wit_string_dup(&err->message, message && *message ? message : fallback);
    free(message);
    return false;
}

/* A copy of a WIT string, NUL-terminated (freeing the original). */
static char *take_string(sqlink_wit_string_t *s) {
    char *c = malloc(s->len + 1);
    if (!c) abort();
    if (s->len) memcpy(c, s->ptr, s->len);
    c[s->len] = 0;
    sqlink_wit_string_free(s);
    return c;
}

/* The number of columns a CREATE TABLE statement declares: the commas at
 * the first level of its parentheses, outside quotes, plus one. */
static int count_columns(const char *schema) {
    const char *p = strchr(schema, '(');
    if (!p) return 0;
    int depth = 0, n = 1;
    for (; *p; p++) {
        char c = *p;
        if (c == '\'' || c == '"' || c == '`' || c == '[') {
            char close = c == '[' ? ']' : c;
            for (p++; *p && *p != close; p++) {}
            if (!*p) break;
        } else if (c == '(') {
            depth++;
        } else if (c == ')') {
            if (--depth == 0) break;
        } else if (c == ',' && depth == 1) {
            n++;
        }
    }
    return n;
}

static bool connect_or_create(int create, uint32_t module, exports_sqlink_extension_vtab_table_args_t *args,
                              exports_sqlink_extension_vtab_declared_table_t *ret, wit_error *err) {
    sqlink__build();
    char *database = take_string(&args->database), *name = take_string(&args->table);
    size_t argc = args->arguments.len;
    char **argv = calloc(argc + 1, sizeof *argv);
    if (!argv) abort();
    for (size_t k = 0; k < argc; k++) argv[k] = take_string(&args->arguments.ptr[k]);
    free(args->arguments.ptr);
    bool ok = false;
    if (module >= sqlink__n_tables) {
        ok = fail(err, SQLINK_ERROR, strdup("no such module"), "connect");
    } else {
        const sqlink_item *item = sqlink__tables[module].item;
        const sqlink_module *m = item->module;
        sqlink_table_args ta = {database, name, (int)argc, (const char *const *)argv, item->user_data};
        void *t = NULL;
        char *schema = NULL, *message = NULL;
        int rc = (create && m->create ? m->create : m->connect)(&ta, &t, &schema, &message);
        if (rc == 0 && !schema) rc = SQLINK_ERROR, message = strdup("the module declared no schema");
        if (rc != 0) {
            free(schema);
            ok = fail(err, rc, message, item->name);
        } else {
            struct table *tab = malloc(sizeof *tab);
            if (!tab) abort();
            *tab = (struct table){item, t, count_columns(schema)};
            ret->table = (uint64_t)(uintptr_t)tab;
            sqlink_wit_string_dup(&ret->schema, schema);
            free(schema);
            free(message);
            ok = true;
        }
    }
    for (size_t k = 0; k < argc; k++) free(argv[k]);
    free(argv);
    free(database);
    free(name);
    return ok;
}

bool exports_sqlink_extension_vtab_create(uint32_t module, exports_sqlink_extension_vtab_table_args_t *args,
                                          exports_sqlink_extension_vtab_declared_table_t *ret, wit_error *err) {
    return connect_or_create(1, module, args, ret, err);
}

bool exports_sqlink_extension_vtab_connect(uint32_t module, exports_sqlink_extension_vtab_table_args_t *args,
                                           exports_sqlink_extension_vtab_declared_table_t *ret, wit_error *err) {
    return connect_or_create(0, module, args, ret, err);
}

static struct table *table_of(uint64_t handle) { return (struct table *)(uintptr_t)handle; }

/* Moves a WIT value into V (its list now owned by AS_ARG; W becomes NULL). */
static void take_value(sqlink_value *v, exports_sqlink_extension_vtab_value_t *w, wit_arg *as_arg) {
    sqlink__value_from_wit(v, w, as_arg);
    w->tag = SQLINK_EXTENSION_TYPES_VALUE_NULL;
}

bool exports_sqlink_extension_vtab_best_index(uint64_t handle, exports_sqlink_extension_vtab_index_info_t *info,
                                              exports_sqlink_extension_vtab_index_plan_t *ret, wit_error *err) {
    struct table *t = table_of(handle);
    size_t n = info->constraints.len, no = info->order_by.len;
    sqlink_index_constraint *cs = calloc(n + 1, sizeof *cs);
    sqlink_value *rhs = calloc(n + 1, sizeof *rhs);
    wit_arg *rhs_args = calloc(n + 1, sizeof *rhs_args);
    sqlink_index_order *os = calloc(no + 1, sizeof *os);
    struct sqlink_constraint_use *usage = calloc(n + 1, sizeof *usage);
    if (!cs || !rhs || !rhs_args || !os || !usage) abort();
    for (size_t k = 0; k < n; k++) {
        exports_sqlink_extension_vtab_index_constraint_t *c = &info->constraints.ptr[k];
        cs[k] = (sqlink_index_constraint){c->column, c->op, c->usable, NULL, c->in_list};
        rhs_args[k].tag = SQLINK_EXTENSION_TYPES_ARG_NULL;
        if (c->rhs.is_some) {
            take_value(&rhs[k], &c->rhs.val, &rhs_args[k]);
            cs[k].rhs = &rhs[k];
        }
    }
    for (size_t k = 0; k < no; k++) os[k] = (sqlink_index_order){info->order_by.ptr[k].column, info->order_by.ptr[k].desc};
    sqlink_index_info ii = {(int)n, cs, (int)no, os, info->columns_used, info->distinct, usage, 0, NULL, 0, 1e6, 25, 0};
    char *message = NULL;
    const sqlink_module *m = t->item->module;
    int rc = m->best_index ? m->best_index(t->table, &ii, &message) : 0;
    bool ok;
    if (rc != 0) {
        free(ii.idx_str);
        ok = fail(err, rc, message, t->item->name);
    } else {
        free(message);
        memset(ret, 0, sizeof *ret);
        ret->usage.ptr = calloc(n + 1, sizeof *ret->usage.ptr);
        if (!ret->usage.ptr) abort();
        ret->usage.len = n;
        for (size_t k = 0; k < n; k++) {
            ret->usage.ptr[k].argv_index = usage[k].argv_index > 0 ? (uint32_t)usage[k].argv_index : 0;
            ret->usage.ptr[k].omit = usage[k].omit != 0;
            ret->usage.ptr[k].all_at_once = usage[k].all_at_once != 0;
        }
        ret->idx_num = ii.idx_num;
        if (ii.idx_str) {
            ret->idx_str.is_some = true;
            sqlink_wit_string_dup(&ret->idx_str.val, ii.idx_str);
            free(ii.idx_str);
        }
        ret->order_by_consumed = ii.order_by_consumed != 0;
        ret->estimated_cost = ii.estimated_cost;
        ret->estimated_rows = ii.estimated_rows;
        ret->unique = ii.unique != 0;
        ok = true;
    }
    for (size_t k = 0; k < n; k++) sqlink__free_arg(&rhs_args[k]);
    exports_sqlink_extension_vtab_index_info_free(info);
    free(cs);
    free(rhs);
    free(rhs_args);
    free(os);
    free(usage);
    return ok;
}

void exports_sqlink_extension_vtab_disconnect(uint64_t handle) {
    struct table *t = table_of(handle);
    if (t->item->module->disconnect) t->item->module->disconnect(t->table);
    free(t);
}

bool exports_sqlink_extension_vtab_destroy(uint64_t handle, wit_error *err) {
    struct table *t = table_of(handle);
    const sqlink_module *m = t->item->module;
    char *message = NULL;
    int rc = 0;
    if (m->destroy) rc = m->destroy(t->table, &message);
    else if (m->disconnect) m->disconnect(t->table);
    const char *name = t->item->name;
    free(t);
    if (rc != 0) return fail(err, rc, message, name);
    free(message);
    return true;
}

bool exports_sqlink_extension_vtab_open(uint64_t handle, uint64_t *ret, wit_error *err) {
    struct table *t = table_of(handle);
    void *c = NULL;
    char *message = NULL;
    int rc = t->item->module->open(t->table, &c, &message);
    if (rc != 0) return fail(err, rc, message, t->item->name);
    free(message);
    struct cursor *cur = malloc(sizeof *cur);
    if (!cur) abort();
    *cur = (struct cursor){t, c, 0};
    *ret = (uint64_t)(uintptr_t)cur;
    return true;
}

void exports_sqlink_extension_vtab_close(uint64_t handle) {
    struct cursor *cur = (struct cursor *)(uintptr_t)handle;
    if (cur->table->item->module->close) cur->table->item->module->close(cur->cursor);
    free(cur);
}

/* A batch being built: growable lists, from malloc (the post-return
 * frees them). */
struct builder {
    int64_t *rowids;
    size_t n_rows, cap_rows;
    uint8_t *kinds;
    int64_t *values;
    size_t n_cells, cap_cells;
    uint8_t *bytes;
    size_t n_bytes, cap_bytes;
    sqlink_wit_tuple2_u32_u8_t *subtypes; /* (cell, subtype) of cells with one */
    size_t n_subtypes, cap_subtypes;
};

static void *grow(void *p, size_t *cap, size_t need, size_t size) {
    if (need <= *cap) return p;
    size_t c = *cap ? *cap : 16;
    while (c < need) c *= 2;
    void *q = realloc(p, c * size);
    if (!q) abort();
    *cap = c;
    return q;
}

static void add_cell(struct builder *b, sqlink_context *ctx) {
    size_t cap = b->cap_cells;
    b->kinds = grow(b->kinds, &cap, b->n_cells + 1, 1);
    cap = b->cap_cells;
    b->values = grow(b->values, &cap, b->n_cells + 1, sizeof *b->values);
    b->cap_cells = cap;
    uint8_t kind = (uint8_t)ctx->type;
    int64_t value = 0;
    if (kind == SQLINK_INTEGER) value = ctx->i;
    else if (kind == SQLINK_FLOAT) memcpy(&value, &ctx->r, sizeof value);
    else if (kind == SQLINK_TEXT || kind == SQLINK_BLOB) {
        size_t len = (size_t)ctx->n, extra = kind == SQLINK_TEXT;
        b->bytes = grow(b->bytes, &b->cap_bytes, b->n_bytes + len + extra, 1);
        const void *src = len <= SHORT ? (const void *)ctx->inline_ : (const void *)ctx->heap;
        if (len) memcpy(b->bytes + b->n_bytes, src, len);
        b->n_bytes += len;
        if (extra) b->bytes[b->n_bytes++] = 0;
        value = (int64_t)len;
    } else kind = SQLINK_NULL;
    if (ctx->subtype) {
        b->subtypes = grow(b->subtypes, &b->cap_subtypes, b->n_subtypes + 1, sizeof *b->subtypes);
        b->subtypes[b->n_subtypes++] = (sqlink_wit_tuple2_u32_u8_t){(uint32_t)b->n_cells, (uint8_t)ctx->subtype};
    }
    b->kinds[b->n_cells] = kind;
    b->values[b->n_cells++] = value;
}

/* Reads up to MAX rows of the scan into RET. */
static bool fill(struct cursor *cur, uint32_t max, wit_batch *ret, wit_error *err) {
    const sqlink_module *m = cur->table->item->module;
    const sqlink_item *item = cur->table->item;
    struct builder b = {0};
    char *message = NULL;
    int rc = 0;
    uint64_t mask = cur->columns;
    int last = mask >> 63 ? cur->table->n_columns : 63;
    while (b.n_rows < max && !m->eof(cur->cursor)) {
        int64_t rowid = 0;
        if (m->rowid && (rc = m->rowid(cur->cursor, &rowid, &message)) != 0) break;
        b.rowids = grow(b.rowids, &b.cap_rows, b.n_rows + 1, sizeof *b.rowids);
        b.rowids[b.n_rows++] = rowid;
        for (int c = 0; c < last; c++) {
            if (c < 63 && !(mask & (1ull << c))) continue;
            sqlink_context ctx;
            sqlink__context_init(&ctx, item);
            m->column(cur->cursor, &ctx, c);
            if (ctx.error) {
                rc = ctx.error;
                message = ctx.message ? strndup(ctx.message, ctx.message_n) : NULL;
                sqlink__context_free(&ctx);
                break;
            }
            add_cell(&b, &ctx);
            sqlink__context_free(&ctx);
        }
        if (rc != 0) break;
        if ((rc = m->next(cur->cursor, &message)) != 0) break;
    }
    if (rc != 0) {
        free(b.rowids);
        free(b.kinds);
        free(b.values);
        free(b.bytes);
        free(b.subtypes);
        return fail(err, rc, message, item->name);
    }
    free(message);
    *ret = (wit_batch){{b.rowids, b.n_rows}, {b.kinds, b.n_cells}, {b.values, b.n_cells}, {b.bytes, b.n_bytes}, {b.subtypes, b.n_subtypes}, false};
    ret->done = m->eof(cur->cursor) != 0;
    return true;
}

/* Gives the values of ARGV (N of them, from position FIRST) the subtypes
 * SUBTYPES lists by position. */
static void set_subtypes(sqlink_value **argv, size_t n, size_t first, const sqlink_wit_list_tuple2_u32_u8_t *subtypes) {
    for (size_t k = 0; k < subtypes->len; k++)
        if (subtypes->ptr[k].f0 < n) argv[first + subtypes->ptr[k].f0]->subtype = subtypes->ptr[k].f1;
}

/* The values of one argument taken all at once, and where reading them
 * stands. */
struct in_list {
    size_t n, at;
    sqlink_value *values;
    wit_arg *as_args;
};

int sqlink_value_in_first(sqlink_value *v, sqlink_value **out) {
    *out = NULL;
    if (!v || !v->in_list) return 1;
    v->in_list->at = 0;
    return sqlink_value_in_next(v, out);
}

int sqlink_value_in_next(sqlink_value *v, sqlink_value **out) {
    *out = NULL;
    if (!v || !v->in_list) return 1;
    if (v->in_list->at >= v->in_list->n) return 101;
    *out = &v->in_list->values[v->in_list->at++];
    return 0;
}

/* Hands the IN lists to the arguments they belong to (LISTS are moved
 * from); the returned array is freed with free_in_lists. */
static struct in_list *take_in_lists(sqlink_value **argv, size_t n, exports_sqlink_extension_vtab_list_tuple2_u32_list_value_t *lists) {
    struct in_list *taken = calloc(lists->len + 1, sizeof *taken);
    if (!taken) abort();
    for (size_t k = 0; k < lists->len; k++) {
        exports_sqlink_extension_vtab_list_value_t *values = &lists->ptr[k].f1;
        struct in_list *l = &taken[k];
        l->n = values->len;
        l->values = calloc(l->n + 1, sizeof *l->values);
        l->as_args = calloc(l->n + 1, sizeof *l->as_args);
        if (!l->values || !l->as_args) abort();
        for (size_t j = 0; j < l->n; j++) take_value(&l->values[j], &values->ptr[j], &l->as_args[j]);
        if (lists->ptr[k].f0 < n) argv[lists->ptr[k].f0]->in_list = l;
    }
    return taken;
}

static void free_in_lists(struct in_list *lists, size_t n) {
    for (size_t k = 0; k < n; k++) {
        for (size_t j = 0; j < lists[k].n; j++) sqlink__free_arg(&lists[k].as_args[j]);
        free(lists[k].values);
        free(lists[k].as_args);
    }
    free(lists);
}

bool exports_sqlink_extension_vtab_filter(uint64_t handle, int32_t idx_num, sqlink_wit_string_t *maybe_idx_str,
                                          exports_sqlink_extension_vtab_list_value_t *args,
                                          sqlink_wit_list_tuple2_u32_u8_t *arg_subtypes,
                                          exports_sqlink_extension_vtab_list_tuple2_u32_list_value_t *in_lists, uint64_t columns,
                                          uint32_t max_rows, wit_batch *ret, wit_error *err) {
    struct cursor *cur = (struct cursor *)(uintptr_t)handle;
    char *idx_str = maybe_idx_str ? take_string(maybe_idx_str) : NULL;
    struct values vs;
    if (!sqlink__values_alloc(&vs, args->len)) abort();
    wit_arg *as_args = calloc(args->len + 1, sizeof *as_args);
    if (!as_args) abort();
    for (size_t k = 0; k < args->len; k++) {
        vs.argv[k] = &vs.values[k];
        take_value(vs.argv[k], &args->ptr[k], &as_args[k]);
    }
    set_subtypes(vs.argv, args->len, 0, arg_subtypes);
    sqlink_wit_list_tuple2_u32_u8_free(arg_subtypes);
    size_t n_lists = in_lists->len;
    struct in_list *lists = take_in_lists(vs.argv, args->len, in_lists);
    exports_sqlink_extension_vtab_list_tuple2_u32_list_value_free(in_lists);
    cur->columns = columns;
    char *message = NULL;
    const sqlink_module *m = cur->table->item->module;
    int rc = m->filter(cur->cursor, idx_num, idx_str, (int)args->len, vs.argv, &message);
    free_in_lists(lists, n_lists);
    for (size_t k = 0; k < args->len; k++) sqlink__free_arg(&as_args[k]);
    free(as_args);
    sqlink__values_free(&vs);
    exports_sqlink_extension_vtab_list_value_free(args);
    free(idx_str);
    if (rc != 0) return fail(err, rc, message, cur->table->item->name);
    free(message);
    return fill(cur, max_rows, ret, err);
}

bool exports_sqlink_extension_vtab_fetch(uint64_t handle, uint32_t max_rows, wit_batch *ret, wit_error *err) {
    return fill((struct cursor *)(uintptr_t)handle, max_rows, ret, err);
}

/* Runs a module's optional callback X (absent: success) on table HANDLE. */
static bool run(uint64_t handle, int (*x)(void *, char **), const char *what, wit_error *err) {
    struct table *t = table_of(handle);
    if (!x) return true;
    char *message = NULL;
    int rc = x(t->table, &message);
    if (rc != 0) return fail(err, rc, message, what);
    free(message);
    return true;
}

/* The ON CONFLICT mode of the update running (0 outside one). */
static int on_conflict;

int sqlink_vtab_on_conflict(void) { return on_conflict; }

int sqlink_value_nochange(sqlink_value *v) { return v ? v->nochange : 0; }

bool exports_sqlink_extension_vtab_update(uint64_t handle, exports_sqlink_extension_vtab_row_change_t *change,
                                          exports_sqlink_extension_vtab_write_context_t *context, sqlink_wit_option_s64_t *ret,
                                          wit_error *err) {
    struct table *t = table_of(handle);
    const sqlink_module *m = t->item->module;
    if (!m->update) {
        exports_sqlink_extension_vtab_row_change_free(change);
        exports_sqlink_extension_vtab_write_context_free(context);
        char *message = NULL;
        if (asprintf(&message, "table %s may not be modified", t->item->name) < 0) message = NULL;
        return fail(err, SQLINK_ERROR, message, "update");
    }
    /* SQLite's xUpdate arguments: old rowid, new rowid, the columns. */
    sqlink_extension_vtab_types_list_value_t *cols = NULL;
    sqlink_value *old = NULL, *new_ = NULL;
    int inserting = change->tag == SQLINK_EXTENSION_VTAB_TYPES_ROW_CHANGE_INSERT;
    if (change->tag == SQLINK_EXTENSION_VTAB_TYPES_ROW_CHANGE_DELETE) {
        old = sqlink_value_new_int64(change->val.delete_);
    } else if (inserting) {
        old = sqlink_value_new_null();
        new_ = change->val.insert.f0.is_some ? sqlink_value_new_int64(change->val.insert.f0.val) : sqlink_value_new_null();
        cols = &change->val.insert.f1;
    } else {
        old = sqlink_value_new_int64(change->val.update.f0);
        new_ = sqlink_value_new_int64(change->val.update.f1);
        cols = &change->val.update.f2;
    }
    size_t n = cols ? cols->len : 0;
    struct values vs;
    wit_arg *as_args = calloc(n + 1, sizeof *as_args);
    if (!old || (cols && !new_) || !as_args || !sqlink__values_alloc(&vs, n + 2)) abort();
    vs.argv[0] = old;
    vs.argv[1] = new_;
    for (size_t k = 0; k < n; k++) {
        vs.argv[k + 2] = &vs.values[k];
        take_value(vs.argv[k + 2], &cols->ptr[k], &as_args[k]);
    }
    set_subtypes(vs.argv, n, 2, &context->subtypes);
    for (size_t k = 0; k < context->unchanged.len; k++)
        if (context->unchanged.ptr[k] < n) vs.argv[2 + context->unchanged.ptr[k]]->nochange = 1;
    int64_t rowid = 0;
    char *message = NULL;
    on_conflict = context->on_conflict;
    int rc = m->update(t->table, cols ? (int)n + 2 : 1, vs.argv, &rowid, &message);
    on_conflict = 0;
    exports_sqlink_extension_vtab_write_context_free(context);
    for (size_t k = 0; k < n; k++) sqlink__free_arg(&as_args[k]);
    free(as_args);
    sqlink__values_free(&vs);
    sqlink_value_free(old);
    sqlink_value_free(new_);
    exports_sqlink_extension_vtab_row_change_free(change);
    if (rc != 0) return fail(err, rc, message, t->item->name);
    free(message);
    *ret = (sqlink_wit_option_s64_t){inserting, inserting ? rowid : 0};
    return true;
}

bool exports_sqlink_extension_vtab_begin(uint64_t h, wit_error *err) { return run(h, table_of(h)->item->module->begin, "xBegin", err); }
bool exports_sqlink_extension_vtab_sync(uint64_t h, wit_error *err) { return run(h, table_of(h)->item->module->sync, "xSync", err); }
bool exports_sqlink_extension_vtab_commit(uint64_t h, wit_error *err) { return run(h, table_of(h)->item->module->commit, "xCommit", err); }
bool exports_sqlink_extension_vtab_rollback(uint64_t h, wit_error *err) {
    return run(h, table_of(h)->item->module->rollback, "xRollback", err);
}

bool exports_sqlink_extension_vtab_rename(uint64_t handle, sqlink_wit_string_t *new_name, wit_error *err) {
    struct table *t = table_of(handle);
    char *name = take_string(new_name);
    if (!t->item->module->rename) {
        free(name);
        return fail(err, SQLINK_ERROR, strdup("this virtual table cannot be renamed"), "rename");
    }
    char *message = NULL;
    int rc = t->item->module->rename(t->table, name, &message);
    free(name);
    if (rc != 0) return fail(err, rc, message, "xRename");
    free(message);
    return true;
}

#endif /* SQLINK_EXPORT_COMPAT */
