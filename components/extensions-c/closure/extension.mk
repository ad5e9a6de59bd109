# closure: SQLite's ext/misc/closure.c, compiled unchanged; it reads the
# tree's table with SQL on the connection (--grant spi).
closure_SOURCES := $(MISC)/closure.c
closure_INIT := sqlite3_closure_init
closure_VERSION := $(MISC_SQLITE_VERSION)
closure_SPI := 1
closure_DESCRIPTION := The transitive_closure virtual table: the descendants of a node of a tree kept in a table, by depth. Compatible with SQLite $(MISC_SQLITE_VERSION) ext/misc/closure.c (compiled unchanged); loads with --grant spi.
