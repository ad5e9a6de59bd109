/*
 * tables.c: a fixture written for sqlite3_load_extension with a classic
 * sqlite3_module (tests/shell/compat-c-tables.sql), compiled unchanged
 * with the compatibility layer.
 *
 *   countdown(n)  table-valued and creatable (xCreate is xConnect): n down
 *                 to 1, with the square of each as text; HIDDEN n. Its
 *                 xBestIndex passes n at argv 1, names the plan in an
 *                 idxStr from sqlite3_mprintf, consumes ORDER BY value
 *                 DESC, and reports what sqlite3_vtab_rhs_value saw;
 *                 n < 0 fails xFilter through zErrMsg; at 5000 xColumn
 *                 calls sqlite3_result_pointer, which the layer lacks.
 *   CREATE VIRTUAL TABLE t USING countdown(N)  the same, N fixed.
 */
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1

#include <stdlib.h>
#include <string.h>

typedef struct {
    sqlite3_vtab base;
    int fixed; /* created with an argument: N */
} countdown_vtab;

typedef struct {
    sqlite3_vtab_cursor base;
    sqlite3_int64 value;
    char *plan;
} countdown_cursor;

static int countdown_connect(sqlite3 *db, void *aux, int argc, const char *const *argv, sqlite3_vtab **out, char **err) {
    int rc = sqlite3_declare_vtab(db, "CREATE TABLE x(value INTEGER, square TEXT, plan TEXT, n HIDDEN)");
    if (rc != SQLITE_OK) return rc;
    countdown_vtab *v = sqlite3_malloc(sizeof *v);
    if (!v) return SQLITE_NOMEM;
    memset(v, 0, sizeof *v);
    v->fixed = argc > 3 ? atoi(argv[3]) : -1;
    if (argc > 3 && v->fixed <= 0) {
        *err = sqlite3_mprintf("countdown: %s.%s needs a positive count, not '%s'", argv[1], argv[2], argv[3]);
        sqlite3_free(v);
        return SQLITE_ERROR;
    }
    *out = &v->base;
    return SQLITE_OK;
}

static int countdown_disconnect(sqlite3_vtab *v) {
    sqlite3_free(v);
    return SQLITE_OK;
}

static int countdown_best_index(sqlite3_vtab *v, sqlite3_index_info *info) {
    int n = -1;
    for (int k = 0; k < info->nConstraint; k++) {
        if (info->aConstraint[k].iColumn == 3 && info->aConstraint[k].op == SQLITE_INDEX_CONSTRAINT_EQ) {
            if (!info->aConstraint[k].usable) return SQLITE_CONSTRAINT;
            n = k;
        }
    }
    sqlite3_value *rhs = 0;
    const char *known = n >= 0 && sqlite3_vtab_rhs_value(info, n, &rhs) == SQLITE_OK ? (const char *)sqlite3_value_text(rhs) : "?";
    if (n >= 0) {
        info->aConstraintUsage[n].argvIndex = 1;
        info->aConstraintUsage[n].omit = 1;
        info->idxNum = 1;
    }
    if (info->nOrderBy == 1 && info->aOrderBy[0].iColumn == 0 && info->aOrderBy[0].desc) info->orderByConsumed = 1;
    info->idxStr = sqlite3_mprintf("n=%s desc=%d", known, info->orderByConsumed);
    info->needToFreeIdxStr = 1;
    info->estimatedCost = 10;
    return SQLITE_OK;
}

static int countdown_open(sqlite3_vtab *v, sqlite3_vtab_cursor **out) {
    countdown_cursor *c = sqlite3_malloc(sizeof *c);
    if (!c) return SQLITE_NOMEM;
    memset(c, 0, sizeof *c);
    *out = &c->base;
    return SQLITE_OK;
}

static int countdown_close(sqlite3_vtab_cursor *cur) {
    sqlite3_free(((countdown_cursor *)cur)->plan);
    sqlite3_free(cur);
    return SQLITE_OK;
}

static int countdown_filter(sqlite3_vtab_cursor *cur, int idx_num, const char *idx_str, int argc, sqlite3_value **argv) {
    countdown_cursor *c = (countdown_cursor *)cur;
    countdown_vtab *v = (countdown_vtab *)cur->pVtab;
    c->value = idx_num == 1 && argc == 1 ? sqlite3_value_int64(argv[0]) : v->fixed;
    if (c->value < 0) {
        v->base.zErrMsg = sqlite3_mprintf("countdown: no count (%lld)", c->value);
        return SQLITE_ERROR;
    }
    sqlite3_free(c->plan);
    c->plan = sqlite3_mprintf("%s", idx_str);
    return SQLITE_OK;
}

static int countdown_next(sqlite3_vtab_cursor *cur) {
    ((countdown_cursor *)cur)->value--;
    return SQLITE_OK;
}

static int countdown_eof(sqlite3_vtab_cursor *cur) { return ((countdown_cursor *)cur)->value <= 0; }

static int countdown_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int i) {
    countdown_cursor *c = (countdown_cursor *)cur;
    if (i == 0) sqlite3_result_int64(ctx, c->value);
    else if (i == 1) sqlite3_result_text(ctx, sqlite3_mprintf("%lld", c->value * c->value), -1, sqlite3_free);
    else if (i == 2) sqlite3_result_text(ctx, c->plan, -1, SQLITE_TRANSIENT);
    if (c->value == 5000) sqlite3_result_pointer(ctx, c, "countdown", 0); /* not in the layer */
    return SQLITE_OK;
}

static int countdown_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *rowid) {
    *rowid = ((countdown_cursor *)cur)->value * 10;
    return SQLITE_OK;
}

static sqlite3_module countdown_module = {
    0, countdown_connect, countdown_connect, countdown_best_index, countdown_disconnect, countdown_disconnect,
    countdown_open, countdown_close, countdown_filter, countdown_next, countdown_eof, countdown_column,
    countdown_rowid, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

int sqlite3_tables_init(sqlite3 *db, char **errmsg, const sqlite3_api_routines *api) {
    SQLITE_EXTENSION_INIT2(api);
    return sqlite3_create_module(db, "countdown", &countdown_module, 0);
}
