/*
 * vtab.c: virtual table modules of the sqlite3ext.h compatibility layer.
 *
 * sqlite3_create_module(_v2), called by an extension's init function,
 * registers a classic sqlite3_module; each becomes an SQLINK_TABLE item of
 * the C SDK (src/vtab.c) whose callbacks run the module's own: xConnect or
 * xCreate (sqlite3_declare_vtab gives the schema), xBestIndex on a real
 * sqlite3_index_info, xOpen, xFilter, then xEof/xRowid/xColumn/xNext row
 * by row, xColumn writing into an SDK context as into SQLite's, and the SDK
 * sends the rows to the host in batches. A module without xCreate is
 * eponymous only; one whose xCreate is its xConnect is eponymous too
 * (SQLite's rules). Tables are read-only (xUpdate is never called).
 *
 * SQL on the connection (sqlite3_prepare*, for vec0's CREATE VIRTUAL TABLE
 * or sqlean's define tables) needs an extension built with --spi (spi.c);
 * otherwise it fails naming the function.
 */
#include "sqlink.h"
#include "sqlite3.h"
#include "compat.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct module_reg {
    char *name;
    const sqlite3_module *module;
    void *aux;
    void (*destroy)(void *);
};

static struct module_reg *mods;
static int n_mods, cap_mods;
static char *declared; /* what sqlite3_declare_vtab received, during xCreate/xConnect */
static const sqlink_index_info *planning; /* the question of the running xBestIndex */
static const sqlite3_index_info *planning_as; /* ... as the module sees it */

int sqlite3_create_module_v2(sqlite3 *db, const char *name, const sqlite3_module *module, void *aux, void (*destroy)(void *)) {
    if (!name || !module) return SQLITE_MISUSE;
    if (!sqlink_compat_manifest_init()) {
        /* The init function run again at attach registers the manifest's
         * modules again; nothing new can be declared at run time. */
        for (int k = 0; sqlink_compat_in_init() && k < n_mods; k++) {
            if (!strcasecmp(mods[k].name, name) && mods[k].module == module) {
                if (destroy && aux != mods[k].aux) destroy(aux);
                return SQLITE_OK;
            }
        }
        sqlink_compat_unsupported("sqlite3_create_module (outside the extension's init function)");
        if (destroy) destroy(aux);
        return SQLITE_MISUSE;
    }
    if (n_mods == cap_mods) {
        int cap = cap_mods ? cap_mods * 2 : 8;
        struct module_reg *p = realloc(mods, (size_t)cap * sizeof *p);
        if (!p) return SQLITE_NOMEM;
        mods = p;
        cap_mods = cap;
    }
    char *copy = strdup(name);
    if (!copy) return SQLITE_NOMEM;
    mods[n_mods++] = (struct module_reg){copy, module, aux, destroy};
    return SQLITE_OK;
}

int sqlite3_create_module(sqlite3 *db, const char *name, const sqlite3_module *module, void *aux) {
    return sqlite3_create_module_v2(db, name, module, aux, NULL);
}

int sqlite3_declare_vtab(sqlite3 *db, const char *sql) {
    if (!sql) return SQLITE_MISUSE;
    free(declared);
    declared = strdup(sql);
    return declared ? SQLITE_OK : SQLITE_NOMEM;
}

/* SQLITE_VTAB_CONSTRAINT_SUPPORT, _INNOCUOUS, _DIRECTONLY: accepted (the
 * host decides what a module may do). */
int sqlite3_vtab_config(sqlite3 *db, int op, ...) { return SQLITE_OK; }

int sqlite3_vtab_on_conflict(sqlite3 *db) {
    int mode = sqlink_vtab_on_conflict();
    return mode ? mode : SQLITE_ABORT;
}

/* Columns are fetched in batches before SQLite asks for them, so xColumn
 * always gives a value; sqlite3_value_nochange() in xUpdate still tells
 * which columns an UPDATE leaves as they are. */
int sqlite3_vtab_nochange(sqlite3_context *ctx) { return 0; }

