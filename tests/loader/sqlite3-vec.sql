-- exit: 1
-- vec0 of sqlite-vec 0.1.9 (dist/extensions/vec.wasm, built
-- with `sqlink-cc --spi`) through libsqlink_loader in Debian's stock
-- sqlite3 3.40, as in tests/shell/vec.sql: the statements
-- and blob I/O of its shadow tables run over spi on this connection. The
-- same SQL gives the same output from sqlite-vec.c compiled natively into
-- this sqlite3, but for the "vec: " of errors and the differences noted
-- in the shell script. SQLite 3.40 passes no LIMIT to a virtual table, so
-- KNN queries say `k = N` (with LIMIT they fail here, natively too).
.load dist/lib/libsqlink_loader
select sqlink_load('dist/extensions/vec.wasm');
-- !! Runtime error near line 11: refusing to load extension vec: it imports sqlink:extension/spi@0.2.0 and sqlink:extension/blob@0.2.0: load it with sqlink_load(path, 'spi')
select sqlink_load('dist/extensions/vec.wasm', 'spi');
-- => loaded vec 0.1.9: 18 functions, 2 virtual table modules (prefix vec__; memory 256 MiB, timeout 5000 ms; granted spi)
-- sqlite-vec's README: a KNN query, with the distances it documents.
create virtual table vec_examples using vec0(sample_embedding float[8]);
insert into vec_examples(rowid, sample_embedding) values
    (1, '[-0.200, 0.250, 0.341, -0.211, 0.645, 0.935, -0.316, -0.924]'),
    (2, '[0.443, -0.501, 0.355, -0.771, 0.707, -0.708, -0.185, 0.362]'),
    (3, '[0.716, -0.927, 0.134, 0.052, -0.669, 0.793, -0.634, -0.162]'),
    (4, '[-0.710, 0.330, 0.656, 0.041, -0.990, 0.726, 0.385, -0.958]');
select rowid, distance from vec_examples
where sample_embedding match '[0.890, 0.544, 0.825, 0.961, 0.358, 0.0196, 0.521, 0.175]'
and k = 2;
-- => 2|2.38687372207642
-- => 1|2.38978505134583
-- Getting started (site/, examples/simple-sqlite): vec_items.
create virtual table vec_items using vec0(embedding float[4]);
insert into vec_items(rowid, embedding)
  select value ->> 0, value ->> 1
  from json_each('[[1, [0.1, 0.1, 0.1, 0.1]], [2, [0.2, 0.2, 0.2, 0.2]], [3, [0.3, 0.3, 0.3, 0.3]], [4, [0.4, 0.4, 0.4, 0.4]], [5, [0.5, 0.5, 0.5, 0.5]]]');
