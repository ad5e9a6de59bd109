/*
 * manifest.c: what the extension declares (SQLINK_EXTENSION, or the
 * compatibility layer's sqlink__dynamic_extension), as the entries
 * manifest.describe lists: an item of MIN to MAX arguments is one entry per
 * count, and ids are positions in each list.
 */
#include "internal.h"

const sqlink_extension *sqlink__the_extension(void) {
    return sqlink__dynamic_extension ? sqlink__dynamic_extension() : &sqlink__extension;
}

#if SQLINK_EXPORT_SCALAR
const char sqlink__uses_functions[] = "scalar";
#endif
#if SQLINK_EXPORT_AGGREGATE
const char sqlink__uses_aggregates[] = "aggregate";
#endif
#if SQLINK_EXPORT_COMPAT
const char sqlink__uses_collations[] = "collation";
const char sqlink__uses_tables[] = "vtab";
#endif

struct entry *sqlink__functions, *sqlink__aggregates, *sqlink__collations, *sqlink__tables;
uint32_t sqlink__n_functions, sqlink__n_aggregates, sqlink__n_collations, sqlink__n_tables;
static int built;

static uint32_t entries_of(const sqlink_item *item) {
    if (item->min_args < 0 || item->max_args < 0) return 1;
    return item->max_args >= item->min_args ? (uint32_t)(item->max_args - item->min_args + 1) : 0;
}

void sqlink__build(void) {
    if (built) return;
    const sqlink_extension *ext = sqlink__the_extension();
    for (int k = 0; k < ext->n_items; k++) {
        uint32_t n = entries_of(&ext->items[k]);
        if (ext->items[k].kind == SQLINK_ITEM_AGGREGATE) sqlink__n_aggregates += n;
        else if (ext->items[k].kind == SQLINK_ITEM_COLLATION) sqlink__n_collations++;
        else if (ext->items[k].kind == SQLINK_ITEM_TABLE) sqlink__n_tables++;
        else sqlink__n_functions += n;
    }
    sqlink__functions = calloc(sqlink__n_functions ? sqlink__n_functions : 1, sizeof *sqlink__functions);
    sqlink__aggregates = calloc(sqlink__n_aggregates ? sqlink__n_aggregates : 1, sizeof *sqlink__aggregates);
    sqlink__collations = calloc(sqlink__n_collations ? sqlink__n_collations : 1, sizeof *sqlink__collations);
    sqlink__tables = calloc(sqlink__n_tables ? sqlink__n_tables : 1, sizeof *sqlink__tables);
    if (!sqlink__functions || !sqlink__aggregates || !sqlink__collations || !sqlink__tables) abort();
    uint32_t f = 0, a = 0, c = 0, t = 0;
    for (int k = 0; k < ext->n_items; k++) {
        const sqlink_item *item = &ext->items[k];
        if (item->kind == SQLINK_ITEM_COLLATION) {
            sqlink__collations[c++] = (struct entry){item, 0};
            continue;
        }
        if (item->kind == SQLINK_ITEM_TABLE) {
            sqlink__tables[t++] = (struct entry){item, 0};
            continue;
        }
        struct entry *table = item->kind == SQLINK_ITEM_AGGREGATE ? sqlink__aggregates : sqlink__functions;
        uint32_t *next = item->kind == SQLINK_ITEM_AGGREGATE ? &a : &f;
        if (item->min_args < 0 || item->max_args < 0) {
            table[(*next)++] = (struct entry){item, -1};
        } else {
            for (int arity = item->min_args; arity <= item->max_args; arity++) table[(*next)++] = (struct entry){item, arity};
        }
    }
    built = 1;
}

sqlink_extension_types_function_flags_t sqlink__wit_flags(unsigned flags) {
    sqlink_extension_types_function_flags_t out = 0;
    if (flags & SQLINK_DETERMINISTIC) out |= SQLINK_EXTENSION_TYPES_FUNCTION_FLAGS_DETERMINISTIC;
    if (flags & SQLINK_DIRECTONLY) out |= SQLINK_EXTENSION_TYPES_FUNCTION_FLAGS_DIRECT_ONLY;
    if (flags & SQLINK_INNOCUOUS) out |= SQLINK_EXTENSION_TYPES_FUNCTION_FLAGS_INNOCUOUS;
    if (flags & SQLINK_SUBTYPE) out |= SQLINK_EXTENSION_TYPES_FUNCTION_FLAGS_SUBTYPE;
    if (flags & SQLINK_RESULT_SUBTYPE) out |= SQLINK_EXTENSION_TYPES_FUNCTION_FLAGS_RESULT_SUBTYPE;
    return out;
}

