// The SDK in node, called through its contract exports as a host calls
// them (short texts packed into words, integers lifted as componentize-js
// lifts them), so behaviour is checked without building a component.
// Run: node --test components/sdk-js/test/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extension, SqlError, Value, json, argSubtype, formatReal, Columns, IndexPlan, ConstraintOp } from '../sqlink.js';

const enc = new TextEncoder();
const dec = new TextDecoder();

/** A text or blob argument, short (inline words) when it fits. */
function bytesArg(kind, bytes) {
  if (bytes.length > 24) return { tag: kind, val: bytes };
  const b = new Uint8Array(24);
  b.set(bytes);
  const dv = new DataView(b.buffer);
  const words = { len: bytes.length, w0: dv.getBigUint64(0, true), w1: dv.getBigUint64(8, true), w2: dv.getBigUint64(16, true) };
  return { tag: `short-${kind}`, val: words };
}
const text = (s) => bytesArg('text', typeof s === 'string' ? enc.encode(s) : s);
const blob = (b) => bytesArg('blob', b);
// componentize-js 0.23 lifts an arg's s64 as its unsigned bits.
const int = (i) => ({ tag: 'integer', val: BigInt.asUintN(64, BigInt(i)) });
const real = (x) => ({ tag: 'real', val: x });
const NULL = { tag: 'null' };

/** An outcome as the value it stands for, taking what it left behind. */
function settle(ext, out) {
  const unpack = (s) => {
    const b = new Uint8Array(24);
    const dv = new DataView(b.buffer);
    dv.setBigUint64(0, s.w0, true);
    dv.setBigUint64(8, s.w1, true);
    dv.setBigUint64(16, s.w2, true);
    return b.slice(0, s.len);
  };
  const take = () => ext.exports.overflow.take();
  switch (out.tag) {
    case 'short-text':
      return dec.decode(unpack(out.val));
    case 'long-text':
      return dec.decode(take());
    case 'short-blob':
      return unpack(out.val);
    case 'long-blob':
      return take();
    case 'error':
      return { error: out.val, message: dec.decode(take()) };
    default:
      return out.val ?? null;
  }
}

const hello = extension({
  name: 'hello',
  functions: {
    hello: { args: ['text'], deterministic: true, call: (name) => `Hello, ${name}!` },
    repeat_text: {
      args: ['text', 'integer'],
      optional: ['text'],
      call(t, n, sep = '') {
        if (n < 0) throw new SqlError('repeat_text(): n must not be negative');
        return Array(n).fill(t).join(sep);
      },
    },
    count_nulls: { variadic: 'any', call: (...a) => a.filter((x) => x === null).length },
    half: { args: ['real'], call: (x) => x / 2 },
    exact: { args: ['value'], call: (v) => v },
    big: { args: ['bigint'], call: (n) => n * 2n },
    bytes: { args: ['blob'], call: (b) => b },
    js: { args: ['text'], resultSubtype: true, subtype: true, call: (t) => json(t) },
    sub: { args: ['any?'], subtype: true, call: () => argSubtype(0) },
  },
  aggregates: {
    total: { args: ['integer'], init: () => 0, step: (s, x) => s + x, inverse: (s, x) => s - x, value: (s) => s },
    list: { args: ['text?'], init: () => [], step(s, x) { s.push(x); }, finalize: (s) => s.join('|') },
  },
  collations: { backwards: (a, b) => (a < b ? 1 : a > b ? -1 : 0), bylength: { key: (t) => String(t.length).padStart(4, '0') } },
});
const m = hello.exports.manifest.describe();
const id = (name, arity) => m.functions.findIndex((f) => f.name === name && f.arity === arity);
const call = (name, ...args) => settle(hello, hello.exports.scalar.invoke(id(name, args.length) >= 0 ? id(name, args.length) : id(name, -1), args));