select rowid, distance from vec_items where embedding match '[0.3, 0.3, 0.3, 0.3]' and k = 3;
-- => 3|0.0
-- => 4|0.199999988079071
-- => 2|0.200000017881393
select rowid, distance from vec_items where embedding match '[0.3, 0.3, 0.3, 0.3]' order by distance limit 3;
-- !! Parse error near line 36: A LIMIT or 'k = ?' constraint is required on vec0 knn queries.
select rowid, distance from vec_items where embedding match '[0.3, 0.3, 0.3, 0.3]' and k = 2;
-- => 3|0.0
-- => 4|0.199999988079071
-- Full scans and point queries read the shadow tables (statements, blobs).
select rowid, vec_to_json(embedding) from vec_items;
-- => 1|[0.100000,0.100000,0.100000,0.100000]
-- => 2|[0.200000,0.200000,0.200000,0.200000]
-- => 3|[0.300000,0.300000,0.300000,0.300000]
-- => 4|[0.400000,0.400000,0.400000,0.400000]
-- => 5|[0.500000,0.500000,0.500000,0.500000]
select rowid, vec_to_json(embedding) from vec_items where rowid = 4;
-- => 4|[0.400000,0.400000,0.400000,0.400000]
-- Writes: UPDATE of a vector (a blob write), DELETE, rowids, constraints.
update vec_items set embedding = '[0.9, 0.9, 0.9, 0.9]' where rowid = 3;
delete from vec_items where rowid = 2;
select rowid, distance from vec_items where embedding match '[0.3, 0.3, 0.3, 0.3]' and k = 3;
-- => 4|0.199999988079071
-- => 5|0.399999976158142
-- => 1|0.400000035762787
insert into vec_items(rowid, embedding) values (1, '[1, 2, 3, 4]');
-- !! Runtime error near line 57: UNIQUE constraint failed on vec_items primary key
insert into vec_items(embedding) values ('[1, 2, 3]');
-- !! Runtime error near line 59: Dimension mismatch for inserted vector for the "embedding" column. Expected 4 dimensions but received 3.
insert into vec_items(embedding) values ('[1, 2, 3, 4]');
select last_insert_rowid(), count(*) from vec_items;
-- => 6|5
-- Transactions: a rolled-back insert leaves nothing.
begin;
insert into vec_items(rowid, embedding) values (100, '[0, 0, 0, 0]');
rollback;
select count(*) from vec_items where rowid = 100;
-- => 0
-- Its shadow tables, and DROP TABLE removes them.
select name from sqlite_schema where name like 'vec_items%' order by name;
-- => vec_items
-- => vec_items_chunks
-- => vec_items_info
-- => vec_items_rowids
-- => vec_items_vector_chunks00
drop table vec_items;
select count(*) from sqlite_schema where name like 'vec_items%';
-- => 0
-- Metadata, partition key and auxiliary columns (site/features/), cosine.
create virtual table vec_movies using vec0(
  movie_id integer primary key,
  synopsis_embedding float[4] distance_metric=cosine,
  genre text,
  year integer partition key,
  +title text,
  rating float
);
insert into vec_movies(movie_id, synopsis_embedding, genre, year, title, rating) values
  (1, '[0.1, 0.2, 0.3, 0.4]', 'drama', 2000, 'A', 4.5),
  (2, '[0.4, 0.3, 0.2, 0.1]', 'comedy', 2000, 'B', 3.0),
  (3, '[0.5, 0.5, 0.1, 0.1]', 'drama', 2001, 'C', 2.5),
  (4, '[0.9, 0.1, 0.1, 0.9]', 'scifi', 2001, 'D', 5.0),
  (5, '[0.2, 0.2, 0.2, 0.2]', 'drama', 2000, 'E', 4.0);
