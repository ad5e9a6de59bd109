-- runners: native wasm (the C builds are not baked into the composed build)
-- sqlean's uuid module (sqlite/sqlean-uuid.c of sqlean.py 3.50.4.5),
-- compiled unchanged by `make c-sqlean`; sqlite3_randomness comes from WASI's
-- random source. Random UUIDs are checked by shape (version 4 and 7); the
-- rest equals the same source compiled natively into Debian's sqlite3.
.load dist/extensions-c/sqlean-uuid.wasm
select length(uuid4()), uuid4() <> uuid4(), substr(uuid4(), 15, 1), length(gen_random_uuid());
-- => 36|1|4|36
select uuid_str('d5a80b20-0d8f-11e5-b8cb-080027b6ec40'), uuid_str('{d5a80b200d8f11e5b8cb080027b6ec40}'), hex(uuid_blob('d5a80b20-0d8f-11e5-b8cb-080027b6ec40'));
-- => d5a80b20-0d8f-11e5-b8cb-080027b6ec40|d5a80b20-0d8f-11e5-b8cb-080027b6ec40|D5A80B200D8F11E5B8CB080027B6EC40
select uuid_str(x'd5a80b200d8f11e5b8cb080027b6ec40'), uuid_str('not a uuid') is null;
-- => d5a80b20-0d8f-11e5-b8cb-080027b6ec40|1
select length(uuid7()), substr(uuid7(), 15, 1), uuid7_timestamp_ms('018ff38a-a5c9-712d-bc80-0550b3ad41a2');
-- => 36|7|1717777901001
select abs(uuid7_timestamp_ms(uuid7()) - cast((julianday('now') - 2440587.5) * 86400000 as integer)) < 5000;
-- => 1
