# uint: SQLite's ext/misc/uint.c, compiled unchanged.
uint_SOURCES := $(MISC)/uint.c
uint_INIT := sqlite3_uint_init
uint_VERSION := $(MISC_SQLITE_VERSION)
uint_DESCRIPTION := The uint collation: text compared with runs of digits as unsigned integers (natural order). Compatible with SQLite $(MISC_SQLITE_VERSION) ext/misc/uint.c (compiled unchanged).
