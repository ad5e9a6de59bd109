/*
 * registry.c: the extension's init function builds the manifest, and calls
 * reach the callbacks it registered (the sqlite3ext.h compatibility layer).
 *
 * An extension written for sqlite3_load_extension registers its functions
 * by calling sqlite3_create_function_v2 (and friends) from its init
 * function. Here the init function runs inside the component the first
 * time the SDK needs the items (manifest.describe, or a call in a fresh
 * instance), against a stand-in database handle; each registration becomes
 * an item of the SDK (sqlink__dynamic_extension) whose C function is a
 * trampoline to the registered xFunc, xStep, xFinal, xValue or xInverse,
 * with the registration as its user data. SQLite calls functions with NULL
 * arguments, so every item is flagged SQLINK_NULLS.
 *
 * Collations (sqlite3_create_collation, _v2) become SQLINK_COLLATION
 * items: the host calls their xCompare through collation.compare.
 * Virtual table modules (sqlite3_create_module, _v2) become SQLINK_TABLE
 * items (vtab.c).
 *
 * SQL from the init function (extensions built with --spi) waits: the
 * manifest is read where there may be no connection, so there
 * sqlite3_prepare* and sqlite3_exec fail (SQLITE_ERROR, saying why) and
 * the manifest is what init registers regardless (an init function that
 * then fails is not a failed load yet). When the extension is attached to a
 * connection (lifecycle.attach; again for each connection an engine
 * attaches the same instance to), init runs again with its SQL running:
 * registrations the manifest has take the new callbacks, and new scalar
 * functions, like those created later from a call (sqlean's define()),
 * are declared on the connection with spi's declare-function, their calls
 * reaching the C callback through scalar.invoke with ids past the
 * manifest's (deleting one forgets it). Aggregates, collations and
 * modules cannot be created after the manifest: that fails naming the
 * function. An instance rebuilt after a failure runs init again (without
 * declaring: the host still has the declarations) when a declared id
 * reaches it, so the functions init re-creates (saved in the database)
 * answer again; others say the instance was restarted.
 *
 * What the layer does not provide fails clearly: an unsupported function
 * called by init fails the load with a message naming it (the manifest is
 * then empty and lifecycle.attach returns the error, which undoes the
 * load); one called during a call makes that call an error naming it. Auxiliary data lasts for one call (the host calls an
 * extension once per row, so nothing is kept across rows): what
 * sqlite3_set_auxdata is given is released when the call returns, as
 * SQLite may do at any time.
 */
#include "sqlink.h"
#include "sqlite3.h"
#include "compat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Set by entry.c, which sqlink-cc compiles for each extension: its init
 * function, and the name, version and description of its manifest. */
extern int sqlink_compat_entry(sqlite3 *db, char **errmsg, const void *api);
extern const char sqlink_compat_name[], sqlink_compat_version[], sqlink_compat_description[], sqlink_compat_init_name[];
extern const void *const sqlink_compat_api_table;

struct sqlite3 {
    int stand_in; /* the database handle init receives */
};
static struct sqlite3 stand_in_db;

struct registration {
    char *name;
    int n_arg;
    void *app;
    void (*x_func)(sqlite3_context *, int, sqlite3_value **);
    void (*x_step)(sqlite3_context *, int, sqlite3_value **);
    void (*x_final)(sqlite3_context *);
    void (*x_value)(sqlite3_context *);
    void (*x_inverse)(sqlite3_context *, int, sqlite3_value **);
    unsigned flags;
    int (*x_compare)(void *, int, const void *, int, const void *); /* a collation */
};

static struct registration *regs;
static int n_regs, cap_regs;
/* The init function runs: 1, to build the manifest (in an instance that
 * may have no connection: SQL is deferred); 2, again when the extension
 * is attached to a connection (SQL runs; what it registers then is
 * declared on the connection). */
static int in_init;
static int built;          /* the manifest is built: registrations are late */
static int init_ran_sql;   /* init asked for SQL while building the manifest */
static int attached;       /* init ran again in this instance */
static int restoring;      /* ... in an instance rebuilt after a failure */
static int n_manifest_functions;
static const char *unsupported;     /* the first unsupported function called */
static sqlink_context *current;     /* the context of the running call */

