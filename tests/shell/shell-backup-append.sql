-- exit: 1
-- .backup --append needs sqlite3's append VFS, which sqlink does not have.
.backup --append /tmp/sqlink-shell-test-append.db
-- !! Error: --append needs the append VFS, which this shell does not have
