-- exit: 1
-- sqlean's time and stats (full init) and define built with --spi, compiled
-- unchanged with the sqlite3ext.h compatibility layer (make c-sqlean),
-- through libsqlink_loader in Debian's stock sqlite3 3.40. time: docs/time.md
-- examples, with the dur_*() constants time-durations.c registers again
-- (64-bit values; the source's void * user data keeps 32 bits in wasm32);
-- stats: docs/stats.md's generate_series examples, pinned over the shell's
-- own generate_series; define: docs/define.md's examples, with the spi
-- grant (without it the load is refused); the same sources compiled
-- natively give the same.
.load dist/lib/libsqlink_loader
select sqlink_load('dist/extensions/time.wasm');
-- => loaded time 0.27.4: 62 functions (prefix time__; memory 256 MiB, timeout 5000 ms)
select dur_ns(), dur_us(), dur_ms(), dur_s(), dur_m(), dur_h();
select time_fmt_iso(time_date(2011, 11, 18, 15, 56, 35, 666777888, 3*3600));
select time_fmt_iso(time_add(time_unix(1722979335, 431295000), 24*dur_h()));
select time_fmt_iso(time_add(time_unix(1722979335, 431295000), 5*dur_m()+30*dur_s()));
select time_sub(time_date(2011, 11, 18, 16, 56, 35), time_date(2011, 11, 18, 15, 56, 35));
select time_fmt_iso(time_trunc(time_date(2011, 11, 18, 15, 56, 35, 666777888), 12*dur_h())), time_fmt_iso(time_round(time_date(2011, 11, 18, 15, 56, 35, 666777888), 30*dur_m()));
select time_fmt_iso(time_trunc(time_date(2011, 11, 18, 15, 56, 35, 666777888), 'week')), time_fmt_date(time_add_date(time_date(2011, 11, 18), 3, 5, -10));
select time_get(time_unix(1722979335, 431295000), 'epoch'), time_get(time_unix(1722979335, 431295000), 'isoweek');
select time_parse('2011-11-18T19:26:35.666777888+03:30') = time_unix(1321631795, 666777888);
select time_after(time_now(), time_date(2011, 11, 18)), abs(time_to_unix(now()) - unixepoch()) <= 1;
select time_get_year(42);
-- => 1|1000|1000000|1000000000|60000000000|3600000000000
-- => 2011-11-18T12:56:35.666777888Z
-- => 2024-08-07T21:22:15.431295000Z
-- => 2024-08-06T21:27:45.431295000Z
-- => 3600000000000
-- => 2011-11-18T12:00:00Z|2011-11-18T16:00:00Z
-- => 2011-11-12T00:00:00Z|2015-04-08
-- => 1722979335.43129|32
-- => 1
-- => 1|1
-- !! Runtime error near line 24: parameter should be a time blob
select sqlink_load('dist/extensions-c/sqlean-stats.wasm', '', 'pin=generate_series');
-- => loaded sqlean_stats 0.27.4: 26 aggregates, 2 virtual table modules (prefix sqlean_stats__; memory 256 MiB, timeout 5000 ms)
-- => note: module generate_series pinned: it now calls sqlean_stats__generate_series instead of SQLite's own
select median(value) from generate_series(1, 99);
select count(*), sum(value) from generate_series(1, 99);
select group_concat(value) from generate_series(5, 100, 5);
select count(random()) from generate_series(1, 20);
select group_concat(value) from stats_seq(1, 10, 3);
-- => 50.0
-- => 99|4950
-- => 5,10,15,20,25,30,35,40,45,50,55,60,65,70,75,80,85,90,95,100
-- => 20
-- => 1,4,7,10
select sqlink_load('dist/extensions-c/sqlean-define.wasm');
-- !! Runtime error near line 49: refusing to load extension sqlean-define: it imports sqlink:extension/spi@0.2.0 and sqlink:extension/blob@0.2.0: load it with sqlink_load(path, 'spi')
select sqlink_load('dist/extensions-c/sqlean-define.wasm', 'spi');
-- => loaded sqlean_define 0.27.4: 6 functions, 1 virtual table module (prefix sqlean_define__; memory 256 MiB, timeout 5000 ms; granted spi)
select define('sumn', ':n * (:n + 1) / 2');
select sumn(5), sumn(10);
select define('subxy3', '?2 - ?1');
select subxy3(5, 1);
select name, body from sqlean_define where type = 'scalar';
select eval('select 1, 2, 3', '|'), eval('select 1; select 2; select 3;');
create virtual table strcut using define((select substr(:str, 1, instr(:str, :sep) - 1) as left, :sep as separator, substr(:str, instr(:str, :sep) + 1) as right));
select * from strcut('one;two', ';');
select undefine('sumn');
select name from sqlean_define;
select define_free();
-- =>
-- => 15|55
-- =>
-- => -4
-- => sumn|:n * (:n + 1) / 2
-- => subxy3|?2 - ?1
-- => 1|2|3|1 2 3
-- => one|;|two
-- =>
-- => strcut
-- => subxy3
-- =>
