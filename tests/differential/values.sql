-- skip-modes: json quote
-- Integers, reals, text, blobs and NULLs in one result (json and quote are
-- skipped because they print reals differently on purpose).
create table t(i, r, s, b);
insert into t values (1, 2.5, 'plain', x'414243');
insert into t values (-7, 1.0, 'it''s "quoted", with, commas', NULL);
insert into t values (NULL, 1e100, 'two
lines', x'00ff');
insert into t values (9223372036854775807, 0.1, '', x'');
insert into t values (-9223372036854775808, -1e-7, ' leading and trailing ', x'0a0d09');
insert into t values (0, 1.0/3, 'tab	inside', x'ff');
select * from t;
select i, r from t where i > 0 order by i;
select 1 where 0;
select 1.5e300 * 1e10, -1.5e300 * 1e10, 123456789012345678.0, 1e15, 1e16, 1e-4, 1e-5;
select 1234567890123445.0, 1234567890123455.0, 0.1 + 0.2, 100.0, -0.0;
