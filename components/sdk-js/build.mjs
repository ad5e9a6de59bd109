#!/usr/bin/env node
// sqlink-js-build: builds a JavaScript extension into a component.
//
//   node components/sdk-js/build.mjs ENTRY.js -o OUT.wasm [--aot] [--wit DIR]
//
// ENTRY's default export is an `extension({...})` (sqlink.js). The build
//  1. bundles ENTRY with esbuild into one ES module ('@sqlink/sdk' is this
//     SDK, wherever ENTRY is; npm packages ENTRY imports are bundled too),
//  2. imports the bundle in node to see which items it declares (its top
//     level runs here once, as it will in the component),
//  3. writes a world that includes, from wit/world.wit, only the surfaces
//     those items need (export only what you implement), with the contract
//     (wit/extension, sqlink:extension@0.2.0) as its dependency,
//  4. runs componentize-js on a module re-exporting those interfaces.
// componentize-js's `stdio` feature is left out: it imports
// wasi:filesystem, which a host grants only with a directory; so is `http`.
// The component imports wasi:clocks, wasi:random, wasi:io and wasi:cli/stderr,
// which every extension may use. `--aot` asks componentize-js for weval's
// ahead-of-time compilation (it needs a weval binary: $WEVAL_BIN, or one
// componentize-js downloads).

import { componentize } from '@bytecodealliance/componentize-js';
import { _setPreopens } from '@bytecodealliance/preview2-shim/filesystem';
import { build } from 'esbuild';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SDK = dirname(fileURLToPath(import.meta.url));
const USAGE = 'usage: sqlink-js-build ENTRY.js -o OUT.wasm [--aot] [--wit DIR]';
const INTERFACES = {
  base: ['manifest'],
  functions: ['overflow', 'scalar'],
  aggregates: ['overflow', 'aggregate'],
  collations: ['overflow', 'collation'],
  tables: ['vtab'],
};

function parseArgs(argv) {
  const opts = { entry: null, out: null, aot: false, wit: process.env.SQLINK_WIT ?? null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-o' || a === '--out') opts.out = argv[++i];
    else if (a === '--wit') opts.wit = argv[++i];
    else if (a === '--aot') opts.aot = true;
    else if (a === '-h' || a === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else if (!a.startsWith('-') && !opts.entry) opts.entry = a;
    else fail(`unexpected argument ${a}\n${USAGE}`);
  }
  if (!opts.entry || !opts.out) fail(USAGE);
  return opts;
}

/** A build error whose message says it all (no stack). */
class BuildError extends Error {}

function fail(message) {
  console.error(`sqlink-js-build: ${message}`);
  process.exit(2);
}

/** The contract's WIT: --wit / $SQLINK_WIT, a copy in the package, or the repository's. */
function contractDir(given) {
  const candidates = given ? [given] : [join(SDK, 'wit', 'deps', 'extension'), join(SDK, '..', '..', 'wit', 'extension')];
  const found = candidates.find((d) => existsSync(join(d, 'manifest.wit')));
  if (!found) throw new BuildError(`cannot find the contract (wit/extension/*.wit): tried ${candidates.join(', ')}; pass --wit DIR`);
  return found;
}

async function bundle(entry, outfile) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'browser', // StarlingMonkey is a web-like runtime (no node: modules)
    target: 'es2022',
    alias: { '@sqlink/sdk': join(SDK, 'sqlink.js') },
    logLevel: 'error',
  });
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const entry = resolve(opts.entry);
  const started = Date.now();
  const work = await mkdtemp(join(tmpdir(), 'sqlink-js-'));
  try {
    // 1-2: the extension, bundled, and what it declares.
    const bundled = join(work, 'extension.mjs');
    await bundle(entry, bundled);
    const ext = (await import(pathToFileURL(bundled).href)).default;
    if (!ext || !Array.isArray(ext.worlds) || !ext.exports) {
      throw new BuildError(`${opts.entry}: its default export must be extension({...}) from '@sqlink/sdk'`);
    }
    // 3: the world of the surfaces it uses.
    const wit = join(work, 'wit');
    await mkdir(join(wit, 'deps'), { recursive: true });
    await cp(contractDir(opts.wit), join(wit, 'deps', 'extension'), { recursive: true });
    const worlds = await readFile(join(SDK, 'wit', 'world.wit'), 'utf8');
    const includes = ext.worlds.map((w) => `    include ${w};`).join('\n');
    await writeFile(join(wit, 'world.wit'), `${worlds}\nworld extension {\n${includes}\n}\n`);
    // 4: the component's module, then the component.
    const names = [...new Set(ext.worlds.flatMap((w) => INTERFACES[w]))];
    const main = join(work, 'main.js');
    const lines = names.map((n) => `export const ${n} = ext.exports.${n};`);
    await writeFile(join(work, 'entry.mjs'), `import ext from ${JSON.stringify(bundled)};\n${lines.join('\n')}\n`);
    await bundle(join(work, 'entry.mjs'), main);
    // componentize-js reads the WIT through preview2-shim's WASI
    // filesystem, which (0.26) opens no directory unless told.
    _setPreopens({ [work]: work });
    const { component } = await componentize({
      sourcePath: main,
      witPath: wit,
      worldName: 'extension',
      disableFeatures: ['stdio', 'http', 'fetch-event'],
      enableAot: opts.aot,
      wevalBin: process.env.WEVAL_BIN,
    });
    await mkdir(dirname(resolve(opts.out)), { recursive: true });
    await writeFile(opts.out, component);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.error(`sqlink-js-build: ${opts.out}: extension ${ext.name} (${ext.worlds.slice(1).join(', ')}), ${component.length} bytes, ${seconds} s`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((e) => fail(e instanceof BuildError || e?.name === 'TypeError' ? e.message : (e?.stack ?? String(e))));
