// Serves dist/browser/ on 127.0.0.1 (`make web`, and the browser tests):
// static files with the MIME types a page needs (JS modules, wasm).
//
//   node host/browser/serve.mjs [--port N]

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.ts': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The package's directory: dist/browser/ of this checkout. */
export const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'browser');

/**
 * Starts serving `dir`, and each of `mounts` (URL prefix to directory) under
 * its prefix; resolves to the server and its URL.
 */
export function serve(dir = DIST, port = 0, mounts = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const [prefix, base] = Object.entries(mounts).find(([p]) => path.startsWith(p)) ?? ['/', dir];
    const rest = path.slice(prefix.length - 1);
    const file = normalize(join(base, rest.endsWith('/') ? rest + 'index.html' : rest));
    if (!file.startsWith(normalize(base) + sep) && file !== normalize(base)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}`);
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}/` }));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--port');
  const port = at > 0 ? Number(process.argv[at + 1]) : 8080;
  try {
    await stat(join(DIST, 'sqlink.js'));
  } catch {
    console.error('dist/browser/ is not built: run `make browser` (or `make build`) first');
    process.exit(1);
  }
  const { url } = await serve(DIST, port).catch((e) => {
    console.error(`cannot listen on 127.0.0.1:${port}: ${e.message} (pick another with --port N)`);
    process.exit(1);
  });
  console.log(`sqlink playground: ${url}  (Ctrl-C to stop)`);
}
