# spellfix1: SQLite's ext/misc/spellfix.c, compiled unchanged; it keeps its
# vocabulary in a shadow table through SQL on the connection (--grant spi).
spellfix1_SOURCES := $(MISC)/spellfix.c
spellfix1_INIT := sqlite3_spellfix_init
spellfix1_VERSION := $(MISC_SQLITE_VERSION)
spellfix1_SPI := 1
spellfix1_DESCRIPTION := Spelling correction: the spellfix1 virtual table, editdist3, spellfix1_translit, spellfix1_phonehash, spellfix1_scriptcode, spellfix1_editdist. Compatible with SQLite $(MISC_SQLITE_VERSION) ext/misc/spellfix.c (compiled unchanged); loads with --grant spi.
