-- runners: native wasm (the C builds are not baked into the composed build)
-- exit: 1
-- sqlite-vec 0.1.9, sqlite-vec.c as the `sqlite-vec` crate on crates.io
-- ships it, compiled unchanged with the sqlite3ext.h compatibility layer
-- (`make c-sqlite-vec`, dist/extensions-c/sqlite-vec.wasm). Every expected
-- value is an example of sqlite-vec's API reference (site/api-reference.md
-- of asg017/sqlite-vec, section named before each group; the docs print
-- reals at full precision, the shell with 15 digits, so `= x` checks
-- the exact double). The same SQL gives the same output from the same
-- sqlite-vec.c compiled natively into Debian's sqlite3 3.40, but for the
-- "vec: " sqlink's errors start with and the two differences noted below.
.load dist/extensions-c/sqlite-vec.wasm
-- Meta: vec_version() (the docs show an older version string).
select vec_version();
-- => v0.1.9
-- Constructors: vec_f32, vec_int8, vec_bit (subtypes 223, 225, 224).
select hex(vec_f32('[.1, .2, .3, 4]')), hex(vec_f32(X'AABBCCDD')), vec_to_json(vec_f32(X'AABBCCDD'));
-- => CDCCCC3DCDCC4C3E9A99993E00008040|AABBCCDD|[-1844071490169864000.000000]
select hex(vec_int8('[1, 2, 3, 4]')), hex(vec_int8(X'AABBCCDD')), vec_to_json(vec_int8(X'AABBCCDD'));
-- => 01020304|AABBCCDD|[-86,-69,-52,-35]
select hex(vec_bit(X'F0')), vec_to_json(vec_bit(X'F0'));
-- => F0|[0,0,0,0,1,1,1,1]
select vec_f32(X'AA');
-- !! Runtime error near line 23: invalid float32 vector BLOB length. Must be divisible by 4, found 1
select vec_int8('[999]');
-- !! Runtime error near line 25: JSON parsing error: value out of range for int8
-- Operations: vec_length, vec_type.
select vec_length('[.1, .2]'), vec_length(X'AABBCCDD'), vec_length(vec_int8(X'AABBCCDD')), vec_length(vec_bit(X'AABBCCDD'));
-- => 2|1|4|32
select vec_length(X'CCDD');
-- !! Runtime error near line 30: invalid float32 vector BLOB length. Must be divisible by 4, found 2
select vec_type('[.1, .2]'), vec_type(X'AABBCCDD'), vec_type(vec_int8(X'AABBCCDD')), vec_type(vec_bit(X'AABBCCDD'));
-- => float32|float32|int8|bit
select vec_type(X'CCDD');
-- !! Runtime error near line 34: invalid float32 vector BLOB length. Must be divisible by 4, found 2
-- vec_add, vec_sub.
select hex(vec_add('[.1, .2, .3]', '[.4, .5, .6]')), vec_to_json(vec_add('[.1, .2, .3]', '[.4, .5, .6]')), vec_to_json(vec_add(vec_int8('[1, 2, 3]'), vec_int8('[4, 5, 6]')));
-- => 0000003F3333333F6766663F|[0.500000,0.700000,0.900000]|[5,7,9]
select vec_add('[.1]', vec_int8('[1]'));
-- !! Runtime error near line 39: Vector type mistmatch. First vector has type float32, while the second has type int8.
select vec_add(vec_bit(X'AA'), vec_bit(X'BB'));
-- !! Runtime error near line 41: Cannot add two bitvectors together.
select hex(vec_sub('[.1, .2, .3]', '[.4, .5, .6]')), vec_to_json(vec_sub('[.1, .2, .3]', '[.4, .5, .6]')), vec_to_json(vec_sub(vec_int8('[1, 2, 3]'), vec_int8('[4, 5, 6]')));
-- => 9A9999BE9A9999BE9A9999BE|[-0.300000,-0.300000,-0.300000]|[-3,-3,-3]
select vec_sub(vec_bit(X'AA'), vec_bit(X'BB'));
-- !! Runtime error near line 45: Cannot subtract two bitvectors together.
-- vec_normalize, vec_slice.
select hex(vec_normalize('[2, 3, 1, -4]')), vec_to_json(vec_normalize('[2, 3, 1, -4]')), vec_to_json(vec_normalize(vec_slice('[2, 3, 1, -4]', 0, 2)));
-- => BAF4BA3E8B370C3FBAF43A3EBAF43ABF|[0.365148,0.547723,0.182574,-0.730297]|[0.554700,0.832050]
select hex(vec_slice('[1, 2,3, 4]', 0, 2)), vec_to_json(vec_slice('[1, 2,3, 4]', 0, 2)), vec_to_json(vec_slice('[1, 2,3, 4]', 2, 4));
-- => 0000803F00000040|[1.000000,2.000000]|[3.000000,4.000000]
select vec_to_json(vec_slice('[1, 2,3, 4]', -1, 4));
-- !! Runtime error near line 52: slice 'start' index must be a postive number.
select vec_to_json(vec_slice('[1, 2,3, 4]', 0, 5));
-- !! Runtime error near line 54: slice 'end' index is greater than the number of dimensions
select vec_to_json(vec_slice('[1, 2,3, 4]', 0, 0));
-- !! Runtime error near line 56: slice 'start' index is equal to the 'end' index, vectors must have non-zero length
-- vec_to_json.
select vec_to_json(X'AABBCCDD'), vec_to_json(vec_int8(X'AABBCCDD')), vec_to_json('[1,2,3,4]');
-- => [-1844071490169864000.000000]|[-86,-69,-52,-35]|[1.000000,2.000000,3.000000,4.000000]
select vec_to_json(vec_bit(X'AABBCCDD'));
-- => [0,1,0,1,0,1,0,1,1,1,0,1,1,1,0,1,0,0,1,1,0,0,1,1,1,0,1,1,1,0,1,1]
select vec_to_json('invalid');
-- !! Runtime error near line 63: JSON array parsing error: Input does not start with '['
-- vec_each: the table-valued function (a virtual table of the layer).
select rowid, value from vec_each('[1,2,3,4]');
-- => 0|1.0
-- => 1|2.0
-- => 2|3.0
-- => 3|4.0
select rowid, value from vec_each(X'AABBCCDD00112233');
-- => 0|-1.84407149016986e+18
-- => 1|3.7734025681857e-08
select (select value from vec_each(X'AABBCCDD00112233') where rowid = 0) = -1844071490169864200.0, (select value from vec_each(X'AABBCCDD00112233') where rowid = 1) = 3.773402568185702e-8;
-- => 1|1
-- The arguments of a table-valued function keep their subtypes: an int8
-- or bit vector reads as one.
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
-- Distance functions: vec_distance_L2, _cosine, _hamming (and _l1).
select vec_distance_L2('[1, 1]', '[2, 2]') = 1.4142135381698608, vec_distance_L2('[1, 1]', '[-2, -2]') = 4.242640495300293, vec_distance_L2('[1.1, 2.2, 3.3]', '[4.4, 5.5, 6.6]') = 5.7157673835754395, vec_distance_L2(X'AABBCCDD', X'00112233') = 1844071490169864200.0;
-- => 1|1|1|1
select vec_distance_L2('[1, 1]', '[2, 2]'), vec_distance_L2('[1.1, 2.2, 3.3]', '[4.4, 5.5, 6.6]');
-- => 1.41421353816986|5.71576738357544
select vec_distance_L2('[1, 1]', vec_int8('[2, 2]'));
-- !! Runtime error near line 97: Vector type mistmatch. First vector has type float32, while the second has type int8.
select vec_distance_L2(vec_bit(X'AA'), vec_bit(X'BB'));
-- !! Runtime error near line 99: Cannot calculate L2 distance between two bitvectors.
select vec_distance_cosine('[1, 1]', '[2, 2]') = 2.220446049250313e-16, vec_distance_cosine('[1, 1]', '[-2, -2]'), vec_distance_cosine('[1.1, 2.2, 3.3]', '[4.4, 5.5, 6.6]') = 0.02536807395517826, vec_distance_cosine(X'AABBCCDD', X'00112233');
-- => 1|2.0|1|2.0
select vec_distance_cosine(vec_bit(X'AA'), vec_bit(X'BB'));
-- !! Runtime error near line 103: Cannot calculate cosine distance between two bitvectors.
select vec_distance_hamming(vec_bit(X'00'), vec_bit(X'FF')), vec_distance_hamming(vec_bit(X'FF'), vec_bit(X'FF')), vec_distance_hamming(vec_bit(X'F0'), vec_bit(X'44'));
-- => 8.0|0.0|4.0
select vec_distance_hamming('[1, 1]', '[0, 0]');
-- !! Runtime error near line 107: Cannot calculate hamming distance between two float32 vectors.
select vec_distance_l1('[1, 1]', '[2, 2]'), vec_distance_l1('[1, 2, 3]', '[-1, 2, 5]');
-- => 2.0|4.0
-- Quantization: vec_quantize_binary.
select hex(vec_quantize_binary('[1, 2, 3, 4, 5, 6, 7, 8]')), hex(vec_quantize_binary('[1, 2, 3, 4, -5, -6, -7, -8]')), hex(vec_quantize_binary('[-1, -2, -3, -4, -5, -6, -7, -8]'));
-- => FF|0F|00
select vec_quantize_binary(vec_int8(X'11223344'));
-- !! Runtime error near line 114: Binary quantization requires vectors with a length divisible by 8
select vec_quantize_binary(vec_bit(X'FF'));
-- !! Runtime error near line 116: Can only binary quantize float or int8 vectors
-- vec0 keeps its rows in shadow tables, through SQL on the connection,
-- which this build (no --spi, no grant) does not have: CREATE VIRTUAL TABLE
-- fails with a message naming the function, and nothing is left behind.
-- the catalog's dist/extensions/vec.wasm (built with --spi) has vec0 (vec.sql).
create virtual table vec_items using vec0(embedding float[4]);
-- !! Runtime error near line 122: Could not create '_info' shadow table: sqlite3_prepare_v2 is not available in sqlink's sqlite3ext.h compatibility layer (no SQL on the connection: build with sqlink-cc --spi)
select count(*) from sqlite_schema;
-- => 0
