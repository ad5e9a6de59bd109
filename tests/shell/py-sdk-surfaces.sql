-- runners: native wasm (a test fixture, not baked into the composed build)
-- exit: 1
-- The Python SDK's surfaces (components/sdk-py/testing/surfaces.py, built
-- by make py-examples into dist/test-extensions/py-surfaces.wasm).
.load dist/test-extensions/py-surfaces.wasm
-- Value parameters see every value, NULL included, and return it
-- byte-exact (text that is not UTF-8 stays text); aliases share the code.
select py_echo(null) is null, py_echo(1), py_echo(2.5), py_echo('t'), hex(py_echo(x'00ff')), typeof(py_echo(x'00'));
select hex(py_same(cast(x'ff41' as text))), typeof(py_same(cast(x'ff41' as text))), pysurf__py_same(-0.0);
-- => 1|1|2.5|t|00FF|blob
-- => FF41|text|0.0
-- A default makes an argument optional; Optional[int] sees NULL.
select py_opt(), py_opt(null), py_opt(3), py_opt('4');
-- => 7|None|3|4
-- bytes are blobs (long ones through overflow.take); RawText is text.
select length(py_blob(300)), typeof(py_blob(3)), hex(py_blob(3)), typeof(py_raw(x'ff')), hex(py_raw(x'ff'));
-- => 88|blob|000102|text|FF
-- Floats and bools; NaN is NULL.
select py_float(1.5, 1), py_float(1, 0) is null, py_float('2', '0.5');
-- => 3.0|1|4.0
-- Errors: another exception names its type; results that are no SQL value.
select py_boom(0);
-- !! Runtime error near line 22: py_boom(): ZeroDivisionError: division by zero
select py_big();
-- !! Runtime error near line 24: py_big(): the result 1180591620717411303424 does not fit in a 64-bit integer (25)
select py_bad();
-- !! Runtime error near line 26: py_bad(): cannot return a list as a SQL value (20)
select py_float('2', 'x');
-- !! Runtime error near line 28: py_float(): argument 2 must be a number, got text 'x' (20)
select py_boom(1);
-- => 1
-- A window aggregate (inverse and value), and the NULL rule skipping rows.
select column1, py_sum(column1) over (order by column1 rows between 1 preceding and current row) from (values (1), (2), (3), (4));
-- => 1|1
-- => 2|3
-- => 3|5
-- => 4|7
select py_sum(column1) from (values (1), (null), (5)) union all select py_sum(column1) from (values (1)) where 0;
-- => 6
-- => 0
-- Collations: compared in Python, or ordered by keys made in Python.
select group_concat(column1) from (select column1 from (values ('b'), ('a'), ('c'), ('a long text that is over twenty four bytes')) order by column1 collate py_rev);
-- => c,b,a long text that is over twenty four bytes,a
select group_concat(column1) from (select column1 from (values ('ccc'), ('a'), ('bb'), ('dddd')) order by column1 collate py_len);
-- => a,bb,ccc,dddd
