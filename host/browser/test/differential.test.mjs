// The extensions' documented examples in the page against native sqlink:
// each catalog extension's scripts (tests/shell/NAME.sql and NAME-*.sql,
// whose expected values come from the reference's documentation and its
// own build) that need no grant and use no dot command but `.load` run
// statement by statement in Chromium and in `dist/bin/sqlink` (quote mode:
// exact values); every statement must give the same values or the same
// error. Among them: scalars, aggregates, window functions, collations,
// virtual tables, hooks (history) and the authorizer (guard).

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPage } from './browser.mjs';
import { DIST } from '../serve.mjs';

const ROOT = join(DIST, '..', '..');
const HERE = join(ROOT, 'host', 'browser', 'test');

/** Dot commands that only change how the shell shows values. */
const DISPLAY = ['.nullvalue', '.headers', '.mode', '.width', '.separator'];

let p;
after(async () => p?.close());

/** The scripts to run: catalog extensions' own, with only `.load` (no grant). */
function scripts() {
  const catalog = JSON.parse(readFileSync(join(DIST, 'extensions', 'index.json'), 'utf8')).map((e) => e.name);
  const dir = join(ROOT, 'tests', 'shell');
  const files = readdirSync(dir).filter((f) => catalog.some((name) => f === `${name}.sql` || f.startsWith(`${name}-`)));
  const out = [];
  for (const file of files) {
    const name = file.slice(0, -4);
    const path = join(dir, file);
    // EXPLAIN's output is the shell's own layout, not values; the output
    // settings change how values look, not what they are (quote mode shows
    // them exactly).
    const items = JSON.parse(execFileSync('python3', [join(HERE, 'statements.py'), path], { encoding: 'utf8' })).filter(
      (i) => !/^\s*explain\b/i.test(i.sql ?? '') && !DISPLAY.includes(i.dot?.[0]),
    );
    const loads = items.filter((i) => i.dot);
    const plain = loads.every(
      (i) => i.dot[0] === '.load' && /^dist\/(extensions|test-extensions)\/[\w-]+\.wasm$/.test(i.dot[1]) && i.dot.slice(2).every((a, k, all) => (a === '--pin' || a === '--prefix' ? k + 1 < all.length : all[k - 1] === '--pin' || all[k - 1] === '--prefix')),
    );
    if (plain && loads.length) out.push({ name, items });
  }
  return out;
}

/** Values of sqlink's quote mode: NULL, integers, reals, 'text', X'hex'; rows by line. */
function parseQuote(text) {
  const rows = [];
  let row = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') {
      rows.push(row);
      row = [];
      i++;
    } else if (c === ',') {
      i++;
    } else if (c === "'") {
      let s = '';
      for (i++; ; i++) {
        if (text[i] === "'" && text[i + 1] === "'") {
          s += "'";
          i++;
        } else if (text[i] === "'") {
          i++;
          break;
        } else s += text[i];
      }
      row.push(s);
    } else if (text.startsWith("X'", i)) {
      const end = text.indexOf("'", i + 2);
      row.push({ hex: text.slice(i + 2, end).toLowerCase() });
      i = end + 1;
    } else {
      const m = /^(NULL|-?Inf|NaN|[-+0-9.eE]+)/.exec(text.slice(i));
      if (!m) throw new Error(`cannot read quote-mode output at ${JSON.stringify(text.slice(i, i + 40))}`);
      const t = m[1];
      row.push(t === 'NULL' ? null : t === 'Inf' ? Infinity : t === '-Inf' ? -Infinity : /^-?\d+$/.test(t) ? BigInt(t) : Number(t));
      i += t.length;
    }
  }
  if (row.length) rows.push(row);
  return rows;
}

/** A value in one comparable form (JSON): numbers by value, blobs by hex. */
function norm(v) {
  if (v === null) return null;
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : `${v}n`;
  // The shell shows -0.0 as 0.0.
  if (typeof v === 'number') return Number.isFinite(v) ? v + 0 : String(v);
  if (typeof v === 'object' && 'hex' in v) return { hex: v.hex };
  return v;
}

