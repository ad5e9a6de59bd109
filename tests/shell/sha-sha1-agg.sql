-- runners: native wasm (sha1_query and .sha3sum run SQL through SPI; the composed cli cannot grant spi)
-- exit: 1
-- sha1, sha1b, sha1_query and sha3_agg, which Debian's sqlite3 3.40.1 does
-- not have: expectations are the FIPS 180 / RFC 3174 test vectors, and
-- hashes of the byte streams sha1.c and shathree.c document (computed
-- with Python's hashlib). Then .sha3sum's errors as sqlink reports them.
.load dist/extensions/sha.wasm --grant spi
select sha1('abc'), sha1(''), sha1(x'');
-- => a9993e364706816aba3e25717850c26c9cd0d89d|da39a3ee5e6b4b0d3255bfef95601890afd80709|da39a3ee5e6b4b0d3255bfef95601890afd80709
select sha1('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq');
-- => 84983e441c3bd26ebaae4aa1f95129e5e54670f1
select sha1('abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu');
-- => a49b2446a02c645bf419f995b67091253a04a259
select sha1(replace(hex(zeroblob(500000)), '0', 'a'));
-- => 34aa973cd4c4daa4f61eeb2bdbad27316534016f
select sha1(replace(hex(zeroblob(20)), '00', '01234567012345670123456701234567'));
-- => dea356a2cddd90c7a7ecedc5ebb563934f460452
select typeof(sha1('abc')), hex(sha1b('abc')), typeof(sha1b('abc')), length(sha1b(''));
-- => text|A9993E364706816ABA3E25717850C26C9CD0D89D|blob|20
select sha1(1) = sha1('1'), sha1(2.5) = sha1('2.5'), sha1(0.1 + 0.2) = sha1('0.3'), sha1('hello') = sha1(x'68656c6c6f');
-- => 1|1|1|1
select sha1(NULL) is null, sha1b(NULL) is null, sha1_query(NULL) is null;
-- => 1|1|1
-- sha1_query: S<n>:<statement>, then R and the tagged values of each row.
select sha1_query('select 1');
-- => 607ebfacbfd9bac2e9a1a19d4110aa08c6b11d32
select sha1_query('select 1, 2.5, ''x'', x''00'', null; select 2 union select 3');
-- => baf8e9b52ef0045f19af1ea79a97340253586c93
-- A trailing empty statement adds S0: (sha3_query adds nothing).
select sha1_query('select 1;  ');
-- => 566cd240f1e5f57f44af1a309cc91591f328cae8
select sha1_query('selec 1');
-- !! Runtime error near line 32: error SQL statement [ 1]: near "selec": syntax error
create table t(a);
select sha1_query('select 1; insert into t values (1)');
-- !! Runtime error near line 35: non-query: [ insert into t values (1)]
select count(*) from t;
-- => 0
-- sha3_agg: every row, NULLs too, tagged as sha3_query tags values.
with a(x) as (values ('xyzzy')) select sha3_agg(x) = sha3('T5:xyzzy') from a;
-- => 1
with a(x) as (values (x'010203')) select sha3_agg(x) = sha3(x'42333a010203') from a;
-- => 1
with a(x) as (values (0x123456)) select sha3_agg(x) = sha3(x'490000000000123456') from a;
-- => 1
with a(x) as (values (100.015625)) select sha3_agg(x) = sha3(x'464059010000000000') from a;
-- => 1
with a(x) as (values (NULL)) select sha3_agg(x) = sha3('N') from a;
-- => 1
with a(i, x) as (values (1, 'a'), (2, 'b'), (3, NULL), (4, 3))
select hex(sha3_agg(x order by i)), hex(sha3_agg(x order by i desc)) from a;
-- => C63B273647387D71F4C55ACB9CB158B594C09DF4E0F8C0AEC5E53A84B85EC28E|ADB0C92AC20B8798723B93EDCAAECFD486784BA97EEF0B3204A27925B761FBDB
with a(x) as (values (1), (2)) select hex(sha3_agg(x, 224)), hex(sha3_agg(x, '384')) from a;
-- => 184F46EA616BCBDEF248BB010E157EB2104DA16B46AFEFC13F05D33F|5D1D3173C8FFD3E336533D1C5301BD3AB7E0066AF6B57F920F356084936152132E1DE4E4CE1E7039814A6602AA5AEDD9
with a(x) as (values (1), (2)) select hex(sha3_agg(x, 512)) from a;
-- => 3FA614CCB8D62BA126EEE5862887EF11E95D9C9748E4996CE77C6614A31AF7D066388137B36A1E49805362E6D9CF1BA1B73819D63AB46C37190060E685BE4592
-- A size other than 224, 384 or 512 means 256, without an error.
with a(x) as (values (1), (2)) select hex(sha3_agg(x, 100)), hex(sha3_agg(x, NULL)), hex(sha3_agg(x)) from a;
-- => 31C05D2A9A4980A74FCDC5E864B5D7D86AF9EE8AC8DF56C4DDCC199D3D182C63|31C05D2A9A4980A74FCDC5E864B5D7D86AF9EE8AC8DF56C4DDCC199D3D182C63|31C05D2A9A4980A74FCDC5E864B5D7D86AF9EE8AC8DF56C4DDCC199D3D182C63
select sha3_agg(x) is null, sha3_agg(x, 512) is null from (select 1 as x where 0);
-- => 1|1
with v(x) as (values (0x123456), (100.015625), (x'010203'), ('xyzzy'), (NULL)) select hex(sha3_agg(x)) from v;
-- => A6330CB02994E41348A491EDBCA3441350818DFB8A7290E0C3D879D568C151AE
-- .sha3sum: the sqlite_stat4 query (Debian's sqlite3 has no STAT4), and
-- errors (sqlite3 prints them without "Error: sha: ").
insert into t values (1), (2);
create index ti on t(a);
analyze;
.sha3sum --debug sqlite_stat%
-- => WITH [sha3sum$query](a,b) AS(VALUES('SELECT tbl,idx,stat FROM sqlite_stat1 ORDER BY tbl,idx;','sqlite_stat1'),('SELECT * FROM sqlite_stat4 ORDER BY tbl, idx, rowid;
-- => ','sqlite_stat4')) SELECT lower(hex(sha3_query(a,224))) AS hash, b AS label   FROM [sha3sum$query]
.sha3sum --bogus
-- !! Error: Unknown option "--bogus" on "sha3sum"
.sha3sum a b
-- !! Error: Usage: .sha3sum ?OPTIONS? ?LIKE-PATTERN?