select movie_id, title, genre, round(distance, 6) from vec_movies where synopsis_embedding match '[0.1, 0.2, 0.3, 0.4]' and k = 3;
-- => 1|A|drama|0.0
-- => 5|E|drama|0.087129
-- => 4|D|scifi|0.287168
select movie_id, title, round(distance, 6) from vec_movies where synopsis_embedding match '[0.1, 0.2, 0.3, 0.4]' and k = 5 and genre = 'drama' and year = 2000;
-- => 1|A|0.0
-- => 5|E|0.087129
select movie_id, title from vec_movies where synopsis_embedding match '[0.1, 0.2, 0.3, 0.4]' and k = 5 and rating >= 4.0 and genre in ('drama', 'scifi');
-- => 1|A
-- => 5|E
-- => 4|D
delete from vec_movies where movie_id = 4;
select movie_id, genre, year, title, rating from vec_movies;
-- => 1|drama|2000|A|4.5
-- => 2|comedy|2000|B|3.0
-- => 5|drama|2000|E|4.0
-- => 3|drama|2001|C|2.5
-- UPDATE: vec0 leaves what the statement does not set as it is
-- (sqlite3_value_nochange), and refuses to change a partition key.
update vec_movies set rating = 3.5, title = 'A2' where movie_id = 1;
update vec_movies set synopsis_embedding = '[0.2, 0.2, 0.2, 0.2]' where movie_id = 2;
select movie_id, genre, year, title, rating, vec_to_json(synopsis_embedding) from vec_movies order by movie_id;
-- => 1|drama|2000|A2|3.5|[0.100000,0.200000,0.300000,0.400000]
-- => 2|comedy|2000|B|3.0|[0.200000,0.200000,0.200000,0.200000]
-- => 3|drama|2001|C|2.5|[0.500000,0.500000,0.100000,0.100000]
-- => 5|drama|2000|E|4.0|[0.200000,0.200000,0.200000,0.200000]
update vec_movies set genre = 'horror' where movie_id = 1;
select movie_id, genre, year from vec_movies where movie_id = 1;
-- => 1|horror|2000
update vec_movies set year = 2002 where movie_id = 1;
-- !! Runtime error near line 124: UPDATE on partition key columns are not supported yet. 
select movie_id, title, round(distance, 6) from vec_movies where synopsis_embedding match '[0.2, 0.2, 0.2, 0.2]' and k = 5 and genre = 'comedy';
-- => 2|B|0.0
-- int8 and bit vectors keep their subtypes (vec_int8, vec_bit) into vec0
-- and into a table-valued function's arguments.
create virtual table vec_bytes using vec0(e int8[4]);
insert into vec_bytes(rowid, e) values (1, vec_int8('[1, 2, 3, 4]')), (2, vec_int8('[-1, -2, -3, -4]')), (3, vec_int8(X'0A0A0A0A'));
select rowid, vec_to_json(e) from vec_bytes;
-- => 1|[1,2,3,4]
-- => 2|[-1,-2,-3,-4]
-- => 3|[10,10,10,10]
select rowid, round(distance, 4) from vec_bytes where e match vec_int8('[1, 2, 3, 5]') and k = 2;
-- => 1|1.0
-- => 2|11.7047
insert into vec_bytes(rowid, e) values (4, '[1, 2, 3, 4]');
-- !! Runtime error near line 139: Inserted vector for the "e" column is expected to be of type int8, but a float32 vector was provided.
insert into vec_bytes(rowid, e) values (4, X'01020304');
-- !! Runtime error near line 141: Inserted vector for the "e" column is expected to be of type int8, but a float32 vector was provided.
create virtual table vec_bits using vec0(e bit[8]);
insert into vec_bits(rowid, e) values (1, vec_bit(X'F0')), (2, vec_bit(X'0F')), (3, vec_bit(X'FF'));
select rowid, distance from vec_bits where e match vec_bit(X'F1') and k = 3;
-- => 1|1.0
-- => 3|3.0
-- => 2|7.0
insert into vec_bits(rowid, e) values (4, X'F0');
-- !! Runtime error near line 149: Inserted vector for the "e" column is invalid: invalid float32 vector BLOB length. Must be divisible by 4, found 1
select rowid, value from vec_each(vec_int8(X'AABBCCDD'));
-- => 0|-86
-- => 1|-69
-- => 2|-52
-- => 3|-35
select rowid, value from vec_each(vec_bit(X'F0'));
-- => 0|1
-- => 1|1
-- => 2|1
-- => 3|1
-- => 4|0
-- => 5|0
-- => 6|0
-- => 7|0
-- IN lists reach vec0 whole (sqlite3_vtab_in): the k nearest among all
-- the listed values, not k for each; on a float column it is vec0's error.
create virtual table vec_films using vec0(
  film_id integer primary key,
  embedding float[4] distance_metric=cosine,
  genre text,
  year integer partition key,
  rating float
);
insert into vec_films(film_id, embedding, genre, year, rating) values
  (1, '[0.1, 0.2, 0.3, 0.4]', 'drama', 2000, 4.5),
  (2, '[0.4, 0.3, 0.2, 0.1]', 'comedy', 2000, 3.0),
  (3, '[0.5, 0.5, 0.1, 0.1]', 'drama', 2001, 2.5),
  (4, '[0.9, 0.1, 0.1, 0.9]', 'scifi', 2001, 5.0),
  (5, '[0.2, 0.2, 0.2, 0.2]', 'drama', 2000, 4.0);
select film_id, genre from vec_films where embedding match '[0.1, 0.2, 0.3, 0.4]' and k = 2 and genre in ('scifi', 'comedy', 'scifi');
-- => 4|scifi
-- => 2|comedy
select film_id, round(distance, 6) from vec_films where embedding match '[0.1, 0.2, 0.3, 0.4]' and k = 2 and film_id in (4, 2, 3);
-- => 4|0.287168
-- => 2|0.333333
select film_id from vec_films where embedding match '[0.1, 0.2, 0.3, 0.4]' and k = 3 and genre in ('drama') and year in (2001, 2000);
-- => 1
-- => 5
-- => 3
select film_id from vec_films where embedding match '[0.1, 0.2, 0.3, 0.4]' and k = 1 and rating in (4.5, 4.0);
-- !! Parse error near line 190: 'xxx in (...)' is only available on INTEGER or TEXT metadata columns.