/** Runs a script's items in native sqlink: each statement's rows or error. */
function native(items) {
  let input = '.mode quote\n';
  let line = 1;
  const starts = [];
  items.forEach((item, k) => {
    if (item.dot) {
      input += item.dot.join(' ') + '\n';
      line += 1;
      return;
    }
    input += `.print @@${k}\n`;
    line += 1;
    starts.push([line, k]);
    input += item.sql + '\n';
    line += item.sql.split('\n').length;
  });
  const run = spawnSync(join(ROOT, 'dist', 'bin', 'sqlink'), [':memory:'], { cwd: ROOT, input });
  const stdout = run.stdout.toString('utf8');
  const results = new Map();
  const parts = stdout.split(/^@@(\d+)\n/m);
  for (let j = 1; j < parts.length; j += 2) results.set(Number(parts[j]), { rows: parseQuote(parts[j + 1]) });
  // A runtime error's message runs to the next error (it may span lines,
  // its code in parentheses at the end); a parse error's is one line, then
  // the statement with a caret.
  let current;
  for (const l of run.stderr.toString('utf8').split('\n')) {
    const m = /^(Parse|Runtime) error near line (\d+): (.*)$/.exec(l);
    if (m) {
      const owner = starts.filter(([s]) => s <= Number(m[2])).pop();
      current = { k: owner[1], text: m[3], more: m[1] === 'Runtime' };
      results.set(current.k, current);
    } else if (l.startsWith('Error:')) {
      throw new Error(`native sqlink: ${l}`);
    } else if (current?.more) {
      current.text += '\n' + l;
    }
  }
  for (const [k, r] of results) if ('text' in r) results.set(k, { error: r.text.replace(/\n*$/, '').replace(/ \(\d+\)$/, '') });
  return results;
}

test("each extension's documented examples give the same values in the page as in native sqlink", { timeout: 600000 }, async () => {
  const all = scripts();
  assert.ok(all.length >= 50, `found ${all.length} scripts to compare`);
  // Hooks and the authorizer among them.
  for (const surface of ['history-transactions', 'guard-rules', 'stats', 'uint', 'regex']) {
    assert.ok(all.some((s) => s.name === surface), `${surface}.sql is compared`);
  }
  p = await openPage();
  const differences = [];
  let statements = 0;
  for (const { name, items } of all) {
    const expected = native(items);
    const got = await p.run(async (items) => {
      const { Database } = await import('./sqlink.js');
      const db = await Database.open();
      const out = {};
      try {
        for (const [k, item] of items.entries()) {
          if (item.dot) {
            const [, file, ...args] = item.dot;
            const options = { pins: [] };
            for (let a = 0; a < args.length; a += 2) {
              if (args[a] === '--pin') options.pins.push(args[a + 1]);
              else options.prefix = args[a + 1];
            }
            const catalog = /^dist\/extensions\/([\w]+)\.wasm$/.exec(file);
            await db.load(catalog ? catalog[1] : `/${file}`, options);
            continue;
          }
          const [r] = await db.request('script', [item.sql]);
          const hex = (b) => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
          out[k] = r.error
            ? { error: r.error.message }
            : { rows: r.rows.map((row) => row.map((v) => (v instanceof Uint8Array ? { hex: hex(v) } : typeof v === 'bigint' ? `${v}n` : v))) };
        }
      } finally {
        await db.close();
      }
      return out;
    }, items);
    for (const [k, item] of items.entries()) {
      if (item.dot) continue;
      statements += 1;
      const want = expected.get(k) ?? { rows: [] };
      const have = got[k];
      const w = want.error !== undefined ? { error: want.error } : { rows: want.rows.map((r) => r.map(norm)) };
      const h = have.error !== undefined ? { error: have.error } : { rows: have.rows.map((r) => r.map((v) => (typeof v === 'string' && /^-?\d+n$/.test(v) ? norm(BigInt(v.slice(0, -1))) : typeof v === 'string' ? v : norm(v)))) };
      try {
        assert.deepEqual(h, w);
      } catch {
        differences.push(`${name}.sql line ${item.line}: ${item.sql.slice(0, 80)}\n  native  ${JSON.stringify(w).slice(0, 300)}\n  browser ${JSON.stringify(h).slice(0, 300)}`);
      }
    }
  }
  assert.deepEqual(differences, [], `${differences.length} of ${statements} statements differ:\n${differences.join('\n')}`);
});
