-- runners: native wasm (the C builds are not baked into the composed build)
-- exit: 1
-- sqlean's define module (sqlean-define.c, unchanged) linked with
-- `sqlink-cc --spi` (dist/test-extensions/sqlean-define-spi.wasm, a fixture
-- of `make c-sqlean`): it does not run yet, and says why. Its init function
-- runs SQL (sqlite3_exec creates sqlean_define, a SELECT reloads the
-- functions saved there), which the layer refuses: the host reads the
-- manifest, so runs init, in an instance attached to no connection, and a
-- manifest may not depend on the database. Past that, define() creates
-- functions from a call (sqlite3_create_function outside init; spi's
-- declare-function is not yet reachable from C), and its virtual table
-- needs sqlite3_stmt_readonly, sqlite3_column_decltype and column names
-- before the first step. Its eval() alone gives docs/define.md's results.
-- dist/extensions/define.wasm (Rust, tests/shell/define-sqlean.sql) is
-- sqlink's define.
.load dist/test-extensions/sqlean-define-spi.wasm
-- !! Error: refusing to load extension sqlean-define-spi: it imports sqlink:extension/spi@0.2.0: load it with --grant spi
.load dist/test-extensions/sqlean-define-spi.wasm --grant spi
-- !! Error: attach failed: sqlean_define: sqlite3_define_init() calls sqlite3_exec (from the init function, which runs before there is a connection), which sqlink's sqlite3ext.h compatibility layer does not provide
select define('sumn', ':n * (:n + 1) / 2');
-- !! Parse error near line 20: no such function: define
-- !!   select define('sumn', ':n * (:n + 1) / 2');
-- !!          ^--- error here
