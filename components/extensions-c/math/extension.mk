# math: sqlean's math module, compiled unchanged.
math_SOURCES := $(SQLEAN_DIR)/sqlite/sqlean-math.c components/extensions-c/sqlean/init.c
math_INIT := sqlite3_math_init
math_VERSION := $(SQLEAN_VERSION)
math_CFLAGS := -I$(SQLEAN_DIR)/sqlite -DSQLEAN_ENTRY=sqlite3_math_init -DSQLEAN_INIT=math_init
math_DESCRIPTION := Mathematics: math_sqrt, math_pow, math_log, math_round, trigonometric and hyperbolic functions (with SQLite's unprefixed names too). Compatible with sqlean math $(SQLEAN_VERSION) (its C source, compiled unchanged).