test('the manifest lists one entry per accepted argument count', () => {
  assert.deepEqual(m.functions.filter((f) => f.name === 'repeat_text').map((f) => [f.arity, f.argTypes]), [
    [2, ['text', 'integer']],
    [3, ['text', 'integer', 'text']],
  ]);
  assert.equal(m.functions.find((f) => f.name === 'count_nulls').arity, -1);
  assert.equal(m.functions.find((f) => f.name === 'hello').flags.deterministic, true);
  assert.equal(m.functions.find((f) => f.name === 'half').flags.deterministic, false);
  assert.deepEqual([m.name, m.version, m.prefix, m.namespace], ['hello', '0.1.0', 'hello', 'https://sqlink.dev/ns/hello#']);
  assert.deepEqual(m.aggregates.map((a) => [a.name, a.window]), [['total', true], ['list', false]]);
  assert.deepEqual(m.collations, [{ name: 'backwards', keyed: false }, { name: 'bylength', keyed: true }]);
  assert.deepEqual(hello.worlds, ['base', 'functions', 'aggregates', 'collations']);
});

test('short and long texts cross both ways', () => {
  assert.equal(call('hello', text('world')), 'Hello, world!');
  assert.equal(call('hello', text('a name well over twenty-four bytes')), 'Hello, a name well over twenty-four bytes!');
  assert.equal(call('hello', text('Zoë Ångström')), 'Hello, Zoë Ångström!');
  assert.equal(hello.exports.overflow.take().length, 0, 'taken once');
  assert.equal(settle(hello, hello.exports.scalar.invoke1(id('hello', 1), text('x'))), 'Hello, x!');
});

test('numbers become text as SQLite formats them', () => {
  assert.deepEqual([call('hello', int(12)), call('hello', real(2)), call('hello', real(1e100)), call('hello', real(-0.5))],
    ['Hello, 12!', 'Hello, 2.0!', 'Hello, 1.0e+100!', 'Hello, -0.5!']);
  assert.equal(call('hello', blob(enc.encode('Jo'))), 'Hello, Jo!');
  const cases = [[2.5, '2.5'], [1e100, '1.0e+100'], [0.1, '0.1'], [1, '1.0'], [1e20, '1.0e+20'], [-1.25e-7, '-1.25e-07'],
    [1 / 3, '0.333333333333333'], [9.9e15, '9.9e+15'], [1e15, '1.0e+15'], [123456, '123456.0'], [0.0001, '0.0001'], [0.00001, '1.0e-05'],
    [100000000000000, '100000000000000.0'], [NaN, 'NaN'], [-Infinity, '-Inf']];
  for (const [x, want] of cases) assert.equal(formatReal(x), want, String(x));
});

test('the NULL rule answers NULL without a call, unless the type takes NULL', () => {
  assert.equal(call('hello', NULL), null);
  assert.equal(call('repeat_text', text('a'), NULL), null);
  assert.equal(call('repeat_text', text('a'), int(2), NULL), null);
  assert.equal(call('count_nulls', NULL, int(1), NULL, text('x'), NULL), 3n);
  assert.equal(settle(hello, hello.exports.scalar.invoke0(id('count_nulls', -1))), 0n);
});

test('integers convert like SQLite, and negative ones stay negative', () => {
  assert.equal(call('repeat_text', text('ab'), int(3), text('-')), 'ab-ab-ab');
  assert.equal(call('repeat_text', text('ab'), real(2.9)), 'abab');
  assert.equal(call('repeat_text', text('ab'), text(' 3 ')), 'ababab');
  assert.equal(call('repeat_text', text('ab'), text('2e0')), 'abab');
  assert.deepEqual(call('repeat_text', text('ab'), int(-1)), { error: 1, message: 'repeat_text(): n must not be negative' });
  assert.equal(call('big', int(-4)), -8n);
  assert.equal(call('half', int(-3)), -1.5);
  assert.equal(call('half', int(4)), 2n, 'a whole number is an INTEGER');
});