const char *sqlite3_vtab_collation(sqlite3_index_info *info, int i) { return "BINARY"; }

int sqlite3_vtab_distinct(sqlite3_index_info *info) {
    return info == planning_as && planning ? planning->distinct : 0;
}

/* Whether xBestIndex asked for each constraint's IN list all at once. */
static int *planning_all_at_once;

int sqlite3_vtab_in(sqlite3_index_info *info, int i, int handle) {
    if (info != planning_as || !planning || i < 0 || i >= planning->n_constraints || !planning->constraints[i].in_list) return 0;
    if (handle >= 0) planning_all_at_once[i] = handle != 0;
    return 1;
}

/* The running xFilter's arguments as the SDK gave them and as the module
 * sees them (copies), for sqlite3_vtab_in_first/_next. */
static sqlink_value **filtering, **filtering_as;
static int filtering_argc;

static sqlink_value *original_of(sqlite3_value *v) {
    for (int i = 0; i < filtering_argc; i++)
        if ((sqlite3_value *)filtering_as[i] == v) return filtering[i];
    return NULL;
}

int sqlite3_vtab_in_first(sqlite3_value *v, sqlite3_value **out) {
    sqlink_value *original = original_of(v);
    *out = NULL;
    return original ? sqlink_value_in_first(original, (sqlink_value **)out) : SQLITE_ERROR;
}

int sqlite3_vtab_in_next(sqlite3_value *v, sqlite3_value **out) {
    sqlink_value *original = original_of(v);
    *out = NULL;
    return original ? sqlink_value_in_next(original, (sqlink_value **)out) : SQLITE_ERROR;
}

int sqlite3_vtab_rhs_value(sqlite3_index_info *info, int i, sqlite3_value **out) {
    if (info != planning_as || !planning || i < 0 || i >= planning->n_constraints || !planning->constraints[i].rhs)
        return SQLITE_NOTFOUND;
    *out = (sqlite3_value *)planning->constraints[i].rhs;
    return SQLITE_OK;
}

/* ---- The SDK module: trampolines to the registered ones --------------- */

/* The name a module was registered under. */
static const char *name_of(const sqlite3_module *module) {
    for (int k = 0; k < n_mods; k++) {
        if (mods[k].module == module) return mods[k].name;
    }
    return "?";
}

/* The message of a failed call of CALLBACK: the vtab's zErrMsg (taken),
 * the function outside the layer it called, or none. */
static char *message_of(sqlite3_vtab *vtab, const char *callback) {
    const char *missing = sqlink_compat_take_unsupported();
    char *out = NULL;
    if (vtab && vtab->zErrMsg) {
        out = strdup(vtab->zErrMsg);
        sqlite3_free(vtab->zErrMsg);
        vtab->zErrMsg = NULL;
    } else if (missing && asprintf(&out, "%s: %s calls %s, which sqlink's sqlite3ext.h compatibility layer does not provide",
                                   vtab ? name_of(vtab->pModule) : "?", callback, missing) < 0) {
        out = NULL;
    }
    return out;
}

/* RC, or an error for a call that reported a missing function but
 * succeeded; *error says why. */
static int checked(int rc, sqlite3_vtab *vtab, char **error, const char *callback) {
    const char *missing = sqlink_compat_peek_unsupported();
    if (rc == SQLITE_OK && !missing) return SQLITE_OK;
    *error = message_of(vtab, callback);
    return rc == SQLITE_OK ? SQLITE_ERROR : rc;
}

