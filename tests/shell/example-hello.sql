-- runners: native wasm (the README example is not baked into dist/sqlink-cli.wasm; tests/composed.rs bakes hello.wasm alone into a shell and runs this script there)
-- exit: 1
-- The README's worked example (components/examples/hello).
.load dist/examples/hello.wasm
select hello('world');
-- => Hello, world!
select repeat_text('ab', 3), repeat_text('ab', 3, '-'), repeat_text('x', 0);
-- => ababab|ab-ab-ab|
select repeat_text('ab', -1);
-- !! Runtime error near line 9: repeat_text(): n must not be negative
select longest(column1) from (values ('kiwi'), ('banana'), ('fig'));
-- => banana
select longest(column1) from (values ('kiwi')) where 0;
-- =>
