-- args: -engine bogus
-- runners: native (the engine option belongs to the sqlink binary)
-- exit: 1
-- !! sqlink: Error: unknown engine 'bogus': use native or wasm
select 1;