/* Appends `r` under a copy of `name`. */
static int add_registration(struct registration r, const char *name) {
    if (n_regs == cap_regs) {
        int cap = cap_regs ? cap_regs * 2 : 32;
        struct registration *p = realloc(regs, (size_t)cap * sizeof *p);
        if (!p) return SQLITE_NOMEM;
        regs = p;
        cap_regs = cap;
    }
    r.name = strdup(name);
    if (!r.name) return SQLITE_NOMEM;
    regs[n_regs++] = r;
    return SQLITE_OK;
}

int sqlink_compat_in_init(void) { return in_init != 0; }
int sqlink_compat_manifest_init(void) { return in_init == 1; }
int sqlink_compat_defer_sql(void) {
    if (in_init != 1) return 0;
    init_ran_sql = 1;
    return 1;
}
sqlite3 *sqlink_compat_db(void) { return &stand_in_db; }
const char *sqlink_compat_peek_unsupported(void) { return unsupported; }
const char *sqlink_compat_take_unsupported(void) {
    const char *f = unsupported;
    unsupported = NULL;
    return f;
}

void sqlink_compat_unsupported(const char *function) {
    if (!unsupported) unsupported = function;
    if (current && !in_init) {
        sqlink_result_errorf(current, "%s() calls %s, which sqlink's sqlite3ext.h compatibility layer does not provide",
                             sqlink_function_name(current), function);
    }
}

/* ---- Registration ------------------------------------------------------ */

static unsigned sqlink_flags(int flags) {
    unsigned out = SQLINK_NULLS;
    if (flags & SQLITE_DETERMINISTIC) out |= SQLINK_DETERMINISTIC;
    if (flags & SQLITE_DIRECTONLY) out |= SQLINK_DIRECTONLY;
    if (flags & SQLITE_INNOCUOUS) out |= SQLINK_INNOCUOUS;
    if (flags & SQLITE_SUBTYPE) out |= SQLINK_SUBTYPE;
    /* SQLITE_RESULT_SUBTYPE (SQLite 3.45; the header is 3.40's): a
     * function must declare it to give its result a subtype. */
    if (flags & 0x001000000) out |= SQLINK_RESULT_SUBTYPE;
    return out;
}

static void call_func(sqlink_context *ctx, int argc, sqlink_value **argv);

/* ---- Functions registered after the manifest --------------------------- */

/* A scalar function registered once the manifest was read (by the init
 * function run again at attach, or from a call): declared on the
 * connection with spi's declare-function, its calls reach scalar.invoke
 * with ID, past the manifest's ids. The id comes from the name and the
 * arity, so an instance rebuilt after a failure, which runs the init
 * function again, finds the functions it re-creates under the ids the
 * host holds. */
struct declared {
    struct registration r;
    void (*x_destroy)(void *);
    sqlink_item item;
    uint32_t id;
    int forgotten;
};
static struct declared **declared;
static int n_declared, cap_declared;

static uint32_t id_of(const char *name, int n_arg) {
    uint32_t h = 2166136261u;
    for (const char *p = name; *p; p++) h = (h ^ (unsigned char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p)) * 16777619u;
    h = (h ^ (uint32_t)(n_arg + 1)) * 16777619u;
    uint32_t id = (uint32_t)n_manifest_functions + 1 + h % 0x3fffffffu;
    for (int again = 1; again;) {
        again = 0;
        for (int k = 0; k < n_declared; k++) {
            if (declared[k]->id == id) id++, again = 1;
        }
    }
    return id;
}

