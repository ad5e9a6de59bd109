/* {{name}}: one line saying what this extension is for. `make` builds
 * {{name}}.wasm; sqlink.h (in the C SDK) documents every call. */
#include "sqlink.h"

/* hello(name): 'Hello, NAME!'; an error for an empty name. */
static void hello(sqlink_context *ctx, int argc, sqlink_value **argv) {
    const char *name;
    int len;
    if (!sqlink_arg_text(ctx, argv, 0, &name, &len)) return;
    if (len == 0) {
        sqlink_result_error(ctx, "hello(): name must not be empty", -1);
        return;
    }
    sqlink_result_textf(ctx, "Hello, %s!", name);
}

/* count_nulls(...): how many arguments are NULL (SQLINK_NULLS: the
 * function sees NULLs instead of the call returning NULL). */
static void count_nulls(sqlink_context *ctx, int argc, sqlink_value **argv) {
    int64_t nulls = 0;
    for (int k = 0; k < argc; k++) nulls += sqlink_value_type(argv[k]) == SQLINK_NULL;
    sqlink_result_int64(ctx, nulls);
}

SQLINK_EXTENSION("{{name}}", "0.1.0", "One line saying what this extension is for.",
    SQLINK_FUNCTION("hello", 1, SQLINK_DETERMINISTIC, hello, "Greets someone."),
    SQLINK_FUNCTION("count_nulls", -1, SQLINK_DETERMINISTIC | SQLINK_NULLS, count_nulls,
                    "How many of the arguments are NULL."));
