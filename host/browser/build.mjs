// Builds the browser package into dist/browser/ (run by `make browser`):
//
//   core/                sqlite-core, transpiled by jco (instantiated with JS imports)
//   extensions/NAME/     every catalog extension of dist/extensions/, transpiled
//   extensions/NAME.wasm the extension itself, byte for byte, to load by URL
//   extensions/index.json the catalog: each name with its file's blake3
//   sqlink.js            the page's API (Database, Statement, SqliteError)
//   worker.js            the worker a Database runs in
//   transpiler/          jco's transpiler, fetched only to load bytes at run time
//   types/               TypeScript declarations (sqlink.d.ts points there)
//   index.html, ...      the playground (`make web`)
//   README.md            the package's documentation
//
// A component is transpiled again only when its .wasm's bytes changed.

import { transpileBytes } from '@bytecodealliance/jco-transpile';
import { blake3 } from '@noble/hashes/blake3.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { build } from 'esbuild';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const out = join(root, 'dist', 'browser');

/**
 * Transpiles `wasm` into `dir` as NAME.js and NAME.core*.wasm, unless `dir`
 * holds what these very bytes gave (its `.blake3` stamp). Returns the hash.
 */
async function transpile(wasm, dir, name) {
  const bytes = await readFile(wasm);
  const hash = bytesToHex(blake3(bytes));
  const stamp = join(dir, '.blake3');
  if ((await readFile(stamp, 'utf8').catch(() => '')) === hash) return { hash, fresh: false };
  const { files } = await transpileBytes(bytes, {
    name,
    instantiation: 'async',
    base64Cutoff: 0,
    noComponentErrorWrapping: true,
    nodejsCompat: false,
    emitTypescriptDeclarations: false,
  });
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const [file, bytes] of Object.entries(files)) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), bytes);
  }
  await writeFile(stamp, hash);
  return { hash, fresh: true };
}

async function catalog() {
  const found = [];
  const dir = join(root, 'dist', 'extensions');
  for (const f of (await readdir(dir)).sort()) if (f.endsWith('.wasm')) found.push(join(dir, f));
  return found;
}

await mkdir(out, { recursive: true });
if ((await transpile(join(root, 'dist', 'components', 'sqlite-core.wasm'), join(out, 'core'), 'sqlite-core')).fresh) {
  console.log('browser: transpiled sqlite-core');
}
const extensions = await catalog();
let fresh = 0;
const index = [];
for (const wasm of extensions) {
  const name = basename(wasm, '.wasm');
  const { hash, fresh: now } = await transpile(wasm, join(out, 'extensions', name), name);
  if (now) fresh += 1;
  await copyFile(wasm, join(out, 'extensions', `${name}.wasm`));
  index.push({ name, blake3: hash });
}
console.log(`browser: ${extensions.length} extensions (${fresh} transpiled now)`);
await writeFile(join(out, 'extensions', 'index.json'), JSON.stringify(index, null, 1) + '\n');

await build({
  entryPoints: { sqlink: join(here, 'src/index.ts'), worker: join(here, 'src/worker.ts'), 'transpiler/transpiler': join(here, 'src/transpiler.ts') },
  outdir: out,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  logLevel: 'warning',
  legalComments: 'none',
  // jco's generated code imports node:fs only when it runs in node.
  external: ['node:*'],
});
const vendor = join(here, 'node_modules/@bytecodealliance/jco-transpile/vendor');
for (const f of await readdir(vendor)) {
  if (f.startsWith('js-component-bindgen-component.core')) await copyFile(join(vendor, f), join(out, 'transpiler', f));
}
execFileSync(process.execPath, [join(here, 'node_modules/typescript/bin/tsc'), '-p', join(here, 'tsconfig.json')], { stdio: 'inherit' });
await writeFile(join(out, 'sqlink.d.ts'), "export * from './types/index.js';\n");
const pkg = JSON.parse(await readFile(join(here, 'package.json'), 'utf8'));
delete pkg.devDependencies;
await writeFile(join(out, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
for (const f of await readdir(join(here, 'playground'))) await copyFile(join(here, 'playground', f), join(out, f));
await copyFile(join(here, 'README.md'), join(out, 'README.md'));
console.log('browser: dist/browser/ (sqlink.js, worker.js, playground index.html)');
