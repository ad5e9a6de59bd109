-- runners: native wasm (grants are given to .load; the composed build has no zipfile)
-- exit: 1
-- What sqlink adds to SQLite's zipfile: the grants its file access needs,
-- and qualified names. Expected output from dist/bin/sqlink (this is not
-- behaviour Debian's sqlite3 has), checked by hand.
-- Without a directory granted the extension does not load: it reaches files.
.load dist/extensions/zipfile.wasm
-- !! Error: refusing to load extension zipfile: it imports wasi:filesystem/types@0.2.6 but no directory was granted: load it with --grant fs:DIR (or fs:DIR:ro); it imports wasi:filesystem/preopens@0.2.6 but no directory was granted: load it with --grant fs:DIR (or fs:DIR:ro)
.load dist/extensions/zipfile.wasm --grant fs:/tmp:ro
-- Read-only: archives in /tmp can be listed, not written.
.output /tmp/sqlink-shell-test-zipfile-ro.zip
.output
select count(*) from zipfile('/tmp/sqlink-shell-test-zipfile-ro.zip');
-- => 0
create virtual table z using zipfile('/tmp/sqlink-shell-test-zipfile-ro.zip');
insert into z(name, mode, mtime, data) values('a', NULL, 0, 'x');
-- !! Runtime error near line 16: zipfile: failed to open file /tmp/sqlink-shell-test-zipfile-ro.zip for writing
select count(*) from z;
-- => 0
-- Files outside the granted directory cannot be opened.
select * from zipfile('/etc/hostname');
-- !! Runtime error near line 21: cannot open file: /etc/hostname
-- Blobs are read without touching any file.
select name, data from zipfile((select zipfile('a.txt', NULL, 0, 'from a blob')));
-- => a.txt|from a blob
-- The qualified names always work.
select name from zipfile__zipfile((select zipfile__zipfile('q', NULL, 0, 'x')));
-- => q
create virtual table q using zipfile__zipfile('/tmp/sqlink-shell-test-zipfile-ro.zip');
select count(*) from q;
-- => 0
