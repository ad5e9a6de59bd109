-- runners: native (the authorizer is served by the native host only, so far)
-- exit: 1
-- guard: making, listing and removing rules, bad arguments, and functions
-- a schema cannot call (components/extensions/guard).
.load dist/extensions/guard.wasm
.nullvalue NULL
create table users(id integer primary key, name, email);
insert into users values (1, 'ann', 'ann@example.com');
create table orders(id, total);
insert into orders values (1, 10);
-- Each rule is made once: 1 when new, 0 when already there (names ignore
-- ASCII case and keep the spelling first given).
select guard_deny('orders'), guard_deny('Orders'), guard_hide('users', 'Email'), guard_hide('USERS', 'email');
-- => 1|0|1|0
select guard_deny('users', 'email'), guard_deny('straße'), guard_deny('STRAßE');
-- => 1|1|0
select kind, tbl, col from guard_rules;
-- => deny|orders|NULL
-- => deny|straße|NULL
-- => deny|users|email
-- => hide|users|Email
select count(*) from guard_rules where col is null;
-- => 2
-- guard_allow(table, column) removes the column's rules, guard_allow(table)
-- every rule of the table; both count what they removed.
select guard_allow('users', 'EMAIL');
-- => 2
select email from users;
-- => ann@example.com
select guard_hide('users', 'email'), guard_allow('users'), guard_allow('users');
-- => 1|1|0
select guard_allow('orders');
-- => 1
select * from orders;
-- => 1|10
select guard_clear(), guard_clear();
-- => 1|0
select count(*) from guard_rules;
-- => 0
-- Names must be non-empty text, without a schema or table prefix.
select guard_deny(null);
-- !! Runtime error near line 41: guard_deny(): the table name must be text, got NULL (20)
select guard_deny(42);
-- !! Runtime error near line 43: guard_deny(): the table name must be text, got integer 42 (20)
select guard_deny('users', null);
-- !! Runtime error near line 45: guard_deny(): the column name must be text, got NULL (20)
select guard_hide('users', x'00');
-- !! Runtime error near line 47: guard_hide(): the column name must be text, got blob of 1 bytes (20)
select guard_hide('users');
-- !! Parse error near line 49: wrong number of arguments to function guard_hide()
-- !!   select guard_hide('users');
-- !!          ^--- error here
select guard_deny('');
-- !! Runtime error near line 53: guard_deny(): the table name is empty
select guard_allow('users', '');
-- !! Runtime error near line 55: guard_allow(): the column name is empty
select guard_deny('main.users');
-- !! Runtime error near line 57: guard_deny(): 'main.users' has a dot: name a table without its database ('users')
select guard_hide('users', 'users.email');
-- !! Runtime error near line 59: guard_hide(): 'users.email' has a dot: name a column without its table ('email')
select count(*) from guard_rules;
-- => 0
-- The functions that change rules cannot run from a view or a trigger, so
-- a schema cannot switch the guard off.
select guard_deny('orders');
-- => 1
create view unguard as select guard_clear() as n;
select * from unguard;
-- !! Parse error near line 68: unsafe use of guard_clear()
create trigger unguard_on_insert after insert on users begin select guard_allow('orders'); end;
insert into users values (2, 'bob', 'bob@example.com');
-- !! Parse error near line 71: unsafe use of guard_allow()
select count(*) from users;
-- => 1
select * from orders;
-- !! Parse error near line 75: access to orders.id is prohibited (23)
-- The rules table is a table like any other to the rules.
select guard_deny('guard_rules');
-- => 1
select * from guard_rules;
-- !! Parse error near line 80: access to guard_rules.kind is prohibited (23)
select guard_allow('guard_rules');
-- => 1
select * from guard_rules;
-- => deny|orders|NULL
-- No function is deterministic (flag 0x800); all are direct-only (0x80000).
select name, narg, flags & 0x800, flags & 0x80000 from pragma_function_list where name like 'guard%' order by name, narg;
-- => guard__guard_allow|1|0|524288
-- => guard__guard_allow|2|0|524288
-- => guard__guard_clear|0|0|524288
-- => guard__guard_deny|1|0|524288
-- => guard__guard_deny|2|0|524288
-- => guard__guard_hide|2|0|524288
-- => guard_allow|1|0|524288
-- => guard_allow|2|0|524288
-- => guard_clear|0|0|524288
-- => guard_deny|1|0|524288
-- => guard_deny|2|0|524288
-- => guard_hide|2|0|524288
