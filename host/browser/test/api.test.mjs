// The browser host in headless Chromium: the Database API, values,
// parameters and errors, extensions from the catalog and from bytes, the
// router (prefixes, pins, unload), and what a bad extension gets.
//
//   node --test host/browser/test/      (after `make browser`)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage } from './browser.mjs';

let page;
before(async () => {
  page = await openPage();
});
after(async () => {
  await page?.close();
});

/** Runs `body(db, sqlink)` in the page on a fresh in-memory database; JSON-safe result. */
async function inPage(body, ...args) {
  const result = await page.run(
    async ([source, args]) => {
      const sqlink = await import('./sqlink.js');
      const db = await sqlink.Database.open();
      const safe = (v) =>
        JSON.parse(
          JSON.stringify(v, (k, x) => (typeof x === 'bigint' ? `${x}n` : x instanceof Uint8Array ? { bytes: [...x] } : x)),
        );
      const caught = async (f) => {
        try {
          return { ok: await f() };
        } catch (e) {
          return { name: e.name, code: e.code, message: e.message, extension: e.extension, offset: e.offset };
        }
      };
      try {
        const fn = new Function('db', 'sqlink', 'caught', 'args', `return (${source})(db, sqlink, caught, args);`);
        return safe(await fn(db, sqlink, caught, args));
      } finally {
        await db.close().catch(() => undefined);
      }
    },
    [body.toString(), args],
  );
  return result;
}

test('values come back byte-exact: integers past 2^53 as BigInt, blobs as bytes', async () => {
  const rows = await inPage(async (db) =>
    db.query("select 1 as a, -9007199254740993 as big, 2.5 as r, 'héllo' as t, x'00ff' as b, null as n"),
  );
  assert.deepEqual(rows, [{ a: 1, big: '-9007199254740993n', r: 2.5, t: 'héllo', b: { bytes: [0, 255] }, n: null }]);
});

test('parameters: positional, named, BigInt, blobs, booleans; rows as arrays', async () => {
  const out = await inPage(async (db) => {
    await db.exec('create table t(i integer, x, b blob)');
    await db.query('insert into t values (?, ?, ?)', [9223372036854775807n, 'x', new Uint8Array([1, 2])]);
    await db.query('insert into t values (:i, $x, @b)', { i: 2, x: true, b: null });
    const arrays = await db.query('select i, typeof(i), x, b from t order by rowid', undefined, { rowMode: 'array' });
    return { arrays, columns: arrays.columns, real: await db.query('select typeof(?) as t', [1.5]) };
  });
  assert.deepEqual(out.arrays, [
    ['9223372036854775807n', 'integer', 'x', { bytes: [1, 2] }],
    [2, 'integer', 1, null],
  ]);
  assert.deepEqual(out.columns, ['i', 'typeof(i)', 'x', 'b']);
  assert.deepEqual(out.real, [{ t: 'real' }]);
});

test('prepare, bind, step, reset, finalize', async () => {
  const out = await inPage(async (db) => {
    await db.exec('create table t(n); insert into t values (1), (2), (3)');
    const s = await db.prepare('select n * ?1 as m from t where n >= ?2 order by n');
    await s.bind([10, 2]);
    const first = await s.step();
    const rest = await s.all();
    const after = await s.step();
    await s.reset();
    const again = await s.all({ rowMode: 'array' });
    await s.finalize();
    return { columns: s.columns, count: s.parameterCount, first, rest, after: after ?? 'done', again };
  });
  assert.deepEqual(out, { columns: ['m'], count: 2, first: { m: 20 }, rest: [{ m: 30 }], after: 'done', again: [[20], [30]] });
});

test('errors are SqliteError with the extended code and the offset', async () => {
  const out = await inPage(async (db, _, caught) => {
    await db.exec('create table u(x unique); insert into u values (1)');
    return {
      syntax: await caught(() => db.query('select 1 1')),
      unique: await caught(() => db.exec('insert into u values (1)')),
      two: await caught(() => db.query('select 1; select 2')),
      name: await caught(() => db.query('select :a', { b: 1 })),
    };
  });
  assert.deepEqual(out.syntax, { name: 'SqliteError', code: 1, message: 'near "1": syntax error', offset: 9 });
  assert.equal(out.unique.code, 2067);
  assert.equal(out.unique.message, 'UNIQUE constraint failed: u.x');
  assert.match(out.two.message, /one statement; use exec\(\)/);
  assert.equal(out.name.message, 'the statement has no parameter named b');
});

