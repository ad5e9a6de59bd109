-- runners: native wasm (sha3_query and .sha3sum run SQL through SPI; the composed cli cannot grant spi)
-- exit: 1
.load dist/extensions/sha.wasm --grant spi
-- sha3, sha3_query and .sha3sum as Debian's sqlite3 3.40.1 (SQLite's
-- shathree.c and shell, built in) answers. Made by gen.sh; under sqlink,
-- errors the extension raises read "sha: " after "error near line N: ".
-- FIPS 202 example messages.
select hex(sha3('abc')), hex(sha3('abc', 224)), hex(sha3('abc', 384));
-- => 3A985DA74FE225B2045C172D6BD390BD855F086E3E9D525B46BFE24511431532|E642824C3F8CF24AD09234EE7D3C766FC9A3A5168D0C94AD73B46FDF|EC01498288516FC926459F58E2C6AD8DF9B473CB0FC08C2596DA7CF0E49BE4B298D88CEA927AC7F539F1EDF228376D25
select hex(sha3('abc', 512));
-- => B751850B1A57168A5693CD924B6B096E08F621827444F70D884F5D0240D2712E10E116E9192AF3C91A7EC57647E3934057340B4CF408D5A56592F8274EEC53F0
select hex(sha3('')), hex(sha3(x''));
-- => A7FFC6F8BF1ED76651C14756A061D662F580FF4DE43B49FA82D80A4B80F8434A|A7FFC6F8BF1ED76651C14756A061D662F580FF4DE43B49FA82D80A4B80F8434A
select hex(sha3('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'));
-- => 41C0DBA2A9D6240849100376A8235E2C82E1B9998A999E21DB32DD97496D3376
-- Blobs as they are, everything else as its text.
select sha3(1) = sha3('1'), sha3(-7) = sha3('-7'), sha3('hello') = sha3(x'68656c6c6f');
-- => 1|1|1
select sha3(2.5) = sha3('2.5'), sha3(1e100) = sha3('1.0e+100'), sha3(0.1 + 0.2) = sha3('0.3'), sha3(1.0/3) = sha3('0.333333333333333');
-- => 1|1|1|1
select hex(sha3(12345)), hex(sha3(-0.5, 224));
-- => 7D4E3EEC80026719639ED4DBA68916EB94C7A49A053E05C8F9578FE4E5A3D7EA|9F73A19D312381A211B2E589FAE6143C1A33E30E21BCCE797B5E7DC3
select hex(sha3('The quick brown 🦊 jumps over 13 lazy 🐶.'));
-- => 373FC327723CF3D5F07A0D97D0EDF49931A80E4A2F09CA1D295872FC515ADF35
select hex(sha3(cast(x'ff00fe' as text)));
-- => 3B9F5861DDC3907B3FAF0D6BA913B1CCF33BB5845F813CC2AB03E861621CC96D
-- NULL gives NULL; the size is checked first.
select sha3(NULL) is null, sha3(NULL, 512) is null;
-- => 1|1
select sha3(NULL, 100);
-- !! Runtime error near line 30: SHA3 size should be one of: 224 256 384 512
select sha3('abc', 128);
-- !! Runtime error near line 32: SHA3 size should be one of: 224 256 384 512
select sha3('abc', NULL);
-- !! Runtime error near line 34: SHA3 size should be one of: 224 256 384 512
-- The size is read as sqlite3_value_int reads it.
select sha3('abc', '384') = sha3('abc', 384), sha3('abc', 256.9) = sha3('abc'), sha3('abc', ' 224x') = sha3('abc', 224), sha3('abc', 4294967552) = sha3('abc');
-- => 1|1|1|1
select sha3('abc', '2.24e2');
-- !! Runtime error near line 39: SHA3 size should be one of: 224 256 384 512
select typeof(sha3('abc')), length(sha3('abc', 224)), length(sha3('abc', 256)), length(sha3('abc', 384)), length(sha3('abc', 512));
-- => blob|28|32|48|64
-- sha3_query: each statement and its rows, values tagged with their types.
create table t(a, b);
insert into t values (1, 'x'), (2.5, x'00ff'), (NULL, 'y'), (-9223372036854775808, ''), (0x123456, 1e300);
select hex(sha3_query('select 1; select 2'));
-- => B4AEBA20BE8DE7DB4459DA8FC726ECE1795493738A193FE62F1AA5472195B4DA
select sha3_query('select 1; select 2') = sha3('S9:select 1;R' || x'490000000000000001' || 'S9: select 2R' || x'490000000000000002');
-- => 1
select sha3_query('select * from t') = sha3('S15:select * from t' || 'R' || x'490000000000000001' || 'T1:x'
  || 'R' || x'464004000000000000' || 'B2:' || x'00ff' || 'RNT1:y' || 'R' || x'498000000000000000' || 'T0:'
  || 'R' || x'490000000000123456' || x'467e37e43c8800759c');
