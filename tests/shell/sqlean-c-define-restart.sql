-- runners: native wasm (the C builds are not baked into the composed build)
-- exit: 1
-- sqlink only: sqlean's define (tests/shell/sqlean-c-define.sql) after its
-- instance fails and is rebuilt. The host still has the functions define()
-- declared; the first call of one runs the init function again in the
-- new instance (without declaring anything), which re-creates the
-- functions saved in sqlean_define, so they keep working; new ones can be
-- defined as before.
.shell rm -f /tmp/sqlink-shell-test-sqlean-define-restart.db
.open /tmp/sqlink-shell-test-sqlean-define-restart.db
.load dist/extensions-c/sqlean-define.wasm --grant spi --mem 32M
select define('sumn', ':n * (:n + 1) / 2');
select sumn(5);
-- =>
-- => 15
select length(eval('select hex(zeroblob(20000000))'));
-- !! Runtime error near line 16: sqlean_define: call exceeded the memory limit of 32 MiB (raise it with --mem BYTES); the extension was restarted
select sumn(6), sumn(sumn(2));
-- => 21|6
select define('inc', ':x + 1');
select inc(1), sumn(7);
-- =>
-- => 2|28
