# sqlar: SQLite's ext/misc/sqlar.c with zlib, compiled unchanged.
sqlar_SOURCES := $(MISC)/sqlar.c $(ZLIB_SOURCES)
sqlar_INIT := sqlite3_sqlar_init
sqlar_VERSION := $(MISC_SQLITE_VERSION)
sqlar_CFLAGS := -I$(ZLIB)
sqlar_DESCRIPTION := The compression of SQLite archives (sqlar): sqlar_compress, sqlar_uncompress. Compatible with SQLite $(MISC_SQLITE_VERSION) ext/misc/sqlar.c (compiled unchanged, with zlib 1.3.1).
