/*
 * aggregate.c: aggregates and window functions: rows arrive in batches;
 * state per group number lives in sqlink_aggregate_context() and is freed
 * after the final value.
 */
#include "internal.h"

/* ---- Aggregates -------------------------------------------------------- */

#define GROUP_BUCKETS 256
static struct group *groups[GROUP_BUCKETS];

static struct group **group_slot(uint64_t number) {
    struct group **slot = &groups[(number ^ (number >> 8) ^ (number >> 16)) % GROUP_BUCKETS];
    while (*slot && (*slot)->number != number) slot = &(*slot)->next;
    return slot;
}

void *sqlink_aggregate_context(sqlink_context *ctx, int n) {
    if (!ctx->aggregate) return NULL;
    if (ctx->group) return ctx->group->state;
    if (n <= 0) return NULL;
    struct group *g = calloc(1, sizeof *g);
    void *state = calloc(1, (size_t)n);
    if (!g || !state) {
        free(g);
        free(state);
        sqlink_result_error_nomem(ctx);
        return NULL;
    }
    g->number = ctx->group_number;
    g->state = state;
    struct group **slot = group_slot(ctx->group_number);
    g->next = NULL;
    *slot = g;
    ctx->group = g;
    return state;
}

#if SQLINK_EXPORT_AGGREGATE

static const struct entry *aggregate_entry(sqlink_context *ctx, uint32_t id, uint64_t group) {
    sqlink__build();
    if (id >= sqlink__n_aggregates) {
        sqlink_result_errorf(ctx, "no aggregate with id %u", (unsigned)id);
        return NULL;
    }
    ctx->item = sqlink__aggregates[id].item;
    ctx->aggregate = 1;
    ctx->group_number = group;
    ctx->group = *group_slot(group);
    return &sqlink__aggregates[id];
}

/* A step or inverse status: 0, or the error's code with its message left
 * for overflow.take. */
static int32_t status_of(sqlink_context *ctx) {
    if (!ctx->error) return 0;
    wit_outcome out;
    sqlink__outcome_of(ctx, &out);
    return out.val.error;
}

static int32_t rows(uint32_t id, uint64_t group, uint32_t n_rows, uint32_t width, exports_sqlink_extension_aggregate_list_arg_t *args,
                    sqlink_wit_list_u8_t *subtypes, int inverse) {
    sqlink_context ctx;
    sqlink__context_init(&ctx, NULL);
    const struct entry *e = aggregate_entry(&ctx, id, group);
    struct values vs = {0};
    int have_values = 0, allocated = 0;
    if (!e) {
    } else if (inverse && !e->item->inverse) {
        sqlink_result_errorf(&ctx, "aggregate %s is not a window function", e->item->name);
    } else if ((uint64_t)n_rows * width != args->len) {
        sqlink_result_errorf(&ctx, "%s(): the host sent %zu arguments for %u rows of %u", e->item->name, args->len, (unsigned)n_rows, (unsigned)width);
    } else if (allocated = 1, !(have_values = sqlink__values_alloc(&vs, width))) {
        sqlink_result_error_nomem(&ctx);
    } else {
        sqlink_function fn = inverse ? e->item->inverse : e->item->call;
        for (uint32_t row = 0; row < n_rows && !ctx.error; row++) {
            for (uint32_t k = 0; k < width; k++) {
                size_t at = (size_t)row * width + k;
                sqlink__value_from_arg(&vs.values[k], &args->ptr[at]);
                if (subtypes->len == args->len) vs.values[k].subtype = subtypes->ptr[at];
                vs.argv[k] = &vs.values[k];
            }
            if (!(e->item->flags & SQLINK_NULLS) && sqlink__any_null((int)width, vs.argv)) continue; /* the NULL rule: skip the row */
            if (fn) fn(&ctx, (int)width, vs.argv);
            sqlink__clear_result(&ctx); /* a step's result means nothing */
        }
    }
    int32_t status = status_of(&ctx);
    sqlink__context_free(&ctx);
    if (allocated) sqlink__values_free(&vs);
    for (size_t k = 0; k < args->len; k++) sqlink__free_arg(&args->ptr[k]);
    if (args->len) free(args->ptr);
    sqlink_wit_list_u8_free(subtypes);
    return status;
}

int32_t exports_sqlink_extension_aggregate_step(uint32_t id, uint64_t group, uint32_t n_rows, uint32_t width,
                                                exports_sqlink_extension_aggregate_list_arg_t *args, sqlink_wit_list_u8_t *subtypes) {
    return rows(id, group, n_rows, width, args, subtypes, 0);
}

int32_t exports_sqlink_extension_aggregate_inverse(uint32_t id, uint64_t group, uint32_t n_rows, uint32_t width,
                                                   exports_sqlink_extension_aggregate_list_arg_t *args, sqlink_wit_list_u8_t *subtypes) {
    return rows(id, group, n_rows, width, args, subtypes, 1);
}

static void finish(uint32_t id, uint64_t group, int final, exports_sqlink_extension_aggregate_subtyped_outcome_t *ret) {
    sqlink_context ctx;
    sqlink__context_init(&ctx, NULL);
    const struct entry *e = aggregate_entry(&ctx, id, group);
    if (e) {
        sqlink_final fn = final ? e->item->final : e->item->value;
        if (!final && !fn) sqlink_result_errorf(&ctx, "aggregate %s is not a window function", e->item->name);
        else if (fn) fn(&ctx);
    }
    sqlink__outcome_of(&ctx, &ret->value);
    ret->subtype = ctx.error ? 0 : (uint8_t)ctx.subtype;
    sqlink__context_free(&ctx);
    if (final) {
        /* The group is done: drop its state (even one created by FINAL). */
        struct group **slot = group_slot(group);
        struct group *g = *slot;
        if (g) {
            *slot = g->next;
            free(g->state);
            free(g);
        }
    }
}

void exports_sqlink_extension_aggregate_value(uint32_t id, uint64_t group, exports_sqlink_extension_aggregate_subtyped_outcome_t *ret) {
    finish(id, group, 0, ret);
}

void exports_sqlink_extension_aggregate_finalize(uint32_t id, uint64_t group, exports_sqlink_extension_aggregate_subtyped_outcome_t *ret) {
    finish(id, group, 1, ret);
}

#endif /* SQLINK_EXPORT_AGGREGATE */