static int late(const char *name, int n_arg, int flags, void *app, void (*x_func)(sqlite3_context *, int, sqlite3_value **),
                int aggregate, void (*x_destroy)(void *)) {
    /* A function of the manifest registered again (the init function run
     * at attach): its callbacks are taken, under the same id. */
    for (int k = 0; k < n_regs; k++) {
        struct registration *r = &regs[k];
        if (r->x_compare || r->n_arg != n_arg || strcasecmp(r->name, name)) continue;
        if (in_init == 2 && !aggregate && x_func && r->x_func) {
            r->app = app;
            r->x_func = x_func;
            return SQLITE_OK;
        }
        if (in_init == 2 && aggregate && r->x_step) return SQLITE_OK;
        sqlink_compat_unsupported("sqlite3_create_function (changing or deleting a function of the manifest, which the init function registered)");
        if (x_destroy) x_destroy(app);
        return SQLITE_MISUSE;
    }
    if (aggregate) {
        sqlink_compat_unsupported("sqlite3_create_function (an aggregate or window function registered after the manifest was read: "
                                  "only scalar functions can be declared at run time)");
        if (x_destroy) x_destroy(app);
        return SQLITE_MISUSE;
    }
    struct declared *d = NULL;
    for (int k = 0; k < n_declared && !d; k++) {
        if (declared[k]->r.n_arg == n_arg && !strcasecmp(declared[k]->r.name, name)) d = declared[k];
    }
    if (!x_func) {
        /* Deleting: forgotten by the connection. */
        if (!d || d->forgotten) return SQLITE_OK;
        int rc = restoring ? SQLITE_OK : sqlink_compat_forget(name, n_arg);
        if (rc == SQLITE_OK) d->forgotten = 1;
        return rc;
    }
    if (d) {
        /* Replacing: the id stays, the callbacks change. */
        if (d->x_destroy && d->r.app != app) d->x_destroy(d->r.app);
        d->r.app = app;
        d->r.x_func = x_func;
        d->r.flags = d->item.flags = sqlink_flags(flags);
        d->x_destroy = x_destroy;
        /* Declared again when forgotten, or at attach: an engine that
         * keeps the instance across connections (.open) attaches it again,
         * to a connection that has none of its declarations. */
        if (!d->forgotten && in_init != 2) return SQLITE_OK;
        int rc = restoring ? SQLITE_OK : sqlink_compat_declare(name, n_arg, d->r.flags, d->id);
        if (rc == SQLITE_OK) d->forgotten = 0;
        return rc;
    }
    if (n_declared == cap_declared) {
        int cap = cap_declared ? cap_declared * 2 : 16;
        struct declared **p = realloc(declared, (size_t)cap * sizeof *p);
        if (!p) {
            if (x_destroy) x_destroy(app);
            return SQLITE_NOMEM;
        }
        declared = p;
        cap_declared = cap;
    }
    d = calloc(1, sizeof *d);
    if (!d || !(d->r.name = strdup(name))) {
        free(d);
        if (x_destroy) x_destroy(app);
        return SQLITE_NOMEM;
    }
    d->r.n_arg = n_arg;
    d->r.app = app;
    d->r.x_func = x_func;
    d->r.flags = sqlink_flags(flags);
    d->x_destroy = x_destroy;
    d->id = id_of(name, n_arg);
    d->item = (sqlink_item){.kind = SQLINK_ITEM_FUNCTION, .name = d->r.name, .min_args = n_arg, .max_args = n_arg,
                            .flags = d->r.flags, .call = call_func, .description = "", .user_data = &d->r};
    int rc = restoring ? SQLITE_OK : sqlink_compat_declare(name, n_arg, d->r.flags, d->id);
    if (rc != SQLITE_OK) {
        free(d->r.name);
        free(d);
        if (x_destroy) x_destroy(app);
        return rc;
    }
    declared[n_declared++] = d;
    return SQLITE_OK;
}