test('a catalog extension loads by name; its functions, aggregates and virtual tables work', async () => {
  const out = await inPage(async (db) => {
    const info = await db.load('uuid');
    await db.load('stats');
    await db.load('series');
    return {
      info: { name: info.name, prefix: info.prefix, has: info.functions.includes('uuid_str') },
      uuid: await db.query("select uuid_str(x'00112233445566778899aabbccddeeff') as u, uuid__uuid_str(uuid_blob('00112233-4455-6677-8899-aabbccddeeff')) as q"),
      median: await db.query('select median(value) as m from stats_seq(1, 5)'),
      series: await db.query('select group_concat(value) as s from series__generate_series(1, 10, 3)'),
      // Both stats and series have generate_series: the bare name is neither's.
      ambiguous: await caught(() => db.query('select * from generate_series(1, 2)')),
      names: (await db.extensions()).map((e) => e.name),
    };
  });
  assert.deepEqual(out.info, { name: 'uuid', prefix: 'uuid', has: true });
  assert.deepEqual(out.uuid, [{ u: '00112233-4455-6677-8899-aabbccddeeff', q: '00112233-4455-6677-8899-aabbccddeeff' }]);
  assert.deepEqual(out.median, [{ m: 3 }]);
  assert.deepEqual(out.series, [{ s: '1,4,7,10' }]);
  assert.equal(out.ambiguous.message, 'no such table: generate_series');
  assert.deepEqual(out.names, ['uuid', 'stats', 'series']);
});

test('an extension from bytes is transpiled in the page and cached by its blake3', async () => {
  const out = await inPage(async (db) => {
    const bytes = new Uint8Array(await (await fetch('/dist/extensions/ulid.wasm')).arrayBuffer());
    const t0 = performance.now();
    await db.load(bytes);
    const first = performance.now() - t0;
    const ok = await db.query("select ulid_datetime('01ARZ3NDEKTSV4RRFFQ69G5FAV') as t, length(ulid()) as n");
    await db.unload('ulid');
    await db.load(await fetch('/dist/extensions/ulid.wasm'));
    const cached = (await (await caches.open('sqlink-transpiled-v1')).keys()).length;
    return { ok, cached, first: first > 0 };
  });
  assert.deepEqual(out.ok, [{ t: '2016-07-30 23:54:10.259', n: 26 }]);
  assert.ok(out.cached >= 1);
});

test('bad components get clear errors and leave the database working', async () => {
  const out = await inPage(async (db, _, caught) => {
    const bytes = async (p) => new Uint8Array(await (await fetch(p)).arrayBuffer());
    const good = await bytes('/dist/extensions/ulid.wasm');
    const corrupt = good.slice(0, 5000);
    return {
      text: await caught(() => db.load(new TextEncoder().encode('not wasm at all'))),
      corrupt: await caught(() => db.load(corrupt)),
      version: await caught(() => db.load('/dist/test-extensions/wrong-version.wasm')),
      grant: await caught(() => db.load('define')),
      missing: await caught(() => db.load('no_such_extension')),
      http: await caught(() => db.load('/dist/extensions/nope.wasm')),
      still: await db.query('select 42 as x'),
    };
  });
  assert.equal(out.text.message, 'the bytes given: not a WebAssembly file (it does not start with \\0asm)');
  assert.match(out.corrupt.message, /^the bytes given: not a valid component: /);
  assert.match(
    out.version.message,
    /wrong-version\.wasm: built for contract sqlink:extension@0\.1\.0, but this host speaks sqlink:extension@0\.2\.0; rebuild the extension against sqlink:extension@0\.2\.0$/,
  );
  assert.equal(out.grant.message, "refusing to load extension define: it needs spi: load it with { grants: ['spi'] }");
  assert.match(out.missing.message, /no extension named no_such_extension in the catalog/);
  assert.match(out.http.message, /404/);
  assert.deepEqual(out.still, [{ x: 42 }]);
});