static int construct(int create, const sqlink_table_args *args, void **table, char **schema, char **error) {
    struct module_reg *reg = args->user_data;
    const char **argv = calloc((size_t)args->argc + 3, sizeof *argv);
    if (!argv) return SQLITE_NOMEM;
    argv[0] = reg->name;
    argv[1] = args->database;
    argv[2] = args->table;
    for (int k = 0; k < args->argc; k++) argv[k + 3] = args->argv[k];
    sqlite3_vtab *vtab = NULL;
    char *message = NULL;
    free(declared);
    declared = NULL;
    sqlink_compat_take_unsupported();
    int (*x)(sqlite3 *, void *, int, const char *const *, sqlite3_vtab **, char **) =
        create ? reg->module->xCreate : reg->module->xConnect;
    int rc = x(sqlink_compat_db(), reg->aux, args->argc + 3, argv, &vtab, &message);
    free(argv);
    const char *missing = sqlink_compat_take_unsupported();
    if (rc == SQLITE_OK && (missing || !declared)) {
        if (vtab) reg->module->xDisconnect(vtab);
        vtab = NULL;
        rc = SQLITE_ERROR;
    }
    if (rc != SQLITE_OK) {
        if (message) *error = strdup(message);
        else if (missing && asprintf(error, "%s: %s calls %s, which sqlink's sqlite3ext.h compatibility layer does not provide",
                                     reg->name, create ? "xCreate" : "xConnect", missing) < 0) *error = NULL;
        else if (!missing) *error = strdup("the module declared no schema (sqlite3_declare_vtab)");
        sqlite3_free(message);
        return rc;
    }
    sqlite3_free(message);
    vtab->pModule = reg->module;
    *table = vtab;
    *schema = declared;
    declared = NULL;
    return SQLITE_OK;
}

static int t_connect(const sqlink_table_args *args, void **table, char **schema, char **error) {
    return construct(0, args, table, schema, error);
}
static int t_create(const sqlink_table_args *args, void **table, char **schema, char **error) {
    return construct(1, args, table, schema, error);
}

static int t_best_index(void *table, sqlink_index_info *info, char **error) {
    sqlite3_vtab *vtab = table;
    int n = info->n_constraints, no = info->n_order_by;
    struct sqlite3_index_constraint *cs = calloc((size_t)n + 1, sizeof *cs);
    struct sqlite3_index_orderby *os = calloc((size_t)no + 1, sizeof *os);
    struct sqlite3_index_constraint_usage *us = calloc((size_t)n + 1, sizeof *us);
    if (!cs || !os || !us) {
        free(cs), free(os), free(us);
        return SQLITE_NOMEM;
    }
    for (int k = 0; k < n; k++) {
        cs[k].iColumn = info->constraints[k].column;
        cs[k].op = (unsigned char)info->constraints[k].op;
        cs[k].usable = (unsigned char)info->constraints[k].usable;
    }
    for (int k = 0; k < no; k++) {
        os[k].iColumn = info->order_by[k].column;
        os[k].desc = (unsigned char)info->order_by[k].desc;
    }
    int *all_at_once = calloc((size_t)n + 1, sizeof *all_at_once);
    if (!all_at_once) {
        free(cs), free(os), free(us);
        return SQLITE_NOMEM;
    }
    sqlite3_index_info ii = {n, cs, no, os, us, 0, NULL, 0, 0, 1e6, 25, 0, info->columns_used};
    planning = info;
    planning_as = &ii;
    planning_all_at_once = all_at_once;
    sqlink_compat_take_unsupported();
    int rc = checked(vtab->pModule->xBestIndex(vtab, &ii), vtab, error, "xBestIndex");
    planning = NULL;
    planning_as = NULL;
    planning_all_at_once = NULL;
    if (rc == SQLITE_OK) {
        for (int k = 0; k < n; k++) {
            info->usage[k].argv_index = us[k].argvIndex;
            info->usage[k].omit = us[k].omit;
            /* As SQLite: the preference counts only for a passed value. */
            info->usage[k].all_at_once = all_at_once[k] && us[k].argvIndex > 0;
        }
        info->idx_num = ii.idxNum;
        info->idx_str = ii.idxStr ? strdup(ii.idxStr) : NULL;
        info->order_by_consumed = ii.orderByConsumed;
        info->estimated_cost = ii.estimatedCost;
        info->estimated_rows = ii.estimatedRows;
        info->unique = (ii.idxFlags & SQLITE_INDEX_SCAN_UNIQUE) != 0;
    }
    if (ii.needToFreeIdxStr) sqlite3_free(ii.idxStr);
    free(all_at_once);
    free(cs);
    free(os);
    free(us);
    return rc;
}

