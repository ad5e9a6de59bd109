/*
 * scalar.c: scalar.invoke0..3 (arguments in registers), invoke and invoke-
 * subtyped: the NULL rule, then the item's function.
 */
#include "internal.h"

/* ---- Scalar calls ------------------------------------------------------ */

#if SQLINK_EXPORT_SCALAR

/* Calls function ID with ARGC arguments into CTX (set up by the caller). */
static void call_function(sqlink_context *ctx, uint32_t id, int argc, sqlink_value **argv) {
    sqlink__build();
    struct entry declared;
    const struct entry *e = id < sqlink__n_functions ? &sqlink__functions[id] : NULL;
    if (!e && sqlink__declared_function) {
        /* A function declared at run time (one arity per declaration). */
        declared.item = sqlink__declared_function(id);
        declared.arity = declared.item ? declared.item->min_args : 0;
        if (declared.item) e = &declared;
    }
    if (!e) {
        sqlink_result_errorf(ctx, "no scalar function with id %u", (unsigned)id);
        return;
    }
    ctx->item = e->item;
    if (e->arity >= 0 && argc != e->arity) {
        sqlink_result_errorf(ctx, "%s() takes %d arguments, got %d", e->item->name, e->arity, argc);
    } else if (e->arity < 0 && argc < e->item->min_args) {
        sqlink_result_errorf(ctx, "%s() takes at least %d arguments, got %d", e->item->name, e->item->min_args, argc);
    } else if (!e->item->call) {
        sqlink_result_errorf(ctx, "%s() has no C function in SQLINK_EXTENSION", e->item->name);
    } else if (!(e->item->flags & SQLINK_NULLS) && sqlink__any_null(argc, argv)) {
        /* The NULL rule: NULL in, NULL out, without running. */
    } else {
        e->item->call(ctx, argc, argv);
    }
}

static void scalar(uint32_t id, int argc, wit_arg **args, wit_outcome *ret) {
    sqlink_value values[3];
    sqlink_value *argv[3];
    for (int k = 0; k < argc; k++) {
        sqlink__value_from_arg(&values[k], args[k]);
        argv[k] = &values[k];
    }
    sqlink_context ctx;
    sqlink__context_init(&ctx, NULL);
    call_function(&ctx, id, argc, argv);
    sqlink__outcome_of(&ctx, ret);
    sqlink__context_free(&ctx);
    for (int k = 0; k < argc; k++) sqlink__free_arg(args[k]);
}

void exports_sqlink_extension_scalar_invoke0(uint32_t id, wit_outcome *ret) {
    scalar(id, 0, NULL, ret);
}

void exports_sqlink_extension_scalar_invoke1(uint32_t id, wit_arg *a, wit_outcome *ret) {
    wit_arg *args[1] = {a};
    scalar(id, 1, args, ret);
}

void exports_sqlink_extension_scalar_invoke2(uint32_t id, wit_arg *a, wit_arg *b, wit_outcome *ret) {
    wit_arg *args[2] = {a, b};
    scalar(id, 2, args, ret);
}

void exports_sqlink_extension_scalar_invoke3(uint32_t id, wit_arg *a, wit_arg *b, wit_arg *c, wit_outcome *ret) {
    wit_arg *args[3] = {a, b, c};
    scalar(id, 3, args, ret);
}

void exports_sqlink_extension_scalar_invoke(uint32_t id, exports_sqlink_extension_scalar_list_arg_t *args, wit_outcome *ret) {
    sqlink_context ctx;
    sqlink__context_init(&ctx, NULL);
    struct values vs;
    if (!sqlink__values_alloc(&vs, args->len)) {
        sqlink_result_error_nomem(&ctx);
    } else {
        for (size_t k = 0; k < args->len; k++) {
            sqlink__value_from_arg(&vs.values[k], &args->ptr[k]);
            vs.argv[k] = &vs.values[k];
        }
        call_function(&ctx, id, (int)args->len, vs.argv);
    }
    sqlink__outcome_of(&ctx, ret);
    sqlink__context_free(&ctx);
    sqlink__values_free(&vs);
    for (size_t k = 0; k < args->len; k++) sqlink__free_arg(&args->ptr[k]);
    if (args->len) free(args->ptr);
}

void exports_sqlink_extension_scalar_invoke_subtyped(uint32_t id, exports_sqlink_extension_scalar_list_subtyped_value_t *args,
                                                     exports_sqlink_extension_scalar_subtyped_outcome_t *ret) {
    sqlink_context ctx;
    sqlink__context_init(&ctx, NULL);
    struct values vs;
    wit_arg *as_args = args->len ? malloc(args->len * sizeof *as_args) : NULL;
    int converted = 0;
    if (!sqlink__values_alloc(&vs, args->len) || (args->len && !as_args)) {
        sqlink_result_error_nomem(&ctx);
    } else {
        converted = 1;
        for (size_t k = 0; k < args->len; k++) {
            sqlink__value_from_wit(&vs.values[k], &args->ptr[k].value, &as_args[k]);
            vs.values[k].subtype = args->ptr[k].subtype;
            vs.argv[k] = &vs.values[k];
        }
        call_function(&ctx, id, (int)args->len, vs.argv);
    }
    sqlink__outcome_of(&ctx, &ret->value);
    ret->subtype = ctx.error ? 0 : (uint8_t)ctx.subtype;
    sqlink__context_free(&ctx);
    sqlink__values_free(&vs);
    for (size_t k = 0; k < args->len; k++) {
        /* The text may have moved (terminate): free it where it is now. */
        if (converted) sqlink__free_arg(&as_args[k]);
        else sqlink_extension_types_value_free(&args->ptr[k].value);
    }
    free(as_args);
    if (args->len) free(args->ptr);
}

#endif /* SQLINK_EXPORT_SCALAR */