-- => 1
select hex(sha3_query('select * from t order by rowid')), hex(sha3_query('select * from t', 224));
-- => F2B66447BC5DE400E52E4F6DF96E380B051A1CEBA5037823750ED7560198EB2C|0D6180A09515D4FF5007050522B148D8857AB9DDB665765844D32DFC
select hex(sha3_query('select * from t; select count(*) from t;', 384));
-- => B35E2DC1E6A17C52D4827B2087C6E08FE13F69D70A94FEE0CC5306FFEFC76FF0BC08C4E1D4CAC58ADA6317CA94760B36
select hex(sha3_query('select * from t', 512));
-- => C92DEB193F400BD33B11CB1BB109C36C24A2ABB40A41F6189008FBF48E8B6B9233BD7887E3CD7E040B8464B1B9D2CB0E2773E8B7EA1CDF8F608EE60B44844FC1
select hex(sha3_query('select 1;')), hex(sha3_query('select 1;  -- trailing'));
-- => 05174F98D17F36A4F12CB4C8B29070093B1C86310D98E9492F1062099894C8D1|05174F98D17F36A4F12CB4C8B29070093B1C86310D98E9492F1062099894C8D1
select hex(sha3_query('')), hex(sha3_query('  ')), hex(sha3_query(';;'));
-- => A7FFC6F8BF1ED76651C14756A061D662F580FF4DE43B49FA82D80A4B80F8434A|A7FFC6F8BF1ED76651C14756A061D662F580FF4DE43B49FA82D80A4B80F8434A|A7FFC6F8BF1ED76651C14756A061D662F580FF4DE43B49FA82D80A4B80F8434A
select hex(sha3_query(';select 1')), hex(sha3_query('/* c */ select 1 ; ; select 2'));
-- => 0320C4B2D4B74AC48CA93500617AF98B093AAC68B605539374F53F7625C8F0F0|BB745972D35F9DD9AC548A0650446E721AFF3191E1A40478723CFC8D06C94924
select hex(sha3_query('select ?1, :x, @y'));
-- => 0439CD99FF87CD569A8DFCA7C01547EFF2252500E8DB83FD187DEDC8298DA792
select hex(sha3_query('create trigger if not exists nope after insert on t begin select 1; end'));
-- !! Runtime error near line 68: non-query: [create trigger if not exists nope after insert on t begin select 1; end]
select hex(sha3_query('select abs(-9223372036854775808)'));
-- => E3518E98615612CF9B6F7B4B6B2CC9C96C901E32F5B0543686D0D6A50095BDC4
select typeof(sha3_query('explain select 1')), length(sha3_query('explain query plan select * from t', 384));
-- => blob|48
select hex(sha3_query('pragma table_info(t)')), hex(sha3_query('begin'));
-- => 721B62E576774DEEC8F5AB9533C22F236F0B60DFD4BB3230A1366CE2BDA26F67|41C03B796B32EFDEE16DE9722C556364A9042CCA8F3DA0A753F995CC1D1A9FA9
select sha3_query(NULL) is null, sha3_query(NULL, 224) is null;
-- => 1|1
select sha3_query(NULL, 100);
-- !! Runtime error near line 78: SHA3 size should be one of: 224 256 384 512
select sha3_query('select 1', 0);
-- !! Runtime error near line 80: SHA3 size should be one of: 224 256 384 512
-- Statements that fail to compile, and writes, are errors.
select sha3_query('selec 1');
-- !! Runtime error near line 83: error SQL statement [ 1]: near "selec": syntax error
select sha3_query('select 1; selec 1; select 2');
-- !! Runtime error near line 85: error SQL statement [ 1; select 2]: near "selec": syntax error
select sha3_query('select * from nosuch; select 1');
-- !! Runtime error near line 87: error SQL statement [ select 1]: no such table: nosuch
select sha3_query('select 1; @');
-- !! Runtime error near line 89: error SQL statement [@]: unrecognized token: "@"
select sha3_query('select ''abc');
-- !! Runtime error near line 91: error SQL statement ['abc]: unrecognized token: "'abc"
select sha3_query('select (1');
-- !! Runtime error near line 93: error SQL statement []: incomplete input
select sha3_query('insert into t values (1, 2)');
-- !! Runtime error near line 95: non-query: [insert into t values (1, 2)]
select sha3_query('select 1; delete from t');
-- !! Runtime error near line 97: non-query: [ delete from t]
select sha3_query('explain insert into t values(1,2)');
-- !! Runtime error near line 99: non-query: [explain insert into t values(1,2)]
select sha3_query('explain query plan delete from t');
-- !! Runtime error near line 101: non-query: [explain query plan delete from t]
select sha3_query('pragma user_version = 3');
-- !! Runtime error near line 103: non-query: [pragma user_version = 3]
select sha3_query('create table u(x)');
-- !! Runtime error near line 105: non-query: [create table u(x)]
select count(*) from t;
-- => 5
-- .sha3sum: the tables' content (SHA3-224 by default in 3.40.1).
create table "Odd ""Name"""(z);
insert into "Odd ""Name""" values ('q'), (NULL);
create table s(id integer primary key autoincrement, v);
insert into s(v) values (1), ('two');
create table w(k primary key, v) without rowid;
insert into w values ('k', 2);
create table sqlitefoo(x);
insert into sqlitefoo values (1);
create index ti on t(a);
.sha3sum
-- => 2bda6ea5c9f02b1510823b0e23fe7545e81a9c7fee4294fbeb2a8977
.sha3sum --debug
-- => WITH [sha3sum$query](a,b) AS(VALUES('SELECT * FROM "odd ""name""" NOT INDEXED;','odd "name"'),('SELECT * FROM "s" NOT INDEXED;','s'),('SELECT * FROM "t" NOT INDEXED;','t'),('SELECT * FROM "w" NOT INDEXED;','w')) SELECT lower(hex(sha3_query(group_concat(a,''),224))) AS hash   FROM [sha3sum$query]
.sha3sum --sha3-256
-- => c942f065f2707c7576948b36d71b6add1c63e3f63982d353c72f7a815f4cd06a
.sha3sum -sha3-384 --schema
-- => 81e6dc5a147ea6f80eca734f7091bf7b8ce5c7bf4d097b882e733b0d79f3746bda3aec4941ea26ac492c1563f2c7f530
.sha3sum --sha3-512 --debug --schema
-- => WITH [sha3sum$query](a,b) AS(VALUES('SELECT * FROM "odd ""name""" NOT INDEXED;','odd "name"'),('SELECT * FROM "s" NOT INDEXED;','s'),('SELECT type,name,tbl_name,sql FROM sqlite_schema ORDER BY name;','sqlite_schema'),('SELECT name,seq FROM sqlite_sequence ORDER BY name;','sqlite_sequence'),('SELECT * FROM "sqlitefoo" NOT INDEXED;','sqlitefoo'),('SELECT * FROM "t" NOT INDEXED;','t'),('SELECT * FROM "w" NOT INDEXED;','w')) SELECT lower(hex(sha3_query(group_concat(a,''),512))) AS hash   FROM [sha3sum$query]
.sha3sum t
-- => 6cfedd0252769d561b579cbf78021250b6d4a3b5ce9f4140c26c75e5|t
.sha3sum ODD%
-- => 6d8f8ba29705e3d50c738a1cf775f8a7b886ce12561202fe733bc426|odd "name"
.sha3sum --debug o%
-- => WITH [sha3sum$query](a,b) AS(VALUES('SELECT * FROM "odd ""name""" NOT INDEXED;','odd "name"')) SELECT lower(hex(sha3_query(a,224))) AS hash, b AS label   FROM [sha3sum$query]
.sha3sum --sha3-256 _
-- => cd97872189d11e81ad7a04b9651ebe5f2058b1eaf4eab92fa92ac2360f5f7243|s
-- => df0bb2c0678b6446b5918ff1a8d30f27b64f44818f1669b3f1535790da5c32f7|t
-- => c5651d60b5f14ef47a559d8756909ec1befa9420a62557f04c6ce40a2797353b|w
.sha3sum sqlite_%
-- => 1ea04b1bab973330588511c59c9b8b5071ece222973a1f5d228365a8|sqlite_schema
-- => b9ab84899da96c7d77c0a02797982f784c22472ea08a85678326c470|sqlite_sequence
-- => 460a572fd1daa037bd9898c3ec372c85907d2073f6d7f58c42e5b525|sqlitefoo
.sha3sum sqlite%
.sha3sum --debug nothing
-- => WITH [sha3sum$query](a,b) AS()) SELECT lower(hex(sha3_query(a,224))) AS hash, b AS label   FROM [sha3sum$query]
analyze;
-- (sqlink's SQLite has STAT4, Debian's has not.)
drop table if exists sqlite_stat4;
.sha3sum --schema
-- => fdf12a4bc54efb86c1ce18dca776b0ae6838f09a8e39618d87676a87
.sha3sum sqlite_stat%
-- => 77101b5b5d069538e620684d79ee427b52c7655f6f1205e0c9329c57|sqlite_stat1
