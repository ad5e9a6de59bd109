// The playground page in headless Chromium: it starts with its default
// extensions, runs the editor's SQL into a table, loads and unloads a
// catalog extension by its button, shows errors plainly. Leaves a
// screenshot in target/browser/playground.png to look at.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { openPage } from './browser.mjs';
import { DIST } from '../serve.mjs';

let p;
after(async () => p?.close());

test('the playground runs SQL, loads from the catalog and shows errors', async () => {
  p = await openPage('index.html');
  const { page } = p;
  await page.setViewportSize({ width: 1200, height: 760 });
  await page.waitForSelector('#results table', { timeout: 30000 });
  const header = await page.$$eval('#results th', (ths) => ths.map((t) => t.textContent));
  assert.deepEqual(header, ['id', 'shout', 'median']);
  const cells = await page.$$eval('#results td', (tds) => tds.map((t) => t.textContent));
  assert.match(cells[0], /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.deepEqual(cells.slice(1), ['HELLO', '5']);
  assert.match(await page.textContent('#status'), /^ran in/);

  await page.click('#catalog li[data-name="ulid"] button');
  await page.waitForSelector('#catalog li.loaded[data-name="ulid"]');
  await page.fill('#sql', "select ulid_datetime('01ARZ3NDEKTSV4RRFFQ69G5FAV') as t, x'00ff' as b, null as n;");
  await page.click('#run');
  await page.waitForFunction(() => document.querySelector('#results th')?.textContent === 't');
  assert.deepEqual(await page.$$eval('#results td', (tds) => tds.map((t) => t.textContent)), ['2016-07-30 23:54:10.259', "x'00ff'", 'NULL']);

  await page.fill('#sql', 'select ulid_datetime(42)');
  await page.click('#run');
  await page.waitForSelector('#error:not([hidden])');
  assert.match(await page.textContent('#error'), /code 1/);

  await page.click('#catalog li[data-name="ulid"] button');
  await page.waitForSelector('#catalog li[data-name="ulid"]:not(.loaded)');
  const dir = join(DIST, '..', '..', 'target', 'browser');
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: join(dir, 'playground.png'), fullPage: true });
  assert.deepEqual(p.messages.filter((m) => m.startsWith('pageerror')), []);
});
