-- exit: 1
-- zstd_transparent through libsqlink_loader in Debian's stock sqlite3,
-- with zstd beside it: as in tests/shell/zstd-transparent.sql, a table
-- compressed transparently reads and writes as before.
.load dist/lib/libsqlink_loader
select sqlink_load('dist/extensions/zstd_transparent.wasm');
-- !! Runtime error near line 6: refusing to load extension zstd_transparent: it imports sqlink:extension/spi@0.2.0: load it with sqlink_load(path, 'spi')
select sqlink_load('dist/extensions/zstd_transparent.wasm', 'spi');
-- => loaded zstd_transparent 0.1.0: 2 functions, 1 aggregate (prefix zstd_transparent__; memory 256 MiB, timeout 5000 ms; granted spi)
select sqlink_load('dist/extensions/zstd.wasm');
-- => loaded zstd 0.1.0: 9 functions, 1 aggregate (prefix zstd__; memory 256 MiB, timeout 5000 ms)
create table notes(id integer primary key, body text);
with recursive c(i) as (select 1 union all select i + 1 from c where i < 500)
insert into notes select i, 'note ' || (i % 7) || ': the quick brown fox jumps over the lazy dog ' || (i % 3) from c;
create table plain as select * from notes;
select zstd_enable_transparent('{"table": "notes", "column": "body", "compression_level": 3, "dict_chooser": "''n.'' || (id % 2)", "min_dict_size_bytes_for_training": 100, "dict_size_ratio": 0.1}');
-- => Done!
-- !! zstd_transparent: warning: Warning: It is recommended to set `pragma journal_mode=WAL;`
-- !! zstd_transparent: warning: Warning: It is recommended to set `pragma auto_vacuum=full;`
-- !! zstd_transparent: warning: Warning: It is recommended to set `pragma busy_timeout=2000;` or higher
select zstd_incremental_maintenance(null, 1);
-- => 0
-- !! zstd_transparent: warning: Warning: It is recommended to set `pragma journal_mode=WAL;`
-- !! zstd_transparent: warning: Warning: It is recommended to set `pragma auto_vacuum=full;`
-- !! zstd_transparent: warning: Warning: It is recommended to set `pragma busy_timeout=2000;` or higher
select _body_dict, count(*), typeof(body) from _notes_zstd group by 1, 3 order by 1;
-- => 1|250|blob
-- => 2|250|blob
select chooser_key from _zstd_dicts order by id;
-- => [nodict]
-- => n.0
-- => n.1
insert into notes(body) values ('new');
update notes set body = 'changed' where id = 3;
delete from notes where id = 4;
insert into plain values (501, 'new');
update plain set body = 'changed' where id = 3;
delete from plain where id = 4;
select (select count(*) from (select * from notes except select * from plain)), (select count(*) from notes) = (select count(*) from plain);
-- => 0|1
select id, body from notes where id in (1, 2, 3, 501) order by id;
-- => 1|note 1: the quick brown fox jumps over the lazy dog 1
-- => 2|note 2: the quick brown fox jumps over the lazy dog 2
-- => 3|changed
-- => 501|new
