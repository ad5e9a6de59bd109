-- runners: native wasm (a composed build lists its baked-in extensions; see composed-extensions.sql)
-- exit: 1
-- The extension commands' own checks (loading itself is tested with the
-- extensions).
.extensions
-- => No extensions loaded.
.load
-- !! Usage: .load FILE [--grant CAP]... [--mem BYTES] [--timeout MS] [--pin NAME]... [--prefix P]
.load x.wasm --grant
-- !! Error: missing value for --grant
-- !! Usage: .load FILE [--grant CAP]... [--mem BYTES] [--timeout MS] [--pin NAME]... [--prefix P]
.load x.wasm --timeout soon
-- !! Error: --timeout wants milliseconds, not "soon"
.load x.wasm --bogus
-- !! Error: unknown option: --bogus
-- !! Usage: .load FILE [--grant CAP]... [--mem BYTES] [--timeout MS] [--pin NAME]... [--prefix P]
.load a.wasm b.wasm
-- !! Error: extra argument: "b.wasm"
-- !! Usage: .load FILE [--grant CAP]... [--mem BYTES] [--timeout MS] [--pin NAME]... [--prefix P]
.unload
-- !! Usage: .unload NAME
.extensions extra
-- !! Usage: .extensions [--catalog [DIR]]
