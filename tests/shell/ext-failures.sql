-- runners: native wasm (fixtures that misbehave; a composed build has only its baked-in extensions)
-- exit: 1
-- Every bad extension gives a clear error; the shell keeps working and the
-- database is intact.
.open --new /tmp/sqlink-ext-failures.db
create table kept(x);
insert into kept values (1), (2), (3);
-- A crash (a Rust panic is a wasm trap); its panic message goes to stderr.
.load dist/test-extensions/trap.wasm
select trap_panic('boom');
-- !!
-- !! thread '<unnamed>' (1) panicked at testing/trap/src/lib.rs:10:9:
-- !! boom
-- !! note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace
-- !! Runtime error near line 10: trap: the extension crashed (wasm trap: wasm `unreachable` instruction executed); the extension was restarted
select trap_ok();
-- => 42
-- A loop that never ends hits the CPU limit.
.load dist/test-extensions/spin.wasm --timeout 100
select spin_forever();
-- !! Runtime error near line 20: spin: call exceeded the CPU time limit of 100 ms (raise it with --timeout MS); the extension was restarted
select spin_for(10);
-- => 10
-- Allocation without bound hits the memory limit.
.load dist/test-extensions/hog.wasm --mem 16M
select hog_forever();
-- !! Runtime error near line 26: hog: call exceeded the memory limit of 16 MiB (raise it with --mem BYTES); the extension was restarted
select hog_alloc(2);
-- => 2097152
-- Importing wasi:filesystem without a grant is refused.
.load dist/test-extensions/fsread.wasm
-- !! Error: refusing to load extension fsread: it imports wasi:filesystem/types@0.2.6 but no directory was granted: load it with --grant fs:DIR (or fs:DIR:ro); it imports wasi:filesystem/preopens@0.2.6 but no directory was granted: load it with --grant fs:DIR (or fs:DIR:ro)
-- Files that are not components, or not for this contract version.
.load README.md
-- !! Error: README.md: not a WebAssembly file (it does not start with \0asm)
.load tests/shell/data/core-module.wasm
-- !! Error: tests/shell/data/core-module.wasm: a core WebAssembly module, not a component: build it for the wasm32-wasip2 target (or wrap it with `wasm-tools component new`)
.load tests/shell/data/corrupt.wasm
-- !! Error: tests/shell/data/corrupt.wasm: not a valid component: magic header not detected: bad magic number - expected=[ 0x0, 0x61, 0x73, 0x6d, ] actual=[ 0x67, 0x61, 0x72, 0x62, ] (at offset 0xa)
.load dist/bin/sqlink
-- !! Error: dist/bin/sqlink: a native shared library, not a WebAssembly component: sqlink loads .wasm extensions (native ones load into the stock sqlite3 shell)
.load dist/test-extensions/wrong-version.wasm
-- !! Error: dist/test-extensions/wrong-version.wasm: built for contract sqlink:extension@0.1.0, but this host speaks sqlink:extension@0.2.0; rebuild the extension against sqlink:extension@0.2.0
.load no/such/file.wasm
-- !! Error: cannot read no/such/file.wasm: No such file or directory (os error 2)
-- Bad options.
.load dist/extensions/uuid.wasm --grant net
-- !! Error: invalid grant 'net': expected spi, fs:DIR, fs:DIR:ro, http:HOST-PATTERN or env:NAME
.load dist/extensions/uuid.wasm --mem lots
-- !! Error: invalid size 'lots': expected bytes, optionally with K, M or G
-- The database is intact and the shell still works.
select sum(x) from kept;
-- => 6
pragma integrity_check;
-- => ok
.load dist/extensions/uuid.wasm
select uuid_str(uuid_blob('D5A80B20-0D8F-11E5-B8CB-080027B6EC40'));
-- => d5a80b20-0d8f-11e5-b8cb-080027b6ec40
