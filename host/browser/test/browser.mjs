// Drives headless Chromium (Debian's, through playwright-core) on the
// served package; shared by the browser tests.

import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { serve, DIST } from '../serve.mjs';
import { join } from 'node:path';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

/**
 * A page on the served package (`path`: the playground, or by default an
 * empty page of its origin), with `run(fn, ...args)` evaluating in it;
 * dist/ itself is served under /dist/ (the .wasm files tests load as bytes).
 */
export async function openPage(path = 'blank') {
  if (!CHROMIUM) throw new Error('no Chromium at /usr/bin/chromium: run `make setup` (it installs Debian\'s chromium)');
  const { server, url } = await serve(DIST, 0, { '/dist/': join(DIST, '..') });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage();
  const messages = [];
  page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
  await page.goto(url + path);
  return {
    page,
    url,
    messages,
    run: (fn, ...args) => page.evaluate(fn, ...args),
    async close() {
      await browser.close();
      server.close();
    },
  };
}