static void dup(sqlink_wit_string_t *out, const char *s) {
    sqlink_wit_string_dup(out, s ? s : "");
}

/* Whatever describe returns is freed by its post-return: every string and
 * list is a fresh copy. */
void exports_sqlink_extension_manifest_describe(exports_sqlink_extension_manifest_manifest_t *ret) {
    const sqlink_extension *ext = sqlink__the_extension();
    sqlink__build();
    memset(ret, 0, sizeof *ret);
    dup(&ret->name, ext->name);
    dup(&ret->version, ext->version);
    dup(&ret->description, ext->description);
    dup(&ret->prefix, ext->name);
    size_t ns_n = strlen(ext->name ? ext->name : "") + 32;
    char *ns = malloc(ns_n);
    if (!ns) abort();
    snprintf(ns, ns_n, "https://sqlink.dev/ns/%s#", ext->name ? ext->name : "");
    dup(&ret->namespace_, ns);
    free(ns);
    if (sqlink__n_functions) {
        ret->functions.ptr = calloc(sqlink__n_functions, sizeof *ret->functions.ptr);
        if (!ret->functions.ptr) abort();
        ret->functions.len = sqlink__n_functions;
        for (uint32_t id = 0; id < sqlink__n_functions; id++) {
            exports_sqlink_extension_manifest_function_t *f = &ret->functions.ptr[id];
            dup(&f->name, sqlink__functions[id].item->name);
            f->arity = sqlink__functions[id].arity;
            f->flags = sqlink__wit_flags(sqlink__functions[id].item->flags);
            dup(&f->description, sqlink__functions[id].item->description);
        }
    }
    if (sqlink__n_aggregates) {
        ret->aggregates.ptr = calloc(sqlink__n_aggregates, sizeof *ret->aggregates.ptr);
        if (!ret->aggregates.ptr) abort();
        ret->aggregates.len = sqlink__n_aggregates;
        for (uint32_t id = 0; id < sqlink__n_aggregates; id++) {
            exports_sqlink_extension_manifest_aggregate_t *a = &ret->aggregates.ptr[id];
            const sqlink_item *item = sqlink__aggregates[id].item;
            dup(&a->name, item->name);
            a->arity = sqlink__aggregates[id].arity;
            a->flags = sqlink__wit_flags(item->flags);
            a->window = item->value != NULL && item->inverse != NULL;
            dup(&a->description, item->description);
        }
    }
    if (sqlink__n_collations) {
        ret->collations.ptr = calloc(sqlink__n_collations, sizeof *ret->collations.ptr);
        if (!ret->collations.ptr) abort();
        ret->collations.len = sqlink__n_collations;
        for (uint32_t id = 0; id < sqlink__n_collations; id++) {
            dup(&ret->collations.ptr[id].name, sqlink__collations[id].item->name);
            ret->collations.ptr[id].keyed = false;
        }
    }
    if (sqlink__n_tables) {
        ret->vtabs.ptr = calloc(sqlink__n_tables, sizeof *ret->vtabs.ptr);
        if (!ret->vtabs.ptr) abort();
        ret->vtabs.len = sqlink__n_tables;
        for (uint32_t id = 0; id < sqlink__n_tables; id++) {
            const sqlink_item *item = sqlink__tables[id].item;
            exports_sqlink_extension_manifest_vtab_module_t *m = &ret->vtabs.ptr[id];
            dup(&m->name, item->name);
            m->eponymous = (item->flags & (SQLINK_EPONYMOUS | SQLINK_EPONYMOUS_ONLY)) != 0;
            m->eponymous_only = (item->flags & SQLINK_EPONYMOUS_ONLY) != 0;
            m->writable = item->module->update != NULL;
            size_t ns = 0;
            while (item->module->shadow_tables && item->module->shadow_tables[ns]) ns++;
            if (ns) {
                m->shadow_tables.ptr = calloc(ns, sizeof *m->shadow_tables.ptr);
                if (!m->shadow_tables.ptr) abort();
                m->shadow_tables.len = ns;
                for (size_t k = 0; k < ns; k++) dup(&m->shadow_tables.ptr[k], item->module->shadow_tables[k]);
            }
            dup(&m->description, item->description);
        }
    }
#if SQLINK_IMPORT_SPI
    /* The variant imports `spi`: the manifest says so, and the host
     * loads it only with that grant. */
    ret->capabilities.ptr = calloc(1, sizeof *ret->capabilities.ptr);
    if (!ret->capabilities.ptr) abort();
    ret->capabilities.ptr[0].tag = EXPORTS_SQLINK_EXTENSION_MANIFEST_CAPABILITY_SPI;
    ret->capabilities.len = 1;
#endif
}