static void t_disconnect(void *table) {
    sqlite3_vtab *vtab = table;
    vtab->pModule->xDisconnect(vtab);
}

static int t_destroy(void *table, char **error) {
    sqlite3_vtab *vtab = table;
    const sqlite3_module *m = vtab->pModule;
    sqlink_compat_take_unsupported();
    int rc = (m->xDestroy ? m->xDestroy : m->xDisconnect)(vtab);
    if (rc != SQLITE_OK) *error = message_of(NULL, "xDestroy");
    return rc;
}

static int t_open(void *table, void **cursor, char **error) {
    sqlite3_vtab *vtab = table;
    sqlite3_vtab_cursor *cur = NULL;
    sqlink_compat_take_unsupported();
    int rc = checked(vtab->pModule->xOpen(vtab, &cur), vtab, error, "xOpen");
    if (rc != SQLITE_OK) return rc;
    cur->pVtab = vtab;
    *cursor = cur;
    return SQLITE_OK;
}

/* The values xFilter received, kept until the cursor's next xFilter or
 * its xClose: in SQLite they stay valid while the scan runs, and modules
 * keep pointers into them (sqlean's fileio_scan keeps the file name
 * sqlite3_value_text gave it, for its `name` column). */
struct filter_args {
    void *cursor;
    int argc;
    sqlink_value **argv;
    struct filter_args *next;
};
static struct filter_args *kept_args;

static void release_args(void *cursor) {
    for (struct filter_args **p = &kept_args; *p; p = &(*p)->next) {
        if ((*p)->cursor != cursor) continue;
        struct filter_args *k = *p;
        *p = k->next;
        for (int i = 0; i < k->argc; i++) sqlink_value_free(k->argv[i]);
        free(k->argv);
        free(k);
        return;
    }
}

static void t_close(void *cursor) {
    sqlite3_vtab_cursor *cur = cursor;
    cur->pVtab->pModule->xClose(cur);
    release_args(cursor);
}

static int t_filter(void *cursor, int idx_num, const char *idx_str, int argc, sqlink_value **argv, char **error) {
    sqlite3_vtab_cursor *cur = cursor;
    sqlink_compat_take_unsupported();
    struct filter_args *k = calloc(1, sizeof *k);
    sqlink_value **copies = calloc((size_t)argc + 1, sizeof *copies);
    if (!k || !copies) {
        free(k);
        free(copies);
        return SQLITE_NOMEM;
    }
    for (int i = 0; i < argc; i++) copies[i] = sqlink_value_dup(argv[i]);
    filtering = argv, filtering_as = copies, filtering_argc = argc;
    int rc = checked(cur->pVtab->pModule->xFilter(cur, idx_num, idx_str, argc, (sqlite3_value **)copies), cur->pVtab, error, "xFilter");
    filtering = filtering_as = NULL, filtering_argc = 0;
    release_args(cursor);
    *k = (struct filter_args){cursor, argc, copies, kept_args};
    kept_args = k;
    return rc;
}

static int t_next(void *cursor, char **error) {
    sqlite3_vtab_cursor *cur = cursor;
    sqlink_compat_take_unsupported();
    return checked(cur->pVtab->pModule->xNext(cur), cur->pVtab, error, "xNext");
}

static int t_eof(void *cursor) {
    sqlite3_vtab_cursor *cur = cursor;
    return cur->pVtab->pModule->xEof(cur);
}

static void t_column(void *cursor, sqlink_context *ctx, int column) {
    sqlite3_vtab_cursor *cur = cursor;
    sqlink_compat_take_unsupported();
    int rc = cur->pVtab->pModule->xColumn(cur, (sqlite3_context *)ctx, column);
    char *error = NULL;
    rc = checked(rc, cur->pVtab, &error, "xColumn");
    if (rc != SQLITE_OK) {
        if (error) sqlink_result_error(ctx, error, -1);
        sqlink_result_error_code(ctx, rc);
        free(error);
    }
}