static int add(sqlite3 *db, const char *name, int n_arg, int flags, void *app,
               void (*x_func)(sqlite3_context *, int, sqlite3_value **),
               void (*x_step)(sqlite3_context *, int, sqlite3_value **), void (*x_final)(sqlite3_context *),
               void (*x_value)(sqlite3_context *), void (*x_inverse)(sqlite3_context *, int, sqlite3_value **),
               void (*x_destroy)(void *)) {
    if (!name || n_arg < -1 || n_arg > 127 || (x_func && (x_step || x_final)) || (!x_func && !x_step && x_final) ||
        (x_step && !x_final)) {
        if (x_destroy) x_destroy(app);
        return SQLITE_MISUSE;
    }
    if (in_init != 1) {
        /* After the manifest: declared on the connection (--spi). */
        if (!built) {
            sqlink_compat_unsupported("sqlite3_create_function (outside the extension's init function)");
            if (x_destroy) x_destroy(app);
            return SQLITE_MISUSE;
        }
        return late(name, n_arg, flags, app, x_func, x_step != NULL, x_destroy);
    }
    /* A later registration of a name and argument count replaces the
     * earlier one; one without callbacks deletes it. */
    for (int k = 0; k < n_regs; k++) {
        if (!regs[k].x_compare && regs[k].n_arg == n_arg && !strcasecmp(regs[k].name, name)) {
            free(regs[k].name);
            memmove(&regs[k], &regs[k + 1], (size_t)(n_regs - k - 1) * sizeof *regs);
            n_regs--;
            break;
        }
    }
    if (!x_func && !x_step) return SQLITE_OK;
    /* The functions live as long as the instance: x_destroy never runs. */
    return add_registration((struct registration){NULL, n_arg, app, x_func, x_step, x_final, x_value, x_inverse, sqlink_flags(flags), NULL}, name);
}

int sqlite3_create_function(sqlite3 *db, const char *name, int n_arg, int flags, void *app,
                            void (*x_func)(sqlite3_context *, int, sqlite3_value **),
                            void (*x_step)(sqlite3_context *, int, sqlite3_value **), void (*x_final)(sqlite3_context *)) {
    return add(db, name, n_arg, flags, app, x_func, x_step, x_final, NULL, NULL, NULL);
}

int sqlite3_create_function_v2(sqlite3 *db, const char *name, int n_arg, int flags, void *app,
                               void (*x_func)(sqlite3_context *, int, sqlite3_value **),
                               void (*x_step)(sqlite3_context *, int, sqlite3_value **), void (*x_final)(sqlite3_context *),
                               void (*x_destroy)(void *)) {
    return add(db, name, n_arg, flags, app, x_func, x_step, x_final, NULL, NULL, x_destroy);
}

int sqlite3_create_window_function(sqlite3 *db, const char *name, int n_arg, int flags, void *app,
                                   void (*x_step)(sqlite3_context *, int, sqlite3_value **), void (*x_final)(sqlite3_context *),
                                   void (*x_value)(sqlite3_context *), void (*x_inverse)(sqlite3_context *, int, sqlite3_value **),
                                   void (*x_destroy)(void *)) {
    if ((x_value == NULL) != (x_inverse == NULL)) {
        if (x_destroy) x_destroy(app);
        return SQLITE_MISUSE;
    }
    return add(db, name, n_arg, flags, app, NULL, x_step, x_final, x_value, x_inverse, x_destroy);
}

int sqlite3_create_collation_v2(sqlite3 *db, const char *name, int text_rep, void *arg,
                                int (*x_compare)(void *, int, const void *, int, const void *), void (*x_destroy)(void *)) {
    if (!name) return SQLITE_MISUSE;
    if (in_init != 1) {
        /* The init function run again at attach registers what the
         * manifest has; nothing new can be declared at run time. */
        for (int k = 0; in_init == 2 && k < n_regs; k++) {
            if (regs[k].x_compare && x_compare && !strcasecmp(regs[k].name, name)) {
                if ((text_rep & 0x0f) == SQLITE_UTF8 || (text_rep & 0x0f) == SQLITE_ANY) regs[k].app = arg, regs[k].x_compare = x_compare;
                return SQLITE_OK;
            }
        }
        sqlink_compat_unsupported("sqlite3_create_collation (outside the extension's init function)");
        if (x_destroy) x_destroy(arg);
        return SQLITE_MISUSE;
    }
    if ((text_rep & 0x0f) != SQLITE_UTF8 && (text_rep & 0x0f) != SQLITE_ANY) {
        /* The host passes texts as UTF-8, so SQLite would use a UTF-8
         * version of the collation: a UTF-16 one is only an alternative. */
        for (int k = 0; k < n_regs; k++) {
            if (regs[k].x_compare && !strcasecmp(regs[k].name, name)) {
                if (x_destroy) x_destroy(arg);
                return SQLITE_OK;
            }
        }
        sqlink_compat_unsupported("sqlite3_create_collation (UTF-16 only, with no UTF-8 version registered first)");
        return SQLITE_MISUSE;
    }
    for (int k = 0; k < n_regs; k++) {
        if (regs[k].x_compare && !strcasecmp(regs[k].name, name)) {
            free(regs[k].name);
            memmove(&regs[k], &regs[k + 1], (size_t)(n_regs - k - 1) * sizeof *regs);
            n_regs--;
            break;
        }
    }
    if (!x_compare) return SQLITE_OK;
    return add_registration((struct registration){.app = arg, .x_compare = x_compare}, name);
}

