-- exit: 1
.load dist/extensions/ulid.wasm
-- sqlite-ulid's documented examples (docs.md).
select ulid(X'0185f0dc8ec7613cfa43034128935a60');
-- => 01gqrds3p7c4yfmgr384m96pk0
select hex(ulid_bytes('01gqrdes0hyscqpxf1yjm6m3r9')), hex(ulid_bytes('01gqrdeseemx2mwnfg932phz1k'));
-- => 0185F0D76411F6597B75E1F4A86A0F09|0185F0D765CEA7454E55F048C568FC33
select ulid_datetime('01GQ8C8FWG0W1B5H3W5304049S');
-- => 2023-01-20 20:00:00.400
select ulid_datetime(X'0185d0c5362761312e0483e4c9e3ec5d');
-- => 2023-01-20 20:01:03.527
select ulid_datetime('invoice_01gqre8x2efy50mz28b238dh2a');
-- => 2023-01-27 01:43:01.966
select substr(ulid_with_datetime('2023-01-20 20:00:00.400'), 1, 10);
-- => 01gq8c8fwg
select '01GMP2G8ZG6PMKWYVKS62TTA41' == '01gmp2g8zg6pmkwyvks62tta41', '01GMP2G8ZG6PMKWYVKS62TTA41' == '01gmp2g8zg6pmkwyvks62tta41' collate nocase;
-- => 0|1
-- sqlite-ulid's tests (tests/test-loadable.py).
select ulid_datetime('01GMP2G8ZG6PMKWYVKS62TTA41'), ulid_datetime('u_01gqqt6dz6p00680vw747t8vs5');
-- => 2022-12-19 20:51:46.288|2023-01-26 19:52:09.446
select ulid_datetime(X'0185e5b1c5e9fba7f5cf534a13e42ea3');
-- => 2023-01-24 21:31:51.145
select ulid_datetime(ulid_with_datetime('2023-01-26 19:50:09.428'));
-- => 2023-01-26 19:50:09.428
select length(ulid()), typeof(ulid()), length(ulid(X'0185e5b1c5e9fba7f5cf534a13e42ea3')), length(ulid_bytes()), typeof(ulid_bytes()), length(ulid_bytes('01gqqt4x43d7k0x3n5jpqhh2qd')), length(ulid_with_prefix('abc'));
-- => 26|text|26|16|blob|16|30
select substr(ulid_version(), 1, 1), length(ulid_debug()) - length(replace(ulid_debug(), char(10), ''));
-- => v|2
-- Generated ULIDs: lower-case Crockford base32, fresh each call, time part now.
select ulid() glob '[0-7][0-9a-hjkmnp-tv-z]*' and length(ulid()) = 26, ulid() != ulid(), ulid_bytes() != ulid_bytes();
-- => 1|1|1
select ulid_datetime(ulid()) > '2025', ulid_datetime(ulid_bytes()) > '2025', ulid_datetime(ulid_with_prefix('x')) > '2025';
-- => 1|1|1
select ulid(ulid_bytes(upper('01gqrdes0hyscqpxf1yjm6m3r9'))), ulid_bytes(ulid(X'0185f0d76411f6597b75e1f4a86a0f09')) = X'0185f0d76411f6597b75e1f4a86a0f09';
-- => 01gqrdes0hyscqpxf1yjm6m3r9|1
select substr(ulid_with_prefix('Invoice'), 1, 8), substr(ulid_with_prefix(null), 1, 1), substr(ulid_with_prefix(42), 1, 3);
-- => invoice_|_|42_
select ulid_with_datetime('1970-01-01 00:00:00.000') like '0000000000%', ulid_datetime('7zzzzzzzzzzzzzzzzzzzzzzzzz');
-- => 1|+10889-08-02 05:31:50.655
-- Bad input: the reference's messages.
select ulid(null);
-- !! Runtime error near line 41: invalid BLOB input to ulid()
select ulid(x'0102');
-- !! Runtime error near line 43: invalid BLOB input to ulid()
select ulid_bytes(null);
-- !! Runtime error near line 45: invalid ULID input to ulid_bytes(): invalid length
select ulid_bytes('01gqrdes0hyscqpxf1yjm6m3ru');
-- !! Runtime error near line 47: invalid ULID input to ulid_bytes(): invalid character
select ulid_bytes(cast(x'ff' as text));
-- !! Runtime error near line 49: utf8 err
select ulid_datetime(null);
-- !! Runtime error near line 51: unsupported input for ulid_datetime
select ulid_datetime(12);
-- !! Runtime error near line 53: unsupported input for ulid_datetime
select ulid_datetime(x'01');
-- !! Runtime error near line 55: invalid BLOB input to ulid_datetime()
select ulid_datetime('invoice_nope');
-- !! Runtime error near line 57: invalid ULID input to ulid_datetime(): invalid length
select ulid_with_datetime('2023-01-26 19:50:09');
-- !! Runtime error near line 59: error parsing date and time using format '%Y-%m-%d %H:%M:%S.%3f': premature end of input
select ulid_with_datetime('2023-01-26T19:50:09.428');
-- !! Runtime error near line 61: error parsing date and time using format '%Y-%m-%d %H:%M:%S.%3f': input contains invalid characters
select ulid_with_datetime('2023-02-30 19:50:09.428');
-- !! Runtime error near line 63: error parsing date and time using format '%Y-%m-%d %H:%M:%S.%3f': input is out of range
select ulid_with_datetime(null);
-- !! Runtime error near line 65: error parsing date and time using format '%Y-%m-%d %H:%M:%S.%3f': premature end of input
select ulid_with_datetime('1969-12-31 23:59:59.999');
-- !! Runtime error near line 67: ulid_with_datetime(): 1969-12-31 23:59:59.999 is before 1970-01-01 00:00:00.000, which a ULID cannot hold
select ulid_with_prefix(cast(x'ff' as text));
-- !! Runtime error near line 69: utf8 err
select ulid(1, 2);
-- !! Parse error near line 71: wrong number of arguments to function ulid()
-- !!   select ulid(1, 2);
-- !!          ^--- error here
-- Generators are non-deterministic, ulid_datetime deterministic.
create table g(x, y as (ulid()));
-- !! Parse error near line 76: non-deterministic functions prohibited in generated columns
-- !!   create table g(x, y as (ulid()));
-- !!                           ^--- error here
create table g2(x, y as (ulid_bytes(x)));
-- !! Parse error near line 80: non-deterministic functions prohibited in generated columns
-- !!   create table g2(x, y as (ulid_bytes(x)));
-- !!              error here ---^
create table g3(x, y as (ulid_datetime(x)));
insert into g3 values ('01GQ8C8FWG0W1B5H3W5304049S');
select y from g3;
-- => 2023-01-20 20:00:00.400
