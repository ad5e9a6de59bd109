// One .wasm file, byte for byte, in all four hosts: the native shell
// (`sqlink`), SQLite-in-wasm (`sqlink --engine wasm`), the loader in
// Debian's sqlite3, and the page, which loads it by URL, as bytes, and by
// its catalog name; each reports the same blake3 and the same result.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { openPage } from './browser.mjs';
import { DIST } from '../serve.mjs';

const ROOT = join(DIST, '..', '..');
const FILE = 'dist/extensions/uuid.wasm';
const QUERY = "select uuid_str(uuid_blob('D5A80B20-0D8F-11E5-B8CB-080027B6EC40'));";
const EXPECTED = 'd5a80b20-0d8f-11e5-b8cb-080027b6ec40';

let p;
after(async () => p?.close());

const run = (program, args, input) => execFileSync(program, args, { cwd: ROOT, input, encoding: 'utf8' }).trim();

test('the same uuid.wasm gives the same answer in the four hosts, by the same hash', async () => {
  const hash = run(join(ROOT, 'dist/bin/sqlink'), ['hash', FILE]).split(/\s+/)[0];
  assert.match(hash, /^[0-9a-f]{64}$/);
  assert.equal(run(join(ROOT, 'dist/bin/sqlink'), [':memory:'], `.load ${FILE}\n${QUERY}\n`), EXPECTED);
  assert.equal(run(join(ROOT, 'dist/bin/sqlink'), ['--engine', 'wasm', ':memory:'], `.load ${FILE}\n${QUERY}\n`), EXPECTED);
  const loader = run('/usr/bin/sqlite3', [':memory:'], `.load dist/lib/libsqlink_loader\nselect sqlink_load('${FILE}');\n${QUERY}\n`);
  assert.equal(loader.split('\n').pop(), EXPECTED);

  p = await openPage();
  const page = await p.run(
    async ([query]) => {
      const { Database } = await import('./sqlink.js');
      const out = [];
      for (const source of ['extensions/uuid.wasm', 'bytes', 'uuid']) {
        const db = await Database.open();
        const what = source === 'bytes' ? new Uint8Array(await (await fetch('/dist/extensions/uuid.wasm')).arrayBuffer()) : source;
        const info = await db.load(what);
        const [row] = await db.query(query, undefined, { rowMode: 'array' });
        out.push({ source, blake3: info.blake3, result: row[0] });
        await db.close();
      }
      return out;
    },
    [QUERY],
  );
  assert.deepEqual(page, [
    { source: 'extensions/uuid.wasm', blake3: hash, result: EXPECTED },
    { source: 'bytes', blake3: hash, result: EXPECTED },
    { source: 'uuid', blake3: hash, result: EXPECTED },
  ]);
});
