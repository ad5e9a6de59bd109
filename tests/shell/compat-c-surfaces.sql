-- runners: native wasm (the C builds are not baked into the composed build)
-- exit: 1
-- The sqlite3ext.h compatibility layer (components/sdk-c/compat): a fixture
-- written for sqlite3_load_extension (compat/testing/surfaces.c), unchanged,
-- in sqlink. printf formats match Debian's sqlite3 printf() on the same
-- arguments. A call outside the layer is an error naming the function; an
-- init function that calls one, or fails, fails the load with its message
-- (sqlean-define.wasm is sqlean's define module, built by `make c-sqlean`).
.load dist/test-extensions/compat-surfaces.wasm
select describe(12), describe(1.5), describe('12'), describe(' 3.5 '), describe('12abc'), describe(x'3132'), describe(null);
-- => integer/integer/2/'12'/0|real/real/3/'1.5'/0|text/integer/2/'12'/0|text/real/5/' 3.5 '/0|text/text/5/'12abc'/0|blob/blob/2/'12'/0|null/null/0/NULL/0
select describe(tag('x', 7));
-- => text/text/1/'x'/7
select fmt();
-- => it''s|'it''s'|NULL|a""b|-42|1099511627776| 3.14|ab  |ff|%|freed|truncated-to fi|2.001|2.68|user data
select replaced(), compat_surfaces__fmt() = fmt();
-- => it''s|'it''s'|NULL|a""b|-42|1099511627776| 3.14|ab  |ff|%|freed|truncated-to fi|2.001|2.68||1
select deleted();
-- !! Parse error near line 18: no such function: deleted
-- !!   select deleted();
-- !!          ^--- error here
select results(0), results(1), results(2), results(3), results(4), hex(results(5)), hex(results(6)), results(7) is null, results('8'), typeof(results('8')), results(13);
-- => 7|4611686018427387904|0.5|static text|text64 over twenty-four bytes|0102|000000|1|8|text|from sqlite3_malloc
select results(9);
-- !! Runtime error near line 24: an error from the extension
select results(10);
-- !! Runtime error near line 26: constraint failed (19)
select results(11);
-- !! Runtime error near line 28: string or blob too big (18)
select results(12);
-- !! Runtime error near line 30: out of memory (7)
select cached('a'), cached('b');
-- => 0:a|0:b
select icmp('ABC', 'abc'), icmp('abd', 'ABC'), icmp('abcd', 'ABCE');
-- => 0,0|1,1|-1,0
select total_of(x) from (select 1 as x union all select 2 union all select null union all select 4);
-- => 7 of 3
select total_of(x) from (select 1 as x where 0);
-- => no rows
select x, total_of(x) over (order by x rows between 1 preceding and current row) from (select 1 as x union all select 2 union all select 3) order by x;
-- => 1|1 of 1
-- => 2|3 of 2
-- => 3|5 of 2
select usesdb();
-- !! Runtime error near line 44: usesdb() calls sqlite3_prepare_v2, which sqlink's sqlite3ext.h compatibility layer does not provide
.load dist/test-extensions/compat-unsupported.wasm
-- !! Error: attach failed: compat_unsupported: sqlite3_unsupported_init() calls sqlite3_overload_function, which sqlink's sqlite3ext.h compatibility layer does not provide
.load dist/test-extensions/compat-failing.wasm
-- !! Error: attach failed: compat_failing: sqlite3_failing_init() failed with code 1: this extension needs a licence key
-- Third-party code: sqlean's define module runs SQL from its init function.
.load dist/test-extensions/sqlean-define.wasm
-- !! Error: attach failed: sqlean_define: sqlite3_define_init() calls sqlite3_exec, which sqlink's sqlite3ext.h compatibility layer does not provide
select 'still running';
-- => still running