int sqlite3_create_collation(sqlite3 *db, const char *name, int text_rep, void *arg,
                             int (*x_compare)(void *, int, const void *, int, const void *)) {
    return sqlite3_create_collation_v2(db, name, text_rep, arg, x_compare, NULL);
}

/* ---- Calls ------------------------------------------------------------- */

/* Auxiliary data of the running call, released when it returns. */
struct auxdata {
    int arg;
    void *p;
    void (*destroy)(void *);
};
static struct auxdata aux[8];
static int n_aux;

/* Runs an auxiliary data destructor. wasm checks the type of an indirect
 * call, so a destructor cast from another type traps where native code
 * gets away with it: the C library's fclose, `(void (*)(void *))fclose`
 * (an int function, as sqlean's fileio_append passes it), is called as
 * itself. */
static void destroy_aux(void (*destroy)(void *), void *p) {
    if ((void *)destroy == (void *)fclose) fclose(p);
    else if (destroy) destroy(p);
}

static void begin(sqlink_context *ctx) {
    current = ctx;
    unsupported = NULL;
}

/* Memory handed out during the running call, by what it was made for
 * (e.g. the UTF-16 text of a value): found again, then freed on return. */
struct call_memory {
    const void *key;
    void *p;
};
static struct call_memory *after_call;
static int n_after_call, cap_after_call;

void *sqlink_compat_call_memory(const void *key) {
    for (int k = 0; k < n_after_call; k++) {
        if (after_call[k].key == key) return after_call[k].p;
    }
    return NULL;
}

void sqlink_compat_free_after_call(const void *key, void *p) {
    if (!current) return;
    if (n_after_call == cap_after_call) {
        int cap = cap_after_call ? cap_after_call * 2 : 8;
        struct call_memory *q = realloc(after_call, (size_t)cap * sizeof *q);
        if (!q) return; /* kept: a leak, not a fault */
        after_call = q;
        cap_after_call = cap;
    }
    after_call[n_after_call++] = (struct call_memory){key, p};
}

static void end(void) {
    current = NULL;
    while (n_after_call > 0) free(after_call[--n_after_call].p);
    for (int k = n_aux - 1; k >= 0; k--) destroy_aux(aux[k].destroy, aux[k].p);
    n_aux = 0;
}

void *sqlite3_get_auxdata(sqlite3_context *c, int arg) {
    for (int k = 0; k < n_aux; k++) {
        if (aux[k].arg == arg) return aux[k].p;
    }
    return NULL;
}

void sqlite3_set_auxdata(sqlite3_context *c, int arg, void *p, void (*destroy)(void *)) {
    for (int k = 0; k < n_aux; k++) {
        if (aux[k].arg == arg) {
            destroy_aux(aux[k].destroy, aux[k].p);
            aux[k] = (struct auxdata){arg, p, destroy};
            return;
        }
    }
    if (n_aux == (int)(sizeof aux / sizeof aux[0])) {
        destroy_aux(destroy, p); /* SQLite may discard auxiliary data at once */
        return;
    }
    aux[n_aux++] = (struct auxdata){arg, p, destroy};
}

