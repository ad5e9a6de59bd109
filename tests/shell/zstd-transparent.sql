-- runners: native wasm (zstd_transparent needs --grant spi, which a composed shell cannot give)
-- exit: 1
-- phiresky/sqlite-zstd's transparent compression: its README's example and
-- the checks of its transparent.rs tests (a compressed table reads and
-- writes as the same table uncompressed, before and after maintenance;
-- columns of one table enabled one by one; refused columns), then every
-- error of zstd_enable_transparent.
.open --new /tmp/sqlink-shell-test-zstd-transparent.db
.load dist/extensions/zstd.wasm
.load dist/extensions/zstd_transparent.wasm --grant spi
pragma auto_vacuum = full;
pragma busy_timeout = 2000;
-- => 2000
pragma journal_mode = wal;
-- => wal
create table events(id integer primary key, timestamp text not null, data text, other integer);
with recursive c(i) as (select 1 union all select i + 1 from c where i < 2000)
insert into events select i, '2020-0' || (1 + i % 3) || '-01', '{"type": "OpenApplication", "id": ' || (i % 37) || ', "app_name": "app-' || (i % 11) || '", "properties": {"WM_CLASS": "' || (i % 5) || '", "_NET_WM_PID": "' || (i * 7) || '"}}', i % 13 from c;
create table plain as select * from events;
select zstd_enable_transparent('{"table": "events", "column": "data", "compression_level": 19, "dict_chooser": "''a''", "min_dict_size_bytes_for_training": 1000}');
-- => Done!
-- The same rows, read and written alike, compressed or not (made after
-- enabling: renaming the table would point it at _events_zstd).
create view same as select (select count(*) from events) = (select count(*) from plain) and not exists (select * from events except select * from plain) and not exists (select * from plain except select * from events) as same;
select type, name from sqlite_master where name not in ('plain', 'same') order by type, name;
-- => index|_data_dict_idx
-- => index|sqlite_autoindex__zstd_dicts_1
-- => table|_events_zstd
-- => table|_zstd_configs
-- => table|_zstd_dicts
-- => table|sqlite_sequence
-- => trigger|events_delete_trigger
-- => trigger|events_insert_trigger
-- => trigger|events_update_data_trigger
-- => trigger|events_update_id_trigger
-- => trigger|events_update_other_trigger
-- => trigger|events_update_timestamp_trigger
-- => view|events
select * from same;
-- => 1
select * from _zstd_configs;
-- => 1|{"table": "events", "column": "data", "compression_level": 19, "dict_chooser": "'a'", "min_dict_size_bytes_for_training": 1000}
select id, chooser_key, length(dict) from _zstd_dicts;
-- => -1|[nodict]|0
-- Maintenance trains one dictionary on the rows and compresses them all.
select zstd_incremental_maintenance(null, 1);
-- => 0
select id, chooser_key, length(dict) > 1000 from _zstd_dicts;
-- => -1|[nodict]|0
-- => 1|a|1
select count(*), min(_data_dict), typeof(data) from _events_zstd group by typeof(data);
-- => 2000|1|blob
select sum(length(data)) * 3 < (select sum(length(data)) from plain) from _events_zstd;
-- => 1
select * from same;
-- => 1
select typeof(data), data from events where id = 42;
-- => text|{"type": "OpenApplication", "id": 5, "app_name": "app-9", "properties": {"WM_CLASS": "2", "_NET_WM_PID": "294"}}
-- Writes through the view: inserted and updated rows wait uncompressed.
insert into events(timestamp, data, other) values ('2020-04-01', 'new', 1);
insert into plain(timestamp, data, other) values ('2020-04-01', 'new', 1);
update events set data = 'changed' where id = 5;
update plain set data = 'changed' where id = 5;
update events set other = 99, timestamp = '2021' where id in (6, 7);
update plain set other = 99, timestamp = '2021' where id in (6, 7);
delete from events where id in (8, 9) or other = 3;
delete from plain where id in (8, 9) or other = 3;
select * from same;
-- => 0
select id, _data_dict, data from _events_zstd where _data_dict is null order by id;
-- => 5||changed
-- => 2001||new
select zstd_incremental_maintenance(null, 1);
-- => 0
select count(*) from _events_zstd where _data_dict is null;
-- => 0
select * from same;
-- => 0
-- A chooser per month, NULL for rows to leave for later, and '[nodict]'.
select zstd_enable_transparent('{"table": "events", "column": "timestamp", "compression_level": 3, "dict_chooser": "case when timestamp like ''2020-01%'' then ''[nodict]'' when timestamp like ''2020-03%'' then null else ''ts.'' || substr(timestamp, 1, 4) end", "min_dict_size_bytes_for_training": 100000}');
-- => Done!
select * from same;
-- => 0
select zstd_incremental_maintenance(null, 1);
-- => 0
select _timestamp_dict, count(*), typeof(timestamp) from _events_zstd group by 1, 3 order by 1;
-- => |1233|text
-- => -1|612|blob
select * from same;
-- => 0
select id, chooser_key from _zstd_dicts order by id;
-- => -1|[nodict]
-- => 1|a
-- A column of another table, and a dictionary trained on request.
create table docs(name text primary key, body blob);
insert into docs values ('a', zeroblob(100)), ('b', cast('hello hello hello' as blob)), ('c', null);
select zstd_enable_transparent('{"table": "docs", "column": "body", "compression_level": 5, "dict_chooser": "''[nodict]''"}');
-- => Done!
select zstd_incremental_maintenance(null, 1);
-- => 0
select name, typeof(body), length(body), _body_dict from _docs_zstd order by name;
-- => a|blob|13|-1
-- => b|blob|17|-1
-- => c|null||-1
select name, typeof(body), hex(body) = hex(zeroblob(100)), cast(body as text) from docs order by name;
-- => a|blob|1|
-- => b|blob|0|hello hello hello
-- => c|null|0|
select zstd_train_dict_and_save(data, 2000, 500, 'manual') from plain;
-- => 2
select id, chooser_key, length(dict) <= 2000 from _zstd_dicts where chooser_key = 'manual';
-- => 2|manual|1
-- A time limit of 0 stops after the first group with work left (1).
insert into events(timestamp, data, other) values ('2020-03-05', 'later', 2);
select zstd_incremental_maintenance(0, 1);
-- => 1
select zstd_incremental_maintenance(null, 0.5);
-- => 0
-- Errors, each rolled back.
select zstd_enable_transparent('{"table": "events", "column": "data", "compression_level": 19, "dict_chooser": "''a''"}');
-- !! Runtime error near line 120: Column data is already enabled for compression. (19)
create table t(id integer primary key, a text, b integer, c text);
create index t_c on t(c);
select zstd_enable_transparent('{"table": "t", "column": "c", "compression_level": 1, "dict_chooser": "''a''"}');
-- !! Runtime error near line 124: Can't compress column(s): c (t_c) - used as part of index (this could probably be supported, but currently isn't) (19)
select zstd_enable_transparent('{"table": "t", "column": "b", "compression_level": 1, "dict_chooser": "''a''"}');
-- !! Runtime error near line 126: could not construct select in view
-- !!
-- !! Caused by:
-- !!     the to-compress column has type INTEGER which has affinity Integer, but affinity must be text or blob. See https://www.sqlite.org/draft/datatype3.html#determination_of_column_affinity (19)
select zstd_enable_transparent('{"table": "t", "column": "id", "compression_level": 1, "dict_chooser": "''a''"}');
-- !! Runtime error near line 131: Can't compress column id since it is part of primary key (this could probably be supported, but currently isn't) (19)
select zstd_enable_transparent('{"table": "t", "column": "nope", "compression_level": 1, "dict_chooser": "''a''"}');
-- !! Runtime error near line 133: Column nope does not exist in t (19)
select zstd_enable_transparent('{"table": "nope", "column": "a", "compression_level": 1, "dict_chooser": "''a''"}');
-- !! Runtime error near line 135: Table nope doesn't exist (19)
create table nokey(a text);
select zstd_enable_transparent('{"table": "nokey", "column": "a", "compression_level": 1, "dict_chooser": "''a''"}');
-- !! Runtime error near line 138: Table nokey does not have a primary key, sqlite-zstd only works on tables with primary keys, since rowids can change on VACUUM. (19)
insert into t values (1, 'x', 2, 'y');
select zstd_enable_transparent('{"table": "t", "column": "a", "compression_level": 1, "dict_chooser": "nosuch(a)"}');
-- !! Runtime error near line 141: Dict chooser expression does not seem to be valid. Make sure you return a string and get your escaping right: If you want an sqlite string inside a json string inside a sqlite string you need to do '{"foo": "''bar''"}'
-- !!
-- !! Caused by:
-- !!     0: Tried to execute:
-- !!        select (nosuch(a)) as dict_chooser from `t` limit 1
-- !!     1: no such function: nosuch (19)
select zstd_enable_transparent('{"table": "t", "column": "a", "compression_level": 1, "dict_chooser": "b"}');
-- !! Runtime error near line 148: Dict chooser expression does not seem to be valid. Make sure you return a string and get your escaping right: If you want an sqlite string inside a json string inside a sqlite string you need to do '{"foo": "''bar''"}'
-- !!
-- !! Caused by:
-- !!     0: Tried to execute:
-- !!        select (b) as dict_chooser from `t` limit 1
-- !!     1: Invalid column type Integer at index: 0, name: dict_chooser (19)
select zstd_enable_transparent('{"table": "t", "column": "a"}');
-- !! Runtime error near line 155: parsing json config '{"table": "t", "column": "a"}'
-- !!
-- !! Caused by:
-- !!     missing field `compression_level` at line 1 column 29 (19)
select zstd_enable_transparent('not json');
-- !! Runtime error near line 160: parsing json config 'not json'
-- !!
-- !! Caused by:
-- !!     expected ident at line 1 column 2 (19)
select zstd_enable_transparent(1);
-- !! Runtime error near line 165: Invalid function parameter type Integer at index 0 (19)
select type, name from sqlite_master where tbl_name = 't' order by name;
-- => table|t
-- => index|t_c
select zstd_incremental_maintenance('soon', 1);
-- !! Runtime error near line 170: could not get time limit argument
-- !!
-- !! Caused by:
-- !!     Invalid function parameter type Text at index 0 (19)
select zstd_incremental_maintenance(-1, 1);
-- !! Runtime error near line 175: time too large (19)
-- Its functions are DIRECTONLY (it runs SQL); reading the views needs only
-- zstd, whose functions are not.
create view v as select zstd_incremental_maintenance(null, 1);
select * from v;
-- !! Parse error near line 180: unsafe use of zstd_incremental_maintenance()
.unload zstd_transparent
select count(*) from events where data is not null;
-- => 1846
.unload zstd
select count(*) from events;
-- !! Parse error near line 186: no such function: zstd_decompress_col
