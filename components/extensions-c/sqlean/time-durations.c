/*
 * time-durations.c: sqlean's time module with its duration constants
 * fixed for wasm32. The init function of this build (-DSQLEAN_INIT=
 * sqlean_time_init, see the Makefile): time_init, then dur_h(), dur_m(),
 * dur_s(), dur_ms(), dur_us() and dur_ns() registered again.
 *
 * sqlean-time.c (compiled unchanged) registers each duration constant
 * with its value cast to the function's user data, `(void *)Hour`, and
 * reads it back as `(intptr_t)sqlite3_user_data(context)`. A pointer holds
 * 64 bits on the platforms sqlean targets but 32 in wasm32, where the cast
 * keeps the low 32 bits: dur_h() (3600 * 10^9 ns) and dur_m() (60 * 10^9)
 * come back wrong, and with them every documented example that adds,
 * truncates or rounds by hours or minutes (dur_s() and below happen to
 * fit). The source is right where it was meant to run; only its
 * assumption that a 64-bit integer fits in a pointer is not.
 *
 * So this file, not a patch: after time_init, each constant is registered
 * again under the same name and argument count, which replaces the
 * earlier registration (as in SQLite, and in the compatibility layer),
 * with a pointer to the module's own 64-bit constant (time/timex.h's
 * Nanosecond ... Hour) as its user data and a function that reads the
 * value through it. The flags are time_init's.
 */
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT3

#include "time/timex.h"

int time_init(sqlite3 *db);

/* dur_*(): the 64-bit duration its user data points to. */
static void duration(sqlite3_context *context, int argc, sqlite3_value **argv) {
    (void)argc;
    (void)argv;
    sqlite3_result_int64(context, *(const Duration *)sqlite3_user_data(context));
}

int sqlean_time_init(sqlite3 *db) {
    static const struct {
        const char *name;
        const Duration *value;
    } constants[] = {
        {"dur_h", &Hour},         {"dur_m", &Minute},       {"dur_s", &Second},
        {"dur_ms", &Millisecond}, {"dur_us", &Microsecond}, {"dur_ns", &Nanosecond},
    };
    const int flags = SQLITE_UTF8 | SQLITE_INNOCUOUS | SQLITE_DETERMINISTIC;
    int rc = time_init(db);
    if (rc != SQLITE_OK) return rc;
    for (unsigned k = 0; k < sizeof constants / sizeof constants[0]; k++) {
        rc = sqlite3_create_function(db, constants[k].name, 0, flags, (void *)constants[k].value, duration, 0, 0);
        if (rc != SQLITE_OK) return rc;
    }
    return SQLITE_OK;
}
