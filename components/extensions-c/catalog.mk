# Catalog extensions compiled from their reference's own C source, unchanged,
# with the sqlite3ext.h compatibility layer (components/sdk-c/compat).
# Included by the Makefile, after the rules of the C SDK, sqlean and
# sqlite-vec it builds on.
#
# Each components/extensions-c/NAME/extension.mk describes one extension of
# the catalog, built into dist/extensions/NAME.wasm beside the Rust ones:
#   NAME_SOURCES      the C files (downloaded ones are made by the rules here)
#   NAME_INIT         its sqlite3_load_extension entry point
#   NAME_VERSION      the reference's version (the manifest's)
#   NAME_CFLAGS       compiler flags, e.g. -I for the reference's headers
#   NAME_SPI          1 when it runs SQL on the connection (sqlink-cc --spi:
#                     it then loads only with --grant spi)
#   NAME_DESCRIPTION  what `.extensions --catalog` shows: what it does and
#                     which reference it is compatible with
# Adding one is adding that directory: nothing here names it.
#
# Sources come from package registries at build time, pinned by version and
# SHA-256, into target/third-party/ (never committed):
# * sqlean's modules from sqlean.py's PyPI sdist (the Makefile's c-sqlean);
# * SQLite's ext/misc from Debian's source package of SQLite 3.46.1, the
#   newest Debian has (the ext/misc files are independent of the SQLite
#   they are loaded into; sqlink's own SQLite is the one libsqlite3-sys
#   bundles);
# * zlib 1.3.1 (compress, sqlar) as the libz-sys crate on crates.io ships it;
# * sqlite-vec from its crate on crates.io (the Makefile's c-sqlite-vec).

C_EXTENSIONS := $(patsubst components/extensions-c/%/extension.mk,%,$(wildcard components/extensions-c/*/extension.mk))
C_EXTENSION_FILES := $(foreach e,$(C_EXTENSIONS),dist/extensions/$(e).wasm)
# Those that run SQL on the connection need a grant: not baked into the
# composed shell.
C_NEEDS_GRANT = $(foreach e,$(C_EXTENSIONS),$(if $($(e)_SPI),$(e)))

MISC_SQLITE_VERSION := 3.46.1
MISC_SQLITE_SHA256 := d0cdd2ece271b29e7ce18095745d892517ee26d0f270065b3a25c2e9eb11639c
MISC_SQLITE_URL := http://deb.debian.org/debian/pool/main/s/sqlite3/sqlite3_$(MISC_SQLITE_VERSION).orig.tar.xz
MISC_DIR := target/third-party/sqlite-$(MISC_SQLITE_VERSION)
MISC := $(MISC_DIR)/ext/misc

ZLIB_CRATE_VERSION := 1.1.22
ZLIB_CRATE_SHA256 := 8b70e7a7df205e92a1a4cd9aaae7898dac0aa555503cc0a649494d0d60e7651d
ZLIB_DIR := target/third-party/libz-sys-$(ZLIB_CRATE_VERSION)
ZLIB := $(ZLIB_DIR)/src/zlib
# The parts of zlib that compress()/uncompress() use (no gz* file I/O).
ZLIB_SOURCES := $(foreach f,adler32 compress crc32 deflate inffast inflate inftrees trees uncompr zutil,$(ZLIB)/$(f).c)

.PHONY: c-catalog
.SECONDARY: $(MISC_DIR)/extracted $(ZLIB_DIR)/extracted
c-catalog: $(C_EXTENSION_FILES)

include $(wildcard components/extensions-c/*/extension.mk)
# Extracted sources stay (make would delete them as intermediate files).
.SECONDARY: $(foreach e,$(C_EXTENSIONS),$($(e)_SOURCES))

$(MISC_DIR)/extracted:
	$(call fetch,$(MISC_DIR),$(MISC_SQLITE_URL),$(MISC_SQLITE_SHA256),SQLite $(MISC_SQLITE_VERSION)'s source (Debian) for ext/misc,J --strip-components=1,sqlite3-$(MISC_SQLITE_VERSION)/ext/misc)
$(MISC)/%.c: $(MISC_DIR)/extracted
	@test -f $@ || { echo "$@: no such file in SQLite $(MISC_SQLITE_VERSION)'s ext/misc" >&2; exit 1; }

$(ZLIB_DIR)/extracted:
	$(call fetch,$(ZLIB_DIR),https://static.crates.io/crates/libz-sys/libz-sys-$(ZLIB_CRATE_VERSION).crate,$(ZLIB_CRATE_SHA256),zlib (the libz-sys $(ZLIB_CRATE_VERSION) crate),z --strip-components=1,libz-sys-$(ZLIB_CRATE_VERSION)/src/zlib)
$(ZLIB)/%.c: $(ZLIB_DIR)/extracted
	@test -f $@ || { echo "$@: no such file in zlib" >&2; exit 1; }

define C_EXTENSION_RULE
dist/extensions/$(1).wasm: $$($(1)_SOURCES) $$(wildcard components/extensions-c/$(1)/*) $(SDK_C)/sqlink-cc $(SDK_C_FILES) $(COMPAT_FILES)
	@mkdir -p $$(@D)
	$(SDK_C)/sqlink-cc $$(if $$($(1)_SPI),--spi) --sqlite3-init $$($(1)_INIT) --name $(1) --version $$($(1)_VERSION) \
		--description "$$($(1)_DESCRIPTION)" -o $$@ $$(filter %.c,$$($(1)_SOURCES)) $$($(1)_CFLAGS)
endef
$(foreach e,$(C_EXTENSIONS),$(eval $(call C_EXTENSION_RULE,$(e))))
