-- exit: 1
.load dist/extensions/fastrand.wasm
-- Seeded sequences: the values fastrand 1.9 (the reference's generator) gives for seed 1234,
-- checked against a separate wyrand written in Python (and in src/tests.rs against the crate).
select fastrand_seed_set(1234);
-- => 1
select fastrand_seed_get();
-- => 1234
select fastrand_int(), fastrand_int(0, 100), fastrand_int(0, 100), fastrand_int(0, 100);
-- => -2058591105|95|58|84
select fastrand_seed_get();
-- => 9356357495300658574
select fastrand_seed_set(1234);
select fastrand_int64(), fastrand_int64(-1000, 1000), fastrand_int64(1000000), fastrand_int64(null, 0);
-- => 1
-- => 9125819570723775615|908|6341324104178540601|-9018816246103058551
select fastrand_seed_set(1234);
select fastrand_double(), fastrand_bool(), fastrand_bool(), fastrand_bool(), hex(fastrand_blob(8));
-- => 1
-- => 0.494711670214472|0|1|1|5D694DC090234F5E
select fastrand_seed_set(1234);
select fastrand_alphabetic() || fastrand_alphanumeric() || fastrand_lowercase() || fastrand_uppercase() || fastrand_digit(10) || fastrand_digit(16) || fastrand_digit(35);
-- => 1
-- => b6pW245
select fastrand_seed_set(1234);
with recursive s(i) as (select 1 union all select i + 1 from s where i < 20) select group_concat(fastrand_int(1, 7), ' ') from s;
-- => 1
-- => 4 6 4 6 2 2 1 6 3 3 4 3 5 5 3 5 6 4 6 3
-- Re-seeding repeats a sequence; seed 0 and the largest seed work.
select fastrand_seed_set(0), fastrand_int64(), fastrand_seed_set(9223372036854775807), fastrand_int64();
-- => 1|1233057930238600590|1|1125105837612165337
-- Results: types and ranges (unseeded draws too).
select typeof(fastrand_int()), typeof(fastrand_int64()), typeof(fastrand_double()), typeof(fastrand_bool()), typeof(fastrand_blob(3)), length(fastrand_blob(3)), typeof(fastrand_seed_get());
-- => integer|integer|real|integer|blob|3|text
with recursive s(i) as (select 1 union all select i + 1 from s where i < 1000) select count(*) from s where fastrand_int(-3, 3) not between -3 and 2 or fastrand_double() not between 0 and 0.9999999999999999 or fastrand_bool() not in (0, 1) or fastrand_digit(2) not in ('0', '1');
-- => 0
with recursive s(i) as (select 1 union all select i + 1 from s where i < 1000) select count(*) from s where fastrand_lowercase() not glob '[a-z]' or fastrand_uppercase() not glob '[A-Z]' or fastrand_alphabetic() not glob '[A-Za-z]' or fastrand_alphanumeric() not glob '[A-Za-z0-9]';
-- => 0
select fastrand_int(2147483647), fastrand_int64(9223372036854775807), fastrand_int(null, -2147483647), quote(fastrand_blob(0)), quote(fastrand_blob(null));
-- => 2147483647|9223372036854775807|-2147483648|X''|X''
with recursive s(i) as (select 1 union all select i + 1 from s where i < 100) select count(distinct fastrand_int64()) from s;
-- => 100
select substr(fastrand_version(), 1, 1), length(fastrand_debug()) - length(replace(fastrand_debug(), char(10), ''));
-- => v|2
-- Arguments are read as integers: NULL bounds are open, text gives its leading integer, reals are truncated.
select fastrand_seed_set('77'), fastrand_seed_get(), fastrand_seed_set(null), fastrand_seed_get(), fastrand_seed_set(5.9), fastrand_seed_get();
-- => 1|77|1|0|1|5
-- Errors: the reference's messages.
select fastrand_int(5, 5);
-- !! Runtime error near line 49: fuk
select fastrand_int64(10, -10);
-- !! Runtime error near line 51: fuk
select fastrand_seed_set(-1);
-- !! Runtime error near line 53: seed must be an usigned 64 bit integer: out of range integral type conversion attempted
select fastrand_digit(0);
-- !! Runtime error near line 55: base must be greater than 0 and less than 26
select fastrand_digit(36);
-- !! Runtime error near line 57: base must be greater than 0 and less than 26
select fastrand_digit(-2);
-- !! Runtime error near line 59: base must be an unsigned 32-bit integer: out of range integral type conversion attempted
-- Where the reference panics or runs out of memory: errors.
select fastrand_int(null, -2147483648);
-- !! Runtime error near line 62: fastrand_int(): no integer is below -2147483648
select fastrand_blob(-1);
-- !! Runtime error near line 64: fastrand_blob(): n must not be negative, not -1 (25)
select fastrand_blob(1000000001);
-- !! Runtime error near line 66: string or blob too big (18)
select fastrand_int(1, 2, 3);
-- !! Parse error near line 68: wrong number of arguments to function fastrand_int()
-- !!   select fastrand_int(1, 2, 3);
-- !!          ^--- error here
-- Generators are not deterministic; version and debug are.
create table g(x, y as (fastrand_int()));
-- !! Parse error near line 73: non-deterministic functions prohibited in generated columns
-- !!   create table g(x, y as (fastrand_int()));
-- !!                           ^--- error here
create table g2(x, y as (fastrand_version()));
select count(*) from g2;
-- => 0