test('unload removes the names and keeps the other extensions; pins and prefixes', async () => {
  const out = await inPage(async (db, _, caught) => {
    await db.load('uuid', { prefix: 'u' });
    await db.load('text');
    const before = await db.query("select u__uuid_str(zeroblob(16)) as a, text_upper('ab') as b");
    await db.unload('uuid');
    const gone = await caught(() => db.query('select uuid_str(zeroblob(16))'));
    const kept = await db.query("select text_upper('cd') as b");
    await db.load('uuid');
    const back = await db.query('select uuid_str(zeroblob(16)) as a');
    return { before, gone, kept, back, unknown: await caught(() => db.unload('nope')) };
  });
  assert.deepEqual(out.before, [{ a: '00000000-0000-0000-0000-000000000000', b: 'AB' }]);
  assert.equal(out.gone.message, 'no such function: uuid_str');
  assert.deepEqual(out.kept, [{ b: 'CD' }]);
  assert.deepEqual(out.back, [{ a: '00000000-0000-0000-0000-000000000000' }]);
  assert.equal(out.unknown.message, 'no extension named nope is loaded');
});

test('an extension error names the extension', async () => {
  const out = await inPage(async (db, _, caught) => {
    await db.load('/dist/test-extensions/trap.wasm');
    return { ok: await db.query('select trap_ok() as x'), panic: await caught(() => db.query("select trap_panic('boom')")) };
  });
  assert.deepEqual(out.ok, [{ x: 42 }]);
  assert.equal(out.panic.extension, 'trap');
  assert.match(out.panic.message, /trap/);
});

test('a trap restarts the extension; the next call works', async () => {
  const out = await inPage(async (db, _, caught) => {
    await db.load('/dist/test-extensions/trap.wasm');
    const deep = await caught(() => db.query('select trap_recurse(100000000)'));
    const after = await db.query('select trap_ok() as x');
    return { deep, after };
  });
  assert.equal(out.deep.extension, 'trap');
  assert.match(out.deep.message, /^trap: the extension crashed \(wasm trap: .*\); the extension was restarted$/);
  assert.deepEqual(out.after, [{ x: 42 }]);
});

test('a runaway call is stopped by restarting the worker; extensions come back', async () => {
  const out = await inPage(async (_, sqlink, caught) => {
    const db = await sqlink.Database.open(':memory:', { timeout: 1000 });
    await db.load('/dist/test-extensions/spin.wasm');
    await db.load('uuid');
    await db.exec('create table t(x); insert into t values (1)');
    const t0 = performance.now();
    const spun = await caught(() => db.query('select spin_forever()'));
    const waited = performance.now() - t0;
    const out = {
      spun,
      waited: waited < 4000,
      table: await caught(() => db.query('select x from t')),
      uuid: await db.query('select uuid_str(zeroblob(16)) as u'),
      names: (await db.extensions()).map((e) => e.name),
    };
    await db.close();
    return out;
  });
  assert.equal(out.spun.code, 9);
  assert.match(out.spun.message, /^query exceeded the time limit of 1000 ms: the worker was stopped and restarted; the database was in memory and is lost/);
  assert.ok(out.waited);
  assert.equal(out.table.message, 'no such table: t');
  assert.deepEqual(out.uuid, [{ u: '00000000-0000-0000-0000-000000000000' }]);
  assert.deepEqual(out.names, ['spin', 'uuid']);
});

test('an extension past its memory cap fails the call and restarts', async () => {
  const out = await inPage(async (db, _, caught) => {
    await db.load('/dist/test-extensions/hog.wasm', { mem: 32 });
    return {
      small: await db.query('select hog_alloc(1) as x'),
      big: await caught(() => db.query('select hog_alloc(64)')),
      again: await db.query('select hog_alloc(1) as x'),
    };
  });
  assert.deepEqual(out.small, [{ x: 1048576 }]);
  assert.equal(out.big.extension, 'hog');
  assert.equal(out.big.message, 'hog: call exceeded the memory limit of 32 MiB (raise it with { mem: MiB }); the extension was restarted');
  assert.deepEqual(out.again, [{ x: 1048576 }]);
});

test('spi works from attach and fails clearly inside a call', async () => {
  const out = await inPage(async (db, _, caught) => {
    // define's attach re-creates the functions saved in its table, over spi.
    await db.exec("create table sqlean_define(name text primary key, type text, body text)");
    await db.exec("insert into sqlean_define values ('sumn', 'scalar', ':n * (:n + 1) / 2')");
    await db.load('define', { grants: ['spi'] });
    return {
      restored: await db.query('select sumn(5) as s'),
      inside: await caught(() => db.query("select define('twice', '2 * :x')")),
    };
  });
  assert.deepEqual(out.restored, [{ s: 15 }]);
  assert.equal(out.inside.extension, 'define');
  assert.match(out.inside.message, /spi is not available inside a call in the browser host/);
});

