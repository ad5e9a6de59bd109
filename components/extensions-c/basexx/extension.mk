# basexx: SQLite's ext/misc/basexx.c, which includes base64.c and base85.c,
# compiled unchanged.
basexx_SOURCES := $(MISC)/basexx.c
basexx_INIT := sqlite3_basexx_init
basexx_VERSION := $(MISC_SQLITE_VERSION)
basexx_CFLAGS := -I$(MISC)
basexx_DESCRIPTION := Base64 and Base85 text for blobs and back: base64, base85, is_base85. Compatible with SQLite $(MISC_SQLITE_VERSION) ext/misc/base64.c and base85.c (compiled unchanged).
