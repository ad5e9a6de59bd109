-- runners: wasm (what a table needing SQL inside its calls meets when SQLite runs in wasm)
-- exit: 1
-- The engine's component cannot be re-entered while it calls the
-- extension, so spi inside a vtab call fails with a message saying so,
-- and nothing is left behind.
.load dist/test-extensions/kvstore.wasm --grant spi
create virtual table kv using kvstore;
-- !! Runtime error near line 7: kvstore: SQL access from inside a call of the extension (a function, a virtual table, a hook) is not possible when SQLite runs in wasm (--engine wasm): the engine cannot be re-entered; run it from the extension's attach hook, or use the native engine (21)
select count(*) from sqlite_schema;
-- => 0
