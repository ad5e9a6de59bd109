-- exit: 1
-- The C SDK's test fixture (dist/test-extensions/c-surfaces.wasm, built by
-- make c-examples) through libsqlink_loader in Debian's stock sqlite3 3.40.
.load dist/lib/libsqlink_loader
select sqlink_load('dist/test-extensions/c-surfaces.wasm');
-- => loaded csurfaces 0.1.0: 13 functions, 2 aggregates (prefix csurfaces__; memory 256 MiB, timeout 5000 ms)
select c_kind(null), c_int('12abc'), c_real('1.5e3xyz'), c_text(1e20), hex(c_echo(cast(x'ff00fe' as text))), typeof(c_echo(cast(x'ff00fe' as text)));
-- => null|12|1500.0|1.0e+20|FF00FE|text
select hex(c_blob(3)), length(c_blob(1000)), hex(c_bytes('a', x'00', 1, 2.5, null)), c_copied('a text well over twenty-four bytes'), c_released();
-- => 000102|1000|610031322E35|a text well over twenty-four bytes|1
select json_array(c_json('[1,2]')), json_array('[1,2]'), c_subtype(json('[1]')), c_subtype('[1]');
-- => [[1,2]]|["[1,2]"]|74|0
select c_sum(column1) over (order by column1 rows between 1 preceding and current row) from (values (1), (2), (3), (4));
-- => 1
-- => 3
-- => 5
-- => 7
select column1, c_names(column2) from (values (1, 'a'), (2, 'b'), (1, null), (2, 'a text well over twenty-four bytes'), (1, 3)) group by column1;
-- => 1|a,null,3
-- => 2|b,a text well over twenty-four bytes
select c_fail('no such thing', 19);
-- !! Runtime error near line 21: no such thing (19)
select c_fail_code(20);
-- !! Runtime error near line 23: datatype mismatch (20)
select c_sum(column1) from (values (1), ('x'));
-- !! Runtime error near line 25: c_sum(): argument 1 must be an integer, got text 'x' (20)
