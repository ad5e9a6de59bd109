-- exit: 1
-- libsqlink_loader in Debian's sqlite3: an extension's own SQL (spi) may
-- not load other extensions, call the shell's file functions or attach
-- files, though the shell's own SQL may.
.load dist/lib/libsqlink_loader
select sqlink_load('dist/test-extensions/spisql.wasm', 'spi');
-- => loaded spisql 0.1.0: 4 functions (prefix spisql__; memory 256 MiB, timeout 5000 ms; granted spi)
create table t(x);
select spi_run('insert into t values (1)');
select count(*) from t;
-- => 0
-- => 1
select spi_run('select sqlink_load(''dist/extensions/uuid.wasm'')');
-- !! Runtime error near line 13: an extension may not call sqlink_load(): it loads code or reaches files outside its grants (23)
select spi_run('select readfile(''/etc/hostname'')');
-- !! Runtime error near line 15: an extension may not call readfile(): it loads code or reaches files outside its grants (23)
select spi_run('select writefile(''/tmp/sqlink-loader-escape.txt'', ''x'')');
-- !! Runtime error near line 17: an extension may not call writefile(): it loads code or reaches files outside its grants (23)
select spi_run('attach ''/tmp/sqlink-loader-escape.db'' as x');
-- !! Runtime error near line 19: an extension may not open another database file (ATTACH or VACUUM INTO '/tmp/sqlink-loader-escape.db'): only the operator attaches files (23)
select count(*) from pragma_database_list;
select length(readfile('dist/lib/libsqlink_loader.so')) > 0;
-- => 1
-- => 1