test('argument errors name the function and the argument, with code 20', () => {
  const err = (message) => ({ error: 20, message });
  assert.deepEqual(call('repeat_text', text('ab'), text('three')), err("repeat_text(): argument 2 must be an integer, got text 'three'"));
  assert.deepEqual(call('repeat_text', text('ab'), blob(new Uint8Array([1, 2]))), err('repeat_text(): argument 2 must be an integer, got blob of 2 bytes'));
  assert.deepEqual(call('repeat_text', text('ab'), real(1e30)), err('repeat_text(): argument 2 must be an integer, got real 1.0e+30'));
  assert.deepEqual(call('repeat_text', text('ab'), text('a text that is far longer than forty characters, cut short')),
    err("repeat_text(): argument 2 must be an integer, got text 'a text that is far longer than forty cha...'"));
  assert.deepEqual(call('hello', text(new Uint8Array([0xff, 0x41]))), err('hello(): argument 1 is not valid UTF-8 text (invalid byte at offset 0)'));
  assert.deepEqual(call('hello', text(new Uint8Array([0x6f, 0x6b, 0xc3, 0x28]))), err('hello(): argument 1 is not valid UTF-8 text (invalid byte at offset 2)'));
  assert.deepEqual(call('half', text('x')), err("half(): argument 1 must be a number, got text 'x'"));
});

test('values round-trip byte-exact through value', () => {
  const bad = new Uint8Array([0xff, 0xfe]);
  const out = hello.exports.scalar.invoke(id('exact', 1), [text(bad)]);
  assert.deepEqual(out, text(bad), 'text that is not UTF-8 comes back unchanged');
  const long = new Uint8Array(30).fill(0xff);
  assert.equal(hello.exports.scalar.invoke(id('exact', 1), [text(long)]).tag, 'long-text');
  assert.deepEqual(hello.exports.overflow.take(), long);
  assert.equal(call('exact', real(2)), 2);
  assert.equal(hello.exports.scalar.invoke(id('exact', 1), [real(2)]).tag, 'real');
  assert.equal(call('exact', int(-9223372036854775808n)), -9223372036854775808n);
  assert.deepEqual(call('bytes', blob(new Uint8Array(30).fill(7))), new Uint8Array(30).fill(7));
  assert.equal(Value.integer(-1).value, -1n);
});

test('subtypes reach functions flagged subtype and leave with results', () => {
  const sub = hello.exports.scalar.invokeSubtyped(id('sub', 1), [{ value: { tag: 'text', val: enc.encode('[1]') }, subtype: 74 }]);
  assert.deepEqual(sub, { value: { tag: 'integer', val: 74n }, subtype: 0 });
  const out = hello.exports.scalar.invokeSubtyped(id('js', 1), [{ value: { tag: 'text', val: enc.encode('[1,2]') }, subtype: 0 }]);
  assert.equal(out.subtype, 74);
  assert.equal(settle(hello, out.value), '[1,2]');
});

test('aggregates keep a state per group, skip NULL rows, and run as windows', () => {
  const agg = hello.exports.aggregate;
  const total = m.aggregates.findIndex((a) => a.name === 'total');
  assert.equal(agg.step(total, 1n, 3, 1, [int(1), NULL, int(5)], new Uint8Array()), 0);
  assert.equal(agg.step(total, 2n, 1, 1, [int(10)], new Uint8Array()), 0);
  assert.equal(settle(hello, agg.value(total, 1n).value), 6n);
  assert.equal(agg.inverse(total, 1n, 1, 1, [int(1)], new Uint8Array()), 0);
  assert.equal(settle(hello, agg.finalize(total, 1n).value), 5n);
  assert.equal(settle(hello, agg.finalize(total, 2n).value), 10n);
  assert.equal(settle(hello, agg.finalize(total, 3n).value), 0n, 'a group never stepped');
  const status = agg.step(total, 4n, 1, 1, [text('x')], new Uint8Array());
  assert.equal(status, 20);
  assert.equal(dec.decode(hello.exports.overflow.take()), "total(): argument 1 must be an integer, got text 'x'");
  const list = m.aggregates.findIndex((a) => a.name === 'list');
  agg.step(list, 5n, 3, 1, [text('a'), NULL, text('b')], new Uint8Array());
  assert.equal(settle(hello, agg.finalize(list, 5n).value), 'a||b');
});

