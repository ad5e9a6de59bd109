// README's page ("In a web page") runs as written: served beside the
// package, it shows the uuid and logs the BigInt.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openPage } from './browser.mjs';
import { DIST } from '../serve.mjs';

let p;
after(async () => p?.close());

test("README's ten-line page works", async () => {
  const readme = await readFile(join(DIST, '..', '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## In a web page'));
  const html = section.match(/```html\n([\s\S]*?)```/)[1];
  assert.ok(html.split('\n').length <= 12, 'the example stays about ten lines');
  p = await openPage();
  await p.page.route(p.url + 'readme-example.html', (route) => route.fulfill({ body: html, contentType: 'text/html' }));
  await p.page.goto(p.url + 'readme-example.html');
  await p.page.waitForFunction(() => document.body?.textContent?.includes('-'), null, { timeout: 30000 });
  assert.equal(await p.page.textContent('body'), 'd5a80b20-0d8f-11e5-b8cb-080027b6ec40');
  // The log line comes after the text, from one more query.
  for (let i = 0; i < 100 && !p.messages.includes('log: bigint 9007199254740993'); i++) await new Promise((r) => setTimeout(r, 100));
  assert.ok(p.messages.includes('log: bigint 9007199254740993'), p.messages.join('\n'));
});