/* SQLite calls xRowid only for queries that use the rowid, but the rows
 * cross to the host with theirs: a failing xRowid gives the row rowid 0
 * (vec0's KNN scans, whose `rowid` is a declared column, fail it). */
static int t_rowid(void *cursor, int64_t *rowid, char **error) {
    sqlite3_vtab_cursor *cur = cursor;
    sqlite3_int64 r = 0;
    sqlink_compat_take_unsupported();
    if (cur->pVtab->pModule->xRowid(cur, &r) != SQLITE_OK) {
        sqlite3_free(cur->pVtab->zErrMsg);
        cur->pVtab->zErrMsg = NULL;
        sqlink_compat_take_unsupported();
        r = 0;
    }
    *rowid = r;
    return SQLITE_OK;
}

static int t_update(void *table, int argc, sqlink_value **argv, int64_t *rowid, char **error) {
    sqlite3_vtab *vtab = table;
    sqlite3_int64 r = 0;
    sqlink_compat_take_unsupported();
    int rc = checked(vtab->pModule->xUpdate(vtab, argc, (sqlite3_value **)argv, &r), vtab, error, "xUpdate");
    *rowid = r;
    return rc;
}

/* X, one of xBegin, xSync, xCommit or xRollback of TABLE's module
 * (absent: OK). */
static int transaction(sqlite3_vtab *vtab, int (*x)(sqlite3_vtab *), const char *name, char **error) {
    if (!x) return SQLITE_OK;
    sqlink_compat_take_unsupported();
    return checked(x(vtab), vtab, error, name);
}
#define VT(t) ((sqlite3_vtab *)(t))
static int t_begin(void *t, char **e) { return transaction(VT(t), VT(t)->pModule->xBegin, "xBegin", e); }
static int t_sync(void *t, char **e) { return transaction(VT(t), VT(t)->pModule->xSync, "xSync", e); }
static int t_commit(void *t, char **e) { return transaction(VT(t), VT(t)->pModule->xCommit, "xCommit", e); }
static int t_rollback(void *t, char **e) { return transaction(VT(t), VT(t)->pModule->xRollback, "xRollback", e); }

static int t_rename(void *table, const char *new_name, char **error) {
    sqlite3_vtab *vtab = table;
    if (!vtab->pModule->xRename) {
        *error = strdup("this virtual table cannot be renamed");
        return SQLITE_ERROR;
    }
    sqlink_compat_take_unsupported();
    return checked(vtab->pModule->xRename(vtab, new_name), vtab, error, "xRename");
}

#define READ_CALLBACKS                                                                                        \
    .connect = t_connect, .create = t_create, .best_index = t_best_index, .disconnect = t_disconnect,        \
    .destroy = t_destroy, .open = t_open, .close = t_close, .filter = t_filter, .next = t_next, .eof = t_eof, \
    .column = t_column, .rowid = t_rowid, .begin = t_begin, .sync = t_sync, .commit = t_commit,             \
    .rollback = t_rollback, .rename = t_rename
static const sqlink_module read_only = {READ_CALLBACKS};
static const sqlink_module writable = {READ_CALLBACKS, .update = t_update};

int sqlink_compat_module_count(void) { return n_mods; }

void sqlink_compat_module_items(sqlink_item *out) {
    for (int k = 0; k < n_mods; k++) {
        const sqlite3_module *m = mods[k].module;
        unsigned flags = !m->xCreate ? SQLINK_EPONYMOUS_ONLY : m->xCreate == m->xConnect ? SQLINK_EPONYMOUS : 0;
        out[k] = (sqlink_item){.kind = SQLINK_ITEM_TABLE, .name = mods[k].name, .flags = flags, .description = "",
                               .uses = sqlink__uses_tables, .user_data = &mods[k], .module = m->xUpdate ? &writable : &read_only};
    }
}