test('OPFS keeps a database across a reload; memory does not', async () => {
  const write = () =>
    page.run(async () => {
      const root = await navigator.storage.getDirectory();
      const dir = await root.getDirectoryHandle('sqlink', { create: true });
      await dir.removeEntry('kept.db').catch(() => undefined);
      const { Database } = await import('./sqlink.js');
      const db = await Database.open('kept.db', { storage: 'opfs' });
      await db.exec("create table t(x); insert into t values ('kept'), (x'01')");
      await db.close();
      const mem = await Database.open('kept.db');
      await mem.exec('create table m(x)');
      await mem.close();
    });
  await write();
  await page.page.reload();
  const rows = await page.run(async () => {
    const { Database } = await import('./sqlink.js');
    const db = await Database.open('kept.db', { storage: 'opfs' });
    const rows = await db.query('select typeof(x) as t from t order by rowid');
    const mem = await Database.open('kept.db');
    const fresh = await mem.query("select count(*) as n from sqlite_master where name = 'm'");
    await db.close();
    await mem.close();
    return { rows, fresh };
  });
  assert.deepEqual(rows, { rows: [{ t: 'text' }, { t: 'blob' }], fresh: [{ n: 0 }] });
});

test('fs grants give an extension OPFS directories, and nothing else of the page', async () => {
  const out = await inPage(async (_, sqlink, caught) => {
    const root = await navigator.storage.getDirectory();
    await root.removeEntry('sqlink-files', { recursive: true }).catch(() => undefined);
    const db = await sqlink.Database.open('mine.db', { storage: 'opfs' });
    const refused = await caught(() => db.load('/dist/test-extensions/fsread.wasm'));
    await db.load('/dist/test-extensions/fsread.wasm', { grants: ['fs:/data'] });
    const wrote = await db.query("select fs_write('/data/note.txt', 'kept') as n");
    const read = await db.query("select fs_read('/data/note.txt') as t");
    // The database's own directory is not the extension's to see.
    const database = await caught(() => db.query("select fs_read('/mine.db')"));
    await db.close();
    // Another worker, granted the directory only to read: the file is there.
    const again = await sqlink.Database.open();
    await again.load('/dist/test-extensions/fsread.wasm', { grants: ['fs:/data:ro'] });
    const later = await again.query("select fs_read('/data/note.txt') as t");
    const write = await caught(() => again.query("select fs_write('/data/note.txt', 'changed')"));
    const create = await caught(() => again.query("select fs_write('/data/new.txt', 'x')"));
    const still = await again.query("select fs_read('/data/note.txt') as t");
    await again.close();
    return { refused, wrote, read, database, later, write, create, still };
  });
  assert.equal(out.refused.message, "refusing to load extension fsread: it needs fs (read-only): load it with { grants: ['fs:/DIR:ro'] }");
  assert.match(out.write.message, /^\/data\/note\.txt: .*read-only/i);
  assert.match(out.create.message, /^\/data\/new\.txt: .*read-only/i);
  assert.deepEqual(out.still, [{ t: 'kept' }]);
  assert.deepEqual(out.wrote, [{ n: 4 }]);
  assert.deepEqual(out.read, [{ t: 'kept' }]);
  assert.equal(out.database.extension, 'fsread');
  assert.match(out.database.message, /\/mine\.db: /);
  assert.deepEqual(out.later, [{ t: 'kept' }]);
});

test('a script runs statement by statement: triggers, strings and comments keep their semicolons', async () => {
  const out = await inPage(async (db) =>
    db.request('script', [
      `create table t(x); create table log(y);
       create temp trigger tr after insert on t begin insert into log values (new.x || ';'); insert into log values ('two;'); end;
       -- a comment; with a semicolon
       insert into t values ('a;b') /* and; here */;
       select y from log order by rowid; select 'it''s;' ; select nosuch; select 3`,
    ]),
  );
  assert.deepEqual(out, [
    { rows: [] },
    { rows: [] },
    { rows: [] },
    { rows: [] },
    { rows: [['a;b;'], ['two;']] },
    { rows: [["it's;"]] },
    { error: { message: 'no such column: nosuch', code: 1, offset: 7 } },
    { rows: [[3]] },
  ]);
});
