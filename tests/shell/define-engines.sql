-- runners: native wasm (functions declared at run time: the native engine registers them itself; SQLite in wasm through the relay, or directly from the attach hook)
-- exit: 1
-- Functions define() declares at run time behave the same in both engines
-- of the sqlink host: declared from inside a call, declared again from the
-- attach hook when the extension is loaded anew, gone when it is unloaded.
.open --new /tmp/sqlink-shell-test-define-engines.db
.load dist/extensions/define.wasm --grant spi
select define('sumn', ':n * (:n + 1) / 2');
-- =>
select sumn(10), sumn(100);
-- => 55|5050
-- Declared again with another body: the new body answers.
select define('sumn', ':n * (:n + 1)');
-- =>
select sumn(10);
-- => 110
-- A name SQLite already has is refused.
select define('abs', ':x');
-- !! Runtime error near line 18: function abs already exists; choose another name
-- Functions of an extension granted spi are DIRECTONLY, declared ones too.
create view v as select sumn(3) as s;
select * from v;
-- !! Parse error near line 22: unsafe use of sumn()
drop view v;
-- Unloaded, its functions are gone; loaded again, its attach hook declares
-- them again from the table it keeps them in.
.unload define
select sumn(10);
-- !! Parse error near line 28: no such function: sumn
-- !!   select sumn(10);
-- !!          ^--- error here
.load dist/extensions/define.wasm --grant spi
select sumn(10);
-- => 110
select undefine('sumn');
-- =>
select sumn(10);
-- !! Runtime error near line 37: function sumn was removed
select count(*) from sqlean_define;
-- => 0
pragma integrity_check;
-- => ok