test('collations compare, or give sort keys', () => {
  const c = hello.exports.collation;
  assert.equal(c.compare(0, text('a'), text('b')), 1);
  assert.equal(c.compare(0, text('b'), text('b')), 0);
  assert.deepEqual(settle(hello, c.sortKey(1, text('abc'))), enc.encode('0003'));
  assert.equal(c.compare(1, text('zz'), text('aaa')), -1);
});

test('table-valued functions plan, filter and fetch in batches', () => {
  const ext = extension({
    name: 't',
    tables: {
      upto: { args: { start: 'integer', stop: 'integer' }, columns: ['n'], *rows(a, b) { for (let n = a; n <= b; n++) yield n; } },
      pairs: { args: { n: 'integer' }, columns: ['i', 's'], rows: (n) => Array.from({ length: n }, (_, i) => ({ i, s: `s${i}` })) },
    },
  });
  const v = ext.exports.vtab;
  assert.deepEqual(ext.exports.manifest.describe().vtabs.map((t) => [t.name, t.eponymousOnly]), [['upto', true], ['pairs', true]]);
  const { table, schema } = v.connect(0, { database: 'main', table: 'upto', arguments: [] });
  assert.equal(schema, 'CREATE TABLE x("n", "start" HIDDEN, "stop" HIDDEN)');
  const eq = (column) => ({ column, op: 2, usable: true, rhs: undefined });
  const plan = v.bestIndex(table, { constraints: [eq(2), eq(0), eq(1)], orderBy: [], columnsUsed: 7n, distinct: 0 });
  assert.equal(plan.idxNum, 3);
  assert.deepEqual(plan.usage.map((u) => u.argvIndex), [2, 0, 1]);
  const missing = v.bestIndex(table, { constraints: [eq(1)], orderBy: [], columnsUsed: 7n, distinct: 0 });
  assert.deepEqual(missing, { tag: 'err', val: { code: 1, message: 'second argument to "upto()" missing or unusable' } });
  const cursor = v.open(table);
  const first = v.filter(cursor, 3, undefined, [{ tag: 'integer', val: -1n }, { tag: 'integer', val: 3n }], [], [], 1n, 2);
  assert.deepEqual([...first.rowids], [1n, 2n]);
  assert.deepEqual([...first.values], [-1n, 0n]);
  assert.equal(first.done, false);
  const rest = v.fetch(cursor, 10);
  assert.deepEqual([...rest.values], [1n, 2n, 3n]);
  assert.equal(rest.done, true);
  const p = v.connect(1, { database: 'main', table: 'pairs', arguments: [] }).table;
  const pc = v.open(p);
  const rows = v.filter(pc, 1, undefined, [{ tag: 'integer', val: 2n }], [], [], 7n, 10);
  assert.deepEqual([...rows.kinds], [1, 3, 1, 1, 3, 1]);
  assert.deepEqual(dec.decode(rows.bytes), 's0\0s1\0');
  assert.deepEqual(v.create(0, { database: 'main', table: 't', arguments: [] }).val.message, 'no such module: upto (it is a table-valued function only)');
});

