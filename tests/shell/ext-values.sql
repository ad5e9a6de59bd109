-- runners: native wasm (the probe fixture is not baked into the composed build)
-- Values cross the boundary byte-exact (fixture: probe.wasm echoes its
-- argument; probe_typeof says what the extension received).
.load dist/test-extensions/probe.wasm
select probe_echo(null) is null, probe_typeof(null);
-- => 1|null
select probe_echo(-9223372036854775808), probe_echo(9223372036854775807), probe_typeof(1);
-- => -9223372036854775808|9223372036854775807|integer
select probe_echo(2.5), probe_echo(-1e308), probe_typeof(0.5);
-- => 2.5|-1.0e+308|real
select probe_echo('héllo wörld'), probe_typeof('x'), probe_echo('') = '';
-- => héllo wörld|text|1
select hex(probe_echo(x'00ff10')), probe_typeof(x'00'), length(probe_echo(x''));
-- => 00FF10|blob|0
-- Text that is not valid UTF-8 stays text with the same bytes.
select hex(probe_echo(cast(x'61ff00fe62' as text))), typeof(probe_echo(cast(x'61ff00fe62' as text)));
-- => 61FF00FE62|text
-- 10 MB values, text and blob, in and out.
create table big(b blob, t text);
insert into big select randomblob(10000000), hex(randomblob(5000000));
select length(probe_echo(b)), probe_echo(b) = b, length(probe_echo(t)), probe_echo(t) = t from big;
-- => 10000000|1|10000000|1
-- Arguments: none, many, optional, NULL for a non-Option parameter.
select probe_count(), probe_count(1, 2, 3, 4, 5), probe_types(1, 2.0, 'a', x'00', null);
-- => 0|5|integer,real,text,blob,null
select probe_len('abc'), probe_len('abc', 10), probe_len('abc', null) is null;
-- => 3|13|1
