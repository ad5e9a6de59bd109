-- exit: 1
.load dist/extensions/hll.wasm
-- Translated from citusdata/postgresql-hll expected/*.out (0bdacc2): E'\\x..'::hll literals as '\x..' text
-- (read as hll), hll results shown as '\x' || lower(hex(..)), booleans as 1/0, whole cardinalities as reals.
-- auto_sparse.out
SELECT '\x' || lower(hex(hll_empty(5,5,-1,1)));
SELECT '\x' || lower(hex(hll_add(hll_empty(5,5,-1,1), hll_hash_integer(1,0))));
SELECT '\x' || lower(hex(hll_add( hll_add(hll_empty(5,5,-1,1), hll_hash_integer(2,0)), hll_hash_integer(1,0))));
SELECT '\x' || lower(hex(hll_add( hll_add( hll_add(hll_empty(5,5,-1,1), hll_hash_integer(3,0)), hll_hash_integer(2,0)), hll_hash_integer(1,0))));
SELECT '\x' || lower(hex(hll_add( hll_add( hll_add( hll_add( hll_add( hll_add( hll_add( hll_add( hll_add( hll_add( hll_add( hll_add( hll_add( hll_add( hll_add( hll_add(hll_empty(5,5,-1,1), hll_hash_integer(17,0)), hll_hash_integer(15,0)), hll_hash_integer(14,0)), hll_hash_integer(13,0)), hll_hash_integer(12,0)), hll_hash_integer(11,0)), hll_hash_integer(10,0)), hll_hash_integer(9,0)), hll_hash_integer(8,0)), hll_hash_integer(7,0)), hll_hash_integer(6,0)), hll_hash_integer(5,0)), hll_hash_integer(4,0)), hll_hash_integer(3,0)), hll_hash_integer(2,0)), hll_hash_integer(1,0))));
SELECT '\x' || lower(hex(hll_add( hll_add( hll_add( hll_add( hll_add( hll_add( hll_add( hll_add( hll_add( hll_add( hll_add( hll_add( hll_add( hll_add( hll_add( hll_add( hll_add(hll_empty(5,5,-1,1), hll_hash_integer(20,0)), hll_hash_integer(17,0)), hll_hash_integer(15,0)), hll_hash_integer(14,0)), hll_hash_integer(13,0)), hll_hash_integer(12,0)), hll_hash_integer(11,0)), hll_hash_integer(10,0)), hll_hash_integer(9,0)), hll_hash_integer(8,0)), hll_hash_integer(7,0)), hll_hash_integer(6,0)), hll_hash_integer(5,0)), hll_hash_integer(4,0)), hll_hash_integer(3,0)), hll_hash_integer(2,0)), hll_hash_integer(1,0))));
-- explicit_thresh.out
SELECT '\x' || lower(hex(hll_add('\x118c49', hll_hash_integer(1,0))));
SELECT '\x' || lower(hex(hll_add(hll_empty(12,5,256,1), hll_hash_integer(1,0))));
SELECT '\x' || lower(hex(hll_add(hll_empty(12,5,0,1), hll_hash_integer(1,0))));
SELECT '\x' || lower(hex(hll_add( hll_add(hll_empty(12,5,0,1), hll_hash_integer(1,0)), hll_hash_integer(2,0))));
SELECT '\x' || lower(hex(hll_add(hll_empty(12,5,1,1), hll_hash_integer(1,0))));
SELECT '\x' || lower(hex(hll_add( hll_add(hll_empty(12,5,1,1), hll_hash_integer(1,0)), hll_hash_integer(2,0))));
SELECT '\x' || lower(hex(hll_add( hll_add( hll_add(hll_empty(12,5,1,1), hll_hash_integer(1,0)), hll_hash_integer(2,0)), hll_hash_integer(3,0))));
SELECT '\x' || lower(hex(hll_add(hll_empty(12,5,2,1), hll_hash_integer(1,0))));
SELECT '\x' || lower(hex(hll_add( hll_add(hll_empty(12,5,2,1), hll_hash_integer(1,0)), hll_hash_integer(2,0))));
SELECT '\x' || lower(hex(hll_add( hll_add( hll_add(hll_empty(12,5,2,1), hll_hash_integer(1,0)), hll_hash_integer(2,0)), hll_hash_integer(3,0))));
SELECT '\x' || lower(hex(hll_add(hll_empty(12,5,4,1), hll_hash_integer(1,0))));
SELECT '\x' || lower(hex(hll_add( hll_add(hll_empty(12,5,4,1), hll_hash_integer(1,0)), hll_hash_integer(2,0))));
SELECT '\x' || lower(hex(hll_add( hll_add( hll_add(hll_empty(12,5,4,1), hll_hash_integer(1,0)), hll_hash_integer(2,0)), hll_hash_integer(3,0))));
SELECT '\x' || lower(hex(hll_add( hll_add( hll_add( hll_add(hll_empty(12,5,4,1), hll_hash_integer(1,0)), hll_hash_integer(2,0)), hll_hash_integer(3,0)), hll_hash_integer(4,0))));
SELECT '\x' || lower(hex(hll_add( hll_add( hll_add( hll_add( hll_add(hll_empty(12,5,4,1), hll_hash_integer(1,0)), hll_hash_integer(2,0)), hll_hash_integer(3,0)), hll_hash_integer(4,0)), hll_hash_integer(5,0))));
SELECT '\x' || lower(hex(hll_empty(5,5,-1,1)));
SELECT '\x' || lower(hex(hll_add( hll_empty(5,5,-1,1), hll_hash_integer(1,0))));
SELECT '\x' || lower(hex(hll_add( hll_add( hll_empty(5,5,-1,1), hll_hash_integer(1,0)), hll_hash_integer(2,0))));
SELECT '\x' || lower(hex(hll_add( hll_add( hll_add( hll_empty(5,5,-1,1), hll_hash_integer(1,0)), hll_hash_integer(2,0)), hll_hash_integer(3,0))));
-- hash.out
SELECT hll_hash_boolean(0);
SELECT hll_hash_boolean(1);
SELECT hll_hash_smallint(0);
SELECT hll_hash_smallint(100);
SELECT hll_hash_smallint(-100);
SELECT hll_hash_integer(0);
SELECT hll_hash_integer(100);
SELECT hll_hash_integer(-100);
SELECT hll_hash_bigint(0);
SELECT hll_hash_bigint(100);
SELECT hll_hash_bigint(-100);
SELECT hll_hash_bytea(x'');
SELECT hll_hash_bytea(x'41');
SELECT hll_hash_bytea(x'42');
SELECT hll_hash_bytea(x'4142');
SELECT hll_hash_text('');
SELECT hll_hash_text('A');
SELECT hll_hash_text('B');
SELECT hll_hash_text('AB');
SELECT hll_hash_bigint(0, 0);
SELECT hll_hash_bigint(0, 1);
SELECT hll_hash_bigint(0, 2147483647);
SELECT hll_hash_boolean(1) = hll_hash_boolean(1, 0);
SELECT hll_hash_smallint(100) = hll_hash_smallint(100, 0);
SELECT hll_hash_integer(100) = hll_hash_integer(100, 0);
SELECT hll_hash_bigint(100) = hll_hash_bigint(100, 0);
SELECT hll_hash_bytea(x'42') = hll_hash_bytea(x'42', 0);
SELECT hll_hash_text('AB') = hll_hash_text('AB', 0);
-- meta_func.out
SELECT hll_schema_version(NULL);
SELECT hll_schema_version('\x108b7f');
SELECT hll_schema_version('\x118b7f');
SELECT hll_schema_version(hll_empty(10,4,32,0));
SELECT hll_schema_version('\x128b498895a3f5af28cafe');
SELECT hll_schema_version('\x138b400061');
SELECT hll_schema_version('\x14857f0840008001000020000008042000062884120021');
SELECT hll_type(NULL);
SELECT hll_type('\x108b7f');
SELECT hll_type('\x118b7f');
SELECT hll_type(hll_empty(10,4,32,0));
SELECT hll_type('\x128b498895a3f5af28cafe');
SELECT hll_type('\x138b400061');
SELECT hll_type('\x14857f0840008001000020000008042000062884120021');
SELECT hll_log2m(NULL);
SELECT hll_log2m('\x108b7f');
SELECT hll_log2m('\x118b7f');
SELECT hll_log2m(hll_empty(10,4,32,0));
SELECT hll_log2m('\x128b498895a3f5af28cafe');
SELECT hll_log2m('\x138b400061');
SELECT hll_log2m('\x14857f0840008001000020000008042000062884120021');
SELECT hll_regwidth(NULL);
SELECT hll_regwidth('\x108b7f');
SELECT hll_regwidth('\x118b7f');
SELECT hll_regwidth(hll_empty(10,4,32,0));
SELECT hll_regwidth('\x128b498895a3f5af28cafe');
SELECT hll_regwidth('\x138b400061');
SELECT hll_regwidth('\x14857f0840008001000020000008042000062884120021');
SELECT hll_sparseon(NULL);
SELECT hll_sparseon('\x108b7f');
SELECT hll_sparseon('\x118b7f');
SELECT hll_sparseon(hll_empty(10,4,32,0));
SELECT hll_sparseon('\x128b498895a3f5af28cafe');
SELECT hll_sparseon('\x138b400061');
SELECT hll_sparseon('\x14857f0840008001000020000008042000062884120021');
-- nosparse.out
SELECT '\x' || lower(hex(hll_add(hll_empty(12,5,0,1), hll_hash_integer(1,0))));
SELECT '\x' || lower(hex(hll_add(hll_empty(12,5,0,0), hll_hash_integer(1,0))));
-- scalar_oob.out
SELECT hll_cardinality(NULL);
SELECT hll_cardinality('\x108b7f');
SELECT hll_cardinality('\x118b7f');
SELECT hll_cardinality('\x128b7f1111111111111111');
SELECT hll_cardinality('\x138b7f0001');
SELECT hll_union(NULL, NULL);
SELECT hll_union(NULL, '\x108b7f');
SELECT hll_union(NULL, '\x118b7f');
SELECT hll_union(NULL, '\x128b7f1111111111111111');
SELECT hll_union(NULL, '\x138b7f0001');
SELECT hll_union('\x108b7f', NULL);
SELECT '\x' || lower(hex(hll_union('\x108b7f', '\x108b7f')));
SELECT '\x' || lower(hex(hll_union('\x108b7f', '\x118b7f')));
SELECT '\x' || lower(hex(hll_union('\x108b7f', '\x128b7f1111111111111111')));
SELECT '\x' || lower(hex(hll_union('\x108b7f', '\x138b7f0001')));
SELECT hll_union('\x118b7f', NULL);
SELECT '\x' || lower(hex(hll_union('\x118b7f', '\x108b7f')));
SELECT '\x' || lower(hex(hll_union('\x118b7f', '\x118b7f')));
SELECT '\x' || lower(hex(hll_union('\x118b7f', '\x128b7f1111111111111111')));
SELECT '\x' || lower(hex(hll_union('\x118b7f', '\x138b7f0001')));
SELECT hll_union('\x128b7f1111111111111111', NULL);
SELECT '\x' || lower(hex(hll_union('\x128b7f1111111111111111', '\x108b7f')));
SELECT '\x' || lower(hex(hll_union('\x128b7f1111111111111111', '\x118b7f')));
SELECT '\x' || lower(hex(hll_union('\x128b7f1111111111111111', '\x128b7f1111111111111111')));
SELECT '\x' || lower(hex(hll_union('\x128b7f1111111111111111', '\x138b7f0001')));
SELECT hll_union('\x138b7f0001', NULL);
SELECT '\x' || lower(hex(hll_union('\x138b7f0001', '\x108b7f')));
SELECT '\x' || lower(hex(hll_union('\x138b7f0001', '\x118b7f')));
SELECT '\x' || lower(hex(hll_union('\x138b7f0001', '\x128b7f1111111111111111')));
SELECT '\x' || lower(hex(hll_union('\x138b7f0001', '\x138b7f0001')));
-- add_agg.out
DROP TABLE IF EXISTS test_khvengxf;
CREATE TABLE test_khvengxf (
	val    integer
);
insert into test_khvengxf(val) values (1), (2), (3);
select hll_print(hll_add_agg(hll_hash_integer(val)))
       from test_khvengxf;
select hll_print(hll_add_agg(hll_hash_integer(val), 10))
       from test_khvengxf;
select hll_print(hll_add_agg(hll_hash_integer(val), 10, 4))
       from test_khvengxf;
select hll_print(hll_add_agg(hll_hash_integer(val), 10, 4, 512))
       from test_khvengxf;
select hll_print(hll_add_agg(hll_hash_integer(val), 10, 4, -1))
       from test_khvengxf;
select hll_print(hll_add_agg(hll_hash_integer(val), 10, 4, 512, 0))
       from test_khvengxf;
select hll_print(hll_add_agg(hll_hash_integer(val), -1))
       from test_khvengxf;
select hll_print(hll_add_agg(hll_hash_integer(val), 32))
       from test_khvengxf;
select hll_print(hll_add_agg(hll_hash_integer(val), 10, -1))
       from test_khvengxf;
select hll_print(hll_add_agg(hll_hash_integer(val), 10, 8))
       from test_khvengxf;
select hll_print(hll_add_agg(hll_hash_integer(val), 10, 4, -2))
       from test_khvengxf;
select hll_print(hll_add_agg(hll_hash_integer(val), 10, 4, 8589934592))
       from test_khvengxf;
select hll_print(hll_add_agg(hll_hash_integer(val), 10, 4, 512, -1))
       from test_khvengxf;
select hll_print(hll_add_agg(hll_hash_integer(val), 10, 4, 512, 2))
       from test_khvengxf;
select hll_print(hll_add_agg(NULL));
select hll_print(hll_add_agg(NULL, 10));
select hll_print(hll_add_agg(NULL, 10, 4));
select hll_print(hll_add_agg(NULL, 10, 4, 512));
select hll_print(hll_add_agg(NULL, 10, 4, -1));
select hll_print(hll_add_agg(NULL, 10, 4, 512, 0));
DROP TABLE test_khvengxf;
-- agg_oob.out
DROP TABLE IF EXISTS test_wdflbzfx;
CREATE TABLE test_wdflbzfx (
    recno    integer,
    v1	     hll
);
INSERT INTO test_wdflbzfx (recno, v1) VALUES
(0, NULL),
(1, NULL),
(2, NULL),
(3, NULL),
(4, '\x108b7f'),
(5, '\x108b7f'),
(6, '\x108b7f'),
(7, '\x108b7f'),
(8, '\x118b7f'),
(9, '\x118b7f'),
(10, '\x118b7f'),
(11, '\x118b7f'),
(12, '\x128b7f1111111111111111'),
(13, '\x128b7f2222222222222222'),
(14, '\x128b7f3333333333333333'),
(15, '\x128b7f4444444444444444'),
(16, '\x138b7f0001'),
(17, '\x138b7f0022'),
(18, '\x138b7f0041'),
(19, '\x138b7f0061');
SELECT hll_union_agg(v1) FROM test_wdflbzfx WHERE recno > 100;
SELECT hll_union_agg(v1) FROM test_wdflbzfx WHERE recno IN (0, 1, 2, 3);
SELECT '\x' || lower(hex(hll_union_agg(v1))) FROM test_wdflbzfx WHERE recno IN (4, 5, 6, 7);
SELECT '\x' || lower(hex(hll_union_agg(v1))) FROM test_wdflbzfx WHERE recno IN (4, 5, 6, 7)
                                               OR recno IN (0, 1, 2, 3);
SELECT '\x' || lower(hex(hll_union_agg(v1))) FROM test_wdflbzfx WHERE recno IN (8, 9, 10, 11);
SELECT '\x' || lower(hex(hll_union_agg(v1))) FROM test_wdflbzfx WHERE recno IN (8, 9, 10, 11)
                                               OR recno IN (0, 1, 2, 3);
SELECT '\x' || lower(hex(hll_union_agg(v1))) FROM test_wdflbzfx WHERE recno IN (8, 9, 10, 11)
                                               OR recno IN (4, 5, 6, 7);
SELECT '\x' || lower(hex(hll_union_agg(v1))) FROM test_wdflbzfx WHERE recno IN (8, 9, 10, 11)
                                               OR recno IN (4, 5, 6, 7)
                                               OR recno IN (0, 1, 2, 3);
SELECT '\x' || lower(hex(hll_union_agg(v1))) FROM test_wdflbzfx WHERE recno IN (12, 13, 14, 15);
SELECT '\x' || lower(hex(hll_union_agg(v1))) FROM test_wdflbzfx WHERE recno IN (12, 13, 14, 15)
                                               OR recno IN (0, 1, 2, 3);
SELECT '\x' || lower(hex(hll_union_agg(v1))) FROM test_wdflbzfx WHERE recno IN (12, 13, 14, 15)
                                               OR recno IN (4, 5, 6, 7);
SELECT '\x' || lower(hex(hll_union_agg(v1))) FROM test_wdflbzfx WHERE recno IN (12, 13, 14, 15)
                                               OR recno IN (4, 5, 6, 7)
                                               OR recno IN (0, 1, 2, 3);
SELECT '\x' || lower(hex(hll_union_agg(v1))) FROM test_wdflbzfx WHERE recno IN (12, 13, 14, 15)
                                               OR recno IN (8, 9, 10, 11);
SELECT '\x' || lower(hex(hll_union_agg(v1))) FROM test_wdflbzfx WHERE recno IN (12, 13, 14, 15)
                                               OR recno IN (8, 9, 10, 11)
                                               OR recno IN (0, 1, 2, 3);
SELECT '\x' || lower(hex(hll_union_agg(v1))) FROM test_wdflbzfx WHERE recno IN (12, 13, 14, 15)
                                               OR recno IN (8, 9, 10, 11)
                                               OR recno IN (4, 5, 6, 7);
SELECT '\x' || lower(hex(hll_union_agg(v1))) FROM test_wdflbzfx WHERE recno IN (12, 13, 14, 15)
                                               OR recno IN (8, 9, 10, 11)
                                               OR recno IN (4, 5, 6, 7)
                                               OR recno IN (0, 1, 2, 3);
SELECT '\x' || lower(hex(hll_union_agg(v1))) FROM test_wdflbzfx WHERE recno IN (16, 17, 18, 19);
SELECT '\x' || lower(hex(hll_union_agg(v1))) FROM test_wdflbzfx WHERE recno IN (16, 17, 18, 19)
                                               OR recno IN (0, 1, 2, 3);
SELECT '\x' || lower(hex(hll_union_agg(v1))) FROM test_wdflbzfx WHERE recno IN (16, 17, 18, 19)
                                               OR recno IN (4, 5, 6, 7);
SELECT '\x' || lower(hex(hll_union_agg(v1))) FROM test_wdflbzfx WHERE recno IN (16, 17, 18, 19)
                                               OR recno IN (4, 5, 6, 7)
                                               OR recno IN (0, 1, 2, 3);
SELECT '\x' || lower(hex(hll_union_agg(v1))) FROM test_wdflbzfx WHERE recno IN (16, 17, 18, 19)
                                               OR recno IN (8, 9, 10, 11);
SELECT '\x' || lower(hex(hll_union_agg(v1))) FROM test_wdflbzfx WHERE recno IN (16, 17, 18, 19)
                                               OR recno IN (8, 9, 10, 11)
                                               OR recno IN (0, 1, 2, 3);
SELECT '\x' || lower(hex(hll_union_agg(v1))) FROM test_wdflbzfx WHERE recno IN (16, 17, 18, 19)
                                               OR recno IN (8, 9, 10, 11)
                                               OR recno IN (4, 5, 6, 7);
SELECT '\x' || lower(hex(hll_union_agg(v1))) FROM test_wdflbzfx WHERE recno IN (16, 17, 18, 19)
                                               OR recno IN (8, 9, 10, 11)
                                               OR recno IN (4, 5, 6, 7)
                                               OR recno IN (0, 1, 2, 3);
SELECT cast(ceiling(hll_cardinality(hll_union_agg(v1))) as integer)
                      FROM test_wdflbzfx WHERE recno > 100;
SELECT cast(ceiling(hll_cardinality(hll_union_agg(v1))) as integer)
                      FROM test_wdflbzfx WHERE recno IN (0, 1, 2, 3);
SELECT cast(ceiling(hll_cardinality(hll_union_agg(v1))) as integer)
                      FROM test_wdflbzfx WHERE recno IN (4, 5, 6, 7);
SELECT cast(ceiling(hll_cardinality(hll_union_agg(v1))) as integer)
                      FROM test_wdflbzfx WHERE recno IN (4, 5, 6, 7)
                                            OR recno IN (0, 1, 2, 3);
SELECT cast(ceiling(hll_cardinality(hll_union_agg(v1))) as integer)
                      FROM test_wdflbzfx WHERE recno IN (8, 9, 10, 11);
SELECT cast(ceiling(hll_cardinality(hll_union_agg(v1))) as integer)
                      FROM test_wdflbzfx WHERE recno IN (8, 9, 10, 11)
                                            OR recno IN (0, 1, 2, 3);
SELECT cast(ceiling(hll_cardinality(hll_union_agg(v1))) as integer)
                      FROM test_wdflbzfx WHERE recno IN (8, 9, 10, 11)
                                            OR recno IN (4, 5, 6, 7);
SELECT cast(ceiling(hll_cardinality(hll_union_agg(v1))) as integer)
                      FROM test_wdflbzfx WHERE recno IN (8, 9, 10, 11)
                                            OR recno IN (4, 5, 6, 7)
                                            OR recno IN (0, 1, 2, 3);
SELECT cast(ceiling(hll_cardinality(hll_union_agg(v1))) as integer)
                      FROM test_wdflbzfx WHERE recno IN (12, 13, 14, 15);
SELECT cast(ceiling(hll_cardinality(hll_union_agg(v1))) as integer)
                      FROM test_wdflbzfx WHERE recno IN (12, 13, 14, 15)
                                            OR recno IN (0, 1, 2, 3);
SELECT cast(ceiling(hll_cardinality(hll_union_agg(v1))) as integer)
                      FROM test_wdflbzfx WHERE recno IN (12, 13, 14, 15)
                                            OR recno IN (4, 5, 6, 7);
SELECT cast(ceiling(hll_cardinality(hll_union_agg(v1))) as integer)
                      FROM test_wdflbzfx WHERE recno IN (12, 13, 14, 15)
                                            OR recno IN (4, 5, 6, 7)
                                            OR recno IN (0, 1, 2, 3);
SELECT cast(ceiling(hll_cardinality(hll_union_agg(v1))) as integer)
                      FROM test_wdflbzfx WHERE recno IN (12, 13, 14, 15)
                                            OR recno IN (8, 9, 10, 11);
SELECT cast(ceiling(hll_cardinality(hll_union_agg(v1))) as integer)
                      FROM test_wdflbzfx WHERE recno IN (12, 13, 14, 15)
                                            OR recno IN (8, 9, 10, 11)
                                            OR recno IN (0, 1, 2, 3);
SELECT cast(ceiling(hll_cardinality(hll_union_agg(v1))) as integer)
                      FROM test_wdflbzfx WHERE recno IN (12, 13, 14, 15)
                                            OR recno IN (8, 9, 10, 11)
                                            OR recno IN (4, 5, 6, 7);
SELECT cast(ceiling(hll_cardinality(hll_union_agg(v1))) as integer)
                      FROM test_wdflbzfx WHERE recno IN (12, 13, 14, 15)
                                            OR recno IN (8, 9, 10, 11)
                                            OR recno IN (4, 5, 6, 7)
                                            OR recno IN (0, 1, 2, 3);
SELECT cast(ceiling(hll_cardinality(hll_union_agg(v1))) as integer)
                      FROM test_wdflbzfx WHERE recno IN (16, 17, 18, 19);
SELECT cast(ceiling(hll_cardinality(hll_union_agg(v1))) as integer)
                      FROM test_wdflbzfx WHERE recno IN (16, 17, 18, 19)
                                            OR recno IN (0, 1, 2, 3);
SELECT cast(ceiling(hll_cardinality(hll_union_agg(v1))) as integer)
                      FROM test_wdflbzfx WHERE recno IN (16, 17, 18, 19)
                                            OR recno IN (4, 5, 6, 7);
SELECT cast(ceiling(hll_cardinality(hll_union_agg(v1))) as integer)
                      FROM test_wdflbzfx WHERE recno IN (16, 17, 18, 19)
                                            OR recno IN (4, 5, 6, 7)
                                            OR recno IN (0, 1, 2, 3);
SELECT cast(ceiling(hll_cardinality(hll_union_agg(v1))) as integer)
                      FROM test_wdflbzfx WHERE recno IN (16, 17, 18, 19)
                                            OR recno IN (8, 9, 10, 11);
SELECT cast(ceiling(hll_cardinality(hll_union_agg(v1))) as integer)
                      FROM test_wdflbzfx WHERE recno IN (16, 17, 18, 19)
                                            OR recno IN (8, 9, 10, 11)
                                            OR recno IN (0, 1, 2, 3);
SELECT cast(ceiling(hll_cardinality(hll_union_agg(v1))) as integer)
                      FROM test_wdflbzfx WHERE recno IN (16, 17, 18, 19)
                                            OR recno IN (8, 9, 10, 11)
                                            OR recno IN (4, 5, 6, 7);
SELECT cast(ceiling(hll_cardinality(hll_union_agg(v1))) as integer)
                      FROM test_wdflbzfx WHERE recno IN (16, 17, 18, 19)
                                            OR recno IN (8, 9, 10, 11)
                                            OR recno IN (4, 5, 6, 7)
                                            OR recno IN (0, 1, 2, 3);
DROP TABLE IF EXISTS test_wdflbzfx;
-- hll_print of each storage type, promotion, errors, NULLs
select hll_print('\x108b7f');
-- => \x11857f
-- => \x12857f8895a3f5af28cafe
-- => \x12857f8895a3f5af28cafeda0ce907e4355b60
-- => \x13857f00761f04
-- => \x13857f00421204e18064298ae6c1722d0b61e13c1f84
-- => \x14857f0840008001000020000008042000062884120021
-- => \x128c498895a3f5af28cafe
-- => \x128c498895a3f5af28cafe
-- => \x138c40afe180
-- => \x138c40afe1db0040
-- => \x128c418895a3f5af28cafe
-- => \x138c41afe1db0040
-- => \x138c4113b157f0ed8020
-- => \x128c428895a3f5af28cafe
-- => \x128c428895a3f5af28cafeda0ce907e4355b60
-- => \x138c4213b157f0ed8020
-- => \x128c438895a3f5af28cafe
-- => \x128c438895a3f5af28cafeda0ce907e4355b60
-- => \x128c438895a3f5af28cafeda0ce907e4355b604848de7f7bd2a13b
-- => \x128c438895a3f5af28cafeda0ce907e4355b601cc3e945c98357f04848de7f7bd2a13b
-- => \x138c4313b13f8066fcb5fc3b6008
-- => \x11857f
-- => \x12857f8895a3f5af28cafe
-- => \x12857f8895a3f5af28cafeda0ce907e4355b60
-- => \x13857f00761f04
-- => 5048724184180415669
-- => 8849112093580131862
-- => 3478107235931676136
-- => 4631120266694327276
-- => 5357168029120347761
-- => -3485513579396041028
-- => -5003248654201747171
-- => -2771615523823720964
-- => 2945182322382062539
-- => 8349353095166695771
-- => -886862857196634693
-- => 0
-- => 243126998722523514
-- => -4837624800923759386
-- => 5365230931951287672
-- => 0
-- => 243126998722523514
-- => -4837624800923759386
-- => 5365230931951287672
-- => 2945182322382062539
-- => 8297479994805284640
-- => -4042198036618575253
-- => 1
-- => 1
-- => 1
-- => 1
-- => 1
-- => 1
-- =>
-- => 1
-- => 1
-- => 1
-- => 1
-- => 1
-- => 1
-- =>
-- => 0
-- => 1
-- => 1
-- => 2
-- => 3
-- => 4
-- =>
-- => 11
-- => 11
-- => 10
-- => 11
-- => 11
-- => 5
-- =>
-- => 5
-- => 5
-- => 4
-- => 5
-- => 5
-- => 5
-- =>
-- => 1
-- => 1
-- => 0
-- => 1
-- => 1
-- => 1
-- => \x138c40afe180
-- => \x148c0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000600000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000
-- =>
-- =>
-- => 0.0
-- => 1.0
-- => 1.00024422012692
-- =>
-- =>
-- =>
-- =>
-- =>
-- =>
-- => \x108b7f
-- => \x108b7f
-- => \x108b7f
-- => \x108b7f
-- =>
-- => \x108b7f
-- => \x118b7f
-- => \x128b7f1111111111111111
-- => \x138b7f0001
-- =>
-- => \x108b7f
-- => \x128b7f1111111111111111
-- => \x128b7f1111111111111111
-- => \x138b7f00012222
-- =>
-- => \x108b7f
-- => \x138b7f0001
-- => \x138b7f00012222
-- => \x138b7f0001
-- => EXPLICIT, 3 elements, nregs=2048, nbits=5, expthresh=-1(160), sparseon=1:
-- => 0: -8604791237420463362 
-- => 1: -2734554653617988768 
-- => 2:  5208657608173592891 
-- => EXPLICIT, 3 elements, nregs=1024, nbits=5, expthresh=-1(80), sparseon=1:
-- => 0: -8604791237420463362 
-- => 1: -2734554653617988768 
-- => 2:  5208657608173592891 
-- => EXPLICIT, 3 elements, nregs=1024, nbits=4, expthresh=-1(64), sparseon=1:
-- => 0: -8604791237420463362 
-- => 1: -2734554653617988768 
-- => 2:  5208657608173592891 
-- => EXPLICIT, 3 elements, nregs=1024, nbits=4, expthresh=512, sparseon=1:
-- => 0: -8604791237420463362 
-- => 1: -2734554653617988768 
-- => 2:  5208657608173592891 
-- => EXPLICIT, 3 elements, nregs=1024, nbits=4, expthresh=-1(64), sparseon=1:
-- => 0: -8604791237420463362 
-- => 1: -2734554653617988768 
-- => 2:  5208657608173592891 
-- => EXPLICIT, 3 elements, nregs=1024, nbits=4, expthresh=512, sparseon=0:
-- => 0: -8604791237420463362 
-- => 1: -2734554653617988768 
-- => 2:  5208657608173592891 
-- => EMPTY, nregs=2048, nbits=5, expthresh=-1(160), sparseon=1
-- => EMPTY, nregs=1024, nbits=5, expthresh=-1(80), sparseon=1
-- => EMPTY, nregs=1024, nbits=4, expthresh=-1(64), sparseon=1
-- => EMPTY, nregs=1024, nbits=4, expthresh=512, sparseon=1
-- => EMPTY, nregs=1024, nbits=4, expthresh=-1(64), sparseon=1
-- => EMPTY, nregs=1024, nbits=4, expthresh=512, sparseon=0
-- =>
-- =>
-- => \x108b7f
-- => \x108b7f
-- => \x118b7f
-- => \x118b7f
-- => \x108b7f
-- => \x108b7f
-- => \x128b7f1111111111111111222222222222222233333333333333334444444444444444
-- => \x128b7f1111111111111111222222222222222233333333333333334444444444444444
-- => \x108b7f
-- => \x108b7f
-- => \x128b7f1111111111111111222222222222222233333333333333334444444444444444
-- => \x128b7f1111111111111111222222222222222233333333333333334444444444444444
-- => \x108b7f
-- => \x108b7f
-- => \x138b7f0001002200410061
-- => \x138b7f0001002200410061
-- => \x108b7f
-- => \x108b7f
-- => \x138b7f0001002200410061
-- => \x138b7f0001002200410061
-- => \x108b7f
-- => \x108b7f
-- =>
-- =>
-- =>
-- =>
-- => 0
-- => 0
-- =>
-- =>
-- => 4
-- => 4
-- =>
-- =>
-- => 4
-- => 4
-- =>
-- =>
-- => 5
-- => 5
-- =>
-- =>
-- => 5
-- => 5
-- =>
-- =>
-- => UNDEFINED nregs=2048, nbits=5, expthresh=-1(160), sparseon=1
-- !! Runtime error near line 149: log2m modifier must be between 0 and 17
-- !! Runtime error near line 151: log2m modifier must be between 0 and 17
-- !! Runtime error near line 153: regwidth modifier must be between 0 and 7
-- !! Runtime error near line 155: regwidth modifier must be between 0 and 7
-- !! Runtime error near line 157: expthresh modifier must be between -1 and 16383
-- !! Runtime error near line 159: expthresh modifier must be between -1 and 16383
-- !! Runtime error near line 161: sparseon modifier must be 0 or 1
-- !! Runtime error near line 163: sparseon modifier must be 0 or 1
select hll_print(hll_add(hll_empty(5,5,0,1), hll_hash_integer(1)));
-- => COMPRESSED, 1 filled nregs=32, nbits=5, expthresh=0, sparseon=1:
-- =>    0:  0  0  0  0  0  0  0  0  0  0  0  0  0  0  0  0  0  0  0  0  0  0  0  0  0  0  0  0  0  0  1  0 
select '\x' || lower(hex(hll_add(hll_empty(5,5,0,1), hll_hash_integer(1)))), '\x' || lower(hex(hll_add(hll_empty(5,5,0,0), hll_hash_integer(1))));
-- => \x138540f040|\x1485000000000000000000000000000000000000000020
select hll_type(hll_add(hll_add(hll_empty(11,5,1,1), 1), 2)), hll_cardinality(hll_add(hll_add(hll_empty(11,5,2,1), 1), 2)), hll_type(hll_add(hll_add(hll_empty(11,5,2,1), 1), 1));
-- => 3|2.0|2
select hll_union(hll_empty(10), hll_empty(11));
-- !! Runtime error near line 546: register count does not match: source uses 2048 and dest uses 1024
select hll_union(hll_empty(11,5), hll_empty(11,4));
-- !! Runtime error near line 548: register width does not match: source uses 4 and dest uses 5
select hll_cardinality(x'00');
-- !! Runtime error near line 550: unknown schema version 0
select hll_cardinality(x'');
-- !! Runtime error near line 552: unknown schema version 0
select hll_cardinality('\x118b7fff');
-- !! Runtime error near line 554: inconsistently sized empty multiset
select hll_cardinality('not an hll');
-- !! Runtime error near line 556: invalid hll value: expected a blob or \x hex text
select hll_empty(-1);
-- !! Runtime error near line 558: log2m modifier must be between 0 and 17
select hll_empty(11, 5, 3);
-- !! Runtime error near line 560: expthresh modifier must be power of 2
select hll_hash_integer(2147483648);
-- !! Runtime error near line 562: integer out of range
select hll_hash_smallint(32768);
-- !! Runtime error near line 564: smallint out of range
select hll_add(NULL, 1) is null, hll_add(hll_empty(), NULL) is null, hll_hash_text(NULL) is null, hll_empty(NULL) is null, hll_union(hll_empty(), NULL) is null, hll_cardinality(NULL) is null, hll_print(NULL) is null;
-- => 1|1|1|1|1|1|1
select hll_hash_text(cast(x'ff' as text)) = hll_hash_bytea(x'ff'), hll_hash_text('') , hll_hash_text('AB') = hll_hash_bytea(x'4142'), hll_hash_bigint(100, 0) = hll_hash_bigint(100), hll_hash_bigint(100, 1) <> hll_hash_bigint(100);
-- => 1|0|1|1|1
select hll_union_agg(x) is null from (select NULL as x);
-- => 1
-- deterministic: usable in a generated column
create table g(v int, h blob as (hll_add(hll_empty(), hll_hash_integer(v))));
insert into g(v) values (1);
select hll_cardinality(h) from g;
-- => 1.0
