-- runners: native wasm (the probe fixture is not baked into the composed build)
-- exit: 1
-- Function flags are honoured exactly (fixture: dist/test-extensions/probe.wasm).
.load dist/extensions/uuid.wasm
.load dist/test-extensions/probe.wasm
-- Nothing non-deterministic is constant-folded.
select uuid4() = uuid4(), probe_counter() = probe_counter();
-- => 0|0
select count(distinct uuid4()) from (values (1), (2), (3));
-- => 3
-- Deterministic functions may index; others may not.
create table t(x);
insert into t values (1), (2), (3);
create index by_det on t(probe_det(x));
select x from t where probe_det(x) = 6;
-- => 3
create index by_counter on t(probe_counter());
-- !! Parse error near line 17: non-deterministic functions prohibited in index expressions
-- !!   create index by_counter on t(probe_counter());
-- !!                  error here ---^
-- Direct-only functions cannot run from a view; innocuous ones can even
-- with trusted_schema off.
create view v_direct as select probe_direct(x) from t;
create view v_plain as select probe_plain(x) from t;
create view v_innocuous as select probe_innocuous(x) from t;
select probe_direct(7);
-- => 7
select * from v_direct;
-- !! Parse error near line 28: unsafe use of probe_direct()
pragma trusted_schema = off;
select * from v_plain;
-- !! Parse error near line 31: unsafe use of probe_plain()
select count(*) from v_innocuous;
-- => 3
-- Subtypes cross the boundary both ways.
select json_array(probe_json('[1,2]')), json_array(probe_echo(json('[1,2]')));
-- => [[1,2]]|["[1,2]"]
select probe_subtype(json('{}')), probe_subtype('{}');
-- => 74|0