static struct registration *reg_of(sqlink_context *ctx) { return sqlink_user_data(ctx); }

void *sqlite3_user_data(sqlite3_context *c) {
    struct registration *r = reg_of((sqlink_context *)c);
    return r ? r->app : NULL;
}

sqlite3 *sqlite3_context_db_handle(sqlite3_context *c) { return &stand_in_db; }

void *sqlite3_aggregate_context(sqlite3_context *c, int n) { return sqlink_aggregate_context((sqlink_context *)c, n); }

static void call_func(sqlink_context *ctx, int argc, sqlink_value **argv) {
    begin(ctx);
    reg_of(ctx)->x_func((sqlite3_context *)ctx, argc, (sqlite3_value **)argv);
    end();
}
static void call_step(sqlink_context *ctx, int argc, sqlink_value **argv) {
    begin(ctx);
    reg_of(ctx)->x_step((sqlite3_context *)ctx, argc, (sqlite3_value **)argv);
    end();
}
static void call_inverse(sqlink_context *ctx, int argc, sqlink_value **argv) {
    begin(ctx);
    reg_of(ctx)->x_inverse((sqlite3_context *)ctx, argc, (sqlite3_value **)argv);
    end();
}
static void call_final(sqlink_context *ctx) {
    begin(ctx);
    reg_of(ctx)->x_final((sqlite3_context *)ctx);
    end();
}
static void call_value(sqlink_context *ctx) {
    begin(ctx);
    reg_of(ctx)->x_value((sqlite3_context *)ctx);
    end();
}

/* ---- The manifest ------------------------------------------------------ */

static sqlink_extension extension;

/* Why the load fails (NULL: it does not), for lifecycle.attach. */
static char load_error[512];

const char *sqlink__load_error(void) {
    return load_error[0] ? load_error : NULL;
}

/* Whether the init function's run that returned RC failed: it called
 * something the layer lacks, or returned an error. */
static int init_failed(int rc) {
    return unsupported || (rc != SQLITE_OK && rc != SQLITE_OK_LOAD_PERMANENTLY);
}

/* Why the init function's run that returned RC (and ERRMSG) failed, as a
 * string to free; NULL when it did not, or when there is no memory to say
 * it. */
static char *init_failure(int rc, const char *errmsg) {
    char *why = NULL;
    int n = 0;
    if (unsupported) {
        n = asprintf(&why, "%s() calls %s, which sqlink's sqlite3ext.h compatibility layer does not provide",
                     sqlink_compat_init_name, unsupported);
    } else if (init_failed(rc)) {
        n = asprintf(&why, "%s() failed with code %d%s%s", sqlink_compat_init_name, rc, errmsg ? ": " : "",
                     errmsg ? errmsg : "");
    }
    return n < 0 ? NULL : why;
}

