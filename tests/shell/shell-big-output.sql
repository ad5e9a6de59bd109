-- A 10 MB text value printed in full: only its length is checked here
-- (through .once into a file that .read then measures).
.once /tmp/sqlink-shell-test-big.sql
select 'select length(''' || printf('%.*c', 10000000, 'z') || ''');';
.read /tmp/sqlink-shell-test-big.sql
-- => 10000000
