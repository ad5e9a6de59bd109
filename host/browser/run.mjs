// Runs SQL in headless Chromium through the browser package, for the tests
// and `make bench` that compare it with native sqlink:
//
//   node host/browser/run.mjs script [--load NAME]... < script.sql
//       runs the script in a fresh in-memory database and prints its rows
//       as sqlink's list mode does for integers and text (`|` between
//       values, NULL empty); an error goes to stderr. Prints the time the
//       page spent on the script (ms) to stderr as `time: N`.
//   node host/browser/run.mjs calls
//       the cost of a call to an extension's scalar (text_upper) and to the
//       built-in upper() over the same rows, in µs per call.

import { openPage } from './test/browser.mjs';

const [mode, ...rest] = process.argv.slice(2);

async function script(loads) {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const sql = Buffer.concat(chunks).toString('utf8');
  const p = await openPage();
  try {
    const result = await p.run(
      async ([sql, loads]) => {
        const { Database } = await import('./sqlink.js');
        const db = await Database.open(':memory:', { timeout: 600000 });
        for (const name of loads) await db.load(name);
        const t = performance.now();
        const results = await db.request('script', [sql]);
        const time = performance.now() - t;
        await db.close();
        const text = (v) => (v === null ? '' : v instanceof Uint8Array ? new TextDecoder().decode(v) : String(v));
        const out = [];
        const errors = [];
        for (const r of results) {
          if (r.error) errors.push(r.error.message);
          else for (const row of r.rows) out.push(row.map(text).join('|'));
        }
        return { out, errors, time };
      },
      [sql, loads],
    );
    process.stdout.write(result.out.map((l) => l + '\n').join(''));
    for (const e of result.errors) process.stderr.write(`Error: ${e}\n`);
    process.stderr.write(`time: ${result.time.toFixed(1)}\n`);
    process.exitCode = result.errors.length ? 1 : 0;
  } finally {
    await p.close();
  }
}

async function calls() {
  const p = await openPage();
  try {
    const r = await p.run(async () => {
      const { Database } = await import('./sqlink.js');
      const db = await Database.open(':memory:', { timeout: 600000 });
      await db.load('text');
      const N = 200000;
      const rows = `with recursive c(x) as (select 1 union all select x + 1 from c where x < ${N})`;
      const best = {};
      const exprs = { none: 'length(x)', extension: 'text_upper(x)', builtin: 'upper(x)' };
      for (let run = 0; run < 5; run++) {
        for (const [k, e] of Object.entries(exprs)) {
          const t = performance.now();
          await db.query(`${rows} select count(${e}) from c`);
          best[k] = Math.min(best[k] ?? Infinity, performance.now() - t);
        }
      }
      await db.close();
      return { extension: ((best.extension - best.none) * 1000) / N, builtin: ((best.builtin - best.none) * 1000) / N };
    });
    console.log(`extension ${r.extension.toFixed(3)}`);
    console.log(`builtin ${r.builtin.toFixed(3)}`);
  } finally {
    await p.close();
  }
}

if (mode === 'script') {
  const loads = [];
  for (let i = 0; i < rest.length; i++) if (rest[i] === '--load') loads.push(rest[++i]);
  await script(loads);
} else if (mode === 'calls') {
  await calls();
} else {
  console.error('usage: node host/browser/run.mjs script [--load NAME]... < FILE.sql | calls');
  process.exit(2);
}
