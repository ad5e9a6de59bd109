# compress: SQLite's ext/misc/compress.c with zlib, compiled unchanged.
compress_SOURCES := $(MISC)/compress.c $(ZLIB_SOURCES)
compress_INIT := sqlite3_compress_init
compress_VERSION := $(MISC_SQLITE_VERSION)
compress_CFLAGS := -I$(ZLIB)
compress_DESCRIPTION := zlib compression with the original size as a varint prefix: compress, uncompress. Compatible with SQLite $(MISC_SQLITE_VERSION) ext/misc/compress.c (compiled unchanged, with zlib 1.3.1).
