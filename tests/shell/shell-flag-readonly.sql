-- args: -readonly /tmp/sqlink-shell-test-readonly.db
-- exit: 1
-- -readonly refuses writes (a missing file cannot be opened read-only, so
-- the first statement fails and creates nothing).
select 1;
-- !! Error: unable to open database "/tmp/sqlink-shell-test-readonly.db": unable to open database file
