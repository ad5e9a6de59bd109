-- exit: 1
.load dist/extensions/cron.wasm
-- daschr/sqlite3_extensions README examples
select cron_match('2000-01-01 00:03:00', '*/3 * * * *');
-- => 1
create table test1(date text);
with recursive m(t) as (select '2000-01-04 10:00:00' union all select datetime(t, '+1 minute') from m where t < '2000-01-05 10:40:00') insert into test1 select t from m;
select date from test1 where cron_match(date, '*/9 */10 * * *');
-- => 2000-01-04 10:00:00
-- => 2000-01-04 10:09:00
-- => 2000-01-04 10:18:00
-- => 2000-01-04 10:27:00
-- => 2000-01-04 10:36:00
-- => 2000-01-04 10:45:00
-- => 2000-01-04 10:54:00
-- => 2000-01-04 20:00:00
-- => 2000-01-04 20:09:00
-- => 2000-01-04 20:18:00
-- => 2000-01-04 20:27:00
-- => 2000-01-04 20:36:00
-- => 2000-01-04 20:45:00
-- => 2000-01-04 20:54:00
-- => 2000-01-05 00:00:00
-- => 2000-01-05 00:09:00
-- => 2000-01-05 00:18:00
-- => 2000-01-05 00:27:00
-- => 2000-01-05 00:36:00
-- => 2000-01-05 00:45:00
-- => 2000-01-05 00:54:00
-- => 2000-01-05 10:00:00
-- => 2000-01-05 10:09:00
-- => 2000-01-05 10:18:00
-- => 2000-01-05 10:27:00
-- => 2000-01-05 10:36:00
-- fields: minute hour day month weekday (2000-01-01 was a Saturday, 6)
select cron_match('2000-01-01 12:30:00', '30 12 1 1 6'), cron_match('2000-01-01 12:30:00', '30 12 1 1 0'), cron_match('2000-01-01 12:30:00', '31 12 1 1 6');
-- => 1|0|0
select cron_match('2000-01-01 12:30', '10,20,30 * * * *'), cron_match('2000-01-01 12:30', '10-30 * * * *'), cron_match('2000-01-01 12:25', '10-30 * * * *');
-- => 1|1|0
select cron_match('2024-02-29 00:00:00', '0 0 29 2 4'), cron_match('2024-02-29 00:00:00', '0 0 29 2 */2');
-- => 1|1
-- too few fields, extra fields, odd shapes, unparsable dates
select cron_match('2000-01-01 12:30', '* * * *'), cron_match('2000-01-01 12:30', '* * * * * ignored'), cron_match('2000-01-01 12:30', '*/0 * * * *'), cron_match('2000-01-01 12:30', '*/x * * * *'), cron_match('2000-01-01 12:30', '*5 * * * *');
-- => 0|1|0|0|0
select cron_match('2000-01-01T12:30:00', '* * * * *'), cron_match('2000-01-01', '* * * * *'), cron_match('', '* * * * *'), cron_match('2000-01-01 12:30', '');
-- => 0|0|0|0
-- the C code reads a field on into the next one: minute 7 matches '5 7'
select cron_match('2000-01-01 07:07', '5 7 * * *'), cron_match('2000-01-01 07:07', '5  7 * * *');
-- => 1|0
-- NULLs, numbers, invalid UTF-8
select cron_match(NULL, '* * * * *') is null, cron_match('2000-01-01 00:00', NULL) is null, cron_match(2000, '* * * * *'), cron_match(cast(x'ff' as text), '* * * * *');
-- => 1|1|0|0
select cron_match('2000-01-01 00:00', '0 0 1 1 ' || cast(x'ff' as text)), cron_match('2000-01-01 00:00', cast(x'ff' as text) || ' * * * *');
-- => 0|0
-- deterministic: usable in a generated column
create table g(d text, m int as (cron_match(d, '0 0 * * *')));
insert into g(d) values ('2000-01-01 00:00:00'), ('2000-01-01 00:01:00');
select m from g;
-- => 1
-- => 0
select cron_match('2000-01-01 00:00');
-- !! Parse error near line 61: wrong number of arguments to function cron_match()
-- !!   select cron_match('2000-01-01 00:00');
-- !!          ^--- error here
