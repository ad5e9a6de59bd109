# ieee754: SQLite's ext/misc/ieee754.c, compiled unchanged.
ieee754_SOURCES := $(MISC)/ieee754.c
ieee754_INIT := sqlite3_ieee_init
ieee754_VERSION := $(MISC_SQLITE_VERSION)
ieee754_DESCRIPTION := IEEE 754 binary64 numbers taken apart and put together: ieee754, ieee754_mantissa, ieee754_exponent, ieee754_to_blob, ieee754_from_blob, ieee754_inc. Compatible with SQLite $(MISC_SQLITE_VERSION) ext/misc/ieee754.c (compiled unchanged).
