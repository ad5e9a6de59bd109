-- runners: native wasm (spi inside a table's calls, in both engines of the sqlink host; the composed cli cannot grant spi)
-- exit: 1
-- A table keeping its rows in a shadow table through spi.
.load dist/test-extensions/kvstore.wasm
-- !! Error: refusing to load extension kvstore: it imports sqlink:extension/spi@0.2.0: load it with --grant spi
.load dist/test-extensions/kvstore.wasm --grant spi
create virtual table kv using kvstore;
insert into kv values ('a', 1), ('b', 2);
begin;
update kv set value = 20 where key = 'b';
delete from kv where key = 'a';
insert into kv values ('c', 3);
commit;
-- A failing write inside a transaction: the others stay.
begin;
insert into kv values ('d', 4);
insert into kv values ('c', 30);
-- !! Runtime error near line 17: UNIQUE constraint failed: kv_data.key (19)
commit;
select key, value from kv_data order by key;
-- => b|20
-- => c|3
-- => d|4
begin;
delete from kv;
rollback;
select count(*) from kv;
-- => 3
alter table kv rename to store;
select name from sqlite_schema order by name;
-- => sqlite_autoindex_store_data_1
-- => store
-- => store_data
drop table store;
select count(*) from sqlite_schema;
pragma integrity_check;
-- => 0
-- => ok
-- The statement's ON CONFLICT mode reaches the table (UpdateTable::write):
-- OR IGNORE keeps the row holding the key, OR REPLACE replaces it, and
-- the default fails.
create virtual table kv2 using kvstore;
insert into kv2 values ('a', 1), ('b', 2);
insert or ignore into kv2 values ('a', 10);
insert or replace into kv2 values ('b', 20);
insert into kv2 values ('a', 100);
-- !! Runtime error near line 46: UNIQUE constraint failed: kv2_data.key (19)
update or replace kv2 set key = 'b' where key = 'a';
select key, value from kv2 order by key;
-- => b|1
