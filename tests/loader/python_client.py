"""libsqlink_loader in Debian's python3 (its sqlite3 module can load
extensions): every SQL function, SPI visibility, errors that leave the
process alive, separate state per connection, and no memory growth over
1,000 load/unload cycles. Exits non-zero on the first failure."""

import os
import sqlite3
import sys

LOADER = "dist/lib/libsqlink_loader"


def connect(path=":memory:"):
    db = sqlite3.connect(path, isolation_level=None)
    db.enable_load_extension(True)
    db.load_extension(LOADER)
    return db


def one(db, sql, *params):
    return db.execute(sql, params).fetchone()[0]


def expect_error(db, sql, needle):
    try:
        db.execute(sql).fetchall()
    except sqlite3.Error as e:
        assert needle in str(e), f"{sql}: {e!r} lacks {needle!r}"
        return
    raise AssertionError(f"{sql}: no error")


def rss_kib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError("no VmRSS")


def test_documented_example():
    db = connect()
    assert one(db, "select sqlink_load('dist/extensions/uuid.wasm')").startswith("loaded uuid 0.1.0: 7 functions")
    assert one(db, "select uuid_str(uuid_blob('D5A80B20-0D8F-11E5-B8CB-080027B6EC40'))") == "d5a80b20-0d8f-11e5-b8cb-080027b6ec40"
    assert sqlite3.sqlite_version_info >= (3, 40, 0)


def test_spi_sees_the_open_transaction():
    db = connect()
    one(db, "select sqlink_load('dist/extensions/define.wasm', 'spi')")
    db.execute("create table t(x)")
    db.execute("begin")
    db.execute("insert into t values (1), (2), (3)")
    assert one(db, "select eval('select sum(x) from t')") == "6"
    db.execute("rollback")
    assert one(db, "select eval('select count(*) from t')") == "0"
    one(db, "select define('plus1', ':x + 1')")
    assert one(db, "select plus1(41)") == 42


def test_extensions_lists_functions_grants_and_limits():
    import json
    db = connect()
    one(db, "select sqlink_load('dist/extensions/define.wasm', 'spi', 'mem=32M,timeout=250')")
    (info,) = json.loads(one(db, "select sqlink_extensions()"))
    assert info["name"] == "define" and info["grants"] == ["spi"], info
    assert info["memory_limit"] == 32 << 20 and info["timeout_ms"] == 250, info
    assert "eval(1), define__eval(1)" in info["functions"], info["functions"]
    assert one(db, "select sqlink_unload('define')") is None
    assert one(db, "select sqlink_extensions()") == "[]"


def test_aggregates_windows_and_collations():
    db = connect()
    one(db, "select sqlink_load('dist/extensions/stats.wasm')")
    # SQLite does not let anything replace its own upper() or NOCASE while
    # a statement runs, and sqlink_load() always runs in one: the pins are
    # refused with a warning naming the qualified forms, which work.
    loaded = one(db, "select sqlink_load('dist/extensions/unicode.wasm', '', 'pin=upper,pin=NOCASE')")
    for warning in [
        "warning: upper(1) keeps SQLite's own meaning: unable to delete/modify user-function due to active statements; call unicode__upper instead",
        "warning: collation nocase keeps SQLite's own meaning: unable to delete/modify collation sequence due to active statements; call unicode__NOCASE instead",
    ]:
        assert warning in loaded.splitlines(), loaded
    assert one(db, "select upper('é'), unicode__upper('é')") == "é"
    assert db.execute("select unicode__upper('é')").fetchone()[0] == "É"
    db.execute("create table n(i)")
    db.executemany("insert into n values (?)", [(i,) for i in range(1, 101)])
    assert one(db, "select stats_median(i) from n") == 50.5
    assert abs(one(db, "select stats_p90(i) from n") - 90.1) < 1e-9
    windows = db.execute(
        "select stats_median(i) over (order by i rows between 2 preceding and current row) from n where i <= 5"
    ).fetchall()
    assert [w[0] for w in windows] == [1.0, 1.5, 2.0, 3.0, 4.0], windows
    db.execute("create table w(s)")
    db.executemany("insert into w values (?)", [("éclair",), ("Zebra",), ("apple",), ("Éclat",)])
    ordered = [r[0] for r in db.execute("select s from w order by s collate unicode__NOCASE")]
    assert ordered == ["apple", "éclair", "Éclat", "Zebra"], ordered
    assert one(db, "select 'ÉCLAIR' = 'éclair' collate unicode__NOCASE") == 1


