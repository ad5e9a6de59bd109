-- exit: 1
-- libsqlink_loader in Debian's stock sqlite3 3.40 shell.
.load dist/lib/libsqlink_loader
select sqlink_load('dist/extensions/uuid.wasm');
-- => loaded uuid 0.1.0: 7 functions (prefix uuid__; memory 256 MiB, timeout 5000 ms)
select uuid_str(uuid_blob('D5A80B20-0D8F-11E5-B8CB-080027B6EC40'));
-- => d5a80b20-0d8f-11e5-b8cb-080027b6ec40
select uuid4() = uuid4(), length(uuid__uuid4());
-- => 0|36
select json_array_length(sqlink_extensions()), json_extract(sqlink_extensions(), '$[0].name'), json_extract(sqlink_extensions(), '$[0].functions[0]');
-- => 1|uuid|uuid4(0), uuid__uuid4(0)
-- Loading the library again on the same connection changes nothing.
.load dist/lib/libsqlink_loader
select json_array_length(sqlink_extensions());
-- => 1
-- Errors say what to do, in sqlink_load's terms.
select sqlink_load('dist/extensions/uuid.wasm');
-- !! Runtime error near line 17: extension uuid is already loaded (from dist/extensions/uuid.wasm); sqlink_unload('uuid') first
select sqlink_load('dist/extensions/define.wasm');
-- !! Runtime error near line 19: refusing to load extension define: it imports sqlink:extension/spi@0.2.0: load it with sqlink_load(path, 'spi')
select sqlink_load('dist/test-extensions/wrong-version.wasm');
-- !! Runtime error near line 21: dist/test-extensions/wrong-version.wasm: built for contract sqlink:extension@0.1.0, but this host speaks sqlink:extension@0.2.0; rebuild the extension against sqlink:extension@0.2.0
select sqlink_load('dist/extensions/uuid.wasm', 'net');
-- !! Runtime error near line 23: invalid grant 'net': expected spi, fs:DIR, fs:DIR:ro, http:HOST-PATTERN or env:NAME
select sqlink_load('dist/extensions/stats.wasm', '', 'speed=fast');
-- !! Runtime error near line 25: unknown option 'speed=fast': expected mem=BYTES, timeout=MS, pin=NAME or prefix=P
-- Unloading works from inside the statement that asks for it.
select sqlink_unload('uuid');
-- =>
select uuid4();
-- !! Runtime error near line 30: no such function: uuid4 (its extension was unloaded)
select sqlink_load('dist/extensions/uuid.wasm');
-- => loaded uuid 0.1.0: 7 functions (prefix uuid__; memory 256 MiB, timeout 5000 ms)
select length(uuid4());
-- => 36
-- The loader's functions are DIRECTONLY: a view cannot call them.
create view sneaky as select sqlink_load('dist/extensions/crypto.wasm');
select * from sneaky;
-- !! Parse error near line 38: unsafe use of sqlink_load()
select hex(sha256('abc'));
-- !! Parse error near line 40: no such function: sha256
-- !!   select hex(sha256('abc'));
-- !!              ^--- error here
