-- runners: native wasm (the extension needs a directory granted; the composed build has no zipfile)
-- exit: 1
.load dist/extensions/zipfile.wasm --grant fs:/tmp
-- The zipfile table-valued function on blobs and files, as Debian's
-- sqlite3 3.40.1 (SQLite's zipfile.c, built into its shell) answers. Made
-- by components/extensions/zipfile/testdata/gen.sh from read.in.sql, the
-- archives written into it from testdata/archives.
.mode list
.headers on
select * from zipfile({{comments.zip}});
-- @
.headers off
select name, mode, mtime, sz, method, length(rawdata), length(data), quote(substr(data, 1, 16)) from zipfile({{python.zip}});
-- @
select name, mode, mtime, sz, method, z from zipfile({{dos.zip}});
-- @
select name, mtime, quote(data) from zipfile({{comments.zip}});
-- @
-- The argument is the hidden column z, which reads the cursor's number.
select name from zipfile where z = {{comments.zip}};
-- @
select count(*), sum(sz) from zipfile({{python.zip}}) where sz > 0;
-- @
-- Methods other than store and deflate: rawdata only.
select name, method, length(rawdata), quote(data) from zipfile({{bzip2.zip}});
-- @
-- Damaged archives.
select name, sz from zipfile({{bad-deflate.zip}});
-- @
select name, length(data) from zipfile({{bad-deflate.zip}});
-- @
select name, length(data) from zipfile({{short-size.zip}});
-- @
select * from zipfile({{bad-cds.zip}});
-- @
select name from zipfile({{bad-lfh.zip}});
-- @
select * from zipfile({{not-a-zip.zip}});
-- @
select * from zipfile(x'');
-- @
select count(*) from zipfile({{count.zip}});
-- @
-- Files: missing ones, no argument, NULL, numbers as names.
select * from zipfile('/tmp/sqlink-shell-test-zipfile-missing.zip');
-- @
select * from zipfile(NULL);
-- @
select * from zipfile(42);
-- @
select * from zipfile;
-- @
select * from zipfile('a', 'b');
-- @
