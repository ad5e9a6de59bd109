# totype: SQLite's ext/misc/totype.c, compiled unchanged.
totype_SOURCES := $(MISC)/totype.c
totype_INIT := sqlite3_totype_init
totype_VERSION := $(MISC_SQLITE_VERSION)
totype_DESCRIPTION := Lossless conversion to integer or real, NULL when the value does not convert exactly: tointeger, toreal. Compatible with SQLite $(MISC_SQLITE_VERSION) ext/misc/totype.c (compiled unchanged).
