-- runners: wasmtime (what a composed build says about its baked-in extensions)
-- exit: 1
-- The baked-in catalog is listed, with no limits (no host enforces them).
.extensions
-- => crypto
-- =>   source:     built in (composed)
-- =>   grants:     none (pure computation)
-- =>   limits:     none
-- => fuzzy
-- =>   source:     built in (composed)
-- =>   grants:     none (pure computation)
-- =>   limits:     none
-- => stats
-- =>   source:     built in (composed)
-- =>   grants:     none (pure computation)
-- =>   limits:     none
-- => text
-- =>   source:     built in (composed)
-- =>   grants:     none (pure computation)
-- =>   limits:     none
-- => unicode
-- =>   source:     built in (composed)
-- =>   grants:     none (pure computation)
-- =>   limits:     none
-- => uuid
-- =>   source:     built in (composed)
-- =>   grants:     none (pure computation)
-- =>   limits:     none
-- Loading a baked-in extension's file finds it there, so scripts written
-- for the sqlink host run unchanged; its functions answer before any load.
select uuid_str(uuid_blob('D5A80B20-0D8F-11E5-B8CB-080027B6EC40'));
-- => d5a80b20-0d8f-11e5-b8cb-080027b6ec40
.load dist/extensions/uuid.wasm
-- Anything else needs a host that loads at run time.
.load dist/test-extensions/probe.wasm
-- !! Error: cannot load "dist/test-extensions/probe.wasm": this build has crypto, fuzzy, stats, text, unicode and uuid built in; loading another .wasm file needs the sqlink host: sqlink --engine wasm
.load dist/extensions/uuid.wasm --mem 1M
-- !! Error: uuid is built into this build, which cannot change its grants, limits or prefix; that needs the sqlink host: sqlink --engine wasm
.unload uuid
-- !! Error: uuid is built into this build and cannot be unloaded; unloading needs the sqlink host: sqlink --engine wasm
-- Pins work: SQLite's own upper() gives way to unicode's.
select upper('привет');
-- => привет
.load dist/extensions/unicode.wasm --pin upper
-- !! warning: collation nocase already exists in SQLite: call unicode__NOCASE instead, or load with --pin nocase to take the bare name
-- !! warning: like(2), like(3) already exist in SQLite: call unicode__like instead, or load with --pin like to take the bare name
-- !! warning: lower(1) already exists in SQLite: call unicode__lower instead, or load with --pin lower to take the bare name
select upper('привет');
-- => ПРИВЕТ