const sqlink_extension *sqlink__dynamic_extension(void) {
    static int done;
    if (done) return &extension;
    char *errmsg = NULL;
    in_init = 1;
    unsupported = NULL;
    int rc = sqlink_compat_entry(&stand_in_db, &errmsg, sqlink_compat_api_table);
    in_init = 0;
    /* (After SQL, which waits for attach, a failing return is attach's to
     * report: the init function runs again there.) */
    char *why = init_failure(init_ran_sql ? SQLITE_OK : rc, errmsg);
    if (why) snprintf(load_error, sizeof load_error, "%s", why);
    free(why);
    sqlite3_free(errmsg);
    int n_modules = sqlink_compat_module_count();
    if (load_error[0]) n_regs = n_modules = 0; /* an empty manifest; attach fails the load */
    sqlink_item *items = calloc((size_t)(n_regs + n_modules + 1), sizeof *items);
    if (!items) abort();
    sqlink_compat_module_items(items + n_regs);
    /* SQLite shows a scalar function its arguments' subtypes whether or not
     * it is flagged SQLITE_SUBTYPE (the flag matters to window functions
     * only): when an extension deals in subtypes at all, every function of
     * it receives them (sqlite-vec's vec_type reads the subtype vec_int8
     * sets without the flag). */
    unsigned subtypes = 0;
    for (int k = 0; k < n_regs; k++) subtypes |= regs[k].flags & (SQLINK_SUBTYPE | SQLINK_RESULT_SUBTYPE);
    for (int k = 0; k < n_regs && subtypes; k++) {
        if (!regs[k].x_compare && !regs[k].x_inverse) regs[k].flags |= SQLINK_SUBTYPE;
    }
    for (int k = 0; k < n_regs; k++) {
        struct registration *r = &regs[k];
        if (r->x_compare) {
            items[k] = (sqlink_item){.kind = SQLINK_ITEM_COLLATION, .name = r->name, .description = "",
                                     .uses = sqlink__uses_collations, .user_data = r->app, .compare = r->x_compare};
            continue;
        }
        items[k] = (sqlink_item){
            .kind = r->x_func ? SQLINK_ITEM_FUNCTION : SQLINK_ITEM_AGGREGATE,
            .name = r->name,
            .min_args = r->n_arg,
            .max_args = r->n_arg,
            .flags = r->flags,
            .call = r->x_func ? call_func : call_step,
            .final = r->x_func ? NULL : call_final,
            .value = r->x_value ? call_value : NULL,
            .inverse = r->x_inverse ? call_inverse : NULL,
            .description = "",
            .uses = r->x_func ? sqlink__uses_functions : sqlink__uses_aggregates,
            .user_data = r,
        };
    }
    extension = (sqlink_extension){sqlink_compat_name, sqlink_compat_version, sqlink_compat_description, items, n_regs + n_modules};
    for (int k = 0; k < n_regs; k++) n_manifest_functions += regs[k].x_func != NULL;
    done = 1;
    built = 1;
    return &extension;
}

/* ---- Attach: the init function again, with SQL ------------------------- */

/* An init function that runs SQL (sqlean's define reloads the functions
 * saved in the database) built the manifest with its SQL failing (there
 * may be no connection then); attached to a connection, it runs again,
 * its SQL running over spi: what it registers that the manifest has is
 * taken in place, new scalar functions are declared on the connection. */
static int init_again(char **error) {
    char *errmsg = NULL;
    in_init = 2;
    unsupported = NULL;
    int rc = sqlink_compat_entry(&stand_in_db, &errmsg, sqlink_compat_api_table);
    in_init = 0;
    attached = 1;
    int failed = init_failed(rc);
    *error = init_failure(rc, errmsg);
    sqlite3_free(errmsg);
    unsupported = NULL;
    return failed ? SQLITE_ERROR : SQLITE_OK;
}

int sqlink__attach(char **error) {
    sqlink__dynamic_extension();
    if (!init_ran_sql || load_error[0]) return SQLITE_OK;
    return init_again(error);
}

/* Calls of a function declared by an instance since rebuilt (after a
 * failure) and not declared again by this one's init function. */
static void gone(sqlink_context *ctx, int argc, sqlink_value **argv) {
    sqlink_result_error(ctx,
                        "this function was created at run time by an instance of the extension that has since been restarted "
                        "(after a failure), and the extension's init function does not create it again: load the extension again",
                        -1);
}
static const sqlink_item gone_item = {.kind = SQLINK_ITEM_FUNCTION, .name = "?", .min_args = -1, .max_args = -1,
                                      .flags = SQLINK_NULLS, .call = gone, .description = ""};

const sqlink_item *sqlink__declared_function(uint32_t id) {
    sqlink__dynamic_extension();
    if (init_ran_sql && !attached && !in_init) {
        /* A rebuilt instance: its init function runs again, to find the
         * functions the host already has (declared by the old one). */
        char *error = NULL;
        restoring = 1;
        init_again(&error);
        restoring = 0;
        free(error);
    }
    for (int k = 0; k < n_declared; k++) {
        if (declared[k]->id == id) return declared[k]->forgotten ? &gone_item : &declared[k]->item;
    }
    return &gone_item;
}
