-- runners: native wasm (the spi guard in both engines of the sqlink host; the composed cli cannot grant spi)
-- exit: 1
-- An extension's own SQL reaches the connection and nothing else.
.load dist/test-extensions/spisql.wasm --grant spi
create table t(x);
.spi-run insert into t values (1)
select * from t;
-- => 1
.spi-run "attach '/tmp/sqlink-shell-test-spi-guard.db' as other"
-- !! Error: an extension may not open another database file (ATTACH or VACUUM INTO '/tmp/sqlink-shell-test-spi-guard.db'): only the operator attaches files
.spi-run "vacuum into '/tmp/sqlink-shell-test-spi-guard.db'"
-- !! Error: an extension may not open another database file (ATTACH or VACUUM INTO '/tmp/sqlink-shell-test-spi-guard.db'): only the operator attaches files
.spi-run pragma writable_schema = on
-- !! Error: an extension may not set PRAGMA writable_schema: it weakens the connection's defences
.spi-run "select fts3_tokenizer('simple')"
-- !! Error: an extension may not call fts3_tokenizer(): it loads code or reaches files outside its grants
pragma writable_schema;
select count(*) from pragma_database_list;
-- => 0
-- => 1
-- The operator's own statements are not the extension's.
attach '/tmp/sqlink-shell-test-spi-guard.db' as mine;
detach mine;
select count(*) from t;
-- => 1