test('schemas give their columns and hidden flags, quoted names and table constraints understood', async () => {
  const { columns, declare } = await import('../lib/schema.js');
  const names = (s) => columns(s).map((c) => [c.name, c.hidden]);
  assert.deepEqual(names('CREATE TABLE x(value,start hidden,stop HIDDEN,step Hidden)'), [['value', false], ['start', true], ['stop', true], ['step', true]]);
  const schema = `create table "t"("a ""b""" integer not null, [c,d] text hidden, \`e\` decimal(10, 2),
    'hidden' int, primary key("a ""b"""), unique (e), constraint k check (e > 0)) without rowid`;
  assert.deepEqual(names(schema), [['a "b"', false], ['c,d', true], ['e', false], ['hidden', false]]);
  assert.throws(() => columns('CREATE TABLE x'), /a virtual table's schema must be `CREATE TABLE x\(columns...\)`, got `CREATE TABLE x`/);
  assert.throws(() => columns('CREATE TABLE x(a, b'), SqlError);
  const cols = [{ name: 'value', hidden: false }, { name: 'odd "name"', hidden: true }];
  assert.equal(declare(cols), 'CREATE TABLE x("value", "odd ""name""" HIDDEN)');
  assert.deepEqual(columns(declare(cols)), cols);
});

test('columns masks and plans follow the Rust SDK', () => {
  const mask = new Columns((1n << 0n) | (1n << 2n) | (1n << 63n));
  assert.ok(mask.contains(2) && mask.contains(63) && mask.contains(99) && !mask.contains(1));
  assert.deepEqual(mask.of(65), [0, 2, 63, 64]);
  assert.equal(Columns.ALL.of(3).length, 3);
  const plan = new IndexPlan();
  assert.deepEqual([plan.estimatedCost, plan.estimatedRows, plan.idxNum, plan.idxStr, plan.orderByConsumed], [5e98, 25, 0, null, false]);
  assert.equal(plan.pass(3, true), 1);
  assert.equal(plan.pass(1), 2);
  assert.deepEqual(plan.usage[3], { argvIndex: 1, omit: true, allAtOnce: false });
  assert.deepEqual(plan.usage[1], { argvIndex: 2, omit: false, allAtOnce: false });
  assert.equal(plan.passList(0, true), 3);
  assert.deepEqual(plan.usage[0], { argvIndex: 3, omit: true, allAtOnce: true });
  assert.equal(ConstraintOp.EQ, 2);
});

/** A row-batch as rows of JS values (every column of `width`). */
function batchRows(b, width) {
  let at = 0;
  const out = [];
  for (let r = 0; r < b.rowids.length; r++) {
    const row = [b.rowids[r]];
    for (let c = 0; c < width; c++) {
      const k = b.kinds[r * width + c];
      const v = b.values[r * width + c];
      if (k === 1) row.push(v);
      else if (k === 2) row.push(new Float64Array(BigInt64Array.of(v).buffer)[0]);
      else if (k === 3 || k === 4) {
        const bytes = b.bytes.slice(at, at + Number(v));
        at += Number(v) + (k === 3 ? 1 : 0);
        row.push(k === 3 ? dec.decode(bytes) : bytes);
      } else row.push(null);
    }
    out.push(row);
  }
  return out;
}

test('modules create, plan, scan, write and take part in transactions', () => {
  const events = [];
  const writes = [];
  class Kv {
    static description = 'Pairs.';
    static create(args) {
      events.push(`create ${args.table} ${args.arguments.join(',')}`);
      return new Kv();
    }
    schema = 'CREATE TABLE x(key, value)';
    rows = new Map();
    bestIndex({ constraints, orderBy, columnsUsed }) {
      const plan = new IndexPlan({ idxStr: `cols ${columnsUsed.of(2).join(',')}` });
      const eq = constraints.findIndex((c) => c.usable && c.column === 0 && c.op === ConstraintOp.EQ);
      if (eq >= 0) {
        plan.pass(eq, true);
        plan.idxNum = 1;
        plan.estimatedRows = constraints[eq].rhs === 'k1' ? 1 : 10;
      }
      plan.orderByConsumed = orderBy.length === 0;
      return plan;
    }
    *scan({ idxNum, args }) {
      for (const [rowid, [k, v]] of this.rows) if (!(idxNum & 1) || k === args[0]) yield { rowid, values: [k, v] };
    }
    insert(rowid, values, write) {
      rowid ??= this.rows.size + 1;
      writes.push(['insert', write.onConflict, [...write.subtypes], [...write.unchanged]]);
      this.rows.set(rowid, values);
      return rowid;
    }
    update(old, rowid, values, write) {
      writes.push(['update', write.onConflict, [...write.subtypes], [...write.unchanged]]);
      this.rows.delete(old);
      this.rows.set(rowid, values);
    }
    delete(rowid) {
      this.rows.delete(rowid);
    }
    begin() {
      events.push('begin');
    }
    rename(name) {
      events.push(`rename ${name}`);
    }
    destroy() {
      events.push('destroy');
    }
  }
  const ext = extension({
    name: 'm',
    modules: {
      kv: Kv,
      squares: { eponymousOnly: true, schema: 'CREATE TABLE x(n, square)', connect: () => ({ scan: () => [1, 2, 3].map((n) => [n, n * n]) }) },
      broken: { connect: () => ({ schema: 'CREATE TABLE x(a)', scan: () => 7 }), aliases: ['broken2'] },
    },
  });
  const v = ext.exports.vtab;
  const vtabs = ext.exports.manifest.describe().vtabs;
  assert.deepEqual(
    vtabs.map((t) => [t.name, t.eponymous, t.eponymousOnly, t.writable, t.description]),
    [['kv', false, false, true, 'Pairs.'], ['squares', true, true, false, ''], ['broken', true, false, false, ''], ['broken2', true, false, false, '']],
  );
  assert.deepEqual(ext.worlds, ['base', 'tables']);
  const { table, schema } = v.create(0, { database: 'main', table: 't', arguments: ['a', 'b'] });
  assert.equal(schema, 'CREATE TABLE x(key, value)');
  const text = (s) => ({ tag: 'text', val: enc.encode(s) });
  assert.equal(v.update(table, { tag: 'insert', val: [undefined, [text('k1'), { tag: 'real', val: 2 }]] }), 1n);
  assert.equal(v.update(table, { tag: 'insert', val: [7n, [text('k2'), { tag: 'integer', val: 2n ** 60n }]] }), 7n);
  assert.equal(v.update(table, { tag: 'update', val: [7n, 8n, [text('k2'), NULL]] }), undefined);
  // What SQLite says beyond the values: ABORT when the host says nothing,
  // then INSERT OR REPLACE with a subtyped value, and an UPDATE leaving
  // the key as it is.
  v.update(table, { tag: 'insert', val: [9n, [text('k9'), NULL]] }, { onConflict: 5, subtypes: [[1, 74]], unchanged: [] });
  v.update(table, { tag: 'update', val: [9n, 9n, [text('k9'), NULL]] }, { onConflict: 4, subtypes: [], unchanged: [0] });
  v.update(table, { tag: 'delete', val: 9n }, { onConflict: 0, subtypes: [], unchanged: [] });
  assert.deepEqual(writes, [
    ['insert', 4, [], []],
    ['insert', 4, [], []],
    ['update', 4, [], []],
    ['insert', 5, [[1, 74]], []],
    ['update', 4, [], [0]],
  ]);
  v.begin(table);
  v.rename(table, 'u');
  v.commit(table); // Kv has no commit: nothing happens
  const info = (constraints, orderBy = []) => ({ constraints, orderBy, columnsUsed: 3n, distinct: 0 });
  const plan = v.bestIndex(table, info([{ column: 0, op: 2, usable: true, rhs: text('k1') }]));
  assert.deepEqual(plan, { usage: [{ argvIndex: 1, omit: true, allAtOnce: false }], idxNum: 1, idxStr: 'cols 0,1', orderByConsumed: true, estimatedCost: 5e98, estimatedRows: 1n, unique: false });
  const cursor = v.open(table);
  // With values 'any', a whole real is a number, which a row gives back
  // as an integer (`values: 'value'` keeps it a real).
  assert.deepEqual(batchRows(v.filter(cursor, 0, undefined, [], [], [], 3n, 10), 2), [[1n, 'k1', 2n], [8n, 'k2', null]]);
  // Only the columns asked for cross.
  const keys = v.filter(cursor, 1, undefined, [text('k2')], [], [], 1n, 10);
  assert.deepEqual([...keys.rowids], [8n]);
  assert.deepEqual([...keys.kinds], [3]);
  v.update(table, { tag: 'delete', val: 1n });
  assert.deepEqual(batchRows(v.filter(cursor, 0, undefined, [], [], [], 3n, 10), 2), [[8n, 'k2', null]]);
  assert.equal(v.destroy(table), undefined);
  assert.deepEqual(events, ['create t a,b', 'begin', 'rename u', 'destroy']);
  assert.deepEqual(v.bestIndex(table, info([])).val.message, `no open virtual table with handle ${table}`);

  // An eponymous-only module: a default plan, rows numbered, no writes.
  const sq = v.connect(1, { database: 'main', table: 'squares', arguments: [] }).table;
  assert.deepEqual(v.bestIndex(sq, info([{ column: 0, op: 2, usable: true, rhs: undefined }])).usage, [{ argvIndex: 0, omit: false, allAtOnce: false }]);
  assert.deepEqual(batchRows(v.filter(v.open(sq), 0, undefined, [], [], [], 3n, 2), 2), [[1n, 1n, 1n], [2n, 2n, 4n]]);
  assert.deepEqual(v.update(sq, { tag: 'delete', val: 1n }).val.message, 'table squares may not be modified');
  assert.deepEqual(v.create(1, { database: 'main', table: 's', arguments: [] }).val.message, 'no such module: squares (it is a table-valued function only)');
  const broken = v.connect(3, { database: 'main', table: 'b', arguments: [] }).table;
  assert.deepEqual(v.filter(v.open(broken), 0, undefined, [], [], [], 1n, 2).val.message, 'broken2: scan must return an iterable of rows (an array, a generator)');
});

test('plans are checked as the Rust SDK checks them', () => {
  const plans = [];
  const ext = extension({
    name: 'p',
    modules: { t: { schema: 'CREATE TABLE x(a)', connect: () => ({ bestIndex: () => plans.shift(), scan: () => [] }) } },
  });
  const v = ext.exports.vtab;
  const t = v.connect(0, { database: 'main', table: 't', arguments: [] }).table;
  const c = (usable, inList = false) => ({ column: 0, op: 2, usable, rhs: undefined, inList });
  const message = (plan, constraints) => {
    plans.push(plan);
    return v.bestIndex(t, { constraints, orderBy: [], columnsUsed: 1n, distinct: 0 }).val.message;
  };
  assert.equal(message({ usage: [{}, {}] }, [c(true)]), 'best_index: 2 constraint uses for 1 constraints');
  assert.equal(message({ usage: [{ argvIndex: 1 }, { argvIndex: 1 }] }, [c(true), c(true)]), 'best_index: argv indexes must be 1, 2, 3... each used once, got [1, 1]');
  assert.equal(message({ usage: [{ argvIndex: 2 }] }, [c(true)]), 'best_index: argv indexes must be 1, 2, 3... each used once, got [2]');
  assert.equal(message({ usage: [{ argvIndex: 1 }] }, [c(false)]), 'best_index: constraint 0 is not usable but is passed');
  const notList = 'best_index: constraint 0 is taken all at once but is not an IN list passed to the scan';
  assert.equal(message({ usage: [{ argvIndex: 1, allAtOnce: true }] }, [c(true)]), notList);
  assert.equal(message({ usage: [{ argvIndex: 0, allAtOnce: true }] }, [c(true, true)]), notList);
  plans.push({ usage: [undefined, { argvIndex: 1, omit: true }, { argvIndex: 2, allAtOnce: true }], idxNum: 5, estimatedRows: 3 });
  assert.deepEqual(v.bestIndex(t, { constraints: [c(true), c(true), c(true, true)], orderBy: [], columnsUsed: 1n, distinct: 0 }).usage, [
    { argvIndex: 0, omit: false, allAtOnce: false },
    { argvIndex: 1, omit: true, allAtOnce: false },
    { argvIndex: 2, omit: false, allAtOnce: true },
  ]);
});

test('an IN list taken all at once reaches the scan as one list of values', () => {
  const seen = [];
  class Squares {
    static eponymousOnly = true;
    schema = 'CREATE TABLE x(n, square)';
    bestIndex({ constraints }) {
      seen.push(constraints.map((c) => c.inList));
      const plan = new IndexPlan();
      const i = constraints.findIndex((c) => c.usable && c.column === 0 && c.op === ConstraintOp.EQ && c.inList);
      if (i >= 0) plan.passList(i, true);
      return plan;
    }
    *scan({ args, inLists }) {
      seen.push(args);
      for (const n of inLists.get(0) ?? [1, 2]) yield [n, n * n];
    }
  }
  const v = extension({ name: 'l', modules: { squares: Squares } }).exports.vtab;
  const t = v.connect(0, { database: 'main', table: 'squares', arguments: [] }).table;
  const eq = (inList) => ({ column: 0, op: 2, usable: true, rhs: undefined, inList });
  const plan = v.bestIndex(t, { constraints: [eq(false), eq(true)], orderBy: [], columnsUsed: 3n, distinct: 0 });
  assert.deepEqual(plan.usage, [{ argvIndex: 0, omit: false, allAtOnce: false }, { argvIndex: 1, omit: true, allAtOnce: true }]);
  const rows = v.filter(v.open(t), 0, undefined, [NULL], [], [[0, [int(3), int(5)]]], 3n, 10);
  assert.deepEqual(batchRows(rows, 2), [[1n, 3n, 9n], [2n, 5n, 25n]]);
  assert.deepEqual(seen, [[false, true], [null]]);
});

test('module rows pad, drop extra values, and keep an error for the next fetch', () => {
  const ext = extension({
    name: 'r',
    modules: {
      t: {
        schema: 'CREATE TABLE x(a, b)',
        connect: () => ({
          *scan() {
            yield [1];
            yield [2, 'two', 'extra'];
            yield { rowid: 2n ** 60n, values: [3, Value.real(3)] };
            throw new SqlError('broken', 19);
          },
        }),
      },
    },
  });
  const v = ext.exports.vtab;
  const cursor = v.open(v.connect(0, { database: 'main', table: 't', arguments: [] }).table);
  const first = v.filter(cursor, 0, undefined, [], [], [], 3n, 10);
  assert.deepEqual(batchRows(first, 2), [[1n, 1n, null], [2n, 2n, 'two'], [2n ** 60n, 3n, 3]]);
  assert.deepEqual([...first.kinds].slice(4), [1, 2]);
  assert.equal(first.done, false);
  assert.deepEqual(v.fetch(cursor, 10), { tag: 'err', val: { code: 19, message: 'broken' } });
});

test('module declarations are checked when the extension is declared', () => {
  assert.throws(() => extension({ name: 'x', modules: { t: {} } }), /module t: needs a connect function \(or be a class\)/);
  assert.throws(() => extension({ name: 'x', modules: { t: { connect() {}, create() {}, eponymousOnly: true } } }), /eponymousOnly module cannot have create/);
  assert.throws(() => extension({ name: 'x', modules: { t: { connect() {}, values: 'text' } } }), /values must be 'any' or 'value'/);
  assert.throws(() => extension({ name: 'x', tables: { t: () => [] }, modules: { t: { connect() {} } } }), /module t: declared twice/);
  const ext = extension({ name: 'x', modules: { t: { connect: () => ({ scan: () => [] }) } } });
  assert.deepEqual(ext.exports.vtab.connect(0, { database: 'main', table: 't', arguments: [] }).val.message, 't: the table needs a schema, a CREATE TABLE statement (its schema property, or the module\'s)');
});
