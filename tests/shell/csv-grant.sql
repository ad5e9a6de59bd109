-- runners: native wasm (fs grants, and .shell to make the files)
-- exit: 1
.shell sh tests/shell/data/csv-fixtures.sh /tmp/sqlink-shell-test-csv-grant
-- sqlink-only behaviour (the references have no sandbox): csv and vsv
-- read files, so they load only with a directory granted, even to read
-- data=; files outside the granted directories cannot be opened.
.load dist/extensions/csv.wasm
-- !! Error: refusing to load extension csv: it imports wasi:filesystem/types@0.2.6 but no directory was granted: load it with --grant fs:DIR (or fs:DIR:ro); it imports wasi:filesystem/preopens@0.2.6 but no directory was granted: load it with --grant fs:DIR (or fs:DIR:ro)
.load dist/extensions/csv.wasm --grant fs:/tmp/sqlink-shell-test-csv-grant/empty:ro
create virtual table temp.t using csv(data='1,2');
select * from t;
-- => 1|2
create virtual table temp.u using csv(filename='/tmp/sqlink-shell-test-csv-grant/people.csv');
-- !! Runtime error near line 13: cannot open '/tmp/sqlink-shell-test-csv-grant/people.csv' for reading
create virtual table temp.v using csv(filename='/tmp/sqlink-shell-test-csv-grant/people.csv', columns=3);
select * from v;
-- !! Runtime error near line 16: cannot open '/tmp/sqlink-shell-test-csv-grant/people.csv' for reading
.load dist/extensions/vsv.wasm --grant fs:/tmp/sqlink-shell-test-csv-grant:ro
create virtual table temp.w using vsv(filename='/tmp/sqlink-shell-test-csv-grant/people.csv', affinity=integer);
select c0 + 1 from w;
-- => 12
-- => 23
-- => 34