def test_the_library_has_no_sqlite_of_its_own():
    import subprocess
    out = subprocess.run(["nm", "-D", "--defined-only", LOADER + ".so"], capture_output=True, text=True, check=True).stdout
    defined = [line.split()[-1] for line in out.splitlines() if " T " in line]
    assert defined == ["sqlite3_sqlinkloader_init"], defined


def test_failures_are_sql_errors_and_the_process_survives():
    db = connect()
    one(db, "select sqlink_load('dist/test-extensions/trap.wasm')")
    expect_error(db, "select trap_panic('boom')", "trap: the extension crashed")
    assert one(db, "select trap_ok()") == 42
    one(db, "select sqlink_load('dist/test-extensions/spin.wasm', '', 'timeout=100')")
    expect_error(db, "select spin_forever()", "spin: call exceeded the CPU time limit of 100 ms")
    one(db, "select sqlink_load('dist/test-extensions/hog.wasm', '', 'mem=16M')")
    expect_error(db, "select hog_forever()", "hog: call exceeded the memory limit of 16 MiB")
    expect_error(db, "select sqlink_load('dist/test-extensions/fsread.wasm')", "no directory was granted")
    expect_error(db, "select sqlink_load('README.md')", "not a WebAssembly file")
    expect_error(db, "select sqlink_load('dist/extensions/nope.wasm')", "cannot read dist/extensions/nope.wasm")
    assert one(db, "select hog_alloc(1)") == 1 << 20


def test_connections_keep_separate_state():
    a, b = connect(), connect()
    one(a, "select sqlink_load('dist/test-extensions/probe.wasm')")
    expect_error(b, "select probe_counter()", "no such function: probe_counter")
    one(b, "select sqlink_load('dist/test-extensions/probe.wasm')")
    assert [one(a, "select probe_counter()") for _ in range(3)] == [1, 2, 3]
    assert one(b, "select probe_counter()") == 1, "b has its own instance"
    one(a, "select sqlink_unload('probe')")
    expect_error(a, "select probe_counter()", "no such function: probe_counter")
    assert one(b, "select probe_counter()") == 2


def test_eager_loading_from_the_environment():
    os.environ["SQLINK_LOAD"] = "dist/extensions/uuid.wasm, dist/extensions/crypto.wasm"
    try:
        db = connect()
    finally:
        del os.environ["SQLINK_LOAD"]
    assert one(db, "select length(uuid4())") == 36
    assert one(db, "select hex(crypto_sha256('abc'))") == "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"


def test_load_and_unload_a_thousand_times_without_growing():
    db = connect()
    def cycle(n):
        for _ in range(n):
            one(db, "select sqlink_load('dist/extensions/uuid.wasm')")
            assert one(db, "select length(uuid4())") == 36
            one(db, "select sqlink_unload('uuid')")
    cycle(100)  # warm up: caches, allocator pools
    before = rss_kib()
    cycle(1000)
    grown = rss_kib() - before
    assert grown < 8 * 1024, f"RSS grew by {grown} KiB over 1,000 load/unload cycles"


def main():
    tests = [(name, f) for name, f in sorted(globals().items()) if name.startswith("test_")]
    for name, test in tests:
        test()
        print(f"ok {name}")
    print(f"{len(tests)} passed")


if __name__ == "__main__":
    sys.exit(main())
