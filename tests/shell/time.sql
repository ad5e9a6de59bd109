-- exit: 1
-- sqlean's time module (sqlean-time.c, compiled unchanged by `make c-catalog` (components/extensions-c/time/extension.mk))
-- with components/extensions-c/sqlean/time-durations.c, which registers
-- dur_h() ... dur_ns() again with their 64-bit values (the source passes
-- them as void * user data, 32 bits in wasm32: without it dur_h() gives
-- 817405952 and dur_m() -129542144). Every example of sqlean's
-- docs/time.md with a fixed result, in its order, gives the documented
-- output; those of time_now() are checked for what they must satisfy. The
-- same script with the same source compiled natively and loaded into
-- Debian's sqlite3 gives the same output.
.load dist/extensions/time.wasm
-- Creating time values.
select time_fmt_iso(time_date(2011, 11, 18));
select time_fmt_iso(time_date(2011, 11, 18, 15, 56, 35));
select time_fmt_iso(time_date(2011, 11, 18, 15, 56, 35, 666777888));
select time_fmt_iso(time_date(2011, 11, 18, 15, 56, 35, 0, 3*3600));
select time_fmt_iso(time_date(2011, 11, 18, 15, 56, 35, 666777888, 3*3600));
select time_fmt_iso(time_date(2011, 10, 32)), time_fmt_iso(make_date(2011, 11, 18)), time_fmt_iso(make_timestamp(2011, 11, 18, 15, 56, 35));
-- => 2011-11-18T00:00:00Z
-- => 2011-11-18T15:56:35Z
-- => 2011-11-18T15:56:35.666777888Z
-- => 2011-11-18T12:56:35Z
-- => 2011-11-18T12:56:35.666777888Z
-- => 2011-11-01T00:00:00Z|2011-11-18T00:00:00Z|2011-11-18T15:56:35Z
-- The current time (time_now(), now()): what its values must satisfy.
select length(time_now()), typeof(time_now()), time_get_year(time_now()) >= 2024, abs(time_to_unix(now()) - unixepoch()) <= 1;
select time_after(time_now(), time_date(2011, 11, 18)), time_before(time_now(), time_date(2011, 11, 18));
select time_compare(time_now(), time_date(2011, 11, 18)), time_compare(time_date(2011, 11, 18), time_now()), time_equal(time_now(), time_date(2011, 11, 18));
select time_since(time_now()) between 0 and 1000000000, time_until(time_date(2024, 9, 1)) < 0, typeof(time_until(time_date(2024, 9, 1)));
select time_fmt_iso(time_now()) glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z';
-- => 13|blob|1|1
-- => 1|0
-- => 1|-1|0
-- => 1|1|integer
-- => 1
-- Extracting fields, from the documented instant.
select time_get_year(t), time_get_month(t), time_get_day(t), time_get_hour(t), time_get_minute(t), time_get_second(t), time_get_nano(t), time_get_weekday(t), time_get_yearday(t), time_get_isoyear(t), time_get_isoweek(t) from (select time_unix(1722979335, 431295000) as t);
select time_get(t, 'millennium'), time_get(t, 'century'), time_get(t, 'decade'), time_get(t, 'year'), time_get(t, 'quarter'), time_get(t, 'month'), time_get(t, 'day') from (select time_unix(1722979335, 431295000) as t);
select time_get(t, 'hour'), time_get(t, 'minute'), time_get(t, 'second'), time_get(t, 'milli'), time_get(t, 'micro'), time_get(t, 'nano') from (select time_unix(1722979335, 431295000) as t);
select time_get(t, 'isoyear'), time_get(t, 'isoweek'), time_get(t, 'isodow'), time_get(t, 'yearday'), time_get(t, 'weekday'), time_get(t, 'epoch'), date_part('year', t) from (select time_unix(1722979335, 431295000) as t);
-- => 2024|8|6|21|22|15|431295000|2|219|2024|32
-- => 2|20|202|2024|3|8|6
-- => 21|22|15.431295|431|431295|431295000
-- => 2024|32|2|219|2|1722979335.43129|2024
-- Unix time.
select time_fmt_iso(time_unix(1321631795));
select time_fmt_iso(time_unix(1321631795, 666777888));
select time_fmt_iso(to_timestamp(1321631795));
select time_fmt_iso(time_milli(1321631795666));
select time_fmt_iso(time_micro(1321631795666777));
select time_fmt_iso(time_nano(1321631795666777888));
select time_to_unix(t), time_to_milli(t), time_to_micro(t), time_to_nano(t) from (select time_unix(1722979335, 431295000) as t);
-- => 2011-11-18T15:56:35Z
-- => 2011-11-18T15:56:35.666777888Z
-- => 2011-11-18T15:56:35Z
-- => 2011-11-18T15:56:35.666000000Z
-- => 2011-11-18T15:56:35.666777000Z
-- => 2011-11-18T15:56:35.666777888Z
-- => 1722979335|1722979335431|1722979335431295|1722979335431295000
-- Comparison.
select time_compare(time_date(2011, 11, 18), time_date(2011, 11, 18)), time_equal(time_date(2011, 11, 18), time_date(2011, 11, 18));
select time_after(time_date(2011, 11, 19), time_date(2011, 11, 18)), time_before(time_date(2011, 11, 19), time_date(2011, 11, 18));
-- => 0|1
-- => 1|0
-- Arithmetic: the documented time_add examples, from the documented now.
select time_fmt_iso(time_add(time_unix(1722979335, 431295000), 24*dur_h()));
select time_fmt_iso(time_add(time_unix(1722979335, 431295000), 60*dur_m()));
select time_fmt_iso(time_add(time_unix(1722979335, 431295000), 5*dur_m()+30*dur_s()));
select time_fmt_iso(date_add(time_unix(1722979335, 431295000), -dur_h()));
select time_fmt_date(time_add_date(time_date(2011, 11, 18), 5));
select time_fmt_date(time_add_date(time_date(2011, 11, 18), 3, 5));
select time_fmt_date(time_add_date(time_date(2011, 11, 18), 3, 5, -10));
select time_fmt_date(time_add_date(time_date(2011, 1, 1), -1, 2, 3)), time_fmt_date(time_add_date(time_date(2011, 10, 31), 0, 1));
select time_sub(time_date(2011, 11, 19), time_date(2011, 11, 18));
select time_sub(
  time_date(2011, 11, 18, 16, 56, 35),
  time_date(2011, 11, 18, 15, 56, 35)
);
select time_sub(time_unix(1321631795, 5000000), time_unix(1321631795, 0));
select age(time_date(2011, 11, 19), time_date(2011, 11, 18));
-- => 2024-08-07T21:22:15.431295000Z
-- => 2024-08-06T22:22:15.431295000Z
-- => 2024-08-06T21:27:45.431295000Z
-- => 2024-08-06T20:22:15.431295000Z
-- => 2016-11-18
-- => 2015-04-18
-- => 2015-04-08
-- => 2010-03-04|2011-12-01
-- => 86400000000000
-- => 3600000000000
-- => 5000000
-- => 86400000000000
-- Rounding.
with t as (
    select time_date(2011, 11, 18, 15, 56, 35, 666777888) as v
)
select 'original = '   || time_fmt_iso(t.v) from t union all
select 'millennium = ' || time_fmt_iso(time_trunc(t.v, 'millennium')) from t union all
select 'century = '    || time_fmt_iso(time_trunc(t.v, 'century')) from t union all
select 'decade = '     || time_fmt_iso(time_trunc(t.v, 'decade')) from t union all
select 'year = '       || time_fmt_iso(time_trunc(t.v, 'year')) from t union all
select 'quarter = '    || time_fmt_iso(time_trunc(t.v, 'quarter')) from t union all
select 'month = '      || time_fmt_iso(time_trunc(t.v, 'month')) from t union all
select 'week = '       || time_fmt_iso(time_trunc(t.v, 'week')) from t union all
select 'day = '        || time_fmt_iso(time_trunc(t.v, 'day')) from t union all
select 'hour = '       || time_fmt_iso(time_trunc(t.v, 'hour')) from t union all
select 'minute = '     || time_fmt_iso(time_trunc(t.v, 'minute')) from t union all
select 'second = '     || time_fmt_iso(time_trunc(t.v, 'second')) from t union all
select 'milli = '      || time_fmt_iso(time_trunc(t.v, 'milli')) from t union all
select 'micro = '      || time_fmt_iso(time_trunc(t.v, 'micro')) from t;
-- => original = 2011-11-18T15:56:35.666777888Z
-- => millennium = 2000-01-01T00:00:00Z
-- => century = 2000-01-01T00:00:00Z
-- => decade = 2010-01-01T00:00:00Z
-- => year = 2011-01-01T00:00:00Z
-- => quarter = 2011-10-01T00:00:00Z
-- => month = 2011-11-01T00:00:00Z
-- => week = 2011-11-12T00:00:00Z
-- => day = 2011-11-18T00:00:00Z
-- => hour = 2011-11-18T15:00:00Z
-- => minute = 2011-11-18T15:56:00Z
-- => second = 2011-11-18T15:56:35Z
-- => milli = 2011-11-18T15:56:35.666000000Z
-- => micro = 2011-11-18T15:56:35.666777000Z
with t as (
    select time_date(2011, 11, 18, 15, 56, 35, 666777888) as v
)
select 't = '   || time_fmt_iso(t.v) from t union all
select '12h = ' || time_fmt_iso(time_trunc(t.v, 12*dur_h())) from t union all
select '1h = '  || time_fmt_iso(time_trunc(t.v, dur_h())) from t union all
select '30m = ' || time_fmt_iso(time_trunc(t.v, 30*dur_m())) from t union all
select '1m = '  || time_fmt_iso(time_trunc(t.v, dur_m())) from t union all
select '30s = ' || time_fmt_iso(time_trunc(t.v, 30*dur_s())) from t union all
select '1s = '  || time_fmt_iso(time_trunc(t.v, dur_s())) from t;
-- => t = 2011-11-18T15:56:35.666777888Z
-- => 12h = 2011-11-18T12:00:00Z
-- => 1h = 2011-11-18T15:00:00Z
-- => 30m = 2011-11-18T15:30:00Z
-- => 1m = 2011-11-18T15:56:00Z
-- => 30s = 2011-11-18T15:56:30Z
-- => 1s = 2011-11-18T15:56:35Z
with t as (
    select time_date(2011, 11, 18, 15, 56, 35, 666777888) as v
)
select 't = '   || time_fmt_iso(t.v) from t union all
select '12h = ' || time_fmt_iso(time_round(t.v, 12*dur_h())) from t union all
select '1h = '  || time_fmt_iso(time_round(t.v, dur_h())) from t union all
select '30m = ' || time_fmt_iso(time_round(t.v, 30*dur_m())) from t union all
select '1m = '  || time_fmt_iso(time_round(t.v, dur_m())) from t union all
select '30s = ' || time_fmt_iso(time_round(t.v, 30*dur_s())) from t union all
select '1s = '  || time_fmt_iso(time_round(t.v, dur_s())) from t;
-- => t = 2011-11-18T15:56:35.666777888Z
-- => 12h = 2011-11-18T12:00:00Z
-- => 1h = 2011-11-18T16:00:00Z
-- => 30m = 2011-11-18T16:00:00Z
-- => 1m = 2011-11-18T15:57:00Z
-- => 30s = 2011-11-18T15:56:30Z
-- => 1s = 2011-11-18T15:56:36Z
select time_fmt_iso(date_trunc('hour', time_date(2011, 11, 18, 15, 56, 35))), time_fmt_iso(time_trunc(time_date(2011, 11, 18, 15, 56, 35), 0));
-- => 2011-11-18T15:00:00Z|2011-11-18T15:56:35Z
-- Formatting and parsing.
select time_fmt_iso(time_date(2011, 11, 18, 15, 56, 35, 666777888), 3*3600);
select time_fmt_iso(time_date(2011, 11, 18, 15, 56, 35, 666777888));
select time_fmt_iso(time_date(2011, 11, 18, 15, 56, 35), 3*3600);
select time_fmt_iso(time_date(2011, 11, 18, 15, 56, 35));
select time_fmt_datetime(time_date(2011, 11, 18, 15, 56, 35), 3*3600);
select time_fmt_datetime(time_date(2011, 11, 18, 15, 56, 35));
select time_fmt_datetime(time_date(2011, 11, 18));
select time_fmt_date(time_date(2011, 11, 18, 15, 56, 35), 12*3600);
select time_fmt_date(time_date(2011, 11, 18, 15, 56, 35));
select time_fmt_date(time_date(2011, 11, 18));
select time_fmt_time(time_date(2011, 11, 18, 15, 56, 35), 3*3600);
select time_fmt_time(time_date(2011, 11, 18, 15, 56, 35));
select time_fmt_time(time_date(2011, 11, 18));
-- => 2011-11-18T18:56:35.666777888+03:00
-- => 2011-11-18T15:56:35.666777888Z
-- => 2011-11-18T18:56:35+03:00
-- => 2011-11-18T15:56:35Z
-- => 2011-11-18 18:56:35
-- => 2011-11-18 15:56:35
-- => 2011-11-18 00:00:00
-- => 2011-11-19
-- => 2011-11-18
-- => 2011-11-18
-- => 18:56:35
-- => 15:56:35
-- => 00:00:00
select time_parse('2011-11-18T15:56:35.666777888Z')      = time_unix(1321631795, 666777888);
select time_parse('2011-11-18T19:26:35.666777888+03:30') = time_unix(1321631795, 666777888);
select time_parse('2011-11-18T12:26:35.666777888-03:30') = time_unix(1321631795, 666777888);
select time_parse('2011-11-18T15:56:35Z')                = time_unix(1321631795, 0);
select time_parse('2011-11-18T19:26:35+03:30')           = time_unix(1321631795, 0);
select time_parse('2011-11-18T12:26:35-03:30')           = time_unix(1321631795, 0);
select time_parse('2011-11-18 15:56:35')                 = time_unix(1321631795, 0);
select time_parse('2011-11-18')                          = time_date(2011, 11, 18);
select time_parse('15:56:35')                            = time_date(1, 1, 1, 15, 56, 35);
-- => 1
-- => 1
-- => 1
-- => 1
-- => 1
-- => 1
-- => 1
-- => 1
-- => 1
-- Duration constants (the ones the addendum registers again).
select dur_ns();
select dur_us();
select dur_ms();
select dur_s();
select dur_m();
select dur_h();
select typeof(dur_h()), dur_h() = 3600 * dur_s(), dur_m() = 60 * dur_s();
-- => 1
-- => 1000
-- => 1000000
-- => 1000000000
-- => 60000000000
-- => 3600000000000
-- => integer|1|1
-- Bad input, as the native build gives it (sqlink names the extension).
select time_date(null, 1, 1);
select quote(time_parse('not a time'));
select time_get_year(42);
select time_get(time_date(2011, 1, 1), 'fortnight');
select time_fmt_iso(null);
-- => X'01000000000000000000000000'
-- !! Runtime error near line 222: all parameters should be integers
-- !! Runtime error near line 224: parameter should be a time blob
-- !! Runtime error near line 225: unknown field
-- !! Runtime error near line 226: 1st parameter: should be a time blob
