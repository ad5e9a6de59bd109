# decimal: SQLite's ext/misc/decimal.c, compiled unchanged.
decimal_SOURCES := $(MISC)/decimal.c
decimal_INIT := sqlite3_decimal_init
decimal_VERSION := $(MISC_SQLITE_VERSION)
decimal_DESCRIPTION := Arbitrary-precision decimal arithmetic on text: decimal, decimal_exp, decimal_cmp, decimal_add, decimal_sub, decimal_mul, decimal_pow2, the decimal_sum aggregate and the decimal collation. Compatible with SQLite $(MISC_SQLITE_VERSION) ext/misc/decimal.c (compiled unchanged).
