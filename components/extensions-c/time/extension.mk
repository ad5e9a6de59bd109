# time: sqlean's time module, compiled unchanged, with an addendum of ours
# (components/extensions-c/sqlean/time-durations.c): its source passes
# 64-bit durations as the void * user data of dur_h(), dur_m() ...,
# `(void *)Hour`, which keeps 32 bits in wasm32, so its init
# (sqlean_time_init) runs time_init and then registers the six dur_*()
# again (same name and arity: the later registration replaces the earlier)
# with the values behind a pointer.
time_SOURCES := $(SQLEAN_DIR)/sqlite/sqlean-time.c components/extensions-c/sqlean/init.c components/extensions-c/sqlean/time-durations.c
time_INIT := sqlite3_time_init
time_VERSION := $(SQLEAN_VERSION)
time_CFLAGS := -I$(SQLEAN_DIR)/sqlite -DSQLEAN_ENTRY=sqlite3_time_init -DSQLEAN_INIT=sqlean_time_init
time_DESCRIPTION := High-precision date and time: time_now, time_date, time_get_*, time_add, time_sub, time_trunc, time_fmt_*, time_parse, dur_*. Compatible with sqlean time $(SQLEAN_VERSION) (its C source, compiled unchanged).
